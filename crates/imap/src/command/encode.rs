//! Encoding of commands.

use super::fetch::encode_fetch_items;
use super::options::{encode_list_return, encode_list_selection, encode_search_return};
use super::search::encode_search_key;
use super::{
    AppendData, CatenatePart, Command, CommandBody, FetchModifier, SelectParam, StatusItem,
    StoreKind,
};
use crate::encode::{Encode, Writer};
use crate::types::SequenceSet;

impl Encode for Command<'_> {
    fn encode(&self, w: &mut Writer) {
        w.raw(self.tag.as_str().as_bytes()).sp();
        encode_body(w, &self.body);
        w.crlf();
    }
}

fn uid(w: &mut Writer, uid: bool) {
    if uid {
        w.raw(b"UID ");
    }
}

pub(crate) fn encode_status_items(w: &mut Writer, items: &[StatusItem<'_>]) {
    w.list(items, |w, i| {
        w.raw(i.name().as_bytes());
    });
}

fn select_params(w: &mut Writer, params: &[SelectParam<'_>]) {
    if params.is_empty() {
        return;
    }
    w.sp().list(params, |w, p| match p {
        SelectParam::CondStore => {
            w.raw(b"CONDSTORE");
        }
        SelectParam::Other(a) => {
            w.atom(a);
        }
        SelectParam::QResync {
            uid_validity,
            mod_seq,
            known_uids,
            seq_match,
        } => {
            w.raw(b"QRESYNC (")
                .num(uid_validity.get())
                .sp()
                .num(mod_seq.get());
            if let Some(k) = known_uids {
                w.sp().sequence_set(k);
            }
            if let Some((s, u)) = seq_match {
                w.raw(b" (").sequence_set(s).sp().sequence_set(u).raw(b")");
            }
            w.raw(b")");
        }
    });
}

fn set_mailbox(
    w: &mut Writer,
    name: &[u8],
    is_uid: bool,
    set: &SequenceSet,
    m: &crate::types::Mailbox<'_>,
) {
    uid(w, is_uid);
    w.raw(name).sp().sequence_set(set).sp().mailbox(m);
}

fn encode_body(w: &mut Writer, body: &CommandBody<'_>) {
    use CommandBody as C;
    match body {
        C::Capability => {
            w.raw(b"CAPABILITY");
        }
        C::Noop => {
            w.raw(b"NOOP");
        }
        C::Logout => {
            w.raw(b"LOGOUT");
        }
        C::StartTls => {
            w.raw(b"STARTTLS");
        }
        C::Namespace => {
            w.raw(b"NAMESPACE");
        }
        C::Idle => {
            w.raw(b"IDLE");
        }
        C::Check => {
            w.raw(b"CHECK");
        }
        C::Close => {
            w.raw(b"CLOSE");
        }
        C::Unselect => {
            w.raw(b"UNSELECT");
        }
        C::Expunge => {
            w.raw(b"EXPUNGE");
        }
        C::Unauthenticate => {
            w.raw(b"UNAUTHENTICATE");
        }
        C::Experimental { name, args } => {
            w.atom(name);
            if let Some(args) = args {
                w.sp().raw(args);
            }
        }
        C::Authenticate {
            mechanism,
            initial_response,
        } => {
            w.raw(b"AUTHENTICATE ").atom(mechanism);
            if let Some(ir) = initial_response {
                w.sp().raw(ir.expose());
            }
        }
        C::Login { username, password } => {
            w.raw(b"LOGIN ")
                .astring(username)
                .sp()
                .astring(password.expose());
        }
        C::Enable { capabilities } => {
            w.raw(b"ENABLE ").items(capabilities, |w, a| {
                w.atom(a);
            });
        }
        C::Select { mailbox, params } => {
            w.raw(b"SELECT ").mailbox(mailbox);
            select_params(w, params);
        }
        C::Examine { mailbox, params } => {
            w.raw(b"EXAMINE ").mailbox(mailbox);
            select_params(w, params);
        }
        C::Create {
            mailbox,
            special_use,
        } => {
            w.raw(b"CREATE ").mailbox(mailbox);
            if !special_use.is_empty() {
                w.raw(b" (USE ").list(special_use, |w, a| {
                    w.raw(b"\\").raw(a.name().as_bytes());
                });
                w.raw(b")");
            }
        }
        C::Delete { mailbox } => {
            w.raw(b"DELETE ").mailbox(mailbox);
        }
        C::Rename { from, to } => {
            w.raw(b"RENAME ").mailbox(from).sp().mailbox(to);
        }
        C::Subscribe { mailbox } => {
            w.raw(b"SUBSCRIBE ").mailbox(mailbox);
        }
        C::Unsubscribe { mailbox } => {
            w.raw(b"UNSUBSCRIBE ").mailbox(mailbox);
        }
        C::List {
            selection,
            reference,
            patterns,
            returns,
        } => {
            w.raw(b"LIST ");
            if !selection.is_empty() {
                w.list(selection, encode_list_selection).sp();
            }
            w.mailbox(reference).sp();
            if patterns.len() == 1 {
                w.astring(&patterns[0]);
            } else {
                w.list(patterns, |w, p| {
                    w.astring(p);
                });
            }
            if !returns.is_empty() {
                w.raw(b" RETURN ").list(returns, encode_list_return);
            }
        }
        C::Lsub { reference, pattern } => {
            w.raw(b"LSUB ").mailbox(reference).sp().astring(pattern);
        }
        C::Rlist { reference, pattern } => {
            w.raw(b"RLIST ").mailbox(reference).sp().astring(pattern);
        }
        C::Rlsub { reference, pattern } => {
            w.raw(b"RLSUB ").mailbox(reference).sp().astring(pattern);
        }
        C::CancelUpdate { tags } => {
            w.raw(b"CANCELUPDATE ").items(tags, |w, t| {
                w.quoted(t);
            });
        }
        C::Status { mailbox, items } => {
            w.raw(b"STATUS ").mailbox(mailbox).sp();
            encode_status_items(w, items);
        }
        C::Append { mailbox, messages } => {
            w.raw(b"APPEND ").mailbox(mailbox);
            for m in messages {
                if !m.flags.is_empty() {
                    w.sp().list(&m.flags, |w, f| {
                        w.flag(f);
                    });
                }
                if let Some(d) = &m.date {
                    w.sp().date_time(d);
                }
                w.sp();
                match &m.data {
                    AppendData::Literal(l) => {
                        w.literal(l);
                    }
                    AppendData::Utf8(l) => {
                        w.raw(b"UTF8 (").literal(l).raw(b")");
                    }
                    AppendData::Catenate(parts) => {
                        w.raw(b"CATENATE ").list(parts, |w, p| match p {
                            CatenatePart::Url(u) => {
                                w.raw(b"URL ").astring(u);
                            }
                            CatenatePart::Text(l) => {
                                w.raw(b"TEXT ").literal(l);
                            }
                        });
                    }
                }
            }
        }
        C::UidExpunge { set } => {
            w.raw(b"UID EXPUNGE ").sequence_set(set);
        }
        C::Search {
            uid: is_uid,
            returns,
            charset,
            criteria,
        } => {
            uid(w, *is_uid);
            w.raw(b"SEARCH ");
            if let Some(r) = returns {
                w.raw(b"RETURN ").list(r, encode_search_return);
                w.sp();
            }
            if let Some(c) = charset {
                w.raw(b"CHARSET ").astring(c).sp();
            }
            w.items(criteria, encode_search_key);
        }
        C::Fetch {
            uid: is_uid,
            set,
            items,
            modifiers,
        } => {
            uid(w, *is_uid);
            w.raw(b"FETCH ").sequence_set(set).sp();
            encode_fetch_items(w, items);
            if !modifiers.is_empty() {
                w.sp().list(modifiers, |w, m| match m {
                    FetchModifier::ChangedSince(n) => {
                        w.raw(b"CHANGEDSINCE ").num(*n);
                    }
                    FetchModifier::Vanished => {
                        w.raw(b"VANISHED");
                    }
                });
            }
        }
        C::Store {
            uid: is_uid,
            set,
            unchanged_since,
            kind,
            silent,
            flags,
        } => {
            uid(w, *is_uid);
            w.raw(b"STORE ").sequence_set(set).sp();
            if let Some(n) = unchanged_since {
                w.raw(b"(UNCHANGEDSINCE ").num(*n).raw(b") ");
            }
            w.raw(match kind {
                StoreKind::Replace => b"FLAGS".as_slice(),
                StoreKind::Add => b"+FLAGS",
                StoreKind::Remove => b"-FLAGS",
            });
            if *silent {
                w.raw(b".SILENT");
            }
            w.sp().list(flags, |w, f| {
                w.flag(f);
            });
        }
        C::Copy {
            uid: is_uid,
            set,
            mailbox,
        } => set_mailbox(w, b"COPY", *is_uid, set, mailbox),
        C::Move {
            uid: is_uid,
            set,
            mailbox,
        } => set_mailbox(w, b"MOVE", *is_uid, set, mailbox),
        C::Sort {
            uid: is_uid,
            returns,
            criteria,
            charset,
            search,
        } => {
            uid(w, *is_uid);
            w.raw(b"SORT ");
            if let Some(r) = returns {
                w.raw(b"RETURN ").list(r, encode_search_return);
                w.sp();
            }
            w.list(criteria, |w, c| {
                if c.reverse {
                    w.raw(b"REVERSE ");
                }
                w.atom(&c.key);
            });
            w.sp()
                .astring(charset)
                .sp()
                .items(search, encode_search_key);
        }
        C::Thread {
            uid: is_uid,
            algorithm,
            charset,
            search,
        } => {
            uid(w, *is_uid);
            w.raw(b"THREAD ")
                .atom(algorithm)
                .sp()
                .astring(charset)
                .sp()
                .items(search, encode_search_key);
        }
        C::Quota(c) => crate::extensions::encode_quota_command(w, c),
        C::Acl(c) => crate::extensions::encode_acl_command(w, c),
        C::Metadata(c) => crate::extensions::encode_metadata_command(w, c),
        C::UrlAuth(c) => crate::extensions::encode_urlauth_command(w, c),
        C::Notify(c) => crate::extensions::encode_notify_command(w, c),
        C::Compress { mechanism } => {
            w.raw(b"COMPRESS ").atom(mechanism);
        }
        C::Id { fields } => {
            w.raw(b"ID ");
            encode_id(w, fields);
        }
    }
}

pub(crate) fn encode_id(w: &mut Writer, fields: &super::parse::IdFieldsRef<'_>) {
    match fields {
        None => {
            w.raw(b"NIL");
        }
        Some(f) => {
            w.list(f, |w, (k, v)| {
                w.string(k).sp().nstring(v);
            });
        }
    }
}
