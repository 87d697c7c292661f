//! The GS2 header shared by SCRAM and OAUTHBEARER (RFC 5801 §4), and `saslname` escaping.

use crate::{Mechanism, SaslError};

/// A parsed GS2 header.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Gs2Header {
    /// The header as sent, including its final comma.
    pub(crate) raw: String,
    /// The authorization identity (`a=`), unescaped.
    pub(crate) authzid: Option<String>,
}

/// Splits `message` into its GS2 header and the rest. Channel binding (`p=`) is refused;
/// `n` (client does not support it) and `y` (client supports it, thinks the server does not)
/// are both accepted, since this server never advertises a `-PLUS` mechanism.
pub(crate) fn split(mechanism: Mechanism, message: &str) -> Result<(Gs2Header, &str), SaslError> {
    let malformed = |reason| SaslError::malformed(mechanism, reason);
    let (flag, rest) = message
        .split_once(',')
        .ok_or(malformed("missing GS2 header"))?;
    match flag {
        "n" | "y" => {}
        f if f.starts_with("p=") => return Err(SaslError::ChannelBindingNotSupported),
        _ => return Err(malformed("invalid GS2 channel binding flag")),
    }
    let (authzid, rest) = rest
        .split_once(',')
        .ok_or(malformed("unterminated GS2 header"))?;
    let authzid = match authzid {
        "" => None,
        a => {
            let name = a
                .strip_prefix("a=")
                .ok_or(malformed("invalid GS2 authorization identity"))?;
            if name.is_empty() {
                return Err(malformed("empty GS2 authorization identity"));
            }
            Some(unescape(mechanism, name)?)
        }
    };
    let raw = message[..message.len() - rest.len()].to_owned();
    Ok((Gs2Header { raw, authzid }, rest))
}

/// The GS2 header a client without channel binding sends.
pub(crate) fn client_header(authzid: Option<&str>) -> String {
    match authzid {
        Some(a) => format!("n,a={},", escape(a)),
        None => "n,,".to_owned(),
    }
}

/// Escapes `,` as `=2C` and `=` as `=3D`.
pub(crate) fn escape(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    for ch in name.chars() {
        match ch {
            ',' => out.push_str("=2C"),
            '=' => out.push_str("=3D"),
            c => out.push(c),
        }
    }
    out
}

/// Reverses [`escape`]; any other use of `=` (or a bare `,`) is an error, as RFC 5802 §5.1
/// requires.
pub(crate) fn unescape(mechanism: Mechanism, name: &str) -> Result<String, SaslError> {
    let mut out = String::with_capacity(name.len());
    let mut rest = name;
    while let Some(i) = rest.find(['=', ',']) {
        out.push_str(&rest[..i]);
        let tail = &rest[i..];
        if tail.starts_with("=2C") {
            out.push(',');
        } else if tail.starts_with("=3D") {
            out.push('=');
        } else {
            return Err(SaslError::malformed(
                mechanism,
                "invalid escape in saslname",
            ));
        }
        rest = &tail[3..];
    }
    out.push_str(rest);
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    const M: Mechanism = Mechanism::ScramSha1;

    #[test]
    fn escaping_round_trips() {
        assert_eq!(escape("a,b=c"), "a=2Cb=3Dc");
        assert_eq!(unescape(M, "a=2Cb=3Dc").unwrap(), "a,b=c");
        assert_eq!(unescape(M, "=3D=2C").unwrap(), "=,");
        for bad in ["a=", "a=2", "a=2c", "=41", "a,b"] {
            assert_eq!(
                unescape(M, bad).unwrap_err(),
                SaslError::malformed(M, "invalid escape in saslname"),
                "{bad}"
            );
        }
    }

    #[test]
    fn headers() {
        let (h, rest) = split(M, "n,,n=user").unwrap();
        assert_eq!((h.raw.as_str(), h.authzid, rest), ("n,,", None, "n=user"));
        let (h, rest) = split(M, "y,a=Ur=2Csel,x").unwrap();
        assert_eq!(
            (h.raw.as_str(), h.authzid.as_deref(), rest),
            ("y,a=Ur=2Csel,", Some("Ur,sel"), "x")
        );
        assert_eq!(
            split(M, "p=tls-unique,,x").unwrap_err(),
            SaslError::ChannelBindingNotSupported
        );
        let bad = |r| SaslError::malformed(M, r);
        assert_eq!(split(M, "n").unwrap_err(), bad("missing GS2 header"));
        assert_eq!(split(M, "n,").unwrap_err(), bad("unterminated GS2 header"));
        assert_eq!(
            split(M, "x,,").unwrap_err(),
            bad("invalid GS2 channel binding flag")
        );
        assert_eq!(
            split(M, "n,b=x,").unwrap_err(),
            bad("invalid GS2 authorization identity")
        );
        assert_eq!(
            split(M, "n,a=,").unwrap_err(),
            bad("empty GS2 authorization identity")
        );
        assert_eq!(client_header(Some("a,b")), "n,a=a=2Cb,");
        assert_eq!(client_header(None), "n,,");
    }
}
