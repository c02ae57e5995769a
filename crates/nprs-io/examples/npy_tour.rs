//! A tour of nprs-io: .npy and .npz files, memory maps and text, as NumPy reads them.
//!
//! Run with `cargo run -p nprs-io --example npy_tour`.
#![allow(unsafe_code)] // mapping a file is unsafe; the tour maps a file it just wrote

use nprs_core::{Array, Order};
use nprs_io::text::{Fmt, LoadTxtOptions, SaveTxtOptions};
use nprs_io::{MmapMode, NpyWrite, NpzFile};

fn main() -> nprs_io::Result<()> {
    let dir = std::env::temp_dir().join(format!("nprs-io-tour-{}", std::process::id()));
    std::fs::create_dir_all(&dir)?;

    // np.save / np.load
    let a = Array::from_shape_vec(&[2, 3], vec![1.0f64, 2.0, 3.0, 4.0, 5.0, 6.0])?;
    nprs_io::save(dir.join("a.npy"), &a)?;
    let b: Array<f64> = nprs_io::load(dir.join("a.npy"))?;
    assert_eq!(a, b);

    // A file of unknown dtype: a dynamic array; numbers come out typed without a copy.
    let any = nprs_io::load_dyn(dir.join("a.npy"))?;
    if any.dtype() == &nprs_core::DType::Float64 {
        println!("float64 array of shape {:?}", any.into_typed::<f64>()?.shape());
    }

    // Any dtype NumPy writes (strings, datetimes, records) as a dynamic array.
    let people = nprs_core::Descr::parse("[('name', '<U10'), ('age', '<i4')]")?;
    let rows = [nprs_core::Scalar::from(("Ada", 36)), nprs_core::Scalar::from(("Alan", 41))];
    let table = nprs_core::DynArray::from_records(&people, &rows)?;
    nprs_io::save_dyn(dir.join("people.npy"), &table)?;
    let back = nprs_io::load_dyn(dir.join("people.npy"))?;
    println!("{:?} ages {:?}", back.dtype(), back.field("age")?.to_typed::<i32>()?.to_vec());

    // np.savez / np.load of an archive, read member by member.
    let f = Array::from_shape_vec_order(&[2, 2], vec![1i32, 2, 3, 4], Order::F)?;
    nprs_io::savez_compressed(dir.join("ab.npz"), &[&a], &[("f", &f as &dyn NpyWrite)])?;
    let mut npz = NpzFile::open(dir.join("ab.npz"))?;
    println!("archive members: {:?}", npz.names());
    let f2: Array<i32> = npz.get_array("f")?;
    assert!(f2.is_f_contiguous());

    // np.load(mmap_mode='r'): the array views the file.
    // SAFETY: the file was just written by this program, and nothing changes it while it is mapped.
    let m = unsafe { nprs_io::load_mmap::<f64>(dir.join("a.npy"), MmapMode::ReadOnly) }?;
    let total: f64 = m.as_slice().iter().sum();
    println!("sum through the memory map: {total}");

    // np.savetxt / np.loadtxt
    let opts = SaveTxtOptions { fmt: Fmt::One("%.3f".into()), delimiter: ",".into(), ..Default::default() };
    nprs_io::savetxt(dir.join("a.csv"), &a, &opts)?;
    print!("{}", std::fs::read_to_string(dir.join("a.csv"))?);
    let back = nprs_io::loadtxt::<f64>(
        dir.join("a.csv"),
        &LoadTxtOptions { delimiter: Some(",".into()), ..Default::default() },
    )?;
    assert_eq!(back, a);

    std::fs::remove_dir_all(&dir)?;
    Ok(())
}
