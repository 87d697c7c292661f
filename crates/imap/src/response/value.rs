//! Generic values: what an unknown FETCH item or extension data carries, kept so that it
//! round-trips without the crate knowing its meaning.

use std::borrow::Cow;

use nom::Parser;
use nom::branch::alt;
use nom::bytes::complete::take_while1;
use nom::character::complete::char;
use nom::combinator::{map, opt};
use nom::multi::separated_list1;
use nom::sequence::delimited;

use crate::encode::Writer;
use crate::parse::core::{R, fail, sp, string};
use crate::types::{IString, static_enum};

/// How deeply generic lists may nest.
const MAX_DEPTH: usize = 16;

/// A value of unknown meaning.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Value<'a> {
    /// `NIL`
    Nil,
    /// A bare token (atom, number, flag, `$`, ...), as sent.
    Token(Cow<'a, str>),
    /// A quoted string or a literal.
    String(IString<'a>),
    /// A parenthesised list.
    List(Vec<Value<'a>>),
}
static_enum!(Value { Nil; Token(a), String(a), List(a); });

fn is_token_char(b: u8) -> bool {
    matches!(b, 0x21..=0x7e) && !matches!(b, b'(' | b')' | b'"' | b'{')
}

/// One generic value.
pub(crate) fn value(i: &[u8]) -> R<'_, Value<'_>> {
    value_at(MAX_DEPTH)(i)
}

fn value_at(depth: usize) -> impl Fn(&[u8]) -> R<'_, Value<'_>> {
    move |i| {
        if depth == 0 {
            return fail(i);
        }
        alt((
            map(string, Value::String),
            map(
                delimited(
                    char('('),
                    opt(separated_list1(sp, value_at(depth - 1))),
                    char(')'),
                ),
                |v| Value::List(v.unwrap_or_default()),
            ),
            map(take_while1(is_token_char), |t: &[u8]| {
                if t.eq_ignore_ascii_case(b"NIL") {
                    Value::Nil
                } else {
                    // Token chars are 7-bit ASCII.
                    Value::Token(Cow::Borrowed(std::str::from_utf8(t).unwrap_or_default()))
                }
            }),
        ))
        .parse(i)
    }
}

/// Writes a generic value.
pub(crate) fn encode_value(w: &mut Writer, v: &Value<'_>) {
    match v {
        Value::Nil => {
            w.raw(b"NIL");
        }
        Value::Token(t) => {
            w.raw(t.as_bytes());
        }
        Value::String(s) => {
            w.string(s);
        }
        Value::List(l) => {
            w.list(l, encode_value);
        }
    }
}
