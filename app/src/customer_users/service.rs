//! Customer user rows and licences.

use super::{
    alias_problem, CreatedCustomerUser, CustomerUser, CustomerUserPage, CustomerUserQuery,
    HeldLicence, LicenceChange, NewCustomerUser, RestoreOutcome, CUSTOMER_ADMIN_ROLES,
    CUSTOMER_USER_PAGE_SIZE, RESTORE_DAYS,
};
use crate::access::Capability;
use crate::activity::service::{like, Actor, Entry, Work};
use crate::activity::{FieldChange, Operation};
use crate::auth::secrets;
use crate::customers::service::{require_customer, subscriptions_on};
use crate::db::{new_id, now_millis, Db};
use crate::error::{AppError, AppResult, FieldErrors};
use crate::request::Ctx;
use sqlx::AnyConnection;
use std::collections::{BTreeMap, HashMap};

const DAY_MS: i64 = 86_400_000;

#[derive(sqlx::FromRow)]
struct UserRow {
    customer_user_id: String,
    first_name: String,
    last_name: String,
    display_name: String,
    user_name: String,
    admin_role: String,
    status: String,
    deleted_at: Option<i64>,
}

/// `$k, $k+1, …` for `n` values starting at placeholder `k`.
fn placeholders(start: usize, n: usize) -> String {
    (start..start + n)
        .map(|i| format!("${i}"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// Licences of the given users: held ones for active users, released ones
/// (kept for a restore) for deleted users.
async fn licences_of(
    conn: &mut AnyConnection,
    ids: &[String],
) -> AppResult<HashMap<String, Vec<HeldLicence>>> {
    let mut out: HashMap<String, Vec<HeldLicence>> = HashMap::new();
    for chunk in ids.chunks(500) {
        let sql = format!(
            "select l.customer_user_id, l.subscription_id, s.product from licence l
             join subscription s on s.subscription_id = l.subscription_id
             join customer_user u on u.customer_user_id = l.customer_user_id
             where l.customer_user_id in ({})
               and l.released = case when u.status = 'deleted' then 1 else 0 end
             order by s.product",
            placeholders(1, chunk.len())
        );
        let mut q = sqlx::query_as::<_, (String, String, String)>(&sql);
        for id in chunk {
            q = q.bind(id);
        }
        for (user, subscription_id, product) in q.fetch_all(&mut *conn).await? {
            out.entry(user).or_default().push(HeldLicence {
                subscription_id,
                product,
            });
        }
    }
    Ok(out)
}

fn into_user(r: UserRow, licences: &mut HashMap<String, Vec<HeldLicence>>) -> CustomerUser {
    let held = licences.remove(&r.customer_user_id).unwrap_or_default();
    CustomerUser {
        customer_user_id: r.customer_user_id,
        first_name: r.first_name,
        last_name: r.last_name,
        display_name: r.display_name,
        user_name: r.user_name,
        admin_role: r.admin_role,
        status: r.status,
        deleted_at: r.deleted_at,
        licences: held,
    }
}

const COLUMNS: &str =
    "u.customer_user_id, u.first_name, u.last_name, u.display_name, u.user_name, u.admin_role, u.status, u.deleted_at";

/// A page of a customer's users ("Users and licences", or the deleted tab).
pub async fn list(ctx: &Ctx, q: &CustomerUserQuery) -> AppResult<CustomerUserPage> {
    ctx.require(Capability::CustomerUsersManage)?;
    let Ctx { db, me, .. } = ctx;
    let mut conn = db.acquire().await?;
    require_customer(&mut conn, &me.org_id, &q.customer_id).await?;
    let mut clause = String::from("where u.customer_id = $1 and u.status = $2");
    let mut args = vec![
        q.customer_id.clone(),
        if q.deleted { "deleted" } else { "active" }.to_string(),
    ];
    if !q.search.trim().is_empty() {
        args.push(like(&q.search));
        let n = args.len();
        clause.push_str(&format!(
            " and (lower(u.display_name) like ${n} escape '\\' or u.user_name_lower like ${n} escape '\\')"
        ));
    }
    match q.licence.as_str() {
        "" => {}
        "none" => clause.push_str(
            " and not exists (select 1 from licence l where l.customer_user_id = u.customer_user_id and l.released = 0)",
        ),
        sub => {
            args.push(sub.to_string());
            let n = args.len();
            clause.push_str(&format!(
                " and exists (select 1 from licence l where l.customer_user_id = u.customer_user_id
                   and l.released = 0 and l.subscription_id = ${n})"
            ));
        }
    }
    let count_sql = format!("select count(*) from customer_user u {clause}");
    let mut count = sqlx::query_scalar::<_, i64>(&count_sql);
    for a in &args {
        count = count.bind(a);
    }
    let total: i64 = count.fetch_one(&mut *conn).await?;
    let deleted_count: i64 = sqlx::query_scalar(
        "select count(*) from customer_user where customer_id = $1 and status = 'deleted'",
    )
    .bind(&q.customer_id)
    .fetch_one(&mut *conn)
    .await?;
    let sql = format!(
        "select {COLUMNS} from customer_user u {clause} order by lower(u.display_name), u.customer_user_id
         limit {CUSTOMER_USER_PAGE_SIZE} offset {}",
        u64::from(q.page) * u64::from(CUSTOMER_USER_PAGE_SIZE)
    );
    let mut query = sqlx::query_as::<_, UserRow>(&sql);
    for a in &args {
        query = query.bind(a);
    }
    let rows = query.fetch_all(&mut *conn).await?;
    let ids: Vec<String> = rows.iter().map(|r| r.customer_user_id.clone()).collect();
    let mut licences = licences_of(&mut conn, &ids).await?;
    Ok(CustomerUserPage {
        users: rows
            .into_iter()
            .map(|r| into_user(r, &mut licences))
            .collect(),
        total,
        deleted_count,
        page: q.page,
        page_size: CUSTOMER_USER_PAGE_SIZE,
    })
}

/// Checks a new user's fields; the messages name each field.
pub fn check_new(new: &NewCustomerUser) -> FieldErrors {
    let mut errors = FieldErrors::new();
    for (field, value, label) in [
        ("first_name", &new.first_name, "first name"),
        ("last_name", &new.last_name, "last name"),
        ("display_name", &new.display_name, "display name"),
    ] {
        let n = value.trim().chars().count();
        if n == 0 || n > 100 {
            errors.insert(
                field.into(),
                vec![format!("Enter the {label} (1 to 100 characters).")],
            );
        }
    }
    if let Some(p) = alias_problem(&new.alias) {
        errors.insert("alias".into(), vec![p.into()]);
    }
    let role = if new.admin_role.is_empty() {
        "none"
    } else {
        new.admin_role.as_str()
    };
    if !CUSTOMER_ADMIN_ROLES.iter().any(|(k, _)| *k == role) {
        errors.insert(
            "admin_role".into(),
            vec!["Choose an admin role from the list.".into()],
        );
    }
    errors
}

/// Takes one seat of each subscription for each user, inside `work`;
/// refuses, naming the product and the shortfall, when seats run out.
async fn assign(
    work: &mut Work,
    customer_id: &str,
    user_ids: &[String],
    subscription_ids: &[String],
) -> AppResult<Vec<String>> {
    let subs = subscriptions_on(work.conn(), customer_id).await?;
    let mut products = Vec::new();
    for sid in subscription_ids {
        let sub = subs
            .iter()
            .find(|s| &s.subscription_id == sid)
            .ok_or_else(|| {
                AppError::invalid(
                    "licences",
                    "Choose licences from this customer's subscriptions.",
                )
            })?;
        // Users who don't hold it yet (a released row of a deleted user is not "held").
        let mut needed = Vec::new();
        for uid in user_ids {
            let held: i64 = sqlx::query_scalar(
                "select count(*) from licence where customer_user_id = $1 and subscription_id = $2 and released = 0",
            )
            .bind(uid)
            .bind(sid)
            .fetch_one(work.conn())
            .await?;
            if held == 0 {
                needed.push(uid);
            }
        }
        let available = sub.available();
        if needed.len() as i64 > available {
            return Err(AppError::invalid(
                "licences",
                format!(
                    "Not enough seats of {}: {} needed, {} available ({} short).",
                    sub.product,
                    needed.len(),
                    available,
                    needed.len() as i64 - available
                ),
            ));
        }
        for uid in needed {
            sqlx::query("delete from licence where customer_user_id = $1 and subscription_id = $2")
                .bind(uid)
                .bind(sid)
                .execute(work.conn())
                .await?;
            sqlx::query(
                "insert into licence (customer_user_id, subscription_id, released, assigned_at) values ($1, $2, 0, $3)",
            )
            .bind(uid)
            .bind(sid)
            .bind(now_millis())
            .execute(work.conn())
            .await?;
        }
        products.push(sub.product.clone());
    }
    Ok(products)
}

async fn load_users(
    conn: &mut AnyConnection,
    org_id: &str,
    customer_id: &str,
    ids: &[String],
) -> AppResult<Vec<UserRow>> {
    if ids.is_empty() {
        return Err(AppError::invalid("users", "Select at least one user."));
    }
    let mut rows = Vec::new();
    for chunk in ids.chunks(500) {
        let sql = format!(
            "select {COLUMNS} from customer_user u where u.org_id = $1 and u.customer_id = $2
               and u.customer_user_id in ({}) order by lower(u.display_name), u.customer_user_id",
            placeholders(3, chunk.len())
        );
        let mut q = sqlx::query_as::<_, UserRow>(&sql)
            .bind(org_id)
            .bind(customer_id);
        for id in chunk {
            q = q.bind(id);
        }
        rows.extend(q.fetch_all(&mut *conn).await?);
    }
    if rows.len() != ids.iter().collect::<std::collections::BTreeSet<_>>().len() {
        return Err(AppError::not_found("One of the selected users"));
    }
    Ok(rows)
}

/// Creates a customer user with a temporary password (shown once) and licences.
pub async fn create(
    ctx: &Ctx,
    customer_id: &str,
    new: &NewCustomerUser,
) -> AppResult<CreatedCustomerUser> {
    ctx.require(Capability::CustomerUsersManage)?;
    let Ctx { db, me, actor, .. } = ctx;
    let mut work = Work::begin(db, actor).await?;
    let (_, domain) = require_customer(work.conn(), &me.org_id, customer_id).await?;
    let errors = check_new(new);
    if !errors.is_empty() {
        return Err(AppError::Validation(errors));
    }
    let user_name = format!("{}@{domain}", new.alias.trim());
    // A taken user name is refused by the unique index (409).
    let key = secrets::server_key_conn(work.conn()).await?;
    let temporary = secrets::new_temporary_password();
    let id = new_id();
    let role = if new.admin_role.is_empty() {
        "none"
    } else {
        new.admin_role.as_str()
    };
    sqlx::query(
        "insert into customer_user (customer_user_id, org_id, customer_id, first_name, last_name, display_name,
             user_name, user_name_lower, admin_role, password_hash, must_change_password, status, created_at)
         values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, 1, 'active', $11)",
    )
    .bind(&id)
    .bind(&me.org_id)
    .bind(customer_id)
    .bind(new.first_name.trim())
    .bind(new.last_name.trim())
    .bind(new.display_name.trim())
    .bind(&user_name)
    .bind(user_name.to_lowercase())
    .bind(role)
    .bind(secrets::keyed_hash(&key, &temporary))
    .bind(now_millis())
    .execute(work.conn())
    .await?;
    let products = assign(
        &mut work,
        customer_id,
        std::slice::from_ref(&id),
        &new.licences,
    )
    .await?;
    let mut changes = vec![
        FieldChange::new("user name", None, Some(user_name.clone())),
        FieldChange::new("display name", None, Some(new.display_name.trim().into())),
        FieldChange::new(
            "admin role",
            None,
            Some(super::customer_admin_label(role).into()),
        ),
        FieldChange::secret("temporary password"),
    ];
    if !products.is_empty() {
        changes.push(FieldChange::new(
            "licences",
            None,
            Some(products.join(", ")),
        ));
    }
    work.record(Entry::customer(
        Operation::CustomerUserCreated,
        customer_id,
        "customer-user",
        &id,
        new.display_name.trim(),
        changes,
    ));
    let mut rows = load_users(
        work.conn(),
        &me.org_id,
        customer_id,
        std::slice::from_ref(&id),
    )
    .await?;
    let mut licences = licences_of(work.conn(), std::slice::from_ref(&id)).await?;
    work.commit().await?;
    let row = rows.pop().ok_or(AppError::Internal)?;
    Ok(CreatedCustomerUser {
        user: into_user(row, &mut licences),
        temporary_password: temporary,
    })
}

/// "Manage licences": adds and removes licences for several users in one step.
pub async fn manage_licences(ctx: &Ctx, change: &LicenceChange) -> AppResult<()> {
    ctx.require(Capability::CustomerUsersManage)?;
    let Ctx { db, me, actor, .. } = ctx;
    if change.add.iter().any(|a| change.remove.contains(a)) {
        return Err(AppError::invalid(
            "licences",
            "A licence can't be both added and removed.",
        ));
    }
    let mut work = Work::begin(db, actor).await?;
    require_customer(work.conn(), &me.org_id, &change.customer_id).await?;
    let rows = load_users(
        work.conn(),
        &me.org_id,
        &change.customer_id,
        &change.user_ids,
    )
    .await?;
    if rows.iter().any(|r| r.status != "active") {
        return Err(AppError::invalid(
            "users",
            "Deleted users can't get licences; restore them first.",
        ));
    }
    let subs = subscriptions_on(work.conn(), &change.customer_id).await?;
    let product = |sid: &String| {
        subs.iter()
            .find(|s| &s.subscription_id == sid)
            .map(|s| s.product.clone())
    };
    let mut removed = Vec::new();
    for sid in &change.remove {
        let name = product(sid).ok_or_else(|| {
            AppError::invalid(
                "licences",
                "Choose licences from this customer's subscriptions.",
            )
        })?;
        for r in &rows {
            sqlx::query("delete from licence where customer_user_id = $1 and subscription_id = $2")
                .bind(&r.customer_user_id)
                .bind(sid)
                .execute(work.conn())
                .await?;
        }
        removed.push(name);
    }
    let ids: Vec<String> = rows.iter().map(|r| r.customer_user_id.clone()).collect();
    let added = assign(&mut work, &change.customer_id, &ids, &change.add).await?;
    let mut changes = Vec::new();
    if !added.is_empty() {
        changes.push(FieldChange::new(
            "licences added",
            None,
            Some(added.join(", ")),
        ));
    }
    if !removed.is_empty() {
        changes.push(FieldChange::new(
            "licences removed",
            Some(removed.join(", ")),
            None,
        ));
    }
    if changes.is_empty() {
        return Ok(());
    }
    for r in &rows {
        work.record(Entry::customer(
            Operation::CustomerUserLicencesChanged,
            &change.customer_id,
            "customer-user",
            &r.customer_user_id,
            &r.display_name,
            changes.clone(),
        ));
    }
    work.commit().await
}

/// A new temporary password for a customer user, shown once.
pub async fn reset_password(ctx: &Ctx, customer_id: &str, user_id: &str) -> AppResult<String> {
    ctx.require(Capability::CustomerUsersManage)?;
    let Ctx { db, me, actor, .. } = ctx;
    let mut work = Work::begin(db, actor).await?;
    require_customer(work.conn(), &me.org_id, customer_id).await?;
    let rows = load_users(work.conn(), &me.org_id, customer_id, &[user_id.to_string()]).await?;
    let row = rows.first().ok_or(AppError::Internal)?;
    if row.status != "active" {
        return Err(AppError::invalid(
            "users",
            "Restore the user before resetting the password.",
        ));
    }
    let key = secrets::server_key_conn(work.conn()).await?;
    let temporary = secrets::new_temporary_password();
    sqlx::query(
        "update customer_user set password_hash = $1, must_change_password = 1, version = version + 1
         where customer_user_id = $2",
    )
    .bind(secrets::keyed_hash(&key, &temporary))
    .bind(user_id)
    .execute(work.conn())
    .await?;
    work.record(Entry::customer(
        Operation::CustomerUserPasswordReset,
        customer_id,
        "customer-user",
        user_id,
        &row.display_name,
        vec![FieldChange::secret("password")],
    ));
    work.commit().await?;
    Ok(temporary)
}

/// Deletes users: they move to the "Deleted users" tab and their seats are
/// freed; the licences are remembered for a restore.
pub async fn delete(ctx: &Ctx, customer_id: &str, user_ids: &[String]) -> AppResult<usize> {
    ctx.require(Capability::CustomerUsersManage)?;
    let Ctx { db, me, actor, .. } = ctx;
    let mut work = Work::begin(db, actor).await?;
    require_customer(work.conn(), &me.org_id, customer_id).await?;
    let rows = load_users(work.conn(), &me.org_id, customer_id, user_ids).await?;
    let now = now_millis();
    let mut done = 0;
    for r in rows.iter().filter(|r| r.status == "active") {
        sqlx::query("update customer_user set status = 'deleted', deleted_at = $1, version = version + 1 where customer_user_id = $2")
            .bind(now)
            .bind(&r.customer_user_id)
            .execute(work.conn())
            .await?;
        sqlx::query("update licence set released = 1 where customer_user_id = $1")
            .bind(&r.customer_user_id)
            .execute(work.conn())
            .await?;
        work.record(Entry::customer(
            Operation::CustomerUserDeleted,
            customer_id,
            "customer-user",
            &r.customer_user_id,
            &r.display_name,
            vec![FieldChange::new(
                "status",
                Some("active".into()),
                Some("deleted".into()),
            )],
        ));
        done += 1;
    }
    if done == 0 {
        return Err(AppError::invalid(
            "users",
            "The selected users are already deleted.",
        ));
    }
    work.commit().await?;
    Ok(done)
}

/// Restores deleted users (within 30 days) with each previous licence whose
/// subscription still has a free seat; reports the ones that could not come back.
pub async fn restore(
    ctx: &Ctx,
    customer_id: &str,
    user_ids: &[String],
) -> AppResult<RestoreOutcome> {
    ctx.require(Capability::CustomerUsersManage)?;
    let Ctx { db, me, actor, .. } = ctx;
    let mut work = Work::begin(db, actor).await?;
    require_customer(work.conn(), &me.org_id, customer_id).await?;
    let rows = load_users(work.conn(), &me.org_id, customer_id, user_ids).await?;
    let cutoff = now_millis() - RESTORE_DAYS * DAY_MS;
    let mut outcome = RestoreOutcome::default();
    for r in &rows {
        if r.status != "deleted" {
            continue;
        }
        if r.deleted_at.unwrap_or(0) < cutoff {
            return Err(AppError::invalid(
                "users",
                format!(
                    "{} was deleted more than {RESTORE_DAYS} days ago and can't be restored.",
                    r.display_name
                ),
            ));
        }
        sqlx::query("update customer_user set status = 'active', deleted_at = null, version = version + 1 where customer_user_id = $1")
            .bind(&r.customer_user_id)
            .execute(work.conn())
            .await?;
        let previous: Vec<(String, String)> = sqlx::query_as(
            "select l.subscription_id, s.product from licence l join subscription s on s.subscription_id = l.subscription_id
             where l.customer_user_id = $1 and l.released = 1 order by s.product",
        )
        .bind(&r.customer_user_id)
        .fetch_all(work.conn())
        .await?;
        let mut back = Vec::new();
        for (sid, product) in previous {
            let subs = subscriptions_on(work.conn(), customer_id).await?;
            let free = subs
                .iter()
                .find(|s| s.subscription_id == sid)
                .map(|s| s.available())
                .unwrap_or(0);
            if free > 0 {
                sqlx::query("update licence set released = 0 where customer_user_id = $1 and subscription_id = $2")
                    .bind(&r.customer_user_id)
                    .bind(&sid)
                    .execute(work.conn())
                    .await?;
                back.push(product);
            } else {
                sqlx::query(
                    "delete from licence where customer_user_id = $1 and subscription_id = $2",
                )
                .bind(&r.customer_user_id)
                .bind(&sid)
                .execute(work.conn())
                .await?;
                outcome
                    .licences_not_restored
                    .push(format!("{}: {product}", r.display_name));
            }
        }
        let mut changes = vec![FieldChange::new(
            "status",
            Some("deleted".into()),
            Some("active".into()),
        )];
        if !back.is_empty() {
            changes.push(FieldChange::new(
                "licences restored",
                None,
                Some(back.join(", ")),
            ));
        }
        work.record(Entry::customer(
            Operation::CustomerUserRestored,
            customer_id,
            "customer-user",
            &r.customer_user_id,
            &r.display_name,
            changes,
        ));
        outcome.restored.push(r.display_name.clone());
    }
    if outcome.restored.is_empty() {
        return Err(AppError::invalid(
            "users",
            "Select deleted users to restore.",
        ));
    }
    work.commit().await?;
    Ok(outcome)
}

/// Removes for good every user deleted more than 30 days before `now`, in
/// every organization (the CLI `purge-deleted` and the server's daily task).
pub async fn purge_expired(db: &Db, now: i64) -> AppResult<usize> {
    let cutoff = now - RESTORE_DAYS * DAY_MS;
    let rows: Vec<(String, String, String, String)> = sqlx::query_as(
        "select org_id, customer_id, customer_user_id, display_name from customer_user
         where status = 'deleted' and deleted_at < $1 order by org_id",
    )
    .bind(cutoff)
    .fetch_all(db)
    .await?;
    let mut by_org: BTreeMap<String, Vec<(String, String, String)>> = BTreeMap::new();
    for (org, customer, user, name) in rows {
        by_org.entry(org).or_default().push((customer, user, name));
    }
    let mut purged = 0;
    for (org, users) in by_org {
        let mut work = Work::begin(db, &Actor::operator(&org)).await?;
        for (customer, user, name) in users {
            sqlx::query("delete from licence where customer_user_id = $1")
                .bind(&user)
                .execute(work.conn())
                .await?;
            sqlx::query("delete from customer_user where customer_user_id = $1")
                .bind(&user)
                .execute(work.conn())
                .await?;
            work.record(Entry::customer(
                Operation::CustomerUserPurged,
                &customer,
                "customer-user",
                &user,
                &name,
                vec![],
            ));
            purged += 1;
        }
        work.commit().await?;
    }
    Ok(purged)
}

/// Every user of a customer (active and deleted) as CSV, cells defused for
/// spreadsheets.
pub async fn export_csv(ctx: &Ctx, customer_id: &str) -> AppResult<String> {
    ctx.require(Capability::CustomerUsersManage)?;
    let Ctx { db, me, .. } = ctx;
    let mut conn = db.acquire().await?;
    require_customer(&mut conn, &me.org_id, customer_id).await?;
    let rows: Vec<UserRow> = sqlx::query_as(&format!(
        "select {COLUMNS} from customer_user u where u.customer_id = $1 order by lower(u.display_name), u.customer_user_id"
    ))
    .bind(customer_id)
    .fetch_all(&mut *conn)
    .await?;
    let ids: Vec<String> = rows.iter().map(|r| r.customer_user_id.clone()).collect();
    let mut licences = licences_of(&mut conn, &ids).await?;
    let mut out =
        String::from("First name,Last name,Display name,Email,Licences,Admin role,Status\r\n");
    for r in rows {
        let u = into_user(r, &mut licences);
        let products: Vec<String> = u.licences.iter().map(|l| l.product.clone()).collect();
        let cells = [
            u.first_name,
            u.last_name,
            u.display_name,
            u.user_name,
            products.join("; "),
            super::customer_admin_label(&u.admin_role).to_string(),
            u.status,
        ];
        let line: Vec<String> = cells.iter().map(|c| crate::csv::cell(c)).collect();
        out.push_str(&line.join(","));
        out.push_str("\r\n");
    }
    Ok(out)
}
