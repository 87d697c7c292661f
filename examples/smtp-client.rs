//! smtp-client: sends a message file with mailwire-smtp's sans-IO client and prints the
//! server's replies.
//!
//! ```text
//! cargo run --example smtp-client --features smtp,sasl,core -- --server 127.0.0.1:2525 \
//!     --starttls --insecure --auth alice:secret --from a@example.test --to b@example.test msg.eml
//! ```
//!
//! TLS (`--starttls`, or `--tls` from the first byte) checks the server's certificate against
//! `--ca FILE`; `--insecure` skips the check, for test servers with self-signed certificates.

use std::collections::hash_map::RandomState;
use std::hash::BuildHasher;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Instant;

use bytes::{Bytes, BytesMut};
use clap::Parser;
use mailwire::core::Secret;
use mailwire::sasl::{ClientAuth, Mechanism, ScramHash};
use mailwire::smtp::client::{Client, ClientOptions, Envelope, Event, StartTls};
use rustls::client::danger::{HandshakeSignatureValid, ServerCertVerified, ServerCertVerifier};
use rustls::crypto::CryptoProvider;
use rustls::pki_types::pem::PemObject;
use rustls::pki_types::{CertificateDer, ServerName, UnixTime};
use rustls::{DigitallySignedStruct, SignatureScheme};
use tokio::io::{AsyncRead, AsyncReadExt, AsyncWrite, AsyncWriteExt};
use tokio::net::TcpStream;
use tokio_rustls::TlsConnector;

/// Sends one message over SMTP and prints the server's replies.
#[derive(Debug, Parser)]
#[command(version)]
struct Args {
    /// The server, HOST:PORT.
    #[arg(long)]
    server: String,
    /// Upgrade to TLS with STARTTLS (required).
    #[arg(long, conflicts_with = "tls")]
    starttls: bool,
    /// TLS from the first byte (port 465 style).
    #[arg(long)]
    tls: bool,
    /// Trust this PEM certificate (or CA) for TLS.
    #[arg(long, value_name = "FILE")]
    ca: Option<PathBuf>,
    /// Do not check the server's certificate.
    #[arg(long)]
    insecure: bool,
    /// Authenticate as USER:PASSWORD with the strongest mechanism the server offers.
    #[arg(long, value_name = "USER:PASSWORD")]
    auth: Option<String>,
    /// The envelope sender (empty for the null path).
    #[arg(long)]
    from: String,
    /// An envelope recipient (repeatable).
    #[arg(long = "to", required = true)]
    to: Vec<String>,
    /// The name to give in EHLO.
    #[arg(long, default_value = "localhost")]
    hello: String,
    /// The message file (RFC 5322), `-` for standard input. Lines may end in LF or CRLF; they
    /// are sent with CRLF.
    message: PathBuf,
}

trait Io: AsyncRead + AsyncWrite + Unpin + Send {}
impl<T: AsyncRead + AsyncWrite + Unpin + Send> Io for T {}

/// Accepts any certificate: for `--insecure` only.
#[derive(Debug)]
struct NoVerification(Arc<CryptoProvider>);

impl ServerCertVerifier for NoVerification {
    fn verify_server_cert(
        &self,
        _end_entity: &CertificateDer<'_>,
        _intermediates: &[CertificateDer<'_>],
        _server_name: &ServerName<'_>,
        _ocsp_response: &[u8],
        _now: UnixTime,
    ) -> Result<ServerCertVerified, rustls::Error> {
        Ok(ServerCertVerified::assertion())
    }

    fn verify_tls12_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, rustls::Error> {
        rustls::crypto::verify_tls12_signature(
            message,
            cert,
            dss,
            &self.0.signature_verification_algorithms,
        )
    }

    fn verify_tls13_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, rustls::Error> {
        rustls::crypto::verify_tls13_signature(
            message,
            cert,
            dss,
            &self.0.signature_verification_algorithms,
        )
    }

    fn supported_verify_schemes(&self) -> Vec<SignatureScheme> {
        self.0.signature_verification_algorithms.supported_schemes()
    }
}

fn tls_connector(args: &Args) -> Result<TlsConnector, Box<dyn std::error::Error>> {
    let provider = Arc::new(rustls::crypto::ring::default_provider());
    let builder = rustls::ClientConfig::builder_with_provider(provider.clone())
        .with_safe_default_protocol_versions()?;
    let config = if args.insecure {
        builder
            .dangerous()
            .with_custom_certificate_verifier(Arc::new(NoVerification(provider)))
            .with_no_client_auth()
    } else {
        let path = args
            .ca
            .as_ref()
            .ok_or("TLS needs --ca FILE or --insecure")?;
        let mut roots = rustls::RootCertStore::empty();
        for cert in CertificateDer::pem_file_iter(path)? {
            roots.add(cert?)?;
        }
        builder.with_root_certificates(roots).with_no_client_auth()
    };
    Ok(TlsConnector::from(Arc::new(config)))
}

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args = Args::parse();
    let message = if args.message.as_os_str() == "-" {
        let mut data = Vec::new();
        tokio::io::stdin().read_to_end(&mut data).await?;
        data
    } else {
        std::fs::read(&args.message)?
    };
    let message = crlf_line_endings(&message);
    let from = format!("<{}>", args.from);
    let to: Vec<String> = args.to.iter().map(|t| format!("<{t}>")).collect();
    let envelope = Envelope::new(&from, to.iter().map(String::as_str))?;
    let host = args
        .server
        .rsplit_once(':')
        .map_or(&*args.server, |(h, _)| h)
        .to_owned();
    let server_name = ServerName::try_from(host)?;
    let use_tls = args.tls || args.starttls;
    let connector = if use_tls {
        Some(tls_connector(&args)?)
    } else {
        None
    };
    let options = ClientOptions {
        hello: mailwire::smtp::address::Host::parse(&args.hello)?.into_owned(),
        implicit_tls: args.tls,
        starttls: if args.starttls {
            StartTls::Required
        } else {
            StartTls::Never
        },
        report_replies: true,
        ..ClientOptions::default()
    };
    let tcp = TcpStream::connect(&args.server).await?;
    let (mut plain, mut tls): (Option<TcpStream>, Option<Box<dyn Io>>) = match &connector {
        Some(c) if args.tls => (
            None,
            Some(Box::new(c.connect(server_name.clone(), tcp).await?)),
        ),
        _ => (Some(tcp), None),
    };
    let message = Bytes::from(message);
    let random = RandomState::new();
    let mut client = Client::new(options);
    let mut envelope = Some(envelope);
    let mut auth_pending = args.auth.clone();
    let mut failed = false;
    let mut buf = vec![0u8; 16 * 1024];
    let mut out = BytesMut::new();
    loop {
        let mut starttls = false;
        while let Some(event) = client.poll_event() {
            match event {
                Event::Reply(reply) => print!("S: {reply}"),
                Event::Ready(_) | Event::Authenticated => {
                    if let Some(spec) = auth_pending.take() {
                        let (user, password) =
                            spec.split_once(':').ok_or("--auth USER:PASSWORD")?;
                        let allowed = [
                            Mechanism::ScramSha256,
                            Mechanism::CramMd5,
                            Mechanism::Plain,
                            Mechanism::Login,
                        ];
                        let mechanism = client
                            .choose_mechanism(&allowed)
                            .ok_or("no usable AUTH mechanism offered")?;
                        let password = Secret::new(password.to_owned());
                        // SipHash under the process's random keys: an unpredictable nonce.
                        let nonce =
                            format!("{:016x}{:016x}", random.hash_one(1u8), random.hash_one(2u8));
                        let auth = match mechanism {
                            Mechanism::ScramSha256 => {
                                ClientAuth::scram(ScramHash::Sha256, None, user, password, &nonce)?
                            }
                            Mechanism::CramMd5 => ClientAuth::cram_md5(user, password),
                            Mechanism::Plain => ClientAuth::plain(None, user, password)?,
                            _ => ClientAuth::login(user, password),
                        };
                        println!("C: AUTH {}", mechanism.name());
                        client.authenticate(auth)?;
                    } else if let Some(envelope) = envelope.take() {
                        client.send(envelope, message.clone())?;
                    } else {
                        client.quit()?;
                    }
                }
                Event::AuthFailed(_) | Event::AuthError(_) => {
                    eprintln!("authentication failed");
                    failed = true;
                    client.quit()?;
                }
                Event::Sent(result) => {
                    for r in &result.recipients {
                        println!(
                            "{}: {}",
                            r.to,
                            if r.delivered() { "delivered" } else { "failed" }
                        );
                        failed |= !r.delivered();
                    }
                    client.quit()?;
                }
                Event::StartTls => starttls = true,
                Event::Closed(Some(e)) => {
                    eprintln!("session failed: {e}");
                    failed = true;
                }
                _ => {}
            }
        }
        client.poll_transmit(&mut out);
        if !out.is_empty() {
            match (&mut tls, &mut plain) {
                (Some(io), _) => io.write_all(&out).await?,
                (None, Some(tcp)) => tcp.write_all(&out).await?,
                (None, None) => return Err("no transport".into()),
            }
            out.clear();
        }
        if client.is_closed() {
            break;
        }
        if starttls {
            let tcp = plain.take().ok_or("STARTTLS twice")?;
            let connector = connector.as_ref().ok_or("no TLS configuration")?;
            tls = Some(Box::new(connector.connect(server_name.clone(), tcp).await?));
            client.tls_established()?;
            continue;
        }
        client.handle_timeout(Instant::now());
        let read = async {
            match (&mut tls, &mut plain) {
                (Some(io), _) => io.read(&mut buf).await,
                (None, Some(tcp)) => tcp.read(&mut buf).await,
                (None, None) => Ok(0),
            }
        };
        let n = match client.poll_timeout() {
            Some(deadline) => tokio::select! {
                n = read => n?,
                () = tokio::time::sleep_until(deadline.into()) => {
                    client.handle_timeout(Instant::now());
                    continue;
                }
            },
            None => read.await?,
        };
        if n == 0 {
            return Err("server closed the connection".into());
        }
        client.handle_input(&buf[..n]);
    }
    if failed {
        std::process::exit(1);
    }
    Ok(())
}

/// The message with every line ending as CRLF: a file written with LF endings would otherwise
/// carry bare LFs, which SMTP servers refuse (SMTP smuggling defence).
fn crlf_line_endings(message: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(message.len() + message.len() / 32);
    for (i, &b) in message.iter().enumerate() {
        if b == b'\n' && (i == 0 || message[i - 1] != b'\r') {
            out.push(b'\r');
        }
        if b == b'\r' && message.get(i + 1) != Some(&b'\n') {
            out.extend_from_slice(b"\r\n");
            continue;
        }
        out.push(b);
    }
    out
}
