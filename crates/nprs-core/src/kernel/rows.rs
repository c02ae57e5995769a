//! Direct calls of a ufunc loop on rows of arrays: the inner step of reductions,
//! accumulations and `ufunc.at`, where one operand is both read and written across calls
//! (an accumulator) and the element-wise engine (which treats every call as independent)
//! does not fit.
#![allow(unsafe_code)] // calls of type-erased loops on checked byte offsets; each block says why

use crate::buffered::MAX_ARGS;
use crate::dynarray::{DynView, DynViewMut};
use crate::fpstatus::{self, FpFlags};
use crate::kernel::LoopSpec;
use crate::{DType, Result};

/// Which array an operand of [`run_rows`] lies in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RowArg {
    /// The accumulator (read and written).
    Acc,
    /// The source (only read).
    Src,
}

/// The byte range `[lo, hi]` of the elements of a dense view (every byte between its
/// first and last element belongs to an element), or `None` when it has gaps.
fn dense_extent(shape: &[usize], strides: &[isize], isz: usize) -> Option<(isize, isize)> {
    let mut dims: Vec<(usize, isize)> =
        shape.iter().copied().zip(strides.iter().copied()).filter(|&(d, _)| d > 1).collect();
    if shape.contains(&0) {
        return Some((0, -1));
    }
    dims.sort_by_key(|&(_, s)| s.unsigned_abs());
    let mut expect = isz;
    let (mut lo, mut hi) = (0isize, 0isize);
    for (d, s) in dims {
        if s.unsigned_abs() != expect {
            return None;
        }
        expect *= d;
        let span = s * (d as isize - 1);
        if span < 0 {
            lo += span;
        } else {
            hi += span;
        }
    }
    Some((lo, hi))
}

/// True when every byte between the first and the last element of `v` belongs to an
/// element (a C-, F- or otherwise permuted contiguous layout, with any stride signs): the
/// arrays [`run_rows`] accepts.
#[must_use]
pub fn is_dense(v: &DynView<'_>) -> bool {
    dense_extent(v.shape(), v.strides(), v.dtype().itemsize()).is_some()
}

/// Calls `spec`'s loop (one or two inputs, one output) once per entry of `calls`, each
/// over `len` elements: operand `j` lies in the array `args[j]` names, starts `calls[k][j]`
/// bytes from that array's first element and steps by `strides[j]` bytes. Every call's
/// operands are checked to lie on elements of their arrays, and an input that shares
/// memory with the output must be the same elements (so running a reduction row by row
/// over an accumulator is safe). The floating-point conditions of all calls go to the
/// error state at the end (the hardware's too when `spec.report_fp`).
///
/// ```
/// use nprs_core::prelude::*;
/// use nprs_core::DynArray;
/// use nprs_core::kernel::{LoopFn, LoopSpec, RowArg, loops, run_rows};
/// let src = DynArray::from(array![[1i64, 2], [3, 4], [5, 6]]);
/// let mut acc = DynArray::from(array![0i64, 0]);
/// let spec = LoopSpec {
///     name: "add",
///     nin: 2,
///     dtypes: &[DType::Int64; 3],
///     func: loops::add::<i64> as LoopFn,
///     report_fp: true,
///     writes_uninit: true,
/// };
/// let calls = (0..3).map(|k| [0, 16 * k, 0]);
/// let args = [RowArg::Acc, RowArg::Src, RowArg::Acc];
/// run_rows(&spec, &mut acc.view_mut(), Some(&src.view()), &args, &[8, 8, 8], 2, calls)?;
/// assert_eq!(acc.typed::<i64>()?.to_vec(), vec![9, 12]);
/// # Ok::<(), nprs_core::Error>(())
/// ```
///
/// # Errors
/// [`Error::FloatingPoint`](crate::Error::FloatingPoint) when the error state says
/// `raise` for a condition the loop raised.
///
/// # Panics
/// On a call that breaks these rules (a caller's bug): arrays that are not dense,
/// native, aligned and of the loop's dtypes; an operand leaving its array; an output with
/// stride zero; an input partly overlapping the output; a loop with other than one output.
#[allow(clippy::too_many_arguments)]
pub fn run_rows(
    spec: &LoopSpec<'_>,
    acc: &mut DynViewMut<'_>,
    src: Option<&DynView<'_>>,
    args: &[RowArg],
    strides: &[isize],
    len: usize,
    calls: impl IntoIterator<Item = [isize; 3]>,
) -> Result<()> {
    let n = spec.dtypes.len();
    assert!(n == spec.nin + 1 && n <= 3 && n <= MAX_ARGS, "run_rows: one or two inputs and one output");
    assert!(
        args.len() == n && strides.len() == n && args[n - 1] == RowArg::Acc,
        "run_rows: the output is in the accumulator"
    );
    let check = |d: &crate::Descr, shape: &[usize], st: &[isize], aligned: bool, want: DType| {
        assert!(d.numeric() == Some(want) && d.is_native() && aligned, "run_rows: dtype {want:?} native and aligned");
        dense_extent(shape, st, d.itemsize()).expect("run_rows: a dense array")
    };
    let mut ext = [(0isize, -1isize); 3];
    let mut base = [std::ptr::null_mut::<u8>(); 3];
    for j in 0..n {
        let want = spec.dtypes[j];
        match args[j] {
            RowArg::Acc => {
                ext[j] = check(acc.dtype(), acc.shape(), acc.strides(), acc.is_aligned(), want);
                base[j] = acc.as_ptr().cast_mut();
            }
            RowArg::Src => {
                let s = src.expect("run_rows: a source array");
                ext[j] = check(s.dtype(), s.shape(), s.strides(), s.is_aligned(), want);
                base[j] = s.as_ptr().cast_mut();
            }
        }
    }
    let isz: Vec<isize> = spec.dtypes.iter().map(|d| d.itemsize() as isize).collect();
    assert!(len <= 1 || strides[n - 1] != 0, "run_rows: an output stride of zero");
    let mut flags = FpFlags::NONE;
    if spec.report_fp {
        fpstatus::clear_hw();
    }
    let mut ptrs = [std::ptr::null_mut::<u8>(); 3];
    for off in calls {
        if len == 0 {
            continue;
        }
        let mut range = [(0isize, 0isize); 3];
        for j in 0..n {
            let (lo, hi) = ext[j];
            let first = off[j];
            let last = first + strides[j] * (len as isize - 1);
            let on = |x: isize| x >= lo && x <= hi && (x - lo) % isz[j] == 0;
            assert!(on(first) && on(last) && strides[j] % isz[j] == 0, "run_rows: operand {j} leaves its array");
            range[j] = (first.min(last), first.max(last) + isz[j] - 1);
        }
        let o = n - 1;
        for j in 0..o {
            if args[j] == RowArg::Acc && range[j].0 <= range[o].1 && range[o].0 <= range[j].1 {
                assert!(off[j] == off[o] && strides[j] == strides[o], "run_rows: an input partly overlaps the output");
            }
        }
        for j in 0..n {
            // SAFETY: `off[j]` was checked above to be the byte offset of an element of
            // operand j's array (dense, so every such offset is an element) from its first
            // element, whose pointer is `base[j]`.
            ptrs[j] = unsafe { base[j].offset(off[j]) };
        }
        // SAFETY: the loop's contract holds: each operand has the loop's dtype (native,
        // aligned; checked), and stepping its pointer `len` times by its stride stays on
        // elements of its array (first and last element checked; a dense range with a
        // stride that is a multiple of the item size holds every step). The output is in
        // the accumulator, borrowed exclusively, with a non-zero stride; an input in the
        // accumulator is either disjoint from the output or the same elements; the source
        // is a shared borrow that cannot alias the exclusive accumulator.
        flags |= unsafe { (spec.func)(&ptrs[..n], &strides[..n], len) };
    }
    if spec.report_fp {
        flags |= fpstatus::read_hw();
    }
    fpstatus::check(flags, spec.name)
}
