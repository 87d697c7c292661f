//! The ESMTP parameters of `MAIL` and `RCPT`: SIZE (RFC 1870), BODY (RFC 6152, RFC 3030),
//! SMTPUTF8 (RFC 6531), RET, ENVID, NOTIFY, ORCPT (RFC 3461), AUTH= (RFC 4954),
//! REQUIRETLS (RFC 8689), and any other parameter kept as keyword and value.

use std::borrow::Cow;
use std::fmt::Write as _;

use bytes::BytesMut;

use crate::charset::{ESMTP_VALUE, XTEXT_PLAIN};

/// Why a parameter list was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum ParamError {
    /// A keyword or value breaks the `esmtp-param` grammar.
    #[error("parameter syntax error")]
    Syntax,
    /// A known parameter has a value it cannot take.
    #[error("invalid value for {0}")]
    InvalidValue(&'static str),
    /// The same parameter appears twice.
    #[error("duplicate parameter {0}")]
    Duplicate(&'static str),
}

/// A parameter this crate has no field for, kept as written.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Parameter<'a> {
    /// The keyword (`esmtp-keyword`), case as received.
    pub keyword: Cow<'a, str>,
    /// The value after `=`, if any.
    pub value: Option<Cow<'a, str>>,
}

impl Parameter<'_> {
    /// A copy that owns its text.
    pub fn into_owned(self) -> Parameter<'static> {
        Parameter {
            keyword: Cow::Owned(self.keyword.into_owned()),
            value: self.value.map(|v| Cow::Owned(v.into_owned())),
        }
    }
}

/// `BODY=` of `MAIL`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Body {
    /// `7BIT`
    SevenBit,
    /// `8BITMIME` (RFC 6152)
    EightBitMime,
    /// `BINARYMIME` (RFC 3030): the message must be sent with BDAT.
    BinaryMime,
}

impl Body {
    fn as_str(self) -> &'static str {
        match self {
            Body::SevenBit => "7BIT",
            Body::EightBitMime => "8BITMIME",
            Body::BinaryMime => "BINARYMIME",
        }
    }
}

/// `RET=` of `MAIL` (RFC 3461): what a bounce should carry.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Ret {
    /// The whole message.
    Full,
    /// Only the headers.
    Headers,
}

/// `AUTH=` of `MAIL` (RFC 4954 §5): who submitted the message.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum MailAuth<'a> {
    /// `AUTH=<>`: the identity is unknown or not to be revealed.
    Unknown,
    /// The identity (xtext decoded).
    Identity(Cow<'a, str>),
}

/// `NOTIFY=` of `RCPT` (RFC 3461).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Notify {
    /// `NEVER`
    Never,
    /// Any of `SUCCESS`, `FAILURE`, `DELAY`; at least one is set.
    On {
        /// `SUCCESS`
        success: bool,
        /// `FAILURE`
        failure: bool,
        /// `DELAY`
        delay: bool,
    },
}

/// `ORCPT=` of `RCPT` (RFC 3461): the original recipient.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct OriginalRecipient<'a> {
    /// The address type, usually `rfc822` or `utf-8`.
    pub addr_type: Cow<'a, str>,
    /// The address (xtext decoded).
    pub address: Cow<'a, str>,
}

/// The parameters of `MAIL FROM:`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
pub struct MailParameters<'a> {
    /// `SIZE=`: the declared message size in octets.
    pub size: Option<u64>,
    /// `BODY=`
    pub body: Option<Body>,
    /// `SMTPUTF8`
    pub smtputf8: bool,
    /// `RET=`
    pub ret: Option<Ret>,
    /// `ENVID=` (xtext decoded).
    pub envid: Option<Cow<'a, str>>,
    /// `AUTH=`
    pub auth: Option<MailAuth<'a>>,
    /// `REQUIRETLS`
    pub requiretls: bool,
    /// Every other parameter, in order.
    pub other: Vec<Parameter<'a>>,
}

/// The parameters of `RCPT TO:`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
pub struct RcptParameters<'a> {
    /// `NOTIFY=`
    pub notify: Option<Notify>,
    /// `ORCPT=`
    pub orcpt: Option<OriginalRecipient<'a>>,
    /// Every other parameter, in order.
    pub other: Vec<Parameter<'a>>,
}

/// Decodes RFC 3461 xtext (`+HH` escapes).
pub fn decode_xtext(text: &str) -> Result<Cow<'_, str>, ParamError> {
    let valid = |b: u8| XTEXT_PLAIN[usize::from(b)];
    if text.bytes().all(valid) {
        return Ok(Cow::Borrowed(text));
    }
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'+' => {
                let hex = bytes.get(i + 1..i + 3).ok_or(ParamError::Syntax)?;
                let hex = std::str::from_utf8(hex).map_err(|_| ParamError::Syntax)?;
                if !hex
                    .bytes()
                    .all(|b| b.is_ascii_digit() || (b'A'..=b'F').contains(&b))
                {
                    return Err(ParamError::Syntax);
                }
                out.push(u8::from_str_radix(hex, 16).map_err(|_| ParamError::Syntax)?);
                i += 3;
            }
            b if valid(b) => {
                out.push(b);
                i += 1;
            }
            _ => return Err(ParamError::Syntax),
        }
    }
    String::from_utf8(out)
        .map(Cow::Owned)
        .map_err(|_| ParamError::Syntax)
}

/// Encodes `value` as RFC 3461 xtext into `out`.
pub fn encode_xtext(value: &str, out: &mut BytesMut) {
    for &b in value.as_bytes() {
        if (33..=126).contains(&b) && b != b'+' && b != b'=' {
            out.extend_from_slice(&[b]);
        } else {
            let mut hex = String::with_capacity(3);
            let _ = write!(hex, "+{b:02X}");
            out.extend_from_slice(hex.as_bytes());
        }
    }
}

fn is_keyword(keyword: &str) -> bool {
    let bytes = keyword.as_bytes();
    bytes.first().is_some_and(u8::is_ascii_alphanumeric)
        && bytes[1..]
            .iter()
            .all(|&b| b.is_ascii_alphanumeric() || b == b'-')
}

fn is_value(value: &str) -> bool {
    !value.is_empty() && value.bytes().all(|b| ESMTP_VALUE[usize::from(b)])
}

/// The `keyword[=value]` items of the text after a path.
fn split_params(text: &str) -> impl Iterator<Item = Result<(&str, Option<&str>), ParamError>> {
    split_ascii(text, b' ')
        .filter(|s| !s.is_empty())
        .map(|item| {
            let (keyword, value) = match item.bytes().position(|b| b == b'=') {
                Some(i) => (&item[..i], Some(&item[i + 1..])),
                None => (item, None),
            };
            if !is_keyword(keyword) || value.is_some_and(|v| !is_value(v)) {
                return Err(ParamError::Syntax);
            }
            Ok((keyword, value))
        })
}

/// `text.split(separator)` for an ASCII separator, scanning bytes: for the short items of a
/// command line this is cheaper than the general `char` searcher.
fn split_ascii(text: &str, separator: u8) -> impl Iterator<Item = &str> {
    let mut rest = Some(text);
    std::iter::from_fn(move || {
        let current = rest?;
        match current.bytes().position(|b| b == separator) {
            Some(i) => {
                rest = Some(&current[i + 1..]);
                Some(&current[..i])
            }
            None => {
                rest = None;
                Some(current)
            }
        }
    })
}

fn set_once<T>(slot: &mut Option<T>, value: T, name: &'static str) -> Result<(), ParamError> {
    if slot.is_some() {
        return Err(ParamError::Duplicate(name));
    }
    *slot = Some(value);
    Ok(())
}

fn flag_once(slot: &mut bool, value: Option<&str>, name: &'static str) -> Result<(), ParamError> {
    if value.is_some() {
        return Err(ParamError::InvalidValue(name));
    }
    if *slot {
        return Err(ParamError::Duplicate(name));
    }
    *slot = true;
    Ok(())
}

fn required<'a>(value: Option<&'a str>, name: &'static str) -> Result<&'a str, ParamError> {
    value.ok_or(ParamError::InvalidValue(name))
}

fn parse_size(value: &str) -> Result<u64, ParamError> {
    if value.len() > 20 || !value.bytes().all(|b| b.is_ascii_digit()) {
        return Err(ParamError::InvalidValue("SIZE"));
    }
    value.parse().map_err(|_| ParamError::InvalidValue("SIZE"))
}

impl<'a> MailParameters<'a> {
    /// Parses the text after `MAIL FROM:<path>`.
    pub fn parse(text: &'a str) -> Result<Self, ParamError> {
        let mut params = MailParameters::default();
        for item in split_params(text) {
            let (keyword, value) = item?;
            let mut buf = [0; 24];
            match crate::upper(keyword, &mut buf) {
                b"SIZE" => set_once(
                    &mut params.size,
                    parse_size(required(value, "SIZE")?)?,
                    "SIZE",
                )?,
                b"BODY" => {
                    let body = match crate::upper(required(value, "BODY")?, &mut [0; 24]) {
                        b"7BIT" => Body::SevenBit,
                        b"8BITMIME" => Body::EightBitMime,
                        b"BINARYMIME" => Body::BinaryMime,
                        _ => return Err(ParamError::InvalidValue("BODY")),
                    };
                    set_once(&mut params.body, body, "BODY")?;
                }
                b"SMTPUTF8" => flag_once(&mut params.smtputf8, value, "SMTPUTF8")?,
                b"REQUIRETLS" => flag_once(&mut params.requiretls, value, "REQUIRETLS")?,
                b"RET" => {
                    let ret = match crate::upper(required(value, "RET")?, &mut [0; 24]) {
                        b"FULL" => Ret::Full,
                        b"HDRS" => Ret::Headers,
                        _ => return Err(ParamError::InvalidValue("RET")),
                    };
                    set_once(&mut params.ret, ret, "RET")?;
                }
                b"ENVID" => {
                    let envid = decode_xtext(required(value, "ENVID")?)
                        .map_err(|_| ParamError::InvalidValue("ENVID"))?;
                    set_once(&mut params.envid, envid, "ENVID")?;
                }
                b"AUTH" => {
                    let auth = match required(value, "AUTH")? {
                        "<>" => MailAuth::Unknown,
                        v => MailAuth::Identity(
                            decode_xtext(v).map_err(|_| ParamError::InvalidValue("AUTH"))?,
                        ),
                    };
                    set_once(&mut params.auth, auth, "AUTH")?;
                }
                _ => params.other.push(Parameter {
                    keyword: Cow::Borrowed(keyword),
                    value: value.map(Cow::Borrowed),
                }),
            }
        }
        Ok(params)
    }

    /// Appends ` KEY=VALUE` for each parameter to `out`.
    pub fn encode(&self, out: &mut BytesMut) {
        if let Some(size) = self.size {
            out.extend_from_slice(format!(" SIZE={size}").as_bytes());
        }
        if let Some(body) = self.body {
            out.extend_from_slice(b" BODY=");
            out.extend_from_slice(body.as_str().as_bytes());
        }
        if self.smtputf8 {
            out.extend_from_slice(b" SMTPUTF8");
        }
        if let Some(ret) = self.ret {
            out.extend_from_slice(match ret {
                Ret::Full => b" RET=FULL",
                Ret::Headers => b" RET=HDRS",
            });
        }
        if let Some(envid) = &self.envid {
            out.extend_from_slice(b" ENVID=");
            encode_xtext(envid, out);
        }
        match &self.auth {
            None => {}
            Some(MailAuth::Unknown) => out.extend_from_slice(b" AUTH=<>"),
            Some(MailAuth::Identity(id)) => {
                out.extend_from_slice(b" AUTH=");
                encode_xtext(id, out);
            }
        }
        if self.requiretls {
            out.extend_from_slice(b" REQUIRETLS");
        }
        encode_other(&self.other, out);
    }

    /// Whether any RFC 3461 (DSN) parameter is present.
    pub fn has_dsn(&self) -> bool {
        self.ret.is_some() || self.envid.is_some()
    }

    /// A copy that owns its text.
    pub fn into_owned(self) -> MailParameters<'static> {
        MailParameters {
            size: self.size,
            body: self.body,
            smtputf8: self.smtputf8,
            ret: self.ret,
            envid: self.envid.map(|e| Cow::Owned(e.into_owned())),
            auth: self.auth.map(|a| match a {
                MailAuth::Unknown => MailAuth::Unknown,
                MailAuth::Identity(id) => MailAuth::Identity(Cow::Owned(id.into_owned())),
            }),
            requiretls: self.requiretls,
            other: self.other.into_iter().map(Parameter::into_owned).collect(),
        }
    }
}

fn encode_other(other: &[Parameter<'_>], out: &mut BytesMut) {
    for param in other {
        out.extend_from_slice(b" ");
        out.extend_from_slice(param.keyword.as_bytes());
        if let Some(value) = &param.value {
            out.extend_from_slice(b"=");
            out.extend_from_slice(value.as_bytes());
        }
    }
}

fn parse_notify(value: &str) -> Result<Notify, ParamError> {
    if value.eq_ignore_ascii_case("NEVER") {
        return Ok(Notify::Never);
    }
    let (mut success, mut failure, mut delay) = (false, false, false);
    for item in split_ascii(value, b',') {
        let slot = match crate::upper(item, &mut [0; 24]) {
            b"SUCCESS" => &mut success,
            b"FAILURE" => &mut failure,
            b"DELAY" => &mut delay,
            _ => return Err(ParamError::InvalidValue("NOTIFY")),
        };
        if *slot {
            return Err(ParamError::InvalidValue("NOTIFY"));
        }
        *slot = true;
    }
    Ok(Notify::On {
        success,
        failure,
        delay,
    })
}

impl<'a> RcptParameters<'a> {
    /// Parses the text after `RCPT TO:<path>`.
    pub fn parse(text: &'a str) -> Result<Self, ParamError> {
        let mut params = RcptParameters::default();
        for item in split_params(text) {
            let (keyword, value) = item?;
            let mut buf = [0; 24];
            match crate::upper(keyword, &mut buf) {
                b"NOTIFY" => set_once(
                    &mut params.notify,
                    parse_notify(required(value, "NOTIFY")?)?,
                    "NOTIFY",
                )?,
                b"ORCPT" => {
                    let value = required(value, "ORCPT")?;
                    let semicolon = value
                        .bytes()
                        .position(|b| b == b';')
                        .ok_or(ParamError::InvalidValue("ORCPT"))?;
                    let (addr_type, address) = (&value[..semicolon], &value[semicolon + 1..]);
                    if !is_keyword(addr_type) {
                        return Err(ParamError::InvalidValue("ORCPT"));
                    }
                    let address =
                        decode_xtext(address).map_err(|_| ParamError::InvalidValue("ORCPT"))?;
                    let orcpt = OriginalRecipient {
                        addr_type: Cow::Borrowed(addr_type),
                        address,
                    };
                    set_once(&mut params.orcpt, orcpt, "ORCPT")?;
                }
                _ => params.other.push(Parameter {
                    keyword: Cow::Borrowed(keyword),
                    value: value.map(Cow::Borrowed),
                }),
            }
        }
        Ok(params)
    }

    /// Appends ` KEY=VALUE` for each parameter to `out`.
    pub fn encode(&self, out: &mut BytesMut) {
        match self.notify {
            None => {}
            Some(Notify::Never) => out.extend_from_slice(b" NOTIFY=NEVER"),
            Some(Notify::On {
                success,
                failure,
                delay,
            }) => {
                let names = [(success, "SUCCESS"), (failure, "FAILURE"), (delay, "DELAY")];
                let list: Vec<&str> = names.iter().filter(|(on, _)| *on).map(|p| p.1).collect();
                out.extend_from_slice(b" NOTIFY=");
                out.extend_from_slice(list.join(",").as_bytes());
            }
        }
        if let Some(orcpt) = &self.orcpt {
            out.extend_from_slice(b" ORCPT=");
            out.extend_from_slice(orcpt.addr_type.as_bytes());
            out.extend_from_slice(b";");
            encode_xtext(&orcpt.address, out);
        }
        encode_other(&self.other, out);
    }

    /// Whether any RFC 3461 (DSN) parameter is present.
    pub fn has_dsn(&self) -> bool {
        self.notify.is_some() || self.orcpt.is_some()
    }

    /// A copy that owns its text.
    pub fn into_owned(self) -> RcptParameters<'static> {
        RcptParameters {
            notify: self.notify,
            orcpt: self.orcpt.map(|o| OriginalRecipient {
                addr_type: Cow::Owned(o.addr_type.into_owned()),
                address: Cow::Owned(o.address.into_owned()),
            }),
            other: self.other.into_iter().map(Parameter::into_owned).collect(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn xtext_both_ways() {
        assert_eq!(decode_xtext("a+2Bb+3Dc").unwrap(), "a+b=c");
        assert!(decode_xtext("a+2b").is_err());
        assert!(decode_xtext("a+2").is_err());
        let mut out = BytesMut::new();
        encode_xtext("a+b=c d", &mut out);
        assert_eq!(&out[..], b"a+2Bb+3Dc+20d");
    }

    #[test]
    fn mail_parameters_rfc_examples() {
        // RFC 3461 §4.4 / RFC 1870 / RFC 6152 / RFC 8689 / RFC 4954 forms.
        let p = MailParameters::parse(
            "SIZE=12345 BODY=8BITMIME RET=HDRS ENVID=QQ314159 AUTH=e+3Dmc2@example.com SMTPUTF8 REQUIRETLS X-FOO=bar X-FLAG",
        )
        .unwrap();
        assert_eq!(p.size, Some(12345));
        assert_eq!(p.body, Some(Body::EightBitMime));
        assert_eq!(p.ret, Some(Ret::Headers));
        assert_eq!(p.envid.as_deref(), Some("QQ314159"));
        assert_eq!(p.auth, Some(MailAuth::Identity("e=mc2@example.com".into())));
        assert!(p.smtputf8 && p.requiretls);
        assert_eq!(p.other.len(), 2);
        let mut out = BytesMut::new();
        p.encode(&mut out);
        assert_eq!(
            &out[..],
            &b" SIZE=12345 BODY=8BITMIME SMTPUTF8 RET=HDRS ENVID=QQ314159 AUTH=e+3Dmc2@example.com REQUIRETLS X-FOO=bar X-FLAG"[..]
        );
    }

    #[test]
    fn rcpt_parameters_rfc_examples() {
        let p =
            RcptParameters::parse("NOTIFY=SUCCESS,FAILURE ORCPT=rfc822;Bob@Example.COM").unwrap();
        assert_eq!(
            p.notify,
            Some(Notify::On {
                success: true,
                failure: true,
                delay: false
            })
        );
        assert_eq!(p.orcpt.as_ref().unwrap().address, "Bob@Example.COM");
        let mut out = BytesMut::new();
        p.encode(&mut out);
        assert_eq!(
            &out[..],
            b" NOTIFY=SUCCESS,FAILURE ORCPT=rfc822;Bob@Example.COM"
        );
        assert_eq!(
            RcptParameters::parse("NOTIFY=never").unwrap().notify,
            Some(Notify::Never)
        );
    }

    #[test]
    fn bad_parameters() {
        assert_eq!(
            MailParameters::parse("SIZE=1 SIZE=2"),
            Err(ParamError::Duplicate("SIZE"))
        );
        assert_eq!(
            MailParameters::parse("SIZE=x"),
            Err(ParamError::InvalidValue("SIZE"))
        );
        assert_eq!(
            MailParameters::parse("BODY=9BIT"),
            Err(ParamError::InvalidValue("BODY"))
        );
        assert_eq!(
            MailParameters::parse("SMTPUTF8=yes"),
            Err(ParamError::InvalidValue("SMTPUTF8"))
        );
        assert_eq!(MailParameters::parse("=x"), Err(ParamError::Syntax));
        assert_eq!(
            RcptParameters::parse("NOTIFY=NEVER,SUCCESS"),
            Err(ParamError::InvalidValue("NOTIFY"))
        );
        assert_eq!(
            RcptParameters::parse("ORCPT=noaddrtype"),
            Err(ParamError::InvalidValue("ORCPT"))
        );
    }
}
