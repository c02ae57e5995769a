//! The `numpy.fft` workloads. Their results are compared by [`Output::fingerprint`]
//! within a relative tolerance (see `xtask/src/bench.rs`), not bit for bit: pocketfft and
//! rustfft round differently.

use nprs_core::{Array, C64, C128};
use nprs_fft::Norm;

use crate::data;
use crate::output::Output;
use crate::workloads::{Workload, uniform_array};

/// A complex128 array of `shape`: real parts from stream 1, imaginary parts from stream 2.
fn complex_array(shape: &[usize]) -> Array<C128> {
    let n = shape.iter().product();
    let (re, im) = (data::uniform(n, 1), data::uniform(n, 2));
    Array::from_shape_vec(shape, re.into_iter().zip(im).map(|(r, i)| C128::new(r, i)).collect())
        .expect("size matches shape")
}

const COMPLEX_SETUP: &str = "a = (uniform(int(np.prod(dims)), 1) + 1j * uniform(int(np.prod(dims)), 2)).reshape(dims)";

/// FFT rows: complex, real and inverse real transforms at 2^20, single precision, a prime
/// and a 5-smooth length, a 2-d and a 3-d transform, and many short real lanes.
#[must_use]
pub fn fft_workloads() -> Vec<Workload> {
    vec![
        Workload {
            area: "fft",
            name: "fft complex128",
            size: "2^20",
            dims: &[1 << 20],
            test_dims: &[1024],
            nprs: |d| {
                let a = complex_array(d);
                Box::new(move || nprs_fft::fft(&a, None, -1, Norm::Backward).expect("valid length").into())
            },
            numpy_setup: COMPLEX_SETUP,
            numpy_run: "np.fft.fft(a)",
            numpy_avx512_slow: false,
        },
        Workload {
            area: "fft",
            name: "rfft float64",
            size: "2^20",
            dims: &[1 << 20],
            test_dims: &[1024],
            nprs: |d| {
                let a = uniform_array(d, 1);
                Box::new(move || nprs_fft::rfft(&a, None, -1, Norm::Backward).expect("valid length").into())
            },
            numpy_setup: "a = uniform(dims[0], 1)",
            numpy_run: "np.fft.rfft(a)",
            numpy_avx512_slow: false,
        },
        Workload {
            area: "fft",
            name: "irfft float64",
            size: "2^20",
            dims: &[1 << 20],
            test_dims: &[1024],
            nprs: |d| {
                let a = nprs_fft::rfft(&uniform_array(d, 1), None, -1, Norm::Backward).expect("valid length");
                Box::new(move || nprs_fft::irfft(&a, None, -1, Norm::Backward).expect("valid length").into())
            },
            numpy_setup: "a = np.fft.rfft(uniform(dims[0], 1))",
            numpy_run: "np.fft.irfft(a)",
            numpy_avx512_slow: false,
        },
        Workload {
            area: "fft",
            name: "fft complex64",
            size: "2^20",
            dims: &[1 << 20],
            test_dims: &[1024],
            nprs: |d| {
                let a = complex_array(d).astype::<C64>();
                Box::new(move || nprs_fft::fft(&a, None, -1, Norm::Backward).expect("valid length").into())
            },
            numpy_setup: "a = (uniform(dims[0], 1) + 1j * uniform(dims[0], 2)).astype(np.complex64)",
            numpy_run: "np.fft.fft(a)",
            numpy_avx512_slow: false,
        },
        Workload {
            area: "fft",
            name: "fft complex128 prime",
            size: "1000003",
            dims: &[1_000_003],
            test_dims: &[1009],
            nprs: |d| {
                let a = complex_array(d);
                Box::new(move || nprs_fft::fft(&a, None, -1, Norm::Backward).expect("valid length").into())
            },
            numpy_setup: COMPLEX_SETUP,
            numpy_run: "np.fft.fft(a)",
            numpy_avx512_slow: false,
        },
        Workload {
            area: "fft",
            name: "fft complex128 5-smooth",
            size: "1000000",
            dims: &[1_000_000],
            test_dims: &[1000],
            nprs: |d| {
                let a = complex_array(d);
                Box::new(move || nprs_fft::fft(&a, None, -1, Norm::Backward).expect("valid length").into())
            },
            numpy_setup: COMPLEX_SETUP,
            numpy_run: "np.fft.fft(a)",
            numpy_avx512_slow: false,
        },
        Workload {
            area: "fft",
            name: "fft2 complex128",
            size: "2048x2048",
            dims: &[2048, 2048],
            test_dims: &[32, 48],
            nprs: |d| {
                let a = complex_array(d);
                Box::new(move || nprs_fft::fft2(&a, None, None, Norm::Backward).expect("valid lengths").into())
            },
            numpy_setup: COMPLEX_SETUP,
            numpy_run: "np.fft.fft2(a)",
            numpy_avx512_slow: false,
        },
        Workload {
            area: "fft",
            name: "rfft batched axis -1",
            size: "(1000,4096) f64",
            dims: &[1000, 4096],
            test_dims: &[10, 64],
            nprs: |d| {
                let a = uniform_array(d, 1);
                Box::new(move || nprs_fft::rfft(&a, None, -1, Norm::Backward).expect("valid length").into())
            },
            numpy_setup: "a = uniform(dims[0] * dims[1], 1).reshape(dims)",
            numpy_run: "np.fft.rfft(a, axis=-1)",
            numpy_avx512_slow: false,
        },
        Workload {
            area: "fft",
            name: "fftn complex128",
            size: "128^3",
            dims: &[128, 128, 128],
            test_dims: &[8, 12, 16],
            nprs: |d| {
                let a = complex_array(d);
                Box::new(move || nprs_fft::fftn(&a, None, None, Norm::Backward).expect("valid lengths").into())
            },
            numpy_setup: COMPLEX_SETUP,
            numpy_run: "np.fft.fftn(a)",
            numpy_avx512_slow: false,
        },
    ]
}

impl From<Array<C128>> for Output {
    fn from(a: Array<C128>) -> Self {
        Output::C128(a)
    }
}

impl From<Array<C64>> for Output {
    fn from(a: Array<C64>) -> Self {
        Output::C64(a)
    }
}
