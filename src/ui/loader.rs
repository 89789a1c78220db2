//! Chooses and opens the article: `?src=URL` (named by `?id=`, else its URL), `?text=ID` (a text
//! opened before from a file or paste), else the bundled article; later, whatever the reader opens.
//! A failed open keeps the current article and annotations and says what went wrong.

use crate::core::annotations::state::Notice;
use crate::core::text::article::{bundled, Article};
use crate::core::text::open_error::OpenError;
use crate::core::text::source::{check_size, Format};
use crate::i18n::Lang;
use crate::ui::app::App;
use crate::ui::open_panel::OpenRequest;
use crate::web::{library, open, page, registry_store, settings_store};
use std::rc::Rc;
use yew::prelude::*;

/// Properties of [`Loader`].
#[derive(Properties, PartialEq)]
pub struct LoaderProps {
    /// `?src=`: where to fetch the article from.
    pub src: Option<String>,
    /// `?id=`: the article's id (default: its URL).
    pub id: Option<String>,
    /// `?text=`: the id of a stored text to reopen.
    pub text: Option<String>,
    /// `?ui=`: the interface language asked for.
    pub ui: Option<String>,
}

/// The open article: where it came from, and the notices its opening left.
#[derive(Clone, PartialEq)]
struct Current {
    article: Rc<Article>,
    url: Option<String>,
    notices: Vec<Notice>,
    /// Names this opening (id and a counter), so that every open mounts a fresh annotator even when
    /// the same article comes back with changed text.
    key: String,
    /// Whether the reader opened it (Open…, the recent list, a dropped file), not the page.
    opened: bool,
}

/// Opens what was asked for.
async fn open(request: OpenRequest) -> Result<(Article, Option<String>), OpenError> {
    match request {
        OpenRequest::Url { url, id } => {
            let absolute = web_sys::Url::new_with_base(&url, &page::href())
                .map(|u| u.href())
                .unwrap_or(url);
            open::open_url(&absolute, id.as_deref())
                .await
                .map(|a| (a, Some(absolute)))
        }
        OpenRequest::File(file) => open::open_file(file).await.map(|a| (a, None)),
        OpenRequest::Text { text, html } => {
            // The same limit as a file's, in UTF-8 bytes; rich text over it (an inline image, say)
            // falls back to the plain text.
            let (format, body) =
                match html.filter(|h| !h.trim().is_empty() && check_size(h.len()).is_ok()) {
                    Some(html) => (Format::Html, html),
                    None => (Format::Plain, text),
                };
            check_size(body.len())?;
            if body.trim().is_empty() {
                return Err(OpenError::PastedEmpty);
            }
            open::article_from_text(None, None, format, &body).map(|a| (a, None))
        }
        OpenRequest::Recent(id) => match library::recent()
            .into_iter()
            .find(|r| r.id == id)
            .and_then(|r| r.url)
        {
            Some(url) => open::open_url(&url, Some(&id))
                .await
                .map(|a| (a, Some(url))),
            None => library::stored_article(&id)
                .map(|a| (a, None))
                .ok_or(OpenError::NoLongerStored),
        },
        OpenRequest::Bundled => Ok((bundled(), None)),
    }
}

/// Where the address bar should point for an article, so that a reload reopens it; an article the
/// reader opened gets a new history entry, so that Back returns to the one before.
fn remember_in_address(article: &Article, url: Option<&str>, id: Option<&str>, new_entry: bool) {
    let params = if article.id == bundled().id && url.is_none() {
        [("src", None), ("id", None), ("text", None)]
    } else if let Some(url) = url {
        [("src", Some(url)), ("id", id), ("text", None)]
    } else {
        [
            ("src", None),
            ("id", None),
            ("text", Some(article.id.as_str())),
        ]
    };
    page::set_query(&params, new_entry);
}

/// Loads the article, then shows the annotator for it.
#[function_component]
pub fn Loader(p: &LoaderProps) -> Html {
    let current = use_state(|| {
        let stored = p.text.as_deref().and_then(library::stored_article);
        match (&p.src, stored) {
            (Some(_), _) => None,
            (None, Some(article)) => Some(Current {
                key: format!("{}#0", article.id),
                article: Rc::new(article),
                url: None,
                notices: Vec::new(),
                opened: false,
            }),
            // `?text=` naming a text no longer stored: the bundled article, and a notice saying why.
            (None, None) => Some(Current {
                article: Rc::new(bundled()),
                url: None,
                notices: p
                    .text
                    .iter()
                    .map(|_| Notice::LoadFailed(OpenError::NoLongerStored))
                    .collect(),
                key: "bundled#0".into(),
                opened: false,
            }),
        }
    });
    let failure = use_state(|| None::<(u32, OpenError)>);
    let request = {
        let current = current.clone();
        let failure = failure.clone();
        let serial = use_mut_ref(|| 0u32);
        Callback::from(move |request: OpenRequest| {
            let current = current.clone();
            let failure = failure.clone();
            let serial = serial.clone();
            // The reader opened it (not the page's first `?src=`).
            let new_entry = current.is_some();
            let id = match &request {
                OpenRequest::Url { id, .. } => id.clone(),
                _ => None,
            };
            yew::platform::spawn_local(async move {
                match open(request).await {
                    Ok((article, url)) => {
                        remember_in_address(&article, url.as_deref(), id.as_deref(), new_entry);
                        *serial.borrow_mut() += 1;
                        let key = format!("{}#{}", article.id, serial.borrow());
                        // An earlier failure is not this article's: its alert does not follow it.
                        failure.set(None);
                        current.set(Some(Current {
                            article: Rc::new(article),
                            url,
                            notices: Vec::new(),
                            key,
                            opened: new_entry,
                        }));
                    }
                    Err(reason) => match &*current {
                        Some(_) => {
                            failure.set(Some((failure.as_ref().map_or(1, |f| f.0 + 1), reason)))
                        }
                        None => current.set(Some(Current {
                            article: Rc::new(bundled()),
                            url: None,
                            notices: vec![Notice::LoadFailed(reason)],
                            key: "bundled#failed".into(),
                            opened: false,
                        })),
                    },
                }
            });
        })
    };
    {
        let request = request.clone();
        let id = p.id.clone();
        use_effect_with(p.src.clone(), move |src| {
            if let Some(src) = src {
                request.emit(OpenRequest::Url {
                    url: src.clone(),
                    id: id.clone(),
                });
            }
        });
    }
    // The registry is read again for each article: the reader's own entities may have changed.
    let key = current.as_ref().map(|c| c.key.clone());
    // What could not be read of the entities or settings was kept aside; the reader is told where.
    let (registry, kept) = &*use_memo(key.clone(), |_| {
        let (registry, entities) = registry_store::load();
        let mut kept = Vec::new();
        if let Some(backup_key) = entities {
            kept.push(Notice::EntitiesSetAside { backup_key });
        }
        if let Ok(Some(backup_key)) = settings_store::read().1 {
            kept.push(Notice::SettingsSetAside { backup_key });
        }
        (Rc::new(registry), kept)
    });
    match &*current {
        None => {
            let lang = Lang::choose(p.ui.as_deref(), "ar");
            html! { <p class="hamish-loading" lang={lang.code()} dir={lang.dir()} role="status">{ lang.strings().loading }</p> }
        }
        Some(Current {
            article,
            url,
            notices,
            opened,
            ..
        }) => {
            let lang = Lang::choose(p.ui.as_deref(), &article.lang);
            let on_saved = {
                let article = article.clone();
                let url = url.clone();
                Callback::from(move |count: usize| {
                    library::remember(&article, url.as_deref(), count)
                })
            };
            html! {
                <App key={key.clone().unwrap_or_default()} article={article.clone()} registry={registry.clone()} {lang} notices={[&notices[..], kept].concat()}
                     failure={(*failure).clone()} on_open={request} {on_saved} opened={*opened} />
            }
        }
    }
}
