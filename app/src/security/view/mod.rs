//! The security page and the second sign-in step.

mod page;
mod verify;

pub use page::SecurityPage;
pub use verify::VerifyPage;
