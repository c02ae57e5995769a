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
    let ours: Vec<String> = xs.iter().map(|x| x.np().to_string()).collect();
    let our_reprs: Vec<String> = xs.iter().map(|x| format!("{:?}", x.np())).collect();
    c.assert_eq((strs, reprs), (ours, our_reprs));
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

// ---------------------------------------------------------------------------------------
// Function forms with scalars, weak scalars of another kind, arrays of two element types.

#[test]
fn function_forms_take_scalars_on_either_side() {
    use nprs_core::{divide, floor_divide, multiply, remainder, subtract};
    let o = cases();
    let z = arange(0, 10, 1).unwrap();
    o.case("floor_divide_scalar").check(&floor_divide(&z, 3).unwrap());
    o.case("floor_divide_scalar_left").check(&floor_divide(7, &array![2i64, 3, -4]).unwrap());
    o.case("remainder_scalar").check(&remainder(&array![-3.5, 2.0, 7.25], 2.5).unwrap());
    o.case("subtract_scalar_left").check(&subtract(10, &arange(0, 4, 1).unwrap()).unwrap());
    o.case("divide_int_scalar").check(&divide(&arange(0, 4, 1).unwrap(), 2).unwrap());
    o.case("multiply_f32_scalar").check(&multiply(array![0.1f32, 0.2], 3.0).unwrap());
}

#[test]
fn weak_scalars_give_numpys_result_type() {
    let o = cases();
    // The operators: a Rust number is NumPy's Python scalar, whatever its Rust type.
    o.case("int64_minus_half").check(&(&arange(0, 4, 1).unwrap() - 0.5));
    o.case("int8_plus_int").check(&(&array![1i8, 127, -128] + 1));
    o.case("int8_times_float").check(&(&array![1i8, 127, -128] * 1.5));
    o.case("float32_plus_float").check(&(&array![0.1f32, 1e38] + 0.2));
    let h = array![f16::from_f32(0.5), f16::from_f32(2.0)];
    o.case("float16_plus_complex").check(&(&h + C128::new(0.0, 1.0)));
    o.case("int32_plus_complex").check(&(C128::new(0.5, 1.0) + &array![1i32, 2]));
    o.case("bool_plus_int").check(&(&array![true, false] + 1));
    o.case("bool_times_float").check(&(2.5 * &array![true, false]));
    o.case("float32_plus_huge_float").check(&(&array![1.0f32] + 2f32.powi(62)));
    o.case("int16_div_int").check(&(&array![7i16, -7] / 2));
}

macro_rules! check_mixed {
    ($o:expr, $a:ty, $b:ty, $an:literal, $bn:literal) => {{
        let x = Array::from_vec(vec![1i64, 0, 3, 5]).astype::<$a>();
        let y = Array::from_vec(vec![2i64, 1, 7, 0]).astype::<$b>();
        let name = |op: &str| format!("mixed_{}_{}_{op}", $an, $bn);
        // Operators take one element type; the function forms promote.
        $o.case(&name("add")).check(&nprs_core::add(&x, &y).unwrap());
        $o.case(&name("sub")).check(&nprs_core::subtract(&x, &y).unwrap());
        $o.case(&name("mul")).check(&nprs_core::multiply(x.view(), y.view()).unwrap());
        $o.case(&name("div")).check(&nprs_core::divide(&x, &y).unwrap());
    }};
}

#[test]
fn arrays_of_two_element_types_promote() {
    let o = cases();
    check_mixed!(o, i32, f32, "int32", "float32");
    check_mixed!(o, i8, u8, "int8", "uint8");
    check_mixed!(o, u64, i64, "uint64", "int64");
    check_mixed!(o, f16, i8, "float16", "int8");
    check_mixed!(o, i16, f16, "int16", "float16");
    check_mixed!(o, bool, i8, "bool", "int8");
    check_mixed!(o, C64, f64, "complex64", "float64");
    check_mixed!(o, u32, i8, "uint32", "int8");
    check_mixed!(o, f32, C64, "float32", "complex64");
    check_mixed!(o, bool, f32, "bool", "float32");
}

macro_rules! table_row {
    ($f:ident, $a:ty) => {
        [
            nprs_core::ops::operand::$f::<$a, bool>().name(),
            nprs_core::ops::operand::$f::<$a, i8>().name(),
            nprs_core::ops::operand::$f::<$a, i16>().name(),
            nprs_core::ops::operand::$f::<$a, i32>().name(),
            nprs_core::ops::operand::$f::<$a, i64>().name(),
            nprs_core::ops::operand::$f::<$a, u8>().name(),
            nprs_core::ops::operand::$f::<$a, u16>().name(),
            nprs_core::ops::operand::$f::<$a, u32>().name(),
            nprs_core::ops::operand::$f::<$a, u64>().name(),
            nprs_core::ops::operand::$f::<$a, f16>().name(),
            nprs_core::ops::operand::$f::<$a, f32>().name(),
            nprs_core::ops::operand::$f::<$a, f64>().name(),
            nprs_core::ops::operand::$f::<$a, C64>().name(),
            nprs_core::ops::operand::$f::<$a, C128>().name(),
        ]
    };
}

macro_rules! table {
    ($f:ident) => {
        [
            table_row!($f, bool),
            table_row!($f, i8),
            table_row!($f, i16),
            table_row!($f, i32),
            table_row!($f, i64),
            table_row!($f, u8),
            table_row!($f, u16),
            table_row!($f, u32),
            table_row!($f, u64),
            table_row!($f, f16),
            table_row!($f, f32),
            table_row!($f, f64),
            table_row!($f, C64),
            table_row!($f, C128),
        ]
    };
}

#[test]
fn promotion_table_is_numpys() {
    let got = table!(promoted_dtype);
    let as_value = |rows: &[[&str; 14]; 14]| {
        Value::List(
            rows.iter().map(|r| Value::List(r.iter().map(|s| Value::Str((*s).to_string())).collect())).collect(),
        )
    };
    cases().case("promote_table").check_value(&as_value(&got));
}

macro_rules! weak_pairs {
    ($($a:ty: $($x:ty),*;)*) => {
        vec![$($( (<$a as Element>::DTYPE.name(), <$x as Element>::DTYPE.name(), nprs_core::ops::operand::weak_dtype::<$a, $x>().name()) ),*),*]
    };
}

#[test]
fn weak_table_is_nep50() {
    // NEP 50: a number whose kind is not above the array's keeps the array's type; else the
    // number's default type (int64, float64, complex128; complex64 for float16/float32).
    let got = weak_pairs! {
        bool: bool, i64, f64, C64, C128;
        i8: bool, i8, f64, C64, C128;
        i16: bool, i16, f64, C64, C128;
        i32: bool, i32, f64, C64, C128;
        i64: bool, i64, f64, C64, C128;
        u8: bool, u8, f64, C64, C128;
        u16: bool, u16, f64, C64, C128;
        u32: bool, u32, f64, C64, C128;
        u64: bool, u64, f64, C64, C128;
        f16: bool, i32, f16, f64, C64, C128;
        f32: bool, i32, f32, C64, C128;
        f64: bool, i32, f64, C64, C128;
        C64: bool, i32, f64, C64, C128;
        C128: bool, i32, f64, C64, C128;
    };
    assert_eq!(got.len(), 71);
    let kind = |n: &str| match n {
        "bool" => 0,
        n if n.contains("int") => 1,
        n if n.starts_with("float") => 2,
        _ => 3,
    };
    for (a, x, out) in got {
        let want = if kind(x) <= kind(a) {
            a
        } else {
            match (kind(x), a) {
                (1, _) => "int64",
                (2, _) => "float64",
                (_, "float16" | "float32") => "complex64",
                _ => "complex128",
            }
        };
        assert_eq!(out, want, "{a} array with a {x} number");
    }
}

// ---------------------------------------------------------------------------------------
// Comparisons of typed arrays.

macro_rules! check_compare {
    ($o:expr, $name:literal, $f:ident, $method:ident) => {{
        let o = &$o;
        let c = |s: &str| o.case(&format!("{}_{s}", $name));
        let x = array![1.0, f64::NAN, -0.0, f64::INFINITY, 2.0];
        let y = array![1.0, 1.0, 0.0, f64::INFINITY, f64::NAN];
        c("nan").check(&nprs_core::$f(&x, &y).unwrap());
        c("nan").check(&x.$method(&y));
        let m = arange(0, 6, 1).unwrap().into_shape(&[2, 3]).unwrap();
        c("broadcast").check(&nprs_core::$f(&m, &array![[1i64], [4]]).unwrap());
        c("broadcast").check(&m.$method(array![[1i64], [4]]));
        c("scalar").check(&nprs_core::$f(&arange(0, 5, 1).unwrap(), 2).unwrap());
        let z = |re: f64, im: f64| C128::new(re, im);
        let cx = array![z(1.0, 1.0), z(1.0, 2.0), z(f64::NAN, 0.0), z(1.0, f64::NAN), z(2.0, 0.0), z(1.0, 1.0)];
        let cy = array![z(1.0, 2.0), z(1.0, 1.0), z(1.0, 0.0), z(2.0, 0.0), z(1.0, f64::NAN), z(1.0, 1.0)];
        c("complex").check(&cx.$method(&cy));
        let s = array![-1i64, 0, i64::MAX, (1 << 53) + 1, i64::MIN];
        let u = array![u64::MAX, 0, 1 << 63, 1 << 53, 0];
        c("mixed_sign").check(&nprs_core::$f(&s, &u).unwrap());
        c("int8_300").check(&array![1i8, -2, 127].$method(300));
        c("uint8_neg").check(&nprs_core::$f(&array![0u8, 255], -1).unwrap());
        c("f32_weak").check(&array![0.1f32, 0.2].$method(0.1));
        c("int_float").check(&nprs_core::$f(&array![(1i64 << 53) + 1, 3], &array![2f64.powi(53), 3.5]).unwrap());
        c("f32_int_array").check(&nprs_core::$f(&array![16_777_217.0f32, 1.5], &array![16_777_217i32, 1]).unwrap());
    }};
}

#[test]
fn comparisons_of_typed_arrays() {
    let o = cases();
    check_compare!(o, "equal", equal, equal);
    check_compare!(o, "not_equal", not_equal, not_equal);
    check_compare!(o, "less", less, less);
    check_compare!(o, "less_equal", less_equal, less_equal);
    check_compare!(o, "greater", greater, greater);
    check_compare!(o, "greater_equal", greater_equal, greater_equal);
}

#[test]
fn dynamic_comparisons_of_int64_with_uint64_are_exact() {
    // NumPy 2 compares by value; through float64, 2**53 + 1 == 2**53 would hold.
    use nprs_core::DynArray;
    use nprs_core::dynarray::{CompareOp, compare};
    let o = cases();
    let x = DynArray::from(array![-1i64, 0, i64::MAX, (1 << 53) + 1, i64::MIN]);
    let y = DynArray::from(array![u64::MAX, 0, 1 << 63, 1 << 53, 0]);
    for (name, op) in [
        ("equal", CompareOp::Equal),
        ("not_equal", CompareOp::NotEqual),
        ("less", CompareOp::Less),
        ("less_equal", CompareOp::LessEqual),
        ("greater", CompareOp::Greater),
        ("greater_equal", CompareOp::GreaterEqual),
    ] {
        let r = compare(op, &x, &y).unwrap().into_typed::<bool>().unwrap();
        o.case(&format!("{name}_mixed_sign")).check(&r);
    }
}

#[test]
fn comparison_shapes_that_do_not_broadcast_are_errors() {
    let e = nprs_core::less(&array![1, 2, 3], &array![1, 2]).unwrap_err();
    assert_eq!(e.to_string(), "operands could not be broadcast together with shapes (3,) (2,) ");
}

// ---------------------------------------------------------------------------------------
// Negation of dynamic arrays.

#[test]
fn dynamic_arrays_negate() {
    use nprs_core::DynArray;
    let d = DynArray::from(array![1i8, -128, 0]);
    assert_eq!((-&d).typed::<i8>().unwrap().to_vec(), vec![-1, -128, 0]);
    let f = DynArray::from(array![0.0, -2.5]);
    let n = f.negative().unwrap().into_typed::<f64>().unwrap();
    assert!(n.get(&[0]).unwrap().is_sign_negative());
    assert_eq!(n.get(&[1]).unwrap(), 2.5);
    let c = -DynArray::from(array![C64::new(1.0, -2.0)]);
    assert_eq!(c.typed::<C64>().unwrap().to_vec(), vec![C64::new(-1.0, 2.0)]);
    let b = DynArray::from(array![true]).negative().unwrap_err();
    assert_eq!(b.numpy_kind(), "TypeError");
    assert!(b.to_string().starts_with("The numpy boolean negative, the `-` operator, is not supported"));
}

// ---------------------------------------------------------------------------------------
// Temporaries and shapes as users pass them.

#[test]
fn functions_accept_temporaries() {
    use nprs_core::{diag, idx};
    // np.diag(np.arange(4) + 1, k=-1)
    let z = diag(&(&arange(0, 4, 1).unwrap() + 1), -1).unwrap();
    assert_eq!(z.shape(), &[5, 5]);
    assert_eq!(z.get(&[4, 3]).unwrap(), 4);
    // a[i + 1] with the index a temporary, borrowed or owned
    let a = arange(10, 20, 1).unwrap();
    let i = array![0i64, 2];
    assert_eq!(a.index(idx![&(&i + 1)]).unwrap().to_vec(), vec![11, 13]);
    assert_eq!(a.index(idx![&i + 1,]).unwrap().to_vec(), vec![11, 13]);
}

#[test]
fn reshape_takes_the_shape_of_another_array() {
    let z = Array::<f64>::zeros(&[2, 3]).unwrap();
    let a = arange(0, 6, 1).unwrap();
    // a.reshape(z.shape): `shape()` is &[usize]
    assert_eq!(a.reshape(z.shape()).unwrap().shape(), &[2, 3]);
    assert_eq!(a.reshape(&[3, -1]).unwrap().shape(), &[3, 2]);
    assert_eq!(a.reshape(&vec![6usize]).unwrap().shape(), &[6]);
    assert_eq!(a.reshape(-1).unwrap().shape(), &[6]);
    assert_eq!(arange(0, 1, 1).unwrap().into_shape(()).unwrap().ndim(), 0);
    let d = nprs_core::DynArray::from(a.clone());
    assert_eq!(d.reshape(z.shape()).unwrap().shape(), &[2, 3]);
}
