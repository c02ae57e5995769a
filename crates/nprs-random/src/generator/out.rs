//! NumPy's `out=` argument: filling a caller's array in place (`random`, `standard_normal`,
//! `standard_exponential`, `standard_gamma`).
//!
//! NumPy's `size`, when given with `out`, must equal `out.shape`; here the output's shape is
//! the size. The array must be contiguous: in C or Fortran order for the parameterless
//! methods (filled in memory order, as NumPy fills it), in C order for `standard_gamma`.

use nprs_core::kernel::DataMut;
use nprs_core::{ArrayBase, Element};

use super::Generator;
use super::args::{Cons, Param, ParamIter, Size, check, output_shape};
use crate::bitgen::BitGenerator;
use crate::dist::continuous as cd;
use crate::dist::ziggurat as zig;
use crate::error::{Error, Result};

/// The output's elements in memory order, or NumPy's error for an unusable array.
fn out_slice<T: Element, S: DataMut<Elem = T>>(out: &mut ArrayBase<S>, c_only: bool) -> Result<&mut [T]> {
    let ok = out.is_c_contiguous() || (!c_only && out.is_f_contiguous());
    if !ok {
        return Err(Error::OutNotContiguous { c_only });
    }
    out.as_slice_memory_order_mut().ok_or(Error::OutNotContiguous { c_only })
}

/// Fills `out` with `f()` in memory order.
fn fill_out<T: Element, S: DataMut<Elem = T>>(out: &mut ArrayBase<S>, mut f: impl FnMut() -> T) -> Result<()> {
    for v in out_slice(out, false)? {
        *v = f();
    }
    Ok(())
}

/// Fills C-ordered `out` with `f(shape)`, the parameter broadcast to `out`'s shape.
fn fill_out_param<T: Element + super::ParamValue, S: DataMut<Elem = T>>(
    out: &mut ArrayBase<S>,
    shape: &Param<'_, T>,
    mut f: impl FnMut(T) -> T,
) -> Result<()> {
    // NumPy checks the output first, then the parameter, then the broadcast.
    if !out.is_c_contiguous() {
        return Err(Error::OutNotContiguous { c_only: true });
    }
    let values: Vec<f64> = shape.values().into_iter().map(super::ParamValue::as_f64).collect();
    check(&values, "shape", Cons::NonNegative, !shape.is_scalar())?;
    let dims = out.shape().to_vec();
    if !shape.is_scalar() {
        output_shape(&Size::from(dims.clone()), &[shape.shape()], false)?;
    }
    let view = shape.broadcast_view(&dims)?;
    let mut it = ParamIter::new(shape, view.as_ref());
    for v in out_slice(out, true)? {
        *v = f(it.next_value());
    }
    Ok(())
}

impl<B: BitGenerator> Generator<B> {
    /// `random(out=out)`: fills `out` with floats in `[0, 1)`, in memory order.
    ///
    /// ```
    /// use nprs_core::Array;
    /// let mut out = Array::<f64>::zeros(&[2, 3]).unwrap();
    /// nprs_random::default_rng(42).random_into(&mut out).unwrap();
    /// assert_eq!(out.to_vec()[0], 0.7739560485559633);
    /// ```
    ///
    /// # Errors
    /// An output that is not contiguous (NumPy's message).
    pub fn random_into<S: DataMut<Elem = f64>>(&mut self, out: &mut ArrayBase<S>) -> Result<()> {
        let bg = &mut self.bg;
        fill_out(out, || bg.next_double())
    }

    /// `random(dtype=np.float32, out=out)`.
    ///
    /// # Errors
    /// As [`random_into`](Self::random_into).
    pub fn random_f32_into<S: DataMut<Elem = f32>>(&mut self, out: &mut ArrayBase<S>) -> Result<()> {
        let bg = &mut self.bg;
        fill_out(out, || zig::next_float(bg))
    }

    /// `standard_normal(out=out)`.
    ///
    /// # Errors
    /// As [`random_into`](Self::random_into).
    pub fn standard_normal_into<S: DataMut<Elem = f64>>(&mut self, out: &mut ArrayBase<S>) -> Result<()> {
        let bg = &mut self.bg;
        fill_out(out, || zig::standard_normal(bg))
    }

    /// `standard_normal(dtype=np.float32, out=out)`.
    ///
    /// # Errors
    /// As [`random_into`](Self::random_into).
    pub fn standard_normal_f32_into<S: DataMut<Elem = f32>>(&mut self, out: &mut ArrayBase<S>) -> Result<()> {
        let bg = &mut self.bg;
        fill_out(out, || zig::standard_normal_f(bg))
    }

    /// `standard_exponential(out=out)` (`method='zig'`).
    ///
    /// # Errors
    /// As [`random_into`](Self::random_into).
    pub fn standard_exponential_into<S: DataMut<Elem = f64>>(&mut self, out: &mut ArrayBase<S>) -> Result<()> {
        let bg = &mut self.bg;
        fill_out(out, || zig::standard_exponential(bg))
    }

    /// `standard_exponential(dtype=np.float32, out=out)` (`method='zig'`).
    ///
    /// # Errors
    /// As [`random_into`](Self::random_into).
    pub fn standard_exponential_f32_into<S: DataMut<Elem = f32>>(&mut self, out: &mut ArrayBase<S>) -> Result<()> {
        let bg = &mut self.bg;
        fill_out(out, || zig::standard_exponential_f(bg))
    }

    /// `standard_exponential(method='inv', out=out)`.
    ///
    /// # Errors
    /// As [`random_into`](Self::random_into).
    pub fn standard_exponential_inv_into<S: DataMut<Elem = f64>>(&mut self, out: &mut ArrayBase<S>) -> Result<()> {
        let bg = &mut self.bg;
        fill_out(out, || cd::standard_exponential_inv(bg))
    }

    /// `standard_exponential(dtype=np.float32, method='inv', out=out)`.
    ///
    /// # Errors
    /// As [`random_into`](Self::random_into).
    pub fn standard_exponential_inv_f32_into<S: DataMut<Elem = f32>>(&mut self, out: &mut ArrayBase<S>) -> Result<()> {
        let bg = &mut self.bg;
        fill_out(out, || cd::standard_exponential_inv_f(bg))
    }

    /// `standard_gamma(shape, out=out)`: `shape` is a scalar or broadcasts to `out`'s shape.
    ///
    /// ```
    /// use nprs_core::Array;
    /// let mut out = Array::<f64>::zeros(&[2, 3]).unwrap();
    /// nprs_random::default_rng(42).standard_gamma_into([0.5, 1.0, 2.0], &mut out).unwrap();
    /// assert!(out.iter().all(|x| x > 0.0));
    /// ```
    ///
    /// # Errors
    /// `shape < 0`, a `shape` that does not broadcast to the output, an output that is not
    /// C-contiguous (NumPy's messages).
    pub fn standard_gamma_into<'a, S: DataMut<Elem = f64>>(
        &mut self,
        shape: impl Into<Param<'a, f64>>,
        out: &mut ArrayBase<S>,
    ) -> Result<()> {
        let bg = &mut self.bg;
        fill_out_param(out, &shape.into(), |k| cd::standard_gamma(bg, k))
    }

    /// `standard_gamma(shape, dtype=np.float32, out=out)`.
    ///
    /// # Errors
    /// As [`standard_gamma_into`](Self::standard_gamma_into).
    pub fn standard_gamma_f32_into<'a, S: DataMut<Elem = f32>>(
        &mut self,
        shape: impl Into<Param<'a, f32>>,
        out: &mut ArrayBase<S>,
    ) -> Result<()> {
        let bg = &mut self.bg;
        fill_out_param(out, &shape.into(), |k| cd::standard_gamma_f(bg, k))
    }
}
