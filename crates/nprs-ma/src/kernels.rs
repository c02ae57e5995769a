//! The passes over data and mask behind `filled`, `compressed`, `count`, the ufunc
//! wrapper and the reductions: one dispatch on the dtype per call (the kernel API's
//! [`map_unary`]/[`map_many`]), then one pass that walks the data and the mask together —
//! no copy of the mask, no `!mask` array where the pass can read the mask as it is —
//! split over the rayon pool when the arrays are large, as nprs-core's passes are.
//!
//! Data of other dtypes (strings, dates, records, byte-swapped numbers) takes NumPy's
//! general `where`/`a[mask]`, with the same results.

use nprs_core::kernel::{PAR_THRESHOLD, map, zip_map};
use nprs_core::{Array, ArrayView, Cast, DynArray, DynView, Element, ManyKernel, UnaryKernel, map_many, map_unary};
use rayon::prelude::*;

use crate::error::Result;

/// Elements per rayon task of the slice passes.
const CHUNK: usize = 1 << 15;

/// Whether a dtype takes the typed passes: a number in native byte order.
fn typed(d: &nprs_core::Descr) -> bool {
    d.numeric().is_some() && d.is_native()
}

/// `np.where(m, x, y)` for a mask `m` whose shape is the result's (`x` and `y` broadcast
/// to it); the dtype is `result_type(x, y)`.
///
/// # Errors
/// As `np.where`: shapes that do not broadcast, dtypes without a common type.
pub(crate) fn select(m: &ArrayView<'_, bool>, x: &DynView<'_>, y: &DynView<'_>) -> Result<DynArray> {
    if x.dtype() == y.dtype() && typed(x.dtype()) {
        return Ok(map_many(&[x.reborrow(), y.reborrow()], &Select { m })?);
    }
    Ok(nprs_ufunc::select::where_dyn(&DynView::from(m.reborrow()), x, y)?)
}

/// `where(m, x, y)` on typed views of one element type.
struct Select<'m, 'a> {
    m: &'m ArrayView<'a, bool>,
}

impl ManyKernel for Select<'_, '_> {
    fn call<T: Element + Cast>(&self, arrays: &[ArrayView<'_, T>]) -> nprs_core::Result<DynArray> {
        let (m, x, y) = (self.m, &arrays[0], &arrays[1]);
        let shape = m.shape();
        let out = if x.ndim() == 0 && y.shape() == shape {
            let v = x.iter().next().unwrap_or_default();
            zip_map(y, m, move |b, k| if k { v } else { b })?
        } else if y.ndim() == 0 && x.shape() == shape {
            let v = y.iter().next().unwrap_or_default();
            zip_map(x, m, move |a, k| if k { a } else { v })?
        } else if let (true, true, Some(ms), Some(xs), Some(ys)) =
            (x.shape() == shape, y.shape() == shape, m.as_slice(), x.as_slice(), y.as_slice())
        {
            let pick = |((&k, &a), &b): ((&bool, &T), &T)| if k { a } else { b };
            let v: Vec<T> = if ms.len() >= PAR_THRESHOLD {
                ms.par_iter().with_min_len(CHUNK).zip(xs).zip(ys).map(pick).collect()
            } else {
                ms.iter().zip(xs).zip(ys).map(pick).collect()
            };
            Array::from_shape_vec(shape, v)?
        } else {
            nprs_ufunc::select::where_(m, x, y)?
        };
        Ok(DynArray::from(out))
    }
}

/// The elements of the 1-d `data` whose entry in the 1-d `mask` is `false`
/// (`data[~mask]`).
///
/// # Errors
/// When the result cannot be allocated.
pub(crate) fn unmasked(data: &DynView<'_>, mask: &ArrayView<'_, bool>) -> Result<DynArray> {
    let keep = map(mask, |b| !b);
    if typed(data.dtype()) {
        return Ok(map_unary(data, &Keep { keep: &keep })?);
    }
    Ok(data.mask_select(&keep)?)
}

/// `a[keep]` on a typed view.
struct Keep<'k> {
    keep: &'k Array<bool>,
}

impl UnaryKernel for Keep<'_> {
    fn call<T: Element + Cast>(&self, a: ArrayView<'_, T>) -> nprs_core::Result<DynArray> {
        Ok(DynArray::from(a.mask_select(self.keep)?))
    }
}

/// The number of `true` entries of a mask (of `false` ones when `value` is `false`).
pub(crate) fn count(m: &ArrayView<'_, bool>, value: bool) -> usize {
    let run = |s: &[bool]| s.iter().map(|&b| usize::from(b == value)).sum::<usize>();
    match m.as_slice() {
        Some(s) if s.len() >= PAR_THRESHOLD => s.par_chunks(CHUNK).map(run).sum(),
        Some(s) => run(s),
        None => m.iter().filter(|&b| b == value).count(),
    }
}

/// Whether a mask has an entry equal to `value`.
pub(crate) fn any(m: &ArrayView<'_, bool>, value: bool) -> bool {
    match m.as_slice() {
        Some(s) if s.len() >= PAR_THRESHOLD => s.par_chunks(CHUNK).any(|c| c.contains(&value)),
        Some(s) => s.contains(&value),
        None => m.iter().any(|b| b == value),
    }
}
