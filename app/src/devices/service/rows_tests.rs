//! The device row checks: each rule on its own, then hostile input (random
//! cells, characters whose case mapping changes their length, long and
//! almost-base64 hashes). A row is either planned or reported on its own
//! line; nothing panics; a planned serial is never a duplicate.

use super::*;
use proptest::prelude::*;

fn plan(existing: &[&str]) -> Plan {
    Plan::new(4, existing.iter().map(|s| s.to_ascii_lowercase()).collect())
}

/// The (row, column, reason) of each problem of one row.
fn check(plan: &mut Plan, line: usize, cells: &[&str]) -> Vec<(usize, String, String)> {
    let mut errors = RowErrors::new(100);
    plan.row(line, &StringRecord::from(cells.to_vec()), &mut errors);
    errors
        .list()
        .iter()
        .map(|e| (e.row, e.column.clone(), e.reason.clone()))
        .collect()
}

#[test]
fn a_good_row_is_planned_as_written() {
    let mut p = plan(&[]);
    assert!(check(&mut p, 2, &[" SN-1.a_2 ", "QUJD", "Contoso", "Laptop 14"]).is_empty());
    assert!(check(&mut p, 3, &["SN2"]).is_empty());
    let rows = p.into_rows();
    assert_eq!(rows[0].serial_number, "SN-1.a_2");
    assert_eq!(rows[0].serial_lower, "sn-1.a_2");
    assert_eq!(rows[0].hardware_hash.as_deref(), Some("QUJD"));
    assert_eq!(
        (rows[1].hardware_hash.as_deref(), rows[1].model.as_str()),
        (None, "")
    );
}

#[test]
fn each_bad_cell_names_its_row_column_and_reason() {
    let mut p = plan(&["OLD-1"]);
    let serial = DEVICE_LIST_HEADER[0].to_string();
    let only = |e: Vec<(usize, String, String)>| {
        assert_eq!(e.len(), 1, "{e:?}");
        e.into_iter().next().unwrap_or_default()
    };
    let (row, column, reason) = only(check(&mut p, 2, &["", "", "", ""]));
    assert_eq!((row, column.as_str()), (2, serial.as_str()));
    assert!(reason.starts_with("Missing"), "{reason}");
    let (_, _, reason) = only(check(&mut p, 3, &["SN 1"]));
    assert!(reason.contains("only letters, digits"), "{reason}");
    let long = "A".repeat(SERIAL_MAX_CHARS + 1);
    let (_, _, reason) = only(check(&mut p, 4, &[&long]));
    assert!(reason.starts_with("Too long (65 characters"), "{reason}");
    let (_, _, reason) = only(check(&mut p, 5, &["old-1"]));
    assert_eq!(reason, "\"old-1\" is already registered for this customer.");
    assert!(check(&mut p, 6, &["NEW-1"]).is_empty());
    let (_, _, reason) = only(check(&mut p, 7, &["new-1"]));
    assert_eq!(reason, "\"new-1\" is a duplicate of row 6.");
    let (_, column, reason) = only(check(&mut p, 8, &["NEW-2", "not base64!"]));
    assert_eq!(column, DEVICE_LIST_HEADER[1]);
    assert!(reason.starts_with("Not base64"), "{reason}");
    let (_, _, reason) = only(check(&mut p, 9, &["NEW-3", "QUJ"]));
    assert!(reason.starts_with("Not base64"), "{reason}");
    let hash = "A".repeat(HASH_MAX_CHARS + 4);
    let (_, _, reason) = only(check(&mut p, 10, &["NEW-4", &hash]));
    assert!(reason.starts_with("Too long"), "{reason}");
    let (_, column, _) = only(check(&mut p, 11, &["NEW-5", "", &"M".repeat(101)]));
    assert_eq!(column, DEVICE_LIST_HEADER[2]);
    let (_, column, _) = only(check(&mut p, 12, &["NEW-6", "", "", "a\tb"]));
    assert_eq!(column, DEVICE_LIST_HEADER[3]);
    let (_, column, reason) = only(check(&mut p, 13, &["NEW-7", "", "", "", "extra"]));
    assert_eq!(column, "");
    assert!(reason.contains("5 columns"), "{reason}");
    // Two bad cells in one row: both reported.
    assert_eq!(check(&mut p, 14, &["", "@@", "", ""]).len(), 2);
    assert_eq!(p.into_rows().len(), 1);
}

/// Cells of serial-like text, characters whose case mapping changes their
/// length (`K`, `İ`, `ß`), base64-like text and anything printable.
fn cell() -> impl Strategy<Value = String> {
    prop_oneof![
        "[a-zA-Z0-9._-]{0,12}",
        "[a-zA-Z\u{212A}\u{130}\u{df} .,_-]{0,16}",
        "[A-Za-z0-9+/]{0,12}={0,3}",
        "\\PC{0,40}",
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 3000, ..ProptestConfig::default() })]

    #[test]
    fn every_row_is_planned_or_reported_on_its_line(
        cells in prop::collection::vec(cell(), 0..6),
        line in 2usize..100_000,
    ) {
        let mut p = plan(&["EXISTING"]);
        let refs: Vec<&str> = cells.iter().map(String::as_str).collect();
        let errors = check(&mut p, line, &refs);
        prop_assert!(errors.iter().all(|(row, _, _)| *row == line));
        let planned = p.into_rows();
        prop_assert_eq!(planned.len() + usize::from(!errors.is_empty()), 1);
        for d in planned {
            prop_assert!(!d.serial_number.is_empty() && d.serial_number.len() <= SERIAL_MAX_CHARS);
            prop_assert_ne!(d.serial_lower.as_str(), "existing");
        }
    }

    #[test]
    fn a_file_never_plans_one_serial_twice(serials in prop::collection::vec("[aAbB0-]{1,3}", 1..30)) {
        let mut p = plan(&[]);
        for (i, s) in serials.iter().enumerate() {
            let _ = check(&mut p, i + 2, &[s]);
        }
        let planned = p.into_rows();
        let distinct: HashSet<&str> = planned.iter().map(|d| d.serial_lower.as_str()).collect();
        prop_assert_eq!(distinct.len(), planned.len());
        let wanted: HashSet<String> = serials.iter().map(|s| s.to_ascii_lowercase()).collect();
        prop_assert_eq!(distinct.len(), wanted.len());
    }
}
