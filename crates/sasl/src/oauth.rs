//! `XOAUTH2` and `OAUTHBEARER` (RFC 7628) messages.

use mailwire_core::Secret;

use crate::error::utf8;
use crate::{Mechanism, Misuse, SaslError, gs2};

/// A decoded token message from the client.
#[derive(Debug)]
pub(crate) struct TokenRequest {
    pub(crate) user: Option<String>,
    pub(crate) token: Secret<String>,
    pub(crate) host: Option<String>,
    pub(crate) port: Option<u16>,
}

/// Builds the JSON error document a server sends when it refuses a token (RFC 7628 §3.2.2),
/// for [`ServerAuth::reject_token`](crate::ServerAuth::reject_token).
///
/// ```
/// let json = mailwire_sasl::oauth_error_json("invalid_token", Some("mail"), None);
/// assert_eq!(json, br#"{"status":"invalid_token","scope":"mail"}"#);
/// ```
pub fn oauth_error_json(
    status: &str,
    scope: Option<&str>,
    openid_configuration: Option<&str>,
) -> Vec<u8> {
    let mut out = String::from("{\"status\":");
    json_string(&mut out, status);
    if let Some(scope) = scope {
        out.push_str(",\"scope\":");
        json_string(&mut out, scope);
    }
    if let Some(config) = openid_configuration {
        out.push_str(",\"openid-configuration\":");
        json_string(&mut out, config);
    }
    out.push('}');
    out.into_bytes()
}

fn json_string(out: &mut String, s: &str) {
    out.push('"');
    for ch in s.chars() {
        match ch {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if u32::from(c) < 0x20 => out.push_str(&format!("\\u{:04x}", u32::from(c))),
            c => out.push(c),
        }
    }
    out.push('"');
}

/// RFC 6750 `b64token`: `1*( ALPHA / DIGIT / "-" / "." / "_" / "~" / "+" / "/" ) *"="`.
fn is_b64token(t: &str) -> bool {
    let body = t.trim_end_matches('=');
    !body.is_empty()
        && body
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"-._~+/".contains(&b))
}

/// Reads `Bearer SP token` (scheme case-insensitive, one or more spaces).
fn bearer(mechanism: Mechanism, value: &str) -> Result<Secret<String>, SaslError> {
    let (scheme, token) = value.split_once(' ').ok_or(SaslError::malformed(
        mechanism,
        "auth value is not \"Bearer <token>\"",
    ))?;
    if !scheme.eq_ignore_ascii_case("bearer") {
        return Err(SaslError::malformed(mechanism, "auth scheme is not Bearer"));
    }
    let token = token.trim_start_matches(' ');
    if !is_b64token(token) {
        return Err(SaslError::malformed(mechanism, "invalid bearer token"));
    }
    Ok(Secret::new(token.to_owned()))
}

/// Parses `user=U ^A auth=Bearer T ^A ^A`.
pub(crate) fn parse_xoauth2(data: &[u8]) -> Result<TokenRequest, SaslError> {
    const M: Mechanism = Mechanism::XOAuth2;
    let body = data
        .strip_suffix(b"\x01\x01")
        .ok_or(SaslError::malformed(M, "missing final ^A^A"))?;
    let body = utf8(M, "message", body)?;
    let (mut user, mut auth) = (None, None);
    for field in body.split('\x01') {
        let (key, value) = field
            .split_once('=')
            .ok_or(SaslError::malformed(M, "field without '='"))?;
        let slot = match key {
            "user" => &mut user,
            "auth" => &mut auth,
            _ => continue,
        };
        if slot.replace(value).is_some() {
            return Err(SaslError::malformed(M, "repeated field"));
        }
    }
    let user = user.ok_or(SaslError::malformed(M, "missing user"))?;
    if user.is_empty() {
        return Err(SaslError::malformed(M, "empty user"));
    }
    let token = bearer(M, auth.ok_or(SaslError::malformed(M, "missing auth"))?)?;
    Ok(TokenRequest {
        user: Some(user.to_owned()),
        token,
        host: None,
        port: None,
    })
}

/// Encodes an `XOAUTH2` client message.
pub(crate) fn encode_xoauth2(user: &str, token: &str) -> Result<Secret<Vec<u8>>, SaslError> {
    if user.is_empty() || user.contains('\x01') {
        return Err(Misuse::InvalidArgument("XOAUTH2 user must be non-empty without ^A").into());
    }
    if !is_b64token(token) {
        return Err(Misuse::InvalidArgument("bearer token is not a b64token").into());
    }
    Ok(Secret::new(
        format!("user={user}\x01auth=Bearer {token}\x01\x01").into_bytes(),
    ))
}

/// Parses `gs2-header ^A *(key=value ^A) ^A`.
pub(crate) fn parse_oauthbearer(data: &[u8]) -> Result<TokenRequest, SaslError> {
    const M: Mechanism = Mechanism::OAuthBearer;
    let text = utf8(M, "message", data)?;
    let (header, rest) = gs2::split(M, &text)?;
    let pairs = rest
        .strip_prefix('\x01')
        .and_then(|r| r.strip_suffix('\x01'))
        .ok_or(SaslError::malformed(M, "key/value pairs not framed by ^A"))?;
    let (mut auth, mut host, mut port) = (None, None, None);
    if !pairs.is_empty() {
        let pairs = pairs
            .strip_suffix('\x01')
            .ok_or(SaslError::malformed(M, "unterminated key/value pair"))?;
        for pair in pairs.split('\x01') {
            let (key, value) = pair
                .split_once('=')
                .ok_or(SaslError::malformed(M, "key/value pair without '='"))?;
            if key.is_empty() || !key.bytes().all(|b| b.is_ascii_alphabetic()) {
                return Err(SaslError::malformed(M, "invalid key"));
            }
            if !value
                .bytes()
                .all(|b| matches!(b, 0x21..=0x7e | b' ' | b'\t' | b'\r' | b'\n'))
            {
                return Err(SaslError::malformed(M, "invalid value"));
            }
            let slot = match key {
                "auth" => &mut auth,
                "host" => &mut host,
                "port" => &mut port,
                _ => continue,
            };
            if slot.replace(value).is_some() {
                return Err(SaslError::malformed(M, "repeated key"));
            }
        }
    }
    let token = bearer(M, auth.ok_or(SaslError::malformed(M, "missing auth"))?)?;
    let port = match port {
        None => None,
        Some(p) if !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()) => Some(
            p.parse()
                .map_err(|_| SaslError::malformed(M, "invalid port"))?,
        ),
        Some(_) => return Err(SaslError::malformed(M, "invalid port")),
    };
    Ok(TokenRequest {
        user: header.authzid,
        token,
        host: host.map(str::to_owned),
        port,
    })
}

/// Encodes an `OAUTHBEARER` client message.
pub(crate) fn encode_oauthbearer(
    authzid: Option<&str>,
    token: &str,
    host: Option<&str>,
    port: Option<u16>,
) -> Result<Secret<Vec<u8>>, SaslError> {
    if authzid.is_some_and(str::is_empty) {
        return Err(Misuse::InvalidArgument("empty OAUTHBEARER authorization identity").into());
    }
    if !is_b64token(token) {
        return Err(Misuse::InvalidArgument("bearer token is not a b64token").into());
    }
    if host.is_some_and(|h| !h.bytes().all(|b| matches!(b, 0x21..=0x7e))) {
        return Err(Misuse::InvalidArgument("OAUTHBEARER host must be visible ASCII").into());
    }
    let mut out = gs2::client_header(authzid);
    out.push('\x01');
    if let Some(host) = host {
        out.push_str(&format!("host={host}\x01"));
    }
    if let Some(port) = port {
        out.push_str(&format!("port={port}\x01"));
    }
    out.push_str(&format!("auth=Bearer {token}\x01\x01"));
    Ok(Secret::new(out.into_bytes()))
}

#[cfg(test)]
mod tests {
    use super::*;

    const RFC_7628_IMAP: &[u8] = b"n,a=user@example.com,\x01host=server.example.com\x01port=143\x01auth=Bearer vF9dft4qmTc2Nvb3RlckBhbHRhdmlzdGEuY29tCg==\x01\x01";

    #[test]
    fn rfc_7628_example() {
        let r = parse_oauthbearer(RFC_7628_IMAP).unwrap();
        assert_eq!(r.user.as_deref(), Some("user@example.com"));
        assert_eq!(
            r.token.expose(),
            "vF9dft4qmTc2Nvb3RlckBhbHRhdmlzdGEuY29tCg=="
        );
        assert_eq!(r.host.as_deref(), Some("server.example.com"));
        assert_eq!(r.port, Some(143));
        let encoded = encode_oauthbearer(
            Some("user@example.com"),
            "vF9dft4qmTc2Nvb3RlckBhbHRhdmlzdGEuY29tCg==",
            Some("server.example.com"),
            Some(143),
        )
        .unwrap();
        assert_eq!(encoded.expose(), RFC_7628_IMAP);
    }

    #[test]
    fn google_xoauth2_example() {
        let msg = b"user=someuser@example.com\x01auth=Bearer ya29.vF9dft4qmTc2Nvb3RlckBhbHRhdmlzdGEuY29tCg\x01\x01";
        let r = parse_xoauth2(msg).unwrap();
        assert_eq!(r.user.as_deref(), Some("someuser@example.com"));
        assert_eq!(
            r.token.expose(),
            "ya29.vF9dft4qmTc2Nvb3RlckBhbHRhdmlzdGEuY29tCg"
        );
        let encoded = encode_xoauth2(
            "someuser@example.com",
            "ya29.vF9dft4qmTc2Nvb3RlckBhbHRhdmlzdGEuY29tCg",
        )
        .unwrap();
        assert_eq!(encoded.expose(), msg);
    }

    #[test]
    fn malformed_xoauth2() {
        const M: Mechanism = Mechanism::XOAuth2;
        let bad = |r| SaslError::malformed(M, r);
        let cases: [(&[u8], SaslError); 10] = [
            (b"user=a\x01auth=Bearer t\x01", bad("missing final ^A^A")),
            (b"user=a\x01auth\x01\x01", bad("field without '='")),
            (
                b"user=a\x01user=b\x01auth=Bearer t\x01\x01",
                bad("repeated field"),
            ),
            (b"auth=Bearer t\x01\x01", bad("missing user")),
            (b"user=\x01auth=Bearer t\x01\x01", bad("empty user")),
            (b"user=a\x01\x01", bad("missing auth")),
            (
                b"user=a\x01auth=Bearert\x01\x01",
                bad("auth value is not \"Bearer <token>\""),
            ),
            (
                b"user=a\x01auth=Basic t\x01\x01",
                bad("auth scheme is not Bearer"),
            ),
            (
                b"user=a\x01auth=Bearer t!\x01\x01",
                bad("invalid bearer token"),
            ),
            (
                b"user=\xff\x01auth=Bearer t\x01\x01",
                SaslError::InvalidUtf8 {
                    mechanism: M,
                    field: "message",
                },
            ),
        ];
        for (input, err) in cases {
            assert_eq!(parse_xoauth2(input).unwrap_err(), err, "{input:?}");
        }
        let ok = parse_xoauth2(b"user=a\x01other=x\x01auth=bearer   t==\x01\x01").unwrap();
        assert_eq!(ok.token.expose(), "t==");
    }

    #[test]
    fn malformed_oauthbearer() {
        const M: Mechanism = Mechanism::OAuthBearer;
        let bad = |r| SaslError::malformed(M, r);
        let cases: [(&[u8], SaslError); 11] = [
            (
                b"n,,auth=Bearer t\x01\x01",
                bad("key/value pairs not framed by ^A"),
            ),
            (b"n,,\x01", bad("key/value pairs not framed by ^A")),
            (
                b"n,,\x01auth=Bearer t\x01",
                bad("unterminated key/value pair"),
            ),
            (b"n,,\x01auth\x01\x01", bad("key/value pair without '='")),
            (b"n,,\x01a1=x\x01auth=Bearer t\x01\x01", bad("invalid key")),
            (
                b"n,,\x01host=\x00\x01auth=Bearer t\x01\x01",
                bad("invalid value"),
            ),
            (
                b"n,,\x01auth=Bearer t\x01auth=Bearer t\x01\x01",
                bad("repeated key"),
            ),
            (b"n,,\x01\x01", bad("missing auth")),
            (
                b"n,,\x01port=99999\x01auth=Bearer t\x01\x01",
                bad("invalid port"),
            ),
            (
                b"n,,\x01port=+1\x01auth=Bearer t\x01\x01",
                bad("invalid port"),
            ),
            (
                b"p=tls-unique,,\x01auth=Bearer t\x01\x01",
                SaslError::ChannelBindingNotSupported,
            ),
        ];
        for (input, err) in cases {
            assert_eq!(parse_oauthbearer(input).unwrap_err(), err, "{input:?}");
        }
        assert_eq!(
            parse_oauthbearer(b"n,,\xff").unwrap_err(),
            SaslError::InvalidUtf8 {
                mechanism: M,
                field: "message"
            }
        );
        let ok = parse_oauthbearer(b"y,,\x01auth=Bearer t\x01\x01").unwrap();
        assert_eq!((ok.user, ok.host, ok.port), (None, None, None));
    }

    #[test]
    fn unencodable_arguments() {
        assert!(encode_xoauth2("", "t").is_err());
        assert!(encode_xoauth2("a\x01", "t").is_err());
        assert!(encode_xoauth2("a", "t t").is_err());
        assert!(encode_oauthbearer(Some(""), "t", None, None).is_err());
        assert!(encode_oauthbearer(None, "", None, None).is_err());
        assert!(encode_oauthbearer(None, "t", Some("a b"), None).is_err());
    }

    #[test]
    fn error_documents_are_escaped() {
        assert_eq!(
            oauth_error_json("a\"b\\c\n", None, Some("https://x/.well-known/openid-configuration")),
            b"{\"status\":\"a\\\"b\\\\c\\u000a\",\"openid-configuration\":\"https://x/.well-known/openid-configuration\"}"
        );
    }
}
