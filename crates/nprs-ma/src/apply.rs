//! `numpy.ma`'s function-application and iteration helpers, and the last array functions:
//! [`apply_along_axis`], [`apply_over_axes`], [`ndenumerate`], [`notmasked_edges`],
//! [`hsplit`], [`frombuffer`].

use nprs_core::dtype::{DType, Descr};
use nprs_core::{Array, DynArray, DynView, Ints, Scalar, SliceArg};

use crate::array::{MaData, MaskedArray, as_mask};
use crate::error::{Error, Result};
use crate::manip::positions;

/// The index tuples of `shape` in C order.
fn c_indices(shape: &[usize]) -> impl Iterator<Item = Vec<usize>> + '_ {
    let n: usize = shape.iter().product();
    (0..n).map(move |mut k| {
        let mut idx = vec![0; shape.len()];
        for (i, &d) in shape.iter().enumerate().rev() {
            idx[i] = k % d;
            k /= d;
        }
        idx
    })
}

/// One call's result in [`apply_along_axis`]: data and mask (`None` for `nomask`).
struct Piece {
    data: DynArray,
    mask: Option<Array<bool>>,
}

/// `ma.apply_along_axis(func1d, axis, arr)`: `func` on every 1-d lane of `arr` along
/// `axis` (each lane a masked array), the results put together as NumPy does.
///
/// A 0-d result per lane (a NumPy scalar, or `masked` when it is masked) gives an array of `arr`'s shape without `axis`; a result of shape
/// `s` replaces the lane's axis by `s`. The dtype is the promotion of every result's dtype,
/// a fully masked 0-d result counting as NumPy's `masked` (float64, data 0). The result has
/// a mask when any lane's result has one (`nomask` otherwise) and the dtype's default fill
/// value, set as NumPy sets it (in the result's dtype).
///
/// ```
/// use nprs_core::array;
/// use nprs_ma as ma;
///
/// let a = ma::masked_array(array![[1.0, 2.0], [3.0, 4.0], [5.0, 6.0]], &array![[true, true], [true, false], [true, false]])?;
/// let s = ma::apply_along_axis(|lane| lane.sum(None, false), 0, &a)?;
/// assert_eq!(s.to_string(), "[-- 10.0]");
/// # Ok::<(), ma::Error>(())
/// ```
///
/// # Errors
/// NumPy's `AxisError`; results of differing shapes ("could not broadcast input array
/// from shape …"); results without a common dtype; NumPy's `TypeError` for an int8 or
/// uint8 result (its default fill value 999999 does not fit); what `func` returns.
pub fn apply_along_axis<D: MaData>(
    mut func: impl FnMut(&MaskedArray<D>) -> Result<MaskedArray>,
    axis: isize,
    arr: &MaskedArray<D>,
) -> Result<MaskedArray> {
    let nd = arr.ndim();
    let axis = nprs_core::dims::normalize_axis(axis, nd)?;
    let mut outshape = arr.shape().to_vec();
    outshape.remove(axis);
    let mut pieces: Vec<Piece> = Vec::new();
    let mut first_shape: Option<Vec<usize>> = None;
    // NumPy calls the function once before looking at the number of lanes.
    let lanes: Vec<Vec<usize>> =
        if outshape.contains(&0) { vec![vec![0; outshape.len()]] } else { c_indices(&outshape).collect() };
    for ind in lanes {
        let mut args: Vec<SliceArg> = ind.iter().map(|&i| SliceArg::Index(i as isize)).collect();
        args.insert(axis, SliceArg::Slice { start: None, stop: None, step: 1 });
        let lane = arr.slice(&args)?;
        let r = func(&lane)?;
        let shape = r.shape().to_vec();
        match &first_shape {
            None => first_shape = Some(shape.clone()),
            Some(f) if *f != shape => {
                return Err(nprs_core::Error::BroadcastInput { from: shape, to: f.clone() }.into());
            }
            Some(_) => {}
        }
        pieces.push(match (shape.is_empty(), r.is_masked()) {
            // NumPy's `masked`: float64, and the data under it stays the output's zero.
            (true, true) => Piece { data: DynArray::zeros(&[], &DType::Float64.into())?, mask: r.mask },
            // A NumPy scalar: no mask.
            (true, false) => Piece { data: r.data, mask: None },
            (false, _) => Piece { data: r.data, mask: r.mask },
        });
    }
    let rshape = first_shape.unwrap_or_default();
    // The results stacked as (lanes..., result...), then the result's axes moved to `axis`.
    let mut stacked_shape = outshape.clone();
    stacked_shape.extend_from_slice(&rshape);
    let nout = outshape.len();
    let perm: Vec<isize> = (0..axis).chain(nout..nout + rshape.len()).chain(axis..nout).map(|k| k as isize).collect();
    let assemble = |parts: Vec<DynView<'_>>| -> Result<DynArray> {
        let flat: Vec<DynArray> = parts.iter().map(|p| p.flatten()).collect();
        let views: Vec<DynView<'_>> = flat.iter().map(|f| f.view()).collect();
        let joined = nprs_core::dynarray::concatenate(&views, 0)?.into_shape(&stacked_shape[..])?;
        Ok(joined.permute_dims(&perm)?.to_owned())
    };
    let data = assemble(pieces.iter().map(|p| p.data.view()).collect())?;
    let mask = if pieces.iter().any(|p| p.mask.is_some()) {
        let full: Vec<Array<bool>> = pieces
            .iter()
            .map(|p| p.mask.clone().map_or_else(|| Array::full(&rshape, false), Ok))
            .collect::<nprs_core::Result<_>>()?;
        Some(as_mask(&assemble(full.iter().map(|m| DynView::from(m.view())).collect())?.view())?)
    } else {
        None
    };
    let mut out = MaskedArray::from_parts(data, mask);
    // NumPy sets the dtype's default fill value on the result: in the result's dtype, and
    // NumPy's `TypeError` where it does not fit (int8 and uint8 results).
    let fill = crate::array::default_fill_value(&out.dtype())?.get(&[])?;
    out.set_fill_value(Some(fill))?;
    Ok(out)
}

/// `ma.apply_over_axes(func, a, axes)`: `func(a, axis)` for each axis in turn, the result
/// of each call fed to the next; a result that lost the axis gets it back with length one
/// (NumPy's `expand_dims`).
///
/// ```
/// use nprs_core::array;
/// use nprs_ma as ma;
///
/// let a = ma::masked_array(array![[1, 2], [3, 4]], &array![[false, true], [false, false]])?;
/// let s = ma::apply_over_axes(|v, ax| v.sum(Some(ax), false), &a, &[0, 1])?;
/// assert_eq!(s.to_string(), "[[8]]");
/// # Ok::<(), ma::Error>(())
/// ```
///
/// # Errors
/// NumPy's `ValueError` ("function is not returning an array of the correct shape") for a
/// result that is neither of the input's rank nor one less; what `func` returns.
pub fn apply_over_axes<D: MaData>(
    mut func: impl FnMut(&MaskedArray, isize) -> Result<MaskedArray>,
    a: &MaskedArray<D>,
    axes: &[isize],
) -> Result<MaskedArray> {
    let n = a.ndim() as isize;
    let mut val = a.clone().into_dyn();
    for &axis in axes {
        let axis = if axis < 0 { n + axis } else { axis };
        let res = func(&val, axis)?;
        val = if res.ndim() == val.ndim() {
            res
        } else {
            let e = res.expand_dims(&[axis])?;
            if e.ndim() != val.ndim() {
                return Err(Error::ApplyShape);
            }
            e
        };
    }
    Ok(val)
}

/// `ma.ndenumerate(a, compressed)`: the index and value of every element in C order;
/// with `compressed` (NumPy's default) the masked elements are skipped, otherwise they come
/// as `None` (NumPy's `masked`).
///
/// ```
/// use nprs_core::{Scalar, array};
/// use nprs_ma as ma;
///
/// let a = ma::masked_array(array![[1, 2], [3, 4]], &array![[false, true], [false, false]])?;
/// let items: Vec<_> = ma::ndenumerate(&a, true).collect();
/// assert_eq!(items[1], (vec![1, 0], Some(Scalar::Int(3))));
/// assert_eq!(ma::ndenumerate(&a, false).nth(1), Some((vec![0, 1], None)));
/// # Ok::<(), ma::Error>(())
/// ```
pub fn ndenumerate<D: MaData>(
    a: &MaskedArray<D>,
    compressed: bool,
) -> impl Iterator<Item = (Vec<usize>, Option<Scalar>)> + '_ {
    let values = a.data.dyn_view().to_scalars();
    let masked: Vec<bool> = match &a.mask {
        Some(m) => m.iter().collect(),
        None => vec![false; values.len()],
    };
    c_indices(a.shape()).zip(values).zip(masked).filter_map(move |((i, v), m)| match (m, compressed) {
        (true, true) => None,
        (true, false) => Some((i, None)),
        (false, _) => Some((i, Some(v))),
    })
}

/// What [`notmasked_edges`] returns.
#[derive(Clone, Debug, PartialEq)]
pub enum NotMaskedEdges {
    /// `axis = None` or a 1-d input: the flat indices of the first and last unmasked
    /// elements (`None` when every element is masked), as [`flatnotmasked_edges`](crate::flatnotmasked_edges).
    Flat(Option<[i64; 2]>),
    /// Along an axis: for the first and for the last unmasked element of every lane that
    /// has one, its index along each dimension (NumPy's `[(i0, i1, …), (j0, j1, …)]`).
    Axis([Vec<Array<i64>>; 2]),
}

/// `ma.notmasked_edges(a, axis)`: the indices of the first and last unmasked elements,
/// flat for `axis = None` or a 1-d input, else of every lane along `axis`.
///
/// ```
/// use nprs_core::array;
/// use nprs_ma::{self as ma, NotMaskedEdges};
///
/// let a = ma::masked_array(array![[0, 1, 2], [3, 4, 5]], &array![[true, false, false], [false, false, true]])?;
/// let NotMaskedEdges::Axis([first, last]) = ma::notmasked_edges(&a, Some(1))? else { unreachable!() };
/// assert_eq!((first[1].to_vec(), last[1].to_vec()), (vec![1, 0], vec![2, 1]));
/// # Ok::<(), ma::Error>(())
/// ```
///
/// # Errors
/// NumPy's `AxisError`.
pub fn notmasked_edges<D: MaData>(a: &MaskedArray<D>, axis: Option<isize>) -> Result<NotMaskedEdges> {
    let Some(axis) = axis.filter(|_| a.ndim() != 1) else {
        return Ok(NotMaskedEdges::Flat(crate::flatnotmasked_edges(a)));
    };
    let m = a.mask_array()?;
    let idx = nprs_core::indices::<i64>(a.shape())?;
    let (mut first, mut last) = (Vec::new(), Vec::new());
    for i in 0..a.ndim() {
        let ii = MaskedArray::with_mask(idx.at(&[i as isize])?.to_owned(), &m)?;
        let edge = |r: MaskedArray| -> Result<Array<i64>> { Ok(r.compressed()?.into_typed::<i64>()?) };
        first.push(edge(ii.min(Some(axis), false)?)?);
        last.push(edge(ii.max(Some(axis), false)?)?);
    }
    Ok(NotMaskedEdges::Axis([first, last]))
}

/// `ma.hsplit(a, indices_or_sections)`: `numpy.hsplit` on the data and on the mask, the
/// pieces then made one masked array as `numpy.ma` does (stacked along a new first axis;
/// the result always has a mask array and the default fill value).
///
/// ```
/// use nprs_core::array;
/// use nprs_ma as ma;
///
/// let a = ma::masked_array(array![[1, 2, 3, 4]], &array![[false, true, false, false]])?;
/// assert_eq!(ma::hsplit(&a, 2)?.to_string(), "[[[1 --]]\n\n [[3 4]]]");
/// # Ok::<(), ma::Error>(())
/// ```
///
/// # Errors
/// As `numpy.hsplit` (0-d input, sections that do not divide the axis); pieces of
/// different shapes, with NumPy's "inhomogeneous shape" `ValueError`.
pub fn hsplit<D: MaData>(a: &MaskedArray<D>, sections: impl Into<Ints>) -> Result<MaskedArray<D>> {
    let pos = positions(a.shape())?;
    let pieces = nprs_core::hsplit(&pos, sections)?;
    if let Some(first) = pieces.first()
        && let Some(other) = pieces.iter().find(|p| p.shape() != first.shape())
    {
        let common = first.shape().iter().zip(other.shape()).take_while(|(x, y)| x == y).count();
        let mut shape = vec![pieces.len()];
        shape.extend_from_slice(&first.shape()[..common]);
        return Err(nprs_core::Error::Inhomogeneous { depth: common + 1, shape }.into());
    }
    let stacked = nprs_core::stack(&pieces, 0)?;
    let mut r = a.gather(&stacked)?;
    r.fill_value = None;
    r.hard_mask = false;
    if r.mask.is_none() {
        r.mask = Some(Array::full(r.shape(), false)?);
    }
    Ok(r)
}

/// `ma.frombuffer(buffer, dtype, count, offset)`: `numpy.frombuffer` as a masked array
/// without a mask (`count = None` reads to the end).
///
/// ```
/// use nprs_core::dtype::DType;
/// use nprs_ma as ma;
///
/// let a = ma::frombuffer(&[1, 0, 2, 0], &DType::Int16.into(), None, 0)?;
/// assert_eq!(a.to_string(), "[1 2]");
/// # Ok::<(), ma::Error>(())
/// ```
///
/// # Errors
/// NumPy's `ValueError`s of `frombuffer` (a size that is not a multiple of the element
/// size, an offset or count past the end).
pub fn frombuffer(buffer: &[u8], dtype: &Descr, count: Option<usize>, offset: usize) -> Result<MaskedArray> {
    Ok(MaskedArray::new(nprs_core::frombuffer(buffer, dtype, count, offset)?))
}
