//! The buffered elementwise loop behind dynamic binary operations: mixed dtypes in every
//! layout, `dtype=`, `casting=`, `out=`, `where=` and floating-point error states.
//! Expected values are NumPy 2.4.6's (the printed results are quoted next to each).

use nprs_core::dynarray::{BinaryOp, binary, binary_out, binary_with};
use nprs_core::fpstatus::{ErrAction, ErrState, errstate};
use nprs_core::prelude::*;
use nprs_core::{Casting, DynArray, DynViewMut, UfuncOptions};

const OPS: [BinaryOp; 6] = [
    BinaryOp::Add,
    BinaryOp::Subtract,
    BinaryOp::Multiply,
    BinaryOp::Divide,
    BinaryOp::Remainder,
    BinaryOp::FloorDivide,
];

/// Mixed dtypes through the buffers give what converting whole operands first gives, for
/// sizes across several buffer fills, strided, transposed and broadcast operands.
#[test]
fn mixed_dtypes_match_converting_first() {
    let n: i32 = 3 * 8192 + 17;
    let ints = DynArray::from(Array::from_vec((0..n).map(|i| i % 97 - 40).collect()));
    let floats = DynArray::from(Array::from_vec((0..n).map(|i| (i % 13) as f32 * 0.75 + 1.0).collect()));
    let wide = DynArray::from(Array::from_vec((0..n).map(|i| f64::from(i) * 0.5 - 9.0).collect()));
    let ignore = ErrState::all(ErrAction::Ignore);
    for op in OPS {
        for (a, b) in [(&ints, &wide), (&wide, &ints), (&floats, &ints), (&ints, &floats)] {
            let got = errstate(ignore, || binary(op, a, b)).unwrap();
            let t = got.dtype().clone();
            let want = errstate(ignore, || binary(op, &a.astype(&t).unwrap(), &b.astype(&t).unwrap())).unwrap();
            assert_eq!(got.to_bytes(), want.to_bytes(), "{op:?} {:?} {:?}", a.dtype(), b.dtype());
        }
    }
    // Strided, reversed, transposed and broadcast operands.
    let m = DynArray::from(Array::<i16>::arange(300 * 200).into_shape(&[300, 200]).unwrap());
    let f = DynArray::from(Array::<f64>::arange(200 * 300).into_shape(&[200, 300]).unwrap());
    let row = DynArray::from(Array::<u8>::arange(200));
    let cases: Vec<(DynArray, DynArray)> = vec![
        (m.t().to_owned(), f.clone()),
        (m.try_slice(s![..;2, ..;-3]).unwrap().to_owned(), f.t().try_slice(s![..;2, ..;-3]).unwrap().to_owned()),
        (m.clone(), row.clone()),
    ];
    for (a, b) in &cases {
        // Views (not the owned copies above) go through the buffered loop.
        let got = binary(BinaryOp::Multiply, a, b).unwrap();
        let t = got.dtype().clone();
        let want = binary(BinaryOp::Multiply, &a.astype(&t).unwrap(), &b.astype(&t).unwrap()).unwrap();
        assert_eq!(got.to_bytes(), want.to_bytes());
    }
    let got = binary(BinaryOp::Add, &m.t(), &f).unwrap();
    let want = binary(BinaryOp::Add, &m.t().astype(&f.dtype().clone()).unwrap(), &f).unwrap();
    assert_eq!(got.to_bytes(), want.to_bytes());
    let got = binary(BinaryOp::Subtract, &m.try_slice(s![..;-1, 1..;3]).unwrap(), &row.try_slice(s![1..;3]).unwrap())
        .unwrap();
    let want = binary(
        BinaryOp::Subtract,
        &m.try_slice(s![..;-1, 1..;3]).unwrap(),
        &row.try_slice(s![1..;3]).unwrap().astype(&m.dtype().clone()).unwrap(),
    )
    .unwrap();
    assert_eq!(got.to_bytes(), want.to_bytes());
}

#[test]
fn typed_operands_mix_with_dynamic_ones() {
    let a = array![1i32, 2, 3];
    let b = DynArray::from(array![0.5f64, -1.5, 2.25]);
    // np.add(a, b) -> [1.5 0.5 5.25]
    let r = binary(BinaryOp::Add, &a, &b).unwrap();
    assert_eq!(r.typed::<f64>().unwrap().to_vec(), vec![1.5, 0.5, 5.25]);
    let r = binary(BinaryOp::Add, &b, &a).unwrap();
    assert_eq!(r.typed::<f64>().unwrap().to_vec(), vec![1.5, 0.5, 5.25]);
    // The operators: a - b -> [ 0.5  3.5  0.75], b * a -> [ 0.5 -3.    6.75]
    assert_eq!((&a - &b).typed::<f64>().unwrap().to_vec(), vec![0.5, 3.5, 0.75]);
    assert_eq!((&b * &a).typed::<f64>().unwrap().to_vec(), vec![0.5, -3.0, 6.75]);
    // np.less(a, b) -> [False False False], np.greater_equal(b, a.astype(np.int8)) -> [False False False]
    assert_eq!(b.greater(&a).unwrap().typed::<bool>().unwrap().to_vec(), vec![false, false, false]);
    assert_eq!(
        DynArray::from(a.clone()).less(&b).unwrap().typed::<bool>().unwrap().to_vec(),
        vec![false, false, false]
    );
}

#[test]
fn mixed_comparisons_match_converting_first() {
    let n: i32 = 2 * 8192 + 5;
    let ints = DynArray::from(Array::from_vec((0..n).map(|i| i % 50 - 25).collect()));
    let floats = DynArray::from(Array::from_vec((0..n).map(|i| f64::from(i % 7) * 4.5 - 12.0).collect()));
    for a in [&ints, &floats] {
        for b in [&ints, &floats] {
            for r in [a.less(b), a.greater_equal(b), a.equal(b), a.not_equal(b)] {
                let r = r.unwrap();
                assert_eq!(r.dtype().name(), "bool");
            }
            let got = a.less_equal(b).unwrap();
            let t = nprs_core::promote_types(a.dtype(), b.dtype()).unwrap();
            let want = a.astype(&t).unwrap().less_equal(&b.astype(&t).unwrap()).unwrap();
            assert_eq!(got.to_bytes(), want.to_bytes());
        }
    }
    // NaN compares unordered and raises nothing even under errstate(all='raise').
    let nan = DynArray::from(array![f64::NAN, 1.0]);
    let r = errstate(ErrState::all(ErrAction::Raise), || nan.less(&DynArray::from(array![1i32, 2]))).unwrap();
    assert_eq!(r.typed::<bool>().unwrap().to_vec(), vec![false, true]);
}

#[test]
fn dtype_and_casting_pin_the_loop() {
    let a = DynArray::from(array![1i32, 2, 3]);
    let b = DynArray::from(array![0.5f64, -1.5, 2.25]);
    // np.add(a, b, dtype=np.float32) -> [1.5  0.5  5.25] float32
    let r = binary_with(BinaryOp::Add, &a, &b, &UfuncOptions::new().dtype(DType::Float32)).unwrap();
    assert_eq!(r.typed::<f32>().unwrap().to_vec(), vec![1.5, 0.5, 5.25]);
    // np.add(b, b, dtype=np.int32)
    let e = binary_with(BinaryOp::Add, &b, &b, &UfuncOptions::new().dtype(DType::Int32)).unwrap_err();
    assert_eq!(
        e.to_string(),
        "Cannot cast ufunc 'add' input 0 from dtype('float64') to dtype('int32') with casting rule 'same_kind'"
    );
    assert_eq!(e.numpy_kind(), "UFuncTypeError");
    // np.add(a, b, dtype=np.int64, casting='unsafe') -> [0 2 4]... of the converted inputs
    let r =
        binary_with(BinaryOp::Add, &a, &b, &UfuncOptions::new().dtype(DType::Int64).casting(Casting::Unsafe)).unwrap();
    assert_eq!(r.typed::<i64>().unwrap().to_vec(), vec![1, 1, 5]);
}

#[test]
fn out_of_another_dtype_is_written_through_the_buffer() {
    // o = np.zeros(3, np.int64); np.multiply([1.9, -2.7, 3.5], 2, out=o, casting='unsafe') -> [ 3 -5  7]
    let x = DynArray::from(array![1.9f64, -2.7, 3.5]);
    let mut o = DynArray::from(array![0i64, 0, 0]);
    binary_out(BinaryOp::Multiply, &x, 2i64, &mut o, &UfuncOptions::new().casting(Casting::Unsafe)).unwrap();
    assert_eq!(o.typed::<i64>().unwrap().to_vec(), vec![3, -5, 7]);
    // np.add(a_i32, b_f64, out=np.zeros(3, np.int32))
    let e = binary_out(BinaryOp::Add, &array![1i32, 2, 3], &x, &mut o, &UfuncOptions::new()).unwrap_err();
    assert_eq!(
        e.to_string(),
        "Cannot cast ufunc 'add' output from dtype('float64') to dtype('int64') with casting rule 'same_kind'"
    );
    // np.add(a_i32, a_i32, out=np.zeros(3, np.int8)) -> [2 4 6] int8 (same kind)
    let mut small = array![0i8; 3];
    binary_out(
        BinaryOp::Add,
        &array![1i32, 2, 3],
        &array![1i32, 2, 3],
        &mut DynViewMut::from(small.view_mut()),
        &UfuncOptions::new(),
    )
    .unwrap();
    assert_eq!(small.to_vec(), vec![2, 4, 6]);
    // A wrong output shape: np.add(a, b, out=np.zeros(2))
    let mut two = DynArray::from(array![0.0f64, 0.0]);
    let e = binary_out(BinaryOp::Add, &array![1i32, 2, 3], &x, &mut two, &UfuncOptions::new()).unwrap_err();
    assert_eq!(e.to_string(), "operands could not be broadcast together with shapes (3,) (3,) (2,) ");
}

#[test]
fn where_leaves_masked_out_elements_untouched() {
    // o = np.full(3, -1.); np.add(a_i32, b_f64, out=o, where=[True, False, True]) -> [ 0. -1.  4.]
    let a = array![0i32, 1, 2];
    let b = DynArray::from(array![0.0f64, 1.0, 2.0]);
    let mask = DynArray::from(array![true, false, true]);
    let mut o = DynArray::from(array![-1.0f64, -1.0, -1.0]);
    binary_out(BinaryOp::Add, &a, &b, &mut o, &UfuncOptions::new().where_mask(&mask)).unwrap();
    assert_eq!(o.typed::<f64>().unwrap().to_vec(), vec![0.0, -1.0, 4.0]);
    // A broadcast mask over rows, across buffer fills, with conversion on input and output.
    let n = 20_000;
    let big = DynArray::from(Array::<i16>::arange(2 * n).into_shape(&[2, n as isize]).unwrap());
    let col = DynArray::from(array![[true], [false]]);
    let mut out = DynArray::from(nprs_core::full(&[2, n], 7.0f32).unwrap());
    binary_out(BinaryOp::Multiply, &big, 0.5f64, &mut out, &UfuncOptions::new().where_mask(&col)).unwrap();
    let v = out.typed::<f32>().unwrap();
    assert_eq!(v.get(&[0, 12_345]).unwrap(), 6172.5);
    assert_eq!(v.get(&[1, 12_345]).unwrap(), 7.0);
    // Masked-out elements raise no floating-point condition: np.divide(1., x, where=x != 0)
    let x = DynArray::from(array![0.0f64, 2.0]);
    let nz = x.not_equal(0i64).unwrap();
    let mut o = DynArray::from(array![0.0f64, 0.0]);
    errstate(ErrState::all(ErrAction::Raise), || {
        binary_out(BinaryOp::Divide, 1.0f64, &x, &mut o, &UfuncOptions::new().where_mask(&nz))
    })
    .unwrap();
    assert_eq!(o.typed::<f64>().unwrap().to_vec(), vec![0.0, 0.5]);
    // A non-bool mask: np.add(a, b, where=np.array([1, 0, 1]))
    let im = DynArray::from(array![1i64, 0, 1]);
    let e = binary_with(BinaryOp::Add, &a, &b, &UfuncOptions::new().where_mask(&im)).unwrap_err();
    assert_eq!(
        e.to_string(),
        "Cannot cast array data from dtype('int64') to dtype('bool') according to the rule 'safe'"
    );
}

#[test]
fn floating_point_errors_follow_errstate() {
    let raise = ErrState::all(ErrAction::Raise);
    let a = DynArray::from(array![7i64, -7, 0]);
    let b = DynArray::from(array![2i8, 0, 0]);
    // np.divide([7, -7, 0], int8 [2, 0, 0]) -> [ 3.5 -inf  nan] with divide and invalid
    let e = errstate(raise, || binary(BinaryOp::Divide, &a, &b)).unwrap_err();
    assert_eq!(e.to_string(), "divide by zero encountered in divide");
    assert_eq!(e.numpy_kind(), "FloatingPointError");
    let only_invalid = ErrState { invalid: ErrAction::Raise, ..ErrState::all(ErrAction::Ignore) };
    let e = errstate(only_invalid, || binary(BinaryOp::Divide, &a, &b)).unwrap_err();
    assert_eq!(e.to_string(), "invalid value encountered in divide");
    let r = errstate(ErrState::all(ErrAction::Ignore), || binary(BinaryOp::Divide, &a, &b)).unwrap();
    let v = r.typed::<f64>().unwrap().to_vec();
    assert_eq!(&v[..2], &[3.5, f64::NEG_INFINITY]);
    assert!(v[2].is_nan());
    // Integer division by zero: np.floor_divide(np.array([1]), 0)
    let e = errstate(raise, || binary(BinaryOp::FloorDivide, &DynArray::from(array![1i64]), 0i64)).unwrap_err();
    assert_eq!(e.to_string(), "divide by zero encountered in floor_divide");
    let e = errstate(raise, || binary(BinaryOp::Remainder, &DynArray::from(array![1i32]), 0i64)).unwrap_err();
    assert_eq!(e.to_string(), "divide by zero encountered in remainder");
    // Overflow and underflow: np.multiply(1e300, 1e300), np.multiply(1e-300, 1e-300)
    let big = DynArray::from(array![1e300f64]);
    let e = errstate(raise, || binary(BinaryOp::Multiply, &big, &big)).unwrap_err();
    assert_eq!(e.to_string(), "overflow encountered in multiply");
    let tiny = DynArray::from(array![1e-300f64]);
    let e = errstate(raise, || binary(BinaryOp::Multiply, &tiny, &tiny)).unwrap_err();
    assert_eq!(e.to_string(), "underflow encountered in multiply");
    // Same dtype, large enough to be split over threads: the flag of a worker is merged.
    let n = 1 << 19;
    let mut d = vec![1.0f64; n];
    d[n - 3] = 0.0;
    let x = DynArray::from(Array::from_vec(vec![1.0f64; n]));
    let y = DynArray::from(Array::from_vec(d));
    let e = errstate(raise, || binary(BinaryOp::Divide, &x, &y)).unwrap_err();
    assert_eq!(e.to_string(), "divide by zero encountered in divide");
    // A mixed-dtype one too.
    let yi = DynArray::from(Array::from_vec((0..n as i32).map(|i| i32::from(i != 5)).collect()));
    let e = errstate(raise, || binary(BinaryOp::Divide, &x, &yi)).unwrap_err();
    assert_eq!(e.to_string(), "divide by zero encountered in divide");
    // Without a condition nothing is reported.
    assert!(errstate(raise, || binary(BinaryOp::Add, &x, &yi)).is_ok());
}
