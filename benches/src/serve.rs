//! The line protocol that `cargo xtask bench --compare` speaks with both sides.
//!
//! Each side is a long-lived process reading one JSON object per line on stdin and
//! answering with one JSON object per line on stdout, so the driver can alternate single
//! repetitions between nprs and NumPy. `benches/numpy_compare.py` implements the same
//! protocol for NumPy. Requests:
//!
//! - `{"cmd": "info"}`: the side's configuration (`threads`, versions, ...).
//! - `{"cmd": "stream", "n": 20000000, "reps": 5}`: the machine's memory bandwidth
//!   ([`stream`](crate::stream::stream)).
//! - `{"cmd": "list"}` (nprs only): the workload table, including the NumPy code.
//! - `{"cmd": "setup", "id": ..., "dims": [...], "setup": ..., "run": ...}`: builds the
//!   inputs, runs the operation once and answers `dtype`, `shape`, `digest` (see
//!   [`crate::output`]) and `first_s` (seconds taken by that first call). NumPy uses
//!   `setup`/`run`; nprs looks the workload up by `id`.
//! - `{"cmd": "run", "inner": k}`: runs the prepared operation `k` times, answers `s`, the
//!   mean seconds per call.
//! - `{"cmd": "drop"}`: frees the inputs. `{"cmd": "quit"}`: exits.
//!
//! Every answer has `"ok": true`, or `"ok": false` and an `error` string.

use std::io::{BufRead, Write};
use std::panic::{AssertUnwindSafe, catch_unwind};

use serde_json::{Value, json};

use crate::workloads::{Runner, Workload, time_calls, workloads};

/// The workload table as JSON (the answer to `list`).
#[must_use]
pub fn table_json(list: &[Workload]) -> Value {
    list.iter()
        .map(|w| {
            json!({
                "id": w.id(),
                "area": w.area,
                "name": w.name,
                "size": w.size,
                "dims": w.dims,
                "test_dims": w.test_dims,
                "numpy_setup": w.numpy_setup,
                "numpy_run": w.numpy_run,
                "numpy_avx512_slow": w.numpy_avx512_slow,
            })
        })
        .collect()
}

/// This side's configuration (the answer to `info`).
#[must_use]
pub fn info() -> Value {
    let mut simd = Vec::new();
    #[cfg(target_arch = "x86_64")]
    {
        if std::is_x86_feature_detected!("avx2") {
            simd.push("avx2");
        }
        if std::is_x86_feature_detected!("fma") {
            simd.push("fma");
        }
        if std::is_x86_feature_detected!("avx512f") {
            simd.push("avx512f");
        }
    }
    json!({
        "side": "nprs",
        "version": env!("CARGO_PKG_VERSION"),
        "threads": rayon::current_num_threads(),
        "rayon_num_threads_env": std::env::var("RAYON_NUM_THREADS").ok(),
        "cpu_features_detected": simd,
        "debug_assertions": cfg!(debug_assertions),
    })
}

/// Serves requests from `input` until `quit` or end of input.
///
/// # Errors
/// Only on I/O errors of `input` or `output`; bad requests get an error answer.
pub fn serve(input: impl BufRead, mut output: impl Write) -> std::io::Result<()> {
    let mut current: Option<Runner> = None;
    for line in input.lines() {
        let line = line?;
        if line.trim().is_empty() {
            continue;
        }
        let answer = match serde_json::from_str::<Value>(&line) {
            Ok(req) => {
                if req["cmd"] == "quit" {
                    break;
                }
                handle(&req, &mut current).unwrap_or_else(|e| json!({"ok": false, "error": e}))
            }
            Err(e) => json!({"ok": false, "error": format!("bad request {line:?}: {e}")}),
        };
        writeln!(output, "{answer}")?;
        output.flush()?;
    }
    Ok(())
}

fn handle(req: &Value, current: &mut Option<Runner>) -> Result<Value, String> {
    match req["cmd"].as_str().unwrap_or("") {
        "info" => Ok(json!({"ok": true, "info": info()})),
        "stream" => {
            let n = req["n"].as_u64().unwrap_or(20_000_000).clamp(1, 1 << 30) as usize;
            let reps = req["reps"].as_u64().unwrap_or(5).clamp(1, 100) as usize;
            Ok(json!({"ok": true, "stream": crate::stream::stream(n, reps)?}))
        }
        "list" => Ok(json!({"ok": true, "workloads": table_json(&workloads())})),
        "setup" => {
            *current = None;
            let id = req["id"].as_str().ok_or("setup needs an id")?;
            let dims: Vec<usize> = req["dims"]
                .as_array()
                .ok_or("setup needs dims")?
                .iter()
                .map(|d| d.as_u64().map(|d| d as usize).ok_or("dims must be non-negative integers"))
                .collect::<Result<_, _>>()?;
            let w = workloads().into_iter().find(|w| w.id() == id).ok_or(format!("no workload {id:?}"))?;
            let mut run = guarded(|| (w.nprs)(&dims))?;
            let start = std::time::Instant::now();
            let out = guarded(&mut run)?;
            let first_s = start.elapsed().as_secs_f64();
            let answer = json!({
                "ok": true,
                "dtype": out.dtype(),
                "shape": out.shape(),
                "digest": out.digest(),
                "fingerprint": out.fingerprint(),
                "first_s": first_s,
            });
            *current = Some(run);
            Ok(answer)
        }
        "run" => {
            let run = current.as_mut().ok_or("run before setup")?;
            let inner = req["inner"].as_u64().unwrap_or(1).clamp(1, u64::from(u32::MAX)) as u32;
            let s = guarded(|| time_calls(run, inner))?;
            Ok(json!({"ok": true, "s": s}))
        }
        "drop" => {
            *current = None;
            Ok(json!({"ok": true}))
        }
        other => Err(format!("unknown command {other:?}")),
    }
}

/// Runs `f`, turning a panic into an error answer.
fn guarded<R>(f: impl FnOnce() -> R) -> Result<R, String> {
    catch_unwind(AssertUnwindSafe(f)).map_err(|p| {
        let msg = p
            .downcast_ref::<String>()
            .cloned()
            .or_else(|| p.downcast_ref::<&str>().map(|s| (*s).to_string()))
            .unwrap_or_else(|| "panic".into());
        format!("nprs panicked: {msg}")
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn talk(requests: &[Value]) -> Vec<Value> {
        let input: String = requests.iter().map(|r| format!("{r}\n")).collect();
        let mut out = Vec::new();
        serve(input.as_bytes(), &mut out).unwrap();
        String::from_utf8(out).unwrap().lines().map(|l| serde_json::from_str(l).unwrap()).collect()
    }

    #[test]
    fn setup_run_drop() {
        let w = workloads()[0];
        let answers = talk(&[
            json!({"cmd": "setup", "id": w.id(), "dims": w.test_dims}),
            json!({"cmd": "run", "inner": 3}),
            json!({"cmd": "drop"}),
            json!({"cmd": "run"}),
            json!({"cmd": "quit"}),
            json!({"cmd": "info"}),
        ]);
        assert_eq!(answers.len(), 4, "{answers:?}");
        assert_eq!(answers[0]["ok"], true);
        assert_eq!(answers[0]["shape"], json!(w.test_dims));
        assert!(answers[1]["s"].as_f64().unwrap() >= 0.0);
        assert_eq!(answers[2]["ok"], true);
        assert_eq!(answers[3], json!({"ok": false, "error": "run before setup"}));
    }

    #[test]
    fn bad_requests_get_errors() {
        let answers =
            talk(&[json!({"cmd": "setup", "id": "nope", "dims": [1]}), json!({"cmd": "fly"}), json!({"cmd": "list"})]);
        assert_eq!(answers[0]["error"], "no workload \"nope\"");
        assert_eq!(answers[1]["error"], "unknown command \"fly\"");
        assert_eq!(answers[2]["workloads"].as_array().unwrap().len(), workloads().len());
    }
}
