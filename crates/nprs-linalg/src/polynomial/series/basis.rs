//! The six series families: each is its three-term recurrence plus its derivative and
//! antiderivative rules; everything else is derived from those in [`super::generic`].

use std::fmt::Debug;

use super::Coef;
use crate::polynomial::convolve;

/// One family of `numpy.polynomial` series, described by its recurrence
/// `x·P_k = a_k·P_{k+1} + b_k·P_k + c_k·P_{k-1}` (with `P_0 = 1`), its derivative and
/// its antiderivative rules. Evaluation (Clenshaw), multiplication by `x`, products,
/// Vandermonde matrices, companion matrices, lines and conversions all follow from these.
pub trait Basis: Copy + Default + Debug + Send + Sync + 'static {
    /// The class name (`Chebyshev`).
    const NAME: &'static str;
    /// The letter of the basis functions in printing (`T`), `None` for power series.
    const BASIS_NAME: Option<&'static str>;
    /// The default domain.
    const DOMAIN: [f64; 2];
    /// The default window.
    const WINDOW: [f64; 2];
    /// `(a_k, b_k, c_k)` of the recurrence `x·P_k = a_k·P_{k+1} + b_k·P_k + c_k·P_{k-1}`.
    fn rec(k: usize) -> (f64, f64, f64);
    /// One derivative of `c` (at least two coefficients, already scaled): `len(c) - 1`
    /// coefficients. `c` is the family's scratch, as NumPy updates it in place.
    fn der1<T: Coef>(c: &mut [T]) -> Vec<T>;
    /// One antiderivative of `c` (already scaled) up to its constant term:
    /// `len(c) + 1` coefficients.
    fn int1<T: Coef>(c: &[T]) -> Vec<T>;
    /// The product of two series (already trimmed, non-empty), before trimming.
    fn mul<T: Coef>(a: &[T], b: &[T]) -> Vec<T> {
        super::generic::mul_by_recurrence::<Self, T>(a, b)
    }
}

fn of<T: Coef>(v: f64) -> T {
    T::of(v)
}

/// Power series (`numpy.polynomial.Polynomial`): `x·x^k = x^{k+1}`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct PowerBasis;

impl Basis for PowerBasis {
    const NAME: &'static str = "Polynomial";
    const BASIS_NAME: Option<&'static str> = None;
    const DOMAIN: [f64; 2] = [-1.0, 1.0];
    const WINDOW: [f64; 2] = [-1.0, 1.0];
    fn rec(_k: usize) -> (f64, f64, f64) {
        (1.0, 0.0, 0.0)
    }
    fn der1<T: Coef>(c: &mut [T]) -> Vec<T> {
        (1..c.len()).map(|j| of::<T>(j as f64) * c[j]).collect()
    }
    fn int1<T: Coef>(c: &[T]) -> Vec<T> {
        let mut t = vec![c[0] * of(0.0)];
        t.extend(c.iter().enumerate().map(|(j, &v)| if j == 0 { v } else { v / of((j + 1) as f64) }));
        t
    }
    fn mul<T: Coef>(a: &[T], b: &[T]) -> Vec<T> {
        convolve(a, b)
    }
}

/// Chebyshev series of the first kind: `x·T_0 = T_1`, `x·T_k = (T_{k+1} + T_{k-1}) / 2`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ChebyshevBasis;

impl Basis for ChebyshevBasis {
    const NAME: &'static str = "Chebyshev";
    const BASIS_NAME: Option<&'static str> = Some("T");
    const DOMAIN: [f64; 2] = [-1.0, 1.0];
    const WINDOW: [f64; 2] = [-1.0, 1.0];
    fn rec(k: usize) -> (f64, f64, f64) {
        if k == 0 { (1.0, 0.0, 0.0) } else { (0.5, 0.0, 0.5) }
    }
    fn der1<T: Coef>(c: &mut [T]) -> Vec<T> {
        let n = c.len() - 1;
        let mut der = vec![of::<T>(0.0); n];
        for j in (3..=n).rev() {
            der[j - 1] = of::<T>((2 * j) as f64) * c[j];
            c[j - 2] = c[j - 2] + (of::<T>(j as f64) * c[j]) / of((j - 2) as f64);
        }
        if n > 1 {
            der[1] = of::<T>(4.0) * c[2];
        }
        der[0] = c[1];
        der
    }
    fn int1<T: Coef>(c: &[T]) -> Vec<T> {
        let n = c.len();
        let mut t = vec![of::<T>(0.0); n + 1];
        t[0] = c[0] * of(0.0);
        t[1] = c[0];
        if n > 1 {
            t[2] = c[1] / of(4.0);
        }
        for j in 2..n {
            t[j + 1] = c[j] / of((2 * (j + 1)) as f64);
            t[j - 1] = t[j - 1] - c[j] / of((2 * (j - 1)) as f64);
        }
        t
    }
}

/// Legendre series: `x·P_k = ((k+1)·P_{k+1} + k·P_{k-1}) / (2k+1)`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct LegendreBasis;

impl Basis for LegendreBasis {
    const NAME: &'static str = "Legendre";
    const BASIS_NAME: Option<&'static str> = Some("P");
    const DOMAIN: [f64; 2] = [-1.0, 1.0];
    const WINDOW: [f64; 2] = [-1.0, 1.0];
    fn rec(k: usize) -> (f64, f64, f64) {
        let s = (2 * k + 1) as f64;
        ((k + 1) as f64 / s, 0.0, k as f64 / s)
    }
    fn der1<T: Coef>(c: &mut [T]) -> Vec<T> {
        let n = c.len() - 1;
        let mut der = vec![of::<T>(0.0); n];
        for j in (3..=n).rev() {
            der[j - 1] = of::<T>((2 * j - 1) as f64) * c[j];
            c[j - 2] = c[j - 2] + c[j];
        }
        if n > 1 {
            der[1] = of::<T>(3.0) * c[2];
        }
        der[0] = c[1];
        der
    }
    fn int1<T: Coef>(c: &[T]) -> Vec<T> {
        let n = c.len();
        let mut t = vec![of::<T>(0.0); n + 1];
        t[0] = c[0] * of(0.0);
        t[1] = c[0];
        if n > 1 {
            t[2] = c[1] / of(3.0);
        }
        for j in 2..n {
            let v = c[j] / of((2 * j + 1) as f64);
            t[j + 1] = v;
            t[j - 1] = t[j - 1] - v;
        }
        t
    }
}

/// Physicists' Hermite series: `x·H_k = H_{k+1} / 2 + k·H_{k-1}`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct HermiteBasis;

impl Basis for HermiteBasis {
    const NAME: &'static str = "Hermite";
    const BASIS_NAME: Option<&'static str> = Some("H");
    const DOMAIN: [f64; 2] = [-1.0, 1.0];
    const WINDOW: [f64; 2] = [-1.0, 1.0];
    fn rec(k: usize) -> (f64, f64, f64) {
        (0.5, 0.0, k as f64)
    }
    fn der1<T: Coef>(c: &mut [T]) -> Vec<T> {
        (1..c.len()).map(|j| of::<T>((2 * j) as f64) * c[j]).collect()
    }
    fn int1<T: Coef>(c: &[T]) -> Vec<T> {
        let mut t = vec![c[0] * of(0.0), c[0] / of(2.0)];
        t.extend(c[1..].iter().enumerate().map(|(i, &v)| v / of((2 * (i + 2)) as f64)));
        t
    }
}

/// Probabilists' Hermite series: `x·He_k = He_{k+1} + k·He_{k-1}`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct HermiteEBasis;

impl Basis for HermiteEBasis {
    const NAME: &'static str = "HermiteE";
    const BASIS_NAME: Option<&'static str> = Some("He");
    const DOMAIN: [f64; 2] = [-1.0, 1.0];
    const WINDOW: [f64; 2] = [-1.0, 1.0];
    fn rec(k: usize) -> (f64, f64, f64) {
        (1.0, 0.0, k as f64)
    }
    fn der1<T: Coef>(c: &mut [T]) -> Vec<T> {
        PowerBasis::der1(c)
    }
    fn int1<T: Coef>(c: &[T]) -> Vec<T> {
        PowerBasis::int1(c)
    }
}

/// Laguerre series: `x·L_k = -(k+1)·L_{k+1} + (2k+1)·L_k - k·L_{k-1}`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct LaguerreBasis;

impl Basis for LaguerreBasis {
    const NAME: &'static str = "Laguerre";
    const BASIS_NAME: Option<&'static str> = Some("L");
    const DOMAIN: [f64; 2] = [0.0, 1.0];
    const WINDOW: [f64; 2] = [0.0, 1.0];
    fn rec(k: usize) -> (f64, f64, f64) {
        (-((k + 1) as f64), (2 * k + 1) as f64, -(k as f64))
    }
    fn der1<T: Coef>(c: &mut [T]) -> Vec<T> {
        let n = c.len() - 1;
        let mut der = vec![of::<T>(0.0); n];
        for j in (2..=n).rev() {
            der[j - 1] = -c[j];
            c[j - 1] = c[j - 1] + c[j];
        }
        der[0] = -c[1];
        der
    }
    fn int1<T: Coef>(c: &[T]) -> Vec<T> {
        let n = c.len();
        let mut t = vec![of::<T>(0.0); n + 1];
        t[0] = c[0];
        t[1] = -c[0];
        for j in 1..n {
            t[j] = t[j] + c[j];
            t[j + 1] = -c[j];
        }
        t
    }
}
