//! Dynamic arrays have the typed arrays' API: element iteration and checked access (as
//! `Scalar`s), views along an axis and lanes, and the same answers in every layout.

use nprs_core::prelude::*;
use nprs_core::{ByteOrder, DynArray, Error, Scalar};

fn scalars_of(a: &Array<i32>) -> Vec<Scalar> {
    a.iter().map(|x| Scalar::Int(x.into())).collect()
}

#[test]
fn iter_reads_every_layout_in_c_order() {
    let a = Array::<i32>::arange(24).into_shape(&[2, 3, 4]).unwrap();
    let d = DynArray::from(a.clone());
    let pairs = [
        (a.view(), d.view()),
        (a.t(), d.t()),
        (a.slice(s![.., ..;-1, 1..;2]), d.slice(s![.., ..;-1, 1..;2])),
        (a.slice(s![1, .., 0]), d.slice(s![1, .., 0])),
    ];
    for (t, v) in pairs {
        let got: Vec<Scalar> = v.iter().collect();
        assert_eq!(got, scalars_of(&t.to_owned()));
        assert_eq!(v.iter().len(), t.size());
        assert_eq!(v.to_scalars(), got);
    }
    // Data in the other byte order is read as values, where it lies.
    let swapped =
        d.with_byte_order(if ByteOrder::NATIVE == ByteOrder::Little { ByteOrder::Big } else { ByteOrder::Little });
    assert_eq!(swapped.t().iter().collect::<Vec<_>>(), scalars_of(&a.t().to_owned()));
    // ndenumerate: indices with the values.
    let e: Vec<(Vec<usize>, Scalar)> = d.t().indexed_iter().map(|(i, v)| (i.to_vec(), v)).collect();
    let want: Vec<(Vec<usize>, Scalar)> =
        a.t().indexed_iter().map(|(i, v)| (i.to_vec(), Scalar::Int(v.into()))).collect();
    assert_eq!(e, want);
    assert_eq!(DynArray::from(Array::<f64>::zeros(&[0, 3]).unwrap()).iter().count(), 0);
}

#[test]
fn get_is_checked_like_the_typed_get() {
    let a = array![[1.5, 2.5, 3.5], [4.5, 5.5, 6.5]];
    let d = DynArray::from(a.clone());
    for idx in [[0isize, 0], [1, -1], [-2, 2]] {
        assert_eq!(d.get(&idx).unwrap(), Scalar::Float(a.get(&idx).unwrap()));
        assert_eq!(d.t().get(&[idx[1], idx[0]]).unwrap(), Scalar::Float(a.get(&idx).unwrap()));
    }
    for bad in [&[2isize, 0][..], &[0, -4], &[0], &[0, 0, 0]] {
        let (e, want) = (d.get(bad).unwrap_err(), a.get(bad).unwrap_err());
        assert_eq!((e.to_string(), e.kind()), (want.to_string(), want.kind()), "{bad:?}");
    }
    let mut m = d.clone();
    m.set(&[1, 1], 0.25).unwrap();
    assert_eq!(m.get(&[1, 1]).unwrap(), Scalar::Float(0.25));
}

#[test]
fn axis_and_lane_views_match_the_typed_ones() {
    let a = Array::<i64>::arange(24).into_shape(&[2, 3, 4]).unwrap();
    let d = DynArray::from(a.clone());
    for axis in [-3isize, 0, 1, 2, -1] {
        let t: Vec<Array<i64>> = a.axis_iter(axis).unwrap().map(|v| v.to_owned()).collect();
        let u: Vec<Array<i64>> = d.axis_iter(axis).unwrap().map(|v| v.to_typed::<i64>().unwrap()).collect();
        assert_eq!(t, u, "axis_iter({axis})");
        let t: Vec<Array<i64>> = a.lanes(axis).unwrap().map(|v| v.to_owned()).collect();
        let u: Vec<Array<i64>> = d.lanes(axis).unwrap().map(|v| v.to_typed::<i64>().unwrap()).collect();
        assert_eq!(t, u, "lanes({axis})");
        assert_eq!(d.lanes(axis).unwrap().len(), 24 / a.shape()[axis.rem_euclid(3) as usize]);
        // Views of the array, not copies.
        for v in d.lanes(axis).unwrap() {
            assert!(v.shares_memory(&d, None).unwrap() && v.dtype() == d.dtype());
        }
    }
    assert_eq!(d.outer_iter().len(), 2);
    assert_eq!(d.rows().unwrap().count(), 6);
    assert!(matches!(d.axis_iter(3), Err(Error::AxisOutOfBounds { axis: 3, ndim: 3 })));
    assert!(matches!(d.lanes(-4), Err(Error::AxisOutOfBounds { axis: -4, ndim: 3 })));
    // A transposed, byte-swapped array: lanes are views in its own layout.
    let s = d.with_byte_order(if ByteOrder::NATIVE == ByteOrder::Little { ByteOrder::Big } else { ByteOrder::Little });
    let cols: Vec<Vec<Scalar>> = s.t().lanes(0).unwrap().map(|l| l.iter().collect()).collect();
    let want: Vec<Vec<Scalar>> =
        a.t().lanes(0).unwrap().map(|l| l.iter().map(|x| Scalar::Int(x.into())).collect()).collect();
    assert_eq!(cols, want);
}

#[test]
fn writable_views_move_and_arrays_become_c_ordered() {
    let mut d = DynArray::from(Array::<i32>::arange(6).into_shape(&[2, 3]).unwrap());
    let row = d.view_mut().slice_move(s![1]).unwrap();
    let r = row.into_view();
    assert_eq!(r.to_typed::<i32>().unwrap().to_vec(), vec![3, 4, 5]);
    let t = d.t().to_owned_order(Order::F);
    assert!(!t.is_c_contiguous());
    let c = t.clone().into_c_contiguous();
    assert!(c.is_c_contiguous() && c == t);
}
