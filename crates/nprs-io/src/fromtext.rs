//! `numpy.fromstring` (text with a separator) and `numpy.fromregex` (records from the
//! groups of a regular expression).

use std::io::Read;
use std::path::Path;

use nprs_core::{Array, Descr, DynArray, Scalar};
use regex::Regex;

use crate::error::{Error, Result};
use crate::rawfile::parse_separated;
use crate::text::TextElement;

/// `numpy.fromstring(text, dtype=T, count=count, sep=sep)`: the values of `text`
/// separated by `sep` (whitespace around separators is allowed; a blank `sep` means any
/// whitespace; a separator that ends the text is ignored), at most `count` of them.
///
/// NumPy removed the binary mode (an empty `sep`): nprs refuses it with NumPy's error, and
/// [`nprs_core::frombuffer`] reads raw bytes.
///
/// ```
/// let a = nprs_io::fromstring::<f64>("1.5, 2e3, -inf", None, ",")?; // np.fromstring('1.5, 2e3, -inf', sep=',')
/// assert_eq!(a.to_vec(), vec![1.5, 2000.0, f64::NEG_INFINITY]);
/// let b = nprs_io::fromstring::<i64>("1 2\n3 4", Some(3), " ")?;
/// assert_eq!(b.to_vec(), vec![1, 2, 3]);
/// # Ok::<(), nprs_io::Error>(())
/// ```
///
/// # Errors
/// "The binary mode of fromstring is removed, use frombuffer instead" for an empty `sep`;
/// "string or file could not be read to its end due to unmatched data" for text that does
/// not parse as `T` (a value out of `T`'s range included, where NumPy wraps it); "string
/// is smaller than requested size" when `count` asks for more values than there are
/// (NumPy 2.4 fills the rest with uninitialised memory).
pub fn fromstring<T: TextElement>(text: &str, count: Option<usize>, sep: &str) -> Result<Array<T>> {
    if sep.is_empty() {
        return Err(Error::FromstringBinary);
    }
    let v = parse_separated::<T>(text, count, sep)?;
    if count.is_some_and(|c| v.len() < c) {
        return Err(Error::StringTooSmall);
    }
    Ok(Array::from_vec(v))
}

/// `numpy.fromregex(path, regexp, dtype)`: a record array with one record per match of
/// `regexp` in the file's text (read as UTF-8), each group converted to the field of the
/// same position (as NumPy converts strings: `'12'` to an integer field, `'1.5'` to a
/// float field). A pattern without groups gives the whole match, for a dtype of one field.
///
/// The pattern is the [`regex`] crate's syntax, which is Python's `re` for the usual
/// constructs (classes, groups, repetition, `(?:…)`, `(?P<name>…)`) but has no
/// backreferences or look-around.
///
/// ```
/// # let dir = std::env::temp_dir().join(format!("nprs-io-doc-fromregex-{}", std::process::id()));
/// # std::fs::create_dir_all(&dir).unwrap();
/// use nprs_core::Descr;
/// let path = dir.join("log.txt");
/// std::fs::write(&path, "id=1 t=0.5\nid=2 t=0.75\n").unwrap();
/// let dt = Descr::parse("[('id', '<u4'), ('t', '<f4')]")?;
/// let r = nprs_io::fromregex(&path, r"id=(\d+) t=(\S+)", &dt)?; // np.fromregex(path, regexp, dt)
/// assert_eq!(r.field("t")?.to_typed::<f32>()?.to_vec(), vec![0.5, 0.75]);
/// # std::fs::remove_dir_all(&dir).unwrap();
/// # Ok::<(), nprs_io::Error>(())
/// ```
///
/// # Errors
/// I/O errors; "dtype must be a structured datatype."; a pattern that does not compile;
/// a number of groups other than the number of fields ("could not assign tuple of length
/// 2 to structure with 3 fields."); a group that does not convert to its field.
pub fn fromregex(path: impl AsRef<Path>, regexp: &str, dtype: &Descr) -> Result<DynArray> {
    fromregex_str(&std::fs::read_to_string(path)?, regexp, dtype)
}

/// [`fromregex`] of a reader (`numpy.fromregex(file_object, …)`), read to its end.
///
/// ```
/// use nprs_core::Descr;
/// let dt = Descr::parse("[('x', '<f8')]")?;
/// let r = nprs_io::fromregex_reader("x=1.5 x=-2".as_bytes(), r"x=(\S+)", &dt)?;
/// assert_eq!(r.field("x")?.to_typed::<f64>()?.to_vec(), vec![1.5, -2.0]);
/// # Ok::<(), nprs_io::Error>(())
/// ```
///
/// # Errors
/// As [`fromregex`].
pub fn fromregex_reader<R: Read>(mut reader: R, regexp: &str, dtype: &Descr) -> Result<DynArray> {
    let mut text = String::new();
    reader.read_to_string(&mut text)?;
    fromregex_str(&text, regexp, dtype)
}

/// [`fromregex`] of text in memory.
///
/// ```
/// use nprs_core::Descr;
/// let text = "1312 foo\n1534  bar\n444   qux";
/// let dt = Descr::parse("[('num', '<i8'), ('key', 'S3')]")?;
/// let r = nprs_io::fromregex_str(text, r"(\d+)\s+(...)", &dt)?;
/// assert_eq!(r.field("num")?.to_typed::<i64>()?.to_vec(), vec![1312, 1534, 444]);
/// # Ok::<(), nprs_io::Error>(())
/// ```
///
/// # Errors
/// As [`fromregex`].
pub fn fromregex_str(text: &str, regexp: &str, dtype: &Descr) -> Result<DynArray> {
    let Some(rec) = dtype.record_layout_of() else { return Err(Error::RegexNotStructured) };
    let re = Regex::new(regexp).map_err(|e| Error::RegexSyntax { message: e.to_string() })?;
    let fields = rec.fields();
    // Python's findall: the groups of each match, or the whole match without groups.
    let groups = re.captures_len() - 1;
    let first = usize::from(groups > 0);
    let width = groups.max(1);
    let mut rows: Vec<Scalar> = Vec::new();
    for caps in re.captures_iter(text) {
        let row = (first..first + width).map(|k| Scalar::Str(caps.get(k).map_or("", |m| m.as_str()).to_string()));
        crate::buf::try_push(&mut rows, Scalar::Tuple(row.collect()))?;
    }
    if rows.is_empty() {
        return Ok(DynArray::zeros(&[0], dtype)?);
    }
    // NumPy reinterprets one group's values as whole records when there are more fields
    // (or fails to); nprs asks for one group per field.
    if width != fields.len() {
        return Err(nprs_core::Error::TupleLength { len: width, fields: fields.len() }.into());
    }
    // Each value converts as Python converts a `str` to the field's type.
    let out = DynArray::from_records(dtype, &rows)?;
    Ok(out)
}
