//! Validated IMAP values. Every type borrows from the parsed buffer by default; call
//! [`IntoStatic::into_static`] to own it.

pub mod chars;
mod datetime;
mod flag;
mod mailbox;
mod sequence;
mod string;

pub use datetime::{Date, DateTime};
pub use flag::{Flag, MailboxAttribute};
pub use mailbox::Mailbox;
pub use sequence::{SeqOrUid, Sequence, SequenceSet};
pub use string::{
    AString, Atom, AtomExt, IString, Literal, LiteralMode, NString, Quoted, Tag, Text,
};

/// Turns a borrowed value into one that owns its data.
pub trait IntoStatic {
    /// The owning form.
    type Static: 'static;
    /// Copies every borrowed part.
    fn into_static(self) -> Self::Static;
}

/// Why a value cannot be built.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum ValidationError {
    /// The value must not be empty.
    #[error("{0} must not be empty")]
    Empty(&'static str),
    /// A byte the grammar does not allow here.
    #[error("{what}: byte {byte:#04x} at offset {at} is not allowed")]
    ByteNotAllowed {
        /// What was being built.
        what: &'static str,
        /// Offset of the byte.
        at: usize,
        /// The byte.
        byte: u8,
    },
    /// Text that must be UTF-8 is not.
    #[error("not valid UTF-8")]
    NotUtf8,
    /// A mailbox name that is not valid modified UTF-7.
    #[error("not valid modified UTF-7: {0}")]
    BadModifiedUtf7(#[from] mailwire_core::utf7::Utf7Error),
    /// The value does not follow its syntax.
    #[error("invalid {0}")]
    Syntax(&'static str),
}

macro_rules! static_identity {
    ($($t:ty),*) => {$(
        impl IntoStatic for $t {
            type Static = $t;
            fn into_static(self) -> $t {
                self
            }
        }
    )*};
}

static_identity!(
    u8,
    u32,
    u64,
    bool,
    std::num::NonZeroU32,
    std::num::NonZeroU64,
    Date,
    DateTime,
    SequenceSet,
    SeqOrUid,
    LiteralMode
);

impl IntoStatic for std::borrow::Cow<'_, [u8]> {
    type Static = std::borrow::Cow<'static, [u8]>;
    fn into_static(self) -> Self::Static {
        std::borrow::Cow::Owned(self.into_owned())
    }
}

impl IntoStatic for std::borrow::Cow<'_, str> {
    type Static = std::borrow::Cow<'static, str>;
    fn into_static(self) -> Self::Static {
        std::borrow::Cow::Owned(self.into_owned())
    }
}

impl<T: IntoStatic> IntoStatic for mailwire_core::Secret<T> {
    type Static = mailwire_core::Secret<T::Static>;
    fn into_static(self) -> Self::Static {
        mailwire_core::Secret::new(self.into_inner().into_static())
    }
}

impl<A: IntoStatic, B: IntoStatic> IntoStatic for (A, B) {
    type Static = (A::Static, B::Static);
    fn into_static(self) -> Self::Static {
        (self.0.into_static(), self.1.into_static())
    }
}

impl<T: IntoStatic> IntoStatic for Box<T> {
    type Static = Box<T::Static>;
    fn into_static(self) -> Self::Static {
        Box::new((*self).into_static())
    }
}

/// Implements [`IntoStatic`] for a struct with a lifetime by converting each named field.
macro_rules! static_struct {
    ($name:ident { $($f:ident),* $(,)? }) => {
        impl $crate::types::IntoStatic for $name<'_> {
            type Static = $name<'static>;
            fn into_static(self) -> $name<'static> {
                $name { $($f: $crate::types::IntoStatic::into_static(self.$f)),* }
            }
        }
    };
}

/// Implements [`IntoStatic`] for an enum with a lifetime: unit variants; tuple variants; struct
/// variants, each group separated by `;`.
macro_rules! static_enum {
    ($name:ident { $($unit:ident),* ; $($tup:ident($($t:ident),+)),* ; $($st:ident { $($f:ident),+ }),* $(,)? }) => {
        impl $crate::types::IntoStatic for $name<'_> {
            type Static = $name<'static>;
            #[allow(unused_imports)]
            fn into_static(self) -> $name<'static> {
                use $crate::types::IntoStatic as _;
                match self {
                    $( Self::$unit => $name::$unit, )*
                    $( Self::$tup($($t),+) => $name::$tup($($t.into_static()),+), )*
                    $( Self::$st { $($f),+ } => $name::$st { $($f: $f.into_static()),+ }, )*
                }
            }
        }
    };
}

pub(crate) use {static_enum, static_struct};
