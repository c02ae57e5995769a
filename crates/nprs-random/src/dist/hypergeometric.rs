//! The hypergeometric distribution: direct sampling for small samples, Stadlober's HRUA
//! ratio-of-uniforms otherwise.

use super::bounded::random_interval;
use super::discrete::logfactorial;
use crate::BitGenerator;

/// Counts good items while drawing one item at a time (the sample or its complement).
fn sample<B: BitGenerator + ?Sized>(b: &mut B, good: i64, bad: i64, sample: i64) -> i64 {
    let total = good + bad;
    let mut computed = if sample > total / 2 { total - sample } else { sample };
    let mut remaining_total = total;
    let mut remaining_good = good;
    while computed > 0 && remaining_good > 0 && remaining_total > remaining_good {
        remaining_total -= 1;
        if (random_interval(b, remaining_total as u64) as i64) < remaining_good {
            remaining_good -= 1;
        }
        computed -= 1;
    }
    if remaining_total == remaining_good {
        remaining_good -= computed;
    }
    if sample > total / 2 { remaining_good } else { good - remaining_good }
}

const D1: f64 = 1.715_527_769_921_413_5;
const D2: f64 = 0.898_916_162_058_898_8;

fn hrua<B: BitGenerator + ?Sized>(b: &mut B, good: i64, bad: i64, sample: i64) -> i64 {
    let popsize = good + bad;
    let computed = sample.min(popsize - sample);
    let mingoodbad = good.min(bad);
    let maxgoodbad = good.max(bad);
    let p = mingoodbad as f64 / popsize as f64;
    let q = maxgoodbad as f64 / popsize as f64;
    let mu = computed as f64 * p;
    let a = mu + 0.5;
    let var = (popsize - computed) as f64 * computed as f64 * p * q / (popsize - 1) as f64;
    let c = (var + 0.5).sqrt();
    let h = D1 * c + D2;
    let m = ((computed + 1) as f64 * (mingoodbad + 1) as f64 / (popsize + 2) as f64).floor() as i64;
    let g = logfactorial(m)
        + logfactorial(mingoodbad - m)
        + logfactorial(computed - m)
        + logfactorial(maxgoodbad - computed + m);
    let bound = ((computed.min(mingoodbad) + 1) as f64).min((a + 16.0 * c).floor());
    let mut k;
    loop {
        let u = b.next_double();
        let v = b.next_double();
        let x = a + h * (v - 0.5) / u;
        if x < 0.0 || x >= bound {
            continue;
        }
        k = x.floor() as i64;
        let gp = logfactorial(k)
            + logfactorial(mingoodbad - k)
            + logfactorial(computed - k)
            + logfactorial(maxgoodbad - computed + k);
        let t = g - gp;
        if u * (4.0 - u) - 3.0 <= t {
            break;
        }
        if u * (u - t) >= 1.0 {
            continue;
        }
        if 2.0 * u.ln() <= t {
            break;
        }
    }
    if good > bad {
        k = computed - k;
    }
    if computed < sample {
        k = good - k;
    }
    k
}

/// `hypergeometric(good, bad, sample)`; the arguments are valid (non-negative, `sample <= good + bad`).
pub(crate) fn hypergeometric<B: BitGenerator + ?Sized>(b: &mut B, good: i64, bad: i64, n: i64) -> i64 {
    if n >= 10 && n <= good + bad - 10 { hrua(b, good, bad, n) } else { sample(b, good, bad, n) }
}

/// `multivariate_hypergeometric(colors, nsample, method='count')` into `out` (zeroed, a
/// multiple of `colors.len()` long): each variate partly shuffles `choices` — the color
/// index of every item, `total` of them, carried over from variate to variate as NumPy
/// does — and counts the colors of the first `nsample` items (of the complement when
/// `nsample` is more than half the urn). `0 <= nsample <= total = sum(colors)`.
pub(crate) fn mvhg_count<B: BitGenerator + ?Sized>(
    b: &mut B,
    colors: &[i64],
    nsample: i64,
    choices: &mut [usize],
    out: &mut [i64],
) {
    let total = choices.len();
    let complement = nsample > total as i64 / 2;
    let n = if complement { total - nsample as usize } else { nsample as usize };
    for variate in out.chunks_exact_mut(colors.len()) {
        for j in 0..n {
            let k = j + random_interval(b, (total - j - 1) as u64) as usize;
            choices.swap(j, k);
        }
        for &c in &choices[..n] {
            variate[c] += 1;
        }
        if complement {
            for (v, &c) in variate.iter_mut().zip(colors) {
                *v = c - *v;
            }
        }
    }
}

/// `multivariate_hypergeometric(colors, nsample, method='marginals')` into `out` (zeroed, a
/// multiple of `colors.len()` long): one univariate hypergeometric draw per color, of the
/// items not yet drawn against the colors after it (of the complement when `nsample` is more
/// than half the urn). `0 <= nsample <= total = sum(colors) < 10**9`.
pub(crate) fn mvhg_marginals<B: BitGenerator + ?Sized>(
    b: &mut B,
    colors: &[i64],
    total: i64,
    nsample: i64,
    out: &mut [i64],
) {
    let complement = nsample > total / 2;
    let n = if complement { total - nsample } else { nsample };
    let last = colors.len() - 1;
    for variate in out.chunks_exact_mut(colors.len()) {
        let mut left = n;
        let mut rest = total;
        for (v, &c) in variate[..last].iter_mut().zip(colors) {
            if left <= 0 {
                break;
            }
            rest -= c;
            *v = hypergeometric(b, c, rest, left);
            left -= *v;
        }
        if left > 0 {
            variate[last] = left;
        }
        if complement {
            for (v, &c) in variate.iter_mut().zip(colors) {
                *v = c - *v;
            }
        }
    }
}
