//! Reading customer users: the paged list.

use super::super::{CustomerUserPage, CustomerUserQuery, CUSTOMER_USER_PAGE_SIZE};
use super::*;
use crate::access::Capability;
use crate::customer_users::CustomerUserStatus;
use crate::customers::service::require_customer;
use crate::db::like;
use crate::error::AppResult;
use crate::request::Ctx;

/// The number of a customer's users in a status, as the database keeps it.
async fn kept_count(
    conn: &mut sqlx::AnyConnection,
    customer_id: &str,
    status: CustomerUserStatus,
) -> AppResult<i64> {
    let n: Option<i64> = sqlx::query_scalar(
        "select cast(n as bigint) from customer_user_count where customer_id = $1 and status = $2",
    )
    .bind(customer_id)
    .bind(status.key())
    .fetch_optional(&mut *conn)
    .await?;
    Ok(n.unwrap_or(0))
}

/// A page of a customer's users ("Users and licences", or the deleted tab).
#[tracing::instrument(skip_all, fields(org = %ctx.org_id()))]
pub async fn list(ctx: &Ctx, q: &CustomerUserQuery) -> AppResult<CustomerUserPage> {
    ctx.require(Capability::CustomerUsersManage)?;
    let Ctx { db, me, .. } = ctx;
    let mut conn = db.acquire().await?;
    require_customer(&mut conn, &me.org_id, &q.customer_id).await?;
    let mut clause = String::from("where u.customer_id = $1 and u.status = $2");
    let mut args = vec![
        q.customer_id.clone(),
        if q.deleted {
            CustomerUserStatus::Deleted
        } else {
            CustomerUserStatus::Active
        }
        .key()
        .to_string(),
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
        // A deleted user's licences are the ones released with them, as the
        // rows show them (`licences_of`).
        "none" => clause.push_str(
            " and not exists (select 1 from licence l where l.customer_user_id = u.customer_user_id
               and l.released = case when u.status = 'deleted' then 1 else 0 end)",
        ),
        sub => {
            args.push(sub.to_string());
            let n = args.len();
            clause.push_str(&format!(
                " and exists (select 1 from licence l where l.customer_user_id = u.customer_user_id
                   and l.released = case when u.status = 'deleted' then 1 else 0 end
                   and l.subscription_id = ${n})"
            ));
        }
    }
    // Unfiltered totals come from the counts the database keeps
    // (`customer_user_count`, migration 0021): one lookup whatever the size.
    let deleted_count = kept_count(&mut conn, &q.customer_id, CustomerUserStatus::Deleted).await?;
    let narrowed = !q.search.trim().is_empty() || !q.licence.is_empty();
    let total = if narrowed {
        let count_sql = format!("select count(*) from customer_user u {clause}");
        let mut count = sqlx::query_scalar::<_, i64>(&count_sql);
        for a in &args {
            count = count.bind(a);
        }
        count.fetch_one(&mut *conn).await?
    } else if q.deleted {
        deleted_count
    } else {
        kept_count(&mut conn, &q.customer_id, CustomerUserStatus::Active).await?
    };
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
