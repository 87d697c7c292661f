//! Transcripts from a real Dovecot: the test starts Dovecot with a throwaway configuration,
//! appends varied messages with our own encoder, runs FETCH (ENVELOPE, BODYSTRUCTURE, BODY[],
//! BINARY), LIST with SPECIAL-USE, STATUS, SEARCH, SORT, THREAD and IDLE, and checks that
//! every byte Dovecot sent parses and round-trips.

use std::io::{Read, Write};
use std::net::TcpStream;
use std::path::Path;
use std::process::{Command as Process, Stdio};
use std::time::{Duration, Instant};

use mailwire_imap::command::{AppendData, AppendMessage, Command, CommandBody, parse_command};
use mailwire_imap::encode::Encode;
use mailwire_imap::framing::{FrameEvent, Framer, FramerOptions, Role};
use mailwire_imap::response::{Body, Data, FetchItem, Response, StatusKind, parse_response};
use mailwire_imap::types::{Flag, Literal, LiteralMode, Mailbox, Tag};
use mailwire_test_support::{KillOnDrop, free_port};

/// Starts Dovecot in the foreground; it is killed when the returned guard drops.
fn start(dir: &Path, port: u16) -> KillOnDrop {
    let t = dir.display();
    let conf = format!(
        "base_dir = {t}/run\nlog_path = {t}/dovecot.log\nprotocols = imap\nlisten = 127.0.0.1\nssl = no\n\
         disable_plaintext_auth = no\nauth_mechanisms = plain login\n\
         passdb {{\n  driver = passwd-file\n  args = scheme=PLAIN username_format=%n {t}/passwd\n}}\n\
         userdb {{\n  driver = static\n  args = uid=nobody gid=nogroup home={t}/home/%n\n}}\n\
         mail_location = maildir:~/Maildir\n\
         namespace inbox {{\n  inbox = yes\n  separator = /\n\
           mailbox Drafts {{\n    special_use = \\Drafts\n    auto = create\n  }}\n\
           mailbox Sent {{\n    special_use = \\Sent\n    auto = subscribe\n  }}\n\
           mailbox Trash {{\n    special_use = \\Trash\n    auto = create\n  }}\n}}\n\
         service imap-login {{\n  inet_listener imap {{\n    port = {port}\n  }}\n  inet_listener imaps {{\n    port = 0\n  }}\n}}\n"
    );
    std::fs::write(dir.join("dovecot.conf"), conf).expect("config");
    std::fs::write(dir.join("passwd"), "alice:{PLAIN}secret\n").expect("passwd");
    let home = dir.join("home");
    std::fs::create_dir_all(home.join("alice")).expect("home");
    for p in [home.clone(), home.join("alice")] {
        std::os::unix::fs::chown(&p, Some(65534), Some(65534)).expect("chown to nobody");
    }
    let child = Process::new("dovecot")
        .args(["-F", "-c"])
        .arg(dir.join("dovecot.conf"))
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("dovecot starts");
    KillOnDrop(child)
}

struct Client {
    stream: TcpStream,
    framer: Framer,
    transcript: Vec<u8>,
    next_tag: u32,
}

impl Client {
    fn connect(port: u16) -> Self {
        let deadline = Instant::now() + Duration::from_secs(20);
        let stream = loop {
            match TcpStream::connect(("127.0.0.1", port)) {
                Ok(s) => break s,
                Err(e) if Instant::now() < deadline => {
                    let _ = e;
                    std::thread::sleep(Duration::from_millis(100));
                }
                Err(e) => panic!("dovecot does not listen: {e}"),
            }
        };
        stream
            .set_read_timeout(Some(Duration::from_secs(20)))
            .expect("timeout");
        let mut c = Self {
            stream,
            framer: Framer::new(FramerOptions::new(Role::Client)),
            transcript: Vec::new(),
            next_tag: 1,
        };
        let greeting = c.read_message();
        assert!(
            greeting.starts_with(b"* OK"),
            "{}",
            String::from_utf8_lossy(&greeting)
        );
        c
    }

    fn read_message(&mut self) -> Vec<u8> {
        loop {
            if let Some(ev) = self.framer.next_event() {
                match ev {
                    FrameEvent::Message(m) => return m.to_vec(),
                    other => panic!("unexpected {other:?}"),
                }
            }
            let mut buf = [0u8; 16384];
            let n = self.stream.read(&mut buf).expect("read from dovecot");
            assert!(n > 0, "dovecot closed the connection");
            self.transcript.extend_from_slice(&buf[..n]);
            self.framer.push(&buf[..n]);
        }
    }

    /// Sends a command (waiting for `+` at each synchronising literal) and returns the
    /// responses up to its tagged status.
    fn run(&mut self, body: CommandBody<'_>) -> Vec<Vec<u8>> {
        let tag = format!("t{}", self.next_tag);
        self.next_tag += 1;
        let cmd = Command {
            tag: Tag::try_from(tag.as_str()).expect("tag"),
            body,
        };
        let mut w = mailwire_imap::encode::Writer::new();
        cmd.encode(&mut w);
        assert_eq!(
            parse_command(w.as_bytes()).expect("our command parses"),
            cmd
        );
        let bytes = w.as_bytes().to_vec();
        let mut sent = 0;
        let mut out = Vec::new();
        for &point in w.sync_points() {
            self.stream.write_all(&bytes[sent..point]).expect("write");
            sent = point;
            loop {
                let m = self.read_message();
                let done = m.starts_with(b"+");
                out.push(m);
                if done {
                    break;
                }
            }
        }
        self.stream.write_all(&bytes[sent..]).expect("write");
        self.until_tagged(&tag, out)
    }

    fn until_tagged(&mut self, tag: &str, mut out: Vec<Vec<u8>>) -> Vec<Vec<u8>> {
        loop {
            let m = self.read_message();
            let end = m.starts_with(format!("{tag} ").as_bytes());
            out.push(m);
            if end {
                let last = out.last().expect("a response");
                assert!(
                    last.starts_with(format!("{tag} OK").as_bytes()),
                    "{}",
                    String::from_utf8_lossy(last)
                );
                return out;
            }
        }
    }

    fn raw(&mut self, tag: &str, line: &str) -> Vec<Vec<u8>> {
        self.stream.write_all(line.as_bytes()).expect("write");
        self.until_tagged(tag, Vec::new())
    }
}

const MESSAGES: [&str; 5] = [
    "From: Alice <alice@example.test>\r\nTo: Bob <bob@example.test>, \"Carol, C.\" <carol@example.test>\r\nSubject: plain text\r\nDate: Mon, 7 Feb 2022 21:52:25 -0800\r\nMessage-ID: <1@example.test>\r\n\r\nHello Bob.\r\n",
    "From: =?UTF-8?Q?J=C3=B6rg?= <joerg@example.test>\r\nTo: undisclosed-recipients:;\r\nSubject: =?UTF-8?B?R3LDvMOfZQ==?=\r\nMIME-Version: 1.0\r\nContent-Type: multipart/alternative; boundary=\"b1\"\r\nMessage-ID: <2@example.test>\r\nIn-Reply-To: <1@example.test>\r\nReferences: <1@example.test>\r\n\r\n--b1\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\nGr=C3=BC=C3=9Fe\r\n--b1\r\nContent-Type: text/html; charset=utf-8\r\n\r\n<p>Hi</p>\r\n--b1--\r\n",
    "From: bob@example.test\r\nTo: alice@example.test\r\nSubject: attachment\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=\"m\"\r\n\r\n--m\r\nContent-Type: text/plain\r\n\r\nSee attached.\r\n--m\r\nContent-Type: application/octet-stream; name=\"a.bin\"\r\nContent-Disposition: attachment; filename=\"a.bin\"\r\nContent-Transfer-Encoding: base64\r\nContent-Language: en\r\n\r\nAAECAwQFBgcICQoLDA0ODxAREhM=\r\n--m--\r\n",
    "From: carol@example.test\r\nSubject: forwarded\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=\"f\"\r\n\r\n--f\r\nContent-Type: text/plain\r\n\r\nForwarding.\r\n--f\r\nContent-Type: message/rfc822\r\n\r\nFrom: dave@example.test\r\nSubject: inner \"quoted\" \\ subject\r\n\r\nInner body.\r\n--f--\r\n",
    "Subject: no from, odd header\r\nX-Weird: {5}\r\nContent-Type: text/plain; charset=\"iso-8859-1\"\r\nContent-Transfer-Encoding: 8bit\r\n\r\nCaf\u{e9} line\r\n",
];

fn check_transcript(transcript: &[u8]) -> (usize, Vec<Response<'static>>) {
    let mut framer = Framer::new(FramerOptions::new(Role::Client));
    framer.push(transcript);
    let mut parsed = Vec::new();
    while let Some(ev) = framer.next_event() {
        let FrameEvent::Message(m) = ev else {
            panic!("unexpected {ev:?}")
        };
        let r = parse_response(&m).unwrap_or_else(|e| panic!("{e}"));
        let again = r.to_bytes();
        assert_eq!(
            parse_response(&again).expect("round trip parses"),
            r,
            "{}",
            String::from_utf8_lossy(&m)
        );
        parsed.push(mailwire_imap::types::IntoStatic::into_static(r));
    }
    assert_eq!(framer.buffered(), 0);
    (parsed.len(), parsed)
}

#[test]
#[ignore = "needs dovecot-imapd (installed by .ci/run)"]
fn dovecot_transcripts_parse_and_round_trip() {
    let dir = tempfile::tempdir().expect("temp dir");
    let port = free_port();
    let _dovecot = start(dir.path(), port);
    let mut c = Client::connect(port);
    let login = parse_command(b"x LOGIN alice secret\r\n")
        .expect("login")
        .body;
    c.run(login);
    c.run(CommandBody::Capability);
    for (i, m) in MESSAGES.iter().enumerate() {
        let flags = if i % 2 == 0 { vec![Flag::Seen] } else { vec![] };
        let mode = if i % 2 == 0 {
            LiteralMode::Sync
        } else {
            LiteralMode::NonSync
        };
        let data = AppendData::Literal(Literal::new(m.as_bytes(), mode).expect("no NUL"));
        c.run(CommandBody::Append {
            mailbox: Mailbox::Inbox,
            messages: vec![AppendMessage {
                flags,
                date: None,
                data,
            }],
        });
    }
    for line in [
        "x LIST \"\" \"*\" RETURN (SPECIAL-USE)\r\n",
        "x LIST (SPECIAL-USE) \"\" \"*\"\r\n",
        "x LSUB \"\" \"*\"\r\n",
        "x NAMESPACE\r\n",
        "x STATUS INBOX (MESSAGES UNSEEN UIDNEXT UIDVALIDITY RECENT)\r\n",
        "x ENABLE CONDSTORE\r\n",
        "x SELECT INBOX\r\n",
        "x FETCH 1:* (UID FLAGS ENVELOPE BODYSTRUCTURE RFC822.SIZE INTERNALDATE MODSEQ)\r\n",
        "x FETCH 1:* BODY\r\n",
        "x FETCH 1:* BODY.PEEK[]\r\n",
        "x FETCH 1:* (BODY.PEEK[HEADER.FIELDS (FROM SUBJECT)] BODY.PEEK[1]<0.10> BODY.PEEK[TEXT])\r\n",
        "x FETCH 3 (BINARY.PEEK[2] BINARY.SIZE[2])\r\n",
        "x UID SEARCH ALL\r\n",
        "x SEARCH UNSEEN\r\n",
        "x SEARCH RETURN (MIN MAX COUNT ALL) ALL\r\n",
        "x SORT (SUBJECT) UTF-8 ALL\r\n",
        "x THREAD REFERENCES UTF-8 ALL\r\n",
        "x STORE 1 +FLAGS ($Forwarded \\Flagged)\r\n",
        "x ID (\"name\" \"mailwire\")\r\n",
    ] {
        let parsed = parse_command(line.as_bytes()).unwrap_or_else(|e| panic!("{e}"));
        c.run(parsed.body);
    }
    // IDLE: wait for "+", append from a second connection, then DONE.
    let tag = format!("t{}", c.next_tag);
    c.next_tag += 1;
    c.stream
        .write_all(format!("{tag} IDLE\r\n").as_bytes())
        .expect("write");
    assert!(c.read_message().starts_with(b"+"));
    let mut other = Client::connect(port);
    other.raw("o1", "o1 LOGIN alice secret\r\n");
    other.raw("o2", "o2 APPEND INBOX {12+}\r\nSubject: x\r\n\r\n");
    let exists = c.read_message();
    assert!(
        exists.ends_with(b"EXISTS\r\n") || exists.ends_with(b"RECENT\r\n"),
        "{}",
        String::from_utf8_lossy(&exists)
    );
    c.stream.write_all(b"DONE\r\n").expect("write");
    c.until_tagged(&tag, Vec::new());
    c.run(CommandBody::Logout);

    let (count, responses) = check_transcript(&c.transcript);
    assert!(count > 60, "only {count} responses");
    let structures: Vec<&Body<'_>> = responses
        .iter()
        .filter_map(|r| match r {
            Response::Data(Data::Fetch { items, .. }) => items.iter().find_map(|i| match i {
                FetchItem::BodyStructure(b) => Some(&**b),
                _ => None,
            }),
            _ => None,
        })
        .collect();
    assert_eq!(structures.len(), 5);
    assert!(structures.iter().any(|b| matches!(b, Body::Multi { parts, .. } if parts.iter().any(|p| matches!(p, Body::Single { kind: mailwire_imap::response::SinglePartKind::Message { .. }, .. })))));
    let special = responses.iter().any(|r| matches!(r, Response::Data(Data::List(l)) if l.attributes.iter().any(|a| a.is("Drafts"))));
    assert!(special, "LIST shows SPECIAL-USE attributes");
    let kinds = [StatusKind::Ok, StatusKind::Bye];
    assert!(
        responses
            .iter()
            .all(|r| !matches!(r, Response::Status(s) if !kinds.contains(&s.kind)))
    );
    let (_, other_responses) = check_transcript(&other.transcript);
    assert!(!other_responses.is_empty());
    // Everything Dovecot sent is typed: nothing came back generic.
    for r in &responses {
        assert!(!matches!(r, Response::Data(Data::Other { .. })), "{r:?}");
    }
    assert!(
        responses
            .iter()
            .any(|r| matches!(r, Response::Data(Data::Thread(t)) if !t.is_empty()))
    );
    assert!(
        responses
            .iter()
            .any(|r| matches!(r, Response::Data(Data::Sort { numbers, .. }) if numbers.len() == 5))
    );
}
