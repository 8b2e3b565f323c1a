//! Pages of the customer users feature: the page, its rows, the add form,
//! the licences dialog and the import panel.

mod add;
mod import;
mod licences;
mod page;
mod rows;

pub use page::CustomerUsersPage;
