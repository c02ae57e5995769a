//! The machinery shared by every family, written once over [`Basis`]: trimming, sums,
//! Clenshaw evaluation (of numbers, and of series for products and conversions),
//! multiplication by `x`, products, division, powers, derivatives, antiderivatives, lines
//! and products of roots.

use super::{Basis, Coef};
use crate::error::{Error, Result};

/// NumPy's `trimseq`: trailing exact zeros dropped, keeping at least one coefficient.
pub(crate) fn trimseq<T: Coef>(mut c: Vec<T>) -> Vec<T> {
    while c.len() > 1 && c[c.len() - 1] == T::of(0.0) {
        c.pop();
    }
    c
}

/// NumPy's `as_series` of one array: refuses an empty one, then trims.
pub(crate) fn as_series<T: Coef>(c: &[T]) -> Result<Vec<T>> {
    if c.is_empty() {
        return Err(Error::PolyValue("Coefficient array is empty"));
    }
    Ok(trimseq(c.to_vec()))
}

/// Sum of two coefficient vectors aligned at the constant term (no trimming).
fn add_raw<T: Coef>(a: &[T], b: &[T], sub: bool) -> Vec<T> {
    let n = a.len().max(b.len());
    (0..n)
        .map(|i| {
            let x = a.get(i).copied();
            let y = b.get(i).copied();
            match (x, y, sub) {
                (Some(x), Some(y), false) => x + y,
                (Some(x), Some(y), true) => x - y,
                (Some(x), None, _) => x,
                (None, Some(y), false) => y,
                (None, Some(y), true) => -y,
                (None, None, _) => T::of(0.0),
            }
        })
        .collect()
}

/// `*add`: NumPy's `_add` (both trimmed, summed, trimmed).
pub(crate) fn add<T: Coef>(a: &[T], b: &[T]) -> Result<Vec<T>> {
    Ok(trimseq(add_raw(&as_series(a)?, &as_series(b)?, false)))
}

/// `*sub`: NumPy's `_sub`.
pub(crate) fn sub<T: Coef>(a: &[T], b: &[T]) -> Result<Vec<T>> {
    Ok(trimseq(add_raw(&as_series(a)?, &as_series(b)?, true)))
}

/// What Clenshaw's recurrence accumulates: numbers (evaluation) or series (products,
/// conversions, composition).
pub(crate) trait Acc<T: Coef>: Clone {
    fn plus(&self, o: &Self) -> Self;
    fn minus(&self, o: &Self) -> Self;
    fn times(&self, f: f64) -> Self;
    fn over(&self, f: f64) -> Self;
}

impl<T: Coef> Acc<T> for T {
    fn plus(&self, o: &Self) -> Self {
        *self + *o
    }
    fn minus(&self, o: &Self) -> Self {
        *self - *o
    }
    fn times(&self, f: f64) -> Self {
        *self * T::of(f)
    }
    fn over(&self, f: f64) -> Self {
        *self / T::of(f)
    }
}

impl<T: Coef> Acc<T> for Vec<T> {
    fn plus(&self, o: &Self) -> Self {
        trimseq(add_raw(self, o, false))
    }
    fn minus(&self, o: &Self) -> Self {
        trimseq(add_raw(self, o, true))
    }
    fn times(&self, f: f64) -> Self {
        self.iter().map(|&v| v * T::of(f)).collect()
    }
    fn over(&self, f: f64) -> Self {
        self.iter().map(|&v| v / T::of(f)).collect()
    }
}

/// Clenshaw's recurrence for `sum c_k·P_k(x)` of family `B`: `b_k = c_k + α_k·b_{k+1} +
/// β_{k+1}·b_{k+2}` with `α_k·b = (x·b - b_k·b) / a_k` and `β_k = -c_k / a_k`; the value is
/// `b_0`. `unit(c)` is the constant `c`, `mulx(b)` is `x·b`. For power series this is
/// Horner's rule as NumPy runs it. `c` must be non-empty.
pub(crate) fn clenshaw<B: Basis, T: Coef, A: Acc<T>>(c: &[T], unit: impl Fn(T) -> A, mulx: impl Fn(&A) -> A) -> A {
    let mut b1: Option<A> = None;
    let mut b2: Option<A> = None;
    for k in (0..c.len()).rev() {
        let (a, b, _) = B::rec(k);
        let mut t = unit(c[k]);
        if let Some(prev) = &b1 {
            let mut ab = mulx(prev);
            if b != 0.0 {
                ab = ab.minus(&prev.times(b));
            }
            if a != 1.0 {
                ab = ab.over(a);
            }
            t = t.plus(&ab);
        }
        if let Some(prev) = &b2 {
            let (a1, _, c1) = B::rec(k + 1);
            if c1 != 0.0 {
                t = t.minus(&prev.times(c1 / a1));
            }
        }
        b2 = b1;
        b1 = Some(t);
    }
    b1.unwrap_or_else(|| unit(T::of(0.0)))
}

/// The series at one point.
pub(crate) fn val1<B: Basis, T: Coef>(c: &[T], x: T) -> T {
    clenshaw::<B, T, T>(c, |v| v, |b| *b * x)
}

/// `*mulx`: the series times `x`, from the recurrence (NumPy returns a lone zero as is).
pub(crate) fn mulx<B: Basis, T: Coef>(c: &[T]) -> Result<Vec<T>> {
    let c = as_series(c)?;
    if c.len() == 1 && c[0] == T::of(0.0) {
        return Ok(c);
    }
    Ok(mulx_raw::<B, T>(&c))
}

fn mulx_raw<B: Basis, T: Coef>(c: &[T]) -> Vec<T> {
    let mut out = vec![T::of(0.0); c.len() + 1];
    out[0] = c[0] * T::of(0.0);
    for (k, &v) in c.iter().enumerate() {
        let (a, b, cc) = B::rec(k);
        out[k + 1] = out[k + 1] + v * T::of(a);
        if b != 0.0 {
            out[k] = out[k] + v * T::of(b);
        }
        if cc != 0.0 && k > 0 {
            out[k - 1] = out[k - 1] + v * T::of(cc);
        }
    }
    out
}

/// The product of two series by Clenshaw's recurrence over series (NumPy's `legmul`
/// and its kin): the shorter one's coefficients drive the recurrence.
pub(crate) fn mul_by_recurrence<B: Basis, T: Coef>(a: &[T], b: &[T]) -> Vec<T> {
    let (c, xs) = if a.len() > b.len() { (b, a) } else { (a, b) };
    clenshaw::<B, T, Vec<T>>(c, |v| xs.iter().map(|&x| x * v).collect(), |s| mulx_raw::<B, T>(s))
}

/// `*mul`.
pub(crate) fn mul<B: Basis, T: Coef>(a: &[T], b: &[T]) -> Result<Vec<T>> {
    Ok(trimseq(B::mul(&as_series(a)?, &as_series(b)?)))
}

/// `*div`: NumPy's `_div`, quotient and remainder by repeated subtraction of the divisor
/// times basis functions.
pub(crate) fn div<B: Basis, T: Coef>(a: &[T], b: &[T]) -> Result<(Vec<T>, Vec<T>)> {
    let (c1, c2) = (as_series(a)?, as_series(b)?);
    let last = c2[c2.len() - 1];
    if last == T::of(0.0) {
        return Err(Error::PolyZeroDivision);
    }
    let (l1, l2) = (c1.len(), c2.len());
    if l1 < l2 {
        return Ok((vec![c1[0] * T::of(0.0)], c1));
    }
    if l2 == 1 {
        return Ok((c1.iter().map(|&v| v / last).collect(), vec![c1[0] * T::of(0.0)]));
    }
    let mut quo = vec![T::of(0.0); l1 - l2 + 1];
    let mut rem = c1;
    for i in (0..=l1 - l2).rev() {
        let mut unit = vec![T::of(0.0); i + 1];
        unit[i] = T::of(1.0);
        let p = B::mul(&unit, &c2);
        let q = rem[rem.len() - 1] / p[p.len() - 1];
        rem.pop();
        for (r, &pv) in rem.iter_mut().zip(&p) {
            *r = *r - q * pv;
        }
        quo[i] = q;
    }
    Ok((quo, trimseq(rem)))
}

/// `*pow`: repeated products; `maxpower` bounds the exponent (16 for the module
/// functions, 100 for the classes).
pub(crate) fn pow<B: Basis, T: Coef>(c: &[T], power: i64, maxpower: Option<i64>) -> Result<Vec<T>> {
    let c = as_series(c)?;
    if power < 0 {
        return Err(Error::PolyValue("Power must be a non-negative integer."));
    }
    if maxpower.is_some_and(|m| power > m) {
        return Err(Error::PolyValue("Power is too large"));
    }
    match power {
        0 => Ok(vec![T::of(1.0)]),
        1 => Ok(c),
        _ => {
            let mut prd = c.clone();
            for _ in 2..=power {
                prd = trimseq(B::mul(&prd, &c));
            }
            Ok(prd)
        }
    }
}

/// `*der(c, m, scl)`.
pub(crate) fn der<B: Basis, T: Coef>(c: &[T], m: i64, scl: T) -> Result<Vec<T>> {
    if m < 0 {
        return Err(Error::PolyValue("The order of derivation must be non-negative"));
    }
    let mut c = c.to_vec();
    let m = m as usize;
    if m == 0 {
        return Ok(c);
    }
    if m >= c.len() {
        return Ok(c.iter().take(1).map(|&v| v * T::of(0.0)).collect());
    }
    for _ in 0..m {
        c.iter_mut().for_each(|v| *v = *v * scl);
        c = B::der1(&mut c);
    }
    Ok(c)
}

/// `*int(c, m, k, lbnd, scl)`: `k` holds up to `m` integration constants (missing ones
/// are zero); each integration's constant makes the integral `k[i]` at `lbnd`.
pub(crate) fn int<B: Basis, T: Coef>(c: &[T], m: i64, k: &[T], lbnd: T, scl: T) -> Result<Vec<T>> {
    let mut lanes = vec![c.to_vec()];
    int_lanes::<B, T>(&mut lanes, m, k, lbnd, scl)?;
    Ok(lanes.swap_remove(0))
}

/// [`int`] of several series of one length at once (the lanes of an N-d coefficient
/// array along its axis): as NumPy integrates the whole array, a lone zero coefficient
/// only takes the constant as it is when every lane is that zero.
pub(crate) fn int_lanes<B: Basis, T: Coef>(lanes: &mut [Vec<T>], m: i64, k: &[T], lbnd: T, scl: T) -> Result<()> {
    if m < 0 {
        return Err(Error::PolyValue("The order of integration must be non-negative"));
    }
    let m = m as usize;
    if k.len() > m {
        return Err(Error::PolyValue("Too many integration constants"));
    }
    for i in 0..m {
        let ki = k.get(i).copied().unwrap_or(T::of(0.0));
        for c in lanes.iter_mut() {
            c.iter_mut().for_each(|v| *v = *v * scl);
        }
        let all_zero = lanes.iter().all(|c| c.len() == 1 && c[0] == T::of(0.0));
        for c in lanes.iter_mut() {
            if all_zero {
                c[0] = c[0] + ki;
            } else if c.is_empty() {
                return Err(Error::PolyValue("Coefficient array is empty"));
            } else {
                let mut t = B::int1(c);
                let at = val1::<B, T>(&t, lbnd);
                t[0] = t[0] + (ki - at);
                *c = t;
            }
        }
    }
    Ok(())
}

/// `*line(off, scl)`: the series of `off + scl·x`.
pub(crate) fn line<B: Basis, T: Coef>(off: T, scl: T) -> Vec<T> {
    if scl == T::of(0.0) {
        return vec![off];
    }
    let (a, b, _) = B::rec(0);
    let c0 = if b == 0.0 { off } else { off + scl * T::of(b) };
    let c1 = if a == 1.0 { scl } else { scl * T::of(a) };
    vec![c0, c1]
}

/// `*fromroots`: the product of the lines `x - r`, sorted roots multiplied pairwise as
/// NumPy's `_fromroots` does. `sort` orders the roots as NumPy's `sort`.
pub(crate) fn fromroots<B: Basis, T: Coef>(roots: &[T]) -> Vec<T> {
    if roots.is_empty() {
        return vec![T::of(1.0)];
    }
    let mut r = roots.to_vec();
    r.sort_by(T::numpy_cmp);
    let mut p: Vec<Vec<T>> = r.iter().map(|&v| line::<B, T>(-v, T::of(1.0))).collect();
    while p.len() > 1 {
        let m = p.len() / 2;
        let mut tmp: Vec<Vec<T>> = (0..m).map(|i| trimseq(B::mul(&p[i], &p[i + m]))).collect();
        if p.len() % 2 == 1 {
            tmp[0] = trimseq(B::mul(&tmp[0], &p[p.len() - 1]));
        }
        p = tmp;
    }
    p.swap_remove(0)
}

/// The coefficients in family `G` of the family-`F` series `c` evaluated at the `G`-series
/// `arg` (`arg = None` is `x` itself): NumPy's `cheb2poly`, `poly2cheb`, … and the
/// classes' `convert`.
pub(crate) fn compose<F: Basis, G: Basis, T: Coef>(c: &[T], arg: Option<&[T]>) -> Vec<T> {
    match arg {
        None => clenshaw::<F, T, Vec<T>>(c, |v| vec![v], |s| trimseq(mulx_raw::<G, T>(s))),
        Some(x) => clenshaw::<F, T, Vec<T>>(c, |v| vec![v], |s| trimseq(G::mul(s, x))),
    }
}

/// NumPy's `trimcoef(c, tol)`: trailing coefficients of magnitude at most `tol` dropped;
/// all of them small gives a single zero.
pub(crate) fn trimcoef<T: Coef>(c: &[T], tol: f64) -> Result<Vec<T>> {
    if tol < 0.0 {
        return Err(Error::PolyValue("tol must be non-negative"));
    }
    let c = as_series(c)?;
    match c.iter().rposition(|v| v.magnitude() > tol) {
        None => Ok(vec![c[0] * T::of(0.0)]),
        Some(i) => Ok(c[..=i].to_vec()),
    }
}
