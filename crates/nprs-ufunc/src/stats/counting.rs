//! `numpy.bincount` and `numpy.digitize`.

use nprs_core::dynarray::{DynBase, DynData};
use nprs_core::kernel::Data;
use nprs_core::{Array, ArrayBase, Cast, Casting, DType, Descr, Error, Result};

use crate::Side;
use crate::dispatch::with_numeric;
use crate::search::searchsorted_dyn;

/// Elements at or above which `bincount` reads its input on several threads.
const PAR_ELEMS: usize = 1 << 17;
/// Elements per piece of a threaded pass.
const PIECE: usize = 1 << 16;

/// `bincount` of a dynamic array: NumPy's checks in NumPy's order (one dimension, an
/// integer or bool dtype, `minlength`, no negative value, as many weights as values),
/// then the counts read straight from the elements.
fn bincount_any<S: DynData>(x: &DynBase<S>, weights: Option<&[f64]>, minlength: isize) -> Result<Counts> {
    if x.ndim() > 1 {
        return Err(Error::TooDeep);
    }
    let Some(t) = x.dtype().numeric() else {
        return Err(Error::NotNumeric { op: "bincount", dtype: x.dtype().to_string() });
    };
    if matches!(t, DType::Float16 | DType::Float32 | DType::Float64 | DType::Complex64 | DType::Complex128) {
        return Err(Error::CastForbidden {
            from: x.dtype().clone(),
            to: Descr::from(DType::Int64),
            casting: Casting::Safe,
        });
    }
    let Ok(minlength) = usize::try_from(minlength) else { return Err(Error::BincountMinlength) };
    with_numeric!(t, T => {
        let v = crate::dispatch::typed_cow::<T, S>(x)?;
        let gathered;
        let vals: &[T] = match v.as_slice() {
            Some(s) => s,
            None => {
                gathered = v.to_vec();
                &gathered
            }
        };
        bincount_values(vals, weights, minlength)
    })
}

/// The smallest and largest of `v` as `i64` (`uint64` values above int64's range count
/// as negative, as NumPy's intp cast); `(i64::MAX, i64::MIN)` for no values.
fn min_max<T: Cast>(v: &[T]) -> (i64, i64) {
    v.iter().fold((i64::MAX, i64::MIN), |(lo, hi), &e| {
        let i = e.to_i64_wrapping();
        (lo.min(i), hi.max(i))
    })
}

/// Adds one to `counts[v]` for each value (all in `0..counts.len()`).
fn count_into<T: Cast>(v: &[T], counts: &mut [i64]) {
    for &e in v {
        counts[e.to_i64_wrapping() as usize] += 1;
    }
}

/// The counts (or weight sums) of the values `v`: a pass for the smallest and largest
/// value, then one counting pass. Counts are exact in any order, so long inputs are read
/// in pieces on several threads (each with its own counts when the counts are few
/// beside the input, added up at the end); weights are summed in input order, as NumPy
/// adds them.
fn bincount_values<T: Cast + Sync>(v: &[T], weights: Option<&[f64]>, minlength: usize) -> Result<Counts> {
    use rayon::prelude::*;
    let par = v.len() >= PAR_ELEMS;
    let (lo, hi) = if par {
        v.par_chunks(PIECE).map(min_max).reduce(|| (i64::MAX, i64::MIN), |a, b| (a.0.min(b.0), a.1.max(b.1)))
    } else {
        min_max(v)
    };
    if !v.is_empty() && lo < 0 {
        return Err(Error::BincountNegative);
    }
    let len = if v.is_empty() { 0 } else { (hi as usize).saturating_add(1) }.max(minlength);
    match weights {
        None => {
            if par && len <= v.len() / 16 {
                let c = v
                    .par_chunks(PIECE)
                    .fold(
                        || vec![0i64; len],
                        |mut c, piece| {
                            count_into(piece, &mut c);
                            c
                        },
                    )
                    .reduce_with(|mut a, b| {
                        for (x, y) in a.iter_mut().zip(b) {
                            *x += y;
                        }
                        a
                    })
                    .unwrap_or_else(|| vec![0; len]);
                return Ok(Counts::Int(Array::from_vec(c)));
            }
            let mut c = Array::<i64>::zeros(&[len])?;
            if let Some(cs) = c.as_slice_mut() {
                count_into(v, cs);
            }
            Ok(Counts::Int(c))
        }
        Some(w) => {
            if w.len() != v.len() {
                return Err(Error::BincountWeights);
            }
            let mut c = Array::<f64>::zeros(&[len])?;
            if let Some(cs) = c.as_slice_mut() {
                for (&e, &x) in v.iter().zip(w) {
                    cs[e.to_i64_wrapping() as usize] += x;
                }
            }
            Ok(Counts::Float(c))
        }
    }
}

/// `numpy.bincount(x, weights, minlength)` for a dynamic 1-d array of non-negative
/// integers (any integer dtype or bool): `int64` counts of each value, or with weights the
/// `float64` sums of the weights of each value (added in input order), at least
/// `minlength` long.
///
/// # Errors
/// "'list' argument must have no negative elements", "'minlength' must not be negative",
/// "The weights and list don't have the same length.", "object too deep for desired
/// array", NumPy's casting `TypeError` for float input; an allocation error when the
/// largest value asks for more counts than memory holds.
///
/// ```
/// use nprs_core::prelude::*;
/// use nprs_core::DynArray;
/// let c = nprs_ufunc::bincount_dyn(&DynArray::from(array![0i64, 1, 1, 3, 2, 1, 7]), None, 0)?;
/// assert_eq!(c.typed::<i64>()?.to_vec(), vec![1, 3, 1, 1, 0, 0, 0, 1]);
/// # Ok::<(), nprs_core::Error>(())
/// ```
pub fn bincount_dyn<S: DynData>(
    x: &DynBase<S>,
    weights: Option<&nprs_core::DynView<'_>>,
    minlength: isize,
) -> Result<nprs_core::DynArray> {
    let w = match weights {
        None => None,
        Some(w) => Some(w.astype(&DType::Float64.into())?.into_typed::<f64>()?.to_vec()),
    };
    Ok(match bincount_any(x, w.as_deref(), minlength)? {
        Counts::Int(c) => c.into(),
        Counts::Float(c) => c.into(),
    })
}

enum Counts {
    Int(Array<i64>),
    Float(Array<f64>),
}

/// `numpy.bincount(x, minlength=minlength)` of a typed array of integers.
///
/// # Errors
/// As [`bincount_dyn`].
pub fn bincount<S: Data>(x: &ArrayBase<S>, minlength: isize) -> Result<Array<i64>>
where
    S::Elem: Cast,
{
    match bincount_any(&nprs_core::DynView::from(x.view()), None, minlength)? {
        Counts::Int(c) => Ok(c),
        Counts::Float(_) => Err(Error::BincountWeights),
    }
}

/// `numpy.bincount(x, weights, minlength)` of a typed array of integers with `float64`
/// weights.
///
/// # Errors
/// As [`bincount_dyn`].
pub fn bincount_weighted<S: Data>(x: &ArrayBase<S>, weights: &[f64], minlength: isize) -> Result<Array<f64>>
where
    S::Elem: Cast,
{
    match bincount_any(&nprs_core::DynView::from(x.view()), Some(weights), minlength)? {
        Counts::Float(c) => Ok(c),
        Counts::Int(_) => Err(Error::BincountWeights),
    }
}

/// `numpy.digitize(x, bins, right)`: the index of the bin of each element of `x` (`int64`,
/// `x`'s shape): `bins[i-1] <= x < bins[i]` for increasing bins (`<` and `<=` swapped with
/// `right`), the mirror for decreasing bins; searched in the common dtype as
/// `searchsorted` does.
///
/// # Errors
/// "x may not be complex" (`TypeError`), "bins must be monotonically increasing or
/// decreasing", "object too deep for desired array" for bins of more than one dimension.
///
/// ```
/// use nprs_core::prelude::*;
/// use nprs_core::DynArray;
/// let x = DynArray::from(array![0.2, 6.4, 3.0, 1.6]);
/// let bins = DynArray::from(array![0.0, 1.0, 2.5, 4.0, 10.0]);
/// assert_eq!(nprs_ufunc::digitize_dyn(&x, &bins, false)?.to_vec(), vec![1, 4, 3, 2]);
/// # Ok::<(), nprs_core::Error>(())
/// ```
pub fn digitize_dyn<S: DynData, S2: DynData>(x: &DynBase<S>, bins: &DynBase<S2>, right: bool) -> Result<Array<i64>> {
    if matches!(x.dtype().numeric(), Some(DType::Complex64 | DType::Complex128)) {
        return Err(Error::DigitizeComplex);
    }
    if bins.ndim() > 1 {
        return Err(Error::TooDeep);
    }
    let b = bins.astype(&DType::Float64.into())?.into_typed::<f64>()?.to_vec();
    let side = if right { Side::Left } else { Side::Right };
    match monotonicity(&b) {
        0 => Err(Error::DigitizeMonotonic),
        -1 => {
            let rev = bins.flip(0isize)?;
            let n = b.len() as i64;
            let s = searchsorted_dyn(&rev, x, side, None)?;
            Ok(nprs_core::kernel::map(&s, move |i| n - i))
        }
        _ => searchsorted_dyn(bins, x, side, None),
    }
}

/// NumPy's `_monotonicity` of float64 bins: 1 increasing (or constant), -1 decreasing, 0
/// neither. After the leading run of equal values, the first differing pair decides the
/// direction (a NaN there means decreasing), and every later pair must follow it.
fn monotonicity(b: &[f64]) -> i32 {
    let n = b.len();
    if n == 0 {
        return 1;
    }
    let mut i = 1;
    while i < n && b[i] == b[0] {
        i += 1;
    }
    if i == n {
        return 1;
    }
    let rest = &b[i..];
    if b[0] < b[i] {
        if rest.windows(2).any(|w| w[0] > w[1]) { 0 } else { 1 }
    } else if rest.windows(2).any(|w| w[0] < w[1]) {
        0
    } else {
        -1
    }
}

/// `numpy.digitize` of typed arrays (`x` and `bins` of one element type).
///
/// # Errors
/// As [`digitize_dyn`].
pub fn digitize<S: Data, S2: Data<Elem = S::Elem>>(
    x: &ArrayBase<S>,
    bins: &ArrayBase<S2>,
    right: bool,
) -> Result<Array<i64>> {
    digitize_dyn(&nprs_core::DynView::from(x.view()), &nprs_core::DynView::from(bins.view()), right)
}
