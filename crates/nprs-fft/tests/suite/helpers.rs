//! fftfreq, rfftfreq, fftshift, ifftshift: exactly NumPy's (`groups/fft/helpers.py`).

use nprs_core::{Array, C128, DynArray};
use nprs_fft as f;
use nprs_testkit::oracle;

#[test]
fn frequencies_are_exact() {
    let o = oracle("fft/helpers");
    let mut used = 0;
    for n in [1usize, 2, 3, 4, 5, 8, 9, 10, 17] {
        for d in [1.0, 0.1, 2.5, -0.3] {
            o.case(&format!("fftfreq_{n}_{d:?}")).check(&f::fftfreq(n, d).unwrap());
            o.case(&format!("rfftfreq_{n}_{d:?}")).check(&f::rfftfreq(n, d).unwrap());
            used += 2;
        }
    }
    for n in [1i64, 4, 5] {
        let a = Array::from_vec((0..n).collect());
        o.case(&format!("fftshift_{n}")).check(&f::fftshift(&a, None).unwrap());
        o.case(&format!("ifftshift_{n}")).check(&f::ifftshift(&a, None).unwrap());
        used += 2;
    }
    let a = Array::from_shape_vec(&[5, 7], (0..35).map(f64::from).collect()).unwrap();
    let axes: [(&str, Option<&[isize]>); 5] =
        [("none", None), ("0", Some(&[0])), ("1_0", Some(&[1, 0])), ("neg", Some(&[-1])), ("rep", Some(&[1, 1]))];
    for (name, ax) in axes {
        o.case(&format!("fftshift_2d_{name}")).check(&f::fftshift(&a, ax).unwrap());
        o.case(&format!("ifftshift_2d_{name}")).check(&f::ifftshift(&a, ax).unwrap());
        let d = DynArray::from(a.clone());
        o.case(&format!("fftshift_2d_{name}")).check(&f::fftshift_dyn(&d, ax).unwrap().to_typed::<f64>().unwrap());
        o.case(&format!("ifftshift_2d_{name}")).check(&f::ifftshift_dyn(&d, ax).unwrap().to_typed::<f64>().unwrap());
        used += 2;
    }
    let c = Array::from_vec((0..6).map(|i| C128::new(f64::from(i), f64::from(5 - i))).collect());
    o.case("fftshift_complex").check(&f::fftshift(&c, None).unwrap());
    used += 1;
    assert_eq!(used, o.len(), "every recorded case is compared");
}
