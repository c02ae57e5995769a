//! nprs-io's error type. Messages follow NumPy's wording where NumPy has one.
//!
//! Each failure is its own variant with its fields; `Display` is NumPy's message and
//! [`Error::kind`] the Python exception NumPy raises:
//!
//! ```
//! use nprs_io::{Error, LoadOptions, read_npy_dyn};
//! use nprs_core::ErrorKind;
//!
//! let bytes = [&b"\x93NUMPY\x04\x00"[..], &[b' '; 100]].concat();
//! let e = read_npy_dyn(&mut &bytes[..], &LoadOptions::default()).unwrap_err();
//! assert!(matches!(e, Error::Version { major: 4, minor: 0 }));
//! assert_eq!(e.kind(), ErrorKind::ValueError);
//! let e = nprs_io::load_dyn("no/such/file.npy").unwrap_err();
//! assert_eq!(e.kind(), ErrorKind::FileNotFoundError);
//! assert!(e.kind().is_a(ErrorKind::OSError));
//! ```

use nprs_core::ErrorKind;

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
    /// A malformed zip archive (or a member that does not match its declared size), as the
    /// zip reader describes it.
    #[error("{message}")]
    Zip {
        /// The zip reader's description of what is wrong.
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
    /// `savetxt`: a format that does not suit the array's dtype.
    #[error("Mismatch between array dtype ('{dtype}') and format specifier ('{format}')")]
    FormatMismatch {
        /// The array's dtype name.
        dtype: &'static str,
        /// The whole row format.
        format: String,
    },
    /// `savetxt` of an array that is not 1-d or 2-d.
    #[error("Expected 1D or 2D array, got {ndim}D array instead")]
    SavetxtNdim {
        /// The array's number of dimensions.
        ndim: usize,
    },
    /// `savetxt`: a single format string whose number of `%` conversions is not the
    /// number of columns.
    #[error("fmt has wrong number of % formats:  {fmt}")]
    FormatCount {
        /// The format given.
        fmt: String,
    },
    /// `loadtxt` with `ndmin` above 2.
    #[error("Illegal value of ndmin keyword: {ndmin}")]
    Ndmin {
        /// The value given.
        ndmin: usize,
    },
    /// `loadtxt`: a `usecols` entry outside a row's columns.
    #[error("invalid column index {index} at row {row} with {columns} columns")]
    ColumnIndex {
        /// The index given (negative counts from the end).
        index: isize,
        /// The row (1-based line of data).
        row: usize,
        /// The row's number of columns.
        columns: usize,
    },
    /// `genfromtxt`: a `usecols` entry outside a row's columns.
    #[error("index {index} is out of bounds for axis 0 with size {size}")]
    UsecolsOutOfBounds {
        /// The index given (negative counts from the end).
        index: isize,
        /// The row's number of columns.
        size: usize,
    },
    /// `genfromtxt`: rows whose number of columns is not the first row's.
    #[error(
        "Some errors were detected !{}",
        .rows.iter().map(|(line, got)| format!("\n    Line #{line} (got {got} columns instead of {expected})")).collect::<String>()
    )]
    RowColumns {
        /// The first row's number of columns.
        expected: usize,
        /// Each bad row: its 1-based line number in the text and its number of columns.
        rows: Vec<(usize, usize)>,
    },
    /// An `.npz` member that is not an `.npy` file.
    #[error("{name} is not an .npy file in the archive")]
    NotNpyMember {
        /// The member's name (without `.npy`).
        name: String,
    },
    /// `savez` with a name used twice (or a keyword named like a positional `arr_<i>`).
    #[error("Cannot use un-named variables and keyword {name}")]
    DuplicateName {
        /// The name.
        name: String,
    },
    /// An `.npz` archive given to a reader of single `.npy` files.
    #[error("{} is an .npz archive: open it with NpzFile::open", .path.display())]
    IsNpz {
        /// The file.
        path: std::path::PathBuf,
    },
    /// A file that is not a zip archive where one is expected.
    #[error("File is not a zip file")]
    NotZip,
    /// A memory map in mode `w+` without a shape.
    #[error("shape must be given if mode == 'w+'")]
    ShapeRequired,
    /// A memory map whose offset lies past the end of the file.
    #[error("mmap offset is greater than file size")]
    MmapOffset,
    /// A memory map without a shape over a byte count that is not whole elements.
    #[error("Size of available data is not a multiple of the data-type size.")]
    MmapNotWhole,
    /// A memory map reaching past the end of a file opened read-only.
    #[error("mmap length is greater than file size")]
    MmapLength,
    /// A memory map of an object array (`'|O'`), which would need unpickling.
    #[error("Array can't be memory-mapped: Python objects in dtype.")]
    MmapObject,
    /// A memory map of bool data holding a byte other than 0 or 1 (a Rust `bool` must be
    /// one of them).
    #[error("cannot map bool data: byte {offset} of the data is {value}, not 0 or 1; load it with {loader}() instead")]
    BoolData {
        /// The byte's offset from the start of the data.
        offset: usize,
        /// The byte.
        value: u8,
        /// The loading function that converts instead (`load`, `load_dyn`).
        loader: &'static str,
    },
    /// A typed memory map of data in the other byte order (a `&[T]` must be native).
    #[error("memory-mapping {descr} data needs native byte order; load() converts it")]
    NonNativeMap {
        /// The file's descr.
        descr: String,
    },
    /// A version 1.0 or 2.0 header whose text is not Latin-1 (a field name, say).
    #[error("the header of version {major}.0 must be Latin-1 text")]
    HeaderNotLatin1 {
        /// The requested major version.
        major: u8,
    },
    /// A `bfloat16` array written to `.npy`, which has no type string for it.
    #[error("bfloat16 arrays have no .npy type string (NumPy has no bfloat16)")]
    Bfloat16,
    /// A `.npy` descr of long double (`float128`, `complex256`), which nprs-core has no
    /// dtype for.
    #[error("the descr {descr} names long double, which has no nprs-core dtype")]
    LongDouble {
        /// The descr as written in the header.
        descr: String,
    },
    /// `tofile` of complex values as text.
    #[error("tofile of complex values as text is not supported")]
    ComplexText,
    /// `fromfile` with a separator: text left that does not parse as the dtype.
    #[error("string or file could not be read to its end due to unmatched data")]
    UnmatchedData,
    /// `fromstring` without a separator: NumPy removed the binary mode.
    #[error("The binary mode of fromstring is removed, use frombuffer instead")]
    FromstringBinary,
    /// `fromstring` asked for more values than the text holds.
    #[error("string is smaller than requested size")]
    StringTooSmall,
    /// `fromregex` with a dtype that has no fields (NumPy's TypeError).
    #[error("dtype must be a structured datatype.")]
    RegexNotStructured,
    /// `fromregex` with a pattern the regex engine does not accept (Python's re.error).
    #[error("{message}")]
    RegexSyntax {
        /// The regex engine's message.
        message: String,
    },
}

impl Error {
    /// Which Python exception NumPy raises for this failure (an error of nprs-core
    /// reports its own; an operating-system error `FileNotFoundError` or `OSError`).
    #[must_use]
    pub fn kind(&self) -> ErrorKind {
        use ErrorKind as K;
        match self {
            Error::Io(e) if e.kind() == std::io::ErrorKind::NotFound => K::FileNotFoundError,
            Error::Io(e) if e.kind() == std::io::ErrorKind::OutOfMemory => K::MemoryError,
            Error::Io(_) => K::OSError,
            Error::Core(e) => e.kind(),
            Error::NoMemory { .. } => K::MemoryError,
            Error::EmptyFile => K::EOFError,
            Error::NotInArchive { .. } => K::KeyError,
            Error::Zip { .. } | Error::NotZip => K::BadZipFile,
            Error::FmtShape { .. } => K::AttributeError,
            Error::HeaderEncoding { .. } => K::UnicodeDecodeError,
            Error::FormatMismatch { .. } => K::TypeError,
            Error::NonNativeMap { .. } | Error::Bfloat16 | Error::LongDouble { .. } | Error::ComplexText => {
                K::NotImplementedError
            }
            Error::BadMagic { .. }
            | Error::Version { .. }
            | Error::Eof { .. }
            | Error::HeaderTooLarge { .. }
            | Error::HeaderSyntax { .. }
            | Error::HeaderNotDict { .. }
            | Error::HeaderKeys { .. }
            | Error::BadShape { .. }
            | Error::BadFortranOrder { .. }
            | Error::BadDescr { .. }
            | Error::Truncated { .. }
            | Error::ObjectArray
            | Error::Pickle
            | Error::HeaderTooLong { .. }
            | Error::DTypeMismatch { .. }
            | Error::MmapMode { .. }
            | Error::Misaligned { .. }
            | Error::ReadOnly
            | Error::Convert { .. }
            | Error::ColumnCount { .. }
            | Error::SavetxtNdim { .. }
            | Error::FormatCount { .. }
            | Error::Ndmin { .. }
            | Error::ColumnIndex { .. }
            | Error::UsecolsOutOfBounds { .. }
            | Error::RowColumns { .. }
            | Error::NotNpyMember { .. }
            | Error::DuplicateName { .. }
            | Error::IsNpz { .. }
            | Error::ShapeRequired
            | Error::MmapOffset
            | Error::MmapNotWhole
            | Error::MmapLength
            | Error::MmapObject
            | Error::BoolData { .. }
            | Error::HeaderNotLatin1 { .. }
            | Error::UnmatchedData
            | Error::FromstringBinary
            | Error::StringTooSmall
            | Error::RegexSyntax { .. } => K::ValueError,
            Error::RegexNotStructured => K::TypeError,
        }
    }

    /// The Python exception class's name: `self.kind().name()` (`"FileNotFoundError"`).
    #[must_use]
    pub fn numpy_kind(&self) -> &'static str {
        self.kind().name()
    }
}

impl From<zip::result::ZipError> for Error {
    fn from(e: zip::result::ZipError) -> Self {
        match e {
            zip::result::ZipError::Io(io) => Error::Io(io),
            zip::result::ZipError::FileNotFound => Error::NotZip,
            other => Error::Zip { message: other.to_string() },
        }
    }
}

/// Result with nprs-io's [`Error`].
pub type Result<T, E = Error> = std::result::Result<T, E>;
