//! What a record's page (`/users/:id`, `/customers/:id`) shares with its
//! editor, which is rebuilt each time the record is loaded again.

use super::ErrorMessage;
use crate::error::AppError;
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

/// The `:id` of the current route.
pub fn id_param() -> impl Fn() -> String + Copy + Send + Sync + 'static {
    let params = use_params_map();
    move || params.with(|p| p.get("id").unwrap_or_default())
}

/// The outcome of the last save, kept above the editor so that it outlives
/// the reload the save triggers, and the reload counter itself.
#[derive(Clone, Copy)]
pub struct Saves {
    saved: RwSignal<Option<&'static str>>,
    stale: RwSignal<Option<AppError>>,
    reload: RwSignal<u32>,
}

impl Saves {
    /// Nothing saved yet.
    pub fn new() -> Saves {
        Saves {
            saved: RwSignal::new(None),
            stale: RwSignal::new(None),
            reload: RwSignal::new(0),
        }
    }

    /// How many times the record was saved (tracked: a resource keyed on it
    /// loads again after each save).
    pub fn count(self) -> u32 {
        self.reload.get()
    }

    /// Follows a save. Done: `message` (a catalogue key, `crate::key!`, or
    /// text), and the record loads again. Made
    /// from an old version: the conflict shows above the editor and the
    /// latest version loads. Any other error goes to the form's `error`.
    pub fn after<T>(
        self,
        result: Result<T, AppError>,
        message: &'static str,
        error: RwSignal<Option<AppError>>,
    ) {
        match result {
            Ok(_) => {
                self.stale.set(None);
                self.saved.set(Some(message));
                self.reload.update(|n| *n += 1);
            }
            Err(e) if e.is_stale() => {
                self.saved.set(None);
                self.stale.set(Some(e));
                self.reload.update(|n| *n += 1);
            }
            Err(e) => error.set(Some(e)),
        }
    }

    /// Follows the save of an edit made from the record's version `sent`,
    /// as [`Saves::after`]; but a record that comes back at that same
    /// version was left as it was (the services write and record nothing
    /// when no field changes), and the notice says so instead of `message`.
    pub fn after_edit<T: Versioned>(
        self,
        result: Result<T, AppError>,
        sent: i64,
        message: &'static str,
        error: RwSignal<Option<AppError>>,
    ) {
        let message = match &result {
            Ok(record) if record.version() == sent => crate::key!("ui-nothing-changed"),
            _ => message,
        };
        self.after(result, message, error);
    }
}

/// A record saved with optimistic concurrency: its version goes up with
/// every change.
pub trait Versioned {
    /// The record's version.
    fn version(&self) -> i64;
}

/// Implements [`Versioned`] for records with a `version` field.
#[macro_export]
macro_rules! versioned {
    ($($t:ty),* $(,)?) => {$(
        impl $crate::ui::Versioned for $t {
            fn version(&self) -> i64 {
                self.version
            }
        }
    )*};
}

impl Default for Saves {
    fn default() -> Self {
        Saves::new()
    }
}

/// "Saved" or the conflict of the last save.
#[component]
pub fn SaveNotice(saves: Saves) -> impl IntoView {
    view! {
        <p role="status" class="ok" data-testid="saved">
            {move || saves.saved.get().map(crate::i18n::message)}
        </p>
        {move || saves.stale.get().map(|e| view! { <div data-testid="stale"><ErrorMessage error=e/></div> })}
    }
}
