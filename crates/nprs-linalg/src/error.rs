//! nprs-linalg's error type. Messages are NumPy's, word for word.

use nprs_core::ErrorKind;
use nprs_core::error::ShapeDisplay;

/// The errors of nprs-linalg.
///
/// [`kind`](Error::kind) names the Python exception NumPy raises for the same input
/// (`LinAlgError`, `ValueError`, `TypeError`, …).
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// An error of arrays, shapes or dtypes from nprs-core.
    #[error(transparent)]
    Core(#[from] nprs_core::Error),
    /// A matrix whose LU factorisation met an exactly zero pivot (`solve`, `inv`,
    /// `matrix_power` with a negative exponent).
    #[error("Singular matrix")]
    Singular,
    /// `cholesky` of a matrix that is not (numerically) positive definite.
    #[error("Matrix is not positive definite")]
    NotPositiveDefinite,
    /// A function that needs square matrices got `(..., M, N)` with `M != N`.
    #[error("Last 2 dimensions of the array must be square")]
    NotSquare,
    /// A function that needs matrices got fewer than two dimensions.
    #[error("{ndim}-dimensional array given. Array must be at least two-dimensional")]
    TooFewDims {
        /// The number of dimensions given.
        ndim: usize,
    },
    /// An eigenvalue iteration that did not converge.
    #[error("Eigenvalues did not converge")]
    EigenvaluesNotConverged,
    /// `eig`/`eigvals` of a matrix holding infinities or NaNs.
    #[error("Array must not contain infs or NaNs")]
    NotFinite,
    /// `cond` of an empty matrix.
    #[error("cond is not defined on empty arrays")]
    CondEmpty,
    /// `lstsq` operands whose row counts differ.
    #[error("Incompatible dimensions")]
    IncompatibleDims,
    /// A function that needs exactly two dimensions (`lstsq`) got another number.
    #[error("{ndim}-dimensional array given. Array must be two-dimensional")]
    NotTwoDims {
        /// The number of dimensions given.
        ndim: usize,
    },
    /// `tensorsolve` operands whose shapes do not make a square system.
    // NumPy's message carries the indentation of its source line.
    #[error("Input arrays must satisfy the requirement {}prod(a.shape[b.ndim:]) == prod(a.shape[:b.ndim])", " ".repeat(12))]
    TensorShape,
    /// An SVD iteration that did not converge.
    #[error("SVD did not converge")]
    SvdNotConverged,
    /// A dtype NumPy's linalg refuses (`float16`).
    #[error("array type {dtype} is unsupported in linalg")]
    UnsupportedDType {
        /// NumPy's name of the dtype.
        dtype: String,
    },
    /// A non-numeric dtype (strings, datetimes, records) given to a linalg function.
    #[error("Cannot cast ufunc '{func}' input from dtype('{from}') to dtype('{to}') with casting rule 'same_kind'")]
    NoCast {
        /// The generalized ufunc NumPy calls (`inv`, `det`, `solve`…).
        func: &'static str,
        /// The input's dtype, as NumPy writes it (`<U1`).
        from: String,
        /// The dtype the ufunc needs (`float64`).
        to: &'static str,
    },
    /// A core dimension of a generalized ufunc that does not match the others.
    #[error(
        "{func}: Input operand {operand} has a mismatch in its core dimension {dim}, with gufunc signature {signature} (size {got} is different from {want})"
    )]
    CoreDimMismatch {
        /// The generalized ufunc (`solve`, `solve1`, `matmul`…).
        func: &'static str,
        /// Which input (0-based).
        operand: usize,
        /// Which of its core dimensions (0-based).
        dim: usize,
        /// The gufunc signature, `(m,m),(m,n)->(m,n)`.
        signature: &'static str,
        /// The size found.
        got: usize,
        /// The size the signature requires.
        want: usize,
    },
    /// Batch (loop) dimensions of two operands that do not broadcast together.
    #[error(
        "operands could not be broadcast together with remapped shapes [original->remapped]: {}  and requested shape {}",
        remapped(.shapes, .core, .requested.len()),
        joined(.requested)
    )]
    BatchBroadcast {
        /// The operands' full shapes.
        shapes: Vec<Vec<usize>>,
        /// How many trailing (core) dimensions each operand has.
        core: Vec<usize>,
        /// The output's core shape.
        requested: Vec<usize>,
    },
    /// An operand with fewer dimensions than a generalized ufunc's core needs (`matmul`
    /// of a 0-d array, `solve` with a 0-d `b`).
    #[error(
        "{func}: Input operand {operand} does not have enough dimensions (has {has}, gufunc core with signature {signature} requires {requires})"
    )]
    CoreDimsMissing {
        /// The generalized ufunc (`matmul`, `matvec`, `vecmat`, `vecdot`, `solve`).
        func: &'static str,
        /// Which input (0-based).
        operand: usize,
        /// Its dimensions.
        has: usize,
        /// The gufunc signature.
        signature: &'static str,
        /// The core dimensions it needs.
        requires: usize,
    },
    /// `tensordot`/`dot` operands whose contracted lengths differ.
    #[error("shapes {} and {} not aligned: {} (dim {dim_a}) != {} (dim {dim_b})", compact(.a), compact(.b), .a[*.dim_a], .b[*.dim_b])]
    NotAligned {
        /// The first operand's shape.
        a: Vec<usize>,
        /// The second operand's shape.
        b: Vec<usize>,
        /// The contracted axis of `a`.
        dim_a: usize,
        /// The contracted axis of `b`.
        dim_b: usize,
    },
    /// `tensordot` axes whose lengths differ (or of differing counts).
    #[error("shape-mismatch for sum")]
    SumShapeMismatch,
    /// A reduction over no elements where the operation has no identity (`norm` with
    /// `ord=inf` of an empty vector).
    #[error("zero-size array to reduction operation {op} which has no identity")]
    EmptyReduction {
        /// NumPy's name of the reduction (`maximum`, `minimum`).
        op: &'static str,
    },
    /// A matrix norm order NumPy does not define.
    #[error("Invalid norm order for matrices.")]
    MatrixNormOrder,
    /// A matrix-only norm order (`fro`, `nuc`) asked of vectors.
    #[error("Invalid norm order '{ord}' for vectors")]
    VectorNormOrder {
        /// `fro` or `nuc`.
        ord: &'static str,
    },
    /// `norm` with the same axis twice.
    #[error("Duplicate axes given.")]
    DuplicateAxes,
    /// `norm` over more than two axes.
    #[error("Improper number of dimensions to norm.")]
    NormAxes,
    /// `multi_dot` of fewer than two arrays.
    #[error("Expecting at least two arrays.")]
    TooFewArrays,
    /// `linalg.diagonal` of an array of fewer than two dimensions.
    #[error("diag requires an array of at least two dimensions")]
    DiagonalNdim,
    /// `matrix_transpose` of an array of fewer than two dimensions.
    #[error("Input array must be at least 2-dimensional, but it is {ndim}")]
    TransposeNdim {
        /// The array's dimensions.
        ndim: usize,
    },
    /// `cross` of vectors that are not 3-dimensional.
    #[error(
        "Both input arrays must be (arrays of) 3-dimensional vectors, but they are {first} and {second} dimensional instead."
    )]
    CrossDims {
        /// The first operand's vector length.
        first: usize,
        /// The second operand's vector length.
        second: usize,
    },
    /// `tensorinv` with `ind` of zero or past the array's dimensions.
    #[error("Invalid ind argument.")]
    TensorInvInd,
    /// `einsum` given no operands.
    #[error("must specify the einstein sum subscripts string and at least one operand")]
    EinsumNoOperands,
    /// More letters in an operand's subscripts than it has dimensions.
    #[error("einstein sum subscripts string contains too many subscripts for operand {operand}")]
    EinsumTooManySubscripts {
        /// The operand (0-based).
        operand: usize,
    },
    /// Fewer letters than dimensions in an operand's subscripts, and no `...`.
    #[error(
        "operand has more dimensions than subscripts given in einstein sum, but no '...' ellipsis provided to broadcast the extra dimensions."
    )]
    EinsumMissingSubscripts,
    /// Broadcast (`...`) dimensions that the explicit output does not hold.
    #[error(
        "output has more dimensions than subscripts given in einstein sum, but no '...' ellipsis provided to broadcast the extra dimensions."
    )]
    EinsumOutputMissingEllipsis,
    /// More comma-separated terms than operands (NumPy's wording).
    #[error("fewer operands provided to einstein sum function than specified in the subscripts string")]
    EinsumFewerOperands,
    /// Fewer comma-separated terms than operands (NumPy's wording).
    #[error("more operands provided to einstein sum function than specified in the subscripts string")]
    EinsumMoreOperands,
    /// A character that is not a letter, `,`, `.`, `->` or a space.
    #[error("invalid subscript '{ch}' in einstein sum subscripts string, subscripts must be letters")]
    EinsumInvalidSubscript {
        /// The character.
        ch: char,
    },
    /// A `-` not followed by `>`.
    #[error("einstein sum subscript string does not contain proper '->' output specified")]
    EinsumBadArrow,
    /// A `.` outside a single `...` (in an operand, or in the output for `None`).
    #[error(
        "einstein sum subscripts string contains a '.' that is not part of an ellipsis ('...') in {}",
        place(.operand)
    )]
    EinsumBadEllipsis {
        /// The operand, or `None` for the output.
        operand: Option<usize>,
    },
    /// An output letter that no operand has.
    #[error("einstein sum subscripts string included output subscript '{ch}' which never appeared in an input")]
    EinsumOutputNotInInput {
        /// The letter.
        ch: char,
    },
    /// An output letter given twice.
    #[error("einstein sum subscripts string includes output subscript '{ch}' multiple times")]
    EinsumOutputRepeated {
        /// The letter.
        ch: char,
    },
    /// A letter repeated within one operand over dimensions of different lengths.
    #[error("dimensions in operand {operand} for collapsing index '{ch}' don't match ({first} != {second})")]
    EinsumCollapse {
        /// The operand.
        operand: usize,
        /// The letter.
        ch: char,
        /// The length at its first occurrence.
        first: usize,
        /// The length at a later occurrence.
        second: usize,
    },
    /// Lengths of one letter (or broadcast dimension) that differ between operands and are
    /// not 1; NumPy's iterator message, each operand shown with its axes in the iteration
    /// order (`None` for an axis it lacks).
    #[error(
        "operands could not be broadcast together with remapped shapes [original->remapped]: {}",
        einsum_remapped(.shapes, .remapped)
    )]
    EinsumBroadcast {
        /// Each operand's shape (after repeated letters are combined).
        shapes: Vec<Vec<usize>>,
        /// Each operand's length along every iteration axis.
        remapped: Vec<Vec<Option<usize>>>,
    },
    /// An explicit `einsum_path` step naming an operand that is not there.
    #[error("pop index out of range")]
    EinsumPathIndex,
    /// An explicit `einsum_path` that leaves operands uncontracted.
    #[error("Invalid einsum_path is specified: {remaining} more operands has to be contracted.")]
    EinsumPathIncomplete {
        /// How many operands are left beyond the result.
        remaining: usize,
    },
    /// A legacy polynomial function (`polyfit`, `polyder`, `roots`, …) given an argument
    /// NumPy refuses with a `ValueError`; the message is NumPy's.
    #[error("{0}")]
    PolyValue(&'static str),
    /// A legacy polynomial function given an argument NumPy refuses with a `TypeError`
    /// (`polyfit`'s "expected 1D vector for x"); the message is NumPy's.
    #[error("{0}")]
    PolyType(&'static str),
    /// A series division (`chebdiv`, `Polynomial.__divmod__`, …) by a series whose
    /// leading coefficient is zero: NumPy's bare `ZeroDivisionError`.
    #[error("")]
    PolyZeroDivision,
    /// `set_default_printstyle` given a style other than `ascii` and `unicode`.
    #[error("Unsupported format string '{style}'. Valid options are 'ascii' and 'unicode'")]
    PrintStyle {
        /// The style given.
        style: String,
    },
}

/// NumPy's iterator display of each operand: `(2,3)->(2,newaxis,3) ` (leading missing axes
/// dropped, a lone axis written `(n,)`).
fn einsum_remapped(shapes: &[Vec<usize>], remapped: &[Vec<Option<usize>>]) -> String {
    let mut s = String::new();
    for (shape, re) in shapes.iter().zip(remapped) {
        s.push_str(&compact(shape));
        s.push_str("->");
        let first = re.iter().position(Option::is_some);
        match first {
            None => s.push_str("()"),
            Some(f) => {
                let body: Vec<String> =
                    re[f..].iter().map(|d| d.map_or_else(|| "newaxis".to_string(), |d| d.to_string())).collect();
                let comma = if re.len() == 1 { "," } else { "" };
                s.push_str(&format!("({}{comma})", body.join(",")));
            }
        }
        s.push(' ');
    }
    s
}

/// `operand 2`, or `the output` for `None`.
fn place(operand: &Option<usize>) -> String {
    match operand {
        Some(i) => format!("operand {i}"),
        None => "the output".to_string(),
    }
}

fn compact(shape: &[usize]) -> String {
    ShapeDisplay(shape.to_vec()).to_string().replace(", ", ",")
}

/// A shape as NumPy's gufunc messages join it: `(3,1)`, `(2)`, `()`.
fn joined(shape: &[usize]) -> String {
    format!("({})", shape.iter().map(ToString::to_string).collect::<Vec<_>>().join(","))
}

/// Each operand's loop dimensions followed by one `newaxis` per output core dimension, as
/// NumPy's gufunc error shows them.
fn remapped(shapes: &[Vec<usize>], core: &[usize], out_core: usize) -> String {
    shapes
        .iter()
        .zip(core)
        .map(|(s, &c)| {
            let keep = s.len().saturating_sub(c);
            let mut parts: Vec<String> = s[..keep].iter().map(ToString::to_string).collect();
            parts.extend(std::iter::repeat_n("newaxis".to_string(), out_core));
            let body = format!("({})", parts.join(","));
            format!("{}->{body}", compact(s))
        })
        .collect::<Vec<_>>()
        .join(" ")
}

impl Error {
    /// Which Python exception NumPy raises for this failure (an error of nprs-core
    /// reports its own).
    #[must_use]
    pub fn kind(&self) -> ErrorKind {
        match self {
            Error::Core(e) => e.kind(),
            Error::Singular
            | Error::NotPositiveDefinite
            | Error::NotSquare
            | Error::TooFewDims { .. }
            | Error::EigenvaluesNotConverged
            | Error::NotFinite
            | Error::CondEmpty
            | Error::TensorShape
            | Error::IncompatibleDims
            | Error::NotTwoDims { .. }
            | Error::SvdNotConverged => ErrorKind::LinAlgError,
            Error::UnsupportedDType { .. } => ErrorKind::TypeError,
            Error::NoCast { .. } => ErrorKind::UFuncTypeError,
            Error::CoreDimMismatch { .. }
            | Error::BatchBroadcast { .. }
            | Error::CoreDimsMissing { .. }
            | Error::NotAligned { .. }
            | Error::SumShapeMismatch
            | Error::EmptyReduction { .. }
            | Error::MatrixNormOrder
            | Error::VectorNormOrder { .. }
            | Error::DuplicateAxes
            | Error::NormAxes
            | Error::TooFewArrays
            | Error::DiagonalNdim
            | Error::TransposeNdim { .. }
            | Error::CrossDims { .. }
            | Error::TensorInvInd
            | Error::EinsumNoOperands
            | Error::EinsumTooManySubscripts { .. }
            | Error::EinsumMissingSubscripts
            | Error::EinsumOutputMissingEllipsis
            | Error::EinsumFewerOperands
            | Error::EinsumMoreOperands
            | Error::EinsumInvalidSubscript { .. }
            | Error::EinsumBadArrow
            | Error::EinsumBadEllipsis { .. }
            | Error::EinsumOutputNotInInput { .. }
            | Error::EinsumOutputRepeated { .. }
            | Error::EinsumCollapse { .. }
            | Error::EinsumBroadcast { .. } => ErrorKind::ValueError,
            Error::EinsumPathIndex => ErrorKind::IndexError,
            Error::EinsumPathIncomplete { .. } => ErrorKind::RuntimeError,
            Error::PolyValue(_) => ErrorKind::ValueError,
            Error::PolyType(_) => ErrorKind::TypeError,
            Error::PolyZeroDivision => ErrorKind::ZeroDivisionError,
            Error::PrintStyle { .. } => ErrorKind::ValueError,
        }
    }

    /// The Python exception class's name: `self.kind().name()`.
    #[must_use]
    pub fn numpy_kind(&self) -> &'static str {
        self.kind().name()
    }
}

/// Result with nprs-linalg's [`Error`].
pub type Result<T, E = Error> = std::result::Result<T, E>;
