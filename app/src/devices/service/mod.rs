//! Devices (server only). Everything is scoped to the caller's
//! organization: another organization's customer, device or profile is
//! "not found". Seeing devices needs `DeviceListsAdd` or
//! `DeviceProfilesManage`; uploading a list, `DeviceListsAdd`; profiles,
//! `DeviceProfilesManage`. Each change runs in one unit of work with its
//! activity entry.

mod lists;
mod profiles;
mod rows;

pub use lists::{add_list, validate_list};
pub use profiles::{
    apply_profile, create_profile, delete_profile, get_profile, list_profiles, update_profile,
};

use super::{
    device_name, CustomerDevices, Device, DeviceActions, DeviceCustomer, DeviceList, DeviceQuery,
    DEVICE_PAGE_SIZE,
};
use crate::access::Capability;
use crate::customers::service::require_customer;
use crate::db::like;
use crate::error::AppResult;
use crate::request::Ctx;

/// Who may see devices: those who upload lists and those who apply profiles.
const VIEWERS: &[Capability] = &[Capability::DeviceListsAdd, Capability::DeviceProfilesManage];

/// The organization's customers (searched by name or domain) with their
/// device counts, by name; at most 200.
#[tracing::instrument(skip_all, fields(org = %ctx.org_id()))]
pub async fn list_customers(ctx: &Ctx, search: &str) -> AppResult<Vec<DeviceCustomer>> {
    ctx.require_any(VIEWERS)?;
    let rows: Vec<(String, String, String, i64)> = sqlx::query_as(
        "select c.customer_id, c.name, c.domain, count(d.device_id)
           from customer c left join device d on d.customer_id = c.customer_id
          where c.org_id = $1 and (lower(c.name) like $2 escape '\\' or c.domain like $2 escape '\\')
          group by c.customer_id, c.name, c.domain
          order by lower(c.name), c.customer_id limit 200",
    )
    .bind(ctx.org_id())
    .bind(like(search))
    .fetch_all(&ctx.db)
    .await?;
    Ok(rows
        .into_iter()
        .map(|(customer_id, name, domain, device_count)| DeviceCustomer {
            customer_id,
            name,
            domain,
            device_count,
        })
        .collect())
}

#[derive(sqlx::FromRow)]
struct DeviceRow {
    device_id: String,
    serial_number: String,
    manufacturer: String,
    model: String,
    has_hash: i64,
    list_id: String,
    list_name: String,
    added_at: i64,
    added_by: String,
    profile_id: Option<String>,
    profile_name: Option<String>,
    template: Option<String>,
}

/// A page of a customer's devices (searched by serial number, manufacturer
/// or model, newest list first), with its device lists.
#[tracing::instrument(skip_all, fields(org = %ctx.org_id()))]
pub async fn list_devices(ctx: &Ctx, q: &DeviceQuery) -> AppResult<CustomerDevices> {
    ctx.require_any(VIEWERS)?;
    let mut conn = ctx.db.acquire().await?;
    let (customer_name, domain) = require_customer(&mut conn, ctx.org_id(), &q.customer_id).await?;
    let search = like(&q.search);
    const MATCH: &str = "d.customer_id = $1 and (d.serial_lower like $2 escape '\\'
        or lower(d.manufacturer) like $2 escape '\\' or lower(d.model) like $2 escape '\\')";
    let total: i64 = sqlx::query_scalar(&format!("select count(*) from device d where {MATCH}"))
        .bind(&q.customer_id)
        .bind(&search)
        .fetch_one(&mut *conn)
        .await?;
    let rows: Vec<DeviceRow> = sqlx::query_as(&format!(
        "select d.device_id, d.serial_number, d.manufacturer, d.model,
                case when d.hardware_hash is null then 0 else 1 end as has_hash,
                d.list_id, l.name as list_name, l.added_at, l.added_by,
                d.profile_id, p.name as profile_name, p.device_name_template as template
           from device d
           join device_list l on l.list_id = d.list_id
           left join device_profile p on p.profile_id = d.profile_id
          where {MATCH}
          order by l.added_at desc, d.serial_lower limit {DEVICE_PAGE_SIZE} offset {}",
        u64::from(q.page) * u64::from(DEVICE_PAGE_SIZE)
    ))
    .bind(&q.customer_id)
    .bind(&search)
    .fetch_all(&mut *conn)
    .await?;
    let lists: Vec<(String, String, i64, i64, String)> = sqlx::query_as(
        "select list_id, name, device_count, added_at, added_by from device_list
          where customer_id = $1 order by added_at desc, list_id limit 100",
    )
    .bind(&q.customer_id)
    .fetch_all(&mut *conn)
    .await?;
    let actions = DeviceActions {
        can_apply_profile: ctx.me.can(Capability::DeviceProfilesManage),
    };
    Ok(CustomerDevices {
        customer_id: q.customer_id.clone(),
        customer_name,
        domain,
        devices: rows.into_iter().map(|r| device(r, actions)).collect(),
        total,
        page: q.page,
        page_size: DEVICE_PAGE_SIZE,
        lists: lists
            .into_iter()
            .map(
                |(list_id, name, device_count, added_at, added_by)| DeviceList {
                    list_id,
                    name,
                    device_count,
                    added_at,
                    added_by,
                },
            )
            .collect(),
        can_add_list: ctx.me.can(Capability::DeviceListsAdd),
        can_manage_profiles: actions.can_apply_profile,
    })
}

fn device(r: DeviceRow, actions: DeviceActions) -> Device {
    let device_name = r
        .template
        .as_deref()
        .and_then(|t| device_name(t, &r.serial_number));
    Device {
        device_id: r.device_id,
        serial_number: r.serial_number,
        manufacturer: r.manufacturer,
        model: r.model,
        has_hardware_hash: r.has_hash != 0,
        list_id: r.list_id,
        list_name: r.list_name,
        profile_id: r.profile_id,
        profile_name: r.profile_name,
        device_name,
        added_at: r.added_at,
        added_by: r.added_by,
        actions,
    }
}
