//! The one-pass forms of the masked ufuncs and of `var`/`std` along an outer axis give
//! exactly what the general forms give (which the oracle tests hold to NumPy): the same
//! arrays in C order (the one-pass form) and in Fortran order (the general form), with
//! random data full of the awkward values (zeros of both signs, NaN, infinities, values
//! at a domain's edge, overflowing products) and random masks, large enough to be split
//! over threads and to leave a partial last block.

use nprs_core::{Array, DType, DynArray, Element, Order};
use nprs_ma::{self as ma, MaskedArray};

/// A small deterministic generator (splitmix64).
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }
    fn unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }
}

const AWKWARD: [f64; 12] =
    [0.0, -0.0, f64::NAN, f64::INFINITY, f64::NEG_INFINITY, 1.0, -1.0, 1e300, -1e300, 1e-310, 0.999_999_9, 2.0];

fn values(rng: &mut Rng, n: usize) -> Vec<f64> {
    (0..n)
        .map(|_| {
            let r = rng.next();
            if r.is_multiple_of(8) { AWKWARD[(r >> 8) as usize % AWKWARD.len()] } else { rng.unit() * 4.0 - 2.0 }
        })
        .collect()
}

fn mask(rng: &mut Rng, n: usize) -> Array<bool> {
    Array::from_vec((0..n).map(|_| rng.next().is_multiple_of(10)).collect())
}

/// The same masked array twice: C order, and Fortran order (which the one-pass forms
/// leave to the general ones).
fn both<T: Element>(data: Vec<T>, m: &Array<bool>, shape: &[usize]) -> (MaskedArray, MaskedArray) {
    let c = Array::from_shape_vec(shape, data).unwrap();
    let mc = m.to_owned().into_shape(shape).unwrap();
    let f = c.to_owned_order(Order::F);
    assert!(shape.len() < 2 || f.as_slice().is_none(), "a Fortran-order copy is not C-contiguous");
    let mf = mc.to_owned_order(Order::F);
    (ma::masked_array(DynArray::from(c), &mc).unwrap(), ma::masked_array(DynArray::from(f), &mf).unwrap())
}

fn same(a: &MaskedArray, b: &MaskedArray, what: &str) {
    assert_eq!(a.dtype(), b.dtype(), "{what}: dtype");
    assert_eq!(a.shape(), b.shape(), "{what}: shape");
    let bits = |m: &MaskedArray| -> Vec<u64> {
        let d = m.data().astype(&DType::Float64.into()).unwrap().into_typed::<f64>().unwrap();
        d.to_owned_order(Order::C).to_vec().iter().map(|x| x.to_bits()).collect()
    };
    let (x, y) = (bits(a), bits(b));
    if let Some(i) = x.iter().zip(&y).position(|(p, q)| p != q) {
        panic!("{what}: data differ at {i}: {} vs {}", f64::from_bits(x[i]), f64::from_bits(y[i]));
    }
    let masks = |m: &MaskedArray| m.mask_array().unwrap().to_owned_order(Order::C).to_vec();
    assert_eq!(masks(a), masks(b), "{what}: mask");
}

fn ufunc(name: &str) -> &'static nprs_ufunc::Ufunc {
    nprs_ufunc::by_name(name).unwrap()
}

#[test]
fn one_pass_ufuncs_match_the_general_path() {
    let mut rng = Rng(1);
    // 500 x 601: past the parallel threshold, with a partial last block.
    let shape = [500, 601];
    let n = shape[0] * shape[1];
    let (x, y) = (values(&mut rng, n), values(&mut rng, n));
    let (mx, my) = (mask(&mut rng, n), mask(&mut rng, n));
    let (a64, a64f) = both(x.clone(), &mx, &shape);
    let (b64, b64f) = both(y.clone(), &my, &shape);
    let x32: Vec<f32> = x.iter().map(|&v| v as f32).collect();
    let (a32, a32f) = both(x32, &mx, &shape);
    let (b32, b32f) = both(y.iter().map(|&v| v as f32).collect::<Vec<f32>>(), &my, &shape);
    for name in ["log", "log2", "log10", "sqrt", "arcsin", "arccos", "arccosh", "arctanh", "exp", "negative", "floor"] {
        let u = ufunc(name);
        same(&ma::apply(u, &[(&a64).into()]).unwrap(), &ma::apply(u, &[(&a64f).into()]).unwrap(), name);
        same(&ma::apply(u, &[(&a32).into()]).unwrap(), &ma::apply(u, &[(&a32f).into()]).unwrap(), name);
    }
    for name in ["add", "subtract", "multiply", "maximum", "hypot", "arctan2"] {
        let u = ufunc(name);
        let fast = ma::apply(u, &[(&a64).into(), (&b64).into()]).unwrap();
        same(&fast, &ma::apply(u, &[(&a64f).into(), (&b64f).into()]).unwrap(), name);
        let fast = ma::apply(u, &[(&a32).into(), (&b32).into()]).unwrap();
        same(&fast, &ma::apply(u, &[(&a32f).into(), (&b32f).into()]).unwrap(), name);
        // One operand without a mask.
        let plain = DynArray::from(Array::from_shape_vec(&shape, y.clone()).unwrap());
        let fast = ma::apply(u, &[(&a64).into(), (&plain).into()]).unwrap();
        same(&fast, &ma::apply(u, &[(&a64f).into(), (&b64f.data().clone()).into()]).unwrap(), name);
    }
    let ints: Vec<i64> = (0..n).map(|_| rng.next() as i64 >> 2).collect();
    let (i, i_f) = both(ints, &my, &shape);
    for name in ["add", "multiply", "subtract"] {
        let u = ufunc(name);
        same(
            &ma::apply(u, &[(&i).into(), (&i).into()]).unwrap(),
            &ma::apply(u, &[(&i_f).into(), (&i_f).into()]).unwrap(),
            name,
        );
    }
}

#[test]
fn one_pass_var_matches_the_general_path() {
    let mut rng = Rng(2);
    for shape in [vec![300, 700], vec![4, 90, 333], vec![1, 5]] {
        let n: usize = shape.iter().product();
        let mut x: Vec<f64> = (0..n).map(|_| rng.unit() * 10.0 - 5.0).collect();
        let mut m = mask(&mut rng, n).to_vec();
        let inner: usize = shape[shape.len() - 1];
        // A column fully masked, one holding an infinity, one of negative zeros.
        if inner > 3 {
            for r in 0..n / inner {
                m[r * inner] = true;
                x[r * inner + 2] = -0.0;
                m[r * inner + 2] = false;
            }
            if n > inner + 1 {
                x[inner + 1] = f64::INFINITY;
            }
        }
        let m = Array::from_vec(m).into_shape(&shape[..]).unwrap();
        let native = DynArray::from(Array::from_shape_vec(&shape, x).unwrap());
        // The general form's input: the same values, C order, big-endian (the one-pass form
        // takes native float64 only). Its sums run in the same order, as NumPy's do.
        let swapped = native.astype(&">f8".parse::<nprs_core::Descr>().unwrap()).unwrap();
        let opts = nprs_ufunc::ufunc::ReduceOptions::new().axis(0);
        let add = nprs_ufunc::by_name("add").unwrap();
        let bits = |r: DynArray| -> Vec<u64> {
            r.astype(&DType::Float64.into())
                .unwrap()
                .into_typed::<f64>()
                .unwrap()
                .to_vec()
                .iter()
                .map(|v| v.to_bits())
                .collect()
        };
        assert_eq!(
            bits(add.reduce(&native.view(), &opts).unwrap()),
            bits(add.reduce(&swapped.view(), &opts).unwrap()),
            "sums along axis 0 of native and byte-swapped data agree"
        );
        let c = ma::masked_array(native, &m).unwrap();
        let f = ma::masked_array(swapped, &m).unwrap();
        for axis in 0..shape.len() as isize - 1 {
            for (ddof, keep) in [(0, false), (1, true), (2, false)] {
                let what = format!("var {shape:?} axis {axis} ddof {ddof} keepdims {keep}");
                same(&c.var(Some(axis), ddof, keep).unwrap(), &f.var(Some(axis), ddof, keep).unwrap(), &what);
                same(&c.std(Some(axis), ddof, keep).unwrap(), &f.std(Some(axis), ddof, keep).unwrap(), &what);
            }
        }
    }
}

#[test]
fn masked_invalid_masks_every_non_finite_value() {
    let mut rng = Rng(3);
    let x = values(&mut rng, 300_001);
    let m = mask(&mut rng, x.len());
    let a = ma::masked_array(DynArray::from(Array::from_vec(x.clone())), &m).unwrap();
    let r = ma::masked_invalid(a).unwrap();
    let got = r.mask_array().unwrap().to_vec();
    for (i, (&v, k)) in x.iter().zip(m.iter()).enumerate() {
        assert_eq!(got[i], k || !v.is_finite(), "element {i} ({v})");
    }
    let plain = ma::masked_invalid(MaskedArray::new(DynArray::from(Array::from_vec(vec![1.0f32, 2.0])))).unwrap();
    assert_eq!(plain.mask_array().unwrap().to_vec(), vec![false, false], "an all-False mask, never nomask");
}
