//! Reading an import file: the encoding, the header and the number of rows
//! ([`crate::csv::read`], shared with every upload), with problems numbered
//! as a spreadsheet shows the rows, a step at a time from a text or a file. Each row's own checks are in
//! [`rows`](super::rows).

use super::super::{
    ImportCheck, ImportStep, CHECK_STEP, IMPORT_HEADER, IMPORT_HEADER_FR, IMPORT_MAX_ERRORS,
    IMPORT_MAX_ROWS,
};
use super::rows::Plan;
use super::{PlannedRow, Progress};
use crate::csv::read::{open_reader, FileMessages, Layout, RowErrors, Rows};
use crate::customers::service::require_customer;
use crate::error::{AppError, AppResult};
use sqlx::AnyConnection;
use std::fs::File;
use std::io::{BufReader, Read};
use std::path::Path;

/// Problems found so far: the first [`IMPORT_MAX_ERRORS`] and a count of the rest.
pub(super) type Errors = RowErrors;

/// What an import file looks like: the template's columns, Licence optional.
const LAYOUT: Layout = Layout {
    header: &IMPORT_HEADER,
    header_fr: &IMPORT_HEADER_FR,
    required: 4,
    messages: FILE_MESSAGES,
    max_rows: IMPORT_MAX_ROWS,
};

/// What an import file's problems as a whole are called.
pub const FILE_MESSAGES: FileMessages = FileMessages {
    wrong_header: crate::key!("customer-users-csv-wrong-header"),
    empty: crate::key!("customer-users-csv-empty"),
    no_rows: crate::key!("customer-users-csv-no-rows"),
    too_many: crate::key!("customer-users-csv-too-many"),
};

/// No problem yet.
pub(super) fn no_errors() -> Errors {
    RowErrors::new(IMPORT_MAX_ERRORS)
}

/// An import file, which an import reads twice: once to check every row,
/// then again to write them, so that neither reading holds the whole file.
pub trait Input: Sync {
    /// What the bytes are read from.
    type Reader: Read + Send;
    /// The file from its start, and its size in bytes.
    fn start(&self) -> std::io::Result<(Self::Reader, usize)>;
    /// Whether the file is known not to be UTF-8 text (an upload decoded
    /// with replacement characters).
    fn not_text(&self) -> bool {
        false
    }
}

impl<'t> Input for &'t str {
    type Reader = &'t [u8];
    fn start(&self) -> std::io::Result<(&'t [u8], usize)> {
        Ok((self.as_bytes(), self.len()))
    }
    fn not_text(&self) -> bool {
        self.contains('\u{FFFD}')
    }
}

/// A file the browser uploaded, kept in a temporary file as it arrived.
impl Input for crate::csv::upload::Spooled {
    type Reader = BufReader<crate::csv::upload::FromStart>;
    fn start(&self) -> std::io::Result<(Self::Reader, usize)> {
        Ok((
            BufReader::with_capacity(64 * 1024, self.reader()?),
            self.size(),
        ))
    }
}

/// A file on disk, read a buffer at a time (the command line's import).
pub struct FileInput<'p>(pub &'p Path);

impl Input for FileInput<'_> {
    type Reader = BufReader<File>;
    fn start(&self) -> std::io::Result<(BufReader<File>, usize)> {
        let file = File::open(self.0)?;
        let size = usize::try_from(file.metadata()?.len()).unwrap_or(usize::MAX);
        Ok((BufReader::with_capacity(64 * 1024, file), size))
    }
}

/// An import file being read and checked against the customer's users and
/// seats, [`CHECK_STEP`] rows at a time.
pub(super) struct Checking<R: Read> {
    file: Option<Rows<R>>,
    plan: Option<Plan>,
    errors: Errors,
    layout: Layout,
    more: bool,
}

impl<R: Read> Checking<R> {
    /// Starts reading `input` for the customer (whose users and seats it
    /// loads), at most `max_rows` rows.
    pub(super) async fn start<I: Input<Reader = R>>(
        conn: &mut AnyConnection,
        org_id: &str,
        customer_id: &str,
        input: &I,
        max_rows: usize,
    ) -> AppResult<Checking<R>> {
        let (_, domain) = require_customer(conn, org_id, customer_id).await?;
        let layout = Layout { max_rows, ..LAYOUT };
        let mut errors = no_errors();
        let file = if input.not_text() {
            errors.add(0, "", crate::msg!("csv-not-utf8"));
            None
        } else {
            let (reader, size) = input.start().map_err(unreadable)?;
            open_reader(reader, size, &layout, &mut errors)
        };
        let plan = match &file {
            Some(f) => Some(Plan::load(conn, customer_id, &domain, f.columns()).await?),
            None => None,
        };
        Ok(Checking {
            more: file.is_some(),
            file,
            plan,
            errors,
            layout,
        })
    }

    /// Checks the next rows, telling `progress` how far the reading is.
    /// Returns the rows of this step that passed every check, while no
    /// row has failed one (else none); `None` once the file is read.
    pub(super) fn step(&mut self, progress: &Progress<'_>) -> Option<Vec<PlannedRow>> {
        let (Some(file), Some(plan), true) = (&mut self.file, &mut self.plan, self.more) else {
            return None;
        };
        self.more = file.some(
            &self.layout,
            &mut self.errors,
            CHECK_STEP,
            &mut |line, record, errors| plan.row(line, record, errors),
        );
        let (read, size) = file.position();
        progress(ImportStep::Checked {
            rows: file.rows(),
            read,
            size,
        });
        let rows = plan.take_rows();
        Some(if self.errors.is_empty() {
            rows
        } else {
            Vec::new()
        })
    }

    /// Ends the reading: the report of every row.
    pub(super) fn finish(mut self) -> ImportCheck {
        let rows = match self.file {
            Some(file) => file.finish(&self.layout, &mut self.errors),
            None => 0,
        };
        report(self.errors, rows)
    }
}

/// An import file that could not be read, as the file's problem.
pub(super) fn unreadable(e: std::io::Error) -> AppError {
    AppError::invalid("file", crate::msg!("csv-file-unreadable", problem = e))
}

fn report(errors: Errors, rows: usize) -> ImportCheck {
    let (errors, more_errors) = errors.into_parts();
    ImportCheck {
        rows,
        errors,
        more_errors,
    }
}
