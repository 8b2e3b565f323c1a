//! Shared pieces of the benchmarks (`make bench`): seeding an organization
//! with users, and a load generator over kept-alive connections.

pub mod drive;
pub mod seed;
