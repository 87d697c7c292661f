//! `PLAIN` (RFC 4616): `[authzid] NUL authcid NUL passwd`.

use mailwire_core::Secret;

use crate::error::utf8;
use crate::{Mechanism, Misuse, SaslError};

const M: Mechanism = Mechanism::Plain;

/// A decoded `PLAIN` message.
#[derive(Debug)]
pub(crate) struct PlainMessage {
    pub(crate) authzid: Option<String>,
    pub(crate) authcid: String,
    pub(crate) password: Secret<String>,
}

/// Parses the client's message.
pub(crate) fn parse(data: &[u8]) -> Result<PlainMessage, SaslError> {
    let mut parts = data.split(|&b| b == 0);
    let (Some(authzid), Some(authcid), Some(password), None) =
        (parts.next(), parts.next(), parts.next(), parts.next())
    else {
        return Err(SaslError::malformed(
            M,
            "expected exactly two NUL separators",
        ));
    };
    if authcid.is_empty() {
        return Err(SaslError::malformed(M, "empty authentication identity"));
    }
    if password.is_empty() {
        return Err(SaslError::malformed(M, "empty password"));
    }
    Ok(PlainMessage {
        authzid: match authzid {
            [] => None,
            z => Some(utf8(M, "authorization identity", z)?),
        },
        authcid: utf8(M, "authentication identity", authcid)?,
        password: Secret::new(utf8(M, "password", password)?),
    })
}

/// Encodes the client's message, refusing fields that cannot be represented.
pub(crate) fn encode(
    authzid: Option<&str>,
    authcid: &str,
    password: &str,
) -> Result<Secret<Vec<u8>>, SaslError> {
    let authzid = authzid.unwrap_or("");
    if [authzid, authcid, password]
        .iter()
        .any(|f| f.contains('\0'))
    {
        return Err(Misuse::InvalidArgument("PLAIN fields must not contain NUL").into());
    }
    if authcid.is_empty() || password.is_empty() {
        return Err(Misuse::InvalidArgument("PLAIN needs a username and a password").into());
    }
    let mut out = Vec::with_capacity(authzid.len() + authcid.len() + password.len() + 2);
    out.extend_from_slice(authzid.as_bytes());
    out.push(0);
    out.extend_from_slice(authcid.as_bytes());
    out.push(0);
    out.extend_from_slice(password.as_bytes());
    Ok(Secret::new(out))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rfc_4616_examples() {
        // RFC 4616 §4: "\0tim\0tanstaaftanstaaf" and "Ursel\0Kurt\0xipj3plmq".
        let m = parse(b"\0tim\0tanstaaftanstaaf").unwrap();
        assert_eq!((m.authzid, m.authcid.as_str()), (None, "tim"));
        assert_eq!(m.password.expose(), "tanstaaftanstaaf");
        let m = parse(b"Ursel\0Kurt\0xipj3plmq").unwrap();
        assert_eq!(m.authzid.as_deref(), Some("Ursel"));
        assert_eq!(m.authcid, "Kurt");
        assert_eq!(
            encode(Some("Ursel"), "Kurt", "xipj3plmq").unwrap().expose(),
            b"Ursel\0Kurt\0xipj3plmq"
        );
        assert_eq!(
            encode(None, "tim", "tanstaaftanstaaf").unwrap().expose(),
            b"\0tim\0tanstaaftanstaaf"
        );
    }

    #[test]
    fn malformed_messages() {
        let sep = SaslError::malformed(M, "expected exactly two NUL separators");
        assert_eq!(parse(b"").unwrap_err(), sep);
        assert_eq!(parse(b"a\0b").unwrap_err(), sep);
        assert_eq!(parse(b"a\0b\0c\0d").unwrap_err(), sep);
        assert_eq!(
            parse(b"a\0\0c").unwrap_err(),
            SaslError::malformed(M, "empty authentication identity")
        );
        assert_eq!(
            parse(b"a\0b\0").unwrap_err(),
            SaslError::malformed(M, "empty password")
        );
        assert_eq!(
            parse(b"\xff\0b\0c").unwrap_err(),
            SaslError::InvalidUtf8 {
                mechanism: M,
                field: "authorization identity"
            }
        );
        assert_eq!(
            parse(b"\0\xff\0c").unwrap_err(),
            SaslError::InvalidUtf8 {
                mechanism: M,
                field: "authentication identity"
            }
        );
        assert_eq!(
            parse(b"\0b\0\xc3").unwrap_err(),
            SaslError::InvalidUtf8 {
                mechanism: M,
                field: "password"
            }
        );
    }

    #[test]
    fn unencodable_fields_are_refused() {
        assert!(matches!(
            encode(None, "a\0b", "p"),
            Err(SaslError::Misuse(_))
        ));
        assert!(matches!(encode(None, "", "p"), Err(SaslError::Misuse(_))));
        assert!(matches!(encode(None, "a", ""), Err(SaslError::Misuse(_))));
    }
}
