//! The application side of a server session, shared by the server and client tests.

use mailwire_sasl::{ScramCredentials, ScramHash, ServerConfig, ServerNeed};
use mailwire_smtp::address::ForwardPath;
use mailwire_smtp::reply::{EnhancedCode, Reply, ReplyCode};
use mailwire_smtp::server::{Event, Server};

/// What the application saw and what the server wrote.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Transcript {
    pub output: String,
    pub events: Vec<String>,
    pub messages: Vec<Vec<u8>>,
}

/// The application: accepts everything except recipients whose local part starts with `bad`;
/// knows user `alice` with password `secret`.
pub fn answer(server: &mut Server, event: Event, t: &mut Transcript) {
    match &event {
        Event::MessageData(_) => {}
        other => t.events.push(format!("{other:?}")),
    }
    match event {
        Event::Rcpt { to, .. } => {
            let bad =
                matches!(&to, ForwardPath::Mailbox(m) if m.local_part.as_wire().starts_with("bad"));
            if bad {
                server
                    .reject(Reply::new(
                        ReplyCode::MAILBOX_UNAVAILABLE,
                        EnhancedCode::new(5, 1, 1),
                        "No such user",
                    ))
                    .unwrap();
            } else {
                server.accept().unwrap();
            }
        }
        Event::MessageStart => t.messages.push(Vec::new()),
        Event::MessageData(data) => t.messages.last_mut().unwrap().extend_from_slice(&data),
        Event::Hello { .. }
        | Event::Mail { .. }
        | Event::MessageEnd { .. }
        | Event::Verify { .. } => {
            server.accept().unwrap();
        }
        Event::AuthStart { .. } => server
            .start_auth(ServerConfig::new("servernonce", "mx.example.test").unwrap())
            .unwrap(),
        Event::AuthNeed(need) => {
            let known = |user: &str| user == "alice";
            match need {
                ServerNeed::CheckPassword {
                    authcid, password, ..
                } => {
                    let ok = known(&authcid) && password.expose() == "secret";
                    server
                        .answer_auth(|a| if ok { a.accept() } else { a.reject() })
                        .unwrap();
                }
                ServerNeed::CramMd5Password { username } if known(&username) => server
                    .answer_auth(|a| a.provide_password("secret".to_owned().into()))
                    .unwrap(),
                ServerNeed::ScramCredentials { username, .. } if known(&username) => {
                    let creds =
                        ScramCredentials::derive(ScramHash::Sha256, "secret", b"salt", 4096)
                            .unwrap();
                    server
                        .answer_auth(|a| a.provide_scram_credentials(creds))
                        .unwrap();
                }
                _ => server.answer_auth(|a| a.reject()).unwrap(),
            }
        }
        _ => {}
    }
}
