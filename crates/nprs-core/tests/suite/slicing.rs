//! Basic slicing anywhere in `isize`'s range: bounds and steps of `isize::MAX`,
//! `-isize::MAX` and `isize::MIN`, against NumPy (`core/slicing`), and property tests
//! against a model of Python's `slice.indices` computed in `i128`, for typed and dynamic
//! arrays, views of views and negative strides.

use nprs_core::prelude::*;
use nprs_core::{DynArray, DynView, IndexArg, Positions, delete, idx, insert};
use nprs_testkit::{Cases, Value, oracle};
use proptest::prelude::*;

const M: isize = isize::MAX;

fn cases() -> Cases {
    oracle("core/slicing")
}

fn ints(v: &[isize]) -> Value {
    Value::List(v.iter().map(|&x| Value::Int(x as i128)).collect())
}

/// A bound or step as the case names spell it (see the case file).
fn token(t: &str) -> Option<isize> {
    match t {
        "N" => None,
        "M" => Some(M),
        "mM" => Some(-M),
        "MIN" => Some(isize::MIN),
        t => Some(t.replace('m', "-").parse().expect("an integer")),
    }
}

fn slice(start: Option<isize>, stop: Option<isize>, step: isize) -> SliceArg {
    SliceArg::Slice { start, stop, step }
}

fn dyn_i64(v: &DynView<'_>) -> Array<i64> {
    v.typed::<i64>().expect("int64 elements").to_owned()
}

#[test]
fn extreme_bounds_and_steps_match_numpy() {
    let c = cases();
    let a = Array::<i64>::arange(5);
    let d = DynArray::from(a.clone());
    let mut seen = 0;
    for case in c.with_prefix("x_") {
        let parts: Vec<&str> = case.name.split('_').collect();
        let [_, start, stop, step] = parts[..] else { panic!("bad case name {}", case.name) };
        let arg = slice(token(start), token(stop), token(step).expect("a step"));
        case.check(&a.try_slice(&[arg]).unwrap());
        case.check(&a.index(&[IndexArg::from(arg)]).unwrap());
        case.check(&dyn_i64(&d.try_slice(&[arg]).unwrap()));
        case.check(&d.index(&[IndexArg::from(arg)]).unwrap().to_typed::<i64>().unwrap());
        seen += 1;
    }
    assert_eq!(seen, 216);
}

#[test]
fn the_reported_steps_give_one_element() {
    let c = cases();
    let a = Array::<i64>::arange(2);
    let d = DynArray::from(a.clone());
    for (label, args) in [
        ("max", s![0..2;M]),
        ("neg_max", s![0..2;-M]),
        ("min", s![0..2;isize::MIN]),
        ("full_max", s![..;M]),
        ("full_neg_max", s![..;-M]),
        ("full_min", s![..;isize::MIN]),
    ] {
        let v = a.try_slice(args).unwrap();
        c.case(&format!("two_{label}")).check(&v);
        c.case(&format!("two_{label}_strides")).check_value(&ints(v.strides()));
        let dv = d.try_slice(args).unwrap();
        c.case(&format!("two_{label}")).check(&dyn_i64(&dv));
        c.case(&format!("two_{label}_strides")).check_value(&ints(dv.strides()));
    }
}

#[test]
fn writing_through_one_element_views() {
    let c = cases();
    for (label, args) in [("max", s![0..2;M]), ("neg_max", s![..;-M]), ("min", s![..;isize::MIN])] {
        let mut a = Array::<i64>::arange(2);
        for x in a.try_slice_mut(args).unwrap().iter_mut() {
            *x = 7;
        }
        c.case(&format!("assign_{label}")).check(&a);
        let mut d = DynArray::from(Array::<i64>::arange(2));
        d.try_slice_mut(args).unwrap().fill(7i64).unwrap();
        c.case(&format!("assign_{label}")).check(&d.to_typed::<i64>().unwrap());
    }
}

#[test]
fn strides_of_short_slices() {
    let c = cases();
    let a = Array::<i64>::arange(10);
    c.case("strides_one").check_value(&ints(a.slice(s![1..2;3]).strides()));
    c.case("strides_empty").check_value(&ints(a.slice(s![5..5;3]).strides()));
    c.case("strides_empty_neg").check_value(&ints(a.slice(s![5..5;-3]).strides()));
}

#[test]
fn views_of_views_at_the_edges() {
    let c = cases();
    let b = Array::<i64>::arange(24).into_shape(&[4, 6]).unwrap();
    let db = DynArray::from(b.clone());
    let first = s![..;-1, ..;2];
    let v = b.slice(first).slice_move(s![..;M, ..;-M]).unwrap();
    c.case("vv_rev_max").check(&v);
    c.case("vv_rev_max_strides").check_value(&ints(v.strides()));
    let dv = db.try_slice(first).unwrap().slice_move(s![..;M, ..;-M]).unwrap();
    c.case("vv_rev_max").check(&dyn_i64(&dv));
    c.case("vv_rev_max_strides").check_value(&ints(dv.strides()));

    let inner = [slice(Some(isize::MIN), Some(M), isize::MIN), slice(Some(1), None, M)];
    let v = b.slice(s![1.., ..;-1]).slice_move(&inner).unwrap();
    c.case("vv_min_inner").check(&v);
    c.case("vv_min_inner_strides").check_value(&ints(v.strides()));
    let dv = db.try_slice(s![1.., ..;-1]).unwrap().slice_move(&inner).unwrap();
    c.case("vv_min_inner").check(&dyn_i64(&dv));
    c.case("vv_min_inner_strides").check_value(&ints(dv.strides()));

    let twice = [slice(Some(M), Some(isize::MIN), -1), slice(Some(2), Some(-M), -2)];
    c.case("vv_twice_reversed").check(&b.slice(s![..;-1, ..;-1]).slice_move(&twice).unwrap());
    let dv = db.try_slice(s![..;-1, ..;-1]).unwrap().slice_move(&twice).unwrap();
    c.case("vv_twice_reversed").check(&dyn_i64(&dv));
}

#[test]
fn extreme_indices_are_out_of_bounds() {
    let c = cases();
    let a = Array::<i64>::arange(5);
    let d = DynArray::from(a.clone());
    for (name, i) in [("index_max", M), ("index_min", isize::MIN)] {
        let e = a.try_slice(s![i]).unwrap_err();
        c.case(name).check_error(e.numpy_kind(), &e.to_string());
        let e = d.try_slice(s![i]).unwrap_err();
        c.case(name).check_error(e.numpy_kind(), &e.to_string());
        let e = a.index(idx![i]).unwrap_err();
        c.case(name).check_error(e.numpy_kind(), &e.to_string());
    }
    let b = Array::<i64>::arange(24).into_shape(&[4, 6]).unwrap();
    let e = b.try_slice(s![0, isize::MIN]).unwrap_err();
    c.case("index_2d_min").check_error(e.numpy_kind(), &e.to_string());
}

#[test]
fn rust_integers_beyond_isize_saturate_as_python_clamps() {
    // Python clamps slice arguments to the `Py_ssize_t` range: `a[:2**64 - 1]` is the whole
    // array and `a[::2**64 - 1]` its first element. A `usize` bound must not wrap around to
    // a negative index.
    let a = Array::<i64>::arange(5);
    assert_eq!(a.slice(s![..usize::MAX]).to_vec(), vec![0, 1, 2, 3, 4]);
    assert_eq!(a.slice(s![..;u64::MAX]).to_vec(), vec![0]);
    assert_eq!(a.slice(s![..=isize::MAX]).to_vec(), vec![0, 1, 2, 3, 4]);
    assert_eq!(a.slice(s![..=usize::MAX]).to_vec(), vec![0, 1, 2, 3, 4]);
    assert!(a.try_slice(s![usize::MAX]).is_err());
    assert!(a.index(idx![usize::MAX]).is_err());
    assert_eq!(a.index(idx![..;u64::MAX]).unwrap().to_vec(), vec![0]);
}

// ---------------------------------------------------------------------------------------
// Properties over the whole `isize` range.

/// The indices `a[start:stop:step]` selects from an axis of length `len`, as Python's
/// `range(*slice(start, stop, step).indices(len))` (unbounded integers, here `i128`).
fn model(start: Option<isize>, stop: Option<isize>, step: isize, len: usize) -> Vec<usize> {
    let n = len as i128;
    let step = i128::from(step as i64);
    let (lo, hi) = if step < 0 { (-1, n - 1) } else { (0, n) };
    let clamp = |v: Option<isize>, default: i128| match v {
        None => default,
        Some(v) => {
            let v = v as i128;
            if v < 0 { (v + n).max(lo) } else { v.min(hi) }
        }
    };
    let start = clamp(start, if step < 0 { hi } else { lo });
    let stop = clamp(stop, if step < 0 { lo } else { hi });
    let mut out = Vec::new();
    let mut i = start;
    while (step > 0 && i < stop) || (step < 0 && i > stop) {
        out.push(i as usize);
        i += step;
    }
    out
}

fn edge_values() -> Vec<isize> {
    vec![isize::MIN, isize::MIN + 1, -M / 2, -(1 << 32), -1, 0, 1, 1 << 32, M / 2, M - 1, M]
}

fn bound() -> impl Strategy<Value = Option<isize>> {
    prop_oneof![
        Just(None),
        (-14isize..14).prop_map(Some),
        any::<isize>().prop_map(Some),
        prop::sample::select(edge_values()).prop_map(Some),
    ]
}

fn step() -> impl Strategy<Value = isize> {
    prop_oneof![-7isize..=7, any::<isize>(), prop::sample::select(edge_values())].prop_filter("a step", |&s| s != 0)
}

fn arg() -> impl Strategy<Value = SliceArg> {
    (bound(), bound(), step()).prop_map(|(a, b, s)| slice(a, b, s))
}

fn parts(arg: SliceArg) -> (Option<isize>, Option<isize>, isize) {
    match arg {
        SliceArg::Slice { start, stop, step } => (start, stop, step),
        _ => unreachable!("only slices are generated"),
    }
}

/// Checks that the 1-d `view` holds exactly `src[want[k]]` at position `k`: first that every
/// element's address is that of the wanted source element (so nothing outside `src` is
/// read), then the values.
fn check_1d(src: &[i64], view: &ArrayView<'_, i64>, want: &[usize]) -> Result<(), TestCaseError> {
    prop_assert_eq!(view.shape(), &[want.len()][..]);
    let stride = view.strides_elems()[0];
    for (k, &i) in want.iter().enumerate() {
        let at = view.as_ptr().wrapping_offset(k as isize * stride);
        prop_assert_eq!(at, src.as_ptr().wrapping_add(i), "element {} of the view", k);
    }
    prop_assert_eq!(view.to_vec(), want.iter().map(|&i| src[i]).collect::<Vec<_>>());
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn typed_slices_select_what_python_selects(len in 0usize..12, arg in arg()) {
        let (start, stop, step) = parts(arg);
        let a = Array::<i64>::arange(len);
        let src = a.as_slice().unwrap();
        let want = model(start, stop, step, len);
        let v = a.try_slice(&[arg]).unwrap();
        check_1d(src, &v, &want)?;
        prop_assert_eq!(a.index(&[IndexArg::from(arg)]).unwrap().to_vec(), v.to_vec());
    }

    #[test]
    fn dynamic_slices_select_what_python_selects(len in 0usize..12, arg in arg()) {
        let (start, stop, step) = parts(arg);
        let a = Array::<i64>::arange(len);
        let want = model(start, stop, step, len);
        let d = DynArray::from(a.clone());
        let base = d.as_ptr();
        let v = d.try_slice(&[arg]).unwrap();
        prop_assert_eq!(v.shape(), &[want.len()][..]);
        for (k, &i) in want.iter().enumerate() {
            let at = v.as_ptr().wrapping_offset(k as isize * v.strides()[0]);
            prop_assert_eq!(at, base.wrapping_add(8 * i));
        }
        let got = dyn_i64(&v).to_vec();
        prop_assert_eq!(got, want.iter().map(|&i| i as i64).collect::<Vec<_>>());
        let copied = d.index(&[IndexArg::from(arg)]).unwrap().to_typed::<i64>().unwrap().to_vec();
        prop_assert_eq!(copied, want.iter().map(|&i| i as i64).collect::<Vec<_>>());
    }

    #[test]
    fn views_of_views_compose(len in 0usize..14, first in arg(), second in arg()) {
        // Slicing a (possibly reversed, strided) view selects from the positions the first
        // slice selected, for typed and dynamic arrays alike.
        let a = Array::<i64>::arange(len);
        let src = a.as_slice().unwrap();
        let (s0, e0, k0) = parts(first);
        let (s1, e1, k1) = parts(second);
        let outer = model(s0, e0, k0, len);
        let want: Vec<usize> = model(s1, e1, k1, outer.len()).into_iter().map(|j| outer[j]).collect();
        let v = a.slice(&[first]).slice_move(&[second]).unwrap();
        check_1d(src, &v, &want)?;
        let d = DynArray::from(a.clone());
        let dv = d.try_slice(&[first]).unwrap().slice_move(&[second]).unwrap();
        prop_assert_eq!(dyn_i64(&dv).to_vec(), want.iter().map(|&i| src[i]).collect::<Vec<_>>());
    }

    #[test]
    fn writes_land_on_the_selected_elements(len in 0usize..12, reverse in any::<bool>(), arg in arg()) {
        // Through a mutable view of a reversed array: exactly the model's positions change.
        let mut a = Array::<i64>::arange(len);
        let base: Vec<usize> = if reverse { (0..len).rev().collect() } else { (0..len).collect() };
        let (start, stop, step) = parts(arg);
        let hit: Vec<usize> = model(start, stop, step, len).into_iter().map(|j| base[j]).collect();
        {
            let outer = if reverse { s![..;-1] } else { s![..] };
            let mut v = a.slice_mut(outer).slice_move(&[arg]).unwrap();
            for x in v.iter_mut() {
                *x = -1 - *x;
            }
        }
        let got = a.to_vec();
        for (i, &x) in got.iter().enumerate() {
            let expect = if hit.contains(&i) { -1 - i as i64 } else { i as i64 };
            prop_assert_eq!(x, expect, "element {}", i);
        }
    }

    #[test]
    fn two_dimensional_negative_strides(r in 0usize..6, c in 0usize..6, rows in arg(), cols in arg()) {
        // A 2-d array read backwards on both axes, then sliced on both axes.
        let a = Array::<i64>::arange(r * c).into_shape(&[r as isize, c as isize]).unwrap();
        let back = a.slice(s![..;-1, ..;-1]);
        let (s0, e0, k0) = parts(rows);
        let (s1, e1, k1) = parts(cols);
        let want_r: Vec<usize> = model(s0, e0, k0, r).into_iter().map(|i| r - 1 - i).collect();
        let want_c: Vec<usize> = model(s1, e1, k1, c).into_iter().map(|j| c - 1 - j).collect();
        let want: Vec<i64> =
            want_r.iter().flat_map(|&i| want_c.iter().map(move |&j| (i * c + j) as i64)).collect();
        let v = back.slice_move(&[rows, cols]).unwrap();
        prop_assert_eq!(v.shape(), &[want_r.len(), want_c.len()][..]);
        prop_assert_eq!(v.to_vec(), want.clone());
        prop_assert_eq!(v.to_owned().to_vec(), want.clone());
        let d = DynArray::from(a.clone());
        let dv = d.try_slice(s![..;-1, ..;-1]).unwrap().slice_move(&[rows, cols]).unwrap();
        prop_assert_eq!(dyn_i64(&dv).to_vec(), want.clone());
        let picked = a.index(&[IndexArg::from(s![..;-1][0])]).unwrap();
        let picked = picked.index(&[IndexArg::full(), IndexArg::from(s![..;-1][0])]).unwrap();
        prop_assert_eq!(picked.index(&[IndexArg::from(rows), IndexArg::from(cols)]).unwrap().to_vec(), want);
    }
}

#[test]
fn diagonals_at_extreme_offsets() {
    // NumPy takes the offset as a C `int`.
    let c = cases();
    let a = Array::<i64>::arange(12).into_shape(&[3, 4]).unwrap();
    for (name, offset) in [
        ("diagonal_min", isize::MIN),
        ("diagonal_max", M),
        ("diagonal_int_max", 2_147_483_647),
        ("diagonal_past_int_max", 2_147_483_648),
        ("diagonal_near_int_min", -2_147_483_647),
        ("diagonal_past_int_min", -2_147_483_649),
    ] {
        match a.diagonal(offset, 0, 1) {
            Ok(v) => c.case(name).check(&v),
            Err(e) => c.case(name).check_error(e.numpy_kind(), &e.to_string()),
        }
    }
    assert_eq!(a.diagonal(-2_147_483_648, 0, 1).unwrap().shape(), &[0]);
}

#[test]
fn delete_and_insert_with_extreme_steps() {
    let c = cases();
    let d = Array::<i64>::arange(5);
    c.case("delete_max").check(&delete(&d, Positions::slice(None, None, M), None).unwrap());
    c.case("delete_min").check(&delete(&d, Positions::slice(Some(M), Some(isize::MIN), isize::MIN), None).unwrap());
    c.case("insert_neg_max").check(&insert(&d, Positions::slice(None, None, -M), &9i64, None).unwrap());
    c.case("insert_min_start").check(&insert(&d, Positions::slice(Some(isize::MIN), Some(M), M), &9i64, None).unwrap());
}
