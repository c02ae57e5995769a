//! [`MaskedArray`]: data, an optional mask (`nomask` allocates nothing), a fill value and
//! the hard/soft mask flag — one implementation for typed and dynamic data.

use nprs_core::dtype::{DType, Descr, DescrKind};
use nprs_core::kernel::zip_map;
use nprs_core::{Array, ArrayBase, ArrayView, Casting, DynArray, DynView, DynViewMut, Element, Scalar};

use crate::error::{Error, Result};

mod sealed {
    pub trait Sealed {}
    impl Sealed for nprs_core::DynArray {}
    impl<T: nprs_core::Element> Sealed for nprs_core::Array<T> {}
}

/// What a [`MaskedArray`] can hold as its data: a typed [`Array<T>`] or a [`DynArray`].
///
/// Every masked-array function is written once on the dynamic view of the data and hands
/// its result back in the caller's own type (a typed result moves its buffer: no copy).
pub trait MaData: sealed::Sealed + Sized + Clone {
    /// The data as a dynamic view (no copy).
    fn dyn_view(&self) -> DynView<'_>;
    /// Data of this kind from a dynamic array of the same dtype.
    ///
    /// # Errors
    /// When the dtype is not this kind's element type.
    fn from_dyn(a: DynArray) -> Result<Self>;
    /// The shape.
    fn data_shape(&self) -> &[usize];
    /// The data as a dynamic array (moves the buffer: no copy).
    fn into_dyn_array(self) -> DynArray;
    /// The data as a writable dynamic view (no copy).
    fn dyn_view_mut(&mut self) -> DynViewMut<'_>;
}

impl MaData for DynArray {
    fn dyn_view(&self) -> DynView<'_> {
        self.view()
    }
    fn from_dyn(a: DynArray) -> Result<Self> {
        Ok(a)
    }
    fn data_shape(&self) -> &[usize] {
        self.shape()
    }
    fn into_dyn_array(self) -> DynArray {
        self
    }
    fn dyn_view_mut(&mut self) -> DynViewMut<'_> {
        self.view_mut()
    }
}

impl<T: Element> MaData for Array<T> {
    fn dyn_view(&self) -> DynView<'_> {
        DynView::from(self.view())
    }
    fn from_dyn(a: DynArray) -> Result<Self> {
        Ok(a.into_typed::<T>()?)
    }
    fn data_shape(&self) -> &[usize] {
        self.shape()
    }
    fn into_dyn_array(self) -> DynArray {
        DynArray::from(self)
    }
    fn dyn_view_mut(&mut self) -> DynViewMut<'_> {
        DynViewMut::from(self.view_mut())
    }
}

/// The `mask=` argument of the constructors: `nomask`, one value for every element, or an
/// array of the data's size.
#[derive(Clone, Debug, Default)]
pub enum MaskArg<'a> {
    /// No mask given (`nomask`).
    #[default]
    NoMask,
    /// `mask=True` / `mask=False`: every element the same.
    All(bool),
    /// A mask of the data's size (reshaped to the data's shape when it has another).
    Array(ArrayView<'a, bool>),
}

impl From<bool> for MaskArg<'_> {
    fn from(b: bool) -> Self {
        MaskArg::All(b)
    }
}

impl<'a, S: nprs_core::kernel::Data<Elem = bool>> From<&'a ArrayBase<S>> for MaskArg<'a> {
    fn from(a: &'a ArrayBase<S>) -> Self {
        MaskArg::Array(a.view())
    }
}

impl<'a> From<Option<&'a Array<bool>>> for MaskArg<'a> {
    fn from(m: Option<&'a Array<bool>>) -> Self {
        m.map_or(MaskArg::NoMask, |a| MaskArg::Array(a.view()))
    }
}

/// NumPy's `numpy.ma.MaskedArray`: data with a mask of the same shape (`true` = masked,
/// invalid) and a fill value.
///
/// `D` is the data: [`Array<T>`] for a typed masked array, [`DynArray`] (the default) for
/// a dynamic one. A masked array without a mask (`nomask`) allocates no mask; the fill
/// value is NumPy's default for the dtype until one is set.
///
/// ```
/// use nprs_core::array;
/// use nprs_ma::{MaskedArray, masked_array};
///
/// let m = masked_array(array![1i64, 2, 3], &array![false, true, false])?;
/// assert_eq!(m.to_string(), "[1 -- 3]");
/// assert_eq!(m.count(), 2);
/// assert_eq!(m.filled(None)?.to_vec(), vec![1, 999999, 3]);
/// let plain = MaskedArray::new(array![1.5, 2.5]);
/// assert!(plain.mask().is_none()); // nomask
/// # Ok::<(), nprs_ma::Error>(())
/// ```
#[derive(Clone)]
pub struct MaskedArray<D: MaData = DynArray> {
    pub(crate) data: D,
    pub(crate) mask: Option<Array<bool>>,
    pub(crate) fill_value: Option<DynArray>,
    pub(crate) hard_mask: bool,
}

impl<D: MaData> From<D> for MaskedArray<D> {
    fn from(data: D) -> Self {
        MaskedArray::new(data)
    }
}

/// NumPy's default fill value for a dtype, as a 0-d array of the dtype NumPy gives it:
/// `True`, `999999` (int64 or uint64), `1e20` (float64), `1e20+0j` (complex128), `'N/A'`,
/// `b'N/A'`, `NaT`.
///
/// # Errors
/// [`Error::UnsupportedDType`] for structured and raw-bytes dtypes.
pub fn default_fill_value(descr: &Descr) -> Result<DynArray> {
    let (d, v): (Descr, Scalar) = match descr.kind_of() {
        DescrKind::Numeric(t) => match t {
            DType::Bool => (DType::Bool.into(), Scalar::Bool(true)),
            DType::UInt8 | DType::UInt16 | DType::UInt32 | DType::UInt64 => {
                (DType::UInt64.into(), Scalar::Int(999_999))
            }
            DType::Int8 | DType::Int16 | DType::Int32 | DType::Int64 => (DType::Int64.into(), Scalar::Int(999_999)),
            DType::Float16 | DType::Float32 | DType::Float64 => (DType::Float64.into(), Scalar::Float(1e20)),
            DType::Complex64 | DType::Complex128 => (DType::Complex128.into(), Scalar::Complex(1e20, 0.0)),
            _ => return Err(Error::UnsupportedDType { dtype: descr.to_string() }),
        },
        DescrKind::BFloat16 => (DType::Float64.into(), Scalar::Float(1e20)),
        DescrKind::Unicode(_) => ("<U3".parse()?, Scalar::Str("N/A".into())),
        DescrKind::Bytes(_) => (Descr::bytes(3), Scalar::Bytes(b"N/A".to_vec())),
        DescrKind::DateTime(_) | DescrKind::TimeDelta(_) => (descr.clone(), Scalar::Int(i128::from(i64::MIN))),
        _ => return Err(Error::UnsupportedDType { dtype: descr.to_string() }),
    };
    Ok(DynArray::from_scalars(&[], &d, &[v])?)
}

/// Whether a dtype is an integer type (signed or unsigned).
pub(crate) fn is_int(t: DType) -> bool {
    matches!(
        t,
        DType::Int8
            | DType::Int16
            | DType::Int32
            | DType::Int64
            | DType::UInt8
            | DType::UInt16
            | DType::UInt32
            | DType::UInt64
    )
}

/// `np.asarray(value, dtype=descr)` for a fill value: NumPy's `TypeError` when it does not
/// convert.
fn check_fill_value(value: Scalar, descr: &Descr) -> Result<DynArray> {
    let numeric_target = matches!(descr.kind_of(), DescrKind::Numeric(_) | DescrKind::BFloat16);
    if numeric_target && matches!(value, Scalar::Str(_) | Scalar::Bytes(_)) {
        return Err(Error::FillString { dtype: descr.name() });
    }
    let bad = Error::FillValue { value: value.to_string(), dtype: descr.name() };
    let v = match value {
        // np.asarray(5.5, dtype=int64) truncates.
        Scalar::Float(x) if descr.numeric().is_some_and(is_int) => {
            if !x.is_finite() {
                return Err(bad);
            }
            Scalar::Int(x.trunc() as i128)
        }
        other => other,
    };
    DynArray::from_scalars(&[], descr, &[v]).map_err(|_| bad)
}

/// A mask of `shape` from a [`MaskArg`]: NumPy's `MaskError` when the sizes differ.
pub(crate) fn mask_for(shape: &[usize], mask: &MaskArg<'_>) -> Result<Option<Array<bool>>> {
    Ok(match mask {
        MaskArg::NoMask => None,
        MaskArg::All(b) => Some(Array::full(shape, *b)?),
        MaskArg::Array(m) => {
            let size: usize = shape.iter().product();
            if m.shape() == shape {
                Some(m.to_owned())
            } else if m.size() == size {
                Some(m.reshape(shape)?.into_owned())
            } else if m.size() == 1 {
                Some(Array::full(shape, m.iter().next().unwrap_or(false))?)
            } else {
                return Err(Error::MaskSize { data: size, mask: m.size() });
            }
        }
    })
}

/// `a | b` elementwise for masks of one shape.
pub(crate) fn or_masks(a: &Array<bool>, b: &Array<bool>) -> Result<Array<bool>> {
    Ok(zip_map(a, b, |x, y| x | y)?)
}

/// NumPy's `mask_or` on two optional masks: `nomask` when both are.
pub(crate) fn or_opt(a: Option<&Array<bool>>, b: Option<&Array<bool>>) -> Result<Option<Array<bool>>> {
    Ok(match (a, b) {
        (None, None) => None,
        (Some(m), None) | (None, Some(m)) => Some(m.clone()),
        (Some(x), Some(y)) => Some(or_masks(x, y)?),
    })
}

/// A bool array as a typed mask (any bool dynamic array; a non-bool one is made a mask
/// as NumPy's `make_mask` does: nonzero is `True`).
pub(crate) fn as_mask(a: &DynView<'_>) -> Result<Array<bool>> {
    if a.dtype().numeric() == Some(DType::Bool) {
        return Ok(a.to_typed::<bool>()?);
    }
    Ok(a.astype(&DType::Bool.into())?.into_typed::<bool>()?)
}

impl<D: MaData> MaskedArray<D> {
    /// A masked array without a mask (`nomask`): `ma.masked_array(data)`.
    #[must_use]
    pub fn new(data: D) -> Self {
        MaskedArray { data, mask: None, fill_value: None, hard_mask: false }
    }

    /// `ma.masked_array(data, mask=mask)`.
    ///
    /// # Errors
    /// NumPy's `MaskError` when the mask's size is neither the data's nor 1.
    pub fn with_mask<'m>(data: D, mask: impl Into<MaskArg<'m>>) -> Result<Self> {
        let mask = mask_for(data.data_shape(), &mask.into())?;
        Ok(MaskedArray { data, mask, fill_value: None, hard_mask: false })
    }

    /// Builds from parts already checked (mask of the data's shape).
    pub(crate) fn from_parts(data: D, mask: Option<Array<bool>>) -> Self {
        MaskedArray { data, mask, fill_value: None, hard_mask: false }
    }

    /// The data (`a.data`, `ma.getdata(a)`), masked positions included.
    #[must_use]
    pub fn data(&self) -> &D {
        &self.data
    }

    /// The data, consuming the masked array.
    #[must_use]
    pub fn into_data(self) -> D {
        self.data
    }

    /// The mask (`ma.getmask(a)`): `None` is `nomask`.
    #[must_use]
    pub fn mask(&self) -> Option<&Array<bool>> {
        self.mask.as_ref()
    }

    /// The mask as a full array (`ma.getmaskarray(a)`): all `false` for `nomask`.
    ///
    /// # Errors
    /// When the mask cannot be allocated.
    pub fn mask_array(&self) -> Result<Array<bool>> {
        match &self.mask {
            Some(m) => Ok(m.clone()),
            None => Ok(Array::full(self.shape(), false)?),
        }
    }

    /// The shape.
    #[must_use]
    pub fn shape(&self) -> &[usize] {
        self.data.data_shape()
    }

    /// Number of dimensions.
    #[must_use]
    pub fn ndim(&self) -> usize {
        self.shape().len()
    }

    /// Number of elements, masked ones included.
    #[must_use]
    pub fn size(&self) -> usize {
        self.shape().iter().product()
    }

    /// The data's dtype.
    #[must_use]
    pub fn dtype(&self) -> Descr {
        self.data.dyn_view().dtype().clone()
    }

    /// `a.hardmask`: whether assigning a value leaves a masked element masked.
    #[must_use]
    pub fn hardmask(&self) -> bool {
        self.hard_mask
    }

    /// `a.harden_mask()` (`ma.harden_mask(a)`).
    pub fn harden_mask(&mut self) -> &mut Self {
        self.hard_mask = true;
        self
    }

    /// `a.soften_mask()` (`ma.soften_mask(a)`).
    pub fn soften_mask(&mut self) -> &mut Self {
        self.hard_mask = false;
        self
    }

    /// The same array with a hard (`true`) or soft mask.
    #[must_use]
    pub fn hard(mut self, hard: bool) -> Self {
        self.hard_mask = hard;
        self
    }

    /// `a.shrink_mask()`: a mask without any `true` becomes `nomask`.
    pub fn shrink_mask(&mut self) -> &mut Self {
        if self.mask.as_ref().is_some_and(|m| !crate::kernels::any(&m.view(), true)) {
            self.mask = None;
        }
        self
    }

    /// The fill value as NumPy holds it (`a.fill_value`): a 0-d array, NumPy's default for
    /// the dtype (`999999` as int64 for every signed integer type, `1e20` as float64 for
    /// every float type, …) unless one was set, which has the data's dtype.
    ///
    /// # Errors
    /// [`Error::UnsupportedDType`] for a structured dtype without a set fill value.
    pub fn fill_value(&self) -> Result<DynArray> {
        match &self.fill_value {
            Some(f) => Ok(f.clone()),
            None => default_fill_value(&self.dtype()),
        }
    }

    /// `a.fill_value = value` (`ma.set_fill_value(a, value)`); `None` restores the default.
    ///
    /// # Errors
    /// NumPy's `TypeError` ("Cannot convert fill_value 300 to dtype int8").
    pub fn set_fill_value(&mut self, value: Option<Scalar>) -> Result<&mut Self> {
        self.fill_value = match value {
            Some(v) => Some(check_fill_value(v, &self.dtype())?),
            None => None,
        };
        Ok(self)
    }

    /// The same array with a fill value (`fill_value=` of the constructors).
    ///
    /// # Errors
    /// As [`set_fill_value`](Self::set_fill_value).
    pub fn with_fill_value(mut self, value: impl Into<Scalar>) -> Result<Self> {
        self.set_fill_value(Some(value.into()))?;
        Ok(self)
    }

    /// The fill value in the data's dtype (cast as NumPy's `filled` does: `999999` is 63
    /// in int8, `1e20` is `inf` in float16).
    pub(crate) fn fill_in_dtype(&self, value: Option<Scalar>) -> Result<DynArray> {
        let d = self.dtype();
        match value {
            Some(v) => check_fill_value(v, &d),
            None => Ok(self.fill_value()?.astype_casting(&d, Casting::Unsafe)?),
        }
    }

    /// `a.filled(fill_value)` (`ma.filled`): the data with masked elements replaced by
    /// `value`, or by the fill value when `None`. Without a mask, a copy of the data.
    ///
    /// # Errors
    /// NumPy's `TypeError` for a value that does not convert to the dtype.
    pub fn filled(&self, value: Option<Scalar>) -> Result<D> {
        let Some(m) = &self.mask else { return D::from_dyn(self.data.dyn_view().to_owned()) };
        let f = self.fill_in_dtype(value)?;
        D::from_dyn(crate::kernels::select(&m.view(), &f.view(), &self.data.dyn_view())?)
    }

    /// `a.compressed()` (`ma.compressed`): the unmasked elements, flattened (C order).
    ///
    /// # Errors
    /// When the result cannot be allocated.
    pub fn compressed(&self) -> Result<D> {
        let v = self.data.dyn_view();
        let flat = v.reshape(&[v.size()][..])?;
        let Some(m) = &self.mask else { return D::from_dyn(flat.into_owned()) };
        D::from_dyn(crate::kernels::unmasked(&flat.view(), &m.reshape(&[m.size()][..])?.view())?)
    }

    /// `a.count()`: the number of unmasked elements.
    #[must_use]
    pub fn count(&self) -> usize {
        match &self.mask {
            None => self.size(),
            Some(m) => crate::kernels::count(&m.view(), false),
        }
    }

    /// `ma.is_masked(a)`: whether any element is masked.
    #[must_use]
    pub fn is_masked(&self) -> bool {
        self.mask.as_ref().is_some_and(|m| crate::kernels::any(&m.view(), true))
    }

    /// `a.nonzero()`: the indices of the unmasked nonzero elements, one array per axis.
    ///
    /// # Errors
    /// As NumPy for a 0-d array.
    pub fn nonzero(&self) -> Result<Vec<Array<i64>>> {
        let truth = as_mask(&self.data.dyn_view())?;
        let t = match &self.mask {
            None => truth,
            Some(m) => zip_map(&truth, m, |x, masked| x && !masked)?,
        };
        Ok(nprs_core::nonzero(&t)?)
    }

    /// The same masked array with dynamic data (no copy).
    #[must_use]
    pub fn into_dyn(self) -> MaskedArray<DynArray> {
        let data = self.data.into_dyn_array();
        MaskedArray { data, mask: self.mask, fill_value: self.fill_value, hard_mask: self.hard_mask }
    }

    /// `a[index] = value`: writes the element and unmasks it; with a hard mask a masked
    /// element is left as it is (data and mask), as NumPy does.
    ///
    /// # Errors
    /// An index out of bounds; a value that does not convert to the dtype.
    pub fn set(&mut self, index: &[isize], value: impl Into<Scalar>) -> Result<()> {
        self.view_mut().set(index, value)
    }

    /// `a[args] = value` with integers and slices (basic indexing): writes the selected
    /// elements and unmasks them; with a hard mask, masked elements keep their data and
    /// stay masked, as NumPy does.
    ///
    /// # Errors
    /// Indices out of bounds, too many indices; a value that does not convert to the dtype.
    pub fn set_slice(&mut self, args: &[nprs_core::SliceArg], value: impl Into<Scalar>) -> Result<()> {
        self.view_mut().set_slice(args, value)
    }

    /// `a[args] = ma.masked` with integers and slices: masks the selected elements.
    ///
    /// # Errors
    /// Indices out of bounds, too many indices.
    pub fn set_slice_masked(&mut self, args: &[nprs_core::SliceArg]) -> Result<()> {
        self.view_mut().set_slice_masked(args)
    }

    /// Masks the element at `index` (`a[index] = ma.masked`).
    ///
    /// # Errors
    /// An index out of bounds.
    pub fn set_masked(&mut self, index: &[isize]) -> Result<()> {
        self.view_mut().set_masked(index)
    }
}
