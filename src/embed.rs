//! Mounting Hamish on a news site's article: the options, the article's text (the host's own, in
//! place, or loaded from `data-src`), the shadow root holding Hamish's controls, and the handle the
//! page's script keeps (`annotations()`, `import(json)`, `unmount()`).

use crate::core::annotations::state::{Action, Notice, State};
use crate::core::embed::options::{article_address, default_id, EmbedOptions, PanelPlacement};
use crate::core::exchange::{self, Export, Format};
use crate::core::text::article::Article;
use crate::core::text::open_error::OpenError;
use crate::i18n::Lang;
use crate::ui::annotator::export_value;
use crate::ui::embed::{Bridge, EmbedApp, EmbedProps, Embedding};
use crate::web::highlights::Painter;
use crate::web::host_text::HostText;
use crate::web::{clock, open};
use gloo::timers::callback::Timeout;
use std::cell::{Cell, RefCell};
use std::rc::{Rc, Weak};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Document, Element};
use yew::AppHandle;

/// Hamish's own styles, inside the shadow root only (`styles/hamish.css` then `styles/embed.css`,
/// minified and with `rem` in the reader's units, by `build.rs`).
const CHROME_CSS: &str = include_str!(concat!(env!("OUT_DIR"), "/chrome.css"));

/// Styles of the shadow root's host element, inline so page rules cannot move it (the shadow root's
/// `:host` rule resets everything else).
const FRAME_STYLE: &str = "position:absolute;top:0;left:0;width:100%;height:0;margin:0;padding:0;border:0;z-index:2147483000;display:block;";

thread_local! {
    /// The ids of the articles mounted on this page, by element.
    static MOUNTED: RefCell<Vec<(Element, String)>> = const { RefCell::new(Vec::new()) };
    /// Numbers the mounts, for unique highlight names.
    static COUNTER: Cell<u32> = const { Cell::new(0) };
}

/// An article mounted on the page.
pub struct Mounted {
    inner: Rc<RefCell<Inner>>,
}

fn document() -> Result<Document, String> {
    web_sys::window()
        .and_then(|w| w.document())
        .ok_or_else(|| "Hamish needs a browser page".to_string())
}

/// The page's canonical URL, if it names one.
fn canonical(document: &Document) -> Option<String> {
    let link = document
        .query_selector("link[rel~=\"canonical\"][href]")
        .ok()??;
    link.dyn_into::<web_sys::HtmlLinkElement>()
        .ok()
        .map(|l| l.href())
}

/// `url` resolved against the page's base URL.
fn absolute(document: &Document, url: &str) -> Result<String, String> {
    let base = document.base_uri().ok().flatten().unwrap_or_default();
    web_sys::Url::new_with_base(url, &base)
        .map(|u| u.href())
        .map_err(|_| format!("“{url}” is not a URL"))
}

/// Registers `--hamish-rem` as an inherited length, so the `1em` the controls' host sets becomes the
/// reader's default font size in pixels for everything inside (what `rem` means on Hamish's own page).
/// False when the browser cannot; the styles then fall back to 16 px.
fn register_rem() -> bool {
    let global = js_sys::global();
    let Some(register) = js_sys::Reflect::get(&global, &"CSS".into())
        .ok()
        .and_then(|css| {
            let f = js_sys::Reflect::get(&css, &"registerProperty".into()).ok()?;
            Some((css, f.dyn_into::<js_sys::Function>().ok()?))
        })
    else {
        return false;
    };
    let definition = js_sys::Object::new();
    for (key, value) in [
        ("name", JsValue::from_str("--hamish-rem")),
        ("syntax", JsValue::from_str("<length>")),
        ("inherits", JsValue::TRUE),
        ("initialValue", JsValue::from_str("16px")),
    ] {
        let _ = js_sys::Reflect::set(&definition, &key.into(), &value);
    }
    match register.1.call1(&register.0, &definition) {
        Ok(_) => true,
        // Registered already (by an earlier mount on this page).
        Err(e) => js_sys::Reflect::get(&e, &"name".into())
            .ok()
            .and_then(|n| n.as_string())
            .is_some_and(|n| n == "InvalidModificationError"),
    }
}

/// A new element of the page.
fn create(document: &Document, tag: &str) -> Result<Element, String> {
    document
        .create_element(tag)
        .map_err(|_| "cannot create elements".to_string())
}

/// Writes a loaded article's blocks into `element` as headings and paragraphs (text only).
fn render_blocks(document: &Document, element: &Element, article: &Article) -> Result<(), String> {
    element.set_text_content(None);
    for block in &article.blocks {
        let el = create(document, block.kind.tag())?;
        el.set_text_content(Some(&block.text));
        let _ = el.set_attribute("lang", block.lang);
        let _ = el.set_attribute("dir", block.dir);
        element
            .append_child(&el)
            .map_err(|_| "cannot add the article's text")?;
    }
    Ok(())
}

/// Shows why the article could not be loaded, in the element where it would have been, in the
/// reader's language.
fn show_failure(document: &Document, element: &Element, lang: Lang, error: &OpenError) {
    if let Ok(p) = document.create_element("p") {
        p.set_text_content(Some(
            &lang
                .strings()
                .embed_load_failed
                .replace("{reason}", &lang.open_error(error)),
        ));
        let _ = p.set_attribute("role", "alert");
        let _ = p.set_attribute("class", "hamish-load-failed");
        element.set_text_content(None);
        let _ = element.append_child(&p);
    }
}

/// The interface language: the option, else the language the host declares for the article (its
/// `lang`), else the one its text is written in.
fn interface_lang(options: &EmbedOptions, element: &Element, article: &Article) -> Lang {
    let declared = element
        .closest("[lang]")
        .ok()
        .flatten()
        .and_then(|el| el.get_attribute("lang"))
        .filter(|l| !l.trim().is_empty());
    Lang::choose(
        options.ui.as_deref(),
        declared.as_deref().unwrap_or(&article.lang),
    )
}

/// The page's address for articles: its canonical link, else its URL.
fn page_of(document: &Document) -> String {
    default_id(
        canonical(document).as_deref(),
        &document.url().unwrap_or_default(),
    )
}

/// The page's address for articles (its canonical link, else its URL) and the address of the article
/// in `element` (with its element id when the page marks several), or why there is none.
fn page_address(document: &Document, element: &Element) -> (String, Result<String, String>) {
    let page = page_of(document);
    let others = document
        .query_selector_all("[data-hamish], [data-hamish-mounted]")
        .map(|list| {
            (0..list.length())
                .filter_map(|i| list.item(i))
                .filter(|n| n != element.as_ref())
                .count()
        })
        .unwrap_or(0);
    let address = article_address(&page, Some(&element.id()), others > 0);
    (page, address)
}

/// Mounts Hamish on `element` with `options` (JSON of the options object; see [`EmbedOptions`]).
/// Fails with a message a site developer can act on; a failed `data-src` load also shows its reason
/// in the element.
pub async fn mount(element: Element, options: &str) -> Result<Mounted, String> {
    crate::web::graphemes::install();
    crate::web::case::install();
    let document = document()?;
    if MOUNTED.with(|m| m.borrow().iter().any(|(el, _)| el == &element)) {
        return Err("Hamish is already mounted on this element (call unmount() first)".into());
    }
    // One selection must belong to one article: none inside another.
    let nested = MOUNTED.with(|m| {
        m.borrow()
            .iter()
            .any(|(el, _)| el.contains(Some(&element)) || element.contains(Some(el)))
    });
    if nested {
        return Err(
            "Hamish is already mounted on an element inside or around this one (an article cannot hold another)"
                .into(),
        );
    }
    let options = EmbedOptions::parse(|name| element.get_attribute(name), options)?;
    let (id, source) = match &options.src {
        Some(src) => {
            let url = absolute(&document, src)?;
            let fallback = Lang::choose(
                options.ui.as_deref(),
                &document
                    .document_element()
                    .map(|d| d.get_attribute("lang").unwrap_or_default())
                    .unwrap_or_default(),
            );
            let article = match open::open_url(&url, options.id.as_deref()).await {
                Ok(article) => article,
                Err(error) => {
                    show_failure(&document, &element, fallback, &error);
                    return Err(format!(
                        "the article at {url} could not be loaded: {}",
                        Lang::En.open_error(&error)
                    ));
                }
            };
            render_blocks(&document, &element, &article)?;
            (article.id.clone(), article.source.clone())
        }
        None => {
            let (page, address) = page_address(&document, &element);
            match (address, &options.id) {
                (Ok(address), id) => (id.clone().unwrap_or_else(|| address.clone()), address),
                (Err(_), Some(id)) => (id.clone(), page),
                (Err(reason), None) => return Err(reason),
            }
        }
    };
    // An id the page gives (its address) rather than the site: it is checked again when the article
    // changes, as a single-page site may put another story in the same element.
    let page_given = options.id.is_none() && options.src.is_none();
    let taken: Vec<String> =
        MOUNTED.with(|m| m.borrow().iter().map(|(_, id)| id.clone()).collect());
    if taken.contains(&id) {
        return Err(format!(
            "another article on this page already has the id “{id}”: give each its own data-hamish-id"
        ));
    }
    let panel = options.panel.unwrap_or(if taken.is_empty() {
        PanelPlacement::Side
    } else {
        PanelPlacement::Collapsed
    });
    let host = HostText::read(&element, &id, &source);
    if host.is_empty() {
        return Err("the element holds no article text to annotate".into());
    }
    let lang = interface_lang(&options, &element, &host.article);

    let frame = create(&document, "hamish-chrome")?;
    let frame_style = if register_rem() {
        format!("{FRAME_STYLE}--hamish-rem:1em;")
    } else {
        FRAME_STYLE.to_string()
    };
    let _ = frame.set_attribute("style", &frame_style);
    let body = document.body().ok_or("the page has no body")?;
    body.append_child(&frame)
        .map_err(|_| "cannot add Hamish's controls to the page")?;
    let shadow = frame
        .attach_shadow(&web_sys::ShadowRootInit::new(web_sys::ShadowRootMode::Open))
        .map_err(|_| "cannot attach a shadow root")?;
    let style = create(&document, "style")?;
    style.set_text_content(Some(CHROME_CSS));
    style
        .set_attribute("data-hamish", "styles")
        .map_err(|_| "cannot create elements")?;
    shadow
        .append_child(&style)
        .map_err(|_| "cannot fill the shadow root")?;

    let n = COUNTER.with(|c| {
        c.set(c.get() + 1);
        c.get()
    });
    let registry = Rc::new(options.entities.clone());
    let painter = Rc::new(Painter::new(&format!("hamish-{n}"), &registry));
    let mut notices = Vec::new();
    if !Painter::supported() {
        notices.push(Notice::HighlightsUnsupported);
    }
    let embedding = Rc::new(Embedding {
        host: Rc::new(host),
        mount: element.clone(),
        frame: frame.clone(),
        registry,
        lang,
        namespace: options.namespace.clone(),
        read_only: options.read_only,
        panel,
        slot: taken.len(),
        painter,
        bridge: Rc::new(Bridge::default()),
        notices,
        scale: Rc::new(options.scale.clone()),
        reviewer: options.reviewer.clone(),
    });
    let _ = element.set_attribute("data-hamish-mounted", &id);
    MOUNTED.with(|m| m.borrow_mut().push((element.clone(), id.clone())));
    // yew renders on its scheduler, after `render` returns: the handle is given once the widget's
    // reducer is reachable, so that import() and the other calls work at once.
    let bridge = embedding.bridge.clone();
    let rendered = js_sys::Promise::new(&mut |resolve, _reject| {
        *bridge.on_ready.borrow_mut() = Some(resolve);
    });
    let live = render(&shadow, embedding)?;
    if bridge.dispatcher.borrow().is_none() {
        let _ = wasm_bindgen_futures::JsFuture::from(rendered).await;
    }
    let inner = Rc::new(RefCell::new(Inner {
        element,
        frame,
        live: Some(live),
        watch: None,
        page: page_given.then(|| (page_of(&document), canonical(&document).is_some())),
    }));
    let watch = Watch::start(
        &document,
        inner.borrow().element.clone(),
        Rc::downgrade(&inner),
    );
    inner.borrow_mut().watch = watch;
    Ok(Mounted { inner })
}

/// A running widget: the yew app and what it was given.
struct Live {
    app: AppHandle<EmbedApp>,
    embedding: Rc<Embedding>,
}

/// Renders the widget for `embedding` into a fresh element of the shadow root.
fn render(shadow: &web_sys::ShadowRoot, embedding: Rc<Embedding>) -> Result<Live, String> {
    let root = create(&document()?, "div")?;
    shadow
        .append_child(&root)
        .map_err(|_| "cannot fill the shadow root")?;
    let app = yew::Renderer::<EmbedApp>::with_root_and_props(
        root.clone(),
        EmbedProps {
            embedding: embedding.clone(),
        },
    )
    .render();
    Ok(Live { app, embedding })
}

/// Watches the page after mounting: when the host changes the article's text (a live update, a
/// late embed, a framework redraw), the widget reads it again and re-anchors its annotations, keeping
/// its panel, popover and language; when the host removes the article, Hamish unmounts itself.
struct Watch {
    observer: web_sys::MutationObserver,
    _callback: Closure<dyn FnMut(js_sys::Array)>,
    _settle: Rc<RefCell<Option<Timeout>>>,
}

/// Milliseconds between a change to the article and reading it again (at most one reading per period).
const SETTLE_MS: u32 = 400;

impl Watch {
    fn start(document: &Document, element: Element, inner: Weak<RefCell<Inner>>) -> Option<Watch> {
        let settle: Rc<RefCell<Option<Timeout>>> = Rc::default();
        let pending = settle.clone();
        let scheduled = Rc::new(Cell::new(false));
        // The article left the page: it may come back at once (a framework moving it), so whether
        // Hamish leaves is decided when the period is over.
        let moved = Rc::new(Cell::new(false));
        // Whether the article's own nodes changed in the period (else only the page's <head> did,
        // and its text need not be read again).
        let touched = Rc::new(Cell::new(false));
        let callback = Closure::<dyn FnMut(js_sys::Array)>::new(move |records: js_sys::Array| {
            // Only changes inside the article matter; they are read at most every SETTLE_MS, so a
            // clock ticking inside it cannot postpone the reading for ever.
            let gone = !element.is_connected();
            // A change in the page's <head> (its canonical link) may say another story is shown.
            let head = gloo::utils::document().head();
            let targets: Vec<web_sys::Node> = records
                .iter()
                .filter_map(|record| record.dyn_into::<web_sys::MutationRecord>().ok())
                .filter_map(|r| r.target())
                .collect();
            let in_article = gone || targets.iter().any(|t| element.contains(Some(t)));
            let in_head = targets
                .iter()
                .any(|t| head.as_ref().is_some_and(|h| h.contains(Some(t))));
            if in_article {
                touched.set(true);
            }
            let inside = in_article || in_head;
            if gone {
                // The period starts again, so the article has all of it to come back.
                moved.set(true);
                scheduled.set(true);
            } else if !inside || scheduled.replace(true) {
                return;
            }
            let (inner, scheduled, moved) = (inner.clone(), scheduled.clone(), moved.clone());
            let touched = touched.clone();
            *pending.borrow_mut() = Some(Timeout::new(SETTLE_MS, move || {
                scheduled.set(false);
                let Some(inner) = inner.upgrade() else { return };
                let connected = inner.borrow().element.is_connected();
                let (moved, text) = (moved.replace(false), touched.replace(false));
                if connected && !inner.borrow().page_changed(moved, text) {
                    return;
                }
                // Torn down after this callback returns (the timer belongs to what is torn down).
                // `hamish:unmounted` says why: the article left the page, or another one took its
                // element (`detail.reason` "another-article": the loader mounts Hamish on it again).
                wasm_bindgen_futures::spawn_local(async move {
                    inner.borrow_mut().teardown();
                    let element = inner.borrow().element.clone();
                    drop(inner);
                    let init = web_sys::CustomEventInit::new();
                    let detail = js_sys::Object::new();
                    let reason = if connected {
                        "another-article"
                    } else {
                        "removed"
                    };
                    let _ = js_sys::Reflect::set(&detail, &"reason".into(), &reason.into());
                    init.set_detail(&detail);
                    if let Ok(event) =
                        web_sys::CustomEvent::new_with_event_init_dict("hamish:unmounted", &init)
                    {
                        let _ = element.dispatch_event(&event);
                    }
                });
            }));
        });
        let observer = web_sys::MutationObserver::new(callback.as_ref().unchecked_ref()).ok()?;
        let options = web_sys::MutationObserverInit::new();
        options.set_child_list(true);
        options.set_character_data(true);
        options.set_subtree(true);
        observer
            .observe_with_options(document.body()?.as_ref(), &options)
            .ok()?;
        if let Some(head) = document.head() {
            let links = web_sys::MutationObserverInit::new();
            links.set_child_list(true);
            links.set_subtree(true);
            links.set_attributes(true);
            let _ = observer.observe_with_options(head.as_ref(), &links);
        }
        Some(Watch {
            observer,
            _callback: callback,
            _settle: settle,
        })
    }
}

/// What a mount owns.
struct Inner {
    element: Element,
    frame: Element,
    live: Option<Live>,
    watch: Option<Watch>,
    /// The page's address when the article's id came from it (not from the site's options), and
    /// whether it was a canonical link: when it changes, the element holds another story.
    page: Option<(String, bool)>,
}

impl Inner {
    /// The article's text changed (`text`; or the article was moved, `moved`: its highlights need
    /// drawing again; or only the page's <head>): read it again and hand the new reading to the widget. True when the element now holds
    /// another article (see [`Inner::page`]): Hamish must leave it.
    fn page_changed(&self, moved: bool, text: bool) -> bool {
        let Some(live) = &self.live else {
            return false;
        };
        // Another story in the same element (a single-page site changed its address too): Hamish
        // leaves before reading it, so nothing of this article is re-anchored or saved in it, and
        // the loader mounts it again as the new article.
        if let (Some((page, had_canonical)), Ok(document)) = (&self.page, document()) {
            // A canonical link taken away says nothing of another story (the URL it falls back to
            // is not comparable with it).
            let removed = *had_canonical && canonical(&document).is_none();
            if !removed && page_of(&document) != *page {
                return true;
            }
        }
        if !(moved || text) {
            return false;
        }
        let e = &live.embedding;
        let old = e.bridge.current_host(&e.host);
        let fresh = HostText::read(&self.element, &old.article.id, &old.article.source);
        if fresh.is_empty() || (fresh.same_as(&old) && !moved) {
            return false;
        }
        let rehost = e.bridge.rehost.borrow().clone();
        if let Some(rehost) = rehost {
            rehost.emit(fresh);
        }
        false
    }

    /// Removes the widget, its highlights and controls.
    fn teardown(&mut self) {
        if let Some(watch) = self.watch.take() {
            watch.observer.disconnect();
        }
        if let Some(live) = self.live.take() {
            live.app.destroy();
            live.embedding.painter.clear();
        }
        self.frame.remove();
        let _ = self.element.remove_attribute("data-hamish-mounted");
        MOUNTED.with(|m| m.borrow_mut().retain(|(el, _)| el != &self.element));
    }

    /// The running widget's embedding, or why there is none.
    fn embedding(&self) -> Result<Rc<Embedding>, String> {
        self.live
            .as_ref()
            .map(|l| l.embedding.clone())
            .ok_or_else(|| "this article was unmounted".to_string())
    }
}

impl Mounted {
    /// The article's id (its storage key's suffix).
    pub fn id(&self) -> String {
        self.inner
            .borrow()
            .embedding()
            .map(|e| e.bridge.current_host(&e.host).article.id.clone())
            .unwrap_or_default()
    }

    /// The annotations as the W3C collection the Export button downloads.
    pub fn annotations(&self) -> Result<String, String> {
        let e = self.inner.borrow().embedding()?;
        let registry = e.bridge.registry.borrow().clone();
        let annotations = e.bridge.annotations.borrow().clone();
        let host = e.bridge.current_host(&e.host);
        Ok(export_value(&annotations, &host.article, &registry).to_string())
    }

    /// The annotations as a file in `format` (`w3c`, `claimreview`, `arafacts-csv`, `checkthat-tsv`,
    /// `jsonl`; see [`crate::core::exchange`]), its text; an unknown format is an error. Labels are
    /// in the interface language the reader has now; the reviewer is the `reviewer` option, else
    /// the reader's own settings.
    pub fn export(&self, format: &str) -> Result<String, String> {
        let format = Format::from_name(format).ok_or_else(|| {
            let names: Vec<&str> = Format::ALL.iter().map(|f| f.name()).collect();
            format!(
                "unknown export format “{format}” (use one of {})",
                names.join(", ")
            )
        })?;
        let e = self.inner.borrow().embedding()?;
        let registry = e.bridge.registry.borrow().clone();
        let annotations = e.bridge.annotations.borrow().clone();
        let host = e.bridge.current_host(&e.host);
        let reviewer = e
            .reviewer
            .clone()
            .unwrap_or_else(|| crate::web::settings_store::load().reviewer);
        let export = Export {
            annotations: &annotations,
            article: &host.article,
            registry: &registry,
            scale: &e.scale,
            reviewer: &reviewer,
            arabic: e.bridge.lang.get().unwrap_or(e.lang) == Lang::Ar,
        };
        Ok(export.write(format, &clock::new_urn(), &clock::now_iso()))
    }

    /// Imports W3C annotations (a collection, page, annotation or array, as JSON) into the article,
    /// merged by id; returns the report as JSON `{anchored, orphaned, rejected: [{index, reason}…]}`.
    /// Invalid input changes nothing and gives the reason. Reasons are in English (for the site
    /// developer), whatever the interface language.
    pub fn import(&self, json: &str) -> Result<String, String> {
        let e = self.inner.borrow().embedding()?;
        let registry = e.bridge.registry.borrow().clone();
        let host = e.bridge.current_host(&e.host);
        let parsed = exchange::import_into(json, &host.article, &registry, &clock::now_iso())
            .map_err(|e| Lang::En.import_error(&e))?;
        let report = crate::json!({
            "anchored": parsed.anchored(),
            "orphaned": parsed.orphaned(),
            "rejected": parsed.rejected.iter().map(|r| crate::json!({ "index": r.index, "reason": Lang::En.reject_reason(&r.reason) })).collect::<Vec<_>>(),
        });
        let Some(dispatcher) = e.bridge.dispatcher.borrow().clone() else {
            return Err("Hamish is still starting".into());
        };
        // The widget redraws later; what annotations() returns reflects the import at once.
        let mut merged = State {
            annotations: e.bridge.annotations.borrow().clone(),
            ..State::default()
        };
        merged.apply(Action::Import(parsed.clone()));
        *e.bridge.annotations.borrow_mut() = merged.annotations;
        dispatcher.dispatch(Action::Import(parsed));
        Ok(report.to_string())
    }

    /// Removes Hamish from the element: its controls, highlights and listeners. Annotations stay
    /// stored; the host's article is as it was.
    pub fn unmount(&mut self) {
        self.inner.borrow_mut().teardown();
    }
}
