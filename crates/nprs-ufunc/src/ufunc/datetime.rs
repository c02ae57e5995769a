//! The `datetime64` / `timedelta64` loops of the ufuncs and their type resolver.
//!
//! A call whose operands include a datetime or timedelta array comes here from
//! [`Ufunc::call_all`]. The resolver follows NumPy's datetime resolvers: the operands' units
//! are promoted to their common unit (NumPy's metadata GCD, `promote_types`), each
//! datetime/timedelta operand is converted to that unit (calendar-exact for years and
//! months, NaT kept) and checked against the casting rule, plain integers stand for
//! timedeltas of the other operand's unit, and the combinations NumPy has no loop for get
//! its `UFuncTypeError`s. The loops are int64 kernels that propagate NaT (`i64::MIN`) as
//! NumPy's do, run through nprs-core's one execution path ([`run_loop`]), and the int64
//! result is given the datetime or timedelta dtype.
//!
//! | ufunc | operands → result |
//! |---|---|
//! | `add` | `M m`, `m M` → `M`; `m m` → `m`; `M int`, `int M` → `M`; `m int`, `int m` → `m` |
//! | `subtract` | `M M` → `m`; `M m` → `M`; `m m` → `m`; `M int` → `M`; `m int`, `int m` → `m` |
//! | `multiply` | `m int`, `int m`, `m float`, `float m` → `m` (truncated; NaN/inf → NaT) |
//! | `divide` | `m int`, `m float` → `m`; `m m` → float64 |
//! | `floor_divide` | `m int`, `m float` → `m` (NumPy 2.4 truncates here); `m m` → int64 |
//! | `remainder` | `m m` → `m` |
//! | comparisons | `M M`, `m m`, `m int` → bool (NaT: only `!=` is true) |
//! | `maximum`, `minimum` | `M M`, `m m`, `m int` (NaT propagates) |
//! | `fmax`, `fmin` | as `maximum` (NaT ignored unless both are NaT) |
//! | `divmod` | `m m` → (int64, `m`) (floored quotient, remainder with the divisor's sign) |
//! | `absolute`, `negative`, `positive`, `sign` | `m` → `m` |
//! | `isnan`, `isinf`, `isfinite` | `M`, `m` → bool (NaT is NaN) |
//!
//! `out=` (any dtype the result casts to under the casting rule: another unit is converted
//! as NumPy's casts do), in-place calls and `where=` work as for any ufunc. `dtype=` and
//! `signature=` select a DType class only, as in NumPy: a unit there is NumPy's TypeError,
//! and the datetime loops' results do not depend on them.

use nprs_core::dtype::DateTimeUnit;
use nprs_core::kernel::{
    ElemBinary, ElemBinary2, ElemUnary, FpFlags, LoopFn, LoopSpec, binary, binary2, run_loop, unary,
};
use nprs_core::print::NAT;
use nprs_core::promote::dtype_class;
use nprs_core::scalar::Scalar;
use nprs_core::{DType, Descr, DynArray, DynView, Error, Operand, Result, TimeUnit, UfuncOptions};
use nprs_core::{can_cast, promote::promote_types};
use std::sync::OnceLock;

use super::{Identity, Loop, Resolver, Ufunc};

/// What an operand is, for the resolver.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Kind {
    /// `datetime64[unit]`
    Dt(DateTimeUnit),
    /// `timedelta64[unit]`
    Td(DateTimeUnit),
    /// `bool` (array or Python bool).
    Bool,
    /// A signed integer, or an unsigned one narrower than 64 bits (safely castable to int64).
    Int,
    /// `uint64` (no safe cast to int64).
    UInt64,
    /// A floating-point dtype or a Python float.
    Float,
    /// Anything else (complex, strings, records).
    Other,
}

/// The kind of an operand.
fn kind_of(o: &Operand<'_>) -> Kind {
    match o {
        Operand::Scalar(Scalar::Bool(_)) => Kind::Bool,
        Operand::Scalar(Scalar::Int(_)) => Kind::Int,
        Operand::Scalar(Scalar::Float(_)) => Kind::Float,
        Operand::Scalar(_) => Kind::Other,
        Operand::Array(v) => {
            let d = v.dtype();
            match (d.kind(), d.datetime_unit(), d.numeric()) {
                ('M', Some(u), _) => Kind::Dt(u),
                ('m', Some(u), _) => Kind::Td(u),
                (_, _, Some(DType::Bool)) => Kind::Bool,
                (_, _, Some(DType::UInt64)) => Kind::UInt64,
                ('i' | 'u', _, _) => Kind::Int,
                ('f', _, Some(_)) => Kind::Float,
                _ => Kind::Other,
            }
        }
    }
}

/// True when a call must take the datetime path: a datetime or timedelta operand, or an
/// in-place output of such a dtype.
pub(super) fn involves(inputs: &[Operand<'_>], opts: &UfuncOptions<'_>) -> bool {
    let dt = |d: &Descr| matches!(d.kind(), 'M' | 'm');
    inputs.iter().any(|o| matches!(o, Operand::Array(v) if dt(v.dtype())))
        || (opts.is_inplace() && opts.out_dtype(0).is_some_and(dt))
}

/// How NumPy names an operand's dtype in "cannot use operands" messages.
fn shown(o: &Operand<'_>) -> String {
    match o {
        Operand::Array(v) => format!("{:?}", v.dtype()),
        Operand::Scalar(Scalar::Bool(_)) => "dtype('bool')".into(),
        Operand::Scalar(Scalar::Int(_)) => "dtype('int64')".into(),
        Operand::Scalar(Scalar::Float(_)) => "dtype('float64')".into(),
        Operand::Scalar(_) => "dtype('complex128')".into(),
    }
}

/// How NumPy names an operand's DType class in "did not contain a loop" messages.
fn class(o: &Operand<'_>) -> String {
    let name = match o {
        Operand::Array(v) => dtype_class(v.dtype()),
        Operand::Scalar(Scalar::Bool(_)) => "BoolDType".into(),
        Operand::Scalar(Scalar::Int(_)) => "_PyLongDType".into(),
        Operand::Scalar(Scalar::Float(_)) => "_PyFloatDType".into(),
        Operand::Scalar(_) => "_PyComplexDType".into(),
    };
    format!("<class 'numpy.dtypes.{name}'>")
}

/// How an input reaches the loop.
#[derive(Clone, Copy, Debug)]
enum Conv {
    /// A datetime/timedelta converted to this dtype's unit, read as int64 counts.
    Unit(DateTimeUnit, Descr2),
    /// A number, converted by the loop's buffers to the loop's dtype.
    Number,
}

/// A datetime or timedelta dtype by kind and unit (`Descr` is not `Copy`).
#[derive(Clone, Copy, Debug, PartialEq)]
struct Descr2 {
    datetime: bool,
    unit: DateTimeUnit,
}

impl Descr2 {
    fn descr(self) -> Descr {
        if self.datetime {
            Descr::datetime(self.unit.unit, self.unit.num)
        } else {
            Descr::timedelta(self.unit.unit, self.unit.num)
        }
    }
}

/// The result's dtype.
#[derive(Clone, Copy, Debug)]
enum Out {
    /// A datetime or timedelta (the loop writes int64 counts).
    Time(Descr2),
    /// A numeric dtype (`m / m` is float64, `m // m` int64, comparisons bool).
    Number,
}

/// A resolved datetime loop.
struct Plan {
    conv: Vec<Conv>,
    dtypes: Vec<DType>,
    func: LoopFn,
    out: Out,
    /// The second output's dtype when it is a datetime or timedelta (`divmod`).
    out1: Option<Descr2>,
    report_fp: bool,
}

fn dt(unit: DateTimeUnit) -> Descr2 {
    Descr2 { datetime: true, unit }
}

fn td(unit: DateTimeUnit) -> Descr2 {
    Descr2 { datetime: false, unit }
}

/// The common unit of two datetime/timedelta dtypes (NumPy's `promote_types`, with its
/// errors for incompatible or too distant units).
fn common(a: Descr2, b: Descr2) -> Result<DateTimeUnit> {
    let p = promote_types(&a.descr(), &b.descr())?;
    Ok(p.datetime_unit().expect("the promotion of two datetime dtypes is one"))
}

/// NumPy's "cannot use operands with types …".
fn operands_error(u: &Ufunc, inputs: &[Operand<'_>]) -> Error {
    Error::UFuncOperands { ufunc: u.name.to_string(), types: inputs.iter().map(shown).collect() }
}

/// NumPy's "did not contain a loop with signature matching types (<class …>, …) -> None".
fn no_loop_error(u: &Ufunc, inputs: &[Operand<'_>]) -> Error {
    Error::UFuncNoLoop { ufunc: u.name.to_string(), types: inputs.iter().map(class).collect() }
}

macro_rules! plan {
    ($conv:expr, [$($t:ident),*], $func:expr, $out:expr, $fp:expr) => {
        Ok(Plan { conv: $conv, dtypes: vec![$(DType::$t),*], func: $func, out: $out, out1: None, report_fp: $fp })
    };
}

/// The loop of a binary ufunc for these operands, as NumPy's datetime resolvers pick it.
#[allow(clippy::too_many_lines)] // one match arm per ufunc family, in NumPy's terms
fn resolve_binary(u: &Ufunc, inputs: &[Operand<'_>]) -> Result<Plan> {
    use Conv::{Number as N, Unit};
    use Kind::{Bool, Dt, Float, Int, Td, UInt64};
    let (a, b) = (kind_of(&inputs[0]), kind_of(&inputs[1]));
    let int = |k: Kind| matches!(k, Int | UInt64 | Bool);
    let both = |x: Descr2, y: Descr2, c: DateTimeUnit| {
        vec![Unit(x.unit, Descr2 { unit: c, ..x }), Unit(y.unit, Descr2 { unit: c, ..y })]
    };
    let name = u.name;
    match name {
        "add" | "subtract" => {
            let sub = name == "subtract";
            let f = if sub { binary::<SubNat, i64, i64> as LoopFn } else { binary::<AddNat, i64, i64> };
            match (a, b) {
                (Dt(x), Td(y)) => {
                    let c = common(dt(x), dt(y))?;
                    plan!(both(dt(x), td(y), c), [Int64, Int64, Int64], f, Out::Time(dt(c)), false)
                }
                (Td(x), Dt(y)) if !sub => {
                    let c = common(dt(x), dt(y))?;
                    plan!(both(td(x), dt(y), c), [Int64, Int64, Int64], f, Out::Time(dt(c)), false)
                }
                (Td(x), Td(y)) => {
                    let c = common(td(x), td(y))?;
                    plan!(both(td(x), td(y), c), [Int64, Int64, Int64], f, Out::Time(td(c)), false)
                }
                (Dt(x), Dt(y)) if sub => {
                    let c = common(dt(x), dt(y))?;
                    plan!(both(dt(x), dt(y), c), [Int64, Int64, Int64], f, Out::Time(td(c)), false)
                }
                (Dt(x), k) if int(k) => {
                    plan!(vec![Unit(x, dt(x)), N], [Int64, Int64, Int64], f, Out::Time(dt(x)), false)
                }
                (k, Dt(x)) if int(k) && !sub => {
                    plan!(vec![N, Unit(x, dt(x))], [Int64, Int64, Int64], f, Out::Time(dt(x)), false)
                }
                (Td(x), k) if int(k) => {
                    plan!(vec![Unit(x, td(x)), N], [Int64, Int64, Int64], f, Out::Time(td(x)), false)
                }
                (k, Td(x)) if int(k) => {
                    plan!(vec![N, Unit(x, td(x))], [Int64, Int64, Int64], f, Out::Time(td(x)), false)
                }
                _ => Err(operands_error(u, inputs)),
            }
        }
        "multiply" => match (a, b) {
            (Td(x), k) if int(k) => {
                plan!(
                    vec![Unit(x, td(x)), N],
                    [Int64, Int64, Int64],
                    binary::<MulMq, i64, i64>,
                    Out::Time(td(x)),
                    false
                )
            }
            (k, Td(x)) if int(k) => {
                plan!(
                    vec![N, Unit(x, td(x))],
                    [Int64, Int64, Int64],
                    binary::<MulQm, i64, i64>,
                    Out::Time(td(x)),
                    false
                )
            }
            (Td(x), Float) => {
                plan!(
                    vec![Unit(x, td(x)), N],
                    [Int64, Float64, Int64],
                    binary::<MulMd, i64, f64>,
                    Out::Time(td(x)),
                    true
                )
            }
            (Float, Td(x)) => {
                plan!(
                    vec![N, Unit(x, td(x))],
                    [Float64, Int64, Int64],
                    binary::<MulDm, f64, i64>,
                    Out::Time(td(x)),
                    true
                )
            }
            _ => Err(operands_error(u, inputs)),
        },
        "divide" | "floor_divide" => match (a, b) {
            (Td(x), Int | UInt64) => {
                plan!(vec![Unit(x, td(x)), N], [Int64, Int64, Int64], binary::<DivMq, i64, i64>, Out::Time(td(x)), true)
            }
            (Td(x), Float) => {
                plan!(
                    vec![Unit(x, td(x)), N],
                    [Int64, Float64, Int64],
                    binary::<DivMd, i64, f64>,
                    Out::Time(td(x)),
                    true
                )
            }
            (Td(x), Td(y)) => {
                let c = common(td(x), td(y))?;
                if name == "divide" {
                    plan!(both(td(x), td(y), c), [Int64, Int64, Float64], binary::<DivMm, i64, i64>, Out::Number, true)
                } else {
                    plan!(
                        both(td(x), td(y), c),
                        [Int64, Int64, Int64],
                        binary::<FloorDivMm, i64, i64>,
                        Out::Number,
                        true
                    )
                }
            }
            _ => Err(operands_error(u, inputs)),
        },
        "divmod" => match (a, b) {
            (Td(x), Td(y)) => {
                let c = common(td(x), td(y))?;
                Ok(Plan {
                    conv: both(td(x), td(y), c),
                    dtypes: vec![DType::Int64; 4],
                    func: binary2::<DivmodMm, i64, i64>,
                    out: Out::Number,
                    out1: Some(td(c)),
                    report_fp: true,
                })
            }
            _ => Err(operands_error(u, inputs)),
        },
        "remainder" => match (a, b) {
            (Td(x), Td(y)) => {
                let c = common(td(x), td(y))?;
                plan!(both(td(x), td(y), c), [Int64, Int64, Int64], binary::<RemMm, i64, i64>, Out::Time(td(c)), true)
            }
            _ => Err(operands_error(u, inputs)),
        },
        "equal" | "not_equal" | "less" | "less_equal" | "greater" | "greater_equal" => {
            let f = match name {
                "equal" => binary::<EqNat, i64, i64> as LoopFn,
                "not_equal" => binary::<NeNat, i64, i64>,
                "less" => binary::<LtNat, i64, i64>,
                "less_equal" => binary::<LeNat, i64, i64>,
                "greater" => binary::<GtNat, i64, i64>,
                _ => binary::<GeNat, i64, i64>,
            };
            match (a, b) {
                (Dt(x), Dt(y)) => {
                    let c = common(dt(x), dt(y))?;
                    plan!(both(dt(x), dt(y), c), [Int64, Int64, Bool], f, Out::Number, false)
                }
                (Td(x), Td(y)) => {
                    let c = common(td(x), td(y))?;
                    plan!(both(td(x), td(y), c), [Int64, Int64, Bool], f, Out::Number, false)
                }
                (Dt(_), Td(_)) | (Td(_), Dt(_)) => Err(operands_error(u, inputs)),
                (Td(x), Int | Bool) => plan!(vec![Unit(x, td(x)), N], [Int64, Int64, Bool], f, Out::Number, false),
                (Int | Bool, Td(x)) => plan!(vec![N, Unit(x, td(x))], [Int64, Int64, Bool], f, Out::Number, false),
                _ => Err(no_loop_error(u, inputs)),
            }
        }
        "maximum" | "minimum" | "fmax" | "fmin" => {
            let f = match name {
                "maximum" => binary::<MaxNat, i64, i64> as LoopFn,
                "minimum" => binary::<MinNat, i64, i64>,
                "fmax" => binary::<FmaxNat, i64, i64>,
                _ => binary::<FminNat, i64, i64>,
            };
            match (a, b) {
                (Dt(x), Dt(y)) => {
                    let c = common(dt(x), dt(y))?;
                    plan!(both(dt(x), dt(y), c), [Int64, Int64, Int64], f, Out::Time(dt(c)), false)
                }
                (Td(x), Td(y)) => {
                    let c = common(td(x), td(y))?;
                    plan!(both(td(x), td(y), c), [Int64, Int64, Int64], f, Out::Time(td(c)), false)
                }
                // NumPy promotes the two to one datetime dtype, which the timedelta cannot
                // be cast to: the cast check below names it.
                (Dt(x), Td(y)) => {
                    let c = common(dt(x), dt(y))?;
                    plan!(vec![Unit(x, dt(c)), Unit(y, dt(c))], [Int64, Int64, Int64], f, Out::Time(dt(c)), false)
                }
                (Td(x), Dt(y)) => {
                    let c = common(dt(x), dt(y))?;
                    plan!(vec![Unit(x, dt(c)), Unit(y, dt(c))], [Int64, Int64, Int64], f, Out::Time(dt(c)), false)
                }
                (Td(x), Int | Bool) => {
                    plan!(vec![Unit(x, td(x)), N], [Int64, Int64, Int64], f, Out::Time(td(x)), false)
                }
                (Int | Bool, Td(x)) => {
                    plan!(vec![N, Unit(x, td(x))], [Int64, Int64, Int64], f, Out::Time(td(x)), false)
                }
                _ => Err(no_loop_error(u, inputs)),
            }
        }
        _ => match (a, b) {
            (Dt(_) | Td(_), Dt(_) | Td(_)) => Err(operands_error(u, inputs)),
            _ => Err(no_loop_error(u, inputs)),
        },
    }
}

/// The loop of a unary ufunc for a datetime/timedelta operand.
fn resolve_unary(u: &Ufunc, inputs: &[Operand<'_>]) -> Result<Plan> {
    let predicate = match u.name {
        "isnan" => Some(unary::<IsNanNat, i64> as LoopFn),
        "isinf" => Some(unary::<IsInfNat, i64> as LoopFn),
        "isfinite" => Some(unary::<IsFiniteNat, i64> as LoopFn),
        _ => None,
    };
    if let Some(func) = predicate {
        let conv = match kind_of(&inputs[0]) {
            Kind::Dt(x) => Conv::Unit(x, dt(x)),
            Kind::Td(x) => Conv::Unit(x, td(x)),
            _ => return Err(no_loop_error(u, inputs)),
        };
        return plan!(vec![conv], [Int64, Bool], func, Out::Number, false);
    }
    let Kind::Td(x) = kind_of(&inputs[0]) else { return Err(no_loop_error(u, inputs)) };
    let func = match u.name {
        "absolute" => unary::<AbsNat, i64> as LoopFn,
        "negative" => unary::<NegNat, i64>,
        "positive" => unary::<PosNat, i64>,
        "sign" => unary::<SignNat, i64>,
        _ => return Err(no_loop_error(u, inputs)),
    };
    plan!(vec![Conv::Unit(x, td(x))], [Int64, Int64], func, Out::Time(td(x)), false)
}

/// The counts of a datetime/timedelta array in unit `to` (NumPy's cast of the operand to
/// the loop's dtype: exact, or floored towards a coarser unit; NaT stays NaT).
fn converted(v: &DynView<'_>, from: DateTimeUnit, to: DateTimeUnit) -> Result<DynArray> {
    let native = v.astype(&v.dtype().to_native())?;
    let counts = native.view_dtype(&DType::Int64.into())?;
    let counts = counts.typed::<i64>()?;
    if from.unit == TimeUnit::Generic || from == to {
        return Ok(DynArray::from(counts.to_owned()));
    }
    let too_far = |_| Error::DateTimeDivisorOverflow { first: from.brackets(), second: to.brackets() };
    // Checks the units once (the per-element conversion then cannot fail).
    nprs_datetime::convert_units(NAT, from, to).map_err(too_far)?;
    Ok(DynArray::from(nprs_core::kernel::map(&counts, move |x| {
        nprs_datetime::convert_units(x, from, to).unwrap_or(NAT)
    })))
}

/// Runs `u` on operands of which at least one is a datetime or timedelta array: resolves
/// the datetime loop, converts the operands to the common unit and runs the int64 loop.
pub(super) fn call_all(u: &Ufunc, inputs: &[Operand<'_>], opts: UfuncOptions<'_>) -> Result<Vec<Option<DynArray>>> {
    check_dtype_args(u, inputs, &opts)?;
    if opts.out_count() > 0 {
        return call_into_outputs(u, inputs, opts);
    }
    let plan = match u.nin {
        1 => resolve_unary(u, inputs)?,
        2 => resolve_binary(u, inputs)?,
        _ => return Err(no_loop_error(u, inputs)),
    };
    let casting = opts.casting_rule();
    let mut held: Vec<Option<DynArray>> = Vec::with_capacity(inputs.len());
    for (i, (o, c)) in inputs.iter().zip(&plan.conv).enumerate() {
        let (Conv::Unit(from, target), Operand::Array(v)) = (c, o) else {
            held.push(None);
            continue;
        };
        let to = target.descr();
        if !can_cast(v.dtype(), &to, casting) {
            return Err(Error::UFuncCast {
                ufunc: u.name.to_string(),
                input: Some(i),
                output: 0,
                numbered: u.nin > 1,
                from: Box::new(v.dtype().clone()),
                to: Box::new(to),
                casting,
            });
        }
        let direct = *from == target.unit && v.dtype().is_native() && v.is_aligned();
        held.push(if direct { None } else { Some(converted(v, *from, target.unit)?) });
    }
    let int64: Descr = DType::Int64.into();
    let mut ops: Vec<Operand<'_>> = Vec::with_capacity(inputs.len());
    for ((o, h), c) in inputs.iter().zip(&held).zip(&plan.conv) {
        ops.push(match (o, h, c) {
            (_, Some(h), _) => Operand::Array(h.view()),
            (Operand::Array(v), None, Conv::Unit(..)) => Operand::Array(v.view_dtype(&int64)?),
            (Operand::Array(v), None, Conv::Number) => Operand::Array(v.reborrow()),
            (Operand::Scalar(s), None, _) => Operand::Scalar(s.clone()),
        });
    }
    let spec = LoopSpec {
        name: u.name,
        nin: u.nin,
        dtypes: &plan.dtypes,
        func: plan.func,
        report_fp: plan.report_fp,
        writes_uninit: false,
    };
    let mut outs = run_loop(&spec, &ops, opts)?;
    if let Out::Time(d) = plan.out {
        // The int64 counts the loop wrote become the result's dtype where they lie.
        outs[0] = outs[0].take().map(|r| r.into_dtype_view(&d.descr())).transpose()?;
    }
    if let Some(d) = plan.out1 {
        outs[1] = outs[1].take().map(|r| r.into_dtype_view(&d.descr())).transpose()?;
    }
    Ok(outs)
}

/// A ufunc of one int64 loop over counts: what a reduction or accumulation of datetimes
/// runs (the table's machinery with the NaT-propagating kernel).
macro_rules! count_ufunc {
    ($($(#[$doc:meta])* $NAME:ident = $name:literal, $id:ident, $K:ty;)*) => {$(
        $(#[$doc])*
        static $NAME: Ufunc = Ufunc {
            name: $name,
            aliases: &[],
            nin: 2,
            nout: 1,
            identity: Identity::$id,
            resolver: Resolver::Uniform,
            report_fp: false,
            loops: &[Loop { types: "ll->l", func: binary::<$K, i64, i64> as LoopFn, writes_uninit: false }],
            cache: OnceLock::new(),
        };
    )*};
}

count_ufunc! {
    /// `add` of timedelta counts (`sum`, `cumsum`; identity 0).
    COUNT_ADD = "add", Zero, AddNat;
    /// `subtract` of timedelta counts.
    COUNT_SUB = "subtract", None, SubNat;
    /// `maximum` of counts (`max`, NaT propagates).
    COUNT_MAX = "maximum", None, MaxNat;
    /// `minimum` of counts.
    COUNT_MIN = "minimum", None, MinNat;
    /// `fmax` of counts (`nanmax`, NaT ignored).
    COUNT_FMAX = "fmax", None, FmaxNat;
    /// `fmin` of counts.
    COUNT_FMIN = "fmin", None, FminNat;
}

/// Runs a reduction-like method of `u` (`reduce`, `accumulate`) on a datetime or
/// timedelta array (`initial`: the reduction's `initial=`): `run` gets the ufunc of count loops that stands for `u` and the
/// array's int64 counts (a view when `a` is native and aligned), and its int64 result
/// gets `a`'s dtype back. `None` when `a` is not a datetime or timedelta array.
///
/// NumPy reduces datetimes with `maximum`, `minimum`, `fmax` and `fmin` and timedeltas
/// also with `add` and `subtract`; the other ufuncs get its errors ("ufunc 'add' cannot
/// use operands with types dtype('<M8[D]') and dtype('<M8[D]')").
///
/// `dtype` is the reduction's `dtype=`: NumPy ignores a numeric one for the timedelta
/// `add` and `subtract` loops (the result stays a timedelta), while `maximum`, `minimum`,
/// `fmax` and `fmin` then run their numeric loop on the counts cast to it
/// (`np.maximum.reduce(d, dtype='i8')` is an int64, NaT its least count): `run` gets
/// `true` and `u` itself for those, whose result is returned as it is.
pub(super) fn reduce_counts(
    u: &Ufunc,
    method: &'static str,
    a: &DynView<'_>,
    initial: Option<&Scalar>,
    dtype: Option<DType>,
    run: impl FnOnce(&Ufunc, &DynView<'_>, bool) -> Result<DynArray>,
) -> Result<Option<DynArray>> {
    let datetime = match a.dtype().kind() {
        'M' => true,
        'm' => false,
        _ => return Ok(None),
    };
    let counts_ufunc: &Ufunc = match (u.name, datetime) {
        ("add", false) => &COUNT_ADD,
        ("subtract", false) => &COUNT_SUB,
        ("maximum", _) => &COUNT_MAX,
        ("minimum", _) => &COUNT_MIN,
        ("fmax", _) => &COUNT_FMAX,
        ("fmin", _) => &COUNT_FMIN,
        _ => {
            // NumPy names a generic datetime in native byte order here.
            let generic = a.dtype().datetime_unit().is_some_and(|d| d.unit == TimeUnit::Generic);
            let native_empty;
            let shown = if generic && !a.dtype().is_native() {
                native_empty = DynArray::zeros(&[0], &a.dtype().to_native())?;
                native_empty.view()
            } else {
                a.reborrow()
            };
            let ops = [Operand::Array(shown.reborrow()), Operand::Array(shown)];
            let plan = match u.nin {
                2 => resolve_binary(u, &ops)?,
                _ => return Err(no_loop_error(u, &ops[..u.nin.min(2)])),
            };
            // A loop giving another datetime kind (datetime − datetime is a timedelta).
            if let (Out::Time(out), Conv::Unit(_, input)) = (plan.out, plan.conv[0]) {
                let (i, o) = (input.descr(), out.descr());
                return Err(Error::ReduceResolvedDTypes {
                    ufunc: u.name,
                    method,
                    resolved: format!("{i:?}, {i:?}, {o:?}"),
                });
            }
            // A loop whose result is not the operands' dtype (comparisons): NumPy's
            // reduction refuses to cast it back.
            return Err(Error::UFuncNotSupported { ufunc: u.name });
        }
    };
    // `initial=` is a count in `a`'s unit; NumPy has no unit to read it in for a
    // generic datetime.
    if datetime && initial.is_some() && a.dtype().datetime_unit().is_some_and(|d| d.unit == TimeUnit::Generic) {
        return Err(Error::DateTimeIntegerNeedsUnit);
    }
    let native;
    let v = if a.dtype().is_native() && a.is_aligned() {
        a.reborrow()
    } else {
        native = a.astype(&a.dtype().to_native())?;
        native.view()
    };
    let counts = v.view_dtype(&DType::Int64.into())?;
    if dtype.is_some() && !matches!(u.name, "add" | "subtract") {
        return run(u, &counts, true).map(Some);
    }
    run(counts_ufunc, &counts, false)?.into_dtype_view(&a.dtype().to_native()).map(Some)
}

/// `reduce` of a count ufunc (`add`, `maximum`, `minimum`, `fmax`, `fmin` of datetime or
/// timedelta counts) along axis 0 of `moved`, the axis NumPy's iterator walks innermost,
/// from `start` (`None`: each lane's first count): one call per lane, with the result of
/// NumPy's loop run over the lane in sequence. The extrema are order-free and run as the
/// int64 kernels (NaT is the least count; shifting every count down by one, wrapping,
/// makes it the greatest instead, for NaT-propagating `maximum` and NaT-ignoring `fmin`);
/// `add` is [`nat_sum`]. `None` for another ufunc, dtype or layout.
pub(crate) fn reduce_nat_lanes(
    u: &Ufunc,
    t: DType,
    moved: &DynView<'_>,
    start: Option<&Scalar>,
) -> Result<Option<DynArray>> {
    use crate::reductions::lanes::{free, per_lane};
    let dt = moved.dtype();
    if t != DType::Int64 || dt.numeric() != Some(DType::Int64) || !dt.is_native() || !moved.is_aligned() {
        return Ok(None);
    }
    if start.is_none() && moved.shape().first().copied().unwrap_or(0) == 0 {
        return Ok(None);
    }
    let id = |x: i64| x;
    let down = |x: i64| x.wrapping_sub(1);
    let r = if std::ptr::eq(u, &COUNT_ADD) {
        per_lane::<i64, i64>(moved, start, id, nat_sum)?
    } else if std::ptr::eq(u, &COUNT_MAX) {
        per_lane::<i64, i64>(moved, start, id, |s, d| free(down(s), d, down, i64::max).wrapping_add(1))?
    } else if std::ptr::eq(u, &COUNT_FMIN) {
        per_lane::<i64, i64>(moved, start, id, |s, d| free(down(s), d, down, i64::min).wrapping_add(1))?
    } else if std::ptr::eq(u, &COUNT_MIN) {
        per_lane::<i64, i64>(moved, start, id, |s, d| free(s, d, id, i64::min))?
    } else if std::ptr::eq(u, &COUNT_FMAX) {
        per_lane::<i64, i64>(moved, start, id, |s, d| free(s, d, id, i64::max))?
    } else {
        return Ok(None);
    };
    Ok(Some(r))
}

/// What one pass over a run of counts learns for [`nat_sum`]: the wrapping total, the
/// least count (NaT when there is one) and the sum of the magnitudes, split into their
/// upper and lower 32 bits so that neither part can overflow.
#[derive(Clone, Copy)]
struct SumPass {
    total: i64,
    least: i64,
    hi: u64,
    lo: u64,
}

impl SumPass {
    const EMPTY: SumPass = SumPass { total: 0, least: i64::MAX, hi: 0, lo: 0 };

    fn join(self, o: SumPass) -> SumPass {
        SumPass {
            total: self.total.wrapping_add(o.total),
            least: self.least.min(o.least),
            hi: self.hi + o.hi,
            lo: self.lo + o.lo,
        }
    }

    #[inline(always)]
    fn of(run: &[i64]) -> SumPass {
        const W: usize = 8;
        let (vecs, tail) = run.as_chunks::<W>();
        let (mut t, mut m, mut h, mut l) = ([0i64; W], [i64::MAX; W], [0u64; W], [0u64; W]);
        for v in vecs {
            for j in 0..W {
                let x = v[j];
                t[j] = t[j].wrapping_add(x);
                m[j] = m[j].min(x);
                h[j] += x.unsigned_abs() >> 32;
                l[j] += x.unsigned_abs() & 0xffff_ffff;
            }
        }
        let mut r = SumPass::EMPTY;
        for j in 0..W {
            r = r.join(SumPass { total: t[j], least: m[j], hi: h[j], lo: l[j] });
        }
        for &x in tail {
            r = r.join(SumPass { total: x, least: x, hi: x.unsigned_abs() >> 32, lo: x.unsigned_abs() & 0xffff_ffff });
        }
        r
    }

    /// [`SumPass::of`] compiled for AVX2.
    ///
    /// # Safety
    /// The CPU must have AVX2 and FMA.
    #[cfg(target_arch = "x86_64")]
    #[target_feature(enable = "avx2,fma")]
    #[allow(unsafe_code)]
    unsafe fn of_avx2(run: &[i64]) -> SumPass {
        SumPass::of(run)
    }
}

/// NumPy's `add` loop of timedelta counts over a lane in sequence, from `start`: the
/// running sum becomes NaT at a NaT count, or when a wrapping partial sum happens to be
/// NaT's count, and stays NaT. One pass (on threads for long lanes) finds NaT and the
/// total; when the magnitudes (with `start`'s) add up to at most `i64::MAX`, no partial
/// sum can wrap or reach NaT's count and the total is the answer; otherwise the lane is
/// summed again in sequence.
fn nat_sum(start: i64, d: &[i64]) -> i64 {
    use rayon::prelude::*;
    /// Counts per piece of a lane summed on its own thread.
    const PIECE: usize = 1 << 16;
    if start == NAT {
        return NAT;
    }
    let avx2 = nprs_core::kernel::has_avx2();
    let pass = |run: &[i64]| {
        #[cfg(target_arch = "x86_64")]
        #[allow(unsafe_code)]
        if avx2 {
            // SAFETY: `has_avx2` reported AVX2 and FMA on this CPU.
            return unsafe { SumPass::of_avx2(run) };
        }
        let _ = avx2;
        SumPass::of(run)
    };
    // Below 2^32 counts neither half of the magnitudes' sum can overflow a u64.
    let p = if d.len() as u64 >= 1 << 32 {
        SumPass { total: 0, least: 0, hi: u64::MAX, lo: 0 }
    } else if d.len() >= 2 * PIECE {
        d.par_chunks(PIECE).map(pass).reduce(|| SumPass::EMPTY, SumPass::join)
    } else {
        pass(d)
    };
    if p.least == NAT {
        return NAT;
    }
    let bound = (u128::from(p.hi) << 32) + u128::from(p.lo) + u128::from(start.unsigned_abs());
    if bound <= i64::MAX as u128 {
        return start.wrapping_add(p.total);
    }
    d.iter().fold(start, |a, &b| <AddNat as ElemBinary<i64, i64>>::elem(a, b))
}

/// `argmax`/`argmin` of a datetime or timedelta array along `axis`, NaT counting as
/// NumPy's NaN (the first NaT wins): `arg(counts, max)` is the int64 arg-reduction of the
/// counts (with `axis` and `keepdims` applied), on which NaT, the least count, is already
/// the first minimum; `argmax` is that first NaT in the lanes that hold one (their int64
/// `minimum` is NaT) and the counts' `argmax` elsewhere. `None` when `a` is not a datetime
/// or timedelta array.
pub(crate) fn arg_counts(
    a: &DynView<'_>,
    axis: Option<isize>,
    keepdims: bool,
    max: bool,
    arg: impl Fn(&DynView<'_>, bool) -> Result<DynArray>,
) -> Result<Option<DynArray>> {
    if !matches!(a.dtype().kind(), 'M' | 'm') {
        return Ok(None);
    }
    let native;
    let v = if a.dtype().is_native() && a.is_aligned() {
        a.reborrow()
    } else {
        native = a.astype(&a.dtype().to_native())?;
        native.view()
    };
    let counts = v.view_dtype(&DType::Int64.into())?;
    let lo = arg(&counts, false)?;
    if !max {
        return Ok(Some(lo));
    }
    let hi = arg(&counts, true)?;
    let opts = match axis {
        Some(ax) => super::ReduceOptions::new().axis(ax),
        None => super::ReduceOptions::new().all_axes(),
    };
    let least = crate::ufuncs::MINIMUM.reduce(&counts, &opts.keepdims(keepdims))?;
    let least = least.typed::<i64>()?.to_vec();
    let lo_v = lo.typed::<i64>()?.to_vec();
    let hi_v = hi.typed::<i64>()?.to_vec();
    let idx: Vec<i64> = lo_v.iter().zip(&hi_v).zip(&least).map(|((&l, &h), &m)| if m == NAT { l } else { h }).collect();
    Ok(Some(DynArray::from(nprs_core::Array::from_shape_vec(lo.shape(), idx)?)))
}

/// NumPy's checks of `dtype=` and `signature=` for the datetime loops: they select a DType
/// class only, so a datetime or timedelta unit is a TypeError; the loops' output dtypes
/// of binary ufuncs do not depend on them (NumPy's legacy datetime resolvers ignore them),
/// except that a comparison or predicate has only its bool loop; a unary ufunc
/// (`negative`, `absolute`, …) takes a numeric `dtype=` as its loop, which a timedelta
/// cannot be cast to.
fn check_dtype_args(u: &Ufunc, inputs: &[Operand<'_>], opts: &UfuncOptions<'_>) -> Result<()> {
    let mut given: Vec<&Descr> = opts.dtype_arg().into_iter().collect();
    if let Some(sig) = opts.signature_arg() {
        given.extend(sig.iter().flatten());
    }
    let unit = |d: &Descr| d.datetime_unit().is_some_and(|x| x.unit != TimeUnit::Generic);
    if given.iter().any(|d| matches!(d.kind(), 'M' | 'm') && unit(d)) {
        return Err(Error::UFuncDTypeDetails);
    }
    let boolean = matches!(
        u.name,
        "equal" | "not_equal" | "less" | "less_equal" | "greater" | "greater_equal" | "isnan" | "isinf" | "isfinite"
    );
    let out = opts.dtype_arg().or_else(|| opts.signature_arg().and_then(|s| s.last()).and_then(Option::as_ref));
    if boolean && out.is_some_and(|d| d.numeric() != Some(DType::Bool)) {
        return Err(Error::UFuncNoSignatureLoop { ufunc: u.name });
    }
    let from = match inputs.first() {
        Some(Operand::Array(v)) if !opts.is_inplace() => Some(v.dtype().clone()),
        _ => opts.out_dtype(0).cloned(),
    };
    if u.nin == 1
        && !boolean
        && let (Some(d), Some(from)) = (opts.dtype_arg(), from)
    {
        match d.kind() {
            'm' => {}
            'M' => return Err(no_loop_error(u, inputs)),
            _ if d.numeric() == Some(DType::Bool) && u.name == "negative" => return Err(Error::BoolNegative),
            _ => {
                return Err(Error::UFuncCast {
                    ufunc: u.name.to_string(),
                    input: Some(0),
                    output: 0,
                    numbered: false,
                    from: Box::new(from),
                    to: Box::new(d.clone()),
                    casting: opts.casting_rule(),
                });
            }
        }
    }
    Ok(())
}

/// A call with outputs given (`out=`, in place): the results are computed into new arrays
/// in the loop's units and each is written to its output converted to the output's dtype
/// (another unit, byte order, or kind) as the casting rule allows, only where `where=` is
/// true. An in-place input is read before anything is written.
fn call_into_outputs(u: &Ufunc, inputs: &[Operand<'_>], mut opts: UfuncOptions<'_>) -> Result<Vec<Option<DynArray>>> {
    let inplace = opts.is_inplace();
    let casting = opts.casting_rule();
    let mask: Option<DynArray> = opts.where_arg().map(nprs_core::DynBase::to_owned);
    let mut outs = opts.take_outputs();
    let first: Option<DynArray> =
        if inplace { outs.first().and_then(Option::as_ref).map(nprs_core::DynBase::to_owned) } else { None };
    let mut all: Vec<Operand<'_>> = Vec::with_capacity(u.nin);
    if let Some(f) = &first {
        all.push(Operand::Array(f.view()));
    }
    all.extend(inputs.iter().map(|o| match o {
        Operand::Array(v) => Operand::Array(v.reborrow()),
        Operand::Scalar(s) => Operand::Scalar(s.clone()),
    }));
    if all.len() != u.nin {
        return Err(no_loop_error(u, &all));
    }
    let results = call_all(u, &all, opts)?;
    let mut ret = Vec::with_capacity(results.len());
    for (k, r) in results.into_iter().enumerate() {
        let r = r.expect("a call without outputs returns new arrays");
        match outs.get_mut(k).and_then(Option::as_mut) {
            Some(o) => {
                let to = o.dtype().clone();
                if !can_cast(r.dtype(), &to, casting) {
                    return Err(Error::UFuncCast {
                        ufunc: u.name.to_string(),
                        input: None,
                        // NumPy numbers an output among all operands.
                        output: u.nin + k,
                        numbered: u.nout > 1,
                        from: Box::new(r.dtype().clone()),
                        to: Box::new(to),
                        casting,
                    });
                }
                let mut v = r.astype(&to)?;
                if let Some(m) = &mask {
                    let old = o.to_owned();
                    v = crate::where_dyn(m, &v, &old)?;
                }
                o.assign(&v)?;
                ret.push(None);
            }
            None => ret.push(Some(r)),
        }
    }
    Ok(ret)
}

macro_rules! nat_binary {
    ($($(#[$doc:meta])* $name:ident($a:ident: $ta:ty, $b:ident: $tb:ty) -> $out:ty $body:block)*) => {$(
        $(#[$doc])*
        pub(crate) struct $name;
        impl ElemBinary<$ta, $tb> for $name {
            type Out = $out;
            #[inline]
            fn elem($a: $ta, $b: $tb) -> $out $body
        }
    )*};
}

nat_binary! {
    /// `datetime + timedelta`, `timedelta + timedelta`: NaT when either is NaT (wrapping).
    AddNat(a: i64, b: i64) -> i64 { if a == NAT || b == NAT { NAT } else { a.wrapping_add(b) } }
    /// `datetime - datetime`, `datetime - timedelta`, `timedelta - timedelta`.
    SubNat(a: i64, b: i64) -> i64 { if a == NAT || b == NAT { NAT } else { a.wrapping_sub(b) } }
    /// `timedelta * int` (only the timedelta is read as NaT, as NumPy's `mq->m` loop).
    MulMq(a: i64, b: i64) -> i64 { if a == NAT { NAT } else { a.wrapping_mul(b) } }
    /// `int * timedelta`.
    MulQm(a: i64, b: i64) -> i64 { if b == NAT { NAT } else { a.wrapping_mul(b) } }
    /// `timedelta / timedelta` → float64: NaN for NaT.
    DivMm(a: i64, b: i64) -> f64 { if a == NAT || b == NAT { f64::NAN } else { a as f64 / b as f64 } }
    /// `timedelta == timedelta` (false with NaT).
    EqNat(a: i64, b: i64) -> bool { a != NAT && b != NAT && a == b }
    /// `!=` (true with NaT).
    NeNat(a: i64, b: i64) -> bool { a == NAT || b == NAT || a != b }
    /// `<` (false with NaT).
    LtNat(a: i64, b: i64) -> bool { a != NAT && b != NAT && a < b }
    /// `<=`.
    LeNat(a: i64, b: i64) -> bool { a != NAT && b != NAT && a <= b }
    /// `>`.
    GtNat(a: i64, b: i64) -> bool { a != NAT && b != NAT && a > b }
    /// `>=`.
    GeNat(a: i64, b: i64) -> bool { a != NAT && b != NAT && a >= b }
    /// `maximum`: NaT propagates.
    MaxNat(a: i64, b: i64) -> i64 { if a == NAT || b == NAT { NAT } else { a.max(b) } }
    /// `minimum`: NaT propagates.
    MinNat(a: i64, b: i64) -> i64 { if a == NAT || b == NAT { NAT } else { a.min(b) } }
    /// `fmax`: NaT ignored.
    FmaxNat(a: i64, b: i64) -> i64 { if a == NAT { b } else if b == NAT { a } else { a.max(b) } }
    /// `fmin`: NaT ignored.
    FminNat(a: i64, b: i64) -> i64 { if a == NAT { b } else if b == NAT { a } else { a.min(b) } }
}

/// A float64 result cast to a count as C does (truncation), NaT when not finite; a finite
/// value outside int64 is NaT with the invalid flag, as the hardware cast reports it.
#[inline]
fn float_count(r: f64) -> (i64, FpFlags) {
    const LIMIT: f64 = 9_223_372_036_854_775_808.0; // 2^63
    if !r.is_finite() {
        (NAT, FpFlags::NONE)
    } else if (-LIMIT..LIMIT).contains(&r) {
        (r as i64, FpFlags::NONE)
    } else {
        (NAT, FpFlags::INVALID)
    }
}

/// Runs a kernel that reports its own conditions over a run.
macro_rules! flagged_binary {
    ($($(#[$doc:meta])* $name:ident($a:ident: $ta:ty, $b:ident: $tb:ty) $body:block)*) => {$(
        $(#[$doc])*
        pub(crate) struct $name;
        impl $name {
            #[inline]
            fn eval($a: $ta, $b: $tb) -> (i64, FpFlags) $body
        }
        impl ElemBinary<$ta, $tb> for $name {
            type Out = i64;
            #[inline]
            fn elem(a: $ta, b: $tb) -> i64 {
                Self::eval(a, b).0
            }
            fn run(a: &[$ta], b: &[$tb], out: &mut [i64]) -> FpFlags {
                let mut flags = FpFlags::NONE;
                for ((o, &x), &y) in out.iter_mut().zip(a).zip(b) {
                    let (v, f) = Self::eval(x, y);
                    *o = v;
                    flags |= f;
                }
                flags
            }
        }
    )*};
}

flagged_binary! {
    /// `timedelta * float`: truncated; NaT for NaT, NaN, infinities and results beyond int64.
    MulMd(a: i64, b: f64) { if a == NAT || b.is_nan() { (NAT, FpFlags::NONE) } else { float_count(a as f64 * b) } }
    /// `float * timedelta`.
    MulDm(a: f64, b: i64) { if b == NAT || a.is_nan() { (NAT, FpFlags::NONE) } else { float_count(a * b as f64) } }
    /// `timedelta / float` (and `//`): truncated; NaT for NaT and non-finite quotients.
    DivMd(a: i64, b: f64) { if a == NAT { (NAT, FpFlags::NONE) } else { float_count(a as f64 / b) } }
    /// `timedelta / int` (and `//`, which NumPy 2.4 computes with the same truncating loop):
    /// NaT for NaT and for a zero divisor (reported as division by zero).
    DivMq(a: i64, b: i64) {
        if b == 0 {
            (NAT, FpFlags::DIVIDE)
        } else if a == NAT {
            (NAT, FpFlags::NONE)
        } else {
            (a.wrapping_div(b), FpFlags::NONE)
        }
    }
    /// `timedelta // timedelta` → int64: floored; 0 with the invalid flag for NaT, 0 with
    /// division by zero for a zero divisor.
    FloorDivMm(a: i64, b: i64) {
        if a == NAT || b == NAT {
            (0, FpFlags::INVALID)
        } else if b == 0 {
            (0, FpFlags::DIVIDE)
        } else {
            (a.wrapping_div(b) - i64::from((a % b != 0) && ((a < 0) != (b < 0))), FpFlags::NONE)
        }
    }
    /// `timedelta % timedelta`: the divisor's sign (Python's rule); NaT for NaT, NaT with
    /// division by zero for a zero divisor.
    RemMm(a: i64, b: i64) {
        if a == NAT || b == NAT {
            (NAT, FpFlags::NONE)
        } else if b == 0 {
            (NAT, FpFlags::DIVIDE)
        } else {
            let r = a.wrapping_rem(b);
            (if r != 0 && ((r < 0) != (b < 0)) { r + b } else { r }, FpFlags::NONE)
        }
    }
}

/// `divmod` of timedeltas: the floored quotient (int64) and the remainder with the
/// divisor's sign, as `floor_divide` and `remainder` give them; NaT gives `(0, NaT)` with
/// the invalid flag, a zero divisor `(0, NaT)` with division by zero.
pub(crate) struct DivmodMm;
impl ElemBinary2<i64, i64> for DivmodMm {
    type Out1 = i64;
    type Out2 = i64;
    #[inline]
    fn elem(a: i64, b: i64) -> (i64, i64) {
        (FloorDivMm::eval(a, b).0, RemMm::eval(a, b).0)
    }
    fn run(a: &[i64], b: &[i64], out1: &mut [i64], out2: &mut [i64]) -> FpFlags {
        let mut flags = FpFlags::NONE;
        for (((q, r), &x), &y) in out1.iter_mut().zip(out2.iter_mut()).zip(a).zip(b) {
            let (qv, f) = FloorDivMm::eval(x, y);
            *q = qv;
            *r = RemMm::eval(x, y).0;
            flags |= f;
        }
        flags
    }
}

/// Predicates of datetimes and timedeltas (count in, bool out): NaT is NumPy's NaN.
macro_rules! nat_predicate {
    ($($(#[$doc:meta])* $name:ident($x:ident) $body:block)*) => {$(
        $(#[$doc])*
        pub(crate) struct $name;
        impl ElemUnary<i64> for $name {
            type Out = bool;
            #[inline]
            fn elem($x: i64) -> bool $body
        }
    )*};
}

nat_predicate! {
    /// `isnan`: true for NaT.
    IsNanNat(x) { x == NAT }
    /// `isinf`: never true.
    IsInfNat(x) { let _ = x; false }
    /// `isfinite`: true except for NaT.
    IsFiniteNat(x) { x != NAT }
}

macro_rules! nat_unary {
    ($($(#[$doc:meta])* $name:ident($x:ident) $body:block)*) => {$(
        $(#[$doc])*
        pub(crate) struct $name;
        impl ElemUnary<i64> for $name {
            type Out = i64;
            #[inline]
            fn elem($x: i64) -> i64 $body
        }
    )*};
}

nat_unary! {
    /// `absolute` of a timedelta (NaT stays NaT: its magnitude wraps to itself).
    AbsNat(x) { x.wrapping_abs() }
    /// `negative` (NaT stays NaT).
    NegNat(x) { x.wrapping_neg() }
    /// `positive`.
    PosNat(x) { x }
    /// `sign`: -1, 0 or 1 in the timedelta's unit (NaT, the most negative count, gives -1
    /// as in NumPy).
    SignNat(x) { x.signum() }
}

/// NumPy's `median` (`nan`: `nanmedian`) of a `timedelta64` array over `axis` (every axis
/// for `None`): NaT when a lane holds one (`nanmedian` leaves NaTs out), the middle count
/// of an odd lane, and of an even one the mean of the two middle counts as NumPy's
/// `mean` computes it (their wrapping sum, NaT if that is NaT's count, halved with
/// truncation). Empty lanes are NaT with NumPy's warnings. Datetimes get NumPy's error
/// (the mean's `add` has no datetime loop). `None` for other dtypes.
///
/// # Errors
/// NumPy's "ufunc 'add' cannot use operands with types dtype('<M8[D]') and
/// dtype('<M8[D]')" for datetimes; axis errors; a warning the thread's filter raises.
pub(crate) fn median_counts(
    a: &DynView<'_>,
    axis: Option<&[isize]>,
    keepdims: bool,
    nan: bool,
) -> Result<Option<DynArray>> {
    use nprs_core::warnings::{Category, warn};
    match a.dtype().kind() {
        'M' => {
            // NumPy's `nanmedian` along one axis shorter than 600 of a 2-d or larger array
            // uses masked arrays, whose fill value a generic datetime cannot hold.
            let generic = a.dtype().datetime_unit().is_some_and(|u| u.unit == TimeUnit::Generic);
            if let (true, true, Some(&[ax])) = (nan, generic, axis) {
                let len = a.shape().get(ax.rem_euclid(a.ndim().max(1) as isize) as usize).copied().unwrap_or(0);
                if a.ndim() > 1 && len < 600 {
                    return Err(Error::FillValueConvert { value: i64::MAX.to_string(), dtype: "datetime64".into() });
                }
            }
            let ops = [Operand::Array(a.reborrow()), Operand::Array(a.reborrow())];
            return Err(operands_error(&crate::ufuncs::ADD, &ops));
        }
        'm' => {}
        _ => return Ok(None),
    }
    let ndim = a.ndim();
    let all: Vec<isize> = (0..ndim as isize).collect();
    let axes = axis.unwrap_or(&all);
    let k = axes.len();
    let dest: Vec<isize> = (ndim - k.min(ndim)..ndim).map(|d| d as isize).collect();
    let moved = a.moveaxis(axes, &dest)?;
    let outer_shape = moved.shape()[..ndim - k].to_vec();
    let inner: usize = moved.shape()[ndim - k..].iter().product();
    let native = moved.astype(&a.dtype().to_native())?;
    let counts = native.view_dtype(&DType::Int64.into())?.to_owned();
    let counts = counts.typed::<i64>()?.to_vec();
    let outer: usize = outer_shape.iter().product();
    let mut out = Vec::with_capacity(outer);
    let mut empty = false;
    for l in 0..outer {
        let lane = &counts[l * inner..(l + 1) * inner];
        let mut v: Vec<i64> = if nan { lane.iter().copied().filter(|&c| c != NAT).collect() } else { lane.to_vec() };
        if v.is_empty() {
            empty = true;
            out.push(NAT);
            continue;
        }
        if !nan && v.contains(&NAT) {
            out.push(NAT);
            continue;
        }
        let n = v.len();
        let (_, &mut hi, _) = v.select_nth_unstable(n / 2);
        let m = if n % 2 == 1 {
            hi
        } else {
            let lo = *v[..n / 2].iter().max().expect("an even lane has a lower half");
            let sum = lo.wrapping_add(hi);
            if sum == NAT { NAT } else { sum / 2 }
        };
        out.push(m);
    }
    if empty {
        if nan {
            warn(Category::Runtime, "All-NaN slice encountered")?;
        } else {
            warn(Category::Runtime, "Mean of empty slice")?;
            warn(Category::Runtime, "divide by zero encountered in divide")?;
        }
    }
    let shape = if keepdims {
        let mut s = a.shape().to_vec();
        for &ax in axes {
            s[ax.rem_euclid(ndim.max(1) as isize) as usize] = 1;
        }
        s
    } else {
        outer_shape
    };
    let r = DynArray::from(nprs_core::Array::from_shape_vec(&shape, out)?);
    r.into_dtype_view(&a.dtype().to_native()).map(Some)
}
