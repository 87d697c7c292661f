//! Corpora and workloads shared by the `message_parse` (criterion, wall time) and
//! `message_cpu` (CPU time, parsers interleaved) benchmarks, so both measure exactly the same
//! work.

use std::path::PathBuf;

use mailwire_test_support::corpora;

/// A named set of messages.
pub struct Corpus {
    pub name: &'static str,
    pub messages: Vec<Vec<u8>>,
}

impl Corpus {
    pub fn bytes(&self) -> u64 {
        self.messages.iter().map(|m| m.len() as u64).sum()
    }
}

/// The bytes of every file, skipping those that cannot be read.
fn read_all(paths: &[PathBuf]) -> Vec<Vec<u8>> {
    paths.iter().filter_map(|p| std::fs::read(p).ok()).collect()
}

fn base64(data: &[u8]) -> String {
    const A: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut s = String::with_capacity(data.len() * 4 / 3 + data.len() / 57 * 2 + 8);
    for (i, c) in data.chunks(3).enumerate() {
        if i > 0 && i % 19 == 0 {
            s.push_str("\r\n");
        }
        let n = u32::from(c[0]) << 16
            | u32::from(*c.get(1).unwrap_or(&0)) << 8
            | u32::from(*c.get(2).unwrap_or(&0));
        for k in 0..4 {
            s.push(if k <= c.len() {
                A[(n >> (18 - 6 * k) & 63) as usize] as char
            } else {
                '='
            });
        }
    }
    s
}

/// Large messages: text, quoted-printable HTML and two 1 MiB base64 attachments each.
fn large() -> Vec<Vec<u8>> {
    let mut state = 0x2545_f491_4f6c_dd1du64;
    let mut noise = |n: usize| -> Vec<u8> {
        (0..n)
            .map(|_| {
                state ^= state << 13;
                state ^= state >> 7;
                state ^= state << 17;
                state as u8
            })
            .collect()
    };
    (0..4)
        .map(|i| {
            let text = "The quick brown fox jumps over the lazy dog. ".repeat(2000);
            let html = "<p>Gr=C3=BC=C3=9Fe aus K=C3=B6ln, a line of quoted-printable HTML.</p>=\r\n".repeat(2000);
            format!(
                "From: Sender {i} <sender{i}@example.com>\r\nTo: Receiver <rcpt@example.org>\r\nSubject: =?UTF-8?Q?Large_message_{i}_=E2=9C=93?=\r\nDate: Tue, 1 Jul 2003 10:52:37 +0200\r\nMessage-ID: <large.{i}@example.com>\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=\"outer-{i}\"\r\n\r\n--outer-{i}\r\nContent-Type: multipart/alternative; boundary=\"alt-{i}\"\r\n\r\n--alt-{i}\r\nContent-Type: text/plain; charset=us-ascii\r\n\r\n{text}\r\n--alt-{i}\r\nContent-Type: text/html; charset=utf-8\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n{html}\r\n--alt-{i}--\r\n\r\n--outer-{i}\r\nContent-Type: application/octet-stream; name=\"a.bin\"\r\nContent-Disposition: attachment; filename=\"a.bin\"\r\nContent-Transfer-Encoding: base64\r\n\r\n{}\r\n--outer-{i}\r\nContent-Type: image/png\r\nContent-Disposition: attachment; filename=\"b.png\"\r\nContent-Transfer-Encoding: base64\r\n\r\n{}\r\n--outer-{i}--\r\n",
                base64(&noise(1 << 20)),
                base64(&noise(1 << 20)),
            )
            .into_bytes()
        })
        .collect()
}

/// Small messages: typical notifications of about 700 bytes.
fn small() -> Vec<Vec<u8>> {
    (0..2000)
        .map(|i| {
            format!(
                "Received: from mx{i}.example.net (mx{i}.example.net [192.0.2.{}])\r\n\tby mail.example.com with ESMTPS id {i:08X}\r\n\tfor <user@example.com>; Tue, 1 Jul 2003 10:52:37 +0200\r\nFrom: \"Notifier {i}\" <notify{i}@example.net>\r\nTo: User <user@example.com>\r\nSubject: Your report number {i} is ready\r\nDate: Tue, 1 Jul 2003 10:52:37 +0200\r\nMessage-ID: <{i}.report@example.net>\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\nHello,\r\n\r\nyour report {i} is ready. Open the dashboard to read it.\r\n\r\n-- \r\nThe reporting robot\r\n",
                i % 250
            )
            .into_bytes()
        })
        .collect()
}

pub fn corpora() -> Vec<Corpus> {
    let mut out = vec![Corpus {
        name: "enmime",
        messages: read_all(&corpora::enmime()),
    }];
    let cpython = read_all(&corpora::cpython());
    let flufl = read_all(&corpora::flufl());
    if !cpython.is_empty() {
        out.push(Corpus {
            name: "cpython",
            messages: cpython,
        });
    }
    if !flufl.is_empty() {
        out.push(Corpus {
            name: "flufl",
            messages: flufl,
        });
    }
    out.push(Corpus {
        name: "large",
        messages: large(),
    });
    out.push(Corpus {
        name: "small",
        messages: small(),
    });
    out
}

mod ours {
    use mailwire_message::{Message, mailboxes};

    pub fn parse(raw: &[u8]) -> usize {
        Message::parse(raw).parts().count()
    }

    pub fn headers(raw: &[u8]) -> usize {
        let msg = Message::parse(raw);
        let r = msg.root();
        r.subject().map_or(0, |s| s.len())
            + mailboxes(&r.from()).count()
            + mailboxes(&r.to()).count()
            + r.date().map_or(0, |d| d.day as usize)
            + r.message_id().map_or(0, |s| s.len())
    }

    pub fn structure(raw: &[u8]) -> usize {
        let msg = Message::parse(raw);
        let n: usize = msg.parts().map(|p| p.content_type().subtype.len()).sum();
        let b = msg.body_parts();
        n + b.text_body.len() + b.html_body.len() + b.attachments.len()
    }

    pub fn full(raw: &[u8]) -> usize {
        let msg = Message::parse(raw);
        msg.leaves()
            .map(|p| {
                if p.content_type().media_type == "text" {
                    p.text().map_or(0, |t| t.len())
                } else {
                    p.decoded_body().len()
                }
            })
            .sum()
    }
}

mod peer_mailparse {
    use mailparse::{MailHeaderMap, ParsedMail, addrparse_header, dateparse, parse_mail};

    pub fn parse(raw: &[u8]) -> usize {
        parse_mail(raw).map_or(0, |m| m.subparts.len())
    }

    pub fn headers(raw: &[u8]) -> usize {
        let Ok(m) = parse_mail(raw) else { return 0 };
        let h = &m.headers;
        h.get_first_value("Subject").map_or(0, |s| s.len())
            + h.get_first_header("From")
                .and_then(|f| addrparse_header(f).ok())
                .map_or(0, |l| l.len())
            + h.get_first_header("To")
                .and_then(|f| addrparse_header(f).ok())
                .map_or(0, |l| l.len())
            + h.get_first_value("Date")
                .and_then(|d| dateparse(&d).ok())
                .map_or(0, |d| d as usize & 1)
            + h.get_first_value("Message-ID").map_or(0, |s| s.len())
    }

    fn walk(m: &ParsedMail<'_>, f: &mut impl FnMut(&ParsedMail<'_>)) {
        f(m);
        for s in &m.subparts {
            walk(s, f);
        }
    }

    pub fn structure(raw: &[u8]) -> usize {
        let Ok(m) = parse_mail(raw) else { return 0 };
        let mut n = 0;
        walk(&m, &mut |p| {
            n += p.ctype.mimetype.len();
            n += usize::from(
                p.get_content_disposition().disposition == mailparse::DispositionType::Attachment,
            );
        });
        n
    }

    pub fn full(raw: &[u8]) -> usize {
        let Ok(m) = parse_mail(raw) else { return 0 };
        let mut n = 0;
        walk(&m, &mut |p| {
            if p.subparts.is_empty() {
                n += if p.ctype.mimetype.starts_with("text/") {
                    p.get_body().map_or(0, |b| b.len())
                } else {
                    p.get_body_raw().map_or(0, |b| b.len())
                };
            }
        });
        n
    }
}

#[cfg(mailwire_compare_mail_parser)]
mod peer_mail_parser {
    use mail_parser::MessageParser;

    pub fn parse(raw: &[u8]) -> usize {
        MessageParser::new()
            .parse(raw)
            .map_or(0, |m| m.parts().len())
    }

    pub fn headers(raw: &[u8]) -> usize {
        let Some(m) = MessageParser::new().parse(raw) else {
            return 0;
        };
        m.subject().map_or(0, |s| s.len())
            + m.from().map_or(0, |l| l.iter().count())
            + m.to().map_or(0, |l| l.iter().count())
            + m.date().map_or(0, |d| d.day as usize)
            + m.message_id().map_or(0, |s| s.len())
    }

    pub fn structure(raw: &[u8]) -> usize {
        let Some(m) = MessageParser::new().parse(raw) else {
            return 0;
        };
        m.parts()
            .map(|p| {
                p.content_type()
                    .map_or(0, |c| c.subtype().map_or(0, |s| s.len()))
                    + usize::from(p.in_text_body())
                    + usize::from(p.in_html_body())
                    + usize::from(p.is_attachment())
            })
            .sum()
    }

    pub fn full(raw: &[u8]) -> usize {
        let Some(m) = MessageParser::new().parse(raw) else {
            return 0;
        };
        m.parts()
            .filter(|p| !p.is_multipart() && !p.is_message())
            .map(|p| {
                if p.is_text() {
                    p.text().map_or(0, |t| t.len())
                } else {
                    p.decoded().len()
                }
            })
            .sum()
    }
}

pub type Workload = fn(&[u8]) -> usize;

/// The four workloads, in the order `peers` takes them.
pub const WORKLOADS: [&str; 4] = ["parse", "headers", "structure", "full-decode"];

/// Each parser's name and its loop for workload `workload` (an index into `WORKLOADS`),
/// mailwire first.
pub fn peers(workload: usize) -> Vec<(&'static str, Workload)> {
    let pick = |fs: [Workload; 4]| fs[workload];
    #[allow(unused_mut)]
    let mut v: Vec<(&'static str, Workload)> = vec![
        (
            "mailwire",
            pick([ours::parse, ours::headers, ours::structure, ours::full]),
        ),
        (
            "mailparse",
            pick([
                peer_mailparse::parse,
                peer_mailparse::headers,
                peer_mailparse::structure,
                peer_mailparse::full,
            ]),
        ),
    ];
    #[cfg(mailwire_compare_mail_parser)]
    v.push((
        "mail-parser",
        pick([
            peer_mail_parser::parse,
            peer_mail_parser::headers,
            peer_mail_parser::structure,
            peer_mail_parser::full,
        ]),
    ));
    v
}
