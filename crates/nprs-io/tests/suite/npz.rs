//! `.npz` archives: NumPy's archives read member by member; nprs's archives read back.

use crate::common;

use common::{check_dyn, corpus, temp_dir};
use nprs_core::Array;
use nprs_io::{Error, NpyWrite, NpzFile, NpzWriter, savez, savez_compressed};
use nprs_testkit::{Value, oracle};

#[test]
fn numpy_archives_match_the_oracle() {
    let o = oracle("io/npy");
    for file in ["plain.npz", "compressed.npz"] {
        let mut npz = NpzFile::open(corpus().join(file)).unwrap();
        let mut names = npz.names();
        assert_eq!(names, vec!["b", "c", "arr_0"], "{file}: archive order");
        names.sort();
        o.case("npz_files").check_value(&Value::List(names.iter().map(|n| Value::Str(n.clone())).collect()));
        for name in ["arr_0", "b", "c"] {
            check_dyn(o.case(&format!("npz.{name}")), &npz.get(name).unwrap());
        }
        // With the suffix too, as NumPy accepts.
        check_dyn(o.case("npz.b"), &npz.get("b.npy").unwrap());
        let e = npz.get("nope").unwrap_err();
        o.case("err_key").check_error(e.numpy_kind(), &e.to_string());
        let a: Array<i64> = npz.get_array("arr_0").unwrap();
        o.case("npz.arr_0").check(&a);
        assert!(matches!(npz.get_array::<f64>("arr_0"), Err(Error::DTypeMismatch { .. })));
    }
    let empty = NpzFile::open(corpus().join("empty.npz")).unwrap();
    assert!(empty.is_empty() && empty.names().is_empty());
}

#[test]
fn numpy_archive_members_load_as_dynamic_arrays() {
    let o = oracle("io/npy");
    for file in ["plain.npz", "compressed.npz"] {
        let mut npz = NpzFile::open(corpus().join(file)).unwrap();
        for name in ["arr_0", "b", "c"] {
            let d = npz.get(name).unwrap();
            check_dyn(o.case(&format!("npz.{name}")), &d);
        }
        // The big-endian member keeps its byte order, as NumPy loads it.
        assert_eq!(npz.get("b").unwrap().dtype().str(), ">f4");
        assert_eq!(npz.get("c").unwrap().dtype().kind(), 'U');
        assert!(matches!(npz.get("nope"), Err(Error::NotInArchive { .. })));
    }
}

#[test]
fn savez_takes_dynamic_members() {
    let dir = temp_dir("npz-dyn");
    let s = nprs_io::load_dyn(corpus().join("struct_mixed.npy")).unwrap();
    let u = nprs_core::DynArray::from_strs(&["a", "bcd"]);
    let typed = Array::from_vec(vec![1i16, 2]);
    let any = u.clone();
    for compressed in [false, true] {
        let path = dir.join(format!("dyn{compressed}.npz"));
        let save = if compressed { savez_compressed } else { savez };
        let sv = s.view();
        save(&path, &[&u, &typed], &[("s", &sv as &dyn NpyWrite), ("any", &any)]).unwrap();
        let mut npz = NpzFile::open(&path).unwrap();
        assert_eq!(npz.names(), vec!["s", "any", "arr_0", "arr_1"]);
        let s2 = npz.get("s").unwrap();
        assert_eq!((s2.dtype(), s2.to_bytes()), (s.dtype(), s.to_bytes()));
        assert_eq!(npz.get("arr_0").unwrap().to_bytes(), u.to_bytes());
        assert_eq!(npz.get("any").unwrap().dtype(), u.dtype());
        assert_eq!(npz.get_array::<i16>("arr_1").unwrap(), typed);
        assert_eq!(npz.get("arr_1").unwrap().to_typed::<i16>().unwrap(), typed);
    }
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn compressed_member_reads_exactly() {
    let o = oracle("io/npy");
    let mut npz = NpzFile::open(corpus().join("compressed_big.npz")).unwrap();
    let big: Array<f64> = npz.get_array("big").unwrap();
    assert_eq!(big.shape(), &[100, 200]);
    let sum: f64 = big.iter().sum();
    o.case("npz_big_sum").check_value(&Value::Float(sum));
}

#[test]
fn savez_round_trips_named_and_positional() {
    let dir = temp_dir("npz");
    let a = Array::from_shape_vec(&[2, 3], (0..6).map(|x| x as f32 * 0.5).collect()).unwrap();
    let b = Array::from_vec(vec![true, false, true]);
    let t = a.t();
    let u = nprs_io::load_dyn(corpus().join("unicode_le.npy")).unwrap();
    for compressed in [false, true] {
        let path = dir.join(format!("out{compressed}.npz"));
        let save = if compressed { savez_compressed } else { savez };
        save(&path, &[&a, &b], &[("t", &t as &dyn NpyWrite), ("s", &u)]).unwrap();
        let mut npz = NpzFile::open(&path).unwrap();
        assert_eq!(npz.names(), vec!["t", "s", "arr_0", "arr_1"]);
        assert_eq!(npz.get_array::<f32>("arr_0").unwrap(), a);
        assert_eq!(npz.get_array::<bool>("arr_1").unwrap(), b);
        let t2 = npz.get_array::<f32>("t").unwrap();
        assert_eq!(t2, t);
        // A transposed view is Fortran-contiguous: written and read back in F order.
        assert!(t2.is_f_contiguous() && !t2.is_c_contiguous());
        let s = npz.get("s").unwrap();
        assert_eq!((s.dtype(), s.to_bytes()), (u.dtype(), u.to_bytes()));
    }
    let e = savez(dir.join("bad.npz"), &[&a], &[("arr_0", &b as &dyn NpyWrite)]).unwrap_err();
    assert_eq!(e.to_string(), "Cannot use un-named variables and keyword arr_0");
    // The writer streams members one at a time.
    let mut w = NpzWriter::new(std::io::Cursor::new(Vec::new()), true);
    w.add("x", &a).unwrap();
    w.add_positional(&b).unwrap();
    assert!(w.add("x", &b).is_err());
    let bytes = w.finish().unwrap().into_inner();
    let mut npz = NpzFile::new(std::io::Cursor::new(bytes)).unwrap();
    assert_eq!(npz.names(), vec!["x", "arr_0"]);
    assert_eq!(npz.get_array::<f32>("x").unwrap(), a);
    std::fs::remove_dir_all(&dir).unwrap();
}
