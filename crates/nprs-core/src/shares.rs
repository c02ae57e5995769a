//! `shares_memory` and `may_share_memory`.

use std::collections::HashSet;

use crate::array::ArrayBase;
use crate::error::{Error, Result};
use crate::iter::Walk;
use crate::layout::{Layout, LayoutKind};
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
    if a.is_contiguous_any_order() || b.is_contiguous_any_order() {
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
        bytes(&|f| for_each_byte_range(&a.layout, |lo| (lo..lo + isz_a).for_each(&mut *f)))
    } else {
        bytes(&|f| for_each_byte_range(&b.layout, |lo| (lo..lo + isz_b).for_each(&mut *f)))
    };
    let mut hit = false;
    let check = |lo: usize, isz: usize, hit: &mut bool| {
        if (lo..lo + isz).any(|p| set.contains(&p)) {
            *hit = true;
        }
    };
    if small_is_a {
        for_each_byte_range(&b.layout, |lo| check(lo, isz_b, &mut hit));
    } else {
        for_each_byte_range(&a.layout, |lo| check(lo, isz_a, &mut hit));
    }
    Ok(hit)
}

/// Calls `f` with the address of every element of `l`.
fn for_each_byte_range<K: LayoutKind>(l: &Layout<K>, mut f: impl FnMut(usize)) {
    let base = l.ptr.as_ptr() as usize;
    for off in Walk::new(&l.shape, &l.strides) {
        f(base.wrapping_add_signed(off));
    }
}
