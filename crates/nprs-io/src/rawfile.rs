//! `ndarray.tofile` and `numpy.fromfile`: raw binary data or separated text, no header.

use std::fs::File;
use std::io::{BufReader, Read, Seek, SeekFrom, Write};
use std::path::Path;

use nprs_core::kernel::Data;
use nprs_core::{Array, ArrayBase, DType};

use crate::any::AnyArray;
use crate::buf;
use crate::error::{Error, Result};
use crate::text::{Arg, FloatKind, Format, TextElement};

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
            return Err(Error::Unsupported("tofile of complex values as text is not supported".into()));
        }
        let fmt = Format::parse(format)?;
        let mut args = Vec::with_capacity(1);
        let mut s = String::new();
        for (i, x) in a.iter().enumerate() {
            args.clear();
            x.args(&mut args);
            // Elements pass through Python floats, so float32 prints all its f64 digits.
            for arg in &mut args {
                if let Arg::Float(v, _) = *arg {
                    *arg = Arg::Float(v, FloatKind::F64);
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
        let unmatched = || Error::Value("string or file could not be read to its end due to unmatched data".into());
        let tokens: Box<dyn Iterator<Item = &str>> = if sep.trim().is_empty() {
            Box::new(text.split_whitespace())
        } else if text.trim().is_empty() {
            Box::new(std::iter::empty())
        } else {
            Box::new(text.split(sep.trim()).map(str::trim))
        };
        let mut v = Vec::new();
        for t in tokens.take(count.unwrap_or(usize::MAX)) {
            buf::try_push(&mut v, T::parse_field(t).ok_or_else(unmatched)?)?;
        }
        return Ok(Array::from_vec(v));
    }
    let len = f.metadata()?.len();
    let item = size_of::<T>() as u64;
    let avail = len.saturating_sub(offset) / item.max(1);
    let n = usize::try_from(count.map_or(avail, |c| (c as u64).min(avail))).map_err(|_| nprs_core::Error::TooBig)?;
    f.seek(SeekFrom::Start(offset))?;
    let mut r = BufReader::with_capacity(1 << 16, f);
    if T::DTYPE == DType::Bool {
        let (v, _) = buf::read_bools(&mut r, n, true, &[n])?;
        let a = Array::from_vec(v);
        return T::from_any(AnyArray::Bool(a)).map_err(|_| Error::Value("bool arrays are bool".into()));
    }
    let (v, got) = buf::read_elems::<T, _>(&mut r, n, true, &[n])?;
    if got < n {
        return Err(buf::truncated(&[n], n, got));
    }
    Ok(Array::from_vec(v))
}
