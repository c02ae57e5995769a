//! The buffered elementwise loop, as NumPy's buffered iterator, for any ufunc arity (up to
//! [`MAX_IN`] inputs and [`MAX_OUT`] outputs): operands of another dtype than the loop's
//! are converted [`BUFSIZE`] elements at a time into a small buffer, the same-dtype kernel
//! runs on the buffers, and an output of another dtype is written back through a buffer
//! too; no operand is ever converted whole. A `where=` mask splits every run into its
//! stretches of `true`, so masked-out elements are neither computed nor written.
//! Floating-point status flags are read once per share of the work and merged.
//!
//! Everything here is type-erased: kernels and casts are functions over byte pointers,
//! byte strides and a length (the dtype tables that pick them live with the dynamic
//! arrays and the ufunc table). With nothing to convert and no mask, each run goes
//! straight to the kernel, exactly as the unbuffered engine does.
#![allow(unsafe_code)]
// raw operand pointers handed to type-erased kernels; each block says why
// Per-operand arrays (pointers, strides, casts, sizes) are indexed in step by operand number.
#![allow(clippy::needless_range_loop)]

use std::sync::atomic::{AtomicU8, Ordering};

use smallvec::SmallVec;

use crate::engine::{Plan, RunSink};
use crate::fpstatus::{self, FpFlags};

/// Elements converted per buffer fill (NumPy's default buffer size).
pub(crate) const BUFSIZE: usize = 8192;

/// The most inputs a loop takes.
pub const MAX_IN: usize = 3;
/// The most outputs a loop writes.
pub const MAX_OUT: usize = 2;
/// The most operands (inputs and outputs) of a loop.
pub(crate) const MAX_ARGS: usize = MAX_IN + MAX_OUT;

/// A ufunc's inner loop, type-erased (NumPy's strided loop): `args` holds one pointer per
/// operand, the inputs first and then the outputs (`[a, b, out]` for a binary ufunc,
/// `[x, mantissa, exponent]` for `frexp`), `strides` their byte strides, and `len` the
/// number of elements. It returns the floating-point conditions it detected itself
/// (integer division by zero…); the hardware's flags are read around it by the engine.
///
/// # Safety (the contract a caller keeps and a loop may rely on)
/// - `args.len() == strides.len()` is the loop's operand count, and each pointer stepped
///   `0..len` times by its stride addresses an element of the dtype the loop was
///   registered for: native byte order, aligned for the element type;
/// - input elements are initialised and only read; output elements may be written and
///   are initialised memory (an output may be the same memory as an input only element
///   for element, so reading an input element before writing the same position is fine);
/// - a stride may be zero (a broadcast operand) for inputs, never for outputs unless
///   `len <= 1`;
/// - the loop may run on several threads at once over disjoint ranges of the outputs.
pub type LoopFn = unsafe fn(args: &[*mut u8], strides: &[isize], len: usize) -> FpFlags;

/// A conversion of `len` elements: `p = [dst, src]` with byte strides `s`.
pub(crate) type CastFn = unsafe fn([*mut u8; 2], [isize; 2], usize);

/// One operand of a [`Call`]: where its first element is, its byte strides over the
/// loop's shape (zero on broadcast axes), the loop dtype's item size and, when its dtype is
/// not the loop's, the conversion (into the loop's dtype for an input, out of it for an
/// output).
pub(crate) struct Arg<'s> {
    pub(crate) ptr: *mut u8,
    pub(crate) strides: &'s [isize],
    pub(crate) cast: Option<CastFn>,
    pub(crate) size: usize,
}

/// An elementwise call of any arity.
pub(crate) struct Call<'s> {
    /// The broadcast shape.
    pub(crate) shape: &'s [usize],
    /// The operands: `nin` inputs, then the outputs (never broadcast, never overlapping an
    /// input unless elementwise equal).
    pub(crate) args: &'s [Arg<'s>],
    /// How many of `args` are inputs.
    pub(crate) nin: usize,
    /// A bool mask and its strides (`where=`).
    pub(crate) mask: Option<(*const u8, &'s [isize])>,
    /// The same-dtype kernel.
    pub(crate) kernel: LoopFn,
}

/// What every share of the work needs to know: function pointers and sizes only, so it
/// may be shared between threads.
#[derive(Clone, Copy)]
struct Loop {
    kernel: LoopFn,
    nargs: usize,
    nin: usize,
    casts: [Option<CastFn>; MAX_ARGS],
    sizes: [usize; MAX_ARGS],
    masked: bool,
    direct: bool,
    chunk: usize,
}

impl Loop {
    /// Bytes of one buffer region, rounded so every region stays aligned for any element.
    fn region(&self, size: usize) -> usize {
        (self.chunk * size).next_multiple_of(16)
    }
}

/// One share of the work: the loop, its buffers (allocated at the first run that needs
/// them) and the conditions its kernels reported.
struct Task {
    lp: Loop,
    buf: Vec<u64>,
    flags: FpFlags,
}

impl Task {
    /// Computes `len` elements, converting through the buffers where needed.
    ///
    /// # Safety
    /// The plan's contract: `len` elements of every operand at these byte strides.
    unsafe fn process(&mut self, p: &[*mut u8], s: &[isize], len: usize) {
        let lp = self.lp;
        if lp.direct {
            // SAFETY: no conversion: the kernel reads and writes the operands in place.
            self.flags |= unsafe { (lp.kernel)(p, s, len) };
            return;
        }
        let mut offs = [0usize; MAX_ARGS];
        let mut total = 0;
        for k in 0..lp.nargs {
            if lp.casts[k].is_some() {
                offs[k] = total;
                total += lp.region(lp.sizes[k]);
            }
        }
        if self.buf.is_empty() {
            // Zeroed once, so that outputs written through the buffers are initialised
            // memory as the loop contract says.
            self.buf = vec![0u64; total.div_ceil(8)];
        }
        let base = self.buf.as_mut_ptr().cast::<u8>();
        let mut i = 0;
        while i < len {
            let n = lp.chunk.min(len - i);
            let mut kp = [std::ptr::null_mut(); MAX_ARGS];
            let mut ks = [0isize; MAX_ARGS];
            for k in 0..lp.nargs {
                // SAFETY: `i < len`: an element of the operand.
                let at = unsafe { p[k].offset(i as isize * s[k]) };
                match lp.casts[k] {
                    None => (kp[k], ks[k]) = (at, s[k]),
                    Some(cast) => {
                        // SAFETY: the region lies inside the buffer.
                        let region = unsafe { base.add(offs[k]) };
                        let size = lp.sizes[k] as isize;
                        if k < lp.nin {
                            // A broadcast input is converted once and read with stride zero.
                            let (count, stride) = if s[k] == 0 { (1, 0) } else { (n, size) };
                            // SAFETY: `count` source elements at stride `s[k]`; the region
                            // holds `chunk >= count` elements of the loop's type.
                            unsafe { cast([region, at], [size, s[k]], count) };
                            (kp[k], ks[k]) = (region, stride);
                        } else {
                            (kp[k], ks[k]) = (region, size);
                        }
                    }
                }
            }
            // SAFETY: `n` elements of every operand at `kp`/`ks`.
            self.flags |= unsafe { (lp.kernel)(&kp[..lp.nargs], &ks[..lp.nargs], n) };
            for k in lp.nin..lp.nargs {
                if let Some(cast) = lp.casts[k] {
                    // SAFETY: `n` converted elements into the output at its stride.
                    unsafe {
                        let dst = p[k].offset(i as isize * s[k]);
                        cast([dst, kp[k]], [s[k], ks[k]], n);
                    }
                }
            }
            i += n;
        }
    }
}

impl<const N: usize> RunSink<N> for Task {
    /// One run of the plan: the loop's operands, then the mask.
    unsafe fn run(&mut self, p: [*mut u8; N], s: [isize; N], len: usize) {
        let nargs = N - 1;
        if !self.lp.masked {
            // SAFETY: forwarded contract.
            unsafe { self.process(&p[..nargs], &s[..nargs], len) };
            return;
        }
        let m = p[nargs].cast_const();
        let sm = s[nargs];
        // SAFETY: mask elements `0..len` are bools of the mask operand.
        let at = |j: usize| unsafe { *m.offset(j as isize * sm) != 0 };
        let mut j = 0;
        while j < len {
            while j < len && !at(j) {
                j += 1;
            }
            let j0 = j;
            while j < len && at(j) {
                j += 1;
            }
            if j > j0 {
                let mut q = [std::ptr::null_mut(); N];
                for k in 0..nargs {
                    // SAFETY: `j0 < len`: an element of each operand.
                    q[k] = unsafe { p[k].offset(j0 as isize * s[k]) };
                }
                // SAFETY: elements `j0..j` of the run.
                unsafe { self.process(&q[..nargs], &s[..nargs], j - j0) };
            }
        }
    }
}

/// Runs a call over the rayon pool when it is large, and returns the merged
/// floating-point conditions of all its shares.
///
/// # Safety
/// Every operand pointer with its strides must address `shape`'s elements of the dtype
/// the call's kernel and casts expect; the outputs' elements must be writable, initialised
/// (or written only by loops that accept uninitialised memory), distinct, and not read
/// through the inputs unless elementwise the same element (overlap was resolved by the
/// caller).
pub(crate) unsafe fn run(call: &Call<'_>) -> FpFlags {
    // SAFETY: forwarded contract.
    unsafe {
        match call.args.len() {
            1 => run_n::<2>(call),
            2 => run_n::<3>(call),
            3 => run_n::<4>(call),
            4 => run_n::<5>(call),
            5 => run_n::<6>(call),
            n => unreachable!("a loop has 1 to {MAX_ARGS} operands, not {n}"),
        }
    }
}

/// [`run`] for `N - 1` operands and the mask.
///
/// # Safety
/// As [`run`].
unsafe fn run_n<const N: usize>(call: &Call<'_>) -> FpFlags {
    static TRUE: u8 = 1;
    let zeros: SmallVec<[isize; 6]> = SmallVec::from_elem(0, call.shape.len());
    let (mptr, mstrides) = call.mask.unwrap_or((&raw const TRUE, &zeros));
    let strides: [&[isize]; N] = std::array::from_fn(|k| if k + 1 < N { call.args[k].strides } else { mstrides });
    let plan = Plan::<N>::new(call.shape, strides);
    let mut lp = Loop {
        kernel: call.kernel,
        nargs: N - 1,
        nin: call.nin,
        casts: [None; MAX_ARGS],
        sizes: [0; MAX_ARGS],
        masked: call.mask.is_some(),
        direct: call.args.iter().all(|a| a.cast.is_none()),
        chunk: BUFSIZE.min(plan.size()).max(1),
    };
    for (k, a) in call.args.iter().enumerate() {
        lp.casts[k] = a.cast;
        lp.sizes[k] = a.size;
    }
    let flags = AtomicU8::new(0);
    let ptrs: [*mut u8; N] = std::array::from_fn(|k| if k + 1 < N { call.args[k].ptr } else { mptr.cast_mut() });
    let start = || {
        fpstatus::clear_hw();
        Task { lp, buf: Vec::new(), flags: FpFlags::NONE }
    };
    let finish = |t: Task| {
        flags.fetch_or((t.flags | fpstatus::read_hw()).bits(), Ordering::Relaxed);
    };
    // SAFETY: the caller's contract; the mask is only read.
    unsafe {
        plan.par_for_each_task(ptrs, start, finish);
    }
    FpFlags::from_bits(flags.load(Ordering::Relaxed))
}
