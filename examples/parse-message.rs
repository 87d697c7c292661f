//! Parses message files and prints one JSON object per file on its own line.
//!
//! ```text
//! cargo run --release --features message --example parse-message -- FILE...
//! ```
//!
//! Each line is `{"file", "subject", "from", "to", "cc", "date", "message_id", "parts",
//! "defects"}`: addresses are `{"name", "address"}` with groups flattened, `date` is RFC 3339
//! or null, `message_id` has no angle brackets, and `parts` lists the leaf parts depth-first
//! (those of embedded messages included) as `{"content_type", "charset", "disposition",
//! "filename", "size", "sha256"}` with `size` and `sha256` over the transfer-decoded bytes.
//! An unreadable file prints `{"file", "error"}` and makes the exit status 1; the other files
//! still print.

use mailwire::message::{Address, Message, mailboxes};
use serde_json::json;
use sha2::{Digest, Sha256};
use std::process::ExitCode;

/// A JSON object with its keys in the given order (serde_json's own map sorts them); the
/// values are JSON text already.
fn object(fields: &[(&str, String)]) -> String {
    let body: Vec<String> = fields
        .iter()
        .map(|(k, v)| format!("{}:{v}", json!(k)))
        .collect();
    format!("{{{}}}", body.join(","))
}

fn array(items: impl Iterator<Item = String>) -> String {
    format!("[{}]", items.collect::<Vec<_>>().join(","))
}

fn addresses(list: &[Address<'_>]) -> String {
    array(mailboxes(list).map(|m| {
        object(&[
            ("name", json!(m.name.as_deref()).to_string()),
            ("address", json!(m.address.as_deref()).to_string()),
        ])
    }))
}

fn describe(file: &str, raw: &[u8]) -> String {
    let msg = Message::parse(raw);
    let root = msg.root();
    let parts = array(msg.leaves().map(|p| {
        let ct = p.content_type();
        let body = p.decoded_body();
        let hash: String = Sha256::digest(&body)
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect();
        object(&[
            (
                "content_type",
                json!(format!("{}/{}", ct.media_type, ct.subtype)).to_string(),
            ),
            ("charset", json!(ct.param("charset")).to_string()),
            (
                "disposition",
                json!(p.disposition().map(|d| d.kind.into_owned())).to_string(),
            ),
            ("filename", json!(p.filename()).to_string()),
            ("size", body.len().to_string()),
            ("sha256", json!(hash).to_string()),
        ])
    }));
    let defects: Vec<String> = msg
        .all_defects()
        .iter()
        .map(|d| format!("{:?}", d.kind))
        .collect();
    object(&[
        ("file", json!(file).to_string()),
        ("subject", json!(root.subject()).to_string()),
        ("from", addresses(&root.from())),
        ("to", addresses(&root.to())),
        ("cc", addresses(&root.cc())),
        (
            "date",
            json!(root.date().map(|d| d.to_rfc3339())).to_string(),
        ),
        ("message_id", json!(root.message_id()).to_string()),
        ("parts", parts),
        ("defects", json!(defects).to_string()),
    ])
}

fn main() -> ExitCode {
    let mut failed = false;
    for file in std::env::args().skip(1) {
        match std::fs::read(&file) {
            Ok(raw) => println!("{}", describe(&file, &raw)),
            Err(e) => {
                failed = true;
                println!(
                    "{}",
                    object(&[
                        ("file", json!(file).to_string()),
                        ("error", json!(e.to_string()).to_string()),
                    ])
                );
            }
        }
    }
    if failed {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}
