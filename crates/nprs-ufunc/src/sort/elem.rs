//! NumPy's sort order per element type, and the typed kernels that sort one contiguous lane.

use std::cmp::Ordering;
use std::mem::MaybeUninit;

use nprs_core::{C64, C128, Element, f16};

use super::radix::{self, RadixKey};

/// `sort_lane_into` without a fused kernel: copies `src` to `dst`, then sorts it in place.
fn copy_then_sort<'a, T: SortElem>(src: &[T], dst: &'a mut [MaybeUninit<T>], stable: bool) -> &'a mut [T] {
    let w = dst.write_copy_of_slice(src);
    T::sort_lane(w, stable);
    w
}

mod sealed {
    pub trait Sealed {}
}

/// Element types NumPy sorts, with NumPy's order: integers and bool by value; floats with
/// `-0.0 == 0.0` and NaN after everything (all NaNs equal); complex numbers
/// lexicographically by real then imaginary part, with NumPy's NaN placement
/// `[R + Rj, R + nanj, nan + Rj, nan + nanj]`. Sealed.
pub trait SortElem: Element + sealed::Sealed {
    /// NumPy's three-way comparison (a total preorder).
    fn np_cmp(a: Self, b: Self) -> Ordering;
    /// Sorts a lane in place; stably when `stable` (the result's values never depend on it
    /// except through the order of equal-comparing elements such as `-0.0` and `0.0`).
    fn sort_lane(v: &mut [Self], stable: bool);
    /// The indices that sort a lane, stably (equal elements keep their input order).
    fn argsort_lane(v: &[Self], out: &mut [i64]);
    /// Writes `src` sorted to `dst` (as long as `src`) and returns it: `np.sort` of one
    /// contiguous lane. `float64`, `float32`, `int64`, `int32`, `uint64` and `uint32` fuse
    /// the copy with the AVX-512 quicksort's first partition for the unstable kinds.
    #[doc(hidden)]
    fn sort_lane_into<'a>(src: &[Self], dst: &'a mut [MaybeUninit<Self>], stable: bool) -> &'a mut [Self] {
        copy_then_sort(src, dst, stable)
    }
    /// The indices that sort a lane for the unstable kinds (`Quicksort`, `Heapsort`):
    /// equal elements in any order. `float64`, `float32`, `int64`, `int32`, `uint64` and
    /// `uint32` use the AVX-512 argsort where the CPU has it; everything else (and those
    /// types elsewhere) gives [`argsort_lane`](Self::argsort_lane)'s stable indices.
    fn argsort_lane_unstable(v: &[Self], out: &mut [i64]) {
        Self::argsort_lane(v, out);
    }
    /// True for a NaN (a complex number with a NaN part); `x != x` in NumPy.
    fn is_nan(self) -> bool {
        false
    }
    /// NumPy's `unique` of a flat lane without a permutation: the sorted distinct values
    /// (each the first of its equals in input order, as a stable sort gives) and, when
    /// `counts`, how often each occurs; `None` for the types that need the stable
    /// permutation for that (complex numbers).
    #[doc(hidden)]
    fn unique_runs(v: &[Self], equal_nan: bool, counts: bool) -> Option<(Vec<Self>, Vec<i64>)> {
        let _ = (v, equal_nan, counts);
        None
    }
    /// For bools and integers, an order-preserving `u64` image in which equal keys mean
    /// equal values (what NumPy's table `isin` indexes by); `None` for the others.
    #[doc(hidden)]
    fn table_key(self) -> Option<u64> {
        None
    }
    /// Places the elements a sort would put at positions `ks` (sorted, distinct, in range)
    /// there, the others between them in value (`partition`). `float64`, `float32`,
    /// `int64`, `int32`, `uint64` and `uint32` use the AVX-512 quickselect where the CPU
    /// has it.
    #[doc(hidden)]
    fn partition_lane(v: &mut [Self], ks: &[usize]) {
        super::select_many(v, ks, |a, b| Self::np_cmp(*a, *b));
    }
    /// The elements a sort would put at positions `ks` (sorted, distinct, in range); `v`
    /// may be reordered (median, quantiles).
    #[doc(hidden)]
    fn select_values(v: &mut [Self], ks: &[usize]) -> Vec<Self> {
        super::select_many(v, ks, |a, b| Self::np_cmp(*a, *b));
        ks.iter().map(|&k| v[k]).collect()
    }
}

/// The element's order-preserving unsigned key (radix-sortable types).
pub(crate) trait KeyElem: Copy {
    type Key: RadixKey;
    /// True for the float types: elements with equal keys can differ in their bits there
    /// (`-0.0` and `0.0`, NaN payloads); for the others equal keys mean equal elements.
    const FLOAT: bool;
    fn key(self) -> Self::Key;
}

macro_rules! is_float {
    () => {
        false
    };
    ($nan:expr) => {
        true
    };
}

macro_rules! keyed {
    ($($t:ty => $k:ty, |$x:ident| $body:expr $(, nan: $nan:expr)? $(, simd: $simd:ident / $sel:ident / $into:ident)?;)*) => {$(
        impl KeyElem for $t {
            type Key = $k;
            const FLOAT: bool = is_float!($($nan)?);
            #[inline(always)]
            fn key(self) -> $k {
                let $x = self;
                $body
            }
        }
        impl sealed::Sealed for $t {}
        impl SortElem for $t {
            #[inline]
            fn np_cmp(a: Self, b: Self) -> Ordering {
                a.key().cmp(&b.key())
            }
            fn sort_lane(v: &mut [Self], stable: bool) {
                $(
                if !stable && super::simd::$simd(v) {
                    return;
                }
                )?
                radix::sort_by_key(v, KeyElem::key, stable);
            }
            fn argsort_lane(v: &[Self], out: &mut [i64]) {
                radix::argsort_by_key(v, KeyElem::key, out);
            }
            $(
            fn sort_lane_into<'a>(src: &[Self], dst: &'a mut [MaybeUninit<Self>], stable: bool) -> &'a mut [Self] {
                let dst = if stable {
                    dst
                } else {
                    match super::simd::$into(src, dst) {
                        Ok(w) => return w,
                        Err(dst) => dst,
                    }
                };
                copy_then_sort(src, dst, stable)
            }
            )?
            $(
            fn partition_lane(v: &mut [Self], ks: &[usize]) {
                if !super::simd::$sel(v, ks) {
                    super::select_many(v, ks, |a, b| Self::np_cmp(*a, *b));
                }
            }
            )?
            $(
            fn argsort_lane_unstable(v: &[Self], out: &mut [i64]) {
                // The argsort sorts 64-bit keys: the type's key, widened.
                let _ = super::simd::$simd;
                if !super::simd::argsort_by_key(v, |x| KeyElem::key(x).wide(), out) {
                    radix::argsort_by_key(v, KeyElem::key, out);
                }
            }
            )?
            fn unique_runs(v: &[Self], equal_nan: bool, counts: bool) -> Option<(Vec<Self>, Vec<i64>)> {
                Some(crate::sets::unique_runs_keyed(v, equal_nan, counts))
            }
            fn select_values(v: &mut [Self], ks: &[usize]) -> Vec<Self> {
                super::select::sample_select(v, ks, KeyElem::key)
            }
            #[inline]
            fn table_key(self) -> Option<u64> {
                if <Self as KeyElem>::FLOAT { None } else { Some(KeyElem::key(self).wide()) }
            }
            $(
            #[inline]
            fn is_nan(self) -> bool {
                let f: fn(Self) -> bool = $nan;
                f(self)
            }
            )?
        }
    )*};
}

/// Key of an IEEE float from its bits: NaN → all ones, `-0.0` → `+0.0`'s key, negative
/// numbers reversed below the positive ones.
macro_rules! float_key {
    ($bits:expr, $u:ty, $is_nan:expr) => {{
        let b: $u = $bits;
        const SIGN: $u = 1 << (<$u>::BITS - 1);
        if $is_nan {
            <$u>::MAX
        } else if b == SIGN {
            SIGN // -0.0 sorts as 0.0
        } else if b & SIGN != 0 {
            !b
        } else {
            b | SIGN
        }
    }};
}

keyed! {
    bool => u8, |x| u8::from(x);
    u8 => u8, |x| x;
    u16 => u16, |x| x;
    u32 => u32, |x| x, simd: sort_u32 / select_u32 / sort_into_u32;
    u64 => u64, |x| x, simd: sort_u64 / select_u64 / sort_into_u64;
    i8 => u8, |x| (x as u8) ^ 0x80;
    i16 => u16, |x| (x as u16) ^ 0x8000;
    i32 => u32, |x| (x as u32) ^ 0x8000_0000, simd: sort_i32 / select_i32 / sort_into_i32;
    i64 => u64, |x| (x as u64) ^ 0x8000_0000_0000_0000, simd: sort_i64 / select_i64 / sort_into_i64;
    f16 => u16, |x| float_key!(x.to_bits(), u16, x.is_nan()), nan: |x: f16| x.is_nan();
    f32 => u32, |x| float_key!(x.to_bits(), u32, x.is_nan()), nan: f32::is_nan, simd: sort_f32 / select_f32 / sort_into_f32;
    f64 => u64, |x| float_key!(x.to_bits(), u64, x.is_nan()), nan: f64::is_nan, simd: sort_f64 / select_f64 / sort_into_f64;
}

/// NumPy's complex order on parts widened to f64 (exact for complex64).
fn complex_cmp(ar: f64, ai: f64, br: f64, bi: f64) -> Ordering {
    // class: 0 both parts numbers, 1 imaginary NaN, 2 real NaN, 3 both NaN
    let class = |r: f64, i: f64| u8::from(r.is_nan()) * 2 + u8::from(i.is_nan());
    let (ca, cb) = (class(ar, ai), class(br, bi));
    if ca != cb {
        return ca.cmp(&cb);
    }
    let num = |x: f64, y: f64| x.partial_cmp(&y).unwrap_or(Ordering::Equal);
    match ca {
        0 => num(ar, br).then_with(|| num(ai, bi)),
        1 => num(ar, br),
        2 => num(ai, bi),
        _ => Ordering::Equal,
    }
}

macro_rules! complex_elem {
    ($($t:ty),*) => {$(
        impl sealed::Sealed for $t {}
        impl SortElem for $t {
            #[inline]
            fn np_cmp(a: Self, b: Self) -> Ordering {
                complex_cmp(f64::from(a.re), f64::from(a.im), f64::from(b.re), f64::from(b.im))
            }
            fn sort_lane(v: &mut [Self], stable: bool) {
                if stable {
                    v.sort_by(|a, b| Self::np_cmp(*a, *b));
                } else {
                    v.sort_unstable_by(|a, b| Self::np_cmp(*a, *b));
                }
            }
            fn argsort_lane(v: &[Self], out: &mut [i64]) {
                let mut idx: Vec<usize> = (0..v.len()).collect();
                idx.sort_by(|&i, &j| Self::np_cmp(v[i], v[j]));
                for (o, i) in out.iter_mut().zip(idx) {
                    *o = i as i64;
                }
            }
            #[inline]
            fn is_nan(self) -> bool {
                self.re.is_nan() || self.im.is_nan()
            }
        }
    )*};
}
complex_elem!(C64, C128);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn float_keys_follow_numpy_order() {
        let xs = [f64::NEG_INFINITY, -1e300, -1.0, -5e-324, 0.0, 5e-324, 1.0, f64::INFINITY];
        for w in xs.windows(2) {
            assert_eq!(f64::np_cmp(w[0], w[1]), Ordering::Less, "{w:?}");
        }
        assert_eq!(f64::np_cmp(-0.0, 0.0), Ordering::Equal);
        assert_eq!(f64::np_cmp(f64::INFINITY, f64::NAN), Ordering::Less);
        assert_eq!(f64::np_cmp(f64::NAN, -f64::NAN), Ordering::Equal);
        assert_eq!(f32::np_cmp(-0.0, 0.0), Ordering::Equal);
        assert_eq!(f16::np_cmp(f16::from_f32(-0.0), f16::ZERO), Ordering::Equal);
        assert_eq!(f16::np_cmp(f16::INFINITY, f16::NAN), Ordering::Less);
        assert_eq!(f16::np_cmp(f16::NEG_INFINITY, f16::from_f32(-1.0)), Ordering::Less);
        assert_eq!(i8::np_cmp(-128, 127), Ordering::Less);
    }

    #[test]
    fn complex_nan_classes() {
        let n = f64::NAN;
        let order = [
            C128::new(1.0, 5.0),
            C128::new(2.0, -1.0),
            C128::new(-3.0, n),
            C128::new(0.0, n),
            C128::new(n, -2.0),
            C128::new(n, n),
        ];
        for w in order.windows(2) {
            assert_eq!(C128::np_cmp(w[0], w[1]), Ordering::Less, "{w:?}");
        }
    }
}
