//! `cumsum`, `cumprod`, `median` and `average` on masked arrays, each on top of the plain
//! function of nprs-ufunc: masked elements are filled with the operation's identity (or
//! left out of each lane) and the mask is put back as `numpy.ma` does.

use nprs_core::dtype::DType;
use nprs_core::{Array, DynArray, DynView, Operand, Scalar, TypeArg, UfuncOptions};
use nprs_ufunc::ufuncs::{DIVIDE, MULTIPLY};

use crate::array::{MaData, MaskedArray, is_int};
use crate::error::{Error, Result};
use crate::reduce::{Axis, masked};
use crate::ufuncs::apply;

impl<D: MaData> MaskedArray<D> {
    /// `cumsum`/`cumprod`: the data filled with `fill` run through `run`; the result is
    /// masked where the input is (flattened for `axis=None`).
    fn cumulative(
        &self,
        fill: i128,
        axis: Axis,
        run: fn(&DynView<'_>, Option<isize>) -> nprs_core::Result<DynArray>,
    ) -> Result<MaskedArray> {
        let r = match &self.mask {
            None => run(&self.data.dyn_view(), axis)?,
            Some(_) => run(&self.filled(Some(Scalar::Int(fill)))?.dyn_view(), axis)?,
        };
        let mask = match &self.mask {
            Some(m) => Some(m.to_owned_order(nprs_core::Order::C).into_shape(r.shape())?),
            None => None,
        };
        Ok(MaskedArray::from_parts(r, mask))
    }

    /// `a.cumsum(axis)` (`ma.cumsum`): running sums in which masked elements count as 0;
    /// the result is masked where `a` is (its data there holds the running sum).
    ///
    /// # Errors
    /// An axis out of range; a non-numeric dtype.
    pub fn cumsum(&self, axis: Axis) -> Result<MaskedArray> {
        self.cumulative(0, axis, nprs_ufunc::cumsum_dyn)
    }

    /// `a.cumprod(axis)` (`ma.cumprod`): running products in which masked elements count
    /// as 1; masked where `a` is.
    ///
    /// # Errors
    /// As [`cumsum`](Self::cumsum).
    pub fn cumprod(&self, axis: Axis) -> Result<MaskedArray> {
        self.cumulative(1, axis, nprs_ufunc::cumprod_dyn)
    }

    /// `ma.median(a, axis, keepdims=…)`: the median of the unmasked elements of each lane
    /// (nprs-ufunc's `median` of the lane's unmasked values; an unmasked NaN gives NaN). A
    /// fully masked lane is masked (data 0); `masked` for `axis=None` when everything is.
    /// Integers give float64.
    ///
    /// # Errors
    /// An axis out of range; complex and non-numeric dtypes.
    pub fn median(&self, axis: Axis, keepdims: bool) -> Result<MaskedArray> {
        let Some(ax) = axis else {
            let c = self.compressed()?;
            if c.dyn_view().size() == 0 {
                return Ok(masked());
            }
            let r = nprs_ufunc::median_dyn(&c.dyn_view(), None, false)?;
            let mut out = MaskedArray::from_parts(r, None);
            if keepdims {
                out = out.reshape(&vec![1; self.ndim()])?;
            }
            return Ok(out);
        };
        let moved = self.moveaxis(&[ax], &[-1])?;
        let n = *moved.shape().last().unwrap_or(&0);
        let outer: Vec<usize> = moved.shape()[..moved.ndim() - 1].to_vec();
        let lanes: usize = outer.iter().product();
        let m2 = moved.reshape(&[lanes as isize, n as isize])?;
        let mut values = Vec::with_capacity(lanes);
        let mut lane_masked = Vec::with_capacity(lanes);
        for i in 0..lanes {
            let lane = m2.slice(&[nprs_core::SliceArg::Index(i as isize)])?;
            let c = lane.compressed()?;
            let empty = c.dyn_view().size() == 0 && n > 0;
            let src = if empty { lane.data.dyn_view().to_owned() } else { c.dyn_view().to_owned() };
            let med = nprs_ufunc::median_dyn(&src.view(), None, false)?;
            values.push(if empty { DynArray::zeros(&[], med.dtype())? } else { med });
            lane_masked.push(empty);
        }
        let views: Vec<DynView<'_>> = values.iter().map(|v| v.view()).collect();
        let data = match views.first() {
            Some(_) => nprs_core::dynarray::stack(&views, 0)?,
            None => {
                let probe = nprs_ufunc::median_dyn(&m2.data.dyn_view(), Some(&[1]), false)?;
                probe.reshape(&[0][..])?.into_owned()
            }
        };
        let data = data.into_shape(&outer[..])?;
        let mask = match &self.mask {
            Some(_) => Some(Array::from_shape_vec(&outer, lane_masked)?),
            None => None,
        };
        let mut out = MaskedArray::from_parts(data, mask);
        if keepdims {
            let nd = self.ndim() as isize;
            let k = if ax < 0 { ax + nd } else { ax };
            out = out.expand_dims(&[k])?;
        }
        Ok(out)
    }

    /// `ma.average(a, axis, weights, returned=True, keepdims=…)`: the weighted mean of the
    /// unmasked elements and the sum of their weights (`(a * w).sum(axis) / w.sum(axis)`,
    /// masked elements weighing nothing; float64 at least for integer and bool data).
    /// Without weights, `a.mean(axis)` and the count of unmasked elements. Weights have
    /// `a`'s shape, or are 1-d along `axis`.
    ///
    /// # Errors
    /// NumPy's "Axis must be specified when shapes of a and weights differ.", "Shape of
    /// weights must be consistent with shape of a along specified axis."; as
    /// [`mean`](Self::mean).
    pub fn average(
        &self,
        axis: Axis,
        weights: Option<&DynView<'_>>,
        keepdims: bool,
    ) -> Result<(MaskedArray, MaskedArray)> {
        let Some(w) = weights else {
            let avg = self.mean(axis, keepdims)?;
            let cnt = DynArray::from(self.count_axis(axis, keepdims)?)
                .astype_casting(avg.data.dtype(), nprs_core::Casting::Unsafe)?;
            let scl = if cnt.shape() == avg.shape() { cnt } else { cnt.broadcast_to(avg.shape())?.to_owned() };
            return Ok((avg, MaskedArray::from_parts(scl, None)));
        };
        let dt = self.dtype();
        let t = dt.numeric().ok_or_else(|| Error::NotNumeric { op: "average", dtype: dt.name() })?;
        let mut targs = vec![TypeArg::DType(dt.clone()), TypeArg::DType(w.dtype().clone())];
        if is_int(t) || t == DType::Bool {
            targs.push(TypeArg::DType(DType::Float64.into()));
        }
        let rt = nprs_core::promote::result_type(&targs)?;
        let wfull = if w.shape() == self.shape() {
            w.astype(&rt)?
        } else {
            let ax = axis.ok_or(nprs_core::Error::AverageAxisRequired)?;
            let k = nprs_core::dims::normalize_axis(ax, self.ndim())?;
            if w.ndim() != 1 || w.shape()[0] != self.shape()[k] {
                return Err(nprs_core::Error::AverageWeightsShape.into());
            }
            let mut shape = vec![1isize; self.ndim()];
            shape[k] = -1;
            w.astype(&rt)?.reshape(&shape[..])?.into_owned().broadcast_to(self.shape())?.to_owned()
        };
        let wgt = match &self.mask {
            Some(m) => {
                let zero = DynArray::zeros(&[], &rt)?;
                let data = nprs_ufunc::select::where_dyn(&DynArray::from(m.clone()), &zero, &wfull)?;
                MaskedArray::from_parts(data, Some(m.clone()))
            }
            None => MaskedArray::from_parts(wfull, None),
        };
        let scl = wgt.sum(axis, keepdims)?;
        let a = self.data.dyn_view().astype(&rt)?;
        let prod = MULTIPLY.call(&[Operand::Array(a.view()), Operand::Array(wgt.data.view())], UfuncOptions::new())?;
        let prod = MaskedArray::from_parts(prod, self.mask.clone());
        let s = prod.sum(axis, keepdims)?;
        let avg = if s.ndim() == 0 && scl.ndim() == 0 {
            // NumPy's sums are scalars here: a plain division (or `masked`).
            if s.item()?.is_none() || scl.item()?.is_none() {
                return Ok((masked(), masked()));
            }
            let q =
                DIVIDE.call(&[Operand::Array(s.data.view()), Operand::Array(scl.data.view())], UfuncOptions::new())?;
            MaskedArray::from_parts(q, None)
        } else {
            apply(&DIVIDE, &[(&s).into(), (&scl).into()])?
        };
        Ok((avg, scl))
    }
}
