//! Shape manipulation that carries the mask: `reshape`, `ravel`, `flatten`, `transpose`,
//! `swapaxes`, `moveaxis`, `squeeze`, `expand_dims`, `repeat`, `take`, slicing and advanced
//! indexing, the joins (`concatenate`, `stack`, `vstack`, `hstack`, `column_stack`,
//! `dstack`) and `where`.
//!
//! Each operation runs once, on the plain arrays: view operations on the data and on the
//! mask alike; the others (advanced indexing, `repeat`, the stacks) on an `int64` array of
//! element positions with nprs-core's typed function, whose result then gathers data and
//! mask. Results are copies (nprs has no masked views); `nomask` stays `nomask`, and the
//! fill value and hard-mask flag are kept where NumPy keeps them.

use nprs_core::dynarray::concatenate as concat_dyn;
use nprs_core::{Array, ArrayView, DynArray, DynView, IndexArg, Ints, Order, SliceArg};

use crate::array::{MaData, MaskedArray, as_mask};
use crate::error::Result;
use crate::ufuncs::MaOperand;

/// `0, 1, …, n-1` in the shape `shape` (C order): the flat position of every element.
pub(crate) fn positions(shape: &[usize]) -> Result<Array<i64>> {
    let n: usize = shape.iter().product();
    Ok(Array::from_shape_vec(shape, (0..n as i64).collect())?)
}

/// The elements of `flat` (1-d) at `pos`, in `pos`'s shape.
fn gather_flat(flat: &DynView<'_>, pos: &Array<i64>) -> Result<DynArray> {
    let idx: Vec<isize> = pos.iter().map(|p| p as isize).collect();
    Ok(flat.take(&idx, Some(0))?.into_shape(pos.shape())?)
}

/// A 1-d (C order) copy or view of `v`.
fn flat_of<'a>(v: &'a DynView<'_>) -> Result<nprs_core::DynCow<'a>> {
    Ok(v.reshape(&[v.size()][..])?)
}

impl<D: MaData> MaskedArray<D> {
    /// `f` applied to the data and to the mask (when there is one); the fill value and the
    /// hard-mask flag are kept.
    fn map_parts(&self, f: impl Fn(&DynView<'_>) -> nprs_core::Result<DynArray>) -> Result<Self> {
        let data = D::from_dyn(f(&self.data.dyn_view())?)?;
        let mask = match &self.mask {
            Some(m) => Some(as_mask(&f(&DynView::from(m.view()))?.view())?),
            None => None,
        };
        Ok(MaskedArray { data, mask, fill_value: self.fill_value.clone(), hard_mask: self.hard_mask })
    }

    /// The elements at the flat (C order) positions `pos`, in `pos`'s shape, with their
    /// mask.
    pub(crate) fn gather(&self, pos: &Array<i64>) -> Result<Self> {
        let v = self.data.dyn_view();
        let data = D::from_dyn(gather_flat(&flat_of(&v)?.view(), pos)?)?;
        let mask = match &self.mask {
            Some(m) => {
                let mv = DynView::from(m.view());
                Some(as_mask(&gather_flat(&flat_of(&mv)?.view(), pos)?.view())?)
            }
            None => None,
        };
        Ok(MaskedArray { data, mask, fill_value: self.fill_value.clone(), hard_mask: self.hard_mask })
    }

    /// `a.reshape(shape)` (one length may be `-1`).
    ///
    /// # Errors
    /// NumPy's "cannot reshape array of size 12 into shape (5,3)".
    pub fn reshape(&self, shape: &[isize]) -> Result<Self> {
        self.map_parts(|v| Ok(v.reshape(shape)?.into_owned()))
    }

    /// `a.reshape(shape, order=…)`.
    ///
    /// # Errors
    /// As [`reshape`](Self::reshape).
    pub fn reshape_order(&self, shape: &[isize], order: Order) -> Result<Self> {
        self.map_parts(|v| Ok(v.reshape_order(shape, order)?.into_owned()))
    }

    /// `a.ravel()`: the elements as 1-d (C order).
    ///
    /// # Errors
    /// When the result cannot be allocated.
    pub fn ravel(&self) -> Result<Self> {
        self.reshape(&[-1])
    }

    /// `a.flatten(order=…)`: a 1-d copy in `order`.
    ///
    /// # Errors
    /// When the result cannot be allocated.
    pub fn flatten(&self, order: Order) -> Result<Self> {
        self.map_parts(|v| Ok(v.flatten_order(order)))
    }

    /// `a.T`, `a.transpose()` (`axes = None`) and `a.transpose(axes)`.
    ///
    /// # Errors
    /// NumPy's "axes don't match array" and axis errors.
    pub fn transpose(&self, axes: Option<&[isize]>) -> Result<Self> {
        self.map_parts(|v| match axes {
            None => Ok(v.t().to_owned()),
            Some(ax) => Ok(v.permute_dims(ax)?.to_owned()),
        })
    }

    /// `a.swapaxes(a1, a2)`.
    ///
    /// # Errors
    /// NumPy's `AxisError`.
    pub fn swapaxes(&self, a1: isize, a2: isize) -> Result<Self> {
        self.map_parts(|v| Ok(v.swapaxes(a1, a2)?.to_owned()))
    }

    /// `np.moveaxis(a, source, destination)`.
    ///
    /// # Errors
    /// NumPy's `AxisError`, repeated axes, lengths that differ.
    pub fn moveaxis(&self, source: &[isize], destination: &[isize]) -> Result<Self> {
        self.map_parts(|v| Ok(v.moveaxis(source, destination)?.to_owned()))
    }

    /// `a.squeeze(axis)`: axes of length one removed (only `axes` when given).
    ///
    /// # Errors
    /// NumPy's "cannot select an axis to squeeze out which has size not equal to one".
    pub fn squeeze(&self, axes: Option<&[isize]>) -> Result<Self> {
        self.map_parts(|v| Ok(v.squeeze(axes)?.to_owned()))
    }

    /// `ma.expand_dims(a, axes)`: axes of length one inserted.
    ///
    /// # Errors
    /// NumPy's `AxisError`, repeated axes.
    pub fn expand_dims(&self, axes: &[isize]) -> Result<Self> {
        self.map_parts(|v| Ok(v.expand_dims(axes)?.to_owned()))
    }

    /// `a.repeat(repeats, axis)` (`ma.repeat`): every element repeated, the mask with it.
    ///
    /// # Errors
    /// As `numpy.repeat`: an axis out of bounds, counts of the wrong length, negative
    /// counts.
    pub fn repeat(&self, repeats: impl Into<Ints>, axis: Option<isize>) -> Result<Self> {
        let pos = nprs_core::repeat(&positions(self.shape())?, repeats, axis)?;
        self.gather(&pos)
    }

    /// `a.take(indices, axis)` (`ma.take`): elements picked along `axis` (from the flattened
    /// array for `None`), the mask with them. The fill value is the dtype's default, as
    /// NumPy's.
    ///
    /// # Errors
    /// NumPy's `IndexError` for an index out of bounds or a non-empty take from an empty
    /// axis; an axis out of bounds.
    pub fn take(&self, indices: &[isize], axis: Option<isize>) -> Result<Self> {
        let idx: Vec<i64> = indices.iter().map(|&i| i as i64).collect();
        let pos = positions(self.shape())?.take(idx, axis)?;
        let mut r = self.gather(&pos)?;
        r.fill_value = None;
        Ok(r)
    }

    /// `a[i, j:k, …]` with integers and slices (basic indexing): a copy of the selected
    /// elements and their mask (an integer per axis gives a 0-d masked array).
    ///
    /// # Errors
    /// Indices out of bounds, too many indices (NumPy's `IndexError`).
    pub fn slice(&self, args: &[SliceArg]) -> Result<Self> {
        self.map_parts(|v| Ok(v.try_slice(args)?.to_owned()))
    }

    /// `a[idx]` with NumPy's advanced indexing (integer arrays, boolean masks, slices,
    /// `newaxis`, `...`): a copy of the selected elements and their mask.
    ///
    /// # Errors
    /// As nprs-core's `index`: out-of-bounds indices, mismatched masks, index arrays that
    /// do not broadcast.
    pub fn index(&self, args: &[IndexArg<'_>]) -> Result<Self> {
        let pos = positions(self.shape())?.index(args)?;
        self.gather(&pos)
    }
}

/// The plain arrays of every input: data as dynamic views, masks as full arrays.
fn parts<'a, D: MaData>(arrays: &'a [&'a MaskedArray<D>]) -> Result<(Vec<DynView<'a>>, Vec<Array<bool>>)> {
    if arrays.is_empty() {
        return Err(nprs_core::Error::NoArrays { op: "concatenate" }.into());
    }
    let data = arrays.iter().map(|a| a.data.dyn_view()).collect();
    let masks = arrays.iter().map(|a| a.mask_array()).collect::<Result<_>>()?;
    Ok((data, masks))
}

/// `ma.concatenate(arrays, axis)`: the data and the masks joined; `nomask` when no input
/// has a mask or nothing is masked; the fill value is the dtype's default.
///
/// # Errors
/// NumPy's errors of `concatenate` (0-d inputs, differing shapes, no common dtype).
pub fn concatenate<D: MaData>(arrays: &[&MaskedArray<D>], axis: isize) -> Result<MaskedArray<D>> {
    let (data, masks) = parts(arrays)?;
    let d = concat_dyn(&data, axis)?;
    let any_mask = arrays.iter().any(|a| a.mask.is_some());
    let mut out = MaskedArray::from_parts(D::from_dyn(d)?, None);
    if any_mask {
        let mv: Vec<DynView<'_>> = masks.iter().map(|m| DynView::from(m.view())).collect();
        out.mask = Some(as_mask(&concat_dyn(&mv, axis)?.view())?);
        out.shrink_mask();
    }
    Ok(out)
}

/// A join of NumPy's `_fromnxfunction_seq` kind: nprs-core's typed `join` on the element
/// positions of all inputs, which then gathers the (promoted) data and the masks. The
/// result always has a mask array.
fn join_seq<D: MaData>(
    arrays: &[&MaskedArray<D>],
    join: impl Fn(&[ArrayView<'_, i64>]) -> nprs_core::Result<Array<i64>>,
) -> Result<MaskedArray<D>> {
    let (data, masks) = parts(arrays)?;
    let mut pos = Vec::with_capacity(arrays.len());
    let mut offset = 0i64;
    for a in arrays {
        let n = a.size() as i64;
        pos.push(Array::from_shape_vec(a.shape(), (offset..offset + n).collect())?);
        offset += n;
    }
    let views: Vec<ArrayView<'_, i64>> = pos.iter().map(|p| p.view()).collect();
    let p = join(&views)?;
    let flats: Vec<DynArray> = data.iter().map(|v| Ok(flat_of(v)?.into_owned())).collect::<Result<_>>()?;
    let fv: Vec<DynView<'_>> = flats.iter().map(|f| f.view()).collect();
    let all = concat_dyn(&fv, 0)?;
    let mflat: Vec<bool> = masks.iter().flat_map(|m| m.iter().collect::<Vec<_>>()).collect();
    let mask = Array::from_shape_vec(&[mflat.len()], mflat)?;
    let d = gather_flat(&all.view(), &p)?;
    let m = as_mask(&gather_flat(&DynView::from(mask.view()), &p)?.view())?;
    Ok(MaskedArray::from_parts(D::from_dyn(d)?, Some(m)))
}

/// `ma.stack(arrays, axis)`: joined along a new axis (the result always has a mask
/// array, as NumPy's).
///
/// # Errors
/// NumPy's "all input arrays must have the same shape", axis errors.
pub fn stack<D: MaData>(arrays: &[&MaskedArray<D>], axis: isize) -> Result<MaskedArray<D>> {
    join_seq(arrays, |v| nprs_core::stack(v, axis))
}

/// `ma.vstack(arrays)` (`ma.row_stack`): joined along the first axis, 1-d inputs as rows.
///
/// # Errors
/// As [`concatenate`].
pub fn vstack<D: MaData>(arrays: &[&MaskedArray<D>]) -> Result<MaskedArray<D>> {
    join_seq(arrays, |v| nprs_core::vstack(v))
}

/// `ma.hstack(arrays)`: joined along the second axis (the first for 1-d inputs).
///
/// # Errors
/// As [`concatenate`].
pub fn hstack<D: MaData>(arrays: &[&MaskedArray<D>]) -> Result<MaskedArray<D>> {
    join_seq(arrays, |v| nprs_core::hstack(v))
}

/// `ma.column_stack(arrays)`: 1-d inputs as columns, joined along the second axis.
///
/// # Errors
/// As [`concatenate`].
pub fn column_stack<D: MaData>(arrays: &[&MaskedArray<D>]) -> Result<MaskedArray<D>> {
    join_seq(arrays, |v| nprs_core::column_stack(v))
}

/// `ma.dstack(arrays)`: joined along the third axis.
///
/// # Errors
/// As [`concatenate`].
pub fn dstack<D: MaData>(arrays: &[&MaskedArray<D>]) -> Result<MaskedArray<D>> {
    join_seq(arrays, |v| nprs_core::dstack(v))
}

/// `ma.where(condition, x, y)`: `x` where the condition is true, else `y`, with the mask
/// of the element taken; masked wherever the condition is masked (its masked entries
/// count as false for the data). `nomask` when nothing is masked. A fully masked 0-d `x`
/// or `y` (NumPy's `masked`, [`masked()`](crate::masked)) takes the other's dtype.
///
/// # Errors
/// NumPy's broadcasting error; `x` and `y` without a common dtype.
pub fn where_<'a, 'b, D: MaData>(
    condition: &MaskedArray<D>,
    x: impl Into<MaOperand<'a>>,
    y: impl Into<MaOperand<'b>>,
) -> Result<MaskedArray> {
    let (x, y) = (x.into(), y.into());
    let truth = as_mask(&condition.data.dyn_view())?;
    let cf = match &condition.mask {
        Some(m) => nprs_core::kernel::zip_map(&truth, m, |t, masked| t && !masked)?,
        None => truth,
    };
    let cfd = DynArray::from(cf);
    // NumPy's `masked` as `x` or `y` (a 0-d masked element here) takes the other's dtype.
    let is_masked_const = |o: &MaOperand<'_>| o.data.ndim() == 0 && o.mask.is_some_and(|m| m.iter().all(|v| v));
    let (xz, yz);
    let xd = if is_masked_const(&x) && !is_masked_const(&y) {
        xz = DynArray::zeros(&[], y.data.dtype())?;
        xz.view()
    } else {
        x.data.reborrow()
    };
    let yd = if is_masked_const(&y) && !is_masked_const(&x) {
        yz = DynArray::zeros(&[], x.data.dtype())?;
        yz.view()
    } else {
        y.data.reborrow()
    };
    let data = nprs_ufunc::select::where_dyn(&cfd, &xd, &yd)?;
    let full = |m: Option<&Array<bool>>, v: &DynView<'_>| -> Result<DynArray> {
        Ok(DynArray::from(match m {
            Some(m) => m.clone(),
            None => Array::full(v.shape(), false)?,
        }))
    };
    let (xm, ym) = (full(x.mask, &x.data)?, full(y.mask, &y.data)?);
    let mut mask = as_mask(&nprs_ufunc::select::where_dyn(&cfd, &xm, &ym)?.view())?;
    if let Some(cm) = &condition.mask {
        let cmb = cm.broadcast_to(mask.shape())?;
        mask = nprs_core::kernel::zip_map(&mask, &cmb, |p, q| p | q)?;
    }
    let mut out = MaskedArray::from_parts(data, Some(mask));
    out.shrink_mask();
    Ok(out)
}
