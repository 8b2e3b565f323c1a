//! Reading an import file: the encoding, the header and the number of rows
//! ([`crate::csv::read`], shared with every upload), with problems numbered
//! as a spreadsheet shows the rows. Each row's own checks are in
//! [`rows`](super::rows).

use super::super::{
    ImportCheck, ImportStep, CHECK_STEP, IMPORT_HEADER, IMPORT_HEADER_FR, IMPORT_MAX_ERRORS,
    IMPORT_MAX_ROWS,
};
use super::rows::Plan;
use super::{PlannedRow, Progress};
use crate::csv::read::{open, FileMessages, Layout, RowErrors};
use crate::customers::service::require_customer;
use crate::error::AppResult;
use sqlx::AnyConnection;

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

/// Reads and checks an import file against the customer's users and seats,
/// reporting to `progress` every [`CHECK_STEP`] rows (and letting other
/// work run). Returns the report and, when it has no errors, the rows to
/// insert.
pub async fn check(
    conn: &mut AnyConnection,
    org_id: &str,
    customer_id: &str,
    text: &str,
    progress: &Progress<'_>,
) -> AppResult<(ImportCheck, Vec<PlannedRow>)> {
    let (_, domain) = require_customer(conn, org_id, customer_id).await?;
    let mut errors = no_errors();
    let Some(mut file) = open(text, &LAYOUT, &mut errors) else {
        return Ok((report(errors, 0), Vec::new()));
    };
    let mut plan = Plan::load(conn, customer_id, &domain, file.columns()).await?;
    let mut row = |line, record: &_, errors: &mut Errors| plan.row(line, record, errors);
    loop {
        let more = file.some(&LAYOUT, &mut errors, CHECK_STEP, &mut row);
        let (read, size) = file.position();
        progress(ImportStep::Checked {
            rows: file.rows(),
            read,
            size,
        });
        if !more {
            break;
        }
        tokio::task::yield_now().await;
    }
    let rows = file.finish(&LAYOUT, &mut errors);
    let planned = if errors.list().is_empty() {
        plan.into_rows()
    } else {
        Vec::new()
    };
    Ok((report(errors, rows), planned))
}

fn report(errors: Errors, rows: usize) -> ImportCheck {
    let (errors, more_errors) = errors.into_parts();
    ImportCheck {
        rows,
        errors,
        more_errors,
    }
}
