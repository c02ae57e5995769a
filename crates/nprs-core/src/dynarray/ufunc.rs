//! Ufunc calls through the buffered loop, with NumPy's `out=`, `dtype=`, `casting=`,
//! `where=` and `order=`, for any arity (up to three inputs and two outputs).
//!
//! [`run_loop`] is the one execution path: the caller (the ufunc table of nprs-ufunc, or
//! the arithmetic of this crate) has chosen a loop — a [`LoopFn`] and the dtype of each of
//! its operands ([`LoopSpec`]) — and the call broadcasts the operands, checks the casts
//! against the casting rule (NumPy's messages), allocates the outputs, copies an input
//! that overlaps an output other than element for element, converts operands of another
//! dtype a buffer at a time (NumPy's 8,192 elements, never whole), leaves the output
//! untouched where a `where=` mask is false, and applies the thread's
//! [`errstate`](crate::fpstatus::errstate) policy to the merged floating-point flags
//! once per call.
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

use smallvec::SmallVec;

use super::arith::{BinaryOp, CompareOp, NpOrd, Operand, no_loop};
use super::dispatch::{cast_fn, with_numeric};
use super::{DynArray, DynBase, DynData, DynDataMut, DynView, DynViewMut};
use crate::array::Array;
use crate::buffered::{self, Arg, LoopFn, MAX_IN, MAX_OUT};
use crate::dims::{self, Order, Strides};
use crate::dtype::{DType, Descr, Element};
use crate::error::{Error, Result};
use crate::fpstatus::{self, FpFlags};
use crate::ops::{ElemAdd, ElemDiv, ElemMul, ElemNeg, ElemRem, ElemSub};
use crate::promote::{Casting, can_cast, cast_error, result_type};
use crate::scalar::Scalar;

/// The memory order of new outputs (NumPy's `order=`): `K` keeps the inputs' layout as far
/// as possible (F when every full-shape input is F-contiguous, else C), `A` is F when every
/// input is F-contiguous and not C-contiguous, `C` and `F` force one.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum ResultOrder {
    /// `order='K'` (NumPy's default).
    #[default]
    K,
    /// `order='A'`.
    A,
    /// `order='C'`.
    C,
    /// `order='F'`.
    F,
}

/// Options of a ufunc call: NumPy's `out=`, `where=`, `casting=`, `dtype=`,
/// `signature=` and `order=`, as a builder (Rust has no keyword arguments). `dtype` and
/// `signature` choose the loop (the resolver of nprs-ufunc reads them); the others shape
/// its execution.
///
/// ```
/// use nprs_core::prelude::*;
/// use nprs_core::{Casting, DynArray, UfuncOptions, dynarray::ResultOrder};
/// let mask = DynArray::from(array![true, false]);
/// let mut out = DynArray::from(array![0.0f32, 0.0]);
/// let opts = UfuncOptions::new()
///     .casting(Casting::Unsafe)
///     .where_mask(&mask)
///     .order(ResultOrder::C)
///     .out(out.view_mut());
/// assert_eq!(opts.out_count(), 1);
/// ```
pub struct UfuncOptions<'w> {
    dtype: Option<Descr>,
    signature: Option<Vec<Option<Descr>>>,
    casting: Casting,
    mask: Option<DynView<'w>>,
    order: ResultOrder,
    out: SmallVec<[Option<DynViewMut<'w>>; 2]>,
    inplace: bool,
}

impl Default for UfuncOptions<'_> {
    /// No `out`, no `dtype`/`signature`, `casting='same_kind'`, no mask, `order='K'`:
    /// NumPy's defaults.
    fn default() -> Self {
        UfuncOptions {
            dtype: None,
            signature: None,
            casting: Casting::SameKind,
            mask: None,
            order: ResultOrder::K,
            out: SmallVec::new(),
            inplace: false,
        }
    }
}

impl<'w> UfuncOptions<'w> {
    /// NumPy's defaults.
    #[must_use]
    pub fn new() -> Self {
        Self::default()
    }

    /// The dtype of the outputs, which picks the loop (`dtype=`; NumPy 2 reads it as
    /// `signature=(None, …, dtype)`): inputs are converted to that loop's dtypes as the
    /// casting rule allows.
    #[must_use]
    pub fn dtype(mut self, dtype: impl Into<Descr>) -> Self {
        self.dtype = Some(dtype.into());
        self
    }

    /// The loop's dtypes, inputs then outputs (`signature=`; `None` leaves an operand to
    /// the resolver): `signature(&[Some(f32), Some(f32), None])` is NumPy's
    /// `signature=("f4", "f4", None)`.
    #[must_use]
    pub fn signature(mut self, sig: &[Option<Descr>]) -> Self {
        self.signature = Some(sig.to_vec());
        self
    }

    /// The casting rule for inputs and outputs (`casting=`; `'same_kind'` by default).
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

    /// The memory order of new outputs (`order=`, `K` by default).
    #[must_use]
    pub fn order(mut self, order: ResultOrder) -> Self {
        self.order = order;
        self
    }

    /// The next output (`out=`): the first call gives output 0, a second call output 1.
    /// The result is converted to its dtype as the casting rule allows, and the inputs
    /// must broadcast to its shape. A typed array is an output through
    /// `DynViewMut::from(a.view_mut())`.
    #[must_use]
    pub fn out(mut self, out: DynViewMut<'w>) -> Self {
        self.out.push(Some(out));
        self
    }

    /// Leaves the next output to be allocated (`out=(None, b)`).
    #[must_use]
    pub fn out_new(mut self) -> Self {
        self.out.push(None);
        self
    }

    /// In place: `x` is both the first input and output 0 (NumPy's `f(x, …, out=x)`);
    /// the call's input list then holds the inputs after the first.
    #[must_use]
    pub fn inplace(mut self, x: DynViewMut<'w>) -> Self {
        self.out.insert(0, Some(x));
        self.inplace = true;
        self
    }

    /// The `dtype=` given, if any.
    #[must_use]
    pub fn dtype_arg(&self) -> Option<&Descr> {
        self.dtype.as_ref()
    }

    /// The `signature=` given, if any.
    #[must_use]
    pub fn signature_arg(&self) -> Option<&[Option<Descr>]> {
        self.signature.as_deref()
    }

    /// The casting rule.
    #[must_use]
    pub fn casting_rule(&self) -> Casting {
        self.casting
    }

    /// How many outputs were given (`out`, `out_new`, `inplace`).
    #[must_use]
    pub fn out_count(&self) -> usize {
        self.out.len()
    }

    /// True when the first input is output 0 ([`inplace`](Self::inplace)).
    #[must_use]
    pub fn is_inplace(&self) -> bool {
        self.inplace
    }

    /// The dtype of the given output `k`, if one was given.
    #[must_use]
    pub fn out_dtype(&self, k: usize) -> Option<&Descr> {
        self.out.get(k).and_then(|o| o.as_ref()).map(DynViewMut::dtype)
    }

    /// The `where=` mask given, if any.
    #[must_use]
    pub fn where_arg(&self) -> Option<&DynView<'w>> {
        self.mask.as_ref()
    }

    /// Removes the outputs given (`out`, `out_new`, `inplace`) and returns them, output 0
    /// first: a caller that computes into new arrays and writes the outputs itself (the
    /// datetime loops, which convert units on the way) keeps the other options.
    pub fn take_outputs(&mut self) -> Vec<Option<DynViewMut<'w>>> {
        self.inplace = false;
        std::mem::take(&mut self.out).into_vec()
    }
}

/// A loop chosen for a call: what [`run_loop`] executes.
#[derive(Clone, Copy)]
pub struct LoopSpec<'a> {
    /// The ufunc's NumPy name, for messages (`"add"`).
    pub name: &'a str,
    /// How many of `dtypes` are inputs.
    pub nin: usize,
    /// The dtype of each operand the loop reads and writes: inputs, then outputs.
    pub dtypes: &'a [DType],
    /// The loop.
    pub func: LoopFn,
    /// Whether floating-point conditions go to the error-state policy (comparisons and
    /// predicates such as `isnan` report none, as in NumPy).
    pub report_fp: bool,
    /// True when the loop writes every output element without reading it (through raw
    /// pointer writes), so a new output may start uninitialised; false makes new outputs
    /// start zeroed, which every loop built from the safe element kernels needs.
    pub writes_uninit: bool,
}

/// Runs a chosen loop over `inputs` with NumPy's options: the one execution path of every
/// ufunc. Returns one entry per output of the loop: the new array, or `None` for an
/// output given through [`UfuncOptions::out`]/[`inplace`](UfuncOptions::inplace).
///
/// ```
/// use nprs_core::prelude::*;
/// use nprs_core::{DynArray, UfuncOptions, kernel::{LoopFn, LoopSpec, loops, run_loop}};
/// let a = DynArray::from(array![1i32, 2]);
/// // float64 addition: the int32 input is converted a buffer at a time, the weak scalar once.
/// let spec = LoopSpec {
///     name: "add",
///     nin: 2,
///     dtypes: &[DType::Float64, DType::Float64, DType::Float64],
///     func: loops::add::<f64> as LoopFn,
///     report_fp: true,
///     writes_uninit: true,
/// };
/// let r = run_loop(&spec, &[(&a).into(), 0.5.into()], UfuncOptions::new()).unwrap();
/// assert_eq!(r[0].as_ref().unwrap().typed::<f64>().unwrap().to_vec(), vec![1.5, 2.5]);
/// ```
///
/// # Errors
/// [`Error::UFuncCast`] when an input cannot be cast to the loop's dtype or the loop's
/// output to an `out` array under the casting rule; shapes that do not broadcast
/// (the outputs' shapes included); a mask that is not bool; a non-numeric operand; a weak
/// integer out of range of its loop dtype; [`Error::FloatingPoint`] when the error state
/// says `raise`.
///
/// # Panics
/// When `spec` does not describe `1..=3` inputs and `1..=2` outputs, or more outputs
/// are given than the loop has.
pub fn run_loop(spec: &LoopSpec<'_>, inputs: &[Operand<'_>], opts: UfuncOptions<'_>) -> Result<Vec<Option<DynArray>>> {
    let UfuncOptions { casting, mask, order, mut out, inplace, .. } = opts;
    let r = execute(spec, inputs, casting, mask.as_ref(), order, &mut out, inplace)?;
    Ok(r.into_vec())
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
/// As [`binary`](super::binary); [`Error::UFuncCast`] when `dtype=` needs a cast the
/// casting rule refuses; a mask that is not bool or does not broadcast. Outputs given in
/// the options are not used here ([`binary_out`] writes into one).
pub fn binary_with<'a, 'b>(
    op: BinaryOp,
    a: impl Into<Operand<'a>>,
    b: impl Into<Operand<'b>>,
    opts: &UfuncOptions<'_>,
) -> Result<DynArray> {
    let (a, b) = (a.into(), b.into());
    let rt = loop_dtype(op, &a, &b, opts)?;
    let r = binary_exec(op, &a, &b, rt, opts.casting, opts.mask.as_ref(), opts.order, None)?;
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
    let rt = loop_dtype(op, &a, &b, opts)?;
    binary_exec(op, &a, &b, rt, opts.casting, opts.mask.as_ref(), opts.order, Some(out.view_mut()))?;
    Ok(())
}

/// The loop's dtype before the operation's own adjustments: `dtype=` or the promotion.
fn loop_dtype(op: BinaryOp, a: &Operand<'_>, b: &Operand<'_>, opts: &UfuncOptions<'_>) -> Result<DType> {
    if !a.descr().is_numeric() || !b.descr().is_numeric() {
        return Err(no_loop(op.name(), a, b));
    }
    let d = match &opts.dtype {
        Some(d) => d.clone(),
        None => result_type(&[a.type_arg(), b.type_arg()])?,
    };
    d.numeric().ok_or_else(|| no_loop(op.name(), a, b))
}

/// Runs `op` in dtype `rt` (promoted or pinned) over two operands: the one path of the
/// dynamic operators, [`binary_with`] and [`binary_out`].
#[allow(clippy::too_many_arguments)] // the options of one call, unpacked
pub(super) fn binary_exec(
    op: BinaryOp,
    a: &Operand<'_>,
    b: &Operand<'_>,
    rt: DType,
    casting: Casting,
    mask: Option<&DynView<'_>>,
    order: ResultOrder,
    out: Option<DynViewMut<'_>>,
) -> Result<Option<DynArray>> {
    let compute = compute_dtype(op, rt)?;
    let (func, loop_out) = binary_loop(op, compute).ok_or_else(|| no_loop(op.name(), a, b))?;
    let dtypes = [compute, compute, loop_out];
    let spec = LoopSpec { name: op.name(), nin: 2, dtypes: &dtypes, func, report_fp: true, writes_uninit: true };
    let mut outs: SmallVec<[Option<DynViewMut<'_>>; 2]> = SmallVec::new();
    outs.push(out);
    let mut r = execute(&spec, &[a.reborrow(), b.reborrow()], casting, mask, order, &mut outs, false)?;
    Ok(r[0].take())
}

macro_rules! plain_loops {
    ($($(#[$doc:meta])* $name:ident => $tr:ident :: $f:ident),*) => {$(
        $(#[$doc])*
        ///
        /// # Safety
        /// The [`LoopFn`] contract, with operands `[a, b, out]` of `T` (the output of
        /// `divide` is `T::Output`).
        pub unsafe fn $name<T: $tr>(p: &[*mut u8], s: &[isize], n: usize) -> FpFlags {
            // SAFETY: forwarded contract.
            unsafe { crate::zip::run_zip([p[2], p[0], p[1]], [s[2], s[0], s[1]], n, &<T as $tr>::$f) };
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

/// `numpy.remainder`'s loop; integer division by zero is reported as NumPy does.
///
/// # Safety
/// As [`add_loop`].
pub unsafe fn rem_loop<T: ElemRem>(p: &[*mut u8], s: &[isize], n: usize) -> FpFlags {
    // SAFETY: forwarded contract.
    unsafe {
        crate::zip::run_zip([p[2], p[0], p[1]], [s[2], s[0], s[1]], n, &<T as ElemRem>::rem);
        zero_divisor::<T>(p[1], s[1], n)
    }
}

/// `numpy.floor_divide`'s loop; integer division by zero is reported as NumPy does.
///
/// # Safety
/// As [`add_loop`].
pub unsafe fn floor_div_loop<T: ElemRem>(p: &[*mut u8], s: &[isize], n: usize) -> FpFlags {
    // SAFETY: forwarded contract.
    unsafe {
        crate::zip::run_zip([p[2], p[0], p[1]], [s[2], s[0], s[1]], n, &<T as ElemRem>::floor_div);
        zero_divisor::<T>(p[1], s[1], n)
    }
}

/// `numpy.negative`'s loop (`[x, out]`; integers wrap).
///
/// # Safety
/// The [`LoopFn`] contract, with operands `[x, out]` of `T`.
pub unsafe fn neg_loop<T: ElemNeg>(p: &[*mut u8], s: &[isize], n: usize) -> FpFlags {
    // SAFETY: forwarded contract.
    unsafe { crate::zip::run_map([p[1], p[0]], [s[1], s[0]], n, &<T as ElemNeg>::neg) };
    FpFlags::NONE
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

fn same<T: Element>() -> DType {
    T::DTYPE
}

fn div_out<T: ElemDiv>() -> DType {
    <T::Output as Element>::DTYPE
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
    ($($(#[$doc:meta])* $name:ident => $op:ident),*) => {$(
        $(#[$doc])*
        /// NumPy's ordering: NaN is unordered; complex numbers compare by real part, then
        /// imaginary part.
        ///
        /// # Safety
        /// The [`LoopFn`] contract, with operands `[a, b, out]`: two `T` and a `bool`.
        pub unsafe fn $name<T: NpOrd>(p: &[*mut u8], s: &[isize], n: usize) -> FpFlags {
            // SAFETY: forwarded contract.
            unsafe {
                crate::zip::run_zip([p[2], p[0], p[1]], [s[2], s[0], s[1]], n, &|x: T, y: T| {
                    CompareOp::$op.holds(x.np_cmp(y))
                })
            };
            FpFlags::NONE
        }
    )*};
}
compare_loops!(
    /// `numpy.equal`'s loop.
    eq_loop => Equal,
    /// `numpy.not_equal`'s loop.
    ne_loop => NotEqual,
    /// `numpy.less`'s loop.
    lt_loop => Less,
    /// `numpy.less_equal`'s loop.
    le_loop => LessEqual,
    /// `numpy.greater`'s loop.
    gt_loop => Greater,
    /// `numpy.greater_equal`'s loop.
    ge_loop => GreaterEqual
);

/// Runs comparison `op` in numeric dtype `t` (the output is bool; no floating-point
/// conditions are reported).
pub(super) fn compare_exec(op: CompareOp, a: &Operand<'_>, b: &Operand<'_>, t: DType) -> Result<DynArray> {
    let func = with_numeric!(t, T => match op {
        CompareOp::Equal => eq_loop::<T> as LoopFn,
        CompareOp::NotEqual => ne_loop::<T>,
        CompareOp::Less => lt_loop::<T>,
        CompareOp::LessEqual => le_loop::<T>,
        CompareOp::Greater => gt_loop::<T>,
        CompareOp::GreaterEqual => ge_loop::<T>,
    });
    let dtypes = [t, t, DType::Bool];
    let spec = LoopSpec { name: op.name(), nin: 2, dtypes: &dtypes, func, report_fp: false, writes_uninit: true };
    let mut outs: SmallVec<[Option<DynViewMut<'_>>; 2]> = SmallVec::new();
    let mut r =
        execute(&spec, &[a.reborrow(), b.reborrow()], Casting::SameKind, None, ResultOrder::K, &mut outs, false)?;
    Ok(r[0].take().expect("a call without `out` returns its result"))
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

/// The memory order of new outputs for `order=` and the inputs' layouts.
fn new_order(order: ResultOrder, inputs: &[DynView<'_>]) -> Order {
    let elems =
        |v: &DynView<'_>| -> Strides { v.strides().iter().map(|&s| s / v.itemsize().max(1) as isize).collect() };
    match order {
        ResultOrder::C => Order::C,
        ResultOrder::F => Order::F,
        ResultOrder::A => {
            let f = !inputs.is_empty()
                && inputs.iter().all(|v| {
                    let e = elems(v);
                    dims::is_f_contiguous(v.shape(), &e) && !dims::is_c_contiguous(v.shape(), &e)
                });
            if f { Order::F } else { Order::C }
        }
        ResultOrder::K => {
            let strides: SmallVec<[Strides; 3]> = inputs.iter().map(elems).collect();
            let layouts: SmallVec<[(&[usize], &[isize]); 3]> =
                inputs.iter().zip(&strides).map(|(v, s)| (v.shape(), s.as_slice())).collect();
            crate::zip::result_order(&layouts)
        }
    }
}

/// A new array of numeric dtype `t`: zeroed, or (when `uninit`) left uninitialised for a
/// loop that writes every element.
///
/// # Safety
/// With `uninit`, every element must be written before the array is read.
unsafe fn new_output(t: DType, shape: &[usize], order: Order, uninit: bool) -> Result<DynArray> {
    let n = dims::check_bytes(shape, t.itemsize())?;
    with_numeric!(t, T => {
        let data = if uninit {
            // SAFETY: the caller writes every element before reading.
            unsafe { crate::storage::OwnedRepr::<T>::uninit(n, shape)? }
        } else {
            crate::storage::OwnedRepr::<T>::zeroed_warm(n, shape)?
        };
        let strides = crate::layout::contiguous_bytes(shape, size_of::<T>(), order);
        Ok(DynArray::from(Array::<T>::from_owned(data, SmallVec::from_slice(shape), strides, 0)))
    })
}

/// The execution behind [`run_loop`] and the dynamic operators. `outs` holds the given
/// outputs (`None`: allocate); with `inplace`, output 0 is also input 0 and `inputs`
/// holds the others.
pub(super) fn execute(
    spec: &LoopSpec<'_>,
    inputs: &[Operand<'_>],
    casting: Casting,
    mask: Option<&DynView<'_>>,
    order: ResultOrder,
    outs: &mut [Option<DynViewMut<'_>>],
    inplace: bool,
) -> Result<SmallVec<[Option<DynArray>; 2]>> {
    let LoopSpec { name, nin, dtypes, func, report_fp, writes_uninit } = *spec;
    let nout = dtypes.len() - nin;
    assert!((1..=MAX_IN).contains(&nin) && (1..=MAX_OUT).contains(&nout), "a loop has 1-3 inputs and 1-2 outputs");
    assert!(outs.len() <= nout, "ufunc '{name}' has {nout} output(s), {} given", outs.len());
    assert_eq!(inputs.len() + usize::from(inplace), nin, "ufunc '{name}' takes {nin} input(s)");
    // The first input, when it is output 0, is read through the output's memory.
    let alias: Option<DynView<'_>> = if inplace {
        let o = outs[0].as_ref().expect("an in-place output");
        // SAFETY: a read-only view of the output's own elements; the loop reads each
        // element before writing the same position (identical layouts need no copy), and
        // nothing else writes the output while the view is used.
        Some(unsafe { DynView::from_raw_parts(o.ptr, o.shape(), o.strides(), o.dtype()) })
    } else {
        None
    };
    let mut ops: SmallVec<[Operand<'_>; 3]> = SmallVec::new();
    if let Some(a) = alias {
        ops.push(Operand::Array(a));
    }
    ops.extend(inputs.iter().map(Operand::reborrow));

    // Inputs the loop can read in place (native, aligned numeric arrays), else held copies:
    // scalars as 0-d arrays of the loop's dtype, byte-swapped or unaligned arrays in native
    // order.
    let mut held: SmallVec<[Option<DynArray>; 3]> = SmallVec::from_elem(None, nin);
    for (i, o) in ops.iter().enumerate() {
        let t = dtypes[i];
        if !o.descr().is_numeric() {
            return Err(no_loop_n(name, &ops));
        }
        match o {
            Operand::Scalar(s) => {
                if let Scalar::Int(v) = s
                    && matches!(t.kind(), 'i' | 'u')
                {
                    super::value::check_int_bounds(*v, t)?;
                }
                held[i] = Some(DynArray::from_scalars(&[], &t.into(), std::slice::from_ref(s))?);
            }
            Operand::Array(v) => {
                if !can_cast(v.dtype(), &t.into(), casting) {
                    return Err(Error::UFuncCast {
                        ufunc: name.into(),
                        input: Some(i),
                        output: 0,
                        numbered: nin > 1,
                        from: Box::new(v.dtype().clone()),
                        to: Box::new(t.into()),
                        casting,
                    });
                }
                match v.dtype().numeric() {
                    Some(_) if v.dtype().is_native() && v.is_aligned() => {}
                    Some(vt) => held[i] = Some(v.as_numeric(vt)?.into_owned()),
                    // bfloat16: converted to the loop's dtype (float32) whole.
                    None => held[i] = Some(v.as_numeric(t)?.into_owned()),
                }
            }
        }
    }
    let views: SmallVec<[DynView<'_>; 3]> = ops
        .iter()
        .zip(&held)
        .map(|(o, h)| match (h, o) {
            (Some(h), _) => h.view(),
            (None, Operand::Array(v)) => v.reborrow(),
            (None, Operand::Scalar(_)) => unreachable!("scalars are held"),
        })
        .collect();
    let in_shapes: SmallVec<[&[usize]; 3]> = views.iter().map(|v| v.shape()).collect();
    let mut shape = dims::broadcast_operands(&in_shapes)?;
    for (k, o) in outs.iter().enumerate() {
        let Some(o) = o else { continue };
        let mut all_shapes = in_shapes.clone();
        all_shapes.push(o.shape());
        let full = dims::broadcast_operands(&all_shapes)?;
        if full.as_slice() != o.shape() {
            return Err(Error::NonBroadcastableOutput { output: o.shape().to_vec(), broadcast: full.to_vec() });
        }
        shape = full;
        let lt = dtypes[nin + k];
        if !can_cast(&lt.into(), o.dtype(), casting) {
            return Err(Error::UFuncCast {
                ufunc: name.into(),
                input: None,
                // NumPy numbers an output among all operands: `divmod`'s first is "output 2".
                output: nin + k,
                numbered: nout > 1,
                from: Box::new(lt.into()),
                to: Box::new(o.dtype().clone()),
                casting,
            });
        }
        if o.dtype().numeric().is_none() || !o.dtype().is_native() || !o.is_aligned() {
            return Err(Error::UFuncOutput { ufunc: name.to_string(), dtype: o.dtype().clone() });
        }
    }
    let bstrides = |v: &DynView<'_>| -> Result<Strides> {
        dims::broadcast_strides(v.shape(), v.strides(), &shape).ok_or_else(|| Error::Broadcast {
            shapes: in_shapes.iter().map(|s| s.to_vec()).chain(std::iter::once(shape.to_vec())).collect(),
        })
    };
    if let Some(m) = mask
        && m.dtype().numeric() != Some(DType::Bool)
    {
        return Err(cast_error(m.dtype(), &DType::Bool.into(), Casting::Safe));
    }
    // Inputs (and the mask) that overlap an output other than element for element are
    // read from copies, as NumPy does.
    let nviews = views.len();
    let mut copies: SmallVec<[Option<DynArray>; 4]> = SmallVec::from_elem(None, nviews + 1);
    for o in outs.iter().flatten() {
        for (k, v) in views.iter().chain(mask).enumerate() {
            if copies[k].is_none() && needs_copy(v, &bstrides(v)?, o) {
                copies[k] = Some(v.to_owned());
            }
        }
    }
    let views: SmallVec<[DynView<'_>; 3]> = views
        .iter()
        .zip(&copies)
        .map(|(v, c)| match c {
            Some(c) => c.view(),
            None => v.reborrow(),
        })
        .collect();
    let mask: Option<DynView<'_>> = match (mask, &copies[nviews]) {
        (Some(_), Some(c)) => Some(c.view()),
        (m, _) => m.map(DynView::reborrow),
    };
    let mut in_strides: SmallVec<[Strides; 3]> = SmallVec::new();
    for v in &views {
        in_strides.push(bstrides(v)?);
    }
    let sm = match &mask {
        Some(m) => Some(
            dims::broadcast_strides(m.shape(), m.strides(), &shape)
                .ok_or_else(|| Error::Broadcast { shapes: vec![m.shape().to_vec(), shape.to_vec()] })?,
        ),
        None => None,
    };
    // New outputs: zeroed under a mask (masked-out elements are never written) or for
    // loops that need initialised memory, else uninitialised.
    let out_order = new_order(order, &views);
    let mut fresh: SmallVec<[Option<DynArray>; 2]> = SmallVec::new();
    for k in 0..nout {
        if outs.get(k).is_some_and(Option::is_some) {
            fresh.push(None);
        } else {
            // SAFETY: without a mask the loop writes every element (`writes_uninit`).
            fresh.push(Some(unsafe {
                new_output(dtypes[nin + k], &shape, out_order, writes_uninit && mask.is_none())
            }?));
        }
    }
    let flags = {
        let mut args: SmallVec<[Arg<'_>; 5]> = SmallVec::new();
        for (i, v) in views.iter().enumerate() {
            let vt = v.dtype().numeric().expect("numeric after the checks above");
            let t = dtypes[i];
            args.push(Arg {
                ptr: v.as_ptr().cast_mut(),
                strides: &in_strides[i],
                cast: (vt != t).then(|| cast_fn(vt, t)),
                size: t.itemsize(),
            });
        }
        for k in 0..nout {
            let t = dtypes[nin + k];
            let (ptr, strides, ot): (*mut u8, &[isize], DType) = match (&fresh[k], outs.get(k).and_then(Option::as_ref))
            {
                (Some(f), _) => (f.ptr.as_ptr(), f.strides(), t),
                (None, Some(o)) => (o.ptr.as_ptr(), o.strides(), o.dtype().numeric().expect("checked numeric")),
                (None, None) => unreachable!("every output is given or new"),
            };
            args.push(Arg { ptr, strides, cast: (ot != t).then(|| cast_fn(t, ot)), size: t.itemsize() });
        }
        let call = buffered::Call {
            shape: &shape,
            args: &args,
            nin,
            mask: mask.as_ref().zip(sm.as_ref()).map(|(m, s)| (m.as_ptr(), s.as_slice())),
            kernel: func,
        };
        // SAFETY: the inputs and the mask are valid views broadcast to `shape` by their
        // strides, in the dtypes the casts and kernel read (native, aligned numeric, or bool
        // for the mask); every output is a writable array of `shape` (given, or new and
        // zeroed unless the loop writes every element) whose dtype the output cast writes,
        // and it overlaps an input only element for element.
        unsafe { buffered::run(&call) }
    };
    if report_fp || flags.contains(FpFlags::NEGATIVE_INT_POWER) {
        fpstatus::check(flags, name)?;
    }
    Ok(fresh)
}

/// NumPy's "no loop" error naming every operand's type.
fn no_loop_n(name: &str, ops: &[Operand<'_>]) -> Error {
    Error::UFuncNoLoop { ufunc: name.to_string(), types: ops.iter().map(Operand::shown).collect() }
}

impl Operand<'_> {
    /// The same operand, borrowed again.
    pub(crate) fn reborrow(&self) -> Operand<'_> {
        match self {
            Operand::Array(v) => Operand::Array(v.reborrow()),
            Operand::Scalar(s) => Operand::Scalar(s.clone()),
        }
    }
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

    fn add_shifted(lo: usize) -> Vec<f64> {
        let mut x = DynArray::from(array![0.0f64; 6]);
        let (input, out) = alias(&mut x, lo, 5);
        binary_exec(
            BinaryOp::Add,
            &Operand::Array(input),
            &Operand::Scalar(Scalar::Float(1.0)),
            DType::Float64,
            Casting::SameKind,
            None,
            ResultOrder::K,
            Some(out),
        )
        .unwrap();
        x.typed::<f64>().unwrap().to_vec()
    }

    #[test]
    fn overlapping_input_is_read_before_it_is_written() {
        // x = np.zeros(6); np.add(x[:-1], 1, out=x[1:]) -> [0. 1. 1. 1. 1. 1.]
        assert_eq!(add_shifted(0), vec![0.0, 1.0, 1.0, 1.0, 1.0, 1.0]);
        // x = np.zeros(6); np.add(x[1:], 1, out=x[:-1]) -> [1. 1. 1. 1. 1. 0.]
        assert_eq!(add_shifted(1), vec![1.0, 1.0, 1.0, 1.0, 1.0, 0.0]);
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

    #[test]
    fn inplace_reads_the_output_as_the_first_input() {
        // x = np.array([1., 2.]); np.add(x, 10, out=x)
        let mut x = DynArray::from(array![1.0f64, 2.0]);
        let spec = LoopSpec {
            name: "add",
            nin: 2,
            dtypes: &[DType::Float64; 3],
            func: add_loop::<f64>,
            report_fp: true,
            writes_uninit: true,
        };
        let r = run_loop(&spec, &[Operand::Scalar(Scalar::Float(10.0))], UfuncOptions::new().inplace(x.view_mut()))
            .unwrap();
        assert!(r[0].is_none());
        assert_eq!(x.typed::<f64>().unwrap().to_vec(), vec![11.0, 12.0]);
    }
}
