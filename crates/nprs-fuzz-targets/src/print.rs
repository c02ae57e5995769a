//! Printing under arbitrary print options.

use nprs_core::kernel::Data;
use nprs_core::print::{FloatMode, PrintOptions, Sign, array_repr, array_str, with_printoptions};
use nprs_core::{Array, ArrayBase, Element, SliceArg};

use crate::Input;

const FLOATS: [f64; 16] = [
    0.0,
    -0.0,
    1.0,
    -1.5,
    0.1,
    1e16,
    1e-5,
    123_456.789,
    f64::NAN,
    f64::INFINITY,
    f64::NEG_INFINITY,
    f64::MAX,
    f64::MIN_POSITIVE,
    5e-324,
    1e-300,
    0.333_333_333_333_333_3,
];

/// Prints a small array (f64, f32, i64 or bool; 0 to 3 axes of 0 to 5 elements; C order,
/// transposed or reversed) under print options drawn from `data` (precision 0–40,
/// thresholds from 0, edge items 0–4, line widths from 0, suppress, NaN/inf strings, sign,
/// float mode), with `str` and `repr`, and checks: no panic; the thread-local options and
/// the explicit ones print alike; when nothing is summarised, one token per element; with
/// `floatmode='unique'` (and no `suppress`) every token parses back to its element
/// exactly.
///
/// # Panics
/// On any failed check.
pub fn print_options(data: &[u8]) {
    let mut inp = Input::new(data);
    let opts = PrintOptions {
        precision: inp.below(41),
        threshold: inp.pick(&[0, 1, 2, 5, 10, 1000, usize::MAX]),
        edgeitems: inp.below(5),
        linewidth: inp.pick(&[0, 1, 2, 10, 20, 40, 75, 200]),
        suppress: inp.flag(),
        nanstr: inp.pick(&["nan", "NaN", "N/A", "NAN"]).to_string(),
        infstr: inp.pick(&["inf", "Inf", "∞", "INF"]).to_string(),
        sign: inp.pick(&[Sign::Minus, Sign::Plus, Sign::Space]),
        floatmode: inp.pick(&[FloatMode::Fixed, FloatMode::Unique, FloatMode::MaxPrec, FloatMode::MaxPrecEqual]),
    };
    let ndim = inp.below(4);
    let shape: Vec<usize> = (0..ndim).map(|_| inp.below(6)).collect();
    let n: usize = shape.iter().product();
    let layout = inp.below(3);
    let kind = inp.below(4);
    let floats: Vec<f64> =
        (0..n).map(|_| if inp.flag() { f64::from_bits(inp.u64()) } else { FLOATS[inp.below(FLOATS.len())] }).collect();
    match kind {
        0 => check(&make(&shape, floats), layout, &opts),
        1 => check(&make(&shape, floats.iter().map(|&x| x as f32).collect()), layout, &opts),
        2 => check(&make(&shape, floats.iter().map(|&x| x.to_bits() as i64 >> inp.below(64)).collect()), layout, &opts),
        _ => check(&make(&shape, floats.iter().map(|x| x.to_bits() & 1 == 1).collect()), layout, &opts),
    }
}

fn make<T: Element>(shape: &[usize], v: Vec<T>) -> Array<T> {
    Array::from_shape_vec(shape, v).expect("as many values as the shape holds")
}

/// An element type whose printed tokens can be read back.
trait Token: Element + PartialEq {
    fn parse(tok: &str, opts: &PrintOptions) -> Option<Self>;
    /// True when `floatmode='unique'` promises that tokens read back exactly.
    const FLOAT: bool;
    /// True for a NaN.
    fn nan(self) -> bool {
        false
    }
}

fn parse_float(tok: &str, opts: &PrintOptions) -> Option<f64> {
    let (neg, body) = match tok.strip_prefix('-') {
        Some(b) => (true, b),
        None => (false, tok.strip_prefix('+').unwrap_or(tok)),
    };
    let x = if body == opts.nanstr {
        f64::NAN
    } else if body == opts.infstr {
        f64::INFINITY
    } else {
        body.parse().ok()?
    };
    Some(if neg { -x } else { x })
}

impl Token for f64 {
    fn parse(tok: &str, opts: &PrintOptions) -> Option<Self> {
        parse_float(tok, opts)
    }
    const FLOAT: bool = true;
    fn nan(self) -> bool {
        self.is_nan()
    }
}

impl Token for f32 {
    fn parse(tok: &str, opts: &PrintOptions) -> Option<Self> {
        let (neg, body) = match tok.strip_prefix('-') {
            Some(b) => (true, b),
            None => (false, tok.strip_prefix('+').unwrap_or(tok)),
        };
        let x = if body == opts.nanstr || body == opts.infstr {
            parse_float(body, opts)? as f32
        } else {
            body.parse().ok()?
        };
        Some(if neg { -x } else { x })
    }
    const FLOAT: bool = true;
    fn nan(self) -> bool {
        self.is_nan()
    }
}

impl Token for i64 {
    fn parse(tok: &str, _: &PrintOptions) -> Option<Self> {
        tok.strip_prefix('+').unwrap_or(tok).parse().ok()
    }
    const FLOAT: bool = false;
}

impl Token for bool {
    fn parse(tok: &str, _: &PrintOptions) -> Option<Self> {
        match tok {
            "True" => Some(true),
            "False" => Some(false),
            _ => None,
        }
    }
    const FLOAT: bool = false;
}

fn same<T: Token>(a: T, b: T) -> bool {
    // NaN equals NaN.
    a == b || (a.nan() && b.nan())
}

fn check<T: Token>(a: &Array<T>, layout: usize, opts: &PrintOptions) {
    match layout {
        0 => check_view(a, opts),
        1 => check_view(&a.t(), opts),
        _ => check_view(&a.slice(&vec![SliceArg::Slice { start: None, stop: None, step: -1 }; a.ndim()]), opts),
    }
}

fn check_view<S: Data>(a: &ArrayBase<S>, opts: &PrintOptions)
where
    S::Elem: Token,
{
    let str_ = array_str(a, opts);
    let repr = array_repr(a, opts);
    let (shown, debug) = with_printoptions(opts.clone(), || (format!("{a}"), format!("{a:?}")));
    assert_eq!(shown, str_, "{opts:?}: Display and array_str differ");
    assert_eq!(debug, repr, "{opts:?}: Debug and array_repr differ");
    if a.ndim() == 0 || a.size() > opts.threshold {
        return;
    }
    let tokens: Vec<&str> =
        str_.split(|c: char| c.is_whitespace() || c == '[' || c == ']').filter(|t| !t.is_empty()).collect();
    assert_eq!(tokens.len(), a.size(), "{opts:?}: {} elements printed as {str_:?}", a.size());
    let exact = !S::Elem::FLOAT || (opts.floatmode == FloatMode::Unique && !opts.suppress);
    for (tok, x) in tokens.iter().zip(a.iter()) {
        let back = S::Elem::parse(tok, opts).unwrap_or_else(|| panic!("{opts:?}: token {tok:?} of {str_:?}"));
        if exact {
            assert!(same(back, x), "{opts:?}: token {tok:?} of {str_:?} reads back as another value");
        }
    }
}
