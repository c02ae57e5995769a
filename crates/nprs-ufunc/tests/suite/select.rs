//! The selection helpers against NumPy: `where` (one and three arguments), `nonzero`,
//! `flatnonzero`, `compress`, `extract`, `place`, `putmask`, `choose` — typed and dynamic,
//! every numeric dtype, promotion with weak scalars, layouts and errors.

use nprs_core::dynarray::Operand;
use nprs_core::prelude::*;
use nprs_core::{C64, C128, ClipMode, Descr, DynArray, DynView, Scalar, s};
use nprs_testkit::{Cases, oracle};
use nprs_ufunc::{
    choose, choose_dyn, clip_mode, compress_dyn, extract_dyn, flatnonzero_dyn, nonzero_dyn, place, place_dyn, putmask,
    putmask_dyn, where_, where_dyn,
};

use crate::common;
use common::{FromOracle, check_dyn, load, load_dyn};

fn cases() -> Cases {
    oracle("sort/select")
}

/// Compares a tuple of index arrays (`np.nonzero`) item by item.
fn check_nonzero(c: &Cases, name: &str, r: nprs_core::Result<Vec<Array<i64>>>) {
    let case = c.case(name);
    match r {
        Ok(v) => {
            for (i, a) in v.iter().enumerate() {
                case.check_item(i, a);
            }
        }
        Err(e) => case.check_error(e.numpy_kind(), &e.to_string()),
    }
}

fn typed_where<T: FromOracle>(c: &Cases, dt: &str) {
    let cond = load::<bool>(c, "w_c");
    let x = load::<T>(c, &format!("w_{dt}_x"));
    let y = load::<T>(c, &format!("w_{dt}_y"));
    c.case(&format!("w_{dt}")).check(&where_(&cond, &x, &y).unwrap());
    let strided = where_(&cond.slice(s![..;-2, ..;2]), &x.slice(s![..;2, ..;-2]), &y.slice(s![..;2])).unwrap();
    c.case(&format!("w_{dt}_strided")).check(&strided);
    // a condition of the dtype itself: non-zero (NaN included) is true
    c.case(&format!("w_{dt}_cond")).check(&where_(&x, &y, &x).unwrap());
    // the same through the dynamic form
    let (dc, dx, dy) = (DynArray::from(cond.clone()), DynArray::from(x.clone()), DynArray::from(y.clone()));
    check_dyn(c.case(&format!("w_{dt}")), where_dyn(&dc, &dx, &dy));
    check_dyn(c.case(&format!("w_{dt}_cond")), where_dyn(&dx, &dy, &dx));
    // the one-argument form is nonzero
    check_nonzero(c, &format!("w_{dt}_nonzero"), nprs_core::nonzero(&x));
    check_nonzero(c, &format!("w_{dt}_nonzero"), nonzero_dyn(&dx));
    c.case(&format!("w_{dt}_flatnonzero")).check(&nprs_core::flatnonzero(&x.t()));
    c.case(&format!("w_{dt}_flatnonzero")).check(&flatnonzero_dyn(&dx.t()).unwrap());
}

#[test]
fn where_every_dtype_matches_numpy() {
    let c = cases();
    typed_where::<bool>(&c, "bool");
    typed_where::<i8>(&c, "int8");
    typed_where::<i16>(&c, "int16");
    typed_where::<i32>(&c, "int32");
    typed_where::<i64>(&c, "int64");
    typed_where::<u8>(&c, "uint8");
    typed_where::<u16>(&c, "uint16");
    typed_where::<u32>(&c, "uint32");
    typed_where::<u64>(&c, "uint64");
    typed_where::<f16>(&c, "float16");
    typed_where::<f32>(&c, "float32");
    typed_where::<f64>(&c, "float64");
    typed_where::<C64>(&c, "complex64");
    typed_where::<C128>(&c, "complex128");
}

#[test]
fn where_promotes_as_numpy() {
    let c = cases();
    let cond = load_dyn(&c, "w_c");
    for (a, b) in [
        ("int8", "int8"),
        ("int8", "uint8"),
        ("float32", "int64"),
        ("bool", "float16"),
        ("complex64", "float64"),
        ("uint64", "int64"),
        ("uint16", "int32"),
        ("float16", "complex128"),
    ] {
        let x = load_dyn(&c, &format!("wp_{a}_{b}_x"));
        let y = load_dyn(&c, &format!("wp_{a}_{b}_y"));
        check_dyn(c.case(&format!("wp_{a}_{b}")), where_dyn(&cond, &x, &y));
    }
    let scalars: [(&str, Scalar); 8] = [
        ("int8", Scalar::Int(300)),
        ("uint8", Scalar::Int(-1)),
        ("float32", Scalar::Float(2.5)),
        ("int16", Scalar::Float(2.5)),
        ("bool", Scalar::Int(1)),
        ("float16", Scalar::Float(1e300)),
        ("complex64", Scalar::Complex(0.0, 1.0)),
        ("int64", Scalar::Bool(true)),
    ];
    for (a, v) in scalars {
        let x = load_dyn(&c, &format!("ws_{a}_x"));
        check_dyn(c.case(&format!("ws_{a}")), where_dyn(&cond, &x, v.clone()));
        check_dyn(c.case(&format!("ws_{a}_first")), where_dyn(&cond, v, &x));
    }
    check_dyn(c.case("w_scalars"), where_dyn(&cond, 1i64, 2.5));
}

#[test]
fn where_layouts_strings_datetimes_and_errors() {
    let c = cases();
    let t = DynArray::from(Array::from_elem_0d(true));
    check_dyn(c.case("w_0d"), where_dyn(&t, &DynArray::from(Array::<i64>::arange(3)), 7i64));
    let f = DynArray::from(Array::from_elem_0d(false));
    let r = where_dyn(&f, &DynArray::from(Array::from_elem_0d(1.5)), &DynArray::from(Array::from_elem_0d(2i64)));
    check_dyn(c.case("w_0d_all"), r);
    let empty = DynArray::from(Array::<bool>::zeros(&[0, 3]).unwrap());
    check_dyn(c.case("w_empty"), where_dyn(&empty, 1i64, &DynArray::from(Array::<f64>::arange(3))));
    let c3 = DynArray::from(array![true, false, true]);
    check_dyn(c.case("w_str"), where_dyn(&c3, &DynArray::from_strs(&["ab", "c", "d"]), "xyz"));
    let c2 = DynArray::from(array![1i64, 0]);
    check_dyn(c.case("w_str_bytes"), where_dyn(&c2, &DynArray::from_strs(&["ab"]), &DynArray::from_byte_strs(&[b"c"])));
    let d1 = DynArray::from_scalars(&[1], &Descr::parse("<M8[D]").unwrap(), &[Scalar::Int(18262)]).unwrap();
    let d2 = DynArray::from_scalars(
        &[2],
        &Descr::parse("<M8[s]").unwrap(),
        &[Scalar::Int(i128::from(i64::MIN)), Scalar::Int(946_681_200)],
    )
    .unwrap();
    check_dyn(c.case("w_dt"), where_dyn(&DynArray::from(array![true, false]), &d1, &d2));
    check_dyn(c.case("w_str_cond"), where_dyn(&DynArray::from_strs(&["", "a", " "]), 1i64, 2i64));
    let tf = DynArray::from(array![true, false]);
    check_dyn(c.case("w_bad_shapes"), where_dyn(&tf, &DynArray::from(Array::<i64>::arange(3)), 1i64));
    let e = where_(&array![true, false], &Array::<i64>::arange(3), &Array::from_elem_0d(1)).unwrap_err();
    c.case("w_bad_shapes").check_error(e.numpy_kind(), &e.to_string());
    check_dyn(c.case("w_bad_promote"), where_dyn(&tf, "ab", 1i64));
    check_nonzero(&c, "nz_0d", nonzero_dyn(&DynArray::from(Array::from_elem_0d(5i64))));
    check_nonzero(&c, "nz_0d", nprs_core::nonzero(&Array::from_elem_0d(5i64)));
    let s = DynArray::from_strs(&["", "a", "b", ""]).into_shape(&[2, 2]).unwrap();
    check_nonzero(&c, "nz_str", nonzero_dyn(&s));
    let td = DynArray::from_scalars(
        &[4],
        &Descr::parse("<m8[s]").unwrap(),
        &[Scalar::Int(0), Scalar::Int(5), Scalar::Int(-1), Scalar::Int(0)],
    )
    .unwrap();
    c.case("fnz_dt").check(&flatnonzero_dyn(&td).unwrap());
}

#[test]
fn compress_and_extract_match_numpy() {
    let c = cases();
    let (a, u, m, k) = (load_dyn(&c, "ce_a"), load_dyn(&c, "ce_u"), load_dyn(&c, "ce_m"), load_dyn(&c, "ce_k"));
    check_dyn(c.case("cp_ax1"), compress_dyn(&m, &a, Some(1)));
    check_dyn(c.case("cp_ax0"), compress_dyn(&m.slice(s![..5]), &u, Some(0)));
    check_dyn(c.case("cp_none"), compress_dyn(&m, &u, None));
    check_dyn(c.case("cp_short"), compress_dyn(&DynArray::from(array![true, false]), &u, Some(1)));
    let ones = DynArray::from(Array::full(&[2, 2], true).unwrap());
    check_dyn(c.case("cp_2d"), compress_dyn(&ones, &a, None));
    check_dyn(c.case("cp_past_end"), compress_dyn(&DynArray::from(Array::full(&[7], true).unwrap()), &a, Some(1)));
    check_dyn(c.case("cp_axis"), compress_dyn(&m, &a, Some(2)));
    check_dyn(c.case("ex_u"), extract_dyn(&k, &u));
    check_dyn(c.case("ex_a"), extract_dyn(&k.t(), &a.slice(s![.., ..;-1])));
    check_dyn(c.case("ex_past_end"), extract_dyn(&DynArray::from(Array::full(&[40], 1.0).unwrap()), &a));
    // the typed forms are nprs-core's
    let at = a.to_typed::<f64>().unwrap();
    let mt = m.to_typed::<bool>().unwrap();
    c.case("cp_ax1").check(&nprs_core::compress(&mt, &at, Some(1)).unwrap());
    let kt = k.to_typed::<i64>().unwrap();
    c.case("ex_a").check(&nprs_core::extract(&kt.t(), &at.slice(s![.., ..;-1])).unwrap());
}

/// The arrays as `choose` operands.
fn ops<'a>(v: &[&'a DynArray]) -> Vec<Operand<'a>> {
    v.iter().map(|a| Operand::from(*a)).collect()
}

/// Runs an in-place edit on a copy of `src` and checks the copy (or the error).
#[track_caller]
fn check_edit(c: &Cases, name: &str, src: &DynArray, edit: impl FnOnce(&mut DynArray) -> nprs_core::Result<()>) {
    let mut b = src.clone();
    let r = edit(&mut b).map(|()| b);
    check_dyn(c.case(name), r);
}

#[test]
fn place_and_putmask_match_numpy() {
    let c = cases();
    let (a, f, m, u) = (load_dyn(&c, "pm_a"), load_dyn(&c, "pm_f"), load_dyn(&c, "pm_m"), load_dyn(&c, "pm_u"));
    let ints = |v: &[i64]| DynArray::from(Array::from_vec(v.to_vec()));
    check_edit(&c, "pl_int", &a, |b| place_dyn(b, &m, &ints(&[100, 200, 300])));
    check_edit(&c, "pl_flat_mask", &a, |b| place_dyn(b, &m.ravel(), &ints(&[7])));
    check_edit(&c, "pl_float_into_int", &a, |b| place_dyn(b, &m, &DynArray::from(array![1.5])));
    check_edit(&c, "pl_scalar_trunc", &a, |b| place_dyn(b, &m, 2.7));
    let a8 = a.astype(&DType::Int8.into()).unwrap();
    check_edit(&c, "pl_int8_overflow", &a8, |b| place_dyn(b, &m, 300i64));
    check_edit(&c, "pl_f_strided", &f, |b| {
        place_dyn(&mut b.slice_mut(s![..;-1, ..;2]), &m.slice(s![..;-1, ..;2]), &DynArray::from(array![-1.0, -2.0]))
    });
    let gt_b = u.greater("b").unwrap();
    check_edit(&c, "pl_str", &u, |b| place_dyn(b, &gt_b, &DynArray::from_strs(&["x", "yy"])));
    check_edit(&c, "pl_empty_vals", &a, |b| place_dyn(b, &m, &ints(&[])));
    let none = DynArray::from(Array::<bool>::zeros(&[4, 5]).unwrap());
    check_edit(&c, "pl_empty_ok", &a, |b| place_dyn(b, &none, &ints(&[])));
    check_edit(&c, "pl_size", &a, |b| place_dyn(b, &m.slice(s![..2]), &ints(&[1])));

    check_edit(&c, "pm_int", &a, |b| putmask_dyn(b, &m, &ints(&[100, 200, 300])));
    let v22 = ints(&[1, 2, 3, 4]).into_shape(&[2, 2]).unwrap();
    check_edit(&c, "pm_flat_mask", &a, |b| putmask_dyn(b, &m.ravel(), &v22));
    let a2 = a.clone();
    check_edit(&c, "pm_int_mask", &a, |b| putmask_dyn(b, &a2, &ints(&[0])));
    check_edit(&c, "pm_float_into_int", &a, |b| putmask_dyn(b, &m, &DynArray::from(array![1.5])));
    check_edit(&c, "pm_scalar_trunc", &a, |b| putmask_dyn(b, &m, 2.7));
    check_edit(&c, "pm_int8_overflow", &a8, |b| putmask_dyn(b, &m, 300i64));
    let f32a = f.astype(&DType::Float32.into()).unwrap();
    check_edit(&c, "pm_safe_widen", &f32a, |b| putmask_dyn(b, &m, &DynArray::from(array![1i16, 2])));
    let v3 = DynArray::from(array![-1.0, -2.0, -3.0]);
    check_edit(&c, "pm_f_strided", &f, |b| {
        putmask_dyn(&mut b.slice_mut(s![..;-1, ..;2]), &m.slice(s![..;-1, ..;2]), &v3)
    });
    check_edit(&c, "pm_str", &u, |b| putmask_dyn(b, &gt_b, &DynArray::from_strs(&["x", "yy"])));
    check_edit(&c, "pm_empty_vals", &a, |b| putmask_dyn(b, &m, &ints(&[])));
    check_edit(&c, "pm_size", &a, |b| putmask_dyn(b, &m.slice(s![..2]), &ints(&[1])));

    // typed forms
    let (at, mt) = (a.to_typed::<i64>().unwrap(), m.to_typed::<bool>().unwrap());
    let mut b = at.clone();
    place(&mut b, &mt, &array![100i64, 200, 300]).unwrap();
    c.case("pl_int").check(&b);
    let mut b = at.clone();
    let e = place(&mut b, &mt, &Array::<i64>::zeros(&[0]).unwrap()).unwrap_err();
    c.case("pl_empty_vals").check_error(e.numpy_kind(), &e.to_string());
    let mut b = at.clone();
    let e = place(&mut b, &mt.slice(s![..2]), &array![1i64]).unwrap_err();
    c.case("pl_size").check_error(e.numpy_kind(), &e.to_string());
    let mut b = at.clone();
    putmask(&mut b, &mt, &array![100i64, 200, 300]).unwrap();
    c.case("pm_int").check(&b);
    let mut b = at.clone();
    putmask(&mut b, &at, &array![0i64]).unwrap();
    c.case("pm_int_mask").check(&b);
    let mut ft = f.to_typed::<f64>().unwrap();
    putmask(&mut ft.slice_mut(s![..;-1, ..;2]), &mt.slice(s![..;-1, ..;2]), &array![-1.0, -2.0, -3.0]).unwrap();
    c.case("pm_f_strided").check(&ft);
    let mut b = at.clone();
    let e = putmask(&mut b, &mt.slice(s![..2]), &array![1i64]).unwrap_err();
    c.case("pm_size").check_error(e.numpy_kind(), &e.to_string());
}

#[test]
fn choose_matches_numpy() {
    let c = cases();
    let (i, j) = (load_dyn(&c, "ch_i"), load_dyn(&c, "ch_j"));
    let (c0, c1, c2) = (load_dyn(&c, "ch_c0"), load_dyn(&c, "ch_c1"), load_dyn(&c, "ch_c2"));
    check_dyn(c.case("ch_raise"), choose_dyn(&j, &ops(&[&c0, &c1, &c2]), ClipMode::Raise));
    check_dyn(c.case("ch_wrap"), choose_dyn(&i, &ops(&[&c0, &c1, &c2]), clip_mode("wrap").unwrap()));
    check_dyn(c.case("ch_clip"), choose_dyn(&i, &ops(&[&c0, &c1, &c2]), clip_mode("clip").unwrap()));
    let sc = [Operand::from(&c2), Operand::from(300i64), Operand::from(-1i64)];
    check_dyn(c.case("ch_int8_scalar"), choose_dyn(&j, &sc, ClipMode::Raise));
    let sf = [Operand::from(&c2), Operand::from(&c2), Operand::from(2.5)];
    check_dyn(c.case("ch_int8_float"), choose_dyn(&j, &sf, ClipMode::Raise));
    let jv: DynView<'_> = j.slice(s![..;-1, ..;2]);
    let strided = [c2.slice(s![.., ..;2]), c2.slice(s![..;-1, 1..;2]), c0.view()];
    let so: Vec<Operand<'_>> = strided.iter().map(Operand::from).collect();
    check_dyn(c.case("ch_strided"), choose_dyn(&jv, &so, ClipMode::Raise));
    let jb = j.greater(0i64).unwrap();
    check_dyn(c.case("ch_bool_idx"), choose_dyn(&jb, &ops(&[&c0, &c1]), ClipMode::Raise));
    let one = DynArray::from(Array::from_elem_0d(1i64));
    check_dyn(c.case("ch_0d"), choose_dyn(&one, &ops(&[&c0, &c1]), ClipMode::Raise));
    let z = DynArray::from(Array::<i64>::zeros(&[0, 4]).unwrap());
    check_dyn(c.case("ch_empty"), choose_dyn(&z, &ops(&[&c1, &c1]), ClipMode::Raise));
    let (sa, sb) = (DynArray::from_strs(&["a", "bb", "c"]), DynArray::from_strs(&["ccc"]));
    check_dyn(c.case("ch_str"), choose_dyn(&DynArray::from(array![0i64, 1, 1]), &ops(&[&sa, &sb]), ClipMode::Raise));
    check_dyn(c.case("ch_invalid"), choose_dyn(&i, &ops(&[&c0, &c1, &c2]), ClipMode::Raise));
    check_dyn(c.case("ch_none"), choose_dyn(&j, &[], ClipMode::Raise));
    check_dyn(c.case("ch_too_many"), choose_dyn(&j, &ops(&[&c0; 64]), ClipMode::Raise));
    check_dyn(c.case("ch_63"), choose_dyn(&j, &ops(&[&c0; 63]), ClipMode::Raise));
    let jf = j.astype(&DType::Float64.into()).unwrap();
    check_dyn(c.case("ch_float_idx"), choose_dyn(&jf, &ops(&[&c0, &c1, &c2]), ClipMode::Raise));
    let ju = j.astype(&DType::UInt64.into()).unwrap();
    check_dyn(c.case("ch_u64_idx"), choose_dyn(&ju, &ops(&[&c0, &c1, &c2]), ClipMode::Raise));
    let r3 = DynArray::from(Array::<i64>::arange(3));
    check_dyn(c.case("ch_shapes"), choose_dyn(&DynArray::from(array![0i64, 1]), &ops(&[&r3, &r3]), ClipMode::Raise));
    for (name, m) in [("foo", "foo"), ("c", "c"), ("empty", ""), ("CLIP", "CLIP"), ("wrapx", "wrapx")] {
        let e = clip_mode(m).unwrap_err();
        c.case(&format!("ch_mode_{name}")).check_error(e.numpy_kind(), &e.to_string());
    }
    // typed: same-dtype choices
    let jt = j.to_typed::<i64>().unwrap();
    let c2t = c2.to_typed::<i8>().unwrap();
    let same = [
        c2t.clone(),
        nprs_core::kernel::map(&c2t, |x: i8| x.wrapping_mul(2)),
        nprs_core::kernel::map(&c2t, |x: i8| x.wrapping_sub(1)),
    ];
    c.case("ch_same").check(&choose(&jt, &same, ClipMode::Raise).unwrap());
    check_dyn(c.case("ch_same"), choose_dyn(&j, &same.iter().map(Operand::from).collect::<Vec<_>>(), ClipMode::Raise));
    let it = i.to_typed::<i64>().unwrap();
    let e = choose(&it, &same, ClipMode::Raise).unwrap_err();
    c.case("ch_invalid").check_error(e.numpy_kind(), &e.to_string());
    let e = choose(&nprs_core::kernel::map(&jt, |x: i64| x as u64), &same, ClipMode::Raise).unwrap_err();
    c.case("ch_u64_idx").check_error(e.numpy_kind(), &e.to_string());
}
