//! `Generator.multivariate_hypergeometric` against NumPy: both methods' streams for several
//! seeds, urns and output shapes, the stream after the call, and the argument errors.

use nprs_random::{MvhgMethod, Size, default_rng};
use nprs_testkit::oracle;

/// The urns of the case file: name, colors, nsample.
const URNS: [(&str, &[i64], i64); 10] = [
    ("small", &[16, 8, 4], 6),
    ("zeros", &[0, 5, 0, 7, 3], 4),
    ("half", &[3, 2, 5], 6),
    ("hrua", &[1000, 2000, 500, 30], 700),
    ("hrua_over", &[1000, 2000, 500, 30], 3000),
    ("large", &[100_000_000, 500_000_000, 3, 12345], 123_456_789),
    ("all", &[4, 9, 2], 15),
    ("none", &[4, 9, 2], 0),
    ("one_color", &[17], 5),
    ("empty", &[], 0),
];
const SEEDS: [u64; 3] = [0, 42, 12345];

fn sizes() -> [Size; 5] {
    [Size::NONE, Size::from(5), Size::from([2, 3]), Size::EMPTY, Size::from(0)]
}

#[test]
fn streams_are_numpys() {
    let o = oracle("random/mvhypergeometric");
    let mut compared = 0;
    for (mname, method) in [("marginals", MvhgMethod::Marginals), ("count", MvhgMethod::Count)] {
        for (name, colors, nsample) in URNS {
            if method == MvhgMethod::Count && name == "large" {
                continue;
            }
            for seed in SEEDS {
                for (i, size) in sizes().into_iter().enumerate() {
                    let c = o.case(&format!("{mname}_{name}_s{seed}_{i}"));
                    let mut rng = default_rng(seed);
                    let x = rng.multivariate_hypergeometric(colors, nsample, size, method).unwrap();
                    c.check_item(0, &x);
                    c.check_item(1, &rng.integers::<i64>(0i64, 1i64 << 62, 2).unwrap());
                    compared += 1;
                }
            }
        }
    }
    assert_eq!(compared, 285);
}

#[test]
fn many_variates_are_numpys() {
    let o = oracle("random/mvhypergeometric");
    let colors = [5, 0, 40, 13, 200, 1, 77];
    for (mname, method) in [("marginals", MvhgMethod::Marginals), ("count", MvhgMethod::Count)] {
        let c = o.case(&format!("{mname}_many"));
        let mut rng = default_rng(2024);
        let x = rng.multivariate_hypergeometric(colors.as_slice(), 150, [40, 25], method).unwrap();
        assert!(x.to_vec().chunks(7).all(|r| r.iter().sum::<i64>() == 150));
        c.check_item(0, &x);
        c.check_item(1, &rng.random(2).unwrap());
    }
}

#[test]
fn errors_are_numpys() {
    let o = oracle("random/mvhypergeometric");
    let (m, cnt) = (MvhgMethod::Marginals, MvhgMethod::Count);
    let p62 = 1i64 << 62;
    let p60 = 1i64 << 60;
    let two_d = nprs_core::Array::from_shape_vec(&[1, 2], vec![3i64, 4]).unwrap();
    let cases: Vec<(&str, nprs_random::Result<nprs_core::Array<i64>>)> = vec![
        ("nsample_negative", default_rng(1).multivariate_hypergeometric([3, 4], -1, Size::NONE, m)),
        ("nsample_negative_first", default_rng(1).multivariate_hypergeometric([-3, 4], -1, Size::NONE, m)),
        ("colors_negative", default_rng(1).multivariate_hypergeometric([3, -4], 2, Size::NONE, m)),
        ("colors_2d", default_rng(1).multivariate_hypergeometric(&two_d, 2, Size::NONE, m)),
        ("colors_0d", default_rng(1).multivariate_hypergeometric(5i64, 2, Size::NONE, m)),
        ("colors_sum", default_rng(1).multivariate_hypergeometric([p62, p62], 2, Size::NONE, m)),
        ("colors_sum_count", default_rng(1).multivariate_hypergeometric([p62, p62], 2, Size::NONE, cnt)),
        ("marginals_total", default_rng(1).multivariate_hypergeometric([1_000_000_000 - 5, 5], 2, Size::NONE, m)),
        ("count_total", default_rng(1).multivariate_hypergeometric([p60, 5], 2, Size::NONE, cnt)),
        ("count_memory", default_rng(1).multivariate_hypergeometric([p60 - 1], 1, Size::NONE, cnt)),
        ("nsample_too_big", default_rng(1).multivariate_hypergeometric([3, 4], 8, Size::NONE, m)),
        ("nsample_too_big_count", default_rng(1).multivariate_hypergeometric([3, 4], 8, Size::NONE, cnt)),
        ("negative_size", default_rng(1).multivariate_hypergeometric([3, 4], 2, -1, m)),
        ("negative_size_tuple", default_rng(1).multivariate_hypergeometric([3, 4], 2, [2, -1], m)),
    ];
    for (name, r) in cases {
        let e = r.expect_err(name);
        o.case(&format!("err_{name}")).check_error(e.numpy_kind(), &e.to_string());
    }
    let e = "exact".parse::<MvhgMethod>().unwrap_err();
    o.case("err_method").check_error(e.numpy_kind(), &e.to_string());
}
