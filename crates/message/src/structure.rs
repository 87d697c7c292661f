//! Choosing the text body, HTML body and attachments as RFC 8621 §4.1.4 describes.

use crate::message::{Message, Part, PartId};
use crate::scan::Media;

/// The parts a mail client shows: what RFC 8621 calls `textBody`, `htmlBody` and
/// `attachments`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct BodyParts {
    /// Parts to show for a plain-text view, in order.
    pub text_body: Vec<PartId>,
    /// Parts to show for an HTML view, in order.
    pub html_body: Vec<PartId>,
    /// Everything else a user would see as an attachment.
    pub attachments: Vec<PartId>,
}

impl Message<'_> {
    /// Chooses the text body, HTML body and attachments (the algorithm of RFC 8621 §4.1.4).
    /// Embedded messages are attachments.
    ///
    /// ```
    /// use mailwire_message::Message;
    /// let raw = b"Content-Type: multipart/alternative; boundary=b\r\n\r\n--b\r\nContent-Type: text/plain\r\n\r\nhi\r\n--b\r\nContent-Type: text/html\r\n\r\n<p>hi</p>\r\n--b--\r\n";
    /// let msg = Message::parse(raw);
    /// let b = msg.body_parts();
    /// assert_eq!((b.text_body.len(), b.html_body.len(), b.attachments.len()), (1, 1, 0));
    /// ```
    pub fn body_parts(&self) -> BodyParts {
        let mut b = BodyParts::default();
        walk(
            &[self.root()],
            "mixed",
            false,
            (&mut b.text_body, true),
            (&mut b.html_body, true),
            &mut b.attachments,
        );
        b
    }
}

/// One body list and whether it is still being filled at this level: the RFC's JavaScript
/// nulls its local reference, which the caller does not see.
type List<'l> = (&'l mut Vec<PartId>, bool);

fn walk(
    parts: &[Part<'_>],
    multipart_type: &str,
    in_alternative: bool,
    (text_body, mut text_on): List<'_>,
    (html_body, mut html_on): List<'_>,
    attachments: &mut Vec<PartId>,
) {
    let text_len = text_body.len();
    let html_len = html_body.len();
    for (i, part) in parts.iter().enumerate() {
        let media = part.data().media;
        let is_attachment = part.is_attachment();
        let is_text_or_html = matches!(media, Media::TextPlain | Media::TextHtml);
        let inline_media = media == Media::Visual;
        let is_inline = !is_attachment
            && (is_text_or_html || inline_media)
            && (i == 0 || (multipart_type != "related" && (inline_media || !part.has_filename())));
        if part.is_multipart() {
            let sub: Vec<Part<'_>> = part.children().collect();
            let subtype = match media {
                Media::Alternative => "alternative",
                Media::Related => "related",
                _ => "mixed",
            };
            walk(
                &sub,
                subtype,
                in_alternative || media == Media::Alternative,
                (&mut *text_body, text_on),
                (&mut *html_body, html_on),
                attachments,
            );
        } else if is_inline {
            if multipart_type == "alternative" {
                if media == Media::TextPlain {
                    if text_on {
                        text_body.push(part.id());
                    }
                } else if media == Media::TextHtml {
                    if html_on {
                        html_body.push(part.id());
                    }
                } else {
                    attachments.push(part.id());
                }
                continue;
            } else if in_alternative {
                if media == Media::TextPlain {
                    html_on = false;
                }
                if media == Media::TextHtml {
                    text_on = false;
                }
            }
            if text_on {
                text_body.push(part.id());
            }
            if html_on {
                html_body.push(part.id());
            }
            if (!text_on || !html_on) && inline_media {
                attachments.push(part.id());
            }
        } else {
            attachments.push(part.id());
        }
    }
    if multipart_type == "alternative" && text_on && html_on {
        if text_len == text_body.len() && html_len != html_body.len() {
            let extra = html_body[html_len..].to_vec();
            text_body.extend(extra);
        }
        if html_len == html_body.len() && text_len != text_body.len() {
            let extra = text_body[text_len..].to_vec();
            html_body.extend(extra);
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::Message;

    /// The shortcuts the selection uses give the answers of the full parses they replace.
    #[test]
    fn shortcuts_agree_with_full_parses() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpus");
        let mut stack = vec![dir];
        let mut raws = vec![
            b"Content-Type: text/plain; NAME*0=a; name*1=b\r\nContent-Disposition: ATTACHMENT; Filename=\"x\"\r\n\r\nx".to_vec(),
            b"Content-Type: text/plain; name=a\r\nContent-Disposition: inline; size=3\r\n\r\nx".to_vec(),
            b"Content-Type: text/plain; foo*=utf-8''x; name=b\r\nContent-Disposition: ; filename=y\r\n\r\nx".to_vec(),
            b"Content-Type: bad; name=a\r\nContent-Disposition: attachment; filename*=utf-8''%41\r\n\r\nx".to_vec(),
        ];
        while let Some(d) = stack.pop() {
            for e in std::fs::read_dir(&d).into_iter().flatten().flatten() {
                let p = e.path();
                if p.is_dir() {
                    stack.push(p);
                } else if let Ok(raw) = std::fs::read(&p) {
                    raws.push(raw);
                }
            }
        }
        assert!(raws.len() > 50);
        for raw in &raws {
            let msg = Message::parse(raw);
            for p in msg.parts() {
                assert_eq!(
                    p.is_attachment(),
                    p.disposition().is_some_and(|d| d.kind == "attachment")
                );
                assert_eq!(p.has_filename(), p.filename().is_some());
            }
        }
    }
}
