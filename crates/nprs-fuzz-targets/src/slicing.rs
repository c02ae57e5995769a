//! Basic slicing against a reference implementation of Python's rules.

use std::collections::HashSet;

use nprs_core::{Array, ArrayView, DynView, SliceArg};

use crate::Input;

/// Which slicing arguments the target draws.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SliceRange {
    /// Indices and bounds in `-11..=11`, steps in `-4..=4`.
    Small,
    /// As `Small`, and also values at the ends of `isize` (`isize::MIN`, `isize::MAX`,
    /// ±2^62, the `i32` limits) for indices, bounds and steps.
    Full,
}

const EXTREME: [isize; 8] =
    [isize::MIN, isize::MIN + 1, -(1 << 62), i32::MIN as isize, i32::MAX as isize, 1 << 62, isize::MAX - 1, isize::MAX];

fn value(inp: &mut Input<'_>, range: SliceRange, small: isize) -> isize {
    let b = inp.byte();
    if range == SliceRange::Full && b >= 240 {
        EXTREME[usize::from(b - 240) % EXTREME.len()]
    } else {
        b as i8 as isize % small
    }
}

/// For each position of a source view, the position of its element in the base array.
type Positions<'a> = Box<dyn Fn(&[usize]) -> usize + 'a>;

/// The basic-slicing target over every argument range: see [`slicing_in`].
pub fn slicing(data: &[u8]) {
    slicing_in(data, SliceRange::Full);
}

/// Slices an `arange` array (0 to 4 axes of 0 to 5 elements; C order, transposed or
/// reversed) with 0 to 6 arguments (indices, slices, ranges, new axes, ellipses) drawn
/// from `data`, and checks the result against a reference implementation of Python's
/// slicing: an error exactly when the reference fails; otherwise the shape, every
/// element (read through the view, its iterator and a dynamic view), elements inside the
/// source's memory, and a write through the writable view reaching exactly the selected
/// elements.
///
/// # Panics
/// On any disagreement (and wherever the code under test panics).
pub fn slicing_in(data: &[u8], range: SliceRange) {
    let mut inp = Input::new(data);
    let ndim = inp.below(5);
    let base_shape: Vec<usize> = (0..ndim).map(|_| inp.below(6)).collect();
    let n: usize = base_shape.iter().product();
    let dims: Vec<isize> = base_shape.iter().map(|&d| d as isize).collect();
    let mut base = Array::<i64>::arange(n).into_shape(&dims).expect("a small shape");
    let layout = inp.below(3);
    let rev_all: Vec<SliceArg> = (0..ndim).map(|_| SliceArg::Slice { start: None, stop: None, step: -1 }).collect();
    // The source view and, for each of its positions, the element's value (= its
    // position in `base`).
    let (src_shape, src_at): (Vec<usize>, Positions<'_>) = match layout {
        0 => (base_shape.clone(), Box::new(|ix: &[usize]| flat(&base_shape, ix))),
        1 => {
            let rev: Vec<usize> = base_shape.iter().rev().copied().collect();
            (rev, Box::new(|ix: &[usize]| flat(&base_shape, &ix.iter().rev().copied().collect::<Vec<_>>())))
        }
        _ => (
            base_shape.clone(),
            Box::new(|ix: &[usize]| {
                flat(&base_shape, &ix.iter().zip(&base_shape).map(|(&i, &d)| d - 1 - i).collect::<Vec<_>>())
            }),
        ),
    };
    let nargs = inp.below(7);
    let mut args = Vec::with_capacity(nargs);
    for _ in 0..nargs {
        let arg = match inp.below(9) {
            0 | 1 => SliceArg::Index(value(&mut inp, range, 12)),
            2..=5 => {
                let start = inp.flag().then(|| value(&mut inp, range, 12));
                let stop = inp.flag().then(|| value(&mut inp, range, 12));
                SliceArg::Slice { start, stop, step: value(&mut inp, range, 5) }
            }
            6 => {
                // `a..=b` as `s!` writes it.
                let (a, b) = (value(&mut inp, range, 12), value(&mut inp, range, 12));
                SliceArg::from(a..=b).with_step(value(&mut inp, range, 5))
            }
            7 => SliceArg::NewAxis,
            _ => SliceArg::Ellipsis,
        };
        args.push(arg);
    }
    let expected = reference(&src_shape, &args);
    let src: ArrayView<'_, i64> = match layout {
        0 => base.view(),
        1 => base.t(),
        _ => base.slice(&rev_all),
    };
    let got = src.try_slice(&args);
    let (shape, values) = match (&expected, got) {
        (Err(_), Err(e)) => {
            assert!(matches!(e.numpy_kind(), "IndexError" | "ValueError"), "{args:?}: error kind of {e}");
            return;
        }
        (Err(why), Ok(v)) => panic!("{args:?} on {src_shape:?}: expected an error ({why}), got shape {:?}", v.shape()),
        (Ok(_), Err(e)) => panic!("{args:?} on {src_shape:?}: unexpected error {e}"),
        (Ok((shape, picks)), Ok(v)) => {
            let want: Vec<i64> = picks.iter().map(|ix| src_at(ix) as i64).collect();
            assert_eq!(v.shape(), &shape[..], "{args:?} on {src_shape:?}: shape");
            assert_in_memory(&v, base.as_ptr(), n, &args);
            assert_eq!(v.to_vec(), want, "{args:?} on {src_shape:?}: elements");
            assert_eq!(v.iter().collect::<Vec<_>>(), want, "{args:?}: iterator");
            let dyn_src = DynView::from(src.clone());
            let dynamic = dyn_src.try_slice(&args).expect("the dynamic view slices as the typed one");
            assert_eq!(dynamic.shape(), &shape[..], "{args:?}: dynamic shape");
            assert_eq!(dynamic.typed::<i64>().expect("i64").to_vec(), want, "{args:?}: dynamic elements");
            (shape.clone(), want)
        }
    };
    // Writes reach exactly the selected elements.
    if layout == 1 {
        return;
    }
    let written = {
        let whole = base.view_mut();
        let src = if layout == 0 { whole } else { whole.slice_move(&rev_all).expect("reversal") };
        let mut v = src.slice_move(&args).expect("the writable view slices as the read-only one");
        assert_eq!(v.shape(), &shape[..], "{args:?}: writable shape");
        v.fill(-1);
        values.iter().map(|&x| x as usize).collect::<HashSet<_>>()
    };
    for (i, x) in base.iter().enumerate() {
        let want = if written.contains(&i) { -1 } else { i as i64 };
        assert_eq!(x, want, "{args:?} on {src_shape:?}: element {i} after writing through the view");
    }
}

/// The C-order position of `ix` in `shape`.
fn flat(shape: &[usize], ix: &[usize]) -> usize {
    ix.iter().zip(shape).fold(0, |acc, (&i, &d)| acc * d + i)
}

/// Every element of `v` lies in the `n` elements from `base`.
fn assert_in_memory(v: &ArrayView<'_, i64>, base: *const i64, n: usize, args: &[SliceArg]) {
    if v.size() == 0 {
        return;
    }
    let (mut lo, mut hi) = (0i128, 0i128);
    for (&d, &s) in v.shape().iter().zip(&v.strides_elems()) {
        let far = (d as i128 - 1) * s as i128;
        if far < 0 {
            lo += far;
        } else {
            hi += far;
        }
    }
    let start = (v.as_ptr() as usize).wrapping_sub(base as usize) as isize as i128 / size_of::<i64>() as i128;
    assert!(
        start + lo >= 0 && start + hi < n as i128,
        "{args:?}: view spans elements {}..={} of {n}",
        start + lo,
        start + hi
    );
}

/// Python's `slice(start, stop, step).indices(len)` as the list of indices it selects.
fn py_slice(start: Option<isize>, stop: Option<isize>, step: isize, len: usize) -> Vec<usize> {
    let (n, step) = (len as i128, step as i128);
    let (lo, hi) = if step < 0 { (-1, n - 1) } else { (0, n) };
    let clamp = |v: isize| {
        let v = v as i128;
        if v < 0 { (v + n).max(lo) } else { v.min(hi) }
    };
    let mut i = start.map_or(if step < 0 { hi } else { lo }, clamp);
    let stop = stop.map_or(if step < 0 { lo } else { hi }, clamp);
    let mut out = Vec::new();
    while (step > 0 && i < stop) || (step < 0 && i > stop) {
        out.push(i as usize);
        i += step;
    }
    out
}

/// NumPy's basic slicing, written plainly: the result's shape and, for each of its
/// elements in C order, the source position it shows; or why NumPy raises.
fn reference(shape: &[usize], args: &[SliceArg]) -> Result<(Vec<usize>, Vec<Vec<usize>>), &'static str> {
    if args.iter().filter(|a| matches!(a, SliceArg::Ellipsis)).count() > 1 {
        return Err("more than one ellipsis");
    }
    let consumed = args.iter().filter(|a| matches!(a, SliceArg::Index(_) | SliceArg::Slice { .. })).count();
    if consumed > shape.len() {
        return Err("too many indices");
    }
    // Each output axis: the source axis and the positions it takes, or a new axis.
    let mut out: Vec<Option<(usize, Vec<usize>)>> = Vec::new();
    let mut fixed = vec![0usize; shape.len()];
    let mut ax = 0;
    let full = |ax: usize| Some((ax, (0..shape[ax]).collect::<Vec<_>>()));
    for arg in args {
        match *arg {
            SliceArg::Index(i) => {
                let len = shape[ax] as i128;
                let i = i as i128;
                if i < -len || i >= len {
                    return Err("index out of bounds");
                }
                fixed[ax] = if i < 0 { (i + len) as usize } else { i as usize };
                ax += 1;
            }
            SliceArg::Slice { start, stop, step } => {
                if step == 0 {
                    return Err("zero step");
                }
                out.push(Some((ax, py_slice(start, stop, step, shape[ax]))));
                ax += 1;
            }
            SliceArg::NewAxis => out.push(None),
            SliceArg::Ellipsis => {
                for _ in 0..shape.len() - consumed {
                    out.push(full(ax));
                    ax += 1;
                }
            }
        }
    }
    while ax < shape.len() {
        out.push(full(ax));
        ax += 1;
    }
    let out_shape: Vec<usize> = out.iter().map(|a| a.as_ref().map_or(1, |(_, p)| p.len())).collect();
    let mut picks = vec![fixed];
    for axis in &out {
        let Some((src_ax, positions)) = axis else { continue };
        picks = picks
            .into_iter()
            .flat_map(|p| {
                positions.iter().map(move |&i| {
                    let mut q = p.clone();
                    q[*src_ax] = i;
                    q
                })
            })
            .collect();
    }
    Ok((out_shape, picks))
}
