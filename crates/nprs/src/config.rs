//! `numpy.show_config()`: what this build of nprs is made of.

/// The facade's features that are on in this build, by name.
#[must_use]
pub fn enabled_features() -> Vec<&'static str> {
    let all = [
        ("ufunc", cfg!(feature = "ufunc")),
        ("linalg", cfg!(feature = "linalg")),
        ("random", cfg!(feature = "random")),
        ("fft", cfg!(feature = "fft")),
        ("ma", cfg!(feature = "ma")),
        ("datetime", cfg!(feature = "datetime")),
        ("io", cfg!(feature = "io")),
    ];
    all.iter().filter(|(_, on)| *on).map(|(name, _)| *name).collect()
}

/// The build description [`show_config`] prints: nprs's version and the NumPy version it
/// follows, the features built in, and the target.
///
/// ```
/// let c = nprs::config_info();
/// assert!(c.contains(&format!("version: {}", nprs::VERSION)));
/// assert!(c.contains("numpy: 2.4.6"));
/// ```
#[must_use]
pub fn config_info() -> String {
    let endian = if crate::LITTLE_ENDIAN { "little" } else { "big" };
    format!(
        "nprs:\n  version: {}\n  numpy: {}\nfeatures: {}\ntarget:\n  arch: {}\n  os: {}\n  pointer width: {}\n  endian: {endian}\n",
        crate::VERSION,
        crate::NUMPY_VERSION,
        enabled_features().join(", "),
        std::env::consts::ARCH,
        std::env::consts::OS,
        usize::BITS,
    )
}

/// `numpy.show_config()`: prints [`config_info`] (nprs's build: version, the NumPy version
/// it follows, features and target; NumPy prints its compilers and BLAS).
pub fn show_config() {
    print!("{}", config_info());
}
