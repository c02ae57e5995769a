//! Between a header's [`Descr`] and nprs-core's dtype ([`nprs_core::Descr`]).
//!
//! Reading follows `numpy.lib.format.descr_to_dtype`: fields are laid out one after the
//! other, unnamed void entries are the padding NumPy writes for gaps (dropped, their bytes
//! kept as offsets), and the record's size is the sum of all entries. Writing follows
//! `dtype.descr`: gaps between fields and at the end become unnamed void entries again, so
//! a file read and written back is unchanged byte for byte.

use nprs_core::{DType, DescrKind, TimeUnit};

use crate::descr::{ByteOrder, Descr, Field, TypeStr};
use crate::error::{Error, Result};

type Core = nprs_core::Descr;

fn core_order(o: ByteOrder) -> nprs_core::ByteOrder {
    match o {
        ByteOrder::Little => nprs_core::ByteOrder::Little,
        ByteOrder::Big => nprs_core::ByteOrder::Big,
        ByteOrder::NotApplicable => nprs_core::ByteOrder::NotApplicable,
    }
}

fn io_order(o: nprs_core::ByteOrder) -> ByteOrder {
    match o {
        nprs_core::ByteOrder::Little => ByteOrder::Little,
        nprs_core::ByteOrder::Big => ByteOrder::Big,
        nprs_core::ByteOrder::NotApplicable => ByteOrder::NotApplicable,
    }
}

fn unsupported(what: &str) -> Error {
    Error::Unsupported(format!("{what} has no nprs-core dtype; load_raw keeps such arrays as bytes"))
}

/// A datetime unit as written in a type string (`ns`, `10ms`, empty for generic).
fn parse_unit(u: &str) -> Option<(TimeUnit, u32)> {
    if u.is_empty() {
        return Some((TimeUnit::Generic, 1));
    }
    let digits = u.bytes().take_while(u8::is_ascii_digit).count();
    let num = if digits == 0 { 1 } else { u[..digits].parse::<u32>().ok().filter(|&n| n > 0)? };
    Some((TimeUnit::from_code(&u[digits..]).filter(|&t| t != TimeUnit::Generic)?, num))
}

fn type_to_core(t: &TypeStr) -> Result<Core> {
    let kind = match (t.kind, t.size) {
        ('O', _) => return Err(Error::ObjectArray),
        ('f', 16) => return Err(unsupported("float128 (long double)")),
        ('c', 32) => return Err(unsupported("complex256 (long double)")),
        ('U', n) => DescrKind::Unicode(n),
        ('S', n) => DescrKind::Bytes(n),
        ('V', n) => DescrKind::Void(n),
        ('M' | 'm', _) => {
            let unit = t.unit.as_deref().unwrap_or("");
            let (unit, num) = parse_unit(unit).ok_or_else(|| unsupported(&format!("the datetime unit [{unit}]")))?;
            let u = nprs_core::dtype::DateTimeUnit { unit, num };
            if t.kind == 'M' { DescrKind::DateTime(u) } else { DescrKind::TimeDelta(u) }
        }
        _ => DescrKind::Numeric(t.numeric().ok_or_else(|| unsupported(&format!("the type '{}'", t.to_str())))?),
    };
    Ok(Core::with_order(kind, core_order(t.order)))
}

fn with_shape(base: Core, shape: &[usize]) -> Result<Core> {
    if shape.is_empty() { Ok(base) } else { Ok(Core::subarray(base, shape)?) }
}

/// True for the padding entries `descr_to_dtype` skips: an empty name and a void type
/// without fields (a sub-array of void included).
fn is_padding(f: &Field) -> bool {
    fn plain_void(d: &Descr) -> bool {
        match d {
            Descr::Type(t) => t.kind == 'V',
            Descr::Subarray(base, _) => plain_void(base),
            Descr::Record(_) => false,
        }
    }
    f.name.is_empty() && f.title.is_none() && plain_void(&f.descr)
}

impl Descr {
    /// The nprs-core dtype this header descr describes, exactly as NumPy's
    /// `descr_to_dtype` builds it: byte orders kept, field offsets from the packed list
    /// with padding entries turned into gaps, sub-array fields as sub-array dtypes.
    ///
    /// ```
    /// use nprs_io::Descr;
    /// let v = nprs_io::pylit::parse("[('u', '|u1'), ('', '|V7'), ('v', '<f8')]", false).unwrap();
    /// let d = Descr::from_py(&v).unwrap().to_dtype().unwrap();
    /// let r = d.record_layout_of().unwrap();
    /// assert_eq!((r.itemsize(), r.fields()[1].offset), (16, 8));
    /// assert_eq!(Descr::from_dtype(&d).unwrap().to_string(), "[('u', '|u1'), ('', '|V7'), ('v', '<f8')]");
    /// ```
    ///
    /// # Errors
    /// [`Error::ObjectArray`] for object types; [`Error::Unsupported`] for types nprs-core
    /// has no dtype for (`float128`, `complex256`, titled fields); nprs-core's limits
    /// for absurd sub-array sizes.
    pub fn to_dtype(&self) -> Result<Core> {
        match self {
            Descr::Type(t) => type_to_core(t),
            Descr::Subarray(base, shape) => with_shape(base.to_dtype()?, shape),
            Descr::Record(fields) => {
                let mut out = Vec::with_capacity(fields.len());
                let mut offset = 0usize;
                for f in fields {
                    let d = with_shape(f.descr.to_dtype()?, &f.shape)?;
                    let size = d.itemsize();
                    if !is_padding(f) {
                        if f.title.is_some() {
                            return Err(unsupported(&format!("the titled field {:?}", f.name)));
                        }
                        out.push(nprs_core::dtype::Field::new(f.name.clone(), d, offset));
                    }
                    offset = offset.checked_add(size).ok_or(nprs_core::Error::TooBig)?;
                }
                Ok(Core::record_with_offsets(out, offset)?)
            }
        }
    }

    /// The header descr NumPy writes for an nprs-core dtype (`dtype_to_descr`): the type
    /// string, or the `dtype.descr` list for records, gaps written as unnamed void
    /// entries.
    ///
    /// # Errors
    /// [`Error::Value`] with NumPy's message for records whose fields overlap or are out
    /// of order; [`Error::Unsupported`] for `bfloat16`, which NumPy has no type string for.
    pub fn from_dtype(d: &Core) -> Result<Descr> {
        let order = io_order(d.byte_order());
        let t = |kind: char, size: usize, unit: Option<String>| {
            let order =
                if matches!(kind, 'S' | 'V') || (kind != 'U' && size == 1) { ByteOrder::NotApplicable } else { order };
            Ok(Descr::Type(TypeStr { order, kind, size, unit }))
        };
        match d.kind_of() {
            DescrKind::Numeric(n) => Ok(Descr::Type(TypeStr::of(*n, order))),
            DescrKind::BFloat16 => {
                Err(Error::Unsupported("bfloat16 arrays have no .npy type string (NumPy has no bfloat16)".into()))
            }
            DescrKind::Unicode(n) => t('U', *n, None),
            DescrKind::Bytes(n) => t('S', *n, None),
            DescrKind::Void(n) => t('V', *n, None),
            DescrKind::DateTime(u) | DescrKind::TimeDelta(u) => {
                let kind = if matches!(d.kind_of(), DescrKind::DateTime(_)) { 'M' } else { 'm' };
                let unit = u.brackets();
                let unit = unit.trim_start_matches('[').trim_end_matches(']').to_string();
                t(kind, 8, Some(unit))
            }
            DescrKind::SubArray(s) => Ok(Descr::Subarray(Box::new(Descr::from_dtype(&s.base)?), s.shape.clone())),
            DescrKind::Record(r) => {
                let pad = |n: usize| Field {
                    name: String::new(),
                    title: None,
                    descr: Descr::Type(TypeStr { order: ByteOrder::NotApplicable, kind: 'V', size: n, unit: None }),
                    shape: Vec::new(),
                };
                let mut out = Vec::with_capacity(r.fields().len());
                let mut end = 0usize;
                for f in r.fields() {
                    if f.offset < end {
                        return Err(Error::Value(
                            "dtype.descr is not defined for types with overlapping or out-of-order fields".into(),
                        ));
                    }
                    if f.offset > end {
                        out.push(pad(f.offset - end));
                    }
                    let (descr, shape) = match f.descr.subdtype() {
                        Some(s) => (Descr::from_dtype(&s.base)?, s.shape.clone()),
                        None => (Descr::from_dtype(&f.descr)?, Vec::new()),
                    };
                    out.push(Field { name: f.name.clone(), title: None, descr, shape });
                    end = f.offset + f.descr.itemsize();
                }
                if r.itemsize() > end {
                    out.push(pad(r.itemsize() - end));
                }
                Ok(Descr::Record(out))
            }
            _ => Err(Error::Unsupported(format!("the dtype {d} has no .npy descr"))),
        }
    }
}

/// The byte offsets of the bool values inside one element of `d` (fields and sub-array
/// items expanded).
pub(crate) fn bool_offsets(d: &Core) -> Vec<usize> {
    fn walk(d: &Core, base: usize, out: &mut Vec<usize>) {
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

/// The numeric element type of `d` when it is a plain numeric type in native order
/// (what a typed array holds).
pub(crate) fn native_numeric(d: &Descr) -> Option<DType> {
    d.as_type().filter(|t| !t.order.needs_swap()).and_then(TypeStr::numeric)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn descr(s: &str) -> Descr {
        Descr::from_py(&crate::pylit::parse(s, false).unwrap()).unwrap()
    }

    #[test]
    fn type_strings_convert_both_ways() {
        for s in
            ["'<f8'", "'>i4'", "'|b1'", "'|u1'", "'<U5'", "'>U3'", "'|S4'", "'|V8'", "'<M8[ns]'", "'>m8[10s]'", "'<m8'"]
        {
            let d = descr(s);
            let c = d.to_dtype().unwrap();
            assert_eq!(format!("'{}'", c.str()), s);
            assert_eq!(Descr::from_dtype(&c).unwrap(), d, "{s}");
        }
        assert!(matches!(descr("'<f16'").to_dtype(), Err(Error::Unsupported(_))));
        assert!(matches!(descr("'|O'").to_dtype(), Err(Error::ObjectArray)));
        assert!(descr("[(('t', 'x'), '<i4')]").to_dtype().is_err());
    }

    #[test]
    fn records_keep_numpys_offsets() {
        let d = descr("[('a', [('b', '<i2'), ('c', '|u1')]), ('', '|V3'), ('d', '>f4', (2,)), ('', '|V2')]");
        let c = d.to_dtype().unwrap();
        let r = c.record_layout_of().unwrap();
        assert_eq!(r.names(), vec!["a", "d"]);
        assert_eq!((r.fields()[1].offset, r.itemsize()), (6, 16));
        assert_eq!(Descr::from_dtype(&c).unwrap(), d);
        // A named-less field that is not void is a real field.
        let c = descr("[('', '<i4'), ('b', '<f8')]").to_dtype().unwrap();
        assert_eq!(c.names().unwrap(), vec!["", "b"]);
    }

    #[test]
    fn bools_are_normalised() {
        let d = descr("[('a', '|b1'), ('b', '<i2'), ('c', '|b1', (2,))]").to_dtype().unwrap();
        let offs = bool_offsets(&d);
        assert_eq!(offs, vec![0, 3, 4]);
        let mut bytes = vec![7, 5, 5, 0, 2, 9, 0, 0, 1, 1];
        normalize_bools(&mut bytes, 5, &offs);
        assert_eq!(bytes, vec![1, 5, 5, 0, 1, 1, 0, 0, 1, 1]);
    }
}
