//! `SCRAM-SHA-1` (RFC 5802) and `SCRAM-SHA-256` (RFC 7677), without channel binding.

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD as BASE64;
use hmac::{Hmac, Mac};
use mailwire_core::Secret;
use sha1::Sha1;
use sha2::{Digest, Sha256};

use crate::crypto::ct_eq;
use crate::error::utf8;
use crate::gs2::{self, Gs2Header};
use crate::saslprep::saslprep;
use crate::{Mechanism, Misuse, SaslError};

/// The hash function of a SCRAM mechanism.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ScramHash {
    /// SHA-1, for `SCRAM-SHA-1`.
    Sha1,
    /// SHA-256, for `SCRAM-SHA-256`.
    Sha256,
}

impl ScramHash {
    /// The mechanism using this hash.
    pub const fn mechanism(self) -> Mechanism {
        match self {
            ScramHash::Sha1 => Mechanism::ScramSha1,
            ScramHash::Sha256 => Mechanism::ScramSha256,
        }
    }

    /// The length of the hash output, and so of the keys and the proof.
    pub const fn output_len(self) -> usize {
        match self {
            ScramHash::Sha1 => 20,
            ScramHash::Sha256 => 32,
        }
    }

    fn hash(self, data: &[u8]) -> Vec<u8> {
        match self {
            ScramHash::Sha1 => Sha1::digest(data).to_vec(),
            ScramHash::Sha256 => Sha256::digest(data).to_vec(),
        }
    }

    fn hmac(self, key: &[u8], data: &[u8]) -> Vec<u8> {
        const ANY_KEY: &str = "HMAC takes keys of any length";
        match self {
            ScramHash::Sha1 => {
                let mut mac = <Hmac<Sha1> as Mac>::new_from_slice(key).expect(ANY_KEY);
                mac.update(data);
                mac.finalize().into_bytes().to_vec()
            }
            ScramHash::Sha256 => {
                let mut mac = <Hmac<Sha256> as Mac>::new_from_slice(key).expect(ANY_KEY);
                mac.update(data);
                mac.finalize().into_bytes().to_vec()
            }
        }
    }

    /// `Hi()` of RFC 5802: PBKDF2 with this hash's HMAC.
    fn salted_password(self, password: &[u8], salt: &[u8], iterations: u32) -> Vec<u8> {
        let mut out = vec![0; self.output_len()];
        match self {
            ScramHash::Sha1 => pbkdf2::pbkdf2_hmac::<Sha1>(password, salt, iterations, &mut out),
            ScramHash::Sha256 => {
                pbkdf2::pbkdf2_hmac::<Sha256>(password, salt, iterations, &mut out)
            }
        }
        out
    }
}

/// What a server stores for a SCRAM user instead of the password (RFC 5802 §3): the salt, the
/// iteration count, `StoredKey = H(HMAC(SaltedPassword, "Client Key"))` and
/// `ServerKey = HMAC(SaltedPassword, "Server Key")`.
///
/// ```
/// use mailwire_sasl::{ScramCredentials, ScramHash};
///
/// let creds = ScramCredentials::derive(ScramHash::Sha256, "pencil", b"a fresh random salt", 4096)?;
/// assert_eq!(creds.stored_key.expose().len(), 32);
/// # Ok::<(), mailwire_sasl::SaslError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ScramCredentials {
    /// The hash these keys were made with.
    pub hash: ScramHash,
    /// The salt (raw bytes; base64 is applied on the wire).
    pub salt: Vec<u8>,
    /// The PBKDF2 iteration count.
    pub iterations: u32,
    /// `StoredKey`.
    pub stored_key: Secret<Vec<u8>>,
    /// `ServerKey`.
    pub server_key: Secret<Vec<u8>>,
}

impl ScramCredentials {
    /// Derives the credentials from a password (prepared with this crate's SASLprep, see the
    /// crate documentation), a salt the caller generated at random, and an iteration count
    /// (RFC 7677 asks for at least 4096).
    pub fn derive(
        hash: ScramHash,
        password: &str,
        salt: &[u8],
        iterations: u32,
    ) -> Result<Self, SaslError> {
        if salt.is_empty() {
            return Err(Misuse::InvalidArgument("SCRAM salt must not be empty").into());
        }
        if iterations == 0 {
            return Err(Misuse::InvalidArgument("SCRAM iteration count must be positive").into());
        }
        let password = saslprep(password, "password")?;
        let salted = hash.salted_password(password.as_bytes(), salt, iterations);
        let client_key = hash.hmac(&salted, b"Client Key");
        Ok(Self {
            hash,
            salt: salt.to_vec(),
            iterations,
            stored_key: Secret::new(hash.hash(&client_key)),
            server_key: Secret::new(hash.hmac(&salted, b"Server Key")),
        })
    }
}

impl ScramCredentials {
    /// Encodes the credentials in the RFC 5803 form used by LDAP and PostgreSQL:
    /// `SCRAM-SHA-256$<iterations>:<salt>$<StoredKey>:<ServerKey>`, all base64. The result
    /// holds the keys: store it like a password hash.
    ///
    /// ```
    /// use mailwire_sasl::{ScramCredentials, ScramHash};
    ///
    /// let creds = ScramCredentials::derive(ScramHash::Sha1, "pencil", b"salt", 4096)?;
    /// let stored = creds.to_rfc5803();
    /// assert!(stored.starts_with("SCRAM-SHA-1$4096:c2FsdA==$"));
    /// assert_eq!(ScramCredentials::from_rfc5803(&stored)?, creds);
    /// # Ok::<(), mailwire_sasl::SaslError>(())
    /// ```
    pub fn to_rfc5803(&self) -> String {
        format!(
            "{}${}:{}${}:{}",
            self.hash.mechanism(),
            self.iterations,
            BASE64.encode(&self.salt),
            BASE64.encode(self.stored_key.expose()),
            BASE64.encode(self.server_key.expose()),
        )
    }

    /// Parses the form written by [`ScramCredentials::to_rfc5803`].
    pub fn from_rfc5803(stored: &str) -> Result<Self, SaslError> {
        let invalid = || SaslError::from(Misuse::InvalidArgument("not RFC 5803 SCRAM credentials"));
        let (scheme, rest) = stored.split_once('$').ok_or_else(invalid)?;
        let (params, keys) = rest.split_once('$').ok_or_else(invalid)?;
        let (iterations, salt) = params.split_once(':').ok_or_else(invalid)?;
        let (stored_key, server_key) = keys.split_once(':').ok_or_else(invalid)?;
        let hash = Mechanism::from_name(scheme)
            .ok()
            .and_then(Mechanism::scram_hash)
            .ok_or_else(invalid)?;
        let iterations: u32 = iterations.parse().map_err(|_| invalid())?;
        let decode = |s: &str| BASE64.decode(s).map_err(|_| invalid());
        let (salt, stored_key, server_key) =
            (decode(salt)?, decode(stored_key)?, decode(server_key)?);
        let len = hash.output_len();
        if iterations == 0 || salt.is_empty() || stored_key.len() != len || server_key.len() != len
        {
            return Err(invalid());
        }
        Ok(Self {
            hash,
            salt,
            iterations,
            stored_key: Secret::new(stored_key),
            server_key: Secret::new(server_key),
        })
    }
}

/// A SCRAM nonce: printable ASCII except `,`.
pub(crate) fn valid_nonce(nonce: &str) -> bool {
    !nonce.is_empty() && nonce.bytes().all(|b| matches!(b, 0x21..=0x7e) && b != b',')
}

fn xor(a: &[u8], b: &[u8]) -> Vec<u8> {
    a.iter().zip(b).map(|(x, y)| x ^ y).collect()
}

/// Splits `attr=value` where `attr` is one ASCII letter.
fn attribute(m: Mechanism, s: &str) -> Result<(u8, &str), SaslError> {
    match s.as_bytes() {
        [a, b'=', ..] if a.is_ascii_alphabetic() => Ok((*a, &s[2..])),
        _ => Err(SaslError::malformed(m, "invalid attribute")),
    }
}

/// Checks that every remaining attribute is a well-formed optional extension.
fn extensions<'a>(m: Mechanism, rest: impl Iterator<Item = &'a str>) -> Result<(), SaslError> {
    for a in rest {
        attribute(m, a)?;
    }
    Ok(())
}

fn expect<'a>(
    m: Mechanism,
    attr: Option<&'a str>,
    name: u8,
    reason: &'static str,
) -> Result<&'a str, SaslError> {
    match attr.map(|a| attribute(m, a)).transpose()? {
        Some((n, value)) if n == name => Ok(value),
        _ => Err(SaslError::malformed(m, reason)),
    }
}

/// The parsed `client-first-message`, kept by the server for the rest of the exchange.
#[derive(Debug)]
pub(crate) struct ClientFirst {
    gs2: Gs2Header,
    bare: String,
    nonce: String,
    /// The username, unescaped and prepared.
    pub(crate) username: String,
}

impl ClientFirst {
    /// The authorization identity from the GS2 header.
    pub(crate) fn authzid(&self) -> Option<&str> {
        self.gs2.authzid.as_deref()
    }
}

/// Parses `gs2-header [m=ext,] n=saslname,r=nonce[,extensions]`.
pub(crate) fn parse_client_first(hash: ScramHash, data: &[u8]) -> Result<ClientFirst, SaslError> {
    let m = hash.mechanism();
    let text = utf8(m, "client-first-message", data)?;
    let (gs2, bare) = gs2::split(m, &text)?;
    let mut attrs = bare.split(',');
    let first = attrs.next();
    if first.is_some_and(|a| a.starts_with("m=")) {
        return Err(SaslError::UnsupportedExtension);
    }
    let username = expect(
        m,
        first,
        b'n',
        "client-first-message does not start with n=",
    )?;
    let username = gs2::unescape(m, username)?;
    let username = saslprep(&username, "username")?.into_owned();
    if username.is_empty() {
        return Err(SaslError::malformed(m, "empty username"));
    }
    let nonce = expect(m, attrs.next(), b'r', "missing client nonce")?;
    if !valid_nonce(nonce) {
        return Err(SaslError::malformed(m, "invalid client nonce"));
    }
    extensions(m, attrs)?;
    Ok(ClientFirst {
        nonce: nonce.to_owned(),
        bare: bare.to_owned(),
        gs2,
        username,
    })
}

/// The server's state between its first message and the client's final message.
#[derive(Debug)]
pub(crate) struct ServerFirstSent {
    client_first: ClientFirst,
    server_first: String,
    nonce: String,
    credentials: ScramCredentials,
}

impl ServerFirstSent {
    /// The client's first message, for the identities.
    pub(crate) fn client_first(&self) -> &ClientFirst {
        &self.client_first
    }
}

/// Builds `r=nonce,s=salt,i=iterations` from the client's first message, the server's nonce
/// part and the user's credentials.
pub(crate) fn server_first(
    client_first: ClientFirst,
    server_nonce: &str,
    credentials: ScramCredentials,
) -> (Vec<u8>, ServerFirstSent) {
    let nonce = format!("{}{server_nonce}", client_first.nonce);
    let server_first = format!(
        "r={nonce},s={},i={}",
        BASE64.encode(&credentials.salt),
        credentials.iterations
    );
    let message = server_first.clone().into_bytes();
    (
        message,
        ServerFirstSent {
            client_first,
            server_first,
            nonce,
            credentials,
        },
    )
}

/// Checks `c=...,r=...[,extensions],p=proof`. Returns the `server-final-message` when the
/// proof is right, `None` when it is wrong.
pub(crate) fn verify_client_final(
    state: &ServerFirstSent,
    data: &[u8],
) -> Result<Option<Vec<u8>>, SaslError> {
    let hash = state.credentials.hash;
    let m = hash.mechanism();
    let text = utf8(m, "client-final-message", data)?;
    let (without_proof, proof) = text.rsplit_once(',').ok_or(SaslError::malformed(
        m,
        "client-final-message has too few attributes",
    ))?;
    let proof = expect(
        m,
        Some(proof),
        b'p',
        "client-final-message does not end with p=",
    )?;
    let mut attrs = without_proof.split(',');
    let binding = expect(
        m,
        attrs.next(),
        b'c',
        "client-final-message does not start with c=",
    )?;
    let binding = BASE64
        .decode(binding)
        .map_err(|_| SaslError::malformed(m, "channel binding is not base64"))?;
    if binding != state.client_first.gs2.raw.as_bytes() {
        return Err(SaslError::ChannelBindingMismatch);
    }
    let nonce = expect(
        m,
        attrs.next(),
        b'r',
        "missing nonce in client-final-message",
    )?;
    if nonce != state.nonce {
        return Err(SaslError::NonceMismatch);
    }
    extensions(m, attrs)?;
    let proof = BASE64
        .decode(proof)
        .map_err(|_| SaslError::malformed(m, "proof is not base64"))?;
    if proof.len() != hash.output_len() {
        return Err(SaslError::malformed(m, "proof has the wrong length"));
    }
    let auth_message = format!(
        "{},{},{without_proof}",
        state.client_first.bare, state.server_first
    );
    let stored_key = state.credentials.stored_key.expose();
    let client_signature = hash.hmac(stored_key, auth_message.as_bytes());
    let client_key = xor(&proof, &client_signature);
    if !ct_eq(&hash.hash(&client_key), stored_key) {
        return Ok(None);
    }
    let server_signature = hash.hmac(
        state.credentials.server_key.expose(),
        auth_message.as_bytes(),
    );
    Ok(Some(
        format!("v={}", BASE64.encode(server_signature)).into_bytes(),
    ))
}

/// The client side of a SCRAM exchange.
#[derive(Debug)]
pub(crate) struct ScramClient {
    hash: ScramHash,
    gs2: String,
    bare: String,
    nonce: String,
    password: Secret<String>,
    server_signature: Option<Vec<u8>>,
}

impl ScramClient {
    pub(crate) fn new(
        hash: ScramHash,
        authzid: Option<&str>,
        username: &str,
        password: &str,
        nonce: &str,
    ) -> Result<Self, SaslError> {
        if !valid_nonce(nonce) {
            return Err(
                Misuse::InvalidArgument("SCRAM nonce must be printable ASCII without ','").into(),
            );
        }
        if authzid.is_some_and(str::is_empty) {
            return Err(Misuse::InvalidArgument("empty SCRAM authorization identity").into());
        }
        let username = saslprep(username, "username")?;
        if username.is_empty() {
            return Err(Misuse::InvalidArgument("SCRAM username must not be empty").into());
        }
        let password = saslprep(password, "password")?.into_owned();
        Ok(Self {
            hash,
            gs2: gs2::client_header(authzid),
            bare: format!("n={},r={nonce}", gs2::escape(&username)),
            nonce: nonce.to_owned(),
            password: Secret::new(password),
            server_signature: None,
        })
    }

    pub(crate) fn client_first(&self) -> Vec<u8> {
        format!("{}{}", self.gs2, self.bare).into_bytes()
    }

    /// Reads `server-first-message` and computes `client-final-message`.
    pub(crate) fn client_final(
        &mut self,
        server_first: &[u8],
        max_iterations: u32,
    ) -> Result<Vec<u8>, SaslError> {
        let hash = self.hash;
        let m = hash.mechanism();
        let text = utf8(m, "server-first-message", server_first)?;
        let mut attrs = text.split(',');
        let first = attrs.next();
        if first.is_some_and(|a| a.starts_with("m=")) {
            return Err(SaslError::UnsupportedExtension);
        }
        let nonce = expect(
            m,
            first,
            b'r',
            "server-first-message does not start with r=",
        )?;
        if !valid_nonce(nonce) {
            return Err(SaslError::malformed(m, "invalid server nonce"));
        }
        if nonce.len() <= self.nonce.len() || !nonce.starts_with(&self.nonce) {
            return Err(SaslError::NonceMismatch);
        }
        let salt = expect(m, attrs.next(), b's', "missing salt")?;
        let salt = BASE64
            .decode(salt)
            .map_err(|_| SaslError::malformed(m, "salt is not base64"))?;
        if salt.is_empty() {
            return Err(SaslError::malformed(m, "empty salt"));
        }
        let iterations = expect(m, attrs.next(), b'i', "missing iteration count")?;
        if iterations.is_empty() || !iterations.bytes().all(|b| b.is_ascii_digit()) {
            return Err(SaslError::malformed(m, "invalid iteration count"));
        }
        let iterations: u32 = iterations
            .parse()
            .map_err(|_| SaslError::IterationCount(u32::MAX))?;
        if iterations == 0 || iterations > max_iterations {
            return Err(SaslError::IterationCount(iterations));
        }
        extensions(m, attrs)?;

        let salted = hash.salted_password(self.password.expose().as_bytes(), &salt, iterations);
        let client_key = hash.hmac(&salted, b"Client Key");
        let stored_key = hash.hash(&client_key);
        let without_proof = format!("c={},r={nonce}", BASE64.encode(&self.gs2));
        let auth_message = format!("{},{text},{without_proof}", self.bare);
        let proof = xor(
            &client_key,
            &hash.hmac(&stored_key, auth_message.as_bytes()),
        );
        let server_key = hash.hmac(&salted, b"Server Key");
        self.server_signature = Some(hash.hmac(&server_key, auth_message.as_bytes()));
        Ok(format!("{without_proof},p={}", BASE64.encode(proof)).into_bytes())
    }

    /// Checks `server-final-message` (`v=signature` or `e=error`).
    pub(crate) fn verify_server_final(&self, data: &[u8]) -> Result<(), SaslError> {
        let m = self.hash.mechanism();
        let text = utf8(m, "server-final-message", data)?;
        let mut attrs = text.split(',');
        match attrs.next().map(|a| attribute(m, a)).transpose()? {
            Some((b'e', error)) => Err(SaslError::ServerError(error.to_owned())),
            Some((b'v', signature)) => {
                extensions(m, attrs)?;
                let signature = BASE64
                    .decode(signature)
                    .map_err(|_| SaslError::malformed(m, "server signature is not base64"))?;
                match &self.server_signature {
                    Some(expected) if ct_eq(expected, &signature) => Ok(()),
                    _ => Err(SaslError::ServerSignatureMismatch),
                }
            }
            _ => Err(SaslError::malformed(
                m,
                "server-final-message has neither v= nor e=",
            )),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rfc_5803_form_round_trips_and_rejects_garbage() {
        let creds = ScramCredentials::derive(ScramHash::Sha256, "pencil", b"NaCl", 4096).unwrap();
        assert_eq!(
            ScramCredentials::from_rfc5803(&creds.to_rfc5803()).unwrap(),
            creds
        );
        let good = creds.to_rfc5803();
        let bad = [
            "",
            "SCRAM-SHA-256",
            "SCRAM-SHA-256$4096",
            "SCRAM-SHA-256$4096:TmFDbA==",
            "SCRAM-SHA-256$4096:TmFDbA==$AAAA",
            &good.replace("SCRAM-SHA-256", "PLAIN"),
            &good.replace("SCRAM-SHA-256", "SCRAM-SHA-1"),
            &good.replace("$4096:", "$0:"),
            &good.replace("$4096:", "$x:"),
            &good.replace("TmFDbA==", ""),
            &good.replace("TmFDbA==", "!"),
        ];
        for b in bad {
            assert_eq!(
                ScramCredentials::from_rfc5803(b),
                Err(Misuse::InvalidArgument("not RFC 5803 SCRAM credentials").into()),
                "{b}"
            );
        }
    }
}
