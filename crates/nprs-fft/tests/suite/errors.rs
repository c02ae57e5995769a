//! NumPy's errors (class and message) and edge cases, from `groups/fft/errors.py`.

use nprs_core::{Array, C64, C128, DynArray, array, f16};
use nprs_fft::{self as f, Error, Norm};
use nprs_testkit::oracle;

fn ones(shape: &[usize]) -> Array<f64> {
    Array::ones(shape).unwrap()
}

#[track_caller]
fn err<T: std::fmt::Debug>(o: &nprs_testkit::Cases, name: &str, r: Result<T, Error>) {
    let e = r.expect_err(name);
    o.case(name).check_error(e.kind().name(), &e.to_string());
}

#[test]
fn errors_match_numpy() {
    let o = oracle("fft/errors");
    let a = ones(&[3, 4]);
    let bk = Norm::Backward;
    err(&o, "fft_n0", f::fft(&a, Some(0), -1, bk));
    err(&o, "fft_n_neg", f::fft(&a, Some(-2), -1, bk));
    err(&o, "fft_empty", f::fft(&ones(&[0]), None, -1, bk));
    err(&o, "fft_empty_axis0", f::fft(&ones(&[0, 3]), None, 0, bk));
    err(&o, "fft_axis_bad_default_n", f::fft(&a, None, 2, bk));
    err(&o, "fft_axis_bad_given_n", f::fft(&a, Some(4), 2, bk));
    err(&o, "fft_n0_axis_bad", f::fft(&a, Some(0), 5, bk));
    err(&o, "fft_0d", f::fft(&Array::from_elem_0d(3.0), None, -1, bk));
    err(&o, "irfft_len1", f::irfft(&ones(&[1]), None, -1, bk));
    err(&o, "irfft_empty", f::irfft(&ones(&[0]), None, -1, bk));
    err(&o, "hfft_len1", f::hfft(&ones(&[1]), None, -1, bk));
    err(&o, "fftn_s_axes_len", f::fftn(&a, Some(&[2, 3, 4]), Some(&[0, 1]), bk));
    err(&o, "fftn_axes_take", f::fftn(&a, None, Some(&[0, 2]), bk));
    err(&o, "fftn_axes_take_neg", f::fftn(&a, None, Some(&[-3]), bk));
    err(&o, "fftn_s0", f::fftn(&a, Some(&[0, 6]), Some(&[0, 1]), bk));
    err(&o, "fftn_s_neg2", f::fftn(&a, Some(&[-2, 6]), Some(&[0, 1]), bk));
    err(&o, "fftn_axis_bad_with_s", f::fftn(&a, Some(&[2, 2]), Some(&[0, 3]), bk));
    err(&o, "rfftn_no_axes", f::rfftn(&a, None, Some(&[]), bk));
    err(&o, "irfftn_no_axes", f::irfftn(&a, None, Some(&[]), bk));
    err(&o, "irfftn_s_no_axes", f::irfftn(&a, Some(&[]), Some(&[]), bk));
    let c4 = DynArray::from(Array::<C128>::ones(&[4]).unwrap());
    err(&o, "rfft_complex", f::rfft_dyn(&c4, None, -1, bk));
    let c5 = DynArray::from(Array::<C128>::ones(&[5]).unwrap());
    err(&o, "rfft_complex_odd", f::rfft_dyn(&c5, None, -1, bk));
    err(&o, "norm_bad", "bad".parse::<Norm>());
    let mut out = Array::<C128>::zeros(&[3, 5]).unwrap();
    err(&o, "out_shape", f::fft_into(&a, None, -1, bk, &mut out));
    let ad = DynArray::from(a.clone());
    let mut outf = DynArray::from(ones(&[3, 4]));
    err(&o, "out_dtype", f::fft_dyn_into(&ad, None, -1, bk, &mut outf.view_mut()));
    let mut outr = DynArray::from(Array::<f32>::zeros(&[3, 3]).unwrap());
    err(&o, "out_dtype_rfft", f::rfft_dyn_into(&ad, None, -1, bk, &mut outr.view_mut()));
    err(&o, "fftfreq_0", f::fftfreq(0, 1.0));
    err(&o, "fftfreq_d0", f::fftfreq(5, 0.0));
    err(&o, "rfftfreq_0", f::rfftfreq(0, 1.0));
    err(&o, "fftshift_axis_bad", f::fftshift(&array![0, 1, 2, 3], Some(&[3])));
}

#[test]
fn edge_results_match_numpy() {
    let o = oracle("fft/errors");
    let bk = Norm::Backward;
    o.case("fft_empty_lanes").check(&f::fft(&ones(&[0, 3]), None, -1, bk).unwrap());
    o.case("fft_pad_empty").check(&f::fft(&ones(&[0]), Some(4), -1, bk).unwrap());
    let x = array![C128::new(1.0, 1.0), C128::new(2.0, -1.0), C128::new(3.0, 1.0)];
    let close = |name: &str, got: &Array<f64>| {
        let case = o.case(name);
        let want = case.array();
        let nprs_testkit::Elems::Float(w) = &want.data else { panic!() };
        case.assert_eq(&want.shape[..], got.shape());
        for (a, b) in w.iter().zip(got.iter()) {
            case.assert((a - b).abs() < 1e-14, &format!("{a} vs {b}"));
        }
    };
    close("irfft_imag_ignored_even", &f::irfft(&x, None, -1, bk).unwrap());
    close("irfft_imag_odd", &f::irfft(&x, Some(5), -1, bk).unwrap());
    let y = array![C128::new(1.0, 2.0), C128::new(2.0, -1.0), C128::new(3.0, 1.0), C128::new(0.0, 4.0)];
    close("irfft_odd_n3", &f::irfft(&y, Some(3), -1, bk).unwrap());
    // No axes: NumPy hands the input back unchanged (the dynamic form keeps its dtype).
    let a = DynArray::from(ones(&[3, 4]));
    let r = f::fftn_dyn(&a, None, Some(&[]), bk).unwrap();
    o.case("fftn_no_axes").check(&r.to_typed::<f64>().unwrap());
    // Result dtypes: float16 → complex64, bool → complex128, uint8 rfft → complex128.
    let h = f::fft(&array![0.0, 1.0, 2.0, 3.0].astype::<f16>(), None, -1, bk).unwrap();
    o.case("dtype_f16").check(&h);
    let i = f::irfft(&array![0.0f32, 1.0, 2.0, 3.0], None, -1, bk).unwrap();
    let case = o.case("dtype_f16_irfft");
    case.assert_eq((case.array().name.as_str(), &case.array().shape[..]), ("float32", i.shape()));
    let b = f::fft(&array![true, false, true], None, -1, bk).unwrap();
    let case = o.case("dtype_bool");
    let want = case.array();
    case.assert_eq(want.name.as_str(), "complex128");
    let nprs_testkit::Elems::Complex(w) = &want.data else { panic!() };
    for (a, z) in w.iter().zip(b.iter()) {
        case.assert((a.0 - z.re).abs() < 1e-15 && (a.1 - z.im).abs() < 1e-15, &format!("{a:?} vs {z}"));
    }
    let u = f::rfft(&array![0u8, 1, 2, 3, 4, 5], None, -1, bk).unwrap();
    let case = o.case("dtype_u8_rfft");
    case.assert_eq((case.array().name.as_str(), &case.array().shape[..]), ("complex128", u.shape()));
    // float16 in irfft/hfft: float16 out (the dynamic form; the typed one gives float32).
    let h16 = DynArray::from(array![0.0, 1.0, 2.0, 3.0].astype::<f16>());
    for (name, r) in [
        ("irfft_f16", f::irfft_dyn(&h16, None, -1, bk).unwrap()),
        ("hfft_f16", f::hfft_dyn(&h16, Some(5), -1, bk).unwrap()),
    ] {
        let case = o.case(name);
        let want = case.array();
        case.assert_eq((want.name.as_str(), &want.shape[..]), ("float16", r.shape()));
        let nprs_testkit::Elems::Float(w) = &want.data else { panic!() };
        let got = r.to_typed::<f16>().unwrap();
        for (a, b) in w.iter().zip(got.iter()) {
            case.assert((a - b.to_f64()).abs() <= 1e-3 * a.abs().max(1.0), &format!("{a} vs {b}"));
        }
    }
    // `out` of another precision: cast as NumPy's same_kind rule allows.
    let mut o64 = DynArray::from(Array::<C64>::zeros(&[4]).unwrap());
    f::fft_dyn_into(&DynArray::from(array![0.0, 1.0, 2.0, 3.0]), None, -1, bk, &mut o64.view_mut()).unwrap();
    o.case("out_ok_c64").check(&o64.to_typed::<C64>().unwrap());
    let mut oc = DynArray::from(Array::<C128>::zeros(&[6]).unwrap());
    f::irfft_dyn_into(&DynArray::from(array![0.0, 1.0, 2.0, 3.0]), None, -1, bk, &mut oc.view_mut()).unwrap();
    let case = o.case("out_irfft_complex");
    let nprs_testkit::Elems::Complex(w) = &case.array().data else { panic!() };
    for (a, b) in w.iter().zip(oc.to_typed::<C128>().unwrap().iter()) {
        case.assert((a.0 - b.re).abs() < 1e-14 && b.im == 0.0, &format!("{a:?} vs {b}"));
    }
}

#[test]
fn every_error_case_is_used() {
    // The two tests above name every case of the file; keep this list in step with it.
    assert_eq!(oracle("fft/errors").len(), 44);
}

#[test]
fn strings_are_rejected_with_a_type_error() {
    let s = DynArray::from_bytes(b"ab", &nprs_core::Descr::bytes(1), &[2]).unwrap();
    let e = f::fft_dyn(&s, None, -1, Norm::Backward).unwrap_err();
    assert_eq!(e.kind(), nprs_core::ErrorKind::TypeError);
}

#[test]
fn absurd_lengths_are_memory_errors_not_aborts() {
    let x = array![1.0f64, 2.0, 3.0];
    for n in [1isize << 58, isize::MAX] {
        let e = f::fft(&x, Some(n), -1, Norm::Backward).unwrap_err();
        assert_eq!(e.kind(), nprs_core::ErrorKind::MemoryError, "{e}");
        let e = f::irfft(&x, Some(n), -1, Norm::Backward).unwrap_err();
        assert_eq!(e.kind(), nprs_core::ErrorKind::MemoryError, "{e}");
        let e = f::rfft(&x, Some(n - 1), -1, Norm::Backward).unwrap_err();
        assert_eq!(e.kind(), nprs_core::ErrorKind::MemoryError, "{e}");
    }
}

#[test]
fn no_axes_gives_the_input_as_complex_numbers() {
    let a = array![[1.0f32, 2.0], [3.0, 4.0]];
    let r = f::fftn(&a, None, Some(&[]), Norm::Backward).unwrap();
    assert_eq!(r.to_vec(), vec![C64::new(1.0, 0.0), C64::new(2.0, 0.0), C64::new(3.0, 0.0), C64::new(4.0, 0.0)]);
    let mut out = Array::<C64>::zeros(&[2, 2]).unwrap();
    f::fftn_into(&a.t(), None, Some(&[]), Norm::Backward, &mut out).unwrap();
    assert_eq!(out.get(&[0, 1]).unwrap(), C64::new(3.0, 0.0));
}
