//! Live interop: every file nprs writes loads in real NumPy (the test virtualenv's)
//! with the same dtype, shape, memory order and values (`np.array_equal`).

mod common;

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::Command;

use common::{corpus, temp_dir};
use nprs_core::{Array, C64, C128, Order, f16};
use nprs_io::{ByteOrder, MmapMode, NpyWrite, SaveOptions, TypeStr};
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

fn spec<T: Jsonable + nprs_io::NpyElement>(
    label: &str,
    file: &Path,
    a: &Array<T>,
    order: ByteOrder,
    fortran: Option<bool>,
) -> Json {
    json!({
        "label": label,
        "file": file,
        "dtype": TypeStr::of(T::DTYPE, order).to_str(),
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

    // Raw arrays (strings, datetimes, structured) re-saved from NumPy's own files.
    for name in ["unicode_le", "unicode_be", "bytes", "datetime_ns", "timedelta_be"] {
        let raw = nprs_io::load_raw(corpus().join(format!("{name}.npy"))).unwrap();
        let p = dir.join(format!("raw_{name}.npy"));
        nprs_io::save_raw(&p, &raw).unwrap();
        let t = raw.descr().as_type().unwrap();
        let values: Vec<Json> = match t.kind {
            'U' | 'S' => raw.to_strings().unwrap().into_iter().map(Json::from).collect(),
            _ => raw.to_i64().unwrap().into_iter().map(Json::from).collect(),
        };
        specs.push(json!({"label": name, "file": p, "dtype": t.to_str(), "shape": raw.shape(), "values": values}));
    }

    // A .npy file created through a memory map.
    let p = dir.join("mapped.npy");
    let mut m = nprs_io::open_memmap::<u16>(&p, MmapMode::Write, Some(&[2, 5]), false, None).unwrap();
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
