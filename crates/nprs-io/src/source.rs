//! Where the data after a header comes from: a file, read with positioned reads straight
//! into a fresh array's uninitialised memory, or any stream.
#![allow(unsafe_code)] // reads into uninitialised buffers; each block says why it holds

use std::fs::File;
use std::io::{self, Read};
use std::mem::MaybeUninit;

use crate::buf::{self, CHUNK};

/// Work done on each piece of data as soon as it is read, while it is still in cache
/// (byte swapping, making bool bytes 0 or 1). Pieces hold whole elements.
pub(crate) type Post<'a> = Option<&'a (dyn Fn(&mut [u8]) + Sync)>;

/// A source of array data.
pub(crate) trait Body: Read {
    /// Reads into `dst` until it is full or the data ends and returns the bytes read;
    /// those first bytes of `dst` are then initialised. `post` runs on every piece read,
    /// each a whole number of `item`-byte elements (except a last, short one).
    fn fill(&mut self, dst: &mut [MaybeUninit<u8>], item: usize, post: Post<'_>) -> io::Result<usize> {
        let step = piece_len(item);
        let mut done = 0;
        for piece in dst.chunks_mut(step) {
            // SAFETY: `write_bytes` initialises every byte of the piece with zero before it
            // is viewed as `[u8]`.
            let piece = unsafe {
                std::ptr::write_bytes(piece.as_mut_ptr(), 0, piece.len());
                std::slice::from_raw_parts_mut(piece.as_mut_ptr().cast::<u8>(), piece.len())
            };
            let got = buf::read_full(self, piece)?;
            if let Some(p) = post {
                p(&mut piece[..got]);
            }
            done += got;
            if got < piece.len() {
                break;
            }
        }
        Ok(done)
    }
}

/// Bytes per piece when data is processed as it is read: about [`CHUNK`], in whole
/// elements.
fn piece_len(item: usize) -> usize {
    let item = item.max(1);
    (CHUNK / item).max(1) * item
}

/// Any stream, read with ordinary `read` calls.
pub(crate) struct Stream<'a, R: ?Sized>(pub(crate) &'a mut R);

impl<R: Read + ?Sized> Read for Stream<'_, R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        self.0.read(buf)
    }
}

impl<R: Read + ?Sized> Body for Stream<'_, R> {}

/// A file's data from a byte position on, read with positioned reads (`pread`), which
/// neither need nor move the file's cursor.
pub(crate) struct FileBody {
    file: File,
    pos: u64,
}

impl FileBody {
    /// The data of `file` from byte `pos` on.
    pub(crate) fn new(file: File, pos: u64) -> Self {
        FileBody { file, pos }
    }
}

impl Read for FileBody {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        #[cfg(unix)]
        let n = std::os::unix::fs::FileExt::read_at(&self.file, buf, self.pos)?;
        #[cfg(not(unix))]
        let n = {
            use std::io::Seek;
            (&self.file).seek(io::SeekFrom::Start(self.pos))?;
            (&self.file).read(buf)?
        };
        self.pos += n as u64;
        Ok(n)
    }
}

/// Arrays at least this large are read by several threads at once, each with its own
/// positioned reads into its own part of the array.
#[cfg(target_os = "linux")]
const PARALLEL_MIN: usize = 32 << 20;

#[cfg(target_os = "linux")]
impl Body for FileBody {
    fn fill(&mut self, dst: &mut [MaybeUninit<u8>], item: usize, post: Post<'_>) -> io::Result<usize> {
        let item = item.max(1);
        let threads = if dst.len() >= PARALLEL_MIN {
            std::thread::available_parallelism().map_or(1, std::num::NonZero::get).min(4)
        } else {
            1
        };
        let got = if threads <= 1 {
            pread_part(&self.file, dst, self.pos, item, post)?
        } else {
            // Parts in whole elements; the bytes read count only up to the first short part.
            let per = dst.len().div_ceil(item).div_ceil(threads) * item;
            let pos = self.pos;
            let file = &self.file;
            let results: Vec<io::Result<usize>> = std::thread::scope(|s| {
                let handles: Vec<_> = dst
                    .chunks_mut(per)
                    .enumerate()
                    .map(|(i, part)| {
                        let at = pos + (i * per) as u64;
                        s.spawn(move || pread_part(file, part, at, item, post))
                    })
                    .collect();
                handles.into_iter().map(|h| h.join().unwrap_or_else(|e| std::panic::resume_unwind(e))).collect()
            });
            let mut total = 0;
            for (i, r) in results.into_iter().enumerate() {
                let n = r?;
                let want = per.min(dst.len() - i * per);
                total += n;
                if n < want {
                    break;
                }
            }
            total
        };
        self.pos += got as u64;
        Ok(got)
    }
}

/// The most one `pread` call is asked for (Linux transfers at most about 2 GiB per call).
#[cfg(target_os = "linux")]
const MAX_CALL: usize = 1 << 30;

/// Reads `dst` from `file` at `pos` with positioned reads until it is full or the file
/// ends, running `post` on each piece; returns the bytes read.
#[cfg(target_os = "linux")]
fn pread_part(file: &File, dst: &mut [MaybeUninit<u8>], pos: u64, item: usize, post: Post<'_>) -> io::Result<usize> {
    use std::os::fd::AsRawFd;
    let fd = file.as_raw_fd();
    let step = if post.is_some() { piece_len(item) } else { MAX_CALL };
    let mut done = 0usize;
    while done < dst.len() {
        let want = step.min(dst.len() - done);
        let mut got = 0usize;
        while got < want {
            let off = libc::off_t::try_from(pos + (done + got) as u64)
                .map_err(|_| io::Error::new(io::ErrorKind::InvalidInput, "file offset too large"))?;
            // SAFETY: the destination is `want - got` bytes inside `dst`, which we borrow
            // uniquely; `pread` only writes into it (uninitialised memory may be written).
            let n = unsafe { libc::pread(fd, dst.as_mut_ptr().add(done + got).cast(), want - got, off) };
            if n < 0 {
                let e = io::Error::last_os_error();
                if e.kind() == io::ErrorKind::Interrupted {
                    continue;
                }
                return Err(e);
            }
            if n == 0 {
                break;
            }
            got += n as usize;
        }
        if let Some(p) = post {
            // SAFETY: `pread` initialised these `got` bytes.
            p(unsafe { std::slice::from_raw_parts_mut(dst.as_mut_ptr().add(done).cast::<u8>(), got) });
        }
        done += got;
        if got < want {
            break;
        }
    }
    Ok(done)
}

#[cfg(not(target_os = "linux"))]
impl Body for FileBody {}

/// The bytes of a slice of uninitialised elements.
pub(crate) fn uninit_bytes<T>(s: &mut [MaybeUninit<T>]) -> &mut [MaybeUninit<u8>] {
    // SAFETY: any memory may be viewed as uninitialised bytes; the length is the slice's
    // size in bytes and the borrow is carried over.
    unsafe { std::slice::from_raw_parts_mut(s.as_mut_ptr().cast::<MaybeUninit<u8>>(), size_of_val(s)) }
}

/// Initialised bytes viewed as possibly uninitialised ones, for [`Body::fill`].
///
/// # Safety
/// Nothing uninitialised may be written through the result (`fill` writes only bytes it
/// read).
pub(crate) unsafe fn init_bytes_as_uninit(s: &mut [u8]) -> &mut [MaybeUninit<u8>] {
    // SAFETY: same layout; the caller writes only initialised bytes, so the slice stays
    // initialised for its owner.
    unsafe { std::slice::from_raw_parts_mut(s.as_mut_ptr().cast::<MaybeUninit<u8>>(), s.len()) }
}
