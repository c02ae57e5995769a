//! Small-size tests over this crate's unsafe paths: element slices viewed as bytes, reads
//! into uninitialised buffers (streams and positioned file reads), byte swaps, bool
//! checks, strided writes, dynamic arrays and memory maps. `cargo xtask miri` runs this
//! file under Miri (tree borrows, host file system allowed), so the arrays are small.

#![allow(unsafe_code)] // one test maps a file of its own, which is an unsafe call
use std::io::Cursor;

use nprs_core::ByteOrder;
use nprs_core::{Array, Descr, DynArray, Order, s};
use nprs_io::{LoadOptions, MmapMode, NpzFile, NpzWriter, SaveOptions, read_npy, write_npy};

/// A fresh empty folder under the system's temporary directory.
fn temp_dir(tag: &str) -> std::path::PathBuf {
    let d = std::env::temp_dir().join(format!("nprs-io-soundness-{tag}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

fn round_trip<T: nprs_core::Element>(a: &Array<T>, order: ByteOrder) -> Array<T> {
    let mut bytes = Vec::new();
    write_npy(&mut bytes, a, &SaveOptions { byte_order: order, ..SaveOptions::default() }).unwrap();
    read_npy::<T, _>(&mut &bytes[..], &LoadOptions::default()).unwrap()
}

#[test]
fn streams_in_both_byte_orders_and_layouts() {
    let a = Array::<i64>::arange(24).into_shape(&[2, 3, 4]).unwrap();
    for order in [ByteOrder::Little, ByteOrder::Big] {
        assert_eq!(round_trip(&a, order), a);
        let f = a.t().to_owned_order(Order::F);
        let back = round_trip(&f, order);
        assert!(back.is_f_contiguous());
        assert_eq!(back, f);
        let h = a.astype::<nprs_core::f16>();
        assert_eq!(round_trip(&h, order), h);
        let c = nprs_core::kernel::map(&a, |x| nprs_core::C64::new(x as f32, -(x as f32)));
        assert_eq!(round_trip(&c, order), c);
    }
    let b = nprs_core::kernel::map(&a, |x| x % 3 == 0);
    assert_eq!(round_trip(&b, ByteOrder::NATIVE), b);
    // A strided view is written in chunks.
    let v = a.slice(s![..;-1, 1.., ..;3]);
    let mut bytes = Vec::new();
    write_npy(&mut bytes, &v, &SaveOptions::default()).unwrap();
    let back: Array<i64> = read_npy(&mut &bytes[..], &LoadOptions::default()).unwrap();
    assert_eq!(back.to_vec(), vec![16, 19, 20, 23, 4, 7, 8, 11]);
    assert_eq!(back, v.to_owned());
    // Bool bytes other than 0 and 1 read as true.
    let mut bytes = Vec::new();
    write_npy(&mut bytes, &Array::from_vec(vec![0u8, 1, 2, 0]), &SaveOptions::default()).unwrap();
    let at = bytes.iter().position(|&c| c == b'|').unwrap();
    bytes[at..at + 3].copy_from_slice(b"|b1");
    let bools: Array<bool> = read_npy(&mut &bytes[..], &LoadOptions::default()).unwrap();
    assert_eq!(bools.to_vec(), vec![false, true, true, false]);
}

#[test]
fn dynamic_arrays_and_truncated_streams() {
    let rec = Descr::parse("[('name', '<U2'), ('n', '>i8'), ('ok', '?')]").unwrap();
    let mut a = DynArray::zeros_order(&[2, 2], &rec, Order::F).unwrap();
    a.set_item(&[1, 0], ("hé", 5, true)).unwrap();
    let mut bytes = Vec::new();
    nprs_io::write_npy_dyn(&mut bytes, &a, None).unwrap();
    let back = nprs_io::read_npy_dyn(&mut &bytes[..], &LoadOptions::default()).unwrap();
    assert_eq!(back.dtype(), &rec);
    assert_eq!(back.to_bytes(), a.to_bytes());
    for cut in [bytes.len() - 1, bytes.len() - 9, 130] {
        assert!(nprs_io::read_npy_dyn(&mut &bytes[..cut], &LoadOptions::default()).is_err(), "cut at {cut}");
    }
    let mut again = Vec::new();
    nprs_io::write_npy_dyn(&mut again, &back, None).unwrap();
    assert!(again == bytes);
}

#[test]
fn npz_archives_in_memory() {
    let a = Array::<f32>::arange(6).into_shape(&[2, 3]).unwrap();
    let names = DynArray::from_strs(&["ab", "cde"]);
    let mut w = NpzWriter::new(Cursor::new(Vec::new()), false);
    w.add("a", &a.t()).unwrap();
    w.add("names", &names).unwrap();
    let bytes = w.finish().unwrap().into_inner();
    let mut npz = NpzFile::new(Cursor::new(bytes)).unwrap();
    assert_eq!(npz.get_array::<f32>("a").unwrap(), a.t().to_owned());
    assert_eq!(npz.get("names").unwrap().to_bytes(), names.to_bytes());
}

#[test]
fn files_read_with_positioned_reads() {
    let dir = temp_dir("files");
    let a = Array::<u16>::arange(30).into_shape(&[5, 6]).unwrap();
    let p = dir.join("a.npy");
    nprs_io::save_with(&p, &a.slice(s![.., ..;-2]), &SaveOptions { byte_order: ByteOrder::Big, version: None })
        .unwrap();
    let back: Array<u16> = nprs_io::load(&p).unwrap();
    assert_eq!(back, a.slice(s![.., ..;-2]).to_owned());
    let d = nprs_io::load_dyn(&p).unwrap();
    assert_eq!(d.dtype(), &Descr::parse(">u2").unwrap());
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
#[cfg_attr(miri, ignore = "Miri cannot map files into memory (file-backed mmap is not supported)")]
fn memory_maps_write_through() {
    let dir = temp_dir("mmap");
    let p = dir.join("m.npy");
    // SAFETY: the file is this test's own; nothing else opens it while it is mapped.
    let mut m = unsafe { nprs_io::open_memmap::<f64>(&p, MmapMode::Write, Some(&[3, 4]), false, None) }.unwrap();
    m.view_mut().unwrap().slice_mut(s![1, ..;-1]).assign(&Array::<f64>::arange(4)).unwrap();
    m.flush().unwrap();
    drop(m);
    let a: Array<f64> = nprs_io::load(&p).unwrap();
    assert_eq!(a.slice(s![1, ..]).to_vec(), vec![3.0, 2.0, 1.0, 0.0]);
    // SAFETY: as above; the map is read-only and the file is not written while it lives.
    let d = unsafe { nprs_io::load_mmap_dyn(&p, MmapMode::ReadOnly) }.unwrap();
    assert_eq!(d.view().to_typed::<f64>().unwrap(), a);
    std::fs::remove_dir_all(&dir).unwrap();
}
