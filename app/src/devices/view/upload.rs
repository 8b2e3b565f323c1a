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
        Some(problem) => Err(problem),
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
            <h2>"Add a device list"</h2>
            <p>
                "A CSV file with the columns Device serial number, Hardware hash (base64, optional), Manufacturer and Model; "
                {format!(
                    "at most {DEVICE_LIST_MAX_ROWS} devices and {} MB per file. ",
                    DEVICE_LIST_MAX_BYTES / (1024 * 1024)
                )}
                <button
                    type="button"
                    class="secondary"
                    on:click=move |_| crate::ui::download("device-list-template.csv", &template)
                >
                    "Download template"
                </button>
            </p>
            <TextField id="name" label="List name" value=name error=error/>
            <label for=FILE_INPUT>"CSV file"</label>
            <input id=FILE_INPUT type="file" accept=".csv,text/csv" on:change=changed/>
            <p class="toolbar">
                <button type="button" class="secondary" on:click=validate disabled=move || busy.get()>
                    "Validate"
                </button>
                <button type="button" on:click=add disabled=move || busy.get() || !valid()>
                    "Add devices"
                </button>
            </p>
            {move || busy.get().then(|| view! { <p><progress aria-label="Working"></progress> " Working…"</p> })}
            <p class="error" role="alert">{move || problem.get()}</p>
            <FormError error=error fields=&["name"]/>
            {move || {
                added
                    .get()
                    .map(|l| {
                        view! {
                            <p class="ok" data-testid="device-list-added">
                                {format!("{} device(s) added in the list \"{}\".", l.device_count, l.name)}
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
                {format!("{} device(s) are valid. Nothing is written until you add them.", check.rows)}
            </p>
        }
        .into_any();
    }
    view! {
        <p class="error" data-testid="device-list-check">
            {format!(
                "{} problem(s) in {} row(s); nothing was written. Fix the file and validate again.",
                check.errors.len() + check.more_errors,
                check.rows,
            )}
        </p>
        <Table testid="device-list-errors" columns=&["Row", "Column", "Problem"]>
            {check
                .errors
                .into_iter()
                .map(|e| {
                    view! {
                        <tr>
                            <td>{e.row}</td>
                            <td>{e.column}</td>
                            <td>{e.reason}</td>
                        </tr>
                    }
                })
                .collect_view()}
        </Table>
    }
    .into_any()
}
