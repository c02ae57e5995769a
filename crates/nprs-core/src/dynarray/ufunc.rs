//! Binary operations through the buffered loop, with NumPy's `out=`, `dtype=`,
//! `casting=` and `where=`.
//!
//! The loop's dtype comes from promotion (or `dtype=`); operands of another dtype are
//! converted a buffer at a time inside the loop (NumPy's 8,192 elements), never whole; an
//! output of another dtype is written through a buffer; a `where=` mask leaves the output
//! untouched where it is false. An input that overlaps `out` other than element for element
//! is copied first, as NumPy does. Floating-point conditions are merged once per call and
//! handled by the thread's [`errstate`](crate::fpstatus::errstate) policy.
//!
//! ```
//! use nprs_core::prelude::*;
//! use nprs_core::{Casting, DynArray, DynViewMut, UfuncOptions};
//! use nprs_core::dynarray::{BinaryOp, binary_out};
//!
//! let a = array![1i32, 2, 3];
//! let b = DynArray::from(array![0.5f64, 0.5, 0.5]);
//! // Into an existing float32 output, only where the mask is true.
//! let mut out = array![-1.0f32, -1.0, -1.0];
//! let mask = DynArray::from(array![true, false, true]);
//! let opts = UfuncOptions::new().where_mask(&mask);
//! binary_out(BinaryOp::Add, &a, &b, &mut DynViewMut::from(out.view_mut()), &opts).unwrap();
//! assert_eq!(out.to_vec(), vec![1.5, -1.0, 3.5]);
//! // An int32 output cannot hold float64 results under 'same_kind'.
//! let mut ints = array![0i32, 0, 0];
//! let e = binary_out(BinaryOp::Add, &a, &b, &mut DynViewMut::from(ints.view_mut()), &UfuncOptions::new());
//! assert_eq!(
//!     e.unwrap_err().to_string(),
//!     "Cannot cast ufunc 'add' output from dtype('float64') to dtype('int32') with casting rule 'same_kind'"
//! );
//! ```
#![allow(unsafe_code)] // operand pointers for the buffered loop; each block says why it holds

use super::arith::{BinaryOp, CompareOp, NpOrd, Operand, binary, no_loop};
use super::dispatch::{cast_fn, with_numeric};
use super::{DynArray, DynBase, DynData, DynDataMut, DynView, DynViewMut};
use crate::array::Array;
use crate::buffered::{self, Arg, LoopFn};
use crate::dims::{self, Strides};
use crate::dtype::{DType, Descr, Element};
use crate::error::{Error, Result};
use crate::fpstatus::{self, FpFlags};
use crate::ops::{ElemAdd, ElemDiv, ElemMul, ElemRem, ElemSub};
use crate::promote::{Casting, can_cast, cast_error, result_type};
use crate::scalar::Scalar;

/// Options of an elementwise call: NumPy's `dtype=`, `casting=` and `where=` (`out=` is
/// the output argument of [`binary_out`]).
pub struct UfuncOptions<'w> {
    dtype: Option<Descr>,
    casting: Casting,
    mask: Option<DynView<'w>>,
}

impl Default for UfuncOptions<'_> {
    /// No `dtype`, `casting='same_kind'`, no mask: NumPy's defaults.
    fn default() -> Self {
        UfuncOptions { dtype: None, casting: Casting::SameKind, mask: None }
    }
}

impl<'w> UfuncOptions<'w> {
    /// NumPy's defaults.
    #[must_use]
    pub fn new() -> Self {
        Self::default()
    }

    /// The dtype the loop computes in (`dtype=`): inputs are converted to it, as the
    /// casting rule allows.
    #[must_use]
    pub fn dtype(mut self, dtype: impl Into<Descr>) -> Self {
        self.dtype = Some(dtype.into());
        self
    }

    /// The casting rule for inputs (with `dtype=`) and the output (`casting=`;
    /// `'same_kind'` by default).
    #[must_use]
    pub fn casting(mut self, casting: Casting) -> Self {
        self.casting = casting;
        self
    }

    /// A bool mask broadcast to the operands (`where=`): the output is computed where it is
    /// true and left as it was elsewhere (a new result starts as zeros there, where NumPy
    /// leaves memory uninitialised).
    #[must_use]
    pub fn where_mask<S: DynData>(mut self, mask: &'w DynBase<S>) -> Self {
        self.mask = Some(mask.view());
        self
    }
}

/// `op(a, b)` with options, in a new array.
///
/// ```
/// use nprs_core::prelude::*;
/// use nprs_core::{DynArray, UfuncOptions};
/// use nprs_core::dynarray::{BinaryOp, binary_with};
/// let a = DynArray::from(array![1i32, 2]);
/// let r = binary_with(BinaryOp::Multiply, &a, 1.5f64, &UfuncOptions::new().dtype(DType::Float32)).unwrap();
/// assert_eq!(r.typed::<f32>().unwrap().to_vec(), vec![1.5, 3.0]);
/// ```
///
/// # Errors
/// As [`binary`]; [`Error::UFuncCast`] when `dtype=` needs a cast the casting rule refuses;
/// a mask that is not bool or does not broadcast.
pub fn binary_with<'a, 'b>(
    op: BinaryOp,
    a: impl Into<Operand<'a>>,
    b: impl Into<Operand<'b>>,
    opts: &UfuncOptions<'_>,
) -> Result<DynArray> {
    let (a, b) = (a.into(), b.into());
    if opts.dtype.is_none() && opts.mask.is_none() {
        return binary(op, a, b);
    }
    let (rt, pinned) = loop_dtype(op, &a, &b, opts)?;
    let r = execute(op, &a, &b, rt, rt, opts, pinned, None)?;
    Ok(r.expect("a call without `out` returns its result"))
}

/// `op(a, b)` written into `out` (`out=`), converting to `out`'s dtype as the casting rule
/// allows.
///
/// # Errors
/// As [`binary_with`]; [`Error::UFuncCast`] when the result cannot be cast to `out`'s dtype
/// under the rule; when the operands do not broadcast to `out`'s shape.
pub fn binary_out<'a, 'b, S: DynDataMut>(
    op: BinaryOp,
    a: impl Into<Operand<'a>>,
    b: impl Into<Operand<'b>>,
    out: &mut DynBase<S>,
    opts: &UfuncOptions<'_>,
) -> Result<()> {
    let (a, b) = (a.into(), b.into());
    let (rt, pinned) = loop_dtype(op, &a, &b, opts)?;
    execute(op, &a, &b, rt, rt, opts, pinned, Some(&mut out.view_mut()))?;
    Ok(())
}

/// The loop's dtype before the operation's own adjustments, and whether `dtype=` pinned it.
fn loop_dtype(op: BinaryOp, a: &Operand<'_>, b: &Operand<'_>, opts: &UfuncOptions<'_>) -> Result<(DType, bool)> {
    if !a.descr().is_numeric() || !b.descr().is_numeric() {
        return Err(no_loop(op.name(), a, b));
    }
    match &opts.dtype {
        Some(d) => Ok((d.numeric().ok_or_else(|| no_loop(op.name(), a, b))?, true)),
        None => {
            let r = result_type(&[a.type_arg(), b.type_arg()])?;
            Ok((r.numeric().ok_or_else(|| no_loop(op.name(), a, b))?, false))
        }
    }
}

fn same<T: Element>() -> DType {
    T::DTYPE
}

fn div_out<T: ElemDiv>() -> DType {
    <T::Output as Element>::DTYPE
}

macro_rules! plain_loops {
    ($($(#[$doc:meta])* $name:ident => $tr:ident :: $f:ident),*) => {$(
        $(#[$doc])*
        ///
        /// # Safety
        /// The buffered loop's kernel contract ([`LoopFn`]).
        unsafe fn $name<T: $tr>(p: [*mut u8; 3], s: [isize; 3], n: usize) -> FpFlags {
            // SAFETY: forwarded contract.
            unsafe { crate::zip::run_zip(p, s, n, &<T as $tr>::$f) };
            FpFlags::NONE
        }
    )*};
}
plain_loops!(
    /// `numpy.add`'s loop over one element type (floating-point conditions are the
    /// hardware's, read around the loop).
    add_loop => ElemAdd::add,
    /// `numpy.subtract`'s loop.
    sub_loop => ElemSub::sub,
    /// `numpy.multiply`'s loop.
    mul_loop => ElemMul::mul,
    /// `numpy.divide`'s loop.
    div_loop => ElemDiv::div
);

/// As [`add_loop`] for `remainder`; integer division by zero is reported as NumPy does.
///
/// # Safety
/// As [`add_loop`].
unsafe fn rem_loop<T: ElemRem>(p: [*mut u8; 3], s: [isize; 3], n: usize) -> FpFlags {
    // SAFETY: forwarded contract.
    unsafe {
        crate::zip::run_zip(p, s, n, &<T as ElemRem>::rem);
        zero_divisor::<T>(p[2], s[2], n)
    }
}

/// As [`add_loop`] for `floor_divide`; integer division by zero is reported as NumPy does.
///
/// # Safety
/// As [`add_loop`].
unsafe fn floor_div_loop<T: ElemRem>(p: [*mut u8; 3], s: [isize; 3], n: usize) -> FpFlags {
    // SAFETY: forwarded contract.
    unsafe {
        crate::zip::run_zip(p, s, n, &<T as ElemRem>::floor_div);
        zero_divisor::<T>(p[2], s[2], n)
    }
}

/// `DIVIDE` when an integer divisor among `n` elements at `b` is zero (the hardware sees
/// float divisions itself).
///
/// # Safety
/// `n` elements of `T` at `b` with byte stride `sb`.
pub(crate) unsafe fn zero_divisor<T: Element>(b: *const u8, sb: isize, n: usize) -> FpFlags {
    if !matches!(T::DTYPE.kind(), 'i' | 'u') {
        return FpFlags::NONE;
    }
    let b = b.cast::<T>();
    let st = sb / size_of::<T>() as isize;
    // SAFETY: the caller's contract.
    let any = (0..n as isize).any(|i| unsafe { *b.offset(i * st) } == T::zero());
    if any { FpFlags::DIVIDE } else { FpFlags::NONE }
}

macro_rules! loop_table {
    ($t:expr, $lp:ident, $out:ident, [$($v:ident => $ty:ty),*]) => {
        match $t {
            $(DType::$v => Some(($lp::<$ty> as LoopFn, $out::<$ty>())),)*
            #[allow(unreachable_patterns)]
            _ => None,
        }
    };
}

/// The kernel of `op` over `t` and its output dtype.
fn binary_loop(op: BinaryOp, t: DType) -> Option<(LoopFn, DType)> {
    use BinaryOp as B;
    match op {
        B::Add => loop_table!(t, add_loop, same, [Bool => bool, Int8 => i8, Int16 => i16, Int32 => i32,
            Int64 => i64, UInt8 => u8, UInt16 => u16, UInt32 => u32, UInt64 => u64, Float16 => crate::f16,
            Float32 => f32, Float64 => f64, Complex64 => crate::C64, Complex128 => crate::C128]),
        B::Multiply => loop_table!(t, mul_loop, same, [Bool => bool, Int8 => i8, Int16 => i16, Int32 => i32,
            Int64 => i64, UInt8 => u8, UInt16 => u16, UInt32 => u32, UInt64 => u64, Float16 => crate::f16,
            Float32 => f32, Float64 => f64, Complex64 => crate::C64, Complex128 => crate::C128]),
        B::Divide => loop_table!(t, div_loop, div_out, [Bool => bool, Int8 => i8, Int16 => i16, Int32 => i32,
            Int64 => i64, UInt8 => u8, UInt16 => u16, UInt32 => u32, UInt64 => u64, Float16 => crate::f16,
            Float32 => f32, Float64 => f64, Complex64 => crate::C64, Complex128 => crate::C128]),
        B::Subtract => loop_table!(t, sub_loop, same, [Int8 => i8, Int16 => i16, Int32 => i32, Int64 => i64,
            UInt8 => u8, UInt16 => u16, UInt32 => u32, UInt64 => u64, Float16 => crate::f16, Float32 => f32,
            Float64 => f64, Complex64 => crate::C64, Complex128 => crate::C128]),
        B::Remainder => loop_table!(t, rem_loop, same, [Int8 => i8, Int16 => i16, Int32 => i32, Int64 => i64,
            UInt8 => u8, UInt16 => u16, UInt32 => u32, UInt64 => u64, Float16 => crate::f16, Float32 => f32,
            Float64 => f64]),
        B::FloorDivide => loop_table!(t, floor_div_loop, same, [Int8 => i8, Int16 => i16, Int32 => i32,
            Int64 => i64, UInt8 => u8, UInt16 => u16, UInt32 => u32, UInt64 => u64, Float16 => crate::f16,
            Float32 => f32, Float64 => f64]),
    }
}

macro_rules! compare_loops {
    ($($name:ident => $op:ident),*) => {$(
        /// A comparison loop over one element type (NumPy's ordering: NaN unordered).
        ///
        /// # Safety
        /// As [`add_loop`].
        unsafe fn $name<T: NpOrd>(p: [*mut u8; 3], s: [isize; 3], n: usize) -> FpFlags {
            // SAFETY: forwarded contract.
            unsafe { crate::zip::run_zip(p, s, n, &|x: T, y: T| CompareOp::$op.holds(x.np_cmp(y))) };
            FpFlags::NONE
        }
    )*};
}
compare_loops!(eq_loop => Equal, ne_loop => NotEqual, lt_loop => Less, le_loop => LessEqual,
    gt_loop => Greater, ge_loop => GreaterEqual);

/// The loop of comparison `op` over numeric dtype `t` (the output is bool).
pub(super) fn compare_loop(op: CompareOp, t: DType) -> Resolved {
    let kernel = with_numeric!(t, T => match op {
        CompareOp::Equal => eq_loop::<T> as LoopFn,
        CompareOp::NotEqual => ne_loop::<T>,
        CompareOp::Less => lt_loop::<T>,
        CompareOp::LessEqual => le_loop::<T>,
        CompareOp::Greater => gt_loop::<T>,
        CompareOp::GreaterEqual => ge_loop::<T>,
    });
    Resolved { name: op.name(), compute: t, kernel, loop_out: DType::Bool, report_fp: false }
}

/// The dtype the kernel of `op` reads for a promoted dtype `rt` (bool `//` and `%` run on
/// int8), or NumPy's error for combinations without a loop.
fn compute_dtype(op: BinaryOp, rt: DType) -> Result<DType> {
    use BinaryOp as B;
    match (op, rt) {
        (B::Subtract, DType::Bool) => Err(Error::BoolSubtract),
        (B::Remainder | B::FloorDivide, DType::Bool) => Ok(DType::Int8),
        (B::Remainder | B::FloorDivide, DType::Complex64 | DType::Complex128) => {
            Err(Error::UFuncNotSupported { ufunc: op.name() })
        }
        _ => Ok(rt),
    }
}

/// The byte range `[lo, hi)` the elements of `shape`/`strides` (bytes) span from `ptr`.
fn extent(ptr: *const u8, shape: &[usize], strides: &[isize], item: usize) -> (usize, usize) {
    let p = ptr as usize;
    if shape.contains(&0) {
        return (p, p);
    }
    let (mut lo, mut hi) = (0isize, 0isize);
    for (&d, &s) in shape.iter().zip(strides) {
        let span = (d as isize - 1) * s;
        if span < 0 { lo += span } else { hi += span }
    }
    ((p as isize + lo) as usize, (p as isize + hi) as usize + item)
}

/// How an input that may share memory with the output must be read.
fn needs_copy(input: &DynView<'_>, in_strides: &[isize], out: &DynViewMut<'_>) -> bool {
    let (a0, a1) = extent(input.as_ptr(), out.shape(), in_strides, input.itemsize());
    let (o0, o1) = extent(out.as_ptr(), out.shape(), out.strides(), out.itemsize());
    let overlap = a0 < a1 && o0 < o1 && a0 < o1 && o0 < a1;
    // Reading and writing the same element at each position is safe: each element is read
    // before it is written. Anything else (a shifted or reordered alias) is copied first.
    let identical = input.as_ptr() == out.as_ptr() && in_strides == out.strides() && input.itemsize() == out.itemsize();
    overlap && !identical
}

/// The held copy of an operand, or the operand's own view.
fn held_or<'v>(held: &'v Option<DynArray>, o: &Operand<'v>) -> DynView<'v> {
    match (held, o) {
        (Some(h), _) => h.view(),
        (None, Operand::Array(v)) => v.reborrow(),
        (None, Operand::Scalar(_)) => unreachable!("scalars are held"),
    }
}

/// The copy made because of overlap, or the view itself.
fn copy_or<'v>(copy: &'v Option<DynArray>, v: &DynView<'v>) -> DynView<'v> {
    match copy {
        Some(c) => c.view(),
        None => v.reborrow(),
    }
}

/// The buffered binary loop behind every dynamic binary operation. `rt` is the promoted
/// (or pinned) dtype, `check` the dtype weak integers must fit; `pinned` when `dtype=`
/// chose `rt` (inputs are then checked against the casting rule).
pub(super) fn execute(
    op: BinaryOp,
    a: &Operand<'_>,
    b: &Operand<'_>,
    rt: DType,
    check: DType,
    opts: &UfuncOptions<'_>,
    pinned: bool,
    out: Option<&mut DynViewMut<'_>>,
) -> Result<Option<DynArray>> {
    let compute = compute_dtype(op, rt)?;
    let (kernel, loop_out) = binary_loop(op, compute).ok_or_else(|| no_loop(op.name(), a, b))?;
    let lp = Resolved { name: op.name(), compute, kernel, loop_out, report_fp: true };
    execute_loop(&lp, a, b, check, opts, pinned, out)
}

/// A loop chosen for a call: the ufunc's name, the dtype its kernel reads, the kernel, the
/// dtype it writes, and whether floating-point conditions are reported (comparisons
/// report none, as NumPy's quiet comparisons).
#[derive(Clone, Copy)]
pub(super) struct Resolved {
    pub(super) name: &'static str,
    pub(super) compute: DType,
    pub(super) kernel: LoopFn,
    pub(super) loop_out: DType,
    pub(super) report_fp: bool,
}

/// Runs a resolved loop over two operands (see [`execute`]).
pub(super) fn execute_loop(
    lp: &Resolved,
    a: &Operand<'_>,
    b: &Operand<'_>,
    check: DType,
    opts: &UfuncOptions<'_>,
    pinned: bool,
    out: Option<&mut DynViewMut<'_>>,
) -> Result<Option<DynArray>> {
    let Resolved { name, compute, kernel, loop_out, report_fp } = *lp;
    let compute_d: Descr = compute.into();
    // Inputs the loop can read in place (native, aligned numeric arrays), else held copies:
    // scalars as 0-d arrays of the loop's dtype, byte-swapped or unaligned arrays in native
    // order.
    let mut held: [Option<DynArray>; 2] = [None, None];
    for (i, o) in [a, b].into_iter().enumerate() {
        match o {
            Operand::Scalar(s) => {
                if let Scalar::Int(v) = s
                    && matches!(check.kind(), 'i' | 'u')
                {
                    super::value::check_int_bounds(*v, check)?;
                }
                held[i] = Some(DynArray::from_scalars(&[], &compute_d, std::slice::from_ref(s))?);
            }
            Operand::Array(v) => {
                if pinned && !can_cast(v.dtype(), &compute_d, opts.casting) {
                    return Err(Error::UFuncCast {
                        ufunc: name.into(),
                        input: Some(i),
                        from: v.dtype().clone(),
                        to: compute_d,
                        casting: opts.casting,
                    });
                }
                match v.dtype().numeric() {
                    Some(_) if v.dtype().is_native() && v.is_aligned() => {}
                    Some(t) => held[i] = Some(v.as_numeric(t)?.into_owned()),
                    None => held[i] = Some(v.as_numeric(compute)?.into_owned()),
                }
            }
        }
    }
    let (va, vb) = (held_or(&held[0], a), held_or(&held[1], b));
    let mut shape = dims::broadcast_operands(&[va.shape(), vb.shape()])?;
    if let Some(o) = out.as_deref() {
        let full = dims::broadcast_operands(&[va.shape(), vb.shape(), o.shape()])?;
        if full.as_slice() != o.shape() {
            return Err(Error::NonBroadcastableOutput { output: o.shape().to_vec(), broadcast: full.to_vec() });
        }
        shape = full;
        if !can_cast(&loop_out.into(), o.dtype(), opts.casting) {
            return Err(Error::UFuncCast {
                ufunc: name.into(),
                input: None,
                from: loop_out.into(),
                to: o.dtype().clone(),
                casting: opts.casting,
            });
        }
        if o.dtype().numeric().is_none() || !o.dtype().is_native() || !o.is_aligned() {
            return Err(Error::UFuncOutput { ufunc: name.to_string(), dtype: o.dtype().clone() });
        }
    }
    let bstrides = |v: &DynView<'_>| -> Result<Strides> {
        dims::broadcast_strides(v.shape(), v.strides(), &shape)
            .ok_or_else(|| Error::Broadcast { shapes: vec![va.shape().to_vec(), vb.shape().to_vec(), shape.to_vec()] })
    };
    let mask_bool = match &opts.mask {
        Some(m) if m.dtype().numeric() != Some(DType::Bool) => {
            return Err(cast_error(m.dtype(), &DType::Bool.into(), Casting::Safe));
        }
        Some(m) => Some(m.reborrow()),
        None => None,
    };
    // Inputs (and the mask) that overlap the output other than element for element are
    // read from copies, as NumPy does.
    let mut copies: [Option<DynArray>; 3] = [None, None, None];
    if let Some(o) = out.as_deref() {
        for (k, v) in [Some(&va), Some(&vb), mask_bool.as_ref()].into_iter().enumerate() {
            if let Some(v) = v
                && needs_copy(v, &bstrides(v)?, o)
            {
                copies[k] = Some(v.to_owned());
            }
        }
    }
    let (va, vb) = (copy_or(&copies[0], &va), copy_or(&copies[1], &vb));
    let mask = mask_bool.as_ref().map(|m| copy_or(&copies[2], m));
    let (sa, sb) = (bstrides(&va)?, bstrides(&vb)?);
    let sm = match &mask {
        Some(m) => Some(dims::broadcast_strides(m.shape(), m.strides(), &shape).ok_or_else(|| Error::Broadcast {
            shapes: vec![va.shape().to_vec(), vb.shape().to_vec(), m.shape().to_vec()],
        })?),
        None => None,
    };
    let cast_in = |v: &DynView<'_>| {
        let t = v.dtype().numeric().expect("numeric after the copies above");
        (t != compute).then(|| cast_fn(t, compute))
    };
    let run = |optr: *mut u8, ostrides: &[isize], ot: DType| -> FpFlags {
        let call = buffered::Binary {
            shape: &shape,
            out: Arg { ptr: optr, strides: ostrides, cast: (ot != loop_out).then(|| cast_fn(loop_out, ot)) },
            inputs: [
                Arg { ptr: va.as_ptr().cast_mut(), strides: &sa, cast: cast_in(&va) },
                Arg { ptr: vb.as_ptr().cast_mut(), strides: &sb, cast: cast_in(&vb) },
            ],
            mask: mask.as_ref().zip(sm.as_ref()).map(|(m, s)| (m.as_ptr(), s.as_slice())),
            kernel,
            in_size: compute.itemsize(),
            out_size: loop_out.itemsize(),
        };
        // SAFETY: the inputs and the mask are valid views broadcast to `shape` by their
        // strides, in the dtypes the casts and kernel read (native, aligned numeric, or
        // bool for the mask); the output is a writable array of `shape` whose dtype the
        // output cast writes, and it overlaps an input only element for element.
        unsafe { buffered::run_binary(&call) }
    };
    let (flags, result) = match out {
        Some(o) => {
            let ot = o.dtype().numeric().expect("checked numeric");
            let (ptr, strides) = (o.ptr.as_ptr(), o.strides.clone());
            (run(ptr, &strides, ot), None)
        }
        None if mask.is_some() => {
            let r = DynArray::zeros(&shape, &loop_out.into())?;
            let (ptr, strides) = (r.ptr.as_ptr(), r.strides.clone());
            (run(ptr, &strides, loop_out), Some(r))
        }
        None => {
            let elems = |v: &DynView<'_>| -> Strides {
                v.strides().iter().map(|&s| s / v.itemsize().max(1) as isize).collect()
            };
            let (ea, eb) = (elems(&va), elems(&vb));
            let order = crate::zip::result_order(&[(va.shape(), &ea), (vb.shape(), &eb)]);
            let item = loop_out.itemsize() as isize;
            let ostrides: Strides = dims::contiguous_strides(&shape, order).iter().map(|&s| s * item).collect();
            let mut flags = FpFlags::NONE;
            let r = with_numeric!(loop_out, T => {
                // SAFETY: without a mask the loop writes every element of the fresh buffer.
                let arr = unsafe {
                    Array::<T>::build_uninit(&shape, order, |buf| {
                        flags = run(buf.as_mut_ptr().cast(), &ostrides, loop_out);
                    })
                }?;
                DynArray::from(arr)
            });
            (flags, Some(r))
        }
    };
    if report_fp {
        fpstatus::check(flags, name)?;
    }
    Ok(result)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::array;

    /// Views of one buffer, made the way foreign memory comes in (by pointer), so that an
    /// output can overlap an input as it can in NumPy.
    fn alias(buf: &mut DynArray, lo: usize, len: usize) -> (DynView<'static>, DynViewMut<'static>) {
        let item = buf.itemsize();
        let p = buf.layout.ptr.as_ptr();
        let d = buf.dtype().clone();
        // SAFETY: `lo + len` and `1 - lo + len` are at most `buf.len()`: both views lie inside
        // the buffer, which outlives the test's use of them; the overlap is the point.
        unsafe {
            let at = |k: usize| std::ptr::NonNull::new_unchecked(p.add(k * item));
            (
                DynView::from_raw_parts(at(lo), &[len], &[item as isize], &d),
                DynViewMut::from_raw_parts(at(1 - lo), &[len], &[item as isize], &d),
            )
        }
    }

    #[test]
    fn overlapping_input_is_read_before_it_is_written() {
        // x = np.zeros(6); np.add(x[:-1], 1, out=x[1:]) -> [0. 1. 1. 1. 1. 1.]
        let mut x = DynArray::from(array![0.0f64; 6]);
        let (input, mut out) = alias(&mut x, 0, 5);
        execute(
            BinaryOp::Add,
            &Operand::Array(input),
            &Operand::Scalar(Scalar::Float(1.0)),
            DType::Float64,
            DType::Float64,
            &UfuncOptions::new(),
            false,
            Some(&mut out),
        )
        .unwrap();
        assert_eq!(x.typed::<f64>().unwrap().to_vec(), vec![0.0, 1.0, 1.0, 1.0, 1.0, 1.0]);
        // x = np.zeros(6); np.add(x[1:], 1, out=x[:-1]) -> [1. 1. 1. 1. 1. 0.]
        let mut x = DynArray::from(array![0.0f64; 6]);
        let (input, mut out) = alias(&mut x, 1, 5);
        execute(
            BinaryOp::Add,
            &Operand::Array(input),
            &Operand::Scalar(Scalar::Float(1.0)),
            DType::Float64,
            DType::Float64,
            &UfuncOptions::new(),
            false,
            Some(&mut out),
        )
        .unwrap();
        assert_eq!(x.typed::<f64>().unwrap().to_vec(), vec![1.0, 1.0, 1.0, 1.0, 1.0, 0.0]);
    }

    #[test]
    fn identical_input_and_output_are_not_copied() {
        let a = DynArray::from(array![1.0f64, 2.0]);
        let v = a.view();
        // SAFETY: a view of the same elements, only used to compare layouts.
        let o: DynViewMut<'_> = unsafe { DynViewMut::from_raw_parts(a.layout.ptr, a.shape(), a.strides(), a.dtype()) };
        assert!(!needs_copy(&v, a.strides(), &o));
        // The input shifted by one element against the output does overlap.
        let b = DynArray::from(array![1.0f64, 2.0, 3.0]);
        let first = b.slice(crate::s![..2]);
        let second = b.slice(crate::s![1..]);
        // SAFETY: as above.
        let o1: DynViewMut<'_> =
            unsafe { DynViewMut::from_raw_parts(second.layout.ptr, second.shape(), second.strides(), b.dtype()) };
        assert!(needs_copy(&first, first.strides(), &o1));
    }
}
