//! CSV import of customer users (server only): a validation that writes
//! nothing and reports every bad row, and an all-or-nothing import in one
//! transaction. Rows are inserted in multi-row statements so 100,000 users
//! stay within seconds.

use super::{
    alias_problem, ImportCheck, ImportResult, ImportedUser, RowError, IMPORT_HEADER,
    IMPORT_MAX_ERRORS, IMPORT_MAX_ROWS,
};
use crate::access::Capability;
use crate::activity::service::{Entry, Work};
use crate::activity::{FieldChange, Operation};
use crate::auth::secrets;
use crate::customers::service::require_customer;
use crate::db::{new_id, now_millis};
use crate::error::{AppError, AppResult};
use crate::request::Ctx;
use sqlx::AnyConnection;
use std::collections::{HashMap, HashSet};

/// Longest cell accepted.
const MAX_CELL: usize = 256;
/// Rows per multi-row `insert` (10 parameters each; SQLite allows 32,766, PostgreSQL 65,535).
const BATCH: usize = 1000;

/// A row that passed every check.
#[derive(Debug, Clone)]
pub struct PlannedRow {
    pub first_name: String,
    pub last_name: String,
    pub display_name: String,
    pub user_name: String,
    /// Subscription id and product of the licence to assign, if any.
    pub licence: Option<(String, String)>,
}

struct Errors {
    list: Vec<RowError>,
    more: usize,
}

impl Errors {
    fn add(&mut self, row: usize, column: &str, reason: impl Into<String>) {
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
    let mut errors = Errors {
        list: Vec::new(),
        more: 0,
    };
    let report = |errors: Errors, rows: usize| ImportCheck {
        rows,
        errors: errors.list,
        more_errors: errors.more,
    };
    if text.contains('\u{FFFD}') {
        errors.add(
            0,
            "",
            "The file is not UTF-8 text. Save it as \"CSV UTF-8\" and try again.",
        );
        return Ok((report(errors, 0), Vec::new()));
    }
    let text = text.strip_prefix('\u{FEFF}').unwrap_or(text);
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    let mut records = reader.records();

    // Header.
    let header: Vec<String> = match records.next() {
        Some(Ok(r)) => r.iter().map(|c| c.trim().to_string()).collect(),
        Some(Err(e)) => {
            errors.add(1, "", format!("The header can't be read: {e}."));
            return Ok((report(errors, 0), Vec::new()));
        }
        None => {
            errors.add(
                0,
                "",
                "The file is empty: it needs the header line and at least one user row.",
            );
            return Ok((report(errors, 0), Vec::new()));
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
        return Ok((report(errors, 0), Vec::new()));
    }
    let columns = header.len();

    // What already exists.
    let existing: HashSet<String> = sqlx::query_scalar::<_, String>(
        "select user_name_lower from customer_user where customer_id = $1",
    )
    .bind(customer_id)
    .fetch_all(&mut *conn)
    .await?
    .into_iter()
    .collect();
    let subs = crate::subscriptions::service::list_on(conn, customer_id).await?;
    let by_product: HashMap<String, usize> = subs
        .iter()
        .enumerate()
        .map(|(i, s)| (s.product.to_lowercase(), i))
        .collect();
    let mut seats_needed = vec![0i64; subs.len()];
    let mut seen: HashMap<String, usize> = HashMap::new();
    let suffix = format!("@{domain}");
    let mut planned = Vec::new();
    let mut rows = 0;

    // Rows are numbered as a spreadsheet shows them: the header is row 1
    // (a quoted cell spanning lines is still one row).
    for (index, record) in records.enumerate() {
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
        if record.len() > columns || record.len() < 4 {
            errors.add(
                line,
                "",
                format!("This row has {} columns; expected {columns}.", record.len()),
            );
            continue;
        }
        let cell = |i: usize| record.get(i).unwrap_or("").trim().to_string();
        let mut row_ok = true;
        for (i, name) in IMPORT_HEADER.iter().enumerate().take(record.len()) {
            let n = record.get(i).unwrap_or("").chars().count();
            if n > MAX_CELL {
                errors.add(
                    line,
                    name,
                    format!("Too long ({n} characters; at most {MAX_CELL})."),
                );
                row_ok = false;
            }
        }
        if !row_ok {
            continue;
        }
        let (first, last, display, email) = (cell(0), cell(1), cell(2), cell(3));
        for (value, name) in [
            (&first, IMPORT_HEADER[0]),
            (&last, IMPORT_HEADER[1]),
            (&display, IMPORT_HEADER[2]),
        ] {
            if value.is_empty() {
                errors.add(line, name, "Missing.");
                row_ok = false;
            }
        }
        let email_lower = email.to_lowercase();
        if email.is_empty() {
            errors.add(line, "Email", "Missing.");
            row_ok = false;
        } else if !email_lower.ends_with(&suffix) {
            errors.add(
                line,
                "Email",
                format!("\"{email}\" must end with {suffix}."),
            );
            row_ok = false;
        } else if let Some(p) = alias_problem(&email[..email.len() - suffix.len()]) {
            errors.add(line, "Email", format!("\"{email}\": {p}"));
            row_ok = false;
        } else if let Some(first_line) = seen.get(&email_lower) {
            errors.add(
                line,
                "Email",
                format!("\"{email}\" is a duplicate of row {first_line}."),
            );
            row_ok = false;
        } else if existing.contains(&email_lower) {
            errors.add(
                line,
                "Email",
                format!("\"{email}\" already exists for this customer."),
            );
            row_ok = false;
        }
        if !email.is_empty() {
            seen.entry(email_lower).or_insert(line);
        }
        let licence_name = cell(4);
        let mut licence = None;
        if !licence_name.is_empty() {
            match by_product.get(&licence_name.to_lowercase()) {
                Some(&i) => {
                    seats_needed[i] += 1;
                    if seats_needed[i] > subs[i].available() {
                        errors.add(
                            line,
                            "Licence",
                            format!(
                                "Not enough seats of {}: {} available, this is number {}.",
                                subs[i].product,
                                subs[i].available(),
                                seats_needed[i]
                            ),
                        );
                        row_ok = false;
                    }
                    licence = Some((subs[i].subscription_id.clone(), subs[i].product.clone()));
                }
                None => {
                    let known: Vec<&str> = subs.iter().map(|s| s.product.as_str()).collect();
                    errors.add(
                        line,
                        "Licence",
                        format!(
                            "Unknown licence \"{licence_name}\"; this customer has: {}.",
                            if known.is_empty() {
                                "none".to_string()
                            } else {
                                known.join(", ")
                            }
                        ),
                    );
                    row_ok = false;
                }
            }
        }
        if row_ok {
            planned.push(PlannedRow {
                first_name: first,
                last_name: last,
                display_name: display,
                user_name: email,
                licence,
            });
        }
    }
    if rows == 0 && errors.list.is_empty() {
        errors.add(0, "", "The file has no user rows.");
    }
    let ok = errors.list.is_empty();
    Ok((report(errors, rows), if ok { planned } else { Vec::new() }))
}

/// Validates an import file; writes nothing.
pub async fn validate(ctx: &Ctx, customer_id: &str, text: &str) -> AppResult<ImportCheck> {
    ctx.require(Capability::CustomerUsersManage)?;
    let Ctx { db, me, .. } = ctx;
    let mut conn = db.acquire().await?;
    Ok(check(&mut conn, &me.org_id, customer_id, text).await?.0)
}

/// Imports every row in one transaction, or nothing when any row is bad.
/// `progress(done, total)` is called as batches are written.
pub async fn import(
    ctx: &Ctx,
    customer_id: &str,
    text: &str,
    progress: &(dyn Fn(usize, usize) + Sync),
) -> AppResult<ImportResult> {
    ctx.require(Capability::CustomerUsersManage)?;
    let Ctx { db, me, actor, .. } = ctx;
    let mut work = Work::begin(db, actor).await?;
    let (report, rows) = check(work.conn(), &me.org_id, customer_id, text).await?;
    if let Some(first) = report.errors.first() {
        let n = report.errors.len() + report.more_errors;
        return Err(AppError::invalid(
            "file",
            format!(
                "Nothing was imported: the file has {n} problem(s). Row {}{}: {}",
                first.row,
                if first.column.is_empty() {
                    String::new()
                } else {
                    format!(", {}", first.column)
                },
                first.reason
            ),
        ));
    }
    let key = secrets::server_key_conn(work.conn()).await?;
    let backend = crate::db::Backend::of_conn(work.conn());
    let now = now_millis();
    let total = rows.len();
    let mut users = Vec::with_capacity(total);
    for (done, batch) in rows.chunks(BATCH).enumerate() {
        let mut ids = Vec::with_capacity(batch.len());
        let mut passwords = Vec::with_capacity(batch.len());
        for _ in batch {
            ids.push(new_id());
            passwords.push(secrets::new_temporary_password());
        }
        // customer_user: 10 bound values per row (3 are constants).
        let mut sql = String::from(
            "insert into customer_user (customer_user_id, org_id, customer_id, first_name, last_name, display_name,
                 user_name, user_name_lower, admin_role, password_hash, must_change_password, status, created_at) values ",
        );
        for i in 0..batch.len() {
            if i > 0 {
                sql.push(',');
            }
            let p: Vec<String> = (1..=10).map(|k| backend.param(i * 10 + k)).collect();
            sql.push_str(&format!(
                "({}, {}, {}, {}, {}, {}, {}, {}, 'none', {}, 1, 'active', {})",
                p[0], p[1], p[2], p[3], p[4], p[5], p[6], p[7], p[8], p[9]
            ));
        }
        let mut q = sqlx::query(&sql);
        for ((row, id), password) in batch.iter().zip(&ids).zip(&passwords) {
            q = q
                .bind(id)
                .bind(&me.org_id)
                .bind(customer_id)
                .bind(&row.first_name)
                .bind(&row.last_name)
                .bind(&row.display_name)
                .bind(&row.user_name)
                .bind(row.user_name.to_lowercase())
                .bind(secrets::keyed_hash(&key, password))
                .bind(now);
        }
        q.execute(work.conn()).await?;
        let licensed: Vec<(&String, &String)> = batch
            .iter()
            .zip(&ids)
            .filter_map(|(row, id)| row.licence.as_ref().map(|(sid, _)| (id, sid)))
            .collect();
        if !licensed.is_empty() {
            let mut sql = String::from(
                "insert into licence (customer_user_id, subscription_id, released, assigned_at) values ",
            );
            for i in 0..licensed.len() {
                if i > 0 {
                    sql.push(',');
                }
                let p: Vec<String> = (1..=3).map(|k| backend.param(i * 3 + k)).collect();
                sql.push_str(&format!("({}, {}, 0, {})", p[0], p[1], p[2]));
            }
            let mut q = sqlx::query(&sql);
            for (id, sid) in &licensed {
                q = q.bind(*id).bind(*sid).bind(now);
            }
            q.execute(work.conn()).await?;
        }
        for ((row, id), password) in batch.iter().zip(ids).zip(passwords) {
            let mut changes = vec![
                FieldChange::new("user name", None, Some(row.user_name.clone())),
                FieldChange::secret("temporary password"),
            ];
            if let Some((_, product)) = &row.licence {
                changes.push(FieldChange::new("licences", None, Some(product.clone())));
            }
            work.record(Entry::customer(
                Operation::CustomerUserCreated,
                customer_id,
                "customer-user",
                &id,
                &row.display_name,
                changes,
            ));
            users.push(ImportedUser {
                display_name: row.display_name.clone(),
                user_name: row.user_name.clone(),
                temporary_password: password,
            });
        }
        progress((done * BATCH + batch.len()).min(total), total);
    }
    work.commit().await?;
    Ok(ImportResult { users })
}
