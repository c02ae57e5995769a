//! `numpy.cov` and `numpy.corrcoef` (rows or columns as variables, `bias`, `ddof`,
//! frequency and analytic weights), in float64 (complex128 for complex input) as NumPy.
//!
//! The means are NumPy's weighted averages (pairwise sums per variable); the products are
//! summed in order, where NumPy calls BLAS (`dot`), so the last bits may differ.

use nprs_core::dynarray::{DynBase, DynData};
use nprs_core::{Array, C128, DType, DynArray, Error, Result};

/// The options of [`cov_dyn`]: `rowvar` (default true), `bias`, `ddof`, `fweights`,
/// `aweights`.
#[derive(Clone, Debug)]
pub struct CovOptions<'a> {
    /// Each row is a variable (`rowvar=True`, NumPy's default), else each column.
    pub rowvar: bool,
    /// Normalise by `N` rather than `N - 1`.
    pub bias: bool,
    /// `ddof=` (overrides `bias`).
    pub ddof: Option<i64>,
    /// Integer frequency weights, one per observation.
    pub fweights: Option<&'a [i64]>,
    /// Analytic weights, one per observation.
    pub aweights: Option<&'a [f64]>,
}

impl Default for CovOptions<'_> {
    fn default() -> Self {
        Self { rowvar: true, bias: false, ddof: None, fweights: None, aweights: None }
    }
}

impl CovOptions<'_> {
    /// NumPy's defaults.
    #[must_use]
    pub fn new() -> Self {
        Self::default()
    }
}

/// The element types of the covariance: float64 and complex128.
trait CovValue: Copy + Send + Sync + nprs_core::Element {
    fn zero() -> Self;
    fn add(self, b: Self) -> Self;
    fn sub(self, b: Self) -> Self;
    fn mul(self, b: Self) -> Self;
    fn scale(self, f: f64) -> Self;
    fn div(self, f: f64) -> Self;
    fn conj(self) -> Self;
    /// NumPy's pairwise sum of a contiguous run.
    fn sum(v: &[Self]) -> Self;
}

impl CovValue for f64 {
    fn zero() -> Self {
        0.0
    }
    fn add(self, b: Self) -> Self {
        self + b
    }
    fn sub(self, b: Self) -> Self {
        self - b
    }
    fn mul(self, b: Self) -> Self {
        self * b
    }
    fn scale(self, f: f64) -> Self {
        self * f
    }
    fn div(self, f: f64) -> Self {
        self / f
    }
    fn conj(self) -> Self {
        self
    }
    fn sum(v: &[Self]) -> Self {
        crate::sum(&Array::from_vec(v.to_vec()))
    }
}

impl CovValue for C128 {
    fn zero() -> Self {
        C128::new(0.0, 0.0)
    }
    fn add(self, b: Self) -> Self {
        self + b
    }
    fn sub(self, b: Self) -> Self {
        self - b
    }
    fn mul(self, b: Self) -> Self {
        self * b
    }
    fn scale(self, f: f64) -> Self {
        C128::new(self.re * f, self.im * f)
    }
    fn div(self, f: f64) -> Self {
        C128::new(self.re / f, self.im / f)
    }
    fn conj(self) -> Self {
        C128::new(self.re, -self.im)
    }
    fn sum(v: &[Self]) -> Self {
        let re: Vec<f64> = v.iter().map(|c| c.re).collect();
        let im: Vec<f64> = v.iter().map(|c| c.im).collect();
        C128::new(f64::sum(&re), f64::sum(&im))
    }
}

/// The observations as `vars` rows of `obs` values.
fn rows_of<T: CovValue, S: DynData>(m: &DynBase<S>, rowvar: bool, dtype: DType) -> Result<(Vec<T>, usize, usize)> {
    if m.ndim() > 2 {
        return Err(Error::CovNdim);
    }
    let x = m.astype(&dtype.into())?.into_typed::<T>()?;
    let (r, c) = match x.ndim() {
        0 => (1, 1),
        1 => (1, x.shape()[0]),
        _ => (x.shape()[0], x.shape()[1]),
    };
    let data = x.to_vec();
    if rowvar || r == 1 {
        return Ok((data, r, c));
    }
    let mut t = Vec::with_capacity(data.len());
    for j in 0..c {
        for i in 0..r {
            t.push(data[i * c + j]);
        }
    }
    Ok((t, c, r))
}

fn cov_impl<T: CovValue>(x: &mut [T], vars: usize, obs: usize, opts: &CovOptions<'_>) -> Result<(Vec<T>, usize)> {
    let ddof = opts.ddof.unwrap_or(if opts.bias { 0 } else { 1 });
    let mut w: Option<Vec<f64>> = None;
    if let Some(f) = opts.fweights {
        if f.len() != obs {
            return Err(Error::CovWeightsLength { which: "fweights" });
        }
        if f.iter().any(|&v| v < 0) {
            return Err(Error::CovWeightsNegative { which: "fweights" });
        }
        w = Some(f.iter().map(|&v| v as f64).collect());
    }
    if let Some(a) = opts.aweights {
        if a.len() != obs {
            return Err(Error::CovWeightsLength { which: "aweights" });
        }
        if a.iter().any(|&v| v < 0.0) {
            return Err(Error::CovWeightsNegative { which: "aweights" });
        }
        w = Some(match w {
            None => a.to_vec(),
            Some(f) => f.iter().zip(a).map(|(x, y)| x * y).collect(),
        });
    }
    // NumPy's average(X, axis=1, weights=w, returned=True)
    let w_sum = match &w {
        None => obs as f64,
        Some(w) => f64::sum(w),
    };
    let avg: Vec<T> = (0..vars)
        .map(|i| {
            let row = &x[i * obs..(i + 1) * obs];
            match &w {
                None => T::sum(row).div(obs as f64),
                Some(w) => {
                    let p: Vec<T> = row.iter().zip(w).map(|(&v, &k)| v.scale(k)).collect();
                    T::sum(&p).div(w_sum)
                }
            }
        })
        .collect();
    let mut fact = match (&w, ddof, opts.aweights) {
        (None, _, _) => obs as f64 - ddof as f64,
        (Some(_), 0, _) => w_sum,
        (Some(_), _, None) => w_sum - ddof as f64,
        (Some(w), _, Some(a)) => {
            let wa: Vec<f64> = w.iter().zip(a).map(|(x, y)| x * y).collect();
            w_sum - ddof as f64 * f64::sum(&wa) / w_sum
        }
    };
    if fact <= 0.0 {
        fact = 0.0;
    }
    for i in 0..vars {
        for v in &mut x[i * obs..(i + 1) * obs] {
            *v = v.sub(avg[i]);
        }
    }
    let inv = 1.0 / fact;
    let mut c = vec![<T as CovValue>::zero(); vars * vars];
    for i in 0..vars {
        for j in 0..vars {
            let mut acc = <T as CovValue>::zero();
            for k in 0..obs {
                let b = x[j * obs + k];
                let b = match &w {
                    None => b,
                    Some(w) => b.scale(w[k]),
                };
                acc = acc.add(x[i * obs + k].mul(b.conj()));
            }
            c[i * vars + j] = acc.scale(inv);
        }
    }
    Ok((c, vars))
}

/// `numpy.cov(m, rowvar=, bias=, ddof=, fweights=, aweights=)` of a dynamic array of up to
/// two dimensions: the covariance matrix (float64, complex128 for complex input), squeezed
/// to 0-d for a single variable.
///
/// # Errors
/// "m has more than 2 dimensions", "incompatible numbers of samples and fweights"
/// (`RuntimeError`, also for aweights), "fweights cannot be negative", "aweights cannot be
/// negative".
///
/// ```
/// use nprs_core::prelude::*;
/// use nprs_core::DynArray;
/// let x = DynArray::from(array![[0.0, 1.0, 2.0], [2.0, 1.0, 0.0]]);
/// let c = nprs_ufunc::cov_dyn(&x, &nprs_ufunc::CovOptions::new())?;
/// assert_eq!(c.typed::<f64>()?.to_vec(), vec![1.0, -1.0, -1.0, 1.0]);
/// # Ok::<(), nprs_core::Error>(())
/// ```
pub fn cov_dyn<S: DynData>(m: &DynBase<S>, opts: &CovOptions<'_>) -> Result<DynArray> {
    let complex = matches!(m.dtype().numeric(), Some(DType::Complex64 | DType::Complex128));
    if complex {
        let (mut x, v, o) = rows_of::<C128, S>(m, opts.rowvar, DType::Complex128)?;
        if v == 0 {
            return Ok(DynArray::from(Array::<C128>::zeros(&[0, 0])?));
        }
        let (c, n) = cov_impl(&mut x, v, o, opts)?;
        return Ok(DynArray::from(shaped(c, n)?));
    }
    let (mut x, v, o) = rows_of::<f64, S>(m, opts.rowvar, DType::Float64)?;
    if v == 0 {
        return Ok(DynArray::from(Array::<f64>::zeros(&[0, 0])?));
    }
    let (c, n) = cov_impl(&mut x, v, o, opts)?;
    Ok(DynArray::from(shaped(c, n)?))
}

/// The `n` x `n` matrix, squeezed as NumPy's `c.squeeze()` (0-d for one variable).
fn shaped<T: nprs_core::Element>(c: Vec<T>, n: usize) -> Result<Array<T>> {
    if n == 1 { Ok(Array::from_elem_0d(c[0])) } else { Array::from_shape_vec(&[n, n], c) }
}

/// `numpy.corrcoef(x, rowvar=)`: the correlation coefficients (the covariance divided by
/// the standard deviations, clipped to `[-1, 1]`), float64 or complex128.
///
/// # Errors
/// As [`cov_dyn`].
// One variable gives NumPy's `c / c`: 1, or NaN for a zero or non-finite variance.
#[allow(clippy::eq_op)]
pub fn corrcoef_dyn<S: DynData>(x: &DynBase<S>, rowvar: bool) -> Result<DynArray> {
    let c = cov_dyn(x, &CovOptions { rowvar, ..CovOptions::new() })?;
    let clip = |v: f64| if v.is_nan() { v } else { v.clamp(-1.0, 1.0) };
    if c.dtype().numeric() == Some(DType::Complex128) {
        let a = c.into_typed::<C128>()?;
        if a.ndim() == 0 {
            let v = a.to_vec()[0];
            return Ok(DynArray::from(Array::from_elem_0d(v / v)));
        }
        let n = a.shape()[0];
        let v = a.to_vec();
        let sd: Vec<f64> = (0..n).map(|i| v[i * n + i].re.sqrt()).collect();
        let out: Vec<C128> = (0..n * n)
            .map(|k| {
                let (i, j) = (k / n, k % n);
                let z = v[k].div(sd[i]).div(sd[j]);
                C128::new(clip(z.re), clip(z.im))
            })
            .collect();
        return Ok(DynArray::from(Array::from_shape_vec(&[n, n], out)?));
    }
    let a = c.into_typed::<f64>()?;
    if a.ndim() == 0 {
        let v = a.to_vec()[0];
        return Ok(DynArray::from(Array::from_elem_0d(v / v)));
    }
    let n = a.shape()[0];
    let v = a.to_vec();
    let sd: Vec<f64> = (0..n).map(|i| v[i * n + i].sqrt()).collect();
    let out: Vec<f64> = (0..n * n).map(|k| clip(v[k] / sd[k / n] / sd[k % n])).collect();
    Ok(DynArray::from(Array::from_shape_vec(&[n, n], out)?))
}

/// `numpy.cov` of a typed real array (float64 result).
///
/// # Errors
/// As [`cov_dyn`].
pub fn cov<S: nprs_core::kernel::Data>(m: &nprs_core::ArrayBase<S>, opts: &CovOptions<'_>) -> Result<Array<f64>> {
    cov_dyn(&nprs_core::DynView::from(m.view()), opts)?.into_typed()
}

/// `numpy.corrcoef` of a typed real array (float64 result).
///
/// # Errors
/// As [`cov_dyn`].
pub fn corrcoef<S: nprs_core::kernel::Data>(x: &nprs_core::ArrayBase<S>, rowvar: bool) -> Result<Array<f64>> {
    corrcoef_dyn(&nprs_core::DynView::from(x.view()), rowvar)?.into_typed()
}
