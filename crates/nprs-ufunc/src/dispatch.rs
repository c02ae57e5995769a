//! One dispatch from a dynamic array's dtype to the typed kernels of this crate.

use nprs_core::dynarray::{DynBase, DynData};
use nprs_core::{CowArray, DType, Element, Error, Result};

/// Expands `$body` once per real numeric dtype (bool, integers, floats) with `$T` bound to
/// its element type; the match arms in braces decide the complex dtypes; any other dtype is
/// NumPy's `TypeError`.
macro_rules! with_real_then {
    ($dtype:expr, $T:ident => $body:expr, { $($complex:tt)* }) => {
        match $dtype {
            nprs_core::DType::Bool => {
                type $T = bool;
                $body
            }
            nprs_core::DType::Int8 => {
                type $T = i8;
                $body
            }
            nprs_core::DType::Int16 => {
                type $T = i16;
                $body
            }
            nprs_core::DType::Int32 => {
                type $T = i32;
                $body
            }
            nprs_core::DType::Int64 => {
                type $T = i64;
                $body
            }
            nprs_core::DType::UInt8 => {
                type $T = u8;
                $body
            }
            nprs_core::DType::UInt16 => {
                type $T = u16;
                $body
            }
            nprs_core::DType::UInt32 => {
                type $T = u32;
                $body
            }
            nprs_core::DType::UInt64 => {
                type $T = u64;
                $body
            }
            nprs_core::DType::Float16 => {
                type $T = nprs_core::f16;
                $body
            }
            nprs_core::DType::Float32 => {
                type $T = f32;
                $body
            }
            nprs_core::DType::Float64 => {
                type $T = f64;
                $body
            }
            $($complex)*
            other => return Err(nprs_core::Error::NotNumeric { op: "this operation", dtype: other.to_string() }),
        }
    };
}
pub(crate) use with_real_then;

/// Expands `$body` once per numeric dtype with `$T` bound to its element type.
macro_rules! with_numeric {
    ($dtype:expr, $T:ident => $body:expr) => {
        $crate::dispatch::with_real_then!($dtype, $T => $body, {
            nprs_core::DType::Complex64 => {
                type $T = nprs_core::C64;
                $body
            }
            nprs_core::DType::Complex128 => {
                type $T = nprs_core::C128;
                $body
            }
        })
    };
}
pub(crate) use with_numeric;

/// The numeric dtype of a dynamic array, or NumPy-style `TypeError` naming `what`.
pub(crate) fn numeric_dtype<S: DynData>(a: &DynBase<S>, what: &'static str) -> Result<DType> {
    a.dtype().numeric().ok_or_else(|| Error::NotNumeric { op: what, dtype: a.dtype().to_string() })
}

/// A typed view of a numeric dynamic array: borrowed when the layout allows, else a copy
/// (byte-swapped or unaligned input).
pub(crate) fn typed_cow<T: Element, S: DynData>(a: &DynBase<S>) -> Result<CowArray<'_, T>> {
    match a.typed::<T>() {
        Ok(v) => Ok(v.into()),
        Err(_) => Ok(a.to_typed::<T>()?.into()),
    }
}
