//! Negation of dynamic arrays: `numpy.negative` and `-a` for an array whose dtype is known
//! at run time, through the typed [`negative`](super::negative) of its element type.

use std::ops::Neg;

use super::{ElemNeg, negative};
use crate::dtype::DType;
use crate::dynarray::{DynArray, DynBase, DynData, DynView};
use crate::error::{Error, Result};

/// The typed negation of a numeric view of element type `T`.
fn negate_as<T: ElemNeg>(a: &DynView<'_>) -> Result<DynArray> {
    Ok(DynArray::from(negative(&a.typed::<T>()?)))
}

impl<S: DynData> DynBase<S> {
    /// `numpy.negative(a)` (`-a`): integers wrap (`-(-128)` is `-128` in `int8`), floats
    /// flip their sign (`-0.0` from `0.0`), complex numbers negate both parts.
    ///
    /// ```
    /// use nprs_core::prelude::*;
    /// use nprs_core::DynArray;
    /// let d = DynArray::from(array![1i8, -128, 0]);
    /// let n = d.negative().unwrap();
    /// assert_eq!(n.typed::<i8>().unwrap().to_vec(), vec![-1, -128, 0]);
    /// assert_eq!((-&d).typed::<i8>().unwrap().to_vec(), vec![-1, -128, 0]);
    /// ```
    ///
    /// # Errors
    /// NumPy's TypeError for `bool` ("The numpy boolean negative, the `-` operator, is not
    /// supported, use the `~` operator or the logical_not function instead.") and for
    /// dtypes that are not numbers (strings, records …).
    #[doc(alias = "numpy.negative")]
    pub fn negative(&self) -> Result<DynArray> {
        let t = self.dtype().numeric().ok_or_else(|| Error::UFuncNoLoop {
            ufunc: "negative".into(),
            types: vec![format!("<class 'numpy.dtypes.{}'>", crate::promote::dtype_class(self.dtype()))],
        })?;
        let a = self.as_numeric(t)?;
        let a = a.view();
        match t {
            DType::Bool => Err(Error::BoolNegative),
            DType::Int8 => negate_as::<i8>(&a),
            DType::Int16 => negate_as::<i16>(&a),
            DType::Int32 => negate_as::<i32>(&a),
            DType::Int64 => negate_as::<i64>(&a),
            DType::UInt8 => negate_as::<u8>(&a),
            DType::UInt16 => negate_as::<u16>(&a),
            DType::UInt32 => negate_as::<u32>(&a),
            DType::UInt64 => negate_as::<u64>(&a),
            DType::Float16 => negate_as::<crate::dtype::f16>(&a),
            DType::Float32 => negate_as::<f32>(&a),
            DType::Float64 => negate_as::<f64>(&a),
            DType::Complex64 => negate_as::<crate::dtype::C64>(&a),
            DType::Complex128 => negate_as::<crate::dtype::C128>(&a),
        }
    }
}

impl<S: DynData> Neg for &DynBase<S> {
    type Output = DynArray;
    /// [`DynBase::negative`].
    ///
    /// # Panics
    /// For `bool` and non-numeric dtypes, with NumPy's message.
    #[track_caller]
    fn neg(self) -> DynArray {
        crate::error::or_panic(self.negative())
    }
}

impl<S: DynData> Neg for DynBase<S> {
    type Output = DynArray;
    /// [`DynBase::negative`].
    ///
    /// # Panics
    /// For `bool` and non-numeric dtypes, with NumPy's message.
    #[track_caller]
    fn neg(self) -> DynArray {
        crate::error::or_panic(self.negative())
    }
}
