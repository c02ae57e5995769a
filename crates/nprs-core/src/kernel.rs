//! The kernel API: how code outside nprs-core runs elementwise work over arrays and writes
//! functions generic over array storage. It is the only door to the iteration engine; the
//! engine, its run kernels and the buffer management stay private to nprs-core, so they
//! can change without breaking anyone.
//!
//! - **Storage** (sealed traits: only nprs-core implements them): [`RawData`], [`Data`]
//!   and [`DataMut`] bound the storage parameter of [`ArrayBase`](crate::ArrayBase) in
//!   generic code (`fn f<S: Data<Elem = f64>>(a: &ArrayBase<S>)` takes owned arrays, views
//!   and copy-on-write arrays alike); [`OwnedRepr`], [`ViewRepr`] and [`CowRepr`] are the
//!   storage types themselves.
//! - **Elementwise drivers** over the engine (dimensions coalesced, axes ordered by
//!   stride, broadcasting by zero strides, AVX2 kernels chosen at run time, large work split
//!   over the rayon pool): [`map`], [`zip_map`], [`for_each_mut`], [`zip_mut_with`]. All
//!   are safe; closures must be `Fn + Sync + Send` because they may run on several threads.
//! - **Plans**: [`Plan`] tells how the engine would walk a layout (how many axes remain
//!   after merging, the length of the innermost run), for code that picks a strategy by
//!   layout, as reductions do.
//! - **Dynamic arrays**: [`map_unary`] and [`map_many`] run a typed kernel
//!   ([`UnaryKernel`], [`ManyKernel`]) on dynamic arrays of any numeric dtype, with one
//!   dispatch per call. Binary arithmetic with NumPy's options is
//!   [`binary_with`](crate::dynarray::binary_with) / [`binary_out`](crate::dynarray::binary_out);
//!   floating-point error states are [`fpstatus`](crate::fpstatus).
//! - **Ufunc loops** (what the ufunc table of nprs-ufunc is built from): a loop is a
//!   type-erased [`LoopFn`] over the engine's strided runs (its safety contract is on the
//!   type). [`run_loop`] runs one over any operands with NumPy's options
//!   ([`UfuncOptions`](crate::UfuncOptions): `out`, `where`, `casting`, `order`) — the one
//!   execution path, safe, with broadcasting, buffered casting, overlap copies and the
//!   error state. Loops come from element kernels through the adapters [`unary`],
//!   [`binary`], [`unary2`] and [`binary2`] (implement [`ElemUnary`], [`ElemBinary`],
//!   [`ElemUnary2`] or [`ElemBinary2`] on a zero-sized type), or are nprs-core's own
//!   operator loops ([`loops`]).
//!
//! ```
//! use nprs_core::prelude::*;
//! use nprs_core::kernel::{self, Data};
//!
//! /// `x * x` for any float64 array or view.
//! fn square<S: Data<Elem = f64>>(a: &ArrayBase<S>) -> Array<f64> {
//!     kernel::map(a, |x| x * x)
//! }
//! let a = array![[1.0, 2.0], [3.0, 4.0]];
//! assert_eq!(square(&a.t()).to_vec(), vec![1.0, 9.0, 4.0, 16.0]);
//! let hyp = kernel::zip_map(&a, &array![10.0, 20.0], |x: f64, y: f64| (x * x + y * y).sqrt()).unwrap();
//! assert_eq!(hyp.shape(), &[2, 2]);
//! let plan = kernel::Plan::<1>::new(&[3, 4], [&[32, 8]]); // C-contiguous float64
//! assert_eq!((plan.ndim(), plan.inner_len()), (1, 12));
//! ```

pub use crate::buffered::{LoopFn, MAX_IN, MAX_OUT};
pub use crate::dynarray::ufunc::{LoopSpec, ResultOrder, run_loop};
pub use crate::dynarray::{ManyKernel, NpOrd, Operand, UnaryKernel, map_many, map_unary};
pub use crate::engine::{PAR_THRESHOLD, Plan};
pub use crate::fpstatus::FpFlags;
pub use crate::storage::{ALIGN, CowRepr, Data, DataMut, OwnedRepr, RawData, ViewRepr};
pub use crate::zip::{for_each_mut, has_avx2, map, prefetch, zip_map, zip_mut_with};
pub use elem::{ElemBinary, ElemBinary2, ElemUnary, ElemUnary2, binary, binary2, unary, unary2};
pub use rows::{RowArg, is_dense, run_rows};

mod elem;
mod rows;

/// nprs-core's own loops (the operators' kernels), for the ufunc table: each is a
/// [`LoopFn`] over one element type, `loops::add::<f64> as LoopFn`.
pub mod loops {
    pub use crate::dynarray::ufunc::{
        add_loop as add, div_loop as divide, eq_loop as equal, floor_div_loop as floor_divide,
        ge_loop as greater_equal, gt_loop as greater, le_loop as less_equal, lt_loop as less, mul_loop as multiply,
        ne_loop as not_equal, neg_loop as negative, rem_loop as remainder, sub_loop as subtract,
    };
}
