//! Memory maps: raw files as numpy.memmap maps them, and .npy files loaded with a mode.
#![allow(unsafe_code)] // mapping a file is unsafe; every test maps only files of its own

use crate::common;

use std::path::{Path, PathBuf};

use common::{corpus, temp_dir};
use nprs_core::{Array, Order};
use nprs_io::{Error, Memmap, MmapMode, load_mmap, open_memmap};
use nprs_testkit::oracle;

fn six_floats(dir: &Path) -> PathBuf {
    let p = dir.join("m.bin");
    let bytes: Vec<u8> = (0..6).flat_map(|i| f64::from(i).to_le_bytes()).collect();
    std::fs::write(&p, bytes).unwrap();
    p
}

fn file_f64(p: &Path) -> Array<f64> {
    let b = std::fs::read(p).unwrap();
    Array::from_vec(b.chunks_exact(8).map(|c| f64::from_le_bytes(c.try_into().unwrap())).collect())
}

#[test]
fn raw_maps_match_numpy() {
    let o = oracle("io/memmap");
    let dir = temp_dir("mmap-raw");
    let p = six_floats(&dir);
    // SAFETY: the file is this test's own; nothing else changes it while it is mapped.
    let m = unsafe { Memmap::<f64>::open(&p, MmapMode::ReadOnly, 0, None, Order::C) }.unwrap();
    o.case("whole_file").check(&m.view());
    // SAFETY: the file is this test's own; nothing else changes it while it is mapped.
    let m = unsafe { Memmap::<f64>::open(&p, MmapMode::ReadOnly, 8, Some(&[2, 2]), Order::F) }.unwrap();
    o.case("offset_shape_f").check(&m.view());
    assert!(m.view().is_f_contiguous());
    // SAFETY: the file is this test's own; nothing else changes it while it is mapped.
    let m = unsafe { Memmap::<i32>::open(&p, MmapMode::CopyOnWrite, 16, Some(&[3]), Order::C) }.unwrap();
    o.case("int32_view").check(&m.view());

    // SAFETY: the file is this test's own; nothing else changes it while it is mapped.
    let mut m = unsafe { Memmap::<f64>::open(&p, MmapMode::ReadWrite, 0, Some(&[2, 3]), Order::C) }.unwrap();
    m.view_mut().unwrap().slice_mut(nprs_core::s![1, ..]).fill(-1.0);
    m.flush().unwrap();
    drop(m);
    o.case("write_then_read").check(&file_f64(&p));

    let p = six_floats(&dir);
    // SAFETY: the file is this test's own; nothing else changes it while it is mapped.
    let mut m = unsafe { Memmap::<f64>::open(&p, MmapMode::CopyOnWrite, 0, None, Order::C) }.unwrap();
    m.view_mut().unwrap().fill(7.0);
    assert!(m.view().iter().all(|x| x == 7.0));
    m.flush().unwrap();
    drop(m);
    o.case("copy_on_write").check(&file_f64(&p));

    let p = six_floats(&dir);
    // SAFETY: the file is this test's own; nothing else changes it while it is mapped.
    let mut m = unsafe { Memmap::<i16>::open(&p, MmapMode::Write, 0, Some(&[4]), Order::C) }.unwrap();
    m.as_slice_mut().unwrap()[2] = 5;
    m.flush().unwrap();
    drop(m);
    let b = std::fs::read(&p).unwrap();
    let got = Array::from_vec(b.chunks_exact(2).map(|c| i16::from_le_bytes([c[0], c[1]])).collect());
    o.case("w_plus_grows").check(&got);

    let p = six_floats(&dir);
    // SAFETY: the file is this test's own; nothing else changes it while it is mapped.
    drop(unsafe { Memmap::<f64>::open(&p, MmapMode::ReadWrite, 0, Some(&[8]), Order::C) }.unwrap());
    o.case("r_plus_extends").check(&file_f64(&p));
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn raw_map_errors_match_numpy() {
    let o = oracle("io/memmap");
    let dir = temp_dir("mmap-err");
    let p = six_floats(&dir);
    let e = "x".parse::<MmapMode>().unwrap_err();
    o.case("err_mode").check_error(e.numpy_kind(), &e.to_string());
    // SAFETY: the file is this test's own; nothing else changes it while it is mapped.
    let e = unsafe { Memmap::<u8>::open(&p, MmapMode::Write, 0, None, Order::C) }.unwrap_err();
    o.case("err_w_no_shape").check_error(e.numpy_kind(), &e.to_string());
    // SAFETY: the file is this test's own; nothing else changes it while it is mapped.
    let e = unsafe { Memmap::<f64>::open(&p, MmapMode::ReadOnly, 3, None, Order::C) }.unwrap_err();
    o.case("err_not_multiple").check_error(e.numpy_kind(), &e.to_string());
    // SAFETY: the file is this test's own; nothing else changes it while it is mapped.
    let e = unsafe { Memmap::<f64>::open(&p, MmapMode::ReadOnly, 0, Some(&[7]), Order::C) }.unwrap_err();
    o.case("err_too_long").check_error(e.numpy_kind(), &e.to_string());
    // NumPy maps unaligned data; typed views cannot.
    // SAFETY: the file is this test's own; nothing else changes it while it is mapped.
    let e = unsafe { Memmap::<f64>::open(&p, MmapMode::ReadOnly, 4, Some(&[2]), Order::C) }.unwrap_err();
    assert!(matches!(e, Error::Misaligned { offset: 4, align: 8, .. }), "{e}");
    // SAFETY: the file is this test's own; nothing else changes it while it is mapped.
    let mut r = unsafe { Memmap::<f64>::open(&p, MmapMode::ReadOnly, 0, None, Order::C) }.unwrap();
    assert!(matches!(r.view_mut(), Err(Error::ReadOnly)));
    for mode in ["r", "readonly", "r+", "readwrite", "w+", "write", "c", "copyonwrite"] {
        assert!(mode.parse::<MmapMode>().is_ok());
    }
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn npy_files_map_without_reading() {
    let o = oracle("io/npy");
    for (name, f_order) in [("float64_le", false), ("float64_f", true), ("float64_empty", false), ("float64_0d", false)]
    {
        let path = corpus().join(format!("{name}.npy"));
        // SAFETY: the file is this test's own; nothing else changes it while it is mapped.
        let m = unsafe { load_mmap::<f64>(&path, MmapMode::ReadOnly) }.unwrap();
        o.case(name).check(&m.view());
        assert_eq!(m.view().is_f_contiguous() && !m.view().is_c_contiguous(), f_order, "{name}");
    }
    // SAFETY: the file is this test's own; nothing else changes it while it is mapped.
    let m = unsafe { load_mmap::<i32>(corpus().join("int32_f3d.npy"), MmapMode::CopyOnWrite) }.unwrap();
    o.case("int32_f3d").check(&m.view());
    // Other dtypes, other byte orders and objects are refused with clear errors.
    assert!(matches!(
        // SAFETY: the file is this test's own; nothing else changes it while it is mapped.
        unsafe { load_mmap::<f32>(corpus().join("float64_le.npy"), MmapMode::ReadOnly) },
        Err(Error::DTypeMismatch { .. })
    ));
    assert!(matches!(
        // SAFETY: the file is this test's own; nothing else changes it while it is mapped.
        unsafe { load_mmap::<f64>(corpus().join("float64_be.npy"), MmapMode::ReadOnly) },
        Err(Error::NonNativeMap { .. })
    ));
    // SAFETY: the file is this test's own; nothing else changes it while it is mapped.
    let e = unsafe { load_mmap::<f64>(corpus().join("object.npy"), MmapMode::ReadOnly) }.unwrap_err();
    assert_eq!(e.to_string(), "Array can't be memory-mapped: Python objects in dtype.");
    assert!(matches!(
        // SAFETY: the file is this test's own; nothing else changes it while it is mapped.
        unsafe { load_mmap::<f64>(corpus().join("err_truncated.npy"), MmapMode::ReadWrite) },
        Err(Error::Truncated { .. })
    ));
}

#[test]
fn open_memmap_creates_npy_files_numpy_reads() {
    let dir = temp_dir("mmap-npy");
    let p = dir.join("new.npy");
    // SAFETY: the file is this test's own; nothing else changes it while it is mapped.
    let mut m = unsafe { open_memmap::<f32>(&p, MmapMode::Write, Some(&[3, 4]), true, None) }.unwrap();
    for (i, x) in m.as_slice_mut().unwrap().iter_mut().enumerate() {
        *x = i as f32;
    }
    m.flush().unwrap();
    drop(m);
    let a: Array<f32> = nprs_io::load(&p).unwrap();
    assert!(a.is_f_contiguous());
    assert_eq!(a.get(&[1, 0]).unwrap(), 1.0);
    assert_eq!(a.get(&[0, 1]).unwrap(), 3.0);
    // The header is NumPy's: the same bytes np.save writes for this array.
    let mut expect = Vec::new();
    nprs_io::write_npy(&mut expect, &a, &nprs_io::SaveOptions::default()).unwrap();
    assert!(std::fs::read(&p).unwrap() == expect);
    // r+ writes through to the file.
    // SAFETY: the file is this test's own; nothing else changes it while it is mapped.
    let mut m = unsafe { load_mmap::<f32>(&p, MmapMode::ReadWrite) }.unwrap();
    m.view_mut().unwrap().fill(2.0);
    m.flush().unwrap();
    drop(m);
    let a: Array<f32> = nprs_io::load(&p).unwrap();
    assert!(a.iter().all(|x| x == 2.0));
    // SAFETY: the file is this test's own; nothing else changes it while it is mapped.
    assert!(unsafe { open_memmap::<f32>(dir.join("x.npy"), MmapMode::Write, None, false, None) }.is_err());
    // SAFETY: the file is this test's own; nothing else changes it while it is mapped.
    assert!(unsafe { load_mmap::<f32>(&p, MmapMode::Write) }.is_err());
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn every_npy_file_maps_as_a_dynamic_array() {
    let o = oracle("io/npy");
    let mut n = 0;
    for case in o.iter().filter(|c| c.name.starts_with("dtype:")) {
        let name = &case.name["dtype:".len()..];
        let path = corpus().join(format!("{name}.npy"));
        // SAFETY: the file is this test's own; nothing else changes it while it is mapped.
        let m = unsafe { nprs_io::load_mmap_dyn(&path, MmapMode::ReadOnly) }.unwrap_or_else(|e| panic!("{name}: {e}"));
        let loaded = nprs_io::load_dyn(&path).unwrap();
        let v = m.view();
        assert_eq!(v.dtype(), loaded.dtype(), "{name}");
        assert_eq!(v.shape(), loaded.shape(), "{name}");
        assert_eq!(v.strides(), loaded.strides(), "{name}");
        assert!(v.to_bytes() == loaded.to_bytes(), "{name}");
        n += 1;
    }
    assert!(n >= 54, "{n}");
    // SAFETY: the file is this test's own; nothing else changes it while it is mapped.
    let e = unsafe { nprs_io::load_mmap_dyn(corpus().join("object.npy"), MmapMode::ReadOnly) }.unwrap_err();
    assert_eq!(e.to_string(), "Array can't be memory-mapped: Python objects in dtype.");
    assert!(matches!(
        // SAFETY: the file is this test's own; nothing else changes it while it is mapped.
        unsafe { nprs_io::load_mmap_dyn(corpus().join("err_truncated.npy"), MmapMode::ReadOnly) },
        Err(Error::Truncated { .. })
    ));
}

#[test]
fn dynamic_maps_write_through_and_need_no_alignment() {
    use nprs_core::{Descr, DynArray};
    use nprs_io::DynMemmap;
    let dir = temp_dir("mmap-dyn");
    // Big-endian floats at an odd offset: typed maps refuse them, dynamic maps read them.
    let p = dir.join("odd.bin");
    let mut bytes = vec![0u8];
    bytes.extend([1.5f64, -2.0].iter().flat_map(|x| x.to_be_bytes()));
    std::fs::write(&p, &bytes).unwrap();
    let d: Descr = ">f8".parse().unwrap();
    // SAFETY: the file is this test's own; nothing else changes it while it is mapped.
    let m = unsafe { DynMemmap::open(&p, &d, MmapMode::ReadOnly, 1, None, Order::C) }.unwrap();
    assert_eq!(m.view().to_typed::<f64>().unwrap().to_vec(), vec![1.5, -2.0]);
    assert!(m.view().typed::<f64>().is_err());
    // w+ on a new .npy file of records, then r+ edits reach the file.
    let rec = Descr::parse("[('name', '<U2'), ('n', '<i8'), ('ok', '?')]").unwrap();
    let p = dir.join("rec.npy");
    // SAFETY: the file is this test's own; nothing else changes it while it is mapped.
    let mut m = unsafe { nprs_io::open_memmap_dyn(&p, MmapMode::Write, &rec, Some(&[2, 2]), true, None) }.unwrap();
    assert!(m.view().is_f_contiguous());
    m.view_mut().unwrap().set_item(&[1, 0], ("hé", 5, true)).unwrap();
    m.flush().unwrap();
    drop(m);
    let a = nprs_io::load_dyn(&p).unwrap();
    assert_eq!(a.dtype(), &rec);
    assert!(a.is_f_contiguous() && !a.is_c_contiguous());
    let mut want = DynArray::zeros_order(&[2, 2], &rec, Order::F).unwrap();
    want.set_item(&[1, 0], ("hé", 5, true)).unwrap();
    assert_eq!(a.to_bytes(), want.to_bytes());
    let mut expect = Vec::new();
    nprs_io::write_npy_dyn(&mut expect, &want, None).unwrap();
    assert!(std::fs::read(&p).unwrap() == expect, "the header is the one np.save writes");
    // SAFETY: the file is this test's own; nothing else changes it while it is mapped.
    let mut m = unsafe { nprs_io::load_mmap_dyn(&p, MmapMode::ReadWrite) }.unwrap();
    m.view_mut().unwrap().field_mut("n").unwrap().fill(9).unwrap();
    m.flush().unwrap();
    drop(m);
    let a = nprs_io::load_dyn(&p).unwrap();
    assert_eq!(a.field("n").unwrap().to_typed::<i64>().unwrap().to_vec(), vec![9; 4]);
    // SAFETY: the file is this test's own; nothing else changes it while it is mapped.
    let r = unsafe { nprs_io::load_mmap_dyn(&p, MmapMode::ReadOnly) }.unwrap();
    assert!(r.view().field("n").is_ok());
    let mut r = r;
    assert!(matches!(r.view_mut(), Err(Error::ReadOnly)));
    // A bool field whose byte is not 0 or 1 is refused.
    let raw = dir.join("bad.bin");
    std::fs::write(&raw, [0u8, 1, 2]).unwrap();
    // SAFETY: the file is this test's own; nothing else changes it while it is mapped.
    let e =
        unsafe { DynMemmap::open(&raw, &Descr::from(nprs_core::DType::Bool), MmapMode::ReadOnly, 0, None, Order::C) };
    assert!(e.unwrap_err().to_string().contains("byte 2 of the data is 2"));
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn bool_maps_refuse_bytes_other_than_0_and_1() {
    let dir = temp_dir("mmap-bool");
    let p = dir.join("b.bin");
    std::fs::write(&p, [1u8, 0, 2, 1]).unwrap();
    // SAFETY: the file is this test's own; nothing else changes it while it is mapped.
    let e = unsafe { Memmap::<bool>::open(&p, MmapMode::ReadOnly, 0, None, Order::C) }.unwrap_err();
    assert!(e.to_string().starts_with("cannot map bool data: byte 2 of the data is 2"), "{e}");
    let npy = dir.join("b.npy");
    nprs_io::save(&npy, &Array::from_vec(vec![true, false, true])).unwrap();
    let mut bytes = std::fs::read(&npy).unwrap();
    *bytes.last_mut().unwrap() = 7;
    std::fs::write(&npy, &bytes).unwrap();
    // SAFETY: as above.
    assert!(unsafe { load_mmap::<bool>(&npy, MmapMode::ReadOnly) }.is_err());
    // SAFETY: as above.
    assert!(unsafe { nprs_io::load_mmap_dyn(&npy, MmapMode::CopyOnWrite) }.is_err());
    // The safe load reads the byte as True, as a bool can hold.
    assert_eq!(nprs_io::load::<bool>(&npy).unwrap().to_vec(), vec![true, false, true]);
    std::fs::write(&p, [1u8, 0, 0, 1]).unwrap();
    // SAFETY: as above.
    let m = unsafe { Memmap::<bool>::open(&p, MmapMode::ReadOnly, 0, None, Order::C) }.unwrap();
    assert_eq!(m.as_slice(), &[true, false, false, true]);
    std::fs::remove_dir_all(&dir).unwrap();
}
