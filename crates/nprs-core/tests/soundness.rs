//! Small-size tests over the unsafe paths: storage, layouts and views, slicing, the
//! iteration engine, copies and casts, iterators, indexing kernels, manipulation canvases
//! and dynamic arrays. `cargo xtask miri` runs this file under Miri (tree borrows), so the
//! sizes are kept small; every result is also checked against an element-by-element
//! definition, so the file is an ordinary test too.
//!
//! The arrays hold `arange` values, so each element names its own position in the source.

use nprs_core::prelude::*;
use nprs_core::{
    ClipMode, Descr, DynArray, DynView, concatenate, flip, kernel, nonzero, pad, put, repeat, roll, rot90, split,
    stack, take, tile,
};

/// Python's `slice(start, stop, step).indices(len)` as the list of indices it selects.
fn py_slice(start: Option<isize>, stop: Option<isize>, step: isize, len: usize) -> Vec<usize> {
    let n = len as isize;
    let (lo, hi) = if step < 0 { (-1, n - 1) } else { (0, n) };
    let clamp = |v: isize| if v < 0 { (v + n).max(lo) } else { v.min(hi) };
    let mut i = start.map_or(if step < 0 { hi } else { lo }, clamp);
    let stop = stop.map_or(if step < 0 { lo } else { hi }, clamp);
    let mut out = Vec::new();
    while (step > 0 && i < stop) || (step < 0 && i > stop) {
        out.push(i as usize);
        i += step;
    }
    out
}

/// Every multi-index of `shape` in C order.
fn indices(shape: &[usize]) -> Vec<Vec<isize>> {
    let mut out = vec![vec![]];
    for &d in shape {
        out = out.into_iter().flat_map(|p| (0..d as isize).map(move |i| [p.clone(), vec![i]].concat())).collect();
    }
    out
}

/// `np.arange(n).reshape(shape)` as i64.
fn arange(shape: &[usize]) -> Array<i64> {
    let n = shape.iter().product();
    let s: Vec<isize> = shape.iter().map(|&d| d as isize).collect();
    Array::<i64>::arange(n).into_shape(&s).unwrap()
}

/// The flat C-order position of a multi-index of `shape`.
fn flat(shape: &[usize], idx: &[usize]) -> i64 {
    idx.iter().zip(shape).fold(0, |acc, (&i, &d)| acc * d as i64 + i as i64)
}

#[test]
fn storage_creation_and_clones() {
    let z = Array::<f64>::zeros(&[3, 2]).unwrap();
    assert!(z.iter().all(|x| x == 0.0));
    let e = Array::<i32>::zeros(&[0, 4]).unwrap();
    assert_eq!(e.size(), 0);
    assert_eq!(e.to_vec(), Vec::<i32>::new());
    let v = Array::from_shape_vec(&[2, 3], vec![1u8, 2, 3, 4, 5, 6]).unwrap();
    let c = v.clone();
    drop(v);
    assert_eq!(c.to_vec(), vec![1, 2, 3, 4, 5, 6]);
    // A Vec with spare capacity is adopted as it is and freed with its own layout.
    let mut spare = Vec::with_capacity(10);
    spare.extend([1.5f32, 2.5]);
    let a = Array::from_shape_vec(&[2], spare).unwrap();
    assert_eq!(a.to_vec(), vec![1.5, 2.5]);
    let u = Array::<i16>::uninit(&[2, 2]).unwrap().init_with(|ix| (ix[0] * 10 + ix[1]) as i16);
    assert_eq!(u.to_vec(), vec![0, 1, 10, 11]);
    let f = Array::<C128>::uninit_order(&[2, 3], Order::F).unwrap().fill(C128::new(1.0, -1.0));
    assert!(f.is_f_contiguous());
    assert!(f.iter().all(|x| x == C128::new(1.0, -1.0)));
    let zero_d = Array::from_shape_vec(&[], vec![7i64]).unwrap();
    assert_eq!(zero_d.item().unwrap(), 7);
}

#[test]
fn slices_select_python_indices() {
    let shape = [4usize, 5];
    let a = arange(&shape);
    let bounds = [None, Some(-7), Some(-2), Some(0), Some(1), Some(3), Some(9)];
    for &step in &[-3isize, -1, 1, 2] {
        for &start in &bounds {
            for &stop in &bounds[..4] {
                let v = a.slice(&[
                    SliceArg::Slice { start, stop, step },
                    SliceArg::Slice { start: stop, stop: start, step: -step },
                ]);
                let rows = py_slice(start, stop, step, shape[0]);
                let cols = py_slice(stop, start, -step, shape[1]);
                assert_eq!(v.shape(), &[rows.len(), cols.len()]);
                let want: Vec<i64> =
                    rows.iter().flat_map(|&r| cols.iter().map(move |&c| flat(&shape, &[r, c]))).collect();
                assert_eq!(v.to_vec(), want, "{start:?}:{stop:?}:{step}");
                assert_eq!(v.iter().collect::<Vec<_>>(), want);
                assert_eq!(v.to_owned().to_vec(), want);
            }
        }
    }
}

#[test]
fn nested_views_and_writes() {
    let shape = [3usize, 4, 5];
    let mut a = arange(&shape);
    let v = a.slice(s![.., NEW_AXIS, 1..;2, ..;-2]);
    assert_eq!(v.shape(), &[3, 1, 2, 3]);
    let w = v.slice_move(s![-1, ELLIPSIS, 1]).unwrap();
    assert_eq!(w.to_vec(), vec![flat(&shape, &[2, 1, 2]), flat(&shape, &[2, 3, 2])]);
    {
        let mut m = a.slice_mut(s![1, ..;3, 1..4]);
        m.fill(-1);
        let mut inner = m.slice_move(s![.., ..;-2]).unwrap();
        inner.set(&[1, 0], -2).unwrap();
        *inner.get_mut(&[0, 1]).unwrap() = -3;
    }
    for ix in indices(&shape) {
        let u: Vec<usize> = ix.iter().map(|&i| i as usize).collect();
        let got = a.get(&ix).unwrap();
        let want = match (u[0], u[1], u[2]) {
            (1, 3, 3) => -2,
            (1, 0, 1) => -3,
            (1, 0 | 3, 1..=3) => -1,
            _ => flat(&shape, &u),
        };
        assert_eq!(got, want, "at {ix:?}");
    }
    let mut col = a.slice_mut(s![.., 0, 0]);
    col.assign(&array![100i64, 200, 300]).unwrap();
    assert_eq!(a.slice(s![.., 0, 0]).to_vec(), vec![100, 200, 300]);
}

#[test]
fn layout_views_match_index_arithmetic() {
    let shape = [2usize, 3, 4];
    let a = arange(&shape);
    let t = a.t();
    let p = a.permute_dims(&[1, 2, 0]).unwrap();
    let sw = a.swapaxes(0, 1).unwrap();
    for ix in indices(&[4, 3, 2]) {
        let u: Vec<usize> = ix.iter().map(|&i| i as usize).collect();
        assert_eq!(t.get(&ix).unwrap(), flat(&shape, &[u[2], u[1], u[0]]));
    }
    for ix in indices(&[3, 4, 2]) {
        let u: Vec<usize> = ix.iter().map(|&i| i as usize).collect();
        assert_eq!(p.get(&ix).unwrap(), flat(&shape, &[u[2], u[0], u[1]]));
    }
    assert_eq!(sw.get(&[2, 1, 3]).unwrap(), flat(&shape, &[1, 2, 3]));
    let row = array![1i64, 2, 3];
    let b = row.broadcast_to(&[2, 2, 3]).unwrap();
    assert_eq!(b.to_vec(), vec![1, 2, 3, 1, 2, 3, 1, 2, 3, 1, 2, 3]);
    let d = arange(&[4, 4]);
    assert_eq!(d.diagonal(1, 0, 1).unwrap().to_vec(), vec![1, 6, 11]);
    assert_eq!(d.diagonal(-2, 0, 1).unwrap().to_vec(), vec![8, 13]);
    assert_eq!(flip(&d, None).unwrap().to_vec(), (0..16).rev().collect::<Vec<i64>>());
    assert_eq!(rot90(&d, 1, [0, 1]).unwrap().get(&[0, 0]).unwrap(), 3);
    let r = t.reshape(&[-1]).unwrap();
    assert!(!r.is_view());
    assert_eq!(r.to_vec(), t.to_vec());
    let col = a.slice(s![.., 1]);
    let rc = col.reshape(&[8]).unwrap();
    assert!(!rc.is_view());
    assert_eq!(rc.to_vec(), vec![4, 5, 6, 7, 16, 17, 18, 19]);
    let plane = a.slice(s![1]);
    let rv = plane.reshape(&[2, 6]).unwrap();
    assert!(rv.is_view());
    assert_eq!(rv.slice(s![1, ..]).to_vec(), (18..24).collect::<Vec<i64>>());
    let e = a.expand_dims(&[0, -1]).unwrap();
    assert_eq!(e.shape(), &[1, 2, 3, 4, 1]);
    assert_eq!(e.squeeze(None).unwrap().to_vec(), a.to_vec());
    assert_eq!(a.slice(s![.., ..;2]).as_slice_memory_order(), None);
    let rev = a.slice(s![..;-1, ..;-1, ..;-1]);
    let mut mem = rev.as_slice_memory_order().unwrap().to_vec();
    mem.sort_unstable();
    assert_eq!(mem, a.to_vec());
    let empty = a.slice(s![.., 3.., ..]);
    assert_eq!((empty.size(), empty.to_vec().len()), (0, 0));
    let from = ArrayView::from_shape(&[2, 2], &[1u16, 2, 3, 4][..]).unwrap();
    assert_eq!(from.t().to_vec(), vec![1, 3, 2, 4]);
}

#[test]
fn engine_elementwise_in_every_layout() {
    // Shapes just past the engine's small-run boundaries, every operand layout.
    let shape = [3usize, 5, 7];
    let a = arange(&shape);
    let b = a.slice(s![..;-1, .., ..;-1]).to_owned();
    let views = [a.view(), a.slice(s![..;-1, .., ..]), b.slice(s![.., ..;-1, ..])];
    for x in &views {
        for y in &views {
            let r = x + y;
            for ix in indices(&shape) {
                assert_eq!(r.get(&ix).unwrap(), x.get(&ix).unwrap() + y.get(&ix).unwrap());
            }
        }
        let bc = x + &array![1000i64, 2000, 3000, 4000, 5000, 6000, 7000];
        assert_eq!(bc.get(&[2, 4, 6]).unwrap(), x.get(&[2, 4, 6]).unwrap() + 7000);
    }
    let tt = &a.permute_dims(&[2, 1, 0]).unwrap() * &a.permute_dims(&[2, 1, 0]).unwrap().to_owned_order(Order::F);
    for ix in indices(&[7, 5, 3]) {
        let v = a.permute_dims(&[2, 1, 0]).unwrap().get(&ix).unwrap();
        assert_eq!(tt.get(&ix).unwrap(), v * v);
    }
    // Compound assignment through a strided view, with a broadcast right-hand side.
    let mut m = arange(&[4, 6]);
    {
        let mut v = m.slice_mut(s![1..;2, ..;-3]);
        v += &array![[10i64], [20]];
        v *= 2;
    }
    for ix in indices(&[4, 6]) {
        let (i, j) = (ix[0] as usize, ix[1] as usize);
        let base = flat(&[4, 6], &[i, j]);
        let want = if i % 2 == 1 && (5 - j) % 3 == 0 { (base + if i == 1 { 10 } else { 20 }) * 2 } else { base };
        assert_eq!(m.get(&ix).unwrap(), want, "at {ix:?}");
    }
    let f = kernel::map(&a.t(), |x| x as f64 / 2.0);
    assert_eq!(f.get(&[6, 4, 2]).unwrap(), a.get(&[2, 4, 6]).unwrap() as f64 / 2.0);
    let g = kernel::zip_map(&a.slice(s![.., 0, ..]), &a.slice(s![.., 1, ..]), |x, y| y - x).unwrap();
    assert!(g.iter().all(|d| d == 7));
    let mut h = arange(&[3, 3]);
    h.map_inplace(|x| *x = -*x);
    assert_eq!(h.to_vec(), (0..9).map(|x: i64| -x).collect::<Vec<_>>());
}

#[test]
fn copies_and_casts() {
    let a = arange(&[3, 4]);
    let v = a.slice(s![..;-1, 1..;2]);
    let want = vec![9i64, 11, 5, 7, 1, 3];
    assert_eq!(v.to_owned().to_vec(), want);
    let fo = v.to_owned_order(Order::F);
    assert!(fo.is_f_contiguous());
    assert_eq!(fo.to_vec(), want);
    assert_eq!(fo.to_vec_memory_order(), vec![9, 5, 1, 11, 7, 3]);
    let as_f32 = v.astype::<f32>();
    assert_eq!(as_f32.to_vec(), want.iter().map(|&x| x as f32).collect::<Vec<_>>());
    let as_u8 = a.t().astype::<u8>();
    assert_eq!(as_u8.get(&[3, 2]).unwrap(), 11);
    let as_c = v.astype::<C64>();
    assert_eq!(as_c.get(&[0, 1]).unwrap(), C64::new(11.0, 0.0));
    let as_h = v.astype::<f16>();
    assert_eq!(as_h.get(&[2, 1]).unwrap(), f16::from_f32(3.0));
    let ca = nprs_core::ascontiguousarray(&v);
    assert!(ca.is_c_contiguous());
    assert_eq!(ca.to_vec(), want);
    let mut dst = Array::<i64>::zeros(&[4, 3]).unwrap();
    dst.slice_mut(s![..;-1, ..]).assign(&a.t()).unwrap();
    assert_eq!(dst.get(&[0, 0]).unwrap(), 3);
    assert_eq!(dst.get(&[3, 2]).unwrap(), 8);
}

#[test]
fn iterators_over_strided_views() {
    let shape = [3usize, 4];
    let a = arange(&shape);
    let v = a.slice(s![.., ..;-1]);
    let rows: Vec<Vec<i64>> = v.outer_iter().map(|r| r.to_vec()).collect();
    assert_eq!(rows[2], vec![11, 10, 9, 8]);
    let cols: Vec<Vec<i64>> = v.lanes(0).unwrap().map(|l| l.to_vec()).collect();
    assert_eq!(cols[0], vec![3, 7, 11]);
    let idx: Vec<(Vec<usize>, i64)> = v.indexed_iter().map(|(i, x)| (i.to_vec(), x)).collect();
    assert_eq!(idx[5], (vec![1, 1], 6));
    let mut m = arange(&shape);
    for x in m.slice_mut(s![.., 1..;2]).iter_mut() {
        *x *= 100;
    }
    assert_eq!(m.to_vec(), vec![0, 100, 2, 300, 4, 500, 6, 700, 8, 900, 10, 1100]);
    m.for_each_lane_mut(0, |mut lane| lane.fill(lane.get(&[0]).unwrap())).unwrap();
    assert_eq!(m.slice(s![2, ..]).to_vec(), vec![0, 100, 2, 300]);
    let back: Vec<i64> = a.t().iter().collect();
    assert_eq!(back, vec![0, 4, 8, 1, 5, 9, 2, 6, 10, 3, 7, 11]);
}

#[test]
fn indexing_kernels() {
    let a = arange(&[4, 5]);
    let v = a.slice(s![..;-1, ..]);
    let rows = v.index(idx![vec![0, 3, -1]]).unwrap();
    assert_eq!(rows.slice(s![.., 0]).to_vec(), vec![15, 0, 0]);
    let pairs = v.index(idx![array![0i64, 2], array![4i64, -5]]).unwrap();
    assert_eq!(pairs.to_vec(), vec![19, 5]);
    let mask = kernel::map(&v, |x| x % 3 == 0);
    assert_eq!(v.mask_select(&mask).unwrap().to_vec(), vec![15, 18, 12, 6, 9, 0, 3]);
    let mut m = arange(&[4, 5]);
    m.slice_mut(s![.., ..;-2]).mask_fill(&kernel::map(&a.slice(s![.., ..;-2]), |x| x > 10), -1).unwrap();
    assert_eq!(m.slice(s![3, ..]).to_vec(), vec![-1, 16, -1, 18, -1]);
    let t = take(&a.t(), [7i64, 0, -1], None, ClipMode::Raise).unwrap();
    assert_eq!(t.to_vec(), vec![16, 0, 19]);
    let mut p = arange(&[2, 3]);
    put(&mut p.slice_mut(s![.., ..;-1]), [1i64, 4], &array![-5i64, -6], ClipMode::Raise).unwrap();
    assert_eq!(p.to_vec(), vec![0, -5, 2, 3, -6, 5]);
    let nz = nonzero(&kernel::map(&a.t(), |x| x % 7 == 1)).unwrap();
    assert_eq!(nz[0].to_vec(), vec![0, 1, 3]);
    assert_eq!(nz[1].to_vec(), vec![3, 0, 1]);
    let mut ia = arange(&[3, 4]);
    ia.index_assign(idx![.., vec![3, 0]], &array![[7i64, 8]]).unwrap();
    assert_eq!(ia.slice(s![.., 0]).to_vec(), vec![8, 8, 8]);
    assert_eq!(ia.slice(s![.., 3]).to_vec(), vec![7, 7, 7]);
}

#[test]
fn manipulation_canvases() {
    let a = arange(&[2, 3]);
    let at = a.t();
    let c = concatenate(&[at.view(), at.slice(s![..;-1, ..])], 0).unwrap();
    assert_eq!(c.to_vec(), vec![0, 3, 1, 4, 2, 5, 2, 5, 1, 4, 0, 3]);
    let st = stack(&[a.view(), a.slice(s![.., ..;-1])], -1).unwrap();
    assert_eq!(st.shape(), &[2, 3, 2]);
    assert_eq!(st.get(&[1, 0, 1]).unwrap(), 5);
    let p = pad(&at, [(1, 2), (0, 1)], nprs_core::PadMode::constant(9i64)).unwrap();
    assert_eq!(p.shape(), &[6, 3]);
    assert_eq!(p.slice(s![1, ..]).to_vec(), vec![0, 3, 9]);
    assert_eq!(p.slice(s![0, ..]).to_vec(), vec![9, 9, 9]);
    let ti = tile(&at.slice(s![.., ..;-1]), [2, 2]).unwrap();
    assert_eq!(ti.slice(s![4, ..]).to_vec(), vec![4, 1, 4, 1]);
    let rp = repeat(&at, [1, 0, 2], 0).unwrap();
    assert_eq!(rp.to_vec(), vec![0, 3, 2, 5, 2, 5]);
    let rl = roll(&at, 1, None).unwrap();
    assert_eq!(rl.to_vec(), vec![5, 0, 3, 1, 4, 2]);
    let parts = split(&at, 3, 0).unwrap();
    assert_eq!(parts[2].to_vec(), vec![2, 5]);
}

#[test]
fn dynamic_arrays() {
    let a = DynArray::from(arange(&[3, 4]).astype::<i32>());
    let t = a.t();
    let f = t.astype(&Descr::parse(">f8").unwrap()).unwrap();
    assert_eq!(f.to_bytes()[8..16], 4.0f64.to_be_bytes());
    let back = f.astype(&Descr::parse("<i2").unwrap()).unwrap().to_typed::<i16>().unwrap();
    assert_eq!(back.to_vec(), arange(&[3, 4]).t().to_vec().iter().map(|&x| x as i16).collect::<Vec<_>>());
    let s = a.try_slice(s![..;-2, 1..;2]).unwrap();
    assert_eq!(s.typed::<i32>().unwrap().to_vec(), vec![9, 11, 1, 3]);
    let strs = DynArray::from_strs(&["ab", "", "cde", "f"]).into_shape(&[2, 2]).unwrap();
    let st = strs.t().to_owned();
    assert_eq!(st.to_scalars().len(), 4);
    let wide = strs.astype(&Descr::parse("U5").unwrap()).unwrap();
    assert_eq!(wide.to_bytes().len(), 4 * 5 * 4);
    let rec = Descr::parse("[('a', '<i2'), ('b', '>f4')]").unwrap();
    let raw: Vec<u8> = (0..3u8).flat_map(|i| [i, 0, 0x3f, 0x80, 0, 0]).collect();
    let r = DynArray::from_bytes(&raw, &rec, &[3]).unwrap();
    let fb = r.field("b").unwrap();
    assert_eq!(fb.astype(&Descr::parse("f8").unwrap()).unwrap().to_typed::<f64>().unwrap().to_vec(), vec![1.0; 3]);
    let fa = r.try_slice(s![..;-1]).unwrap().field("a").unwrap().to_owned();
    assert_eq!(fa.to_typed::<i16>().unwrap().to_vec(), vec![2, 1, 0]);
    assert_eq!(r.to_bytes(), raw);
    let printed = format!("{:?}", r.try_slice(s![1..]).unwrap());
    assert!(printed.contains("(1, 1.)") && printed.contains("(2, 1.)"), "{printed}");
}

#[test]
fn printing_strided_views() {
    let a = arange(&[3, 4]).astype::<f64>();
    let s = format!("{}", a.slice(s![..;-1, ..;3]));
    assert_eq!(s, "[[ 8. 11.]\n [ 4.  7.]\n [ 0.  3.]]");
    let big = Array::<i64>::arange(2000);
    let r = format!("{:?}", big.slice(s![..;-1]));
    assert_eq!(r, "array([1999, 1998, 1997, ...,    2,    1,    0], shape=(2000,))");
}

#[test]
fn dtype_views_and_layout_conversions() {
    // Reinterpreted views read exactly the bytes of the array, in every direction.
    let a = arange(&[3, 4]).astype::<i32>();
    let wide = a.view_as::<i64>().unwrap();
    let lo_hi: Vec<i64> = (0..6).map(|k| ((2 * k + 1) << 32) | (2 * k)).collect();
    assert_eq!(wide.to_vec(), lo_hi);
    let cols = a.slice(s![..;-1, 1..3]);
    let narrow = cols.view_as::<u8>().unwrap();
    assert_eq!(narrow.shape(), &[3, 8]);
    assert_eq!(narrow.to_vec()[..4], 9i32.to_ne_bytes());
    let d = DynArray::from(a.clone());
    let rows = d.view_dtype(&Descr::void(16)).unwrap();
    assert_eq!(rows.to_owned().to_bytes(), d.to_bytes());
    let back = DynView::from(a.t()).typed::<i32>().unwrap().to_owned();
    assert_eq!(back, a.t().to_owned());
    assert_eq!(d.diagonal(0, 0, 1).unwrap().typed::<i32>().unwrap().to_vec(), vec![0, 5, 10]);
}
