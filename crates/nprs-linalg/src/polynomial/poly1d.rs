//! `Poly1d`: NumPy's legacy `poly1d` class (coefficients, evaluation, arithmetic).

use nprs_core::kernel::Data;
use nprs_core::{Array, ArrayBase, C128};

use super::{add_sub, convolve, horner, polyder, polydiv, polyint, roots, vector};
use crate::error::Result;

/// A one-dimensional polynomial (`numpy.poly1d`), highest power first. Leading zero
/// coefficients are dropped on construction, as NumPy does; the zero polynomial keeps one
/// coefficient, `[0.0]`.
///
/// ```
/// use nprs_linalg::polynomial::Poly1d;
/// let p = Poly1d::new(&[0.0, 1.0, -3.0, 2.0]);          // np.poly1d([0, 1, -3, 2])
/// assert_eq!(p.order(), 2);
/// assert_eq!(p.call(3.0), 2.0);                          // p(3)
/// let q = &p * &Poly1d::new(&[1.0, 1.0]);                // p * np.poly1d([1, 1])
/// assert_eq!(q.coeffs(), &[1.0, -2.0, -1.0, 2.0]);
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct Poly1d {
    coeffs: Vec<f64>,
}

impl Poly1d {
    /// `np.poly1d(c)`: the polynomial with coefficients `c`, highest power first.
    #[must_use]
    pub fn new(c: &[f64]) -> Self {
        let start = c.iter().position(|&v| v != 0.0).unwrap_or(c.len());
        let coeffs = if start == c.len() { vec![0.0] } else { c[start..].to_vec() };
        Poly1d { coeffs }
    }

    /// `np.poly1d(r, r=True)`: the monic polynomial whose roots are `r`.
    #[must_use]
    pub fn from_roots(r: &[f64]) -> Self {
        let mut a = vec![1.0];
        for &z in r {
            a = convolve(&a, &[1.0, -z]);
        }
        Poly1d::new(&a)
    }

    /// The coefficients (`p.coeffs`, `p.c`).
    #[must_use]
    pub fn coeffs(&self) -> &[f64] {
        &self.coeffs
    }

    /// The degree (`p.order`): the number of coefficients less one.
    #[must_use]
    pub fn order(&self) -> usize {
        self.coeffs.len() - 1
    }

    /// The value at `x` (`p(x)`), by NumPy's Horner rule.
    #[must_use]
    pub fn call(&self, x: f64) -> f64 {
        horner(&self.coeffs, x)
    }

    /// The values at every element of `x` (`p(x)` for an array), in `x`'s shape.
    ///
    /// # Errors
    /// None in practice (the result has `x`'s own shape).
    pub fn call_array<S: Data<Elem = f64>>(&self, x: &ArrayBase<S>) -> Result<Array<f64>> {
        super::polyval(&vector(self.coeffs.clone()), x)
    }

    /// The roots (`p.roots`, `p.r`), as [`roots`](super::roots).
    ///
    /// # Errors
    /// `LinAlgError` for non-finite coefficients.
    pub fn roots(&self) -> Result<Array<C128>> {
        roots(&vector(self.coeffs.clone()))
    }

    /// The `m`-th derivative (`p.deriv(m)`).
    #[must_use]
    pub fn deriv(&self, m: usize) -> Self {
        let d = polyder(&vector(self.coeffs.clone()), m as i64).map_or_else(|_| vec![0.0], |a| a.to_vec());
        Poly1d::new(&d)
    }

    /// The `m`-th antiderivative with integration constants `k` (`p.integ(m, k)`), as
    /// [`polyint`](super::polyint).
    ///
    /// # Errors
    /// "k must be a scalar or a rank-1 array of length 1 or >m." as NumPy.
    pub fn integ(&self, m: usize, k: &[f64]) -> Result<Self> {
        Ok(Poly1d::new(&polyint(&vector(self.coeffs.clone()), m as i64, k)?.to_vec()))
    }

    /// Quotient and remainder (`divmod(p, q)`, `p / q` in NumPy's legacy sense).
    ///
    /// # Errors
    /// None in practice (both coefficient vectors are non-empty).
    pub fn div(&self, other: &Poly1d) -> Result<(Poly1d, Poly1d)> {
        let (q, r) = polydiv(&vector(self.coeffs.clone()), &vector(other.coeffs.clone()))?;
        Ok((Poly1d::new(&q.to_vec()), Poly1d::new(&r.to_vec())))
    }
}

impl std::ops::Add for &Poly1d {
    type Output = Poly1d;
    fn add(self, rhs: &Poly1d) -> Poly1d {
        Poly1d::new(&add_sub(&self.coeffs, &rhs.coeffs, 1.0))
    }
}

impl std::ops::Sub for &Poly1d {
    type Output = Poly1d;
    fn sub(self, rhs: &Poly1d) -> Poly1d {
        Poly1d::new(&add_sub(&self.coeffs, &rhs.coeffs, -1.0))
    }
}

impl std::ops::Mul for &Poly1d {
    type Output = Poly1d;
    fn mul(self, rhs: &Poly1d) -> Poly1d {
        Poly1d::new(&convolve(&self.coeffs, &rhs.coeffs))
    }
}

impl std::ops::Neg for &Poly1d {
    type Output = Poly1d;
    fn neg(self) -> Poly1d {
        Poly1d::new(&self.coeffs.iter().map(|v| -v).collect::<Vec<f64>>())
    }
}
