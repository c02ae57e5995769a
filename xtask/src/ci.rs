//! `test`, `ci` and `golden`.

use std::process::Command;

use crate::coverage;
use crate::util::{cargo, root, run, venv_python};

/// Regenerates the oracle data with the pinned NumPy.
pub fn golden(args: &[String]) -> Result<(), String> {
    let py = venv_python()?;
    run(Command::new(py).arg(root().join("tests/oracle/generate.py")).args(args))
}

/// The test command: the oracle data must match what NumPy produces now, then every test,
/// then every oracle case must have been compared by some test (skipped when `args` filter
/// the tests).
pub fn test(args: &[String]) -> Result<(), String> {
    let py = venv_python()?;
    run(Command::new(&py).arg(root().join("tests/oracle/generate.py")).arg("--check"))?;
    let records = coverage::record_dir();
    if records.exists() {
        std::fs::remove_dir_all(&records).map_err(|e| format!("{}: {e}", records.display()))?;
    }
    run(cargo().args(["test", "--workspace", "--all-targets"]).args(args).env("NPRS_ORACLE_COVERAGE_DIR", &records))?;
    run(cargo().args(["test", "--workspace", "--doc"]))?;
    if args.is_empty() {
        coverage::check(&records)
    } else {
        eprintln!("oracle coverage: not checked (the tests were filtered by {args:?})");
        Ok(())
    }
}

/// The CI job: formatting, lints, documentation, tests, each crate alone, dependency
/// policy, the release dry run, the unsafe paths under Miri, and the README's main job.
pub fn ci(args: &[String]) -> Result<(), String> {
    run(cargo().args(["fmt", "--all", "--check"]))?;
    run(cargo().args(["clippy", "--workspace", "--all-targets", "--", "-D", "warnings"]))?;
    run(cargo().args(["doc", "--workspace", "--no-deps"]).env("RUSTDOCFLAGS", "-D warnings"))?;
    test(args)?;
    crates_alone()?;
    deny()?;
    crate::release::release(&["--dry-run".to_string()])?;
    crate::miri::miri(&[])?;
    run(cargo().args(["run", "--release", "--example", "tour"]))
}

/// Each published crate type-checks alone, all its targets (tests, examples, benches)
/// included: with its own features and dev-dependencies rather than the union the
/// workspace build resolves, so a missing feature or dev-dependency fails here. The
/// facade is checked, and documented, without its default features too.
pub fn crates_alone() -> Result<(), String> {
    for name in crate::release::published()? {
        run(cargo().args(["check", "--all-targets", "-p", &name]))?;
    }
    run(cargo().args(["check", "--all-targets", "-p", "nprs", "--no-default-features"]))?;
    run(cargo().args(["doc", "--no-deps", "-p", "nprs", "--no-default-features"]).env("RUSTDOCFLAGS", "-D warnings"))
}

fn deny() -> Result<(), String> {
    let have = Command::new("cargo-deny").arg("--version").output().is_ok_and(|o| o.status.success());
    if !have {
        run(cargo().args(["install", "--locked", "cargo-deny"]))?;
    }
    run(Command::new("cargo-deny").args(["--all-features", "check", "licenses", "bans", "sources"]))
}
