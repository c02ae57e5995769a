//! More than memory holds: NumPy's MemoryError, never an abort. The work runs in a child
//! process (this test binary started again with `NPRS_IO_CHILD`) whose address space is
//! limited to a little more than it already uses.
#![cfg(target_os = "linux")]
#![allow(unsafe_code)] // setrlimit in the child process

mod common;

use std::path::PathBuf;
use std::process::Command;

use nprs_core::Array;
use nprs_io::text::{Fmt, GenFromTxtOptions, LoadTxtOptions, SaveTxtOptions, write_txt};

const CHILD: &str = "NPRS_IO_CHILD";

/// The process's current virtual size, in bytes.
fn vm_size() -> u64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap();
    let line = status.lines().find(|l| l.starts_with("VmSize:")).unwrap();
    line.split_whitespace().nth(1).unwrap().parse::<u64>().unwrap() * 1024
}

#[test]
fn text_larger_than_memory_is_a_memory_error() {
    let Ok(dir) = std::env::var(CHILD) else {
        let dir = common::temp_dir("memory");
        let out = Command::new(std::env::current_exe().unwrap())
            .args(["--exact", "text_larger_than_memory_is_a_memory_error", "--nocapture", "--test-threads=1"])
            .env(CHILD, &dir)
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "child failed ({:?}): {}\n{}",
            out.status,
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
        std::fs::remove_dir_all(&dir).unwrap();
        return;
    };
    // 8 million numbers in 16 MB of text: 64 MB of float64 values.
    let path = PathBuf::from(dir).join("ones.txt");
    std::fs::write(&path, "1 ".repeat(8 << 20)).unwrap();
    let one = Array::from_vec(vec![1.5]);
    let mut out = Vec::with_capacity(1 << 10);
    let limit = vm_size() + (40 << 20);
    let rl = libc::rlimit { rlim_cur: limit, rlim_max: limit };
    // SAFETY: `rl` is a valid rlimit that outlives the call.
    assert_eq!(unsafe { libc::setrlimit(libc::RLIMIT_AS, &raw const rl) }, 0);
    let e = nprs_io::fromfile::<f64>(&path, None, " ", 0).unwrap_err();
    assert_eq!(e.numpy_kind(), "MemoryError", "fromfile: {e}");
    let e = nprs_io::loadtxt::<f64>(&path, &LoadTxtOptions::default()).unwrap_err();
    assert_eq!(e.numpy_kind(), "MemoryError", "loadtxt: {e}");
    let e = nprs_io::text::genfromtxt(&path, &GenFromTxtOptions::default()).unwrap_err();
    assert_eq!(e.numpy_kind(), "MemoryError", "genfromtxt: {e}");
    // Python's largest precision and a width of 3 GB.
    for f in ["%.2147483647f", "%.2147483647e", "%.2147483647d", "%3000000000s"] {
        let opts = SaveTxtOptions { fmt: Fmt::One(f.into()), ..Default::default() };
        let e = write_txt(&mut out, &one, &opts).unwrap_err();
        assert_eq!(e.numpy_kind(), "MemoryError", "{f}: {e}");
    }
}
