//! smtp-server: an SMTP server on mailwire-smtp's sans-IO session.
//!
//! STARTTLS with a self-signed certificate made at start (for `localhost` and `127.0.0.1`),
//! AUTH PLAIN, LOGIN, CRAM-MD5 and SCRAM-SHA-256 after STARTTLS for the `--user`s, pipelining,
//! CHUNKING, and each message delivered into a Maildir (`--maildir DIR`) or discarded
//! (`--sink`). Mail for a `--domain` (default `example.test`) is taken from anyone; mail for any
//! other domain only from authenticated clients (554 5.7.1 otherwise), so it is no open relay.
//! Each stored message starts with the `Received:` trace field RFC 5321 §4.4 asks for.
//!
//! ```text
//! cargo run --example smtp-server --features smtp,sasl,maildir,core -- \
//!     --maildir /tmp/Maildir --user alice:secret
//! swaks --server 127.0.0.1:2525 --tls --auth PLAIN --auth-user alice --auth-password secret \
//!     --from a@example.test --to b@example.test
//! ```

use std::collections::HashMap;
use std::collections::hash_map::RandomState;
use std::hash::BuildHasher;
use std::net::{IpAddr, SocketAddr};
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Instant, SystemTime};

use base64::Engine as _;
use bytes::BytesMut;
use clap::Parser;
use mailwire::maildir::Maildir;
use mailwire::message::DateTime;
use mailwire::sasl::{Mechanism, ScramCredentials, ScramHash, ServerConfig, ServerNeed};
use mailwire::smtp::address::{AddressLiteral, Host};
use mailwire::smtp::reply::{EnhancedCode, Reply, ReplyCode};
use mailwire::smtp::server::{Event, HelloKind, Server, ServerOptions};
use mailwire::smtp::trace::{Received, protocol};
use rustls::pki_types::{PrivateKeyDer, PrivatePkcs8KeyDer};
use tokio::io::{AsyncRead, AsyncReadExt, AsyncWrite, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};
use tokio_rustls::TlsAcceptor;

/// An SMTP server with STARTTLS, AUTH and Maildir delivery.
#[derive(Debug, Parser)]
#[command(version)]
struct Args {
    /// Address to listen on.
    #[arg(long, default_value = "127.0.0.1:2525")]
    listen: SocketAddr,
    /// A user who may authenticate, as NAME:PASSWORD (repeatable).
    #[arg(long = "user", value_name = "NAME:PASSWORD")]
    users: Vec<String>,
    /// Deliver every message into this Maildir (created if missing).
    #[arg(
        long,
        value_name = "DIR",
        conflicts_with = "sink",
        required_unless_present = "sink"
    )]
    maildir: Option<PathBuf>,
    /// Accept and discard every message.
    #[arg(long)]
    sink: bool,
    /// The name the server gives in its greeting.
    #[arg(long, default_value = "localhost")]
    hostname: String,
    /// A domain this server takes mail for (repeatable). Mail for any other domain is relayed
    /// only for authenticated clients: never an open relay.
    #[arg(long = "domain", value_name = "DOMAIN", default_value = "example.test")]
    domains: Vec<String>,
    /// Threads serving connections. One event loop serves thousands of sessions with the
    /// least overhead per connection; more threads help when TLS handshakes dominate.
    #[arg(long, default_value_t = 1)]
    threads: usize,
}

struct User {
    password: String,
    scram: ScramCredentials,
}

struct Shared {
    options: ServerOptions,
    users: HashMap<String, User>,
    maildir: Option<PathBuf>,
    domains: Vec<String>,
    acceptor: TlsAcceptor,
    random: RandomState,
    counter: AtomicU64,
}

impl Shared {
    /// A fresh nonce: SipHash under the process's random keys over a counter.
    fn nonce(&self) -> String {
        let n = self.counter.fetch_add(1, Ordering::Relaxed);
        let bytes: Vec<u8> = (0..2u64)
            .flat_map(|i| self.random.hash_one((n, i)).to_le_bytes())
            .collect();
        base64::engine::general_purpose::STANDARD_NO_PAD.encode(bytes)
    }
}

trait Io: AsyncRead + AsyncWrite + Unpin + Send {}
impl<T: AsyncRead + AsyncWrite + Unpin + Send> Io for T {}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args = Args::parse();
    let runtime = match args.threads {
        0 | 1 => tokio::runtime::Builder::new_current_thread(),
        n => {
            let mut builder = tokio::runtime::Builder::new_multi_thread();
            builder.worker_threads(n);
            builder
        }
    }
    .enable_all()
    .build()?;
    runtime.block_on(serve(args))
}

async fn serve(args: Args) -> Result<(), Box<dyn std::error::Error>> {
    let names = vec!["localhost".to_owned(), "127.0.0.1".to_owned()];
    let certified = rcgen::generate_simple_self_signed(names)?;
    let key = PrivateKeyDer::Pkcs8(PrivatePkcs8KeyDer::from(certified.key_pair.serialize_der()));
    let provider = Arc::new(rustls::crypto::ring::default_provider());
    let tls = rustls::ServerConfig::builder_with_provider(provider)
        .with_safe_default_protocol_versions()?
        .with_no_client_auth()
        .with_single_cert(vec![certified.cert.der().clone()], key)?;
    let random = RandomState::new();
    let mut users = HashMap::new();
    for spec in &args.users {
        let (name, password) = spec
            .split_once(':')
            .ok_or_else(|| format!("--user {spec}: expected NAME:PASSWORD"))?;
        let salt = random.hash_one(name).to_le_bytes();
        let scram = ScramCredentials::derive(ScramHash::Sha256, password, &salt, 4096)?;
        let password = password.to_owned();
        users.insert(name.to_owned(), User { password, scram });
    }
    if let Some(dir) = &args.maildir {
        Maildir::open(dir)?;
    }
    let options = ServerOptions {
        hostname: args.hostname.clone(),
        starttls: true,
        auth_mechanisms: if users.is_empty() {
            Vec::new()
        } else {
            vec![
                Mechanism::ScramSha256,
                Mechanism::CramMd5,
                Mechanism::Plain,
                Mechanism::Login,
            ]
        },
        ..ServerOptions::default()
    };
    let shared = Arc::new(Shared {
        options,
        users,
        maildir: args.maildir.clone(),
        domains: args.domains.clone(),
        acceptor: TlsAcceptor::from(Arc::new(tls)),
        random,
        counter: AtomicU64::new(0),
    });
    let listener = TcpListener::bind(args.listen).await?;
    let target = match &args.maildir {
        Some(dir) => format!("delivering into {}", dir.display()),
        None => "discarding messages (--sink)".to_owned(),
    };
    println!(
        "smtp-server listening on {}, {target}; try: swaks --server {} --tls --from a@example.test --to b@example.test",
        listener.local_addr()?,
        listener.local_addr()?
    );
    loop {
        let (stream, peer) = listener.accept().await?;
        let shared = shared.clone();
        tokio::spawn(async move {
            if let Err(e) = connection(stream, peer.ip(), &shared).await {
                eprintln!("{peer}: {e}");
            }
        });
    }
}

/// What the event loop must do after the application answered.
enum Next {
    Continue,
    StartTls,
}

/// What one connection remembers for the trace field of its messages.
struct Session {
    peer: IpAddr,
    hello: Option<(HelloKind, Host<'static>)>,
    recipients: Vec<String>,
    message: Vec<u8>,
}

impl Session {
    /// The `Received:` field for the message about to be received.
    fn trace_field(&self, server: &Server, by: &str) -> String {
        let (kind, from) = match &self.hello {
            Some((kind, host)) => (*kind, host.clone()),
            None => {
                let literal = match self.peer {
                    IpAddr::V4(ip) => AddressLiteral::Ipv4(ip),
                    IpAddr::V6(ip) => AddressLiteral::Ipv6(ip),
                };
                (HelloKind::Helo, Host::Literal(literal))
            }
        };
        let now = SystemTime::now()
            .duration_since(SystemTime::UNIX_EPOCH)
            .map_or(0, |d| i64::try_from(d.as_secs()).unwrap_or(i64::MAX));
        let date = DateTime::from_timestamp(now, 0).map_or_else(String::new, |d| d.to_string());
        let recipient = match self.recipients.as_slice() {
            [only] => Some(only.as_str()),
            _ => None,
        };
        Received {
            from: &from,
            remote_ip: Some(self.peer),
            by,
            with: protocol(kind, server.is_tls(), server.is_authenticated()),
            id: None,
            recipient,
            date: &date,
        }
        .to_string()
    }
}

async fn connection(stream: TcpStream, peer: IpAddr, shared: &Shared) -> std::io::Result<()> {
    stream.set_nodelay(true)?;
    let mut plain = Some(stream);
    let mut tls: Option<Box<dyn Io>> = None;
    let mut server = Server::new(shared.options.clone());
    let mut session = Session {
        peer,
        hello: None,
        recipients: Vec::new(),
        message: Vec::new(),
    };
    let mut buf = vec![0u8; 64 * 1024];
    let mut out = BytesMut::new();
    loop {
        let mut next = Next::Continue;
        while let Some(event) = server.poll_event() {
            if let Next::StartTls = answer(&mut server, event, shared, &mut session).await {
                next = Next::StartTls;
            }
        }
        server.poll_transmit(&mut out);
        if !out.is_empty() {
            match (&mut tls, &mut plain) {
                (Some(io), _) => io.write_all(&out).await?,
                (None, Some(io)) => io.write_all(&out).await?,
                (None, None) => return Ok(()),
            }
            out.clear();
        }
        if server.should_close() {
            return Ok(());
        }
        if let Next::StartTls = next {
            let stream = plain.take().ok_or(std::io::ErrorKind::InvalidInput)?;
            tls = Some(Box::new(shared.acceptor.accept(stream).await?));
            server
                .tls_established()
                .map_err(|e| std::io::Error::other(e.to_string()))?;
            continue;
        }
        server.handle_timeout(Instant::now());
        let read = async {
            match (&mut tls, &mut plain) {
                (Some(io), _) => io.read(&mut buf).await,
                (None, Some(io)) => io.read(&mut buf).await,
                (None, None) => Ok(0),
            }
        };
        let n = match server.poll_timeout() {
            Some(deadline) => {
                tokio::select! {
                    n = read => n?,
                    () = tokio::time::sleep_until(deadline.into()) => {
                        server.handle_timeout(Instant::now());
                        continue;
                    }
                }
            }
            None => read.await?,
        };
        if n == 0 {
            return Ok(());
        }
        server.handle_input(&buf[..n]);
    }
}

async fn answer(server: &mut Server, event: Event, shared: &Shared, session: &mut Session) -> Next {
    let result = match event {
        Event::Rcpt { to, .. } => {
            // `<Postmaster>` is always local; an address literal never is.
            let local = to.mailbox().is_none_or(|m| {
                m.domain().is_some_and(|d| {
                    shared
                        .domains
                        .iter()
                        .any(|l| l.eq_ignore_ascii_case(d.as_str()))
                })
            });
            if local || server.is_authenticated() {
                session.recipients.push(
                    to.mailbox()
                        .map_or_else(|| "postmaster".to_owned(), |m| m.to_string()),
                );
                server.accept()
            } else {
                server.reject(Reply::new(
                    ReplyCode::TRANSACTION_FAILED,
                    EnhancedCode::new(5, 7, 1),
                    "Relay access denied",
                ))
            }
        }
        Event::Hello { kind, host } => {
            session.hello = Some((kind, host));
            server.accept()
        }
        Event::Mail { .. } => {
            session.recipients.clear();
            server.accept()
        }
        Event::Verify { .. } => server.accept(),
        Event::MessageStart => {
            session.message.clear();
            if shared.maildir.is_some() {
                let field = session.trace_field(server, &shared.options.hostname);
                session.message.extend_from_slice(field.as_bytes());
            }
            Ok(())
        }
        Event::MessageData(data) => {
            if shared.maildir.is_some() {
                session.message.extend_from_slice(&data);
            }
            Ok(())
        }
        Event::MessageAborted { .. } => {
            session.message.clear();
            Ok(())
        }
        Event::MessageEnd { .. } => match &shared.maildir {
            None => server.accept(),
            Some(dir) => {
                let (dir, data) = (dir.clone(), std::mem::take(&mut session.message));
                let stored = tokio::task::spawn_blocking(move || {
                    Maildir::open(&dir)?.inbox()?.deliver(&data)
                })
                .await;
                match stored {
                    Ok(Ok(_)) => server.accept(),
                    _ => server.reject(Reply::new(
                        ReplyCode::LOCAL_ERROR,
                        EnhancedCode::new(4, 3, 0),
                        "Could not store the message",
                    )),
                }
            }
        },
        Event::AuthStart { .. } => {
            match ServerConfig::new(shared.nonce(), &shared.options.hostname) {
                Ok(config) => server.start_auth(config),
                Err(_) => server.reject(Reply::new(
                    ReplyCode::TEMPORARY_FAILURE,
                    EnhancedCode::new(4, 7, 0),
                    "Temporary authentication failure",
                )),
            }
        }
        Event::AuthNeed(need) => {
            let user = |name: &str| shared.users.get(name);
            match need {
                ServerNeed::CheckPassword {
                    authcid,
                    password,
                    authzid,
                } => {
                    let ok = user(&authcid).is_some_and(|u| u.password == *password.expose())
                        && authzid.as_ref().is_none_or(|z| *z == authcid);
                    server.answer_auth(|a| if ok { a.accept() } else { a.reject() })
                }
                ServerNeed::CramMd5Password { username } => match user(&username) {
                    Some(u) => {
                        let password = u.password.clone().into();
                        server.answer_auth(|a| a.provide_password(password))
                    }
                    None => server.answer_auth(|a| a.reject()),
                },
                ServerNeed::ScramCredentials { username, authzid } => {
                    match user(&username)
                        .filter(|_| authzid.as_ref().is_none_or(|z| *z == username))
                    {
                        Some(u) => {
                            let creds = u.scram.clone();
                            server.answer_auth(|a| a.provide_scram_credentials(creds))
                        }
                        None => server.answer_auth(|a| a.reject()),
                    }
                }
                _ => server.answer_auth(|a| a.reject()),
            }
        }
        Event::StartTls => return Next::StartTls,
        _ => Ok(()),
    };
    if let Err(e) = result {
        eprintln!("session misuse: {e}");
    }
    Next::Continue
}
