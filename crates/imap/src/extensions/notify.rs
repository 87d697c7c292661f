//! NOTIFY (RFC 5465).

use nom::Parser;
use nom::branch::alt;
use nom::bytes::complete::tag_no_case;
use nom::character::complete::char;
use nom::combinator::{map, opt, value};
use nom::multi::separated_list1;
use nom::sequence::{delimited, preceded};

use crate::command::FetchAttribute;
use crate::command::fetch::{encode_attribute, fetch_attribute};
use crate::encode::Writer;
use crate::parse::core::{R, Upper, atom, mailbox, paren_list1, sp};
use crate::types::{Atom, Mailbox, static_enum, static_struct};

/// The NOTIFY command.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum NotifyCommand<'a> {
    /// `NOTIFY NONE`
    None,
    /// `NOTIFY SET [STATUS] (filter events)...`
    Set {
        /// `STATUS`: send STATUS for the mailboxes now.
        status: bool,
        /// Event groups.
        groups: Vec<EventGroup<'a>>,
    },
}
static_enum!(NotifyCommand { None; ; Set { status, groups } });

/// Which mailboxes an event group watches.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum MailboxFilter<'a> {
    /// `selected`
    Selected,
    /// `selected-delayed`
    SelectedDelayed,
    /// `inboxes`
    Inboxes,
    /// `personal`
    Personal,
    /// `subscribed`
    Subscribed,
    /// `subtree mailbox(es)`
    Subtree(Vec<Mailbox<'a>>),
    /// `mailboxes mailbox(es)`
    Mailboxes(Vec<Mailbox<'a>>),
}
static_enum!(MailboxFilter { Selected, SelectedDelayed, Inboxes, Personal, Subscribed; Subtree(a), Mailboxes(a); });

/// An event, such as `MessageNew (UID FLAGS)`, `MessageExpunge`, `FlagChange`, `MailboxName`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NotifyEvent<'a> {
    /// Event name.
    pub name: Atom<'a>,
    /// Fetch attributes (`MessageNew` only).
    pub fetch: Vec<FetchAttribute<'a>>,
}
static_struct!(NotifyEvent { name, fetch });

/// `(filter events)`; no events means `NONE`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EventGroup<'a> {
    /// Watched mailboxes.
    pub filter: MailboxFilter<'a>,
    /// Events.
    pub events: Vec<NotifyEvent<'a>>,
}
static_struct!(EventGroup { filter, events });

fn mailboxes(i: &[u8]) -> R<'_, Vec<Mailbox<'_>>> {
    alt((paren_list1(mailbox), map(mailbox, |m| vec![m]))).parse(i)
}

fn filter(i: &[u8]) -> R<'_, MailboxFilter<'_>> {
    alt((
        value(
            MailboxFilter::SelectedDelayed,
            tag_no_case("selected-delayed"),
        ),
        value(MailboxFilter::Selected, tag_no_case("selected")),
        value(MailboxFilter::Inboxes, tag_no_case("inboxes")),
        value(MailboxFilter::Personal, tag_no_case("personal")),
        value(MailboxFilter::Subscribed, tag_no_case("subscribed")),
        map(
            preceded(tag_no_case("subtree "), mailboxes),
            MailboxFilter::Subtree,
        ),
        map(
            preceded(tag_no_case("mailboxes "), mailboxes),
            MailboxFilter::Mailboxes,
        ),
    ))
    .parse(i)
}

fn event(i: &[u8]) -> R<'_, NotifyEvent<'_>> {
    map(
        (atom, opt(preceded(sp, paren_list1(fetch_attribute)))),
        |(name, fetch)| NotifyEvent {
            name,
            fetch: fetch.unwrap_or_default(),
        },
    )
    .parse(i)
}

fn group(i: &[u8]) -> R<'_, EventGroup<'_>> {
    let events = alt((value(Vec::new(), tag_no_case("NONE")), paren_list1(event)));
    map(
        delimited(char('('), (filter, preceded(sp, events)), char(')')),
        |(filter, events)| EventGroup { filter, events },
    )
    .parse(i)
}

pub(crate) fn notify_command<'a>(name: &[u8], i: &'a [u8]) -> Option<R<'a, NotifyCommand<'a>>> {
    if Upper::new(name).as_bytes() != b"NOTIFY" {
        return None;
    }
    Some(
        alt((
            value(NotifyCommand::None, tag_no_case("NONE")),
            map(
                preceded(
                    tag_no_case("SET"),
                    (
                        opt(tag_no_case(" STATUS")),
                        preceded(sp, separated_list1(sp, group)),
                    ),
                ),
                |(status, groups)| NotifyCommand::Set {
                    status: status.is_some(),
                    groups,
                },
            ),
        ))
        .parse(i),
    )
}

fn encode_mailboxes(w: &mut Writer, m: &[Mailbox<'_>]) {
    if m.len() == 1 {
        w.mailbox(&m[0]);
    } else {
        w.list(m, |w, m| {
            w.mailbox(m);
        });
    }
}

pub(crate) fn encode_notify_command(w: &mut Writer, c: &NotifyCommand<'_>) {
    w.raw(b"NOTIFY ");
    let NotifyCommand::Set { status, groups } = c else {
        w.raw(b"NONE");
        return;
    };
    w.raw(if *status {
        b"SET STATUS ".as_slice()
    } else {
        b"SET "
    });
    w.items(groups, |w, g| {
        w.raw(b"(");
        match &g.filter {
            MailboxFilter::Selected => {
                w.raw(b"selected");
            }
            MailboxFilter::SelectedDelayed => {
                w.raw(b"selected-delayed");
            }
            MailboxFilter::Inboxes => {
                w.raw(b"inboxes");
            }
            MailboxFilter::Personal => {
                w.raw(b"personal");
            }
            MailboxFilter::Subscribed => {
                w.raw(b"subscribed");
            }
            MailboxFilter::Subtree(m) => {
                w.raw(b"subtree ");
                encode_mailboxes(w, m);
            }
            MailboxFilter::Mailboxes(m) => {
                w.raw(b"mailboxes ");
                encode_mailboxes(w, m);
            }
        }
        w.sp();
        if g.events.is_empty() {
            w.raw(b"NONE");
        } else {
            w.list(&g.events, |w, e| {
                w.atom(&e.name);
                if !e.fetch.is_empty() {
                    w.sp().list(&e.fetch, encode_attribute);
                }
            });
        }
        w.raw(b")");
    });
}
