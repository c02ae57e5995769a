//! `.npy` files of any dtype as nprs-core's dynamic arrays ([`DynArray`]): `numpy.load`
//! and `numpy.save` for strings, datetimes, records and numbers in either byte order.
#![allow(unsafe_code)] // data read straight into a fresh array's bytes; each block says why it holds

use std::io::{Read, Write};
use std::path::Path;

use nprs_core::dynarray::DynData;
use nprs_core::{DType, Descr, DescrKind, DynArray, DynBase, Order, SliceArg};

use crate::buf;
use crate::error::Result;
use crate::header::{self, Header, Version};
use crate::npy::{Avail, LoadOptions, check_avail, open_npy, read_bytes};
use crate::source::{Body, Stream, init_bytes_as_uninit};

/// Reads the data of `h` as a dynamic array of its dtype, in the file's byte order and
/// memory order.
pub(crate) fn read_dyn_body<B: Body + ?Sized>(r: &mut B, h: &Header, avail: Avail) -> Result<DynArray> {
    let dtype = &h.descr;
    let item = h.itemsize();
    // Numbers in native order go through the typed reader: a typed buffer, no copy.
    macro_rules! typed {
        ($($d:ident => $t:ty),*) => {
            match dtype.numeric().filter(|_| dtype.is_native()) {
                $(Some(DType::$d) => return Ok(DynArray::from(crate::npy::read_typed_body::<$t, B>(r, h, avail)?)),)*
                _ => {}
            }
        };
    }
    typed!(Bool => bool, Int8 => i8, Int16 => i16, Int32 => i32, Int64 => i64, UInt8 => u8, UInt16 => u16,
        UInt32 => u32, UInt64 => u64, Float16 => nprs_core::f16, Float32 => f32, Float64 => f64,
        Complex64 => nprs_core::C64, Complex128 => nprs_core::C128);
    let known = check_avail(h, avail)?;
    let nbytes = h.nbytes()?;
    let order = if h.fortran_order { Order::F } else { Order::C };
    let bools = bool_offsets(dtype);
    let fix = |b: &mut [u8]| normalize_bools(b, item, &bools);
    let post: crate::source::Post<'_> = if bools.is_empty() { None } else { Some(&fix) };
    if !known {
        // A stream of unknown length: the buffer grows with the data, then one copy.
        let v = read_bytes(r, h, nbytes, false, post)?;
        return Ok(DynArray::from_bytes_order(&v, dtype, &h.shape, order)?);
    }
    let mut a = DynArray::zeros_order(&h.shape, dtype, order)?;
    // SAFETY: bool bytes are made 0 or 1 by `post` as each piece arrives, before the
    // array is handed out (and bytes not read stay zero).
    let bytes = unsafe { a.as_bytes_memory_order_mut() }.expect("a fresh array is contiguous");
    // SAFETY: `fill` writes only bytes it read.
    let got = r.fill(unsafe { init_bytes_as_uninit(bytes) }, item, post)?;
    if got < nbytes {
        return Err(buf::truncated(&h.shape, h.count()?, got / item.max(1)));
    }
    Ok(a)
}

/// Reads `n` elements of `descr` (raw bytes, C order) from `r` into a fresh array of shape
/// `[n]` (plus a sub-array dtype's axes), bool bytes made 0 or 1.
pub(crate) fn read_elements<R: Read + ?Sized>(r: &mut R, descr: &Descr, n: usize) -> Result<DynArray> {
    let mut a = DynArray::zeros(&[n], descr)?;
    let bools = bool_offsets(descr);
    // SAFETY: the bool bytes are made 0 or 1 below, before the array is handed out.
    let bytes = unsafe { a.as_bytes_memory_order_mut() }.expect("a fresh array is contiguous");
    r.read_exact(bytes)?;
    normalize_bools(bytes, descr.itemsize(), &bools);
    Ok(a)
}

/// Loads an `.npy` file of any dtype as a dynamic array (`numpy.load`): numbers in
/// either byte order, `U`/`S` strings, `datetime64`/`timedelta64`, structured records
/// (nested, with sub-array fields, with the gaps of aligned layouts), void. The dtype is
/// the file's, byte order included, as NumPy gives it; a Fortran-ordered file gives a
/// Fortran-ordered array.
///
/// ```
/// # let dir = std::env::temp_dir().join(format!("nprs-io-doc-dyn-{}", std::process::id()));
/// # std::fs::create_dir_all(&dir).unwrap();
/// use nprs_core::{Descr, DynArray};
/// let path = dir.join("names.npy");
/// let a = DynArray::from_strs(&["ab", "héllo"]);
/// nprs_io::save_dyn(&path, &a).unwrap();
/// let b = nprs_io::load_dyn(&path).unwrap();
/// assert_eq!(b.dtype(), &Descr::unicode(5));
/// assert_eq!(b.to_bytes(), a.to_bytes());
/// # std::fs::remove_dir_all(&dir).unwrap();
/// ```
///
/// # Errors
/// As [`crate::load`]; [`Error::ObjectArray`](crate::Error::ObjectArray) for object
/// arrays; [`Error::LongDouble`](crate::Error::LongDouble) for dtypes nprs-core has no
/// type for (`float128`, `complex256`).
pub fn load_dyn(path: impl AsRef<Path>) -> Result<DynArray> {
    load_dyn_with(path, &LoadOptions::default())
}

/// [`load_dyn`] with options (a larger `max_header_size`).
///
/// # Errors
/// As [`load_dyn`].
pub fn load_dyn_with(path: impl AsRef<Path>, opts: &LoadOptions) -> Result<DynArray> {
    let (mut r, h, avail) = open_npy(path.as_ref(), opts)?;
    read_dyn_body(&mut r, &h, avail)
}

/// Reads one `.npy` array of any dtype from a stream as a dynamic array.
///
/// # Errors
/// As [`load_dyn`]; a short stream gives [`Error::Truncated`](crate::Error::Truncated).
pub fn read_npy_dyn<R: Read>(r: &mut R, opts: &LoadOptions) -> Result<DynArray> {
    let h = header::read_header(r, opts.max_header_size)?;
    read_dyn_body(&mut Stream(r), &h, Avail::Unknown)
}

/// Writes a dynamic array (or view) as an `.npy` stream: the header NumPy writes for its
/// dtype (byte order included) and shape, then the data — straight from memory when it
/// is C- or Fortran-contiguous, in C-order pieces otherwise.
///
/// # Errors
/// I/O errors; [`Error::HeaderTooLong`](crate::Error::HeaderTooLong) when `version`
/// cannot hold the header; nprs-core's error for records with overlapping fields, and
/// [`Error::Bfloat16`](crate::Error::Bfloat16) for `bfloat16`, which no `.npy`
/// header can describe.
pub fn write_npy_dyn<S: DynData, W: Write + ?Sized>(w: &mut W, a: &DynBase<S>, version: Option<Version>) -> Result<()> {
    let descr = a.dtype().clone();
    let fortran = a.ndim() > 1 && !a.is_c_contiguous() && a.is_f_contiguous();
    let h = Header::new(descr, a.shape(), fortran);
    w.write_all(&h.to_bytes(version)?)?;
    match a.as_bytes_memory_order() {
        Some(b) => w.write_all(b)?,
        None => write_c_order(w, a)?,
    }
    Ok(())
}

/// Writes the elements of `a` in C order, about [`buf::CHUNK`] bytes at a time.
pub(crate) fn write_c_order<S: DynData, W: Write + ?Sized>(w: &mut W, a: &DynBase<S>) -> Result<()> {
    if a.is_c_contiguous()
        && let Some(b) = a.as_bytes_memory_order()
    {
        w.write_all(b)?;
        return Ok(());
    }
    if a.ndim() == 0 || a.nbytes() <= buf::CHUNK {
        w.write_all(&a.to_bytes())?;
        return Ok(());
    }
    let rows = a.shape()[0];
    let per = (buf::CHUNK / (a.nbytes() / rows).max(1)).max(1);
    let mut start = 0;
    while start < rows {
        let end = (start + per).min(rows);
        if end - start == 1 {
            write_c_order(w, &a.at(&[start as isize])?)?;
        } else {
            let block = a.try_slice(&[SliceArg::from(start as isize..end as isize)])?;
            w.write_all(&block.to_bytes())?;
        }
        start = end;
    }
    Ok(())
}

/// Saves a dynamic array (or view) as an `.npy` file (`numpy.save`), in the format NumPy
/// writes for its dtype: a file NumPy wrote, loaded with [`load_dyn`] and saved again, is
/// unchanged byte for byte. The data keeps the array's byte order (convert with
/// `with_byte_order` first for another).
///
/// # Errors
/// As [`write_npy_dyn`].
pub fn save_dyn<S: DynData>(path: impl AsRef<Path>, a: &DynBase<S>) -> Result<()> {
    save_dyn_with(path, a, None)
}

/// [`save_dyn`] with a chosen format version (`None` picks the oldest that holds the
/// header, as NumPy does).
///
/// # Errors
/// As [`write_npy_dyn`].
pub fn save_dyn_with<S: DynData>(path: impl AsRef<Path>, a: &DynBase<S>, version: Option<Version>) -> Result<()> {
    crate::staged::write_file(path.as_ref(), |w| write_npy_dyn(w, a, version))
}

impl<S: DynData> crate::npz::NpyWrite for DynBase<S> {
    fn write_npy_to(&self, w: &mut dyn Write, version: Option<Version>) -> Result<()> {
        write_npy_dyn(w, self, version)
    }
}

/// The byte offsets of the bool values inside one element of `d` (fields and sub-array
/// items expanded).
pub(crate) fn bool_offsets(d: &Descr) -> Vec<usize> {
    fn walk(d: &Descr, base: usize, out: &mut Vec<usize>) {
        match d.kind_of() {
            DescrKind::Numeric(DType::Bool) => out.push(base),
            DescrKind::Record(r) => r.fields().iter().for_each(|f| walk(&f.descr, base + f.offset, out)),
            DescrKind::SubArray(s) => {
                let mut one = Vec::new();
                walk(&s.base, 0, &mut one);
                if !one.is_empty() {
                    let step = s.base.itemsize();
                    for i in 0..s.shape.iter().product::<usize>() {
                        out.extend(one.iter().map(|o| base + i * step + o));
                    }
                }
            }
            _ => {}
        }
    }
    let mut out = Vec::new();
    walk(d, 0, &mut out);
    out
}

/// Makes every bool byte of `bytes` (elements of `item` bytes with bools at `offsets`) 0
/// or 1, as NumPy reads any non-zero byte as `True`.
pub(crate) fn normalize_bools(bytes: &mut [u8], item: usize, offsets: &[usize]) {
    if offsets.is_empty() || item == 0 {
        return;
    }
    if item == 1 {
        bytes.iter_mut().for_each(|b| *b = u8::from(*b != 0));
        return;
    }
    for elem in bytes.chunks_exact_mut(item) {
        for &o in offsets {
            elem[o] = u8::from(elem[o] != 0);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bools_are_normalised() {
        let d = Descr::from_npy_descr("[('a', '|b1'), ('b', '<i2'), ('c', '|b1', (2,))]").unwrap();
        let offs = bool_offsets(&d);
        assert_eq!(offs, vec![0, 3, 4]);
        let mut bytes = vec![7, 5, 5, 0, 2, 9, 0, 0, 1, 1];
        normalize_bools(&mut bytes, 5, &offs);
        assert_eq!(bytes, vec![1, 5, 5, 0, 1, 1, 0, 0, 1, 1]);
    }
}
