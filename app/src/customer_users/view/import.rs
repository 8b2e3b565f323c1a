//! "Import users" from a CSV file.

use crate::customer_users::{import_template, ImportCheck, ImportResult};
use crate::error::AppError;
use crate::ui::{FormError, Table};
use leptos::prelude::*;

/// "Import users": template, validate (nothing written), then import all or
/// nothing, and the passwords of the users created.
#[component]
pub(super) fn ImportPanel(
    customer_id: String,
    domain: String,
    done: Callback<()>,
) -> impl IntoView {
    let customer_id = StoredValue::new(customer_id);
    let template = import_template(&domain);
    let check = RwSignal::new(None::<ImportCheck>);
    let result = RwSignal::new(None::<ImportResult>);
    let error = RwSignal::new(None::<AppError>);
    let problem = RwSignal::new(None::<String>);
    let busy = RwSignal::new(false);
    // A new file needs a new validation before it can be imported.
    let changed = move |_| {
        check.set(None);
        problem.set(None);
    };
    let announcer = crate::ui::announcer();
    let validate = move |_| {
        busy.set(true);
        error.set(None);
        problem.set(None);
        leptos::task::spawn_local(async move {
            match crate::ui::read_chosen_file("import-file").await {
                Ok(text) => {
                    match crate::customer_users::validate_customer_user_import(
                        customer_id.get_value(),
                        text,
                    )
                    .await
                    {
                        Ok(c) => {
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
                        Err(e) => error.set(Some(e)),
                    }
                }
                Err(p) => problem.set(Some(p)),
            }
            busy.set(false);
        });
    };
    let import = move |_| {
        busy.set(true);
        error.set(None);
        leptos::task::spawn_local(async move {
            match crate::ui::read_chosen_file("import-file").await {
                Ok(text) => match crate::customer_users::import_customer_users(
                    customer_id.get_value(),
                    text,
                )
                .await
                {
                    Ok(r) => {
                        announcer.say(crate::tr_n!("customer-users-imported", r.users.len()));
                        result.set(Some(r));
                        done.run(());
                    }
                    Err(e) => error.set(Some(e)),
                },
                Err(p) => problem.set(Some(p)),
            }
            busy.set(false);
        });
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
                <button type="button" class="secondary" on:click=validate disabled=move || busy.get()>
                    {crate::tr!("customer-users-validate")}
                </button>
                <button type="button" on:click=import disabled=move || busy.get() || !valid()>
                    {crate::tr!("customer-users-import")}
                </button>
            </p>
            {move || {
                busy.get()
                    .then(|| {
                        view! {
                            <p>
                                <progress aria-label=crate::tr!("customer-users-working")></progress>
                                " "
                                {crate::tr!("customer-users-working-long")}
                            </p>
                        }
                    })
            }}
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
                    .map(|r| {
                        let csv = r.to_csv();
                        view! {
                            <h3 data-testid="import-result">{crate::tr_n!("customer-users-imported", r.users.len())}</h3>
                            <p>
                                {crate::tr!("customer-users-copy-passwords")}
                                " "
                                <button
                                    type="button"
                                    on:click=move |_| crate::ui::download("imported-users.csv", &csv)
                                >
                                    {crate::tr!("customer-users-download-passwords")}
                                </button>
                            </p>
                            <Table testid="imported" columns=&[crate::key!("customer-users-col-display-name"), crate::key!("customer-users-col-user-name"), crate::key!("customer-users-col-temporary-password")]>
                                    {r
                                        .users
                                        .into_iter()
                                        .take(1000)
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
