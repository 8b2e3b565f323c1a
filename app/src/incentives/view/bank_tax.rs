//! `/incentives/bank-tax`: where the programs pay the organization.

use crate::error::AppError;
use crate::incentives::{check_bank_tax, BankTaxInput, BankTaxProfile};
use crate::time::format_local;
use crate::ui::{FormError, Loaded, SaveNotice, Saves, TextField};
use leptos::prelude::*;

/// `/incentives/bank-tax`.
#[component]
pub fn BankTaxPage() -> impl IntoView {
    let saves = Saves::new();
    let profile = Resource::new(
        move || saves.count(),
        |_| crate::incentives::get_bank_tax_profile(),
    );
    view! {
        <section class="card">
            <h1>{crate::tr!("incentives-bank-tax-title")}</h1>
            <p>{crate::tr!("incentives-bank-tax-intro")}</p>
            <SaveNotice saves=saves/>
            <Loaded resource=profile ok=move |p| view! { <BankTaxForm profile=p saves=saves/> }/>
        </section>
    }
}

#[component]
fn BankTaxForm(profile: BankTaxProfile, saves: Saves) -> impl IntoView {
    let has_account = !profile.account_number_masked.is_empty();
    let version = profile.version;
    let account_holder = RwSignal::new(profile.account_holder);
    let bank_name = RwSignal::new(profile.bank_name);
    let account_number = RwSignal::new(String::new());
    let tax_id = RwSignal::new(profile.tax_id);
    let tax_country = RwSignal::new(profile.tax_country);
    let vat = RwSignal::new(profile.vat_registered);
    let error = RwSignal::new(None::<AppError>);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let input = BankTaxInput {
            account_holder: account_holder.get_untracked(),
            bank_name: bank_name.get_untracked(),
            account_number: account_number.get_untracked(),
            tax_id: tax_id.get_untracked(),
            tax_country: tax_country.get_untracked(),
            vat_registered: vat.get_untracked(),
        };
        let problems = check_bank_tax(&input, has_account);
        if !problems.is_empty() {
            error.set(Some(AppError::Validation(problems)));
            return;
        }
        error.set(None);
        leptos::task::spawn_local(async move {
            let result = crate::incentives::save_bank_tax_profile(version, input).await;
            saves.after_edit(
                result,
                version,
                crate::key!("incentives-bank-tax-saved"),
                error,
            );
        });
    };
    let saved = if has_account {
        view! {
            <p data-testid="account-saved">
                {crate::tr!("incentives-account-on-file")} " " <strong>{profile.account_number_masked}</strong>
                {profile
                    .updated_at
                    .map(|t| format!(" {}", crate::tr!("incentives-saved-at", at = format_local(t))))}
            </p>
        }
        .into_any()
    } else {
        view! { <p class="muted" data-testid="account-saved">{crate::tr!("incentives-no-account")}</p> }
            .into_any()
    };
    let number_label = if has_account {
        crate::tr!("incentives-new-account-number")
    } else {
        crate::tr!("incentives-account-number")
    };
    view! {
        {saved}
        <form on:submit=submit novalidate data-testid="bank-tax-form">
            <TextField id="account_holder" label=crate::tr!("incentives-account-holder") value=account_holder error=error/>
            <TextField id="bank_name" label=crate::tr!("incentives-bank-name") value=bank_name error=error/>
            <TextField id="account_number" label=number_label value=account_number error=error autocomplete="off"/>
            <TextField id="tax_id" label=crate::tr!("incentives-tax-id") value=tax_id error=error/>
            <TextField id="tax_country" label=crate::tr!("incentives-tax-country") value=tax_country error=error/>
            <label class="check">
                <input
                    type="checkbox"
                    id="vat_registered"
                    checked=vat.get_untracked()
                    prop:checked=move || vat.get()
                    on:change=move |ev| vat.set(event_target_checked(&ev))
                />
                " "
                {crate::tr!("incentives-vat-registered")}
            </label>
            <FormError error=error fields=&["account_holder", "bank_name", "account_number", "tax_id", "tax_country"]/>
            <p><button type="submit">{crate::tr!("incentives-save-profile")}</button></p>
        </form>
    }
}
