//! Reductions. [`sum`] adds all elements the way `numpy.sum` does.
//!
//! NumPy adds floats pairwise: runs of up to 128 elements go through eight interleaved
//! accumulators, longer runs are halved (at a multiple of eight) and the halves added.
//! For an array that the iterator can walk as one run (any contiguous layout, or 1-d with
//! any stride) the whole array is one run; otherwise NumPy's buffered iterator hands the
//! loop chunks of whole innermost rows, as many as fit in 8192 elements, and the chunk
//! sums are added in order. nprs follows the same tree, so the bits agree; the two halves
//! of large runs are summed on different threads, which leaves the tree — and the
//! result — unchanged.
//!
//! Integers are summed with wrap-around in 64 bits (`int64` for signed types and bool,
//! `uint64` for unsigned), float16 in float32, as NumPy does.

use nprs_core::kernel::Data;
use nprs_core::kernel::Plan;
use nprs_core::{ArrayBase, Element, f16};

/// Runs longer than this are split into halves.
const BLOCK: usize = 128;
/// Elements per chunk of NumPy's buffered iterator.
const BUFSIZE: usize = 8192;
/// Runs longer than this sum their halves on separate threads.
const PAR_MIN: usize = 1 << 16;

/// Element types that [`sum`] accepts, with NumPy's result type.
pub trait SumElem: Element {
    /// The result type (`int64` for signed integers and bool, `uint64` for unsigned, the
    /// same type for floats).
    type Out: Element;
    /// Sums a run of elements in NumPy's order.
    fn sum_run(run: &[Self]) -> Self::Out;
    /// `a + b` in the result type.
    fn add(a: Self::Out, b: Self::Out) -> Self::Out;
    /// `acc` plus the sum of a run: one call of NumPy's inner loop on one chunk.
    fn accumulate(acc: Self::Out, run: &[Self]) -> Self::Out {
        Self::add(acc, Self::sum_run(run))
    }
}

macro_rules! pairwise {
    ($name:ident, $t:ty) => {
        /// NumPy's pairwise sum of a run.
        fn $name(a: &[$t]) -> $t {
            let n = a.len();
            if n < 8 {
                let mut res: $t = 0.0;
                for &x in a {
                    res += x;
                }
                res
            } else if n <= BLOCK {
                let mut r = [0.0 as $t; 8];
                r.copy_from_slice(&a[..8]);
                let full = n - n % 8;
                let mut i = 8;
                while i < full {
                    for j in 0..8 {
                        r[j] += a[i + j];
                    }
                    i += 8;
                }
                let mut res = ((r[0] + r[1]) + (r[2] + r[3])) + ((r[4] + r[5]) + (r[6] + r[7]));
                for &x in &a[full..] {
                    res += x;
                }
                res
            } else {
                let mut n2 = n / 2;
                n2 -= n2 % 8;
                let (lo, hi) = a.split_at(n2);
                if n >= PAR_MIN {
                    let (x, y) = rayon::join(|| $name(lo), || $name(hi));
                    x + y
                } else {
                    $name(lo) + $name(hi)
                }
            }
        }
    };
}

pairwise!(pairwise_f64, f64);
pairwise!(pairwise_f32, f32);

impl SumElem for f64 {
    type Out = f64;
    fn sum_run(run: &[f64]) -> f64 {
        pairwise_f64(run)
    }
    fn add(a: f64, b: f64) -> f64 {
        a + b
    }
}

impl SumElem for f32 {
    type Out = f32;
    fn sum_run(run: &[f32]) -> f32 {
        pairwise_f32(run)
    }
    fn add(a: f32, b: f32) -> f32 {
        a + b
    }
}

impl SumElem for f16 {
    type Out = f16;
    fn sum_run(run: &[f16]) -> f16 {
        let wide: Vec<f32> = run.iter().map(|x| x.to_f32()).collect();
        f16::from_f32(pairwise_f32(&wide))
    }
    fn add(a: f16, b: f16) -> f16 {
        f16::from_f32(a.to_f32() + b.to_f32())
    }
    /// NumPy's float16 loop widens the running sum, adds the run's float32 pairwise sum
    /// and rounds once (rounding the run's sum first would round twice).
    fn accumulate(acc: f16, run: &[f16]) -> f16 {
        let wide: Vec<f32> = run.iter().map(|x| x.to_f32()).collect();
        f16::from_f32(acc.to_f32() + pairwise_f32(&wide))
    }
}

macro_rules! int_sum {
    ($($t:ty => $out:ty),*) => {$(
        impl SumElem for $t {
            type Out = $out;
            fn sum_run(run: &[$t]) -> $out {
                run.iter().fold(0 as $out, |acc, &x| acc.wrapping_add(x as $out))
            }
            fn add(a: $out, b: $out) -> $out {
                a.wrapping_add(b)
            }
        }
    )*};
}
int_sum!(i8 => i64, i16 => i64, i32 => i64, i64 => i64, u8 => u64, u16 => u64, u32 => u64, u64 => u64);

impl SumElem for bool {
    type Out = i64;
    fn sum_run(run: &[bool]) -> i64 {
        run.iter().map(|&b| i64::from(b)).sum()
    }
    fn add(a: i64, b: i64) -> i64 {
        a.wrapping_add(b)
    }
}

/// `numpy.sum(a)`: the sum of all elements, in NumPy's order of additions.
///
/// ```
/// use nprs_core::prelude::*;
/// let a = array![[1u8, 200], [100, 50]];
/// assert_eq!(nprs_ufunc::sum(&a), 351u64); // uint8 sums to uint64, as in NumPy
/// ```
#[must_use]
pub fn sum<S: Data>(a: &ArrayBase<S>) -> <S::Elem as SumElem>::Out
where
    S::Elem: SumElem,
{
    let zero = <S::Elem as Element>::zero();
    let identity = <S::Elem as SumElem>::sum_run(&[zero]);
    if let Some(s) = a.as_slice_memory_order() {
        return <S::Elem as SumElem>::accumulate(identity, s);
    }
    let plan = Plan::<1>::new(a.shape(), [a.strides()]);
    // One strided run (1-d): gather and sum it whole. Otherwise NumPy's buffered chunks of
    // whole rows, as many as fit in BUFSIZE elements (at least one row).
    let chunk =
        if plan.ndim() <= 1 { plan.size().max(1) } else { (BUFSIZE / plan.inner_len()).max(1) * plan.inner_len() };
    let elems: Vec<S::Elem> = a.to_vec_memory_order();
    let mut acc = identity;
    for c in elems.chunks(chunk) {
        acc = <S::Elem as SumElem>::accumulate(acc, c);
    }
    acc
}
