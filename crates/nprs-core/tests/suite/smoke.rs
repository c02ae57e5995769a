//! Quick end-to-end checks of the foundation: arithmetic, slicing, errors, threads.

use nprs_core::prelude::*;

#[test]
fn smoke() {
    let a = Array::<f64>::arange(12).into_shape(&[3, 4]).unwrap();
    let b = &a + &array![10.0, 20.0, 30.0, 40.0];
    assert_eq!(b.get(&[2, 3]).unwrap(), 51.0);
    let t = a.t();
    let c = &a.t() + &t;
    assert_eq!(c.shape(), &[4, 3]);
    assert_eq!(c.get(&[1, 2]).unwrap(), 18.0);
    let s = a.slice(s![.., 1..;2]);
    assert_eq!(s.to_vec(), vec![1.0, 3.0, 5.0, 7.0, 9.0, 11.0]);
    let r = a.slice(s![..;-1, -1]);
    assert_eq!(r.to_vec(), vec![11.0, 7.0, 3.0]);
}

#[test]
fn broadcast_error() {
    let a = Array::<f64>::zeros(&[3, 4]).unwrap();
    let b = Array::<f64>::zeros(&[3]).unwrap();
    let e = nprs_core::add(&a, &b).err().unwrap();
    assert_eq!(e.to_string(), "operands could not be broadcast together with shapes (3,4) (3,) ");
    assert!(Array::<f64>::zeros(&[1 << 40, 1 << 40]).is_err());
}

#[test]
fn big_parallel() {
    let n = 1 << 20;
    let a = Array::<f64>::arange(n);
    let b = &a * 2.0;
    let t = b.to_vec();
    assert!(t.iter().enumerate().all(|(i, &x)| x == 2.0 * i as f64));
    let m = a.reshape(&[1024, 1024]).unwrap();
    let tt = m.t().to_owned();
    assert_eq!(tt.get(&[3, 5]).unwrap(), (5 * 1024 + 3) as f64);
    let rv = m.reshape(&[-1, 512]).unwrap();
    assert!(rv.is_view());
    let mt = m.t();
    let cp = mt.reshape(&[-1]).unwrap();
    assert!(!cp.is_view());
    assert_eq!(cp.get(&[1]).unwrap(), 1024.0);
}

#[test]
#[should_panic(expected = "operands could not be broadcast together with shapes (3,4) (3,) ")]
fn operator_panics_with_numpy_message() {
    let a = Array::<f64>::zeros(&[3, 4]).unwrap();
    let _ = &a + &array![1.0, 2.0, 3.0];
}
