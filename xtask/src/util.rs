//! Helpers shared by the tasks: the workspace root, running commands, the NumPy venv.

use std::path::{Path, PathBuf};
use std::process::Command;

/// The workspace root.
pub fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).parent().expect("xtask lives in the workspace").to_path_buf()
}

/// Runs a command in the workspace root, failing on a non-zero exit.
pub fn run(cmd: &mut Command) -> Result<(), String> {
    let shown = format!("{cmd:?}");
    eprintln!("$ {shown}");
    let status = cmd.current_dir(root()).status().map_err(|e| format!("{shown}: {e}"))?;
    if status.success() { Ok(()) } else { Err(format!("{shown} failed with {status}")) }
}

/// The cargo that runs this task.
pub fn cargo() -> Command {
    Command::new(std::env::var("CARGO").unwrap_or_else(|_| "cargo".into()))
}

/// The virtualenv with the pinned NumPy (`target/venv`), created and filled on first use.
/// Returns its python.
pub fn venv_python() -> Result<PathBuf, String> {
    let root = root();
    let venv = root.join("target/venv");
    let py = venv.join("bin/python");
    let req = root.join("tests/oracle/requirements.txt");
    let stamp = venv.join(".requirements");
    let wanted = std::fs::read_to_string(&req).map_err(|e| format!("{}: {e}", req.display()))?;
    if py.exists() && std::fs::read_to_string(&stamp).ok().as_deref() == Some(wanted.as_str()) {
        return Ok(py);
    }
    let python = ["python3", "python"]
        .into_iter()
        .find(|p| Command::new(p).arg("--version").output().is_ok_and(|o| o.status.success()))
        .ok_or("no python3 found: install Python 3.11+ to run the NumPy oracle")?;
    if !py.exists() {
        run(Command::new(python).args(["-m", "venv"]).arg(&venv))?;
    }
    run(Command::new(&py).args(["-m", "pip", "install", "--quiet", "--disable-pip-version-check", "-r"]).arg(&req))?;
    std::fs::write(&stamp, wanted).map_err(|e| e.to_string())?;
    Ok(py)
}

/// The venv python of [`venv_python`] with the benchmark extras of `benches/requirements.txt`
/// installed too (kept apart from the oracle's requirements, with their own stamp).
pub fn bench_python() -> Result<PathBuf, String> {
    let py = venv_python()?;
    let req = root().join("benches/requirements.txt");
    let stamp = root().join("target/venv/.bench-requirements");
    let wanted = std::fs::read_to_string(&req).map_err(|e| format!("{}: {e}", req.display()))?;
    if std::fs::read_to_string(&stamp).ok().as_deref() != Some(wanted.as_str()) {
        run(Command::new(&py)
            .args(["-m", "pip", "install", "--quiet", "--disable-pip-version-check", "-r"])
            .arg(&req))?;
        std::fs::write(&stamp, wanted).map_err(|e| e.to_string())?;
    }
    Ok(py)
}

/// The cargo target directory (`CARGO_TARGET_DIR`, else `target/` in the workspace root).
pub fn target_dir() -> PathBuf {
    std::env::var_os("CARGO_TARGET_DIR").map_or_else(|| root().join("target"), |d| root().join(d))
}
