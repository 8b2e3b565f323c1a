//! Reading an import file: the encoding, the header and the number of rows,
//! with problems numbered as a spreadsheet shows the rows. Each row's own
//! checks are in [`rows`](super::rows).

use super::super::{ImportCheck, RowError, IMPORT_HEADER, IMPORT_MAX_ERRORS, IMPORT_MAX_ROWS};
use super::rows::Plan;
use super::PlannedRow;
use crate::customers::service::require_customer;
use crate::error::AppResult;
use sqlx::AnyConnection;

/// Problems found so far: the first [`IMPORT_MAX_ERRORS`] and a count of the rest.
#[derive(Default)]
pub(super) struct Errors {
    list: Vec<RowError>,
    more: usize,
}

impl Errors {
    /// Adds a problem of `row` (0: the whole file) in `column` (empty: the whole row).
    pub(super) fn add(&mut self, row: usize, column: &str, reason: impl Into<String>) {
        if self.list.len() < IMPORT_MAX_ERRORS {
            self.list.push(RowError {
                row,
                column: column.into(),
                reason: reason.into(),
            });
        } else {
            self.more += 1;
        }
    }

    /// The problems kept so far (tests).
    #[cfg(test)]
    pub(super) fn list(&self) -> &[RowError] {
        &self.list
    }

    fn report(self, rows: usize) -> ImportCheck {
        ImportCheck {
            rows,
            errors: self.list,
            more_errors: self.more,
        }
    }
}

/// Reads and checks an import file against the customer's users and seats.
/// Returns the report and, when it has no errors, the rows to insert.
pub async fn check(
    conn: &mut AnyConnection,
    org_id: &str,
    customer_id: &str,
    text: &str,
) -> AppResult<(ImportCheck, Vec<PlannedRow>)> {
    let (_, domain) = require_customer(conn, org_id, customer_id).await?;
    let mut errors = Errors::default();
    let Some((mut reader, columns)) = open(text, &mut errors) else {
        return Ok((errors.report(0), Vec::new()));
    };
    let mut plan = Plan::load(conn, customer_id, &domain, columns).await?;
    let mut rows = 0;
    // Rows are numbered as a spreadsheet shows them: the header is row 1
    // (a quoted cell spanning lines is still one row).
    for (index, record) in reader.records().enumerate() {
        let line = index + 2;
        let record = match record {
            Ok(r) => r,
            Err(e) => {
                errors.add(line, "", format!("This row can't be read as CSV: {e}."));
                continue;
            }
        };
        if record.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        rows += 1;
        if rows > IMPORT_MAX_ROWS {
            errors.add(
                line,
                "",
                format!("Too many rows: at most {IMPORT_MAX_ROWS} users per file."),
            );
            break;
        }
        plan.row(line, &record, &mut errors);
    }
    if rows == 0 && errors.list.is_empty() {
        errors.add(0, "", "The file has no user rows.");
    }
    let planned = if errors.list.is_empty() {
        plan.into_rows()
    } else {
        Vec::new()
    };
    Ok((errors.report(rows), planned))
}

/// Opens the file past its header; returns the reader and the number of
/// columns, or `None` (with the problem added) when the file can't be used.
fn open<'t>(text: &'t str, errors: &mut Errors) -> Option<(csv::Reader<&'t [u8]>, usize)> {
    if text.contains('\u{FFFD}') {
        errors.add(
            0,
            "",
            "The file is not UTF-8 text. Save it as \"CSV UTF-8\" and try again.",
        );
        return None;
    }
    let text = text.strip_prefix('\u{FEFF}').unwrap_or(text);
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    let header: Vec<String> = match reader.records().next() {
        Some(Ok(r)) => r.iter().map(|c| c.trim().to_string()).collect(),
        Some(Err(e)) => {
            errors.add(1, "", format!("The header can't be read: {e}."));
            return None;
        }
        None => {
            errors.add(
                0,
                "",
                "The file is empty: it needs the header line and at least one user row.",
            );
            return None;
        }
    };
    let header_ok = (header.len() == 4 || header.len() == 5)
        && header
            .iter()
            .zip(IMPORT_HEADER)
            .all(|(h, e)| h.eq_ignore_ascii_case(e));
    if !header_ok {
        errors.add(
            1,
            "",
            format!(
                "Wrong header \"{}\": expected \"{}\" (Licence is optional). Download the template to start from.",
                header.join(","),
                IMPORT_HEADER.join(",")
            ),
        );
        return None;
    }
    Some((reader, header.len()))
}
