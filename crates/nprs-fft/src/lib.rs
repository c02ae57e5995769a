//! # nprs-fft
//!
//! NumPy's discrete Fourier transforms (`numpy.fft`) for nprs, backed by rustfft: fft/ifft,
//! rfft/irfft, hfft/ihfft, their 2-d and n-d forms with `s`, `axes` and `norm`, and the
//! helpers fftfreq, rfftfreq, fftshift and ifftshift.
//!
//! This crate is part of nprs (NumPy for Rust). It compiles today and is empty: its
//! contents land in the releases listed in the workspace CHANGELOG.
#![forbid(unsafe_code)]
