//! Properties: the server survives any client input, and our client and server agree for any
//! credentials.
// Helpers outside `#[test]` functions unwrap too: a panic here is a failed assertion.
#![allow(clippy::unwrap_used)]

use mailwire_core::Secret;
use mailwire_sasl::*;
use proptest::prelude::*;

fn config() -> ServerConfig {
    ServerConfig::new("SNONCE", "h").unwrap()
}

/// Answers whatever the server needs, choosing the answer with `choice` (wrong answers are
/// allowed: they must be refused as misuse, not crash).
fn answer(server: &mut ServerAuth, choice: u8) -> Result<ServerStep, SaslError> {
    let hash = server.mechanism().scram_hash().unwrap_or(ScramHash::Sha1);
    match choice % 7 {
        0 => server.accept(),
        1 => server.reject(),
        2 => server.provide_password(Secret::new("pencil".into())),
        3 => server.provide_scram_credentials(
            ScramCredentials::derive(hash, "pencil", b"salt", 1).unwrap(),
        ),
        4 => server.reject_token(b"{}".to_vec()),
        5 => Ok(server.cancel()),
        _ => server.step(Some(b"")),
    }
}

/// Feeds `first` then `rest` to a server of `m`, answering needs along the way, and checks the
/// state invariants at every step.
fn drive(m: Mechanism, first: Option<Vec<u8>>, rest: &[Vec<u8>], choices: &[u8]) {
    let mut server = ServerAuth::new(m, config());
    let mut result = server.step(first.as_deref());
    let mut inputs = rest.iter();
    let mut choices = choices.iter().copied().cycle();
    for _ in 0..16 {
        result = match result {
            Ok(ServerStep::Challenge(_)) => match inputs.next() {
                Some(input) => server.step(Some(input)),
                None => return,
            },
            Ok(ServerStep::Need(_)) => answer(&mut server, choices.next().unwrap_or(0)),
            Ok(ServerStep::Success(_) | ServerStep::Failure(_)) => {
                assert!(server.is_finished());
                return;
            }
            Err(SaslError::Misuse(_)) => {
                if server.is_finished() {
                    return;
                }
                answer(&mut server, choices.next().unwrap_or(0))
            }
            Err(_) => {
                assert!(server.is_finished(), "a peer fault ends the exchange");
                return;
            }
        };
    }
}

fn message() -> impl Strategy<Value = Vec<u8>> {
    prop_oneof![
        proptest::collection::vec(any::<u8>(), 0..64),
        "[ny],(a=[a-z=,2CD]{0,5})?,n=[a-z=,2CD]{0,5},r=[!-~]{0,6}(,[a-z]=[!-~]{0,4}){0,2}".prop_map(String::into_bytes),
        "c=(biws|[A-Za-z0-9+/=]{0,8}),r=[!-~]{0,8}(,p=[A-Za-z0-9+/=]{0,44})?".prop_map(String::into_bytes),
        "[a-z]{0,4}\u{0}[a-z]{0,4}\u{0}[a-z]{0,4}".prop_map(String::into_bytes),
        "(user=[a-z@]{0,5}\u{1})?(auth=[Bb]earer +[a-z0-9=]{0,5}\u{1})?\u{1}?".prop_map(String::into_bytes),
        "[ny],(a=[a-z]{1,3})?,\u{1}(host=[a-z]{0,3}\u{1})?(port=[0-9]{0,6}\u{1})?(auth=Bearer [a-z]{0,3}\u{1})?\u{1}?"
            .prop_map(String::into_bytes),
        "[a-z ]{0,8} [0-9a-fA-F]{30,34}".prop_map(String::into_bytes),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    #[test]
    fn server_never_panics(
        mech in 0..Mechanism::ALL.len(),
        first in proptest::option::of(message()),
        rest in proptest::collection::vec(message(), 0..4),
        choices in proptest::collection::vec(any::<u8>(), 1..4),
    ) {
        drive(Mechanism::ALL[mech], first, &rest, &choices);
    }
}

/// The server loop for the success properties; the application accepts `authcid`/`password`.
fn run(mut client: ClientAuth, authcid: &str, password: &str) -> Result<Success, Failure> {
    let mut server = ServerAuth::new(client.mechanism(), config());
    let mut step = server.step(client.initial_response().as_deref()).unwrap();
    loop {
        step = match step {
            ServerStep::Challenge(c) => server.step(Some(&client.step(&c).unwrap())).unwrap(),
            ServerStep::Need(ServerNeed::CheckPassword {
                authcid: a,
                password: p,
                ..
            }) => {
                if a == authcid && p.expose() == password {
                    server.accept().unwrap()
                } else {
                    server.reject().unwrap()
                }
            }
            ServerStep::Need(ServerNeed::CramMd5Password { username }) => {
                assert_eq!(username, authcid);
                server
                    .provide_password(Secret::new(password.to_owned()))
                    .unwrap()
            }
            ServerStep::Need(ServerNeed::ScramCredentials { username, .. }) => {
                assert_eq!(username, authcid);
                let hash = server.mechanism().scram_hash().unwrap();
                server
                    .provide_scram_credentials(
                        ScramCredentials::derive(hash, password, b"salt", 2).unwrap(),
                    )
                    .unwrap()
            }
            ServerStep::Need(ServerNeed::ValidateToken { token, .. }) => {
                assert_eq!(token.expose(), password);
                server.accept().unwrap()
            }
            ServerStep::Need(_) => server.accept().unwrap(),
            ServerStep::Success(s) => {
                client.finish(s.additional_data.as_deref()).unwrap();
                return Ok(s);
            }
            ServerStep::Failure(f) => return Err(f),
        };
    }
}

fn secret(s: &str) -> Secret<String> {
    Secret::new(s.to_owned())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn plain_login_cram_md5_agree(user in "[^\u{0}]{1,24}", password in "[^\u{0}]{1,24}", authzid in proptest::option::of("[^\u{0}]{1,8}")) {
        let success = run(ClientAuth::plain(authzid.as_deref(), &user, secret(&password)).unwrap(), &user, &password).unwrap();
        prop_assert_eq!(success.authzid, authzid);
        prop_assert_eq!(success.authcid.as_deref(), Some(user.as_str()));
        let success = run(ClientAuth::login(&user, secret(&password)), &user, &password).unwrap();
        prop_assert_eq!(success.authcid.as_deref(), Some(user.as_str()));
        let success = run(ClientAuth::cram_md5(&user, secret(&password)), &user, &password).unwrap();
        prop_assert_eq!(success.authcid.as_deref(), Some(user.as_str()));
    }

    #[test]
    fn scram_agrees(
        user in "[ -~\u{a0}\u{e9}\u{20ac}\u{4e2d}]{1,16}",
        password in "[ -~\u{a0}\u{e9}\u{20ac}\u{4e2d}]{0,16}",
        authzid in proptest::option::of("[ -~\u{e9}]{1,8}"),
        nonce in "[!-+--~]{1,24}",
        sha256 in any::<bool>(),
    ) {
        let hash = if sha256 { ScramHash::Sha256 } else { ScramHash::Sha1 };
        let prepared = user.replace('\u{a0}', " ");
        let client = ClientAuth::scram(hash, authzid.as_deref(), &user, secret(&password), &nonce).unwrap();
        let success = run(client, &prepared, &password).unwrap();
        prop_assert_eq!(success.authcid.as_deref(), Some(prepared.as_str()));
        prop_assert_eq!(success.authzid, authzid);
        prop_assert!(success.additional_data.unwrap().starts_with(b"v="));
    }

    #[test]
    fn token_mechanisms_agree(
        user in "[^\u{1}]{1,16}",
        token in "[A-Za-z0-9._~+/-]{1,32}={0,2}",
        host in proptest::option::of("[!-~]{1,16}"),
        port in proptest::option::of(any::<u16>()),
    ) {
        let success = run(ClientAuth::xoauth2(&user, secret(&token)).unwrap(), "", &token).unwrap();
        prop_assert_eq!(success.identity(), Some(user.as_str()));
        let client = ClientAuth::oauthbearer(Some(&user), secret(&token), host.as_deref(), port).unwrap();
        let success = run(client, "", &token).unwrap();
        prop_assert_eq!(success.identity(), Some(user.as_str()));
    }

    #[test]
    fn external_and_anonymous_agree(authzid in proptest::option::of(".{1,16}"), trace in proptest::option::of(".{1,255}")) {
        let success = run(ClientAuth::external(authzid.as_deref()), "", "").unwrap();
        prop_assert_eq!(success.authzid, authzid);
        let mut server = ServerAuth::new(Mechanism::Anonymous, config());
        let mut client = ClientAuth::anonymous(trace.as_deref()).unwrap();
        let step = server.step(client.initial_response().as_deref()).unwrap();
        prop_assert_eq!(step, ServerStep::Need(ServerNeed::AcceptAnonymous { trace }));
    }
}
