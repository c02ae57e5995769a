//! `cargo xtask bench`: criterion benches and the side-by-side comparison with NumPy.

use crate::util::{cargo, run};

/// Runs the benches (the comparison harness is being added).
pub fn run(args: &[String]) -> Result<(), String> {
    run_criterion(args)
}

fn run_criterion(args: &[String]) -> Result<(), String> {
    self::run_cmd(cargo().args(["bench", "-p", "nprs-benches"]).args(args))
}

fn run_cmd(cmd: &mut std::process::Command) -> Result<(), String> {
    run(cmd)
}
