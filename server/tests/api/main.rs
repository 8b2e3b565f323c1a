//! One integration-test binary (fast to link): the real router on a fresh
//! database per test.

mod helpers;
mod system;
