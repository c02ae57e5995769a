//! Every ufunc of nprs-ufunc on masked arrays, through one wrapper ([`apply`]).
//!
//! Operands of one shape, C-contiguous and of the element type of the ufunc's loop take
//! one pass over blocks (`kernels::fused`): each block is computed everywhere with the
//! ufunc's own loop, as `numpy.ma` computes, then masked and fixed up while it is in
//! cache. Other operands are computed with `where = !mask`. Either way the wrapper ORs
//! the inputs' masks and ORs the ufunc's domain into the result's mask, following
//! `numpy.ma`'s rules:
//! - **plain** ufuncs (`add`, `exp`, `maximum`, …; NumPy's `_MaskedUnaryOperation` and
//!   `_MaskedBinaryOperation`): the mask is the OR of the inputs' masks (`nomask` when
//!   none has one); masked positions of the data hold the first input's data (cast to the
//!   result's dtype, unsafely for binary ufuncs; for unary ones only when a `same_kind`
//!   cast exists, else the computed value, as NumPy's `copyto` does);
//! - **unary domains** (`sqrt` x < 0, `log`/`log2`/`log10` x ≤ 0, `arcsin`/`arccos`
//!   outside [-1, 1], `arccosh` x < 1, `arctanh` outside (-1+1e-15, 1-1e-15), `tan` where
//!   |cos x| < 1e-35): also masked where the result is not finite; masked data is the
//!   input's;
//! - **binary domains** (`divide`, `floor_divide`, `remainder`, `fmod`; NumPy's
//!   `_DomainSafeDivide`: |a|·tiny ≥ |b|): also masked where the result is not finite;
//!   masked data is `0 + a` when `a`'s dtype casts safely to the result's, else 0;
//! - **power**: masked where either input is or the result is not finite; data is `a`
//!   where an input is masked and the fill value where the result is not finite.
//!
//! Python scalars in `numpy.ma` become 0-d arrays (strong dtypes: `ma.add(float32, 1)` is
//! float64), and so do the Rust scalars given here. The divide-by-zero and invalid
//! conditions of the computation are ignored, as `numpy.ma` ignores them; overflow and
//! underflow follow the error state.

use nprs_core::fpstatus::{ErrAction, ErrState, errstate, geterr};
use nprs_core::kernel::{map, zip_map};
use nprs_core::{
    Array, ArrayView, Casting, Descr, DynArray, DynView, Element, Operand, Scalar, TypeArg, UfuncOptions,
    broadcast_shapes, can_cast,
};
use nprs_ufunc::Ufunc;
use nprs_ufunc::ufuncs::{ABSOLUTE, ADD, GREATER, GREATER_EQUAL, ISFINITE, LESS, LESS_EQUAL, MULTIPLY};

use crate::array::{MaData, MaskedArray, as_mask};
use crate::error::{Error, Result};
use crate::kernels::Domain;

/// An input of a masked ufunc: a masked array, a plain array (no mask) or a scalar.
pub struct MaOperand<'a> {
    pub(crate) data: DynView<'a>,
    pub(crate) mask: Option<&'a Array<bool>>,
    pub(crate) fill: Option<&'a DynArray>,
}

impl<'a, D: MaData> From<&'a MaskedArray<D>> for MaOperand<'a> {
    fn from(m: &'a MaskedArray<D>) -> Self {
        MaOperand { data: m.data.dyn_view(), mask: m.mask.as_ref(), fill: m.fill_value.as_ref() }
    }
}

impl<'a> From<&'a DynArray> for MaOperand<'a> {
    fn from(a: &'a DynArray) -> Self {
        MaOperand { data: a.view(), mask: None, fill: None }
    }
}

impl<'a, T: Element> From<&'a Array<T>> for MaOperand<'a> {
    fn from(a: &'a Array<T>) -> Self {
        MaOperand { data: DynView::from(a.view()), mask: None, fill: None }
    }
}

/// A scalar as `numpy.ma` holds it: a 0-d array of its default dtype (`int64`, `float64`,
/// `complex128`, `bool`).
///
/// # Errors
/// Strings and records are not ufunc operands.
pub fn scalar_array(s: impl Into<Scalar>) -> Result<DynArray> {
    let s = s.into();
    let d: Descr = match TypeArg::of_scalar(&s) {
        TypeArg::DType(d) => d,
        TypeArg::Bool => nprs_core::DType::Bool.into(),
        TypeArg::Int => nprs_core::DType::Int64.into(),
        TypeArg::Float => nprs_core::DType::Float64.into(),
        TypeArg::Complex => nprs_core::DType::Complex128.into(),
    };
    Ok(DynArray::from_scalars(&[], &d, &[s])?)
}

/// How `numpy.ma` treats a ufunc.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Rule {
    Plain,
    /// Masked where `x <= v`.
    Greater(f64),
    /// Masked where `x < v`.
    GreaterEqual(f64),
    /// Masked outside `[a, b]`.
    Interval(f64, f64),
    /// Masked where `|cos x| < eps`.
    Tan(f64),
    /// `_DomainSafeDivide`.
    SafeDivide,
    Power,
}

fn rule_of(name: &str) -> Rule {
    match name {
        "sqrt" => Rule::GreaterEqual(0.0),
        "log" | "log2" | "log10" => Rule::Greater(0.0),
        "tan" => Rule::Tan(1e-35),
        "arcsin" | "arccos" => Rule::Interval(-1.0, 1.0),
        "arccosh" => Rule::GreaterEqual(1.0),
        "arctanh" => Rule::Interval(-1.0 + 1e-15, 1.0 - 1e-15),
        "divide" | "true_divide" | "floor_divide" | "remainder" | "fmod" => Rule::SafeDivide,
        "power" => Rule::Power,
        _ => Rule::Plain,
    }
}

fn call1(u: &Ufunc, ops: &[Operand<'_>]) -> Result<DynArray> {
    Ok(u.call(ops, UfuncOptions::new())?)
}

fn view(a: &DynArray) -> Operand<'_> {
    Operand::Array(a.view())
}

/// A bool array from a ufunc's result as a typed mask (moved when it is bool: no copy).
fn into_mask(a: DynArray) -> Result<Array<bool>> {
    if a.dtype().numeric() == Some(nprs_core::DType::Bool) && a.dtype().is_native() {
        return Ok(a.into_typed::<bool>()?);
    }
    as_mask(&a.view())
}

/// The domain of a unary ufunc: where the input is outside it.
fn unary_domain(rule: Rule, x: &DynView<'_>) -> Result<Option<Array<bool>>> {
    let x = || Operand::Array(x.reborrow());
    let f = |v: f64| Operand::Scalar(Scalar::Float(v));
    let r = match rule {
        Rule::Greater(v) => call1(&LESS_EQUAL, &[x(), f(v)])?,
        Rule::GreaterEqual(v) => call1(&LESS, &[x(), f(v)])?,
        Rule::Interval(a, b) => {
            let hi = into_mask(call1(&GREATER, &[x(), f(b)])?)?;
            let lo = into_mask(call1(&LESS, &[x(), f(a)])?)?;
            return Ok(Some(or(&hi.view(), &lo.view())?));
        }
        Rule::Tan(eps) => {
            let cos = nprs_ufunc::by_name("cos").ok_or(Error::UnknownUfunc { name: "cos" })?;
            let c = call1(cos, &[x()])?;
            let c = call1(&ABSOLUTE, &[view(&c)])?;
            call1(&LESS, &[view(&c), f(eps)])?
        }
        _ => return Ok(None),
    };
    Ok(Some(into_mask(r)?))
}

/// `_DomainSafeDivide`: `|a| * tiny >= |b|` (every floating-point condition ignored, as
/// NumPy's domain does).
fn safe_divide_domain(a: &DynView<'_>, b: &DynView<'_>) -> Result<Array<bool>> {
    errstate(ErrState::all(ErrAction::Ignore), || safe_divide_domain_quiet(a, b))
}

fn safe_divide_domain_quiet(a: &DynView<'_>, b: &DynView<'_>) -> Result<Array<bool>> {
    let aa = call1(&ABSOLUTE, &[Operand::Array(a.reborrow())])?;
    let scaled = call1(&MULTIPLY, &[view(&aa), Operand::Scalar(Scalar::Float(f64::MIN_POSITIVE))])?;
    let bb = call1(&ABSOLUTE, &[Operand::Array(b.reborrow())])?;
    into_mask(call1(&GREATER_EQUAL, &[view(&scaled), view(&bb)])?)
}

/// `isfinite(x)`.
fn finite(x: &DynArray) -> Result<Array<bool>> {
    into_mask(call1(&ISFINITE, &[view(x)])?)
}

/// `a | b` for masks of one shape.
fn or(a: &ArrayView<'_, bool>, b: &ArrayView<'_, bool>) -> Result<Array<bool>> {
    Ok(zip_map(a, b, |x, y| x | y)?)
}

/// The OR of masks broadcast to `shape` (`None` when there are none): NumPy's
/// `mask_or` of the inputs' masks, a new array.
fn or_all(masks: &[ArrayView<'_, bool>], shape: &[usize]) -> Result<Option<Array<bool>>> {
    let Some((first, rest)) = masks.split_first() else { return Ok(None) };
    let mut m = match rest.split_first() {
        None if first.shape() == shape => first.to_owned(),
        None => first.broadcast_to(shape)?.to_owned(),
        Some((second, _)) => zip_map(&first.broadcast_to(shape)?, second, |x, y| x | y)?,
    };
    for k in rest.iter().skip(1) {
        m = or(&m.view(), k)?;
    }
    Ok(Some(m))
}

/// NumPy's `copyto(dst, src, where=m)`: `src` (broadcast, cast unsafely) where `m`, else
/// `dst`.
fn put_where(m: &Array<bool>, src: &DynView<'_>, dst: &DynArray) -> Result<DynArray> {
    if src.dtype() == dst.dtype() {
        return crate::kernels::select(&m.view(), src, &dst.view());
    }
    let s = src.astype_casting(dst.dtype(), Casting::Unsafe)?;
    crate::kernels::select(&m.view(), &s.view(), &dst.view())
}

/// Runs the ufunc's first output: where `keep` is given, only where it is true, and
/// `fill` (broadcast and cast to the output's dtype; zeros when `None`) elsewhere.
fn compute(
    u: &Ufunc,
    datas: &[DynView<'_>],
    shape: &[usize],
    out_dtype: &Descr,
    fill: Option<&DynView<'_>>,
    keep: Option<&Array<bool>>,
) -> Result<DynArray> {
    let ops: Vec<Operand<'_>> = datas.iter().map(|d| Operand::Array(d.reborrow())).collect();
    let Some(keep) = keep else { return call1(u, &ops) };
    let mut out = match fill {
        Some(f) => f.broadcast_to(shape)?.astype_casting(out_dtype, Casting::Unsafe)?,
        None => DynArray::zeros(shape, out_dtype)?,
    };
    let keep = DynView::from(keep.view());
    u.call(&ops, UfuncOptions::new().out(out.view_mut()).where_mask(&keep))?;
    Ok(out)
}

/// `numpy.ma`'s version of `ufunc` applied to masked arrays, plain arrays and scalars
/// (the rules are in the crate docs). Returns the first output.
///
/// ```
/// use nprs_core::{array, DynArray};
/// use nprs_ma::{apply, masked_array};
/// use nprs_ufunc::ufuncs::{DIVIDE, SQRT};
///
/// let a = masked_array(array![4.0, -1.0, 9.0], &array![false, false, true])?;
/// let r = apply(&SQRT, &[(&a).into()])?;
/// assert_eq!(r.to_string(), "[2.0 -- --]");
/// let b = DynArray::from(array![2.0, 0.0, 3.0]);
/// assert_eq!(apply(&DIVIDE, &[(&a).into(), (&b).into()])?.to_string(), "[2.0 -- --]");
/// # Ok::<(), nprs_ma::Error>(())
/// ```
///
/// # Errors
/// A wrong number of inputs (NumPy's `TypeError`), and the ufunc's own errors (no loop
/// for the dtypes, shapes that do not broadcast).
pub fn apply(u: &Ufunc, inputs: &[MaOperand<'_>]) -> Result<MaskedArray> {
    if inputs.len() != u.nin {
        return Err(Error::Arity { ufunc: u.name, nin: u.nin, given: inputs.len() });
    }
    let quiet = ErrState { divide: ErrAction::Ignore, invalid: ErrAction::Ignore, ..geterr() };
    errstate(quiet, || apply_quiet(u, inputs))
}

fn apply_quiet(u: &Ufunc, inputs: &[MaOperand<'_>]) -> Result<MaskedArray> {
    let datas: Vec<DynView<'_>> = inputs.iter().map(|i| i.data.reborrow()).collect();
    let shapes: Vec<&[usize]> = datas.iter().map(|d| d.shape()).collect();
    let shape = broadcast_shapes(&shapes)?;
    let rule = if u.nout == 1 { rule_of(u.name) } else { Rule::Plain };
    let given: Vec<&Array<bool>> = inputs.iter().filter_map(|i| i.mask).collect();
    let domain = match rule {
        Rule::Plain if !given.is_empty() => Some(Domain::None),
        Rule::Greater(v) => Some(Domain::Below { v, inclusive: true }),
        Rule::GreaterEqual(v) => Some(Domain::Below { v, inclusive: false }),
        Rule::Interval(lo, hi) => Some(Domain::Outside { lo, hi }),
        _ => None,
    };
    if let Some(domain) = domain
        && let Some((data, mask, flags)) = crate::kernels::fused(u, &datas, &given, domain)?
    {
        nprs_core::fpstatus::check(flags, u.name)?;
        return Ok(with_fill(MaskedArray::from_parts(data, Some(mask)), inputs));
    }
    let masks: Vec<ArrayView<'_, bool>> =
        inputs.iter().filter_map(|i| i.mask).map(|m| m.broadcast_to(&shape)).collect::<nprs_core::Result<_>>()?;
    let m_in = or_all(&masks, &shape)?;
    // Where the ufunc computes: the unmasked positions.
    let keep_in = m_in.as_ref().map(|m| map(m, |x| !x));
    let args: Vec<TypeArg> = datas.iter().map(|d| TypeArg::DType(d.dtype().clone())).collect();
    let resolved = u.resolve(&args, &UfuncOptions::new())?;
    let out_dtype: Descr = resolved.dtypes[u.nin].into();
    let first = &datas[0];
    let (data, mask) = match rule {
        Rule::Plain if u.nin == 1 && !can_cast(first.dtype(), &out_dtype, Casting::SameKind) => {
            (compute(u, &datas, &shape, &out_dtype, None, None)?, m_in)
        }
        Rule::Plain => (compute(u, &datas, &shape, &out_dtype, Some(first), keep_in.as_ref())?, m_in),
        Rule::SafeDivide => {
            let r = compute(u, &datas, &shape, &out_dtype, None, keep_in.as_ref())?;
            let dom = safe_divide_domain(&datas[0], &datas[1])?;
            let mut m = zip_map(&finite(&r)?, &dom.broadcast_to(&shape)?, |f, d| !f | d)?;
            if let Some(mi) = &m_in {
                m = or(&m.view(), &mi.view())?;
            }
            let zero = scalar_array(0i64)?;
            let mut r = put_where(&m, &zero.view(), &r)?;
            if can_cast(first.dtype(), r.dtype(), Casting::Safe) {
                let md =
                    call1(&MULTIPLY, &[Operand::Array(DynView::from(m.view())), Operand::Array(first.reborrow())])?;
                let sum = call1(&ADD, &[view(&r), view(&md)])?;
                r = if sum.dtype() == r.dtype() { sum } else { sum.astype_casting(r.dtype(), Casting::Unsafe)? };
            }
            (r, Some(m))
        }
        Rule::Power => {
            let p = compute(u, &datas, &shape, &out_dtype, Some(first), keep_in.as_ref())?;
            let invalid = map(&finite(&p)?, |f| !f);
            let any_invalid = crate::kernels::any(&invalid.view(), true);
            let mask = match &m_in {
                Some(mi) => Some(or(&mi.view(), &invalid.view())?),
                None if any_invalid => Some(invalid.clone()),
                None => None,
            };
            let p = if any_invalid {
                let holder = MaskedArray { data: p, mask: None, fill_value: inputs[0].fill.cloned(), hard_mask: false };
                let f = holder.fill_in_dtype(None)?;
                put_where(&invalid, &f.view(), &holder.data)?
            } else {
                p
            };
            (p, mask)
        }
        domain => {
            // Masked where the input is masked or outside the domain or the result is not
            // finite; there the data is the input's when it casts (same kind) to the
            // result, so inputs outside the domain are not computed either.
            let copy_back = can_cast(first.dtype(), &out_dtype, Casting::SameKind);
            let dm = errstate(ErrState::all(ErrAction::Ignore), || unary_domain(domain, first))?;
            let keep = match (&dm, copy_back) {
                (Some(d), true) => {
                    let d = d.broadcast_to(&shape)?;
                    Some(match &m_in {
                        Some(mi) => zip_map(mi, &d, |p, q| !(p | q))?,
                        None => map(&d, |q| !q),
                    })
                }
                _ => keep_in,
            };
            let r = compute(u, &datas, &shape, &out_dtype, Some(first), keep.as_ref())?;
            let fin = finite(&r)?;
            let m = match &keep {
                Some(k) => zip_map(k, &fin, |k, f| !k | !f)?,
                None => map(&fin, |f| !f),
            };
            let m = match &dm {
                Some(d) if !copy_back => or(&m.view(), &d.broadcast_to(&shape)?)?,
                _ => m,
            };
            // Positions computed and then masked get the input's data back.
            let skipped = keep.as_ref().map_or(0, |k| crate::kernels::count(&k.view(), false));
            let r = if copy_back && crate::kernels::count(&m.view(), true) > skipped {
                put_where(&m, first, &r)?
            } else {
                r
            };
            (r, Some(m))
        }
    };
    Ok(with_fill(MaskedArray::from_parts(data, mask), inputs))
}

/// `_update_from(a)`: a masked first input passes on its fill value when the dtype keeps
/// it.
fn with_fill(mut out: MaskedArray, inputs: &[MaOperand<'_>]) -> MaskedArray {
    if let Some(f) = inputs.iter().find(|i| i.mask.is_some() || i.fill.is_some()).and_then(|i| i.fill)
        && f.dtype() == out.data.dtype()
    {
        out.fill_value = Some(f.clone());
    }
    out
}

/// `numpy.ma`'s unary ufunc by NumPy name (`"log"`).
///
/// # Errors
/// [`Error::UnknownUfunc`] when nprs-ufunc has no such ufunc; as [`apply`].
pub fn unary_by_name(name: &'static str, a: MaOperand<'_>) -> Result<MaskedArray> {
    let u = nprs_ufunc::by_name(name).ok_or(Error::UnknownUfunc { name })?;
    apply(u, &[a])
}

/// `numpy.ma`'s binary ufunc by NumPy name (`"hypot"`).
///
/// # Errors
/// [`Error::UnknownUfunc`] when nprs-ufunc has no such ufunc; as [`apply`].
pub fn binary_by_name(name: &'static str, a: MaOperand<'_>, b: MaOperand<'_>) -> Result<MaskedArray> {
    let u = nprs_ufunc::by_name(name).ok_or(Error::UnknownUfunc { name })?;
    apply(u, &[a, b])
}

macro_rules! unary_fns {
    ($($name:ident),* $(,)?) => {$(
        #[doc = concat!("`numpy.ma.", stringify!($name), "`: the ufunc on a masked array (see [`apply`]).")]
        ///
        /// # Errors
        /// As [`apply`]; [`Error::UnknownUfunc`] when nprs-ufunc does not have it.
        pub fn $name<'a>(a: impl Into<MaOperand<'a>>) -> Result<MaskedArray> {
            unary_by_name(stringify!($name), a.into())
        }
    )*};
}

macro_rules! binary_fns {
    ($($name:ident),* $(,)?) => {$(
        #[doc = concat!("`numpy.ma.", stringify!($name), "`: the ufunc on masked arrays (see [`apply`]).")]
        ///
        /// # Errors
        /// As [`apply`]; [`Error::UnknownUfunc`] when nprs-ufunc does not have it.
        pub fn $name<'a, 'b>(a: impl Into<MaOperand<'a>>, b: impl Into<MaOperand<'b>>) -> Result<MaskedArray> {
            binary_by_name(stringify!($name), a.into(), b.into())
        }
    )*};
}

unary_fns!(
    exp,
    conjugate,
    sin,
    cos,
    arctan,
    arcsinh,
    sinh,
    cosh,
    tanh,
    absolute,
    fabs,
    negative,
    floor,
    ceil,
    logical_not,
    sqrt,
    log,
    log2,
    log10,
    tan,
    arcsin,
    arccos,
    arccosh,
    arctanh,
);

binary_fns!(
    add,
    subtract,
    multiply,
    arctan2,
    equal,
    not_equal,
    less_equal,
    greater_equal,
    less,
    greater,
    logical_and,
    logical_or,
    logical_xor,
    bitwise_and,
    bitwise_or,
    bitwise_xor,
    hypot,
    divide,
    floor_divide,
    remainder,
    fmod,
    power,
);
