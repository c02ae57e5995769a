//! The readers: `.npy`, `.npz` and text.

use std::io::Cursor;

use nprs_core::Array;
use nprs_io::text::{GenFromTxtOptions, LoadTxtOptions, SaveTxtOptions, genfromtxt_str, loadtxt_str, write_txt};
use nprs_io::{LoadOptions, NpzFile, read_npy_dyn, read_npy_raw, write_npy_dyn, write_npy_raw};

/// Reads `data` as a `.npy` file two ways (a dynamic array, raw bytes) and checks: no
/// panic; the raw reader accepts whatever the dynamic one accepts, with the same shape
/// and data size; the raw array saves to a file that reads back equal; the dynamic array
/// saves to a file that is a fixed point (reading and saving it again gives the same
/// bytes) and reads back with the same dtype and bytes.
///
/// # Panics
/// On any failed check.
pub fn npy(data: &[u8]) {
    let opts = LoadOptions::default();
    let dynamic = read_npy_dyn(&mut &data[..], &opts);
    let raw = read_npy_raw(&mut &data[..], &opts);
    if let Ok(d) = &dynamic {
        let r = raw.as_ref().unwrap_or_else(|e| panic!("loads as {} but not as raw bytes: {e}", d.dtype()));
        assert_eq!(d.shape(), r.shape(), "dynamic and raw shapes");
        assert_eq!(d.to_bytes().len(), r.data().len(), "dynamic and raw data sizes");
    }
    if let Ok(r) = &raw {
        let mut file = Vec::new();
        write_npy_raw(&mut file, r, None).expect("a raw array that loaded saves");
        let back = read_npy_raw(&mut &file[..], &opts).expect("a saved raw array loads");
        assert_eq!(&back, r, "raw round trip");
    }
    if let Ok(a) = dynamic {
        let mut file = Vec::new();
        write_npy_dyn(&mut file, &a, None).expect("an array that loaded saves");
        let back = read_npy_dyn(&mut &file[..], &opts).expect("a saved array loads");
        assert_eq!((back.dtype(), back.shape()), (a.dtype(), a.shape()), "dtype and shape after a round trip");
        assert!(back.to_bytes() == a.to_bytes(), "bytes after a round trip");
        let mut again = Vec::new();
        write_npy_dyn(&mut again, &back, None).expect("saves again");
        assert!(file == again, "save(load(save(load(x)))) differs from save(load(x))");
    }
}

/// Opens `data` as a `.npz` archive and reads every member typed (as `float64`), as a
/// dynamic array and as raw bytes; checks: no panic, and the readers agree on each
/// member's shape.
///
/// # Panics
/// On any failed check.
pub fn npz(data: &[u8]) {
    let Ok(mut npz) = NpzFile::new(Cursor::new(data)) else { return };
    for name in npz.names() {
        let typed = npz.get_array::<f64>(&name);
        let dynamic = npz.get(&name);
        let raw = npz.get_raw(&name);
        if let (Ok(t), Ok(d)) = (&typed, &dynamic) {
            assert_eq!(t.shape(), d.shape(), "{name}: typed and dynamic shapes");
        }
        if let (Ok(d), Ok(r)) = (&dynamic, &raw) {
            assert_eq!(d.shape(), r.shape(), "{name}: dynamic and raw shapes");
        }
        if typed.is_ok() || dynamic.is_ok() {
            assert!(raw.is_ok(), "{name}: loads, but not as raw bytes");
        }
    }
}

/// Reads `data` (as UTF-8, lossily) with `loadtxt` and `genfromtxt`, and checks: no
/// panic; what `loadtxt` reads, `savetxt`'s default `%.18e` writes and `loadtxt` reads
/// back to the same values (bit for bit; NaN for NaN).
///
/// # Panics
/// On any failed check.
pub fn text(data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    let _ = genfromtxt_str(&text, &GenFromTxtOptions::default());
    let _ = loadtxt_str::<i64>(&text, &LoadTxtOptions::default());
    let Ok(a) = loadtxt_str::<f64>(&text, &LoadTxtOptions::default()) else { return };
    if a.size() == 0 {
        return;
    }
    // One value loads as a 0-d array, which savetxt refuses (as NumPy's does).
    let a = if a.ndim() == 0 { a.into_shape(&[1]).expect("one element") } else { a };
    let mut out = Vec::new();
    write_txt(&mut out, &a, &SaveTxtOptions::default()).expect("what loadtxt read, savetxt writes");
    let written = String::from_utf8(out).expect("savetxt writes UTF-8");
    let back: Array<f64> = loadtxt_str(&written, &LoadTxtOptions::default())
        .unwrap_or_else(|e| panic!("savetxt wrote {written:?}, which loadtxt refuses: {e}"));
    let (x, y) = (a.to_vec(), back.to_vec());
    assert_eq!(x.len(), y.len(), "{text:?} -> {written:?}: element counts");
    for (p, q) in x.iter().zip(&y) {
        assert!(
            p.to_bits() == q.to_bits() || (p.is_nan() && q.is_nan()),
            "{text:?} -> {written:?}: {p} read back as {q}"
        );
    }
}
