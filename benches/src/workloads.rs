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
                        .and_then(|r| r.to_typed::<f64>())
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
                        .and_then(|r| r.to_typed::<f64>())
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
                        .and_then(|r| r.to_typed::<f64>())
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
                        .and_then(|r| r.to_typed::<f64>())
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
                Box::new(move || {
                    let r = nprs_ufunc::ufuncs::ADD.accumulate(&a.view(), 0);
                    r.and_then(|r| r.to_typed::<f64>()).expect("f64").into()
                })
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
                    r.and_then(|r| r.to_typed::<f64>()).expect("f64").into()
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
                    a.to_typed::<f64>().expect("f64").into()
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
