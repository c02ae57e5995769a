//! `ufunc.reduce` on the table's loops.
//!
//! A reduction along an axis starts from `initial`, the identity (with `where=`, or for an
//! empty axis) or the first element, and applies the binary loop in place, one position of
//! the reduced axis after the other, as NumPy's iterator does when the reduced axis is not
//! the innermost in memory. `add` over floats along an axis that is innermost in memory
//! (a row of a C-ordered array, a 1-d array) uses NumPy's pairwise summation per lane,
//! through [`SumElem`](crate::SumElem) — the summation `sum` uses — so the bits are NumPy's.

use nprs_core::dynarray::{DynArray, DynView, DynViewMut, Operand};
use nprs_core::kernel::{LoopSpec, RowArg, is_dense, run_rows};
use nprs_core::{Casting, DType, Descr, Error, Order, Result, Scalar, TypeArg, UfuncOptions};

use super::{Identity, Ufunc};
use crate::reductions::{lanes, pairwise};

/// Options of [`Ufunc::reduce`]: NumPy's `axis`, `keepdims`, `initial` and `where`.
#[derive(Default)]
pub struct ReduceOptions<'w> {
    axis: Option<Option<isize>>,
    axes: Option<Vec<isize>>,
    dtype: Option<DType>,
    keepdims: bool,
    initial: Option<Scalar>,
    mask: Option<DynView<'w>>,
    /// Combine the positions in order even where `add` would sum pairwise (the outer
    /// stage of a reduction over several axes).
    in_order: bool,
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

    /// Reduce over several axes at once (`axis=(0, 2)`; negative counts from the end).
    #[must_use]
    pub fn axes(mut self, axes: &[isize]) -> Self {
        self.axes = Some(axes.to_vec());
        self
    }

    /// The dtype the reduction computes in and returns (`dtype=`): the loop is chosen for
    /// two operands of this dtype, with no widening of small integers.
    #[must_use]
    pub fn dtype(mut self, dtype: DType) -> Self {
        self.dtype = Some(dtype);
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

    /// As [`where_mask`](Self::where_mask), with the mask given as a view.
    #[must_use]
    pub fn where_view(mut self, mask: DynView<'w>) -> Self {
        self.mask = Some(mask);
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
        let counts_reduce = |u: &Ufunc, counts: &DynView<'_>, numeric: bool| {
            if numeric || opts.dtype.is_none() {
                u.reduce(counts, opts)
            } else {
                u.reduce(
                    counts,
                    &ReduceOptions {
                        dtype: None,
                        mask: opts.mask.as_ref().map(DynView::reborrow),
                        axes: opts.axes.clone(),
                        initial: opts.initial.clone(),
                        ..*opts
                    },
                )
            }
        };
        if let Some(r) =
            super::datetime::reduce_counts(self, "reduce", a, opts.initial.as_ref(), opts.dtype, counts_reduce)?
        {
            return Ok(r);
        }
        let ndim = a.ndim();
        let several = match &opts.axes {
            Some(axes) => axes.len() > 1,
            None => opts.axis == Some(None) && ndim > 1,
        };
        if several && !self.reorderable() {
            return Err(Error::ReduceNotReorderable { ufunc: self.name });
        }
        if let Some(axes) = &opts.axes {
            return self.reduce_axes(a, axes, opts);
        }
        let axis = opts.axis.unwrap_or(Some(0));
        let t = match opts.dtype {
            Some(d) => self.resolve(&[TypeArg::from(d), TypeArg::from(d)], &UfuncOptions::new())?.dtypes[2],
            None => self.reduce_dtype(a.dtype().numeric())?,
        };
        // Float and complex `add` over every axis: NumPy's pairwise loop as its iterator
        // feeds it, read where the data lies.
        if axis.is_none()
            && self.name == "add"
            && let Some(r) = pairwise::add_all(a, t, opts.initial.as_ref(), opts.mask.as_ref())?
        {
            return Ok(if opts.keepdims { r.into_shape(vec![1; ndim].as_slice())? } else { r });
        }
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
            Identity::NegInfinity => Some(Scalar::Float(f64::NEG_INFINITY)),
        };
        let start = match (&opts.initial, &mask) {
            (Some(v), _) => Some(v.clone()),
            (None, Some(_)) => Some(identity.ok_or(Error::ReduceWhereWithoutInitial { ufunc: self.name })?),
            (None, None) if n == 0 => Some(identity.ok_or(Error::ReduceEmpty { ufunc: self.name })?),
            // NumPy starts a float `add` from its identity, not from the first element:
            // a slice of `-0.0` sums to `0.0`.
            (None, None) if self.name == "add" && t.is_inexact() => identity,
            (None, None) => None,
        };
        // Float and complex `add` along the axis NumPy walks innermost: the pairwise loop
        // per lane, from `initial` or the identity.
        let lanes = if self.name == "add" && !opts.in_order && innermost(a, axis) {
            let mv = mask.as_ref().map(|m| m.view());
            match pairwise::add_lanes(&moved, t, opts.initial.as_ref(), mv.as_ref())? {
                Some(r) => Some(r),
                // Integer and bool sums: the lane kernel, as the other ufuncs.
                None if mask.is_none() => match lanes::reduce_lanes(self, t, &moved, start.as_ref())? {
                    Some(r) => Some(r),
                    None => super::datetime::reduce_nat_lanes(self, t, &moved, start.as_ref())?,
                },
                None => None,
            }
        } else if self.name == "multiply"
            && t == DType::Float16
            && a.dtype().numeric() == Some(t)
            && a.dtype().is_native()
            && mask.is_none()
            && innermost(a, axis)
        {
            Some(pairwise::mul_f16_lanes(&moved, opts.initial.as_ref())?)
        } else if mask.is_none() && innermost(a, axis) {
            // A kernel that reduces each lane in one call, where the ufunc has one.
            match lanes::reduce_lanes(self, t, &moved, start.as_ref())? {
                Some(r) => Some(r),
                None => super::datetime::reduce_nat_lanes(self, t, &moved, start.as_ref())?,
            }
        } else {
            None
        };
        let direct = match (&lanes, &mask) {
            // An outer axis: its rows read in place, in column ranges, on threads.
            (None, None) if !innermost(a, axis) => match lanes::reduce_outer(self, t, &moved, start.as_ref())? {
                Some(r) => Some(r),
                None => match lanes::sum_outer_widened(self, t, &moved, start.as_ref())? {
                    Some(r) => Some(r),
                    None => self.reduce_rows(&moved, t, start.as_ref(), &rest)?,
                },
            },
            (None, None) => self.reduce_rows(&moved, t, start.as_ref(), &rest)?,
            _ => None,
        };
        let mut out = match (lanes, direct) {
            (Some(r), _) | (None, Some(r)) => r,
            (None, None) => {
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

    /// `ufunc.reduce(a, …, out=out)`: the reduction written into `out`, computed in the
    /// loop NumPy picks for `out`'s dtype and the input's unless the options give a
    /// `dtype` (`np.add.reduce(int8s, out=int8_out)` adds in int8 and wraps; a float sum
    /// into an int64 `out` adds in float64), and cast into `out` as NumPy does for
    /// reductions (unsafely).
    ///
    /// ```
    /// use nprs_core::prelude::*;
    /// use nprs_core::DynArray;
    /// use nprs_ufunc::ufunc::ReduceOptions;
    /// use nprs_ufunc::ufuncs::ADD;
    /// let a = DynArray::from(array![[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]]);
    /// let mut out = DynArray::zeros(&[3], &DType::Float32.into())?;
    /// ADD.reduce_into(&a.view(), &ReduceOptions::new().axis(0), &mut out.view_mut())?;
    /// assert_eq!(out.typed::<f32>()?.to_vec(), vec![5.0, 7.0, 9.0]);
    /// # Ok::<(), nprs_core::Error>(())
    /// ```
    ///
    /// # Errors
    /// As [`reduce`](Self::reduce); NumPy's ValueError when `out` does not have the
    /// result's number of dimensions ([`Error::ReduceOutDims`]) or shape
    /// ([`Error::ReduceOutShape`]); a non-numeric `out`.
    pub fn reduce_into(&self, a: &DynView<'_>, opts: &ReduceOptions<'_>, out: &mut DynViewMut<'_>) -> Result<()> {
        // NumPy resolves the loop from `out`'s dtype and the input's (an int8 `out` of an
        // int8 sum adds in int8; an int64 `out` of a float sum adds in float64).
        let dtype = match opts.dtype {
            Some(d) => Some(d),
            None => {
                let o = out.dtype().numeric().ok_or(Error::UFuncNotSupported { ufunc: self.name })?;
                let i = a.dtype().numeric().ok_or(Error::UFuncNotSupported { ufunc: self.name })?;
                Some(self.resolve(&[TypeArg::from(o), TypeArg::from(i)], &UfuncOptions::new())?.dtypes[2])
            }
        };
        let o = ReduceOptions {
            axis: opts.axis,
            axes: opts.axes.clone(),
            dtype,
            keepdims: opts.keepdims,
            initial: opts.initial.clone(),
            mask: opts.mask.as_ref().map(DynView::reborrow),
            in_order: opts.in_order,
        };
        let r = self.reduce(a, &o)?;
        if out.ndim() != r.ndim() {
            return Err(Error::ReduceOutDims { ufunc: self.name, found: out.ndim(), expected: r.ndim() });
        }
        if out.shape() != r.shape() {
            return Err(Error::ReduceOutShape {
                ufunc: self.name,
                found: out.shape().to_vec(),
                expected: r.shape().to_vec(),
            });
        }
        out.assign(&r)
    }

    /// `reduce` over a tuple of axes: the reduced axes are moved to the front (in their
    /// order) and merged into one, which is then reduced as axis 0, so the elements are
    /// combined in the order NumPy's iterator visits them. When they are the trailing
    /// axes of a C-contiguous array they are merged at the end instead, so that a float
    /// `add` sums each contiguous block pairwise, as NumPy does.
    fn reduce_axes(&self, a: &DynView<'_>, axes: &[isize], opts: &ReduceOptions<'_>) -> Result<DynArray> {
        let ndim = a.ndim();
        let mut norm = Vec::with_capacity(axes.len());
        for &ax in axes {
            if ax < -(ndim as isize) || ax >= ndim as isize {
                return Err(Error::AxisOutOfBounds { axis: ax, ndim });
            }
            let ax = ax.rem_euclid(ndim as isize) as usize;
            if norm.contains(&ax) {
                return Err(Error::DuplicateReduceAxis);
            }
            norm.push(ax);
        }
        let kept: Vec<usize> = (0..ndim).filter(|d| !norm.contains(d)).collect();
        let rest: Vec<usize> = kept.iter().map(|&d| a.shape()[d]).collect();
        let count: usize = norm.iter().map(|&d| a.shape()[d]).product();
        let mut sorted = norm.clone();
        sorted.sort_unstable();
        let trailing = a.is_c_contiguous() && sorted.iter().enumerate().all(|(j, &d)| d == ndim - norm.len() + j);
        let keep: Vec<usize> = (0..ndim).map(|d| if norm.contains(&d) { 1 } else { a.shape()[d] }).collect();
        let shaped = |r: DynArray| -> Result<DynArray> {
            r.into_shape(if opts.keepdims { keep.as_slice() } else { rest.as_slice() })
        };
        if self.name == "add" && opts.mask.is_none() && !opts.in_order {
            let t = match opts.dtype {
                Some(d) => self.resolve(&[TypeArg::from(d), TypeArg::from(d)], &UfuncOptions::new())?.dtypes[2],
                None => self.reduce_dtype(a.dtype().numeric())?,
            };
            let base = ReduceOptions { dtype: opts.dtype, initial: opts.initial.clone(), ..ReduceOptions::default() };
            // Every axis longer than one reduced: NumPy walks it as the full reduction.
            if (0..ndim).all(|d| norm.contains(&d) || a.shape()[d] <= 1) {
                return shaped(self.reduce(a, &ReduceOptions { axis: Some(None), ..base })?);
            }
            // The innermost axis is reduced but the others do not merge with it: NumPy
            // sums each innermost lane pairwise and adds the lane sums in its order of
            // the outer reduced axes (decreasing stride).
            if let Some(inner) = innermost_axis(a)
                && norm.contains(&inner)
                && !trailing
            {
                let mut outer: Vec<usize> = norm.iter().copied().filter(|&d| d != inner).collect();
                outer.sort_by_key(|&d| std::cmp::Reverse(a.strides()[d].unsigned_abs()));
                if t == DType::Float16 && a.dtype().numeric() == Some(t) && a.dtype().is_native() {
                    // Positions of the outer axes once the innermost one is gone.
                    let src: Vec<isize> = outer.iter().map(|&d| (d - usize::from(d > inner)) as isize).collect();
                    return shaped(pairwise::add_f16_outer(a, inner, &src, opts.initial.as_ref())?);
                }
                let lanes = self.reduce(
                    a,
                    &ReduceOptions {
                        axis: Some(Some(inner as isize)),
                        keepdims: true,
                        dtype: opts.dtype,
                        ..Default::default()
                    },
                )?;
                let src: Vec<isize> = outer.iter().map(|&d| d as isize).collect();
                let dst: Vec<isize> = (0..outer.len() as isize).collect();
                let n: usize = outer.iter().map(|&d| a.shape()[d]).product();
                let moved = lanes.moveaxis(&src, &dst)?;
                let mut merged = vec![n];
                merged.extend_from_slice(&moved.shape()[outer.len()..]);
                let moved = moved.reshape(merged.as_slice())?;
                let r = self.reduce(&moved.view(), &ReduceOptions { axis: Some(Some(0)), in_order: true, ..base })?;
                return shaped(r);
            }
        }
        let (order, merged, axis): (Vec<usize>, Vec<usize>, isize) = if trailing {
            let mut m = rest.clone();
            m.push(count);
            (kept.iter().chain(&sorted).copied().collect(), m, -1)
        } else {
            let mut m = vec![count];
            m.extend_from_slice(&rest);
            (norm.iter().chain(&kept).copied().collect(), m, 0)
        };
        let order_i: Vec<isize> = order.iter().map(|&d| d as isize).collect();
        let dest: Vec<isize> = (0..ndim as isize).collect();
        let prep = |v: &DynView<'_>| -> Result<DynArray> {
            Ok(v.moveaxis(&order_i, &dest)?.reshape(merged.as_slice())?.into_owned())
        };
        let src = prep(a)?;
        let mask = match &opts.mask {
            Some(m) => Some(prep(&m.broadcast_to(a.shape())?)?),
            None => None,
        };
        let inner = ReduceOptions {
            axis: Some(Some(axis)),
            axes: None,
            dtype: opts.dtype,
            keepdims: false,
            initial: opts.initial.clone(),
            mask: mask.as_ref().map(|m| m.view()),
            in_order: opts.in_order,
        };
        shaped(self.reduce(&src.view(), &inner)?)
    }

    /// The reduction without a mask as one walk over the input: the accumulator (a
    /// C-ordered array of the output's shape, holding `start` or the first position along
    /// the axis) is combined in place with each following position by direct calls of the
    /// binary loop, one call per position and row of the output's innermost axis — whole
    /// rows for an outer axis, as NumPy does, and for an innermost axis one strided lane
    /// per output element, in NumPy's order of operations. `None` when the loop's dtypes
    /// are not all `t` (the per-position path casts).
    fn reduce_rows(
        &self,
        moved: &DynView<'_>,
        t: DType,
        start: Option<&Scalar>,
        rest: &[usize],
    ) -> Result<Option<DynArray>> {
        let r = self.resolve(&[TypeArg::from(t), TypeArg::from(t)], &UfuncOptions::new())?;
        if r.dtypes.iter().any(|&d| d != t) {
            return Ok(None);
        }
        let descr: Descr = t.into();
        let conv;
        let src =
            if moved.dtype().is_native() && moved.dtype().numeric() == Some(t) && moved.is_aligned() && is_dense(moved)
            {
                moved.reborrow()
            } else {
                conv = moved.astype(&descr)?.to_owned_order(Order::C);
                conv.view()
            };
        let mut out = match start {
            Some(v) => DynArray::full(rest, &descr, v.clone())?,
            None => src.at(&[0])?.to_owned_order(Order::C),
        };
        let n = src.shape().first().copied().unwrap_or(1);
        let k0 = usize::from(start.is_none());
        if out.size() == 0 || n <= k0 {
            return Ok(Some(out));
        }
        let isz = descr.itemsize() as isize;
        let st = src.strides().to_vec();
        let nd = rest.len();
        let (inner, in_inner) = match rest.last() {
            Some(&l) => (l, st[nd]),
            None => (1, 0),
        };
        let outer_dims = &rest[..nd.saturating_sub(1)];
        let outer: usize = outer_dims.iter().product();
        // Row `o` of the output's outer axes: its input offset, unravelled in C order.
        let in_offset = |o: usize| {
            let mut rem = o;
            let mut off = 0isize;
            for (d, &len) in outer_dims.iter().enumerate().rev() {
                off += (rem % len) as isize * st[1 + d];
                rem /= len;
            }
            off
        };
        let step = st[0];
        let calls = (0..outer).flat_map(|o| {
            let (in_off, out_off) = (in_offset(o), (o * inner) as isize * isz);
            (k0..n).map(move |k| [out_off, in_off + k as isize * step, out_off])
        });
        let spec = self.spec(&r);
        let args = [RowArg::Acc, RowArg::Src, RowArg::Acc];
        run_rows(&spec, &mut out.view_mut(), Some(&src), &args, &[isz, in_inner, isz], inner, calls)?;
        Ok(Some(out))
    }

    /// The loop `r` as the engine runs it.
    fn spec<'r>(&self, r: &'r super::Resolved) -> LoopSpec<'r> {
        let lp = &self.loops[r.index];
        LoopSpec {
            name: self.name,
            nin: self.nin,
            dtypes: &r.dtypes,
            func: lp.func,
            report_fp: self.report_fp,
            writes_uninit: lp.writes_uninit,
        }
    }

    /// Whether a reduction may combine the elements in any order (NumPy reduces over
    /// several axes only then): a ufunc with an identity, or `maximum`/`minimum`.
    fn reorderable(&self) -> bool {
        self.identity != Identity::None || matches!(self.name, "maximum" | "minimum" | "fmax" | "fmin")
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

/// The axis NumPy's iterator walks innermost: the one of smallest absolute stride among
/// the axes longer than one (`None` when there is none).
fn innermost_axis(a: &DynView<'_>) -> Option<usize> {
    (0..a.ndim()).filter(|&d| a.shape()[d] > 1).min_by_key(|&d| a.strides()[d].unsigned_abs())
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

impl Ufunc {
    /// `ufunc.accumulate(a, axis=axis)` for a binary ufunc: the running results along
    /// `axis` (`out[0] = a[0]`, `out[k] = ufunc(out[k-1], a[k])`), of `a`'s shape, in the
    /// dtype a reduction computes in (`add` of int8 accumulates in int64, as NumPy).
    ///
    /// ```
    /// use nprs_core::prelude::*;
    /// use nprs_core::DynArray;
    /// use nprs_ufunc::ufuncs::{ADD, MAXIMUM};
    /// let a = DynArray::from(array![[1i32, 5, 3], [4, 2, 6]]);
    /// let s = ADD.accumulate(&a.view(), 1)?;
    /// assert_eq!(s.typed::<i64>()?.to_vec(), vec![1, 6, 9, 4, 6, 12]);
    /// let m = MAXIMUM.accumulate(&a.view(), 0)?;
    /// assert_eq!(m.typed::<i32>()?.to_vec(), vec![1, 5, 3, 4, 5, 6]);
    /// # Ok::<(), nprs_core::Error>(())
    /// ```
    ///
    /// For the ufuncs with a scan kernel (`add`, `multiply`, the extrema, the bitwise
    /// functions) the result is written in one pass from the input, lane by lane in
    /// NumPy's order; other ufuncs run one call of the binary loop per position along the
    /// axis (a whole row of the remaining axes each).
    ///
    /// # Errors
    /// NumPy's errors: an axis out of range; a ufunc that is not binary
    /// ([`Error::UFuncNotSupported`]); a 0-d input ("cannot accumulate on a scalar",
    /// [`Error::UFuncNotSupported`] here); a loop whose output dtype differs from its
    /// inputs' (`logical_and` of floats; NumPy casts back to float there).
    pub fn accumulate(&self, a: &DynView<'_>, axis: isize) -> Result<DynArray> {
        self.accumulate_in(a, axis, None)
    }

    /// `ufunc.accumulate(a, axis=axis, dtype=dtype)`: as [`accumulate`](Self::accumulate),
    /// computed in and returning `dtype` (the loop for two operands of that dtype; the
    /// input is cast unsafely, as NumPy does: `np.add.accumulate(floats, dtype=np.int64)`
    /// truncates).
    ///
    /// ```
    /// use nprs_core::prelude::*;
    /// use nprs_core::DynArray;
    /// use nprs_ufunc::ufuncs::ADD;
    /// let a = DynArray::from(array![100i8, 100]);
    /// let s = ADD.accumulate_dtype(&a.view(), 0, DType::Int8)?;
    /// assert_eq!(s.typed::<i8>()?.to_vec(), vec![100, -56]);
    /// # Ok::<(), nprs_core::Error>(())
    /// ```
    ///
    /// # Errors
    /// As [`accumulate`](Self::accumulate); NumPy's TypeError when the ufunc has no loop
    /// for `dtype`.
    pub fn accumulate_dtype(&self, a: &DynView<'_>, axis: isize, dtype: DType) -> Result<DynArray> {
        self.accumulate_in(a, axis, Some(dtype))
    }

    fn accumulate_in(&self, a: &DynView<'_>, axis: isize, dtype: Option<DType>) -> Result<DynArray> {
        if self.nin != 2 || self.nout != 1 || a.ndim() == 0 {
            return Err(Error::UFuncNotSupported { ufunc: self.name });
        }
        let ndim = a.ndim();
        if axis < -(ndim as isize) || axis >= ndim as isize {
            return Err(Error::AxisOutOfBounds { axis, ndim });
        }
        if let Some(r) = super::datetime::reduce_counts(self, "accumulate", a, None, None, |u, counts, _| {
            u.accumulate(counts, axis)
        })? {
            return Ok(r);
        }
        let t = match dtype {
            Some(d) => self.resolve(&[TypeArg::from(d), TypeArg::from(d)], &UfuncOptions::new())?.dtypes[2],
            None => self.reduce_dtype(a.dtype().numeric())?,
        };
        let r = self.resolve(&[TypeArg::from(t), TypeArg::from(t)], &UfuncOptions::new())?;
        if r.dtypes.iter().any(|&d| d != t) {
            return Err(Error::UFuncNotSupported { ufunc: self.name });
        }
        let descr: Descr = t.into();
        let ax = if axis < 0 { axis + ndim as isize } else { axis } as usize;
        // One pass from the input into the result where the ufunc has a scan kernel (the
        // input cast first when its dtype is not the accumulation's).
        let direct = if a.dtype().numeric() == Some(t) && a.dtype().is_native() {
            lanes::accumulate_direct(self, a, ax)?
        } else if a.size() > 0 && a.dtype().numeric().is_some() {
            lanes::accumulate_direct(self, &a.astype(&descr)?.view(), ax)?
        } else {
            None
        };
        if let Some(out) = direct {
            return Ok(out);
        }
        // Else one call of the binary loop per position, a whole row of the other axes each.
        let moved = a.moveaxis(&[axis], &[0])?;
        let mut out = moved.astype(&descr)?.to_owned_order(Order::C);
        let n = out.shape()[0];
        let row: usize = out.shape()[1..].iter().product();
        let isz = descr.itemsize() as isize;
        let step = row as isize * isz;
        let calls = (1..n as isize).map(|k| [(k - 1) * step, k * step, k * step]);
        let spec = self.spec(&r);
        run_rows(&spec, &mut out.view_mut(), None, &[RowArg::Acc; 3], &[isz; 3], row, calls)?;
        Ok(out.moveaxis(&[0], &[axis])?.to_owned_order(Order::C))
    }
}

impl Ufunc {
    /// `at` over flat positions of a C-contiguous `a` (all in bounds, non-negative),
    /// through the typed scatter when the loop runs in `a`'s dtype. `false` when it does
    /// not apply.
    pub(super) fn at_flat(
        &self,
        a: &mut DynViewMut<'_>,
        flat: &[isize],
        b_full: Option<&DynView<'_>>,
        b: Option<&Operand<'_>>,
    ) -> Result<bool> {
        let Some(t) = a.dtype().numeric() else { return Ok(false) };
        let Some(op) = b else { return Ok(false) };
        let r = self.resolve(&[TypeArg::from(t), super::type_arg(op)], &UfuncOptions::new());
        if !r.is_ok_and(|r| r.dtypes.iter().all(|&d| d == t)) {
            return Ok(false);
        }
        let descr: Descr = t.into();
        let bb = match (b_full, op) {
            (Some(v), _) => v.astype(&descr)?.to_owned_order(Order::C),
            (None, Operand::Scalar(s)) => DynArray::full(&[1], &descr, s.clone())?,
            _ => return Ok(false),
        };
        lanes::scatter(self, a, flat, &bb.view())
    }

    /// [`at`](Ufunc::at) as one indexed walk: the loop is called once per index, on the
    /// row `a[i]` in place, with row `k` of `b` (converted once to `a`'s dtype) or the
    /// scalar; for a 1-d `a` the typed scatter, reading `b` in place when it already has
    /// `a`'s dtype. Only when the resolved loop's dtypes are all `a`'s (so converting `b`
    /// first gives NumPy's values), `a` is native, aligned and dense and its rows are
    /// C-contiguous; returns false (nothing done) otherwise. The indices are already
    /// checked.
    pub(super) fn at_direct(
        &self,
        a: &mut DynViewMut<'_>,
        indices: &[isize],
        b_full: Option<&DynView<'_>>,
        b: Option<&Operand<'_>>,
    ) -> Result<bool> {
        let Some(t) = a.dtype().numeric() else { return Ok(false) };
        if !a.dtype().is_native() || !a.is_aligned() || a.ndim() == 0 || !is_dense(&a.view()) {
            return Ok(false);
        }
        let descr: Descr = t.into();
        let isz = descr.itemsize() as isize;
        let row_shape = &a.shape()[1..];
        let row: usize = row_shape.iter().product();
        // The rows must be C-contiguous so that one strided call covers a row.
        let mut expect = isz;
        for (&d, &s) in row_shape.iter().zip(&a.strides()[1..]).rev() {
            if d > 1 && s != expect {
                return Ok(false);
            }
            expect *= d as isize;
        }
        let mut args = vec![TypeArg::from(t)];
        if let Some(op) = b {
            args.push(match op {
                Operand::Array(v) => TypeArg::DType(v.dtype().clone()),
                Operand::Scalar(s) => TypeArg::of_scalar(s),
            });
        }
        let Ok(r) = self.resolve(&args, &UfuncOptions::new()) else { return Ok(false) };
        if r.dtypes.iter().any(|&d| d != t) {
            return Ok(false);
        }
        // One dimension: the typed scatter, reading `b` in place when it has `a`'s dtype.
        if row == 1 && a.ndim() == 1 {
            let done = match (b_full, b) {
                (Some(v), _) if v.dtype() == a.dtype() => lanes::scatter(self, a, indices, v)?,
                (Some(v), _) => lanes::scatter(self, a, indices, &v.astype(&descr)?.view())?,
                (None, Some(Operand::Scalar(s))) => {
                    lanes::scatter(self, a, indices, &DynArray::full(&[1], &descr, s.clone())?.view())?
                }
                _ => false,
            };
            if done {
                return Ok(true);
            }
        }
        // `b` in `a`'s dtype: C-ordered `(len, row…)`, or one element for a scalar.
        let bconv = match (b_full, b) {
            (Some(v), _) => Some((v.astype(&descr)?.to_owned_order(Order::C), row as isize * isz)),
            (None, Some(Operand::Scalar(s))) => Some((DynArray::full(&[1], &descr, s.clone())?, 0)),
            _ => None,
        };
        let n0 = a.shape()[0] as isize;
        let s0 = a.strides()[0];
        let pos = |i: isize| (if i < 0 { i + n0 } else { i }) * s0;
        let spec = self.spec(&r);
        match &bconv {
            Some((bb, bstep)) => {
                let calls = indices.iter().enumerate().map(|(k, &i)| [pos(i), k as isize * bstep, pos(i)]);
                let sb = if *bstep == 0 { 0 } else { isz };
                let args = [RowArg::Acc, RowArg::Src, RowArg::Acc];
                run_rows(&spec, a, Some(&bb.view()), &args, &[isz, sb, isz], row, calls)?;
            }
            None => {
                let calls = indices.iter().map(|&i| [pos(i), pos(i), 0]);
                run_rows(&spec, a, None, &[RowArg::Acc; 2], &[isz, isz], row, calls)?;
            }
        }
        Ok(true)
    }
}

impl Ufunc {
    /// `ufunc.reduceat(a, indices, axis=axis)` for a binary ufunc: for each `i`, the
    /// reduction of `a[indices[i]:indices[i+1]]` along `axis` (to the end of the axis for
    /// the last index), or `a[indices[i]]` itself when `indices[i] >= indices[i+1]`, as
    /// NumPy's rules say; the results stacked along `axis`, in the dtype `reduce` computes in.
    ///
    /// ```
    /// use nprs_core::prelude::*;
    /// use nprs_core::DynArray;
    /// use nprs_ufunc::ufuncs::ADD;
    /// let a = DynArray::from(Array::from_vec((0..8i64).collect()));
    /// let r = ADD.reduceat(&a.view(), &[0, 4, 1, 5], 0)?;
    /// assert_eq!(r.typed::<i64>()?.to_vec(), vec![6, 4, 10, 18]);
    /// # Ok::<(), nprs_core::Error>(())
    /// ```
    ///
    /// # Errors
    /// NumPy's errors: an index outside the axis ([`Error::ReduceatIndex`], an
    /// IndexError); an axis out of range; a ufunc that is not binary or a 0-d input
    /// ([`Error::UFuncNotSupported`]); as [`reduce`](Self::reduce).
    pub fn reduceat(&self, a: &DynView<'_>, indices: &[isize], axis: isize) -> Result<DynArray> {
        if self.nin != 2 || self.nout != 1 || a.ndim() == 0 {
            return Err(Error::UFuncNotSupported { ufunc: self.name });
        }
        let ndim = a.ndim();
        if axis < -(ndim as isize) || axis >= ndim as isize {
            return Err(Error::AxisOutOfBounds { axis, ndim });
        }
        let moved = a.moveaxis(&[axis], &[0])?;
        let n = moved.shape()[0];
        if let Some(&index) = indices.iter().find(|&&i| i < 0 || i as usize >= n) {
            return Err(Error::ReduceatIndex { index, ufunc: self.name, len: n });
        }
        // Datetimes and timedeltas: the NaT-aware count loops, segment by segment.
        if let Some(r) = super::datetime::reduce_counts(self, "reduceat", a, None, None, |u, counts, _| {
            u.reduceat(counts, indices, axis)
        })? {
            return Ok(r);
        }
        let t = self.reduce_dtype(a.dtype().numeric())?;
        let descr: Descr = t.into();
        let mut parts = Vec::with_capacity(indices.len());
        for (j, &s) in indices.iter().enumerate() {
            let e = indices.get(j + 1).copied().unwrap_or(n as isize);
            let first = moved.at(&[s])?.astype(&descr)?;
            let part = if s + 1 < e {
                let seg = moved.reborrow().slice_move(&[(s + 1..e).into()])?;
                // NumPy's loop adds the pairwise sum of the rest of the segment to its
                // first element (float `add`); other reductions go in order.
                let sum = if self.name == "add" { pairwise::add_lanes(&seg, t, None, None)? } else { None };
                match sum {
                    Some(sum) => {
                        self.call(&[Operand::Array(first.view()), Operand::Array(sum.view())], UfuncOptions::new())?
                    }
                    None => {
                        let seg = moved.reborrow().slice_move(&[(s..e).into()])?;
                        self.reduce(&seg, &ReduceOptions::new().axis(0).dtype(t))?
                    }
                }
            } else {
                first
            };
            parts.push(part);
        }
        let out = if parts.is_empty() {
            let mut shape = moved.shape().to_vec();
            shape[0] = 0;
            DynArray::zeros(&shape, &descr)?
        } else {
            let views: Vec<DynView<'_>> = parts.iter().map(|p| p.view()).collect();
            nprs_core::dynarray::stack(&views, 0)?
        };
        Ok(out.moveaxis(&[0], &[axis])?.to_owned_order(Order::C))
    }
}
