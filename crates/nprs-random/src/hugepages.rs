//! Transparent-huge-page advice for large output buffers, as NumPy gives its own.
//!
//! Writing a fresh buffer faults once per 4 KiB page; for fast samplers that costs as much as
//! the draws. NumPy asks Linux to back allocations of 4 MiB and more with huge pages
//! (`madvise(MADV_HUGEPAGE)`), which most distributions honour in their default "madvise"
//! mode; this does the same for the buffers the sampling methods fill. Elsewhere it does
//! nothing.
#![allow(unsafe_code)] // one libc call on memory this crate owns; see the SAFETY comment

/// Buffers at least this large get the advice (NumPy's threshold).
const THRESHOLD: usize = 4 << 20;

#[cfg(target_os = "linux")]
unsafe extern "C" {
    fn madvise(addr: *mut std::ffi::c_void, len: usize, advice: std::ffi::c_int) -> std::ffi::c_int;
}

/// Advises the kernel to back the spare capacity of `v` with huge pages.
pub(crate) fn advise<T>(v: &mut Vec<T>) {
    let bytes = v.capacity().saturating_mul(size_of::<T>());
    if bytes < THRESHOLD {
        return;
    }
    #[cfg(target_os = "linux")]
    {
        const MADV_HUGEPAGE: std::ffi::c_int = 14;
        const PAGE: usize = 4096;
        let p = v.as_mut_ptr() as usize;
        let start = p.div_ceil(PAGE) * PAGE;
        let end = (p + bytes) / PAGE * PAGE;
        if end > start {
            // SAFETY: `[start, end)` lies inside the allocation `v` owns; `madvise` with
            // MADV_HUGEPAGE only changes how the kernel backs those pages, never their
            // contents or accessibility, and a failure (e.g. no THP support) is harmless.
            unsafe {
                madvise(start as *mut std::ffi::c_void, end - start, MADV_HUGEPAGE);
            }
        }
    }
}
