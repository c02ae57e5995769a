//! The passes over data and mask behind `filled`, `compressed`, `count`, the ufunc
//! wrapper and the reductions: one dispatch on the dtype per call (the kernel API's
//! [`map_unary`]/[`map_many`]), then one pass that walks the data and the mask together —
//! no copy of the mask, no `!mask` array where the pass can read the mask as it is —
//! split over the rayon pool when the arrays are large, as nprs-core's passes are.
//!
//! Data of other dtypes (strings, dates, records, byte-swapped numbers) takes NumPy's
//! general `where`/`a[mask]`, with the same results.

use std::sync::atomic::{AtomicU8, Ordering};

use nprs_core::fpstatus::FpFlags;
use nprs_core::kernel::{PAR_THRESHOLD, map, zip_map};
use nprs_core::{
    Array, ArrayView, Cast, DType, DynArray, DynView, Element, ManyKernel, UnaryKernel, map_many, map_unary,
};
use nprs_ufunc::ufunc::SliceLoop;
use rayon::prelude::*;

use crate::error::Result;

/// Elements per rayon task of the slice passes.
const CHUNK: usize = 1 << 15;

/// Whether a dtype takes the typed passes: a number in native byte order.
fn typed(d: &nprs_core::Descr) -> bool {
    d.numeric().is_some() && d.is_native()
}

/// `np.where(m, x, y)` for a mask `m` whose shape is the result's (`x` and `y` broadcast
/// to it); the dtype is `result_type(x, y)`.
///
/// # Errors
/// As `np.where`: shapes that do not broadcast, dtypes without a common type.
pub(crate) fn select(m: &ArrayView<'_, bool>, x: &DynView<'_>, y: &DynView<'_>) -> Result<DynArray> {
    if x.dtype() == y.dtype() && typed(x.dtype()) {
        return Ok(map_many(&[x.reborrow(), y.reborrow()], &Select { m })?);
    }
    Ok(nprs_ufunc::select::where_dyn(&DynView::from(m.reborrow()), x, y)?)
}

/// `where(m, x, y)` on typed views of one element type.
struct Select<'m, 'a> {
    m: &'m ArrayView<'a, bool>,
}

impl ManyKernel for Select<'_, '_> {
    fn call<T: Element + Cast>(&self, arrays: &[ArrayView<'_, T>]) -> nprs_core::Result<DynArray> {
        let (m, x, y) = (self.m, &arrays[0], &arrays[1]);
        let shape = m.shape();
        let out = if x.ndim() == 0 && y.shape() == shape {
            let v = x.iter().next().unwrap_or_default();
            zip_map(y, m, move |b, k| if k { v } else { b })?
        } else if y.ndim() == 0 && x.shape() == shape {
            let v = y.iter().next().unwrap_or_default();
            zip_map(x, m, move |a, k| if k { a } else { v })?
        } else if let (true, true, Some(ms), Some(xs), Some(ys)) =
            (x.shape() == shape, y.shape() == shape, m.as_slice(), x.as_slice(), y.as_slice())
        {
            let pick = |((&k, &a), &b): ((&bool, &T), &T)| if k { a } else { b };
            let v: Vec<T> = if ms.len() >= PAR_THRESHOLD {
                ms.par_iter().with_min_len(CHUNK).zip(xs).zip(ys).map(pick).collect()
            } else {
                ms.iter().zip(xs).zip(ys).map(pick).collect()
            };
            Array::from_shape_vec(shape, v)?
        } else {
            nprs_ufunc::select::where_(m, x, y)?
        };
        Ok(DynArray::from(out))
    }
}

/// The elements of the 1-d `data` whose entry in the 1-d `mask` is `false`
/// (`data[~mask]`).
///
/// # Errors
/// When the result cannot be allocated.
pub(crate) fn unmasked(data: &DynView<'_>, mask: &ArrayView<'_, bool>) -> Result<DynArray> {
    let keep = map(mask, |b| !b);
    if typed(data.dtype()) {
        return Ok(map_unary(data, &Keep { keep: &keep })?);
    }
    Ok(data.mask_select(&keep)?)
}

/// `a[keep]` on a typed view.
struct Keep<'k> {
    keep: &'k Array<bool>,
}

impl UnaryKernel for Keep<'_> {
    fn call<T: Element + Cast>(&self, a: ArrayView<'_, T>) -> nprs_core::Result<DynArray> {
        Ok(DynArray::from(a.mask_select(self.keep)?))
    }
}

/// The number of `true` entries of a mask (of `false` ones when `value` is `false`).
pub(crate) fn count(m: &ArrayView<'_, bool>, value: bool) -> usize {
    let run = |s: &[bool]| s.iter().map(|&b| usize::from(b == value)).sum::<usize>();
    match m.as_slice() {
        Some(s) if s.len() >= PAR_THRESHOLD => s.par_chunks(CHUNK).map(run).sum(),
        Some(s) => run(s),
        None => m.iter().filter(|&b| b == value).count(),
    }
}

/// Whether a mask has an entry equal to `value`.
pub(crate) fn any(m: &ArrayView<'_, bool>, value: bool) -> bool {
    match m.as_slice() {
        Some(s) if s.len() >= PAR_THRESHOLD => s.par_chunks(CHUNK).any(|c| c.contains(&value)),
        Some(s) => s.contains(&value),
        None => m.iter().any(|b| b == value),
    }
}

/// What a fused ufunc pass masks besides the inputs' masks (NumPy's domains of
/// `_MaskedUnaryOperation`).
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) enum Domain {
    /// Nothing more: `_MaskedBinaryOperation` and the undomained unary ufuncs.
    None,
    /// Where `x <= v` (`x < v` unless `inclusive`), and where the result is not finite.
    Below { v: f64, inclusive: bool },
    /// Where `x` is outside `[lo, hi]`, and where the result is not finite.
    Outside { lo: f64, hi: f64 },
}

/// Elements per block of the fused pass: the block's operands stay in L1 between the
/// ufunc's loop and the fix-up.
const BLOCK: usize = 2048;

/// `numpy.ma`'s ufunc in one pass: each block is computed everywhere (as NumPy computes
/// it, with the ufunc's own loop), then masked where an input is masked or the domain
/// says, and the masked positions get the first input's data back (NumPy's
/// `np.copyto(result, d, where=m)`). Returns the data, the mask and the floating-point
/// conditions raised, or `None` when the call is not of the kind this pass takes:
/// operands of one shape, C-contiguous, of one element type that the ufunc's loop reads
/// and writes (float64/float32 for a domain; any real number otherwise), with masks of
/// that shape.
///
/// # Errors
/// When the result cannot be allocated.
pub(crate) fn fused(
    u: &nprs_ufunc::Ufunc,
    datas: &[DynView<'_>],
    masks: &[&Array<bool>],
    domain: Domain,
) -> Result<Option<(DynArray, Array<bool>, FpFlags)>> {
    let Some(first) = datas.first() else { return Ok(None) };
    let shape = first.shape();
    if masks.len() > 2
        || datas.len() > 4
        || !typed(first.dtype())
        || datas.iter().any(|d| d.dtype() != first.dtype() || d.shape() != shape)
        || masks.iter().any(|m| m.shape() != shape || m.as_slice().is_none())
    {
        return Ok(None);
    }
    macro_rules! run {
        ($T:ty) => {{
            let Some(lp) = u.slice_loop::<$T>() else { return Ok(None) };
            let views = datas.iter().map(|d| d.typed::<$T>()).collect::<nprs_core::Result<Vec<_>>>()?;
            let Some(xs) = views.iter().map(|v| v.as_slice()).collect::<Option<Vec<&[$T]>>>() else {
                return Ok(None);
            };
            let ms: Vec<&[bool]> = masks.iter().filter_map(|m| m.as_slice()).collect();
            let (d, m, f) = fused_typed(&lp, &xs, &ms, domain, shape)?;
            Ok(Some((DynArray::from(d), m, f)))
        }};
    }
    match (first.dtype().numeric(), domain) {
        (Some(DType::Float64), _) => run!(f64),
        (Some(DType::Float32), _) => run!(f32),
        (Some(DType::Int64), Domain::None) => run!(i64),
        (Some(DType::Int32), Domain::None) => run!(i32),
        _ => Ok(None),
    }
}

/// [`fused`] on typed slices.
fn fused_typed<T: Element + Cast>(
    lp: &SliceLoop<T>,
    xs: &[&[T]],
    ms: &[&[bool]],
    domain: Domain,
    shape: &[usize],
) -> Result<(Array<T>, Array<bool>, FpFlags)> {
    let flags = AtomicU8::new(0);
    let mut mask = Array::full(shape, false)?;
    let mask_slots = mask.as_slice_mut().expect("a new array is contiguous");
    let (x0, rest) = xs.split_first().expect("a ufunc has an input");
    let data = Array::<T>::uninit(shape)?.par_init_blocks(BLOCK, mask_slots, |start, slots, mo| {
        let end = start + slots.len();
        let x = &x0[start..end];
        let out = slots.write_copy_of_slice(x);
        let mut others: [&[T]; 3] = [&[]; 3];
        for (o, r) in others.iter_mut().zip(rest) {
            *o = &r[start..end];
        }
        let f = lp.run(out, &others[..rest.len()]);
        flags.fetch_or(f.bits(), Ordering::Relaxed);
        let m0 = ms.first().map(|m| &m[start..end]);
        let m1 = ms.get(1).map(|m| &m[start..end]);
        // The inputs' masks, ORed.
        match (m0, m1) {
            (Some(a), Some(b)) => mo.iter_mut().zip(a).zip(b).for_each(|((o, &p), &q)| *o = p | q),
            (Some(a), None) => mo.copy_from_slice(a),
            _ => {}
        }
        match domain {
            Domain::None => fix_up(out, x, mo, |_, _| false),
            Domain::Below { v, inclusive } => {
                let v = T::cast_from(v).to_f64();
                if inclusive {
                    fix_up(out, x, mo, move |x: T, r: T| x.to_f64() <= v || !r.to_f64().is_finite());
                } else {
                    fix_up(out, x, mo, move |x: T, r: T| x.to_f64() < v || !r.to_f64().is_finite());
                }
            }
            Domain::Outside { lo, hi } => {
                let (lo, hi) = (T::cast_from(lo).to_f64(), T::cast_from(hi).to_f64());
                fix_up(out, x, mo, move |x: T, r: T| {
                    let x = x.to_f64();
                    x > hi || x < lo || !r.to_f64().is_finite()
                });
            }
        }
        out
    });
    Ok((data, mask, FpFlags::from_bits(flags.load(Ordering::Relaxed))))
}

/// Masks where `masked(x, result)` too, and puts the input back where masked.
#[inline]
fn fix_up<T: Copy>(out: &mut [T], x: &[T], mo: &mut [bool], masked: impl Fn(T, T) -> bool) {
    for ((r, &x), m) in out.iter_mut().zip(x).zip(mo.iter_mut()) {
        let k = *m | masked(x, *r);
        *m = k;
        *r = if k { x } else { *r };
    }
}

/// Columns per task of the middle-axis passes: the accumulators stay in L1.
const COLUMNS: usize = 512;

/// Runs `f(o, j0, acc)` for column blocks `j0..j0 + acc.len()` of every outer index `o` of
/// an `(outer, inner)` result, over the rayon pool, and returns the result in C order.
fn per_column_block<A: Copy + Default + Send>(
    outer: usize,
    inner: usize,
    f: impl Fn(usize, usize, &mut [A]) + Sync,
) -> Vec<A> {
    let mut out = vec![A::default(); outer * inner];
    if inner == 0 {
        return out;
    }
    let tasks = out
        .chunks_mut(inner)
        .enumerate()
        .flat_map(|(o, row)| row.chunks_mut(COLUMNS).enumerate().map(move |(b, acc)| (o, b * COLUMNS, acc)));
    let tasks: Vec<(usize, usize, &mut [A])> = tasks.collect();
    tasks.into_par_iter().for_each(|(o, j0, acc)| f(o, j0, acc));
    out
}

/// Along the middle axis of a C-contiguous `(outer, n, inner)` float64 array with a mask
/// of that layout (`n >= 1`): the sum of the mask-filled data (masked values as `0.0`)
/// and the number of unmasked values, per `(outer, inner)` position. The sum runs row by
/// row from the first, as `add.reduce` sums along an axis that is not the last one, so
/// the bits are `a.filled(0).sum(axis)`'s.
pub(crate) fn middle_axis_sums(x: &[f64], m: &[bool], outer: usize, n: usize, inner: usize) -> (Vec<f64>, Vec<i64>) {
    let sums = per_column_block(outer, inner, |o, j0, acc: &mut [f64]| {
        let w = acc.len();
        for i in 0..n {
            let at = (o * n + i) * inner + j0;
            let (xr, mr) = (&x[at..at + w], &m[at..at + w]);
            if i == 0 {
                acc.iter_mut().zip(xr).zip(mr).for_each(|((s, &v), &k)| *s = if k { 0.0 } else { v });
            } else {
                acc.iter_mut().zip(xr).zip(mr).for_each(|((s, &v), &k)| *s += if k { 0.0 } else { v });
            }
        }
    });
    let counts = per_column_block(outer, inner, |o, j0, acc: &mut [i64]| {
        let w = acc.len();
        for i in 0..n {
            let at = (o * n + i) * inner + j0;
            acc.iter_mut().zip(&m[at..at + w]).for_each(|(c, &k)| *c += i64::from(!k));
        }
    });
    (sums, counts)
}

/// As [`middle_axis_sums`], the sum of the squared deviations `(x - mean)²` of the
/// unmasked values, per `(outer, inner)` position (`mean` and `skip` in that layout; a
/// skipped position sums zeros, as a masked mean masks its whole slice).
pub(crate) fn middle_axis_sq_dev(
    x: &[f64],
    m: &[bool],
    (outer, n, inner): (usize, usize, usize),
    mean: &[f64],
    skip: Option<&[bool]>,
) -> Vec<f64> {
    per_column_block(outer, inner, |o, j0, acc: &mut [f64]| {
        let w = acc.len();
        let mu = &mean[o * inner + j0..][..w];
        let never = vec![false; w];
        let sk = skip.map_or(&never[..], |s| &s[o * inner + j0..][..w]);
        for i in 0..n {
            let at = (o * n + i) * inner + j0;
            let (xr, mr) = (&x[at..at + w], &m[at..at + w]);
            let sq = |(&v, &k), (&mu, &s): (&f64, &bool)| {
                let d = v - mu;
                if k | s { 0.0 } else { d * d }
            };
            if i == 0 {
                acc.iter_mut().zip(xr.iter().zip(mr)).zip(mu.iter().zip(sk)).for_each(|((a, p), q)| *a = sq(p, q));
            } else {
                acc.iter_mut().zip(xr.iter().zip(mr)).zip(mu.iter().zip(sk)).for_each(|((a, p), q)| *a += sq(p, q));
            }
        }
    })
}
