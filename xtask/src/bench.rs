//! `cargo xtask bench`: criterion benches and the side-by-side comparison with NumPy.

use crate::util::{cargo, run as run_cmd};

/// Runs the criterion benches (arguments are passed to `cargo bench`).
pub fn run(args: &[String]) -> Result<(), String> {
    run_cmd(cargo().args(["bench", "-p", "nprs-benches"]).args(args))
}
