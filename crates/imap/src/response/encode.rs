//! Encoding of responses.

use super::body::{encode_body, encode_envelope};
use super::code::encode_code;
use super::value::encode_value;
use super::{
    Continuation, Data, ESearchItem, FetchItem, ListData, ListExtendedItem, NamespaceDesc,
    Response, StatusKind, StatusResponse, StatusValue,
};
use crate::command::encode::encode_id;
use crate::command::fetch::{encode_section, encode_section_binary};
use crate::encode::{Encode, Writer};

impl Encode for Response<'_> {
    fn encode(&self, w: &mut Writer) {
        match self {
            Response::Status(s) => encode_status(w, s),
            Response::Data(d) => encode_data(w, d),
            Response::Continuation(c) => encode_continuation(w, c),
        }
        w.crlf();
    }
}

fn resp_text(w: &mut Writer, code: &Option<super::Code<'_>>, text: &crate::types::Text<'_>) {
    if let Some(c) = code {
        w.raw(b"[");
        encode_code(w, c);
        w.raw(b"]");
        if !text.as_bytes().is_empty() {
            w.sp();
        }
    }
    w.raw(text.as_bytes());
}

fn encode_continuation(w: &mut Writer, c: &Continuation<'_>) {
    w.raw(b"+ ");
    resp_text(w, &c.code, &c.text);
}

fn encode_status(w: &mut Writer, s: &StatusResponse<'_>) {
    match &s.tag {
        Some(t) => w.raw(t.as_str().as_bytes()),
        None => w.raw(b"*"),
    };
    w.raw(match s.kind {
        StatusKind::Ok => b" OK".as_slice(),
        StatusKind::No => b" NO",
        StatusKind::Bad => b" BAD",
        StatusKind::PreAuth => b" PREAUTH",
        StatusKind::Bye => b" BYE",
    });
    if s.code.is_some() || !s.text.as_bytes().is_empty() {
        w.sp();
        resp_text(w, &s.code, &s.text);
    }
}

fn delimiter(w: &mut Writer, d: Option<char>) {
    match d {
        None => w.raw(b"NIL"),
        Some(c) => {
            let mut buf = [0u8; 4];
            w.quoted_bytes(c.encode_utf8(&mut buf).as_bytes())
        }
    };
}

fn encode_list(w: &mut Writer, l: &ListData<'_>) {
    w.list(&l.attributes, |w, a| {
        w.raw(b"\\").raw(a.name().as_bytes());
    });
    w.sp();
    delimiter(w, l.delimiter);
    w.sp().mailbox(&l.mailbox);
    if !l.extended.is_empty() {
        w.sp().list(&l.extended, |w, item| match item {
            ListExtendedItem::ChildInfo(opts) => {
                w.raw(b"\"CHILDINFO\" ").list(opts, |w, o| {
                    w.string(o);
                });
            }
            ListExtendedItem::OldName(m) => {
                w.raw(b"\"OLDNAME\" (").mailbox(m).raw(b")");
            }
            ListExtendedItem::Other(k, v) => {
                w.astring(k).sp();
                encode_value(w, v);
            }
        });
    }
}

fn context_updates(w: &mut Writer, updates: &[(u32, crate::types::SequenceSet)]) {
    w.list(updates, |w, (position, set)| {
        w.num(*position).sp().sequence_set(set);
    });
}

fn numbers_modseq(w: &mut Writer, n: &[std::num::NonZeroU32], m: &Option<u64>) {
    for x in n {
        w.sp().num(x.get());
    }
    if let Some(m) = m {
        w.raw(b" (MODSEQ ").num(*m).raw(b")");
    }
}

fn namespaces(w: &mut Writer, l: &[NamespaceDesc<'_>]) {
    if l.is_empty() {
        w.raw(b"NIL");
        return;
    }
    w.raw(b"(");
    for d in l {
        w.raw(b"(").string(&d.prefix).sp();
        delimiter(w, d.delimiter);
        for (k, v) in &d.extensions {
            w.sp().string(k).sp().list(v, |w, s| {
                w.string(s);
            });
        }
        w.raw(b")");
    }
    w.raw(b")");
}

fn encode_data(w: &mut Writer, d: &Data<'_>) {
    w.raw(b"* ");
    match d {
        Data::Capability(c) => {
            w.raw(b"CAPABILITY");
            for a in c {
                w.sp().atom(a);
            }
        }
        Data::Enabled(c) => {
            w.raw(b"ENABLED");
            for a in c {
                w.sp().atom(a);
            }
        }
        Data::List(l) => {
            w.raw(b"LIST ");
            encode_list(w, l);
        }
        Data::Lsub(l) => {
            w.raw(b"LSUB ");
            encode_list(w, l);
        }
        Data::Status { mailbox, items } => {
            w.raw(b"STATUS ")
                .mailbox(mailbox)
                .sp()
                .list(items, |w, v| match v {
                    StatusValue::Number(item, n) => {
                        w.raw(item.name().as_bytes()).sp().num(*n);
                    }
                    StatusValue::MailboxId(a) => {
                        w.raw(b"MAILBOXID (").atom(a).raw(b")");
                    }
                });
        }
        Data::Search { numbers, mod_seq } => {
            w.raw(b"SEARCH");
            numbers_modseq(w, numbers, mod_seq);
        }
        Data::Sort { numbers, mod_seq } => {
            w.raw(b"SORT");
            numbers_modseq(w, numbers, mod_seq);
        }
        Data::ESearch { tag, uid, items } => {
            w.raw(b"ESEARCH");
            if let Some(t) = tag {
                w.raw(b" (TAG ").string(t).raw(b")");
            }
            if *uid {
                w.raw(b" UID");
            }
            for item in items {
                w.sp();
                match item {
                    ESearchItem::Min(n) => {
                        w.raw(b"MIN ").num(n.get());
                    }
                    ESearchItem::Max(n) => {
                        w.raw(b"MAX ").num(n.get());
                    }
                    ESearchItem::All(s) => {
                        w.raw(b"ALL ").sequence_set(s);
                    }
                    ESearchItem::Count(n) => {
                        w.raw(b"COUNT ").num(*n);
                    }
                    ESearchItem::ModSeq(n) => {
                        w.raw(b"MODSEQ ").num(*n);
                    }
                    ESearchItem::AddTo(updates) => {
                        w.raw(b"ADDTO ");
                        context_updates(w, updates);
                    }
                    ESearchItem::RemoveFrom(updates) => {
                        w.raw(b"REMOVEFROM ");
                        context_updates(w, updates);
                    }
                    ESearchItem::Relevancy(scores) => {
                        w.raw(b"RELEVANCY ").list(scores, |w, s| {
                            w.num(u32::from(*s));
                        });
                    }
                    ESearchItem::Partial { range, results } => {
                        let minus: &[u8] = if range.from_end { b"-" } else { b"" };
                        w.raw(b"PARTIAL (")
                            .raw(minus)
                            .num(range.first.get())
                            .raw(b":")
                            .raw(minus)
                            .num(range.last.get())
                            .sp();
                        match results {
                            Some(set) => w.sequence_set(set),
                            None => w.raw(b"NIL"),
                        };
                        w.raw(b")");
                    }
                    ESearchItem::Other(name, v) => {
                        w.atom(name).sp();
                        encode_value(w, v);
                    }
                };
            }
        }
        Data::Thread(threads) => {
            w.raw(b"THREAD");
            if !threads.is_empty() {
                w.sp();
            }
            for t in threads {
                encode_thread(w, t);
            }
        }
        Data::Quota(q) => crate::extensions::encode_quota_data(w, q),
        Data::Acl(a) => crate::extensions::encode_acl_data(w, a),
        Data::Metadata(m) => crate::extensions::encode_metadata_data(w, m),
        Data::UrlAuth(u) => crate::extensions::encode_urlauth_data(w, u),
        Data::Flags(f) => {
            w.raw(b"FLAGS ").list(f, |w, f| {
                w.flag(f);
            });
        }
        Data::Exists(n) => {
            w.num(*n).raw(b" EXISTS");
        }
        Data::Recent(n) => {
            w.num(*n).raw(b" RECENT");
        }
        Data::Expunge(n) => {
            w.num(n.get()).raw(b" EXPUNGE");
        }
        Data::Fetch { seq, items } => {
            w.num(seq.get())
                .raw(b" FETCH ")
                .list(items, encode_fetch_item);
        }
        Data::Namespace {
            personal,
            other,
            shared,
        } => {
            w.raw(b"NAMESPACE ");
            namespaces(w, personal);
            w.sp();
            namespaces(w, other);
            w.sp();
            namespaces(w, shared);
        }
        Data::Id(fields) => {
            w.raw(b"ID ");
            encode_id(w, fields);
        }
        Data::Vanished { earlier, uids } => {
            w.raw(if *earlier {
                b"VANISHED (EARLIER) ".as_slice()
            } else {
                b"VANISHED "
            })
            .sequence_set(uids);
        }
        Data::Other { number, name, rest } => {
            if let Some(n) = number {
                w.num(*n).sp();
            }
            w.atom(name).raw(rest);
        }
    }
}

fn origin(w: &mut Writer, o: &Option<u32>) {
    if let Some(o) = o {
        w.raw(b"<").num(*o).raw(b">");
    }
}

fn encode_fetch_item(w: &mut Writer, item: &FetchItem<'_>) {
    match item {
        FetchItem::Flags(f) => {
            w.raw(b"FLAGS ").list(f, |w, f| {
                w.flag(f);
            });
        }
        FetchItem::Envelope(e) => {
            w.raw(b"ENVELOPE ");
            encode_envelope(w, e);
        }
        FetchItem::InternalDate(d) => {
            w.raw(b"INTERNALDATE ").date_time(d);
        }
        FetchItem::Rfc822Size(n) => {
            w.raw(b"RFC822.SIZE ").num(*n);
        }
        FetchItem::Rfc822(s) => {
            w.raw(b"RFC822 ").nstring(s);
        }
        FetchItem::Rfc822Header(s) => {
            w.raw(b"RFC822.HEADER ").nstring(s);
        }
        FetchItem::Rfc822Text(s) => {
            w.raw(b"RFC822.TEXT ").nstring(s);
        }
        FetchItem::Body(b) => {
            w.raw(b"BODY ");
            encode_body(w, b);
        }
        FetchItem::BodyStructure(b) => {
            w.raw(b"BODYSTRUCTURE ");
            encode_body(w, b);
        }
        FetchItem::BodySection {
            section,
            origin: o,
            data,
        } => {
            w.raw(b"BODY");
            encode_section(w, section);
            origin(w, o);
            w.sp().nstring(data);
        }
        FetchItem::Binary {
            part,
            origin: o,
            data,
        } => {
            w.raw(b"BINARY");
            encode_section_binary(w, part);
            origin(w, o);
            w.sp().nstring(data);
        }
        FetchItem::BinarySize { part, size } => {
            w.raw(b"BINARY.SIZE");
            encode_section_binary(w, part);
            w.sp().num(*size);
        }
        FetchItem::Uid(n) => {
            w.raw(b"UID ").num(n.get());
        }
        FetchItem::ModSeq(n) => {
            w.raw(b"MODSEQ (").num(*n).raw(b")");
        }
        FetchItem::EmailId(a) => {
            w.raw(b"EMAILID (").atom(a).raw(b")");
        }
        FetchItem::ThreadId(a) => {
            w.raw(b"THREADID ");
            match a {
                Some(a) => w.raw(b"(").atom(a).raw(b")"),
                None => w.raw(b"NIL"),
            };
        }
        FetchItem::SaveDate(d) => {
            w.raw(b"SAVEDATE ");
            match d {
                Some(d) => w.date_time(d),
                None => w.raw(b"NIL"),
            };
        }
        FetchItem::Preview(s) => {
            w.raw(b"PREVIEW ").nstring(s);
        }
        FetchItem::Other(name, v) => {
            w.raw(name.as_bytes()).sp();
            encode_value(w, v);
        }
    }
}

fn encode_thread(w: &mut Writer, t: &super::Thread) {
    w.raw(b"(");
    for (i, m) in t.members.iter().enumerate() {
        if i > 0 {
            w.sp();
        }
        w.num(m.get());
    }
    if !t.members.is_empty() && !t.children.is_empty() {
        w.sp();
    }
    for c in &t.children {
        encode_thread(w, c);
    }
    w.raw(b")");
}
