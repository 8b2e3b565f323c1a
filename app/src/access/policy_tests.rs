//! Pins the role → capability table cell by cell against seed 000 (and
//! seeds 001–004 for Account admin). Reading the table: `x` = the role has
//! the capability, `.` = it does not. A change to the policy must change this
//! table too, so it shows up in review.

use super::*;

const COLUMNS: [Role; 9] = [
    Role::AdminAgent,          // AA
    Role::SalesAgent,          // SA
    Role::HelpdeskAgent,       // HA
    Role::GlobalAdmin,         // GA
    Role::BillingAdmin,        // BA
    Role::UserManagementAdmin, // UM
    Role::AccountAdmin,        // AC
    Role::IncentivesAdmin,     // IA
    Role::IncentivesUser,      // IU
];

const TABLE: &str = "
                              AA SA HA GA BA UM AC IA IU
UsersView                     .  .  .  x  .  x  x  .  .
UsersCreate                   .  .  .  x  .  x  x  .  .
UsersEdit                     .  .  .  x  .  x  x  .  .
UsersResetPassword            .  .  .  x  .  x  x  .  .
UsersRemove                   .  .  .  x  .  x  x  .  .
RolesAssign                   .  .  .  x  .  x  x  .  .
GlobalAdminsManage            .  .  .  x  .  .  .  .  .
GroupsManage                  .  .  .  x  .  x  .  .  .
ApplicationsManage            .  .  .  x  .  x  .  .  .
PartnerProfilesView           .  .  .  x  .  x  x  .  .
OrgProfileManage              .  .  .  x  .  .  x  .  .
ActivityViewAll               .  .  .  x  .  .  .  .  .
ConsoleTicketsCreate          .  .  .  x  .  .  .  .  .
AgreementsView                .  .  .  x  x  .  .  .  .
CustomersView                 x  x  x  x  .  x  .  .  .
CustomersCreate               x  x  .  x  .  .  .  .  .
CustomersEditDetails          x  x  x  x  .  .  .  .  .
CustomersEditBilling          x  x  .  x  .  .  .  .  .
CustomersRequestRelationship  x  x  .  x  .  .  .  .  .
CustomersViewAgreement        x  x  .  x  .  .  .  .  .
CustomersRecordAgreement      x  x  .  x  .  .  .  .  .
DelegatedAdminRequest         x  .  .  x  .  .  .  .  .
AdministerOnBehalf            x  .  .  x  .  .  .  .  .
LeadsManage                   .  x  .  x  .  .  .  .  .
ResellerRegister              x  x  .  x  .  .  .  .  .
CustomerUsersManage           x  x  x  x  .  x  .  .  .
DeviceListsAdd                x  x  .  x  .  .  .  .  .
DeviceProfilesManage          x  .  .  x  .  .  .  .  .
SubscriptionsView             x  x  x  x  .  .  .  .  .
SubscriptionsManage           x  x  .  x  .  .  .  .  .
CustomerInvoicesView          x  .  x  x  x  .  .  .  .
Billing                       x  .  .  x  x  .  .  .  .
PricingView                   x  .  .  x  x  .  .  .  .
ServiceHealthView             x  .  .  x  .  .  .  .  .
TicketsView                   x  x  x  x  .  .  .  .  .
CustomerTicketsCreate         x  .  x  x  .  .  .  .  .
TicketsResolve                x  .  .  x  .  .  .  .  .
IncentivesEnroll              .  .  .  .  .  .  .  x  .
IncentivesMigrate             .  .  .  .  .  .  .  x  .
IncentivesProgramsManage      .  .  .  .  .  .  .  x  .
IncentivesBankTaxEdit         .  .  .  .  .  .  .  x  .
IncentivesReportsViewAll      .  .  .  .  .  .  .  x  .
IncentivesEnrolmentsView      .  .  .  .  .  .  .  x  x
IncentivesReportsView         .  .  .  .  .  .  .  x  x
";

fn parse_table() -> Vec<(String, Vec<bool>)> {
    TABLE
        .lines()
        .skip(2)
        .filter(|l| !l.trim().is_empty())
        .map(|line| {
            let mut cells = line.split_whitespace();
            let name = cells.next().unwrap_or_default().to_string();
            let marks: Vec<bool> = cells.map(|c| c == "x").collect();
            assert_eq!(marks.len(), 9, "row {name} needs 9 cells");
            (name, marks)
        })
        .collect()
}

#[test]
fn every_cell_matches_the_seed_table() {
    let rows = parse_table();
    assert_eq!(rows.len(), Capability::ALL.len(), "one row per capability");
    let mut mismatches = Vec::new();
    for (cap, (name, marks)) in Capability::ALL.iter().zip(&rows) {
        assert_eq!(&format!("{cap:?}"), name, "rows follow declaration order");
        for (role, expected) in COLUMNS.iter().zip(marks) {
            if capabilities_of(*role).has(*cap) != *expected {
                mismatches.push(format!(
                    "{} × {:?}: expected {}",
                    role.label(),
                    cap,
                    expected
                ));
            }
        }
    }
    assert!(
        mismatches.is_empty(),
        "policy differs from the table:\n{}",
        mismatches.join("\n")
    );
}

#[test]
fn seed_cant_column_is_refused() {
    use Capability as C;
    let cant = [
        (
            Role::AdminAgent,
            vec![C::UsersView, C::UsersCreate, C::ConsoleTicketsCreate],
        ),
        (
            Role::SalesAgent,
            vec![
                C::ConsoleTicketsCreate,
                C::TicketsResolve,
                C::ServiceHealthView,
                C::PricingView,
                C::Billing,
                C::AdministerOnBehalf,
            ],
        ),
        (
            Role::HelpdeskAgent,
            vec![
                C::PartnerProfilesView,
                C::CustomersCreate,
                C::CustomersEditBilling,
                C::SubscriptionsManage,
                C::CustomersRequestRelationship,
                C::LeadsManage,
                C::PricingView,
                C::CustomersViewAgreement,
                C::CustomersRecordAgreement,
                C::Billing,
                C::ResellerRegister,
            ],
        ),
        (Role::UserManagementAdmin, vec![C::GlobalAdminsManage]),
        (Role::AccountAdmin, vec![C::GlobalAdminsManage]),
    ];
    for (role, caps) in cant {
        for cap in caps {
            assert!(
                !capabilities_of(role).has(cap),
                "{} must not {}",
                role.label(),
                cap.label()
            );
        }
    }
}

#[test]
fn global_admin_has_everything_but_incentives() {
    let ga = capabilities_of(Role::GlobalAdmin);
    for cap in Capability::ALL {
        assert_eq!(
            ga.has(*cap),
            cap.workspace() != Workspace::Incentives,
            "{cap:?}"
        );
    }
}

#[test]
fn only_incentives_roles_reach_the_incentives_workspace() {
    for role in Role::ALL {
        let touches = capabilities_of(role).touches(Workspace::Incentives);
        assert_eq!(
            touches,
            matches!(role, Role::IncentivesAdmin | Role::IncentivesUser),
            "{role:?}"
        );
    }
}

#[test]
fn capability_bits_fit() {
    assert!(Capability::ALL.len() <= 64);
}

#[test]
fn role_keys_fill_one_slot_per_kind() {
    use crate::access::RoleSet;
    let keys = |k: &[&str]| k.iter().map(|s| s.to_string()).collect::<Vec<_>>();
    let set = RoleSet::from_keys(&keys(&["global-admin", "sales-agent"])).unwrap_or_default();
    assert_eq!(set.admin, Some(Role::GlobalAdmin));
    assert_eq!(set.agent, Some(Role::SalesAgent));
    assert!(RoleSet::from_keys(&keys(&["admin-agent", "sales-agent"])).is_err());
    let unknown = RoleSet::from_keys(&keys(&["root"])).unwrap_err();
    assert!(unknown.contains("global-admin"), "{unknown}");
}
