//! The `descr` of an `.npy` header: NumPy's description of an element type.
//!
//! A [`Descr`] is either a plain type string (`'<f8'`, `'>i4'`, `'|S3'`, `'<U5'`,
//! `'<M8[ns]'`), a structured list of fields (`[('x', '<i4'), ('y', '<f8', (2,))]`), or,
//! as NumPy allows in a header, a `(base, shape)` sub-array. [`Descr::from_py`] reads
//! NumPy's notation (a parser hardened against hostile headers) and [`Descr::to_py`]
//! writes it back so that the bytes NumPy wrote come out unchanged; [`Descr::to_dtype`]
//! and [`Descr::from_dtype`] convert to and from nprs-core's dtype.

use nprs_core::DType;

use crate::error::{Error, Result};
use crate::pylit::PyValue;

/// The byte order mark of a type string.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ByteOrder {
    /// `<`
    Little,
    /// `>`
    Big,
    /// `|`: not applicable (one-byte types, bytes, void, object).
    NotApplicable,
}

impl ByteOrder {
    /// The byte order of this machine.
    #[must_use]
    pub const fn native() -> Self {
        if cfg!(target_endian = "little") { ByteOrder::Little } else { ByteOrder::Big }
    }

    /// The mark character: `<`, `>` or `|`.
    #[must_use]
    pub const fn mark(self) -> char {
        match self {
            ByteOrder::Little => '<',
            ByteOrder::Big => '>',
            ByteOrder::NotApplicable => '|',
        }
    }

    /// True when data in this order needs swapping to be read natively.
    #[must_use]
    pub fn needs_swap(self) -> bool {
        self != ByteOrder::NotApplicable && self != Self::native()
    }
}

/// A plain type string such as `'<f8'`: byte order, kind, size and datetime unit.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct TypeStr {
    /// Byte order (normalised: `|` for types where order does not apply).
    pub order: ByteOrder,
    /// NumPy's kind character: `b` `i` `u` `f` `c` `S` `U` `V` `M` `m` `O`.
    pub kind: char,
    /// The number in the type string: bytes per element, or characters for `U`.
    pub size: usize,
    /// The datetime unit with its multiplier (`ns`, `10s`), empty for generic datetimes;
    /// `None` for other kinds.
    pub unit: Option<String>,
}

impl TypeStr {
    /// Bytes per element.
    #[must_use]
    pub fn itemsize(&self) -> usize {
        if self.kind == 'U' { self.size.saturating_mul(4) } else { self.size }
    }

    /// The type string as NumPy writes it (`dtype.str`): `'<f8'`, `'|S3'`, `'<M8[ns]'`.
    #[must_use]
    pub fn to_str(&self) -> String {
        let mut s = format!("{}{}{}", self.order.mark(), self.kind, self.size);
        if let Some(u) = &self.unit
            && !u.is_empty()
        {
            s.push('[');
            s.push_str(u);
            s.push(']');
        }
        s
    }

    /// The numeric element type this describes, if any (any byte order).
    #[must_use]
    pub fn numeric(&self) -> Option<DType> {
        DType::ALL.into_iter().find(|d| {
            let k = if *d == DType::Bool { 'b' } else { d.kind() };
            k == self.kind && d.itemsize() == self.size
        })
    }

    /// The type string of a numeric element type in the given byte order.
    #[must_use]
    pub fn of(d: DType, order: ByteOrder) -> Self {
        let kind = if d == DType::Bool { 'b' } else { d.kind() };
        let order = if d.itemsize() == 1 { ByteOrder::NotApplicable } else { order };
        TypeStr { order, kind, size: d.itemsize(), unit: None }
    }

    /// The size of the units whose bytes are reversed to change byte order (the
    /// element for integers and floats, each half of a complex number, each code point of
    /// a unicode string); 1 when no swapping applies.
    #[must_use]
    pub fn swap_unit(&self) -> usize {
        match self.kind {
            'i' | 'u' | 'f' | 'M' | 'm' => self.size,
            'c' => self.size / 2,
            'U' => 4,
            _ => 1,
        }
    }

    /// Parses what `numpy.dtype(s)` accepts for a plain type: an optional byte order
    /// (`<`, `>`, `|`, `=`), then a kind with a size (`f8`, `U5`, `M8[ns]`), a type
    /// character (`d`, `?`, `l`), or a name (`float64`, `bool`, `datetime64[s]`).
    ///
    /// # Errors
    /// `None` when NumPy would not understand the string (or it names a type this crate
    /// does not describe, such as `'i4,f8'`).
    #[must_use]
    pub fn parse(s: &str) -> Option<Self> {
        let (order, rest) = match s.as_bytes().first() {
            Some(b'<') => (Some(ByteOrder::Little), &s[1..]),
            Some(b'>') => (Some(ByteOrder::Big), &s[1..]),
            Some(b'|') => (Some(ByteOrder::NotApplicable), &s[1..]),
            Some(b'=') => (Some(ByteOrder::native()), &s[1..]),
            _ => (None, s),
        };
        let (body, unit) = match rest.find('[') {
            Some(i) if rest.ends_with(']') => (&rest[..i], Some(&rest[i + 1..rest.len() - 1])),
            Some(_) => return None,
            None => (rest, None),
        };
        let (kind, size) = kind_and_size(body)?;
        let unit = match (kind, unit) {
            ('M' | 'm', Some(u)) => {
                if !valid_unit(u) {
                    return None;
                }
                Some(u.to_string())
            }
            ('M' | 'm', None) => Some(String::new()),
            (_, Some(_)) => return None,
            (_, None) => None,
        };
        let one_byte = matches!(kind, 'b' | 'S' | 'V' | 'O') || (matches!(kind, 'i' | 'u') && size == 1);
        let order = if one_byte { ByteOrder::NotApplicable } else { order.unwrap_or(ByteOrder::native()) };
        // `|` on a multi-byte type means native order to NumPy.
        let order = if order == ByteOrder::NotApplicable && !one_byte { ByteOrder::native() } else { order };
        Some(TypeStr { order, kind, size, unit })
    }
}

fn valid_unit(u: &str) -> bool {
    let digits = u.bytes().take_while(u8::is_ascii_digit).count();
    if digits > 0 && u[..digits].parse::<u32>().map_or(true, |n| n == 0) {
        return false;
    }
    matches!(&u[digits..], "Y" | "M" | "W" | "D" | "h" | "m" | "s" | "ms" | "us" | "μs" | "ns" | "ps" | "fs" | "as")
        || u.is_empty()
}

/// Kind and size from the part after the byte order.
fn kind_and_size(body: &str) -> Option<(char, usize)> {
    let named = match body {
        "bool" | "bool_" | "?" => Some(('b', 1)),
        "int8" | "byte" | "b" => Some(('i', 1)),
        "uint8" | "ubyte" | "B" => Some(('u', 1)),
        "int16" | "short" | "h" => Some(('i', 2)),
        "uint16" | "ushort" | "H" => Some(('u', 2)),
        "int32" | "intc" | "i" => Some(('i', 4)),
        "uint32" | "uintc" | "I" => Some(('u', 4)),
        "int64" | "int" | "int_" | "intp" | "long" | "longlong" | "l" | "q" | "p" | "n" => Some(('i', 8)),
        "uint64" | "uint" | "uintp" | "ulong" | "ulonglong" | "L" | "Q" | "P" | "N" => Some(('u', 8)),
        "float16" | "half" | "e" => Some(('f', 2)),
        "float32" | "single" | "f" => Some(('f', 4)),
        "float64" | "float" | "double" | "d" => Some(('f', 8)),
        "longdouble" | "float128" | "g" => Some(('f', 16)),
        "complex64" | "csingle" | "F" => Some(('c', 8)),
        "complex128" | "complex" | "cdouble" | "D" => Some(('c', 16)),
        "clongdouble" | "complex256" | "G" => Some(('c', 32)),
        "object" | "O" => Some(('O', 8)),
        "bytes" | "bytes_" | "S" => Some(('S', 0)),
        "str" | "str_" | "U" => Some(('U', 0)),
        "void" | "V" => Some(('V', 0)),
        "datetime64" | "M" => Some(('M', 8)),
        "timedelta64" | "m" => Some(('m', 8)),
        _ => None,
    };
    if named.is_some() {
        return named;
    }
    let mut chars = body.chars();
    let kind = chars.next()?;
    let digits = chars.as_str();
    if digits.is_empty() || !digits.bytes().all(|c| c.is_ascii_digit()) || digits.len() > 18 {
        return None;
    }
    let size: usize = digits.parse().ok()?;
    let ok = match kind {
        'b' => size == 1,
        'i' | 'u' => matches!(size, 1 | 2 | 4 | 8),
        'f' => matches!(size, 2 | 4 | 8 | 16),
        'c' => matches!(size, 8 | 16 | 32),
        'M' | 'm' | 'O' => size == 8,
        'S' | 'U' | 'V' | 'a' => true,
        _ => false,
    };
    if !ok {
        return None;
    }
    if kind == 'b' {
        return Some(('b', 1));
    }
    // `a` was NumPy's old spelling of `S`.
    let kind = if kind == 'a' { 'S' } else { kind };
    Some((kind, size))
}

/// One field of a structured type.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Field {
    /// The field's name; empty for the padding NumPy writes for gaps between fields.
    pub name: String,
    /// The field's title, when the descr gave one (`(('title', 'name'), '<i4')`).
    pub title: Option<String>,
    /// The field's element type.
    pub descr: Descr,
    /// The field's sub-array shape (empty for a scalar field).
    pub shape: Vec<usize>,
}

impl Field {
    /// True for the unnamed void padding NumPy writes between fields.
    #[must_use]
    pub fn is_padding(&self) -> bool {
        self.name.is_empty() && matches!(&self.descr, Descr::Type(t) if t.kind == 'V')
    }
}

/// NumPy's description of an element type, as found in an `.npy` header.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Descr {
    /// A plain type string.
    Type(TypeStr),
    /// A structured type: fields in order, packed as NumPy lays out a descr list.
    Record(Vec<Field>),
    /// `(base, shape)`: a sub-array type.
    Subarray(Box<Descr>, Vec<usize>),
}

/// Deepest nesting of structured types followed.
const MAX_DEPTH: usize = 32;

impl Descr {
    /// The descr of a numeric element type in native byte order.
    #[must_use]
    pub fn of(d: DType) -> Self {
        Descr::Type(TypeStr::of(d, ByteOrder::native()))
    }

    /// Parses a type string (`'<f8'`).
    ///
    /// # Errors
    /// [`Error::BadDescr`] when NumPy would not understand it.
    pub fn parse_str(s: &str) -> Result<Self> {
        TypeStr::parse(s)
            .map(Descr::Type)
            .ok_or_else(|| Error::BadDescr { value: PyValue::Str(s.to_string()).to_string() })
    }

    /// Reads a descr from its Python literal (a string, a list of field tuples, or a
    /// `(base, shape)` tuple), as `numpy.lib.format.descr_to_dtype` does.
    ///
    /// # Errors
    /// [`Error::BadDescr`] naming the whole value when any part is not understood.
    pub fn from_py(v: &PyValue) -> Result<Self> {
        Self::from_py_depth(v, 0).ok_or_else(|| Error::BadDescr { value: v.to_string() })
    }

    fn from_py_depth(v: &PyValue, depth: usize) -> Option<Self> {
        if depth > MAX_DEPTH {
            return None;
        }
        match v {
            PyValue::Str(s) => TypeStr::parse(s).map(Descr::Type),
            PyValue::Tuple(items) if items.len() == 2 => {
                let base = Self::from_py_depth(&items[0], depth + 1)?;
                let shape = shape_of(&items[1])?;
                Some(Descr::Subarray(Box::new(base), shape))
            }
            PyValue::List(fields) => {
                let mut out = Vec::with_capacity(fields.len());
                for f in fields {
                    let PyValue::Tuple(parts) = f else { return None };
                    if parts.len() != 2 && parts.len() != 3 {
                        return None;
                    }
                    let (title, name) = match &parts[0] {
                        PyValue::Str(n) => (None, n.clone()),
                        PyValue::Tuple(tn) if tn.len() == 2 => match (&tn[0], &tn[1]) {
                            (PyValue::Str(t), PyValue::Str(n)) => (Some(t.clone()), n.clone()),
                            _ => return None,
                        },
                        _ => return None,
                    };
                    let descr = Self::from_py_depth(&parts[1], depth + 1)?;
                    let shape = if parts.len() == 3 { shape_of(&parts[2])? } else { Vec::new() };
                    let field = Field { name, title, descr, shape };
                    // Names must be unique, as NumPy requires (padding excepted).
                    if !field.is_padding() && !field.name.is_empty() && out.iter().any(|g: &Field| g.name == field.name)
                    {
                        return None;
                    }
                    out.push(field);
                }
                Some(Descr::Record(out))
            }
            _ => None,
        }
    }

    /// The Python literal NumPy writes for this descr (`dtype.str`, or `dtype.descr` for
    /// structured types).
    #[must_use]
    pub fn to_py(&self) -> PyValue {
        match self {
            Descr::Type(t) => PyValue::Str(t.to_str()),
            Descr::Subarray(base, shape) => PyValue::Tuple(vec![base.to_py(), shape_py(shape)]),
            Descr::Record(fields) => PyValue::List(
                fields
                    .iter()
                    .map(|f| {
                        let name = match &f.title {
                            Some(t) => PyValue::Tuple(vec![PyValue::Str(t.clone()), PyValue::Str(f.name.clone())]),
                            None => PyValue::Str(f.name.clone()),
                        };
                        let mut parts = vec![name, f.descr.to_py()];
                        if !f.shape.is_empty() {
                            parts.push(shape_py(&f.shape));
                        }
                        PyValue::Tuple(parts)
                    })
                    .collect(),
            ),
        }
    }

    /// Bytes per element, or `None` if it overflows.
    #[must_use]
    pub fn itemsize(&self) -> Option<usize> {
        match self {
            Descr::Type(t) => {
                if t.kind == 'U' {
                    t.size.checked_mul(4)
                } else {
                    Some(t.size)
                }
            }
            Descr::Subarray(base, shape) => base.itemsize()?.checked_mul(shape_product(shape)?),
            Descr::Record(fields) => {
                let mut n: usize = 0;
                for f in fields {
                    n = n.checked_add(f.descr.itemsize()?.checked_mul(shape_product(&f.shape)?)?)?;
                }
                Some(n)
            }
        }
    }

    /// True when the type holds Python objects anywhere (`dtype.hasobject`).
    #[must_use]
    pub fn has_object(&self) -> bool {
        match self {
            Descr::Type(t) => t.kind == 'O',
            Descr::Subarray(base, _) => base.has_object(),
            Descr::Record(fields) => fields.iter().any(|f| f.descr.has_object()),
        }
    }

    /// The plain type string, when this is one.
    #[must_use]
    pub fn as_type(&self) -> Option<&TypeStr> {
        match self {
            Descr::Type(t) => Some(t),
            _ => None,
        }
    }

    /// The numeric element type, when this is a plain numeric type string.
    #[must_use]
    pub fn numeric(&self) -> Option<DType> {
        self.as_type().and_then(TypeStr::numeric)
    }

    /// The same type with every byte order made native (`dtype.newbyteorder('=')`).
    #[must_use]
    pub fn to_native(&self) -> Self {
        match self {
            Descr::Type(t) => {
                let mut t = t.clone();
                if t.order != ByteOrder::NotApplicable {
                    t.order = ByteOrder::native();
                }
                Descr::Type(t)
            }
            Descr::Subarray(base, shape) => Descr::Subarray(Box::new(base.to_native()), shape.clone()),
            Descr::Record(fields) => {
                Descr::Record(fields.iter().map(|f| Field { descr: f.descr.to_native(), ..f.clone() }).collect())
            }
        }
    }

    /// Calls `f(offset, type)` for every plain value inside one element (fields and
    /// sub-array items expanded), in order.
    pub(crate) fn for_each_leaf(&self, base: usize, f: &mut impl FnMut(usize, &TypeStr)) {
        match self {
            Descr::Type(t) => f(base, t),
            Descr::Subarray(b, shape) => {
                let n = shape_product(shape).unwrap_or(0);
                let step = b.itemsize().unwrap_or(0);
                for i in 0..n {
                    b.for_each_leaf(base + i * step, f);
                }
            }
            Descr::Record(fields) => {
                let mut off = base;
                for fld in fields {
                    let step = fld.descr.itemsize().unwrap_or(0);
                    let n = shape_product(&fld.shape).unwrap_or(0);
                    for i in 0..n {
                        fld.descr.for_each_leaf(off + i * step, f);
                    }
                    off += step * n;
                }
            }
        }
    }
}

impl std::fmt::Display for Descr {
    /// The descr as NumPy writes it in a header.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}", self.to_py())
    }
}

/// The product of a shape, or `None` on overflow.
pub(crate) fn shape_product(shape: &[usize]) -> Option<usize> {
    shape.iter().try_fold(1usize, |acc, &d| acc.checked_mul(d))
}

fn shape_of(v: &PyValue) -> Option<Vec<usize>> {
    match v {
        PyValue::Int(n) => Some(vec![usize::try_from(*n).ok()?]),
        PyValue::Tuple(items) => items
            .iter()
            .map(|x| match x {
                PyValue::Int(n) => usize::try_from(*n).ok(),
                _ => None,
            })
            .collect(),
        _ => None,
    }
}

/// A shape as a Python tuple of ints.
pub(crate) fn shape_py(shape: &[usize]) -> PyValue {
    PyValue::Tuple(shape.iter().map(|&d| PyValue::Int(d as i128)).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn type_strings() {
        let t = TypeStr::parse("<f8").unwrap();
        assert_eq!((t.kind, t.size, t.order), ('f', 8, ByteOrder::Little));
        assert_eq!(TypeStr::parse(">i1").unwrap().to_str(), "|i1");
        assert_eq!(TypeStr::parse("<U5").unwrap().itemsize(), 20);
        assert_eq!(TypeStr::parse("<M8[ns]").unwrap().to_str(), "<M8[ns]");
        assert_eq!(TypeStr::parse("M8").unwrap().to_str(), "<M8");
        assert_eq!(TypeStr::parse("float64").unwrap().to_str(), "<f8");
        assert_eq!(TypeStr::parse("?").unwrap().to_str(), "|b1");
        assert!(TypeStr::parse("<f3").is_none());
        assert!(TypeStr::parse("<M8[xx]").is_none());
        assert!(TypeStr::parse("").is_none());
        assert_eq!(TypeStr::parse("<c16").unwrap().numeric(), Some(DType::Complex128));
    }

    #[test]
    fn structured() {
        let v = crate::pylit::parse("[('x', '<i4'), ('', '|V4'), ('y', '>f8', (2, 3))]", false).unwrap();
        let d = Descr::from_py(&v).unwrap();
        assert_eq!(d.itemsize(), Some(4 + 4 + 48));
        assert_eq!(d.to_string(), "[('x', '<i4'), ('', '|V4'), ('y', '>f8', (2, 3))]");
        let v = crate::pylit::parse("[('x', '<i4'), ('x', '<i4')]", false).unwrap();
        assert!(Descr::from_py(&v).is_err());
    }
}
