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

/// The runtime description [`show_runtime`] prints: the CPU features nprs's kernels
/// dispatch on (`AVX2`/`FMA` on x86-64) and the number of threads the machine offers.
///
/// ```
/// let r = nprs::runtime_info();
/// assert!(r.contains("threads: "));
/// assert!(r.contains(&format!("arch: {}", std::env::consts::ARCH)));
/// ```
#[must_use]
pub fn runtime_info() -> String {
    let simd = if nprs_core::kernel::has_avx2() { "AVX2, FMA" } else { "baseline" };
    let threads = std::thread::available_parallelism().map_or(1, std::num::NonZeroUsize::get);
    format!("simd:\n  arch: {}\n  dispatched: {simd}\nthreads: {threads}\n", std::env::consts::ARCH)
}

/// `numpy.show_runtime()`: prints [`runtime_info`] (the SIMD level the kernels run at and
/// the threads available; NumPy prints its SIMD extensions and threadpool libraries).
///
/// ```
/// nprs::show_runtime();
/// ```
pub fn show_runtime() {
    print!("{}", runtime_info());
}
