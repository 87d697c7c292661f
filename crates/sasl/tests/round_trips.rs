//! Our client against our server, for every mechanism, over the generic loop.
// Helpers outside `#[test]` functions unwrap too: a panic here is a failed assertion.
#![allow(clippy::unwrap_used)]

use mailwire_core::Secret;
use mailwire_sasl::*;

/// A directory with one user, for the application's side of the server.
struct App {
    user: &'static str,
    password: &'static str,
    token: &'static str,
}

const APP: App = App {
    user: "tim",
    password: "tanstaaf",
    token: "ya29.good",
};

impl App {
    fn answer(&self, server: &mut ServerAuth, need: ServerNeed) -> ServerStep {
        match need {
            ServerNeed::CheckPassword {
                authzid,
                authcid,
                password,
            } => {
                if authcid == self.user
                    && password.expose() == self.password
                    && authzid.is_none_or(|z| z == "admin")
                {
                    server.accept().unwrap()
                } else {
                    server.reject().unwrap()
                }
            }
            ServerNeed::CramMd5Password { username } if username == self.user => server
                .provide_password(Secret::new(self.password.into()))
                .unwrap(),
            ServerNeed::ScramCredentials { username, .. } if username == self.user => {
                let hash = server.mechanism().scram_hash().unwrap();
                let creds = ScramCredentials::derive(hash, self.password, b"NaCl", 64).unwrap();
                server.provide_scram_credentials(creds).unwrap()
            }
            ServerNeed::ValidateToken { token, .. } if token.expose() == self.token => {
                server.accept().unwrap()
            }
            ServerNeed::AuthorizeExternal { authzid } if authzid.as_deref() != Some("root") => {
                server.accept().unwrap()
            }
            ServerNeed::AcceptAnonymous { .. } => server.accept().unwrap(),
            _ => server.reject().unwrap(),
        }
    }
}

/// Runs the exchange; `initial` says whether the protocol carries initial responses.
fn run(mut client: ClientAuth, config: ServerConfig, initial: bool) -> Result<Success, Failure> {
    let mut server = ServerAuth::new(client.mechanism(), config);
    let first = if initial {
        client.initial_response()
    } else {
        None
    };
    let mut step = server.step(first.as_deref()).unwrap();
    loop {
        step = match step {
            ServerStep::Challenge(c) => server.step(Some(&client.step(&c).unwrap())).unwrap(),
            ServerStep::Need(need) => APP.answer(&mut server, need),
            ServerStep::Success(s) => {
                client.finish(s.additional_data.as_deref()).unwrap();
                assert!(server.is_finished());
                return Ok(s);
            }
            ServerStep::Failure(f) => {
                assert!(server.is_finished());
                return Err(f);
            }
        };
    }
}

fn config() -> ServerConfig {
    ServerConfig::new("3rfcNHYJY1ZVvWVs7j", "mail.example.test").unwrap()
}

fn secret(s: &str) -> Secret<String> {
    Secret::new(s.to_owned())
}

fn clients(password: &str, token: &str) -> Vec<ClientAuth> {
    vec![
        ClientAuth::plain(None, "tim", secret(password)).unwrap(),
        ClientAuth::login("tim", secret(password)),
        ClientAuth::cram_md5("tim", secret(password)),
        ClientAuth::scram(ScramHash::Sha1, None, "tim", secret(password), "cnonce").unwrap(),
        ClientAuth::scram(ScramHash::Sha256, None, "tim", secret(password), "cnonce").unwrap(),
        ClientAuth::xoauth2("tim", secret(token)).unwrap(),
        ClientAuth::oauthbearer(None, secret(token), Some("mail.example.test"), Some(2143))
            .unwrap(),
    ]
}

#[test]
fn every_mechanism_succeeds_with_and_without_initial_response() {
    for initial in [true, false] {
        for success_as_challenge in [true, false] {
            for client in clients("tanstaaf", "ya29.good") {
                let m = client.mechanism();
                let config = config().with_success_data_as_challenge(success_as_challenge);
                let success = run(client, config, initial).unwrap_or_else(|f| panic!("{m}: {f:?}"));
                let expected = if matches!(m, Mechanism::XOAuth2 | Mechanism::OAuthBearer) {
                    None
                } else {
                    Some("tim")
                };
                assert_eq!(success.authcid.as_deref(), expected, "{m}");
                if m == Mechanism::XOAuth2 {
                    assert_eq!(success.identity(), Some("tim"));
                }
                let scram_data = m.scram_hash().is_some() && !success_as_challenge;
                assert_eq!(success.additional_data.is_some(), scram_data, "{m}");
            }
        }
        for client in [
            ClientAuth::external(None),
            ClientAuth::anonymous(Some("sirhc@example.com")).unwrap(),
        ] {
            let m = client.mechanism();
            run(client, config(), initial).unwrap_or_else(|f| panic!("{m}: {f:?}"));
        }
    }
}

#[test]
fn every_mechanism_fails_with_wrong_credentials() {
    for initial in [true, false] {
        for client in clients("wrong", "ya29.bad") {
            let m = client.mechanism();
            let expected = match m {
                Mechanism::CramMd5 | Mechanism::ScramSha1 | Mechanism::ScramSha256 => {
                    Failure::InvalidProof
                }
                _ => Failure::Rejected,
            };
            assert_eq!(run(client, config(), initial), Err(expected), "{m}");
        }
        assert_eq!(
            run(ClientAuth::external(Some("root")), config(), initial),
            Err(Failure::Rejected)
        );
    }
}

#[test]
fn unknown_users_are_rejected() {
    let unknown = vec![
        ClientAuth::cram_md5("nobody", secret("tanstaaf")),
        ClientAuth::scram(
            ScramHash::Sha256,
            None,
            "nobody",
            secret("tanstaaf"),
            "cnonce",
        )
        .unwrap(),
        ClientAuth::plain(None, "nobody", secret("tanstaaf")).unwrap(),
    ];
    for client in unknown {
        assert_eq!(run(client, config(), true), Err(Failure::Rejected));
    }
}

#[test]
fn authorization_identities_reach_the_application() {
    let ok = ClientAuth::plain(Some("admin"), "tim", secret("tanstaaf")).unwrap();
    assert_eq!(run(ok, config(), true).unwrap().identity(), Some("admin"));
    let denied = ClientAuth::plain(Some("root"), "tim", secret("tanstaaf")).unwrap();
    assert_eq!(run(denied, config(), true), Err(Failure::Rejected));

    let scram = ClientAuth::scram(
        ScramHash::Sha256,
        Some("ad,min"),
        "tim",
        secret("tanstaaf"),
        "n",
    )
    .unwrap();
    let success = run(scram, config(), true).unwrap();
    assert_eq!(
        (success.authcid.as_deref(), success.authzid.as_deref()),
        (Some("tim"), Some("ad,min"))
    );

    let bearer =
        ClientAuth::oauthbearer(Some("tim@example.com"), secret("ya29.good"), None, None).unwrap();
    assert_eq!(
        run(bearer, config(), true).unwrap().identity(),
        Some("tim@example.com")
    );

    let external = ClientAuth::external(Some("admin"));
    assert_eq!(
        run(external, config(), true).unwrap().authzid.as_deref(),
        Some("admin")
    );
}

#[test]
fn token_rejection_runs_the_error_round() {
    for client in [
        ClientAuth::xoauth2("tim", secret("ya29.bad")).unwrap(),
        ClientAuth::oauthbearer(None, secret("ya29.bad"), None, None).unwrap(),
    ] {
        let m = client.mechanism();
        let mut client = client;
        let mut server = ServerAuth::new(m, config());
        let ServerStep::Need(need) = server.step(client.initial_response().as_deref()).unwrap()
        else {
            panic!()
        };
        let ServerStep::Challenge(error) = APP.answer(&mut server, need) else {
            panic!("{m}: error challenge")
        };
        let ack = client.step(&error).unwrap();
        assert_eq!(
            ack,
            if m == Mechanism::OAuthBearer {
                vec![1]
            } else {
                vec![]
            }
        );
        assert_eq!(client.server_error(), Some(&error[..]));
        assert_eq!(
            server.step(Some(&ack)).unwrap(),
            ServerStep::Failure(Failure::Rejected)
        );
    }
}

#[test]
fn a_server_that_fakes_scram_success_is_caught() {
    let mut client =
        ClientAuth::scram(ScramHash::Sha256, None, "tim", secret("tanstaaf"), "n").unwrap();
    let mut server = ServerAuth::new(Mechanism::ScramSha256, config());
    server.step(client.initial_response().as_deref()).unwrap();
    // The impostor knows the salt and count but not the keys of the real password.
    let creds = ScramCredentials::derive(ScramHash::Sha256, "other", b"NaCl", 64).unwrap();
    let ServerStep::Challenge(first) = server.provide_scram_credentials(creds).unwrap() else {
        panic!()
    };
    let client_final = client.step(&first).unwrap();
    assert_eq!(
        server.step(Some(&client_final)).unwrap(),
        ServerStep::Failure(Failure::InvalidProof)
    );
    assert_eq!(
        client.finish(Some(b"v=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=")),
        Err(SaslError::ServerSignatureMismatch)
    );
}
