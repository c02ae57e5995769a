//! `numpy.rec`: record arrays built from columns, rows or bytes.
//!
//! nprs has no `recarray` subclass: a record array is a [`DynArray`] whose dtype has
//! fields, and `r.x` is [`r.field("x")`](crate::dynarray::DynBase::field). The helpers
//! here build one the way `numpy.rec` does: the dtype is given whole (`dtype=`) or as
//! `formats=` with optional `names=` (a comma-separated string or a list; fields without
//! a name are `f0`, `f1`, … by position), `titles=`, `aligned=` and `byteorder=`,
//! gathered in [`RecOptions`].
//!
//! ```
//! use nprs_core::{DynArray, Array, rec::{self, RecOptions}};
//! let x = DynArray::from(Array::<i64>::arange(3));
//! let y = DynArray::from_strs(&["a", "bb", "ccc"]);
//! // np.rec.fromarrays([x, y], names='id, tag')
//! let r = rec::fromarrays(&[x.view(), y.view()], &RecOptions::new().names("id, tag"))?;
//! assert_eq!(r.field_names(), Some(vec!["id", "tag"]));
//! assert_eq!(format!("{:?}", r.dtype()), "dtype([('id', '<i8'), ('tag', '<U3')])");
//! # Ok::<(), nprs_core::Error>(())
//! ```

use std::io::{Read, Seek, SeekFrom};

use crate::dtype::pyfmt::py_str_repr;
use crate::dtype::{ByteOrder, Descr, Field};
use crate::dynarray::{DynArray, DynView};
use crate::error::{Error, Result};
use crate::scalar::Scalar;

/// The field formats of `formats=`: a dtype string (`"i4, f8, S3"`: one field per
/// comma-separated part, or one field for a plain dtype) or a list of dtypes, one per field.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Formats {
    /// One dtype string, parsed as `numpy.dtype(formats)`.
    Spec(String),
    /// One dtype string per field.
    List(Vec<String>),
    /// One dtype per field.
    Dtypes(Vec<Descr>),
}

impl From<&str> for Formats {
    fn from(s: &str) -> Self {
        Formats::Spec(s.to_string())
    }
}

impl From<&[&str]> for Formats {
    fn from(s: &[&str]) -> Self {
        Formats::List(s.iter().map(|x| (*x).to_string()).collect())
    }
}

impl<const N: usize> From<[&str; N]> for Formats {
    fn from(s: [&str; N]) -> Self {
        Formats::from(&s[..])
    }
}

impl From<Vec<Descr>> for Formats {
    fn from(d: Vec<Descr>) -> Self {
        Formats::Dtypes(d)
    }
}

/// Field names (`names=`): from a comma-separated string (`"a, b, c"`) or a list. Each
/// name is stripped of surrounding whitespace; fields beyond the names given are called
/// `f<position>`, names beyond the fields are ignored.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Names(pub Vec<String>);

impl From<&str> for Names {
    fn from(s: &str) -> Self {
        Names(s.split(',').map(str::to_string).collect())
    }
}

impl From<&[&str]> for Names {
    fn from(s: &[&str]) -> Self {
        Names(s.iter().map(|x| (*x).to_string()).collect())
    }
}

impl<const N: usize> From<[&str; N]> for Names {
    fn from(s: [&str; N]) -> Self {
        Names::from(&s[..])
    }
}

impl From<Vec<String>> for Names {
    fn from(s: Vec<String>) -> Self {
        Names(s)
    }
}

/// The keyword arguments `numpy.rec`'s functions share: `dtype`, `shape`, `formats`,
/// `names`, `titles`, `aligned`, `byteorder`. `dtype` wins over `formats` and the naming
/// options, as in NumPy.
#[derive(Clone, Debug, Default)]
pub struct RecOptions {
    /// The whole record dtype (`dtype=`).
    pub dtype: Option<Descr>,
    /// The result's shape (`shape=`); by default the first array's shape (`fromarrays`),
    /// the number of rows (`fromrecords`) or of whole records in the bytes.
    pub shape: Option<Vec<usize>>,
    /// The field formats (`formats=`), when `dtype` is not given.
    pub formats: Option<Formats>,
    /// The field names (`names=`).
    pub names: Option<Names>,
    /// The field titles (`titles=`), stripped; `None` for untitled fields.
    pub titles: Option<Vec<String>>,
    /// Lay the fields out as a C struct (`aligned=True`).
    pub aligned: bool,
    /// The byte order of every field (`byteorder=`).
    pub byteorder: Option<ByteOrder>,
}

impl RecOptions {
    /// No options: NumPy's defaults.
    #[must_use]
    pub fn new() -> Self {
        Self::default()
    }

    /// `dtype=`.
    #[must_use]
    pub fn dtype(mut self, d: Descr) -> Self {
        self.dtype = Some(d);
        self
    }

    /// `shape=`.
    #[must_use]
    pub fn shape(mut self, s: &[usize]) -> Self {
        self.shape = Some(s.to_vec());
        self
    }

    /// `formats=`.
    #[must_use]
    pub fn formats(mut self, f: impl Into<Formats>) -> Self {
        self.formats = Some(f.into());
        self
    }

    /// `names=`.
    #[must_use]
    pub fn names(mut self, n: impl Into<Names>) -> Self {
        self.names = Some(n.into());
        self
    }

    /// `titles=`.
    #[must_use]
    pub fn titles(mut self, t: &[&str]) -> Self {
        self.titles = Some(t.iter().map(|x| (*x).to_string()).collect());
        self
    }

    /// `aligned=`.
    #[must_use]
    pub fn aligned(mut self, a: bool) -> Self {
        self.aligned = a;
        self
    }

    /// `byteorder=`.
    #[must_use]
    pub fn byteorder(mut self, o: ByteOrder) -> Self {
        self.byteorder = Some(o);
        self
    }

    /// The record dtype: `dtype` as given, or built by [`format_parser`] from `formats`.
    fn descr(&self, func: &'static str) -> Result<Descr> {
        match (&self.dtype, &self.formats) {
            (Some(d), _) => Ok(d.clone()),
            (None, Some(f)) => {
                Ok(format_parser(f, self.names.as_ref(), self.titles.as_deref(), self.aligned, self.byteorder)?.dtype)
            }
            (None, None) => Err(Error::RecNeedsDtype { func }),
        }
    }
}

/// `numpy.rec.format_parser(...)`: the record dtype its `.dtype` holds.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FormatParser {
    /// The record dtype built from the formats, names and titles.
    pub dtype: Descr,
}

/// `numpy.rec.format_parser(formats, names, titles, aligned, byteorder)`: a record dtype
/// from field formats, with the names given (stripped, `f<i>` for the rest) and titles.
/// The fields keep the offsets the formats give them (C-struct offsets with `aligned`); the
/// item ends with the last field, as NumPy's dict-built dtype does.
///
/// ```
/// use nprs_core::rec::format_parser;
/// let p = format_parser(&"i4, (2,)f8".into(), Some(&" a , b ".into()), None, false, None)?;
/// assert_eq!(format!("{:?}", p.dtype), "dtype([('a', '<i4'), ('b', '<f8', (2,))])");
/// # Ok::<(), nprs_core::Error>(())
/// ```
///
/// # Errors
/// A format NumPy does not understand; "Duplicate field names: ['a']"; a title used twice.
pub fn format_parser(
    formats: &Formats,
    names: Option<&Names>,
    titles: Option<&[String]>,
    aligned: bool,
    byteorder: Option<ByteOrder>,
) -> Result<FormatParser> {
    let by_position = |ds: Vec<Descr>| -> Result<Descr> {
        let fields = ds.into_iter().enumerate().map(|(i, d)| (format!("f{i}"), d));
        if aligned { Descr::record_aligned(fields) } else { Descr::record(fields) }
    };
    let parsed = match formats {
        Formats::Spec(s) => {
            let d = Descr::parse(s)?;
            match d.record_layout_of() {
                Some(r) if aligned => {
                    Descr::record_aligned(r.fields().iter().map(|f| (f.name.clone(), f.descr.clone())))?
                }
                Some(_) => d,
                None => {
                    let one = [("f1", d)];
                    if aligned { Descr::record_aligned(one)? } else { Descr::record(one)? }
                }
            }
        }
        Formats::List(l) => by_position(l.iter().map(|s| Descr::parse(s)).collect::<Result<_>>()?)?,
        Formats::Dtypes(l) => by_position(l.clone())?,
    };
    let fields = parsed.record_layout_of().map(|r| r.fields().to_vec()).unwrap_or_default();
    let n = fields.len();
    let mut field_names: Vec<String> =
        names.map(|ns| ns.0.iter().take(n).map(|s| s.trim().to_string()).collect()).unwrap_or_default();
    // NumPy's `if names:` treats an empty string as no names.
    if names.is_some_and(|ns| ns.0.len() == 1 && ns.0[0].is_empty()) {
        field_names.clear();
    }
    field_names.extend((field_names.len()..n).map(|i| format!("f{i}")));
    let dups = find_duplicate(&field_names);
    if !dups.is_empty() {
        return Err(Error::RecDuplicateNames { names: dups });
    }
    let titles: Vec<Option<String>> =
        (0..n).map(|i| titles.and_then(|t| t.get(i)).map(|t| t.trim().to_string())).collect();
    let itemsize = fields.iter().map(|f| f.offset + f.descr.itemsize()).max().unwrap_or(0);
    let fields = fields
        .into_iter()
        .zip(field_names)
        .zip(titles)
        .map(|((f, name), title)| Field { name, descr: f.descr, offset: f.offset, title })
        .collect();
    let mut dtype = Descr::record_with_offsets(fields, itemsize)?;
    if let Some(o) = byteorder {
        dtype = dtype.with_byte_order(o);
    }
    Ok(FormatParser { dtype })
}

/// `numpy.rec.find_duplicate(list)`: the items that occur more than once, each once, in
/// the order of their first occurrence.
///
/// ```
/// assert_eq!(nprs_core::rec::find_duplicate(&["a", "b", "a", "c", "b", "a"]), vec!["a", "b"]);
/// ```
#[must_use]
pub fn find_duplicate<T: PartialEq + Clone>(list: &[T]) -> Vec<T> {
    let mut seen: Vec<(&T, usize)> = Vec::new();
    for x in list {
        match seen.iter_mut().find(|(y, _)| *y == x) {
            Some((_, n)) => *n += 1,
            None => seen.push((x, 1)),
        }
    }
    seen.into_iter().filter(|&(_, n)| n > 1).map(|(x, _)| x.clone()).collect()
}

/// `numpy.rec.fromarrays(arrays, dtype=, shape=, formats=, names=, titles=, aligned=,
/// byteorder=)`: a record array whose `k`-th field is a copy of `arrays[k]`, cast to the
/// field's type. Without `dtype` or `formats` the fields take the arrays' dtypes. The shape
/// is the first array's (less the first field's sub-array axes); every array must have it.
///
/// ```
/// use nprs_core::{Array, DynArray, rec::{self, RecOptions}};
/// let a = DynArray::from(nprs_core::array![1i64, 2]);
/// let b = DynArray::from(nprs_core::array![0.5, 1.5]);
/// let r = rec::fromarrays(&[a.view(), b.view()], &RecOptions::new().formats("i2, f4"))?;
/// assert_eq!(r.field("f1")?.to_typed::<f32>()?.to_vec(), vec![0.5, 1.5]);
/// # Ok::<(), nprs_core::Error>(())
/// ```
///
/// # Errors
/// "mismatch between the number of fields and the number of arrays";
/// "array-shape mismatch in array 1 (\"b\")"; the errors of [`format_parser`] and of the
/// casts; "list index out of range" (NumPy's IndexError) for no arrays without a shape.
pub fn fromarrays(arrays: &[DynView<'_>], opts: &RecOptions) -> Result<DynArray> {
    let mut shape = match (&opts.shape, arrays.first()) {
        (Some(s), _) => s.clone(),
        (None, Some(a)) => a.shape().to_vec(),
        (None, None) => return Err(Error::RecNoArrays),
    };
    let descr = if opts.dtype.is_none() && opts.formats.is_none() {
        let formats = Formats::Dtypes(arrays.iter().map(|a| a.dtype().clone()).collect());
        format_parser(&formats, opts.names.as_ref(), opts.titles.as_deref(), opts.aligned, opts.byteorder)?.dtype
    } else {
        opts.descr("fromarrays")?
    };
    let fields: Vec<Field> = match descr.record_layout_of() {
        Some(r) => r.fields().to_vec(),
        None => return Err(Error::NotRecord { descr }),
    };
    if fields.len() != arrays.len() {
        return Err(Error::RecFieldCount);
    }
    let first = fields[0].descr.shape().len();
    shape.truncate(shape.len().saturating_sub(first));
    let mut out = DynArray::zeros(&shape, &descr)?;
    for (k, (f, a)) in fields.iter().zip(arrays).enumerate() {
        let nn = f.descr.shape().len();
        let test = &a.shape()[..a.ndim().saturating_sub(nn)];
        if test != shape.as_slice() {
            return Err(Error::RecArrayShape { index: k, name: f.name.clone() });
        }
        out.field_mut(&f.name)?.assign(a)?;
    }
    Ok(out)
}

/// `numpy.rec.fromrecords(rows, dtype=, shape=, formats=, names=, ...)`: a 1-d record
/// array from rows, each a [`Scalar::Tuple`] of field values. With `dtype` or `formats`
/// each row is converted to the record type (`numpy.array(rows, dtype=...)`); without,
/// each column becomes an array of the type its values need (bool, int64, float64,
/// complex128, `U<n>` or `S<n>`) and the columns go to [`fromarrays`].
///
/// ```
/// use nprs_core::{Scalar, rec::{self, RecOptions}};
/// let rows = [Scalar::from((456, "dbe", 1.2)), Scalar::from((2, "de", 1.3))];
/// let r = rec::fromrecords(&rows, &RecOptions::new().names("col1,col2,col3"))?;
/// assert_eq!(format!("{:?}", r.dtype()), "dtype([('col1', '<i8'), ('col2', '<U3'), ('col3', '<f8')])");
/// # Ok::<(), nprs_core::Error>(())
/// ```
///
/// # Errors
/// A row of another length than the record ("could not assign tuple of length 3 to
/// structure with 2 fields."), values that do not convert; without a dtype, rows of
/// different lengths or sub-array values ("array-shape mismatch in array 1 (\"f1\")"), and
/// a column mixing strings with numbers (NumPy would make it a column of strings; nprs asks
/// for `formats=`).
pub fn fromrecords(rows: &[Scalar], opts: &RecOptions) -> Result<DynArray> {
    if opts.dtype.is_none() && opts.formats.is_none() {
        let columns = columns_of(rows)?;
        let views: Vec<DynView<'_>> = columns.iter().map(|c| c.view()).collect();
        return fromarrays(&views, &RecOptions { shape: None, ..opts.clone() });
    }
    let descr = opts.descr("fromrecords")?;
    let out = DynArray::from_records(&descr, rows)?;
    match &opts.shape {
        Some(s) if s.as_slice() != out.shape() => Ok(out.into_shape(s.as_slice())?),
        _ => Ok(out),
    }
}

/// The columns of rows of field values, each an array of the type its values need.
fn columns_of(rows: &[Scalar]) -> Result<Vec<DynArray>> {
    let width = match rows.first() {
        Some(Scalar::Tuple(v) | Scalar::List(v)) => v.len(),
        Some(_) => 1,
        None => 0,
    };
    let cell = |r: &Scalar, k: usize| -> Option<Scalar> {
        match r {
            Scalar::Tuple(v) | Scalar::List(v) => v.get(k).cloned(),
            s if k == 0 => Some(s.clone()),
            _ => None,
        }
    };
    let mut out = Vec::with_capacity(width);
    for k in 0..width {
        let mut col = Vec::with_capacity(rows.len());
        for r in rows {
            let len = match r {
                Scalar::Tuple(v) | Scalar::List(v) => v.len(),
                _ => 1,
            };
            match cell(r, k) {
                Some(v) if len == width => col.push(v),
                _ => return Err(Error::TupleLength { len, fields: width }),
            }
        }
        let d = column_dtype(&col, k)?;
        out.push(DynArray::from_scalars(&[col.len()], &d, &col)?);
    }
    Ok(out)
}

/// The dtype NumPy gives a list of Python values of one column: the widest kind among
/// bool, int64, float64 and complex128 (integers beyond int64 make uint64 alone and
/// float64 beside other integers), or `U`/`S` as wide as the longest string.
fn column_dtype(col: &[Scalar], k: usize) -> Result<Descr> {
    use crate::dtype::DType;
    let (mut bools, mut ints, mut big, mut floats, mut complexes) = (false, false, false, false, false);
    let (mut chars, mut bytes) = (None::<usize>, None::<usize>);
    for v in col {
        match v {
            Scalar::Bool(_) => bools = true,
            Scalar::Int(i) if i64::try_from(*i).is_ok() => ints = true,
            Scalar::Int(i) if u64::try_from(*i).is_ok() => big = true,
            Scalar::Int(_) => return Err(Error::IntTooLarge),
            Scalar::Float(_) => floats = true,
            Scalar::Complex(..) => complexes = true,
            Scalar::Str(s) => chars = Some(chars.unwrap_or(0).max(s.chars().count())),
            Scalar::Bytes(b) => bytes = Some(bytes.unwrap_or(0).max(b.len())),
            // A list in a row is a sub-array, which NumPy's column of that dtype does not
            // fit (it reports the shape).
            Scalar::Tuple(_) | Scalar::List(_) => {
                return Err(Error::RecArrayShape { index: k, name: format!("f{k}") });
            }
        }
    }
    let numbers = bools || ints || big || floats || complexes;
    match (numbers, chars, bytes) {
        (false, Some(n), None) => Ok(Descr::unicode(n.max(1))),
        (false, None, Some(n)) => Ok(Descr::bytes(n.max(1))),
        (false, None, None) => Ok(Descr::from(DType::Float64)),
        (true, None, None) => Ok(Descr::from(if complexes {
            DType::Complex128
        } else if floats || (big && ints) {
            DType::Float64
        } else if big {
            DType::UInt64
        } else if ints {
            DType::Int64
        } else {
            DType::Bool
        })),
        _ => Err(Error::RecMixedColumn { index: k }),
    }
}

/// `numpy.rec.fromstring(datastring, dtype=, shape=, offset=, formats=, ...)`: a record
/// array copied from raw bytes (the records in the dtype's byte order), after skipping
/// `offset` bytes; by default as many whole records as the bytes hold.
///
/// ```
/// use nprs_core::rec::{self, RecOptions};
/// let r = rec::fromstring(b"\x01\x02\x03abc", &RecOptions::new().formats("u1,u1,u1,S3"), 0)?;
/// assert_eq!(r.field("f3")?.to_scalars(), vec![nprs_core::Scalar::Bytes(b"abc".to_vec())]);
/// # Ok::<(), nprs_core::Error>(())
/// ```
///
/// # Errors
/// "fromstring() needs a 'dtype' or 'formats' argument"; "buffer is too small for
/// requested array" when `shape` needs more bytes than there are.
pub fn fromstring(data: &[u8], opts: &RecOptions, offset: usize) -> Result<DynArray> {
    let descr = opts.descr("fromstring")?;
    let item = descr.itemsize();
    let rest = data.get(offset..).unwrap_or_default();
    let shape = match &opts.shape {
        Some(s) => s.clone(),
        None if item == 0 => return Err(Error::NegativeDimensions),
        None => vec![rest.len() / item],
    };
    let need = shape.iter().try_fold(item, |acc, &d| acc.checked_mul(d)).ok_or(Error::TooBig)?;
    if need > rest.len() || offset > data.len() {
        return Err(Error::RecBufferSmall);
    }
    DynArray::from_bytes(&rest[..need], &descr, &shape)
}

/// `numpy.rec.fromfile(fd, dtype=, shape=, offset=, formats=, ...)`: a record array read
/// from a reader (an open file) after skipping `offset` bytes from its current position;
/// by default as many whole records as remain.
///
/// ```
/// use nprs_core::rec::{self, RecOptions};
/// let mut f = std::io::Cursor::new(vec![1u8, 0, 7, 2, 0, 8]); // or an open File
/// let r = rec::fromfile(&mut f, &RecOptions::new().formats("<u2,u1").names("id,v"), 0)?;
/// assert_eq!(r.field("id")?.to_typed::<u16>()?.to_vec(), vec![1, 2]);
/// # Ok::<(), nprs_core::Error>(())
/// ```
///
/// # Errors
/// "fromfile() needs a 'dtype' or 'formats' argument"; "Not enough bytes left in file for
/// specified shape and type."; I/O errors (as NumPy's OSError).
pub fn fromfile<R: Read + Seek>(reader: &mut R, opts: &RecOptions, offset: u64) -> Result<DynArray> {
    let descr = opts.descr("fromfile")?;
    let io = |e: std::io::Error| Error::RecIo { message: e.to_string() };
    if offset > 0 {
        reader.seek(SeekFrom::Current(i64::try_from(offset).map_err(|_| Error::TooBig)?)).map_err(io)?;
    }
    let pos = reader.stream_position().map_err(io)?;
    let end = reader.seek(SeekFrom::End(0)).map_err(io)?;
    reader.seek(SeekFrom::Start(pos)).map_err(io)?;
    let size = usize::try_from(end.saturating_sub(pos)).map_err(|_| Error::TooBig)?;
    let item = descr.itemsize();
    let shape = match &opts.shape {
        Some(s) => s.clone(),
        None if item == 0 => return Err(Error::NegativeDimensions),
        None => vec![size / item],
    };
    let need = shape.iter().try_fold(item, |acc, &d| acc.checked_mul(d)).ok_or(Error::TooBig)?;
    if need > size {
        return Err(Error::RecNotEnoughBytes);
    }
    let mut buf = Vec::new();
    buf.try_reserve_exact(need).map_err(|_| Error::OutOfMemory { bytes: need })?;
    reader.take(need as u64).read_to_end(&mut buf).map_err(io)?;
    if buf.len() != need {
        return Err(Error::RecIo { message: "Didn't read as many bytes as expected".to_string() });
    }
    DynArray::from_bytes(&buf, &descr, &shape)
}

/// `['a', 'b']`: a list of names as Python prints it.
pub(crate) fn py_list(names: &[String]) -> String {
    let items: Vec<String> = names.iter().map(|n| py_str_repr(n)).collect();
    format!("[{}]", items.join(", "))
}
