//! Customer and subscription rows. Reads are scoped to the caller's
//! organization (another organization's id is "not found"); each change runs
//! in a unit of work with its activity entry.

use super::{
    check_details, domain_problem, BillingInfo, Customer, CustomerActions, CustomerDetails,
    CustomerPage, CustomerQuery, NewCustomer, CUSTOMER_PAGE_SIZE,
};
use crate::access::Capability;
use crate::access::Identity;
use crate::activity::service::{Actor, Entry, Work};
use crate::activity::{FieldChange, Operation};
use crate::db::like;
use crate::db::{new_id, now_millis, Db};
use crate::error::{AppError, AppResult};
use crate::request::Ctx;
use sqlx::AnyConnection;

const COLUMNS: &str = "customer_id, name, domain, contact_email, phone, address, billing_email, \
     billing_address, tax_id, relationship_status, delegated_admin_status, agreement_accepted_at, version";

#[derive(sqlx::FromRow, Clone)]
struct CustomerRow {
    customer_id: String,
    name: String,
    domain: String,
    contact_email: String,
    phone: String,
    address: String,
    billing_email: String,
    billing_address: String,
    tax_id: String,
    relationship_status: String,
    delegated_admin_status: String,
    agreement_accepted_at: Option<i64>,
    version: i64,
}

impl CustomerRow {
    fn into_customer(self, me: &Identity) -> Customer {
        let actions = CustomerActions::for_identity(me);
        Customer {
            customer_id: self.customer_id,
            domain: self.domain,
            details: CustomerDetails {
                name: self.name,
                contact_email: self.contact_email,
                phone: self.phone,
                address: self.address,
            },
            billing: actions.can_edit_billing.then_some(BillingInfo {
                billing_email: self.billing_email,
                billing_address: self.billing_address,
                tax_id: self.tax_id,
            }),
            relationship_status: self.relationship_status,
            delegated_admin_status: self.delegated_admin_status,
            agreement_accepted_at: self
                .agreement_accepted_at
                .filter(|_| actions.can_view_agreement),
            version: self.version,
            actions,
        }
    }
}

/// A page of the organization's customers, searched by name or domain.
#[tracing::instrument(skip_all, fields(org = %ctx.org_id()))]
pub async fn list(ctx: &Ctx, q: &CustomerQuery) -> AppResult<CustomerPage> {
    ctx.require(Capability::CustomersView)?;
    let Ctx { db, me, .. } = ctx;
    let search = like(&q.search);
    let total: i64 = sqlx::query_scalar(
        "select count(*) from customer where org_id = $1 and (lower(name) like $2 escape '\\' or domain like $2 escape '\\')",
    )
    .bind(&me.org_id)
    .bind(&search)
    .fetch_one(db)
    .await?;
    let rows: Vec<CustomerRow> = sqlx::query_as(&format!(
        "select {COLUMNS} from customer where org_id = $1 and (lower(name) like $2 escape '\\' or domain like $2 escape '\\')
         order by lower(name), customer_id limit {CUSTOMER_PAGE_SIZE} offset {}",
        u64::from(q.page) * u64::from(CUSTOMER_PAGE_SIZE)
    ))
    .bind(&me.org_id)
    .bind(&search)
    .fetch_all(db)
    .await?;
    Ok(CustomerPage {
        customers: rows.into_iter().map(|r| r.into_customer(me)).collect(),
        total,
        page: q.page,
        page_size: CUSTOMER_PAGE_SIZE,
    })
}

async fn load(conn: &mut AnyConnection, org_id: &str, customer_id: &str) -> AppResult<CustomerRow> {
    sqlx::query_as::<_, CustomerRow>(&format!(
        "select {COLUMNS} from customer where org_id = $1 and customer_id = $2"
    ))
    .bind(org_id)
    .bind(customer_id)
    .fetch_optional(conn)
    .await?
    .ok_or_else(|| AppError::not_found("The customer"))
}

/// Checks that a customer belongs to the caller's organization; returns its
/// name and domain.
pub async fn require_customer(
    conn: &mut AnyConnection,
    org_id: &str,
    customer_id: &str,
) -> AppResult<(String, String)> {
    let row = load(conn, org_id, customer_id).await?;
    Ok((row.name, row.domain))
}

/// One customer of the caller's organization.
#[tracing::instrument(skip_all, fields(org = %ctx.org_id()))]
pub async fn get(ctx: &Ctx, customer_id: &str) -> AppResult<Customer> {
    ctx.require(Capability::CustomersView)?;
    let Ctx { db, me, .. } = ctx;
    let mut conn = db.acquire().await?;
    Ok(load(&mut conn, &me.org_id, customer_id)
        .await?
        .into_customer(me))
}

fn validation(errors: crate::error::FieldErrors) -> AppResult<()> {
    if errors.is_empty() {
        Ok(())
    } else {
        Err(AppError::Validation(errors))
    }
}

/// Creates a customer.
#[tracing::instrument(skip_all, fields(org = %ctx.org_id()))]
pub async fn create(ctx: &Ctx, new: &NewCustomer) -> AppResult<Customer> {
    ctx.require(Capability::CustomersCreate)?;
    let Ctx { db, me, actor, .. } = ctx;
    let mut errors = check_details(&new.details);
    let domain = new.domain.trim().to_lowercase();
    if let Some(p) = domain_problem(&domain) {
        errors.insert("domain".into(), vec![p.into()]);
    }
    validation(errors)?;
    let mut work = Work::begin(db, actor).await?;
    // A taken domain is refused by the unique index (409).
    let id = new_id();
    let d = &new.details;
    sqlx::query(
        "insert into customer (customer_id, org_id, name, domain, contact_email, phone, address, created_at)
         values ($1, $2, $3, $4, $5, $6, $7, $8)",
    )
    .bind(&id)
    .bind(&me.org_id)
    .bind(d.name.trim())
    .bind(&domain)
    .bind(d.contact_email.trim())
    .bind(d.phone.trim())
    .bind(d.address.trim())
    .bind(now_millis())
    .execute(work.conn())
    .await?;
    work.record(Entry::customer(
        Operation::CustomerCreated,
        &id,
        "customer",
        &id,
        d.name.trim(),
        vec![
            FieldChange::new("name", None, Some(d.name.trim().into())),
            FieldChange::new("domain", None, Some(domain)),
        ],
    ));
    let row = load(work.conn(), &me.org_id, &id).await?;
    work.commit().await?;
    Ok(row.into_customer(me))
}

fn stale() -> AppError {
    AppError::Conflict {
        field: "version".into(),
        message: "Someone else changed this customer since you opened it. The page now shows the latest version; make your change again.".into(),
    }
}

/// Runs `update` (with `$1` = version check) on a customer row and records
/// `changes`, unless nothing changed.
#[allow(clippy::too_many_arguments)]
async fn update_row(
    db: &Db,
    me: &Identity,
    actor: &Actor,
    customer_id: &str,
    version: i64,
    operation: Operation,
    set_sql: &str,
    values: Vec<String>,
    changes: impl FnOnce(&CustomerRow) -> Vec<FieldChange>,
) -> AppResult<Customer> {
    let mut work = Work::begin(db, actor).await?;
    let row = load(work.conn(), &me.org_id, customer_id).await?;
    if row.version != version {
        return Err(stale());
    }
    let changes = changes(&row);
    if changes.is_empty() {
        return Ok(row.into_customer(me));
    }
    let n = values.len();
    let sql = format!(
        "update customer set {set_sql}, version = version + 1 where customer_id = ${} and org_id = ${} and version = ${}",
        n + 1,
        n + 2,
        n + 3
    );
    let mut q = sqlx::query(&sql);
    for v in values {
        q = q.bind(v);
    }
    let done = q
        .bind(customer_id)
        .bind(&me.org_id)
        .bind(version)
        .execute(work.conn())
        .await?;
    if done.rows_affected() != 1 {
        return Err(stale());
    }
    work.record(Entry::customer(
        operation,
        customer_id,
        "customer",
        customer_id,
        &row.name,
        changes,
    ));
    let updated = load(work.conn(), &me.org_id, customer_id).await?;
    work.commit().await?;
    Ok(updated.into_customer(me))
}

fn diff(pairs: &[(&str, &str, &str)]) -> Vec<FieldChange> {
    pairs
        .iter()
        .filter(|(_, b, a)| b != a)
        .map(|(f, b, a)| FieldChange::new(f, Some(b.to_string()), Some(a.to_string())))
        .collect()
}

/// Changes name and contact details.
#[tracing::instrument(skip_all, fields(org = %ctx.org_id()))]
pub async fn update_details(
    ctx: &Ctx,
    customer_id: &str,
    version: i64,
    d: &CustomerDetails,
) -> AppResult<Customer> {
    ctx.require(Capability::CustomersEditDetails)?;
    let Ctx { db, me, actor, .. } = ctx;
    validation(check_details(d))?;
    let (name, email, phone, address) = (
        d.name.trim(),
        d.contact_email.trim(),
        d.phone.trim(),
        d.address.trim(),
    );
    update_row(
        db,
        me,
        actor,
        customer_id,
        version,
        Operation::CustomerUpdated,
        "name = $1, contact_email = $2, phone = $3, address = $4",
        vec![name.into(), email.into(), phone.into(), address.into()],
        |r| {
            diff(&[
                ("name", &r.name, name),
                ("contact email", &r.contact_email, email),
                ("phone", &r.phone, phone),
                ("address", &r.address, address),
            ])
        },
    )
    .await
}

/// Changes billing information.
#[tracing::instrument(skip_all, fields(org = %ctx.org_id()))]
pub async fn update_billing(
    ctx: &Ctx,
    customer_id: &str,
    version: i64,
    b: &BillingInfo,
) -> AppResult<Customer> {
    ctx.require(Capability::CustomersEditBilling)?;
    let Ctx { db, me, actor, .. } = ctx;
    let (email, address, tax) = (
        b.billing_email.trim(),
        b.billing_address.trim(),
        b.tax_id.trim(),
    );
    if !email.is_empty() {
        if let Some(p) = crate::users::email_problem(email) {
            return Err(AppError::invalid("billing_email", p));
        }
    }
    if address.chars().count() > 300 || tax.chars().count() > 64 {
        return Err(AppError::invalid(
            "billing_address",
            "Use at most 300 characters (64 for the tax ID).",
        ));
    }
    update_row(
        db,
        me,
        actor,
        customer_id,
        version,
        Operation::CustomerBillingUpdated,
        "billing_email = $1, billing_address = $2, tax_id = $3",
        vec![email.into(), address.into(), tax.into()],
        |r| {
            diff(&[
                ("billing email", &r.billing_email, email),
                ("billing address", &r.billing_address, address),
                ("tax ID", &r.tax_id, tax),
            ])
        },
    )
    .await
}

/// A request a partner makes about a customer; its status column goes from
/// "none" to "requested".
#[derive(Debug, Clone, Copy)]
pub enum CustomerRequest {
    /// A reseller relationship.
    Relationship,
    /// Delegated admin privileges.
    DelegatedAdmin,
}

impl CustomerRequest {
    /// The capability that files this request.
    pub fn capability(self) -> Capability {
        match self {
            CustomerRequest::Relationship => Capability::CustomersRequestRelationship,
            CustomerRequest::DelegatedAdmin => Capability::DelegatedAdminRequest,
        }
    }
}

/// `CustomersView`: the id of the customer with this id or domain (the
/// command line names customers either way).
#[tracing::instrument(skip_all, fields(org = %ctx.org_id()))]
pub async fn find(ctx: &Ctx, id_or_domain: &str) -> AppResult<String> {
    ctx.require(Capability::CustomersView)?;
    sqlx::query_scalar(
        "select customer_id from customer where org_id = $1 and (customer_id = $2 or domain = $2)",
    )
    .bind(ctx.org_id())
    .bind(id_or_domain.trim().to_lowercase())
    .fetch_optional(&ctx.db)
    .await?
    .ok_or_else(|| AppError::not_found("The customer"))
}

/// Files a request (relationship or delegated admin); a request already
/// made changes nothing.
#[tracing::instrument(skip_all, fields(org = %ctx.org_id()))]
pub async fn request(
    ctx: &Ctx,
    customer_id: &str,
    version: i64,
    kind: CustomerRequest,
) -> AppResult<Customer> {
    ctx.require(kind.capability())?;
    let Ctx { db, me, actor, .. } = ctx;
    let (operation, set_sql, field) = match kind {
        CustomerRequest::Relationship => (
            Operation::RelationshipRequested,
            "relationship_status = $1",
            "relationship",
        ),
        CustomerRequest::DelegatedAdmin => (
            Operation::DelegatedAdminRequested,
            "delegated_admin_status = $1",
            "delegated admin",
        ),
    };
    update_row(
        db,
        me,
        actor,
        customer_id,
        version,
        operation,
        set_sql,
        vec!["requested".into()],
        |r| {
            let status = match kind {
                CustomerRequest::Relationship => &r.relationship_status,
                CustomerRequest::DelegatedAdmin => &r.delegated_admin_status,
            };
            match status.as_str() {
                "none" => diff(&[(field, "none", "requested")]),
                _ => Vec::new(),
            }
        },
    )
    .await
}

/// Records the date the customer accepted the customer agreement
/// (`YYYY-MM-DD`, UTC).
#[tracing::instrument(skip_all, fields(org = %ctx.org_id()))]
pub async fn record_agreement(
    ctx: &Ctx,
    customer_id: &str,
    version: i64,
    accepted_on: &str,
) -> AppResult<Customer> {
    ctx.require(Capability::CustomersRecordAgreement)?;
    let Ctx { db, me, actor, .. } = ctx;
    let at = crate::time::parse_date(accepted_on).ok_or_else(|| {
        AppError::invalid("accepted_on", "Enter the acceptance date as YYYY-MM-DD.")
    })?;
    if at > now_millis() {
        return Err(AppError::invalid(
            "accepted_on",
            "The acceptance date can't be in the future.",
        ));
    }
    let mut work = Work::begin(db, actor).await?;
    let row = load(work.conn(), &me.org_id, customer_id).await?;
    if row.version != version {
        return Err(stale());
    }
    sqlx::query(
        "update customer set agreement_accepted_at = $1, version = version + 1
         where customer_id = $2 and org_id = $3 and version = $4",
    )
    .bind(at)
    .bind(customer_id)
    .bind(&me.org_id)
    .bind(version)
    .execute(work.conn())
    .await?;
    let before = row.agreement_accepted_at.map(crate::time::format_millis);
    work.record(Entry::customer(
        Operation::AgreementRecorded,
        customer_id,
        "customer",
        customer_id,
        &row.name,
        vec![FieldChange::new(
            "agreement accepted",
            before,
            Some(crate::time::format_millis(at)),
        )],
    ));
    let updated = load(work.conn(), &me.org_id, customer_id).await?;
    work.commit().await?;
    Ok(updated.into_customer(me))
}
