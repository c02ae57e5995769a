//! Type resolution: which loop of a ufunc runs for the inputs' dtypes, as NumPy picks it.
//!
//! - NumPy's default is a linear search: the first loop, in the table's order, that every
//!   input reaches by a safe cast. A Rust number is a NEP 50 weak scalar: a weak integer
//!   reaches any integer, float or complex loop, a weak float any float or complex loop, a
//!   weak complex any complex loop. When every input is a scalar, the scalars take their
//!   default dtypes (int64, float64, complex128) as arrays would.
//! - Arithmetic ufuncs (`add`, `maximum`, …) use NumPy's uniform resolver: the loop whose
//!   inputs are all `result_type` of the inputs (weak scalars included), falling back to
//!   the linear search with that dtype (`bool % bool` runs on int8).
//! - `dtype=` (the outputs' dtype) and `signature=` pin operands: the loop must have those
//!   dtypes; the uniform resolver then takes the pinned dtype for every operand and checks
//!   the inputs against the casting rule.
//!
//! Resolutions without `dtype=`/`signature=` are cached per ufunc by the inputs' dtypes.

use nprs_core::promote::dtype_class;
use nprs_core::{Casting, DType, Descr, Error, Result, TypeArg, UfuncOptions, can_cast, result_type};

use super::{Resolved, Ufunc, not_supported};

/// How a ufunc picks its loop (NumPy's type resolvers).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Resolver {
    /// The first loop every input reaches by a safe cast (`sqrt`, `isnan`).
    Default,
    /// Every input in `result_type` of the inputs (`add`, `maximum`, comparisons); when no
    /// loop has that dtype, the first loop it reaches by a safe cast (`bool % bool` runs
    /// on int8).
    Uniform,
    /// Every input in `result_type` of the inputs, and no other loop (`positive`, `sign`:
    /// a bool input has none).
    UniformExact,
    /// As [`Uniform`](Self::Uniform), except that int64 with uint64 compares by value in
    /// the mixed loops (NumPy's `qQ->?`) rather than in float64 (comparisons).
    Comparison,
    /// As [`Uniform`](Self::Uniform), with integer and bool inputs computed in float64
    /// (`true_divide`).
    TrueDivide,
    /// As [`Uniform`](Self::Uniform), refusing booleans with NumPy's message (`subtract`).
    Subtract,
    /// As [`Uniform`](Self::Uniform), refusing booleans with NumPy's message (`negative`).
    Negative,
}

/// A dtype's code in cache keys (0–13), weak kinds 14–16.
fn key_code(a: &TypeArg) -> Option<u8> {
    const ORDER: [DType; 14] = [
        DType::Bool,
        DType::Int8,
        DType::Int16,
        DType::Int32,
        DType::Int64,
        DType::UInt8,
        DType::UInt16,
        DType::UInt32,
        DType::UInt64,
        DType::Float16,
        DType::Float32,
        DType::Float64,
        DType::Complex64,
        DType::Complex128,
    ];
    match a {
        TypeArg::DType(d) => {
            let t = d.numeric()?;
            ORDER.iter().position(|&o| o == t).map(|p| p as u8)
        }
        TypeArg::Bool => Some(0),
        TypeArg::Int => Some(14),
        TypeArg::Float => Some(15),
        TypeArg::Complex => Some(16),
    }
}

/// An input of the search: a strong dtype or a weak kind.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Arg {
    Strong(DType),
    WeakInt,
    WeakFloat,
    WeakComplex,
}

impl Arg {
    /// Whether this input reaches loop dtype `t` under `casting` (at most `safe`).
    fn reaches(self, t: DType, casting: Casting) -> bool {
        match self {
            Arg::Strong(d) => can_cast(&d.into(), &t.into(), casting),
            Arg::WeakInt => matches!(t.kind(), 'i' | 'u' | 'f' | 'c'),
            Arg::WeakFloat => matches!(t.kind(), 'f' | 'c'),
            Arg::WeakComplex => t.kind() == 'c',
        }
    }
}

/// The search arguments, or NumPy's error for a non-numeric input.
fn search_args(u: &Ufunc, args: &[TypeArg]) -> Result<Vec<Arg>> {
    let all_weak = args.iter().all(|a| !matches!(a, TypeArg::DType(_)));
    args.iter()
        .map(|a| {
            Ok(match a {
                TypeArg::DType(d) => Arg::Strong(d.numeric().ok_or_else(|| no_loop(u, args))?),
                TypeArg::Bool => Arg::Strong(DType::Bool),
                TypeArg::Int if all_weak => Arg::Strong(DType::Int64),
                TypeArg::Float if all_weak => Arg::Strong(DType::Float64),
                TypeArg::Complex if all_weak => Arg::Strong(DType::Complex128),
                TypeArg::Int => Arg::WeakInt,
                TypeArg::Float => Arg::WeakFloat,
                TypeArg::Complex => Arg::WeakComplex,
            })
        })
        .collect()
}

/// The category of a kind in NumPy's legacy scalar rule: bool 0, integers 1, floats and
/// complex numbers 2.
fn category(kind: char) -> u8 {
    match kind {
        'b' => 0,
        'i' | 'u' => 1,
        _ => 2,
    }
}

/// NumPy's rule for Python scalars in the linear search (`should_use_min_scalar`): a weak
/// scalar stays weak (reaching any loop of its kind or above) only when its category (int
/// 1; float and complex 2) is at most that of the arrays; otherwise every scalar takes its
/// default dtype (int64, float64, complex128) as a strong input. So `arctan2(int8, 1)`
/// runs in float16, but `arctan2(int8, 1.0)` and `power(bool, 1)` in float64 and int64,
/// and `power(float32, 1j)` in complex64.
fn legacy_scalars(sargs: &[Arg], args: &[TypeArg]) -> Vec<Arg> {
    let array_cat = sargs
        .iter()
        .zip(args)
        .filter(|(_, a)| matches!(a, TypeArg::DType(_) | TypeArg::Bool))
        .filter_map(|(s, _)| match s {
            Arg::Strong(t) => Some(category(t.kind())),
            _ => None,
        })
        .max();
    let scalar_cat = sargs
        .iter()
        .filter_map(|s| match s {
            Arg::WeakInt => Some(1),
            Arg::WeakFloat | Arg::WeakComplex => Some(2),
            Arg::Strong(_) => None,
        })
        .max();
    match (array_cat, scalar_cat) {
        (Some(a), Some(s)) if s > a => sargs
            .iter()
            .map(|s| match s {
                Arg::WeakInt => Arg::Strong(DType::Int64),
                Arg::WeakFloat => Arg::Strong(DType::Float64),
                Arg::WeakComplex => Arg::Strong(DType::Complex128),
                strong => *strong,
            })
            .collect(),
        _ => sargs.to_vec(),
    }
}

/// NumPy's "did not contain a loop with signature matching types" for these arguments.
fn no_loop(u: &Ufunc, args: &[TypeArg]) -> Error {
    let shown = args
        .iter()
        .map(|a| match a {
            TypeArg::DType(d) => format!("{d:?}"),
            TypeArg::Bool => "dtype('bool')".into(),
            TypeArg::Int => "dtype('int64')".into(),
            TypeArg::Float => "dtype('float64')".into(),
            TypeArg::Complex => "dtype('complex128')".into(),
        })
        .collect();
    Error::UFuncNoLoop { ufunc: u.name.to_string(), types: shown }
}

/// The pinned dtype of each operand (`signature=`, or `dtype=` for the outputs).
fn pins(u: &Ufunc, opts: &UfuncOptions<'_>) -> Result<Option<Vec<Option<DType>>>> {
    let numeric = |d: &Descr| d.numeric().ok_or(Error::UFuncNoSignatureLoop { ufunc: u.name });
    if let Some(sig) = opts.signature_arg() {
        let nargs = u.nin + u.nout;
        if sig.len() != nargs {
            return Err(Error::UFuncNotSupported { ufunc: u.name });
        }
        return Ok(Some(sig.iter().map(|d| d.as_ref().map(numeric).transpose()).collect::<Result<_>>()?));
    }
    if let Some(d) = opts.dtype_arg() {
        let t = numeric(d)?;
        let mut v = vec![None; u.nin];
        v.extend(std::iter::repeat_n(Some(t), u.nout));
        return Ok(Some(v));
    }
    Ok(None)
}

/// The first loop, in order, matching the pinned dtypes that every input reaches.
fn linear(u: &Ufunc, args: &[Arg], pinned: Option<&[Option<DType>]>, casting: Casting) -> Option<Resolved> {
    // NumPy's search takes the first loop the inputs reach by `safe` casts whatever the
    // call's casting rule (the call then checks the casts it needs against that rule);
    // with pinned dtypes, inputs may take any cast the rule allows.
    let input_casting = if pinned.is_some() { casting } else { Casting::Safe };
    for (index, lp) in u.loops.iter().enumerate() {
        let dtypes = lp.dtypes();
        if let Some(p) = pinned
            && p.iter().zip(&dtypes).any(|(p, &t)| p.is_some_and(|p| p != t))
        {
            continue;
        }
        // Pinned inputs are not searched: the call checks their casts and names them.
        let ok = args
            .iter()
            .zip(&dtypes)
            .enumerate()
            .all(|(i, (a, &t))| pinned.is_some_and(|p| p[i].is_some()) || a.reaches(t, input_casting));
        if ok {
            return Some(Resolved { index, dtypes });
        }
    }
    None
}

/// The loop whose inputs are all `t`.
fn exact_in(u: &Ufunc, t: DType) -> Option<Resolved> {
    u.loops
        .iter()
        .position(|lp| lp.dtypes()[..u.nin].iter().all(|&d| d == t))
        .map(|index| Resolved { index, dtypes: u.loops[index].dtypes() })
}

/// The loop whose inputs are all `t` (the uniform resolvers), or the linear search with
/// every input `t`.
fn uniform_in(u: &Ufunc, t: DType, casting: Casting) -> Option<Resolved> {
    exact_in(u, t).or_else(|| linear(u, &vec![Arg::Strong(t); u.nin], None, casting))
}

/// NumPy's "no loop" error of the uniform resolver, naming the dtype classes.
fn no_loop_classes(u: &Ufunc, args: &[TypeArg]) -> Error {
    let class = |a: &TypeArg| {
        let name = match a {
            TypeArg::DType(d) => dtype_class(d).to_string(),
            TypeArg::Bool => "BoolDType".into(),
            TypeArg::Int => "_PyLongDType".into(),
            TypeArg::Float => "_PyFloatDType".into(),
            TypeArg::Complex => "_PyComplexDType".into(),
        };
        format!("<class 'numpy.dtypes.{name}'>")
    };
    Error::UFuncNoLoop { ufunc: u.name.to_string(), types: args.iter().map(class).collect() }
}

pub(super) fn resolve(u: &Ufunc, args: &[TypeArg], opts: &UfuncOptions<'_>) -> Result<Resolved> {
    let pinned = pins(u, opts)?;
    let key: Option<Vec<u8>> =
        if pinned.is_none() { args.iter().map(key_code).collect::<Option<Vec<u8>>>() } else { None };
    if let Some(k) = &key
        && let Some(r) = u.cache.get_or_init(Default::default).read().ok().and_then(|c| c.get(k).cloned())
    {
        return Ok(r);
    }
    let r = resolve_uncached(u, args, pinned.as_deref(), opts.casting_rule())?;
    if let Some(k) = key
        && let Ok(mut c) = u.cache.get_or_init(Default::default).write()
    {
        c.insert(k, r.clone());
    }
    Ok(r)
}

fn resolve_uncached(
    u: &Ufunc,
    args: &[TypeArg],
    pinned: Option<&[Option<DType>]>,
    casting: Casting,
) -> Result<Resolved> {
    let sargs = search_args(u, args)?;
    let uniform = match u.resolver {
        Resolver::Default => false,
        Resolver::TrueDivide => {
            let int_like = |a: &Arg| match a {
                Arg::Strong(t) => matches!(t.kind(), 'b' | 'i' | 'u'),
                Arg::WeakInt => true,
                Arg::WeakFloat | Arg::WeakComplex => false,
            };
            if pinned.is_none() && sargs.iter().all(int_like) {
                return uniform_in(u, DType::Float64, casting).ok_or_else(|| not_supported(u));
            }
            true
        }
        Resolver::Comparison => {
            if pinned.is_none()
                && let [Arg::Strong(a), Arg::Strong(b)] = sargs[..]
                && matches!((a, b), (DType::Int64, DType::UInt64) | (DType::UInt64, DType::Int64))
                && let Some(index) = u.loops.iter().position(|lp| lp.dtypes()[..2] == [a, b])
            {
                return Ok(Resolved { index, dtypes: u.loops[index].dtypes() });
            }
            true
        }
        Resolver::Uniform | Resolver::UniformExact | Resolver::Subtract | Resolver::Negative => true,
    };
    if !uniform {
        let sargs = legacy_scalars(&sargs, args);
        return linear(u, &sargs, pinned, casting).ok_or_else(|| match pinned {
            Some(_) => Error::UFuncNoSignatureLoop { ufunc: u.name },
            None => not_supported(u),
        });
    }
    if let Some(p) = pinned {
        // One pinned dtype for every operand (NumPy's fast path for homogeneous
        // signatures), else the linear search with the pins.
        let mut given = p.iter().flatten();
        if let Some(&t) = given.next()
            && given.all(|&d| d == t)
            && p[u.nin..].iter().all(Option::is_some)
            && let Some(index) = u.loops.iter().position(|lp| lp.dtypes().iter().all(|&d| d == t))
        {
            check_refusals(u, t)?;
            return Ok(Resolved { index, dtypes: u.loops[index].dtypes() });
        }
        return linear(u, &sargs, Some(p), casting).ok_or(Error::UFuncNoSignatureLoop { ufunc: u.name });
    }
    let rt = result_type(args).map_err(|_| no_loop(u, args))?;
    let t = rt.numeric().ok_or_else(|| no_loop(u, args))?;
    check_refusals(u, t)?;
    if u.resolver == Resolver::UniformExact {
        return exact_in(u, t).ok_or_else(|| no_loop_classes(u, args));
    }
    uniform_in(u, t, casting).ok_or_else(|| not_supported(u))
}

/// NumPy's TypeErrors for boolean `subtract` and `negative`.
fn check_refusals(u: &Ufunc, t: DType) -> Result<()> {
    match (u.resolver, t) {
        (Resolver::Subtract, DType::Bool) => Err(Error::BoolSubtract),
        (Resolver::Negative, DType::Bool) => Err(Error::BoolNegative),
        _ => Ok(()),
    }
}
