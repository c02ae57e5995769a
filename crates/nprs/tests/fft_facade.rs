//! `nprs::fft` is nprs-fft, and its errors convert into `nprs::Error`.

use nprs::fft::{Norm, rfft};
use nprs::prelude::*;

fn spectrum(n: isize) -> Result<Array<C128>, nprs::Error> {
    let x = array![1.0, 2.0, 3.0, 4.0];
    Ok(rfft(&x, Some(n), -1, Norm::Backward)?)
}

#[test]
fn facade_reaches_the_transforms_and_wraps_their_errors() {
    assert_eq!(spectrum(4).unwrap().shape(), &[3]);
    let e = spectrum(0).unwrap_err();
    assert!(matches!(e, nprs::Error::Fft(_)));
    assert_eq!(e.to_string(), "Invalid number of FFT data points (0) specified.");
}
