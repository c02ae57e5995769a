//! Generator gaps against NumPy: `out=`, `size=()` against `size=None`, shuffles of views.

use crate::common;

use common::{check_err, check_scalar, float, items};
use nprs_core::{Array, Order, s};
use nprs_random::{Choice, RandomState, Size, default_rng};
use nprs_testkit::oracle;

#[test]
fn out_arrays() {
    let o = oracle("random/gaps");
    let c = |name: &str| o.case(&format!("out_{name}"));
    let zeros = |shape: &[usize]| Array::<f64>::zeros(shape).unwrap();
    let zeros_f = |shape: &[usize]| Array::<f64>::zeros_order(shape, Order::F).unwrap();
    let zeros32 = |n: usize| Array::<f32>::zeros(&[n]).unwrap();
    let mut out = zeros(&[3, 4]);
    default_rng(42).random_into(&mut out).unwrap();
    c("random").check(&out);
    let mut out = zeros_f(&[3, 4]);
    default_rng(42).random_into(&mut out).unwrap();
    c("random_f").check(&out);
    let mut out = zeros32(7);
    default_rng(42).random_f32_into(&mut out).unwrap();
    c("random_f32").check(&out);
    let mut out = zeros(&[2, 5]);
    default_rng(42).standard_normal_into(&mut out).unwrap();
    c("standard_normal").check(&out);
    let mut out = zeros_f(&[2, 5]);
    default_rng(42).standard_normal_into(&mut out).unwrap();
    c("standard_normal_f").check(&out);
    let mut out = zeros32(9);
    default_rng(42).standard_normal_f32_into(&mut out).unwrap();
    c("standard_normal_f32").check(&out);
    let mut out = zeros(&[4, 2]);
    default_rng(42).standard_exponential_into(&mut out).unwrap();
    c("standard_exponential").check(&out);
    let mut out = zeros32(6);
    default_rng(42).standard_exponential_f32_into(&mut out).unwrap();
    c("standard_exponential_f32").check(&out);
    let mut out = zeros_f(&[3, 2]);
    default_rng(42).standard_exponential_inv_into(&mut out).unwrap();
    c("standard_exponential_inv").check(&out);
    let mut out = zeros32(5);
    default_rng(42).standard_exponential_inv_f32_into(&mut out).unwrap();
    c("standard_exponential_inv_f32").check(&out);
    let mut out = zeros(&[2, 3]);
    default_rng(42).standard_gamma_into(2.5, &mut out).unwrap();
    c("standard_gamma").check(&out);
    let mut out = zeros(&[2, 3]);
    default_rng(42).standard_gamma_into([0.5, 1.0, 3.0], &mut out).unwrap();
    c("standard_gamma_bc").check(&out);
    let col = Array::from_shape_vec(&[2, 1], vec![0.5, 4.0]).unwrap();
    let mut out = zeros(&[2, 3]);
    default_rng(42).standard_gamma_into(&col, &mut out).unwrap();
    c("standard_gamma_col").check(&out);
    let mut out = zeros32(5);
    default_rng(42).standard_gamma_f32_into(0.7f32, &mut out).unwrap();
    c("standard_gamma_f32").check(&out);
    let mut rng = default_rng(42);
    let mut out = zeros(&[3]);
    rng.standard_normal_into(&mut out).unwrap();
    c("then_random").check_item(0, &out);
    c("then_random").assert_eq(float(&items(c("then_random"))[1]).to_bits(), rng.random_scalar().to_bits());
    // A mutable view that is contiguous is an output too.
    let mut big = zeros(&[3, 4]);
    default_rng(42).random_into(&mut big.view_mut()).unwrap();
    c("random").check(&big);
}

#[test]
fn out_errors() {
    let o = oracle("random/gaps");
    let e = |name: &str| o.case(&format!("out_err_{name}"));
    let mut rng = default_rng(42);
    let mut a = Array::<f64>::zeros(&[4, 6]).unwrap();
    check_err(e("strided"), rng.random_into(&mut a.slice_mut(s![.., ..;2])));
    let mut f = Array::<f64>::zeros_order(&[2, 3], Order::F).unwrap();
    check_err(e("gamma_f"), rng.standard_gamma_into(2.0, &mut f));
    let mut out2 = Array::<f64>::zeros(&[2]).unwrap();
    check_err(e("gamma_bc"), rng.standard_gamma_into([1.0, 2.0, 3.0], &mut out2));
    let mut out3 = Array::<f64>::zeros(&[3]).unwrap();
    let ones = Array::<f64>::ones(&[2, 3]).unwrap();
    check_err(e("gamma_big_param"), rng.standard_gamma_into(&ones, &mut out3));
    check_err(e("gamma_neg"), rng.standard_gamma_into(-1.0, &mut out3));
}

#[test]
fn size_empty_against_none() {
    let o = oracle("random/gaps");
    let c = |name: &str| o.case(&format!("size_{name}"));
    check_scalar(c("random_none"), default_rng(42).random_scalar());
    c("random_empty").check(&default_rng(42).random(Size::EMPTY).unwrap());
    c("normal_empty").check(&default_rng(42).normal(1.0, 2.0, Size::EMPTY).unwrap());
    check_err(c("normal_arr_empty"), default_rng(42).normal([0.0, 1.0], 1.0, Size::EMPTY));
    let mut rng = default_rng(42);
    let v: Vec<u8> = (0..3).map(|_| rng.integers_scalar::<u8>(0, 100).unwrap()).collect();
    common::check_scalars(c("integers_u8_none"), &v);
    let mut rng = default_rng(42);
    for i in 0..3 {
        c("integers_u8_empty").check_item(i, &rng.integers::<u8>(0, 100, Size::EMPTY).unwrap());
    }
    let mut rng = default_rng(42);
    for i in 0..3 {
        c("integers_bool_empty").check_item(i, &rng.integers::<bool>(0, 2, Size::EMPTY).unwrap());
    }
    c("choice_empty").check(&default_rng(42).choice(10, Size::EMPTY, &Choice::new()).unwrap());
    let nr = Choice::new().replace(false);
    c("choice_noreplace_empty").check(&default_rng(42).choice(10, Size::EMPTY, &nr).unwrap());
    c("multinomial_empty").check(&default_rng(42).multinomial(10, vec![0.2, 0.8], Size::EMPTY).unwrap());
    c("dirichlet_empty").check(&default_rng(42).dirichlet(&[1.0, 2.0], Size::EMPTY).unwrap());
    c("legacy_randint_empty").check(&RandomState::new(3).randint::<i64>(0, 10, Size::EMPTY).unwrap());
    c("legacy_normal_empty").check(&RandomState::new(3).normal(0.0, 1.0, Size::EMPTY).unwrap());
}

#[test]
fn shuffles_of_mutable_views() {
    let o = oracle("random/gaps");
    let c = |name: &str| o.case(&format!("view_{name}"));
    let arange =
        |shape: &[isize]| Array::<i64>::arange(shape.iter().product::<isize>() as usize).into_shape(shape).unwrap();
    let mut x = arange(&[4, 6]);
    default_rng(42).shuffle(&mut x.slice_mut(s![.., 1..5]), 1).unwrap();
    c("shuffle_cols_view").check(&x);
    let mut x = arange(&[6, 4]);
    default_rng(42).shuffle(&mut x.slice_mut(s![..;2]), 0).unwrap();
    c("shuffle_rows_view").check(&x);
    let mut x = arange(&[4, 6]);
    default_rng(42).shuffle(&mut x.slice_mut(s![..;-1, ..;2]), 1).unwrap();
    c("shuffle_neg_view").check(&x);
    let mut x = arange(&[2, 3, 4]);
    default_rng(42).shuffle(&mut x.slice_mut(s![.., 1..]), 2).unwrap();
    c("shuffle_3d_axis2").check(&x);
    let mut x = arange(&[5, 4]);
    RandomState::new(1).shuffle(&mut x.slice_mut(s![1..4])).unwrap();
    c("legacy_shuffle_view").check(&x);
}

fn words() -> nprs_core::DynArray {
    nprs_core::DynArray::from_strs(&["apple", "kiwi", "fig", "plum", "date", "lime"])
}

fn words23() -> nprs_core::DynArray {
    words().into_shape(&[2, 3]).unwrap()
}

fn records() -> nprs_core::DynArray {
    use nprs_core::{Descr, DynArray, Scalar};
    let d = Descr::parse("[('name', 'U10'), ('age', '<i4'), ('score', '<f8')]").unwrap();
    DynArray::from_records(
        &d,
        &[
            Scalar::from(("Alice", 25, 1.5)),
            Scalar::from(("Bob", 30, 2.5)),
            Scalar::from(("Cy", 35, 3.5)),
            Scalar::from(("Di", 40, 4.5)),
        ],
    )
    .unwrap()
}

#[test]
fn dynamic_arrays_of_strings_and_records() {
    let o = oracle("random/gaps");
    let c = |name: &str| o.case(&format!("dyn_{name}"));
    let repr = |a: &dyn std::fmt::Debug| format!("{a:?}");
    let rng = || default_rng(42);
    let mut w = words();
    rng().shuffle_dyn(&mut w, 0).unwrap();
    c("shuffle_words").check_str(&repr(&w));
    let mut w = words23();
    rng().shuffle_dyn(&mut w, 1).unwrap();
    c("shuffle_words_2d_axis1").check_str(&repr(&w));
    let mut r = records();
    rng().shuffle_dyn(&mut r, 0).unwrap();
    c("shuffle_records").check_str(&repr(&r));
    let mut b = nprs_core::DynArray::from_byte_strs(&[&b"a"[..], b"bb", b"ccc", b"dddd", b"e"]);
    rng().shuffle_dyn(&mut b.try_slice_mut(s![1..]).unwrap(), 0).unwrap();
    c("shuffle_bytes_view").check_str(&repr(&b));
    c("permutation_words").check_str(&repr(&rng().permutation_dyn(&words(), 0).unwrap()));
    c("permutation_records").check_str(&repr(&rng().permutation_dyn(&records(), 0).unwrap()));
    c("permutation_words_axis1").check_str(&repr(&rng().permutation_dyn(&words23(), 1).unwrap()));
    c("permuted_words").check_str(&repr(&rng().permuted_dyn(&words23(), Some(1)).unwrap()));
    c("permuted_words_none").check_str(&repr(&rng().permuted_dyn(&words23(), None).unwrap()));
    let f = words23().to_owned_order(Order::F);
    c("permuted_words_f").check_str(&repr(&rng().permuted_dyn(&f, None).unwrap()));
    c("permuted_records_axis0").check_str(&repr(&rng().permuted_dyn(&records(), Some(0)).unwrap()));
    c("choice_words").check_str(&repr(&rng().choice_dyn(&words(), 4, &Choice::new()).unwrap()));
    let nr = Choice::new().replace(false);
    c("choice_words_noreplace").check_str(&repr(&rng().choice_dyn(&words(), [2, 2], &nr).unwrap()));
    let p = [0.1, 0.2, 0.3, 0.4];
    c("choice_records_p").check_str(&repr(&rng().choice_dyn(&records(), 3, &Choice::new().p(&p)).unwrap()));
    let ax1 = Choice::new().axis(1);
    c("choice_words_axis1").check_str(&repr(&rng().choice_dyn(&words23(), 2, &ax1).unwrap()));
    let mut w = words();
    RandomState::new(5).shuffle_dyn(&mut w).unwrap();
    c("legacy_shuffle_words").check_str(&repr(&w));
    c("legacy_permutation_records").check_str(&repr(&RandomState::new(5).permutation_dyn(&records()).unwrap()));
    let letters = nprs_core::DynArray::from_strs(&["a", "b", "c", "d"]);
    let got = RandomState::new(1_234_567_890).choice_dyn(&letters, 4, true, None).unwrap();
    c("legacy_choice_letters").check_str(&repr(&got));
    let got = RandomState::new(5).choice_dyn(&records(), 3, false, None).unwrap();
    c("legacy_choice_records").check_str(&repr(&got));
}
