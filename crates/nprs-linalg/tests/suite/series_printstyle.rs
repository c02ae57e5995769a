//! `set_default_printstyle` switches `str` of every series to ASCII terms and back
//! (its own test binary: the style is process-wide, as in NumPy).

use nprs_linalg::polynomial::{Basis, Series, set_default_printstyle};
use nprs_linalg::polynomial::{ChebyshevBasis, HermiteBasis, HermiteEBasis, LaguerreBasis, LegendreBasis, PowerBasis};
use nprs_testkit::oracle;

fn family<B: Basis>(p: &str) {
    let o = oracle("polynomial/series");
    let c = o.case(&format!("{p}_m_c")).array().clone();
    let nprs_testkit::Elems::Float(c) = c.data else { panic!("float coefficients expected") };
    let s = Series::<B>::with(&c, Some([-2.0, 3.0]), None, "x").unwrap();
    set_default_printstyle("ascii").unwrap();
    let ascii = s.to_string();
    set_default_printstyle("unicode").unwrap();
    o.case(&format!("{p}_m_ascii_style")).check_str(&ascii);
    assert_eq!(s.to_string(), s.to_unicode());
}

#[test]
fn printstyle_switches_every_family() {
    family::<PowerBasis>("poly");
    family::<ChebyshevBasis>("cheb");
    family::<LegendreBasis>("leg");
    family::<HermiteBasis>("herm");
    family::<HermiteEBasis>("herme");
    family::<LaguerreBasis>("lag");
    let e = set_default_printstyle("foo").unwrap_err();
    oracle("polynomial/series").case("printstyle_bad").check_error(e.numpy_kind(), &e.to_string());
}
