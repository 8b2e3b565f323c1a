//! Earnings reports: what the programs paid each enrolment per month.

use super::or_conflict;
use crate::access::Capability;
use crate::activity::service::{Actor, Target, Work};
use crate::activity::{FieldChange, Operation};
use crate::db::{new_id, now_millis, Backend, Db, Statement};
use crate::error::{AppError, AppResult};
use crate::incentives::{
    decimal_amount, format_amount, valid_month, CurrencyTotal, EarningLine, IncentiveReport,
    ReportQuery,
};
use crate::request::Ctx;

/// The most lines a report shows (newest months first); totals and the CSV
/// cover every line.
pub const REPORT_LINES: i64 = 5000;

/// The filter of a report: the caller's organization, the months asked
/// for, and only the enrolments whose contact is the caller unless they
/// may see all (`IncentivesReportsViewAll`).
fn filter(ctx: &Ctx, q: &ReportQuery) -> AppResult<(Statement, bool)> {
    ctx.require_any(&[
        Capability::IncentivesReportsView,
        Capability::IncentivesReportsViewAll,
    ])?;
    for (field, month) in [("from", &q.from), ("to", &q.to)] {
        if !month.is_empty() && !valid_month(month) {
            return Err(AppError::invalid(
                field,
                crate::msg!("incentives-month-format-example"),
            ));
        }
    }
    if !q.from.is_empty() && !q.to.is_empty() && q.from > q.to {
        return Err(AppError::invalid(
            "to",
            crate::msg!("incentives-months-reversed"),
        ));
    }
    let all = ctx.me.can(Capability::IncentivesReportsViewAll);
    let mut st = Statement::new(Backend::of(&ctx.db));
    st.push(
        " from incentive_earning x
          join incentive_enrolment e on e.enrolment_id = x.enrolment_id
          join incentive_program p on p.program_id = e.program_id
          join app_user u on u.user_id = e.contact_user_id
         where x.org_id = ?",
        [ctx.org_id()],
    );
    if !all {
        st.push(" and e.contact_user_id = ?", [ctx.me.user_id.as_str()]);
    }
    if !q.from.is_empty() {
        st.push(" and x.month >= ?", [q.from.as_str()]);
    }
    if !q.to.is_empty() {
        st.push(" and x.month <= ?", [q.to.as_str()]);
    }
    Ok((st, all))
}

type LineRow = (String, String, String, String, String, i64, String);

fn line(
    (enrolment_id, program_name, partner_id, contact_name, month, amount_cents, currency): LineRow,
) -> EarningLine {
    EarningLine {
        enrolment_id,
        program_name,
        partner_id,
        contact_name,
        month,
        amount_cents,
        currency,
    }
}

async fn lines(ctx: &Ctx, mut st: Statement, limit: Option<i64>) -> AppResult<Vec<EarningLine>> {
    let mut sql = String::from(
        "select e.enrolment_id, p.name, e.partner_id, u.display_name, x.month, x.amount_cents,
                x.currency",
    );
    st.push(
        " order by x.month desc, p.name, e.partner_id",
        Vec::<String>::new(),
    );
    if let Some(n) = limit {
        st.push(" limit ?", [n]);
    }
    sql.push_str(st.sql());
    let rows: Vec<LineRow> = sqlx::query_as_with(&sql, st.arguments())
        .fetch_all(&ctx.db)
        .await?;
    Ok(rows.into_iter().map(line).collect())
}

/// The earnings the caller may see, newest month first: all the
/// organization's (`IncentivesReportsViewAll`) or those of the enrolments
/// whose contact is the caller (`IncentivesReportsView`), with the totals
/// per currency.
#[tracing::instrument(skip_all, fields(org = %ctx.org_id()))]
pub async fn report(ctx: &Ctx, q: &ReportQuery) -> AppResult<IncentiveReport> {
    let (st, whole_organization) = filter(ctx, q)?;
    let mut totals_st = st.clone();
    totals_st.push(
        " group by x.currency order by x.currency",
        Vec::<String>::new(),
    );
    // Cast: PostgreSQL's sum of bigints is a numeric.
    let totals_sql = format!(
        "select x.currency, cast(sum(x.amount_cents) as bigint){}",
        totals_st.sql()
    );
    let totals: Vec<(String, i64)> = sqlx::query_as_with(&totals_sql, totals_st.arguments())
        .fetch_all(&ctx.db)
        .await?;
    let lines = lines(ctx, st, Some(REPORT_LINES + 1)).await?;
    let truncated = lines.len() as i64 > REPORT_LINES;
    Ok(IncentiveReport {
        whole_organization,
        lines: lines.into_iter().take(REPORT_LINES as usize).collect(),
        truncated,
        totals: totals
            .into_iter()
            .map(|(currency, amount_cents)| CurrencyTotal {
                currency,
                amount_cents,
            })
            .collect(),
    })
}

/// The same earnings as CSV, every line. Text cells are formula-escaped
/// ([`crate::csv::cell`]); the amount is a plain decimal the server wrote.
#[tracing::instrument(skip_all, fields(org = %ctx.org_id()))]
pub async fn export_csv(ctx: &Ctx, q: &ReportQuery) -> AppResult<String> {
    let (st, _) = filter(ctx, q)?;
    let mut out = String::from("Month,Program,Partner ID,Contact,Amount,Currency\r\n");
    for l in lines(ctx, st, None).await? {
        let cells = [
            crate::csv::cell(&l.month),
            crate::csv::cell(&l.program_name),
            crate::csv::cell(&l.partner_id),
            crate::csv::cell(&l.contact_name),
            decimal_amount(l.amount_cents),
            crate::csv::cell(&l.currency),
        ];
        out.push_str(&cells.join(","));
        out.push_str("\r\n");
    }
    Ok(out)
}

/// Records what a program paid an enrolment for `month`, from the vendor's
/// side (its payout statements; the demo). No server function or API route
/// reaches it: a partner never writes its own earnings. A month is recorded
/// once per enrolment (409 otherwise).
pub async fn record_earning(
    db: &Db,
    enrolment_id: &str,
    month: &str,
    amount_cents: i64,
    currency: &str,
) -> AppResult<()> {
    if !valid_month(month) {
        return Err(AppError::invalid(
            "month",
            crate::msg!("incentives-month-format"),
        ));
    }
    if currency.len() != 3 || !currency.chars().all(|c| c.is_ascii_uppercase()) {
        return Err(AppError::invalid(
            "currency",
            crate::msg!("incentives-currency-code"),
        ));
    }
    let found: Option<(String, String, String)> = sqlx::query_as(
        "select e.org_id, p.name, e.partner_id from incentive_enrolment e
           join incentive_program p on p.program_id = e.program_id
          where e.enrolment_id = $1",
    )
    .bind(enrolment_id)
    .fetch_optional(db)
    .await?;
    let (org_id, program, partner_id) =
        found.ok_or_else(|| AppError::not_found(crate::msg!("incentives-the-enrolment")))?;
    let mut work = Work::begin(db, &Actor::operator(&org_id)).await?;
    sqlx::query(
        "insert into incentive_earning
           (earning_id, org_id, enrolment_id, month, amount_cents, currency, recorded_at)
         values ($1, $2, $3, $4, $5, $6, $7)",
    )
    .bind(new_id())
    .bind(&org_id)
    .bind(enrolment_id)
    .bind(month)
    .bind(amount_cents)
    .bind(currency)
    .bind(now_millis())
    .execute(work.conn())
    .await
    .map_err(|e| {
        or_conflict(e, || AppError::Conflict {
            field: "month".into(),
            message: crate::msg!("incentives-earnings-recorded-already", month = month),
        })
    })?;
    work.record(
        Operation::IncentiveEarningRecorded,
        Target::incentive_enrolment(enrolment_id, &format!("{program} · {partner_id}")),
        vec![FieldChange::new(
            &format!("earnings {month}"),
            None,
            Some(format_amount(amount_cents, currency)),
        )],
    );
    work.commit().await
}
