//! The built files (`/pkg`: WASM, JS, CSS) and how they are served.
//!
//! cargo-leptos' own hashed names (`hash-files`) rename the split chunks by
//! text substitution, which breaks names that are prefixes of others
//! (`chunk_1` inside `chunk_10`). So the whole directory is named by one
//! hash of its contents instead, taken when the server starts: pages load
//! the files from `/bundle/<hash>/pkg/`, which browsers keep for a year
//! without asking again (a new build is a new hash, so a new path). Plain
//! `/pkg/` keeps answering with `no-cache` revalidation, for pages rendered
//! before an upgrade and for builds without a bundle.

use http::header::HeaderValue;
use sha2::{Digest, Sha256};
use std::path::Path;
use tower_http::set_header::SetResponseHeaderLayer;

/// Where the content-hashed copies live: `<PREFIX>/<hash>/pkg/…`.
pub const PREFIX: &str = "/bundle";
/// `Cache-Control` of the content-hashed paths.
pub const FOREVER: &str = "public, max-age=31536000, immutable";
/// `Cache-Control` of plain `/pkg`: revalidate each visit (a 304 when unchanged).
pub const REVALIDATE: &str = "no-cache";

/// The hash naming the bundle in `pkg_dir`: 16 hex digits of the SHA-256 of
/// every file's name and contents (precompressed copies excepted, as they
/// follow from the rest), in name order. `None` when nothing is built there
/// (no `<output_name>.js`) or under `cargo leptos watch`, which rebuilds the
/// files under a running server.
pub fn version(pkg_dir: &Path, output_name: &str) -> Option<String> {
    if std::env::var_os("LEPTOS_WATCH").is_some()
        || !pkg_dir.join(format!("{output_name}.js")).is_file()
    {
        return None;
    }
    let mut hasher = Sha256::new();
    if let Err(err) = hash_dir(pkg_dir, pkg_dir, &mut hasher) {
        tracing::warn!("bundle in {} not hashed: {err}", pkg_dir.display());
        return None;
    }
    let digest = hasher.finalize();
    Some(digest[..8].iter().map(|b| format!("{b:02x}")).collect())
}

/// Feeds `dir`'s files (recursively, by name) into `hasher`.
fn hash_dir(base: &Path, dir: &Path, hasher: &mut Sha256) -> std::io::Result<()> {
    let mut entries = std::fs::read_dir(dir)?.collect::<Result<Vec<_>, _>>()?;
    entries.sort_by_key(|e| e.file_name());
    for entry in entries {
        let path = entry.path();
        if entry.file_type()?.is_dir() {
            hash_dir(base, &path, hasher)?;
            continue;
        }
        let name = path.strip_prefix(base).unwrap_or(&path).to_string_lossy();
        if name.ends_with(".br") || name.ends_with(".gz") {
            continue;
        }
        hasher.update(name.as_bytes());
        hasher.update([0]);
        let mut file = std::fs::File::open(&path)?;
        hasher.update(file.metadata()?.len().to_le_bytes());
        std::io::copy(&mut file, hasher)?;
    }
    Ok(())
}

/// The files of `pkg_dir`: the brotli or gzip copy written by
/// `cargo leptos build --release --precompress` when the browser accepts it
/// (`Content-Encoding` set, `Vary: Accept-Encoding`), else the plain file,
/// with `cache_control`.
pub fn files(pkg_dir: &Path, cache_control: &'static str) -> Files {
    let files = tower_http::services::ServeDir::new(pkg_dir)
        .precompressed_br()
        .precompressed_gzip();
    let set =
        |name, value| SetResponseHeaderLayer::overriding(name, HeaderValue::from_static(value));
    tower::ServiceBuilder::new()
        .layer(set(http::header::CACHE_CONTROL, cache_control))
        .layer(set(http::header::VARY, "accept-encoding"))
        .service(files)
}

/// The service type of [`files`].
pub type Files = tower_http::set_header::SetResponseHeader<
    tower_http::set_header::SetResponseHeader<tower_http::services::ServeDir, HeaderValue>,
    HeaderValue,
>;

#[cfg(test)]
mod tests {
    use super::version;

    #[test]
    fn the_version_follows_the_contents_not_the_compressed_copies() {
        let dir = std::env::temp_dir().join(format!("pc-bundle-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(dir.join("snippets")).expect("dir");
        assert_eq!(version(&dir, "app"), None, "nothing built");
        std::fs::write(dir.join("app.js"), b"js").expect("js");
        std::fs::write(dir.join("app.wasm"), b"wasm one").expect("wasm");
        let first = version(&dir, "app").expect("hashed");
        assert_eq!(first.len(), 16);
        assert!(first.bytes().all(|b| b.is_ascii_hexdigit()));
        std::fs::write(dir.join("app.wasm.br"), b"brotli").expect("br");
        assert_eq!(version(&dir, "app").as_deref(), Some(first.as_str()));
        std::fs::write(dir.join("app.wasm"), b"wasm two").expect("wasm");
        let second = version(&dir, "app").expect("hashed");
        assert_ne!(first, second, "new contents, new name");
        std::fs::write(dir.join("snippets").join("x.js"), b"x").expect("snippet");
        assert_ne!(version(&dir, "app").as_deref(), Some(second.as_str()));
        let _ = std::fs::remove_dir_all(&dir);
    }
}
