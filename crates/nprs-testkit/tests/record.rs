//! The read-coverage record: passing comparisons and input reads are written once each;
//! failed comparisons and plain reads of expectations are not.

use std::panic::{AssertUnwindSafe, catch_unwind};

use nprs_core::Array;
use nprs_testkit::{Case, Elems, oracle, record::coverage_dir};

/// This process's record lines.
fn lines() -> Vec<String> {
    let exe = std::env::current_exe().unwrap();
    let file = format!("{}.{}.txt", exe.file_name().unwrap().to_string_lossy(), std::process::id());
    std::fs::read_to_string(coverage_dir().join(file)).unwrap_or_default().lines().map(String::from).collect()
}

fn count(mark: &str, name: &str) -> usize {
    lines().iter().filter(|l| **l == format!("{mark}\tcore/arith\t{name}")).count()
}

fn int8s(c: &Case) -> Array<i8> {
    let Elems::Int(v) = &c.array().data else { panic!("{}: not ints", c.name) };
    Array::from_vec(v.iter().map(|&x| i8::try_from(x).unwrap()).collect())
}

#[test]
fn comparisons_and_input_reads_are_recorded_once() {
    let o = oracle("core/arith");
    // An input case (its code ends in a variable name): reading it covers it.
    let input = o.case("int8_a");
    assert!(input.is_input());
    let _ = input.array();
    let _ = input.input();
    assert_eq!(count("i", "int8_a"), 1);
    // An expectation: reading it records nothing, and it cannot be read as an input.
    let add = o.case("int8_add");
    assert!(!add.is_input());
    let _ = add.array();
    assert!(catch_unwind(AssertUnwindSafe(|| add.input())).is_err());
    assert_eq!(count("i", "int8_add") + count("c", "int8_add"), 0);
    // A comparison that fails records nothing; one that passes records the case once.
    let (a, b) = (int8s(input), int8s(o.case("int8_b")));
    let sub = o.case("int8_sub");
    assert!(catch_unwind(AssertUnwindSafe(|| sub.check(&(&a + &b)))).is_err());
    assert_eq!(count("c", "int8_sub"), 0);
    for _ in 0..3 {
        sub.check(&(&a - &b));
    }
    assert_eq!(count("c", "int8_sub"), 1);
}
