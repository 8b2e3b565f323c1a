//! Pages of groups: the list with "New group", and one group's page.

mod group;
mod list;

pub use group::GroupPage;
pub use list::GroupsPage;
