//! Shared UI pieces: the signed-in page frame with its navigation, form
//! fields and error messages, the copy button, pager, table and files.

mod confirm;
mod early;
mod empty;
mod export;
mod fields;
mod files;
mod frame;
mod loading;
mod record;
mod theme;
mod widgets;

pub use confirm::*;
pub use early::*;
pub use empty::*;
pub use export::*;
pub use fields::*;
pub use files::*;
pub use frame::*;
pub use loading::*;
pub use record::*;
pub use theme::*;
pub use widgets::*;
