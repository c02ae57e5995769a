//! NumPy's warnings: what a NumPy function reports with `warnings.warn` while still
//! returning a result (`np.mean` of an empty slice: "Mean of empty slice", `np.nanmax` of
//! an all-NaN slice: "All-NaN slice encountered", floating-point conditions under the
//! default error state: "overflow encountered in add").
//!
//! Every warning goes through [`warn`], which applies the calling thread's filter, as
//! Python's `warnings.simplefilter` does:
//! - [`WarnAction::Print`] (the default) writes `RuntimeWarning: message` to standard error;
//! - [`WarnAction::Ignore`] drops it;
//! - [`WarnAction::Error`] turns it into an error ([`Error::Warning`]) that the function
//!   returns, as `warnings.simplefilter("error")` makes Python raise;
//! - inside [`catch_warnings`] the warnings are recorded and handed back instead.
//!
//! ```
//! use nprs_core::warnings::{self, Category, WarnAction};
//! let (r, caught) = warnings::catch_warnings(|| {
//!     warnings::warn(Category::Runtime, "Mean of empty slice")?;
//!     Ok::<_, nprs_core::Error>(f64::NAN)
//! });
//! assert!(r?.is_nan());
//! assert_eq!(caught[0].message, "Mean of empty slice");
//! let e = warnings::with_filter(WarnAction::Error, || warnings::warn(Category::Runtime, "x"));
//! assert_eq!(e.unwrap_err().to_string(), "RuntimeWarning: x");
//! # Ok::<(), nprs_core::Error>(())
//! ```

use std::cell::{Cell, RefCell};

use crate::error::{Error, Result};

/// A warning's class, by NumPy's (Python's) name.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Category {
    /// `RuntimeWarning`: a result that may not be what was meant (empty slices, NaN
    /// slices, floating-point conditions).
    Runtime,
    /// `ComplexWarning`: a cast that drops imaginary parts.
    Complex,
    /// `DeprecationWarning`.
    Deprecation,
    /// `UserWarning`.
    User,
}

impl Category {
    /// The Python class name (`RuntimeWarning`).
    #[must_use]
    pub const fn name(self) -> &'static str {
        match self {
            Self::Runtime => "RuntimeWarning",
            Self::Complex => "ComplexWarning",
            Self::Deprecation => "DeprecationWarning",
            Self::User => "UserWarning",
        }
    }
}

/// One warning: its class and NumPy's message.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Warning {
    /// The warning's class.
    pub category: Category,
    /// NumPy's message.
    pub message: String,
}

/// What [`warn`] does with a warning on this thread.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum WarnAction {
    /// Write `Category: message` to standard error (Python's default shows it).
    #[default]
    Print,
    /// Drop it.
    Ignore,
    /// Return it as [`Error::Warning`] from the function that warned.
    Error,
}

thread_local! {
    static ACTION: Cell<WarnAction> = const { Cell::new(WarnAction::Print) };
    static CAUGHT: RefCell<Option<Vec<Warning>>> = const { RefCell::new(None) };
}

/// Reports a warning under the calling thread's filter.
///
/// # Errors
/// [`Error::Warning`] when the filter is [`WarnAction::Error`] (outside
/// [`catch_warnings`], which records instead).
pub fn warn(category: Category, message: impl Into<String>) -> Result<()> {
    let w = Warning { category, message: message.into() };
    let recorded = CAUGHT.with(|c| match c.borrow_mut().as_mut() {
        Some(list) => {
            list.push(w.clone());
            true
        }
        None => false,
    });
    if recorded {
        return Ok(());
    }
    match ACTION.with(Cell::get) {
        WarnAction::Print => {
            eprintln!("{}: {}", w.category.name(), w.message);
            Ok(())
        }
        WarnAction::Ignore => Ok(()),
        WarnAction::Error => Err(Error::Warning { category: w.category.name(), message: w.message }),
    }
}

/// Sets the calling thread's filter (`warnings.simplefilter`), returning the previous one.
pub fn simplefilter(action: WarnAction) -> WarnAction {
    ACTION.with(|a| a.replace(action))
}

/// Runs `f` under `action`, then restores the previous filter.
pub fn with_filter<R>(action: WarnAction, f: impl FnOnce() -> R) -> R {
    struct Restore(WarnAction);
    impl Drop for Restore {
        fn drop(&mut self) {
            simplefilter(self.0);
        }
    }
    let _restore = Restore(simplefilter(action));
    f()
}

/// Runs `f` recording every warning it reports on this thread (Python's
/// `warnings.catch_warnings(record=True)` with the filter "always"), and returns them with
/// its result. Calls nest: an inner call records its own warnings only.
pub fn catch_warnings<R>(f: impl FnOnce() -> R) -> (R, Vec<Warning>) {
    struct Restore(Option<Vec<Warning>>);
    impl Drop for Restore {
        fn drop(&mut self) {
            let outer = self.0.take();
            CAUGHT.with(|c| *c.borrow_mut() = outer);
        }
    }
    let outer = CAUGHT.with(|c| c.borrow_mut().replace(Vec::new()));
    let restore = Restore(outer);
    let r = f();
    let caught = CAUGHT.with(|c| c.borrow_mut().take()).unwrap_or_default();
    drop(restore);
    (r, caught)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn filters_print_ignore_error_and_restore() {
        assert!(warn(Category::Runtime, "shown").is_ok());
        with_filter(WarnAction::Ignore, || assert!(warn(Category::Runtime, "dropped").is_ok()));
        let e = with_filter(WarnAction::Error, || warn(Category::Complex, "Casting complex values to real"));
        assert_eq!(e.unwrap_err().to_string(), "ComplexWarning: Casting complex values to real");
        assert_eq!(simplefilter(WarnAction::Print), WarnAction::Print);
    }

    #[test]
    fn catch_warnings_records_in_order_and_nests() {
        let ((), outer) = catch_warnings(|| {
            warn(Category::Runtime, "a").unwrap();
            let ((), inner) = catch_warnings(|| warn(Category::Runtime, "b").unwrap());
            assert_eq!(inner.len(), 1);
            assert_eq!(inner[0].message, "b");
            warn(Category::User, "c").unwrap();
        });
        let msgs: Vec<&str> = outer.iter().map(|w| w.message.as_str()).collect();
        assert_eq!(msgs, ["a", "c"]);
        // Recording wins over an error filter, as Python's "always" inside catch_warnings.
        let (r, w) = catch_warnings(|| with_filter(WarnAction::Error, || warn(Category::Runtime, "d")));
        assert!(r.is_ok());
        assert_eq!(w.len(), 1);
    }
}
