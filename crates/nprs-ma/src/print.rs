//! Printing as NumPy prints masked arrays: `str` shows `--` for masked elements
//! (`[1 -- 3]`), `repr` gives `masked_array(data=…, mask=…, fill_value=…)` with NumPy's
//! layout rules.
//!
//! NumPy prints a masked array that has a mask through an `object` array: each unmasked
//! element is the `repr` of the Python value (`1.5`, `3.0`, `'ab'`, `(1+2j)`, never
//! padded), each masked one `--`; long axes are cut to their first and last 50 (750 for a
//! 1-d array) items first, then summarised as any array of that many elements. Without a
//! mask (`nomask`) the data prints as a plain array.

use std::fmt;

use nprs_core::print::{Layout, PrintOptions, array2string, get_printoptions};
use nprs_core::{Array, DynArray, DynView, Scalar};

use crate::array::{MaData, MaskedArray};
use crate::error::Result;

/// NumPy's `MaskedArray._print_width` (axes of arrays of two or more dimensions).
const PRINT_WIDTH: usize = 100;
/// NumPy's `MaskedArray._print_width_1d`.
const PRINT_WIDTH_1D: usize = 1500;

/// The elements NumPy keeps before printing: for each axis, the indices it keeps.
fn corner_indices(shape: &[usize]) -> Vec<Vec<usize>> {
    let width = if shape.len() > 1 { PRINT_WIDTH } else { PRINT_WIDTH_1D };
    shape
        .iter()
        .map(|&n| {
            if n > width {
                let ind = width / 2;
                (0..ind).chain(n - ind..n).collect()
            } else {
                (0..n).collect()
            }
        })
        .collect()
}

/// The masked array as NumPy's object array for printing: its shape and, for every
/// element (C order), the word it prints as.
fn object_words(data: &DynView<'_>, mask: &Array<bool>, zero_d_str: bool) -> Result<(Vec<usize>, Vec<String>)> {
    let kept = corner_indices(data.shape());
    let shape: Vec<usize> = kept.iter().map(Vec::len).collect();
    let mut words = Vec::with_capacity(shape.iter().product());
    if shape.contains(&0) {
        return Ok((shape, words));
    }
    let mut pos = vec![0usize; shape.len()];
    loop {
        let idx: Vec<isize> = pos.iter().zip(&kept).map(|(&p, k)| k[p] as isize).collect();
        if mask.get(&idx)? {
            words.push("--".to_string());
        } else {
            let v = data.item(&idx)?;
            words.push(match v {
                // `str` of a 0-d object array is `str` of its element.
                Scalar::Str(s) if zero_d_str => s,
                v => v.to_string(),
            });
        }
        let mut ax = shape.len();
        loop {
            if ax == 0 {
                return Ok((shape, words));
            }
            ax -= 1;
            pos[ax] += 1;
            if pos[ax] < shape[ax] {
                break;
            }
            pos[ax] = 0;
        }
    }
}

/// `np.array2string` of the masked array's printing form.
fn data_string(
    data: &DynView<'_>,
    mask: Option<&Array<bool>>,
    opts: &PrintOptions,
    separator: &str,
    prefix: &str,
    suffix: &str,
) -> Result<String> {
    let Some(mask) = mask else { return Ok(data.array2string(opts, separator, prefix, suffix)?) };
    let (shape, mut words) = object_words(data, mask, false)?;
    let size: usize = shape.iter().product();
    if size == 0 {
        return Ok("[]".into());
    }
    let layout = Layout::for_array(size, opts, separator, prefix, suffix);
    if layout.summarize {
        let mut shown = Vec::new();
        layout.for_each_kept(&shape, |i| {
            let flat = i.iter().zip(&shape).fold(0usize, |acc, (&x, &n)| acc * n + x);
            shown.push(std::mem::take(&mut words[flat]));
        });
        words = shown;
    }
    Ok(layout.render(&shape, |k| std::mem::take(&mut words[k])))
}

/// NumPy's `str()` of a 0-d array (a NumPy scalar's `str`).
fn scalar_str(a: &DynArray) -> Result<String> {
    Ok(a.array_str(&PrintOptions::default())?)
}

/// NumPy's `repr()` of a NumPy scalar: `np.float64(1e+20)`, `np.complex128(1e+20+0j)`,
/// `np.True_`, `np.str_('N/A')`.
fn scalar_repr(a: &DynArray) -> Result<String> {
    let s = scalar_str(a)?;
    let d = a.dtype();
    Ok(match a.item(&[])? {
        Scalar::Bool(_) => format!("np.{s}_"),
        Scalar::Str(_) | Scalar::Bytes(_) => {
            let kind = if matches!(a.item(&[])?, Scalar::Str(_)) { "str_" } else { "bytes_" };
            format!("np.{kind}({})", a.item(&[])?)
        }
        _ => {
            let inner = s.strip_prefix('(').and_then(|x| x.strip_suffix(')')).unwrap_or(&s);
            format!("np.{}({inner})", d.name())
        }
    })
}

/// `dtype_short_repr` and `dtype_is_implied` of NumPy's array printing, read from the
/// `repr` nprs-core gives an array of the dtype.
fn dtype_repr(d: &nprs_core::Descr) -> Result<(String, bool)> {
    let one = DynArray::zeros(&[1], d)?.array_repr(&PrintOptions::default())?;
    let empty = DynArray::zeros(&[0], d)?.array_repr(&PrintOptions::default())?;
    let short = empty.rsplit_once("dtype=").map(|(_, t)| t.trim_end_matches(')').to_string()).unwrap_or_default();
    Ok((short, !one.contains("dtype=")))
}

impl<D: MaData> MaskedArray<D> {
    /// NumPy's `str(a)` with the given print options.
    ///
    /// # Errors
    /// As nprs-core's printing (generic-unit datetimes).
    pub fn to_str_with(&self, opts: &PrintOptions) -> Result<String> {
        let data = self.data.dyn_view();
        match &self.mask {
            None => Ok(data.array_str(opts)?),
            Some(m) if data.ndim() == 0 => Ok(object_words(&data, m, true)?.1.pop().unwrap_or_default()),
            Some(m) => data_string(&data, Some(m), opts, " ", "", ""),
        }
    }

    /// NumPy's `repr(a)` with the given print options.
    ///
    /// # Errors
    /// As [`to_str_with`](Self::to_str_with); a structured dtype without a fill value.
    pub fn to_repr_with(&self, opts: &PrintOptions) -> Result<String> {
        let data = self.data.dyn_view();
        let d = data.dtype().clone();
        let (short, implied) = dtype_repr(&d)?;
        let all_masked = match &self.mask {
            None => false,
            Some(m) => m.iter().all(|x| x),
        };
        let dtype_needed = !implied || all_masked || self.size() == 0;
        let mut keys = vec!["data", "mask", "fill_value"];
        if dtype_needed {
            keys.push("dtype");
        }
        let prefix = "masked_array(";
        let one_row = self.shape().iter().rev().skip(1).all(|&n| n == 1);
        let indent = |k: &str| -> String {
            if !one_row {
                "  ".into()
            } else if k == keys[0] {
                prefix.into()
            } else {
                " ".repeat((prefix.len() + keys[0].len()).saturating_sub(k.len()).max(2))
            }
        };
        let data_s = data_string(&data, self.mask.as_ref(), opts, ", ", &format!("{}data=", indent("data")), ",")?;
        let mask_arr = self.mask.clone().unwrap_or_else(|| Array::from_elem_0d(false));
        let mask_s = array2string(&mask_arr, opts, ", ", &format!("{}mask=", indent("mask")), ",");
        let fill = self.fill_value()?;
        let fd = fill.dtype().clone();
        let same_string_kind = matches!(
            (fd.kind_of(), d.kind_of()),
            (nprs_core::DescrKind::Unicode(_), nprs_core::DescrKind::Unicode(_))
                | (nprs_core::DescrKind::Bytes(_), nprs_core::DescrKind::Bytes(_))
        );
        let fill_s = if same_string_kind {
            fill.item(&[])?.to_string()
        } else if fd == d {
            scalar_str(&fill)?
        } else {
            scalar_repr(&fill)?
        };
        let mut parts = vec![
            format!("{}data={data_s}", indent("data")),
            format!("{}mask={mask_s}", indent("mask")),
            format!("{}fill_value={fill_s}", indent("fill_value")),
        ];
        if dtype_needed {
            parts.push(format!("{}dtype={short}", indent("dtype")));
        }
        let head = if one_row { "" } else { "masked_array(\n" };
        Ok(format!("{head}{})", parts.join(",\n")))
    }
}

impl<D: MaData> fmt::Display for MaskedArray<D> {
    /// NumPy's `str()` with this thread's print options: `[1 -- 3]`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.to_str_with(&get_printoptions()) {
            Ok(s) => f.write_str(&s),
            Err(e) => write!(f, "<{e}>"),
        }
    }
}

impl<D: MaData> fmt::Debug for MaskedArray<D> {
    /// NumPy's `repr()` with this thread's print options:
    /// `masked_array(data=[1, --, 3],\n             mask=[False,  True, False],\n       fill_value=999999)`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.repr())
    }
}

impl<D: MaData> MaskedArray<D> {
    /// NumPy's `repr(a)` with this thread's print options (what `{:?}` writes).
    #[must_use]
    pub fn repr(&self) -> String {
        match self.to_repr_with(&get_printoptions()) {
            Ok(s) => s,
            Err(e) => format!("<{e}>"),
        }
    }
}
