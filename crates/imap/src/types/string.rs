//! Tags, atoms and the string forms of IMAP: quoted, literal (`{n}`, `{n+}`, `~{n}`), astring,
//! nstring and text.

use std::borrow::Cow;
use std::fmt;

use super::chars::{
    is_astring_char, is_atom_char, is_char8, is_quoted_content, is_tag_char, is_text_char,
};
use super::{IntoStatic, ValidationError};

fn owned<T: ?Sized + ToOwned>(c: Cow<'_, T>) -> Cow<'static, T> {
    Cow::Owned(c.into_owned())
}

macro_rules! text_newtype {
    ($(#[$m:meta])* $name:ident, $check:expr, $what:literal) => {
        $(#[$m])*
        #[derive(Clone, PartialEq, Eq, Hash)]
        pub struct $name<'a>(pub(crate) Cow<'a, str>);

        impl<'a> $name<'a> {
            /// The value as text.
            pub fn as_str(&self) -> &str {
                &self.0
            }

            pub(crate) fn unvalidated(s: impl Into<Cow<'a, str>>) -> Self {
                Self(s.into())
            }
        }

        impl<'a> TryFrom<&'a str> for $name<'a> {
            type Error = ValidationError;
            fn try_from(s: &'a str) -> Result<Self, ValidationError> {
                Self::try_from(Cow::Borrowed(s))
            }
        }

        impl TryFrom<String> for $name<'static> {
            type Error = ValidationError;
            fn try_from(s: String) -> Result<Self, ValidationError> {
                Self::try_from(Cow::Owned(s))
            }
        }

        impl<'a> TryFrom<Cow<'a, str>> for $name<'a> {
            type Error = ValidationError;
            fn try_from(s: Cow<'a, str>) -> Result<Self, ValidationError> {
                let check: fn(u8) -> bool = $check;
                if s.is_empty() {
                    return Err(ValidationError::Empty($what));
                }
                match s.bytes().position(|b| !check(b)) {
                    Some(at) => Err(ValidationError::ByteNotAllowed { what: $what, at, byte: s.as_bytes()[at] }),
                    None => Ok(Self(s)),
                }
            }
        }

        impl IntoStatic for $name<'_> {
            type Static = $name<'static>;
            fn into_static(self) -> $name<'static> {
                $name(owned(self.0))
            }
        }

        impl fmt::Debug for $name<'_> {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                write!(f, "{}({:?})", stringify!($name), self.0)
            }
        }

        impl fmt::Display for $name<'_> {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }
    };
}

text_newtype!(
    /// A command tag: one or more `ASTRING-CHAR`s other than `+`.
    Tag, is_tag_char, "tag"
);
text_newtype!(
    /// An atom: one or more `ATOM-CHAR`s.
    Atom, is_atom_char, "atom"
);
text_newtype!(
    /// An extended atom as used in `astring`: atom chars plus `]`.
    AtomExt, is_astring_char, "astring atom"
);

impl<'a> Atom<'a> {
    /// Compares case-insensitively, as IMAP keywords are compared.
    pub fn eq_ignore_case(&self, other: &str) -> bool {
        self.0.eq_ignore_ascii_case(other)
    }
}

/// The content of a quoted string, unescaped.
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct Quoted<'a>(pub(crate) Cow<'a, [u8]>);

impl<'a> Quoted<'a> {
    /// The unescaped content.
    pub fn as_bytes(&self) -> &[u8] {
        &self.0
    }

    /// Whether `bytes` can be sent as a quoted string.
    pub fn is_valid(bytes: &[u8]) -> bool {
        bytes.iter().all(|&b| is_quoted_content(b))
    }
}

impl<'a> TryFrom<&'a [u8]> for Quoted<'a> {
    type Error = ValidationError;
    fn try_from(b: &'a [u8]) -> Result<Self, ValidationError> {
        Self::try_from(Cow::Borrowed(b))
    }
}

impl<'a> TryFrom<&'a str> for Quoted<'a> {
    type Error = ValidationError;
    fn try_from(s: &'a str) -> Result<Self, ValidationError> {
        Self::try_from(s.as_bytes())
    }
}

impl<'a> TryFrom<Cow<'a, [u8]>> for Quoted<'a> {
    type Error = ValidationError;
    fn try_from(b: Cow<'a, [u8]>) -> Result<Self, ValidationError> {
        match b.iter().position(|&c| !is_quoted_content(c)) {
            Some(at) => Err(ValidationError::ByteNotAllowed {
                what: "quoted string",
                at,
                byte: b[at],
            }),
            None => Ok(Self(b)),
        }
    }
}

impl IntoStatic for Quoted<'_> {
    type Static = Quoted<'static>;
    fn into_static(self) -> Quoted<'static> {
        Quoted(owned(self.0))
    }
}

impl fmt::Debug for Quoted<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Quoted({:?})", String::from_utf8_lossy(&self.0))
    }
}

/// How a literal is announced.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
pub enum LiteralMode {
    /// `{n}`: a client waits for a `+` continuation request before sending the data.
    #[default]
    Sync,
    /// `{n+}` (LITERAL+ / LITERAL-, RFC 7888): the data follows at once.
    NonSync,
}

/// A literal: counted bytes. `binary` marks the `~{n}` form of BINARY (RFC 3516), whose data may
/// hold NUL bytes.
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct Literal<'a> {
    pub(crate) data: Cow<'a, [u8]>,
    pub(crate) mode: LiteralMode,
    pub(crate) binary: bool,
}

impl<'a> Literal<'a> {
    /// A text literal (`{n}` / `{n+}`); its data must not hold NUL.
    pub fn new(data: impl Into<Cow<'a, [u8]>>, mode: LiteralMode) -> Result<Self, ValidationError> {
        let data = data.into();
        if let Some(at) = data.iter().position(|&b| !is_char8(b)) {
            return Err(ValidationError::ByteNotAllowed {
                what: "literal",
                at,
                byte: 0,
            });
        }
        Ok(Self {
            data,
            mode,
            binary: false,
        })
    }

    /// A binary literal (`~{n}` / `~{n+}`), any bytes allowed.
    pub fn binary(data: impl Into<Cow<'a, [u8]>>, mode: LiteralMode) -> Self {
        Self {
            data: data.into(),
            mode,
            binary: true,
        }
    }

    /// The data.
    pub fn data(&self) -> &[u8] {
        &self.data
    }

    /// Synchronising or not.
    pub fn mode(&self) -> LiteralMode {
        self.mode
    }

    /// Whether this is a `~{n}` literal8.
    pub fn is_binary(&self) -> bool {
        self.binary
    }
}

impl IntoStatic for Literal<'_> {
    type Static = Literal<'static>;
    fn into_static(self) -> Literal<'static> {
        Literal {
            data: owned(self.data),
            mode: self.mode,
            binary: self.binary,
        }
    }
}

impl fmt::Debug for Literal<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let prefix = if self.binary { "~" } else { "" };
        let plus = if self.mode == LiteralMode::NonSync {
            "+"
        } else {
            ""
        };
        write!(
            f,
            "Literal({prefix}{{{}{plus}}} {:?})",
            self.data.len(),
            String::from_utf8_lossy(&self.data)
        )
    }
}

/// `string`: a quoted string or a literal.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum IString<'a> {
    /// `"..."`
    Quoted(Quoted<'a>),
    /// `{n}\r\n...`
    Literal(Literal<'a>),
}

impl<'a> IString<'a> {
    /// The content bytes.
    pub fn as_bytes(&self) -> &[u8] {
        match self {
            Self::Quoted(q) => q.as_bytes(),
            Self::Literal(l) => l.data(),
        }
    }

    /// A string holding `bytes`: quoted when possible, a synchronising literal otherwise.
    pub fn from_bytes(bytes: impl Into<Cow<'a, [u8]>>) -> Result<Self, ValidationError> {
        let bytes = bytes.into();
        if Quoted::is_valid(&bytes) {
            Ok(Self::Quoted(Quoted(bytes)))
        } else {
            Literal::new(bytes, LiteralMode::Sync).map(Self::Literal)
        }
    }
}

impl<'a> TryFrom<&'a str> for IString<'a> {
    type Error = ValidationError;
    fn try_from(s: &'a str) -> Result<Self, ValidationError> {
        Self::from_bytes(s.as_bytes())
    }
}

impl IntoStatic for IString<'_> {
    type Static = IString<'static>;
    fn into_static(self) -> IString<'static> {
        match self {
            Self::Quoted(q) => IString::Quoted(q.into_static()),
            Self::Literal(l) => IString::Literal(l.into_static()),
        }
    }
}

/// `astring`: an extended atom or a string.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum AString<'a> {
    /// Bare `ASTRING-CHAR`s.
    Atom(AtomExt<'a>),
    /// A quoted string or a literal.
    String(IString<'a>),
}

impl<'a> AString<'a> {
    /// The content bytes.
    pub fn as_bytes(&self) -> &[u8] {
        match self {
            Self::Atom(a) => a.as_str().as_bytes(),
            Self::String(s) => s.as_bytes(),
        }
    }

    /// The most compact form for `bytes`: atom, quoted string or literal.
    pub fn from_bytes(bytes: impl Into<Cow<'a, [u8]>>) -> Result<Self, ValidationError> {
        let bytes = bytes.into();
        if !bytes.is_empty()
            && bytes.iter().all(|&b| is_astring_char(b))
            && !bytes.eq_ignore_ascii_case(b"NIL")
        {
            let text = match bytes {
                Cow::Borrowed(b) => {
                    Cow::Borrowed(std::str::from_utf8(b).map_err(|_| ValidationError::NotUtf8)?)
                }
                Cow::Owned(b) => {
                    Cow::Owned(String::from_utf8(b).map_err(|_| ValidationError::NotUtf8)?)
                }
            };
            return Ok(Self::Atom(AtomExt(text)));
        }
        IString::from_bytes(bytes).map(Self::String)
    }
}

impl<'a> TryFrom<&'a str> for AString<'a> {
    type Error = ValidationError;
    fn try_from(s: &'a str) -> Result<Self, ValidationError> {
        Self::from_bytes(s.as_bytes())
    }
}

impl IntoStatic for AString<'_> {
    type Static = AString<'static>;
    fn into_static(self) -> AString<'static> {
        match self {
            Self::Atom(a) => AString::Atom(a.into_static()),
            Self::String(s) => AString::String(s.into_static()),
        }
    }
}

/// `nstring`: `NIL` or a string.
pub type NString<'a> = Option<IString<'a>>;

impl<T: IntoStatic> IntoStatic for Option<T> {
    type Static = Option<T::Static>;
    fn into_static(self) -> Self::Static {
        self.map(IntoStatic::into_static)
    }
}

impl<T: IntoStatic> IntoStatic for Vec<T> {
    type Static = Vec<T::Static>;
    fn into_static(self) -> Self::Static {
        self.into_iter().map(IntoStatic::into_static).collect()
    }
}

/// Human-readable text after a status response or a continuation request (`text`), possibly
/// empty, never holding CR, LF or NUL.
#[derive(Clone, PartialEq, Eq, Hash, Default)]
pub struct Text<'a>(pub(crate) Cow<'a, [u8]>);

impl<'a> Text<'a> {
    /// The bytes of the text.
    pub fn as_bytes(&self) -> &[u8] {
        &self.0
    }
}

impl<'a> TryFrom<&'a str> for Text<'a> {
    type Error = ValidationError;
    fn try_from(s: &'a str) -> Result<Self, ValidationError> {
        Self::try_from(s.as_bytes())
    }
}

impl<'a> TryFrom<&'a [u8]> for Text<'a> {
    type Error = ValidationError;
    fn try_from(s: &'a [u8]) -> Result<Self, ValidationError> {
        match s.iter().position(|&b| !is_text_char(b)) {
            Some(at) => Err(ValidationError::ByteNotAllowed {
                what: "text",
                at,
                byte: s[at],
            }),
            None => Ok(Self(Cow::Borrowed(s))),
        }
    }
}

impl IntoStatic for Text<'_> {
    type Static = Text<'static>;
    fn into_static(self) -> Text<'static> {
        Text(owned(self.0))
    }
}

impl fmt::Debug for Text<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Text({:?})", String::from_utf8_lossy(&self.0))
    }
}
