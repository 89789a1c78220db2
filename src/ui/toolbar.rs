//! The toolbar shown beside a selection: Claim and one button per entity.

use crate::core::annotations::model::Kind;
use crate::ui::clicks::send;
use crate::ui::context::Widget;
use crate::ui::reader_input::Command;
use yew::prelude::*;

/// Where the toolbar goes and what it offers.
pub struct ToolbarAt {
    /// Horizontal centre, pixels relative to the widget.
    pub x: f64,
    /// Top of the selection (bottom when `below`), pixels relative to the widget.
    pub y: f64,
    /// Whether the toolbar goes below the selection.
    pub below: bool,
    /// True while re-attaching an orphan: the toolbar offers "Attach here" instead of tags.
    pub reattaching: bool,
}

/// The toolbar's element, kept inside the window after every drawing of the widget that calls it.
#[hook]
pub fn use_toolbar_ref() -> NodeRef {
    let root = use_node_ref();
    {
        let root = root.clone();
        use_effect(move || {
            if let Some(el) = root.cast::<web_sys::HtmlElement>() {
                crate::web::page::keep_in_viewport(&el);
            }
        });
    }
    root
}

/// The selection toolbar, drawn into `root` ([`use_toolbar_ref`]). Its buttons do not take the focus on
/// mouse down, so the selection stays. What the reader chooses goes to the widget's `on_command`;
/// Cancel stops re-attaching. (A function, not a component: each component costs the bundle its own
/// copy of yew's lifecycle code.)
pub fn toolbar(widget: &Widget, p: &ToolbarAt, root: &NodeRef) -> Html {
    let Widget {
        lang,
        registry,
        edits,
        ..
    } = widget;
    let keep_selection = Callback::from(|e: MouseEvent| e.prevent_default());
    let strings = lang.strings();
    let class = classes!("hamish-toolbar", p.below.then_some("below"));
    let (label, buttons) = if p.reattaching {
        let on_command = edits.on_command.clone();
        let buttons = html! {
            <>
                <button type="button" class="tb-btn tb-claim" onmousedown={keep_selection.clone()}
                        onclick={move |_| on_command.emit(Command::Attach)} aria-keyshortcuts="Enter">
                    <span class="tb-label">{ strings.attach_here }</span><kbd aria-hidden="true">{ "↵" }</kbd>
                </button>
                <button type="button" class="tb-btn" onmousedown={keep_selection.clone()}
                        onclick={send(&edits.on_reattach, None)}>{ strings.cancel }</button>
            </>
        };
        (strings.reattach, buttons)
    } else {
        // Keys go to the claim and the first nine entities; later entities still get a button.
        let button = |kind: Kind, label: String, key: Option<String>, style: String| {
            let on_command = edits.on_command.clone();
            let class = classes!("tb-btn", matches!(kind, Kind::Claim).then_some("tb-claim"));
            html! {
                <button type="button" {class} style={style} onmousedown={keep_selection.clone()}
                        onclick={move |_| on_command.emit(Command::Tag(kind.clone()))} aria-keyshortcuts={key.clone()}>
                    <span class="tb-label">{ label }</span>
                    if let Some(key) = key {
                        <kbd aria-hidden="true">{ key }</kbd>
                    }
                </button>
            }
        };
        let entities = registry.iter().enumerate().map(|(i, e)| {
            button(
                Kind::Entity(e.id.clone()),
                e.label(lang.is_arabic()).to_string(),
                (i < 9).then(|| (i + 1).to_string()),
                format!("--hl-color:{}", e.color),
            )
        });
        let buttons = html! {
            <>
                { button(Kind::Claim, strings.claim.to_string(), Some("c".into()), String::new()) }
                { for entities }
            </>
        };
        (strings.toolbar_label, buttons)
    };
    // Whole pixels: formatting an f64 would pull float formatting into the wasm.
    let style = format!("left:{}px;top:{}px", p.x as i32, p.y as i32);
    html! {
        <div {class} role="toolbar" aria-label={label} {style} ref={root.clone()}>{ buttons }</div>
    }
}
