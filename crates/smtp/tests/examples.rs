//! The `smtp-server` and `smtp-client` example programs, run as built: swaks and the client
//! example deliver into the server's Maildir over STARTTLS with AUTH; a wrong password gets 535
//! and mail for a foreign domain without AUTH is refused (no open relay).
//! Run with `cargo test -p mailwire-smtp -- --ignored`.
#![allow(clippy::unwrap_used)] // Test helpers: a panic is a failed assertion.

use std::process::{Command, Output, Stdio};

use mailwire_test_support::{KillOnDrop, example_binary, free_port, output_text, wait_for_port};

/// The facade features the SMTP examples need.
const EXAMPLE_FEATURES: &str = "smtp,sasl,core,maildir,message";

struct Server {
    _guard: KillOnDrop,
    target: String,
    dir: tempfile::TempDir,
}

impl Server {
    fn start() -> Server {
        let dir = tempfile::tempdir().unwrap();
        let port = free_port();
        let child = Command::new(example_binary("smtp-server", EXAMPLE_FEATURES))
            .args(["--listen", &format!("127.0.0.1:{port}")])
            .arg("--maildir")
            .arg(dir.path().join("Maildir"))
            .args(["--user", "alice:secret", "--domain", "example.test"])
            .stdout(Stdio::null())
            .spawn()
            .unwrap();
        let guard = KillOnDrop(child);
        wait_for_port(port);
        Server {
            _guard: guard,
            target: format!("127.0.0.1:{port}"),
            dir,
        }
    }

    /// The messages in the Maildir's `new/`, in no particular order.
    fn delivered(&self) -> Vec<Vec<u8>> {
        let new = self.dir.path().join("Maildir/new");
        std::fs::read_dir(new)
            .unwrap()
            .map(|entry| std::fs::read(entry.unwrap().path()).unwrap())
            .collect()
    }

    /// The delivered messages with their trace field checked and taken off: the server puts
    /// one `Received:` field (three folded lines, the client's EHLO name first) on top of the message exactly as sent.
    fn delivered_untraced(&self, with: &str, recipient: Option<&str>) -> Vec<Vec<u8>> {
        self.delivered()
            .into_iter()
            .map(|message| {
                let text = String::from_utf8(message).unwrap();
                let mut lines = text.splitn(4, '\n');
                let (first, by, stamp) = (lines.next(), lines.next(), lines.next());
                let first = first.unwrap();
                assert!(first.starts_with("Received: from "), "{text}");
                assert!(first.ends_with(" ([127.0.0.1])"), "{text}");
                assert_eq!(by, Some(&*format!("\tby localhost with {with}")), "{text}");
                let stamp = stamp.unwrap();
                let want = recipient.map_or("\t; ".to_owned(), |r| format!("\tfor <{r}>; "));
                assert!(stamp.starts_with(&want), "{text}");
                assert!(stamp.ends_with(" +0000"), "{text}");
                lines.next().unwrap().as_bytes().to_vec()
            })
            .collect()
    }
}

fn swaks(server: &Server, args: &[&str]) -> (Output, String) {
    let output = Command::new("swaks")
        .args(["--server", &server.target])
        .args(args)
        .stdin(Stdio::null())
        .output()
        .unwrap();
    let text = output_text(&output);
    (output, text)
}

/// A message with a dot-stuffed line, a line that is only a dot and 8-bit-free content; LF
/// line endings, as the Maildir stores them.
const MESSAGE: &str = "From: a@example.test\nTo: b@example.test\nSubject: from the examples test\n\
Message-ID: <examples-1@example.test>\n\n.leading dot\n..\nlast line\n";

#[test]
#[ignore = "needs swaks (installed by .ci/run)"]
fn swaks_starttls_auth_plain_lands_in_the_maildir() {
    let server = Server::start();
    let (output, text) = swaks(
        &server,
        &[
            "--tls",
            "--auth",
            "PLAIN",
            "--auth-user",
            "alice",
            "--auth-password",
            "secret",
            "--from",
            "a@example.test",
            "--to",
            "b@example.test",
            // swaks ends the data with CRLF before the final dot whatever it is given.
            "--data",
            MESSAGE.trim_end_matches('\n'),
        ],
    );
    assert!(output.status.success(), "{text}");
    assert!(text.contains("235 2.7.0"), "{text}");
    // Below its trace field the message is byte-identical (the Maildir stores LF endings).
    assert_eq!(
        server.delivered_untraced("ESMTPSA", Some("b@example.test")),
        vec![MESSAGE.as_bytes().to_vec()]
    );
}

#[test]
#[ignore = "needs swaks (installed by .ci/run)"]
fn smtp_client_example_starttls_auth_lands_in_the_maildir() {
    let server = Server::start();
    let file = server.dir.path().join("message.eml");
    std::fs::write(&file, MESSAGE).unwrap();
    let output = Command::new(example_binary("smtp-client", EXAMPLE_FEATURES))
        .args(["--server", &server.target, "--starttls", "--insecure"])
        .args(["--auth", "alice:secret", "--from", "a@example.test"])
        // A foreign domain too: accepted because the client authenticated.
        .args(["--to", "b@example.test", "--to", "c@elsewhere.test"])
        .arg(&file)
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&output.stdout);
    assert!(output.status.success(), "{text}");
    assert!(text.contains("C: AUTH"), "{text}");
    assert!(text.contains("<b@example.test>: delivered"), "{text}");
    assert!(text.contains("<c@elsewhere.test>: delivered"), "{text}");
    // Two recipients: the trace field names neither (RFC 5321 section 7.6).
    assert_eq!(
        server.delivered_untraced("ESMTPSA", None),
        vec![MESSAGE.as_bytes().to_vec()]
    );
}

#[test]
#[ignore = "needs swaks (installed by .ci/run)"]
fn wrong_password_gets_535_and_nothing_lands() {
    let server = Server::start();
    let (output, text) = swaks(
        &server,
        &[
            "--tls",
            "--auth",
            "PLAIN",
            "--auth-user",
            "alice",
            "--auth-password",
            "wrong",
            "--from",
            "a@example.test",
            "--to",
            "b@example.test",
        ],
    );
    assert!(!output.status.success(), "{text}");
    assert!(text.contains("<~* 535 5.7.8"), "{text}");
    assert!(server.delivered().is_empty());
    // The client example reports the failure with a non-zero exit.
    let file = server.dir.path().join("message.eml");
    std::fs::write(&file, MESSAGE).unwrap();
    let output = Command::new(example_binary("smtp-client", EXAMPLE_FEATURES))
        .args(["--server", &server.target, "--starttls", "--insecure"])
        .args(["--auth", "alice:wrong", "--from", "a@example.test"])
        .args(["--to", "b@example.test"])
        .arg(&file)
        .output()
        .unwrap();
    assert!(!output.status.success());
    assert!(String::from_utf8_lossy(&output.stdout).contains("S: 535"));
    assert!(server.delivered().is_empty());
}

#[test]
#[ignore = "needs swaks (installed by .ci/run)"]
fn no_open_relay_without_auth() {
    let server = Server::start();
    // Foreign domain, no AUTH (with and without TLS): refused at RCPT.
    for tls in [false, true] {
        let mut args = vec!["--from", "a@example.test", "--to", "x@elsewhere.test"];
        if tls {
            args.push("--tls");
        }
        let (output, text) = swaks(&server, &args);
        assert!(!output.status.success(), "{text}");
        assert!(text.contains("554 5.7.1 Relay access denied"), "{text}");
    }
    assert!(server.delivered().is_empty());
    // The server's own domain needs no AUTH: it is the mail exchanger for it.
    let (output, text) = swaks(
        &server,
        &["--from", "a@elsewhere.test", "--to", "b@example.test"],
    );
    assert!(output.status.success(), "{text}");
    assert_eq!(server.delivered().len(), 1);
}
