//! A POP3 server over Maildir folders: `DIR/NAME` is the Maildir of user `NAME`.
//!
//! ```text
//! cargo run --example pop3-server --features pop3,sasl,core,maildir -- \
//!     --maildir ./mail --user alice:secret
//! ```
//!
//! Plain POP3 with STLS on `--listen` (127.0.0.1:2110), POP3S on `--listen-tls`
//! (127.0.0.1:2995), with a self-signed certificate for `localhost` and `127.0.0.1`. Logins:
//! USER/PASS and SASL PLAIN/LOGIN after TLS (or anywhere with `--allow-plaintext`), APOP,
//! CRAM-MD5 and SCRAM-SHA-1/256 everywhere. Deletions are committed on QUIT.

use std::collections::{HashMap, HashSet};
use std::io::{Read, Seek, SeekFrom};
use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Instant;

use bytes::BytesMut;
use clap::Parser;
use mailwire::core::Secret;
use mailwire::maildir::{Flag, Flags, Folder, Maildir};
use mailwire::pop3::{
    LoginFailure, MaildropEntry, SaslAnswer, SaslMechanism, ServerEvent, ServerOptions,
    ServerSession, Text, Uid,
};
use mailwire::sasl::{ScramCredentials, ServerConfig, ServerNeed};
use ring::rand::SecureRandom as _;
use tokio::io::{AsyncRead, AsyncReadExt, AsyncWrite, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};
use tokio_rustls::TlsAcceptor;
use tokio_rustls::rustls;

/// A POP3 server serving one Maildir per user.
#[derive(Parser, Debug)]
#[command(version)]
struct Args {
    /// Address for POP3 with STLS.
    #[arg(long, default_value = "127.0.0.1:2110")]
    listen: SocketAddr,
    /// Address for POP3 over implicit TLS (POP3S).
    #[arg(long, default_value = "127.0.0.1:2995")]
    listen_tls: SocketAddr,
    /// Folder holding one Maildir per user (`DIR/NAME`); created if missing.
    #[arg(long, default_value = "pop3-maildir")]
    maildir: PathBuf,
    /// A user as `name:password` (repeatable).
    #[arg(
        long = "user",
        value_name = "NAME:PASSWORD",
        default_value = "alice:secret"
    )]
    users: Vec<String>,
    /// Accept USER/PASS and PLAIN/LOGIN without TLS.
    #[arg(long)]
    allow_plaintext: bool,
    /// Write the certificate (PEM) here, for clients that want to check it.
    #[arg(long)]
    cert_out: Option<PathBuf>,
}

struct State {
    root: PathBuf,
    users: HashMap<String, String>,
    locked: Mutex<HashSet<String>>,
    options: ServerOptions,
    rng: ring::rand::SystemRandom,
    connections: AtomicU64,
}

impl State {
    fn nonce(&self) -> String {
        let mut bytes = [0u8; 18];
        self.rng
            .fill(&mut bytes)
            .expect("the operating system provides randomness");
        bytes.iter().map(|b| format!("{b:02x}")).collect()
    }

    fn session(&self, implicit_tls: bool) -> ServerSession {
        let n = self.connections.fetch_add(1, Ordering::Relaxed);
        let options = ServerOptions {
            implicit_tls,
            ..self.options.clone()
        };
        let stamp = format!("<{}.{n}.{}@localhost>", std::process::id(), self.nonce());
        let session = ServerSession::with_apop(options, Instant::now(), &stamp)
            .expect("the timestamp has the APOP form");
        let config = ServerConfig::new(self.nonce(), "localhost").expect("hex is a valid nonce");
        session.with_sasl(config)
    }
}

/// The maildrop of a logged-in user; unlocks it when dropped.
struct Mailbox {
    state: Arc<State>,
    user: String,
    folder: Folder,
    uids: Vec<u32>,
}

impl Drop for Mailbox {
    fn drop(&mut self) {
        if let Ok(mut locked) = self.state.locked.lock() {
            locked.remove(&self.user);
        }
    }
}

fn self_signed() -> (rustls::ServerConfig, String) {
    let cert = rcgen::generate_simple_self_signed(vec!["localhost".into(), "127.0.0.1".into()])
        .expect("rcgen makes a certificate");
    let pem = cert.cert.pem();
    let key = rustls::pki_types::PrivateKeyDer::Pkcs8(cert.key_pair.serialize_der().into());
    let config = rustls::ServerConfig::builder_with_provider(Arc::new(
        rustls::crypto::ring::default_provider(),
    ))
    .with_safe_default_protocol_versions()
    .expect("ring supports the default versions")
    .with_no_client_auth()
    .with_single_cert(vec![cert.cert.der().clone()], key)
    .expect("the generated key matches");
    (config, pem)
}

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args = Args::parse();
    std::fs::create_dir_all(&args.maildir)?;
    let mut users = HashMap::new();
    for entry in &args.users {
        let (name, password) = entry
            .split_once(':')
            .ok_or_else(|| format!("--user {entry}: expected name:password"))?;
        users.insert(name.to_owned(), password.to_owned());
    }
    let (tls_config, pem) = self_signed();
    if let Some(path) = &args.cert_out {
        std::fs::write(path, &pem)?;
    }
    let acceptor = TlsAcceptor::from(Arc::new(tls_config));
    let state = Arc::new(State {
        root: args.maildir.clone(),
        users,
        locked: Mutex::new(HashSet::new()),
        options: ServerOptions {
            stls: true,
            allow_cleartext_login_without_tls: args.allow_plaintext,
            sasl_mechanisms: vec![
                SaslMechanism::ScramSha256,
                SaslMechanism::ScramSha1,
                SaslMechanism::CramMd5,
                SaslMechanism::Plain,
                SaslMechanism::Login,
            ],
            implementation: Text::try_from("mailwire-pop3-example").ok(),
            ..ServerOptions::default()
        },
        rng: ring::rand::SystemRandom::new(),
        connections: AtomicU64::new(0),
    });
    let plain = TcpListener::bind(args.listen).await?;
    let tls = TcpListener::bind(args.listen_tls).await?;
    println!(
        "pop3-server: POP3+STLS on {}, POP3S on {}, Maildirs in {}",
        plain.local_addr()?,
        tls.local_addr()?,
        args.maildir.display()
    );
    let (s, a) = (state.clone(), acceptor.clone());
    tokio::spawn(async move {
        while let Ok((stream, _)) = plain.accept().await {
            let _ = stream.set_nodelay(true);
            let (s, a) = (s.clone(), a.clone());
            tokio::spawn(async move { serve_plain(stream, s, a).await });
        }
    });
    while let Ok((stream, _)) = tls.accept().await {
        // Responses are written whole; waiting for more data only delays them.
        let _ = stream.set_nodelay(true);
        let (s, a) = (state.clone(), acceptor.clone());
        tokio::spawn(async move {
            if let Ok(stream) = a.accept(stream).await {
                let mut session = s.session(true);
                let mut mailbox = None;
                let _ = run(stream, &mut session, &s, &mut mailbox).await;
            }
        });
    }
    Ok(())
}

async fn serve_plain(stream: TcpStream, state: Arc<State>, acceptor: TlsAcceptor) {
    let mut session = state.session(false);
    let mut mailbox = None;
    if let Ok(Outcome::StartTls(stream)) = run(stream, &mut session, &state, &mut mailbox).await
        && let Ok(stream) = acceptor.accept(stream).await
        && session.tls_established().is_ok()
    {
        let _ = run(stream, &mut session, &state, &mut mailbox).await;
    }
}

enum Outcome<S> {
    Closed,
    StartTls(S),
}

/// Drives the session over `stream` until it closes or asks for TLS.
async fn run<S: AsyncRead + AsyncWrite + Unpin>(
    mut stream: S,
    session: &mut ServerSession,
    state: &Arc<State>,
    maildrop: &mut Option<Mailbox>,
) -> std::io::Result<Outcome<S>> {
    let mut input = vec![0u8; 16 * 1024];
    let mut out = BytesMut::new();
    loop {
        while let Some(event) = session.poll_event() {
            if let ServerEvent::StartTls = event {
                session.poll_transmit(&mut out);
                stream.write_all(&out).await?;
                stream.flush().await?;
                return Ok(Outcome::StartTls(stream));
            }
            handle(event, session, state, maildrop, &mut stream, &mut out).await?;
        }
        session.poll_transmit(&mut out);
        if !out.is_empty() {
            stream.write_all(&out).await?;
            stream.flush().await?;
            out.clear();
        }
        if session.is_closed() {
            stream.shutdown().await?;
            return Ok(Outcome::Closed);
        }
        let read = match session.poll_timeout() {
            Some(deadline) => {
                let deadline = tokio::time::Instant::from_std(deadline);
                tokio::select! {
                    read = stream.read(&mut input) => Some(read?),
                    () = tokio::time::sleep_until(deadline) => None,
                }
            }
            None => Some(stream.read(&mut input).await?),
        };
        match read {
            Some(0) => return Ok(Outcome::Closed),
            Some(n) => session.handle_input(&input[..n]),
            None => {}
        }
        session.handle_timeout(Instant::now());
    }
}

async fn handle<S: AsyncWrite + Unpin>(
    event: ServerEvent,
    session: &mut ServerSession,
    state: &Arc<State>,
    maildrop: &mut Option<Mailbox>,
    stream: &mut S,
    out: &mut BytesMut,
) -> std::io::Result<()> {
    let result = match event {
        ServerEvent::Login(request) => {
            let ok = state
                .users
                .get(&request.user)
                .is_some_and(|p| request.password_matches(p.as_bytes()));
            if ok {
                open(session, state, maildrop, &request.user)
            } else {
                session.reject_login(LoginFailure::BadCredentials)
            }
        }
        ServerEvent::SaslNeed { mechanism, need } => {
            let password = |user: &str| state.users.get(user).cloned();
            let answer = match need {
                ServerNeed::CheckPassword {
                    authcid,
                    password: given,
                    authzid,
                } => {
                    let ok = password(&authcid).as_deref() == Some(given.expose().as_str())
                        && authzid.is_none_or(|z| z == authcid);
                    if ok {
                        SaslAnswer::Accept
                    } else {
                        SaslAnswer::Reject
                    }
                }
                ServerNeed::CramMd5Password { username } => match password(&username) {
                    Some(p) => SaslAnswer::Password(Secret::new(p)),
                    None => SaslAnswer::Reject,
                },
                ServerNeed::ScramCredentials { username, authzid } => {
                    match (password(&username), mechanism.scram_hash()) {
                        (Some(p), Some(hash)) if authzid.is_none_or(|z| z == username) => {
                            let salt = format!("mailwire-{username}");
                            ScramCredentials::derive(hash, &p, salt.as_bytes(), 4096)
                                .map_or(SaslAnswer::Reject, SaslAnswer::ScramCredentials)
                        }
                        _ => SaslAnswer::Reject,
                    }
                }
                _ => SaslAnswer::Reject,
            };
            session.sasl_answer(answer)
        }
        ServerEvent::SaslSuccess(success) => match success.identity() {
            Some(user) => {
                let user = user.to_owned();
                open(session, state, maildrop, &user)
            }
            None => session.reject_login(LoginFailure::BadCredentials),
        },
        ServerEvent::Retrieve { message, .. } => {
            let Some(mailbox) = maildrop.as_mut() else {
                return Ok(());
            };
            let uid = mailbox.uids[message.index()];
            match mailbox.folder.read_crlf(uid) {
                Ok(mut reader) => {
                    let mut chunk = vec![0u8; 64 * 1024];
                    loop {
                        match reader.read(&mut chunk) {
                            Ok(0) => break session.message_end(),
                            Ok(n) => {
                                let more = session.message_data(&chunk[..n]);
                                // Large writes only: the end of the data goes out with the
                                // next responses.
                                session.poll_transmit(out);
                                if out.len() >= 64 * 1024 {
                                    stream.write_all(out).await?;
                                    out.clear();
                                }
                                if more != Ok(true) {
                                    break session.message_end();
                                }
                            }
                            Err(_) => break session.message_failed(),
                        }
                    }
                }
                Err(_) => session.message_failed(),
            }
        }
        ServerEvent::Update { deleted } => match maildrop.as_mut() {
            Some(mailbox) => {
                let uids: Vec<u32> = deleted.iter().map(|n| mailbox.uids[n.index()]).collect();
                let deleted = Flags::from(Flag::Deleted);
                let done = uids.is_empty()
                    || mailbox
                        .folder
                        .add_flags(&uids, &deleted)
                        .and_then(|_| mailbox.folder.expunge_uids(&uids))
                        .is_ok();
                if done {
                    session.update_done()
                } else {
                    session.update_failed()
                }
            }
            None => session.update_failed(),
        },
        _ => Ok(()),
    };
    if let Err(error) = result {
        eprintln!("pop3-server: {error}");
    }
    Ok(())
}

/// Locks and lists the maildrop of `user`, answering the login.
fn open(
    session: &mut ServerSession,
    state: &Arc<State>,
    maildrop: &mut Option<Mailbox>,
    user: &str,
) -> Result<(), mailwire::pop3::UsageError> {
    let fresh = state
        .locked
        .lock()
        .map(|mut locked| locked.insert(user.to_owned()))
        .unwrap_or(false);
    if !fresh {
        return session.reject_login(LoginFailure::InUse);
    }
    let opened = Maildir::open(state.root.join(user)).and_then(|m| m.inbox());
    let mut folder = match opened {
        Ok(folder) => folder,
        Err(_) => {
            if let Ok(mut locked) = state.locked.lock() {
                locked.remove(user);
            }
            return session.reject_login(LoginFailure::Temporary);
        }
    };
    let validity = folder.uid_validity();
    let infos: Vec<_> = folder.messages().to_vec();
    let mut entries = Vec::with_capacity(infos.len());
    for info in &infos {
        // The session ends a message lacking a final line break with CRLF: count it.
        let size = info.crlf_size
            + if ends_with_newline(&mut folder, info.uid) {
                0
            } else {
                2
            };
        let uid = Uid::try_from(format!("{validity}.{}", info.uid)).expect("digits form a uid");
        entries.push(MaildropEntry { size, uid });
    }
    *maildrop = Some(Mailbox {
        state: state.clone(),
        user: user.to_owned(),
        uids: infos.iter().map(|i| i.uid).collect(),
        folder,
    });
    session.accept_login(entries)
}

fn ends_with_newline(folder: &mut Folder, uid: u32) -> bool {
    let Ok(mut file) = folder.open_message(uid) else {
        return true;
    };
    let mut last = [0u8; 1];
    match file.seek(SeekFrom::End(-1)) {
        Ok(_) => file.read_exact(&mut last).is_err() || last[0] == b'\n',
        Err(_) => true,
    }
}
