//! From NumPy's arguments to lane transforms: argument rules (`n`, `s`, `axes`, `norm`),
//! the chain of one-axis steps of an n-d transform, and where each step writes.
#![allow(unsafe_code)] // uninitialised outputs written by the lane engine; each block says why

use std::str::FromStr;

use nprs_core::{Array, Element, UninitArray};
use num_complex::Complex;

use crate::engine::{Kernel, Raw, run};
use crate::error::{Error, Result};
use crate::kernels::{C2c, C2r, R2c};
use crate::plan::FftFloat;

/// Which direction of a transform pair is scaled, and by what (NumPy's `norm`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Norm {
    /// `"backward"` (the default): forward transforms unscaled, inverse ones by `1/n`.
    #[default]
    Backward,
    /// `"ortho"`: both directions by `1/sqrt(n)`.
    Ortho,
    /// `"forward"`: forward transforms by `1/n`, inverse ones unscaled.
    Forward,
}

impl FromStr for Norm {
    type Err = Error;

    /// Parses NumPy's names, `"backward"`, `"ortho"` and `"forward"`.
    ///
    /// ```
    /// use nprs_fft::Norm;
    /// assert_eq!("ortho".parse::<Norm>().unwrap(), Norm::Ortho);
    /// let e = "bad".parse::<Norm>().unwrap_err();
    /// assert_eq!(e.to_string(), r#"Invalid norm value bad; should be "backward","ortho" or "forward"."#);
    /// ```
    fn from_str(s: &str) -> Result<Norm> {
        match s {
            "backward" => Ok(Norm::Backward),
            "ortho" => Ok(Norm::Ortho),
            "forward" => Ok(Norm::Forward),
            _ => Err(Error::InvalidNorm { name: s.to_string() }),
        }
    }
}

impl Norm {
    /// The opposite convention (what `hfft`/`ihfft` pass on).
    #[must_use]
    pub fn swap(self) -> Norm {
        match self {
            Norm::Backward => Norm::Forward,
            Norm::Ortho => Norm::Ortho,
            Norm::Forward => Norm::Backward,
        }
    }

    /// The factor applied to a transform of length `n` in the given direction.
    pub(crate) fn factor<F: FftFloat>(self, n: usize, forward: bool) -> F {
        let norm = if forward { self } else { self.swap() };
        let nf = F::of_f64(n as f64);
        match norm {
            Norm::Backward => <F as Element>::one(),
            Norm::Ortho => <F as Element>::one() / nf.sqrt(),
            Norm::Forward => <F as Element>::one() / nf,
        }
    }
}

/// `a.shape[axis]` with Python's tuple indexing.
pub(crate) fn shape_at(shape: &[usize], axis: isize) -> nprs_core::Result<usize> {
    let nd = shape.len() as isize;
    let i = if axis < 0 { axis + nd } else { axis };
    if (0..nd).contains(&i) { Ok(shape[i as usize]) } else { Err(nprs_core::Error::TupleIndex) }
}

/// `normalize_axis_index`.
pub(crate) fn norm_axis(axis: isize, ndim: usize) -> Result<usize> {
    let nd = ndim as isize;
    let i = if axis < 0 { axis + nd } else { axis };
    if (0..nd).contains(&i) {
        Ok(i as usize)
    } else {
        Err(Error::Core(nprs_core::Error::AxisOutOfBounds { axis, ndim }))
    }
}

/// The `n` of a 1-d transform: as given, else the axis' length (`irfft`-like: `2(m-1)`).
pub(crate) fn default_n(shape: &[usize], n: Option<isize>, axis: isize, inverse_real: bool) -> Result<isize> {
    match n {
        Some(n) => Ok(n),
        None => {
            let m = shape_at(shape, axis)? as isize;
            Ok(if inverse_real { (m - 1) * 2 } else { m })
        }
    }
}

/// One one-axis step: a checked length and axis.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Step {
    pub n: usize,
    pub axis: usize,
}

/// Checks one step as NumPy's `_raw_fft` does: the length first, then the axis.
pub(crate) fn step(n: isize, axis: isize, ndim: usize) -> Result<Step> {
    if n < 1 {
        return Err(Error::InvalidLength { n });
    }
    Ok(Step { n: n as usize, axis: norm_axis(axis, ndim)? })
}

/// NumPy's `_cook_nd_args`: the lengths and axes of an n-d transform.
pub(crate) fn cook_nd(
    shape: &[usize],
    s: Option<&[isize]>,
    axes: Option<&[isize]>,
    invreal: bool,
) -> Result<(Vec<isize>, Vec<isize>)> {
    let nd = shape.len() as isize;
    let shapeless = s.is_none();
    let mut s: Vec<isize> = match (s, axes) {
        (Some(s), _) => s.to_vec(),
        (None, None) => shape.iter().map(|&d| d as isize).collect(),
        (None, Some(axes)) => axes
            .iter()
            .map(|&ax| {
                let i = if ax < 0 { ax + nd } else { ax };
                if (0..nd).contains(&i) {
                    Ok(shape[i as usize] as isize)
                } else {
                    Err(nprs_core::Error::IndexOutOfBounds { index: ax, axis: 0, size: shape.len() }.into())
                }
            })
            .collect::<Result<_>>()?,
    };
    let axes: Vec<isize> = match axes {
        Some(a) => a.to_vec(),
        None => (-(s.len() as isize)..0).collect(),
    };
    if s.len() != axes.len() {
        return Err(Error::ShapeAxesLength);
    }
    if invreal && shapeless {
        let last = *axes.last().ok_or_else(Error::tuple_index)?;
        let m = shape_at(shape, last)? as isize;
        if let Some(l) = s.last_mut() {
            *l = (m - 1) * 2;
        }
    }
    for (x, &ax) in s.iter_mut().zip(&axes) {
        if *x == -1 {
            *x = shape_at(shape, ax)? as isize;
        }
    }
    Ok((s, axes))
}

/// Shape after a step.
fn after(shape: &[usize], st: Step, n_out: usize) -> Vec<usize> {
    let mut s = shape.to_vec();
    s[st.axis] = n_out;
    s
}

/// Where a chain's final result goes.
pub(crate) enum Dest<E> {
    /// A fresh array.
    New,
    /// The caller's array (shape checked by the caller).
    Out(Raw<E>),
}

/// Fresh uninitialised arrays of a chain, kept alive until the chain ends.
struct Fresh<E: Element> {
    arrays: Vec<UninitArray<E>>,
}

impl<E: Element> Fresh<E> {
    fn alloc(&mut self, shape: &[usize]) -> Result<Raw<E>> {
        let mut u = Array::<E>::uninit(shape)?;
        let ptr = u.as_mut_slice().as_mut_ptr().cast::<E>();
        let strides = c_strides(shape);
        self.arrays.push(u);
        Ok(Raw { ptr, shape: shape.to_vec(), strides })
    }

    /// The last array, every element written.
    ///
    /// # Safety
    /// Every element of the last allocated array must have been written.
    unsafe fn finish(mut self) -> Option<Array<E>> {
        // SAFETY: the caller wrote every element of the last array.
        self.arrays.pop().map(|u| unsafe { u.assume_init() })
    }
}

fn c_strides(shape: &[usize]) -> Vec<isize> {
    let mut st = vec![0isize; shape.len()];
    let mut acc = 1isize;
    for d in (0..shape.len()).rev() {
        st[d] = acc;
        acc *= shape[d].max(1) as isize;
    }
    st
}

/// A typed array's elements for reading.
pub(crate) fn raw_of<T: Element, S: nprs_core::kernel::Data<Elem = T>>(a: &nprs_core::ArrayBase<S>) -> Raw<T> {
    Raw { ptr: a.as_ptr().cast_mut(), shape: a.shape().to_vec(), strides: a.strides_elems().to_vec() }
}

/// A typed mutable array's elements for writing.
pub(crate) fn raw_of_mut<T: Element, S: nprs_core::kernel::DataMut<Elem = T>>(
    a: &mut nprs_core::ArrayBase<S>,
) -> Raw<T> {
    // The caller holds `a` uniquely; its storage is writable (`DataMut`).
    let ptr = a.as_mut_ptr();
    Raw { ptr, shape: a.shape().to_vec(), strides: a.strides_elems().to_vec() }
}

fn cx_raw<F: FftFloat>(r: &Raw<F::Cx>) -> Raw<Complex<F>> {
    Raw { ptr: F::cx_ptr(r.ptr), shape: r.shape.clone(), strides: r.strides.clone() }
}

/// Checks an `out` array's shape against the result's.
pub(crate) fn check_out(out: &[usize], want: &[usize]) -> Result<()> {
    if out == want { Ok(()) } else { Err(Error::OutputShape) }
}

/// Runs complex steps on `cur`, writing the chain's last reallocation into `dest`.
/// `first` says whether `cur` is the caller's input (never written).
///
/// # Safety
/// `cur` must be readable (and writable when not `first`) for its whole shape, `dest`
/// writable and disjoint from the input.
unsafe fn c2c_steps<F: FftFloat>(
    mut cur: Raw<Complex<F>>,
    steps: &[Step],
    forward: bool,
    norm: Norm,
    dest: &Dest<Complex<F>>,
    fresh: &mut Fresh<F::Cx>,
    mut first: bool,
) -> Result<Raw<Complex<F>>> {
    let mut last_change = usize::MAX;
    let mut shape = cur.shape.clone();
    for (i, st) in steps.iter().enumerate() {
        if (first && i == 0) || shape[st.axis] != st.n {
            last_change = i;
        }
        shape[st.axis] = st.n;
    }
    for (i, &st) in steps.iter().enumerate() {
        let k = C2c::new(st.n, forward, norm.factor::<F>(st.n, forward), |x: Complex<F>| x)?;
        if first || cur.shape[st.axis] != st.n {
            let shape = after(&cur.shape, st, st.n);
            let dst = match dest {
                Dest::Out(o) if i == last_change => o.clone(),
                _ => cx_raw::<F>(&fresh.alloc(&shape)?),
            };
            // SAFETY: `cur` is readable for its shape, `dst` freshly allocated or the
            // caller's disjoint output, of the step's output shape.
            unsafe { run(&cur, &dst, st.axis, &k, false) };
            cur = dst;
            first = false;
        } else {
            // SAFETY: `cur` is an array of this chain (fresh or the output), written in place.
            unsafe { run(&cur, &cur, st.axis, &k, true) };
        }
    }
    Ok(cur)
}

/// Runs one step from a typed input into a fresh array or `dest`.
///
/// # Safety
/// As [`run`].
unsafe fn first_step<I, K>(src: &Raw<I>, st: Step, k: &K, dst: &Raw<K::Out>)
where
    I: Copy + Default + Send + Sync,
    K: Kernel<I>,
{
    // SAFETY: forwarded from the caller.
    unsafe { run(src, dst, st.axis, k, false) }
}

/// `fft`/`ifft`/`fftn`/`ifftn` of a typed input: `steps` in order of execution.
///
/// # Safety
/// `src` readable for its shape; `out`, if any, writable, of the chain's shape and
/// disjoint from `src`.
pub(crate) unsafe fn c2c_chain<F: FftFloat, I: Element, C: Fn(I) -> Complex<F> + Sync>(
    src: &Raw<I>,
    conv: C,
    steps: &[Step],
    forward: bool,
    norm: Norm,
    out: Option<&Raw<F::Cx>>,
) -> Result<Option<Array<F::Cx>>> {
    let mut fresh = Fresh { arrays: Vec::new() };
    let dest = match out {
        Some(o) => Dest::Out(cx_raw::<F>(o)),
        None => Dest::New,
    };
    let st = steps[0];
    let k = C2c::new(st.n, forward, norm.factor::<F>(st.n, forward), conv)?;
    let shape0 = after(&src.shape, st, st.n);
    // Later steps that keep their length run in place on this step's result.
    let rest_in_place = {
        let mut shape = shape0.clone();
        steps[1..].iter().all(|s| {
            let same = shape[s.axis] == s.n;
            shape[s.axis] = s.n;
            same
        })
    };
    let dst = match &dest {
        Dest::Out(o) if rest_in_place => o.clone(),
        _ => cx_raw::<F>(&fresh.alloc(&shape0)?),
    };
    // SAFETY: the caller's input is readable; `dst` is fresh or the caller's output.
    unsafe { first_step(src, st, &k, &dst) };
    // SAFETY: `dst` belongs to this chain.
    unsafe { c2c_steps(dst, &steps[1..], forward, norm, &dest, &mut fresh, false)? };
    if out.is_some() {
        return Ok(None);
    }
    // SAFETY: the last fresh array was written whole by its step(s).
    Ok(unsafe { fresh.finish() })
}

/// `rfft`/`rfftn`/`ihfft`: the real step first, then complex forward steps.
///
/// # Safety
/// As [`c2c_chain`].
pub(crate) unsafe fn r2c_chain<F: FftFloat, I: Element, C: Fn(I) -> F + Sync>(
    src: &Raw<I>,
    conv: C,
    steps: &[Step],
    norm: Norm,
    conj: bool,
    out: Option<&Raw<F::Cx>>,
) -> Result<Option<Array<F::Cx>>> {
    let mut fresh = Fresh { arrays: Vec::new() };
    let dest = match out {
        Some(o) => Dest::Out(cx_raw::<F>(o)),
        None => Dest::New,
    };
    let st = steps[0];
    let k = R2c::new(st.n, norm.factor::<F>(st.n, true), conj, conv)?;
    let shape0 = after(&src.shape, st, st.n / 2 + 1);
    let rest_in_place = {
        let mut shape = shape0.clone();
        steps[1..].iter().all(|s| {
            let same = shape[s.axis] == s.n;
            shape[s.axis] = s.n;
            same
        })
    };
    let dst = match &dest {
        Dest::Out(o) if rest_in_place => o.clone(),
        _ => cx_raw::<F>(&fresh.alloc(&shape0)?),
    };
    // SAFETY: as in `c2c_chain`.
    unsafe { first_step(src, st, &k, &dst) };
    // SAFETY: `dst` belongs to this chain.
    unsafe { c2c_steps(dst, &steps[1..], true, norm, &dest, &mut fresh, false)? };
    if out.is_some() {
        return Ok(None);
    }
    // SAFETY: the last fresh array was written whole.
    Ok(unsafe { fresh.finish() })
}

/// `irfft`/`irfftn`/`hfft`: complex backward steps, then the real step (the last of `steps`).
///
/// # Safety
/// As [`c2c_chain`].
pub(crate) unsafe fn c2r_chain<F: FftFloat, I: Element, C: Fn(I) -> Complex<F> + Sync + Copy>(
    src: &Raw<I>,
    conv: C,
    steps: &[Step],
    norm: Norm,
    conj: bool,
    out: Option<&Raw<F>>,
) -> Result<Option<Array<F>>> {
    let (last, front) = steps.split_last().expect("at least one step");
    let k = C2r::new(last.n, norm.factor::<F>(last.n, false), conj, conv)?;
    let mut fresh_real = Fresh::<F> { arrays: Vec::new() };
    if front.is_empty() {
        let dst = match out {
            Some(o) => o.clone(),
            None => fresh_real.alloc(&after(&src.shape, *last, last.n))?,
        };
        // SAFETY: as in `c2c_chain`.
        unsafe { first_step(src, *last, &k, &dst) };
    } else {
        let mut fresh = Fresh::<F::Cx> { arrays: Vec::new() };
        let st = front[0];
        let load = move |x: I| if conj { conv(x).conj() } else { conv(x) };
        let k0 = C2c::new(st.n, false, norm.factor::<F>(st.n, false), load)?;
        let shape0 = after(&src.shape, st, st.n);
        let dst0 = cx_raw::<F>(&fresh.alloc(&shape0)?);
        // SAFETY: `dst0` is fresh.
        unsafe { first_step(src, st, &k0, &dst0) };
        // SAFETY: `dst0` belongs to this chain.
        let mid = unsafe { c2c_steps(dst0, &front[1..], false, norm, &Dest::New, &mut fresh, false)? };
        let k = C2r::new(last.n, norm.factor::<F>(last.n, false), false, |x: Complex<F>| x)?;
        let dst = match out {
            Some(o) => o.clone(),
            None => fresh_real.alloc(&after(&mid.shape, *last, last.n))?,
        };
        // SAFETY: `mid` is this chain's array; `dst` fresh or the caller's output.
        unsafe { run(&mid, &dst, last.axis, &k, false) };
    }
    if out.is_some() {
        return Ok(None);
    }
    // SAFETY: the real result was written whole.
    Ok(unsafe { fresh_real.finish() })
}
