//! [`Descr`]: a full NumPy dtype (byte order, strings, datetimes, records, sub-arrays).

use std::fmt;
use std::sync::Arc;

use super::DType;
use super::pyfmt::py_str_repr;
use crate::error::{Error, Result};

/// The byte order of a dtype, as `dtype.byteorder` reports it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ByteOrder {
    /// Least significant byte first (`<`).
    Little,
    /// Most significant byte first (`>`).
    Big,
    /// No byte order applies (`|`): single bytes, byte strings, voids, records.
    NotApplicable,
}

impl ByteOrder {
    /// The byte order of this machine.
    pub const NATIVE: ByteOrder = if cfg!(target_endian = "big") { ByteOrder::Big } else { ByteOrder::Little };

    /// The character used in `dtype.str`: `<`, `>` or `|`.
    #[must_use]
    pub const fn str_char(self) -> char {
        match self {
            ByteOrder::Little => '<',
            ByteOrder::Big => '>',
            ByteOrder::NotApplicable => '|',
        }
    }
}

/// The unit of a `datetime64` / `timedelta64` dtype, in NumPy's order (coarsest first).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum TimeUnit {
    /// `Y`
    Year,
    /// `M`
    Month,
    /// `W`
    Week,
    /// `D`
    Day,
    /// `h`
    Hour,
    /// `m`
    Minute,
    /// `s`
    Second,
    /// `ms`
    Millisecond,
    /// `us`
    Microsecond,
    /// `ns`
    Nanosecond,
    /// `ps`
    Picosecond,
    /// `fs`
    Femtosecond,
    /// `as`
    Attosecond,
    /// No unit yet (`datetime64` without brackets).
    Generic,
}

impl TimeUnit {
    /// The unit's code: `Y`, `ms`, `generic` …
    #[must_use]
    pub const fn code(self) -> &'static str {
        match self {
            TimeUnit::Year => "Y",
            TimeUnit::Month => "M",
            TimeUnit::Week => "W",
            TimeUnit::Day => "D",
            TimeUnit::Hour => "h",
            TimeUnit::Minute => "m",
            TimeUnit::Second => "s",
            TimeUnit::Millisecond => "ms",
            TimeUnit::Microsecond => "us",
            TimeUnit::Nanosecond => "ns",
            TimeUnit::Picosecond => "ps",
            TimeUnit::Femtosecond => "fs",
            TimeUnit::Attosecond => "as",
            TimeUnit::Generic => "generic",
        }
    }

    /// Parses a unit code (`"ns"`, `"D"`, `"μs"`, `"generic"`).
    #[must_use]
    pub fn from_code(s: &str) -> Option<TimeUnit> {
        Some(match s {
            "Y" => TimeUnit::Year,
            "M" => TimeUnit::Month,
            "W" => TimeUnit::Week,
            "D" => TimeUnit::Day,
            "h" => TimeUnit::Hour,
            "m" => TimeUnit::Minute,
            "s" => TimeUnit::Second,
            "ms" => TimeUnit::Millisecond,
            "us" | "\u{3bc}s" => TimeUnit::Microsecond,
            "ns" => TimeUnit::Nanosecond,
            "ps" => TimeUnit::Picosecond,
            "fs" => TimeUnit::Femtosecond,
            "as" => TimeUnit::Attosecond,
            "generic" => TimeUnit::Generic,
            _ => return None,
        })
    }

    /// How many of the next finer unit make one of this unit (NumPy's factor table; the
    /// calendar units and the removed business-day slot count as 1).
    #[must_use]
    pub const fn step_factor(self) -> u64 {
        match self {
            TimeUnit::Year | TimeUnit::Month | TimeUnit::Attosecond | TimeUnit::Generic => 1,
            TimeUnit::Week => 7,
            TimeUnit::Day => 24,
            TimeUnit::Hour | TimeUnit::Minute => 60,
            _ => 1000,
        }
    }
}

/// A datetime unit with its multiplier: `[ns]`, `[10ms]`, or generic.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct DateTimeUnit {
    /// The base unit.
    pub unit: TimeUnit,
    /// The multiplier (`10` in `[10ms]`), at least 1.
    pub num: u32,
}

impl DateTimeUnit {
    /// A unit with multiplier one.
    #[must_use]
    pub const fn new(unit: TimeUnit) -> Self {
        DateTimeUnit { unit, num: 1 }
    }

    /// The bracketed form: `[ns]`, `[10ms]`, or empty for generic.
    #[must_use]
    pub fn brackets(&self) -> String {
        match (self.unit, self.num) {
            (TimeUnit::Generic, _) => String::new(),
            (u, 1) => format!("[{}]", u.code()),
            (u, n) => format!("[{n}{}]", u.code()),
        }
    }
}

/// One named field of a record dtype.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Field {
    /// The field's name.
    pub name: String,
    /// The field's dtype (may itself be a record or a sub-array).
    pub descr: Descr,
    /// Byte offset inside the record.
    pub offset: usize,
    /// The field's title, a second name it can be looked up by (NumPy's
    /// `[(('title', 'name'), '<i4')]`); `None` for most fields.
    pub title: Option<String>,
}

impl Field {
    /// A field without a title.
    #[must_use]
    pub fn new(name: impl Into<String>, descr: Descr, offset: usize) -> Self {
        Field { name: name.into(), descr, offset, title: None }
    }

    /// The field's name as `dtype.descr` and `repr(dtype)` spell it: `'name'`, or
    /// `('title', 'name')` for a titled field.
    fn repr_name(&self) -> String {
        match &self.title {
            Some(t) => format!("({}, {})", py_str_repr(t), py_str_repr(&self.name)),
            None => py_str_repr(&self.name),
        }
    }
}

/// The largest offset or item size a dtype can have: NumPy stores them in C `int`s.
pub(crate) const C_INT_MAX: usize = i32::MAX as usize;

/// NumPy's error for an offset or item size beyond a C `int`.
pub(crate) fn c_int_overflow() -> Error {
    Error::CIntOverflow
}

/// The layout of a record (structured) dtype.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Record {
    pub(crate) fields: Vec<Field>,
    pub(crate) itemsize: usize,
    pub(crate) aligned: bool,
}

impl Record {
    /// The fields in order.
    #[must_use]
    pub fn fields(&self) -> &[Field] {
        &self.fields
    }

    /// The field names in order (`dtype.names`).
    #[must_use]
    pub fn names(&self) -> Vec<&str> {
        self.fields.iter().map(|f| f.name.as_str()).collect()
    }

    /// The field called `name`, or titled `name` (NumPy looks fields up by either).
    #[must_use]
    pub fn field(&self, name: &str) -> Option<&Field> {
        self.fields
            .iter()
            .find(|f| f.name == name)
            .or_else(|| self.fields.iter().find(|f| f.title.as_deref() == Some(name)))
    }

    /// True when any field has a title.
    #[must_use]
    pub fn has_titles(&self) -> bool {
        self.fields.iter().any(|f| f.title.is_some())
    }

    /// Bytes per record.
    #[must_use]
    pub fn itemsize(&self) -> usize {
        self.itemsize
    }

    /// True when the fields are laid out as a C struct (`align=True`).
    #[must_use]
    pub fn is_aligned(&self) -> bool {
        self.aligned
    }
}

/// A sub-array dtype: a fixed-shape block of a base dtype (`('<f8', (3,))`).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct SubArray {
    /// The element dtype.
    pub base: Descr,
    /// The block's shape.
    pub shape: Vec<usize>,
}

/// What a [`Descr`] describes.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum DescrKind {
    /// One of the numeric element types of typed arrays.
    Numeric(DType),
    /// `bfloat16` (an extension: 1 sign, 8 exponent and 7 mantissa bits).
    BFloat16,
    /// `U<n>`: `n` code points stored as UCS4.
    Unicode(usize),
    /// `S<n>`: `n` bytes.
    Bytes(usize),
    /// `V<n>`: `n` raw bytes.
    Void(usize),
    /// `datetime64[unit]`
    DateTime(DateTimeUnit),
    /// `timedelta64[unit]`
    TimeDelta(DateTimeUnit),
    /// A record with named fields.
    Record(Arc<Record>),
    /// A fixed-shape block of a base dtype.
    SubArray(Arc<SubArray>),
}

/// A full NumPy dtype: what the bytes of one element mean (`numpy.dtype`).
///
/// [`DType`] names the numeric element types of typed arrays; `Descr` adds byte order,
/// `bfloat16`, fixed-width strings (`U<n>`, `S<n>`), raw bytes (`V<n>`), datetimes and
/// records. It parses and prints NumPy's spellings:
///
/// ```
/// use nprs_core::Descr;
/// let d: Descr = ">i4".parse().unwrap();
/// assert_eq!(d.str(), ">i4");
/// assert_eq!(d.name(), "int32");
/// assert_eq!(d.to_string(), ">i4");
/// let r = Descr::parse("[('name', '<U10'), ('age', '<i4'), ('scores', '<f8', (3,))]").unwrap();
/// assert_eq!(r.itemsize(), 68);
/// assert_eq!(format!("{r:?}"), "dtype([('name', '<U10'), ('age', '<i4'), ('scores', '<f8', (3,))])");
/// ```
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct Descr {
    kind: DescrKind,
    order: ByteOrder,
}

impl From<DType> for Descr {
    fn from(d: DType) -> Self {
        Descr::with_order(DescrKind::Numeric(d), ByteOrder::NATIVE)
    }
}

impl Descr {
    /// A dtype of `kind` with the given byte order (normalised to
    /// [`ByteOrder::NotApplicable`] where no byte order applies).
    #[must_use]
    pub fn with_order(kind: DescrKind, order: ByteOrder) -> Self {
        let has_order = match &kind {
            DescrKind::Numeric(d) => d.itemsize() > 1,
            DescrKind::BFloat16 | DescrKind::Unicode(_) | DescrKind::DateTime(_) | DescrKind::TimeDelta(_) => true,
            DescrKind::Bytes(_) | DescrKind::Void(_) | DescrKind::Record(_) | DescrKind::SubArray(_) => false,
        };
        let order = match (has_order, order) {
            (false, _) => ByteOrder::NotApplicable,
            (true, ByteOrder::NotApplicable) => ByteOrder::NATIVE,
            (true, o) => o,
        };
        Descr { kind, order }
    }

    /// A native-order dtype of `kind`.
    #[must_use]
    pub fn new(kind: DescrKind) -> Self {
        Descr::with_order(kind, ByteOrder::NATIVE)
    }

    /// `U<n>`: unicode strings of up to `n` code points.
    #[must_use]
    pub fn unicode(n: usize) -> Self {
        Descr::new(DescrKind::Unicode(n))
    }

    /// `S<n>`: byte strings of up to `n` bytes.
    #[must_use]
    pub fn bytes(n: usize) -> Self {
        Descr::new(DescrKind::Bytes(n))
    }

    /// `V<n>`: `n` raw bytes.
    #[must_use]
    pub fn void(n: usize) -> Self {
        Descr::new(DescrKind::Void(n))
    }

    /// `bfloat16` (extension).
    #[must_use]
    pub fn bfloat16() -> Self {
        Descr::new(DescrKind::BFloat16)
    }

    /// `datetime64[unit]`.
    #[must_use]
    pub fn datetime(unit: TimeUnit, num: u32) -> Self {
        Descr::new(DescrKind::DateTime(DateTimeUnit { unit, num: num.max(1) }))
    }

    /// `timedelta64[unit]`.
    #[must_use]
    pub fn timedelta(unit: TimeUnit, num: u32) -> Self {
        Descr::new(DescrKind::TimeDelta(DateTimeUnit { unit, num: num.max(1) }))
    }

    /// A sub-array dtype `(base, shape)`, as used for fields such as `('scores', '<f8', (3,))`.
    ///
    /// # Errors
    /// NumPy's limits: every dimension and the whole size in bytes must fit a C `int`; a
    /// base of no bytes other than a record (`'S0'`, `'V0'`, a sub-array with a zero in
    /// its shape) is refused, as NumPy does ("invalid itemsize in generic type tuple").
    pub fn subarray(base: Descr, shape: &[usize]) -> Result<Self> {
        if base.itemsize() == 0 && base.record_layout_of().is_none() {
            return Err(super::parse::unsized_subarray());
        }
        if shape.iter().any(|&d| d > i32::MAX as usize) {
            return Err(Error::SubarrayDimension);
        }
        let bytes = shape.iter().try_fold(base.itemsize(), |acc, &d| acc.checked_mul(d));
        if bytes.is_none_or(|b| b > i32::MAX as usize) {
            return Err(Error::SubarraySize);
        }
        Ok(Descr::with_order(
            DescrKind::SubArray(Arc::new(SubArray { base, shape: shape.to_vec() })),
            ByteOrder::NotApplicable,
        ))
    }

    /// A packed record dtype from `(name, dtype)` pairs: fields follow each other without
    /// padding, as `numpy.dtype([(name, dtype), …])`.
    ///
    /// # Errors
    /// A repeated field name ("field 'x' occurs more than once"); a record of more than
    /// `i32::MAX` bytes ("integer won't fit into a C int").
    pub fn record<N: AsRef<str>>(fields: impl IntoIterator<Item = (N, Descr)>) -> Result<Self> {
        Self::record_layout(fields, false)
    }

    /// A record dtype laid out as a C struct (`numpy.dtype([...], align=True)`): each field
    /// at a multiple of its alignment, the record padded to a multiple of the largest one.
    ///
    /// # Errors
    /// A repeated field name; a record of more than `i32::MAX` bytes.
    pub fn record_aligned<N: AsRef<str>>(fields: impl IntoIterator<Item = (N, Descr)>) -> Result<Self> {
        Self::record_layout(fields, true)
    }

    fn record_layout<N: AsRef<str>>(fields: impl IntoIterator<Item = (N, Descr)>, align: bool) -> Result<Self> {
        let mut out: Vec<Field> = Vec::new();
        let mut off = 0usize;
        let mut max_align = 1usize;
        for (name, descr) in fields {
            let a = if align { descr.alignment() } else { 1 };
            max_align = max_align.max(a);
            off = off.next_multiple_of(a);
            out.push(Field::new(name.as_ref(), descr.clone(), off));
            off = off.checked_add(descr.itemsize()).ok_or_else(c_int_overflow)?;
        }
        let itemsize = if align { off.next_multiple_of(max_align) } else { off };
        Self::record_from_fields(out, itemsize, align)
    }

    /// A record dtype with explicit offsets and item size (NumPy's dict form
    /// `{'names': …, 'formats': …, 'offsets': …, 'itemsize': …}`).
    ///
    /// # Errors
    /// Repeated names, a field that does not fit the item size, an offset or item size
    /// beyond `i32::MAX` ("integer won't fit into a C int", as NumPy).
    pub fn record_with_offsets(fields: Vec<Field>, itemsize: usize) -> Result<Self> {
        Self::record_from_fields(fields, itemsize, false)
    }

    fn record_from_fields(fields: Vec<Field>, itemsize: usize, aligned: bool) -> Result<Self> {
        // NumPy keeps offsets and item sizes in C `int`s.
        if itemsize > C_INT_MAX || fields.iter().any(|f| f.offset > C_INT_MAX) {
            return Err(c_int_overflow());
        }
        for (i, f) in fields.iter().enumerate() {
            if fields[..i].iter().any(|g| g.name == f.name) {
                return Err(Error::DuplicateField { name: f.name.clone() });
            }
            if let Some(t) = &f.title
                && (*t == f.name || fields[..i].iter().any(|g| g.name == *t || g.title.as_ref() == Some(t)))
            {
                return Err(Error::TitleReused);
            }
            if fields[..i].iter().any(|g| g.title.as_ref() == Some(&f.name)) {
                return Err(Error::TitleReused);
            }
            if f.offset.checked_add(f.descr.itemsize()).is_none_or(|end| end > itemsize) {
                return Err(Error::FieldOutsideItem {
                    name: f.name.clone(),
                    offset: f.offset,
                    size: f.descr.itemsize(),
                    itemsize,
                });
            }
        }
        Ok(Descr::with_order(
            DescrKind::Record(Arc::new(Record { fields, itemsize, aligned })),
            ByteOrder::NotApplicable,
        ))
    }

    /// What this dtype describes.
    #[must_use]
    pub fn kind_of(&self) -> &DescrKind {
        &self.kind
    }

    /// The byte order (`|` for types where it does not apply).
    #[must_use]
    pub fn byte_order(&self) -> ByteOrder {
        self.order
    }

    /// NumPy's `dtype.byteorder`: `=` (native), `<`, `>` or `|`.
    #[must_use]
    pub fn byteorder(&self) -> char {
        match self.order {
            ByteOrder::NotApplicable => '|',
            o if o == ByteOrder::NATIVE => '=',
            o => o.str_char(),
        }
    }

    /// True when the bytes are in this machine's order (or order does not apply).
    #[must_use]
    pub fn is_native(&self) -> bool {
        self.order != ByteOrder::opposite_native() && self.fields_native()
    }

    fn fields_native(&self) -> bool {
        match &self.kind {
            DescrKind::Record(r) => r.fields.iter().all(|f| f.descr.is_native()),
            DescrKind::SubArray(s) => s.base.is_native(),
            _ => true,
        }
    }

    /// The same dtype with the given byte order (`dtype.newbyteorder`), applied to every
    /// field of a record.
    #[must_use]
    pub fn with_byte_order(&self, order: ByteOrder) -> Descr {
        match &self.kind {
            DescrKind::Record(r) => {
                let fields =
                    r.fields.iter().map(|f| Field { descr: f.descr.with_byte_order(order), ..f.clone() }).collect();
                Descr::with_order(
                    DescrKind::Record(Arc::new(Record { fields, itemsize: r.itemsize, aligned: r.aligned })),
                    order,
                )
            }
            DescrKind::SubArray(s) => Descr::with_order(
                DescrKind::SubArray(Arc::new(SubArray { base: s.base.with_byte_order(order), shape: s.shape.clone() })),
                ByteOrder::NotApplicable,
            ),
            k => Descr::with_order(k.clone(), order),
        }
    }

    /// The same dtype in native byte order.
    #[must_use]
    pub fn to_native(&self) -> Descr {
        if self.is_native() { self.clone() } else { self.with_byte_order(ByteOrder::NATIVE) }
    }

    /// The numeric element type, when this is one (in any byte order).
    #[must_use]
    pub fn numeric(&self) -> Option<DType> {
        match self.kind {
            DescrKind::Numeric(d) => Some(d),
            _ => None,
        }
    }

    /// The record layout, when this is a record dtype.
    #[must_use]
    pub fn record_layout_of(&self) -> Option<&Record> {
        match &self.kind {
            DescrKind::Record(r) => Some(r),
            _ => None,
        }
    }

    /// The field names of a record dtype (`dtype.names`), `None` otherwise.
    #[must_use]
    pub fn names(&self) -> Option<Vec<&str>> {
        self.record_layout_of().map(Record::names)
    }

    /// The sub-array part, when this is a sub-array dtype (`dtype.subdtype`).
    #[must_use]
    pub fn subdtype(&self) -> Option<&SubArray> {
        match &self.kind {
            DescrKind::SubArray(s) => Some(s),
            _ => None,
        }
    }

    /// The element dtype of a sub-array, else the dtype itself (`dtype.base`).
    #[must_use]
    pub fn base(&self) -> &Descr {
        match &self.kind {
            DescrKind::SubArray(s) => &s.base,
            _ => self,
        }
    }

    /// The shape of a sub-array dtype, else `()` (`dtype.shape`).
    #[must_use]
    pub fn shape(&self) -> &[usize] {
        match &self.kind {
            DescrKind::SubArray(s) => &s.shape,
            _ => &[],
        }
    }

    /// Bytes per element (`dtype.itemsize`).
    #[must_use]
    pub fn itemsize(&self) -> usize {
        match &self.kind {
            DescrKind::Numeric(d) => d.itemsize(),
            DescrKind::BFloat16 => 2,
            DescrKind::Unicode(n) => 4 * n,
            DescrKind::Bytes(n) | DescrKind::Void(n) => *n,
            DescrKind::DateTime(_) | DescrKind::TimeDelta(_) => 8,
            DescrKind::Record(r) => r.itemsize,
            DescrKind::SubArray(s) => s.base.itemsize() * s.shape.iter().product::<usize>(),
        }
    }

    /// The required alignment in bytes (`dtype.alignment`).
    #[must_use]
    pub fn alignment(&self) -> usize {
        match &self.kind {
            DescrKind::Numeric(DType::Complex64) => 4,
            DescrKind::Numeric(DType::Complex128) => 8,
            DescrKind::Numeric(d) => d.itemsize(),
            DescrKind::BFloat16 => 2,
            DescrKind::Unicode(_) => 4,
            DescrKind::Bytes(_) | DescrKind::Void(_) => 1,
            DescrKind::DateTime(_) | DescrKind::TimeDelta(_) => 8,
            DescrKind::Record(r) => {
                if r.aligned {
                    r.fields.iter().map(|f| f.descr.alignment()).max().unwrap_or(1)
                } else {
                    1
                }
            }
            DescrKind::SubArray(s) => s.base.alignment(),
        }
    }

    /// NumPy's kind character (`dtype.kind`): `b i u f c U S V M m`.
    #[must_use]
    pub fn kind(&self) -> char {
        match &self.kind {
            DescrKind::Numeric(d) => d.kind(),
            DescrKind::Unicode(_) => 'U',
            DescrKind::Bytes(_) => 'S',
            DescrKind::BFloat16 | DescrKind::Void(_) | DescrKind::Record(_) | DescrKind::SubArray(_) => 'V',
            DescrKind::DateTime(_) => 'M',
            DescrKind::TimeDelta(_) => 'm',
        }
    }

    /// NumPy's type character (`dtype.char`).
    #[must_use]
    pub fn char(&self) -> char {
        match &self.kind {
            DescrKind::Numeric(d) => d.char(),
            DescrKind::BFloat16 => 'E',
            DescrKind::Unicode(_) => 'U',
            DescrKind::Bytes(_) => 'S',
            DescrKind::Void(_) | DescrKind::Record(_) | DescrKind::SubArray(_) => 'V',
            DescrKind::DateTime(_) => 'M',
            DescrKind::TimeDelta(_) => 'm',
        }
    }

    /// The datetime unit of a `datetime64`/`timedelta64` dtype.
    #[must_use]
    pub fn datetime_unit(&self) -> Option<DateTimeUnit> {
        match self.kind {
            DescrKind::DateTime(u) | DescrKind::TimeDelta(u) => Some(u),
            _ => None,
        }
    }

    /// The array-protocol string (`dtype.str`): `<f8`, `>i4`, `|b1`, `<U5`, `|S3`,
    /// `<M8[ns]`, `|V68` for records.
    #[must_use]
    pub fn str(&self) -> String {
        let o = self.order.str_char();
        match &self.kind {
            DescrKind::Numeric(DType::Bool) => "|b1".to_string(),
            DescrKind::Numeric(d) => format!("{o}{}{}", d.kind(), d.itemsize()),
            DescrKind::Unicode(n) => format!("{o}U{n}"),
            DescrKind::DateTime(u) => format!("{o}M8{}", u.brackets()),
            DescrKind::TimeDelta(u) => format!("{o}m8{}", u.brackets()),
            DescrKind::Bytes(n) => format!("|S{n}"),
            DescrKind::BFloat16 => format!("{o}V2"),
            _ => format!("|V{}", self.itemsize()),
        }
    }

    /// NumPy's name (`dtype.name`): `float64`, `str160`, `bytes24`, `datetime64[ns]`,
    /// `void544` …
    #[must_use]
    pub fn name(&self) -> String {
        let bits = |n: usize| if n == 0 { String::new() } else { (8 * n).to_string() };
        match &self.kind {
            DescrKind::Numeric(d) => d.name().to_string(),
            DescrKind::BFloat16 => "bfloat16".to_string(),
            DescrKind::Unicode(_) => format!("str{}", bits(self.itemsize())),
            DescrKind::Bytes(n) => format!("bytes{}", bits(*n)),
            DescrKind::DateTime(u) => format!("datetime64{}", u.brackets()),
            DescrKind::TimeDelta(u) => format!("timedelta64{}", u.brackets()),
            _ => format!("void{}", bits(self.itemsize())),
        }
    }

    /// True for bool and the integer dtypes.
    #[must_use]
    pub fn is_integer(&self) -> bool {
        matches!(self.kind(), 'i' | 'u')
    }

    /// True for `U` and `S` dtypes.
    #[must_use]
    pub fn is_string(&self) -> bool {
        matches!(self.kind, DescrKind::Unicode(_) | DescrKind::Bytes(_))
    }

    /// True for numeric dtypes and `bfloat16`.
    #[must_use]
    pub fn is_numeric(&self) -> bool {
        matches!(self.kind, DescrKind::Numeric(_) | DescrKind::BFloat16)
    }

    /// True when any part of the dtype is a record or sub-array (NumPy's `hasobject`-free
    /// analogue of `dtype.fields is not None or dtype.subdtype is not None`).
    #[must_use]
    pub fn is_compound(&self) -> bool {
        matches!(self.kind, DescrKind::Record(_) | DescrKind::SubArray(_))
    }

    /// The form NumPy writes in `.npy` headers (`numpy.lib.format.dtype_to_descr`): the
    /// quoted `str` for simple dtypes (`'<f8'`), the `descr` list for records.
    ///
    /// # Errors
    /// For records whose fields overlap or are out of order, which `dtype.descr` cannot show.
    pub fn npy_descr(&self) -> Result<String> {
        match &self.kind {
            DescrKind::Record(_) => self.descr_list(),
            _ => Ok(format!("'{}'", self.str())),
        }
    }

    fn descr_item(&self) -> Result<String> {
        match &self.kind {
            DescrKind::Record(_) => self.descr_list(),
            DescrKind::SubArray(s) => Ok(format!("({}, {})", s.base.descr_item()?, shape_tuple(&s.shape))),
            _ => Ok(format!("'{}'", self.str())),
        }
    }

    /// `dtype.descr` as NumPy prints it: `[('name', '<U10'), ('', '|V4'), …]`.
    ///
    /// # Errors
    /// Overlapping or out-of-order fields, with NumPy's message.
    pub fn descr_list(&self) -> Result<String> {
        let Some(r) = self.record_layout_of() else {
            return Ok(format!("[('', {})]", self.descr_item()?));
        };
        let mut parts = Vec::new();
        let mut off = 0usize;
        for f in &r.fields {
            if f.offset > off {
                parts.push(format!("('', '|V{}')", f.offset - off));
                off = f.offset;
            } else if f.offset < off {
                return Err(Error::DescrOverlapping);
            }
            let name = f.repr_name();
            parts.push(match &f.descr.kind {
                DescrKind::SubArray(s) => format!("({name}, {}, {})", s.base.descr_item()?, shape_tuple(&s.shape)),
                _ => format!("({name}, {})", f.descr.descr_item()?),
            });
            off += f.descr.itemsize();
        }
        if r.itemsize > off {
            parts.push(format!("('', '|V{}')", r.itemsize - off));
        }
        Ok(format!("[{}]", parts.join(", ")))
    }

    /// NumPy's `_construction_repr`: how the dtype is spelled when it is rebuilt
    /// (`short` gives `'?'`, `'i1'`, `'<i4'` instead of `'bool'`, `'int8'`, `'int32'`).
    fn construction_repr(&self, short: bool, include_align: bool) -> String {
        let o = match self.order {
            ByteOrder::NotApplicable => String::new(),
            o => o.str_char().to_string(),
        };
        match &self.kind {
            DescrKind::Record(r) => record_str(r, include_align),
            DescrKind::SubArray(s) => format!("({}, {})", s.base.construction_repr(true, false), shape_tuple(&s.shape)),
            DescrKind::Numeric(DType::Bool) => if short { "'?'" } else { "'bool'" }.to_string(),
            DescrKind::Bytes(0) => "'S'".to_string(),
            DescrKind::Bytes(n) => format!("'S{n}'"),
            DescrKind::Unicode(0) => format!("'{o}U'"),
            DescrKind::Unicode(n) => format!("'{o}U{n}'"),
            DescrKind::Void(0) => "'V'".to_string(),
            DescrKind::Void(n) => format!("'V{n}'"),
            DescrKind::DateTime(u) => format!("'{o}M8{}'", u.brackets()),
            DescrKind::TimeDelta(u) => format!("'{o}m8{}'", u.brackets()),
            DescrKind::BFloat16 => "'bfloat16'".to_string(),
            DescrKind::Numeric(d) => {
                if short || self.order == ByteOrder::opposite_native() {
                    format!("'{o}{}{}'", d.kind(), d.itemsize())
                } else {
                    format!("'{}'", d.name())
                }
            }
        }
    }

    /// The `str(dtype)` form.
    fn str_form(&self) -> String {
        match &self.kind {
            DescrKind::Record(r) => record_str(r, true),
            DescrKind::SubArray(_) => self.construction_repr(false, false),
            DescrKind::Unicode(_) | DescrKind::Bytes(_) | DescrKind::Void(_) => self.str(),
            _ if !self.is_native() => self.str(),
            _ => self.name(),
        }
    }
}

impl ByteOrder {
    pub(crate) const fn opposite_native() -> ByteOrder {
        match ByteOrder::NATIVE {
            ByteOrder::Little => ByteOrder::Big,
            _ => ByteOrder::Little,
        }
    }
}

pub(crate) fn shape_tuple(shape: &[usize]) -> String {
    match shape {
        [n] => format!("({n},)"),
        _ => format!("({})", shape.iter().map(ToString::to_string).collect::<Vec<_>>().join(", ")),
    }
}

fn field_tuple(f: &Field) -> String {
    let name = f.repr_name();
    match &f.descr.kind {
        DescrKind::SubArray(s) => {
            format!("({name}, {}, {})", s.base.construction_repr(true, false), shape_tuple(&s.shape))
        }
        _ => format!("({name}, {})", f.descr.construction_repr(true, false)),
    }
}

/// NumPy's `_is_packed`: fields in order, each where a (possibly aligned) C layout puts it.
fn is_packed(r: &Record) -> bool {
    let mut total = 0usize;
    let mut max_align = 1usize;
    for f in &r.fields {
        if r.aligned {
            let a = f.descr.alignment();
            total = total.next_multiple_of(a);
            max_align = max_align.max(a);
        }
        if f.offset != total {
            return false;
        }
        total += f.descr.itemsize();
    }
    if r.aligned {
        total = total.next_multiple_of(max_align);
    }
    total == r.itemsize
}

fn record_str(r: &Record, include_align: bool) -> String {
    if !(include_align && r.aligned) && is_packed(r) {
        let parts: Vec<String> = r.fields.iter().map(field_tuple).collect();
        return format!("[{}]", parts.join(", "));
    }
    let names: Vec<String> = r.fields.iter().map(|f| py_str_repr(&f.name)).collect();
    let formats: Vec<String> = r.fields.iter().map(|f| f.descr.construction_repr(true, false)).collect();
    let offsets: Vec<String> = r.fields.iter().map(|f| f.offset.to_string()).collect();
    let mut s = format!(
        "{{'names': [{}], 'formats': [{}], 'offsets': [{}], ",
        names.join(", "),
        formats.join(", "),
        offsets.join(", "),
    );
    if r.has_titles() {
        let titles: Vec<String> =
            r.fields.iter().map(|f| f.title.as_deref().map_or_else(|| "None".to_string(), py_str_repr)).collect();
        s.push_str(&format!("'titles': [{}], ", titles.join(", ")));
    }
    s.push_str(&format!("'itemsize': {}", r.itemsize));
    if include_align && r.aligned {
        s.push_str(", 'aligned': True");
    }
    s.push('}');
    s
}

impl fmt::Display for Descr {
    /// `str(dtype)`: `float64`, `>i4`, `<U5`, `|S3`, `datetime64[ns]`, or the field list.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.str_form())
    }
}

impl fmt::Debug for Descr {
    /// `repr(dtype)`: `dtype('float64')`, `dtype('S3')`, `dtype([('a', '<i4')])`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "dtype({}", self.construction_repr(false, false))?;
        if self.record_layout_of().is_some_and(Record::is_aligned) {
            f.write_str(", align=True")?;
        }
        f.write_str(")")
    }
}

impl PartialEq<DType> for Descr {
    fn eq(&self, other: &DType) -> bool {
        self.kind == DescrKind::Numeric(*other) && self.is_native()
    }
}

impl std::str::FromStr for Descr {
    type Err = Error;
    fn from_str(s: &str) -> Result<Self> {
        Descr::parse(s)
    }
}
