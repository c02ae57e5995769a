//! Arithmetic operators against NumPy, per element type, with edge values.

use nprs_core::prelude::*;
use nprs_core::{Cast, Complex32, Complex64, DynArray};
use nprs_testkit::{Cases, Elems, oracle};

fn load<T: Cast>(c: &Cases, name: &str) -> Array<T> {
    let want = c.case(name).array();
    let v: Vec<T> = match &want.data {
        Elems::Bool(v) => v.iter().map(|&b| T::cast_from(b)).collect(),
        Elems::Int(v) => v
            .iter()
            .map(|&i| if i > i128::from(i64::MAX) { T::cast_from(i as u64) } else { T::cast_from(i as i64) })
            .collect(),
        Elems::Float(v) => v.iter().map(|&x| T::cast_from(x)).collect(),
        Elems::Complex(v) => v.iter().map(|&(r, i)| T::cast_from(Complex64::new(r, i))).collect(),
        Elems::Str(_) => unreachable!("numeric cases only"),
    };
    Array::from_shape_vec(&want.shape, v).unwrap()
}

macro_rules! real_ops {
    ($c:expr; $($t:ty => $n:expr),*) => {$({
        let a = load::<$t>(&$c, &format!("{}_a", $n));
        let b = load::<$t>(&$c, &format!("{}_b", $n));
        let (b1, b2) = (b.get(&[1]).unwrap(), b.get(&[2]).unwrap());
        let case = |op: &str| $c.case(&format!("{}_{}", $n, op));
        case("add").check(&(&a + &b));
        case("sub").check(&(&a - &b));
        case("mul").check(&(&a * &b));
        case("div").check(&(&a / &b));
        case("rem").check(&(&a % &b));
        case("floordiv").check(&nprs_core::floor_divide(&a, &b).unwrap());
        case("add_scalar").check(&(&a + b1));
        case("sub_scalar").check(&(&a - b1));
        case("mul_scalar").check(&(&a * b1));
        case("div_scalar").check(&(&a / b1));
        case("rem_scalar").check(&(&a % b1));
        case("radd_scalar").check(&(b2 + &a));
        case("rsub_scalar").check(&(b2 - &a));
        case("rmul_scalar").check(&(b2 * &a));
        case("rdiv_scalar").check(&(b2 / &a));
        case("rrem_scalar").check(&(b2 % &a));
        // A NumPy scalar operand broadcasts as a 0-d array of its dtype.
        let (s1, s2) = (Array::from_elem_0d(b1), Array::from_elem_0d(b2));
        case("floordiv_scalar").check(&nprs_core::floor_divide(&a, &s1).unwrap());
        case("rfloordiv_scalar").check(&nprs_core::floor_divide(&s2, &a).unwrap());
        case("neg").check(&(-&a));
    })*};
}

macro_rules! complex_ops {
    ($c:expr; $($t:ty => $n:expr),*) => {$({
        let a = load::<$t>(&$c, &format!("{}_a", $n));
        let b = load::<$t>(&$c, &format!("{}_b", $n));
        let (b1, b2) = (b.get(&[1]).unwrap(), b.get(&[2]).unwrap());
        let case = |op: &str| $c.case(&format!("{}_{}", $n, op));
        case("add").check(&(&a + &b));
        case("sub").check(&(&a - &b));
        case("mul").check(&(&a * &b));
        case("div").check(&(&a / &b));
        case("add_scalar").check(&(&a + b1));
        case("div_scalar").check(&(&a / b1));
        case("rsub_scalar").check(&(b2 - &a));
        case("rdiv_scalar").check(&(b2 / &a));
        case("sub_scalar").check(&(&a - b1));
        case("mul_scalar").check(&(&a * b1));
        case("radd_scalar").check(&(b2 + &a));
        case("rmul_scalar").check(&(b2 * &a));
        case("neg").check(&(-&a));
    })*};
}

#[test]
fn integer_operators() {
    let c = oracle("core/arith");
    real_ops!(c; i8 => "int8", i16 => "int16", i32 => "int32", i64 => "int64",
        u8 => "uint8", u16 => "uint16", u32 => "uint32", u64 => "uint64");
}

#[test]
fn float_operators() {
    let c = oracle("core/arith");
    real_ops!(c; f16 => "float16", f32 => "float32", f64 => "float64");
}

#[test]
fn complex_operators() {
    let c = oracle("core/arith");
    complex_ops!(c; Complex32 => "complex64", Complex64 => "complex128");
}

#[test]
fn bool_operators() {
    let c = oracle("core/arith");
    let (a, b) = (array![true, true, false, false], array![true, false, true, false]);
    c.case("bool_add").check(&(&a + &b));
    c.case("bool_mul").check(&(&a * &b));
    c.case("bool_div").check(&(&a / &b));
    // `bool - bool` does not compile, which is NumPy's TypeError moved to compile time.
    let case = c.case("bool_sub");
    case.assert_eq(case.error_message().split(',').next(), Some("numpy boolean subtract"));
}

#[test]
fn broadcasting_and_in_place() {
    let c = oracle("core/arith");
    let col = Array::<f64>::arange(3).into_shape(&[3, 1]).unwrap();
    c.case("bcast_col_row").check(&(&col * &Array::<f64>::arange(4)));
    let a3 = Array::<i64>::arange(24).into_shape(&[2, 3, 4]).unwrap();
    c.case("bcast_3d").check(&(&a3 - &Array::<i64>::arange(3).into_shape(&[3, 1]).unwrap()));
    let m = Array::<f64>::arange(16).into_shape(&[4, 4]).unwrap();
    c.case("bcast_T").check(&(&m + &m.t()));
    // a[::-1] * a[:, ::-2].sum(axis=1, keepdims=True): the two-column sum as one addition.
    let a = Array::<f64>::arange(12).into_shape(&[3, 4]).unwrap();
    let cols = a.slice(s![.., ..;-2]);
    let sums = &cols.slice(s![.., 0..1]) + &cols.slice(s![.., 1..2]);
    c.case("bcast_neg_strides").check(&(&a.slice(s![..;-1]) * &sums));
    let mut a = Array::<i64>::ones(&[3, 4]).unwrap();
    a += &Array::<i64>::arange(4);
    c.case("iadd_bcast").check(&a);
    let mut a = Array::<i64>::ones(&[4]).unwrap();
    let e = nprs_core::ops::apply_assign(&mut a, &Array::<i64>::ones(&[3, 4]).unwrap(), |x, y| *x += y).unwrap_err();
    c.case("iadd_bad").check_error(e.numpy_kind(), &e.to_string());
    // `a += a.T` cannot alias in Rust (the borrow checker forbids it); the NumPy result,
    // which reads the original values, is what adding a copy's transpose gives.
    let mut a = Array::<f64>::arange(9).into_shape(&[3, 3]).unwrap();
    let copy = a.clone();
    a += &copy.t();
    c.case("iadd_self_T").check(&a);
    let mut a = Array::<f64>::ones(&[2, 3]).unwrap();
    a /= &array![2.0, 4.0, 8.0];
    c.case("idiv_f").check(&a);
    let mut a = nprs_core::arange::<i64>(-4, 4, 1).unwrap();
    a %= 3;
    c.case("imod_i").check(&a);
}

#[test]
fn complex_products_use_numpys_fused_multiply_adds() {
    let c = oracle("core/arith");
    let a = load::<Complex32>(&c, "complex64_rand_a");
    let b = load::<Complex32>(&c, "complex64_rand_b");
    c.case("complex64_rand_mul").check(&(&a * &b));
    c.case("complex64_rand_div").check(&(&a / &b));
    let a = load::<Complex64>(&c, "complex128_rand_a");
    let b = load::<Complex64>(&c, "complex128_rand_b");
    c.case("complex128_rand_mul").check(&(&a * &b));
    c.case("complex128_rand_div").check(&(&a / &b));
}

/// The lengths `core/random_ops` runs each operator on (a prefix of the operands each).
const SIZES: [usize; 7] = [1, 7, 8, 9, 31, 1000, 10003];

/// Runs `op` on the first `n` elements of `a` and `b` for every length in [`SIZES`], typed
/// and dynamic, and checks the results, one after the other, against the case.
fn check_sizes<T: Cast, U: Cast>(
    c: &Cases,
    name: &str,
    a: &Array<T>,
    b: &Array<T>,
    op: impl Fn(&ArrayView<'_, T>, &ArrayView<'_, T>) -> Array<U>,
    dyn_op: impl Fn(&DynArray, &DynArray) -> nprs_core::Result<DynArray>,
) {
    let (mut typed, mut dynamic) = (Vec::new(), Vec::new());
    for n in SIZES {
        let (x, y) = (a.slice(s![..n]), b.slice(s![..n]));
        typed.extend(op(&x, &y).to_vec());
        let d = dyn_op(&DynArray::from(x.to_owned()), &DynArray::from(y.to_owned())).unwrap();
        dynamic.extend(d.into_typed::<U>().unwrap().to_vec());
    }
    let case = c.case(name);
    case.check(&Array::from_vec(typed));
    case.check(&Array::from_vec(dynamic));
}

macro_rules! random_real_ops {
    ($c:expr; $($t:ty => $n:expr),*) => {$({
        let a = load::<$t>(&$c, &format!("{}_a", $n));
        let b = load::<$t>(&$c, &format!("{}_b", $n));
        let name = |op: &str| format!("{}_{}", $n, op);
        check_sizes(&$c, &name("add"), &a, &b, |x, y| x + y, |x, y| x.try_add(y));
        check_sizes(&$c, &name("sub"), &a, &b, |x, y| x - y, |x, y| x.try_sub(y));
        check_sizes(&$c, &name("mul"), &a, &b, |x, y| x * y, |x, y| x.try_mul(y));
        check_sizes(&$c, &name("div"), &a, &b, |x, y| x / y, |x, y| x.try_div(y));
        check_sizes(&$c, &name("rem"), &a, &b, |x, y| x % y, |x, y| x.try_rem(y));
        check_sizes(&$c, &name("floordiv"), &a, &b, |x, y| nprs_core::floor_divide(x, y).unwrap(), |x, y| x.try_floor_div(y));
    })*};
}

macro_rules! random_complex_ops {
    ($c:expr; $($t:ty => $n:expr),*) => {$({
        let a = load::<$t>(&$c, &format!("{}_a", $n));
        let b = load::<$t>(&$c, &format!("{}_b", $n));
        let name = |op: &str| format!("{}_{}", $n, op);
        check_sizes(&$c, &name("add"), &a, &b, |x, y| x + y, |x, y| x.try_add(y));
        check_sizes(&$c, &name("sub"), &a, &b, |x, y| x - y, |x, y| x.try_sub(y));
        check_sizes(&$c, &name("mul"), &a, &b, |x, y| x * y, |x, y| x.try_mul(y));
        check_sizes(&$c, &name("div"), &a, &b, |x, y| x / y, |x, y| x.try_div(y));
    })*};
}

#[test]
fn random_integer_operands_of_every_length() {
    let c = oracle("core/random_ops");
    random_real_ops!(c; i8 => "int8", i16 => "int16", i32 => "int32", i64 => "int64",
        u8 => "uint8", u16 => "uint16", u32 => "uint32", u64 => "uint64");
}

#[test]
fn random_float_operands_of_every_length() {
    let c = oracle("core/random_ops");
    random_real_ops!(c; f16 => "float16", f32 => "float32", f64 => "float64");
}

#[test]
fn random_complex_operands_of_every_length() {
    let c = oracle("core/random_ops");
    random_complex_ops!(c; Complex32 => "complex64", Complex64 => "complex128");
}

#[test]
fn function_forms_between_two_element_types_promote_as_numpy() {
    use nprs_core::{add, divide, multiply, remainder, subtract};
    let c = oracle("core/arith");
    let case = |n: &str| c.case(&format!("mixed_{n}"));
    let i32s = array![1i32, -2, 3];
    let sum: Array<f64> = add(&i32s, &array![0.5f64, 1.5, -2.25]).unwrap();
    case("i32_f64_add").check(&sum);
    case("u8_i8_mul").check(&multiply(&array![200u8, 3, 255], &array![-1i8, 100, 2]).unwrap());
    case("i64_u64_div").check(&divide(array![7i64, -9, 0], array![2u64, 4, 5]).unwrap());
    let col = Array::from_shape_vec(&[2, 1], vec![1i16, 30000]).unwrap();
    case("f32_i16_sub").check(&subtract(&array![1.5f32, 2.5], col).unwrap());
    case("u32_i32_rem").check(&remainder(array![7u32, 4_000_000_000, 5], &array![-3i32, 7, -2]).unwrap());
    case("bool_f16_add").check(&add(&array![true, false], &array![f16::from_f32(0.5), f16::from_f32(1.5)]).unwrap());
    case("i8_c64_mul")
        .check(&multiply(&array![2i8, -3], &array![Complex32::new(1.0, 1.0), Complex32::new(0.5, -2.0)]).unwrap());
    // The operators take one element type, so literals take the other operand's type.
    let f: Array<f64> = array![1.0, 2.0];
    assert_eq!((&f + 1.0).to_vec(), vec![2.0, 3.0]);
    assert_eq!((&array![1i64, 2] * 2).to_vec(), vec![2, 4]);
    assert_eq!((&f * &array![2.0, 3.0]).to_vec(), vec![2.0, 6.0]);
    let b = &f + &array![10.0, 20.0];
    assert_eq!(b.get(&[1]).unwrap(), 22.0);
    let a32 = array![1.0f32, 2.0];
    assert_eq!((&a32 + &array![0.5, 0.5]).dtype(), DType::Float32);
}

#[test]
fn typed_operators_follow_errstate() {
    use nprs_core::fpstatus::{ErrAction, ErrState, errstate};
    use nprs_core::{Error, divide, floor_divide, remainder};
    let c = oracle("core/arith");
    let raise = ErrState::all(ErrAction::Raise);
    let check = |name: &str, e: Error| c.case(&format!("fperr_{name}")).check_error(e.numpy_kind(), &e.to_string());
    let (a, b) = (array![1.0, 2.0], array![1.0, 0.0]);
    // The function forms return NumPy's FloatingPointError.
    check("div_zero", errstate(raise, || divide(&a, &b)).unwrap_err());
    check("div_invalid", errstate(raise, || divide(&array![0.0, 2.0], &array![0.0, 1.0])).unwrap_err());
    check("mixed_div_zero", errstate(raise, || divide(&array![1i32, 2], &array![0.5, 0.0])).unwrap_err());
    check("int_rem_zero", errstate(raise, || remainder(&array![5i64, 7], &array![2i64, 0])).unwrap_err());
    check("int_floordiv_zero", errstate(raise, || floor_divide(&array![5i16, 7], 0)).unwrap_err());
    c.case("fperr_add_ok").check(&errstate(raise, || &a + &b));
    // The operators panic with its message.
    let panics = |f: &dyn Fn()| {
        let r = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| errstate(raise, f)));
        let p = r.expect_err("the operator did not panic");
        p.downcast_ref::<String>().cloned().or_else(|| p.downcast_ref::<&str>().map(ToString::to_string)).unwrap()
    };
    let want = |name: &str| c.case(&format!("fperr_{name}")).error_message().to_string();
    // A panic's message compared as NumPy's FloatingPointError.
    let panic_is = |name: &str, msg: String| c.case(&format!("fperr_{name}")).check_error("FloatingPointError", &msg);
    assert_eq!(panics(&|| drop(&a / &b)), want("div_zero"));
    panic_is("mul_over", panics(&|| drop(&array![1e300, 2.0] * &array![1e300, 2.0])));
    assert_eq!(panics(&|| drop(&array![1.0f64, 2.0] / &array![0.5, 0.0])), want("mixed_div_zero"));
    assert_eq!(panics(&|| drop(&array![5i64, 7] % &array![2i64, 0])), want("int_rem_zero"));
    assert_eq!(panics(&|| drop(array![5i64, 7] % 0)), want("int_rem_zero"));
    assert_eq!(panics(&|| drop(1.0 / &b)), want("div_zero"));
    panic_is(
        "idiv_zero",
        panics(&|| {
            let mut x = array![1.0, 2.0];
            x /= 0.0;
        }),
    );
    assert_eq!(
        panics(&|| {
            let mut x = array![1.0, 2.0];
            x /= &array![1.0, 0.0];
        }),
        want("idiv_zero")
    );
    // Ignored, the results are NumPy's values and nothing is reported.
    let q = errstate(ErrState::all(ErrAction::Ignore), || &a / &b);
    assert_eq!(q.to_vec(), vec![1.0, f64::INFINITY]);
    assert_eq!(errstate(ErrState::all(ErrAction::Ignore), || &array![5i64, 7] % &array![2i64, 0]).to_vec(), vec![1, 0]);
    // A large call split over threads still sees a condition in any share.
    let n = 1 << 20;
    let mut big = Array::<f64>::ones(&[n]).unwrap();
    big.set(&[(n - 3) as isize], 0.0).unwrap();
    let e = errstate(raise, || divide(1.0, &big)).unwrap_err();
    assert_eq!(e.to_string(), want("div_zero"));
    assert!(errstate(raise, || divide(&big, 2.0)).is_ok());
}

#[test]
fn typed_operators_call_the_errstate_function() {
    use nprs_core::fpstatus::{ErrAction, ErrState, FpFlags, errstate, seterrcall};
    use std::cell::Cell;
    thread_local!(static SEEN: Cell<u8> = const { Cell::new(0) });
    fn record(_: &str, f: FpFlags) {
        SEEN.with(|s| s.set(s.get() | f.bits()));
    }
    let old = seterrcall(Some(record));
    let r = errstate(ErrState::all(ErrAction::Call), || &array![0.0f32, 1.0] / &array![0.0f32, 0.0]);
    seterrcall(old);
    assert!(r.to_vec()[0].is_nan() && r.to_vec()[1].is_infinite());
    assert_eq!(SEEN.with(Cell::get), (FpFlags::DIVIDE | FpFlags::INVALID).bits());
}
