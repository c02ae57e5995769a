//! Memory-mapped arrays: `numpy.memmap` over raw files and `numpy.load(mmap_mode=…)` /
//! `numpy.lib.format.open_memmap` over `.npy` files.
//!
//! A [`Memmap`] owns the mapping; its [`view`](Memmap::view) and
//! [`view_mut`](Memmap::view_mut) are ordinary nprs-core views whose lifetime is tied to
//! the map, so the borrow checker keeps them from outliving it.
//!
//! # Why the constructors are `unsafe`
//! A map lends out `&[T]` and `&mut [T]` into memory that belongs to the file. Rust's
//! guarantees for those references (nothing changes under a `&`, nothing else sees a
//! `&mut`, a `bool` is 0 or 1) hold only if nobody else changes the file while it is
//! mapped — and no library can enforce that: another process, another handle or another
//! map of the same file can write or truncate it at any time (advisory locks bind only
//! programs that ask for them). Truncation makes reading the map raise `SIGBUS`; writes
//! change data behind a shared reference, or put a byte other than 0 or 1 into a
//! `bool`. So, as in `memmap2`, the functions that map a file ([`Memmap::open`],
//! [`load_mmap`], [`load_mmap_with`], [`open_memmap`] and their dynamic twins
//! [`DynMemmap::open`](crate::DynMemmap::open), [`load_mmap_dyn`](crate::load_mmap_dyn),
//! [`load_mmap_dyn_with`](crate::load_mmap_dyn_with),
//! [`open_memmap_dyn`](crate::open_memmap_dyn)) are `unsafe fn`s whose caller promises
//! the contract below; everything done with a map once made is safe. Bool data is
//! checked to be 0 or 1 when it is mapped.
//!
//! The safe alternative reads the file into an owned array: [`load`](crate::load),
//! [`load_dyn`](crate::load_dyn) for `.npy` files,
//! [`fromfile`](crate::fromfile) for raw ones, with [`save`](crate::save) /
//! [`tofile`](crate::tofile) to write changes back. They read with ordinary system calls
//! (in parallel for large arrays), so they cost one copy of the data in memory.
//!
//! ## The contract
//! While the map lives, the mapped bytes of the file must change only through this map:
//! - no other process, and no other file handle of this program, writes to or truncates
//!   the file;
//! - no other memory map of the file that can write it (modes `r+` and `w+`) is alive at
//!   the same time. Any number of `r` and `c` maps of one file may coexist, since neither
//!   changes the file.
//!
//! Calling a mapping constructor outside an `unsafe` block does not compile:
//!
//! ```compile_fail,E0133
//! let m = nprs_io::load_mmap::<f64>("a.npy", nprs_io::MmapMode::ReadOnly);
//! ```
//!
//! This crate's own writers ([`save`](crate::save), [`savez`](crate::savez),
//! [`tofile`](crate::tofile), [`savetxt`](crate::savetxt) and `w+` maps) replace a file
//! by renaming a new one over it, so they never change a file that is mapped: a map keeps
//! seeing the old contents.
#![allow(unsafe_code)] // mapping files and viewing them as arrays; each block says why it holds

use std::fs::{File, OpenOptions};
use std::marker::PhantomData;
use std::path::Path;
use std::ptr::NonNull;
use std::str::FromStr;

use memmap2::{Mmap, MmapMut, MmapOptions};
use nprs_core::dims::{Shape, contiguous_strides};
use nprs_core::{ArrayView, ArrayViewMut, Descr, Order};

use crate::error::{Error, Result};
use crate::header::{Header, Version};
use crate::npy::LoadOptions;
use crate::staged::StagedFile;
use nprs_core::Element;

/// How a file is mapped, as NumPy's `mode=` argument.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MmapMode {
    /// `'r'`: read-only.
    ReadOnly,
    /// `'r+'`: read and write an existing file; changes reach the file.
    ReadWrite,
    /// `'w+'`: create or overwrite the file, then read and write.
    Write,
    /// `'c'`: copy-on-write; changes stay in memory and never reach the file.
    CopyOnWrite,
}

impl FromStr for MmapMode {
    type Err = Error;

    /// Parses NumPy's mode strings: `r`, `r+`, `w+`, `c` and the long names `readonly`,
    /// `readwrite`, `write`, `copyonwrite`.
    fn from_str(s: &str) -> Result<Self> {
        match s {
            "r" | "readonly" => Ok(MmapMode::ReadOnly),
            "r+" | "readwrite" => Ok(MmapMode::ReadWrite),
            "w+" | "write" => Ok(MmapMode::Write),
            "c" | "copyonwrite" => Ok(MmapMode::CopyOnWrite),
            other => Err(Error::MmapMode { mode: other.to_string() }),
        }
    }
}

pub(crate) enum Map {
    /// Nothing mapped: the array has no bytes.
    Empty,
    Read(Mmap),
    Write(MmapMut),
}

/// A memory-mapped array of element type `T` (`numpy.memmap`).
///
/// ```
/// # let dir = std::env::temp_dir().join(format!("nprs-io-doc-mmap-{}", std::process::id()));
/// # std::fs::create_dir_all(&dir).unwrap();
/// use nprs_core::Order;
/// use nprs_io::{Memmap, MmapMode};
/// let path = dir.join("data.bin");
/// // SAFETY: nothing else writes to or truncates the file while it is mapped.
/// let mut m = unsafe { Memmap::<f64>::open(&path, MmapMode::Write, 0, Some(&[2, 3]), Order::C) }.unwrap();
/// m.view_mut().unwrap().fill(1.5);
/// m.flush().unwrap();
/// drop(m);
/// // SAFETY: as above; the writable map is gone.
/// let r = unsafe { Memmap::<f64>::open(&path, MmapMode::ReadOnly, 0, None, Order::C) }.unwrap();
/// assert_eq!(r.view().shape(), &[6]);
/// assert!(r.view().iter().all(|x| x == 1.5));
/// # std::fs::remove_dir_all(&dir).unwrap();
/// ```
pub struct Memmap<T: Element> {
    map: Map,
    shape: Vec<usize>,
    order: Order,
    mode: MmapMode,
    offset: u64,
    _elem: PhantomData<T>,
}

impl<T: Element> std::fmt::Debug for Memmap<T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Memmap")
            .field("dtype", &T::DTYPE.name())
            .field("shape", &self.shape)
            .field("order", &self.order)
            .field("mode", &self.mode)
            .field("offset", &self.offset)
            .finish()
    }
}

/// Maps the bytes of an array of `item`-byte elements from `offset` (the shape given,
/// or as many elements as the file holds), extending the file in `w+` and `r+` modes as
/// NumPy does. Returns the map and the shape. With `align` (an alignment and the dtype's
/// name), an offset that is not a multiple of it is refused before anything is mapped.
///
/// # Safety
/// The caller keeps the [module's contract](self#the-contract)
/// for the returned map.
pub(crate) unsafe fn map_region(
    file: &File,
    mode: MmapMode,
    offset: u64,
    item: usize,
    align: Option<(usize, &str)>,
    shape: Option<&[usize]>,
) -> Result<(Map, Vec<usize>)> {
    let flen = file.metadata()?.len();
    let shape: Vec<usize> = match shape {
        Some(s) => s.to_vec(),
        None => {
            let bytes = flen.checked_sub(offset).ok_or(Error::MmapOffset)?;
            if item == 0 || bytes % item as u64 != 0 {
                return Err(Error::MmapNotWhole);
            }
            vec![usize::try_from(bytes / item as u64).map_err(|_| nprs_core::Error::TooBig)?]
        }
    };
    let count = nprs_core::dims::check_bytes(&shape, item)?;
    let nbytes = count.checked_mul(item).filter(|&n| n <= isize::MAX as usize).ok_or(nprs_core::Error::TooBig)?;
    let end = offset.checked_add(nbytes as u64).ok_or(nprs_core::Error::TooBig)?;
    if matches!(mode, MmapMode::Write | MmapMode::ReadWrite) && flen < end.max(1) {
        file.set_len(end.max(1))?;
    } else if end > flen {
        return Err(Error::MmapLength);
    }
    if let Some((align, dtype)) = align
        && !offset.is_multiple_of(align as u64)
    {
        return Err(Error::Misaligned { dtype: dtype.into(), offset, align });
    }
    let map = if nbytes == 0 {
        Map::Empty
    } else {
        let mut opts = MmapOptions::new();
        opts.offset(offset).len(nbytes);
        // SAFETY: the mapping covers bytes [offset, offset + nbytes) of a file at least
        // that long (checked or extended above); that nothing else changes or truncates
        // the file while it is mapped is this function's own safety contract.
        unsafe {
            match mode {
                MmapMode::ReadOnly => Map::Read(opts.map(file)?),
                MmapMode::CopyOnWrite => Map::Write(opts.map_copy(file)?),
                MmapMode::ReadWrite | MmapMode::Write => Map::Write(opts.map_mut(file)?),
            }
        }
    };
    Ok((map, shape))
}

impl Map {
    /// The mapped bytes.
    pub(crate) fn bytes(&self) -> &[u8] {
        match self {
            Map::Empty => &[],
            Map::Read(m) => m,
            Map::Write(m) => m,
        }
    }

    /// The first mapped byte (dangling, aligned for any type, when nothing is mapped).
    pub(crate) fn ptr(&self) -> NonNull<u8> {
        match self {
            Map::Empty => NonNull::<u128>::dangling().cast(),
            Map::Read(m) => NonNull::from(&m[..]).cast(),
            Map::Write(m) => NonNull::from(&m[..]).cast(),
        }
    }

    /// The mapped bytes, writable; `None` for a read-only map.
    pub(crate) fn bytes_mut(&mut self) -> Option<&mut [u8]> {
        match self {
            Map::Empty => Some(&mut []),
            Map::Read(_) => None,
            Map::Write(m) => Some(m),
        }
    }

    /// Writes changes back to the file.
    pub(crate) fn flush(&self, mode: MmapMode) -> Result<()> {
        if let (Map::Write(m), MmapMode::ReadWrite | MmapMode::Write) = (self, mode) {
            m.flush()?;
        }
        Ok(())
    }
}

/// Opens an existing file at `path` as the mode needs (`w+` files are made by
/// [`create_mapped`]).
pub(crate) fn open_file(path: &Path, mode: MmapMode) -> Result<File> {
    let mut o = OpenOptions::new();
    o.read(true);
    if mode == MmapMode::ReadWrite {
        o.write(true);
    }
    Ok(o.open(path)?)
}

/// Makes the file of a `w+` map: a new file holding `header`, mapped by `map`, that
/// replaces whatever is at `path` only once the map is made — a failure (a shape too
/// large, a full disk) leaves no file behind and an old one untouched.
pub(crate) fn create_mapped<M>(path: &Path, header: &[u8], map: impl FnOnce(&File) -> Result<M>) -> Result<M> {
    let staged = StagedFile::create(path)?;
    std::io::Write::write_all(&mut staged.file(), header)?;
    let m = map(staged.file())?;
    staged.commit()?;
    Ok(m)
}

impl<T: Element> Memmap<T> {
    /// Maps a raw binary file (`numpy.memmap(path, dtype=T, mode, offset, shape, order)`).
    ///
    /// Without a shape the array is 1-d and covers the file from `offset` to its end.
    /// In `w+` and `r+` modes a file shorter than the array is extended (with zeros).
    ///
    /// # Errors
    /// NumPy's errors: `"shape must be given if mode == 'w+'"`, `"Size of available data is
    /// not a multiple of the data-type size."`, `"mmap length is greater than file size"`;
    /// [`Error::Misaligned`] when `offset` is not a multiple of `T`'s alignment; bool data
    /// whose bytes are not all 0 or 1; I/O errors. A `w+` map that fails leaves no file.
    ///
    /// # Safety
    /// While the map lives, nothing else may change or truncate the file: see the
    /// [module's contract](self#the-contract).
    pub unsafe fn open(
        path: impl AsRef<Path>,
        mode: MmapMode,
        offset: u64,
        shape: Option<&[usize]>,
        order: Order,
    ) -> Result<Self> {
        let path = path.as_ref();
        if mode == MmapMode::Write {
            let Some(shape) = shape else { return Err(Error::ShapeRequired) };
            // The new file is extended with zeros up to the end of the array when mapped.
            // SAFETY: the caller keeps the contract for the new file.
            return create_mapped(path, &[], |f| unsafe { Self::map_file(f, mode, offset, Some(shape), order) });
        }
        let file = open_file(path, mode)?;
        // SAFETY: the caller keeps the contract.
        unsafe { Self::map_file(&file, mode, offset, shape, order) }
    }

    /// # Safety
    /// As [`map_region`].
    unsafe fn map_file(
        file: &File,
        mode: MmapMode,
        offset: u64,
        shape: Option<&[usize]>,
        order: Order,
    ) -> Result<Self> {
        let align = (std::mem::align_of::<T>(), T::DTYPE.name());
        // SAFETY: the caller keeps the contract.
        let (map, shape) = unsafe { map_region(file, mode, offset, size_of::<T>(), Some(align), shape) }?;
        let m = Memmap { map, shape, order, mode, offset, _elem: PhantomData };
        let p = m.data_ptr() as usize;
        if !p.is_multiple_of(std::mem::align_of::<T>()) {
            return Err(Error::Misaligned { dtype: T::DTYPE.name().into(), offset, align: std::mem::align_of::<T>() });
        }
        if T::DTYPE == nprs_core::DType::Bool
            && let Some(bad) = m.bytes().iter().position(|&b| b > 1)
        {
            return Err(Error::BoolData { offset: bad, value: m.bytes()[bad], loader: "load" });
        }
        Ok(m)
    }

    fn data_ptr(&self) -> *const u8 {
        self.map.ptr().as_ptr()
    }

    fn bytes(&self) -> &[u8] {
        self.map.bytes()
    }

    /// The shape.
    #[must_use]
    pub fn shape(&self) -> &[usize] {
        &self.shape
    }

    /// The mode the file was mapped with.
    #[must_use]
    pub fn mode(&self) -> MmapMode {
        self.mode
    }

    /// Where the data starts in the file, in bytes.
    #[must_use]
    pub fn offset(&self) -> u64 {
        self.offset
    }

    /// The elements in memory order.
    #[must_use]
    pub fn as_slice(&self) -> &[T] {
        let n: usize = self.shape.iter().product();
        // SAFETY: the map holds `n * size_of::<T>()` bytes at an address aligned for `T`
        // (checked when mapped), every bit pattern is a valid `T` (bools were checked to
        // be 0 or 1), and the slice borrows `self`, which keeps the map alive.
        unsafe { std::slice::from_raw_parts(self.data_ptr().cast::<T>(), n) }
    }

    /// The elements in memory order, writable.
    ///
    /// # Errors
    /// [`Error::ReadOnly`] for a map opened with mode `r`.
    pub fn as_slice_mut(&mut self) -> Result<&mut [T]> {
        let n: usize = self.shape.iter().product();
        match &mut self.map {
            Map::Read(_) => Err(Error::ReadOnly),
            Map::Empty => Ok(&mut []),
            Map::Write(m) => {
                // SAFETY: as in `as_slice`; the map is writable and uniquely borrowed.
                // Writing a bool slot can only store 0 or 1.
                Ok(unsafe { std::slice::from_raw_parts_mut(m.as_mut_ptr().cast::<T>(), n) })
            }
        }
    }

    /// A read-only array view of the mapped data.
    #[must_use]
    pub fn view(&self) -> ArrayView<'_, T> {
        let s = self.as_slice();
        // SAFETY: `s` holds exactly the elements of a contiguous array of `shape` in
        // `order`, borrowed for the view's lifetime.
        unsafe {
            ArrayView::from_raw_parts(
                NonNull::new_unchecked(s.as_ptr().cast_mut()),
                Shape::from_slice(&self.shape),
                contiguous_strides(&self.shape, self.order),
            )
        }
    }

    /// A writable array view of the mapped data.
    ///
    /// # Errors
    /// [`Error::ReadOnly`] for a map opened with mode `r`.
    pub fn view_mut(&mut self) -> Result<ArrayViewMut<'_, T>> {
        let shape = Shape::from_slice(&self.shape);
        let strides = contiguous_strides(&self.shape, self.order);
        let s = self.as_slice_mut()?;
        // SAFETY: the slice is uniquely borrowed, holds exactly the elements of a
        // contiguous `shape`/`strides`, and no two indices address the same element.
        Ok(unsafe { ArrayViewMut::from_raw_parts(NonNull::new_unchecked(s.as_mut_ptr()), shape, strides) })
    }

    /// Writes changes back to the file (`memmap.flush()`); nothing to do for `r` and `c`.
    ///
    /// # Errors
    /// I/O errors.
    pub fn flush(&self) -> Result<()> {
        self.map.flush(self.mode)
    }
}

/// Checks that a header describes `T` in native byte order.
fn check_mappable<T: Element>(h: &Header) -> Result<()> {
    if h.descr.numeric() != Some(T::DTYPE) {
        return Err(Error::DTypeMismatch { expected: T::DTYPE.name().into(), found: h.descr_shown() });
    }
    if !h.descr.is_native() {
        return Err(Error::NonNativeMap { descr: h.descr_shown() });
    }
    Ok(())
}

/// Opens an `.npy` file for mapping: its reader, header and the bytes after the header,
/// with NumPy's refusal of object arrays.
pub(crate) fn open_mappable(path: &Path, opts: &LoadOptions) -> Result<(Header, crate::npy::Avail)> {
    match crate::npy::open_npy(path, opts) {
        Ok((_, h, avail)) => Ok((h, avail)),
        Err(Error::ObjectArray) => Err(Error::MmapObject),
        Err(e) => Err(e),
    }
}

/// Opens an `.npy` file as a memory-mapped array (`numpy.lib.format.open_memmap`).
///
/// Modes `r`, `r+` and `c` map an existing file (its header gives dtype, shape and
/// order; `shape` and `fortran_order` are ignored). Mode `w+` creates the file with the
/// header NumPy writes for `shape` and `fortran_order`, then maps its data.
///
/// # Errors
/// As [`Memmap::open`] and [`crate::load`]; `w+` without a shape is an error; a file in
/// the other byte order cannot be mapped as `T` ([`Error::NonNativeMap`]). A `w+` map that
/// fails (a shape too large, a full disk) leaves no file at `path`, and an old file
/// there untouched.
///
/// # Safety
/// While the map lives, nothing else may change or truncate the file: see the
/// [module's contract](self#the-contract).
pub unsafe fn open_memmap<T: Element>(
    path: impl AsRef<Path>,
    mode: MmapMode,
    shape: Option<&[usize]>,
    fortran_order: bool,
    version: Option<Version>,
) -> Result<Memmap<T>> {
    let path = path.as_ref();
    if mode == MmapMode::Write {
        let Some(shape) = shape else { return Err(Error::ShapeRequired) };
        let h = Header::new(Descr::from(T::DTYPE), shape, fortran_order);
        let bytes = h.to_bytes(version)?;
        let order = if fortran_order { Order::F } else { Order::C };
        let map = |f: &File| {
            // SAFETY: the caller keeps the contract for the new file.
            unsafe { Memmap::map_file(f, MmapMode::ReadWrite, bytes.len() as u64, Some(shape), order) }
        };
        return create_mapped(path, &bytes, map).map(|m| Memmap { mode: MmapMode::Write, ..m });
    }
    // SAFETY: the caller keeps the contract.
    unsafe { load_mmap_with(path, mode, &LoadOptions::default()) }
}

/// Loads an `.npy` file as a memory map (`numpy.load(path, mmap_mode=mode)`): the array
/// views the file's data, nothing is read up front.
///
/// ```
/// # let dir = std::env::temp_dir().join(format!("nprs-io-doc-loadmm-{}", std::process::id()));
/// # std::fs::create_dir_all(&dir).unwrap();
/// use nprs_core::Array;
/// use nprs_io::MmapMode;
/// let path = dir.join("a.npy");
/// nprs_io::save(&path, &Array::from_shape_vec(&[2, 2], vec![1i64, 2, 3, 4]).unwrap()).unwrap();
/// // SAFETY: nothing else writes to or truncates the file while it is mapped.
/// let m = unsafe { nprs_io::load_mmap::<i64>(&path, MmapMode::ReadOnly) }.unwrap();
/// let sum: i64 = m.as_slice().iter().sum();
/// assert_eq!(sum, 10);
/// assert_eq!(m.view().shape(), &[2, 2]);
/// # std::fs::remove_dir_all(&dir).unwrap();
/// ```
///
/// # Errors
/// As [`open_memmap`]; mode `w+` is refused here (use [`open_memmap`] to create files).
///
/// # Safety
/// While the map lives, nothing else may change or truncate the file: see the
/// [module's contract](self#the-contract).
pub unsafe fn load_mmap<T: Element>(path: impl AsRef<Path>, mode: MmapMode) -> Result<Memmap<T>> {
    // SAFETY: the caller keeps the contract.
    unsafe { load_mmap_with(path, mode, &LoadOptions::default()) }
}

/// [`load_mmap`] with options.
///
/// # Errors
/// As [`load_mmap`].
///
/// # Safety
/// While the map lives, nothing else may change or truncate the file: see the
/// [module's contract](self#the-contract).
pub unsafe fn load_mmap_with<T: Element>(
    path: impl AsRef<Path>,
    mode: MmapMode,
    opts: &LoadOptions,
) -> Result<Memmap<T>> {
    if mode == MmapMode::Write {
        return Err(Error::ShapeRequired);
    }
    let (h, avail) = open_mappable(path.as_ref(), opts)?;
    check_mappable::<T>(&h)?;
    // A file shorter than its header says is an error in every mode (NumPy's `r+` would
    // silently extend it with zeros).
    crate::npy::check_avail(&h, avail)?;
    let file = open_file(path.as_ref(), mode)?;
    let order = if h.fortran_order { Order::F } else { Order::C };
    // SAFETY: the caller keeps the contract.
    unsafe { Memmap::map_file(&file, mode, h.data_offset, Some(&h.shape), order) }
}
