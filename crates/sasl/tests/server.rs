//! The server side, mechanism by mechanism: needs, answers, malformed input, cancel, misuse.
// Helpers outside `#[test]` functions unwrap too: a panic here is a failed assertion.
#![allow(clippy::unwrap_used)]

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD as BASE64;
use mailwire_core::Secret;
use mailwire_sasl::*;

fn secret(s: &str) -> Secret<String> {
    Secret::new(s.to_owned())
}

fn server(m: Mechanism) -> ServerAuth {
    ServerAuth::new(m, ServerConfig::new("SNONCE", "mail.example.test").unwrap())
}

fn malformed(mechanism: Mechanism, reason: &'static str) -> SaslError {
    SaslError::Malformed { mechanism, reason }
}

fn rejected_after_error(err: SaslError, mut s: ServerAuth) {
    assert!(err.is_peer_fault());
    assert!(s.is_finished());
    assert_eq!(s.step(Some(b"x")), Err(SaslError::Misuse(Misuse::Finished)));
}

#[test]
fn plain_with_initial_response() {
    let mut s = server(Mechanism::Plain);
    let step = s.step(Some(b"\0tim\0tanstaaftanstaaf")).unwrap();
    assert_eq!(
        step,
        ServerStep::Need(ServerNeed::CheckPassword {
            authzid: None,
            authcid: "tim".into(),
            password: secret("tanstaaftanstaaf"),
        })
    );
    assert!(!s.is_finished());
    let ServerStep::Success(success) = s.accept().unwrap() else {
        panic!()
    };
    assert_eq!(success.authcid.as_deref(), Some("tim"));
    assert_eq!(success.authzid, None);
    assert_eq!(success.additional_data, None);
    assert_eq!(success.identity(), Some("tim"));
    assert!(s.is_finished());
    assert_eq!(s.accept(), Err(SaslError::Misuse(Misuse::Finished)));
}

#[test]
fn plain_without_initial_response_and_authzid() {
    let mut s = server(Mechanism::Plain);
    assert_eq!(s.step(None).unwrap(), ServerStep::Challenge(Vec::new()));
    assert!(matches!(
        s.step(Some(b"admin\0tim\0pw")).unwrap(),
        ServerStep::Need(_)
    ));
    let ServerStep::Success(success) = s.accept().unwrap() else {
        panic!()
    };
    assert_eq!(success.identity(), Some("admin"));
    assert_eq!(success.authcid.as_deref(), Some("tim"));
}

#[test]
fn plain_rejected_and_malformed() {
    let mut s = server(Mechanism::Plain);
    s.step(Some(b"\0tim\0wrong")).unwrap();
    assert_eq!(s.reject().unwrap(), ServerStep::Failure(Failure::Rejected));
    assert!(s.is_finished());

    let mut s = server(Mechanism::Plain);
    let err = s.step(Some(b"tim\0pw")).unwrap_err();
    assert_eq!(
        err,
        malformed(Mechanism::Plain, "expected exactly two NUL separators")
    );
    rejected_after_error(err, s);
}

#[test]
fn login_two_rounds() {
    let mut s = server(Mechanism::Login);
    assert_eq!(
        s.step(None).unwrap(),
        ServerStep::Challenge(b"Username:".to_vec())
    );
    assert_eq!(
        s.step(Some(b"tim")).unwrap(),
        ServerStep::Challenge(b"Password:".to_vec())
    );
    assert_eq!(
        s.step(Some(b"tanstaaf")).unwrap(),
        ServerStep::Need(ServerNeed::CheckPassword {
            authzid: None,
            authcid: "tim".into(),
            password: secret("tanstaaf")
        })
    );
    let ServerStep::Success(success) = s.accept().unwrap() else {
        panic!()
    };
    assert_eq!(success.identity(), Some("tim"));
}

#[test]
fn login_with_initial_username_or_empty_initial_response() {
    let mut s = server(Mechanism::Login);
    assert_eq!(
        s.step(Some(b"tim")).unwrap(),
        ServerStep::Challenge(b"Password:".to_vec())
    );
    assert!(matches!(
        s.step(Some(b"pw")).unwrap(),
        ServerStep::Need(ServerNeed::CheckPassword { .. })
    ));
    assert_eq!(s.reject().unwrap(), ServerStep::Failure(Failure::Rejected));

    let mut s = server(Mechanism::Login);
    assert_eq!(
        s.step(Some(b"")).unwrap(),
        ServerStep::Challenge(b"Username:".to_vec())
    );
}

#[test]
fn login_malformed() {
    let m = Mechanism::Login;
    let mut s = server(m);
    s.step(None).unwrap();
    let err = s.step(Some(b"")).unwrap_err();
    assert_eq!(err, malformed(m, "empty username"));
    rejected_after_error(err, s);

    let mut s = server(m);
    s.step(None).unwrap();
    let err = s.step(Some(b"\xff")).unwrap_err();
    assert_eq!(
        err,
        SaslError::InvalidUtf8 {
            mechanism: m,
            field: "username"
        }
    );

    let mut s = server(m);
    s.step(Some(b"tim")).unwrap();
    assert_eq!(
        s.step(Some(b"")).unwrap_err(),
        malformed(m, "empty password")
    );

    let mut s = server(m);
    s.step(Some(b"tim")).unwrap();
    assert_eq!(
        s.step(Some(b"\xc3")).unwrap_err(),
        SaslError::InvalidUtf8 {
            mechanism: m,
            field: "password"
        }
    );
}

#[test]
fn cancel_at_every_point() {
    let mut s = server(Mechanism::Login);
    s.step(None).unwrap();
    assert_eq!(s.cancel(), ServerStep::Failure(Failure::Cancelled));
    assert!(s.is_finished());
    assert_eq!(
        s.step(Some(b"tim")),
        Err(SaslError::Misuse(Misuse::Finished))
    );

    let mut s = server(Mechanism::Plain);
    s.step(Some(b"\0a\0b")).unwrap();
    assert_eq!(s.cancel(), ServerStep::Failure(Failure::Cancelled));
    assert_eq!(s.accept(), Err(SaslError::Misuse(Misuse::Finished)));

    let mut s = server(Mechanism::ScramSha256);
    assert_eq!(s.cancel(), ServerStep::Failure(Failure::Cancelled));
}

#[test]
fn misuse_leaves_the_exchange_as_it_was() {
    let mut s = server(Mechanism::Plain);
    assert_eq!(s.accept(), Err(SaslError::Misuse(Misuse::NoPendingNeed)));
    assert_eq!(s.reject(), Err(SaslError::Misuse(Misuse::NoPendingNeed)));
    s.step(None).unwrap();
    assert_eq!(
        s.step(None),
        Err(SaslError::Misuse(Misuse::MissingResponse))
    );
    s.step(Some(b"\0a\0b")).unwrap();
    assert_eq!(
        s.step(Some(b"x")),
        Err(SaslError::Misuse(Misuse::AnswerPending))
    );
    assert_eq!(
        s.provide_password(secret("b")),
        Err(SaslError::Misuse(Misuse::WrongAnswer))
    );
    assert_eq!(
        s.reject_token(b"{}".to_vec()),
        Err(SaslError::Misuse(Misuse::WrongAnswer))
    );
    let creds = ScramCredentials::derive(ScramHash::Sha1, "b", b"salt", 1).unwrap();
    assert_eq!(
        s.provide_scram_credentials(creds),
        Err(SaslError::Misuse(Misuse::WrongAnswer))
    );
    assert!(!SaslError::Misuse(Misuse::WrongAnswer).is_peer_fault());
    assert!(matches!(s.accept().unwrap(), ServerStep::Success(_)));
}

#[test]
fn cram_md5_wrong_password_unknown_user_and_malformed() {
    let m = Mechanism::CramMd5;
    let mut s = server(m);
    let ServerStep::Challenge(challenge) = s.step(None).unwrap() else {
        panic!()
    };
    assert_eq!(challenge, b"<SNONCE@mail.example.test>");
    let mut client = ClientAuth::cram_md5("tim", secret("right"));
    let response = client.step(&challenge).unwrap();
    s.step(Some(&response)).unwrap();
    assert_eq!(
        s.provide_password(secret("wrong")).unwrap(),
        ServerStep::Failure(Failure::InvalidProof)
    );

    let mut s = server(m);
    s.step(None).unwrap();
    s.step(Some(&response)).unwrap();
    assert_eq!(s.accept(), Err(SaslError::Misuse(Misuse::WrongAnswer)));
    assert_eq!(s.reject().unwrap(), ServerStep::Failure(Failure::Rejected));

    let mut s = server(m);
    assert_eq!(
        s.step(Some(b"tim 00")),
        Err(SaslError::UnexpectedInitialResponse(m))
    );
    assert!(s.is_finished());

    let mut s = server(m);
    s.step(None).unwrap();
    assert_eq!(
        s.step(Some(b"tim")).unwrap_err(),
        malformed(m, "no space between username and digest")
    );
}

const CLIENT_NONCE: &str = "fyko+d2lbbFgONRv9qkxdawL";

fn scram_to_final(m: Mechanism, client_first: &[u8]) -> (ServerAuth, String) {
    let mut s = server(m);
    s.step(Some(client_first)).unwrap();
    let creds = ScramCredentials::derive(m.scram_hash().unwrap(), "pencil", b"salt", 16).unwrap();
    let ServerStep::Challenge(first) = s.provide_scram_credentials(creds).unwrap() else {
        panic!()
    };
    (s, String::from_utf8(first).unwrap())
}

#[test]
fn scram_authzid_and_escaped_username() {
    let m = Mechanism::ScramSha1;
    let mut s = server(m);
    assert_eq!(
        s.step(Some(
            format!("y,a=ad=2Cmin,n=us=3Der,r={CLIENT_NONCE},x=ext").as_bytes()
        ))
        .unwrap(),
        ServerStep::Need(ServerNeed::ScramCredentials {
            authzid: Some("ad,min".into()),
            username: "us=er".into(),
        })
    );
    assert_eq!(s.reject().unwrap(), ServerStep::Failure(Failure::Rejected));
}

#[test]
fn scram_client_first_malformed() {
    let m = Mechanism::ScramSha256;
    let cases: Vec<(&[u8], SaslError)> = vec![
        (
            b"p=tls-unique,,n=user,r=abc",
            SaslError::ChannelBindingNotSupported,
        ),
        (b"n,,m=ext,n=user,r=abc", SaslError::UnsupportedExtension),
        (
            b"n,,r=abc,n=user",
            malformed(m, "client-first-message does not start with n="),
        ),
        (b"n,,n=user", malformed(m, "missing client nonce")),
        (b"n,,n=user,s=abc", malformed(m, "missing client nonce")),
        (b"n,,n=user,r=", malformed(m, "invalid client nonce")),
        (b"n,,n=user,r=a\x7fb", malformed(m, "invalid client nonce")),
        (b"n,,n=,r=abc", malformed(m, "empty username")),
        (
            b"n,,n=u=2x,r=abc",
            malformed(m, "invalid escape in saslname"),
        ),
        (b"n,,n=user,r=abc,", malformed(m, "invalid attribute")),
        (b"n,,n=user,r=abc,xx=1", malformed(m, "invalid attribute")),
        (b"n,,=user,r=abc", malformed(m, "invalid attribute")),
        (
            b"n,,n=us\x01er,r=abc",
            SaslError::Prohibited {
                field: "username",
                ch: '\u{1}',
            },
        ),
        (
            b"n,,n=\xff,r=abc",
            SaslError::InvalidUtf8 {
                mechanism: m,
                field: "client-first-message",
            },
        ),
        (
            b"q,,n=user,r=abc",
            malformed(m, "invalid GS2 channel binding flag"),
        ),
        (b"", malformed(m, "missing GS2 header")),
    ];
    for (input, err) in cases {
        let mut s = server(m);
        assert_eq!(
            s.step(Some(input)),
            Err(err),
            "{}",
            String::from_utf8_lossy(input)
        );
        assert!(s.is_finished());
    }
}

#[test]
fn scram_client_final_malformed() {
    let m = Mechanism::ScramSha256;
    let first = format!("n,,n=user,r={CLIENT_NONCE}");
    let (_, server_first) = scram_to_final(m, first.as_bytes());
    let nonce = &server_first[2..server_first.find(',').unwrap()];
    let proof = BASE64.encode([0u8; 32]);
    let cases: Vec<(String, SaslError)> = vec![
        (
            "c=biws".into(),
            malformed(m, "client-final-message has too few attributes"),
        ),
        (
            format!("c=biws,r={nonce}"),
            malformed(m, "client-final-message does not end with p="),
        ),
        (
            format!("r={nonce},p={proof}"),
            malformed(m, "client-final-message does not start with c="),
        ),
        (
            format!("c=!!,r={nonce},p={proof}"),
            malformed(m, "channel binding is not base64"),
        ),
        (
            format!("c=eSws,r={nonce},p={proof}"),
            SaslError::ChannelBindingMismatch,
        ),
        (
            format!("c=biws,p={proof}"),
            malformed(m, "missing nonce in client-final-message"),
        ),
        (
            format!("c=biws,r={CLIENT_NONCE},p={proof}"),
            SaslError::NonceMismatch,
        ),
        (
            format!("c=biws,r={nonce},p=!!"),
            malformed(m, "proof is not base64"),
        ),
        (
            format!("c=biws,r={nonce},p=AAAA"),
            malformed(m, "proof has the wrong length"),
        ),
        (
            format!("c=biws,r={nonce},1=x,p={proof}"),
            malformed(m, "invalid attribute"),
        ),
    ];
    for (input, err) in cases {
        let (mut s, _) = scram_to_final(m, first.as_bytes());
        assert_eq!(s.step(Some(input.as_bytes())), Err(err), "{input}");
        assert!(s.is_finished());
    }
    let (mut s, _) = scram_to_final(m, first.as_bytes());
    assert_eq!(
        s.step(Some(b"\xff")),
        Err(SaslError::InvalidUtf8 {
            mechanism: m,
            field: "client-final-message"
        })
    );
    // A well-formed final message with a wrong proof is a failure, not an error.
    let (mut s, _) = scram_to_final(m, first.as_bytes());
    let wrong = format!("c=biws,r={nonce},p={proof}");
    assert_eq!(
        s.step(Some(wrong.as_bytes())).unwrap(),
        ServerStep::Failure(Failure::InvalidProof)
    );
}

#[test]
fn scram_wrong_password_fails_the_proof() {
    for hash in [ScramHash::Sha1, ScramHash::Sha256] {
        let mut client =
            ClientAuth::scram(hash, None, "user", secret("wrong"), CLIENT_NONCE).unwrap();
        let (mut s, server_first) =
            scram_to_final(hash.mechanism(), &client.initial_response().unwrap());
        let final_message = client.step(server_first.as_bytes()).unwrap();
        assert_eq!(
            s.step(Some(&final_message)).unwrap(),
            ServerStep::Failure(Failure::InvalidProof)
        );
    }
}

#[test]
fn scram_credentials_must_match_the_mechanism() {
    let mut s = server(Mechanism::ScramSha256);
    s.step(Some(format!("n,,n=user,r={CLIENT_NONCE}").as_bytes()))
        .unwrap();
    let sha1 = ScramCredentials::derive(ScramHash::Sha1, "pencil", b"salt", 16).unwrap();
    assert_eq!(
        s.provide_scram_credentials(sha1),
        Err(SaslError::Misuse(Misuse::CredentialsMismatch))
    );
    let mut short = ScramCredentials::derive(ScramHash::Sha256, "pencil", b"salt", 16).unwrap();
    short.stored_key = Secret::new(vec![0; 3]);
    assert_eq!(
        s.provide_scram_credentials(short),
        Err(SaslError::Misuse(Misuse::CredentialsMismatch))
    );
    let good = ScramCredentials::derive(ScramHash::Sha256, "pencil", b"salt", 16).unwrap();
    assert!(matches!(
        s.provide_scram_credentials(good).unwrap(),
        ServerStep::Challenge(_)
    ));
    assert_eq!(
        ScramCredentials::derive(ScramHash::Sha256, "p", b"", 16),
        Err(SaslError::Misuse(Misuse::InvalidArgument(
            "SCRAM salt must not be empty"
        )))
    );
    assert_eq!(
        ScramCredentials::derive(ScramHash::Sha256, "p", b"s", 0),
        Err(SaslError::Misuse(Misuse::InvalidArgument(
            "SCRAM iteration count must be positive"
        )))
    );
}

#[test]
fn scram_success_data_as_challenge() {
    let config = ServerConfig::new("SNONCE", "h")
        .unwrap()
        .with_success_data_as_challenge(true);
    let mut s = ServerAuth::new(Mechanism::ScramSha1, config);
    let mut client = ClientAuth::scram(
        ScramHash::Sha1,
        Some("boss"),
        "user",
        secret("pencil"),
        CLIENT_NONCE,
    )
    .unwrap();
    s.step(Some(&client.initial_response().unwrap())).unwrap();
    let creds = ScramCredentials::derive(ScramHash::Sha1, "pencil", b"salt", 16).unwrap();
    let ServerStep::Challenge(first) = s.provide_scram_credentials(creds).unwrap() else {
        panic!()
    };
    let ServerStep::Challenge(server_final) = s.step(Some(&client.step(&first).unwrap())).unwrap()
    else {
        panic!("server-final must come as a challenge");
    };
    assert!(server_final.starts_with(b"v="));
    assert_eq!(client.step(&server_final).unwrap(), b"");
    let ServerStep::Success(success) = s.step(Some(b"")).unwrap() else {
        panic!()
    };
    assert_eq!(success.additional_data, None);
    assert_eq!(success.authzid.as_deref(), Some("boss"));
    assert_eq!(success.authcid.as_deref(), Some("user"));
    client.finish(None).unwrap();

    // Anything but an empty acknowledgement is an error.
    let config = ServerConfig::new("SNONCE", "h")
        .unwrap()
        .with_success_data_as_challenge(true);
    let mut s = ServerAuth::new(Mechanism::ScramSha1, config);
    let mut client = ClientAuth::scram(
        ScramHash::Sha1,
        None,
        "user",
        secret("pencil"),
        CLIENT_NONCE,
    )
    .unwrap();
    s.step(Some(&client.initial_response().unwrap())).unwrap();
    let creds = ScramCredentials::derive(ScramHash::Sha1, "pencil", b"salt", 16).unwrap();
    let ServerStep::Challenge(first) = s.provide_scram_credentials(creds).unwrap() else {
        panic!()
    };
    s.step(Some(&client.step(&first).unwrap())).unwrap();
    assert_eq!(
        s.step(Some(b"x")),
        Err(SaslError::UnexpectedMessage(Mechanism::ScramSha1))
    );
}

#[test]
fn xoauth2_accept_and_error_round() {
    let msg = b"user=someuser@example.com\x01auth=Bearer ya29.token\x01\x01";
    let mut s = server(Mechanism::XOAuth2);
    assert_eq!(
        s.step(Some(msg)).unwrap(),
        ServerStep::Need(ServerNeed::ValidateToken {
            user: Some("someuser@example.com".into()),
            token: secret("ya29.token"),
            host: None,
            port: None,
        })
    );
    let ServerStep::Success(success) = s.accept().unwrap() else {
        panic!()
    };
    assert_eq!(success.identity(), Some("someuser@example.com"));

    let mut s = server(Mechanism::XOAuth2);
    s.step(Some(msg)).unwrap();
    assert_eq!(
        s.reject().unwrap(),
        ServerStep::Challenge(br#"{"status":"401","schemes":"bearer"}"#.to_vec())
    );
    assert_eq!(
        s.step(Some(b"")).unwrap(),
        ServerStep::Failure(Failure::Rejected)
    );
    assert!(s.is_finished());

    let mut s = server(Mechanism::XOAuth2);
    s.step(Some(msg)).unwrap();
    let google = br#"{"status":"401","schemes":"bearer mac","scope":"https://mail.google.com/"}"#;
    assert_eq!(
        s.reject_token(google.to_vec()).unwrap(),
        ServerStep::Challenge(google.to_vec())
    );
    assert_eq!(s.cancel(), ServerStep::Failure(Failure::Cancelled));

    let mut s = server(Mechanism::XOAuth2);
    assert_eq!(
        s.step(Some(b"user=a")),
        Err(malformed(Mechanism::XOAuth2, "missing final ^A^A"))
    );
}

#[test]
fn oauthbearer_default_error_and_malformed() {
    let mut s = server(Mechanism::OAuthBearer);
    assert_eq!(s.step(None).unwrap(), ServerStep::Challenge(Vec::new()));
    s.step(Some(b"n,,\x01auth=Bearer abc\x01\x01")).unwrap();
    assert_eq!(
        s.reject().unwrap(),
        ServerStep::Challenge(br#"{"status":"invalid_token"}"#.to_vec())
    );
    assert_eq!(
        s.step(Some(b"\x01")).unwrap(),
        ServerStep::Failure(Failure::Rejected)
    );

    let mut s = server(Mechanism::OAuthBearer);
    assert_eq!(
        s.step(Some(b"p=x,,\x01auth=Bearer abc\x01\x01")),
        Err(SaslError::ChannelBindingNotSupported)
    );
    let mut s = server(Mechanism::OAuthBearer);
    assert_eq!(
        s.step(Some(b"n,,\x01\x01")),
        Err(malformed(Mechanism::OAuthBearer, "missing auth"))
    );
}

#[test]
fn external() {
    let mut s = server(Mechanism::External);
    assert_eq!(
        s.step(Some(b"")).unwrap(),
        ServerStep::Need(ServerNeed::AuthorizeExternal { authzid: None })
    );
    let ServerStep::Success(success) = s.accept().unwrap() else {
        panic!()
    };
    assert_eq!((success.authcid, success.authzid), (None, None));

    let mut s = server(Mechanism::External);
    assert_eq!(s.step(None).unwrap(), ServerStep::Challenge(Vec::new()));
    assert_eq!(
        s.step(Some(b"admin")).unwrap(),
        ServerStep::Need(ServerNeed::AuthorizeExternal {
            authzid: Some("admin".into())
        })
    );
    assert_eq!(s.reject().unwrap(), ServerStep::Failure(Failure::Rejected));

    let mut s = server(Mechanism::External);
    assert_eq!(
        s.step(Some(b"\xff")),
        Err(SaslError::InvalidUtf8 {
            mechanism: Mechanism::External,
            field: "authorization identity"
        })
    );
}

#[test]
fn anonymous() {
    let m = Mechanism::Anonymous;
    let mut s = server(m);
    assert_eq!(
        s.step(Some(b"sirhc@example.com")).unwrap(),
        ServerStep::Need(ServerNeed::AcceptAnonymous {
            trace: Some("sirhc@example.com".into())
        })
    );
    let ServerStep::Success(success) = s.accept().unwrap() else {
        panic!()
    };
    assert_eq!(success.identity(), None);

    let mut s = server(m);
    assert_eq!(
        s.step(Some(b"")).unwrap(),
        ServerStep::Need(ServerNeed::AcceptAnonymous { trace: None })
    );
    assert_eq!(s.reject().unwrap(), ServerStep::Failure(Failure::Rejected));

    let mut s = server(m);
    let long = "é".repeat(256);
    assert_eq!(
        s.step(Some(long.as_bytes())),
        Err(malformed(m, "trace longer than 255 characters"))
    );
    let mut s = server(m);
    assert!(matches!(
        s.step(Some("é".repeat(255).as_bytes())).unwrap(),
        ServerStep::Need(_)
    ));
    let mut s = server(m);
    assert_eq!(
        s.step(Some(b"\xff")),
        Err(SaslError::InvalidUtf8 {
            mechanism: m,
            field: "trace"
        })
    );
}

#[test]
fn config_validates_the_nonce() {
    for bad in ["", "a,b", "a b", "é"] {
        assert_eq!(
            ServerConfig::new(bad, "h"),
            Err(SaslError::Misuse(Misuse::InvalidArgument(
                "nonce must be printable ASCII without ','"
            )))
        );
    }
    let config = ServerConfig::new("1896.697170952", "postoffice.reston.mci.net").unwrap();
    assert_eq!(
        config.cram_md5_challenge(),
        "<1896.697170952@postoffice.reston.mci.net>"
    );
    assert_eq!(config.nonce(), "1896.697170952");
    assert_eq!(server(Mechanism::Plain).mechanism(), Mechanism::Plain);
}
