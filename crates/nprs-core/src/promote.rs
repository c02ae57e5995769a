//! Type promotion and casting rules: [`promote_types`], [`result_type`] under NEP 50,
//! [`can_cast`] with the five casting modes, [`min_scalar_type`] and [`common_type`].
//!
//! Rust scalars passed to dynamic operations behave as NumPy 2 treats Python scalars
//! ("weak"): they take the array's type when their kind allows (`float32 + 2.5` stays
//! `float32`, `int8 + 1` stays `int8`), and an integer that does not fit raises NumPy's
//! `OverflowError` ("Python integer 1000 out of bounds for int8").

use std::fmt;

use crate::dtype::{DType, DateTimeUnit, Descr, DescrKind, Field, TimeUnit};
use crate::error::{Error, Result};
use crate::scalar::Scalar;

/// NumPy's casting modes (`casting=` of `astype`, `can_cast`, ufuncs).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub enum Casting {
    /// `'no'`: only identical dtypes.
    No,
    /// `'equiv'`: identical up to byte order.
    Equiv,
    /// `'safe'`: only casts that keep every value.
    Safe,
    /// `'same_kind'`: safe casts and casts within a kind (`float64` → `float32`).
    SameKind,
    /// `'unsafe'`: any conversion.
    #[default]
    Unsafe,
}

impl Casting {
    /// NumPy's name of the mode: `'no'`, `'equiv'`, `'safe'`, `'same_kind'`, `'unsafe'`.
    #[must_use]
    pub const fn name(self) -> &'static str {
        match self {
            Casting::No => "no",
            Casting::Equiv => "equiv",
            Casting::Safe => "safe",
            Casting::SameKind => "same_kind",
            Casting::Unsafe => "unsafe",
        }
    }
}

impl fmt::Display for Casting {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl std::str::FromStr for Casting {
    type Err = Error;
    fn from_str(s: &str) -> Result<Self> {
        Ok(match s {
            "no" => Casting::No,
            "equiv" => Casting::Equiv,
            "safe" => Casting::Safe,
            "same_kind" => Casting::SameKind,
            "unsafe" => Casting::Unsafe,
            _ => {
                return Err(Error::CastingName { got: s.to_string() });
            }
        })
    }
}

/// Why no common dtype exists (NumPy's `DTypePromotionError`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PromotionError {
    /// Two dtypes of unrelated kinds (`promote_types('M8[s]', 'i8')`).
    NoCommon {
        /// NumPy's DType class of the first (`DateTime64DType`).
        first: String,
        /// NumPy's DType class of the second.
        second: String,
    },
    /// A strong dtype that a weak (Python) scalar's kind cannot join (`result_type('U5', 1)`).
    NotPromotedBy {
        /// The DType class promotion had reached.
        dtype: String,
        /// The DType class that could not join it.
        by: String,
        /// Every DType class involved, in order.
        all: Vec<String>,
    },
    /// Raw-byte dtypes of different lengths.
    VoidLength,
    /// Records whose field names differ.
    FieldNames {
        /// The first record's names.
        first: Vec<String>,
        /// The second record's names.
        second: Vec<String>,
    },
}

fn py_tuple(names: &[String]) -> String {
    let items: Vec<String> = names.iter().map(|n| crate::dtype::pyfmt::py_str_repr(n)).collect();
    if items.len() == 1 { format!("({},)", items[0]) } else { format!("({})", items.join(", ")) }
}

impl fmt::Display for PromotionError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        const OBJ: &str = "For example they cannot be stored in a single array unless the dtype is `object`.";
        match self {
            PromotionError::NoCommon { first, second } => write!(
                f,
                "The DTypes <class 'numpy.dtypes.{first}'> and <class 'numpy.dtypes.{second}'> do not have a common DType. {OBJ}"
            ),
            PromotionError::NotPromotedBy { dtype, by, all } => {
                let list: Vec<String> = all.iter().map(|c| format!("<class 'numpy.dtypes.{c}'>")).collect();
                write!(
                    f,
                    "The DType <class 'numpy.dtypes.{dtype}'> could not be promoted by <class 'numpy.dtypes.{by}'>. This means that no common DType exists for the given inputs. {OBJ} The full list of DTypes is: ({})",
                    list.join(", ")
                )
            }
            PromotionError::VoidLength => f.write_str(
                "Invalid type promotion with void datatypes of different lengths. Use the `np.bytes_` datatype instead to pad the shorter value with trailing zero bytes.",
            ),
            PromotionError::FieldNames { first, second } => {
                write!(f, "field names `{}` and `{}` mismatch.", py_tuple(first), py_tuple(second))
            }
        }
    }
}

/// NumPy's DType class name of a dtype (`Float64DType`, `StrDType`, `VoidDType` …).
#[must_use]
pub fn dtype_class(d: &Descr) -> String {
    match d.kind_of() {
        DescrKind::Numeric(t) => {
            let n = match t {
                DType::Bool => "Bool",
                DType::Int8 => "Int8",
                DType::Int16 => "Int16",
                DType::Int32 => "Int32",
                DType::Int64 => "Int64",
                DType::UInt8 => "UInt8",
                DType::UInt16 => "UInt16",
                DType::UInt32 => "UInt32",
                DType::UInt64 => "UInt64",
                DType::Float16 => "Float16",
                DType::Float32 => "Float32",
                DType::Float64 => "Float64",
                DType::Complex64 => "Complex64",
                DType::Complex128 => "Complex128",
            };
            format!("{n}DType")
        }
        DescrKind::BFloat16 => "BFloat16DType".into(),
        DescrKind::Unicode(_) => "StrDType".into(),
        DescrKind::Bytes(_) => "BytesDType".into(),
        DescrKind::DateTime(_) => "DateTime64DType".into(),
        DescrKind::TimeDelta(_) => "TimeDelta64DType".into(),
        _ => "VoidDType".into(),
    }
}

fn no_common(a: &Descr, b: &Descr) -> Error {
    Error::DTypePromotion(PromotionError::NoCommon { first: dtype_class(a), second: dtype_class(b) })
}

// ---------------------------------------------------------------------------------------
// Numeric rules.

/// Position of a kind in NumPy's same-kind order (bool < unsigned < signed < float < complex).
const fn kind_rank(d: DType) -> u8 {
    match d.kind() {
        'b' => 0,
        'u' => 1,
        'i' => 2,
        'f' => 3,
        _ => 4,
    }
}

/// The float precision (in bytes) an integer of `size` bytes needs to be exact.
const fn float_size_for_int(size: usize) -> usize {
    match size {
        1 => 2,
        2 => 4,
        _ => 8,
    }
}

/// True when every value of `from` is exactly a value of `to`.
#[must_use]
pub fn safe_numeric(from: DType, to: DType) -> bool {
    use DType::{Bool, Complex64, Complex128};
    if from == to || from == Bool {
        return true;
    }
    let (fs, ts) = (from.itemsize(), to.itemsize());
    match (from.kind(), to.kind()) {
        ('u', 'u') | ('i', 'i') | ('f', 'f') => ts >= fs,
        ('u', 'i') => ts > fs,
        ('u' | 'i', 'f') => ts >= float_size_for_int(fs),
        ('u' | 'i', 'c') => ts / 2 >= float_size_for_int(fs),
        ('f', 'c') => ts / 2 >= fs,
        ('c', 'c') => from == Complex64 || to == Complex128,
        _ => {
            let _ = (Complex64, Complex128);
            false
        }
    }
}

/// Type-number order used to pick the smallest common type.
const PROMOTION_ORDER: [DType; 14] = [
    DType::Bool,
    DType::UInt8,
    DType::Int8,
    DType::UInt16,
    DType::Int16,
    DType::UInt32,
    DType::Int32,
    DType::UInt64,
    DType::Int64,
    DType::Float16,
    DType::Float32,
    DType::Float64,
    DType::Complex64,
    DType::Complex128,
];

/// The smallest numeric type both `a` and `b` cast to safely (`int8, uint8` → `int16`,
/// `uint64, int64` → `float64`, `int32, float32` → `float64`).
#[must_use]
pub fn promote_numeric(a: DType, b: DType) -> DType {
    PROMOTION_ORDER.into_iter().find(|&t| safe_numeric(a, t) && safe_numeric(b, t)).unwrap_or(DType::Complex128)
}

/// Casting levels, ordered: a cast is allowed under mode `m` when its level is at most `m`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Level {
    No,
    Equiv,
    Safe,
    SameKind,
    Unsafe,
    Never,
}

fn numeric_level(from: DType, to: DType) -> Level {
    if from == to {
        Level::No
    } else if safe_numeric(from, to) {
        Level::Safe
    } else if kind_rank(from) <= kind_rank(to) {
        Level::SameKind
    } else {
        Level::Unsafe
    }
}

/// Characters `str()` needs for any value of a numeric type (`int64` → 21, `float64` → 32).
#[must_use]
pub fn string_length_for(d: DType) -> usize {
    match d {
        DType::Bool => 5,
        DType::Int8 => 4,
        DType::UInt8 => 3,
        DType::Int16 => 6,
        DType::UInt16 => 5,
        DType::Int32 => 11,
        DType::UInt32 => 10,
        DType::Int64 => 21,
        DType::UInt64 => 20,
        DType::Float16 | DType::Float32 | DType::Float64 => 32,
        DType::Complex64 | DType::Complex128 => 64,
    }
}

// ---------------------------------------------------------------------------------------
// Datetimes.

/// The factor between a coarser unit and a finer one (0 on overflow), as NumPy computes it.
fn unit_factor(big: TimeUnit, little: TimeUnit) -> u64 {
    let mut factor: u64 = 1;
    let mut u = big as u8;
    while u < little as u8 {
        let unit: TimeUnit = UNITS[u as usize];
        factor = factor.wrapping_mul(unit.step_factor());
        if factor & 0xff00_0000_0000_0000 != 0 {
            return 0;
        }
        u += 1;
    }
    factor
}

const UNITS: [TimeUnit; 14] = [
    TimeUnit::Year,
    TimeUnit::Month,
    TimeUnit::Week,
    TimeUnit::Day,
    TimeUnit::Hour,
    TimeUnit::Minute,
    TimeUnit::Second,
    TimeUnit::Millisecond,
    TimeUnit::Microsecond,
    TimeUnit::Nanosecond,
    TimeUnit::Picosecond,
    TimeUnit::Femtosecond,
    TimeUnit::Attosecond,
    TimeUnit::Generic,
];

fn gcd(mut x: u64, mut y: u64) -> u64 {
    while y != 0 {
        (x, y) = (y, x % y);
    }
    x
}

/// The common unit of two datetime units (NumPy's metadata GCD). `strict1`/`strict2` say
/// whether the side is a timedelta, for which years and months do not mix with other units.
fn datetime_gcd(m1: DateTimeUnit, m2: DateTimeUnit, strict1: bool, strict2: bool) -> Result<DateTimeUnit> {
    if m1.unit == TimeUnit::Generic {
        return Ok(m2);
    }
    if m2.unit == TimeUnit::Generic {
        return Ok(m1);
    }
    let incompatible = || Error::DateTimeIncompatibleUnits { first: m1.brackets(), second: m2.brackets() };
    let overflow = || Error::DateTimeDivisorOverflow { first: m1.brackets(), second: m2.brackets() };
    let (mut n1, mut n2) = (u64::from(m1.num), u64::from(m2.num));
    let base;
    if m1.unit == m2.unit {
        base = m1.unit;
    } else {
        let (u1, u2) = (m1.unit, m2.unit);
        if u1 == TimeUnit::Year {
            if u2 == TimeUnit::Month {
                n1 *= 12;
            } else if strict1 {
                return Err(incompatible());
            }
        } else if u2 == TimeUnit::Year {
            if u1 == TimeUnit::Month {
                n2 *= 12;
            } else if strict2 {
                return Err(incompatible());
            }
        } else if u1 == TimeUnit::Month {
            if strict1 {
                return Err(incompatible());
            }
        } else if u2 == TimeUnit::Month && strict2 {
            return Err(incompatible());
        }
        if u1 > u2 {
            base = u1;
            n2 = n2.wrapping_mul(unit_factor(u2, u1));
            if n2 == 0 {
                return Err(overflow());
            }
        } else {
            base = u2;
            n1 = n1.wrapping_mul(unit_factor(u1, u2));
            if n1 == 0 {
                return Err(overflow());
            }
        }
    }
    let num = gcd(n1, n2);
    let num32 = i32::try_from(num).map_err(|_| overflow())?;
    if num32 <= 0 {
        return Err(overflow());
    }
    Ok(DateTimeUnit { unit: base, num: num32 as u32 })
}

/// NumPy's `datetime_metadata_divides`: whether `divisor` divides `dividend` evenly.
fn metadata_divides(dividend: DateTimeUnit, divisor: DateTimeUnit, strict: bool) -> bool {
    if dividend.unit == TimeUnit::Generic {
        return true;
    }
    if divisor.unit == TimeUnit::Generic {
        return false;
    }
    let (mut n1, mut n2) = (u64::from(dividend.num), u64::from(divisor.num));
    if dividend.unit != divisor.unit {
        let (a, b) = (dividend.unit, divisor.unit);
        if a == TimeUnit::Year {
            if b == TimeUnit::Month {
                n1 *= 12;
            } else {
                return !strict;
            }
        } else if b == TimeUnit::Year {
            if a == TimeUnit::Month {
                n2 *= 12;
            } else {
                return !strict;
            }
        } else if a == TimeUnit::Month || b == TimeUnit::Month {
            return !strict;
        }
        if a > b {
            n2 = n2.wrapping_mul(unit_factor(b, a));
            if n2 == 0 {
                return false;
            }
        } else {
            n1 = n1.wrapping_mul(unit_factor(a, b));
            if n1 == 0 {
                return false;
            }
        }
    }
    if n1 & 0xff00_0000_0000_0000 != 0 || n2 & 0xff00_0000_0000_0000 != 0 {
        return false;
    }
    n1 % n2 == 0
}

fn datetime_level(from: DateTimeUnit, to: DateTimeUnit, timedelta: bool) -> Level {
    if from == to {
        return Level::No;
    }
    let (fu, tu) = (from.unit, to.unit);
    let generic = fu == TimeUnit::Generic || tu == TimeUnit::Generic;
    let linear_match = (fu <= TimeUnit::Month) == (tu <= TimeUnit::Month);
    let same_kind = if generic { fu == TimeUnit::Generic } else { !timedelta || linear_match };
    let safe_units = if generic { fu == TimeUnit::Generic } else { fu <= tu && (!timedelta || linear_match) };
    if safe_units && metadata_divides(from, to, timedelta) {
        Level::Safe
    } else if same_kind {
        Level::SameKind
    } else {
        Level::Unsafe
    }
}

// ---------------------------------------------------------------------------------------
// The general rules.

fn with_order_level(from: &Descr, to: &Descr, inner: Level) -> Level {
    if inner == Level::No && from.byte_order() != to.byte_order() { Level::Equiv } else { inner }
}

fn cast_level(from: &Descr, to: &Descr) -> Level {
    use DescrKind as K;
    let level =
        match (from.kind_of(), to.kind_of()) {
            (K::Numeric(a), K::Numeric(b)) => numeric_level(*a, *b),
            (K::BFloat16, K::BFloat16) => Level::No,
            (K::BFloat16, K::Numeric(b)) => match b.kind() {
                'f' if b.itemsize() >= 4 => Level::Safe,
                'c' => Level::Safe,
                'f' => Level::SameKind,
                _ => Level::Unsafe,
            },
            (K::Numeric(a), K::BFloat16) => match a.kind() {
                'b' => Level::Safe,
                'u' | 'i' if a.itemsize() == 1 => Level::Safe,
                'u' | 'i' | 'f' => Level::SameKind,
                _ => Level::Unsafe,
            },
            (K::Unicode(n), K::Unicode(m)) | (K::Bytes(n), K::Bytes(m)) | (K::Bytes(n), K::Unicode(m)) => {
                if n == m && std::mem::discriminant(from.kind_of()) == std::mem::discriminant(to.kind_of()) {
                    Level::No
                } else if m >= n {
                    Level::Safe
                } else {
                    Level::SameKind
                }
            }
            (K::Unicode(_), K::Bytes(_)) => Level::Unsafe,
            (K::Numeric(a), K::Unicode(m) | K::Bytes(m)) => {
                if *m >= string_length_for(*a) {
                    Level::Safe
                } else {
                    Level::SameKind
                }
            }
            (K::BFloat16, K::Unicode(m) | K::Bytes(m)) => {
                if *m >= 32 {
                    Level::Safe
                } else {
                    Level::SameKind
                }
            }
            (K::Void(n), K::Void(m)) => {
                if n == m {
                    Level::No
                } else {
                    Level::Unsafe
                }
            }
            (K::Record(_) | K::SubArray(_), K::Void(_)) => Level::Never,
            (_, K::Void(m)) => {
                if *m >= from.itemsize() {
                    Level::Safe
                } else {
                    Level::Unsafe
                }
            }
            (K::DateTime(a), K::DateTime(b)) => datetime_level(*a, *b, false),
            (K::TimeDelta(a), K::TimeDelta(b)) => datetime_level(*a, *b, true),
            (K::Numeric(a), K::TimeDelta(_)) if a.kind() != 'f' && a.kind() != 'c' => {
                if safe_numeric(*a, DType::Int64) { Level::Safe } else { Level::SameKind }
            }
            (K::Record(a), K::Record(b)) => record_level(a.fields(), b.fields(), a.itemsize() == b.itemsize()),
            (K::Record(r), _) => {
                if r.fields().len() == 1 {
                    cast_level(&r.fields()[0].descr, to).max(Level::Unsafe)
                } else {
                    Level::Never
                }
            }
            (K::SubArray(a), K::SubArray(b)) => {
                if a.shape == b.shape {
                    cast_level(&a.base, &b.base)
                } else {
                    Level::Unsafe
                }
            }
            _ => Level::Unsafe,
        };
    with_order_level(from, to, level)
}

fn record_level(a: &[Field], b: &[Field], same_size: bool) -> Level {
    if a.len() != b.len() || a.iter().zip(b).any(|(x, y)| x.name != y.name) {
        return Level::Unsafe;
    }
    let mut level = Level::No;
    for (x, y) in a.iter().zip(b) {
        level = level.max(cast_level(&x.descr, &y.descr));
        if x.offset != y.offset {
            level = level.max(Level::Safe);
        }
    }
    if !same_size {
        level = level.max(Level::Safe);
    }
    level
}

/// Whether a cast from `from` to `to` is allowed under `casting` (`numpy.can_cast`).
///
/// ```
/// use nprs_core::{can_cast, Casting, DType};
/// assert!(can_cast(&DType::Int32.into(), &DType::Float64.into(), Casting::Safe));
/// assert!(!can_cast(&DType::Float64.into(), &DType::Int64.into(), Casting::Safe));
/// assert!(can_cast(&DType::Float64.into(), &DType::Float32.into(), Casting::SameKind));
/// ```
#[must_use]
pub fn can_cast(from: &Descr, to: &Descr, casting: Casting) -> bool {
    let level = cast_level(from, to);
    let limit = match casting {
        Casting::No => Level::No,
        Casting::Equiv => Level::Equiv,
        Casting::Safe => Level::Safe,
        Casting::SameKind => Level::SameKind,
        Casting::Unsafe => Level::Unsafe,
    };
    level <= limit
}

/// The error NumPy raises when `astype(..., casting=…)` forbids a cast.
pub(crate) fn cast_error(from: &Descr, to: &Descr, casting: Casting) -> Error {
    Error::CastForbidden { from: from.clone(), to: to.clone(), casting }
}

/// The smallest dtype both `a` and `b` can be cast to safely (`numpy.promote_types`).
/// The result is in native byte order.
///
/// ```
/// use nprs_core::{promote_types, Descr, DType};
/// let p = promote_types(&DType::Int8.into(), &DType::UInt8.into()).unwrap();
/// assert_eq!(p, Descr::from(DType::Int16));
/// let s = promote_types(&Descr::parse("S3").unwrap(), &Descr::parse("U2").unwrap()).unwrap();
/// assert_eq!(s.str(), "<U3");
/// ```
///
/// # Errors
/// NumPy's `DTypePromotionError` when the kinds do not mix (datetime and float, strings and
/// records …), and its datetime unit errors.
pub fn promote_types(a: &Descr, b: &Descr) -> Result<Descr> {
    use DescrKind as K;
    Ok(match (a.kind_of(), b.kind_of()) {
        (K::Numeric(x), K::Numeric(y)) => Descr::from(promote_numeric(*x, *y)),
        (K::BFloat16, K::BFloat16) => Descr::bfloat16(),
        (K::BFloat16, K::Numeric(n)) | (K::Numeric(n), K::BFloat16) => match n.kind() {
            'b' => Descr::bfloat16(),
            'u' | 'i' if n.itemsize() == 1 => Descr::bfloat16(),
            'u' | 'i' | 'f' => Descr::from(promote_numeric(*n, DType::Float32)),
            _ => Descr::from(promote_numeric(*n, DType::Complex64)),
        },
        (K::Unicode(n), K::Unicode(m)) | (K::Unicode(n), K::Bytes(m)) | (K::Bytes(n), K::Unicode(m)) => {
            Descr::unicode(*n.max(m))
        }
        (K::Bytes(n), K::Bytes(m)) => Descr::bytes(*n.max(m)),
        (K::Numeric(t), K::Unicode(n)) | (K::Unicode(n), K::Numeric(t)) => {
            Descr::unicode((*n).max(string_length_for(*t)))
        }
        (K::Numeric(t), K::Bytes(n)) | (K::Bytes(n), K::Numeric(t)) => Descr::bytes((*n).max(string_length_for(*t))),
        (K::Void(n), K::Void(m)) => {
            if n == m {
                a.to_native()
            } else {
                return Err(Error::DTypePromotion(PromotionError::VoidLength));
            }
        }
        (K::DateTime(x), K::DateTime(y)) => Descr::new(K::DateTime(datetime_gcd(*x, *y, false, false)?)),
        (K::DateTime(x), K::TimeDelta(y)) => Descr::new(K::DateTime(datetime_gcd(*x, *y, false, true)?)),
        (K::TimeDelta(x), K::DateTime(y)) => Descr::new(K::DateTime(datetime_gcd(*x, *y, true, false)?)),
        (K::TimeDelta(x), K::TimeDelta(y)) => Descr::new(K::TimeDelta(datetime_gcd(*x, *y, true, true)?)),
        (K::TimeDelta(u), K::Numeric(n)) | (K::Numeric(n), K::TimeDelta(u))
            if n.kind() != 'f' && n.kind() != 'c' && safe_numeric(*n, DType::Int64) =>
        {
            Descr::new(K::TimeDelta(*u))
        }
        (K::Record(x), K::Record(y)) => {
            if a.to_native() == b.to_native() {
                return Ok(a.to_native());
            }
            let (nx, ny) = (x.names(), y.names());
            if nx != ny {
                return Err(Error::DTypePromotion(PromotionError::FieldNames {
                    first: nx.iter().map(ToString::to_string).collect(),
                    second: ny.iter().map(ToString::to_string).collect(),
                }));
            }
            let mut fields = Vec::new();
            for (f, g) in x.fields().iter().zip(y.fields()) {
                fields.push((f.name.clone(), promote_types(&f.descr, &g.descr)?));
            }
            Descr::record(fields)?
        }
        (K::SubArray(x), K::SubArray(y)) if x.shape == y.shape => {
            Descr::subarray(promote_types(&x.base, &y.base)?, &x.shape)?
        }
        _ => return Err(no_common(a, b)),
    })
}

/// One argument of [`result_type`]: a dtype (an array's or a NumPy scalar's: "strong"),
/// or the kind of a Rust/Python scalar ("weak", NEP 50).
#[derive(Clone, Debug, PartialEq)]
pub enum TypeArg {
    /// An array's dtype.
    DType(Descr),
    /// A Python `bool`.
    Bool,
    /// A Python `int`.
    Int,
    /// A Python `float`.
    Float,
    /// A Python `complex`.
    Complex,
}

impl From<Descr> for TypeArg {
    fn from(d: Descr) -> Self {
        TypeArg::DType(d)
    }
}

impl From<DType> for TypeArg {
    fn from(d: DType) -> Self {
        TypeArg::DType(d.into())
    }
}

impl TypeArg {
    /// The weak kind of a scalar value (`Scalar::Int` → [`TypeArg::Int`]); strings and
    /// bytes become their `U<n>`/`S<n>` dtypes.
    #[must_use]
    pub fn of_scalar(s: &Scalar) -> TypeArg {
        match s {
            Scalar::Bool(_) => TypeArg::Bool,
            Scalar::Int(_) => TypeArg::Int,
            Scalar::Float(_) => TypeArg::Float,
            Scalar::Complex(..) => TypeArg::Complex,
            other => TypeArg::DType(min_scalar_type(other)),
        }
    }

    fn weak_class(&self) -> &'static str {
        match self {
            TypeArg::Bool => "BoolDType",
            TypeArg::Int => "_PyLongDType",
            TypeArg::Float => "_PyFloatDType",
            _ => "_PyComplexDType",
        }
    }
}

/// The dtype of a result computed from `args` (`numpy.result_type`), with NEP 50's rules
/// for Python scalars: a weak scalar takes the strong dtype's type when its kind fits
/// (`int8` with an int stays `int8`; `float16` with a float stays `float16`), moves it
/// up a kind otherwise (`int16` with a float gives `float64`, `float32` with a complex
/// gives `complex64`).
///
/// ```
/// use nprs_core::{result_type, DType, TypeArg};
/// assert_eq!(result_type(&[DType::Float32.into(), TypeArg::Float]).unwrap(), DType::Float32);
/// assert_eq!(result_type(&[DType::Int16.into(), TypeArg::Float]).unwrap(), DType::Float64);
/// assert_eq!(result_type(&[DType::Bool.into(), TypeArg::Int]).unwrap(), DType::Int64);
/// ```
///
/// # Errors
/// As [`promote_types`]; and NumPy's `DTypePromotionError` when a weak scalar cannot join
/// the dtype (`result_type('U5', 1)`).
pub fn result_type(args: &[TypeArg]) -> Result<crate::dtype::Descr> {
    let mut strong: Option<Descr> = None;
    for a in args {
        if let TypeArg::DType(d) = a {
            strong = Some(match strong {
                None => d.to_native(),
                Some(s) => promote_types(&s, d)?,
            });
        }
    }
    // The highest weak kind present.
    let rank = |a: &TypeArg| match a {
        TypeArg::Bool => 1,
        TypeArg::Int => 2,
        TypeArg::Float => 3,
        TypeArg::Complex => 4,
        TypeArg::DType(_) => 0,
    };
    let Some(weak) = args.iter().filter(|a| rank(a) > 0).max_by_key(|a| rank(a)) else {
        return strong.ok_or(Error::NoDTypes);
    };
    let Some(s) = strong else {
        return Ok(Descr::from(match weak {
            TypeArg::Bool => DType::Bool,
            TypeArg::Int => DType::Int64,
            TypeArg::Float => DType::Float64,
            _ => DType::Complex128,
        }));
    };
    let fail = || {
        let all = args
            .iter()
            .map(|a| match a {
                TypeArg::DType(d) => dtype_class(d),
                w => w.weak_class().to_string(),
            })
            .collect();
        Error::DTypePromotion(PromotionError::NotPromotedBy {
            dtype: dtype_class(&s),
            by: weak.weak_class().to_string(),
            all,
        })
    };
    use DescrKind as K;
    Ok(match (s.kind_of(), weak) {
        (_, TypeArg::Bool) if s.is_numeric() => s,
        (K::Numeric(DType::Bool), TypeArg::Int) => DType::Int64.into(),
        (K::Numeric(_) | K::BFloat16, TypeArg::Int) => s,
        (K::TimeDelta(_), TypeArg::Int | TypeArg::Bool) => s,
        (K::Numeric(t), TypeArg::Float) => {
            if matches!(t.kind(), 'f' | 'c') {
                s
            } else {
                DType::Float64.into()
            }
        }
        (K::BFloat16, TypeArg::Float) => s,
        (K::Numeric(t), TypeArg::Complex) => match t {
            DType::Complex64 | DType::Complex128 => s,
            DType::Float16 | DType::Float32 => DType::Complex64.into(),
            _ => DType::Complex128.into(),
        },
        (K::BFloat16, TypeArg::Complex) => DType::Complex64.into(),
        _ => return Err(fail()),
    })
}

/// The smallest dtype that holds `value` (`numpy.min_scalar_type`): non-negative integers
/// give unsigned types, floats `float16` when `|x| < 65000`, strings `U<len>`.
#[must_use]
pub fn min_scalar_type(value: &Scalar) -> Descr {
    match value {
        Scalar::Bool(_) => DType::Bool.into(),
        Scalar::Int(v) => {
            let v = *v;
            let t = if v >= 0 {
                if v <= i128::from(u8::MAX) {
                    DType::UInt8
                } else if v <= i128::from(u16::MAX) {
                    DType::UInt16
                } else if v <= i128::from(u32::MAX) {
                    DType::UInt32
                } else {
                    DType::UInt64
                }
            } else if v >= i128::from(i8::MIN) {
                DType::Int8
            } else if v >= i128::from(i16::MIN) {
                DType::Int16
            } else if v >= i128::from(i32::MIN) {
                DType::Int32
            } else {
                DType::Int64
            };
            t.into()
        }
        Scalar::Float(x) => {
            if *x > -65000.0 && *x < 65000.0 {
                DType::Float16.into()
            } else if *x > -3.4e38 && *x < 3.4e38 {
                DType::Float32.into()
            } else {
                DType::Float64.into()
            }
        }
        Scalar::Complex(re, im) => {
            let fits = |x: f64| x > -3.4e38 && x < 3.4e38;
            if fits(*re) && fits(*im) { DType::Complex64.into() } else { DType::Complex128.into() }
        }
        Scalar::Str(s) => Descr::unicode(s.chars().count()),
        Scalar::Bytes(b) => Descr::bytes(b.len()),
        Scalar::Tuple(_) | Scalar::List(_) => Descr::void(0),
    }
}

/// The inexact dtype arrays of these dtypes convert to for computing
/// (`numpy.common_type`): integers count as `float64`, the widest float wins, complex if
/// any is complex.
///
/// # Errors
/// "can't get common type for non-numeric array" for bool, strings and records (NumPy's
/// `TypeError`).
pub fn common_type(dtypes: &[&Descr]) -> Result<Descr> {
    let mut size = 2usize;
    let mut complex = false;
    for d in dtypes {
        let t = d.numeric().filter(|t| *t != DType::Bool);
        let Some(t) = t else {
            if matches!(d.kind_of(), DescrKind::BFloat16) {
                size = size.max(4);
                continue;
            }
            return Err(Error::CommonTypeNonNumeric);
        };
        match t.kind() {
            'i' | 'u' => size = size.max(8),
            'f' => size = size.max(t.itemsize()),
            _ => {
                complex = true;
                size = size.max(t.itemsize() / 2);
            }
        }
    }
    Ok(Descr::from(match (complex, size) {
        (false, 2) => DType::Float16,
        (false, 4) => DType::Float32,
        (false, _) => DType::Float64,
        (true, 2 | 4) => DType::Complex64,
        (true, _) => DType::Complex128,
    }))
}
