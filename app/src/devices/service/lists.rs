//! Device lists: a validation that writes nothing and reports every bad
//! row, and the upload itself, all or nothing in one transaction with one
//! activity entry. The file is read by [`crate::csv::read`] (shared with
//! the customer user import); each row's checks are in [`rows`](super::rows).

use super::rows::{Plan, PlannedDevice};
use crate::access::Capability;
use crate::activity::service::{Target, Work};
use crate::activity::{FieldChange, Operation};
use crate::csv::read::{open, FileMessages, Layout, RowErrors};
use crate::customers::service::{lock_customer, require_customer};
use crate::db::{new_id, now_millis, rows_sql, Backend};
use crate::devices::{
    device_list_size_problem, list_name_problem, DeviceList, DeviceListCheck, NewDeviceList,
    DEVICE_LIST_HEADER, DEVICE_LIST_MAX_ERRORS, DEVICE_LIST_MAX_ROWS,
};
use crate::error::{AppError, AppResult};
use crate::request::Ctx;
use sqlx::AnyConnection;
use std::collections::HashSet;

/// A device list: the template's columns, only the serial number required.
const LAYOUT: Layout = Layout {
    header: &DEVICE_LIST_HEADER,
    header_fr: &crate::devices::DEVICE_LIST_HEADER_FR,
    required: 1,
    messages: FileMessages {
        wrong_header: crate::key!("devices-csv-wrong-header"),
        empty: crate::key!("devices-csv-empty"),
        no_rows: crate::key!("devices-csv-no-rows"),
        too_many: crate::key!("devices-csv-too-many"),
    },
    max_rows: DEVICE_LIST_MAX_ROWS,
};

/// Rows per multi-row insert: 9 values each, well within both databases'
/// limits on values per statement.
const BATCH: usize = 500;

/// Reads and checks a device list against the customer's devices. Returns
/// the report and, when it has no errors, the devices to insert.
async fn check(
    conn: &mut AnyConnection,
    customer_id: &str,
    text: &str,
) -> AppResult<(DeviceListCheck, Vec<PlannedDevice>)> {
    let mut errors = RowErrors::new(DEVICE_LIST_MAX_ERRORS);
    if let Some(problem) = device_list_size_problem(text.len()) {
        // Rendered here: row reasons are plain text in the report.
        errors.add(0, "", crate::i18n::message(&problem));
        return Ok((report(errors, 0), Vec::new()));
    }
    let Some(file) = open(text, &LAYOUT, &mut errors) else {
        return Ok((report(errors, 0), Vec::new()));
    };
    let existing: HashSet<String> =
        sqlx::query_scalar::<_, String>("select serial_lower from device where customer_id = $1")
            .bind(customer_id)
            .fetch_all(&mut *conn)
            .await?
            .into_iter()
            .collect();
    let mut plan = Plan::new(file.columns(), existing);
    let rows = file.each(&LAYOUT, &mut errors, |line, record, errors| {
        plan.row(line, record, errors)
    });
    let planned = if errors.is_empty() {
        plan.into_rows()
    } else {
        Vec::new()
    };
    Ok((report(errors, rows), planned))
}

/// The check's report, each problem in the requester's language (the file's
/// own problems come from the shared reader as message keys).
fn report(errors: RowErrors, rows: usize) -> DeviceListCheck {
    let (mut errors, more_errors) = errors.into_parts();
    for e in &mut errors {
        e.reason = crate::i18n::message(&e.reason);
    }
    DeviceListCheck {
        rows,
        errors,
        more_errors,
    }
}

/// Validates a device list for a customer; writes nothing.
#[tracing::instrument(skip_all, fields(org = %ctx.org_id()))]
pub async fn validate_list(ctx: &Ctx, customer_id: &str, text: &str) -> AppResult<DeviceListCheck> {
    ctx.require(Capability::DeviceListsAdd)?;
    let mut conn = ctx.db.acquire().await?;
    require_customer(&mut conn, ctx.org_id(), customer_id).await?;
    Ok(check(&mut conn, customer_id, text).await?.0)
}

/// Adds every device of the list in one transaction, or nothing when any
/// row is bad (the error names the first problem and how many there are).
#[tracing::instrument(skip_all, fields(org = %ctx.org_id()))]
pub async fn add_list(ctx: &Ctx, customer_id: &str, new: &NewDeviceList) -> AppResult<DeviceList> {
    ctx.require(Capability::DeviceListsAdd)?;
    let mut work = Work::begin(&ctx.db, &ctx.actor).await?;
    // The customer's lock makes two uploads for one customer run one after
    // the other, so the second sees the first one's serial numbers.
    let (customer_name, _) = lock_customer(work.conn(), ctx.org_id(), customer_id).await?;
    if let Some(problem) = list_name_problem(&new.name) {
        return Err(AppError::invalid("name", problem));
    }
    let (report, devices) = check(work.conn(), customer_id, &new.csv).await?;
    if !report.errors.is_empty() {
        return Err(refusal(&report));
    }
    let list = DeviceList {
        list_id: new_id(),
        name: new.name.trim().to_string(),
        device_count: devices.len() as i64,
        added_at: now_millis(),
        added_by: work.actor().name.clone(),
    };
    sqlx::query(
        "insert into device_list (list_id, org_id, customer_id, name, device_count, added_at, added_by)
         values ($1, $2, $3, $4, $5, $6, $7)",
    )
    .bind(&list.list_id)
    .bind(ctx.org_id())
    .bind(customer_id)
    .bind(&list.name)
    .bind(list.device_count)
    .bind(list.added_at)
    .bind(&list.added_by)
    .execute(work.conn())
    .await?;
    for batch in devices.chunks(BATCH) {
        insert_devices(&mut work, ctx.org_id(), customer_id, &list.list_id, batch).await?;
    }
    let first: Vec<&str> = devices
        .iter()
        .take(5)
        .map(|d| d.serial_number.as_str())
        .collect();
    let more = devices.len().saturating_sub(first.len());
    let serials = if more > 0 {
        format!("{} and {more} more", first.join(", "))
    } else {
        first.join(", ")
    };
    work.record(
        Operation::DeviceListAdded,
        Target::device_list(customer_id, &list.list_id, &list.name),
        vec![
            FieldChange::new("customer", None, Some(customer_name)),
            FieldChange::new("devices", None, Some(devices.len().to_string())),
            FieldChange::new("serial numbers", None, Some(serials)),
        ],
    );
    work.commit().await?;
    Ok(list)
}

/// One multi-row insert of devices (at most [`BATCH`]).
async fn insert_devices(
    work: &mut Work,
    org_id: &str,
    customer_id: &str,
    list_id: &str,
    batch: &[PlannedDevice],
) -> AppResult<()> {
    let backend = Backend::of_conn(work.conn());
    let sql = rows_sql(
        backend,
        "insert into device (device_id, org_id, customer_id, list_id, serial_number, serial_lower,
             hardware_hash, manufacturer, model) values ",
        "(?, ?, ?, ?, ?, ?, ?, ?, ?)",
        batch.len(),
    );
    let mut q = sqlx::query(&sql);
    for d in batch {
        q = q
            .bind(new_id())
            .bind(org_id)
            .bind(customer_id)
            .bind(list_id)
            .bind(&d.serial_number)
            .bind(&d.serial_lower)
            .bind(&d.hardware_hash)
            .bind(&d.manufacturer)
            .bind(&d.model);
    }
    q.execute(work.conn()).await?;
    Ok(())
}

/// "Nothing was added", with the count of problems and the first one.
fn refusal(report: &DeviceListCheck) -> AppError {
    let n = report.errors.len() + report.more_errors;
    let first = match report.errors.first() {
        Some(e) if e.row == 0 => e.reason.clone(),
        Some(e) if e.column.is_empty() => {
            crate::tr!("devices-row-reason", row = e.row, reason = e.reason)
        }
        Some(e) => crate::tr!(
            "devices-row-column-reason",
            row = e.row,
            column = e.column,
            reason = e.reason
        ),
        None => String::new(),
    };
    AppError::invalid(
        "file",
        crate::msg!("devices-nothing-added", count = n, first = first),
    )
}
