//! Python's `difflib`, as far as `assert_string_equal` needs it: `SequenceMatcher` (with
//! a junk predicate and the popularity heuristic) and `Differ.compare`.

use std::collections::HashMap;
use std::hash::Hash;

/// `SequenceMatcher(isjunk, a, b)`: matching blocks and opcodes of two sequences.
pub(super) struct Matcher<'s, T> {
    a: &'s [T],
    b: &'s [T],
    b2j: HashMap<T, Vec<usize>>,
    junk: Vec<T>,
}

/// An edit: tag and the two ranges.
pub(super) type Opcode = (&'static str, usize, usize, usize, usize);

impl<'s, T: Eq + Hash + Clone> Matcher<'s, T> {
    pub(super) fn new(a: &'s [T], b: &'s [T], isjunk: impl Fn(&T) -> bool) -> Self {
        let mut b2j: HashMap<T, Vec<usize>> = HashMap::new();
        for (i, x) in b.iter().enumerate() {
            b2j.entry(x.clone()).or_default().push(i);
        }
        let junk: Vec<T> = b2j.keys().filter(|k| isjunk(k)).cloned().collect();
        for k in &junk {
            b2j.remove(k);
        }
        let n = b.len();
        if n >= 200 {
            let ntest = n / 100 + 1;
            let popular: Vec<T> = b2j.iter().filter(|(_, v)| v.len() > ntest).map(|(k, _)| k.clone()).collect();
            for k in &popular {
                b2j.remove(k);
            }
        }
        Matcher { a, b, b2j, junk }
    }

    fn is_junk(&self, x: &T) -> bool {
        self.junk.contains(x)
    }

    fn longest_match(&self, alo: usize, ahi: usize, blo: usize, bhi: usize) -> (usize, usize, usize) {
        let (a, b) = (self.a, self.b);
        let (mut besti, mut bestj, mut bestsize) = (alo, blo, 0usize);
        let mut j2len: HashMap<usize, usize> = HashMap::new();
        for (i, ai) in a.iter().enumerate().take(ahi).skip(alo) {
            let mut next: HashMap<usize, usize> = HashMap::new();
            if let Some(js) = self.b2j.get(ai) {
                for &j in js {
                    if j < blo {
                        continue;
                    }
                    if j >= bhi {
                        break;
                    }
                    let k = if j == 0 { 1 } else { j2len.get(&(j - 1)).copied().unwrap_or(0) + 1 };
                    next.insert(j, k);
                    if k > bestsize {
                        (besti, bestj, bestsize) = (i + 1 - k, j + 1 - k, k);
                    }
                }
            }
            j2len = next;
        }
        for want_junk in [false, true] {
            while besti > alo && bestj > blo && self.is_junk(&b[bestj - 1]) == want_junk && a[besti - 1] == b[bestj - 1]
            {
                (besti, bestj, bestsize) = (besti - 1, bestj - 1, bestsize + 1);
            }
            while besti + bestsize < ahi
                && bestj + bestsize < bhi
                && self.is_junk(&b[bestj + bestsize]) == want_junk
                && a[besti + bestsize] == b[bestj + bestsize]
            {
                bestsize += 1;
            }
        }
        (besti, bestj, bestsize)
    }

    fn matching_blocks(&self) -> Vec<(usize, usize, usize)> {
        let (la, lb) = (self.a.len(), self.b.len());
        let mut queue = vec![(0, la, 0, lb)];
        let mut blocks = Vec::new();
        while let Some((alo, ahi, blo, bhi)) = queue.pop() {
            let (i, j, k) = self.longest_match(alo, ahi, blo, bhi);
            if k > 0 {
                blocks.push((i, j, k));
                if alo < i && blo < j {
                    queue.push((alo, i, blo, j));
                }
                if i + k < ahi && j + k < bhi {
                    queue.push((i + k, ahi, j + k, bhi));
                }
            }
        }
        blocks.sort_unstable();
        let (mut i1, mut j1, mut k1) = (0, 0, 0);
        let mut out = Vec::new();
        for (i2, j2, k2) in blocks {
            if i1 + k1 == i2 && j1 + k1 == j2 {
                k1 += k2;
            } else {
                if k1 > 0 {
                    out.push((i1, j1, k1));
                }
                (i1, j1, k1) = (i2, j2, k2);
            }
        }
        if k1 > 0 {
            out.push((i1, j1, k1));
        }
        out.push((la, lb, 0));
        out
    }

    pub(super) fn opcodes(&self) -> Vec<Opcode> {
        let (mut i, mut j) = (0, 0);
        let mut out = Vec::new();
        for (ai, bj, size) in self.matching_blocks() {
            let tag = match (i < ai, j < bj) {
                (true, true) => Some("replace"),
                (true, false) => Some("delete"),
                (false, true) => Some("insert"),
                (false, false) => None,
            };
            if let Some(tag) = tag {
                out.push((tag, i, ai, j, bj));
            }
            (i, j) = (ai + size, bj + size);
            if size > 0 {
                out.push(("equal", ai, i, bj, j));
            }
        }
        out
    }

    #[allow(clippy::cast_precision_loss)] // lengths of lines
    pub(super) fn ratio(&self) -> f64 {
        let matches: usize = self.matching_blocks().iter().map(|m| m.2).sum();
        let total = self.a.len() + self.b.len();
        if total == 0 { 1.0 } else { 2.0 * matches as f64 / total as f64 }
    }
}

fn char_junk(c: &char) -> bool {
    *c == ' ' || *c == '\t'
}

fn dump(out: &mut Vec<String>, tag: char, x: &[String], lo: usize, hi: usize) {
    for s in &x[lo..hi] {
        out.push(format!("{tag} {s}"));
    }
}

fn plain_replace(out: &mut Vec<String>, a: &[String], r: (usize, usize), b: &[String], s: (usize, usize)) {
    if s.1 - s.0 < r.1 - r.0 {
        dump(out, '+', b, s.0, s.1);
        dump(out, '-', a, r.0, r.1);
    } else {
        dump(out, '-', a, r.0, r.1);
        dump(out, '+', b, s.0, s.1);
    }
}

fn fancy_helper(out: &mut Vec<String>, a: &[String], r: (usize, usize), b: &[String], s: (usize, usize)) {
    if r.0 < r.1 {
        if s.0 < s.1 {
            fancy_replace(out, a, r, b, s);
        } else {
            dump(out, '-', a, r.0, r.1);
        }
    } else if s.0 < s.1 {
        dump(out, '+', b, s.0, s.1);
    }
}

fn keep_ws(s: &[char], tags: &str) -> String {
    s.iter().zip(tags.chars()).map(|(&c, t)| if t == ' ' && c.is_whitespace() { c } else { t }).collect()
}

fn fancy_replace(out: &mut Vec<String>, a: &[String], r: (usize, usize), b: &[String], s: (usize, usize)) {
    let (mut best_ratio, cutoff) = (0.74, 0.75);
    let (mut best_i, mut best_j) = (0, 0);
    let mut eq: Option<(usize, usize)> = None;
    for (j, bline) in b.iter().enumerate().take(s.1).skip(s.0) {
        let bj: Vec<char> = bline.chars().collect();
        for (i, aline) in a.iter().enumerate().take(r.1).skip(r.0) {
            if aline == bline {
                if eq.is_none() {
                    eq = Some((i, j));
                }
                continue;
            }
            let ai: Vec<char> = aline.chars().collect();
            let ratio = Matcher::new(&ai, &bj, char_junk).ratio();
            if ratio > best_ratio {
                (best_ratio, best_i, best_j) = (ratio, i, j);
            }
        }
    }
    if best_ratio < cutoff {
        let Some((i, j)) = eq else {
            plain_replace(out, a, r, b, s);
            return;
        };
        (best_i, best_j) = (i, j);
    } else {
        eq = None;
    }
    fancy_helper(out, a, (r.0, best_i), b, (s.0, best_j));
    if eq.is_none() {
        let (ae, be): (Vec<char>, Vec<char>) = (a[best_i].chars().collect(), b[best_j].chars().collect());
        let (mut atags, mut btags) = (String::new(), String::new());
        for (tag, a1, a2, b1, b2) in Matcher::new(&ae, &be, char_junk).opcodes() {
            let (la, lb) = (a2 - a1, b2 - b1);
            match tag {
                "replace" => {
                    atags.push_str(&"^".repeat(la));
                    btags.push_str(&"^".repeat(lb));
                }
                "delete" => atags.push_str(&"-".repeat(la)),
                "insert" => btags.push_str(&"+".repeat(lb)),
                _ => {
                    atags.push_str(&" ".repeat(la));
                    btags.push_str(&" ".repeat(lb));
                }
            }
        }
        let atags = keep_ws(&ae, &atags).trim_end().to_string();
        let btags = keep_ws(&be, &btags).trim_end().to_string();
        out.push(format!("- {}", a[best_i]));
        if !atags.is_empty() {
            out.push(format!("? {atags}\n"));
        }
        out.push(format!("+ {}", b[best_j]));
        if !btags.is_empty() {
            out.push(format!("? {btags}\n"));
        }
    } else {
        out.push(format!("  {}", a[best_i]));
    }
    fancy_helper(out, a, (best_i + 1, r.1), b, (best_j + 1, s.1));
}

/// `Differ().compare(a, b)`: the lines of `ndiff`.
pub(super) fn compare(a: &[String], b: &[String]) -> Vec<String> {
    let mut out = Vec::new();
    for (tag, alo, ahi, blo, bhi) in Matcher::new(a, b, |_| false).opcodes() {
        match tag {
            "replace" => fancy_replace(&mut out, a, (alo, ahi), b, (blo, bhi)),
            "delete" => dump(&mut out, '-', a, alo, ahi),
            "insert" => dump(&mut out, '+', b, blo, bhi),
            _ => dump(&mut out, ' ', a, alo, ahi),
        }
    }
    out
}
