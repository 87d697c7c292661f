//! `CRAM-MD5` (RFC 2195): the client answers `username SP hex(HMAC-MD5(password, challenge))`.

use hmac::{Hmac, Mac};
use md5::Md5;

use crate::crypto::{hex, unhex};
use crate::error::utf8;
use crate::{Mechanism, SaslError};

const M: Mechanism = Mechanism::CramMd5;

/// HMAC-MD5 of the challenge keyed with the password.
pub(crate) fn digest(password: &[u8], challenge: &[u8]) -> [u8; 16] {
    let mut mac =
        <Hmac<Md5> as Mac>::new_from_slice(password).expect("HMAC takes keys of any length");
    mac.update(challenge);
    mac.finalize().into_bytes().into()
}

/// The client's response.
pub(crate) fn response(username: &str, password: &[u8], challenge: &[u8]) -> Vec<u8> {
    format!("{username} {}", hex(&digest(password, challenge))).into_bytes()
}

/// Parses the client's response into the username and the digest. The username is everything
/// before the last space, so it may itself contain spaces.
pub(crate) fn parse_response(data: &[u8]) -> Result<(String, [u8; 16]), SaslError> {
    let Some(space) = data.iter().rposition(|&b| b == b' ') else {
        return Err(SaslError::malformed(
            M,
            "no space between username and digest",
        ));
    };
    let (user, digest) = (&data[..space], &data[space + 1..]);
    if user.is_empty() {
        return Err(SaslError::malformed(M, "empty username"));
    }
    let digest = unhex::<16>(digest).ok_or(SaslError::malformed(
        M,
        "digest is not 32 hexadecimal digits",
    ))?;
    Ok((utf8(M, "username", user)?, digest))
}

#[cfg(test)]
mod tests {
    use super::*;

    const CHALLENGE: &[u8] = b"<1896.697170952@postoffice.reston.mci.net>";

    #[test]
    fn rfc_2195_example() {
        assert_eq!(
            response("tim", b"tanstaaftanstaaf", CHALLENGE),
            b"tim b913a602c7eda7a495b4e6e7334d3890"
        );
        let (user, d) = parse_response(b"tim b913a602c7eda7a495b4e6e7334d3890").unwrap();
        assert_eq!(user, "tim");
        assert_eq!(d, digest(b"tanstaaftanstaaf", CHALLENGE));
    }

    #[test]
    fn malformed_responses() {
        assert_eq!(
            parse_response(b"timb913a602c7eda7a495b4e6e7334d3890").unwrap_err(),
            SaslError::malformed(M, "no space between username and digest")
        );
        assert_eq!(
            parse_response(b" b913a602c7eda7a495b4e6e7334d3890").unwrap_err(),
            SaslError::malformed(M, "empty username")
        );
        for bad in [
            &b"tim b913"[..],
            b"tim b913a602c7eda7a495b4e6e7334d389z",
            b"tim ",
        ] {
            assert_eq!(
                parse_response(bad).unwrap_err(),
                SaslError::malformed(M, "digest is not 32 hexadecimal digits")
            );
        }
        assert_eq!(
            parse_response(b"\xff b913a602c7eda7a495b4e6e7334d3890").unwrap_err(),
            SaslError::InvalidUtf8 {
                mechanism: M,
                field: "username"
            }
        );
        let (user, _) = parse_response(b"tim smith B913A602C7EDA7A495B4E6E7334D3890").unwrap();
        assert_eq!(user, "tim smith");
    }
}
