//! `numpy.convolve` and `numpy.correlate` (modes `full`, `same`, `valid`).
//!
//! NumPy's sliding dot products: the longer array is slid under the shorter one (the
//! result reversed when the arguments were swapped), `correlate` conjugates its second
//! argument and `convolve` reverses it. Both arrays are cast to their common dtype; integer
//! products wrap in it, bool products are `and`/`or`, float16 sums in float32. Float sums
//! are taken in order (NumPy's float dot products go through BLAS, whose summation order is
//! its own, so the last bits may differ).

use std::str::FromStr;

use nprs_core::dynarray::{DynBase, DynData};
use nprs_core::{Array, C64, C128, DynArray, Element, Error, Result, f16, promote_types};

use crate::dispatch::{typed_cow, with_numeric};

/// The `mode` of [`convolve_dyn`] and [`correlate_dyn`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ConvolveMode {
    /// `'full'`: every overlap (length `n + m - 1`).
    Full,
    /// `'same'`: the length of the longer input, centred.
    Same,
    /// `'valid'`: complete overlaps only (length `max - min + 1`).
    Valid,
}

impl FromStr for ConvolveMode {
    type Err = Error;
    /// `'full'`, `'same'`, `'valid'`; anything else is NumPy's `ValueError`.
    fn from_str(s: &str) -> Result<Self> {
        match s {
            "full" => Ok(Self::Full),
            "same" => Ok(Self::Same),
            "valid" => Ok(Self::Valid),
            _ => Err(Error::ConvolveMode { got: s.to_string() }),
        }
    }
}

/// Element types with NumPy's dot product (`dtype->f->dotfunc`).
pub trait DotElem: Element {
    /// `sum(a[i] * b[i])` as NumPy's dot loop computes it.
    fn dot(a: &[Self], b: &[Self]) -> Self;
    /// The complex conjugate (the value itself for real types).
    fn conj(self) -> Self {
        self
    }
}

macro_rules! int_dot {
    ($($t:ty),*) => {$(
        impl DotElem for $t {
            fn dot(a: &[Self], b: &[Self]) -> Self {
                a.iter().zip(b).fold(0, |acc: $t, (&x, &y)| acc.wrapping_add(x.wrapping_mul(y)))
            }
        }
    )*};
}
int_dot!(i8, i16, i32, i64, u8, u16, u32, u64);

impl DotElem for bool {
    fn dot(a: &[Self], b: &[Self]) -> Self {
        a.iter().zip(b).any(|(&x, &y)| x && y)
    }
}

impl DotElem for f16 {
    fn dot(a: &[Self], b: &[Self]) -> Self {
        f16::from_f32(a.iter().zip(b).fold(0.0f32, |acc, (x, y)| acc + x.to_f32() * y.to_f32()))
    }
}

macro_rules! float_dot {
    ($($t:ty),*) => {$(
        impl DotElem for $t {
            fn dot(a: &[Self], b: &[Self]) -> Self {
                a.iter().zip(b).fold(0.0, |acc, (&x, &y)| acc + x * y)
            }
        }
    )*};
}
float_dot!(f32, f64);

macro_rules! complex_dot {
    ($($t:ty),*) => {$(
        impl DotElem for $t {
            fn dot(a: &[Self], b: &[Self]) -> Self {
                a.iter().zip(b).fold(<$t>::new(0.0, 0.0), |acc, (&x, &y)| acc + x * y)
            }
            fn conj(self) -> Self {
                <$t>::new(self.re, -self.im)
            }
        }
    )*};
}
complex_dot!(C64, C128);

/// NumPy's `_pyarray_correlate`: `x` slid along `y`, the result reversed when `x` was the
/// shorter one.
fn slide<T: DotElem>(x: &[T], y: &[T], mode: ConvolveMode) -> Vec<T> {
    let (x, y, inverted) = if x.len() < y.len() { (y, x, true) } else { (x, y, false) };
    let (n1, n2) = (x.len() as isize, y.len() as isize);
    let (left, len) = match mode {
        ConvolveMode::Valid => (0, n1 - n2 + 1),
        ConvolveMode::Same => (n2 / 2, n1),
        ConvolveMode::Full => (n2 - 1, n1 + n2 - 1),
    };
    let mut out: Vec<T> = (0..len)
        .map(|k| {
            let p = k - left; // where y[0] lies along x
            let j0 = (-p).max(0);
            let j1 = (n1 - p).min(n2);
            let (j0, j1) = (j0 as usize, j1.max(j0) as usize);
            let xs = (p + j0 as isize) as usize;
            T::dot(&x[xs..xs + (j1 - j0)], &y[j0..j1])
        })
        .collect();
    if inverted {
        out.reverse();
    }
    out
}

/// The two inputs as 1-d vectors of their common dtype.
fn prepare<S: DynData, S2: DynData>(a: &DynBase<S>, v: &DynBase<S2>) -> Result<(DynArray, DynArray)> {
    if a.ndim() > 1 || v.ndim() > 1 {
        return Err(Error::TooDeep);
    }
    let d = promote_types(a.dtype(), v.dtype())?;
    let flat = |x: DynArray| {
        let n = x.size() as isize;
        x.into_shape(&[n][..])
    };
    Ok((flat(a.astype(&d)?)?, flat(v.astype(&d)?)?))
}

/// `numpy.correlate(a, v, mode)` of 1-d dynamic arrays (common dtype): `c[k] = sum_n
/// a[n + k] * conj(v[n])`.
///
/// # Errors
/// "first array argument cannot be empty", "second array argument cannot be empty",
/// "object too deep for desired array", no common dtype.
///
/// ```
/// use nprs_core::prelude::*;
/// use nprs_core::DynArray;
/// use nprs_ufunc::{ConvolveMode, correlate_dyn};
/// let r = correlate_dyn(&DynArray::from(array![1.0, 2.0]), &DynArray::from(array![1.0, 2.0, 3.0]), ConvolveMode::Full)?;
/// assert_eq!(r.typed::<f64>()?.to_vec(), vec![3.0, 8.0, 5.0, 2.0]);
/// # Ok::<(), nprs_core::Error>(())
/// ```
pub fn correlate_dyn<S: DynData, S2: DynData>(a: &DynBase<S>, v: &DynBase<S2>, mode: ConvolveMode) -> Result<DynArray> {
    let (a, v) = prepare(a, v)?;
    if a.size() == 0 {
        return Err(Error::ConvolveEmpty { which: "first array argument" });
    }
    if v.size() == 0 {
        return Err(Error::ConvolveEmpty { which: "second array argument" });
    }
    let t = crate::dispatch::numeric_dtype(&a, "correlate")?;
    with_numeric!(t, T => {
        let x = typed_cow::<T, _>(&a)?.to_vec();
        let y: Vec<T> = typed_cow::<T, _>(&v)?.iter().map(DotElem::conj).collect();
        Ok(DynArray::from(Array::from_vec(slide(&x, &y, mode))))
    })
}

/// `numpy.convolve(a, v, mode)` of 1-d dynamic arrays (common dtype): `c[k] = sum_n a[n] *
/// v[k - n]`.
///
/// # Errors
/// "a cannot be empty", "v cannot be empty", "object too deep for desired array", no
/// common dtype.
///
/// ```
/// use nprs_core::prelude::*;
/// use nprs_core::DynArray;
/// use nprs_ufunc::{ConvolveMode, convolve_dyn};
/// let r = convolve_dyn(&DynArray::from(array![1i64, 2, 3]), &DynArray::from(array![0i64, 1, 2]), ConvolveMode::Full)?;
/// assert_eq!(r.typed::<i64>()?.to_vec(), vec![0, 1, 4, 7, 6]);
/// # Ok::<(), nprs_core::Error>(())
/// ```
pub fn convolve_dyn<S: DynData, S2: DynData>(a: &DynBase<S>, v: &DynBase<S2>, mode: ConvolveMode) -> Result<DynArray> {
    let (mut a, mut v) = prepare(a, v)?;
    if a.size() == 0 {
        return Err(Error::ConvolveEmpty { which: "a" });
    }
    if v.size() == 0 {
        return Err(Error::ConvolveEmpty { which: "v" });
    }
    if v.size() > a.size() {
        std::mem::swap(&mut a, &mut v);
    }
    let t = crate::dispatch::numeric_dtype(&a, "convolve")?;
    with_numeric!(t, T => {
        let x = typed_cow::<T, _>(&a)?.to_vec();
        let mut y = typed_cow::<T, _>(&v)?.to_vec();
        y.reverse();
        Ok(DynArray::from(Array::from_vec(slide(&x, &y, mode))))
    })
}

/// `numpy.convolve` of typed 1-d arrays of one element type.
///
/// # Errors
/// As [`convolve_dyn`].
pub fn convolve<T: DotElem>(a: &[T], v: &[T], mode: ConvolveMode) -> Result<Array<T>> {
    convolve_dyn(&DynArray::from(Array::from_vec(a.to_vec())), &DynArray::from(Array::from_vec(v.to_vec())), mode)?
        .into_typed()
}

/// `numpy.correlate` of typed 1-d arrays of one element type.
///
/// # Errors
/// As [`correlate_dyn`].
pub fn correlate<T: DotElem>(a: &[T], v: &[T], mode: ConvolveMode) -> Result<Array<T>> {
    correlate_dyn(&DynArray::from(Array::from_vec(a.to_vec())), &DynArray::from(Array::from_vec(v.to_vec())), mode)?
        .into_typed()
}
