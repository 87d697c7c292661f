//! ACL (RFC 4314).

use nom::Parser;
use nom::combinator::map;
use nom::multi::many0;
use nom::sequence::preceded;

use crate::encode::Writer;
use crate::parse::core::{R, Upper, astring, mailbox, sp};
use crate::types::{AString, Mailbox, static_enum};

/// ACL commands.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum AclCommand<'a> {
    /// `SETACL mailbox identifier rights` (rights may start with `+` or `-`)
    SetAcl(Mailbox<'a>, AString<'a>, AString<'a>),
    /// `DELETEACL mailbox identifier`
    DeleteAcl(Mailbox<'a>, AString<'a>),
    /// `GETACL mailbox`
    GetAcl(Mailbox<'a>),
    /// `LISTRIGHTS mailbox identifier`
    ListRights(Mailbox<'a>, AString<'a>),
    /// `MYRIGHTS mailbox`
    MyRights(Mailbox<'a>),
}
static_enum!(AclCommand { ; SetAcl(a, b, c), DeleteAcl(a, b), GetAcl(a), ListRights(a, b), MyRights(a); });

/// ACL data.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum AclData<'a> {
    /// `ACL mailbox (identifier rights)...`
    Acl(Mailbox<'a>, Vec<(AString<'a>, AString<'a>)>),
    /// `LISTRIGHTS mailbox identifier required optional...`
    ListRights(Mailbox<'a>, AString<'a>, AString<'a>, Vec<AString<'a>>),
    /// `MYRIGHTS mailbox rights`
    MyRights(Mailbox<'a>, AString<'a>),
}
static_enum!(AclData { ; Acl(a, b), ListRights(a, b, c, d), MyRights(a, b); });

pub(crate) fn acl_command<'a>(name: &[u8], i: &'a [u8]) -> Option<R<'a, AclCommand<'a>>> {
    Some(match Upper::new(name).as_bytes() {
        b"SETACL" => map(
            (mailbox, preceded(sp, astring), preceded(sp, astring)),
            |(m, id, r)| AclCommand::SetAcl(m, id, r),
        )
        .parse(i),
        b"DELETEACL" => map((mailbox, preceded(sp, astring)), |(m, id)| {
            AclCommand::DeleteAcl(m, id)
        })
        .parse(i),
        b"GETACL" => map(mailbox, AclCommand::GetAcl).parse(i),
        b"LISTRIGHTS" => map((mailbox, preceded(sp, astring)), |(m, id)| {
            AclCommand::ListRights(m, id)
        })
        .parse(i),
        b"MYRIGHTS" => map(mailbox, AclCommand::MyRights).parse(i),
        _ => return None,
    })
}

pub(crate) fn acl_data<'a>(name: &[u8], i: &'a [u8]) -> Option<R<'a, AclData<'a>>> {
    Some(match Upper::new(name).as_bytes() {
        b"ACL" => map(
            (
                preceded(sp, mailbox),
                many0((preceded(sp, astring), preceded(sp, astring))),
            ),
            |(m, l)| AclData::Acl(m, l),
        )
        .parse(i),
        b"LISTRIGHTS" => map(
            (
                preceded(sp, mailbox),
                preceded(sp, astring),
                preceded(sp, astring),
                many0(preceded(sp, astring)),
            ),
            |(m, id, req, opt)| AclData::ListRights(m, id, req, opt),
        )
        .parse(i),
        b"MYRIGHTS" => map((preceded(sp, mailbox), preceded(sp, astring)), |(m, r)| {
            AclData::MyRights(m, r)
        })
        .parse(i),
        _ => return None,
    })
}

pub(crate) fn encode_acl_command(w: &mut Writer, c: &AclCommand<'_>) {
    match c {
        AclCommand::SetAcl(m, id, r) => w
            .raw(b"SETACL ")
            .mailbox(m)
            .sp()
            .astring(id)
            .sp()
            .astring(r),
        AclCommand::DeleteAcl(m, id) => w.raw(b"DELETEACL ").mailbox(m).sp().astring(id),
        AclCommand::GetAcl(m) => w.raw(b"GETACL ").mailbox(m),
        AclCommand::ListRights(m, id) => w.raw(b"LISTRIGHTS ").mailbox(m).sp().astring(id),
        AclCommand::MyRights(m) => w.raw(b"MYRIGHTS ").mailbox(m),
    };
}

pub(crate) fn encode_acl_data(w: &mut Writer, d: &AclData<'_>) {
    match d {
        AclData::Acl(m, l) => {
            w.raw(b"ACL ").mailbox(m);
            for (id, r) in l {
                w.sp().astring(id).sp().astring(r);
            }
        }
        AclData::ListRights(m, id, req, opt) => {
            w.raw(b"LISTRIGHTS ")
                .mailbox(m)
                .sp()
                .astring(id)
                .sp()
                .astring(req);
            for o in opt {
                w.sp().astring(o);
            }
        }
        AclData::MyRights(m, r) => {
            w.raw(b"MYRIGHTS ").mailbox(m).sp().astring(r);
        }
    }
}
