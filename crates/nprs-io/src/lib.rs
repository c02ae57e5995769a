//! # nprs-io
//!
//! NumPy's file formats for nprs: every file NumPy writes can be read, and every file
//! nprs writes loads in NumPy with the same dtype, shape, order and values.
//!
//! | NumPy | nprs-io |
//! | --- | --- |
//! | `np.save(path, a)` | [`save`], [`save_with`] (version, byte order), [`write_npy`]; any dtype: [`save_dyn`], [`save_dyn_with`] (version), [`write_npy_dyn`] |
//! | `np.load(path)` (`.npy`) | [`load`] (typed), [`load_dyn`] (any dtype, as a [`DynArray`](nprs_core::DynArray), byte order and memory order as stored), [`read_npy`], [`read_npy_dyn`] |
//! | `np.savez`, `np.savez_compressed` | [`savez`], [`savez_compressed`], [`NpzWriter`]: members are any [`NpyWrite`] (typed or dynamic arrays and views) |
//! | `np.load(path)` (`.npz`) | [`NpzFile`]: `names()`, `get(name)` (a [`DynArray`](nprs_core::DynArray)), `get_array(name)` (typed) reading that member only |
//! | `np.load(path, mmap_mode=…)`, `open_memmap` | [`load_mmap`], [`open_memmap`] (typed); [`load_mmap_dyn`], [`open_memmap_dyn`] (any dtype) — `unsafe`, see [below](#memory-maps-are-unsafe-to-make) |
//! | `np.memmap(path, dtype, mode, offset, shape, order)` | [`Memmap::open`], [`DynMemmap::open`] (`unsafe`) |
//! | `a.tofile`, `np.fromfile` | [`tofile`], [`fromfile`] (typed, binary or text); [`tofile_dyn`], [`fromfile_dyn`] (any dtype, binary) |
//! | `np.savetxt`, `np.loadtxt`, `np.genfromtxt` | [`savetxt`], [`loadtxt`], [`genfromtxt`] |
//!
//! ```
//! use nprs_core::{Array, Descr, DynArray};
//! use nprs_io::{NpzFile, NpyWrite};
//! # let dir = std::env::temp_dir().join(format!("nprs-io-doc-crate-{}", std::process::id()));
//! # std::fs::create_dir_all(&dir).unwrap();
//! let a = Array::from_shape_vec(&[2, 3], vec![1.0f64, 2.0, 3.0, 4.0, 5.0, 6.0]).unwrap();
//! nprs_io::save(dir.join("a.npy"), &a).unwrap();
//! let b: Array<f64> = nprs_io::load(dir.join("a.npy")).unwrap();
//! assert_eq!(a, b);
//!
//! // Any dtype: strings, datetimes, records, other byte orders.
//! let names = DynArray::from_strs(&["ab", "cde"]);
//! nprs_io::savez(dir.join("ab.npz"), &[], &[("a", &a as &dyn NpyWrite), ("names", &names)]).unwrap();
//! let mut npz = NpzFile::open(dir.join("ab.npz")).unwrap();
//! // Numbers come back in a typed buffer: taking the typed array out copies nothing.
//! assert_eq!(npz.get("a").unwrap().into_typed::<f64>().unwrap(), a);
//! assert_eq!(npz.get("names").unwrap().dtype(), &Descr::unicode(3));
//! # std::fs::remove_dir_all(&dir).unwrap();
//! ```
//!
//! ## What is covered
//! - `.npy` versions 1.0, 2.0 and 3.0 (UTF-8 headers); every numeric dtype in either
//!   byte order, converted to native order on a typed load, kept as stored by
//!   [`load_dyn`]; C and Fortran order (a Fortran file loads as a
//!   Fortran-ordered array, without reordering); 0-d and empty arrays. Headers are
//!   written byte for byte as NumPy writes them (version 1.0 unless the header needs
//!   more, 64-byte alignment).
//! - Every other dtype NumPy writes except object: `U`/`S` strings, `datetime64` /
//!   `timedelta64` (any unit and multiplier, generic included), structured records
//!   (nested, with sub-array fields, with the padding of `align=True` layouts), void.
//!   [`load_dyn`] gives them as nprs-core dynamic arrays with the dtype `np.load` gives
//!   (its `repr`, `str`, item size, alignment and field offsets agree). Numeric dtypes
//!   in native order load into a typed buffer, so
//!   [`DynArray::into_typed`](nprs_core::DynArray::into_typed) gives the typed array
//!   without a copy. A file NumPy wrote, loaded and saved again, is unchanged byte for
//!   byte.
//! - Every dtype is nprs-core's [`Descr`](nprs_core::Descr) and every array of unknown
//!   dtype nprs-core's [`DynArray`](nprs_core::DynArray): the header's descr is read by
//!   nprs-core's dtype parser ([`Descr::from_npy_descr`](nprs_core::Descr::from_npy_descr),
//!   as `numpy.lib.format.descr_to_dtype`: byte orders kept, padding entries turned into
//!   gaps, titled fields) and written with its `dtype.descr` rules
//!   ([`Descr::npy_descr`](nprs_core::Descr::npy_descr)), so a header read and written
//!   back is unchanged; [`Header::descr_text`] gives that text.
//! - The header's Python dict is read by a parser of the literals `ast.literal_eval`
//!   accepts there (both quote styles and escapes, ints, bools, tuples including `()`
//!   and 1-tuples, lists, nested structured descrs, trailing commas, padding), with
//!   NumPy's checks and error messages.
//! - Object arrays and pickles are refused in NumPy's words ("Object arrays cannot be
//!   loaded when allow_pickle=False").
//! - Large arrays stream: contiguous arrays are written straight from their memory,
//!   others and byte-swapped data in chunks. A file is read with positioned reads
//!   straight into the new array's uninitialised memory (large arrays by several threads
//!   at once), byte swaps and bool checks done piece by piece as the data arrives.
//!   Hostile files get errors, never panics or allocations the file cannot back:
//!   sizes are overflow-checked, a file's length is checked before allocating, streams
//!   and archive members grow their buffers only as data arrives, headers are capped
//!   at NumPy's 10000 characters unless [`LoadOptions::max_header_size`] allows more.
//!
//! ## Saves replace files whole
//! Every function here that writes a file at a path ([`save`] and its variants,
//! [`savez`], [`savez_compressed`], [`NpzWriter::create`], [`savetxt`], [`tofile`], and
//! the `w+` memory maps) writes a new temporary file in the target's directory, syncs it
//! to the disk and renames it over the target ([`StagedFile`]). A save that fails (a full
//! disk, a file-size limit, a value the format cannot print) or a process killed in the
//! middle leaves the old file exactly as it was, never a file that loads with a mix of
//! old and new data; a failed save removes its temporary file (a killed one leaves it,
//! named `.<name>.<pid>-<n>.tmp`, in nobody's way). A `w+` map that fails leaves no file.
//! The new file keeps the old one's permissions; a symbolic link is followed; a device
//! or pipe (`/dev/null`) is written directly.
//!
//! ## Memory maps are unsafe to make
//! A memory map hands out `&[T]` and `&mut [T]` into the file's pages. If anything else
//! changes the file meanwhile — another process, another handle, another writable map —
//! a shared reference sees its data change, a `bool` can hold a byte other than 0 or 1,
//! and a truncated file raises `SIGBUS` on the next read. No library can prevent that
//! (advisory locks bind only those who ask for them), so, as in `memmap2`, the
//! functions that map a file are `unsafe fn`s whose caller promises that nothing else
//! writes to or truncates the file while the map lives; see [`mmap`] for the exact
//! contract. Everything done with a map once it exists is safe, and bool data is checked
//! to be 0 or 1 when it is mapped. The safe alternative is to read a copy: [`load`],
//! [`load_dyn`], [`fromfile`]. This crate's own writers never change a
//! mapped file: they replace it, and the map keeps the old contents.
//!
//! ```
//! # let dir = std::env::temp_dir().join(format!("nprs-io-doc-crate-mmap-{}", std::process::id()));
//! # std::fs::create_dir_all(&dir).unwrap();
//! use nprs_core::Array;
//! use nprs_io::MmapMode;
//! let path = dir.join("big.npy");
//! nprs_io::save(&path, &Array::from_vec(vec![1.0f64, 2.0, 3.0])).unwrap();
//! // SAFETY: this program made the file and nothing else writes to it while it is mapped.
//! let m = unsafe { nprs_io::load_mmap::<f64>(&path, MmapMode::ReadOnly) }.unwrap();
//! assert_eq!(m.as_slice(), &[1.0, 2.0, 3.0]);
//! // The safe way: a copy in memory.
//! let a: Array<f64> = nprs_io::load(&path).unwrap();
//! assert_eq!(a.as_slice().unwrap(), m.as_slice());
//! # std::fs::remove_dir_all(&dir).unwrap();
//! ```
//!
//! ## Differences from NumPy
//! - Mapping a file is `unsafe` (above); saving replaces the file instead of writing
//!   into it.
//! - Typed memory maps ([`Memmap`]) need data aligned for the element type and in native
//!   byte order; [`DynMemmap`] maps any layout and byte order.
//! - Bool values are read as 0 or 1 (any non-zero byte is `True`); NumPy keeps the byte.
//!   A memory map of bool data refuses other bytes.
//! - `float128`/`complex256` have no nprs-core dtype: files of them are refused
//!   ([`Error::LongDouble`]) where NumPy loads them.
//! - A header whose descr is a bare sub-array (`('<f8', (3,))`), which NumPy fails to
//!   load, loads with the sub-array's axes added to the shape.
//! - `bfloat16` dynamic arrays cannot be saved: `.npy` has no type string for them.

//! ## Dependencies
//! - `memmap2`: portable memory mapping for [`Memmap`]; the standard library has none.
//! - `zip` (deflate through `flate2` with the pure-Rust `zlib-rs` backend, no C code):
//!   reading and writing `.npz` archives, including zip64 members over 4 GiB.
//! - `thiserror`: the [`Error`] enum.
//! - `libc` (Linux only): `pread` into uninitialised memory (the standard library's
//!   positioned reads need initialised buffers), and `madvise` so that large buffers
//!   use transparent huge pages, as NumPy's allocations do.
#![deny(unsafe_code)] // allowed, with a reason, only in the modules that view memory

mod buf;
mod dynio;
mod dynmmap;
pub mod error;
mod fromtext;
pub mod header;
pub mod mmap;
mod npy;
mod npz;
pub mod pylit;
mod rawfile;
mod source;
pub mod staged;
pub mod text;

pub use dynio::{load_dyn, load_dyn_with, read_npy_dyn, save_dyn, save_dyn_with, write_npy_dyn};
pub use dynmmap::{DynMemmap, load_mmap_dyn, load_mmap_dyn_with, open_memmap_dyn};
pub use error::{Error, Result};
pub use header::{Header, Version};
pub use mmap::{Memmap, MmapMode, load_mmap, load_mmap_with, open_memmap};
pub use npy::{LoadOptions, SaveOptions, load, read_npy, save, save_with, write_npy};
pub use npz::{NpyWrite, NpzFile, NpzWriter, savez, savez_compressed};
pub use rawfile::{fromfile, fromfile_dyn, tofile, tofile_dyn};
pub use staged::StagedFile;
pub use text::{genfromtxt, loadtxt, savetxt};

/// The README (the registry page) and its example, run as a doctest.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
struct ReadmeDoctests;
pub use fromtext::{fromregex, fromregex_reader, fromregex_str, fromstring};
