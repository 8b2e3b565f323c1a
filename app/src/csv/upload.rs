//! A file as the browser uploads it (server only): multipart form data
//! whose fields come in a set order, small text fields first, then the
//! file, which is written as it arrives to a temporary file that has no
//! name from the start. However large the file, it takes no memory and
//! leaves nothing on disk, whatever happens to the request.

use crate::error::{AppError, AppResult};
use leptos::server_fn::codec::MultipartData;
use std::fs::File;
use std::io::Read;

/// Longest text field of an upload form (an id).
const MAX_TEXT_BYTES: usize = 1024;

/// Whether a request's `Content-Type` is multipart form data with a
/// boundary, as an upload must be (anything else is refused before the
/// server function reads it).
pub fn is_multipart(content_type: &str) -> bool {
    content_type
        .trim_start()
        .to_ascii_lowercase()
        .starts_with("multipart/form-data")
        && multer::parse_boundary(content_type).is_ok()
}

/// The refusal of a request that is not multipart form data.
pub fn not_multipart() -> AppError {
    AppError::invalid("file", crate::msg!("upload-not-multipart"))
}

/// An upload form, read a field at a time in the order it was sent.
pub struct Form(multer::Multipart<'static>);

impl Form {
    /// The form of a server function's multipart input.
    pub fn new(data: MultipartData) -> AppResult<Form> {
        data.into_inner().map(Form).ok_or_else(not_multipart)
    }

    /// The next field, which must be the text field `name`.
    pub async fn text(&mut self, name: &str) -> AppResult<String> {
        let mut field = self.next(name).await?;
        let mut bytes = Vec::new();
        while let Some(chunk) = field.chunk().await.map_err(cut)? {
            bytes.extend_from_slice(&chunk);
            if bytes.len() > MAX_TEXT_BYTES {
                return Err(AppError::invalid(
                    name,
                    crate::msg!("upload-field-too-long", field = name),
                ));
            }
        }
        String::from_utf8(bytes).map_err(|_| {
            AppError::invalid(name, crate::msg!("upload-field-expected", field = name))
        })
    }

    /// The next field, which must be the file field `name`, written to a
    /// temporary file with no name as it arrives.
    pub async fn file(&mut self, name: &str) -> AppResult<Spooled> {
        let mut field = self.next(name).await?;
        let mut spool = Spool::new()?;
        while let Some(chunk) = field.chunk().await.map_err(cut)? {
            spool.write(&chunk).await?;
        }
        spool.finish().await
    }

    async fn next(&mut self, name: &str) -> AppResult<multer::Field<'static>> {
        match self.0.next_field().await.map_err(cut)? {
            Some(field) if field.name() == Some(name) => Ok(field),
            _ => Err(AppError::invalid(
                name,
                crate::msg!("upload-field-expected", field = name),
            )),
        }
    }
}

/// A body that ends early, breaks the multipart format or passes the
/// size limit: the file did not arrive whole.
fn cut(e: multer::Error) -> AppError {
    AppError::invalid("file", crate::msg!("upload-cut", problem = e))
}

/// A new temporary file, readable and writable by this user only, whose
/// name is removed at once: it goes away with its last handle.
pub fn unnamed_file() -> std::io::Result<File> {
    let path = std::env::temp_dir().join(format!(
        "partner-console-{}-{}",
        std::process::id(),
        crate::db::new_id()
    ));
    let mut options = std::fs::OpenOptions::new();
    options.read(true).write(true).create_new(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    let file = options.open(&path)?;
    std::fs::remove_file(&path)?;
    Ok(file)
}

/// A file being received: written as it arrives to a temporary file that
/// has no name from the start.
pub struct Spool {
    out: tokio::fs::File,
    size: usize,
}

impl Spool {
    /// An empty file.
    pub fn new() -> AppResult<Spool> {
        let file = unnamed_file().map_err(|e| {
            tracing::error!(error = %e, "no temporary file for an upload");
            AppError::Internal
        })?;
        Ok(Spool {
            out: tokio::fs::File::from_std(file),
            size: 0,
        })
    }

    /// Adds the next bytes of the file.
    pub async fn write(&mut self, bytes: &[u8]) -> AppResult<()> {
        use tokio::io::AsyncWriteExt;
        self.out.write_all(bytes).await.map_err(write_failed)?;
        self.size += bytes.len();
        Ok(())
    }

    /// The whole file, to be read from its start.
    pub async fn finish(mut self) -> AppResult<Spooled> {
        use tokio::io::AsyncWriteExt;
        self.out.flush().await.map_err(write_failed)?;
        Ok(Spooled {
            file: self.out.into_std().await,
            size: self.size,
        })
    }
}

fn write_failed(e: std::io::Error) -> AppError {
    tracing::error!(error = %e, "an upload's temporary file cannot be written");
    AppError::Internal
}

/// An uploaded file kept in a temporary file, read from its start as
/// often as needed.
pub struct Spooled {
    file: File,
    size: usize,
}

impl Spooled {
    /// The file's size in bytes.
    pub fn size(&self) -> usize {
        self.size
    }

    /// A reader of the file from its start, with a position of its own.
    pub fn reader(&self) -> std::io::Result<FromStart> {
        Ok(FromStart {
            file: self.file.try_clone()?,
            at: 0,
        })
    }
}

/// Reads a [`Spooled`] file from its start: each reader keeps its own
/// position (positioned reads), so two never disturb each other.
pub struct FromStart {
    file: File,
    at: u64,
}

impl Read for FromStart {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = read_at(&self.file, buf, self.at)?;
        self.at += n as u64;
        Ok(n)
    }
}

#[cfg(unix)]
fn read_at(file: &File, buf: &mut [u8], at: u64) -> std::io::Result<usize> {
    std::os::unix::fs::FileExt::read_at(file, buf, at)
}

#[cfg(windows)]
fn read_at(file: &File, buf: &mut [u8], at: u64) -> std::io::Result<usize> {
    std::os::windows::fs::FileExt::seek_read(file, buf, at)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_multipart_with_a_boundary_is_an_upload() {
        assert!(is_multipart("multipart/form-data; boundary=abc"));
        assert!(is_multipart("Multipart/Form-Data; boundary=\"a b\""));
        assert!(!is_multipart("multipart/form-data"));
        assert!(!is_multipart("application/json"));
        assert!(!is_multipart("text/csv; boundary=abc"));
    }

    #[test]
    fn two_readers_of_a_spooled_file_keep_their_own_places() {
        use std::io::{Seek, Write};
        let mut file = unnamed_file().expect("temporary file");
        file.write_all(b"0123456789").expect("write");
        file.seek(std::io::SeekFrom::Start(3)).expect("seek");
        let spooled = Spooled { file, size: 10 };
        let (mut a, mut b) = (spooled.reader().expect("a"), spooled.reader().expect("b"));
        let mut four = [0u8; 4];
        a.read_exact(&mut four).expect("a reads");
        assert_eq!(&four, b"0123");
        let mut all = String::new();
        b.read_to_string(&mut all).expect("b reads");
        assert_eq!(all, "0123456789");
        a.read_exact(&mut four).expect("a reads on");
        assert_eq!(&four, b"4567");
    }
}
