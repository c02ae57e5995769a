//! `numpy.pad` with the modes `constant`, `edge`, `linear_ramp`, `reflect`, `symmetric`
//! and `wrap`.
//!
//! As NumPy does, the original array is copied into the middle of the new one and then
//! each axis is padded in turn, reading the values it extends from the part of the result
//! that is already written (so corners take the values of the last axis padded, and
//! reflections wider than the array repeat the reflection step by step).
#![allow(unsafe_code)] // the result is assembled in an uninitialised buffer; each block says why it holds

use smallvec::SmallVec;

use crate::array::{Array, ArrayBase, ArrayView};
use crate::copy::Cast;
use crate::dims::{self, Order};
use crate::dtype::{C64, C128, Element, f16};
use crate::error::{Error, Result};
use crate::ops::{ElemAdd, ElemDiv, ElemMul, ElemSub};
use crate::slice::SliceArg;
use crate::storage::Data;
use crate::zip;

use super::args::along;
use super::canvas::{self, Canvas};

/// Widths to pad with, broadcast as NumPy broadcasts `pad_width` to one `(before, after)`
/// pair per axis: a scalar (`2`: two on every side), one pair (`(1, 2)`: one before and two
/// after on every axis), one pair per axis (`[(1, 2), (0, 3)]`), or one width per axis
/// (`[[1], [2]]`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PadWidth {
    shape: SmallVec<[usize; 2]>,
    data: Vec<isize>,
}

/// Values for the `constant` and `linear_ramp` modes, broadcast per side and axis as
/// [`PadWidth`] is: a scalar, a `(before, after)` pair, one pair per axis, or one value per
/// axis (`[[a], [b]]`).
#[derive(Clone, Debug, PartialEq)]
pub struct PadValues<T> {
    shape: SmallVec<[usize; 2]>,
    data: Vec<T>,
}

macro_rules! width_from {
    ($($t:ty),*) => {$(
        impl From<$t> for PadWidth {
            fn from(x: $t) -> Self { PadWidth { shape: SmallVec::new(), data: vec![x as isize] } }
        }
        impl From<($t, $t)> for PadWidth {
            fn from(x: ($t, $t)) -> Self { PadWidth { shape: SmallVec::from_slice(&[2]), data: vec![x.0 as isize, x.1 as isize] } }
        }
        impl<const N: usize> From<[$t; N]> for PadWidth {
            fn from(x: [$t; N]) -> Self {
                PadWidth { shape: SmallVec::from_slice(&[N]), data: x.iter().map(|&v| v as isize).collect() }
            }
        }
        impl<const N: usize> From<[($t, $t); N]> for PadWidth {
            fn from(x: [($t, $t); N]) -> Self { PadWidth::from(&x[..]) }
        }
        impl From<Vec<($t, $t)>> for PadWidth {
            fn from(x: Vec<($t, $t)>) -> Self { PadWidth::from(&x[..]) }
        }
        impl From<&[($t, $t)]> for PadWidth {
            fn from(x: &[($t, $t)]) -> Self {
                PadWidth {
                    shape: SmallVec::from_slice(&[x.len(), 2]),
                    data: x.iter().flat_map(|&(a, b)| [a as isize, b as isize]).collect(),
                }
            }
        }
        impl<const N: usize, const M: usize> From<[[$t; M]; N]> for PadWidth {
            fn from(x: [[$t; M]; N]) -> Self {
                PadWidth { shape: SmallVec::from_slice(&[N, M]), data: x.iter().flatten().map(|&v| v as isize).collect() }
            }
        }
    )*};
}
width_from!(i32, i64, isize, usize);

impl<T: Element> From<T> for PadValues<T> {
    fn from(x: T) -> Self {
        PadValues { shape: SmallVec::new(), data: vec![x] }
    }
}

impl<T: Element> From<(T, T)> for PadValues<T> {
    fn from(x: (T, T)) -> Self {
        PadValues { shape: SmallVec::from_slice(&[2]), data: vec![x.0, x.1] }
    }
}

impl<T: Element, const N: usize> From<[T; N]> for PadValues<T> {
    fn from(x: [T; N]) -> Self {
        PadValues { shape: SmallVec::from_slice(&[N]), data: x.to_vec() }
    }
}

impl<T: Element> From<&[(T, T)]> for PadValues<T> {
    fn from(x: &[(T, T)]) -> Self {
        PadValues { shape: SmallVec::from_slice(&[x.len(), 2]), data: x.iter().flat_map(|&(a, b)| [a, b]).collect() }
    }
}

impl<T: Element> From<Vec<(T, T)>> for PadValues<T> {
    fn from(x: Vec<(T, T)>) -> Self {
        PadValues::from(&x[..])
    }
}

impl<T: Element, const N: usize> From<[(T, T); N]> for PadValues<T> {
    fn from(x: [(T, T); N]) -> Self {
        PadValues::from(&x[..])
    }
}

impl<T: Element, const N: usize, const M: usize> From<[[T; M]; N]> for PadValues<T> {
    fn from(x: [[T; M]; N]) -> Self {
        PadValues { shape: SmallVec::from_slice(&[N, M]), data: x.iter().flatten().copied().collect() }
    }
}

/// How `reflect` and `symmetric` padding treat values: `Even` mirrors them, `Odd`
/// continues the trend by reflecting them through the edge value (`2 * edge - x`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum ReflectType {
    /// NumPy's `reflect_type='even'` (the default).
    #[default]
    Even,
    /// NumPy's `reflect_type='odd'`.
    Odd,
}

/// The padding mode of [`pad`].
#[derive(Clone, Debug, PartialEq)]
pub enum PadMode<T> {
    /// `mode='constant'` with `constant_values` (NumPy's default mode, with 0).
    Constant(PadValues<T>),
    /// `mode='edge'`: the edge values repeated.
    Edge,
    /// `mode='linear_ramp'` with `end_values`: a ramp from each end value to the edge.
    LinearRamp(PadValues<T>),
    /// `mode='reflect'`: mirrored without repeating the edge.
    Reflect(ReflectType),
    /// `mode='symmetric'`: mirrored, repeating the edge.
    Symmetric(ReflectType),
    /// `mode='wrap'`: the array continued periodically.
    Wrap,
}

impl<T: Element> PadMode<T> {
    /// `mode='constant', constant_values=values`.
    pub fn constant(values: impl Into<PadValues<T>>) -> Self {
        PadMode::Constant(values.into())
    }

    /// `mode='linear_ramp', end_values=values`.
    pub fn linear_ramp(values: impl Into<PadValues<T>>) -> Self {
        PadMode::LinearRamp(values.into())
    }
}

/// Element types [`pad`] works with: every element type, with the arithmetic of the
/// `linear_ramp` and odd-reflection modes done as NumPy does it.
pub trait PadElement: Element + Cast {
    /// `2 * edge - x` with NumPy's result for this type (integers wrap; bools give
    /// `edge or x`).
    fn reflect_odd(edge: Self, x: Self) -> Self;

    /// `linspace(start, stop, num, endpoint=False)` for each `stop`, as `pad` computes its
    /// ramps, with NumPy's choice between `i * step` and `i / num * delta` made once for
    /// all stops. Integer and bool types compute in `float64`; floating types in `float64`
    /// (`complex128`) when `wide`, else in their own precision. Returns
    /// `stops.len() * num` values, one run of `num` per stop.
    fn ramps(start: Self, stops: &[Self], num: usize, wide: bool) -> Vec<Self>;
}

/// The arithmetic `linspace` performs, in its working type.
trait RampNum: Copy + PartialEq {
    fn from_count(i: usize) -> Self;
    fn zero() -> Self;
    fn sub(self, o: Self) -> Self;
    fn add(self, o: Self) -> Self;
    fn mul(self, o: Self) -> Self;
    fn div(self, o: Self) -> Self;
}

macro_rules! ramp_num {
    ($($t:ty: $from:expr);*) => {$(
        impl RampNum for $t {
            fn from_count(i: usize) -> Self { $from(i) }
            fn zero() -> Self { <$t as Element>::zero() }
            fn sub(self, o: Self) -> Self { ElemSub::sub(self, o) }
            fn add(self, o: Self) -> Self { ElemAdd::add(self, o) }
            fn mul(self, o: Self) -> Self { ElemMul::mul(self, o) }
            fn div(self, o: Self) -> Self { ElemDiv::div(self, o) }
        }
    )*};
}
ramp_num! {
    f64: |i: usize| i as f64;
    f32: |i: usize| i as f32;
    f16: |i: usize| f16::from_f64(i as f64);
    C64: |i: usize| C64::new(i as f32, 0.0);
    C128: |i: usize| C128::new(i as f64, 0.0)
}

fn ramps_in<R: RampNum, T>(start: R, stops: impl Iterator<Item = R>, num: usize, back: impl Fn(R) -> T) -> Vec<T> {
    let n = R::from_count(num);
    let deltas: Vec<R> = stops.map(|s| s.sub(start)).collect();
    let steps: Vec<R> = deltas.iter().map(|&d| d.div(n)).collect();
    let any_zero = steps.iter().any(|&s| s == R::zero());
    let mut out = Vec::with_capacity(deltas.len() * num);
    for (&delta, &step) in deltas.iter().zip(&steps) {
        for i in 0..num {
            let y = R::from_count(i);
            let v = if any_zero { y.div(n).mul(delta) } else { y.mul(step) };
            out.push(back(v.add(start)));
        }
    }
    out
}

macro_rules! pad_int {
    ($($t:ty),*) => {$(
        impl PadElement for $t {
            fn reflect_odd(edge: Self, x: Self) -> Self { edge.wrapping_mul(2).wrapping_sub(x) }
            fn ramps(start: Self, stops: &[Self], num: usize, _wide: bool) -> Vec<Self> {
                ramps_in(start.to_f64(), stops.iter().map(|s| s.to_f64()), num, |r: f64| <$t>::cast_from(r.floor()))
            }
        }
    )*};
}
pad_int!(i8, i16, i32, i64, u8, u16, u32, u64);

impl PadElement for bool {
    fn reflect_odd(edge: Self, x: Self) -> Self {
        // `2 * edge - x` is computed in int64 and stored as bool: non-zero unless both are false.
        edge || x
    }
    fn ramps(start: Self, stops: &[Self], num: usize, _wide: bool) -> Vec<Self> {
        ramps_in(start.to_f64(), stops.iter().map(|s| s.to_f64()), num, |r: f64| r != 0.0)
    }
}

macro_rules! pad_inexact {
    ($($t:ty: $two:expr, $wide:ty);*) => {$(
        impl PadElement for $t {
            fn reflect_odd(edge: Self, x: Self) -> Self { ElemSub::sub(ElemMul::mul($two, edge), x) }
            fn ramps(start: Self, stops: &[Self], num: usize, wide: bool) -> Vec<Self> {
                if wide {
                    let w = |x: $t| <$wide>::cast_from(x);
                    ramps_in(w(start), stops.iter().map(|&s| w(s)), num, <$t>::cast_from)
                } else {
                    ramps_in(start, stops.iter().copied(), num, |r| r)
                }
            }
        }
    )*};
}
pad_inexact! {
    f16: f16::from_f32(2.0), f64;
    f32: 2.0, f64;
    f64: 2.0, f64;
    C64: C64::new(2.0, 0.0), C128;
    C128: C128::new(2.0, 0.0), C128
}

/// NumPy's `_as_pairs`: broadcasts `data` of `shape` to one pair per axis.
fn as_pairs<V: Copy>(shape: &[usize], data: &[V], ndim: usize, negative: impl Fn(V) -> bool) -> Result<Vec<(V, V)>> {
    let neg_err = || Error::NegativePad;
    if shape.len() < 3 {
        if data.len() == 1 {
            if negative(data[0]) {
                return Err(neg_err());
            }
            return Ok(vec![(data[0], data[0]); ndim]);
        }
        if data.len() == 2 && shape != [2, 1] {
            if negative(data[0]) || negative(data[1]) {
                return Err(neg_err());
            }
            return Ok(vec![(data[0], data[1]); ndim]);
        }
    }
    if data.iter().any(|&v| negative(v)) {
        return Err(neg_err());
    }
    let strides = dims::contiguous_strides(shape, Order::C);
    let target = [ndim, 2];
    let b = dims::broadcast_strides(shape, &strides, &target)
        .ok_or_else(|| Error::BroadcastTo { from: shape.to_vec(), to: target.to_vec() })?;
    Ok((0..ndim).map(|i| (data[(i as isize * b[0]) as usize], data[(i as isize * b[0] + b[1]) as usize])).collect())
}

/// The region of interest while padding one axis: axes before it (and itself) span the
/// whole result, axes after it only the original area.
struct Roi {
    start: Vec<usize>,
    shape: Vec<usize>,
    axis: usize,
}

impl Roi {
    /// The part of the region from `from` (for `len` entries) along the padded axis.
    fn part(&self, from: usize, len: usize) -> (Vec<usize>, Vec<usize>) {
        let mut start = self.start.clone();
        let mut shape = self.shape.clone();
        start[self.axis] = from;
        shape[self.axis] = len;
        (start, shape)
    }
}

fn reversed<'a, T: Element>(v: ArrayView<'a, T>, axis: usize) -> ArrayView<'a, T> {
    let mut args: SmallVec<[SliceArg; 6]> = SmallVec::from_elem(SliceArg::FULL, v.ndim());
    args[axis] = SliceArg::Slice { start: None, stop: None, step: -1 };
    v.slice_move(&args).expect("full slices are valid")
}

/// `numpy.pad`: a new array with `pad_width` entries added before and after each axis,
/// filled as `mode` says.
///
/// ```
/// use nprs_core::prelude::*;
/// use nprs_core::{pad, PadMode, ReflectType};
///
/// let a = array![1, 2, 3, 4, 5];
/// assert_eq!(pad(&a, (2, 3), PadMode::constant((4, 6))).unwrap(), array![4, 4, 1, 2, 3, 4, 5, 6, 6, 6]);
/// assert_eq!(pad(&a, (2, 3), PadMode::Edge).unwrap(), array![1, 1, 1, 2, 3, 4, 5, 5, 5, 5]);
/// assert_eq!(pad(&a, (2, 3), PadMode::linear_ramp((5, -4))).unwrap(), array![5, 3, 1, 2, 3, 4, 5, 2, -1, -4]);
/// assert_eq!(pad(&a, (2, 3), PadMode::Reflect(ReflectType::Even)).unwrap(), array![3, 2, 1, 2, 3, 4, 5, 4, 3, 2]);
/// assert_eq!(pad(&a, (2, 3), PadMode::Symmetric(ReflectType::Odd)).unwrap(), array![0, 1, 1, 2, 3, 4, 5, 5, 6, 7]);
/// assert_eq!(pad(&a, (2, 3), PadMode::Wrap).unwrap(), array![4, 5, 1, 2, 3, 4, 5, 1, 2, 3]);
/// let m = array![[1, 2], [3, 4]];
/// assert_eq!(pad(&m, [(1, 0), (0, 1)], PadMode::constant(0)).unwrap(), array![[0, 0, 0], [1, 2, 0], [3, 4, 0]]);
/// ```
///
/// # Errors
/// Negative widths ("index can't contain negative values"), widths or values that do not
/// broadcast to one pair per axis, and non-constant modes on an empty axis that is to be
/// extended, each with NumPy's message.
pub fn pad<S>(array: &ArrayBase<S>, pad_width: impl Into<PadWidth>, mode: PadMode<S::Elem>) -> Result<Array<S::Elem>>
where
    S: Data,
    S::Elem: PadElement,
{
    let a = array.view();
    let nd = a.ndim();
    let pw = pad_width.into();
    let widths: Vec<(usize, usize)> =
        as_pairs(&pw.shape, &pw.data, nd, |x| x < 0)?.into_iter().map(|(l, r)| (l as usize, r as usize)).collect();
    let mut shape = Vec::with_capacity(nd);
    for (&n, &(l, r)) in a.shape().iter().zip(&widths) {
        shape.push(n.checked_add(l).and_then(|x| x.checked_add(r)).ok_or(Error::TooBig)?);
    }
    let is_constant = matches!(mode, PadMode::Constant(_));
    let fill = match mode {
        PadMode::Constant(v) => Fill::Constant(as_pairs(&v.shape, &v.data, nd, |_| false)?),
        PadMode::LinearRamp(v) => {
            // NumPy hands the ramps NumPy scalars (of the values' own, widest, type) when the
            // values are one scalar or one pair, and Python scalars (which take the array's
            // type) otherwise.
            let scalars = v.shape.len() < 3 && (v.data.len() == 1 || v.data.len() == 2 && v.shape.as_slice() != [2, 1]);
            Fill::Ramp(as_pairs(&v.shape, &v.data, nd, |_| false)?, scalars)
        }
        PadMode::Edge => Fill::Edge,
        PadMode::Reflect(k) => Fill::Reflect { odd: k == ReflectType::Odd, include_edge: false },
        PadMode::Symmetric(k) => Fill::Reflect { odd: k == ReflectType::Odd, include_edge: true },
        PadMode::Wrap => Fill::Wrap,
    };
    if !is_constant && a.size() == 0 {
        for (ax, (&n, &(l, r))) in a.shape().iter().zip(&widths).enumerate() {
            if n == 0 && (l > 0 || r > 0) {
                return Err(Error::PadEmptyAxis { axis: ax });
            }
        }
    }
    let order = zip::result_order(&[(a.shape(), &a.strides_elems())]);
    let lefts: Vec<usize> = widths.iter().map(|w| w.0).collect();
    // SAFETY: the original area is written first; then, for each axis in turn, the two
    // pad slabs of its region of interest are written (see `Roi`). The slabs of all axes
    // and the original area tile the result, and every read is of a part already written.
    unsafe {
        canvas::build(&shape, order, |c| {
            c.write(&lefts, &a);
            if a.size() == 0 && !is_constant {
                return;
            }
            for (ax, &(l, r)) in widths.iter().enumerate() {
                let roi = Roi {
                    start: (0..nd).map(|j| if j <= ax { 0 } else { lefts[j] }).collect(),
                    shape: (0..nd).map(|j| if j <= ax { shape[j] } else { a.shape()[j] }).collect(),
                    axis: ax,
                };
                let n = a.shape()[ax];
                match &fill {
                    Fill::Constant(values) => {
                        let (vl, vr) = values[ax];
                        let (s, sh) = roi.part(0, l);
                        c.fill(&s, &sh, vl);
                        let (s, sh) = roi.part(l + n, r);
                        c.fill(&s, &sh, vr);
                    }
                    Fill::Edge => pad_edge(c, &roi, l, r, n),
                    Fill::Ramp(values, wide) => pad_ramp(c, &roi, (l, r), n, values[ax], *wide),
                    Fill::Reflect { .. } if n == 1 => pad_edge(c, &roi, l, r, n),
                    &Fill::Reflect { odd, include_edge } => {
                        let (mut l, mut r) = (l, r);
                        while l > 0 || r > 0 {
                            (l, r) = reflect_step(c, &roi, (l, r), odd, n, include_edge);
                        }
                    }
                    Fill::Wrap => {
                        let (mut l, mut r) = (l, r);
                        while l > 0 || r > 0 {
                            (l, r) = wrap_step(c, &roi, (l, r), n);
                        }
                    }
                }
            }
        })
    }
}

/// A padding mode with its values broadcast to one pair per axis.
enum Fill<T> {
    Constant(Vec<(T, T)>),
    Ramp(Vec<(T, T)>, bool),
    Edge,
    Reflect { odd: bool, include_edge: bool },
    Wrap,
}

/// Repeats the edge slabs over the pads of one axis.
///
/// # Safety
/// The original area of the region must be written.
unsafe fn pad_edge<T: Element>(c: &Canvas<T>, roi: &Roi, l: usize, r: usize, n: usize) {
    for (edge_at, from, len) in [(l, 0, l), (l + n - 1, l + n, r)] {
        if len == 0 {
            continue;
        }
        let (es, esh) = roi.part(edge_at, 1);
        let (s, sh) = roi.part(from, len);
        // SAFETY: the edge slab is written; the pad slab is disjoint from it.
        unsafe {
            let edge = c.view(&es, &esh);
            c.write(&s, &edge.broadcast_to(&sh).expect("a length-one axis broadcasts"));
        }
    }
}

/// Writes the linear ramps of one axis.
///
/// # Safety
/// The original area of the region must be written.
unsafe fn pad_ramp<T: PadElement>(
    c: &Canvas<T>,
    roi: &Roi,
    (l, r): (usize, usize),
    n: usize,
    ends: (T, T),
    wide: bool,
) {
    let ax = roi.axis;
    let outer: usize = roi.shape[..ax].iter().product();
    let inner: usize = roi.shape[ax + 1..].iter().product();
    for (edge_at, from, num, end, right) in [(l, 0, l, ends.0, false), (l + n - 1, l + n, r, ends.1, true)] {
        if num == 0 || outer * inner == 0 {
            continue;
        }
        let (es, esh) = roi.part(edge_at, 1);
        // SAFETY: the edge slab is written.
        let stops: Vec<T> = unsafe { c.view(&es, &esh) }.iter().collect();
        let ramps = T::ramps(end, &stops, num, wide);
        // Lay the ramps out in C order of the pad slab: (outer, position, inner).
        let mut block = Vec::with_capacity(outer * num * inner);
        for o in 0..outer {
            for p in 0..num {
                let k = if right { num - 1 - p } else { p };
                for i in 0..inner {
                    block.push(ramps[(o * inner + i) * num + k]);
                }
            }
        }
        let (s, sh) = roi.part(from, num);
        let block = Array::from_shape_vec(&sh, block).expect("the block has the slab's size");
        // SAFETY: the pad slab lies in the region; `block` is a separate buffer.
        unsafe { c.write(&s, &block.view()) };
    }
}

/// One step of NumPy's `_set_reflect_both`: fills as much of each pad as the written part
/// can mirror, returning the widths still to fill.
///
/// # Safety
/// The part of the region between the remaining pads must be written.
unsafe fn reflect_step<T: PadElement>(
    c: &Canvas<T>,
    roi: &Roi,
    (mut left, mut right): (usize, usize),
    odd: bool,
    period: usize,
    include_edge: bool,
) -> (usize, usize) {
    let len = roi.shape[roi.axis];
    let old = len - right - left;
    let (old, edge_offset) =
        if include_edge { (old / period * period, 1) } else { ((old - 1) / (period - 1) * (period - 1), 0) };
    let whole = || {
        // SAFETY: only the written span between the pads is read through this view.
        unsafe { c.view(&roi.start, &roi.shape) }
    };
    if left > 0 {
        let chunk = old.min(left);
        let stop = left - edge_offset;
        let src = reversed(along(&whole(), roi.axis, stop + 1, chunk), roi.axis);
        let (s, _) = roi.part(left - chunk, chunk);
        // SAFETY: the source lies in the written span; the destination is pad.
        unsafe {
            if odd {
                let edge = along(&whole(), roi.axis, left, 1);
                let edge = edge.broadcast_to(src.shape()).expect("a length-one axis broadcasts");
                c.write_zip(&s, &edge, &src, T::reflect_odd);
            } else {
                c.write(&s, &src);
            }
        }
        left -= chunk;
    }
    if right > 0 {
        let chunk = old.min(right);
        let start = len - right + edge_offset - 2;
        let src = reversed(along(&whole(), roi.axis, start + 1 - chunk, chunk), roi.axis);
        let (s, _) = roi.part(len - right, chunk);
        // SAFETY: as above.
        unsafe {
            if odd {
                let edge = along(&whole(), roi.axis, len - right - 1, 1);
                let edge = edge.broadcast_to(src.shape()).expect("a length-one axis broadcasts");
                c.write_zip(&s, &edge, &src, T::reflect_odd);
            } else {
                c.write(&s, &src);
            }
        }
        right -= chunk;
    }
    (left, right)
}

/// One step of NumPy's `_set_wrap_both`.
///
/// # Safety
/// The part of the region between the remaining pads must be written.
unsafe fn wrap_step<T: Element>(
    c: &Canvas<T>,
    roi: &Roi,
    (left, right): (usize, usize),
    original: usize,
) -> (usize, usize) {
    let len = roi.shape[roi.axis];
    let period = (len - right - left) / original * original;
    // SAFETY: only the written span between the pads is read through this view.
    let whole = unsafe { c.view(&roi.start, &roi.shape) };
    let (mut new_left, mut new_right) = (0, 0);
    if left > 0 {
        let end = left + period;
        let take = period.min(left);
        let src = along(&whole, roi.axis, end - take, take);
        let dest = if left > period {
            new_left = left - period;
            left - period
        } else {
            0
        };
        let (s, _) = roi.part(dest, take);
        // SAFETY: the source lies in the written span; the destination is pad.
        unsafe { c.write(&s, &src) };
    }
    if right > 0 {
        let start = len - right - period;
        let take = period.min(right);
        let src = along(&whole, roi.axis, start, take);
        if right > period {
            new_right = right - period;
        }
        let (s, _) = roi.part(len - right, take);
        // SAFETY: as above.
        unsafe { c.write(&s, &src) };
    }
    (new_left, new_right)
}
