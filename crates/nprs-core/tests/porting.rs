//! Oracle checks of what a port of NumPy code writes first (tests/oracle/groups/core/porting.py):
//! ranges from plain literals, scalars printed as NumPy prints them, function forms with
//! scalars, comparisons and mixed element types.

use nprs_core::prelude::*;
use nprs_core::{arange, geomspace, linspace, linspace_retstep, logspace};
use nprs_testkit::{Cases, oracle};

fn cases() -> Cases {
    oracle("core/porting")
}

// ---------------------------------------------------------------------------------------
// Ranges: plain literals give NumPy's dtype.

#[test]
fn ranges_from_integer_literals_are_float64() {
    let o = cases();
    // Rust infers these literals as i32; NumPy's result is float64 all the same.
    o.case("linspace_int_literals").check(&linspace(0, 1, 5, true).unwrap());
    let (y, step) = linspace_retstep(0, 1, 5, true).unwrap();
    o.case("linspace_int_literals_retstep").check_item(0, &y);
    o.case("linspace_int_literals_retstep").check_item(1, &Array::from_elem_0d(step));
    o.case("logspace_int_literals").check(&logspace(0, 3, 4, true, 10.0).unwrap());
    o.case("geomspace_int_literals").check(&geomspace(1, 1000, 4, true).unwrap());
    o.case("linspace_complex_literals").check(&linspace(C128::new(0.0, 0.0), C128::new(1.0, 1.0), 3, true).unwrap());
}

#[test]
fn arange_from_literals_has_numpys_dtype() {
    let o = cases();
    o.case("arange_int_literals").check(&arange(0, 10, 3).unwrap());
    o.case("arange_float_literals").check(&arange(0.5, 3.0, 0.5).unwrap());
}
