//! # nprs-fft
//!
//! NumPy's discrete Fourier transforms (`numpy.fft`) for nprs, on rustfft: [`fft`]/[`ifft`],
//! [`rfft`]/[`irfft`], [`hfft`]/[`ihfft`], their 2-d and n-d forms ([`fft2`], [`fftn`],
//! [`rfft2`], [`rfftn`], … with `s`, `axes` and `norm`), and the helpers [`fftfreq`],
//! [`rfftfreq`], [`fftshift`] and [`ifftshift`].
//!
//! - **Typed and dynamic.** Every transform takes any typed array or view (`f32`,
//!   `f64`, `C64`, `C128`, and — promoted as NumPy promotes them — integers, `bool` and
//!   `f16`), with an `_into` twin that writes into an `out` array; the `_dyn` forms
//!   ([`fft_dyn`], …) take a [`DynArray`](nprs_core::DynArray) or view and dispatch once on
//!   its dtype.
//! - **NumPy's precision.** `float32`, `float16` and `complex64` inputs are transformed in
//!   single precision (complex64 results), everything else in double, as NumPy 2 does.
//! - **Any length and layout.** Lengths with large prime factors go through rustfft's
//!   Rader and Bluestein algorithms. Strided lanes are gathered a few at a time, never by
//!   copying the whole array; n-d transforms run one axis after the other on one buffer.
//! - **Real transforms at half cost.** An even-length real transform is a half-length
//!   complex transform of the packed input plus a split pass.
//! - **Plans are cached**, thread-safely, and reused across calls; many lanes are split
//!   across threads (rayon).
//!
//! Accuracy: against NumPy (pocketfft), the largest difference of any element is within
//! `8 · ε · max(1, log2 n) · max|X|` (ε of the result's precision, `X` the result) — the
//! oracle tests state and check this bound for every function, norm, dtype and length.
//!
//! ```
//! use nprs_core::array;
//! use nprs_fft::{Norm, fft, ifft, fftfreq};
//!
//! // np.fft.fft(np.array([1.0, 2.0, 1.0, -1.0]))
//! let x = array![1.0f64, 2.0, 1.0, -1.0];
//! let spec = fft(&x, None, -1, Norm::Backward)?;
//! assert_eq!(spec.shape(), &[4]);
//! assert_eq!(spec.to_vec()[0].re, 3.0);
//! // Round trip: np.fft.ifft(np.fft.fft(x))
//! let back = ifft(&spec, None, -1, Norm::Backward)?;
//! assert!(back.iter().zip(x.iter()).all(|(b, a)| (b.re - a).abs() < 1e-12));
//! assert_eq!(fftfreq(4, 1.0)?.to_vec(), vec![0.0, 0.25, -0.5, -0.25]);
//! # Ok::<(), nprs_fft::Error>(())
//! ```
//!
//! Dependencies beyond nprs-core: rustfft (the transforms), num-complex, rayon (threads
//! over lanes) and thiserror (the error type).

mod api;
mod dynamic;
mod engine;
mod error;
mod exec;
mod helper;
mod input;
mod kernels;
mod plan;

pub use api::{
    fft, fft_into, fft2, fft2_into, fftn, fftn_into, hfft, hfft_into, ifft, ifft_into, ifft2, ifft2_into, ifftn,
    ifftn_into, ihfft, ihfft_into, irfft, irfft_into, irfft2, irfft2_into, irfftn, irfftn_into, rfft, rfft_into, rfft2,
    rfft2_into, rfftn, rfftn_into,
};
pub use dynamic::{
    fft_dyn, fft_dyn_into, fft2_dyn, fft2_dyn_into, fftn_dyn, fftn_dyn_into, fftshift_dyn, hfft_dyn, hfft_dyn_into,
    ifft_dyn, ifft_dyn_into, ifft2_dyn, ifft2_dyn_into, ifftn_dyn, ifftn_dyn_into, ifftshift_dyn, ihfft_dyn,
    ihfft_dyn_into, irfft_dyn, irfft_dyn_into, irfft2_dyn, irfft2_dyn_into, irfftn_dyn, irfftn_dyn_into, rfft_dyn,
    rfft_dyn_into, rfft2_dyn, rfft2_dyn_into, rfftn_dyn, rfftn_dyn_into,
};
pub use error::{Error, Result};
pub use exec::Norm;
pub use helper::{fftfreq, fftshift, ifftshift, rfftfreq};
pub use input::{ComplexOf, FftInput, RealInput, RealOf};
pub use plan::{FftFloat, cached_plans};

/// The README (the registry page) and its example, run as a doctest.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
struct ReadmeDoctests;
