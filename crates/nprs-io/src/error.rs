//! nprs-io's error type. Messages follow NumPy's wording where NumPy has one.

use crate::pylit::{repr_bytes, repr_str};

/// A shape as Python prints a tuple: `(3, 4)`, `(3,)`, `()`.
pub(crate) fn py_shape(shape: &[usize]) -> String {
    crate::pylit::shape_py(shape).to_string()
}

/// The errors of nprs-io.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// An operating-system error while opening, reading, writing or mapping a file.
    #[error(transparent)]
    Io(#[from] std::io::Error),
    /// An error from nprs-core (shapes, sizes, allocation).
    #[error(transparent)]
    Core(#[from] nprs_core::Error),
    /// The file does not start with `\x93NUMPY`.
    #[error("the magic string is not correct; expected b'\\x93NUMPY', got {}", repr_bytes(.got))]
    BadMagic {
        /// The first six bytes found.
        got: Vec<u8>,
    },
    /// A format version other than 1.0, 2.0 and 3.0.
    #[error("we only support format version (1,0), (2,0), and (3,0), not ({major}, {minor})")]
    Version {
        /// Major version found.
        major: u8,
        /// Minor version found.
        minor: u8,
    },
    /// The file ended inside the magic string or the header.
    #[error("EOF: reading {what}, expected {expected} bytes got {got}")]
    Eof {
        /// What was being read (`array header`).
        what: &'static str,
        /// Bytes needed.
        expected: u64,
        /// Bytes found.
        got: u64,
    },
    /// A header longer than the allowed maximum.
    #[error(
        "Header info length ({len}) is large and may not be safe to load securely.\nTo allow loading, adjust `max_header_size` or fully trust the `.npy` file using `allow_pickle=True`.\nFor safety against large resource use or crashes, sandboxing may be necessary."
    )]
    HeaderTooLarge {
        /// The header's length in characters.
        len: usize,
        /// The limit in force.
        max: usize,
    },
    /// The header is not valid text in its version's encoding.
    #[error("the array header is not valid {encoding}")]
    HeaderEncoding {
        /// `latin1` or `utf8`.
        encoding: &'static str,
    },
    /// The header is not a Python literal.
    #[error("Cannot parse header: {}", repr_str(.header))]
    HeaderSyntax {
        /// The header text.
        header: String,
        /// Where and why parsing stopped.
        reason: String,
    },
    /// The header is a literal but not a dict.
    #[error("Header is not a dictionary: {value}")]
    HeaderNotDict {
        /// The value's Python repr.
        value: String,
    },
    /// The header's keys are not exactly `descr`, `fortran_order` and `shape`.
    #[error("Header does not contain the correct keys: [{}]", .keys.join(", "))]
    HeaderKeys {
        /// The Python reprs of the keys found, sorted.
        keys: Vec<String>,
    },
    /// `shape` is not a tuple of ints.
    #[error("shape is not valid: {value}")]
    BadShape {
        /// The value's Python repr.
        value: String,
    },
    /// `fortran_order` is not a bool.
    #[error("fortran_order is not a valid bool: {value}")]
    BadFortranOrder {
        /// The value's Python repr.
        value: String,
    },
    /// `descr` is not a dtype description NumPy (and this crate) understands.
    #[error("descr is not a valid dtype descriptor: {value}")]
    BadDescr {
        /// The value's Python repr.
        value: String,
    },
    /// The file holds fewer bytes than its header promises.
    #[error(
        "Failed to read all data for array. Expected {} = {count} elements, could only read {read} elements. (file seems not fully written?)",
        py_shape(.shape)
    )]
    Truncated {
        /// The header's shape.
        shape: Vec<usize>,
        /// Elements promised.
        count: usize,
        /// Elements present.
        read: usize,
    },
    /// An object (`'|O'`) array, which would need unpickling.
    #[error("Object arrays cannot be loaded when allow_pickle=False")]
    ObjectArray,
    /// A file that is neither `.npy` nor `.npz` (NumPy would try to unpickle it).
    #[error(
        "This file contains pickled (object) data. If you trust the file you can load it unsafely using the `allow_pickle=` keyword argument or `pickle.load()`."
    )]
    Pickle,
    /// An empty file.
    #[error("No data left in file")]
    EmptyFile,
    /// A header too long for the requested format version.
    #[error("Header length {len} too big for version=({major}, 0)")]
    HeaderTooLong {
        /// The header's length.
        len: usize,
        /// The requested major version.
        major: u8,
    },
    /// A typed load of a file whose dtype is another.
    #[error("cannot load an array of dtype {found} as {expected}")]
    DTypeMismatch {
        /// The requested element type.
        expected: String,
        /// The file's descr.
        found: String,
    },
    /// A member name missing from an `.npz` archive.
    #[error("'{name} is not a file in the archive'")]
    NotInArchive {
        /// The name asked for.
        name: String,
    },
    /// A malformed zip archive (or a member that does not match its declared size).
    #[error("{message}")]
    Zip {
        /// What is wrong.
        message: String,
    },
    /// A memory-map mode NumPy does not know.
    #[error(
        "mode must be one of ['r', 'c', 'r+', 'w+', 'readonly', 'copyonwrite', 'readwrite', 'write'] (got {})",
        repr_str(.mode)
    )]
    MmapMode {
        /// The mode given.
        mode: String,
    },
    /// A memory map whose data does not start at a multiple of the element's alignment.
    #[error("cannot map {dtype} data at byte offset {offset}: it is not aligned to {align} bytes")]
    Misaligned {
        /// The element type.
        dtype: String,
        /// The data's byte offset in the file.
        offset: u64,
        /// The alignment needed.
        align: usize,
    },
    /// A write through a memory map opened read-only.
    #[error("assignment destination is read-only")]
    ReadOnly,
    /// A text value that does not convert to the requested type (`loadtxt`).
    #[error("could not convert string {} to {dtype} at row {row}, column {column}.", repr_str(.value))]
    Convert {
        /// The text.
        value: String,
        /// The target dtype's name.
        dtype: &'static str,
        /// The row (0-based, counting lines read after `skiprows`).
        row: usize,
        /// The column (1-based).
        column: usize,
    },
    /// Rows of differing column counts (`loadtxt`).
    #[error(
        "the number of columns changed from {expected} to {found} at row {row}; use `usecols` to select a subset and avoid this error"
    )]
    ColumnCount {
        /// Columns of the first row.
        expected: usize,
        /// Columns of this row.
        found: usize,
        /// The row (1-based line of data).
        row: usize,
    },
    /// A `savetxt` format list whose length is not the number of columns.
    #[error("fmt has wrong shape.  [{}]", .fmt.iter().map(|s| repr_str(s)).collect::<Vec<_>>().join(", "))]
    FmtShape {
        /// The formats given.
        fmt: Vec<String>,
    },
    /// Memory the system refused for something other than an array's data (the text of
    /// a huge `savetxt` format, say): NumPy's MemoryError.
    #[error("Unable to allocate {bytes} bytes")]
    NoMemory {
        /// Bytes requested.
        bytes: usize,
    },
    /// Any other condition NumPy reports with a ValueError, in its words.
    #[error("{0}")]
    Value(String),
    /// A condition NumPy reports with a TypeError, in its words.
    #[error("{0}")]
    Type(String),
    /// Something NumPy can do that this crate does not (named in the message).
    #[error("{0}")]
    Unsupported(String),
}

impl Error {
    /// The Python exception class NumPy raises for this error.
    #[must_use]
    pub fn numpy_kind(&self) -> &'static str {
        match self {
            Error::Io(e) if e.kind() == std::io::ErrorKind::NotFound => "FileNotFoundError",
            Error::Io(e) if e.kind() == std::io::ErrorKind::OutOfMemory => "MemoryError",
            Error::Io(_) => "OSError",
            Error::NoMemory { .. } => "MemoryError",
            Error::Core(e) => e.numpy_kind(),
            Error::EmptyFile => "EOFError",
            Error::NotInArchive { .. } => "KeyError",
            Error::Zip { .. } => "BadZipFile",
            Error::Type(_) => "TypeError",
            Error::FmtShape { .. } => "AttributeError",
            Error::HeaderEncoding { .. } => "UnicodeDecodeError",
            Error::Unsupported(_) => "NotImplementedError",
            _ => "ValueError",
        }
    }
}

impl From<zip::result::ZipError> for Error {
    fn from(e: zip::result::ZipError) -> Self {
        match e {
            zip::result::ZipError::Io(io) => Error::Io(io),
            zip::result::ZipError::FileNotFound => Error::Zip { message: "File is not a zip file".into() },
            other => Error::Zip { message: other.to_string() },
        }
    }
}

/// Result with nprs-io's [`Error`].
pub type Result<T, E = Error> = std::result::Result<T, E>;
