//! An export button the person can follow: the answer streams the file in
//! parts ([`ExportStep`]s), shown on a determinate bar with the rows so far
//! and a Cancel button; the file is offered once the last part is in.

use crate::csv::export::{ExportStep, Exported};
use crate::error::AppError;
use futures::future::{AbortHandle, Abortable};
use leptos::prelude::*;
use leptos::server_fn::codec::TextStream;
use std::future::Future;

/// "Export CSV" with progress and Cancel. `start` calls the streaming
/// server function.
#[component]
pub fn ExportButton<F, Fut>(
    /// The button's label.
    #[prop(into)]
    label: String,
    /// The downloaded file's name.
    filename: &'static str,
    /// Starts the export.
    start: F,
    /// `data-testid` of the progress and notices.
    testid: &'static str,
) -> impl IntoView
where
    F: Fn() -> Fut + Copy + Send + Sync + 'static,
    Fut: Future<Output = Result<TextStream<AppError>, AppError>> + 'static,
{
    let busy = RwSignal::new(false);
    let shown = RwSignal::new((0u64, 0u64, 0u32));
    let error = RwSignal::new(None::<AppError>);
    let notice = RwSignal::new(None::<String>);
    let cancel = StoredValue::new(None::<AbortHandle>);
    let announcer = super::announcer();
    let run = move |_| {
        busy.set(true);
        error.set(None);
        notice.set(None);
        shown.set((0, 0, 0));
        let (handle, registration) = AbortHandle::new_pair();
        cancel.set_value(Some(handle));
        let work = async move {
            let mut got = Exported::default();
            let last = crate::progress::follow(start().await, |step| {
                got.take(step);
                shown.set((got.rows, got.total, got.percent()));
            })
            .await;
            match last {
                Some(ExportStep::Done) => {
                    super::download_parts(filename, &got.parts);
                    let said = crate::tr_n!("ui-export-done", got.rows);
                    announcer.say(said.clone());
                    notice.set(Some(said));
                }
                Some(ExportStep::Failed(e)) => error.set(Some(e)),
                _ => notice.set(Some(crate::tr!("ui-export-cut"))),
            }
        };
        leptos::task::spawn_local(async move {
            if Abortable::new(work, registration).await.is_err() {
                let said = crate::tr!("ui-export-cancelled");
                announcer.say(said.clone());
                notice.set(Some(said));
            }
            cancel.set_value(None);
            busy.set(false);
        });
    };
    let stop = move |_| {
        if let Some(handle) = cancel.get_value() {
            handle.abort();
        }
    };
    view! {
        <button type="button" class="secondary" on:click=run disabled=move || busy.get()>
            {label}
        </button>
        <Show when=move || busy.get()>
            <span class="progress" data-testid=format!("{testid}-progress")>
                <progress
                    max="100"
                    value=move || shown.get().2
                    aria-label=crate::tr!("ui-exporting")
                ></progress>
                " "
                <span>
                    {move || {
                        let (rows, total, percent) = shown.get();
                        crate::tr!(
                            "ui-export-progress",
                            rows = crate::i18n::number(rows as i64),
                            total = crate::i18n::number(total as i64),
                            percent = percent
                        )
                    }}
                </span>
                " "
                <button type="button" class="secondary" on:click=stop>
                    {crate::tr!("ui-cancel")}
                </button>
            </span>
        </Show>
        <span role="status" data-testid=format!("{testid}-notice")>{move || notice.get()}</span>
        <super::FormError error=error fields=&[]/>
    }
}
