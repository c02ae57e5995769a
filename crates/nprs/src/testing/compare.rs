//! `numpy.testing.assert_array_compare` and `numpy.testing.build_err_msg`, the building
//! blocks of the array assertions, for comparisons of one's own.

use nprs_core::ArrayBase;
use nprs_core::kernel::Data;

use super::{AssertResult, Compare, TestElem, array_compare, err_msg_of_reprs, repr_at};

/// The keyword arguments of [`assert_array_compare`], NumPy's defaults from
/// [`CompareOptions::default`] (no message, no header, precision 6, NaNs and infinities
/// compared by position, names `ACTUAL` and `DESIRED`).
#[derive(Clone, Debug)]
pub struct CompareOptions<'s> {
    /// `err_msg`: printed after the header.
    pub err_msg: &'s str,
    /// `header`: the report's first line.
    pub header: &'s str,
    /// `precision`: digits of the arrays' `repr`s in the report.
    pub precision: usize,
    /// `equal_nan`: NaNs must sit at the same positions, and are then equal.
    pub equal_nan: bool,
    /// `equal_inf`: infinities must sit at the same positions, and are then equal.
    pub equal_inf: bool,
    /// `names`: how the report calls the two arrays.
    pub names: [&'static str; 2],
}

impl Default for CompareOptions<'_> {
    /// NumPy's defaults.
    ///
    /// ```
    /// let o = nprs::testing::CompareOptions::default();
    /// assert_eq!((o.precision, o.equal_nan, o.names), (6, true, ["ACTUAL", "DESIRED"]));
    /// ```
    fn default() -> Self {
        CompareOptions {
            err_msg: "",
            header: "",
            precision: 6,
            equal_nan: true,
            equal_inf: true,
            names: ["ACTUAL", "DESIRED"],
        }
    }
}

/// `numpy.testing.assert_array_compare(comparison, x, y, …)`: checks that the shapes agree
/// (a 0-d side broadcasts), that NaNs and infinities sit at the same positions (as the
/// options ask), and that `comparison(x, y)` holds for every other pair of elements; on
/// failure, NumPy's report under the options' header.
///
/// ```
/// use nprs::array;
/// use nprs::testing::{CompareOptions, assert_array_compare};
/// let opts = CompareOptions { header: "Arrays are not less-ordered", ..CompareOptions::default() };
/// assert!(assert_array_compare(|x: i64, y| x < y, &array![1, 2], &array![2, 3], &opts).is_ok());
/// let e = assert_array_compare(|x: i64, y| x < y, &array![1, 5], &array![2, 3], &opts).unwrap_err();
/// assert!(e.message().starts_with("\nArrays are not less-ordered\n\nMismatched elements: 1 / 2 (50%)"));
/// ```
///
/// # Errors
/// The [`AssertionError`](super::AssertionError) with NumPy's report.
pub fn assert_array_compare<T: TestElem, SA: Data<Elem = T>, SB: Data<Elem = T>>(
    comparison: impl Fn(T, T) -> bool,
    x: &ArrayBase<SA>,
    y: &ArrayBase<SB>,
    opts: &CompareOptions<'_>,
) -> AssertResult {
    let c = Compare {
        header: opts.header.to_string(),
        err_msg: opts.err_msg,
        names: opts.names,
        precision: opts.precision,
        equal_nan: opts.equal_nan,
        equal_inf: opts.equal_inf,
    };
    array_compare(x, y, &c, comparison)
}

/// `numpy.testing.build_err_msg(arrays, err_msg, header, verbose, names, precision)`: the
/// report the assertions raise — the header (with `err_msg` on the same line when it is one
/// short line, else on its own), then, when `verbose`, each array's `repr` at `precision`
/// (cut to three lines) after its name.
///
/// ```
/// use nprs::array;
/// use nprs::testing::build_err_msg;
/// let (a, b) = (array![1.0, 2.0], array![1.0, 3.0]);
/// let m = build_err_msg(&[&a, &b], "oops", "Items are not equal:", true, &["ACTUAL", "DESIRED"], 8);
/// assert_eq!(m, "\nItems are not equal: oops\n ACTUAL: array([1., 2.])\n DESIRED: array([1., 3.])");
/// ```
#[must_use]
pub fn build_err_msg<S: Data>(
    arrays: &[&ArrayBase<S>],
    err_msg: &str,
    header: &str,
    verbose: bool,
    names: &[&str],
    precision: usize,
) -> String {
    let reprs: Vec<(&str, String)> = if verbose {
        arrays.iter().zip(names).map(|(a, n)| (*n, repr_at(*a, precision))).collect()
    } else {
        Vec::new()
    };
    err_msg_of_reprs(&reprs, err_msg, header)
}
