//! Views of masked arrays: [`MaskedView`] (read-only) and [`MaskedViewMut`] (writable)
//! borrow the data and the mask of a [`MaskedArray`], so that slicing, transposing and
//! reshaping copy nothing and writes through a view land in the array it views, as NumPy's
//! `v = a[1:5]; v[2] = ma.masked; v[0] = 7` does.
//!
//! Each layout operation is one `ViewOp`, applied by one function (`relay`) to the
//! data and to the mask through nprs-core's consuming view methods (`slice_move`,
//! `permute_move`, `reshape_move`), so data and mask always see the same elements.
//!
//! The mask of a writable view follows NumPy:
//! - a view of an array with a mask shares it: masking or unmasking an element through the
//!   view changes the array's mask;
//! - the writable view of a whole `nomask` array ([`MaskedArray::view_mut`]) holds the
//!   array's mask slot: masking an element allocates the array's mask;
//! - a slice, transpose or reshape of a `nomask` array gets a mask of its own when one of
//!   its elements is masked, and the array stays `nomask` (NumPy's `__setitem__` makes the
//!   view's `_mask` and leaves the parent's `nomask`); values written through it still land
//!   in the array's data.

use std::fmt;
use std::marker::PhantomData;

use nprs_core::{Array, ArrayView, DynArray, DynView, DynViewMut, Scalar, SliceArg};

use crate::array::{MaData, MaskedArray, as_mask};
use crate::error::Result;

/// One layout operation of a view, the same for the data and the mask.
#[derive(Clone, Copy, Debug)]
enum ViewOp<'s> {
    /// Basic indexing: integers, slices, `newaxis`, `...`.
    Slice(&'s [SliceArg]),
    /// Axes permuted (`None` reverses them).
    Permute(Option<&'s [isize]>),
    /// A new shape over the same elements.
    Reshape(&'s [isize]),
}

/// nprs-core's consuming view methods, for read-only and writable dynamic views alike.
trait Relay: Sized {
    fn slice_move(self, args: &[SliceArg]) -> nprs_core::Result<Self>;
    fn permute_move(self, axes: Option<&[isize]>) -> nprs_core::Result<Self>;
    fn reshape_move(self, shape: &[isize]) -> nprs_core::Result<Self>;
}

impl Relay for DynView<'_> {
    fn slice_move(self, args: &[SliceArg]) -> nprs_core::Result<Self> {
        DynView::slice_move(self, args)
    }
    fn permute_move(self, axes: Option<&[isize]>) -> nprs_core::Result<Self> {
        nprs_core::dynarray::DynBase::permute_move(self, axes)
    }
    fn reshape_move(self, shape: &[isize]) -> nprs_core::Result<Self> {
        nprs_core::dynarray::DynBase::reshape_move(self, shape)
    }
}

impl Relay for DynViewMut<'_> {
    fn slice_move(self, args: &[SliceArg]) -> nprs_core::Result<Self> {
        DynViewMut::slice_move(self, args)
    }
    fn permute_move(self, axes: Option<&[isize]>) -> nprs_core::Result<Self> {
        nprs_core::dynarray::DynBase::permute_move(self, axes)
    }
    fn reshape_move(self, shape: &[isize]) -> nprs_core::Result<Self> {
        nprs_core::dynarray::DynBase::reshape_move(self, shape)
    }
}

/// The one place a layout operation is applied: to data and mask alike.
fn relay<V: Relay>(v: V, op: ViewOp<'_>) -> Result<V> {
    Ok(match op {
        ViewOp::Slice(args) => v.slice_move(args)?,
        ViewOp::Permute(axes) => v.permute_move(axes)?,
        ViewOp::Reshape(shape) => v.reshape_move(shape)?,
    })
}

/// A bool mask array as a dynamic view.
fn dyn_mask(m: &Array<bool>) -> DynView<'_> {
    DynView::from(m.view())
}

/// A read-only view of a [`MaskedArray`] (`v = a[1:5]`, `a.T`, `a.reshape(…)` where NumPy
/// returns a view): the data and the mask are borrowed, nothing is copied.
///
/// ```
/// use nprs_core::{array, s};
/// use nprs_ma::masked_array;
///
/// let a = masked_array(array![[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]], &array![[false, true, false], [false, false, true]])?;
/// let v = a.view().slice(s![.., ..;2])?.transpose(None)?;
/// assert_eq!(v.to_string(), "[[1.0 4.0]\n [3.0 --]]");
/// assert_eq!(v.get(&[1, 1])?, None); // masked
/// # Ok::<(), nprs_ma::Error>(())
/// ```
pub struct MaskedView<'a, D: MaData = DynArray> {
    data: DynView<'a>,
    mask: Option<DynView<'a>>,
    fill_value: Option<&'a DynArray>,
    hard_mask: bool,
    kind: PhantomData<fn() -> D>,
}

/// The mask of a writable view.
enum MaskMut<'a> {
    /// The mask slot of the whole array viewed (`None` is `nomask`): masking an element
    /// allocates the array's mask.
    Slot(&'a mut Option<Array<bool>>),
    /// A view of the viewed array's mask.
    Shared(DynViewMut<'a>),
    /// A view of a `nomask` array: a mask of the view's own once an element is masked.
    Own(Option<Array<bool>>),
}

/// A writable view of a [`MaskedArray`]: values, `masked` and fills written through it land
/// in the viewed array's data and mask, with NumPy's hard-mask rules.
///
/// ```
/// use nprs_core::{array, s};
/// use nprs_ma::masked_array;
///
/// // v = a[1:5]; v[2] = ma.masked; v[0] = 7
/// let mut a = masked_array(array![1.0, 2.0, 3.0, 4.0, 5.0, 6.0], &array![false, true, false, false, false, false])?;
/// let mut v = a.view_mut().slice(s![1..5])?;
/// v.set_masked(&[2])?;
/// v.set(&[0], 7.0)?; // unmasks: the mask is soft
/// assert_eq!(a.to_string(), "[1.0 7.0 3.0 -- 5.0 6.0]");
/// # Ok::<(), nprs_ma::Error>(())
/// ```
pub struct MaskedViewMut<'a, D: MaData = DynArray> {
    data: DynViewMut<'a>,
    mask: MaskMut<'a>,
    fill_value: Option<&'a DynArray>,
    hard_mask: bool,
    kind: PhantomData<fn() -> D>,
}

impl<D: MaData> MaskedArray<D> {
    /// A read-only view of the whole array (data and mask borrowed).
    #[must_use]
    pub fn view(&self) -> MaskedView<'_, D> {
        MaskedView {
            data: self.data.dyn_view(),
            mask: self.mask.as_ref().map(dyn_mask),
            fill_value: self.fill_value.as_ref(),
            hard_mask: self.hard_mask,
            kind: PhantomData,
        }
    }

    /// A writable view of the whole array: writes land in its data and mask (masking an
    /// element of a `nomask` array allocates its mask).
    pub fn view_mut(&mut self) -> MaskedViewMut<'_, D> {
        let MaskedArray { data, mask, fill_value, hard_mask } = self;
        MaskedViewMut {
            data: data.dyn_view_mut(),
            mask: MaskMut::Slot(mask),
            fill_value: fill_value.as_ref(),
            hard_mask: *hard_mask,
            kind: PhantomData,
        }
    }

    /// `a[args]` as a view (integers, slices, `newaxis`, `...`): `a.view().slice(args)`.
    ///
    /// # Errors
    /// As [`MaskedView::slice`].
    pub fn slice_view(&self, args: &[SliceArg]) -> Result<MaskedView<'_, D>> {
        self.view().slice(args)
    }

    /// `a[args]` as a writable view: `a.view_mut().slice(args)`.
    ///
    /// # Errors
    /// As [`MaskedView::slice`].
    pub fn slice_view_mut(&mut self, args: &[SliceArg]) -> Result<MaskedViewMut<'_, D>> {
        self.view_mut().slice(args)
    }
}

impl<'a, D: MaData> MaskedView<'a, D> {
    fn apply(self, op: ViewOp<'_>) -> Result<Self> {
        let data = relay(self.data, op)?;
        let mask = self.mask.map(|m| relay(m, op)).transpose()?;
        Ok(MaskedView { data, mask, ..self })
    }

    /// `v[args]` with integers, slices, `newaxis` and `...` (basic indexing): a view.
    ///
    /// # Errors
    /// NumPy's `IndexError` for an index out of bounds or too many indices.
    pub fn slice(self, args: &[SliceArg]) -> Result<Self> {
        self.apply(ViewOp::Slice(args))
    }

    /// `v.T` (`None`) or `v.transpose(axes)`: a view.
    ///
    /// # Errors
    /// NumPy's "axes don't match array" and axis errors.
    pub fn transpose(self, axes: Option<&[isize]>) -> Result<Self> {
        self.apply(ViewOp::Permute(axes))
    }

    /// `v.reshape(shape)` where NumPy returns a view (one length may be `-1`); an error
    /// where the layout needs a copy ([`MaskedArray::reshape`] copies).
    ///
    /// # Errors
    /// NumPy's reshape errors, or `AttributeError` ("Incompatible shape for in-place
    /// modification. Use `.reshape()` to make a copy with the desired shape.").
    pub fn reshape(self, shape: &[isize]) -> Result<Self> {
        self.apply(ViewOp::Reshape(shape))
    }

    /// The shape.
    #[must_use]
    pub fn shape(&self) -> &[usize] {
        self.data.shape()
    }

    /// The data (masked positions included), borrowed.
    #[must_use]
    pub fn data(&self) -> &DynView<'a> {
        &self.data
    }

    /// The mask (`None` is `nomask`), borrowed.
    #[must_use]
    pub fn mask(&self) -> Option<ArrayView<'_, bool>> {
        self.mask.as_ref().and_then(|m| m.typed::<bool>().ok())
    }

    /// `v.hardmask`.
    #[must_use]
    pub fn hardmask(&self) -> bool {
        self.hard_mask
    }

    /// `v[index]`: the element, `None` when it is masked (NumPy's `masked`).
    ///
    /// # Errors
    /// NumPy's `IndexError`.
    pub fn get(&self, index: &[isize]) -> Result<Option<Scalar>> {
        let v = self.data.get(index)?;
        let masked = match &self.mask {
            Some(m) => m.get(index)? == Scalar::Bool(true),
            None => false,
        };
        Ok((!masked).then_some(v))
    }

    /// `v.count()`: the number of unmasked elements.
    #[must_use]
    pub fn count(&self) -> usize {
        match self.mask() {
            Some(m) => m.iter().filter(|x| !x).count(),
            None => self.data.size(),
        }
    }

    /// `v.copy()`: an owned masked array with the view's data, mask, fill value and
    /// hard-mask flag.
    ///
    /// # Errors
    /// When the data does not convert to `D` (never for a view of a `MaskedArray<D>`).
    pub fn to_owned(&self) -> Result<MaskedArray<D>> {
        let mask = self.mask.as_ref().map(as_mask).transpose()?;
        Ok(MaskedArray {
            data: D::from_dyn(self.data.to_owned())?,
            mask,
            fill_value: self.fill_value.cloned(),
            hard_mask: self.hard_mask,
        })
    }

    /// NumPy's `repr(v)`.
    ///
    /// # Errors
    /// As [`to_owned`](Self::to_owned).
    pub fn repr(&self) -> Result<String> {
        Ok(self.to_owned()?.repr())
    }
}

impl<D: MaData> fmt::Display for MaskedView<'_, D> {
    /// NumPy's `str(v)`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let owned = self.to_owned().map_err(|_| fmt::Error)?;
        fmt::Display::fmt(&owned, f)
    }
}

impl<D: MaData> fmt::Debug for MaskedView<'_, D> {
    /// NumPy's `repr(v)`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let owned = self.to_owned().map_err(|_| fmt::Error)?;
        fmt::Debug::fmt(&owned, f)
    }
}

impl<'a, D: MaData> MaskedViewMut<'a, D> {
    fn apply(self, op: ViewOp<'_>) -> Result<Self> {
        let data = relay(self.data, op)?;
        let mask = match self.mask {
            MaskMut::Slot(slot) => match slot {
                Some(m) => MaskMut::Shared(relay(DynViewMut::from(m.view_mut()), op)?),
                None => MaskMut::Own(None),
            },
            MaskMut::Shared(m) => MaskMut::Shared(relay(m, op)?),
            // The view is consumed: its own mask follows the new layout as a copy.
            MaskMut::Own(m) => MaskMut::Own(m.map(|m| as_mask(&relay(dyn_mask(&m), op)?)).transpose()?),
        };
        Ok(MaskedViewMut { data, mask, ..self })
    }

    /// `v[args]` with integers, slices, `newaxis` and `...`: a writable view.
    ///
    /// # Errors
    /// NumPy's `IndexError` for an index out of bounds or too many indices.
    pub fn slice(self, args: &[SliceArg]) -> Result<Self> {
        self.apply(ViewOp::Slice(args))
    }

    /// `v.T` (`None`) or `v.transpose(axes)`: a writable view.
    ///
    /// # Errors
    /// NumPy's "axes don't match array" and axis errors.
    pub fn transpose(self, axes: Option<&[isize]>) -> Result<Self> {
        self.apply(ViewOp::Permute(axes))
    }

    /// `v.reshape(shape)` where NumPy returns a view: a writable view; an error where the
    /// layout needs a copy.
    ///
    /// # Errors
    /// As [`MaskedView::reshape`].
    pub fn reshape(self, shape: &[isize]) -> Result<Self> {
        self.apply(ViewOp::Reshape(shape))
    }

    /// The view re-borrowed for a shorter time (to take several views in turn).
    pub fn reborrow(&mut self) -> MaskedViewMut<'_, D> {
        let mask = match &mut self.mask {
            MaskMut::Slot(slot) => MaskMut::Slot(slot),
            MaskMut::Shared(m) => MaskMut::Shared(m.reborrow_mut()),
            // The view owns its mask: its re-borrow holds the slot.
            MaskMut::Own(m) => MaskMut::Slot(m),
        };
        MaskedViewMut {
            data: self.data.reborrow_mut(),
            mask,
            fill_value: self.fill_value,
            hard_mask: self.hard_mask,
            kind: PhantomData,
        }
    }

    /// `v[args]` as a writable view of this view: `v.reborrow().slice(args)`.
    ///
    /// # Errors
    /// As [`slice`](Self::slice).
    pub fn slice_mut(&mut self, args: &[SliceArg]) -> Result<MaskedViewMut<'_, D>> {
        self.reborrow().slice(args)
    }

    /// A read-only view of this view.
    #[must_use]
    pub fn view(&self) -> MaskedView<'_, D> {
        let mask = match &self.mask {
            MaskMut::Slot(slot) => slot.as_ref().map(dyn_mask),
            MaskMut::Shared(m) => Some(m.view()),
            MaskMut::Own(m) => m.as_ref().map(dyn_mask),
        };
        MaskedView {
            data: self.data.view(),
            mask,
            fill_value: self.fill_value,
            hard_mask: self.hard_mask,
            kind: PhantomData,
        }
    }

    /// The shape.
    #[must_use]
    pub fn shape(&self) -> &[usize] {
        self.data.shape()
    }

    /// `v.hardmask`.
    #[must_use]
    pub fn hardmask(&self) -> bool {
        self.hard_mask
    }

    /// The mask, when there is one, writable.
    fn mask_if_any(&mut self) -> Option<DynViewMut<'_>> {
        match &mut self.mask {
            MaskMut::Slot(slot) => slot.as_mut().map(|m| DynViewMut::from(m.view_mut())),
            MaskMut::Shared(m) => Some(m.reborrow_mut()),
            MaskMut::Own(m) => m.as_mut().map(|m| DynViewMut::from(m.view_mut())),
        }
    }

    /// The mask, writable, allocated (all `false`) when there is none: the viewed array's
    /// for the view of a whole array, the view's own for a view of a `nomask` array.
    fn mask_alloc(&mut self) -> Result<DynViewMut<'_>> {
        let shape = self.data.shape().to_vec();
        Ok(match &mut self.mask {
            MaskMut::Slot(slot) => DynViewMut::from(slot_mask(slot, &shape)?.view_mut()),
            MaskMut::Shared(m) => m.reborrow_mut(),
            MaskMut::Own(m) => DynViewMut::from(slot_mask(m, &shape)?.view_mut()),
        })
    }

    /// `v[index] = value`: writes the element and unmasks it; with a hard mask a masked
    /// element keeps its data and stays masked, as NumPy.
    ///
    /// # Errors
    /// An index out of bounds; a value that does not convert to the dtype.
    pub fn set(&mut self, index: &[isize], value: impl Into<Scalar>) -> Result<()> {
        let hard = self.hard_mask;
        if hard
            && let Some(m) = self.mask_if_any()
            && m.get(index)? == Scalar::Bool(true)
        {
            return Ok(());
        }
        self.data.set(index, value)?;
        if let Some(mut m) = self.mask_if_any() {
            m.set(index, false)?;
        }
        Ok(())
    }

    /// `v[index] = ma.masked`: masks the element.
    ///
    /// # Errors
    /// An index out of bounds (after the mask is allocated, as NumPy).
    pub fn set_masked(&mut self, index: &[isize]) -> Result<()> {
        self.mask_alloc()?.set(index, true)?;
        Ok(())
    }

    /// `v[...] = value`: every element written and unmasked; with a hard mask the masked
    /// elements keep their data and stay masked, as NumPy.
    ///
    /// # Errors
    /// A value that does not convert to the dtype.
    pub fn set_all(&mut self, value: impl Into<Scalar>) -> Result<()> {
        let value = value.into();
        let hard = self.hard_mask;
        let kept = match self.mask_if_any() {
            Some(m) if hard => Some(as_mask(&m.view())?).filter(|k| k.iter().any(|x| x)),
            Some(mut m) => {
                m.fill(false)?;
                None
            }
            None => None,
        };
        match kept {
            Some(k) => {
                let one = DynArray::from_scalars(&[], self.data.dtype(), std::slice::from_ref(&value))?;
                let new = nprs_ufunc::select::where_dyn(&DynArray::from(k), &self.data.view(), &one)?;
                self.data.assign(&new)?;
            }
            None => self.data.fill(value)?,
        }
        Ok(())
    }

    /// `v[...] = ma.masked`: every element masked.
    ///
    /// # Errors
    /// When the mask cannot be allocated.
    pub fn set_all_masked(&mut self) -> Result<()> {
        self.mask_alloc()?.fill(true)?;
        Ok(())
    }

    /// `v[args] = value` (basic indexing): as [`set_all`](Self::set_all) on `v[args]`.
    ///
    /// # Errors
    /// Indices out of bounds, too many indices; a value that does not convert.
    pub fn set_slice(&mut self, args: &[SliceArg], value: impl Into<Scalar>) -> Result<()> {
        self.slice_mut(args)?.set_all(value)
    }

    /// `v[args] = ma.masked` (basic indexing): masks the selected elements (allocating this
    /// view's mask first when it has none).
    ///
    /// # Errors
    /// Indices out of bounds, too many indices.
    pub fn set_slice_masked(&mut self, args: &[SliceArg]) -> Result<()> {
        self.mask_alloc()?;
        self.slice_mut(args)?.set_all_masked()
    }

    /// `v[...] = src`: `src`'s data and mask broadcast into the view. With a soft mask the
    /// view's mask becomes `src`'s; with a hard mask it becomes the union of both, and only
    /// elements unmasked in both are written, as NumPy.
    ///
    /// # Errors
    /// Shapes that do not broadcast; data that does not convert to the dtype.
    pub fn assign<E: MaData>(&mut self, src: &MaskedView<'_, E>) -> Result<()> {
        let shape = self.data.shape().to_vec();
        let src_mask = match &src.mask {
            Some(m) => Some(as_mask(&m.broadcast_to(&shape)?)?),
            None => None,
        };
        let old = self.mask_if_any().map(|m| as_mask(&m.view())).transpose()?;
        let new_mask = if self.hard_mask {
            let keep = crate::array::or_opt(old.as_ref(), src_mask.as_ref())?;
            match &keep {
                // NumPy: `np.copyto(data, src, where=~mask)` (same-kind casting).
                Some(k) if k.size() > 1 => {
                    let write = nprs_core::kernel::map(k, |m| !m);
                    nprs_core::copyto(&mut self.data, &src.data, nprs_core::Casting::SameKind, Some(&write.view()))?;
                }
                Some(k) if k.iter().any(|m| m) => {}
                _ => self.data.assign(&src.data)?,
            }
            keep
        } else {
            self.data.assign(&src.data)?;
            match (src_mask, old) {
                (Some(m), _) => Some(m),
                (None, Some(_)) => Some(Array::full(&shape, false)?),
                (None, None) => None,
            }
        };
        if let Some(m) = new_mask {
            self.mask_alloc()?.assign(&dyn_mask(&m))?;
        }
        Ok(())
    }

    /// `v.fill(value)`: every element's data set; the mask is left as it is (NumPy's
    /// `ndarray.fill`).
    ///
    /// # Errors
    /// A value that does not convert to the dtype.
    pub fn fill(&mut self, value: impl Into<Scalar>) -> Result<()> {
        self.data.fill(value)?;
        Ok(())
    }

    /// `v.copy()`.
    ///
    /// # Errors
    /// As [`MaskedView::to_owned`].
    pub fn to_owned(&self) -> Result<MaskedArray<D>> {
        self.view().to_owned()
    }
}

/// The mask in `slot`, allocated all `false` in `shape` when there is none.
fn slot_mask<'m>(slot: &'m mut Option<Array<bool>>, shape: &[usize]) -> Result<&'m mut Array<bool>> {
    if slot.is_none() {
        *slot = Some(Array::full(shape, false)?);
    }
    Ok(slot.as_mut().unwrap_or_else(|| unreachable!("allocated above")))
}

impl<D: MaData> fmt::Display for MaskedViewMut<'_, D> {
    /// NumPy's `str(v)`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&self.view(), f)
    }
}

impl<D: MaData> fmt::Debug for MaskedViewMut<'_, D> {
    /// NumPy's `repr(v)`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&self.view(), f)
    }
}
