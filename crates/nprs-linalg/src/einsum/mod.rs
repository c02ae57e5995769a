//! `einsum` and `einsum_path`: Einstein summation over any number of operands.
//!
//! The subscripts are parsed with NumPy's rules and error messages (its C parser's): explicit
//! (`"ij,jk->ik"`) and implicit (`"ij,jk"`: the letters that appear once, in alphabetical
//! order) output, `...` for broadcast dimensions, repeated letters within an operand for
//! traces and diagonals, and sums over letters the output lacks.
//!
//! Without optimisation every contraction of three or more operands is one loop over all
//! labels, as NumPy's; a contraction of two operands goes through a (batched) matrix
//! product whenever it sums over an axis, so `"bij,bjk->bik"` runs on faer's kernels.
//! With [`Optimize::Greedy`] or [`Optimize::Optimal`] the operands are contracted pairwise
//! in the order NumPy's `einsum_path` chooses, each pair through matmul.

mod contract;
mod parse;
mod path;

use nprs_core::{Array, ArrayView};

use crate::error::{Error, Result};
use crate::products::MatmulElem;
use parse::{NLABELS, Parsed};
use path::{Set, flop_count, set_of, set_size, term_size};

/// How `einsum` orders its contractions (NumPy's `optimize=` argument).
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub enum Optimize {
    /// No reordering (`optimize=False`, `einsum`'s default): all operands in one
    /// contraction.
    #[default]
    No,
    /// NumPy's greedy search (`optimize=True` or `'greedy'`, `einsum_path`'s default),
    /// intermediates limited to the largest operand or output.
    Greedy,
    /// NumPy's exhaustive search (`'optimal'`), with the same limit.
    Optimal,
    /// `('greedy', limit)`: at most `limit` elements in an intermediate.
    GreedyLimit(u64),
    /// `('optimal', limit)`.
    OptimalLimit(u64),
    /// An explicit path, as `einsum_path` returns it without its leading `'einsum_path'`:
    /// each step lists the positions of the operands it contracts; the result goes to the
    /// end of the list.
    Path(Vec<Vec<usize>>),
}

/// `einsum_path`'s result: the contraction order and NumPy's printed report.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EinsumPath {
    /// The contraction order (NumPy's list without its leading `'einsum_path'`).
    pub path: Vec<Vec<usize>>,
    /// The report NumPy prints: costs, scaling, and each step's subscripts. Broadcast
    /// (`...`) dimensions are shown with unused letters, which NumPy picks at random.
    pub report: String,
}

/// One contraction of a path: which operands (positions, descending, in the order they are
/// taken out of the list), their labels, and the labels of the result.
struct Step {
    positions: Vec<usize>,
    inputs: Vec<Vec<u32>>,
    result: Vec<u32>,
    contract: Set,
    removed: Set,
    /// The terms after the step (the result last).
    remaining: Vec<Vec<u32>>,
}

/// The path for `parsed` under `optimize` (NumPy's choice).
fn choose_path(p: &Parsed, optimize: Optimize) -> Vec<Vec<usize>> {
    let n = p.ops.len();
    let all: Vec<usize> = (0..n).collect();
    let sets: Vec<Set> = p.ops.iter().map(|t| set_of(t)).collect();
    let out = set_of(&p.out);
    let indices = sets.iter().fold(0, |a, &s| a | s);
    let largest = || p.ops.iter().chain(std::iter::once(&p.out)).map(|t| term_size(t, &p.sizes)).max().unwrap_or(1);
    let (greedy, limit) = match optimize {
        Optimize::Path(path) => return path,
        Optimize::No => return vec![all],
        Optimize::Greedy => (true, largest()),
        Optimize::Optimal => (false, largest()),
        Optimize::GreedyLimit(l) => (true, u128::from(l)),
        Optimize::OptimalLimit(l) => (false, u128::from(l)),
    };
    if n <= 2 || indices == out {
        return vec![all];
    }
    if greedy {
        path::greedy_path(&sets, out, &p.sizes, limit)
    } else {
        path::optimal_path(&sets, out, &p.sizes, limit)
    }
}

/// Follows `path` over the terms of `p`, as NumPy's `einsum_path` builds its contraction
/// list.
fn steps(p: &Parsed, path: &[Vec<usize>]) -> Result<Vec<Step>> {
    let out = set_of(&p.out);
    let letters = Letters::new(p);
    let mut terms: Vec<Vec<u32>> = p.ops.clone();
    let mut list = Vec::with_capacity(path.len());
    for (k, step) in path.iter().enumerate() {
        let mut positions = step.clone();
        positions.sort_unstable_by(|a, b| b.cmp(a));
        let mut inputs = Vec::with_capacity(positions.len());
        for &x in &positions {
            if x >= terms.len() {
                return Err(Error::EinsumPathIndex);
            }
            inputs.push(terms.remove(x));
        }
        let contract = inputs.iter().fold(0, |a, t| a | set_of(t));
        let keep = terms.iter().fold(out, |a, t| a | set_of(t));
        let result_set = keep & contract;
        let result = if k + 1 == path.len() {
            p.out.clone()
        } else {
            let mut r: Vec<u32> = (0..NLABELS as u32).filter(|&l| result_set & (1u128 << l) != 0).collect();
            r.sort_by_key(|&l| (p.sizes[l as usize], letters.letter(l)));
            r
        };
        terms.push(result.clone());
        list.push(Step {
            positions,
            inputs,
            result,
            contract,
            removed: contract & !result_set,
            remaining: terms.clone(),
        });
    }
    if terms.len() != 1 {
        return Err(Error::EinsumPathIncomplete { remaining: terms.len() - 1 });
    }
    Ok(list)
}

/// The letters labels are printed with: their own for letters, unused letters for the
/// broadcast dimensions.
struct Letters {
    broadcast: Vec<char>,
}

impl Letters {
    fn new(p: &Parsed) -> Self {
        let used = p.ops.iter().fold(0u128, |a, t| a | set_of(t));
        let nb = p.ops.iter().flatten().filter(|&&l| l < 65).max().map_or(0, |&l| l as usize + 1);
        let unused: Vec<char> = ('A'..='Z').chain('a'..='z').filter(|&c| used & (1u128 << (c as u32)) == 0).collect();
        let broadcast = unused[unused.len().saturating_sub(nb)..].to_vec();
        Letters { broadcast }
    }

    fn letter(&self, l: u32) -> char {
        if l >= 65 { char::from_u32(l).unwrap_or('?') } else { self.broadcast.get(l as usize).copied().unwrap_or('?') }
    }

    fn term(&self, t: &[u32]) -> String {
        t.iter().map(|&l| self.letter(l)).collect()
    }
}

/// NumPy's `einsum_path` report.
fn report(p: &Parsed, steps: &[Step]) -> String {
    let letters = Letters::new(p);
    let inputs: Vec<String> = p.ops.iter().map(|t| letters.term(t)).collect();
    let output = letters.term(&p.out);
    let sets: Vec<Set> = p.ops.iter().map(|t| set_of(t)).collect();
    let indices = sets.iter().fold(0, |a, &s| a | s);
    let num_indices = indices.count_ones() as usize;
    let inner = sets.iter().map(|s| s.count_ones() as usize).sum::<usize>() > num_indices;
    let naive = flop_count(indices, inner, p.ops.len(), &p.sizes);
    let costs: Vec<u128> =
        steps.iter().map(|s| flop_count(s.contract, s.removed != 0, s.positions.len(), &p.sizes)).collect();
    let opt = costs.iter().sum::<u128>() + 1;
    let scale = steps.iter().map(|s| s.contract.count_ones()).max().unwrap_or(0);
    let largest = steps.iter().map(|s| set_size(set_of(&s.result), &p.sizes)).max().unwrap_or(0);
    let mut r = format!("  Complete contraction:  {}->{output}\n", inputs.join(","));
    r += &format!("         Naive scaling:  {num_indices}\n");
    r += &format!("     Optimized scaling:  {scale}\n");
    r += &format!("      Naive FLOP count:  {}\n", path::sci(naive as f64));
    r += &format!("  Optimized FLOP count:  {}\n", path::sci(opt as f64));
    r += &format!("   Theoretical speedup:  {:.3}\n", naive as f64 / opt as f64);
    r += &format!("  Largest intermediate:  {} elements\n", path::sci(largest as f64));
    r += &"-".repeat(74);
    r += &format!("\n{:>6} {:>24} {:>40}\n", "scaling", "current", "remaining");
    r += &"-".repeat(74);
    for s in steps {
        let current = format!(
            "{}->{}",
            s.inputs.iter().map(|t| letters.term(t)).collect::<Vec<_>>().join(","),
            letters.term(&s.result)
        );
        let remaining =
            format!("{}->{output}", s.remaining.iter().map(|t| letters.term(t)).collect::<Vec<_>>().join(","));
        r += &format!("\n{:>4}    {current:>24} {remaining:>40}", s.contract.count_ones());
    }
    r
}

/// The contraction order NumPy's `einsum_path(subscripts, *operands, optimize=...)`
/// chooses for operands of these shapes, and its printed report.
///
/// NumPy's default there is [`Optimize::Greedy`]; [`Optimize::No`] gives one contraction
/// of everything.
///
/// ```
/// use nprs_linalg::{Optimize, einsum_path};
/// let p = einsum_path("ij,jk,kl->il", &[&[2, 2], &[2, 5], &[5, 2]], Optimize::Greedy)?;
/// assert_eq!(p.path, vec![vec![1, 2], vec![0, 1]]);
/// assert!(p.report.contains("Optimized FLOP count:  5.700e+01"));
/// # Ok::<(), nprs_linalg::Error>(())
/// ```
///
/// # Errors
/// `ValueError` for bad subscripts or label lengths that do not match (the messages of
/// NumPy's `einsum`); for an explicit path, `IndexError` for a position past the list and
/// `RuntimeError` when operands are left uncontracted.
#[doc(alias = "numpy.einsum_path")]
pub fn einsum_path(subscripts: &str, shapes: &[&[usize]], optimize: Optimize) -> Result<EinsumPath> {
    let p = parse::parse(subscripts, shapes)?;
    let path = choose_path(&p, optimize);
    let s = steps(&p, &path)?;
    Ok(EinsumPath { report: report(&p, &s), path })
}

/// Einstein summation (`numpy.einsum(subscripts, *operands, optimize=...)`).
///
/// Labels that appear in the output index it; the others are summed over. Operands share
/// one element type (floats, complex, integers — exact with wrapping, as NumPy's — or bool
/// with `or`/`and`); [`dynamic::einsum`](crate::dynamic::einsum) promotes mixed dtypes as
/// NumPy does. The result is always a new array (NumPy returns a view for some one-operand
/// forms such as `"ii->i"`).
///
/// ```
/// use nprs_core::prelude::*;
/// use nprs_linalg::{Optimize, einsum};
/// let a = array![[1.0, 2.0], [3.0, 4.0]];
/// let b = array![[5.0, 6.0], [7.0, 8.0]];
/// let c = einsum("ij,jk", &[a.view(), b.view()], Optimize::No)?;      // a @ b
/// assert_eq!(c.to_vec(), vec![19.0, 22.0, 43.0, 50.0]);
/// let t = einsum("ii", &[a.view()], Optimize::No)?;                   // trace
/// assert_eq!(t.to_vec(), vec![5.0]);
/// let d = einsum("...ii->...i", &[a.view()], Optimize::No)?;          // diagonal
/// assert_eq!(d.to_vec(), vec![1.0, 4.0]);
/// let s = einsum("ij,jk,kl->il", &[a.view(), b.view(), a.view()], Optimize::Greedy)?;
/// assert_eq!(s.shape(), &[2, 2]);
/// # Ok::<(), nprs_linalg::Error>(())
/// ```
///
/// # Errors
/// NumPy's `ValueError`s for bad subscripts (`"einstein sum subscripts string contains too
/// many subscripts for operand 0"`, …) and for lengths that do not broadcast; for an
/// explicit [`Optimize::Path`], those of [`einsum_path`].
#[doc(alias = "numpy.einsum")]
pub fn einsum<T: MatmulElem>(subscripts: &str, operands: &[ArrayView<'_, T>], optimize: Optimize) -> Result<Array<T>> {
    let shapes: Vec<&[usize]> = operands.iter().map(|a| a.shape()).collect();
    let p = parse::parse(subscripts, &shapes)?;
    let path = choose_path(&p, optimize);
    let steps = steps(&p, &path)?;
    let mut ops: Vec<contract::Operand<'_, T>> =
        operands.iter().zip(&p.ops).map(|(a, l)| contract::Operand::normalized(a, l, &p.sizes)).collect();
    for s in &steps {
        let taken: Vec<contract::Operand<'_, T>> = s.positions.iter().map(|&x| ops.remove(x)).collect();
        let result = set_of(&s.result);
        ops.push(contract::contract(taken, result, &p.out, &p.sizes)?);
    }
    let mut last = ops.pop().expect("a path leaves one operand");
    let out = set_of(&p.out);
    if last.set() != out {
        // An explicit path with no step leaves the single operand as it came.
        last = contract::contract(vec![last], out, &p.out, &p.sizes)?;
    }
    last.arranged(&p.out)
}
