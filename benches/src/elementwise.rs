//! The elementwise ufunc rows of the comparison table in both float types: `sqrt`, `abs`,
//! `floor`, `isnan`, `maximum`, `greater`, `logical_and` and `where` of 10⁷ `float64` and
//! `float32` values, and the `float32` rows of `power`, `arctan2`, `hypot` and `clip` (their
//! `float64` rows are with the other binary ufuncs). Each runs the dynamic ufunc call
//! (`ufuncs::SQRT.call(…)`), which the typed functions and the operators share.
//!
//! The inputs are those of the stream `seed` spread over `[lo, hi)` in `float64`
//! (`uniform(n, seed) * (hi - lo) + lo` in NumPy, the same bits), then cast for `float32`.

use nprs_core::dynarray::Operand;
use nprs_core::{Array, DType, Descr, DynArray, UfuncOptions};

use crate::data;
use crate::output::Output;
use crate::workloads::Workload;

/// `n` values `u * (hi - lo) + lo` for `u` of stream `seed`, as `float64` or `float32`.
fn spread(n: usize, seed: u64, lo: f64, hi: f64, f32: bool) -> DynArray {
    let a = DynArray::from(Array::from_vec(data::uniform(n, seed).into_iter().map(|u| u * (hi - lo) + lo).collect()));
    if f32 { a.astype(&Descr::from(DType::Float32)).expect("float64 to float32") } else { a }
}

/// [`spread`] with one element in a hundred set to NaN (at `indices(n // 100, n, 3)`).
fn with_nans(n: usize, f32: bool) -> DynArray {
    let mut v: Vec<f64> = data::uniform(n, 1).into_iter().map(|u| u * 2.0 - 1.0).collect();
    for i in data::indices(n / 100, n as u64, 3) {
        v[i as usize] = f64::NAN;
    }
    let a = DynArray::from(Array::from_vec(v));
    if f32 { a.astype(&Descr::from(DType::Float32)).expect("float64 to float32") } else { a }
}

/// `0.0` or `1.0` from stream `seed` (`np.floor(uniform(n, seed) * 2)`).
fn zero_one(n: usize, seed: u64, f32: bool) -> DynArray {
    let a = DynArray::from(Array::from_vec(data::uniform(n, seed).into_iter().map(|u| (u * 2.0).floor()).collect()));
    if f32 { a.astype(&Descr::from(DType::Float32)).expect("float64 to float32") } else { a }
}

/// The result compared bit for bit.
fn exact(r: nprs_core::Result<DynArray>) -> Output {
    let r = r.expect("the ufunc runs");
    match r.dtype().numeric() {
        Some(DType::Float64) => r.into_typed::<f64>().expect("float64").into(),
        Some(DType::Float32) => r.into_typed::<f32>().expect("float32").into(),
        Some(DType::Bool) => r.into_typed::<bool>().expect("bool").into(),
        other => panic!("unexpected result dtype {other:?}"),
    }
}

/// The result compared approximately (the SIMD kernels agree with NumPy's within an ulp).
fn approx(r: nprs_core::Result<DynArray>) -> Output {
    let r = r.expect("the ufunc runs");
    match r.dtype().numeric() {
        Some(DType::Float64) => Output::approx(r.into_typed::<f64>().expect("float64")),
        Some(DType::Float32) => Output::approx32(r.into_typed::<f32>().expect("float32")),
        other => panic!("unexpected result dtype {other:?}"),
    }
}

/// `ufunc.call(inputs)` with the default options.
fn call(u: &nprs_ufunc::ufunc::Ufunc, inputs: &[DynArray]) -> nprs_core::Result<DynArray> {
    let ops: Vec<Operand<'_>> = inputs.iter().map(Operand::from).collect();
    u.call(&ops, UfuncOptions::new())
}

/// One row per float type of a ufunc over inputs built by `$make(n, f32)`; NumPy's `$setup`
/// builds the same inputs, named `$vars`, in `float64`.
macro_rules! ufunc_rows {
    ($($name:literal, $u:ident, $make:expr, $check:ident, $vars:literal, $setup:literal, $run:literal;)*) => {
        vec![$(
            ufunc_rows!(@one $name, "1e7 f64", false, "", $u, $make, $check, $vars, $setup, $run),
            ufunc_rows!(@one $name, "1e7 f32", true, ".astype(np.float32)", $u, $make, $check, $vars, $setup, $run),
        )*]
    };
    (@one $name:literal, $size:literal, $f32:tt, $cast:literal, $u:ident, $make:expr, $check:ident,
     $vars:literal, $setup:literal, $run:literal) => {
        Workload {
            area: "ufunc",
            name: $name,
            size: $size,
            dims: &[10_000_000],
            test_dims: &[1_003],
            nprs: |d| {
                let make: fn(usize, bool) -> Vec<DynArray> = $make;
                let inputs = make(d[0], $f32);
                Box::new(move || $check(call(&nprs_ufunc::ufuncs::$u, &inputs)))
            },
            // `$setup` builds the inputs `$vars` in float64; they are cast here.
            numpy_setup: concat!(
                $setup,
                "; ",
                $vars,
                " = [v",
                $cast,
                " for v in [",
                $vars,
                "]]; approx_digest = ",
                ufunc_rows!(@digest $check, $f32)
            ),
            numpy_run: $run,
            numpy_avx512_slow: false,
        }
    };
    (@digest exact, $f32:tt) => { "False" };
    (@digest approx, false) => { "20" };
    (@digest approx, true) => { "10" };
}

/// The elementwise ufunc rows in `float64` and `float32`.
#[must_use]
pub fn elementwise_workloads() -> Vec<Workload> {
    let mut rows = ufunc_rows! {
        "sqrt", SQRT, |n, f| vec![spread(n, 1, 0.0, 100.0, f)], exact,
            "a,", "a = uniform(dims[0], 1) * (100.0 - 0.0) + 0.0", "np.sqrt(a)";
        "abs", ABSOLUTE, |n, f| vec![spread(n, 1, -1.0, 1.0, f)], exact,
            "a,", "a = uniform(dims[0], 1) * (1.0 - -1.0) + -1.0", "np.abs(a)";
        "floor", FLOOR, |n, f| vec![spread(n, 1, -100.0, 100.0, f)], exact,
            "a,", "a = uniform(dims[0], 1) * (100.0 - -100.0) + -100.0", "np.floor(a)";
        "isnan", ISNAN, |n, f| vec![with_nans(n, f)], exact,
            "a,", "a = uniform(dims[0], 1) * 2.0 - 1.0; a[indices(dims[0] // 100, dims[0], 3)] = np.nan", "np.isnan(a)";
        "maximum", MAXIMUM, |n, f| vec![spread(n, 1, -1.0, 1.0, f), spread(n, 2, -1.0, 1.0, f)], exact,
            "a, b", "a = uniform(dims[0], 1) * (1.0 - -1.0) + -1.0; b = uniform(dims[0], 2) * (1.0 - -1.0) + -1.0",
            "np.maximum(a, b)";
        "greater", GREATER, |n, f| vec![spread(n, 1, -1.0, 1.0, f), spread(n, 2, -1.0, 1.0, f)], exact,
            "a, b", "a = uniform(dims[0], 1) * (1.0 - -1.0) + -1.0; b = uniform(dims[0], 2) * (1.0 - -1.0) + -1.0",
            "np.greater(a, b)";
        "logical_and", LOGICAL_AND, |n, f| vec![zero_one(n, 1, f), zero_one(n, 2, f)], exact,
            "a, b", "a = np.floor(uniform(dims[0], 1) * 2.0); b = np.floor(uniform(dims[0], 2) * 2.0)",
            "np.logical_and(a, b)";
    };
    rows.extend(
        ufunc_rows! {
            "power", POWER, |n, f| vec![spread(n, 1, 0.0, 2.0, f), spread(n, 2, -2.0, 2.0, f)], approx,
                "a, b", "a = uniform(dims[0], 1) * (2.0 - 0.0) + 0.0; b = uniform(dims[0], 2) * (2.0 - -2.0) + -2.0",
                "np.power(a, b)";
            "arctan2", ARCTAN2, |n, f| vec![spread(n, 1, -1.0, 1.0, f), spread(n, 2, -1.0, 1.0, f)], approx,
                "a, b", "a = uniform(dims[0], 1) * (1.0 - -1.0) + -1.0; b = uniform(dims[0], 2) * (1.0 - -1.0) + -1.0",
                "np.arctan2(a, b)";
            "hypot", HYPOT, |n, f| vec![spread(n, 1, -1.0, 1.0, f), spread(n, 2, -1.0, 1.0, f)], approx,
                "a, b", "a = uniform(dims[0], 1) * (1.0 - -1.0) + -1.0; b = uniform(dims[0], 2) * (1.0 - -1.0) + -1.0",
                "np.hypot(a, b)";
        }
        // The float64 rows of these three are `power f64 ** f64`, `arctan2` and `hypot`.
        .into_iter()
        .filter(|w| w.size.ends_with("f32")),
    );
    rows.extend(where_clip_rows());
    rows
}

/// `np.where(mask, a, b)` in both float types and `np.clip` in `float32`.
fn where_clip_rows() -> Vec<Workload> {
    macro_rules! where_row {
        ($size:literal, $f32:literal, $cast:literal) => {
            Workload {
                area: "ufunc",
                name: "where",
                size: $size,
                dims: &[10_000_000],
                test_dims: &[1_003],
                nprs: |d| {
                    let c = DynArray::from(Array::from_vec(data::mask(d[0], 3)));
                    let (a, b) = (spread(d[0], 1, -1.0, 1.0, $f32), spread(d[0], 2, -1.0, 1.0, $f32));
                    Box::new(move || exact(nprs_ufunc::where_dyn(&c, &a, &b)))
                },
                numpy_setup: concat!(
                    "c = mask(dims[0], 3); a = (uniform(dims[0], 1) * (1.0 - -1.0) + -1.0)",
                    $cast,
                    "; b = (uniform(dims[0], 2) * (1.0 - -1.0) + -1.0)",
                    $cast
                ),
                numpy_run: "np.where(c, a, b)",
                numpy_avx512_slow: false,
            }
        };
    }
    vec![
        where_row!("1e7 f64", false, ""),
        where_row!("1e7 f32", true, ".astype(np.float32)"),
        Workload {
            area: "ufunc",
            name: "clip",
            size: "1e7 f32",
            dims: &[10_000_000],
            test_dims: &[1_003],
            nprs: |d| {
                let a = spread(d[0], 1, 0.0, 1.0, true).into_typed::<f32>().expect("float32");
                Box::new(move || nprs_ufunc::clip(&a, Some(0.25), Some(0.75)).expect("float32").into())
            },
            numpy_setup: "a = uniform(dims[0], 1).astype(np.float32)",
            numpy_run: "np.clip(a, 0.25, 0.75)",
            numpy_avx512_slow: false,
        },
    ]
}
