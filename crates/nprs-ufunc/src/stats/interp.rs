//! `numpy.interp`: one-dimensional piecewise-linear interpolation, real or complex.
//!
//! NumPy's compiled loop, step for step: the interval `xp[j] <= x < xp[j+1]` of each point
//! (`xp` increasing), the slope `(fp[j+1] - fp[j]) / (xp[j+1] - xp[j])` (complex values:
//! each part times `1 / (xp[j+1] - xp[j])`), `slope*(x - xp[j]) + fp[j]`, and — when that is
//! NaN — the same from the right end of the interval, then `fp[j]` when both ends are
//! equal. A point equal to `xp[j]` takes `fp[j]`; NaN points give NaN; outside the range
//! `left`/`right` (default `fp[0]`/`fp[-1]`). With `period`, `x` and `xp` are reduced
//! modulo the period (NumPy's float remainder) and `xp` is sorted and wrapped around.

use nprs_core::dynarray::{DynBase, DynData};
use nprs_core::kernel::{Data, map};
use nprs_core::{Array, ArrayBase, C128, Cast, DType, DynArray, Error, Result};

/// NumPy's float remainder (`np.remainder`): the sign of the divisor.
fn np_mod(a: f64, b: f64) -> f64 {
    let m = a % b;
    if m == 0.0 {
        0.0f64.copysign(b)
    } else if (b < 0.0) != (m < 0.0) {
        m + b
    } else {
        m
    }
}

/// The values `interp` interpolates: float64 and complex128.
pub trait InterpValue: Copy + Send + Sync {
    /// `slope*(x - x0) + y0` with NumPy's NaN retries (`x1`, `y1` the interval's right end).
    fn lerp(y0: Self, y1: Self, x0: f64, x1: f64, x: f64) -> Self;
    /// A NaN point's result (`x` itself; `x + 0j` for complex).
    fn nan(x: f64) -> Self;
}

/// One real part of NumPy's interpolation with its NaN retries.
#[inline]
fn part(slope: f64, y0: f64, y1: f64, x0: f64, x1: f64, x: f64) -> f64 {
    let mut r = slope * (x - x0) + y0;
    if r.is_nan() {
        r = slope * (x - x1) + y1;
        if r.is_nan() && y0 == y1 {
            r = y0;
        }
    }
    r
}

impl InterpValue for f64 {
    #[inline]
    fn lerp(y0: f64, y1: f64, x0: f64, x1: f64, x: f64) -> f64 {
        part((y1 - y0) / (x1 - x0), y0, y1, x0, x1, x)
    }
    fn nan(x: f64) -> f64 {
        x
    }
}

impl InterpValue for C128 {
    #[inline]
    fn lerp(y0: C128, y1: C128, x0: f64, x1: f64, x: f64) -> C128 {
        let inv = 1.0 / (x1 - x0);
        C128::new(
            part((y1.re - y0.re) * inv, y0.re, y1.re, x0, x1, x),
            part((y1.im - y0.im) * inv, y0.im, y1.im, x0, x1, x),
        )
    }
    fn nan(x: f64) -> C128 {
        C128::new(x, 0.0)
    }
}

/// The one implementation: `x` (any shape, as float64), `xp`/`fp` 1-d.
fn interp_impl<V: InterpValue + nprs_core::Element>(
    x: &Array<f64>,
    xp: &[f64],
    fp: &[V],
    left: Option<V>,
    right: Option<V>,
    period: Option<f64>,
) -> Result<Array<V>> {
    let wrapped: (Array<f64>, Vec<f64>, Vec<V>);
    let (xs, xp, fp, left, right) = match period {
        None => (x, xp, fp, left, right),
        Some(p) => {
            if p == 0.0 {
                return Err(Error::InterpPeriodZero);
            }
            if xp.len() != fp.len() {
                return Err(Error::InterpLengths { dot: false });
            }
            let p = p.abs();
            let reduced: Vec<f64> = xp.iter().map(|&v| np_mod(v, p)).collect();
            let mut order: Vec<usize> = (0..reduced.len()).collect();
            order.sort_by(|&i, &j| reduced[i].total_cmp(&reduced[j]));
            let mut xw = Vec::with_capacity(order.len() + 2);
            let mut fw = Vec::with_capacity(order.len() + 2);
            if let (Some(&first), Some(&last)) = (order.first(), order.last()) {
                xw.push(reduced[last] - p);
                fw.push(fp[last]);
                xw.extend(order.iter().map(|&i| reduced[i]));
                fw.extend(order.iter().map(|&i| fp[i]));
                xw.push(reduced[first] + p);
                fw.push(fp[first]);
            }
            wrapped = (map(x, move |v| np_mod(v, p)), xw, fw);
            (&wrapped.0, &wrapped.1[..], &wrapped.2[..], None, None)
        }
    };
    let n = xp.len();
    if n == 0 && xs.size() != 0 {
        return Err(Error::InterpEmpty);
    }
    if fp.len() != n {
        return Err(Error::InterpLengths { dot: true });
    }
    if xs.size() == 0 {
        return Array::from_shape_vec(xs.shape(), Vec::new());
    }
    let lval = left.unwrap_or(fp[0]);
    let rval = right.unwrap_or(fp[n - 1]);
    let one = |v: f64| -> V {
        if n == 1 {
            return if v < xp[0] {
                lval
            } else if v > xp[0] {
                rval
            } else {
                fp[0]
            };
        }
        if v.is_nan() {
            return V::nan(v);
        }
        if v > xp[n - 1] {
            return rval;
        }
        if v < xp[0] {
            return lval;
        }
        // xp[j] <= v < xp[j+1]
        let j = xp.partition_point(|&p| p <= v).saturating_sub(1);
        if j == n - 1 || xp[j] == v {
            return fp[j];
        }
        V::lerp(fp[j], fp[j + 1], xp[j], xp[j + 1], v)
    };
    Ok(map(xs, one))
}

/// `numpy.interp(x, xp, fp, left, right, period)` for real `fp`: float64 values of the
/// piecewise-linear function through `(xp, fp)` at `x` (`xp` increasing; any real `x`
/// dtype is read as float64).
///
/// # Errors
/// "array of sample points is empty", "fp and xp are not of the same length.", "period
/// must be a non-zero value".
///
/// ```
/// use nprs_core::prelude::*;
/// let xp = [1.0, 2.0, 3.0];
/// let fp = [3.0, 2.0, 0.0];
/// let y = nprs_ufunc::interp(&array![0.0, 1.0, 1.5, 2.5, 3.14], &xp, &fp, None, None, None)?;
/// assert_eq!(y.to_vec(), vec![3.0, 3.0, 2.5, 1.0, 0.0]);
/// # Ok::<(), nprs_core::Error>(())
/// ```
pub fn interp<S: Data>(
    x: &ArrayBase<S>,
    xp: &[f64],
    fp: &[f64],
    left: Option<f64>,
    right: Option<f64>,
    period: Option<f64>,
) -> Result<Array<f64>>
where
    S::Elem: Cast,
{
    interp_impl(&map(x, Cast::to_f64), xp, fp, left, right, period)
}

/// `numpy.interp` with complex `fp` (complex128 result; `left`/`right` complex).
///
/// # Errors
/// As [`interp`].
pub fn interp_complex<S: Data>(
    x: &ArrayBase<S>,
    xp: &[f64],
    fp: &[C128],
    left: Option<C128>,
    right: Option<C128>,
    period: Option<f64>,
) -> Result<Array<C128>>
where
    S::Elem: Cast,
{
    interp_impl(&map(x, Cast::to_f64), xp, fp, left, right, period)
}

/// `numpy.interp` for dynamic arrays: `x` of any real dtype and shape, `xp` and `fp` 1-d;
/// complex `fp` gives complex128 (with complex `left`/`right`), anything else float64.
///
/// # Errors
/// As [`interp`]; "object too deep for desired array" for `xp`/`fp` of more than one
/// dimension.
pub fn interp_dyn<S: DynData, S2: DynData, S3: DynData>(
    x: &DynBase<S>,
    xp: &DynBase<S2>,
    fp: &DynBase<S3>,
    left: Option<C128>,
    right: Option<C128>,
    period: Option<f64>,
) -> Result<DynArray> {
    if xp.ndim() > 1 || fp.ndim() > 1 {
        return Err(Error::TooDeep);
    }
    let f64d = DType::Float64.into();
    let xs = x.astype(&f64d)?.into_typed::<f64>()?;
    let xpv = xp.astype(&f64d)?.into_typed::<f64>()?.to_vec();
    let complex = matches!(fp.dtype().numeric(), Some(DType::Complex64 | DType::Complex128));
    if complex {
        let fpv = fp.astype(&DType::Complex128.into())?.into_typed::<C128>()?.to_vec();
        Ok(DynArray::from(interp_impl(&xs, &xpv, &fpv, left, right, period)?))
    } else {
        let fpv = fp.astype(&f64d)?.into_typed::<f64>()?.to_vec();
        let (l, r) = (left.map(|c| c.re), right.map(|c| c.re));
        Ok(DynArray::from(interp_impl(&xs, &xpv, &fpv, l, r, period)?))
    }
}
