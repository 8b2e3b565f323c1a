//! The CSV export of a customer's users, in parts: the browser follows
//! them ([`ExportStep`]s streamed, with Cancel), the API gets the whole
//! file. Parts are read by keyset on the list's index, in one read
//! transaction, so the file is one moment's state and each part costs the
//! same however large the customer.

use super::*;
use crate::access::Capability;
use crate::csv::export::{stream, Collected, ExportStep, Parts, EXPORT_STEP};
use crate::customers::service::require_customer;
use leptos::server_fn::codec::TextStream;

/// The export's header line.
const HEADER: &str = "First name,Last name,Display name,Email,Licences,Admin role,Status\r\n";

/// A row of the export, with the key the next part starts after.
#[derive(sqlx::FromRow)]
struct ExportRow {
    #[sqlx(flatten)]
    user: UserRow,
    sort_name: String,
}

/// Sends the customer's users as CSV to `send`: `Started` with the number
/// of rows, then parts of [`EXPORT_STEP`] rows (the first with the header;
/// active users, then deleted ones, each by name).
#[tracing::instrument(skip_all, fields(org = %ctx.org_id()))]
pub async fn export_parts(
    ctx: &Ctx,
    customer_id: &str,
    send: &(dyn Fn(ExportStep) + Sync),
) -> AppResult<()> {
    ctx.require(Capability::CustomerUsersManage)?;
    let mut tx = ctx.db.begin().await?;
    require_customer(&mut tx, ctx.org_id(), customer_id).await?;
    let total: i64 =
        sqlx::query_scalar("select count(*) from customer_user where customer_id = $1")
            .bind(customer_id)
            .fetch_one(&mut *tx)
            .await?;
    let mut parts = Parts::start(HEADER, total, send);
    let select = format!("select {COLUMNS}, lower(u.display_name) as sort_name from customer_user u where u.customer_id = $1");
    let order =
        format!("order by u.status, lower(u.display_name), u.customer_user_id limit {EXPORT_STEP}");
    let mut after: Option<(String, String, String)> = None;
    loop {
        let page: Vec<ExportRow> = match &after {
            None => {
                sqlx::query_as(&format!("{select} {order}"))
                    .bind(customer_id)
                    .fetch_all(&mut *tx)
                    .await?
            }
            Some((status, name, id)) => {
                sqlx::query_as(&format!(
                    "{select} and (u.status, lower(u.display_name), u.customer_user_id) > ($2, $3, $4) {order}"
                ))
                .bind(customer_id)
                .bind(status)
                .bind(name)
                .bind(id)
                .fetch_all(&mut *tx)
                .await?
            }
        };
        let Some(last) = page.last() else { break };
        after = Some((
            last.user.status.clone(),
            last.sort_name.clone(),
            last.user.customer_user_id.clone(),
        ));
        let ids: Vec<String> = page
            .iter()
            .map(|r| r.user.customer_user_id.clone())
            .collect();
        let mut licences = licences_of(&mut tx, &ids).await?;
        let full = page.len() == EXPORT_STEP;
        for r in page {
            parts.row(&cells(into_user(r.user, &mut licences)));
        }
        parts.part();
        if !full {
            break;
        }
    }
    parts.finish();
    tx.commit().await?;
    Ok(())
}

fn cells(u: CustomerUser) -> [String; 7] {
    let products: Vec<String> = u.licences.iter().map(|l| l.product.clone()).collect();
    [
        u.first_name,
        u.last_name,
        u.display_name,
        u.user_name,
        products.join("; "),
        u.admin_role.label().to_string(),
        u.status.key().to_string(),
    ]
}

/// The customer's users as one CSV text (the API's export).
pub async fn export_csv(ctx: &Ctx, customer_id: &str) -> AppResult<String> {
    let file = Collected::default();
    export_parts(ctx, customer_id, &|step| file.send(step)).await?;
    file.into_text()
}

/// The export as the browser follows it: the steps, streamed. The
/// capability and the customer are checked first, so that a refusal is the
/// answer's status.
pub async fn export_steps(ctx: Ctx, customer_id: String) -> AppResult<TextStream<AppError>> {
    ctx.require(Capability::CustomerUsersManage)?;
    let mut conn = ctx.db.acquire().await?;
    require_customer(&mut conn, ctx.org_id(), &customer_id).await?;
    drop(conn);
    Ok(stream(move |to| async move {
        export_parts(&ctx, &customer_id, &|step| to.send(step)).await
    }))
}
