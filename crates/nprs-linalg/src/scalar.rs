//! Element types: what linalg computes in, and what it returns.
//!
//! NumPy's `numpy.linalg` computes every decomposition in double precision (`float64` or
//! `complex128`; `_commonType` in NumPy's `_linalg.py`) and casts the result back to
//! `float32`/`complex64` when every input was single precision; integers and bools become
//! `float64`. nprs does the same, so its numbers are NumPy's: [`Compute`] is the type a
//! decomposition runs in, [`LinalgElem`] maps each input element type to it and back.

use std::ops::{Add, AddAssign, Div, DivAssign, Mul, MulAssign, Neg, Sub, SubAssign};

use nprs_core::copy::Cast;
use nprs_core::kernel::Data;
use nprs_core::{Array, ArrayBase, C64, C128, CowArray, Element};

/// The two types decompositions run in: `f64` and `C128` (`complex128`).
pub trait Compute:
    Element
    + Cast
    + faer::traits::ComplexField<Real = f64>
    + Add<Output = Self>
    + Sub<Output = Self>
    + Mul<Output = Self>
    + Div<Output = Self>
    + Neg<Output = Self>
    + AddAssign
    + SubAssign
    + MulAssign
    + DivAssign
{
    /// Whether the type is complex.
    const IS_COMPLEX: bool;
    /// The value `x + 0i`.
    fn from_re(x: f64) -> Self;
    /// The modulus (`abs`).
    fn modulus(self) -> f64;
    /// The complex conjugate (the value itself for reals).
    fn conjugate(self) -> Self;
    /// The real part.
    fn re(self) -> f64;
    /// The imaginary part (0 for reals).
    fn im(self) -> f64;
    /// The value `re + im i` (`re` for reals).
    fn from_parts(re: f64, im: f64) -> Self;
    /// True when the value is exactly zero.
    fn is_zero(self) -> bool;
    /// True when any part is NaN.
    fn has_nan(self) -> bool;
    /// The value times a real number (each part scaled).
    fn scale(self, r: f64) -> Self;
    /// The unit-modulus sign of a non-zero value and its modulus, as NumPy's `slogdet`
    /// takes them apart (`-1`/`1` for reals).
    fn sign_abs(self) -> (Self, f64);
    /// `|re| + |im|`, the magnitude LAPACK's pivot search compares.
    fn abs1(self) -> f64;
    /// True when every part is finite.
    fn is_finite(&self) -> bool;
    /// The eigenvalues (and with `vectors` the right eigenvectors, row-major after them) of
    /// one square matrix into `o`.
    ///
    /// # Errors
    /// When the iteration does not converge.
    fn eigen(a: faer::MatRef<'_, Self>, vectors: bool, o: &mut [C128]) -> crate::Result<()>;
    /// The elements as `float64` when they are (the lane kernels of `crate::lanes` take
    /// only `float64`); `None` for `complex128`.
    fn as_f64(x: &[Self]) -> Option<&[f64]> {
        let _ = x;
        None
    }
    /// [`as_f64`](Self::as_f64), mutable.
    fn as_f64_mut(x: &mut [Self]) -> Option<&mut [f64]> {
        let _ = x;
        None
    }
}

/// Largest order whose general eigenproblem (`eig`, `eigvals`) runs on one thread: on two
/// cores faer's shared Hessenberg and Schur steps lost up to here (best of 2-3: 118 against
/// 154 ms at 512, 237 against 304 at 768, 709 against 769 at 1024).
const EIG_SEQ_MAX: usize = 1024;

/// The parallelism for one general eigenproblem of order `n`.
fn eig_par(n: usize) -> faer::Par {
    if n <= EIG_SEQ_MAX { faer::Par::Seq } else { faer::get_global_parallelism() }
}

impl Compute for f64 {
    const IS_COMPLEX: bool = false;
    #[inline]
    fn from_re(x: f64) -> Self {
        x
    }
    #[inline]
    fn modulus(self) -> f64 {
        self.abs()
    }
    #[inline]
    fn conjugate(self) -> Self {
        self
    }
    #[inline]
    fn re(self) -> f64 {
        self
    }
    #[inline]
    fn im(self) -> f64 {
        0.0
    }
    #[inline]
    fn from_parts(re: f64, _im: f64) -> Self {
        re
    }
    #[inline]
    fn is_zero(self) -> bool {
        self == 0.0
    }
    #[inline]
    fn has_nan(self) -> bool {
        self.is_nan()
    }
    #[inline]
    fn scale(self, r: f64) -> Self {
        self * r
    }
    #[inline]
    fn sign_abs(self) -> (Self, f64) {
        if self < 0.0 { (-1.0, -self) } else { (1.0, self) }
    }
    #[inline]
    fn abs1(self) -> f64 {
        self.abs()
    }
    #[inline]
    fn is_finite(&self) -> bool {
        f64::is_finite(*self)
    }
    fn eigen(a: faer::MatRef<'_, Self>, vectors: bool, o: &mut [C128]) -> crate::Result<()> {
        use faer::dyn_stack::{MemBuffer, MemStack};
        use faer::linalg::evd::{ComputeEigenvectors, evd_real, evd_scratch};
        let n = a.nrows();
        let par = eig_par(n);
        let (mut re, mut im) = (faer::diag::Diag::<f64>::zeros(n), faer::diag::Diag::<f64>::zeros(n));
        let mut u = faer::Mat::<f64>::zeros(n, if vectors { n } else { 0 });
        let want = if vectors { ComputeEigenvectors::Yes } else { ComputeEigenvectors::No };
        let mut mem = MemBuffer::new(evd_scratch::<f64>(n, ComputeEigenvectors::No, want, par, Default::default()));
        let uo = if vectors { Some(u.as_mut()) } else { None };
        evd_real(a, re.as_mut(), im.as_mut(), None, uo, par, MemStack::new(&mut mem), Default::default())
            .map_err(|_| crate::Error::EigenvaluesNotConverged)?;
        let (re, im) = (re.column_vector(), im.column_vector());
        if !vectors {
            for (j, o) in o.iter_mut().enumerate().take(n) {
                *o = C128::new(re[j], im[j]);
            }
            return Ok(());
        }
        // A complex pair `j, j + 1` comes as `re +- i im` with the real and imaginary parts
        // of the first one's vector in columns `j` and `j + 1`.
        let (w, v) = o.split_at_mut(n);
        let mut j = 0;
        while j < n {
            if im[j] == 0.0 {
                w[j] = C128::new(re[j], 0.0);
                for r in 0..n {
                    v[r * n + j] = C128::new(u[(r, j)], 0.0);
                }
                j += 1;
            } else {
                w[j] = C128::new(re[j], im[j]);
                w[j + 1] = C128::new(re[j], -im[j]);
                for r in 0..n {
                    v[r * n + j] = C128::new(u[(r, j)], u[(r, j + 1)]);
                    v[r * n + j + 1] = C128::new(u[(r, j)], -u[(r, j + 1)]);
                }
                j += 2;
            }
        }
        Ok(())
    }
    fn as_f64(x: &[Self]) -> Option<&[f64]> {
        Some(x)
    }
    fn as_f64_mut(x: &mut [Self]) -> Option<&mut [f64]> {
        Some(x)
    }
}

impl Compute for C128 {
    const IS_COMPLEX: bool = true;
    #[inline]
    fn from_re(x: f64) -> Self {
        C128::new(x, 0.0)
    }
    #[inline]
    fn modulus(self) -> f64 {
        self.re.hypot(self.im)
    }
    #[inline]
    fn conjugate(self) -> Self {
        self.conj()
    }
    #[inline]
    fn re(self) -> f64 {
        self.re
    }
    #[inline]
    fn im(self) -> f64 {
        self.im
    }
    #[inline]
    fn from_parts(re: f64, im: f64) -> Self {
        C128::new(re, im)
    }
    #[inline]
    fn is_zero(self) -> bool {
        self.re == 0.0 && self.im == 0.0
    }
    #[inline]
    fn has_nan(self) -> bool {
        self.re.is_nan() || self.im.is_nan()
    }
    #[inline]
    fn scale(self, r: f64) -> Self {
        C128::new(self.re * r, self.im * r)
    }
    #[inline]
    fn sign_abs(self) -> (Self, f64) {
        let a = self.modulus();
        (C128::new(self.re / a, self.im / a), a)
    }
    #[inline]
    fn abs1(self) -> f64 {
        self.re.abs() + self.im.abs()
    }
    #[inline]
    fn is_finite(&self) -> bool {
        self.re.is_finite() && self.im.is_finite()
    }
    fn eigen(a: faer::MatRef<'_, Self>, vectors: bool, o: &mut [C128]) -> crate::Result<()> {
        use faer::dyn_stack::{MemBuffer, MemStack};
        use faer::linalg::evd::{ComputeEigenvectors, evd_cplx, evd_scratch};
        let n = a.nrows();
        let par = eig_par(n);
        let mut s = faer::diag::Diag::<C128>::zeros(n);
        let mut u = faer::Mat::<C128>::zeros(n, if vectors { n } else { 0 });
        let want = if vectors { ComputeEigenvectors::Yes } else { ComputeEigenvectors::No };
        let mut mem = MemBuffer::new(evd_scratch::<C128>(n, ComputeEigenvectors::No, want, par, Default::default()));
        let uo = if vectors { Some(u.as_mut()) } else { None };
        evd_cplx(a, s.as_mut(), None, uo, par, MemStack::new(&mut mem), Default::default())
            .map_err(|_| crate::Error::EigenvaluesNotConverged)?;
        let (w, v) = o.split_at_mut(n);
        for (w, s) in w.iter_mut().zip(s.column_vector().iter()) {
            *w = *s;
        }
        if vectors {
            for r in 0..n {
                for c in 0..n {
                    v[r * n + c] = u[(r, c)];
                }
            }
        }
        Ok(())
    }
}

/// An element type `numpy.linalg` accepts: `f32`, `f64`, `C64`, `C128`, and the integer
/// and bool types (promoted to `f64` as NumPy does). `float16` is refused, as NumPy
/// refuses it.
pub trait LinalgElem: Element + Cast {
    /// The type the computation runs in (`f64` or `C128`).
    type Compute: Compute;
    /// The element type of results (`f32`, `f64`, `C64`, `C128`; `f64` for integers).
    type Out: Element + Cast;
    /// The real type of results such as singular values (`f32` or `f64`).
    type RealOut: Element + Cast;
    /// The complex type of results such as `eig`'s eigenvalues (`C64` or `C128`).
    type ComplexOut: Element + Cast;

    /// The elements in the compute type: a view when they already are, else a copy.
    fn to_compute<S: Data<Elem = Self>>(a: &ArrayBase<S>) -> CowArray<'_, Self::Compute>;
    /// A result in the compute type cast to [`Out`](Self::Out).
    fn out(a: Array<Self::Compute>) -> Array<Self::Out>;
    /// A real result cast to [`RealOut`](Self::RealOut).
    fn real_out(a: Array<f64>) -> Array<Self::RealOut>;
    /// A complex result cast to [`ComplexOut`](Self::ComplexOut).
    fn complex_out(a: Array<C128>) -> Array<Self::ComplexOut>;
}

macro_rules! promoted_to_f64 {
    ($($t:ty),*) => {$(
        impl LinalgElem for $t {
            type Compute = f64;
            type Out = f64;
            type RealOut = f64;
            type ComplexOut = C128;
            fn to_compute<S: Data<Elem = Self>>(a: &ArrayBase<S>) -> CowArray<'_, f64> {
                a.astype::<f64>().into()
            }
            fn out(a: Array<f64>) -> Array<f64> {
                a
            }
            fn real_out(a: Array<f64>) -> Array<f64> {
                a
            }
            fn complex_out(a: Array<C128>) -> Array<C128> {
                a
            }
        }
    )*};
}
promoted_to_f64!(bool, i8, i16, i32, i64, u8, u16, u32, u64);

impl LinalgElem for f64 {
    type Compute = f64;
    type Out = f64;
    type RealOut = f64;
    type ComplexOut = C128;
    fn to_compute<S: Data<Elem = Self>>(a: &ArrayBase<S>) -> CowArray<'_, f64> {
        a.view().into()
    }
    fn out(a: Array<f64>) -> Array<f64> {
        a
    }
    fn real_out(a: Array<f64>) -> Array<f64> {
        a
    }
    fn complex_out(a: Array<C128>) -> Array<C128> {
        a
    }
}

impl LinalgElem for f32 {
    type Compute = f64;
    type Out = f32;
    type RealOut = f32;
    type ComplexOut = C64;
    fn to_compute<S: Data<Elem = Self>>(a: &ArrayBase<S>) -> CowArray<'_, f64> {
        a.astype::<f64>().into()
    }
    fn out(a: Array<f64>) -> Array<f32> {
        a.astype::<f32>()
    }
    fn real_out(a: Array<f64>) -> Array<f32> {
        a.astype::<f32>()
    }
    fn complex_out(a: Array<C128>) -> Array<C64> {
        a.astype::<C64>()
    }
}

impl LinalgElem for C128 {
    type Compute = C128;
    type Out = C128;
    type RealOut = f64;
    type ComplexOut = C128;
    fn to_compute<S: Data<Elem = Self>>(a: &ArrayBase<S>) -> CowArray<'_, C128> {
        a.view().into()
    }
    fn out(a: Array<C128>) -> Array<C128> {
        a
    }
    fn real_out(a: Array<f64>) -> Array<f64> {
        a
    }
    fn complex_out(a: Array<C128>) -> Array<C128> {
        a
    }
}

impl LinalgElem for C64 {
    type Compute = C128;
    type Out = C64;
    type RealOut = f32;
    type ComplexOut = C64;
    fn to_compute<S: Data<Elem = Self>>(a: &ArrayBase<S>) -> CowArray<'_, C128> {
        a.astype::<C128>().into()
    }
    fn out(a: Array<C128>) -> Array<C64> {
        a.astype::<C64>()
    }
    fn real_out(a: Array<f64>) -> Array<f32> {
        a.astype::<f32>()
    }
    fn complex_out(a: Array<C128>) -> Array<C64> {
        a.astype::<C64>()
    }
}
