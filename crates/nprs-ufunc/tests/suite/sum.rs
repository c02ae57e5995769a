//! `sum` against NumPy: pairwise float summation bit for bit, integer result types.

use nprs_core::copy::Cast;
use nprs_core::prelude::*;
use nprs_testkit::{Cases, Elems, oracle};
use nprs_ufunc::{SumElem, sum};

fn floats(c: &Cases, name: &str) -> Array<f64> {
    let a = c.case(name).array();
    let Elems::Float(v) = &a.data else { panic!("{name}: not floats") };
    Array::from_shape_vec(&a.shape, v.clone()).unwrap()
}

#[test]
fn pairwise_sums_match_numpy_bit_for_bit() {
    let c = oracle("ufunc/sum");
    for n in [0, 1, 5, 8, 9, 17, 100, 128, 129, 300, 1000, 8192, 8193, 20_011] {
        let a = floats(&c, &format!("f64_n{n}_a"));
        c.case(&format!("f64_n{n}")).check(&Array::from_elem_0d(sum(&a)));
        c.case(&format!("f32_n{n}")).check(&Array::from_elem_0d(sum(&a.astype::<f32>())));
    }
    let a = floats(&c, "f64_2d_a");
    c.case("f64_2d").check(&Array::from_elem_0d(sum(&a)));
    c.case("f64_2d_T").check(&Array::from_elem_0d(sum(&a.t())));
    c.case("f64_2d_cols").check(&Array::from_elem_0d(sum(&a.slice(s![.., ..;2]))));
    c.case("f64_2d_rows").check(&Array::from_elem_0d(sum(&a.slice(s![..;2, ..]))));
    let flat = a.ravel();
    c.case("f64_1d_strided").check(&Array::from_elem_0d(sum(&flat.slice(s![..;3]))));
}

/// The random sums of one float type: 10^4 values contiguous (normal, and all positive),
/// and a 40 x 1001 array walked in NumPy's buffered chunks (every other column, transposed).
fn random_sums<T: SumElem>(c: &Cases, t: &str, conv: impl Fn(&Array<f64>) -> Array<T>)
where
    T::Out: Cast,
{
    for k in ["rand", "rand_pos"] {
        let a = conv(&floats(c, &format!("{t}_{k}_a")));
        assert_eq!(a.len(), 10_000);
        c.case(&format!("{t}_{k}")).check(&Array::from_elem_0d(sum(&a)));
    }
    let a = conv(&floats(c, &format!("{t}_rand_2d_a")));
    c.case(&format!("{t}_rand_2d_cols")).check(&Array::from_elem_0d(sum(&a.slice(s![.., ..;2]))));
    c.case(&format!("{t}_rand_2d_T")).check(&Array::from_elem_0d(sum(&a.t())));
}

#[test]
fn random_float_sums_match_numpy_per_dtype() {
    let c = oracle("ufunc/sum");
    // Recorded float16/float32 values widen to float64 exactly, so the casts back are exact.
    random_sums(&c, "float16", ArrayBase::astype::<f16>);
    random_sums(&c, "float32", ArrayBase::astype::<f32>);
    random_sums(&c, "float64", Clone::clone);
    // x and -x shuffled: float16 partial sums overflow, NumPy's float32 ones do not.
    let a = floats(&c, "float16_big_a").astype::<f16>();
    c.case("float16_big").check(&Array::from_elem_0d(sum(&a)));
}

#[test]
fn edge_cases_and_result_types() {
    let c = oracle("ufunc/sum");
    c.case("neg_zero").check(&Array::from_elem_0d(sum(&array![-0.0])));
    c.case("empty").check(&Array::from_elem_0d(sum(&Array::<f64>::zeros(&[0]).unwrap())));
    c.case("nan").check(&Array::from_elem_0d(sum(&array![1.0, f64::NAN, 2.0])));
    c.case("int8").check(&Array::from_elem_0d(sum(&array![100i8, 100, 100, -128])));
    c.case("uint8").check(&Array::from_elem_0d(sum(&array![200u8, 200, 255])));
    c.case("int64_wrap").check(&Array::from_elem_0d(sum(&array![i64::MAX, 1])));
    c.case("bool").check(&Array::from_elem_0d(sum(&array![true, false, true, true])));
    c.case("float16").check(&Array::from_elem_0d(sum(&array![0.1, 0.2, 65504.0, 10.0].astype::<f16>())));
}

#[test]
fn thread_count_does_not_change_the_result() {
    let a = Array::from_vec((0..1_000_003i64).map(|i| ((i * 7919) % 10007) as f64 * 1e-3 - 5.0).collect());
    let one = rayon::ThreadPoolBuilder::new().num_threads(1).build().unwrap().install(|| sum(&a));
    let two = rayon::ThreadPoolBuilder::new().num_threads(2).build().unwrap().install(|| sum(&a));
    assert_eq!(one.to_bits(), two.to_bits());
}
