//! Comparisons of typed arrays: `numpy.equal`, `not_equal`, `less`, `less_equal`,
//! `greater`, `greater_equal`, as functions (returning the error) and as methods (panicking
//! with it, as the operators do).
//!
//! They have NumPy's results for every pair of operands: NaN compares unequal to
//! everything (so only `not_equal` holds), complex numbers order by real part then
//! imaginary part, integers of different signedness compare by value (`int64(-1) <
//! uint64(2**64 - 1)`), a Rust integer outside the array's range compares by value
//! (`uint8_array == -1` is all false), and a Rust float is a weak scalar
//! (`float32_array == 0.1` compares with `float32(0.1)`). The typed operands reach the one
//! comparison implementation of dynamic arrays ([`compare`](crate::dynarray::compare)) as
//! views, without a copy; two integer arrays of different types compare here, by value.

use super::operand::TypedOperand;
use crate::array::{Array, ArrayBase, ArrayView};
use crate::copy::{Cast, Family};
use crate::dynarray::{CompareOp, compare};
use crate::error::Result;
use crate::storage::Data;

/// True for bool and integer families (compared exactly as integers).
fn integral(f: Family) -> bool {
    matches!(f, Family::Bool | Family::Int | Family::UInt)
}

/// An integer or bool value as an exact `i128`.
#[inline(always)]
fn exact<T: Cast>(x: T) -> i128 {
    match T::FAMILY {
        Family::UInt => i128::from(x.to_i64_wrapping() as u64),
        _ => i128::from(x.to_i64_wrapping()),
    }
}

/// `op(a, b)` for two integer (or bool) arrays of any types, by value: NumPy 2's result
/// for integers of different signedness, which a float64 promotion would round. The one
/// implementation behind typed and dynamic comparisons of mixed integers.
pub(crate) fn compare_exact<A: Cast, B: Cast>(
    op: CompareOp,
    a: &ArrayView<'_, A>,
    b: &ArrayView<'_, B>,
) -> Result<Array<bool>> {
    crate::zip::zip_map(a, b, move |p, q| op.holds(Some(exact(p).cmp(&exact(q)))))
}

/// `op(a, b)` elementwise with broadcasting.
fn compare_operands<A: TypedOperand + ?Sized, B: TypedOperand + ?Sized>(
    op: CompareOp,
    a: &A,
    b: &B,
) -> Result<Array<bool>>
where
    A::Elem: Cast,
    B::Elem: Cast,
{
    let (fa, fb) = (<A::Elem as Cast>::FAMILY, <B::Elem as Cast>::FAMILY);
    let (ta, tb) = (<A::Elem as crate::dtype::Element>::DTYPE, <B::Elem as crate::dtype::Element>::DTYPE);
    if integral(fa) && integral(fb) && ta != tb {
        // NumPy 2 compares integers of different signedness and width by value
        // (`int64(-1) < uint64(2**64 - 1)`), not through a float64 promotion.
        return compare_exact(op, &a.operand_view(), &b.operand_view());
    }
    compare(op, a.dyn_operand(), b.dyn_operand())?.into_typed::<bool>()
}

macro_rules! compare_fn {
    ($(#[$doc:meta])* $name:ident, $op:ident) => {
        $(#[$doc])*
        ///
        /// Either operand may be an array, a view, a reference to either, or a Rust number;
        /// the element types may differ. The result is a `bool` array of the broadcast shape.
        ///
        /// # Errors
        /// [`Error::Broadcast`](crate::Error::Broadcast) when the shapes do not broadcast
        /// together.
        pub fn $name<A: TypedOperand, B: TypedOperand>(a: A, b: B) -> Result<Array<bool>>
        where
            A::Elem: Cast,
            B::Elem: Cast,
        {
            compare_operands(CompareOp::$op, &a, &b)
        }
    };
}

compare_fn!(
    /// `numpy.equal` (`a == b` elementwise).
    ///
    /// ```
    /// use nprs_core::{array, equal};
    /// assert_eq!(equal(&array![1.0, f64::NAN], &array![1.0, f64::NAN]).unwrap().to_vec(), vec![true, false]);
    /// assert_eq!(equal(&array![0u8, 255], -1).unwrap().to_vec(), vec![false, false]);
    /// ```
    equal, Equal
);
compare_fn!(
    /// `numpy.not_equal` (`a != b` elementwise).
    ///
    /// ```
    /// use nprs_core::{array, not_equal};
    /// assert_eq!(not_equal(&array![1.0, f64::NAN], 1.0).unwrap().to_vec(), vec![false, true]);
    /// ```
    not_equal, NotEqual
);
compare_fn!(
    /// `numpy.less` (`a < b` elementwise).
    ///
    /// ```
    /// use nprs_core::{array, less};
    /// // int64 against uint64 compares by value
    /// let m = less(&array![-1i64, 5], &array![u64::MAX, 5]).unwrap();
    /// assert_eq!(m.to_vec(), vec![true, false]);
    /// ```
    less, Less
);
compare_fn!(
    /// `numpy.less_equal` (`a <= b` elementwise).
    ///
    /// ```
    /// use nprs_core::{array, less_equal};
    /// assert_eq!(less_equal(&array![1, 2, 3], 2).unwrap().to_vec(), vec![true, true, false]);
    /// ```
    less_equal, LessEqual
);
compare_fn!(
    /// `numpy.greater` (`a > b` elementwise).
    ///
    /// ```
    /// use nprs_core::{array, greater};
    /// assert_eq!(greater(2, &array![1, 2, 3]).unwrap().to_vec(), vec![true, false, false]);
    /// ```
    greater, Greater
);
compare_fn!(
    /// `numpy.greater_equal` (`a >= b` elementwise).
    ///
    /// ```
    /// use nprs_core::{array, greater_equal};
    /// assert_eq!(greater_equal(&array![1.5f32, 0.5], 1).unwrap().to_vec(), vec![true, false]);
    /// ```
    greater_equal, GreaterEqual
);

macro_rules! compare_method {
    ($(#[$doc:meta])* $name:ident, $op:ident) => {
        $(#[$doc])*
        ///
        /// # Panics
        /// When the shapes do not broadcast together (the function form returns the error).
        #[must_use]
        #[track_caller]
        pub fn $name<B: TypedOperand>(&self, b: B) -> Array<bool>
        where
            S::Elem: Cast,
            B::Elem: Cast,
        {
            crate::error::or_panic(compare_operands(CompareOp::$op, self, &b))
        }
    };
}

impl<S: Data> ArrayBase<S> {
    compare_method!(
        /// `a == b` elementwise (`numpy.equal`), as a `bool` array.
        ///
        /// ```
        /// use nprs_core::prelude::*;
        /// let a = array![1, 2, 3];
        /// assert_eq!(a.equal(2).to_vec(), vec![false, true, false]);
        /// ```
        equal, Equal
    );
    compare_method!(
        /// `a != b` elementwise (`numpy.not_equal`), as a `bool` array.
        ///
        /// ```
        /// use nprs_core::prelude::*;
        /// assert_eq!(array![1.0, f64::NAN].not_equal(1.0).to_vec(), vec![false, true]);
        /// ```
        not_equal, NotEqual
    );
    compare_method!(
        /// `a < b` elementwise (`numpy.less`), as a `bool` array.
        ///
        /// ```
        /// use nprs_core::prelude::*;
        /// assert_eq!(array![1, 5].less(&array![3, 3]).to_vec(), vec![true, false]);
        /// ```
        less, Less
    );
    compare_method!(
        /// `a <= b` elementwise (`numpy.less_equal`), as a `bool` array.
        ///
        /// ```
        /// use nprs_core::prelude::*;
        /// assert_eq!(array![1, 5].less_equal(1).to_vec(), vec![true, false]);
        /// ```
        less_equal, LessEqual
    );
    compare_method!(
        /// `a > b` elementwise (`numpy.greater`), as a `bool` array: `a[a > 0]` is
        /// `a.mask_select(&a.greater(0))`.
        ///
        /// ```
        /// use nprs_core::prelude::*;
        /// let a = array![-1.5, 2.0, 0.0, 3.5];
        /// assert_eq!(a.mask_select(&a.greater(0)).unwrap().to_vec(), vec![2.0, 3.5]);
        /// ```
        greater, Greater
    );
    compare_method!(
        /// `a >= b` elementwise (`numpy.greater_equal`), as a `bool` array.
        ///
        /// ```
        /// use nprs_core::prelude::*;
        /// assert_eq!(array![[1, 2], [3, 4]].greater_equal(&array![2, 4]).to_vec(), vec![false, false, true, true]);
        /// ```
        greater_equal, GreaterEqual
    );
}
