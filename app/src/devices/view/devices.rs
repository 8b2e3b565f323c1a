//! `/customers/:id/devices`: a customer's devices, the profile actions on
//! the selected ones, the device lists and the upload panel.
//!
//! Page rule (README, "Rules for page code"): the devices (with the
//! customer and its lists) are one resource, awaited in one boundary; the
//! profiles for the "Apply" menu are another, in the toolbar's own boundary.

use super::upload::UploadPanel;
use crate::access::ui::use_identity;
use crate::access::Capability;
use crate::devices::{CustomerDevices, Device, DeviceList, DeviceProfile, DeviceQuery};
use crate::error::AppError;
use crate::time::format_local;
use crate::ui::{id_param, ErrorMessage, FormError, Pager, SearchBox, Table};
use leptos::prelude::*;
use std::collections::BTreeSet;

/// `/customers/:id/devices`.
#[component]
pub fn CustomerDevicesPage() -> impl IntoView {
    let id = id_param();
    let me = use_identity();
    let manage = me.can(Capability::DeviceProfilesManage);
    let add = me.can(Capability::DeviceListsAdd);
    let search = RwSignal::new(String::new());
    let page = RwSignal::new(0u32);
    let reload = RwSignal::new(0u32);
    let selected = RwSignal::new(BTreeSet::<String>::new());
    let error = RwSignal::new(None::<AppError>);
    let notice = RwSignal::new(None::<String>);
    let devices = Resource::new(
        move || {
            (
                DeviceQuery {
                    customer_id: id(),
                    search: search.get(),
                    page: page.get(),
                },
                reload.get(),
            )
        },
        |(q, _)| crate::devices::list_devices(q),
    );
    // Only those who apply profiles read them (the others would get 403).
    let profiles = Resource::new(
        || (),
        move |_| async move {
            if manage {
                crate::devices::list_device_profiles().await
            } else {
                Ok(Vec::new())
            }
        },
    );
    let refresh = move || {
        selected.set(BTreeSet::new());
        reload.update(|n| *n += 1);
    };
    let apply = Callback::new(move |profile_id: Option<String>| {
        error.set(None);
        notice.set(None);
        let ids: Vec<String> = selected.get_untracked().into_iter().collect();
        leptos::task::spawn_local(async move {
            let removing = profile_id.is_none();
            match crate::devices::apply_device_profile(id(), ids, profile_id).await {
                Ok(n) => {
                    notice.set(Some(if removing {
                        crate::tr_n!("devices-profile-removed", n)
                    } else {
                        crate::tr_n!("devices-profile-applied", n)
                    }));
                    refresh();
                }
                Err(e) => error.set(Some(e)),
            }
        });
    });
    view! {
        <section class="card">
            <h1>{crate::tr!("devices-title")}</h1>
            <div class="toolbar">
                <SearchBox id="device-search" label=crate::tr!("devices-find-device") value=search page=page/>
                {manage.then(|| view! { <ProfileActions profiles=profiles selected=selected apply=apply/> })}
            </div>
            <p role="status" class="ok" data-testid="notice">{move || notice.get()}</p>
            <FormError error=error fields=&[]/>
            <Transition fallback=|| view! { <p class="muted">{crate::tr!("ui-loading")}</p> }>
                {move || Suspend::new(async move {
                    match devices.await {
                        Ok(d) => view! { <DeviceTable devices=d selected=selected page=page/> }.into_any(),
                        Err(e) => view! { <ErrorMessage error=e/> }.into_any(),
                    }
                })}
            </Transition>
        </section>
        {add
            .then(|| {
                view! {
                    <UploadPanel
                        customer_id=Signal::derive(id)
                        done=Callback::new(move |_| refresh())
                    />
                }
            })}
    }
}

/// The profile menu and the "Apply" / "Remove profile" buttons.
#[component]
fn ProfileActions(
    profiles: Resource<Result<Vec<DeviceProfile>, AppError>>,
    selected: RwSignal<BTreeSet<String>>,
    apply: Callback<Option<String>>,
) -> impl IntoView {
    let chosen = RwSignal::new(String::new());
    let none_selected = move || selected.with(BTreeSet::is_empty);
    view! {
        <Transition fallback=|| ()>
            {move || Suspend::new(async move {
                match profiles.await {
                    Ok(list) => {
                        view! {
                            <div>
                                <label for="apply-profile">{crate::tr!("devices-profile")}</label>
                                <select
                                    id="apply-profile"
                                    prop:value=move || chosen.get()
                                    on:change=move |ev| chosen.set(event_target_value(&ev))
                                >
                                    <option value="">{crate::tr!("devices-choose-profile")}</option>
                                    {list
                                        .into_iter()
                                        .map(|p| view! { <option value=p.profile_id>{p.name}</option> })
                                        .collect_view()}
                                </select>
                            </div>
                        }
                            .into_any()
                    }
                    Err(e) => view! { <ErrorMessage error=e/> }.into_any(),
                }
            })}
        </Transition>
        <button
            type="button"
            disabled=move || none_selected() || chosen.with(String::is_empty)
            on:click=move |_| apply.run(Some(chosen.get_untracked()))
        >
            {crate::tr!("devices-apply-profile")}
        </button>
        <button type="button" class="secondary" disabled=none_selected on:click=move |_| apply.run(None)>
            {crate::tr!("devices-remove-profile")}
        </button>
    }
}

const COLUMNS: &[&str] = &[
    crate::key!("devices-col-serial-number"),
    crate::key!("devices-col-manufacturer"),
    crate::key!("devices-col-model"),
    crate::key!("devices-col-hardware-hash"),
    crate::key!("devices-col-profile"),
    crate::key!("devices-col-device-name"),
    crate::key!("devices-col-device-list"),
    crate::key!("devices-col-added"),
];
const COLUMNS_SELECT: &[&str] = &[
    crate::key!("devices-col-select"),
    crate::key!("devices-col-serial-number"),
    crate::key!("devices-col-manufacturer"),
    crate::key!("devices-col-model"),
    crate::key!("devices-col-hardware-hash"),
    crate::key!("devices-col-profile"),
    crate::key!("devices-col-device-name"),
    crate::key!("devices-col-device-list"),
    crate::key!("devices-col-added"),
];

#[component]
fn DeviceTable(
    devices: CustomerDevices,
    selected: RwSignal<BTreeSet<String>>,
    page: RwSignal<u32>,
) -> impl IntoView {
    let c = devices;
    let summary = crate::tr_n!(
        "devices-customer-summary",
        c.total,
        customer = c.customer_name,
        domain = c.domain
    );
    let select = c.can_manage_profiles;
    let rows = if c.devices.is_empty() {
        view! {
            <p data-testid="no-devices">
                {if c.can_add_list {
                    crate::tr!("devices-no-device-matches-add")
                } else {
                    crate::tr!("devices-no-device-matches")
                }}
            </p>
        }
        .into_any()
    } else {
        view! {
            <Table testid="devices" columns=if select { COLUMNS_SELECT } else { COLUMNS }>
                {c
                    .devices
                    .into_iter()
                    .map(|d| view! { <DeviceRow device=d selected=selected/> })
                    .collect_view()}
            </Table>
            <Pager page=page total=c.total page_size=c.page_size/>
        }
        .into_any()
    };
    let customer_link = use_identity().can(Capability::CustomersView).then(
        || view! { " · " <a href=format!("/customers/{}", c.customer_id)>{crate::tr!("devices-customer-details")}</a> },
    );
    view! {
        <p data-testid="device-customer">
            <strong>{summary}</strong>
            {customer_link}
            " · "
            <a href="/devices">{crate::tr!("devices-all-customers")}</a>
        </p>
        {rows}
        <DeviceLists lists=c.lists/>
    }
}

#[component]
fn DeviceRow(device: Device, selected: RwSignal<BTreeSet<String>>) -> impl IntoView {
    let d = device;
    let id = d.device_id.clone();
    let id_check = id.clone();
    let label = crate::tr!("devices-select-device", serial = d.serial_number);
    view! {
        <tr data-testid="device-row">
            {d
                .actions
                .can_apply_profile
                .then(|| {
                    view! {
                        <td>
                            <input
                                type="checkbox"
                                aria-label=label
                                prop:checked=move || selected.with(|s| s.contains(&id_check))
                                on:change=move |ev| {
                                    let on = event_target_checked(&ev);
                                    let id = id.clone();
                                    selected
                                        .update(|s| {
                                            if on {
                                                s.insert(id);
                                            } else {
                                                s.remove(&id);
                                            }
                                        });
                                }
                            />
                        </td>
                    }
                })}
            <td data-testid="serial">{d.serial_number.clone()}</td>
            <td>{d.manufacturer.clone()}</td>
            <td>{d.model.clone()}</td>
            <td>{if d.has_hardware_hash { crate::tr!("devices-yes") } else { crate::tr!("devices-no") }}</td>
            <td data-testid="profile">{d.profile_name.clone().unwrap_or_else(|| crate::tr!("devices-no-profile"))}</td>
            <td>{d.device_name.clone().unwrap_or_default()}</td>
            <td>{d.list_name.clone()}</td>
            <td>{format_local(d.added_at)} <br/> <span class="muted">{d.added_by.clone()}</span></td>
        </tr>
    }
}

#[component]
fn DeviceLists(lists: Vec<DeviceList>) -> impl IntoView {
    if lists.is_empty() {
        return ().into_any();
    }
    view! {
        <h2>{crate::tr!("devices-device-lists")}</h2>
        <Table testid="device-lists" columns=&[crate::key!("devices-col-list"), crate::key!("devices-col-devices"), crate::key!("devices-col-added"), crate::key!("devices-col-by")]>
            {lists
                .into_iter()
                .map(|l| {
                    view! {
                        <tr>
                            <td>{l.name}</td>
                            <td>{l.device_count}</td>
                            <td>{format_local(l.added_at)}</td>
                            <td>{l.added_by}</td>
                        </tr>
                    }
                })
                .collect_view()}
        </Table>
    }
    .into_any()
}
