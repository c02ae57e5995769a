//! Plans: one per (length, kind, precision), made once and shared by every call and
//! thread, as NumPy keeps pocketfft's plans.

use std::sync::{Arc, Mutex, OnceLock};

use nprs_core::Element;
use num_complex::Complex;
use rustfft::num_traits::{Float, FloatConst};
use rustfft::{Fft, FftDirection, FftNum, FftPlanner};

/// The floating-point types the transforms compute in: `f32` (complex64 results, single
/// precision as NumPy 2) and `f64`.
pub trait FftFloat: FftNum + Float + FloatConst + Element + sealed::Sealed {
    /// The complex element of this precision (`C64` for `f32`, `C128` for `f64`): the
    /// same type as `Complex<Self>`.
    type Cx: Element;
    #[doc(hidden)]
    fn cx_ptr(p: *mut Self::Cx) -> *mut Complex<Self>;
    #[doc(hidden)]
    fn cx_const(p: *const Self::Cx) -> *const Complex<Self>;
    #[doc(hidden)]
    fn cx_from(c: Complex<Self>) -> Self::Cx;
    #[doc(hidden)]
    fn pool() -> &'static std::thread::LocalKey<std::cell::RefCell<Vec<Vec<Complex<Self>>>>>;
    #[doc(hidden)]
    fn cache() -> &'static PlanCache<Self>;
    #[doc(hidden)]
    fn of_f64(x: f64) -> Self;
}

mod sealed {
    pub trait Sealed {}
    impl Sealed for f32 {}
    impl Sealed for f64 {}
}

impl FftFloat for f32 {
    type Cx = Complex<f32>;
    fn cx_ptr(p: *mut Complex<f32>) -> *mut Complex<f32> {
        p
    }
    fn cx_const(p: *const Complex<f32>) -> *const Complex<f32> {
        p
    }
    fn cx_from(c: Complex<f32>) -> Complex<f32> {
        c
    }
    fn pool() -> &'static std::thread::LocalKey<std::cell::RefCell<Vec<Vec<Complex<f32>>>>> {
        thread_local! {
            static POOL: std::cell::RefCell<Vec<Vec<Complex<f32>>>> = const { std::cell::RefCell::new(Vec::new()) };
        }
        &POOL
    }
    fn cache() -> &'static PlanCache<f32> {
        static C: OnceLock<PlanCache<f32>> = OnceLock::new();
        C.get_or_init(PlanCache::new)
    }
    fn of_f64(x: f64) -> f32 {
        x as f32
    }
}

impl FftFloat for f64 {
    type Cx = Complex<f64>;
    fn cx_ptr(p: *mut Complex<f64>) -> *mut Complex<f64> {
        p
    }
    fn cx_const(p: *const Complex<f64>) -> *const Complex<f64> {
        p
    }
    fn cx_from(c: Complex<f64>) -> Complex<f64> {
        c
    }
    fn pool() -> &'static std::thread::LocalKey<std::cell::RefCell<Vec<Vec<Complex<f64>>>>> {
        thread_local! {
            static POOL: std::cell::RefCell<Vec<Vec<Complex<f64>>>> = const { std::cell::RefCell::new(Vec::new()) };
        }
        &POOL
    }
    fn cache() -> &'static PlanCache<f64> {
        static C: OnceLock<PlanCache<f64>> = OnceLock::new();
        C.get_or_init(PlanCache::new)
    }
    fn of_f64(x: f64) -> f64 {
        x
    }
}

/// What a plan computes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub(crate) enum Kind {
    /// A complex transform of the given length, forward (`e^{-2πi jk/n}`).
    Forward,
    /// A complex transform, backward (`e^{+2πi jk/n}`, unscaled).
    Backward,
    /// A real transform of an even length through a half-length complex transform:
    /// the complex plan is forward of length `n/2`, the twiddles `e^{-2πik/n}`.
    RealForward,
    /// The inverse of [`Kind::RealForward`]: a backward half-length plan.
    RealBackward,
}

/// A made plan: the complex transform and, for the packed real kinds, the twiddles.
#[derive(Clone)]
pub(crate) struct Plan<F: FftFloat> {
    pub fft: Arc<dyn Fft<F>>,
    pub twiddles: Arc<[Complex<F>]>,
}

/// A cached plan with its key (length, kind).
type Entry<F> = ((usize, Kind), Plan<F>);

/// At most this many plans stay cached (the least recently used go first).
const CAPACITY: usize = 32;

/// A thread-safe cache of plans for one precision.
#[doc(hidden)]
pub struct PlanCache<F: FftFloat> {
    entries: Mutex<Vec<Entry<F>>>,
}

impl<F: FftFloat> PlanCache<F> {
    fn new() -> Self {
        PlanCache { entries: Mutex::new(Vec::new()) }
    }
}

/// The plan for a transform of length `n` (the full real length for the real kinds).
///
/// # Errors
/// A length whose plan and buffers cannot be allocated (checked before planning, as a
/// failed allocation inside the planner would abort).
pub(crate) fn plan<F: FftFloat>(n: usize, kind: Kind) -> crate::Result<Plan<F>> {
    let cache = F::cache();
    {
        let mut e = cache.entries.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        if let Some(i) = e.iter().position(|(k, _)| *k == (n, kind)) {
            let hit = e.remove(i);
            let p = hit.1.clone();
            e.push(hit);
            return Ok(p);
        }
    }
    // Planning a length with a large prime factor needs a few buffers of about twice the
    // length; refuse lengths whose buffers could not exist.
    let mut probe: Vec<Complex<F>> = Vec::new();
    let want = n.saturating_mul(4);
    if probe.try_reserve_exact(want).is_err() {
        return Err(crate::Error::Core(nprs_core::Error::Alloc {
            bytes: want.saturating_mul(size_of::<Complex<F>>()),
            shape: vec![n],
            dtype: <F::Cx as Element>::DTYPE.name().to_string(),
        }));
    }
    drop(probe);
    // Made outside the lock: planning a large prime length takes a while.
    let mut planner = FftPlanner::<F>::new();
    let p = match kind {
        Kind::Forward => Plan { fft: planner.plan_fft(n, FftDirection::Forward), twiddles: Arc::from(Vec::new()) },
        Kind::Backward => Plan { fft: planner.plan_fft(n, FftDirection::Inverse), twiddles: Arc::from(Vec::new()) },
        Kind::RealForward | Kind::RealBackward => {
            let dir = if kind == Kind::RealForward { FftDirection::Forward } else { FftDirection::Inverse };
            let h = n / 2;
            let tw: Vec<Complex<F>> = (0..=h)
                .map(|k| {
                    let t = -2.0 * std::f64::consts::PI * k as f64 / n as f64;
                    Complex::new(F::of_f64(t.cos()), F::of_f64(t.sin()))
                })
                .collect();
            Plan { fft: planner.plan_fft(h, dir), twiddles: Arc::from(tw) }
        }
    };
    let mut e = cache.entries.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
    if !e.iter().any(|(k, _)| *k == (n, kind)) {
        if e.len() >= CAPACITY {
            e.remove(0);
        }
        e.push(((n, kind), p.clone()));
    }
    Ok(p)
}

/// How many plans are cached for precision `F` (for tests of the cache).
#[doc(hidden)]
#[must_use]
pub fn cached_plans<F: FftFloat>() -> usize {
    F::cache().entries.lock().unwrap_or_else(std::sync::PoisonError::into_inner).len()
}

/// Work buffers kept per thread for reuse: fresh multi-megabyte buffers cost a page fault
/// per page on first touch, more than the transform's own memory traffic.
const POOL_BUFFERS: usize = 4;
/// Buffers above this many elements are not kept.
const POOL_MAX_LEN: usize = 1 << 24;

/// A buffer of `len` elements (contents unspecified) from this thread's pool.
pub(crate) fn take_buffer<F: FftFloat>(len: usize) -> Vec<Complex<F>> {
    let mut v = F::pool()
        .with(|p| {
            let mut p = p.borrow_mut();
            let best = p.iter().position(|b| b.capacity() >= len);
            best.map(|i| p.swap_remove(i))
        })
        .unwrap_or_default();
    if v.len() >= len {
        v.truncate(len);
    } else {
        v.resize(len, Complex::new(<F as Element>::zero(), <F as Element>::zero()));
    }
    v
}

/// Returns a buffer to this thread's pool.
pub(crate) fn give_back<F: FftFloat>(v: Vec<Complex<F>>) {
    if v.capacity() == 0 || v.capacity() > POOL_MAX_LEN {
        return;
    }
    F::pool().with(|p| {
        let mut p = p.borrow_mut();
        if p.len() >= POOL_BUFFERS {
            // Keep the larger ones.
            if let Some((i, _)) = p.iter().enumerate().min_by_key(|(_, b)| b.capacity())
                && p[i].capacity() < v.capacity()
            {
                p[i] = v;
            }
        } else {
            p.push(v);
        }
    });
}
