//! What a workload returns, and the checksum that both sides compute of it.
//!
//! The digest of an array is computed from its elements in C order as little-endian bytes,
//! zero-padded to a multiple of eight and read as little-endian `u64` words `w[k]`:
//! `sum(w[k] * (2k + 1)) mod 2^64`. The odd weights make it depend on positions, so a
//! transposed or shifted result gives a different digest. `numpy_compare.py` computes the
//! same sum with `uint64` arrays.
//!
//! Floating-point results that two correct implementations round differently (linear
//! algebra) are [`Output::Approx`]: their digest is that of two `int64` words, the sums
//! `s1 = sum(x[i] * (1 + i % 7))` and `s2 = sum(|x[i]|)` (in `float64`, C order) each rounded
//! as `floor(s / q + 0.5)` on a power-of-two grid `q = 2^(ceil(log2|s|) - b)`, with `b = 20`
//! bits for `float64` and `b = 10` for `float32` results. The NumPy side of such a workload
//! sets `approx_digest = 20` (or `10`) in its setup to digest the same way (see
//! `numpy_compare.py`).

use nprs_core::{Array, ArrayBase, kernel::Data};

/// The result of one run of a workload, kept so that it can be checked against NumPy.
#[derive(Debug)]
pub enum Output {
    /// A `float64` array.
    F64(Array<f64>),
    /// A `float32` array.
    F32(Array<f32>),
    /// An `int64` array.
    I64(Array<i64>),
    /// An `int32` array.
    I32(Array<i32>),
    /// A `bool` array.
    Bool(Array<bool>),
    /// A `complex64` array.
    C64(Array<nprs_core::C64>),
    /// A `complex128` array.
    C128(Array<nprs_core::C128>),
    /// A floating-point result compared to about six significant digits (see the module
    /// docs).
    Approx(Approx),
}

/// A floating-point result digested on a coarse grid.
#[derive(Debug)]
pub enum Approx {
    /// `float64` values.
    F64(Array<f64>),
    /// `float32` values.
    F32(Array<f32>),
}

impl Approx {
    /// Bits of the grid below the largest magnitude.
    fn bits(&self) -> i32 {
        match self {
            Approx::F64(_) => 20,
            Approx::F32(_) => 10,
        }
    }

    fn values(&self) -> Vec<f64> {
        match self {
            Approx::F64(a) => a.to_vec(),
            Approx::F32(a) => a.iter().map(f64::from).collect(),
        }
    }
}

impl Output {
    /// A `float64` result compared approximately.
    #[must_use]
    pub fn approx(a: Array<f64>) -> Self {
        Output::Approx(Approx::F64(a))
    }

    /// A `float32` result compared approximately.
    #[must_use]
    pub fn approx32(a: Array<f32>) -> Self {
        Output::Approx(Approx::F32(a))
    }
}

macro_rules! output_from {
    ($($t:ty => $v:ident),*) => {$(
        impl From<Array<$t>> for Output {
            fn from(a: Array<$t>) -> Self {
                Output::$v(a)
            }
        }
    )*};
}

output_from!(f64 => F64, f32 => F32, i64 => I64, i32 => I32, bool => Bool);

impl Output {
    /// NumPy's name of the element type (`"float64"`, ...).
    #[must_use]
    pub fn dtype(&self) -> String {
        match self {
            Output::F64(a) => a.dtype().name().to_string(),
            Output::F32(a) => a.dtype().name().to_string(),
            Output::I64(a) => a.dtype().name().to_string(),
            Output::I32(a) => a.dtype().name().to_string(),
            Output::Bool(a) => a.dtype().name().to_string(),
            Output::C64(a) => a.dtype().name().to_string(),
            Output::C128(a) => a.dtype().name().to_string(),
            Output::Approx(Approx::F64(a)) => a.dtype().name().to_string(),
            Output::Approx(Approx::F32(a)) => a.dtype().name().to_string(),
        }
    }

    /// The shape of the result.
    #[must_use]
    pub fn shape(&self) -> Vec<usize> {
        match self {
            Output::F64(a) => a.shape().to_vec(),
            Output::F32(a) => a.shape().to_vec(),
            Output::I64(a) => a.shape().to_vec(),
            Output::I32(a) => a.shape().to_vec(),
            Output::Bool(a) => a.shape().to_vec(),
            Output::C64(a) => a.shape().to_vec(),
            Output::C128(a) => a.shape().to_vec(),
            Output::Approx(Approx::F64(a)) => a.shape().to_vec(),
            Output::Approx(Approx::F32(a)) => a.shape().to_vec(),
        }
    }

    /// The position-weighted checksum described in the module docs.
    #[must_use]
    pub fn digest(&self) -> u64 {
        match self {
            Output::F64(a) => digest_of(a, |x, out| out.extend_from_slice(&x.to_le_bytes())),
            Output::F32(a) => digest_of(a, |x, out| out.extend_from_slice(&x.to_le_bytes())),
            Output::I64(a) => digest_of(a, |x, out| out.extend_from_slice(&x.to_le_bytes())),
            Output::I32(a) => digest_of(a, |x, out| out.extend_from_slice(&x.to_le_bytes())),
            Output::Bool(a) => digest_of(a, |x, out| out.push(u8::from(x))),
            Output::C64(a) => digest_of(a, |x, out| {
                out.extend_from_slice(&x.re.to_le_bytes());
                out.extend_from_slice(&x.im.to_le_bytes());
            }),
            Output::C128(a) => digest_of(a, |x, out| {
                out.extend_from_slice(&x.re.to_le_bytes());
                out.extend_from_slice(&x.im.to_le_bytes());
            }),
            Output::Approx(a) => {
                // Two position-weighted sums, each rounded on its own power-of-two grid.
                let v = a.values();
                let s1: f64 = v.iter().enumerate().map(|(i, x)| x * (1 + i % 7) as f64).sum();
                let s2: f64 = v.iter().map(|x| x.abs()).sum();
                let mut bytes = Vec::with_capacity(16);
                for s in [s1, s2] {
                    let m = s.abs();
                    let q = if m > 0.0 && m.is_finite() { 2f64.powi(m.log2().ceil() as i32 - a.bits()) } else { 1.0 };
                    bytes.extend_from_slice(&((s / q + 0.5).floor() as i64).to_le_bytes());
                }
                digest_bytes(&bytes)
            }
        }
    }

    /// For results that are not bit-identical across libraries (FFTs): `[Σ|x|, Σ c·Re x,
    /// Σ c·Im x]` over the elements in C order with weights `c = k mod 17 + 1`, in `f64`.
    /// `numpy_compare.py` computes the same; the driver compares them within a tolerance.
    #[must_use]
    pub fn fingerprint(&self) -> [f64; 3] {
        fn of<S: nprs_core::kernel::Data>(a: &ArrayBase<S>, f: impl Fn(S::Elem) -> (f64, f64)) -> [f64; 3] {
            let mut s = [0.0; 3];
            for (k, x) in a.iter().enumerate() {
                let (re, im) = f(x);
                let c = (k % 17 + 1) as f64;
                s[0] += re.hypot(im);
                s[1] += c * re;
                s[2] += c * im;
            }
            s
        }
        match self {
            Output::F64(a) => of(a, |x| (x, 0.0)),
            Output::F32(a) => of(a, |x| (f64::from(x), 0.0)),
            Output::I64(a) => of(a, |x| (x as f64, 0.0)),
            Output::I32(a) => of(a, |x| (f64::from(x), 0.0)),
            Output::Bool(a) => of(a, |x| (f64::from(u8::from(x)), 0.0)),
            Output::C64(a) => of(a, |x| (f64::from(x.re), f64::from(x.im))),
            Output::C128(a) => of(a, |x| (x.re, x.im)),
            Output::Approx(Approx::F64(a)) => of(a, |x| (x, 0.0)),
            Output::Approx(Approx::F32(a)) => of(a, |x| (f64::from(x), 0.0)),
        }
    }
}

/// The digest of any array whose elements `put` turns into little-endian bytes.
fn digest_of<S: Data>(a: &ArrayBase<S>, put: impl Fn(S::Elem, &mut Vec<u8>)) -> u64 {
    let mut bytes = Vec::with_capacity(a.nbytes() + 8);
    for x in a.iter() {
        put(x, &mut bytes);
    }
    digest_bytes(&bytes)
}

/// The digest of a byte string (zero-padded to whole words).
#[must_use]
pub fn digest_bytes(bytes: &[u8]) -> u64 {
    let mut sum = 0u64;
    for (k, chunk) in bytes.chunks(8).enumerate() {
        let mut word = [0u8; 8];
        word[..chunk.len()].copy_from_slice(chunk);
        let weight = (k as u64).wrapping_mul(2).wrapping_add(1);
        sum = sum.wrapping_add(u64::from_le_bytes(word).wrapping_mul(weight));
    }
    sum
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn digest_depends_on_order_and_padding() {
        assert_eq!(digest_bytes(&[]), 0);
        assert_eq!(digest_bytes(&[1]), 1);
        // The second word has weight 3.
        assert_eq!(digest_bytes(&[0, 0, 0, 0, 0, 0, 0, 0, 1]), 3);
        assert_ne!(digest_bytes(&[1, 0, 0, 0, 0, 0, 0, 0, 2]), digest_bytes(&[2, 0, 0, 0, 0, 0, 0, 0, 1]));
    }

    #[test]
    fn output_reports_dtype_and_shape() {
        let a = Array::from_shape_vec(&[2, 2], vec![1.0f32, 2.0, 3.0, 4.0]).unwrap();
        let out = Output::from(a);
        assert_eq!(out.dtype(), "float32");
        assert_eq!(out.shape(), vec![2, 2]);
        let t = Output::from(Array::from_vec(vec![true, false, true]));
        assert_eq!(t.digest(), 1 + (1 << 16));
    }
}
