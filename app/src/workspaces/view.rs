use crate::access::ui::{use_identity, NavPage};
use crate::access::{capabilities_of, Capability, Role, Workspace};
use crate::ui::Card;
use crate::ui::NAV_PAGES;
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

/// `/roles`: the role → capability matrix, rendered from the shared table.
#[component]
pub fn RolesPage() -> impl IntoView {
    view! {
        <Card
            title=crate::tr!("workspaces-roles-title")
            intro=crate::tr!("workspaces-roles-intro")
        >
            <div class="scroll" tabindex="0">
                <table data-testid="matrix">
                    <thead>
                        <tr>
                            <th scope="col">{crate::tr!("workspaces-col-permission")}</th>
                            {Role::ALL
                                .into_iter()
                                .map(|r| view! { <th scope="col">{r.name()}</th> })
                                .collect_view()}
                        </tr>
                    </thead>
                    <tbody>
                        {Workspace::ALL
                            .into_iter()
                            .map(|ws| {
                                view! {
                                    <tr>
                                        <th colspan="10" scope="rowgroup">{ws.name()}</th>
                                    </tr>
                                    {Capability::ALL
                                        .iter()
                                        .filter(|c| c.workspace() == ws)
                                        .map(|c| {
                                            view! {
                                                <tr>
                                                    <td>{capitalize(&c.name())}</td>
                                                    {Role::ALL
                                                        .into_iter()
                                                        .map(|r| {
                                                            let yes = capabilities_of(r).has(*c);
                                                            view! {
                                                                <td aria-label=if yes { crate::tr!("workspaces-yes") } else { crate::tr!("workspaces-no") }>
                                                                    {if yes { "✓" } else { "" }}
                                                                </td>
                                                            }
                                                        })
                                                        .collect_view()}
                                                </tr>
                                            }
                                        })
                                        .collect_view()}
                                }
                            })
                            .collect_view()}
                    </tbody>
                </table>
            </div>
        </Card>
    }
}

fn capitalize(s: &str) -> String {
    let mut chars = s.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

/// `/workspace/:slug`: what the identity may do in one workspace.
#[component]
pub fn WorkspacePage() -> impl IntoView {
    let me = use_identity();
    let params = use_params_map();
    move || {
        let slug = params.with(|p| p.get("slug").unwrap_or_default());
        let Some(ws) = Workspace::from_slug(&slug) else {
            return view! { <crate::ui::NotFoundPage/> }.into_any();
        };
        let mine: Vec<Capability> = me
            .capabilities
            .iter()
            .filter(|c| c.workspace() == ws)
            .collect();
        if mine.is_empty() {
            return view! {
                <section class="card">
                    <h1>{ws.name()}</h1>
                    <p class="error" role="alert">{crate::tr!("workspaces-no-access")}</p>
                </section>
            }
            .into_any();
        }
        let pages: Vec<&NavPage> = NAV_PAGES
            .iter()
            .filter(|p| p.workspace == Some(ws) && p.needs.is_none_or(|c| me.can(c)))
            .collect();
        view! {
            <section class="card">
                <h1>{ws.name()}</h1>
                {if pages.is_empty() {
                    view! {
                        <p data-testid="workspace-pages">
                            {crate::tr!("workspaces-no-pages")}
                        </p>
                    }
                        .into_any()
                } else {
                    view! {
                        <p>{crate::tr!("workspaces-its-pages")}</p>
                        <ul data-testid="workspace-pages">
                            {pages
                                .into_iter()
                                .map(|p| view! { <li><a href=p.href>{crate::i18n::text(p.label)}</a></li> })
                                .collect_view()}
                        </ul>
                    }
                        .into_any()
                }}
                <p>{crate::tr!("workspaces-your-roles-let-you")}</p>
                <ul data-testid="workspace-capabilities">
                    {mine.into_iter().map(|c| view! { <li>{capitalize(&c.name())}</li> }).collect_view()}
                </ul>
            </section>
        }
            .into_any()
    }
}
