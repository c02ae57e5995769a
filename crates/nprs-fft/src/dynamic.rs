//! The transforms on dynamic arrays: one dispatch on the dtype, then the typed code.
//!
//! Integers and `bool` are cast to `float64` and `float16` to `float32` first, as NumPy's
//! loops receive them; byte-swapped or unaligned data is copied to native order.

use nprs_core::dynarray::DynData;
use nprs_core::{C64, C128, Casting, CowArray, DType, Descr, DynArray, DynBase, DynViewMut, Element, can_cast};

use crate::api::{
    Family, complex_chain, inverse_real_chain, real_chain, result_shape, steps_1d, steps_c2c_nd, steps_c2r_nd,
    steps_r2c_nd,
};
use crate::error::{Error, Result};
use crate::exec::{Norm, Step, check_out, raw_of_mut};

/// The precision a dtype is computed in.
enum Work {
    F32,
    F64,
    C64,
    C128,
}

fn work_of(d: &Descr) -> Result<Work> {
    let t = d.numeric().ok_or_else(|| Error::UnsupportedDType { dtype: d.to_string() })?;
    Ok(match t {
        DType::Complex64 => Work::C64,
        DType::Complex128 => Work::C128,
        DType::Float32 | DType::Float16 => Work::F32,
        _ => Work::F64,
    })
}

/// The array as a typed `T` (a view when it already is one, else a cast copy).
fn typed<'a, T: Element, S: DynData>(a: &'a DynBase<S>) -> Result<CowArray<'a, T>> {
    if let Ok(v) = a.typed::<T>() {
        return Ok(v.into());
    }
    let c = a.astype(&Descr::from(T::DTYPE))?;
    Ok(c.into_typed::<T>()?.into())
}

/// NumPy's name of the ufunc a transform's `out` is handed to.
fn ufunc_name(fam: Family, steps: &[Step]) -> &'static str {
    match fam {
        Family::C2c { forward: true } => "fft",
        Family::C2c { forward: false } => "ifft",
        Family::R2c { .. } if steps[0].n.is_multiple_of(2) => "rfft_n_even",
        Family::R2c { .. } => "rfft_n_odd",
        Family::C2r { .. } => "irfft",
    }
}

/// Where a dynamic result goes: a typed view of `out` when its dtype is the result's,
/// else a fresh result cast into `out` afterwards.
fn run_dyn<S: DynData>(
    a: &DynBase<S>,
    fam: Family,
    steps: &[Step],
    norm: Norm,
    mut out: Option<&mut DynViewMut<'_>>,
) -> Result<Option<DynArray>> {
    let work = work_of(a.dtype())?;
    if let Family::R2c { .. } = fam
        && matches!(work, Work::C64 | Work::C128)
    {
        return Err(Error::ComplexInput { ufunc: ufunc_name(fam, steps) });
    }
    // NumPy's irfft/hfft of float16 give float16 (computed in single precision).
    let half_out = a.dtype().numeric() == Some(DType::Float16) && matches!(fam, Family::C2r { .. });
    let result_dtype = match (&work, fam) {
        _ if half_out => DType::Float16,
        (Work::F32 | Work::C64, Family::C2r { .. }) => DType::Float32,
        (Work::F64 | Work::C128, Family::C2r { .. }) => DType::Float64,
        (Work::F32 | Work::C64, _) => DType::Complex64,
        (Work::F64 | Work::C128, _) => DType::Complex128,
    };
    if let Some(o) = out.as_deref_mut() {
        let want = if steps.is_empty() { a.shape().to_vec() } else { result_shape(a.shape(), steps, fam) };
        check_out(o.shape(), &want)?;
        let rd = Descr::from(result_dtype);
        if !can_cast(&rd, o.dtype(), Casting::SameKind) {
            return Err(Error::OutputCast {
                ufunc: ufunc_name(fam, steps),
                from: result_dtype.name().to_string(),
                to: o.dtype().to_string(),
            });
        }
        if o.dtype() != &rd || steps.is_empty() || half_out {
            let r = run_dyn(a, fam, steps, norm, None)?.ok_or(Error::OutputShape)?;
            o.assign(&r)?;
            return Ok(None);
        }
    }
    if steps.is_empty() {
        // `fftn` over no axes: NumPy gives the input back.
        return Ok(Some(a.astype(a.dtype())?));
    }
    macro_rules! go {
        ($T:ty, $R:ty, $C:ty, |$x:ident, $o:ident| $call:expr) => {{
            let $x = typed::<$T, S>(a)?;
            match out {
                None => {
                    let $o = None;
                    let r = $call?.map(DynArray::from);
                    match r {
                        Some(r) if half_out => Ok(Some(r.astype(&Descr::from(DType::Float16))?)),
                        r => Ok(r),
                    }
                }
                Some(view) => {
                    let mut tv = view.typed_mut::<$C>()?;
                    let raw = raw_of_mut(&mut tv);
                    let $o = Some(&raw);
                    $call?;
                    Ok(None)
                }
            }
        }};
    }
    match fam {
        Family::C2c { forward } => match work {
            Work::F32 => go!(f32, f32, C64, |x, o| complex_chain(&x, steps, forward, norm, o)),
            Work::F64 => go!(f64, f64, C128, |x, o| complex_chain(&x, steps, forward, norm, o)),
            Work::C64 => go!(C64, f32, C64, |x, o| complex_chain(&x, steps, forward, norm, o)),
            Work::C128 => go!(C128, f64, C128, |x, o| complex_chain(&x, steps, forward, norm, o)),
        },
        Family::R2c { conj } => {
            let norm = if conj { norm.swap() } else { norm };
            match work {
                Work::F32 => go!(f32, f32, C64, |x, o| real_chain(&x, steps, norm, conj, o)),
                _ => go!(f64, f64, C128, |x, o| real_chain(&x, steps, norm, conj, o)),
            }
        }
        Family::C2r { conj } => {
            let norm = if conj { norm.swap() } else { norm };
            match work {
                Work::F32 => go!(f32, f32, f32, |x, o| inverse_real_chain(&x, steps, norm, conj, o)),
                Work::F64 => go!(f64, f64, f64, |x, o| inverse_real_chain(&x, steps, norm, conj, o)),
                Work::C64 => go!(C64, f32, f32, |x, o| inverse_real_chain(&x, steps, norm, conj, o)),
                Work::C128 => go!(C128, f64, f64, |x, o| inverse_real_chain(&x, steps, norm, conj, o)),
            }
        }
    }
}

fn fresh(r: Result<Option<DynArray>>) -> Result<DynArray> {
    r.map(|o| o.expect("a fresh result when no output array is given"))
}

macro_rules! dyn_1d {
    ($name:ident, $into:ident, $typed:literal, $fam:expr, $inverse_real:expr) => {
        #[doc = concat!("[`", $typed, "`](crate::", $typed, ") of a dynamic array or view (any numeric dtype).")]
        ///
        /// ```
        /// use nprs_core::{DynArray, array};
        /// use nprs_fft::Norm;
        /// let a = DynArray::from(array![1i32, 2, 3, 4]);
        #[doc = concat!("let r = nprs_fft::", stringify!($name), "(&a, None, -1, Norm::Backward)?;")]
        /// assert!(r.dtype().name().ends_with("64") || r.dtype().name().ends_with("128"));
        /// # Ok::<(), nprs_fft::Error>(())
        /// ```
        ///
        /// # Errors
        #[doc = concat!("As [`", $typed, "`](crate::", $typed, "); non-numeric dtypes.")]
        pub fn $name<S: DynData>(a: &DynBase<S>, n: Option<isize>, axis: isize, norm: Norm) -> Result<DynArray> {
            let steps = steps_1d(a.shape(), n, axis, $inverse_real)?;
            fresh(run_dyn(a, $fam, &steps, norm, None))
        }

        #[doc = concat!("[`", stringify!($name), "`] writing into `out`, cast as NumPy's `same_kind` rule allows.")]
        ///
        /// # Errors
        #[doc = concat!("As [`", stringify!($name), "`]; a wrong `out` shape or an `out` dtype the result cannot be cast to.")]
        pub fn $into<S: DynData>(
            a: &DynBase<S>,
            n: Option<isize>,
            axis: isize,
            norm: Norm,
            out: &mut DynViewMut<'_>,
        ) -> Result<()> {
            let steps = steps_1d(a.shape(), n, axis, $inverse_real)?;
            run_dyn(a, $fam, &steps, norm, Some(out)).map(|_| ())
        }
    };
}

dyn_1d!(fft_dyn, fft_dyn_into, "fft", Family::C2c { forward: true }, false);
dyn_1d!(ifft_dyn, ifft_dyn_into, "ifft", Family::C2c { forward: false }, false);
dyn_1d!(rfft_dyn, rfft_dyn_into, "rfft", Family::R2c { conj: false }, false);
dyn_1d!(ihfft_dyn, ihfft_dyn_into, "ihfft", Family::R2c { conj: true }, false);
dyn_1d!(irfft_dyn, irfft_dyn_into, "irfft", Family::C2r { conj: false }, true);
dyn_1d!(hfft_dyn, hfft_dyn_into, "hfft", Family::C2r { conj: true }, true);

macro_rules! dyn_nd {
    ($name:ident, $into:ident, $typed:literal, $fam:expr, $steps:ident, $default_axes:expr) => {
        #[doc = concat!("[`", $typed, "`](crate::", $typed, ") of a dynamic array or view (any numeric dtype).")]
        ///
        /// # Errors
        #[doc = concat!("As [`", $typed, "`](crate::", $typed, "); non-numeric dtypes.")]
        pub fn $name<S: DynData>(
            a: &DynBase<S>,
            s: Option<&[isize]>,
            axes: Option<&[isize]>,
            norm: Norm,
        ) -> Result<DynArray> {
            let default: Option<&[isize]> = $default_axes;
            let steps = $steps(a.shape(), s, axes.or(default))?;
            fresh(run_dyn(a, $fam, &steps, norm, None))
        }

        #[doc = concat!("[`", stringify!($name), "`] writing into `out`, cast as NumPy's `same_kind` rule allows.")]
        ///
        /// # Errors
        #[doc = concat!("As [`", stringify!($name), "`]; a wrong `out` shape or an `out` dtype the result cannot be cast to.")]
        pub fn $into<S: DynData>(
            a: &DynBase<S>,
            s: Option<&[isize]>,
            axes: Option<&[isize]>,
            norm: Norm,
            out: &mut DynViewMut<'_>,
        ) -> Result<()> {
            let default: Option<&[isize]> = $default_axes;
            let steps = $steps(a.shape(), s, axes.or(default))?;
            run_dyn(a, $fam, &steps, norm, Some(out)).map(|_| ())
        }
    };
}

dyn_nd!(fftn_dyn, fftn_dyn_into, "fftn", Family::C2c { forward: true }, steps_c2c_nd, None);
dyn_nd!(ifftn_dyn, ifftn_dyn_into, "ifftn", Family::C2c { forward: false }, steps_c2c_nd, None);
dyn_nd!(fft2_dyn, fft2_dyn_into, "fft2", Family::C2c { forward: true }, steps_c2c_nd, Some(&[-2, -1]));
dyn_nd!(ifft2_dyn, ifft2_dyn_into, "ifft2", Family::C2c { forward: false }, steps_c2c_nd, Some(&[-2, -1]));
dyn_nd!(rfftn_dyn, rfftn_dyn_into, "rfftn", Family::R2c { conj: false }, steps_r2c_nd, None);
dyn_nd!(rfft2_dyn, rfft2_dyn_into, "rfft2", Family::R2c { conj: false }, steps_r2c_nd, Some(&[-2, -1]));
dyn_nd!(irfftn_dyn, irfftn_dyn_into, "irfftn", Family::C2r { conj: false }, steps_c2r_nd, None);
dyn_nd!(irfft2_dyn, irfft2_dyn_into, "irfft2", Family::C2r { conj: false }, steps_c2r_nd, Some(&[-2, -1]));

struct Shift<'a> {
    axes: Option<&'a [isize]>,
    inverse: bool,
}

impl nprs_core::UnaryKernel for Shift<'_> {
    fn call<T: Element + nprs_core::Cast>(&self, a: nprs_core::ArrayView<'_, T>) -> nprs_core::Result<DynArray> {
        crate::helper::shift(&a, self.axes, self.inverse).map(DynArray::from)
    }
}

/// [`fftshift`](crate::fftshift) of a dynamic array of any numeric dtype.
///
/// # Errors
/// As [`fftshift`](crate::fftshift); non-numeric dtypes.
pub fn fftshift_dyn<S: DynData>(x: &DynBase<S>, axes: Option<&[isize]>) -> Result<DynArray> {
    Ok(nprs_core::map_unary(x, &Shift { axes, inverse: false })?)
}

/// [`ifftshift`](crate::ifftshift) of a dynamic array of any numeric dtype.
///
/// # Errors
/// As [`ifftshift`](crate::ifftshift); non-numeric dtypes.
pub fn ifftshift_dyn<S: DynData>(x: &DynBase<S>, axes: Option<&[isize]>) -> Result<DynArray> {
    Ok(nprs_core::map_unary(x, &Shift { axes, inverse: true })?)
}
