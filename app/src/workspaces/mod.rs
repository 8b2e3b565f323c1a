//! Pages that render the access policy itself: the `/roles` matrix (so the
//! documentation can't drift from the code) and each workspace's overview
//! of what the signed-in identity may do there.

mod view;

pub use view::*;
