//! What the phone-sized browser stories share: a 360 × 740 page, a
//! screenshot of each step, a tap that first brings its target into view.

use fantoccini::Client;

use crate::browser::{find, png_size, screenshot_dir};

pub(crate) const PHONE: (u32, u32) = (360, 740);

/// Gives the page itself 360 × 740 (the window includes the browser's
/// frame) and keeps it so.
pub(crate) async fn phone_window(c: &Client) {
    let (w, h) = PHONE;
    let (mut ww, mut wh) = (w, h);
    for _ in 0..3 {
        c.set_window_size(ww, wh)
            .await
            .expect("resizing the window");
        let (pw, ph) = png_size(&c.screenshot().await.expect("a screenshot"));
        if (pw, ph) == (w, h) {
            return;
        }
        ww = (ww + w).saturating_sub(pw);
        wh = (wh + h).saturating_sub(ph);
    }
    panic!("the page could not be given {w}×{h}");
}

/// A screenshot of what the phone shows now, as
/// `target-artifacts/screenshots/{step}.png`.
pub(crate) async fn shoot(c: &Client, step: &str) {
    let dir = screenshot_dir();
    std::fs::create_dir_all(&dir).expect("the screenshot directory");
    let png = c.screenshot().await.expect("a screenshot");
    assert_eq!(png_size(&png), PHONE, "{step}: not phone-sized");
    std::fs::write(dir.join(format!("{step}.png")), png).expect("saving a screenshot");
}

pub(crate) async fn click(c: &Client, css: &str) {
    let el = find(c, css).await;
    // Below the fold on a phone: bring it into view as a thumb would.
    let _ = c
        .execute(
            "arguments[0].scrollIntoView({block: 'center'})",
            vec![serde_json::to_value(&el).expect("an element")],
        )
        .await;
    el.click()
        .await
        .unwrap_or_else(|e| panic!("clicking {css}: {e}"));
}

pub(crate) async fn source(c: &Client) -> String {
    c.source().await.expect("the page source")
}
