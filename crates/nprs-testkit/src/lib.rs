//! # nprs-testkit
//!
//! Test support for nprs: loads the golden data that real NumPy produced
//! (`tests/oracle/data`, written by `cargo xtask golden`) and compares nprs's results
//! with it. A mismatch panics with the NumPy code of the case, so the failure names the
//! expression nprs disagrees with.
//!
//! ```no_run
//! use nprs_testkit::oracle;
//! let cases = oracle("core/basics");
//! let case = cases.case("broadcast_shapes");
//! let _expected = &case.result;
//! ```
//!
//! Comparison rules: dtype and shape always; integers, bools and strings exactly; floats
//! bit for bit (NaN equals NaN) unless the case states a tolerance (`ulp`, `rtol`,
//! `atol`); errors by Python exception type and message.
//!
//! Read coverage: every comparison that passes marks its case in a per-process record
//! (see [`record`]), and `cargo xtask test` fails when a recorded case was never compared.
//! A test that compares a result its own way (a hash, a property, a tolerance of its own)
//! does so through [`Case::check_with`], [`Case::assert_eq`], [`Case::assert`] or
//! [`Case::assert_item`], which mark the case (or the tuple item) too; reading `case.result`
//! directly marks nothing.
//!
//! Not published; a dev-dependency of the other crates.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::PathBuf;

use nprs_core::copy::{Cast, Family};
use nprs_core::{ArrayBase, DType, Element, kernel::Data};
use serde_json::Value as Json;

/// The folder holding the golden data.
#[must_use]
pub fn data_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../tests/oracle/data")
}

/// The cases of one case file (`"core/basics"` → `tests/oracle/data/core/basics.json`).
///
/// # Panics
/// When the file is missing or malformed (run `cargo xtask golden`).
#[must_use]
pub fn oracle(file: &str) -> Cases {
    let path = data_dir().join(format!("{file}.json"));
    let text = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("cannot read oracle data {}: {e} (run `cargo xtask golden`)", path.display()));
    let doc: Json = serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let mut cases = BTreeMap::new();
    let obj = doc["cases"].as_object().unwrap_or_else(|| panic!("{}: no cases", path.display()));
    for (name, c) in obj {
        let tol =
            Tol { ulp: c["tol"]["ulp"].as_u64(), rtol: c["tol"]["rtol"].as_f64(), atol: c["tol"]["atol"].as_f64() };
        let case = Case {
            file: file.to_string(),
            name: name.clone(),
            expr: c["expr"].as_str().unwrap_or_default().to_string(),
            result: parse_value(&c["result"], file),
            tol,
        };
        cases.insert(name.clone(), case);
    }
    Cases { file: file.to_string(), cases }
}

/// The cases of one file.
#[derive(Debug)]
pub struct Cases {
    file: String,
    cases: BTreeMap<String, Case>,
}

impl Cases {
    /// The case file's name (`"core/basics"`).
    #[must_use]
    pub fn file(&self) -> &str {
        &self.file
    }

    /// One case by name.
    ///
    /// # Panics
    /// When there is no such case.
    #[must_use]
    #[track_caller]
    pub fn case(&self, name: &str) -> &Case {
        self.cases.get(name).unwrap_or_else(|| {
            panic!("oracle {}: no case named {name:?} (regenerate with `cargo xtask golden`)", self.file)
        })
    }

    /// All cases, by name.
    pub fn iter(&self) -> impl Iterator<Item = &Case> {
        self.cases.values()
    }

    /// Cases whose names start with `prefix`.
    pub fn with_prefix<'a>(&'a self, prefix: &'a str) -> impl Iterator<Item = &'a Case> + 'a {
        self.cases.values().filter(move |c| c.name.starts_with(prefix))
    }

    /// Number of cases.
    #[must_use]
    pub fn len(&self) -> usize {
        self.cases.len()
    }

    /// True when the file has no cases.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.cases.is_empty()
    }
}

/// A float tolerance stated by a case.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Tol {
    /// Units in the last place (in the array's own precision).
    pub ulp: Option<u64>,
    /// Relative tolerance.
    pub rtol: Option<f64>,
    /// Absolute tolerance.
    pub atol: Option<f64>,
}

/// One NumPy expression and what it gave.
#[derive(Debug, Clone)]
pub struct Case {
    /// The case file.
    pub file: String,
    /// The case's name.
    pub name: String,
    /// The NumPy code that was run.
    pub expr: String,
    /// What it produced.
    pub result: Value,
    /// The float tolerance (exact when empty).
    pub tol: Tol,
}

/// A recorded result.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    /// An ndarray.
    Array(OArray),
    /// A NumPy scalar (`np.float64(1.5)`), as a 0-d array.
    Scalar(OArray),
    /// A Python bool.
    Bool(bool),
    /// A Python int.
    Int(i128),
    /// A Python float.
    Float(f64),
    /// A Python complex.
    Complex(f64, f64),
    /// A Python str.
    Str(String),
    /// None.
    None,
    /// A tuple or list.
    List(Vec<Value>),
    /// A dict.
    Dict(BTreeMap<String, Value>),
    /// A dtype (`str` and `name`).
    DType(String, String),
    /// The exception NumPy raised.
    Error {
        /// The exception class (`ValueError`).
        kind: String,
        /// Its message.
        message: String,
    },
}

/// An array recorded from NumPy.
#[derive(Debug, Clone, PartialEq)]
pub struct OArray {
    /// `dtype.str`, such as `<f8`.
    pub dtype: String,
    /// `dtype.name`, such as `float64`.
    pub name: String,
    /// The shape.
    pub shape: Vec<usize>,
    /// The elements in C order.
    pub data: Elems,
}

/// Elements in C order.
#[derive(Debug, Clone, PartialEq)]
pub enum Elems {
    /// bool
    Bool(Vec<bool>),
    /// any integer type
    Int(Vec<i128>),
    /// any float type, widened to f64
    Float(Vec<f64>),
    /// any complex type, widened
    Complex(Vec<(f64, f64)>),
    /// unicode or bytes strings
    Str(Vec<String>),
}

impl Elems {
    fn len(&self) -> usize {
        match self {
            Elems::Bool(v) => v.len(),
            Elems::Int(v) => v.len(),
            Elems::Float(v) => v.len(),
            Elems::Complex(v) => v.len(),
            Elems::Str(v) => v.len(),
        }
    }
}

fn parse_float(v: &Json) -> f64 {
    match v {
        Json::String(s) => match s.as_str() {
            "nan" => f64::NAN,
            "inf" => f64::INFINITY,
            "-inf" => f64::NEG_INFINITY,
            _ => panic!("bad float {s:?}"),
        },
        _ => v.as_f64().unwrap_or_else(|| panic!("bad float {v}")),
    }
}

fn parse_int(v: &Json) -> i128 {
    if let Some(i) = v.as_i64() {
        return i128::from(i);
    }
    if let Some(u) = v.as_u64() {
        return i128::from(u);
    }
    v.as_str().and_then(|s| s.parse().ok()).unwrap_or_else(|| panic!("bad int {v}"))
}

fn kind_of(dtype: &str) -> char {
    dtype.chars().nth(1).unwrap_or('?')
}

fn parse_array(m: &Json, file: &str) -> OArray {
    let dtype = m["dtype"].as_str().unwrap_or_default().to_string();
    let name = m["name"].as_str().unwrap_or_default().to_string();
    let shape: Vec<usize> =
        m["shape"].as_array().map(|s| s.iter().map(|d| d.as_u64().unwrap_or(0) as usize).collect()).unwrap_or_default();
    let data = if let Some(rel) = m["npy"].as_str() {
        let bytes =
            std::fs::read(data_dir().join(rel)).unwrap_or_else(|e| panic!("oracle {file}: cannot read {rel}: {e}"));
        npy::parse(&bytes, &dtype).unwrap_or_else(|e| panic!("oracle {file}: {rel}: {e}"))
    } else {
        let items = m["data"].as_array().cloned().unwrap_or_default();
        match kind_of(&dtype) {
            'b' => Elems::Bool(items.iter().map(|x| x.as_bool().unwrap_or(false)).collect()),
            'i' | 'u' | 'M' | 'm' => Elems::Int(items.iter().map(parse_int).collect()),
            'f' => Elems::Float(items.iter().map(parse_float).collect()),
            'c' => Elems::Complex(items.iter().map(|x| (parse_float(&x[0]), parse_float(&x[1]))).collect()),
            _ => Elems::Str(items.iter().map(|x| x.as_str().unwrap_or_default().to_string()).collect()),
        }
    };
    OArray { dtype, name, shape, data }
}

fn parse_value(v: &Json, file: &str) -> Value {
    let Some((tag, inner)) = v.as_object().and_then(|o| o.iter().next()) else {
        panic!("oracle {file}: bad value {v}");
    };
    match tag.as_str() {
        "array" => Value::Array(parse_array(inner, file)),
        "scalar" => {
            let wrapped = serde_json::json!({"dtype": inner["dtype"], "name": inner["name"], "shape": [], "data": [inner["value"]]});
            Value::Scalar(parse_array(&wrapped, file))
        }
        "bool" => Value::Bool(inner.as_bool().unwrap_or(false)),
        "int" => Value::Int(parse_int(inner)),
        "float" => Value::Float(parse_float(inner)),
        "complex" => Value::Complex(parse_float(&inner[0]), parse_float(&inner[1])),
        "str" => Value::Str(inner.as_str().unwrap_or_default().to_string()),
        "none" => Value::None,
        "list" => {
            Value::List(inner.as_array().map(|a| a.iter().map(|x| parse_value(x, file)).collect()).unwrap_or_default())
        }
        "dict" => Value::Dict(
            inner
                .as_object()
                .map(|o| o.iter().map(|(k, x)| (k.clone(), parse_value(x, file))).collect())
                .unwrap_or_default(),
        ),
        "dtype" => Value::DType(
            inner["str"].as_str().unwrap_or_default().to_string(),
            inner["name"].as_str().unwrap_or_default().to_string(),
        ),
        "error" => Value::Error {
            kind: inner["type"].as_str().unwrap_or_default().to_string(),
            message: inner["message"].as_str().unwrap_or_default().to_string(),
        },
        other => panic!("oracle {file}: unknown value tag {other:?}"),
    }
}

/// An nprs result in the oracle's terms, ready to compare.
#[derive(Debug, Clone, PartialEq)]
pub struct Actual {
    /// NumPy's dtype name, such as `float64`.
    pub name: String,
    /// The shape.
    pub shape: Vec<usize>,
    /// The elements in C order.
    pub data: Elems,
}

/// Converts an nprs array into an [`Actual`].
pub fn actual<S: Data>(a: &ArrayBase<S>) -> Actual
where
    S::Elem: Cast,
{
    let v = a.to_vec();
    let data = match <S::Elem as Cast>::FAMILY {
        Family::Bool => Elems::Bool(v.iter().map(|x| x.to_bool()).collect()),
        Family::Int => Elems::Int(v.iter().map(|x| i128::from(x.to_i64_wrapping())).collect()),
        Family::UInt => Elems::Int(v.iter().map(|x| i128::from(x.to_i64_wrapping() as u64)).collect()),
        Family::Float => Elems::Float(v.iter().map(|x| x.to_f64()).collect()),
        Family::Complex => Elems::Complex(v.iter().map(|x| (x.to_f64(), x.imag_f64())).collect()),
    };
    Actual { name: <S::Elem as Element>::DTYPE.name().to_string(), shape: a.shape().to_vec(), data }
}

/// An [`Actual`] from a plain scalar of an element type (as a 0-d array).
pub fn actual_scalar<T: Cast>(x: T) -> Actual {
    let a = nprs_core::Array::from_elem_0d(x);
    actual(&a)
}

fn ulps(a: f64, b: f64, name: &str) -> u64 {
    fn key64(x: f64) -> i128 {
        let b = x.to_bits() as i64;
        i128::from(if b < 0 { i64::MIN - b } else { b })
    }
    fn key32(x: f32) -> i128 {
        let b = x.to_bits() as i32;
        i128::from(if b < 0 { i32::MIN - b } else { b })
    }
    let d = match name {
        "float32" | "complex64" => key32(a as f32) - key32(b as f32),
        "float16" => {
            let (x, y) = (nprs_core::f16::from_f64(a).to_bits() as i16, nprs_core::f16::from_f64(b).to_bits() as i16);
            let k = |v: i16| i128::from(if v < 0 { i16::MIN - v } else { v });
            k(x) - k(y)
        }
        _ => key64(a) - key64(b),
    };
    d.unsigned_abs().min(u128::from(u64::MAX)) as u64
}

impl Tol {
    /// Whether `got` matches NumPy's `want` under this tolerance (bit for bit when none is
    /// stated; NaN matches NaN); `name` is the dtype's NumPy name, which sets the ULP's
    /// precision.
    #[must_use]
    pub fn close(&self, got: f64, want: f64, name: &str) -> bool {
        if got.is_nan() || want.is_nan() {
            return got.is_nan() && want.is_nan();
        }
        if self.ulp.is_none() && self.rtol.is_none() && self.atol.is_none() {
            return got.to_bits() == want.to_bits();
        }
        if got == want {
            return true;
        }
        if let Some(u) = self.ulp
            && ulps(got, want, name) <= u
        {
            return true;
        }
        if self.rtol.is_some() || self.atol.is_some() {
            let (r, a) = (self.rtol.unwrap_or(0.0), self.atol.unwrap_or(0.0));
            return (got - want).abs() <= a + r * want.abs();
        }
        false
    }
}

impl Case {
    fn fail(&self, what: &str) -> ! {
        panic!("oracle {}/{}: {what}\n  NumPy code:\n    {}", self.file, self.name, self.expr.replace('\n', "\n    "));
    }

    /// Marks the case compared in the read-coverage record.
    fn compared(&self) {
        record::note(record::Mark::Compared, &self.file, &self.name);
    }

    /// True when the case records an input rather than an expectation: its NumPy code ends
    /// in a bare variable name (`g.case("x", "x", setup="x = rng.random(5)")`). Reading an
    /// input case counts as covering it; every other case must be compared.
    #[must_use]
    pub fn is_input(&self) -> bool {
        let last = self.expr.lines().last().unwrap_or_default().trim();
        let mut chars = last.chars();
        chars.next().is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
            && chars.all(|c| c.is_ascii_alphanumeric() || c == '_')
            && !matches!(last, "None" | "True" | "False")
    }

    /// The recorded value of an input case, marking it read.
    ///
    /// # Panics
    /// When the case is not an input (see [`is_input`](Self::is_input)): an expectation must
    /// be compared, not read.
    #[must_use]
    #[track_caller]
    pub fn input(&self) -> &Value {
        if !self.is_input() {
            self.fail("read as an input, but the case records an expectation (compare it instead)");
        }
        record::note(record::Mark::Input, &self.file, &self.name);
        &self.result
    }

    /// Compares a value derived from the recorded result (`numpy`) with nprs's (`nprs`),
    /// for comparisons of a test's own kind (a hash, bytes, a count).
    ///
    /// # Panics
    /// When they differ, naming the NumPy code.
    #[track_caller]
    #[allow(clippy::needless_pass_by_value)] // callers pass temporaries and tuples of references
    pub fn assert_eq<T: PartialEq + std::fmt::Debug>(&self, numpy: T, nprs: T) {
        if numpy != nprs {
            self.fail(&format!("differs\n  NumPy: {numpy:?}\n  nprs:  {nprs:?}"));
        }
        self.compared();
    }

    /// As [`assert`](Self::assert) for item `i` of a recorded tuple: a tuple counts as
    /// compared once each of its items is (or the whole was).
    ///
    /// # Panics
    /// When `ok` is false, with `what` and the NumPy code.
    #[track_caller]
    pub fn assert_item(&self, i: usize, ok: bool, what: &str) {
        if !ok {
            self.fail(&format!("item {i}: {what}"));
        }
        record::note(record::Mark::Item(i), &self.file, &self.name);
    }

    /// Compares what `read` takes from the recorded result (an int, bytes, a hash) with
    /// nprs's value: `case.check_with(int, i128::from(hash))`.
    ///
    /// # Panics
    /// When they differ, naming the NumPy code.
    #[track_caller]
    pub fn check_with<T: PartialEq + std::fmt::Debug>(&self, read: impl FnOnce(&Value) -> T, nprs: T) {
        self.assert_eq(read(&self.result), nprs);
    }

    /// Records a comparison the test made itself (a property or a tolerance of its own
    /// between the recorded result and nprs's): `ok` says whether it held.
    ///
    /// # Panics
    /// When `ok` is false, with `what` and the NumPy code.
    #[track_caller]
    pub fn assert(&self, ok: bool, what: &str) {
        if !ok {
            self.fail(what);
        }
        self.compared();
    }

    /// The recorded array (or NumPy scalar as a 0-d array). Reading an input case this way
    /// marks it read; reading an expectation marks nothing (compare it).
    ///
    /// # Panics
    /// When the case recorded something else.
    #[must_use]
    pub fn array(&self) -> &OArray {
        if self.is_input() {
            record::note(record::Mark::Input, &self.file, &self.name);
        }
        match &self.result {
            Value::Array(a) | Value::Scalar(a) => a,
            other => self.fail(&format!("expected an array in the oracle, found {other:?}")),
        }
    }

    /// Checks an nprs array against the recorded array: dtype, shape and every element.
    ///
    /// # Panics
    /// On any difference, naming the NumPy code.
    #[track_caller]
    pub fn check<S: Data>(&self, got: &ArrayBase<S>)
    where
        S::Elem: Cast,
    {
        self.check_actual(&actual(got));
    }

    /// As [`check`](Self::check) for an [`Actual`].
    ///
    /// # Panics
    /// On any difference, naming the NumPy code.
    #[track_caller]
    pub fn check_actual(&self, got: &Actual) {
        let want = self.array();
        compare(self, want, got);
        self.compared();
    }

    /// Checks the `i`-th item of a recorded tuple/list against an nprs array.
    ///
    /// # Panics
    /// On any difference.
    #[track_caller]
    pub fn check_item<S: Data>(&self, i: usize, got: &ArrayBase<S>)
    where
        S::Elem: Cast,
    {
        let Value::List(items) = &self.result else { self.fail("expected a tuple in the oracle") };
        let (Value::Array(want) | Value::Scalar(want)) = &items[i] else {
            self.fail(&format!("item {i} is not an array"))
        };
        compare(self, want, &actual(got));
        record::note(record::Mark::Item(i), &self.file, &self.name);
    }

    /// Checks a string (a `str()`/`repr()` result).
    ///
    /// # Panics
    /// On a difference, showing both.
    #[track_caller]
    pub fn check_str(&self, got: &str) {
        match &self.result {
            Value::Str(want) if want == got => self.compared(),
            Value::Str(want) => self.fail(&format!("string differs\n  NumPy:\n{want}\n  nprs:\n{got}")),
            other => self.fail(&format!("expected a string in the oracle, found {other:?}")),
        }
    }

    /// Checks a recorded Python int, bool, float or tuple of ints (a shape) against `got`.
    ///
    /// # Panics
    /// On a difference.
    #[track_caller]
    pub fn check_value(&self, got: &Value) {
        if !values_equal(&self.result, got, &self.tol) {
            self.fail(&format!("value differs\n  NumPy: {:?}\n  nprs:  {got:?}", self.result));
        }
        self.compared();
    }

    /// Checks a shape (a tuple of ints).
    ///
    /// # Panics
    /// On a difference.
    #[track_caller]
    pub fn check_shape(&self, got: &[usize]) {
        self.check_value(&Value::List(got.iter().map(|&d| Value::Int(d as i128)).collect()));
    }

    /// Checks that NumPy raised `kind` with exactly `message`.
    ///
    /// # Panics
    /// When NumPy did not raise, or raised something else.
    #[track_caller]
    pub fn check_error(&self, kind: &str, message: &str) {
        match &self.result {
            Value::Error { kind: k, message: m } if k == kind && m == message => self.compared(),
            Value::Error { kind: k, message: m } => {
                self.fail(&format!("error differs\n  NumPy: {k}: {m}\n  nprs:  {kind}: {message}"))
            }
            other => self.fail(&format!("NumPy did not raise; it gave {other:?}; nprs raised {kind}: {message}")),
        }
    }

    /// The recorded error message (NumPy raised).
    ///
    /// # Panics
    /// When NumPy did not raise.
    #[must_use]
    pub fn error_message(&self) -> &str {
        match &self.result {
            Value::Error { message, .. } => message,
            other => self.fail(&format!("NumPy did not raise; it gave {other:?}")),
        }
    }

    /// The dtype name of the recorded array, parsed as an nprs [`DType`] when numeric.
    #[must_use]
    pub fn dtype(&self) -> Option<DType> {
        let name = &self.array().name;
        DType::ALL.into_iter().find(|d| d.name() == name)
    }
}

fn values_equal(a: &Value, b: &Value, tol: &Tol) -> bool {
    match (a, b) {
        (Value::Float(x), Value::Float(y)) => tol.close(*y, *x, "float64"),
        (Value::List(x), Value::List(y)) => x.len() == y.len() && x.iter().zip(y).all(|(p, q)| values_equal(p, q, tol)),
        _ => a == b,
    }
}

fn compare(case: &Case, want: &OArray, got: &Actual) {
    if want.name != got.name {
        case.fail(&format!("dtype differs: NumPy {} ({}), nprs {}", want.name, want.dtype, got.name));
    }
    if want.shape != got.shape {
        case.fail(&format!("shape differs: NumPy {:?}, nprs {:?}", want.shape, got.shape));
    }
    if want.data.len() != got.data.len() {
        case.fail(&format!("element count differs: NumPy {}, nprs {}", want.data.len(), got.data.len()));
    }
    let mut bad = String::new();
    let mut count = 0usize;
    let mut note = |i: usize, w: String, g: String| {
        count += 1;
        if count <= 8 {
            let _ = writeln!(bad, "    at flat index {i}: NumPy {w}, nprs {g}");
        }
    };
    match (&want.data, &got.data) {
        (Elems::Bool(w), Elems::Bool(g)) => w
            .iter()
            .zip(g)
            .enumerate()
            .filter(|(_, (a, b))| a != b)
            .for_each(|(i, (a, b))| note(i, a.to_string(), b.to_string())),
        (Elems::Int(w), Elems::Int(g)) => w
            .iter()
            .zip(g)
            .enumerate()
            .filter(|(_, (a, b))| a != b)
            .for_each(|(i, (a, b))| note(i, a.to_string(), b.to_string())),
        (Elems::Str(w), Elems::Str(g)) => w
            .iter()
            .zip(g)
            .enumerate()
            .filter(|(_, (a, b))| a != b)
            .for_each(|(i, (a, b))| note(i, format!("{a:?}"), format!("{b:?}"))),
        (Elems::Float(w), Elems::Float(g)) => w
            .iter()
            .zip(g)
            .enumerate()
            .filter(|(_, (a, b))| !case.tol.close(**b, **a, &want.name))
            .for_each(|(i, (a, b))| note(i, format!("{a:?}"), format!("{b:?}"))),
        (Elems::Complex(w), Elems::Complex(g)) => w
            .iter()
            .zip(g)
            .enumerate()
            .filter(|(_, (a, b))| !(case.tol.close(b.0, a.0, &want.name) && case.tol.close(b.1, a.1, &want.name)))
            .for_each(|(i, (a, b))| note(i, format!("{a:?}"), format!("{b:?}"))),
        _ => case.fail("element kinds differ"),
    }
    if count > 0 {
        case.fail(&format!("{count} element(s) differ (tolerance {:?}):\n{bad}", case.tol));
    }
}

pub mod mutate;
mod npy;
pub mod record;
