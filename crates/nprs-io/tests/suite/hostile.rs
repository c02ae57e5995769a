//! Malformed and hostile input: NumPy's errors where NumPy has them, never a panic, a
//! hang or an allocation the input does not justify.

use crate::common;

use std::io::Cursor;
use std::time::{Duration, Instant};

use common::{corpus, temp_dir};
use nprs_core::ErrorKind;
use nprs_io::{Error, LoadOptions, NpzFile, read_npy_dyn};
use nprs_testkit::oracle;

/// A version 1.0 or 2.0 file with this header text (padded like NumPy's) and data.
fn npy(header: &str, version: u8, data: &[u8]) -> Vec<u8> {
    let mut h = header.as_bytes().to_vec();
    h.push(b'\n');
    let mut out = b"\x93NUMPY".to_vec();
    out.extend_from_slice(&[version, 0]);
    if version == 1 {
        out.extend_from_slice(&(h.len() as u16).to_le_bytes());
    } else {
        out.extend_from_slice(&(h.len() as u32).to_le_bytes());
    }
    out.extend_from_slice(&h);
    out.extend_from_slice(data);
    out
}

#[test]
fn malformed_files_fail_with_numpys_errors() {
    let o = oracle("io/npy");
    let mut n = 0;
    for case in o.with_prefix("err_") {
        let name = &case.name;
        if name == "err_key" || name == "err_magic" {
            continue;
        }
        let bin = corpus().join(format!("{name}.bin"));
        let path = if bin.exists() { bin } else { corpus().join(format!("{name}.npy")) };
        // numpy.load on a file.
        let e = nprs_io::load_dyn(&path).unwrap_err();
        case.check_error(e.numpy_kind(), &e.to_string());
        // numpy.lib.format.read_array on a stream.
        let bytes = std::fs::read(&path).unwrap();
        if let Err(e) = read_npy_dyn(&mut &bytes[..], &LoadOptions::default())
            && !matches!(name.as_str(), "err_magic_load" | "err_pickle" | "err_empty" | "err_truncated")
        {
            case.check_error(e.numpy_kind(), &e.to_string());
        }
        n += 1;
    }
    assert!(n >= 19, "{n}");
    let bytes = std::fs::read(corpus().join("err_magic_load.bin")).unwrap();
    let e = read_npy_dyn(&mut &bytes[..], &LoadOptions::default()).unwrap_err();
    o.case("err_magic").check_error(e.numpy_kind(), &e.to_string());
}

#[test]
fn absurd_shapes_fail_fast_without_allocating() {
    let dir = temp_dir("hostile");
    let cases = [
        ("{'descr': '<f8', 'fortran_order': False, 'shape': (1000000000000,), }", "Truncated"),
        ("{'descr': '<f8', 'fortran_order': False, 'shape': (100000000,), }", "Truncated"),
        ("{'descr': '<U100000', 'fortran_order': False, 'shape': (100000,), }", "Truncated"),
        // NumPy refuses to make such a dtype before reading any data.
        ("{'descr': [('a', '<f8', (100000, 100000))], 'fortran_order': False, 'shape': (100,), }", "cint"),
        ("{'descr': '<f8', 'fortran_order': False, 'shape': (4294967296, 4294967296), }", "TooBig"),
        ("{'descr': '<f8', 'fortran_order': False, 'shape': (99999999999999999999999999,), }", "TooBig"),
        ("{'descr': '<f8', 'fortran_order': False, 'shape': (-1, 2), }", "negative"),
        // NumPy refuses the sub-array's dimension itself (a C int).
        ("{'descr': [('a', '<f8', (1099511627776,))], 'fortran_order': False, 'shape': (1099511627776,), }", "cintdim"),
        (
            "{'descr': [('a', '<f8', (1024,))], 'fortran_order': False, 'shape': (1099511627776, 1099511627776), }",
            "TooBig",
        ),
        ("{'descr': '<f8', 'fortran_order': False, 'shape': (2**40,), }", "syntax"),
        // Empty, but NumPy refuses it: "array is too big" (non-zero lengths overflow).
        ("{'descr': '<f8', 'fortran_order': False, 'shape': (1099511627776, 0, 1099511627776), }", "TooBig"),
    ];
    for (header, want) in cases {
        let bytes = npy(header, 1, &[0u8; 64]);
        let path = dir.join("h.npy");
        std::fs::write(&path, &bytes).unwrap();
        let t = Instant::now();
        let e1 = nprs_io::load_dyn(&path).unwrap_err();
        let e2 = read_npy_dyn(&mut &bytes[..], &LoadOptions::default()).unwrap_err();
        assert!(t.elapsed() < Duration::from_secs(1), "{header}: slow");
        for e in [&e1, &e2] {
            let ok = match want {
                "Truncated" => matches!(e, Error::Truncated { .. }),
                "TooBig" => matches!(e, Error::Core(nprs_core::Error::TooBig)),
                "negative" => e.to_string() == "negative dimensions are not allowed",
                "cintdim" => e.to_string() == "invalid shape in fixed-type tuple: dimension does not fit into a C int.",
                "cint" => {
                    e.to_string() == "invalid shape in fixed-type tuple: dtype size in bytes must fit into a C int."
                }
                _ => matches!(e, Error::HeaderSyntax { .. }),
            };
            assert!(ok, "{header}: got {e:?}");
        }
    }
    // A stream that delivers far less than its header promises is read with growing
    // buffers: the error comes after reading what exists.
    let bytes = npy("{'descr': '<i8', 'fortran_order': False, 'shape': (1000000000,), }", 1, &[7u8; 4000]);
    let e = read_npy_dyn(&mut &bytes[..], &LoadOptions::default()).unwrap_err();
    assert_eq!(
        e.to_string(),
        "Failed to read all data for array. Expected (1000000000,) = 1000000000 elements, could only read 500 elements. (file seems not fully written?)"
    );
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn header_limits() {
    // A 4 GiB header length in a short file: an EOF error, nothing allocated.
    let mut bytes = b"\x93NUMPY\x02\x00\xff\xff\xff\xff".to_vec();
    bytes.extend_from_slice(&[b' '; 100]);
    let e = read_npy_dyn(&mut &bytes[..], &LoadOptions::default()).unwrap_err();
    assert_eq!(e.to_string(), "EOF: reading array header, expected 4294967295 bytes got 100");
    // Also when any header length is allowed: the buffer grows only with what arrives.
    let any = LoadOptions { max_header_size: usize::MAX };
    let e = read_npy_dyn(&mut &bytes[..], &any).unwrap_err();
    assert_eq!(e.to_string(), "EOF: reading array header, expected 4294967295 bytes got 100");
    // Long headers load when allowed, as NumPy's max_header_size allows.
    let header = format!("{{'descr': '<i2', 'fortran_order': False, 'shape': (2,), }}{}", " ".repeat(12000));
    let bytes = npy(&header, 2, &[1, 0, 2, 0]);
    assert!(matches!(
        read_npy_dyn(&mut &bytes[..], &LoadOptions::default()),
        Err(Error::HeaderTooLarge { len, .. }) if len == header.len() + 1
    ));
    let big = LoadOptions { max_header_size: usize::MAX };
    let a = read_npy_dyn(&mut &bytes[..], &big).unwrap().into_typed::<i16>().unwrap();
    assert_eq!(a.to_vec(), vec![1, 2]);
    // Deep nesting and odd literals are syntax errors, not stack overflows.
    let deep =
        format!("{{'descr': {}'<f8'{}, 'fortran_order': False, 'shape': (1,), }}", "[".repeat(5000), "]".repeat(5000));
    let bytes = npy(&deep, 2, &[0; 8]);
    assert!(matches!(read_npy_dyn(&mut &bytes[..], &big), Err(Error::HeaderSyntax { .. })));
    // Python 2 headers (long integers) still load in versions 1 and 2.
    let bytes = npy("{'descr': '<i2', 'fortran_order': False, 'shape': (2L,), }", 1, &[1, 0, 2, 0]);
    assert_eq!(read_npy_dyn(&mut &bytes[..], &LoadOptions::default()).unwrap().shape(), &[2]);
    // Other quoting styles, escapes, trailing commas and tuples.
    let bytes = npy("{\"descr\":\"\\x3cf4\",\"shape\":(1,2,),\"fortran_order\":True}", 1, &[0; 8]);
    let a = read_npy_dyn(&mut &bytes[..], &LoadOptions::default()).unwrap().into_typed::<f32>().unwrap();
    assert_eq!(a.shape(), &[1, 2]);
    // Bytes that are not valid UTF-8 in a version 3.0 header.
    let mut bytes = npy("{'descr': '<f8', 'fortran_order': False, 'shape': (), }", 2, &[0; 8]);
    bytes[6] = 3;
    bytes[20] = 0xff;
    assert!(matches!(read_npy_dyn(&mut &bytes[..], &LoadOptions::default()), Err(Error::HeaderEncoding { .. })));
}

/// Patches the uncompressed size of the first central-directory entry.
fn patch_declared_size(zip: &mut [u8], size: u32) {
    let at = zip.windows(4).position(|w| w == b"PK\x01\x02").expect("central directory");
    zip[at + 24..at + 28].copy_from_slice(&size.to_le_bytes());
}

#[test]
fn npz_members_are_bounded_by_their_declared_size() {
    // A member that inflates past its declared size is read only up to that size.
    let mut bytes = std::fs::read(corpus().join("compressed_big.npz")).unwrap();
    patch_declared_size(&mut bytes, 1000);
    let mut npz = NpzFile::new(Cursor::new(bytes)).unwrap();
    let e = npz.get("big").unwrap_err();
    assert!(matches!(e, Error::Truncated { .. }), "{e}");

    // A declared size the compressed bytes cannot produce is not trusted for an
    // allocation: the member is read with growing buffers and fails at its real end.
    let mut w = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let opts = zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
    w.start_file("big.npy", opts).unwrap();
    let member = npy("{'descr': '<f8', 'fortran_order': False, 'shape': (500000000,), }", 1, &[0u8; 4096]);
    std::io::Write::write_all(&mut w, &member).unwrap();
    let mut bytes = w.finish().unwrap().into_inner();
    patch_declared_size(&mut bytes, 0xF000_0000);
    let t = Instant::now();
    let mut npz = NpzFile::new(Cursor::new(bytes)).unwrap();
    assert!(npz.get("big").is_err());
    assert!(t.elapsed() < Duration::from_secs(2));

    // Not an archive; an archive member that is not .npy data.
    assert!(matches!(NpzFile::new(Cursor::new(b"PK\x03\x04garbage".to_vec())), Err(Error::Zip { .. } | Error::NotZip)));
    let mut w = zip::ZipWriter::new(Cursor::new(Vec::new()));
    w.start_file("notes.txt", zip::write::SimpleFileOptions::default()).unwrap();
    std::io::Write::write_all(&mut w, b"hello").unwrap();
    let mut npz = NpzFile::new(Cursor::new(w.finish().unwrap().into_inner())).unwrap();
    assert_eq!(npz.names(), vec!["notes.txt"]);
    assert!(matches!(npz.get("notes.txt"), Err(Error::NotNpyMember { name }) if name == "notes.txt"));
}

#[test]
fn zero_width_dtypes_with_absurd_counts_fail_cleanly() {
    // Elements of no bytes: a header may promise any number of them in an empty file.
    let dir = temp_dir("hostile-zero-width");
    let path = dir.join("z.npy");
    let t = Instant::now();
    for descr in ["'|S0'", "'<U0'", "[('a', '|V0'), ('b', '|S0')]"] {
        for fortran in ["False", "True"] {
            let h = format!("{{'descr': {descr}, 'fortran_order': {fortran}, 'shape': (1000000000000000, 1000), }}");
            std::fs::write(&path, npy(&h, 1, &[])).unwrap();
            let a = nprs_io::load_dyn(&path).unwrap();
            assert_eq!(a.size(), 1_000_000_000_000_000_000);
            assert_eq!(a.as_bytes_memory_order().map(<[u8]>::len), Some(0));
            if descr.starts_with('[') {
                assert_eq!(a.field("b").unwrap().size(), 1_000_000_000_000_000_000);
            }
        }
    }
    assert!(t.elapsed() < Duration::from_secs(5), "slow");
    std::fs::remove_dir_all(&dir).unwrap();
}

/// The exception class NumPy recorded for a case.
fn numpy_class(case: &nprs_testkit::Case) -> ErrorKind {
    match &case.result {
        nprs_testkit::Value::Error { kind, .. } => ErrorKind::from_name(kind).unwrap_or(ErrorKind::Exception),
        other => panic!("{}: NumPy did not raise: {other:?}", case.name),
    }
}

/// Whether an error is the expected variant.
type IsVariant = fn(&Error) -> bool;

#[test]
fn kind_is_the_exception_numpy_raises_for_each_family() {
    let o = oracle("io/npy");
    let load = |name: &str| {
        let bin = corpus().join(format!("{name}.bin"));
        let path = if bin.exists() { bin } else { corpus().join(format!("{name}.npy")) };
        nprs_io::load_dyn(path).unwrap_err()
    };
    let dir = temp_dir("kinds");
    let two = nprs_core::Array::<i64>::arange(2);
    let savez_err = nprs_io::savez(dir.join("a.npz"), &[&two], &[("arr_0", &two)]).unwrap_err();
    let magic = std::fs::read(corpus().join("err_magic_load.bin")).unwrap();
    let magic_err = read_npy_dyn(&mut &magic[..], &LoadOptions::default()).unwrap_err();
    let key_err = NpzFile::open(corpus().join("plain.npz")).unwrap().get("nope").unwrap_err();
    // One representative failure per family, with the variant it must be.
    let cases: Vec<(&str, Error, IsVariant)> = vec![
        ("err_magic", magic_err, |e| matches!(e, Error::BadMagic { .. })),
        ("err_version", load("err_version"), |e| matches!(e, Error::Version { major: 4, minor: 0 })),
        ("err_eof_len", load("err_eof_len"), |e| matches!(e, Error::Eof { .. })),
        ("err_syntax_v1", load("err_syntax_v1"), |e| matches!(e, Error::HeaderSyntax { .. })),
        ("err_keys", load("err_keys"), |e| matches!(e, Error::HeaderKeys { .. })),
        ("err_descr", load("err_descr"), |e| matches!(e, Error::BadDescr { .. })),
        ("err_too_large", load("err_too_large"), |e| matches!(e, Error::HeaderTooLarge { .. })),
        ("err_pickle", load("err_pickle"), |e| matches!(e, Error::Pickle)),
        ("err_empty", load("err_empty"), |e| matches!(e, Error::EmptyFile)),
        ("err_truncated", load("err_truncated"), |e| matches!(e, Error::Truncated { .. })),
        ("object_refused", nprs_io::load_dyn(corpus().join("object.npy")).unwrap_err(), |e| {
            matches!(e, Error::ObjectArray)
        }),
        (
            "kind_missing_file",
            nprs_io::load_dyn("/nonexistent-nprs-dir/absent.npy").unwrap_err(),
            |e| matches!(e, Error::Io(io) if io.kind() == std::io::ErrorKind::NotFound),
        ),
        ("kind_not_zip", NpzFile::new(Cursor::new(b"PK\x03\x04garbage".to_vec())).map(|_| ()).unwrap_err(), |e| {
            matches!(e, Error::NotZip | Error::Zip { .. })
        }),
        ("err_key", key_err, |e| matches!(e, Error::NotInArchive { .. })),
        ("kind_savez_name", savez_err, |e| matches!(e, Error::DuplicateName { name } if name == "arr_0")),
    ];
    for (name, e, variant) in cases {
        let case = o.case(name);
        assert!(variant(&e), "{name}: unexpected variant {e:?}");
        let numpy = numpy_class(case);
        case.check_with(|_| numpy, e.kind());
        // Python's hierarchy: what an `except` clause in NumPy code would catch.
        assert!(e.kind().is_a(numpy) && e.kind().is_a(ErrorKind::Exception), "{name}");
    }
    let _ = std::fs::remove_dir_all(dir);
}
