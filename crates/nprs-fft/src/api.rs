//! The transforms on typed arrays.
#![allow(unsafe_code)] // calls into the lane engine with arrays it has checked; each block says why

use nprs_core::kernel::{Data, DataMut};
use nprs_core::{Array, ArrayBase};

use crate::engine::Raw;
use crate::error::{Error, Result};
use crate::exec::{
    Norm, Step, c2c_chain, c2r_chain, check_out, cook_nd, default_n, r2c_chain, raw_of, raw_of_mut, step,
};
use crate::input::{ComplexOf, FftInput, RealInput, RealOf};
use crate::plan::FftFloat;

/// The transform families, for the result shape and the chain to run.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Family {
    /// Complex to complex.
    C2c { forward: bool },
    /// Real to half spectrum (`conj` for `ihfft`), first step real.
    R2c { conj: bool },
    /// Half spectrum to real (`conj` for `hfft`), last step real.
    C2r { conj: bool },
}

/// The shape of the result of `steps` (in execution order) on `shape`.
pub(crate) fn result_shape(shape: &[usize], steps: &[Step], fam: Family) -> Vec<usize> {
    let mut s = shape.to_vec();
    for (i, st) in steps.iter().enumerate() {
        s[st.axis] = match fam {
            Family::R2c { .. } if i == 0 => st.n / 2 + 1,
            _ => st.n,
        };
    }
    s
}

/// The steps of a 1-d transform (`inverse_real`: `irfft`/`hfft`'s default `n`).
pub(crate) fn steps_1d(shape: &[usize], n: Option<isize>, axis: isize, inverse_real: bool) -> Result<Vec<Step>> {
    let n = default_n(shape, n, axis, inverse_real)?;
    Ok(vec![step(n, axis, shape.len())?])
}

/// The steps of `fftn`/`ifftn` (empty: no axes, the input is the result).
pub(crate) fn steps_c2c_nd(shape: &[usize], s: Option<&[isize]>, axes: Option<&[isize]>) -> Result<Vec<Step>> {
    let (s, axes) = cook_nd(shape, s, axes, false)?;
    (0..axes.len()).rev().map(|i| step(s[i], axes[i], shape.len())).collect()
}

/// The steps of `rfftn`: the real one first, then the others from the last to the first.
pub(crate) fn steps_r2c_nd(shape: &[usize], s: Option<&[isize]>, axes: Option<&[isize]>) -> Result<Vec<Step>> {
    let (s, axes) = cook_nd(shape, s, axes, false)?;
    let k = axes.len();
    let (Some(&ls), Some(&la)) = (s.last(), axes.last()) else { return Err(Error::list_index()) };
    let mut steps = vec![step(ls, la, shape.len())?];
    for i in (0..k - 1).rev() {
        steps.push(step(s[i], axes[i], shape.len())?);
    }
    Ok(steps)
}

/// The steps of `irfftn`: the complex ones from the first axis on, the real one last.
pub(crate) fn steps_c2r_nd(shape: &[usize], s: Option<&[isize]>, axes: Option<&[isize]>) -> Result<Vec<Step>> {
    let (s, axes) = cook_nd(shape, s, axes, true)?;
    let k = axes.len();
    if k == 0 {
        return Err(Error::list_index());
    }
    let mut steps: Vec<Step> = (0..k - 1).map(|i| step(s[i], axes[i], shape.len())).collect::<Result<_>>()?;
    steps.push(step(s[k - 1], axes[k - 1], shape.len())?);
    Ok(steps)
}

pub(crate) fn complex_chain<T: FftInput, S: Data<Elem = T>>(
    a: &ArrayBase<S>,
    steps: &[Step],
    forward: bool,
    norm: Norm,
    out: Option<&Raw<ComplexOf<T>>>,
) -> Result<Option<Array<ComplexOf<T>>>> {
    if steps.is_empty() {
        // No axes: NumPy hands the input back; here, as complex numbers.
        let conv: Array<ComplexOf<T>> = complex_copy(a);
        return match out {
            None => Ok(Some(conv)),
            Some(o) => {
                write_raw(o, &conv);
                Ok(None)
            }
        };
    }
    // SAFETY: `a` is readable for its shape; `out` was checked to have the result's shape
    // and is borrowed uniquely by the caller.
    unsafe { c2c_chain(&raw_of(a), |x: T| x.to_complex(), steps, forward, norm, out) }
}

fn complex_copy<T: FftInput, S: Data<Elem = T>>(a: &ArrayBase<S>) -> Array<ComplexOf<T>> {
    nprs_core::kernel::map(a, |v: T| <T::Real as FftFloat>::cx_from(v.to_complex()))
}

fn write_raw<E: nprs_core::Element>(o: &Raw<E>, src: &Array<E>) {
    let mut idx = vec![0usize; src.ndim()];
    for x in src.iter() {
        let off: isize = idx.iter().zip(&o.strides).map(|(&i, &s)| i as isize * s).sum();
        // SAFETY: `o` has `src`'s shape (checked by the caller) and is borrowed uniquely.
        unsafe { *o.ptr.offset(off) = x };
        for ax in (0..idx.len()).rev() {
            idx[ax] += 1;
            if idx[ax] < src.shape()[ax] {
                break;
            }
            idx[ax] = 0;
        }
    }
}

pub(crate) fn real_chain<T: RealInput, S: Data<Elem = T>>(
    a: &ArrayBase<S>,
    steps: &[Step],
    norm: Norm,
    conj: bool,
    out: Option<&Raw<ComplexOf<T>>>,
) -> Result<Option<Array<ComplexOf<T>>>> {
    // SAFETY: as in `complex_chain`.
    unsafe { r2c_chain(&raw_of(a), |x: T| x.to_real(), steps, norm, conj, out) }
}

pub(crate) fn inverse_real_chain<T: FftInput, S: Data<Elem = T>>(
    a: &ArrayBase<S>,
    steps: &[Step],
    norm: Norm,
    conj: bool,
    out: Option<&Raw<RealOf<T>>>,
) -> Result<Option<Array<RealOf<T>>>> {
    // SAFETY: as in `complex_chain`.
    unsafe { c2r_chain(&raw_of(a), |x: T| x.to_complex(), steps, norm, conj, out) }
}

fn fresh<E: nprs_core::Element>(r: Result<Option<Array<E>>>) -> Result<Array<E>> {
    r.map(|o| o.expect("a fresh result when no output array is given"))
}

fn into_out<E: nprs_core::Element, O: DataMut<Elem = E>>(out: &mut ArrayBase<O>, want: &[usize]) -> Result<Raw<E>> {
    check_out(out.shape(), want)?;
    Ok(raw_of_mut(out))
}

macro_rules! complex_1d {
    ($name:ident, $into:ident, $forward:expr, $numpy:literal, $what:literal) => {
        #[doc = concat!("`numpy.fft.", $numpy, "`: the ", $what, " along `axis`, of length `n` (the input is")]
        /// cropped or zero-padded; the axis' length when `None`), scaled as `norm` says.
        ///
        /// # Errors
        /// `n` below one ([`Error::InvalidLength`], also for an empty axis), an axis out of
        /// bounds (`AxisError`, or `IndexError` when `n` is `None`), allocation failures.
        pub fn $name<S>(a: &ArrayBase<S>, n: Option<isize>, axis: isize, norm: Norm) -> Result<Array<ComplexOf<S::Elem>>>
        where
            S: Data,
            S::Elem: FftInput,
        {
            let steps = steps_1d(a.shape(), n, axis, false)?;
            fresh(complex_chain(a, &steps, $forward, norm, None))
        }

        #[doc = concat!("`numpy.fft.", $numpy, "(..., out=out)`: as [`", stringify!($name), "`], writing into `out`.")]
        ///
        /// # Errors
        #[doc = concat!("As [`", stringify!($name), "`]; [`Error::OutputShape`] when `out`'s shape is not the result's.")]
        pub fn $into<S, O>(a: &ArrayBase<S>, n: Option<isize>, axis: isize, norm: Norm, out: &mut ArrayBase<O>) -> Result<()>
        where
            S: Data,
            S::Elem: FftInput,
            O: DataMut<Elem = ComplexOf<S::Elem>>,
        {
            let steps = steps_1d(a.shape(), n, axis, false)?;
            let o = into_out(out, &result_shape(a.shape(), &steps, Family::C2c { forward: $forward }))?;
            complex_chain(a, &steps, $forward, norm, Some(&o)).map(|_| ())
        }
    };
}

complex_1d!(fft, fft_into, true, "fft", "discrete Fourier transform");
complex_1d!(ifft, ifft_into, false, "ifft", "inverse discrete Fourier transform");

macro_rules! complex_nd {
    ($name:ident, $into:ident, $forward:expr, $numpy:literal, $default_axes:expr, $what:literal) => {
        #[doc = concat!("`numpy.fft.", $numpy, "`: the ", $what, " over `axes`")]
        #[doc = concat!("(default: ", stringify!($default_axes), "), with lengths `s` (`-1` keeps an axis' length;")]
        /// the transformed axes' lengths when `None`). Axes may repeat, as in NumPy: the
        /// transform then runs along that axis again. An empty `axes` gives the input back
        /// (as complex numbers).
        ///
        /// # Errors
        /// `s` and `axes` of different lengths ([`Error::ShapeAxesLength`]), a length below
        /// one ([`Error::InvalidLength`]), axes out of bounds (`IndexError`/`AxisError` as
        /// NumPy raises them), allocation failures.
        pub fn $name<S>(
            a: &ArrayBase<S>,
            s: Option<&[isize]>,
            axes: Option<&[isize]>,
            norm: Norm,
        ) -> Result<Array<ComplexOf<S::Elem>>>
        where
            S: Data,
            S::Elem: FftInput,
        {
            let default: Option<&[isize]> = $default_axes;
            let steps = steps_c2c_nd(a.shape(), s, axes.or(default))?;
            fresh(complex_chain(a, &steps, $forward, norm, None))
        }

        #[doc = concat!("`numpy.fft.", $numpy, "(..., out=out)`: as [`", stringify!($name), "`], writing into `out`.")]
        ///
        /// # Errors
        #[doc = concat!("As [`", stringify!($name), "`]; [`Error::OutputShape`] when `out`'s shape is not the result's.")]
        pub fn $into<S, O>(
            a: &ArrayBase<S>,
            s: Option<&[isize]>,
            axes: Option<&[isize]>,
            norm: Norm,
            out: &mut ArrayBase<O>,
        ) -> Result<()>
        where
            S: Data,
            S::Elem: FftInput,
            O: DataMut<Elem = ComplexOf<S::Elem>>,
        {
            let default: Option<&[isize]> = $default_axes;
            let steps = steps_c2c_nd(a.shape(), s, axes.or(default))?;
            let o = into_out(out, &result_shape(a.shape(), &steps, Family::C2c { forward: $forward }))?;
            complex_chain(a, &steps, $forward, norm, Some(&o)).map(|_| ())
        }
    };
}

complex_nd!(fftn, fftn_into, true, "fftn", None, "n-dimensional discrete Fourier transform");
complex_nd!(ifftn, ifftn_into, false, "ifftn", None, "n-dimensional inverse transform");
complex_nd!(fft2, fft2_into, true, "fft2", Some(&[-2, -1]), "2-dimensional discrete Fourier transform");
complex_nd!(ifft2, ifft2_into, false, "ifft2", Some(&[-2, -1]), "2-dimensional inverse transform");

/// `numpy.fft.rfft`: the transform of real input along `axis`, the `n/2 + 1` non-negative
/// frequency terms. `n` crops or zero-pads the input (its length when `None`).
///
/// Even lengths run as a half-length complex transform of the packed input followed by a
/// split pass; odd ones as a full complex transform.
///
/// ```
/// use nprs_core::array;
/// use nprs_fft::{Norm, rfft};
/// let x = rfft(&array![1.0f64, 2.0, 3.0, 4.0], None, -1, Norm::Backward)?;
/// assert_eq!(x.shape(), &[3]);
/// assert_eq!(x.to_vec()[0].re, 10.0);
/// # Ok::<(), nprs_fft::Error>(())
/// ```
///
/// # Errors
/// As [`fft`].
pub fn rfft<S>(a: &ArrayBase<S>, n: Option<isize>, axis: isize, norm: Norm) -> Result<Array<ComplexOf<S::Elem>>>
where
    S: Data,
    S::Elem: RealInput,
{
    let steps = steps_1d(a.shape(), n, axis, false)?;
    fresh(real_chain(a, &steps, norm, false, None))
}

/// `numpy.fft.rfft(..., out=out)`: as [`rfft`], writing into `out`.
///
/// # Errors
/// As [`rfft`]; [`Error::OutputShape`] when `out`'s shape is not the result's.
pub fn rfft_into<S, O>(
    a: &ArrayBase<S>,
    n: Option<isize>,
    axis: isize,
    norm: Norm,
    out: &mut ArrayBase<O>,
) -> Result<()>
where
    S: Data,
    S::Elem: RealInput,
    O: DataMut<Elem = ComplexOf<S::Elem>>,
{
    let steps = steps_1d(a.shape(), n, axis, false)?;
    let o = into_out(out, &result_shape(a.shape(), &steps, Family::R2c { conj: false }))?;
    real_chain(a, &steps, norm, false, Some(&o)).map(|_| ())
}

/// `numpy.fft.ihfft`: the inverse transform of a real signal with Hermitian symmetry —
/// `conj(rfft(a, n, axis))` with the opposite normalisation.
///
/// # Errors
/// As [`fft`].
pub fn ihfft<S>(a: &ArrayBase<S>, n: Option<isize>, axis: isize, norm: Norm) -> Result<Array<ComplexOf<S::Elem>>>
where
    S: Data,
    S::Elem: RealInput,
{
    let steps = steps_1d(a.shape(), n, axis, false)?;
    fresh(real_chain(a, &steps, norm.swap(), true, None))
}

/// `numpy.fft.ihfft(..., out=out)`: as [`ihfft`], writing into `out`.
///
/// # Errors
/// As [`ihfft`]; [`Error::OutputShape`] when `out`'s shape is not the result's.
pub fn ihfft_into<S, O>(
    a: &ArrayBase<S>,
    n: Option<isize>,
    axis: isize,
    norm: Norm,
    out: &mut ArrayBase<O>,
) -> Result<()>
where
    S: Data,
    S::Elem: RealInput,
    O: DataMut<Elem = ComplexOf<S::Elem>>,
{
    let steps = steps_1d(a.shape(), n, axis, false)?;
    let o = into_out(out, &result_shape(a.shape(), &steps, Family::R2c { conj: true }))?;
    real_chain(a, &steps, norm.swap(), true, Some(&o)).map(|_| ())
}

/// `numpy.fft.irfft`: the inverse of [`rfft`] — from the non-negative frequency terms
/// along `axis` to a real signal of length `n` (default `2 * (m - 1)`). The input is
/// cropped or zero-padded to `n/2 + 1` terms; the imaginary parts of the zero-frequency
/// term and, for even `n`, the Nyquist term are ignored, as in NumPy.
///
/// ```
/// use nprs_core::array;
/// use nprs_fft::{Norm, irfft, rfft};
/// let x = array![1.0f64, 2.0, 3.0, 4.0, 5.0];
/// let back = irfft(&rfft(&x, None, -1, Norm::Backward)?, Some(5), -1, Norm::Backward)?;
/// assert!(back.iter().zip(x.iter()).all(|(a, b)| (a - b).abs() < 1e-12));
/// # Ok::<(), nprs_fft::Error>(())
/// ```
///
/// # Errors
/// As [`fft`].
pub fn irfft<S>(a: &ArrayBase<S>, n: Option<isize>, axis: isize, norm: Norm) -> Result<Array<RealOf<S::Elem>>>
where
    S: Data,
    S::Elem: FftInput,
{
    let steps = steps_1d(a.shape(), n, axis, true)?;
    fresh(inverse_real_chain(a, &steps, norm, false, None))
}

/// `numpy.fft.irfft(..., out=out)`: as [`irfft`], writing into `out`.
///
/// # Errors
/// As [`irfft`]; [`Error::OutputShape`] when `out`'s shape is not the result's.
pub fn irfft_into<S, O>(
    a: &ArrayBase<S>,
    n: Option<isize>,
    axis: isize,
    norm: Norm,
    out: &mut ArrayBase<O>,
) -> Result<()>
where
    S: Data,
    S::Elem: FftInput,
    O: DataMut<Elem = RealOf<S::Elem>>,
{
    let steps = steps_1d(a.shape(), n, axis, true)?;
    let o = into_out(out, &result_shape(a.shape(), &steps, Family::C2r { conj: false }))?;
    inverse_real_chain(a, &steps, norm, false, Some(&o)).map(|_| ())
}

/// `numpy.fft.hfft`: the transform of a signal with Hermitian symmetry (its first half
/// given) — a real spectrum of length `n` (default `2 * (m - 1)`): `irfft(conj(a))` with
/// the opposite normalisation.
///
/// # Errors
/// As [`fft`].
pub fn hfft<S>(a: &ArrayBase<S>, n: Option<isize>, axis: isize, norm: Norm) -> Result<Array<RealOf<S::Elem>>>
where
    S: Data,
    S::Elem: FftInput,
{
    let steps = steps_1d(a.shape(), n, axis, true)?;
    fresh(inverse_real_chain(a, &steps, norm.swap(), true, None))
}

/// `hfft` writing into `out` (NumPy's `hfft` accepts `out` and ignores it; this one
/// writes the result there).
///
/// # Errors
/// As [`hfft`]; [`Error::OutputShape`] when `out`'s shape is not the result's.
pub fn hfft_into<S, O>(
    a: &ArrayBase<S>,
    n: Option<isize>,
    axis: isize,
    norm: Norm,
    out: &mut ArrayBase<O>,
) -> Result<()>
where
    S: Data,
    S::Elem: FftInput,
    O: DataMut<Elem = RealOf<S::Elem>>,
{
    let steps = steps_1d(a.shape(), n, axis, true)?;
    let o = into_out(out, &result_shape(a.shape(), &steps, Family::C2r { conj: true }))?;
    inverse_real_chain(a, &steps, norm.swap(), true, Some(&o)).map(|_| ())
}

macro_rules! real_nd {
    ($name:ident, $into:ident, $numpy:literal, $default_axes:expr) => {
        #[doc = concat!("`numpy.fft.", $numpy, "`: the n-dimensional transform of real input over `axes`")]
        #[doc = concat!("(default: ", stringify!($default_axes), "): [`rfft`] along the last axis, then")]
        /// [`fft`] along the others, from the last to the first. `s` as in [`fftn`].
        ///
        /// # Errors
        /// As [`fftn`]; an empty `axes` is NumPy's `IndexError` ("list index out of range").
        pub fn $name<S>(
            a: &ArrayBase<S>,
            s: Option<&[isize]>,
            axes: Option<&[isize]>,
            norm: Norm,
        ) -> Result<Array<ComplexOf<S::Elem>>>
        where
            S: Data,
            S::Elem: RealInput,
        {
            let default: Option<&[isize]> = $default_axes;
            let steps = steps_r2c_nd(a.shape(), s, axes.or(default))?;
            fresh(real_chain(a, &steps, norm, false, None))
        }

        #[doc = concat!("`numpy.fft.", $numpy, "(..., out=out)`: as [`", stringify!($name), "`], writing into `out`.")]
        ///
        /// # Errors
        #[doc = concat!("As [`", stringify!($name), "`]; [`Error::OutputShape`] when `out`'s shape is not the result's.")]
        pub fn $into<S, O>(
            a: &ArrayBase<S>,
            s: Option<&[isize]>,
            axes: Option<&[isize]>,
            norm: Norm,
            out: &mut ArrayBase<O>,
        ) -> Result<()>
        where
            S: Data,
            S::Elem: RealInput,
            O: DataMut<Elem = ComplexOf<S::Elem>>,
        {
            let default: Option<&[isize]> = $default_axes;
            let steps = steps_r2c_nd(a.shape(), s, axes.or(default))?;
            let o = into_out(out, &result_shape(a.shape(), &steps, Family::R2c { conj: false }))?;
            real_chain(a, &steps, norm, false, Some(&o)).map(|_| ())
        }
    };
}

real_nd!(rfftn, rfftn_into, "rfftn", None);
real_nd!(rfft2, rfft2_into, "rfft2", Some(&[-2, -1]));

macro_rules! inverse_real_nd {
    ($name:ident, $into:ident, $numpy:literal, $default_axes:expr) => {
        #[doc = concat!("`numpy.fft.", $numpy, "`: the inverse of [`rfftn`] over `axes`")]
        #[doc = concat!("(default: ", stringify!($default_axes), "): [`ifft`] along all but the last axis, then")]
        /// [`irfft`] along the last. `s` gives the output lengths (the last one defaults to
        /// `2 * (m - 1)`).
        ///
        /// # Errors
        /// As [`fftn`]; an empty `axes` is NumPy's `IndexError`.
        pub fn $name<S>(
            a: &ArrayBase<S>,
            s: Option<&[isize]>,
            axes: Option<&[isize]>,
            norm: Norm,
        ) -> Result<Array<RealOf<S::Elem>>>
        where
            S: Data,
            S::Elem: FftInput,
        {
            let default: Option<&[isize]> = $default_axes;
            let steps = steps_c2r_nd(a.shape(), s, axes.or(default))?;
            fresh(inverse_real_chain(a, &steps, norm, false, None))
        }

        #[doc = concat!("`numpy.fft.", $numpy, "(..., out=out)`: as [`", stringify!($name), "`], writing into `out`.")]
        ///
        /// # Errors
        #[doc = concat!("As [`", stringify!($name), "`]; [`Error::OutputShape`] when `out`'s shape is not the result's.")]
        pub fn $into<S, O>(
            a: &ArrayBase<S>,
            s: Option<&[isize]>,
            axes: Option<&[isize]>,
            norm: Norm,
            out: &mut ArrayBase<O>,
        ) -> Result<()>
        where
            S: Data,
            S::Elem: FftInput,
            O: DataMut<Elem = RealOf<S::Elem>>,
        {
            let default: Option<&[isize]> = $default_axes;
            let steps = steps_c2r_nd(a.shape(), s, axes.or(default))?;
            let o = into_out(out, &result_shape(a.shape(), &steps, Family::C2r { conj: false }))?;
            inverse_real_chain(a, &steps, norm, false, Some(&o)).map(|_| ())
        }
    };
}

inverse_real_nd!(irfftn, irfftn_into, "irfftn", None);
inverse_real_nd!(irfft2, irfft2_into, "irfft2", Some(&[-2, -1]));
