//! Invariants of the iteration engine: whatever the layout (transposed, reversed, sliced,
//! broadcast, tiled), elementwise results equal the element-by-element definition.

use nprs_core::prelude::*;
use proptest::prelude::*;

fn all_indices(shape: &[usize]) -> Vec<Vec<isize>> {
    let mut out = vec![vec![]];
    for &d in shape {
        out = out.into_iter().flat_map(|p| (0..d as isize).map(move |i| [p.clone(), vec![i]].concat())).collect();
    }
    out
}

fn check_sum<S1: nprs_core::kernel::Data<Elem = i64>, S2: nprs_core::kernel::Data<Elem = i64>>(
    a: &ArrayBase<S1>,
    b: &ArrayBase<S2>,
) {
    let r = &(a + b);
    assert_eq!(r.shape(), a.shape());
    for idx in all_indices(a.shape()) {
        assert_eq!(r.get(&idx).unwrap(), a.get(&idx).unwrap() + b.get(&idx).unwrap(), "at {idx:?}");
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn transposed_operands(rows in 1usize..150, cols in 1usize..150) {
        let a = Array::<i64>::arange(rows * cols).into_shape(&[rows as isize, cols as isize]).unwrap();
        let b = Array::<i64>::arange(rows * cols).into_shape(&[cols as isize, rows as isize]).unwrap();
        check_sum(&a, &b.t());
        check_sum(&b.t(), &a);
        let copy = b.t().to_owned();
        prop_assert_eq!(copy.to_vec(), b.t().iter().collect::<Vec<_>>());
    }

    #[test]
    fn sliced_and_reversed(n0 in 1usize..12, n1 in 1usize..70, n2 in 1usize..70, step in 1isize..4) {
        let a = Array::<i64>::arange(n0 * n1 * n2).into_shape(&[n0 as isize, n1 as isize, n2 as isize]).unwrap();
        let v = a.slice(s![..;-1, ..;step, ..]);
        let w = a.permute_dims(&[0, 2, 1]).unwrap();
        let w = w.slice(s![.., ..;-1, ..;step]);
        let w = w.permute_dims(&[0, 2, 1]).unwrap();
        if v.shape() == w.shape() {
            check_sum(&v, &w);
        }
        let big = a.permute_dims(&[2, 1, 0]).unwrap();
        let owned = big.to_owned();
        prop_assert_eq!(owned.to_vec(), big.iter().collect::<Vec<_>>());
    }
}

#[test]
fn large_tiled_plan_is_exact() {
    // Large enough for the threaded, tiled path.
    let n = 700;
    let a = Array::<i64>::arange(n * n).into_shape(&[n as isize, n as isize]).unwrap();
    let r = &a + &a.t();
    for i in 0..n {
        for j in 0..n {
            assert_eq!(r.get(&[i as isize, j as isize]).unwrap(), (i * n + j + j * n + i) as i64);
        }
    }
    let c = a.t().to_owned_order(Order::C);
    assert!(c.is_c_contiguous());
    assert_eq!(c.get(&[5, 600]).unwrap(), (600 * n + 5) as i64);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(12))]

    // Tiles are 256 elements along the run axis and 2 cache lines of the crossing operand
    // tall (16 rows of 8 bytes, 64 of 1 byte): shapes past several tiles each way, with
    // partial tiles at both ends, over element sizes 1, 4 and 8 and a batch axis outside.
    #[test]
    fn tiled_plans_visit_every_element_once(rows in 1usize..150, cols in 200usize..700, batch in 1usize..3) {
        let n = batch * rows * cols;
        let x = Array::<i32>::arange(n).into_shape(&[batch as isize, cols as isize, rows as isize]).unwrap();
        let y = Array::<i32>::arange(n).into_shape(&[batch as isize, rows as isize, cols as isize]).unwrap();
        let xt = x.permute_dims(&[0, 2, 1]).unwrap();
        let r = &y + &xt;
        let want: Vec<i32> = y.iter().zip(xt.iter()).map(|(p, q)| p + q).collect();
        prop_assert_eq!(r.to_vec(), want);
        let wide = Array::<i64>::arange(rows * cols).into_shape(&[cols as isize, rows as isize]).unwrap();
        prop_assert_eq!(wide.t().to_owned_order(Order::C).to_vec(), wide.t().iter().collect::<Vec<_>>());
        let bytes = Array::from_vec((0..rows * cols).map(|v| (v % 251) as u8).collect())
            .into_shape(&[cols as isize, rows as isize])
            .unwrap();
        prop_assert_eq!(bytes.t().to_owned_order(Order::C).to_vec(), bytes.t().iter().collect::<Vec<_>>());
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn reshape_round_trips(d0 in 1usize..6, d1 in 1usize..6, d2 in 1usize..6) {
        let n = d0 * d1 * d2;
        let a = Array::<i64>::arange(n).into_shape(&[d0 as isize, d1 as isize, d2 as isize]).unwrap();
        let flat = a.reshape(&[-1]).unwrap();
        prop_assert!(flat.is_view());
        let back = flat.reshape(&[d0 as isize, d1 as isize, d2 as isize]).unwrap();
        prop_assert_eq!(back.to_vec(), a.to_vec());
        // The transpose of the transpose is the original, and reshaping a transposed
        // array reads it in C order of the transpose.
        let tt = a.t();
        let t2 = tt.t();
        prop_assert_eq!(t2.to_vec(), a.to_vec());
        let flat_t = tt.reshape(&[-1]).unwrap();
        prop_assert_eq!(flat_t.to_vec(), tt.iter().collect::<Vec<_>>());
    }

    #[test]
    fn slicing_views_equal_copies(n in 1usize..40, start in -45isize..45, stop in -45isize..45, step in -5isize..5) {
        prop_assume!(step != 0);
        let a = Array::<i64>::arange(n);
        let v = a.slice(s![start..stop;step]);
        let copied = v.to_owned();
        prop_assert_eq!(copied.to_vec(), v.iter().collect::<Vec<_>>());
        prop_assert!(copied.is_c_contiguous());
        if v.size() > 0 {
            prop_assert!(nprs_core::shares_memory(&a, &v, None).unwrap());
        }
    }

    #[test]
    fn broadcasting_is_symmetric(a0 in 1usize..4, a1 in 1usize..4, b1 in 1usize..4) {
        let sa = [a0, a1];
        let sb = [b1];
        let ab = nprs_core::broadcast_shapes(&[&sa, &sb]);
        let ba = nprs_core::broadcast_shapes(&[&sb, &sa]);
        prop_assert_eq!(ab.is_ok(), ba.is_ok());
        if let (Ok(x), Ok(y)) = (ab, ba) {
            prop_assert_eq!(x, y);
        }
    }
}
