//! Subscript parsing and label sizes, with NumPy's (C implementation's) checks and words.
//!
//! A label is a letter's ASCII code (`A` = 65 … `z` = 122) or, for a broadcast (`...`)
//! dimension, its position among the broadcast dimensions (0 = leftmost, always below 65),
//! so that sorting labels puts broadcast dimensions first, then letters in ASCII order —
//! NumPy's implicit output order.

use crate::error::{Error, Result};

/// Labels are below this bound (letters are ASCII).
pub(crate) const NLABELS: usize = 128;

/// A parsed subscripts string: each operand's label per axis (repeats allowed), the
/// output's labels, and the number of broadcast dimensions.
#[derive(Debug, Clone)]
pub(crate) struct Parsed {
    /// Each operand's label per axis.
    pub ops: Vec<Vec<u32>>,
    /// The output's labels.
    pub out: Vec<u32>,
    /// The size of each label (after broadcasting); unused labels hold 0.
    pub sizes: Vec<usize>,
}

/// One operand's subscripts before the broadcast dimensions are known: letters, with the
/// position of `...` among them.
struct Term {
    letters: Vec<u32>,
    ellipsis: Option<usize>,
}

fn is_letter(c: char) -> bool {
    c.is_ascii_alphabetic()
}

/// Parses one operand's subscripts (NumPy's `parse_operand_subscripts`).
fn parse_term(s: &[char], ndim: usize, iop: usize) -> Result<Term> {
    let mut letters = Vec::new();
    let mut ellipsis = None;
    let mut i = 0;
    while i < s.len() {
        let c = s[i];
        if is_letter(c) {
            if letters.len() >= ndim {
                return Err(Error::EinsumTooManySubscripts { operand: iop });
            }
            letters.push(c as u32);
        } else if c == '.' {
            if ellipsis.is_some() || i + 2 >= s.len() || s[i + 1] != '.' || s[i + 2] != '.' {
                return Err(Error::EinsumBadEllipsis { operand: Some(iop) });
            }
            i += 2;
            ellipsis = Some(letters.len());
        } else if c != ' ' {
            return Err(Error::EinsumInvalidSubscript { ch: c });
        }
        i += 1;
    }
    if ellipsis.is_none() && letters.len() != ndim {
        return Err(Error::EinsumMissingSubscripts);
    }
    Ok(Term { letters, ellipsis })
}

/// Parses `subscripts` for operands of the given shapes, and checks and broadcasts the
/// label sizes, in NumPy's order of checks.
pub(crate) fn parse(subscripts: &str, shapes: &[&[usize]]) -> Result<Parsed> {
    let nop = shapes.len();
    if nop == 0 {
        return Err(Error::EinsumNoOperands);
    }
    let chars: Vec<char> = subscripts.chars().collect();
    let mut pos = 0;
    let mut terms = Vec::with_capacity(nop);
    for (iop, shape) in shapes.iter().enumerate() {
        let start = pos;
        while pos < chars.len() && chars[pos] != ',' && chars[pos] != '-' {
            pos += 1;
        }
        // NumPy checks the operand count before the operand's subscripts.
        let comma = pos < chars.len() && chars[pos] == ',';
        if iop + 1 == nop && comma {
            return Err(Error::EinsumMoreOperands);
        }
        if iop + 1 < nop && !comma {
            return Err(Error::EinsumFewerOperands);
        }
        terms.push(parse_term(&chars[start..pos], shape.len(), iop)?);
        if comma && iop + 1 < nop {
            pos += 1;
        }
    }
    // Broadcast dimensions: the most any operand's `...` covers.
    let nb = terms.iter().zip(shapes).map(|(t, s)| s.len() - t.letters.len()).max().unwrap_or(0);
    let mut counts = [0usize; NLABELS];
    let ops: Vec<Vec<u32>> = terms
        .iter()
        .zip(shapes)
        .map(|(t, s)| {
            let k = s.len() - t.letters.len();
            let mut labels = t.letters.clone();
            if let Some(e) = t.ellipsis {
                let fill = (nb - k..nb).map(|j| j as u32);
                labels.splice(e..e, fill);
            }
            for &l in &t.letters {
                counts[l as usize] += 1;
            }
            labels
        })
        .collect();
    let out = if pos < chars.len() {
        // chars[pos] is '-'.
        if pos + 1 >= chars.len() || chars[pos + 1] != '>' {
            return Err(Error::EinsumBadArrow);
        }
        parse_output(&chars[pos + 2..], &counts, nb)?
    } else {
        let mut out: Vec<u32> = (0..nb as u32).collect();
        out.extend((0..NLABELS as u32).filter(|&l| counts[l as usize] == 1));
        out
    };
    let sizes = label_sizes(&ops, &out, shapes)?;
    Ok(Parsed { ops, out, sizes })
}

/// Parses the explicit output (NumPy's `parse_output_subscripts`).
fn parse_output(s: &[char], counts: &[usize; NLABELS], nb: usize) -> Result<Vec<u32>> {
    let mut out = Vec::new();
    let mut ellipsis = None;
    let mut i = 0;
    while i < s.len() {
        let c = s[i];
        if is_letter(c) {
            if s[i + 1..].contains(&c) {
                return Err(Error::EinsumOutputRepeated { ch: c });
            }
            if counts[c as usize] == 0 {
                return Err(Error::EinsumOutputNotInInput { ch: c });
            }
            out.push(c as u32);
        } else if c == '.' {
            if ellipsis.is_some() || i + 2 >= s.len() || s[i + 1] != '.' || s[i + 2] != '.' {
                return Err(Error::EinsumBadEllipsis { operand: None });
            }
            i += 2;
            ellipsis = Some(out.len());
        } else if c != ' ' {
            return Err(Error::EinsumInvalidSubscript { ch: c });
        }
        i += 1;
    }
    match ellipsis {
        None if nb > 0 => Err(Error::EinsumOutputMissingEllipsis),
        None => Ok(out),
        Some(e) => {
            out.splice(e..e, 0..nb as u32);
            Ok(out)
        }
    }
}

/// Each operand's labels without repeats (first occurrences, in order) and their lengths.
pub(crate) fn combined(labels: &[u32], shape: &[usize]) -> (Vec<u32>, Vec<usize>) {
    let mut l = Vec::new();
    let mut d = Vec::new();
    for (&x, &n) in labels.iter().zip(shape) {
        if !l.contains(&x) {
            l.push(x);
            d.push(n);
        }
    }
    (l, d)
}

/// The broadcast length of every label, checking repeated labels within an operand first
/// and then the operands against each other, as NumPy does.
fn label_sizes(ops: &[Vec<u32>], out: &[u32], shapes: &[&[usize]]) -> Result<Vec<usize>> {
    for (iop, (labels, shape)) in ops.iter().zip(shapes).enumerate() {
        for (i, (&l, &n)) in labels.iter().zip(shape.iter()).enumerate() {
            if let Some(j) = labels[..i].iter().position(|&x| x == l)
                && shape[j] != n
            {
                return Err(Error::EinsumCollapse {
                    operand: iop,
                    ch: char::from_u32(l).unwrap_or('?'),
                    first: shape[j],
                    second: n,
                });
            }
        }
    }
    let mut sizes = vec![0usize; NLABELS];
    let mut seen = [false; NLABELS];
    let mut ok = true;
    for (labels, shape) in ops.iter().zip(shapes) {
        for (&l, &n) in labels.iter().zip(shape.iter()) {
            let (li, s) = (l as usize, &mut sizes[l as usize]);
            if !seen[li] || *s == 1 {
                *s = n;
            } else if n != 1 && n != *s {
                ok = false;
            }
            seen[li] = true;
        }
    }
    if ok {
        return Ok(sizes);
    }
    // NumPy's iteration axes: the output's, then the summed labels in ascending order.
    let mut iter_axes = out.to_vec();
    iter_axes.extend((0..NLABELS as u32).filter(|&l| seen[l as usize] && !out.contains(&l)));
    let mut shapes_c = Vec::new();
    let mut remapped = Vec::new();
    for (labels, shape) in ops.iter().zip(shapes) {
        let (l, d) = combined(labels, shape);
        remapped.push(iter_axes.iter().map(|x| l.iter().position(|y| y == x).map(|p| d[p])).collect());
        shapes_c.push(d);
    }
    Err(Error::EinsumBroadcast { shapes: shapes_c, remapped })
}
