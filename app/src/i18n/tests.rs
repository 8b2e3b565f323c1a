//! The catalogue checks: a page or message added without its French text
//! (or with a key the catalogues lack) fails here.

use super::catalogue::{entries, EN, FR};
use super::format::group;
use super::Locale;
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

fn src() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("src")
}

fn files(dir: &Path, ext: &str, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
        let path = entry.path();
        if path.is_dir() {
            files(&path, ext, out);
        } else if path.extension().is_some_and(|e| e == ext) {
            out.push(path);
        }
    }
}

/// The `{ $name }` placeables of a text.
fn placeables(text: &str) -> BTreeSet<String> {
    text.split('{')
        .skip(1)
        .filter_map(|rest| rest.split_once('}'))
        .map(|(inside, _)| inside.trim().trim_start_matches('$').to_string())
        .collect()
}

fn table(catalogue: &str) -> BTreeMap<String, String> {
    entries(catalogue)
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect()
}

#[test]
fn each_folder_has_both_catalogues_with_the_same_keys_and_placeables() {
    let mut ftl = Vec::new();
    files(&src(), "ftl", &mut ftl);
    let folders: BTreeSet<PathBuf> = ftl
        .iter()
        .filter_map(|p| p.parent().map(Path::to_path_buf))
        .collect();
    assert!(!folders.is_empty(), "no catalogues found under src/");
    let mut problems = Vec::new();
    for folder in &folders {
        let read = |lang: &str| std::fs::read_to_string(folder.join(format!("{lang}.ftl")));
        let (Ok(en), Ok(fr)) = (read("en"), read("fr")) else {
            problems.push(format!(
                "{}: needs both en.ftl and fr.ftl",
                folder.display()
            ));
            continue;
        };
        for (lang, text) in [("en", &en), ("fr", &fr)] {
            let mut seen = BTreeSet::new();
            for (key, value) in entries(text) {
                let valid = !key.is_empty()
                    && key.starts_with(|c: char| c.is_ascii_lowercase())
                    && key
                        .chars()
                        .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
                if !valid {
                    problems.push(format!(
                        "{}/{lang}.ftl: bad entry {key:?} = {value:?}",
                        folder.display()
                    ));
                }
                if value.is_empty() {
                    problems.push(format!("{}/{lang}.ftl: {key} is empty", folder.display()));
                }
                if !seen.insert(key) {
                    problems.push(format!("{}/{lang}.ftl: {key} twice", folder.display()));
                }
            }
        }
        let (en, fr) = (table(&en), table(&fr));
        for key in en.keys().filter(|k| !fr.contains_key(*k)) {
            problems.push(format!("{}: {key} has no French text", folder.display()));
        }
        for key in fr.keys().filter(|k| !en.contains_key(*k)) {
            problems.push(format!("{}: {key} has no English text", folder.display()));
        }
        for (key, text) in &en {
            if let Some(french) = fr.get(key) {
                if placeables(text) != placeables(french) {
                    problems.push(format!(
                        "{}: {key} has placeables {:?} in English but {:?} in French",
                        folder.display(),
                        placeables(text),
                        placeables(french)
                    ));
                }
            }
        }
    }
    assert!(
        problems.is_empty(),
        "catalogue problems:\n{}",
        problems.join("\n")
    );
}

#[test]
fn no_key_is_defined_in_two_folders() {
    let mut seen = BTreeMap::new();
    let mut file = String::new();
    let mut twice = Vec::new();
    for line in EN.lines() {
        if let Some(name) = line.strip_prefix("## file: ") {
            file = name.to_string();
            continue;
        }
        if let Some((key, _)) = entries(line).next() {
            if let Some(first) = seen.insert(key.to_string(), file.clone()) {
                twice.push(format!("{key}: {first} and {file}"));
            }
        }
    }
    assert!(
        twice.is_empty(),
        "keys defined twice:\n{}",
        twice.join("\n")
    );
    assert_eq!(table(EN).len(), table(FR).len());
}

/// The keys the code names: `tr!("k")`, `key!("k")`, and `tr_n!("k", …)`
/// (which needs `k-one` and `k-other`).
fn keys_in(code: &str) -> Vec<String> {
    let mut keys = Vec::new();
    for (mark, plural) in [
        ("tr!(\"", false),
        ("key!(\"", false),
        ("msg!(\"", false),
        ("tr_n!(\"", true),
    ] {
        let pieces: Vec<&str> = code.split(mark).collect();
        for (before, rest) in pieces.iter().zip(pieces.iter().skip(1)) {
            // `include_str!("…")` is not `tr!("…")`.
            if before.ends_with(|c: char| c.is_alphanumeric() || c == '_') {
                continue;
            }
            if let Some((key, _)) = rest.split_once('"') {
                if plural {
                    keys.push(format!("{key}-one"));
                    keys.push(format!("{key}-other"));
                } else {
                    keys.push(key.to_string());
                }
            }
        }
    }
    keys
}

#[test]
fn every_key_the_code_names_is_in_the_catalogues() {
    let en = table(EN);
    let mut rs = Vec::new();
    files(&src(), "rs", &mut rs);
    let mut missing = Vec::new();
    let mut named = 0;
    for path in rs
        .iter()
        .filter(|p| !p.ends_with("i18n/mod.rs") && !p.ends_with("i18n/tests.rs"))
    {
        let code = std::fs::read_to_string(path).unwrap_or_default();
        // Keys named in comments are examples, not uses.
        let code: String = code
            .lines()
            .filter(|l| !l.trim_start().starts_with("//"))
            .collect::<Vec<_>>()
            .join("\n");
        for key in keys_in(&code) {
            named += 1;
            if !en.contains_key(&key) {
                missing.push(format!("{}: {key}", path.display()));
            }
        }
    }
    assert!(named > 0, "the scan found no keys in the code");
    assert!(
        missing.is_empty(),
        "keys missing from the catalogues:\n{}",
        missing.join("\n")
    );
}

#[test]
fn the_key_scan_reads_every_form() {
    let code =
        r#"tr!("a-b") include_str!("x") tr!("c", n = 1) key!("d") msg!("f", x = 2) tr_n!("e", 3)"#;
    assert_eq!(keys_in(code), ["a-b", "c", "d", "f", "e-one", "e-other"]);
}

#[test]
fn numbers_are_grouped_per_language() {
    assert_eq!(group(1_234_567, Locale::En), "1,234,567");
    assert_eq!(group(1_000, Locale::Fr), "1\u{202f}000");
    assert_eq!(group(-999, Locale::En), "-999");
    assert_eq!(group(0, Locale::Fr), "0");
}

#[test]
fn french_uses_the_singular_for_zero_and_one() {
    assert!(Locale::Fr.is_singular(0) && Locale::Fr.is_singular(1));
    assert!(!Locale::En.is_singular(0) && Locale::En.is_singular(1));
    assert!(!Locale::Fr.is_singular(2));
}

#[cfg(feature = "ssr")]
#[test]
fn the_cookie_wins_then_the_best_accept_language() {
    use super::negotiate;
    let headers = |pairs: &[(&str, &str)]| {
        let mut h = http::HeaderMap::new();
        for (k, v) in pairs {
            h.append(
                http::HeaderName::from_bytes(k.as_bytes()).unwrap(),
                http::HeaderValue::from_str(v).unwrap(),
            );
        }
        h
    };
    assert_eq!(negotiate(&headers(&[])), Locale::En);
    assert_eq!(
        negotiate(&headers(&[("accept-language", "fr-CA,fr;q=0.9,en;q=0.8")])),
        Locale::Fr
    );
    assert_eq!(
        negotiate(&headers(&[("accept-language", "de,en;q=0.5,fr;q=0.7")])),
        Locale::Fr
    );
    assert_eq!(
        negotiate(&headers(&[("accept-language", "de")])),
        Locale::En
    );
    assert_eq!(
        negotiate(&headers(&[
            ("accept-language", "fr"),
            ("cookie", "a=1; pc_lang=en")
        ])),
        Locale::En
    );
    assert_eq!(negotiate(&headers(&[("cookie", "pc_lang=xx")])), Locale::En);
}

#[cfg(feature = "ssr")]
#[test]
fn the_browser_script_defines_the_catalogue_under_a_name_that_follows_its_text() {
    use super::{script_body, script_path};
    let en = script_path(Locale::En);
    let fr = script_path(Locale::Fr);
    assert!(en.starts_with("/i18n/en.") && en.ends_with(".js"), "{en}");
    assert_ne!(en, fr);
    let body = script_body(fr).unwrap_or_default();
    assert!(body.starts_with("self.__PC_TEXT={"), "{body}");
    assert!(body.contains("\"i18n-language\":\"Langue\""), "{body}");
    assert_eq!(script_body("/i18n/fr.000000000000.js"), None);
}

#[test]
fn every_role_workspace_level_and_capability_has_its_name_in_both_languages() {
    use crate::access::{Capability, Level, Role, Workspace};
    let (en, fr) = (table(EN), table(FR));
    let mut keys: Vec<String> = Role::ALL
        .iter()
        .map(|r| format!("role-{}", r.key()))
        .collect();
    keys.extend(
        Workspace::ALL
            .iter()
            .map(|w| format!("workspace-{}", w.slug())),
    );
    keys.extend(Level::ALL.iter().map(|l| format!("level-{}", l.key())));
    keys.extend(
        Capability::ALL
            .iter()
            .map(|c| format!("capability-{}", c.key())),
    );
    let missing: Vec<_> = keys
        .iter()
        .filter(|k| !en.contains_key(*k) || !fr.contains_key(*k))
        .collect();
    assert!(missing.is_empty(), "names missing: {missing:?}");
    assert_eq!(
        fr.get("role-incentives-admin").map(String::as_str),
        Some("Administrateur de primes incitatives")
    );
}

#[test]
fn a_message_carries_its_key_and_arguments_to_the_reader() {
    use super::message;
    let raw = crate::msg!("error-transport", detail = "timeout\u{1f}x");
    assert_eq!(raw, "error-transport\u{1f}detail=timeoutx");
    assert_eq!(
        message(&raw),
        "Network or server error (timeoutx); please retry."
    );
    assert_eq!(message("Plain text stays."), "Plain text stays.");
}
