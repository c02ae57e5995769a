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

pub use crate::dynarray::{ManyKernel, UnaryKernel, map_many, map_unary};
pub use crate::engine::{PAR_THRESHOLD, Plan};
pub use crate::storage::{ALIGN, CowRepr, Data, DataMut, OwnedRepr, RawData, ViewRepr};
pub use crate::zip::{for_each_mut, has_avx2, map, zip_map, zip_mut_with};
