//! The kernels against NumPy: every recorded case of `ufunc/elem_*` is run through the
//! engine (`kernel::map`/`zip_map` on typed arrays) and compared bit for bit.

use nprs_core::kernel::{map, zip_map};
use nprs_core::{Array, C64, C128, Cast, f16};
use nprs_testkit::{Cases, Elems, oracle};

use super::*;

/// Rebuilds typed arrays from recorded ones.
trait FromOracle: Cast {
    fn from_elems(e: &Elems) -> Vec<Self>;
}

macro_rules! from_int {
    ($($t:ty),*) => {$(
        impl FromOracle for $t {
            fn from_elems(e: &Elems) -> Vec<Self> {
                let Elems::Int(v) = e else { panic!("not ints") };
                v.iter().map(|&x| <$t>::try_from(x).unwrap()).collect()
            }
        }
    )*};
}
from_int!(i8, i16, i32, i64, u8, u16, u32, u64);

impl FromOracle for bool {
    fn from_elems(e: &Elems) -> Vec<Self> {
        let Elems::Bool(v) = e else { panic!("not bools") };
        v.clone()
    }
}
impl FromOracle for f16 {
    fn from_elems(e: &Elems) -> Vec<Self> {
        let Elems::Float(v) = e else { panic!("not floats") };
        v.iter().map(|&x| f16::from_f64(x)).collect()
    }
}
impl FromOracle for f32 {
    fn from_elems(e: &Elems) -> Vec<Self> {
        let Elems::Float(v) = e else { panic!("not floats") };
        #[allow(clippy::cast_possible_truncation)] // exact: the values were float32
        v.iter().map(|&x| x as f32).collect()
    }
}
impl FromOracle for f64 {
    fn from_elems(e: &Elems) -> Vec<Self> {
        let Elems::Float(v) = e else { panic!("not floats") };
        v.clone()
    }
}
impl FromOracle for C64 {
    fn from_elems(e: &Elems) -> Vec<Self> {
        let Elems::Complex(v) = e else { panic!("not complex") };
        #[allow(clippy::cast_possible_truncation)] // exact: the values were complex64
        v.iter().map(|&(r, i)| C64::new(r as f32, i as f32)).collect()
    }
}
impl FromOracle for C128 {
    fn from_elems(e: &Elems) -> Vec<Self> {
        let Elems::Complex(v) = e else { panic!("not complex") };
        v.iter().map(|&(r, i)| C128::new(r, i)).collect()
    }
}

fn load<T: FromOracle>(c: &Cases, name: &str) -> Array<T> {
    let a = c.case(name).array();
    Array::from_shape_vec(&a.shape, T::from_elems(&a.data)).unwrap()
}

/// Binary kernels of one type: `case name => kernel` over `(a, b)`.
macro_rules! check_binary {
    ($c:expr, $n:expr, $a:expr, $b:expr; $($name:literal => $f:expr),* $(,)?) => {$(
        $c.case(&format!("{}_{}", $n, $name)).check(&zip_map(&$a, &$b, $f).unwrap());
    )*};
}

/// Unary kernels of one type.
macro_rules! check_unary {
    ($c:expr, $n:expr, $a:expr; $($name:literal => $f:expr),* $(,)?) => {$(
        $c.case(&format!("{}_{}", $n, $name)).check(&map(&$a, $f));
    )*};
}

macro_rules! int_cases {
    ($c:expr; $($t:ty => $n:literal),*) => {$({
        let c = &$c;
        let (a, b) = (load::<$t>(c, concat!($n, "_a")), load::<$t>(c, concat!($n, "_b")));
        check_binary!(c, $n, a, b;
            "bitwise_and" => <$t>::bitwise_and, "bitwise_or" => <$t>::bitwise_or,
            "bitwise_xor" => <$t>::bitwise_xor, "gcd" => <$t as ElemInt>::gcd,
            "lcm" => <$t as ElemInt>::lcm, "fmod" => <$t as ElemInt>::fmod,
            "maximum" => <$t>::maximum, "minimum" => <$t>::minimum,
            "fmax" => <$t>::fmax, "fmin" => <$t>::fmin);
        check_unary!(c, $n, a;
            "invert" => <$t>::invert, "bitwise_count" => <$t>::bitwise_count,
            "reciprocal" => <$t as ElemInt>::reciprocal, "absolute" => <$t as ElemInt>::absolute,
            "sign" => <$t as ElemInt>::sign, "square" => <$t as ElemInt>::square,
            "floor" => <$t>::floor, "ceil" => <$t>::ceil, "trunc" => <$t>::trunc);
        let d = c.case(concat!($n, "_divmod"));
        d.check_item(0, &zip_map(&a, &b, |x: $t, y| x.divmod(y).0).unwrap());
        d.check_item(1, &zip_map(&a, &b, |x: $t, y| x.divmod(y).1).unwrap());
        let (xs, s) = (load::<$t>(c, concat!($n, "_xs")), load::<$t>(c, concat!($n, "_s")));
        check_binary!(c, $n, xs, s; "left_shift" => <$t>::left_shift, "right_shift" => <$t>::right_shift);
        let (pa, e) = (load::<$t>(c, concat!($n, "_pa")), load::<$t>(c, concat!($n, "_e")));
        c.case(concat!($n, "_power")).check(&zip_map(&pa, &e, |x: $t, y| x.power(y).unwrap()).unwrap());
    })*};
}

#[test]
fn integer_kernels_match_numpy() {
    let c = oracle("ufunc/elem_int");
    int_cases!(c; i8 => "int8", i16 => "int16", i32 => "int32", i64 => "int64",
        u8 => "uint8", u16 => "uint16", u32 => "uint32", u64 => "uint64");
}

#[test]
fn negative_integer_power_is_numpys_value_error() {
    let c = oracle("ufunc/elem_int");
    macro_rules! neg {
        ($($t:ty => $n:literal),*) => {$({
            let (x, e): ([$t; 2], [$t; 2]) = ([2, 3], [1, -1]);
            let err = x.iter().zip(e).map(|(&x, e)| x.power(e)).collect::<Result<Vec<$t>, _>>().unwrap_err();
            c.case(concat!($n, "_power_negative")).check_error("ValueError", &err.to_string());
        })*};
    }
    neg!(i8 => "int8", i16 => "int16", i32 => "int32", i64 => "int64");
}

#[test]
fn bool_kernels_match_numpy() {
    let c = oracle("ufunc/elem_int");
    let (a, b) = (load::<bool>(&c, "bool_a"), load::<bool>(&c, "bool_b"));
    check_binary!(c, "bool", a, b;
        "bitwise_and" => bool::bitwise_and, "bitwise_or" => bool::bitwise_or,
        "bitwise_xor" => bool::bitwise_xor, "maximum" => bool::maximum, "minimum" => bool::minimum,
        "fmax" => bool::fmax, "fmin" => bool::fmin);
    check_unary!(c, "bool", a; "invert" => bool::invert, "floor" => bool::floor, "ceil" => bool::ceil,
        "trunc" => bool::trunc);
}

macro_rules! float_cases {
    ($c:expr; $($t:ty => $n:literal),*) => {$({
        let c = &$c;
        let (x, y) = (load::<$t>(c, concat!($n, "_x")), load::<$t>(c, concat!($n, "_y")));
        check_unary!(c, $n, x;
            "floor" => <$t as ElemRounding>::floor, "ceil" => <$t as ElemRounding>::ceil,
            "trunc" => <$t as ElemRounding>::trunc, "fix" => <$t as ElemRounding>::trunc,
            "rint" => <$t as ElemFloat>::rint, "spacing" => <$t as ElemFloat>::spacing,
            "signbit" => <$t as ElemFloat>::signbit, "sign" => <$t as ElemFloat>::sign,
            "isnan" => <$t as ElemFloat>::isnan, "isinf" => <$t as ElemFloat>::isinf,
            "isfinite" => <$t as ElemFloat>::isfinite, "deg2rad" => <$t as ElemFloat>::deg2rad,
            "rad2deg" => <$t as ElemFloat>::rad2deg, "square" => <$t as ElemFloat>::square,
            "reciprocal" => <$t as ElemFloat>::reciprocal, "fabs" => <$t as ElemFloat>::absolute,
            "absolute" => <$t as ElemFloat>::absolute);
        let fr = c.case(concat!($n, "_frexp"));
        fr.check_item(0, &map(&x, |v: $t| v.frexp().0));
        fr.check_item(1, &map(&x, |v: $t| v.frexp().1));
        let mf = c.case(concat!($n, "_modf"));
        mf.check_item(0, &map(&x, |v: $t| v.modf().0));
        mf.check_item(1, &map(&x, |v: $t| v.modf().1));
        check_binary!(c, $n, x, y;
            "copysign" => <$t as ElemFloat>::copysign, "nextafter" => <$t as ElemFloat>::nextafter,
            "fmod" => <$t as ElemFloat>::fmod, "heaviside" => <$t as ElemFloat>::heaviside,
            "maximum" => <$t as ElemExtrema>::maximum, "minimum" => <$t as ElemExtrema>::minimum);
        let d = c.case(concat!($n, "_divmod"));
        d.check_item(0, &zip_map(&x, &y, |a: $t, b| ElemFloat::divmod(a, b).0).unwrap());
        d.check_item(1, &zip_map(&x, &y, |a: $t, b| ElemFloat::divmod(a, b).1).unwrap());
        let (xf, yf) = (load::<$t>(c, concat!($n, "_xf")), load::<$t>(c, concat!($n, "_yf")));
        check_binary!(c, $n, xf, yf; "fmax" => <$t as ElemExtrema>::fmax, "fmin" => <$t as ElemExtrema>::fmin);
        let (xe, e) = (load::<$t>(c, concat!($n, "_xe")), load::<i32>(c, concat!($n, "_e")));
        c.case(concat!($n, "_ldexp")).check(&zip_map(&xe, &e, <$t as ElemFloat>::ldexp).unwrap());
        let (xe, e) = (load::<$t>(c, concat!($n, "_xe64")), load::<i64>(c, concat!($n, "_e64")));
        c.case(concat!($n, "_ldexp64")).check(&zip_map(&xe, &e, <$t as ElemFloat>::ldexp_i64).unwrap());
    })*};
}

#[test]
fn float_kernels_match_numpy() {
    let c = oracle("ufunc/elem_float");
    float_cases!(c; f16 => "float16", f32 => "float32", f64 => "float64");
}

#[test]
fn float16_extrema_keep_the_first_of_equal_zeros() {
    let c = oracle("ufunc/elem_float");
    let z = |v: [f64; 4]| Array::from_vec(v.iter().map(|&v| f16::from_f64(v)).collect::<Vec<_>>());
    let (x, y) = (z([0.0, -0.0, 0.0, -0.0]), z([-0.0, 0.0, 0.0, -0.0]));
    let sign_of = |f: fn(f16, f16) -> f16| map(&zip_map(&x, &y, f).unwrap(), <f16 as ElemFloat>::signbit);
    c.case("float16_zeros_fmax").check(&sign_of(<f16 as ElemExtrema>::fmax));
    c.case("float16_zeros_fmin").check(&sign_of(<f16 as ElemExtrema>::fmin));
    c.case("float16_zeros_maximum").check(&sign_of(<f16 as ElemExtrema>::maximum));
    c.case("float16_zeros_minimum").check(&sign_of(<f16 as ElemExtrema>::minimum));
}

macro_rules! complex_cases {
    ($c:expr; $($t:ty => $n:literal),*) => {$({
        let c = &$c;
        let (z, w) = (load::<$t>(c, concat!($n, "_z")), load::<$t>(c, concat!($n, "_w")));
        check_unary!(c, $n, z;
            "absolute" => <$t as ElemComplex>::absolute, "sign" => <$t as ElemComplex>::sign,
            "conjugate" => <$t as ElemComplex>::conjugate, "square" => <$t as ElemComplex>::square,
            "reciprocal" => <$t as ElemComplex>::reciprocal, "rint" => <$t as ElemComplex>::rint,
            "isnan" => <$t as ElemComplex>::isnan, "isinf" => <$t as ElemComplex>::isinf,
            "isfinite" => <$t as ElemComplex>::isfinite);
        check_binary!(c, $n, z, w;
            "maximum" => <$t as ElemExtrema>::maximum, "minimum" => <$t as ElemExtrema>::minimum,
            "fmax" => <$t as ElemExtrema>::fmax, "fmin" => <$t as ElemExtrema>::fmin);
    })*};
}

#[test]
fn complex_kernels_match_numpy() {
    let c = oracle("ufunc/elem_complex");
    complex_cases!(c; C64 => "complex64", C128 => "complex128");
}

macro_rules! complex_transcendental_cases {
    ($c:expr; $($t:ty => $n:literal),*) => {$({
        let c = &$c;
        let (z, u) = (load::<$t>(c, concat!($n, "_z")), load::<$t>(c, concat!($n, "_u")));
        check_unary!(c, $n, z;
            "sqrt" => <$t as ElemComplex>::sqrt, "exp" => <$t as ElemComplex>::exp,
            "exp2" => <$t as ElemComplex>::exp2,
            "log1p" => <$t as ElemComplex>::log1p, "expm1" => <$t as ElemComplex>::expm1,
            "log" => <$t as ElemComplex>::log, "log2" => <$t as ElemComplex>::log2,
            "log10" => <$t as ElemComplex>::log10, "sin" => <$t as ElemComplex>::sin,
            "cos" => <$t as ElemComplex>::cos, "tan" => <$t as ElemComplex>::tan,
            "sinh" => <$t as ElemComplex>::sinh, "cosh" => <$t as ElemComplex>::cosh,
            "tanh" => <$t as ElemComplex>::tanh, "arctanh" => <$t as ElemComplex>::arctanh,
            "arctan" => <$t as ElemComplex>::arctan, "arcsinh" => <$t as ElemComplex>::arcsinh,
            "arcsin" => <$t as ElemComplex>::arcsin, "arccos" => <$t as ElemComplex>::arccos,
            "arccosh" => <$t as ElemComplex>::arccosh);
        check_unary!(c, $n, u;
            "sqrt_u" => <$t as ElemComplex>::sqrt, "exp_u" => <$t as ElemComplex>::exp,
            "exp2_u" => <$t as ElemComplex>::exp2,
            "log1p_u" => <$t as ElemComplex>::log1p, "expm1_u" => <$t as ElemComplex>::expm1,
            "log_u" => <$t as ElemComplex>::log, "log2_u" => <$t as ElemComplex>::log2,
            "log10_u" => <$t as ElemComplex>::log10, "sin_u" => <$t as ElemComplex>::sin,
            "cos_u" => <$t as ElemComplex>::cos, "tan_u" => <$t as ElemComplex>::tan,
            "sinh_u" => <$t as ElemComplex>::sinh, "cosh_u" => <$t as ElemComplex>::cosh,
            "tanh_u" => <$t as ElemComplex>::tanh, "arctanh_u" => <$t as ElemComplex>::arctanh,
            "arctan_u" => <$t as ElemComplex>::arctan, "arcsinh_u" => <$t as ElemComplex>::arcsinh,
            "arcsin_u" => <$t as ElemComplex>::arcsin, "arccos_u" => <$t as ElemComplex>::arccos,
            "arccosh_u" => <$t as ElemComplex>::arccosh);
        let (w, k) = (load::<$t>(c, concat!($n, "_w")), load::<$t>(c, concat!($n, "_k")));
        check_binary!(c, $n, z, w; "power" => <$t as ElemComplex>::power);
        check_binary!(c, $n, u, k; "power_k" => <$t as ElemComplex>::power);
    })*};
}

#[test]
fn complex_transcendentals_match_numpy() {
    let c = oracle("ufunc/elem_complex");
    complex_transcendental_cases!(c; C64 => "complex64", C128 => "complex128");
}

macro_rules! float_power_cases {
    ($c:expr; $($t:ty => $n:literal),*) => {$({
        let c = &$c;
        let (x, y) = (load::<$t>(c, concat!($n, "_x")), load::<$t>(c, concat!($n, "_y")));
        let (px, py) = (load::<$t>(c, concat!($n, "_px")), load::<$t>(c, concat!($n, "_py")));
        check_binary!(c, $n, x, y;
            "logaddexp" => <$t as ElemFloat>::logaddexp, "logaddexp2" => <$t as ElemFloat>::logaddexp2,
            "power" => <$t as ElemFloat>::power);
        check_binary!(c, $n, px, py;
            "logaddexp_p" => <$t as ElemFloat>::logaddexp, "logaddexp2_p" => <$t as ElemFloat>::logaddexp2,
            "power_p" => <$t as ElemFloat>::power);
    })*};
}

#[test]
fn float_power_and_logaddexp_match_numpy() {
    let c = oracle("ufunc/elem_float");
    float_power_cases!(c; f16 => "float16", f32 => "float32", f64 => "float64");
    let (x, y) = (load::<f64>(&c, "float64_x"), load::<f64>(&c, "float64_y"));
    check_binary!(c, "float64", x, y; "float_power" => <f64 as ElemFloat>::power);
    let (x, y) = (load::<f64>(&c, "float64_px"), load::<f64>(&c, "float64_py"));
    check_binary!(c, "float64", x, y; "float_power_p" => <f64 as ElemFloat>::power);
}

#[test]
fn round_with_decimals_matches_numpy() {
    let c = oracle("ufunc/elem_round");
    macro_rules! round_cases {
        ($($t:ty => $n:literal: [$($d:literal),*]),*) => {$({
            let x = load::<$t>(&c, concat!($n, "_x"));
            $(
                let name = format!("{}_round_{}", $n, $d).replace('-', "m");
                c.case(&name).check(&map(&x, |v: $t| v.round_decimals($d)));
            )*
        })*};
    }
    round_cases!(
        f16 => "float16": [-400, -30, -10, -3, -2, -1, 0, 1, 2, 3, 5, 10, 17, 25, 40, 330],
        f32 => "float32": [-400, -30, -10, -3, -2, -1, 0, 1, 2, 3, 5, 10, 17, 25, 40, 330],
        f64 => "float64": [-400, -30, -10, -3, -2, -1, 0, 1, 2, 3, 5, 10, 17, 25, 40, 330],
        i8 => "int8": [-30, -3, -2, -1, 0, 2], u8 => "uint8": [-30, -3, -2, -1, 0, 2],
        i16 => "int16": [-30, -3, -2, -1, 0, 2], u16 => "uint16": [-30, -3, -2, -1, 0, 2],
        i32 => "int32": [-30, -3, -2, -1, 0, 2], u32 => "uint32": [-30, -3, -2, -1, 0, 2],
        i64 => "int64": [-30, -3, -2, -1, 0, 2], u64 => "uint64": [-30, -3, -2, -1, 0, 2],
        C64 => "complex64": [-2, 0, 1, 3], C128 => "complex128": [-2, 0, 1, 3]
    );
}

/// The registered `maximum`/`minimum` run the `elem` rule: NumPy's float32/float64 loops
/// keep the second of two equal operands (`-0.0`, `0.0`), which `a >= b ? a : b` did not.
#[test]
fn registered_maximum_and_minimum_follow_numpy_on_signed_zeros() {
    use crate::ufuncs::{MAXIMUM, MINIMUM};
    use nprs_core::{DynArray, UfuncOptions};
    let c = oracle("ufunc/elem_float");
    let (x, y) = (load::<f64>(&c, "float64_x"), load::<f64>(&c, "float64_y"));
    let (dx, dy) = (DynArray::from(x), DynArray::from(y));
    let mx = MAXIMUM.call(&[(&dx).into(), (&dy).into()], UfuncOptions::new()).unwrap();
    c.case("float64_maximum").check(&mx.into_typed::<f64>().unwrap());
    let mn = MINIMUM.call(&[(&dx).into(), (&dy).into()], UfuncOptions::new()).unwrap();
    c.case("float64_minimum").check(&mn.into_typed::<f64>().unwrap());
}

/// The registered `sqrt`, `absolute` and `sign` of complex numbers and `reciprocal` of
/// integers run the `elem` kernels: NumPy's bits (the C library's `csqrt`, NumPy's vector
/// `absolute`, `(T)(1.0 / 0)` for a zero integer).
#[test]
fn registered_complex_sqrt_absolute_sign_and_integer_reciprocal_follow_numpy() {
    use crate::ufuncs::{ABSOLUTE, RECIPROCAL, SIGN, SQRT};
    use nprs_core::{DynArray, UfuncOptions};
    let c = oracle("ufunc/elem_complex");
    for n in ["complex64", "complex128"] {
        let z = DynArray::from(load::<C128>(&c, &format!("{n}_z")));
        let z = if n == "complex64" { z.astype(&nprs_core::DType::Complex64.into()).unwrap() } else { z };
        let run = |u: &crate::Ufunc| u.call(&[(&z).into()], UfuncOptions::new()).unwrap();
        let (s, a, g) = (run(&SQRT), run(&ABSOLUTE), run(&SIGN));
        if n == "complex64" {
            c.case(&format!("{n}_sqrt")).check(&s.into_typed::<C64>().unwrap());
            c.case(&format!("{n}_absolute")).check(&a.into_typed::<f32>().unwrap());
            c.case(&format!("{n}_sign")).check(&g.into_typed::<C64>().unwrap());
        } else {
            c.case(&format!("{n}_sqrt")).check(&s.into_typed::<C128>().unwrap());
            c.case(&format!("{n}_absolute")).check(&a.into_typed::<f64>().unwrap());
            c.case(&format!("{n}_sign")).check(&g.into_typed::<C128>().unwrap());
        }
    }
    let c = oracle("ufunc/elem_int");
    let a = DynArray::from(load::<i32>(&c, "int32_a"));
    let r = RECIPROCAL.call(&[(&a).into()], UfuncOptions::new()).unwrap();
    c.case("int32_reciprocal").check(&r.into_typed::<i32>().unwrap());
}
