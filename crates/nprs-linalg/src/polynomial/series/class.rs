//! The series classes (`numpy.polynomial.Polynomial`, `Chebyshev`, …): one generic type
//! over the family.

use std::marker::PhantomData;

use nprs_core::kernel::Data;
use nprs_core::{Array, ArrayBase, C128};

use super::fit::{FitDeg, fit, roots};
use super::generic::{self, trimcoef};
use super::{Basis, PolyfitFull};
use crate::error::{Error, Result};

/// The class's bound on powers (`maxpower`).
const MAXPOWER: i64 = 100;

/// A series of family `B` with its domain, window and symbol: NumPy's `ABCPolyBase`
/// subclasses. Use the aliases [`Polynomial`](super::Polynomial),
/// [`Chebyshev`](super::Chebyshev), [`Legendre`](super::Legendre),
/// [`Hermite`](super::Hermite), [`HermiteE`](super::HermiteE) and
/// [`Laguerre`](super::Laguerre).
///
/// The series is evaluated at `off + scl·x`, where `(off, scl)` map the domain onto the
/// window ([`mapparms`](Series::mapparms)).
///
/// ```
/// use nprs_linalg::polynomial::{Chebyshev, Polynomial};
/// let p = Polynomial::new(&[1.0, 2.0, 3.0])?;
/// assert_eq!(p.call_scalar(2.0), 17.0);
/// assert_eq!(p.to_string(), "1.0 + 2.0·x + 3.0·x²");
/// let c: Chebyshev = p.convert(None, None);
/// assert_eq!(format!("{c:?}"), "Chebyshev([2.5, 2. , 1.5], domain=[-1.,  1.], window=[-1.,  1.], symbol='x')");
/// # Ok::<(), nprs_linalg::Error>(())
/// ```
#[derive(Clone)]
pub struct Series<B: Basis> {
    pub(crate) coef: Vec<f64>,
    pub(crate) domain: [f64; 2],
    pub(crate) window: [f64; 2],
    pub(crate) symbol: String,
    family: PhantomData<B>,
}

/// NumPy's `mapparms(old, new)`: `(off, scl)` with `new = off + scl·old`.
#[must_use]
pub fn mapparms(old: [f64; 2], new: [f64; 2]) -> (f64, f64) {
    let oldlen = old[1] - old[0];
    let newlen = new[1] - new[0];
    ((old[1] * new[0] - old[0] * new[1]) / oldlen, newlen / oldlen)
}

/// NumPy's `getdomain(x)` for real points: `[min, max]`.
///
/// # Errors
/// "Coefficient array is empty" for no points.
pub fn getdomain(x: &[f64]) -> Result<[f64; 2]> {
    if x.is_empty() {
        return Err(Error::PolyValue("Coefficient array is empty"));
    }
    let lo = x.iter().copied().fold(f64::INFINITY, f64::min);
    let hi = x.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    Ok([lo, hi])
}

fn check_symbol(symbol: &str) -> Result<()> {
    let mut ch = symbol.chars();
    let ok = ch.next().is_some_and(|c| c == '_' || c.is_alphabetic()) && ch.all(|c| c == '_' || c.is_alphanumeric());
    if ok { Ok(()) } else { Err(Error::PolyValue("Symbol string must be a valid Python identifier")) }
}

impl<B: Basis> Series<B> {
    /// `Cls.maxpower`: the largest power [`Series::pow`] accepts (100).
    ///
    /// ```
    /// use nprs_linalg::polynomial::Polynomial;
    /// assert_eq!(Polynomial::MAXPOWER, 100);
    /// assert!(Polynomial::new(&[1.0, 1.0])?.pow(Polynomial::MAXPOWER + 1).is_err());
    /// # Ok::<(), nprs_linalg::Error>(())
    /// ```
    pub const MAXPOWER: i64 = MAXPOWER;

    /// `Cls(coef)`: the class's default domain and window, symbol `x`.
    ///
    /// # Errors
    /// "Coefficient array is empty" for no coefficients.
    pub fn new(coef: &[f64]) -> Result<Self> {
        Self::with(coef, None, None, "x")
    }

    /// `Cls(coef, domain, window, symbol)`; `None` takes the class default.
    ///
    /// # Errors
    /// "Coefficient array is empty"; "Symbol string must be a valid Python identifier".
    pub fn with(coef: &[f64], domain: Option<[f64; 2]>, window: Option<[f64; 2]>, symbol: &str) -> Result<Self> {
        if coef.is_empty() {
            return Err(Error::PolyValue("Coefficient array is empty"));
        }
        check_symbol(symbol)?;
        Ok(Self::raw(coef.to_vec(), domain.unwrap_or(B::DOMAIN), window.unwrap_or(B::WINDOW), symbol.to_string()))
    }

    fn raw(coef: Vec<f64>, domain: [f64; 2], window: [f64; 2], symbol: String) -> Self {
        Series { coef, domain, window, symbol, family: PhantomData }
    }

    fn like(&self, coef: Vec<f64>) -> Self {
        Self::raw(coef, self.domain, self.window, self.symbol.clone())
    }

    /// The coefficients, lowest degree first (`coef`).
    #[must_use]
    pub fn coef(&self) -> Array<f64> {
        Array::from_vec(self.coef.clone())
    }

    /// The coefficients as a slice.
    #[must_use]
    pub fn coef_slice(&self) -> &[f64] {
        &self.coef
    }

    /// The domain (`domain`).
    #[must_use]
    pub fn domain(&self) -> [f64; 2] {
        self.domain
    }

    /// The window (`window`).
    #[must_use]
    pub fn window(&self) -> [f64; 2] {
        self.window
    }

    /// The symbol (`symbol`).
    #[must_use]
    pub fn symbol(&self) -> &str {
        &self.symbol
    }

    /// The class name (`Chebyshev`).
    #[must_use]
    pub fn class_name(&self) -> &'static str {
        B::NAME
    }

    /// `(off, scl)` mapping the domain onto the window (`mapparms()`).
    #[must_use]
    pub fn mapparms(&self) -> (f64, f64) {
        mapparms(self.domain, self.window)
    }

    /// `len(p)`: the number of coefficients.
    #[must_use]
    pub fn len(&self) -> usize {
        self.coef.len()
    }

    /// Never true: a series has at least one coefficient (for `clippy`'s `len` rule).
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.coef.is_empty()
    }

    /// `has_samecoef(other)`: same number of coefficients, all equal.
    #[must_use]
    pub fn has_samecoef(&self, other: &Self) -> bool {
        self.coef == other.coef
    }

    /// `has_samedomain(other)`.
    #[must_use]
    pub fn has_samedomain(&self, other: &Self) -> bool {
        self.domain == other.domain
    }

    /// `has_samewindow(other)`.
    #[must_use]
    pub fn has_samewindow(&self, other: &Self) -> bool {
        self.window == other.window
    }

    /// The degree (`degree()`): the number of coefficients less one.
    #[must_use]
    pub fn degree(&self) -> usize {
        self.coef.len() - 1
    }

    /// `p(x)` at one point.
    #[must_use]
    pub fn call_scalar(&self, x: f64) -> f64 {
        let (off, scl) = self.mapparms();
        generic::val1::<B, f64>(&self.coef, off + scl * x)
    }

    /// `p(x)` (`__call__`) at every element of `x`.
    ///
    /// # Errors
    /// None in practice (the result has `x`'s shape).
    pub fn call<S: Data<Elem = f64>>(&self, x: &ArrayBase<S>) -> Result<Array<f64>> {
        let out: Vec<f64> = x.iter().map(|v| self.call_scalar(v)).collect();
        Ok(Array::from_shape_vec(x.shape(), out)?)
    }

    fn check_same(&self, other: &Self) -> Result<()> {
        if self.domain != other.domain {
            return Err(Error::PolyType("Domains differ"));
        }
        if self.window != other.window {
            return Err(Error::PolyType("Windows differ"));
        }
        if self.symbol != other.symbol {
            return Err(Error::PolyValue("Polynomial symbols differ"));
        }
        Ok(())
    }

    /// `self + other`.
    ///
    /// # Errors
    /// `TypeError` "Domains differ" / "Windows differ"; `ValueError` "Polynomial symbols differ".
    pub fn try_add(&self, other: &Self) -> Result<Self> {
        self.check_same(other)?;
        Ok(self.like(generic::add(&self.coef, &other.coef)?))
    }

    /// `self - other`.
    ///
    /// # Errors
    /// As [`try_add`](Self::try_add).
    pub fn try_sub(&self, other: &Self) -> Result<Self> {
        self.check_same(other)?;
        Ok(self.like(generic::sub(&self.coef, &other.coef)?))
    }

    /// `self * other`.
    ///
    /// # Errors
    /// As [`try_add`](Self::try_add).
    pub fn try_mul(&self, other: &Self) -> Result<Self> {
        self.check_same(other)?;
        Ok(self.like(generic::mul::<B, f64>(&self.coef, &other.coef)?))
    }

    /// `divmod(self, other)`.
    ///
    /// # Errors
    /// As [`try_add`](Self::try_add); `ZeroDivisionError` when `other`'s leading
    /// coefficient is zero.
    pub fn divmod(&self, other: &Self) -> Result<(Self, Self)> {
        self.check_same(other)?;
        let (q, r) = generic::div::<B, f64>(&self.coef, &other.coef)?;
        Ok((self.like(q), self.like(r)))
    }

    /// `self // other`.
    ///
    /// # Errors
    /// As [`divmod`](Self::divmod).
    pub fn floordiv(&self, other: &Self) -> Result<Self> {
        Ok(self.divmod(other)?.0)
    }

    /// `self % other`.
    ///
    /// # Errors
    /// As [`divmod`](Self::divmod).
    pub fn rem(&self, other: &Self) -> Result<Self> {
        Ok(self.divmod(other)?.1)
    }

    /// `self + c` for a number (`c + self` is the same series).
    #[must_use]
    pub fn add_scalar(&self, c: f64) -> Self {
        self.like(generic::add(&self.coef, &[c]).unwrap_or_else(|_| vec![c]))
    }

    /// `self - c`.
    #[must_use]
    pub fn sub_scalar(&self, c: f64) -> Self {
        self.like(generic::sub(&self.coef, &[c]).unwrap_or_else(|_| vec![-c]))
    }

    /// `c - self`.
    #[must_use]
    pub fn rsub_scalar(&self, c: f64) -> Self {
        self.like(generic::sub(&[c], &self.coef).unwrap_or_else(|_| vec![c]))
    }

    /// `self * c`.
    #[must_use]
    pub fn mul_scalar(&self, c: f64) -> Self {
        self.like(generic::mul::<B, f64>(&self.coef, &[c]).unwrap_or_else(|_| vec![0.0]))
    }

    /// `self / c` (true division by a number, which NumPy runs as `//`).
    ///
    /// # Errors
    /// `ZeroDivisionError` for `c == 0`.
    pub fn div_scalar(&self, c: f64) -> Result<Self> {
        let (q, _) = generic::div::<B, f64>(&self.coef, &[c])?;
        Ok(self.like(q))
    }

    /// `divmod(self, c)` for a number.
    ///
    /// # Errors
    /// `ZeroDivisionError` for `c == 0`.
    pub fn divmod_scalar(&self, c: f64) -> Result<(Self, Self)> {
        let (q, r) = generic::div::<B, f64>(&self.coef, &[c])?;
        Ok((self.like(q), self.like(r)))
    }

    /// `self ** n` (`n <= 100`, the class's `maxpower`).
    ///
    /// # Errors
    /// "Power must be a non-negative integer."; "Power is too large".
    pub fn pow(&self, n: i64) -> Result<Self> {
        Ok(self.like(generic::pow::<B, f64>(&self.coef, n, Some(MAXPOWER))?))
    }

    /// `deriv(m)`: the derivative with respect to the domain's variable.
    ///
    /// # Errors
    /// "The order of derivation must be non-negative".
    pub fn deriv(&self, m: i64) -> Result<Self> {
        let (_, scl) = self.mapparms();
        Ok(self.like(generic::der::<B, f64>(&self.coef, m, scl)?))
    }

    /// `integ(m, k, lbnd)`: `lbnd` is in the domain (`None` is 0 in the window).
    ///
    /// # Errors
    /// "The order of integration must be non-negative"; "Too many integration constants".
    pub fn integ(&self, m: i64, k: &[f64], lbnd: Option<f64>) -> Result<Self> {
        let (off, scl) = self.mapparms();
        let lb = lbnd.map_or(0.0, |l| off + scl * l);
        Ok(self.like(generic::int::<B, f64>(&self.coef, m, k, lb, 1.0 / scl)?))
    }

    /// `roots()`: mapped back from the window to the domain, as `complex128`, in
    /// ascending order within the window.
    ///
    /// # Errors
    /// `LinAlgError` from the eigenvalue solver (non-finite coefficients).
    pub fn roots(&self) -> Result<Array<C128>> {
        let r = roots::<B>(&self.coef)?;
        let (off, scl) = mapparms(self.window, self.domain);
        Ok(Array::from_vec(r.iter().map(|z| C128::new(off, 0.0) + z * scl).collect()))
    }

    /// `linspace(n, domain)`: `n` points spread over `domain` (the series' own by
    /// default) and the series' values there.
    ///
    /// # Errors
    /// None in practice.
    pub fn linspace(&self, n: usize, domain: Option<[f64; 2]>) -> Result<(Array<f64>, Array<f64>)> {
        let d = domain.unwrap_or(self.domain);
        let x: Array<f64> = nprs_core::linspace(d[0], d[1], n, true)?;
        let y = self.call(&x)?;
        Ok((x, y))
    }

    /// `truncate(size)`: the first `size` coefficients.
    ///
    /// # Errors
    /// "size must be a positive integer" for `size < 1`.
    pub fn truncate(&self, size: i64) -> Result<Self> {
        if size < 1 {
            return Err(Error::PolyValue("size must be a positive integer"));
        }
        let n = (size as usize).min(self.coef.len());
        Ok(self.like(self.coef[..n].to_vec()))
    }

    /// `cutdeg(deg)`: `truncate(deg + 1)`.
    ///
    /// # Errors
    /// "deg must be non-negative integer"... as NumPy's `truncate`: "size must be a
    /// positive integer" for `deg < 0`.
    pub fn cutdeg(&self, deg: i64) -> Result<Self> {
        self.truncate(deg + 1)
    }

    /// `trim(tol)`: trailing coefficients of magnitude at most `tol` dropped.
    ///
    /// # Errors
    /// "tol must be non-negative".
    pub fn trim(&self, tol: f64) -> Result<Self> {
        Ok(self.like(trimcoef(&self.coef, tol)?))
    }

    /// `p(q)` for a series `q` of any family `K`: the composition, a series of `q`'s family
    /// with `q`'s domain, window and symbol.
    ///
    /// ```
    /// use nprs_linalg::polynomial::Polynomial;
    /// let p = Polynomial::new(&[0.0, 0.0, 1.0])?;            // x²
    /// let q = Polynomial::new(&[1.0, 1.0])?;                 // 1 + x
    /// assert_eq!(p.call_series(&q).coef_slice(), &[1.0, 2.0, 1.0]);
    /// # Ok::<(), nprs_linalg::Error>(())
    /// ```
    #[must_use]
    pub fn call_series<K: Basis>(&self, q: &Series<K>) -> Series<K> {
        let (off, scl) = self.mapparms();
        // `off + scl * q`, in family K, as the class arithmetic computes it.
        let scaled = generic::trimseq(K::mul(&q.coef, &[scl]));
        let arg = generic::add(&[off], &scaled).unwrap_or(scaled);
        let coef = generic::compose::<B, K, f64>(&self.coef, Some(&arg));
        Series::raw(coef, q.domain, q.window, q.symbol.clone())
    }

    /// `convert(domain, kind, window)`: the same function as a series of family `K`
    /// (`None` takes `K`'s defaults).
    #[must_use]
    pub fn convert<K: Basis>(&self, domain: Option<[f64; 2]>, window: Option<[f64; 2]>) -> Series<K> {
        let mut id = Series::<K>::identity(domain, window);
        id.symbol.clone_from(&self.symbol);
        self.call_series(&id)
    }

    /// `Cls.cast(series, domain, window)`: `series.convert(domain, Cls, window)`.
    #[must_use]
    pub fn cast<F: Basis>(series: &Series<F>, domain: Option<[f64; 2]>, window: Option<[f64; 2]>) -> Self {
        series.convert::<B>(domain, window)
    }

    /// `Cls.identity(domain, window)`: the series of `x`.
    #[must_use]
    pub fn identity(domain: Option<[f64; 2]>, window: Option<[f64; 2]>) -> Self {
        let (d, w) = (domain.unwrap_or(B::DOMAIN), window.unwrap_or(B::WINDOW));
        let (off, scl) = mapparms(w, d);
        Self::raw(generic::line::<B, f64>(off, scl), d, w, "x".into())
    }

    /// `Cls.basis(deg, domain, window)`: the basis function of degree `deg`.
    ///
    /// # Errors
    /// "deg must be non-negative integer" for `deg < 0`.
    pub fn basis(deg: i64, domain: Option<[f64; 2]>, window: Option<[f64; 2]>) -> Result<Self> {
        if deg < 0 {
            return Err(Error::PolyValue("deg must be non-negative integer"));
        }
        let mut c = vec![0.0; deg as usize + 1];
        c[deg as usize] = 1.0;
        Self::with(&c, domain, window, "x")
    }

    /// `Cls.fromroots(roots, domain, window)`: the monic-in-`x` product of `x - r`.
    /// `domain = None` is the class domain (NumPy's default `[]`); pass
    /// `Some(getdomain(roots)?)` for NumPy's `domain=None`.
    ///
    /// # Errors
    /// None in practice.
    pub fn fromroots(roots: &[f64], domain: Option<[f64; 2]>, window: Option<[f64; 2]>) -> Result<Self> {
        let (d, w) = (domain.unwrap_or(B::DOMAIN), window.unwrap_or(B::WINDOW));
        let (off, scl) = mapparms(d, w);
        let rnew: Vec<f64> = roots.iter().map(|&r| off + scl * r).collect();
        let f = scl.powi(i32::try_from(roots.len()).unwrap_or(i32::MAX));
        let coef: Vec<f64> = generic::fromroots::<B, f64>(&rnew).iter().map(|&c| c / f).collect();
        Ok(Self::raw(coef, d, w, "x".into()))
    }

    /// `Cls.fit(x, y, deg, domain, rcond, w=w, window)`: the least-squares fit in the
    /// window after mapping `x` from `domain` (`None`: the points' extent, widened by 1
    /// each side when it is a single point).
    ///
    /// # Errors
    /// As the module `*fit` functions.
    pub fn fit<SX, SY>(
        x: &ArrayBase<SX>,
        y: &ArrayBase<SY>,
        deg: impl Into<FitDeg>,
        domain: Option<[f64; 2]>,
        rcond: Option<f64>,
        w: Option<&[f64]>,
        window: Option<[f64; 2]>,
    ) -> Result<Self>
    where
        SX: Data<Elem = f64>,
        SY: Data<Elem = f64>,
    {
        Ok(Self::fit_full(x, y, deg, domain, rcond, w, window)?.0)
    }

    /// [`fit`](Self::fit) with `full=True`: the series and the least-squares diagnostics
    /// (`[resid, rank, sv, rcond]`; the diagnostics' `coef` is the window's coefficients).
    ///
    /// # Errors
    /// As [`fit`](Self::fit).
    pub fn fit_full<SX, SY>(
        x: &ArrayBase<SX>,
        y: &ArrayBase<SY>,
        deg: impl Into<FitDeg>,
        domain: Option<[f64; 2]>,
        rcond: Option<f64>,
        w: Option<&[f64]>,
        window: Option<[f64; 2]>,
    ) -> Result<(Self, PolyfitFull)>
    where
        SX: Data<Elem = f64>,
        SY: Data<Elem = f64>,
    {
        let xs = x.to_vec();
        let d = match domain {
            Some(d) => d,
            None => {
                let mut d = getdomain(&xs)?;
                if d[0] == d[1] {
                    d[0] -= 1.0;
                    d[1] += 1.0;
                }
                d
            }
        };
        let wi = window.unwrap_or(B::WINDOW);
        let (off, scl) = mapparms(d, wi);
        let xnew: Vec<f64> = xs.iter().map(|&v| off + scl * v).collect();
        let xnew = Array::from_shape_vec(x.shape(), xnew)?;
        let full = fit::<B, _, _>(&xnew, y, &deg.into(), rcond, w)?;
        if full.coef.ndim() != 1 {
            return Err(Error::PolyValue("Coefficient array is not 1-d"));
        }
        let s = Self::raw(full.coef.to_vec(), d, wi, "x".into());
        Ok((s, full))
    }
}

impl<B: Basis> PartialEq for Series<B> {
    /// NumPy's `==`: same domain, window, symbol and coefficients.
    fn eq(&self, other: &Self) -> bool {
        self.domain == other.domain
            && self.window == other.window
            && self.symbol == other.symbol
            && self.coef == other.coef
    }
}

macro_rules! binop {
    ($tr:ident, $m:ident, $try:ident, $sc:ident) => {
        impl<B: Basis> std::ops::$tr<&Series<B>> for &Series<B> {
            type Output = Series<B>;
            /// # Panics
            /// With NumPy's message when the domains, windows or symbols differ.
            #[track_caller]
            fn $m(self, rhs: &Series<B>) -> Series<B> {
                self.$try(rhs).unwrap_or_else(|e| panic!("{e}"))
            }
        }
        impl<B: Basis> std::ops::$tr<f64> for &Series<B> {
            type Output = Series<B>;
            fn $m(self, rhs: f64) -> Series<B> {
                self.$sc(rhs)
            }
        }
    };
}
binop!(Add, add, try_add, add_scalar);
binop!(Sub, sub, try_sub, sub_scalar);
binop!(Mul, mul, try_mul, mul_scalar);

impl<B: Basis> std::ops::Rem<&Series<B>> for &Series<B> {
    type Output = Series<B>;
    /// # Panics
    /// As [`Series::rem`]'s errors.
    #[track_caller]
    fn rem(self, rhs: &Series<B>) -> Series<B> {
        Series::rem(self, rhs).unwrap_or_else(|e| panic!("{e}"))
    }
}

impl<B: Basis> std::ops::Neg for &Series<B> {
    type Output = Series<B>;
    fn neg(self) -> Series<B> {
        self.like(self.coef.iter().map(|v| -v).collect())
    }
}
