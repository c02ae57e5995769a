//! The per-lane transforms: complex (`C2c`), real to half-spectrum (`R2c`) and
//! half-spectrum to real (`C2r`). Even real lengths go through a half-length complex
//! transform with a split pass; odd ones through a full-length complex transform.

use num_complex::Complex;
use rustfft::num_traits::Zero;

use nprs_core::Element;

use crate::engine::Kernel;
use crate::plan::{FftFloat, Kind, Plan, plan};

/// Scratch for both the in-place and the out-of-place forms of a plan.
fn scratch_len<F: FftFloat>(p: &Plan<F>) -> usize {
    p.fft.get_inplace_scratch_len().max(p.fft.get_outofplace_scratch_len())
}

fn scale<F: FftFloat>(v: &mut [Complex<F>], fct: F) {
    if fct != <F as Element>::one() {
        for x in v {
            *x = x.scale(fct);
        }
    }
}

/// A complex transform of length `n`, reading elements through `conv`.
pub(crate) struct C2c<F: FftFloat, C> {
    n: usize,
    plan: Plan<F>,
    fct: F,
    conv: C,
}

impl<F: FftFloat, C> C2c<F, C> {
    pub fn new(n: usize, forward: bool, fct: F, conv: C) -> crate::Result<Self> {
        let plan = plan::<F>(n, if forward { Kind::Forward } else { Kind::Backward })?;
        Ok(C2c { n, plan, fct, conv })
    }
}

impl<F: FftFloat, I, C: Fn(I) -> Complex<F> + Sync> Kernel<I> for C2c<F, C>
where
    I: Copy,
{
    type F = F;
    type Out = Complex<F>;
    fn n_in(&self) -> usize {
        self.n
    }
    fn n_out(&self) -> usize {
        self.n
    }
    fn work_len(&self) -> usize {
        self.n
    }
    fn scratch_len(&self) -> usize {
        scratch_len(&self.plan)
    }
    fn load(&self, src: &[I], work: &mut [Complex<F>]) {
        for (w, &x) in work.iter_mut().zip(src) {
            *w = (self.conv)(x);
        }
        work[src.len()..].fill(<Complex<F> as Zero>::zero());
    }
    fn compute(&self, work: &mut [Complex<F>], scratch: &mut [Complex<F>]) {
        self.plan.fft.process_with_scratch(work, scratch);
    }
    fn store(&self, work: &[Complex<F>], dst: &mut [Complex<F>]) {
        dst.copy_from_slice(work);
        scale(dst, self.fct);
    }
    fn direct(&self, src: &[I], dst: &mut [Complex<F>], work: &mut [Complex<F>], scratch: &mut [Complex<F>]) -> bool {
        // Out of place from the work buffer: one pass less than in place in the output.
        self.load(src, work);
        let oop = self.plan.fft.get_outofplace_scratch_len();
        self.plan.fft.process_outofplace_with_scratch(work, dst, &mut scratch[..oop]);
        scale(dst, self.fct);
        true
    }
}

/// A real-input transform of length `n` giving `n/2 + 1` complex values (conjugated when
/// `conj`, for `ihfft`), reading elements through `conv`.
pub(crate) struct R2c<F: FftFloat, C> {
    n: usize,
    plan: Plan<F>,
    fct: F,
    conj: bool,
    conv: C,
}

impl<F: FftFloat, C> R2c<F, C> {
    pub fn new(n: usize, fct: F, conj: bool, conv: C) -> crate::Result<Self> {
        let plan = plan::<F>(n, if n.is_multiple_of(2) { Kind::RealForward } else { Kind::Forward })?;
        Ok(R2c { n, plan, fct, conj, conv })
    }

    fn finish(&self, v: &mut [Complex<F>]) {
        scale(v, self.fct);
        if self.conj {
            for x in v {
                *x = x.conj();
            }
        }
    }
}

/// The split pass after a half-length transform `z` of the packed reals: the spectrum
/// `X[0..=h]` in place (`v` holds `h + 1` slots, `z` in the first `h`).
fn split_forward<F: FftFloat>(v: &mut [Complex<F>], tw: &[Complex<F>]) {
    let h = v.len() - 1;
    let half = F::of_f64(0.5);
    let z0 = v[0];
    v[0] = Complex::new(z0.re + z0.im, <F as Element>::zero());
    v[h] = Complex::new(z0.re - z0.im, <F as Element>::zero());
    for k in 1..=h / 2 {
        let (a, b) = (v[k], v[h - k]);
        let e = (a + b.conj()).scale(half);
        let d = a - b.conj();
        let o = Complex::new(d.im, -d.re).scale(half);
        let wo = tw[k] * o;
        v[h - k] = (e - wo).conj();
        v[k] = e + wo;
    }
}

/// The pass before a half-length inverse transform: from the half spectrum `X[0..=h]`
/// in `v`, the packed sequence `Z[0..h]` whose inverse holds the even samples in its real
/// parts and the odd ones in its imaginary parts.
fn split_backward<F: FftFloat>(v: &mut [Complex<F>], tw: &[Complex<F>]) {
    let h = v.len() - 1;
    let (x0, xh) = (v[0].re, v[h].re);
    v[0] = Complex::new(x0 + xh, x0 - xh);
    for k in 1..=h / 2 {
        let (a, b) = (v[k], v[h - k]);
        let e = a + b.conj();
        let o = (a - b.conj()) * tw[k].conj();
        v[h - k] = e.conj() + Complex::new(o.im, o.re);
        v[k] = e + Complex::new(-o.im, o.re);
    }
}

impl<F: FftFloat, I: Copy, C: Fn(I) -> F + Sync> Kernel<I> for R2c<F, C> {
    type F = F;
    type Out = Complex<F>;
    fn n_in(&self) -> usize {
        self.n
    }
    fn n_out(&self) -> usize {
        self.n / 2 + 1
    }
    fn work_len(&self) -> usize {
        if self.n.is_multiple_of(2) { self.n / 2 + 1 } else { self.n }
    }
    fn scratch_len(&self) -> usize {
        scratch_len(&self.plan)
    }
    fn load(&self, src: &[I], work: &mut [Complex<F>]) {
        if self.n.is_multiple_of(2) {
            let pairs = src.chunks_exact(2);
            let rest = pairs.remainder();
            let mut i = 0;
            for p in pairs {
                work[i] = Complex::new((self.conv)(p[0]), (self.conv)(p[1]));
                i += 1;
            }
            if let [x] = rest {
                work[i] = Complex::new((self.conv)(*x), <F as Element>::zero());
                i += 1;
            }
            work[i..].fill(<Complex<F> as Zero>::zero());
        } else {
            for (w, &x) in work.iter_mut().zip(src) {
                *w = Complex::new((self.conv)(x), <F as Element>::zero());
            }
            work[src.len()..].fill(<Complex<F> as Zero>::zero());
        }
    }
    fn compute(&self, work: &mut [Complex<F>], scratch: &mut [Complex<F>]) {
        if self.n.is_multiple_of(2) {
            let h = self.n / 2;
            self.plan.fft.process_with_scratch(&mut work[..h], scratch);
            split_forward(work, &self.plan.twiddles);
        } else {
            self.plan.fft.process_with_scratch(work, scratch);
        }
    }
    fn store(&self, work: &[Complex<F>], dst: &mut [Complex<F>]) {
        dst.copy_from_slice(&work[..dst.len()]);
        self.finish(dst);
    }
    fn direct(&self, src: &[I], dst: &mut [Complex<F>], work: &mut [Complex<F>], scratch: &mut [Complex<F>]) -> bool {
        if !self.n.is_multiple_of(2) {
            return false;
        }
        // The packed input in the work buffer, transformed out of place into the output.
        let h = self.n / 2;
        self.load(src, work);
        let oop = self.plan.fft.get_outofplace_scratch_len();
        self.plan.fft.process_outofplace_with_scratch(&mut work[..h], &mut dst[..h], &mut scratch[..oop]);
        split_forward(dst, &self.plan.twiddles);
        self.finish(dst);
        true
    }
}

/// A half-spectrum-to-real transform of output length `n` (`irfft`; `hfft` with `conj`),
/// reading elements through `conv`. The imaginary parts of `X[0]` and, for even `n`,
/// `X[n/2]` are ignored, as in NumPy.
pub(crate) struct C2r<F: FftFloat, C> {
    n: usize,
    plan: Plan<F>,
    fct: F,
    conj: bool,
    conv: C,
}

impl<F: FftFloat, C> C2r<F, C> {
    pub fn new(n: usize, fct: F, conj: bool, conv: C) -> crate::Result<Self> {
        let plan = plan::<F>(n, if n.is_multiple_of(2) { Kind::RealBackward } else { Kind::Backward })?;
        Ok(C2r { n, plan, fct, conj, conv })
    }
}

impl<F: FftFloat, I: Copy, C: Fn(I) -> Complex<F> + Sync> Kernel<I> for C2r<F, C> {
    type F = F;
    type Out = F;
    fn n_in(&self) -> usize {
        self.n / 2 + 1
    }
    fn n_out(&self) -> usize {
        self.n
    }
    fn work_len(&self) -> usize {
        if self.n.is_multiple_of(2) { self.n / 2 + 1 } else { self.n }
    }
    fn scratch_len(&self) -> usize {
        scratch_len(&self.plan)
    }
    fn load(&self, src: &[I], work: &mut [Complex<F>]) {
        let half = self.n / 2 + 1;
        for (w, &x) in work.iter_mut().zip(src) {
            let c = (self.conv)(x);
            *w = if self.conj { c.conj() } else { c };
        }
        work[src.len()..half].fill(<Complex<F> as Zero>::zero());
        work[0].im = <F as Element>::zero();
        if self.n.is_multiple_of(2) {
            work[half - 1].im = <F as Element>::zero();
        } else {
            for k in 1..half {
                work[self.n - k] = work[k].conj();
            }
        }
    }
    fn compute(&self, work: &mut [Complex<F>], scratch: &mut [Complex<F>]) {
        if self.n.is_multiple_of(2) {
            split_backward(work, &self.plan.twiddles);
            let h = self.n / 2;
            self.plan.fft.process_with_scratch(&mut work[..h], scratch);
        } else {
            self.plan.fft.process_with_scratch(work, scratch);
        }
    }
    fn store(&self, work: &[Complex<F>], dst: &mut [F]) {
        let f = self.fct;
        if self.n.is_multiple_of(2) {
            for (pair, z) in dst.chunks_exact_mut(2).zip(work) {
                pair[0] = z.re * f;
                pair[1] = z.im * f;
            }
        } else if f.is_one() {
            for (d, z) in dst.iter_mut().zip(work) {
                *d = z.re;
            }
        } else {
            for (d, z) in dst.iter_mut().zip(work) {
                *d = z.re * f;
            }
        }
    }
}
