//! The float32 `tanh`, `arctan` and `log` loops (evaluated in float32 lanes) against NumPy
//! (`ufunc/math_f32`): random inputs over the whole float32 line, special values and the
//! kernels' break points, within NumPy's umath validation bound of NumPy's float64 result
//! rounded to float32.

use nprs_core::{UfuncOptions, fpstatus::ErrAction, fpstatus::ErrState, fpstatus::errstate};
use nprs_testkit::oracle;
use nprs_ufunc::by_name;

use crate::common;
use common::{check_dyn, load_dyn};

#[test]
fn float32_lane_kernels_match_numpy_within_the_validation_bound() {
    let c = oracle("ufunc/math_f32");
    for name in ["tanh", "arctan", "log"] {
        let u = by_name(name).unwrap_or_else(|| panic!("{name} is not registered"));
        let x = load_dyn(&c, &format!("x/{name}"));
        assert_eq!(x.dtype().name(), "float32");
        let got = errstate(ErrState::all(ErrAction::Ignore), || u.call(&[(&x).into()], UfuncOptions::new()));
        check_dyn(c.case(name), got);
    }
}
