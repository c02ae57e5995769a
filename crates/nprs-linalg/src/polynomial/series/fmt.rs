//! Printing the series classes as NumPy 2.4 does: `str` (unicode terms on Linux and
//! macOS, NumPy's default there; ASCII on request) and `repr`.

use std::fmt;
use std::sync::atomic::{AtomicBool, Ordering};

use nprs_core::Array;
use nprs_core::print::{get_printoptions, series_float_str};

use super::{Basis, Series};

/// Whether `str` writes unicode terms (NumPy's default except on Windows).
static UNICODE: AtomicBool = AtomicBool::new(true);

/// `numpy.polynomial.set_default_printstyle(style)`: `"unicode"` (the default) or
/// `"ascii"` terms for `str` of every series, process-wide as in NumPy.
///
/// ```
/// use nprs_linalg::polynomial::{Polynomial, set_default_printstyle};
/// let p = Polynomial::new(&[1.0, 2.0, 3.0])?;
/// set_default_printstyle("ascii")?;
/// assert_eq!(p.to_string(), "1.0 + 2.0 x + 3.0 x**2");
/// set_default_printstyle("unicode")?;
/// assert_eq!(p.to_string(), "1.0 + 2.0·x + 3.0·x²");
/// # Ok::<(), nprs_linalg::Error>(())
/// ```
///
/// # Errors
/// NumPy's `ValueError` for another style.
pub fn set_default_printstyle(style: &str) -> crate::Result<()> {
    match style {
        "unicode" => UNICODE.store(true, Ordering::Relaxed),
        "ascii" => UNICODE.store(false, Ordering::Relaxed),
        _ => return Err(crate::Error::PrintStyle { style: style.to_string() }),
    }
    Ok(())
}

const SUPERSCRIPT: [char; 10] = ['⁰', '¹', '²', '³', '⁴', '⁵', '⁶', '⁷', '⁸', '⁹'];
const SUBSCRIPT: [char; 10] = ['₀', '₁', '₂', '₃', '₄', '₅', '₆', '₇', '₈', '₉'];

fn translate(i: &str, table: &[char; 10]) -> String {
    i.chars().map(|c| c.to_digit(10).map_or(c, |d| table[d as usize])).collect()
}

fn term<B: Basis>(power: &str, arg: &str, unicode: bool) -> String {
    match (B::BASIS_NAME, unicode) {
        (None, true) if power == "1" => format!("·{arg}"),
        (None, true) => format!("·{arg}{}", translate(power, &SUPERSCRIPT)),
        (None, false) if power == "1" => format!(" {arg}"),
        (None, false) => format!(" {arg}**{power}"),
        (Some(b), true) => format!("·{b}{}({arg})", translate(power, &SUBSCRIPT)),
        (Some(b), false) => format!(" {b}_{power}({arg})"),
    }
}

impl<B: Basis> Series<B> {
    /// NumPy's `_generate_string`: terms joined with `+`/`-`, the scaled symbol
    /// `(off + scl·x)` when the domain is not the window, and a line break before a term
    /// that would reach the print options' `linewidth`.
    fn generate(&self, unicode: bool) -> String {
        let linewidth = get_printoptions().linewidth.max(1);
        let mut out = series_float_str(self.coef[0], false);
        let (off, scale) = self.mapparms();
        let sym = &self.symbol;
        let scaled = if off == 0.0 && scale == 1.0 {
            sym.clone()
        } else if scale == 1.0 {
            format!("({} + {sym})", series_float_str(off, false))
        } else if off == 0.0 {
            format!("({}{sym})", series_float_str(scale, false))
        } else {
            format!("({} + {}{sym})", series_float_str(off, false), series_float_str(scale, false))
        };
        let rest = &self.coef[1..];
        for (i, &c) in rest.iter().enumerate() {
            out.push(' ');
            let power = (i + 1).to_string();
            // NumPy's `coef >= 0` is false for NaN, which prints as `- nan`.
            let mut next = if c >= 0.0 {
                format!("+ {}", series_float_str(c, true))
            } else {
                format!("- {}", series_float_str(-c, true))
            };
            next += &term::<B>(&power, &scaled, unicode);
            let last_line = out.rsplit('\n').next().unwrap_or("");
            let mut len = last_line.chars().count() + next.chars().count();
            if i + 1 < rest.len() {
                len += 2;
            }
            if len >= linewidth {
                next = next.replacen(' ', "\n", 1);
            }
            out += &next;
        }
        out
    }

    /// `format(p, 'ascii')`: terms written `x**2`, `T_2(x)`.
    #[must_use]
    pub fn to_ascii(&self) -> String {
        self.generate(false)
    }

    /// `format(p, 'unicode')`: terms written `x²`, `T₂(x)` (what `str` gives).
    #[must_use]
    pub fn to_unicode(&self) -> String {
        self.generate(true)
    }

    /// `_repr_latex_()`: the LaTeX form Jupyter shows (`$x \mapsto \text{1.0} + …$`),
    /// zero terms greyed out as NumPy does.
    #[must_use]
    pub fn to_latex(&self) -> String {
        let scalar = |x: f64, parens: bool| format!("\\text{{{}}}", series_float_str(x, parens));
        let (off, scale) = self.mapparms();
        let sym = &self.symbol;
        let (term, parens) = if off == 0.0 && scale == 1.0 {
            (sym.clone(), false)
        } else if scale == 1.0 {
            (format!("{} + {sym}", scalar(off, false)), true)
        } else if off == 0.0 {
            (format!("{}{sym}", scalar(scale, false)), true)
        } else {
            (format!("{} + {}{sym}", scalar(off, false), scalar(scale, false)), true)
        };
        let mut body = String::new();
        for (i, &c) in self.coef.iter().enumerate() {
            let coef = if i == 0 {
                scalar(c, false)
            } else if c >= 0.0 {
                format!(" + {}", scalar(c, true))
            } else {
                format!(" - {}", scalar(-c, true))
            };
            let t = match B::BASIS_NAME {
                None => {
                    let arg = if parens { format!("\\left({term}\\right)") } else { term.clone() };
                    match i {
                        0 => "1".to_string(),
                        1 => arg,
                        _ => format!("{arg}^{{{i}}}"),
                    }
                }
                Some(b) => format!("{{{b}}}_{{{i}}}({term})"),
            };
            let part = if t == "1" { coef } else { format!("{coef}\\,{t}") };
            if c == 0.0 {
                body += &format!("\\color{{LightGray}}{{{part}}}");
            } else {
                body += &part;
            }
        }
        format!("${sym} \\mapsto {body}$")
    }

    /// NumPy's `repr`: `Chebyshev([1., 2.], domain=[-1.,  1.], window=[-1.,  1.], symbol='x')`.
    #[must_use]
    pub fn repr(&self) -> String {
        fn inner(v: &[f64]) -> String {
            let s = format!("{:?}", Array::from_vec(v.to_vec()));
            s[6..s.len() - 1].to_string()
        }
        format!(
            "{}({}, domain={}, window={}, symbol='{}')",
            B::NAME,
            inner(&self.coef),
            inner(&self.domain),
            inner(&self.window),
            self.symbol
        )
    }
}

impl<B: Basis> fmt::Display for Series<B> {
    /// `str(p)`: the unicode terms (`1.0 + 2.0·x + 3.0·x²`) unless
    /// [`set_default_printstyle`] chose ASCII.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.generate(UNICODE.load(Ordering::Relaxed)))
    }
}

impl<B: Basis> fmt::Debug for Series<B> {
    /// `repr(p)`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.repr())
    }
}
