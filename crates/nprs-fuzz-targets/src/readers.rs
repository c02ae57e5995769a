//! The readers: `.npy`, `.npz` and text.

use std::io::Cursor;

use nprs_core::Array;
use nprs_io::text::{GenFromTxtOptions, LoadTxtOptions, SaveTxtOptions, genfromtxt_str, loadtxt_str, write_txt};
use nprs_io::{LoadOptions, NpzFile, read_npy_dyn, write_npy_dyn};

/// Reads `data` as a `.npy` file two ways (typed as `float64`, and as a dynamic array)
/// and checks: no panic; the dynamic reader accepts whatever the typed one accepts, with
/// the same shape; the dynamic array saves to a file that reads back with the same dtype,
/// shape and bytes, and that is a fixed point (reading and saving it again gives the same
/// bytes).
///
/// # Panics
/// On any failed check.
pub fn npy(data: &[u8]) {
    let opts = LoadOptions::default();
    let typed = nprs_io::read_npy::<f64, _>(&mut &data[..], &opts);
    let dynamic = read_npy_dyn(&mut &data[..], &opts);
    if let Ok(t) = &typed {
        let d = dynamic.as_ref().unwrap_or_else(|e| panic!("loads as float64 but not as a dynamic array: {e}"));
        assert_eq!(t.shape(), d.shape(), "typed and dynamic shapes");
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

/// Opens `data` as a `.npz` archive and reads every member typed (as `float64`) and as a
/// dynamic array; checks: no panic, and the readers agree on each member's shape.
///
/// # Panics
/// On any failed check.
pub fn npz(data: &[u8]) {
    let Ok(mut npz) = NpzFile::new(Cursor::new(data)) else { return };
    for name in npz.names() {
        let typed = npz.get_array::<f64>(&name);
        let dynamic = npz.get(&name);
        if let Ok(t) = &typed {
            let d = dynamic.as_ref().unwrap_or_else(|e| panic!("{name}: loads as float64 but not dynamic: {e}"));
            assert_eq!(t.shape(), d.shape(), "{name}: typed and dynamic shapes");
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
