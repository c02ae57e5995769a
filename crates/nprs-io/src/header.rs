//! The `.npy` header: magic string, version, length and the Python dict that describes
//! the array — read with NumPy's checks and error messages, written byte for byte as
//! NumPy writes it.

use std::io::{self, Read};

use nprs_core::dtype::UnsupportedType;
use nprs_core::{Descr, DescrKind};

use crate::error::{Error, Result};
use crate::pylit::{self, PyValue, shape_py};

/// The first six bytes of every `.npy` file.
pub const MAGIC_PREFIX: &[u8; 6] = b"\x93NUMPY";
/// Magic string plus the two version bytes.
const MAGIC_LEN: usize = 8;
/// The data starts at a multiple of this many bytes.
pub const ARRAY_ALIGN: usize = 64;
/// NumPy's default limit on the header's length, in characters.
pub const MAX_HEADER_SIZE: usize = 10_000;
/// Room NumPy leaves after the dict so that the growth axis can be rewritten in place.
const GROWTH_AXIS_MAX_DIGITS: usize = 21;

/// A format version: (1, 0), (2, 0) or (3, 0).
pub type Version = (u8, u8);

/// What an `.npy` header says about the array that follows it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Header {
    /// The format version of the file.
    pub version: Version,
    /// The element type: nprs-core's dtype, byte order included, as
    /// `numpy.lib.format.descr_to_dtype` builds it from the header.
    pub descr: Descr,
    /// True when the data is in Fortran (column-major) order.
    pub fortran_order: bool,
    /// The array's shape.
    pub shape: Vec<usize>,
    /// Where the data starts: the total length of magic, length field and header.
    pub data_offset: u64,
}

impl Header {
    /// A header for an array of `descr` and `shape` (version chosen when written).
    #[must_use]
    pub fn new(descr: Descr, shape: &[usize], fortran_order: bool) -> Self {
        Header { version: (1, 0), descr, fortran_order, shape: shape.to_vec(), data_offset: 0 }
    }

    /// Number of elements, checked as NumPy checks every array it makes: the product of
    /// the non-zero lengths times the item size must fit `isize`, so `(2**40, 0, 2**40)` is
    /// refused although it holds nothing.
    ///
    /// # Errors
    /// [`nprs_core::Error::TooBig`] when the shape cannot exist.
    pub fn count(&self) -> Result<usize> {
        Ok(nprs_core::dims::check_bytes(&self.shape, self.itemsize())?)
    }

    /// Bytes per element.
    #[must_use]
    pub fn itemsize(&self) -> usize {
        self.descr.itemsize()
    }

    /// Bytes of data the header promises, overflow-checked against `isize::MAX`.
    ///
    /// # Errors
    /// [`nprs_core::Error::TooBig`] when the size cannot exist in memory.
    pub fn nbytes(&self) -> Result<usize> {
        let n = self.count()?.checked_mul(self.itemsize()).ok_or(nprs_core::Error::TooBig)?;
        if n > isize::MAX as usize {
            return Err(nprs_core::Error::TooBig.into());
        }
        Ok(n)
    }

    /// The header's `descr` value as NumPy writes it (`numpy.lib.format.dtype_to_descr`):
    /// `'<f8'`, or the `dtype.descr` list for records (gaps as unnamed void entries).
    ///
    /// # Errors
    /// [`Error::Bfloat16`] for `bfloat16`, which NumPy has no type string for;
    /// nprs-core's error for records whose fields overlap or are out of order.
    pub fn descr_text(&self) -> Result<String> {
        npy_descr(&self.descr)
    }

    /// The descr as the header spells it (the dtype's `str` for one no header can
    /// describe), for messages.
    pub(crate) fn descr_shown(&self) -> String {
        self.descr_text().unwrap_or_else(|_| format!("'{}'", self.descr.str()))
    }

    /// The header's dict as NumPy writes it, with the spare room NumPy leaves for the
    /// growth axis (not yet padded or prefixed).
    ///
    /// # Errors
    /// As [`descr_text`](Self::descr_text).
    pub fn dict_text(&self) -> Result<String> {
        let fortran = if self.fortran_order { "True" } else { "False" };
        let mut s = format!(
            "{{'descr': {}, 'fortran_order': {fortran}, 'shape': {}, }}",
            self.descr_text()?,
            shape_py(&self.shape)
        );
        if !self.shape.is_empty() {
            let axis = if self.fortran_order { self.shape[self.shape.len() - 1] } else { self.shape[0] };
            let digits = axis.to_string().len();
            s.push_str(&" ".repeat(GROWTH_AXIS_MAX_DIGITS.saturating_sub(digits)));
        }
        Ok(s)
    }

    /// The complete header bytes (magic, version, length, dict, padding, newline), in the
    /// given version or, with `None`, the oldest that can hold it, as NumPy chooses.
    ///
    /// # Errors
    /// [`Error::HeaderTooLong`] when the dict does not fit the requested version's length
    /// field; [`Error::HeaderNotLatin1`] when a version 1.0/2.0 header would need non-Latin-1 text;
    /// as [`descr_text`](Self::descr_text) for dtypes no header can describe.
    pub fn to_bytes(&self, version: Option<Version>) -> Result<Vec<u8>> {
        let text = self.dict_text()?;
        match version {
            Some(v) => wrap(&text, v),
            None => wrap(&text, (1, 0)).or_else(|_| wrap(&text, (2, 0))).or_else(|_| wrap(&text, (3, 0))),
        }
    }
}

fn check_version(v: Version) -> Result<()> {
    if matches!(v, (1, 0) | (2, 0) | (3, 0)) { Ok(()) } else { Err(Error::Version { major: v.0, minor: v.1 }) }
}

fn wrap(text: &str, version: Version) -> Result<Vec<u8>> {
    check_version(version)?;
    let body: Vec<u8> = if version.0 == 3 {
        text.as_bytes().to_vec()
    } else {
        text.chars()
            .map(|c| u8::try_from(u32::from(c)))
            .collect::<std::result::Result<_, _>>()
            .map_err(|_| Error::HeaderNotLatin1 { major: version.0 })?
    };
    let len_size = if version.0 == 1 { 2 } else { 4 };
    let hlen = body.len() + 1;
    let padlen = ARRAY_ALIGN - ((MAGIC_LEN + len_size + hlen) % ARRAY_ALIGN);
    let total = hlen + padlen;
    let mut out = Vec::with_capacity(MAGIC_LEN + len_size + total);
    out.extend_from_slice(MAGIC_PREFIX);
    out.extend_from_slice(&[version.0, version.1]);
    if version.0 == 1 {
        let n = u16::try_from(total).map_err(|_| Error::HeaderTooLong { len: hlen, major: 1 })?;
        out.extend_from_slice(&n.to_le_bytes());
    } else {
        let n = u32::try_from(total).map_err(|_| Error::HeaderTooLong { len: hlen, major: version.0 })?;
        out.extend_from_slice(&n.to_le_bytes());
    }
    out.extend_from_slice(&body);
    out.resize(out.len() + padlen, b' ');
    out.push(b'\n');
    Ok(out)
}

/// Reads up to `n` bytes (fewer only at the end of the stream).
fn read_upto<R: Read + ?Sized>(r: &mut R, buf: &mut [u8]) -> io::Result<usize> {
    let mut got = 0;
    while got < buf.len() {
        match r.read(&mut buf[got..]) {
            Ok(0) => break,
            Ok(k) => got += k,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
            Err(e) => return Err(e),
        }
    }
    Ok(got)
}

/// Reads exactly `buf.len()` bytes or fails with NumPy's EOF message about `what`.
pub(crate) fn read_exact_or_eof<R: Read + ?Sized>(r: &mut R, buf: &mut [u8], what: &'static str) -> Result<()> {
    let got = read_upto(r, buf)?;
    if got != buf.len() {
        return Err(Error::Eof { what, expected: buf.len() as u64, got: got as u64 });
    }
    Ok(())
}

/// Reads the magic string and returns the version (`numpy.lib.format.read_magic`).
///
/// # Errors
/// [`Error::Eof`] on a short file, [`Error::BadMagic`] when the prefix is wrong.
pub fn read_magic<R: Read + ?Sized>(r: &mut R) -> Result<Version> {
    let mut m = [0u8; MAGIC_LEN];
    read_exact_or_eof(r, &mut m, "magic string")?;
    if &m[..6] != MAGIC_PREFIX {
        return Err(Error::BadMagic { got: m[..6].to_vec() });
    }
    Ok((m[6], m[7]))
}

/// Reads a complete header (magic included) from `r`, leaving `r` at the first data
/// byte. Headers longer than `max_header_size` characters are refused without being
/// held in memory.
///
/// # Errors
/// Every malformed header gets NumPy's error: [`Error::BadMagic`], [`Error::Version`],
/// [`Error::Eof`], [`Error::HeaderTooLarge`], [`Error::HeaderSyntax`],
/// [`Error::HeaderNotDict`], [`Error::HeaderKeys`], [`Error::BadShape`],
/// [`Error::BadFortranOrder`], [`Error::BadDescr`]; sizes that overflow give
/// [`nprs_core::Error::TooBig`].
pub fn read_header<R: Read + ?Sized>(r: &mut R, max_header_size: usize) -> Result<Header> {
    let version = read_magic(r)?;
    check_version(version)?;
    let (hlen, len_size) = if version.0 == 1 {
        let mut b = [0u8; 2];
        read_exact_or_eof(r, &mut b, "array header length")?;
        (u16::from_le_bytes(b) as usize, 2)
    } else {
        let mut b = [0u8; 4];
        read_exact_or_eof(r, &mut b, "array header length")?;
        (u32::from_le_bytes(b) as usize, 4)
    };
    let utf8 = version.0 == 3;
    // A header that cannot fit the limit is skipped, not stored: a Latin-1 header has one
    // character per byte, a UTF-8 one at least one per four bytes.
    let over = if utf8 { hlen / 4 > max_header_size } else { hlen > max_header_size };
    if over {
        let got = io::copy(&mut r.take(hlen as u64), &mut io::sink())?;
        if got != hlen as u64 {
            return Err(Error::Eof { what: "array header", expected: hlen as u64, got });
        }
        return Err(Error::HeaderTooLarge { len: if utf8 { hlen / 4 + 1 } else { hlen }, max: max_header_size });
    }
    // The buffer grows with the bytes that arrive: a header length is only a promise.
    let mut raw = Vec::new();
    let got = Read::take(&mut *r, hlen as u64).read_to_end(&mut raw)?;
    if got < hlen {
        return Err(Error::Eof { what: "array header", expected: hlen as u64, got: got as u64 });
    }
    let text: String = if utf8 {
        String::from_utf8(raw).map_err(|_| Error::HeaderEncoding { encoding: "utf8" })?
    } else {
        raw.iter().map(|&b| char::from(b)).collect()
    };
    let nchars = text.chars().count();
    if nchars > max_header_size {
        return Err(Error::HeaderTooLarge { len: nchars, max: max_header_size });
    }
    let mut h = parse_header_text(&text, version)?;
    h.data_offset = (MAGIC_LEN + len_size + hlen) as u64;
    Ok(h)
}

/// Interprets the header's dict text, with NumPy's checks in NumPy's order.
///
/// # Errors
/// As [`read_header`].
pub fn parse_header_text(text: &str, version: Version) -> Result<Header> {
    let d = pylit::parse(text, version.0 <= 2)
        .map_err(|e| Error::HeaderSyntax { header: text.to_string(), reason: format!("{} at {}", e.reason, e.pos) })?;
    let PyValue::Dict(items) = &d else { return Err(Error::HeaderNotDict { value: d.to_string() }) };
    let expected = ["descr", "fortran_order", "shape"];
    let keys_ok = items.len() == 3 && expected.iter().all(|k| d.get(k).is_some());
    if !keys_ok {
        let mut keys: Vec<&PyValue> = items.iter().map(|(k, _)| k).collect();
        keys.sort_by(|a, b| py_order(a, b));
        return Err(Error::HeaderKeys { keys: keys.iter().map(ToString::to_string).collect() });
    }
    let (Some(shape_v), Some(fortran_v), Some(descr_v)) = (d.get("shape"), d.get("fortran_order"), d.get("descr"))
    else {
        return Err(Error::HeaderNotDict { value: d.to_string() });
    };
    let bad_shape = || Error::BadShape { value: shape_v.to_string() };
    let PyValue::Tuple(dims) = shape_v else { return Err(bad_shape()) };
    let mut shape = Vec::with_capacity(dims.len().min(64));
    for x in dims {
        let n = match x {
            PyValue::Int(n) => *n,
            PyValue::Bool(b) => i128::from(*b),
            _ => return Err(bad_shape()),
        };
        if n < 0 {
            return Err(nprs_core::Error::NegativeDimensions.into());
        }
        shape.push(usize::try_from(n).map_err(|_| nprs_core::Error::TooBig)?);
    }
    let PyValue::Bool(fortran_order) = *fortran_v else {
        return Err(Error::BadFortranOrder { value: fortran_v.to_string() });
    };
    let descr = descr_from_py(descr_v)?;
    let h = Header { version, descr, fortran_order, shape, data_offset: 0 };
    h.nbytes()?;
    Ok(h)
}

/// The header form of a dtype (see [`Header::descr_text`]).
fn npy_descr(d: &Descr) -> Result<String> {
    fn has_bfloat16(d: &Descr) -> bool {
        match d.kind_of() {
            DescrKind::BFloat16 => true,
            DescrKind::Record(r) => r.fields().iter().any(|f| has_bfloat16(&f.descr)),
            DescrKind::SubArray(s) => has_bfloat16(&s.base),
            _ => false,
        }
    }
    if has_bfloat16(d) {
        return Err(Error::Bfloat16);
    }
    Ok(d.npy_descr()?)
}

/// Calls `f` with every type string of a header's descr value: the value itself, the base
/// of a `(base, shape)` tuple, and the types of a field list's entries.
fn each_type_str<'a>(v: &'a PyValue, f: &mut impl FnMut(&'a str)) {
    match v {
        PyValue::Str(s) => f(s),
        PyValue::Tuple(items) if items.len() == 2 => each_type_str(&items[0], f),
        PyValue::List(fields) => {
            for field in fields {
                if let PyValue::Tuple(parts) = field
                    && parts.len() >= 2
                {
                    each_type_str(&parts[1], f);
                }
            }
        }
        _ => {}
    }
}

/// The dtype of a header's descr value, as `numpy.lib.format.descr_to_dtype` builds it,
/// read by nprs-core's dtype parser.
///
/// # Errors
/// NumPy's: [`Error::BadDescr`] for a value `numpy.dtype` refuses with a `TypeError`,
/// [`Error::ObjectArray`] for object types; [`Error::LongDouble`] for the types
/// nprs-core has no dtype for (`float128`, `complex256`); nprs-core's `ValueError`s (a
/// sub-array of more than `i32::MAX` bytes) and `RecursionError` as they are.
fn descr_from_py(v: &PyValue) -> Result<Descr> {
    let text = v.to_string();
    Descr::from_npy_descr(&text).map_err(|e| {
        let mut unsupported = None;
        each_type_str(v, &mut |s| unsupported = unsupported.or(UnsupportedType::of(s)));
        match unsupported {
            Some(UnsupportedType::Object) => Error::ObjectArray,
            Some(_) => Error::LongDouble { descr: text },
            None if e.kind() == nprs_core::ErrorKind::TypeError => Error::BadDescr { value: text },
            None => Error::Core(e),
        }
    })
}

/// Python's ordering for sorting dict keys of one type (mixed types fall back to their
/// repr, where Python would raise).
fn py_order(a: &PyValue, b: &PyValue) -> std::cmp::Ordering {
    match (a, b) {
        (PyValue::Str(x), PyValue::Str(y)) => x.chars().map(u32::from).cmp(y.chars().map(u32::from)),
        (PyValue::Int(x), PyValue::Int(y)) => x.cmp(y),
        _ => a.to_string().cmp(&b.to_string()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numpy_layout() {
        let h = Header::new(Descr::parse("<f8").unwrap(), &[3, 4], false);
        let b = h.to_bytes(None).unwrap();
        assert_eq!(b.len() % 64, 0);
        assert_eq!(b.len(), 128);
        assert_eq!(&b[..8], b"\x93NUMPY\x01\x00");
        let text = std::str::from_utf8(&b[10..]).unwrap();
        assert!(text.starts_with("{'descr': '<f8', 'fortran_order': False, 'shape': (3, 4), }"));
        assert!(text.ends_with(" \n"));
        let back = read_header(&mut &b[..], MAX_HEADER_SIZE).unwrap();
        assert_eq!(back.shape, vec![3, 4]);
        assert_eq!(back.data_offset, 128);
    }

    fn descr(text: &str) -> Result<Descr> {
        descr_from_py(&pylit::parse(text, false).unwrap())
    }

    #[test]
    fn descrs_read_as_numpy_reads_them() {
        // Padding entries (unnamed voids, sub-arrays included) become gaps.
        let d = descr("[('u', '|u1'), ('', '|V7'), ('v', '<f8'), ('', '<i2', (2,))]").unwrap();
        let r = d.record_layout_of().unwrap();
        assert_eq!((r.names(), r.fields()[1].offset, r.itemsize()), (vec!["u", "v"], 8, 20));
        assert_eq!(npy_descr(&d).unwrap(), "[('u', '|u1'), ('', '|V7'), ('v', '<f8'), ('', '|V4')]");
        // Byte orders are kept; titles too.
        assert_eq!(descr("'>m8[10s]'").unwrap().str(), ">m8[10s]");
        let t = descr("[(('T', 'x'), '>i4')]").unwrap();
        assert_eq!(npy_descr(&t).unwrap(), "[(('T', 'x'), '>i4')]");
        // NumPy's errors.
        assert!(matches!(descr("'<q7'"), Err(Error::BadDescr { value }) if value == "'<q7'"));
        assert!(matches!(descr("[('x', 5)]"), Err(Error::BadDescr { .. })));
        assert!(matches!(descr("[('a', '<i4'), ('b', '|O')]"), Err(Error::ObjectArray)));
        assert!(matches!(descr("('>f16', (2,))"), Err(Error::LongDouble { .. })));
        // A field named like the object type is a name: the error is about '<q7'.
        assert!(matches!(descr("[('O', '<q7')]"), Err(Error::BadDescr { .. })));
        assert!(matches!(npy_descr(&Descr::bfloat16()), Err(Error::Bfloat16)));
    }
}
