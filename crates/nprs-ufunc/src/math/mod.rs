//! SIMD kernels for the transcendental ufuncs on contiguous slices of `f64` and `f32`.
//!
//! Each function is written once against the vector abstraction in `simd` (the algorithms
//! are in `alg`) and compiled three times: AVX-512F (8 lanes), AVX2+FMA (4 lanes) and
//! portable scalar code; the tier is detected once per process and cached. Every tier uses
//! the same operations with the same roundings (`fma` is fused everywhere), so the tiers
//! give the same bits.
//!
//! A slice's tail is processed as one more vector, padded with a copy of its first element,
//! through the same algorithm: an element's result never depends on its position, so a
//! strided or element-by-element call ([`exp_f64_elem`] and friends) agrees bit for bit with
//! a contiguous one.
//!
//! `float32` is mostly computed in `f64` (exact widening, one rounding back), which keeps
//! its results within half an ulp or so of the true value, well inside NumPy's bounds.
//! `tanh`, `arctan` and `log` of `float32` are evaluated in `float32` lanes instead (`alg32`
//! on the `simd32` vectors: 16 lanes per AVX-512 instruction, twice the widened form's),
//! with minimax polynomials within about one ulp of the true value.
//!
//! Special values and floating-point flags follow NumPy: `log(0)` raises divide, `log(-1)`
//! invalid, `exp(1000)` overflow, a subnormal or zero result from a nonzero value underflow;
//! ordinary inputs raise nothing (lanes on special paths are fed harmless values).

// Some kernels (the `_on` tier forms) are called only by the tests and the timing.
#![allow(dead_code, reason = "the tier forms serve the tests")]

mod alg;
mod alg32;
mod loops;

/// The C library's inverse hyperbolic functions (the float64 loops of `arcsinh`, `arccosh`,
/// `arctanh`, which have no SIMD kernel of nprs's own). Rust's `f64::asinh` and friends
/// are formulas of their own that lose accuracy and the invalid/divide flags (`acosh(0.5)`
/// returns NaN without raising invalid); the C library's raise them as NumPy does.
mod clib {
    // SAFETY: these are the C99 `<math.h>` functions, present in the C library every Rust
    // target with `std` links; they take and return a `double` by value, touch no memory and
    // are defined for every input (NaN or infinity included), so calling them is safe.
    unsafe extern "C" {
        /// C99 `asinh`.
        pub(crate) safe fn asinh(x: f64) -> f64;
        /// C99 `acosh`.
        pub(crate) safe fn acosh(x: f64) -> f64;
        /// C99 `atanh`.
        pub(crate) safe fn atanh(x: f64) -> f64;
    }
}
mod simd;
mod simd32;
#[cfg(test)]
mod tests;

pub(crate) use loops::*;
#[cfg(all(target_arch = "x86_64", not(debug_assertions)))]
use simd::X2;
#[cfg(target_arch = "x86_64")]
use simd::{Avx2, Avx512};
use simd::{S, Vf64};
#[cfg(target_arch = "x86_64")]
use simd32::{Avx2x8, Avx512x16};
use simd32::{S32, Vf32};
use std::sync::atomic::{AtomicU8, Ordering};

/// An instruction-set tier, ordered from the portable one up.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Tier {
    /// Portable scalar code.
    Scalar = 1,
    /// AVX2 with FMA, 4 lanes.
    Avx2 = 2,
    /// AVX-512F, 8 lanes.
    Avx512 = 3,
}

impl Tier {
    /// Every tier, lowest first.
    pub(crate) const ALL: [Tier; 3] = [Tier::Scalar, Tier::Avx2, Tier::Avx512];
}

static TIER: AtomicU8 = AtomicU8::new(0);

/// The best tier this CPU supports, detected on first use.
pub(crate) fn tier() -> Tier {
    match TIER.load(Ordering::Relaxed) {
        1 => Tier::Scalar,
        2 => Tier::Avx2,
        3 => Tier::Avx512,
        _ => {
            let t = detect();
            TIER.store(t as u8, Ordering::Relaxed);
            t
        }
    }
}

fn detect() -> Tier {
    #[cfg(target_arch = "x86_64")]
    {
        if std::arch::is_x86_feature_detected!("avx512f") {
            return Tier::Avx512;
        }
        if std::arch::is_x86_feature_detected!("avx2") && std::arch::is_x86_feature_detected!("fma") {
            return Tier::Avx2;
        }
    }
    Tier::Scalar
}

/// The AVX-512 tier as the drivers run it: four vectors issued together (32 lanes), so
/// that four independent dependency chains interleave. In cache (`tests::kernel_throughput`)
/// one vector at a time took 0.82 ns per element for `exp` and 5.3 for `power`, two 0.73
/// and 3.9, four 0.57 and 3.2.
#[cfg(all(target_arch = "x86_64", not(debug_assertions)))]
type Avx512Run = X2<X2<Avx512>>;
/// The AVX2 tier as the drivers run it: two vectors (its 16 registers hold no more).
#[cfg(all(target_arch = "x86_64", not(debug_assertions)))]
type Avx2Run = X2<Avx2>;
/// Unoptimised builds keep every temporary of the inlined algorithm in the stack frame:
/// four vectors' worth overflowed a test thread's 2 MiB stack, so they run one vector
/// (`X2` gives the same bits: `tests::vectors_side_by_side_give_the_bits_of_one`).
#[cfg(all(target_arch = "x86_64", debug_assertions))]
type Avx512Run = Avx512;
/// As the other unoptimised tier.
#[cfg(all(target_arch = "x86_64", debug_assertions))]
type Avx2Run = Avx2;

/// Runs the algorithm `$f` (an `alg` function, called directly so that it inlines into the
/// `#[target_feature]` function around) over `$x` into `$out`, `V::LANES` at a time, the
/// tail as one more vector padded with a copy of the tail's first element. `$load`/`$store`
/// are the vector's `f64` or `f32` accessors, `$t` the element type.
macro_rules! run1 {
    ($v:ty, $t:ty, $load:ident, $store:ident, $x:expr, $out:expr, $f:path) => {
        run1!(Vf64, $v, $t, $load, $store, $x, $out, $f)
    };
    ($tr:ident, $v:ty, $t:ty, $load:ident, $store:ident, $x:expr, $out:expr, $f:path) => {{
        let (x, out): (&[$t], &mut [$t]) = ($x, $out);
        assert_eq!(x.len(), out.len(), "math kernel: input and output lengths differ");
        let n = x.len();
        let l = <$v as $tr>::LANES;
        let mut i = 0;
        while i + l <= n {
            // SAFETY: `i + l <= n`, the length of both slices.
            unsafe { $f(<$v as $tr>::$load(x.as_ptr().add(i))).$store(out.as_mut_ptr().add(i)) };
            i += l;
        }
        if i < n {
            let mut b = [x[i]; 32];
            b[..n - i].copy_from_slice(&x[i..]);
            let mut o: [$t; 32] = [0.0; 32];
            // SAFETY: both buffers hold 32 >= LANES values.
            unsafe { $f(<$v as $tr>::$load(b.as_ptr())).$store(o.as_mut_ptr()) };
            out[i..].copy_from_slice(&o[..n - i]);
        }
    }};
}

/// [`run1`] for a binary algorithm.
macro_rules! run2 {
    ($v:ty, $t:ty, $load:ident, $store:ident, $a:expr, $b:expr, $out:expr, $f:path) => {{
        let (a, b, out): (&[$t], &[$t], &mut [$t]) = ($a, $b, $out);
        assert!(a.len() == out.len() && b.len() == out.len(), "math kernel: input and output lengths differ");
        let n = a.len();
        let l = <$v as Vf64>::LANES;
        let mut i = 0;
        while i + l <= n {
            // SAFETY: `i + l <= n`, the length of all three slices.
            unsafe {
                $f(<$v as Vf64>::$load(a.as_ptr().add(i)), <$v as Vf64>::$load(b.as_ptr().add(i)))
                    .$store(out.as_mut_ptr().add(i));
            }
            i += l;
        }
        if i < n {
            let mut ba = [a[i]; 32];
            let mut bb = [b[i]; 32];
            ba[..n - i].copy_from_slice(&a[i..]);
            bb[..n - i].copy_from_slice(&b[i..]);
            let mut o: [$t; 32] = [0.0; 32];
            // SAFETY: the buffers hold 32 >= LANES values.
            unsafe { $f(<$v as Vf64>::$load(ba.as_ptr()), <$v as Vf64>::$load(bb.as_ptr())).$store(o.as_mut_ptr()) };
            out[i..].copy_from_slice(&o[..n - i]);
        }
    }};
}

/// Defines, for each binary algorithm, the `float64` slice kernel on the detected tier, its
/// `_on` form for a chosen tier and the single-element form.
macro_rules! binary_f64 {
    ($($name:literal, $alg64:ident: $f64:ident, $f64_on:ident, $f64_elem:ident;)*) => {$(
        #[doc = concat!("`np.", $name, "` on `float64` slices (all three of one length).")]
        pub(crate) fn $f64(a: &[f64], b: &[f64], out: &mut [f64]) {
            $f64_on(tier(), a, b, out);
        }

        #[doc = concat!("[`", stringify!($f64), "`] on tier `t`, or the best available below it.")]
        pub(crate) fn $f64_on(t: Tier, a: &[f64], b: &[f64], out: &mut [f64]) {
            match t.min(tier()) {
                #[cfg(target_arch = "x86_64")]
                Tier::Avx512 => {
                    #[target_feature(enable = "avx512f")]
                    fn k(a: &[f64], b: &[f64], out: &mut [f64]) {
                        run2!(Avx512Run, f64, load, store, a, b, out, alg::$alg64::<Avx512Run>);
                    }
                    // SAFETY: the tier is at most the detected one, so AVX-512F is present.
                    unsafe { k(a, b, out) }
                }
                #[cfg(target_arch = "x86_64")]
                Tier::Avx2 => {
                    #[target_feature(enable = "avx2,fma")]
                    fn k(a: &[f64], b: &[f64], out: &mut [f64]) {
                        run2!(Avx2Run, f64, load, store, a, b, out, alg::$alg64::<Avx2Run>);
                    }
                    // SAFETY: the tier is at most the detected one, so AVX2 and FMA are present.
                    unsafe { k(a, b, out) }
                }
                _ => run2!(S, f64, load, store, a, b, out, alg::$alg64::<S>),
            }
        }

        #[doc = concat!("[`", stringify!($f64), "`] of one pair (the same bits).")]
        pub(crate) fn $f64_elem(a: f64, b: f64) -> f64 {
            let mut o = [0.0];
            $f64(&[a], &[b], &mut o);
            o[0]
        }

    )*};
}

/// [`binary_f64`] for `float32` (computed in `f64`).
macro_rules! binary_f32 {
    ($($name:literal, $alg32:ident: $f32:ident, $f32_on:ident, $f32_elem:ident;)*) => {$(
        #[doc = concat!("`np.", $name, "` on `float32` slices (all three of one length).")]
        pub(crate) fn $f32(a: &[f32], b: &[f32], out: &mut [f32]) {
            $f32_on(tier(), a, b, out);
        }

        #[doc = concat!("[`", stringify!($f32), "`] on tier `t`, or the best available below it.")]
        pub(crate) fn $f32_on(t: Tier, a: &[f32], b: &[f32], out: &mut [f32]) {
            match t.min(tier()) {
                #[cfg(target_arch = "x86_64")]
                Tier::Avx512 => {
                    #[target_feature(enable = "avx512f")]
                    fn k(a: &[f32], b: &[f32], out: &mut [f32]) {
                        run2!(Avx512Run, f32, load_f32, store_f32, a, b, out, alg::$alg32::<Avx512Run>);
                    }
                    // SAFETY: the tier is at most the detected one, so AVX-512F is present.
                    unsafe { k(a, b, out) }
                }
                #[cfg(target_arch = "x86_64")]
                Tier::Avx2 => {
                    #[target_feature(enable = "avx2,fma")]
                    fn k(a: &[f32], b: &[f32], out: &mut [f32]) {
                        run2!(Avx2Run, f32, load_f32, store_f32, a, b, out, alg::$alg32::<Avx2Run>);
                    }
                    // SAFETY: the tier is at most the detected one, so AVX2 and FMA are present.
                    unsafe { k(a, b, out) }
                }
                _ => run2!(S, f32, load_f32, store_f32, a, b, out, alg::$alg32::<S>),
            }
        }

        #[doc = concat!("[`", stringify!($f32), "`] of one pair (the same bits).")]
        pub(crate) fn $f32_elem(a: f32, b: f32) -> f32 {
            let mut o = [0.0];
            $f32(&[a], &[b], &mut o);
            o[0]
        }
    )*};
}

/// Defines, for each unary algorithm, the `f64` slice kernel (on the detected tier), its
/// `_on` form for a chosen tier (capped at the detected one), and the single-element form.
macro_rules! unary_f64 {
    ($($alg:ident: $f64:ident, $f64_on:ident, $f64_elem:ident;)*) => {$(
        #[doc = concat!("`np.", stringify!($alg), "` on a `float64` slice (`out` has the same length).")]
        pub(crate) fn $f64(x: &[f64], out: &mut [f64]) {
            $f64_on(tier(), x, out);
        }

        #[doc = concat!("[`", stringify!($f64), "`] on tier `t`, or the best available below it.")]
        pub(crate) fn $f64_on(t: Tier, x: &[f64], out: &mut [f64]) {
            match t.min(tier()) {
                #[cfg(target_arch = "x86_64")]
                Tier::Avx512 => {
                    #[target_feature(enable = "avx512f")]
                    fn k(x: &[f64], out: &mut [f64]) {
                        run1!(Avx512Run, f64, load, store, x, out, alg::$alg::<Avx512Run>);
                    }
                    // SAFETY: the tier is at most the detected one, so AVX-512F is present.
                    unsafe { k(x, out) }
                }
                #[cfg(target_arch = "x86_64")]
                Tier::Avx2 => {
                    #[target_feature(enable = "avx2,fma")]
                    fn k(x: &[f64], out: &mut [f64]) {
                        run1!(Avx2Run, f64, load, store, x, out, alg::$alg::<Avx2Run>);
                    }
                    // SAFETY: the tier is at most the detected one, so AVX2 and FMA are present.
                    unsafe { k(x, out) }
                }
                _ => run1!(S, f64, load, store, x, out, alg::$alg::<S>),
            }
        }

        #[doc = concat!("[`", stringify!($f64), "`] of one element (the same bits).")]
        pub(crate) fn $f64_elem(x: f64) -> f64 {
            let mut o = [0.0];
            $f64(&[x], &mut o);
            o[0]
        }
    )*};
}

/// [`unary_f64`] and [`unary_f32`] of one algorithm (`float32` computed in `f64`).
macro_rules! unary {
    ($($alg:ident: $f64:ident, $f64_on:ident, $f64_elem:ident, $f32:ident, $f32_on:ident, $f32_elem:ident;)*) => {$(
        unary_f64! { $alg: $f64, $f64_on, $f64_elem; }
        unary_f32! { $alg: $f32, $f32_on, $f32_elem; }
    )*};
}

/// [`unary`] for functions with only a `float32` kernel (computed in `f64`).
macro_rules! unary_f32 {
    ($($alg:ident: $f32:ident, $f32_on:ident, $f32_elem:ident;)*) => {$(
        #[doc = concat!("`np.", stringify!($alg), "` on a `float32` slice (`out` has the same length).")]
        pub(crate) fn $f32(x: &[f32], out: &mut [f32]) {
            $f32_on(tier(), x, out);
        }

        #[doc = concat!("[`", stringify!($f32), "`] on tier `t`, or the best available below it.")]
        pub(crate) fn $f32_on(t: Tier, x: &[f32], out: &mut [f32]) {
            match t.min(tier()) {
                #[cfg(target_arch = "x86_64")]
                Tier::Avx512 => {
                    #[target_feature(enable = "avx512f")]
                    fn k(x: &[f32], out: &mut [f32]) {
                        run1!(Avx512Run, f32, load_f32, store_f32, x, out, alg::$alg::<Avx512Run>);
                    }
                    // SAFETY: the tier is at most the detected one, so AVX-512F is present.
                    unsafe { k(x, out) }
                }
                #[cfg(target_arch = "x86_64")]
                Tier::Avx2 => {
                    #[target_feature(enable = "avx2,fma")]
                    fn k(x: &[f32], out: &mut [f32]) {
                        run1!(Avx2Run, f32, load_f32, store_f32, x, out, alg::$alg::<Avx2Run>);
                    }
                    // SAFETY: the tier is at most the detected one, so AVX2 and FMA are present.
                    unsafe { k(x, out) }
                }
                _ => run1!(S, f32, load_f32, store_f32, x, out, alg::$alg::<S>),
            }
        }

        #[doc = concat!("[`", stringify!($f32), "`] of one element (the same bits).")]
        pub(crate) fn $f32_elem(x: f32) -> f32 {
            let mut o = [0.0];
            $f32(&[x], &mut o);
            o[0]
        }
    )*};
}

/// [`unary_f32`] for algorithms evaluated in `float32` lanes (`alg32`, 16 lanes of AVX-512).
macro_rules! unary_f32x {
    ($($alg:ident: $f32:ident, $f32_on:ident, $f32_elem:ident;)*) => {$(
        #[doc = concat!("`np.", stringify!($alg), "` on a `float32` slice (`out` has the same length).")]
        pub(crate) fn $f32(x: &[f32], out: &mut [f32]) {
            $f32_on(tier(), x, out);
        }

        #[doc = concat!("[`", stringify!($f32), "`] on tier `t`, or the best available below it.")]
        pub(crate) fn $f32_on(t: Tier, x: &[f32], out: &mut [f32]) {
            match t.min(tier()) {
                #[cfg(target_arch = "x86_64")]
                Tier::Avx512 => {
                    #[target_feature(enable = "avx512f")]
                    fn k(x: &[f32], out: &mut [f32]) {
                        run1!(Vf32, Avx512x16, f32, load, store, x, out, alg32::$alg::<Avx512x16>);
                    }
                    // SAFETY: the tier is at most the detected one, so AVX-512F is present.
                    unsafe { k(x, out) }
                }
                #[cfg(target_arch = "x86_64")]
                Tier::Avx2 => {
                    #[target_feature(enable = "avx2,fma")]
                    fn k(x: &[f32], out: &mut [f32]) {
                        run1!(Vf32, Avx2x8, f32, load, store, x, out, alg32::$alg::<Avx2x8>);
                    }
                    // SAFETY: the tier is at most the detected one, so AVX2 and FMA are present.
                    unsafe { k(x, out) }
                }
                _ => run1!(Vf32, S32, f32, load, store, x, out, alg32::$alg::<S32>),
            }
        }

        #[doc = concat!("[`", stringify!($f32), "`] of one element (the same bits).")]
        pub(crate) fn $f32_elem(x: f32) -> f32 {
            let mut o = [0.0];
            $f32(&[x], &mut o);
            o[0]
        }
    )*};
}

unary! {
    exp: exp_f64, exp_f64_on, exp_f64_elem, exp_f32, exp_f32_on, exp_f32_elem;
    sin: sin_f64, sin_f64_on, sin_f64_elem, sin_f32, sin_f32_on, sin_f32_elem;
    cos: cos_f64, cos_f64_on, cos_f64_elem, cos_f32, cos_f32_on, cos_f32_elem;
    exp2: exp2_f64, exp2_f64_on, exp2_f64_elem, exp2_f32, exp2_f32_on, exp2_f32_elem;
    expm1: expm1_f64, expm1_f64_on, expm1_f64_elem, expm1_f32, expm1_f32_on, expm1_f32_elem;
    log2: log2_f64, log2_f64_on, log2_f64_elem, log2_f32, log2_f32_on, log2_f32_elem;
    log10: log10_f64, log10_f64_on, log10_f64_elem, log10_f32, log10_f32_on, log10_f32_elem;
    log1p: log1p_f64, log1p_f64_on, log1p_f64_elem, log1p_f32, log1p_f32_on, log1p_f32_elem;
    sinh: sinh_f64, sinh_f64_on, sinh_f64_elem, sinh_f32, sinh_f32_on, sinh_f32_elem;
    cosh: cosh_f64, cosh_f64_on, cosh_f64_elem, cosh_f32, cosh_f32_on, cosh_f32_elem;
    tan: tan_f64, tan_f64_on, tan_f64_elem, tan_f32, tan_f32_on, tan_f32_elem;
    cbrt: cbrt_f64, cbrt_f64_on, cbrt_f64_elem, cbrt_f32, cbrt_f32_on, cbrt_f32_elem;
}

unary_f64! {
    tanh: tanh_f64, tanh_f64_on, tanh_f64_elem;
    log: log_f64, log_f64_on, log_f64_elem;
    arctan: arctan_f64, arctan_f64_on, arctan_f64_elem;
}

unary_f32x! {
    tanh: tanh_f32, tanh_f32_on, tanh_f32_elem;
    log: log_f32, log_f32_on, log_f32_elem;
    arctan: arctan_f32, arctan_f32_on, arctan_f32_elem;
}

binary_f64! {
    "arctan2", arctan2: arctan2_f64, arctan2_f64_on, arctan2_f64_elem;
    "hypot", hypot: hypot_f64, hypot_f64_on, hypot_f64_elem;
    "power", power: power_f64, power_f64_on, power_f64_elem;
}

binary_f32! {
    "arctan2", arctan2_f32: arctan2_f32, arctan2_f32_on, arctan2_f32_elem;
    "hypot", hypot: hypot_f32, hypot_f32_on, hypot_f32_elem;
    "power", power_f32: power_f32, power_f32_on, power_f32_elem;
}

unary_f32! {
    arcsin_f32: arcsin_f32, arcsin_f32_on, arcsin_f32_elem;
    arccos_f32: arccos_f32, arccos_f32_on, arccos_f32_elem;
    arcsinh_f32: arcsinh_f32, arcsinh_f32_on, arcsinh_f32_elem;
    arccosh_f32: arccosh_f32, arccosh_f32_on, arccosh_f32_elem;
    arctanh_f32: arctanh_f32, arctanh_f32_on, arctanh_f32_elem;
}
