//! Oracle checks of what a port of NumPy code writes first (tests/oracle/groups/core/porting.py):
//! ranges from plain literals, scalars printed as NumPy prints them, function forms with
//! scalars, comparisons and mixed element types.

use nprs_core::prelude::*;
use nprs_core::{arange, geomspace, linspace, linspace_retstep, logspace};
use nprs_testkit::{Case, Cases, Elems, Value, oracle};

fn cases() -> Cases {
    oracle("core/porting")
}

// ---------------------------------------------------------------------------------------
// Ranges: plain literals give NumPy's dtype.

#[test]
fn ranges_from_integer_literals_are_float64() {
    let o = cases();
    // Rust infers these literals as i32; NumPy's result is float64 all the same.
    o.case("linspace_int_literals").check(&linspace(0, 1, 5, true).unwrap());
    let (y, step) = linspace_retstep(0, 1, 5, true).unwrap();
    o.case("linspace_int_literals_retstep").check_item(0, &y);
    o.case("linspace_int_literals_retstep").check_item(1, &Array::from_elem_0d(step));
    o.case("logspace_int_literals").check(&logspace(0, 3, 4, true, 10.0).unwrap());
    o.case("geomspace_int_literals").check(&geomspace(1, 1000, 4, true).unwrap());
    o.case("linspace_complex_literals").check(&linspace(C128::new(0.0, 0.0), C128::new(1.0, 1.0), 3, true).unwrap());
}

#[test]
fn arange_from_literals_has_numpys_dtype() {
    let o = cases();
    o.case("arange_int_literals").check(&arange(0, 10, 3).unwrap());
    o.case("arange_float_literals").check(&arange(0.5, 3.0, 0.5).unwrap());
}

// ---------------------------------------------------------------------------------------
// Scalars printed as NumPy prints them.

/// The recorded values of a case's first item, as `T`.
fn values<T: nprs_core::Cast>(c: &Case) -> Vec<T> {
    let Value::List(items) = &c.result else { panic!("{}: expected a tuple", c.name) };
    let Value::Array(a) = &items[0] else { panic!("{}: expected an array", c.name) };
    match &a.data {
        Elems::Bool(v) => v.iter().map(|&b| T::cast_from(b)).collect(),
        Elems::Int(v) if T::DTYPE == DType::UInt64 => v.iter().map(|&i| T::cast_from(i as u64)).collect(),
        Elems::Int(v) => v.iter().map(|&i| T::cast_from(i as i64)).collect(),
        Elems::Float(v) => v.iter().map(|&x| T::cast_from(x)).collect(),
        Elems::Complex(v) => v.iter().map(|&(re, im)| T::cast_from(C128::new(re, im))).collect(),
        Elems::Str(_) => panic!("{}: strings", c.name),
    }
}

/// The recorded strings of item `i`.
fn strings(c: &Case, i: usize) -> Vec<String> {
    let Value::List(items) = &c.result else { panic!("{}: expected a tuple", c.name) };
    let Value::List(v) = &items[i] else { panic!("{}: expected a list", c.name) };
    v.iter()
        .map(|s| match s {
            Value::Str(s) => s.clone(),
            other => panic!("{}: expected a string, found {other:?}", c.name),
        })
        .collect()
}

fn check_scalar_strings<T: nprs_core::Cast + NpFormat>(o: &Cases) {
    let c = o.case(&format!("scalar_{}", T::DTYPE.name()));
    let xs = values::<T>(c);
    let (strs, reprs) = (strings(c, 1), strings(c, 2));
    assert_eq!(xs.len(), strs.len(), "{}", c.name);
    assert!(xs.len() >= 2, "{}", c.name);
    for ((x, s), r) in xs.iter().zip(&strs).zip(&reprs) {
        assert_eq!(&x.np().to_string(), s, "{}: str of the value NumPy prints as {s}", c.name);
        assert_eq!(&format!("{:?}", x.np()), r, "{}: repr", c.name);
    }
}

#[test]
fn scalars_print_as_numpy_scalars() {
    let o = cases();
    check_scalar_strings::<bool>(&o);
    check_scalar_strings::<i8>(&o);
    check_scalar_strings::<i16>(&o);
    check_scalar_strings::<i32>(&o);
    check_scalar_strings::<i64>(&o);
    check_scalar_strings::<u8>(&o);
    check_scalar_strings::<u16>(&o);
    check_scalar_strings::<u32>(&o);
    check_scalar_strings::<u64>(&o);
    check_scalar_strings::<f16>(&o);
    check_scalar_strings::<f32>(&o);
    check_scalar_strings::<f64>(&o);
    check_scalar_strings::<C64>(&o);
    check_scalar_strings::<C128>(&o);
}

#[test]
fn float32_max_prints_as_numpy() {
    // The case from the issue: `{}` of f32::MAX is Rust's 39 digits; NumPy prints 3.4028235e+38.
    assert_eq!(f32::MAX.np().to_string(), "3.4028235e+38");
    assert_eq!(format!("{:?}", f32::MAX.np()), "np.float32(3.4028235e+38)");
}
