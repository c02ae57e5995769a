//! `test`, `ci` and `golden`.

use std::process::Command;

use crate::util::{cargo, root, run, venv_python};

/// Regenerates the oracle data with the pinned NumPy.
pub fn golden(args: &[String]) -> Result<(), String> {
    let py = venv_python()?;
    run(Command::new(py).arg(root().join("tests/oracle/generate.py")).args(args))
}

/// The test command: the oracle data must match what NumPy produces now, then every test.
pub fn test(args: &[String]) -> Result<(), String> {
    let py = venv_python()?;
    run(Command::new(&py).arg(root().join("tests/oracle/generate.py")).arg("--check"))?;
    run(cargo().args(["test", "--workspace", "--all-targets"]).args(args))?;
    run(cargo().args(["test", "--workspace", "--doc"]))
}

/// The CI job: formatting, lints, documentation, tests, dependency policy, the unsafe
/// paths under Miri, and the README's main job.
pub fn ci(args: &[String]) -> Result<(), String> {
    run(cargo().args(["fmt", "--all", "--check"]))?;
    run(cargo().args(["clippy", "--workspace", "--all-targets", "--", "-D", "warnings"]))?;
    run(cargo().args(["doc", "--workspace", "--no-deps"]).env("RUSTDOCFLAGS", "-D warnings"))?;
    test(args)?;
    deny()?;
    crate::miri::miri(&[])?;
    run(cargo().args(["run", "--release", "--example", "tour"]))
}

fn deny() -> Result<(), String> {
    let have = Command::new("cargo-deny").arg("--version").output().is_ok_and(|o| o.status.success());
    if !have {
        run(cargo().args(["install", "--locked", "cargo-deny"]))?;
    }
    run(Command::new("cargo-deny").args(["--all-features", "check", "licenses", "bans", "sources"]))
}
