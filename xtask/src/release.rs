//! `release`: version bump, changelog, packaging, publish dry run, public-API diff, tag.
//!
//! `cargo xtask release [--dry-run | --execute] [--version X.Y.Z] [--changelog PATH]
//! [--no-package] [--full-verify] [--write-api]`. A dry run (the default) computes and shows every change
//! and runs the packaging checks, and writes nothing; `--execute` writes the version bump,
//! the changelog and the public-API listing, commits them and tags `vX.Y.Z`. The steps and
//! why each is done the way it is are in docs/release.md.

use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::Value;

use crate::api;
use crate::util::{cargo, root, run, target_dir};

/// Where the public-API listing of each published crate is kept (one file per crate): the
/// API of the last release, written by `release --execute`.
pub const API_DIR: &str = "docs/api";

/// A version `major.minor.patch` (pre-release and build suffixes are not supported).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Version(pub u64, pub u64, pub u64);

impl Version {
    /// Parses `X.Y.Z`.
    pub fn parse(s: &str) -> Result<Version, String> {
        let parts: Vec<&str> = s.split('.').collect();
        let num = |p: &str| -> Result<u64, String> {
            if p.is_empty() || !p.bytes().all(|b| b.is_ascii_digit()) || (p.len() > 1 && p.starts_with('0')) {
                return Err(format!("version {s:?} is not X.Y.Z (three numbers without leading zeros)"));
            }
            p.parse().map_err(|_| format!("version {s:?}: {p} is too large"))
        };
        match parts.as_slice() {
            [a, b, c] => Ok(Version(num(a)?, num(b)?, num(c)?)),
            _ => Err(format!("version {s:?} is not X.Y.Z")),
        }
    }

    /// Whether going from `self` to `next` may break users under Cargo's semver rules: a new
    /// major version, or for 0.y.z a new minor version (0.0.z: any new version).
    pub fn allows_breaking(self, next: Version) -> bool {
        match self {
            Version(0, 0, _) => next > self,
            Version(0, minor, _) => next.0 > 0 || next.1 > minor,
            Version(major, ..) => next.0 > major,
        }
    }
}

impl std::fmt::Display for Version {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}.{}.{}", self.0, self.1, self.2)
    }
}

struct Options {
    execute: bool,
    version: Option<Version>,
    changelog: PathBuf,
    package: bool,
    full_verify: bool,
    write_api: bool,
}

fn options(args: &[String]) -> Result<Options, String> {
    let mut o = Options {
        execute: false,
        version: None,
        changelog: root().join("CHANGELOG.md"),
        package: true,
        full_verify: false,
        write_api: false,
    };
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--dry-run" => o.execute = false,
            "--execute" => o.execute = true,
            "--version" => o.version = Some(Version::parse(it.next().ok_or("--version needs X.Y.Z")?)?),
            "--changelog" => o.changelog = PathBuf::from(it.next().ok_or("--changelog needs a path")?),
            "--no-package" => o.package = false,
            "--full-verify" => o.full_verify = true,
            "--write-api" => o.write_api = true,
            other => {
                return Err(format!(
                    "release: unknown option {other:?}; expected --dry-run (default), --execute, --version X.Y.Z, --changelog PATH, --no-package, --full-verify or --write-api"
                ));
            }
        }
    }
    if o.execute && !o.package {
        return Err("release: --execute always packages (--no-package is for dry runs)".into());
    }
    Ok(o)
}

/// A workspace crate, from `cargo metadata`.
#[derive(Debug, Clone)]
pub struct Krate {
    /// Package name.
    pub name: String,
    /// `version` of its manifest.
    pub version: String,
    /// Whether it may be published (`publish` unset).
    pub publish: bool,
    /// Its Cargo.toml.
    pub manifest: PathBuf,
    /// Workspace crates it depends on, by kind: (name, is a dev-dependency).
    pub deps: Vec<(String, bool)>,
}

fn workspace() -> Result<Vec<Krate>, String> {
    let out = cargo()
        .args(["metadata", "--format-version", "1", "--no-deps"])
        .current_dir(root())
        .output()
        .map_err(|e| format!("cargo metadata: {e}"))?;
    if !out.status.success() {
        return Err(format!("cargo metadata failed: {}", String::from_utf8_lossy(&out.stderr)));
    }
    let meta: Value = serde_json::from_slice(&out.stdout).map_err(|e| format!("cargo metadata: {e}"))?;
    let packages = meta["packages"].as_array().ok_or("cargo metadata: no packages")?;
    let names: Vec<&str> = packages.iter().filter_map(|p| p["name"].as_str()).collect();
    Ok(packages
        .iter()
        .map(|p| Krate {
            name: p["name"].as_str().unwrap_or_default().to_string(),
            version: p["version"].as_str().unwrap_or_default().to_string(),
            publish: p["publish"].is_null(),
            manifest: PathBuf::from(p["manifest_path"].as_str().unwrap_or_default()),
            deps: p["dependencies"]
                .as_array()
                .into_iter()
                .flatten()
                .filter(|d| d["path"].is_string() && names.contains(&d["name"].as_str().unwrap_or_default()))
                .map(|d| (d["name"].as_str().unwrap_or_default().to_string(), d["kind"].as_str() == Some("dev")))
                .collect(),
        })
        .collect())
}

/// The publishable crates, each after the workspace crates it depends on (normal and build
/// dependencies; dev-dependencies on published crates too, as the registry needs them).
/// Fails when a published crate needs an unpublished one.
pub fn publish_order(crates: &[Krate]) -> Result<Vec<String>, String> {
    let publishable: Vec<&Krate> = crates.iter().filter(|k| k.publish).collect();
    for k in &publishable {
        for (d, dev) in &k.deps {
            let target = crates.iter().find(|c| &c.name == d);
            if !dev && target.is_some_and(|t| !t.publish) {
                return Err(format!("{} depends on {d}, which is not published (publish = false)", k.name));
            }
        }
    }
    let mut order: Vec<String> = Vec::new();
    let mut left: Vec<&Krate> = publishable;
    left.sort_by(|a, b| a.name.cmp(&b.name));
    while !left.is_empty() {
        let ready = left.iter().position(|k| {
            k.deps
                .iter()
                .all(|(d, _)| order.contains(d) || !crates.iter().any(|c| &c.name == d && c.publish) || d == &k.name)
        });
        let Some(i) = ready else {
            let names: Vec<&str> = left.iter().map(|k| k.name.as_str()).collect();
            return Err(format!("dependency cycle among {names:?}"));
        };
        order.push(left.remove(i).name.clone());
    }
    Ok(order)
}

/// The version bump as edits of manifest text: the `[workspace.package]` version and the
/// `version = "old"` of every path dependency on a workspace crate. Returns the new text,
/// or `None` when nothing changes.
pub fn bump_manifest(text: &str, crate_names: &[String], old: &str, new: &str) -> Option<String> {
    let old_field = format!("version = \"{old}\"");
    let new_field = format!("version = \"{new}\"");
    let mut section = String::new();
    let mut changed = false;
    let mut out = String::with_capacity(text.len());
    for line in text.split_inclusive('\n') {
        let t = line.trim_start();
        if t.starts_with('[') {
            section = t.trim_end().to_string();
        }
        let dep_name = t.split(['=', ' ', '.']).next().unwrap_or_default();
        let is_workspace_version = section == "[workspace.package]" && t.starts_with(&old_field);
        let is_dep = crate_names.iter().any(|n| n == dep_name) && t.contains("path =") && t.contains(&old_field);
        if is_workspace_version || is_dep {
            out.push_str(&line.replacen(&old_field, &new_field, 1));
            changed = true;
        } else {
            out.push_str(line);
        }
    }
    changed.then_some(out)
}

/// Moves the changelog's `## [Unreleased]` section under `## [version] - date`, leaving
/// an empty Unreleased section. Fails when there is no Unreleased heading, when the
/// version already has a section, or when the Unreleased section is empty.
pub fn move_unreleased(text: &str, version: Version, date: &str) -> Result<String, String> {
    let lines: Vec<&str> = text.split_inclusive('\n').collect();
    let is_heading = |l: &str| l.starts_with("## ");
    let start = lines
        .iter()
        .position(|l| {
            l.trim_end().eq_ignore_ascii_case("## [unreleased]") || l.trim_end().eq_ignore_ascii_case("## unreleased")
        })
        .ok_or("the changelog has no `## [Unreleased]` heading")?;
    if lines.iter().any(|l| is_heading(l) && l.starts_with(&format!("## [{version}]"))) {
        return Err(format!("the changelog already has a section for {version}"));
    }
    let end = lines[start + 1..].iter().position(|l| is_heading(l)).map_or(lines.len(), |i| start + 1 + i);
    let body = &lines[start + 1..end];
    if body.iter().all(|l| l.trim().is_empty()) {
        return Err("the changelog's Unreleased section is empty: nothing to release".into());
    }
    let mut out: String = lines[..=start].concat();
    out.push('\n');
    out.push_str(&format!("## [{version}] - {date}\n"));
    let body = body.concat();
    if !body.starts_with('\n') {
        out.push('\n');
    }
    out.push_str(&body);
    out.push_str(&lines[end..].concat());
    Ok(out)
}

/// Today's date (UTC) as `YYYY-MM-DD`.
fn today() -> String {
    let secs = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_secs());
    civil_date(secs.cast_signed() / 86_400)
}

/// The proleptic Gregorian date `days` after 1970-01-01.
fn civil_date(days: i64) -> String {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    format!("{y:04}-{m:02}-{d:02}")
}

fn git(args: &[&str]) -> Result<String, String> {
    let out = Command::new("git").args(args).current_dir(root()).output().map_err(|e| format!("git {args:?}: {e}"))?;
    if !out.status.success() {
        return Err(format!("git {args:?} failed: {}", String::from_utf8_lossy(&out.stderr).trim()));
    }
    Ok(String::from_utf8_lossy(&out.stdout).into_owned())
}

/// The newest `vX.Y.Z` tag, if any.
fn last_release() -> Result<Option<(String, Version)>, String> {
    let tags = git(&["tag", "--list", "v*"])?;
    Ok(tags
        .lines()
        .filter_map(|t| Version::parse(t.trim().strip_prefix('v')?).ok().map(|v| (t.trim().to_string(), v)))
        .max_by_key(|(_, v)| *v))
}

fn api_file(name: &str) -> PathBuf {
    root().join(API_DIR).join(format!("{name}.txt"))
}

/// The listing of the last release: the file as committed at its tag, else (before the
/// first release) the committed baseline in the working tree.
fn baseline(name: &str, tag: Option<&str>) -> Result<Option<Vec<String>>, String> {
    let text = match tag {
        Some(t) => git(&["show", &format!("{t}:{API_DIR}/{name}.txt")]).ok(),
        None => std::fs::read_to_string(api_file(name)).ok(),
    };
    Ok(text.map(|t| t.lines().filter(|l| !l.is_empty()).map(String::from).collect()))
}

/// The public API of every published crate now, by crate.
fn current_api(order: &[String], crates: &[Krate]) -> Result<Vec<(String, Vec<String>)>, String> {
    order
        .iter()
        .map(|name| {
            let k = crates.iter().find(|k| &k.name == name).ok_or(format!("{name}: not in the workspace"))?;
            let lib = k.manifest.parent().unwrap_or(Path::new(".")).join("src/lib.rs");
            Ok((name.clone(), api::listing(name, &lib)?))
        })
        .collect()
}

/// The published crates of the workspace, in dependency order.
pub fn published() -> Result<Vec<String>, String> {
    publish_order(&workspace()?)
}

/// The task.
pub fn release(args: &[String]) -> Result<(), String> {
    let o = options(args)?;
    let mode = if o.execute { "release" } else { "dry run (nothing is written; --execute to release)" };
    eprintln!("== cargo xtask release: {mode}");
    let crates = workspace()?;
    let order = publish_order(&crates)?;
    eprintln!("published crates, in dependency order: {}", order.join(", "));
    let current = {
        let first = crates.iter().find(|k| k.name == order[0]).ok_or("no published crate")?;
        for k in crates.iter().filter(|k| k.publish) {
            if k.version != first.version {
                return Err(format!(
                    "{} is at {}, {} at {}: published crates share the workspace version",
                    k.name, k.version, first.name, first.version
                ));
            }
        }
        Version::parse(&first.version)?
    };
    let last = last_release()?;
    let version = o.version.unwrap_or(current);
    eprintln!(
        "workspace version {current}; last release {}; releasing {version}",
        last.as_ref().map_or("none (no vX.Y.Z tag)".to_string(), |(t, _)| t.clone())
    );
    if let Some((tag, v)) = &last
        && version <= *v
    {
        let msg = format!("{version} is not newer than the last release {tag}: pass --version X.Y.Z");
        if o.execute {
            return Err(msg);
        }
        eprintln!("note: {msg}");
    }
    if o.execute {
        if !git(&["status", "--porcelain", "--untracked-files=no"])?.trim().is_empty() {
            return Err("the working tree has uncommitted changes: commit or stash them first".into());
        }
        if git(&["rev-parse", "-q", "--verify", &format!("refs/tags/v{version}")]).is_ok() {
            return Err(format!("tag v{version} exists already"));
        }
    }

    // 1. The public API against the last release.
    eprintln!(
        "\n== public API (listing from the source; baseline: {API_DIR}/<crate>.txt{})",
        last.as_ref().map_or(String::new(), |(t, _)| format!(" at {t}"))
    );
    let api_now = current_api(&order, &crates)?;
    let mut breaking = false;
    for (name, lines) in &api_now {
        match baseline(name, last.as_ref().map(|(t, _)| t.as_str()))? {
            None => eprintln!("{name}: no baseline listing ({} items, all new)", lines.len()),
            Some(old) => {
                let d = api::diff(&old, lines);
                breaking |= d.is_breaking();
                eprintln!(
                    "{name}: {} items; {} added, {} removed, {} changed, {} breaking additions",
                    lines.len(),
                    d.added.len(),
                    d.removed.len(),
                    d.changed.len(),
                    d.added_breaking.len()
                );
                for l in &d.removed {
                    eprintln!("  BREAKING removed: {l}");
                }
                for (a, b) in &d.changed {
                    eprintln!("  BREAKING changed: {a}\n                 to: {b}");
                }
                for l in &d.added_breaking {
                    eprintln!("  BREAKING added:   {l}");
                }
                for l in d.added.iter().take(20) {
                    eprintln!("  added: {l}");
                }
                if d.added.len() > 20 {
                    eprintln!("  … and {} more additions", d.added.len() - 20);
                }
            }
        }
    }
    let base_version = last.as_ref().map_or(current, |(_, v)| *v);
    if breaking {
        let ok = version > base_version && base_version.allows_breaking(version);
        let msg = format!(
            "the public API has breaking changes since {base_version}; {version} {}",
            if ok { "is a breaking version: fine" } else { "is not a breaking version under semver" }
        );
        if !ok && o.execute && last.is_some() {
            return Err(msg);
        }
        eprintln!("{}: {msg}", if ok { "note" } else { "WARNING" });
    }
    if o.write_api && !o.execute {
        write_api(&api_now)?;
    }

    // 2. The version bump.
    eprintln!("\n== version bump {current} -> {version}");
    let mut edits: Vec<(PathBuf, String)> = Vec::new();
    if version != current {
        let names: Vec<String> = crates.iter().map(|k| k.name.clone()).collect();
        let mut manifests: Vec<PathBuf> = vec![root().join("Cargo.toml")];
        manifests.extend(crates.iter().map(|k| k.manifest.clone()));
        manifests.dedup();
        for m in manifests {
            let text = std::fs::read_to_string(&m).map_err(|e| format!("{}: {e}", m.display()))?;
            if let Some(new) = bump_manifest(&text, &names, &current.to_string(), &version.to_string()) {
                for (a, b) in text.lines().zip(new.lines()).filter(|(a, b)| a != b) {
                    eprintln!("{}:\n  - {a}\n  + {b}", m.strip_prefix(root()).unwrap_or(&m).display());
                }
                edits.push((m, new));
            }
        }
    } else {
        eprintln!("(no --version given, or the same version: no bump)");
    }

    // 3. The changelog.
    eprintln!("\n== changelog ({})", o.changelog.display());
    let log = std::fs::read_to_string(&o.changelog).map_err(|e| format!("{}: {e}", o.changelog.display()))?;
    match move_unreleased(&log, version, &today()) {
        Ok(new) => {
            let heading =
                new.lines().find(|l| l.starts_with(&format!("## [{version}]"))).unwrap_or_default().to_string();
            eprintln!("the Unreleased section moves under `{heading}`; a new empty `## [Unreleased]` stays above it");
            edits.push((o.changelog.clone(), new));
        }
        Err(e) if o.execute => return Err(e),
        Err(e) => eprintln!("WARNING: {e}"),
    }

    // The edits are written now when releasing: the packages carry the new version.
    let originals: Vec<(PathBuf, String)> = if o.execute {
        let originals = edits
            .iter()
            .map(|(p, _)| {
                std::fs::read_to_string(p).map(|t| (p.clone(), t)).map_err(|e| format!("{}: {e}", p.display()))
            })
            .collect::<Result<Vec<_>, _>>()?;
        for (p, t) in &edits {
            std::fs::write(p, t).map_err(|e| format!("{}: {e}", p.display()))?;
        }
        originals
    } else {
        Vec::new()
    };
    let restore = |err: String| -> String {
        for (p, t) in &originals {
            let _ = std::fs::write(p, t);
        }
        if originals.is_empty() { err } else { format!("{err}\n(the version bump and changelog edits were undone)") }
    };

    // 4. Packages, each built from its .crate alone; 5. the publish dry run.
    if o.package {
        // A dry run packages the crates as they are (the bump is not written).
        let packaged = if o.execute { version } else { current };
        package(&order, &packaged.to_string(), o.execute || o.full_verify).map_err(restore)?;
    } else {
        eprintln!("\n== packaging skipped (--no-package)");
    }

    // 6. The API listing, the release commit and the tag.
    if o.execute {
        write_api(&api_now).map_err(restore)?;
        run(Command::new("git").args(["add", "-u"]))?;
        run(Command::new("git").args(["add", API_DIR]))?;
        run(Command::new("git").args(["commit", "-q", "-m", &format!("Release {version}")]))?;
        run(Command::new("git").args(["tag", "-a", &format!("v{version}"), "-m", &format!("nprs {version}")]))?;
        eprintln!(
            "\ntagged v{version}. To publish: git push --follow-tags, then `cargo publish --workspace` (in the order above)."
        );
    } else {
        eprintln!(
            "\ndry run passed: with --execute the edits above are written, {API_DIR}/ is updated, committed as \"Release {version}\" and tagged v{version}"
        );
    }
    Ok(())
}

fn write_api(api_now: &[(String, Vec<String>)]) -> Result<(), String> {
    std::fs::create_dir_all(root().join(API_DIR)).map_err(|e| e.to_string())?;
    for (name, lines) in api_now {
        let mut text = lines.join("\n");
        text.push('\n');
        std::fs::write(api_file(name), text).map_err(|e| format!("{}: {e}", api_file(name).display()))?;
    }
    eprintln!("wrote {API_DIR}/<crate>.txt for {} crates", api_now.len());
    Ok(())
}

/// Profile settings of the workspace's dev profile, given to the packaged crates' builds
/// too (a packaged crate is its own workspace and would otherwise build with Cargo's
/// default dev profile: full debug info, dependencies unoptimised) so that they reuse the
/// dependencies the workspace build already compiled into the same target directory.
const PROFILE: [&str; 3] = [
    "profile.dev.debug=\"line-tables-only\"",
    "profile.dev.package.\"*\".opt-level=2",
    "profile.dev.package.\"*\".debug=false",
];

/// `cargo package` of every published crate, then a check that each builds from its .crate
/// file alone, then `cargo publish --dry-run`.
///
/// `full`: Cargo's own verification (`cargo package` unpacks each .crate and builds it,
/// with the other workspace crates served from a local registry of the .crate files just
/// made) — a full build of every crate and of its dependencies under its own features.
/// Otherwise (the dry run's default, cheap enough for CI): `cargo package --no-verify`, and
/// the .crate files are unpacked into one scratch workspace whose `[patch.crates-io]`
/// serves each published crate from its unpacked copy, where each crate is type-checked on
/// its own (`cargo check -p`, its own features only).
fn package(order: &[String], version: &str, full: bool) -> Result<(), String> {
    let pkgs: Vec<String> = order.iter().flat_map(|n| ["-p".to_string(), n.clone()]).collect();
    let config: Vec<String> = PROFILE.iter().flat_map(|c| ["--config".to_string(), (*c).to_string()]).collect();
    if full {
        eprintln!("\n== cargo package: every published crate, each built from its .crate file alone");
        run(cargo().arg("package").args(&config).args(["--allow-dirty"]).args(&pkgs))?;
    } else {
        eprintln!("\n== cargo package (--no-verify; the check from the .crate files follows)");
        run(cargo().args(["package", "--no-verify", "--allow-dirty"]).args(&pkgs))?;
        check_packages(order, version, &config)?;
    }
    eprintln!("\n== cargo publish --dry-run (same crates; the packages were verified above)");
    run(cargo().args(["publish", "--dry-run", "--no-verify", "--allow-dirty"]).args(&config).args(&pkgs))
}

fn check_packages(order: &[String], version: &str, config: &[String]) -> Result<(), String> {
    let pkg_dir = target_dir().join("package");
    let scratch = pkg_dir.join("alone");
    if scratch.exists() {
        std::fs::remove_dir_all(&scratch).map_err(|e| format!("{}: {e}", scratch.display()))?;
    }
    std::fs::create_dir_all(&scratch).map_err(|e| format!("{}: {e}", scratch.display()))?;
    let mut manifest = String::from(
        "# Made by `cargo xtask release`: the packaged crates, each served by its .crate contents.\n[workspace]\nresolver = \"3\"\nmembers = [\n",
    );
    let mut patch = String::from("\n[patch.crates-io]\n");
    for name in order {
        let krate = pkg_dir.join(format!("{name}-{version}.crate"));
        run(Command::new("tar").arg("-xzf").arg(&krate).arg("-C").arg(&scratch))?;
        manifest.push_str(&format!("    \"{name}-{version}\",\n"));
        patch.push_str(&format!("{name} = {{ path = \"{name}-{version}\" }}\n"));
    }
    manifest.push_str("]\n");
    manifest.push_str(&patch);
    std::fs::write(scratch.join("Cargo.toml"), manifest).map_err(|e| e.to_string())?;
    // The workspace's lock file: the same dependency versions as the workspace build.
    std::fs::copy(root().join("Cargo.lock"), scratch.join("Cargo.lock")).map_err(|e| format!("Cargo.lock: {e}"))?;
    eprintln!("\n== each packaged crate alone, from its .crate file ({})", scratch.display());
    let manifest_path = scratch.join("Cargo.toml");
    // The workspace's target directory, not the scratch workspace's own: the dependencies
    // type-checked there by `cargo xtask crates-alone` (same profile, same lock file) are
    // reused, and only the unpacked crates themselves are checked again.
    for name in order {
        run(cargo()
            .arg("check")
            .args(config)
            .arg("--manifest-path")
            .arg(&manifest_path)
            .args(["-p", name])
            .env("CARGO_TARGET_DIR", target_dir()))?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn versions_parse_and_compare() {
        assert_eq!(Version::parse("1.20.3"), Ok(Version(1, 20, 3)));
        for bad in ["1.2", "1.2.3.4", "1.02.3", "1.2.x", "", "v1.2.3", "1.2.3-rc1"] {
            assert!(Version::parse(bad).is_err(), "{bad}");
        }
        assert!(Version(0, 1, 0).allows_breaking(Version(0, 2, 0)));
        assert!(!Version(0, 1, 0).allows_breaking(Version(0, 1, 1)));
        assert!(Version(0, 1, 0).allows_breaking(Version(1, 0, 0)));
        assert!(Version(0, 0, 3).allows_breaking(Version(0, 0, 4)));
        assert!(!Version(1, 2, 3).allows_breaking(Version(1, 3, 0)));
        assert!(Version(1, 2, 3).allows_breaking(Version(2, 0, 0)));
    }

    #[test]
    fn bump_touches_the_workspace_version_and_path_dependencies_only() {
        let root = "[workspace.package]\nversion = \"0.1.0\"\nedition = \"2024\"\n\n[workspace.dependencies]\n\
                    a-core = { path = \"crates/a-core\", version = \"0.1.0\" }\n\
                    other = { version = \"0.1.0\" }\n\
                    a-io = { path = \"crates/a-io\", version = \"0.2.0\" }\n";
        let names = vec!["a-core".to_string(), "a-io".to_string()];
        let new = bump_manifest(root, &names, "0.1.0", "0.2.0").unwrap();
        assert_eq!(
            new,
            "[workspace.package]\nversion = \"0.2.0\"\nedition = \"2024\"\n\n[workspace.dependencies]\n\
             a-core = { path = \"crates/a-core\", version = \"0.2.0\" }\n\
             other = { version = \"0.1.0\" }\n\
             a-io = { path = \"crates/a-io\", version = \"0.2.0\" }\n"
        );
        // A member's own `[package] version` is not the workspace's, and a crate with no
        // matching line is left alone.
        let member = "[package]\nname = \"x\"\nversion = \"0.1.0\"\n[dependencies]\na-io = { path = \"../a-io\", version = \"0.1.0\", default-features = false }\n";
        assert_eq!(
            bump_manifest(member, &names, "0.1.0", "0.1.1").unwrap(),
            "[package]\nname = \"x\"\nversion = \"0.1.0\"\n[dependencies]\na-io = { path = \"../a-io\", version = \"0.1.1\", default-features = false }\n"
        );
        assert_eq!(bump_manifest("[package]\nversion.workspace = true\n", &names, "0.1.0", "0.2.0"), None);
    }

    #[test]
    fn changelog_unreleased_moves_under_the_version() {
        let log = "# Changelog\n\nIntro.\n\n## [Unreleased]\n\n### Added\n- a thing\n\n## [0.1.0] - 2026-01-01\n\n### Added\n- first\n";
        let new = move_unreleased(log, Version(0, 2, 0), "2026-12-06").unwrap();
        assert_eq!(
            new,
            "# Changelog\n\nIntro.\n\n## [Unreleased]\n\n## [0.2.0] - 2026-12-06\n\n### Added\n- a thing\n\n## [0.1.0] - 2026-01-01\n\n### Added\n- first\n"
        );
        assert!(move_unreleased(&new, Version(0, 3, 0), "2026-12-07").unwrap_err().contains("empty"));
        assert!(move_unreleased(log, Version(0, 1, 0), "2026-12-07").unwrap_err().contains("already"));
        assert!(move_unreleased("# Changelog\n", Version(0, 1, 0), "x").is_err());
        // The last section of the file moves too.
        let tail = "## [Unreleased]\n- x\n";
        assert_eq!(move_unreleased(tail, Version(1, 0, 0), "d").unwrap(), "## [Unreleased]\n\n## [1.0.0] - d\n\n- x\n");
    }

    #[test]
    fn civil_dates() {
        assert_eq!(civil_date(0), "1970-01-01");
        assert_eq!(civil_date(20_513), "2026-03-01");
        assert_eq!(civil_date(-1), "1969-12-31");
        assert_eq!(civil_date(11_016), "2000-02-29");
    }

    #[test]
    fn order_puts_dependencies_first_and_refuses_unpublished_dependencies() {
        let k = |name: &str, publish: bool, deps: &[(&str, bool)]| Krate {
            name: name.into(),
            version: "0.1.0".into(),
            publish,
            manifest: PathBuf::new(),
            deps: deps.iter().map(|(d, dev)| ((*d).to_string(), *dev)).collect(),
        };
        let ws = vec![
            k("facade", true, &[("ufunc", false), ("core", false), ("testkit", true)]),
            k("ufunc", true, &[("core", false), ("datetime", false)]),
            k("datetime", true, &[("core", false)]),
            k("core", true, &[("testkit", true)]),
            k("testkit", false, &[("core", false)]),
        ];
        assert_eq!(publish_order(&ws).unwrap(), vec!["core", "datetime", "ufunc", "facade"]);
        let bad = vec![k("a", true, &[("b", false)]), k("b", false, &[])];
        assert!(publish_order(&bad).unwrap_err().contains("not published"));
        let cyc = vec![k("a", true, &[("b", false)]), k("b", true, &[("a", true)])];
        assert!(publish_order(&cyc).unwrap_err().contains("cycle"));
    }
}
