//! "Add a device list": template, validate (nothing written), then add all
//! or nothing. The shape of the customer user import's panel.

use crate::devices::{
    device_list_size_problem, device_list_template, list_name_problem, DeviceList, DeviceListCheck,
    NewDeviceList, DEVICE_LIST_MAX_BYTES, DEVICE_LIST_MAX_ROWS,
};
use crate::error::AppError;
use crate::ui::{FormError, Table, TextField};
use leptos::prelude::*;

const FILE_INPUT: &str = "device-list-file";

/// The chosen file's text, or what is wrong with it (none chosen, too large).
async fn chosen_file() -> Result<String, String> {
    let text = crate::ui::read_chosen_file(FILE_INPUT).await?;
    match device_list_size_problem(text.len()) {
        Some(problem) => Err(crate::i18n::message(&problem)),
        None => Ok(text),
    }
}

/// The upload panel of a customer's devices page; `done` runs after a list
/// was added.
#[component]
pub(super) fn UploadPanel(customer_id: Signal<String>, done: Callback<()>) -> impl IntoView {
    let name = RwSignal::new(String::new());
    let check = RwSignal::new(None::<DeviceListCheck>);
    let added = RwSignal::new(None::<DeviceList>);
    let error = RwSignal::new(None::<AppError>);
    let problem = RwSignal::new(None::<String>);
    let busy = RwSignal::new(false);
    // A new file needs a new validation before it can be added.
    let changed = move |_| {
        check.set(None);
        problem.set(None);
        added.set(None);
    };
    let validate = move |_| {
        busy.set(true);
        error.set(None);
        problem.set(None);
        added.set(None);
        leptos::task::spawn_local(async move {
            match chosen_file().await {
                Ok(csv) => {
                    match crate::devices::validate_device_list(customer_id.get_untracked(), csv)
                        .await
                    {
                        Ok(c) => check.set(Some(c)),
                        Err(e) => error.set(Some(e)),
                    }
                }
                Err(p) => problem.set(Some(p)),
            }
            busy.set(false);
        });
    };
    let add = move |_| {
        error.set(None);
        if let Some(p) = list_name_problem(&name.get_untracked()) {
            error.set(Some(AppError::invalid("name", p)));
            return;
        }
        busy.set(true);
        leptos::task::spawn_local(async move {
            match chosen_file().await {
                Ok(csv) => {
                    let list = NewDeviceList {
                        name: name.get_untracked(),
                        csv,
                    };
                    match crate::devices::add_device_list(customer_id.get_untracked(), list).await {
                        Ok(l) => {
                            added.set(Some(l));
                            check.set(None);
                            name.set(String::new());
                            done.run(());
                        }
                        Err(e) => error.set(Some(e)),
                    }
                }
                Err(p) => problem.set(Some(p)),
            }
            busy.set(false);
        });
    };
    let valid = move || check.with(|c| c.as_ref().is_some_and(|c| c.errors.is_empty()));
    let template = device_list_template();
    view! {
        <section class="card" data-testid="device-upload">
            <h2>{crate::tr!("devices-add-list-title")}</h2>
            <p>
                {crate::tr!("devices-add-list-columns")}
                " "
                {crate::tr!(
                    "devices-add-list-limits",
                    rows = DEVICE_LIST_MAX_ROWS,
                    size = DEVICE_LIST_MAX_BYTES / (1024 * 1024)
                )}
                " "
                <button
                    type="button"
                    class="secondary"
                    on:click=move |_| crate::ui::download("device-list-template.csv", &template)
                >
                    {crate::tr!("devices-download-template")}
                </button>
            </p>
            <TextField id="name" label=crate::tr!("devices-list-name") value=name error=error/>
            <label for=FILE_INPUT>{crate::tr!("devices-csv-file")}</label>
            <input id=FILE_INPUT type="file" accept=".csv,text/csv" on:change=changed/>
            <p class="toolbar">
                <button type="button" class="secondary" on:click=validate disabled=move || busy.get()>
                    {crate::tr!("devices-validate")}
                </button>
                <button type="button" on:click=add disabled=move || busy.get() || !valid()>
                    {crate::tr!("devices-add-devices")}
                </button>
            </p>
            {move || busy.get().then(|| view! { <p><progress aria-label=crate::tr!("devices-working")></progress> " " {crate::tr!("devices-working-ellipsis")}</p> })}
            <p class="error" role="alert">{move || problem.get()}</p>
            <FormError error=error fields=&["name"]/>
            {move || {
                added
                    .get()
                    .map(|l| {
                        view! {
                            <p class="ok" data-testid="device-list-added">
                                {crate::tr_n!("devices-list-added", l.device_count, name = l.name)}
                            </p>
                        }
                    })
            }}
            {move || check.get().map(|c| view! { <CheckReport check=c/> })}
        </section>
    }
}

/// What the validation found.
#[component]
fn CheckReport(check: DeviceListCheck) -> impl IntoView {
    if check.errors.is_empty() {
        return view! {
            <p class="ok" data-testid="device-list-check">
                {crate::tr_n!("devices-list-valid", check.rows)}
            </p>
        }
        .into_any();
    }
    view! {
        <p class="error" data-testid="device-list-check">
            {crate::tr!(
                "devices-list-problems",
                problems = check.errors.len() + check.more_errors,
                rows = check.rows
            )}
        </p>
        <Table testid="device-list-errors" columns=&[crate::key!("devices-col-row"), crate::key!("devices-col-column"), crate::key!("devices-col-problem")]>
            {check
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
