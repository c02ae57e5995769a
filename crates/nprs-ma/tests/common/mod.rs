//! Shared helpers of nprs-ma's oracle tests: building the recorded inputs and comparing
//! masked arrays with what numpy.ma gave (data, mask or nomask, fill value, str, repr).
#![allow(dead_code)]

use nprs_core::{Array, C128, Descr, DynArray, DynView, Scalar};
use nprs_ma::MaskedArray;
use nprs_testkit::{Case, Cases, Elems, OArray, Tol, Value};

/// A recorded array as a `DynArray` of its dtype.
pub fn dyn_of(o: &OArray) -> DynArray {
    let d: Descr = o.dtype.parse().unwrap_or_else(|e| panic!("dtype {}: {e}", o.dtype));
    let shape = &o.shape;
    let a = match &o.data {
        Elems::Bool(v) => DynArray::from(Array::from_shape_vec(shape, v.clone()).unwrap()),
        Elems::Int(v) => {
            if o.name.starts_with("uint") {
                DynArray::from(Array::from_shape_vec(shape, v.iter().map(|&x| x as u64).collect()).unwrap())
            } else {
                DynArray::from(Array::from_shape_vec(shape, v.iter().map(|&x| x as i64).collect()).unwrap())
            }
        }
        Elems::Float(v) => DynArray::from(Array::from_shape_vec(shape, v.clone()).unwrap()),
        Elems::Complex(v) => {
            DynArray::from(Array::from_shape_vec(shape, v.iter().map(|&(r, i)| C128::new(r, i)).collect()).unwrap())
        }
        Elems::Str(v) => {
            let items: Vec<Scalar> = if o.dtype.contains('S') {
                v.iter().map(|s| Scalar::Bytes(s.chars().map(|c| c as u8).collect())).collect()
            } else {
                v.iter().map(|s| Scalar::Str(s.clone())).collect()
            };
            return DynArray::from_scalars(shape, &d, &items).unwrap();
        }
    };
    a.astype_casting(&d, nprs_core::Casting::Unsafe).unwrap()
}

/// The masked input `name` (`in_<name>` data, `inm_<name>` mask) of a case file.
pub fn input(o: &Cases, name: &str) -> MaskedArray {
    let x = dyn_of(o.case(&format!("in_{name}")).array());
    let m = dyn_of(o.case(&format!("inm_{name}")).array()).into_typed::<bool>().unwrap();
    nprs_ma::masked_array(x, &m).unwrap()
}

/// The data of input `name` without a mask.
pub fn plain(o: &Cases, name: &str) -> DynArray {
    dyn_of(o.case(&format!("in_{name}")).array())
}

/// Compares a dynamic array with a recorded one: dtype, shape and elements (bit-exact for
/// floats, NaNs equal).
pub fn same(want: &OArray, got: &DynView<'_>) -> Result<(), String> {
    same_within(want, got, &Tol::default())
}

/// As [`same`], with floats compared under the case's stated tolerance.
pub fn same_within(want: &OArray, got: &DynView<'_>, tol: &Tol) -> Result<(), String> {
    let g = dyn_of_dyn(got);
    let w = dyn_of(want);
    if g.dtype() != w.dtype() || g.shape() != w.shape() {
        return Err(format!("dtype/shape: NumPy {} {:?}, nprs {} {:?}", w.dtype(), w.shape(), g.dtype(), g.shape()));
    }
    let name = g.dtype().to_string();
    let (a, b) = (w.to_scalars(), g.to_scalars());
    let eq = |p: &Scalar, q: &Scalar| match (p, q) {
        (Scalar::Float(x), Scalar::Float(y)) => tol.close(*y, *x, &name),
        (Scalar::Complex(x, xi), Scalar::Complex(y, yi)) => tol.close(*y, *x, &name) && tol.close(*yi, *xi, &name),
        _ => p == q,
    };
    for (i, (p, q)) in a.iter().zip(&b).enumerate() {
        if !eq(p, q) {
            return Err(format!("element {i}: NumPy {p}, nprs {q}"));
        }
    }
    Ok(())
}

fn dyn_of_dyn(v: &DynView<'_>) -> DynArray {
    v.to_owned()
}

/// Item `i` of a recorded tuple.
pub fn item(c: &Case, i: usize) -> &Value {
    match &c.result {
        Value::List(items) => &items[i],
        Value::Error { kind, message } => panic!("{}: NumPy raised {kind}: {message}", c.name),
        other => panic!("{}: expected a tuple, found {other:?}", c.name),
    }
}

/// Compares item `i` of a recorded tuple (an array or NumPy scalar) with `got`.
pub fn check_item_dyn(c: &Case, i: usize, got: &DynView<'_>) {
    let r = match item(c, i) {
        Value::Array(a) | Value::Scalar(a) => same_within(a, got, &c.tol),
        other => Err(format!("not an array: {other:?}")),
    };
    c.assert_item(i, r.is_ok(), &r.err().unwrap_or_default());
}

/// Compares a masked array with a recorded (data, mask or None, fill_value, str, repr).
pub fn check_ma(c: &Case, m: &MaskedArray) {
    check_item_dyn(c, 0, &m.data().view());
    match (item(c, 1), m.mask()) {
        (Value::None, None) => c.assert_item(1, true, ""),
        (Value::Array(want) | Value::Scalar(want), Some(got)) => {
            let r = same(want, &DynView::from(got.view()));
            c.assert_item(1, r.is_ok(), &r.err().unwrap_or_default());
        }
        (w, g) => c.assert_item(1, false, &format!("mask: NumPy {w:?}, nprs {g:?}")),
    }
    check_item_dyn(c, 2, &m.fill_value().unwrap().view());
    // `str`/`repr` print every digit of a float: where the case allows the data a tolerance,
    // the printing is checked on NumPy's data under nprs's mask and fill value.
    let printed = if c.tol == Tol::default() {
        m.clone()
    } else {
        let want = match item(c, 0) {
            Value::Array(a) | Value::Scalar(a) => dyn_of(a),
            other => panic!("oracle {}/{}: not an array: {other:?}", c.file, c.name),
        };
        let mut p = match m.mask() {
            Some(_) => nprs_ma::masked_array(want, &m.mask_array().unwrap()).unwrap(),
            None => MaskedArray::new(want),
        };
        p.set_fill_value(Some(m.fill_value().unwrap().item(&[]).unwrap())).unwrap();
        p
    };
    for (i, got) in [(3, printed.to_string()), (4, printed.repr())] {
        match item(c, i) {
            Value::Str(want) => {
                c.assert_item(i, *want == got, &format!("string differs\n  NumPy:\n{want}\n  nprs:\n{got}"));
            }
            other => c.assert_item(i, false, &format!("not a string: {other:?}")),
        }
    }
}

/// Compares a recorded array (not a tuple) with `got`.
pub fn check_dyn(c: &Case, got: &DynView<'_>) {
    let r = match &c.result {
        Value::Array(a) | Value::Scalar(a) => same(a, got),
        other => Err(format!("expected an array: {other:?}")),
    };
    c.assert(r.is_ok(), &r.err().unwrap_or_default());
}

/// Compares a recorded error with nprs-ma's.
pub fn check_err(c: &Case, e: &nprs_ma::Error) {
    c.check_error(e.numpy_kind(), &e.to_string());
}

/// Compares a recorded mask item (an array, or `None` for `nomask`) with `got`.
pub fn check_mask_item(c: &Case, i: usize, got: Option<&Array<bool>>) {
    match (item(c, i), got) {
        (Value::None, None) => c.assert_item(i, true, ""),
        (Value::Array(want) | Value::Scalar(want), Some(got)) => {
            let r = same(want, &DynView::from(got.view()));
            c.assert_item(i, r.is_ok(), &r.err().unwrap_or_default());
        }
        (w, g) => c.assert_item(i, false, &format!("mask: NumPy {w:?}, nprs {g:?}")),
    }
}

/// Compares a fully masked result with a recorded (mask, fill_value, str, repr): the data
/// of NumPy's `masked_all` is unspecified.
pub fn check_all_masked(c: &Case, m: &MaskedArray) {
    check_mask_item(c, 0, m.mask());
    check_item_dyn(c, 1, &m.fill_value().unwrap().view());
    for (i, got) in [(2, m.to_string()), (3, m.repr())] {
        let ok = matches!(item(c, i), Value::Str(w) if *w == got);
        c.assert_item(i, ok, &format!("NumPy {:?}, nprs {got:?}", item(c, i)));
    }
}

/// Compares an array of unspecified values with a recorded (shape, dtype name,
/// getmaskarray, mask is nomask, fill_value).
pub fn check_empty(c: &Case, m: &MaskedArray) {
    let shape = Value::List(m.shape().iter().map(|&n| Value::Int(n as i128)).collect());
    c.assert_item(0, *item(c, 0) == shape, &format!("shape {:?}", m.shape()));
    c.assert_item(1, *item(c, 1) == Value::Str(m.dtype().name()), &m.dtype().name());
    let r = match item(c, 2) {
        Value::Array(a) => same(a, &DynView::from(m.mask_array().unwrap().view())),
        other => Err(format!("not an array: {other:?}")),
    };
    c.assert_item(2, r.is_ok(), &r.err().unwrap_or_default());
    c.assert_item(3, *item(c, 3) == Value::Bool(m.mask().is_none()), "nomask");
    check_item_dyn(c, 4, &m.fill_value().unwrap().view());
}
