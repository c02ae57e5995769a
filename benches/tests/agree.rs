//! Both sides of the comparison compute the same thing: for every workload, at its small
//! test size, the `nprs-compare` binary and `numpy_compare.py` (run by the pinned NumPy in
//! `target/venv`) must report the same dtype, shape and checksum of the result.

use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, ChildStdin, ChildStdout, Command, Stdio};

use serde_json::{Value, json};

struct Side {
    child: Child,
    stdin: ChildStdin,
    stdout: BufReader<ChildStdout>,
}

impl Side {
    fn spawn(cmd: &mut Command) -> Side {
        let mut child = cmd
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .spawn()
            .unwrap_or_else(|e| panic!("cannot start {cmd:?}: {e}"));
        let stdin = child.stdin.take().unwrap();
        let stdout = BufReader::new(child.stdout.take().unwrap());
        Side { child, stdin, stdout }
    }

    fn ask(&mut self, req: &Value) -> Value {
        writeln!(self.stdin, "{req}").unwrap();
        self.stdin.flush().unwrap();
        let mut line = String::new();
        self.stdout.read_line(&mut line).unwrap();
        assert!(!line.is_empty(), "the side exited while answering {req}");
        let answer: Value = serde_json::from_str(&line).unwrap();
        assert_eq!(answer["ok"], true, "request {req} failed: {answer}");
        answer
    }
}

impl Drop for Side {
    fn drop(&mut self) {
        let _ = writeln!(self.stdin, "{}", json!({"cmd": "quit"}));
        let _ = self.child.wait();
    }
}

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).parent().unwrap().to_path_buf()
}

fn venv_python() -> PathBuf {
    let py = root().join("target/venv/bin/python");
    assert!(
        py.exists(),
        "{} is missing: this test needs the pinned NumPy. Create the venv with `cargo xtask test` \
         (or `cargo xtask golden`/`cargo xtask bench --compare`), then run it again.",
        py.display()
    );
    py
}

fn numpy_side() -> Side {
    Side::spawn(Command::new(venv_python()).arg(root().join("benches/numpy_compare.py")).arg("serve"))
}

fn nprs_side() -> Side {
    Side::spawn(Command::new(env!("CARGO_BIN_EXE_nprs-compare")).arg("serve"))
}

#[test]
fn both_sides_compute_the_same_results() {
    let mut nprs = nprs_side();
    let mut numpy = numpy_side();
    let table = nprs.ask(&json!({"cmd": "list"}))["workloads"].clone();
    let table = table.as_array().unwrap();
    assert!(!table.is_empty());
    let mut mismatches = Vec::new();
    for w in table {
        let req = json!({
            "cmd": "setup",
            "id": w["id"],
            "dims": w["test_dims"],
            "setup": w["numpy_setup"],
            "run": w["numpy_run"],
        });
        let ours = nprs.ask(&req);
        let theirs = numpy.ask(&req);
        // FFT rows round differently in each library: their fingerprints agree within
        // 1e-9 (double) or 1e-4 (single precision) of 17·Σ|x| instead of bit for bit.
        let approximate = w["area"] == "fft";
        if approximate {
            let f = |v: &Value, i: usize| v["fingerprint"][i].as_f64().unwrap();
            let tol = if ours["dtype"] == "complex64" { 1e-4 } else { 1e-9 } * 17.0 * f(&ours, 0);
            for i in 0..3 {
                if (f(&ours, i) - f(&theirs, i)).abs() > tol {
                    mismatches.push(format!(
                        "{}: fingerprint nprs {} vs NumPy {}",
                        w["id"], ours["fingerprint"], theirs["fingerprint"]
                    ));
                }
            }
        }
        let keys: &[&str] = if approximate { &["dtype", "shape"] } else { &["dtype", "shape", "digest"] };
        for &key in keys {
            if ours[key] != theirs[key] {
                mismatches.push(format!(
                    "{}: {key} nprs {} vs NumPy {} (NumPy code: {}; {})",
                    w["id"], ours[key], theirs[key], w["numpy_setup"], w["numpy_run"]
                ));
            }
        }
        // The timed path runs too, on both sides.
        assert!(nprs.ask(&json!({"cmd": "run", "inner": 2}))["s"].as_f64().unwrap() >= 0.0);
        assert!(numpy.ask(&json!({"cmd": "run", "inner": 2}))["s"].as_f64().unwrap() >= 0.0);
    }
    assert!(mismatches.is_empty(), "results differ:\n{}", mismatches.join("\n"));
}

#[test]
fn inputs_are_identical_on_both_sides() {
    // The raw generators, checked through a workload-independent expression: the
    // digest of each generated input as NumPy computes it must match nprs's.
    use nprs_benches::data;
    use nprs_benches::output::Output;
    use nprs_core::Array;

    let mut numpy = numpy_side();
    let cases: [(&str, Output); 4] = [
        ("bits(1001, 5).view(np.int64)", Output::from(Array::from_vec(data::bits(1001, 5)).astype::<i64>())),
        ("uniform(1001, 5)", Output::from(Array::from_vec(data::uniform(1001, 5)))),
        ("indices(1001, 77, 5)", Output::from(Array::from_vec(data::indices(1001, 77, 5)))),
        ("mask(1001, 5)", Output::from(Array::from_vec(data::mask(1001, 5)))),
    ];
    for (expr, ours) in cases {
        let theirs = numpy.ask(&json!({"cmd": "setup", "dims": [], "setup": "", "run": expr}));
        assert_eq!(theirs["dtype"], ours.dtype(), "{expr}");
        assert_eq!(theirs["digest"], ours.digest(), "{expr}");
    }
}

#[test]
fn numpy_side_reports_errors_and_keeps_serving() {
    let mut numpy = numpy_side();
    writeln!(numpy.stdin, "{}", json!({"cmd": "setup", "dims": [], "setup": "", "run": "undefined_name"})).unwrap();
    numpy.stdin.flush().unwrap();
    let mut line = String::new();
    numpy.stdout.read_line(&mut line).unwrap();
    let answer: Value = serde_json::from_str(&line).unwrap();
    assert_eq!(answer["ok"], false);
    assert!(answer["error"].as_str().unwrap().contains("undefined_name"), "{answer}");
    assert_eq!(
        numpy.ask(&json!({"cmd": "setup", "dims": [3], "setup": "", "run": "np.arange(dims[0])"}))["shape"],
        json!([3])
    );
}
