//! The spectrum of a sampled signal, as `numpy.fft` users compute it:
//! `cargo run -p nprs-fft --example spectrum`.

use nprs_core::Array;
use nprs_fft::{Norm, irfft, rfft, rfftfreq};

fn main() -> Result<(), nprs_fft::Error> {
    // 1 s of a 50 Hz and a 120 Hz tone sampled at 1 kHz:
    // t = np.arange(1000) / 1000; x = np.sin(2*np.pi*50*t) + 0.5*np.sin(2*np.pi*120*t)
    let n = 1000;
    let x = Array::from_vec(
        (0..n)
            .map(|i| {
                let t = f64::from(i) / 1000.0;
                (2.0 * std::f64::consts::PI * 50.0 * t).sin() + 0.5 * (2.0 * std::f64::consts::PI * 120.0 * t).sin()
            })
            .collect(),
    );
    // np.fft.rfft(x, norm='forward'), np.fft.rfftfreq(n, 1/1000)
    let spec = rfft(&x, None, -1, Norm::Forward)?;
    let freq = rfftfreq(n as usize, 1.0 / 1000.0)?;
    println!("frequency  amplitude");
    for (f, z) in freq.iter().zip(spec.iter()) {
        let amp = 2.0 * z.norm();
        if amp > 0.1 {
            println!("{f:>7.1} Hz  {amp:.3}");
        }
    }
    // The round trip gives the signal back: np.fft.irfft(spec, n, norm='forward')
    let back = irfft(&spec, Some(n as isize), -1, Norm::Forward)?;
    let err = back.iter().zip(x.iter()).map(|(a, b)| (a - b).abs()).fold(0.0, f64::max);
    println!("round-trip error {err:.1e}");
    Ok(())
}
