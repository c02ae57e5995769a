//! NumPy's abstract scalar types (`np.number`, `np.floating`, …) and the tests that place a
//! dtype among them: `numpy.issubdtype` and the array API's `numpy.isdtype`.

use crate::dtype::{DType, Descr, DescrKind};
use crate::error::{Error, Result};

/// NumPy's abstract scalar classes, the nodes of its type hierarchy:
///
/// ```text
/// generic ─┬─ number ─┬─ integer ─┬─ signedinteger    (int8 … int64, timedelta64)
///          │          │           └─ unsignedinteger  (uint8 … uint64)
///          │          └─ inexact ─┬─ floating         (float16 … float64)
///          │                      └─ complexfloating  (complex64, complex128)
///          ├─ flexible ─┬─ character                  (bytes_, str_)
///          │            └─ void (records, raw bytes)
///          └─ bool, datetime64
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum DTypeClass {
    /// `np.generic`: every dtype.
    Generic,
    /// `np.number`
    Number,
    /// `np.integer`
    Integer,
    /// `np.signedinteger`
    SignedInteger,
    /// `np.unsignedinteger`
    UnsignedInteger,
    /// `np.inexact`
    Inexact,
    /// `np.floating`
    Floating,
    /// `np.complexfloating`
    ComplexFloating,
    /// `np.flexible`
    Flexible,
    /// `np.character`
    Character,
}

impl DTypeClass {
    /// The class directly above this one (`None` for `Generic`).
    #[must_use]
    pub const fn parent(self) -> Option<DTypeClass> {
        use DTypeClass as C;
        match self {
            C::Generic => None,
            C::Number | C::Flexible => Some(C::Generic),
            C::Integer | C::Inexact => Some(C::Number),
            C::SignedInteger | C::UnsignedInteger => Some(C::Integer),
            C::Floating | C::ComplexFloating => Some(C::Inexact),
            C::Character => Some(C::Flexible),
        }
    }

    /// The lowest class a dtype belongs to.
    #[must_use]
    pub fn of(descr: &Descr) -> DTypeClass {
        use DTypeClass as C;
        match descr.kind_of() {
            DescrKind::Numeric(DType::Bool) | DescrKind::DateTime(_) => C::Generic,
            DescrKind::Numeric(d) => match d.kind() {
                'i' => C::SignedInteger,
                'u' => C::UnsignedInteger,
                'f' => C::Floating,
                _ => C::ComplexFloating,
            },
            // bfloat16 (an extension) is a float.
            DescrKind::BFloat16 => C::Floating,
            // NumPy's timedelta64 subclasses signedinteger.
            DescrKind::TimeDelta(_) => C::SignedInteger,
            DescrKind::Unicode(_) | DescrKind::Bytes(_) => C::Character,
            DescrKind::Void(_) | DescrKind::Record(_) | DescrKind::SubArray(_) => C::Flexible,
        }
    }

    /// Whether this class is `other` or lies below it.
    #[must_use]
    pub fn is_within(self, other: DTypeClass) -> bool {
        let mut c = Some(self);
        while let Some(x) = c {
            if x == other {
                return true;
            }
            c = x.parent();
        }
        false
    }
}

/// The second argument of [`issubdtype`]: an abstract class or a dtype.
#[derive(Clone, Copy, Debug)]
pub enum SubDTypeArg<'a> {
    /// `np.floating`, `np.integer`, …
    Class(DTypeClass),
    /// A dtype: the same scalar type (byte order, string length and datetime unit aside).
    Descr(&'a Descr),
}

impl From<DTypeClass> for SubDTypeArg<'_> {
    fn from(c: DTypeClass) -> Self {
        SubDTypeArg::Class(c)
    }
}

impl<'a> From<&'a Descr> for SubDTypeArg<'a> {
    fn from(d: &'a Descr) -> Self {
        SubDTypeArg::Descr(d)
    }
}

/// The scalar type of a dtype, as `np.dtype(x).type` names it.
fn scalar_type(d: &Descr) -> (u8, usize) {
    match d.kind_of() {
        DescrKind::Numeric(t) => (0, *t as usize),
        DescrKind::BFloat16 => (1, 0),
        DescrKind::Unicode(_) => (2, 0),
        DescrKind::Bytes(_) => (3, 0),
        DescrKind::Void(_) | DescrKind::Record(_) | DescrKind::SubArray(_) => (4, 0),
        DescrKind::DateTime(_) => (5, 0),
        DescrKind::TimeDelta(_) => (6, 0),
    }
}

/// `numpy.issubdtype(arg1, arg2)`: whether `arg1`'s scalar type is `arg2`'s (for a dtype)
/// or lies below it in NumPy's hierarchy (for a [`DTypeClass`]).
///
/// ```
/// use nprs_core::{DType, Descr, DTypeClass, issubdtype};
/// let f4 = Descr::from(DType::Float32);
/// assert!(issubdtype(&f4, DTypeClass::Floating));
/// assert!(!issubdtype(&f4, DTypeClass::Integer));
/// assert!(!issubdtype(&f4, &Descr::from(DType::Float64)));
/// assert!(issubdtype(&Descr::parse("U5")?, &Descr::parse("U10")?));
/// # Ok::<(), nprs_core::Error>(())
/// ```
pub fn issubdtype<'a>(arg1: &Descr, arg2: impl Into<SubDTypeArg<'a>>) -> bool {
    match arg2.into() {
        SubDTypeArg::Class(c) => DTypeClass::of(arg1).is_within(c),
        SubDTypeArg::Descr(d) => scalar_type(arg1) == scalar_type(d),
    }
}

/// `numpy.isdtype(dtype, kind)` with kind names (a tuple of them is a slice): `"bool"`,
/// `"signed integer"`, `"unsigned integer"`, `"integral"`, `"real floating"`,
/// `"complex floating"`, `"numeric"`. For `kind` a dtype, compare the dtypes (`==`).
///
/// ```
/// use nprs_core::{DType, Descr, isdtype};
/// let i1 = Descr::from(DType::Int8);
/// assert!(isdtype(&i1, &["integral"])?);
/// assert!(!isdtype(&i1, &["bool", "real floating"])?);
/// # Ok::<(), nprs_core::Error>(())
/// ```
///
/// # Errors
/// [`Error::IsDTypeKind`] for a name not in that list (NumPy's ValueError).
pub fn isdtype(dtype: &Descr, kinds: &[&str]) -> Result<bool> {
    let numeric = match dtype.kind_of() {
        DescrKind::Numeric(d) => Some(*d),
        _ => None,
    };
    let kind = numeric.map(DType::kind);
    let mut found = false;
    for name in kinds {
        let is = match *name {
            "bool" => numeric == Some(DType::Bool),
            "signed integer" => kind == Some('i'),
            "unsigned integer" => kind == Some('u'),
            "integral" => matches!(kind, Some('i' | 'u')),
            "real floating" => kind == Some('f'),
            "complex floating" => kind == Some('c'),
            "numeric" => matches!(kind, Some('i' | 'u' | 'f' | 'c')),
            other => return Err(Error::IsDTypeKind { name: other.to_string() }),
        };
        found |= is;
    }
    Ok(found)
}
