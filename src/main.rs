//! The standalone page: mounts Hamish with the bundled article on the page's `#hamish` element.

fn main() {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let target = document
        .get_element_by_id("hamish")
        .or_else(|| document.body().map(Into::into));
    if let Some(target) = target {
        hamish::mount_page(target);
    }
}
