//! Memory maps of any dtype: [`DynMemmap`], whose views are nprs-core dynamic views
//! ([`DynView`], [`DynViewMut`]) over the file's bytes.
//!
//! Unlike typed maps, these need neither native byte order nor aligned data: a dynamic
//! array reads any layout (typed views of misaligned data are refused by nprs-core, and
//! `to_typed` copies instead).
//!
//! Mapping a file is `unsafe` for the reasons, and under the contract, that
//! [the typed maps' documentation](crate::mmap#why-the-constructors-are-unsafe) gives;
//! [`load_dyn`](crate::load_dyn) is the safe alternative.
#![allow(unsafe_code)] // dynamic views over mapped memory; each block says why it holds

use std::path::Path;

use nprs_core::dims::contiguous_strides;
use nprs_core::{Descr, DynView, DynViewMut, Order};

use crate::dynio::bool_offsets;
use crate::error::{Error, Result};
use crate::header::{Header, Version};
use crate::mmap::{Map, MmapMode, create_mapped, map_region, open_file};
use crate::npy::{LoadOptions, check_avail};

/// A memory-mapped array of any dtype (`numpy.memmap` with a dtype chosen at run time).
///
/// ```
/// # let dir = std::env::temp_dir().join(format!("nprs-io-doc-dynmm-{}", std::process::id()));
/// # std::fs::create_dir_all(&dir).unwrap();
/// use nprs_core::{Descr, Order};
/// use nprs_io::{DynMemmap, MmapMode};
/// let path = dir.join("records.bin");
/// let dt = Descr::parse("[('id', '<i4'), ('name', 'S3')]").unwrap();
/// // SAFETY: nothing else writes to or truncates the file while it is mapped.
/// let mut m = unsafe { DynMemmap::open(&path, &dt, MmapMode::Write, 0, Some(&[2]), Order::C) }.unwrap();
/// m.view_mut().unwrap().set_item(&[1], (7, "abc")).unwrap();
/// m.flush().unwrap();
/// drop(m);
/// // SAFETY: as above; the writable map is gone.
/// let r = unsafe { DynMemmap::open(&path, &dt, MmapMode::ReadOnly, 0, None, Order::C) }.unwrap();
/// assert_eq!(r.view().field("id").unwrap().to_typed::<i32>().unwrap().to_vec(), vec![0, 7]);
/// # std::fs::remove_dir_all(&dir).unwrap();
/// ```
pub struct DynMemmap {
    map: Map,
    dtype: Descr,
    shape: Vec<usize>,
    order: Order,
    mode: MmapMode,
    offset: u64,
}

impl std::fmt::Debug for DynMemmap {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("DynMemmap")
            .field("dtype", &self.dtype)
            .field("shape", &self.shape)
            .field("order", &self.order)
            .field("mode", &self.mode)
            .field("offset", &self.offset)
            .finish()
    }
}

impl DynMemmap {
    /// Maps a raw binary file as elements of `dtype` (`numpy.memmap(path, dtype, mode,
    /// offset, shape, order)`). Without a shape the array is 1-d and covers the file from
    /// `offset` to its end; in `w+` and `r+` modes a file shorter than the array is
    /// extended with zeros.
    ///
    /// # Errors
    /// As [`crate::Memmap::open`], except that any offset is accepted; a bool value (also
    /// inside a record) whose byte is not 0 or 1 cannot be mapped. A `w+` map that fails
    /// leaves no file.
    ///
    /// # Safety
    /// While the map lives, nothing else may change or truncate the file: see the
    /// [contract of memory maps](crate::mmap#the-contract).
    pub unsafe fn open(
        path: impl AsRef<Path>,
        dtype: &Descr,
        mode: MmapMode,
        offset: u64,
        shape: Option<&[usize]>,
        order: Order,
    ) -> Result<Self> {
        let path = path.as_ref();
        if mode == MmapMode::Write {
            let Some(shape) = shape else { return Err(Error::ShapeRequired) };
            // SAFETY: the caller keeps the contract for the new file.
            return create_mapped(path, &[], |f| unsafe { Self::map_file(f, dtype, mode, offset, Some(shape), order) });
        }
        let file = open_file(path, mode)?;
        // SAFETY: the caller keeps the contract.
        unsafe { Self::map_file(&file, dtype, mode, offset, shape, order) }
    }

    /// # Safety
    /// As [`map_region`].
    unsafe fn map_file(
        file: &std::fs::File,
        dtype: &Descr,
        mode: MmapMode,
        offset: u64,
        shape: Option<&[usize]>,
        order: Order,
    ) -> Result<Self> {
        let item = dtype.itemsize();
        // SAFETY: the caller keeps the contract.
        let (map, shape) = unsafe { map_region(file, mode, offset, item, None, shape) }?;
        let bools = bool_offsets(dtype);
        if !bools.is_empty() {
            let bytes = map.bytes();
            for (i, elem) in bytes.chunks_exact(item.max(1)).enumerate() {
                if let Some(&o) = bools.iter().find(|&&o| elem[o] > 1) {
                    return Err(Error::BoolData { offset: i * item + o, value: elem[o], loader: "load_dyn" });
                }
            }
        }
        Ok(DynMemmap { map, dtype: dtype.clone(), shape, order, mode, offset })
    }

    /// The dtype of the elements.
    #[must_use]
    pub fn dtype(&self) -> &Descr {
        &self.dtype
    }

    /// The shape (a sub-array dtype's axes are added by the views, not here).
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

    fn strides(&self) -> Vec<isize> {
        let item = self.dtype.itemsize() as isize;
        contiguous_strides(&self.shape, self.order).iter().map(|s| s * item).collect()
    }

    /// A read-only dynamic view of the mapped data.
    #[must_use]
    pub fn view(&self) -> DynView<'_> {
        // SAFETY: the map holds exactly the elements of a contiguous array of `shape` in
        // `order` (checked when mapped), bool bytes were checked to be 0 or 1, and the view
        // borrows `self`, which keeps the map alive.
        unsafe { DynView::from_raw_parts(self.map.ptr(), &self.shape, &self.strides(), &self.dtype) }
    }

    /// A writable dynamic view of the mapped data.
    ///
    /// # Errors
    /// [`Error::ReadOnly`] for a map opened with mode `r`.
    pub fn view_mut(&mut self) -> Result<DynViewMut<'_>> {
        let strides = self.strides();
        let bytes = self.map.bytes_mut().ok_or(Error::ReadOnly)?;
        let ptr = std::ptr::NonNull::from(&mut bytes[..]).cast::<u8>();
        // SAFETY: as in `view`; the map is writable and uniquely borrowed, and a
        // contiguous layout maps no two indices to the same bytes.
        Ok(unsafe { DynViewMut::from_raw_parts(ptr, &self.shape, &strides, &self.dtype) })
    }

    /// Writes changes back to the file (`memmap.flush()`); nothing to do for `r` and `c`.
    ///
    /// # Errors
    /// I/O errors.
    pub fn flush(&self) -> Result<()> {
        self.map.flush(self.mode)
    }
}

/// Loads an `.npy` file of any dtype as a memory map (`numpy.load(path, mmap_mode=mode)`):
/// the view has the file's dtype (byte order included), shape and order.
///
/// # Errors
/// As [`crate::load_mmap`] (mode `w+` is refused: use [`open_memmap_dyn`]);
/// [`Error::ObjectArray`]-like refusal for object dtypes, [`Error::LongDouble`] for
/// dtypes nprs-core has no type for.
///
/// # Safety
/// While the map lives, nothing else may change or truncate the file: see the
/// [contract of memory maps](crate::mmap#the-contract).
pub unsafe fn load_mmap_dyn(path: impl AsRef<Path>, mode: MmapMode) -> Result<DynMemmap> {
    // SAFETY: the caller keeps the contract.
    unsafe { load_mmap_dyn_with(path, mode, &LoadOptions::default()) }
}

/// [`load_mmap_dyn`] with options.
///
/// # Errors
/// As [`load_mmap_dyn`].
///
/// # Safety
/// While the map lives, nothing else may change or truncate the file: see the
/// [contract of memory maps](crate::mmap#the-contract).
pub unsafe fn load_mmap_dyn_with(path: impl AsRef<Path>, mode: MmapMode, opts: &LoadOptions) -> Result<DynMemmap> {
    if mode == MmapMode::Write {
        return Err(Error::ShapeRequired);
    }
    let (h, avail) = crate::mmap::open_mappable(path.as_ref(), opts)?;
    check_avail(&h, avail)?;
    let file = open_file(path.as_ref(), mode)?;
    let order = if h.fortran_order { Order::F } else { Order::C };
    // SAFETY: the caller keeps the contract.
    unsafe { DynMemmap::map_file(&file, &h.descr, mode, h.data_offset, Some(&h.shape), order) }
}

/// Opens an `.npy` file of any dtype as a memory map
/// (`numpy.lib.format.open_memmap(path, mode, dtype, shape, fortran_order, version)`).
///
/// Modes `r`, `r+` and `c` map an existing file (its header gives dtype, shape and order;
/// the other arguments are ignored). Mode `w+` writes the header NumPy writes for `dtype`,
/// `shape` and `fortran_order`, then maps the (zero) data.
///
/// # Errors
/// As [`load_mmap_dyn`]; `w+` without a shape is an error, and a dtype no header can
/// describe (overlapping record fields, `bfloat16`) cannot be written. A `w+` map that
/// fails leaves no file at `path`, and an old file there untouched.
///
/// # Safety
/// While the map lives, nothing else may change or truncate the file: see the
/// [contract of memory maps](crate::mmap#the-contract).
pub unsafe fn open_memmap_dyn(
    path: impl AsRef<Path>,
    mode: MmapMode,
    dtype: &Descr,
    shape: Option<&[usize]>,
    fortran_order: bool,
    version: Option<Version>,
) -> Result<DynMemmap> {
    let path = path.as_ref();
    if mode != MmapMode::Write {
        // SAFETY: the caller keeps the contract.
        return unsafe { load_mmap_dyn(path, mode) };
    }
    let Some(shape) = shape else { return Err(Error::ShapeRequired) };
    // A sub-array dtype is written as NumPy writes the array it makes: its axes join the
    // shape.
    let mut full = shape.to_vec();
    let mut base = dtype.clone();
    while let Some(sub) = base.subdtype() {
        full.extend_from_slice(&sub.shape);
        base = sub.base.clone();
    }
    let h = Header::new(base.clone(), &full, fortran_order && full.len() > 1);
    let bytes = h.to_bytes(version)?;
    let order = if fortran_order { Order::F } else { Order::C };
    let map = |f: &std::fs::File| {
        // SAFETY: the caller keeps the contract for the new file.
        unsafe { DynMemmap::map_file(f, &base, MmapMode::ReadWrite, bytes.len() as u64, Some(&full), order) }
    };
    create_mapped(path, &bytes, map).map(|m| DynMemmap { mode: MmapMode::Write, ..m })
}
