//! The checks of one import row: its fields get the same check as "Add
//! user" ([`NewCustomerUser::problems`]); then come the checks only a file
//! needs (the email's domain, duplicates in the file, users that already
//! exist, licence names) and the seats each licence still has.

use super::super::{CustomerAdminRole, HeldLicence, NewCustomerUser, IMPORT_HEADER};
use super::check::Errors;
use super::seen::Seen;
use super::PlannedRow;
use crate::error::AppResult;
use crate::subscriptions::Subscription;
use csv::StringRecord;
use sqlx::AnyConnection;
use std::collections::{HashMap, HashSet};

/// Longest Email or Licence cell read (the name cells have the limits of
/// [`NewCustomerUser::problems`]).
const MAX_CELL: usize = 256;

/// The name fields [`NewCustomerUser::problems`] checks, with the column
/// that fills each, in file order (the alias comes from the Email column).
const NAMES: [(&str, &str); 3] = [
    ("first_name", IMPORT_HEADER[0]),
    ("last_name", IMPORT_HEADER[1]),
    ("display_name", IMPORT_HEADER[2]),
];

/// A subscription and the seats the file takes of it so far.
struct Seats {
    sub: Subscription,
    planned: i64,
}

/// What the rows are checked against, and what earlier rows took: the
/// emails seen, the seats planned and the rows that passed.
pub(super) struct Plan {
    columns: usize,
    /// `@domain` of the customer.
    suffix: String,
    /// Lower-case user names of the customer's users.
    existing: HashSet<String>,
    /// The customer's products, in list order.
    products: Vec<String>,
    /// Lower-case product name → its subscription and planned seats.
    by_product: HashMap<String, Seats>,
    /// Lower-case email → the first row that has it.
    seen: Seen,
    rows: Vec<PlannedRow>,
}

impl Plan {
    /// Loads the customer's users and subscriptions for a file of `columns` columns.
    pub(super) async fn load(
        conn: &mut AnyConnection,
        customer_id: &str,
        domain: &str,
        columns: usize,
    ) -> AppResult<Plan> {
        let existing: HashSet<String> = sqlx::query_scalar::<_, String>(
            "select user_name_lower from customer_user where customer_id = $1",
        )
        .bind(customer_id)
        .fetch_all(&mut *conn)
        .await?
        .into_iter()
        .collect();
        let subs = crate::subscriptions::service::list_on(conn, customer_id).await?;
        let products = subs.iter().map(|s| s.product.clone()).collect();
        let by_product = subs
            .into_iter()
            .map(|sub| (sub.product.to_lowercase(), Seats { sub, planned: 0 }))
            .collect();
        Ok(Plan {
            columns,
            suffix: format!("@{domain}"),
            existing,
            products,
            by_product,
            seen: Seen::default(),
            rows: Vec::new(),
        })
    }

    /// The rows that passed every check since the last call, in file order.
    pub(super) fn take_rows(&mut self) -> Vec<PlannedRow> {
        std::mem::take(&mut self.rows)
    }

    /// Checks the row at spreadsheet row `line`, adding its problems to
    /// `errors`; plans it when it has none.
    pub(super) fn row(&mut self, line: usize, record: &StringRecord, errors: &mut Errors) {
        if record.len() > self.columns || record.len() < 4 {
            errors.add(
                line,
                "",
                crate::msg!(
                    "customer-users-import-columns-count",
                    count = record.len(),
                    expected = self.columns
                ),
            );
            return;
        }
        if !cells_fit(line, record, errors) {
            return;
        }
        let cell = |i: usize| record.get(i).unwrap_or("").trim();
        let email = cell(3);
        let user = NewCustomerUser {
            first_name: cell(0).into(),
            last_name: cell(1).into(),
            display_name: cell(2).into(),
            alias: self.alias_of(email).unwrap_or_default().into(),
            admin_role: CustomerAdminRole::None,
            licences: Vec::new(),
        };
        let fields_ok = self.fields(line, &user, email, errors);
        let licence = self.licence(line, cell(4), errors);
        if let (true, Ok(licence)) = (fields_ok, licence) {
            let admin_role = user.admin_role;
            self.rows.push(PlannedRow {
                first_name: user.first_name,
                last_name: user.last_name,
                display_name: user.display_name,
                // The alias as typed and the customer's domain as "Add user"
                // writes it, whatever the case the file gave the domain in.
                user_name: format!("{}{}", user.alias, self.suffix),
                admin_role,
                licences: licence.into_iter().collect(),
            });
        }
    }

    /// The fields' problems, in column order; the Email column gets the
    /// file's own checks, and the alias check once the domain is right.
    fn fields(
        &mut self,
        line: usize,
        user: &NewCustomerUser,
        email: &str,
        errors: &mut Errors,
    ) -> bool {
        let mut problems = user.problems();
        let mut ok = true;
        for (field, column) in NAMES {
            if let Some(messages) = problems.remove(field) {
                errors.add(line, column, messages.join(" "));
                ok = false;
            }
        }
        let alias = problems.remove("alias").map(|m| m.join(" "));
        if let Some(reason) = self.email(line, email, alias) {
            errors.add(line, IMPORT_HEADER[3], reason);
            ok = false;
        }
        // Fields that are not columns (the role, the licences) can't be
        // wrong today; should a rule ever reach them, the row still fails.
        for messages in problems.into_values() {
            errors.add(line, "", messages.join(" "));
            ok = false;
        }
        ok
    }

    /// The Email column: present, at the customer's domain, a valid alias
    /// (`alias_problem`), not twice in the file and not an existing user.
    fn email(&mut self, line: usize, email: &str, alias_problem: Option<String>) -> Option<String> {
        if email.is_empty() {
            return Some(crate::msg!("customer-users-import-missing"));
        }
        let lower = email.to_lowercase();
        let reason = if email.chars().any(char::is_whitespace) {
            Some(crate::msg!(
                "customer-users-import-email-spaces",
                email = email
            ))
        } else if self.alias_of(email).is_none() {
            Some(crate::msg!(
                "customer-users-import-email-domain",
                email = email,
                suffix = self.suffix
            ))
        } else if alias_problem.is_some() {
            alias_problem
        } else if let Some(first) = self.seen.first(&lower) {
            Some(crate::msg!(
                "customer-users-import-email-duplicate",
                email = email,
                row = first
            ))
        } else if self.existing.contains(&lower) {
            Some(crate::msg!(
                "customer-users-import-email-exists",
                email = email
            ))
        } else {
            None
        };
        self.seen.add(&lower, line);
        reason
    }

    /// The part of `email` before `@domain`, if it ends with the customer's
    /// domain (in any case).
    fn alias_of<'e>(&self, email: &'e str) -> Option<&'e str> {
        let cut = email.len().checked_sub(self.suffix.len())?;
        email
            .get(cut..)
            .filter(|end| end.eq_ignore_ascii_case(&self.suffix))?;
        email.get(..cut)
    }

    /// The Licence column: empty, or a product of the customer's
    /// subscriptions with a seat left for this row (earlier rows count).
    /// `Err` when a problem was added.
    fn licence(
        &mut self,
        line: usize,
        name: &str,
        errors: &mut Errors,
    ) -> Result<Option<HeldLicence>, ()> {
        if name.is_empty() {
            return Ok(None);
        }
        let Some(Seats { sub, planned }) = self.by_product.get_mut(&name.to_lowercase()) else {
            let message = if self.products.is_empty() {
                crate::msg!("customer-users-import-licence-unknown-none", name = name)
            } else {
                crate::msg!(
                    "customer-users-import-licence-unknown",
                    name = name,
                    known = self.products.join(", ")
                )
            };
            errors.add(line, "Licence", message);
            return Err(());
        };
        *planned += 1;
        if *planned > sub.available() {
            errors.add(
                line,
                "Licence",
                crate::msg!(
                    "customer-users-import-not-enough-seats",
                    product = sub.product,
                    available = sub.available(),
                    planned = planned
                ),
            );
            return Err(());
        }
        Ok(Some(HeldLicence {
            subscription_id: sub.subscription_id.clone(),
            product: sub.product.clone(),
        }))
    }
}

/// Whether the Email and Licence cells are of a readable length; adds a
/// problem for each one that is not.
fn cells_fit(line: usize, record: &StringRecord, errors: &mut Errors) -> bool {
    let mut ok = true;
    for (column, value) in IMPORT_HEADER.iter().zip(record.iter()).skip(3) {
        let n = value.chars().count();
        if n > MAX_CELL {
            errors.add(
                line,
                column,
                crate::msg!("customer-users-import-too-long", count = n, max = MAX_CELL),
            );
            ok = false;
        }
    }
    ok
}

#[cfg(test)]
#[path = "rows_tests.rs"]
mod tests;
