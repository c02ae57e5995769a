//! Text files: `numpy.savetxt`, `numpy.loadtxt` and `numpy.genfromtxt`.

pub mod elem;
pub mod printf;

use std::io::Write;
use std::path::Path;

use nprs_core::kernel::Data;
use nprs_core::{Array, ArrayBase, Element, Order};

pub use elem::TextElement;
pub use printf::{Arg, FloatKind, Format};

use crate::error::{Error, Result};

/// The format of `savetxt`: one `%` format for every column, one per column, or a
/// whole-row format string.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Fmt {
    /// One string: repeated for every column when it holds a single `%`, else used for
    /// the whole row.
    One(String),
    /// One format per column.
    PerColumn(Vec<String>),
}

impl Default for Fmt {
    fn default() -> Self {
        Fmt::One("%.18e".into())
    }
}

/// Options of [`savetxt`], with NumPy's defaults.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SaveTxtOptions {
    /// `fmt` (default `%.18e`).
    pub fmt: Fmt,
    /// `delimiter` between columns (default one space).
    pub delimiter: String,
    /// `newline` after each row (default `\n`).
    pub newline: String,
    /// `header` written first, each line prefixed with `comments` (default none).
    pub header: String,
    /// `footer` written last, prefixed like the header.
    pub footer: String,
    /// `comments` prefix of header and footer lines (default `# `).
    pub comments: String,
}

impl Default for SaveTxtOptions {
    fn default() -> Self {
        SaveTxtOptions {
            fmt: Fmt::default(),
            delimiter: " ".into(),
            newline: "\n".into(),
            header: String::new(),
            footer: String::new(),
            comments: "# ".into(),
        }
    }
}

/// Writes a 1-d or 2-d array as text (`numpy.savetxt`): a 1-d array as one column,
/// complex values as `(re+imj)`.
///
/// ```
/// # let dir = std::env::temp_dir().join(format!("nprs-io-doc-txt-{}", std::process::id()));
/// # std::fs::create_dir_all(&dir).unwrap();
/// use nprs_core::Array;
/// use nprs_io::text::{Fmt, SaveTxtOptions, savetxt};
/// let path = dir.join("a.txt");
/// let a = Array::from_shape_vec(&[2, 2], vec![1.0f64, 2.5, -3.0, 4.0]).unwrap();
/// let opts = SaveTxtOptions { fmt: Fmt::One("%.2f".into()), delimiter: ",".into(), ..Default::default() };
/// savetxt(&path, &a, &opts).unwrap();
/// assert_eq!(std::fs::read_to_string(&path).unwrap(), "1.00,2.50\n-3.00,4.00\n");
/// # std::fs::remove_dir_all(&dir).unwrap();
/// ```
///
/// # Errors
/// NumPy's errors: `Expected 1D or 2D array, got 0D array instead`, `fmt has wrong
/// number of % formats:  …`, `fmt has wrong shape.  …`, and Python's formatting errors
/// (TypeError on a mismatch between values and format); I/O errors.
pub fn savetxt<S: Data>(path: impl AsRef<Path>, a: &ArrayBase<S>, opts: &SaveTxtOptions) -> Result<()>
where
    S::Elem: TextElement,
{
    crate::staged::write_file(path.as_ref(), |w| write_txt(w, a, opts))
}

/// [`savetxt`] into any writer.
///
/// # Errors
/// As [`savetxt`].
pub fn write_txt<S: Data, W: Write>(w: &mut W, a: &ArrayBase<S>, opts: &SaveTxtOptions) -> Result<()>
where
    S::Elem: TextElement,
{
    if a.ndim() == 0 || a.ndim() > 2 {
        return Err(Error::SavetxtNdim { ndim: a.ndim() });
    }
    let ncol = if a.ndim() == 1 { 1 } else { a.shape()[1] };
    let complex = S::Elem::COMPLEX;
    let format = match &opts.fmt {
        Fmt::PerColumn(list) => {
            if list.len() != ncol {
                return Err(Error::FmtShape { fmt: list.clone() });
            }
            list.join(&opts.delimiter)
        }
        Fmt::One(f) => {
            let n = f.matches('%').count();
            if n == 1 {
                let one = if complex { format!(" ({f}+{f}j)") } else { f.clone() };
                repeat_join(&one, ncol, &opts.delimiter)?
            } else if (complex && n != 2 * ncol) || (!complex && n != ncol) {
                return Err(Error::FormatCount { fmt: f.clone() });
            } else {
                f.clone()
            }
        }
    };
    let format_text = format;
    let format = Format::parse(&format_text)?;
    if !opts.header.is_empty() {
        let h = opts.header.replace('\n', &format!("\n{}", opts.comments));
        write!(w, "{}{h}{}", opts.comments, opts.newline)?;
    }
    // The elements in C order, row by row, without a copy of the array.
    let mut values = a.iter();
    let mut args = Vec::new();
    args.try_reserve(ncol.saturating_mul(2)).map_err(|_| Error::NoMemory { bytes: ncol.saturating_mul(2) })?;
    let mut line = String::new();
    for _ in 0..a.shape()[0] {
        args.clear();
        for x in values.by_ref().take(ncol) {
            x.args(&mut args);
        }
        line.clear();
        format.apply(&args, &mut line).map_err(|e| match e {
            nprs_core::Error::FormatTooFewArguments
            | nprs_core::Error::FormatTooManyArguments
            | nprs_core::Error::FormatIntegerRequired { .. }
            | nprs_core::Error::FormatCharRequired
            | nprs_core::Error::FormatStarWidth
                if !complex =>
            {
                Error::FormatMismatch { dtype: S::Elem::DTYPE.name(), format: format_text.clone() }
            }
            other => Error::Core(other),
        })?;
        line.push_str(&opts.newline);
        if complex {
            line = line.replace("+-", "-");
        }
        w.write_all(line.as_bytes())?;
    }
    if !opts.footer.is_empty() {
        let f = opts.footer.replace('\n', &format!("\n{}", opts.comments));
        write!(w, "{}{f}{}", opts.comments, opts.newline)?;
    }
    Ok(())
}

/// `n` copies of `s` joined by `sep` (`sep.join([s] * n)`), failing cleanly when the
/// text cannot be allocated.
fn repeat_join(s: &str, n: usize, sep: &str) -> Result<String> {
    let len = s.len().checked_add(sep.len()).and_then(|l| l.checked_mul(n)).unwrap_or(usize::MAX);
    let mut out = String::new();
    out.try_reserve_exact(len).map_err(|_| Error::NoMemory { bytes: len })?;
    for i in 0..n {
        if i > 0 {
            out.push_str(sep);
        }
        out.push_str(s);
    }
    Ok(out)
}

/// Options of [`loadtxt`], with NumPy's defaults.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LoadTxtOptions {
    /// `delimiter`; `None` splits on runs of whitespace (the default).
    pub delimiter: Option<String>,
    /// `comments`: text after any of these markers is ignored (default `#`).
    pub comments: Vec<String>,
    /// `skiprows`: lines skipped first, comments included.
    pub skiprows: usize,
    /// `usecols`: the columns to read (negative counts from the end).
    pub usecols: Option<Vec<isize>>,
    /// `max_rows`: stop after this many rows of data.
    pub max_rows: Option<usize>,
    /// `unpack`: return the transpose, so that columns come out as rows.
    pub unpack: bool,
    /// `ndmin`: the minimum number of dimensions (0, 1 or 2).
    pub ndmin: usize,
}

impl Default for LoadTxtOptions {
    fn default() -> Self {
        LoadTxtOptions {
            delimiter: None,
            comments: vec!["#".into()],
            skiprows: 0,
            usecols: None,
            max_rows: None,
            unpack: false,
            ndmin: 0,
        }
    }
}

/// The data lines of a text: `(line number, content without comments)`, after skipping
/// `skip` lines, leaving out blank lines.
fn data_lines<'a>(text: &'a str, skip: usize, comments: &'a [String]) -> impl Iterator<Item = (usize, &'a str)> + 'a {
    text.lines().enumerate().skip(skip).filter_map(move |(i, line)| {
        let line = line.strip_suffix('\r').unwrap_or(line);
        let cut = comments.iter().filter(|c| !c.is_empty()).filter_map(|c| line.find(c.as_str())).min();
        let line = cut.map_or(line, |c| &line[..c]);
        (!line.trim().is_empty()).then_some((i, line))
    })
}

/// The fields of a line (a line of a huge file may hold more of them than memory does).
fn split_fields<'a>(line: &'a str, delimiter: Option<&'a str>) -> Result<Vec<&'a str>> {
    let mut out = Vec::new();
    match delimiter {
        None => line.split_whitespace().try_for_each(|f| crate::buf::try_push(&mut out, f))?,
        Some(d) => line.split(d).map(str::trim).try_for_each(|f| crate::buf::try_push(&mut out, f))?,
    }
    Ok(out)
}

/// Applies NumPy's `ndmin` squeezing and `unpack` transpose to a `rows × cols` result.
fn finish<T: Element>(v: Vec<T>, rows: usize, cols: usize, ndmin: usize, unpack: bool) -> Result<Array<T>> {
    let mut shape: Vec<usize> = if rows == 0 { vec![0] } else { vec![rows, cols] };
    // np.squeeze when there are more dimensions than ndmin.
    if shape.len() > ndmin {
        shape.retain(|&d| d != 1);
    }
    if shape.len() < ndmin {
        shape = if ndmin == 1 {
            vec![shape.iter().product()]
        } else if shape.is_empty() {
            vec![1, 1]
        } else {
            // atleast_2d(...).T
            vec![shape[0], 1]
        };
    }
    if unpack && shape.len() == 2 {
        // The transpose of C-ordered data is the same buffer in Fortran order.
        return Ok(Array::from_shape_vec_order(&[shape[1], shape[0]], v, Order::F)?);
    }
    Ok(Array::from_shape_vec(&shape, v)?)
}

/// Reads a text file of numbers into an array (`numpy.loadtxt`): one row per line,
/// columns split by `delimiter`, comments and blank lines skipped; the result is
/// squeezed as NumPy squeezes it (a single row or column gives a 1-d array).
///
/// ```
/// # let dir = std::env::temp_dir().join(format!("nprs-io-doc-loadtxt-{}", std::process::id()));
/// # std::fs::create_dir_all(&dir).unwrap();
/// use nprs_io::text::{LoadTxtOptions, loadtxt};
/// let path = dir.join("d.csv");
/// std::fs::write(&path, "# x, y\n1, 2.5\n3, 4\n").unwrap();
/// let opts = LoadTxtOptions { delimiter: Some(",".into()), ..Default::default() };
/// let a = loadtxt::<f64>(&path, &opts).unwrap();
/// assert_eq!(a.shape(), &[2, 2]);
/// assert_eq!(a.get(&[0, 1]).unwrap(), 2.5);
/// # std::fs::remove_dir_all(&dir).unwrap();
/// ```
///
/// # Errors
/// NumPy's errors: `could not convert string 'x' to float64 at row 1, column 2.`,
/// `the number of columns changed from 3 to 2 at row 2; …`, `invalid column index 5 at
/// row 1 with 2 columns`, `Illegal value of ndmin keyword: 3`; I/O errors.
pub fn loadtxt<T: TextElement>(path: impl AsRef<Path>, opts: &LoadTxtOptions) -> Result<Array<T>> {
    let text = std::fs::read_to_string(path)?;
    loadtxt_str(&text, opts)
}

/// [`loadtxt`] of text in memory.
///
/// # Errors
/// As [`loadtxt`].
pub fn loadtxt_str<T: TextElement>(text: &str, opts: &LoadTxtOptions) -> Result<Array<T>> {
    if opts.ndmin > 2 {
        return Err(Error::Ndmin { ndmin: opts.ndmin });
    }
    let mut values: Vec<T> = Vec::new();
    let mut ncols: Option<usize> = None;
    let mut rows = 0usize;
    for (_, line) in data_lines(text, opts.skiprows, &opts.comments) {
        if opts.max_rows.is_some_and(|m| rows >= m) {
            break;
        }
        let fields = split_fields(line, opts.delimiter.as_deref())?;
        // The columns read: those of `usecols`, or every field (not copied).
        let picked: Vec<(usize, &str)> = match &opts.usecols {
            Some(cols) => {
                let n = fields.len();
                cols.iter()
                    .map(|&c| {
                        let i = if c < 0 { c + n as isize } else { c };
                        if i < 0 || i as usize >= n {
                            return Err(Error::ColumnIndex { index: c, row: rows + 1, columns: n });
                        }
                        Ok((i as usize, fields[i as usize]))
                    })
                    .collect::<Result<_>>()?
            }
            None => Vec::new(),
        };
        let found = if opts.usecols.is_some() { picked.len() } else { fields.len() };
        match ncols {
            None => ncols = Some(found),
            Some(n) if n != found => {
                return Err(Error::ColumnCount { expected: n, found, row: rows + 1 });
            }
            Some(_) => {}
        }
        let items: Box<dyn Iterator<Item = (usize, &str)>> = if opts.usecols.is_some() {
            Box::new(picked.into_iter())
        } else {
            Box::new(fields.iter().copied().enumerate())
        };
        for (col, s) in items {
            let v = T::parse_field(s).ok_or_else(|| Error::Convert {
                value: s.to_string(),
                dtype: T::DTYPE.name(),
                row: rows,
                column: col + 1,
            })?;
            crate::buf::try_push(&mut values, v)?;
        }
        rows += 1;
    }
    finish(values, rows, ncols.unwrap_or(0), opts.ndmin, opts.unpack)
}

/// Options of [`genfromtxt`], with NumPy's defaults.
#[derive(Clone, Debug, PartialEq)]
pub struct GenFromTxtOptions {
    /// `delimiter`; `None` splits on whitespace.
    pub delimiter: Option<String>,
    /// `comments` marker (default `#`).
    pub comments: String,
    /// `skip_header`: lines skipped at the start.
    pub skip_header: usize,
    /// `skip_footer`: data lines dropped at the end.
    pub skip_footer: usize,
    /// `usecols`: the columns to read.
    pub usecols: Option<Vec<isize>>,
    /// `missing_values`: strings that mean "missing" (an empty field always does).
    pub missing_values: Vec<String>,
    /// `filling_values`: what missing (and unparsable) fields become (default NaN).
    pub filling_value: f64,
    /// `max_rows`: stop after this many rows.
    pub max_rows: Option<usize>,
    /// `unpack`: return the transpose.
    pub unpack: bool,
}

impl Default for GenFromTxtOptions {
    fn default() -> Self {
        GenFromTxtOptions {
            delimiter: None,
            comments: "#".into(),
            skip_header: 0,
            skip_footer: 0,
            usecols: None,
            missing_values: Vec::new(),
            filling_value: f64::NAN,
            max_rows: None,
            unpack: false,
        }
    }
}

/// Reads a text file of numbers with missing values (`numpy.genfromtxt` with a float
/// dtype): empty fields and `missing_values` become `filling_value` (NaN by default),
/// fields that are not numbers become NaN.
///
/// # Errors
/// NumPy's report of rows with the wrong number of columns (`Some errors were detected
/// !\n    Line #2 (got 2 columns instead of 3)`); I/O errors.
pub fn genfromtxt(path: impl AsRef<Path>, opts: &GenFromTxtOptions) -> Result<Array<f64>> {
    let text = std::fs::read_to_string(path)?;
    genfromtxt_str(&text, opts)
}

/// [`genfromtxt`] of text in memory.
///
/// # Errors
/// As [`genfromtxt`].
pub fn genfromtxt_str(text: &str, opts: &GenFromTxtOptions) -> Result<Array<f64>> {
    let comments = [opts.comments.clone()];
    let mut lines: Vec<(usize, &str)> = Vec::new();
    data_lines(text, opts.skip_header, &comments).try_for_each(|l| crate::buf::try_push(&mut lines, l))?;
    lines.truncate(lines.len().saturating_sub(opts.skip_footer));
    if let Some(m) = opts.max_rows {
        lines.truncate(m);
    }
    let mut values = Vec::new();
    let mut ncols: Option<usize> = None;
    let mut errors = Vec::new();
    let mut rows = 0usize;
    for (lineno, line) in lines {
        let fields = split_fields(line, opts.delimiter.as_deref())?;
        let n = fields.len();
        let want = *ncols.get_or_insert(n);
        if n != want {
            errors.push((lineno + 1, n));
            continue;
        }
        let picked: Vec<&str> = match &opts.usecols {
            Some(cols) => cols
                .iter()
                .map(|&c| {
                    let i = if c < 0 { c + n as isize } else { c };
                    usize::try_from(i)
                        .ok()
                        .and_then(|i| fields.get(i).copied())
                        .ok_or(Error::UsecolsOutOfBounds { index: c, size: n })
                })
                .collect::<Result<_>>()?,
            None => fields,
        };
        for s in &picked {
            let s = s.trim();
            let missing = s.is_empty() || opts.missing_values.iter().any(|m| m == s);
            let v = if missing { opts.filling_value } else { elem::parse_f64(s).unwrap_or(f64::NAN) };
            crate::buf::try_push(&mut values, v)?;
        }
        rows += 1;
    }
    if !errors.is_empty() {
        return Err(Error::RowColumns { expected: ncols.unwrap_or(0), rows: errors });
    }
    let cols = match &opts.usecols {
        Some(c) => c.len(),
        None => ncols.unwrap_or(0),
    };
    finish(values, rows, cols, 0, opts.unpack)
}
