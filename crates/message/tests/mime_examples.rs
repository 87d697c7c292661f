//! The examples of RFC 2045–2049, typed in, as known-answer tests, plus the MIME tree's
//! limits and hostile shapes.

use mailwire_message::{DefectKind, Message, Options, mailboxes};

fn crlf(s: &str) -> Vec<u8> {
    s.replace('\n', "\r\n").into_bytes()
}

fn written(msg: &Message<'_>) -> Vec<u8> {
    let mut out = Vec::new();
    msg.write_to(&mut out);
    out
}

fn kinds(msg: &Message<'_>) -> Vec<DefectKind> {
    msg.defects().iter().map(|d| d.kind).collect()
}

#[test]
fn rfc2046_5_1_1_simple_multipart() {
    let raw = crlf(
        "From: Nathaniel Borenstein <nsb@bellcore.com>
To: Ned Freed <ned@innosoft.com>
Date: Sun, 21 Mar 1993 23:56:48 -0800 (PST)
Subject: Sample message
MIME-Version: 1.0
Content-type: multipart/mixed; boundary=\"simple boundary\"

This is the preamble.  It is to be ignored, though it
is a handy place for composition agents to include an
explanatory note to non-MIME conformant readers.

--simple boundary

This is implicitly typed plain US-ASCII text.
It does NOT end with a linebreak.
--simple boundary
Content-type: text/plain; charset=us-ascii

This is explicitly typed plain US-ASCII text.
It DOES end with a linebreak.

--simple boundary--

This is the epilogue.  It is also to be ignored.
",
    );
    let msg = Message::parse(&raw);
    let root = msg.root();
    assert!(root.is_multipart());
    assert_eq!(
        root.preamble().unwrap(),
        &crlf(
            "This is the preamble.  It is to be ignored, though it\nis a handy place for composition agents to include an\nexplanatory note to non-MIME conformant readers.\n"
        )[..]
    );
    assert_eq!(
        root.epilogue().unwrap(),
        &crlf("\nThis is the epilogue.  It is also to be ignored.\n")[..]
    );
    let kids: Vec<_> = root.children().collect();
    assert_eq!(kids.len(), 2);
    assert_eq!(kids[0].headers().count(), 0);
    assert!(kids[0].content_type().is("text", "plain"));
    assert_eq!(kids[0].charset().as_deref(), Some("us-ascii"));
    assert_eq!(
        kids[0].text().as_deref(),
        Some("This is implicitly typed plain US-ASCII text.\r\nIt does NOT end with a linebreak.")
    );
    assert_eq!(
        kids[1].text().as_deref(),
        Some("This is explicitly typed plain US-ASCII text.\r\nIt DOES end with a linebreak.\r\n")
    );
    assert!(msg.all_defects().is_empty(), "{:?}", msg.all_defects());
    assert_eq!(written(&msg), raw);
    let b = msg.body_parts();
    assert_eq!(b.text_body, [kids[0].id(), kids[1].id()]);
    assert_eq!(b.html_body, b.text_body);
    assert!(b.attachments.is_empty());
}

#[test]
fn rfc2046_5_1_5_digest_defaults_to_message_rfc822() {
    let raw = crlf(
        "From: Moderator-Address
To: Recipient-List
Date: Mon, 22 Mar 1994 13:34:51 +0000
Subject: Internet Digest, volume 42
MIME-Version: 1.0
Content-Type: multipart/mixed;
              boundary=\"---- main boundary ----\"

------ main boundary ----

...Introductory text or table of contents...

------ main boundary ----
Content-Type: multipart/digest;
              boundary=\"---- next message ----\"

------ next message ----

From: someone-else
Date: Fri, 26 Mar 1993 11:13:32 +0200
Subject: my opinion

...body goes here ...

------ next message ----

From: someone-else-again
Date: Fri, 26 Mar 1993 11:13:32 +0200
Subject: my different opinion

... another body goes here ...

------ next message ------

------ main boundary ------
",
    );
    let msg = Message::parse(&raw);
    let root = msg.root();
    let kids: Vec<_> = root.children().collect();
    assert_eq!(kids.len(), 2);
    let digest: Vec<_> = kids[1].children().collect();
    assert_eq!(digest.len(), 2);
    for (d, subject) in digest.iter().zip(["my opinion", "my different opinion"]) {
        assert!(d.content_type().is("message", "rfc822"));
        let inner = d.message().expect("parsed as a message");
        assert_eq!(inner.subject().as_deref(), Some(subject));
        assert_eq!(
            inner.date().unwrap().to_rfc3339(),
            "1993-03-26T11:13:32+02:00"
        );
    }
    assert_eq!(
        digest[0].message().unwrap().text().as_deref(),
        Some("...body goes here ...\r\n")
    );
    assert!(msg.all_defects().is_empty(), "{:?}", msg.all_defects());
    assert_eq!(written(&msg), raw);
    // Four leaves: the introduction and the two digest bodies (inside their messages).
    assert_eq!(msg.leaves().count(), 3);
}

#[test]
fn rfc2049_appendix_a_complex_multipart() {
    let raw = crlf(
        "MIME-Version: 1.0
From: Nathaniel Borenstein <nsb@nsb.fv.com>
To: Ned Freed <ned@innosoft.com>
Date: Fri, 07 Oct 1994 16:15:05 -0700 (PDT)
Subject: A multipart example
Content-Type: multipart/mixed;
              boundary=unique-boundary-1

This is the preamble area of a multipart message.
Mail readers that understand multipart format
should ignore this preamble.

If you are reading this text, you might want to
consider changing to a mail reader that understands
how to properly display multipart messages.

--unique-boundary-1

  ... Some text appears here ...

[Note that the blank between the boundary and the start
 of the text in this part means no header fields were
 given and this is text in the US-ASCII character set.
 It could have been done with explicit typing as in the
 next part.]

--unique-boundary-1
Content-type: text/plain; charset=US-ASCII

This could have been part of the previous part, but
illustrates explicit versus implicit typing of body
parts.

--unique-boundary-1
Content-Type: multipart/parallel; boundary=unique-boundary-2

--unique-boundary-2
Content-Type: audio/basic
Content-Transfer-Encoding: base64

  ... base64-encoded 8000 Hz single-channel
      mu-law-format audio data goes here ...

--unique-boundary-2
Content-Type: image/jpeg
Content-Transfer-Encoding: base64

  ... base64-encoded image data goes here ...

--unique-boundary-2--

--unique-boundary-1
Content-type: text/enriched

This is <bold><italic>enriched.</italic></bold>
<smaller>as defined in RFC 1896</smaller>

Isn't it
<bigger><bigger>cool?</bigger></bigger>

--unique-boundary-1
Content-Type: message/rfc822

From: (mailbox in US-ASCII)
To: (address in US-ASCII)
Subject: (subject in US-ASCII)
Content-Type: Text/plain; charset=ISO-8859-1
Content-Transfer-Encoding: Quoted-printable

  ... Additional text in ISO-8859-1 goes here ...

--unique-boundary-1--
",
    );
    let msg = Message::parse(&raw);
    let types: Vec<String> = msg
        .leaves()
        .map(|p| {
            let ct = p.content_type();
            format!("{}/{}", ct.media_type, ct.subtype)
        })
        .collect();
    assert_eq!(
        types,
        [
            "text/plain",
            "text/plain",
            "audio/basic",
            "image/jpeg",
            "text/enriched",
            "text/plain"
        ]
    );
    let inner = msg
        .parts()
        .find(|p| p.is_message())
        .and_then(|p| p.message())
        .unwrap();
    assert_eq!(inner.subject().as_deref(), Some("(subject in US-ASCII)"));
    assert_eq!(inner.charset().as_deref(), Some("ISO-8859-1"));
    assert_eq!(
        inner.text().as_deref(),
        Some("  ... Additional text in ISO-8859-1 goes here ...\r\n")
    );
    assert!(msg.defects().is_empty(), "{:?}", msg.defects());
    assert_eq!(written(&msg), raw);
    let b = msg.body_parts();
    // RFC 8621: text parts inline; audio and image inline media, also attachments here
    // because the HTML list is not nulled (no alternative); the enriched text and the
    // message are attachments.
    assert_eq!(b.text_body.len(), 4);
    assert_eq!(b.attachments.len(), 2);
}

#[test]
fn rfc2047_section_8_headers() {
    let raw = crlf(
        "From: =?US-ASCII?Q?Keith_Moore?= <moore@cs.utk.edu>
To: =?ISO-8859-1?Q?Keld_J=F8rn_Simonsen?= <keld@dkuug.dk>
CC: =?ISO-8859-1?Q?Andr=E9?= Pirard <PIRARD@vm1.ulg.ac.be>
Subject: =?ISO-8859-1?B?SWYgeW91IGNhbiByZWFkIHRoaXMgeW8=?=
 =?ISO-8859-2?B?dSB1bmRlcnN0YW5kIHRoZSBleGFtcGxlLg==?=
Sender: Nathaniel Borenstein <nsb@thumper.bellcore.com>
      (=?iso-8859-8?b?7eXs+SDv4SDp7Oj08A==?=)

body
",
    );
    let msg = Message::parse(&raw);
    let r = msg.root();
    let one = |l: Vec<mailwire_message::Address<'_>>| {
        let m = mailboxes(&l).next().unwrap().clone();
        (
            m.name.unwrap().into_owned(),
            m.address.unwrap().into_owned(),
        )
    };
    assert_eq!(
        one(r.from()),
        ("Keith Moore".into(), "moore@cs.utk.edu".into())
    );
    assert_eq!(
        one(r.to()),
        ("Keld Jørn Simonsen".into(), "keld@dkuug.dk".into())
    );
    assert_eq!(
        one(r.cc()),
        ("André Pirard".into(), "PIRARD@vm1.ulg.ac.be".into())
    );
    assert_eq!(
        r.subject().as_deref(),
        Some("If you can read this you understand the example.")
    );
    assert_eq!(
        one(r.sender()),
        (
            "Nathaniel Borenstein".into(),
            "nsb@thumper.bellcore.com".into()
        )
    );
}

#[test]
fn base64_encoded_embedded_message_is_parsed() {
    let inner = "Subject: inner\r\nContent-Type: text/plain\r\n\r\nhello inner\r\n";
    let enc = encode_b64(inner.as_bytes());
    let raw = format!(
        "Subject: outer\r\nContent-Type: multipart/mixed; boundary=b\r\n\r\n--b\r\nContent-Type: message/rfc822\r\nContent-Transfer-Encoding: base64\r\n\r\n{enc}\r\n--b--\r\n"
    );
    let msg = Message::parse(raw.as_bytes());
    let m = msg.parts().find(|p| p.is_message()).unwrap();
    let inner_root = m.message().unwrap();
    assert_eq!(inner_root.subject().as_deref(), Some("inner"));
    assert_eq!(inner_root.text().as_deref(), Some("hello inner\r\n"));
    assert_eq!(written(&msg), raw.as_bytes());
    // With encoded nesting disabled, it stays a leaf.
    let msg = Message::parse_with(
        raw.as_bytes(),
        &Options::default().with_max_encoded_nesting(0),
    );
    assert!(kinds(&msg).contains(&DefectKind::EncodedNestingLimit));
    assert_eq!(written(&msg), raw.as_bytes());
}

fn encode_b64(data: &[u8]) -> String {
    const A: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::new();
    for c in data.chunks(3) {
        let n = (c[0] as u32) << 16
            | (*c.get(1).unwrap_or(&0) as u32) << 8
            | *c.get(2).unwrap_or(&0) as u32;
        for k in 0..4 {
            if k <= c.len() {
                out.push(A[(n >> (18 - 6 * k) & 63) as usize] as char);
            } else {
                out.push('=');
            }
        }
    }
    out
}

#[test]
fn malformed_structures_give_defects() {
    let cases: &[(&str, DefectKind)] = &[
        (
            "Content-Type: multipart/mixed\r\n\r\nno boundary\r\n",
            DefectKind::MissingBoundary,
        ),
        (
            "Content-Type: multipart/mixed; boundary=x\r\n\r\nno delimiter\r\n",
            DefectKind::StartBoundaryNotFound,
        ),
        (
            "Content-Type: multipart/mixed; boundary=x\r\n\r\n--x\r\n\r\nunclosed\r\n",
            DefectKind::CloseBoundaryNotFound,
        ),
        (
            "Subject: a\r\nthis line has no colon\r\n\r\nbody\r\n",
            DefectKind::HeaderWithoutColon,
        ),
        (
            "  continuation first\r\nSubject: a\r\n\r\n",
            DefectKind::FirstLineIsContinuation,
        ),
        (
            "Content-Type: text\r\n\r\nx",
            DefectKind::InvalidContentType,
        ),
    ];
    for (raw, kind) in cases {
        let msg = Message::parse(raw.as_bytes());
        assert!(kinds(&msg).contains(kind), "{raw:?}: {:?}", msg.defects());
        assert_eq!(written(&msg), raw.as_bytes());
    }
    let msg = Message::parse(b"Content-Transfer-Encoding: base64\r\n\r\naGVsbG8*\r\n");
    let all: Vec<_> = msg.all_defects().iter().map(|d| d.kind).collect();
    assert!(
        all.contains(&DefectKind::InvalidBase64Characters),
        "{all:?}"
    );
    let msg =
        Message::parse(b"Content-Type: text/plain; charset=x-klingon\r\nDate: never\r\n\r\nx");
    let all: Vec<_> = msg.all_defects().iter().map(|d| d.kind).collect();
    assert!(
        all.contains(&DefectKind::UnknownCharset) && all.contains(&DefectKind::InvalidDate),
        "{all:?}"
    );
}

#[test]
fn outer_boundary_ends_inner_parts() {
    let raw = "Content-Type: multipart/mixed; boundary=outer\r\n\r\n--outer\r\nContent-Type: multipart/alternative; boundary=inner\r\n\r\n--inner\r\n\r\nA\r\n--outer\r\n\r\nB\r\n--outer--\r\n";
    let msg = Message::parse(raw.as_bytes());
    let texts: Vec<String> = msg
        .leaves()
        .map(|p| p.text().unwrap().into_owned())
        .collect();
    assert_eq!(texts, ["A", "B"]);
    assert!(kinds(&msg).contains(&DefectKind::CloseBoundaryNotFound));
    assert_eq!(written(&msg), raw.as_bytes());
}

#[test]
fn limits_hold_on_hostile_shapes() {
    // Deep nesting: 10,000 nested multiparts stop at the depth limit.
    let mut raw = String::new();
    for i in 0..10_000 {
        raw.push_str(&format!(
            "Content-Type: multipart/mixed; boundary=b{i}\r\n\r\n--b{i}\r\n"
        ));
    }
    let msg = Message::parse(raw.as_bytes());
    assert!(kinds(&msg).contains(&DefectKind::DepthLimit));
    assert!(msg.parts().count() <= 66);
    assert_eq!(written(&msg), raw.as_bytes());

    // Many parts: stops at the part limit.
    let mut raw = String::from("Content-Type: multipart/mixed; boundary=b\r\n\r\n");
    for _ in 0..20_000 {
        raw.push_str("--b\r\n\r\nx\r\n");
    }
    let msg = Message::parse(raw.as_bytes());
    assert!(kinds(&msg).contains(&DefectKind::PartLimit));
    assert!(msg.parts().count() <= 10_000);
    assert_eq!(written(&msg), raw.as_bytes());
    let small = Message::parse_with(raw.as_bytes(), &Options::default().with_max_parts(5));
    assert_eq!(small.parts().count(), 5);

    // A huge header section.
    let mut raw = String::new();
    for i in 0..50_000 {
        raw.push_str(&format!("X-H{i}: {}\r\n", "v".repeat(40)));
    }
    raw.push_str("\r\nbody");
    let msg = Message::parse(raw.as_bytes());
    assert!(kinds(&msg).contains(&DefectKind::HeaderSectionTooLarge));
    assert_eq!(msg.root().raw_body(), b"body");
    assert_eq!(written(&msg), raw.as_bytes());

    // One very long header line and many encoded words.
    let raw = format!("Subject: {}\r\n\r\n", "=?utf-8?q?a?= ".repeat(60_000));
    let msg = Message::parse(raw.as_bytes());
    assert_eq!(msg.root().subject().unwrap().len(), 60_000);

    // Thousands of near-miss boundary lines inside deep nesting.
    let mut raw = String::new();
    for i in 0..60 {
        raw.push_str(&format!("Content-Type: multipart/mixed; boundary=bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb{i}\r\n\r\n--bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb{i}\r\n"));
    }
    for _ in 0..20_000 {
        raw.push_str("--bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbx\r\n");
    }
    let msg = Message::parse(raw.as_bytes());
    assert_eq!(written(&msg), raw.as_bytes());
}

#[test]
fn bare_lf_and_mbox_envelope() {
    let raw = "From sender@example.com Mon Jan  1 00:00:00 2001\nSubject: lf\nContent-Type: multipart/mixed; boundary=z\n\n--z\nContent-Type: text/html\n\n<p>x</p>\n--z--\n";
    let msg = Message::parse(raw.as_bytes());
    assert_eq!(msg.root().subject().as_deref(), Some("lf"));
    let leaf = msg.leaves().next().unwrap();
    assert!(leaf.content_type().is("text", "html"));
    assert_eq!(leaf.text().as_deref(), Some("<p>x</p>"));
    assert_eq!(written(&msg), raw.as_bytes());
    assert_eq!(msg.body_parts().html_body, [leaf.id()]);
}

#[test]
fn owned_message_outlives_input() {
    let msg = {
        let raw = b"Subject: kept\r\n\r\nbody".to_vec();
        Message::parse(&raw).into_owned()
    };
    assert_eq!(msg.root().subject().as_deref(), Some("kept"));
}
