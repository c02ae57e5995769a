//! A tour of what nprs does today, each step printed the way NumPy prints it.
//!
//! Run with `cargo run --release --example tour`.

use nprs::prelude::*;
use nprs::{ClipMode, Descr, Indexing, PrintOptions};

fn section(title: &str) {
    println!("\n=== {title} ===");
}

fn show(numpy: &str, value: impl std::fmt::Display) {
    println!(">>> {numpy}\n{value}");
}

fn main() -> Result<(), nprs::Error> {
    section("Creating arrays");
    let a = Array::<f64>::arange(12).into_shape(&[3, 4])?;
    show("a = np.arange(12.0).reshape(3, 4); print(a)", &a);
    show("np.linspace(0, 1, 5)", nprs::linspace(0.0, 1.0, 5, true)?);
    show("np.eye(3, k=1, dtype=np.int64)", nprs::eye::<i64>(3, None, 1, Order::C)?);
    show("np.full((2, 3), 7)", Array::<i64>::full(&[2, 3], 7)?);
    let (x, y) = (array![1.0, 2.0, 3.0], array![10.0, 20.0]);
    let grids = nprs::meshgrid(&[x.view(), y.view()], Indexing::Xy, false, true)?;
    show("np.meshgrid([1., 2., 3.], [10., 20.])[0]", &grids[0]);
    show("repr(np.array([1, 2, 3], dtype=np.int8))", format!("{:?}", array![1i8, 2, 3]));

    section("Attributes");
    let tuple = |v: Vec<String>| if v.len() == 1 { format!("({},)", v[0]) } else { format!("({})", v.join(", ")) };
    let shape = tuple(a.shape().iter().map(ToString::to_string).collect());
    let strides = tuple(a.strides().iter().map(ToString::to_string).collect());
    println!(">>> a.shape, a.ndim, a.size, a.strides, a.dtype, a.itemsize");
    println!("({shape}, {}, {}, {strides}, dtype('{}'), {})", a.ndim(), a.size(), a.dtype(), a.itemsize());

    section("Views, not copies");
    let v = a.slice(s![.., 1..;2]);
    show("a[:, 1::2]", &v);
    let py_bool = |b: bool| if b { "True" } else { "False" };
    println!(">>> np.shares_memory(a, a[:, 1::2])\n{}", py_bool(nprs::shares_memory(&a, &v, None)?));
    show("a[::-1, -1]", a.slice(s![..;-1, -1]));
    let t = a.t();
    show("a.T", &t);
    let f = t.flags();
    println!(
        ">>> a.T.flags.c_contiguous, a.T.flags.f_contiguous\n({}, {})",
        py_bool(f.c_contiguous),
        py_bool(f.f_contiguous)
    );
    let r = a.reshape(&[2, -1])?;
    show(&format!("a.reshape(2, -1)   # a view: {}", r.is_view()), &r);
    show("np.broadcast_to(np.arange(3), (2, 3))", Array::<i64>::arange(3).broadcast_to(&[2, 3])?);

    section("Broadcasting arithmetic");
    show("a + np.array([10., 20., 30., 40.])", &a + &array![10.0, 20.0, 30.0, 40.0]);
    let col = Array::<f64>::arange(3).into_shape(&[3, 1])?;
    show("a * np.arange(3.0).reshape(3, 1)", &a * &col);
    show("a / 3", &a / 3.0);
    match nprs::add(&a, &array![1.0, 2.0, 3.0]) {
        Ok(_) => unreachable!("(3,4) and (3,) do not broadcast"),
        Err(e) => println!(">>> a + np.array([1., 2., 3.])\nValueError: {e}"),
    }

    section("Indexing");
    let data = array![10i64, 20, 30, 40, 50];
    show("arr = np.array([10, 20, 30, 40, 50]); arr[[0, 2, 4]]", data.index(nprs::idx![vec![0i64, 2, 4]])?);
    let mask = nprs::kernel::map(&data, |x| x > 25); // arr > 25
    show("arr[arr > 25]", data.mask_select(&mask)?);
    show("np.take(arr, [7, -9], mode='clip')", nprs::take(&data, vec![7i64, -9], None, ClipMode::Clip)?);
    show("np.nonzero(arr > 25)[0]", &nprs::nonzero(&mask)?[0]);
    let mut m = Array::<i64>::arange(9).into_shape(&[3, 3])?;
    let odd = nprs::kernel::map(&m, |x| x % 2 == 1);
    m.mask_fill(&odd, -1)?;
    show("m = np.arange(9).reshape(3, 3); m[m % 2 == 1] = -1; m", &m);
    match data.get(&[5]) {
        Ok(_) => unreachable!("index 5 is out of bounds"),
        Err(e) => println!(">>> arr[5]\nIndexError: {e}"),
    }

    section("Integer and float semantics");
    show("np.array([250, 100, 7], dtype=np.uint8) + 10", &array![250u8, 100, 7] + 10u8);
    show("np.array([1.7, -2.5, 300.9, np.nan]).astype(np.int8)", array![1.7, -2.5, 300.9, f64::NAN].astype::<i8>());
    show("np.array([65504., 65600.]).astype(np.float16)", array![65504.0, 65600.0].astype::<f16>());
    show("np.array([7, -7]) % 3", &array![7i64, -7] % 3);
    show("np.array([7, -7]) // 2", nprs::floor_divide(&array![7i64, -7], &array![2i64])?);
    show("np.array([1, 2]) / 2", &array![1i64, 2] / 2);

    section("Printing");
    show("np.arange(2000.0)", Array::<f64>::arange(2000));
    show("np.array([1e-5, 1.0, 1e5])", array![1e-5, 1.0, 1e5]);
    show("repr(np.array([0.1, 0.2 + 0.1j]))", format!("{:?}", array![C128::new(0.1, 0.0), C128::new(0.2, 0.1)]));
    let opts = PrintOptions { precision: 3, suppress: true, ..nprs::get_printoptions() };
    let s = nprs::with_printoptions(opts, || format!("{}", array![1.0 / 3.0, 1e-7, 2.5]));
    show("with np.printoptions(precision=3, suppress=True): print(np.array([1/3, 1e-7, 2.5]))", s);

    section("Reductions");
    let total = nprs::sum(&nprs::arange::<f64>(1.0, 101.0, 1.0)?);
    show("print(np.sum(np.arange(1, 101.0)))", Array::from_elem_0d(total));
    let bytes_total = nprs::sum(&array![200u8, 200, 255]);
    show("np.sum(np.array([200, 200, 255], dtype=np.uint8))   # uint64 result", Array::from_elem_0d(bytes_total));

    section("Runtime dtypes");
    let (i8d, i16d) = (Descr::parse("int8")?, Descr::parse("int16")?);
    show("np.promote_types('int8', 'int16')", nprs::promote_types(&i8d, &i16d)?);
    let (u64d, i64d) = (Descr::parse("uint64")?, Descr::parse("int64")?);
    show("np.promote_types('uint64', 'int64')", nprs::promote_types(&u64d, &i64d)?);
    println!(
        ">>> np.can_cast('float64', 'int64', 'safe')\n{}",
        py_bool(nprs::can_cast(&Descr::parse("float64")?, &i64d, nprs::Casting::Safe))
    );
    show("np.iinfo(np.int16)", nprs::iinfo(DType::Int16)?);
    let mixed = nprs::DynArray::from(array![1i8, 2, 3]).try_add(&nprs::DynArray::from(array![1000i16, 2000, 3000]))?;
    show("np.array([1, 2, 3], np.int8) + np.array([1000, 2000, 3000], np.int16)", &mixed);
    let words = nprs::DynArray::from_strs(&["apple", "kiwi", "fig"]);
    show("np.array(['apple', 'kiwi', 'fig'])", &words);
    show("np.strings.upper(np.array(['apple', 'kiwi', 'fig']))", nprs::strings::upper(&words)?);

    section("Random streams, bit for bit");
    let mut rng = nprs::random::default_rng(42);
    show("rng = np.random.default_rng(42); rng.random(3)", rng.random(3)?);
    show("rng.integers(0, 10, size=(2, 3))", rng.integers::<i64>(0, 10, [2, 3])?);
    show("rng.normal(0, 1, 4)", rng.normal(0.0, 1.0, 4)?);
    nprs::random::legacy::global::seed(0)?;
    show("np.random.seed(0); np.random.rand(3)", nprs::random::legacy::global::rand(3)?);

    section("Files");
    let path = std::env::temp_dir().join(format!("nprs-tour-{}.npy", std::process::id()));
    nprs::io::save(&path, &a)?;
    let back = nprs::io::load::<f64>(&path)?;
    show("np.save('a.npy', a); np.load('a.npy')", &back);
    std::fs::remove_file(&path).ok();
    Ok(())
}
