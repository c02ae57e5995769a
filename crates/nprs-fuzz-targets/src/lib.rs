//! # nprs-fuzz-targets
//!
//! The bodies of nprs's fuzz targets, as plain functions of a byte string. Two drivers
//! call them: libFuzzer, through the cargo-fuzz crate in the repository's `fuzz/`
//! directory (`cargo +nightly fuzz run slicing`), and the deterministic mutation tests of
//! this crate (`tests/mutated.rs`), which the normal test command runs on stable for a
//! few seconds per target.
//!
//! A body never only calls the code under test: it checks what must hold for every
//! input, and panics when it does not (the drivers report a panic as a finding).
//!
//! | target | input | checks |
//! | --- | --- | --- |
//! | [`slicing`] | shape, source layout, slicing arguments | agreement with a reference implementation of Python's slicing (result or error; every element, read and written through the view); typed and dynamic views agree |
//! | [`descr_parse`] | a dtype string | no panic; the `.npy` descr and the type string parse back to the same dtype; an array of it has `itemsize` bytes per element |
//! | [`print_options`] | print options and a small array | no panic; unsummarised output has one token per element; with `floatmode='unique'` every token parses back to its element |
//! | [`npy`] | a `.npy` file | no panic; typed and dynamic reads agree; what loads saves and loads again to the same dtype, bytes and file |
//! | [`npz`] | a `.npz` archive | no panic; typed and dynamic reads of a member agree |
//! | [`text`] | a text file for `loadtxt` | no panic; what loads saves with `%.18e` and loads again to the same values |
//!
//! Not published; a dependency of the fuzz crate and a test crate of the workspace.

mod input;
mod print;
mod readers;
mod slicing;

pub use input::Input;
pub use print::print_options;
pub use readers::{npy, npz, text};
pub use slicing::{SliceRange, slicing, slicing_in};

/// `Descr::parse` on the input read as UTF-8 (lossily): never a panic; a dtype that
/// parses round-trips through its `.npy` descr and, for plain types, its type string;
/// its arrays hold `itemsize` bytes per element.
///
/// # Panics
/// When one of those properties fails.
pub fn descr_parse(data: &[u8]) {
    use nprs_core::{Descr, DynArray};
    let spec = String::from_utf8_lossy(data);
    let Ok(d) = Descr::parse(&spec) else { return };
    let itemsize = d.itemsize();
    let _ = (d.alignment(), d.kind(), d.char(), d.name(), d.to_string(), format!("{d:?}"));
    if let Ok(text) = d.npy_descr() {
        let back = Descr::from_npy_descr(&text)
            .unwrap_or_else(|e| panic!("{spec:?} parses to {d:?}, whose .npy descr {text:?} does not parse: {e}"));
        assert_eq!(back.itemsize(), itemsize, "{spec:?}: .npy descr {text:?} changes the item size");
        assert_eq!(back.names(), d.names(), "{spec:?}: .npy descr {text:?} changes the fields");
    }
    // bfloat16's type string is `<V2` (or `>V2`), as NumPy (ml_dtypes) gives it: raw bytes.
    if !d.is_compound() && d.subdtype().is_none() && d.to_native() != Descr::bfloat16() {
        let s = d.str();
        let back = Descr::parse(&s).unwrap_or_else(|e| panic!("{spec:?}: its type string {s:?} does not parse: {e}"));
        assert_eq!(back, d, "{spec:?}: the type string {s:?} parses to another dtype");
    }
    if itemsize <= 1 << 12
        && let Ok(a) = DynArray::zeros(&[3], &d)
    {
        assert_eq!(a.to_bytes().len(), 3 * itemsize, "{spec:?}: bytes of a 3-element array");
        // The fallible forms may refuse (as NumPy does for generic-unit datetimes); the
        // formatting traits must not fail.
        let opts = nprs_core::get_printoptions();
        let _ = (a.array_repr(&opts), a.array_str(&opts), format!("{a:?}"), a.to_string());
        if let Ok(one) = DynArray::zeros(&[], &d) {
            let _ = (one.array_str(&opts), one.to_string());
        }
    }
}
