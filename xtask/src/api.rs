//! A crate's public API as a sorted listing of lines, read from its source with syn, and the
//! diff of two listings with the changes that break users flagged.
//!
//! One line per item: `pub` functions, types (a struct with its public fields, a union),
//! enum variants, traits and their items, constants, statics, type aliases, `pub use`
//! re-exports (by the name they export), `#[macro_export]` macros, the `pub` methods and
//! constants of inherent impls and the trait impls of the crate's public types. Items are
//! named by their module path with private modules left out (an item of a private module
//! is public only through a re-export, usually from the parent), so moving an item between
//! private modules changes nothing. `#[cfg(test)]` and `#[doc(hidden)]` items are skipped;
//! other `cfg`s are ignored (every item is listed). Items that a macro expands to are not
//! seen.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use quote::ToTokens;
use syn::{Attribute, Fields, ImplItem, Item, TraitItem, UseTree, Visibility};

/// One line of a listing: the key names the item (kind and path), the line is the whole
/// entry (key and signature).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Entry {
    /// Kind and path, e.g. `fn nprs_core::zeros`.
    pub key: String,
    /// What breaks when it changes, e.g. `fn nprs_core::zeros<T>(shape: &[usize]) -> Array<T>`.
    pub line: String,
}

/// The public API of the crate whose `src/lib.rs` is `lib`, as sorted lines.
pub fn listing(crate_name: &str, lib: &Path) -> Result<Vec<String>, String> {
    let mut walker = Walker::default();
    walker.file(lib, lib.parent().unwrap_or(Path::new(".")), &[crate_name.replace('-', "_")])?;
    let public_types: BTreeSet<String> = walker.public_names.clone();
    let mut lines: BTreeSet<String> = walker.items.iter().map(|e| e.line.clone()).collect();
    for (self_name, line) in &walker.impls {
        if public_types.contains(self_name) {
            lines.insert(line.clone());
        }
    }
    Ok(lines.into_iter().collect())
}

/// The key of a listing line: the text before the signature (kind and path).
pub fn key_of(line: &str) -> &str {
    // Lines are `kind path…` followed by the signature after " = ".
    line.split_once(" = ").map_or(line, |(k, _)| k)
}

/// The difference between two listings.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Diff {
    /// Lines whose key is gone: breaking.
    pub removed: Vec<String>,
    /// Old line → new line for a key whose signature changed: breaking.
    pub changed: Vec<(String, String)>,
    /// New keys that break users even so (a variant of an exhaustive enum, a required
    /// trait method).
    pub added_breaking: Vec<String>,
    /// New keys.
    pub added: Vec<String>,
}

impl Diff {
    /// Whether any change breaks users.
    pub fn is_breaking(&self) -> bool {
        !self.removed.is_empty() || !self.changed.is_empty() || !self.added_breaking.is_empty()
    }
}

/// Compares the listing `old` with `new`.
pub fn diff(old: &[String], new: &[String]) -> Diff {
    let group = |lines: &[String]| {
        let mut m: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
        for l in lines {
            m.entry(key_of(l).to_string()).or_default().insert(l.clone());
        }
        m
    };
    let (o, n) = (group(old), group(new));
    let mut d = Diff::default();
    for (k, olines) in &o {
        match n.get(k) {
            None => d.removed.extend(olines.iter().cloned()),
            Some(nlines) if nlines != olines => {
                let gone: Vec<_> = olines.difference(nlines).cloned().collect();
                let came: Vec<_> = nlines.difference(olines).cloned().collect();
                d.changed.push((gone.join(" | "), came.join(" | ")));
            }
            Some(_) => {}
        }
    }
    let exhaustive_enums: BTreeSet<&str> = new
        .iter()
        .filter(|l| l.starts_with("enum ") && !l.contains("#[non_exhaustive]"))
        .map(|l| key_of(l).trim_start_matches("enum "))
        .collect();
    for (k, nlines) in &n {
        if o.contains_key(k) {
            continue;
        }
        for l in nlines {
            let breaking = if let Some(v) = k.strip_prefix("variant ") {
                v.rsplit_once("::")
                    .is_some_and(|(e, _)| exhaustive_enums.contains(e) && o.contains_key(&format!("enum {e}")))
            } else if let Some(t) = k.strip_prefix("trait-item ") {
                !l.ends_with("{ provided }")
                    && t.rsplit_once("::").is_some_and(|(tr, _)| o.contains_key(&format!("trait {tr}")))
            } else {
                false
            };
            if breaking { d.added_breaking.push(l.clone()) } else { d.added.push(l.clone()) }
        }
    }
    d
}

#[derive(Default)]
struct Walker {
    items: Vec<Entry>,
    /// (self type's name, line) of every impl; kept for the public types only.
    impls: Vec<(String, String)>,
    /// Names of the public types and traits (declared or re-exported).
    public_names: BTreeSet<String>,
}

/// Token text with the spaces the token printer puts around punctuation taken out.
fn text<T: ToTokens>(t: &T) -> String {
    let mut s = t.to_token_stream().to_string();
    for (from, to) in [
        (" :: ", "::"),
        (":: ", "::"),
        (" ::", "::"),
        (" < ", "<"),
        ("< ", "<"),
        (" <", "<"),
        (" >", ">"),
        (" ,", ","),
        ("& ", "&"),
        ("( ", "("),
        (" )", ")"),
        ("[ ", "["),
        (" ]", "]"),
        (" ;", ";"),
        ("# [", "#["),
        (" (", "("),
        (" : ", ": "),
    ] {
        s = s.replace(from, to);
    }
    // `->` lost its leading space to the `" >"` rule only when preceded by `-`: restore none.
    s.replace("->", " -> ").replace("  ", " ")
}

fn is_pub(v: &Visibility) -> bool {
    matches!(v, Visibility::Public(_))
}

fn has_attr(attrs: &[Attribute], pred: impl Fn(&Attribute) -> bool) -> bool {
    attrs.iter().any(pred)
}

/// `#[cfg(test)]`, `#[cfg(doctest)]` and `#[doc(hidden)]` items are not API.
fn skipped(attrs: &[Attribute]) -> bool {
    has_attr(attrs, |a| match &a.meta {
        syn::Meta::List(l) => {
            let inner = l.tokens.to_string();
            (l.path.is_ident("cfg") && (inner == "test" || inner == "doctest"))
                || (l.path.is_ident("doc") && inner == "hidden")
        }
        _ => false,
    })
}

fn non_exhaustive(attrs: &[Attribute]) -> bool {
    has_attr(attrs, |a| a.path().is_ident("non_exhaustive"))
}

fn path_attr(attrs: &[Attribute]) -> Option<String> {
    attrs.iter().find(|a| a.path().is_ident("path")).and_then(|a| match &a.meta {
        syn::Meta::NameValue(nv) => match &nv.value {
            syn::Expr::Lit(syn::ExprLit { lit: syn::Lit::Str(s), .. }) => Some(s.value()),
            _ => None,
        },
        _ => None,
    })
}

/// The last identifier of a type (`Array` for `crate::Array<T, S>`, `T` for `&T`).
fn type_name(ty: &syn::Type) -> Option<String> {
    match ty {
        syn::Type::Path(p) => p.path.segments.last().map(|s| s.ident.to_string()),
        syn::Type::Reference(r) => type_name(&r.elem),
        syn::Type::Paren(p) => type_name(&p.elem),
        _ => None,
    }
}

impl Walker {
    fn push(&mut self, kind: &str, path: &str, sig: impl std::fmt::Display) {
        self.items.push(Entry { key: format!("{kind} {path}"), line: format!("{kind} {path} = {sig}") });
    }

    /// Reads the module file `file`; its `mod x;` children live in `child_dir`.
    fn file(&mut self, file: &Path, child_dir: &Path, path: &[String]) -> Result<(), String> {
        let src = std::fs::read_to_string(file).map_err(|e| format!("{}: {e}", file.display()))?;
        let ast = syn::parse_file(&src).map_err(|e| format!("{}: {e}", file.display()))?;
        self.items_of(&ast.items, file, child_dir, path)
    }

    fn items_of(&mut self, items: &[Item], file: &Path, child_dir: &Path, path: &[String]) -> Result<(), String> {
        let p = path.join("::");
        for item in items {
            match item {
                Item::Fn(f) if is_pub(&f.vis) && !skipped(&f.attrs) => {
                    self.push("fn", &format!("{p}::{}", f.sig.ident), text(&f.sig));
                }
                Item::Struct(s) if is_pub(&s.vis) && !skipped(&s.attrs) => {
                    self.public_names.insert(s.ident.to_string());
                    let mut sig = format!("struct {}{}", s.ident, text(&s.generics));
                    let fields: Vec<_> = s.fields.iter().collect();
                    let shown: Vec<String> = fields
                        .iter()
                        .enumerate()
                        .filter(|(_, f)| is_pub(&f.vis))
                        .map(|(i, f)| {
                            format!("{}: {}", f.ident.as_ref().map_or(i.to_string(), ToString::to_string), text(&f.ty))
                        })
                        .collect();
                    let hidden = shown.len() < fields.len() || non_exhaustive(&s.attrs);
                    if !matches!(s.fields, Fields::Unit) || hidden {
                        sig.push_str(&format!(" {{ {}{} }}", shown.join(", "), if hidden { ", .." } else { "" }));
                    }
                    self.push("struct", &format!("{p}::{}", s.ident), sig);
                }
                Item::Union(u) if is_pub(&u.vis) && !skipped(&u.attrs) => {
                    self.public_names.insert(u.ident.to_string());
                    self.push("union", &format!("{p}::{}", u.ident), format!("union {}{}", u.ident, text(&u.generics)));
                }
                Item::Enum(e) if is_pub(&e.vis) && !skipped(&e.attrs) => {
                    self.public_names.insert(e.ident.to_string());
                    let ne = if non_exhaustive(&e.attrs) { "#[non_exhaustive] " } else { "" };
                    let ep = format!("{p}::{}", e.ident);
                    self.push("enum", &ep, format!("{ne}enum {}{}", e.ident, text(&e.generics)));
                    for v in &e.variants {
                        if skipped(&v.attrs) {
                            continue;
                        }
                        self.push(
                            "variant",
                            &format!("{ep}::{}", v.ident),
                            format!("{}{}", v.ident, fields_text(&v.fields)),
                        );
                    }
                }
                Item::Trait(t) if is_pub(&t.vis) && !skipped(&t.attrs) => {
                    self.public_names.insert(t.ident.to_string());
                    let tp = format!("{p}::{}", t.ident);
                    let sup =
                        if t.supertraits.is_empty() { String::new() } else { format!(": {}", text(&t.supertraits)) };
                    let unsafety = if t.unsafety.is_some() { "unsafe " } else { "" };
                    self.push("trait", &tp, format!("{unsafety}trait {}{}{sup}", t.ident, text(&t.generics)));
                    for ti in &t.items {
                        let (name, sig, provided) = match ti {
                            TraitItem::Fn(f) if !skipped(&f.attrs) => {
                                (f.sig.ident.to_string(), text(&f.sig), f.default.is_some())
                            }
                            TraitItem::Const(c) if !skipped(&c.attrs) => (
                                c.ident.to_string(),
                                format!("const {}: {}", c.ident, text(&c.ty)),
                                c.default.is_some(),
                            ),
                            TraitItem::Type(ty) if !skipped(&ty.attrs) => (
                                ty.ident.to_string(),
                                format!("type {}{}: {}", ty.ident, text(&ty.generics), text(&ty.bounds)),
                                ty.default.is_some(),
                            ),
                            _ => continue,
                        };
                        let tail = if provided { " { provided }" } else { "" };
                        self.push("trait-item", &format!("{tp}::{name}"), format!("{sig}{tail}"));
                    }
                }
                Item::Const(c) if is_pub(&c.vis) && !skipped(&c.attrs) => {
                    self.push("const", &format!("{p}::{}", c.ident), format!("const {}: {}", c.ident, text(&c.ty)));
                }
                Item::Static(s) if is_pub(&s.vis) && !skipped(&s.attrs) => {
                    self.push("static", &format!("{p}::{}", s.ident), format!("static {}: {}", s.ident, text(&s.ty)));
                }
                Item::Type(t) if is_pub(&t.vis) && !skipped(&t.attrs) => {
                    self.public_names.insert(t.ident.to_string());
                    self.push(
                        "type",
                        &format!("{p}::{}", t.ident),
                        format!("type {}{} = {}", t.ident, text(&t.generics), text(&t.ty)),
                    );
                }
                Item::Use(u) if is_pub(&u.vis) && !skipped(&u.attrs) => {
                    let mut leaves = Vec::new();
                    use_leaves(&u.tree, "", &mut leaves);
                    for (name, from) in leaves {
                        if name != "*" {
                            self.public_names.insert(name.clone());
                        }
                        self.push("use", &format!("{p}::{name}"), from);
                    }
                }
                Item::Macro(m) if has_attr(&m.attrs, |a| a.path().is_ident("macro_export")) && !skipped(&m.attrs) => {
                    if let Some(id) = &m.ident {
                        self.push("macro", &format!("{}::{id}", path[0]), format!("macro_rules! {id}"));
                    }
                }
                Item::Impl(i) if !skipped(&i.attrs) => self.impl_block(i),
                Item::Mod(m) if !skipped(&m.attrs) => {
                    let name = m.ident.to_string();
                    let mut sub = path.to_vec();
                    if is_pub(&m.vis) {
                        sub.push(name.clone());
                    }
                    if let Some((_, inner)) = &m.content {
                        self.items_of(inner, file, &child_dir.join(&name), &sub)?;
                    } else {
                        let base = file.parent().unwrap_or(Path::new("."));
                        let candidates = match path_attr(&m.attrs) {
                            Some(rel) => vec![base.join(rel)],
                            None => vec![child_dir.join(format!("{name}.rs")), child_dir.join(&name).join("mod.rs")],
                        };
                        let Some(found) = candidates.iter().find(|c| c.exists()) else {
                            return Err(format!(
                                "{}: module {name} not found at {}",
                                file.display(),
                                candidates[0].display()
                            ));
                        };
                        let grandchildren = if found.file_name().is_some_and(|f| f == "mod.rs") {
                            found.parent().unwrap_or(Path::new(".")).to_path_buf()
                        } else {
                            found.with_extension("")
                        };
                        self.file(found, &grandchildren, &sub)?;
                    }
                }
                _ => {}
            }
        }
        Ok(())
    }

    fn impl_block(&mut self, i: &syn::ItemImpl) {
        let Some(self_name) = type_name(&i.self_ty) else { return };
        let head = format!("impl{} {}", text(&i.generics), text(&i.self_ty));
        match &i.trait_ {
            Some((neg, tr, _)) => {
                let neg = if neg.is_some() { "!" } else { "" };
                let line = format!(
                    "impl {neg}{} for {} = impl{} {neg}{} for {}",
                    text(tr),
                    text(&i.self_ty),
                    text(&i.generics),
                    text(tr),
                    text(&i.self_ty)
                );
                self.impls.push((self_name, line));
            }
            None => {
                for ii in &i.items {
                    let (name, sig) = match ii {
                        ImplItem::Fn(f) if is_pub(&f.vis) && !skipped(&f.attrs) => {
                            (f.sig.ident.to_string(), text(&f.sig))
                        }
                        ImplItem::Const(c) if is_pub(&c.vis) && !skipped(&c.attrs) => {
                            (c.ident.to_string(), format!("const {}: {}", c.ident, text(&c.ty)))
                        }
                        _ => continue,
                    };
                    let line = format!("method {}::{name} = {head} {{ {sig} }}", text(&i.self_ty));
                    self.impls.push((self_name.clone(), line));
                }
            }
        }
    }
}

/// A variant's fields without their attributes: `(u8, T)` or `{ a: u8, b: T }`.
fn fields_text(fields: &Fields) -> String {
    let list = |named: bool| {
        fields
            .iter()
            .map(|f| {
                if named {
                    format!("{}: {}", f.ident.as_ref().map(ToString::to_string).unwrap_or_default(), text(&f.ty))
                } else {
                    text(&f.ty)
                }
            })
            .collect::<Vec<_>>()
            .join(", ")
    };
    match fields {
        Fields::Unit => String::new(),
        Fields::Unnamed(_) => format!("({})", list(false)),
        Fields::Named(_) => format!(" {{ {} }}", list(true)),
    }
}

/// The names a `use` tree exports, with the path each comes from.
fn use_leaves(tree: &UseTree, prefix: &str, out: &mut Vec<(String, String)>) {
    let join = |p: &str, s: &str| if p.is_empty() { s.to_string() } else { format!("{p}::{s}") };
    match tree {
        UseTree::Path(p) => use_leaves(&p.tree, &join(prefix, &p.ident.to_string()), out),
        UseTree::Name(n) => {
            let name = n.ident.to_string();
            let from = join(prefix, &name);
            let shown = if name == "self" { prefix.rsplit("::").next().unwrap_or("").to_string() } else { name };
            out.push((shown, from));
        }
        UseTree::Rename(r) => out.push((r.rename.to_string(), join(prefix, &r.ident.to_string()))),
        UseTree::Glob(_) => out.push(("*".into(), join(prefix, "*"))),
        UseTree::Group(g) => {
            for t in &g.items {
                use_leaves(t, prefix, out);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn listing_of(files: &[(&str, &str)]) -> Vec<String> {
        let dir = std::env::temp_dir().join(format!("xtask-api-{}-{}", std::process::id(), files[0].1.len()));
        let _ = std::fs::remove_dir_all(&dir);
        for (name, src) in files {
            let p = dir.join(name);
            std::fs::create_dir_all(p.parent().unwrap()).unwrap();
            std::fs::write(p, src).unwrap();
        }
        let l = listing("my-crate", &dir.join("lib.rs")).unwrap();
        std::fs::remove_dir_all(&dir).unwrap();
        l
    }

    #[test]
    fn lists_public_items_through_private_and_public_modules() {
        let l = listing_of(&[
            (
                "lib.rs",
                "mod inner; pub mod sub; pub use inner::Thing; pub(crate) fn hidden() {}\n\
                 #[cfg(test)] mod tests { pub fn t() {} }\n\
                 #[doc(hidden)] pub fn internal() {}\n\
                 pub fn top<T: Copy>(x: &[T]) -> Option<T> { None }",
            ),
            (
                "inner.rs",
                "pub struct Thing { pub a: u8, b: u8 } impl Thing { pub fn get(&self) -> u8 { 0 } fn private(&self) {} }\nstruct Private; impl Private { pub fn no(&self) {} }\nimpl Clone for Thing { fn clone(&self) -> Self { todo() } }",
            ),
            (
                "sub/mod.rs",
                "pub enum E { A, B(u8), C { /// doc\n x: Vec<u8> } } pub trait T { fn req(&self); fn prov(&self) {} } pub const C: usize = 3;",
            ),
        ]);
        let want = [
            "enum my_crate::sub::E = enum E",
            "fn my_crate::top = fn top<T: Copy>(x: &[T]) -> Option<T>",
            "impl Clone for Thing = impl Clone for Thing",
            "method Thing::get = impl Thing { fn get(&self) -> u8 }",
            "const my_crate::sub::C = const C: usize",
            "struct my_crate::Thing = struct Thing { a: u8, .. }",
            "trait my_crate::sub::T = trait T",
            "trait-item my_crate::sub::T::prov = fn prov(&self) { provided }",
            "trait-item my_crate::sub::T::req = fn req(&self)",
            "use my_crate::Thing = inner::Thing",
            "variant my_crate::sub::E::A = A",
            "variant my_crate::sub::E::B = B(u8)",
            "variant my_crate::sub::E::C = C { x: Vec<u8> }",
        ];
        let mut want: Vec<String> = want.iter().map(ToString::to_string).collect();
        want.sort();
        assert_eq!(l, want);
    }

    #[test]
    fn diff_flags_removed_changed_and_breaking_additions() {
        let old: Vec<String> = [
            "enum c::E = enum E",
            "variant c::E::A = A",
            "fn c::f = fn f(x: u8)",
            "fn c::g = fn g()",
            "trait c::T = trait T",
        ]
        .map(String::from)
        .to_vec();
        let new: Vec<String> = [
            "enum c::E = enum E",
            "variant c::E::A = A",
            "variant c::E::B = B",
            "fn c::f = fn f(x: u16)",
            "fn c::h = fn h()",
            "trait c::T = trait T",
            "trait-item c::T::m = fn m(&self)",
            "trait-item c::T::p = fn p(&self) { provided }",
        ]
        .map(String::from)
        .to_vec();
        let d = diff(&old, &new);
        assert_eq!(d.removed, vec!["fn c::g = fn g()".to_string()]);
        assert_eq!(d.changed, vec![("fn c::f = fn f(x: u8)".to_string(), "fn c::f = fn f(x: u16)".to_string())]);
        assert_eq!(
            d.added_breaking,
            vec!["trait-item c::T::m = fn m(&self)".to_string(), "variant c::E::B = B".to_string()]
        );
        assert_eq!(
            d.added,
            vec!["fn c::h = fn h()".to_string(), "trait-item c::T::p = fn p(&self) { provided }".to_string()]
        );
        assert!(d.is_breaking());
        assert!(!diff(&old, &old).is_breaking());
        // Additions alone do not break.
        let more: Vec<String> = old.iter().cloned().chain(["fn c::z = fn z()".to_string()]).collect();
        assert!(!diff(&old, &more).is_breaking());
    }
}
