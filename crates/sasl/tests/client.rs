//! The client side: each mechanism's messages, and what it refuses from a server.
// Helpers outside `#[test]` functions unwrap too: a panic here is a failed assertion.
#![allow(clippy::unwrap_used)]

use mailwire_core::Secret;
use mailwire_sasl::*;

fn secret(s: &str) -> Secret<String> {
    Secret::new(s.to_owned())
}

fn malformed(mechanism: Mechanism, reason: &'static str) -> SaslError {
    SaslError::Malformed { mechanism, reason }
}

#[test]
fn plain_without_initial_response() {
    let mut c = ClientAuth::plain(None, "tim", secret("pw")).unwrap();
    assert_eq!(c.mechanism(), Mechanism::Plain);
    assert_eq!(c.step(b"").unwrap(), b"\0tim\0pw");
    assert_eq!(c.initial_response(), None);
    assert_eq!(
        c.step(b""),
        Err(SaslError::UnexpectedMessage(Mechanism::Plain))
    );
    c.finish(None).unwrap();
    assert_eq!(
        c.finish(Some(b"x")),
        Err(SaslError::UnexpectedMessage(Mechanism::Plain))
    );

    let mut c = ClientAuth::plain(Some(""), "tim", secret("pw")).unwrap();
    assert_eq!(c.initial_response().unwrap(), b"\0tim\0pw");
    assert_eq!(c.initial_response(), None);

    let mut c = ClientAuth::plain(None, "tim", secret("pw")).unwrap();
    assert_eq!(
        c.step(b"hello"),
        Err(malformed(
            Mechanism::Plain,
            "expected an empty challenge first"
        ))
    );
}

#[test]
fn login_answers_in_order() {
    let mut c = ClientAuth::login("tim", secret("pw"));
    assert_eq!(c.initial_response(), None);
    assert_eq!(c.step(b"Username:").unwrap(), b"tim");
    assert_eq!(c.step(b"Password:").unwrap(), b"pw");
    assert_eq!(
        c.step(b"Password:"),
        Err(SaslError::UnexpectedMessage(Mechanism::Login))
    );
}

#[test]
fn cram_md5_answers_once() {
    let mut c = ClientAuth::cram_md5("tim", secret("tanstaaftanstaaf"));
    c.step(b"<1@h>").unwrap();
    assert_eq!(
        c.step(b"<1@h>"),
        Err(SaslError::UnexpectedMessage(Mechanism::CramMd5))
    );
}

#[test]
fn external_and_anonymous_messages() {
    let mut c = ClientAuth::external(None);
    assert_eq!(c.initial_response().unwrap(), b"");
    let mut c = ClientAuth::external(Some("admin"));
    assert_eq!(c.step(b"").unwrap(), b"admin");
    let mut c = ClientAuth::anonymous(Some("sirhc")).unwrap();
    assert_eq!(c.initial_response().unwrap(), b"sirhc");
    assert!(ClientAuth::anonymous(Some(&"x".repeat(256))).is_err());
    assert_eq!(
        ClientAuth::anonymous(None)
            .unwrap()
            .initial_response()
            .unwrap(),
        b""
    );
}

#[test]
fn xoauth2_error_round() {
    let mut c = ClientAuth::xoauth2("someuser@example.com", secret("ya29.token")).unwrap();
    assert_eq!(
        c.initial_response().unwrap(),
        b"user=someuser@example.com\x01auth=Bearer ya29.token\x01\x01"
    );
    let error = br#"{"status":"401","schemes":"bearer mac","scope":"https://mail.google.com/"}"#;
    assert_eq!(c.server_error(), None);
    assert_eq!(c.step(error).unwrap(), b"");
    assert_eq!(c.server_error(), Some(&error[..]));
    assert_eq!(
        c.step(error),
        Err(SaslError::UnexpectedMessage(Mechanism::XOAuth2))
    );
}

#[test]
fn invalid_arguments() {
    let invalid = |r: Result<ClientAuth, SaslError>| {
        matches!(r, Err(SaslError::Misuse(Misuse::InvalidArgument(_))))
    };
    assert!(invalid(ClientAuth::plain(None, "a\0", secret("p"))));
    assert!(invalid(ClientAuth::xoauth2("a", secret("bad token"))));
    assert!(invalid(ClientAuth::oauthbearer(
        None,
        secret("t"),
        Some("bad host"),
        None
    )));
    assert!(invalid(ClientAuth::scram(
        ScramHash::Sha1,
        None,
        "u",
        secret("p"),
        "a,b"
    )));
    assert!(invalid(ClientAuth::scram(
        ScramHash::Sha1,
        None,
        "u",
        secret("p"),
        ""
    )));
    assert!(invalid(ClientAuth::scram(
        ScramHash::Sha1,
        None,
        "",
        secret("p"),
        "n"
    )));
    assert!(invalid(ClientAuth::scram(
        ScramHash::Sha1,
        Some(""),
        "u",
        secret("p"),
        "n"
    )));
    assert_eq!(
        ClientAuth::scram(ScramHash::Sha1, None, "u\u{7}", secret("p"), "n").unwrap_err(),
        SaslError::Prohibited {
            field: "username",
            ch: '\u{7}'
        }
    );
    assert_eq!(
        ClientAuth::scram(ScramHash::Sha1, None, "u", secret("p\u{E000}"), "n").unwrap_err(),
        SaslError::Prohibited {
            field: "password",
            ch: '\u{E000}'
        }
    );
}

#[test]
fn scram_escapes_names_and_maps_spaces() {
    let mut c = ClientAuth::scram(
        ScramHash::Sha256,
        Some("a=b,c"),
        "us,er\u{00A0}x",
        secret("p"),
        "NONCE",
    )
    .unwrap();
    assert_eq!(
        c.initial_response().unwrap(),
        b"n,a=a=3Db=2Cc,n=us=2Cer x,r=NONCE"
    );
}

fn scram_client() -> ClientAuth {
    let mut c = ClientAuth::scram(ScramHash::Sha1, None, "user", secret("pencil"), "fyko").unwrap();
    c.initial_response().unwrap();
    c
}

#[test]
fn scram_server_first_refused() {
    let m = Mechanism::ScramSha1;
    let cases: Vec<(&[u8], SaslError)> = vec![
        (b"m=x,r=fykoS,s=QSXC,i=1", SaslError::UnsupportedExtension),
        (
            b"s=QSXC,r=fykoS,i=1",
            malformed(m, "server-first-message does not start with r="),
        ),
        (b"r=fyko,s=QSXC,i=1", SaslError::NonceMismatch),
        (b"r=xxxxS,s=QSXC,i=1", SaslError::NonceMismatch),
        (
            b"r=fyk\x7fS,s=QSXC,i=1",
            malformed(m, "invalid server nonce"),
        ),
        (b"r=fykoS,i=1", malformed(m, "missing salt")),
        (b"r=fykoS,s=!!,i=1", malformed(m, "salt is not base64")),
        (b"r=fykoS,s=,i=1", malformed(m, "empty salt")),
        (b"r=fykoS,s=QSXC", malformed(m, "missing iteration count")),
        (
            b"r=fykoS,s=QSXC,i=-1",
            malformed(m, "invalid iteration count"),
        ),
        (
            b"r=fykoS,s=QSXC,i=",
            malformed(m, "invalid iteration count"),
        ),
        (b"r=fykoS,s=QSXC,i=0", SaslError::IterationCount(0)),
        (
            b"r=fykoS,s=QSXC,i=1000001",
            SaslError::IterationCount(1_000_001),
        ),
        (
            b"r=fykoS,s=QSXC,i=99999999999",
            SaslError::IterationCount(u32::MAX),
        ),
        (b"r=fykoS,s=QSXC,i=1,=", malformed(m, "invalid attribute")),
        (
            b"\xff",
            SaslError::InvalidUtf8 {
                mechanism: m,
                field: "server-first-message",
            },
        ),
    ];
    for (input, err) in cases {
        assert_eq!(
            scram_client().step(input),
            Err(err),
            "{}",
            String::from_utf8_lossy(input)
        );
    }
    let mut c = scram_client().with_max_iterations(10);
    assert_eq!(
        c.step(b"r=fykoS,s=QSXC,i=11"),
        Err(SaslError::IterationCount(11))
    );
    assert!(scram_client().step(b"r=fykoS,s=QSXC,i=1,x=ext").is_ok());
}

#[test]
fn scram_server_final_refused() {
    let m = Mechanism::ScramSha1;
    let ready = || {
        let mut c = scram_client();
        c.step(b"r=fykoS,s=QSXC,i=1").unwrap();
        c
    };
    assert_eq!(ready().finish(None), Err(SaslError::MissingServerFinal));
    assert_eq!(
        ready().finish(Some(b"e=invalid-proof")),
        Err(SaslError::ServerError("invalid-proof".into()))
    );
    assert_eq!(
        ready().step(b"e=unknown-user"),
        Err(SaslError::ServerError("unknown-user".into()))
    );
    assert_eq!(
        ready().finish(Some(b"v=AAAA")),
        Err(SaslError::ServerSignatureMismatch)
    );
    assert_eq!(
        ready().finish(Some(b"v=!!")),
        Err(malformed(m, "server signature is not base64"))
    );
    assert_eq!(
        ready().finish(Some(b"x=1")),
        Err(malformed(m, "server-final-message has neither v= nor e="))
    );
    assert_eq!(
        ready().finish(Some(b"")),
        Err(malformed(m, "invalid attribute"))
    );
    assert_eq!(
        ready().finish(Some(b"v")),
        Err(malformed(m, "invalid attribute"))
    );
    assert_eq!(
        ready().finish(Some(b"\xff")),
        Err(SaslError::InvalidUtf8 {
            mechanism: m,
            field: "server-final-message"
        })
    );
    // A client that never got server-first cannot be satisfied either.
    assert_eq!(
        scram_client().finish(None),
        Err(SaslError::MissingServerFinal)
    );
    let mut c = ready();
    assert_eq!(c.step(b"v=AAAA"), Err(SaslError::ServerSignatureMismatch));
}
