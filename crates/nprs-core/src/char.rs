//! `numpy.char`: NumPy's legacy string module. Most of its functions are
//! [`numpy.strings`](crate::strings)'s and are re-exported here; this module adds what
//! `numpy.char` does differently or only:
//!
//! - the comparisons ([`equal`], [`less`], …) ignore trailing whitespace, as
//!   [`compare_chararrays`] with `rstrip` does;
//! - [`partition`] and [`rpartition`] return one array with a last axis of 3 (before,
//!   separator, after) where `numpy.strings` returns three arrays;
//! - [`join`] puts a separator between the characters of each string;
//! - [`array()`] and [`asarray`] make a string array of a chosen width and kind
//!   (`itemsize=`, `unicode=`).
//!
//! `numpy.char.chararray` itself (an ndarray subclass that strips trailing whitespace
//! when indexed) is not provided: its arrays are nprs's `U`/`S` arrays, and these
//! functions are its methods. `split`, `rsplit` and `splitlines` return object arrays of
//! lists in NumPy, which nprs has no dtype for.
//!
//! ```
//! use nprs_core::{DynArray, char};
//! let a = DynArray::from_strs(&["abc  ", "de"]);
//! let b = DynArray::from_strs(&["abc", "de "]);
//! let eq = char::equal(&a, &b)?; // np.char.equal(a, b): trailing spaces ignored
//! assert_eq!(eq.typed::<bool>()?.to_vec(), vec![true, true]);
//! let strict = nprs_core::strings::equal(&a, &b)?; // np.strings.equal(a, b)
//! assert_eq!(strict.typed::<bool>()?.to_vec(), vec![false, false]);
//! # Ok::<(), nprs_core::Error>(())
//! ```

use crate::dtype::{Descr, DescrKind};
use crate::dynarray::{DynArray, DynBase, DynData, DynView, Operand};
use crate::error::{Error, Result};
use crate::scalar::Scalar;
use crate::strings;

pub use crate::strings::{
    Translation, add, capitalize, center, count, decode, encode, endswith, expandtabs, find, index, isalnum, isalpha,
    isdecimal, isdigit, islower, isnumeric, isspace, istitle, isupper, ljust, lower, lstrip, mod_, multiply, replace,
    rfind, rindex, rjust, rstrip, startswith, str_len, strip, swapcase, title, translate, upper, zfill,
};

/// The characters `compare_chararrays` strips from the end of each string: ASCII
/// whitespace (trailing NULs are never part of a fixed-width string).
const TRAILING: &str = " \t\n\x0b\x0c\r";

/// An operand as an array: a string scalar becomes a 0-d array of its kind.
fn as_array(o: Operand<'_>) -> Result<DynArray> {
    match o {
        Operand::Array(v) => Ok(v.to_owned()),
        Operand::Scalar(Scalar::Str(s)) => Ok(DynArray::from_strs(&[s]).into_shape(&[] as &[usize])?),
        Operand::Scalar(Scalar::Bytes(b)) => Ok(DynArray::from_byte_strs(&[b]).into_shape(&[] as &[usize])?),
        Operand::Scalar(_) => Err(Error::NonStringComparison),
    }
}

/// `U` (true), `S` (false), or not a string array.
fn unicode_of(d: &Descr) -> Option<bool> {
    match d.kind_of() {
        DescrKind::Unicode(_) => Some(true),
        DescrKind::Bytes(_) => Some(false),
        _ => None,
    }
}

/// `numpy.char.compare_chararrays(a1, a2, cmp, rstrip)`: `a1 cmp a2` elementwise
/// (`cmp` one of `==`, `!=`, `<`, `>`, `<=`, `>=`), by code point (or byte), the shapes
/// broadcast; with `rstrip` trailing whitespace is ignored.
///
/// ```
/// use nprs_core::{DynArray, char};
/// let a = DynArray::from_strs(&["a ", "b"]);
/// let b = DynArray::from_strs(&["a", "c"]);
/// let lt = char::compare_chararrays(&a, &b, "<", true)?;
/// assert_eq!(lt.typed::<bool>()?.to_vec(), vec![false, true]);
/// # Ok::<(), nprs_core::Error>(())
/// ```
///
/// # Errors
/// NumPy's "comparison must be '==', '!=', '<', '>', '<=', '>='"; "comparison of
/// non-string arrays"; shapes that do not broadcast; a `U` array with an `S` array (NumPy
/// returns `NotImplemented`, which nprs reports as an error).
pub fn compare_chararrays<'a, 'b>(
    a1: impl Into<Operand<'a>>,
    a2: impl Into<Operand<'b>>,
    cmp: &str,
    rstrip: bool,
) -> Result<DynArray> {
    type Op = fn(Operand<'_>, Operand<'_>) -> Result<DynArray>;
    let op: Op = match cmp {
        "==" => |a, b| strings::equal(a, b),
        "!=" => |a, b| strings::not_equal(a, b),
        "<" => |a, b| strings::less(a, b),
        ">" => |a, b| strings::greater(a, b),
        "<=" => |a, b| strings::less_equal(a, b),
        ">=" => |a, b| strings::greater_equal(a, b),
        _ => return Err(Error::ComparisonOperator),
    };
    let (a, b) = (as_array(a1.into())?, as_array(a2.into())?);
    match (unicode_of(a.dtype()), unicode_of(b.dtype())) {
        (Some(x), Some(y)) if x == y => {}
        (Some(_), Some(_)) => return Err(Error::MixedStringKinds),
        _ => return Err(Error::NonStringComparison),
    }
    if rstrip {
        let (a, b) = (strings::rstrip(&a, Some(TRAILING))?, strings::rstrip(&b, Some(TRAILING))?);
        op(Operand::from(&a), Operand::from(&b))
    } else {
        op(Operand::from(&a), Operand::from(&b))
    }
}

macro_rules! comparisons {
    ($($name:ident, $op:literal;)*) => {$(
        #[doc = concat!("`numpy.char.", stringify!($name), "`: `a ", $op, " b` elementwise, trailing whitespace ignored ([`compare_chararrays`] with `rstrip`).")]
        ///
        /// # Errors
        /// As [`compare_chararrays`].
        pub fn $name<'a, 'b>(a: impl Into<Operand<'a>>, b: impl Into<Operand<'b>>) -> Result<DynArray> {
            compare_chararrays(a, b, $op, true)
        }
    )*};
}

comparisons! {
    equal, "==";
    not_equal, "!=";
    less, "<";
    less_equal, "<=";
    greater, ">";
    greater_equal, ">=";
}

/// `numpy.char.partition(a, sep)`: [`strings::partition`]'s three parts stacked on a new
/// last axis (shape `a.shape + (3,)`), as wide as the widest part.
///
/// ```
/// use nprs_core::{DynArray, char};
/// let p = char::partition(&DynArray::from_strs(&["a-b", "cd"]), "-")?;
/// assert_eq!(p.shape(), &[2, 3]);
/// assert_eq!(p.to_scalars(), ["a", "-", "b", "cd", "", ""].map(nprs_core::Scalar::from).to_vec());
/// # Ok::<(), nprs_core::Error>(())
/// ```
///
/// # Errors
/// As [`strings::partition`].
pub fn partition<S: DynData>(a: &DynBase<S>, sep: &str) -> Result<DynArray> {
    stack3(&strings::partition(a, sep)?)
}

/// `numpy.char.rpartition(a, sep)`: [`strings::rpartition`]'s three parts stacked on a
/// new last axis.
///
/// # Errors
/// As [`strings::rpartition`].
pub fn rpartition<S: DynData>(a: &DynBase<S>, sep: &str) -> Result<DynArray> {
    stack3(&strings::rpartition(a, sep)?)
}

fn stack3((x, y, z): &(DynArray, DynArray, DynArray)) -> Result<DynArray> {
    let width = [x, y, z].iter().map(|p| p.itemsize()).max().unwrap_or(1);
    let descr = Descr::with_order(
        match x.dtype().kind_of() {
            DescrKind::Unicode(_) => DescrKind::Unicode(width / 4),
            _ => DescrKind::Bytes(width),
        },
        x.dtype().byte_order(),
    );
    let parts = [x.astype(&descr)?, y.astype(&descr)?, z.astype(&descr)?];
    let views: Vec<DynView<'_>> = parts.iter().map(|p| p.view()).collect();
    crate::dynarray::stack(&views, -1)
}

/// `numpy.char.join(sep, a)`: each string's characters with `sep` between them
/// (`'-'.join('abc')` is `'a-b-c'`), as wide as the longest result.
///
/// ```
/// use nprs_core::{DynArray, char};
/// let j = char::join("-", &DynArray::from_strs(&["abc", "de"]))?;
/// assert_eq!(j.dtype().str(), "<U5");
/// # Ok::<(), nprs_core::Error>(())
/// ```
///
/// # Errors
/// A non-string array; for a bytes array with a non-empty string, Python's "sequence item
/// 0: expected str instance, int found" (a `bytes` object's items are integers).
pub fn join<S: DynData>(sep: &str, a: &DynBase<S>) -> Result<DynArray> {
    let joined: Vec<String> = match unicode_of(a.dtype()) {
        Some(true) => a
            .to_scalars()
            .iter()
            .map(|v| match v {
                Scalar::Str(s) => s.chars().map(String::from).collect::<Vec<_>>().join(sep),
                _ => String::new(),
            })
            .collect(),
        Some(false) => {
            if a.to_scalars().iter().any(|v| matches!(v, Scalar::Bytes(b) if !b.is_empty())) {
                return Err(Error::JoinBytes);
            }
            vec![String::new(); a.size()]
        }
        None => return Err(Error::NotString),
    };
    DynArray::from_strs(&joined).into_shape(a.shape())
}

/// `numpy.char.array(obj, itemsize=, unicode=)`: a copy of a string array as `U`
/// (`unicode=true`) or `S` (`unicode=false`) strings of `itemsize` characters (longer
/// strings are cut); both default to the array's own.
///
/// ```
/// use nprs_core::{DynArray, char};
/// let a = DynArray::from_strs(&["ab  ", "c"]);
/// let b = char::array(&a, Some(2), Some(false))?; // np.char.array(a, itemsize=2, unicode=False)
/// assert_eq!(b.dtype().str(), "|S2");
/// # Ok::<(), nprs_core::Error>(())
/// ```
///
/// # Errors
/// A non-string array; a `U` string that is not ASCII made `S` (UnicodeEncodeError).
pub fn array<S: DynData>(obj: &DynBase<S>, itemsize: Option<usize>, unicode: Option<bool>) -> Result<DynArray> {
    let own = unicode_of(obj.dtype()).ok_or(Error::NotString)?;
    let unicode = unicode.unwrap_or(own);
    let chars = if own { obj.itemsize() / 4 } else { obj.itemsize() };
    let n = itemsize.unwrap_or(chars);
    let descr = if unicode { Descr::unicode(n) } else { Descr::bytes(n) };
    obj.astype(&descr)
}

/// `numpy.char.asarray(obj, itemsize=, unicode=)`: [`array()`] without the copy NumPy can
/// avoid. As in NumPy, an `S` array whose width is already `itemsize` comes back as it is
/// (still `S`, whatever `unicode` says); otherwise the result is [`array()`]'s.
///
/// # Errors
/// As [`array()`].
pub fn asarray<S: DynData>(obj: &DynBase<S>, itemsize: Option<usize>, unicode: Option<bool>) -> Result<DynArray> {
    if unicode_of(obj.dtype()) == Some(false) && itemsize.unwrap_or(obj.itemsize()) == obj.itemsize() {
        return Ok(obj.to_owned());
    }
    array(obj, itemsize, unicode)
}
