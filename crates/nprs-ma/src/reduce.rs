//! Reductions that skip masked values: `sum`, `prod`, `mean`, `min`, `max`, `argmin`,
//! `argmax`, `ptp`, `all`, `any`, `count` along one axis or all (`axis=None`), with
//! `keepdims`. A fully masked slice gives a masked element (the whole result is NumPy's
//! `masked` for `axis=None`).
//!
//! As `numpy.ma` does, the data is first filled with the reduction's neutral value
//! (0 for `sum`, 1 for `prod`, the dtype's largest value for `min` …) and reduced by the
//! ufunc's `reduce`, so the bits are NumPy's (float `add` sums pairwise over the same
//! elements in the same order); the result's mask is the `all` of the mask along the
//! axis.

use nprs_core::dtype::{DType, Descr};
use nprs_core::kernel::zip_map;
use nprs_core::{Array, DynArray, DynView, Operand, Scalar, iinfo};
use nprs_ufunc::Ufunc;
use nprs_ufunc::ufunc::ReduceOptions;
use nprs_ufunc::ufuncs::{
    ADD, DIVIDE, EQUAL, ISNAN, LOGICAL_AND, LOGICAL_OR, MAXIMUM, MINIMUM, MULTIPLY, SQRT, SUBTRACT,
};

use crate::array::{MaData, MaskedArray, as_mask, default_fill_value, is_int};
use crate::error::{Error, Result};
use crate::ufuncs::apply;

/// Which axes a reduction runs over: `None` is NumPy's `axis=None` (all).
pub type Axis = Option<isize>;

/// NumPy's `masked` constant: a 0-d masked float64 (data 0.0, mask `True`); it prints as
/// `--`.
#[must_use]
pub fn masked() -> MaskedArray {
    let data = DynArray::from(Array::from_elem_0d(0.0f64));
    MaskedArray::from_parts(data, Some(Array::from_elem_0d(true)))
}

fn opts(axis: Axis, keepdims: bool) -> ReduceOptions<'static> {
    match axis {
        None => ReduceOptions::new().all_axes(),
        Some(a) => ReduceOptions::new().axis(a),
    }
    .keepdims(keepdims)
}

/// `min`'s neutral value for a dtype (NumPy's `minimum_fill_value`) or `max`'s.
pub(crate) fn extreme(d: &Descr, largest: bool) -> Result<Scalar> {
    let t = d.numeric().ok_or_else(|| Error::NotNumeric { op: "min/max", dtype: d.name() })?;
    Ok(match t {
        DType::Bool => Scalar::Bool(largest),
        DType::Float16 | DType::Float32 | DType::Float64 => {
            Scalar::Float(if largest { f64::INFINITY } else { f64::NEG_INFINITY })
        }
        DType::Complex64 | DType::Complex128 => {
            let v = if largest { f64::INFINITY } else { f64::NEG_INFINITY };
            Scalar::Complex(v, v)
        }
        _ => {
            let info = iinfo(t)?;
            Scalar::Int(if largest { info.max } else { info.min })
        }
    })
}

/// The index of the first extreme element along `axis` (the first NaN when there is one,
/// as NumPy's `argmin`/`argmax`): the extreme by `u.reduce`, then the first position
/// holding it.
fn first_extreme(src: &DynView<'_>, axis: isize, u: &Ufunc) -> Result<Array<i64>> {
    let ext = u.reduce(src, &opts(Some(axis), true))?;
    let call = |f: &Ufunc, ops: &[Operand<'_>]| -> Result<Array<bool>> {
        as_mask(&f.call(ops, nprs_core::UfuncOptions::new())?.view())
    };
    let eq = call(&EQUAL, &[Operand::Array(src.reborrow()), Operand::Array(ext.view())])?;
    let nan_src = call(&ISNAN, &[Operand::Array(src.reborrow())])?;
    let nan_ext = call(&ISNAN, &[Operand::Array(ext.view())])?;
    let nan = zip_map(&nan_src, &nan_ext, |p, q| p & q)?;
    let hit = zip_map(&eq, &nan, |p, q| p | q)?;
    let nd = src.ndim() as isize;
    let ax = if axis < 0 { axis + nd } else { axis } as usize;
    let n = src.shape()[ax];
    let lanes = hit.moveaxis(&[ax as isize], &[-1])?.to_owned_order(nprs_core::Order::C).to_vec();
    let mut out_shape = src.shape().to_vec();
    out_shape.remove(ax);
    let idx: Vec<i64> = lanes.chunks(n.max(1)).map(|l| l.iter().position(|&x| x).unwrap_or(0) as i64).collect();
    Ok(Array::from_shape_vec(&out_shape, idx)?)
}

impl<D: MaData> MaskedArray<D> {
    /// The result's mask: the mask's `all` along the axis (`nomask` stays `nomask`).
    fn reduced_mask(&self, axis: Axis, keepdims: bool) -> Result<Option<Array<bool>>> {
        let Some(m) = &self.mask else { return Ok(None) };
        if axis.is_none() {
            let all = !crate::kernels::any(&m.view(), false);
            return Ok(Some(Array::full(&self.reduced_shape(keepdims), all)?));
        }
        let r = LOGICAL_AND.reduce(&DynView::from(m.view()), &opts(axis, keepdims))?;
        Ok(Some(as_mask(&r.view())?))
    }

    /// The shape of a reduction over every axis: `()`, or ones with `keepdims`.
    fn reduced_shape(&self, keepdims: bool) -> Vec<usize> {
        if keepdims { vec![1; self.ndim()] } else { Vec::new() }
    }

    /// The data filled with `fill` where masked (the data itself without a mask), reduced.
    pub(crate) fn filled_reduce(
        &self,
        u: &Ufunc,
        fill: Scalar,
        axis: Axis,
        keepdims: bool,
        dtype: Option<DType>,
        as_bool: bool,
    ) -> Result<MaskedArray> {
        let filled = match &self.mask {
            None => None,
            Some(_) => Some(self.filled(Some(fill))?.into_dyn_array()),
        };
        let src = filled.as_ref().map_or_else(|| self.data.dyn_view(), |f| f.view());
        let as_bool = if as_bool { Some(src.astype(&DType::Bool.into())?) } else { None };
        let src = as_bool.as_ref().map_or(src, |b| b.view());
        let mut o = opts(axis, keepdims);
        if let Some(t) = dtype {
            o = o.dtype(t);
        }
        let r = u.reduce(&src, &o)?;
        Ok(MaskedArray::from_parts(r, self.reduced_mask(axis, keepdims)?))
    }

    /// `a.sum(axis, keepdims=…)`: the sum of the unmasked elements.
    ///
    /// # Errors
    /// An axis out of range; dtypes `add` does not support.
    pub fn sum(&self, axis: Axis, keepdims: bool) -> Result<MaskedArray> {
        self.filled_reduce(&ADD, Scalar::Int(0), axis, keepdims, None, false)
    }

    /// `a.prod(axis, keepdims=…)`: the product of the unmasked elements.
    ///
    /// # Errors
    /// As [`sum`](Self::sum).
    pub fn prod(&self, axis: Axis, keepdims: bool) -> Result<MaskedArray> {
        self.filled_reduce(&MULTIPLY, Scalar::Int(1), axis, keepdims, None, false)
    }

    /// `a.all(axis, keepdims=…)`: whether every unmasked element is true.
    ///
    /// # Errors
    /// An axis out of range.
    pub fn all(&self, axis: Axis, keepdims: bool) -> Result<MaskedArray> {
        self.filled_reduce(&LOGICAL_AND, Scalar::Bool(true), axis, keepdims, None, true)
    }

    /// `a.any(axis, keepdims=…)`: whether any unmasked element is true.
    ///
    /// # Errors
    /// An axis out of range.
    pub fn any(&self, axis: Axis, keepdims: bool) -> Result<MaskedArray> {
        self.filled_reduce(&LOGICAL_OR, Scalar::Bool(false), axis, keepdims, None, true)
    }

    /// `min`/`max`: masked slices hold the result dtype's default fill value.
    fn extremum(&self, u: &Ufunc, largest_fill: bool, axis: Axis, keepdims: bool) -> Result<MaskedArray> {
        let fill = extreme(&self.dtype(), largest_fill)?;
        let mut r = self.filled_reduce(u, fill, axis, keepdims, None, false)?;
        if let Some(m) = &r.mask
            && r.ndim() > 0
            && m.iter().any(|x| x)
        {
            let f = default_fill_value(r.data.dtype())?.astype_casting(r.data.dtype(), nprs_core::Casting::Unsafe)?;
            r.data = nprs_ufunc::select::where_dyn(&DynArray::from(m.clone()), &f, &r.data)?;
        }
        Ok(r)
    }

    /// `a.min(axis, keepdims=…)`: the smallest unmasked element.
    ///
    /// # Errors
    /// An axis out of range; non-numeric dtypes.
    pub fn min(&self, axis: Axis, keepdims: bool) -> Result<MaskedArray> {
        self.extremum(&MINIMUM, true, axis, keepdims)
    }

    /// `a.max(axis, keepdims=…)`: the largest unmasked element.
    ///
    /// # Errors
    /// As [`min`](Self::min).
    pub fn max(&self, axis: Axis, keepdims: bool) -> Result<MaskedArray> {
        self.extremum(&MAXIMUM, false, axis, keepdims)
    }

    /// `a.ptp(axis, keepdims=…)`: `max - min` of the unmasked elements.
    ///
    /// # Errors
    /// As [`min`](Self::min).
    pub fn ptp(&self, axis: Axis, keepdims: bool) -> Result<MaskedArray> {
        let hi = self.max(axis, keepdims)?;
        if hi.ndim() == 0 && hi.item()?.is_none() {
            // NumPy's `masked -= x` leaves `masked`.
            return Ok(masked());
        }
        let lo = self.min(axis, keepdims)?;
        apply(&SUBTRACT, &[(&hi).into(), (&lo).into()])
    }

    /// `argmin`/`argmax` on the data filled with the neutral value.
    fn arg(&self, largest_fill: bool, fill: Option<Scalar>, axis: Axis, keepdims: bool) -> Result<Array<i64>> {
        let fill = match fill {
            Some(f) => f,
            None => extreme(&self.dtype(), largest_fill)?,
        };
        let f = self.filled(Some(fill))?;
        let v = f.dyn_view();
        let flat;
        let (src, ax) = match axis {
            None => {
                flat = v.reshape(&[v.size()][..])?.into_owned();
                (flat.view(), 0)
            }
            Some(a) => (v.reborrow(), a),
        };
        let r = first_extreme(&src, ax, if largest_fill { &MINIMUM } else { &MAXIMUM })?;
        if keepdims {
            let mut shape = self.shape().to_vec();
            match axis {
                None => shape.iter_mut().for_each(|n| *n = 1),
                Some(_) => {
                    let nd = shape.len() as isize;
                    let k = if ax < 0 { ax + nd } else { ax } as usize;
                    shape[k] = 1;
                }
            }
            return Ok(r.into_shape(&shape[..])?);
        }
        Ok(r)
    }

    /// `a.argmin(axis, keepdims=…)`: the index of the smallest unmasked element (flat for
    /// `axis=None`).
    ///
    /// # Errors
    /// An axis out of range; an empty array (NumPy's `ValueError`).
    pub fn argmin(&self, axis: Axis, keepdims: bool) -> Result<Array<i64>> {
        self.arg(true, None, axis, keepdims)
    }

    /// `a.argmin(axis, fill_value=…, keepdims=…)`: masked elements count as `fill_value`
    /// (as the dtype's largest value when `None`).
    ///
    /// # Errors
    /// As [`argmin`](Self::argmin); NumPy's `TypeError` for a fill value that does not
    /// convert to the dtype.
    pub fn argmin_fill(&self, axis: Axis, fill_value: Option<Scalar>, keepdims: bool) -> Result<Array<i64>> {
        self.arg(true, fill_value, axis, keepdims)
    }

    /// `a.argmax(axis, fill_value=…, keepdims=…)`: masked elements count as `fill_value`
    /// (as the dtype's smallest value when `None`).
    ///
    /// # Errors
    /// As [`argmin_fill`](Self::argmin_fill).
    pub fn argmax_fill(&self, axis: Axis, fill_value: Option<Scalar>, keepdims: bool) -> Result<Array<i64>> {
        self.arg(false, fill_value, axis, keepdims)
    }

    /// `a.argmax(axis, keepdims=…)`: the index of the largest unmasked element.
    ///
    /// # Errors
    /// As [`argmin`](Self::argmin).
    pub fn argmax(&self, axis: Axis, keepdims: bool) -> Result<Array<i64>> {
        self.arg(false, None, axis, keepdims)
    }

    /// `a.count(axis, keepdims=…)`: the number of unmasked elements along the axis, as
    /// int64 (0-d for `axis=None`).
    ///
    /// # Errors
    /// An axis out of range.
    pub fn count_axis(&self, axis: Axis, keepdims: bool) -> Result<Array<i64>> {
        if axis.is_none() {
            let n = i64::try_from(self.count()).unwrap_or(i64::MAX);
            return Ok(Array::full(&self.reduced_shape(keepdims), n)?);
        }
        let keep = match &self.mask {
            Some(m) => nprs_core::kernel::map(m, |x| !x),
            None => Array::full(self.shape(), true)?,
        };
        let r = ADD.reduce(&DynView::from(keep.view()), &opts(axis, keepdims).dtype(DType::Int64))?;
        Ok(r.into_typed::<i64>()?)
    }

    /// `a.mean(axis, keepdims=…)`: the mean of the unmasked elements (integers and bools in
    /// float64, float16 summed in float32 and rounded back).
    ///
    /// # Errors
    /// As [`sum`](Self::sum).
    pub fn mean(&self, axis: Axis, keepdims: bool) -> Result<MaskedArray> {
        let t = self.dtype().numeric().ok_or_else(|| Error::NotNumeric { op: "mean", dtype: self.dtype().name() })?;
        let sum_dtype = match t {
            DType::Float16 => Some(DType::Float32),
            DType::Float32 | DType::Float64 | DType::Complex64 | DType::Complex128 => None,
            _ => Some(DType::Float64),
        };
        let dsum = self.filled_reduce(&ADD, Scalar::Int(0), axis, keepdims, sum_dtype, false)?;
        let plain_div = |cnt: Operand<'_>| -> Result<DynArray> {
            Ok(DIVIDE.call(&[Operand::Array(dsum.data.view()), cnt], nprs_core::UfuncOptions::new())?)
        };
        let mut r = match &self.mask {
            None => {
                let n = self.size() / dsum.size().max(1);
                MaskedArray::from_parts(plain_div(Operand::Scalar(Scalar::Int(n as i128)))?, None)
            }
            Some(_) => {
                let cnt = DynArray::from(self.count_axis(axis, keepdims)?);
                if cnt.ndim() == 0 && cnt.item(&[])? == Scalar::Int(0) {
                    return Ok(masked());
                }
                if dsum.ndim() == 0 {
                    // NumPy's sum gives a scalar here, divided as a plain number.
                    MaskedArray::from_parts(plain_div(Operand::Array(cnt.view()))?, None)
                } else {
                    apply(&DIVIDE, &[(&dsum).into(), (&cnt).into()])?
                }
            }
        };
        if t == DType::Float16 {
            r.data = r.data.astype(&DType::Float16.into())?;
        }
        Ok(r)
    }

    /// `a.var(axis, ddof=…, keepdims=…)`: the variance of the unmasked elements, with
    /// `count - ddof` in the denominator; slices with `count - ddof <= 0` are masked.
    ///
    /// # Errors
    /// As [`mean`](Self::mean); complex data (its `absolute(x) ** 2` needs `power`).
    pub fn var(&self, axis: Axis, ddof: usize, keepdims: bool) -> Result<MaskedArray> {
        let t = self.dtype().numeric().ok_or_else(|| Error::NotNumeric { op: "var", dtype: self.dtype().name() })?;
        if matches!(t, DType::Complex64 | DType::Complex128) {
            return Err(Error::NotNumeric { op: "var", dtype: self.dtype().name() });
        }
        let call =
            |u: &Ufunc, ops: &[Operand<'_>]| -> Result<DynArray> { Ok(u.call(ops, nprs_core::UfuncOptions::new())?) };
        let Some(mask) = &self.mask else {
            // NumPy's `_var`: the mean (integers in float64) kept as an array, the squared
            // deviations summed, divided by `max(n - ddof, 0)`.
            let data = self.data.dyn_view();
            let sum_dtype = if is_int(t) || t == DType::Bool { Some(DType::Float64) } else { None };
            let mut o = opts(axis, true);
            if let Some(d) = sum_dtype {
                o = o.dtype(d);
            }
            let s = ADD.reduce(&data, &o)?;
            let n = self.size() / s.size().max(1);
            let mean = call(&DIVIDE, &[Operand::Array(s.view()), Operand::Scalar(Scalar::Int(n as i128))])?
                .astype_casting(s.dtype(), nprs_core::Casting::Unsafe)?;
            let x = call(&SUBTRACT, &[Operand::Array(data.reborrow()), Operand::Array(mean.view())])?;
            let x2 = call(&MULTIPLY, &[Operand::Array(x.view()), Operand::Array(x.view())])?;
            let r = ADD.reduce(&x2.view(), &opts(axis, keepdims))?;
            let rcount = n.saturating_sub(ddof) as i128;
            let v = call(&DIVIDE, &[Operand::Array(r.view()), Operand::Scalar(Scalar::Int(rcount))])?
                .astype_casting(r.dtype(), nprs_core::Casting::Unsafe)?;
            return Ok(MaskedArray::from_parts(v, None));
        };
        let (dsum, cnt) = match self.middle_axis_var_sums(axis, keepdims)? {
            Some(sums) => sums,
            None => {
                let mean = self.mean(axis, true)?;
                let dan = apply(&SUBTRACT, &[self.into(), (&mean).into()])?;
                // `danom *= danom`: masked positions keep their data (multiplied by 1).
                let sq = call(&MULTIPLY, &[Operand::Array(dan.data.view()), Operand::Array(dan.data.view())])?;
                let sq = match &dan.mask {
                    Some(m) => nprs_ufunc::select::where_dyn(&DynArray::from(m.clone()), &dan.data, &sq)?,
                    None => sq,
                };
                let dsq = MaskedArray::from_parts(sq, dan.mask.clone());
                (dsq.sum(axis, keepdims)?, self.count_axis(axis, keepdims)?)
            }
        };
        let cnt = DynArray::from(nprs_core::kernel::map(&cnt, move |c| c - ddof as i64));
        let mut dvar = apply(&DIVIDE, &[(&dsum).into(), (&cnt).into()])?;
        if dvar.ndim() > 0 {
            let all = LOGICAL_AND.reduce(&DynView::from(mask.view()), &opts(axis, keepdims))?;
            let nonpos = nprs_core::kernel::map(&cnt.to_typed::<i64>()?, |c| c <= 0);
            // NumPy's `mask_or`, which shrinks an all-false mask to `nomask`.
            dvar.mask = Some(zip_map(&as_mask(&all.view())?, &nonpos, |p, q| p | q)?);
            dvar.shrink_mask();
        } else if dvar.item()?.is_none() {
            return Ok(masked());
        }
        Ok(dvar)
    }

    /// `var`'s two sums over a masked float64 array, C-contiguous, along an axis that is
    /// not the last: `(self - self.mean(axis)) ** 2` summed with the masked values left
    /// out, and the count, in two passes over the data (the bits of `mean`, `subtract`,
    /// `multiply` and `sum` one after another, which make ten). `None` for other arrays.
    fn middle_axis_var_sums(&self, axis: Axis, keepdims: bool) -> Result<Option<(MaskedArray, Array<i64>)>> {
        let (Some(mask), Some(axis)) = (&self.mask, axis) else { return Ok(None) };
        let view = self.data.dyn_view();
        let nd = view.ndim();
        let Ok(ax) = usize::try_from(if axis < 0 { axis + nd as isize } else { axis }) else { return Ok(None) };
        if ax + 1 >= nd || view.shape()[ax] == 0 {
            return Ok(None);
        }
        let Ok(x) = view.typed::<f64>() else { return Ok(None) };
        let (Some(xs), Some(ms)) = (x.as_slice(), mask.as_slice()) else { return Ok(None) };
        let shape = view.shape();
        let (outer, n, inner) =
            (shape[..ax].iter().product::<usize>(), shape[ax], shape[ax + 1..].iter().product::<usize>());
        let mut kept = shape.to_vec();
        kept[ax] = 1;
        let (sums, counts) = crate::kernels::middle_axis_sums(xs, ms, outer, n, inner);
        let counts = Array::from_shape_vec(&kept, counts)?;
        // `self.mean(axis, keepdims=True)`: the filled sum (masked where the whole slice
        // is) divided by the count.
        let all_masked = nprs_core::kernel::map(&counts, |c| c == 0);
        let dsum = MaskedArray::from_parts(DynArray::from(Array::from_shape_vec(&kept, sums)?), Some(all_masked));
        let cnt = DynArray::from(counts.clone());
        let mean = apply(&DIVIDE, &[(&dsum).into(), (&cnt).into()])?;
        let mean_data = mean.data.typed::<f64>()?;
        let mu = mean_data.as_slice().ok_or(Error::NotNumeric { op: "var", dtype: mean.dtype().name() })?;
        let skip = mean.mask.as_ref().and_then(|m| m.as_slice());
        let sq = crate::kernels::middle_axis_sq_dev(xs, ms, (outer, n, inner), mu, skip);
        // The sum's mask: the slices the deviations mask entirely (all masked, or a masked
        // mean).
        let sq_mask = match &mean.mask {
            Some(mm) => zip_map(&counts, mm, |c, k| c == 0 || k)?,
            None => nprs_core::kernel::map(&counts, |c| c == 0),
        };
        let mut out_shape = kept.clone();
        if !keepdims {
            out_shape.remove(ax);
        }
        let dsq = MaskedArray::from_parts(
            DynArray::from(Array::from_shape_vec(&out_shape, sq)?),
            Some(sq_mask.into_shape(&out_shape)?),
        );
        Ok(Some((dsq, counts.into_shape(&out_shape)?)))
    }

    /// `a.std(axis, ddof=…, keepdims=…)`: `numpy.ma`'s `sqrt` of [`var`](Self::var)
    /// (non-finite results are masked).
    ///
    /// # Errors
    /// As [`var`](Self::var).
    pub fn std(&self, axis: Axis, ddof: usize, keepdims: bool) -> Result<MaskedArray> {
        let v = self.var(axis, ddof, keepdims)?;
        if v.ndim() == 0 && v.item()?.is_none() {
            return Ok(masked());
        }
        let r = apply(&SQRT, &[(&v).into()])?;
        if r.ndim() == 0 && r.item()?.is_none() {
            return Ok(masked());
        }
        Ok(r)
    }

    /// `a.anom(axis)`: the deviations from the mean along `axis` (from the mean of all
    /// unmasked elements for `None`).
    ///
    /// # Errors
    /// As [`mean`](Self::mean).
    pub fn anom(&self, axis: Axis) -> Result<MaskedArray> {
        let m = self.mean(axis, axis.is_some())?;
        apply(&SUBTRACT, &[self.into(), (&m).into()])
    }

    /// The single element: `None` when it is masked (NumPy's `masked`).
    ///
    /// # Errors
    /// NumPy's `ValueError` when the array has more than one element.
    pub fn item(&self) -> Result<Option<Scalar>> {
        if self.size() != 1 {
            return Err(nprs_core::Error::ItemSize.into());
        }
        let zeros = vec![0isize; self.ndim()];
        if let Some(m) = &self.mask
            && m.get(&zeros)?
        {
            return Ok(None);
        }
        Ok(Some(self.data.dyn_view().item(&zeros)?))
    }
}
