//! Plain text to PDF, for letters (FOIA requests and appeals): each line
//! of the text is a paragraph of its own, wrapped at words to the page
//! and paginated by the same engine, template and fonts as reports
//! ([`crate::pdf`]), so every name prints, whatever its script.

/// Renders `text` as a PDF with `title` in its metadata.
pub fn render(title: &str, text: &str) -> Vec<u8> {
    crate::pdf::render_letter(title, text)
}
