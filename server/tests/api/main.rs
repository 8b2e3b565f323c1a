//! One integration-test binary (fast to link): the real router on a fresh
//! database per test.

mod activity;
mod billing;
mod cli;
mod concurrency;
mod customers;
mod delegated_admin;
mod devices;
mod groups;
mod helpers;
mod import;
mod import_api;
mod import_isolation;
mod incentives;
mod languages;
mod leads;
mod matrix;
mod pages;
mod prerender;
mod replicas;
mod request;
mod resellers;
mod rest;
mod rest_matrix;
mod scim;
mod second_factor;
mod security;
mod services;
mod support;
mod system;
mod users;
