//! The buffered elementwise loop, as NumPy's buffered iterator: operands of another dtype
//! than the loop's are converted [`BUFSIZE`] elements at a time into a small buffer, the
//! same-dtype kernel runs on the buffers, and an output of another dtype is written back
//! through a buffer too; no operand is ever converted whole. A `where=` mask splits every
//! run into its stretches of `true`, so masked-out elements are neither computed nor
//! written. Floating-point status flags are read once per share of the work and merged.
//!
//! Everything here is type-erased: kernels and casts are functions over byte pointers,
//! byte strides and a length (the dtype tables that pick them live with the dynamic
//! arrays). With nothing to convert and no mask, each run goes straight to the kernel,
//! exactly as the unbuffered engine does.
#![allow(unsafe_code)] // raw operand pointers handed to type-erased kernels; each block says why

use std::sync::atomic::{AtomicU8, Ordering};

use smallvec::SmallVec;

use crate::engine::Plan;
use crate::fpstatus::{self, FpFlags};

/// Elements converted per buffer fill (NumPy's default buffer size).
pub(crate) const BUFSIZE: usize = 8192;

/// A binary inner loop: `p = [out, a, b]`, byte strides `s`, `len` elements. Returns the
/// conditions it detected itself (the hardware's are read around it).
pub(crate) type LoopFn = unsafe fn([*mut u8; 3], [isize; 3], usize) -> FpFlags;

/// A conversion of `len` elements: `p = [dst, src]` with byte strides `s`.
pub(crate) type CastFn = unsafe fn([*mut u8; 2], [isize; 2], usize);

/// One operand of a [`Binary`] call: where its first element is, its byte strides over the
/// loop's shape (zero on broadcast axes) and, when its dtype is not the loop's, the
/// conversion (into the loop's dtype for an input, out of it for the output).
pub(crate) struct Arg<'s> {
    pub(crate) ptr: *mut u8,
    pub(crate) strides: &'s [isize],
    pub(crate) cast: Option<CastFn>,
}

/// A binary elementwise call.
pub(crate) struct Binary<'s> {
    /// The broadcast shape.
    pub(crate) shape: &'s [usize],
    /// The output (never broadcast, never overlapping an input unless elementwise equal).
    pub(crate) out: Arg<'s>,
    /// The two inputs.
    pub(crate) inputs: [Arg<'s>; 2],
    /// A bool mask and its strides (`where=`).
    pub(crate) mask: Option<(*const u8, &'s [isize])>,
    /// The same-dtype kernel.
    pub(crate) kernel: LoopFn,
    /// Bytes per element of the kernel's inputs.
    pub(crate) in_size: usize,
    /// Bytes per element of the kernel's output.
    pub(crate) out_size: usize,
}

/// What every share of the work needs to know: function pointers and sizes only, so it
/// may be shared between threads.
#[derive(Clone, Copy)]
struct Loop {
    kernel: LoopFn,
    casts: [Option<CastFn>; 3],
    in_size: usize,
    out_size: usize,
    masked: bool,
    chunk: usize,
}

impl Loop {
    fn direct(&self) -> bool {
        self.casts.iter().all(Option::is_none)
    }

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
    /// One run of the plan: `p = [out, a, b, mask]`.
    ///
    /// # Safety
    /// The plan's contract: `len` elements of every operand at these byte strides.
    unsafe fn feed(&mut self, p: [*mut u8; 4], s: [isize; 4], len: usize) {
        if !self.lp.masked {
            // SAFETY: forwarded contract.
            unsafe { self.process([p[0], p[1], p[2]], [s[0], s[1], s[2]], len) };
            return;
        }
        let m = p[3].cast_const();
        // SAFETY: mask elements `0..len` are bools of the mask operand.
        let at = |j: usize| unsafe { *m.offset(j as isize * s[3]) != 0 };
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
                let mut q = [p[0], p[1], p[2]];
                for k in 0..3 {
                    // SAFETY: `j0 < len`: an element of each operand.
                    q[k] = unsafe { q[k].offset(j0 as isize * s[k]) };
                }
                // SAFETY: elements `j0..j` of the run.
                unsafe { self.process(q, [s[0], s[1], s[2]], j - j0) };
            }
        }
    }

    /// Computes `len` elements, converting through the buffers where needed.
    ///
    /// # Safety
    /// As [`feed`](Self::feed).
    unsafe fn process(&mut self, p: [*mut u8; 3], s: [isize; 3], len: usize) {
        let lp = self.lp;
        if lp.direct() {
            // SAFETY: no conversion: the kernel reads and writes the operands in place.
            self.flags |= unsafe { (lp.kernel)(p, s, len) };
            return;
        }
        let (rin, rout) = (lp.region(lp.in_size), lp.region(lp.out_size));
        if self.buf.is_empty() {
            self.buf = Vec::with_capacity((2 * rin + rout).div_ceil(8));
        }
        let base = self.buf.as_mut_ptr().cast::<u8>();
        // SAFETY: the three regions lie inside the buffer's capacity.
        let bufs = unsafe { [base.add(2 * rin), base, base.add(rin)] };
        let mut i = 0;
        while i < len {
            let n = lp.chunk.min(len - i);
            let mut kp = [std::ptr::null_mut(); 3];
            let mut ks = [0isize; 3];
            for k in 1..3 {
                // SAFETY: `i < len`: an element of the operand.
                let src = unsafe { p[k].offset(i as isize * s[k]) };
                match lp.casts[k] {
                    None => (kp[k], ks[k]) = (src, s[k]),
                    Some(cast) => {
                        // A broadcast input is converted once and read with stride zero.
                        let (count, stride) = if s[k] == 0 { (1, 0) } else { (n, lp.in_size as isize) };
                        // SAFETY: `count` source elements at stride `s[k]`; the buffer
                        // region holds `chunk >= count` elements of the loop's type.
                        unsafe { cast([bufs[k], src], [lp.in_size as isize, s[k]], count) };
                        (kp[k], ks[k]) = (bufs[k], stride);
                    }
                }
            }
            // SAFETY: `i < len`: an element of the output.
            let dst = unsafe { p[0].offset(i as isize * s[0]) };
            match lp.casts[0] {
                None => {
                    // SAFETY: `n` elements of every operand at `kp`/`ks`.
                    self.flags |= unsafe { (lp.kernel)([dst, kp[1], kp[2]], [s[0], ks[1], ks[2]], n) };
                }
                Some(cast) => {
                    let os = lp.out_size as isize;
                    // SAFETY: as above, writing into the output region.
                    self.flags |= unsafe { (lp.kernel)([bufs[0], kp[1], kp[2]], [os, ks[1], ks[2]], n) };
                    // SAFETY: `n` converted elements into the output at its stride.
                    unsafe { cast([dst, bufs[0]], [s[0], os], n) };
                }
            }
            i += n;
        }
    }
}

/// Runs a binary call over the rayon pool when it is large, and returns the merged
/// floating-point conditions of all its shares.
///
/// # Safety
/// Every operand pointer with its strides must address `shape`'s elements of the dtype
/// the call's kernel and casts expect; the output's elements must be writable, distinct,
/// and not read through the inputs unless elementwise the same element (overlap was
/// resolved by the caller).
pub(crate) unsafe fn run_binary(call: &Binary<'_>) -> FpFlags {
    static TRUE: u8 = 1;
    let zeros: SmallVec<[isize; 6]> = SmallVec::from_elem(0, call.shape.len());
    let (mptr, mstrides) = call.mask.unwrap_or((&raw const TRUE, &zeros));
    let plan = Plan::<4>::new(call.shape, [call.out.strides, call.inputs[0].strides, call.inputs[1].strides, mstrides]);
    let lp = Loop {
        kernel: call.kernel,
        casts: [call.out.cast, call.inputs[0].cast, call.inputs[1].cast],
        in_size: call.in_size,
        out_size: call.out_size,
        masked: call.mask.is_some(),
        chunk: BUFSIZE.min(plan.size()).max(1),
    };
    let flags = AtomicU8::new(0);
    let ptrs = [call.out.ptr, call.inputs[0].ptr, call.inputs[1].ptr, mptr.cast_mut()];
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

impl crate::engine::RunSink<4> for Task {
    unsafe fn run(&mut self, p: [*mut u8; 4], s: [isize; 4], len: usize) {
        // SAFETY: forwarded contract.
        unsafe { self.feed(p, s, len) }
    }
}
