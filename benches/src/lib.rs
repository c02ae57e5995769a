//! # nprs-benches
//!
//! The benchmark instruments of nprs (not published):
//!
//! - [`workloads`]: the table of benchmarked operations. Each entry holds the nprs side
//!   and the NumPy side of one operation, so that the criterion benches
//!   (`benches/workloads.rs`) and the NumPy comparison run exactly the same work.
//! - [`fft`]: the `numpy.fft` rows (results compared by fingerprint within a tolerance).
//! - [`linalg`]: the linear-algebra rows of that table.
//! - [`ufunc_math`]: the transcendental ufunc rows (`exp`, `log`, `sin`, …).
//! - [`elementwise`]: the other elementwise ufunc rows in `float64` and `float32`
//!   (`sqrt`, `abs`, `maximum`, `greater`, `where`, …).
//! - [`data`]: deterministic inputs that `numpy_compare.py` reproduces bit for bit.
//! - [`output`]: the results and the checksum both sides compute of them.
//! - [`stream`]: the machine's memory bandwidth (STREAM's copy, scale, add, triad).
//! - [`serve`]: the line protocol behind the `nprs-compare` binary, which
//!   `cargo xtask bench --compare` drives in alternation with the NumPy script.
//!
//! ```
//! use nprs_benches::workloads::workloads;
//!
//! let w = &workloads()[0];
//! let mut run = (w.nprs)(w.test_dims);
//! assert_eq!(run().shape(), w.test_dims);
//! ```

pub mod data;
pub mod elementwise;
pub mod fft;
pub mod linalg;
pub mod output;
pub mod serve;
pub mod stream;
pub mod ufunc_math;
pub mod workloads;
