//! The ufunc machinery: one definition per ufunc in one table ([`table`], re-exported as
//! `nprs_ufunc::ufuncs`), NumPy's type
//! resolution ([`Resolver`]), and the typed and dynamic entry points.
//!
//! A [`Ufunc`] is a `static` made by the table macro: its NumPy name and aliases, the
//! number of inputs and outputs, its identity, its type resolver, and its loops in NumPy's
//! order, each a signature in NumPy's type characters (`"dd->d"`) and a type-erased
//! [`LoopFn`] over one element type. A call resolves the loop once (cached per input
//! dtypes) and runs it through nprs-core's one execution path
//! ([`run_loop`]): broadcasting, buffered casting, `out=`,
//! `where=`, overlap and the error state.
//!
//! ```
//! use nprs_core::prelude::*;
//! use nprs_core::{DynArray, UfuncOptions};
//! use nprs_ufunc::ufuncs::{ADD, SQRT};
//!
//! // Dynamic: any dtype, NumPy's options.
//! let a = DynArray::from(array![1i8, 4, 9]);
//! let r = SQRT.call(&[(&a).into()], UfuncOptions::new())?;
//! assert_eq!(r.dtype().name(), "float16"); // int8 -> float16, as NumPy
//! let s = ADD.call(&[(&a).into(), 1.into()], UfuncOptions::new())?; // weak scalar: stays int8
//! assert_eq!(s.typed::<i8>()?.to_vec(), vec![2, 5, 10]);
//! // Typed: the output type NumPy would pick, at compile time.
//! let t: Array<f16> = nprs_ufunc::sqrt(&array![1i8, 4, 9])?;
//! assert_eq!(t.to_vec(), vec![f16::from_f32(1.0), f16::from_f32(2.0), f16::from_f32(3.0)]);
//! # Ok::<(), nprs_core::Error>(())
//! ```
//!
//! # How to add a ufunc
//! 1. **The element kernel**, once per element type it supports: a zero-sized type
//!    implementing [`ElemUnary<T>`](nprs_core::kernel::ElemUnary) (or `ElemBinary<A, B>`,
//!    `ElemUnary2<T>`, `ElemBinary2<A, B>`) with `elem` (one element) and, for speed,
//!    `run` (a contiguous run as slices; SIMD goes there). Strided runs reach `run`
//!    through a gathered chunk, so one `run` serves every layout.
//! 2. **One table row** in `src/ufunc/table.rs`: name, aliases, inputs/outputs, identity,
//!    resolver, whether it reports floating-point conditions, and its loops in NumPy's
//!    order (`np.sqrt.types`) as groups of `"sig" type` entries —
//!    `unary(Sqrt) ["f->f" f32, "d->d" f64]` makes the loops of an `ElemUnary` kernel,
//!    `core(add) ["dd->d" f64]` points at nprs-core's operator loop
//!    [`loops::add`](nprs_core::kernel::loops::add) (the [`table`] module docs list every
//!    group).
//! 3. **The typed function** (optional) in `src/ufunc/typed.rs`, one macro line naming the
//!    output-type family; a test checks the family against the resolver for every loop.
//! 4. **Oracle cases** in `tests/oracle/groups/ufunc/`: the resolver cases come for free
//!    (`ufunc/resolve` lists every registered name), values per dtype and layout from a
//!    group of your own.

pub(crate) mod datetime;
mod kernels;
mod methods;
mod resolve;
pub mod table;
pub mod typed;

use std::collections::HashMap;
use std::sync::{OnceLock, RwLock};

use nprs_core::dynarray::{DynViewMut, Operand};
use nprs_core::fpstatus::FpFlags;
use nprs_core::kernel::{LoopFn, LoopSpec, run_loop};
use nprs_core::{DType, DynArray, Error, Result, TypeArg, UfuncOptions};

pub use kernels::{Absolute, IsFinite, IsInf, IsNan, LogicalAnd, LogicalNot, LogicalOr, LogicalXor, Maximum, Minimum};
pub use kernels::{Positive, Reciprocal, Sign, Sqrt, Square};
pub use methods::ReduceOptions;
pub use resolve::Resolver;
pub use table::ALL;
pub use typed::{AbsUnary, ArithUnary, FloatUnary, NegUnary, PredicateUnary};
pub use typed::{FloatBinaryOut, FloatMax, LdexpExponent, PowerOut, RealFloat};

/// A ufunc's identity: the value `reduce` starts from on an empty axis.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Identity {
    /// No identity (`maximum`: reducing an empty array is an error).
    None,
    /// `0` (`add`, `logical_or`).
    Zero,
    /// `1` (`multiply`, `logical_and`).
    One,
    /// `-1` (`bitwise_and`: all bits set).
    MinusOne,
    /// `-inf` (`logaddexp`, `logaddexp2`).
    NegInfinity,
}

/// One loop of a ufunc: its dtypes as NumPy's type characters (`"dd->d"`, inputs then
/// outputs) and the type-erased loop over those dtypes.
#[derive(Clone, Copy)]
pub struct Loop {
    /// The signature, as in NumPy's `ufunc.types`.
    pub types: &'static str,
    /// The loop.
    pub func: LoopFn,
    /// True for nprs-core's operator loops, which write every output element without
    /// reading it (new outputs may start uninitialised).
    pub writes_uninit: bool,
}

impl Loop {
    /// The loop's dtypes, inputs then outputs.
    ///
    /// # Panics
    /// When the signature holds a character that is not one of the 14 numeric dtypes'
    /// (a table bug, caught by the table's tests).
    #[must_use]
    pub fn dtypes(&self) -> Vec<DType> {
        self.types
            .chars()
            .filter(|&c| c != '-' && c != '>')
            .map(|c| type_char(c).expect("a numeric type char"))
            .collect()
    }
}

/// The numeric dtype of one of NumPy's type characters (`'d'` → float64; `'q'`/`'Q'` are
/// int64/uint64 as `'l'`/`'L'` are on 64-bit Linux).
#[must_use]
pub fn type_char(c: char) -> Option<DType> {
    Some(match c {
        '?' => DType::Bool,
        'b' => DType::Int8,
        'h' => DType::Int16,
        'i' => DType::Int32,
        'l' | 'q' => DType::Int64,
        'B' => DType::UInt8,
        'H' => DType::UInt16,
        'I' => DType::UInt32,
        'L' | 'Q' => DType::UInt64,
        'e' => DType::Float16,
        'f' => DType::Float32,
        'd' => DType::Float64,
        'F' => DType::Complex64,
        'D' => DType::Complex128,
        _ => return None,
    })
}

/// A resolved loop: which loop of the table, and its dtypes (inputs then outputs).
#[derive(Clone, Debug, PartialEq)]
pub struct Resolved {
    /// The loop's index in [`Ufunc::loops`].
    pub index: usize,
    /// The dtype of each operand.
    pub dtypes: Vec<DType>,
}

/// A universal function: one table entry (see the [module docs](self) for how to add one).
pub struct Ufunc {
    /// NumPy's name (`"add"`).
    pub name: &'static str,
    /// Other NumPy names of the same ufunc (`"true_divide"` for `divide`).
    pub aliases: &'static [&'static str],
    /// Number of inputs.
    pub nin: usize,
    /// Number of outputs.
    pub nout: usize,
    /// The identity (`ufunc.identity`).
    pub identity: Identity,
    /// How the loop is chosen for the inputs' dtypes.
    pub resolver: Resolver,
    /// Whether floating-point conditions are reported to the error state.
    pub report_fp: bool,
    /// The loops, in NumPy's order.
    pub loops: &'static [Loop],
    /// Resolutions by input dtypes.
    pub(crate) cache: OnceLock<RwLock<HashMap<Vec<u8>, Resolved>>>,
}

impl std::fmt::Debug for Ufunc {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "<ufunc '{}'>", self.name)
    }
}

impl Ufunc {
    /// `ufunc.types`: the loops' signatures in NumPy's order.
    #[must_use]
    pub fn types(&self) -> Vec<&'static str> {
        self.loops.iter().map(|l| l.types).collect()
    }

    /// The loop NumPy would run for inputs of these types (weak Rust scalars as
    /// [`TypeArg::Int`] …), with `dtype=`/`signature=` from `opts`.
    ///
    /// ```
    /// use nprs_core::{DType, TypeArg, UfuncOptions};
    /// use nprs_ufunc::ufuncs::{ADD, SQRT};
    /// let r = SQRT.resolve(&[DType::Int16.into()], &UfuncOptions::new()).unwrap();
    /// assert_eq!(r.dtypes, vec![DType::Float32, DType::Float32]);
    /// let r = ADD.resolve(&[DType::UInt8.into(), TypeArg::Float], &UfuncOptions::new()).unwrap();
    /// assert_eq!(r.dtypes[2], DType::Float64);
    /// ```
    ///
    /// # Errors
    /// NumPy's errors when no loop fits ("ufunc 'sqrt' not supported for the input
    /// types, …"), when `dtype=`/`signature=` name no loop, and the ufunc's own
    /// (boolean `subtract`, boolean `negative`).
    pub fn resolve(&self, args: &[TypeArg], opts: &UfuncOptions<'_>) -> Result<Resolved> {
        resolve::resolve(self, args, opts)
    }

    /// Calls the ufunc on dynamic operands (arrays, views, typed arrays or Rust numbers as
    /// NEP 50 weak scalars) with NumPy's options, and returns its first output. With
    /// `out=` given, the result is written there and the returned array is empty: use
    /// [`call_all`](Self::call_all) to tell outputs apart.
    ///
    /// ```
    /// use nprs_core::prelude::*;
    /// use nprs_core::{DynArray, DynViewMut, UfuncOptions};
    /// use nprs_ufunc::ufuncs::MAXIMUM;
    /// let a = array![1.0, f64::NAN, 3.0];
    /// let mut out = array![0.0f32; 3];
    /// MAXIMUM.call(&[(&a).into(), 2.0.into()], UfuncOptions::new().out(DynViewMut::from(out.view_mut())))?;
    /// assert_eq!(out.to_vec()[2], 3.0);
    /// assert!(out.to_vec()[1].is_nan());
    /// # Ok::<(), nprs_core::Error>(())
    /// ```
    ///
    /// # Errors
    /// As [`resolve`](Self::resolve) and [`run_loop`]: shapes that do not broadcast, casts
    /// the casting rule refuses, a non-bool mask, `errstate` set to raise.
    ///
    /// # Panics
    /// When the number of inputs is not the ufunc's.
    pub fn call(&self, inputs: &[Operand<'_>], opts: UfuncOptions<'_>) -> Result<DynArray> {
        let mut outs = self.call_all(inputs, opts)?;
        let first = outs.swap_remove(0);
        match first {
            Some(a) => Ok(a),
            None => DynArray::zeros(&[0], &DType::Bool.into()),
        }
    }

    /// As [`call`](Self::call), returning every output: the new array, or `None` for an
    /// output given with `out=`/`inplace` (`divmod`, `frexp` and `modf` have two).
    ///
    /// # Errors
    /// As [`call`](Self::call).
    ///
    /// # Panics
    /// As [`call`](Self::call).
    pub fn call_all(&self, inputs: &[Operand<'_>], opts: UfuncOptions<'_>) -> Result<Vec<Option<DynArray>>> {
        let given = inputs.len() + usize::from(opts.is_inplace());
        assert_eq!(given, self.nin, "{}() takes {} input(s), {given} given", self.name, self.nin);
        if datetime::involves(inputs, &opts) {
            return datetime::call_all(self, inputs, opts);
        }
        let mut args: Vec<TypeArg> = Vec::with_capacity(self.nin);
        if opts.is_inplace() {
            args.push(TypeArg::DType(opts.out_dtype(0).expect("an in-place output").clone()));
        }
        args.extend(inputs.iter().map(type_arg));
        if self.resolver == Resolver::Comparison {
            widen_out_of_range_ints(&mut args, inputs, usize::from(opts.is_inplace()));
        }
        let r = self.resolve(&args, &opts)?;
        let lp = &self.loops[r.index];
        let spec = LoopSpec {
            name: self.name,
            nin: self.nin,
            dtypes: &r.dtypes,
            func: lp.func,
            report_fp: self.report_fp,
            writes_uninit: lp.writes_uninit,
        };
        run_loop(&spec, inputs, opts)
    }
}

/// A ufunc's loop over one element type in every operand, run on slices: what a pass of
/// its own (over blocks it also reads or fixes up, as `numpy.ma`'s fused passes do) calls
/// instead of a second copy of the kernel. From [`Ufunc::slice_loop`].
#[derive(Clone, Copy)]
pub struct SliceLoop<T> {
    func: LoopFn,
    nin: usize,
    report_fp: bool,
    elem: std::marker::PhantomData<fn(T) -> T>,
}

impl Ufunc {
    /// The loop NumPy runs when every input is of `T`, when it also writes `T` and the
    /// ufunc has one output (`add` and `log` of `f64`; not `log` of `i64`, whose loop is
    /// `d->d`, nor `less`, which writes bool).
    ///
    /// ```
    /// use nprs_ufunc::ufuncs::{ADD, LESS, LOG};
    /// let add = ADD.slice_loop::<f64>().unwrap();
    /// let mut acc = [1.0, 2.0, 3.0];
    /// add.run(&mut acc, &[&[10.0, 20.0, 30.0]]);
    /// assert_eq!(acc, [11.0, 22.0, 33.0]);
    /// assert!(LOG.slice_loop::<i64>().is_none());
    /// assert!(LESS.slice_loop::<f64>().is_none());
    /// ```
    #[must_use]
    pub fn slice_loop<T: nprs_core::Element>(&self) -> Option<SliceLoop<T>> {
        if self.nout != 1 {
            return None;
        }
        let args = vec![TypeArg::DType(T::DTYPE.into()); self.nin];
        let r = self.resolve(&args, &UfuncOptions::new()).ok()?;
        if r.dtypes.iter().any(|&d| d != T::DTYPE) {
            return None;
        }
        Some(SliceLoop {
            func: self.loops[r.index].func,
            nin: self.nin,
            report_fp: self.report_fp,
            elem: std::marker::PhantomData,
        })
    }
}

impl<T: nprs_core::Element> SliceLoop<T> {
    /// `acc[i] = f(acc[i], others[0][i], …)` for every `i`, and the floating-point
    /// conditions it raised (none for a ufunc that does not report them); the caller
    /// hands them to [`nprs_core::fpstatus::check`] when it is done.
    ///
    /// # Panics
    /// When `others` is not the ufunc's other inputs, each as long as `acc`.
    #[allow(unsafe_code)] // calls the type-erased loop; the block says why it is sound
    pub fn run(&self, acc: &mut [T], others: &[&[T]]) -> FpFlags {
        assert_eq!(others.len() + 1, self.nin, "a loop of {} inputs", self.nin);
        assert!(others.iter().all(|o| o.len() == acc.len()), "inputs as long as the output");
        let n = acc.len();
        let out: *mut u8 = acc.as_mut_ptr().cast();
        // A loop has at most five operands (nprs-core's `MAX_ARGS`).
        let mut ptrs = [out; 6];
        for (p, o) in ptrs[1..].iter_mut().zip(others) {
            *p = o.as_ptr().cast::<u8>().cast_mut();
        }
        let nargs = self.nin + 1;
        let strides = [size_of::<T>() as isize; 6];
        let (ptrs, strides) = (&ptrs[..nargs], &strides[..nargs]);
        let (flags, hw) = nprs_core::fpstatus::watch_hw(|| {
            // SAFETY: the loop was registered for `T` in every operand (checked by
            // `slice_loop`); every pointer addresses `n` initialised, aligned, native `T`s
            // stepped by `size_of::<T>()`; the output is `acc`, which is also the first
            // input element for element (allowed by the `LoopFn` contract), and the other
            // inputs are shared borrows, so they do not overlap it.
            unsafe { (self.func)(ptrs, strides, n) }
        });
        if self.report_fp { flags | hw } else { FpFlags::NONE }
    }
}

impl Ufunc {
    /// `ufunc.outer(a, b)`: the ufunc of every element of `a` with every element of `b`,
    /// of shape `a.shape + b.shape` (a binary ufunc; the first output).
    ///
    /// ```
    /// use nprs_core::prelude::*;
    /// use nprs_core::UfuncOptions;
    /// use nprs_ufunc::ufuncs::MULTIPLY;
    /// let r = MULTIPLY.outer(&(&array![1i64, 2, 3]).into(), &(&array![10i64, 100]).into(), UfuncOptions::new())?;
    /// assert_eq!(r.shape(), &[3, 2]);
    /// assert_eq!(r.typed::<i64>()?.to_vec(), vec![10, 100, 20, 200, 30, 300]);
    /// # Ok::<(), nprs_core::Error>(())
    /// ```
    ///
    /// # Errors
    /// [`Error::UFuncNotSupported`] for a ufunc that is not binary (NumPy raises
    /// "outer product only supported for binary functions"); otherwise as
    /// [`call`](Self::call).
    pub fn outer(&self, a: &Operand<'_>, b: &Operand<'_>, opts: UfuncOptions<'_>) -> Result<DynArray> {
        if self.nin != 2 {
            return Err(Error::UFuncNotSupported { ufunc: self.name });
        }
        let bnd = match b {
            Operand::Array(v) => v.ndim(),
            Operand::Scalar(_) => 0,
        };
        let held;
        let left = match a {
            Operand::Array(v) => {
                let mut shape = v.shape().to_vec();
                shape.extend(std::iter::repeat_n(1, bnd));
                held = v.reshape_view(shape.as_slice())?;
                Operand::Array(held.reborrow())
            }
            Operand::Scalar(s) => Operand::Scalar(s.clone()),
        };
        let right = match b {
            Operand::Array(v) => Operand::Array(v.reborrow()),
            Operand::Scalar(s) => Operand::Scalar(s.clone()),
        };
        self.call(&[left, right], opts)
    }
}

/// Whether an index of `c` lies outside `-n..n`, in one pass without early exit: the
/// unsigned test `i + n < 2n` for each, compiled for AVX2 where the CPU has it (the
/// baseline target has no 64-bit vector comparison).
fn any_out_of_bounds(c: &[isize], n: isize) -> bool {
    #[inline(always)]
    fn pass(c: &[isize], n: isize) -> bool {
        let span = n.unsigned_abs() * 2;
        c.iter().fold(false, |bad, &i| bad | (i.wrapping_add(n) as usize >= span))
    }
    #[cfg(target_arch = "x86_64")]
    if nprs_core::kernel::has_avx2() {
        #[target_feature(enable = "avx2")]
        fn wide(c: &[isize], n: isize) -> bool {
            pass(c, n)
        }
        // SAFETY: `has_avx2` reported AVX2 on this CPU.
        #[allow(unsafe_code)]
        return unsafe { wide(c, n) };
    }
    pass(c, n)
}

impl Ufunc {
    /// `ufunc.at(a, indices, b)`: the ufunc applied in place to `a[indices[k]]` (with
    /// `b[k]`, `b` broadcast to `(len(indices),) + a.shape[1:]`, for a binary ufunc; `b` is
    /// `None` for a unary one), one index after the other, unbuffered: a repeated index is
    /// applied again to its updated element (`np.add.at(a, [0, 0], 1)` adds 2). When the
    /// loop runs in `a`'s dtype and the rows of `a` are contiguous, one indexed walk calls
    /// the loop once per index on the row in place; otherwise each index is one ufunc call.
    ///
    /// ```
    /// use nprs_core::prelude::*;
    /// use nprs_core::DynArray;
    /// use nprs_ufunc::ufuncs::ADD;
    /// let mut a = DynArray::from(array![0i64, 0, 0]);
    /// ADD.at(&mut a.view_mut(), &[0, 2, 0, -1], Some(&1.into()))?;
    /// assert_eq!(a.typed::<i64>()?.to_vec(), vec![2, 0, 2]);
    /// # Ok::<(), nprs_core::Error>(())
    /// ```
    ///
    /// # Errors
    /// NumPy's IndexError for an index out of bounds (checked before any element
    /// changes); `b` that does not broadcast; as [`call`](Self::call). The result is cast
    /// back to `a`'s dtype unsafely, as NumPy does (`np.add.at(int_array, i, 1.5)` adds 1).
    ///
    /// # Panics
    /// When `b` is given for a unary ufunc or missing for a binary one, or the ufunc has
    /// more than two inputs.
    pub fn at(&self, a: &mut DynViewMut<'_>, indices: &[isize], b: Option<&Operand<'_>>) -> Result<()> {
        assert!(self.nin <= 2 && (self.nin == 2) == b.is_some(), "{}.at takes {} operand(s)", self.name, self.nin);
        let b_full = match b {
            Some(Operand::Array(v)) => {
                let mut shape = vec![indices.len()];
                shape.extend_from_slice(&a.shape()[1.min(a.ndim())..]);
                Some(v.broadcast_to(&shape)?)
            }
            _ => None,
        };
        // Every index is checked before any element changes, as NumPy does (the first one
        // out of bounds gives the error `a[i]` gives).
        match a.shape().first() {
            Some(&len) => {
                let n = len as isize;
                // A pass without early exit (vectorised), on several threads for many
                // indices; the first bad index is looked for only when there is one.
                let bad = if indices.len() >= 1 << 16 {
                    use rayon::prelude::*;
                    indices.par_chunks(1 << 14).any(|c| any_out_of_bounds(c, n))
                } else {
                    any_out_of_bounds(indices, n)
                };
                if bad && let Some(&i) = indices.iter().find(|&&i| i < -n || i >= n) {
                    a.at(&[i])?;
                }
            }
            None => {
                if let Some(&i) = indices.first() {
                    a.at(&[i])?;
                }
            }
        }
        if self.at_direct(a, indices, b_full.as_ref(), b)? {
            return Ok(());
        }
        self.at_each(a, indices.iter().map(|&i| vec![i]), b_full.as_ref(), b)
    }

    /// One ufunc call per selected element (or subarray) `a[index_k]`, in place, with
    /// `b_full[k]` or the scalar `b`; the result cast back to `a`'s dtype unsafely, as
    /// NumPy's `at` does.
    fn at_each(
        &self,
        a: &mut DynViewMut<'_>,
        index: impl Iterator<Item = Vec<isize>>,
        b_full: Option<&nprs_core::dynarray::DynView<'_>>,
        b: Option<&Operand<'_>>,
    ) -> Result<()> {
        for (k, ix) in index.enumerate() {
            let item = a.at_mut(&ix)?;
            let rest: Vec<Operand<'_>> = match (b_full, b) {
                (Some(full), _) => vec![Operand::Array(full.at(&[k as isize])?)],
                (None, Some(Operand::Scalar(s))) => vec![Operand::Scalar(s.clone())],
                _ => vec![],
            };
            self.call_all(&rest, UfuncOptions::new().casting(nprs_core::Casting::Unsafe).inplace(item))?;
        }
        Ok(())
    }

    /// `ufunc.at(a, (i0, i1, …), b)`: as [`at`](Self::at) with a tuple of index arrays,
    /// one per leading axis of `a` (NumPy's advanced indexing: the arrays broadcast
    /// against each other — equal lengths, or length one — and select `a[i0[k], i1[k], …]`,
    /// the remaining axes whole), one selection after the other, unbuffered.
    ///
    /// ```
    /// use nprs_core::prelude::*;
    /// use nprs_core::DynArray;
    /// use nprs_ufunc::ufuncs::ADD;
    /// let mut a = DynArray::from(Array::<f64>::zeros(&[2, 3])?);
    /// let (rows, cols): (&[isize], &[isize]) = (&[0, 1, 0], &[2, 0, 2]);
    /// ADD.at_tuple(&mut a.view_mut(), &[rows, cols], Some(&1.5.into()))?;
    /// assert_eq!(a.typed::<f64>()?.to_vec(), vec![0.0, 0.0, 3.0, 1.5, 0.0, 0.0]);
    /// # Ok::<(), nprs_core::Error>(())
    /// ```
    ///
    /// # Errors
    /// NumPy's IndexError for more index arrays than axes ("too many indices for
    /// array…") and for an index out of bounds (checked before any element changes);
    /// index arrays that do not broadcast ("shape mismatch: indexing arrays could not be
    /// broadcast together…"); `b` that does not broadcast; as [`call`](Self::call).
    ///
    /// # Panics
    /// As [`at`](Self::at), for the wrong number of operands.
    pub fn at_tuple(&self, a: &mut DynViewMut<'_>, index: &[&[isize]], b: Option<&Operand<'_>>) -> Result<()> {
        assert!(self.nin <= 2 && (self.nin == 2) == b.is_some(), "{}.at takes {} operand(s)", self.name, self.nin);
        let m = index.len();
        if m > a.ndim() {
            return Err(Error::TooManyIndices { ndim: a.ndim(), given: m });
        }
        if m == 1 {
            return self.at(a, index[0], b);
        }
        let len = index.iter().map(|ix| ix.len()).max().unwrap_or(0);
        if index.iter().any(|ix| ix.len() != len && ix.len() != 1) {
            return Err(Error::IndexBroadcast { shapes: index.iter().map(|ix| vec![ix.len()]).collect() });
        }
        let tuple = |k: usize| -> Vec<isize> { index.iter().map(|ix| ix[if ix.len() == 1 { 0 } else { k }]).collect() };
        // Every index is checked before any element changes, as NumPy does.
        for k in 0..len {
            a.at(&tuple(k))?;
        }
        let b_full = match b {
            Some(Operand::Array(v)) => {
                let mut shape = vec![len];
                shape.extend_from_slice(&a.shape()[m..]);
                Some(v.broadcast_to(&shape)?)
            }
            _ => None,
        };
        // All axes indexed on a C-contiguous array: one typed pass over flat positions.
        if m == a.ndim() && a.is_c_contiguous() && self.nin == 2 {
            let flat: Vec<isize> = (0..len)
                .map(|k| {
                    let mut off = 0isize;
                    for (d, &i) in tuple(k).iter().enumerate() {
                        let n = a.shape()[d] as isize;
                        off = off * n + if i < 0 { i + n } else { i };
                    }
                    off
                })
                .collect();
            if self.at_flat(a, &flat, b_full.as_ref(), b)? {
                return Ok(());
            }
        }
        self.at_each(a, (0..len).map(tuple), b_full.as_ref(), b)
    }
}

/// NumPy 2 compares a Python integer outside an integer array's range by value
/// (`uint8_array == 300` is all false, `uint8_array > -1` all true): such a scalar is
/// given int64 (uint64 above its range), so the comparison runs in int64 or in the exact
/// int64/uint64 loops.
fn widen_out_of_range_ints(args: &mut [TypeArg], inputs: &[Operand<'_>], skip: usize) {
    let strong: Option<DType> = args.iter().find_map(|a| match a {
        TypeArg::DType(d) => d.numeric().filter(|t| matches!(t.kind(), 'i' | 'u')),
        _ => None,
    });
    let Some(t) = strong else { return };
    let Ok(info) = nprs_core::iinfo(t) else { return };
    for (i, o) in inputs.iter().enumerate() {
        if let Operand::Scalar(nprs_core::Scalar::Int(v)) = o
            && (*v < info.min || *v > info.max)
        {
            let wide = if *v > i128::from(i64::MAX) { DType::UInt64 } else { DType::Int64 };
            args[i + skip] = TypeArg::from(wide);
        }
    }
}

/// The promotion argument of an operand (a scalar is weak).
pub(crate) fn type_arg(o: &Operand<'_>) -> TypeArg {
    match o {
        Operand::Array(v) => TypeArg::DType(v.dtype().clone()),
        Operand::Scalar(s) => TypeArg::of_scalar(s),
    }
}

/// Every registered ufunc, by NumPy name or alias.
#[must_use]
pub fn by_name(name: &str) -> Option<&'static Ufunc> {
    ALL.iter().copied().find(|u| u.name == name || u.aliases.contains(&name))
}

/// The error for a ufunc without a loop for these argument types.
fn not_supported(u: &Ufunc) -> Error {
    Error::UFuncNotSupported { ufunc: u.name }
}
