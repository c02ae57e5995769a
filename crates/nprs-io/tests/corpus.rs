//! Files written by NumPy (tests/oracle/data/io/npy, made by tests/oracle/groups/io/npy.py)
//! load with exactly the contents NumPy recorded, and write back byte for byte.

mod common;

use common::{check_dyn, check_raw, corpus};
use nprs_core::{Array, DType};
use nprs_io::header::{MAX_HEADER_SIZE, read_header};
use nprs_io::{ByteOrder, Error, LoadOptions, SaveOptions};
use nprs_testkit::oracle;

fn plain_cases() -> Vec<String> {
    let o = oracle("io/npy");
    o.iter()
        .map(|c| c.name.clone())
        .filter(|n| {
            !n.starts_with("err_")
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
        // The raw form keeps the stored type string, byte order included.
        let raw = nprs_io::load_raw(&path).unwrap();
        assert_eq!(raw.descr().as_type().unwrap().to_str(), case.array().dtype, "{name}");
        check_raw(case, &raw);
        // Streams read the same as files.
        let bytes = std::fs::read(&path).unwrap();
        let streamed = nprs_io::read_npy_raw(&mut &bytes[..], &LoadOptions::default()).unwrap();
        assert_eq!(streamed, raw, "{name}");
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
    let raw = nprs_io::load_raw(corpus().join("datetime_days_f.npy")).unwrap();
    assert!(raw.fortran_order());
    check_raw(o.case("datetime_days_f"), &raw);
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
        let mut raw = nprs_io::load_raw(corpus().join(format!("{file}.npy"))).unwrap();
        for field in parts {
            raw = raw.field(field).unwrap_or_else(|e| panic!("{}: {e}", case.name));
        }
        check_raw(case, &raw);
        n += 1;
    }
    assert!(n >= 10, "{n}");
    let raw = nprs_io::load_raw(corpus().join("struct_aligned.npy")).unwrap();
    // NumPy writes the alignment gap as an unnamed void field.
    assert_eq!(raw.descr().to_string(), "[('u', '|u1'), ('', '|V7'), ('v', '<f8')]");
    assert_eq!(raw.itemsize(), 16);
    assert!(raw.field("zz").is_err());
    let native = nprs_io::load_raw(corpus().join("struct_basic.npy")).unwrap().to_native_order();
    assert_eq!(native.descr().to_string(), "[('x', '<i4'), ('y', '<f8', (2,)), ('name', '|S3')]");
    o.case("struct_basic.y").check(&native.field("y").unwrap().to_dyn().unwrap().to_typed::<f64>().unwrap());
}

#[test]
fn object_arrays_are_refused_in_numpys_words() {
    let o = oracle("io/npy");
    let e = nprs_io::load_dyn(corpus().join("object.npy")).unwrap_err();
    o.case("object_refused").check_error(e.numpy_kind(), &e.to_string());
    let e = nprs_io::load_raw(corpus().join("object.npy")).unwrap_err();
    assert!(matches!(e, Error::ObjectArray));
}

fn file_version(bytes: &[u8]) -> (u8, u8) {
    read_header(&mut &bytes[..], MAX_HEADER_SIZE).unwrap().version
}

#[test]
fn raw_round_trip_is_byte_exact() {
    let mut n = 0;
    for entry in std::fs::read_dir(corpus()).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().to_string();
        if !name.ends_with(".npy") || name == "object.npy" || name.starts_with("err_") {
            continue;
        }
        let bytes = std::fs::read(&path).unwrap();
        let raw = nprs_io::load_raw(&path).unwrap();
        let mut out = Vec::new();
        nprs_io::write_npy_raw(&mut out, &raw, Some(file_version(&bytes))).unwrap();
        assert!(out == bytes, "{name}: raw round trip differs");
        // The default version is NumPy's choice too.
        let mut auto = Vec::new();
        nprs_io::write_npy_raw(&mut auto, &raw, None).unwrap();
        if file_version(&bytes) == (1, 0) || name == "struct_unicode_v3.npy" {
            assert!(auto == bytes, "{name}: default version differs from NumPy's");
        }
        n += 1;
    }
    assert!(n >= 45, "{n}");
}

#[test]
fn typed_round_trip_is_byte_exact() {
    let mut n = 0;
    for name in plain_cases() {
        let path = corpus().join(format!("{name}.npy"));
        let bytes = std::fs::read(&path).unwrap();
        let any = nprs_io::load_dyn(&path).unwrap();
        let Some(dtype) = any.dtype().numeric() else { continue };
        let raw = nprs_io::load_raw(&path).unwrap();
        let order = raw.descr().as_type().unwrap().order;
        let opts = SaveOptions {
            version: Some(file_version(&bytes)),
            byte_order: if order == ByteOrder::NotApplicable { ByteOrder::native() } else { order },
        };
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
    let raw = nprs_io::load_raw(corpus().join("bytes.npy")).unwrap();
    nprs_io::save_raw(&p, &raw).unwrap();
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
    let h = nprs_io::Header::new(nprs_io::Descr::of(nprs_core::DType::Bool), &[count], false);
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
