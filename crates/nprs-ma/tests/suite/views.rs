//! numpy.ma views against NumPy (`tests/oracle/groups/ma/views.py`): slices, transposes and
//! reshapes share the data and the mask, and writes through a view land in the array viewed
//! (soft and hard masks, `nomask` parents), compared on the parent and on the view.

use crate::common;

use common::{check_err, check_ma, input, plain};
use nprs_core::{Array, Scalar, s};
use nprs_ma::{self as ma, MaskedArray, MaskedViewMut};
use nprs_testkit::{Cases, Value, oracle};

const ONE_D: [&str; 5] = ["f64", "f32", "i64", "i8", "u8"];
const SEQ_1D: [&str; 11] = [
    "basic",
    "step",
    "slice_set",
    "all",
    "all_masked",
    "assign",
    "assign_plain",
    "fill",
    "nested",
    "nested_nomask_first",
    "reshape",
];
const SEQ_2D: [&str; 7] = ["steps", "T", "T_slice", "row", "col_set", "reshape", "assign_T"];

/// The writes of sequence `name` (as the case file's NumPy statements; `reshape1` and
/// `reshape2` are the 1-d and 2-d `reshape` sequences), returning a copy of the view `v`
/// they end with.
fn run(name: &str, a: &mut MaskedArray) -> ma::Result<MaskedArray> {
    let w = a.view_mut();
    let mut v: MaskedViewMut<'_> = match name {
        "basic" => w.slice(s![1..5])?,
        "step" => w.slice(s![..;-2])?,
        "slice_set" => w.slice(s![2..])?,
        "all" => w.slice(s![3..7])?,
        "all_masked" => w.slice(s![1..8;3])?,
        "assign" => w.slice(s![..6])?,
        "assign_plain" => w.slice(s![1..4])?,
        "fill" => w.slice(s![1..6])?,
        "nested" | "nested_nomask_first" => w.slice(s![1..])?,
        "reshape1" => w.reshape(&[-1, 1])?,
        "steps" => w.slice(s![..;2, 1..;2])?,
        "T" => w.transpose(None)?,
        "T_slice" | "assign_T" => {
            let t = w.transpose(None)?;
            if name == "T_slice" { t.slice(s![1.., ..;-1])? } else { t.slice(s![..2])? }
        }
        "row" => w.slice(s![1])?,
        "col_set" => w.slice(s![.., 2])?,
        "reshape2" => w.reshape(&[-1])?,
        other => panic!("no sequence {other}"),
    };
    match name {
        "basic" => {
            v.set_masked(&[2])?;
            v.set(&[0], 7)?;
        }
        "step" => {
            v.set_masked(&[1])?;
            v.set(&[2], 3)?;
            v.set(&[-1], 5)?;
        }
        "slice_set" => {
            v.set_slice(s![1..4], 9)?;
            v.set_slice_masked(s![..;3])?;
        }
        "all" => v.set_all(4)?,
        "all_masked" => v.set_all_masked()?,
        "assign" => {
            let src = ma::masked_array(
                Array::<i64>::arange(6),
                &Array::from_vec(vec![false, true, false, false, true, false]),
            )?;
            v.assign(&src.view())?;
        }
        "assign_plain" => v.assign(&MaskedArray::new(Array::from_vec(vec![1i64, 2, 3])).view())?,
        "fill" => v.fill(2)?,
        "nested" => {
            v.set_masked(&[0])?;
            let mut w = v.slice_mut(s![2..5])?;
            w.set_masked(&[1])?;
            w.set(&[0], 6)?;
        }
        "nested_nomask_first" => {
            let mut w = v.slice_mut(s![2..5])?;
            w.set_masked(&[1])?;
            w.set(&[2], 6)?;
        }
        "reshape1" => {
            v.set_masked(&[3, 0])?;
            v.set(&[1, 0], 8)?;
        }
        "steps" => {
            v.set_masked(&[0, 1])?;
            v.set(&[-1, 0], 7)?;
            v.set(&[0, 0], 5)?;
        }
        "T" => {
            v.set_masked(&[0, 1])?;
            v.set(&[1, 0], 7)?;
            v.set(&[-1, -1], 6)?;
        }
        "T_slice" => {
            v.set_masked(&[0, 0])?;
            v.set(&[1, 1], 7)?;
        }
        "row" => {
            v.set_masked(&[0])?;
            v.set(&[1], 7)?;
        }
        "col_set" => {
            v.set_slice(s![1..], 4)?;
            v.set_masked(&[0])?;
        }
        "reshape2" => {
            v.set_masked(&[3])?;
            v.set(&[0], 8)?;
        }
        "assign_T" => {
            let sh = v.shape().to_vec();
            let eye = Array::from_shape_vec(&sh, (0..sh[0] * sh[1]).map(|k| k / sh[1] == k % sh[1]).collect()).unwrap();
            let src = ma::masked_array(Array::<i64>::ones(&sh).unwrap(), &eye)?;
            v.assign(&src.view())?;
        }
        _ => unreachable!(),
    }
    v.to_owned()
}

fn sequences(o: &Cases, n: &str, seqs: &[&str], two_d: bool) {
    for kind in ["soft", "hard", "nomask"] {
        for &sname in seqs {
            let mut a = match kind {
                "soft" => input(o, n),
                "hard" => input(o, n).hard(true),
                _ => MaskedArray::new(plain(o, n)),
            };
            let run_name = match (sname, two_d) {
                ("reshape", false) => "reshape1",
                ("reshape", true) => "reshape2",
                _ => sname,
            };
            let par = o.case(&format!("par_{sname}_{kind}_{n}"));
            let view = o.case(&format!("view_{sname}_{kind}_{n}"));
            match run(run_name, &mut a) {
                Ok(v) => {
                    check_ma(par, &a);
                    check_ma(view, &v);
                }
                Err(e) => {
                    check_err(par, &e);
                    check_err(view, &e);
                }
            }
        }
    }
}

#[test]
fn writes_through_views_land_in_the_parent() {
    let o = oracle("ma/views");
    for n in ONE_D {
        sequences(&o, n, &SEQ_1D, false);
    }
    for n in ["m2", "i2"] {
        sequences(&o, n, &SEQ_2D, true);
    }
    sequences(&o, "big2", &["steps", "T_slice"], true);
}

fn value_of(s: Option<Scalar>) -> Value {
    match s {
        None => Value::None,
        Some(Scalar::Float(x)) => Value::Float(x),
        Some(Scalar::Int(i)) => Value::Int(i),
        Some(other) => panic!("unexpected element {other:?}"),
    }
}

#[test]
fn read_only_views_borrow_data_and_mask() {
    let o = oracle("ma/views");
    for n in ["m2", "i2", "big2"] {
        let a = input(&o, n);
        let v = a.view().slice(s![1.., ..;2]).unwrap().transpose(None).unwrap();
        check_ma(o.case(&format!("ro_{n}")), &v.to_owned().unwrap());
        let w = a.view().transpose(None).unwrap().slice(s![1.., ..;-1]).unwrap();
        let got: Vec<Value> = [[0, 0], [1, 1], [-1, 0]].iter().map(|i| value_of(w.get(i).unwrap())).collect();
        o.case(&format!("ro_get_{n}")).check_value(&Value::List(got));
        let c = a.view().slice(s![..;2]).unwrap().transpose(None).unwrap().count();
        o.case(&format!("ro_count_{n}")).check_value(&Value::Int(c as i128));
    }
    let a = input(&o, "big2");
    let e = a.view().transpose(None).unwrap().reshape(&[-1]).unwrap_err();
    check_err(o.case("reshape_copy_needed"), &e);
    let e = a.view().slice(s![200]).unwrap_err();
    check_err(o.case("slice_oob"), &e);
}

#[test]
fn views_print_and_share_memory() {
    let mut a =
        ma::masked_array(Array::<f64>::arange(6).into_shape(&[2, 3]).unwrap(), &Array::full(&[2, 3], false).unwrap())
            .unwrap();
    let v = a.view().transpose(None).unwrap();
    assert_eq!(v.to_string(), "[[0.0 3.0]\n [1.0 4.0]\n [2.0 5.0]]");
    // A typed array's view copies back to the typed array.
    let mut t = ma::masked_array(Array::from_vec(vec![1i32, 2, 3]), false).unwrap();
    {
        let mut tv = t.slice_view_mut(s![1..]).unwrap();
        tv.set_masked(&[1]).unwrap();
        let owned: MaskedArray<Array<i32>> = tv.to_owned().unwrap();
        assert_eq!(owned.data().to_vec(), vec![2, 3]);
    }
    assert_eq!(t.to_string(), "[1 2 --]");
    // The whole-array view of a nomask array allocates the array's own mask.
    a.view_mut().set_masked(&[1, 1]).unwrap();
    assert_eq!(a.count(), 5);
}
