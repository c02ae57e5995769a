//! The binary math ufuncs of the table (`power`, `arctan2`, `hypot`, `logaddexp`,
//! `logaddexp2`, `copysign`, `nextafter`, `heaviside`, `ldexp`) against NumPy
//! (`ufunc/binary`): random operands per dtype at SIMD body and tail lengths with special
//! values, integer and complex `power`, weak scalars, methods and NumPy's errors.

use crate::common;

use common::{compare_dyn, load_dyn_case};
use nprs_core::dynarray::{DynArray, Operand};
use nprs_core::prelude::*;
use nprs_core::{UfuncOptions, array};
use nprs_testkit::oracle;
use nprs_ufunc::ufunc::ReduceOptions;
use nprs_ufunc::{by_name, ufuncs};

#[test]
fn binary_ufuncs_match_numpy_per_dtype_and_length() {
    let c = oracle("ufunc/binary");
    let mut ran = 0;
    for case in c.iter() {
        let parts: Vec<&str> = case.name.split('/').collect();
        let [name, _, _] = parts[..] else { continue };
        let x = load_dyn_case(c.case(&format!("{}/x", case.name)));
        let y = load_dyn_case(c.case(&format!("{}/y", case.name)));
        let u = by_name(name).unwrap();
        compare_dyn(case, u.call(&[(&x).into(), (&y).into()], UfuncOptions::new()));
        ran += 1;
    }
    assert!(ran > 160, "{ran} cases");
}

#[test]
fn weak_scalars_errors_and_methods_match_numpy() {
    let c = oracle("ufunc/binary");
    let a = DynArray::from(array![2i64, 3, -4]);
    let f = DynArray::from(array![0.5, 2.0, 4.0]);
    let as_t = |d: DType| a.astype(&d.into()).unwrap();
    let call = |u: &nprs_ufunc::Ufunc, x: Operand<'_>, y: Operand<'_>| u.call(&[x, y], UfuncOptions::new());
    let neg = DynArray::from(array![1i64, -1, 2]);
    compare_dyn(c.case("power_int_negative"), call(&ufuncs::POWER, (&a).into(), (&neg).into()));
    compare_dyn(c.case("power_int_negative_scalar"), call(&ufuncs::POWER, (&a).into(), (-2).into()));
    let i8a = as_t(DType::Int8);
    compare_dyn(c.case("power_int8_weak"), call(&ufuncs::POWER, (&i8a).into(), 3.into()));
    compare_dyn(c.case("power_int8_weak_float"), call(&ufuncs::POWER, (&i8a).into(), 0.5.into()));
    let b = DynArray::from(array![true, false]);
    compare_dyn(c.case("power_bool_weak_int"), call(&ufuncs::POWER, (&b).into(), 2.into()));
    let f32a = f.astype(&DType::Float32.into()).unwrap();
    let j = Operand::Scalar(nprs_core::Scalar::Complex(0.0, 1.0));
    compare_dyn(c.case("power_float32_weak_complex"), call(&ufuncs::POWER, (&f32a).into(), j));
    let col = f.reshape(&[3, 1]).unwrap().into_owned();
    let row = DynArray::from(array![0.0, 1.0, -1.0, 2.5]);
    compare_dyn(c.case("power_broadcast"), call(&ufuncs::POWER, (&col).into(), (&row).into()));
    compare_dyn(c.case("arctan2_int8_weak_int"), call(&ufuncs::ARCTAN2, (&i8a).into(), 1.into()));
    let i16a = as_t(DType::Int16);
    compare_dyn(c.case("arctan2_weak_int_first"), call(by_name("atan2").unwrap(), 1.into(), (&i16a).into()));
    compare_dyn(c.case("hypot_bool_weak_int"), call(&ufuncs::HYPOT, (&b).into(), 3.into()));
    let f16a = f.astype(&DType::Float16.into()).unwrap();
    compare_dyn(c.case("ldexp_float16_weak_int"), call(&ufuncs::LDEXP, (&f16a).into(), 3.into()));
    compare_dyn(c.case("ldexp_weak_float_int8"), call(&ufuncs::LDEXP, 1.5.into(), (&i8a).into()));
    compare_dyn(c.case("ldexp_float_exponent"), call(&ufuncs::LDEXP, (&f).into(), (&f).into()));
    compare_dyn(c.case("copysign_int_weak_float"), call(&ufuncs::COPYSIGN, (&a).into(), (-1.0).into()));
    let r = ufuncs::LOGADDEXP.reduce(&f.view(), &ReduceOptions::new());
    compare_dyn(c.case("logaddexp_reduce"), r);
    let empty = DynArray::zeros(&[0], &DType::Float64.into()).unwrap();
    compare_dyn(c.case("logaddexp_reduce_empty"), ufuncs::LOGADDEXP.reduce(&empty.view(), &ReduceOptions::new()));
    compare_dyn(c.case("hypot_reduce_empty"), ufuncs::HYPOT.reduce(&empty.view(), &ReduceOptions::new()));
    let acc = DynArray::from(array![2i64, -1, 3]);
    compare_dyn(c.case("power_accumulate_negative"), ufuncs::POWER.accumulate(&acc.view(), 0));
    let (p, q) = (DynArray::from(array![1i64, 2, 3]), DynArray::from(array![0i64, 1, 2]));
    compare_dyn(c.case("power_outer"), ufuncs::POWER.outer(&(&p).into(), &(&q).into(), UfuncOptions::new()));
}

#[test]
fn negative_integer_powers_fail_whatever_the_error_state() {
    use nprs_core::fpstatus::{ErrAction, ErrState, errstate};
    let a = array![2i32, 3];
    let e = errstate(ErrState::all(ErrAction::Ignore), || nprs_ufunc::power(&a, &array![1i32, -1])).unwrap_err();
    assert_eq!(e.numpy_kind(), "ValueError");
    // Also through a strided (gathered) run and at the far end of a long one.
    let mut long = vec![1i32; 5000];
    long[4999] = -3;
    let exps = Array::from_vec(long);
    let base = Array::from_vec(vec![2i32; 5000]);
    assert!(nprs_ufunc::power(&base, &exps).is_err());
    assert!(nprs_ufunc::power(&base.slice(nprs_core::s![..;2]), &exps.slice(nprs_core::s![1..;2])).is_err());
    assert_eq!(
        nprs_ufunc::power(&base.slice(nprs_core::s![..4998]), &exps.slice(nprs_core::s![..4998]))
            .unwrap()
            .get(&[0])
            .unwrap(),
        2
    );
    // Floats never refuse.
    assert!(nprs_ufunc::power(&array![2.0], &array![-1.0]).is_ok());
}

#[test]
fn typed_binary_functions_agree_with_the_resolver() {
    use nprs_core::TypeArg;
    macro_rules! agrees {
        ($f:path, $u:expr, $(($a:ty, $b:ty)),*) => {$({
            let x: Array<$a> = Array::from_vec(vec![<$a as Element>::one(); 3]);
            let y: Array<$b> = Array::from_vec(vec![<$b as Element>::one(); 3]);
            let got = DynArray::from($f(&x, &y).unwrap());
            let r = $u.resolve(&[TypeArg::from(<$a as Element>::DTYPE), TypeArg::from(<$b as Element>::DTYPE)], &UfuncOptions::new()).unwrap();
            assert_eq!(got.dtype().numeric(), Some(r.dtypes[2]), "{} of {} {}", $u.name, stringify!($a), stringify!($b));
        })*};
    }
    macro_rules! float_fn {
        ($f:path, $u:expr) => {
            agrees!(
                $f,
                $u,
                (bool, bool),
                (i8, u8),
                (i8, i16),
                (u16, f16),
                (i32, f32),
                (u64, i64),
                (f16, f16),
                (f16, f32),
                (f32, f64),
                (u8, f64),
                (i64, f16)
            );
        };
    }
    float_fn!(nprs_ufunc::arctan2, ufuncs::ARCTAN2);
    float_fn!(nprs_ufunc::atan2, ufuncs::ARCTAN2);
    float_fn!(nprs_ufunc::hypot, ufuncs::HYPOT);
    float_fn!(nprs_ufunc::logaddexp, ufuncs::LOGADDEXP);
    float_fn!(nprs_ufunc::logaddexp2, ufuncs::LOGADDEXP2);
    float_fn!(nprs_ufunc::copysign, ufuncs::COPYSIGN);
    float_fn!(nprs_ufunc::nextafter, ufuncs::NEXTAFTER);
    float_fn!(nprs_ufunc::heaviside, ufuncs::HEAVISIDE);
    agrees!(
        nprs_ufunc::power,
        ufuncs::POWER,
        (bool, bool),
        (i8, u8),
        (i64, u64),
        (u32, i8),
        (f16, i16),
        (f32, f64),
        (C64, f64),
        (i8, C64),
        (u8, u8)
    );
    agrees!(nprs_ufunc::pow, ufuncs::POWER, (i16, i16));
    agrees!(
        nprs_ufunc::ldexp,
        ufuncs::LDEXP,
        (f16, i8),
        (f16, i64),
        (f32, u32),
        (f64, bool),
        (i8, i16),
        (i16, i64),
        (u64, i32),
        (bool, u8)
    );
}

/// A broadcast operand (stride 0) is written into the loop's chunk buffer once per call
/// and reused for every chunk: over runs many chunks long, with the broadcast operand
/// first or second, each result has the bits of the call with the operand spelt out.
#[test]
fn broadcast_operands_over_many_chunks_match_the_materialised_call() {
    let n = 3 * 1000 + 17;
    let a = DynArray::from(
        Array::from_shape_vec(&[3, n / 3 + 1], (0..3 * (n / 3 + 1)).map(|i| 0.5 + (i % 97) as f64 / 13.0).collect())
            .unwrap(),
    );
    let shape = a.shape().to_vec();
    // One value per row, broadcast along the rows (stride 0 in the inner loop).
    let col = DynArray::from(Array::from_shape_vec(&[3, 1], vec![2.5, -1.25, 0.75]).unwrap());
    let row_len = shape[1];
    let full = DynArray::from(
        Array::from_shape_vec(&shape[..], (0..3 * row_len).map(|i| [2.5, -1.25, 0.75][i / row_len]).collect()).unwrap(),
    );
    for u in [&ufuncs::POWER, &ufuncs::ARCTAN2, &ufuncs::HYPOT] {
        for (x, y, xf, yf) in [(&a, &col, &a, &full), (&col, &a, &full, &a)] {
            let got = u.call(&[x.into(), y.into()], UfuncOptions::new()).unwrap();
            let want = u.call(&[xf.into(), yf.into()], UfuncOptions::new()).unwrap();
            let (g, w) = (got.to_typed::<f64>().unwrap(), want.to_typed::<f64>().unwrap());
            assert_eq!(g.shape(), w.shape());
            assert!(g.iter().zip(w.iter()).all(|(p, q)| p.to_bits() == q.to_bits()), "{}", u.name);
        }
    }
    // A 0-d operand against a long run: the same.
    let s = DynArray::from(Array::from_shape_vec(&[][..], vec![2.5f64]).unwrap());
    let got = ufuncs::POWER.call(&[(&a).into(), (&s).into()], UfuncOptions::new()).unwrap().to_typed::<f64>().unwrap();
    let want =
        ufuncs::POWER.call(&[(&a).into(), (&full).into()], UfuncOptions::new()).unwrap().to_typed::<f64>().unwrap();
    assert!(got.iter().zip(want.iter()).take(n / 3).all(|(p, q)| p.to_bits() == q.to_bits()));
}
