//! Files in the browser: downloads and the chosen upload.

/// Offers `text` as a file download (browser only).
pub fn download(filename: &str, text: &str) {
    download_parts(filename, &[text]);
}

/// Offers the file made of `parts`, in order, as a download (browser only).
pub fn download_parts(filename: &str, parts: &[impl AsRef<str>]) {
    #[cfg(feature = "hydrate")]
    offer(filename, js_sys_array(parts));
    #[cfg(not(feature = "hydrate"))]
    let _ = (filename, parts);
}

/// Offers the file made of the strings in the array `parts` as a download,
/// after a byte order mark: spreadsheet programs then read it as UTF-8
/// (accented names, the French template's header) instead of their
/// system's code page, and the console's uploads skip it.
#[cfg(feature = "hydrate")]
fn offer(filename: &str, parts: wasm_bindgen::JsValue) {
    use wasm_bindgen::JsCast;
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str("\u{FEFF}"))
        .concat(&js_sys::Array::from(&parts));
    let opts = web_sys::BlobPropertyBag::new();
    opts.set_type("text/csv;charset=utf-8");
    let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &opts) else {
        return;
    };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else {
        return;
    };
    if let Ok(a) = leptos::prelude::document().create_element("a") {
        if let Ok(a) = a.dyn_into::<web_sys::HtmlAnchorElement>() {
            a.set_href(&url);
            a.set_download(filename);
            a.click();
        }
    }
    let _ = web_sys::Url::revoke_object_url(&url);
}

/// A file received in parts, each kept as a browser string outside the
/// page's WASM memory until the file is downloaded (a million imported
/// users' passwords are tens of megabytes).
#[derive(Default)]
pub struct PartsFile {
    #[cfg(feature = "hydrate")]
    parts: Vec<wasm_bindgen::JsValue>,
}

impl PartsFile {
    /// Adds the next part.
    pub fn push(&mut self, text: &str) {
        #[cfg(feature = "hydrate")]
        self.parts.push(wasm_bindgen::JsValue::from_str(text));
        #[cfg(not(feature = "hydrate"))]
        let _ = text;
    }

    /// Offers the parts, in order, as one file (browser only).
    pub fn download(&self, filename: &str) {
        #[cfg(feature = "hydrate")]
        offer(
            filename,
            self.parts.iter().collect::<js_sys::Array>().into(),
        );
        #[cfg(not(feature = "hydrate"))]
        let _ = filename;
    }
}

#[cfg(feature = "hydrate")]
fn js_sys_array(parts: &[impl AsRef<str>]) -> wasm_bindgen::JsValue {
    let array = js_sys::Array::new();
    for part in parts {
        array.push(&wasm_bindgen::JsValue::from_str(part.as_ref()));
    }
    array.into()
}

/// The file chosen in the `<input type=file>` with this id (browser only).
#[cfg(feature = "hydrate")]
fn chosen_file(input_id: &str) -> Result<web_sys::File, String> {
    use wasm_bindgen::JsCast;
    let input = leptos::prelude::document()
        .get_element_by_id(input_id)
        .and_then(|e| e.dyn_into::<web_sys::HtmlInputElement>().ok())
        .ok_or_else(|| crate::tr!("ui-file-missing"))?;
    input
        .files()
        .and_then(|f| f.get(0))
        .ok_or_else(|| crate::tr!("ui-file-choose"))
}

/// A form of the text `fields`, then the file chosen in the
/// `<input type=file>` with the id `input_id` as `file_field`, to send as
/// multipart form data: the browser reads the file from disk as it sends
/// it, so the page never holds it (browser only).
pub fn upload_form(
    fields: &[(&str, &str)],
    file_field: &str,
    input_id: &str,
) -> Result<web_sys::FormData, String> {
    #[cfg(feature = "hydrate")]
    {
        let file = chosen_file(input_id)?;
        let unreadable = |_| crate::tr!("ui-file-unreadable");
        let form = web_sys::FormData::new().map_err(unreadable)?;
        for (name, value) in fields {
            form.append_with_str(name, value).map_err(unreadable)?;
        }
        form.append_with_blob_and_filename(file_field, &file, &file.name())
            .map_err(unreadable)?;
        Ok(form)
    }
    #[cfg(not(feature = "hydrate"))]
    {
        let _ = (fields, file_field, input_id);
        Err(crate::tr!("ui-file-in-browser"))
    }
}

/// The text of the file chosen in the `<input type=file>` with this id
/// (browser only).
pub async fn read_chosen_file(input_id: &str) -> Result<String, String> {
    #[cfg(feature = "hydrate")]
    {
        let file = chosen_file(input_id)?;
        let text = wasm_bindgen_futures::JsFuture::from(file.text())
            .await
            .map_err(|_| crate::tr!("ui-file-unreadable"))?;
        text.as_string()
            .ok_or_else(|| crate::tr!("ui-file-unreadable"))
    }
    #[cfg(not(feature = "hydrate"))]
    {
        let _ = input_id;
        Err(crate::tr!("ui-file-in-browser"))
    }
}
