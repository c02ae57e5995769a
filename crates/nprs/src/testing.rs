//! `numpy.testing`: assertions on arrays whose failure reports are NumPy's, word for word.
//!
//! Each assertion returns `Ok(())` or an [`AssertionError`] holding the report NumPy's
//! `AssertionError` would carry — the header, the mismatched-element count and percentage,
//! the first mismatched indices, the largest absolute and relative differences, and both
//! arrays printed as NumPy prints them. In a test, `.unwrap()` panics with that report
//! (`AssertionError`'s `Debug` is the report itself), so a failing test reads as it does
//! in NumPy:
//!
//! ```
//! use nprs::array;
//! use nprs::testing::assert_allclose;
//!
//! assert_allclose(&array![1.0, 2.0], &array![1.0, 2.0 + 1e-9], 1e-7, 0.0, true, "").unwrap();
//! let e = assert_allclose(&array![1.0, 2.0, 3.0], &array![1.0, 2.5, 3.0], 1e-7, 0.0, true, "").unwrap_err();
//! assert_eq!(
//!     e.to_string(),
//!     "\nNot equal to tolerance rtol=1e-07, atol=0\n\nMismatched elements: 1 / 3 (33.3%)\n\
//!      Mismatch at index:\n [1]: 2.0 (ACTUAL), 2.5 (DESIRED)\n\
//!      Max absolute difference among violations: 0.5\n\
//!      Max relative difference among violations: 0.2\n \
//!      ACTUAL: array([1., 2., 3.])\n DESIRED: array([1. , 2.5, 3. ])"
//! );
//! ```
//!
//! The array assertions take two arrays (owned or views) of one real element type
//! (`i8`…`u64`, `f32`, `f64`); a 0-d array broadcasts against the other as NumPy's scalar
//! does. [`assert_string_equal`] reports differing lines as NumPy does, with a port of the
//! part of Python's `difflib` it uses.

use std::fmt;

use nprs_core::print::{PrintOptions, array_repr, array2string, get_printoptions};
use nprs_core::scalar::NpFormat;
use nprs_core::{Array, ArrayBase, ArrayView, Element, kernel::Data};

mod compare;
mod difflib;
pub use compare::{CompareOptions, assert_array_compare, build_err_msg};

/// A failed assertion: NumPy's `AssertionError` with its message. `Display` and `Debug`
/// are both the message, so `unwrap()` shows NumPy's report.
#[derive(Clone, PartialEq, Eq)]
pub struct AssertionError {
    message: String,
}

impl AssertionError {
    fn new(message: String) -> Self {
        AssertionError { message }
    }

    /// The report, as `str()` of NumPy's `AssertionError`.
    #[must_use]
    pub fn message(&self) -> &str {
        &self.message
    }
}

impl fmt::Display for AssertionError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl fmt::Debug for AssertionError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for AssertionError {}

/// The result of an assertion.
pub type AssertResult<T = ()> = std::result::Result<T, AssertionError>;

/// Python's `format(x, '.{p}g')`.
fn py_g(x: f64, p: usize) -> String {
    if x.is_nan() {
        return "nan".into();
    }
    if x.is_infinite() {
        return if x > 0.0 { "inf".into() } else { "-inf".into() };
    }
    if x == 0.0 {
        return if x.is_sign_negative() { "-0".into() } else { "0".into() };
    }
    let p = p.max(1);
    let sci = format!("{:.*e}", p - 1, x);
    let (mant, exp) = sci.split_once('e').unwrap_or((&sci, "0"));
    let exp: i32 = exp.parse().unwrap_or(0);
    let strip = |s: &str| -> String {
        if s.contains('.') { s.trim_end_matches('0').trim_end_matches('.').to_string() } else { s.to_string() }
    };
    if exp < -4 || exp >= p as i32 {
        let sign = if exp < 0 { '-' } else { '+' };
        format!("{}e{sign}{:02}", strip(mant), exp.unsigned_abs())
    } else {
        let decimals = usize::try_from(p as i32 - 1 - exp).unwrap_or(0);
        strip(&format!("{x:.decimals$}"))
    }
}

/// A Python tuple of a shape: `(2,)`, `(2, 3)`, `()`.
fn shape_str(shape: &[usize]) -> String {
    match shape {
        [n] => format!("({n},)"),
        _ => format!("({})", shape.iter().map(ToString::to_string).collect::<Vec<_>>().join(", ")),
    }
}

/// NumPy's `build_err_msg` on ready `repr`s: the header (with `err_msg` on its line when short), the extra
/// lines, and each array's `repr` at `precision` (cut to three lines).
fn err_msg_of_reprs(reprs: &[(&str, String)], err_msg: &str, header: &str) -> String {
    let mut msg = vec![format!("\n{header}")];
    if !err_msg.is_empty() {
        if !err_msg.contains('\n') && err_msg.len() < 79usize.saturating_sub(header.len()) {
            msg[0] = format!("{} {err_msg}", msg[0]);
        } else {
            msg.push(err_msg.to_string());
        }
    }
    for (name, r) in reprs {
        let r = if r.matches('\n').count() > 3 {
            let mut cut = r.lines().take(3).collect::<Vec<_>>().join("\n");
            cut.push_str("...");
            cut
        } else {
            r.clone()
        };
        msg.push(format!(" {name}: {r}"));
    }
    msg.join("\n")
}

fn repr_at<S: Data>(a: &ArrayBase<S>, precision: usize) -> String {
    let opts = PrintOptions { precision, ..get_printoptions() };
    array_repr(a, &opts)
}

/// NumPy's `array2string` of one value (a 0-d array), as the difference lines print it.
fn value_str<T: Element>(x: T) -> String {
    array2string(&Array::from_elem_0d(x), &get_printoptions(), " ", "", "")
}

/// The real element types the assertions compare, with NumPy's arithmetic for them.
pub trait TestElem: Element + NpFormat + PartialOrd {
    /// The type of `error / abs(desired)` (`float64` for integers).
    type Rel: Element + PartialOrd;
    /// `isnan`.
    fn is_nan(self) -> bool;
    /// `isinf`.
    fn is_inf(self) -> bool;
    /// `abs(x - y)` in the element type (integers wrap as NumPy's do; unsigned integers take
    /// the smaller of both orders, as `assert_array_compare` does).
    fn abs_err(x: Self, y: Self) -> Self;
    /// `error / abs(y)`.
    fn rel(err: Self, y: Self) -> Self::Rel;
    /// Whether `y != 0`.
    fn nonzero(self) -> bool;
    /// `isclose(x, y, rtol, atol)` for finite values, computed in NumPy's dtype
    /// (`result_type(y, 1.0)`).
    fn close(x: Self, y: Self, rtol: f64, atol: f64) -> bool;
    /// `abs(x - y) < 1.5 * 10**-decimal`.
    fn almost(x: Self, y: Self, decimal: i32) -> bool;
    /// Whether the relative value is NaN.
    fn rel_nan(r: Self::Rel) -> bool;
    /// Infinity of the relative type.
    fn rel_inf() -> Self::Rel;
    /// How an f-string shows the element (NumPy's float scalars format as Python floats).
    fn py_format(self) -> String;
}

macro_rules! test_float {
    ($t:ty) => {
        impl TestElem for $t {
            type Rel = $t;
            fn is_nan(self) -> bool {
                self.is_nan()
            }
            fn is_inf(self) -> bool {
                self.is_infinite()
            }
            fn abs_err(x: Self, y: Self) -> Self {
                (x - y).abs()
            }
            fn rel(err: Self, y: Self) -> Self {
                err / y.abs()
            }
            fn nonzero(self) -> bool {
                self != 0.0
            }
            #[allow(clippy::cast_possible_truncation)] // Python floats are weak: they take the array's type
            fn close(x: Self, y: Self, rtol: f64, atol: f64) -> bool {
                (x - y).abs() <= atol as $t + rtol as $t * y.abs()
            }
            #[allow(clippy::cast_possible_truncation, clippy::cast_lossless)] // NumPy compares in float64
            fn almost(x: Self, y: Self, decimal: i32) -> bool {
                (((x - y).abs()) as f64) < 1.5 * 10f64.powi(-decimal)
            }
            fn rel_nan(r: Self) -> bool {
                r.is_nan()
            }
            fn rel_inf() -> Self {
                <$t>::INFINITY
            }
            fn py_format(self) -> String {
                f64::from(self).np().to_string()
            }
        }
    };
}
test_float!(f32);
test_float!(f64);

macro_rules! test_int {
    ($($t:ty => $signed:expr),*) => {$(
        impl TestElem for $t {
            type Rel = f64;
            fn is_nan(self) -> bool {
                false
            }
            fn is_inf(self) -> bool {
                false
            }
            #[allow(unused_comparisons)]
            fn abs_err(x: Self, y: Self) -> Self {
                if $signed {
                    let d = x.wrapping_sub(y);
                    if d < 0 { d.wrapping_neg() } else { d }
                } else {
                    x.wrapping_sub(y).min(y.wrapping_sub(x))
                }
            }
            #[allow(clippy::cast_precision_loss, clippy::cast_lossless)] // true division in float64
            fn rel(err: Self, y: Self) -> f64 {
                (err as f64) / (y as f64).abs()
            }
            fn nonzero(self) -> bool {
                self != 0
            }
            #[allow(clippy::cast_precision_loss, clippy::cast_lossless)] // NumPy compares in float64
            fn close(x: Self, y: Self, rtol: f64, atol: f64) -> bool {
                let (x, y) = (x as f64, y as f64);
                (x - y).abs() <= atol + rtol * y.abs()
            }
            #[allow(clippy::cast_precision_loss, clippy::cast_lossless)] // NumPy compares in float64
            fn almost(x: Self, y: Self, decimal: i32) -> bool {
                (Self::abs_err(x, y) as f64) < 1.5 * 10f64.powi(-decimal)
            }
            fn rel_nan(r: f64) -> bool {
                r.is_nan()
            }
            fn rel_inf() -> f64 {
                f64::INFINITY
            }
            fn py_format(self) -> String {
                self.to_string()
            }
        }
    )*};
}
test_int!(i8 => true, i16 => true, i32 => true, i64 => true, u8 => false, u16 => false, u32 => false, u64 => false);

/// The largest value, NaN if any is NaN (`np.max`).
fn nan_max<T: Element + PartialOrd>(vals: impl Iterator<Item = T>, is_nan: impl Fn(T) -> bool) -> Option<T> {
    let mut best: Option<T> = None;
    for v in vals {
        if is_nan(v) {
            return Some(v);
        }
        if best.is_none_or(|b| v > b) {
            best = Some(v);
        }
    }
    best
}

/// What an array comparison needs besides the arrays.
struct Compare<'s> {
    header: String,
    err_msg: &'s str,
    names: [&'static str; 2],
    precision: usize,
    equal_nan: bool,
    equal_inf: bool,
}

/// The multi-index of flat position `i` in `shape`, as Python prints a list: `[0, 2]`.
fn index_list(mut i: usize, shape: &[usize]) -> String {
    let mut ix = vec![0usize; shape.len()];
    for (slot, &d) in ix.iter_mut().zip(shape).rev() {
        *slot = i % d;
        i /= d;
    }
    format!("[{}]", ix.iter().map(ToString::to_string).collect::<Vec<_>>().join(", "))
}

/// NumPy's `assert_array_compare`: shapes (a 0-d side broadcasts), NaN and infinity
/// positions, then `ok(x, y)` on the remaining elements, with NumPy's report on failure.
fn array_compare<T: TestElem, SA: Data<Elem = T>, SB: Data<Elem = T>>(
    actual: &ArrayBase<SA>,
    desired: &ArrayBase<SB>,
    c: &Compare<'_>,
    ok: impl Fn(T, T) -> bool,
) -> AssertResult {
    let reprs = || vec![(c.names[0], repr_at(actual, c.precision)), (c.names[1], repr_at(desired, c.precision))];
    let fail = |extra: String| AssertionError::new(err_msg_of_reprs(&reprs(), &extra, &c.header));
    let (xs, ys) = (actual.shape(), desired.shape());
    if !(xs.is_empty() || ys.is_empty() || xs == ys) {
        return Err(fail(format!("{}\n(shapes {}, {} mismatch)", c.err_msg, shape_str(xs), shape_str(ys))));
    }
    let shape: Vec<usize> = if xs.is_empty() { ys.to_vec() } else { xs.to_vec() };
    let bx: ArrayView<'_, T> = actual.broadcast_to(&shape).map_err(|e| fail(e.to_string()))?;
    let by: ArrayView<'_, T> = desired.broadcast_to(&shape).map_err(|e| fail(e.to_string()))?;
    let (x, y) = (bx.to_vec(), by.to_vec());
    let n = x.len();
    let mut flagged = vec![false; n];
    if c.equal_nan {
        if x.iter().zip(&y).any(|(a, b)| a.is_nan() != b.is_nan()) {
            return Err(fail(format!("{}\nnan location mismatch:", c.err_msg)));
        }
        for (f, a) in flagged.iter_mut().zip(&x) {
            *f = a.is_nan();
        }
    }
    if c.equal_inf {
        let xi = |i: usize| x[i].is_inf() && !flagged[i];
        let yi = |i: usize| y[i].is_inf() && !flagged[i];
        if (0..n).any(|i| xi(i) != yi(i)) {
            return Err(fail(format!("{}\ninf location mismatch:", c.err_msg)));
        }
        let infs: Vec<usize> = (0..n).filter(|&i| xi(i)).collect();
        if infs.iter().any(|&i| x[i] != y[i]) {
            // NumPy shows the infinite elements alone here.
            let only = |v: &[T]| Array::from_vec(infs.iter().map(|&i| v[i]).collect());
            let reprs = [(c.names[0], repr_at(&only(&x), c.precision)), (c.names[1], repr_at(&only(&y), c.precision))];
            let extra = format!("{}\ninf values mismatch:", c.err_msg);
            return Err(AssertionError::new(err_msg_of_reprs(&reprs, &extra, &c.header)));
        }
        for i in infs {
            flagged[i] = true;
        }
    }
    let checked: Vec<usize> = (0..n).filter(|&i| !flagged[i]).collect();
    let invalid: Vec<usize> = checked.iter().copied().filter(|&i| !ok(x[i], y[i])).collect();
    if invalid.is_empty() {
        return Ok(());
    }
    // NumPy's total counts the flagged (NaN, infinite) elements too.
    let total = n;
    let percent = 100.0 * invalid.len() as f64 / total as f64;
    let mut remarks = vec![format!("Mismatched elements: {} / {total} ({}%)", invalid.len(), py_g(percent, 3))];
    if !shape.is_empty() {
        // An element formats as a Python number; a 0-d side prints whole, as NumPy's `str`.
        let show = |v: &[T], full: bool, i: usize| if full { v[i].py_format() } else { v[0].np().to_string() };
        let ax = actual.to_vec();
        let ay = desired.to_vec();
        let lines: Vec<String> = invalid
            .iter()
            .take(5)
            .map(|&i| {
                format!(
                    " {}: {} ({}), {} ({})",
                    index_list(i, &shape),
                    show(&ax, !xs.is_empty(), i),
                    c.names[0],
                    show(&ay, !ys.is_empty(), i),
                    c.names[1]
                )
            })
            .collect();
        let head = match invalid.len() {
            1 => "Mismatch at index:",
            2..=5 => "Mismatch at indices:",
            _ => "First 5 mismatches are at indices:",
        };
        remarks.push(format!("{head}\n{}", lines.join("\n")));
    }
    let errs: Vec<T> = invalid.iter().map(|&i| T::abs_err(x[i], y[i])).collect();
    if let Some(m) = nan_max(errs.iter().copied(), T::is_nan) {
        remarks.push(format!("Max absolute difference among violations: {}", value_str(m)));
    }
    let rels = invalid.iter().zip(&errs).filter(|(i, _)| y[**i].nonzero()).map(|(&i, &e)| T::rel(e, y[i]));
    let max_rel = nan_max(rels, T::rel_nan).unwrap_or_else(T::rel_inf);
    remarks.push(format!("Max relative difference among violations: {}", value_str(max_rel)));
    Err(fail(format!("{}\n{}", c.err_msg, remarks.join("\n"))))
}

/// `numpy.testing.assert_allclose(actual, desired, rtol, atol, equal_nan, err_msg)`:
/// `|actual - desired| <= atol + rtol * |desired|` everywhere (NumPy's defaults are
/// `rtol=1e-7`, `atol=0`, `equal_nan=True`, `err_msg=''`); NaNs (with `equal_nan`) and
/// infinities must sit in the same places.
///
/// ```
/// use nprs::array;
/// use nprs::testing::assert_allclose;
/// assert!(assert_allclose(&array![1.0, 2.0], &array![1.0, 2.0000001], 1e-7, 0.0, true, "").is_ok());
/// assert!(assert_allclose(&array![1.0, 2.0], &array![1.0, 2.1], 1e-7, 0.0, true, "").is_err());
/// ```
///
/// # Errors
/// The [`AssertionError`] NumPy raises, with its report.
pub fn assert_allclose<T: TestElem, SA: Data<Elem = T>, SB: Data<Elem = T>>(
    actual: &ArrayBase<SA>,
    desired: &ArrayBase<SB>,
    rtol: f64,
    atol: f64,
    equal_nan: bool,
    err_msg: &str,
) -> AssertResult {
    let c = Compare {
        header: format!("Not equal to tolerance rtol={}, atol={}", py_g(rtol, 6), py_g(atol, 6)),
        err_msg,
        names: ["ACTUAL", "DESIRED"],
        precision: 6,
        equal_nan,
        equal_inf: true,
    };
    array_compare(actual, desired, &c, |x, y| T::close(x, y, rtol, atol))
}

/// `numpy.testing.assert_array_equal(actual, desired, err_msg)`: equal shapes (or a 0-d
/// side) and equal elements; NaNs in the same places count as equal.
///
/// ```
/// use nprs::array;
/// use nprs::testing::assert_array_equal;
/// let e = assert_array_equal(&array![1, 2, 3], &array![1, 5, 3], "").unwrap_err();
/// assert!(e.to_string().starts_with("\nArrays are not equal\n\nMismatched elements: 1 / 3 (33.3%)"));
/// ```
///
/// # Errors
/// The [`AssertionError`] NumPy raises, with its report.
pub fn assert_array_equal<T: TestElem, SA: Data<Elem = T>, SB: Data<Elem = T>>(
    actual: &ArrayBase<SA>,
    desired: &ArrayBase<SB>,
    err_msg: &str,
) -> AssertResult {
    let c = Compare {
        header: "Arrays are not equal".into(),
        err_msg,
        names: ["ACTUAL", "DESIRED"],
        precision: 6,
        equal_nan: true,
        equal_inf: true,
    };
    array_compare(actual, desired, &c, |x, y| x == y)
}

/// `numpy.testing.assert_equal(actual, desired, err_msg)` for arrays: the same as
/// [`assert_array_equal`], as NumPy delegates for arrays.
///
/// ```
/// use nprs::array;
/// use nprs::testing::assert_equal;
/// assert!(assert_equal(&array![1.0, f64::NAN], &array![1.0, f64::NAN], "").is_ok());
/// ```
///
/// # Errors
/// The [`AssertionError`] NumPy raises, with its report.
pub fn assert_equal<T: TestElem, SA: Data<Elem = T>, SB: Data<Elem = T>>(
    actual: &ArrayBase<SA>,
    desired: &ArrayBase<SB>,
    err_msg: &str,
) -> AssertResult {
    assert_array_equal(actual, desired, err_msg)
}

/// `numpy.testing.assert_array_almost_equal(actual, desired, decimal, err_msg)`:
/// `|actual - desired| < 1.5 * 10**-decimal` everywhere (NumPy's default `decimal` is 6).
///
/// ```
/// use nprs::array;
/// use nprs::testing::assert_array_almost_equal;
/// assert!(assert_array_almost_equal(&array![1.0, 2.0], &array![1.0, 2.0000001], 6, "").is_ok());
/// ```
///
/// # Errors
/// The [`AssertionError`] NumPy raises, with its report.
pub fn assert_array_almost_equal<T: TestElem, SA: Data<Elem = T>, SB: Data<Elem = T>>(
    actual: &ArrayBase<SA>,
    desired: &ArrayBase<SB>,
    decimal: i32,
    err_msg: &str,
) -> AssertResult {
    let c = Compare {
        header: format!("Arrays are not almost equal to {decimal} decimals"),
        err_msg,
        names: ["ACTUAL", "DESIRED"],
        precision: usize::try_from(decimal).unwrap_or(0),
        equal_nan: true,
        equal_inf: true,
    };
    array_compare(actual, desired, &c, |x, y| T::almost(x, y, decimal))
}

/// `numpy.testing.assert_almost_equal(actual, desired, decimal, err_msg)` for arrays: the
/// same as [`assert_array_almost_equal`] (NumPy's default `decimal` here is 7). For two
/// numbers see [`assert_almost_equal_scalar`].
///
/// # Errors
/// The [`AssertionError`] NumPy raises, with its report.
pub fn assert_almost_equal<T: TestElem, SA: Data<Elem = T>, SB: Data<Elem = T>>(
    actual: &ArrayBase<SA>,
    desired: &ArrayBase<SB>,
    decimal: i32,
    err_msg: &str,
) -> AssertResult {
    assert_array_almost_equal(actual, desired, decimal, err_msg)
}

/// Python's `repr` of a float, as `build_err_msg` shows a number.
fn float_repr(x: f64) -> String {
    x.np().to_string()
}

/// `numpy.testing.assert_almost_equal(actual, desired, decimal)` for two numbers:
/// `|desired - actual| < 1.5 * 10**-decimal`; two NaNs, or equal infinities, are equal.
///
/// ```
/// use nprs::testing::assert_almost_equal_scalar;
/// let e = assert_almost_equal_scalar(1.0, 1.1, 7, "").unwrap_err();
/// assert_eq!(e.to_string(), "\nArrays are not almost equal to 7 decimals\n ACTUAL: 1.0\n DESIRED: 1.1");
/// ```
///
/// # Errors
/// The [`AssertionError`] NumPy raises, with its report.
pub fn assert_almost_equal_scalar(actual: f64, desired: f64, decimal: i32, err_msg: &str) -> AssertResult {
    let fail = || {
        AssertionError::new(err_msg_of_reprs(
            &[("ACTUAL", float_repr(actual)), ("DESIRED", float_repr(desired))],
            err_msg,
            &format!("Arrays are not almost equal to {decimal} decimals"),
        ))
    };
    if !(actual.is_finite() && desired.is_finite()) {
        if actual.is_nan() || desired.is_nan() {
            return if actual.is_nan() && desired.is_nan() { Ok(()) } else { Err(fail()) };
        }
        return if actual == desired { Ok(()) } else { Err(fail()) };
    }
    if (desired - actual).abs() >= 1.5 * 10f64.powi(-decimal) { Err(fail()) } else { Ok(()) }
}

/// `numpy.testing.assert_approx_equal(actual, desired, significant, err_msg)`: equal to
/// `significant` significant digits (NumPy's default is 7).
///
/// ```
/// use nprs::testing::assert_approx_equal;
/// assert!(assert_approx_equal(1.0, 1.0 + 1e-9, 7, "").is_ok());
/// let e = assert_approx_equal(1.0, 1.1, 7, "").unwrap_err();
/// assert_eq!(e.to_string(), "\nItems are not equal to 7 significant digits:\n ACTUAL: 1.0\n DESIRED: 1.1");
/// ```
///
/// # Errors
/// The [`AssertionError`] NumPy raises, with its report.
pub fn assert_approx_equal(actual: f64, desired: f64, significant: i32, err_msg: &str) -> AssertResult {
    if desired == actual {
        return Ok(());
    }
    let fail = || {
        AssertionError::new(err_msg_of_reprs(
            &[("ACTUAL", float_repr(actual)), ("DESIRED", float_repr(desired))],
            err_msg,
            &format!("Items are not equal to {significant} significant digits:"),
        ))
    };
    if !(desired.is_finite() && actual.is_finite()) {
        if desired.is_nan() || actual.is_nan() {
            return if desired.is_nan() && actual.is_nan() { Ok(()) } else { Err(fail()) };
        }
        return if desired == actual { Ok(()) } else { Err(fail()) };
    }
    let scale = 0.5 * (desired.abs() + actual.abs());
    let scale = 10f64.powf(scale.log10().floor());
    let (sd, sa) = (desired / scale, actual / scale);
    if (sd - sa).abs() >= 10f64.powi(-(significant - 1)) { Err(fail()) } else { Ok(()) }
}

/// `numpy.testing.assert_array_less(x, y, err_msg)`: `x < y` everywhere (NaNs in the same
/// places are skipped; infinities are compared).
///
/// ```
/// use nprs::array;
/// use nprs::testing::assert_array_less;
/// assert!(assert_array_less(&array![1.0, 2.0], &array![1.5, 2.1], "").is_ok());
/// ```
///
/// # Errors
/// The [`AssertionError`] NumPy raises, with its report.
pub fn assert_array_less<T: TestElem, SA: Data<Elem = T>, SB: Data<Elem = T>>(
    x: &ArrayBase<SA>,
    y: &ArrayBase<SB>,
    err_msg: &str,
) -> AssertResult {
    let c = Compare {
        header: "Arrays are not strictly ordered `x < y`".into(),
        err_msg,
        names: ["x", "y"],
        precision: 6,
        equal_nan: true,
        equal_inf: false,
    };
    array_compare(x, y, &c, |a, b| a < b)
}

/// The float types whose units in the last place the ULP assertions count.
pub trait UlpFloat: TestElem {
    /// NumPy's `integer_repr`: the bits as a signed integer, negative values mirrored so
    /// that the integers are ordered as the floats are.
    fn integer_repr(self) -> i64;
    /// `np.spacing(|x|)`: the distance to the next float away from zero.
    fn spacing_abs(self) -> f64;
    /// The value as `f64`.
    fn as_f64(self) -> f64;
}

impl UlpFloat for f64 {
    #[allow(clippy::cast_possible_wrap)] // a bit pattern, read as NumPy views it
    fn integer_repr(self) -> i64 {
        let r = self.to_bits() as i64;
        if r < 0 { i64::MIN.wrapping_sub(r) } else { r }
    }
    fn spacing_abs(self) -> f64 {
        let a = self.abs();
        if a.is_nan() || a.is_infinite() { f64::NAN } else { a.next_up() - a }
    }
    fn as_f64(self) -> f64 {
        self
    }
}

impl UlpFloat for f32 {
    #[allow(clippy::cast_possible_wrap)] // a bit pattern, read as NumPy views it
    fn integer_repr(self) -> i64 {
        let r = self.to_bits() as i32;
        i64::from(if r < 0 { i32::MIN.wrapping_sub(r) } else { r })
    }
    fn spacing_abs(self) -> f64 {
        let a = self.abs();
        if a.is_nan() || a.is_infinite() { f64::NAN } else { f64::from(a.next_up() - a) }
    }
    fn as_f64(self) -> f64 {
        f64::from(self)
    }
}

/// NumPy's `nulp_diff`: the number of representable floats between each pair.
fn nulp_diff<T: UlpFloat>(x: &[T], y: &[T]) -> Vec<i64> {
    x.iter()
        .zip(y)
        .map(|(&a, &b)| {
            let d = if size_of::<T>() == 8 {
                a.integer_repr().wrapping_sub(b.integer_repr())
            } else {
                // int32 arithmetic, as NumPy's float32 view
                #[allow(clippy::cast_possible_truncation)]
                let d = (a.integer_repr() as i32).wrapping_sub(b.integer_repr() as i32);
                i64::from(d)
            };
            d.wrapping_abs()
        })
        .collect()
}

/// Two same-shaped arrays' elements in C order (a 0-d side broadcast).
fn pair<T: Element, SA: Data<Elem = T>, SB: Data<Elem = T>>(
    a: &ArrayBase<SA>,
    b: &ArrayBase<SB>,
) -> AssertResult<(Vec<T>, Vec<T>)> {
    let shape: Vec<usize> = if a.ndim() == 0 { b.shape().to_vec() } else { a.shape().to_vec() };
    let bad = |_| {
        AssertionError::new(format!(
            "Arrays do not have the same shape: {} - {}",
            shape_str(a.shape()),
            shape_str(b.shape())
        ))
    };
    Ok((a.broadcast_to(&shape).map_err(bad)?.to_vec(), b.broadcast_to(&shape).map_err(bad)?.to_vec()))
}

/// `numpy.testing.assert_array_almost_equal_nulp(x, y, nulp)`: `|x - y| <= nulp *
/// spacing(max(|x|, |y|))` everywhere.
///
/// ```
/// use nprs::array;
/// use nprs::testing::assert_array_almost_equal_nulp;
/// let e = assert_array_almost_equal_nulp(&array![1.0], &array![1.0 + 1e-10], 1).unwrap_err();
/// assert_eq!(e.to_string(), "Arrays are not equal to 1 ULP (max is 450360)");
/// ```
///
/// # Errors
/// The [`AssertionError`] NumPy raises, with its report.
pub fn assert_array_almost_equal_nulp<T: UlpFloat, SA: Data<Elem = T>, SB: Data<Elem = T>>(
    x: &ArrayBase<SA>,
    y: &ArrayBase<SB>,
    nulp: u32,
) -> AssertResult {
    let (xs, ys) = pair(x, y)?;
    let within = xs.iter().zip(&ys).all(|(&a, &b)| {
        let reference = f64::from(nulp) * (if a.as_f64().abs() > b.as_f64().abs() { a } else { b }).spacing_abs();
        T::abs_err(a, b).as_f64() <= reference
    });
    if within {
        return Ok(());
    }
    #[allow(clippy::cast_precision_loss)] // NumPy formats the count with %g
    let max = nulp_diff(&xs, &ys).into_iter().max().unwrap_or(0) as f64;
    Err(AssertionError::new(format!("Arrays are not equal to {nulp} ULP (max is {})", py_g(max, 6))))
}

/// `numpy.testing.assert_array_max_ulp(a, b, maxulp)`: at most `maxulp` representable
/// floats between each pair; returns the counts (NumPy's `nulp_diff`) when they are.
///
/// ```
/// use nprs::array;
/// use nprs::testing::assert_array_max_ulp;
/// assert_eq!(assert_array_max_ulp(&array![1.0f32], &array![1.0f32], 1).unwrap(), vec![0]);
/// ```
///
/// # Errors
/// The [`AssertionError`] NumPy raises, with its report.
pub fn assert_array_max_ulp<T: UlpFloat, SA: Data<Elem = T>, SB: Data<Elem = T>>(
    a: &ArrayBase<SA>,
    b: &ArrayBase<SB>,
    maxulp: u32,
) -> AssertResult<Vec<i64>> {
    let (xs, ys) = pair(a, b)?;
    let ret = nulp_diff(&xs, &ys);
    if ret.iter().all(|&d| d <= i64::from(maxulp)) {
        return Ok(ret);
    }
    #[allow(clippy::cast_precision_loss)] // NumPy formats the count with %g
    let max = ret.iter().copied().max().unwrap_or(0) as f64;
    Err(AssertionError::new(format!(
        "Arrays are not almost equal up to {} ULP (max difference is {} ULP)",
        py_g(f64::from(maxulp), 6),
        py_g(max, 6)
    )))
}

/// Python's `str.splitlines(keepends=True)`.
fn split_lines_keep(s: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur = String::new();
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        cur.push(c);
        let brk = match c {
            '\r' => {
                if chars.peek() == Some(&'\n') {
                    cur.push('\n');
                    chars.next();
                }
                true
            }
            '\n' | '\x0b' | '\x0c' | '\x1c' | '\x1d' | '\x1e' | '\u{85}' | '\u{2028}' | '\u{2029}' => true,
            _ => false,
        };
        if brk {
            out.push(std::mem::take(&mut cur));
        }
    }
    if !cur.is_empty() {
        out.push(cur);
    }
    out
}

/// Python's `repr` of a string.
fn py_str_repr(s: &str) -> String {
    let quote = if s.contains('\'') && !s.contains('"') { '"' } else { '\'' };
    let mut out = String::from(quote);
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c == quote => {
                out.push('\\');
                out.push(c);
            }
            c if (c as u32) < 0x20 || c as u32 == 0x7f => out.push_str(&format!("\\x{:02x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push(quote);
    out
}

/// `numpy.testing.assert_string_equal(actual, desired)`: equal strings, or NumPy's report
/// of the differing lines (`difflib`'s `ndiff`, with its `?` hint lines).
///
/// ```
/// use nprs::testing::assert_string_equal;
/// let e = assert_string_equal("abc\ndef\n", "abc\nxef\n").unwrap_err();
/// assert_eq!(e.to_string(), "Differences in strings:\n- def\n? ^\n+ xef\n? ^");
/// ```
///
/// # Errors
/// The [`AssertionError`] NumPy raises, with its report (a line NumPy cannot pair, such as
/// an inserted line, is reported as its Python `repr`, as NumPy does).
pub fn assert_string_equal(actual: &str, desired: &str) -> AssertResult {
    if actual == desired {
        return Ok(());
    }
    let (a, b) = (split_lines_keep(actual), split_lines_keep(desired));
    let mut diff: std::collections::VecDeque<String> = difflib::compare(&a, &b).into();
    let mut diff_list: Vec<String> = Vec::new();
    let empty = || AssertionError::new("pop from empty list".into());
    while let Some(d1) = diff.pop_front() {
        if d1.starts_with("  ") {
            continue;
        }
        if !d1.starts_with("- ") {
            return Err(AssertionError::new(py_str_repr(&d1)));
        }
        let mut l = vec![d1.clone()];
        let mut d2 = diff.pop_front().ok_or_else(empty)?;
        if d2.starts_with("? ") {
            l.push(d2);
            d2 = diff.pop_front().ok_or_else(empty)?;
        }
        if !d2.starts_with("+ ") {
            return Err(AssertionError::new(py_str_repr(&d2)));
        }
        l.push(d2.clone());
        if let Some(d3) = diff.pop_front() {
            if d3.starts_with("? ") {
                l.push(d3);
            } else {
                diff.push_front(d3);
            }
        }
        if d2[2..] == d1[2..] {
            continue;
        }
        diff_list.extend(l);
    }
    if diff_list.is_empty() {
        return Ok(());
    }
    Err(AssertionError::new(format!("Differences in strings:\n{}", diff_list.concat().trim_end())))
}
