//! `astype` between `datetime64` units and between `timedelta64` units against NumPy
//! (`tests/oracle/groups/core/datetime_casts.py`): calendar-exact datetime casts to and
//! from years and months, NumPy's averaged lengths for timedeltas, floors towards coarser
//! units and NaT kept, for every pair of units from years to nanoseconds.

use nprs_core::dtype::{DType, Descr};
use nprs_core::{Array, DynArray};
use nprs_testkit::{Elems, oracle};

const FILE: &str = "core/datetime_casts";
const UNITS: [&str; 10] = ["Y", "M", "W", "D", "h", "m", "s", "ms", "us", "ns"];

/// `counts` viewed as `dtype`, cast to `to`, read back as int64 counts.
fn cast_counts(counts: Vec<i64>, dtype: &str, to: &str) -> Array<i64> {
    let a = DynArray::from(Array::from_vec(counts)).view_dtype(&Descr::parse(dtype).unwrap()).unwrap().to_owned();
    let r = a.astype(&Descr::parse(to).unwrap()).unwrap();
    assert_eq!(r.dtype(), &Descr::parse(to).unwrap());
    r.view_dtype(&DType::Int64.into()).unwrap().to_owned().typed::<i64>().unwrap().to_owned()
}

fn every_pair(kind: &str) {
    let o = oracle(FILE);
    let mut fails = Vec::new();
    for u in UNITS {
        let src: Vec<i64> = match &o.case(&format!("src_{kind}_{u}")).array().data {
            Elems::Int(v) => v.iter().map(|&x| i64::try_from(x).unwrap()).collect(),
            other => panic!("int64 sources, got {other:?}"),
        };
        for v in UNITS {
            let got = cast_counts(src.clone(), &format!("{kind}[{u}]"), &format!("{kind}[{v}]"));
            let name = format!("{kind}_{u}_to_{v}");
            if let Err(e) = std::panic::catch_unwind(|| o.case(&name).check(&got)) {
                fails.push(format!("{name}: {}", e.downcast_ref::<String>().cloned().unwrap_or_default()));
            }
        }
    }
    assert!(fails.is_empty(), "{} casts differ from NumPy:\n{}", fails.len(), fails.join("\n"));
}

#[test]
fn datetime_casts_between_every_pair_of_units() {
    every_pair("M8");
}

#[test]
fn timedelta_casts_between_every_pair_of_units() {
    every_pair("m8");
}

#[test]
fn first_day_of_year_minus_10000_is_in_that_year() {
    let days = nprs_core::print::days_from_civil(-10000, 1, 1);
    let got = cast_counts(vec![days, i64::MIN], "M8[D]", "M8[Y]");
    oracle(FILE).case("example_minus_10000").check(&got);
}
