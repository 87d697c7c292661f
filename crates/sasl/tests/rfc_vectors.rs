//! The RFCs' own examples, byte for byte, on both sides.
// Helpers outside `#[test]` functions unwrap too: a panic here is a failed assertion.
#![allow(clippy::unwrap_used)]

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD as BASE64;
use mailwire_core::Secret;
use mailwire_sasl::*;

fn secret(s: &str) -> Secret<String> {
    Secret::new(s.to_owned())
}

#[test]
fn cram_md5_rfc_2195() {
    const CHALLENGE: &str = "<1896.697170952@postoffice.reston.mci.net>";
    const RESPONSE: &[u8] = b"tim b913a602c7eda7a495b4e6e7334d3890";

    let mut client = ClientAuth::cram_md5("tim", secret("tanstaaftanstaaf"));
    assert_eq!(client.initial_response(), None);
    assert_eq!(client.step(CHALLENGE.as_bytes()).unwrap(), RESPONSE);
    client.finish(None).unwrap();

    let config = ServerConfig::new("x", "h")
        .unwrap()
        .with_cram_md5_challenge(CHALLENGE);
    let mut server = ServerAuth::new(Mechanism::CramMd5, config);
    assert_eq!(
        server.step(None).unwrap(),
        ServerStep::Challenge(CHALLENGE.as_bytes().to_vec())
    );
    assert_eq!(
        server.step(Some(RESPONSE)).unwrap(),
        ServerStep::Need(ServerNeed::CramMd5Password {
            username: "tim".into()
        })
    );
    let ServerStep::Success(success) = server.provide_password(secret("tanstaaftanstaaf")).unwrap()
    else {
        panic!("CRAM-MD5 with the right password must succeed");
    };
    assert_eq!(success.authcid.as_deref(), Some("tim"));
    assert!(server.is_finished());
}

struct ScramVector {
    hash: ScramHash,
    client_nonce: &'static str,
    server_nonce: &'static str,
    salt_b64: &'static str,
    client_first: &'static str,
    server_first: &'static str,
    client_final: &'static str,
    server_final: &'static str,
}

/// RFC 5802 §5.
const RFC_5802: ScramVector = ScramVector {
    hash: ScramHash::Sha1,
    client_nonce: "fyko+d2lbbFgONRv9qkxdawL",
    server_nonce: "3rfcNHYJY1ZVvWVs7j",
    salt_b64: "QSXCR+Q6sek8bf92",
    client_first: "n,,n=user,r=fyko+d2lbbFgONRv9qkxdawL",
    server_first: "r=fyko+d2lbbFgONRv9qkxdawL3rfcNHYJY1ZVvWVs7j,s=QSXCR+Q6sek8bf92,i=4096",
    client_final: "c=biws,r=fyko+d2lbbFgONRv9qkxdawL3rfcNHYJY1ZVvWVs7j,p=v0X8v3Bz2T0CJGbJQyF0X+HI4Ts=",
    server_final: "v=rmF9pqV8S7suAoZWja4dJRkFsKQ=",
};

/// RFC 7677 §3.
const RFC_7677: ScramVector = ScramVector {
    hash: ScramHash::Sha256,
    client_nonce: "rOprNGfwEbeRWgbNEkqO",
    server_nonce: "%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0",
    salt_b64: "W22ZaJ0SNY7soEsUEjb6gQ==",
    client_first: "n,,n=user,r=rOprNGfwEbeRWgbNEkqO",
    server_first: "r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,s=W22ZaJ0SNY7soEsUEjb6gQ==,i=4096",
    client_final: "c=biws,r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,p=dHzbZapWIk4jUhN+Ute9ytag9zjfMHgsqmmiz7AndVQ=",
    server_final: "v=6rriTRBi23WpRR/wtup+mMhUZUn/dB5nLTJRsjl95G4=",
};

fn scram_client_side(v: &ScramVector) {
    let mut client =
        ClientAuth::scram(v.hash, None, "user", secret("pencil"), v.client_nonce).unwrap();
    assert_eq!(
        client.initial_response().unwrap(),
        v.client_first.as_bytes()
    );
    assert_eq!(
        client.step(v.server_first.as_bytes()).unwrap(),
        v.client_final.as_bytes()
    );
    client.finish(Some(v.server_final.as_bytes())).unwrap();
}

fn scram_server_side(v: &ScramVector) {
    let config = ServerConfig::new(v.server_nonce, "h").unwrap();
    let mut server = ServerAuth::new(v.hash.mechanism(), config);
    assert_eq!(
        server.step(Some(v.client_first.as_bytes())).unwrap(),
        ServerStep::Need(ServerNeed::ScramCredentials {
            authzid: None,
            username: "user".into()
        })
    );
    let salt = BASE64.decode(v.salt_b64).unwrap();
    let creds = ScramCredentials::derive(v.hash, "pencil", &salt, 4096).unwrap();
    assert_eq!(
        server.provide_scram_credentials(creds).unwrap(),
        ServerStep::Challenge(v.server_first.as_bytes().to_vec())
    );
    let ServerStep::Success(success) = server.step(Some(v.client_final.as_bytes())).unwrap() else {
        panic!("the RFC's proof must be accepted");
    };
    assert_eq!(
        success.additional_data.as_deref(),
        Some(v.server_final.as_bytes())
    );
    assert_eq!(success.authcid.as_deref(), Some("user"));
    assert_eq!(success.authzid, None);
}

#[test]
fn scram_sha1_rfc_5802_client() {
    scram_client_side(&RFC_5802);
}

#[test]
fn scram_sha1_rfc_5802_server() {
    scram_server_side(&RFC_5802);
}

#[test]
fn scram_sha256_rfc_7677_client() {
    scram_client_side(&RFC_7677);
}

#[test]
fn scram_sha256_rfc_7677_server() {
    scram_server_side(&RFC_7677);
}

#[test]
fn plain_rfc_4616() {
    let mut client = ClientAuth::plain(Some("Ursel"), "Kurt", secret("xipj3plmq")).unwrap();
    assert_eq!(
        client.initial_response().unwrap(),
        b"Ursel\0Kurt\0xipj3plmq"
    );
    let mut server = ServerAuth::new(Mechanism::Plain, ServerConfig::new("n", "h").unwrap());
    assert_eq!(
        server.step(Some(b"Ursel\0Kurt\0xipj3plmq")).unwrap(),
        ServerStep::Need(ServerNeed::CheckPassword {
            authzid: Some("Ursel".into()),
            authcid: "Kurt".into(),
            password: secret("xipj3plmq"),
        })
    );
}

#[test]
fn oauthbearer_rfc_7628_success_and_failure() {
    const INITIAL: &[u8] = b"n,a=user@example.com,\x01host=server.example.com\x01port=143\x01auth=Bearer vF9dft4qmTc2Nvb3RlckBhbHRhdmlzdGEuY29tCg==\x01\x01";
    const ERROR: &[u8] = br#"{"status":"invalid_token","scope":"example_scope","openid-configuration":"https://example.com/.well-known/openid-configuration"}"#;
    let new_client = || {
        ClientAuth::oauthbearer(
            Some("user@example.com"),
            secret("vF9dft4qmTc2Nvb3RlckBhbHRhdmlzdGEuY29tCg=="),
            Some("server.example.com"),
            Some(143),
        )
        .unwrap()
    };
    let mut client = new_client();
    assert_eq!(client.initial_response().unwrap(), INITIAL);
    let mut server = ServerAuth::new(Mechanism::OAuthBearer, ServerConfig::new("n", "h").unwrap());
    assert_eq!(
        server.step(Some(INITIAL)).unwrap(),
        ServerStep::Need(ServerNeed::ValidateToken {
            user: Some("user@example.com".into()),
            token: secret("vF9dft4qmTc2Nvb3RlckBhbHRhdmlzdGEuY29tCg=="),
            host: Some("server.example.com".into()),
            port: Some(143),
        })
    );
    let ServerStep::Success(success) = server.accept().unwrap() else {
        panic!("accepted token")
    };
    assert_eq!(success.identity(), Some("user@example.com"));
    client.finish(None).unwrap();

    // §4.3: the failed exchange.
    let mut client = new_client();
    let mut server = ServerAuth::new(Mechanism::OAuthBearer, ServerConfig::new("n", "h").unwrap());
    server.step(client.initial_response().as_deref()).unwrap();
    let json = oauth_error_json(
        "invalid_token",
        Some("example_scope"),
        Some("https://example.com/.well-known/openid-configuration"),
    );
    assert_eq!(json, ERROR);
    assert_eq!(
        server.reject_token(json).unwrap(),
        ServerStep::Challenge(ERROR.to_vec())
    );
    assert_eq!(client.step(ERROR).unwrap(), b"\x01");
    assert_eq!(client.server_error(), Some(ERROR));
    assert_eq!(
        server.step(Some(b"\x01")).unwrap(),
        ServerStep::Failure(Failure::Rejected)
    );
}

#[test]
fn rfc_5803_stored_form() {
    // RFC 5803 §4's example: the credentials of RFC 5802's user "user" / "pencil".
    const STORED: &str = "SCRAM-SHA-1$4096:QSXCR+Q6sek8bf92$6dlGYMOdZcOPutkcNY8U2g7vK9Y=:D+CSWLOshSulAsxiupA+qs2/fTE=";
    let salt = BASE64.decode("QSXCR+Q6sek8bf92").unwrap();
    let creds = ScramCredentials::derive(ScramHash::Sha1, "pencil", &salt, 4096).unwrap();
    assert_eq!(creds.to_rfc5803(), STORED);
    assert_eq!(ScramCredentials::from_rfc5803(STORED).unwrap(), creds);
}
