//! Small functions of NumPy's top-level namespace: number bases (`base_repr`,
//! `binary_repr`), type characters (`typename`, `mintypecode`, `typecodes`), dimension
//! helpers (`atleast_1d`/`2d`/`3d`, `isfortran`, `ndindex`), `asarray_chkfinite`, and the
//! versions, byte order and constants (`__version__`, `little_endian`, `pi`, `e`,
//! `euler_gamma`, `inf`, `nan`).

use crate::array::{ArrayBase, ArrayView};
use crate::copy::Cast;
use crate::error::{Error, Result};
use crate::layout::{Layout, LayoutKind};
use crate::storage::Data;

/// The version of NumPy whose behaviour nprs follows (`numpy.__version__` of the NumPy
/// that nprs's tests compare against).
pub const NUMPY_VERSION: &str = "2.4.6";

/// nprs's own version (the crate version of `nprs-core`).
pub const VERSION: &str = env!("CARGO_PKG_VERSION");

/// `numpy.little_endian`: whether the machine stores numbers least significant byte first.
pub const LITTLE_ENDIAN: bool = cfg!(target_endian = "little");

/// `numpy.pi`.
pub const PI: f64 = std::f64::consts::PI;
/// `numpy.e`.
pub const E: f64 = std::f64::consts::E;
/// `numpy.euler_gamma`: the Euler–Mascheroni constant.
pub const EULER_GAMMA: f64 = 0.577_215_664_901_532_9;
/// `numpy.inf`.
pub const INF: f64 = f64::INFINITY;
/// `numpy.nan`.
pub const NAN: f64 = f64::NAN;

const DIGITS: &[u8; 36] = b"0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";

/// `numpy.base_repr(number, base, padding)`: `number` written in `base` (2 to 36, digits
/// then capital letters), with `padding` zeros in front and a `-` for negative numbers.
///
/// ```
/// assert_eq!(nprs_core::base_repr(-255, 16, 3)?, "-000FF");
/// assert_eq!(nprs_core::base_repr(5, 2, 0)?, "101");
/// # Ok::<(), nprs_core::Error>(())
/// ```
///
/// # Errors
/// [`Error::BaseReprBase`] for a base below 2 or above 36 (NumPy's ValueError).
pub fn base_repr(number: i128, base: u32, padding: usize) -> Result<String> {
    if !(2..=36).contains(&base) {
        return Err(Error::BaseReprBase { base });
    }
    let mut n = number.unsigned_abs();
    let mut digits = Vec::new();
    while n > 0 {
        digits.push(DIGITS[(n % u128::from(base)) as usize]);
        n /= u128::from(base);
    }
    if digits.is_empty() && padding == 0 {
        digits.push(b'0');
    }
    digits.extend(std::iter::repeat_n(b'0', padding));
    if number < 0 {
        digits.push(b'-');
    }
    digits.reverse();
    Ok(String::from_utf8(digits).expect("ASCII digits"))
}

/// `numpy.binary_repr(num, width)`: `num` in base 2; a negative number is `-` and its
/// magnitude without a width, its two's complement in `width` bits with one.
///
/// ```
/// assert_eq!(nprs_core::binary_repr(-3, None)?, "-11");
/// assert_eq!(nprs_core::binary_repr(-3, Some(5))?, "11101");
/// assert_eq!(nprs_core::binary_repr(3, Some(4))?, "0011");
/// # Ok::<(), nprs_core::Error>(())
/// ```
///
/// # Errors
/// [`Error::InsufficientBitWidth`] when `width` is too small for `num` (NumPy's
/// ValueError).
pub fn binary_repr(num: i128, width: Option<usize>) -> Result<String> {
    let check = |binwidth: usize| match width {
        Some(width) if width < binwidth => Err(Error::InsufficientBitWidth { width, binwidth }),
        _ => Ok(()),
    };
    let mag = num.unsigned_abs();
    if num == 0 {
        return Ok("0".repeat(width.filter(|&w| w > 0).unwrap_or(1)));
    }
    if num > 0 {
        let bits = format!("{mag:b}");
        check(bits.len())?;
        return Ok(format!("{bits:0>w$}", w = width.unwrap_or(0)));
    }
    let Some(width) = width else { return Ok(format!("-{mag:b}")) };
    // The two's complement in the fewest bits that hold `num`, then padded with ones.
    let mut poswidth = (128 - mag.leading_zeros()) as usize;
    if mag.is_power_of_two() {
        poswidth -= 1;
    }
    // 2^(poswidth + 1) - mag, without forming 2^128.
    let ones = u128::MAX >> (127 - poswidth);
    let twocomp = ones - mag + 1;
    let bits = format!("{twocomp:b}");
    check(bits.len())?;
    Ok(format!("{}{bits}", "1".repeat(width.saturating_sub(bits.len()))))
}

/// `numpy.typecodes`: the type characters of each kind of dtype.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TypeCodes {
    /// `'Character'`
    pub character: &'static str,
    /// `'Integer'`
    pub integer: &'static str,
    /// `'UnsignedInteger'`
    pub unsigned_integer: &'static str,
    /// `'Float'`
    pub float: &'static str,
    /// `'Complex'`
    pub complex: &'static str,
    /// `'AllInteger'`
    pub all_integer: &'static str,
    /// `'AllFloat'`
    pub all_float: &'static str,
    /// `'Datetime'`
    pub datetime: &'static str,
    /// `'All'`
    pub all: &'static str,
}

/// `numpy.typecodes` (NumPy's table on a 64-bit Linux build).
pub const TYPECODES: TypeCodes = TypeCodes {
    character: "c",
    integer: "bhilqnp",
    unsigned_integer: "BHILQNP",
    float: "efdg",
    complex: "FDG",
    all_integer: "bBhHiIlLqQnNpP",
    all_float: "efdgFDG",
    datetime: "Mm",
    all: "?bhilqnpBHILQNPefdgFDGSUVOMm",
};

/// `numpy.typename(char)`: NumPy's description of a type character (`'d'` is
/// `"double precision"`).
///
/// ```
/// assert_eq!(nprs_core::typename("d")?, "double precision");
/// assert_eq!(nprs_core::typename("S1")?, "character");
/// # Ok::<(), nprs_core::Error>(())
/// ```
///
/// # Errors
/// [`Error::TypeCodeKey`] for a character NumPy does not describe (NumPy's KeyError).
pub fn typename(char: &str) -> Result<&'static str> {
    Ok(match char {
        "S1" => "character",
        "?" => "bool",
        "b" => "signed char",
        "B" => "unsigned char",
        "h" => "short",
        "H" => "unsigned short",
        "i" => "integer",
        "I" => "unsigned integer",
        "l" => "long integer",
        "L" => "unsigned long integer",
        "q" => "long long integer",
        "Q" => "unsigned long long integer",
        "f" => "single precision",
        "d" => "double precision",
        "g" => "long precision",
        "F" => "complex single precision",
        "D" => "complex double precision",
        "G" => "complex long double precision",
        "S" => "string",
        "U" => "unicode",
        "V" => "void",
        "O" => "object",
        _ => return Err(Error::TypeCodeKey { code: char.to_string() }),
    })
}

/// The type characters from the largest to the smallest, as `mintypecode` ranks them.
const BY_ELSIZE: &str = "GDFgdfQqLlIiHhBb?";

/// `numpy.mintypecode(typechars, typeset, default)`: the type character of `typeset` that
/// holds every one of `typechars` found in it (the largest of them; `'D'` when they hold
/// both `'F'` and `'d'`), or `default` when none is in `typeset`. NumPy's defaults are
/// `typeset="GDFgdf"` and `default='d'`.
///
/// ```
/// assert_eq!(nprs_core::mintypecode(&['d', 'f', 'S'], "GDFgdf", 'd'), 'd');
/// assert_eq!(nprs_core::mintypecode(&['b', 'h'], "GDFgdf", 'd'), 'd');
/// assert_eq!(nprs_core::mintypecode(&['F', 'd'], "GDFgdf", 'd'), 'D');
/// ```
#[must_use]
pub fn mintypecode(typechars: &[char], typeset: &str, default: char) -> char {
    let found: Vec<char> = typechars.iter().copied().filter(|c| typeset.contains(*c)).collect();
    if found.is_empty() {
        return default;
    }
    if found.contains(&'F') && found.contains(&'d') {
        return 'D';
    }
    // A character of `typeset` that NumPy does not rank makes NumPy's `index` fail; such
    // characters rank last here.
    *found.iter().min_by_key(|c| BY_ELSIZE.find(**c).unwrap_or(usize::MAX)).expect("not empty")
}

/// `numpy.isfortran(a)`: Fortran-contiguous and not C-contiguous (so false for 1-d arrays).
///
/// ```
/// use nprs_core::prelude::*;
/// let a = Array::<f64>::zeros(&[2, 3])?;
/// assert!(!nprs_core::isfortran(&a) && nprs_core::isfortran(&a.t()));
/// # Ok::<(), nprs_core::Error>(())
/// ```
#[must_use]
pub fn isfortran<K: LayoutKind>(a: &Layout<K>) -> bool {
    a.is_f_contiguous() && !a.is_c_contiguous()
}

/// `numpy.atleast_1d(a)`: a view with at least one dimension (a 0-d array becomes shape
/// `(1,)`).
#[must_use]
pub fn atleast_1d<K: LayoutKind>(a: &Layout<K>) -> K::View<'_> {
    match a.ndim() {
        0 => a.expand_dims(&[0]).expect("axis 0 of a 0-d array"),
        _ => a.view(),
    }
}

/// `numpy.atleast_2d(a)`: a view with at least two dimensions, new axes in front.
///
/// ```
/// use nprs_core::prelude::*;
/// let v = array![1, 2, 3];
/// assert_eq!(nprs_core::atleast_2d(&v).shape(), &[1, 3]);
/// assert_eq!(nprs_core::atleast_3d(&v).shape(), &[1, 3, 1]);
/// ```
#[must_use]
pub fn atleast_2d<K: LayoutKind>(a: &Layout<K>) -> K::View<'_> {
    match a.ndim() {
        0 => a.expand_dims(&[0, 1]),
        1 => a.expand_dims(&[0]),
        _ => Ok(a.view()),
    }
    .expect("leading axes are in range")
}

/// `numpy.atleast_3d(a)`: a view with at least three dimensions: `(N,)` becomes
/// `(1, N, 1)` and `(M, N)` becomes `(M, N, 1)`, as NumPy.
#[must_use]
pub fn atleast_3d<K: LayoutKind>(a: &Layout<K>) -> K::View<'_> {
    match a.ndim() {
        0 => a.expand_dims(&[0, 1, 2]),
        1 => a.expand_dims(&[0, 2]),
        2 => a.expand_dims(&[2]),
        _ => Ok(a.view()),
    }
    .expect("axes are in range")
}

/// `numpy.asarray_chkfinite(a)`: `a` itself (a view), once every element is checked to be
/// finite (both parts of a complex number).
///
/// ```
/// use nprs_core::prelude::*;
/// assert!(nprs_core::asarray_chkfinite(&array![1.0, 2.0]).is_ok());
/// let e = nprs_core::asarray_chkfinite(&array![1.0, f64::NAN]).unwrap_err();
/// assert_eq!(e.to_string(), "array must not contain infs or NaNs");
/// ```
///
/// # Errors
/// [`Error::NotFinite`] (NumPy's ValueError) when an element is an infinity or a NaN.
pub fn asarray_chkfinite<S: Data>(a: &ArrayBase<S>) -> Result<ArrayView<'_, S::Elem>>
where
    S::Elem: Cast,
{
    if a.iter().all(|x| x.to_f64().is_finite() && x.imag_f64().is_finite()) {
        Ok(a.view())
    } else {
        Err(Error::NotFinite)
    }
}

/// `numpy.ndindex(*shape)`: every index of an array of `shape`, in C order (the last axis
/// fastest). A 0-d shape has one index, `[]`; a shape with a zero has none.
///
/// ```
/// let all: Vec<Vec<usize>> = nprs_core::ndindex(&[2, 2]).collect();
/// assert_eq!(all, vec![vec![0, 0], vec![0, 1], vec![1, 0], vec![1, 1]]);
/// ```
#[must_use]
pub fn ndindex(shape: &[usize]) -> NdIndex {
    let len = shape.iter().product();
    NdIndex { shape: shape.to_vec(), next: vec![0; shape.len()], left: len }
}

/// The iterator of [`ndindex`].
#[derive(Clone, Debug)]
pub struct NdIndex {
    shape: Vec<usize>,
    next: Vec<usize>,
    left: usize,
}

impl Iterator for NdIndex {
    type Item = Vec<usize>;

    fn next(&mut self) -> Option<Vec<usize>> {
        if self.left == 0 {
            return None;
        }
        self.left -= 1;
        let out = self.next.clone();
        for (i, n) in self.next.iter_mut().zip(&self.shape).rev() {
            *i += 1;
            if *i < *n {
                break;
            }
            *i = 0;
        }
        Some(out)
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        (self.left, Some(self.left))
    }
}

impl ExactSizeIterator for NdIndex {}

/// `numpy.broadcast(*arrays)` for shapes: the shape, size and dimensions their broadcast
/// has, and (as an iterator) its indices in C order. `broadcast_arrays` gives the views
/// whose elements NumPy's object yields in tuples.
///
/// ```
/// let shapes: [&[usize]; 3] = [&[2, 1], &[3], &[1, 1, 3]];
/// let b = nprs_core::broadcast(&shapes)?;
/// assert_eq!((b.shape(), b.ndim(), b.numiter(), b.size()), (&[1usize, 2, 3][..], 3, 3, 6));
/// assert_eq!(b.indices().nth(4), Some(vec![0, 1, 1]));
/// # Ok::<(), nprs_core::Error>(())
/// ```
///
/// # Errors
/// NumPy's broadcast error when the shapes do not broadcast.
pub fn broadcast(shapes: &[&[usize]]) -> Result<Broadcast> {
    let shape = crate::dims::broadcast_shapes(shapes)?;
    Ok(Broadcast { shape: shape[..].to_vec(), numiter: shapes.len() })
}

/// The result of [`broadcast`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Broadcast {
    shape: Vec<usize>,
    numiter: usize,
}

impl Broadcast {
    /// `b.shape`.
    #[must_use]
    pub fn shape(&self) -> &[usize] {
        &self.shape
    }

    /// `b.ndim` (also `b.nd`).
    #[must_use]
    pub fn ndim(&self) -> usize {
        self.shape.len()
    }

    /// `b.numiter`: how many shapes were broadcast.
    #[must_use]
    pub fn numiter(&self) -> usize {
        self.numiter
    }

    /// `b.size`: the number of elements of the broadcast shape.
    #[must_use]
    pub fn size(&self) -> usize {
        self.shape.iter().product()
    }

    /// The broadcast shape's indices in C order (what NumPy's object steps through).
    #[must_use]
    pub fn indices(&self) -> NdIndex {
        ndindex(&self.shape)
    }
}
