//! `oracle-coverage`: every recorded NumPy case must be compared by some test.
//!
//! The test processes write what they compared to `<target>/oracle-coverage/*.txt` (see
//! `nprs_testkit::record`). A case is covered when a comparison with it passed (for a tuple
//! compared item by item, with every item), or, for an input case (its NumPy code ends in
//! a bare variable name), when a test read it. Cases
//! left uncovered on purpose are listed in `tests/oracle/uncompared.txt`, one per line with
//! the reason; that list must be exact: an entry that is covered after all, or names no
//! case, is an error as well.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use crate::util::{root, target_dir};

/// Where the test processes write their records.
pub fn record_dir() -> PathBuf {
    target_dir().join("oracle-coverage")
}

type Key = (String, String);

/// Every case of `tests/oracle/data`, as (case file, case name), with the number of items
/// of the cases that recorded a tuple or list.
fn all_cases() -> Result<(BTreeSet<Key>, BTreeMap<Key, usize>), String> {
    let data = root().join("tests/oracle/data");
    let mut files = Vec::new();
    collect_json(&data, &mut files)?;
    let (mut out, mut lists) = (BTreeSet::new(), BTreeMap::new());
    for path in files {
        let text = std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
        let doc: serde_json::Value = serde_json::from_str(&text).map_err(|e| format!("{}: {e}", path.display()))?;
        let group = doc["group"].as_str().ok_or_else(|| format!("{}: no group", path.display()))?;
        let cases = doc["cases"].as_object().ok_or_else(|| format!("{}: no cases", path.display()))?;
        for (name, case) in cases {
            let key = (group.to_string(), name.clone());
            if let Some(items) = case["result"]["list"].as_array() {
                lists.insert(key.clone(), items.len());
            }
            out.insert(key);
        }
    }
    Ok((out, lists))
}

fn collect_json(dir: &Path, out: &mut Vec<PathBuf>) -> Result<(), String> {
    for entry in std::fs::read_dir(dir).map_err(|e| format!("{}: {e}", dir.display()))? {
        let path = entry.map_err(|e| e.to_string())?.path();
        if path.is_dir() {
            collect_json(&path, out)?;
        } else if path.extension().is_some_and(|e| e == "json") {
            out.push(path);
        }
    }
    Ok(())
}

/// What the test processes recorded.
#[derive(Default)]
struct Records {
    /// Cases compared whole (`c`).
    compared: BTreeSet<Key>,
    /// Input cases read (`i`).
    inputs: BTreeSet<Key>,
    /// The items of tuple cases compared one by one (`p`).
    items: BTreeMap<Key, BTreeSet<usize>>,
    /// How many record files there were.
    files: usize,
}

/// Reads the records of every test process.
fn recorded(dir: &Path) -> Result<Records, String> {
    let mut r = Records::default();
    let entries = std::fs::read_dir(dir)
        .map_err(|e| format!("{}: {e} (no test recorded a comparison; run the tests first)", dir.display()))?;
    for entry in entries {
        let path = entry.map_err(|e| e.to_string())?.path();
        if path.extension().is_none_or(|e| e != "txt") {
            continue;
        }
        r.files += 1;
        let text = std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
        for line in text.lines() {
            let mut parts = line.splitn(3, '\t');
            let (Some(mark), Some(file), Some(name)) = (parts.next(), parts.next(), parts.next()) else {
                return Err(format!("{}: bad line {line:?}", path.display()));
            };
            let bad = || format!("{}: bad line {line:?}", path.display());
            match mark {
                "c" => _ = r.compared.insert((file.to_string(), name.to_string())),
                "i" => _ = r.inputs.insert((file.to_string(), name.to_string())),
                "p" => {
                    let (name, item) = name.rsplit_once('\t').ok_or_else(bad)?;
                    let item: usize = item.parse().map_err(|_| bad())?;
                    r.items.entry((file.to_string(), name.to_string())).or_default().insert(item);
                }
                _ => return Err(bad()),
            }
        }
    }
    Ok(r)
}

/// `tests/oracle/uncompared.txt`: `<case file> <case name> <reason>` per line, `#` comments.
fn allow_list() -> Result<BTreeMap<Key, String>, String> {
    let path = root().join("tests/oracle/uncompared.txt");
    let text = std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
    let mut out = BTreeMap::new();
    for (i, line) in text.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let mut parts = line.splitn(3, char::is_whitespace);
        let (file, name) = (parts.next().unwrap_or_default(), parts.next().unwrap_or_default());
        let reason = parts.next().unwrap_or_default().trim();
        if name.is_empty() || reason.is_empty() {
            return Err(format!("{}:{}: expected `<case file> <case name> <reason>`", path.display(), i + 1));
        }
        if out.insert((file.to_string(), name.to_string()), reason.to_string()).is_some() {
            return Err(format!("{}:{}: {file} {name} is listed twice", path.display(), i + 1));
        }
    }
    Ok(out)
}

/// Checks the records in `dir` against the oracle data and the allow-list.
pub fn check(dir: &Path) -> Result<(), String> {
    let (all, lists) = all_cases()?;
    let Records { compared, inputs, items, files } = recorded(dir)?;
    let allowed = allow_list()?;
    // A tuple compared item by item counts once every item is.
    let by_items: BTreeSet<&Key> = items
        .iter()
        .filter(|(k, seen)| lists.get(*k).is_some_and(|&n| (0..n).all(|i| seen.contains(&i))))
        .map(|(k, _)| k)
        .collect();
    let covered: BTreeSet<&Key> = compared.iter().chain(&inputs).chain(by_items.iter().copied()).collect();
    let mut problems = Vec::new();
    let unknown: Vec<_> = covered.iter().filter(|k| !all.contains(**k)).collect();
    if !unknown.is_empty() {
        problems.push(format!("{} recorded case(s) are not in the oracle data (stale records?)", unknown.len()));
    }
    for (k, reason) in &allowed {
        if !all.contains(k) {
            problems.push(format!("uncompared.txt lists {}/{}, which is no oracle case ({reason})", k.0, k.1));
        } else if covered.contains(k) {
            problems.push(format!("uncompared.txt lists {}/{}, but a test compares it: remove the entry", k.0, k.1));
        }
    }
    let mut missing: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
    let mut partial = Vec::new();
    for k in all.iter().filter(|k| !covered.contains(k) && !allowed.contains_key(*k)) {
        missing.entry(&k.0).or_default().push(&k.1);
        if let (Some(seen), Some(n)) = (items.get(k), lists.get(k)) {
            let left: Vec<String> = (0..*n).filter(|i| !seen.contains(i)).map(|i| i.to_string()).collect();
            partial.push(format!("\n  {}/{}: items {} never compared", k.0, k.1, left.join(", ")));
        }
    }
    let n_missing: usize = missing.values().map(Vec::len).sum();
    if n_missing > 0 {
        let mut msg = format!("{n_missing} oracle case(s) are never compared by any test:");
        for (file, names) in &missing {
            msg.push_str(&format!("\n  {file} ({}): {}", names.len(), names.join(" ")));
        }
        msg.extend(partial);
        problems.push(msg);
    }
    let in_only = inputs.iter().filter(|k| !compared.contains(*k) && !by_items.contains(k)).count();
    let whole = compared.iter().chain(by_items.iter().copied()).collect::<BTreeSet<_>>().len();
    eprintln!(
        "oracle coverage: {} cases; {whole} compared, {in_only} inputs read, {} allow-listed \
         (tests/oracle/uncompared.txt), {n_missing} never compared ({files} record files)",
        all.len(),
        allowed.len(),
    );
    if problems.is_empty() { Ok(()) } else { Err(problems.join("\n")) }
}

/// `cargo xtask oracle-coverage [DIR]`: the check alone, on records already written.
pub fn run(args: &[String]) -> Result<(), String> {
    let dir = args.first().map_or_else(record_dir, PathBuf::from);
    check(&dir)
}
