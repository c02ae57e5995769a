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
    crates_alone(false)?;
    deny()?;
    crate::release::release(&["--dry-run".to_string()])?;
    crate::miri::miri(&[])?;
    // The README's main job in the dev profile, whose libraries the test run has built: its
    // output is the release build's, and the release build of the whole workspace would
    // take about 11 of the job's 28 minutes on the CI machine (nprs-ufunc alone 7).
    run(cargo().args(["run", "--example", "tour"]))
}

/// Each published crate alone: its library type-checks without dev-dependencies (with
/// only its own features, so a feature missing from its manifest fails here), and its tests
/// pass when run as `cargo test -p <crate>`. The facade is checked, and documented, without
/// its default features too.
///
/// A crate tested alone resolves the same features as the workspace (nprs-testkit, the
/// dev-dependency of every crate, pins them; [`features_match_workspace`] checks it), so its
/// test build reuses what the workspace test run compiled. `run_tests = false` (the CI job,
/// right after the workspace run) builds each crate's tests alone without running them:
/// the binaries are the very files the workspace run just ran, and running them again only
/// repeated those tests (156 s of a 34-minute job on the current CI machine).
pub fn crates_alone(run_tests: bool) -> Result<(), String> {
    let crates = crate::release::published()?;
    features_match_workspace(&crates)?;
    for name in &crates {
        run(cargo().args(["check", "--lib", "-p", name]))?;
        if run_tests {
            run(cargo().args(["test", "--all-targets", "-p", name]))?;
        } else {
            run(cargo().args(["test", "--all-targets", "--no-run", "-p", name]))?;
        }
    }
    run(cargo().args(["check", "--all-targets", "-p", "nprs", "--no-default-features"]))?;
    run(cargo().args(["doc", "--no-deps", "-p", "nprs", "--no-default-features"]).env("RUSTDOCFLAGS", "-D warnings"))
}

/// The packages, each with its resolved features, that `cargo tree` lists for `selection`
/// (dev-dependencies included), one `name version|features` line each.
fn resolved_features(selection: &[&str]) -> Result<std::collections::BTreeSet<String>, String> {
    let out = cargo()
        .arg("tree")
        .args(selection)
        .args(["-e", "normal,build,dev", "--prefix", "none", "-f", "{p}|{f}"])
        .current_dir(root())
        .output()
        .map_err(|e| format!("cargo tree: {e}"))?;
    if !out.status.success() {
        return Err(format!("cargo tree {selection:?} failed: {}", String::from_utf8_lossy(&out.stderr)));
    }
    Ok(String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| l.trim_end_matches(" (*)").to_string())
        .filter(|l| !l.is_empty())
        .collect())
}

/// Fails, naming the package, when a crate's test build alone would resolve a dependency
/// with other features than the workspace build: the per-crate test runs would then rebuild
/// the workspace under another feature set. The cure is a pin in nprs-testkit's manifest.
fn features_match_workspace(crates: &[String]) -> Result<(), String> {
    let workspace = resolved_features(&["--workspace"])?;
    let mut differ = Vec::new();
    for name in crates {
        for line in resolved_features(&["-p", name])?.difference(&workspace) {
            differ.push(format!("  {name}: {line}"));
        }
    }
    if differ.is_empty() {
        eprintln!("each crate alone resolves the workspace's features ({} crates)", crates.len());
        Ok(())
    } else {
        Err(format!(
            "a crate tested alone resolves a dependency with other features than the workspace \
             (`package version|features`); pin the workspace's features in \
             crates/nprs-testkit/Cargo.toml:\n{}",
            differ.join("\n")
        ))
    }
}

fn deny() -> Result<(), String> {
    let have = Command::new("cargo-deny").arg("--version").output().is_ok_and(|o| o.status.success());
    if !have {
        run(cargo().args(["install", "--locked", "cargo-deny"]))?;
    }
    run(Command::new("cargo-deny").args(["--all-features", "check", "licenses", "bans", "sources"]))
}
