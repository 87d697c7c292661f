//! Interop with real peers on loopback, each started by the test: our server under Python's
//! smtplib, swaks, curl and msmtp; our client against Postfix's smtp-sink and aiosmtpd.
//! The peers are installed by `.ci/run`; run with `cargo test -p mailwire-smtp -- --ignored`.
#![allow(clippy::unwrap_used)] // helpers outside #[test] fns: a panic is a failed assertion

use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::process::{Command, Stdio};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use bytes::{Bytes, BytesMut};
use mailwire_sasl::{Mechanism, ScramCredentials, ScramHash, ServerConfig, ServerNeed};
use mailwire_smtp::client::{
    Client, ClientOptions, Envelope, Event as ClientEvent, StartTls, TransactionResult,
};
use mailwire_smtp::server::{Event, Server, ServerOptions};
use mailwire_test_support::{KillOnDrop, free_port, run, wait_for_port};
use rustls::pki_types::{CertificateDer, PrivateKeyDer, PrivatePkcs8KeyDer, ServerName};
use rustls::{ClientConnection, ServerConnection, StreamOwned};

/// A message our server stored.
#[derive(Debug, Clone, Default)]
struct Received {
    from: String,
    to: Vec<String>,
    smtputf8: bool,
    data: Vec<u8>,
}

type Store = Arc<Mutex<Vec<Received>>>;

enum Conn {
    Plain(TcpStream),
    Server(Box<StreamOwned<ServerConnection, TcpStream>>),
    Client(Box<StreamOwned<ClientConnection, TcpStream>>),
}

impl Read for Conn {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        match self {
            Conn::Plain(s) => s.read(buf),
            Conn::Server(s) => s.read(buf),
            Conn::Client(s) => s.read(buf),
        }
    }
}

impl Write for Conn {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        match self {
            Conn::Plain(s) => s.write(buf),
            Conn::Server(s) => s.write(buf),
            Conn::Client(s) => s.write(buf),
        }
    }
    fn flush(&mut self) -> std::io::Result<()> {
        match self {
            Conn::Plain(s) => s.flush(),
            Conn::Server(s) => s.flush(),
            Conn::Client(s) => s.flush(),
        }
    }
}

impl Conn {
    fn into_tcp(self) -> TcpStream {
        match self {
            Conn::Plain(s) => s,
            _ => panic!("already TLS"),
        }
    }
}

struct Certificate {
    cert_pem: String,
    key_pem: String,
    cert_der: CertificateDer<'static>,
    key_der: Vec<u8>,
}

fn certificate() -> Certificate {
    let names = vec!["localhost".to_owned(), "127.0.0.1".to_owned()];
    let certified = rcgen::generate_simple_self_signed(names).unwrap();
    Certificate {
        cert_pem: certified.cert.pem(),
        key_pem: certified.key_pair.serialize_pem(),
        cert_der: certified.cert.der().clone(),
        key_der: certified.key_pair.serialize_der(),
    }
}

fn provider() -> Arc<rustls::crypto::CryptoProvider> {
    Arc::new(rustls::crypto::ring::default_provider())
}

fn tls_server_config(cert: &Certificate) -> Arc<rustls::ServerConfig> {
    let key = PrivateKeyDer::Pkcs8(PrivatePkcs8KeyDer::from(cert.key_der.clone()));
    Arc::new(
        rustls::ServerConfig::builder_with_provider(provider())
            .with_safe_default_protocol_versions()
            .unwrap()
            .with_no_client_auth()
            .with_single_cert(vec![cert.cert_der.clone()], key)
            .unwrap(),
    )
}

/// A client configuration that trusts exactly `cert`.
fn tls_client_config(cert: &Certificate) -> Arc<rustls::ClientConfig> {
    let mut roots = rustls::RootCertStore::empty();
    roots.add(cert.cert_der.clone()).unwrap();
    Arc::new(
        rustls::ClientConfig::builder_with_provider(provider())
            .with_safe_default_protocol_versions()
            .unwrap()
            .with_root_certificates(roots)
            .with_no_client_auth(),
    )
}

static NONCE: AtomicU64 = AtomicU64::new(1);

/// The application: stores every message; user `alice`, password `secret`.
/// Returns whether the transport must now start TLS.
fn answer(server: &mut Server, event: Event, current: &mut Received, store: &Store) -> bool {
    match event {
        Event::Hello { .. } | Event::Verify { .. } => server.accept().unwrap(),
        Event::Mail { from, params } => {
            *current = Received {
                from: from.to_string(),
                smtputf8: params.smtputf8,
                ..Received::default()
            };
            server.accept().unwrap();
        }
        Event::Rcpt { to, .. } => {
            current.to.push(to.to_string());
            server.accept().unwrap();
        }
        Event::MessageData(data) => current.data.extend_from_slice(&data),
        Event::MessageEnd { .. } => {
            store.lock().unwrap().push(std::mem::take(current));
            server.accept().unwrap();
        }
        Event::AuthStart { .. } => {
            let n = NONCE.fetch_add(1, Ordering::Relaxed);
            let nonce = format!("n{n}x{}", std::process::id());
            server
                .start_auth(ServerConfig::new(nonce, "localhost").unwrap())
                .unwrap();
        }
        Event::AuthNeed(need) => match need {
            ServerNeed::CheckPassword {
                authcid, password, ..
            } => {
                let ok = authcid == "alice" && password.expose() == "secret";
                server
                    .answer_auth(|a| if ok { a.accept() } else { a.reject() })
                    .unwrap();
            }
            ServerNeed::CramMd5Password { username } if username == "alice" => server
                .answer_auth(|a| a.provide_password("secret".to_owned().into()))
                .unwrap(),
            ServerNeed::ScramCredentials { username, .. } if username == "alice" => {
                let creds =
                    ScramCredentials::derive(ScramHash::Sha256, "secret", b"salt", 4096).unwrap();
                server
                    .answer_auth(|a| a.provide_scram_credentials(creds))
                    .unwrap();
            }
            _ => server.answer_auth(|a| a.reject()).unwrap(),
        },
        Event::StartTls => return true,
        _ => {}
    }
    false
}

fn serve(tcp: TcpStream, options: ServerOptions, tls: Arc<rustls::ServerConfig>, store: Store) {
    tcp.set_read_timeout(Some(Duration::from_secs(30))).unwrap();
    let mut conn = Conn::Plain(tcp);
    let mut server = Server::new(options);
    let mut current = Received::default();
    let mut buf = vec![0u8; 16 * 1024];
    loop {
        let mut starttls = false;
        while let Some(event) = server.poll_event() {
            starttls |= answer(&mut server, event, &mut current, &store);
        }
        let mut out = BytesMut::new();
        server.poll_transmit(&mut out);
        if !out.is_empty() && (conn.write_all(&out).is_err() || conn.flush().is_err()) {
            return;
        }
        if server.should_close() {
            return;
        }
        if starttls {
            let tcp = conn.into_tcp();
            let tls = ServerConnection::new(tls.clone()).unwrap();
            conn = Conn::Server(Box::new(StreamOwned::new(tls, tcp)));
            server.tls_established().unwrap();
            continue;
        }
        match conn.read(&mut buf) {
            Ok(0) | Err(_) => return,
            Ok(n) => server.handle_input(&buf[..n]),
        }
    }
}

struct TestServer {
    port: u16,
    store: Store,
    cert: Certificate,
}

/// Our server on a free loopback port, a thread per connection, STARTTLS and AUTH on.
fn start_server() -> TestServer {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    let store: Store = Arc::default();
    let cert = certificate();
    let tls = tls_server_config(&cert);
    let options = ServerOptions {
        hostname: "localhost".into(),
        starttls: true,
        auth_mechanisms: vec![
            Mechanism::ScramSha256,
            Mechanism::CramMd5,
            Mechanism::Plain,
            Mechanism::Login,
        ],
        ..ServerOptions::default()
    };
    let thread_store = store.clone();
    std::thread::spawn(move || {
        for tcp in listener.incoming() {
            let Ok(tcp) = tcp else { return };
            let (options, tls, store) = (options.clone(), tls.clone(), thread_store.clone());
            std::thread::spawn(move || serve(tcp, options, tls, store));
        }
    });
    TestServer { port, store, cert }
}

const PYTHON_SMTPLIB: &str = r#"
import smtplib, ssl, sys
from email.message import EmailMessage
port = int(sys.argv[1])
ctx = ssl.create_default_context()
ctx.check_hostname = False
ctx.verify_mode = ssl.CERT_NONE
with smtplib.SMTP("127.0.0.1", port) as s:
    s.ehlo()
    assert s.has_extn("starttls") and s.has_extn("pipelining") and s.has_extn("smtputf8")
    assert not s.has_extn("auth"), "AUTH must wait for TLS"
    s.starttls(context=ctx)
    s.ehlo()
    assert "PLAIN" in s.esmtp_features["auth"]
    s.user, s.password = "alice", "secret"
    code, _ = s.auth("PLAIN", s.auth_plain)
    assert code == 235, code
    s.sendmail("a@example.test", ["b@example.test", "c@example.test"], b"Subject: one\r\n\r\n.dot\r\nbody\r\n")
with smtplib.SMTP("127.0.0.1", port) as s:
    s.starttls(context=ctx)
    s.ehlo()
    s.user, s.password = "alice", "wrong"
    try:
        s.auth("LOGIN", s.auth_login, initial_response_ok=False)
        raise SystemExit("wrong password accepted")
    except smtplib.SMTPAuthenticationError as e:
        assert e.smtp_code == 535
    s.user, s.password = "alice", "secret"
    code, _ = s.auth("LOGIN", s.auth_login, initial_response_ok=False)
    assert code == 235, code
    msg = EmailMessage()
    msg["From"] = "用户@例子.广告"
    msg["To"] = "θσερ@παράδειγμα.ελ"
    msg["Subject"] = "Grüße"
    msg.set_content("héllo wörld")
    s.send_message(msg)
print("ok")
"#;

#[test]
#[ignore = "needs python3 (installed by .ci/run)"]
fn python_smtplib_starttls_auth_and_smtputf8() {
    let server = start_server();
    let port = server.port.to_string();
    let out = run("python3", &["-c", PYTHON_SMTPLIB, &port], None);
    assert!(out.contains("ok"), "{out}");
    let store = server.store.lock().unwrap();
    assert_eq!(store.len(), 2);
    assert_eq!(store[0].to, ["<b@example.test>", "<c@example.test>"]);
    assert_eq!(store[0].data, b"Subject: one\r\n\r\n.dot\r\nbody\r\n");
    assert_eq!(store[1].from, "<用户@例子.广告>");
    assert!(store[1].smtputf8);
    assert!(String::from_utf8_lossy(&store[1].data).contains("Subject: Grüße"));
}

#[test]
#[ignore = "needs swaks with libnet-ssleay-perl and libdigest-hmac-perl (installed by .ci/run)"]
fn swaks_starttls_auth_and_pipelining() {
    let server = start_server();
    let target = format!("127.0.0.1:{}", server.port);
    for auth in ["PLAIN", "LOGIN", "CRAM-MD5"] {
        let out = run(
            "swaks",
            &[
                "--server",
                &target,
                "--tls",
                "--pipeline",
                "--auth",
                auth,
                "--auth-user",
                "alice",
                "--auth-password",
                "secret",
                "--from",
                "a@example.test",
                "--to",
                "b@example.test,c@example.test",
                "--body",
                "hello from swaks",
            ],
            None,
        );
        assert!(out.contains("235 2.7.0"), "{auth}: {out}");
        assert!(out.contains("250 2.0.0 Message accepted"), "{auth}: {out}");
    }
    // A wrong password fails with 535 (swaks exits non-zero, so run it by hand).
    let output = Command::new("swaks")
        .args([
            "--server",
            &target,
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
        ])
        .output()
        .unwrap();
    assert!(!output.status.success());
    assert!(String::from_utf8_lossy(&output.stdout).contains("535 5.7.8"));
    let store = server.store.lock().unwrap();
    assert_eq!(store.len(), 3);
    assert!(store.iter().all(|m| m.to.len() == 2));
    assert!(String::from_utf8_lossy(&store[2].data).contains("hello from swaks"));
}

#[test]
#[ignore = "needs curl (installed by .ci/run)"]
fn curl_smtp_with_starttls_and_auth() {
    let server = start_server();
    let url = format!("smtp://127.0.0.1:{}", server.port);
    let message = b"From: a@example.test\r\nSubject: curl\r\n\r\nline one\r\n.line two\r\n";
    run(
        "curl",
        &[
            "-sS",
            "--ssl-reqd",
            "-k",
            &url,
            "-u",
            "alice:secret",
            "--mail-from",
            "a@example.test",
            "--mail-rcpt",
            "b@example.test",
            "--mail-rcpt",
            "c@example.test",
            "-T",
            "-",
        ],
        Some(message),
    );
    run(
        "curl",
        &[
            "-sS",
            &url,
            "--mail-from",
            "a@example.test",
            "--mail-rcpt",
            "d@example.test",
            "-T",
            "-",
        ],
        Some(message),
    );
    let store = server.store.lock().unwrap();
    assert_eq!(store.len(), 2);
    assert_eq!(store[0].to, ["<b@example.test>", "<c@example.test>"]);
    assert_eq!(store[0].data, message);
    assert_eq!(store[1].data, message);
}

#[test]
#[ignore = "needs msmtp (installed by .ci/run)"]
fn msmtp_submission() {
    let server = start_server();
    let port = format!("--port={}", server.port);
    for auth in ["plain", "login", "cram-md5"] {
        run(
            "msmtp",
            &[
                "--host=127.0.0.1",
                &port,
                "--tls=on",
                "--tls-starttls=on",
                "--tls-certcheck=off",
                &format!("--auth={auth}"),
                "--user=alice",
                "--passwordeval=echo secret",
                "--from=a@example.test",
                "b@example.test",
            ],
            Some(b"Subject: msmtp\r\n\r\nhello\r\n"),
        );
    }
    let store = server.store.lock().unwrap();
    assert_eq!(store.len(), 3);
    assert!(store.iter().all(|m| m.data.ends_with(b"hello\r\n")));
}

/// Drives our client over a blocking socket until it closes; returns the results.
fn run_client(
    port: u16,
    options: ClientOptions,
    tls: Option<Arc<rustls::ClientConfig>>,
    messages: Vec<(Envelope, &'static [u8])>,
) -> (Vec<TransactionResult>, Vec<ClientEvent>) {
    let tcp = TcpStream::connect(("127.0.0.1", port)).unwrap();
    tcp.set_read_timeout(Some(Duration::from_secs(30))).unwrap();
    let mut conn = Conn::Plain(tcp);
    let mut client = Client::new(options);
    let mut messages = messages.into_iter();
    let (mut results, mut events) = (Vec::new(), Vec::new());
    let mut buf = vec![0u8; 16 * 1024];
    loop {
        let mut starttls = false;
        while let Some(event) = client.poll_event() {
            match &event {
                ClientEvent::Ready(_) | ClientEvent::Sent(_) => {
                    if let ClientEvent::Sent(result) = &event {
                        results.push(result.clone());
                    }
                    match messages.next() {
                        Some((envelope, body)) => {
                            client.send(envelope, Bytes::from_static(body)).unwrap();
                        }
                        None => client.quit().unwrap(),
                    }
                }
                ClientEvent::StartTls => starttls = true,
                _ => {}
            }
            events.push(event);
        }
        let mut out = BytesMut::new();
        client.poll_transmit(&mut out);
        if !out.is_empty() {
            conn.write_all(&out).unwrap();
            conn.flush().unwrap();
        }
        if client.is_closed() {
            return (results, events);
        }
        if starttls {
            let config = tls.clone().expect("TLS configuration");
            let name = ServerName::try_from("localhost").unwrap();
            let tls = ClientConnection::new(config, name).unwrap();
            conn = Conn::Client(Box::new(StreamOwned::new(tls, conn.into_tcp())));
            client.tls_established().unwrap();
            continue;
        }
        let n = conn.read(&mut buf).unwrap();
        assert!(n > 0, "server closed early: {events:?}");
        client.handle_input(&buf[..n]);
    }
}

fn delivered(result: &TransactionResult) -> Vec<bool> {
    result.recipients.iter().map(|r| r.delivered()).collect()
}

#[test]
#[ignore = "needs Postfix's smtp-sink (package postfix, installed by .ci/run)"]
fn our_client_against_smtp_sink() {
    let port = free_port();
    let address = format!("127.0.0.1:{port}");
    let _sink = KillOnDrop(
        Command::new("smtp-sink")
            .args(["-u", "nobody", &address, "100"])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap(),
    );
    wait_for_port(port);
    let envelope =
        Envelope::new("<a@example.test>", ["<b@example.test>", "<c@example.test>"]).unwrap();
    let (results, events) = run_client(
        port,
        ClientOptions::default(),
        None,
        vec![
            (envelope.clone(), b"Subject: sink\r\n\r\n.dot\r\nbody\r\n"),
            (envelope, b"Subject: two\r\n\r\nsecond\r\n"),
        ],
    );
    assert_eq!(results.len(), 2, "{events:?}");
    assert!(
        results.iter().all(|r| delivered(r) == [true, true]),
        "{results:?}"
    );
    assert_eq!(events.last(), Some(&ClientEvent::Closed(None)));
}

#[test]
#[ignore = "needs python3 with aiosmtpd (installed by .ci/run)"]
fn our_client_against_aiosmtpd_with_starttls() {
    let dir = tempfile::tempdir().unwrap();
    let cert = certificate();
    let cert_path = dir.path().join("cert.pem");
    let key_path = dir.path().join("key.pem");
    std::fs::write(&cert_path, &cert.cert_pem).unwrap();
    std::fs::write(&key_path, &cert.key_pem).unwrap();
    let port = free_port();
    let _peer = KillOnDrop(
        Command::new("python3")
            .args([
                "-m",
                "aiosmtpd",
                "-n",
                "-u",
                "-l",
                &format!("127.0.0.1:{port}"),
                "-c",
                "aiosmtpd.handlers.Sink",
            ])
            .arg("--tlscert")
            .arg(&cert_path)
            .arg("--tlskey")
            .arg(&key_path)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap(),
    );
    wait_for_port(port);
    let options = ClientOptions {
        starttls: StartTls::Required,
        ..ClientOptions::default()
    };
    let ascii = Envelope::new("<a@example.test>", ["<b@example.test>"]).unwrap();
    let utf8 = Envelope::new(
        "<用户@例子.广告>",
        ["<θσερ@παράδειγμα.ελ>", "<c@example.test>"],
    )
    .unwrap();
    let (results, events) = run_client(
        port,
        options,
        Some(tls_client_config(&cert)),
        vec![
            (ascii, b"Subject: aiosmtpd\r\n\r\nhello\r\n"),
            (utf8, "Subject: Grüße\r\n\r\nhéllo\r\n".as_bytes()),
        ],
    );
    assert!(events.contains(&ClientEvent::StartTls));
    assert_eq!(results.len(), 2, "{events:?}");
    assert_eq!(delivered(&results[0]), [true]);
    assert_eq!(delivered(&results[1]), [true, true], "{results:?}");
}

#[test]
fn our_client_against_our_server_over_tls() {
    let server = start_server();
    let options = ClientOptions {
        starttls: StartTls::Required,
        chunking: true,
        ..ClientOptions::default()
    };
    let envelope = Envelope::new("<a@example.test>", ["<b@example.test>"]).unwrap();
    let (results, _) = run_client(
        server.port,
        options,
        Some(tls_client_config(&server.cert)),
        vec![(envelope, b"Subject: loop\r\n\r\nbody\r\n")],
    );
    assert_eq!(delivered(&results[0]), [true]);
    assert_eq!(
        server.store.lock().unwrap()[0].data,
        b"Subject: loop\r\n\r\nbody\r\n"
    );
}
