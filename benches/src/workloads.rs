//! The workload table: every benchmarked operation, in nprs and in NumPy.
//!
//! One [`Workload`] is one row of the comparison table and one criterion bench. Adding a
//! benchmark is adding an entry to [`workloads`]: a name, a size label, the dimensions
//! (full and small), the nprs side (a function that builds the inputs and returns the
//! timed closure) and the NumPy side (setup statements and the timed expression).
//!
//! The NumPy code runs with `np`, `dims` (the dimensions, a tuple of ints) and the input
//! generators `bits(n, seed)`, `uniform(n, seed)`, `indices(n, high, seed)` and
//! `mask(n, seed)` in scope; they produce exactly what [`crate::data`]'s functions of the
//! same names produce.
#![allow(unsafe_code)] // the memory-map workload maps a scratch file of its own

use std::hint::black_box;

use nprs_core::{Array, DynArray, Order};

use crate::data;
use crate::output::Output;

/// A prepared workload: calling it runs the operation once and returns its result.
pub type Runner = Box<dyn FnMut() -> Output>;

/// One benchmarked operation, on both sides.
#[derive(Clone, Copy)]
pub struct Workload {
    /// The area (criterion bench file) it belongs to: `"core"`, ...
    pub area: &'static str,
    /// The operation, as shown in the table (`"add"`, ...).
    pub name: &'static str,
    /// The size label for [`dims`](Self::dims), as shown in the table.
    pub size: &'static str,
    /// The dimensions of the benchmarked size.
    pub dims: &'static [usize],
    /// Small dimensions, for the test that both sides compute the same result.
    pub test_dims: &'static [usize],
    /// Builds the inputs for the given dimensions and returns the timed operation.
    pub nprs: fn(&[usize]) -> Runner,
    /// Python statements that build the inputs (run once, not timed).
    pub numpy_setup: &'static str,
    /// The Python expression that is timed; its value is the result.
    pub numpy_run: &'static str,
    /// NumPy's default dispatch (AVX-512) is known to be slower than its AVX2 path for
    /// this operation on some CPUs (its sorts on AMD Zen 4/5). The comparison then also
    /// times NumPy with AVX-512 dispatch disabled and compares against the faster of the two.
    pub numpy_avx512_slow: bool,
}

impl Workload {
    /// The name used for filtering and criterion ids: `"name/size"`.
    #[must_use]
    pub fn id(&self) -> String {
        format!("{}/{}", self.name, self.size)
    }
}

/// A `float64` array of the given shape filled from stream `seed`.
///
/// # Panics
/// Never for the shapes used here (the data has exactly the shape's size).
#[must_use]
pub fn uniform_array(shape: &[usize], seed: u64) -> Array<f64> {
    let n = shape.iter().product();
    Array::from_shape_vec(shape, data::uniform(n, seed)).expect("size matches shape")
}

/// Every workload that runs today, in table order.
#[must_use]
pub fn workloads() -> Vec<Workload> {
    let mut list = vec![
        Workload {
            area: "core",
            name: "add",
            size: "1e7 f64",
            dims: &[10_000_000],
            test_dims: &[1_000],
            nprs: |d| {
                let (a, b) = (uniform_array(d, 1), uniform_array(d, 2));
                Box::new(move || (&a + &b).into())
            },
            numpy_setup: "a = uniform(dims[0], 1); b = uniform(dims[0], 2)",
            numpy_run: "a + b",
            numpy_avx512_slow: false,
        },
        Workload {
            area: "core",
            name: "add (dynamic dtype)",
            size: "1e7 f64",
            dims: &[10_000_000],
            test_dims: &[1_000],
            nprs: |d| {
                // The same add through the runtime-dtype array: one dispatch, then the typed kernel.
                let (a, b) = (DynArray::from(uniform_array(d, 1)), DynArray::from(uniform_array(d, 2)));
                Box::new(move || a.try_add(&b).expect("same shape").into_typed::<f64>().expect("float64").into())
            },
            numpy_setup: "a = uniform(dims[0], 1); b = uniform(dims[0], 2)",
            numpy_run: "a + b",
            numpy_avx512_slow: false,
        },
        Workload {
            area: "core",
            name: "add i32+f64 (dynamic dtype)",
            size: "1e7",
            dims: &[10_000_000],
            test_dims: &[20_000],
            nprs: |d| {
                // Mixed dtypes: the int32 operand is converted a buffer at a time inside the loop.
                let a = DynArray::from(Array::from_vec(data::indices(d[0], 2_000, 1)).astype::<i32>());
                let b = DynArray::from(uniform_array(d, 2));
                Box::new(move || a.try_add(&b).expect("same shape").into_typed::<f64>().expect("float64").into())
            },
            numpy_setup: "a = indices(dims[0], 2000, 1).astype(np.int32); b = uniform(dims[0], 2)",
            numpy_run: "a + b",
            numpy_avx512_slow: false,
        },
        Workload {
            area: "core",
            name: "add i32+f64 (typed + dynamic)",
            size: "1e7",
            dims: &[10_000_000],
            test_dims: &[20_000],
            nprs: |d| {
                let a = Array::from_vec(data::indices(d[0], 2_000, 1)).astype::<i32>();
                let b = DynArray::from(uniform_array(d, 2));
                Box::new(move || {
                    nprs_core::dynarray::binary(nprs_core::BinaryOp::Add, &a, &b)
                        .expect("same shape")
                        .into_typed::<f64>()
                        .expect("float64")
                        .into()
                })
            },
            numpy_setup: "a = indices(dims[0], 2000, 1).astype(np.int32); b = uniform(dims[0], 2)",
            numpy_run: "a + b",
            numpy_avx512_slow: false,
        },
        Workload {
            area: "core",
            name: "add broadcast",
            size: "(1000,10000)+(10000,) f64",
            dims: &[1_000, 10_000],
            test_dims: &[7, 30],
            nprs: |d| {
                let (a, b) = (uniform_array(d, 1), uniform_array(&d[1..], 2));
                Box::new(move || (&a + &b).into())
            },
            numpy_setup: "a = uniform(dims[0] * dims[1], 1).reshape(dims); b = uniform(dims[1], 2)",
            numpy_run: "a + b",
            numpy_avx512_slow: false,
        },
        Workload {
            area: "core",
            name: "add strided a + a.T",
            size: "4000x4000 f64",
            dims: &[4_000, 4_000],
            test_dims: &[33, 33],
            nprs: |d| {
                let a = uniform_array(d, 1);
                Box::new(move || (&a + &a.t()).into())
            },
            numpy_setup: "a = uniform(dims[0] * dims[1], 1).reshape(dims)",
            numpy_run: "a + a.T",
            numpy_avx512_slow: false,
        },
        Workload {
            area: "core",
            name: "transpose copy (C order)",
            size: "4000x4000 f64",
            dims: &[4_000, 4_000],
            test_dims: &[33, 47],
            nprs: |d| {
                let a = uniform_array(d, 1);
                Box::new(move || a.t().to_owned_order(Order::C).into())
            },
            numpy_setup: "a = uniform(dims[0] * dims[1], 1).reshape(dims)",
            numpy_run: "np.ascontiguousarray(a.T)",
            numpy_avx512_slow: false,
        },
        Workload {
            area: "core",
            name: "astype f64->f32",
            size: "1e7",
            dims: &[10_000_000],
            test_dims: &[1_000],
            nprs: |d| {
                let a = uniform_array(d, 1);
                Box::new(move || a.astype::<f32>().into())
            },
            numpy_setup: "a = uniform(dims[0], 1)",
            numpy_run: "a.astype(np.float32)",
            numpy_avx512_slow: false,
        },
        Workload {
            area: "core",
            name: "add.reduce axis=0",
            size: "1000x10000 f64",
            dims: &[1_000, 10_000],
            test_dims: &[33, 47],
            nprs: |d| {
                let a = DynArray::from(uniform_array(d, 1));
                Box::new(move || {
                    let opts = nprs_ufunc::ufunc::ReduceOptions::new().axis(0);
                    nprs_ufunc::ufuncs::ADD
                        .reduce(&a.view(), &opts)
                        .and_then(DynArray::into_typed::<f64>)
                        .expect("f64")
                        .into()
                })
            },
            numpy_setup: "a = uniform(dims[0] * dims[1], 1).reshape(dims)",
            numpy_run: "np.add.reduce(a, axis=0)",
            numpy_avx512_slow: false,
        },
        Workload {
            area: "core",
            name: "add.reduce axis=1",
            size: "1000x10000 f64",
            dims: &[1_000, 10_000],
            test_dims: &[33, 47],
            nprs: |d| {
                let a = DynArray::from(uniform_array(d, 1));
                Box::new(move || {
                    let opts = nprs_ufunc::ufunc::ReduceOptions::new().axis(1);
                    nprs_ufunc::ufuncs::ADD
                        .reduce(&a.view(), &opts)
                        .and_then(DynArray::into_typed::<f64>)
                        .expect("f64")
                        .into()
                })
            },
            numpy_setup: "a = uniform(dims[0] * dims[1], 1).reshape(dims)",
            numpy_run: "np.add.reduce(a, axis=1)",
            numpy_avx512_slow: false,
        },
        Workload {
            area: "core",
            name: "maximum.reduce axis=0",
            size: "1000x10000 f64",
            dims: &[1_000, 10_000],
            test_dims: &[33, 47],
            nprs: |d| {
                let a = DynArray::from(uniform_array(d, 1));
                Box::new(move || {
                    let opts = nprs_ufunc::ufunc::ReduceOptions::new().axis(0);
                    nprs_ufunc::ufuncs::MAXIMUM
                        .reduce(&a.view(), &opts)
                        .and_then(DynArray::into_typed::<f64>)
                        .expect("f64")
                        .into()
                })
            },
            numpy_setup: "a = uniform(dims[0] * dims[1], 1).reshape(dims)",
            numpy_run: "np.maximum.reduce(a, axis=0)",
            numpy_avx512_slow: false,
        },
        Workload {
            area: "core",
            name: "maximum.reduce axis=1",
            size: "1000x10000 f64",
            dims: &[1_000, 10_000],
            test_dims: &[33, 47],
            nprs: |d| {
                let a = DynArray::from(uniform_array(d, 1));
                Box::new(move || {
                    let opts = nprs_ufunc::ufunc::ReduceOptions::new().axis(1);
                    nprs_ufunc::ufuncs::MAXIMUM
                        .reduce(&a.view(), &opts)
                        .and_then(DynArray::into_typed::<f64>)
                        .expect("f64")
                        .into()
                })
            },
            numpy_setup: "a = uniform(dims[0] * dims[1], 1).reshape(dims)",
            numpy_run: "np.maximum.reduce(a, axis=1)",
            numpy_avx512_slow: false,
        },
        Workload {
            area: "core",
            name: "add.accumulate",
            size: "1e7 f64",
            dims: &[10_000_000],
            test_dims: &[1_000],
            nprs: |d| {
                let a = DynArray::from(uniform_array(d, 1));
                Box::new(move || out::<f64>(nprs_ufunc::ufuncs::ADD.accumulate(&a.view(), 0)))
            },
            numpy_setup: "a = uniform(dims[0], 1)",
            numpy_run: "np.add.accumulate(a)",
            numpy_avx512_slow: false,
        },
        Workload {
            area: "core",
            name: "multiply.outer",
            size: "4000 x 4000 f64",
            dims: &[4_000, 4_000],
            test_dims: &[33, 47],
            nprs: |d| {
                let a = DynArray::from(uniform_array(&d[..1], 1));
                let b = DynArray::from(uniform_array(&d[1..], 2));
                Box::new(move || {
                    let r =
                        nprs_ufunc::ufuncs::MULTIPLY.outer(&(&a).into(), &(&b).into(), nprs_core::UfuncOptions::new());
                    r.and_then(DynArray::into_typed::<f64>).expect("f64").into()
                })
            },
            numpy_setup: "a = uniform(dims[0], 1); b = uniform(dims[1], 2)",
            numpy_run: "np.multiply.outer(a, b)",
            numpy_avx512_slow: false,
        },
        Workload {
            area: "core",
            name: "add.at",
            size: "1e6 into 1e4 f64",
            dims: &[1_000_000, 10_000],
            test_dims: &[1_000, 37],
            nprs: |d| {
                let idx: Vec<isize> = data::indices(d[0], d[1] as u64, 1).into_iter().map(|i| i as isize).collect();
                let v = DynArray::from(uniform_array(&d[..1], 2));
                let n = d[1];
                Box::new(move || {
                    let mut a = DynArray::from(Array::<f64>::zeros(&[n]).expect("shape"));
                    nprs_ufunc::ufuncs::ADD.at(&mut a.view_mut(), &idx, Some(&(&v).into())).expect("in bounds");
                    a.into_typed::<f64>().expect("f64").into()
                })
            },
            numpy_setup: "i = indices(dims[0], dims[1], 1); v = uniform(dims[0], 2)",
            numpy_run: "(np.add.at((z := np.zeros(dims[1])), i, v), z)[1]",
            numpy_avx512_slow: false,
        },
    ];
    list.extend(indexing_workloads());
    list.extend(sort_workloads());
    list.extend(io_workloads());
    list.extend(random_workloads());
    list.extend(crate::fft::fft_workloads());
    list.extend(crate::linalg::linalg_workloads());
    list.extend(ma_workloads());
    list.extend(datetime_workloads());
    list.extend(binary_ufunc_workloads());
    list.extend(crate::ufunc_math::math_workloads());
    list.extend(crate::elementwise::elementwise_workloads());
    list.extend(stats_quantile_workloads());
    list.extend(reduction_workloads());
    list
}

/// Fancy indexing (`a[idx]`) and boolean-mask selection (`a[mask]`).
#[must_use]
pub fn indexing_workloads() -> Vec<Workload> {
    vec![
        Workload {
            area: "core",
            name: "take (fancy index)",
            size: "1e6 of 1e7 f64",
            dims: &[10_000_000, 1_000_000],
            test_dims: &[1_000, 300],
            nprs: |d| {
                let a = uniform_array(&d[..1], 1);
                let idx = Array::from_vec(data::indices(d[1], d[0] as u64, 2));
                Box::new(move || a.take(&idx, None).expect("indices in range").into())
            },
            numpy_setup: "a = uniform(dims[0], 1); idx = indices(dims[1], dims[0], 2)",
            numpy_run: "a[idx]",
            numpy_avx512_slow: false,
        },
        Workload {
            area: "core",
            name: "boolean mask select",
            size: "1e7 f64",
            dims: &[10_000_000],
            test_dims: &[1_000],
            nprs: |d| {
                let a = uniform_array(d, 1);
                let m = Array::from_vec(data::mask(d[0], 2));
                Box::new(move || a.mask_select(&m).expect("mask matches").into())
            },
            numpy_setup: "a = uniform(dims[0], 1); m = mask(dims[0], 2)",
            numpy_run: "a[m]",
            numpy_avx512_slow: false,
        },
    ]
}

/// `int64` values from the random words of stream `seed` (`bits(n, seed).view(np.int64)`).
fn bits_i64(n: usize, seed: u64) -> Array<i64> {
    Array::from_vec(data::bits(n, seed).into_iter().map(|b| b as i64).collect())
}

/// Sorting, searching and unique. NumPy sorts with x86-simd-sort's AVX-512 kernels by
/// default, which are slower than its AVX2 ones on AMD Zen 4, so the sort rows are flagged
/// `numpy_avx512_slow` and compared against NumPy's faster configuration.
#[must_use]
pub fn sort_workloads() -> Vec<Workload> {
    vec![
        Workload {
            area: "sort",
            name: "sort",
            size: "1e7 f64",
            dims: &[10_000_000],
            test_dims: &[1_000],
            nprs: |d| {
                let a = uniform_array(d, 1);
                Box::new(move || nprs_ufunc::sort(&a, Some(-1)).expect("1-d").into())
            },
            numpy_setup: "a = uniform(dims[0], 1)",
            numpy_run: "np.sort(a)",
            numpy_avx512_slow: true,
        },
        Workload {
            area: "sort",
            name: "sort",
            size: "1e7 f32",
            dims: &[10_000_000],
            test_dims: &[1_000],
            nprs: |d| {
                let a = uniform_array(d, 1).astype::<f32>();
                Box::new(move || nprs_ufunc::sort(&a, Some(-1)).expect("1-d").into())
            },
            numpy_setup: "a = uniform(dims[0], 1).astype(np.float32)",
            numpy_run: "np.sort(a)",
            numpy_avx512_slow: true,
        },
        Workload {
            area: "sort",
            name: "sort",
            size: "1e7 i64",
            dims: &[10_000_000],
            test_dims: &[1_000],
            nprs: |d| {
                let a = bits_i64(d[0], 1);
                Box::new(move || nprs_ufunc::sort(&a, Some(-1)).expect("1-d").into())
            },
            numpy_setup: "a = bits(dims[0], 1).view(np.int64)",
            numpy_run: "np.sort(a)",
            numpy_avx512_slow: true,
        },
        Workload {
            area: "sort",
            name: "sort",
            size: "1e7 i32",
            dims: &[10_000_000],
            test_dims: &[1_000],
            nprs: |d| {
                let a = Array::from_vec(data::bits(d[0], 1).into_iter().map(|b| b as i32).collect());
                Box::new(move || nprs_ufunc::sort(&a, Some(-1)).expect("1-d").into())
            },
            numpy_setup: "a = bits(dims[0], 1).astype(np.uint32).view(np.int32)",
            numpy_run: "np.sort(a)",
            numpy_avx512_slow: true,
        },
        Workload {
            area: "sort",
            name: "argsort",
            size: "1e6 f64",
            dims: &[1_000_000],
            test_dims: &[1_000],
            nprs: |d| {
                let a = uniform_array(d, 1);
                Box::new(move || nprs_ufunc::argsort(&a, Some(-1)).expect("1-d").into())
            },
            numpy_setup: "a = uniform(dims[0], 1)",
            numpy_run: "np.argsort(a)",
            numpy_avx512_slow: true,
        },
        Workload {
            area: "sort",
            name: "sort kind=stable",
            size: "1e6 i64",
            dims: &[1_000_000],
            test_dims: &[1_000],
            nprs: |d| {
                let a = bits_i64(d[0], 1);
                Box::new(move || nprs_ufunc::sort_kind(&a, Some(-1), nprs_ufunc::SortKind::Stable).expect("1-d").into())
            },
            numpy_setup: "a = bits(dims[0], 1).view(np.int64)",
            numpy_run: "np.sort(a, kind='stable')",
            numpy_avx512_slow: true,
        },
        Workload {
            area: "sort",
            name: "unique",
            size: "1e6 i64, 1e4 distinct",
            dims: &[1_000_000, 10_000],
            test_dims: &[1_000, 100],
            nprs: |d| {
                let a = Array::from_vec(data::indices(d[0], d[1] as u64, 3));
                Box::new(move || nprs_ufunc::unique(&a).into())
            },
            numpy_setup: "a = indices(dims[0], dims[1], 3)",
            numpy_run: "np.unique(a)",
            numpy_avx512_slow: true,
        },
        Workload {
            area: "sort",
            name: "searchsorted",
            size: "1e6 into 1e7 f64",
            dims: &[10_000_000, 1_000_000],
            test_dims: &[1_000, 300],
            nprs: |d| {
                let h = nprs_ufunc::sort(&uniform_array(&d[..1], 1), None).expect("1-d");
                let v = uniform_array(&d[1..], 2);
                Box::new(move || nprs_ufunc::searchsorted(&h, &v, nprs_ufunc::Side::Left, None).expect("1-d").into())
            },
            numpy_setup: "h = np.sort(uniform(dims[0], 1)); v = uniform(dims[1], 2)",
            numpy_run: "np.searchsorted(h, v)",
            numpy_avx512_slow: false,
        },
        Workload {
            area: "sort",
            name: "sort nearly sorted",
            size: "1e7 f64, 1% replaced",
            dims: &[10_000_000],
            test_dims: &[1_000],
            nprs: |d| {
                let mut v = nprs_ufunc::sort(&uniform_array(d, 1), None).expect("1-d").to_vec();
                for (i, x) in data::indices(d[0] / 100, d[0] as u64, 5).into_iter().zip(data::uniform(d[0] / 100, 6)) {
                    v[i as usize] = x;
                }
                let a = Array::from_vec(v);
                Box::new(move || nprs_ufunc::sort(&a, Some(-1)).expect("1-d").into())
            },
            numpy_setup: "a = np.sort(uniform(dims[0], 1)); a[indices(dims[0] // 100, dims[0], 5)] = uniform(dims[0] // 100, 6)",
            numpy_run: "np.sort(a)",
            numpy_avx512_slow: true,
        },
        Workload {
            area: "sort",
            name: "sort strings",
            size: "1e6 <U8",
            dims: &[1_000_000],
            test_dims: &[1_000],
            nprs: |d| {
                // Eight lowercase letters from each word, five bits a letter.
                let words: Vec<String> = data::bits(d[0], 5)
                    .into_iter()
                    .map(|w| (0..8).map(|j| char::from(b'a' + ((w >> (5 * j)) % 26) as u8)).collect())
                    .collect();
                let a = DynArray::from_strs_width(&words, 8).expect("strings");
                let i4: nprs_core::Descr = nprs_core::DType::Int32.into();
                Box::new(move || {
                    let s = nprs_ufunc::sort_dyn(&a, Some(-1), nprs_ufunc::SortKind::Quicksort).expect("strings");
                    // The code points, as NumPy's `.view(np.int32)` shows them (a copy
                    // NumPy's side does not make, counted against nprs).
                    let points = s.view_dtype(&i4).expect("UCS4 code points").to_owned();
                    points.into_shape(&[s.size() * 8]).and_then(DynArray::into_typed::<i32>).expect("int32").into()
                })
            },
            numpy_setup: "w = bits(dims[0], 5); a = np.ascontiguousarray(np.stack([(w >> np.uint64(5 * j)) % np.uint64(26) \
+ np.uint64(97) for j in range(8)], axis=1).astype('<u4')).view('<U8').reshape(dims[0])",
            numpy_run: "np.sort(a).view(np.int32)",
            numpy_avx512_slow: false,
        },
        Workload {
            area: "sort",
            name: "sort axis=1",
            size: "1000x10000 f64",
            dims: &[1_000, 10_000],
            test_dims: &[10, 300],
            nprs: |d| {
                let a = uniform_array(d, 1);
                Box::new(move || nprs_ufunc::sort(&a, Some(1)).expect("2-d").into())
            },
            numpy_setup: "a = uniform(dims[0] * dims[1], 1).reshape(dims)",
            numpy_run: "np.sort(a, axis=1)",
            numpy_avx512_slow: true,
        },
        Workload {
            area: "sort",
            name: "partition median",
            size: "1e7 f64",
            dims: &[10_000_000],
            test_dims: &[1_001],
            nprs: |d| {
                let a = uniform_array(d, 1);
                let k = d[0] / 2;
                Box::new(move || {
                    let p = nprs_ufunc::partition(&a, &[k as isize], -1).expect("1-d");
                    Array::from_vec(vec![p.as_slice().expect("contiguous")[k]]).into()
                })
            },
            // the arrangement around kth is unspecified: the kth value is the result
            numpy_setup: "a = uniform(dims[0], 1); k = dims[0] // 2",
            numpy_run: "np.partition(a, k)[k:k + 1]",
            numpy_avx512_slow: true,
        },
        Workload {
            area: "sort",
            name: "unique",
            size: "1e6 i64, all distinct",
            dims: &[1_000_000],
            test_dims: &[1_000],
            nprs: |d| {
                let a = bits_i64(d[0], 1);
                Box::new(move || nprs_ufunc::unique(&a).into())
            },
            numpy_setup: "a = bits(dims[0], 1).view(np.int64)",
            numpy_run: "np.unique(a)",
            numpy_avx512_slow: true,
        },
        Workload {
            area: "sort",
            name: "unique return_counts",
            size: "1e6 i64, 1e4 distinct",
            dims: &[1_000_000, 10_000],
            test_dims: &[1_000, 100],
            nprs: |d| {
                let a = Array::from_vec(data::indices(d[0], d[1] as u64, 3));
                let opts = nprs_ufunc::UniqueOptions::new().return_counts(true);
                Box::new(move || nprs_ufunc::unique_with(&a, &opts).expect("flat").counts.expect("counts").into())
            },
            numpy_setup: "a = indices(dims[0], dims[1], 3)",
            numpy_run: "np.unique(a, return_counts=True)[1]",
            numpy_avx512_slow: true,
        },
        Workload {
            area: "sort",
            name: "isin",
            size: "1e6 in 1e4 i64",
            dims: &[1_000_000, 10_000],
            test_dims: &[1_000, 100],
            nprs: |d| {
                let a = Array::from_vec(data::indices(d[0], 2 * d[1] as u64, 3));
                let b = Array::from_vec(data::indices(d[1], 2 * d[1] as u64, 4));
                Box::new(move || nprs_ufunc::isin(&a, &b, false).into())
            },
            numpy_setup: "a = indices(dims[0], 2 * dims[1], 3); b = indices(dims[1], 2 * dims[1], 4)",
            numpy_run: "np.isin(a, b)",
            numpy_avx512_slow: true,
        },
        Workload {
            area: "sort",
            name: "lexsort two keys",
            size: "1e6 i64",
            dims: &[1_000_000],
            test_dims: &[1_000],
            nprs: |d| {
                let keys =
                    [Array::from_vec(data::indices(d[0], 1000, 3)), Array::from_vec(data::indices(d[0], 1000, 4))];
                Box::new(move || nprs_ufunc::lexsort(&keys, -1).expect("same shapes").into())
            },
            numpy_setup: "k0 = indices(dims[0], 1000, 3); k1 = indices(dims[0], 1000, 4)",
            numpy_run: "np.lexsort((k0, k1))",
            numpy_avx512_slow: true,
        },
    ]
}

/// The workloads whose [`Workload::id`] contains `pattern` (all of them for `None`).
#[must_use]
pub fn select(pattern: Option<&str>) -> Vec<Workload> {
    workloads().into_iter().filter(|w| pattern.is_none_or(|p| w.id().contains(p))).collect()
}

/// Runs a prepared workload `inner` times and returns the mean seconds per call.
pub fn time_calls(run: &mut Runner, inner: u32) -> f64 {
    let start = std::time::Instant::now();
    for _ in 0..inner {
        black_box(run());
    }
    start.elapsed().as_secs_f64() / f64::from(inner.max(1))
}

/// A scratch file for the nprs side of an I/O workload (NumPy's side uses its own); the
/// file is removed when the workload's runner is dropped.
struct Scratch(std::path::PathBuf);

impl Scratch {
    fn new(name: &str) -> Self {
        Scratch(std::env::temp_dir().join(format!("nprs-bench-{}-{name}.npy", std::process::id())))
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.0);
    }
}

/// `.npy` save and load of a large float64 array, and a memory-mapped load followed by a
/// sum. The files live in the system's temporary folder (its page cache, in practice).
#[must_use]
pub fn io_workloads() -> Vec<Workload> {
    vec![
        Workload {
            area: "io",
            name: "save .npy",
            size: "800 MB f64",
            dims: &[100_000_000],
            test_dims: &[1_000],
            nprs: |d| {
                let a = uniform_array(d, 1);
                let path = Scratch::new("save");
                Box::new(move || {
                    nprs_io::save(&path.0, &a).expect("the temporary folder is writable");
                    let len = std::fs::metadata(&path.0).expect("just written").len();
                    Array::from_vec(vec![len as i64]).into()
                })
            },
            numpy_setup: "a = uniform(dims[0], 1); path = scratch('save')",
            numpy_run: "(np.save(path, a), np.array([__import__('os').path.getsize(path)]))[1]",
            numpy_avx512_slow: false,
        },
        Workload {
            area: "io",
            name: "load .npy",
            size: "800 MB f64",
            dims: &[100_000_000],
            test_dims: &[1_000],
            nprs: |d| {
                let path = Scratch::new("load");
                nprs_io::save(&path.0, &uniform_array(d, 1)).expect("the temporary folder is writable");
                Box::new(move || nprs_io::load::<f64>(&path.0).expect("just written").into())
            },
            numpy_setup: "path = scratch('load'); np.save(path, uniform(dims[0], 1))",
            numpy_run: "np.load(path)",
            numpy_avx512_slow: false,
        },
        Workload {
            area: "io",
            name: "memmap load + sum",
            size: "800 MB f64",
            dims: &[100_000_000],
            test_dims: &[1_000],
            nprs: |d| {
                let path = Scratch::new("mmap");
                nprs_io::save(&path.0, &uniform_array(d, 1)).expect("the temporary folder is writable");
                Box::new(move || {
                    // SAFETY: the bench's own scratch file; nothing changes it while it is mapped.
                    let map = unsafe { nprs_io::load_mmap::<f64>(&path.0, nprs_io::MmapMode::ReadOnly) }
                        .expect("just written");
                    Array::from_elem_0d(nprs_ufunc::sum(&map.view())).into()
                })
            },
            numpy_setup: "path = scratch('mmap'); np.save(path, uniform(dims[0], 1))",
            numpy_run: "np.array(np.load(path, mmap_mode='r').sum())",
            numpy_avx512_slow: false,
        },
    ]
}

/// One random workload: a Generator seeded with 42 on both sides, so each call draws the
/// same numbers in nprs and NumPy (the agreement test compares them bit for bit).
macro_rules! random_workload {
    ($name:expr, $size:expr, $dims:expr, $test:expr, |$rng:ident, $d:ident| $call:expr, $py:expr) => {
        Workload {
            area: "random",
            name: $name,
            size: $size,
            dims: $dims,
            test_dims: $test,
            nprs: |d| {
                let mut $rng = nprs_random::default_rng(42);
                let $d: Vec<usize> = d.to_vec();
                Box::new(move || $call.into())
            },
            numpy_setup: "rng = np.random.default_rng(42)",
            numpy_run: $py,
            numpy_avx512_slow: false,
        }
    };
}

/// One legacy workload: a RandomState seeded with 42 on both sides (NumPy's
/// `np.random.RandomState(42)`), so both draw the same numbers.
macro_rules! legacy_workload {
    ($name:expr, $size:expr, $dims:expr, $test:expr, |$rs:ident, $d:ident| $call:expr, $py:expr) => {
        Workload {
            area: "random",
            name: $name,
            size: $size,
            dims: $dims,
            test_dims: $test,
            nprs: |d| {
                let mut $rs = nprs_random::RandomState::new(42);
                let $d: Vec<usize> = d.to_vec();
                Box::new(move || $call.into())
            },
            numpy_setup: "rs = np.random.RandomState(42)",
            numpy_run: $py,
            numpy_avx512_slow: false,
        }
    };
}

/// NumPy's random streams (numpy.random.Generator with PCG64, and the legacy RandomState).
#[must_use]
pub fn random_workloads() -> Vec<Workload> {
    use nprs_random::Choice;
    vec![
        random_workload!(
            "random",
            "1e7",
            &[10_000_000],
            &[1_000],
            |rng, d| rng.random(d[0]).expect("valid size"),
            "rng.random(dims[0])"
        ),
        random_workload!(
            "standard_normal",
            "1e7",
            &[10_000_000],
            &[1_000],
            |rng, d| rng.standard_normal(d[0]).expect("valid size"),
            "rng.standard_normal(dims[0])"
        ),
        random_workload!(
            "integers(0, 100)",
            "1e7 int64",
            &[10_000_000],
            &[1_000],
            |rng, d| rng.integers::<i64>(0, 100, d[0]).expect("valid bounds"),
            "rng.integers(0, 100, dims[0])"
        ),
        random_workload!(
            "normal(0, 1)",
            "1e7",
            &[10_000_000],
            &[1_000],
            |rng, d| rng.normal(0.0, 1.0, d[0]).expect("valid scale"),
            "rng.normal(0.0, 1.0, dims[0])"
        ),
        random_workload!(
            "exponential(1)",
            "1e7",
            &[10_000_000],
            &[1_000],
            |rng, d| rng.exponential(1.0, d[0]).expect("valid scale"),
            "rng.exponential(1.0, dims[0])"
        ),
        random_workload!(
            "permutation",
            "1e6",
            &[1_000_000],
            &[1_000],
            |rng, d| rng.permutation(d[0] as i64).expect("fits in memory"),
            "rng.permutation(dims[0])"
        ),
        random_workload!(
            "choice without replacement",
            "1e5 of 1e7",
            &[10_000_000, 100_000],
            &[1_000, 100],
            |rng, d| rng.choice(d[0] as i64, d[1], &Choice::new().replace(false)).expect("sample fits"),
            "rng.choice(dims[0], dims[1], replace=False)"
        ),
        legacy_workload!(
            "legacy randn",
            "1e7",
            &[10_000_000],
            &[1_000],
            |rs, d| rs.randn(d[0]).expect("valid size"),
            "rs.randn(dims[0])"
        ),
        legacy_workload!(
            "legacy gamma(2.0)",
            "1e7",
            &[10_000_000],
            &[1_000],
            |rs, d| rs.gamma(2.0, 1.0, d[0]).expect("valid shape"),
            "rs.gamma(2.0, 1.0, dims[0])"
        ),
        legacy_workload!(
            "legacy poisson(5)",
            "1e7 int64",
            &[10_000_000],
            &[1_000],
            |rs, d| rs.poisson(5.0, d[0]).expect("valid lam"),
            "rs.poisson(5.0, dims[0])"
        ),
        legacy_workload!(
            "legacy binomial(10, 0.3)",
            "1e7 int64",
            &[10_000_000],
            &[1_000],
            |rs, d| rs.binomial(10, 0.3, d[0]).expect("valid n and p"),
            "rs.binomial(10, 0.3, dims[0])"
        ),
    ]
}

/// A masked `float64` array: `uniform(n, seed)` with the elements where
/// `uniform(n, seed + 100) < 0.1` masked (about 10%).
fn masked_uniform(n: usize, seed: u64) -> nprs_ma::MaskedArray<Array<f64>> {
    let m = Array::from_vec(data::uniform(n, seed + 100).into_iter().map(|u| u < 0.1).collect());
    nprs_ma::masked_array(uniform_array(&[n], seed), &m).expect("mask matches")
}

/// numpy.ma: masked arithmetic, a domained ufunc, a reduction, filling, compressing and
/// masking invalid values, 10^7 float64 with 10% masked.
#[must_use]
pub fn ma_workloads() -> Vec<Workload> {
    const SETUP: &str = "a = np.ma.masked_array(uniform(dims[0], 1), mask=uniform(dims[0], 101) < 0.1); \
                         b = np.ma.masked_array(uniform(dims[0], 2), mask=uniform(dims[0], 102) < 0.1)";
    let mut list = vec![
        Workload {
            area: "ma",
            name: "ma a + b",
            size: "1e7 f64, 10% masked",
            dims: &[10_000_000],
            test_dims: &[1_000],
            nprs: |d| {
                let (a, b) = (masked_uniform(d[0], 1), masked_uniform(d[0], 2));
                Box::new(move || (&a + &b).into_data().into_typed::<f64>().expect("float64").into())
            },
            numpy_setup: SETUP,
            numpy_run: "np.ma.getdata(a + b)",
            numpy_avx512_slow: false,
        },
        Workload {
            area: "ma",
            name: "ma mean",
            size: "1e7 f64, 10% masked",
            dims: &[10_000_000],
            test_dims: &[1_000],
            nprs: |d| {
                let a = masked_uniform(d[0], 1);
                Box::new(move || {
                    let m = a.mean(None, false).expect("mean");
                    Array::from_vec(vec![m.data().item(&[]).expect("0-d").as_f64().expect("float")]).into()
                })
            },
            numpy_setup: SETUP,
            numpy_run: "np.array([a.mean()])",
            numpy_avx512_slow: false,
        },
        Workload {
            area: "ma",
            name: "ma filled(0)",
            size: "1e7 f64, 10% masked",
            dims: &[10_000_000],
            test_dims: &[1_000],
            nprs: |d| {
                let a = masked_uniform(d[0], 1);
                Box::new(move || a.filled(Some(0i64.into())).expect("fill").into())
            },
            numpy_setup: SETUP,
            numpy_run: "a.filled(0)",
            numpy_avx512_slow: false,
        },
        Workload {
            area: "ma",
            name: "ma compressed",
            size: "1e7 f64, 10% masked",
            dims: &[10_000_000],
            test_dims: &[1_000],
            nprs: |d| {
                let a = masked_uniform(d[0], 1);
                Box::new(move || a.compressed().expect("compress").into())
            },
            numpy_setup: SETUP,
            numpy_run: "a.compressed()",
            numpy_avx512_slow: false,
        },
        Workload {
            area: "ma",
            name: "ma.masked_invalid",
            size: "1e7 f64, 10% NaN",
            dims: &[10_000_000],
            test_dims: &[1_000],
            nprs: |d| {
                let x = nprs_core::kernel::map(&uniform_array(d, 1), |v| if v < 0.1 { f64::NAN } else { v });
                Box::new(move || {
                    nprs_ma::masked_invalid(x.clone()).expect("isfinite").mask_array().expect("mask").into()
                })
            },
            numpy_setup: "x = uniform(dims[0], 1); x = np.where(x < 0.1, np.nan, x)",
            numpy_run: "np.ma.getmaskarray(np.ma.masked_invalid(x))",
            numpy_avx512_slow: false,
        },
    ];
    list.insert(
        1,
        Workload {
            area: "ma",
            name: "ma.log",
            size: "1e7 f64, 10% masked",
            dims: &[10_000_000],
            test_dims: &[1_000],
            nprs: |d| {
                let a = masked_uniform(d[0], 1);
                Box::new(move || {
                    let r = nprs_ma::log(&a).expect("log").into_data().into_typed::<f64>().expect("float64");
                    crate::output::Output::approx(r)
                })
            },
            // nprs's log is within 1 ULP of NumPy's, not bit-identical: compared approximately.
            numpy_setup: concat!(
                "a = np.ma.masked_array(uniform(dims[0], 1), mask=uniform(dims[0], 101) < 0.1); ",
                "approx_digest = 20"
            ),
            numpy_run: "np.ma.getdata(np.ma.log(a))",
            numpy_avx512_slow: false,
        },
    );
    list.push(Workload {
        area: "ma",
        name: "ma.median",
        size: "1e7 f64, 10% masked",
        dims: &[10_000_000],
        test_dims: &[1_000],
        nprs: |d| {
            let a = masked_uniform(d[0], 1);
            Box::new(move || {
                let m = a.median(None, false).expect("median");
                Array::from_vec(vec![m.data().item(&[]).expect("0-d").as_f64().expect("float")]).into()
            })
        },
        numpy_setup: SETUP,
        numpy_run: "np.array([np.ma.median(a)])",
        numpy_avx512_slow: false,
    });
    list.push(Workload {
        area: "ma",
        name: "ma std(axis=0)",
        size: "(1000, 10000) f64, 10% masked",
        dims: &[1_000, 10_000],
        test_dims: &[30, 40],
        nprs: |d| {
            let a = masked_uniform(d[0] * d[1], 1).reshape(&[d[0] as isize, d[1] as isize]).expect("same size");
            Box::new(move || {
                a.std(Some(0), 0, false).expect("std").into_data().into_typed::<f64>().expect("f64").into()
            })
        },
        numpy_setup: concat!(
            "a = np.ma.masked_array(uniform(dims[0] * dims[1], 1), ",
            "mask=uniform(dims[0] * dims[1], 101) < 0.1).reshape(dims)"
        ),
        numpy_run: "np.ma.getdata(a.std(axis=0))",
        numpy_avx512_slow: false,
    });
    list
}

/// A `datetime64`/`timedelta64` result as its int64 counts (NumPy's `.view('i8')`; no copy).
fn counts(a: DynArray) -> Output {
    let i8: nprs_core::Descr = nprs_core::DType::Int64.into();
    a.into_dtype_view(&i8).and_then(DynArray::into_typed::<i64>).expect("64-bit counts").into()
}

/// Day counts of stream `seed` as `datetime64[D]`: `indices(n, high, seed) + shift`.
fn day_array(n: usize, high: u64, seed: u64, shift: i64) -> DynArray {
    let days: Vec<i64> = data::indices(n, high, seed).into_iter().map(|d| d + shift).collect();
    let d: nprs_core::Descr = nprs_core::Descr::parse("M8[D]").expect("a datetime dtype");
    DynArray::from(Array::from_vec(days)).into_dtype_view(&d).expect("int64 to datetime64")
}

/// A calendar with 20 holidays from stream 7, as the NumPy side builds it.
fn twenty_holidays() -> nprs_datetime::BusDayCalendar {
    let cal = nprs_datetime::BusDayCalendar::with_holiday_array("1111100", &day_array(20, 20_000, 7, 10_000));
    cal.expect("valid holidays")
}

/// Datetime rows: parsing and formatting ISO 8601, datetime arithmetic, a unit cast and the
/// business-day functions.
#[must_use]
pub fn datetime_workloads() -> Vec<Workload> {
    vec![
        Workload {
            area: "datetime",
            name: "parse ISO dates",
            size: "1e6",
            dims: &[1_000_000],
            test_dims: &[1_000],
            nprs: |d| {
                let days = day_array(d[0], 40_000, 1, -10_000);
                let text = nprs_datetime::datetime_as_string_array(&days, None, "naive").expect("dates");
                Box::new(move || {
                    let refs: Vec<&str> = text.iter().map(String::as_str).collect();
                    counts(nprs_datetime::datetime_array(&refs, Some("D")).expect("ISO dates"))
                })
            },
            numpy_setup: "s = np.datetime_as_string((indices(dims[0], 40000, 1) - 10000).view('M8[D]')).tolist()",
            numpy_run: "np.array(s, dtype='M8[D]').view('i8')",
            numpy_avx512_slow: false,
        },
        Workload {
            area: "datetime",
            name: "datetime_as_string",
            size: "1e6 M8[s]",
            dims: &[1_000_000],
            test_dims: &[1_000],
            nprs: |d| {
                let secs: Vec<i64> = data::indices(d[0], 1 << 40, 2).into_iter().map(|x| x - (1 << 39)).collect();
                let s: nprs_core::Descr = nprs_core::Descr::parse("M8[s]").expect("a datetime dtype");
                let a = DynArray::from(Array::from_vec(secs)).into_dtype_view(&s).expect("int64 to datetime64");
                let i4: nprs_core::Descr = nprs_core::DType::Int32.into();
                Box::new(move || {
                    let naive = nprs_datetime::Timezone::Naive;
                    let u = nprs_datetime::datetime_as_string_ndarray(&a, None, naive, "same_kind").expect("datetimes");
                    // The code points, as NumPy's `.view(np.int32)` shows them.
                    let points = u.view_dtype(&i4).expect("UCS4 code points").to_owned();
                    points.into_shape(&[a.size() * 38]).and_then(DynArray::into_typed::<i32>).expect("int32").into()
                })
            },
            numpy_setup: "a = (indices(dims[0], 2**40, 2) - 2**39).view('M8[s]')",
            numpy_run: "np.datetime_as_string(a).view(np.int32)",
            numpy_avx512_slow: false,
        },
        Workload {
            area: "datetime",
            name: "datetime64[ns] - datetime64[ns]",
            size: "1e7",
            dims: &[10_000_000],
            test_dims: &[1_000],
            nprs: |d| {
                let ns: nprs_core::Descr = nprs_core::Descr::parse("M8[ns]").expect("a datetime dtype");
                let make = |seed| {
                    DynArray::from(Array::from_vec(data::indices(d[0], 1 << 62, seed)))
                        .into_dtype_view(&ns)
                        .expect("int64 to datetime64")
                };
                let (a, b) = (make(3), make(4));
                Box::new(move || {
                    let r =
                        nprs_ufunc::ufuncs::SUBTRACT.call(&[(&a).into(), (&b).into()], nprs_core::UfuncOptions::new());
                    counts(r.expect("datetime64 - datetime64"))
                })
            },
            numpy_setup: "a = indices(dims[0], 2**62, 3).view('M8[ns]'); b = indices(dims[0], 2**62, 4).view('M8[ns]')",
            numpy_run: "(a - b).view('i8')",
            numpy_avx512_slow: false,
        },
        Workload {
            area: "datetime",
            name: "astype M8[D] from M8[ns]",
            size: "1e7",
            dims: &[10_000_000],
            test_dims: &[1_000],
            nprs: |d| {
                let ns: nprs_core::Descr = nprs_core::Descr::parse("M8[ns]").expect("a datetime dtype");
                let c: Vec<i64> = data::indices(d[0], 1 << 62, 5).into_iter().map(|x| x - (1 << 61)).collect();
                let a = DynArray::from(Array::from_vec(c)).into_dtype_view(&ns).expect("int64 to datetime64");
                let day = nprs_core::Descr::parse("M8[D]").expect("a datetime dtype");
                Box::new(move || counts(a.astype(&day).expect("a unit cast")))
            },
            numpy_setup: "a = (indices(dims[0], 2**62, 5) - 2**61).view('M8[ns]')",
            numpy_run: "a.astype('M8[D]').view('i8')",
            numpy_avx512_slow: false,
        },
        Workload {
            area: "datetime",
            name: "busday_count, 20 holidays",
            size: "1e6 pairs",
            dims: &[1_000_000],
            test_dims: &[1_000],
            nprs: |d| {
                let (b, e, cal) = (day_array(d[0], 40_000, 5, 0), day_array(d[0], 40_000, 6, 0), twenty_holidays());
                Box::new(move || nprs_datetime::busday_count(&b, &e, &cal).expect("dates").into())
            },
            numpy_setup: "b = indices(dims[0], 40000, 5).view('M8[D]'); e = indices(dims[0], 40000, 6).view('M8[D]'); \
                          cal = np.busdaycalendar(holidays=(indices(20, 20000, 7) + 10000).view('M8[D]'))",
            numpy_run: "np.busday_count(b, e, busdaycal=cal)",
            numpy_avx512_slow: false,
        },
        Workload {
            area: "datetime",
            name: "busday_offset forward, 20 holidays",
            size: "1e6",
            dims: &[1_000_000],
            test_dims: &[1_000],
            nprs: |d| {
                let dates = day_array(d[0], 40_000, 8, 0);
                let offsets: Vec<i64> = data::indices(d[0], 1000, 9).into_iter().map(|x| x - 500).collect();
                let (offsets, cal) = (Array::from_vec(offsets), twenty_holidays());
                Box::new(move || {
                    counts(nprs_datetime::busday_offset(&dates, &offsets, "forward", &cal).expect("dates"))
                })
            },
            numpy_setup: "d = indices(dims[0], 40000, 8).view('M8[D]'); o = indices(dims[0], 1000, 9) - 500; \
                          cal = np.busdaycalendar(holidays=(indices(20, 20000, 7) + 10000).view('M8[D]'))",
            numpy_run: "np.busday_offset(d, o, roll='forward', busdaycal=cal).view('i8')",
            numpy_avx512_slow: false,
        },
        Workload {
            area: "datetime",
            name: "max of datetime64[ns]",
            size: "1e7",
            dims: &[10_000_000],
            test_dims: &[1_001],
            nprs: |d| {
                let ns: nprs_core::Descr = nprs_core::Descr::parse("M8[ns]").expect("a datetime dtype");
                let c: Vec<i64> = data::indices(d[0], 1 << 62, 10).into_iter().map(|x| x - (1 << 61)).collect();
                let a = DynArray::from(Array::from_vec(c)).into_dtype_view(&ns).expect("int64 to datetime64");
                Box::new(move || counts(nprs_ufunc::max_dyn(&a.view(), &nprs_ufunc::ReduceArgs::new()).expect("max")))
            },
            numpy_setup: "a = (indices(dims[0], 2**62, 10) - 2**61).view('M8[ns]')",
            numpy_run: "np.max(a).view('i8')",
            numpy_avx512_slow: false,
        },
        Workload {
            area: "datetime",
            name: "sum of timedelta64[ns]",
            size: "1e7",
            dims: &[10_000_000],
            test_dims: &[1_001],
            nprs: |d| {
                let ns: nprs_core::Descr = nprs_core::Descr::parse("m8[ns]").expect("a timedelta dtype");
                let c: Vec<i64> = data::indices(d[0], 1 << 40, 11).into_iter().map(|x| x - (1 << 39)).collect();
                let a = DynArray::from(Array::from_vec(c)).into_dtype_view(&ns).expect("int64 to timedelta64");
                Box::new(move || counts(nprs_ufunc::sum_dyn(&a.view(), &nprs_ufunc::ReduceArgs::new()).expect("sum")))
            },
            numpy_setup: "a = (indices(dims[0], 2**40, 11) - 2**39).view('m8[ns]')",
            numpy_run: "np.sum(a).view('i8')",
            numpy_avx512_slow: false,
        },
        Workload {
            area: "datetime",
            name: "parse ISO date-times",
            size: "1e6 with seconds",
            dims: &[1_000_000],
            test_dims: &[1_000],
            nprs: |d| {
                let s: nprs_core::Descr = nprs_core::Descr::parse("M8[s]").expect("a datetime dtype");
                let c: Vec<i64> = data::indices(d[0], 1 << 32, 12).into_iter().map(|x| x - (1 << 31)).collect();
                let secs = DynArray::from(Array::from_vec(c)).into_dtype_view(&s).expect("int64 to datetime64");
                let text = nprs_datetime::datetime_as_string_array(&secs, None, "naive").expect("date-times");
                Box::new(move || {
                    let refs: Vec<&str> = text.iter().map(String::as_str).collect();
                    counts(nprs_datetime::datetime_array(&refs, Some("s")).expect("ISO date-times"))
                })
            },
            numpy_setup: "s = np.datetime_as_string((indices(dims[0], 2**32, 12) - 2**31).view('M8[s]')).tolist()",
            numpy_run: "np.array(s, dtype='M8[s]').view('i8')",
            numpy_avx512_slow: false,
        },
    ]
}

/// One binary float64 ufunc of the table on two 1e7 streams (or a stream and a number),
/// compared approximately (the SIMD kernels agree with NumPy's within an ulp).
macro_rules! binary_ufunc_workload {
    ($name:expr, $u:ident, $fa:expr, $b:expr, $setup:expr, $run:expr) => {
        Workload {
            area: "core",
            name: $name,
            size: "1e7 f64",
            dims: &[10_000_000],
            test_dims: &[1_003],
            nprs: |d| {
                let a = DynArray::from(nprs_core::kernel::map(&uniform_array(d, 1), $fa));
                let b = DynArray::from(nprs_core::kernel::map(&uniform_array(d, 2), |x| x * 2.0 - 1.0));
                Box::new(move || {
                    let second: Option<f64> = $b;
                    let second = second.map_or_else(|| (&b).into(), nprs_core::dynarray::Operand::from);
                    let r = nprs_ufunc::ufuncs::$u.call(&[(&a).into(), second], nprs_core::UfuncOptions::new());
                    crate::output::Output::approx(r.and_then(DynArray::into_typed::<f64>).expect("float64"))
                })
            },
            numpy_setup: $setup,
            numpy_run: $run,
            numpy_avx512_slow: false,
        }
    };
}

/// The binary ufuncs and elementwise helpers (power, arctan2, hypot, clip, isclose).
#[must_use]
pub fn binary_ufunc_workloads() -> Vec<Workload> {
    const AB: &str = "a = uniform(dims[0], 1) * 2.0 - 1.0; b = uniform(dims[0], 2) * 2.0 - 1.0; approx_digest = 20";
    const POS: &str =
        "a = np.abs(uniform(dims[0], 1) * 2.0 - 1.0); b = uniform(dims[0], 2) * 2.0 - 1.0; approx_digest = 20";
    vec![
        binary_ufunc_workload!(
            "power f64 ** 2.5",
            POWER,
            |x: f64| (x * 2.0 - 1.0).abs(),
            Some(2.5),
            POS,
            "np.power(a, 2.5)"
        ),
        binary_ufunc_workload!("power f64 ** f64", POWER, |x: f64| (x * 2.0 - 1.0).abs(), None, POS, "np.power(a, b)"),
        binary_ufunc_workload!("arctan2", ARCTAN2, |x: f64| x * 2.0 - 1.0, None, AB, "np.arctan2(a, b)"),
        binary_ufunc_workload!("hypot", HYPOT, |x: f64| x * 2.0 - 1.0, None, AB, "np.hypot(a, b)"),
        Workload {
            area: "core",
            name: "clip",
            size: "1e7 f64",
            dims: &[10_000_000],
            test_dims: &[1_003],
            nprs: |d| {
                let a = uniform_array(d, 1);
                Box::new(move || nprs_ufunc::clip(&a, Some(0.25), Some(0.75)).expect("float64").into())
            },
            numpy_setup: "a = uniform(dims[0], 1)",
            numpy_run: "np.clip(a, 0.25, 0.75)",
            numpy_avx512_slow: false,
        },
        Workload {
            area: "core",
            name: "isclose",
            size: "1e7 f64",
            dims: &[10_000_000],
            test_dims: &[1_003],
            nprs: |d| {
                let a = uniform_array(d, 1);
                let b = nprs_core::kernel::map(&a, |x| x + 5e-6);
                Box::new(move || nprs_ufunc::isclose(&a, &b, &nprs_ufunc::IsClose::new()).expect("same shape").into())
            },
            numpy_setup: "a = uniform(dims[0], 1); b = a + 5e-6",
            numpy_run: "np.isclose(a, b)",
            numpy_avx512_slow: false,
        },
    ]
}

/// The statistics rows: median and percentile (linear) of 10^7 float64 and of a
/// (1000, 10000) array along each axis, histogram (100 bins) of 10^7 float64, bincount of
/// 10^7 int64 below 1000.
fn stats_quantile_workloads() -> Vec<Workload> {
    vec![
        Workload {
            area: "stats",
            name: "median",
            size: "1e7 f64",
            dims: &[10_000_000],
            test_dims: &[1_001],
            nprs: |d| {
                let a = uniform_array(d, 1);
                Box::new(move || nprs_ufunc::median(&a, None, false).expect("valid axis").into())
            },
            numpy_setup: "a = uniform(dims[0], 1)",
            numpy_run: "np.median(a)",
            numpy_avx512_slow: false,
        },
        Workload {
            area: "stats",
            name: "median axis=0",
            size: "1000x10000 f64",
            dims: &[1_000, 10_000],
            test_dims: &[33, 47],
            nprs: |d| {
                let a = uniform_array(d, 1);
                Box::new(move || nprs_ufunc::median(&a, Some(&[0]), false).expect("valid axis").into())
            },
            numpy_setup: "a = uniform(dims[0] * dims[1], 1).reshape(dims)",
            numpy_run: "np.median(a, axis=0)",
            numpy_avx512_slow: false,
        },
        Workload {
            area: "stats",
            name: "median axis=1",
            size: "1000x10000 f64",
            dims: &[1_000, 10_000],
            test_dims: &[33, 47],
            nprs: |d| {
                let a = uniform_array(d, 1);
                Box::new(move || nprs_ufunc::median(&a, Some(&[1]), false).expect("valid axis").into())
            },
            numpy_setup: "a = uniform(dims[0] * dims[1], 1).reshape(dims)",
            numpy_run: "np.median(a, axis=1)",
            numpy_avx512_slow: false,
        },
        Workload {
            area: "stats",
            name: "percentile linear",
            size: "1e7 f64",
            dims: &[10_000_000],
            test_dims: &[1_001],
            nprs: |d| {
                let a = uniform_array(d, 1);
                Box::new(move || {
                    nprs_ufunc::percentile(&a, 37.5, &nprs_ufunc::QuantileOptions::new()).expect("valid q").into()
                })
            },
            numpy_setup: "a = uniform(dims[0], 1)",
            numpy_run: "np.percentile(a, 37.5)",
            numpy_avx512_slow: false,
        },
        Workload {
            area: "stats",
            name: "percentile linear axis=0",
            size: "1000x10000 f64",
            dims: &[1_000, 10_000],
            test_dims: &[33, 47],
            nprs: |d| {
                let a = uniform_array(d, 1);
                Box::new(move || {
                    nprs_ufunc::percentile(&a, 37.5, &nprs_ufunc::QuantileOptions::new().axis(0))
                        .expect("valid q")
                        .into()
                })
            },
            numpy_setup: "a = uniform(dims[0] * dims[1], 1).reshape(dims)",
            numpy_run: "np.percentile(a, 37.5, axis=0)",
            numpy_avx512_slow: false,
        },
        Workload {
            area: "stats",
            name: "percentile linear axis=1",
            size: "1000x10000 f64",
            dims: &[1_000, 10_000],
            test_dims: &[33, 47],
            nprs: |d| {
                let a = uniform_array(d, 1);
                Box::new(move || {
                    nprs_ufunc::percentile(&a, 37.5, &nprs_ufunc::QuantileOptions::new().axis(1))
                        .expect("valid q")
                        .into()
                })
            },
            numpy_setup: "a = uniform(dims[0] * dims[1], 1).reshape(dims)",
            numpy_run: "np.percentile(a, 37.5, axis=1)",
            numpy_avx512_slow: false,
        },
        Workload {
            area: "stats",
            name: "histogram 100 bins",
            size: "1e7 f64",
            dims: &[10_000_000],
            test_dims: &[1_001],
            nprs: |d| {
                let a = uniform_array(d, 1);
                Box::new(move || {
                    let opts = nprs_ufunc::HistogramOptions::new().bins(nprs_ufunc::Bins::Count(100));
                    let (h, _) = nprs_ufunc::histogram(&a, &opts).expect("finite data");
                    h.into_typed::<i64>().expect("int64 counts").into()
                })
            },
            numpy_setup: "a = uniform(dims[0], 1)",
            numpy_run: "np.histogram(a, bins=100)[0]",
            numpy_avx512_slow: false,
        },
        Workload {
            area: "stats",
            name: "bincount",
            size: "1e7 int64 < 1000",
            dims: &[10_000_000],
            test_dims: &[1_001],
            nprs: |d| {
                let x = Array::from_vec(data::indices(d[0], 1_000, 1));
                Box::new(move || nprs_ufunc::bincount(&x, 0).expect("non-negative").into())
            },
            numpy_setup: "x = indices(dims[0], 1000, 1)",
            numpy_run: "np.bincount(x)",
            numpy_avx512_slow: false,
        },
    ]
}

/// One reduction row: `$f` maps the input `DynArray` to the result; the NumPy side runs
/// `$run` on `a` built by `$setup`.
macro_rules! reduction {
    ($name:expr, $size:expr, $dims:expr, $test:expr, $build:expr, $f:expr, $setup:expr, $run:expr) => {
        Workload {
            area: "core",
            name: $name,
            size: $size,
            dims: $dims,
            test_dims: $test,
            nprs: |d| {
                let build: fn(&[usize]) -> DynArray = $build;
                let a = build(d);
                let f: fn(&DynArray) -> Output = $f;
                Box::new(move || f(black_box(&a)))
            },
            numpy_setup: $setup,
            numpy_run: $run,
            numpy_avx512_slow: false,
        }
    };
}

/// A reduction result as the typed output.
fn out<T: nprs_core::Element>(r: nprs_core::Result<DynArray>) -> Output
where
    Output: From<Array<T>>,
{
    r.and_then(DynArray::into_typed::<T>).expect("the reduction's dtype").into()
}

/// `float64` input of `dims` from stream 1.
fn f64_input(d: &[usize]) -> DynArray {
    DynArray::from(uniform_array(d, 1))
}

/// `float64` input with 1% NaN (at positions `indices(n / 100, n, 3)`).
fn f64_nan_input(d: &[usize]) -> DynArray {
    let mut a = uniform_array(d, 1);
    let n = a.size();
    if let Some(s) = a.as_slice_memory_order_mut() {
        for i in data::indices(n / 100, n as u64, 3) {
            s[i as usize] = f64::NAN;
        }
    }
    DynArray::from(a)
}

const NAN_SETUP_1D: &str = "a = uniform(dims[0], 1); a[indices(dims[0] // 100, dims[0], 3)] = np.nan";
const NAN_SETUP_2D: &str = "a = uniform(dims[0] * dims[1], 1); a[indices(dims[0] * dims[1] // 100, dims[0] * dims[1], 3)] = np.nan; a = a.reshape(dims)";
const SETUP_2D: &str = "a = uniform(dims[0] * dims[1], 1).reshape(dims)";

/// The reductions of issue 12 (`sum`, `mean`, `std`, `min`, `max`, `argmax`, `cumsum`,
/// `nanmean` with 1% NaN, `count_nonzero`) on 10^7 `float64` and along each axis of a
/// 1000 x 10000 `float64` array, and `sum` of 10^7 `float32` and `int32`.
#[must_use]
#[allow(clippy::too_many_lines)] // one entry per row of the table
pub fn reduction_workloads() -> Vec<Workload> {
    use nprs_ufunc::{
        ReduceArgs, argmax_dyn, count_nonzero_dyn, cumsum_dyn, max_dyn, mean_dyn, min_dyn, nanmean_dyn, std_dyn,
        sum_dyn,
    };
    const N: &[usize] = &[10_000_000];
    const NT: &[usize] = &[1_001];
    const M: &[usize] = &[1_000, 10_000];
    const MT: &[usize] = &[33, 47];
    vec![
        reduction!(
            "sum",
            "1e7 f64",
            N,
            NT,
            f64_input,
            |a| out::<f64>(sum_dyn(&a.view(), &ReduceArgs::new())),
            "a = uniform(dims[0], 1)",
            "np.sum(a)"
        ),
        reduction!(
            "mean",
            "1e7 f64",
            N,
            NT,
            f64_input,
            |a| out::<f64>(mean_dyn(&a.view(), &ReduceArgs::new())),
            "a = uniform(dims[0], 1)",
            "np.mean(a)"
        ),
        reduction!(
            "std",
            "1e7 f64",
            N,
            NT,
            f64_input,
            |a| out::<f64>(std_dyn(&a.view(), &ReduceArgs::new())),
            "a = uniform(dims[0], 1)",
            "np.std(a)"
        ),
        reduction!(
            "min",
            "1e7 f64",
            N,
            NT,
            f64_input,
            |a| out::<f64>(min_dyn(&a.view(), &ReduceArgs::new())),
            "a = uniform(dims[0], 1)",
            "np.min(a)"
        ),
        reduction!(
            "max",
            "1e7 f64",
            N,
            NT,
            f64_input,
            |a| out::<f64>(max_dyn(&a.view(), &ReduceArgs::new())),
            "a = uniform(dims[0], 1)",
            "np.max(a)"
        ),
        reduction!(
            "argmax",
            "1e7 f64",
            N,
            NT,
            f64_input,
            |a| out::<i64>(argmax_dyn(&a.view(), None, false)),
            "a = uniform(dims[0], 1)",
            "np.argmax(a)"
        ),
        reduction!(
            "cumsum",
            "1e7 f64",
            N,
            NT,
            f64_input,
            |a| out::<f64>(cumsum_dyn(&a.view(), None)),
            "a = uniform(dims[0], 1)",
            "np.cumsum(a)"
        ),
        reduction!(
            "nanmean 1% NaN",
            "1e7 f64",
            N,
            NT,
            f64_nan_input,
            |a| out::<f64>(nanmean_dyn(&a.view(), &ReduceArgs::new())),
            NAN_SETUP_1D,
            "np.nanmean(a)"
        ),
        reduction!(
            "count_nonzero",
            "1e7 f64",
            N,
            NT,
            f64_input,
            |a| out::<i64>(count_nonzero_dyn(&a.view(), &ReduceArgs::new())),
            "a = uniform(dims[0], 1)",
            "np.count_nonzero(a)"
        ),
        reduction!(
            "sum axis=0",
            "1000x10000 f64",
            M,
            MT,
            f64_input,
            |a| out::<f64>(sum_dyn(&a.view(), &ReduceArgs::new().axis(0))),
            SETUP_2D,
            "np.sum(a, axis=0)"
        ),
        reduction!(
            "sum axis=1",
            "1000x10000 f64",
            M,
            MT,
            f64_input,
            |a| out::<f64>(sum_dyn(&a.view(), &ReduceArgs::new().axis(1))),
            SETUP_2D,
            "np.sum(a, axis=1)"
        ),
        reduction!(
            "mean axis=0",
            "1000x10000 f64",
            M,
            MT,
            f64_input,
            |a| out::<f64>(mean_dyn(&a.view(), &ReduceArgs::new().axis(0))),
            SETUP_2D,
            "np.mean(a, axis=0)"
        ),
        reduction!(
            "mean axis=1",
            "1000x10000 f64",
            M,
            MT,
            f64_input,
            |a| out::<f64>(mean_dyn(&a.view(), &ReduceArgs::new().axis(1))),
            SETUP_2D,
            "np.mean(a, axis=1)"
        ),
        reduction!(
            "std axis=0",
            "1000x10000 f64",
            M,
            MT,
            f64_input,
            |a| out::<f64>(std_dyn(&a.view(), &ReduceArgs::new().axis(0))),
            SETUP_2D,
            "np.std(a, axis=0)"
        ),
        reduction!(
            "std axis=1",
            "1000x10000 f64",
            M,
            MT,
            f64_input,
            |a| out::<f64>(std_dyn(&a.view(), &ReduceArgs::new().axis(1))),
            SETUP_2D,
            "np.std(a, axis=1)"
        ),
        reduction!(
            "min axis=0",
            "1000x10000 f64",
            M,
            MT,
            f64_input,
            |a| out::<f64>(min_dyn(&a.view(), &ReduceArgs::new().axis(0))),
            SETUP_2D,
            "np.min(a, axis=0)"
        ),
        reduction!(
            "min axis=1",
            "1000x10000 f64",
            M,
            MT,
            f64_input,
            |a| out::<f64>(min_dyn(&a.view(), &ReduceArgs::new().axis(1))),
            SETUP_2D,
            "np.min(a, axis=1)"
        ),
        reduction!(
            "max axis=0",
            "1000x10000 f64",
            M,
            MT,
            f64_input,
            |a| out::<f64>(max_dyn(&a.view(), &ReduceArgs::new().axis(0))),
            SETUP_2D,
            "np.max(a, axis=0)"
        ),
        reduction!(
            "max axis=1",
            "1000x10000 f64",
            M,
            MT,
            f64_input,
            |a| out::<f64>(max_dyn(&a.view(), &ReduceArgs::new().axis(1))),
            SETUP_2D,
            "np.max(a, axis=1)"
        ),
        reduction!(
            "argmax axis=0",
            "1000x10000 f64",
            M,
            MT,
            f64_input,
            |a| out::<i64>(argmax_dyn(&a.view(), Some(0), false)),
            SETUP_2D,
            "np.argmax(a, axis=0)"
        ),
        reduction!(
            "argmax axis=1",
            "1000x10000 f64",
            M,
            MT,
            f64_input,
            |a| out::<i64>(argmax_dyn(&a.view(), Some(1), false)),
            SETUP_2D,
            "np.argmax(a, axis=1)"
        ),
        reduction!(
            "cumsum axis=0",
            "1000x10000 f64",
            M,
            MT,
            f64_input,
            |a| out::<f64>(cumsum_dyn(&a.view(), Some(0))),
            SETUP_2D,
            "np.cumsum(a, axis=0)"
        ),
        reduction!(
            "cumsum axis=1",
            "1000x10000 f64",
            M,
            MT,
            f64_input,
            |a| out::<f64>(cumsum_dyn(&a.view(), Some(1))),
            SETUP_2D,
            "np.cumsum(a, axis=1)"
        ),
        reduction!(
            "nanmean 1% NaN axis=0",
            "1000x10000 f64",
            M,
            MT,
            f64_nan_input,
            |a| out::<f64>(nanmean_dyn(&a.view(), &ReduceArgs::new().axis(0))),
            NAN_SETUP_2D,
            "np.nanmean(a, axis=0)"
        ),
        reduction!(
            "nanmean 1% NaN axis=1",
            "1000x10000 f64",
            M,
            MT,
            f64_nan_input,
            |a| out::<f64>(nanmean_dyn(&a.view(), &ReduceArgs::new().axis(1))),
            NAN_SETUP_2D,
            "np.nanmean(a, axis=1)"
        ),
        reduction!(
            "count_nonzero axis=0",
            "1000x10000 f64",
            M,
            MT,
            f64_input,
            |a| out::<i64>(count_nonzero_dyn(&a.view(), &ReduceArgs::new().axis(0))),
            SETUP_2D,
            "np.count_nonzero(a, axis=0)"
        ),
        reduction!(
            "count_nonzero axis=1",
            "1000x10000 f64",
            M,
            MT,
            f64_input,
            |a| out::<i64>(count_nonzero_dyn(&a.view(), &ReduceArgs::new().axis(1))),
            SETUP_2D,
            "np.count_nonzero(a, axis=1)"
        ),
        reduction!(
            "sum",
            "1e7 f32",
            N,
            NT,
            |d| DynArray::from(uniform_array(d, 1).astype::<f32>()),
            |a| out::<f32>(sum_dyn(&a.view(), &ReduceArgs::new())),
            "a = uniform(dims[0], 1).astype(np.float32)",
            "np.sum(a)"
        ),
        reduction!(
            "sum",
            "1e7 i32",
            N,
            NT,
            |d| DynArray::from(Array::from_vec(data::bits(d[0], 2).into_iter().map(|x| (x % 1000) as i32).collect())),
            |a| out::<i64>(sum_dyn(&a.view(), &ReduceArgs::new())),
            "a = (bits(dims[0], 2) % 1000).astype(np.int32)",
            "np.sum(a)"
        ),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_unique_and_test_dims_match_rank() {
        let all = workloads();
        let mut ids: Vec<String> = all.iter().map(Workload::id).collect();
        ids.sort();
        ids.dedup();
        assert_eq!(ids.len(), all.len());
        for w in &all {
            assert_eq!(w.dims.len(), w.test_dims.len(), "{}", w.id());
        }
    }

    #[test]
    fn filter_selects_by_substring() {
        assert!(select(Some("astype")).iter().all(|w| w.name.starts_with("astype")));
        assert_eq!(select(None).len(), workloads().len());
        assert!(select(Some("no such workload")).is_empty());
    }
}
