//! Dispatch from a run-time dtype to typed code, once per operation.
//!
//! [`with_numeric!`](crate::dynarray::dispatch) expands a block once per numeric element
//! type (a `match` over [`DType`]), binding a type alias to the element type. The public
//! helpers [`map_unary`] and [`map_many`] take any typed operation written against
//! [`ArrayView`]s — implement [`UnaryKernel`] or [`ManyKernel`] once, and the operation
//! works on dynamic arrays of every numeric dtype:
//!
//! ```
//! use nprs_core::prelude::*;
//! use nprs_core::copy::Cast;
//! use nprs_core::{DynArray, ManyKernel, map_many};
//!
//! /// `b` where it is non-zero, else `a` (broadcasting), in the common dtype.
//! struct Coalesce;
//! impl ManyKernel for Coalesce {
//!     fn call<T: Element + Cast>(&self, arrays: &[ArrayView<'_, T>]) -> Result<DynArray> {
//!         let out = nprs_core::kernel::zip_map(&arrays[0], &arrays[1], |a, b| if b == T::zero() { a } else { b })?;
//!         Ok(DynArray::from(out))
//!     }
//! }
//! let a = DynArray::from(array![1i8, 2]);
//! let b = DynArray::from(array![0.0f32, 2.5]);
//! let r = map_many(&[a.view(), b.view()], &Coalesce).unwrap();
//! assert_eq!(r.typed::<f32>().unwrap().to_vec(), vec![1.0, 2.5]);
//! assert_eq!(r.dtype().name(), "float32"); // int8 and float32 promote to float32
//! ```

use super::{DynArray, DynBase, DynCow, DynData, DynView};
use crate::array::ArrayView;
use crate::copy::Cast;
use crate::dtype::{DType, Descr, Element};
use crate::error::{Error, Result};

/// Expands `$body` once per numeric dtype, with `$T` the element type of `$dtype`.
macro_rules! with_numeric {
    ($dtype:expr, $T:ident => $body:expr) => {
        match $dtype {
            $crate::dtype::DType::Bool => {
                type $T = bool;
                $body
            }
            $crate::dtype::DType::Int8 => {
                type $T = i8;
                $body
            }
            $crate::dtype::DType::Int16 => {
                type $T = i16;
                $body
            }
            $crate::dtype::DType::Int32 => {
                type $T = i32;
                $body
            }
            $crate::dtype::DType::Int64 => {
                type $T = i64;
                $body
            }
            $crate::dtype::DType::UInt8 => {
                type $T = u8;
                $body
            }
            $crate::dtype::DType::UInt16 => {
                type $T = u16;
                $body
            }
            $crate::dtype::DType::UInt32 => {
                type $T = u32;
                $body
            }
            $crate::dtype::DType::UInt64 => {
                type $T = u64;
                $body
            }
            $crate::dtype::DType::Float16 => {
                type $T = $crate::dtype::f16;
                $body
            }
            $crate::dtype::DType::Float32 => {
                type $T = f32;
                $body
            }
            $crate::dtype::DType::Float64 => {
                type $T = f64;
                $body
            }
            $crate::dtype::DType::Complex64 => {
                type $T = $crate::dtype::C64;
                $body
            }
            $crate::dtype::DType::Complex128 => {
                type $T = $crate::dtype::C128;
                $body
            }
        }
    };
}
pub(crate) use with_numeric;

impl<S: DynData> DynBase<S> {
    /// The array in numeric dtype `t`, native order and aligned: a view when it already
    /// is, else one cast (copy) with NumPy's unsafe-cast results.
    pub(crate) fn as_numeric(&self, t: DType) -> Result<DynCow<'_>> {
        if self.descr.numeric() == Some(t) && self.descr.is_native() && self.is_aligned() {
            return Ok(self.view().into());
        }
        Ok(self.astype(&t.into())?.into())
    }
}

/// A typed operation of one array: implement once, run on every numeric dtype.
pub trait UnaryKernel {
    /// Runs the operation on a typed view.
    ///
    /// # Errors
    /// Whatever the operation reports.
    fn call<T: Element + Cast>(&self, a: ArrayView<'_, T>) -> Result<DynArray>;
}

/// A typed operation of several arrays of one element type (concatenate, stack, where …).
pub trait ManyKernel {
    /// Runs the operation on typed views of the common dtype.
    ///
    /// # Errors
    /// Whatever the operation reports.
    fn call<T: Element + Cast>(&self, arrays: &[ArrayView<'_, T>]) -> Result<DynArray>;
}

/// Runs a typed operation on a numeric dynamic array: one dispatch on the dtype, then the
/// typed kernel on a view (no copy unless the array is byte-swapped or unaligned).
///
/// # Errors
/// For dtypes without a typed element (strings, records …), and the kernel's errors.
pub fn map_unary<S: DynData>(a: &DynBase<S>, k: &impl UnaryKernel) -> Result<DynArray> {
    let t = a
        .dtype()
        .numeric()
        .ok_or_else(|| Error::Type(format!("the operation needs a numeric dtype, not {}", a.dtype())))?;
    let a = a.as_numeric(t)?;
    with_numeric!(t, T => k.call(a.typed::<T>()?))
}

/// Runs a typed operation on several arrays: their dtypes are promoted
/// ([`promote_types`](crate::promote_types)), each is cast once to the common dtype, and
/// the typed kernel runs on views of them.
///
/// # Errors
/// When the dtypes have no common numeric dtype, and the kernel's errors.
pub fn map_many(arrays: &[DynView<'_>], k: &impl ManyKernel) -> Result<DynArray> {
    let Some(first) = arrays.first() else {
        return Err(Error::Value("need at least one array".into()));
    };
    let mut common: Descr = first.dtype().to_native();
    for a in &arrays[1..] {
        common = crate::promote::promote_types(&common, a.dtype())?;
    }
    let t =
        common.numeric().ok_or_else(|| Error::Type(format!("the operation needs a numeric dtype, not {common}")))?;
    let cast: Vec<DynCow<'_>> = arrays.iter().map(|a| a.as_numeric(t)).collect::<Result<_>>()?;
    with_numeric!(t, T => {
        let views: Vec<ArrayView<'_, T>> = cast.iter().map(|c| c.typed::<T>()).collect::<Result<_>>()?;
        k.call(&views)
    })
}

/// The buffered loop's conversion from numeric dtype `from` to `to`, with
/// [`astype`](DynBase::astype)'s results.
pub(crate) fn cast_fn(from: DType, to: DType) -> crate::buffered::CastFn {
    with_numeric!(from, A => with_numeric!(to, B => cast_run::<A, B> as crate::buffered::CastFn))
}

/// Converts `len` elements: `p = [dst, src]`, byte strides `s`.
///
/// # Safety
/// `len` readable `A`s at `p[1]` and writable slots for `len` `B`s at `p[0]`, at the strides.
#[allow(unsafe_code)]
unsafe fn cast_run<A: Cast, B: Cast>(p: [*mut u8; 2], s: [isize; 2], len: usize) {
    // SAFETY: forwarded contract.
    unsafe { crate::zip::run_map(p, s, len, &B::cast_from::<A>) }
}
