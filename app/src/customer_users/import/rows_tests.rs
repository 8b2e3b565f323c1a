//! The row checks on hostile input: characters whose lower case has another
//! byte length, random cells, random domains. A row is either planned or
//! reported on its own line; nothing panics.

use super::*;
use proptest::prelude::*;

/// A plan for a customer at `domain` with no users or subscriptions yet.
fn plan(domain: &str) -> Plan {
    Plan {
        columns: 5,
        suffix: format!("@{domain}"),
        existing: HashSet::new(),
        products: Vec::new(),
        by_product: HashMap::new(),
        seen: Default::default(),
        rows: Vec::new(),
    }
}

fn check(plan: &mut Plan, line: usize, cells: &[&str]) -> Vec<(usize, String)> {
    let mut errors = super::super::check::no_errors();
    plan.row(line, &StringRecord::from(cells.to_vec()), &mut errors);
    errors
        .list()
        .iter()
        .map(|e| (e.row, e.column.clone()))
        .collect()
}

#[test]
fn a_kelvin_sign_in_the_domain_is_a_row_error_not_a_panic() {
    // U+212A KELVIN SIGN lower-cases to the one-byte `k`: a cut computed on
    // the lower-cased email would land inside the three-byte character.
    let mut p = plan("kontoso.example");
    let errors = check(
        &mut p,
        2,
        &["Ann", "Lee", "Ann Lee", "ann@\u{212A}ontoso.example"],
    );
    assert_eq!(errors, vec![(2, IMPORT_HEADER[3].to_string())]);
    // In the alias, and for another domain, likewise a message for the row.
    let errors = check(
        &mut p,
        3,
        &["Kim", "Lee", "Kim Lee", "\u{212A}im@kontoso.example"],
    );
    assert_eq!(errors, vec![(3, IMPORT_HEADER[3].to_string())]);
    let mut other = plan("fabrikam.example");
    let errors = check(
        &mut other,
        4,
        &["A", "B", "A B", "a@\u{212A}ontoso.example"],
    );
    assert_eq!(errors, vec![(4, IMPORT_HEADER[3].to_string())]);
    // The honest address passes (in a file of its own: lower-cased, the
    // Kelvin spelling above is the same address, so it would be a duplicate).
    let mut fresh = plan("kontoso.example");
    assert!(check(
        &mut fresh,
        2,
        &["Ann", "Lee", "Ann Lee", "ann@kontoso.example"]
    )
    .is_empty());
    assert_eq!(fresh.rows.len(), 1);
    assert!(p.rows.is_empty());
}

/// Cells mixing ASCII with characters whose case mapping changes their
/// length (`K`, `İ`, `ß`, `Ω`), separators and anything printable.
fn cell() -> impl Strategy<Value = String> {
    prop_oneof![
        "[a-zA-Z\u{212A}\u{130}\u{df}\u{2126} .@_-]{0,24}",
        "[a-z\u{212A}]{0,8}@[kK\u{212A}a-z.]{0,20}",
        "\\PC{0,40}",
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 3000, ..ProptestConfig::default() })]

    #[test]
    fn every_row_is_planned_or_reported_on_its_line(
        cells in prop::collection::vec(cell(), 0..7),
        domain in "[kK\u{212A}a-z]{1,6}\\.example",
    ) {
        let mut p = plan(&domain);
        let refs: Vec<&str> = cells.iter().map(String::as_str).collect();
        let errors = check(&mut p, 9, &refs);
        prop_assert!(errors.iter().all(|(row, _)| *row == 9));
        prop_assert_eq!(p.rows.len() + usize::from(!errors.is_empty()), 1);
    }

    #[test]
    fn the_email_and_name_checks_never_panic(email in cell(), name in cell()) {
        let _ = crate::users::email_problem(&email);
        let _ = crate::users::check_details(&name, &email, "");
    }
}
