//! `cargo xtask <task>`: the project's automation.
//!
//! - `test`: the README's test command (oracle freshness, the workspace tests, then the
//!   oracle read coverage: every recorded NumPy case compared by some test).
//! - `oracle-coverage [DIR]`: the read-coverage check alone, on the records the last test
//!   run wrote.
//! - `ci`: fmt --check, clippy -D warnings, `test`, cargo-deny (licenses, bans, sources),
//!   `miri`.
//! - `miri`: the tests of the unsafe paths under Miri (installs a nightly toolchain with
//!   Miri when missing).
//! - `golden`: regenerate the NumPy oracle data under `tests/oracle/data`.
//! - `bench`: criterion benches; `bench --compare [--quick] [--filter P]` times nprs and
//!   NumPy side by side.
//! - `release [--dry-run | --execute] [--version X.Y.Z]`: the release (dry run by default):
//!   version bump, changelog, public-API diff against the last release, `cargo package`
//!   of every published crate (each built from its .crate file alone), `cargo publish
//!   --dry-run`, and with `--execute` the release commit and tag (docs/release.md).
//! - `crates-alone`: each published crate's library checked and its tests run on its own,
//!   and the facade without default features (part of `ci`, which builds those tests
//!   without running them a second time).

mod api;
mod bench;
mod ci;
mod coverage;
mod miri;
mod release;
mod util;

use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(task) = args.first() else {
        eprintln!("usage: cargo xtask <test|ci|miri|golden|bench|release|crates-alone|oracle-coverage> [options]");
        return ExitCode::from(2);
    };
    let rest = &args[1..];
    let result = match task.as_str() {
        "test" => ci::test(rest),
        "oracle-coverage" => coverage::run(rest),
        "ci" => ci::ci(rest),
        "miri" => miri::miri(rest),
        "golden" => ci::golden(rest),
        "bench" => bench::run(rest),
        "release" => release::release(rest),
        "crates-alone" => ci::crates_alone(true),
        other => Err(format!(
            "unknown task {other:?}; expected test, ci, miri, golden, bench, release, crates-alone or oracle-coverage"
        )),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("xtask: {e}");
            ExitCode::FAILURE
        }
    }
}
