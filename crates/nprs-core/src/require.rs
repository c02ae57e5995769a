//! `numpy.require`: an array that meets a list of layout requirements, borrowed when the
//! input already does and copied otherwise.

use crate::array::{ArrayBase, CowArray};
use crate::dims::Order;
use crate::error::{Error, Result};
use crate::kernel::Data;

/// `numpy.require(a, requirements=…)`: `a` itself (borrowed) when it meets every
/// requirement, else a copy that does.
///
/// Requirements are NumPy's names, in any case: `"C"` (`"C_CONTIGUOUS"`, `"CONTIGUOUS"`),
/// `"F"` (`"F_CONTIGUOUS"`, `"FORTRAN"`), `"A"` (`"ALIGNED"`), `"W"` (`"WRITEABLE"`), `"O"`
/// (`"OWNDATA"`), `"E"` (`"ENSUREARRAY"`). NumPy's string form `requirements="CW"` is
/// `&["C", "W"]`. A copy made for `"O"` alone keeps `a`'s order when `a` is F-contiguous
/// (NumPy's `copy('A')`), C order otherwise.
///
/// What the flags mean for a typed array: it is always aligned (`A`) and an array
/// (`E`); writing to the result is the copy-on-write of [`CowArray`] (`W`:
/// `into_owned` copies only a borrowed result); `O` gives an owned copy — a
/// borrowed input never owns its data, so where NumPy returns an owning input as it is,
/// nprs copies (keep the owned array itself instead). `dtype=` is `astype`.
///
/// ```
/// use nprs_core::prelude::*;
/// use nprs_core::{require, shares_memory};
/// let a = Array::<f64>::arange(6).into_shape(&[2, 3])?;
/// let c = require(&a, &["C", "W"])?;               // already C-contiguous: no copy
/// assert!(shares_memory(&a, &c, None)?);
/// let t = a.t();
/// let c = require(&t, &["C"])?;                     // a transpose: a C-ordered copy
/// assert!(c.is_c_contiguous() && !shares_memory(&a, &c, None)?);
/// assert!(require(&a, &["C", "F"]).is_err());
/// # Ok::<(), nprs_core::Error>(())
/// ```
///
/// # Errors
/// An unknown requirement (NumPy's KeyError, naming it upper-cased); both `C` and `F`
/// ("Cannot specify both "C" and "F" order").
#[doc(alias = "numpy.require")]
pub fn require<'a, S: Data>(a: &'a ArrayBase<S>, requirements: &[&str]) -> Result<CowArray<'a, S::Elem>> {
    let (mut c, mut f, mut own) = (false, false, false);
    for r in requirements {
        let name = r.to_uppercase();
        match name.as_str() {
            "C" | "C_CONTIGUOUS" | "CONTIGUOUS" => c = true,
            "F" | "F_CONTIGUOUS" | "FORTRAN" => f = true,
            "O" | "OWNDATA" => own = true,
            "A" | "ALIGNED" | "W" | "WRITEABLE" | "E" | "ENSUREARRAY" => {}
            _ => return Err(Error::RequirementKey { name }),
        }
    }
    let order = match (c, f) {
        (true, true) => return Err(Error::RequireBothOrders),
        (true, false) => Some(Order::C),
        (false, true) => Some(Order::F),
        (false, false) => None,
    };
    let meets = match order {
        Some(Order::F) => a.is_f_contiguous(),
        Some(_) => a.is_c_contiguous(),
        None => true,
    };
    if meets && !own {
        return Ok(a.view().into());
    }
    let order = order.unwrap_or(if a.is_f_contiguous() && !a.is_c_contiguous() { Order::F } else { Order::C });
    Ok(a.to_owned_order(order).into())
}
