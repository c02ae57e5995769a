//! The fuzz targets under the deterministic in-repo mutator: each target gets mutated
//! copies of its seeds for a few seconds (the same inputs on every run), so the normal
//! test command exercises every target on stable. `cargo +nightly fuzz run <target>` in
//! `fuzz/` runs the same bodies under libFuzzer for as long as wanted.

use std::time::Duration;

use nprs_testkit::mutate::{Rng, drive};

/// Time per target.
const BUDGET: Duration = Duration::from_secs(3);
/// Inputs per target at most (a bound for fast machines).
const MAX_INPUTS: usize = 200_000;
/// Inputs per target at least: fewer means the machine is too slow for the check to
/// mean anything.
const MIN_INPUTS: usize = 500;

fn random_seeds(salt: u64, count: usize, len: usize) -> Vec<Vec<u8>> {
    let mut rng = Rng(0x2545_f491_4f6c_dd1d ^ salt);
    (0..count).map(|_| (0..len).map(|_| rng.next_u64() as u8).collect()).collect()
}

fn files(dir: &str, ext: &str) -> Vec<Vec<u8>> {
    let dir = nprs_testkit::data_dir().join(dir);
    let mut paths: Vec<_> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == ext))
        .collect();
    paths.sort();
    paths.iter().map(|p| std::fs::read(p).unwrap()).collect()
}

fn check(name: &str, seeds: &[Vec<u8>], target: impl Fn(&[u8])) {
    let n = drive(name, seeds, BUDGET, MAX_INPUTS, target);
    assert!(n >= MIN_INPUTS, "{name}: only {n} inputs in {BUDGET:?}");
    eprintln!("{name}: {n} inputs");
}

#[test]
fn slicing() {
    check("slicing", &random_seeds(1, 64, 32), nprs_fuzz_targets::slicing);
}

#[test]
fn descr_parse() {
    let seeds: Vec<Vec<u8>> = [
        "<f8",
        ">i4",
        "|b1",
        "int64",
        "float",
        "?",
        "c16",
        "U5",
        "<U10",
        "S3",
        "V8",
        "bfloat16",
        ">E",
        "M8[ns]",
        "m8[10ms]",
        "datetime64[D]",
        "i4, f8",
        "(2,3)f8",
        "3i4",
        "[('name', '<U10'), ('age', '<i4'), ('scores', '<f8', (3,))]",
        "[('a', [('b', '>f4'), ('', '|V4')]), ('c', '?')]",
        "{'names': ['a', 'b'], 'formats': ['<i4', '<f8'], 'offsets': [0, 8], 'itemsize': 16}",
        "[('x', '<i2', (2, 2))]",
        r"[('nam\x01', '<U10'), ('q\'\\', '<i4')]",
        "[('a', 'M8'), ('b', '<f8')]",
        "M8, i4",
        "[('s', '<f8', (0,)), ('b', 'S0'), ('v', 'V0')]",
        "[('s', '0<f8', (3,))]",
    ]
    .iter()
    .map(|s| s.as_bytes().to_vec())
    .collect();
    check("descr_parse", &seeds, nprs_fuzz_targets::descr_parse);
}

#[test]
fn print_options() {
    check("print_options", &random_seeds(2, 64, 96), nprs_fuzz_targets::print_options);
}

#[test]
fn npy() {
    check("npy", &files("io/npy", "npy"), nprs_fuzz_targets::npy);
}

#[test]
fn npz() {
    check("npz", &files("io/npy", "npz"), nprs_fuzz_targets::npz);
}

#[test]
fn text() {
    let seeds: Vec<Vec<u8>> = [
        "1 2 3\n4 5 6\n",
        "1.5e300 -inf nan\n-0.0 5e-324 0.1\n",
        "# comment\n1 2 # tail\n\n3 4\n",
        "  7\t8 \n9 10\n",
        "1e-320\n2\n3\n",
        "0x1p3 1_000\n",
        "+1 -2 +inf\n",
        "1,2\n3,4\n",
        "",
    ]
    .iter()
    .map(|s| s.as_bytes().to_vec())
    .collect();
    check("text", &seeds, nprs_fuzz_targets::text);
}
