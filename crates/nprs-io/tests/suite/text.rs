//! Text I/O against NumPy: savetxt output byte for byte, loadtxt/genfromtxt results and
//! errors, tofile/fromfile.

use crate::common;

use common::temp_dir;
use nprs_core::{Array, C128, Order};
use nprs_io::text::{
    Fmt, GenFromTxtOptions, LoadTxtOptions, SaveTxtOptions, TextElement, genfromtxt_str, loadtxt_str, write_txt,
};
use nprs_testkit::{Case, Value, oracle};

fn m() -> Array<f64> {
    Array::from_shape_vec(&[2, 3], vec![1.0, -2.5, 1e-20, std::f64::consts::PI, 1e300, -0.0]).unwrap()
}

fn saved<S: nprs_core::kernel::Data>(a: &nprs_core::ArrayBase<S>, opts: &SaveTxtOptions) -> nprs_io::Result<String>
where
    S::Elem: TextElement,
{
    let mut out = Vec::new();
    write_txt(&mut out, a, opts)?;
    Ok(String::from_utf8(out).unwrap())
}

#[track_caller]
fn check_save<S: nprs_core::kernel::Data>(case: &Case, a: &nprs_core::ArrayBase<S>, opts: &SaveTxtOptions)
where
    S::Elem: TextElement,
{
    match saved(a, opts) {
        Ok(s) => case.check_str(&s),
        Err(e) => case.check_error(e.numpy_kind(), &e.to_string()),
    }
}

fn fmt(f: &str) -> SaveTxtOptions {
    SaveTxtOptions { fmt: Fmt::One(f.into()), ..Default::default() }
}

/// Writes runs of 100 or more equal zeros or spaces as `<count*char>`, as the oracle
/// records the output of huge precisions and widths.
fn shorten_runs(s: &str) -> String {
    let b = s.as_bytes();
    let mut out = String::new();
    let mut i = 0;
    while i < b.len() {
        let mut j = i + 1;
        while j < b.len() && b[j] == b[i] {
            j += 1;
        }
        if matches!(b[i], b'0' | b' ') && j - i >= 100 {
            out.push_str(&format!("<{}*{}>", j - i, b[i] as char));
        } else {
            out.push_str(&s[i..j]);
        }
        i = j;
    }
    out
}

#[test]
fn savetxt_takes_huge_precisions_and_widths() {
    let o = oracle("io/text");
    let big =
        Array::from_shape_vec(&[2, 4], vec![0.1, 5e-324, 1e300, 2.0 / 3.0, 5e-324, 0.1, 2.0 / 3.0, 1e22]).unwrap();
    let s = saved(&big, &fmt("%.70000f %.70000e %#.70000g %.70000g")).unwrap();
    o.case("save_huge_precision").check_str(&shorten_runs(&s));
    let w = SaveTxtOptions { fmt: Fmt::PerColumn(vec!["%70000.3f".into(), "%-66000.1e".into()]), ..Default::default() };
    let s = saved(&Array::from_shape_vec(&[1, 2], vec![1.5, -2.0]).unwrap(), &w).unwrap();
    o.case("save_huge_width").check_str(&shorten_runs(&s));
    let s = saved(&Array::from_shape_vec(&[1, 2], vec![7i64, -3]).unwrap(), &fmt("%.70000d %0100000d")).unwrap();
    o.case("save_huge_int_precision").check_str(&shorten_runs(&s));
    let one = Array::from_vec(vec![1.5]);
    check_save(o.case("err_save_precision_too_big"), &one, &fmt("%.2147483648f"));
    check_save(o.case("err_save_width_too_big"), &one, &fmt("%99999999999999999999f"));
    // Text larger than memory: NumPy's MemoryError, not an abort.
    let e = saved(&one, &fmt("%9223372036854775807d")).unwrap_err();
    assert_eq!(e.numpy_kind(), "MemoryError", "{e}");
    // A shape whose rows hold no elements but absurdly many columns.
    let empty = Array::<f64>::zeros(&[0, usize::MAX / 16]).unwrap();
    assert_eq!(saved(&empty, &fmt("%.1f")).unwrap_err().numpy_kind(), "MemoryError");
}

#[test]
fn savetxt_matches_numpy() {
    let o = oracle("io/text");
    let d = SaveTxtOptions::default();
    check_save(o.case("save_default"), &m(), &d);
    check_save(o.case("save_f3_csv"), &m(), &SaveTxtOptions { delimiter: ",".into(), ..fmt("%.3f") });
    check_save(o.case("save_g"), &m(), &fmt("%g"));
    let per = SaveTxtOptions {
        fmt: Fmt::PerColumn(vec!["%d".into(), "%10.4f".into(), "%-12.3e".into()]),
        delimiter: "|".into(),
        ..Default::default()
    };
    check_save(o.case("save_percol"), &m(), &per);
    check_save(o.case("save_row_fmt"), &m(), &fmt("%.1f;%.2f;%s"));
    let s = Array::from_shape_vec(&[2, 2], vec![0.1, 1e16, f64::NAN, f64::NEG_INFINITY]).unwrap();
    check_save(o.case("save_s"), &s, &fmt("%s"));
    check_save(o.case("save_s_f32"), &Array::from_vec(vec![0.1f32, 2.5, 1e-5]), &fmt("%s"));
    let ints = Array::from_shape_vec(&[3, 2], (0..6i64).map(|x| x - 2).collect()).unwrap();
    check_save(o.case("save_int"), &ints, &fmt("%d"));
    check_save(o.case("save_int_default"), &Array::from_shape_vec(&[2, 2], vec![1u8, 2, 3, 4]).unwrap(), &d);
    check_save(o.case("save_bool"), &Array::from_vec(vec![true, false]), &fmt("%d"));
    check_save(o.case("save_1d"), &Array::from_vec(vec![1.5, 2.5]), &fmt("%.2f"));
    let eye = Array::from_shape_vec(&[2, 2], vec![1.0, 0.0, 0.0, 1.0]).unwrap();
    let hdr =
        SaveTxtOptions { header: "a b\nsecond".into(), footer: "end".into(), comments: "## ".into(), ..fmt("%.0f") };
    check_save(o.case("save_header"), &eye, &hdr);
    let nl = SaveTxtOptions { newline: "\r\n".into(), delimiter: "\t".into(), ..fmt("%.1f") };
    check_save(o.case("save_newline"), &eye, &nl);
    let c = Array::from_shape_vec(
        &[2, 2],
        vec![C128::new(1.0, 2.0), C128::new(-1.5, -0.5), C128::new(0.0, 0.0), C128::new(3.0, -1.0)],
    )
    .unwrap();
    check_save(o.case("save_complex"), &c, &fmt("%.2f"));
    check_save(o.case("save_complex_default"), &Array::from_vec(vec![C128::new(1.0, 2.0), C128::new(3.0, -4.0)]), &d);
    check_save(o.case("save_x"), &Array::from_shape_vec(&[1, 2], vec![255i32, 16]).unwrap(), &fmt("%#x"));
    check_save(o.case("err_save_0d"), &Array::from_elem_0d(1.0), &d);
    check_save(o.case("err_save_3d"), &Array::<f64>::zeros(&[1, 1, 1]).unwrap(), &d);
    check_save(o.case("err_save_nfmt"), &m(), &fmt("%d %d"));
    let shape = SaveTxtOptions { fmt: Fmt::PerColumn(vec!["%d".into(), "%d".into()]), ..Default::default() };
    check_save(o.case("err_save_shape"), &m(), &shape);
    let one_row = Array::from_shape_vec(&[1, 2], vec![1.5, 2.5]).unwrap();
    check_save(o.case("err_save_mismatch"), &one_row, &fmt("%d %d %d"));
    check_save(o.case("err_save_type"), &one_row, &fmt("%x"));
    check_save(o.case("err_save_nan_int"), &Array::from_vec(vec![f64::NAN]), &fmt("%d"));
    // Python raises OverflowError for an infinity where it raises ValueError for NaN.
    check_save(o.case("err_save_inf_int"), &Array::from_vec(vec![f64::NEG_INFINITY]), &fmt("%d"));
}

#[track_caller]
fn check_load<T: TextElement + nprs_core::Cast>(case: &Case, text: &str, opts: &LoadTxtOptions) {
    match loadtxt_str::<T>(text, opts) {
        Ok(a) => case.check(&a),
        Err(e) => case.check_error(e.numpy_kind(), &e.to_string()),
    }
}

#[test]
fn loadtxt_matches_numpy() {
    let o = oracle("io/text");
    let d = LoadTxtOptions::default();
    let comma = LoadTxtOptions { delimiter: Some(",".into()), ..Default::default() };
    check_load::<f64>(o.case("load_basic"), "1 2 3\n4 5 6\n", &d);
    check_load::<f64>(o.case("load_comments"), "# head\n1, 2 # tail\n\n3, 4\n", &comma);
    let sum = LoadTxtOptions { skiprows: 1, usecols: Some(vec![2, 0]), max_rows: Some(2), ..Default::default() };
    check_load::<f64>(o.case("load_skip_use_max"), "a b c\n1 2 3\n4 5 6\n7 8 9\n", &sum);
    check_load::<f64>(
        o.case("load_neg_usecols"),
        "1 2 3\n4 5 6\n",
        &LoadTxtOptions { usecols: Some(vec![-1]), ..d.clone() },
    );
    let unpack = LoadTxtOptions { unpack: true, ..comma.clone() };
    let u = loadtxt_str::<f64>("1,2,3\n4,5,6\n", &unpack).unwrap();
    o.case("load_unpack").check(&u);
    assert!(u.is_f_contiguous(), "unpack gives the transpose without copying");
    check_load::<f64>(o.case("load_one_row"), "1 2 3\n", &d);
    check_load::<f64>(o.case("load_one_value"), "7\n", &d);
    check_load::<f64>(o.case("load_ndmin2"), "1\n2\n", &LoadTxtOptions { ndmin: 2, ..d.clone() });
    check_load::<f64>(o.case("load_ndmin1"), "5\n", &LoadTxtOptions { ndmin: 1, ..d.clone() });
    check_load::<f64>(o.case("load_empty"), "# nothing\n", &d);
    check_load::<f64>(o.case("load_special"), "inf -inf nan 1e400 -1e-400 +2.5\n", &d);
    check_load::<i32>(o.case("load_int"), "1 -2\n3 4\n", &d);
    check_load::<u8>(o.case("load_uint8"), "0 255\n", &d);
    check_load::<bool>(o.case("load_bool"), "1 0 2\n", &d);
    check_load::<f32>(o.case("load_f32"), "0.1 1e-50 3.4e39\n", &d);
    check_load::<C128>(o.case("load_complex"), "1+2j (3-4j) 2.5 -1j\n", &d);
    let mc = LoadTxtOptions { comments: vec!["//".into(), "%".into()], ..d.clone() };
    check_load::<f64>(o.case("load_multi_comment"), "1 2 // x\n% skip\n3 4\n", &mc);
    check_load::<f64>(o.case("err_load_convert"), "1 2 3\n4 x 6\n", &d);
    check_load::<f64>(o.case("err_load_columns"), "# c\n1 2 3\n4 5\n", &d);
    check_load::<i64>(o.case("err_load_int"), "1.0 2\n", &d);
    check_load::<u16>(o.case("err_load_range"), "-1\n", &d);
    check_load::<f64>(
        o.case("err_load_usecols"),
        "1 2\n3 4\n",
        &LoadTxtOptions { usecols: Some(vec![5]), ..d.clone() },
    );
    check_load::<f64>(o.case("err_load_empty_field"), "1,,2\n", &comma);
    check_load::<f64>(o.case("err_load_ndmin"), "1 2\n", &LoadTxtOptions { ndmin: 3, ..d.clone() });
}

#[track_caller]
fn check_gen(case: &Case, text: &str, opts: &GenFromTxtOptions) {
    match genfromtxt_str(text, opts) {
        Ok(a) => case.check(&a),
        Err(e) => case.check_error(e.numpy_kind(), &e.to_string()),
    }
}

#[test]
fn genfromtxt_matches_numpy() {
    let o = oracle("io/text");
    let d = GenFromTxtOptions::default();
    let comma = GenFromTxtOptions { delimiter: Some(",".into()), ..Default::default() };
    check_gen(o.case("gen_missing"), "1,2,3\n4,,6\n7,abc,9\n", &comma);
    let fill = GenFromTxtOptions { missing_values: vec!["N/A".into()], filling_value: -1.0, ..comma.clone() };
    check_gen(o.case("gen_fill"), "1,N/A,3\n,5,6\n", &fill);
    let skip = GenFromTxtOptions { skip_header: 1, skip_footer: 1, ..d.clone() };
    check_gen(o.case("gen_skip"), "header\n1 2\n3 4\n5 6\nfooter\n", &skip);
    check_gen(o.case("gen_usecols"), "1 2 3\n4 5 6\n", &GenFromTxtOptions { usecols: Some(vec![0, -1]), ..d.clone() });
    check_gen(o.case("gen_comments"), "# c\n1 2 # x\n\n3 4\n", &d);
    check_gen(o.case("gen_max_rows"), "1 2\n3 4\n5 6\n", &GenFromTxtOptions { max_rows: Some(2), ..d.clone() });
    check_gen(o.case("gen_unpack"), "1 2\n3 4\n5 6\n", &GenFromTxtOptions { unpack: true, ..d.clone() });
    check_gen(o.case("err_gen_columns"), "1,2,3\n4,5\n7,8,9\n1\n", &comma);
}

#[test]
fn tofile_and_fromfile_match_numpy() {
    let o = oracle("io/text");
    let dir = temp_dir("tofile");
    let p = dir.join("t");
    let read = |p: &std::path::Path| std::fs::read_to_string(p).unwrap();
    nprs_io::tofile(&Array::from_shape_vec(&[2, 2], vec![1.5, 2.0, 3.0, 1e-7]).unwrap(), &p, ", ", "%s").unwrap();
    o.case("tofile_text").check_str(&read(&p));
    nprs_io::tofile(&Array::from_vec(vec![0i64, 1, 2, 3]), &p, "\n", "%03d").unwrap();
    o.case("tofile_fmt").check_str(&read(&p));
    nprs_io::tofile(&Array::from_vec(vec![0.1f32, 1e16, 3.0]), &p, " ", "%s").unwrap();
    o.case("tofile_f32").check_str(&read(&p));
    let f = Array::from_shape_vec_order(&[2, 3], vec![0i16, 3, 1, 4, 2, 5], Order::F).unwrap();
    nprs_io::tofile(&f, &p, "", "%s").unwrap();
    let bytes = std::fs::read(&p).unwrap();
    o.case("tofile_bytes_f_order").check_value(&Value::Str(bytes.iter().map(|&b| char::from(b)).collect()));
    for (name, text, sep, count) in [
        ("fromfile_comma", "1, 2,3 ,4\n", ",", None),
        ("fromfile_space", "1 2\n3  4\n", " ", None),
        ("fromfile_count", "1,2,3", ",", Some(2)),
        ("fromfile_empty", "", ",", None),
        ("err_fromfile_trailing", "1,2,3,\n", ",", None),
        ("err_fromfile_bad", "1 2\n3 x 4", " ", None),
    ] {
        std::fs::write(&p, text).unwrap();
        match nprs_io::fromfile::<f64>(&p, count, sep, 0) {
            Ok(a) => o.case(name).check(&a),
            Err(e) => o.case(name).check_error(e.numpy_kind(), &e.to_string()),
        }
    }
    nprs_io::tofile(&Array::from_vec((0..5).map(f64::from).collect()), &p, "", "").unwrap();
    o.case("fromfile_bin").check(&nprs_io::fromfile::<f64>(&p, None, "", 0).unwrap());
    o.case("fromfile_bin_count_offset").check(&nprs_io::fromfile::<f64>(&p, Some(2), "", 16).unwrap());
    o.case("fromfile_bin_count_over").check(&nprs_io::fromfile::<f64>(&p, Some(10), "", 0).unwrap());
    o.case("fromfile_bin_i4").check(&nprs_io::fromfile::<i32>(&p, None, "", 8).unwrap());
    // savetxt then loadtxt round trip through a file.
    nprs_io::savetxt(dir.join("m.txt"), &m(), &SaveTxtOptions::default()).unwrap();
    let back = nprs_io::loadtxt::<f64>(dir.join("m.txt"), &LoadTxtOptions::default()).unwrap();
    assert_eq!(back, m());
    std::fs::remove_dir_all(&dir).unwrap();
}
