//! Rebuilds when a migration is added or changed (`sqlx::migrate!` embeds
//! the files at compile time and cargo would not notice a new one
//! otherwise), and gathers the translation catalogues: every `en.ftl` and `fr.ftl` under
//! `src/` (one pair per feature folder) is joined into one file per
//! language in `OUT_DIR`, read by `src/i18n/catalogue.rs`.

use std::path::{Path, PathBuf};

const LANGUAGES: [&str; 2] = ["en", "fr"];

fn main() {
    println!("cargo:rerun-if-changed=../migrations");
    let src = Path::new("src");
    let mut dirs = Vec::new();
    walk(src, &mut dirs);
    dirs.sort();
    let out = PathBuf::from(std::env::var("OUT_DIR").unwrap_or_else(|_| ".".into()));
    for lang in LANGUAGES {
        let mut joined = String::new();
        for dir in &dirs {
            let file = dir.join(format!("{lang}.ftl"));
            if let Ok(text) = std::fs::read_to_string(&file) {
                println!("cargo:rerun-if-changed={}", file.display());
                joined.push_str(&format!("## file: {}\n", file.display()));
                joined.push_str(&text);
                joined.push('\n');
            }
        }
        if let Err(e) = std::fs::write(out.join(format!("{lang}.ftl")), joined) {
            panic!("writing the {lang} catalogue: {e}");
        }
    }
}

/// Every folder under `dir` (itself included), watched for new catalogues.
fn walk(dir: &Path, dirs: &mut Vec<PathBuf>) {
    println!("cargo:rerun-if-changed={}", dir.display());
    dirs.push(dir.to_path_buf());
    if let Ok(entries) = std::fs::read_dir(dir) {
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_dir() {
                walk(&path, dirs);
            }
        }
    }
}
