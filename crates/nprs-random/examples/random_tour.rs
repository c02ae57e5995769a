//! A tour of nprs-random, each line with the NumPy it mirrors.

use nprs_core::Array;
use nprs_random::legacy::global as np_random;
use nprs_random::{Choice, Generator, Philox, RandomState, SeedSequence, SeedableBitGenerator, default_rng};

fn main() -> nprs_random::Result<()> {
    // rng = np.random.default_rng(42)
    let mut rng = default_rng(42);
    // rng.random(3)
    println!("random        {:?}", rng.random(3)?.to_vec());
    // rng.integers(0, 10, size=(2, 3), dtype=np.uint8)
    println!("integers      {:?}", rng.integers::<u8>(0, 10, [2, 3])?.to_vec());
    // rng.normal([0, 10], [1, 100])  -- parameters broadcast
    println!("normal        {:?}", rng.normal([0.0, 10.0], [1.0, 100.0], ())?.to_vec());
    // rng.binomial(1000, 0.5)
    println!("binomial      {}", rng.binomial_scalar(1000, 0.5)?);
    // rng.choice(10, 3, replace=False, p=...)
    let p = [0.05, 0.05, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.2];
    println!("choice        {:?}", rng.choice(10, 3, &Choice::new().replace(false).p(&p))?.to_vec());
    // rng.permuted(np.arange(6).reshape(2, 3), axis=1)
    let a = Array::<i64>::arange(6).into_shape(&[2, 3]).unwrap();
    println!("permuted      {:?}", rng.permuted(&a, Some(1))?.to_vec());
    // rng.dirichlet([1, 2, 3])
    println!("dirichlet     {:?}", rng.dirichlet(&[1.0, 2.0, 3.0], ())?.to_vec());

    // Independent streams for parallel work: rng.spawn(2).unwrap()
    for (i, mut child) in rng.spawn(2)?.into_iter().enumerate() {
        println!("child {i}       {}", child.random_scalar());
    }
    // Generator(Philox(SeedSequence(7)))
    let mut philox = Generator::new(Philox::from_seed_seq(SeedSequence::new(7)));
    println!("philox        {}", philox.standard_normal_scalar());

    // Legacy: np.random.RandomState(0).rand(2) and np.random.seed(0); np.random.randn(2)
    println!("RandomState   {:?}", RandomState::new(0).rand(2)?.to_vec());
    np_random::seed(0)?;
    println!("np.random     {:?}", np_random::randn(2)?.to_vec());
    Ok(())
}
