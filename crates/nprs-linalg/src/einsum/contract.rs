//! Carrying out one contraction: a loop over all labels, or — for two operands with a sum —
//! a batched matrix product.
#![allow(unsafe_code)] // strided views of an operand's diagonal/broadcast, and reads through them.

use nprs_core::{Array, ArrayView, CowArray};

use super::path::Set;
use crate::batch::same_data;
use crate::error::Result;
use crate::products::{MatmulElem, matmul_views};

/// Two-operand contractions with at least this many multiply-adds per matrix go through
/// matmul.
const MATMUL_MIN: usize = 64;

/// An operand during the contraction: an array whose axes carry distinct labels, each of
/// its label's full (broadcast) length.
pub(super) struct Operand<'a, T: MatmulElem> {
    arr: CowArray<'a, T>,
    labels: Vec<u32>,
}

fn has(s: Set, l: u32) -> bool {
    s & (1u128 << l) != 0
}

impl<'a, T: MatmulElem> Operand<'a, T> {
    /// `a` with one axis per distinct label: a repeated label becomes one axis along the
    /// diagonal (strides added), and a length-1 axis is broadcast (stride 0) to its label's
    /// length. A view, no copy.
    pub(super) fn normalized(a: &ArrayView<'a, T>, labels: &[u32], sizes: &[usize]) -> Self {
        let strides = a.strides_elems();
        let mut l: Vec<u32> = Vec::new();
        let mut st: Vec<isize> = Vec::new();
        let mut sh: Vec<usize> = Vec::new();
        for (i, &x) in labels.iter().enumerate() {
            match l.iter().position(|&y| y == x) {
                Some(j) => st[j] += strides[i],
                None => {
                    l.push(x);
                    let n = sizes[x as usize];
                    // The parser checked that the axis has the label's length or 1.
                    st.push(if a.shape()[i] == n { strides[i] } else { 0 });
                    sh.push(n);
                }
            }
        }
        // SAFETY: every index of the new layout maps to an element of `a`: an axis of a
        // repeated label steps all its axes together (their lengths are equal, checked by
        // the parser), and an axis broadcast from length 1 (stride 0) stays at index 0.
        // When the broadcast length is 0 the view has no elements.
        let v = unsafe { same_data(a, &sh, &st) };
        Operand { arr: v.into(), labels: l }
    }

    /// The operand's labels as a set.
    pub(super) fn set(&self) -> Set {
        self.labels.iter().fold(0, |a, &l| a | (1u128 << l))
    }

    /// The operand as an owned array with its axes in the order of `out` (the same labels).
    pub(super) fn arranged(self, out: &[u32]) -> Result<Array<T>> {
        let perm: Vec<isize> =
            out.iter().map(|l| self.labels.iter().position(|x| x == l).expect("same labels") as isize).collect();
        let identity = perm.iter().enumerate().all(|(i, &p)| p == i as isize);
        if identity && !self.arr.is_view() && self.arr.is_c_contiguous() {
            return Ok(self.arr.into_owned());
        }
        Ok(self.arr.view().permute_dims(&perm)?.to_owned())
    }
}

/// A read-only pointer walk over `dims` with one stride per operand per dimension.
struct Walk {
    dims: Vec<usize>,
    /// `strides[d][k]`: operand `k`'s stride along dimension `d`.
    strides: Vec<Vec<isize>>,
}

impl Walk {
    /// Calls `f` with every operand's offset for each index of `dims` in C order, starting
    /// from `base`; `offs` is scratch of the operands' count.
    fn each(&self, base: &[isize], offs: &mut [isize], idx: &mut [usize], mut f: impl FnMut(&[isize])) {
        if self.dims.contains(&0) {
            return;
        }
        offs.copy_from_slice(base);
        idx.fill(0);
        let nd = self.dims.len();
        loop {
            f(offs);
            let mut d = nd;
            loop {
                if d == 0 {
                    return;
                }
                d -= 1;
                idx[d] += 1;
                for (o, s) in offs.iter_mut().zip(&self.strides[d]) {
                    *o += s;
                }
                if idx[d] < self.dims[d] {
                    break;
                }
                for (o, s) in offs.iter_mut().zip(&self.strides[d]) {
                    *o -= s * self.dims[d] as isize;
                }
                idx[d] = 0;
            }
        }
    }
}

/// The contraction of `ops` to the labels `out` by one loop over all labels: for each output
/// element, the sum over the other labels of the operands' product.
fn naive<'b, T: MatmulElem>(ops: &[Operand<'_, T>], out: &[u32], sizes: &[usize]) -> Result<Operand<'b, T>> {
    let all = ops.iter().fold(0, |a, o| a | o.set());
    let summed: Vec<u32> = (0..128u32).filter(|&l| has(all, l) && !out.contains(&l)).collect();
    let views: Vec<ArrayView<'_, T>> = ops.iter().map(|o| o.arr.view()).collect();
    let ptrs: Vec<*const T> = views.iter().map(ArrayView::as_ptr).collect();
    let walk = |labels: &[u32]| Walk {
        dims: labels.iter().map(|&l| sizes[l as usize]).collect(),
        strides: labels
            .iter()
            .map(|l| {
                ops.iter()
                    .zip(&views)
                    .map(|(o, v)| o.labels.iter().position(|x| x == l).map_or(0, |p| v.strides_elems()[p]))
                    .collect()
            })
            .collect(),
    };
    let (outer, inner) = (walk(out), walk(&summed));
    let k = ops.len();
    let size: usize = outer.dims.iter().product();
    let mut result: Vec<T> = Vec::with_capacity(size);
    let (mut o1, mut i1) = (vec![0isize; k], vec![0usize; outer.dims.len()]);
    let (mut o2, mut i2) = (vec![0isize; k], vec![0usize; inner.dims.len()]);
    let zero = vec![0isize; k];
    let read = |k: usize, off: isize| {
        // SAFETY: each offset is the sum over dimensions of an index below
        // the dimension's length times the operand's stride along it (0 for a label it lacks);
        // every operand's axes have their labels' lengths, so each offset addresses an element
        // of that operand's view, which stays borrowed (read-only) for this function.
        unsafe { *ptrs[k].offset(off) }
    };
    outer.each(&zero, &mut o1, &mut i1, |base| {
        let mut acc = T::default();
        inner.each(base, &mut o2, &mut i2, |offs| {
            let mut p = read(0, offs[0]);
            for (j, &off) in offs.iter().enumerate().skip(1) {
                p = p.mul_elem(read(j, off));
            }
            acc = acc.add_elem(p);
        });
        result.push(acc);
    });
    let shape: Vec<usize> = outer.dims.clone();
    Ok(Operand { arr: Array::from_shape_vec(&shape, result)?.into(), labels: out.to_vec() })
}

/// Contracts `ops` (in the order taken from the list) to the labels of `keep`.
pub(super) fn contract<'a, T: MatmulElem>(
    ops: Vec<Operand<'a, T>>,
    keep: Set,
    order: &[u32],
    sizes: &[usize],
) -> Result<Operand<'a, T>> {
    match ops.len() {
        1 => {
            let op = ops.into_iter().next().expect("one operand");
            if op.set() == keep {
                return Ok(op);
            }
            let out: Vec<u32> = op.labels.iter().copied().filter(|&l| has(keep, l)).collect();
            naive(&[op], &out, sizes)
        }
        2 => {
            let mut it = ops.into_iter();
            let (a, b) = (it.next().expect("two"), it.next().expect("two"));
            pairwise(a, b, keep, order, sizes)
        }
        _ => {
            let out: Vec<u32> = (0..128u32).filter(|&l| has(keep, l)).collect();
            naive(&ops, &out, sizes)
        }
    }
}

/// Two operands: labels only one has and the result drops are summed first; then a
/// batched matrix product `(batch, free a, summed) @ (batch, summed, free b)` when it sums
/// over something large enough, else the loop. The product is taken in the order (`a @ b`
/// or `b @ a`) that puts its free labels in the order they have in `order` (the einsum's
/// output), so that the result needs no transposing copy at the end.
fn pairwise<'a, T: MatmulElem>(
    a: Operand<'a, T>,
    b: Operand<'a, T>,
    keep: Set,
    order: &[u32],
    sizes: &[usize],
) -> Result<Operand<'a, T>> {
    let (sa, sb) = (a.set(), b.set());
    let reduce = |o: Operand<'a, T>, other: Set| -> Result<Operand<'a, T>> {
        let own_only: Vec<u32> = o.labels.iter().copied().filter(|&l| has(keep, l) || has(other, l)).collect();
        if own_only.len() == o.labels.len() { Ok(o) } else { naive(&[o], &own_only, sizes) }
    };
    let (a, b) = (reduce(a, sb)?, reduce(b, sa)?);
    let batch: Vec<u32> = a.labels.iter().copied().filter(|&l| has(sb, l) && has(keep, l)).collect();
    let con: Vec<u32> = a.labels.iter().copied().filter(|&l| has(sb, l) && !has(keep, l)).collect();
    let fa: Vec<u32> = a.labels.iter().copied().filter(|&l| !has(sb, l)).collect();
    let fb: Vec<u32> = b.labels.iter().copied().filter(|&l| !has(sa, l)).collect();
    let at = |ls: &[u32]| ls.first().and_then(|l| order.iter().position(|x| x == l));
    if let (Some(pa), Some(pb)) = (at(&fa), at(&fb))
        && pb < pa
    {
        return pairwise(b, a, keep, order, sizes);
    }
    let len = |ls: &[u32]| ls.iter().map(|&l| sizes[l as usize]).product::<usize>();
    let (nb, m, k, n) = (len(&batch), len(&fa), len(&con), len(&fb));
    let mut out: Vec<u32> = batch.clone();
    out.extend(&fa);
    out.extend(&fb);
    if k < 2 || m.saturating_mul(n).saturating_mul(k) < MATMUL_MIN {
        return naive(&[a, b], &out, sizes);
    }
    let pos = |o: &Operand<'_, T>, ls: &[u32]| -> Vec<isize> {
        ls.iter().map(|l| o.labels.iter().position(|x| x == l).expect("label of the operand") as isize).collect()
    };
    let pa: Vec<isize> = [pos(&a, &batch), pos(&a, &fa), pos(&a, &con)].concat();
    let pb: Vec<isize> = [pos(&b, &batch), pos(&b, &con), pos(&b, &fb)].concat();
    let (av, bv) = (a.arr.view(), b.arr.view());
    let ap = av.permute_dims(&pa)?;
    let bp = bv.permute_dims(&pb)?;
    let am = ap.reshape(&[nb as isize, m as isize, k as isize][..])?;
    let bm = bp.reshape(&[nb as isize, k as isize, n as isize][..])?;
    let prod = matmul_views(&am.view(), &bm.view())?;
    let shape: Vec<isize> = out.iter().map(|&l| sizes[l as usize] as isize).collect();
    Ok(Operand { arr: prod.into_shape(&shape)?.into(), labels: out })
}
