//! What a widget shares with every component inside it, provided once by the widget (`App`,
//! `EmbedApp`) through a yew context: the interface language, the entity registry and the callbacks
//! that edit annotations.

use crate::core::claims::verdicts::Scale;
use crate::core::entities::registry::Entity;
use crate::i18n::Lang;
use crate::ui::annotator::Edits;
use std::rc::Rc;
use yew::prelude::*;

/// The widget's context (`ContextProvider<Widget>` around its markup).
#[derive(Clone, PartialEq)]
pub struct Widget {
    /// Interface language.
    pub lang: Lang,
    /// The entity registry (keys `1`… in this order).
    pub registry: Rc<Vec<Entity>>,
    /// The callbacks that edit annotations.
    pub edits: Edits,
    /// The verdict scale claims are judged on.
    pub scale: Rc<Scale>,
}

/// The context of the widget this component is in.
#[hook]
pub fn use_widget() -> Widget {
    use_context::<Widget>().expect("a Hamish component rendered outside a widget's ContextProvider")
}
