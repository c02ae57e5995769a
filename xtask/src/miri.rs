//! `miri`: the tests of the unsafe paths under Miri, with tree borrows.
//!
//! Miri needs a nightly toolchain with its component; the task installs what is missing
//! (`rustup toolchain install nightly --profile minimal --component miri,rust-src`) and
//! builds Miri's standard library once (`cargo miri setup`). Miri keeps its artifacts in
//! `miri/` under the target directory, apart from the normal builds.
//!
//! The selection is small on purpose (the whole run takes a few minutes on two cores):
//! test files written for it, with small arrays, over storage, layouts, slicing, the
//! iteration engine, copies, indexing kernels, dynamic arrays and the readers' buffers.

use std::os::unix::process::CommandExt as _;
use std::process::Command;
use std::time::{Duration, Instant};

use crate::util::root;

/// The toolchain Miri runs from (`NPRS_MIRI_TOOLCHAIN` overrides it).
const TOOLCHAIN: &str = "nightly";

/// (package, test file, extra Miri flags) run under Miri.
const SELECTION: &[(&str, &str, &str)] = &[
    ("nprs-core", "soundness", ""),
    // The readers' tests write and read temporary files: they need the host file system.
    ("nprs-io", "soundness", "-Zmiri-disable-isolation"),
];

/// The whole task's time limit in seconds (`NPRS_MIRI_TIMEOUT` overrides it): the tests
/// take a few minutes, so a run this long has hung or met a much slower machine.
const TIMEOUT_SECS: u64 = 900;

fn toolchain() -> String {
    std::env::var("NPRS_MIRI_TOOLCHAIN").unwrap_or_else(|_| TOOLCHAIN.to_string())
}

/// `cargo` of the Miri toolchain, without the variables of the cargo that runs this task
/// (they would pin the stable toolchain).
fn nightly_cargo(toolchain: &str) -> Command {
    let mut c = Command::new("rustup");
    c.args(["run", toolchain, "cargo"]);
    for var in ["CARGO", "RUSTC", "RUSTDOC", "RUSTUP_TOOLCHAIN", "RUSTC_WRAPPER", "RUSTFLAGS"] {
        c.env_remove(var);
    }
    c
}

/// Installs the toolchain and its Miri component when missing, then Miri's sysroot.
fn ensure_miri(toolchain: &str, deadline: Instant) -> Result<(), String> {
    let have = nightly_cargo(toolchain).args(["miri", "--version"]).output().is_ok_and(|o| o.status.success());
    if !have {
        run_until(
            Command::new("rustup").args([
                "toolchain",
                "install",
                toolchain,
                "--profile",
                "minimal",
                "--component",
                "miri,rust-src",
                // Installing a toolchain must not replace the machine's rustup.
                "--no-self-update",
            ]),
            deadline,
        )?;
    }
    run_until(nightly_cargo(toolchain).args(["miri", "setup"]), deadline)
}

/// Runs the selected tests under Miri; extra arguments go to every test binary
/// (`cargo xtask miri -- slices` runs matching tests only).
pub fn miri(args: &[String]) -> Result<(), String> {
    let start = Instant::now();
    let toolchain = toolchain();
    let limit = std::env::var("NPRS_MIRI_TIMEOUT").ok().and_then(|s| s.parse().ok()).unwrap_or(TIMEOUT_SECS);
    let deadline = start + Duration::from_secs(limit);
    ensure_miri(&toolchain, deadline)?;
    let test_args = match args.first().map(String::as_str) {
        Some("--") => &args[1..],
        _ => args,
    };
    for (package, test, flags) in SELECTION {
        let miriflags = format!("-Zmiri-tree-borrows {flags} {}", std::env::var("MIRIFLAGS").unwrap_or_default());
        run_until(
            nightly_cargo(&toolchain)
                .args(["miri", "test", "--package", package, "--test", test, "--"])
                .args(test_args)
                .env("MIRIFLAGS", miriflags.trim()),
            deadline,
        )?;
    }
    eprintln!("miri: no undefined behaviour in {} test files ({:.0?})", SELECTION.len(), start.elapsed());
    Ok(())
}

/// Runs a command in the workspace root like [`crate::util::run`], stopping it (and everything it
/// started) at `deadline`.
fn run_until(cmd: &mut Command, deadline: Instant) -> Result<(), String> {
    let shown = format!("{cmd:?}");
    eprintln!("$ {shown}");
    // Its own process group, so that the interpreted test binaries stop with it.
    let mut child = cmd.current_dir(root()).process_group(0).spawn().map_err(|e| format!("{shown}: {e}"))?;
    loop {
        if let Some(status) = child.try_wait().map_err(|e| format!("{shown}: {e}"))? {
            return if status.success() { Ok(()) } else { Err(format!("{shown} failed with {status}")) };
        }
        if Instant::now() >= deadline {
            let _ = Command::new("kill").args(["-KILL", "--", &format!("-{}", child.id())]).status();
            let _ = child.wait();
            return Err(format!("{shown}: stopped at the time limit (NPRS_MIRI_TIMEOUT)"));
        }
        std::thread::sleep(Duration::from_millis(200));
    }
}
