//! Devices: device lists checked row by row and added all or nothing;
//! device profiles with unique names and versions, kept while applied;
//! applying stays inside one customer of one organization.

use crate::helpers::{spawn_app, TestApp};
use app::devices::{service, DeviceQuery, NewDeviceList, NewDeviceProfile, ProfileSettings};
use app::error::AppError;
use app::request::Ctx;
use http::StatusCode;

const HEADER: &str = "Device serial number,Hardware hash,Manufacturer,Model";

fn list(name: &str, rows: &[&str]) -> NewDeviceList {
    NewDeviceList {
        name: name.into(),
        csv: format!("{HEADER}\r\n{}\r\n", rows.join("\r\n")),
    }
}

async fn count(app: &TestApp, sql: &str, customer_id: &str) -> i64 {
    sqlx::query_scalar(sql)
        .bind(customer_id)
        .fetch_one(&app.db)
        .await
        .expect("count")
}

async fn devices_of(app: &TestApp, customer_id: &str) -> i64 {
    count(
        app,
        "select count(*) from device where customer_id = $1",
        customer_id,
    )
    .await
}

/// The activity operations recorded for `kind` targets, oldest first.
async fn operations(app: &TestApp, org: &str, kind: &str) -> Vec<String> {
    sqlx::query_scalar(
        "select operation from activity where org_id = $1 and target_kind = $2 order by at, activity_id",
    )
    .bind(org)
    .bind(kind)
    .fetch_all(&app.db)
    .await
    .expect("activity")
}

/// Every bad row is named with its column and reason, nothing is written;
/// duplicates count in the file and against the customer's devices; a
/// good list is added whole with one activity entry.
#[tokio::test]
async fn a_device_list_is_checked_row_by_row_and_added_all_or_nothing() {
    let app = spawn_app().await;
    let org = app::orgs::service::create(&app.db, "Device Partners")
        .await
        .expect("org");
    let customer = app.add_customer(&org, "Gadget Shop").await.customer_id;
    let ctx = Ctx::operator(&app.db, &org);
    let bad = list(
        "Bad batch",
        &[
            "GOOD-1,T0VNLUhBU0gtTlctMDAx,Contoso,Laptop 14",
            ",,Contoso,Laptop 14",
            "BAD SERIAL,,,",
            "GOOD-2,not base64!,,",
            "good-1,,,",
            "GOOD-3,,Contoso,Laptop 14,extra",
        ],
    );
    let check = service::validate_list(&ctx, &customer, &bad.csv)
        .await
        .expect("validated");
    assert_eq!(check.rows, 6);
    let found: Vec<(usize, &str)> = check
        .errors
        .iter()
        .map(|e| (e.row, e.column.as_str()))
        .collect();
    assert_eq!(
        found,
        [
            (3, "Device serial number"),
            (4, "Device serial number"),
            (5, "Hardware hash"),
            (6, "Device serial number"),
            (7, ""),
        ],
        "{:?}",
        check.errors
    );
    assert!(check.errors[0].reason.starts_with("Missing"));
    assert!(check.errors[2].reason.starts_with("Not base64"));
    assert_eq!(
        check.errors[3].reason,
        "\"good-1\" is a duplicate of row 2."
    );
    let refused = service::add_list(&ctx, &customer, &bad)
        .await
        .expect_err("bad rows");
    assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let message = refused.field("file").unwrap_or_default();
    assert!(
        message.starts_with(
            "Nothing was added: the file has 5 problem(s). Row 3, Device serial number: Missing"
        ),
        "{message}"
    );
    assert_eq!(devices_of(&app, &customer).await, 0);
    assert!(operations(&app, &org, "device-list").await.is_empty());

    let good = list(
        "Spring rollout",
        &["GOOD-1,T0VNLUhBU0gtTlctMDAx,Contoso,Laptop 14", "GOOD-2"],
    );
    let added = service::add_list(&ctx, &customer, &good)
        .await
        .expect("added");
    assert_eq!(
        (added.name.as_str(), added.device_count),
        ("Spring rollout", 2)
    );
    assert_eq!(devices_of(&app, &customer).await, 2);
    assert_eq!(
        operations(&app, &org, "device-list").await,
        ["device-list-added"]
    );

    // Against the customer's devices: any case, and nothing of the file is added.
    let again = list("Second batch", &["NEW-1", "good-2"]);
    let check = service::validate_list(&ctx, &customer, &again.csv)
        .await
        .expect("validated");
    assert_eq!(check.errors.len(), 1, "{:?}", check.errors);
    assert_eq!(
        (check.errors[0].row, check.errors[0].reason.as_str()),
        (3, "\"good-2\" is already registered for this customer.")
    );
    service::add_list(&ctx, &customer, &again)
        .await
        .expect_err("a registered serial");
    assert_eq!(devices_of(&app, &customer).await, 2);
    // Another customer may have the same serial number.
    let other = app.add_customer(&org, "Other Shop").await.customer_id;
    service::add_list(&ctx, &other, &list("Theirs", &["GOOD-1"]))
        .await
        .expect("another customer's devices");

    let page = service::list_devices(
        &ctx,
        &DeviceQuery {
            customer_id: customer.clone(),
            search: "good-1".into(),
            page: 0,
        },
    )
    .await
    .expect("devices");
    assert_eq!(page.total, 1);
    let d = &page.devices[0];
    assert_eq!(
        (
            d.serial_number.as_str(),
            d.has_hardware_hash,
            d.model.as_str()
        ),
        ("GOOD-1", true, "Laptop 14")
    );
    assert_eq!(d.list_name, "Spring rollout");
    assert_eq!(d.added_by, "Operator (command line)");
    assert!(d.actions.can_apply_profile && page.can_add_list);
    assert_eq!(page.lists.len(), 1);
}

/// The file itself: a wrong header, too many rows, too many bytes, a bad
/// list name; each refused with a clear message and nothing written.
#[tokio::test]
async fn a_device_list_file_is_bounded() {
    let app = spawn_app().await;
    let org = app::orgs::service::create(&app.db, "Bounded Partners")
        .await
        .expect("org");
    let customer = app.add_customer(&org, "Bounded Shop").await.customer_id;
    let ctx = Ctx::operator(&app.db, &org);
    let reason = |csv: String| {
        let ctx = ctx.clone();
        let customer = customer.clone();
        async move {
            let check = service::validate_list(&ctx, &customer, &csv)
                .await
                .expect("validated");
            assert_eq!(check.errors.len(), 1, "{:?}", check.errors);
            (check.errors[0].row, check.errors[0].reason.clone())
        }
    };
    let (row, why) = reason("Serial\nA\n".into()).await;
    assert_eq!(row, 1);
    assert!(why.starts_with("Wrong header \"Serial\""), "{why}");
    let many: Vec<String> = (0..=5_000).map(|i| format!("SN-{i}")).collect();
    let (row, why) = reason(format!("Device serial number\n{}\n", many.join("\n"))).await;
    assert_eq!(row, 5_002);
    assert_eq!(why, "Too many rows: at most 5000 devices per file.");
    let big = format!("Device serial number\n{}", "A,,,\n".repeat(300_000));
    let (row, why) = reason(big.clone()).await;
    assert_eq!(row, 0);
    assert!(why.contains("at most 1 MB"), "{why}");
    let refused = service::add_list(
        &ctx,
        &customer,
        &NewDeviceList {
            name: "Too big".into(),
            csv: big,
        },
    )
    .await
    .expect_err("too big");
    assert!(refused.to_string().contains("at most 1 MB"), "{refused}");
    let unnamed = service::add_list(&ctx, &customer, &list("  ", &["SN-1"]))
        .await
        .expect_err("no name");
    assert!(unnamed.field("name").is_some(), "{unnamed:?}");
    assert_eq!(devices_of(&app, &customer).await, 0);
}

fn profile(name: &str, template: &str) -> NewDeviceProfile {
    NewDeviceProfile {
        name: name.into(),
        settings: ProfileSettings {
            skip_privacy_settings: true,
            device_name_template: template.into(),
            ..ProfileSettings::default()
        },
    }
}

/// Profile names are unique per organization (any case); edits need the
/// version read; a profile applied to devices is kept until removed from
/// them; every change is recorded.
#[tokio::test]
async fn profiles_are_versioned_applied_and_kept_while_in_use() {
    let app = spawn_app().await;
    let org = app::orgs::service::create(&app.db, "Profile Partners")
        .await
        .expect("org");
    let customer = app.add_customer(&org, "Profile Shop").await.customer_id;
    let ctx = Ctx::operator(&app.db, &org);
    service::add_list(&ctx, &customer, &list("Batch", &["PF3X-9K2L", "QQ-2"]))
        .await
        .expect("list");
    let created = service::create_profile(&ctx, &profile("Laptops", "LT-%SERIAL%"))
        .await
        .expect("created");
    assert_eq!(created.version, 1);
    let taken = service::create_profile(&ctx, &profile("LAPTOPS", ""))
        .await
        .expect_err("taken");
    assert_eq!(taken.status(), StatusCode::CONFLICT);
    assert!(taken.field("name").is_some(), "{taken:?}");
    let bad = service::create_profile(&ctx, &profile("Bad", "LT %SERIAL%"))
        .await
        .expect_err("bad template");
    assert!(bad.field("device_name_template").is_some(), "{bad:?}");

    let id = created.profile_id.clone();
    let renamed =
        service::update_profile(&ctx, &id, 1, &profile("Standard laptops", "LT-%SERIAL%"))
            .await
            .expect("renamed");
    assert_eq!(renamed.version, 2);
    let stale = service::update_profile(&ctx, &id, 1, &profile("Lost update", ""))
        .await
        .expect_err("stale");
    assert!(stale.is_stale(), "{stale:?}");
    assert_eq!(
        service::get_profile(&ctx, &id).await.expect("profile").name,
        "Standard laptops"
    );

    let query = DeviceQuery {
        customer_id: customer.clone(),
        ..DeviceQuery::default()
    };
    let ids: Vec<String> = service::list_devices(&ctx, &query)
        .await
        .expect("devices")
        .devices
        .into_iter()
        .map(|d| d.device_id)
        .collect();
    let changed = service::apply_profile(&ctx, &customer, &ids, Some(&id))
        .await
        .expect("applied");
    assert_eq!(changed, 2);
    let devices = service::list_devices(&ctx, &query).await.expect("devices");
    let named: Vec<(Option<&str>, Option<&str>)> = devices
        .devices
        .iter()
        .map(|d| (d.profile_name.as_deref(), d.device_name.as_deref()))
        .collect();
    assert!(
        named.contains(&(Some("Standard laptops"), Some("LT-PF3X9K2L"))),
        "{named:?}"
    );
    // Applying it again changes nothing and records nothing.
    assert_eq!(
        service::apply_profile(&ctx, &customer, &ids, Some(&id))
            .await
            .expect("again"),
        0
    );

    let listed = service::list_profiles(&ctx).await.expect("profiles");
    assert_eq!(listed[0].device_count, 2);
    assert!(!listed[0].actions.can_delete);
    let in_use = service::delete_profile(&ctx, &id, 2)
        .await
        .expect_err("in use");
    assert_eq!(in_use.status(), StatusCode::CONFLICT);
    assert!(
        in_use.to_string().contains("applied to 2 device(s)"),
        "{in_use}"
    );
    let removed = service::apply_profile(&ctx, &customer, &ids[..1], None)
        .await
        .expect("removed");
    assert_eq!(removed, 1);
    service::apply_profile(&ctx, &customer, &ids[1..], None)
        .await
        .expect("removed");
    let stale = service::delete_profile(&ctx, &id, 1)
        .await
        .expect_err("stale");
    assert!(stale.is_stale());
    service::delete_profile(&ctx, &id, 2)
        .await
        .expect("deleted");
    assert!(matches!(
        service::get_profile(&ctx, &id).await,
        Err(AppError::NotFound { .. })
    ));
    assert_eq!(
        operations(&app, &org, "device-profile").await,
        [
            "device-profile-created",
            "device-profile-updated",
            "device-profile-deleted"
        ]
    );
    assert_eq!(
        operations(&app, &org, "devices").await,
        [
            "device-profile-applied",
            "device-profile-removed",
            "device-profile-removed"
        ]
    );
}

/// Another organization's profile, another customer's device, another
/// organization's customer: 404, and no device changes.
#[tokio::test]
async fn applying_stays_inside_one_customer_of_one_organization() {
    let app = spawn_app().await;
    let org = app::orgs::service::create(&app.db, "Own Partners")
        .await
        .expect("org");
    let abroad = app::orgs::service::create(&app.db, "Other Partners")
        .await
        .expect("org");
    let mine = app.add_customer(&org, "Mine Shop").await.customer_id;
    let sibling = app.add_customer(&org, "Sibling Shop").await.customer_id;
    let theirs = app.add_customer(&abroad, "Their Shop").await.customer_id;
    let own = app.add_devices(&org, &mine, "own").await;
    let next_door = app.add_devices(&org, &sibling, "sibling").await;
    let foreign = app.add_devices(&abroad, &theirs, "foreign").await;
    let ctx = Ctx::operator(&app.db, &org);
    let attempts: [(&str, Vec<String>, &str); 5] = [
        (
            mine.as_str(),
            vec![own.device_id.clone()],
            foreign.profile_id.as_str(),
        ),
        (
            mine.as_str(),
            vec![next_door.device_id.clone()],
            own.profile_id.as_str(),
        ),
        (
            mine.as_str(),
            vec![own.device_id.clone(), foreign.device_id.clone()],
            own.profile_id.as_str(),
        ),
        (
            theirs.as_str(),
            vec![foreign.device_id.clone()],
            own.profile_id.as_str(),
        ),
        (
            mine.as_str(),
            vec!["no-such-device".into()],
            own.profile_id.as_str(),
        ),
    ];
    for (customer, ids, profile_id) in &attempts {
        let err = service::apply_profile(&ctx, customer, ids, Some(profile_id))
            .await
            .expect_err("not found");
        assert_eq!(
            err.status(),
            StatusCode::NOT_FOUND,
            "{customer} {ids:?}: {err:?}"
        );
    }
    let applied: i64 =
        sqlx::query_scalar("select count(*) from device where profile_id is not null")
            .fetch_one(&app.db)
            .await
            .expect("count");
    assert_eq!(applied, 0);
    let no_devices = service::apply_profile(&ctx, &mine, &[], Some(&own.profile_id))
        .await
        .expect_err("none chosen");
    assert!(no_devices.field("device_ids").is_some());
    for err in [
        service::list_devices(
            &ctx,
            &DeviceQuery {
                customer_id: theirs.clone(),
                ..DeviceQuery::default()
            },
        )
        .await
        .map(|_| ()),
        service::update_profile(&ctx, &foreign.profile_id, 1, &profile("Mine now", ""))
            .await
            .map(|_| ()),
        service::delete_profile(&ctx, &foreign.profile_id, 1).await,
        service::validate_list(&ctx, &theirs, "Device serial number\nX\n")
            .await
            .map(|_| ()),
    ] {
        assert_eq!(err.expect_err("foreign").status(), StatusCode::NOT_FOUND);
    }
    // The customer list counts only the organization's own devices.
    let customers = service::list_customers(&ctx, "").await.expect("customers");
    let counts: Vec<(&str, i64)> = customers
        .iter()
        .map(|c| (c.name.as_str(), c.device_count))
        .collect();
    assert_eq!(counts, [("Mine Shop", 1), ("Sibling Shop", 1)]);
}
