//! Pages of the customer users feature: the page, its rows, the add form,
//! the licences dialog and the import panel.

mod add;
mod header;
mod import;
mod licences;
mod page;
mod parts;
mod rows;

pub use page::CustomerUsersPage;
