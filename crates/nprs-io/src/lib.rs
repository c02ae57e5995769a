//! # nprs-io
//!
//! NumPy's file formats for nprs: every file NumPy writes can be read, and every file
//! nprs writes loads in NumPy with the same dtype, shape, order and values.
//!
//! | NumPy | nprs-io |
//! | --- | --- |
//! | `np.save(path, a)` | [`save`], [`save_with`] (version, byte order), [`write_npy`] |
//! | `np.load(path)` (`.npy`) | [`load`] (typed), [`load_any`] (any dtype), [`load_raw`] (bytes as stored), [`read_npy`] |
//! | `np.savez`, `np.savez_compressed` | [`savez`], [`savez_compressed`], [`NpzWriter`] |
//! | `np.load(path)` (`.npz`) | [`NpzFile`]: `names()`, `get(name)` reading that member only |
//! | `np.load(path, mmap_mode=…)`, `open_memmap` | [`load_mmap`], [`open_memmap`] |
//! | `np.memmap(path, dtype, mode, offset, shape, order)` | [`Memmap::open`] |
//! | `a.tofile`, `np.fromfile` | [`tofile`], [`fromfile`] |
//! | `np.savetxt`, `np.loadtxt`, `np.genfromtxt` | [`savetxt`], [`loadtxt`], [`genfromtxt`] |
//!
//! ```
//! use nprs_core::Array;
//! use nprs_io::{AnyArray, NpzFile, NpyWrite};
//! # let dir = std::env::temp_dir().join(format!("nprs-io-doc-crate-{}", std::process::id()));
//! # std::fs::create_dir_all(&dir).unwrap();
//! let a = Array::from_shape_vec(&[2, 3], vec![1.0f64, 2.0, 3.0, 4.0, 5.0, 6.0]).unwrap();
//! nprs_io::save(dir.join("a.npy"), &a).unwrap();
//! let b: Array<f64> = nprs_io::load(dir.join("a.npy")).unwrap();
//! assert_eq!(a, b);
//!
//! nprs_io::savez(dir.join("ab.npz"), &[], &[("a", &a as &dyn NpyWrite)]).unwrap();
//! let mut npz = NpzFile::open(dir.join("ab.npz")).unwrap();
//! assert!(matches!(npz.get("a").unwrap(), AnyArray::F64(_)));
//! # std::fs::remove_dir_all(&dir).unwrap();
//! ```
//!
//! ## What is covered
//! - `.npy` versions 1.0, 2.0 and 3.0 (UTF-8 headers); every numeric dtype in either
//!   byte order, converted to native order on a typed load or kept as stored by
//!   [`load_raw`]; C and Fortran order (a Fortran file loads as a Fortran-ordered array,
//!   without reordering); 0-d and empty arrays. Headers are written byte for byte as
//!   NumPy writes them (version 1.0 unless the header needs more, 64-byte alignment).
//! - Any other dtype — `U`/`S` strings, `datetime64`/`timedelta64`, structured records,
//!   void, `float128` — loads as a [`RawArray`]: the bytes plus the header's [`Descr`].
//!   Saving it back reproduces NumPy's file exactly. [`RawArray`] is the boundary to a
//!   dynamic dtype system: descr, shape, order flag and bytes, nothing else.
//! - The header's Python dict is read by a parser of the literals `ast.literal_eval`
//!   accepts there (both quote styles and escapes, ints, bools, tuples including `()`
//!   and 1-tuples, lists, nested structured descrs, trailing commas, padding), with
//!   NumPy's checks and error messages.
//! - Object arrays and pickles are refused in NumPy's words ("Object arrays cannot be
//!   loaded when allow_pickle=False").
//! - Large arrays stream: contiguous arrays are written straight from their memory,
//!   others and byte-swapped data in chunks; loads read straight into the array's
//!   buffer. Hostile files get errors, never panics or allocations the file cannot back:
//!   sizes are overflow-checked, a file's length is checked before allocating, streams
//!   and archive members grow their buffers only as data arrives, headers are capped
//!   at NumPy's 10000 characters unless [`LoadOptions::max_header_size`] allows more.
//!
//! Differences from NumPy (for `docs/deviations.md`): memory maps
//! need data aligned for the element type and in native byte order; `U`, `S`, datetime
//! and structured arrays are raw byte arrays until nprs-core grows a dynamic array.
//!
//! ## Dependencies
//! - `memmap2`: portable memory mapping for [`Memmap`]; the standard library has none.
//! - `zip` (deflate through `flate2` with the pure-Rust `zlib-rs` backend, no C code):
//!   reading and writing `.npz` archives, including zip64 members over 4 GiB.
//! - `thiserror`: the [`Error`] enum.
//! - `libc` (Linux only): `madvise` so that large loads use transparent huge pages, as
//!   NumPy's allocations do.
#![deny(unsafe_code)] // allowed, with a reason, only in the modules that view memory

#[macro_use]
mod any;
mod buf;
pub mod descr;
mod dtype;
mod dynio;
mod dynmmap;
pub mod error;
pub mod header;
pub mod mmap;
mod npy;
mod npz;
pub mod pylit;
mod raw;
mod rawfile;
mod source;
pub mod text;

pub use any::{AnyArray, NpyElement};
pub use descr::{ByteOrder, Descr, Field, TypeStr};
pub use dynio::{load_dyn, load_dyn_with, read_npy_dyn, save_dyn, save_dyn_with, write_npy_dyn};
pub use dynmmap::{DynMemmap, load_mmap_dyn, load_mmap_dyn_with, open_memmap_dyn};
pub use error::{Error, Result};
pub use header::{Header, Version};
pub use mmap::{Memmap, MmapMode, load_mmap, load_mmap_with, open_memmap};
pub use npy::{
    LoadOptions, SaveOptions, load, load_any, load_any_with, load_raw, read_npy, read_npy_any, read_npy_raw, save,
    save_any, save_raw, save_raw_with, save_with, write_npy, write_npy_any, write_npy_raw,
};
pub use npz::{NpyWrite, NpzFile, NpzWriter, savez, savez_compressed};
pub use raw::RawArray;
pub use rawfile::{fromfile, tofile};
pub use text::{genfromtxt, loadtxt, savetxt};
