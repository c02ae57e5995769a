//! `convert_units` on every pair of datetime units against NumPy's casts
//! (`tests/oracle/groups/core/datetime_casts.py`, shared with nprs-core's `astype`):
//! calendar-exact to and from years and months, floored, NaT kept, and wrapping at the
//! ends of the range exactly as NumPy's int64 arithmetic.

use nprs_core::Array;
use nprs_datetime::{convert_units, parse_unit};
use nprs_testkit::{Elems, oracle};

const UNITS: [&str; 10] = ["Y", "M", "W", "D", "h", "m", "s", "ms", "us", "ns"];

#[test]
fn convert_units_matches_numpy_datetime_casts() {
    let o = oracle("core/datetime_casts");
    let mut fails = Vec::new();
    for u in UNITS {
        let src: Vec<i64> = match &o.case(&format!("src_M8_{u}")).array().data {
            Elems::Int(v) => v.iter().map(|&x| i64::try_from(x).unwrap()).collect(),
            other => panic!("int64 sources, got {other:?}"),
        };
        for v in UNITS {
            let (from, to) = (parse_unit(u).unwrap(), parse_unit(v).unwrap());
            let got: Vec<i64> = src.iter().map(|&c| convert_units(c, from, to).unwrap()).collect();
            let got = Array::from_vec(got);
            let name = format!("M8_{u}_to_{v}");
            if let Err(e) = std::panic::catch_unwind(|| o.case(&name).check(&got)) {
                fails.push(format!("{name}: {}", e.downcast_ref::<String>().cloned().unwrap_or_default()));
            }
        }
    }
    assert!(fails.is_empty(), "{} conversions differ from NumPy:\n{}", fails.len(), fails.join("\n"));
}
