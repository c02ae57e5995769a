//! The errors of nprs-datetime, in NumPy's words.

use thiserror::Error as ThisError;

/// What can go wrong parsing, converting or formatting datetimes.
#[derive(Debug, Clone, PartialEq, ThisError)]
#[non_exhaustive]
pub enum Error {
    /// A malformed ISO 8601 string; `position` is the byte where parsing stopped.
    #[error("Error parsing datetime string \"{string}\" at position {position}")]
    Parse {
        /// The whole string.
        string: String,
        /// The byte offset where parsing failed.
        position: usize,
    },
    /// A field out of its range (`Month`, `Day`, `Hours`, `Minutes`, `Seconds`,
    /// `Timezone hours offset`, `Timezone minutes offset`).
    #[error("{field} out of range in datetime string \"{string}\"")]
    OutOfRange {
        /// The field, as NumPy names it.
        field: &'static str,
        /// The whole string.
        string: String,
    },
    /// A datetime other than NaT asked for in generic units.
    #[error("Cannot create a NumPy datetime other than NaT with generic units")]
    GenericUnits,
    /// A unit string NumPy does not know (`"xx"`).
    #[error("Invalid datetime unit \"{0}\" in metadata")]
    InvalidUnit(String),
    /// A `timezone` argument of `datetime_as_string` other than `naive` or `UTC`.
    #[error("Unsupported timezone input string \"{0}\"")]
    Timezone(String),
    /// A `unit` of `datetime_as_string` that the `casting` rule does not reach.
    #[error(
        "Cannot create a datetime string as units '{unit}' from a NumPy datetime with units '{own}' according to the rule '{casting}'"
    )]
    AsStringCasting {
        /// The requested unit's code.
        unit: &'static str,
        /// The array's unit (`generic` for none).
        own: &'static str,
        /// The casting rule's name.
        casting: &'static str,
    },
    /// A local time shown as a date by `datetime_as_string` without `casting='unsafe'`.
    #[error("Cannot create a local timezone-based date string from a NumPy datetime without forcing 'unsafe' casting")]
    LocalDateCasting,
    /// A time zone file or POSIX TZ string that cannot be read.
    #[error(transparent)]
    TimeZone(#[from] nprs_core::print::TimeZoneError),
    /// An unknown `casting=` rule of `datetime_as_string`.
    #[error("casting must be one of 'no', 'equiv', 'safe', 'same_kind', 'unsafe' (got '{0}')")]
    CastingName(String),
    /// `datetime_data` of a dtype that is not a datetime or timedelta.
    #[error("cannot get datetime metadata from non-datetime type")]
    NotDatetime,
    /// Units whose conversion factor NumPy cannot represent (`D` to `ps` and finer, …).
    #[error("Integer overflow while computing the conversion factor between NumPy datetime units {big} and {little}")]
    ConversionFactor {
        /// The coarser unit's code.
        big: &'static str,
        /// The finer unit's code.
        little: &'static str,
    },
    /// `datetime_as_string` of an array that is not `datetime64`.
    #[error("input must have type NumPy datetime")]
    NotDatetimeInput,
    /// A value that does not fit the requested type (chrono conversions, checked casts).
    #[error("{0}")]
    Overflow(String),
    /// A weekmask string that is neither seven `0`/`1` nor weekday abbreviations.
    #[error("Invalid business day weekmask string \"{0}\"")]
    WeekmaskString(String),
    /// A weekmask array of another length than seven.
    #[error("A business day weekmask array must have length 7")]
    WeekmaskLength,
    /// A weekmask without a business day.
    #[error("Cannot construct a numpy.busdaycal with a weekmask of all zeros")]
    WeekmaskZeros,
    /// Holidays finer than days (or not dates).
    #[error("Cannot safely convert provided holidays input into an array of dates")]
    HolidaysCast,
    /// An unknown `roll` of `busday_offset`.
    #[error("Invalid business day roll parameter \"{0}\"")]
    Roll(String),
    /// A date that is not a business day under `roll="raise"`.
    #[error("Non-business day date in busday_offset")]
    NonBusinessDay,
    /// NaT under `roll="raise"`.
    #[error("NaT input in busday_offset")]
    BusdayNat,
    /// NaT given to `busday_count`.
    #[error("Cannot compute a business day count with a NaT (not-a-time) date")]
    BusdayCountNat,
    /// Dates finer than days given to a business-day function.
    #[error(
        "Iterator operand {operand} dtype could not be cast from {dtype} to dtype('<M8[D]') according to the rule 'safe'"
    )]
    BusdayCast {
        /// The operand's position.
        operand: usize,
        /// Its dtype as NumPy shows it (`dtype('<M8[h]')`).
        dtype: String,
    },
    /// `isnat` of an array that is neither datetime nor timedelta.
    #[error("ufunc 'isnat' is only defined for np.datetime64 and np.timedelta64.")]
    IsNatType,
    /// `arange` of datetimes without a stop.
    #[error("arange requires both a start and a stop for NumPy datetime64 ranges")]
    ArangeNeedsStop,
    /// `arange` with a zero step.
    #[error("arange: step cannot be zero")]
    ArangeZeroStep,
    /// `arange` with NaT.
    #[error("arange: cannot use NaT (not-a-time) datetime values")]
    ArangeNat,
    /// An `arange` argument of the wrong kind (`"datetime"` or `"timedelta"` expected).
    #[error("Could not convert object to NumPy {0}")]
    ArangeConvert(&'static str),
    /// A string target narrower than a datetime's ISO text.
    #[error("The string provided for NumPy ISO datetime formatting was too short, with length {0}")]
    IsoTooShort(usize),
    /// Scalars of one kind asked of an array of another dtype.
    #[error("expected a {expected} array, got dtype('{dtype}')")]
    WrongKind {
        /// `datetime64` or `timedelta64`.
        expected: &'static str,
        /// The array's dtype.
        dtype: String,
    },
    /// An error raised by nprs-core (printing a datetime in generic units, a warning
    /// turned into an error by the thread's filter).
    #[error(transparent)]
    Core(nprs_core::Error),
}

impl From<nprs_core::Error> for Error {
    /// nprs-core's datetime errors as this crate's variants (the same text), every other
    /// error as [`Error::Core`].
    fn from(e: nprs_core::Error) -> Self {
        use nprs_core::Error as E;
        match e {
            E::DateTimeParse { string, position } => Error::Parse { string, position },
            E::DateTimeFieldRange { field, string } => Error::OutOfRange { field, string },
            E::IsoTooShort(n) => Error::IsoTooShort(n),
            E::DateTimeConversionFactor { big, little } => Error::ConversionFactor { big, little },
            other => Error::Core(other),
        }
    }
}

impl Error {
    /// Which Python exception NumPy raises for this error.
    #[must_use]
    pub fn kind(&self) -> nprs_core::ErrorKind {
        use nprs_core::ErrorKind;
        match self {
            Error::InvalidUnit(_)
            | Error::NotDatetime
            | Error::NotDatetimeInput
            | Error::BusdayCast { .. }
            | Error::IsNatType
            | Error::WrongKind { .. }
            | Error::AsStringCasting { .. }
            | Error::LocalDateCasting => ErrorKind::TypeError,
            Error::Overflow(_) | Error::ConversionFactor { .. } => ErrorKind::OverflowError,
            Error::IsoTooShort(_) => ErrorKind::RuntimeError,
            Error::Core(e) => e.kind(),
            _ => ErrorKind::ValueError,
        }
    }

    /// The Python exception class's name (`"ValueError"`, `"TypeError"`): `self.kind().name()`.
    #[must_use]
    pub fn numpy_kind(&self) -> &'static str {
        self.kind().name()
    }
}

/// The result type of nprs-datetime.
pub type Result<T> = std::result::Result<T, Error>;
