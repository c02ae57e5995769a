//! convolve and correlate against NumPy (`stats/convolve`): every dtype (integers wrap,
//! bool, floats within the cases' tolerance since NumPy's float dot products use BLAS),
//! both argument orders, every mode, mixed dtypes, errors.

use nprs_core::DynArray;
use nprs_core::prelude::*;
use nprs_testkit::{Cases, oracle};
use nprs_ufunc::{ConvolveMode, convolve, convolve_dyn, correlate, correlate_dyn};

use crate::common;
use common::{check_dyn, load, load_dyn};

const DTYPES: [&str; 12] = [
    "bool",
    "int8",
    "int16",
    "int32",
    "int64",
    "uint8",
    "uint64",
    "float16",
    "float32",
    "float64",
    "complex64",
    "complex128",
];

fn cases() -> Cases {
    oracle("stats/convolve")
}

#[test]
fn convolve_and_correlate_of_every_dtype_match_numpy() {
    let c = cases();
    for dt in DTYPES {
        let a = load_dyn(&c, &format!("a_{dt}"));
        let v = load_dyn(&c, &format!("v_{dt}"));
        for name in ["full", "same", "valid"] {
            let m: ConvolveMode = name.parse().unwrap();
            check_dyn(c.case(&format!("conv_{dt}_{name}")), convolve_dyn(&a, &v, m));
            check_dyn(c.case(&format!("conv_{dt}_{name}_swap")), convolve_dyn(&v, &a, m));
            check_dyn(c.case(&format!("corr_{dt}_{name}")), correlate_dyn(&a, &v, m));
            check_dyn(c.case(&format!("corr_{dt}_{name}_swap")), correlate_dyn(&v, &a, m));
        }
    }
    // the typed forms run the same code
    let a = load::<i32>(&c, "a_int32").to_vec();
    let v = load::<i32>(&c, "v_int32").to_vec();
    c.case("conv_int32_same").check(&convolve(&a, &v, ConvolveMode::Same).unwrap());
    c.case("corr_int32_full_swap").check(&correlate(&v, &a, ConvolveMode::Full).unwrap());
    let i8s = DynArray::from(array![1i8, 2, 3]);
    check_dyn(c.case("corr_mixed"), correlate_dyn(&i8s, &DynArray::from(array![0.5, 2.0]), ConvolveMode::Full));
}

#[test]
fn errors_match_numpy() {
    let c = cases();
    let err = |name: &str, e: nprs_core::Error| c.case(name).check_error(e.numpy_kind(), &e.to_string());
    err("err_conv_mode", "x".parse::<ConvolveMode>().unwrap_err());
    let e = DynArray::from(Array::<f64>::zeros(&[0]).unwrap());
    let one = DynArray::from(array![1.0]);
    let two = DynArray::from(array![1.0, 2.0]);
    err("err_conv_a", convolve_dyn(&e, &one, ConvolveMode::Full).unwrap_err());
    err("err_conv_v", convolve_dyn(&one, &e, ConvolveMode::Full).unwrap_err());
    err("err_corr_v", correlate_dyn(&two, &e, ConvolveMode::Full).unwrap_err());
    err("err_corr_a", correlate_dyn(&e, &one, ConvolveMode::Full).unwrap_err());
}
