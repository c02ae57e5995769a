//! numpy.ma construction, fill values, masks, access and printing against NumPy
//! (`tests/oracle/groups/ma/basics.py`).

use crate::common;

use common::{check_dyn, check_err, check_item_dyn, check_ma, dyn_of, input, plain};
use nprs_core::{Array, DynArray, DynView, Scalar, array};
use nprs_ma::{self as ma, MaOptions, MaskedArray};
use nprs_testkit::{Value, oracle};

const DTYPES: [&str; 10] = ["f64", "f32", "f16", "i64", "i8", "u8", "b", "c128", "U", "S"];
const SHAPES: [&str; 8] = ["m2", "i2", "r1", "big", "big2", "mid", "row", "d3"];

#[test]
fn construction_access_and_printing_for_every_dtype_and_shape() {
    let o = oracle("ma/basics");
    for n in DTYPES.iter().chain(&SHAPES) {
        let m = input(&o, n);
        let x = plain(&o, n);
        check_ma(o.case(&format!("masked_{n}")), &m);
        check_ma(o.case(&format!("nomask_{n}")), &MaskedArray::new(x.clone()));
        let zeros = Array::full(x.shape(), false).unwrap();
        check_ma(o.case(&format!("allfalse_{n}")), &ma::masked_array(x.clone(), &zeros).unwrap());
        check_ma(o.case(&format!("full_{n}")), &ma::masked_array(x.clone(), true).unwrap());
        check_dyn(o.case(&format!("filled_{n}")), &m.filled(None).unwrap().view());
        check_dyn(o.case(&format!("compressed_{n}")), &m.compressed().unwrap().view());
        o.case(&format!("count_{n}")).check_value(&Value::Int(m.count() as i128));
    }
    for n in ["f64", "i64", "m2", "i2", "b"] {
        let m = input(&o, n);
        let nz = m.nonzero().unwrap();
        let c = o.case(&format!("nonzero_{n}"));
        for (i, a) in nz.iter().enumerate() {
            check_item_dyn(c, i, &DynView::from(a.view()));
        }
        check_dyn(o.case(&format!("filled0_{n}")), &m.filled(Some(Scalar::Int(0))).unwrap().view());
    }
}

#[test]
fn zero_d_and_empty() {
    let o = oracle("ma/basics");
    let f = DynArray::from(Array::from_elem_0d(5.5f64));
    check_ma(o.case("zero_d_masked"), &ma::masked_array(f.clone(), true).unwrap());
    check_ma(o.case("zero_d_unmasked"), &ma::masked_array(f, false).unwrap());
    check_ma(o.case("zero_d_nomask"), &MaskedArray::new(DynArray::from(Array::from_elem_0d(3i8))));
    let s = DynArray::from_strs(&["ab"]).into_shape(&[] as &[usize]).unwrap();
    check_ma(o.case("zero_d_str"), &ma::masked_array(s, false).unwrap());
    check_ma(o.case("empty_f64"), &MaskedArray::new(DynArray::from(Array::<f64>::zeros(&[0]).unwrap())));
    let e = DynArray::from(Array::<i32>::zeros(&[0]).unwrap());
    check_ma(o.case("empty_mask"), &ma::masked_array(e, &Array::<bool>::zeros(&[0]).unwrap()).unwrap());
    let e = DynArray::from(Array::<f64>::zeros(&[0, 3]).unwrap());
    check_ma(o.case("empty_2d"), &ma::masked_array(e, &Array::<bool>::zeros(&[0, 3]).unwrap()).unwrap());
}

fn dyn1<T: nprs_core::Element>(v: Vec<T>) -> DynArray {
    DynArray::from(Array::from_vec(v))
}

#[test]
fn fill_values() {
    let o = oracle("ma/basics");
    let m = |d: DynArray, mask: &Array<bool>, fill: Scalar| {
        ma::masked_array_with(d, &MaOptions::new().mask(mask).fill_value(fill)).unwrap()
    };
    let mk = array![false, true, false];
    check_ma(o.case("fill_i8"), &m(dyn1(vec![1i8, 2, 3]), &mk, Scalar::Int(5)));
    check_ma(o.case("fill_i64_float"), &m(dyn1(vec![1i64, 2, 3]), &mk, Scalar::Float(5.5)));
    check_ma(o.case("fill_f32"), &m(dyn1(vec![1f32, 2., 3.]), &mk, Scalar::Float(-1.5)));
    check_ma(o.case("fill_f64"), &m(dyn1(vec![1f64, 2., 3.]), &mk, Scalar::Int(7)));
    let u = DynArray::from_strs(&["a", "bc"]);
    check_ma(o.case("fill_u"), &m(u, &array![true, false], Scalar::Str("zz".into())));
    let e = ma::masked_array_with(dyn1(vec![1i8, 2]), &MaOptions::new().fill_value(300)).unwrap_err();
    check_err(o.case("fill_i8_overflow"), &e);
    let e = ma::masked_array_with(dyn1(vec![1f64, 2.]), &MaOptions::new().fill_value(Scalar::Str("x".into())));
    check_err(o.case("fill_f64_str"), &e.unwrap_err());
    let two = array![false, true];
    let f = |d: DynArray| ma::masked_array(d, &two).unwrap().filled(None).unwrap();
    check_dyn(o.case("filled_i8_default"), &f(dyn1(vec![1i8, 2])).view());
    let h = dyn1(vec![1f32, 2.]).astype(&nprs_core::DType::Float16.into()).unwrap();
    check_dyn(o.case("filled_f16_default"), &f(h).view());
    check_dyn(o.case("filled_u8_default"), &f(dyn1(vec![1u8, 2])).view());
    let v = ma::masked_array(dyn1(vec![1.5f64, 2.]), &two).unwrap().filled(Some(Scalar::Int(-1))).unwrap();
    check_dyn(o.case("filled_value"), &v.view());
}

#[test]
fn masks_and_options() {
    let o = oracle("ma/basics");
    let i3 = || dyn1(vec![1i64, 2, 3]);
    check_err(o.case("mask_size_error"), &ma::masked_array(i3(), &array![false, true]).unwrap_err());
    let sq = DynArray::from(array![[1i64, 2], [3, 4]]);
    check_ma(o.case("mask_reshaped"), &ma::masked_array(sq, &array![true, false, false, true]).unwrap());
    check_ma(o.case("mask_one"), &ma::masked_array(i3(), &array![true]).unwrap());
    let inner = || ma::masked_array(i3(), &array![true, false, false]).unwrap();
    let second = array![false, true, false];
    check_ma(o.case("keep_mask"), &ma::masked_array_with(inner(), &MaOptions::new().mask(&second)).unwrap());
    let r = ma::masked_array_with(inner(), &MaOptions::new().mask(&second).keep_mask(false)).unwrap();
    check_ma(o.case("keep_mask_false"), &r);
    check_ma(o.case("keep_mask_nomask"), &ma::masked_array_with(inner(), &MaOptions::new()).unwrap());
    let r = ma::masked_array_with(dyn1(vec![1f64, 2.]), &MaOptions::new().shrink(false)).unwrap();
    check_ma(o.case("no_shrink"), &r);
    let inner2 = ma::masked_array(dyn1(vec![1f64, 2.]), &array![true, false]).unwrap();
    let r = ma::masked_array_with(inner2, &MaOptions::new().keep_mask(false).shrink(false)).unwrap();
    check_ma(o.case("no_shrink_no_keep"), &r);
    let hard = ma::masked_array_with(i3(), &MaOptions::new().mask(&second).hard_mask(true)).unwrap();
    check_ma(o.case("hard"), &hard);
    o.case("hard_flag").check_value(&Value::Bool(hard.hardmask()));
    let mut soft = ma::masked_array_with(dyn1(vec![1i64]), &MaOptions::new().hard_mask(true)).unwrap();
    soft.soften_mask();
    o.case("soften_flag").check_value(&Value::Bool(soft.hardmask()));
    let mut s = ma::masked_array(dyn1(vec![1i64, 2]), &array![false, false]).unwrap();
    s.shrink_mask();
    check_ma(o.case("shrink_mask"), &s);
    check_ma(o.case("set_fill"), &ma::masked_array(dyn1(vec![1i64, 2]), &array![false, true]).unwrap());
    let yes = ma::masked_array(dyn1(vec![1i64, 2]), &array![false, true]).unwrap();
    o.case("is_masked_yes").check_value(&Value::Bool(ma::is_masked(&yes)));
    let no = ma::masked_array(dyn1(vec![1i64, 2]), &array![false, false]).unwrap();
    o.case("is_masked_allfalse").check_value(&Value::Bool(ma::is_masked(&no)));
    o.case("is_masked_nomask").check_value(&Value::Bool(ma::is_masked(&MaskedArray::new(dyn1(vec![1i64, 2])))));
    let mm = ma::make_mask(&dyn1(vec![0i64, 2, 0, 3]).view(), true).unwrap().unwrap();
    o.case("make_mask").check(&mm);
    let none = ma::make_mask(&dyn1(vec![0i64, 0]).view(), true).unwrap();
    o.case("make_mask_shrink").check_value(&Value::Bool(none.is_none()));
    o.case("make_mask_none").check(&ma::make_mask_none(&[2, 3]).unwrap());
    let (a, b) = (array![false, true, false], array![false, false, true]);
    o.case("mask_or").check(&ma::mask_or(Some(&a), Some(&b), true).unwrap().unwrap());
    let z = array![false, false];
    let r = ma::mask_or(Some(&z), Some(&z), true).unwrap();
    o.case("mask_or_shrink").check_value(&Value::Bool(r.is_none()));
    let n = MaskedArray::new(DynArray::from(Array::from_vec(vec![0i64, 1, 2])));
    o.case("getmaskarray_nomask").check(&ma::getmaskarray(&n).unwrap());
}

#[test]
fn constructors_mask_as_numpy() {
    let o = oracle("ma/basics");
    for n in ["f64", "f32", "i64", "i8", "m2"] {
        let x = plain(&o, n);
        let m = input(&o, n);
        let c = |k: &str| o.case(&format!("{k}_{n}"));
        let pos = nprs_core::kernel::map(
            &x.astype(&nprs_core::DType::Float64.into()).unwrap().into_typed::<f64>().unwrap(),
            |v| v > 0.0,
        );
        check_ma(c("where"), &ma::masked_where(&pos, x.clone()).unwrap());
        check_ma(c("where_masked"), &ma::masked_where(&pos, m.clone()).unwrap());
        let none = Array::full(x.shape(), false).unwrap();
        check_ma(c("where_none"), &ma::masked_where(&none, x.clone()).unwrap());
        let second = x.reshape(&[x.size()][..]).unwrap().item(&[1]).unwrap();
        check_ma(c("equal"), &ma::masked_equal(x.clone(), second.clone()).unwrap());
        check_ma(c("not_equal"), &ma::masked_not_equal(x.clone(), second).unwrap());
        check_ma(c("greater"), &ma::masked_greater(x.clone(), 1).unwrap());
        check_ma(c("greater_equal"), &ma::masked_greater_equal(x.clone(), 1).unwrap());
        check_ma(c("less"), &ma::masked_less(x.clone(), 1).unwrap());
        check_ma(c("less_equal"), &ma::masked_less_equal(x.clone(), 1).unwrap());
        check_ma(c("inside"), &ma::masked_inside(x.clone(), -1.0, 2.0).unwrap());
        check_ma(c("outside"), &ma::masked_outside(x.clone(), 2.0, -1.0).unwrap());
        check_ma(c("invalid"), &ma::masked_invalid(x.clone()).unwrap());
        check_ma(c("fix_invalid"), &ma::fix_invalid(m.clone(), None).unwrap());
        check_ma(c("fix_invalid0"), &ma::fix_invalid(x.clone(), Some(Scalar::Int(0))).unwrap());
    }
    let x = plain(&o, "f64");
    let v1 = match x.item(&[1]).unwrap() {
        Scalar::Float(v) => v * (1.0 + 1e-7),
        other => panic!("{other}"),
    };
    check_ma(o.case("values_f64"), &ma::masked_values(x.clone(), v1, 1e-5, 1e-8, true).unwrap());
    check_ma(o.case("values_f64_tol"), &ma::masked_values(x, 1.0, 0.5, 0.1, true).unwrap());
    let x = plain(&o, "f32");
    let v2 = match x.item(&[2]).unwrap() {
        Scalar::Float(v) => v,
        other => panic!("{other}"),
    };
    check_ma(o.case("values_f32"), &ma::masked_values(x, v2, 1e-5, 1e-8, true).unwrap());
    check_ma(o.case("values_i64"), &ma::masked_values(dyn1(vec![1i64, 5, 3, 5]), 5.0, 1e-5, 1e-8, true).unwrap());
    check_ma(o.case("values_none"), &ma::masked_values(dyn1(vec![1f64, 2.]), 5.0, 1e-5, 1e-8, true).unwrap());
    let r = ma::masked_values(dyn1(vec![1f64, 2.]), 5.0, 1e-5, 1e-8, false).unwrap();
    check_ma(o.case("values_noshrink"), &r);
    let e = ma::masked_where(&array![true, false], dyn1(vec![0i64, 1, 2])).unwrap_err();
    check_err(o.case("where_shape_error"), &e);
    let _ = dyn_of;
}

#[test]
fn typed_masked_arrays_match_the_dynamic_ones() {
    let o = oracle("ma/basics");
    let mask = |n: &str| dyn_of(o.case(&format!("inm_{n}")).array()).into_typed::<bool>().unwrap();
    let x: Array<f64> = plain(&o, "f64").into_typed().unwrap();
    let m: MaskedArray<Array<f64>> = ma::masked_array(x, &mask("f64")).unwrap();
    check_ma(o.case("masked_f64"), &m.clone().into_dyn());
    let filled: Array<f64> = m.filled(None).unwrap();
    o.case("filled_f64").check(&filled);
    let kept: Array<f64> = m.compressed().unwrap();
    o.case("compressed_f64").check(&kept);
    let x: Array<i8> = plain(&o, "i8").into_typed().unwrap();
    let m = ma::masked_array(x, &mask("i8")).unwrap();
    check_ma(o.case("masked_i8"), &m.clone().into_dyn());
    o.case("filled_i8").check(&m.filled(None).unwrap());
}

#[test]
fn assignment_unmasks_unless_the_mask_is_hard() {
    let o = oracle("ma/basics");
    let make = |hard: bool| {
        let d = DynArray::from(Array::from_vec(vec![1i64, 2, 3]));
        ma::masked_array_with(d, &MaOptions::new().mask(&array![false, true, false]).hard_mask(hard)).unwrap()
    };
    check_ma(o.case("setitem_soft"), &make(false));
    for (name, hard) in [("setitem_soft_after", false), ("setitem_hard_after", true)] {
        let mut m = make(hard);
        m.set(&[1], 5).unwrap();
        m.set(&[0], 7).unwrap();
        let c = o.case(name);
        c.check_item(0, &m.data().to_typed::<i64>().unwrap());
        c.check_item(1, &m.mask_array().unwrap());
        c.assert_item(2, matches!(&c.result, Value::List(v) if v[2] == Value::Str(m.to_string())), "str");
    }
    let mut m = MaskedArray::new(DynArray::from(Array::from_vec(vec![1.5f64, 2.0, 3.0])));
    m.set_masked(&[2]).unwrap();
    let c = o.case("setitem_masked");
    c.check_item(0, &m.data().to_typed::<f64>().unwrap());
    c.check_item(1, &m.mask_array().unwrap());
    c.assert_item(2, matches!(&c.result, Value::List(v) if v[2] == Value::Str(m.to_string())), "str");
}

#[test]
fn printing_follows_the_print_options() {
    use nprs_core::PrintOptions;
    let o = oracle("ma/basics");
    let d = PrintOptions::default();
    let opts = [
        PrintOptions { threshold: 5, edgeitems: 2, ..d.clone() },
        PrintOptions { linewidth: 40, ..d.clone() },
        PrintOptions { precision: 3, ..d.clone() },
    ];
    for n in ["f64", "m2", "i64"] {
        let m = input(&o, n);
        for (k, p) in opts.iter().enumerate() {
            let c = o.case(&format!("printopts{k}_{n}"));
            let got = Value::List(vec![Value::Str(m.to_str_with(p).unwrap()), Value::Str(m.to_repr_with(p).unwrap())]);
            c.check_value(&got);
        }
    }
}
