//! A bench organization with many users, written through the services.

use app::access::{Role, RoleSet};
use app::activity::service::{Actor, Work};
use app::db::Db;

/// The password of every seeded user.
pub const PASSWORD: &str = "bench-password-2026";

/// The seeded user who is Global admin (the first one).
pub const ADMIN_EMAIL: &str = "person00000@bench.example";

/// Creates `users` users in `org` in one transaction, with their activity
/// entries: the first is Global admin, the others hold an agent role each.
/// Returns the Global admin's id.
pub async fn users(db: &Db, org: &str, users: usize) -> String {
    let hash = app::auth::secrets::hash_password(PASSWORD).expect("hash");
    let mut work = Work::begin(db, &Actor::operator(org)).await.expect("work");
    let mut admin_id = String::new();
    for i in 0..users {
        let roles = if i == 0 {
            RoleSet {
                admin: Some(Role::GlobalAdmin),
                ..RoleSet::default()
            }
        } else {
            RoleSet {
                agent: Some(Role::ALL[i % 3]),
                ..RoleSet::default()
            }
        };
        let new = app::users::NewUser {
            display_name: format!("Person {i:05}"),
            email: format!("person{i:05}@bench.example"),
            roles,
            partner_id: String::new(),
            groups: Vec::new(),
        };
        let id = app::users::service::insert_with_password(&mut work, org, &new, &hash)
            .await
            .expect("insert");
        if i == 0 {
            admin_id = id;
        }
    }
    work.commit().await.expect("commit");
    admin_id
}
