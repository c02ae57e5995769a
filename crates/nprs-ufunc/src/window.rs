//! Window functions (`bartlett`, `blackman`, `hamming`, `hanning`, `kaiser`) and the
//! modified Bessel function of the first kind of order zero, `i0`.
//!
//! The formulas are NumPy's, evaluated in the same order: the windows on `float64`
//! positions `n = arange(1 - M, M, 2)` (`arange(0, M)` for Kaiser), `i0` by the Cephes
//! Chebyshev expansions NumPy uses (one below 8, one above), in the input's float type.
//!
//! ```
//! use nprs_ufunc::window::{hanning, kaiser};
//! let w = hanning(5);
//! assert_eq!(w.to_vec(), vec![0.0, 0.5, 1.0, 0.5, 0.0]);
//! assert_eq!(kaiser(1, 5.0).to_vec(), vec![1.0]);
//! ```

use std::f64::consts::PI;

use half::f16;
use nprs_core::dynarray::DynData;
use nprs_core::kernel::{Data, map};
use nprs_core::{Array, ArrayBase, ArrayView, DType, DynArray, DynBase, Element, Error, Result};

/// Chebyshev coefficients of `exp(-x) I0(x)` on `[0, 8]` (Cephes, as NumPy's `_i0A`).
#[allow(clippy::excessive_precision)] // Cephes' published digits, as NumPy lists them
const I0_A: [f64; 30] = [
    -4.415_341_646_479_339_379_50E-18,
    3.330_794_518_822_238_097_83E-17,
    -2.431_279_846_547_954_693_59E-16,
    1.715_391_285_555_133_030_61E-15,
    -1.168_533_287_799_345_168_08E-14,
    7.676_185_498_604_935_616_88E-14,
    -4.856_446_783_111_929_460_90E-13,
    2.955_052_663_129_639_834_61E-12,
    -1.726_826_291_441_555_707_23E-11,
    9.675_809_035_373_236_912_24E-11,
    -5.189_795_601_635_262_906_66E-10,
    2.659_823_724_682_386_650_35E-9,
    -1.300_025_009_986_248_042_12E-8,
    6.046_995_022_541_918_949_32E-8,
    -2.670_793_853_940_611_733_91E-7,
    1.117_387_539_120_103_718_15E-6,
    -4.416_738_358_458_750_563_59E-6,
    1.644_844_807_072_889_708_93E-5,
    -5.754_195_010_082_103_703_98E-5,
    1.885_028_850_958_416_557_29E-4,
    -5.763_755_745_385_823_658_85E-4,
    1.639_475_616_941_335_798_42E-3,
    -4.324_309_995_050_575_944_30E-3,
    1.054_646_039_459_499_831_83E-2,
    -2.373_741_480_589_946_881_56E-2,
    4.930_528_423_967_070_848_78E-2,
    -9.490_109_704_804_764_442_10E-2,
    1.716_209_015_222_087_753_49E-1,
    -3.046_826_723_431_983_986_83E-1,
    6.767_952_744_094_760_849_95E-1,
];

/// Chebyshev coefficients of `exp(-x) sqrt(x) I0(x)` in `32/x - 2` on `(8, ∞)` (Cephes, as
/// NumPy's `_i0B`).
#[allow(clippy::excessive_precision)] // Cephes' published digits, as NumPy lists them
const I0_B: [f64; 25] = [
    -7.233_180_487_874_753_954_56E-18,
    -4.830_504_485_944_182_071_26E-18,
    4.465_621_420_296_759_999_01E-17,
    3.461_222_867_697_461_093_10E-17,
    -2.827_623_980_516_583_484_94E-16,
    -3.425_485_619_677_219_134_62E-16,
    1.772_560_133_056_526_383_60E-15,
    3.811_680_669_352_622_420_75E-15,
    -9.554_846_698_828_307_648_70E-15,
    -4.150_569_347_287_222_086_63E-14,
    1.540_086_217_521_409_826_91E-14,
    3.852_778_382_742_142_701_14E-13,
    7.180_124_451_383_666_233_67E-13,
    -1.794_178_531_506_806_117_78E-12,
    -1.321_581_184_044_771_311_88E-11,
    -3.149_916_527_963_241_364_54E-11,
    1.188_914_710_784_643_834_24E-11,
    4.940_602_388_224_969_589_10E-10,
    3.396_232_025_708_386_345_15E-9,
    2.266_668_990_498_178_064_59E-8,
    2.048_918_589_469_063_741_83E-7,
    2.891_370_520_834_756_482_97E-6,
    6.889_758_346_916_823_984_26E-5,
    3.369_116_478_255_694_089_90E-3,
    8.044_904_110_141_088_316_08E-1,
];

/// The float types `i0` computes in, each operation rounded to the type as NumPy's loops
/// round it (float16 operations run in float32 and round once, as NumPy's `e` loops do).
pub trait I0Float: Element {
    /// A Python float constant in this type (NEP 50: the array's type wins).
    fn lit(x: f64) -> Self;
    /// `a + b`.
    fn add(a: Self, b: Self) -> Self;
    /// `a - b`.
    fn sub(a: Self, b: Self) -> Self;
    /// `a * b`.
    fn mul(a: Self, b: Self) -> Self;
    /// `a / b`.
    fn div(a: Self, b: Self) -> Self;
    /// `exp(a)`.
    fn exp(a: Self) -> Self;
    /// `sqrt(a)`.
    fn sqrt(a: Self) -> Self;
    /// `abs(a)`.
    fn abs(a: Self) -> Self;
    /// `a <= 8`.
    fn le8(a: Self) -> bool;
}

macro_rules! i0_float {
    ($t:ty) => {
        impl I0Float for $t {
            #[allow(clippy::cast_possible_truncation)] // rounding a Python float to the array's type
            fn lit(x: f64) -> Self {
                x as $t
            }
            fn add(a: Self, b: Self) -> Self {
                a + b
            }
            fn sub(a: Self, b: Self) -> Self {
                a - b
            }
            fn mul(a: Self, b: Self) -> Self {
                a * b
            }
            fn div(a: Self, b: Self) -> Self {
                a / b
            }
            fn exp(a: Self) -> Self {
                a.exp()
            }
            fn sqrt(a: Self) -> Self {
                a.sqrt()
            }
            fn abs(a: Self) -> Self {
                a.abs()
            }
            fn le8(a: Self) -> bool {
                a <= 8.0
            }
        }
    };
}
i0_float!(f32);
i0_float!(f64);

impl I0Float for f16 {
    fn lit(x: f64) -> Self {
        f16::from_f64(x)
    }
    fn add(a: Self, b: Self) -> Self {
        f16::from_f32(a.to_f32() + b.to_f32())
    }
    fn sub(a: Self, b: Self) -> Self {
        f16::from_f32(a.to_f32() - b.to_f32())
    }
    fn mul(a: Self, b: Self) -> Self {
        f16::from_f32(a.to_f32() * b.to_f32())
    }
    fn div(a: Self, b: Self) -> Self {
        f16::from_f32(a.to_f32() / b.to_f32())
    }
    fn exp(a: Self) -> Self {
        f16::from_f32(a.to_f32().exp())
    }
    fn sqrt(a: Self) -> Self {
        f16::from_f32(a.to_f32().sqrt())
    }
    fn abs(a: Self) -> Self {
        f16::from_f32(a.to_f32().abs())
    }
    fn le8(a: Self) -> bool {
        a.to_f32() <= 8.0
    }
}

/// The Chebyshev series `coef` at `x` (Clenshaw's recurrence, as Cephes' `chbevl`).
fn chbevl<F: I0Float>(x: F, coef: &[f64]) -> F {
    let mut b0 = F::lit(coef[0]);
    let mut b1 = F::lit(0.0);
    let mut b2 = b1;
    for &c in &coef[1..] {
        b2 = b1;
        b1 = b0;
        b0 = F::add(F::sub(F::mul(x, b1), b2), F::lit(c));
    }
    F::mul(F::lit(0.5), F::sub(b0, b2))
}

/// `I0(x)` of one value, in the value's type.
fn i0_scalar<F: I0Float>(x: F) -> F {
    let x = F::abs(x);
    if F::le8(x) {
        let y = F::sub(F::div(x, F::lit(2.0)), F::lit(2.0));
        F::mul(F::exp(x), chbevl(y, &I0_A))
    } else {
        let y = F::sub(F::div(F::lit(32.0), x), F::lit(2.0));
        F::div(F::mul(F::exp(x), chbevl(y, &I0_B)), F::sqrt(x))
    }
}

/// `i0` of a float view of type `F`.
fn i0_view<F: I0Float>(a: &ArrayView<'_, F>) -> DynArray {
    DynArray::from(map(a, i0_scalar::<F>))
}

/// `i0` of the elements of a dynamic array as type `F` (a copy only when byte-swapped or
/// unaligned).
fn i0_as<F: I0Float, S: DynData>(x: &DynBase<S>) -> Result<DynArray> {
    match x.typed::<F>() {
        Ok(v) => Ok(i0_view(&v)),
        Err(_) => Ok(i0_view(&x.to_typed::<F>()?.view())),
    }
}

/// `numpy.i0(x)` of a dynamic array: float16, float32 and float64 keep their type;
/// booleans and integers are computed in float64.
///
/// ```
/// use nprs_core::{DynArray, array};
/// use nprs_ufunc::window::i0_dyn;
/// let r = i0_dyn(&DynArray::from(array![0i64, 1])).unwrap();
/// assert_eq!(r.dtype().name(), "float64");
/// assert_eq!(r.typed::<f64>().unwrap().get(&[0]).unwrap(), 1.0);
/// ```
///
/// # Errors
/// A complex array ("i0 not supported for complex values", a `TypeError`); a dtype that
/// does not convert to float64 (strings that are not numbers).
pub fn i0_dyn<S: DynData>(x: &DynBase<S>) -> Result<DynArray> {
    match x.dtype().numeric() {
        Some(DType::Complex64 | DType::Complex128) => Err(Error::I0Complex),
        Some(DType::Float16) => i0_as::<f16, S>(x),
        Some(DType::Float32) => i0_as::<f32, S>(x),
        Some(DType::Float64) => i0_as::<f64, S>(x),
        _ => i0_as::<f64, _>(&x.astype(&DType::Float64.into())?),
    }
}

/// The element types `i0` accepts and the type it returns for each (floats keep theirs;
/// booleans and integers give float64).
pub trait I0Elem: Element {
    /// The result's element type.
    type Out: I0Float;
}

macro_rules! i0_elem {
    ($($t:ty => $o:ty),*) => {$(impl I0Elem for $t { type Out = $o; })*};
}
i0_elem!(bool => f64, i8 => f64, i16 => f64, i32 => f64, i64 => f64, u8 => f64, u16 => f64, u32 => f64, u64 => f64,
    f16 => f16, f32 => f32, f64 => f64);

/// `numpy.i0(x)`: the modified Bessel function of the first kind, order 0, of each element.
///
/// ```
/// use nprs_core::array;
/// use nprs_ufunc::window::i0;
/// let r = i0(&array![0.0, 1.0, 10.0]).unwrap();
/// assert_eq!(r.get(&[0]).unwrap(), 1.0);
/// let one: f64 = r.get(&[1]).unwrap();
/// assert!((one - 1.266_065_877_752_008_4).abs() < 1e-15);
/// ```
///
/// # Errors
/// None for the element types it accepts; the `Result` is the dynamic form's.
pub fn i0<S: Data>(x: &ArrayBase<S>) -> Result<Array<<S::Elem as I0Elem>::Out>>
where
    S::Elem: I0Elem,
{
    i0_dyn(&nprs_core::DynView::from(x.view()))?.into_typed()
}

/// `float64` positions `1 - M, 3 - M, …, M - 1` (`numpy.arange(1 - M, M, 2)`).
fn symmetric_positions(m: usize) -> impl Iterator<Item = f64> {
    let start = 1.0 - m as f64;
    (0..m).map(move |i| start + 2.0 * i as f64)
}

/// A window of `m` points from `f(n, M - 1)` at the symmetric positions; empty for
/// `m < 1` and `[1.0]` for `m == 1`, as NumPy.
fn window(m: isize, f: impl Fn(f64, f64) -> f64) -> Array<f64> {
    let Ok(m) = usize::try_from(m) else { return Array::from_vec(Vec::new()) };
    if m <= 1 {
        return Array::from_vec(vec![1.0; m]);
    }
    let d = m as f64 - 1.0;
    Array::from_vec(symmetric_positions(m).map(|n| f(n, d)).collect())
}

/// `numpy.bartlett(M)`: the triangular window of `M` points, zero at both ends.
///
/// ```
/// use nprs_ufunc::window::bartlett;
/// assert_eq!(bartlett(5).to_vec(), vec![0.0, 0.5, 1.0, 0.5, 0.0]);
/// assert!(bartlett(0).to_vec().is_empty());
/// ```
#[must_use]
pub fn bartlett(m: isize) -> Array<f64> {
    window(m, |n, d| if n <= 0.0 { 1.0 + n / d } else { 1.0 - n / d })
}

/// `numpy.blackman(M)`: the Blackman window of `M` points.
///
/// ```
/// use nprs_ufunc::window::blackman;
/// let w = blackman(3);
/// assert!(w.get(&[0]).unwrap().abs() < 1e-16);
/// assert!((w.get(&[1]).unwrap() - 1.0).abs() < 1e-15); // 0.9999999999999999, as NumPy
/// ```
#[must_use]
pub fn blackman(m: isize) -> Array<f64> {
    window(m, |n, d| 0.42 + 0.5 * (PI * n / d).cos() + 0.08 * (2.0 * PI * n / d).cos())
}

/// `numpy.hamming(M)`: the Hamming window of `M` points.
///
/// ```
/// use nprs_ufunc::window::hamming;
/// let w = hamming(3);
/// assert!((w.get(&[0]).unwrap() - 0.08).abs() < 1e-15);
/// assert_eq!(w.get(&[1]).unwrap(), 1.0);
/// ```
#[must_use]
pub fn hamming(m: isize) -> Array<f64> {
    window(m, |n, d| 0.54 + 0.46 * (PI * n / d).cos())
}

/// `numpy.hanning(M)`: the Hann window of `M` points.
///
/// ```
/// use nprs_ufunc::window::hanning;
/// assert_eq!(hanning(3).to_vec(), vec![0.0, 1.0, 0.0]);
/// ```
#[must_use]
pub fn hanning(m: isize) -> Array<f64> {
    window(m, |n, d| 0.5 + 0.5 * (PI * n / d).cos())
}

/// `numpy.kaiser(M, beta)`: the Kaiser window of `M` points with shape parameter `beta`,
/// `I0(beta * sqrt(1 - ((n - alpha) / alpha)²)) / I0(beta)` for `n` in `0..M` and
/// `alpha = (M - 1) / 2`; empty for `M < 1`, `[1.0]` for `M == 1`.
///
/// ```
/// use nprs_ufunc::window::kaiser;
/// let w = kaiser(4, 0.0);
/// assert_eq!(w.to_vec(), vec![1.0; 4]);
/// ```
#[must_use]
pub fn kaiser(m: isize, beta: f64) -> Array<f64> {
    let Ok(m) = usize::try_from(m) else { return Array::from_vec(Vec::new()) };
    if m == 1 {
        return Array::from_vec(vec![1.0]);
    }
    let alpha = (m as f64 - 1.0) / 2.0;
    let denom = i0_scalar(beta);
    Array::from_vec(
        (0..m)
            .map(|n| {
                let r = (n as f64 - alpha) / alpha;
                i0_scalar(beta * (1.0 - r * r).sqrt()) / denom
            })
            .collect(),
    )
}
