//! Atomic replacement of files: every writer of this crate that is given a path writes a
//! temporary file next to the target, syncs it, and renames it over the target.
//!
//! A save that fails (a full disk, a file-size limit, a formatting error half-way) or a
//! process killed in the middle leaves the old file exactly as it was: the target path
//! names either the complete old file or the complete new one, never a mix. A failed
//! save removes its temporary file; only a process killed outright can leave one behind,
//! named `.<target>.<pid>-<n>.tmp` in the target's directory, which no later save
//! touches or depends on.
//!
//! Replacing keeps the old file's permission bits. A target that is a symbolic link is
//! resolved first, so the file it points to is replaced (or made) and the link stays. A target that
//! exists and is not a regular file (`/dev/null`, a FIFO) cannot be replaced by a
//! rename: it is written directly.

use std::fs::{File, OpenOptions};
use std::io::{self, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

use crate::error::Result;

/// A distinct number for each temporary file this process creates.
static COUNTER: AtomicU64 = AtomicU64::new(0);

/// A file being written in place of another: writes go to a temporary file, and
/// [`commit`](StagedFile::commit) puts it at the target path in one step. Dropped without
/// a commit, the temporary file is removed and the target is left untouched.
///
/// [`NpzWriter::create`](crate::NpzWriter::create) writes into one; the crate's `save*`
/// functions, `savetxt`, `tofile` and the `w+` memory maps use it internally.
///
/// ```
/// # let dir = std::env::temp_dir().join(format!("nprs-io-doc-staged-{}", std::process::id()));
/// # std::fs::create_dir_all(&dir).unwrap();
/// use std::io::Write;
/// use nprs_io::StagedFile;
/// let path = dir.join("a.bin");
/// std::fs::write(&path, b"old").unwrap();
/// let mut f = StagedFile::create(&path).unwrap();
/// f.write_all(b"new contents").unwrap();
/// assert_eq!(std::fs::read(&path).unwrap(), b"old"); // not yet in place
/// f.commit().unwrap();
/// assert_eq!(std::fs::read(&path).unwrap(), b"new contents");
/// # std::fs::remove_dir_all(&dir).unwrap();
/// ```
#[must_use = "a staged file is discarded unless `commit` is called"]
#[derive(Debug)]
pub struct StagedFile {
    file: File,
    /// The temporary file, or `None` when the target is written directly.
    tmp: Option<PathBuf>,
    target: PathBuf,
}

impl StagedFile {
    /// Starts replacing `target`: creates a new temporary file in its directory.
    ///
    /// # Errors
    /// I/O errors creating the temporary file (a missing directory, no permission).
    pub fn create(target: impl AsRef<Path>) -> Result<Self> {
        let mut target = target.as_ref().to_path_buf();
        let old = std::fs::symlink_metadata(&target).ok();
        if old.as_ref().is_some_and(|m| m.file_type().is_symlink()) {
            target = match std::fs::canonicalize(&target) {
                Ok(real) => real,
                // A link to a file not yet made: make the file it names.
                Err(_) => {
                    let to = std::fs::read_link(&target)?;
                    target.parent().map_or_else(|| to.clone(), |dir| dir.join(&to))
                }
            };
        }
        let old = std::fs::metadata(&target).ok();
        if old.as_ref().is_some_and(|m| !m.is_file()) {
            // A device or a pipe: there is nothing to replace atomically.
            let file = OpenOptions::new().write(true).open(&target)?;
            return Ok(StagedFile { file, tmp: None, target });
        }
        if old.is_some() {
            // Replacing a file needs the right to write it, as rewriting it would.
            drop(OpenOptions::new().write(true).open(&target)?);
        }
        let dir = match target.parent() {
            Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
            _ => PathBuf::from("."),
        };
        let name = target.file_name().map_or_else(|| "file".into(), |n| n.to_string_lossy().into_owned());
        let pid = std::process::id();
        loop {
            let n = COUNTER.fetch_add(1, Ordering::Relaxed);
            let tmp = dir.join(format!(".{name}.{pid}-{n}.tmp"));
            match OpenOptions::new().read(true).write(true).create_new(true).open(&tmp) {
                Ok(file) => {
                    let staged = StagedFile { file, tmp: Some(tmp), target };
                    if let Some(m) = old {
                        // The new file gets the old one's permissions, as rewriting it would.
                        staged.file.set_permissions(m.permissions())?;
                    }
                    return Ok(staged);
                }
                // Left by a process killed mid-save with a recycled pid: pick another name.
                Err(e) if e.kind() == io::ErrorKind::AlreadyExists => {}
                Err(e) => return Err(e.into()),
            }
        }
    }

    /// The file being written (for mapping it, or for positioned writes).
    #[must_use]
    pub fn file(&self) -> &File {
        &self.file
    }

    /// The path the file will have once committed.
    #[must_use]
    pub fn target(&self) -> &Path {
        &self.target
    }

    /// Syncs the written data to the disk and renames the temporary file over the
    /// target, so that the target holds the new contents whole.
    ///
    /// # Errors
    /// I/O errors syncing or renaming; the temporary file is then removed and the
    /// target left as it was.
    pub fn commit(mut self) -> Result<()> {
        // A device or pipe written directly has nothing to sync or rename.
        let Some(tmp) = self.tmp.take() else { return Ok(()) };
        if let Err(e) = self.file.sync_data() {
            let _ = std::fs::remove_file(&tmp);
            return Err(e.into());
        }
        if let Err(e) = std::fs::rename(&tmp, &self.target) {
            let _ = std::fs::remove_file(&tmp);
            return Err(e.into());
        }
        // Make the rename itself durable; not every file system can sync a directory (nor
        // can Miri, which aborts on `fsync` of a directory instead of returning an error).
        if !cfg!(miri)
            && let Some(dir) = self.target.parent().filter(|p| !p.as_os_str().is_empty())
            && let Ok(d) = File::open(dir)
        {
            let _ = d.sync_all();
        }
        Ok(())
    }
}

impl Drop for StagedFile {
    fn drop(&mut self) {
        if let Some(tmp) = self.tmp.take() {
            let _ = std::fs::remove_file(tmp);
        }
    }
}

impl Write for StagedFile {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.file.write(buf)
    }

    fn write_vectored(&mut self, bufs: &[io::IoSlice<'_>]) -> io::Result<usize> {
        self.file.write_vectored(bufs)
    }

    fn flush(&mut self) -> io::Result<()> {
        self.file.flush()
    }
}

impl Seek for StagedFile {
    fn seek(&mut self, pos: SeekFrom) -> io::Result<u64> {
        self.file.seek(pos)
    }
}

/// Writes a file at `path` with `write`, buffered, replacing any old file only once the
/// whole of it is written and synced.
pub(crate) fn write_file(path: &Path, write: impl FnOnce(&mut io::BufWriter<StagedFile>) -> Result<()>) -> Result<()> {
    let mut w = io::BufWriter::with_capacity(1 << 16, StagedFile::create(path)?);
    write(&mut w)?;
    w.into_inner().map_err(io::IntoInnerError::into_error)?.commit()
}
