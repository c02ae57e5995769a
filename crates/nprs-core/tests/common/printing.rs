//! Helpers shared by the printing test files: reading recorded values and options.

use std::collections::BTreeMap;

use nprs_core::print::PrintOptions;
use nprs_testkit::{Case, Value};

/// A recorded Python int.
pub fn int(v: &Value) -> i128 {
    match v {
        Value::Int(i) => *i,
        other => panic!("expected an int, found {other:?}"),
    }
}

/// A recorded Python str.
pub fn text(v: &Value) -> &str {
    match v {
        Value::Str(s) => s,
        other => panic!("expected a str, found {other:?}"),
    }
}

/// The print options recorded by `np.get_printoptions()`.
pub fn options_from(d: &BTreeMap<String, Value>) -> PrintOptions {
    let flag = |k: &str| match &d[k] {
        Value::Bool(b) => *b,
        other => panic!("{k}: expected a bool, found {other:?}"),
    };
    PrintOptions {
        precision: int(&d["precision"]) as usize,
        threshold: int(&d["threshold"]).min(usize::MAX as i128) as usize,
        edgeitems: int(&d["edgeitems"]) as usize,
        linewidth: int(&d["linewidth"]) as usize,
        suppress: flag("suppress"),
        nanstr: text(&d["nanstr"]).to_string(),
        infstr: text(&d["infstr"]).to_string(),
        sign: text(&d["sign"]).parse().unwrap(),
        floatmode: text(&d["floatmode"]).parse().unwrap(),
    }
}

/// One difference between NumPy's string and nprs's, with the case's NumPy code.
pub fn report(case: &Case, what: &str, want: &str, got: &str) -> String {
    format!(
        "--- {}/{} ({what})\n  NumPy code:\n    {}\n  NumPy:\n{want}\n  nprs:\n{got}",
        case.file,
        case.name,
        case.expr.replace('\n', "\n    ")
    )
}

/// Compares NumPy's `repr`/`str` with nprs's through the formatting traits (`got[0]`,
/// `got[1]`) and through `array_repr`/`array_str` (`got[2]`, `got[3]`), collecting every
/// difference.
pub fn compare_strings(case: &Case, want_repr: &str, want_str: &str, got: [&str; 4], failures: &mut Vec<String>) {
    let wants = [want_repr, want_str, want_repr, want_str];
    let before = failures.len();
    for ((what, want), got) in ["repr", "str", "array_repr", "array_str"].into_iter().zip(wants).zip(got) {
        if want != got {
            failures.push(report(case, what, want, got));
        }
    }
    // Differences are reported together by the caller; a case counts as compared when
    // all four strings agreed.
    if failures.len() == before {
        case.assert(true, "");
    }
}
