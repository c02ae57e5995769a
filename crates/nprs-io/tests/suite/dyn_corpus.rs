//! Every `.npy` file NumPy wrote (tests/oracle/data/io/npy) loads as a dynamic array with
//! the dtype, shape, order and bytes `np.load` gives (the `dtype:<name>` cases), and
//! writes back byte for byte.

use crate::common;

use std::collections::BTreeMap;

use common::{check_dyn, corpus};
use nprs_core::{DType, DynArray};
use nprs_io::header::{MAX_HEADER_SIZE, read_header};
use nprs_io::{Error, LoadOptions};
use nprs_testkit::{Case, Value, oracle};

fn info(case: &Case) -> &BTreeMap<String, Value> {
    match &case.result {
        Value::Dict(d) => d,
        other => panic!("{}: expected a dict, found {other:?}", case.name),
    }
}

fn text<'a>(m: &'a BTreeMap<String, Value>, key: &str) -> &'a str {
    match &m[key] {
        Value::Str(s) => s,
        other => panic!("{key}: {other:?}"),
    }
}

fn int(m: &BTreeMap<String, Value>, key: &str) -> i128 {
    match &m[key] {
        Value::Int(i) => *i,
        other => panic!("{key}: {other:?}"),
    }
}

fn ints(m: &BTreeMap<String, Value>, key: &str) -> Vec<i128> {
    match &m[key] {
        Value::List(v) => v
            .iter()
            .map(|x| match x {
                Value::Int(i) => *i,
                other => panic!("{key}: {other:?}"),
            })
            .collect(),
        other => panic!("{key}: {other:?}"),
    }
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// Checks a loaded dynamic array against what `np.load` gave (the case's dict).
#[track_caller]
fn check_loaded(case: &Case, a: &DynArray) {
    let m = info(case);
    let d = a.dtype();
    case.assert_eq(("repr(dtype)", text(m, "repr")), ("repr(dtype)", &*format!("{d:?}")));
    case.assert_eq(("str(dtype)", text(m, "str")), ("str(dtype)", &*d.to_string()));
    case.assert_eq(("dtype.str", text(m, "dtype_str")), ("dtype.str", &*d.str()));
    case.assert_eq(("dtype.name", text(m, "name")), ("dtype.name", &*d.name()));
    case.assert_eq(("itemsize", int(m, "itemsize")), ("itemsize", d.itemsize() as i128));
    case.assert_eq(("alignment", int(m, "alignment")), ("alignment", d.alignment() as i128));
    let offsets: Vec<i128> =
        d.record_layout_of().map(|r| r.fields().iter().map(|f| f.offset as i128).collect()).unwrap_or_default();
    case.assert_eq(("field offsets", ints(m, "offsets")), ("field offsets", offsets));
    let shape: Vec<i128> = a.shape().iter().map(|&n| n as i128).collect();
    case.assert_eq(("shape", ints(m, "shape")), ("shape", shape));
    let fortran = a.ndim() > 1 && a.is_f_contiguous() && !a.is_c_contiguous();
    case.assert_eq(("Fortran order", &m["fortran"]), ("Fortran order", &Value::Bool(fortran)));
    case.assert_eq(("data bytes", text(m, "bytes")), ("data bytes", &*hex(&a.to_bytes())));
}

fn dtype_cases() -> Vec<(String, &'static Case)> {
    let o: &'static nprs_testkit::Cases = Box::leak(Box::new(oracle("io/npy")));
    o.iter().filter_map(|c| c.name.strip_prefix("dtype:").map(|n| (n.to_string(), c))).collect()
}

fn file_version(bytes: &[u8]) -> (u8, u8) {
    read_header(&mut &bytes[..], MAX_HEADER_SIZE).unwrap().version
}

#[test]
fn every_file_loads_as_a_dynamic_array_like_numpy() {
    let cases = dtype_cases();
    assert!(cases.len() >= 54, "corpus too small: {}", cases.len());
    let mut n = 0;
    for (name, case) in &cases {
        let path = corpus().join(format!("{name}.npy"));
        let a = nprs_io::load_dyn(&path).unwrap_or_else(|e| panic!("{name}: {e}"));
        check_loaded(case, &a);
        // Streams read the same.
        let bytes = std::fs::read(&path).unwrap();
        let s = nprs_io::read_npy_dyn(&mut &bytes[..], &LoadOptions::default()).unwrap();
        check_loaded(case, &s);
        n += 1;
    }
    assert!(n >= 54, "{n}");
}

#[test]
fn native_numbers_come_out_typed_without_a_copy() {
    for (file, dtype) in [("float64_le", DType::Float64), ("int16_le", DType::Int16), ("bool_le", DType::Bool)] {
        let a = nprs_io::load_dyn(corpus().join(format!("{file}.npy"))).unwrap();
        assert_eq!(a.dtype(), &dtype, "{file}");
        let before = a.as_ptr();
        let after = match dtype {
            DType::Float64 => a.into_typed::<f64>().unwrap().as_ptr().cast::<u8>(),
            DType::Int16 => a.into_typed::<i16>().unwrap().as_ptr().cast::<u8>(),
            _ => a.into_typed::<bool>().unwrap().as_ptr().cast::<u8>(),
        };
        assert_eq!(before, after, "{file}: the typed array must reuse the loaded buffer");
    }
}

#[test]
fn dynamic_arrays_hold_numpys_values() {
    let o = oracle("io/npy");
    let mut n = 0;
    for (name, _) in dtype_cases() {
        if !o.iter().any(|c| c.name == name) {
            continue;
        }
        let a = nprs_io::load_dyn(corpus().join(format!("{name}.npy"))).unwrap();
        check_dyn(o.case(&name), &a);
        n += 1;
    }
    assert!(n >= 45, "{n}");
    // Structured fields, through nprs-core's field views.
    let mut fields = 0;
    for case in o.iter().filter(|c| c.name.starts_with("struct_") && c.name.contains('.')) {
        let mut parts = case.name.split('.');
        let file = parts.next().unwrap();
        let mut a = nprs_io::load_dyn(corpus().join(format!("{file}.npy"))).unwrap();
        for field in parts {
            a = a.field(field).unwrap_or_else(|e| panic!("{}: {e}", case.name)).to_owned();
        }
        check_dyn(case, &a);
        fields += 1;
    }
    assert!(fields >= 15, "{fields}");
}

#[test]
fn dynamic_round_trip_is_byte_exact() {
    let mut n = 0;
    for (name, _) in dtype_cases() {
        let path = corpus().join(format!("{name}.npy"));
        let bytes = std::fs::read(&path).unwrap();
        let a = nprs_io::load_dyn(&path).unwrap();
        let mut out = Vec::new();
        nprs_io::write_npy_dyn(&mut out, &a, Some(file_version(&bytes))).unwrap();
        assert!(out == bytes, "{name}: dynamic round trip differs");
        // NumPy's own version choice.
        if file_version(&bytes) == (1, 0) || name == "struct_unicode_v3" {
            let mut auto = Vec::new();
            nprs_io::write_npy_dyn(&mut auto, &a, None).unwrap();
            assert!(auto == bytes, "{name}: default version differs from NumPy's");
        }
        n += 1;
    }
    assert!(n >= 54, "{n}");
}

#[test]
fn headers_read_and_written_back_are_unchanged() {
    let mut n = 0;
    for (name, _) in dtype_cases() {
        let bytes = std::fs::read(corpus().join(format!("{name}.npy"))).unwrap();
        let h = read_header(&mut &bytes[..], MAX_HEADER_SIZE).unwrap();
        let start = usize::try_from(h.data_offset).unwrap();
        let again = h.to_bytes(Some(h.version)).unwrap();
        assert!(again[..] == bytes[..start], "{name}: header round trip");
        assert_eq!(h.nbytes().unwrap(), bytes.len() - start, "{name}: data size");
        n += 1;
    }
    assert!(n >= 54, "{n}");
}

#[test]
fn raw_files_of_any_dtype_read_and_write_as_numpy_tofile_and_fromfile() {
    let dir = common::temp_dir("dyn-rawfile");
    let mut n = 0;
    for (name, _) in dtype_cases() {
        let path = corpus().join(format!("{name}.npy"));
        let bytes = std::fs::read(&path).unwrap();
        let h = read_header(&mut &bytes[..], MAX_HEADER_SIZE).unwrap();
        let start = usize::try_from(h.data_offset).unwrap();
        if h.itemsize() == 0 {
            let e = nprs_io::fromfile_dyn(&path, &h.descr, None, h.data_offset).unwrap_err();
            assert_eq!(e.to_string(), "negative dimensions are not allowed", "{name}");
            continue;
        }
        // The data after the header, as np.fromfile(path, dtype, offset=...) reads it.
        let flat = nprs_io::fromfile_dyn(&path, &h.descr, None, h.data_offset).unwrap();
        assert_eq!(flat.dtype(), &h.descr, "{name}");
        assert_eq!(flat.size(), h.count().unwrap(), "{name}");
        assert!(flat.to_bytes() == bytes[start..], "{name}: fromfile bytes");
        // count takes the first elements, and no more than the file holds.
        let one = nprs_io::fromfile_dyn(&path, &h.descr, Some(1), h.data_offset).unwrap();
        assert_eq!(one.size(), h.count().unwrap().min(1), "{name}");
        let all = nprs_io::fromfile_dyn(&path, &h.descr, Some(usize::MAX), h.data_offset).unwrap();
        assert_eq!(all.size(), flat.size(), "{name}");
        // tofile writes the elements in C order, in the dtype's byte order.
        let a = nprs_io::load_dyn(&path).unwrap();
        let p = dir.join("raw.bin");
        nprs_io::tofile_dyn(&a, &p).unwrap();
        assert!(std::fs::read(&p).unwrap() == a.to_bytes(), "{name}: tofile bytes");
        n += 1;
    }
    assert!(n >= 50, "{n}");
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn titled_fields_are_found_by_name_and_by_title() {
    // np.array([(1, 2.0)], dtype=[(('Title', 't'), '<i4'), ('u', '<f8')])
    let a = nprs_io::load_dyn(corpus().join("struct_titles.npy")).unwrap();
    assert_eq!(a.dtype().names().unwrap(), ["t", "u"]);
    let by_name = a.field("t").unwrap().to_typed::<i32>().unwrap();
    assert_eq!(by_name.to_vec(), vec![1]);
    assert_eq!(a.field("Title").unwrap().to_typed::<i32>().unwrap(), by_name);
    assert!(a.field("u").unwrap().to_typed::<f64>().unwrap().to_vec() == vec![2.0]);
}

#[test]
fn non_native_and_unaligned_data_reads_through_copies() {
    let o = oracle("io/npy");
    let a = nprs_io::load_dyn(corpus().join("int32_be.npy")).unwrap();
    assert!(!a.dtype().is_native());
    assert!(a.typed::<i32>().is_err());
    o.case("int32_be").check(&a.to_typed::<i32>().unwrap());
    // A native numeric file loads into a typed buffer: typed views need no copy.
    let b = nprs_io::load_dyn(corpus().join("float64_f.npy")).unwrap();
    assert!(b.typed::<f64>().unwrap().is_f_contiguous());
    assert_eq!(b.dtype(), &nprs_core::Descr::from(DType::Float64));
    let s = nprs_io::load_dyn(corpus().join("struct_basic.npy")).unwrap();
    let y = s.field("y").unwrap();
    o.case("struct_basic.y").check(&y.to_typed::<f64>().unwrap());
}

#[test]
fn bool_bytes_other_than_one_read_as_true() {
    // A record whose bool field holds byte 2, as a foreign writer might store it.
    let mut file = Vec::new();
    let h =
        nprs_io::Header::new(nprs_core::Descr::from_npy_descr("[('b', '|b1'), ('i', '|u1')]").unwrap(), &[2], false);
    file.extend_from_slice(&h.to_bytes(None).unwrap());
    file.extend_from_slice(&[2, 2, 0, 7]);
    let dir = common::temp_dir("dyn-bools");
    let p = dir.join("b.npy");
    std::fs::write(&p, &file).unwrap();
    for a in [
        nprs_io::load_dyn(&p).unwrap(),
        nprs_io::read_npy_dyn(&mut &file[..], &LoadOptions::default()).unwrap(),
        nprs_io::fromfile_dyn(&p, &h.descr, None, h.to_bytes(None).unwrap().len() as u64).unwrap(),
    ] {
        assert_eq!(a.field("b").unwrap().to_typed::<bool>().unwrap().to_vec(), vec![true, false]);
        assert_eq!(a.field("i").unwrap().to_typed::<u8>().unwrap().to_vec(), vec![2, 7]);
    }
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn truncated_and_object_files_are_refused() {
    let o = oracle("io/npy");
    let e = nprs_io::load_dyn(corpus().join("object.npy")).unwrap_err();
    o.case("object_refused").check_error(e.numpy_kind(), &e.to_string());
    // A string file cut short.
    let bytes = std::fs::read(corpus().join("unicode_le.npy")).unwrap();
    let cut = &bytes[..bytes.len() - 5];
    let dir = common::temp_dir("dyn-trunc");
    let p = dir.join("t.npy");
    std::fs::write(&p, cut).unwrap();
    for e in
        [nprs_io::load_dyn(&p).unwrap_err(), nprs_io::read_npy_dyn(&mut &cut[..], &LoadOptions::default()).unwrap_err()]
    {
        assert!(matches!(e, Error::Truncated { count: 4, read: 3, .. }), "{e}");
    }
    std::fs::remove_dir_all(&dir).unwrap();
}
