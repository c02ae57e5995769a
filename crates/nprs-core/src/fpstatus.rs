//! Floating-point status flags and the error-state policy (`numpy.errstate`, `seterr`).
//!
//! Loops do not check their results element by element. The engine clears the CPU's
//! floating-point status word (x86-64's MXCSR) when a thread starts its share of a loop,
//! reads it when the share is done, and merges the flags of all shares into one
//! [`FpFlags`] per call; loops whose conditions the hardware does not see (integer
//! `floor_divide` and `remainder` by zero) report them themselves. The caller's thread then
//! applies its [`ErrState`] once, as NumPy does after a ufunc call:
//!
//! ```
//! use nprs_core::fpstatus::{ErrAction, ErrState, errstate};
//! use nprs_core::{DynArray, array, dynarray::{BinaryOp, binary}};
//!
//! let a = DynArray::from(array![1.0f64, 0.0]);
//! let b = DynArray::from(array![0i32, 0]);
//! let e = errstate(ErrState::all(ErrAction::Raise), || binary(BinaryOp::Divide, &a, &b)).unwrap_err();
//! assert_eq!(e.to_string(), "divide by zero encountered in divide");
//! // Ignored conditions give NumPy's values (inf, nan) silently.
//! let r = errstate(ErrState::all(ErrAction::Ignore), || binary(BinaryOp::Divide, &a, &b)).unwrap();
//! assert!(r.typed::<f64>().unwrap().get(&[1]).unwrap().is_nan());
//! ```
//!
//! On targets other than x86-64 the hardware flags are not read (only the conditions the
//! loops report themselves are seen).
#![allow(unsafe_code)] // reading and clearing the SSE status register; each block says why

use std::cell::Cell;
use std::fmt;

use crate::error::{Error, Result};

/// A set of floating-point conditions raised by a loop.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct FpFlags(u8);

impl FpFlags {
    /// No condition.
    pub const NONE: FpFlags = FpFlags(0);
    /// Division of a finite non-zero number by zero (`FE_DIVBYZERO`).
    pub const DIVIDE: FpFlags = FpFlags(1);
    /// A result too large for its type (`FE_OVERFLOW`).
    pub const OVERFLOW: FpFlags = FpFlags(2);
    /// A result too small to be represented normally, and inexact (`FE_UNDERFLOW`).
    pub const UNDERFLOW: FpFlags = FpFlags(4);
    /// An operation without a defined result: `0/0`, `inf - inf`, … (`FE_INVALID`).
    pub const INVALID: FpFlags = FpFlags(8);
    /// Not a floating-point condition but a loop's refusal of an element: an integer raised
    /// to a negative integer power (NumPy's integer `power` loops raise ValueError).
    /// [`check`] turns it into [`Error::NegativeIntPower`] whatever the error state.
    pub const NEGATIVE_INT_POWER: FpFlags = FpFlags(16);

    /// True when no condition is set.
    #[must_use]
    pub const fn is_empty(self) -> bool {
        self.0 == 0
    }

    /// True when every condition of `other` is set in `self`.
    #[must_use]
    pub const fn contains(self, other: FpFlags) -> bool {
        self.0 & other.0 == other.0
    }

    /// The union of two sets.
    #[must_use]
    pub const fn union(self, other: FpFlags) -> FpFlags {
        FpFlags(self.0 | other.0)
    }

    /// The set as bits (`DIVIDE = 1`, `OVERFLOW = 2`, `UNDERFLOW = 4`, `INVALID = 8`,
    /// `NEGATIVE_INT_POWER = 16`).
    #[must_use]
    pub const fn bits(self) -> u8 {
        self.0
    }

    /// The set from bits (unknown bits are dropped).
    #[must_use]
    pub const fn from_bits(bits: u8) -> FpFlags {
        FpFlags(bits & 0x1f)
    }
}

impl std::ops::BitOr for FpFlags {
    type Output = FpFlags;
    fn bitor(self, rhs: FpFlags) -> FpFlags {
        self.union(rhs)
    }
}

impl std::ops::BitOrAssign for FpFlags {
    fn bitor_assign(&mut self, rhs: FpFlags) {
        *self = self.union(rhs);
    }
}

/// One floating-point condition, as NumPy names it in its messages.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum FpCondition {
    /// "divide by zero"
    Divide,
    /// "overflow"
    Overflow,
    /// "underflow"
    Underflow,
    /// "invalid value"
    Invalid,
}

impl FpCondition {
    /// In the order NumPy handles them: divide, overflow, underflow, invalid.
    pub const ALL: [FpCondition; 4] =
        [FpCondition::Divide, FpCondition::Overflow, FpCondition::Underflow, FpCondition::Invalid];

    /// The flag of this condition.
    #[must_use]
    pub const fn flag(self) -> FpFlags {
        match self {
            FpCondition::Divide => FpFlags::DIVIDE,
            FpCondition::Overflow => FpFlags::OVERFLOW,
            FpCondition::Underflow => FpFlags::UNDERFLOW,
            FpCondition::Invalid => FpFlags::INVALID,
        }
    }

    /// NumPy's words: `"divide by zero"`, `"overflow"`, `"underflow"`, `"invalid value"`.
    #[must_use]
    pub const fn text(self) -> &'static str {
        match self {
            FpCondition::Divide => "divide by zero",
            FpCondition::Overflow => "overflow",
            FpCondition::Underflow => "underflow",
            FpCondition::Invalid => "invalid value",
        }
    }
}

impl fmt::Display for FpCondition {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.text())
    }
}

/// What to do when a condition is raised (NumPy's `seterr` actions).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ErrAction {
    /// Nothing.
    Ignore,
    /// A `RuntimeWarning: … encountered in …` line on standard error.
    Warn,
    /// The call fails with [`Error::FloatingPoint`] (NumPy's `FloatingPointError`).
    Raise,
    /// `Warning: … encountered in …` on standard output.
    Print,
    /// Calls the function set with [`seterrcall`].
    Call,
}

/// The policy per condition (`numpy.geterr()`); per thread, as NumPy's is per context.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct ErrState {
    /// Division by zero.
    pub divide: ErrAction,
    /// Overflow.
    pub over: ErrAction,
    /// Underflow.
    pub under: ErrAction,
    /// Invalid operation.
    pub invalid: ErrAction,
}

impl Default for ErrState {
    /// NumPy's default: warn on divide, overflow and invalid, ignore underflow.
    fn default() -> Self {
        ErrState { divide: ErrAction::Warn, over: ErrAction::Warn, under: ErrAction::Ignore, invalid: ErrAction::Warn }
    }
}

impl ErrState {
    /// The same action for every condition (`np.errstate(all=...)`).
    #[must_use]
    pub const fn all(action: ErrAction) -> Self {
        ErrState { divide: action, over: action, under: action, invalid: action }
    }

    /// The action for one condition.
    #[must_use]
    pub const fn action(&self, c: FpCondition) -> ErrAction {
        match c {
            FpCondition::Divide => self.divide,
            FpCondition::Overflow => self.over,
            FpCondition::Underflow => self.under,
            FpCondition::Invalid => self.invalid,
        }
    }
}

/// The function [`ErrAction::Call`] calls: the condition's text (`"divide by zero"`) and
/// its flag.
pub type ErrCall = fn(&str, FpFlags);

thread_local! {
    static STATE: Cell<ErrState> = Cell::new(ErrState::default());
    static CALL: Cell<Option<ErrCall>> = const { Cell::new(None) };
}

/// The calling thread's policy (`numpy.geterr`).
#[must_use]
pub fn geterr() -> ErrState {
    STATE.with(Cell::get)
}

/// Sets the calling thread's policy and returns the old one (`numpy.seterr`).
pub fn seterr(state: ErrState) -> ErrState {
    STATE.with(|s| s.replace(state))
}

/// Sets the function [`ErrAction::Call`] calls, returning the old one (`numpy.seterrcall`).
pub fn seterrcall(f: Option<ErrCall>) -> Option<ErrCall> {
    CALL.with(|c| c.replace(f))
}

/// The function [`ErrAction::Call`] calls on the calling thread (`numpy.geterrcall`).
#[must_use]
pub fn geterrcall() -> Option<ErrCall> {
    CALL.with(Cell::get)
}

/// Runs `f` under `state` and restores the previous policy afterwards, also when `f`
/// panics (`with np.errstate(...)`).
pub fn errstate<R>(state: ErrState, f: impl FnOnce() -> R) -> R {
    struct Restore(ErrState);
    impl Drop for Restore {
        fn drop(&mut self) {
            seterr(self.0);
        }
    }
    let _restore = Restore(seterr(state));
    f()
}

/// Applies the calling thread's policy to the flags a call of `ufunc` raised, in NumPy's
/// order (divide, overflow, underflow, invalid).
///
/// # Errors
/// [`Error::NegativeIntPower`] when a loop met a negative integer exponent (before any
/// floating-point condition); [`Error::FloatingPoint`] for the first raised condition
/// whose action is [`ErrAction::Raise`].
pub fn check(flags: FpFlags, ufunc: &str) -> Result<()> {
    if flags.is_empty() {
        return Ok(());
    }
    if flags.contains(FpFlags::NEGATIVE_INT_POWER) {
        return Err(Error::NegativeIntPower);
    }
    let state = geterr();
    for c in FpCondition::ALL {
        if !flags.contains(c.flag()) {
            continue;
        }
        match state.action(c) {
            ErrAction::Ignore => {}
            ErrAction::Warn => {
                crate::warnings::warn(crate::warnings::Category::Runtime, format!("{c} encountered in {ufunc}"))?;
            }
            ErrAction::Print => println!("Warning: {c} encountered in {ufunc}"),
            ErrAction::Call => {
                if let Some(f) = CALL.with(Cell::get) {
                    f(c.text(), c.flag());
                }
            }
            ErrAction::Raise => return Err(Error::FloatingPoint { condition: c, ufunc: ufunc.to_string() }),
        }
    }
    Ok(())
}

/// Runs `f` with the calling thread's hardware floating-point status cleared, and returns
/// its result with the conditions it raised (for kernels that run outside the ufunc engine
/// but report as a ufunc does). Work `f` hands to other threads is not seen.
pub fn watch_hw<R>(f: impl FnOnce() -> R) -> (R, FpFlags) {
    clear_hw();
    let r = f();
    (r, read_hw())
}

// The SSE status bits of MXCSR: invalid (0), denormal (1), divide (2), overflow (3),
// underflow (4), precision (5).
#[cfg(all(target_arch = "x86_64", not(miri)))]
const MXCSR_FLAGS: u32 = 0x3f;

/// Clears the calling thread's hardware floating-point status flags (nothing under Miri,
/// which cannot run the `stmxcsr`/`ldmxcsr` instructions: its status word reads clear).
#[inline]
pub(crate) fn clear_hw() {
    #[cfg(all(target_arch = "x86_64", not(miri)))]
    {
        let mut csr: u32 = 0;
        // SAFETY: `stmxcsr`/`ldmxcsr` read and write the thread's SSE control/status
        // register through a local; only the sticky status bits are changed, the rounding
        // mode and exception masks are written back as they were.
        unsafe {
            std::arch::asm!("stmxcsr [{p}]", p = in(reg) &raw mut csr, options(nostack, preserves_flags));
            csr &= !MXCSR_FLAGS;
            std::arch::asm!("ldmxcsr [{p}]", p = in(reg) &raw const csr, options(nostack, preserves_flags));
        }
    }
}

/// The calling thread's hardware floating-point status flags.
#[inline]
#[must_use]
pub(crate) fn read_hw() -> FpFlags {
    #[cfg(all(target_arch = "x86_64", not(miri)))]
    {
        let mut csr: u32 = 0;
        // SAFETY: `stmxcsr` stores the SSE control/status register into a local.
        unsafe {
            std::arch::asm!("stmxcsr [{p}]", p = in(reg) &raw mut csr, options(nostack, preserves_flags));
        }
        let mut f = FpFlags::NONE;
        if csr & 1 != 0 {
            f |= FpFlags::INVALID;
        }
        if csr & 4 != 0 {
            f |= FpFlags::DIVIDE;
        }
        if csr & 8 != 0 {
            f |= FpFlags::OVERFLOW;
        }
        if csr & 16 != 0 {
            f |= FpFlags::UNDERFLOW;
        }
        f
    }
    #[cfg(not(all(target_arch = "x86_64", not(miri))))]
    {
        FpFlags::NONE
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hardware_flags_see_a_division_by_zero() {
        clear_hw();
        let x = std::hint::black_box(1.0f64) / std::hint::black_box(0.0f64);
        let f = read_hw();
        assert!(x.is_infinite());
        if cfg!(target_arch = "x86_64") {
            assert!(f.contains(FpFlags::DIVIDE), "{f:?}");
            assert!(!f.contains(FpFlags::INVALID), "{f:?}");
        }
        clear_hw();
        assert_eq!(read_hw(), FpFlags::NONE);
    }

    #[test]
    fn policy_is_applied_in_numpys_order_and_restored() {
        let both = FpFlags::DIVIDE | FpFlags::INVALID;
        let e = errstate(ErrState::all(ErrAction::Raise), || check(both, "divide")).unwrap_err();
        assert_eq!(e.to_string(), "divide by zero encountered in divide");
        let only_invalid = ErrState { invalid: ErrAction::Raise, ..ErrState::all(ErrAction::Ignore) };
        let e = errstate(only_invalid, || check(both, "divide")).unwrap_err();
        assert_eq!(e.to_string(), "invalid value encountered in divide");
        assert_eq!(geterr(), ErrState::default());
        assert!(check(FpFlags::UNDERFLOW, "multiply").is_ok(), "underflow is ignored by default");
    }

    #[test]
    fn call_action_calls_the_function() {
        thread_local!(static SEEN: Cell<u8> = const { Cell::new(0) });
        fn record(_: &str, f: FpFlags) {
            SEEN.with(|s| s.set(s.get() | f.bits()));
        }
        let old = seterrcall(Some(record));
        errstate(ErrState::all(ErrAction::Call), || check(FpFlags::OVERFLOW, "add")).unwrap();
        seterrcall(old);
        assert_eq!(SEEN.with(Cell::get), FpFlags::OVERFLOW.bits());
    }
}
