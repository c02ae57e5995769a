//! Generator basics against NumPy: random, integers, bytes, choice, shuffle, permutation,
//! permuted.

use crate::common;

use common::{bytes, check_scalars, fnv_f32, fnv_f64, fnv_i64, fnv_u8, int, items};
use nprs_core::{Array, Order};
use nprs_random::{Choice, RandomInteger, Size, default_rng};
use nprs_testkit::oracle;

#[test]
fn random_floats() {
    let o = oracle("random/generator");
    for s in [0u64, 42, 12345] {
        o.case(&format!("random_{s}")).check(&default_rng(s).random(7).unwrap());
        o.case(&format!("random_2x3_{s}")).check(&default_rng(s).random([2, 3]).unwrap());
        o.case(&format!("random_f32_{s}")).check(&default_rng(s).random_f32(9).unwrap());
        let mut rng = default_rng(s);
        let xs = [rng.random_scalar(), rng.random_scalar(), rng.random_scalar()];
        let f = rng.random_f32_scalar();
        let c = o.case(&format!("random_scalars_{s}"));
        check_scalars(c, &[xs[0], xs[1], xs[2], f64::from(f)]);
    }
    o.case("random_empty").check(&default_rng(0).random(0).unwrap());
    o.case("random_0d").check(&default_rng(0).random(Vec::<usize>::new()).unwrap());
    let h = fnv_f64(&default_rng(42).random(100_000).unwrap().to_vec());
    o.case("random_hash").check_with(int, i128::from(h));
    let h = fnv_f32(&default_rng(42).random_f32(100_000).unwrap().to_vec());
    o.case("random_f32_hash").check_with(int, i128::from(h));
}

fn check_int_dtype<T: RandomInteger + nprs_core::copy::Cast>(name: &str, signed: bool) {
    let o = oracle("random/generator");
    for s in [0u64, 42] {
        let r = || default_rng(s);
        o.case(&format!("int_{name}_small_{s}")).check(&r().integers::<T>(0, 100, 20).unwrap());
        o.case(&format!("int_{name}_full_{s}")).check(&r().integers_endpoint::<T>(T::MIN, T::MAX, 12).unwrap());
        o.case(&format!("int_{name}_open_{s}")).check(&r().integers::<T>(T::MIN, T::MAX, 12).unwrap());
        o.case(&format!("int_{name}_odd_{s}")).check(&r().integers::<T>(3, 40, 25).unwrap());
        let mut rng = r();
        let xs: Vec<T> = (0..4).map(|_| rng.integers_scalar::<T>(0, 100).unwrap()).collect();
        check_scalars(o.case(&format!("int_{name}_scalars_{s}")), &xs);
    }
    if signed && name != "int64" {
        o.case(&format!("int_{name}_neg")).check(&default_rng(42).integers::<T>(-5, 5, 15).unwrap());
    }
}

#[test]
fn integers_every_dtype() {
    check_int_dtype::<i8>("int8", true);
    check_int_dtype::<i16>("int16", true);
    check_int_dtype::<i32>("int32", true);
    check_int_dtype::<i64>("int64", true);
    check_int_dtype::<u8>("uint8", false);
    check_int_dtype::<u16>("uint16", false);
    check_int_dtype::<u32>("uint32", false);
    check_int_dtype::<u64>("uint64", false);
    let o = oracle("random/generator");
    for s in [0u64, 42] {
        o.case(&format!("int_bool_{s}")).check(&default_rng(s).integers::<bool>(0, 2, 40).unwrap());
        let mut rng = default_rng(s);
        let xs: Vec<bool> = (0..4).map(|_| rng.integers_scalar::<bool>(0, 2).unwrap()).collect();
        check_scalars(o.case(&format!("int_bool_scalars_{s}")), &xs);
    }
}

#[test]
fn integers_ranges_and_broadcasting() {
    let o = oracle("random/generator");
    let r = || default_rng(42);
    o.case("int_default").check(&r().integers::<i64>(0, 10, 10).unwrap());
    o.case("int_neg_range").check(&r().integers::<i64>(-1000, 1000, 5).unwrap());
    o.case("int_2p40").check(&r().integers::<i64>(0, 1i64 << 40, 4).unwrap());
    o.case("int_2p32_exact").check(&r().integers::<i64>(0, 1i64 << 32, 4).unwrap());
    o.case("int_full_endpoint").check(&r().integers_endpoint::<i64>(i64::MIN, i64::MAX, 3).unwrap());
    o.case("int_u64_full").check(&r().integers_endpoint::<u64>(0, u64::MAX, 3).unwrap());
    o.case("int_u64_big").check(&r().integers::<u64>(1u64 << 63, 1i128 << 64, 4).unwrap());
    o.case("int_endpoint_same").check(&r().integers_endpoint::<i64>(5, 5, 3).unwrap());
    o.case("int_endpoint").check(&r().integers_endpoint::<i64>(0, 10, 10).unwrap());
    o.case("int_bool_const").check(&r().integers::<bool>(1, 2, 5).unwrap());
    o.case("int_broadcast").check(&r().integers::<i64>([0, 0, 0], [10, 100, 1000], ()).unwrap());
    let low = Array::from_shape_vec(&[2, 1], vec![0i64, 5]).unwrap();
    o.case("int_broadcast_2d").check(&r().integers::<i64>(&low, [10, 20, 30], ()).unwrap());
    let high = Array::from_shape_vec(&[2, 1], vec![10i64, 20]).unwrap();
    o.case("int_broadcast_u8").check(&r().integers::<u8>([1, 3, 5, 7], &high, ()).unwrap());
    o.case("int_broadcast_size").check(&r().integers::<i64>([0, 1], [5, 6], [3, 2]).unwrap());
    o.case("int_broadcast_size_small").check(&r().integers::<i64>([0, 1], 5, 1).unwrap());
    o.case("int_broadcast_i16_endpoint").check(&r().integers_endpoint::<i16>(-3, [0, 3, 300], ()).unwrap());
    o.case("int_broadcast_bool").check(&r().integers::<bool>(0, [1, 2, 2, 2, 1, 2], ()).unwrap());
    o.case("int_broadcast_u64").check(&r().integers::<u64>(0, vec![u64::MAX, 5], ()).unwrap());
    let mut rng = r();
    let a = rng.integers_scalar::<i64>(0, 1000).unwrap();
    let b = rng.random_scalar();
    let c = rng.integers_scalar::<i64>(0, 1000).unwrap();
    let d = rng.integers_scalar::<i64>(0, 1000).unwrap();
    let case = o.case("int_interplay");
    case.assert_eq((int(&items(case)[0]), int(&items(case)[2]), int(&items(case)[3])), (a.into(), c.into(), d.into()));
    case.assert_eq(common::float(&items(case)[1]).to_bits(), b.to_bits());
    o.case("int_zero_size").check(&r().integers::<i64>(5, 3, [2, 0]).unwrap());
    let h = fnv_i64(&r().integers::<i64>(0, 1000, 100_000).unwrap().to_vec());
    o.case("int_hash").check_with(int, i128::from(h));
    let h = fnv_i64(&r().integers::<i64>(-(1i64 << 62), 1i64 << 62, 100_000).unwrap().to_vec());
    o.case("int_hash_wide").check_with(int, i128::from(h));
    let h = fnv_u8(&r().integers::<u8>(0, 100, 100_000).unwrap().to_vec());
    o.case("int_hash_u8").check_with(int, i128::from(h));
}

#[test]
fn random_bytes() {
    let o = oracle("random/generator");
    o.case("bytes_6").check_with(bytes, default_rng(42).bytes(6).unwrap());
    o.case("bytes_13").check_with(bytes, default_rng(42).bytes(13).unwrap());
    let mut rng = default_rng(42);
    let b = rng.bytes(3).unwrap();
    let x = rng.random_scalar();
    let c = o.case("bytes_then_random");
    c.assert_eq(bytes(&items(c)[0]), b);
    c.assert_eq(common::float(&items(c)[1]).to_bits(), x.to_bits());
}

#[test]
fn choice_paths() {
    let o = oracle("random/generator");
    let p = [0.1, 0.2, 0.3, 0.4];
    let pz = [0.5, 0.0, 0.25, 0.0, 0.25, 0.0];
    for s in [0u64, 42] {
        let r = || default_rng(s);
        let n = |name: &str| format!("choice_{name}{s}");
        o.case(&n("")).check(&r().choice(10, 5, &Choice::new()).unwrap());
        o.case(&n("noreplace_")).check(&r().choice(10, 5, &Choice::new().replace(false)).unwrap());
        o.case(&n("noshuffle_")).check(&r().choice(10, 5, &Choice::new().replace(false).shuffle(false)).unwrap());
        o.case(&n("p_")).check(&r().choice(4, 6, &Choice::new().p(&p)).unwrap());
        o.case(&n("p_noreplace_")).check(&r().choice(4, 3, &Choice::new().replace(false).p(&p)).unwrap());
        o.case(&n("p_zeros_")).check(&r().choice(6, 12, &Choice::new().p(&pz)).unwrap());
        o.case(&n("p_zeros_noreplace_")).check(&r().choice(6, 3, &Choice::new().replace(false).p(&pz)).unwrap());
        o.case(&n("tail_")).check(&r().choice(20000, 500, &Choice::new().replace(false)).unwrap());
        let t = r().choice(20000, 1500, &Choice::new().replace(false).shuffle(false)).unwrap();
        o.case(&n("tail_noshuffle_")).check(&Array::from_vec(t.to_vec()[..300].to_vec()));
    }
    let r = || default_rng(42);
    let mut rng = r();
    let xs: Vec<i64> = (0..3).map(|_| rng.choice_scalar(10, &Choice::new()).unwrap()).collect();
    check_scalars(o.case("choice_scalars"), &xs);
    let mut rng = r();
    let xs: Vec<i64> = (0..4).map(|_| rng.choice_scalar(3, &Choice::new().p(&[0.2, 0.3, 0.5])).unwrap()).collect();
    check_scalars(o.case("choice_p_scalar"), &xs);
    o.case("choice_shape").check(&r().choice(7, [2, 3], &Choice::new()).unwrap());
    o.case("choice_shape_noreplace").check(&r().choice(50, [2, 3], &Choice::new().replace(false)).unwrap());
    o.case("choice_0d").check(&r().choice(7, Vec::<usize>::new(), &Choice::new()).unwrap());
    let a = Array::from_vec(vec![1.5, -2.0, 3.25, 8.0]);
    o.case("choice_floats").check(&r().choice_from(&a, 6, &Choice::new()).unwrap());
    let a = Array::<i64>::arange(12).into_shape(&[4, 3]).unwrap();
    o.case("choice_2d_axis0").check(&r().choice_from(&a, 2, &Choice::new().replace(false)).unwrap());
    let a = Array::<i64>::arange(12).into_shape(&[3, 4]).unwrap();
    o.case("choice_2d_axis1").check(&r().choice_from(&a, [2, 2], &Choice::new().axis(1)).unwrap());
    o.case("choice_2d_axis1_p").check(&r().choice_from(&a, 3, &Choice::new().axis(1).p(&p)).unwrap());
    o.case("choice_all").check(&r().choice(8, 8, &Choice::new().replace(false)).unwrap());
    o.case("choice_zero").check(&r().choice(0, 0, &Choice::new()).unwrap());
    let h = fnv_i64(&r().choice(1_000_000, 1000, &Choice::new().replace(false)).unwrap().to_vec());
    o.case("choice_big_hash").check_with(int, i128::from(h));
    let h = fnv_i64(&r().choice(100_000, 40_000, &Choice::new().replace(false)).unwrap().to_vec());
    o.case("choice_big_tail_hash").check_with(int, i128::from(h));
}

#[test]
fn shuffles_and_permutations() {
    let o = oracle("random/generator");
    for s in [0u64, 42] {
        let mut x = Array::<i64>::arange(10);
        default_rng(s).shuffle(&mut x, 0).unwrap();
        o.case(&format!("shuffle_{s}")).check(&x);
        o.case(&format!("permutation_{s}")).check(&default_rng(s).permutation(10).unwrap());
    }
    let r = || default_rng(42);
    let mut x = Array::<i64>::arange(12).into_shape(&[4, 3]).unwrap();
    r().shuffle(&mut x, 0).unwrap();
    o.case("shuffle_2d").check(&x);
    let mut x = Array::<i64>::arange(12).into_shape(&[3, 4]).unwrap();
    r().shuffle(&mut x, 1).unwrap();
    o.case("shuffle_2d_axis1").check(&x);
    let mut x = Array::from_vec((0..7).map(|i| if i == 6 { 1.0 } else { f64::from(i) * (1.0 / 6.0) }).collect());
    r().shuffle(&mut x, 0).unwrap();
    o.case("shuffle_floats").check(&x);
    let mut x = Array::<i64>::arange(20);
    {
        let mut v = x.slice_mut(nprs_core::s![..;3]);
        r().shuffle(&mut v, 0).unwrap();
    }
    o.case("shuffle_strided").check(&x);
    let mut v: Vec<i64> = (0..9).collect();
    r().shuffle_slice(&mut v);
    check_scalars(o.case("shuffle_list"), &v);
    let a = Array::<i64>::arange(12).into_shape(&[4, 3]).unwrap();
    o.case("permutation_arr").check(&r().permutation_of(&a, 0).unwrap());
    let a = Array::<i64>::arange(12).into_shape(&[3, 4]).unwrap();
    o.case("permutation_arr_axis1").check(&r().permutation_of(&a, 1).unwrap());
    let a = Array::from_vec(vec![0.5, 1.5, 2.5, 3.5, 4.5]);
    o.case("permutation_floats").check(&r().permutation_of(&a, 0).unwrap());
    o.case("permutation_empty").check(&r().permutation(0).unwrap());
    let h = fnv_i64(&r().permutation(100_000).unwrap().to_vec());
    o.case("permutation_hash").check_with(int, i128::from(h));
    o.case("permutation_large").check(&Array::from_vec(r().permutation(70_000).unwrap().to_vec()[..50].to_vec()));
    let a = Array::<i64>::arange(8).into_shape(&[2, 4]).unwrap();
    o.case("permuted_axis1").check(&r().permuted(&a, Some(1)).unwrap());
    let a = Array::<i64>::arange(12).into_shape(&[3, 4]).unwrap();
    o.case("permuted_axis0").check(&r().permuted(&a, Some(0)).unwrap());
    o.case("permuted_none").check(&r().permuted(&a, None).unwrap());
    let f = a.to_owned_order(Order::F);
    o.case("permuted_none_f").check(&r().permuted(&f, None).unwrap());
    let b = Array::<i64>::arange(24).into_shape(&[4, 6]).unwrap();
    let v = b.slice(nprs_core::s![..;2, 1..]);
    o.case("permuted_none_fview").check(&r().permuted(&v.t(), None).unwrap());
    let a = Array::<i64>::arange(24).into_shape(&[2, 3, 4]).unwrap();
    o.case("permuted_3d").check(&r().permuted(&a, Some(1)).unwrap());
    o.case("permuted_1d").check(&r().permuted(&Array::<i64>::arange(9), None).unwrap());
    let _ = Size::NONE;
}
