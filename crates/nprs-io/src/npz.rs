//! `.npz` archives: `numpy.savez`, `numpy.savez_compressed` and the lazy `NpzFile` that
//! `numpy.load` returns for them.

use std::fs::File;
use std::io::{BufReader, Read, Seek, SeekFrom, Write};
use std::path::Path;

use nprs_core::kernel::Data;
use nprs_core::{Array, ArrayBase, DynArray, Element};
use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, ZipArchive, ZipWriter};

use crate::error::{Error, Result};
use crate::header::{self, Header, Version};
use crate::npy::{self, Avail, LoadOptions, SaveOptions};
use crate::source::Stream;
use crate::staged::StagedFile;

/// The most a deflate stream can expand (1032:1), used to judge whether a member's
/// declared size is plausible before trusting it for an allocation.
const MAX_DEFLATE_RATIO: u64 = 1032;

/// An open `.npz` archive whose members are read one at a time, on request
/// (`numpy.lib.npyio.NpzFile`).
///
/// ```
/// # let dir = std::env::temp_dir().join(format!("nprs-io-doc-npz-{}", std::process::id()));
/// # std::fs::create_dir_all(&dir).unwrap();
/// use nprs_core::Array;
/// use nprs_io::{NpzFile, savez};
/// let path = dir.join("a.npz");
/// let x = Array::from_vec(vec![1i32, 2, 3]);
/// let y = Array::from_vec(vec![0.5f64]);
/// savez(&path, &[&x], &[("y", &y)]).unwrap();
/// let mut npz = NpzFile::open(&path).unwrap();
/// assert_eq!(npz.names(), vec!["y", "arr_0"]);
/// let y2: Array<f64> = npz.get_array("y").unwrap();
/// assert_eq!(y2, y);
/// # std::fs::remove_dir_all(&dir).unwrap();
/// ```
pub struct NpzFile<R: Read + Seek = BufReader<File>> {
    archive: ZipArchive<R>,
    archive_len: u64,
    opts: LoadOptions,
}

impl NpzFile<BufReader<File>> {
    /// Opens an archive file (reading only its directory).
    ///
    /// # Errors
    /// I/O errors; [`Error::NotZip`] or [`Error::Zip`] when the file is not a zip archive.
    pub fn open(path: impl AsRef<Path>) -> Result<Self> {
        Self::new(BufReader::new(File::open(path)?))
    }
}

impl<R: Read + Seek> NpzFile<R> {
    /// Reads an archive's directory from a seekable stream.
    ///
    /// # Errors
    /// I/O errors; [`Error::NotZip`] or [`Error::Zip`] when the stream is not a zip archive.
    pub fn new(mut reader: R) -> Result<Self> {
        let archive_len = reader.seek(SeekFrom::End(0))?;
        reader.seek(SeekFrom::Start(0))?;
        let archive = ZipArchive::new(reader)?;
        Ok(NpzFile { archive, archive_len, opts: LoadOptions::default() })
    }

    /// Uses these options (a larger `max_header_size`) for the members read from now on.
    #[must_use]
    pub fn with_options(mut self, opts: LoadOptions) -> Self {
        self.opts = opts;
        self
    }

    /// The members' names in archive order, without the `.npy` suffix (`NpzFile.files`).
    #[must_use]
    pub fn names(&self) -> Vec<String> {
        (0..self.archive.len())
            .filter_map(|i| self.archive.name_for_index(i).and_then(std::result::Result::ok))
            .map(|n| n.strip_suffix(".npy").map_or_else(|| n.to_string(), str::to_string))
            .collect()
    }

    /// Number of members.
    #[must_use]
    pub fn len(&self) -> usize {
        self.archive.len()
    }

    /// True for an archive without members.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.archive.len() == 0
    }

    /// The archive entry for `name` (with or without `.npy`), as NumPy looks it up.
    fn entry(&self, name: &str) -> Result<String> {
        if self.archive.index_for_name(name).is_some() {
            return Ok(name.to_string());
        }
        let with = format!("{name}.npy");
        if self.archive.index_for_name(&with).is_some() {
            return Ok(with);
        }
        Err(Error::NotInArchive { name: name.to_string() })
    }

    /// Opens member `name`, reads its header, and calls `f` with the member's reader.
    fn with_member<T>(&mut self, name: &str, f: impl FnOnce(&mut dyn Read, &Header, Avail) -> Result<T>) -> Result<T> {
        let key = self.entry(name)?;
        let opts = self.opts;
        let archive_len = self.archive_len;
        let member = self.archive.by_name(&key)?;
        let declared = member.size();
        let plausible = match member.compression() {
            CompressionMethod::Stored => member.compressed_size().min(archive_len),
            _ => member.compressed_size().min(archive_len).saturating_mul(MAX_DEFLATE_RATIO).saturating_add(1024),
        };
        // Never read past the declared size, whatever the stream inflates to.
        let mut r = member.take(declared);
        let mut magic = [0u8; 6];
        let n = crate::buf::read_full(&mut r, &mut magic)?;
        if n < 6 || &magic != header::MAGIC_PREFIX {
            return Err(Error::NotNpyMember { name: key.to_string() });
        }
        let mut chained = std::io::Read::chain(&magic[..], &mut r);
        let h = header::read_header(&mut chained, opts.max_header_size)?;
        let after = declared.saturating_sub(h.data_offset);
        if (after as u128) < h.nbytes()? as u128 {
            let item = h.itemsize().max(1) as u64;
            return Err(crate::buf::truncated(&h.shape, h.count()?, usize::try_from(after / item).unwrap_or(0)));
        }
        // A declared size the compressed data cannot produce is not trusted for a
        // single allocation: such a member is read with growing buffers instead.
        let avail = if declared <= plausible { Avail::Known(after) } else { Avail::Unknown };
        f(&mut chained, &h, avail)
    }

    /// Reads member `name` (`npz[name]`) as a dynamic array of its own dtype (byte
    /// order included), as NumPy gives it; numeric members sit in a typed buffer, so
    /// [`DynArray::into_typed`] takes them out without a copy.
    ///
    /// # Errors
    /// [`Error::NotInArchive`] for an unknown name (NumPy's `KeyError`); every error of
    /// [`crate::load_dyn`] for the member's contents.
    pub fn get(&mut self, name: &str) -> Result<DynArray> {
        self.with_member(name, |r, h, avail| crate::dynio::read_dyn_body(&mut Stream(r), h, avail))
    }

    /// Reads member `name` as element type `T`.
    ///
    /// # Errors
    /// As [`get`](Self::get), and [`Error::DTypeMismatch`] for another dtype.
    pub fn get_array<T: Element>(&mut self, name: &str) -> Result<Array<T>> {
        self.with_member(name, |r, h, avail| npy::read_typed_body(&mut Stream(r), h, avail))
    }
}

/// Something that can be written as one `.npy` member: any typed array or view, any
/// or dynamic array or view ([`nprs_core::DynBase`]).
pub trait NpyWrite {
    /// Writes the complete `.npy` stream (header and data).
    ///
    /// # Errors
    /// I/O errors; header errors for a version too small.
    fn write_npy_to(&self, w: &mut dyn Write, version: Option<Version>) -> Result<()>;
}

impl<S: Data> NpyWrite for ArrayBase<S>
where
    S::Elem: Element,
{
    fn write_npy_to(&self, mut w: &mut dyn Write, version: Option<Version>) -> Result<()> {
        npy::write_npy(&mut w, self, &SaveOptions { version, ..SaveOptions::default() })
    }
}

/// Writes an `.npz` archive member by member, each streamed straight into the archive.
///
/// A writer made by [`create`](NpzWriter::create) writes a temporary file that
/// [`commit`](NpzWriter::commit) puts in place of the target in one step: until then (and
/// if anything fails, or the writer is dropped) an old file at the path stays as it was.
///
/// ```
/// # let dir = std::env::temp_dir().join(format!("nprs-io-doc-npzw-{}", std::process::id()));
/// # std::fs::create_dir_all(&dir).unwrap();
/// use nprs_core::Array;
/// use nprs_io::{NpzFile, NpzWriter};
/// let path = dir.join("parts.npz");
/// let mut w = NpzWriter::create(&path, true).unwrap();
/// for i in 0..3 {
///     w.add_positional(&Array::from_vec(vec![i as f64; 4])).unwrap();
/// }
/// w.commit().unwrap();
/// assert_eq!(NpzFile::open(&path).unwrap().names(), vec!["arr_0", "arr_1", "arr_2"]);
/// # std::fs::remove_dir_all(&dir).unwrap();
/// ```
pub struct NpzWriter<W: Write + Seek = StagedFile> {
    zip: ZipWriter<W>,
    options: SimpleFileOptions,
    positional: usize,
    names: Vec<String>,
}

impl NpzWriter<StagedFile> {
    /// Starts an archive file that will replace `path` when [`commit`](Self::commit)ted;
    /// `compressed` deflates the members as `numpy.savez_compressed` does.
    ///
    /// # Errors
    /// I/O errors creating the temporary file.
    pub fn create(path: impl AsRef<Path>, compressed: bool) -> Result<Self> {
        Ok(Self::new(StagedFile::create(path)?, compressed))
    }

    /// Writes the archive's directory, syncs the file and puts it in place of the target.
    ///
    /// # Errors
    /// I/O errors; the old file at the path is then left as it was.
    pub fn commit(self) -> Result<()> {
        self.finish()?.commit()
    }
}

impl<W: Write + Seek> NpzWriter<W> {
    /// An archive writer over a seekable stream.
    #[must_use]
    pub fn new(w: W, compressed: bool) -> Self {
        let method = if compressed { CompressionMethod::Deflated } else { CompressionMethod::Stored };
        // Like NumPy: zip64 sizes always (members may pass 4 GiB), the zip epoch date.
        let options = SimpleFileOptions::default()
            .compression_method(method)
            .large_file(true)
            .last_modified_time(zip::DateTime::default());
        NpzWriter { zip: ZipWriter::new(w), options, positional: 0, names: Vec::new() }
    }

    /// Adds member `name` (stored as `name.npy`).
    ///
    /// # Errors
    /// [`Error::DuplicateName`] for a name already used; I/O errors.
    pub fn add(&mut self, name: &str, a: &dyn NpyWrite) -> Result<()> {
        if self.names.iter().any(|n| n == name) {
            return Err(Error::DuplicateName { name: name.to_string() });
        }
        self.zip.start_file(format!("{name}.npy"), self.options)?;
        a.write_npy_to(&mut self.zip, None)?;
        self.names.push(name.to_string());
        Ok(())
    }

    /// Adds the next positional member, named `arr_0`, `arr_1`, … as NumPy names them.
    ///
    /// # Errors
    /// As [`add`](Self::add).
    pub fn add_positional(&mut self, a: &dyn NpyWrite) -> Result<()> {
        let name = format!("arr_{}", self.positional);
        self.positional += 1;
        self.add(&name, a)
    }

    /// Writes the archive's directory and returns the stream. For a writer made by
    /// [`create`](NpzWriter::create) that is the [`StagedFile`], not yet in place:
    /// [`commit`](NpzWriter::commit) does both steps.
    ///
    /// # Errors
    /// I/O errors.
    pub fn finish(self) -> Result<W> {
        Ok(self.zip.finish()?)
    }
}

fn savez_impl(
    path: &Path,
    positional: &[&dyn NpyWrite],
    named: &[(&str, &dyn NpyWrite)],
    compressed: bool,
) -> Result<()> {
    // NumPy refuses a keyword that collides with a positional name before writing.
    for (i, _) in positional.iter().enumerate() {
        let key = format!("arr_{i}");
        if named.iter().any(|(n, _)| *n == key) {
            return Err(Error::DuplicateName { name: key });
        }
    }
    // NumPy's order: the named arrays, then the positional ones.
    let mut w = NpzWriter::create(path, compressed)?;
    for (name, a) in named {
        w.add(name, *a)?;
    }
    for a in positional {
        w.add_positional(*a)?;
    }
    w.commit()
}

/// Saves arrays into an uncompressed `.npz` archive (`numpy.savez(path, *positional,
/// **named)`): positional arrays are named `arr_0`, `arr_1`, … and, as in NumPy, stored
/// after the named ones.
///
/// # Errors
/// I/O errors; [`Error::DuplicateName`] when a name collides with a positional one.
pub fn savez(path: impl AsRef<Path>, positional: &[&dyn NpyWrite], named: &[(&str, &dyn NpyWrite)]) -> Result<()> {
    savez_impl(path.as_ref(), positional, named, false)
}

/// As [`savez`], with every member deflated (`numpy.savez_compressed`).
///
/// # Errors
/// As [`savez`].
pub fn savez_compressed(
    path: impl AsRef<Path>,
    positional: &[&dyn NpyWrite],
    named: &[(&str, &dyn NpyWrite)],
) -> Result<()> {
    savez_impl(path.as_ref(), positional, named, true)
}
