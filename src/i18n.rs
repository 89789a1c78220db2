//! The interface's strings in Arabic and English.

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

/// Every fixed string of the interface.
pub struct Strings {
    pub app_name: &'static str,
    pub switch_to: &'static str,
    pub claim: &'static str,
    pub claims: &'static str,
    pub all: &'static str,
    pub toolbar_label: &'static str,
    pub toolbar_hint: &'static str,
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
    pub entry_kept: &'static str,
    pub save_failed: &'static str,
    pub exported: &'static str,
    pub article_label: &'static str,
    pub reanchored: &'static str,
    pub imported: &'static str,
    pub rejected_item: &'static str,
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
}

const AR: Strings = Strings {
    app_name: "هامش",
    switch_to: "English",
    claim: "ادعاء",
    claims: "الادعاءات",
    all: "الكل",
    toolbar_label: "وسم التحديد",
    toolbar_hint: "حدّد نصاً من المقال لوسمه: c ادعاء، 1–4 الكيانات، Esc للإلغاء.",
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
    entry_kept: "تعذّرت قراءة التعليقات المحفوظة ولم يمكن نسخها احتياطياً، لذا أُوقف الحفظ حتى لا تُستبدل. السبب: {reason}",
    save_failed: "تعذّر الحفظ في التخزين المحلي (ربما امتلأ): التغييرات باقية في هذه الجلسة فقط.",
    exported: "صُدّر {n} تعليقاً في ملف JSON.",
    article_label: "المقال",
    reanchored: "تغيّر نص المقال منذ التعليق عليه: تبع {moved} تعليقاً نصّه إلى مكانه الجديد، وتعذّر العثور على {orphaned} فنُقل إلى قسم «منفصلة».",
    imported: "استيراد {total}: {anchored} ثُبّت في النص، {orphaned} منفصل، {rejected} مرفوض. أضيف {added}، حُدّث {updated}، بقي {kept} دون تغيير.",
    rejected_item: "رقم {index}: {reason}",
    import_failed: "لم يُستورد شيء: {reason}",
    load_failed: "تعذّر تحميل المقال ({reason})، فعُرض المقال المرفق.",
    import_json: "استيراد JSON",
    orphaned_title: "منفصلة",
    orphaned_help: "لم نجد نص هذه التعليقات في المقال الحالي. حدّد مكانها الجديد أو احذفها.",
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
    recent_item: "{date} · {count} تعليقاً",
    bundled: "المقال المرفق",
    drop_hint: "يمكنك أيضاً إفلات ملف على الصفحة.",
};

const EN: Strings = Strings {
    app_name: "Hamish",
    switch_to: "العربية",
    claim: "Claim",
    claims: "Claims",
    all: "All",
    toolbar_label: "Tag the selection",
    toolbar_hint: "Select text in the article to tag it: c claim, 1–4 entities, Esc to dismiss.",
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
    entry_kept: "The saved annotations could not be read nor backed up, so saving is off to avoid overwriting them. Reason: {reason}",
    save_failed: "Saving to local storage failed (it may be full): changes are kept in this session only.",
    exported: "Exported {n} annotations as JSON.",
    article_label: "Article",
    reanchored: "The article changed since it was annotated: {moved} annotations followed their text to its new place; {orphaned} could not be found and are listed under Orphaned.",
    imported: "Imported {total}: {anchored} anchored, {orphaned} orphaned, {rejected} rejected. Added {added}, updated {updated}, unchanged {kept}.",
    rejected_item: "#{index}: {reason}",
    import_failed: "Nothing was imported: {reason}.",
    load_failed: "The article could not be loaded ({reason}); showing the bundled article.",
    import_json: "Import JSON",
    orphaned_title: "Orphaned",
    orphaned_help: "Their text is no longer in this article. Select their new place, or delete them.",
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
    recent_item: "{date} · {count} annotations",
    bundled: "The bundled article",
    drop_hint: "You can also drop a file on the page.",
};
