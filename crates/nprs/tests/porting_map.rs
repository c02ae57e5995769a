//! The porting map (`docs/porting.md`, section "The complete map") against NumPy's public
//! names (`tests/oracle/data/porting/names.json`, written by the oracle from NumPy 2.4.6):
//! every name of every namespace has exactly one entry, and the entries are well formed.
//!
//! Two files are generated from the map and must be committed as generated:
//! - `crates/nprs/tests/porting_paths.rs` names every nprs path the map claims, so that
//!   `cargo test -p nprs` does not compile when one does not exist;
//! - `docs/porting-coverage.md`, the per-namespace coverage table, which the README's
//!   "Porting coverage" table repeats (checked and rewritten the same way).
//!
//! `NPRS_BLESS=1 cargo test -p nprs --test porting_map` rewrites both.
#![cfg(all(
    feature = "ufunc",
    feature = "linalg",
    feature = "random",
    feature = "fft",
    feature = "ma",
    feature = "datetime",
    feature = "io"
))]

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use nprs_testkit::{Value, oracle};

/// The heading that starts the map in `docs/porting.md`.
const MAP_HEADING: &str = "## The complete map";

/// NumPy's namespaces, in the order of the map and of the coverage table.
const NAMESPACES: &[&str] = &[
    "numpy",
    "numpy.ndarray",
    "numpy.linalg",
    "numpy.fft",
    "numpy.random",
    "numpy.random.Generator",
    "numpy.random.RandomState",
    "numpy.ma",
    "numpy.strings",
    "numpy.char",
    "numpy.rec",
    "numpy.testing",
    "numpy.polynomial",
    "numpy.polynomial.Polynomial",
    "numpy.polynomial.polynomial",
    "numpy.polynomial.chebyshev",
    "numpy.polynomial.legendre",
    "numpy.polynomial.hermite",
    "numpy.polynomial.hermite_e",
    "numpy.polynomial.laguerre",
];

/// What the map says about one NumPy name.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Status {
    /// The nprs paths that provide it.
    Mapped(Vec<String>),
    /// Deliberately not provided, with the reason.
    NotProvided(String),
    /// Not in nprs yet.
    Missing,
}

#[derive(Debug)]
struct Entry {
    line: usize,
    status: Status,
}

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// The cells of a table row (`| a | b | c |`), trimmed; `None` for a line that is not one.
fn cells(line: &str) -> Option<Vec<&str>> {
    let inner = line.trim().strip_prefix('|')?.strip_suffix('|')?;
    Some(inner.split('|').map(str::trim).collect())
}

/// The text between one pair of backticks that makes up the whole cell.
fn code(cell: &str) -> Option<&str> {
    let inner = cell.strip_prefix('`')?.strip_suffix('`')?;
    (!inner.is_empty() && !inner.contains('`')).then_some(inner)
}

fn is_path(p: &str) -> bool {
    p.starts_with("nprs::")
        && p.split("::")
            .all(|seg| !seg.is_empty() && seg.chars().all(|c| c.is_ascii_alphanumeric() || "_<>".contains(c)))
}

/// The path of one `` [`nprs::…`] `` link (a macro keeps its `!`).
fn link(part: &str) -> Option<&str> {
    code(part.strip_prefix('[')?.strip_suffix(']')?)
}

/// The item a link names: without a macro's `!` or the `()` that tells a function from a
/// module of the same name.
fn item(link: &str) -> &str {
    link.strip_suffix('!').or_else(|| link.strip_suffix("()")).unwrap_or(link)
}

/// Parses an entry's status cell and notes cell.
fn status(cell: &str, notes: &str) -> Result<Status, String> {
    match cell {
        "missing" => Ok(Status::Missing),
        "not provided" if notes.is_empty() => Err("\"not provided\" needs its reason in the notes".into()),
        "not provided" => Ok(Status::NotProvided(notes.to_string())),
        _ => {
            let mut paths = Vec::new();
            for part in cell.split(", ") {
                match link(part) {
                    Some(p) if is_path(item(p)) => paths.push(p.to_string()),
                    _ => {
                        return Err(format!(
                            "`{part}` is not a link to an nprs path (`[`nprs::…`]`), \"not provided\" or \"missing\""
                        ));
                    }
                }
            }
            Ok(Status::Mapped(paths))
        }
    }
}

/// The map's entries per namespace, and the problems found while reading it.
fn parse_map(text: &str) -> (BTreeMap<String, BTreeMap<String, Entry>>, Vec<String>) {
    let mut map: BTreeMap<String, BTreeMap<String, Entry>> = BTreeMap::new();
    let mut problems = Vec::new();
    let Some(start) = text.lines().position(|l| l.trim_end() == MAP_HEADING) else {
        return (map, vec![format!("docs/porting.md has no `{MAP_HEADING}` heading")]);
    };
    let mut ns: Option<String> = None;
    for (i, line) in text.lines().enumerate().skip(start + 1) {
        let n = i + 1;
        if line.starts_with("## ") {
            break;
        }
        if let Some(h) = line.strip_prefix("### ") {
            ns = code(h.trim()).map(str::to_string);
            if ns.is_none() {
                problems.push(format!("line {n}: a map heading names a namespace in backticks: {line}"));
            }
            continue;
        }
        let Some(c) = cells(line) else { continue };
        if c.iter().all(|x| x.chars().all(|ch| ch == '-' || ch == ':')) || c.first() == Some(&"NumPy") {
            continue; // the header and its rule
        }
        let Some(ns) = &ns else {
            problems.push(format!("line {n}: a map row before any namespace heading"));
            continue;
        };
        if c.len() != 3 {
            problems.push(format!("line {n}: a map row has three cells (name, nprs, notes): {line}"));
            continue;
        }
        let Some(name) = code(c[0]) else {
            problems.push(format!("line {n}: the first cell is the NumPy name in backticks: {line}"));
            continue;
        };
        match status(c[1], c[2]) {
            Ok(status) => {
                let entries = map.entry(ns.clone()).or_default();
                if let Some(prev) = entries.insert(name.to_string(), Entry { line: n, status }) {
                    problems.push(format!("line {n}: `{ns}.{name}` already has an entry (line {})", prev.line));
                }
            }
            Err(e) => problems.push(format!("line {n}: `{ns}.{name}`: {e}")),
        }
    }
    (map, problems)
}

/// NumPy's public names per namespace, as the oracle recorded them.
fn numpy_names() -> BTreeMap<String, Vec<String>> {
    let o = oracle("porting/names");
    let mut out = BTreeMap::new();
    for ns in NAMESPACES {
        let Value::List(items) = o.case(ns).input() else { panic!("porting/names/{ns}: not a list") };
        let names = items
            .iter()
            .map(|v| match v {
                Value::Str(s) => s.clone(),
                other => panic!("porting/names/{ns}: not a name: {other:?}"),
            })
            .collect();
        out.insert((*ns).to_string(), names);
    }
    assert_eq!(out.len(), o.len(), "porting/names has namespaces this test does not know");
    out
}

/// The Rust file that imports every mapped item: the item itself, or for a method or an
/// associated item (a path whose parent is a type or a trait) its type or trait, since a
/// method cannot be imported; rustdoc resolves the map's links to the methods themselves.
fn paths_file(map: &BTreeMap<String, BTreeMap<String, Entry>>) -> String {
    let mut items = BTreeSet::new();
    for entries in map.values() {
        for e in entries.values() {
            if let Status::Mapped(paths) = &e.status {
                for p in paths {
                    let p = item(p);
                    let (parent, _) = p.rsplit_once("::").expect("an nprs path");
                    let parent_is_type =
                        parent.rsplit("::").next().is_some_and(|s| s.starts_with(|c: char| c.is_ascii_uppercase()));
                    // An enum variant can be imported; a method cannot.
                    items.insert(if parent_is_type && !is_variant(p) { parent.to_string() } else { p.to_string() });
                }
            }
        }
    }
    let uses: String = items.iter().map(|p| format!("    use {p} as _;\n")).collect();
    format!(
        "//! Generated by `tests/porting_map.rs` from `docs/porting.md` (`NPRS_BLESS=1 cargo test -p nprs \
         --test porting_map`):\n//! every item the porting map names (the type or trait of a method), so that this \
         file does not\n//! compile when one does not exist. The map's links to methods are resolved by rustdoc \
         (`cargo doc`).\n#![cfg(all(\n    feature = \"ufunc\",\n    feature = \"linalg\",\n    feature = \"random\",\n    \
         feature = \"fft\",\n    feature = \"ma\",\n    feature = \"datetime\",\n    feature = \"io\"\n))]\n#![allow(unused_imports)]\n\n// Generated: in the order the map's test writes it, not rustfmt's.\n#[rustfmt::skip]\nmod items {{\n{uses}}}\n"
    )
}

/// A path whose last two segments are capitalised (`nprs::DType::Float64`): an enum
/// variant or an associated constant, which `use` imports (variants) or the parent covers.
fn is_variant(p: &str) -> bool {
    let mut segs = p.rsplit("::");
    let last = segs.next().unwrap_or_default();
    last.starts_with(|c: char| c.is_ascii_uppercase()) && last.chars().any(|c| c.is_ascii_lowercase())
}

/// The per-namespace coverage table.
fn coverage_file(map: &BTreeMap<String, BTreeMap<String, Entry>>) -> String {
    let mut rows = String::new();
    let (mut tm, mut tn, mut tx) = (0usize, 0usize, 0usize);
    for ns in NAMESPACES {
        let (mut m, mut np, mut x) = (0usize, 0usize, 0usize);
        for e in map.get(*ns).into_iter().flat_map(BTreeMap::values) {
            match e.status {
                Status::Mapped(_) => m += 1,
                Status::NotProvided(_) => np += 1,
                Status::Missing => x += 1,
            }
        }
        writeln!(rows, "| `{ns}` | {} | {m} | {np} | {x} | {} |", m + np + x, share(m, m + x)).unwrap();
        (tm, tn, tx) = (tm + m, tn + np, tx + x);
    }
    format!(
        "# Porting coverage\n\nGenerated by `crates/nprs/tests/porting_map.rs` from the map in \
         [porting.md](porting.md) and NumPy 2.4.6's public names (`tests/oracle/data/porting/names.json`):\n\
         a module's `__all__`, a class's public attributes. *Mapped*: linked to nprs items that exist; *not \
         provided*: a\ndeliberate gap with its reason (an object dtype, a Python-only concept); *missing*: not \
         in nprs yet.\n*Covered* is mapped / (mapped + missing): the share of the names nprs means to \
         provide.\n\n| namespace | names | mapped | not provided | missing | covered |\n|---|---:|---:|---:|---:|---:|\n\
         {rows}| **all** | {} | {tm} | {tn} | {tx} | {} |\n",
        tm + tn + tx,
        share(tm, tm + tx)
    )
}

/// `readme` with its coverage table (the lines from the `| namespace |` header through the
/// `| **all** |` row) replaced by the table of `coverage`; `None` when either has none.
fn readme_with_table(readme: &str, coverage: &str) -> Option<String> {
    let table = |text: &str| -> Option<(usize, usize)> {
        let start = text.find("| namespace |")?;
        let all = start + text[start..].find("| **all** |")?;
        let end = all + text[all..].find('\n').map_or(text.len() - all, |e| e + 1);
        Some((start, end))
    };
    let (rs, re) = table(readme)?;
    let (cs, ce) = table(coverage)?;
    Some(format!("{}{}{}", &readme[..rs], &coverage[cs..ce], &readme[re..]))
}

fn share(part: usize, whole: usize) -> String {
    if whole == 0 { "—".to_string() } else { format!("{:.1}%", 100.0 * part as f64 / whole as f64) }
}

/// Compares a generated file with the committed one, rewriting it under `NPRS_BLESS=1`.
fn fresh(path: &Path, want: &str) -> Option<String> {
    let have = std::fs::read_to_string(path).unwrap_or_default();
    if have == want {
        return None;
    }
    if std::env::var_os("NPRS_BLESS").is_some() {
        std::fs::write(path, want).unwrap_or_else(|e| panic!("cannot write {}: {e}", path.display()));
        return None;
    }
    Some(format!("{} is stale: run `NPRS_BLESS=1 cargo test -p nprs --test porting_map` and commit it", path.display()))
}

#[test]
fn the_readme_table_is_replaced_whole() {
    let cov = "# x\n\n| namespace | a |\n|---|\n| `numpy` | 2 |\n| **all** | 2 |\n";
    let readme = "intro\n\n| namespace | a |\n|---|\n| `numpy` | 1 |\n| **all** | 1 |\n\n## Next\n";
    assert_eq!(
        readme_with_table(readme, cov).unwrap(),
        "intro\n\n| namespace | a |\n|---|\n| `numpy` | 2 |\n| **all** | 2 |\n\n## Next\n"
    );
    assert_eq!(readme_with_table("no table", cov), None);
}

#[test]
fn every_numpy_name_has_an_entry() {
    let text = std::fs::read_to_string(root().join("docs/porting.md")).expect("docs/porting.md");
    let (map, mut problems) = parse_map(&text);
    let names = numpy_names();
    for (ns, list) in &names {
        let entries = map.get(ns);
        let want: BTreeSet<&str> = list.iter().map(String::as_str).collect();
        for name in &want {
            if !entries.is_some_and(|e| e.contains_key(*name)) {
                problems.push(format!("`{ns}.{name}` has no entry in the map"));
            }
        }
        for (name, e) in entries.into_iter().flatten() {
            if !want.contains(name.as_str()) {
                problems.push(format!("line {}: `{ns}.{name}` is not a public NumPy name", e.line));
            }
        }
    }
    for ns in map.keys() {
        if !names.contains_key(ns) {
            problems.push(format!("the map has a section `{ns}` that is not a namespace of the name list"));
        }
    }
    let root = root();
    problems.extend(fresh(&root.join("crates/nprs/tests/porting_paths.rs"), &paths_file(&map)));
    let coverage = coverage_file(&map);
    problems.extend(fresh(&root.join("docs/porting-coverage.md"), &coverage));
    let readme = root.join("README.md");
    match readme_with_table(&std::fs::read_to_string(&readme).expect("README.md"), &coverage) {
        Some(want) => problems.extend(fresh(&readme, &want)),
        None => problems.push("README.md has no coverage table (a `| namespace |` table) to keep".to_string()),
    }
    assert!(problems.is_empty(), "the porting map disagrees with NumPy's names:\n  {}", problems.join("\n  "));
}

#[test]
fn map_rows_are_parsed_strictly() {
    let ok = "## The complete map\n\n### `numpy`\n\n| NumPy | nprs | notes |\n|---|---|---|\n\
              | `abs` | [`nprs::abs`], [`nprs::ufunc::ufuncs::ABSOLUTE`] | |\n\
              | `object_` | not provided | no object dtype |\n| `c_` | missing | |\n";
    let (map, problems) = parse_map(ok);
    assert!(problems.is_empty(), "{problems:?}");
    let m = &map["numpy"];
    assert_eq!(m["abs"].status, Status::Mapped(vec!["nprs::abs".into(), "nprs::ufunc::ufuncs::ABSOLUTE".into()]));
    assert_eq!(m["object_"].status, Status::NotProvided("no object dtype".into()));
    assert_eq!(m["c_"].status, Status::Missing);
    for bad in [
        "| `object_` | not provided | |",
        "| `abs` | [`np.abs`] | |",
        "| `abs` | `nprs::abs` | |",
        "| `abs` | [nprs::abs] | |",
        "| abs | `nprs::abs` | |",
        "| `abs` | `nprs::abs` |",
    ] {
        let (_, problems) = parse_map(&format!("## The complete map\n### `numpy`\n{bad}\n"));
        assert_eq!(problems.len(), 1, "{bad}: {problems:?}");
    }
    let (_, problems) = parse_map("## The complete map\n### `numpy`\n| `a` | missing | |\n| `a` | missing | |\n");
    assert_eq!(problems.len(), 1, "a duplicate entry");
}
