//! The ufunc execution path for every arity: two outputs, three inputs, buffered casts of
//! inputs and outputs past one 8,192-element buffer, `where=` masks, in-place calls and
//! kernel-reported floating-point conditions. The expected values are the same kernel
//! applied element by element to operands converted up front: these tests check the
//! machinery (broadcasting, buffering, masks), not a NumPy function.
#![allow(unsafe_code)] // one raw three-input loop, as a sibling crate would write it

use nprs_core::fpstatus::{ErrAction, ErrState, errstate};
use nprs_core::kernel::{
    ElemBinary, ElemBinary2, ElemUnary2, FpFlags, LoopFn, LoopSpec, binary, binary2, run_loop, unary2,
};
use nprs_core::prelude::*;
use nprs_core::{Casting, DynArray, DynViewMut, UfuncOptions, s};

/// Floor quotient and remainder (divmod-like, float64).
struct DivMod;
impl ElemBinary2<f64> for DivMod {
    type Out1 = f64;
    type Out2 = f64;
    fn elem(a: f64, b: f64) -> (f64, f64) {
        ((a / b).floor(), a - (a / b).floor() * b)
    }
}

fn divmod_spec() -> LoopSpec<'static> {
    LoopSpec {
        name: "divmod",
        nin: 2,
        dtypes: &[DType::Float64, DType::Float64, DType::Float64, DType::Float64],
        func: binary2::<DivMod, f64, f64> as LoopFn,
        report_fp: true,
        writes_uninit: false,
    }
}

#[test]
fn two_outputs_with_buffered_casts_and_a_given_output() {
    let n = 20_000; // past two buffers
    let a: Array<i32> = Array::from_vec((0..n).map(|i| i * 7 - 30_000).collect());
    let b = 7.5f64;
    // Output 1 is given as float32 (cast through the buffer); output 0 is new.
    let mut rem = Array::<f32>::zeros(&[n as usize]).unwrap();
    let r = run_loop(
        &divmod_spec(),
        &[(&a).into(), b.into()],
        UfuncOptions::new().out_new().out(DynViewMut::from(rem.view_mut())),
    )
    .unwrap();
    assert!(r[1].is_none());
    let q = r[0].as_ref().unwrap().typed::<f64>().unwrap().to_vec();
    for (i, x) in a.iter().enumerate() {
        let (wq, wr) = DivMod::elem(f64::from(x), b);
        assert_eq!(q[i], wq);
        assert_eq!(rem.to_vec()[i], wr as f32);
    }
}

#[test]
fn two_outputs_on_strided_views_under_a_mask() {
    let a = Array::from_vec((0..40).map(f64::from).collect::<Vec<_>>());
    let sv = a.slice(s![..;2]);
    let mask = DynArray::from(Array::from_vec((0..20).map(|i| i % 3 == 0).collect::<Vec<_>>()));
    let (mut o1, mut o2) = (Array::from_vec(vec![-1.0f64; 20]), Array::from_vec(vec![-1.0f64; 20]));
    run_loop(
        &divmod_spec(),
        &[(&sv).into(), 3.0.into()],
        UfuncOptions::new().where_mask(&mask).out(DynViewMut::from(o1.view_mut())).out(DynViewMut::from(o2.view_mut())),
    )
    .unwrap();
    for i in 0..20 {
        let (wq, wr) = if i % 3 == 0 { DivMod::elem(2.0 * i as f64, 3.0) } else { (-1.0, -1.0) };
        assert_eq!((o1.to_vec()[i], o2.to_vec()[i]), (wq, wr));
    }
}

/// `clip(x, lo, hi)` over float64: a raw three-input loop.
///
/// # Safety
/// The `LoopFn` contract with operands `[x, lo, hi, out]` of float64.
unsafe fn clip_loop(p: &[*mut u8], s: &[isize], n: usize) -> FpFlags {
    for i in 0..n as isize {
        // SAFETY: element `i` of each operand (the loop contract).
        unsafe {
            let x = p[0].offset(i * s[0]).cast::<f64>().read();
            let lo = p[1].offset(i * s[1]).cast::<f64>().read();
            let hi = p[2].offset(i * s[2]).cast::<f64>().read();
            p[3].offset(i * s[3]).cast::<f64>().write(x.max(lo).min(hi));
        }
    }
    FpFlags::NONE
}

#[test]
fn three_inputs_broadcast_and_cast() {
    let x: Array<i16> = Array::from_vec((0..30_000).map(|i| (i % 2000 - 1000) as i16).collect());
    let x = x.into_shape(&[3, 10_000]).unwrap();
    let lo = array![[-500.0f32], [0.0], [100.0]]; // broadcast along rows, cast f32 -> f64
    let spec = LoopSpec {
        name: "clip",
        nin: 3,
        dtypes: &[DType::Float64; 4],
        func: clip_loop,
        report_fp: true,
        writes_uninit: true,
    };
    let r = run_loop(&spec, &[(&x).into(), (&lo).into(), 400i64.into()], UfuncOptions::new()).unwrap();
    let r = r[0].as_ref().unwrap();
    assert_eq!(r.shape(), &[3, 10_000]);
    let got = r.typed::<f64>().unwrap();
    for row in 0..3 {
        let l = f64::from(lo.to_vec()[row]);
        for col in (0..10_000).step_by(37) {
            let v = f64::from(x.to_vec()[row * 10_000 + col]);
            assert_eq!(got.to_vec()[row * 10_000 + col], v.max(l).min(400.0));
        }
    }
    // A cast the rule refuses names the input.
    let e = run_loop(&spec, &[(&x).into(), (&lo).into(), 400i64.into()], UfuncOptions::new().casting(Casting::No))
        .unwrap_err();
    assert_eq!(
        e.to_string(),
        "Cannot cast ufunc 'clip' input 0 from dtype('int16') to dtype('float64') with casting rule 'no'"
    );
}

/// A frexp-like split reporting `INVALID` for NaN itself.
struct Split;
impl ElemUnary2<f64> for Split {
    type Out1 = f64;
    type Out2 = i32;
    fn elem(x: f64) -> (f64, i32) {
        (x.fract(), x.trunc() as i32)
    }
    fn run(x: &[f64], o1: &mut [f64], o2: &mut [i32]) -> FpFlags {
        let mut flags = FpFlags::NONE;
        for ((a, b), &v) in o1.iter_mut().zip(o2.iter_mut()).zip(x) {
            (*a, *b) = Self::elem(v);
            if v.is_nan() {
                flags |= FpFlags::INVALID;
            }
        }
        flags
    }
}

#[test]
fn kernel_flags_reach_the_error_state_once() {
    let spec = LoopSpec {
        name: "split",
        nin: 1,
        dtypes: &[DType::Float64, DType::Float64, DType::Int32],
        func: unary2::<Split, f64>,
        report_fp: true,
        writes_uninit: false,
    };
    let x = array![1.5, f64::NAN, -2.25];
    let e =
        errstate(ErrState::all(ErrAction::Raise), || run_loop(&spec, &[(&x).into()], UfuncOptions::new())).unwrap_err();
    assert_eq!(e.to_string(), "invalid value encountered in split");
    let r =
        errstate(ErrState::all(ErrAction::Ignore), || run_loop(&spec, &[(&x).into()], UfuncOptions::new())).unwrap();
    assert_eq!(r[1].as_ref().unwrap().typed::<i32>().unwrap().to_vec(), vec![1, 0, -2]);
}

/// `a + b` as an element kernel, for the in-place and aliasing paths of the adapters.
struct Plus;
impl ElemBinary<f64> for Plus {
    type Out = f64;
    fn elem(a: f64, b: f64) -> f64 {
        a + b
    }
}

#[test]
fn inplace_through_an_element_kernel() {
    let spec = LoopSpec {
        name: "plus",
        nin: 2,
        dtypes: &[DType::Float64; 3],
        func: binary::<Plus, f64, f64>,
        report_fp: true,
        writes_uninit: false,
    };
    let mut x = DynArray::from(Array::from_vec((0..1000).map(f64::from).collect::<Vec<_>>()));
    let y = Array::from_vec(vec![0.5; 1000]);
    run_loop(&spec, &[(&y).into()], UfuncOptions::new().inplace(x.view_mut())).unwrap();
    let want: Vec<f64> = (0..1000).map(|i| f64::from(i) + 0.5).collect();
    assert_eq!(x.typed::<f64>().unwrap().to_vec(), want);
    // F order kept for an F-ordered input (order='K').
    let f = Array::from_vec((0..6).map(f64::from).collect::<Vec<_>>()).into_shape(&[2, 3]).unwrap();
    let ft = f.t();
    let r = run_loop(&spec, &[(&ft).into(), 1.0.into()], UfuncOptions::new()).unwrap();
    assert!(r[0].as_ref().unwrap().is_f_contiguous());
}
