//! `argmin`/`argmax`, `ptp`, `count_nonzero` and the cumulative reductions (`cumsum`,
//! `cumprod`, `cumulative_sum`, `cumulative_prod`).

use nprs_core::dynarray::{DynView, Operand};
use nprs_core::kernel::NpOrd;
use nprs_core::{Array, DType, Descr, DynArray, Error, Result, UfuncOptions};

use super::{ReduceArgs, sum_dyn};
use crate::dispatch::{numeric_dtype, typed_cow, with_numeric};
use crate::ufuncs::{ADD, MAXIMUM, MINIMUM, MULTIPLY, SUBTRACT};

/// The index of the first largest (`max`) or smallest element of a lane; an unordered
/// element (NaN, or a complex number with a NaN part) wins at once, as in NumPy.
fn best<T: NpOrd + Copy>(mut it: impl Iterator<Item = T>, max: bool) -> usize {
    let Some(mut b) = it.next() else { return 0 };
    if b.np_cmp(b).is_none() {
        return 0;
    }
    let want = if max { std::cmp::Ordering::Greater } else { std::cmp::Ordering::Less };
    let mut bi = 0;
    for (i, x) in it.enumerate() {
        match x.np_cmp(b) {
            None => return i + 1,
            Some(o) if o == want => {
                b = x;
                bi = i + 1;
            }
            _ => {}
        }
    }
    bi
}

/// The arg-extremum of a lane: the vectorised search for the types that have it (integers,
/// `float32`, `float64`), else [`best`].
trait ArgLane: NpOrd + Copy {
    fn arg_lane(lane: &[Self], max: bool) -> usize {
        best(lane.iter().copied(), max)
    }

    /// Folds row `k` into the running extrema `best` of the rows before it and their row
    /// indices `idx`, position by position, with [`best`]'s rule: an unordered best stays,
    /// an unordered element wins, otherwise only a strictly better element replaces.
    fn fold_row(best: &mut [Self], idx: &mut [i64], row: &[Self], k: i64, max: bool) {
        let want = if max { std::cmp::Ordering::Greater } else { std::cmp::Ordering::Less };
        for ((b, i), &x) in best.iter_mut().zip(idx.iter_mut()).zip(row) {
            if b.np_cmp(*b).is_none() {
                continue;
            }
            if x.np_cmp(*b).is_none_or(|o| o == want) {
                *b = x;
                *i = k;
            }
        }
    }
}

/// [`ArgLane::fold_row`] for types whose `PartialOrd` is NumPy's order, written as a
/// branch-free select so that it vectorises.
#[inline(always)]
#[allow(clippy::eq_op, reason = "x != x is the NaN test that vectorises")]
fn fold_row_select<T: PartialOrd + Copy>(best: &mut [T], idx: &mut [i64], row: &[T], k: i64, max: bool) {
    let n = row.len().min(best.len()).min(idx.len());
    let (best, idx, row) = (&mut best[..n], &mut idx[..n], &row[..n]);
    if max {
        for j in 0..n {
            let (x, b) = (row[j], best[j]);
            let take = b == b && (x != x || x > b);
            best[j] = if take { x } else { b };
            idx[j] = if take { k } else { idx[j] };
        }
    } else {
        for j in 0..n {
            let (x, b) = (row[j], best[j]);
            let take = b == b && (x != x || x < b);
            best[j] = if take { x } else { b };
            idx[j] = if take { k } else { idx[j] };
        }
    }
}

/// [`fold_row_select`] compiled for AVX2.
///
/// # Safety
/// The CPU must have AVX2 and FMA.
#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx2,fma")]
#[allow(unsafe_code)]
unsafe fn fold_row_select_avx2<T: PartialOrd + Copy>(best: &mut [T], idx: &mut [i64], row: &[T], k: i64, max: bool) {
    fold_row_select(best, idx, row, k, max);
}

macro_rules! arg_lane {
    (fast: $($t:ty),*) => {$(
        impl ArgLane for $t {
            fn arg_lane(lane: &[Self], max: bool) -> usize {
                super::lanes::arg_extreme(lane, max)
            }
            fn fold_row(best: &mut [Self], idx: &mut [i64], row: &[Self], k: i64, max: bool) {
                #[cfg(target_arch = "x86_64")]
                #[allow(unsafe_code)]
                if nprs_core::kernel::has_avx2() {
                    // SAFETY: `has_avx2` reported AVX2 and FMA on this CPU.
                    return unsafe { fold_row_select_avx2(best, idx, row, k, max) };
                }
                fold_row_select(best, idx, row, k, max);
            }
        }
    )*};
    (plain: $($t:ty),*) => {$(
        impl ArgLane for $t {}
    )*};
}
arg_lane!(fast: i8, i16, i32, i64, u8, u16, u32, u64, f32, f64);
arg_lane!(plain: bool, nprs_core::f16, nprs_core::C64, nprs_core::C128);

/// Positions per parallel task of [`arg_rows`].
const ROW_CHUNK: usize = 4096;

/// The arg-extremum along the middle axis of the C-ordered block `data`, `n` rows of
/// `inner` elements (`n >= 1`), for every position of a row, into `out` (`inner`
/// indices): the rows are read in memory order, each folded into the running extrema, so
/// an outer axis costs one pass over memory instead of one strided walk per lane. Wide
/// rows are split into column ranges folded on separate threads.
fn arg_rows<T: ArgLane + Send + Sync>(data: &[T], n: usize, inner: usize, max: bool, out: &mut [i64]) {
    use rayon::prelude::*;
    let columns = |c0: usize, out: &mut [i64]| {
        let w = out.len();
        let mut best: Vec<T> = data[c0..c0 + w].to_vec();
        out.fill(0);
        for k in 1..n {
            let row = &data[k * inner + c0..k * inner + c0 + w];
            T::fold_row(&mut best, out, row, k as i64, max);
        }
    };
    if n * inner >= 1 << 18 && inner >= 2 * ROW_CHUNK {
        out.par_chunks_mut(ROW_CHUNK).enumerate().for_each(|(c, o)| columns(c * ROW_CHUNK, o));
    } else {
        columns(0, out);
    }
}

/// [`ArgLane::arg_lane`] of a long lane on every thread: each piece finds its own first
/// extremum (or first NaN), and the pieces are merged in order with [`best`]'s rule, so
/// the index is the first one, as in one pass.
fn arg_lane_par<T: ArgLane + Sync>(s: &[T], max: bool) -> usize {
    use rayon::prelude::*;
    let threads = rayon::current_num_threads();
    if s.len() < 1 << 18 || threads < 2 {
        return T::arg_lane(s, max);
    }
    let step = s.len().div_ceil(4 * threads).max(1 << 16);
    let found: Vec<usize> = s.par_chunks(step).enumerate().map(|(c, p)| c * step + T::arg_lane(p, max)).collect();
    let want = if max { std::cmp::Ordering::Greater } else { std::cmp::Ordering::Less };
    let mut bi = found[0];
    if s[bi].np_cmp(s[bi]).is_none() {
        return bi;
    }
    for &i in &found[1..] {
        match s[i].np_cmp(s[bi]) {
            None => return i,
            Some(o) if o == want => bi = i,
            _ => {}
        }
    }
    bi
}

/// The arg-extremum of a lane of any layout.
fn arg_of<T: ArgLane + nprs_core::Element>(lane: &nprs_core::ArrayView<'_, T>, max: bool) -> usize {
    match lane.as_slice() {
        Some(s) => T::arg_lane(s, max),
        None => best(lane.iter(), max),
    }
}

/// `argmax`/`argmin` along `axis` (`None`: of the flattened array), int64 indices.
fn arg(a: &DynView<'_>, axis: Option<isize>, keepdims: bool, max: bool) -> Result<DynArray> {
    let what = if max { "argmax" } else { "argmin" };
    if let Some(r) = crate::ufunc::datetime::arg_counts(a, axis, keepdims, max, |c, m| arg(c, axis, keepdims, m))? {
        return Ok(r);
    }
    let dt = numeric_dtype(a, what)?;
    let ndim = a.ndim();
    let ax = match axis {
        Some(ax) => Some(nprs_core::dims::normalize_axis(ax, ndim)?),
        None => None,
    };
    let empty = match ax {
        None => a.size() == 0,
        Some(d) => a.shape()[d] == 0,
    };
    if empty {
        return Err(Error::ArgEmpty { op: what });
    }
    let (idx, shape): (Vec<i64>, Vec<usize>) = with_numeric!(dt, T => {
        let t = typed_cow::<T, _>(a)?;
        match ax {
            None => {
                let v = t.view();
                let i = match v.as_slice() {
                    Some(s) => arg_lane_par(s, max),
                    None => best(v.iter(), max),
                };
                (vec![i as i64], vec![])
            }
            Some(d) => {
                let mut shape = a.shape().to_vec();
                shape.remove(d);
                let v = t.view();
                let inner: usize = a.shape()[d + 1..].iter().product();
                let lanes: Vec<i64> = match v.as_slice() {
                    // An outer axis of a C-ordered array: row by row.
                    Some(s) if d + 1 < ndim && inner > 0 => {
                        let n = a.shape()[d];
                        let mut out = vec![0i64; s.len() / n];
                        for (block, o) in s.chunks(n * inner).zip(out.chunks_mut(inner)) {
                            arg_rows(block, n, inner, max, o);
                        }
                        out
                    }
                    // The last axis of a C-ordered array: whole lanes, several per thread.
                    Some(s) if d + 1 == ndim && s.len() >= 1 << 17 && s.len() > a.shape()[d] => {
                        use rayon::prelude::*;
                        let n = a.shape()[d];
                        s.par_chunks(n).with_min_len((1 << 15) / n + 1).map(|l| T::arg_lane(l, max) as i64).collect()
                    }
                    _ => v.lanes(d as isize)?.map(|l| arg_of(&l, max) as i64).collect(),
                };
                (lanes, shape)
            }
        }
    });
    let out = DynArray::from(Array::from_shape_vec(&shape, idx)?);
    if !keepdims {
        return Ok(out);
    }
    let keep: Vec<usize> = match ax {
        None => vec![1; ndim],
        Some(d) => (0..ndim).map(|j| if j == d { 1 } else { a.shape()[j] }).collect(),
    };
    out.into_shape(keep.as_slice())
}

/// `numpy.argmax(a, axis, keepdims)`: the index of the first largest element (the first
/// NaN when there is one), int64; `axis=None` indexes the flattened array.
///
/// # Errors
/// NumPy's "attempt to get argmax of an empty sequence" (ValueError), an axis out of
/// range, a non-numeric dtype.
pub fn argmax_dyn(a: &DynView<'_>, axis: Option<isize>, keepdims: bool) -> Result<DynArray> {
    arg(a, axis, keepdims, true)
}

/// `numpy.argmin(a, axis, keepdims)`: the index of the first smallest element (the first
/// NaN when there is one), int64.
///
/// # Errors
/// As [`argmax_dyn`] ("attempt to get argmin of an empty sequence").
pub fn argmin_dyn(a: &DynView<'_>, axis: Option<isize>, keepdims: bool) -> Result<DynArray> {
    arg(a, axis, keepdims, false)
}

/// `numpy.ptp(a, axis, keepdims)`: `maximum.reduce - minimum.reduce`, in the input's
/// dtype (integers wrap as in NumPy).
///
/// # Errors
/// As [`max_dyn`](super::max_dyn); NumPy's TypeError for bool (boolean subtract).
pub fn ptp_dyn(a: &DynView<'_>, args: &ReduceArgs<'_>) -> Result<DynArray> {
    let o = args.reduce_options(None, args.keepdims);
    let hi = MAXIMUM.reduce(a, &o)?;
    let lo = MINIMUM.reduce(a, &o)?;
    SUBTRACT.call(&[(&hi).into(), (&lo).into()], UfuncOptions::new())
}

/// `numpy.count_nonzero(a, axis, keepdims)`: the number of non-zero elements, as
/// `a.astype(bool).sum(axis, dtype=intp)` (int64; 0-d for `axis=None`).
///
/// # Errors
/// As [`sum_dyn`].
pub fn count_nonzero_dyn(a: &DynView<'_>, args: &ReduceArgs<'_>) -> Result<DynArray> {
    if matches!(args.axis, super::Axis::All) && !args.keepdims && args.mask.is_none() {
        macro_rules! whole {
            ($($d:ident => $t:ty),*) => {
                // Native byte order only (`typed` refuses the others, which take the
                // general path below).
                match a.dtype().numeric() {
                    $(Some(DType::$d) => {
                        if let Ok(v) = a.typed::<$t>()
                            && let Some(s) = v.as_slice_memory_order()
                        {
                            return Ok(DynArray::from(Array::from_elem_0d(count_nonzero_lane(s))));
                        }
                    })*
                    _ => {}
                }
            };
        }
        whole!(Float64 => f64, Float32 => f32, Int64 => i64, Int32 => i32, Int16 => i16, Int8 => i8,
            UInt64 => u64, UInt32 => u32, UInt16 => u16, UInt8 => u8);
    }
    let b = a.astype(&Descr::from(DType::Bool))?;
    let mut o = args.clone();
    o.dtype = Some(DType::Int64);
    o.initial = None;
    sum_dyn(&b.view(), &o)
}

/// The number of non-zero elements of a block of memory (NaN counts, `-0.0` does not),
/// in one pass without the bool copy: pieces of a long block on several threads, each
/// counted in vector code where the CPU has AVX2.
fn count_nonzero_lane<T: Copy + PartialEq + Default + Send + Sync>(s: &[T]) -> i64 {
    use rayon::prelude::*;
    #[inline(always)]
    fn piece<T: Copy + PartialEq + Default>(s: &[T]) -> u64 {
        let zero = T::default();
        s.iter().map(|&x| u64::from(x != zero)).sum()
    }
    #[cfg(target_arch = "x86_64")]
    #[target_feature(enable = "avx2,fma")]
    #[allow(unsafe_code)]
    unsafe fn piece_avx2<T: Copy + PartialEq + Default>(s: &[T]) -> u64 {
        piece(s)
    }
    let avx2 = nprs_core::kernel::has_avx2();
    let one = |s: &[T]| -> u64 {
        #[cfg(target_arch = "x86_64")]
        #[allow(unsafe_code)]
        if avx2 {
            // SAFETY: `has_avx2` reported AVX2 and FMA on this CPU.
            return unsafe { piece_avx2(s) };
        }
        let _ = avx2;
        piece(s)
    };
    let total = if s.len() >= 1 << 17 { s.par_chunks(1 << 16).map(one).sum() } else { one(s) };
    total as i64
}

/// The running `add` or `multiply` along `axis` (`None`: the flattened array, 1-d), in
/// the dtype a reduction computes in (int64 for small integers), optionally starting with
/// the identity (`include_initial`).
fn cumulative(a: &DynView<'_>, axis: Option<isize>, product: bool, include_initial: bool) -> Result<DynArray> {
    let u = if product { &MULTIPLY } else { &ADD };
    let flat;
    let (src, ax) = match axis {
        None => {
            flat = a.reshape(&[a.size()][..])?;
            (flat.view(), 0)
        }
        Some(ax) => (a.reborrow(), ax),
    };
    if src.ndim() == 0 {
        return Err(Error::AxisOutOfBounds { axis: ax, ndim: 0 });
    }
    let ax = nprs_core::dims::normalize_axis(ax, src.ndim())? as isize;
    let run = if src.size() == 0 {
        // An empty input: its shape in the accumulation dtype.
        let t = super::sum_dyn(&src, &ReduceArgs::new().axis(ax).keepdims(true))?;
        DynArray::zeros(src.shape(), t.dtype())?
    } else {
        u.accumulate(&src, ax)?
    };
    if !include_initial {
        return Ok(run);
    }
    let mut shape = run.shape().to_vec();
    shape[ax as usize] = 1;
    let init = DynArray::full(&shape, run.dtype(), i64::from(product))?;
    nprs_core::dynarray::concatenate(&[init.view(), run.view()], ax)
}

/// `numpy.cumsum(a, axis)`: running sums along `axis` (`None`: of the flattened array),
/// in int64/uint64 for bool and small integers, in order (no pairwise summation).
///
/// # Errors
/// An axis out of range; a non-numeric dtype.
pub fn cumsum_dyn(a: &DynView<'_>, axis: Option<isize>) -> Result<DynArray> {
    cumulative(a, axis, false, false)
}

/// `numpy.cumprod(a, axis)`: running products along `axis`.
///
/// # Errors
/// As [`cumsum_dyn`].
pub fn cumprod_dyn(a: &DynView<'_>, axis: Option<isize>) -> Result<DynArray> {
    cumulative(a, axis, true, false)
}

/// `numpy.cumulative_sum(x, axis, include_initial)`: as [`cumsum_dyn`], with the
/// identity (0) first along `axis` when `include_initial`; `axis=None` only for 1-d input.
///
/// # Errors
/// NumPy's ValueError when `axis` is `None` for an input of more than one dimension; as
/// [`cumsum_dyn`].
pub fn cumulative_sum_dyn(a: &DynView<'_>, axis: Option<isize>, include_initial: bool) -> Result<DynArray> {
    if axis.is_none() && a.ndim() > 1 {
        return Err(Error::CumulativeAxisRequired);
    }
    cumulative(a, axis, false, include_initial)
}

/// `numpy.cumulative_prod(x, axis, include_initial)`: as [`cumprod_dyn`], with the
/// identity (1) first when `include_initial`.
///
/// # Errors
/// As [`cumulative_sum_dyn`].
pub fn cumulative_prod_dyn(a: &DynView<'_>, axis: Option<isize>, include_initial: bool) -> Result<DynArray> {
    if axis.is_none() && a.ndim() > 1 {
        return Err(Error::CumulativeAxisRequired);
    }
    cumulative(a, axis, true, include_initial)
}

/// `numpy.average(a, axis, weights, returned=True, keepdims)`: the weighted mean and the
/// sum of the weights, as NumPy computes them (`(a * w).sum(axis) / w.sum(axis)` in
/// `result_type(a, w)` — float64 at least for integer and bool `a` —, or `a.mean(axis)`
/// and the element count without weights). Weights either have `a`'s shape or the shape
/// of `a` along the reduced axes.
///
/// # Errors
/// NumPy's: "Axis must be specified when shapes of a and weights differ." (TypeError),
/// "Shape of weights must be consistent with shape of a along specified axis.",
/// "Weights sum to zero, can't be normalized" (ZeroDivisionError); as
/// [`mean_dyn`](super::mean_dyn).
pub fn average_dyn(
    a: &DynView<'_>,
    weights: Option<&DynView<'_>>,
    args: &ReduceArgs<'_>,
) -> Result<(DynArray, DynArray)> {
    use nprs_core::TypeArg;
    let Some(w) = weights else {
        let avg = super::mean_dyn(a, args)?;
        let scl = (a.size() / avg.size().max(1)) as f64;
        let s = DynArray::full(avg.shape(), avg.dtype(), scl)?;
        return Ok((avg, s));
    };
    let dt = numeric_dtype(a, "average")?;
    let int_like =
        !matches!(dt, DType::Float16 | DType::Float32 | DType::Float64 | DType::Complex64 | DType::Complex128);
    let mut targs = vec![TypeArg::DType(a.dtype().clone()), TypeArg::DType(w.dtype().clone())];
    if int_like {
        targs.push(TypeArg::DType(DType::Float64.into()));
    }
    let rt = nprs_core::promote::result_type(&targs)?
        .numeric()
        .ok_or(Error::NotNumeric { op: "average", dtype: w.dtype().to_string() })?;
    let wshaped;
    let wv = if a.shape() == w.shape() {
        w.reborrow()
    } else {
        let axes: Vec<usize> = match &args.axis {
            super::Axis::All => return Err(Error::AverageAxisRequired),
            super::Axis::One(ax) => vec![nprs_core::dims::normalize_axis(*ax, a.ndim())?],
            super::Axis::Many(v) => {
                v.iter().map(|&ax| nprs_core::dims::normalize_axis(ax, a.ndim())).collect::<Result<_>>()?
            }
        };
        let along: Vec<usize> = axes.iter().map(|&d| a.shape()[d]).collect();
        if w.shape() != along.as_slice() {
            return Err(Error::AverageWeightsShape);
        }
        let mut order: Vec<usize> = (0..axes.len()).collect();
        order.sort_by_key(|&j| axes[j]);
        let perm: Vec<isize> = order.iter().map(|&j| j as isize).collect();
        let shape: Vec<usize> = (0..a.ndim()).map(|d| if axes.contains(&d) { a.shape()[d] } else { 1 }).collect();
        wshaped = w.permute_dims(&perm)?.reshape(shape.as_slice())?.into_owned();
        wshaped.view()
    };
    let mut o = args.clone();
    o.initial = None;
    o.mask = None;
    o.dtype = Some(rt);
    let scl = sum_dyn(&wv, &o)?;
    let zero = crate::ufuncs::EQUAL.call(&[(&scl).into(), 0.into()], UfuncOptions::new())?;
    if zero.typed::<bool>()?.iter().any(|b| b) {
        return Err(Error::WeightsSumToZero);
    }
    let prod =
        MULTIPLY.call(&[Operand::Array(a.reborrow()), Operand::Array(wv.reborrow())], UfuncOptions::new().dtype(rt))?;
    let mut o2 = o.clone();
    o2.dtype = None;
    let tot = sum_dyn(&prod.view(), &o2)?;
    let avg = crate::ufuncs::DIVIDE.call(&[(&tot).into(), (&scl).into()], UfuncOptions::new())?;
    let scl = if scl.shape() == avg.shape() {
        scl
    } else {
        scl.view().broadcast_to(avg.shape())?.to_owned_order(nprs_core::Order::C)
    };
    Ok((avg, scl))
}
