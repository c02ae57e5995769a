//! The facade spells `np.r_`, `np.c_`, `np.nditer`, `np.nested_iters` and
//! `np.vectorize(signature=)` as `nprs::r_!`, `nprs::c_!`, `nprs::nditer`,
//! `nprs::nested_iters` and `nprs::vectorize(…).signature(…)`.

use nprs::prelude::*;

#[test]
fn index_tricks_and_iterators_through_the_facade() -> nprs::Result<()> {
    // np.r_[0:3, 9] and np.c_[[1, 2], [3, 4]]
    assert_eq!(nprs::r_![0..3, 9]?.to_typed::<i64>()?.to_vec(), vec![0, 1, 2, 9]);
    assert_eq!(nprs::c_![[1i64, 2], [3i64, 4]]?.shape(), &[2, 2]);
    let a = nprs::DynArray::from(array![[1.0, 2.0], [3.0, 4.0]]);
    let mut it = nprs::nditer(vec![(&a).into()]).external_loop().build()?;
    assert_eq!(it.chunk::<f64>(0)?.to_vec(), vec![1.0, 2.0, 3.0, 4.0]);
    assert!(!it.iternext());
    let nest = nprs::nested_iters(vec![a.view()], &[&[0], &[1]], nprs::dynarray::ResultOrder::K)?;
    assert_eq!(nest.level(1, &[1])?.value::<f64>(0)?, 3.0);
    let total = nprs::vectorize(|v: &[ArrayView<'_, f64>]| v[0].iter().sum::<f64>()).signature("(n)->()")?;
    assert_eq!(total.call(&[array![[1.0, 2.0], [3.0, 4.0]].view()])?.to_vec(), vec![3.0, 7.0]);
    Ok(())
}
