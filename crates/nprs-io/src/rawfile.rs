//! `ndarray.tofile` and `numpy.fromfile`: raw binary data or separated text, no header.

use std::fs::File;
use std::io::{BufReader, Read, Seek, SeekFrom, Write};
use std::path::Path;

use nprs_core::dynarray::DynData;
use nprs_core::kernel::Data;
use nprs_core::{Array, ArrayBase, DType, Descr, DynArray, DynBase};

use crate::buf;
use crate::error::{Error, Result};
use crate::text::{Arg, Format, TextElement};

/// Writes the elements in C order (`arr.tofile(path, sep, format)`): with an empty
/// `sep` as raw native-order bytes (streamed, no copy of a contiguous array), otherwise
/// as text, each element formatted with `format` (NumPy's default is `%s`) and joined by
/// `sep`.
///
/// ```
/// # let dir = std::env::temp_dir().join(format!("nprs-io-doc-tofile-{}", std::process::id()));
/// # std::fs::create_dir_all(&dir).unwrap();
/// use nprs_core::Array;
/// let a = Array::from_vec(vec![1.5f64, 2.0, 3.25]);
/// let path = dir.join("a.txt");
/// nprs_io::tofile(&a, &path, ",", "%s").unwrap();
/// assert_eq!(std::fs::read_to_string(&path).unwrap(), "1.5,2.0,3.25");
/// let b = nprs_io::fromfile::<f64>(&path, None, ",", 0).unwrap();
/// assert_eq!(a, b);
/// # std::fs::remove_dir_all(&dir).unwrap();
/// ```
///
/// # Errors
/// I/O errors; formatting errors; complex elements as text are not supported.
pub fn tofile<S: Data>(a: &ArrayBase<S>, path: impl AsRef<Path>, sep: &str, format: &str) -> Result<()>
where
    S::Elem: TextElement,
{
    crate::staged::write_file(path.as_ref(), |w| write_elements(w, a, sep, format))
}

/// The body of [`tofile`]: the elements, raw or as text.
fn write_elements<S: Data, W: Write>(w: &mut W, a: &ArrayBase<S>, sep: &str, format: &str) -> Result<()>
where
    S::Elem: TextElement,
{
    if sep.is_empty() {
        if let Some(s) = a.as_slice() {
            w.write_all(buf::as_bytes(s))?;
        } else {
            let per = (buf::CHUNK / size_of::<S::Elem>().max(1)).max(1);
            let mut chunk: Vec<S::Elem> = Vec::with_capacity(per.min(a.size()));
            for x in a.iter() {
                chunk.push(x);
                if chunk.len() == per {
                    w.write_all(buf::as_bytes(&chunk))?;
                    chunk.clear();
                }
            }
            w.write_all(buf::as_bytes(&chunk))?;
        }
    } else {
        if S::Elem::COMPLEX {
            return Err(Error::ComplexText);
        }
        let fmt = Format::parse(format)?;
        let mut args = Vec::with_capacity(1);
        let mut s = String::new();
        for (i, x) in a.iter().enumerate() {
            args.clear();
            x.args(&mut args);
            // Elements pass through Python's float and bool (`.item()`), so float32 prints all
            // its f64 digits and `%x` takes a bool.
            for arg in &mut args {
                match *arg {
                    Arg::Float(v, _) => *arg = Arg::PyFloat(v),
                    Arg::Bool(b) => *arg = Arg::PyBool(b),
                    _ => {}
                }
            }
            s.clear();
            if i > 0 {
                s.push_str(sep);
            }
            fmt.apply(&args, &mut s)?;
            w.write_all(s.as_bytes())?;
        }
    }
    Ok(())
}

/// Reads a 1-d array from a file written by `tofile` (`numpy.fromfile(path, dtype=T,
/// count, sep, offset)`): `count` items (all with `None`), after skipping `offset` bytes
/// (binary only). With an empty `sep` the data is raw native-order bytes; otherwise text
/// separated by `sep` (whitespace around separators is allowed; a blank `sep` means any
/// whitespace).
///
/// # Errors
/// NumPy's `string or file could not be read to its end due to unmatched data` for text
/// that does not parse; I/O errors.
pub fn fromfile<T: TextElement>(
    path: impl AsRef<Path>,
    count: Option<usize>,
    sep: &str,
    offset: u64,
) -> Result<Array<T>> {
    let mut f = File::open(path)?;
    if !sep.is_empty() {
        let mut text = String::new();
        f.read_to_string(&mut text)?;
        return Ok(Array::from_vec(parse_separated(&text, count, sep)?));
    }
    let len = f.metadata()?.len();
    let item = size_of::<T>() as u64;
    let avail = len.saturating_sub(offset) / item.max(1);
    let n = usize::try_from(count.map_or(avail, |c| (c as u64).min(avail))).map_err(|_| nprs_core::Error::TooBig)?;
    f.seek(SeekFrom::Start(offset))?;
    let mut r = BufReader::with_capacity(1 << 16, f);
    if T::DTYPE == DType::Bool {
        let (v, _) = buf::read_bools(&mut r, n, true, &[n])?;
        return Ok(nprs_core::DynArray::from(Array::from_vec(v)).into_typed::<T>()?);
    }
    let (v, got) = buf::read_elems::<T, _>(&mut r, n, true, &[n])?;
    if got < n {
        return Err(buf::truncated(&[n], n, got));
    }
    Ok(Array::from_vec(v))
}

/// Parses text of values separated by `sep` (`numpy.fromfile`/`numpy.fromstring` with
/// `sep=`): whitespace around separators is allowed, a blank `sep` means any whitespace,
/// and a separator that ends the text is ignored. At most `count` values.
pub(crate) fn parse_separated<T: TextElement>(text: &str, count: Option<usize>, sep: &str) -> Result<Vec<T>> {
    let tokens: Box<dyn Iterator<Item = &str>> = if sep.trim().is_empty() {
        Box::new(text.split_whitespace())
    } else if text.trim().is_empty() {
        Box::new(std::iter::empty())
    } else {
        // Only a separator that ends the text: after one followed by whitespace NumPy
        // looks for another value.
        let body = text.strip_suffix(sep.trim()).unwrap_or(text);
        Box::new(body.split(sep.trim()).map(str::trim))
    };
    let mut v = Vec::new();
    for t in tokens.take(count.unwrap_or(usize::MAX)) {
        buf::try_push(&mut v, T::parse_field(t).ok_or(Error::UnmatchedData)?)?;
    }
    Ok(v)
}

/// Writes a dynamic array of any dtype as raw bytes (`arr.tofile(path)`): its elements in
/// C order, in the dtype's byte order, no header (straight from memory when the array is
/// C-contiguous, in pieces otherwise).
///
/// ```
/// # let dir = std::env::temp_dir().join(format!("nprs-io-doc-tofile-dyn-{}", std::process::id()));
/// # std::fs::create_dir_all(&dir).unwrap();
/// use nprs_core::{Descr, DynArray};
/// let rec = Descr::parse("[('id', '>u2'), ('tag', 'S2')]").unwrap();
/// let a = DynArray::from_bytes(b"\x00\x01ab\x00\x02cd", &rec, &[2]).unwrap();
/// let path = dir.join("recs.bin");
/// nprs_io::tofile_dyn(&a, &path).unwrap();
/// assert_eq!(std::fs::read(&path).unwrap(), a.to_bytes());
/// let b = nprs_io::fromfile_dyn(&path, &rec, None, 0).unwrap();
/// assert_eq!((b.dtype(), b.to_bytes()), (a.dtype(), a.to_bytes()));
/// # std::fs::remove_dir_all(&dir).unwrap();
/// ```
///
/// # Errors
/// I/O errors; the file is replaced whole or left as it was.
pub fn tofile_dyn<S: DynData>(a: &DynBase<S>, path: impl AsRef<Path>) -> Result<()> {
    crate::staged::write_file(path.as_ref(), |w| crate::dynio::write_c_order(w, a))
}

/// Reads raw bytes as a 1-d array of any dtype (`numpy.fromfile(path, dtype=descr,
/// count=count, offset=offset)`): `count` elements (as many as the file holds with
/// `None`, or fewer when it ends first) after skipping `offset` bytes, in the dtype's byte
/// order; a sub-array dtype adds its axes to the shape. Bool bytes other than 0 read as
/// `True`.
///
/// # Errors
/// I/O errors; NumPy's "negative dimensions are not allowed" for a dtype of no bytes.
pub fn fromfile_dyn(path: impl AsRef<Path>, descr: &Descr, count: Option<usize>, offset: u64) -> Result<DynArray> {
    let item = descr.itemsize();
    if item == 0 {
        return Err(nprs_core::Error::NegativeDimensions.into());
    }
    let mut f = File::open(path)?;
    let len = f.metadata()?.len();
    let avail = len.saturating_sub(offset) / item as u64;
    let n = usize::try_from(count.map_or(avail, |c| (c as u64).min(avail))).map_err(|_| nprs_core::Error::TooBig)?;
    f.seek(SeekFrom::Start(offset))?;
    // The file holds the `n * item` bytes asked for, so the array is backed by data.
    crate::dynio::read_elements(&mut BufReader::with_capacity(1 << 16, f), descr, n)
}
