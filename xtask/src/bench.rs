//! `cargo xtask bench`: criterion benches and the side-by-side comparison with NumPy.
//!
//! - `cargo xtask bench [ARGS]`: `cargo bench -p nprs-benches [ARGS]`.
//! - `cargo xtask bench --compare [--quick] [--filter PATTERN] [--numpy-avx2] [--threads N]`:
//!   times every workload of the nprs-benches table in nprs (`nprs-compare`, a release build for the
//!   baseline target, never `target-cpu=native`) and in NumPy (`benches/numpy_compare.py`
//!   in `target/venv`), both long-lived processes driven one repetition at a time in
//!   alternation, then prints the table of medians and writes `target/bench/compare.md`,
//!   `compare.json` (the rows) and `compare-env.json` (machine and configurations).
//!
//! NumPy runs with `OPENBLAS_CORETYPE`, `OPENBLAS_L2_SIZE` and `NPY_DISABLE_CPU_FEATURES`
//! removed from its environment, so OpenBLAS picks its kernel itself. Workloads flagged
//! `numpy_avx512_slow` (all of them with `--numpy-avx2`) are also timed in a second NumPy
//! process with AVX-512 dispatch disabled, and the faster NumPy time is the one compared.
//! `--filter` keeps the workloads whose id contains the pattern, or any of its
//! comma-separated parts (`--filter "exp/,power"`). `--threads N` sets `RAYON_NUM_THREADS`
//! for nprs. docs/performance.md has the details.

use std::io::{BufRead, BufReader, Write};
use std::process::{Child, ChildStdin, ChildStdout, Command, Stdio};
use std::time::{Duration, Instant};

use serde_json::{Value, json};

use crate::util::{bench_python, cargo, root, run as run_cmd, target_dir};

/// NumPy 2.4's names of its AVX-512 dispatch targets; disabling them leaves AVX2 (X86_V3).
const NUMPY_AVX512_OFF: &str = "X86_V4 AVX512_ICL AVX512_SPR";

/// Variables removed from NumPy's environment (for both NumPy configurations).
const NUMPY_ENV_REMOVED: [&str; 3] = ["OPENBLAS_CORETYPE", "OPENBLAS_L2_SIZE", "NPY_DISABLE_CPU_FEATURES"];

/// Runs the criterion benches (arguments are passed to `cargo bench`), or the comparison
/// with NumPy when the arguments contain `--compare`.
pub fn run(args: &[String]) -> Result<(), String> {
    if args.iter().any(|a| a == "--compare") {
        return compare(&Options::parse(args)?);
    }
    run_cmd(cargo().args(["bench", "-p", "nprs-benches"]).args(args))
}

#[derive(Debug, Default)]
struct Options {
    quick: bool,
    filter: Option<String>,
    numpy_avx2_all: bool,
    /// `RAYON_NUM_THREADS` for the nprs side (its default: all CPUs).
    nprs_threads: Option<usize>,
}

impl Options {
    fn parse(args: &[String]) -> Result<Options, String> {
        let mut o = Options::default();
        let mut it = args.iter();
        while let Some(a) = it.next() {
            match a.as_str() {
                "--compare" => {}
                "--quick" => o.quick = true,
                "--numpy-avx2" => o.numpy_avx2_all = true,
                "--filter" => o.filter = Some(it.next().ok_or("--filter needs a pattern")?.clone()),
                "--threads" => {
                    let n = it.next().ok_or("--threads needs a number")?;
                    o.nprs_threads = Some(n.parse().map_err(|_| format!("--threads: bad number {n:?}"))?);
                }
                other => match other.strip_prefix("--filter=") {
                    Some(p) => o.filter = Some(p.to_string()),
                    None => {
                        return Err(format!(
                            "unknown option {other:?}; usage: cargo xtask bench --compare [--quick] \
                             [--filter PATTERN] [--numpy-avx2] [--threads N]"
                        ));
                    }
                },
            }
        }
        Ok(o)
    }

    fn params(&self) -> Params {
        if self.quick {
            Params { warmups: 1, reps: 5, min_rep_s: 0.05, max_workload_s: 8.0 }
        } else {
            Params { warmups: 3, reps: 21, min_rep_s: 0.25, max_workload_s: 90.0 }
        }
    }
}

/// How each workload is timed.
#[derive(Clone, Copy, Debug)]
struct Params {
    /// Untimed repetitions per side after the first call.
    warmups: u32,
    /// Timed repetitions per side (fewer if `max_workload_s` runs out, at least 3).
    reps: u32,
    /// Each repetition repeats the call until it lasts about this long.
    min_rep_s: f64,
    /// Time budget for the repetitions of one workload.
    max_workload_s: f64,
}

/// One long-lived process speaking the line protocol of `nprs_benches::serve`.
struct Side {
    name: &'static str,
    child: Child,
    stdin: ChildStdin,
    stdout: BufReader<ChildStdout>,
}

impl Side {
    fn spawn(name: &'static str, cmd: &mut Command) -> Result<Side, String> {
        let mut child = cmd
            .current_dir(root())
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .spawn()
            .map_err(|e| format!("cannot start {name} ({cmd:?}): {e}"))?;
        let stdin = child.stdin.take().ok_or("no stdin")?;
        let stdout = BufReader::new(child.stdout.take().ok_or("no stdout")?);
        Ok(Side { name, child, stdin, stdout })
    }

    fn ask(&mut self, req: &Value) -> Result<Value, String> {
        writeln!(self.stdin, "{req}").and_then(|()| self.stdin.flush()).map_err(|e| format!("{}: {e}", self.name))?;
        let mut line = String::new();
        self.stdout.read_line(&mut line).map_err(|e| format!("{}: {e}", self.name))?;
        if line.is_empty() {
            return Err(format!("{} exited while answering {req}", self.name));
        }
        let answer: Value =
            serde_json::from_str(&line).map_err(|e| format!("{}: bad answer {line:?}: {e}", self.name))?;
        if answer["ok"] == true {
            Ok(answer)
        } else {
            Err(format!("{} failed on {req}: {}", self.name, answer["error"]))
        }
    }

    fn time(&mut self, inner: u64) -> Result<f64, String> {
        let s = self.ask(&json!({"cmd": "run", "inner": inner}))?["s"].as_f64();
        self.settle();
        s.ok_or_else(|| format!("{}: no time", self.name))
    }

    /// Waits, up to 300 ms, until every thread of this side's process sleeps. A thread
    /// pool that spins after its work (OpenBLAS's threads spin for about 0.1 s after each
    /// BLAS call) would otherwise hold a core through the other side's next repetition.
    fn settle(&self) {
        let tasks = format!("/proc/{}/task", self.child.id());
        let start = Instant::now();
        while start.elapsed() < Duration::from_millis(300) {
            let Ok(dir) = std::fs::read_dir(&tasks) else { return };
            // A thread's state follows the closing parenthesis of its name in `stat`.
            let running = dir.filter_map(Result::ok).any(|t| {
                std::fs::read_to_string(t.path().join("stat"))
                    .is_ok_and(|s| s.rsplit_once(')').is_some_and(|(_, rest)| rest.trim_start().starts_with('R')))
            });
            if !running {
                return;
            }
            std::thread::sleep(Duration::from_millis(1));
        }
    }
}

impl Drop for Side {
    fn drop(&mut self) {
        let _ = writeln!(self.stdin, "{}", json!({"cmd": "quit"}));
        let _ = self.stdin.flush();
        let _ = self.child.wait();
    }
}

fn numpy_side(name: &'static str, python: &std::path::Path, avx512_off: bool) -> Result<Side, String> {
    let mut cmd = Command::new(python);
    cmd.arg(root().join("benches/numpy_compare.py")).arg("serve");
    for var in NUMPY_ENV_REMOVED {
        cmd.env_remove(var);
    }
    if avx512_off {
        cmd.env("NPY_DISABLE_CPU_FEATURES", NUMPY_AVX512_OFF);
    }
    Side::spawn(name, &mut cmd)
}

/// The measurements of one workload.
#[derive(Debug)]
struct Row {
    id: String,
    operation: String,
    size: String,
    nprs: Timing,
    numpy: Timing,
    numpy_avx512_off: Option<Timing>,
    same_result: bool,
}

/// One side's repetitions of one workload: seconds per call.
#[derive(Debug, Clone)]
struct Timing {
    per_call: Vec<f64>,
    inner: u64,
}

impl Timing {
    fn median(&self) -> f64 {
        let mut v = self.per_call.clone();
        v.sort_by(f64::total_cmp);
        let n = v.len();
        if n == 0 {
            f64::NAN
        } else if n % 2 == 1 {
            v[n / 2]
        } else {
            0.5 * (v[n / 2 - 1] + v[n / 2])
        }
    }

    fn min(&self) -> f64 {
        self.per_call.iter().copied().fold(f64::INFINITY, f64::min)
    }
}

impl Row {
    /// The NumPy time compared against: the faster configuration.
    fn numpy_best(&self) -> (f64, &'static str) {
        let default = self.numpy.median();
        match &self.numpy_avx512_off {
            Some(t) if t.median() < default => (t.median(), "AVX-512 off"),
            _ => (default, "default"),
        }
    }

    fn ratio(&self) -> f64 {
        self.nprs.median() / self.numpy_best().0
    }

    fn to_json(&self) -> Value {
        let (numpy_s, config) = self.numpy_best();
        json!({
            "operation": self.operation,
            "size": self.size,
            "nprs_s": self.nprs.median(),
            "numpy_s": numpy_s,
            "ratio": self.ratio(),
            "numpy_config": config,
            "numpy_default_s": self.numpy.median(),
            "numpy_avx512_off_s": self.numpy_avx512_off.as_ref().map(Timing::median),
            "nprs_min_s": self.nprs.min(),
            "numpy_default_min_s": self.numpy.min(),
            "reps": self.nprs.per_call.len(),
            "nprs_calls_per_rep": self.nprs.inner,
            "numpy_calls_per_rep": self.numpy.inner,
            "same_result": self.same_result,
            "id": self.id,
        })
    }
}

fn compare(opts: &Options) -> Result<(), String> {
    refuse_native_rustflags()?;
    let python = bench_python()?;
    run_cmd(cargo().args(["build", "--release", "-p", "nprs-benches", "--bin", "nprs-compare"]))?;
    let bin = target_dir().join("release/nprs-compare");
    let mut nprs_cmd = Command::new(&bin);
    nprs_cmd.arg("serve");
    if let Some(n) = opts.nprs_threads {
        nprs_cmd.env("RAYON_NUM_THREADS", n.to_string());
    }
    let mut nprs = Side::spawn("nprs", &mut nprs_cmd)?;
    let mut numpy = numpy_side("NumPy", &python, false)?;

    let table = nprs.ask(&json!({"cmd": "list"}))?["workloads"].as_array().cloned().unwrap_or_default();
    let selected: Vec<&Value> = table
        .iter()
        .filter(|w| {
            let id = w["id"].as_str().unwrap_or("");
            opts.filter.as_deref().is_none_or(|p| p.split(',').any(|q| id.contains(q)))
        })
        .collect();
    if selected.is_empty() {
        let ids: Vec<&str> = table.iter().filter_map(|w| w["id"].as_str()).collect();
        return Err(format!("no workload matches {:?}; the workloads are: {}", opts.filter, ids.join(", ")));
    }
    let needs_alt = opts.numpy_avx2_all || selected.iter().any(|w| w["numpy_avx512_slow"] == true);
    let mut alt = if needs_alt { Some(numpy_side("NumPy (AVX-512 off)", &python, true)?) } else { None };

    let mut env = json!({
        "date": utc_now(),
        "mode": if opts.quick { "quick" } else { "full" },
        "filter": opts.filter,
        "machine": machine_info(),
        "nprs": nprs.ask(&json!({"cmd": "info"}))?["info"],
        "numpy": numpy.ask(&json!({"cmd": "info"}))?["info"],
        "numpy_env_removed": NUMPY_ENV_REMOVED,
    });
    // The machine's memory bandwidth, against which streaming reductions are read.
    let reps = if opts.quick { 2 } else { 5 };
    env["stream"] = nprs.ask(&json!({"cmd": "stream", "n": 20_000_000, "reps": reps}))?["stream"].clone();
    if let Some(alt) = alt.as_mut() {
        env["numpy_avx512_off"] = alt.ask(&json!({"cmd": "info"}))?["info"].clone();
        env["numpy_avx512_off"]["NPY_DISABLE_CPU_FEATURES"] = json!(NUMPY_AVX512_OFF);
    }

    let params = opts.params();
    let started = Instant::now();
    let mut rows = Vec::new();
    for w in selected {
        let use_alt = opts.numpy_avx2_all || w["numpy_avx512_slow"] == true;
        let alt = if use_alt { alt.as_mut() } else { None };
        let row = measure(w, params, &mut nprs, &mut numpy, alt)?;
        eprintln!(
            "{:<40} nprs {:>10}  NumPy {:>10}  ratio {:.2}{}",
            row.id,
            fmt_time(row.nprs.median()),
            fmt_time(row.numpy_best().0),
            row.ratio(),
            if row.same_result { "" } else { "  RESULTS DIFFER" }
        );
        rows.push(row);
    }
    eprintln!("timed {} workloads in {:.1} s", rows.len(), started.elapsed().as_secs_f64());
    env["machine"]["loadavg_end"] = json!(loadavg());

    let md = markdown(&rows, &env);
    println!("{md}");
    let dir = target_dir().join("bench");
    std::fs::create_dir_all(&dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    let json_rows: Vec<Value> = rows.iter().map(Row::to_json).collect();
    let files = [
        ("compare.md", md),
        ("compare.json", format!("{:#}\n", Value::Array(json_rows))),
        ("compare-env.json", format!("{env:#}\n")),
    ];
    for (name, text) in files {
        std::fs::write(dir.join(name), text).map_err(|e| format!("{name}: {e}"))?;
    }
    eprintln!("wrote {}/compare.md, compare.json, compare-env.json", dir.display());
    let differ: Vec<&str> = rows.iter().filter(|r| !r.same_result).map(|r| r.id.as_str()).collect();
    if differ.is_empty() { Ok(()) } else { Err(format!("nprs and NumPy results differ for: {}", differ.join(", "))) }
}

/// Sets up one workload on every side, checks the results agree, warms up and times it
/// in alternation.
fn measure(w: &Value, p: Params, nprs: &mut Side, numpy: &mut Side, alt: Option<&mut Side>) -> Result<Row, String> {
    let id = w["id"].as_str().unwrap_or_default().to_string();
    let setup = json!({
        "cmd": "setup",
        "id": id,
        "dims": w["dims"],
        "setup": w["numpy_setup"],
        "run": w["numpy_run"],
    });
    let mut sides: Vec<&mut Side> = vec![nprs, numpy];
    sides.extend(alt);
    let mut answers = Vec::new();
    for side in &mut sides {
        answers.push(side.ask(&setup)?);
        side.settle();
    }
    // FFT results round differently in every library: those rows compare fingerprints.
    let approximate = w["area"] == "fft";
    let same_result = answers.iter().skip(1).all(|a| {
        ["dtype", "shape"].iter().all(|k| a[*k] == answers[0][*k])
            && (a["digest"] == answers[0]["digest"]
                || (approximate && fingerprints_close(&a["fingerprint"], &answers[0]["fingerprint"], &a["dtype"])))
    });
    if !same_result {
        for (side, a) in sides.iter().zip(&answers) {
            eprintln!("{id}: {} gives dtype {} shape {} digest {}", side.name, a["dtype"], a["shape"], a["digest"]);
        }
    }

    // Warm-up with single calls; the last one sets how many calls make a repetition.
    let mut inner = vec![1u64; sides.len()];
    for (k, side) in sides.iter_mut().enumerate() {
        let mut s = answers[k]["first_s"].as_f64().unwrap_or(0.0);
        for _ in 0..p.warmups {
            s = side.time(1)?;
        }
        inner[k] = ((p.min_rep_s / s.max(1e-9)).ceil() as u64).clamp(1, 1_000_000);
    }

    let mut per_call = vec![Vec::new(); sides.len()];
    let start = Instant::now();
    for r in 0..p.reps {
        // Alternate the order too, so neither side always runs right after the other.
        let order: Vec<usize> = if r % 2 == 0 { (0..sides.len()).collect() } else { (0..sides.len()).rev().collect() };
        for k in order {
            per_call[k].push(sides[k].time(inner[k])?);
        }
        if r + 1 >= 3 && start.elapsed().as_secs_f64() > p.max_workload_s {
            break;
        }
    }
    for side in &mut sides {
        side.ask(&json!({"cmd": "drop"}))?;
    }
    let mut timings = per_call.into_iter().zip(inner).map(|(per_call, inner)| Timing { per_call, inner });
    let nprs = timings.next().ok_or("no nprs timing")?;
    let numpy = timings.next().ok_or("no NumPy timing")?;
    Ok(Row {
        id,
        operation: w["name"].as_str().unwrap_or_default().to_string(),
        size: w["size"].as_str().unwrap_or_default().to_string(),
        nprs,
        numpy,
        numpy_avx512_off: timings.next(),
        same_result,
    })
}

/// Whether two result fingerprints (`[Σ|x|, Σ c·Re x, Σ c·Im x]`, `c ≤ 17`) agree within
/// `1e-9` (double) or `1e-4` (single precision) of `17 · Σ|x|`.
fn fingerprints_close(a: &Value, b: &Value, dtype: &Value) -> bool {
    let (Some(a), Some(b)) = (a.as_array(), b.as_array()) else { return false };
    let v = |x: &Value| x.as_f64().unwrap_or(f64::NAN);
    let single = matches!(dtype.as_str(), Some("float32" | "complex64"));
    let tol = if single { 1e-4 } else { 1e-9 } * 17.0 * v(&a[0]).abs().max(f64::MIN_POSITIVE);
    a.len() == 3 && b.len() == 3 && a.iter().zip(b).all(|(x, y)| (v(x) - v(y)).abs() <= tol)
}

/// The benchmark binary must be built for the baseline target: no `target-cpu` in any
/// RUSTFLAGS variable.
fn refuse_native_rustflags() -> Result<(), String> {
    for (k, v) in std::env::vars() {
        if k.ends_with("RUSTFLAGS") && v.contains("target-cpu") {
            return Err(format!(
                "{k}={v:?} sets target-cpu; the comparison builds nprs for the baseline target \
                 only (unset it)"
            ));
        }
    }
    Ok(())
}

fn machine_info() -> Value {
    let cpuinfo = std::fs::read_to_string("/proc/cpuinfo").unwrap_or_default();
    let field = |name: &str| {
        cpuinfo.lines().find_map(|l| {
            let (k, v) = l.split_once(':')?;
            (k.trim() == name).then(|| v.trim().to_string())
        })
    };
    let thp = std::fs::read_to_string("/sys/kernel/mm/transparent_hugepage/enabled").ok().map(|s| s.trim().to_string());
    json!({
        "cpu_model": field("model name"),
        "cpu_vendor": field("vendor_id"),
        "cpu_family": field("cpu family"),
        "cpu_model_number": field("model"),
        "logical_cpus": std::thread::available_parallelism().map(usize::from).ok(),
        "os": std::env::consts::OS,
        "arch": std::env::consts::ARCH,
        "transparent_hugepage": thp,
        "loadavg_start": loadavg(),
    })
}

/// The 1-minute load average: other work on the machine while timing adds noise.
fn loadavg() -> Option<f64> {
    std::fs::read_to_string("/proc/loadavg").ok()?.split_whitespace().next()?.parse().ok()
}

fn markdown(rows: &[Row], env: &Value) -> String {
    let mut s = String::new();
    s.push_str("| operation | size | nprs median | NumPy median | nprs/NumPy | NumPy config |\n");
    s.push_str("|---|---|---:|---:|---:|---|\n");
    for r in rows {
        let (numpy_s, config) = r.numpy_best();
        let config = match &r.numpy_avx512_off {
            Some(off) if config == "default" => format!("default (AVX-512 off: {})", fmt_time(off.median())),
            Some(_) => format!("AVX-512 off (default: {})", fmt_time(r.numpy.median())),
            None => config.to_string(),
        };
        let flag = if r.same_result { "" } else { " **results differ**" };
        s.push_str(&format!(
            "| {} | {} | {} | {} | {:.2} | {config}{flag} |\n",
            r.operation,
            r.size,
            fmt_time(r.nprs.median()),
            fmt_time(numpy_s),
            r.ratio()
        ));
    }
    s.push('\n');
    s.push_str(&environment_notes(rows, env));
    s
}

fn environment_notes(rows: &[Row], env: &Value) -> String {
    let m = &env["machine"];
    let n = &env["nprs"];
    let np = &env["numpy"];
    let str_of = |v: &Value| v.as_str().map_or_else(|| v.to_string(), str::to_string);
    let mut s = String::new();
    s.push_str(&format!("- Date: {} ({} run", str_of(&env["date"]), str_of(&env["mode"])));
    let reps = rows.iter().map(|r| r.nprs.per_call.len()).max().unwrap_or(0);
    s.push_str(&format!(", up to {reps} alternating repetitions per side; medians)\n"));
    s.push_str(&format!(
        "- CPU: {} (vendor {}, family {}, model {}), {} logical CPUs, transparent hugepages `{}`, \
         load average {} at the start, {} at the end\n",
        str_of(&m["cpu_model"]),
        str_of(&m["cpu_vendor"]),
        str_of(&m["cpu_family"]),
        str_of(&m["cpu_model_number"]),
        str_of(&m["logical_cpus"]),
        str_of(&m["transparent_hugepage"]),
        str_of(&m["loadavg_start"]),
        str_of(&m["loadavg_end"]),
    ));
    s.push_str(&format!(
        "- nprs {}: release build for the baseline x86-64 target (no target-cpu), {} rayon threads; \
         CPU features detected at run time: {}\n",
        str_of(&n["version"]),
        str_of(&n["threads"]),
        n["cpu_features_detected"]
            .as_array()
            .map(|a| a.iter().map(str_of).collect::<Vec<_>>().join(", "))
            .unwrap_or_default(),
    ));
    s.push_str(&format!(
        "- NumPy {} (Python {}): elementwise loops single-threaded; SIMD baseline {}, dispatch found {}\n",
        str_of(&np["numpy"]),
        str_of(&np["python"]),
        str_of(&np["simd"]["baseline"]),
        str_of(&np["simd"]["found"]),
    ));
    s.push_str(&format!(
        "- NumPy BLAS build: {} (`{}`)\n",
        str_of(&np["blas"]["name"]),
        str_of(&np["blas"]["openblas configuration"]),
    ));
    s.push_str(&stream_notes(rows, &env["stream"]));
    match np["threadpools"].as_array() {
        Some(pools) => {
            for p in pools {
                s.push_str(&format!(
                    "- NumPy thread pool (threadpoolctl {}): {} {} `{}`, internal_api {}, architecture {}, \
                     {} threads, threading layer {}\n",
                    str_of(&np["threadpoolctl"]),
                    str_of(&p["user_api"]),
                    str_of(&p["version"]),
                    str_of(&p["prefix"]),
                    str_of(&p["internal_api"]),
                    str_of(&p["architecture"]),
                    str_of(&p["num_threads"]),
                    str_of(&p["threading_layer"]),
                ));
            }
        }
        None => s.push_str(&format!("- NumPy thread pools: {}\n", str_of(&np["threadpools"]))),
    }
    s.push_str(&format!(
        "- NumPy environment: {} removed (OpenBLAS chooses its kernel itself)\n",
        NUMPY_ENV_REMOVED.map(|v| format!("`{v}`")).join(", ")
    ));
    if let Some(off) = env.get("numpy_avx512_off") {
        s.push_str(&format!(
            "- NumPy \"AVX-512 off\": `NPY_DISABLE_CPU_FEATURES=\"{NUMPY_AVX512_OFF}\"`, dispatch found {}\n",
            str_of(&off["simd"]["found"]),
        ));
    }
    s
}

/// Rows that read their 10⁷ `float64` input once and write (almost) nothing: their
/// bytes per second are read against STREAM's rates.
const STREAMING: [&str; 4] = ["sum", "max", "min", "mean"];

/// The STREAM line of the notes, and the read rate of the streaming reductions.
fn stream_notes(rows: &[Row], stream: &Value) -> String {
    let (Some(triad), Some(copy)) = (stream["triad"].as_f64(), stream["copy"].as_f64()) else {
        return String::new();
    };
    let one = &stream["one_thread"];
    let mut s = format!(
        "- Memory bandwidth (STREAM kernels over {} float64, best of the run): triad {triad:.1} GB/s, \
         copy {copy:.1} GB/s with {} threads; triad {:.1} GB/s, copy {:.1} GB/s with one\n",
        stream["n"],
        stream["threads"],
        one["triad"].as_f64().unwrap_or(f64::NAN),
        one["copy"].as_f64().unwrap_or(f64::NAN),
    );
    let reads: Vec<String> = rows
        .iter()
        .filter(|r| STREAMING.contains(&r.operation.as_str()) && r.size == "1e7 f64")
        .map(|r| {
            let gbs = 8e7 / r.nprs.median() / 1e9;
            format!("`{}` {gbs:.1} GB/s ({:.0}% of triad)", r.operation, 100.0 * gbs / triad)
        })
        .collect();
    if !reads.is_empty() {
        s.push_str(&format!("- Streaming reductions of 1e7 float64, nprs's read rate: {}\n", reads.join(", ")));
    }
    s
}

/// Seconds with three significant digits and a unit.
fn fmt_time(s: f64) -> String {
    let (v, unit) = if s >= 1.0 {
        (s, "s")
    } else if s >= 1e-3 {
        (s * 1e3, "ms")
    } else if s >= 1e-6 {
        (s * 1e6, "µs")
    } else {
        (s * 1e9, "ns")
    };
    if !v.is_finite() {
        "n/a".into()
    } else if v >= 100.0 {
        format!("{v:.0} {unit}")
    } else if v >= 10.0 {
        format!("{v:.1} {unit}")
    } else {
        format!("{v:.2} {unit}")
    }
}

/// The current UTC date and time, `YYYY-MM-DD HH:MM UTC`.
fn utc_now() -> String {
    let secs = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_secs());
    let (days, rem) = (secs / 86_400, secs % 86_400);
    // Civil date from days since 1970-01-01 (proleptic Gregorian), era-based.
    let z = days as i64 + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!("{year:04}-{month:02}-{day:02} {:02}:{:02} UTC", rem / 3_600, rem % 3_600 / 60)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn options_parse() {
        let args: Vec<String> = ["--compare", "--quick", "--filter", "add"].iter().map(ToString::to_string).collect();
        let o = Options::parse(&args).unwrap();
        assert!(o.quick && !o.numpy_avx2_all);
        assert_eq!(o.filter.as_deref(), Some("add"));
        assert!(Options::parse(&["--compare".into(), "--bogus".into()]).is_err());
        assert!(Options::parse(&["--filter".into()]).is_err());
    }

    #[test]
    fn medians_and_formatting() {
        let t = Timing { per_call: vec![3.0, 1.0, 2.0, 10.0], inner: 1 };
        assert_eq!(t.median(), 2.5);
        assert_eq!(t.min(), 1.0);
        assert_eq!(fmt_time(0.012_345), "12.3 ms");
        assert_eq!(fmt_time(1.5e-6), "1.50 µs");
        assert_eq!(fmt_time(250.0), "250 s");
    }

    #[test]
    fn fingerprints_agree_within_the_precision_tolerance() {
        let a = json!([100.0, 5.0, -3.0]);
        assert!(fingerprints_close(&a, &json!([100.0, 5.0 + 1e-8, -3.0]), &json!("complex128")));
        assert!(!fingerprints_close(&a, &json!([100.0, 5.001, -3.0]), &json!("complex128")));
        assert!(fingerprints_close(&a, &json!([100.0, 5.001, -3.0]), &json!("complex64")));
        assert!(!fingerprints_close(&a, &json!([100.0]), &json!("complex128")));
    }

    #[test]
    fn best_numpy_configuration_is_compared() {
        let t = |s: f64| Timing { per_call: vec![s], inner: 1 };
        let mut row = Row {
            id: "sort/1e7".into(),
            operation: "sort".into(),
            size: "1e7".into(),
            nprs: t(1.0),
            numpy: t(5.0),
            numpy_avx512_off: Some(t(2.0)),
            same_result: true,
        };
        assert_eq!(row.numpy_best(), (2.0, "AVX-512 off"));
        assert_eq!(row.ratio(), 0.5);
        row.numpy_avx512_off = Some(t(6.0));
        assert_eq!(row.numpy_best(), (5.0, "default"));
    }

    #[test]
    fn streaming_rows_are_read_against_stream() {
        let t = |s: f64| Timing { per_call: vec![s], inner: 1 };
        let row = |op: &str, size: &str| Row {
            id: format!("{op}/{size}"),
            operation: op.into(),
            size: size.into(),
            nprs: t(0.01),
            numpy: t(0.01),
            numpy_avx512_off: None,
            same_result: true,
        };
        let rows = [row("sum", "1e7 f64"), row("sum", "1e7 f32"), row("sort", "1e7 f64")];
        let stream = json!({"n": 100, "threads": 2, "copy": 12.0, "triad": 16.0,
                            "one_thread": {"copy": 6.0, "triad": 8.0}});
        let notes = stream_notes(&rows, &stream);
        assert!(notes.contains("triad 16.0 GB/s, copy 12.0 GB/s with 2 threads; triad 8.0 GB/s"), "{notes}");
        // 8e7 bytes in 10 ms: 8 GB/s, half of triad; the f32 and sort rows are not read.
        assert!(notes.ends_with("read rate: `sum` 8.0 GB/s (50% of triad)\n"), "{notes}");
        assert_eq!(stream_notes(&rows, &Value::Null), "");
    }
}
