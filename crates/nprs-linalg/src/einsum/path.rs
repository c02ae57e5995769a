//! Contraction orders: NumPy's `einsum_path` algorithms ('greedy', 'optimal'), its cost
//! model and its printed report, reproduced step for step so that the chosen paths are
//! NumPy's (ties included).

/// A set of labels (bit `l` for label `l`).
pub(crate) type Set = u128;

pub(crate) fn set_of(labels: &[u32]) -> Set {
    labels.iter().fold(0, |s, &l| s | (1u128 << l))
}

fn labels_of(s: Set) -> impl Iterator<Item = usize> {
    (0..128).filter(move |&l| s & (1u128 << l) != 0)
}

/// The product of the sizes of the labels in `s` (`_compute_size_by_dict` of a set).
pub(crate) fn set_size(s: Set, sizes: &[usize]) -> u128 {
    labels_of(s).map(|l| sizes[l] as u128).product()
}

/// The product of the sizes of a term's labels, repeats counted (of a subscript string).
pub(crate) fn term_size(labels: &[u32], sizes: &[usize]) -> u128 {
    labels.iter().map(|&l| sizes[l as usize] as u128).product()
}

/// NumPy's `_flop_count`.
pub(crate) fn flop_count(contract: Set, inner: bool, terms: usize, sizes: &[usize]) -> u128 {
    let factor = terms.saturating_sub(1).max(1) + usize::from(inner);
    set_size(contract, sizes) * factor as u128
}

/// The outcome of contracting `positions` (NumPy's `_find_contraction`).
pub(crate) struct Contraction {
    /// The labels the result keeps.
    pub result: Set,
    /// The remaining terms, the result last.
    pub remaining: Vec<Set>,
    /// Labels summed away.
    pub removed: Set,
    /// All labels involved.
    pub contract: Set,
}

pub(crate) fn find_contraction(positions: &[usize], sets: &[Set], out: Set) -> Contraction {
    let mut contract = 0;
    let mut keep = out;
    let mut remaining = Vec::with_capacity(sets.len());
    for (i, &s) in sets.iter().enumerate() {
        if positions.contains(&i) {
            contract |= s;
        } else {
            remaining.push(s);
            keep |= s;
        }
    }
    let result = keep & contract;
    remaining.push(result);
    Contraction { result, remaining, removed: contract & !result, contract }
}

/// A partial path of the exhaustive search: its cost, its pairs, the terms left.
type Partial = (u128, Vec<(usize, usize)>, Vec<Set>);

/// NumPy's `_optimal_path`: every order of pairwise contractions within the memory limit,
/// the cheapest (the first found among equals).
pub(crate) fn optimal_path(sets: &[Set], out: Set, sizes: &[usize], limit: u128) -> Vec<Vec<usize>> {
    let n = sets.len();
    let mut full: Vec<Partial> = vec![(0, Vec::new(), sets.to_vec())];
    for iteration in 0..n.saturating_sub(1) {
        let mut next = Vec::new();
        for (cost, positions, remaining) in &full {
            let m = n - iteration;
            for x in 0..m {
                for y in x + 1..m {
                    let c = find_contraction(&[x, y], remaining, out);
                    if set_size(c.result, sizes) > limit {
                        continue;
                    }
                    let total = cost + flop_count(c.contract, c.removed != 0, 2, sizes);
                    let mut p = positions.clone();
                    p.push((x, y));
                    next.push((total, p, c.remaining));
                }
            }
        }
        if next.is_empty() {
            let best = first_min(&full, |r| r.0);
            let mut path: Vec<Vec<usize>> = full[best].1.iter().map(|&(x, y)| vec![x, y]).collect();
            path.push((0..n - iteration).collect());
            return path;
        }
        full = next;
    }
    if full.is_empty() {
        return vec![(0..n).collect()];
    }
    let best = first_min(&full, |r| r.0);
    full[best].1.iter().map(|&(x, y)| vec![x, y]).collect()
}

/// Index of the first element with the smallest key (Python's `min`).
fn first_min<T, K: PartialOrd>(v: &[T], key: impl Fn(&T) -> K) -> usize {
    let mut best = 0;
    for i in 1..v.len() {
        if key(&v[i]) < key(&v[best]) {
            best = i;
        }
    }
    best
}

/// A candidate pairwise contraction of the greedy search.
#[derive(Clone)]
struct Candidate {
    /// `(-removed size, flops)`, compared lexicographically.
    sort: (i128, u128),
    pos: (usize, usize),
    sets: Vec<Set>,
}

/// NumPy's `_parse_possible_contraction`.
fn possible(
    pos: (usize, usize),
    sets: &[Set],
    out: Set,
    sizes: &[usize],
    limit: u128,
    path_cost: u128,
    naive_cost: u128,
) -> Option<Candidate> {
    let c = find_contraction(&[pos.0, pos.1], sets, out);
    let new_size = set_size(c.result, sizes);
    if new_size > limit {
        return None;
    }
    let old = set_size(sets[pos.0], sizes) + set_size(sets[pos.1], sizes);
    let removed = old as i128 - new_size as i128;
    let cost = flop_count(c.contract, c.removed != 0, 2, sizes);
    if path_cost + cost > naive_cost {
        return None;
    }
    Some(Candidate { sort: (-removed, cost), pos, sets: c.remaining })
}

/// NumPy's `_update_other_results`: the candidates that do not touch `best`, renumbered
/// for the list after it.
fn update_others(results: Vec<Candidate>, best: &Candidate) -> Vec<Candidate> {
    let (bx, by) = best.pos;
    let new = *best.sets.last().expect("a contraction leaves its result");
    let mut out = Vec::new();
    for mut r in results {
        let (x, y) = r.pos;
        if x == bx || x == by || y == bx || y == by {
            continue;
        }
        let shift = |i: usize, a: usize, b: usize| i - usize::from(i > a) - usize::from(i > b);
        r.sets.remove(shift(by, x, y));
        r.sets.remove(shift(bx, x, y));
        let at = r.sets.len() - 1;
        r.sets.insert(at, new);
        r.pos = (shift(x, bx, by), shift(y, bx, by));
        out.push(r);
    }
    out
}

/// NumPy's `_greedy_path`: at each step the pair that removes the most elements (then the
/// cheapest), inner products before outer products.
pub(crate) fn greedy_path(sets: &[Set], out: Set, sizes: &[usize], limit: u128) -> Vec<Vec<usize>> {
    match sets.len() {
        1 => return vec![vec![0]],
        2 => return vec![vec![0, 1]],
        _ => {}
    }
    let all: Vec<usize> = (0..sets.len()).collect();
    let c = find_contraction(&all, sets, out);
    let naive_cost = flop_count(c.contract, c.removed != 0, sets.len(), sizes);
    let mut sets = sets.to_vec();
    let pairs = |n: usize| -> Vec<(usize, usize)> { (0..n).flat_map(|x| (x + 1..n).map(move |y| (x, y))).collect() };
    let mut comb = pairs(sets.len());
    let mut known: Vec<Candidate> = Vec::new();
    let mut path_cost = 0;
    let mut path = Vec::new();
    for _ in 0..sets.len() - 1 {
        for &p in &comb {
            if sets[p.0] & sets[p.1] == 0 {
                continue;
            }
            if let Some(r) = possible(p, &sets, out, sizes, limit, path_cost, naive_cost) {
                known.push(r);
            }
        }
        if known.is_empty() {
            for p in pairs(sets.len()) {
                if let Some(r) = possible(p, &sets, out, sizes, limit, path_cost, naive_cost) {
                    known.push(r);
                }
            }
            if known.is_empty() {
                path.push((0..sets.len()).collect());
                break;
            }
        }
        let best = known[first_min(&known, |r| r.sort)].clone();
        known = update_others(known, &best);
        sets.clone_from(&best.sets);
        let new = sets.len() - 1;
        comb = (0..new).map(|i| (i, new)).collect();
        path.push(vec![best.pos.0, best.pos.1]);
        path_cost += best.sort.1;
    }
    path
}

/// Python's `'%.3e' % x`.
pub(crate) fn sci(x: f64) -> String {
    let s = format!("{x:.3e}");
    let (m, e) = s.split_once('e').unwrap_or((&s, "0"));
    let e: i32 = e.parse().unwrap_or(0);
    let sign = if e < 0 { '-' } else { '+' };
    format!("{m}e{sign}{:02}", e.abs())
}
