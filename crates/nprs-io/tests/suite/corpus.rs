//! Files written by NumPy (tests/oracle/data/io/npy, made by tests/oracle/groups/io/npy.py)
//! load with exactly the contents NumPy recorded, and write back byte for byte.

use crate::common;

use common::{check_dyn, corpus};
use nprs_core::{Array, ByteOrder, DType, Descr};
use nprs_io::header::{MAX_HEADER_SIZE, read_header};
use nprs_io::{Error, LoadOptions, SaveOptions};
use nprs_testkit::oracle;

fn plain_cases() -> Vec<String> {
    let o = oracle("io/npy");
    o.iter()
        .map(|c| c.name.clone())
        .filter(|n| {
            !n.starts_with("err_")
                && !n.starts_with("kind_")
                && !n.starts_with("npz")
                && !n.contains('.')
                && !n.contains(':')
                && n != "object_refused"
        })
        .collect()
}

#[test]
fn every_plain_file_matches_numpy() {
    let o = oracle("io/npy");
    let names = plain_cases();
    assert!(names.len() >= 40, "corpus too small: {}", names.len());
    for name in &names {
        let path = corpus().join(format!("{name}.npy"));
        let case = o.case(name);
        let a = nprs_io::load_dyn(&path).unwrap_or_else(|e| panic!("{name}: {e}"));
        check_dyn(case, &a);
        // Streams read the same as files.
        let bytes = std::fs::read(&path).unwrap();
        let streamed = nprs_io::read_npy_dyn(&mut &bytes[..], &LoadOptions::default()).unwrap();
        assert_eq!((streamed.dtype(), streamed.shape()), (a.dtype(), a.shape()), "{name}");
        assert!(streamed.to_bytes() == a.to_bytes(), "{name}");
    }
}

#[test]
fn fortran_files_load_as_fortran_arrays_without_reordering() {
    let o = oracle("io/npy");
    let a: Array<f64> = nprs_io::load(corpus().join("float64_f.npy")).unwrap();
    o.case("float64_f").check(&a);
    assert!(a.is_f_contiguous() && !a.is_c_contiguous());
    let b: Array<i32> = nprs_io::load(corpus().join("int32_f3d.npy")).unwrap();
    o.case("int32_f3d").check(&b);
    assert_eq!(b.strides(), vec![4, 8, 24]);
    let c: Array<i16> = nprs_io::load(corpus().join("int16_be_f.npy")).unwrap();
    o.case("int16_be_f").check(&c);
    assert!(c.is_f_contiguous());
    let d = nprs_io::load_dyn(corpus().join("datetime_days_f.npy")).unwrap();
    assert!(d.is_f_contiguous() && !d.is_c_contiguous());
    check_dyn(o.case("datetime_days_f"), &d);
}

#[test]
fn typed_load_checks_the_dtype() {
    let e = nprs_io::load::<f32>(corpus().join("float64_le.npy")).unwrap_err();
    assert!(matches!(e, Error::DTypeMismatch { .. }), "{e}");
    assert_eq!(e.to_string(), "cannot load an array of dtype '<f8' as float32");
    let e = nprs_io::load::<i64>(corpus().join("unicode_le.npy")).unwrap_err();
    assert!(matches!(e, Error::DTypeMismatch { .. }));
    let big: Array<u32> = nprs_io::load(corpus().join("uint32_be.npy")).unwrap();
    oracle("io/npy").case("uint32_be").check(&big);
}

#[test]
fn structured_fields_match_numpy() {
    let o = oracle("io/npy");
    let mut n = 0;
    for case in o.iter().filter(|c| c.name.starts_with("struct_")) {
        let mut parts = case.name.split('.');
        let file = parts.next().unwrap();
        let mut a = nprs_io::load_dyn(corpus().join(format!("{file}.npy"))).unwrap();
        for field in parts {
            a = a.field(field).unwrap_or_else(|e| panic!("{}: {e}", case.name)).to_owned();
        }
        check_dyn(case, &a);
        n += 1;
    }
    assert!(n >= 10, "{n}");
    let a = nprs_io::load_dyn(corpus().join("struct_aligned.npy")).unwrap();
    // NumPy writes the alignment gap as an unnamed void field.
    assert_eq!(a.dtype().npy_descr().unwrap(), "[('u', '|u1'), ('', '|V7'), ('v', '<f8')]");
    assert_eq!(a.itemsize(), 16);
    assert!(a.field("zz").is_err());
    let native = nprs_io::load_dyn(corpus().join("struct_basic.npy")).unwrap().to_native_contiguous();
    assert_eq!(native.dtype().npy_descr().unwrap(), "[('x', '<i4'), ('y', '<f8', (2,)), ('name', '|S3')]");
    o.case("struct_basic.y").check(&native.field("y").unwrap().to_typed::<f64>().unwrap());
}

#[test]
fn object_arrays_are_refused_in_numpys_words() {
    let o = oracle("io/npy");
    let e = nprs_io::load_dyn(corpus().join("object.npy")).unwrap_err();
    o.case("object_refused").check_error(e.numpy_kind(), &e.to_string());
    let bytes = std::fs::read(corpus().join("object.npy")).unwrap();
    let e = nprs_io::read_npy_dyn(&mut &bytes[..], &LoadOptions::default()).unwrap_err();
    assert!(matches!(e, Error::ObjectArray));
}

fn file_version(bytes: &[u8]) -> (u8, u8) {
    read_header(&mut &bytes[..], MAX_HEADER_SIZE).unwrap().version
}

#[test]
fn typed_round_trip_is_byte_exact() {
    let mut n = 0;
    for name in plain_cases() {
        let path = corpus().join(format!("{name}.npy"));
        let bytes = std::fs::read(&path).unwrap();
        let any = nprs_io::load_dyn(&path).unwrap();
        let Some(dtype) = any.dtype().numeric() else { continue };
        let opts = SaveOptions { version: Some(file_version(&bytes)), byte_order: any.dtype().byte_order() };
        let mut out = Vec::new();
        macro_rules! w {
            ($($d:ident => $t:ty),*) => {
                match dtype {
                    $(DType::$d => nprs_io::write_npy(&mut out, &nprs_io::load::<$t>(&path).unwrap(), &opts).unwrap(),)*
                    _ => unreachable!(),
                }
            };
        }
        w!(Bool => bool, Int8 => i8, Int16 => i16, Int32 => i32, Int64 => i64, UInt8 => u8, UInt16 => u16,
            UInt32 => u32, UInt64 => u64, Float16 => nprs_core::f16, Float32 => f32, Float64 => f64,
            Complex64 => nprs_core::C64, Complex128 => nprs_core::C128);
        assert!(out == bytes, "{name}: typed round trip differs");
        n += 1;
    }
    assert!(n >= 30, "{n}");
}

#[test]
fn saving_over_a_longer_file_leaves_exactly_the_new_file() {
    let dir = common::temp_dir("overwrite");
    let p = dir.join("a.npy");
    nprs_io::save(&p, &Array::from_vec(vec![0.0f64; 10_000])).unwrap();
    let small = Array::from_vec(vec![1u8, 2, 3]);
    nprs_io::save(&p, &small).unwrap();
    let mut expect = Vec::new();
    nprs_io::write_npy(&mut expect, &small, &SaveOptions::default()).unwrap();
    assert!(std::fs::read(&p).unwrap() == expect);
    let b = nprs_io::load_dyn(corpus().join("bytes.npy")).unwrap();
    nprs_io::save_dyn(&p, &b).unwrap();
    assert!(std::fs::read(&p).unwrap() == std::fs::read(corpus().join("bytes.npy")).unwrap());
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn large_files_read_in_parallel_pieces() {
    // Above the size where several threads read parts of the file at once, with byte
    // swaps and bool checks done piece by piece.
    let dir = common::temp_dir("large");
    let n = 5_000_011usize;
    let vals: Vec<f64> = (0..n).map(|i| (i as f64).mul_add(0.25, -3.0)).collect();
    let a = Array::from_shape_vec_order(&[n], vals.clone(), nprs_core::Order::C).unwrap();
    let p = dir.join("be.npy");
    nprs_io::save_with(&p, &a, &SaveOptions { version: None, byte_order: ByteOrder::Big }).unwrap();
    let b: Array<f64> = nprs_io::load(&p).unwrap();
    assert!(b.as_slice().unwrap() == &vals[..]);
    let d = nprs_io::load_dyn(&p).unwrap();
    assert_eq!(d.dtype().str(), ">f8");
    assert!(d.to_typed::<f64>().unwrap().as_slice().unwrap() == &vals[..]);
    // Native order, Fortran-ordered 2-d.
    let f =
        Array::from_shape_vec_order(&[1_000_003, 5], (0..5_000_015).map(|i| i as i64).collect(), nprs_core::Order::F)
            .unwrap();
    let p = dir.join("f.npy");
    nprs_io::save(&p, &f).unwrap();
    let g: Array<i64> = nprs_io::load(&p).unwrap();
    assert!(g.is_f_contiguous() && g == f);
    // Bool bytes other than 0 and 1, past the first piece.
    let count = 40_000_000usize;
    let h = nprs_io::Header::new(Descr::from(DType::Bool), &[count], false);
    let mut file = h.to_bytes(None).unwrap();
    file.extend((0..count).map(|i| (i % 3) as u8));
    let p = dir.join("bools.npy");
    std::fs::write(&p, &file).unwrap();
    let bools: Array<bool> = nprs_io::load(&p).unwrap();
    assert!(bools.as_slice().unwrap().iter().enumerate().all(|(i, &x)| x == (i % 3 != 0)));
    // A file cut short after its length was checked reads as truncated, not garbage.
    let file = std::fs::read(dir.join("be.npy")).unwrap();
    let cut = dir.join("cut.npy");
    std::fs::write(&cut, &file[..file.len() - 8]).unwrap();
    assert!(matches!(nprs_io::load::<f64>(&cut), Err(Error::Truncated { read, .. }) if read == n - 1));
    std::fs::remove_dir_all(&dir).unwrap();
}
