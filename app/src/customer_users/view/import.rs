//! "Import users" from a CSV file.

use crate::customer_users::{import_template, ImportCheck, ImportStep, ImportedUser};
use crate::error::AppError;
use crate::ui::{FormError, PartsFile, Table};
use futures::future::{AbortHandle, Abortable};
use leptos::prelude::*;

/// Users created shown on the page; the download has them all.
const SHOWN: usize = 1_000;

/// "Import users": template, validate (nothing written), then import all or
/// nothing, and the passwords of the users created. Both steps show rows
/// checked and written as they go, and can be cancelled until the commit.
#[component]
pub(super) fn ImportPanel(
    customer_id: String,
    domain: String,
    done: Callback<()>,
) -> impl IntoView {
    let customer_id = StoredValue::new(customer_id);
    let template = import_template(&domain);
    let check = RwSignal::new(None::<ImportCheck>);
    // The users created: how many, and the first ones to show; every one
    // with its password is in `passwords`, for the download.
    let result = RwSignal::new(None::<(usize, Vec<ImportedUser>)>);
    let passwords = StoredValue::new_local(PartsFile::default());
    let error = RwSignal::new(None::<AppError>);
    let problem = RwSignal::new(None::<String>);
    let notice = RwSignal::new(None::<String>);
    let busy = RwSignal::new(false);
    let step = RwSignal::new(None::<ImportStep>);
    let cancel = StoredValue::new(None::<AbortHandle>);
    // A new file needs a new validation before it can be imported.
    let changed = move |_| {
        check.set(None);
        problem.set(None);
        notice.set(None);
    };
    let announcer = crate::ui::announcer();
    let run = move |importing: bool| {
        busy.set(true);
        error.set(None);
        problem.set(None);
        notice.set(None);
        step.set(None);
        let (handle, registration) = AbortHandle::new_pair();
        cancel.set_value(Some(handle));
        let work = async move {
            let id = customer_id.get_value();
            let form = match crate::ui::upload_form(&[("customer_id", &id)], "csv", "import-file") {
                Ok(form) => form,
                Err(p) => return problem.set(Some(p)),
            };
            let answer = if importing {
                crate::customer_users::import_customer_users(form.into()).await
            } else {
                crate::customer_users::validate_customer_user_import(form.into()).await
            };
            let mut file = PartsFile::default();
            file.push(ImportedUser::CSV_HEADER);
            let mut shown = Vec::new();
            let each = |s| match s {
                ImportStep::Users { part, sent, total } => {
                    let mut text = String::new();
                    for user in &part {
                        text.push_str(&user.csv_row());
                    }
                    file.push(&text);
                    let room = SHOWN.saturating_sub(shown.len());
                    shown.extend(part.into_iter().take(room));
                    step.set(Some(ImportStep::Users {
                        part: Vec::new(),
                        sent,
                        total,
                    }));
                }
                s => step.set(Some(s)),
            };
            match crate::progress::follow(answer, each).await {
                Some(ImportStep::Report(c)) => {
                    announcer.say(if c.errors.is_empty() {
                        crate::tr_n!("customer-users-rows-valid", c.rows)
                    } else {
                        crate::tr_n!(
                            "customer-users-import-problems",
                            c.errors.len() + c.more_errors,
                            rows = crate::i18n::number(c.rows as i64),
                        )
                    });
                    check.set(Some(c));
                }
                Some(ImportStep::Imported { users }) => {
                    announcer.say(crate::tr_n!("customer-users-imported", users));
                    passwords.set_value(file);
                    result.set(Some((users, shown)));
                    done.run(());
                }
                Some(ImportStep::Failed(e)) => error.set(Some(e)),
                Some(_) => {}
                None => problem.set(Some(crate::tr!("customer-users-import-cut"))),
            }
        };
        leptos::task::spawn_local(async move {
            if Abortable::new(work, registration).await.is_err() {
                let said = if importing {
                    crate::tr!("customer-users-import-cancelled")
                } else {
                    crate::tr!("customer-users-check-cancelled")
                };
                announcer.say(said.clone());
                notice.set(Some(said));
            }
            cancel.set_value(None);
            step.set(None);
            busy.set(false);
        });
    };
    let stop = move |_| {
        if let Some(handle) = cancel.get_value() {
            handle.abort();
        }
    };
    let valid = move || check.with(|c| c.as_ref().is_some_and(|c| c.errors.is_empty()));
    view! {
        <div class="card" data-testid="import">
            <h2>{crate::tr!("customer-users-import-title")}</h2>
            <p>
                {crate::tr!("customer-users-import-columns", domain = domain)}
                " "
                <button
                    type="button"
                    class="secondary"
                    on:click=move |_| crate::ui::download("users-template.csv", &template)
                >
                    {crate::tr!("customer-users-download-template")}
                </button>
            </p>
            <label for="import-file">{crate::tr!("customer-users-csv-file")}</label>
            <input id="import-file" type="file" accept=".csv,text/csv" on:change=changed/>
            <p class="toolbar">
                <button
                    type="button"
                    class="secondary"
                    on:click=move |_| run(false)
                    disabled=move || busy.get()
                >
                    {crate::tr!("customer-users-validate")}
                </button>
                <button type="button" on:click=move |_| run(true) disabled=move || busy.get() || !valid()>
                    {crate::tr!("customer-users-import")}
                </button>
            </p>
            <Show when=move || busy.get()>
                <div class="progress" data-testid="import-progress">
                    <progress
                        max="100"
                        value=move || step.with(|s| s.as_ref().and_then(ImportStep::percent).unwrap_or(0))
                        aria-label=crate::tr!("customer-users-working")
                    ></progress>
                    " "
                    <span>{move || step.with(|s| s.as_ref().map(progress_text).unwrap_or_default())}</span>
                    " "
                    <button
                        type="button"
                        class="secondary"
                        data-testid="import-cancel"
                        on:click=stop
                        disabled=move || step.with(|s| matches!(s, Some(ImportStep::Saving | ImportStep::Users { .. })))
                    >
                        {crate::tr!("customer-users-import-cancel")}
                    </button>
                </div>
            </Show>
            <p class="ok" role="status" data-testid="import-notice">{move || notice.get()}</p>
            <p class="error" role="alert">{move || problem.get()}</p>
            <FormError error=error fields=&[]/>
            {move || {
                check
                    .get()
                    .map(|c| {
                        if c.errors.is_empty() {
                            view! {
                                <p class="ok" data-testid="import-check">
                                    {crate::tr_n!("customer-users-rows-valid", c.rows)}
                                </p>
                            }
                                .into_any()
                        } else {
                            view! {
                                <p class="error" data-testid="import-check">
                                    {crate::tr_n!(
                                        "customer-users-import-problems",
                                        c.errors.len() + c.more_errors,
                                        rows = crate::i18n::number(c.rows as i64),
                                    )}
                                </p>
                                <Table testid="import-errors" columns=&[crate::key!("customer-users-col-row"), crate::key!("customer-users-col-column"), crate::key!("customer-users-col-problem")]>
                                        {c
                                            .errors
                                            .into_iter()
                                            .map(|e| {
                                                view! {
                                                    <tr>
                                                        <td>{e.row}</td>
                                                        <td>{e.column}</td>
                                                        <td>{crate::i18n::message(&e.reason)}</td>
                                                    </tr>
                                                }
                                            })
                                            .collect_view()}
                                    </Table>
                            }
                                .into_any()
                        }
                    })
            }}
            {move || {
                result
                    .get()
                    .map(|(count, shown)| {
                        view! {
                            <h3 data-testid="import-result">{crate::tr_n!("customer-users-imported", count)}</h3>
                            <p>
                                {crate::tr!("customer-users-copy-passwords")}
                                " "
                                <button
                                    type="button"
                                    on:click=move |_| passwords.with_value(|f| f.download("imported-users.csv"))
                                >
                                    {crate::tr!("customer-users-download-passwords")}
                                </button>
                            </p>
                            {(count > shown.len()).then(|| view! {
                                <p data-testid="imported-shown">{crate::tr!("customer-users-imported-shown", shown = crate::i18n::number(shown.len() as i64), count = crate::i18n::number(count as i64))}</p>
                            })}
                            <Table testid="imported" columns=&[crate::key!("customer-users-col-display-name"), crate::key!("customer-users-col-user-name"), crate::key!("customer-users-col-temporary-password")]>
                                    {shown
                                        .into_iter()
                                        .map(|u| {
                                            view! {
                                                <tr>
                                                    <td>{u.display_name}</td>
                                                    <td>{u.user_name}</td>
                                                    <td><code>{u.temporary_password}</code></td>
                                                </tr>
                                            }
                                        })
                                        .collect_view()}
                                </Table>
                        }
                    })
            }}
        </div>
    }
}

/// A step before the last, in words: rows checked, rows written, saving.
fn progress_text(step: &ImportStep) -> String {
    let percent = step.percent().unwrap_or(0);
    match step {
        ImportStep::Checked { rows, .. } => crate::tr!(
            "customer-users-import-checking",
            rows = crate::i18n::number(*rows as i64),
            percent = percent
        ),
        ImportStep::Written { rows, total } => crate::tr!(
            "customer-users-import-writing",
            rows = crate::i18n::number(*rows as i64),
            total = crate::i18n::number(*total as i64),
            percent = percent
        ),
        ImportStep::Saving => crate::tr!("customer-users-import-saving"),
        ImportStep::Users { sent, total, .. } => crate::tr!(
            "customer-users-import-receiving",
            rows = crate::i18n::number(*sent as i64),
            total = crate::i18n::number(*total as i64),
            percent = percent
        ),
        _ => String::new(),
    }
}
