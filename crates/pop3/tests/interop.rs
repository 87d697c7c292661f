//! Interop on loopback with real third-party programs, each started by the test:
//! Python's poplib, fetchmail, getmail6 and curl against the `pop3-server` example, and our
//! client session against Dovecot's POP3 server.
#![allow(clippy::unwrap_used)] // Test helpers: a panic is a failed assertion.

use std::io::{Read, Write};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Duration;

use bytes::BytesMut;
use mailwire_core::Secret;
use mailwire_pop3::{ClientEvent, ClientOptions, ClientSession, LoginMethod, MessageNumber};
use mailwire_test_support::{KillOnDrop, example_binary, free_port, run, wait_for_port};

/// The examples these tests run, and the facade features they need.
const EXAMPLE_FEATURES: &str = "pop3,sasl,core,maildir";

/// The test messages: a line starting with `.`, a line of `..`, a line over 2,000 bytes, and
/// one message without a final line break.
fn messages() -> Vec<Vec<u8>> {
    let long = "L".repeat(5000);
    vec![
        format!(
            "Subject: one\nFrom: a@example.test\n\n.starts with a dot\n..\nplain\n{long}\nend\n"
        )
        .into_bytes(),
        b"Subject: two\nFrom: b@example.test\n\nsecond body\n".to_vec(),
        b"Subject: three\nFrom: c@example.test\n\nno final newline".to_vec(),
    ]
}

/// A Maildir with the test messages in `new/`.
fn fill_maildir(dir: &Path, messages: &[Vec<u8>]) {
    for sub in ["cur", "new", "tmp"] {
        std::fs::create_dir_all(dir.join(sub)).unwrap();
    }
    for (i, message) in messages.iter().enumerate() {
        std::fs::write(
            dir.join(format!("new/{}.M{i}P1.localhost", 1_700_000_000 + i)),
            message,
        )
        .unwrap();
    }
}

struct Server {
    _guard: KillOnDrop,
    port: u16,
    tls_port: u16,
    dir: tempfile::TempDir,
}

fn start_server(messages: &[Vec<u8>], extra: &[&str]) -> Server {
    let dir = tempfile::tempdir().unwrap();
    fill_maildir(&dir.path().join("mail/alice"), messages);
    let (port, tls_port) = (free_port(), free_port());
    let child = Command::new(example_binary("pop3-server", EXAMPLE_FEATURES))
        .args(["--listen", &format!("127.0.0.1:{port}")])
        .args(["--listen-tls", &format!("127.0.0.1:{tls_port}")])
        .arg("--maildir")
        .arg(dir.path().join("mail"))
        .args(["--user", "alice:secret"])
        .arg("--cert-out")
        .arg(dir.path().join("cert.pem"))
        .args(extra)
        .stdout(Stdio::null())
        .spawn()
        .unwrap();
    let guard = KillOnDrop(child);
    wait_for_port(port);
    wait_for_port(tls_port);
    Server {
        _guard: guard,
        port,
        tls_port,
        dir,
    }
}

const POPLIB_SCRIPT: &str = r#"
import poplib, ssl, sys
poplib._MAXLINE = 100000
port, tls_port = int(sys.argv[1]), int(sys.argv[2])
ctx = ssl.create_default_context()
ctx.check_hostname = False
ctx.verify_mode = ssl.CERT_NONE

# STLS, then USER/PASS.
p = poplib.POP3("127.0.0.1", port)
caps = p.capa()
assert "STLS" in caps and "USER" not in caps, caps
p.stls(ctx)
caps = p.capa()
assert "USER" in caps and "STLS" not in caps, caps
p.user("alice")
p.pass_("secret")
count, size = p.stat()
print("stat", count, size)
resp, listing, _ = p.list()
sizes = [int(line.split()[1]) for line in listing]
assert sum(sizes) == size
for n in range(1, count + 1):
    resp, lines, octets = p.retr(n)
    # poplib counts each line plus its CRLF, before unstuffing: recount after it.
    data = b"".join(line + b"\r\n" for line in lines)
    assert len(data) == sizes[n - 1], (n, len(data), sizes[n - 1])
    print("retr", n, data.hex())
resp, lines, _ = p.top(1, 2)
print("top", b"|".join(lines).decode())
resp, uids, _ = p.uidl()
print("uidl", len(uids), p.uidl(2).decode())
p.dele(2)
p.quit()

# APOP over plain TCP: no password crosses the wire.
p = poplib.POP3("127.0.0.1", port)
p.apop("alice", "secret")
print("apop-stat", *p.stat())
p.quit()

# Implicit TLS.
p = poplib.POP3_SSL("127.0.0.1", tls_port, context=ctx)
p.user("alice")
p.pass_("secret")
print("tls-stat", *p.stat())
p.quit()
"#;

#[test]
#[ignore = "needs python3 (installed by .ci/run)"]
fn python_poplib() {
    let messages = messages();
    let server = start_server(&messages, &[]);
    let (port, tls_port) = (server.port.to_string(), server.tls_port.to_string());
    let out = run("python3", &["-c", POPLIB_SCRIPT, &port, &tls_port], None);
    let crlf = |m: &[u8]| {
        let mut s = String::from_utf8(m.to_vec()).unwrap().replace('\n', "\r\n");
        if !s.ends_with("\r\n") {
            s.push_str("\r\n");
        }
        s
    };
    let total: usize = messages.iter().map(|m| crlf(m).len()).sum();
    assert!(out.contains(&format!("stat 3 {total}\n")), "{out}");
    for (i, message) in messages.iter().enumerate() {
        let hex: String = crlf(message).bytes().map(|b| format!("{b:02x}")).collect();
        assert!(
            out.contains(&format!("retr {} {hex}\n", i + 1)),
            "message {}",
            i + 1
        );
    }
    assert!(
        out.contains("top Subject: one|From: a@example.test||.starts with a dot|..\n"),
        "{out}"
    );
    assert!(out.contains("uidl 3 +OK 2 "), "{out}");
    assert!(out.contains("apop-stat 2 "), "{out}");
    assert!(out.contains("tls-stat 2 "), "{out}");
}

#[test]
#[ignore = "needs curl (installed by .ci/run)"]
fn curl_pop3() {
    let messages = messages();
    let server = start_server(&messages, &[]);
    let curl = |args: &[&str]| {
        let output = Command::new("curl")
            .args(["-sS", "--ssl-reqd", "-k", "-u", "alice:secret"])
            .args(args)
            .output()
            .unwrap();
        assert!(
            output.status.success(),
            "{}",
            String::from_utf8_lossy(&output.stderr)
        );
        output.stdout
    };
    let listing = curl(&[&format!("pop3://127.0.0.1:{}/", server.port)]);
    assert_eq!(
        listing
            .split(|b| *b == b'\n')
            .filter(|l| !l.is_empty())
            .count(),
        3
    );
    let first = curl(&[&format!("pop3://127.0.0.1:{}/1", server.port)]);
    let expected = String::from_utf8(messages[0].clone())
        .unwrap()
        .replace('\n', "\r\n");
    assert_eq!(String::from_utf8(first).unwrap(), expected);
    let second = curl(&[&format!("pop3s://127.0.0.1:{}/2", server.tls_port)]);
    assert!(second.starts_with(b"Subject: two\r\n"));
}

#[test]
#[ignore = "needs fetchmail and python3 (installed by .ci/run)"]
fn fetchmail_retrieves_into_a_folder() {
    let messages = messages();
    let server = start_server(&messages, &[]);
    let out = server.dir.path().join("fetched.mbox");
    let rc = server.dir.path().join("fetchmailrc");
    std::fs::write(
        &rc,
        format!(
            "set no bouncemail\npoll localhost port {} protocol pop3 uidl\n  \
             user alice password secret is root here\n  \
             sslproto 'TLS1.2+' no sslcertck fetchall\n  mda \"cat >> {}\"\n",
            server.port,
            out.display()
        ),
    )
    .unwrap();
    std::fs::set_permissions(&rc, std::os::unix::fs::PermissionsExt::from_mode(0o600)).unwrap();
    let output = Command::new("fetchmail")
        .arg("-f")
        .arg(&rc)
        .args(["--nodetach", "--nosyslog", "-v"])
        .env("FETCHMAILHOME", server.dir.path())
        .env("HOME", server.dir.path())
        .output()
        .unwrap();
    let log = String::from_utf8_lossy(&output.stderr).into_owned()
        + &String::from_utf8_lossy(&output.stdout);
    assert!(output.status.success(), "{log}");
    assert!(log.contains("STLS"), "{log}");
    let fetched = std::fs::read_to_string(&out).unwrap();
    assert!(fetched.contains("Subject: one"), "{fetched}");
    assert!(fetched.contains(".starts with a dot"));
    assert!(fetched.contains(&"L".repeat(5000)));
    assert!(fetched.contains("Subject: three"));
    // fetchall without keep deletes on the server: a new session sees an empty maildrop.
    let check = format!(
        "import poplib, sys\np = poplib.POP3('127.0.0.1', {})\np.apop('alice', 'secret')\n\
         print(p.stat())\np.quit()\n",
        server.port
    );
    assert_eq!(run("python3", &["-c", &check], None), "(0, 0)\n");
}

#[test]
#[ignore = "needs getmail6 (installed by .ci/run)"]
fn getmail_retrieves_into_a_maildir() {
    let messages = messages();
    let server = start_server(&messages, &[]);
    let dest = server.dir.path().join("dest");
    for sub in ["cur", "new", "tmp"] {
        std::fs::create_dir_all(dest.join(sub)).unwrap();
    }
    let rc = server.dir.path().join("getmailrc");
    let as_root = std::env::var("USER").is_ok_and(|u| u == "root")
        || Command::new("id")
            .arg("-u")
            .output()
            .is_ok_and(|o| o.stdout.starts_with(b"0\n"));
    if as_root {
        Command::new("chown")
            .args(["-R", "nobody"])
            .arg(&dest)
            .status()
            .unwrap();
    }
    std::fs::write(
        &rc,
        format!(
            "[retriever]\ntype = SimplePOP3SSLRetriever\nserver = 127.0.0.1\nport = {}\n\
             username = alice\npassword = secret\n\n[destination]\ntype = Maildir\npath = {}/\n{}\n\
             [options]\nread_all = true\ndelete = false\nverbose = 2\n",
            server.tls_port,
            dest.display(),
            if as_root { "user = nobody\n" } else { "" },
        ),
    )
    .unwrap();
    let output = Command::new("getmail")
        .arg("--getmaildir")
        .arg(server.dir.path())
        .arg("--rcfile")
        .arg(&rc)
        .output()
        .unwrap();
    let log = String::from_utf8_lossy(&output.stdout).into_owned()
        + &String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "{log}");
    let mut bodies: Vec<String> = std::fs::read_dir(dest.join("new"))
        .unwrap()
        .map(|e| std::fs::read_to_string(e.unwrap().path()).unwrap())
        .collect();
    bodies.sort();
    assert_eq!(bodies.len(), 3, "{log}");
    assert!(
        bodies
            .iter()
            .any(|b| b.contains(".starts with a dot\n..\n")),
        "{bodies:?}"
    );
    assert!(bodies.iter().any(|b| b.contains("no final newline")));
}

/// A throwaway Dovecot serving POP3 from a Maildir, as INTEROP.md describes.
struct Dovecot {
    dir: tempfile::TempDir,
    port: u16,
}

impl Drop for Dovecot {
    fn drop(&mut self) {
        let pid = std::fs::read_to_string(self.dir.path().join("run/master.pid"));
        if let Ok(pid) = pid {
            let _ = Command::new("kill").arg(pid.trim()).status();
        }
    }
}

fn start_dovecot(messages: &[Vec<u8>]) -> Dovecot {
    let dir = tempfile::tempdir().unwrap();
    let t = dir.path();
    let port = free_port();
    let cert = self_signed_cert(t);
    fill_maildir(&t.join("home/alice/Maildir"), messages);
    std::fs::write(t.join("passwd"), "alice:{PLAIN}secret\n").unwrap();
    std::fs::write(
        t.join("dovecot.conf"),
        format!(
            "base_dir = {t}/run\nlog_path = {t}/dovecot.log\nprotocols = pop3\n\
             listen = 127.0.0.1\nssl = yes\nssl_cert = <{cert}\nssl_key = <{t}/key.pem\n\
             disable_plaintext_auth = no\nauth_mechanisms = plain login cram-md5\n\
             passdb {{\n  driver = passwd-file\n  args = scheme=PLAIN username_format=%n {t}/passwd\n}}\n\
             userdb {{\n  driver = static\n  args = uid=nobody gid=nogroup home={t}/home/%n\n}}\n\
             mail_location = maildir:~/Maildir\n\
             service pop3-login {{\n  inet_listener pop3 {{\n    port = {port}\n  }}\n  \
             inet_listener pop3s {{\n    port = 0\n  }}\n}}\n",
            t = t.display(),
            cert = cert.display(),
        ),
    )
    .unwrap();
    Command::new("chown")
        .args(["-R", "nobody:nogroup"])
        .arg(t.join("home"))
        .status()
        .unwrap();
    // The temporary folder must be reachable by the nobody user.
    std::fs::set_permissions(t, std::os::unix::fs::PermissionsExt::from_mode(0o755)).unwrap();
    let status = Command::new("dovecot")
        .arg("-c")
        .arg(t.join("dovecot.conf"))
        .status()
        .unwrap();
    assert!(status.success());
    let guard = Dovecot { dir, port };
    wait_for_port(port);
    guard
}

/// A self-signed certificate for `localhost` and `127.0.0.1` and its key, in `dir`.
fn self_signed_cert(dir: &Path) -> PathBuf {
    let cert =
        rcgen::generate_simple_self_signed(vec!["localhost".into(), "127.0.0.1".into()]).unwrap();
    std::fs::write(dir.join("key.pem"), cert.key_pair.serialize_pem()).unwrap();
    std::fs::write(dir.join("cert.pem"), cert.cert.pem()).unwrap();
    dir.join("cert.pem")
}

/// Drives a client session over a blocking socket until `done` says so.
struct Driver {
    stream: TcpStream,
    client: ClientSession,
    events: Vec<ClientEvent>,
}

impl Driver {
    fn connect(port: u16, options: ClientOptions) -> Self {
        let stream = TcpStream::connect(("127.0.0.1", port)).unwrap();
        stream
            .set_read_timeout(Some(Duration::from_secs(20)))
            .unwrap();
        Self {
            stream,
            client: ClientSession::new(options),
            events: Vec::new(),
        }
    }

    /// Runs until an event matching `until` arrives; returns the events seen since the last call.
    fn run_until(&mut self, until: impl Fn(&ClientEvent) -> bool) -> Vec<ClientEvent> {
        let mut buf = vec![0u8; 65536];
        loop {
            while let Some(event) = self.client.poll_event() {
                let stop = until(&event);
                self.events.push(event);
                if stop {
                    return std::mem::take(&mut self.events);
                }
            }
            let mut out = BytesMut::new();
            if self.client.poll_transmit(&mut out) > 0 {
                self.stream.write_all(&out).unwrap();
                continue;
            }
            let n = self.stream.read(&mut buf).unwrap();
            assert!(n > 0, "connection closed; events: {:?}", self.events);
            self.client.handle_input(&buf[..n]);
        }
    }
}

#[test]
#[ignore = "needs dovecot-pop3d (installed by .ci/run)"]
fn our_client_against_dovecot() {
    let messages = messages();
    let dovecot = start_dovecot(&messages);
    let options = ClientOptions {
        allow_cleartext_login_without_tls: true,
        ..ClientOptions::default()
    };
    let mut d = Driver::connect(dovecot.port, options);
    let events = d.run_until(|e| matches!(e, ClientEvent::Ready { .. }));
    let ClientEvent::Ready { capabilities } = &events[0] else {
        panic!("{events:?}")
    };
    assert!(!capabilities.is_empty());
    let method = d
        .client
        .login("alice", Secret::new("secret".into()))
        .unwrap();
    assert_eq!(
        method,
        LoginMethod::Sasl(mailwire_pop3::SaslMechanism::CramMd5)
    );
    let events =
        d.run_until(|e| matches!(e, ClientEvent::LoggedIn(_) | ClientEvent::Failed { .. }));
    assert!(
        matches!(events.last(), Some(ClientEvent::LoggedIn(_))),
        "{events:?}"
    );
    let n = |v| MessageNumber::new(v).unwrap();
    d.client.stat().unwrap();
    d.client.list(None).unwrap();
    d.client.uidl(None).unwrap();
    for i in 1..=3 {
        d.client.retr(n(i)).unwrap();
    }
    d.client.top(n(1), 1).unwrap();
    d.client.dele(n(2)).unwrap();
    d.client.quit().unwrap();
    let events = d.run_until(|e| matches!(e, ClientEvent::Closed));
    let mut retrieved: Vec<Vec<u8>> = Vec::new();
    let mut current = Vec::new();
    let mut sizes = Vec::new();
    for event in &events {
        match event {
            ClientEvent::List(list) => sizes = list.iter().map(|l| l.size).collect(),
            ClientEvent::MessageData { data, .. } => current.extend_from_slice(data),
            ClientEvent::MessageEnd { .. } => retrieved.push(std::mem::take(&mut current)),
            ClientEvent::Failed { .. } | ClientEvent::Error(_) => panic!("{event:?}"),
            _ => {}
        }
    }
    assert!(
        events
            .iter()
            .any(|e| matches!(e, ClientEvent::Uidl(u) if u.len() == 3))
    );
    assert_eq!(retrieved.len(), 4);
    for (i, message) in messages.iter().enumerate() {
        let expected = String::from_utf8(message.clone())
            .unwrap()
            .replace('\n', "\r\n");
        let got = String::from_utf8(retrieved[i].clone()).unwrap();
        assert!(got.starts_with(&expected), "message {}: {got:?}", i + 1);
        if message.ends_with(b"\n") {
            assert_eq!(got.len() as u64, sizes[i], "message {}", i + 1);
        } else {
            // Dovecot leaves out of LIST the CRLF it adds after a last line without one.
            assert_eq!(got.len() as u64, sizes[i] + 2, "message {}", i + 1);
        }
    }
    assert_eq!(
        String::from_utf8(retrieved[3].clone()).unwrap(),
        "Subject: one\r\nFrom: a@example.test\r\n\r\n.starts with a dot\r\n"
    );
    assert!(matches!(
        events.iter().rev().nth(1),
        Some(ClientEvent::Done {
            command: mailwire_pop3::CommandKind::Quit,
            ..
        })
    ));
    // The deletion was committed: two messages remain.
    let mut d = Driver::connect(
        dovecot.port,
        ClientOptions {
            allow_cleartext_login_without_tls: true,
            ..ClientOptions::default()
        },
    );
    d.run_until(|e| matches!(e, ClientEvent::Ready { .. }));
    d.client
        .login("alice", Secret::new("secret".into()))
        .unwrap();
    d.client.stat().unwrap();
    let events = d.run_until(|e| matches!(e, ClientEvent::Stat(_)));
    assert!(
        matches!(events.last(), Some(ClientEvent::Stat(s)) if s.count == 2),
        "{events:?}"
    );
}

/// Runs the `pop3-client` example; returns its standard output.
fn pop3_client(args: &[&str]) -> String {
    run(example_binary("pop3-client", EXAMPLE_FEATURES), args, None)
}

#[test]
#[ignore = "builds and runs the examples (run with the interop tests)"]
fn client_example_against_server_example() {
    let messages = messages();
    let server = start_server(&messages, &[]);
    let cert = server.dir.path().join("cert.pem");
    let cert = cert.to_str().unwrap();
    let plain = format!("127.0.0.1:{}", server.port);
    let tls = format!("127.0.0.1:{}", server.tls_port);
    let base = |addr: &str, mode: &str| {
        vec![
            String::from("--server"),
            addr.to_owned(),
            mode.to_owned(),
            String::from("--ca"),
            cert.to_owned(),
            String::from("--auth"),
            String::from("alice:secret"),
        ]
    };
    let run = |mut args: Vec<String>, extra: &[&str]| {
        args.extend(extra.iter().map(|s| s.to_string()));
        pop3_client(&args.iter().map(String::as_str).collect::<Vec<_>>())
    };
    let listing = run(base(&plain, "--starttls"), &["list"]);
    assert_eq!(listing.lines().count(), 3, "{listing}");
    let first = run(base(&tls, "--tls"), &["retr", "1"]);
    assert_eq!(
        first,
        String::from_utf8(messages[0].clone())
            .unwrap()
            .replace('\n', "\r\n")
    );
    let uids = run(base(&tls, "--tls"), &["uidl"]);
    assert_eq!(uids.lines().count(), 3);
    assert_eq!(
        run(base(&plain, "--starttls"), &["dele", "2"]),
        "deleted 2\n"
    );
    let listing = run(base(&tls, "--tls"), &["list"]);
    assert_eq!(listing.lines().count(), 2, "{listing}");
}

#[test]
#[ignore = "needs dovecot-pop3d (installed by .ci/run)"]
fn client_example_against_dovecot_with_stls() {
    let messages = messages();
    let dovecot = start_dovecot(&messages);
    let cert = dovecot.dir.path().join("cert.pem");
    let server = format!("127.0.0.1:{}", dovecot.port);
    let args = |command: &[&'static str]| {
        let mut args = vec![
            "--server",
            server.as_str(),
            "--starttls",
            "--ca",
            cert.to_str().unwrap(),
            "--auth",
            "alice:secret",
        ];
        args.extend_from_slice(command);
        pop3_client(&args)
    };
    assert_eq!(args(&["list"]).lines().count(), 3);
    let second = args(&["retr", "2"]);
    assert_eq!(
        second,
        String::from_utf8(messages[1].clone())
            .unwrap()
            .replace('\n', "\r\n")
    );
}
