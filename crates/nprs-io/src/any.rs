//! [`AnyArray`]: what loading a file of unknown dtype gives — a typed array for the
//! numeric dtypes, a dynamic array ([`DynArray`]) for every other dtype, and a
//! [`RawArray`] only for the few types nprs-core has no dtype for.

use nprs_core::{Array, C64, C128, DType, DynArray, Element, f16};

use crate::descr::{ByteOrder, Descr};
use crate::error::{Error, Result};
use crate::raw::RawArray;

/// An array loaded from a file: typed for the numeric dtypes (converted to native byte
/// order), a [`DynArray`] for strings, datetimes, structured records and void (in the
/// file's byte order, as NumPy loads them), raw bytes with their [`Descr`] for the
/// types nprs-core cannot describe.
#[derive(Clone)]
#[non_exhaustive]
pub enum AnyArray {
    /// `bool`
    Bool(Array<bool>),
    /// `int8`
    I8(Array<i8>),
    /// `int16`
    I16(Array<i16>),
    /// `int32`
    I32(Array<i32>),
    /// `int64`
    I64(Array<i64>),
    /// `uint8`
    U8(Array<u8>),
    /// `uint16`
    U16(Array<u16>),
    /// `uint32`
    U32(Array<u32>),
    /// `uint64`
    U64(Array<u64>),
    /// `float16`
    F16(Array<f16>),
    /// `float32`
    F32(Array<f32>),
    /// `float64`
    F64(Array<f64>),
    /// `complex64`
    C64(Array<C64>),
    /// `complex128`
    C128(Array<C128>),
    /// Any other dtype: `U`/`S` strings, `M8`/`m8` datetimes, structured records
    /// (nested, with sub-array fields), void.
    Dyn(DynArray),
    /// A dtype nprs-core has no type for: `float128`, `complex256`, records with
    /// titled fields. The bytes and the header's descr, exactly as stored.
    Raw(RawArray),
}

mod sealed {
    pub trait Sealed {}
}

/// An element type that `.npy` files store and [`AnyArray`] holds: every numeric
/// element type of nprs-core. Sealed.
pub trait NpyElement: Element + sealed::Sealed {
    /// Wraps a typed array.
    fn into_any(a: Array<Self>) -> AnyArray;
    /// Unwraps a typed array of this element type, or gives the value back.
    ///
    /// # Errors
    /// The original value when it holds another type.
    #[allow(clippy::result_large_err)] // the value is handed back whole, by design
    fn from_any(a: AnyArray) -> std::result::Result<Array<Self>, AnyArray>;
    /// Borrows a typed array of this element type.
    fn ref_any(a: &AnyArray) -> Option<&Array<Self>>;
}

macro_rules! any_elements {
    ($($t:ty => $v:ident;)*) => {
        $(
            impl sealed::Sealed for $t {}
            impl NpyElement for $t {
                fn into_any(a: Array<Self>) -> AnyArray { AnyArray::$v(a) }
                #[allow(clippy::result_large_err)] // the value is handed back whole
                fn from_any(a: AnyArray) -> std::result::Result<Array<Self>, AnyArray> {
                    match a { AnyArray::$v(x) => Ok(x), other => Err(other) }
                }
                fn ref_any(a: &AnyArray) -> Option<&Array<Self>> {
                    match a { AnyArray::$v(x) => Some(x), _ => None }
                }
            }
        )*
        /// Calls `$body` with the typed array bound to `$x`, `$dynb` for dynamic arrays,
        /// or `$raw` for raw arrays.
        macro_rules! dispatch {
            ($e:expr, $x:ident => $body:expr, $d:ident => $dynb:expr, $r:ident => $raw:expr) => {
                match $e {
                    $(AnyArray::$v($x) => $body,)*
                    AnyArray::Dyn($d) => $dynb,
                    AnyArray::Raw($r) => $raw,
                }
            };
        }
    };
}

any_elements! {
    bool => Bool;
    i8 => I8;
    i16 => I16;
    i32 => I32;
    i64 => I64;
    u8 => U8;
    u16 => U16;
    u32 => U32;
    u64 => U64;
    f16 => F16;
    f32 => F32;
    f64 => F64;
    C64 => C64;
    C128 => C128;
}

impl AnyArray {
    /// The numeric dtype of a typed array (or of a dynamic array holding numbers in native
    /// byte order); `None` otherwise.
    #[must_use]
    pub fn dtype(&self) -> Option<DType> {
        dispatch!(self, a => Some(a.dtype()), d => d.dtype().numeric().filter(|_| d.dtype().is_native()), _r => None)
    }

    /// The element type's header descr (native byte order for typed arrays). A dynamic
    /// array whose dtype no header can describe (overlapping record fields, `bfloat16`)
    /// reports raw bytes of its item size (`|V<n>`).
    #[must_use]
    pub fn descr(&self) -> Descr {
        dispatch!(self, a => Descr::of(a.dtype()), d => Descr::from_dtype(d.dtype()).unwrap_or_else(|_| {
            Descr::Type(crate::descr::TypeStr { order: ByteOrder::NotApplicable, kind: 'V', size: d.itemsize(), unit: None })
        }), r => r.descr().clone())
    }

    /// The shape.
    #[must_use]
    pub fn shape(&self) -> &[usize] {
        dispatch!(self, a => a.shape(), d => d.shape(), r => r.shape())
    }

    /// True for a [`AnyArray::Raw`] value.
    #[must_use]
    pub fn is_raw(&self) -> bool {
        matches!(self, AnyArray::Raw(_))
    }

    /// True for a [`AnyArray::Dyn`] value.
    #[must_use]
    pub fn is_dyn(&self) -> bool {
        matches!(self, AnyArray::Dyn(_))
    }

    /// The typed array, when it has element type `T`.
    ///
    /// # Errors
    /// [`Error::DTypeMismatch`] naming both types otherwise.
    pub fn into_array<T: NpyElement>(self) -> Result<Array<T>> {
        T::from_any(self).map_err(|other| Error::DTypeMismatch {
            expected: T::DTYPE.name().to_string(),
            found: other.descr().to_string(),
        })
    }

    /// Borrows the typed array, when it has element type `T`.
    #[must_use]
    pub fn as_array<T: NpyElement>(&self) -> Option<&Array<T>> {
        T::ref_any(self)
    }

    /// Borrows the dynamic array of a [`AnyArray::Dyn`] value.
    #[must_use]
    pub fn as_dyn(&self) -> Option<&DynArray> {
        match self {
            AnyArray::Dyn(d) => Some(d),
            _ => None,
        }
    }

    /// The array as a dynamic array, whatever it holds: typed arrays move in without a
    /// copy, raw arrays are converted.
    ///
    /// # Errors
    /// [`Error::Unsupported`] for a raw array of a dtype nprs-core has no type for.
    pub fn into_dyn(self) -> Result<DynArray> {
        dispatch!(self, a => Ok(DynArray::from(a)), d => Ok(d), r => r.to_dyn())
    }

    /// The raw form: bytes in memory order with their descr (typed arrays are copied, in
    /// native byte order).
    ///
    /// # Errors
    /// For a dynamic array whose dtype no header can describe, as
    /// [`Descr::from_dtype`].
    pub fn into_raw(self) -> Result<RawArray> {
        dispatch!(self, a => Ok(RawArray::from_array(&a, ByteOrder::native())), d => RawArray::from_dyn(&d), r => Ok(r))
    }
}

impl std::fmt::Debug for AnyArray {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "AnyArray {{ descr: {}, shape: {:?} }}", self.descr(), self.shape())
    }
}

impl<T: NpyElement> From<Array<T>> for AnyArray {
    fn from(a: Array<T>) -> Self {
        T::into_any(a)
    }
}

impl From<DynArray> for AnyArray {
    /// Wraps a dynamic array (as [`AnyArray::Dyn`], whatever its dtype).
    fn from(a: DynArray) -> Self {
        AnyArray::Dyn(a)
    }
}
