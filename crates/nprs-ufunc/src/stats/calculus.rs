//! Differences and integrals: `numpy.diff`, `ediff1d`, `gradient` and `trapezoid`.
//!
//! Each is NumPy's sequence of ufunc calls on slices of the input, run through the ufunc
//! table (`subtract`, `not_equal`, `multiply`, `divide`, `add`, `add.reduce`), so every
//! dtype gets NumPy's loops and promotions: Rust numbers are weak Python scalars, arrays
//! of spacings are float64, integers wrap. The typed forms convert to and from the
//! dynamic ones without copying and run the same code.

use nprs_core::dims::normalize_axis;
use nprs_core::dynarray::{DynBase, DynData, concatenate};
use nprs_core::kernel::Data;
use nprs_core::{
    Array, ArrayBase, Casting, DType, DynArray, DynView, Element, Error, Result, SliceArg, UfuncOptions, can_cast,
};

use crate::ufunc::ReduceOptions;
use crate::ufuncs::{ADD, DIVIDE, MULTIPLY, NOT_EQUAL, SUBTRACT};

/// `a[..., start:stop, ...]` along `axis` (Python slice bounds: negative counts from the end).
fn along<'a, S: DynData>(
    a: &'a DynBase<S>,
    axis: usize,
    start: Option<isize>,
    stop: Option<isize>,
) -> Result<DynView<'a>> {
    let mut args = vec![SliceArg::Slice { start: None, stop: None, step: 1 }; a.ndim()];
    args[axis] = SliceArg::Slice { start, stop, step: 1 };
    a.try_slice(&args)
}

fn call2(
    f: &crate::Ufunc,
    a: nprs_core::dynarray::Operand<'_>,
    b: nprs_core::dynarray::Operand<'_>,
) -> Result<DynArray> {
    f.call(&[a, b], UfuncOptions::new())
}

/// `numpy.diff(a, n, axis, prepend, append)`: the `n`-th differences along `axis`
/// (`a[1:] - a[:-1]`, or `!=` for bool), after joining `prepend` and `append` (0-d values
/// are broadcast to one slice along `axis`; otherwise the shapes must match except along
/// `axis`). `n = 0` gives `a` unchanged.
///
/// # Errors
/// "order must be non-negative but got -1", "diff requires input that is at least one
/// dimensional", NumPy's `AxisError`, `concatenate`'s shape errors, the subtract loop's
/// `TypeError`s.
///
/// ```
/// use nprs_core::prelude::*;
/// use nprs_core::DynArray;
/// let x = DynArray::from(array![1i64, 2, 4, 7, 0]);
/// let d = nprs_ufunc::diff_dyn(&x, 2, -1, None, None)?;
/// assert_eq!(d.typed::<i64>()?.to_vec(), vec![1, 1, -10]);
/// # Ok::<(), nprs_core::Error>(())
/// ```
pub fn diff_dyn<S: DynData>(
    a: &DynBase<S>,
    n: isize,
    axis: isize,
    prepend: Option<&DynView<'_>>,
    append: Option<&DynView<'_>>,
) -> Result<DynArray> {
    if n == 0 {
        return Ok(a.to_owned());
    }
    if n < 0 {
        return Err(Error::DiffOrder { n });
    }
    if a.ndim() == 0 {
        return Err(Error::DiffZeroDim);
    }
    let ax = normalize_axis(axis, a.ndim())?;
    let mut one = a.shape().to_vec();
    one[ax] = 1;
    let edge = |p: &DynView<'_>| -> Result<DynArray> {
        if p.ndim() == 0 { Ok(p.broadcast_to(&one)?.to_owned()) } else { Ok(p.to_owned()) }
    };
    let mut cur: DynArray = if prepend.is_some() || append.is_some() {
        let mut parts: Vec<DynArray> = Vec::new();
        if let Some(p) = prepend {
            parts.push(edge(p)?);
        }
        parts.push(a.to_owned());
        if let Some(p) = append {
            parts.push(edge(p)?);
        }
        let views: Vec<DynView<'_>> = parts.iter().map(|p| p.view()).collect();
        concatenate(&views, ax as isize)?
    } else {
        a.to_owned()
    };
    let op = if cur.dtype().numeric() == Some(DType::Bool) { &NOT_EQUAL } else { &SUBTRACT };
    for _ in 0..n {
        let hi = along(&cur, ax, Some(1), None)?;
        let lo = along(&cur, ax, None, Some(-1))?;
        let next = call2(op, (&hi).into(), (&lo).into())?;
        cur = next;
    }
    Ok(cur)
}

/// `numpy.diff` of a typed array (the result has the input's type; bool differences are
/// `!=`).
///
/// # Errors
/// As [`diff_dyn`].
///
/// ```
/// use nprs_core::prelude::*;
/// let x = array![[1, 3, 6, 10], [0, 5, 6, 8]];
/// assert_eq!(nprs_ufunc::diff(&x, 1, 0, None, None)?.to_vec(), vec![-1, 2, 0, -2]);
/// # Ok::<(), nprs_core::Error>(())
/// ```
pub fn diff<S: Data>(
    a: &ArrayBase<S>,
    n: isize,
    axis: isize,
    prepend: Option<&ArrayBase<S>>,
    append: Option<&ArrayBase<S>>,
) -> Result<Array<S::Elem>> {
    let p = prepend.map(|p| DynView::from(p.view()));
    let q = append.map(|p| DynView::from(p.view()));
    diff_dyn(&DynView::from(a.view()), n, axis, p.as_ref(), q.as_ref())?.into_typed()
}

/// `numpy.ediff1d(ary, to_end, to_begin)`: the differences of the flattened array, with
/// `to_begin` and `to_end` (flattened, cast to `ary`'s dtype) around them.
///
/// # Errors
/// "dtype of `to_begin` must be compatible with input `ary` under the `same_kind` rule."
/// (and `to_end`), the subtract loop's `TypeError` for bool.
pub fn ediff1d_dyn<S: DynData>(
    ary: &DynBase<S>,
    to_end: Option<&DynView<'_>>,
    to_begin: Option<&DynView<'_>>,
) -> Result<DynArray> {
    let flat = ary.reshape(&[ary.size() as isize][..])?;
    let d = flat.dtype().clone();
    let prepared = |x: Option<&DynView<'_>>, which: &'static str| -> Result<Option<DynArray>> {
        let Some(x) = x else { return Ok(None) };
        if !can_cast(x.dtype(), &d, Casting::SameKind) {
            return Err(Error::Ediff1dCast { which });
        }
        Ok(Some(x.reshape(&[x.size() as isize][..])?.astype(&d)?))
    };
    let begin = prepared(to_begin, "to_begin")?;
    let end = prepared(to_end, "to_end")?;
    let n = flat.size() as isize;
    let hi = along(&flat, 0, Some(1), None)?;
    let lo = along(&flat, 0, None, Some((n - 1).max(0)))?;
    let mid = call2(&SUBTRACT, (&hi).into(), (&lo).into())?.astype(&d)?;
    if begin.is_none() && end.is_none() {
        return Ok(mid);
    }
    let mut views: Vec<DynView<'_>> = Vec::new();
    if let Some(b) = &begin {
        views.push(b.view());
    }
    views.push(mid.view());
    if let Some(e) = &end {
        views.push(e.view());
    }
    concatenate(&views, 0)
}

/// `numpy.ediff1d` of a typed array.
///
/// # Errors
/// As [`ediff1d_dyn`].
///
/// ```
/// use nprs_core::prelude::*;
/// let x = array![1, 2, 4, 7, 0];
/// let e = nprs_ufunc::ediff1d(&x, Some(&array![88, 99].view()), Some(&array![-99].view()))?;
/// assert_eq!(e.to_vec(), vec![-99, 1, 2, 3, -7, 88, 99]);
/// # Ok::<(), nprs_core::Error>(())
/// ```
pub fn ediff1d<S: Data, T: Element>(
    ary: &ArrayBase<S>,
    to_end: Option<&nprs_core::ArrayView<'_, T>>,
    to_begin: Option<&nprs_core::ArrayView<'_, T>>,
) -> Result<Array<S::Elem>> {
    let e = to_end.map(|p| DynView::from(p.view()));
    let b = to_begin.map(|p| DynView::from(p.view()));
    ediff1d_dyn(&DynView::from(ary.view()), e.as_ref(), b.as_ref())?.into_typed()
}

/// The spacing of one axis for [`gradient_dyn`]: a Python scalar, or the coordinates of
/// the points along the axis (float64; uniform coordinates become NumPy's float64 scalar
/// step, a strong operand).
#[derive(Clone, Copy, Debug)]
pub enum Spacing<'a> {
    /// A uniform step (a weak Python float).
    Scalar(f64),
    /// The coordinates along the axis.
    Coords(&'a [f64]),
}

/// One axis' step as NumPy holds it: a weak scalar, a strong float64 scalar, or the
/// differences of the coordinates.
enum Dx {
    Weak(f64),
    Strong(f64),
    Varying(Vec<f64>),
}

impl Dx {
    /// A constant as an operand: a Python float for a weak step, a float64 scalar (a 0-d
    /// array) when the step is NumPy's float64.
    fn operand(&self, v: f64) -> Result<Operand> {
        match self {
            Dx::Weak(_) => Ok(Operand::Weak(v)),
            _ => Ok(Operand::Strong(DynArray::from(Array::from_elem_0d(v)))),
        }
    }
}

/// An owned operand: a weak scalar or an array.
enum Operand {
    Weak(f64),
    Strong(DynArray),
}

impl Operand {
    fn op(&self) -> nprs_core::dynarray::Operand<'_> {
        match self {
            Operand::Weak(v) => (*v).into(),
            Operand::Strong(a) => a.into(),
        }
    }
}

/// `numpy.gradient(f, *varargs, axis=axis, edge_order=edge_order)` for a dynamic array:
/// one array per axis of `axis` (`None`: every axis), second-order central differences
/// inside and first- or second-order one-sided differences at the ends. `spacing` is
/// empty (unit steps), one scalar for every axis, or one entry per axis. The result is
/// float64 for integer input, the input's dtype for floats and complex numbers.
///
/// # Errors
/// "invalid number of arguments" (`TypeError`), "distances must be either scalars or 1d",
/// "when 1d, distances must match the length of the corresponding dimension",
/// "'edge_order' greater than 2 not supported", "Shape of array too small to calculate a
/// numerical gradient, at least (edge_order + 1) elements are required.", NumPy's
/// `AxisError`, bool input (NumPy's boolean subtract `TypeError`).
pub fn gradient_dyn<S: DynData>(
    f: &DynBase<S>,
    spacing: &[Spacing<'_>],
    axis: Option<&[isize]>,
    edge_order: usize,
) -> Result<Vec<DynArray>> {
    let nd = f.ndim();
    let axes: Vec<usize> = match axis {
        None => (0..nd).collect(),
        Some(ax) => nprs_core::dims::normalize_axes(ax, nd)?,
    };
    let dxs: Vec<Dx> = match spacing.len() {
        0 => axes.iter().map(|_| Dx::Weak(1.0)).collect(),
        1 if matches!(spacing[0], Spacing::Scalar(_)) => {
            let Spacing::Scalar(s) = spacing[0] else { unreachable!() };
            axes.iter().map(|_| Dx::Weak(s)).collect()
        }
        k if k == axes.len() => {
            let mut out = Vec::with_capacity(k);
            for (i, s) in spacing.iter().enumerate() {
                out.push(match *s {
                    Spacing::Scalar(v) => Dx::Weak(v),
                    Spacing::Coords(c) => {
                        if c.len() != f.shape()[axes[i]] {
                            return Err(Error::GradientDistances);
                        }
                        let d: Vec<f64> = c.windows(2).map(|w| w[1] - w[0]).collect();
                        match d.first() {
                            Some(&d0) if d.iter().all(|&x| x == d0) => Dx::Strong(d0),
                            _ => Dx::Varying(d),
                        }
                    }
                });
            }
            out
        }
        _ => return Err(Error::GradientArguments),
    };
    if edge_order > 2 {
        return Err(Error::GradientEdgeOrder);
    }
    let otype: DType = match f.dtype().numeric() {
        Some(t @ (DType::Float16 | DType::Float32 | DType::Float64 | DType::Complex64 | DType::Complex128)) => t,
        Some(DType::Bool) => return Err(Error::BoolSubtract),
        Some(_) => DType::Float64,
        None => return Err(Error::NotNumeric { op: "gradient", dtype: f.dtype().to_string() }),
    };
    let f: DynArray = if f.dtype().numeric() == Some(otype) { f.to_owned() } else { f.astype(&otype.into())? };
    let mut outs = Vec::with_capacity(axes.len());
    for (&ax, dx) in axes.iter().zip(&dxs) {
        let n = f.shape()[ax];
        if n < edge_order + 1 {
            return Err(Error::GradientTooSmall);
        }
        let sl = |s: isize, e: Option<isize>| along(&f, ax, Some(s), e);
        let mut shape1 = vec![1isize; nd];
        shape1[ax] = -1;
        let col = |v: Vec<f64>| -> Result<DynArray> { DynArray::from(Array::from_vec(v)).into_shape(&shape1[..]) };
        // the interior
        let inner = match dx {
            Dx::Weak(h) | Dx::Strong(h) => {
                let num = call2(&SUBTRACT, (&sl(2, None)?).into(), (&sl(0, Some(-2))?).into())?;
                call2(&DIVIDE, (&num).into(), dx.operand(2.0 * h)?.op())?
            }
            Dx::Varying(d) => {
                let (d1, d2) = (&d[..d.len() - 1], &d[1..]);
                let a: Vec<f64> = d1.iter().zip(d2).map(|(&x1, &x2)| -(x2) / (x1 * (x1 + x2))).collect();
                let b: Vec<f64> = d1.iter().zip(d2).map(|(&x1, &x2)| (x2 - x1) / (x1 * x2)).collect();
                let c: Vec<f64> = d1.iter().zip(d2).map(|(&x1, &x2)| x1 / (x2 * (x1 + x2))).collect();
                three(
                    &Operand::Strong(col(a)?),
                    &sl(0, Some(-2))?,
                    &Operand::Strong(col(b)?),
                    &sl(1, Some(-1))?,
                    &Operand::Strong(col(c)?),
                    &sl(2, None)?,
                )?
            }
        };
        let (first, last) = if edge_order == 1 {
            let (d0, dn) = match dx {
                Dx::Weak(h) | Dx::Strong(h) => (dx.operand(*h)?, dx.operand(*h)?),
                Dx::Varying(d) => (dx.operand(d[0])?, dx.operand(d[d.len() - 1])?),
            };
            let n = n as isize;
            let f0 = call2(&SUBTRACT, (&sl(1, Some(2))?).into(), (&sl(0, Some(1))?).into())?;
            let fl = call2(&SUBTRACT, (&sl(n - 1, None)?).into(), (&sl(n - 2, Some(n - 1))?).into())?;
            (call2(&DIVIDE, (&f0).into(), d0.op())?, call2(&DIVIDE, (&fl).into(), dn.op())?)
        } else {
            let ((a0, b0, c0), (an, bn, cn)) = match dx {
                Dx::Weak(h) | Dx::Strong(h) => ((-1.5 / h, 2. / h, -0.5 / h), (0.5 / h, -2. / h, 1.5 / h)),
                Dx::Varying(d) => {
                    let (x1, x2) = (d[0], d[1]);
                    let head = (-(2. * x1 + x2) / (x1 * (x1 + x2)), (x1 + x2) / (x1 * x2), -x1 / (x2 * (x1 + x2)));
                    let (x1, x2) = (d[d.len() - 2], d[d.len() - 1]);
                    let tail = (x2 / (x1 * (x1 + x2)), -(x2 + x1) / (x1 * x2), (2. * x2 + x1) / (x2 * (x1 + x2)));
                    (head, tail)
                }
            };
            let n = n as isize;
            let first = three(
                &dx.operand(a0)?,
                &sl(0, Some(1))?,
                &dx.operand(b0)?,
                &sl(1, Some(2))?,
                &dx.operand(c0)?,
                &sl(2, Some(3))?,
            )?;
            let last = three(
                &dx.operand(an)?,
                &sl(n - 3, Some(n - 2))?,
                &dx.operand(bn)?,
                &sl(n - 2, Some(n - 1))?,
                &dx.operand(cn)?,
                &sl(n - 1, None)?,
            )?;
            (first, last)
        };
        let d = otype.into();
        let parts = [first.astype(&d)?, inner.astype(&d)?, last.astype(&d)?];
        let views: Vec<DynView<'_>> = parts.iter().map(|p| p.view()).collect();
        outs.push(concatenate(&views, ax as isize)?);
    }
    Ok(outs)
}

/// `a*x + b*y + c*z` as NumPy evaluates it (left to right).
fn three(a: &Operand, x: &DynView<'_>, b: &Operand, y: &DynView<'_>, c: &Operand, z: &DynView<'_>) -> Result<DynArray> {
    let ax = call2(&MULTIPLY, a.op(), x.into())?;
    let by = call2(&MULTIPLY, b.op(), y.into())?;
    let cz = call2(&MULTIPLY, c.op(), z.into())?;
    let s = call2(&ADD, (&ax).into(), (&by).into())?;
    call2(&ADD, (&s).into(), (&cz).into())
}

/// `numpy.gradient` of a typed array: float64 for integers, the input's type for floats.
///
/// # Errors
/// As [`gradient_dyn`].
///
/// ```
/// use nprs_core::prelude::*;
/// use nprs_ufunc::{Spacing, gradient};
/// let f = array![1.0, 2.0, 4.0, 7.0, 11.0, 16.0];
/// let g = gradient::<_, f64>(&f, &[Spacing::Scalar(2.0)], None, 1)?;
/// assert_eq!(g[0].to_vec(), vec![0.5, 0.75, 1.25, 1.75, 2.25, 2.5]);
/// # Ok::<(), nprs_core::Error>(())
/// ```
pub fn gradient<S: Data, O: Element>(
    f: &ArrayBase<S>,
    spacing: &[Spacing<'_>],
    axis: Option<&[isize]>,
    edge_order: usize,
) -> Result<Vec<Array<O>>> {
    gradient_dyn(&DynView::from(f.view()), spacing, axis, edge_order)?.into_iter().map(DynArray::into_typed).collect()
}

/// The spacing of [`trapezoid_dyn`]: a scalar `dx` (a weak Python float) or sample points
/// `x` (1-d along `axis`, or of `y`'s shape).
#[derive(Clone, Copy, Debug)]
pub enum Sample<'a> {
    /// `dx=`.
    Dx(f64),
    /// `x=`.
    X(&'a DynView<'a>),
}

/// `numpy.trapezoid(y, x, dx, axis)`: the composite trapezoidal rule along `axis`,
/// `sum(d * (y[1:] + y[:-1]) / 2.0)`, summed as `add.reduce` sums.
///
/// # Errors
/// NumPy's `AxisError`; broadcast errors when `x` does not fit `y`.
///
/// ```
/// use nprs_core::prelude::*;
/// use nprs_core::DynArray;
/// use nprs_ufunc::{Sample, trapezoid_dyn};
/// let y = DynArray::from(array![1.0, 2.0, 3.0]);
/// let r = trapezoid_dyn(&y, Sample::Dx(1.0), -1)?;
/// assert_eq!(r.typed::<f64>()?.to_vec(), vec![4.0]);
/// # Ok::<(), nprs_core::Error>(())
/// ```
pub fn trapezoid_dyn<S: DynData>(y: &DynBase<S>, sample: Sample<'_>, axis: isize) -> Result<DynArray> {
    let ax = normalize_axis(axis, y.ndim())?;
    let d: Operand = match sample {
        Sample::Dx(h) => Operand::Weak(h),
        Sample::X(x) if x.ndim() == 1 => {
            let dd = diff_dyn(x, 1, -1, None, None)?;
            let mut shape = vec![1isize; y.ndim()];
            shape[ax] = dd.size() as isize;
            Operand::Strong(dd.into_shape(&shape[..])?)
        }
        Sample::X(x) => Operand::Strong(diff_dyn(x, 1, axis, None, None)?),
    };
    let hi = along(y, ax, Some(1), None)?;
    let lo = along(y, ax, None, Some(-1))?;
    let s = call2(&ADD, (&hi).into(), (&lo).into())?;
    let p = call2(&MULTIPLY, d.op(), (&s).into())?;
    let h = call2(&DIVIDE, (&p).into(), 2.0.into())?;
    ADD.reduce(&h.view(), &ReduceOptions::new().axis(ax as isize))
}

/// `numpy.trapezoid` of a typed array with `dx` (a weak Python float): a 0-d array for
/// 1-d input.
///
/// # Errors
/// As [`trapezoid_dyn`].
pub fn trapezoid<S: Data, O: Element>(y: &ArrayBase<S>, dx: f64, axis: isize) -> Result<Array<O>> {
    trapezoid_dyn(&DynView::from(y.view()), Sample::Dx(dx), axis)?.into_typed()
}
