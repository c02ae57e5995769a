//! # nprs-core
//!
//! N-dimensional arrays with NumPy's semantics: the foundation of nprs.
//!
//! - [`Array`], [`ArrayView`] and [`ArrayViewMut`]: one array type whose storage says whether
//!   it owns its data or borrows it. Every function and operator takes any of them.
//! - Element types: `bool`, `i8`…`i64`, `u8`…`u64`, [`f16`](struct@f16), `f32`, `f64`, [`C64`]
//!   (`complex64`) and [`C128`] (`complex128`).
//! - Views, never copies: slicing with [`s!`], transposes, broadcasting, reshapes where
//!   the layout allows.
//! - Broadcasting arithmetic with NumPy's element rules; fallible function forms such as
//!   [`add`] return the error that the operators panic with.
//! - One N-d iteration engine under every elementwise operation, copy and cast; other
//!   crates reach it through the [`kernel`] API.
//!
//! ```
//! use nprs_core::prelude::*;
//!
//! let a = Array::<f64>::arange(12).into_shape(&[3, 4]).unwrap();
//! let row = array![10.0, 20.0, 30.0, 40.0];
//! let b = &a + &row; // broadcasts (3, 4) + (4,)
//! assert_eq!(b.shape(), &[3, 4]);
//! assert_eq!(b.get(&[2, 3]).unwrap(), 51.0);
//! let t = b.t(); // a view: no copy
//! assert_eq!(t.shape(), &[4, 3]);
//! ```
//!
//! Dependencies beyond the workspace's chosen set: `smallvec` keeps shapes and strides of
//! up to six axes inline, so creating views does not allocate.

pub mod array;
mod buffered;
pub mod copy;
mod copyto;
pub mod creation;
pub mod dims;
pub mod dtype;
pub(crate) mod engine;
pub mod error;
pub mod fpstatus;
mod frombuffer;
pub mod grids;
pub mod index;
pub mod iter;
pub mod kernel;
pub mod layout;
pub mod manip;
pub mod matrix;
pub mod mem;
pub mod namespace;
pub mod ops;
pub mod print;
pub mod printf;
pub mod ranges;
pub mod shape;
pub mod shares;
pub mod slice;
pub(crate) mod storage;
pub mod subdtype;
pub mod type_check;
pub mod uninit;
mod vander;
pub mod warnings;
pub(crate) mod zip;

pub use array::{Array, ArrayBase, ArrayView, ArrayViewMut, CowArray, Flags};
pub use copy::{Cast, ascontiguousarray, asfortranarray};
pub use creation::{asarray, empty, empty_like, fromiter, full, full_like, ones, ones_like, zeros, zeros_like};
pub use dims::{Order, broadcast_shapes};
pub use dtype::{C64, C128, Complex32, Complex64, DType, Element, f16};
pub use error::{Error, ErrorKind, Result};
pub use layout::{Layout, LayoutKind, Typed};
pub use ops::{
    add, divide, equal, floor_divide, greater, greater_equal, less, less_equal, multiply, negative, not_equal,
    remainder, subtract,
};
pub use print::{
    FloatMode, PrintOptions, Sign, array_repr, array_str, array2string, get_printoptions, printoptions,
    set_printoptions, with_printoptions,
};
pub use ranges::{
    Inexact, RangeArg, SpaceElem, arange, arange_as, geomspace, geomspace_as, linspace, linspace_as, linspace_retstep,
    linspace_retstep_as, logspace, logspace_as,
};
pub use shape::broadcast_arrays;
pub use shares::{may_share_memory, shares_memory};
pub use slice::{ELLIPSIS, NEW_AXIS, SliceArg};
pub use storage::{large_buffer_totals, release_cached_buffers};
pub use uninit::UninitArray;

// Routines are re-exported at the crate root by module.
pub use grids::*;

pub use index::*;

pub use manip::*;

pub use matrix::*;

pub mod dynarray;
pub mod promote;
pub mod records;
pub mod scalar;
pub mod strings;
pub use copyto::copyto;
pub use dtype::{ByteOrder, Descr, DescrKind, FInfo, IInfo, TimeUnit, finfo, iinfo};
pub use dynarray::{
    BinaryOp, CompareOp, DynArray, DynBase, DynCow, DynView, DynViewMut, ManyKernel, Operand, UfuncOptions, UnaryKernel,
};
pub use dynarray::{DynIndexedIter, DynIter};
pub use dynarray::{map_many, map_unary};
pub use frombuffer::frombuffer;
pub use namespace::{
    Broadcast, E, EULER_GAMMA, INF, LITTLE_ENDIAN, NAN, NUMPY_VERSION, NdIndex, PI, TYPECODES, TypeCodes, VERSION,
    asarray_chkfinite, atleast_1d, atleast_2d, atleast_3d, base_repr, binary_repr, broadcast, isfortran, mintypecode,
    ndindex, typename,
};
pub use print::{FloatFormat, FloatTrim, FormatFloat, format_float_positional, format_float_scientific};
pub use promote::{Casting, TypeArg, can_cast, common_type, min_scalar_type, promote_types, result_type};
pub use scalar::{Np, NpFormat, Scalar};
pub use subdtype::{DTypeClass, SubDTypeArg, isdtype, issubdtype};
pub use type_check::{iscomplex, iscomplexobj, isneginf, isposinf, isreal, isrealobj, rollaxis};
pub use vander::vander;
mod mgrid;
mod vectorize;
pub use mgrid::{GridSlice, GridStep, mgrid, ogrid};
mod require;
pub use require::require;
pub use vectorize::{Vectorize, vectorize};
pub mod char;
pub mod index_tricks;
pub mod nditer;
pub mod rec;
pub use nditer::{NdIter, NdOperand, NestedIters, nditer, nested_iters};
mod vectorize_sig;
pub use index_tricks::{c_, r_};
pub use vectorize_sig::{CoreOutput, CoreSignature, VectorizeSig};

/// The names most programs need: `use nprs_core::prelude::*;`.
pub mod prelude {
    pub use crate::array::{Array, ArrayBase, ArrayView, ArrayViewMut, CowArray};
    pub use crate::dims::Order;
    pub use crate::dtype::{C64, C128, DType, Element, f16};
    pub use crate::error::{Error, Result};
    pub use crate::index::IndexArg;
    pub use crate::scalar::NpFormat;
    pub use crate::slice::{ELLIPSIS, NEW_AXIS, SliceArg};
    pub use crate::{array, idx, s};
}

/// The README (the registry page) and its example, run as a doctest.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
struct ReadmeDoctests;
