//! The selection helpers NumPy documents beside sorting and searching: [`where_`] (the
//! three-argument `numpy.where`), [`choose`], [`place`] and [`putmask`] for typed arrays,
//! and their dynamic twins [`where_dyn`], [`choose_dyn`], [`place_dyn`], [`putmask_dyn`],
//! with [`nonzero_dyn`] (the one-argument `numpy.where`), [`flatnonzero_dyn`],
//! [`compress_dyn`] and [`extract_dyn`]. The typed `nonzero`, `flatnonzero`, `compress`
//! and `extract` are nprs-core's.
//!
//! A condition or mask of any dtype counts an element as true when NumPy's `bool()` does:
//! non-zero numbers (NaN included), non-empty strings. Dynamic results follow NumPy's
//! promotion: the dtype of `where(c, x, y)` and of `choose` is `result_type` of the
//! values, Rust scalars taking part as NEP 50 weak scalars (`where(c, int8_array, 300)` is
//! `int8`, the scalar converted as NumPy converts it).
//!
//! ```
//! use nprs_core::prelude::*;
//! use nprs_core::DynArray;
//! use nprs_ufunc::{where_, where_dyn};
//! let c = array![true, false, true];
//! assert_eq!(where_(&c, &array![1, 2, 3], &array![-1])?.to_vec(), vec![1, -1, 3]);
//! let r = where_dyn(&DynArray::from(c), &DynArray::from(array![1i8, 2, 3]), 2.5)?;
//! assert_eq!(r.typed::<f64>()?.to_vec(), vec![1.0, 2.5, 3.0]);
//! # Ok::<(), nprs_core::Error>(())
//! ```

use nprs_core::dims::broadcast_operands;
use nprs_core::dynarray::{DynBase, DynData, DynDataMut, DynView, Operand};
use nprs_core::kernel::{Data, DataMut, FpFlags, LoopFn, LoopSpec, run_loop};
use nprs_core::{
    Array, ArrayBase, Cast, Casting, ClipMode, DType, Descr, DynArray, Element, Error, Result, Scalar, TypeArg,
    UfuncOptions, broadcast_shapes, can_cast, result_type,
};

use crate::dispatch::with_numeric;

/// NumPy's limit on the arrays `choose` takes (the index array included).
const MAX_ARGS: usize = 64;

/// NumPy's `mode=` of `choose`, `take` and `put`: exactly `'raise'`, `'wrap'` or `'clip'`.
///
/// # Errors
/// NumPy's messages: "Use one of 'clip', 'raise', or 'wrap' for clip mode" for a name
/// that starts like one of them, "clipmode must be one of 'clip', 'raise', or 'wrap' (got
/// 'x')" for any other.
///
/// ```
/// use nprs_core::ClipMode;
/// assert_eq!(nprs_ufunc::clip_mode("wrap")?, ClipMode::Wrap);
/// assert!(nprs_ufunc::clip_mode("w").is_err());
/// # Ok::<(), nprs_core::Error>(())
/// ```
pub fn clip_mode(s: &str) -> Result<ClipMode> {
    match s {
        "raise" => Ok(ClipMode::Raise),
        "wrap" => Ok(ClipMode::Wrap),
        "clip" => Ok(ClipMode::Clip),
        _ if s.chars().next().is_some_and(|c| matches!(c.to_ascii_lowercase(), 'c' | 'r' | 'w')) => {
            Err(Error::ClipModePrefix)
        }
        _ => Err(Error::ClipModeName { got: s.to_string() }),
    }
}

/// `numpy.where(condition, x, y)`: the elements of `x` where `condition` is true (non-zero),
/// of `y` elsewhere, all three broadcast together. The one-argument `numpy.where(a)` is
/// [`nonzero`](nprs_core::nonzero).
///
/// # Errors
/// "operands could not be broadcast together with shapes (2,) (3,) () ".
///
/// ```
/// use nprs_core::prelude::*;
/// let a = Array::<i64>::arange(6).into_shape(&[2, 3])?;
/// let big = nprs_core::kernel::map(&a, |x| x > 2);
/// let r = nprs_ufunc::where_(&big, &a, &Array::from_elem_0d(-1))?;
/// assert_eq!(r.to_vec(), vec![-1, -1, -1, 3, 4, 5]);
/// # Ok::<(), nprs_core::Error>(())
/// ```
#[doc(alias = "where")]
pub fn where_<C: Data, S: Data, S2: Data<Elem = S::Elem>>(
    condition: &ArrayBase<C>,
    x: &ArrayBase<S>,
    y: &ArrayBase<S2>,
) -> Result<Array<S::Elem>>
where
    C::Elem: Cast,
    S::Elem: Cast,
{
    let r = where_run::<S::Elem>(
        (&DynView::from(condition.view())).into(),
        (&DynView::from(x.view())).into(),
        (&DynView::from(y.view())).into(),
    )?;
    r.into_typed()
}

/// A scalar operand as a 0-d array of `dt` (`None` for an array).
fn scalar_as(op: &Operand<'_>, dt: &Descr) -> Result<Option<DynArray>> {
    match op {
        Operand::Scalar(_) => operand_as(op, dt).map(Some),
        Operand::Array(_) => Ok(None),
    }
}

/// `op` again: its array, or the scalar's stand-in `held`.
fn reborrow<'a>(op: &'a Operand<'_>, held: Option<&'a DynArray>) -> Operand<'a> {
    match (held, op) {
        (Some(a), _) => Operand::from(a),
        (None, Operand::Array(v)) => Operand::Array(v.reborrow()),
        (None, Operand::Scalar(s)) => Operand::Scalar(s.clone()),
    }
}

/// `where` as one run of [`where_loop`] over the engine: the three operands broadcast
/// together, the condition cast to bool (NumPy's truth value) and `x` and `y` to `T` a
/// buffer at a time where their dtypes differ, the work split over threads.
fn where_run<T: Element + Cast>(c: Operand<'_>, x: Operand<'_>, y: Operand<'_>) -> Result<DynArray> {
    let dtypes = [DType::Bool, T::DTYPE, T::DTYPE, T::DTYPE];
    let spec = LoopSpec {
        name: "where",
        nin: 3,
        dtypes: &dtypes,
        func: where_loop::<T> as LoopFn,
        report_fp: false,
        writes_uninit: true,
    };
    let mut r = run_loop(&spec, &[c, x, y], UfuncOptions::new().casting(Casting::Unsafe))?;
    Ok(r.swap_remove(0).expect("a new output"))
}

/// The loop of `where`: `args = [condition (bool), x, y, out]`.
///
/// # Safety
/// [`LoopFn`]'s contract for the dtypes `[bool, T, T, T]`.
#[allow(unsafe_code)]
unsafe fn where_loop<T: Element>(args: &[*mut u8], strides: &[isize], len: usize) -> FpFlags {
    let w = size_of::<T>() as isize;
    let (c, x, y, o) =
        (args[0].cast_const(), args[1].cast_const().cast::<T>(), args[2].cast_const().cast::<T>(), args[3].cast::<T>());
    // SAFETY: `len` elements at these strides for every operand (the contract); bools are
    // bytes holding 0 or 1.
    unsafe {
        if strides == [1, w, w, w] {
            let (c, x, y) = (
                std::slice::from_raw_parts(c, len),
                std::slice::from_raw_parts(x, len),
                std::slice::from_raw_parts(y, len),
            );
            let o = std::slice::from_raw_parts_mut(o.cast::<std::mem::MaybeUninit<T>>(), len);
            for (((o, &c), &x), &y) in o.iter_mut().zip(c).zip(x).zip(y) {
                o.write(if c != 0 { x } else { y });
            }
        } else {
            let (sc, sx, sy, so) = (strides[0], strides[1] / w, strides[2] / w, strides[3] / w);
            for i in 0..len as isize {
                let v = if *c.offset(i * sc) != 0 { *x.offset(i * sx) } else { *y.offset(i * sy) };
                o.offset(i * so).write(v);
            }
        }
    }
    FpFlags::NONE
}

/// `numpy.choose(a, choices, mode)`: for each element of the integer array `a`, the element
/// at the same place of `choices[a]`, everything broadcast together. `mode` treats indices
/// outside `0..choices.len()`: an error (`Raise`), modulo the count (`Wrap`), or clipped
/// (`Clip`). `a` may be bool or any integer dtype that casts safely to `int64`.
///
/// # Errors
/// "invalid entry in choice array"; "0-length sequence." for no choices; "Need at least 0
/// and at most 64 array objects." for more than 63; NumPy's broadcast message ("shape
/// mismatch: objects cannot be broadcast to a single shape.  Mismatch is between arg 0 …",
/// choices first, `a` last); `TypeError` for `uint64` indices.
///
/// ```
/// use nprs_core::prelude::*;
/// use nprs_core::ClipMode;
/// let choices = [array![0, 1, 2], array![10, 11, 12], array![20, 21, 22]];
/// let r = nprs_ufunc::choose(&array![2, 0, 1], &choices, ClipMode::Raise)?;
/// assert_eq!(r.to_vec(), vec![20, 1, 12]);
/// # Ok::<(), nprs_core::Error>(())
/// ```
pub fn choose<SA: Data, S: Data>(a: &ArrayBase<SA>, choices: &[ArrayBase<S>], mode: ClipMode) -> Result<Array<S::Elem>>
where
    SA::Elem: Cast,
{
    check_choose_index(&Descr::from(SA::Elem::DTYPE))?;
    check_choice_count(choices.len())?;
    let mut shapes: Vec<&[usize]> = choices.iter().map(|c| c.shape()).collect();
    shapes.push(a.shape());
    let shape = broadcast_shapes(&shapes)?;
    let av = a.broadcast_to(&shape)?;
    let views: Vec<_> = choices.iter().map(|c| c.broadcast_to(&shape)).collect::<Result<_>>()?;
    let mut iters: Vec<_> = views.iter().map(|v| v.iter()).collect();
    let n = choices.len();
    let mut out = Vec::with_capacity(av.size());
    for i in av.iter() {
        let k = choice_index(i.to_i64_wrapping(), n, mode)?;
        let mut pick = None;
        for (j, it) in iters.iter_mut().enumerate() {
            let v = it.next();
            if j == k {
                pick = v;
            }
        }
        out.push(pick.ok_or(Error::ChoiceIndex)?);
    }
    Array::from_shape_vec(&shape, out)
}

/// The index dtype must cast safely to `int64` (NumPy's intp).
fn check_choose_index(d: &Descr) -> Result<()> {
    let to = Descr::from(DType::Int64);
    if can_cast(d, &to, Casting::Safe) {
        Ok(())
    } else {
        Err(Error::CastForbidden { from: d.clone(), to, casting: Casting::Safe })
    }
}

fn check_choice_count(n: usize) -> Result<()> {
    if n == 0 {
        return Err(Error::EmptySequence);
    }
    if n + 1 > MAX_ARGS {
        return Err(Error::TooManyArrays { max: MAX_ARGS });
    }
    Ok(())
}

/// The choice an index picks under `mode`.
fn choice_index(i: i64, n: usize, mode: ClipMode) -> Result<usize> {
    let n = n as i64;
    let k = match mode {
        ClipMode::Raise if (0..n).contains(&i) => i,
        ClipMode::Raise => return Err(Error::ChoiceIndex),
        ClipMode::Wrap => i.rem_euclid(n),
        ClipMode::Clip => i.clamp(0, n - 1),
    };
    Ok(k as usize)
}

/// `numpy.place(arr, mask, vals)`: writes `vals` in order, repeating them as needed, into
/// the elements of `arr` where `mask` is true (both taken in C order; `mask` must have as
/// many elements as `arr`, whatever its shape).
///
/// # Errors
/// "place: mask and data must be the same size"; "Cannot insert from an empty array!" when
/// `vals` is empty and `mask` has a true element.
///
/// ```
/// use nprs_core::prelude::*;
/// let mut a = Array::<i64>::arange(6);
/// let m = nprs_core::kernel::map(&a, |x| x > 2);
/// nprs_ufunc::place(&mut a, &m, &array![10, 20])?;
/// assert_eq!(a.to_vec(), vec![0, 1, 2, 10, 20, 10]);
/// # Ok::<(), nprs_core::Error>(())
/// ```
pub fn place<S: DataMut, M: Data, V: Data<Elem = S::Elem>>(
    arr: &mut ArrayBase<S>,
    mask: &ArrayBase<M>,
    vals: &ArrayBase<V>,
) -> Result<()> {
    if mask.size() != arr.size() {
        return Err(Error::MaskSize { func: "place" });
    }
    let zero = M::Elem::zero();
    let vals = vals.to_vec();
    if vals.is_empty() {
        return if mask.iter().any(|m| m != zero) { Err(Error::EmptyInsert) } else { Ok(()) };
    }
    let mut k = 0usize;
    for (d, m) in arr.iter_mut().zip(mask.iter()) {
        if m != zero {
            *d = vals[k];
            k = (k + 1) % vals.len();
        }
    }
    Ok(())
}

/// `numpy.putmask(a, mask, values)`: sets the element at flat (C-order) position `i` of
/// `a` to `values[i % values.len()]` wherever `mask` is true. `mask` must have as many
/// elements as `a`; empty `values` change nothing.
///
/// # Errors
/// "putmask: mask and data must be the same size".
///
/// ```
/// use nprs_core::prelude::*;
/// let mut a = Array::<i64>::arange(6);
/// let m = nprs_core::kernel::map(&a, |x| x > 2);
/// nprs_ufunc::putmask(&mut a, &m, &array![10, 20])?;
/// assert_eq!(a.to_vec(), vec![0, 1, 2, 20, 10, 20]);
/// # Ok::<(), nprs_core::Error>(())
/// ```
pub fn putmask<S: DataMut, M: Data, V: Data<Elem = S::Elem>>(
    a: &mut ArrayBase<S>,
    mask: &ArrayBase<M>,
    values: &ArrayBase<V>,
) -> Result<()> {
    if mask.size() != a.size() {
        return Err(Error::MaskSize { func: "putmask" });
    }
    let zero = M::Elem::zero();
    let vals = values.to_vec();
    if vals.is_empty() {
        return Ok(());
    }
    for (i, (d, m)) in a.iter_mut().zip(mask.iter()).enumerate() {
        if m != zero {
            *d = vals[i % vals.len()];
        }
    }
    Ok(())
}

// ---- dynamic arrays ----

/// The dtype NumPy gives an operand on its own, and its NEP 50 type argument.
fn type_arg(op: &Operand<'_>) -> TypeArg {
    match op {
        Operand::Array(a) => TypeArg::DType(a.dtype().clone()),
        Operand::Scalar(s) => TypeArg::of_scalar(s),
    }
}

/// An operand as an array of `dt`: arrays cast (their dtype promotes to `dt`), scalars
/// made in their own dtype first and then cast as NumPy casts a weak scalar's value
/// (`300` into `int8` wraps to `44`, `1e300` into `float16` is `inf`).
fn operand_as(op: &Operand<'_>, dt: &Descr) -> Result<DynArray> {
    match op {
        Operand::Array(a) => a.astype(dt),
        Operand::Scalar(s) => {
            let own = match (TypeArg::of_scalar(s), s) {
                (TypeArg::Bool, _) => Descr::from(DType::Bool),
                (TypeArg::Int, Scalar::Int(i)) if i64::try_from(*i).is_err() => Descr::from(DType::UInt64),
                (TypeArg::Int, _) => Descr::from(DType::Int64),
                (TypeArg::Float, _) => Descr::from(DType::Float64),
                (TypeArg::Complex, _) => Descr::from(DType::Complex128),
                (TypeArg::DType(d), _) => d,
            };
            DynArray::from_scalars(&[], &own, std::slice::from_ref(s))?.astype(dt)
        }
    }
}

fn operand_shape<'s>(op: &'s Operand<'_>) -> &'s [usize] {
    match op {
        Operand::Array(a) => a.shape(),
        Operand::Scalar(_) => &[],
    }
}

/// NumPy's truth value of every element (`a.astype(bool)`), in C order.
fn truth<S: DynData>(a: &DynBase<S>) -> Result<Array<bool>> {
    a.astype(&Descr::from(DType::Bool))?.to_typed::<bool>()
}

/// The elements of `a` broadcast to `shape`, as C-order bytes.
fn broadcast_bytes<S: DynData>(a: &DynBase<S>, shape: &[usize]) -> Result<Vec<u8>> {
    Ok(a.broadcast_to(shape)?.to_owned_order(nprs_core::Order::C).to_bytes())
}

/// `numpy.where(condition, x, y)` for dynamic arrays and scalars: the result's dtype is
/// `result_type(x, y)` (NEP 50: Rust scalars are weak), of any dtype — numbers, strings,
/// datetimes, records.
///
/// # Errors
/// NumPy's broadcast message; `DTypePromotionError` when `x` and `y` have no common dtype
/// ("The DType <class 'numpy.dtypes.StrDType'> could not be promoted by …").
///
/// ```
/// use nprs_core::prelude::*;
/// use nprs_core::DynArray;
/// let c = DynArray::from(array![true, false]);
/// let r = nprs_ufunc::where_dyn(&c, &DynArray::from(array![1u8, 2]), -1)?;
/// assert_eq!(r.typed::<u8>()?.to_vec(), vec![1, 255]);
/// # Ok::<(), nprs_core::Error>(())
/// ```
#[doc(alias = "where")]
pub fn where_dyn<'a, 'b, S: DynData>(
    condition: &DynBase<S>,
    x: impl Into<Operand<'a>>,
    y: impl Into<Operand<'b>>,
) -> Result<DynArray> {
    let (x, y) = (x.into(), y.into());
    let shape = broadcast_operands(&[condition.shape(), operand_shape(&x), operand_shape(&y)])?;
    let dt = result_type(&[type_arg(&x), type_arg(&y)])?;
    if let (Some(t), Some(_)) = (dt.numeric(), condition.dtype().numeric()) {
        // Arrays go to the loop as they are (cast a buffer at a time); a scalar is made an
        // element of the result dtype first, as NumPy converts it.
        let (xs, ys) = (scalar_as(&x, &dt)?, scalar_as(&y, &dt)?);
        let c = DynView::from(condition.view());
        return with_numeric!(t, T => where_run::<T>((&c).into(), reborrow(&x, xs.as_ref()), reborrow(&y, ys.as_ref())));
    }
    let (xa, ya) = (operand_as(&x, &dt)?, operand_as(&y, &dt)?);
    let c = truth(condition)?;
    let c = c.broadcast_to(&shape)?;
    let (xb, yb) = (broadcast_bytes(&xa, &shape)?, broadcast_bytes(&ya, &shape)?);
    let w = dt.itemsize();
    let mut out = Vec::with_capacity(xb.len());
    for (i, t) in c.iter().enumerate() {
        out.extend_from_slice(if t { &xb[i * w..(i + 1) * w] } else { &yb[i * w..(i + 1) * w] });
    }
    DynArray::from_bytes(&out, &dt, &shape)
}

/// `numpy.choose(a, choices, mode)` for dynamic arrays and scalars: the result's dtype is
/// `result_type` of the choices (scalars weak), of any dtype.
///
/// # Errors
/// As [`choose`]; `TypeError` for an index array that does not cast safely to `int64`
/// ("Cannot cast array data from dtype('float64') to dtype('int64') according to the rule
/// 'safe'").
///
/// ```
/// use nprs_core::prelude::*;
/// use nprs_core::{ClipMode, DynArray};
/// use nprs_core::dynarray::Operand;
/// let a = DynArray::from(array![0i64, 1, 1]);
/// let first = DynArray::from(array![1.5f32, 2.5, 3.5]);
/// let choices = [Operand::from(&first), Operand::from(7)];
/// let r = nprs_ufunc::choose_dyn(&a, &choices, ClipMode::Raise)?;
/// assert_eq!(r.typed::<f32>()?.to_vec(), vec![1.5, 7.0, 7.0]);
/// # Ok::<(), nprs_core::Error>(())
/// ```
pub fn choose_dyn<S: DynData>(a: &DynBase<S>, choices: &[Operand<'_>], mode: ClipMode) -> Result<DynArray> {
    check_choose_index(a.dtype())?;
    check_choice_count(choices.len())?;
    let dt = result_type(&choices.iter().map(type_arg).collect::<Vec<_>>())?;
    let arrays: Vec<DynArray> = choices.iter().map(|c| operand_as(c, &dt)).collect::<Result<_>>()?;
    let idx = a.astype(&Descr::from(DType::Int64))?.to_typed::<i64>()?;
    if let Some(t) = dt.numeric() {
        return with_numeric!(t, T => {
            let views = arrays.iter().map(|c| c.typed::<T>()).collect::<Result<Vec<_>>>()?;
            Ok(DynArray::from(choose(&idx, &views, mode)?))
        });
    }
    let mut shapes: Vec<&[usize]> = arrays.iter().map(|c| c.shape()).collect();
    shapes.push(idx.shape());
    let shape = broadcast_shapes(&shapes)?;
    let bytes: Vec<Vec<u8>> = arrays.iter().map(|c| broadcast_bytes(c, &shape)).collect::<Result<_>>()?;
    let w = dt.itemsize();
    let iv = idx.broadcast_to(&shape)?;
    let mut out = Vec::with_capacity(iv.size() * w);
    for (p, i) in iv.iter().enumerate() {
        let k = choice_index(i, arrays.len(), mode)?;
        out.extend_from_slice(&bytes[k][p * w..(p + 1) * w]);
    }
    DynArray::from_bytes(&out, &dt, &shape)
}

/// Values for `place`/`putmask` in `a`'s dtype: arrays must cast safely, scalars convert
/// as an assignment does (`1.5` into an integer array is `1`; `300` into `int8` is
/// NumPy's `OverflowError`).
fn values_as(values: &Operand<'_>, dt: &Descr) -> Result<DynArray> {
    match values {
        Operand::Array(v) => {
            if !can_cast(v.dtype(), dt, Casting::Safe) {
                return Err(Error::CastForbidden { from: v.dtype().clone(), to: dt.clone(), casting: Casting::Safe });
            }
            v.astype(dt)
        }
        Operand::Scalar(s) => DynArray::from_scalars(&[1], dt, std::slice::from_ref(s)),
    }
}

/// Rewrites `a` (in C order, as bytes) through `edit`, then stores the result back.
fn rewrite<S: DynDataMut>(a: &mut DynBase<S>, edit: impl FnOnce(&mut [u8], usize) -> Result<()>) -> Result<()> {
    let dt = a.dtype().clone();
    let mut bytes = a.to_owned_order(nprs_core::Order::C).to_bytes();
    edit(&mut bytes, dt.itemsize())?;
    let new = DynArray::from_bytes(&bytes, &dt, a.shape())?;
    a.assign(&new)
}

/// `numpy.place(arr, mask, vals)` for dynamic arrays of any dtype (see [`place`]).
///
/// # Errors
/// As [`place`]; `TypeError` when `vals` is an array that does not cast safely to `arr`'s
/// dtype; conversion errors of a scalar.
pub fn place_dyn<'v, S: DynDataMut, M: DynData>(
    arr: &mut DynBase<S>,
    mask: &DynBase<M>,
    vals: impl Into<Operand<'v>>,
) -> Result<()> {
    if mask.size() != arr.size() {
        return Err(Error::MaskSize { func: "place" });
    }
    let m = truth(mask)?.to_vec();
    let v = values_as(&vals.into(), arr.dtype())?.to_owned_order(nprs_core::Order::C).to_bytes();
    if v.is_empty() {
        return if m.contains(&true) { Err(Error::EmptyInsert) } else { Ok(()) };
    }
    rewrite(arr, |bytes, w| {
        let nv = v.len() / w.max(1);
        let mut k = 0usize;
        for (i, _) in m.iter().enumerate().filter(|(_, t)| **t) {
            bytes[i * w..(i + 1) * w].copy_from_slice(&v[k * w..(k + 1) * w]);
            k = (k + 1) % nv;
        }
        Ok(())
    })
}

/// `numpy.putmask(a, mask, values)` for dynamic arrays of any dtype (see [`putmask`]).
///
/// # Errors
/// As [`putmask`]; `TypeError` when `values` is an array that does not cast safely to
/// `a`'s dtype; conversion errors of a scalar.
pub fn putmask_dyn<'v, S: DynDataMut, M: DynData>(
    a: &mut DynBase<S>,
    mask: &DynBase<M>,
    values: impl Into<Operand<'v>>,
) -> Result<()> {
    if mask.size() != a.size() {
        return Err(Error::MaskSize { func: "putmask" });
    }
    let m = truth(mask)?.to_vec();
    let v = values_as(&values.into(), a.dtype())?.to_owned_order(nprs_core::Order::C).to_bytes();
    if v.is_empty() {
        return Ok(());
    }
    rewrite(a, |bytes, w| {
        let nv = v.len() / w.max(1);
        for (i, _) in m.iter().enumerate().filter(|(_, t)| **t) {
            let k = i % nv;
            bytes[i * w..(i + 1) * w].copy_from_slice(&v[k * w..(k + 1) * w]);
        }
        Ok(())
    })
}

/// `numpy.nonzero(a)` (and the one-argument `numpy.where(a)`) for a dynamic array of any
/// dtype: per axis, the indices of the true elements.
///
/// # Errors
/// On a 0-d array, NumPy's "Calling nonzero on 0d arrays is not allowed. …".
pub fn nonzero_dyn<S: DynData>(a: &DynBase<S>) -> Result<Vec<Array<i64>>> {
    if a.ndim() == 0 {
        return Err(Error::NonzeroZeroDim);
    }
    nprs_core::nonzero(&truth(a)?)
}

/// `numpy.flatnonzero(a)` for a dynamic array of any dtype.
///
/// # Errors
/// A dtype without a truth value.
pub fn flatnonzero_dyn<S: DynData>(a: &DynBase<S>) -> Result<Array<i64>> {
    Ok(nprs_core::flatnonzero(&truth(a)?))
}

/// The flat positions of the true elements of `condition`, as `take` indices.
fn positions<S: DynData>(condition: &DynBase<S>) -> Result<Vec<isize>> {
    Ok(flatnonzero_dyn(condition)?.iter().map(|i| i as isize).collect())
}

/// `numpy.compress(condition, a, axis)` for dynamic arrays of any dtype (see
/// [`compress`](nprs_core::compress)).
///
/// # Errors
/// "condition must be a 1-d array"; NumPy's `AxisError`; `IndexError` for a true entry
/// past the axis.
pub fn compress_dyn<C: DynData, S: DynData>(
    condition: &DynBase<C>,
    a: &DynBase<S>,
    axis: Option<isize>,
) -> Result<DynArray> {
    if condition.ndim() != 1 {
        return Err(Error::ConditionNdim);
    }
    a.take(&positions(condition)?, axis)
}

/// `numpy.extract(condition, arr)` for dynamic arrays of any dtype (see
/// [`extract`](nprs_core::extract)).
///
/// # Errors
/// `IndexError` when `condition` has a true entry past the end of `arr`.
pub fn extract_dyn<C: DynData, S: DynData>(condition: &DynBase<C>, arr: &DynBase<S>) -> Result<DynArray> {
    arr.take(&positions(condition)?, None)
}
