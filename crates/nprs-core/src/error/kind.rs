//! Which Python exception NumPy raises: [`ErrorKind`], shared by every nprs crate's error.

use std::fmt;

/// The Python exception class NumPy raises for a failure.
///
/// Every nprs crate's error has a `kind()` returning one of these; [`name`](Self::name) is
/// the class's `__name__` (`"AxisError"`), so a port can match on what NumPy code would
/// catch. `kind()` always reports the most specific class NumPy raises; Python's class
/// hierarchy is kept by [`is_a`](Self::is_a): an `except ValueError:` clause in NumPy code
/// becomes `e.kind().is_a(ErrorKind::ValueError)`.
///
/// NumPy's `AxisError` derives from both `ValueError` and `IndexError`: `kind()` reports
/// [`AxisError`](Self::AxisError), and `is_a` answers `true` for `ValueError`, `IndexError`,
/// `LookupError` and `Exception` as well. In the same way `LinAlgError` is a `ValueError`,
/// `UFuncTypeError` and `DTypePromotionError` are `TypeError`s, `OverflowError` and
/// `ZeroDivisionError` are `ArithmeticError`s.
///
/// The abstract bases (`Exception`, `ArithmeticError`, `UnicodeError`) are here for `is_a`
/// questions only; no `kind()` returns them. `LookupError` is also what Python raises for
/// an unknown codec or error handler (`strings.encode`/`decode`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ErrorKind {
    /// Python's `Exception`, the root of the hierarchy (never returned by `kind()`).
    Exception,
    /// `ValueError`: an argument of the right type with a bad value.
    ValueError,
    /// `TypeError`: an argument of the wrong type or dtype.
    TypeError,
    /// `LookupError`, the base of `IndexError` and `KeyError`; returned for an unknown codec.
    LookupError,
    /// `IndexError`: an index outside its sequence or axis.
    IndexError,
    /// `KeyError`: a name missing from a mapping (an `.npz` member).
    KeyError,
    /// `numpy.exceptions.AxisError`: an axis outside `-ndim..ndim` (a `ValueError` and an
    /// `IndexError`).
    AxisError,
    /// `MemoryError`: memory the system refused.
    MemoryError,
    /// `ArithmeticError`, the base of the numeric errors (never returned by `kind()`).
    ArithmeticError,
    /// `OverflowError`: a value outside what a type can hold.
    OverflowError,
    /// `ZeroDivisionError`: division by zero of Python numbers.
    ZeroDivisionError,
    /// `FloatingPointError`: a floating-point status flag raised under `errstate(...='raise')`.
    FloatingPointError,
    /// `numpy.linalg.LinAlgError` (a `ValueError`): singular or malformed matrices.
    LinAlgError,
    /// `RuntimeError`.
    RuntimeError,
    /// `RecursionError` (a `RuntimeError`): a dtype nested too deeply.
    RecursionError,
    /// `NotImplementedError` (a `RuntimeError`): something NumPy does that nprs does not.
    NotImplementedError,
    /// `numpy.exceptions.TooHardError` (a `RuntimeError`): `shares_memory` over its work limit.
    TooHardError,
    /// `OSError`: the operating system refused a file operation.
    OSError,
    /// `FileNotFoundError` (an `OSError`).
    FileNotFoundError,
    /// `EOFError`: a file ended where data was expected.
    EOFError,
    /// `UnicodeError`, the base of the codec errors (a `ValueError`; never returned by `kind()`).
    UnicodeError,
    /// `UnicodeDecodeError` (a `UnicodeError`).
    UnicodeDecodeError,
    /// `UnicodeEncodeError` (a `UnicodeError`).
    UnicodeEncodeError,
    /// `AttributeError`.
    AttributeError,
    /// `numpy.exceptions.DTypePromotionError` (a `TypeError`): dtypes with no common dtype.
    DTypePromotionError,
    /// `numpy._core._exceptions.UFuncTypeError` (a `TypeError`): no loop for the dtypes, or
    /// a cast the casting rule forbids.
    UFuncTypeError,
    /// `zipfile.BadZipFile`: a malformed `.npz` archive.
    BadZipFile,
    /// `Warning`, the base of the warning classes: a warning turned into an error by
    /// [`crate::warnings::WarnAction::Error`].
    Warning,
    /// `RuntimeWarning` (a `Warning`) turned into an error.
    RuntimeWarning,
}

impl ErrorKind {
    /// Every kind, in declaration order.
    pub const ALL: [ErrorKind; 29] = [
        ErrorKind::Exception,
        ErrorKind::ValueError,
        ErrorKind::TypeError,
        ErrorKind::LookupError,
        ErrorKind::IndexError,
        ErrorKind::KeyError,
        ErrorKind::AxisError,
        ErrorKind::MemoryError,
        ErrorKind::ArithmeticError,
        ErrorKind::OverflowError,
        ErrorKind::ZeroDivisionError,
        ErrorKind::FloatingPointError,
        ErrorKind::LinAlgError,
        ErrorKind::RuntimeError,
        ErrorKind::RecursionError,
        ErrorKind::NotImplementedError,
        ErrorKind::TooHardError,
        ErrorKind::OSError,
        ErrorKind::FileNotFoundError,
        ErrorKind::EOFError,
        ErrorKind::UnicodeError,
        ErrorKind::UnicodeDecodeError,
        ErrorKind::UnicodeEncodeError,
        ErrorKind::AttributeError,
        ErrorKind::DTypePromotionError,
        ErrorKind::UFuncTypeError,
        ErrorKind::BadZipFile,
        ErrorKind::Warning,
        ErrorKind::RuntimeWarning,
    ];

    /// The Python class's `__name__`: `"ValueError"`, `"AxisError"`, `"LinAlgError"`.
    #[must_use]
    pub const fn name(self) -> &'static str {
        match self {
            ErrorKind::Exception => "Exception",
            ErrorKind::ValueError => "ValueError",
            ErrorKind::TypeError => "TypeError",
            ErrorKind::LookupError => "LookupError",
            ErrorKind::IndexError => "IndexError",
            ErrorKind::KeyError => "KeyError",
            ErrorKind::AxisError => "AxisError",
            ErrorKind::MemoryError => "MemoryError",
            ErrorKind::ArithmeticError => "ArithmeticError",
            ErrorKind::OverflowError => "OverflowError",
            ErrorKind::ZeroDivisionError => "ZeroDivisionError",
            ErrorKind::FloatingPointError => "FloatingPointError",
            ErrorKind::LinAlgError => "LinAlgError",
            ErrorKind::RuntimeError => "RuntimeError",
            ErrorKind::RecursionError => "RecursionError",
            ErrorKind::NotImplementedError => "NotImplementedError",
            ErrorKind::TooHardError => "TooHardError",
            ErrorKind::OSError => "OSError",
            ErrorKind::FileNotFoundError => "FileNotFoundError",
            ErrorKind::EOFError => "EOFError",
            ErrorKind::UnicodeError => "UnicodeError",
            ErrorKind::UnicodeDecodeError => "UnicodeDecodeError",
            ErrorKind::UnicodeEncodeError => "UnicodeEncodeError",
            ErrorKind::AttributeError => "AttributeError",
            ErrorKind::DTypePromotionError => "DTypePromotionError",
            ErrorKind::UFuncTypeError => "UFuncTypeError",
            ErrorKind::BadZipFile => "BadZipFile",
            ErrorKind::Warning => "Warning",
            ErrorKind::RuntimeWarning => "RuntimeWarning",
        }
    }

    /// The kind whose [`name`](Self::name) is `name`, if any.
    #[must_use]
    pub fn from_name(name: &str) -> Option<ErrorKind> {
        ErrorKind::ALL.into_iter().find(|k| k.name() == name)
    }

    /// The direct base classes, as Python's `__bases__` (empty for `Exception`).
    #[must_use]
    pub const fn bases(self) -> &'static [ErrorKind] {
        use ErrorKind as K;
        match self {
            K::Exception => &[],
            K::ValueError
            | K::TypeError
            | K::LookupError
            | K::MemoryError
            | K::ArithmeticError
            | K::RuntimeError
            | K::OSError
            | K::EOFError
            | K::AttributeError
            | K::BadZipFile
            | K::Warning => &[K::Exception],
            K::RuntimeWarning => &[K::Warning],
            K::IndexError | K::KeyError => &[K::LookupError],
            K::AxisError => &[K::ValueError, K::IndexError],
            K::OverflowError | K::ZeroDivisionError | K::FloatingPointError => &[K::ArithmeticError],
            K::LinAlgError | K::UnicodeError => &[K::ValueError],
            K::RecursionError | K::NotImplementedError | K::TooHardError => &[K::RuntimeError],
            K::FileNotFoundError => &[K::OSError],
            K::UnicodeDecodeError | K::UnicodeEncodeError => &[K::UnicodeError],
            K::DTypePromotionError | K::UFuncTypeError => &[K::TypeError],
        }
    }

    /// Whether this class is `other` or derives from it, as Python's `issubclass`: an
    /// `except other:` clause would catch it.
    #[must_use]
    pub fn is_a(self, other: ErrorKind) -> bool {
        self == other || self.bases().iter().any(|b| b.is_a(other))
    }
}

impl fmt::Display for ErrorKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

#[cfg(test)]
mod tests {
    use super::ErrorKind;

    #[test]
    fn names_round_trip() {
        for k in ErrorKind::ALL {
            assert_eq!(ErrorKind::from_name(k.name()), Some(k));
        }
        assert_eq!(ErrorKind::from_name("SyntaxError"), None);
    }

    #[test]
    fn hierarchy_is_pythons() {
        // The MRO of each class in Python 3.11 / NumPy 2.4.6.
        use ErrorKind as K;
        assert!(K::AxisError.is_a(K::ValueError));
        assert!(K::AxisError.is_a(K::IndexError));
        assert!(K::AxisError.is_a(K::LookupError));
        assert!(!K::AxisError.is_a(K::TypeError));
        assert!(K::LinAlgError.is_a(K::ValueError));
        assert!(K::UFuncTypeError.is_a(K::TypeError));
        assert!(K::DTypePromotionError.is_a(K::TypeError));
        assert!(K::UnicodeEncodeError.is_a(K::ValueError));
        assert!(K::TooHardError.is_a(K::RuntimeError));
        assert!(K::FileNotFoundError.is_a(K::OSError));
        assert!(K::ZeroDivisionError.is_a(K::ArithmeticError));
        assert!(!K::IndexError.is_a(K::ValueError));
        assert!(!K::BadZipFile.is_a(K::OSError));
        for k in ErrorKind::ALL {
            assert!(k.is_a(K::Exception), "{k}");
        }
    }
}
