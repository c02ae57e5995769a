//! The layout engine: nested brackets, line wrapping and summarisation, independent of
//! what the elements are (NumPy's `_formatArray`).
//!
//! Any element kind prints through it in three steps:
//! 1. Make a [`Layout`] (line width, separator, prefix width, summarisation), usually with
//!    [`Layout::for_array`] from the print options, as `array2string` would.
//! 2. Ask it which elements will be shown ([`Layout::kept_indices`] or
//!    [`Layout::for_each_kept`]), and build one string per shown element, already padded to
//!    a common width (the width may depend on all shown values, which is why the engine
//!    names them first).
//! 3. [`Layout::render`] the shape with a closure that returns the `k`-th shown element's
//!    string (shown elements are numbered in C order).
//!
//! For a `repr`, render with separator `", "` and prefix `"array("` (suffix `")"`), then
//! wrap the body with [`repr_from_parts`](super::repr_from_parts), which adds the `shape=`
//! and `dtype=` extras where NumPy does.
//!
//! ```
//! use nprs_core::print::Layout;
//!
//! // A 2 x 3 array of words, as `str()` would print it.
//! let words = ["a", "bb", "c", "dd", "e", "ff"].map(|w| format!("{w:>2}"));
//! let layout = Layout::new(75, " ", 0);
//! assert_eq!(layout.render(&[2, 3], |k| words[k].clone()), "[[ a bb  c]\n [dd  e ff]]");
//! ```
//!
//! Elements may span several lines (a nested record, say): such a word is placed as a block,
//! wrapping first if its widest line would not fit.

use super::options::PrintOptions;

/// How an array's elements are laid out between brackets.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Layout {
    /// Characters per line, after any suffix that will follow the closing bracket.
    pub linewidth: usize,
    /// Text between elements of a row (`" "` for `str`, `", "` for `repr`).
    pub separator: String,
    /// Width of the text before the first bracket on the first line (`"array("` is 6);
    /// continuation lines are indented by this much plus one per open bracket.
    pub prefix_width: usize,
    /// Print only `edgeitems` items at each end of every long axis, with `...` between.
    pub summarize: bool,
    /// Items kept at each end of an axis when summarising.
    pub edgeitems: usize,
}

impl Layout {
    /// A layout that shows every element.
    #[must_use]
    pub fn new(linewidth: usize, separator: &str, prefix_width: usize) -> Layout {
        Layout { linewidth, separator: separator.to_string(), prefix_width, summarize: false, edgeitems: 3 }
    }

    /// The layout NumPy's `array2string` uses for an array of `size` elements: the line
    /// width less the suffix's width, continuation lines indented past `prefix`, summarised
    /// when `size` exceeds the `threshold` option.
    #[must_use]
    pub fn for_array(size: usize, options: &PrintOptions, separator: &str, prefix: &str, suffix: &str) -> Layout {
        let linewidth = options.linewidth.saturating_sub(suffix.chars().count());
        let layout = Layout::new(linewidth, separator, prefix.chars().count());
        if size > options.threshold { layout.summarized(options.edgeitems) } else { layout }
    }

    /// The same layout, summarising with `edgeitems` items kept at each end of long axes.
    #[must_use]
    pub fn summarized(mut self, edgeitems: usize) -> Layout {
        self.summarize = true;
        self.edgeitems = edgeitems;
        self
    }

    fn cut(&self, n: usize) -> bool {
        self.summarize && self.edgeitems.checked_mul(2).is_some_and(|both| both < n)
    }

    /// For each axis, the indices along it that are shown, in order.
    ///
    /// A long axis keeps its first and last `edgeitems` indices (with `edgeitems == 0`, the
    /// trailing part is the whole axis, as NumPy's `a[-0:]` is).
    #[must_use]
    pub fn kept_indices(&self, shape: &[usize]) -> Vec<Vec<usize>> {
        shape
            .iter()
            .map(|&n| {
                if self.cut(n) {
                    let e = self.edgeitems;
                    let tail = if e == 0 { 0 } else { n - e };
                    (0..e).chain(tail..n).collect()
                } else {
                    (0..n).collect()
                }
            })
            .collect()
    }

    /// Calls `f` with the full index of every shown element, in C order.
    pub fn for_each_kept(&self, shape: &[usize], mut f: impl FnMut(&[usize])) {
        let kept = self.kept_indices(shape);
        if kept.iter().any(Vec::is_empty) {
            return;
        }
        let mut pos = vec![0usize; shape.len()];
        let mut idx: Vec<usize> = kept.iter().map(|k| k[0]).collect();
        loop {
            f(&idx);
            let mut ax = shape.len();
            loop {
                if ax == 0 {
                    return;
                }
                ax -= 1;
                pos[ax] += 1;
                if pos[ax] < kept[ax].len() {
                    idx[ax] = kept[ax][pos[ax]];
                    break;
                }
                pos[ax] = 0;
                idx[ax] = kept[ax][0];
            }
        }
    }

    /// Lays out an array of `shape` whose `k`-th shown element (C order among the shown
    /// elements) prints as `word(k)`. A 0-d shape gives `word(0)` alone; an empty array
    /// gives `[]`.
    pub fn render(&self, shape: &[usize], mut word: impl FnMut(usize) -> String) -> String {
        if shape.contains(&0) {
            return "[]".into();
        }
        let kept: Vec<usize> = self.kept_indices(shape).iter().map(Vec::len).collect();
        let hanging = " ".repeat(self.prefix_width + 1);
        let mut ctx = Ctx { shape, kept: &kept, word: &mut word };
        self.recurse(&mut ctx, 0, 0, &hanging, self.linewidth as i64)
    }

    fn recurse(&self, ctx: &mut Ctx<'_>, axis: usize, ord: usize, hanging: &str, width: i64) -> String {
        let ndim = ctx.shape.len();
        if axis == ndim {
            return (ctx.word)(ord);
        }
        let next_hanging = format!("{hanging} ");
        let next_width = width - 1;
        let n = ctx.shape[axis];
        let k = ctx.kept[axis];
        let summary = self.cut(n);
        let leading = if summary { self.edgeitems } else { 0 };
        // Kept coordinates of the items after the `...` (all items when not summarising),
        // the last one excluded: it is placed without a separator after it.
        let trailing = if summary { k - self.edgeitems..k - 1 } else { 0..k - 1 };
        let sep = self.separator.as_str();
        let sep_trimmed = sep.trim_end();
        let mut s = String::new();
        if ndim - axis == 1 {
            let elem_width = width - (text_width(sep_trimmed).max(1) as i64);
            let mut line = hanging.to_string();
            for i in 0..leading {
                let w = self.recurse(ctx, axis + 1, ord * k + i, &next_hanging, next_width);
                extend_pretty(&mut s, &mut line, &w, elem_width, hanging);
                line.push_str(sep);
            }
            if summary {
                extend(&mut s, &mut line, "...", elem_width, hanging);
                line.push_str(sep);
            }
            for i in trailing {
                let w = self.recurse(ctx, axis + 1, ord * k + i, &next_hanging, next_width);
                extend_pretty(&mut s, &mut line, &w, elem_width, hanging);
                line.push_str(sep);
            }
            let w = self.recurse(ctx, axis + 1, ord * k + k - 1, &next_hanging, next_width);
            extend_pretty(&mut s, &mut line, &w, elem_width, hanging);
            s.push_str(&line);
        } else {
            let line_sep = format!("{sep_trimmed}{}", "\n".repeat(ndim - axis - 1));
            for i in 0..leading {
                let nested = self.recurse(ctx, axis + 1, ord * k + i, &next_hanging, next_width);
                s.push_str(hanging);
                s.push_str(&nested);
                s.push_str(&line_sep);
            }
            if summary {
                s.push_str(hanging);
                s.push_str("...");
                s.push_str(&line_sep);
            }
            for i in trailing {
                let nested = self.recurse(ctx, axis + 1, ord * k + i, &next_hanging, next_width);
                s.push_str(hanging);
                s.push_str(&nested);
                s.push_str(&line_sep);
            }
            let nested = self.recurse(ctx, axis + 1, ord * k + k - 1, &next_hanging, next_width);
            s.push_str(hanging);
            s.push_str(&nested);
        }
        // Drop the first line's indent (by characters, as Python slices; a body shorter than
        // the indent, possible only with blank words, leaves nothing).
        let n = hanging.chars().count();
        let body = s.char_indices().nth(n).map_or("", |(i, _)| &s[i..]);
        format!("[{body}]")
    }
}

struct Ctx<'a> {
    shape: &'a [usize],
    kept: &'a [usize],
    word: &'a mut dyn FnMut(usize) -> String,
}

/// Printed width of a string: its number of characters, as Python's `len`.
fn text_width(s: &str) -> usize {
    s.chars().count()
}

/// Appends `word` to `line`, first moving to a new line when it would pass `width` (unless
/// the line holds nothing beyond its indent).
fn extend(s: &mut String, line: &mut String, word: &str, width: i64, next_prefix: &str) {
    let line_w = text_width(line);
    if (line_w + text_width(word)) as i64 > width && line_w > text_width(next_prefix) {
        s.push_str(line.trim_end());
        s.push('\n');
        *line = next_prefix.to_string();
    }
    line.push_str(word);
}

/// As [`extend`], for words that may span several lines: the block is kept aligned and the
/// last line padded to the block's width.
fn extend_pretty(s: &mut String, line: &mut String, word: &str, width: i64, next_prefix: &str) {
    let words: Vec<&str> = word.lines().collect();
    if words.len() <= 1 {
        extend(s, line, word, width, next_prefix);
        return;
    }
    let max_w = words.iter().map(|w| text_width(w)).max().unwrap_or(0);
    let line_w = text_width(line);
    let indent = if (line_w + max_w) as i64 > width && line_w > text_width(next_prefix) {
        s.push_str(line.trim_end());
        s.push('\n');
        *line = format!("{next_prefix}{}", words[0]);
        next_prefix.to_string()
    } else {
        let indent = " ".repeat(line_w);
        line.push_str(words[0]);
        indent
    };
    for w in &words[1..] {
        s.push_str(line.trim_end());
        s.push('\n');
        *line = format!("{indent}{w}");
    }
    let last_w = words.last().map_or(0, |w| text_width(w));
    line.push_str(&" ".repeat(max_w - last_w));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn multi_line_words_stay_aligned() {
        let layout = Layout::new(20, " ", 0);
        let out = layout.render(&[2], |k| if k == 0 { "ab\ncd".into() } else { "x".into() });
        assert_eq!(out, "[ab\n cd x]");
    }

    #[test]
    fn blank_words_do_not_break_the_layout() {
        let layout = Layout::new(3, " ", 0);
        let out = layout.render(&[4], |_| String::new());
        assert!(out.starts_with('[') && out.ends_with(']'));
    }

    #[test]
    fn kept_indices_summarise() {
        let layout = Layout::new(75, " ", 0).summarized(2);
        assert_eq!(layout.kept_indices(&[10, 3]), vec![vec![0, 1, 8, 9], vec![0, 1, 2]]);
        let mut seen = Vec::new();
        layout.for_each_kept(&[5, 2], |i| seen.push(i.to_vec()));
        assert_eq!(seen.len(), 8);
        assert_eq!(seen[2], vec![1, 0]);
        assert_eq!(seen[4], vec![3, 0]);
    }
}
