//! nprs's one error type: [`Error`] wraps the error of every crate, so that `?` works on
//! all of them in a function returning [`Result`].
//!
//! ```
//! use nprs::prelude::*;
//! # #[cfg(all(feature = "random", feature = "io"))] {
//!
//! // One function, three crates' errors: nprs-core (reshape), nprs-random (a bad
//! // parameter) and nprs-io (a missing file) all convert into `nprs::Error` with `?`.
//! fn sample(path: &std::path::Path) -> Result<Array<f64>> {
//!     let mut rng = nprs::random::default_rng(42);
//!     let x = rng.normal(0.0, 1.0, 6)?.into_shape(&[2, 3])?;   // random, then core
//!     nprs::io::save(path, &x)?;                                // io
//!     let back: Array<f64> = nprs::io::load(path)?;
//!     Ok(back)
//! }
//!
//! let dir = std::env::temp_dir().join(format!("nprs-error-doc-{}", std::process::id()));
//! std::fs::create_dir_all(&dir)?;
//! let path = dir.join("x.npy");
//! assert_eq!(sample(&path)?.shape(), &[2, 3]);
//! std::fs::remove_dir_all(&dir)?;
//!
//! // Each error says which Python exception NumPy raises for it.
//! let e = Error::from(nprs::random::default_rng(0).normal(0.0, -1.0, 3).unwrap_err());
//! assert_eq!(e.to_string(), "scale < 0");
//! assert_eq!(e.kind(), ErrorKind::ValueError);
//! let e = Error::from(nprs::io::load::<f64>(&dir.join("missing.npy")).unwrap_err());
//! assert_eq!(e.kind(), ErrorKind::FileNotFoundError);
//! assert!(e.kind().is_a(ErrorKind::OSError));
//! # }
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

pub use nprs_core::error::{ErrorKind, ShapeDisplay};

/// Any error from nprs: each crate's error, wrapped. `Display` is the wrapped error's
/// (NumPy's message); [`kind`](Error::kind) names the Python exception NumPy raises.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// An error of arrays, shapes, indices, dtypes, sorting and searching (nprs-core,
    /// whose error nprs-ufunc shares).
    #[error(transparent)]
    Core(#[from] nprs_core::Error),
    /// An error of random sampling (nprs-random).
    #[cfg(feature = "random")]
    #[error(transparent)]
    Random(#[from] nprs_random::Error),
    /// An error of linear algebra (nprs-linalg): singular matrices, shapes, dtypes.
    #[cfg(feature = "linalg")]
    #[error(transparent)]
    Linalg(#[from] nprs_linalg::Error),
    /// An error reading or writing files (nprs-io).
    #[cfg(feature = "io")]
    #[error(transparent)]
    Io(#[from] nprs_io::Error),
    /// An error of the Fourier transforms (nprs-fft).
    #[cfg(feature = "fft")]
    #[error(transparent)]
    Fft(#[from] nprs_fft::Error),
    /// An error of datetime parsing, formatting and unit conversion (nprs-datetime).
    #[cfg(feature = "datetime")]
    #[error(transparent)]
    Datetime(#[from] nprs_datetime::Error),
    /// An error of masked arrays (nprs-ma): masks of another size, fill values.
    #[cfg(feature = "ma")]
    #[error(transparent)]
    Ma(#[from] nprs_ma::Error),
}

impl Error {
    /// Which Python exception NumPy raises for this failure: the wrapped error's kind.
    #[must_use]
    pub fn kind(&self) -> ErrorKind {
        match self {
            Error::Core(e) => e.kind(),
            #[cfg(feature = "random")]
            Error::Random(e) => e.kind(),
            #[cfg(feature = "linalg")]
            Error::Linalg(e) => e.kind(),
            #[cfg(feature = "io")]
            Error::Io(e) => e.kind(),
            #[cfg(feature = "fft")]
            Error::Fft(e) => e.kind(),
            #[cfg(feature = "datetime")]
            Error::Datetime(e) => e.kind(),
            #[cfg(feature = "ma")]
            Error::Ma(e) => e.kind(),
        }
    }

    /// The Python exception class's name: `self.kind().name()` (`"AxisError"`).
    #[must_use]
    pub fn numpy_kind(&self) -> &'static str {
        self.kind().name()
    }
}

/// Result with nprs's [`Error`].
pub type Result<T, E = Error> = std::result::Result<T, E>;

#[cfg(all(test, feature = "linalg", feature = "fft", feature = "io"))]
mod tests {
    use super::{Error, ErrorKind};

    #[test]
    fn wrapped_errors_keep_their_kind_and_message() {
        let core = nprs_core::Error::AxisOutOfBounds { axis: 3, ndim: 2 };
        let e = Error::from(core.clone());
        assert_eq!(e.kind(), ErrorKind::AxisError);
        assert!(e.kind().is_a(ErrorKind::IndexError) && e.kind().is_a(ErrorKind::ValueError));
        assert_eq!(e.to_string(), core.to_string());
        let e = Error::from(nprs_linalg::Error::Singular);
        assert_eq!((e.kind(), e.to_string().as_str()), (ErrorKind::LinAlgError, "Singular matrix"));
        let e = Error::from(nprs_fft::Error::ZeroDivision);
        assert_eq!(e.numpy_kind(), "ZeroDivisionError");
        let e = Error::from(nprs_io::Error::EmptyFile);
        assert_eq!(e.kind(), ErrorKind::EOFError);
        // nprs-io's kinds are forwarded as they are, the operating system's among them.
        let e = Error::from(nprs_io::load_dyn("no/such/dir/x.npy").unwrap_err());
        assert_eq!(e.kind(), ErrorKind::FileNotFoundError);
        assert!(e.kind().is_a(ErrorKind::OSError));
        let e = Error::from(nprs_io::Error::Core(nprs_core::Error::InfinityToInteger));
        assert_eq!(
            (e.kind(), e.to_string().as_str()),
            (ErrorKind::OverflowError, "cannot convert float infinity to integer")
        );
        let e = Error::from(nprs_io::Error::ShapeRequired);
        assert_eq!((e.kind(), e.to_string().as_str()), (ErrorKind::ValueError, "shape must be given if mode == 'w+'"));
        let e = Error::from(nprs_io::Error::Core(core));
        assert_eq!(e.kind(), ErrorKind::AxisError);
    }
}
