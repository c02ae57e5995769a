//! The read-coverage record: which oracle cases a test process compared.
//!
//! Every comparison that passes ([`Case::check`](crate::Case::check) and its siblings) marks
//! its case; reading an input case (one whose NumPy code ends in a bare variable name, see
//! [`Case::is_input`](crate::Case::is_input)) marks it as read. Each test process appends its
//! marks, one per line and once per case, to its own file
//! `<dir>/<test binary>.<pid>.txt`, where `<dir>` is `$NPRS_ORACLE_COVERAGE_DIR` when set and
//! otherwise `oracle-coverage/` in the cargo target directory of the running test binary.
//! `cargo xtask test` clears that folder, runs every test, and then fails when a recorded
//! case was never compared (`cargo xtask oracle-coverage`).
//!
//! A line is `<mark>\t<case file>\t<case name>\n`, mark `c` (compared) or `i` (input read),
//! or `p\t<case file>\t<case name>\t<item>\n` for one compared item of a tuple;
//! written with one `write` call on a file opened for appending, so lines of parallel
//! threads never interleave (a mutex orders them within the process as well).

use std::collections::HashSet;
use std::fs::{File, OpenOptions};
use std::io::Write as _;
use std::path::PathBuf;
use std::sync::Mutex;

/// What a test did with a case.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub(crate) enum Mark {
    /// A comparison with the recorded result passed.
    Compared,
    /// An input case's data was read.
    Input,
    /// A comparison with item `i` of a recorded tuple passed.
    Item(usize),
}

impl Mark {
    fn letter(self) -> char {
        match self {
            Mark::Compared => 'c',
            Mark::Input => 'i',
            Mark::Item(_) => 'p',
        }
    }
}

struct Record {
    seen: HashSet<(Mark, String, String)>,
    out: Option<File>,
}

static RECORD: Mutex<Option<Record>> = Mutex::new(None);

/// The folder the records of this process go to.
#[must_use]
pub fn coverage_dir() -> PathBuf {
    if let Some(d) = std::env::var_os("NPRS_ORACLE_COVERAGE_DIR") {
        return PathBuf::from(d);
    }
    // A test binary runs from `<target>/<profile>/deps/`.
    let exe = std::env::current_exe().ok();
    let target = exe.as_deref().and_then(|e| {
        let deps = e.parent()?;
        (deps.file_name()? == "deps").then(|| deps.parent()?.parent()).flatten()
    });
    target.map_or_else(
        || PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../target/oracle-coverage"),
        |t| t.join("oracle-coverage"),
    )
}

fn open() -> Option<File> {
    let dir = coverage_dir();
    std::fs::create_dir_all(&dir).ok()?;
    let exe = std::env::current_exe().ok();
    let stem = exe.as_deref().and_then(|e| e.file_name()).map_or_else(|| "test".into(), |s| s.to_string_lossy());
    let path = dir.join(format!("{stem}.{}.txt", std::process::id()));
    OpenOptions::new().create(true).append(true).open(path).ok()
}

/// Notes `mark` for case `name` of case file `file` (once per process).
pub(crate) fn note(mark: Mark, file: &str, name: &str) {
    let mut guard = RECORD.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
    let rec = guard.get_or_insert_with(|| Record { seen: HashSet::new(), out: open() });
    if !rec.seen.insert((mark, file.to_string(), name.to_string())) {
        return;
    }
    if let Some(out) = rec.out.as_mut() {
        let line = match mark {
            Mark::Item(i) => format!("p\t{file}\t{name}\t{i}\n"),
            _ => format!("{}\t{file}\t{name}\n", mark.letter()),
        };
        // A lost line shows up as an uncompared case in the check, never as a false pass.
        let _ = out.write_all(line.as_bytes());
    }
}
