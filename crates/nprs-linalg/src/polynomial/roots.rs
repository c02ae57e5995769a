//! `roots` (companion-matrix eigenvalues) and `poly` (coefficients from roots).

use std::cmp::Ordering;

use nprs_core::kernel::Data;
use nprs_core::{Array, ArrayBase, C128};

use super::{coeffs, convolve, vector};
use crate::decomp::eigvals;
use crate::error::{Error, Result};

/// The roots of a polynomial (`numpy.roots(p)`): the eigenvalues of its companion matrix,
/// built as NumPy builds it (ones on the subdiagonal, `-p[1:] / p[0]` in the first row)
/// after leading zeros are stripped; each trailing zero coefficient adds a root at zero,
/// appended last. All-zero or constant coefficients give no roots.
///
/// NumPy returns a real array when every root is real; nprs always returns `complex128`
/// (the imaginary parts are then zero).
///
/// ```
/// use nprs_core::prelude::*;
/// let r = nprs_linalg::roots(&array![1.0, -3.0, 2.0])?;
/// let mut re: Vec<f64> = r.iter().map(|z| z.re).collect();
/// re.sort_by(f64::total_cmp);
/// assert!((re[0] - 1.0).abs() < 1e-12 && (re[1] - 2.0).abs() < 1e-12);
/// # Ok::<(), nprs_linalg::Error>(())
/// ```
///
/// # Errors
/// "Input must be a rank-1 array." for `p` of more than one dimension; `LinAlgError`
/// ("Array must not contain infs or NaNs") for non-finite coefficients.
pub fn roots<S: Data<Elem = f64>>(p: &ArrayBase<S>) -> Result<Array<C128>> {
    let p = coeffs(p)?;
    let Some(first) = p.iter().position(|&v| v != 0.0) else {
        return Ok(vector(Vec::new()));
    };
    let last = p.iter().rposition(|&v| v != 0.0).unwrap_or(first);
    let trailing = p.len() - last - 1;
    let p = &p[first..=last];
    let n = p.len();
    let mut out: Vec<C128> = if n > 1 {
        let k = n - 1;
        let mut a = vec![0.0; k * k];
        for (j, &c) in p[1..].iter().enumerate() {
            a[j] = -c / p[0];
        }
        for i in 1..k {
            a[i * k + i - 1] = 1.0;
        }
        let a = Array::from_shape_vec(&[k, k], a)?;
        eigvals(&a)?.to_vec()
    } else {
        Vec::new()
    };
    out.extend(std::iter::repeat_n(C128::new(0.0, 0.0), trailing));
    Ok(vector(out))
}

/// Coefficients that NumPy returns real or complex depending on the values
/// ([`poly_complex`], [`poly`] of a matrix).
#[derive(Debug, Clone, PartialEq)]
pub enum Coeffs {
    /// Real coefficients (`float64`).
    Real(Array<f64>),
    /// Complex coefficients (`complex128`).
    Complex(Array<C128>),
}

impl Coeffs {
    /// The coefficients as `complex128` whatever their kind.
    #[must_use]
    pub fn to_complex(&self) -> Array<C128> {
        match self {
            Coeffs::Real(a) => vector(a.iter().map(|x| C128::new(x, 0.0)).collect()),
            Coeffs::Complex(a) => a.clone(),
        }
    }
}

fn lex(a: &C128, b: &C128) -> Ordering {
    a.re.total_cmp(&b.re).then(a.im.total_cmp(&b.im))
}

fn from_complex_roots(seq: &[C128]) -> Coeffs {
    let mut a = vec![C128::new(1.0, 0.0)];
    for &z in seq {
        a = convolve(&a, &[C128::new(1.0, 0.0), -z]);
    }
    let mut s: Vec<C128> = seq.to_vec();
    let mut c: Vec<C128> = seq.iter().map(num_complex::Complex::conj).collect();
    s.sort_by(lex);
    c.sort_by(lex);
    if s == c { Coeffs::Real(vector(a.iter().map(|z| z.re).collect())) } else { Coeffs::Complex(vector(a)) }
}

/// The coefficients of the monic polynomial with the given roots (`numpy.poly(seq)`):
/// `seq` one-dimensional gives real coefficients (`Coeffs::Real`); a non-empty square
/// matrix gives the characteristic polynomial, from its eigenvalues, real when they come in
/// conjugate pairs as in NumPy. No roots give `[1.0]` (NumPy returns the scalar `1.0`).
///
/// ```
/// use nprs_core::prelude::*;
/// let c = nprs_linalg::poly(&array![1.0, 2.0])?;
/// assert_eq!(c, nprs_linalg::Coeffs::Real(array![1.0, -3.0, 2.0]));
/// # Ok::<(), nprs_linalg::Error>(())
/// ```
///
/// # Errors
/// "input must be 1d or non-empty square 2d array." otherwise.
pub fn poly<S: Data<Elem = f64>>(seq: &ArrayBase<S>) -> Result<Coeffs> {
    let sh = seq.shape();
    if sh.len() == 2 && sh[0] == sh[1] && sh[0] != 0 {
        let w = eigvals(seq)?.to_vec();
        return Ok(from_complex_roots(&w));
    }
    if sh.len() > 1 {
        return Err(Error::PolyValue("input must be 1d or non-empty square 2d array."));
    }
    let mut a = vec![1.0];
    for &z in &seq.to_vec() {
        a = convolve(&a, &[1.0, -z]);
    }
    Ok(Coeffs::Real(vector(a)))
}

/// [`poly`] of complex roots: real coefficients when the roots come in conjugate pairs
/// (NumPy compares the sorted roots with their sorted conjugates), complex otherwise.
///
/// # Errors
/// "input must be 1d or non-empty square 2d array." for `seq` of more than one dimension.
pub fn poly_complex<S: Data<Elem = C128>>(seq: &ArrayBase<S>) -> Result<Coeffs> {
    if seq.ndim() > 1 {
        return Err(Error::PolyValue("input must be 1d or non-empty square 2d array."));
    }
    Ok(from_complex_roots(&seq.to_vec()))
}
