use nprs_random::*;
fn main() {
    let mut rng = default_rng(42);
    println!("{:?}", rng.standard_normal_f32(4).unwrap().to_vec());
    let mut rng = default_rng(0);
    println!("{:?}", rng.standard_gamma_f32(3.0f32, 5).unwrap().to_vec());
    let mut rng = default_rng(42);
    println!("{:?}", rng.standard_exponential_f32(3).unwrap().to_vec());
}
