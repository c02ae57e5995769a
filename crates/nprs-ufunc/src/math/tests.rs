//! Accuracy, flag and consistency tests of the math kernels against NumPy.
//!
//! Expected values come from NumPy: the `umath-validation-set-*.csv` files its wheel ships
//! (found through the test virtualenv's Python; a missing file fails), and NumPy run on
//! random inputs over each function's domain. ULP bounds are the ones in those files.

use super::Tier;
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::process::Command;

type K64 = fn(Tier, &[f64], &mut [f64]);
type K32 = fn(Tier, &[f32], &mut [f32]);

/// The functions under test: NumPy name, the `f64` and `f32` kernels on a tier.
const FUNCS: &[(&str, K64, K32)] = &[
    ("exp", super::exp_f64_on, super::exp_f32_on),
    ("log", super::log_f64_on, super::log_f32_on),
    ("sin", super::sin_f64_on, super::sin_f32_on),
    ("cos", super::cos_f64_on, super::cos_f32_on),
    ("tanh", super::tanh_f64_on, super::tanh_f32_on),
    ("exp2", super::exp2_f64_on, super::exp2_f32_on),
    ("expm1", super::expm1_f64_on, super::expm1_f32_on),
    ("log2", super::log2_f64_on, super::log2_f32_on),
    ("log10", super::log10_f64_on, super::log10_f32_on),
    ("log1p", super::log1p_f64_on, super::log1p_f32_on),
    ("sinh", super::sinh_f64_on, super::sinh_f32_on),
    ("cosh", super::cosh_f64_on, super::cosh_f32_on),
    ("arctan", super::arctan_f64_on, super::arctan_f32_on),
    ("tan", super::tan_f64_on, super::tan_f32_on),
    ("cbrt", super::cbrt_f64_on, super::cbrt_f32_on),
];

fn venv_python() -> PathBuf {
    let py = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../target/venv/bin/python");
    assert!(
        py.exists(),
        "the NumPy virtualenv is missing ({}): run `cargo xtask test`, which creates it",
        py.display()
    );
    py
}

fn python(script: &str, args: &[&str]) -> String {
    let out = Command::new(venv_python()).arg("-c").arg(script).args(args).output().expect("run python");
    assert!(out.status.success(), "python failed: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).expect("utf-8")
}

fn validation_dir() -> PathBuf {
    let dir = python("import numpy, os; print(os.path.dirname(numpy.__file__))", &[]);
    Path::new(dir.trim()).join("_core/tests/data")
}

/// One row of a validation file: dtype is 32 or 64, input and output bits, ulp bound.
struct Row {
    bits: u32,
    input: u64,
    output: u64,
    ulp: u64,
}

fn read_rows(name: &str) -> Vec<Row> {
    let path = validation_dir().join(format!("umath-validation-set-{name}.csv"));
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let mut rows = Vec::new();
    for line in text.lines().skip(1) {
        if line.starts_with('#') || line.starts_with('$') || line.trim().is_empty() {
            continue;
        }
        let f: Vec<&str> = line.split(',').map(str::trim).collect();
        let bits = match f[0] {
            "np.float32" => 32,
            "np.float64" => 64,
            "np.float16" => continue,
            other => panic!("{name}: unknown dtype {other}"),
        };
        let hex = |s: &str| u64::from_str_radix(s.trim_start_matches("0x"), 16).expect("hex");
        rows.push(Row { bits, input: hex(f[1]), output: hex(f[2]), ulp: f[3].parse().expect("ulp") });
    }
    assert!(!rows.is_empty(), "{name}: no rows");
    rows
}

/// NumPy's bound for a function and dtype: the largest bound in its validation file.
fn bound(name: &str, bits: u32) -> u64 {
    read_rows(name).iter().filter(|r| r.bits == bits).map(|r| r.ulp).max().expect("rows of the dtype")
}

/// Distance in ulps as `numpy.testing.assert_array_max_ulp` counts it (NaNs are equal).
fn ulps64(a: f64, b: f64) -> u64 {
    if a.is_nan() && b.is_nan() {
        return 0;
    }
    if a.is_nan() || b.is_nan() {
        return u64::MAX;
    }
    let key = |x: f64| {
        let i = x.to_bits().cast_signed();
        if i < 0 { i64::MIN - i } else { i }
    };
    key(a).abs_diff(key(b))
}

fn ulps32(a: f32, b: f32) -> u64 {
    if a.is_nan() && b.is_nan() {
        return 0;
    }
    if a.is_nan() || b.is_nan() {
        return u64::MAX;
    }
    let key = |x: f32| {
        let i = x.to_bits().cast_signed();
        i64::from(if i < 0 { i32::MIN - i } else { i })
    };
    key(a).abs_diff(key(b))
}

#[test]
fn validation_files_pass_within_numpys_bounds() {
    for &(name, k64, k32) in FUNCS {
        let rows = read_rows(name);
        for t in Tier::ALL {
            let xs: Vec<f64> = rows.iter().filter(|r| r.bits == 64).map(|r| f64::from_bits(r.input)).collect();
            let want: Vec<&Row> = rows.iter().filter(|r| r.bits == 64).collect();
            let mut got = vec![0.0; xs.len()];
            k64(t, &xs, &mut got);
            for ((r, g), x) in want.iter().zip(&got).zip(&xs) {
                let e = f64::from_bits(r.output);
                let d = ulps64(*g, e);
                assert!(d <= r.ulp, "{name} f64 {t:?}: {x:e} -> {g:e}, expected {e:e} ({d} ulp)");
            }
            let xs: Vec<f32> = rows.iter().filter(|r| r.bits == 32).map(|r| f32::from_bits(r.input as u32)).collect();
            let want: Vec<&Row> = rows.iter().filter(|r| r.bits == 32).collect();
            let mut got = vec![0.0; xs.len()];
            k32(t, &xs, &mut got);
            for ((r, g), x) in want.iter().zip(&got).zip(&xs) {
                let e = f32::from_bits(r.output as u32);
                let d = ulps32(*g, e);
                assert!(d <= r.ulp, "{name} f32 {t:?}: {x:e} -> {g:e}, expected {e:e} ({d} ulp)");
            }
        }
    }
}

/// The functions with only a `float32` kernel.
const FUNCS_F32: &[(&str, K32)] = &[
    ("arcsin", super::arcsin_f32_on),
    ("arccos", super::arccos_f32_on),
    ("arcsinh", super::arcsinh_f32_on),
    ("arccosh", super::arccosh_f32_on),
    ("arctanh", super::arctanh_f32_on),
];

#[test]
fn validation_files_pass_within_numpys_bounds_f32_only() {
    for &(name, k32) in FUNCS_F32 {
        let rows: Vec<Row> = read_rows(name).into_iter().filter(|r| r.bits == 32).collect();
        let xs: Vec<f32> = rows.iter().map(|r| f32::from_bits(r.input as u32)).collect();
        for t in Tier::ALL {
            let mut got = vec![0.0; xs.len()];
            k32(t, &xs, &mut got);
            for ((r, g), x) in rows.iter().zip(&got).zip(&xs) {
                let e = f32::from_bits(r.output as u32);
                let d = ulps32(*g, e);
                assert!(d <= r.ulp, "{name} f32 {t:?}: {x:e} -> {g:e}, expected {e:e} ({d} ulp)");
            }
        }
    }
}

/// The float64 loops of the inverse functions without a SIMD kernel of nprs's own (the C
/// library's `asin`, `acos`, `asinh`, `acosh`, `atanh`) pass NumPy's float64 validation rows.
#[test]
fn validation_files_pass_within_numpys_bounds_f64_c_library() {
    use nprs_core::kernel::ElemUnary;
    type F64Fn = fn(f64) -> f64;
    let funcs: [(&str, F64Fn); 5] = [
        ("arcsin", <super::Arcsin as ElemUnary<f64>>::elem),
        ("arccos", <super::Arccos as ElemUnary<f64>>::elem),
        ("arcsinh", <super::Arcsinh as ElemUnary<f64>>::elem),
        ("arccosh", <super::Arccosh as ElemUnary<f64>>::elem),
        ("arctanh", <super::Arctanh as ElemUnary<f64>>::elem),
    ];
    for (name, f) in funcs {
        let rows: Vec<Row> = read_rows(name).into_iter().filter(|r| r.bits == 64).collect();
        for r in &rows {
            let (x, e) = (f64::from_bits(r.input), f64::from_bits(r.output));
            let g = f(x);
            let d = ulps64(g, e);
            assert!(d <= r.ulp, "{name} f64: {x:e} -> {g:e}, expected {e:e} ({d} ulp)");
        }
        eprintln!("{name} f64: {} validation rows", rows.len());
    }
}

#[test]
fn random_inputs_match_numpy_within_its_bounds_f32_only() {
    for (fi, &(name, k32)) in FUNCS_F32.iter().enumerate() {
        let b = bound(name, 32);
        let mut r = Rng(900 + fi as u64);
        #[allow(clippy::cast_possible_truncation, reason = "f32 inputs")]
        let x: Vec<f32> = (0..N_RANDOM)
            .map(|i| match i % 3 {
                0 => f32::from_bits(r.next() as u32),
                1 => (-1.2 + 2.4 * r.unit()) as f32,
                _ => ((60.0 * r.unit() - 40.0).exp2() * if r.next() & 1 == 0 { 1.0 } else { -1.0 }) as f32,
            })
            .collect();
        let wide: Vec<u8> = x.iter().flat_map(|v| f64::from(*v).to_le_bytes()).collect();
        #[allow(clippy::cast_possible_truncation, reason = "rounding to f32 is the point")]
        let want: Vec<f32> = numpy_of(name, "float64", &wide)
            .chunks_exact(8)
            .map(|c| f64::from_le_bytes(c.try_into().expect("8 bytes")) as f32)
            .collect();
        let mut got = vec![0.0; x.len()];
        pieces(&x, &mut got, |a, o| k32(super::tier(), a, o));
        let mut worst = 0;
        for i in 0..x.len() {
            let d = ulps32(got[i], want[i]);
            assert!(d <= b, "{name} f32: {:e} -> {:e}, NumPy (float64) {:e} ({d} ulp > {b})", x[i], got[i], want[i]);
            worst = worst.max(d);
        }
        for t in Tier::ALL {
            let mut other = vec![0.0; x.len()];
            k32(t, &x, &mut other);
            assert!(other.iter().zip(&got).all(|(a, b)| a.to_bits() == b.to_bits()), "{name} f32 {t:?}");
        }
        eprintln!("{name} f32: {} inputs, worst {worst} ulp from NumPy's float64 result (bound {b})", x.len());
    }
}

/// A small deterministic generator (splitmix64).
struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }
    fn unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }
}

/// Inputs over the whole domain: a third any bit pattern, a third uniform over the range
/// where the function's result is neither saturated nor trivial, a third log-uniform in
/// magnitude over that range.
fn inputs(name: &str, n: usize, seed: u64, f32_range: bool) -> Vec<f64> {
    let (lo, hi) = match (name, f32_range) {
        ("exp" | "expm1", false) => (-750.0, 712.0),
        ("exp" | "expm1", true) => (-105.0, 90.0),
        ("exp2", false) => (-1100.0, 1030.0),
        ("exp2", true) => (-160.0, 130.0),
        ("sinh" | "cosh", false) => (-720.0, 720.0),
        ("sinh" | "cosh", true) => (-95.0, 95.0),
        ("tanh", _) => (-25.0, 25.0),
        ("log" | "log2" | "log10", _) => (0.0, 1e6),
        ("log1p", _) => (-1.0, 1e6),
        _ => (-1e5, 1e5),
    };
    let mut r = Rng(seed);
    (0..n)
        .map(|i| match i % 3 {
            0 => {
                if f32_range {
                    f64::from(f32::from_bits(r.next() as u32))
                } else {
                    f64::from_bits(r.next())
                }
            }
            1 => lo + (hi - lo) * r.unit(),
            _ => {
                let mag = (hi - lo) / 2.0 * (-40.0 * r.unit()).exp2();
                if r.next() & 1 == 0 && lo < 0.0 { -mag } else { mag }
            }
        })
        .collect()
}

/// A fresh temporary folder (tests run in parallel).
fn temp_dir() -> PathBuf {
    static N: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
    let n = N.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let dir = std::env::temp_dir().join(format!("nprs-math-{}-{n}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    dir
}

/// NumPy's `np.<name>` of `x` (as `dtype`), through a file.
fn numpy_of(name: &str, dtype: &str, bytes: &[u8]) -> Vec<u8> {
    let dir = temp_dir();
    let inp = dir.join(format!("{name}-{dtype}.in"));
    let outp = dir.join(format!("{name}-{dtype}.out"));
    std::fs::write(&inp, bytes).expect("write input");
    python(
        "import sys, numpy as np\n\
         name, dt, i, o = sys.argv[1:]\n\
         x = np.fromfile(i, dtype=dt)\n\
         with np.errstate(all='ignore'):\n    getattr(np, name)(x).tofile(o)\n",
        &[name, dtype, inp.to_str().expect("path"), outp.to_str().expect("path")],
    );
    let out = std::fs::read(&outp).expect("read output");
    let _ = std::fs::remove_dir_all(&dir);
    out
}

/// Runs `k` over `x` in pieces of varied lengths (vector bodies and every tail length).
fn pieces<T: Copy + Default>(x: &[T], out: &mut [T], mut k: impl FnMut(&[T], &mut [T])) {
    let lens = [1usize, 2, 3, 5, 7, 8, 9, 15, 16, 17, 31, 33, 64, 100, 1000, 4099];
    let mut i = 0;
    let mut j = 0;
    while i < x.len() {
        let l = lens[j % lens.len()].min(x.len() - i);
        k(&x[i..i + l], &mut out[i..i + l]);
        i += l;
        j += 1;
    }
}

const N_RANDOM: usize = 300_000;

#[test]
fn random_inputs_match_numpy_within_its_bounds_f64() {
    for (fi, &(name, k64, _)) in FUNCS.iter().enumerate() {
        let b = bound(name, 64);
        let x = inputs(name, N_RANDOM, 11 + fi as u64, false);
        let bytes: Vec<u8> = x.iter().flat_map(|v| v.to_le_bytes()).collect();
        let want: Vec<f64> = numpy_of(name, "float64", &bytes)
            .chunks_exact(8)
            .map(|c| f64::from_le_bytes(c.try_into().expect("8 bytes")))
            .collect();
        let mut got = vec![0.0; x.len()];
        pieces(&x, &mut got, |a, o| k64(super::tier(), a, o));
        let mut worst = 0;
        for i in 0..x.len() {
            let d = ulps64(got[i], want[i]);
            assert!(d <= b, "{name} f64: {:e} -> {:e}, NumPy {:e} ({d} ulp > {b})", x[i], got[i], want[i]);
            worst = worst.max(d);
        }
        // Every tier and the one-element form give the same bits.
        for t in Tier::ALL {
            let mut other = vec![0.0; x.len()];
            k64(t, &x, &mut other);
            for i in 0..x.len() {
                assert_eq!(other[i].to_bits(), got[i].to_bits(), "{name} f64 {t:?} at {:e}", x[i]);
            }
        }
        for i in (0..x.len()).step_by(97) {
            let mut one = [0.0];
            k64(super::tier(), &x[i..=i], &mut one);
            assert_eq!(one[0].to_bits(), got[i].to_bits(), "{name} f64 element {:e}", x[i]);
        }
        eprintln!("{name} f64: {} inputs, worst {worst} ulp from NumPy (bound {b})", x.len());
    }
}

#[test]
fn random_inputs_match_numpy_within_its_bounds_f32() {
    for (fi, &(name, _, k32)) in FUNCS.iter().enumerate() {
        let b = bound(name, 32);
        #[allow(clippy::cast_possible_truncation, reason = "f32 inputs")]
        let x: Vec<f32> = inputs(name, N_RANDOM, 101 + fi as u64, true).iter().map(|&v| v as f32).collect();
        let bytes: Vec<u8> = x.iter().flat_map(|v| v.to_le_bytes()).collect();
        let np32: Vec<f32> = numpy_of(name, "float32", &bytes)
            .chunks_exact(4)
            .map(|c| f32::from_le_bytes(c.try_into().expect("4 bytes")))
            .collect();
        // The reference: NumPy's float64 result rounded to float32 (NumPy's float32 loop is
        // itself up to its bound away from the true value).
        let wide: Vec<u8> = x.iter().flat_map(|v| f64::from(*v).to_le_bytes()).collect();
        #[allow(clippy::cast_possible_truncation, reason = "rounding to f32 is the point")]
        let want: Vec<f32> = numpy_of(name, "float64", &wide)
            .chunks_exact(8)
            .map(|c| f64::from_le_bytes(c.try_into().expect("8 bytes")) as f32)
            .collect();
        let mut got = vec![0.0; x.len()];
        pieces(&x, &mut got, |a, o| k32(super::tier(), a, o));
        let (mut worst, mut worst_np) = (0, 0);
        for i in 0..x.len() {
            let d = ulps32(got[i], want[i]);
            assert!(d <= b, "{name} f32: {:e} -> {:e}, NumPy (float64) {:e} ({d} ulp > {b})", x[i], got[i], want[i]);
            worst = worst.max(d);
            worst_np = worst_np.max(ulps32(got[i], np32[i]));
        }
        for t in Tier::ALL {
            let mut other = vec![0.0; x.len()];
            k32(t, &x, &mut other);
            for i in 0..x.len() {
                assert_eq!(other[i].to_bits(), got[i].to_bits(), "{name} f32 {t:?} at {:e}", x[i]);
            }
        }
        eprintln!(
            "{name} f32: {} inputs, worst {worst} ulp from NumPy's float64 result (bound {b}), {worst_np} from its float32 loop",
            x.len()
        );
    }
}

/// The hardware status flags as NumPy names them, after clearing them and running `f`.
fn flags_of(f: impl FnOnce()) -> Vec<&'static str> {
    clear_flags();
    f();
    read_flags()
}

#[cfg(target_arch = "x86_64")]
fn clear_flags() {
    let mut csr: u32 = 0;
    // SAFETY: stores the thread's MXCSR into a local, clears its six sticky status bits and
    // writes it back; rounding mode and masks are unchanged.
    unsafe {
        std::arch::asm!("stmxcsr [{p}]", p = in(reg) &raw mut csr, options(nostack, preserves_flags));
        csr &= !0x3f;
        std::arch::asm!("ldmxcsr [{p}]", p = in(reg) &raw const csr, options(nostack, preserves_flags));
    }
}

#[cfg(target_arch = "x86_64")]
fn read_flags() -> Vec<&'static str> {
    let mut csr: u32 = 0;
    // SAFETY: stores the thread's MXCSR into a local.
    unsafe {
        std::arch::asm!("stmxcsr [{p}]", p = in(reg) &raw mut csr, options(nostack, preserves_flags));
    }
    // NumPy's order: divide, overflow, underflow, invalid.
    [(4, "divide"), (8, "overflow"), (16, "underflow"), (1, "invalid")]
        .iter()
        .filter(|&&(bit, _)| csr & bit != 0)
        .map(|&(_, n)| n)
        .collect()
}

/// NumPy's flags as nprs must raise them: NumPy's float32 loops also raise underflow for
/// tiny arguments whose result is normal (`np.sin(np.float32(1e-20))`), an artefact of their
/// polynomial evaluation that nprs does not copy (docs/deviations.md); underflow counts
/// only when the result is tiny (subnormal, or zero from a nonzero argument).
fn numpy_flags(flags: &[String], tiny_result: bool) -> Vec<String> {
    flags.iter().filter(|f| tiny_result || f.as_str() != "underflow").cloned().collect()
}

/// Special values, each alone and as a whole vector: results bit for bit (NaN as NaN) and
/// the flags NumPy raises for it; ordinary arrays raise what NumPy raises on them (nothing).
#[cfg(target_arch = "x86_64")]
#[test]
fn special_values_and_flags_match_numpy() {
    let specials: [f64; 22] = [
        0.0,
        -0.0,
        f64::INFINITY,
        f64::NEG_INFINITY,
        f64::NAN,
        1e-310,
        -1e-310,
        5e-324,
        f64::MIN_POSITIVE,
        -1.0,
        1.0,
        1000.0,
        -1000.0,
        -720.0,
        709.8,
        -745.2,
        88.8,
        -103.0,
        1e300,
        -1e300,
        3e9,
        1e-200,
    ];
    // NumPy's result bits and flags for each (function, dtype, value), one line each.
    let script = "import sys, numpy as np\n\
        for name in sys.argv[2].split(','):\n\
        \x20   for dt in ('float64', 'float32'):\n\
        \x20       for v in sys.argv[1].split(','):\n\
        \x20           got = []\n\
        \x20           with np.errstate(all='ignore'):\n\
        \x20               x = np.full(19, float(v)).astype(dt)\n\
        \x20           with np.errstate(all='call', call=lambda e, f: got.append(e.split()[0])):\n\
        \x20               r = getattr(np, name)(x)\n\
        \x20           b = r[:1].view(np.uint64 if dt == 'float64' else np.uint32)[0]\n\
        \x20           print(name, dt, v, int(b), ' '.join(got))\n";
    let vals: Vec<String> = specials.iter().map(|v| format!("{v:e}")).collect();
    let names: Vec<&str> = FUNCS.iter().map(|f| f.0).chain(FUNCS_F32.iter().map(|f| f.0)).collect();
    let text = python(script, &[&vals.join(","), &names.join(",")]);
    let want: HashMap<(String, String, String), (u64, Vec<String>)> = text
        .lines()
        .map(|l| {
            let mut it = l.split(' ');
            let key = (it.next().unwrap().to_owned(), it.next().unwrap().to_owned(), it.next().unwrap().to_owned());
            let bits = it.next().unwrap().parse().unwrap();
            // The first word of NumPy's condition names: divide, overflow, underflow, invalid.
            let mut fl: Vec<String> = it.filter(|s| !s.is_empty()).map(str::to_owned).collect();
            fl.sort_unstable();
            (key, (bits, fl))
        })
        .collect();
    for &(name, k64, k32) in FUNCS {
        for (v, s) in specials.iter().zip(&vals) {
            for t in Tier::ALL {
                let x = vec![*v; 19];
                let mut out = vec![0.0; 19];
                let mut fl: Vec<String> = flags_of(|| k64(t, &x, &mut out)).into_iter().map(str::to_owned).collect();
                fl.sort();
                let (bits, wfl) = &want[&(name.to_owned(), "float64".to_owned(), s.clone())];
                let w = f64::from_bits(*bits);
                let wfl = numpy_flags(wfl, w.abs() < f64::MIN_POSITIVE && *v != 0.0 && w.is_finite());
                assert!(ulps64(out[0], w) <= 1, "{name} f64 {t:?} of {v:e}: {:e}, NumPy {w:e}", out[0]);
                assert!(out.iter().all(|o| o.to_bits() == out[0].to_bits()));
                assert_eq!(fl, wfl, "{name} f64 {t:?} flags of {v:e}");

                #[allow(clippy::cast_possible_truncation, reason = "f32 inputs")]
                let x = vec![*v as f32; 19];
                let mut out = vec![0.0f32; 19];
                let mut fl: Vec<String> = flags_of(|| k32(t, &x, &mut out)).into_iter().map(str::to_owned).collect();
                fl.sort();
                let (bits, wfl) = &want[&(name.to_owned(), "float32".to_owned(), s.clone())];
                let w = f32::from_bits(*bits as u32);
                let wfl = numpy_flags(wfl, w.abs() < f32::MIN_POSITIVE && x[0] != 0.0 && w.is_finite());
                assert!(ulps32(out[0], w) <= 1, "{name} f32 {t:?} of {v:e}: {:e}, NumPy {w:e}", out[0]);
                assert_eq!(fl, wfl, "{name} f32 {t:?} flags of {v:e}");
            }
        }
    }
    for &(name, k32) in FUNCS_F32 {
        for (v, s) in specials.iter().zip(&vals) {
            for t in Tier::ALL {
                #[allow(clippy::cast_possible_truncation, reason = "f32 inputs")]
                let x = vec![*v as f32; 19];
                let mut out = vec![0.0f32; 19];
                let mut fl: Vec<String> = flags_of(|| k32(t, &x, &mut out)).into_iter().map(str::to_owned).collect();
                fl.sort();
                let (bits, wfl) = &want[&(name.to_owned(), "float32".to_owned(), s.clone())];
                let w = f32::from_bits(*bits as u32);
                let wfl = numpy_flags(wfl, w.abs() < f32::MIN_POSITIVE && x[0] != 0.0 && w.is_finite());
                assert!(ulps32(out[0], w) <= 1, "{name} f32 {t:?} of {v:e}: {:e}, NumPy {w:e}", out[0]);
                assert_eq!(fl, wfl, "{name} f32 {t:?} flags of {v:e}");
            }
        }
    }
}

/// Ordinary inputs raise no flag, whatever the vector lengths and tails.
#[cfg(target_arch = "x86_64")]
#[test]
fn ordinary_inputs_raise_no_flags() {
    for &(name, k64, k32) in FUNCS {
        let (lo, hi) = if name.starts_with("log") { (1e-300, 1e300) } else { (-700.0, 700.0) };
        let mut r = Rng(7);
        let x: Vec<f64> = (0..10_000).map(|_| lo + (hi - lo) * r.unit()).collect();
        let mut out = vec![0.0; x.len()];
        for t in Tier::ALL {
            let fl = flags_of(|| pieces(&x, &mut out, |a, o| k64(t, a, o)));
            assert!(fl.is_empty(), "{name} f64 {t:?}: {fl:?}");
        }
        let (lo, hi) = if name.starts_with("log") { (1e-30, 1e30) } else { (-80.0, 80.0) };
        #[allow(clippy::cast_possible_truncation, reason = "f32 inputs")]
        let x: Vec<f32> = (0..10_000).map(|_| (lo + (hi - lo) * r.unit()) as f32).collect();
        let mut out = vec![0.0f32; x.len()];
        for t in Tier::ALL {
            let fl = flags_of(|| pieces(&x, &mut out, |a, o| k32(t, a, o)));
            assert!(fl.is_empty(), "{name} f32 {t:?}: {fl:?}");
        }
    }
}

type B64 = fn(Tier, &[f64], &[f64], &mut [f64]);
type B32 = fn(Tier, &[f32], &[f32], &mut [f32]);

/// NumPy's `np.<name>(a, b)` of two arrays of `dtype`, through files.
fn numpy_of2(name: &str, dtype: &str, a: &[u8], b: &[u8]) -> Vec<u8> {
    let dir = temp_dir();
    let pa = dir.join(format!("{name}-{dtype}.a"));
    let pb = dir.join(format!("{name}-{dtype}.b"));
    let po = dir.join(format!("{name}-{dtype}.o"));
    std::fs::write(&pa, a).expect("write input");
    std::fs::write(&pb, b).expect("write input");
    python(
        "import sys, numpy as np\n\
         name, dt, a, b, o = sys.argv[1:]\n\
         x = np.fromfile(a, dtype=dt); y = np.fromfile(b, dtype=dt)\n\
         with np.errstate(all='ignore'):\n    getattr(np, name)(x, y).tofile(o)\n",
        &[name, dtype, pa.to_str().expect("path"), pb.to_str().expect("path"), po.to_str().expect("path")],
    );
    let out = std::fs::read(&po).expect("read output");
    let _ = std::fs::remove_dir_all(&dir);
    out
}

/// Pairs over the whole plane: special values against each other, any bit patterns,
/// moderate values, and for `power` bases and exponents whose results stay finite.
fn pairs(name: &str, n: usize, seed: u64, f32_range: bool) -> (Vec<f64>, Vec<f64>) {
    let specials = [0.0, -0.0, 1.0, -1.0, 2.0, -2.0, 0.5, -0.5, 3.0, -3.0, f64::INFINITY, f64::NEG_INFINITY, f64::NAN];
    let mut a = Vec::with_capacity(n);
    let mut b = Vec::with_capacity(n);
    for &x in &specials {
        for &y in &specials {
            a.push(x);
            b.push(y);
        }
    }
    let mut r = Rng(seed);
    let any = |r: &mut Rng| {
        if f32_range { f64::from(f32::from_bits(r.next() as u32)) } else { f64::from_bits(r.next()) }
    };
    while a.len() < n {
        match a.len() % 3 {
            0 => {
                a.push(any(&mut r));
                b.push(any(&mut r));
            }
            1 => {
                a.push(-100.0 + 200.0 * r.unit());
                b.push(-100.0 + 200.0 * r.unit());
            }
            _ => {
                if name == "power" {
                    a.push(if r.next() & 7 == 0 { -((r.next() % 7) as f64) } else { (20.0 * r.unit() - 10.0).exp2() });
                    b.push(if r.next() & 3 == 0 { ((r.next() % 41) as f64) - 20.0 } else { -12.0 + 24.0 * r.unit() });
                } else {
                    let e = if f32_range { 120.0 } else { 1000.0 };
                    a.push((2.0 * e * r.unit() - e).exp2() * if r.next() & 1 == 0 { 1.0 } else { -1.0 });
                    b.push((2.0 * e * r.unit() - e).exp2() * if r.next() & 1 == 0 { 1.0 } else { -1.0 });
                }
            }
        }
    }
    (a, b)
}

/// NumPy's accuracy for the binary functions is that of the platform's `atan2`, `hypot`
/// and `pow` (no validation file): we hold them to one ulp from NumPy.
const BINARY_F64: &[(&str, B64, u64)] =
    &[("arctan2", super::arctan2_f64_on, 1), ("hypot", super::hypot_f64_on, 1), ("power", super::power_f64_on, 1)];
const BINARY_F32: &[(&str, B32, u64)] =
    &[("arctan2", super::arctan2_f32_on, 1), ("hypot", super::hypot_f32_on, 1), ("power", super::power_f32_on, 1)];

#[test]
fn binary_functions_match_numpy_f64() {
    for (fi, &(name, k, b)) in BINARY_F64.iter().enumerate() {
        let (x, y) = pairs(name, N_RANDOM, 500 + fi as u64, false);
        let by = |v: &[f64]| v.iter().flat_map(|v| v.to_le_bytes()).collect::<Vec<u8>>();
        let want: Vec<f64> = numpy_of2(name, "float64", &by(&x), &by(&y))
            .chunks_exact(8)
            .map(|c| f64::from_le_bytes(c.try_into().expect("8 bytes")))
            .collect();
        let mut got = vec![0.0; x.len()];
        pieces(&(0..x.len()).collect::<Vec<usize>>(), &mut vec![0usize; x.len()], |idx, _| {
            let (i, l) = (idx[0], idx.len());
            k(super::tier(), &x[i..i + l], &y[i..i + l], &mut got[i..i + l]);
        });
        let mut worst = 0;
        for i in 0..x.len() {
            let d = ulps64(got[i], want[i]);
            assert!(d <= b, "{name} f64({:e}, {:e}) = {:e}, NumPy {:e} ({d} ulp)", x[i], y[i], got[i], want[i]);
            worst = worst.max(d);
        }
        for t in Tier::ALL {
            let mut other = vec![0.0; x.len()];
            k(t, &x, &y, &mut other);
            for i in 0..x.len() {
                assert_eq!(other[i].to_bits(), got[i].to_bits(), "{name} f64 {t:?} at ({:e}, {:e})", x[i], y[i]);
            }
        }
        eprintln!("{name} f64: {} pairs, worst {worst} ulp from NumPy", x.len());
    }
}

#[test]
fn binary_functions_match_numpy_f32() {
    for (fi, &(name, k, b)) in BINARY_F32.iter().enumerate() {
        let (x, y) = pairs(name, N_RANDOM, 700 + fi as u64, true);
        #[allow(clippy::cast_possible_truncation, reason = "f32 inputs")]
        let (x, y): (Vec<f32>, Vec<f32>) =
            (x.iter().map(|&v| v as f32).collect(), y.iter().map(|&v| v as f32).collect());
        // The reference: NumPy's float64 result rounded to float32.
        let wide = |v: &[f32]| v.iter().flat_map(|v| f64::from(*v).to_le_bytes()).collect::<Vec<u8>>();
        #[allow(clippy::cast_possible_truncation, reason = "rounding to f32 is the point")]
        let want: Vec<f32> = numpy_of2(name, "float64", &wide(&x), &wide(&y))
            .chunks_exact(8)
            .map(|c| f64::from_le_bytes(c.try_into().expect("8 bytes")) as f32)
            .collect();

        let mut got = vec![0.0f32; x.len()];
        pieces(&(0..x.len()).collect::<Vec<usize>>(), &mut vec![0usize; x.len()], |idx, _| {
            let (i, l) = (idx[0], idx.len());
            k(super::tier(), &x[i..i + l], &y[i..i + l], &mut got[i..i + l]);
        });
        let mut worst = 0;
        for i in 0..x.len() {
            let d = ulps32(got[i], want[i]);
            assert!(d <= b, "{name} f32({:e}, {:e}) = {:e}, NumPy {:e} ({d} ulp)", x[i], y[i], got[i], want[i]);
            worst = worst.max(d);
        }
        for t in Tier::ALL {
            let mut other = vec![0.0f32; x.len()];
            k(t, &x, &y, &mut other);
            for i in 0..x.len() {
                assert_eq!(other[i].to_bits(), got[i].to_bits(), "{name} f32 {t:?} at ({:e}, {:e})", x[i], y[i]);
            }
        }
        eprintln!("{name} f32: {} pairs, worst {worst} ulp from NumPy", x.len());
    }
}

/// Times every kernel against NumPy on the same 10⁷ inputs, one thread on both sides, each
/// call allocating its output; prints best-of-5 times and the ratios. Run in release:
/// `cargo test --release -p nprs-ufunc --lib math::tests::timing -- --ignored --nocapture`.
#[test]
#[ignore = "a measurement, run on request in release"]
fn timing() {
    const N: usize = 10_000_000;
    let mut r = Rng(3);
    let mut uni = |lo: f64, hi: f64| -> Vec<f64> { (0..N).map(|_| lo + (hi - lo) * r.unit()).collect() };
    let rng_of = |name: &str| match name {
        "exp" | "exp2" | "expm1" | "sinh" | "cosh" => (-10.0, 10.0),
        "tanh" => (-5.0, 5.0),
        "log" | "log2" | "log10" | "log1p" => (1e-3, 100.0),
        _ => (-100.0, 100.0),
    };
    let best = |f: &mut dyn FnMut()| {
        (0..5)
            .map(|_| {
                let t = std::time::Instant::now();
                f();
                t.elapsed().as_secs_f64()
            })
            .fold(f64::INFINITY, f64::min)
    };
    let dir = std::env::temp_dir().join(format!("nprs-math-timing-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let np_time = |name: &str, files: &[&Path], dt: &str| -> f64 {
        let args: Vec<&str> = files.iter().map(|p| p.to_str().expect("path")).collect();
        let out = python(
            "import sys, timeit, numpy as np\n\
             name, dt = sys.argv[1:3]\n\
             xs = [np.fromfile(p, dtype=np.float64).astype(dt) for p in sys.argv[3:]]\n\
             f = getattr(np, name)\n\
             with np.errstate(all='ignore'):\n    print(min(timeit.repeat(lambda: f(*xs), number=1, repeat=5)))\n",
            &[&[name, dt][..], &args[..]].concat(),
        );
        out.trim().parse().expect("seconds")
    };
    eprintln!(
        "{:<10}{:>12}{:>12}{:>8}{:>12}{:>12}{:>8}",
        "function", "f64 ms", "numpy ms", "ratio", "f32 ms", "numpy ms", "ratio"
    );
    let save = |name: &str, v: &[f64]| -> PathBuf {
        let p = dir.join(name);
        std::fs::write(&p, v.iter().flat_map(|x| x.to_le_bytes()).collect::<Vec<u8>>()).expect("write");
        p
    };
    #[allow(clippy::cast_possible_truncation, reason = "f32 inputs")]
    let to32 = |v: &[f64]| v.iter().map(|&x| x as f32).collect::<Vec<f32>>();
    for &(name, k64, k32) in FUNCS {
        let (lo, hi) = rng_of(name);
        let x = uni(lo, hi);
        let x32 = to32(&x);
        let t64 = best(&mut || {
            let mut o = vec![0.0f64; N];
            k64(super::tier(), &x, &mut o);
            std::hint::black_box(&o);
        });
        let t32 = best(&mut || {
            let mut o = vec![0.0f32; N];
            k32(super::tier(), &x32, &mut o);
            std::hint::black_box(&o);
        });
        let p = save("x", &x);
        let (n64, n32) = (np_time(name, &[&p], "float64"), np_time(name, &[&p], "float32"));
        eprintln!(
            "{name:<10}{:>12.2}{:>12.2}{:>8.2}{:>12.2}{:>12.2}{:>8.2}",
            t64 * 1e3,
            n64 * 1e3,
            t64 / n64,
            t32 * 1e3,
            n32 * 1e3,
            t32 / n32
        );
    }
    let binaries: &[(&str, Option<B64>, B32)] = &[
        ("arctan2", Some(super::arctan2_f64_on), super::arctan2_f32_on),
        ("hypot", Some(super::hypot_f64_on), super::hypot_f32_on),
        ("power", Some(super::power_f64_on), super::power_f32_on),
    ];
    for &(name, k64, k32) in binaries {
        let (a, b) =
            if name == "power" { (uni(1e-3, 10.0), uni(-3.0, 3.0)) } else { (uni(-10.0, 10.0), uni(-10.0, 10.0)) };
        let (a32, b32) = (to32(&a), to32(&b));
        let (pa, pb) = (save("a", &a), save("b", &b));
        let (t64, n64) = match k64 {
            Some(k) => (
                best(&mut || {
                    let mut o = vec![0.0f64; N];
                    k(super::tier(), &a, &b, &mut o);
                    std::hint::black_box(&o);
                }),
                np_time(name, &[&pa, &pb], "float64"),
            ),
            None => (f64::NAN, f64::NAN),
        };
        let t32 = best(&mut || {
            let mut o = vec![0.0f32; N];
            k32(super::tier(), &a32, &b32, &mut o);
            std::hint::black_box(&o);
        });
        let n32 = np_time(name, &[&pa, &pb], "float32");
        eprintln!(
            "{name:<10}{:>12.2}{:>12.2}{:>8.2}{:>12.2}{:>12.2}{:>8.2}",
            t64 * 1e3,
            n64 * 1e3,
            t64 / n64,
            t32 * 1e3,
            n32 * 1e3,
            t32 / n32
        );
    }
    let _ = std::fs::remove_dir_all(&dir);
}

/// The binary functions on every pair of special values: results and flags as NumPy's
/// (underflow counted as in [`numpy_flags`]).
#[cfg(target_arch = "x86_64")]
#[test]
fn binary_special_values_and_flags_match_numpy() {
    let specials: [f64; 16] = [
        0.0,
        -0.0,
        1.0,
        -1.0,
        2.0,
        -2.0,
        0.5,
        -3.0,
        1e-310,
        1e300,
        -1e300,
        1000.0,
        f64::INFINITY,
        f64::NEG_INFINITY,
        f64::NAN,
        2.5,
    ];
    let vals: Vec<String> = specials.iter().map(|v| format!("{v:e}")).collect();
    let script = "import sys, numpy as np\n\
        vals = [float(v) for v in sys.argv[1].split(',')]\n\
        for name in ('arctan2', 'hypot', 'power'):\n\
        \x20   for dt in ('float64', 'float32'):\n\
        \x20       for i, a in enumerate(vals):\n\
        \x20           for j, b in enumerate(vals):\n\
        \x20               with np.errstate(all='ignore'):\n\
        \x20                   x = np.full(19, a).astype(dt); y = np.full(19, b).astype(dt)\n\
        \x20               got = []\n\
        \x20               with np.errstate(all='call', call=lambda e, f: got.append(e.split()[0])):\n\
        \x20                   r = getattr(np, name)(x, y)\n\
        \x20               bits = r[:1].view(np.uint64 if dt == 'float64' else np.uint32)[0]\n\
        \x20               print(name, dt, i, j, int(bits), ' '.join(got))\n";
    let text = python(script, &[&vals.join(",")]);
    let k64: HashMap<&str, B64> =
        [("arctan2", super::arctan2_f64_on as B64), ("hypot", super::hypot_f64_on), ("power", super::power_f64_on)]
            .into();
    let k32: HashMap<&str, B32> =
        [("arctan2", super::arctan2_f32_on as B32), ("hypot", super::hypot_f32_on), ("power", super::power_f32_on)]
            .into();
    for line in text.lines() {
        let f: Vec<&str> = line.split(' ').collect();
        let (name, dt, i, j, bits): (&str, &str, usize, usize, u64) =
            (f[0], f[1], f[2].parse().unwrap(), f[3].parse().unwrap(), f[4].parse().unwrap());
        let mut wfl: Vec<String> = f[5..].iter().filter(|s| !s.is_empty()).map(|s| (*s).to_owned()).collect();
        wfl.sort_unstable();
        // NumPy's float64 power raises overflow for `1e300 ** inf` (but not `2 ** inf`); C99
        // and nprs raise nothing for an exactly infinite result of an infinite exponent.
        if name == "power" && specials[j].is_infinite() && specials[i].abs() == 1e300 {
            wfl.retain(|f| f != "overflow");
        }
        for t in Tier::ALL {
            let mut fl: Vec<String>;
            if dt == "float64" {
                let (x, y) = (vec![specials[i]; 19], vec![specials[j]; 19]);
                let mut out = vec![0.0; 19];
                fl = flags_of(|| k64[name](t, &x, &y, &mut out)).into_iter().map(str::to_owned).collect();
                let w = f64::from_bits(bits);
                let tiny = w.abs() < f64::MIN_POSITIVE && w.is_finite() && specials[i] != 0.0 && specials[j] != 0.0;
                assert!(ulps64(out[0], w) <= 1, "{name} f64 {t:?}({:e}, {:e}) = {:e}, NumPy {w:e}", x[0], y[0], out[0]);
                fl.sort_unstable();
                assert_eq!(fl, numpy_flags(&wfl, tiny), "{name} f64 {t:?} flags of ({:e}, {:e})", x[0], y[0]);
            } else {
                #[allow(clippy::cast_possible_truncation, reason = "f32 inputs")]
                let (x, y) = (vec![specials[i] as f32; 19], vec![specials[j] as f32; 19]);
                let mut out = vec![0.0f32; 19];
                fl = flags_of(|| k32[name](t, &x, &y, &mut out)).into_iter().map(str::to_owned).collect();
                let w = f32::from_bits(bits as u32);
                let tiny = w.abs() < f32::MIN_POSITIVE && w.is_finite() && x[0] != 0.0 && y[0] != 0.0;
                assert!(ulps32(out[0], w) <= 1, "{name} f32 {t:?}({:e}, {:e}) = {:e}, NumPy {w:e}", x[0], y[0], out[0]);
                fl.sort_unstable();
                assert_eq!(fl, numpy_flags(&wfl, tiny), "{name} f32 {t:?} flags of ({:e}, {:e})", x[0], y[0]);
            }
        }
    }
}

/// The values of a dynamic array as `f64` (through NumPy's cast).
fn values(a: &nprs_core::dynarray::DynArray) -> Vec<f64> {
    a.astype(&nprs_core::Descr::from(nprs_core::DType::Float64))
        .expect("cast to float64")
        .into_typed::<f64>()
        .expect("float64")
        .to_vec()
}

/// The dynamic array of `x` cast (as NumPy's `astype`) to `dtype`.
fn dyn_of(x: &[f64], dtype: nprs_core::DType) -> nprs_core::dynarray::DynArray {
    nprs_core::dynarray::DynArray::from(nprs_core::Array::from_vec(x.to_vec()))
        .astype(&nprs_core::Descr::from(dtype))
        .expect("cast")
}

/// The table's rows for these functions run the kernels: float16, float32, float64 and an
/// integer input (resolved as NumPy resolves it), contiguous and strided, against NumPy's
/// results; the strided call gives the contiguous call's bits.
#[test]
fn table_rows_run_the_kernels_like_numpy() {
    use nprs_core::{DType, UfuncOptions, s};
    let dtypes = [
        ("float16", DType::Float16),
        ("float32", DType::Float32),
        ("float64", DType::Float64),
        ("int16", DType::Int16),
    ];
    for (fi, name) in ["cbrt"].iter().enumerate() {
        let u = crate::by_name(name).unwrap_or_else(|| panic!("{name} is not registered"));
        let binary = u.nin == 2;
        let mut r = Rng(1000 + fi as u64);
        let mk = |r: &mut Rng| {
            let (lo, hi) = match *name {
                "exp" | "expm1" | "sinh" | "cosh" | "exp2" => (-12.0, 12.0),
                "log" | "log2" | "log10" | "log1p" | "power" => (0.0, 60.0),
                _ => (-60.0, 60.0),
            };
            (0..1000).map(|_| (lo + (hi - lo) * r.unit()).round()).collect::<Vec<f64>>()
        };
        let x = mk(&mut r);
        let y: Vec<f64> =
            if *name == "power" { (0..1000).map(|i| f64::from(i % 7) - 3.0).collect() } else { mk(&mut r) };
        let bytes = |v: &[f64]| v.iter().flat_map(|v| v.to_le_bytes()).collect::<Vec<u8>>();
        for (np_name, dt) in dtypes {
            if *name == "power" && np_name == "int16" {
                // No integer loop: a clear error, not a float result NumPy would not give.
                let a = dyn_of(&x, dt);
                assert!(u.call(&[(&a).into(), (&a).into()], UfuncOptions::new()).is_err());
                continue;
            }
            let script = "import sys, numpy as np\n\
                name, dt, a, b, o = sys.argv[1:]\n\
                x = np.fromfile(a).astype(dt); y = np.fromfile(b).astype(dt)\n\
                f = getattr(np, name)\n\
                with np.errstate(all='ignore'):\n    r = f(x, y) if f.nin == 2 else f(x)\n\
                print(r.dtype)\n\
                r.astype(np.float64).tofile(o)\n";
            let dir = temp_dir();
            let (pa, pb, po) = (dir.join("a"), dir.join("b"), dir.join("o"));
            std::fs::write(&pa, bytes(&x)).expect("write");
            std::fs::write(&pb, bytes(&y)).expect("write");
            let np_dtype =
                python(script, &[name, np_name, pa.to_str().unwrap(), pb.to_str().unwrap(), po.to_str().unwrap()]);
            let want: Vec<f64> = std::fs::read(&po)
                .expect("read")
                .chunks_exact(8)
                .map(|c| f64::from_le_bytes(c.try_into().unwrap()))
                .collect();
            let _ = std::fs::remove_dir_all(&dir);
            let (a, b) = (dyn_of(&x, dt), dyn_of(&y, dt));
            let got = if binary {
                u.call(&[(&a).into(), (&b).into()], UfuncOptions::new())
            } else {
                u.call(&[(&a).into()], UfuncOptions::new())
            }
            .unwrap_or_else(|e| panic!("{name} of {np_name}: {e}"));
            assert_eq!(got.dtype().to_string(), np_dtype.trim(), "{name} of {np_name}: result dtype");
            let g = values(&got);
            // NumPy's float32 loops are up to their bound from the true value (nprs's are
            // within half an ulp or so): the bound plus one; float16 rounds either to the
            // same value or to a neighbour.
            let tol = match np_dtype.trim() {
                "float64" => {
                    if binary {
                        1
                    } else {
                        bound(name, 64)
                    }
                }
                "float32" => 1 + if binary { 3 } else { bound(name, 32) },
                _ => 1,
            };
            for i in 0..g.len() {
                let d = match np_dtype.trim() {
                    "float64" => ulps64(g[i], want[i]),
                    #[allow(clippy::cast_possible_truncation, reason = "float32 values")]
                    "float32" => ulps32(g[i] as f32, want[i] as f32),
                    _ => {
                        let h = |v: f64| nprs_core::f16::from_f64(v);
                        let (p, q) = (h(g[i]), h(want[i]));
                        if p.is_nan() && q.is_nan() {
                            0
                        } else {
                            ulps32(p.to_f32(), q.to_f32())
                                .min(u64::from((p.to_bits() as i32 - q.to_bits() as i32).unsigned_abs()))
                        }
                    }
                };
                assert!(d <= tol, "{name} of {np_name} {:e}, {:e}: {:e}, NumPy {:e}", x[i], y[i], g[i], want[i]);
            }
            // Strided input: the engine gathers it; the same bits as the contiguous call.
            let (sa, sb) = (a.slice(s![..;2]), b.slice(s![..;2]));
            let st = if binary {
                u.call(&[(&sa).into(), (&sb).into()], UfuncOptions::new())
            } else {
                u.call(&[(&sa).into()], UfuncOptions::new())
            }
            .expect("strided call");
            let sv = values(&st);
            for (k, v) in sv.iter().enumerate() {
                assert_eq!(v.to_bits(), g[2 * k].to_bits(), "{name} of {np_name}: strided element {k}");
            }
        }
    }
}

/// The float16 loops report the overflow and underflow of rounding their float32 results to
/// float16 from the values themselves (NumPy's conversion reports them; a software
/// conversion raises nothing in the status word).
#[test]
fn float16_loops_report_the_rounding_to_float16() {
    use nprs_core::f16;
    use nprs_core::fpstatus::FpFlags;
    use nprs_core::kernel::ElemUnary;
    let run = |x: f32| {
        let mut o = [f16::ZERO];
        let fl = <super::Exp as ElemUnary<f16>>::run(&[f16::from_f32(x)], &mut o);
        (o[0], fl)
    };
    // exp(11.1) = 66171 is finite in float32, infinite in float16.
    let (h, fl) = run(11.1);
    assert!(h.is_infinite() && fl.contains(FpFlags::OVERFLOW), "{h} {fl:?}");
    // exp(-10) = 4.54e-5 is normal in float32, subnormal (inexact) in float16.
    let (h, fl) = run(-10.0);
    assert!(!h.is_normal() && fl.contains(FpFlags::UNDERFLOW), "{h} {fl:?}");
    // exp(-20) = 2.06e-9 rounds to zero in float16.
    let (h, fl) = run(-20.0);
    assert!(h == f16::ZERO && fl.contains(FpFlags::UNDERFLOW), "{h} {fl:?}");
    // Ordinary results, and exact ones, report nothing.
    for x in [0.0, 1.0, -1.0, 5.0, f32::NEG_INFINITY, f32::NAN] {
        let (_, fl) = run(x);
        assert!(fl.is_empty(), "exp({x}): {fl:?}");
    }
}

/// The kernels' own throughput, without allocation or page faults: each float64 kernel on
/// 8,192 inputs in cache, repeated, on the detected tier; prints nanoseconds per element.
/// Run in release: `cargo test --release -p nprs-ufunc --lib math::tests::kernel_throughput
/// -- --ignored --nocapture`.
#[test]
#[ignore = "a measurement, run on request in release"]
fn kernel_throughput() {
    type Unary = fn(&[f64], &mut [f64]);
    type Binary = fn(&[f64], &[f64], &mut [f64]);
    const N: usize = 8192;
    const REPS: usize = 2000;
    let mut r = Rng(5);
    let mut x = vec![0.0; N];
    let mut y = vec![0.0; N];
    let mut out = vec![0.0; N];
    let unary: [(&str, Unary, f64, f64); 8] = [
        ("exp", super::exp_f64, -10.0, 10.0),
        ("log", super::log_f64, 1e-3, 100.0),
        ("sin", super::sin_f64, -100.0, 100.0),
        ("tanh", super::tanh_f64, -5.0, 5.0),
        ("arctan", super::arctan_f64, -100.0, 100.0),
        ("expm1", super::expm1_f64, -10.0, 10.0),
        ("tan", super::tan_f64, -100.0, 100.0),
        ("cbrt", super::cbrt_f64, -100.0, 100.0),
    ];
    let best = |f: &mut dyn FnMut()| {
        (0..5)
            .map(|_| {
                let t = std::time::Instant::now();
                for _ in 0..REPS {
                    f();
                }
                t.elapsed().as_secs_f64() / (REPS * N) as f64 * 1e9
            })
            .fold(f64::INFINITY, f64::min)
    };
    for (name, f, lo, hi) in unary {
        x.iter_mut().for_each(|v| *v = lo + (hi - lo) * r.unit());
        let ns = best(&mut || f(std::hint::black_box(&x), &mut out));
        eprintln!("{name:<8}{ns:>8.3} ns/element");
    }
    let binary: [(&str, Binary); 3] =
        [("power", super::power_f64), ("arctan2", super::arctan2_f64), ("hypot", super::hypot_f64)];
    for (name, f) in binary {
        x.iter_mut().for_each(|v| *v = 2.0 * r.unit());
        y.iter_mut().for_each(|v| *v = 4.0 * r.unit() - 2.0);
        let ns = best(&mut || f(std::hint::black_box(&x), std::hint::black_box(&y), &mut out));
        eprintln!("{name:<8}{ns:>8.3} ns/element");
    }
}

/// `X2` (the optimised drivers run `X2<X2<Avx512>>`) computes each lane as its halves
/// would alone: the same bits as one lane at a time, on random and special inputs.
#[test]
fn vectors_side_by_side_give_the_bits_of_one() {
    use super::alg;
    use super::simd::{S, Vf64, X2};
    type W = X2<X2<S>>;
    type Unary = (&'static str, fn(W) -> W, fn(S) -> S);
    type Binary = (&'static str, fn(W, W) -> W, fn(S, S) -> S);
    let special = [0.0, -0.0, 1.0, -1.0, f64::INFINITY, f64::NEG_INFINITY, f64::NAN, 1e-310, 710.0, -750.0, 0.5, 2.5];
    let mut r = Rng(11);
    let mut draw = |k: usize| -> f64 {
        match k % 3 {
            0 => special[(r.next() % special.len() as u64) as usize],
            1 => 40.0 * r.unit() - 20.0,
            _ => f64::from_bits(r.next()),
        }
    };
    let unary: [Unary; 6] = [
        ("exp", alg::exp::<W>, alg::exp::<S>),
        ("log", alg::log::<W>, alg::log::<S>),
        ("sin", alg::sin::<W>, alg::sin::<S>),
        ("tanh", alg::tanh::<W>, alg::tanh::<S>),
        ("arctan", alg::arctan::<W>, alg::arctan::<S>),
        ("cbrt", alg::cbrt::<W>, alg::cbrt::<S>),
    ];
    // `power` and the `float32` kernels take a shorter path when every lane allows it;
    // each lane's bits must not depend on its neighbours.
    let binary: [Binary; 5] = [
        ("power", alg::power::<W>, alg::power::<S>),
        ("arctan2", alg::arctan2::<W>, alg::arctan2::<S>),
        ("hypot", alg::hypot::<W>, alg::hypot::<S>),
        ("power_f32", alg::power_f32::<W>, alg::power_f32::<S>),
        ("arctan2_f32", alg::arctan2_f32::<W>, alg::arctan2_f32::<S>),
    ];
    for k in 0..3000 {
        let x: [f64; 4] = std::array::from_fn(|i| draw(k + i));
        let y: [f64; 4] = std::array::from_fn(|i| draw(k + 2 * i + 1));
        let mut got = [0.0; 4];
        // SAFETY: four values to read and write, the lanes of `W`.
        let (xv, yv) = unsafe { (W::load(x.as_ptr()), W::load(y.as_ptr())) };
        for (name, fw, fs) in unary {
            // SAFETY: as above.
            unsafe { fw(xv).store(got.as_mut_ptr()) };
            for i in 0..4 {
                assert_eq!(got[i].to_bits(), fs(S(x[i])).0.to_bits(), "{name}({:e})", x[i]);
            }
        }
        for (name, fw, fs) in binary {
            // SAFETY: as above.
            unsafe { fw(xv, yv).store(got.as_mut_ptr()) };
            for i in 0..4 {
                assert_eq!(got[i].to_bits(), fs(S(x[i]), S(y[i])).0.to_bits(), "{name}({:e}, {:e})", x[i], y[i]);
            }
        }
    }
}
