//! Live interop: every file nprs writes loads in real NumPy (the test virtualenv's)
//! with the same dtype, shape, memory order and values (`np.array_equal`).
#![allow(unsafe_code)] // one test maps a file of its own

use crate::common;

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::Command;

use common::{corpus, temp_dir};
use nprs_core::ByteOrder;
use nprs_core::{Array, C64, C128, Order, f16};
use nprs_io::{MmapMode, NpyWrite, SaveOptions};
use serde_json::{Value as Json, json};

const CHECKER: &str = r#"
import json, sys
import numpy as np

def expected(e):
    kind = np.dtype(e["dtype"]).kind
    vals = e["values"]
    if kind == "f":
        vals = [float(v) for v in vals]
    elif kind == "c":
        vals = [complex(float(r), float(i)) for r, i in vals]
    elif kind == "S":
        vals = [v.encode("latin-1") for v in vals]
    return np.array(vals, dtype=e["dtype"]).reshape(e["shape"])

failed = 0
specs = json.load(open(sys.argv[1]))
for e in specs:
    try:
        if e.get("member") is not None:
            with np.load(e["file"]) as z:
                got = z[e["member"]]
        elif e.get("raw_dtype") is not None:
            got = np.fromfile(e["file"], dtype=e["raw_dtype"]).reshape(e["shape"])
        else:
            got = np.load(e["file"])
        want = expected(e)
        problems = []
        if got.dtype.str != e["dtype"]:
            problems.append(f"dtype {got.dtype.str} != {e['dtype']}")
        if list(got.shape) != e["shape"]:
            problems.append(f"shape {got.shape} != {e['shape']}")
        if e.get("fortran") is not None and got.ndim > 1 and bool(got.flags.f_contiguous and not got.flags.c_contiguous) != e["fortran"]:
            problems.append(f"fortran order {got.flags.f_contiguous} != {e['fortran']}")
        equal_nan = got.dtype.kind in "fcmM"
        if not np.array_equal(got, want, equal_nan=equal_nan):
            problems.append(f"values differ: {got!r} vs {want!r}")
        if problems:
            failed += 1
            print(f"FAIL {e['label']}: " + "; ".join(problems))
    except Exception as exc:
        failed += 1
        print(f"FAIL {e['label']}: {type(exc).__name__}: {exc}")
print(f"{len(specs) - failed} passed, {failed} failed")
sys.exit(1 if failed else 0)
"#;

/// The test virtualenv's Python, or a failure telling how to make it.
fn venv_python() -> PathBuf {
    let py = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../target/venv/bin/python");
    assert!(
        py.exists(),
        "the NumPy virtualenv is missing ({}): run `cargo xtask test`, which creates it and runs these tests",
        py.display()
    );
    py
}

trait Jsonable {
    fn json(&self) -> Json;
}

macro_rules! ints {
    ($($t:ty),*) => {$(impl Jsonable for $t { fn json(&self) -> Json { json!(self) } })*};
}
ints!(i8, i16, i32, i64, u8, u16, u32, u64, bool);

impl Jsonable for f64 {
    fn json(&self) -> Json {
        json!(format!("{self:?}"))
    }
}
impl Jsonable for f32 {
    fn json(&self) -> Json {
        f64::from(*self).json()
    }
}
impl Jsonable for f16 {
    fn json(&self) -> Json {
        self.to_f64().json()
    }
}
impl Jsonable for C64 {
    fn json(&self) -> Json {
        json!([f64::from(self.re).json(), f64::from(self.im).json()])
    }
}
impl Jsonable for C128 {
    fn json(&self) -> Json {
        json!([self.re.json(), self.im.json()])
    }
}

fn spec<T: Jsonable + nprs_core::Element>(
    label: &str,
    file: &Path,
    a: &Array<T>,
    order: ByteOrder,
    fortran: Option<bool>,
) -> Json {
    json!({
        "label": label,
        "file": file,
        "dtype": nprs_core::Descr::from(T::DTYPE).with_byte_order(order).str(),
        "shape": a.shape(),
        "fortran": fortran,
        "values": a.iter().map(|x| x.json()).collect::<Vec<_>>(),
    })
}

fn sample<T: Copy>(vals: &[T], n: usize) -> Vec<T> {
    (0..n).map(|i| vals[i % vals.len()]).collect()
}

fn run_checker(dir: &Path, specs: &[Json]) {
    let py = venv_python();
    let spec_path = dir.join("specs.json");
    std::fs::write(&spec_path, serde_json::to_string(specs).unwrap()).unwrap();
    let script = dir.join("check.py");
    std::fs::write(&script, CHECKER).unwrap();
    let out = Command::new(&py).arg(&script).arg(&spec_path).output().expect("running the NumPy checker");
    let text = String::from_utf8_lossy(&out.stdout).to_string() + &String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "NumPy could not read what nprs wrote:\n{text}");
    assert!(text.contains(&format!("{} passed, 0 failed", specs.len())), "{text}");
}

#[test]
fn numpy_loads_every_file_nprs_writes() {
    let dir = temp_dir("numpy-reads");
    let mut specs = Vec::new();
    let mut label = String::new();
    macro_rules! typed {
        ($t:ty, $vals:expr) => {{
            let vals: Vec<$t> = $vals;
            let a = Array::from_shape_vec(&[2, 3], sample(&vals, 6)).unwrap();
            let f = Array::from_shape_vec_order(&[3, 4], sample(&vals, 12), Order::F).unwrap();
            let z = Array::from_elem_0d(vals[0]);
            let e = Array::<$t>::from_shape_vec(&[0, 5], vec![]).unwrap();
            let name = <$t as nprs_core::Element>::DTYPE.name();
            for (tag, arr, fortran) in [("c", &a, false), ("f", &f, true), ("0d", &z, false), ("empty", &e, false)] {
                for order in [ByteOrder::Little, ByteOrder::Big] {
                    label.clear();
                    let _ = write!(label, "{name}_{tag}_{}", if order == ByteOrder::Big { "be" } else { "le" });
                    let p = dir.join(format!("{label}.npy"));
                    nprs_io::save_with(&p, arr, &SaveOptions { version: None, byte_order: order }).unwrap();
                    specs.push(spec(&label, &p, arr, order, Some(fortran)));
                }
            }
            // A non-contiguous view is written in C order.
            let t = f.t();
            let stepped = t.slice(nprs_core::s![.., ..;2]).to_owned();
            let p = dir.join(format!("{name}_strided.npy"));
            nprs_io::save(&p, &t.slice(nprs_core::s![.., ..;2])).unwrap();
            specs.push(spec(&format!("{name}_strided"), &p, &stepped, ByteOrder::Little, Some(false)));
        }};
    }
    typed!(bool, vec![true, false, false]);
    typed!(i8, vec![i8::MIN, -1, 0, 1, i8::MAX]);
    typed!(i16, vec![i16::MIN, -1, 0, 300, i16::MAX]);
    typed!(i32, vec![i32::MIN, -1, 0, 70000, i32::MAX]);
    typed!(i64, vec![i64::MIN, -1, 0, 1 << 40, i64::MAX]);
    typed!(u8, vec![0, 1, 200, u8::MAX]);
    typed!(u16, vec![0, 1, 60000, u16::MAX]);
    typed!(u32, vec![0, 1, 4_000_000_000, u32::MAX]);
    typed!(u64, vec![0, 1, 1 << 63, u64::MAX]);
    typed!(f16, vec![f16::from_f64(1.5), f16::NAN, f16::INFINITY, f16::from_f64(-0.0), f16::MAX]);
    typed!(f32, vec![1.5, f32::NAN, f32::NEG_INFINITY, 1e-40, f32::MAX]);
    typed!(f64, vec![0.1, f64::NAN, f64::INFINITY, -0.0, 5e-324, f64::MAX]);
    typed!(C64, vec![C64::new(1.0, -2.0), C64::new(f32::NAN, 0.5), C64::new(0.0, f32::INFINITY)]);
    typed!(C128, vec![C128::new(0.1, -2.0), C128::new(1e300, f64::NAN), C128::new(-0.0, 3.0)]);

    // Explicit format versions.
    let v = Array::from_vec(vec![1.0f64, 2.0]);
    for ver in [(1, 0), (2, 0), (3, 0)] {
        let p = dir.join(format!("v{}.npy", ver.0));
        nprs_io::save_with(&p, &v, &SaveOptions { version: Some(ver), ..SaveOptions::default() }).unwrap();
        specs.push(spec(&format!("version_{}", ver.0), &p, &v, ByteOrder::Little, None));
    }

    // Archives, plain and compressed, named and positional.
    let a = Array::from_shape_vec(&[2, 2], vec![1i32, 2, 3, 4]).unwrap();
    let b = Array::from_shape_vec_order(&[2, 3], vec![0.5f32, 1.5, 2.5, 3.5, 4.5, 5.5], Order::F).unwrap();
    for (i, compressed) in [false, true].into_iter().enumerate() {
        let p = dir.join(format!("arch{i}.npz"));
        let save = if compressed { nprs_io::savez_compressed } else { nprs_io::savez };
        save(&p, &[&a], &[("b", &b as &dyn NpyWrite)]).unwrap();
        let mut s = spec("npz_a", &p, &a, ByteOrder::Little, Some(false));
        s["member"] = json!("arr_0");
        specs.push(s);
        let mut s = spec("npz_b", &p, &b, ByteOrder::Little, Some(true));
        s["member"] = json!("b");
        specs.push(s);
    }

    // Strings and datetimes re-saved from NumPy's own files.
    for name in ["unicode_le", "unicode_be", "bytes", "datetime_ns", "timedelta_be"] {
        let a = nprs_io::load_dyn(corpus().join(format!("{name}.npy"))).unwrap();
        let p = dir.join(format!("dyn_{name}.npy"));
        nprs_io::save_dyn(&p, &a).unwrap();
        let values: Vec<Json> = a
            .to_scalars()
            .into_iter()
            .map(|v| match v {
                nprs_core::Scalar::Str(s) => Json::from(s),
                nprs_core::Scalar::Bytes(b) => Json::from(b.iter().map(|&c| char::from(c)).collect::<String>()),
                nprs_core::Scalar::Int(i) => Json::from(i64::try_from(i).unwrap()),
                other => panic!("{name}: {other:?}"),
            })
            .collect();
        specs.push(json!({"label": name, "file": p, "dtype": a.dtype().str(), "shape": a.shape(), "values": values}));
    }

    // A .npy file created through a memory map.
    let p = dir.join("mapped.npy");
    // SAFETY: the file is this test's own; nothing else changes it while it is mapped.
    let mut m = unsafe { nprs_io::open_memmap::<u16>(&p, MmapMode::Write, Some(&[2, 5]), false, None) }.unwrap();
    for (i, x) in m.as_slice_mut().unwrap().iter_mut().enumerate() {
        *x = (i * 1000) as u16;
    }
    m.flush().unwrap();
    let expect = m.view().to_owned();
    drop(m);
    specs.push(spec("memmap_w", &p, &expect, ByteOrder::Little, Some(false)));

    run_checker(&dir, &specs);
    std::fs::remove_dir_all(&dir).unwrap();
}

const DYN_CHECKER: &str = r#"
import json, sys
import numpy as np

def gapless(dt):
    """True when every byte of an element belongs to a field (padding is not compared)."""
    if dt.names is None:
        return dt.subdtype is None or gapless(dt.subdtype[0])
    fields = [dt.fields[n][0] for n in dt.names]
    return sum(f.itemsize for f in fields) == dt.itemsize and all(gapless(f) for f in fields)

failed = 0
specs = json.load(open(sys.argv[1]))
for e in specs:
    try:
        got = np.load(e["file"])
        if e.get("want_file") is not None:
            want = np.load(e["want_file"])
        else:
            dt = np.dtype(eval(e["dtype"]))
            want = np.array(eval(e["values"]), dtype=dt).reshape(e["shape"])
        problems = []
        if got.dtype != want.dtype or repr(got.dtype) != repr(want.dtype) or got.dtype.str != want.dtype.str:
            problems.append(f"dtype {got.dtype!r} != {want.dtype!r}")
        if got.shape != want.shape:
            problems.append(f"shape {got.shape} != {want.shape}")
        if e.get("fortran") is not None and bool(got.ndim > 1 and got.flags.f_contiguous and not got.flags.c_contiguous) != e["fortran"]:
            problems.append(f"fortran order differs (want {e['fortran']})")
        if got.dtype.names is None:
            if not np.array_equal(got, want, equal_nan=got.dtype.kind in "fcmM"):
                problems.append(f"values differ: {got!r} vs {want!r}")
        elif got.shape == want.shape and not all(np.array_equal(got[n], want[n], equal_nan=got.dtype[n].kind in "fcmM") for n in got.dtype.names if got.dtype[n].names is None):
            problems.append(f"field values differ: {got!r} vs {want!r}")
        exact = e.get("want_file") is not None or gapless(got.dtype)
        if got.shape == want.shape and exact and got.tobytes() != want.tobytes():
            problems.append("bytes differ")
        if problems:
            failed += 1
            print(f"FAIL {e['label']}: " + "; ".join(problems))
    except Exception as exc:
        failed += 1
        print(f"FAIL {e['label']}: {type(exc).__name__}: {exc}")
print(f"{len(specs) - failed} passed, {failed} failed")
sys.exit(1 if failed else 0)
"#;

#[test]
fn numpy_loads_every_dynamic_file_nprs_writes() {
    use nprs_core::{Descr, DynArray, Scalar};
    let dir = temp_dir("numpy-reads-dyn");
    let mut specs = Vec::new();
    // Every file of NumPy's corpus, loaded as a dynamic array and saved again.
    let o = nprs_testkit::oracle("io/npy");
    for case in o.iter().filter(|c| c.name.starts_with("dtype:")) {
        let name = &case.name["dtype:".len()..];
        let src = corpus().join(format!("{name}.npy"));
        let a = nprs_io::load_dyn(&src).unwrap();
        let p = dir.join(format!("{name}.npy"));
        nprs_io::save_dyn(&p, &a).unwrap();
        specs.push(json!({"label": name, "file": p, "want_file": src}));
        // A non-contiguous view of it is written in C order.
        if a.ndim() >= 1 && a.shape()[0] > 1 {
            let v = a.try_slice(nprs_core::s![..;-1]).unwrap();
            let p = dir.join(format!("{name}_rev.npy"));
            nprs_io::save_dyn(&p, &v).unwrap();
            let back = nprs_io::load_dyn(&p).unwrap();
            assert_eq!(back.to_bytes(), v.to_bytes(), "{name}");
            assert!(back.is_c_contiguous(), "{name}");
        }
    }
    // Dynamic arrays made in Rust, checked against values and dtypes spelled for NumPy.
    let mut add = |label: &str, a: &nprs_core::DynView<'_>, dtype: &str, values: &str, fortran: Option<bool>| {
        let p = dir.join(format!("rs_{label}.npy"));
        nprs_io::save_dyn(&p, a).unwrap();
        specs.push(json!({"label": label, "file": p, "dtype": dtype, "values": values, "shape": a.shape(), "fortran": fortran}));
    };
    let u = DynArray::from_strs(&["a", "héllo", "", "δx", "zz", "q"]);
    add("unicode", &u.view(), "'<U5'", "['a', 'héllo', '', 'δx', 'zz', 'q']", None);
    let u2 = u.reshape(&[2, 3]).unwrap().into_owned();
    add("unicode_t", &u2.t(), "'<U5'", "[['a', 'δx'], ['héllo', 'zz'], ['', 'q']]", Some(true));
    add(
        "unicode_step",
        &u2.try_slice(nprs_core::s![.., ..;2]).unwrap(),
        "'<U5'",
        "[['a', ''], ['δx', 'q']]",
        Some(false),
    );
    let ube = u.with_byte_order(nprs_core::ByteOrder::Big);
    add("unicode_be", &ube.view(), "'>U5'", "['a', 'héllo', '', 'δx', 'zz', 'q']", None);
    let s = DynArray::from_byte_strs(&[b"ab".as_slice(), b"", b"\x00z\xff"]);
    add("bytes", &s.view(), "'S3'", "[b'ab', b'', b'\\x00z\\xff']", None);
    let dt = Descr::parse("[('id', '<i4'), ('name', '>U3'), ('ok', '?'), ('xy', '<f8', (2,))]").unwrap();
    let rows = [
        Scalar::from((1, "abc", true, vec![0.5, -1.0])),
        Scalar::from((-2, "", false, vec![f64::INFINITY, 2.0])),
        Scalar::from((3, "é", true, vec![0.0, -0.0])),
        Scalar::from((4, "xy", false, vec![1e300, 5e-324])),
    ];
    let r = DynArray::from_records(&dt, &rows).unwrap();
    let values = "[(1, 'abc', True, [0.5, -1.0]), (-2, '', False, [np.inf, 2.0]), (3, 'é', True, [0.0, -0.0]), (4, 'xy', False, [1e300, 5e-324])]";
    add("records", &r.view(), "[('id', '<i4'), ('name', '>U3'), ('ok', '?'), ('xy', '<f8', (2,))]", values, None);
    let fields: Vec<(&str, Descr)> =
        vec![("a", "u1".parse().unwrap()), ("b", "<f8".parse().unwrap()), ("c", "<i2".parse().unwrap())];
    let al = Descr::record_aligned(fields).unwrap();
    let rows = [Scalar::from((1, 0.5, -3)), Scalar::from((255, -2.25, 7))];
    let ra = DynArray::from_records(&al, &rows).unwrap();
    let r2 = ra.view().expand_dims(&[0]).unwrap().broadcast_to(&[3, 2]).unwrap().to_owned();
    add(
        "records_aligned_t",
        &r2.t(),
        "{'names': ['a', 'b', 'c'], 'formats': ['u1', '<f8', '<i2'], 'offsets': [0, 8, 16], 'itemsize': 24}",
        "[[(1, 0.5, -3)] * 3, [(255, -2.25, 7)] * 3]",
        Some(true),
    );
    let counts: Vec<u8> = [0i64, -1, i64::MIN, 1_700_000_000].iter().flat_map(|x| x.to_be_bytes()).collect();
    let m = DynArray::from_bytes(&counts, &Descr::parse(">M8[s]").unwrap(), &[2, 2]).unwrap();
    add(
        "datetime_be",
        &m.view(),
        "'>M8[s]'",
        "np.array([0, -1, np.iinfo(np.int64).min, 1700000000]).astype('>M8[s]')",
        Some(false),
    );
    let td = DynArray::from_bytes(&counts, &Descr::parse(">m8[10ms]").unwrap(), &[4]).unwrap();
    add(
        "timedelta_units",
        &td.view(),
        "'>m8[10ms]'",
        "np.array([0, -1, np.iinfo(np.int64).min, 1700000000]).astype('>m8[10ms]')",
        None,
    );
    let v = DynArray::from_bytes(&[1, 2, 3, 0, 0, 9], &Descr::void(3), &[2]).unwrap();
    add("void", &v.view(), "'V3'", "[b'\\x01\\x02\\x03', b'\\x00\\x00\\x09']", None);
    let f =
        DynArray::from(nprs_core::array![[1.5f32, -2.0], [f32::NAN, 0.25]]).with_byte_order(nprs_core::ByteOrder::Big);
    add("float_be_t", &f.t(), "'>f4'", "[[1.5, np.nan], [-2.0, 0.25]]", Some(true));
    let e = DynArray::zeros(&[0, 3], &Descr::unicode(2)).unwrap();
    add("empty_unicode", &e.view(), "'<U2'", "[]", None);
    let z = DynArray::from_strs(&["0d"]).into_shape(()).unwrap();
    add("unicode_0d", &z.view(), "'<U2'", "'0d'", None);
    // Archives of dynamic members.
    let p = dir.join("dyn.npz");
    nprs_io::savez_compressed(&p, &[&u], &[("r", &r as &dyn NpyWrite)]).unwrap();
    for (member, want) in [("arr_0", "unicode"), ("r", "records")] {
        let want_file = dir.join(format!("rs_{want}.npy"));
        let mut s = json!({"label": format!("npz_{member}"), "file": p, "want_file": want_file});
        s["member"] = json!(member);
        specs.push(s);
    }
    run_dyn_checker(&dir, &specs);
    std::fs::remove_dir_all(&dir).unwrap();
}

fn run_dyn_checker(dir: &Path, specs: &[Json]) {
    let py = venv_python();
    let spec_path = dir.join("dyn_specs.json");
    std::fs::write(&spec_path, serde_json::to_string(specs).unwrap()).unwrap();
    let script = dir.join("dyn_check.py");
    let checker = DYN_CHECKER.replace(
        "        got = np.load(e[\"file\"])\n",
        "        got = np.load(e[\"file\"]) if e.get(\"member\") is None else np.load(e[\"file\"])[e[\"member\"]]\n",
    );
    std::fs::write(&script, checker).unwrap();
    let out = Command::new(&py).arg(&script).arg(&spec_path).output().expect("running the NumPy checker");
    let text = String::from_utf8_lossy(&out.stdout).to_string() + &String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "NumPy could not read what nprs wrote:\n{text}");
    assert!(text.contains(&format!("{} passed, 0 failed", specs.len())), "{text}");
}
