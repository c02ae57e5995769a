//! The inner loop of `add.reduce` over floats and complex numbers: NumPy's pairwise
//! summation, and how NumPy's iterator hands it runs (whole lanes, buffered chunks, the
//! stretches of a `where=` mask).
//!
//! NumPy adds floats pairwise: runs of up to 128 elements go through eight interleaved
//! accumulators, longer runs are halved (at a multiple of eight) and the halves added.
//! For an array that the iterator can walk as one run (any contiguous layout, or 1-d with
//! any stride) the whole array is one run; otherwise NumPy's buffered iterator hands the
//! loop chunks of whole innermost rows, as many as fit in 8192 elements, and the chunk
//! sums are added in order. nprs follows the same tree, so the bits agree; the two halves
//! of large runs are summed on different threads, which leaves the tree — and the
//! result — unchanged.
//!
//! Integers are summed with wrap-around in 64 bits (`int64` for signed types and bool,
//! `uint64` for unsigned), float16 in float32, as NumPy does.

use nprs_core::dynarray::DynView;
use nprs_core::kernel::Plan;
use nprs_core::{C64, C128, DType, Descr, DynArray, Element, Result, Scalar, f16};

/// Runs longer than this are split into halves.
const BLOCK: usize = 128;
/// Elements per chunk of NumPy's buffered iterator.
const BUFSIZE: usize = 8192;
/// Runs longer than this sum their halves on separate threads.
const PAR_MIN: usize = 1 << 16;

/// Element types that [`sum`](crate::sum) accepts, with NumPy's result type.
pub trait SumElem: Element {
    /// The result type (`int64` for signed integers and bool, `uint64` for unsigned, the
    /// same type for floats).
    type Out: Element;
    /// Sums a run of elements in NumPy's order.
    fn sum_run(run: &[Self]) -> Self::Out;
    /// `a + b` in the result type.
    fn add(a: Self::Out, b: Self::Out) -> Self::Out;
    /// `acc` plus the sum of a run: one call of NumPy's inner loop on one chunk.
    fn accumulate(acc: Self::Out, run: &[Self]) -> Self::Out {
        Self::add(acc, Self::sum_run(run))
    }
}

macro_rules! pairwise {
    ($name:ident, $t:ty) => {
        /// NumPy's pairwise sum of a run.
        fn $name(a: &[$t]) -> $t {
            let n = a.len();
            if n < 8 {
                let mut res: $t = 0.0;
                for &x in a {
                    res += x;
                }
                res
            } else if n <= BLOCK {
                let mut r = [0.0 as $t; 8];
                r.copy_from_slice(&a[..8]);
                let full = n - n % 8;
                let mut i = 8;
                while i < full {
                    for j in 0..8 {
                        r[j] += a[i + j];
                    }
                    i += 8;
                }
                let mut res = ((r[0] + r[1]) + (r[2] + r[3])) + ((r[4] + r[5]) + (r[6] + r[7]));
                for &x in &a[full..] {
                    res += x;
                }
                res
            } else {
                let mut n2 = n / 2;
                n2 -= n2 % 8;
                let (lo, hi) = a.split_at(n2);
                if n >= PAR_MIN {
                    let (x, y) = rayon::join(|| $name(lo), || $name(hi));
                    x + y
                } else {
                    $name(lo) + $name(hi)
                }
            }
        }
    };
}

pairwise!(pairwise_f64, f64);
pairwise!(pairwise_f32, f32);

impl SumElem for f64 {
    type Out = f64;
    fn sum_run(run: &[f64]) -> f64 {
        pairwise_f64(run)
    }
    fn add(a: f64, b: f64) -> f64 {
        a + b
    }
}

impl SumElem for f32 {
    type Out = f32;
    fn sum_run(run: &[f32]) -> f32 {
        pairwise_f32(run)
    }
    fn add(a: f32, b: f32) -> f32 {
        a + b
    }
}

impl SumElem for f16 {
    type Out = f16;
    fn sum_run(run: &[f16]) -> f16 {
        let wide: Vec<f32> = run.iter().map(|x| x.to_f32()).collect();
        f16::from_f32(pairwise_f32(&wide))
    }
    fn add(a: f16, b: f16) -> f16 {
        f16::from_f32(a.to_f32() + b.to_f32())
    }
    /// NumPy's float16 loop widens the running sum, adds the run's float32 pairwise sum
    /// and rounds once (rounding the run's sum first would round twice).
    fn accumulate(acc: f16, run: &[f16]) -> f16 {
        let wide: Vec<f32> = run.iter().map(|x| x.to_f32()).collect();
        f16::from_f32(acc.to_f32() + pairwise_f32(&wide))
    }
}

macro_rules! int_sum {
    ($($t:ty => $out:ty),*) => {$(
        impl SumElem for $t {
            type Out = $out;
            fn sum_run(run: &[$t]) -> $out {
                run.iter().fold(0 as $out, |acc, &x| acc.wrapping_add(x as $out))
            }
            fn add(a: $out, b: $out) -> $out {
                a.wrapping_add(b)
            }
        }
    )*};
}
int_sum!(i8 => i64, i16 => i64, i32 => i64, i64 => i64, u8 => u64, u16 => u64, u32 => u64, u64 => u64);

impl SumElem for bool {
    type Out = i64;
    fn sum_run(run: &[bool]) -> i64 {
        run.iter().map(|&b| i64::from(b)).sum()
    }
    fn add(a: i64, b: i64) -> i64 {
        a.wrapping_add(b)
    }
}

macro_rules! pairwise_complex {
    ($name:ident, $c:ty, $f:ty) => {
        /// NumPy's pairwise sum of a run of complex numbers: the run is seen as `2n`
        /// floats, eight accumulators (four per component) for up to 128 floats, halves
        /// split at a multiple of eight floats.
        fn $name(a: &[$c]) -> $c {
            let n = 2 * a.len();
            if n < 8 {
                let (mut rr, mut ri): ($f, $f) = (-0.0, -0.0);
                for x in a {
                    rr += x.re;
                    ri += x.im;
                }
                <$c>::new(rr, ri)
            } else if n <= BLOCK {
                let mut r = [0.0 as $f; 8];
                for j in 0..4 {
                    r[2 * j] = a[j].re;
                    r[2 * j + 1] = a[j].im;
                }
                let full = a.len() - a.len() % 4;
                let mut i = 4;
                while i < full {
                    for j in 0..4 {
                        r[2 * j] += a[i + j].re;
                        r[2 * j + 1] += a[i + j].im;
                    }
                    i += 4;
                }
                let mut rr = (r[0] + r[2]) + (r[4] + r[6]);
                let mut ri = (r[1] + r[3]) + (r[5] + r[7]);
                for x in &a[full..] {
                    rr += x.re;
                    ri += x.im;
                }
                <$c>::new(rr, ri)
            } else {
                // Half the floats, rounded down to a multiple of eight floats.
                let mut n2 = n / 2;
                n2 -= n2 % 8;
                let (lo, hi) = a.split_at(n2 / 2);
                let (x, y) =
                    if n >= PAR_MIN { rayon::join(|| $name(lo), || $name(hi)) } else { ($name(lo), $name(hi)) };
                <$c>::new(x.re + y.re, x.im + y.im)
            }
        }

        impl SumElem for $c {
            type Out = $c;
            fn sum_run(run: &[$c]) -> $c {
                $name(run)
            }
            fn add(a: $c, b: $c) -> $c {
                <$c>::new(a.re + b.re, a.im + b.im)
            }
        }
    };
}

pairwise_complex!(pairwise_c64, C64, f32);
pairwise_complex!(pairwise_c128, C128, f64);

/// How the elements of one reduction reach the pairwise loop.
#[derive(Clone, Copy)]
enum Feed {
    /// The whole run in one call (no conversion needed).
    Whole,
    /// Calls of at most this many elements (the buffered iterator's chunks).
    Chunks(usize),
}

/// `start` plus the elements in NumPy's calls: whole, in chunks, or (with a mask) one
/// call per stretch of `true`, stretches ending at the end of each run of `row` elements
/// (`row` 0: one run).
fn feed<T: SumElem<Out = T>>(start: T, vals: &[T], how: Feed, mask: Option<&[bool]>, row: usize) -> T {
    if let Some(m) = mask {
        let mut acc = start;
        let mut j = 0;
        while j < vals.len() {
            if m[j] {
                let end = j.checked_div(row).map_or(vals.len(), |r| ((r + 1) * row).min(vals.len()));
                let k = j + m[j..end].iter().take_while(|&&b| b).count();
                acc = T::accumulate(acc, &vals[j..k]);
                j = k;
            } else {
                j += 1;
            }
        }
        return acc;
    }
    match how {
        Feed::Whole => T::accumulate(start, vals),
        Feed::Chunks(c) => vals.chunks(c.max(1)).fold(start, T::accumulate),
    }
}

/// Calls `f` with the elements of a view in C order as `T`: the view's own memory when it
/// is a contiguous run of native `T`, else a gathered (and, when `cast`, converted) copy.
/// The second argument tells whether a conversion was needed (NumPy then buffers).
fn with_values<T: Element, R>(v: &DynView<'_>, cast: bool, f: impl FnOnce(&[T], bool) -> R) -> Result<R> {
    if !cast && let Ok(t) = v.typed::<T>() {
        return Ok(match t.as_slice() {
            Some(s) => f(s, false),
            None => f(&t.to_vec(), false),
        });
    }
    let conv = v.astype(&Descr::from(T::DTYPE))?.into_typed::<T>()?;
    Ok(f(&conv.to_vec(), true))
}

/// The element type of a float or complex dtype, once per call.
macro_rules! with_float {
    ($t:expr, $T:ident => $body:expr) => {
        match $t {
            DType::Float16 => {
                type $T = f16;
                Some($body)
            }
            DType::Float32 => {
                type $T = f32;
                Some($body)
            }
            DType::Float64 => {
                type $T = f64;
                Some($body)
            }
            DType::Complex64 => {
                type $T = C64;
                Some($body)
            }
            DType::Complex128 => {
                type $T = C128;
                Some($body)
            }
            _ => None,
        }
    };
}

/// `start` as a `T` (the identity 0 when `None`).
fn start_value<T: Element>(start: Option<&Scalar>) -> Result<T> {
    match start {
        Some(v) => Ok(DynArray::full(&[], &Descr::from(T::DTYPE), v.clone())?.into_typed::<T>()?.to_vec()[0]),
        None => Ok(T::zero()),
    }
}

/// `add.reduce` along axis 0 of `moved` (the reduced axis moved first) when that axis is
/// the one NumPy's iterator walks innermost, in dtype `t`: each lane is one call of the
/// pairwise loop, or calls of at most 8,192 elements when the lane must be converted to
/// `t` (NumPy's buffer), or one call per stretch of `true` in `mask` (`moved`'s shape).
/// `None` when `t` is not a float or complex dtype (those sums do not depend on order).
pub(crate) fn add_lanes(
    moved: &DynView<'_>,
    t: DType,
    start: Option<&Scalar>,
    mask: Option<&DynView<'_>>,
) -> Result<Option<DynArray>> {
    fn lanes<T: SumElem<Out = T>>(
        moved: &DynView<'_>,
        start: Option<&Scalar>,
        mask: Option<&DynView<'_>>,
    ) -> Result<DynArray> {
        let rest: Vec<usize> = moved.shape()[1..].to_vec();
        let s0 = start_value::<T>(start)?;
        let cast = moved.dtype().numeric() != Some(T::DTYPE) || !moved.dtype().is_native();
        let count: usize = rest.iter().product();
        if mask.is_none() && !cast && moved.is_aligned() && moved.shape()[0] > 0 {
            // Each lane is one call of the pairwise loop, as below; lanes that lie
            // contiguously are summed in place, on several threads when there is enough work.
            let zero = Scalar::Int(0);
            let from = start.unwrap_or(&zero);
            return super::lanes::per_lane::<T, T>(moved, Some(from), |x| x, |s, v| T::accumulate(s, v));
        }
        let mut sums = Vec::with_capacity(count);
        if moved.shape()[0] == 0 || count == 0 {
            sums.resize(count, s0);
        } else {
            let masks: Option<Vec<Vec<bool>>> = match mask {
                Some(m) => Some(m.lanes(0)?.map(|l| l.typed::<bool>().map(|v| v.to_vec())).collect::<Result<_>>()?),
                None => None,
            };
            for (k, lane) in moved.lanes(0)?.enumerate() {
                let m = masks.as_ref().map(|ms| ms[k].as_slice());
                sums.push(with_values::<T, T>(&lane, cast, |v, conv| {
                    let how = if conv { Feed::Chunks(BUFSIZE) } else { Feed::Whole };
                    feed(s0, v, how, m, if conv { BUFSIZE } else { 0 })
                })?);
            }
        }
        Ok(DynArray::from(nprs_core::Array::from_shape_vec(&rest, sums)?))
    }
    with_float!(t, T => lanes::<T>(moved, start, mask)).transpose()
}

/// The axes of `v` in the order NumPy's iterator visits them for a reduction over all
/// of them: by decreasing absolute stride (strides keep their sign: reductions do not
/// reverse axes), so that the C order of the permuted view is the visiting order.
fn visit_order(v: &DynView<'_>) -> Vec<isize> {
    let mut axes: Vec<usize> = (0..v.ndim()).collect();
    let st = v.strides();
    axes.sort_by(|&i, &j| st[j].unsigned_abs().cmp(&st[i].unsigned_abs()));
    axes.into_iter().map(|d| d as isize).collect()
}

/// `add.reduce` over every axis of `a` in dtype `t` (a 0-d result), as NumPy's buffered
/// iterator feeds the pairwise loop: a layout it walks as one run (contiguous, or 1-d
/// with any stride) is one call, or calls of 8,192 elements when it must be converted;
/// any other layout goes in chunks of as many whole innermost runs as fit in 8,192
/// elements (at least one). With a mask (broadcast to `a`), one call per stretch of
/// `true` in visiting order. `None` when `t` is not a float or complex dtype.
pub(crate) fn add_all(
    a: &DynView<'_>,
    t: DType,
    start: Option<&Scalar>,
    mask: Option<&DynView<'_>>,
) -> Result<Option<DynArray>> {
    fn all<T: SumElem<Out = T>>(
        a: &DynView<'_>,
        start: Option<&Scalar>,
        mask: Option<&DynView<'_>>,
    ) -> Result<DynArray> {
        let s0 = start_value::<T>(start)?;
        let order = visit_order(a);
        let kv = a.permute_dims(&order)?;
        let cast = a.dtype().numeric() != Some(T::DTYPE) || !a.dtype().is_native();
        // How the iterator walks the operands (with a mask, both): one run, or rows.
        let (m, plan) = match mask {
            Some(m) => {
                let mb = m.broadcast_to(a.shape())?;
                let mk = mb.permute_dims(&order)?;
                let joint = Plan::<2>::new(kv.shape(), [kv.strides(), mk.strides()]);
                (Some(mk.typed::<bool>()?.to_vec()), (joint.ndim(), joint.inner_len()))
            }
            None => {
                let p = Plan::<1>::new(kv.shape(), [kv.strides()]);
                (None, (p.ndim(), p.inner_len()))
            }
        };
        let sum = with_values::<T, T>(&kv, cast, |v, conv| {
            let (nd, row) = plan;
            // NumPy's buffers hold as many whole rows as fit in 8,192 elements.
            let chunk = (BUFSIZE / row.max(1)).max(1) * row;
            let (how, split) = match (nd <= 1, conv) {
                (true, false) => (Feed::Whole, 0),
                (true, true) => (Feed::Chunks(BUFSIZE), BUFSIZE),
                (false, _) => (Feed::Chunks(chunk), chunk),
            };
            feed(s0, v, how, m.as_deref(), split)
        })?;
        Ok(DynArray::from(nprs_core::Array::from_elem_0d(sum)))
    }
    with_float!(t, T => all::<T>(a, start, mask)).transpose()
}

/// The outer stage of a float16 `add.reduce` over several axes whose innermost reduced
/// axis does not merge with the others: NumPy's float16 loop adds each innermost lane's
/// float32 pairwise sum to the float16 running result and rounds once per lane, so the
/// lane sums stay in float32 (`lanes`: float16, its lanes along the last axis) and the
/// running result is rounded after each addition, over axis 0 of the lane sums in order.
/// `outer` is the permutation putting the outer reduced axes first (in NumPy's order) and
/// `n` their number of positions.
pub(crate) fn add_f16_outer(
    a: &DynView<'_>,
    inner: usize,
    outer: &[isize],
    start: Option<&Scalar>,
) -> Result<DynArray> {
    let s0 = start_value::<f16>(start)?;
    let moved = a.moveaxis(&[inner as isize], &[-1])?;
    let mut sums: Vec<f32> = Vec::new();
    for lane in moved.lanes(-1)? {
        sums.push(with_values::<f16, f32>(&lane, false, |v, _| {
            let wide: Vec<f32> = v.iter().map(|x| x.to_f32()).collect();
            pairwise_f32(&wide)
        })?);
    }
    let mut shape = moved.shape().to_vec();
    shape.pop();
    let lanes = DynArray::from(nprs_core::Array::from_shape_vec(&shape, sums)?);
    let dst: Vec<isize> = (0..outer.len() as isize).collect();
    let front = lanes.moveaxis(outer, &dst)?;
    let n: usize = front.shape()[..outer.len()].iter().product();
    let rest: Vec<usize> = front.shape()[outer.len()..].to_vec();
    let mut merged = vec![n];
    merged.extend_from_slice(&rest);
    let l = front.reshape(merged.as_slice())?.typed::<f32>()?.to_owned_order(nprs_core::Order::C).into_raw_vec();
    let m: usize = rest.iter().product();
    let mut out = vec![s0; m];
    for (k, o) in out.iter_mut().enumerate() {
        for i in 0..n {
            *o = f16::from_f32(o.to_f32() + l[i * m + k]);
        }
    }
    Ok(DynArray::from(nprs_core::Array::from_shape_vec(&rest, out)?))
}

/// `multiply.reduce` of float16 along the axis NumPy walks innermost (axis 0 of `moved`):
/// NumPy's float16 loop keeps the running product of one call in float32 and rounds it
/// to float16 once, so a lane's product is taken in float32 and rounded at its end.
pub(crate) fn mul_f16_lanes(moved: &DynView<'_>, start: Option<&Scalar>) -> Result<DynArray> {
    let s0 = match start {
        Some(_) => start_value::<f16>(start)?.to_f32(),
        None => 1.0,
    };
    let rest: Vec<usize> = moved.shape()[1..].to_vec();
    let count: usize = rest.iter().product();
    let mut out = Vec::with_capacity(count);
    if moved.shape()[0] == 0 || count == 0 {
        out.resize(count, f16::from_f32(s0));
    } else {
        for lane in moved.lanes(0)? {
            out.push(with_values::<f16, f16>(&lane, false, |v, _| {
                f16::from_f32(v.iter().fold(s0, |acc, x| acc * x.to_f32()))
            })?);
        }
    }
    Ok(DynArray::from(nprs_core::Array::from_shape_vec(&rest, out)?))
}
