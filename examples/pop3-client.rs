//! A POP3 client: logs in with the strongest method the server offers and runs one command.
//!
//! ```text
//! cargo run --example pop3-client --features pop3,sasl,core -- \
//!     --server 127.0.0.1:2110 --starttls --ca cert.pem --auth alice:secret list
//! ```
//!
//! Commands: `list`, `uidl`, `retr N` (the message goes to standard output), `dele N`.

use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::Arc;

use bytes::BytesMut;
use clap::{Parser, Subcommand};
use mailwire::core::Secret;
use mailwire::pop3::{ClientEvent, ClientOptions, ClientSession, MessageNumber};
use ring::rand::SecureRandom as _;
use tokio::io::{AsyncRead, AsyncReadExt, AsyncWrite, AsyncWriteExt};
use tokio::net::TcpStream;
use tokio_rustls::TlsConnector;
use tokio_rustls::rustls;
use tokio_rustls::rustls::pki_types::pem::PemObject as _;
use tokio_rustls::rustls::pki_types::{CertificateDer, ServerName};

/// A POP3 client.
#[derive(Parser, Debug)]
#[command(version)]
struct Args {
    /// Server address.
    #[arg(long, default_value = "127.0.0.1:2110")]
    server: SocketAddr,
    /// Upgrade to TLS with STLS.
    #[arg(long, conflicts_with = "tls")]
    starttls: bool,
    /// TLS from the start (POP3S).
    #[arg(long)]
    tls: bool,
    /// Trust this certificate (PEM), such as the one `pop3-server --cert-out` writes.
    #[arg(long)]
    ca: Option<PathBuf>,
    /// Name to check in the server's certificate.
    #[arg(long, default_value = "localhost")]
    server_name: String,
    /// Credentials as `user:password`.
    #[arg(long)]
    auth: String,
    /// Allow sending the password without TLS.
    #[arg(long)]
    allow_plaintext: bool,
    #[command(subcommand)]
    command: Action,
}

#[derive(Subcommand, Debug, Clone, Copy)]
enum Action {
    /// Message numbers and sizes.
    List,
    /// Message numbers and unique ids.
    Uidl,
    /// Writes message N to standard output.
    Retr {
        /// The message number.
        n: u32,
    },
    /// Deletes message N.
    Dele {
        /// The message number.
        n: u32,
    },
}

type Error = Box<dyn std::error::Error>;

#[tokio::main]
async fn main() -> Result<(), Error> {
    let args = Args::parse();
    let mut nonce = [0u8; 18];
    ring::rand::SystemRandom::new()
        .fill(&mut nonce)
        .map_err(|_| "no randomness")?;
    let mut client = ClientSession::new(ClientOptions {
        implicit_tls: args.tls,
        allow_cleartext_login_without_tls: args.allow_plaintext,
        scram_nonce: Some(nonce.iter().map(|b| format!("{b:02x}")).collect()),
        ..ClientOptions::default()
    });
    let mut tcp = TcpStream::connect(args.server).await?;
    if args.tls {
        let stream = tls(&args, tcp).await?;
        return work(stream, client, &args).await;
    }
    if args.starttls {
        drive(&mut tcp, &mut client, |e| {
            matches!(e, ClientEvent::Ready { .. })
        })
        .await?;
        client.stls()?;
        let events = drive(&mut tcp, &mut client, |e| {
            matches!(e, ClientEvent::StartTls | ClientEvent::Failed { .. })
        })
        .await?;
        if !matches!(events.last(), Some(ClientEvent::StartTls)) {
            return Err(format!("STLS refused: {events:?}").into());
        }
        let stream = tls(&args, tcp).await?;
        client.tls_established()?;
        return work(stream, client, &args).await;
    }
    work(tcp, client, &args).await
}

async fn tls(
    args: &Args,
    tcp: TcpStream,
) -> Result<tokio_rustls::client::TlsStream<TcpStream>, Error> {
    let mut roots = rustls::RootCertStore::empty();
    let path = args.ca.as_ref().ok_or("TLS needs --ca FILE")?;
    for cert in CertificateDer::pem_file_iter(path)? {
        roots.add(cert?)?;
    }
    let config = rustls::ClientConfig::builder_with_provider(Arc::new(
        rustls::crypto::ring::default_provider(),
    ))
    .with_safe_default_protocol_versions()?
    .with_root_certificates(roots)
    .with_no_client_auth();
    let name = ServerName::try_from(args.server_name.clone())?;
    Ok(TlsConnector::from(Arc::new(config))
        .connect(name, tcp)
        .await?)
}

/// Logs in, runs the command and quits.
async fn work<S: AsyncRead + AsyncWrite + Unpin>(
    mut stream: S,
    mut client: ClientSession,
    args: &Args,
) -> Result<(), Error> {
    if client.capabilities().is_none() {
        drive(&mut stream, &mut client, |e| {
            matches!(e, ClientEvent::Ready { .. })
        })
        .await?;
    }
    let (user, password) = args.auth.split_once(':').ok_or("--auth user:password")?;
    let method = client.login(user, Secret::new(password.to_owned()))?;
    let events = drive(&mut stream, &mut client, |e| {
        matches!(e, ClientEvent::LoggedIn(_) | ClientEvent::Failed { .. })
    })
    .await?;
    if let Some(ClientEvent::Failed { response, .. }) = events.last() {
        return Err(format!("login refused ({method:?}): {response:?}").into());
    }
    eprintln!("logged in with {method:?}");
    let number = |n: u32| MessageNumber::new(n).ok_or("message numbers start at 1");
    match args.command {
        Action::List => client.list(None)?,
        Action::Uidl => client.uidl(None)?,
        Action::Retr { n } => client.retr(number(n)?)?,
        Action::Dele { n } => client.dele(number(n)?)?,
    }
    client.quit()?;
    let mut stdout = tokio::io::stdout();
    let events = drive(&mut stream, &mut client, |e| {
        matches!(e, ClientEvent::Closed)
    })
    .await?;
    for event in events {
        match event {
            ClientEvent::List(items) => {
                for item in items {
                    println!("{} {}", item.message, item.size);
                }
            }
            ClientEvent::Uidl(items) => {
                for item in items {
                    println!("{} {}", item.message, item.uid);
                }
            }
            ClientEvent::MessageData { data, .. } => stdout.write_all(&data).await?,
            ClientEvent::Done {
                command: mailwire::pop3::CommandKind::Dele(n),
                ..
            } => println!("deleted {n}"),
            ClientEvent::Failed { command, response } => {
                eprintln!("{command:?} failed: {}", response.text());
            }
            ClientEvent::Error(error) => return Err(error.into()),
            _ => {}
        }
    }
    stdout.flush().await?;
    Ok(())
}

/// Moves bytes until an event matching `until` arrives; returns the events seen.
async fn drive<S: AsyncRead + AsyncWrite + Unpin>(
    stream: &mut S,
    client: &mut ClientSession,
    until: impl Fn(&ClientEvent) -> bool,
) -> Result<Vec<ClientEvent>, Error> {
    let mut events = Vec::new();
    let mut buf = vec![0u8; 64 * 1024];
    loop {
        while let Some(event) = client.poll_event() {
            let stop = until(&event);
            events.push(event);
            if stop {
                return Ok(events);
            }
        }
        let mut out = BytesMut::new();
        if client.poll_transmit(&mut out) > 0 {
            stream.write_all(&out).await?;
            stream.flush().await?;
            continue;
        }
        let n = stream.read(&mut buf).await?;
        if n == 0 {
            return Err(format!("connection closed; events: {events:?}").into());
        }
        client.handle_input(&buf[..n]);
    }
}
