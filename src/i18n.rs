//! The interface's strings in Arabic and English, and the reasons things fail, rendered in either.

use crate::core::anchoring::selectors::MAX_QUOTE;
use crate::core::storage::entry::MAX_NOTE;
use crate::core::text::open_error::OpenError;
use crate::core::text::source::{tenths_of_mb, DocumentError, MAX_BYTES};
use crate::core::w3c::import::{ImportError, RejectReason, MAX_IMPORT, MAX_IMPORT_BYTES};

/// Interface language.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Lang {
    /// Arabic (right to left), the default for an Arabic article.
    Ar,
    /// English (left to right).
    En,
}

impl Lang {
    /// Picks the interface language: `?ui=en` / `?ui=ar` wins, else the article's language.
    pub fn choose(ui_param: Option<&str>, article_lang: &str) -> Lang {
        match ui_param {
            Some("en") => Lang::En,
            Some("ar") => Lang::Ar,
            _ if article_lang.starts_with("ar") => Lang::Ar,
            _ => Lang::En,
        }
    }

    /// BCP 47 tag.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Ar => "ar",
            Lang::En => "en",
        }
    }

    /// Text direction.
    pub fn dir(self) -> &'static str {
        match self {
            Lang::Ar => "rtl",
            Lang::En => "ltr",
        }
    }

    /// The other language (for the switch).
    pub fn other(self) -> Lang {
        match self {
            Lang::Ar => Lang::En,
            Lang::En => Lang::Ar,
        }
    }

    /// True for Arabic.
    pub fn is_arabic(self) -> bool {
        self == Lang::Ar
    }

    /// The strings of this language.
    pub fn strings(self) -> &'static Strings {
        match self {
            Lang::Ar => &AR,
            Lang::En => &EN,
        }
    }
}

/// Failures, as the clause a notice's `{reason}` stands for ("it is too large (…)"). Data from
/// outside (a MIME type, a parser's message, a server's status text, a tag) is kept as it came.
impl Lang {
    /// Why a document's content cannot become an article.
    pub fn document_error(self, e: &DocumentError) -> String {
        match (self, e) {
            (Lang::En, DocumentError::NotText { mime }) => {
                format!("it is not a text document (its type is {mime})")
            }
            (Lang::Ar, DocumentError::NotText { mime }) => {
                format!("ليس مستنداً نصياً (نوعه {mime})")
            }
            (_, DocumentError::TooLarge { bytes }) => self.too_large(*bytes, MAX_BYTES),
            (Lang::En, DocumentError::NotUtf8 { byte }) => {
                format!("it is not valid UTF-8 text (bad bytes at byte {byte})")
            }
            (Lang::Ar, DocumentError::NotUtf8 { byte }) => {
                format!("ليس نصاً سليماً بترميز UTF-8 (بايتات غير صالحة عند البايت {byte})")
            }
            (Lang::En, DocumentError::Empty) => "the document is empty".into(),
            (Lang::Ar, DocumentError::Empty) => "المستند فارغ".into(),
        }
    }

    /// That a document or file of `bytes` is over `limit` bytes (both as UTF-8), in MB.
    fn too_large(self, bytes: usize, limit: usize) -> String {
        let tenths = tenths_of_mb(bytes);
        let (size, limit) = (
            format!("{}.{}", tenths / 10, tenths % 10),
            limit / 1_048_576,
        );
        match self {
            Lang::En => {
                format!("it is too large ({size} MB; the limit is {limit} MB of UTF-8 text)")
            }
            Lang::Ar => {
                format!("حجمه كبير جداً ({size} ميغابايت، والحد الأقصى {limit} ميغابايت من نص UTF-8)")
            }
        }
    }

    /// Why an article could not be opened.
    pub fn open_error(self, e: &OpenError) -> String {
        let en = self == Lang::En;
        let pick = |en_text: &str, ar_text: &str| if en { en_text } else { ar_text }.to_string();
        match e {
            OpenError::NoWindow => pick("no window", "لا نافذة متصفح"),
            OpenError::Network => pick(
                "the request failed: the network is down, or the server does not allow this page to read it (CORS)",
                "فشل الطلب: الشبكة منقطعة، أو أن الخادم لا يسمح لهذه الصفحة بقراءته (CORS)",
            ),
            OpenError::NoResponse => pick("no response", "لم يصل ردّ"),
            OpenError::Http {
                status,
                status_text,
            } => {
                let text = match self {
                    Lang::En => format!("the server answered {status} {status_text}"),
                    Lang::Ar => format!("ردّ الخادم بالرمز {status} {status_text}"),
                };
                text.trim_end().to_string()
            }
            OpenError::Unreadable => pick("its content could not be read", "تعذّرت قراءة محتواه"),
            OpenError::Document(e) => self.document_error(e),
            OpenError::NoReadableText => pick("it has no readable text", "لا يحوي نصاً مقروءاً"),
            OpenError::HtmlParserUnavailable => {
                pick("the HTML parser is unavailable", "محلّل HTML غير متاح")
            }
            OpenError::HtmlUnparsable => pick("the HTML could not be parsed", "تعذّر تحليل HTML"),
            OpenError::NoBody => pick("the page has no body", "لا متن للصفحة"),
            OpenError::PageUnreadable => pick("the page could not be read", "تعذّرت قراءة الصفحة"),
            OpenError::PastedEmpty => pick("the pasted text is empty", "النص الملصق فارغ"),
            OpenError::NoLongerStored => pick(
                "its text is no longer stored; open it again",
                "لم يعد نصه محفوظاً؛ افتحه من جديد",
            ),
        }
    }

    /// Why a file of annotations was refused as a whole.
    pub fn import_error(self, e: &ImportError) -> String {
        match (self, e) {
            (Lang::En, ImportError::Unreadable(detail)) => {
                format!("the file could not be read ({detail})")
            }
            (Lang::Ar, ImportError::Unreadable(detail)) => {
                format!("تعذّرت قراءة الملف ({detail})")
            }
            (Lang::En, ImportError::NotJson(detail)) => {
                format!("it is not valid JSON ({detail})")
            }
            (Lang::Ar, ImportError::NotJson(detail)) => {
                format!("الملف ليس JSON صالحاً ({detail})")
            }
            (Lang::En, ImportError::NoAnnotations) => "it holds no annotations (expected a W3C AnnotationCollection, AnnotationPage, Annotation or an array of them)".into(),
            (Lang::Ar, ImportError::NoAnnotations) => "لا يحوي الملف تعليقات (المتوقع AnnotationCollection أو AnnotationPage أو Annotation وفق W3C، أو مصفوفة منها)".into(),
            (_, ImportError::TooLarge(bytes)) => self.too_large(*bytes, MAX_IMPORT_BYTES),
            (Lang::En, ImportError::OtherArticle(source)) => format!("its annotations are for another article ({source}), and none of them is found in this one: open that article, then import the file again. Nothing was changed"),
            (Lang::Ar, ImportError::OtherArticle(source)) => format!("تعليقاته لمقال آخر ({source})، ولم يُعثر على أيٍّ منها في هذا المقال: افتح ذلك المقال ثم استورد الملف مرة أخرى. لم يتغيّر شيء"),
        }
    }

    /// Why one annotation of a file was not imported.
    pub fn reject_reason(self, r: &RejectReason) -> String {
        match (self, r) {
            (Lang::En, RejectReason::NoTarget) => "it has no target".into(),
            (Lang::Ar, RejectReason::NoTarget) => "لا هدف له".into(),
            (Lang::En, RejectReason::NoUsableSelector) => {
                "its target has no usable TextQuoteSelector or TextPositionSelector".into()
            }
            (Lang::Ar, RejectReason::NoUsableSelector) => {
                "ليس في هدفه محدِّد صالح من نوع TextQuoteSelector أو TextPositionSelector".into()
            }
            (Lang::En, RejectReason::UnknownEntity(name)) => {
                format!("its tag \u{ab}{name}\u{bb} is not a known entity (add it under Entities…, then import the file again)")
            }
            (Lang::Ar, RejectReason::UnknownEntity(name)) => {
                format!("وسمه \u{ab}{name}\u{bb} ليس كياناً معروفاً (أضفه من «الكيانات…» ثم استورد الملف مجدداً)")
            }
            (Lang::En, RejectReason::TooMany { skipped }) => format!(
                "it and the {skipped} after it were not read: a file can hold at most {MAX_IMPORT} annotations"
            ),
            (Lang::Ar, RejectReason::TooMany { skipped }) => format!(
                "لم يُقرأ هو و{skipped} بعده: يحمل الملف {MAX_IMPORT} تعليق على الأكثر"
            ),
            (Lang::En, RejectReason::QuoteTooLong { len }) => format!(
                "its quote is longer than any article ({len} characters; the limit is {MAX_QUOTE})"
            ),
            (Lang::Ar, RejectReason::QuoteTooLong { len }) => format!(
                "اقتباسه أطول من أي مقال ({len} حرفاً؛ الحد {MAX_QUOTE})"
            ),
            (Lang::En, RejectReason::NoteTooLong { len }) => format!(
                "its note is too long ({len} characters; the limit is {MAX_NOTE})"
            ),
            (Lang::Ar, RejectReason::NoteTooLong { len }) => format!(
                "ملاحظته أطول مما ينبغي ({len} حرفاً؛ الحد {MAX_NOTE})"
            ),
            (lang, RejectReason::Foreign(reason)) => lang.foreign_reason(reason).into(),
        }
    }
}

/// Every fixed string of the interface.
pub struct Strings {
    pub app_name: &'static str,
    pub switch_to: &'static str,
    pub claim: &'static str,
    pub claims: &'static str,
    pub all: &'static str,
    pub toolbar_label: &'static str,
    pub toolbar_hint: &'static str,
    pub toolbar_keys: &'static str,
    pub export_json: &'static str,
    pub panel_title: &'static str,
    pub panel_empty: &'static str,
    pub panel_filter_empty: &'static str,
    pub filter_label: &'static str,
    pub tag_label: &'static str,
    pub note_label: &'static str,
    pub note_placeholder: &'static str,
    pub delete: &'static str,
    pub close: &'static str,
    pub dismiss: &'static str,
    pub popover_label: &'static str,
    pub storage_unavailable: &'static str,
    pub entry_backed_up: &'static str,
    /// The same, when some annotations could still be read one by one (`{n}` of them are shown).
    pub entry_salvaged: &'static str,
    pub entry_kept: &'static str,
    /// The reader's own entities could not all be read (`{key}`: where the stored list was kept).
    pub entities_set_aside: &'static str,
    /// The open article's text could not be kept in storage.
    pub text_not_kept: &'static str,
    /// The reader's settings could not be saved.
    pub settings_not_saved: &'static str,
    pub settings_saved: &'static str,
    pub evidence_not_added: &'static str,
    pub evidence_not_added_full: &'static str,
    pub wikidata_not_added: &'static str,
    pub review_not_kept: &'static str,
    /// The reader's settings could not be read (`{key}`: where they were kept).
    pub settings_set_aside: &'static str,
    pub exported: &'static str,
    pub article_label: &'static str,
    pub reanchored: &'static str,
    /// Claims already looked at now found in other words (`{n}`); the pairs follow.
    pub reworded: &'static str,
    pub not_this_claim: &'static str,
    pub keep_words: &'static str,
    pub imported: &'static str,
    pub imported_differing: &'static str,
    /// Of the unchanged, how many were deleted here and stay deleted (`{n}`).
    pub imported_deleted_here: &'static str,
    pub imported_renamed: &'static str,
    pub imported_replaced: &'static str,
    pub rejected_item: &'static str,
    pub rejected_more: &'static str,
    pub import_failed: &'static str,
    pub load_failed: &'static str,
    pub import_json: &'static str,
    pub orphaned_title: &'static str,
    pub orphaned_help: &'static str,
    pub reattach: &'static str,
    pub reattach_prompt: &'static str,
    pub attach_here: &'static str,
    pub cancel: &'static str,
    pub loading: &'static str,
    pub open_failed: &'static str,
    pub open_button: &'static str,
    pub open_title: &'static str,
    pub open_url_label: &'static str,
    pub open_url: &'static str,
    pub open_file: &'static str,
    pub paste_label: &'static str,
    pub open_text: &'static str,
    pub recent_title: &'static str,
    pub recent_item: &'static str,
    pub bundled: &'static str,
    pub drop_hint: &'static str,
    pub suggested: &'static str,
    pub accept: &'static str,
    pub reject: &'static str,
    pub accept_all: &'static str,
    pub suggestions_title: &'static str,
    pub suggestions_help: &'static str,
    pub suggestions_help_embedded: &'static str,
    pub review: &'static str,
    pub entities_button: &'static str,
    pub entities_title: &'static str,
    pub entity_label_ar: &'static str,
    pub entity_label_en: &'static str,
    pub entity_color: &'static str,
    pub entity_wikidata: &'static str,
    pub entity_forms: &'static str,
    pub entity_add: &'static str,
    pub entity_save: &'static str,
    pub entity_edit: &'static str,
    pub entity_builtin: &'static str,
    pub entity_delete_prompt: &'static str,
    pub entity_retag_as: &'static str,
    pub entity_remove_tags: &'static str,
    pub entity_confirm_delete: &'static str,
    pub entity_tags_choice: &'static str,
    pub entity_invalid: &'static str,
    pub entity_choice_gone: &'static str,
    pub entity_gone: &'static str,
    pub selection_ready: &'static str,
    pub dock_label: &'static str,
    pub dock_collapse: &'static str,
    pub dock_expand: &'static str,
    pub no_highlights: &'static str,
    pub embed_load_failed: &'static str,
    pub read_only: &'static str,
}

const AR: Strings = Strings {
    app_name: "هامش",
    switch_to: "English",
    claim: "ادعاء",
    claims: "الادعاءات",
    all: "الكل",
    toolbar_label: "وسم التحديد",
    toolbar_hint: "حدّد نصاً من المقال لوسمه",
    toolbar_keys: ": c ادعاء، {keys} الكيانات، Esc للإلغاء",
    export_json: "تصدير JSON",
    panel_title: "التعليقات",
    panel_empty: "لا تعليقات بعد. حدّد نصاً من المقال لتبدأ.",
    panel_filter_empty: "لا تعليقات تطابق هذا التصفية.",
    filter_label: "تصفية التعليقات",
    tag_label: "الوسم",
    note_label: "ملاحظة",
    note_placeholder: "أضف ملاحظة…",
    delete: "حذف",
    close: "إغلاق",
    dismiss: "إخفاء",
    popover_label: "تفاصيل التعليق",
    storage_unavailable: "التخزين المحلي غير متاح في هذا المتصفح: ستبقى تعليقاتك في هذه الجلسة فقط. صدّرها قبل الإغلاق.",
    entry_backed_up: "تعذّرت قراءة التعليقات المحفوظة لهذا المقال، فحُفظت نسخة منها كما هي تحت المفتاح {key} وبدأنا من جديد. السبب: {reason}",
    entities_set_aside: "تعذّرت قراءة بعض كياناتك، فحُفظت القائمة كما هي تحت المفتاح {key}.",
    text_not_kept: "تعذّر الاحتفاظ بنص هذا المقال في المتصفح (طويل جدًا أو التخزين ممتلئ): تعليقاتك محفوظة، ولرؤيتها بعد إعادة التحميل افتح النص نفسه مرة أخرى.",
    settings_not_saved: "تعذّر حفظ إعداداتك (قد يكون التخزين ممتلئًا)؛ تسري في هذه الصفحة حتى تُغلق.",
    settings_saved: "حُفظت الإعدادات.",
    evidence_not_added: "لم يُضَف رابط الدليل الذي كتبته قبل إغلاق الادعاء. {why} {url}",
    wikidata_not_added: "لم يُحفظ معرّف ويكي بيانات الذي كتبته قبل إغلاق الادعاء، فهو لا يشبه Q12345، ولم يتغيّر شيء: {id}",
    evidence_not_added_full: "لم يُضَف رابط الدليل الذي كتبته قبل إغلاق الادعاء، ففيه {max} رابط، وهو أقصى ما يحفظه: {url}",
    review_not_kept: "لم يُحفظ رابط التحقق المنشور الذي كتبته قبل إغلاق الادعاء، وبقي الادعاء على ما كان. {why} {url}",
    settings_set_aside: "تعذّرت قراءة إعداداتك، فحُفظت كما هي تحت المفتاح {key}، وتُستعمل الافتراضية.",
    entry_salvaged: "تعذّرت قراءة بعض التعليقات المحفوظة لهذا المقال، فحُفظت نسخة منها كلها كما هي تحت المفتاح {key}، وتظهر هنا التعليقات التي أمكنت قراءتها ({n}). السبب: {reason}",
    entry_kept: "تعذّرت قراءة التعليقات المحفوظة ولم يمكن نسخها احتياطياً، لذا أُوقف الحفظ حتى لا تُستبدل. السبب: {reason}",
    exported: "التعليقات المصدّرة في ملف JSON: {n}.",
    article_label: "المقال",
    reanchored: "تغيّر نص المقال منذ التعليق عليه. تعليقات تبعت نصّها إلى مكانه الجديد: {moved}. تعليقات لم يُعثر عليها فنُقلت إلى «منفصلة»: {orphaned}.",
    not_this_claim: "ليست كلمات هذا الادعاء",
    keep_words: "الحكم يصحّ على هذه الكلمات",
    reworded: "تغيّرت كلمات ادعاءات سبق النظر فيها (العدد: {n})، فقد لا يصحّ حكمها بعد؛ راجعها:",
    imported: "استيراد {total}: {anchored} ثُبّت في النص، {orphaned} منفصل، {rejected} مرفوض. أضيف {added}، حُدّث {updated}، بقي {kept} دون تغيير.",
    imported_differing: "{n} منها يختلف عمّا لديك لكنه ليس أحدث، فبقي ما لديك (ليحلّ ملفٌّ محلّ عملك يجب أن يكون تاريخه أحدث).",
    imported_deleted_here: "{n} منها حُذف لديك، فبقي محذوفًا (لا يعيد ملفٌّ ما حُذف إلا إذا كان تاريخه أحدث من الحذف).",
    imported_renamed: "{n} منها يحمل معرّف تعليق آخر لديك على كلمات أخرى، فأُضيف بجانبه بمعرّف جديد ولم يُستبدل به شيء.",
    imported_replaced: "ما حُدّث حلّت فيه نسخة الملف محلّ نسختك كاملة (التراجع يعيد نسختك).",
    rejected_item: "رقم {index}: {reason}",
    rejected_more: "… و{n} أخرى مرفوضة.",
    import_failed: "لم يُستورد شيء: {reason}",
    load_failed: "تعذّر تحميل المقال ({reason})، فعُرض المقال المرفق.",
    import_json: "استيراد JSON",
    orphaned_title: "منفصلة",
    orphaned_help: "تعذّر تحديد مكان هذه التعليقات في المقال الحالي (أو قلتَ إن الكلمات التي وُجدت ليست كلماتها). حدّد مكانها أو احذفها.",
    reattach: "إعادة ربط",
    reattach_prompt: "حدّد في المقال المكان الجديد لـ «{quote}».",
    attach_here: "اربط هنا",
    cancel: "إلغاء",
    loading: "جارٍ تحميل المقال…",
    open_failed: "تعذّر فتح المقال: {reason}. المقال الحالي وتعليقاته كما هي.",
    open_button: "فتح مقال…",
    open_title: "فتح مقال",
    open_url_label: "رابط المقال",
    open_url: "افتح الرابط",
    open_file: "افتح ملفاً (‎.txt أو ‎.md أو ‎.html)",
    paste_label: "أو الصق نص المقال هنا",
    open_text: "افتح النص",
    recent_title: "مقالات حديثة",
    recent_item: "{date} · التعليقات: {count}",
    bundled: "المقال المرفق",
    drop_hint: "يمكنك أيضاً إفلات ملف على الصفحة.",
    suggested: "مقترح: {entity}",
    accept: "قبول",
    reject: "رفض",
    accept_all: "قبول كل اقتراحات {entity} ({n})",
    suggestions_title: "اقتراحات",
    suggestions_help: "مواضع ذُكرت فيها الكيانات. على اقتراح: a قبول، x رفض، n/p التالي والسابق.",
    suggestions_help_embedded: "مواضع ذُكرت فيها الكيانات (خط منقّط). انقر اقتراحاً في المقال، أو «مراجعة»، لقبوله أو رفضه.",
    review: "مراجعة",
    entities_button: "الكيانات…",
    entities_title: "الكيانات",
    entity_label_ar: "الاسم بالعربية",
    entity_label_en: "الاسم بالإنجليزية",
    entity_color: "اللون",
    entity_wikidata: "معرّف ويكي بيانات (اختياري، مثل Q12345)",
    entity_forms: "الصيغ التي يُذكر بها (مفصولة بفواصل)",
    entity_add: "أضف كياناً",
    entity_save: "احفظ",
    entity_edit: "تعديل",
    entity_builtin: "مدمج",
    entity_delete_prompt: "التعليقات التي تستخدم «{entity}» في هذا المقال: {n}. ماذا نفعل بها هنا وفي بقية المقالات؟",
    entity_retag_as: "أعد وسمها: ",
    entity_remove_tags: "احذفها",
    entity_confirm_delete: "احذف الكيان",
    entity_tags_choice: "ما تصير إليه وسومه",
    entity_invalid: "لم يُحفظ الكيان: {reason}.",
    entity_gone: "لم يُحفظ الكيان: حُذف في تبويب آخر.",
    entity_choice_gone: "لم يُحذف شيء: الكيان الذي اخترته لإعادة الوسم حُذف في تبويب آخر. اختر من جديد.",
    selection_ready: "التحديد جاهز: c ادعاء، {keys} الكيانات، Esc للإلغاء.",
    dock_label: "هامش: تعليقات هذا المقال",
    dock_collapse: "إخفاء اللوحة",
    dock_expand: "هامش — اعرض التعليقات",
    no_highlights: "لا يستطيع هذا المتصفح رسم التظليل داخل الصفحة؛ التعليقات في اللوحة.",
    embed_load_failed: "تعذّر تحميل نص المقال: {reason}",
    read_only: "للقراءة فقط",
};

const EN: Strings = Strings {
    app_name: "Hamish",
    switch_to: "العربية",
    claim: "Claim",
    claims: "Claims",
    all: "All",
    toolbar_label: "Tag the selection",
    toolbar_hint: "Select text in the article to tag it",
    toolbar_keys: ": c claim, {keys} entities, Esc to dismiss",
    export_json: "Export JSON",
    panel_title: "Annotations",
    panel_empty: "No annotations yet. Select text in the article to start.",
    panel_filter_empty: "No annotations match this filter.",
    filter_label: "Filter annotations",
    tag_label: "Tag",
    note_label: "Note",
    note_placeholder: "Add a note…",
    delete: "Delete",
    close: "Close",
    dismiss: "Dismiss",
    popover_label: "Annotation details",
    storage_unavailable: "Local storage is unavailable in this browser: your annotations last only for this session. Export them before closing.",
    entry_backed_up: "The saved annotations for this article could not be read. They were kept unchanged under the key {key} and Hamish started clean. Reason: {reason}",
    entities_set_aside: "Some of your entities could not be read; the list is kept as it was under the key {key}.",
    text_not_kept: "This article's text could not be kept in this browser (it is too long, or storage is full): your annotations are saved, but to see them after a reload, open the same text again.",
    settings_not_saved: "Your settings could not be saved (storage may be full); they apply in this page until it closes.",
    settings_saved: "Settings saved.",
    evidence_not_added: "The evidence link you typed was not added when the claim closed. {why} {url}",
    wikidata_not_added: "The Wikidata id you typed was not kept when the claim closed: it does not look like Q12345, and nothing was changed: {id}",
    evidence_not_added_full: "The evidence link you typed was not added when the claim closed: the claim has {max} links, as many as it keeps: {url}",
    review_not_kept: "The published fact-check URL you typed was not kept when the claim closed; the claim keeps what it had. {why} {url}",
    settings_set_aside: "Your settings could not be read; they are kept as they were under the key {key}, and the defaults are used.",
    entry_salvaged: "Some of the saved annotations for this article could not be read. All of them were kept unchanged under the key {key}; the {n} that could be read are shown here. Reason: {reason}",
    entry_kept: "The saved annotations could not be read nor backed up, so saving is off to avoid overwriting them. Reason: {reason}",
    exported: "Annotations exported as JSON: {n}.",
    article_label: "Article",
    reanchored: "The article changed since it was annotated. Annotations that followed their text to its new place: {moved}. Not found, listed under Orphaned: {orphaned}.",
    not_this_claim: "Not this claim's words",
    keep_words: "The verdict holds for these words",
    reworded: "The words of claims already looked at changed (claims: {n}): their verdicts may no longer fit; check them again:",
    imported: "Imported {total}: {anchored} anchored, {orphaned} orphaned, {rejected} rejected. Added {added}, updated {updated}, unchanged {kept}.",
    imported_differing: "{n} of the unchanged differ from yours but are not newer, so yours were kept (a file replaces your work only when it is dated later).",
    imported_deleted_here: "{n} of the unchanged were deleted here, and stay deleted (a file brings back only what is dated later than the deletion).",
    imported_renamed: "{n} had the id of a different annotation here, on other words: added beside it under a new id, replacing nothing.",
    imported_replaced: "Each updated one is the file's version in place of yours, whole (Undo brings yours back).",
    rejected_item: "#{index}: {reason}",
    rejected_more: "… and {n} more rejected.",
    import_failed: "Nothing was imported: {reason}.",
    load_failed: "The article could not be loaded ({reason}); showing the bundled article.",
    import_json: "Import JSON",
    orphaned_title: "Orphaned",
    orphaned_help: "Hamish could not tell where these are in the article now (or you said the words found were not theirs). Select their place, or delete them.",
    reattach: "Re-attach",
    reattach_prompt: "Select the new place of “{quote}” in the article.",
    attach_here: "Attach here",
    cancel: "Cancel",
    loading: "Loading the article…",
    open_failed: "Could not open the article: {reason}. The current article and its annotations are unchanged.",
    open_button: "Open…",
    open_title: "Open an article",
    open_url_label: "Article URL",
    open_url: "Open URL",
    open_file: "Open a file (.txt, .md, .html)",
    paste_label: "Or paste the article's text here",
    open_text: "Open text",
    recent_title: "Recent articles",
    recent_item: "{date} · annotations: {count}",
    bundled: "The bundled article",
    drop_hint: "You can also drop a file on the page.",
    suggested: "Suggested: {entity}",
    accept: "Accept",
    reject: "Reject",
    accept_all: "Accept all {entity} suggestions ({n})",
    suggestions_title: "Suggestions",
    suggestions_help: "Places where the entities are named. On a suggestion: a accept, x reject, n/p next and previous.",
    suggestions_help_embedded: "Places where the entities are named (dotted underline). Click one in the article, or Review, to accept or reject it.",
    review: "Review",
    entities_button: "Entities…",
    entities_title: "Entities",
    entity_label_ar: "Arabic name",
    entity_label_en: "English name",
    entity_color: "Colour",
    entity_wikidata: "Wikidata id (optional, like Q12345)",
    entity_forms: "Forms it is named by (comma-separated)",
    entity_add: "Add entity",
    entity_save: "Save",
    entity_edit: "Edit",
    entity_builtin: "built in",
    entity_delete_prompt: "Annotations in this article that use “{entity}”: {n}. What should happen to its tags here and in your other articles?",
    entity_retag_as: "Retag them as ",
    entity_remove_tags: "Remove them",
    entity_confirm_delete: "Delete entity",
    entity_tags_choice: "What its tags become",
    entity_invalid: "The entity was not saved: {reason}.",
    entity_gone: "The entity was not saved: it was deleted in another tab.",
    entity_choice_gone: "Nothing was deleted: the entity you chose to retag them as was deleted in another tab. Choose again.",
    selection_ready: "Selection ready: c claim, {keys} entities, Esc cancels.",
    dock_label: "Hamish: this article's annotations",
    dock_collapse: "Hide the panel",
    dock_expand: "Hamish — show annotations",
    no_highlights: "This browser cannot draw highlights in the page; the annotations are listed in the panel.",
    embed_load_failed: "The article's text could not be loaded: {reason}",
    read_only: "Read only",
};

use crate::core::annotations::history::StepKind;
use crate::core::storage::backup::BackupError;

/// The strings of undo, redo and safe saving, in one language.
pub struct HistoryStrings {
    pub undo: &'static str,
    pub redo: &'static str,
    pub export_now: &'static str,
    pub saving_paused: &'static str,
    pub save_failed_kept: &'static str,
    pub done_delete: &'static str,
    pub done_accept: &'static str,
    pub done_import: &'static str,
    pub done_entities: &'static str,
    pub done_other: &'static str,
    pub import_undated: &'static str,
    pub import_links_left_out: &'static str,
    pub forget: &'static str,
    pub forget_label: &'static str,
    /// An article was taken off the recent list (`{title}`); its Undo puts it back.
    pub forgotten: &'static str,
    /// An article the reader asked to remove has annotations now (saved from another tab).
    pub forget_refused: &'static str,
    /// Putting a removed article back was refused by storage.
    pub put_back_failed: &'static str,
    pub export_all: &'static str,
    pub backup_restored: &'static str,
    pub backup_refused: &'static str,
    pub backup_unread: &'static str,
    pub changed_elsewhere: &'static str,
    /// Annotations open in the popover were deleted in another tab (`{n}`); Undo puts them back.
    pub deleted_elsewhere: &'static str,
    pub kept_elsewhere: &'static str,
    pub backup_not_json: &'static str,
    pub backup_not_backup: &'static str,
    pub said_claim: &'static str,
    pub said_tag: &'static str,
    pub said_retag_claim: &'static str,
    pub said_retag: &'static str,
    pub said_reject: &'static str,
    pub said_moved: &'static str,
    pub said_entities: &'static str,
    pub said_settings: &'static str,
    pub said_accept: &'static str,
    pub said_note: &'static str,
    pub said_details: &'static str,
    pub said_import: &'static str,
    pub said_undone: &'static str,
    pub said_redone: &'static str,
}

impl Lang {
    /// The strings of undo, redo and safe saving in this language.
    pub fn history(self) -> &'static HistoryStrings {
        match self {
            Lang::Ar => &AR_HISTORY,
            Lang::En => &EN_HISTORY,
        }
    }

    /// Why a backup was not restored, in this language.
    pub fn backup_error(self, error: &BackupError) -> String {
        let h = self.history();
        match error {
            BackupError::NotJson(reason) => h.backup_not_json.replace("{reason}", reason),
            BackupError::NotABackup => h.backup_not_backup.into(),
        }
    }

    /// What a notice after an undoable change says: what was done to how many annotations.
    pub fn done(self, kind: StepKind, count: usize) -> String {
        let h = self.history();
        let text = match kind {
            StepKind::Delete => h.done_delete,
            StepKind::Accept => h.done_accept,
            StepKind::Import => h.done_import,
            StepKind::Entities => h.done_entities,
            _ => h.done_other,
        };
        text.replace("{n}", &count.to_string())
    }
}

static AR_HISTORY: HistoryStrings = HistoryStrings {
    undo: "تراجع",
    redo: "إعادة",
    export_now: "تصدير الآن",
    saving_paused: "لم يعد الحفظ ممكنًا: ما في التخزين كتبته نسخة أحدث من هامش أو تعذّرت قراءته، فلن يُكتب فوقه. تغييراتك محفوظة في هذه الصفحة فقط؛ صدّرها لتحتفظ بها.",
    save_failed_kept: "تعذّر الحفظ (قد يكون التخزين ممتلئًا). تغييراتك باقية في هذه الصفحة وستُحفظ حين يتوفر مكان؛ صدّرها لتحتفظ بها الآن («تصدير الكل» يشمل كل المقالات).",
    done_delete: "حُذف التعليق.",
    done_accept: "قُبلت الاقتراحات (الوسوم: {n}).",
    done_import: "استُورد الملف (التعليقات التي تغيّرت: {n}).",
    done_entities: "حُذف الكيان (التعليقات التي تغيّرت: {n}).",
    done_other: "تم التغيير.",
    import_undated: "{n} منها بوقت ليس بصيغة RFC 3339، فعُدّت أقدم النسخ.",
    import_links_left_out: "تُرك {n} من روابط الأدلة: ليست عناوين ويب، أو قد تبدو عناوين أخرى، أو تزيد على {max} لادعاء واحد.",
    export_all: "تصدير الكل",
    backup_restored: "استُعيدت النسخة الاحتياطية. التعليقات المضافة: {added}؛ المحدّثة: {updated}؛ المقالات: {n}. لم يُحذف شيء.",
    backup_refused: "ما تعذّرت كتابته لامتلاء التخزين (مقالات أو كيانات أو نصوص أو إعدادات): {n}؛ أعد الاستعادة حين يتوفر مكان.",
    backup_unread: "تُرك ما تعذّرت قراءته (تالف أو من إصدار أحدث): التعليقات: {n}؛ المقالات التي تُرك منها شيء: {m}.",
    changed_elsewhere: "لم يُنفَّذ التراجع أو الإعادة: غُيّر ما يمسّه بعد ذلك في تبويب آخر، فبقيت النسخة الأحدث ولم يضع شيء.",
    deleted_elsewhere: "حُذف في تبويب آخر ما كان مفتوحًا لديك هنا (التعليقات: {n}). «تراجع» يعيده كما كان لديك، مع ما كتبته فيه.",
    kept_elsewhere: "نُفِّذ هنا؛ أما في المقالات الأخرى فبقيت التعليقات التي غُيّرت بعد ذلك في تبويب آخر على حالها، ولم يضع شيء.",
    backup_not_json: "لم تُستعد النسخة الاحتياطية: الملف ليس JSON صالحًا ({reason}).",
    backup_not_backup: "لم تُستعد النسخة الاحتياطية: الملف ليس نسخة احتياطية من هامش بإصدار يقرؤه هذا البرنامج.",
    forget: "إزالة",
    forget_label: "إزالته من القائمة مع نصه المحفوظ (تبقى تعليقاته)",
    forgotten: "أُزيلت «{title}» من القائمة مع نصها المحفوظ.",
    forget_refused: "لهذه المقالة تعليقات الآن (من تبويب آخر، أو تنتظر مكانًا لتُحفظ)، فتبقى في القائمة.",
    put_back_failed: " لا مكان لإعادتها (التخزين ممتلئ)؛ أفرغ بعضه وأعد المحاولة.",
    said_claim: "أُضيف ادعاء.",
    said_tag: "وُسم: {label}.",
    said_retag_claim: "أعيد وسمه ادعاءً.",
    said_retag: "أعيد وسمه: {label}.",
    said_reject: "رُفض الاقتراح.",
    said_moved: "نُقل التعليق.",
    said_entities: "تغيّرت الكيانات.",
    said_settings: "تغيّرت الإعدادات.",
    said_accept: "قُبلت الاقتراحات.",
    said_note: "تغيّرت الملاحظة.",
    said_details: "تغيّرت تفاصيل الادعاء.",
    said_import: "استُورد الملف.",
    said_undone: "تراجع — {what}",
    said_redone: "إعادة — {what}",
};

static EN_HISTORY: HistoryStrings = HistoryStrings {
    undo: "Undo",
    redo: "Redo",
    export_now: "Export now",
    saving_paused: "Saving is paused: what is stored was written by a newer Hamish or cannot be read, so it will not be written over. Your changes are kept in this page only; export them to keep them.",
    save_failed_kept: "Saving failed (storage may be full). Your changes are kept in this page and will be saved when there is room; export them to keep them now (Export all carries every article's).",
    done_delete: "Annotation deleted.",
    done_accept: "Suggestions accepted (tags: {n}).",
    done_import: "File imported (annotations changed: {n}).",
    done_entities: "Entity deleted (annotations changed: {n}).",
    done_other: "Changed.",
    import_undated: "{n} had a time that is not RFC 3339 and counted as the oldest version.",
    import_links_left_out: "{n} evidence links were left out: not web addresses, addresses that could pose as another, or over {max} for one claim.",
    export_all: "Export all",
    backup_restored: "Backup restored. Annotations added: {added}; updated: {updated}; articles: {n}. Nothing was deleted.",
    backup_refused: "Items that could not be written because storage is full (articles, entities, texts or settings): {n}; restore again when there is room.",
    backup_unread: "Left out, unreadable (damaged or from a newer Hamish): annotations: {n}; articles with something left out: {m}.",
    changed_elsewhere: "Undo/redo not applied: what it would change was changed in another tab since, so the newer version was kept. Nothing was lost.",
    deleted_elsewhere: "What you had open here was deleted in another tab (annotations: {n}). Undo puts it back as you had it, with what you typed in it.",
    kept_elsewhere: "Applied here; in other articles, annotations changed in another tab since were left as they are. Nothing was lost.",
    backup_not_json: "The backup was not restored: the file is not valid JSON ({reason}).",
    backup_not_backup: "The backup was not restored: the file is not a Hamish backup of a version this build reads.",
    forget: "Remove",
    forget_label: "Remove it from the list with its stored text (its annotations stay)",
    forgotten: "“{title}” was removed from the list with its stored text.",
    forget_refused: "This article has annotations now (from another tab, or waiting for room to be saved), so it stays on the list.",
    put_back_failed: " There is no room to put it back (storage is full); free some and try again.",
    said_claim: "Claim added.",
    said_tag: "Tagged {label}.",
    said_retag_claim: "Retagged as a claim.",
    said_retag: "Retagged {label}.",
    said_reject: "Suggestion rejected.",
    said_moved: "Annotation moved.",
    said_entities: "Entities changed.",
    said_settings: "Settings changed.",
    said_accept: "Suggestions accepted.",
    said_note: "Note changed.",
    said_details: "Claim details changed.",
    said_import: "File imported.",
    said_undone: "Undone — {what}",
    said_redone: "Redone — {what}",
};

use crate::core::claims::claim::UrlError;

/// The strings of a claim's fact-checking controls and of the panel's claim view, in one language.
pub struct ClaimStrings {
    pub legend: &'static str,
    pub verdict: &'static str,
    pub no_verdict: &'static str,
    pub status: &'static str,
    pub unverified: &'static str,
    pub in_review: &'static str,
    pub checked: &'static str,
    pub needs_verdict: &'static str,
    pub attributed_to: &'static str,
    pub nobody: &'static str,
    pub someone_else: &'static str,
    pub claimant_name: &'static str,
    pub claimant_wikidata: &'static str,
    pub evidence: &'static str,
    pub evidence_url: &'static str,
    pub stance: &'static str,
    pub supports: &'static str,
    pub refutes: &'static str,
    pub context: &'static str,
    pub add_evidence: &'static str,
    /// Said in place of the new link's field when a claim has as many links as it keeps.
    pub evidence_full: &'static str,
    pub evidence_listed: &'static str,
    pub remove_evidence: &'static str,
    pub claim_date: &'static str,
    /// The label of the address where the claim's fact-check is published.
    pub review_url: &'static str,
    pub check_worthy: &'static str,
    pub undecided: &'static str,
    pub yes: &'static str,
    pub no: &'static str,
    pub bad_url: &'static str,
    pub bad_url_userinfo: &'static str,
    pub bad_url_hidden: &'static str,
    pub bad_url_lookalike: &'static str,
    pub bad_date: &'static str,
    pub bad_wikidata: &'static str,
    pub by_verdict: &'static str,
    pub by_status: &'static str,
    pub settings: &'static str,
    pub settings_title: &'static str,
    pub scale_label: &'static str,
    pub reviewer_name: &'static str,
    pub reviewer_org: &'static str,
    pub reviewer_url: &'static str,
    pub save: &'static str,
}

impl ClaimStrings {
    /// Why an address was refused as evidence or as the reviewer's website.
    pub fn url_error(&self, error: UrlError) -> &'static str {
        match error {
            UrlError::NotWeb => self.bad_url,
            UrlError::Userinfo => self.bad_url_userinfo,
            UrlError::Hidden => self.bad_url_hidden,
            UrlError::Lookalike => self.bad_url_lookalike,
        }
    }
}

impl Lang {
    /// The strings of claims in this language.
    pub fn claims(self) -> &'static ClaimStrings {
        match self {
            Lang::Ar => &AR_CLAIMS,
            Lang::En => &EN_CLAIMS,
        }
    }
}

static AR_CLAIMS: ClaimStrings = ClaimStrings {
    legend: "التحقق من الادعاء",
    verdict: "الحكم",
    no_verdict: "— بلا حكم —",
    status: "الحالة",
    unverified: "لم يُتحقق منه",
    in_review: "قيد المراجعة",
    checked: "تم التحقق",
    needs_verdict: "اختر حكمًا للادعاء الذي تم التحقق منه.",
    attributed_to: "منسوب إلى",
    nobody: "— لا أحد —",
    someone_else: "شخص أو جهة أخرى…",
    claimant_name: "الاسم",
    claimant_wikidata: "معرّف ويكي بيانات (اختياري)",
    evidence: "الأدلة",
    evidence_url: "رابط الدليل",
    stance: "موقفه من الادعاء",
    supports: "يؤيد",
    refutes: "يدحض",
    context: "سياق",
    add_evidence: "أضف الدليل",
    evidence_listed: "هذا الرابط في القائمة من قبل.",
    evidence_full: "يحفظ الادعاء {n} رابطًا على الأكثر؛ احذف رابطًا لإضافة غيره.",
    remove_evidence: "احذف الدليل {url}",
    claim_date: "تاريخ الادعاء",
    review_url: "رابط التحقق المنشور (اختياري)",
    check_worthy: "جدير بالتحقق",
    undecided: "— لم يُحدد —",
    yes: "نعم",
    no: "لا",
    bad_url: "الرابط يجب أن يبدأ بـ http:// أو https:// وأن يكون عنوان ويب صحيحًا.",
    bad_url_userinfo: "الرابط فيه اسم مستخدم قبل الموقع (user@host)، فقد يبدو موقعًا آخر.",
    bad_url_hidden: "الرابط فيه محارف خفية أو تغيّر اتجاه الكتابة، فقد يبدو رابطًا آخر.",
    bad_url_lookalike: "اسم الموقع يخلط حروفًا لاتينية بحروف كيريلية أو يونانية، فقد يبدو موقعًا آخر.",
    bad_date: "التاريخ يُكتب هكذا: 2026-11-30.",
    bad_wikidata: "معرّف ويكي بيانات يُكتب هكذا: Q12345.",
    by_verdict: "حسب الحكم",
    by_status: "حسب الحالة",
    settings: "الإعدادات",
    settings_title: "إعدادات التحقق",
    scale_label: "مقياس الأحكام",
    reviewer_name: "اسم المراجِع",
    reviewer_org: "المؤسسة",
    reviewer_url: "موقع المؤسسة",
    save: "حفظ",
};

static EN_CLAIMS: ClaimStrings = ClaimStrings {
    legend: "Fact-check",
    verdict: "Verdict",
    no_verdict: "— no verdict —",
    status: "Status",
    unverified: "Unverified",
    in_review: "In review",
    checked: "Checked",
    needs_verdict: "Choose a verdict for a checked claim.",
    attributed_to: "Attributed to",
    nobody: "— nobody —",
    someone_else: "Someone else…",
    claimant_name: "Name",
    claimant_wikidata: "Wikidata id (optional)",
    evidence: "Evidence",
    evidence_url: "Evidence URL",
    stance: "Stance",
    supports: "Supports",
    refutes: "Refutes",
    context: "Context",
    add_evidence: "Add evidence",
    evidence_listed: "This link is already listed.",
    evidence_full: "A claim keeps at most {n} evidence links; remove one to add another.",
    remove_evidence: "Remove evidence {url}",
    claim_date: "Claim date",
    review_url: "Published fact-check URL (optional)",
    check_worthy: "Check-worthy",
    undecided: "— undecided —",
    yes: "Yes",
    no: "No",
    bad_url: "The address must start with http:// or https:// and be a web address.",
    bad_url_userinfo:
        "The address has a user name before the site (user@host): it could pose as another site.",
    bad_url_hidden:
        "The address has invisible or direction-changing characters: it could pose as another.",
    bad_url_lookalike:
        "The site's name mixes Latin letters with Cyrillic or Greek ones: it could pose as another site.",
    bad_date: "A date looks like 2026-11-30.",
    bad_wikidata: "A Wikidata id looks like Q12345.",
    by_verdict: "By verdict",
    by_status: "By status",
    settings: "Settings",
    settings_title: "Fact-checking settings",
    scale_label: "Verdict scale",
    reviewer_name: "Reviewer's name",
    reviewer_org: "Organisation",
    reviewer_url: "Organisation's website",
    save: "Save",
};

/// The strings of selecting with the keyboard (the keyboard mode), in one language.
pub struct KeyboardStrings {
    /// The side panel's button that starts the mode.
    pub start: &'static str,
    /// Said when the mode starts: the keys.
    pub started: &'static str,
    /// Said when the mode ends.
    pub stopped: &'static str,
    /// Said as the cursor moves: `{text}` is the selected text.
    pub selected: &'static str,
}

impl Lang {
    /// The keyboard mode's strings in this language.
    pub fn keyboard(self) -> &'static KeyboardStrings {
        if self.is_arabic() {
            &AR_KEYBOARD
        } else {
            &EN_KEYBOARD
        }
    }
}

static AR_KEYBOARD: KeyboardStrings = KeyboardStrings {
    start: "التحديد بلوحة المفاتيح",
    started: "التحديد بلوحة المفاتيح: الأسهم يمينًا ويسارًا تنتقل كلمةً كلمة، وأعلى وأسفل جملةً جملة، ومع Shift يتّسع التحديد؛ Enter يفتح شريط الوسم، وC أو {keys} تسم، وEsc للخروج.",
    stopped: "انتهى التحديد بلوحة المفاتيح.",
    selected: "المحدَّد: {text}",
};

static EN_KEYBOARD: KeyboardStrings = KeyboardStrings {
    start: "Select with the keyboard",
    started: "Selecting with the keyboard: Left and Right arrows move by word, Up and Down by sentence, Shift extends the selection; Enter opens the toolbar, C or {keys} tag it, Esc leaves.",
    stopped: "Keyboard selection ended.",
    selected: "Selected: {text}",
};
use crate::core::exchange::{ForeignReason, Format};

/// The Export menu's strings (other formats than the W3C download).
pub struct ExchangeStrings {
    /// The format menu's label.
    pub export_as: &'static str,
    /// The button that downloads the chosen format.
    pub download: &'static str,
    /// Names of the formats, in [`Format::ALL`]'s order.
    pub formats: [&'static str; 5],
}

static AR_EXCHANGE: ExchangeStrings = ExchangeStrings {
    export_as: "تصدير بصيغة",
    download: "تنزيل",
    formats: [
        "تعليقات W3C (JSON-LD)",
        "ClaimReview (JSON-LD)",
        "AraFacts (CSV)",
        "CheckThat! (TSV)",
        "doccano (JSONL)",
    ],
};

static EN_EXCHANGE: ExchangeStrings = ExchangeStrings {
    export_as: "Export as",
    download: "Download",
    formats: [
        "W3C annotations (JSON-LD)",
        "ClaimReview (JSON-LD)",
        "AraFacts (CSV)",
        "CheckThat! (TSV)",
        "doccano (JSONL)",
    ],
};

impl Lang {
    /// The Export menu's strings.
    pub fn exchange(self) -> &'static ExchangeStrings {
        match self {
            Lang::Ar => &AR_EXCHANGE,
            Lang::En => &EN_EXCHANGE,
        }
    }

    /// A format's name in the Export menu.
    pub fn format_name(self, format: Format) -> &'static str {
        let i = Format::ALL.iter().position(|f| *f == format).unwrap_or(0);
        self.exchange().formats[i]
    }

    /// Why a Hypothesis or doccano item was not imported.
    pub fn foreign_reason(self, reason: &ForeignReason) -> &'static str {
        match (self, reason) {
            (Lang::En, ForeignReason::NotInArticle) => "its text is not found in this article",
            (Lang::Ar, ForeignReason::NotInArticle) => "نصه غير موجود في هذه المقالة",
            (Lang::En, ForeignReason::BadSpan) => "its offsets are not within its line's text",
            (Lang::Ar, ForeignReason::BadSpan) => "موضعه خارج نص سطره",
            (Lang::En, ForeignReason::BadLine) => "the line is not a JSON object with a text",
            (Lang::Ar, ForeignReason::BadLine) => "السطر ليس كائن JSON فيه نص",
            (Lang::En, ForeignReason::LineTooLong) => "the line is too long",
            (Lang::Ar, ForeignReason::LineTooLong) => "السطر طويل جدًا",
            (Lang::En, ForeignReason::TooMany) => {
                "the file has too many lines; the rest was not read"
            }
            (Lang::Ar, ForeignReason::TooMany) => "في الملف أسطر كثيرة جدًا؛ لم يُقرأ باقيه",
        }
    }
}

/// The number keys that tag an entity, for `count` entities: `1–4` (the first nine have one).
pub fn entity_keys(count: usize) -> String {
    match count.min(9) {
        0 | 1 => "1".into(),
        n => format!("1–{n}"),
    }
}
