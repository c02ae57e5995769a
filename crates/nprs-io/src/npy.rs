//! `.npy` files: `numpy.save` and `numpy.load` for one array.
#![allow(unsafe_code)] // arrays read into uninitialised memory; each block says why it holds

use std::fs::File;
use std::io::{BufReader, Read, Write};
use std::path::Path;

use nprs_core::kernel::Data;
use nprs_core::{Array, ArrayBase, ByteOrder, DType, Descr, Element, Order};

use crate::buf;
use crate::error::{Error, Result};
use crate::header::{self, Header, MAX_HEADER_SIZE, Version};
use crate::source::{Body, FileBody, Post, Stream, uninit_bytes};

/// Options for reading `.npy` data.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct LoadOptions {
    /// The longest header accepted, in characters (NumPy's `max_header_size`, 10000 by
    /// default). Raise it only for files you trust.
    pub max_header_size: usize,
}

impl Default for LoadOptions {
    fn default() -> Self {
        LoadOptions { max_header_size: MAX_HEADER_SIZE }
    }
}

/// Options for writing `.npy` data.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SaveOptions {
    /// The format version; `None` picks the oldest that can hold the header, as NumPy
    /// does (1.0 almost always).
    pub version: Option<Version>,
    /// The byte order of the data written (native by default; `NotApplicable` means
    /// native too). Data in the other order is converted in chunks, never as a second full
    /// copy.
    pub byte_order: ByteOrder,
}

impl Default for SaveOptions {
    fn default() -> Self {
        SaveOptions { version: None, byte_order: ByteOrder::NATIVE }
    }
}

/// How far the data may be trusted to exist before it is read.
#[derive(Clone, Copy)]
pub(crate) enum Avail {
    /// This many bytes follow the header (a file's length, an archive member's size).
    Known(u64),
    /// A stream of unknown length: buffers grow as data arrives.
    Unknown,
}

/// Checks that `avail` bytes can hold what `h` promises.
pub(crate) fn check_avail(h: &Header, avail: Avail) -> Result<bool> {
    let nbytes = h.nbytes()?;
    match avail {
        Avail::Known(n) => {
            if (n as u128) < nbytes as u128 {
                let item = h.itemsize().max(1) as u64;
                return Err(buf::truncated(&h.shape, h.count()?, usize::try_from(n / item).unwrap_or(usize::MAX)));
            }
            Ok(true)
        }
        Avail::Unknown => Ok(false),
    }
}

/// Reads the data of a numeric `h` as `T`, converting to native byte order.
///
/// With a known length the array is allocated once, uninitialised, and the data read
/// straight into it (byte swaps and bool checks done piece by piece as it arrives); a
/// stream of unknown length grows its buffer as data arrives instead.
pub(crate) fn read_typed_body<T: Element, B: Body + ?Sized>(r: &mut B, h: &Header, avail: Avail) -> Result<Array<T>> {
    if h.descr.numeric() != Some(T::DTYPE) {
        return Err(Error::DTypeMismatch { expected: T::DTYPE.name().to_string(), found: h.descr_shown() });
    }
    let swap = !h.descr.is_native();
    let unit = buf::swap_unit(T::DTYPE);
    let known = check_avail(h, avail)?;
    let count = h.count()?;
    let order = if h.fortran_order { Order::F } else { Order::C };
    let is_bool = T::DTYPE == DType::Bool;
    if !known && h.nbytes()? > buf::CHUNK {
        if is_bool {
            let (v, got) = buf::read_bools(r, count, false, &h.shape)?;
            if got < count {
                return Err(buf::truncated(&h.shape, count, got));
            }
            let a = Array::from_shape_vec_order(&h.shape, v, order)?;
            return Ok(nprs_core::DynArray::from(a).into_typed::<T>()?);
        }
        let (mut v, got) = buf::read_elems::<T, B>(r, count, false, &h.shape)?;
        if got < count {
            return Err(buf::truncated(&h.shape, count, got));
        }
        buf::fix_order(&mut v, unit, swap);
        return Ok(Array::from_shape_vec_order(&h.shape, v, order)?);
    }
    let mut u = Array::<T>::uninit_order(&h.shape, order)?;
    let swap_bytes = |b: &mut [u8]| buf::swap_in_place(b, unit);
    let bools = |b: &mut [u8]| b.iter_mut().for_each(|x| *x = u8::from(*x != 0));
    let post: Post<'_> = if is_bool {
        Some(&bools)
    } else if swap {
        Some(&swap_bytes)
    } else {
        None
    };
    let got = r.fill(uninit_bytes(u.as_mut_slice()), size_of::<T>(), post)?;
    let item = size_of::<T>().max(1);
    if got < count * size_of::<T>() {
        return Err(buf::truncated(&h.shape, count, got / item));
    }
    // SAFETY: all `count` elements were read, and every byte pattern is a valid `T`
    // except for bool, whose bytes were made 0 or 1.
    Ok(unsafe { u.assume_init() })
}

/// Reads `nbytes` bytes of data into a fresh `Vec` (allocated once when the length is
/// known, grown as data arrives otherwise), running `post` on them.
pub(crate) fn read_bytes<B: Body + ?Sized>(
    r: &mut B,
    h: &Header,
    nbytes: usize,
    known: bool,
    post: Post<'_>,
) -> Result<Vec<u8>> {
    let item = h.itemsize().max(1);
    let (mut v, got) = if known || nbytes <= buf::CHUNK {
        let mut v: Vec<u8> = Vec::new();
        v.try_reserve_exact(nbytes).map_err(|_| nprs_core::Error::Alloc {
            bytes: nbytes,
            shape: h.shape.clone(),
            dtype: h.descr.to_string(),
        })?;
        let got = r.fill(&mut v.spare_capacity_mut()[..nbytes], item, None)?;
        // SAFETY: `fill` initialised the first `got` bytes.
        unsafe { v.set_len(got) };
        (v, got)
    } else {
        buf::read_elems::<u8, B>(r, nbytes, false, &h.shape)?
    };
    if got < nbytes {
        return Err(buf::truncated(&h.shape, h.count()?, got / item));
    }
    if let Some(p) = post {
        p(&mut v);
    }
    Ok(v)
}

/// Opens an `.npy` file and reads its header, telling apart archives, pickles and empty
/// files as `numpy.load` does. Returns the data (read with positioned reads from the end
/// of the header), the header, and the bytes after the header.
pub(crate) fn open_npy(path: &Path, opts: &LoadOptions) -> Result<(FileBody, Header, Avail)> {
    let f = File::open(path)?;
    let len = f.metadata()?.len();
    let mut r = BufReader::with_capacity(1 << 13, f);
    let start = std::io::BufRead::fill_buf(&mut r)?;
    if start.is_empty() {
        return Err(Error::EmptyFile);
    }
    if start.starts_with(b"PK\x03\x04") || start.starts_with(b"PK\x05\x06") {
        return Err(Error::IsNpz { path: path.to_path_buf() });
    }
    let n = start.len().min(6);
    if start[..n] != header::MAGIC_PREFIX[..n] {
        return Err(Error::Pickle);
    }
    let h = header::read_header(&mut r, opts.max_header_size)?;
    let avail = Avail::Known(len.saturating_sub(h.data_offset));
    Ok((FileBody::new(r.into_inner(), h.data_offset), h, avail))
}

/// Loads an `.npy` file of element type `T` (`numpy.load`), converting big-endian data
/// to native order. A Fortran-ordered file gives a Fortran-ordered array, without a copy.
///
/// ```
/// # let dir = std::env::temp_dir().join(format!("nprs-io-doc-load-{}", std::process::id()));
/// # std::fs::create_dir_all(&dir).unwrap();
/// use nprs_core::Array;
/// let path = dir.join("a.npy");
/// let a = Array::from_shape_vec(&[2, 3], vec![1.0f64, 2.0, 3.0, 4.0, 5.0, 6.0]).unwrap();
/// nprs_io::save(&path, &a).unwrap();
/// let b: Array<f64> = nprs_io::load(&path).unwrap();
/// assert_eq!(a, b);
/// # std::fs::remove_dir_all(&dir).unwrap();
/// ```
///
/// # Errors
/// I/O errors; NumPy's header errors; [`Error::DTypeMismatch`] when the file holds
/// another dtype; [`Error::Truncated`] when the file is shorter than its header says
/// (checked before anything is allocated); [`Error::ObjectArray`] for object arrays.
pub fn load<T: Element>(path: impl AsRef<Path>) -> Result<Array<T>> {
    let (mut r, h, avail) = open_npy(path.as_ref(), &LoadOptions::default())?;
    read_typed_body(&mut r, &h, avail)
}

/// Reads one `.npy` array of element type `T` from a stream (`numpy.lib.format.read_array`).
/// Memory grows with the data actually read, so a lying header cannot force a large
/// allocation.
///
/// # Errors
/// As [`load`]; a short stream gives [`Error::Truncated`].
pub fn read_npy<T: Element, R: Read>(r: &mut R, opts: &LoadOptions) -> Result<Array<T>> {
    let h = header::read_header(r, opts.max_header_size)?;
    read_typed_body(&mut Stream(r), &h, Avail::Unknown)
}

/// Writes `a` as an `.npy` stream: the header NumPy would write, then the data straight
/// from the array's memory when it is contiguous (in chunks otherwise, or when the byte
/// order is converted), so no second copy of a large array is ever made.
///
/// # Errors
/// I/O errors; header errors for an explicit version too small for the header.
pub fn write_npy<S: Data, W: Write>(w: &mut W, a: &ArrayBase<S>, opts: &SaveOptions) -> Result<()>
where
    S::Elem: Element,
{
    let descr = Descr::from(S::Elem::DTYPE).with_byte_order(opts.byte_order);
    let fortran = a.ndim() > 1 && !a.is_c_contiguous() && a.is_f_contiguous();
    let swap = !descr.is_native();
    let h = Header::new(descr, a.shape(), fortran);
    w.write_all(&h.to_bytes(opts.version)?)?;
    write_elems(w, a, swap)
}

/// Writes the elements of `a` in its header's order (memory order when contiguous, C
/// order otherwise), byte-swapped when `swap` is set.
pub(crate) fn write_elems<S: Data, W: Write>(w: &mut W, a: &ArrayBase<S>, swap: bool) -> Result<()>
where
    S::Elem: Element,
{
    let unit = buf::swap_unit(S::Elem::DTYPE);
    let item = size_of::<S::Elem>().max(1);
    let per = (buf::CHUNK / item).max(1);
    let contiguous = if a.is_c_contiguous() || a.is_f_contiguous() { a.as_slice_memory_order() } else { None };
    if let Some(s) = contiguous {
        if !swap {
            w.write_all(buf::as_bytes(s))?;
            return Ok(());
        }
        let mut tmp: Vec<u8> = Vec::with_capacity(per * item);
        for chunk in s.chunks(per) {
            tmp.clear();
            tmp.extend_from_slice(buf::as_bytes(chunk));
            buf::swap_in_place(&mut tmp, unit);
            w.write_all(&tmp)?;
        }
        return Ok(());
    }
    let mut chunk: Vec<S::Elem> = Vec::with_capacity(per.min(a.size()));
    let flush = |chunk: &mut Vec<S::Elem>, w: &mut W| -> Result<()> {
        buf::fix_order(chunk, unit, swap);
        w.write_all(buf::as_bytes(chunk))?;
        chunk.clear();
        Ok(())
    };
    for x in a.iter() {
        chunk.push(x);
        if chunk.len() == per {
            flush(&mut chunk, w)?;
        }
    }
    flush(&mut chunk, w)
}

/// Saves `a` as an `.npy` file (`numpy.save`), in the format NumPy writes.
///
/// # Errors
/// I/O errors.
pub fn save<S: Data>(path: impl AsRef<Path>, a: &ArrayBase<S>) -> Result<()>
where
    S::Elem: Element,
{
    save_with(path, a, &SaveOptions::default())
}

/// [`save`] with a chosen format version or byte order.
///
/// # Errors
/// I/O errors; [`Error::HeaderTooLong`] when the version cannot hold the header.
pub fn save_with<S: Data>(path: impl AsRef<Path>, a: &ArrayBase<S>, opts: &SaveOptions) -> Result<()>
where
    S::Elem: Element,
{
    crate::staged::write_file(path.as_ref(), |w| write_npy(w, a, opts))
}
