//! `sort` and `argsort` on masked arrays: the data filled with a sort key where masked
//! (NaN for floats and the dtype's largest value otherwise with `endwith`, its smallest
//! without, or a given `fill_value`), then nprs-ufunc's plain `argsort`; `sort` gathers
//! data and mask in that order. The stable kinds keep equal keys in order; the default
//! kind leaves their order open, as NumPy's does.

use nprs_core::dtype::DType;
use nprs_core::{Array, Order, Scalar};
use nprs_ufunc::SortKind;

use crate::array::{MaData, MaskedArray};
use crate::error::Result;
use crate::manip::positions;
use crate::reduce::{Axis, extreme};

impl<D: MaData> MaskedArray<D> {
    /// The value masked elements take as sort keys (`None`: the array's fill value, as
    /// NumPy for strings).
    fn sort_key_fill(&self, endwith: bool, fill_value: Option<Scalar>) -> Result<Option<Scalar>> {
        if fill_value.is_some() {
            return Ok(fill_value);
        }
        let d = self.dtype();
        Ok(match d.numeric() {
            Some(DType::Float16 | DType::Float32 | DType::Float64) if endwith => Some(Scalar::Float(f64::NAN)),
            Some(_) => Some(extreme(&d, endwith)?),
            None => None,
        })
    }

    /// NumPy's masked sort of strings reads the fill value (`filled()`), which stores the
    /// default in the array's dtype: 'N/A' becomes 'N' for '<U1'.
    pub(crate) fn cache_fill(&mut self) -> Result<()> {
        if self.fill_value.is_none() {
            self.fill_value = Some(self.fill_value()?.astype_casting(&self.dtype(), nprs_core::Casting::Unsafe)?);
        }
        Ok(())
    }

    /// `a.argsort(axis, kind, endwith=…, fill_value=…)` (`ma.argsort`): the indices that
    /// sort the array along `axis` (the flattened array for `None`), masked elements last
    /// with `endwith` (first without), or sorted as `fill_value` when one is given.
    ///
    /// # Errors
    /// NumPy's `AxisError`; a fill value that does not convert; unsortable dtypes.
    pub fn argsort(&self, axis: Axis, kind: SortKind, endwith: bool, fill_value: Option<Scalar>) -> Result<Array<i64>> {
        let key = match &self.mask {
            None => return Ok(nprs_ufunc::argsort_dyn(&self.data.dyn_view(), axis, kind)?),
            Some(_) => self.filled(self.sort_key_fill(endwith, fill_value)?)?,
        };
        Ok(nprs_ufunc::argsort_dyn(&key.dyn_view(), axis, kind)?)
    }

    /// `ma.sort(a, axis, kind, endwith=…, fill_value=…)`: a sorted copy (flattened for
    /// `axis=None`); the mask moves with the data (masked elements last with `endwith`),
    /// the data under the mask is the original data. The fill value is kept.
    ///
    /// # Errors
    /// As [`argsort`](Self::argsort).
    pub fn sort(&self, axis: Axis, kind: SortKind, endwith: bool, fill_value: Option<Scalar>) -> Result<Self> {
        let (src, ax) = match axis {
            None => (self.flatten(Order::C)?, 0),
            Some(a) => (self.clone(), a),
        };
        if src.mask.is_none() {
            let data = D::from_dyn(nprs_ufunc::sort_dyn(&src.data.dyn_view(), Some(ax), kind)?)?;
            return Ok(MaskedArray { data, ..src });
        }
        let key_is_own_fill = src.sort_key_fill(endwith, fill_value.clone())?.is_none();
        let idx = src.argsort(Some(ax), kind, endwith, fill_value)?;
        let pos = nprs_core::take_along_axis(&positions(src.shape())?, &idx, Some(ax))?;
        let mut out = src.gather(&pos)?;
        if key_is_own_fill {
            out.cache_fill()?;
        }
        Ok(out)
    }
}
