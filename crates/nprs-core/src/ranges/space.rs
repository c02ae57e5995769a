//! `linspace`, `logspace` and `geomspace`, computed step by step as NumPy computes them.
//!
//! NumPy evaluates these in `float64` (or `complex128` when an argument is complex) and
//! casts the result to the requested dtype at the end; so do we. Each element goes through
//! the same operations, in the same order, as NumPy's whole-array expressions
//! (`y = arange(0, num) * step + start`), so linear sequences match NumPy bit for bit.

use super::from_index_fn;
use crate::array::Array;
use crate::copy::{Cast, Family};
use crate::dims;
use crate::dtype::{C64, C128, f16};
use crate::error::{Error, Result};

mod sealed {
    use crate::copy::Cast;

    /// The arithmetic of an inexact scalar, as NumPy's ufunc loops do it.
    pub trait Domain: Cast {
        fn add(self, b: Self) -> Self;
        fn sub(self, b: Self) -> Self;
        fn mul(self, b: Self) -> Self;
        /// `self * b` as NumPy's vectorised complex product loop computes it: each part
        /// is one fused multiply-add of a product already rounded.
        fn mul_fused(self, b: Self) -> Self;
        fn div(self, b: Self) -> Self;
        /// Element `i` of `arange(0, n, dtype=Self)`.
        fn from_count(i: usize) -> Self;
        fn is_zero(self) -> bool;
        fn nan() -> Self;
        fn floor(self) -> Self;
        /// `np.power(base, y)` with a Python-float base.
        fn power(base: f64, y: Self) -> Self;
        fn log10(self) -> Self;
        fn sign(self) -> Self;
    }
}

use sealed::Domain;

/// The scalar types NumPy computes spaced sequences in: `f64`, and [`C128`] for complex
/// sequences. Sealed.
pub trait Inexact: Domain {}

impl Inexact for f64 {}
impl Inexact for C128 {}

/// An element type that [`linspace`], [`logspace`] and [`geomspace`] can produce: every
/// element type. Sealed (implemented for exactly the element types).
pub trait SpaceElem: Cast {
    /// The type NumPy computes the sequence in before casting to `Self`: `f64` for bools,
    /// integers and floats; [`C128`] for complex types.
    type Inexact: Inexact;
}

macro_rules! space_elem {
    ($inexact:ty: $($t:ty),*) => {$(
        impl SpaceElem for $t {
            type Inexact = $inexact;
        }
    )*};
}
space_elem!(f64: bool, i8, i16, i32, i64, u8, u16, u32, u64, f16, f32, f64);
space_elem!(C128: C64, C128);

impl Domain for f64 {
    fn add(self, b: Self) -> Self {
        self + b
    }
    fn sub(self, b: Self) -> Self {
        self - b
    }
    fn mul(self, b: Self) -> Self {
        self * b
    }
    fn mul_fused(self, b: Self) -> Self {
        self * b
    }
    fn div(self, b: Self) -> Self {
        self / b
    }
    fn from_count(i: usize) -> Self {
        i as f64
    }
    fn is_zero(self) -> bool {
        self == 0.0
    }
    fn nan() -> Self {
        f64::NAN
    }
    fn floor(self) -> Self {
        f64::floor(self)
    }
    fn power(base: f64, y: Self) -> Self {
        base.powf(y)
    }
    fn log10(self) -> Self {
        f64::log10(self)
    }
    fn sign(self) -> Self {
        if self.is_nan() {
            self
        } else if self > 0.0 {
            1.0
        } else if self < 0.0 {
            -1.0
        } else {
            0.0
        }
    }
}

/// NumPy's complex product loop.
fn cmul(a: C128, b: C128) -> C128 {
    C128::new(a.re * b.re - a.im * b.im, a.re * b.im + a.im * b.re)
}

/// NumPy's complex quotient loop (Smith's method; a zero divisor gives infinities or NaN).
fn cdiv(a: C128, b: C128) -> C128 {
    let (abs_br, abs_bi) = (b.re.abs(), b.im.abs());
    if abs_br >= abs_bi {
        if abs_br == 0.0 && abs_bi == 0.0 {
            return C128::new(a.re / abs_br, a.im / abs_bi);
        }
        let rat = b.im / b.re;
        let scl = 1.0 / (b.re + b.im * rat);
        C128::new((a.re + a.im * rat) * scl, (a.im - a.re * rat) * scl)
    } else {
        let rat = b.re / b.im;
        let scl = 1.0 / (b.im + b.re * rat);
        C128::new((a.re * rat + a.im) * scl, (a.im * rat - a.re) * scl)
    }
}

/// The complex natural logarithm: `log|z|` (through `log1p` near the unit circle, rescaled
/// for huge and tiny moduli) and `atan2(im, re)`.
fn clog(z: C128) -> C128 {
    let (ax, ay) = (z.re.abs(), z.im.abs());
    if ax.is_nan() && ay.is_finite() {
        return C128::new(ax, f64::NAN);
    }
    let re = if ax > f64::MAX / 4.0 || ay > f64::MAX / 4.0 {
        (ax / 2.0).hypot(ay / 2.0).ln() + std::f64::consts::LN_2
    } else if ax < f64::MIN_POSITIVE && ay < f64::MIN_POSITIVE {
        if ax > 0.0 || ay > 0.0 {
            let s = 2f64.powi(53);
            (ax * s).hypot(ay * s).ln() - 53.0 * std::f64::consts::LN_2
        } else {
            f64::NEG_INFINITY
        }
    } else {
        let h = ax.hypot(ay);
        if (0.71..=1.73).contains(&h) {
            let (am, an) = if ax > ay { (ax, ay) } else { (ay, ax) };
            ((am - 1.0) * (am + 1.0) + an * an).ln_1p() / 2.0
        } else {
            h.ln()
        }
    };
    C128::new(re, z.im.atan2(z.re))
}

/// The complex exponential.
fn cexp(z: C128) -> C128 {
    let e = z.re.exp();
    if z.im == 0.0 && !z.re.is_nan() {
        return C128::new(e, z.im);
    }
    let (s, c) = z.im.sin_cos();
    C128::new(e * c, e * s)
}

/// `a ** b` as NumPy's complex power: exact special cases for a zero exponent or base, and
/// repeated multiplication for small integral real exponents; `exp(b log a)` otherwise.
fn cpow(a: C128, b: C128) -> C128 {
    if b.re == 0.0 && b.im == 0.0 {
        return C128::new(1.0, 0.0);
    }
    if a.re == 0.0 && a.im == 0.0 {
        return if b.re > 0.0 && b.im == 0.0 { C128::new(0.0, 0.0) } else { C128::new(f64::NAN, f64::NAN) };
    }
    if b.im == 0.0 && b.re > -100.0 && b.re < 100.0 && b.re == b.re.trunc() {
        let n = b.re as i64;
        match n {
            1 => return a,
            2 => return cmul(a, a),
            3 => return cmul(a, cmul(a, a)),
            _ => {
                let mut m = n.unsigned_abs();
                let mut acc = C128::new(1.0, 0.0);
                let mut p = a;
                loop {
                    if m & 1 == 1 {
                        acc = cmul(acc, p);
                    }
                    m >>= 1;
                    if m == 0 {
                        break;
                    }
                    p = cmul(p, p);
                }
                return if n < 0 { cdiv(C128::new(1.0, 0.0), acc) } else { acc };
            }
        }
    }
    cexp(cmul(b, clog(a)))
}

impl Domain for C128 {
    fn add(self, b: Self) -> Self {
        C128::new(self.re + b.re, self.im + b.im)
    }
    fn sub(self, b: Self) -> Self {
        C128::new(self.re - b.re, self.im - b.im)
    }
    fn mul(self, b: Self) -> Self {
        cmul(self, b)
    }
    fn mul_fused(self, b: Self) -> Self {
        C128::new(self.re.mul_add(b.re, -(self.im * b.im)), self.re.mul_add(b.im, self.im * b.re))
    }
    fn div(self, b: Self) -> Self {
        cdiv(self, b)
    }
    fn from_count(i: usize) -> Self {
        C128::new(i as f64, 0.0)
    }
    fn is_zero(self) -> bool {
        self.re == 0.0 && self.im == 0.0
    }
    fn nan() -> Self {
        C128::new(f64::NAN, 0.0)
    }
    fn floor(self) -> Self {
        C128::new(self.re.floor(), self.im.floor())
    }
    fn power(base: f64, y: Self) -> Self {
        cpow(C128::new(base, 0.0), y)
    }
    fn log10(self) -> Self {
        let l = clog(self);
        C128::new(l.re * std::f64::consts::LOG10_E, l.im * std::f64::consts::LOG10_E)
    }
    fn sign(self) -> Self {
        let h = self.re.hypot(self.im);
        if h.is_nan() {
            C128::new(f64::NAN, f64::NAN)
        } else if h.is_infinite() {
            let unit = |x: f64| if x > 0.0 { 1.0 } else { -1.0 };
            match (self.re.is_infinite(), self.im.is_infinite()) {
                (true, true) => C128::new(f64::NAN, f64::NAN),
                (true, false) => C128::new(unit(self.re), 0.0),
                _ => C128::new(0.0, unit(self.im)),
            }
        } else if h == 0.0 {
            C128::new(0.0, 0.0)
        } else {
            C128::new(self.re / h, self.im / h)
        }
    }
}

/// How `linspace` scales `arange(0, num)` before adding `start`.
#[derive(Clone, Copy)]
enum Scale<D> {
    /// `y * step`
    Step(D),
    /// `y / div * delta` (a step that underflowed to zero)
    DivThenDelta(D, D),
    /// `y * delta` (no step: fewer than two points)
    Delta(D),
}

/// NumPy's `linspace` in the inexact type `D`: the step, and element `i` before casting.
fn linspace_fn<D: Inexact>(start: D, stop: D, num: usize, endpoint: bool) -> (D, impl Fn(usize) -> D + Sync + Send) {
    let div = if endpoint { num.saturating_sub(1) } else { num };
    let delta = stop.sub(start);
    let (step, scale) = if div > 0 {
        let divisor = D::from_count(div);
        let step = delta.div(divisor);
        if step.is_zero() { (step, Scale::DivThenDelta(divisor, delta)) } else { (step, Scale::Step(step)) }
    } else {
        (D::nan(), Scale::Delta(delta))
    };
    let last = if endpoint && num > 1 { num - 1 } else { usize::MAX };
    let at = move |i: usize| {
        if i == last {
            return stop;
        }
        let y = D::from_count(i);
        let y = match scale {
            Scale::Step(step) => y.mul(step),
            Scale::DivThenDelta(divisor, delta) => y.div(divisor).mul(delta),
            Scale::Delta(delta) => y.mul(delta),
        };
        y.add(start)
    };
    (step, at)
}

/// Casts a computed element to the output type; integer outputs are floored first.
fn finish<T: Cast, D: Inexact>(x: D, floor: bool) -> T {
    if floor && matches!(T::FAMILY, Family::Int | Family::UInt) { T::cast_from(x.floor()) } else { T::cast_from(x) }
}

fn linspace_impl<T: Cast, D: Inexact, A: Cast>(start: A, stop: A, num: usize, endpoint: bool) -> Result<(Array<T>, D)> {
    // NumPy builds the sequence in the inexact type first.
    dims::check_bytes(&[num], size_of::<D>())?;
    let (start, stop) = (D::cast_from(start), D::cast_from(stop));
    let (step, at) = linspace_fn(start, stop, num, endpoint);
    let y = from_index_fn(num, |i| finish::<T, D>(at(i), true))?;
    Ok((y, step))
}

/// `num` evenly spaced samples from `start` to `stop` (`numpy.linspace(start, stop, num,
/// endpoint, dtype=T)`); without `endpoint` the interval is half-open.
///
/// As in NumPy, the samples are computed in `f64` (`complex128` for complex `T`) as
/// `i * step + start` with `step = (stop - start) / div` (`div` is `num - 1` with the
/// endpoint, `num` without), the last sample is set to `stop` exactly, and the result is
/// then cast to `T` — integer types are floored first. The arguments behave like Python
/// scalars (see the [module docs](crate::ranges)).
///
/// ```
/// use nprs_core::linspace;
/// let x = linspace::<f64>(0.0, 1.0, 11, true).unwrap();
/// assert_eq!(x.get(&[3]).unwrap(), 0.30000000000000004);
/// assert_eq!(x.get(&[10]).unwrap(), 1.0);
/// let half_open = linspace::<f64>(0.0, 1.0, 4, false).unwrap();
/// assert_eq!(half_open.to_vec(), vec![0.0, 0.25, 0.5, 0.75]);
/// // np.linspace(-5, 5, 7, dtype=np.int64) floors: [-5, -4, -2, 0, 1, 3, 5]
/// assert_eq!(linspace::<i64>(-5, 5, 7, true).unwrap().to_vec(), vec![-5, -4, -2, 0, 1, 3, 5]);
/// ```
///
/// # Errors
/// Only for sizes that cannot be allocated.
#[doc(alias = "numpy.linspace")]
pub fn linspace<T: SpaceElem>(start: T, stop: T, num: usize, endpoint: bool) -> Result<Array<T>> {
    linspace_impl::<T, T::Inexact, T>(start, stop, num, endpoint).map(|(y, _)| y)
}

/// `numpy.linspace(start, stop, num, endpoint, dtype=T)` with arguments of another type
/// `A`: the samples are computed from the arguments (in `f64`, or `complex128` for complex
/// `A`) and then cast to `T`, integer types being floored first.
///
/// ```
/// use nprs_core::linspace_as;
/// // np.linspace(-2.5, 2.5, 6, dtype=int)
/// let a = linspace_as::<i64, f64>(-2.5, 2.5, 6, true).unwrap();
/// assert_eq!(a.to_vec(), vec![-3, -2, -1, 0, 1, 2]);
/// // np.linspace(0, 1, 5, dtype=np.float32)
/// let b = linspace_as::<f32, f64>(0.0, 1.0, 5, true).unwrap();
/// assert_eq!(b.to_vec(), vec![0.0f32, 0.25, 0.5, 0.75, 1.0]);
/// ```
///
/// # Errors
/// As [`linspace`].
#[doc(alias = "numpy.linspace")]
pub fn linspace_as<T: Cast, A: SpaceElem>(start: A, stop: A, num: usize, endpoint: bool) -> Result<Array<T>> {
    linspace_impl::<T, A::Inexact, A>(start, stop, num, endpoint).map(|(y, _)| y)
}

/// [`linspace`] that also returns the step (`numpy.linspace(..., retstep=True)`), in the
/// type the samples were computed in; NaN when there are fewer than two intervals' worth
/// of points (`num < 2` with the endpoint, `num == 0` without).
///
/// ```
/// use nprs_core::linspace_retstep;
/// let (x, step) = linspace_retstep::<f64>(2.0, 3.0, 5, true).unwrap();
/// assert_eq!(step, 0.25);
/// assert_eq!(x.to_vec(), vec![2.0, 2.25, 2.5, 2.75, 3.0]);
/// let (_, none) = linspace_retstep::<f64>(2.0, 3.0, 1, true).unwrap();
/// assert!(none.is_nan());
/// ```
///
/// # Errors
/// As [`linspace`].
#[doc(alias = "numpy.linspace")]
pub fn linspace_retstep<T: SpaceElem>(start: T, stop: T, num: usize, endpoint: bool) -> Result<(Array<T>, T::Inexact)> {
    linspace_impl::<T, T::Inexact, T>(start, stop, num, endpoint)
}

/// `num` samples evenly spaced on a log scale: `base ** linspace(start, stop, num,
/// endpoint)` (`numpy.logspace(..., dtype=T)`), computed in `f64` (`complex128` for complex
/// `T`) and cast to `T` (integer types truncate, as NumPy's cast does).
///
/// ```
/// use nprs_core::logspace;
/// let x = logspace::<f64>(0.0, 3.0, 4, true, 10.0).unwrap();
/// assert_eq!(x.to_vec(), vec![1.0, 10.0, 100.0, 1000.0]);
/// let p = logspace::<f64>(0.0, 4.0, 5, true, 2.0).unwrap();
/// assert_eq!(p.to_vec(), vec![1.0, 2.0, 4.0, 8.0, 16.0]);
/// ```
///
/// # Errors
/// Only for sizes that cannot be allocated.
#[doc(alias = "numpy.logspace")]
pub fn logspace<T: SpaceElem>(start: T, stop: T, num: usize, endpoint: bool, base: f64) -> Result<Array<T>> {
    dims::check_bytes(&[num], size_of::<T::Inexact>())?;
    let (start, stop) = (T::Inexact::cast_from(start), T::Inexact::cast_from(stop));
    let (_, at) = linspace_fn(start, stop, num, endpoint);
    from_index_fn(num, |i| finish::<T, T::Inexact>(T::Inexact::power(base, at(i)), false))
}

/// `num` samples evenly spaced on a log scale between the values themselves
/// (`numpy.geomspace(start, stop, num, endpoint, dtype=T)`): a geometric progression.
///
/// As NumPy does, the sequence is computed in `f64` (`complex128` for complex `T`) after
/// rotating `start` onto the positive real axis (dividing both ends by `sign(start)`), so
/// negative and complex end points work; the end points are exact, and the result is cast
/// to `T` (integer types truncate).
///
/// ```
/// use nprs_core::{C128, geomspace};
/// let g = geomspace::<f64>(1.0, 1000.0, 4, true).unwrap();
/// assert_eq!(g.to_vec(), vec![1.0, 10.0, 100.0, 1000.0]);
/// let neg = geomspace::<f64>(-1000.0, -1.0, 4, true).unwrap();
/// assert_eq!(neg.to_vec(), vec![-1000.0, -100.0, -10.0, -1.0]);
/// let im = geomspace::<C128>(C128::new(0.0, 1.0), C128::new(0.0, 1000.0), 4, true).unwrap();
/// assert_eq!(im.get(&[2]).unwrap(), C128::new(0.0, 100.0));
/// assert!(geomspace::<f64>(0.0, 1.0, 3, true).is_err());
/// ```
///
/// # Errors
/// A zero end point ("Geometric sequence cannot include zero"), or a size that cannot be
/// allocated.
#[doc(alias = "numpy.geomspace")]
pub fn geomspace<T: SpaceElem>(start: T, stop: T, num: usize, endpoint: bool) -> Result<Array<T>> {
    let (start, stop) = (T::Inexact::cast_from(start), T::Inexact::cast_from(stop));
    if start.is_zero() || stop.is_zero() {
        return Err(Error::GeomspaceZero);
    }
    dims::check_bytes(&[num], size_of::<T::Inexact>())?;
    let sign = start.sign();
    let (start, stop) = (start.div(sign), stop.div(sign));
    let (_, at) = linspace_fn(start.log10(), stop.log10(), num, endpoint);
    let last = if endpoint && num > 1 { num - 1 } else { usize::MAX };
    from_index_fn(num, |i| {
        let r = match i {
            0 => start,
            _ if i == last => stop,
            _ => T::Inexact::power(10.0, at(i)),
        };
        finish::<T, T::Inexact>(r.mul_fused(sign), false)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn complex_division_by_a_count_uses_the_reciprocal() {
        // NumPy divides complex numbers by (d + 0j) as x * (1 / d), not x / d.
        let q = cdiv(C128::new(0.7, 0.0), C128::new(3.0, 0.0));
        assert_eq!(q.re, 0.7 * (1.0 / 3.0));
    }

    #[test]
    fn integer_powers_are_products() {
        assert_eq!(cpow(C128::new(10.0, 0.0), C128::new(3.0, 0.0)), C128::new(1000.0, 0.0));
        assert_eq!(cpow(C128::new(0.0, 1.0), C128::new(-2.0, 0.0)), C128::new(-1.0, 0.0));
    }
}
