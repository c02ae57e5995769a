//! `shares_memory` and `may_share_memory`, for any two arrays or views, typed or dynamic:
//! as functions and as methods of the layout every array dereferences to.

use std::collections::HashSet;

use crate::error::{Error, Result};
use crate::iter::Walk;
use crate::layout::{Layout, LayoutKind};

/// True when the byte ranges spanned by `a` and `b` overlap (`numpy.may_share_memory`):
/// a cheap bounds check that may say `true` for interleaved, disjoint views. Any two
/// arrays or views, typed or dynamic ([`Layout::may_share_memory`]).
#[must_use]
pub fn may_share_memory<KA: LayoutKind, KB: LayoutKind>(a: &Layout<KA>, b: &Layout<KB>) -> bool {
    a.may_share_memory(b)
}

/// True when `a` and `b` have at least one element's bytes in common
/// (`numpy.shares_memory`): exact. Any two arrays or views, typed or dynamic
/// ([`Layout::shares_memory`]).
///
/// # Errors
/// When deciding would take more than `max_work` element visits (NumPy's
/// `TooHardError`, [`Error::TooHard`]); `None` means no limit.
pub fn shares_memory<KA: LayoutKind, KB: LayoutKind>(
    a: &Layout<KA>,
    b: &Layout<KB>,
    max_work: Option<usize>,
) -> Result<bool> {
    a.shares_memory(b, max_work)
}

impl<K: LayoutKind> Layout<K> {
    /// True when the byte ranges spanned by this array and `other` overlap
    /// (`numpy.may_share_memory`): a cheap bounds check that may say `true` for
    /// interleaved, disjoint views.
    ///
    /// ```
    /// use nprs_core::prelude::*;
    /// use nprs_core::DynArray;
    /// let d = DynArray::from(Array::<f64>::arange(8));
    /// let (even, odd) = (d.slice(s![..;2]), d.slice(s![1..;2]));
    /// assert!(even.may_share_memory(&odd)); // interleaved: the bounds overlap
    /// assert!(!even.shares_memory(&odd, None).unwrap()); // but no element is shared
    /// assert!(d.shares_memory(&d.typed::<f64>().unwrap(), None).unwrap());
    /// ```
    #[must_use]
    pub fn may_share_memory<K2: LayoutKind>(&self, other: &Layout<K2>) -> bool {
        let (a0, a1) = self.byte_extent();
        let (b0, b1) = other.byte_extent();
        a0 < a1 && b0 < b1 && a0 < b1 && b0 < a1
    }

    /// True when this array and `other` have at least one element's bytes in common
    /// (`numpy.shares_memory`): exact.
    ///
    /// # Errors
    /// When deciding would take more than `max_work` element visits (NumPy's
    /// `TooHardError`, [`Error::TooHard`]); `None` means no limit.
    pub fn shares_memory<K2: LayoutKind>(&self, other: &Layout<K2>, max_work: Option<usize>) -> Result<bool> {
        let (a, b) = (self, other);
        if !a.may_share_memory(b) {
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
            bytes(&|f| for_each_byte_range(a, |lo| (lo..lo + isz_a).for_each(&mut *f)))
        } else {
            bytes(&|f| for_each_byte_range(b, |lo| (lo..lo + isz_b).for_each(&mut *f)))
        };
        let mut hit = false;
        let check = |lo: usize, isz: usize, hit: &mut bool| {
            if (lo..lo + isz).any(|p| set.contains(&p)) {
                *hit = true;
            }
        };
        if small_is_a {
            for_each_byte_range(b, |lo| check(lo, isz_b, &mut hit));
        } else {
            for_each_byte_range(a, |lo| check(lo, isz_a, &mut hit));
        }
        Ok(hit)
    }
}

/// Calls `f` with the address of every element of `l`.
fn for_each_byte_range<K: LayoutKind>(l: &Layout<K>, mut f: impl FnMut(usize)) {
    let base = l.ptr.as_ptr() as usize;
    for off in Walk::new(&l.shape, &l.strides) {
        f(base.wrapping_add_signed(off));
    }
}
