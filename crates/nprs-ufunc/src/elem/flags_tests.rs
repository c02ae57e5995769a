//! The floating-point conditions the kernels raise, against NumPy: each `ufunc/elem_flags`
//! case runs one kernel as a loop through nprs-core's execution path (which reads the
//! hardware status word around it) under `errstate(all = raise)`, and compares the
//! `FloatingPointError` NumPy raised, or, when NumPy raised nothing, the values.

use nprs_core::fpstatus::{ErrAction, ErrState, errstate};
use nprs_core::kernel::{
    ElemBinary, ElemBinary2, ElemUnary, ElemUnary2, LoopFn, LoopSpec, binary, binary2, run_loop, unary, unary2,
};
use nprs_core::{Array, C128, Cast, DynArray, Element, UfuncOptions, f16};
use nprs_testkit::{Cases, oracle};

use super::loops::*;

/// Runs `spec` on `inputs` with every condition raising, and compares with the case.
fn check<O: Element + Cast>(c: &Cases, name: &str, spec: &LoopSpec<'_>, inputs: &[DynArray]) {
    let ops: Vec<_> = inputs.iter().map(Into::into).collect();
    let case = c.case(name);
    match errstate(ErrState::all(ErrAction::Raise), || run_loop(spec, &ops, UfuncOptions::new())) {
        Err(e) => case.check_error(e.numpy_kind(), &e.to_string()),
        Ok(outs) => {
            let first = outs[0].clone().unwrap().into_typed::<O>().unwrap();
            case.check(&first);
        }
    }
}

/// As [`check`] for a loop with two outputs (a recorded tuple).
fn check2<O1: Element + Cast, O2: Element + Cast>(c: &Cases, name: &str, spec: &LoopSpec<'_>, inputs: &[DynArray]) {
    let ops: Vec<_> = inputs.iter().map(Into::into).collect();
    let case = c.case(name);
    match errstate(ErrState::all(ErrAction::Raise), || run_loop(spec, &ops, UfuncOptions::new())) {
        Err(e) => case.check_error(e.numpy_kind(), &e.to_string()),
        Ok(outs) => {
            case.check_item(0, &outs[0].clone().unwrap().into_typed::<O1>().unwrap());
            case.check_item(1, &outs[1].clone().unwrap().into_typed::<O2>().unwrap());
        }
    }
}

fn arr<T: Element>(v: &[T]) -> DynArray {
    DynArray::from(Array::from_vec(v.to_vec()))
}

fn u<K: ElemUnary<T>, T: Element + Cast>(c: &Cases, name: &str, uf: &str, x: &[T])
where
    K::Out: Cast,
{
    let spec = LoopSpec {
        name: uf,
        nin: 1,
        dtypes: &[T::DTYPE, <K::Out as Element>::DTYPE],
        func: unary::<K, T> as LoopFn,
        report_fp: true,
        writes_uninit: false,
    };
    check::<K::Out>(c, name, &spec, &[arr(x)]);
}

fn b<K: ElemBinary<A, B>, A: Element + Cast, B: Element + Cast>(c: &Cases, name: &str, uf: &str, x: &[A], y: &[B])
where
    K::Out: Cast,
{
    let spec = LoopSpec {
        name: uf,
        nin: 2,
        dtypes: &[A::DTYPE, B::DTYPE, <K::Out as Element>::DTYPE],
        func: binary::<K, A, B> as LoopFn,
        report_fp: true,
        writes_uninit: false,
    };
    check::<K::Out>(c, name, &spec, &[arr(x), arr(y)]);
}

fn u2<K: ElemUnary2<T>, T: Element + Cast>(c: &Cases, name: &str, uf: &str, x: &[T])
where
    K::Out1: Cast,
    K::Out2: Cast,
{
    let spec = LoopSpec {
        name: uf,
        nin: 1,
        dtypes: &[T::DTYPE, <K::Out1 as Element>::DTYPE, <K::Out2 as Element>::DTYPE],
        func: unary2::<K, T> as LoopFn,
        report_fp: true,
        writes_uninit: false,
    };
    check2::<K::Out1, K::Out2>(c, name, &spec, &[arr(x)]);
}

fn b2<K: ElemBinary2<T>, T: Element + Cast>(c: &Cases, name: &str, uf: &str, x: &[T], y: &[T])
where
    K::Out1: Cast,
    K::Out2: Cast,
{
    let spec = LoopSpec {
        name: uf,
        nin: 2,
        dtypes: &[T::DTYPE, T::DTYPE, <K::Out1 as Element>::DTYPE, <K::Out2 as Element>::DTYPE],
        func: binary2::<K, T, T> as LoopFn,
        report_fp: true,
        writes_uninit: false,
    };
    check2::<K::Out1, K::Out2>(c, name, &spec, &[arr(x), arr(y)]);
}

#[test]
fn kernels_raise_numpys_floating_point_conditions() {
    let c = oracle("ufunc/elem_flags");
    let (inf, nan) = (f64::INFINITY, f64::NAN);
    let h = f16::from_f64;
    let z = |re: f64, im: f64| C128::new(re, im);
    b::<Fmod, i16, i16>(&c, "int16_fmod_zero", "fmod", &[7, 7], &[2, 0]);
    b::<Fmod, i16, i16>(&c, "int16_fmod_min", "fmod", &[i16::MIN], &[-1]);
    b2::<Divmod, i64>(&c, "int64_divmod_zero", "divmod", &[7], &[0]);
    b2::<Divmod, i8>(&c, "int8_divmod_min", "divmod", &[i8::MIN], &[-1]);
    b2::<Divmod, u8>(&c, "uint8_divmod_zero", "divmod", &[7], &[0]);
    b::<Gcd, i64, i64>(&c, "int64_gcd_min", "gcd", &[i64::MIN], &[0]);
    b::<LeftShift, i8, i8>(&c, "int8_shift_big", "left_shift", &[1], &[9]);
    b::<Nextafter, f64, f64>(&c, "float64_nextafter_max", "nextafter", &[f64::MAX], &[inf]);
    b::<Nextafter, f64, f64>(&c, "float64_nextafter_zero", "nextafter", &[0.0], &[1.0]);
    b::<Nextafter, f64, f64>(&c, "float64_nextafter_sub", "nextafter", &[f64::MIN_POSITIVE], &[0.0]);
    b::<Nextafter, f64, f64>(&c, "float64_nextafter_one", "nextafter", &[1.0], &[2.0]);
    b::<Nextafter, f32, f32>(&c, "float32_nextafter_max", "nextafter", &[f32::MAX], &[f32::INFINITY]);
    b::<Nextafter, f16, f16>(&c, "float16_nextafter_max", "nextafter", &[h(65504.0)], &[h(inf)]);
    u::<Spacing, f64>(&c, "float64_spacing_max", "spacing", &[f64::MAX]);
    u::<Spacing, f64>(&c, "float64_spacing_inf", "spacing", &[inf]);
    u::<Spacing, f64>(&c, "float64_spacing_zero", "spacing", &[0.0]);
    u::<Spacing, f16>(&c, "float16_spacing_inf", "spacing", &[h(inf)]);
    u::<Spacing, f16>(&c, "float16_spacing_max", "spacing", &[h(65504.0)]);
    b::<Ldexp, f64, i32>(&c, "float64_ldexp_over", "ldexp", &[1.0], &[2000]);
    b::<Ldexp, f64, i32>(&c, "float64_ldexp_under", "ldexp", &[1.0], &[-1100]);
    b::<Fmod, f64, f64>(&c, "float64_fmod_zero", "fmod", &[1.0], &[0.0]);
    b::<Fmod, f64, f64>(&c, "float64_fmod_inf", "fmod", &[inf], &[2.0]);
    b2::<Divmod, f64>(&c, "float64_divmod_zero", "divmod", &[1.0], &[0.0]);
    u2::<Modf, f64>(&c, "float64_modf_inf", "modf", &[inf, -inf, nan]);
    u2::<Frexp, f64>(&c, "float64_frexp_inf", "frexp", &[inf, nan, 5e-324]);
    b::<Fmax, f64, f64>(&c, "float64_fmax_nan", "fmax", &[nan, 1.0], &[1.0, nan]);
    u::<Floor, f64>(&c, "float64_floor_nan", "floor", &[nan, inf]);
    u::<Rint, f64>(&c, "float64_rint_nan", "rint", &[nan, inf]);
    b::<Heaviside, f64, f64>(&c, "float64_heaviside_nan", "heaviside", &[nan, 0.0], &[0.5, nan]);
    b::<Logaddexp, f64, f64>(&c, "float64_logaddexp_inf", "logaddexp", &[inf, -inf, nan], &[inf, -inf, 1.0]);
    b::<Copysign, f64, f64>(&c, "float64_copysign_nan", "copysign", &[nan], &[-1.0]);
    u::<Signbit, f64>(&c, "float64_signbit_nan", "signbit", &[nan]);
    u::<Deg2rad, f64>(&c, "float64_deg2rad_over", "deg2rad", &[f64::MAX]);
    u::<ComplexLog, C128>(&c, "complex128_log_zero", "log", &[z(0.0, 0.0)]);
    b::<FloatPower, C128, C128>(&c, "complex128_power_zero", "power", &[z(0.0, 0.0)], &[z(-1.0, 0.0)]);
    u::<ComplexSqrt, C128>(&c, "complex128_sqrt_neg", "sqrt", &[z(-1.0, 0.0)]);
    u::<ComplexExp, C128>(&c, "complex128_exp_inf", "exp", &[z(1.0, inf)]);
    u::<ComplexArctanh, C128>(&c, "complex128_arctanh_one", "arctanh", &[z(1.0, 0.0)]);
}
