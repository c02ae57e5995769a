//! `.npy` files: `numpy.save` and `numpy.load` for one array.
#![allow(unsafe_code)] // arrays read into uninitialised memory; each block says why it holds

use std::fs::File;
use std::io::{BufReader, Read, Write};
use std::path::Path;

use nprs_core::kernel::Data;
use nprs_core::{Array, ArrayBase, DType, Element, Order};

use crate::any::{AnyArray, NpyElement};
use crate::buf;
use crate::descr::{ByteOrder, Descr, TypeStr};
use crate::error::{Error, Result};
use crate::header::{self, Header, MAX_HEADER_SIZE, Version};
use crate::raw::RawArray;
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
    /// The byte order of the data written (native by default). Big-endian data is
    /// converted in chunks, never as a second full copy.
    pub byte_order: ByteOrder,
}

impl Default for SaveOptions {
    fn default() -> Self {
        SaveOptions { version: None, byte_order: ByteOrder::native() }
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
                let item = h.itemsize()?.max(1) as u64;
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
pub(crate) fn read_typed_body<T: NpyElement, B: Body + ?Sized>(
    r: &mut B,
    h: &Header,
    avail: Avail,
) -> Result<Array<T>> {
    let t = h
        .descr
        .as_type()
        .filter(|t| t.numeric() == Some(T::DTYPE))
        .ok_or_else(|| Error::DTypeMismatch { expected: T::DTYPE.name().to_string(), found: h.descr.to_string() })?;
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
            return T::from_any(AnyArray::Bool(a)).map_err(|_| Error::Value("bool arrays are bool".into()));
        }
        let (mut v, got) = buf::read_elems::<T, B>(r, count, false, &h.shape)?;
        if got < count {
            return Err(buf::truncated(&h.shape, count, got));
        }
        buf::fix_order(&mut v, t.swap_unit(), t.order.needs_swap());
        return Ok(Array::from_shape_vec_order(&h.shape, v, order)?);
    }
    let mut u = Array::<T>::uninit_order(&h.shape, order)?;
    let unit = t.swap_unit();
    let swap = |b: &mut [u8]| buf::swap_in_place(b, unit);
    let bools = |b: &mut [u8]| b.iter_mut().for_each(|x| *x = u8::from(*x != 0));
    let post: Post<'_> = if is_bool {
        Some(&bools)
    } else if t.order.needs_swap() {
        Some(&swap)
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

/// Reads the data of `h` as bytes, exactly as stored.
pub(crate) fn read_raw_body<B: Body + ?Sized>(r: &mut B, h: &Header, avail: Avail) -> Result<RawArray> {
    if h.descr.has_object() {
        return Err(Error::ObjectArray);
    }
    let known = check_avail(h, avail)?;
    let nbytes = h.nbytes()?;
    let v = read_bytes(r, h, nbytes, known, None)?;
    RawArray::new(h.descr.clone(), h.shape.clone(), h.fortran_order, v)
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
    let item = h.itemsize()?.max(1);
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

/// Reads the data of `h`: typed for numeric dtypes, a [`DynArray`] for every other
/// dtype nprs-core describes, raw bytes for the rest (`float128`, titled fields).
pub(crate) fn read_any_body<B: Body + ?Sized>(r: &mut B, h: &Header, avail: Avail) -> Result<AnyArray> {
    if h.descr.has_object() {
        return Err(Error::ObjectArray);
    }
    macro_rules! typed {
        ($($d:ident => $t:ty),*) => {
            match h.descr.numeric() {
                $(Some(DType::$d) => Ok(read_typed_body::<$t, B>(r, h, avail)?.into()),)*
                _ => match h.descr.to_dtype() {
                    Ok(d) => Ok(AnyArray::Dyn(crate::dynio::read_dyn_data(r, h, &d, avail)?)),
                    Err(Error::Unsupported(_)) => Ok(AnyArray::Raw(read_raw_body(r, h, avail)?)),
                    Err(e) => Err(e),
                },
            }
        };
    }
    typed!(Bool => bool, Int8 => i8, Int16 => i16, Int32 => i32, Int64 => i64, UInt8 => u8, UInt16 => u16,
        UInt32 => u32, UInt64 => u64, Float16 => nprs_core::f16, Float32 => f32, Float64 => f64,
        Complex64 => nprs_core::C64, Complex128 => nprs_core::C128)
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
        return Err(Error::Value(format!("{} is an .npz archive: open it with NpzFile::open", path.display())));
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
pub fn load<T: NpyElement>(path: impl AsRef<Path>) -> Result<Array<T>> {
    let (mut r, h, avail) = open_npy(path.as_ref(), &LoadOptions::default())?;
    if h.descr.has_object() {
        return Err(Error::ObjectArray);
    }
    read_typed_body(&mut r, &h, avail)
}

/// Loads an `.npy` file of any dtype: typed for numeric dtypes (converted to native
/// byte order), [`AnyArray::Dyn`] for strings, datetimes, records and void (as
/// [`crate::load_dyn`] gives them), [`AnyArray::Raw`] for the few dtypes nprs-core has no
/// type for.
///
/// # Errors
/// As [`load`], except that any dtype is accepted.
pub fn load_any(path: impl AsRef<Path>) -> Result<AnyArray> {
    load_any_with(path, &LoadOptions::default())
}

/// [`load_any`] with options (a larger `max_header_size`).
///
/// # Errors
/// As [`load_any`].
pub fn load_any_with(path: impl AsRef<Path>, opts: &LoadOptions) -> Result<AnyArray> {
    let (mut r, h, avail) = open_npy(path.as_ref(), opts)?;
    read_any_body(&mut r, &h, avail)
}

/// Loads an `.npy` file as bytes with its descr, exactly as stored (byte order and
/// memory order kept): saving the result with [`save_raw`] reproduces the file.
///
/// # Errors
/// As [`load_any`].
pub fn load_raw(path: impl AsRef<Path>) -> Result<RawArray> {
    let (mut r, h, avail) = open_npy(path.as_ref(), &LoadOptions::default())?;
    read_raw_body(&mut r, &h, avail)
}

/// Reads one `.npy` array of element type `T` from a stream (`numpy.lib.format.read_array`).
/// Memory grows with the data actually read, so a lying header cannot force a large
/// allocation.
///
/// # Errors
/// As [`load`]; a short stream gives [`Error::Truncated`].
pub fn read_npy<T: NpyElement, R: Read>(r: &mut R, opts: &LoadOptions) -> Result<Array<T>> {
    let h = header::read_header(r, opts.max_header_size)?;
    if h.descr.has_object() {
        return Err(Error::ObjectArray);
    }
    read_typed_body(&mut Stream(r), &h, Avail::Unknown)
}

/// Reads one `.npy` array of any dtype from a stream.
///
/// # Errors
/// As [`read_npy`].
pub fn read_npy_any<R: Read>(r: &mut R, opts: &LoadOptions) -> Result<AnyArray> {
    let h = header::read_header(r, opts.max_header_size)?;
    read_any_body(&mut Stream(r), &h, Avail::Unknown)
}

/// Reads one `.npy` array from a stream as bytes with its descr.
///
/// # Errors
/// As [`read_npy`].
pub fn read_npy_raw<R: Read>(r: &mut R, opts: &LoadOptions) -> Result<RawArray> {
    let h = header::read_header(r, opts.max_header_size)?;
    read_raw_body(&mut Stream(r), &h, Avail::Unknown)
}

/// Writes `a` as an `.npy` stream: the header NumPy would write, then the data straight
/// from the array's memory when it is contiguous (in chunks otherwise, or when the byte
/// order is converted), so no second copy of a large array is ever made.
///
/// # Errors
/// I/O errors; header errors for an explicit version too small for the header.
pub fn write_npy<S: Data, W: Write>(w: &mut W, a: &ArrayBase<S>, opts: &SaveOptions) -> Result<()>
where
    S::Elem: NpyElement,
{
    let t = TypeStr::of(S::Elem::DTYPE, opts.byte_order);
    let fortran = a.ndim() > 1 && !a.is_c_contiguous() && a.is_f_contiguous();
    let h = Header::new(Descr::Type(t.clone()), a.shape(), fortran);
    w.write_all(&h.to_bytes(opts.version)?)?;
    write_elems(w, a, &t)
}

/// Writes the elements of `a` in its header's order (memory order when contiguous, C
/// order otherwise), in `t`'s byte order.
pub(crate) fn write_elems<S: Data, W: Write>(w: &mut W, a: &ArrayBase<S>, t: &TypeStr) -> Result<()>
where
    S::Elem: NpyElement,
{
    let swap = t.order.needs_swap();
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
            buf::swap_in_place(&mut tmp, t.swap_unit());
            w.write_all(&tmp)?;
        }
        return Ok(());
    }
    let mut chunk: Vec<S::Elem> = Vec::with_capacity(per.min(a.size()));
    let flush = |chunk: &mut Vec<S::Elem>, w: &mut W| -> Result<()> {
        buf::fix_order(chunk, t.swap_unit(), swap);
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
    S::Elem: NpyElement,
{
    save_with(path, a, &SaveOptions::default())
}

/// [`save`] with a chosen format version or byte order.
///
/// # Errors
/// I/O errors; [`Error::HeaderTooLong`] when the version cannot hold the header.
pub fn save_with<S: Data>(path: impl AsRef<Path>, a: &ArrayBase<S>, opts: &SaveOptions) -> Result<()>
where
    S::Elem: NpyElement,
{
    crate::staged::write_file(path.as_ref(), |w| write_npy(w, a, opts))
}

/// Writes a [`RawArray`] as an `.npy` stream (header from its descr, bytes as they are).
///
/// # Errors
/// I/O errors; [`Error::HeaderTooLong`] when `version` cannot hold the header.
pub fn write_npy_raw<W: Write>(w: &mut W, a: &RawArray, version: Option<Version>) -> Result<()> {
    let h = Header::new(a.descr().clone(), a.shape(), a.fortran_order() && a.shape().len() > 1);
    w.write_all(&h.to_bytes(version)?)?;
    w.write_all(a.data())?;
    Ok(())
}

/// Saves a [`RawArray`] as an `.npy` file, byte for byte as NumPy writes that array.
///
/// # Errors
/// I/O errors.
pub fn save_raw(path: impl AsRef<Path>, a: &RawArray) -> Result<()> {
    save_raw_with(path, a, None)
}

/// [`save_raw`] with a chosen format version.
///
/// # Errors
/// I/O errors; [`Error::HeaderTooLong`] when `version` cannot hold the header.
pub fn save_raw_with(path: impl AsRef<Path>, a: &RawArray, version: Option<Version>) -> Result<()> {
    crate::staged::write_file(path.as_ref(), |w| write_npy_raw(w, a, version))
}

/// Saves an [`AnyArray`] (typed, dynamic or raw) as an `.npy` file.
///
/// # Errors
/// I/O errors.
pub fn save_any(path: impl AsRef<Path>, a: &AnyArray) -> Result<()> {
    crate::staged::write_file(path.as_ref(), |w| write_npy_any(w, a, None))
}

/// Writes an [`AnyArray`] as an `.npy` stream.
///
/// # Errors
/// I/O errors; [`Error::HeaderTooLong`] when `version` cannot hold the header.
pub fn write_npy_any<W: Write>(w: &mut W, a: &AnyArray, version: Option<Version>) -> Result<()> {
    let opts = SaveOptions { version, ..SaveOptions::default() };
    macro_rules! go {
        ($($v:ident),*) => {
            match a {
                $(AnyArray::$v(x) => write_npy(w, x, &opts),)*
                AnyArray::Dyn(d) => crate::dynio::write_npy_dyn(w, d, version),
                AnyArray::Raw(r) => write_npy_raw(w, r, version),
            }
        };
    }
    go!(Bool, I8, I16, I32, I64, U8, U16, U32, U64, F16, F32, F64, C64, C128)
}
