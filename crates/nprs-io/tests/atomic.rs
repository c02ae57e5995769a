//! Saves replace files whole: a save that fails, or a process killed in the middle of one,
//! leaves the old file loading with exactly its old contents.
//!
//! The failing and killed saves run in a child process: this test binary started again
//! with `NPRS_IO_CHILD` naming the work to do (a file-size limit makes writes fail with
//! `EFBIG`; a `SIGKILL` stops a save half-way).
#![cfg(target_os = "linux")]
#![allow(unsafe_code)] // setrlimit and signal in the child process; memory maps of the tests' own files

mod common;

use std::os::unix::process::ExitStatusExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use common::temp_dir;
use nprs_core::{Array, DynArray, Order};
use nprs_io::text::{Fmt, SaveTxtOptions};
use nprs_io::{Error, MmapMode, NpyWrite, NpzFile, NpzWriter};

const CHILD: &str = "NPRS_IO_CHILD";
const CHILD_DIR: &str = "NPRS_IO_CHILD_DIR";

/// Runs test `name` of this binary in a child process doing `work` in `dir`.
fn child(name: &str, work: &str, dir: &Path) -> Command {
    let mut c = Command::new(std::env::current_exe().unwrap());
    c.args(["--exact", name, "--nocapture", "--test-threads=1"]).env(CHILD, work).env(CHILD_DIR, dir);
    c
}

/// The files in `dir` whose name marks a save's temporary file.
fn temporaries(dir: &Path) -> Vec<PathBuf> {
    std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.file_name().unwrap().to_string_lossy().ends_with(".tmp"))
        .collect()
}

/// The names of the files in `dir`, sorted.
fn names(dir: &Path) -> Vec<String> {
    let mut v: Vec<String> =
        std::fs::read_dir(dir).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect();
    v.sort();
    v
}

fn old() -> Array<f64> {
    Array::from_vec(vec![1.0, 2.0, 3.0])
}

/// `n` float64 values whose bytes do not compress (a deflated archive stays as large).
fn noise(n: usize) -> Array<f64> {
    let mut x = 0x9E37_79B9_7F4A_7C15u64;
    Array::from_vec(
        (0..n)
            .map(|_| {
                x = x.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
                f64::from_bits((x >> 12) | 0x3FF0_0000_0000_0000)
            })
            .collect(),
    )
}

/// The writers under test: each writes `a` to `path` in its format.
const KINDS: [&str; 5] = ["npy", "npz", "npz_writer", "txt", "tofile"];

fn write(kind: &str, path: &Path, a: &Array<f64>) -> nprs_io::Result<()> {
    match kind {
        "npy" => nprs_io::save(path, a),
        "npz" => nprs_io::savez_compressed(path, &[], &[("a", a as &dyn NpyWrite)]),
        "npz_writer" => {
            let mut w = NpzWriter::create(path, false)?;
            w.add("a", a)?;
            w.commit()
        }
        "txt" => nprs_io::savetxt(path, a, &SaveTxtOptions::default()),
        "tofile" => nprs_io::tofile(a, path, "", ""),
        _ => unreachable!(),
    }
}

fn read(kind: &str, path: &Path) -> Array<f64> {
    match kind {
        "npy" => nprs_io::load(path).unwrap(),
        "npz" | "npz_writer" => NpzFile::open(path).unwrap().get_array("a").unwrap(),
        "txt" => nprs_io::loadtxt(path, &nprs_io::text::LoadTxtOptions::default()).unwrap(),
        "tofile" => nprs_io::fromfile(path, None, "", 0).unwrap(),
        _ => unreachable!(),
    }
}

#[test]
fn killed_saves_leave_the_old_file() {
    if let Ok(kind) = std::env::var(CHILD) {
        // The child: save a large array over the old file until killed.
        let dir = PathBuf::from(std::env::var(CHILD_DIR).unwrap());
        let n = if kind == "txt" { 1 << 21 } else { 1 << 24 };
        write(&kind, &dir.join("target"), &noise(n)).unwrap();
        return;
    }
    for kind in KINDS {
        let dir = temp_dir(&format!("atomic-kill-{kind}"));
        let target = dir.join("target");
        write(kind, &target, &old()).unwrap();
        let before = std::fs::read(&target).unwrap();
        let mut c = child("killed_saves_leave_the_old_file", kind, &dir).stdout(Stdio::null()).spawn().unwrap();
        // Kill the child once its temporary file has data in it: the save is under way.
        let start = Instant::now();
        loop {
            let written = temporaries(&dir).iter().filter_map(|p| std::fs::metadata(p).ok()).any(|m| m.len() > 1 << 16);
            if written {
                break;
            }
            assert!(c.try_wait().unwrap().is_none(), "{kind}: the save ended before it could be interrupted");
            assert!(start.elapsed() < Duration::from_secs(120), "{kind}: the save never started");
            std::thread::sleep(Duration::from_millis(1));
        }
        c.kill().unwrap();
        let status = c.wait().unwrap();
        assert_eq!(status.signal(), Some(libc::SIGKILL), "{kind}: the child was not killed mid-save");
        assert_eq!(std::fs::read(&target).unwrap(), before, "{kind}: the old file changed");
        assert_eq!(read(kind, &target), old(), "{kind}");
        // The killed save's temporary file is left, and gets in no later save's way.
        assert_eq!(temporaries(&dir).len(), 1, "{kind}: {:?}", names(&dir));
        let new = Array::from_vec(vec![4.0, 5.0]);
        write(kind, &target, &new).unwrap();
        assert_eq!(read(kind, &target), new, "{kind}");
        std::fs::remove_dir_all(&dir).unwrap();
    }
}

/// In the child: asserts that a save failed because the file grew past the limit, and
/// that it left the old file and no temporary behind.
#[track_caller]
fn check_failed(what: &str, r: nprs_io::Result<()>, dir: &Path, old_files: &[(&Path, &[u8])]) {
    match r {
        Err(Error::Io(e)) if e.raw_os_error() == Some(libc::EFBIG) => {}
        other => panic!("{what}: expected EFBIG, got {other:?}"),
    }
    for (p, bytes) in old_files {
        assert_eq!(&std::fs::read(p).unwrap()[..], *bytes, "{what}: {} changed", p.display());
    }
    assert!(temporaries(dir).is_empty(), "{what}: a temporary file was left: {:?}", names(dir));
}

#[test]
fn failed_saves_leave_the_old_file_and_no_temporary() {
    if std::env::var(CHILD).is_err() {
        let dir = temp_dir("atomic-efbig");
        let out = child("failed_saves_leave_the_old_file_and_no_temporary", "efbig", &dir).output().unwrap();
        assert!(
            out.status.success(),
            "child failed: {}\n{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
        std::fs::remove_dir_all(&dir).unwrap();
        return;
    }
    let dir = PathBuf::from(std::env::var(CHILD_DIR).unwrap());
    let target = dir.join("target");
    // Every save below writes at least 4 MiB; files may grow to 1 MiB.
    let big = noise(1 << 19);
    // SAFETY: SIG_IGN is a valid disposition for SIGXFSZ; the test process is single-threaded
    // here and nothing else depends on that signal.
    unsafe { libc::signal(libc::SIGXFSZ, libc::SIG_IGN) };
    let limit = libc::rlimit { rlim_cur: 1 << 20, rlim_max: 1 << 20 };
    // SAFETY: `limit` is a valid rlimit that outlives the call.
    assert_eq!(unsafe { libc::setrlimit(libc::RLIMIT_FSIZE, &raw const limit) }, 0);
    for kind in KINDS {
        write(kind, &target, &old()).unwrap();
        let before = std::fs::read(&target).unwrap();
        check_failed(kind, write(kind, &target, &big), &dir, &[(&target, &before)]);
        assert_eq!(read(kind, &target), old(), "{kind}");
    }
    // The other writers, over an `.npy` file.
    nprs_io::save(&target, &old()).unwrap();
    let before = std::fs::read(&target).unwrap();
    let olds = [(target.as_path(), &before[..])];
    let be = nprs_io::SaveOptions { byte_order: nprs_core::ByteOrder::Big, ..Default::default() };
    check_failed("save_with big-endian", nprs_io::save_with(&target, &big, &be), &dir, &olds);
    check_failed("save_dyn", nprs_io::save_dyn(&target, &DynArray::from(big.clone())), &dir, &olds);
    let be_dyn = DynArray::from(big.clone()).with_byte_order(nprs_core::ByteOrder::Big);
    check_failed("save_dyn big-endian", nprs_io::save_dyn(&target, &be_dyn), &dir, &olds);
    check_failed("tofile text", nprs_io::tofile(&big, &target, ",", "%s"), &dir, &olds);
    let t = big.t();
    let txt = SaveTxtOptions { fmt: Fmt::One("%.30f".into()), ..Default::default() };
    check_failed("savetxt of a view", nprs_io::savetxt(&target, &t, &txt), &dir, &olds);
    // `w+` maps of 8 MiB: the file cannot reach its size, and no file is left.
    let fresh = dir.join("fresh.npy");
    // SAFETY: these files are this test's own.
    unsafe {
        let r = nprs_io::open_memmap::<f64>(&target, MmapMode::Write, Some(&[1 << 20]), false, None).map(drop);
        check_failed("open_memmap over a file", r, &dir, &olds);
        let r = nprs_io::open_memmap::<f64>(&fresh, MmapMode::Write, Some(&[1 << 20]), false, None).map(drop);
        check_failed("open_memmap", r, &dir, &olds);
        let d = nprs_core::Descr::parse("<f8").unwrap();
        let r = nprs_io::open_memmap_dyn(&fresh, MmapMode::Write, &d, Some(&[1 << 20]), false, None).map(drop);
        check_failed("open_memmap_dyn", r, &dir, &olds);
        let r = nprs_io::Memmap::<f64>::open(&fresh, MmapMode::Write, 0, Some(&[1 << 20]), Order::C).map(drop);
        check_failed("Memmap::open w+", r, &dir, &olds);
        let r = nprs_io::DynMemmap::open(&fresh, &d, MmapMode::Write, 0, Some(&[1 << 20]), Order::C).map(drop);
        check_failed("DynMemmap::open w+", r, &dir, &olds);
    }
    assert!(!fresh.exists());
    assert_eq!(nprs_io::load::<f64>(&target).unwrap(), old());
    assert_eq!(names(&dir), vec!["target"]);
}

#[test]
fn a_save_that_fails_half_way_changes_nothing() {
    let dir = temp_dir("atomic-halfway");
    let p = dir.join("a.txt");
    let opts = SaveTxtOptions { fmt: Fmt::One("%d".into()), ..Default::default() };
    nprs_io::savetxt(&p, &Array::from_vec(vec![1.0, 2.0]), &opts).unwrap();
    let before = std::fs::read(&p).unwrap();
    // Row 1000 cannot be formatted with %d: the first 999 rows were written already.
    let mut v = vec![5.0; 2000];
    v[1000] = f64::NAN;
    let e = nprs_io::savetxt(&p, &Array::from_vec(v), &opts).unwrap_err();
    assert_eq!(e.to_string(), "cannot convert float NaN to integer");
    assert_eq!(std::fs::read(&p).unwrap(), before);
    assert_eq!(names(&dir), vec!["a.txt"]);
    // A writer dropped before its commit leaves the old file.
    let z = dir.join("z.npz");
    nprs_io::savez(&z, &[&old()], &[]).unwrap();
    let before = std::fs::read(&z).unwrap();
    let mut w = NpzWriter::create(&z, false).unwrap();
    w.add("b", &noise(1000)).unwrap();
    drop(w);
    assert_eq!(std::fs::read(&z).unwrap(), before);
    assert_eq!(names(&dir), vec!["a.txt", "z.npz"]);
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn a_failed_w_plus_map_leaves_no_file() {
    let dir = temp_dir("atomic-wplus");
    let p = dir.join("m.npy");
    // SAFETY: the file is this test's own.
    let e = unsafe { nprs_io::open_memmap::<f64>(&p, MmapMode::Write, Some(&[usize::MAX / 4, 4]), false, None) };
    assert_eq!(e.unwrap_err().numpy_kind(), "ValueError");
    assert!(!p.exists());
    // SAFETY: as above.
    let e = unsafe { nprs_io::Memmap::<u8>::open(&p, MmapMode::Write, u64::MAX - 2, Some(&[8]), Order::C) };
    assert!(e.is_err());
    assert!(!p.exists());
    nprs_io::save(&p, &old()).unwrap();
    // SAFETY: as above.
    let e = unsafe { nprs_io::open_memmap::<f64>(&p, MmapMode::Write, Some(&[usize::MAX / 4, 4]), false, None) };
    assert!(e.is_err());
    assert_eq!(nprs_io::load::<f64>(&p).unwrap(), old());
    assert_eq!(names(&dir), vec!["m.npy"]);
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn replacing_keeps_permissions_links_and_maps() {
    use std::os::unix::fs::PermissionsExt;
    let dir = temp_dir("atomic-meta");
    let p = dir.join("a.npy");
    nprs_io::save(&p, &old()).unwrap();
    std::fs::set_permissions(&p, std::fs::Permissions::from_mode(0o640)).unwrap();
    // A map of the old file keeps seeing it: the save makes a new file.
    // SAFETY: nothing writes to the mapped file; the save below replaces it by a rename.
    let m = unsafe { nprs_io::load_mmap::<f64>(&p, MmapMode::ReadOnly) }.unwrap();
    nprs_io::save(&p, &Array::from_vec(vec![9.0; 3])).unwrap();
    assert_eq!(m.as_slice(), &[1.0, 2.0, 3.0]);
    assert_eq!(std::fs::metadata(&p).unwrap().permissions().mode() & 0o777, 0o640);
    // A link is followed: the file it names is replaced, the link stays.
    let link = dir.join("link.npy");
    std::os::unix::fs::symlink(&p, &link).unwrap();
    nprs_io::save(&link, &old()).unwrap();
    assert!(std::fs::symlink_metadata(&link).unwrap().file_type().is_symlink());
    assert_eq!(nprs_io::load::<f64>(&p).unwrap(), old());
    // A link to a file not yet made makes that file.
    let dangling = dir.join("dangling.npy");
    std::os::unix::fs::symlink("made.npy", &dangling).unwrap();
    nprs_io::save(&dangling, &old()).unwrap();
    assert!(std::fs::symlink_metadata(&dangling).unwrap().file_type().is_symlink());
    assert_eq!(nprs_io::load::<f64>(dir.join("made.npy")).unwrap(), old());
    std::fs::remove_file(&dangling).unwrap();
    std::fs::remove_file(dir.join("made.npy")).unwrap();
    // Devices are written, not replaced.
    nprs_io::save("/dev/null", &old()).unwrap();
    assert_eq!(names(&dir), vec!["a.npy", "link.npy"]);
    std::fs::remove_dir_all(&dir).unwrap();
}
