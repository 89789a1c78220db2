//! yew components: thin views over [`crate::core::annotations::state::State`].

pub mod annotator;
pub mod app;
pub mod article;
pub mod claim_form;
pub mod clicks;
pub mod context;
pub mod embed;
pub mod entities_panel;
pub mod export_menu;
pub mod flash;
pub mod history_buttons;
pub mod keyboard_mode;
pub mod loader;
pub mod notices;
pub mod open_panel;
pub mod overlays;
pub mod panel;
pub mod popover;
pub mod quoted;
pub mod reader_input;
pub mod reducer;
pub mod select_options;
pub mod settings_panel;
pub mod toolbar;
