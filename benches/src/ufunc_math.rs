//! The transcendental ufunc rows of the comparison table: `exp`, `log`, `sin`, `cos`,
//! `tanh` and `arctan` of 10⁷ `float64` and `float32` values over a range where each
//! function does real work. Results are compared approximately
//! ([`Output::approx`](crate::output::Output::approx)): nprs's kernels and NumPy's round
//! differently in the last bit now and then.

use nprs_core::Array;

use crate::data;
use crate::output::Output;
use crate::workloads::Workload;

/// `n` values `u * (hi - lo) + lo` for `u` of stream 1 (`uniform(n, 1)` in NumPy).
fn spread(n: usize, lo: f64, hi: f64) -> Array<f64> {
    Array::from_vec(data::uniform(n, 1).into_iter().map(|u| u * (hi - lo) + lo).collect())
}

/// One `float64` and one `float32` row of a unary ufunc over `[lo, hi)`.
macro_rules! math_rows {
    ($($name:literal, $f:path, $lo:literal, $hi:literal;)*) => {
        vec![$(
            Workload {
                area: "ufunc",
                name: $name,
                size: "1e7 f64",
                dims: &[10_000_000],
                test_dims: &[1_000],
                nprs: |d| {
                    let a = spread(d[0], $lo, $hi);
                    Box::new(move || Output::approx($f(&a).expect("no floating-point error is raised")))
                },
                numpy_setup: concat!("a = uniform(dims[0], 1) * (", $hi, " - ", $lo, ") + ", $lo, "; approx_digest = 20"),
                numpy_run: concat!("np.", $name, "(a)"),
                numpy_avx512_slow: false,
            },
            Workload {
                area: "ufunc",
                name: $name,
                size: "1e7 f32",
                dims: &[10_000_000],
                test_dims: &[1_000],
                nprs: |d| {
                    let a = spread(d[0], $lo, $hi).astype::<f32>();
                    Box::new(move || Output::approx32($f(&a).expect("no floating-point error is raised")))
                },
                numpy_setup: concat!(
                    "a = (uniform(dims[0], 1) * (", $hi, " - ", $lo, ") + ", $lo, ").astype(np.float32); approx_digest = 10"
                ),
                numpy_run: concat!("np.", $name, "(a)"),
                numpy_avx512_slow: false,
            },
        )*]
    };
}

/// The transcendental ufunc rows.
#[must_use]
pub fn math_workloads() -> Vec<Workload> {
    math_rows! {
        "exp", nprs_ufunc::exp, -20.0, 20.0;
        "log", nprs_ufunc::log, 0.5, 100.5;
        "sin", nprs_ufunc::sin, -100.0, 100.0;
        "cos", nprs_ufunc::cos, -100.0, 100.0;
        "tanh", nprs_ufunc::tanh, -5.0, 5.0;
        "arctan", nprs_ufunc::arctan, -10.0, 10.0;
    }
}
