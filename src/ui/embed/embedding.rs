//! What the embedded widget's parts share: one mounted article ([`Embedding`]) and what the page's
//! script reaches through the mount handle ([`Bridge`]).

use crate::core::annotations::model::Annotation;
use crate::core::annotations::state::{Notice, State};
use crate::core::claims::settings::Reviewer;
use crate::core::claims::verdicts::Scale;
use crate::core::embed::options::PanelPlacement;
use crate::core::entities::registry::Entity;
use crate::i18n::Lang;
use crate::web::highlights::Painter;
use crate::web::host_text::HostText;
use std::cell::RefCell;
use std::rc::Rc;
use web_sys::Element;
use yew::prelude::*;

/// What the page's script reaches through the mount handle: the current annotations and the reducer.
#[derive(Default)]
pub struct Bridge {
    /// The annotations as last rendered.
    pub annotations: RefCell<Rc<Vec<Annotation>>>,
    /// The entity registry in use.
    pub registry: RefCell<Rc<Vec<Entity>>>,
    /// The widget's reducer, once it has rendered.
    pub dispatcher: RefCell<Option<UseReducerDispatcher<State>>>,
    /// The host's text as the widget last read it.
    pub host: RefCell<Option<Rc<HostText>>>,
    /// Gives the widget a fresh reading of the host's text (after the host changed it).
    pub rehost: RefCell<Option<Callback<HostText>>>,
    /// The interface language the reader has now (exports from the handle label in it).
    pub lang: std::cell::Cell<Option<Lang>>,
    /// Resolves `mount`'s wait once the widget has rendered and its reducer is reachable.
    pub on_ready: RefCell<Option<js_sys::Function>>,
}

impl Bridge {
    /// The host's text as the widget last read it, else as it was read at mounting.
    pub fn current_host(&self, mounted: &Rc<HostText>) -> Rc<HostText> {
        self.host
            .borrow()
            .clone()
            .unwrap_or_else(|| mounted.clone())
    }
}

/// One mounted article and everything its widget needs.
pub struct Embedding {
    /// The host's article text and its map to the DOM.
    pub host: Rc<HostText>,
    /// The mounted element (events are dispatched on it).
    pub mount: Element,
    /// The element holding the shadow root: positions are relative to it.
    pub frame: Element,
    /// The entities readers can tag.
    pub registry: Rc<Vec<Entity>>,
    /// Interface language to start in.
    pub lang: Lang,
    /// Storage namespace.
    pub namespace: String,
    /// Annotations are shown but cannot be changed.
    pub read_only: bool,
    /// Where the panel goes.
    pub panel: PanelPlacement,
    /// How many articles were mounted on the page before this one (their launchers stack).
    pub slot: usize,
    /// Draws the highlights.
    pub painter: Rc<Painter>,
    /// Shared with the page's script.
    pub bridge: Rc<Bridge>,
    /// Notices to show from the start.
    pub notices: Vec<Notice>,
    /// The verdict scale (the site's `verdicts` option, else Hamish's default).
    pub scale: Rc<Scale>,
    /// Who reviews claims on this site (the `reviewer` option), else the reader's own settings.
    pub reviewer: Option<Reviewer>,
}
