//! Every transform against NumPy 2.4.6 (`tests/oracle/groups/fft/transforms.py`): each
//! recorded case is run on the typed array, through `out`, and on the dynamic array.
//!
//! Bound: the largest difference of any element (real and imaginary parts) is at most
//! `8 · ε · max(1, log2 N) · max|X|`, with ε the machine epsilon of the result's
//! precision, `N` the larger of the input and result sizes and `X` NumPy's result.

use nprs_core::copy::Cast;
use nprs_core::{Array, ArrayView, C64, C128, DynArray, DynView};
use nprs_fft::{ComplexOf, FftInput, Norm, RealInput, RealOf};
use nprs_testkit::{Actual, Case, Elems, OArray, actual, oracle};

/// The call a case name encodes (see the case file's docstring).
#[derive(Debug, Default)]
struct Call {
    f: String,
    input: String,
    n: Option<isize>,
    axis: Option<isize>,
    s: Option<Vec<isize>>,
    axes: Option<Vec<isize>>,
    norm: Norm,
    t: bool,
}

fn ints(s: &str) -> Vec<isize> {
    s.split(',').filter(|x| !x.is_empty()).map(|x| x.parse().unwrap()).collect()
}

fn parse(name: &str) -> Call {
    let mut parts = name.split("__");
    let mut c = Call { f: parts.next().unwrap().into(), input: parts.next().unwrap().into(), ..Call::default() };
    for o in parts {
        if o == "T" {
            c.t = true;
        } else if o == "ortho" {
            c.norm = Norm::Ortho;
        } else if o == "forward" {
            c.norm = Norm::Forward;
        } else if let Some(r) = o.strip_prefix("axes") {
            c.axes = Some(ints(r.trim_start_matches('_')));
        } else if let Some(r) = o.strip_prefix("ax") {
            c.axis = Some(r.parse().unwrap());
        } else if let Some(r) = o.strip_prefix('n') {
            c.n = Some(r.parse().unwrap());
        } else if let Some(r) = o.strip_prefix('s') {
            c.s = Some(ints(r));
        } else {
            panic!("{name}: unknown option {o}");
        }
    }
    c
}

enum Input {
    F64(Array<f64>),
    F32(Array<f32>),
    C64(Array<C64>),
    C128(Array<C128>),
    I64(Array<i64>),
}

fn load(o: &OArray) -> Input {
    let shape = &o.shape;
    match (&o.data, o.name.as_str()) {
        (Elems::Float(v), "float64") => Input::F64(Array::from_shape_vec(shape, v.clone()).unwrap()),
        (Elems::Float(v), "float32") => {
            Input::F32(Array::from_shape_vec(shape, v.iter().map(|&x| x as f32).collect()).unwrap())
        }
        (Elems::Complex(v), "complex128") => {
            Input::C128(Array::from_shape_vec(shape, v.iter().map(|&(r, i)| C128::new(r, i)).collect()).unwrap())
        }
        (Elems::Complex(v), "complex64") => Input::C64(
            Array::from_shape_vec(shape, v.iter().map(|&(r, i)| C64::new(r as f32, i as f32)).collect()).unwrap(),
        ),
        (Elems::Int(v), "int64") => {
            Input::I64(Array::from_shape_vec(shape, v.iter().map(|&x| x as i64).collect()).unwrap())
        }
        _ => panic!("unexpected input dtype {}", o.name),
    }
}

type R<T> = nprs_fft::Result<T>;

/// Runs a transform of any input on a typed view, fresh and through `out`.
fn run_any<T: FftInput>(a: &ArrayView<'_, T>, c: &Call) -> R<Actual>
where
    ComplexOf<T>: Cast,
    RealOf<T>: Cast,
{
    use nprs_fft as f;
    let (n, axis, s, axes, norm) = (c.n, c.axis.unwrap_or(-1), c.s.as_deref(), c.axes.as_deref(), c.norm);
    macro_rules! both {
        ($fresh:expr, |$o:ident| $into:expr) => {{
            let r = $fresh?;
            let mut $o = Array::zeros(r.shape()).unwrap();
            $into?;
            assert!($o == r, "{}: the out= result differs from the fresh one", c.f);
            Ok(actual(&r))
        }};
    }
    match c.f.as_str() {
        "fft" => both!(f::fft(a, n, axis, norm), |o| f::fft_into(a, n, axis, norm, &mut o)),
        "ifft" => both!(f::ifft(a, n, axis, norm), |o| f::ifft_into(a, n, axis, norm, &mut o)),
        "irfft" => both!(f::irfft(a, n, axis, norm), |o| f::irfft_into(a, n, axis, norm, &mut o)),
        "hfft" => both!(f::hfft(a, n, axis, norm), |o| f::hfft_into(a, n, axis, norm, &mut o)),
        "fftn" => both!(f::fftn(a, s, axes, norm), |o| f::fftn_into(a, s, axes, norm, &mut o)),
        "ifftn" => both!(f::ifftn(a, s, axes, norm), |o| f::ifftn_into(a, s, axes, norm, &mut o)),
        "fft2" => both!(f::fft2(a, s, axes, norm), |o| f::fft2_into(a, s, axes, norm, &mut o)),
        "ifft2" => both!(f::ifft2(a, s, axes, norm), |o| f::ifft2_into(a, s, axes, norm, &mut o)),
        "irfftn" => both!(f::irfftn(a, s, axes, norm), |o| f::irfftn_into(a, s, axes, norm, &mut o)),
        "irfft2" => both!(f::irfft2(a, s, axes, norm), |o| f::irfft2_into(a, s, axes, norm, &mut o)),
        other => panic!("not a transform of any input: {other}"),
    }
}

/// As [`run_any`], with the real-input transforms.
fn run_real<T: RealInput>(a: &ArrayView<'_, T>, c: &Call) -> R<Actual>
where
    ComplexOf<T>: Cast,
    RealOf<T>: Cast,
{
    use nprs_fft as f;
    let (n, axis, s, axes, norm) = (c.n, c.axis.unwrap_or(-1), c.s.as_deref(), c.axes.as_deref(), c.norm);
    macro_rules! both {
        ($fresh:expr, |$o:ident| $into:expr) => {{
            let r = $fresh?;
            let mut $o = Array::zeros(r.shape()).unwrap();
            $into?;
            assert!($o == r, "{}: the out= result differs from the fresh one", c.f);
            Ok(actual(&r))
        }};
    }
    match c.f.as_str() {
        "rfft" => both!(f::rfft(a, n, axis, norm), |o| f::rfft_into(a, n, axis, norm, &mut o)),
        "ihfft" => both!(f::ihfft(a, n, axis, norm), |o| f::ihfft_into(a, n, axis, norm, &mut o)),
        "rfftn" => both!(f::rfftn(a, s, axes, norm), |o| f::rfftn_into(a, s, axes, norm, &mut o)),
        "rfft2" => both!(f::rfft2(a, s, axes, norm), |o| f::rfft2_into(a, s, axes, norm, &mut o)),
        _ => run_any(a, c),
    }
}

fn dyn_actual(r: &DynArray) -> Actual {
    match r.dtype().name().as_str() {
        "complex128" => actual(&r.to_typed::<C128>().unwrap()),
        "complex64" => actual(&r.to_typed::<C64>().unwrap()),
        "float64" => actual(&r.to_typed::<f64>().unwrap()),
        "float32" => actual(&r.to_typed::<f32>().unwrap()),
        other => panic!("unexpected result dtype {other}"),
    }
}

/// Runs a transform on a dynamic view.
fn run_dyn(a: &DynView<'_>, c: &Call) -> R<Actual> {
    use nprs_fft as f;
    let (n, axis, s, axes, norm) = (c.n, c.axis.unwrap_or(-1), c.s.as_deref(), c.axes.as_deref(), c.norm);
    let r = match c.f.as_str() {
        "fft" => f::fft_dyn(a, n, axis, norm),
        "ifft" => f::ifft_dyn(a, n, axis, norm),
        "rfft" => f::rfft_dyn(a, n, axis, norm),
        "irfft" => f::irfft_dyn(a, n, axis, norm),
        "hfft" => f::hfft_dyn(a, n, axis, norm),
        "ihfft" => f::ihfft_dyn(a, n, axis, norm),
        "fftn" => f::fftn_dyn(a, s, axes, norm),
        "ifftn" => f::ifftn_dyn(a, s, axes, norm),
        "fft2" => f::fft2_dyn(a, s, axes, norm),
        "ifft2" => f::ifft2_dyn(a, s, axes, norm),
        "rfftn" => f::rfftn_dyn(a, s, axes, norm),
        "rfft2" => f::rfft2_dyn(a, s, axes, norm),
        "irfftn" => f::irfftn_dyn(a, s, axes, norm),
        "irfft2" => f::irfft2_dyn(a, s, axes, norm),
        other => panic!("unknown transform {other}"),
    }?;
    Ok(dyn_actual(&r))
}

/// Checks `got` against the case within the stated bound.
fn check_close(case: &Case, got: &Actual, input_size: usize, how: &str) {
    let want = case.array();
    assert_eq!(want.name, got.name, "{} ({how}): dtype", case.name);
    assert_eq!(want.shape, got.shape, "{} ({how}): shape", case.name);
    let pairs: Vec<((f64, f64), (f64, f64))> = match (&want.data, &got.data) {
        (Elems::Complex(w), Elems::Complex(g)) => w.iter().copied().zip(g.iter().copied()).collect(),
        (Elems::Float(w), Elems::Float(g)) => w.iter().map(|&x| (x, 0.0)).zip(g.iter().map(|&x| (x, 0.0))).collect(),
        _ => panic!("{}: element kinds differ", case.name),
    };
    let eps =
        if want.name.ends_with("32") || want.name == "complex64" { f64::from(f32::EPSILON) } else { f64::EPSILON };
    let size = input_size.max(pairs.len()).max(2) as f64;
    let scale = pairs.iter().map(|(w, _)| w.0.hypot(w.1)).fold(0.0, f64::max);
    let bound = 8.0 * eps * size.log2().max(1.0) * scale;
    let err = pairs.iter().map(|(w, g)| (w.0 - g.0).abs().max((w.1 - g.1).abs())).fold(0.0, f64::max);
    case.assert(err <= bound, &format!("({how}): max error {err:e} above the bound {bound:e}"));
}

fn check_case(case: &Case, input: &Input, c: &Call) {
    macro_rules! with {
        ($arr:expr, $run:ident) => {{
            let a: ArrayView<'_, _> = if c.t { $arr.t() } else { $arr.view() };
            (a.size(), $run(&a, c), run_dyn(&DynView::from(a.clone()), c))
        }};
    }
    let (size, typed, dynamic) = match input {
        Input::F64(a) => with!(a, run_real),
        Input::F32(a) => with!(a, run_real),
        Input::I64(a) => with!(a, run_real),
        Input::C64(a) => with!(a, run_any),
        Input::C128(a) => with!(a, run_any),
    };
    match (&case.result, typed, dynamic) {
        (nprs_testkit::Value::Error { .. }, Err(e), Err(d)) => {
            case.check_error(e.kind().name(), &e.to_string());
            case.check_error(d.kind().name(), &d.to_string());
        }
        (_, Ok(t), Ok(d)) => {
            check_close(case, &t, size, "typed");
            check_close(case, &d, size, "dynamic");
        }
        (_, t, d) => {
            panic!("{}: typed {:?} / dynamic {:?} disagree with NumPy's {:?}", case.name, t.err(), d.err(), case.result)
        }
    }
}

#[test]
fn every_transform_case_matches_numpy() {
    let o = oracle("fft/transforms");
    let mut checked = 0;
    let mut inputs = 0;
    for case in o.iter() {
        if case.name.starts_with("in__") {
            inputs += 1;
            continue;
        }
        let c = parse(&case.name);
        let input = load(o.case(&format!("in__{}", c.input)).array());
        check_case(case, &input, &c);
        checked += 1;
    }
    assert_eq!(checked + inputs, o.len(), "every recorded case is compared");
    assert!(checked > 1000, "{checked} cases");
}
