//! `ufunc.reduce` on the table's loops.
//!
//! A reduction along an axis starts from `initial`, the identity (with `where=`, or for an
//! empty axis) or the first element, and applies the binary loop in place, one position of
//! the reduced axis after the other, as NumPy's iterator does when the reduced axis is not
//! the innermost in memory. `add` over floats along an axis that is innermost in memory
//! (a row of a C-ordered array, a 1-d array) uses NumPy's pairwise summation per lane,
//! through [`SumElem`](crate::SumElem) — the summation `sum` uses — so the bits are NumPy's.

use nprs_core::dynarray::{DynArray, DynView, Operand};
use nprs_core::{Casting, DType, Error, Result, Scalar, TypeArg, UfuncOptions, f16};

use super::{Identity, Ufunc};
use crate::reduce::SumElem;

/// Options of [`Ufunc::reduce`]: NumPy's `axis`, `keepdims`, `initial` and `where`.
#[derive(Default)]
pub struct ReduceOptions<'w> {
    axis: Option<Option<isize>>,
    keepdims: bool,
    initial: Option<Scalar>,
    mask: Option<DynView<'w>>,
}

impl<'w> ReduceOptions<'w> {
    /// NumPy's defaults: `axis=0`, no `keepdims`, no `initial`, no mask.
    #[must_use]
    pub fn new() -> Self {
        Self::default()
    }

    /// The axis to reduce (`axis=`; negative counts from the end).
    #[must_use]
    pub fn axis(mut self, axis: isize) -> Self {
        self.axis = Some(Some(axis));
        self
    }

    /// Reduce over every axis (`axis=None`).
    #[must_use]
    pub fn all_axes(mut self) -> Self {
        self.axis = Some(None);
        self
    }

    /// Keep the reduced axis with length one (`keepdims=True`).
    #[must_use]
    pub fn keepdims(mut self, keep: bool) -> Self {
        self.keepdims = keep;
        self
    }

    /// The value the reduction starts from (`initial=`).
    #[must_use]
    pub fn initial(mut self, value: impl Into<Scalar>) -> Self {
        self.initial = Some(value.into());
        self
    }

    /// Only the elements where `mask` (broadcast to the input) is true take part (`where=`).
    #[must_use]
    pub fn where_mask(mut self, mask: &'w DynArray) -> Self {
        self.mask = Some(mask.view());
        self
    }
}

impl Ufunc {
    /// `ufunc.reduce(a, axis=…, keepdims=…, initial=…, where=…)` for a binary ufunc.
    ///
    /// ```
    /// use nprs_core::prelude::*;
    /// use nprs_core::DynArray;
    /// use nprs_ufunc::ufunc::ReduceOptions;
    /// use nprs_ufunc::ufuncs::{ADD, MAXIMUM};
    /// let a = DynArray::from(array![[1i8, 5, 3], [4, 2, 6]]);
    /// let s = ADD.reduce(&a.view(), &ReduceOptions::new().axis(1))?;
    /// assert_eq!(s.typed::<i64>()?.to_vec(), vec![9, 12]); // small ints sum in int64
    /// let m = MAXIMUM.reduce(&a.view(), &ReduceOptions::new().all_axes().keepdims(true))?;
    /// assert_eq!(m.shape(), &[1, 1]);
    /// # Ok::<(), nprs_core::Error>(())
    /// ```
    ///
    /// # Errors
    /// NumPy's errors: an axis out of range; an empty axis or `where=` without `initial`
    /// for a ufunc without an identity; a ufunc that is not binary
    /// ([`Error::UFuncNotSupported`]); as [`call`](Self::call).
    pub fn reduce(&self, a: &DynView<'_>, opts: &ReduceOptions<'_>) -> Result<DynArray> {
        if self.nin != 2 || self.nout != 1 {
            return Err(Error::UFuncNotSupported { ufunc: self.name });
        }
        let ndim = a.ndim();
        let axis = opts.axis.unwrap_or(Some(0));
        // axis=None: the flattened array (a view when the layout allows) along its one axis.
        let flat;
        let (src, ax) = match axis {
            None => {
                flat = a.reshape(&[a.size()][..])?;
                (flat.view(), 0)
            }
            Some(ax) => {
                if ax < -(ndim as isize) || ax >= ndim as isize {
                    return Err(Error::AxisOutOfBounds { axis: ax, ndim });
                }
                (a.reborrow(), ax)
            }
        };
        let moved = src.moveaxis(&[ax], &[0])?;
        let n = moved.shape().first().copied().unwrap_or(1);
        let rest: Vec<usize> = moved.shape()[1..].to_vec();
        let t = self.reduce_dtype(a.dtype().numeric())?;
        let mask_flat;
        let mask_full;
        let mask = match &opts.mask {
            Some(m) => {
                mask_full = m.broadcast_to(a.shape())?;
                let mv = match axis {
                    None => {
                        mask_flat = mask_full.reshape(&[a.size()][..])?;
                        mask_flat.view()
                    }
                    Some(_) => mask_full.reborrow(),
                };
                Some(mv.moveaxis(&[ax], &[0])?.to_owned())
            }
            None => None,
        };
        let identity = match self.identity {
            Identity::None => None,
            Identity::Zero => Some(Scalar::Int(0)),
            Identity::One => Some(Scalar::Int(1)),
            Identity::MinusOne => Some(Scalar::Int(-1)),
        };
        let start = match (&opts.initial, &mask) {
            (Some(v), _) => Some(v.clone()),
            (None, Some(_)) => Some(identity.ok_or(Error::ReduceWhereWithoutInitial { ufunc: self.name })?),
            (None, None) if n == 0 => Some(identity.ok_or(Error::ReduceEmpty { ufunc: self.name })?),
            (None, None) => None,
        };
        let pairwise = self.name == "add" && start.is_none() && innermost(a, axis);
        let mut out = match pairwise_lanes(&moved, t, pairwise)? {
            Some(r) => r,
            None => {
                let mut out = match &start {
                    Some(v) => DynArray::full(&rest, &t.into(), v.clone())?,
                    None => moved.at(&[0])?.astype(&t.into())?,
                };
                for k in usize::from(start.is_none())..n {
                    let item = moved.at(&[k as isize])?;
                    let mk = match &mask {
                        Some(m) => Some(m.at(&[k as isize])?),
                        None => None,
                    };
                    let mut o = UfuncOptions::new().casting(Casting::Unsafe);
                    if let Some(m) = &mk {
                        o = o.where_mask(m);
                    }
                    self.call_all(&[Operand::Array(item)], o.inplace(out.view_mut()))?;
                }
                out
            }
        };
        if opts.keepdims {
            let keep: Vec<usize> = match axis {
                None => vec![1; ndim],
                Some(_) => {
                    let axn = ax.rem_euclid(ndim.max(1) as isize) as usize;
                    let mut s = rest.clone();
                    s.insert(axn.min(s.len()), 1);
                    s
                }
            };
            out = out.reshape(&keep[..])?.into_owned();
        }
        Ok(out)
    }

    /// The dtype a reduction computes in: the input's, except that `add` and `multiply`
    /// sum bool and integers narrower than 64 bits in int64 (uint64 for unsigned), as
    /// NumPy's reductions do; a loop whose output differs from its input (`logical_and`
    /// of floats) reduces in its output's dtype.
    fn reduce_dtype(&self, t: Option<DType>) -> Result<DType> {
        let t = t.ok_or(Error::UFuncNotSupported { ufunc: self.name })?;
        let t = match (self.name, t) {
            ("add" | "multiply", DType::Bool | DType::Int8 | DType::Int16 | DType::Int32) => DType::Int64,
            ("add" | "multiply", DType::UInt8 | DType::UInt16 | DType::UInt32) => DType::UInt64,
            _ => t,
        };
        let r = self.resolve(&[TypeArg::from(t), TypeArg::from(t)], &UfuncOptions::new())?;
        Ok(r.dtypes[2])
    }
}

/// True when NumPy's iterator walks the reduced axis innermost: a 1-d (or flattened)
/// input, or an axis whose stride is the smallest of the axes longer than one.
fn innermost(a: &DynView<'_>, axis: Option<isize>) -> bool {
    let Some(ax) = axis else { return true };
    let nd = a.ndim() as isize;
    if nd <= 1 {
        return true;
    }
    let ax = ax.rem_euclid(nd) as usize;
    let s = a.strides()[ax].unsigned_abs();
    a.shape().iter().zip(a.strides()).enumerate().all(|(j, (&d, &st))| j == ax || d <= 1 || st.unsigned_abs() > s)
}

/// `add` along axis 0 of `moved` by NumPy's pairwise summation per lane, for float
/// dtypes when `pairwise` (`None` otherwise: other reductions run in order). Each lane is
/// read where it lies when it is contiguous in the loop's dtype, else copied (one lane).
fn pairwise_lanes(moved: &DynView<'_>, t: DType, pairwise: bool) -> Result<Option<DynArray>> {
    fn lanes<T: SumElem<Out = T>>(moved: &DynView<'_>) -> Result<DynArray> {
        let rest: Vec<usize> = moved.shape()[1..].to_vec();
        let last = moved.moveaxis(&[0], &[-1])?;
        let count: usize = rest.iter().product();
        let mut idx = vec![0isize; rest.len()];
        let mut sums = Vec::with_capacity(count);
        for _ in 0..count {
            let lane = last.at(&idx)?;
            let s = match lane.typed::<T>() {
                Ok(v) if v.as_slice().is_some() => T::sum_run(v.as_slice().unwrap_or_default()),
                _ => T::sum_run(&lane.astype(&T::DTYPE.into())?.to_typed::<T>()?.to_vec()),
            };
            sums.push(s);
            for d in (0..rest.len()).rev() {
                idx[d] += 1;
                if (idx[d] as usize) < rest[d] {
                    break;
                }
                idx[d] = 0;
            }
        }
        Ok(DynArray::from(nprs_core::Array::from_shape_vec(&rest, sums)?))
    }
    if !pairwise || moved.shape().first().is_some_and(|&n| n == 0) {
        return Ok(None);
    }
    Ok(match t {
        DType::Float64 => Some(lanes::<f64>(moved)?),
        DType::Float32 => Some(lanes::<f32>(moved)?),
        DType::Float16 => Some(lanes::<f16>(moved)?),
        _ => None,
    })
}
