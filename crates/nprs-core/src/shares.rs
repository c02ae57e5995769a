//! `shares_memory` and `may_share_memory`.

use std::collections::HashSet;

use crate::array::ArrayBase;
use crate::error::{Error, Result};
use crate::storage::RawData;

/// True when the byte ranges spanned by `a` and `b` overlap (`numpy.may_share_memory`):
/// a cheap bounds check that may say `true` for interleaved, disjoint views.
#[must_use]
pub fn may_share_memory<SA: RawData, SB: RawData>(a: &ArrayBase<SA>, b: &ArrayBase<SB>) -> bool {
    let (a0, a1) = a.byte_extent();
    let (b0, b1) = b.byte_extent();
    a0 < a1 && b0 < b1 && a0 < b1 && b0 < a1
}

/// True when `a` and `b` have at least one element's bytes in common
/// (`numpy.shares_memory`): exact.
///
/// # Errors
/// When deciding would take more than `max_work` element visits (NumPy's
/// `TooHardError`, [`Error::TooHard`]); `None` means no limit.
pub fn shares_memory<SA: RawData, SB: RawData>(
    a: &ArrayBase<SA>,
    b: &ArrayBase<SB>,
    max_work: Option<usize>,
) -> Result<bool> {
    if !may_share_memory(a, b) {
        return Ok(false);
    }
    if a.is_contiguous_any_order_raw() || b.is_contiguous_any_order_raw() {
        // One side covers its whole extent, and the extents overlap.
        return Ok(true);
    }
    let work = a.size() + b.size();
    if max_work.is_some_and(|m| work > m) {
        return Err(Error::TooHard);
    }
    type Visit<'v> = &'v dyn Fn(&mut dyn FnMut(usize));
    let bytes = |x: Visit<'_>| {
        let mut set = HashSet::new();
        x(&mut |p| {
            set.insert(p);
        });
        set
    };
    let (small_is_a, isz_a, isz_b) = (a.size() <= b.size(), a.itemsize(), b.itemsize());
    let set = if small_is_a {
        bytes(&|f| a.for_each_byte_range(|lo| (lo..lo + isz_a).for_each(&mut *f)))
    } else {
        bytes(&|f| b.for_each_byte_range(|lo| (lo..lo + isz_b).for_each(&mut *f)))
    };
    let mut hit = false;
    let check = |lo: usize, isz: usize, hit: &mut bool| {
        if (lo..lo + isz).any(|p| set.contains(&p)) {
            *hit = true;
        }
    };
    if small_is_a {
        b.for_each_byte_range(|lo| check(lo, isz_b, &mut hit));
    } else {
        a.for_each_byte_range(|lo| check(lo, isz_a, &mut hit));
    }
    Ok(hit)
}

impl<S: RawData> ArrayBase<S> {
    fn is_contiguous_any_order_raw(&self) -> bool {
        let mut axes: Vec<(usize, isize)> =
            self.shape.iter().zip(&self.strides).filter(|(d, _)| **d != 1).map(|(&d, &s)| (d, s.abs())).collect();
        axes.sort_by_key(|&(_, s)| s);
        let mut acc = 1isize;
        for (d, s) in axes {
            if s != acc {
                return false;
            }
            acc *= d as isize;
        }
        true
    }

    /// Calls `f` with the address of every element.
    fn for_each_byte_range(&self, mut f: impl FnMut(usize)) {
        let n = self.size();
        if n == 0 {
            return;
        }
        let item = self.itemsize() as isize;
        let mut idx = vec![0usize; self.ndim()];
        let base = self.ptr.as_ptr() as isize;
        for _ in 0..n {
            let off: isize = idx.iter().zip(&self.strides).map(|(&i, &s)| i as isize * s).sum();
            f((base + off * item) as usize);
            for ax in (0..idx.len()).rev() {
                idx[ax] += 1;
                if idx[ax] < self.shape[ax] {
                    break;
                }
                idx[ax] = 0;
            }
        }
    }
}
