//! einsum and einsum_path against NumPy: every recorded subscripts string, with every
//! optimisation (no reordering, greedy, optimal) giving NumPy's result, and the paths and
//! reports `einsum_path` prints.

use crate::common;

use common::{check_dyn, load, operand};
use nprs_core::DynArray;
use nprs_core::prelude::*;
use nprs_linalg::{Optimize, dynamic, einsum, einsum_path};
use nprs_testkit::{Case, Cases, Value, oracle};

fn string(c: &Case) -> String {
    match c.input() {
        Value::Str(s) => s.clone(),
        other => panic!("{}: {other:?}", c.name),
    }
}

fn int(v: &Value) -> usize {
    match v {
        Value::Int(i) => *i as usize,
        other => panic!("not an int: {other:?}"),
    }
}

/// A recorded `optimize=` argument.
fn optimize(v: &Value) -> Optimize {
    match v {
        Value::Bool(false) => Optimize::No,
        Value::Bool(true) => Optimize::Greedy,
        Value::Str(s) if s == "greedy" => Optimize::Greedy,
        Value::Str(s) if s == "optimal" => Optimize::Optimal,
        Value::List(items) => match &items[..] {
            [Value::Str(s), Value::Int(l)] if s == "greedy" => Optimize::GreedyLimit(*l as u64),
            [Value::Str(s), Value::Int(l)] if s == "optimal" => Optimize::OptimalLimit(*l as u64),
            [Value::Str(s), steps @ ..] if s == "einsum_path" => Optimize::Path(
                steps
                    .iter()
                    .map(|st| match st {
                        Value::List(p) => p.iter().map(int).collect(),
                        other => panic!("a path step: {other:?}"),
                    })
                    .collect(),
            ),
            other => panic!("optimize {other:?}"),
        },
        other => panic!("optimize {other:?}"),
    }
}

/// The einsum cases: result names (`e_<name>`), each with its subscripts, operands and
/// optional optimize argument.
fn einsum_cases(c: &Cases) -> Vec<(String, String, Vec<DynArray>, Option<Optimize>)> {
    let mut out = Vec::new();
    for case in c.with_prefix("e_").filter(|k| !k.name.contains("__")) {
        let name = case.name.clone();
        let subs = string(c.case(&format!("{name}__s")));
        let mut ops = Vec::new();
        while let Some(x) = c.iter().find(|k| k.name == format!("{name}__{}", ops.len())) {
            ops.push(operand(x));
        }
        let opt = c.iter().find(|k| k.name == format!("{name}__opt")).map(|k| optimize(k.input()));
        out.push((name, subs, ops, opt));
    }
    out
}

#[test]
fn einsum_matches_numpy_with_every_optimisation() {
    let c = oracle("linalg/einsum");
    let cases = einsum_cases(&c);
    assert!(cases.len() > 100, "{} einsum cases", cases.len());
    for (name, subs, ops, opt) in cases {
        let case = c.case(&name);
        let refs: Vec<&DynArray> = ops.iter().collect();
        let opts = match opt {
            Some(o) => vec![o],
            None => vec![Optimize::No, Optimize::Greedy, Optimize::Optimal],
        };
        for o in opts {
            match dynamic::einsum(&subs, &refs, o.clone()) {
                Ok(d) => check_dyn(case, d),
                Err(e) => case.check_error(e.numpy_kind(), &e.to_string()),
            }
        }
    }
}

#[test]
fn typed_einsum_matches_numpy() {
    let c = oracle("linalg/einsum");
    for name in [
        "e_mm",
        "e_bmm",
        "e_attn",
        "e_attn_swapped",
        "e_chain3",
        "e_five",
        "e_ell_mm",
        "e_diag_3",
        "e_trace",
        "e_scalar_times",
    ] {
        let case = c.case(name);
        let subs = string(c.case(&format!("{name}__s")));
        let ops: Vec<Array<f64>> =
            (0..).map_while(|i| c.iter().find(|k| k.name == format!("{name}__{i}"))).map(load::<f64>).collect();
        let views: Vec<ArrayView<'_, f64>> = ops.iter().map(|a| a.view()).collect();
        for o in [Optimize::No, Optimize::Greedy, Optimize::Optimal] {
            case.check(&einsum(&subs, &views, o).unwrap());
        }
    }
    // The seeds' integer uses.
    let a = Array::<i64>::arange(12).into_shape(&[3, 4]).unwrap();
    let b = Array::<i64>::arange(20).into_shape(&[4, 5]).unwrap();
    let m = einsum("ij,jk->ik", &[a.view(), b.view()], Optimize::No).unwrap();
    assert_eq!(m, nprs_linalg::matmul(&a, &b).unwrap());
    let t = einsum("ii->", &[nprs_core::identity::<f64>(4).unwrap().view()], Optimize::No).unwrap();
    assert_eq!(t.to_vec(), vec![4.0]);
}

#[test]
fn einsum_path_matches_numpy() {
    let c = oracle("linalg/einsum");
    let mut n = 0;
    for case in c.with_prefix("p_").filter(|k| !k.name.contains("__") && !k.name.ends_with("_report")) {
        let name = &case.name;
        let subs = string(c.case(&format!("{name}__s")));
        let shapes: Vec<Vec<usize>> = match c.case(&format!("{name}__shapes")).input() {
            Value::List(v) => v
                .iter()
                .map(|s| match s {
                    Value::List(d) => d.iter().map(int).collect(),
                    other => panic!("{other:?}"),
                })
                .collect(),
            other => panic!("{other:?}"),
        };
        let refs: Vec<&[usize]> = shapes.iter().map(Vec::as_slice).collect();
        let opt = optimize(c.case(&format!("{name}__opt")).input());
        let p = einsum_path(&subs, &refs, opt).unwrap();
        let mut list = vec![Value::Str("einsum_path".into())];
        list.extend(p.path.iter().map(|s| Value::List(s.iter().map(|&x| Value::Int(x as i128)).collect())));
        case.check_value(&Value::List(list));
        if let Some(r) = c.iter().find(|k| k.name == format!("{name}_report")) {
            r.check_str(&p.report);
        }
        n += 1;
    }
    assert!(n >= 20, "{n} path cases");
}

#[test]
fn einsum_refuses_no_operands_and_float16() {
    let e = einsum::<f64>("ij", &[], Optimize::No).unwrap_err();
    assert_eq!(e.to_string(), "must specify the einstein sum subscripts string and at least one operand");
    assert_eq!(e.numpy_kind(), "ValueError");
    let h = DynArray::from(Array::<f64>::ones(&[2]).unwrap()).astype(&nprs_core::Descr::from(DType::Float16)).unwrap();
    assert_eq!(dynamic::einsum("i", &[&h], Optimize::No).unwrap_err().numpy_kind(), "TypeError");
}
