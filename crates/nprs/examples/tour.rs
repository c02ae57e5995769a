//! A tour of what nprs does today, printed the way NumPy prints it.
//!
//! Run with `cargo run --release --example tour`.

use nprs::prelude::*;

fn section(title: &str) {
    println!("\n== {title} ==");
}

fn main() -> Result<(), nprs::Error> {
    section("Creation");
    let a = Array::<f64>::arange(12).into_shape(&[3, 4])?;
    println!(">>> a = np.arange(12.0).reshape(3, 4)\n{a}");
    println!(">>> a.shape, a.ndim, a.size, a.strides, a.dtype");
    println!("{:?} {} {} {:?} {}", a.shape(), a.ndim(), a.size(), a.strides(), a.dtype());

    section("Views: slicing, transpose, reshape");
    let v = a.slice(s![.., 1..;2]);
    println!(">>> a[:, 1::2]\n{v}");
    println!(">>> np.shares_memory(a, a[:, 1::2]) -> {}", nprs::shares_memory(&a, &v, None)?);
    let t = a.t();
    println!(">>> a.T\n{t}");
    println!(">>> a.T.flags.c_contiguous -> {}", t.flags().c_contiguous);
    let r = a.reshape(&[2, -1])?;
    println!(">>> a.reshape(2, -1)  (a view: {})\n{r}", r.is_view());

    section("Broadcasting arithmetic");
    let row = array![10.0, 20.0, 30.0, 40.0];
    println!(">>> a + np.array([10., 20., 30., 40.])\n{}", &a + &row);
    let col = Array::<f64>::arange(3).into_shape(&[3, 1])?;
    println!(">>> a * np.arange(3.0).reshape(3, 1)\n{}", &a * &col);
    match nprs::add(&a, &array![1.0, 2.0, 3.0]) {
        Ok(_) => println!("unexpected"),
        Err(e) => println!(">>> a + np.array([1., 2., 3.])\nValueError: {e}"),
    }

    section("Integer semantics and casts");
    let u = array![250u8, 100, 7];
    println!(">>> np.array([250, 100, 7], dtype=np.uint8) + 10\n{}", &u + 10u8);
    let f = array![1.7, -2.5, 300.9];
    println!(">>> np.array([1.7, -2.5, 300.9]).astype(np.int8)\n{}", f.astype::<i8>());
    println!(">>> np.array([7, -7]) % 3 -> {}", &array![7i64, -7] % 3);
    println!(">>> np.array([1, 2]) / 2 -> {}", &array![1i64, 2] / 2);
    Ok(())
}
