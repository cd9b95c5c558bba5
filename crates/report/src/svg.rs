//! A [`Drawing`] as SVG markup, every text escaped.

use std::fmt::Write as _;

use crate::chart::{Anchor, Drawing, Face, Shape};

/// Escapes text for XML content and attribute values.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c if c.is_control() && c != '\n' && c != '\t' => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

fn num(v: f32) -> String {
    let r = (v * 100.0).round() / 100.0;
    if r == r.trunc() {
        format!("{}", r as i64)
    } else {
        format!("{r}")
    }
}

/// The drawing as an `<svg>` element sized in points, with its
/// description as its accessible title.
pub fn render(d: &Drawing, id: &str) -> String {
    let mut s = String::new();
    let _ = write!(
        s,
        r#"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {w} {h}" width="{w}pt" height="{h}pt" role="img" aria-labelledby="{id}-title" font-family="Helvetica, Arial, 'Liberation Sans', sans-serif"><title id="{id}-title">{title}</title>"#,
        w = num(d.width),
        h = num(d.height),
        id = escape(id),
        title = escape(&d.description),
    );
    for shape in &d.shapes {
        match shape {
            Shape::Rect {
                x,
                y,
                w,
                h,
                fill,
                stroke,
            } => {
                let _ = write!(
                    s,
                    r#"<rect x="{}" y="{}" width="{}" height="{}" fill="{}"{}/>"#,
                    num(*x),
                    num(*y),
                    num(*w),
                    num(*h),
                    fill.map_or_else(|| "none".to_owned(), |c| c.hex()),
                    stroke.map_or_else(String::new, |c| format!(
                        r#" stroke="{}" stroke-width="0.6""#,
                        c.hex()
                    )),
                );
            }
            Shape::Line {
                x1,
                y1,
                x2,
                y2,
                color,
                width,
            } => {
                let _ = write!(
                    s,
                    r#"<line x1="{}" y1="{}" x2="{}" y2="{}" stroke="{}" stroke-width="{}"/>"#,
                    num(*x1),
                    num(*y1),
                    num(*x2),
                    num(*y2),
                    color.hex(),
                    num(*width),
                );
            }
            Shape::Text {
                x,
                y,
                text,
                size,
                anchor,
                face,
                color,
                key,
            } => {
                let anchor = match anchor {
                    Anchor::Start => "start",
                    Anchor::Middle => "middle",
                    Anchor::End => "end",
                };
                let face = match face {
                    Face::Regular => "",
                    Face::Bold => r#" font-weight="bold""#,
                    Face::Oblique => r#" font-style="italic""#,
                };
                let key = key
                    .as_deref()
                    .map_or_else(String::new, |k| format!(r#" data-key="{}""#, escape(k)));
                let _ = write!(
                    s,
                    r#"<text x="{}" y="{}" font-size="{}" text-anchor="{anchor}" fill="{}"{face}{key}>{}</text>"#,
                    num(*x),
                    num(*y),
                    num(*size),
                    color.hex(),
                    escape(text),
                );
            }
        }
    }
    s.push_str("</svg>");
    s
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::chart::Color;

    #[test]
    fn text_is_escaped() {
        let d = Drawing {
            width: 10.0,
            height: 10.0,
            description: "a <b> & \"c\"".into(),
            shapes: vec![Shape::Text {
                x: 1.0,
                y: 2.5,
                text: "<script>alert(1)</script>".into(),
                size: 8.0,
                anchor: Anchor::Start,
                face: Face::Regular,
                color: Color::INK,
                key: Some("\"x".into()),
            }],
        };
        let svg = render(&d, "f1");
        assert!(!svg.contains("<script>"));
        assert!(svg.contains("&lt;script&gt;"));
        assert!(svg.contains("a &lt;b&gt; &amp; &quot;c&quot;"));
        assert!(svg.contains(r#"data-key="&quot;x""#));
        assert!(svg.contains(r#"y="2.5""#));
    }
}
