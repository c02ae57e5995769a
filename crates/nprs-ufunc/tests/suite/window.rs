//! Window functions and `i0` against NumPy (within the ULP bounds the oracle cases state).

use nprs_core::prelude::*;
use nprs_core::{DynArray, f16};
use nprs_testkit::{Case, Elems, oracle};
use nprs_ufunc::window::{bartlett, blackman, hamming, hanning, i0, i0_dyn, kaiser};

/// A window function of its length.
type Window = fn(isize) -> Array<f64>;

const SIZES: [isize; 11] = [-3, 0, 1, 2, 3, 4, 5, 12, 51, 256, 1001];

fn name(s: &str) -> String {
    s.replace('-', "m").replace('.', "_")
}

#[test]
fn cosine_and_triangle_windows_match_numpy() {
    let o = oracle("ufunc/window");
    let fs: [(&str, Window); 4] =
        [("bartlett", bartlett), ("blackman", blackman), ("hamming", hamming), ("hanning", hanning)];
    for (f, func) in fs {
        for m in SIZES {
            o.case(&name(&format!("{f}_{m}"))).check(&func(m));
        }
    }
}

#[test]
fn kaiser_windows_match_numpy() {
    let o = oracle("ufunc/window");
    for m in SIZES {
        for beta in [0.0, 1.5, 5.0, 14.0, 40.0] {
            o.case(&name(&format!("kaiser_{m}_{beta:?}"))).check(&kaiser(m, beta));
        }
    }
}

fn input_f64(c: &Case) -> Array<f64> {
    let a = c.array();
    let Elems::Float(v) = &a.data else { panic!("{}: expected floats", c.name) };
    Array::from_shape_vec(&a.shape, v.clone()).unwrap()
}

#[test]
fn i0_matches_numpy() {
    let o = oracle("ufunc/window");
    let small = array![0.0, 0.5, -1.0, 7.99, 8.0, 8.01, 30.0, -700.0, f64::INFINITY, f64::NAN];
    o.case("i0_small").check(&i0(&small).unwrap());
    let x = input_f64(o.case("i0_rand_x"));
    o.case("i0_rand_f64").check(&i0(&x).unwrap());
    let x32 = nprs_core::kernel::map(&x, |v| v as f32);
    o.case("i0_rand_f32").check(&i0(&x32.view()).unwrap());
    let x16 = nprs_core::kernel::map(&x, |v| f16::from_f64(v / 3.0));
    o.case("i0_rand_f16").check(&i0_dyn(&DynArray::from(x16)).unwrap().typed::<f16>().unwrap());
    let ints = Array::from_vec((-10i16..=10).collect());
    o.case("i0_int").check(&i0(&ints).unwrap());
    o.case("i0_bool").check(&i0(&array![true, false]).unwrap());
    o.case("i0_0d").check(&i0(&Array::from_elem_0d(2.5f32)).unwrap());
    let c = DynArray::from(array![C128::new(1.0, 1.0)]);
    let e = i0_dyn(&c).unwrap_err();
    o.case("i0_complex").check_error(e.numpy_kind(), &e.to_string());
    let m = (&Array::<f64>::arange(12).into_shape(&[3, 4]).unwrap() - 4.0).t().to_owned();
    o.case("i0_2d").check(&i0(&m.t()).unwrap());
}
