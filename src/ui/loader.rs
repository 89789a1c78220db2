//! Chooses the article: `?src=URL` (with `?id=` to name it) is fetched; otherwise, or when that fails,
//! the bundled article is shown (with a notice saying why).

use crate::core::article::{bundled, Article};
use crate::core::entities::Entity;
use crate::core::state::Notice;
use crate::i18n::Lang;
use crate::ui::app::App;
use crate::web::fetch::fetch_text;
use std::rc::Rc;
use yew::prelude::*;

/// Properties of [`Loader`].
#[derive(Properties, PartialEq)]
pub struct LoaderProps {
    /// `?src=`: where to fetch the article from.
    pub src: Option<String>,
    /// `?id=`: the article's id (default: its URL).
    pub id: Option<String>,
    /// `?ui=`: the interface language asked for.
    pub ui: Option<String>,
    /// The entities a reader can tag.
    pub registry: Rc<Vec<Entity>>,
}

/// The article and the notices its loading left.
#[derive(Clone, PartialEq)]
struct Loaded {
    article: Rc<Article>,
    notices: Vec<Notice>,
}

/// Turns fetched text into an article named `id` (or its URL).
fn article_from(url: &str, id: Option<&str>, text: &str) -> Result<Article, String> {
    if text.trim().is_empty() {
        return Err("the document is empty".into());
    }
    Ok(Article::from_plain_text(id.unwrap_or(url), url, text))
}

/// Loads the article, then shows the annotator for it.
#[function_component]
pub fn Loader(p: &LoaderProps) -> Html {
    let loaded = use_state(|| {
        p.src.is_none().then(|| Loaded {
            article: Rc::new(bundled()),
            notices: Vec::new(),
        })
    });
    {
        let loaded = loaded.clone();
        let (src, id) = (p.src.clone(), p.id.clone());
        use_effect_with(src.clone(), move |_| {
            if let Some(src) = src {
                yew::platform::spawn_local(async move {
                    let result = fetch_text(&src)
                        .await
                        .and_then(|f| article_from(&f.url, id.as_deref(), &f.text));
                    loaded.set(Some(match result {
                        Ok(article) => Loaded {
                            article: Rc::new(article),
                            notices: Vec::new(),
                        },
                        Err(reason) => Loaded {
                            article: Rc::new(bundled()),
                            notices: vec![Notice::LoadFailed(format!("{src}: {reason}"))],
                        },
                    }));
                });
            }
        });
    }
    match &*loaded {
        None => {
            let lang = Lang::choose(p.ui.as_deref(), "ar");
            html! { <p class="hamish-loading" lang={lang.code()} dir={lang.dir()} role="status">{ lang.strings().loading }</p> }
        }
        Some(Loaded { article, notices }) => {
            let lang = Lang::choose(p.ui.as_deref(), &article.lang);
            let key = format!("{}\u{1f}{}", article.id, article.text.len());
            html! { <App {key} article={article.clone()} registry={p.registry.clone()} {lang} notices={notices.clone()} /> }
        }
    }
}
