//! nprs-random's error type. Every message is NumPy's, word for word.

use std::fmt;

use nprs_core::ErrorKind;
use nprs_core::error::ShapeDisplay;

/// A rule a distribution parameter must satisfy; the message names the parameter as NumPy does.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum Rule {
    /// `x >= 0` (NaN passes): "scale < 0".
    NonNegative,
    /// `x > 0`: "a <= 0".
    Positive,
    /// Not NaN: "n must not be NaN".
    NotNan,
    /// `0 <= x <= 1`: "p < 0, p > 1 or p is NaN".
    Bounded01,
    /// `0 < x <= 1`: "p <= 0, p > 1 or p contains NaNs".
    BoundedGt01,
    /// `0 <= x < 1`: "p < 0, p >= 1 or p is NaN".
    BoundedLt01,
    /// `x > 1`: "a <= 1 or a is NaN".
    Gt1,
    /// `x >= 1`: "nsample < 1 or nsample is NaN".
    Gte1,
    /// `x >= 0` and not NaN: "lam < 0 or lam is NaN".
    NonNegativeNotNan,
    /// Below the largest value the sampler supports: "lam value too large".
    TooLarge,
}

impl Rule {
    fn message(self, name: &str, array: bool) -> String {
        let nan = if array { "contains NaNs" } else { "is NaN" };
        match self {
            Rule::NonNegative => format!("{name} < 0"),
            Rule::Positive => format!("{name} <= 0"),
            Rule::NotNan => format!("{name} must not be NaN"),
            Rule::Bounded01 => format!("{name} < 0, {name} > 1 or {name} {nan}"),
            Rule::BoundedGt01 => format!("{name} <= 0, {name} > 1 or {name} contains NaNs"),
            Rule::BoundedLt01 => format!("{name} < 0, {name} >= 1 or {name} {nan}"),
            Rule::Gt1 => format!("{name} <= 1 or {name} {nan}"),
            Rule::Gte1 => format!("{name} < 1 or {name} {nan}"),
            Rule::NonNegativeNotNan => format!("{name} < 0 or {name} {nan}"),
            Rule::TooLarge => format!("{name} value too large"),
        }
    }
}

/// What went wrong in `choice` (the legacy `RandomState.choice` words some of these differently).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum ChoiceError {
    /// An integer population that is not positive while samples are requested.
    PopulationNotPositive,
    /// An empty array population while samples are requested.
    PopulationEmpty,
    /// A population array of more than one dimension (legacy only).
    NotOneDimensional,
    /// `p` whose length differs from the population's.
    SizeMismatch,
    /// `p` holding a NaN.
    ProbabilitiesNan,
    /// `p` holding a negative value.
    ProbabilitiesNegative,
    /// `p` not summing to 1 within √eps.
    ProbabilitiesSum,
    /// More samples than the population without replacement.
    SampleTooLarge,
    /// Fewer non-zero probabilities than samples without replacement.
    FewerNonZero,
    /// A negative sample size without replacement (legacy wording).
    NegativeDimensions,
}

impl ChoiceError {
    fn message(self, legacy: bool) -> &'static str {
        match (self, legacy) {
            (ChoiceError::PopulationNotPositive, false) => "a must be a positive integer unless no samples are taken",
            (ChoiceError::PopulationNotPositive, true) => "a must be greater than 0 unless no samples are taken",
            (ChoiceError::PopulationEmpty, false) => "a cannot be empty unless no samples are taken",
            (ChoiceError::PopulationEmpty, true) => "'a' cannot be empty unless no samples are taken",
            (ChoiceError::NotOneDimensional, _) => "a must be 1-dimensional",
            (ChoiceError::SizeMismatch, false) => "a and p must have same size",
            (ChoiceError::SizeMismatch, true) => "'a' and 'p' must have same size",
            (ChoiceError::ProbabilitiesNan, false) => "Probabilities contain NaN",
            (ChoiceError::ProbabilitiesNan, true) => "probabilities contain NaN",
            (ChoiceError::ProbabilitiesNegative, false) => "Probabilities are not non-negative",
            (ChoiceError::ProbabilitiesNegative, true) => "probabilities are not non-negative",
            (ChoiceError::ProbabilitiesSum, false) => {
                "Probabilities do not sum to 1. See Notes section of docstring for more information."
            }
            (ChoiceError::ProbabilitiesSum, true) => "probabilities do not sum to 1",
            (ChoiceError::SampleTooLarge, false) => "Cannot take a larger sample than population when replace is False",
            (ChoiceError::SampleTooLarge, true) => "Cannot take a larger sample than population when 'replace=False'",
            (ChoiceError::FewerNonZero, _) => "Fewer non-zero entries in p than size",
            (ChoiceError::NegativeDimensions, _) => "Negative dimensions are not allowed",
        }
    }
}

/// The errors of nprs-random. Messages are NumPy's; [`Error::numpy_kind`] names the Python
/// exception class NumPy raises.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// An array error from nprs-core (negative dimensions, broadcasting, axes, sizes).
    #[error(transparent)]
    Core(#[from] nprs_core::Error),
    /// A distribution parameter outside its domain.
    #[error("{}", .rule.message(.name, *.array))]
    Parameter {
        /// The parameter's name as NumPy spells it.
        name: &'static str,
        /// The rule it breaks.
        rule: Rule,
        /// Whether it was given as an array (NumPy words NaN checks differently then).
        array: bool,
    },
    /// `integers`/`randint` bounds outside the dtype's range.
    #[error("{which} is out of bounds for {dtype}")]
    BoundOutOfRange {
        /// `"low"` or `"high"`.
        which: &'static str,
        /// The dtype's name.
        dtype: &'static str,
    },
    /// `integers`/`randint` with an empty range.
    #[error("{}", match (.closed, .low_is_zero) {
        (false, true) => "high <= 0",
        (false, false) => "low >= high",
        (true, true) => "high < 0",
        (true, false) => "low > high",
    })]
    EmptyRange {
        /// Whether the range includes `high` (`endpoint=True`).
        closed: bool,
        /// Whether every `low` is 0 (NumPy then blames `high`).
        low_is_zero: bool,
    },
    /// `uniform` with a non-finite `high - low` (an `OverflowError`).
    #[error("{}", if *.scalar { "high - low range exceeds valid bounds" } else { "Range exceeds valid bounds" })]
    RangeOverflow {
        /// Whether the bounds were scalars in `Generator.uniform` (NumPy words the two cases differently).
        scalar: bool,
    },
    /// `triangular` parameters out of order.
    #[error("{0}")]
    Triangular(TriangularError),
    /// `hypergeometric` with `ngood` or `nbad` of 10**9 or more.
    #[error("both ngood and nbad must be less than 1000000000")]
    HypergeometricTooLarge,
    /// `hypergeometric` with `ngood + nbad < nsample`.
    #[error("ngood + nbad < nsample")]
    HypergeometricSample,
    /// `negative_binomial` parameters whose Poisson stage would exceed its largest `lam`.
    #[error("n too large or p too small, see Generator.negative_binomial Notes")]
    NegativeBinomialRange,
    /// `choice` arguments NumPy rejects.
    #[error("{}", .kind.message(*.legacy))]
    Choice {
        /// What went wrong.
        kind: ChoiceError,
        /// Whether the legacy `RandomState.choice` raised it (different wording).
        legacy: bool,
    },
    /// `multinomial` with an empty last dimension of `pvals`.
    #[error("pvals must have at least 1 dimension and the last dimension of pvals must be greater than 0.")]
    EmptyPvals,
    /// `multinomial` whose `pvals[..., :-1]` sum above 1.
    #[error("sum(pvals{}) > 1.0", if *.ndim == 1 { "[:-1]" } else { "[...,:-1]" })]
    PvalsSum {
        /// Dimensions of `pvals`.
        ndim: usize,
    },
    /// A `size` that differs from the broadcast shape of the parameters.
    #[error("Output size {} is not compatible with broadcast dimensions of inputs {}.", ShapeDisplay(.size.clone()), ShapeDisplay(.broadcast.clone()))]
    OutputSize {
        /// The requested size.
        size: Vec<usize>,
        /// The shape the parameters and size broadcast to.
        broadcast: Vec<usize>,
    },
    /// A seed NumPy rejects (negative entropy, out-of-range legacy seeds).
    #[error("{0}")]
    Seed(SeedError),
    /// `spawn` on a bit generator that holds no `SeedSequence`.
    #[error("The underlying SeedSequence does not implement spawning.")]
    NoSeedSequence,
    /// A `SeedSequence` pool smaller than NumPy's minimum.
    #[error("The size of the entropy pool should be at least {min}")]
    PoolSize {
        /// The smallest pool size NumPy accepts ([`DEFAULT_POOL_SIZE`](crate::DEFAULT_POOL_SIZE)).
        min: usize,
    },
    /// An MT19937 state whose position is past the key's end.
    #[error("pos must be in [0, {max}]")]
    StatePosition {
        /// The largest valid position (624).
        max: usize,
        /// The position given.
        pos: usize,
    },
    /// A legacy `permutation` of a 0-d array (an `IndexError`).
    #[error("x must be an integer or at least 1-dimensional")]
    NotOneDimensional,
    /// An `out=` array that is not contiguous (in C order, when `c_only`).
    #[error("Supplied output array must be {}contiguous, writable, aligned, and in machine byte-order.", if *.c_only { "C-" } else { "" })]
    OutNotContiguous {
        /// Whether only C order is accepted (methods with parameters).
        c_only: bool,
    },
    /// `choice` along an axis the population does not have (NumPy's `IndexError` from
    /// indexing the shape tuple).
    #[error("tuple index out of range")]
    AxisIndex,
    /// `multivariate_normal` arguments NumPy rejects with a `ValueError` (shapes of `mean`
    /// and `cov`, a covariance that is not symmetric positive-semidefinite with
    /// `check_valid='raise'`, an unknown `check_valid` or `method` name).
    #[error("{0}")]
    MultivariateNormal(MvnError),
    /// `multivariate_hypergeometric` arguments NumPy rejects with a `ValueError`.
    #[error("{0}")]
    MultivariateHypergeometric(MvhgError),
    /// `multivariate_hypergeometric(method='count')` could not allocate its `sum(colors)`
    /// item indices (NumPy's `MemoryError`).
    #[error("Insufficient memory for multivariate_hypergeometric with method='count' and sum(colors)={total}")]
    MvhgMemory {
        /// `sum(colors)`.
        total: i64,
    },
    /// A factorisation of `multivariate_normal`'s covariance failed (NumPy's `LinAlgError`:
    /// "SVD did not converge", "Matrix is not positive definite", …).
    #[error(transparent)]
    Linalg(#[from] nprs_linalg::Error),
}

/// Which order `triangular`'s `left <= mode <= right` (with `left < right`) breaks.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum TriangularError {
    /// `left > mode`.
    LeftAboveMode,
    /// `mode > right`.
    ModeAboveRight,
    /// `left == right`.
    LeftEqualsRight,
}

impl fmt::Display for TriangularError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            TriangularError::LeftAboveMode => "left > mode",
            TriangularError::ModeAboveRight => "mode > right",
            TriangularError::LeftEqualsRight => "left == right",
        })
    }
}

/// What `multivariate_normal` rejected.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum MvnError {
    /// A `check_valid` name other than `warn`, `raise`, `ignore`.
    CheckValidName,
    /// A `method` name other than `svd`, `eigh`, `cholesky`.
    MethodName,
    /// A `mean` that is not 1-d.
    MeanNdim,
    /// A `cov` that is not a square matrix.
    CovShape,
    /// `mean` and `cov` of differing lengths.
    Length,
    /// A covariance that is not symmetric positive-semidefinite (`check_valid='raise'`).
    NotPositiveSemidefinite,
}

impl fmt::Display for MvnError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            MvnError::CheckValidName => "check_valid must equal 'warn', 'raise', or 'ignore'",
            MvnError::MethodName => "method must be one of {'eigh', 'svd', 'cholesky'}",
            MvnError::MeanNdim => "mean must be 1 dimensional",
            MvnError::CovShape => "cov must be 2 dimensional and square",
            MvnError::Length => "mean and cov must have same length",
            MvnError::NotPositiveSemidefinite => "covariance is not symmetric positive-semidefinite.",
        })
    }
}

/// What `multivariate_hypergeometric` rejected.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum MvhgError {
    /// A `method` name other than `count` and `marginals`.
    MethodName,
    /// `nsample < 0`.
    NsampleNegative,
    /// `colors` that is not 1-d or holds a negative count.
    Colors,
    /// `sum(colors)` beyond `int64`.
    SumOverflow,
    /// `sum(colors) >= 10**9` with `method='marginals'`.
    MarginalsTotal,
    /// `sum(colors)` beyond `int64::MAX / 8` with `method='count'`.
    CountTotal,
    /// `nsample > sum(colors)`.
    NsampleTooLarge,
}

impl fmt::Display for MvhgError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            MvhgError::MethodName => f.write_str("method must be \"count\" or \"marginals\"."),
            MvhgError::NsampleNegative => f.write_str("nsample must be nonnegative."),
            MvhgError::Colors => write!(
                f,
                "colors must be a one-dimensional sequence of nonnegative integers not exceeding {}.",
                i64::MAX
            ),
            MvhgError::SumOverflow => {
                write!(f, "sum(colors) must not exceed the maximum value of a 64 bit signed integer ({})", i64::MAX)
            }
            MvhgError::MarginalsTotal => {
                f.write_str("When method is \"marginals\", sum(colors) must be less than 1000000000.")
            }
            MvhgError::CountTotal => {
                write!(f, "When method is 'count', sum(colors) must not exceed {MVHG_COUNT_MAX}")
            }
            MvhgError::NsampleTooLarge => f.write_str("nsample > sum(colors)"),
        }
    }
}

/// The largest `sum(colors)` of `multivariate_hypergeometric(method='count')`: NumPy keeps
/// `sum(colors) * 8` (its index array's bytes) within `int64`.
pub(crate) const MVHG_COUNT_MAX: i64 = i64::MAX / 8;

/// Why a seed was rejected.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum SeedError {
    /// Negative entropy for `SeedSequence`.
    Negative,
    /// A legacy seed outside `0..2**32`.
    LegacyRange,
    /// An empty legacy seed array.
    LegacyEmpty,
}

impl fmt::Display for SeedError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            SeedError::Negative => "expected non-negative integer",
            SeedError::LegacyRange => "Seed must be between 0 and 2**32 - 1",
            SeedError::LegacyEmpty => "Seed must be non-empty",
        })
    }
}

impl Error {
    /// Which Python exception NumPy raises for this failure (an error of nprs-core or
    /// nprs-linalg reports its own).
    #[must_use]
    pub fn kind(&self) -> ErrorKind {
        match self {
            Error::Core(e) => e.kind(),
            Error::Linalg(e) => e.kind(),
            Error::RangeOverflow { .. } => ErrorKind::OverflowError,
            Error::MvhgMemory { .. } => ErrorKind::MemoryError,
            Error::NoSeedSequence => ErrorKind::TypeError,
            Error::NotOneDimensional | Error::AxisIndex => ErrorKind::IndexError,
            Error::Parameter { .. }
            | Error::BoundOutOfRange { .. }
            | Error::EmptyRange { .. }
            | Error::Triangular(_)
            | Error::HypergeometricTooLarge
            | Error::HypergeometricSample
            | Error::NegativeBinomialRange
            | Error::Choice { .. }
            | Error::EmptyPvals
            | Error::PvalsSum { .. }
            | Error::OutputSize { .. }
            | Error::Seed(_)
            | Error::PoolSize { .. }
            | Error::StatePosition { .. }
            | Error::OutNotContiguous { .. }
            | Error::MultivariateNormal(_)
            | Error::MultivariateHypergeometric(_) => ErrorKind::ValueError,
        }
    }

    /// The Python exception class's name: `self.kind().name()`.
    #[must_use]
    pub fn numpy_kind(&self) -> &'static str {
        self.kind().name()
    }

    pub(crate) fn param(name: &'static str, rule: Rule, array: bool) -> Self {
        Error::Parameter { name, rule, array }
    }
}

/// Result with nprs-random's [`Error`].
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// Unwraps `r`, panicking with the error's NumPy message at the caller's location.
#[track_caller]
pub(crate) fn or_panic<T>(r: Result<T>) -> T {
    match r {
        Ok(x) => x,
        Err(e) => panic!("{e}"),
    }
}
