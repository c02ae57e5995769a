//! Whole-lane kernels for `reduce` along the axis NumPy's iterator walks innermost.
//!
//! NumPy hands its inner loop a whole lane at a time (`out` with stride 0, the lane
//! contiguous or strided), and the loops for `add` and `multiply` of integers, `maximum`,
//! `minimum`, `fmax`, `fmin`, the bitwise and the logical functions reduce that lane in
//! one call. nprs does the same here, one call per lane, instead of one call of the binary
//! loop per element.
//!
//! Where the order of operations can change the result, the order is NumPy's:
//! - integer and boolean reductions do not depend on order (wrap-around arithmetic is
//!   associative), so they run with as many accumulators as vectorise well;
//! - `multiply` of floats runs in sequence, as NumPy's loop does;
//! - `maximum`/`minimum` (`fmax`/`fmin`) of `float32`/`float64` over a contiguous lane
//!   follow NumPy's vector loop on this CPU's widest vectors (64 bytes): one accumulator
//!   per vector lane, started from the first element, the whole vectors folded in, the
//!   lanes combined by the horizontal reduction (which returns the canonical NaN when a
//!   lane holds one; for `fmax`/`fmin` NaN lanes are set aside), then the remaining
//!   elements one by one with the scalar function. Only ties between `0.0` and `-0.0`
//!   and the sign of a NaN can tell orders apart, and these follow NumPy too.
//!
//! The per-lane combination keeps operands in their order (`a` before `b`), and it is
//! associative, so the folded vectors can be split into consecutive pieces, folded on
//! separate threads and combined in order without changing a bit.

use nprs_core::dynarray::DynView;
use nprs_core::fpstatus;
use nprs_core::kernel::has_avx2;
use nprs_core::{Array, DType, Descr, DynArray, Element, Result, Scalar, f16};

use crate::elem::ElemExtrema;
use crate::ufunc::Ufunc;

/// Vectors (of 64 bytes) at or above which the fold of a lane is split across threads.
const PAR_VECTORS: usize = 1 << 14;

/// A binary ufunc whose reduction has a whole-lane kernel.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) enum LaneOp {
    Add,
    Mul,
    Max,
    Min,
    FMax,
    FMin,
    And,
    Or,
    Xor,
    LogicalAnd,
    LogicalOr,
}

impl LaneOp {
    /// The kernel of the table's ufunc `u`, if it has one. Ufuncs are told apart by
    /// identity, not name: the datetime count loops share the names `maximum`, `add`, …
    /// but propagate NaT, which these kernels do not.
    fn of(u: &Ufunc) -> Option<Self> {
        use crate::ufuncs as t;
        let table: [(&Ufunc, Self); 11] = [
            (&t::ADD, Self::Add),
            (&t::MULTIPLY, Self::Mul),
            (&t::MAXIMUM, Self::Max),
            (&t::MINIMUM, Self::Min),
            (&t::FMAX, Self::FMax),
            (&t::FMIN, Self::FMin),
            (&t::BITWISE_AND, Self::And),
            (&t::BITWISE_OR, Self::Or),
            (&t::BITWISE_XOR, Self::Xor),
            (&t::LOGICAL_AND, Self::LogicalAnd),
            (&t::LOGICAL_OR, Self::LogicalOr),
        ];
        table.into_iter().find(|(v, _)| std::ptr::eq(*v, u)).map(|(_, op)| op)
    }
}

/// Folds the whole vectors of `data` (`W` elements each, converted by `conv`) lane by
/// lane with `op`, each lane starting from its first element; `None` when `data` holds
/// no whole vector. Long inputs are split into consecutive pieces folded on separate
/// threads and combined in order.
fn fold_lanes<I, T, const W: usize>(
    data: &[I],
    conv: impl Fn(I) -> T + Copy + Send + Sync,
    op: impl Fn(T, T) -> T + Copy + Send + Sync,
) -> Option<[T; W]>
where
    I: Copy + Send + Sync,
    T: Copy + Send,
{
    let whole = data.len() / W * W;
    if whole == 0 {
        return None;
    }
    let avx2 = has_avx2();
    Some(fold_split::<I, T, W>(&data[..whole], avx2, conv, op))
}

fn fold_split<I, T, const W: usize>(
    data: &[I],
    avx2: bool,
    conv: impl Fn(I) -> T + Copy + Send + Sync,
    op: impl Fn(T, T) -> T + Copy + Send + Sync,
) -> [T; W]
where
    I: Copy + Send + Sync,
    T: Copy + Send,
{
    let vectors = data.len() / W;
    if vectors >= 2 * PAR_VECTORS {
        let (lo, hi) = data.split_at(vectors / 2 * W);
        let (a, b) =
            rayon::join(|| fold_split::<I, T, W>(lo, avx2, conv, op), || fold_split::<I, T, W>(hi, avx2, conv, op));
        return std::array::from_fn(|j| op(a[j], b[j]));
    }
    #[cfg(target_arch = "x86_64")]
    #[allow(unsafe_code)]
    if avx2 {
        // SAFETY: `has_avx2` reported AVX2 and FMA on this CPU.
        return unsafe { fold_seq_avx2::<I, T, W>(data, conv, op) };
    }
    let _ = avx2;
    fold_seq::<I, T, W>(data, conv, op)
}

/// The sequential fold of [`fold_lanes`]: `data` holds at least one whole vector and a
/// multiple of `W` elements.
#[inline(always)]
fn fold_seq<I: Copy, T: Copy, const W: usize>(data: &[I], conv: impl Fn(I) -> T, op: impl Fn(T, T) -> T) -> [T; W] {
    // Fixed-size chunks, so that the lane loop has no bounds checks and vectorises.
    let (vecs, _) = data.as_chunks::<W>();
    // Narrow accumulators (at most 64 bytes) leave the loop waiting on each step's
    // latency: the vectors are then taken four at a time, the four folded as a tree
    // (`(v0 op v1) op (v2 op v3)`, off the accumulator's chain) and the result folded
    // into the accumulator. `op` is associative (integer arithmetic and bit operations,
    // and the extrema, which between equal operands keep the later one and let a NaN
    // through), so this is the in-order fold, and it reads memory as one stream.
    if W * size_of::<T>() <= 64 && vecs.len() >= 8 {
        let (groups, rest) = vecs.as_chunks::<4>();
        let tree = |g: &[[I; W]; 4]| -> [T; W] {
            std::array::from_fn(|j| op(op(conv(g[0][j]), conv(g[1][j])), op(conv(g[2][j]), conv(g[3][j]))))
        };
        let mut acc = tree(&groups[0]);
        // The hardware prefetchers alone leave a streaming fold at about three quarters
        // of the memory bandwidth, and rows of 10,000 end before they are up to speed:
        // each group prefetches its lines 8 KiB ahead (measured best of 1-32 KiB on a
        // (1000, 10000) `float64` array).
        let line = 64 / size_of::<I>();
        let ahead = 8192 / size_of::<I>();
        for (i, g) in groups.iter().enumerate().skip(1) {
            let at = data.as_ptr().wrapping_add(i * 4 * W + ahead);
            for l in (0..4 * W).step_by(line.max(1)) {
                nprs_core::kernel::prefetch(at.wrapping_add(l));
            }
            let t = tree(g);
            for j in 0..W {
                acc[j] = op(acc[j], t[j]);
            }
        }
        for v in rest {
            for j in 0..W {
                acc[j] = op(acc[j], conv(v[j]));
            }
        }
        return acc;
    }
    let Some((first, rest)) = vecs.split_first() else { return std::array::from_fn(|_| conv(data[0])) };
    let mut acc: [T; W] = std::array::from_fn(|j| conv(first[j]));
    for v in rest {
        for j in 0..W {
            acc[j] = op(acc[j], conv(v[j]));
        }
    }
    acc
}

/// [`fold_seq`] compiled for AVX2, so that the lane loop uses its vectors.
///
/// # Safety
/// The CPU must have AVX2 and FMA.
#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx2,fma")]
#[allow(unsafe_code)]
unsafe fn fold_seq_avx2<I: Copy, T: Copy, const W: usize>(
    data: &[I],
    conv: impl Fn(I) -> T,
    op: impl Fn(T, T) -> T,
) -> [T; W] {
    fold_seq::<I, T, W>(data, conv, op)
}

/// An order-free reduction (integers, booleans): `start` combined with every element.
#[inline(always)]
pub(crate) fn free<I, T>(
    start: T,
    data: &[I],
    conv: impl Fn(I) -> T + Copy + Send + Sync,
    op: impl Fn(T, T) -> T + Copy + Send + Sync,
) -> T
where
    I: Copy + Send + Sync,
    T: Copy + Send,
{
    let (mut r, tail) = match fold_lanes::<I, T, 32>(data, conv, op) {
        Some(acc) => (acc.into_iter().fold(start, op), &data[data.len() / 32 * 32..]),
        None => (start, data),
    };
    for &x in tail {
        r = op(r, conv(x));
    }
    r
}

/// Floats as NumPy's extremum loops see them.
pub(crate) trait ExtremumFloat: Copy + Send + Sync + PartialOrd + Element {
    /// Lanes of a 64-byte vector.
    const W: usize;
    /// The canonical quiet NaN the horizontal reduction returns.
    const NAN: Self;
    const INF: Self;
    const NEG_INF: Self;
    fn nan(self) -> bool;
    /// NumPy's scalar `fmax`/`fmin` when both operands are NaN: `float64` keeps the
    /// first, `float32` the second.
    const BOTH_NAN_SECOND: bool;
}

impl ExtremumFloat for f64 {
    const W: usize = 8;
    const NAN: Self = f64::NAN;
    const INF: Self = f64::INFINITY;
    const NEG_INF: Self = f64::NEG_INFINITY;
    fn nan(self) -> bool {
        self.is_nan()
    }
    const BOTH_NAN_SECOND: bool = false;
}

impl ExtremumFloat for f32 {
    const W: usize = 16;
    const NAN: Self = f32::NAN;
    const INF: Self = f32::INFINITY;
    const NEG_INF: Self = f32::NEG_INFINITY;
    fn nan(self) -> bool {
        self.is_nan()
    }
    const BOTH_NAN_SECOND: bool = true;
}

/// The scalar `fmax`/`fmin` of the loop's tail: NaN ignored, between equal operands the
/// first.
#[inline(always)]
fn scalar_fext<F: ExtremumFloat>(max: bool, a: F, b: F) -> F {
    match (a.nan(), b.nan()) {
        (true, true) => {
            if F::BOTH_NAN_SECOND {
                b
            } else {
                a
            }
        }
        (false, true) => a,
        (true, false) => b,
        _ => {
            let second = if max { b > a } else { b < a };
            if second { b } else { a }
        }
    }
}

/// The horizontal reduction of the accumulator vector: halves of 16 bytes and more are
/// combined upper half first, the lanes within 16 bytes lower lane first.
fn horizontal<F: ExtremumFloat>(lanes: &mut Vec<F>, op: impl Fn(F, F) -> F) -> F {
    while lanes.len() > 1 {
        let h = lanes.len() / 2;
        let wide = h * size_of::<F>() >= 16;
        let next: Vec<F> =
            (0..h).map(|j| if wide { op(lanes[h + j], lanes[j]) } else { op(lanes[j], lanes[h + j]) }).collect();
        *lanes = next;
    }
    lanes[0]
}

/// `maximum`/`minimum` (`fmax`/`fmin` when `ignore_nan`) of `start` and a contiguous
/// lane, in the order of NumPy's vector loop: `lane` is the vector operation per lane
/// (the elementwise loop's [`ElemExtrema`] function, whose choice between equal operands
/// is the vector instruction's), `max` tells which way `fmax`/`fmin` set NaN lanes aside.
fn extremum<F>(start: F, data: &[F], lane: impl Fn(F, F) -> F + Copy + Send + Sync, max: bool, ignore_nan: bool) -> F
where
    F: ExtremumFloat + ElemExtrema,
{
    let whole = data.len() / F::W * F::W;
    let folded: Option<Vec<F>> = if F::W == 8 {
        fold_lanes::<F, F, 8>(data, |x| x, lane).map(|l| l.to_vec())
    } else {
        fold_lanes::<F, F, 16>(data, |x| x, lane).map(|l| l.to_vec())
    };
    let mut lanes: Vec<F> = match folded {
        Some(l) => l.into_iter().map(|x| lane(start, x)).collect(),
        None => vec![start; F::W],
    };
    let mut r = if ignore_nan {
        if lanes.iter().all(|x| x.nan()) {
            lanes[0]
        } else {
            let fill = if max { F::NEG_INF } else { F::INF };
            for x in &mut lanes {
                if x.nan() {
                    *x = fill;
                }
            }
            horizontal(&mut lanes, lane)
        }
    } else if lanes.iter().any(|x| x.nan()) {
        F::NAN
    } else {
        horizontal(&mut lanes, lane)
    };
    for &x in &data[whole..] {
        r = if ignore_nan { scalar_fext(max, r, x) } else { lane(r, x) };
    }
    r
}

/// NumPy's `a.min()` and `a.max()` of a non-empty contiguous float lane (NaN when it holds
/// one), through the reduction's own lane kernel, so that the zero picked between `-0.0`
/// and `0.0` is the one `minimum.reduce`/`maximum.reduce` give.
pub(crate) fn float_min_max<F: ExtremumFloat + ElemExtrema>(a: &[F]) -> (F, F) {
    let (&first, rest) = a.split_first().expect("a non-empty lane");
    (extremum(first, rest, F::minimum, false, false), extremum(first, rest, F::maximum, true, false))
}

/// A lane of `I` as a slice: its own memory when contiguous, else a gathered copy.
fn with_lane<I: Element, R>(lane: &nprs_core::ArrayView<'_, I>, f: impl FnOnce(&[I]) -> R) -> R {
    match lane.as_slice() {
        Some(s) => f(s),
        None => f(&lane.to_vec()),
    }
}

/// `start` in the element type `T`.
fn scalar_as<T: Element>(v: &Scalar) -> Result<T> {
    Ok(DynArray::full(&[], &Descr::from(T::DTYPE), v.clone())?.into_typed::<T>()?.to_vec()[0])
}

/// Elements (reduced positions × output positions) at or above which the lanes or rows of
/// a reduction are shared out among threads.
const PAR_ELEMS: usize = 1 << 17;

/// A view whose elements fill one block of memory (any order of axes, any stride signs),
/// as a slice and element strides: the reductions below read rows and lanes of it as
/// sub-slices, whatever the axis order.
pub(crate) struct Dense<'a, I> {
    mem: &'a [I],
    shape: Vec<usize>,
    /// Element strides.
    strides: Vec<isize>,
    /// The offset in `mem` of the element at index `[0, 0, …]`.
    origin: isize,
}

impl<'a, I: Element> Dense<'a, I> {
    /// `None` when `v`'s elements do not fill one block of memory, or `v` is empty.
    pub(crate) fn of(v: &'a nprs_core::ArrayView<'a, I>) -> Option<Self> {
        if v.size() == 0 {
            return None;
        }
        let mem = v.as_slice_memory_order()?;
        let isz = size_of::<I>() as isize;
        let strides: Vec<isize> = v.strides().iter().map(|&s| s / isz).collect();
        let origin = v.shape().iter().zip(&strides).map(|(&d, &s)| ((d as isize - 1) * s).min(0)).sum::<isize>();
        Some(Dense { mem, shape: v.shape().to_vec(), strides, origin: -origin })
    }

    /// The offset in `mem` of position `o` (in C order) of axes `from..` at index 0 of the
    /// axes before.
    fn offset(&self, from: usize, o: usize) -> usize {
        let mut rem = o;
        let mut off = self.origin;
        for d in (from..self.shape.len()).rev() {
            let len = self.shape[d];
            off += (rem % len) as isize * self.strides[d];
            rem /= len;
        }
        off as usize
    }
}

/// Reduces every lane along axis 0 of `moved` (of element type `I`) into a `T`: `lane`
/// gets the start value (`None`: the lane's first element) and the lane. Lanes that lie
/// contiguously in memory are read in place and, when there is enough work, reduced on
/// several threads (each lane by one call, so the result does not depend on the split).
pub(crate) fn per_lane<I: Element + Sync, T: Element + Send + Sync>(
    moved: &DynView<'_>,
    start: Option<&Scalar>,
    conv: impl Fn(I) -> T + Sync,
    lane: impl Fn(T, &[I]) -> T + Sync,
) -> Result<DynArray> {
    Ok(per_lane_flags(moved, start, conv, lane)?.0)
}

/// [`per_lane`], with the hardware floating-point conditions raised on the other threads
/// (the calling thread's are in its own status).
fn per_lane_flags<I: Element + Sync, T: Element + Send + Sync>(
    moved: &DynView<'_>,
    start: Option<&Scalar>,
    conv: impl Fn(I) -> T + Sync,
    lane: impl Fn(T, &[I]) -> T + Sync,
) -> Result<(DynArray, fpstatus::FpFlags)> {
    use rayon::prelude::*;
    let rest: Vec<usize> = moved.shape()[1..].to_vec();
    let s0: Option<T> = start.map(scalar_as::<T>).transpose()?;
    let view = moved.typed::<I>()?;
    let count: usize = rest.iter().product();
    let one = |s: &[I]| match (s0, s.split_first()) {
        (Some(v), _) => lane(v, s),
        (None, Some((&first, rest))) => lane(conv(first), rest),
        // An empty lane without a start value is refused before this point.
        (None, None) => unreachable!("empty lane without a start value"),
    };
    let n = view.shape().first().copied().unwrap_or(1);
    let mut flags = fpstatus::FpFlags::NONE;
    let out: Vec<T> = match Dense::of(&view) {
        Some(d) if count > 0 && d.strides.first() == Some(&1) => {
            let at = |o: usize| {
                let off = d.offset(1, o);
                one(&d.mem[off..off + n])
            };
            if count > 1 && count * n >= PAR_ELEMS {
                let mut out = vec![T::zero(); count];
                let per = (PAR_ELEMS / 4 / n.max(1)).max(1);
                flags = out
                    .par_chunks_mut(per)
                    .enumerate()
                    .map(|(c, o)| {
                        fpstatus::watch_hw(|| {
                            for (j, x) in o.iter_mut().enumerate() {
                                *x = at(c * per + j);
                            }
                        })
                        .1
                    })
                    .reduce(|| fpstatus::FpFlags::NONE, |a, b| a | b);
                out
            } else {
                (0..count).map(at).collect()
            }
        }
        _ if count > 0 => view.lanes(0)?.map(|l| with_lane(&l, one)).collect(),
        _ => Vec::new(),
    };
    Ok((DynArray::from(Array::from_shape_vec(&rest, out)?), flags))
}

/// `reduce` of the ufunc `u` along axis 0 of `moved` (the reduced axis, which NumPy's
/// iterator walks innermost) in dtype `t`, from `start` (`None`: each lane's first
/// element), one kernel call per lane. `None` when the ufunc, the dtypes or the layout
/// have no lane kernel (the caller's general path runs).
pub(crate) fn reduce_lanes(
    u: &Ufunc,
    t: DType,
    moved: &DynView<'_>,
    start: Option<&Scalar>,
) -> Result<Option<DynArray>> {
    let Some(op) = LaneOp::of(u) else { return Ok(None) };
    let Some(input) = moved.dtype().numeric() else { return Ok(None) };
    if !moved.dtype().is_native() || !moved.is_aligned() {
        return Ok(None);
    }
    if start.is_none() && moved.shape().first().copied().unwrap_or(0) == 0 {
        return Ok(None);
    }
    use LaneOp as O;
    macro_rules! ints {
        ($I:ty, $T:ty) => {{
            let conv = |x: $I| x as $T;
            Some(match op {
                O::Add => per_lane::<$I, $T>(moved, start, conv, |s, d| free(s, d, conv, <$T>::wrapping_add))?,
                O::Mul => per_lane::<$I, $T>(moved, start, conv, |s, d| free(s, d, conv, <$T>::wrapping_mul))?,
                _ => return Ok(None),
            })
        }};
    }
    macro_rules! same_int {
        ($I:ty) => {{
            let id = |x: $I| x;
            Some(match op {
                O::Add => per_lane::<$I, $I>(moved, start, id, |s, d| free(s, d, id, <$I>::wrapping_add))?,
                O::Mul => per_lane::<$I, $I>(moved, start, id, |s, d| free(s, d, id, <$I>::wrapping_mul))?,
                O::Max | O::FMax => per_lane::<$I, $I>(moved, start, id, |s, d| free(s, d, id, ElemExtrema::maximum))?,
                O::Min | O::FMin => per_lane::<$I, $I>(moved, start, id, |s, d| free(s, d, id, ElemExtrema::minimum))?,
                O::And => per_lane::<$I, $I>(moved, start, id, |s, d| free(s, d, id, |a, b| a & b))?,
                O::Or => per_lane::<$I, $I>(moved, start, id, |s, d| free(s, d, id, |a, b| a | b))?,
                O::Xor => per_lane::<$I, $I>(moved, start, id, |s, d| free(s, d, id, |a, b| a ^ b))?,
                O::LogicalAnd | O::LogicalOr => return Ok(None),
            })
        }};
    }
    macro_rules! floats {
        ($F:ty) => {{
            let id = |x: $F| x;
            Some(match op {
                // NumPy multiplies in sequence, and reports overflow as the ufunc does.
                O::Mul => {
                    let (r, flags) = fpstatus::watch_hw(|| {
                        per_lane_flags::<$F, $F>(moved, start, id, |s, d| d.iter().fold(s, |a, &b| a * b))
                    });
                    let (r, others) = r?;
                    fpstatus::check(flags | others, u.name)?;
                    r
                }
                O::Max => per_lane::<$F, $F>(moved, start, id, |s, d| {
                    extremum(s, d, <$F as ElemExtrema>::maximum, true, false)
                })?,
                O::Min => per_lane::<$F, $F>(moved, start, id, |s, d| {
                    extremum(s, d, <$F as ElemExtrema>::minimum, false, false)
                })?,
                O::FMax => {
                    per_lane::<$F, $F>(moved, start, id, |s, d| extremum(s, d, <$F as ElemExtrema>::fmax, true, true))?
                }
                O::FMin => {
                    per_lane::<$F, $F>(moved, start, id, |s, d| extremum(s, d, <$F as ElemExtrema>::fmin, false, true))?
                }
                _ => return Ok(None),
            })
        }};
    }
    let contiguous_lanes = moved.ndim() == 0 || moved.strides()[0] == moved.dtype().itemsize() as isize;
    let r = match (input, t) {
        (DType::Bool, DType::Bool) => {
            let id = |x: bool| x;
            match op {
                O::Max | O::Or | O::LogicalOr | O::FMax => {
                    Some(per_lane::<bool, bool>(moved, start, id, |s, d| s | any_true(d))?)
                }
                O::Min | O::And | O::LogicalAnd | O::FMin => {
                    Some(per_lane::<bool, bool>(moved, start, id, |s, d| s & !any_false(d))?)
                }
                O::Xor => Some(per_lane::<bool, bool>(moved, start, id, |s, d| free(s, d, id, |a, b| a ^ b))?),
                O::Add | O::Mul => None,
            }
        }
        (DType::Bool, DType::Int64) => {
            let conv = i64::from;
            match op {
                O::Add => Some(per_lane::<bool, i64>(moved, start, conv, |s, d| free(s, d, conv, i64::wrapping_add))?),
                O::Mul => Some(per_lane::<bool, i64>(moved, start, conv, |s, d| free(s, d, conv, i64::wrapping_mul))?),
                _ => None,
            }
        }
        (DType::Int8, DType::Int64) => ints!(i8, i64),
        (DType::Int16, DType::Int64) => ints!(i16, i64),
        (DType::Int32, DType::Int64) => ints!(i32, i64),
        (DType::UInt8, DType::UInt64) => ints!(u8, u64),
        (DType::UInt16, DType::UInt64) => ints!(u16, u64),
        (DType::UInt32, DType::UInt64) => ints!(u32, u64),
        (a, b) if a != b => None,
        (DType::Int8, _) => same_int!(i8),
        (DType::Int16, _) => same_int!(i16),
        (DType::Int32, _) => same_int!(i32),
        (DType::Int64, _) => same_int!(i64),
        (DType::UInt8, _) => same_int!(u8),
        (DType::UInt16, _) => same_int!(u16),
        (DType::UInt32, _) => same_int!(u32),
        (DType::UInt64, _) => same_int!(u64),
        // NumPy's vector order is modelled for contiguous lanes only.
        (DType::Float32, _) if contiguous_lanes || op == O::Mul => floats!(f32),
        (DType::Float64, _) if contiguous_lanes || op == O::Mul => floats!(f64),
        (DType::Float16, _) => {
            let id = |x: f16| x;
            match op {
                // NumPy's float16 loops are scalar and run in sequence.
                O::Max => Some(per_lane::<f16, f16>(moved, start, id, |s, d| d.iter().fold(s, |a, &b| a.maximum(b)))?),
                O::Min => Some(per_lane::<f16, f16>(moved, start, id, |s, d| d.iter().fold(s, |a, &b| a.minimum(b)))?),
                _ => None,
            }
        }
        _ => None,
    };
    Ok(r)
}

/// Whether any element is true: blocks folded without branches, stopping at the first
/// block that holds one.
fn any_true(d: &[bool]) -> bool {
    d.chunks(4096).any(|c| c.iter().fold(false, |a, &b| a | b))
}

/// Whether any element is false.
fn any_false(d: &[bool]) -> bool {
    d.chunks(4096).any(|c| !c.iter().fold(true, |a, &b| a & b))
}

/// What a per-element kernel does with the combining function `f` of a [`LaneOp`] for
/// the element type `T`: `Ok(false)` when it has no kernel for the operands it was given.
trait Combine {
    fn apply<T: Element + Send + Sync, F: Fn(T, T) -> T + Copy + Send + Sync>(&mut self, f: F) -> Result<bool>;
    /// The floating-point conditions the kernel's work raised on other threads.
    fn flags(&self) -> fpstatus::FpFlags {
        fpstatus::FpFlags::NONE
    }
}

/// Runs `k` with the combining function of `op` for the elements of `dtype`, as the binary
/// loop of `u` computes it: wrapping integer arithmetic, NumPy's extrema (for integers
/// `fmax`/`fmin` are `maximum`/`minimum`), the bitwise functions. Float `add` and
/// `multiply` run under the hardware status, which is checked against the error state as
/// `u`'s loop does; NumPy's extremum loops clear the status they leave. `Ok(false)` when
/// there is no kernel for the pair (the caller's general path runs).
fn with_combine(u: &Ufunc, op: LaneOp, dtype: Option<DType>, k: &mut impl Combine) -> Result<bool> {
    use LaneOp as O;
    macro_rules! int {
        ($T:ty) => {
            match op {
                O::Add => k.apply::<$T, _>(<$T>::wrapping_add),
                O::Mul => k.apply::<$T, _>(<$T>::wrapping_mul),
                O::Max | O::FMax => k.apply::<$T, _>(<$T as ElemExtrema>::maximum),
                O::Min | O::FMin => k.apply::<$T, _>(<$T as ElemExtrema>::minimum),
                O::And => k.apply::<$T, _>(|x, y| x & y),
                O::Or => k.apply::<$T, _>(|x, y| x | y),
                O::Xor => k.apply::<$T, _>(|x, y| x ^ y),
                O::LogicalAnd | O::LogicalOr => Ok(false),
            }
        };
    }
    macro_rules! float {
        ($T:ty) => {{
            let (r, flags) = fpstatus::watch_hw(|| match op {
                O::Add => k.apply::<$T, _>(|x, y| x + y),
                O::Mul => k.apply::<$T, _>(|x, y| x * y),
                O::Max => k.apply::<$T, _>(<$T as ElemExtrema>::maximum),
                O::Min => k.apply::<$T, _>(<$T as ElemExtrema>::minimum),
                O::FMax => k.apply::<$T, _>(<$T as ElemExtrema>::fmax),
                O::FMin => k.apply::<$T, _>(<$T as ElemExtrema>::fmin),
                _ => Ok(false),
            });
            let done = r?;
            if done && matches!(op, O::Add | O::Mul) {
                fpstatus::check(flags | k.flags(), u.name)?;
            }
            Ok(done)
        }};
    }
    match dtype {
        Some(DType::Int8) => int!(i8),
        Some(DType::Int16) => int!(i16),
        Some(DType::Int32) => int!(i32),
        Some(DType::Int64) => int!(i64),
        Some(DType::UInt8) => int!(u8),
        Some(DType::UInt16) => int!(u16),
        Some(DType::UInt32) => int!(u32),
        Some(DType::UInt64) => int!(u64),
        Some(DType::Float32) => float!(f32),
        Some(DType::Float64) => float!(f64),
        _ => Ok(false),
    }
}

/// Folds `row` into `acc` element by element (`acc[j] = f(acc[j], conv(row[j]))`).
#[inline(always)]
fn fold_row<I: Copy, T: Copy>(acc: &mut [T], row: &[I], conv: impl Fn(I) -> T, f: impl Fn(T, T) -> T) {
    for (a, &x) in acc.iter_mut().zip(row) {
        *a = f(*a, conv(x));
    }
}

/// [`fold_row`] of four rows in one pass over `acc`: `acc[j]` takes `rows[0][j]`, then
/// `rows[1][j]`, … in that order (the same bits as four passes), but is read and written
/// once instead of four times.
#[inline(always)]
fn fold_rows4<I: Copy, T: Copy>(acc: &mut [T], rows: [&[I]; 4], conv: impl Fn(I) -> T, f: impl Fn(T, T) -> T) {
    let w = acc.len();
    let [r0, r1, r2, r3] = rows.map(|r| &r[..w]);
    for j in 0..w {
        acc[j] = f(f(f(f(acc[j], conv(r0[j])), conv(r1[j])), conv(r2[j])), conv(r3[j]));
    }
}

/// [`fold_rows4`] compiled for AVX2.
///
/// # Safety
/// The CPU must have AVX2 and FMA.
#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx2,fma")]
#[allow(unsafe_code)]
unsafe fn fold_rows4_avx2<I: Copy, T: Copy>(
    acc: &mut [T],
    rows: [&[I]; 4],
    conv: impl Fn(I) -> T,
    f: impl Fn(T, T) -> T,
) {
    fold_rows4(acc, rows, conv, f);
}

/// [`fold_row`] compiled for AVX2.
///
/// # Safety
/// The CPU must have AVX2 and FMA.
#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx2,fma")]
#[allow(unsafe_code)]
unsafe fn fold_row_avx2<I: Copy, T: Copy>(acc: &mut [T], row: &[I], conv: impl Fn(I) -> T, f: impl Fn(T, T) -> T) {
    fold_row(acc, row, conv, f);
}

/// `reduce` of the ufunc `u` along axis 0 of `moved` when that axis is not the one NumPy's
/// iterator walks innermost, in dtype `t` (the input's), from `start` (`None`: the first
/// position). Each output element combines the positions in order, as NumPy's outer
/// loop does (`out[j] = f(out[j], a[k, j])` for k = 1, 2, …), but the rows are read in
/// place in memory order, in column ranges that stay in cache, and on several threads
/// when there is enough work (each output element is still folded in sequence by one
/// thread, so the result does not depend on the split). `None` when the ufunc, the
/// dtypes or the layout have no kernel here (the caller's general path runs).
///
/// # Errors
/// A floating-point condition whose error-state action is to raise.
pub(crate) fn reduce_outer(
    u: &Ufunc,
    t: DType,
    moved: &DynView<'_>,
    start: Option<&Scalar>,
) -> Result<Option<DynArray>> {
    struct Rows<'a, 'v> {
        moved: &'a DynView<'v>,
        start: Option<&'a Scalar>,
        out: Option<DynArray>,
        flags: fpstatus::FpFlags,
    }
    impl Combine for Rows<'_, '_> {
        fn apply<T: Element + Send + Sync, F: Fn(T, T) -> T + Copy + Send + Sync>(&mut self, f: F) -> Result<bool> {
            let Some((out, flags)) = outer_rows::<T, T>(self.moved, self.start, |x| x, f)? else { return Ok(false) };
            self.out = Some(out);
            self.flags = flags;
            Ok(true)
        }
        fn flags(&self) -> fpstatus::FpFlags {
            self.flags
        }
    }
    let Some(op) = LaneOp::of(u) else { return Ok(None) };
    let dt = moved.dtype();
    if dt.numeric() != Some(t) || !dt.is_native() || !moved.is_aligned() {
        return Ok(None);
    }
    let mut k = Rows { moved, start, out: None, flags: fpstatus::FpFlags::NONE };
    if with_combine(u, op, Some(t), &mut k)? { Ok(k.out) } else { Ok(None) }
}

/// `add.reduce` along an outer axis (as [`reduce_outer`]) of bool or of integers narrower
/// than the accumulation dtype `t` (int64 for bool and signed integers, uint64 for
/// unsigned ones: `sum`, `count_nonzero`), each element widened as it is read. Integer
/// sums do not depend on the order. `None` for another ufunc, dtype pair or layout.
pub(crate) fn sum_outer_widened(
    u: &Ufunc,
    t: DType,
    moved: &DynView<'_>,
    start: Option<&Scalar>,
) -> Result<Option<DynArray>> {
    if LaneOp::of(u) != Some(LaneOp::Add) || !moved.dtype().is_native() || !moved.is_aligned() {
        return Ok(None);
    }
    macro_rules! widen {
        ($I:ty, $T:ty) => {
            outer_rows::<$I, $T>(moved, start, <$T>::from, <$T>::wrapping_add)?.map(|(r, _)| r)
        };
    }
    Ok(match (moved.dtype().numeric(), t) {
        (Some(DType::Bool), DType::Int64) => widen!(bool, i64),
        (Some(DType::Int8), DType::Int64) => widen!(i8, i64),
        (Some(DType::Int16), DType::Int64) => widen!(i16, i64),
        (Some(DType::Int32), DType::Int64) => widen!(i32, i64),
        (Some(DType::UInt8), DType::UInt64) => widen!(u8, u64),
        (Some(DType::UInt16), DType::UInt64) => widen!(u16, u64),
        (Some(DType::UInt32), DType::UInt64) => widen!(u32, u64),
        _ => None,
    })
}

/// The fold of [`reduce_outer`] over a view of `I` converted to `T` by `conv` (each
/// output element `start`, or its first position converted, combined with the following
/// positions in order): `None` when the layout has no kernel here (not one block of
/// memory, or the last axis not contiguous), else the result and the floating-point
/// conditions raised on other threads.
fn outer_rows<I: Element + Sync, T: Element + Send + Sync>(
    moved: &DynView<'_>,
    start: Option<&Scalar>,
    conv: impl Fn(I) -> T + Copy + Send + Sync,
    f: impl Fn(T, T) -> T + Copy + Send + Sync,
) -> Result<Option<(DynArray, fpstatus::FpFlags)>> {
    use rayon::prelude::*;
    let view = moved.typed::<I>()?;
    let Some(d) = Dense::of(&view) else { return Ok(None) };
    let nd = d.shape.len();
    if nd < 2 || d.strides[nd - 1] != 1 {
        return Ok(None);
    }
    let s0: Option<T> = start.map(scalar_as::<T>).transpose()?;
    let (n, inner) = (d.shape[0], d.shape[nd - 1]);
    let rest = d.shape[1..].to_vec();
    let count: usize = rest.iter().product();
    if s0.is_none() && n == 0 {
        return Ok(None);
    }
    let k0 = usize::from(s0.is_none());
    let mut flags = fpstatus::FpFlags::NONE;
    let st0 = d.strides[0];
    let avx2 = has_avx2();
    // Column ranges: one per thread, so that each reads its rows in long stretches (the
    // prefetchers follow a whole row of one thread better than many short blocks), of
    // 16 KiB to 256 KiB of accumulators (L2).
    let col = inner
        .div_ceil(rayon::current_num_threads().max(1))
        .clamp((16384 / size_of::<T>()).max(1), (262_144 / size_of::<T>()).max(1));
    // Columns `c0..c0 + acc.len()` of the output block `o` (the positions of the
    // axes before the last one).
    let fold = |o: usize, c0: usize, acc: &mut [T]| {
        let base = (d.offset(1, o * inner) + c0) as isize;
        let w = acc.len();
        match s0 {
            Some(v) => acc.fill(v),
            None => {
                for (a, &x) in acc.iter_mut().zip(&d.mem[base as usize..base as usize + w]) {
                    *a = conv(x);
                }
            }
        }
        let row = |k: usize| {
            let off = (base + k as isize * st0) as usize;
            &d.mem[off..off + w]
        };
        // Four rows per pass over the accumulators (each still folded in row order).
        let mut k = k0;
        while k + 4 <= n {
            let rows = [row(k), row(k + 1), row(k + 2), row(k + 3)];
            k += 4;
            #[cfg(target_arch = "x86_64")]
            #[allow(unsafe_code)]
            if avx2 {
                // SAFETY: `has_avx2` reported AVX2 and FMA on this CPU.
                unsafe { fold_rows4_avx2(acc, rows, conv, f) };
                continue;
            }
            fold_rows4(acc, rows, conv, f);
        }
        for k in k..n {
            #[cfg(target_arch = "x86_64")]
            #[allow(unsafe_code)]
            if avx2 {
                // SAFETY: `has_avx2` reported AVX2 and FMA on this CPU.
                unsafe { fold_row_avx2(acc, row(k), conv, f) };
                continue;
            }
            fold_row(acc, row(k), conv, f);
        }
    };
    let mut out = vec![T::zero(); count];
    if count > 0 && n * count >= PAR_ELEMS && count > col {
        flags = out
            .par_chunks_mut(inner)
            .enumerate()
            .map(|(o, blk)| {
                blk.par_chunks_mut(col)
                    .enumerate()
                    .map(|(c, acc)| fpstatus::watch_hw(|| fold(o, c * col, acc)).1)
                    .reduce(|| fpstatus::FpFlags::NONE, |a, b| a | b)
            })
            .reduce(|| fpstatus::FpFlags::NONE, |a, b| a | b);
    } else if count > 0 {
        for (o, blk) in out.chunks_mut(inner).enumerate() {
            for (c, acc) in blk.chunks_mut(col).enumerate() {
                fold(o, c * col, acc);
            }
        }
    }
    Ok(Some((DynArray::from(Array::from_shape_vec(&rest, out)?), flags)))
}

/// `accumulate` of the ufunc `u` along `axis` of `a` (of a native numeric dtype, which
/// the accumulation runs in), written straight into a fresh C-ordered result: each lane's
/// positions combined in order (`out[0] = a[0]`, `out[k] = f(out[k-1], a[k])`), as
/// NumPy's loop runs them, in one pass that reads the input once and writes every result
/// element once. Lanes along the last axis are scanned one by one (on several threads
/// when there are many); along another axis, rows of the remaining axes are combined in
/// column ranges that stay in cache. `None` when the ufunc or the dtype has no kernel
/// here, or `a` is empty (the caller's general path runs).
///
/// # Errors
/// A floating-point condition whose error-state action is to raise.
pub(crate) fn accumulate_direct(u: &Ufunc, a: &DynView<'_>, axis: usize) -> Result<Option<DynArray>> {
    struct Scan<'a, 'v> {
        a: &'a DynView<'v>,
        axis: usize,
        out: Option<DynArray>,
        flags: fpstatus::FpFlags,
    }
    impl Combine for Scan<'_, '_> {
        fn apply<T: Element + Send + Sync, F: Fn(T, T) -> T + Copy + Send + Sync>(&mut self, f: F) -> Result<bool> {
            let view = self.a.typed::<T>()?;
            let copy;
            let src: &[T] = match view.as_slice() {
                Some(s) => s,
                None => {
                    copy = view.to_owned_order(nprs_core::Order::C);
                    copy.as_slice().unwrap_or_default()
                }
            };
            let shape = view.shape();
            let n = shape[self.axis];
            let inner: usize = shape[self.axis + 1..].iter().product();
            let block = n * inner;
            if src.is_empty() || src.len() != view.size() {
                return Ok(false);
            }
            let mut out = Array::<T>::uninit(shape)?;
            let slots = out.as_mut_slice();
            let total = src.len();
            if inner == 1 {
                if total >= PAR_ELEMS && total / n > 1 {
                    use rayon::prelude::*;
                    let per = (PAR_ELEMS / 4 / n).max(1);
                    self.flags = src
                        .par_chunks(per * n)
                        .zip(slots.par_chunks_mut(per * n))
                        .map(|(s, o)| {
                            fpstatus::watch_hw(|| {
                                for (l, lo) in s.chunks(n).zip(o.chunks_mut(n)) {
                                    scan_lane(l, lo, f);
                                }
                            })
                            .1
                        })
                        .reduce(|| fpstatus::FpFlags::NONE, |a, b| a | b);
                } else {
                    for (l, lo) in src.chunks(n).zip(slots.chunks_mut(n)) {
                        scan_lane(l, lo, f);
                    }
                }
            } else {
                if total >= PAR_ELEMS && total / block > 1 {
                    use rayon::prelude::*;
                    self.flags = src
                        .par_chunks(block)
                        .zip(slots.par_chunks_mut(block))
                        .map(|(s, o)| fpstatus::watch_hw(|| scan_rows(s, o, inner, f)).1)
                        .reduce(|| fpstatus::FpFlags::NONE, |a, b| a | b);
                } else {
                    for (s, o) in src.chunks(block).zip(slots.chunks_mut(block)) {
                        scan_rows(s, o, inner, f);
                    }
                }
            }
            // SAFETY: the lanes (rows) above cover the whole buffer, and each writes every
            // one of its slots.
            #[allow(unsafe_code)]
            let out = unsafe { out.assume_init() };
            self.out = Some(DynArray::from(out));
            Ok(true)
        }
        fn flags(&self) -> fpstatus::FpFlags {
            self.flags
        }
    }
    let Some(op) = LaneOp::of(u) else { return Ok(None) };
    if !a.dtype().is_native() || !a.is_aligned() || a.size() == 0 || axis >= a.ndim() {
        return Ok(None);
    }
    let dtype = a.dtype().numeric();
    let mut k = Scan { a, axis, out: None, flags: fpstatus::FpFlags::NONE };
    if with_combine(u, op, dtype, &mut k)? { Ok(k.out) } else { Ok(None) }
}

/// The running results of one lane: `out[0] = lane[0]`, `out[k] = f(out[k-1], lane[k])`;
/// `out` is as long as `lane` and every slot is written.
#[inline(always)]
fn scan_lane<T: Copy>(lane: &[T], out: &mut [std::mem::MaybeUninit<T>], f: impl Fn(T, T) -> T) {
    let Some((&first, rest)) = lane.split_first() else { return };
    let mut acc = first;
    out[0].write(acc);
    for (o, &x) in out[1..].iter_mut().zip(rest) {
        acc = f(acc, x);
        o.write(acc);
    }
}

/// The running results down the rows (of `inner` elements) of one C-ordered block:
/// row `k` of `out` is `f(row k-1 of out, row k of src)`, row 0 a copy. Column ranges of
/// 16 KiB keep the running row in cache; every slot of `out` is written.
fn scan_rows<T: Copy>(src: &[T], out: &mut [std::mem::MaybeUninit<T>], inner: usize, f: impl Fn(T, T) -> T + Copy) {
    let col = (16384 / size_of::<T>()).max(1);
    let avx2 = has_avx2();
    let rows = src.len() / inner;
    let mut acc: Vec<T> = Vec::with_capacity(col.min(inner));
    for c0 in (0..inner).step_by(col) {
        let w = col.min(inner - c0);
        acc.clear();
        acc.extend_from_slice(&src[c0..c0 + w]);
        for k in 0..rows {
            let off = k * inner + c0;
            if k > 0 {
                let row = &src[off..off + w];
                #[cfg(target_arch = "x86_64")]
                #[allow(unsafe_code)]
                if avx2 {
                    // SAFETY: `has_avx2` reported AVX2 and FMA on this CPU.
                    unsafe { fold_row_avx2(&mut acc, row, |x| x, f) };
                } else {
                    fold_row(&mut acc, row, |x| x, f);
                }
                #[cfg(not(target_arch = "x86_64"))]
                fold_row(&mut acc, row, |x| x, f);
            }
            for (o, &v) in out[off..off + w].iter_mut().zip(&acc) {
                o.write(v);
            }
        }
    }
    let _ = avx2;
}

/// The index of the first largest (`max`) or smallest element of a contiguous lane, the
/// first NaN when there is one (NumPy's `argmax`/`argmin`): chunks of the lane are
/// reduced with the vector extremum, which NaN wins; the chunk holding the best value
/// (or a NaN) is then searched for its first occurrence. `-0.0` and `0.0` are equal, so
/// the first of them counts, as in NumPy.
pub(crate) fn arg_extreme<T>(data: &[T], max: bool) -> usize
where
    T: ElemExtrema + PartialOrd + Copy + Send + Sync,
{
    const CHUNK: usize = 2048;
    #[inline(always)]
    fn ext_w<T: Copy + Send + Sync, const W: usize>(chunk: &[T], op: impl Fn(T, T) -> T + Copy + Send + Sync) -> T {
        let whole = chunk.len() / W * W;
        let (mut r, tail) = match fold_lanes::<T, T, W>(chunk, |x| x, op) {
            Some(acc) => (acc.into_iter().reduce(op).unwrap_or(chunk[0]), &chunk[whole..]),
            None => (chunk[0], &chunk[1..]),
        };
        for &x in tail {
            r = op(r, x);
        }
        r
    }
    // Vectors of 64 bytes, so that the fold takes its tree path. Only the value is kept,
    // and equal values are one value here, so the width does not change the index.
    #[inline(always)]
    fn ext<T: Copy + Send + Sync>(chunk: &[T], op: impl Fn(T, T) -> T + Copy + Send + Sync) -> T {
        match size_of::<T>() {
            8 => ext_w::<T, 8>(chunk, op),
            4 => ext_w::<T, 16>(chunk, op),
            2 => ext_w::<T, 32>(chunk, op),
            _ => ext_w::<T, 64>(chunk, op),
        }
    }
    let mut best: Option<(T, usize)> = None;
    for (c, chunk) in data.chunks(CHUNK).enumerate() {
        let m = if max { ext(chunk, T::maximum) } else { ext(chunk, T::minimum) };
        #[allow(clippy::eq_op)]
        if m != m {
            #[allow(clippy::eq_op)]
            return c * CHUNK + chunk.iter().position(|&x| x != x).unwrap_or(0);
        }
        match best {
            Some((b, _)) if !(if max { m > b } else { m < b }) => {}
            _ => best = Some((m, c)),
        }
    }
    let Some((b, c)) = best else { return 0 };
    let start = c * CHUNK;
    start + data[start..].iter().position(|&x| x == b).unwrap_or(0)
}

/// `ufunc.at` on a C-contiguous `a` of a native numeric dtype over flat positions (all in
/// bounds; a negative one counts from the end): `a.flat[i] = op(a.flat[i], b[k])` for
/// each position in order, `b` in `a`'s dtype, one element per position or one for all
/// (read in place when contiguous). `false` when the ufunc or the dtype has no kernel
/// here.
///
/// # Errors
/// A floating-point condition whose error-state action is to raise.
pub(crate) fn scatter(
    u: &Ufunc,
    a: &mut nprs_core::dynarray::DynViewMut<'_>,
    indices: &[isize],
    b: &DynView<'_>,
) -> Result<bool> {
    struct Scatter<'a, 'v, 'w> {
        a: &'a mut nprs_core::dynarray::DynViewMut<'v>,
        indices: &'a [isize],
        b: &'a DynView<'w>,
    }
    impl Combine for Scatter<'_, '_, '_> {
        fn apply<T: Element + Send + Sync, F: Fn(T, T) -> T + Copy + Send + Sync>(&mut self, f: F) -> Result<bool> {
            let bv = self.b.typed::<T>()?;
            let mut av = self.a.typed_mut::<T>()?;
            let Some(xs) = av.as_slice_mut() else { return Ok(false) };
            let n = xs.len() as isize;
            let pos = |i: isize| (if i < 0 { i + n } else { i }) as usize;
            with_lane(&bv, |bs| match bs {
                [one] if self.indices.len() != 1 => {
                    for &i in self.indices {
                        let j = pos(i);
                        xs[j] = f(xs[j], *one);
                    }
                }
                _ => {
                    for (&i, &y) in self.indices.iter().zip(bs) {
                        let j = pos(i);
                        xs[j] = f(xs[j], y);
                    }
                }
            });
            Ok(true)
        }
    }
    let Some(op) = LaneOp::of(u) else { return Ok(false) };
    let one = b.size() == 1 || b.size() == indices.len();
    if !a.is_c_contiguous() || !a.dtype().is_native() || b.dtype() != a.dtype() || b.ndim() != 1 || !one {
        return Ok(false);
    }
    let dtype = a.dtype().numeric();
    with_combine(u, op, dtype, &mut Scatter { a, indices, b })
}
