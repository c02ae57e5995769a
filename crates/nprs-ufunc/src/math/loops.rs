//! The math kernels as ufunc loops: nprs-core's element-kernel traits implemented on one
//! zero-sized type per ufunc, for float64 and float32 (the SIMD kernels) and float16
//! (computed in float32 and rounded once, as NumPy does). The table in `ufunc/table.rs`
//! names them.

use nprs_core::f16;
use nprs_core::fpstatus::FpFlags;
use nprs_core::kernel::{ElemBinary, ElemUnary};

/// Rounds float32 results to float16, as NumPy's conversion does: overflow when a finite
/// value becomes infinite, underflow when a nonzero value becomes subnormal or zero
/// inexactly. (The hardware conversion, where there is one, raises the same conditions in
/// the status word; the software one raises nothing, so they are reported here.)
fn round_to_f16(src: &[f32], dst: &mut [f16]) -> FpFlags {
    let mut flags = FpFlags::NONE;
    for (d, &s) in dst.iter_mut().zip(src) {
        let h = f16::from_f32(s);
        *d = h;
        let back = h.to_f32();
        if s.is_finite() && back.is_infinite() {
            flags = flags.union(FpFlags::OVERFLOW);
        } else if back.abs() < f32::from(f16::MIN_POSITIVE) && back != s && !s.is_nan() {
            flags = flags.union(FpFlags::UNDERFLOW);
        }
    }
    flags
}

/// Runs a float32 kernel on float16 data, 256 elements at a time through stack buffers.
fn f16_via_f32(x: &[f16], out: &mut [f16], k: fn(&[f32], &mut [f32])) -> FpFlags {
    let mut a = [0.0f32; 256];
    let mut b = [0.0f32; 256];
    let mut flags = FpFlags::NONE;
    for (xc, oc) in x.chunks(256).zip(out.chunks_mut(256)) {
        let n = xc.len();
        for (d, s) in a.iter_mut().zip(xc) {
            *d = s.to_f32();
        }
        k(&a[..n], &mut b[..n]);
        flags = flags.union(round_to_f16(&b[..n], oc));
    }
    flags
}

/// [`f16_via_f32`] for binary kernels.
fn f16_via_f32_2(x: &[f16], y: &[f16], out: &mut [f16], k: fn(&[f32], &[f32], &mut [f32])) -> FpFlags {
    let mut a = [0.0f32; 256];
    let mut b = [0.0f32; 256];
    let mut c = [0.0f32; 256];
    let mut flags = FpFlags::NONE;
    for ((xc, yc), oc) in x.chunks(256).zip(y.chunks(256)).zip(out.chunks_mut(256)) {
        let n = xc.len();
        for (d, s) in a.iter_mut().zip(xc) {
            *d = s.to_f32();
        }
        for (d, s) in b.iter_mut().zip(yc) {
            *d = s.to_f32();
        }
        k(&a[..n], &b[..n], &mut c[..n]);
        flags = flags.union(round_to_f16(&c[..n], oc));
    }
    flags
}

/// The float32 and float16 loops of a unary kernel type from its float32 SIMD kernel (float16
/// computed in float32 and rounded once).
macro_rules! f32_f16_impls {
    ($ty:ident, $f32:ident, $e32:ident) => {
        impl ElemUnary<f32> for $ty {
            type Out = f32;
            fn elem(x: f32) -> f32 {
                super::$e32(x)
            }
            fn run(x: &[f32], out: &mut [f32]) -> FpFlags {
                super::$f32(x, out);
                FpFlags::NONE
            }
        }
        impl ElemUnary<f16> for $ty {
            type Out = f16;
            fn elem(x: f16) -> f16 {
                f16::from_f32(super::$e32(x.to_f32()))
            }
            fn run(x: &[f16], out: &mut [f16]) -> FpFlags {
                f16_via_f32(x, out, super::$f32)
            }
        }
    };
}

macro_rules! unary_loops {
    ($($ty:ident, $np:literal, $f64:ident, $e64:ident, $f32:ident, $e32:ident;)*) => {$(
        #[doc = concat!("`numpy.", $np, "`: the float16, float32 and float64 loops.")]
        pub struct $ty;
        impl ElemUnary<f64> for $ty {
            type Out = f64;
            fn elem(x: f64) -> f64 {
                super::$e64(x)
            }
            fn run(x: &[f64], out: &mut [f64]) -> FpFlags {
                super::$f64(x, out);
                FpFlags::NONE
            }
        }
        f32_f16_impls!($ty, $f32, $e32);
    )*};
}

/// Unary kernel types whose float64 loop is the C library's function (no SIMD kernel of
/// nprs's own) and whose float32 and float16 loops are the SIMD float32 kernels.
macro_rules! libm_f64_loops {
    ($($ty:ident, $np:literal, $c:path, $f32:ident, $e32:ident;)*) => {$(
        #[doc = concat!("`numpy.", $np, "`: the float16, float32 (SIMD) and float64 (C library) loops.")]
        pub struct $ty;
        impl ElemUnary<f64> for $ty {
            type Out = f64;
            fn elem(x: f64) -> f64 {
                $c(x)
            }
        }
        f32_f16_impls!($ty, $f32, $e32);
    )*};
}

macro_rules! binary_loops {
    ($($ty:ident, $np:literal, $f64:ident, $e64:ident, $f32:ident, $e32:ident;)*) => {$(
        #[doc = concat!("`numpy.", $np, "`: the float16, float32 and float64 loops.")]
        pub struct $ty;
        impl ElemBinary<f64> for $ty {
            type Out = f64;
            fn elem(a: f64, b: f64) -> f64 {
                super::$e64(a, b)
            }
            fn run(a: &[f64], b: &[f64], out: &mut [f64]) -> FpFlags {
                super::$f64(a, b, out);
                FpFlags::NONE
            }
        }
        impl ElemBinary<f32> for $ty {
            type Out = f32;
            fn elem(a: f32, b: f32) -> f32 {
                super::$e32(a, b)
            }
            fn run(a: &[f32], b: &[f32], out: &mut [f32]) -> FpFlags {
                super::$f32(a, b, out);
                FpFlags::NONE
            }
        }
        impl ElemBinary<f16> for $ty {
            type Out = f16;
            fn elem(a: f16, b: f16) -> f16 {
                f16::from_f32(super::$e32(a.to_f32(), b.to_f32()))
            }
            fn run(a: &[f16], b: &[f16], out: &mut [f16]) -> FpFlags {
                f16_via_f32_2(a, b, out, super::$f32)
            }
        }
    )*};
}

unary_loops! {
    Exp, "exp", exp_f64, exp_f64_elem, exp_f32, exp_f32_elem;
    Exp2, "exp2", exp2_f64, exp2_f64_elem, exp2_f32, exp2_f32_elem;
    Expm1, "expm1", expm1_f64, expm1_f64_elem, expm1_f32, expm1_f32_elem;
    Log, "log", log_f64, log_f64_elem, log_f32, log_f32_elem;
    Log2, "log2", log2_f64, log2_f64_elem, log2_f32, log2_f32_elem;
    Log10, "log10", log10_f64, log10_f64_elem, log10_f32, log10_f32_elem;
    Log1p, "log1p", log1p_f64, log1p_f64_elem, log1p_f32, log1p_f32_elem;
    Sin, "sin", sin_f64, sin_f64_elem, sin_f32, sin_f32_elem;
    Cos, "cos", cos_f64, cos_f64_elem, cos_f32, cos_f32_elem;
    Tan, "tan", tan_f64, tan_f64_elem, tan_f32, tan_f32_elem;
    Arctan, "arctan", arctan_f64, arctan_f64_elem, arctan_f32, arctan_f32_elem;
    Sinh, "sinh", sinh_f64, sinh_f64_elem, sinh_f32, sinh_f32_elem;
    Cosh, "cosh", cosh_f64, cosh_f64_elem, cosh_f32, cosh_f32_elem;
    Tanh, "tanh", tanh_f64, tanh_f64_elem, tanh_f32, tanh_f32_elem;
    Cbrt, "cbrt", cbrt_f64, cbrt_f64_elem, cbrt_f32, cbrt_f32_elem;
}

libm_f64_loops! {
    Arcsin, "arcsin", f64::asin, arcsin_f32, arcsin_f32_elem;
    Arccos, "arccos", f64::acos, arccos_f32, arccos_f32_elem;
    Arcsinh, "arcsinh", super::clib::asinh, arcsinh_f32, arcsinh_f32_elem;
    Arccosh, "arccosh", super::clib::acosh, arccosh_f32, arccosh_f32_elem;
    Arctanh, "arctanh", super::clib::atanh, arctanh_f32, arctanh_f32_elem;
}

binary_loops! {
    Arctan2, "arctan2", arctan2_f64, arctan2_f64_elem, arctan2_f32, arctan2_f32_elem;
    Hypot, "hypot", hypot_f64, hypot_f64_elem, hypot_f32, hypot_f32_elem;
    Power, "power", power_f64, power_f64_elem, power_f32, power_f32_elem;
}
