//! QUOTA (RFC 9208).

use nom::Parser;
use nom::combinator::map;
use nom::multi::many0;
use nom::sequence::preceded;

use crate::encode::Writer;
use crate::parse::core::{R, Upper, astring, atom, mailbox, number64, paren_list, sp};
use crate::types::{AString, Atom, Mailbox, static_enum, static_struct};

/// A quota resource: name, usage (absent in SETQUOTA) and limit.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct QuotaResource<'a> {
    /// `STORAGE`, `MESSAGE`, `MAILBOX`, `ANNOTATION-STORAGE`, ...
    pub name: Atom<'a>,
    /// Current usage (QUOTA data only).
    pub usage: Option<u64>,
    /// Limit.
    pub limit: u64,
}
static_struct!(QuotaResource { name, usage, limit });

/// QUOTA commands.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum QuotaCommand<'a> {
    /// `GETQUOTA root`
    GetQuota(AString<'a>),
    /// `GETQUOTAROOT mailbox`
    GetQuotaRoot(Mailbox<'a>),
    /// `SETQUOTA root (name limit ...)`; `usage` is `None` in each resource.
    SetQuota(AString<'a>, Vec<QuotaResource<'a>>),
}
static_enum!(QuotaCommand { ; GetQuota(a), GetQuotaRoot(a), SetQuota(a, b); });

/// QUOTA data.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum QuotaData<'a> {
    /// `QUOTA root (name usage limit ...)`
    Quota(AString<'a>, Vec<QuotaResource<'a>>),
    /// `QUOTAROOT mailbox root...`
    QuotaRoot(Mailbox<'a>, Vec<AString<'a>>),
}
static_enum!(QuotaData { ; Quota(a, b), QuotaRoot(a, b); });

/// The arguments of a QUOTA command named `name` (after its space).
pub(crate) fn quota_command<'a>(name: &[u8], i: &'a [u8]) -> Option<R<'a, QuotaCommand<'a>>> {
    let resource = map((atom, preceded(sp, number64)), |(name, limit)| {
        QuotaResource {
            name,
            usage: None,
            limit,
        }
    });
    Some(match Upper::new(name).as_bytes() {
        b"GETQUOTA" => map(astring, QuotaCommand::GetQuota).parse(i),
        b"GETQUOTAROOT" => map(mailbox, QuotaCommand::GetQuotaRoot).parse(i),
        b"SETQUOTA" => map(
            (astring, preceded(sp, paren_list(resource))),
            |(root, r)| QuotaCommand::SetQuota(root, r),
        )
        .parse(i),
        _ => return None,
    })
}

/// QUOTA / QUOTAROOT data after the name.
pub(crate) fn quota_data<'a>(name: &[u8], i: &'a [u8]) -> Option<R<'a, QuotaData<'a>>> {
    let resource = map(
        (atom, preceded(sp, number64), preceded(sp, number64)),
        |(name, usage, limit)| QuotaResource {
            name,
            usage: Some(usage),
            limit,
        },
    );
    Some(match Upper::new(name).as_bytes() {
        b"QUOTA" => map(
            (preceded(sp, astring), preceded(sp, paren_list(resource))),
            |(r, l)| QuotaData::Quota(r, l),
        )
        .parse(i),
        b"QUOTAROOT" => map(
            (preceded(sp, mailbox), many0(preceded(sp, astring))),
            |(m, r)| QuotaData::QuotaRoot(m, r),
        )
        .parse(i),
        _ => return None,
    })
}

fn resources(w: &mut Writer, r: &[QuotaResource<'_>]) {
    w.list(r, |w, r| {
        w.atom(&r.name).sp();
        if let Some(u) = r.usage {
            w.num(u).sp();
        }
        w.num(r.limit);
    });
}

pub(crate) fn encode_quota_command(w: &mut Writer, c: &QuotaCommand<'_>) {
    match c {
        QuotaCommand::GetQuota(r) => {
            w.raw(b"GETQUOTA ").astring(r);
        }
        QuotaCommand::GetQuotaRoot(m) => {
            w.raw(b"GETQUOTAROOT ").mailbox(m);
        }
        QuotaCommand::SetQuota(root, r) => {
            w.raw(b"SETQUOTA ").astring(root).sp();
            resources(w, r);
        }
    }
}

pub(crate) fn encode_quota_data(w: &mut Writer, d: &QuotaData<'_>) {
    match d {
        QuotaData::Quota(root, r) => {
            w.raw(b"QUOTA ").astring(root).sp();
            resources(w, r);
        }
        QuotaData::QuotaRoot(m, roots) => {
            w.raw(b"QUOTAROOT ").mailbox(m);
            for r in roots {
                w.sp().astring(r);
            }
        }
    }
}
