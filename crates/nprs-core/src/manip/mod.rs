//! Array manipulation routines with NumPy's semantics: joining (`concatenate`, `stack`,
//! `hstack`, `vstack`, `dstack`, `column_stack`, `block`, `append`), splitting (`split`,
//! `array_split`, `hsplit`, `vsplit`, `dsplit`), repeating (`tile`, `repeat`, `resize`),
//! reordering (`flip`, `fliplr`, `flipud`, `roll`, `rot90`), padding (`pad`), editing
//! (`insert`, `delete`, `trim_zeros`) and stride tricks (`sliding_window_view`,
//! `as_strided`).
//!
//! Where NumPy returns a view (splits, flips, rotations, trims, windows) these functions
//! return an [`ArrayView`](crate::ArrayView) borrowing the input; everything else returns
//! a new [`Array`](crate::Array).
//!
//! Lists of arrays are taken as `&[A]` with `A:` [`AsArrayView`]: references to arrays,
//! views, or plain Rust arrays. Axis arguments take an integer, `None` or a list
//! ([`AxisArg`]); "an int or a list of ints" arguments take [`Ints`].
//!
//! ```
//! use nprs_core::prelude::*;
//! use nprs_core::{concatenate, split, stack};
//!
//! let a = array![[1, 2], [3, 4]];
//! let b = array![[5, 6]];
//! let c = concatenate(&[&a, &b], 0).unwrap();
//! assert_eq!(c.shape(), &[3, 2]);
//! let parts = split(&c, 3, 0).unwrap();
//! let s = stack(&parts, 0).unwrap();
//! assert_eq!(s.shape(), &[3, 1, 2]);
//! ```
//!
//! All inputs of one call share an element type: where NumPy would promote mixed dtypes,
//! convert first with [`astype`](crate::ArrayBase::astype).

mod args;
mod block;
mod canvas;
mod edit;
mod join;
mod pad;
mod reorder;
mod repeat;
mod split;
mod strided;

pub use args::{AsArrayView, AxisArg, IntoShape, Ints, Positions};
pub use block::{Block, block};
pub use edit::{delete, insert, trim_zeros};
pub use join::{append, column_stack, concatenate, dstack, hstack, stack, vstack};
pub use pad::{PadElement, PadMode, PadValues, PadWidth, ReflectType, pad};
pub use reorder::{flip, fliplr, flipud, roll, rot90};
pub use repeat::{repeat, resize, tile};
pub use split::{array_split, dsplit, hsplit, split, vsplit};
pub use strided::{as_strided, sliding_window_view};
