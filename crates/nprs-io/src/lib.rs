//! # nprs-io
//!
//! NumPy's file formats for nprs.
#![deny(unsafe_code)] // allowed, with a reason, only in the modules that view memory

#[macro_use]
mod any;
mod buf;
pub mod descr;
pub mod error;
pub mod header;
pub mod mmap;
mod npy;
mod npz;
pub mod pylit;
mod raw;
mod rawfile;
pub mod text;

pub use any::{AnyArray, NpyElement};
pub use descr::{ByteOrder, Descr, Field, TypeStr};
pub use error::{Error, Result};
pub use header::{Header, Version};
pub use npy::{
    LoadOptions, SaveOptions, load, load_any, load_any_with, load_raw, read_npy, read_npy_any, read_npy_raw, save,
    save_any, save_raw, save_raw_with, save_with, write_npy, write_npy_any, write_npy_raw,
};
pub use mmap::{Memmap, MmapMode, load_mmap, load_mmap_with, open_memmap};
pub use npz::{NpyWrite, NpzFile, NpzWriter, savez, savez_compressed};
pub use raw::RawArray;
pub use rawfile::{fromfile, tofile};
pub use text::{genfromtxt, loadtxt, savetxt};
