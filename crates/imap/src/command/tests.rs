use proptest::collection::vec;
use proptest::prelude::*;

use super::*;
use crate::encode::Encode;
use crate::strategies as s;
use crate::types::{AtomExt, IntoStatic, LiteralMode, SeqOrUid, Sequence};

/// Parses `input`, checks it encodes to `canonical`, and that the canonical form parses back to
/// the same value.
fn kat(input: &[u8], canonical: &[u8]) -> Command<'static> {
    let cmd = parse_command(input).unwrap_or_else(|e| panic!("{e}"));
    let encoded = cmd.to_bytes();
    assert_eq!(
        String::from_utf8_lossy(&encoded),
        String::from_utf8_lossy(canonical)
    );
    assert_eq!(parse_command(&encoded).unwrap(), cmd);
    cmd.into_static()
}

fn same(input: &[u8]) -> Command<'static> {
    kat(input, input)
}

#[test]
fn rfc3501_section8_client_lines() {
    // RFC 3501 §8 and RFC 9051 §8 send the same client lines.
    kat(b"a001 login mrc secret\r\n", b"a001 LOGIN mrc secret\r\n");
    let sel = kat(b"a002 select inbox\r\n", b"a002 SELECT INBOX\r\n");
    assert_eq!(
        sel.body,
        CommandBody::Select {
            mailbox: Mailbox::Inbox,
            params: vec![]
        }
    );
    kat(b"a003 fetch 12 full\r\n", b"a003 FETCH 12 FULL\r\n");
    let f = kat(
        b"a004 fetch 12 body[header]\r\n",
        b"a004 FETCH 12 BODY[HEADER]\r\n",
    );
    assert!(
        matches!(f.body, CommandBody::Fetch { items: FetchItems::Attributes(ref a), .. }
        if a[0] == FetchAttribute::BodySection { peek: false, section: Section { part: vec![], text: Some(SectionText::Header) }, partial: None })
    );
    let st = kat(
        b"a005 store 12 +flags \\deleted\r\n",
        b"a005 STORE 12 +FLAGS (\\Deleted)\r\n",
    );
    assert!(
        matches!(st.body, CommandBody::Store { kind: StoreKind::Add, silent: false, ref flags, .. } if flags == &[Flag::Deleted])
    );
    kat(b"a006 logout\r\n", b"a006 LOGOUT\r\n");
}

#[test]
fn rfc3501_section6_examples() {
    for line in [
        &b"abcd CAPABILITY\r\n"[..],
        b"a002 NOOP\r\n",
        b"A023 LOGOUT\r\n",
        b"a002 STARTTLS\r\n",
        b"A001 AUTHENTICATE GSSAPI\r\n",
        b"a001 LOGIN SMITH SESAME\r\n",
        b"A932 EXAMINE blurdybloop\r\n",
        b"A003 CREATE owatagusiam/\r\n",
        b"A004 CREATE owatagusiam/blurdybloop\r\n",
        b"A683 DELETE blurdybloop\r\n",
        b"A685 DELETE foo/bar\r\n",
        b"A682 RENAME blurdybloop sarasoop\r\n",
        b"A002 SUBSCRIBE #news.comp.mail.mime\r\n",
        b"A002 UNSUBSCRIBE #news.comp.mail.mime\r\n",
        b"A101 LIST \"\" \"\"\r\n",
        b"A102 LIST #news.comp.mail.misc \"\"\r\n",
        b"A103 LIST /usr/staff/jones \"\"\r\n",
        b"A202 LIST ~/Mail/ %\r\n",
        b"A002 LSUB \"#news.\" \"comp.mail.*\"\r\n",
        b"A003 LSUB \"#news.\" \"comp.%\"\r\n",
        b"A042 STATUS blurdybloop (UIDNEXT MESSAGES)\r\n",
        b"FXXZ CHECK\r\n",
        b"A341 CLOSE\r\n",
        b"A202 EXPUNGE\r\n",
        b"A282 SEARCH FLAGGED SINCE 1-Feb-1994 NOT FROM \"Smith\"\r\n",
        b"A283 SEARCH TEXT \"string not in mailbox\"\r\n",
        b"A654 FETCH 2:4 (FLAGS BODY[HEADER.FIELDS (DATE FROM)])\r\n",
        b"A003 STORE 2:4 +FLAGS (\\Deleted)\r\n",
        b"A003 COPY 2:4 MEEPMEEP\r\n",
        b"A999 UID FETCH 4827313:4828442 FLAGS\r\n",
    ] {
        same(line);
    }
    kat(b"A682 LIST \"\" *\r\n", b"A682 LIST \"\" *\r\n");
    let c = same(b"A284 SEARCH CHARSET UTF-8 TEXT {6}\r\nXXXXXX\r\n");
    assert!(
        matches!(c.body, CommandBody::Search { charset: Some(_), ref criteria, .. }
        if matches!(&criteria[0], SearchKey::Text(AString::String(IString::Literal(l))) if l.data() == b"XXXXXX"))
    );
    let msg = b"Date: Mon, 7 Feb 1994 21:52:25 -0800 (PST)\r\nFrom: Fred Foobar <foobar@Blurdybloop.example>\r\nSubject: afternoon meeting\r\n\r\nHello Joe, do you think we can meet at 3:30 tomorrow?\r\n";
    let mut append =
        format!("A003 APPEND saved-messages (\\Seen) {{{}}}\r\n", msg.len()).into_bytes();
    append.extend_from_slice(msg);
    append.extend_from_slice(b"\r\n");
    let c = same(&append);
    assert!(
        matches!(&c.body, CommandBody::Append { messages, .. } if messages[0].data == AppendData::Literal(Literal::new(&msg[..], LiteralMode::Sync).unwrap()) && messages[0].flags == [Flag::Seen])
    );
}

#[test]
fn rfc9051_examples() {
    for line in [
        &b"A142 SELECT INBOX\r\n"[..],
        b"A283 SEARCH RETURN () FLAGGED SINCE 1-Feb-1994 NOT FROM \"Smith\"\r\n",
        b"A301 SEARCH RETURN (MIN MAX COUNT) UNSEEN\r\n",
        b"A286 SEARCH CHARSET KOI8-R (OR $ 1,3000:3021) TEXT {7+}\r\n\xf0\xd2\xc9\xd7\xc5\xd4\xbf\r\n",
        b"A300 SEARCH RETURN (SAVE) SINCE 1-Jan-2004 NOT FROM \"Smith\" UID 200:*\r\n",
        b"A01 UID MOVE 42:69 foo\r\n",
        b"A02 MOVE 1:3 Trash\r\n",
        b"A202 UID EXPUNGE 3000:3002\r\n",
        b"A001 NAMESPACE\r\n",
        b"A342 UNSELECT\r\n",
        b"a1 ENABLE UTF8=ACCEPT\r\n",
        b"A01 LIST \"\" % RETURN (STATUS (MESSAGES UNSEEN))\r\n",
        b"A02 LIST (SUBSCRIBED) \"\" \"*\"\r\n",
        b"A03 LIST \"\" (\"%\" \"Sent\") RETURN (CHILDREN)\r\n",
        b"a STATUS blurdybloop (MESSAGES SIZE DELETED)\r\n",
        b"A002 IDLE\r\n",
        b"A005 FETCH 1 BINARY.PEEK[1.2]<0.100>\r\n",
        b"A006 FETCH 1:* (BINARY.SIZE[1] BODY.PEEK[1.MIME] BODY[]<0.2048>)\r\n",
        b"A007 UID STORE 1:3 -FLAGS.SILENT (\\Flagged $Junk)\r\n",
    ] {
        same(line);
    }
    // A multi-pattern LIST with selection options holds them all.
    let c =
        parse_command(b"A03 LIST (REMOTE SUBSCRIBED) \"\" (\"%\" \"Sent\") RETURN (CHILDREN)\r\n")
            .unwrap();
    assert!(
        matches!(c.body, CommandBody::List { ref selection, ref patterns, .. } if selection.len() == 2 && patterns.len() == 2)
    );
}

#[test]
fn extension_examples() {
    for line in [
        // SASL-IR (RFC 4959) and an empty initial response.
        &b"a01 AUTHENTICATE PLAIN dGVzdAB0ZXN0AHRlc3Q=\r\n"[..],
        b"a01 AUTHENTICATE EXTERNAL =\r\n",
        // CONDSTORE / QRESYNC (RFC 7162).
        b"a SELECT INBOX (CONDSTORE)\r\n",
        b"A02 SELECT INBOX (QRESYNC (67890007 20050715194045000 41,43:211,214:541))\r\n",
        b"B04 SELECT INBOX (QRESYNC (67890007 90060115194045000 1:29997 (5000,7500,9000,9990:9999 15000,22500,27000,29970,29973,29976,29979,29982,29985,29988,29991,29994,29997)))\r\n",
        b"d105 STORE 7,5,9 (UNCHANGEDSINCE 320162338) +FLAGS.SILENT (\\Deleted)\r\n",
        b"a FETCH 1 (FLAGS MODSEQ)\r\n",
        b"a SEARCH MODSEQ \"/flags/\\\\draft\" all 620162338\r\n",
        b"t SEARCH OR NOT MODSEQ 720162338 LARGER 50000\r\n",
        // ID (RFC 2971).
        b"a023 ID (\"name\" \"sodr\" \"version\" \"19.34\" \"vendor\" \"Pink Floyd Music Limited\")\r\n",
        b"a024 ID NIL\r\n",
        // CREATE-SPECIAL-USE (RFC 6154).
        b"t1 CREATE \"Important Messages\" (USE (\\Important))\r\n",
        b"t3 LIST \"\" \"%\" RETURN (SPECIAL-USE)\r\n",
        b"t1 LIST (SPECIAL-USE) \"\" \"*\"\r\n",
        // COMPRESS (RFC 4978), UNAUTHENTICATE (RFC 8437).
        b"a COMPRESS DEFLATE\r\n",
        b"a UNAUTHENTICATE\r\n",
        // MULTIAPPEND (RFC 3502), LITERAL+ and BINARY literals.
        b"A003 APPEND saved-messages (\\Seen) {3+}\r\nabc (\\Seen) \"17-Jul-1996 02:44:25 -0700\" ~{3}\r\na\0c\r\n",
        // CATENATE (RFC 4469) with IMAP URLs (RFC 5092, URL-PARTIAL RFC 5550, URLAUTH RFC 4467).
        b"A003 APPEND Drafts (\\Seen \\Draft $MDNSent) CATENATE (URL \"/Drafts;UIDVALIDITY=385759045/;UID=20/;section=HEADER\" TEXT {42}\r\n\r\n--------------030308070208000400050907\r\n URL \"/Drafts;UIDVALIDITY=385759045/;UID=20/;section=1.MIME\" URL \"/Drafts;UIDVALIDITY=385759045/;UID=20/;section=1\" TEXT {42}\r\n\r\n--------------030308070208000400050907\r\n URL \"/Drafts;UIDVALIDITY=385759045/;UID=30\" TEXT {44}\r\n\r\n--------------030308070208000400050907--\r\n)\r\n",
        b"a APPEND Sent CATENATE (URL \"imap://joe@example.com/INBOX/;uid=20/;section=1.2;partial=0.1024;urlauth=submit+fred:internal:91354a473744909de610943775f92038\")\r\n",
        // URLAUTH (RFC 4467) and COMPARATOR (RFC 5255).
        b"a002 GENURLAUTH \"imap://joe@example.com/INBOX/;uid=20/;section=1.2;urlauth=submit+fred\" INTERNAL\r\n",
        b"a001 URLFETCH \"imap://joe@example.com/INBOX/;uid=20/;section=1.2;urlauth=submit+fred:internal:91354a473744909de610943775f92038\"\r\n",
        b"a001 RESETKEY\r\n",
        b"a002 RESETKEY INBOX INTERNAL\r\n",
        b"A COMPARATOR\r\n",
        b"B COMPARATOR \"i;unicode-casemap\" \"i;octet\"\r\n",
        // MAILBOX-REFERRALS (RFC 2193), CONTEXT=SEARCH (RFC 5267).
        b"A001 RLIST \"\" \"%\"\r\n",
        b"A002 RLSUB \"foo\" \"*\"\r\n",
        b"B01 SEARCH RETURN (UPDATE COUNT) FLAGGED\r\n",
        b"B02 CANCELUPDATE \"B01\" \"B00\"\r\n",
        b"C01 UID SORT RETURN (CONTEXT PARTIAL 1:100) (DATE) UTF-8 ALL\r\n",
        // UTF8=ACCEPT APPEND (RFC 6855).
        b"a APPEND INBOX UTF8 (~{5}\r\nhello)\r\n",
        // WITHIN (RFC 5032), SAVEDATE (RFC 8514), OBJECTID (RFC 8474), SEARCH=FUZZY (RFC 6203).
        b"a SEARCH UNSEEN YOUNGER 259200\r\n",
        b"a SEARCH OLDER 3600 SAVEDSINCE 1-Jan-2020\r\n",
        b"a SEARCH SAVEDATESUPPORTED\r\n",
        b"a SEARCH EMAILID M6d99ac3275bb4e THREADID T64b478a75b7ea9\r\n",
        b"a UID FETCH 1:* (EMAILID THREADID SAVEDATE)\r\n",
        b"a SEARCH FUZZY (SUBJECT \"balloon\")\r\n",
        // SORT and THREAD (RFC 5256), ESORT (RFC 5267), SORT=DISPLAY (RFC 5957).
        b"A282 SORT (SUBJECT) UTF-8 SINCE 1-Feb-1994\r\n",
        b"A283 SORT (SUBJECT REVERSE DATE) UTF-8 ALL\r\n",
        b"A284 SORT (SUBJECT) US-ASCII TEXT \"not in mailbox\"\r\n",
        b"A284 THREAD ORDEREDSUBJECT US-ASCII TEXT \"gewp\"\r\n",
        b"a UID SORT RETURN (MIN COUNT) (DATE) UTF-8 UNSEEN\r\n",
        b"a UID THREAD REFERENCES UTF-8 ALL\r\n",
        b"a SORT (DISPLAYFROM) UTF-8 ALL\r\n",
        // QUOTA (RFC 9208).
        b"G0001 GETQUOTA \"!partition/sda4\"\r\n",
        b"A003 GETQUOTAROOT INBOX\r\n",
        b"S0001 SETQUOTA \"#user/alice\" (STORAGE 510)\r\n",
        b"S0002 SETQUOTA \"#user/alice\" (STORAGE 510 MESSAGE 1000)\r\n",
        // ACL (RFC 4314).
        b"A001 GETACL INBOX\r\n",
        b"A035 SETACL INBOX/Drafts John lrQswicda\r\n",
        b"A036 SETACL INBOX/Drafts Fred -w\r\n",
        b"A001 LISTRIGHTS ~/Mail/saved smith\r\n",
        b"A003 MYRIGHTS INBOX\r\n",
        b"A001 DELETEACL ~/Mail/saved \"-pgtest\"\r\n",
        // METADATA (RFC 5464).
        b"a GETMETADATA \"\" /shared/comment\r\n",
        b"a GETMETADATA INBOX (/shared/comment /private/comment)\r\n",
        b"a GETMETADATA (MAXSIZE 1024) INBOX /private/comment\r\n",
        b"a GETMETADATA (MAXSIZE 1024 DEPTH infinity) INBOX /private/filters/values\r\n",
        b"a SETMETADATA INBOX (/private/comment {33}\r\nMy new comment across\r\ntwo lines.)\r\n",
        b"a SETMETADATA INBOX (/private/comment NIL)\r\n",
        // PREVIEW (RFC 8970).
        b"a FETCH 1:3 (UID PREVIEW (LAZY))\r\n",
        b"a FETCH 1:3 PREVIEW (LAZY)\r\n",
        b"a STATUS foo (MAILBOXID APPENDLIMIT HIGHESTMODSEQ)\r\n",
    ] {
        same(line);
    }
}

#[test]
fn single_fetch_attribute_is_sent_bare() {
    kat(
        b"s100 UID FETCH 1:* (FLAGS) (CHANGEDSINCE 12345)\r\n",
        b"s100 UID FETCH 1:* FLAGS (CHANGEDSINCE 12345)\r\n",
    );
    kat(
        b"s100 UID FETCH 300:500 (FLAGS) (CHANGEDSINCE 12345 VANISHED)\r\n",
        b"s100 UID FETCH 300:500 FLAGS (CHANGEDSINCE 12345 VANISHED)\r\n",
    );
}

#[test]
fn rfc5256_thread_example_month_case() {
    kat(
        b"A283 THREAD ORDEREDSUBJECT UTF-8 SINCE 5-MAR-2000\r\n",
        b"A283 THREAD ORDEREDSUBJECT UTF-8 SINCE 5-Mar-2000\r\n",
    );
}

#[test]
fn rfc5465_notify_examples() {
    kat(
        b"a NOTIFY SET STATUS (selected (MessageNew (uid body.peek[header.fields (from to subject)]) MessageExpunge)) (subtree Lists (MessageNew))\r\n",
        b"a NOTIFY SET STATUS (selected (MessageNew (UID BODY.PEEK[HEADER.FIELDS (from to subject)]) MessageExpunge)) (subtree Lists (MessageNew))\r\n",
    );
    same(b"a NOTIFY NONE\r\n");
    same(b"a NOTIFY SET (selected-delayed (FlagChange)) (inboxes NONE) (mailboxes (Lists Sent) (MailboxName SubscriptionChange))\r\n");
    let c = same(b"b NOTIFY SET (personal (MessageNew MessageExpunge FlagChange))\r\n");
    assert!(
        matches!(c.body, CommandBody::Notify(crate::extensions::NotifyCommand::Set { status: false, ref groups })
        if groups[0].filter == crate::extensions::MailboxFilter::Personal && groups[0].events.len() == 3)
    );
}

#[test]
fn idle_done_and_authenticate_lines() {
    assert!(parse_idle_done(b"DONE\r\n").is_ok());
    assert!(parse_idle_done(b"done\r\n").is_ok());
    assert!(parse_idle_done(b"DONE x\r\n").is_err());
    assert_eq!(
        parse_authenticate_data(b"*\r\n").unwrap(),
        AuthenticateData::Cancel
    );
    let d = parse_authenticate_data(
        b"YGgGCSqGSIb3EgECAgIBAAD/////6jcyG4GE3KkTzBeBiVHeceP2CWY0SR0fAQAgAAQEBAQ=\r\n",
    )
    .unwrap();
    assert!(matches!(d, AuthenticateData::Continue(_)));
    assert!(parse_authenticate_data(b"not base64!\r\n").is_err());
}

#[test]
fn errors_carry_redacted_bytes_and_the_tag() {
    let e = parse_command(b"a1 LOGIN alice \"unterminated\r\n").unwrap_err();
    assert_eq!(e.input(), b"a1 LOGIN <redacted>");
    assert_eq!(e.tag(), Some("a1"));
    assert!(!format!("{e} {e:?}").contains("alice"));
    let e = parse_command(b"x12 FROBNICATE\r\n").unwrap_err();
    assert_eq!(e.tag(), Some("x12"));
    assert_eq!(e.offset(), 4);
    let login = parse_command(b"a LOGIN alice secret\r\n").unwrap();
    assert!(!format!("{login:?}").contains("secret"));
}

#[test]
fn rejects_malformed_commands() {
    for bad in [
        &b"a1 NOOP"[..],
        b"a1 NOOP \r\n",
        b"a1  NOOP\r\n",
        b"+ NOOP\r\n",
        b"a1 FETCH 0 FLAGS\r\n",
        b"a1 FETCH 1:2, FLAGS\r\n",
        b"a1 SELECT\r\n",
        b"a1 STORE 1 FLAGS\r\n",
        b"a1 SEARCH\r\n",
        b"a1 LOGIN {5}\r\nab\r\n",
        // RFC 9051 §9: RECURSIVEMATCH needs an option it modifies.
        b"a1 LIST (RECURSIVEMATCH) \"\" \"*\"\r\n",
        b"a1 LIST (REMOTE RECURSIVEMATCH) \"\" \"*\"\r\n",
        // Only names starting with X are experimental commands; others are unknown.
        b"a1 BLURDYBLOOP\r\n",
        b"a1 XPIG-LATIN \r\n",
        b"a1 SEARCH NOT NOT NOT NOT NOT NOT NOT NOT NOT NOT NOT NOT NOT NOT NOT NOT NOT NOT NOT NOT NOT NOT NOT NOT NOT NOT NOT NOT NOT NOT NOT NOT NOT ALL\r\n",
    ] {
        assert!(parse_command(bad).is_err(), "{}", String::from_utf8_lossy(bad));
    }
}

#[test]
fn sync_points_split_literals_for_the_client() {
    let cmd = parse_command(b"a LOGIN {5}\r\nalice {6+}\r\nsecret\r\n").unwrap();
    let mut w = crate::encode::Writer::new();
    cmd.encode(&mut w);
    // The client stops after the synchronising announcement; the `{6+}` one needs no wait.
    assert_eq!(w.sync_points(), &[13]);
    assert_eq!(&w.as_bytes()[..13], b"a LOGIN {5}\r\n");
}

fn search_key() -> impl Strategy<Value = SearchKey<'static>> {
    let leaf = prop_oneof![
        Just(SearchKey::All),
        Just(SearchKey::Unseen),
        Just(SearchKey::Recent),
        s::astring().prop_map(SearchKey::Subject),
        s::astring().prop_map(SearchKey::From),
        (s::astring(), s::astring()).prop_map(|(a, b)| SearchKey::Header(a, b)),
        s::date().prop_map(SearchKey::Since),
        s::date().prop_map(SearchKey::SentBefore),
        any::<u32>().prop_map(SearchKey::Larger),
        any::<u32>().prop_map(SearchKey::Younger),
        s::sequence_set().prop_map(SearchKey::Uid),
        s::sequence_set().prop_map(SearchKey::SequenceSet),
        s::store_flag().prop_map(SearchKey::Keyword),
        (0u64..=i64::MAX as u64).prop_map(|m| SearchKey::ModSeq {
            entry: None,
            mod_seq: m
        }),
        s::atom().prop_map(SearchKey::EmailId),
    ];
    leaf.prop_recursive(3, 12, 3, |inner| {
        prop_oneof![
            inner.clone().prop_map(|k| SearchKey::Not(Box::new(k))),
            (inner.clone(), inner.clone())
                .prop_map(|(a, b)| SearchKey::Or(Box::new(a), Box::new(b))),
            vec(inner.clone(), 1..3).prop_map(SearchKey::And),
            inner.prop_map(|k| SearchKey::Fuzzy(Box::new(k))),
        ]
    })
}

fn charset() -> impl Strategy<Value = AString<'static>> {
    prop_oneof![
        s::atom()
            .prop_map(|a| AString::Atom(AtomExt::try_from(a.as_str().to_owned()).expect("atom"))),
        s::quoted().prop_map(|q| AString::String(IString::Quoted(q))),
    ]
}

fn section() -> impl Strategy<Value = Section<'static>> {
    (
        vec(s::small_nz(), 0..3),
        proptest::option::of(prop_oneof![
            Just(SectionText::Header),
            Just(SectionText::Text),
            vec(s::astring(), 1..3).prop_map(SectionText::HeaderFields),
            vec(s::astring(), 1..3).prop_map(SectionText::HeaderFieldsNot),
        ]),
        any::<bool>(),
    )
        .prop_map(|(part, text, mime)| {
            let text = if mime && !part.is_empty() {
                Some(SectionText::Mime)
            } else {
                text
            };
            Section { part, text }
        })
}

fn partial() -> impl Strategy<Value = Option<Partial>> {
    proptest::option::of((any::<u32>(), s::nz()).prop_map(|(offset, l)| Partial {
        offset,
        length: Some(l),
    }))
}

fn fetch_attribute() -> impl Strategy<Value = FetchAttribute<'static>> {
    use FetchAttribute as F;
    prop_oneof![
        prop_oneof![
            Just(F::Envelope),
            Just(F::Flags),
            Just(F::InternalDate),
            Just(F::Rfc822),
            Just(F::Rfc822Header),
            Just(F::Rfc822Size),
            Just(F::Rfc822Text),
            Just(F::Body),
            Just(F::BodyStructure),
            Just(F::Uid),
            Just(F::ModSeq),
            Just(F::EmailId),
            Just(F::ThreadId),
            Just(F::SaveDate),
        ],
        any::<bool>().prop_map(|lazy| F::Preview { lazy }),
        (any::<bool>(), section(), partial()).prop_map(|(peek, section, partial)| F::BodySection {
            peek,
            section,
            partial
        }),
        (any::<bool>(), vec(s::small_nz(), 0..3), partial()).prop_map(|(peek, part, partial)| {
            F::Binary {
                peek,
                part,
                partial,
            }
        }),
        vec(s::small_nz(), 0..3).prop_map(|part| F::BinarySize { part }),
    ]
}

fn status_item() -> impl Strategy<Value = StatusItem<'static>> {
    prop_oneof![
        proptest::sample::select(
            StatusItem::NAMES
                .iter()
                .map(|(_, v)| v.clone())
                .collect::<Vec<_>>()
        ),
        "X-[A-Z]{1,5}".prop_map(|a| StatusItem::Other(Atom::try_from(a).expect("atom"))),
    ]
}

fn extension_command() -> impl Strategy<Value = CommandBody<'static>> {
    use crate::extensions::{
        AclCommand, Depth, MetadataCommand, QuotaCommand, QuotaResource, UrlAuthCommand,
    };
    let resource = (s::atom(), any::<u64>()).prop_map(|(name, limit)| QuotaResource {
        name,
        usage: None,
        limit: limit >> 1,
    });
    prop_oneof![
        s::astring().prop_map(|r| CommandBody::Quota(QuotaCommand::GetQuota(r))),
        s::mailbox().prop_map(|m| CommandBody::Quota(QuotaCommand::GetQuotaRoot(m))),
        (s::astring(), vec(resource, 0..3))
            .prop_map(|(r, l)| CommandBody::Quota(QuotaCommand::SetQuota(r, l))),
        (s::mailbox(), s::astring(), s::astring())
            .prop_map(|(m, i, r)| CommandBody::Acl(AclCommand::SetAcl(m, i, r))),
        (s::mailbox(), s::astring())
            .prop_map(|(m, i)| CommandBody::Acl(AclCommand::DeleteAcl(m, i))),
        s::mailbox().prop_map(|m| CommandBody::Acl(AclCommand::GetAcl(m))),
        (s::mailbox(), s::astring())
            .prop_map(|(m, i)| CommandBody::Acl(AclCommand::ListRights(m, i))),
        s::mailbox().prop_map(|m| CommandBody::Acl(AclCommand::MyRights(m))),
        (
            proptest::option::of(any::<u32>()),
            proptest::option::of(prop_oneof![
                Just(Depth::Zero),
                Just(Depth::One),
                Just(Depth::Infinity)
            ]),
            s::mailbox(),
            vec(s::astring(), 1..3)
        )
            .prop_map(|(max_size, depth, mailbox, entries)| CommandBody::Metadata(
                MetadataCommand::GetMetadata {
                    max_size,
                    depth,
                    mailbox,
                    entries
                }
            )),
        (s::mailbox(), vec((s::astring(), s::nstring()), 1..3)).prop_map(|(mailbox, entries)| {
            CommandBody::Metadata(MetadataCommand::SetMetadata { mailbox, entries })
        }),
        proptest::option::of((s::mailbox(), vec(s::atom(), 0..2)))
            .prop_map(|a| CommandBody::UrlAuth(UrlAuthCommand::ResetKey(a))),
        vec((s::astring(), s::atom()), 1..3)
            .prop_map(|l| CommandBody::UrlAuth(UrlAuthCommand::GenUrlAuth(l))),
        vec(s::astring(), 1..3).prop_map(|l| CommandBody::UrlAuth(UrlAuthCommand::UrlFetch(l))),
        vec(s::astring(), 0..3).prop_map(|l| CommandBody::UrlAuth(UrlAuthCommand::Comparator(l))),
        vec(s::astring(), 0..3).prop_map(|l| CommandBody::UrlAuth(UrlAuthCommand::Language(l))),
        notify(),
        referrals_and_context(),
    ]
}

fn referrals_and_context() -> impl Strategy<Value = CommandBody<'static>> {
    prop_oneof![
        (s::mailbox(), s::astring())
            .prop_map(|(reference, pattern)| CommandBody::Rlist { reference, pattern }),
        (s::mailbox(), s::astring())
            .prop_map(|(reference, pattern)| CommandBody::Rlsub { reference, pattern }),
        vec(s::quoted(), 1..3).prop_map(|tags| CommandBody::CancelUpdate { tags }),
    ]
}

fn notify() -> impl Strategy<Value = CommandBody<'static>> {
    use crate::extensions::{EventGroup, MailboxFilter, NotifyCommand, NotifyEvent};
    let filter = prop_oneof![
        Just(MailboxFilter::Selected),
        Just(MailboxFilter::SelectedDelayed),
        Just(MailboxFilter::Inboxes),
        Just(MailboxFilter::Personal),
        Just(MailboxFilter::Subscribed),
        vec(s::mailbox(), 1..3).prop_map(MailboxFilter::Subtree),
        vec(s::mailbox(), 1..3).prop_map(MailboxFilter::Mailboxes),
    ];
    let event = (s::atom(), vec(fetch_attribute(), 0..2))
        .prop_map(|(name, fetch)| NotifyEvent { name, fetch });
    let group =
        (filter, vec(event, 0..3)).prop_map(|(filter, events)| EventGroup { filter, events });
    prop_oneof![
        Just(CommandBody::Notify(NotifyCommand::None)),
        (any::<bool>(), vec(group, 1..3)).prop_map(|(status, groups)| CommandBody::Notify(
            NotifyCommand::Set { status, groups }
        )),
    ]
}

fn command_body() -> impl Strategy<Value = CommandBody<'static>> {
    use CommandBody as C;
    let mb = s::mailbox;
    prop_oneof![
        prop_oneof![
            Just(C::Capability),
            Just(C::Noop),
            Just(C::Logout),
            Just(C::StartTls),
            Just(C::Namespace),
            Just(C::Idle),
            Just(C::Check),
            Just(C::Close),
            Just(C::Unselect),
            Just(C::Expunge),
            Just(C::Unauthenticate),
        ],
        (
            s::atom(),
            proptest::option::of("[A-Za-z0-9+/]{1,12}={0,2}|=")
        )
            .prop_map(|(mechanism, ir)| C::Authenticate {
                mechanism,
                initial_response: ir.map(|t| Secret::new(Cow::Owned(t.into_bytes())))
            }),
        (s::astring(), s::astring()).prop_map(|(username, p)| C::Login {
            username,
            password: Secret::new(p)
        }),
        vec(s::atom(), 1..4).prop_map(|capabilities| C::Enable { capabilities }),
        (
            mb(),
            vec(
                prop_oneof![
                    Just(SelectParam::CondStore),
                    (
                        s::nz(),
                        1u64..=i64::MAX as u64,
                        proptest::option::of(s::sequence_set()),
                        proptest::option::of((s::sequence_set(), s::sequence_set()))
                    )
                        .prop_map(|(v, m, known_uids, seq_match)| {
                            SelectParam::QResync {
                                uid_validity: v,
                                mod_seq: std::num::NonZeroU64::new(m).expect("non-zero"),
                                known_uids,
                                seq_match,
                            }
                        }),
                ],
                0..2
            ),
            any::<bool>()
        )
            .prop_map(|(mailbox, params, select)| if select {
                C::Select { mailbox, params }
            } else {
                C::Examine { mailbox, params }
            }),
        (
            mb(),
            vec(
                "[A-Z][a-z]{1,8}".prop_map(|a| MailboxAttribute(Atom::try_from(a).expect("atom"))),
                0..3
            )
        )
            .prop_map(|(mailbox, special_use)| C::Create {
                mailbox,
                special_use
            }),
        mb().prop_map(|mailbox| C::Delete { mailbox }),
        (mb(), mb()).prop_map(|(from, to)| C::Rename { from, to }),
        mb().prop_map(|mailbox| C::Subscribe { mailbox }),
        mb().prop_map(|mailbox| C::Unsubscribe { mailbox }),
        ("X[A-Z]{1,8}", proptest::option::of("[ -~]{1,20}")).prop_map(|(name, args)| {
            C::Experimental {
                name: Atom::try_from(name).expect("atom"),
                args: args.map(|a| std::borrow::Cow::Owned(a.into_bytes())),
            }
        }),
        (
            vec(s::list_selection(), 0..3).prop_filter(
                "RECURSIVEMATCH modifies another option",
                |v| {
                    !v.contains(&ListSelection::RecursiveMatch)
                        || v.iter().any(|o| {
                            !matches!(o, ListSelection::Remote | ListSelection::RecursiveMatch)
                        })
                }
            ),
            mb(),
            vec(s::astring(), 1..3),
            vec(s::list_return(status_item()), 0..3)
        )
            .prop_map(|(selection, reference, patterns, returns)| C::List {
                selection,
                reference,
                patterns,
                returns
            }),
        (mb(), s::astring()).prop_map(|(reference, pattern)| C::Lsub { reference, pattern }),
        (mb(), vec(status_item(), 0..4)).prop_map(|(mailbox, items)| C::Status { mailbox, items }),
        (
            mb(),
            vec(
                (
                    vec(s::store_flag(), 0..3),
                    proptest::option::of(s::date_time()),
                    s::literal(),
                    any::<u8>()
                ),
                1..3
            )
        )
            .prop_map(|(mailbox, msgs)| C::Append {
                mailbox,
                messages:
                    msgs.into_iter()
                        .map(|(flags, date, data, form)| AppendMessage {
                            flags,
                            date,
                            data: match form % 4 {
                                0 => AppendData::Literal(Literal::binary(
                                    data.data().to_vec(),
                                    data.mode()
                                )),
                                1 => AppendData::Literal(data),
                                2 => AppendData::Utf8(Literal::binary(
                                    data.data().to_vec(),
                                    data.mode()
                                )),
                                _ => AppendData::Catenate(vec![
                                    CatenatePart::Text(data),
                                    CatenatePart::Url(
                                        AString::try_from("/INBOX;UIDVALIDITY=1/;UID=2")
                                            .unwrap()
                                            .into_static()
                                    ),
                                ]),
                            },
                        })
                        .collect(),
            }),
        s::sequence_set().prop_map(|set| C::UidExpunge { set }),
        (
            any::<bool>(),
            proptest::option::of(vec(s::search_return(), 0..3)),
            proptest::option::of(charset()),
            vec(search_key(), 1..4)
        )
            .prop_map(|(uid, returns, charset, criteria)| C::Search {
                uid,
                returns,
                charset,
                criteria
            }),
        (
            any::<bool>(),
            s::sequence_set(),
            prop_oneof![
                Just(FetchItems::All),
                Just(FetchItems::Fast),
                Just(FetchItems::Full),
                vec(fetch_attribute(), 1..4).prop_map(FetchItems::Attributes),
            ],
            vec(
                prop_oneof![
                    (0u64..=i64::MAX as u64).prop_map(FetchModifier::ChangedSince),
                    Just(FetchModifier::Vanished)
                ],
                0..3
            )
        )
            .prop_map(|(uid, set, items, modifiers)| C::Fetch {
                uid,
                set,
                items,
                modifiers
            }),
        (
            any::<bool>(),
            s::sequence_set(),
            proptest::option::of(0u64..=i64::MAX as u64),
            prop_oneof![
                Just(StoreKind::Replace),
                Just(StoreKind::Add),
                Just(StoreKind::Remove)
            ],
            any::<bool>(),
            vec(s::store_flag(), 0..4)
        )
            .prop_map(
                |(uid, set, unchanged_since, kind, silent, flags)| C::Store {
                    uid,
                    set,
                    unchanged_since,
                    kind,
                    silent,
                    flags
                }
            ),
        (any::<bool>(), s::sequence_set(), mb(), any::<bool>()).prop_map(
            |(uid, set, mailbox, mv)| if mv {
                C::Move { uid, set, mailbox }
            } else {
                C::Copy { uid, set, mailbox }
            }
        ),
        s::atom().prop_map(|mechanism| C::Compress { mechanism }),
        proptest::option::of(vec((s::istring(), s::nstring()), 0..3))
            .prop_map(|fields| C::Id { fields }),
        (
            any::<bool>(),
            proptest::option::of(vec(s::search_return(), 0..2)),
            vec((any::<bool>(), s::atom()), 1..3),
            charset(),
            vec(search_key(), 1..3)
        )
            .prop_map(|(uid, returns, c, charset, search)| C::Sort {
                uid,
                returns,
                charset,
                search,
                criteria: c
                    .into_iter()
                    .map(|(reverse, key)| SortCriterion { reverse, key })
                    .collect(),
            }),
        (any::<bool>(), s::atom(), charset(), vec(search_key(), 1..3)).prop_map(
            |(uid, algorithm, charset, search)| C::Thread {
                uid,
                algorithm,
                charset,
                search
            }
        ),
        extension_command(),
    ]
}

proptest! {
    #[test]
    fn commands_round_trip(tag in s::tag(), body in command_body()) {
        let cmd = Command { tag, body };
        let bytes = cmd.to_bytes();
        let back = parse_command(&bytes);
        prop_assert!(back.is_ok(), "{} -> {:?}", String::from_utf8_lossy(&bytes), back);
        prop_assert_eq!(back.unwrap(), cmd);
    }

    #[test]
    fn commands_survive_arbitrary_bytes(bytes in vec(any::<u8>(), 0..200)) {
        let _ = parse_command(&bytes);
    }
}

#[test]
fn unused_helpers_are_covered() {
    // The wire forms used by tests above must stay valid types.
    assert!(AtomExt::try_from("a]b").is_ok());
    assert_eq!(
        Sequence::Single(SeqOrUid::Asterisk),
        Sequence::Single(SeqOrUid::Asterisk)
    );
    assert_eq!(LiteralMode::default(), LiteralMode::Sync);
}

#[test]
fn more_extension_rfc_examples() {
    for line in [
        // UIDPLUS (RFC 4315), MOVE (RFC 6851).
        &b"A003 UID EXPUNGE 3000:3002\r\n"[..],
        b"a UID MOVE 42:69 foo\r\n",
        b"a MOVE 1:3 Trash\r\n",
        // ENABLE (RFC 5161), NAMESPACE (RFC 2342), QRESYNC and CONDSTORE (RFC 7162).
        b"t2 ENABLE CONDSTORE X-GOOD-IDEA\r\n",
        b"A001 ENABLE QRESYNC\r\n",
        b"A001 NAMESPACE\r\n",
        b"a103 UID STORE 6,4,8 (UNCHANGEDSINCE 12121230045) +FLAGS.SILENT (\\Deleted)\r\n",
        b"A142 EXAMINE INBOX (CONDSTORE)\r\n",
        // LIST-EXTENDED (RFC 5258), LIST-STATUS (RFC 5819), SPECIAL-USE (RFC 6154).
        b"A02 LIST (SUBSCRIBED) \"\" \"*\"\r\n",
        b"A04 LIST (REMOTE) \"\" \"%\" RETURN (CHILDREN)\r\n",
        b"A05 LIST (REMOTE SUBSCRIBED) \"/\" \"*\"\r\n",
        b"A06 LIST (SUBSCRIBED RECURSIVEMATCH) \"\" \"%\"\r\n",
        b"A01 LIST \"\" % RETURN (STATUS (MESSAGES UNSEEN))\r\n",
        b"A02 LIST (SUBSCRIBED RECURSIVEMATCH) \"\" % RETURN (STATUS (MESSAGES))\r\n",
        b"t1 LIST (SPECIAL-USE RECURSIVEMATCH) \"\" \"*\"\r\n",
        // ESEARCH (RFC 4731), SEARCHRES (RFC 5182).
        b"A282 SEARCH RETURN (MIN COUNT) FLAGGED SINCE 1-Feb-1994 NOT FROM \"Smith\"\r\n",
        b"A283 SEARCH RETURN () FLAGGED SINCE 1-Feb-1994 NOT FROM \"Smith\"\r\n",
        b"A284 SEARCH RETURN (MIN) UNSEEN\r\n",
        b"A285 UID SEARCH RETURN (MIN MAX) 1:5000\r\n",
        b"A282 SEARCH RETURN (SAVE) FLAGGED SINCE 1-Feb-1994 NOT FROM \"Smith\"\r\n",
        b"A283 SEARCH $ SMALLER 4096\r\n",
        b"A284 FETCH $ (UID INTERNALDATE FLAGS RFC822.SIZE)\r\n",
        b"A285 UID COPY $ Other\r\n",
        b"A286 UID SEARCH RETURN (SAVE MIN) SINCE 1-Feb-1994\r\n",
        // STATUS=SIZE (RFC 8438), APPENDLIMIT (RFC 7889), OBJECTID (RFC 8474).
        b"A042 STATUS INBOX (MESSAGES SIZE)\r\n",
        b"a STATUS INBOX (APPENDLIMIT)\r\n",
        b"3 STATUS foo (MAILBOXID)\r\n",
        // BINARY (RFC 3516).
        // SAVEDATE (RFC 8514), PREVIEW (RFC 8970).
        b"a UID SEARCH SAVEDBEFORE 1-Jan-2019\r\n",
        b"a UID SEARCH SAVEDON 19-Dec-2018\r\n",
    ] {
        same(line);
    }
    // Lines whose canonical form differs: a single FETCH attribute is sent bare, and empty
    // LIST selection options are left out.
    let canonical: [(&[u8], &[u8]); 8] = [
        (
            b"s100 UID FETCH 300:500 (FLAGS) (CHANGEDSINCE 12345 VANISHED)\r\n",
            b"s100 UID FETCH 300:500 FLAGS (CHANGEDSINCE 12345 VANISHED)\r\n",
        ),
        (
            b"s100 UID FETCH 1:* (FLAGS) (CHANGEDSINCE 12345)\r\n",
            b"s100 UID FETCH 1:* FLAGS (CHANGEDSINCE 12345)\r\n",
        ),
        (
            b"A03 LIST () \"\" \"%\" RETURN (CHILDREN)\r\n",
            b"A03 LIST \"\" \"%\" RETURN (CHILDREN)\r\n",
        ),
        (b"27 FETCH 1:2 (EMAILID)\r\n", b"27 FETCH 1:2 EMAILID\r\n"),
        (
            b"A001 FETCH 1 (BINARY[1.2])\r\n",
            b"A001 FETCH 1 BINARY[1.2]\r\n",
        ),
        (
            b"A002 FETCH 1 (BINARY.PEEK[1]<0.4096>)\r\n",
            b"A002 FETCH 1 BINARY.PEEK[1]<0.4096>\r\n",
        ),
        (
            b"A003 FETCH 1 (BINARY.SIZE[1])\r\n",
            b"A003 FETCH 1 BINARY.SIZE[1]\r\n",
        ),
        (b"b FETCH 1 (PREVIEW)\r\n", b"b FETCH 1 PREVIEW\r\n"),
    ];
    for (input, canonical) in canonical {
        kat(input, canonical);
    }
}

#[test]
fn return_and_selection_options_are_typed() {
    let c = same(b"a UID SEARCH RETURN (MIN MAX ALL COUNT SAVE CONTEXT UPDATE PARTIAL -1:-100 PARTIAL 1:5 X-FOO (1 (a)) X-BAR) 1:*\r\n");
    let CommandBody::Search {
        returns: Some(r), ..
    } = c.body
    else {
        panic!("not SEARCH RETURN: {c:?}");
    };
    let n = |v: u32| std::num::NonZeroU32::new(v).expect("non-zero");
    assert_eq!(
        &r[..7],
        &[
            SearchReturn::Min,
            SearchReturn::Max,
            SearchReturn::All,
            SearchReturn::Count,
            SearchReturn::Save,
            SearchReturn::Context,
            SearchReturn::Update
        ]
    );
    assert_eq!(
        r[7],
        SearchReturn::Partial(PartialRange {
            from_end: true,
            first: n(1),
            last: n(100)
        })
    );
    assert_eq!(
        r[8],
        SearchReturn::Partial(PartialRange {
            from_end: false,
            first: n(1),
            last: n(5)
        })
    );
    assert!(
        matches!(&r[9], SearchReturn::Other { name, value: Some(v) } if name.as_str() == "X-FOO" && v.len() == 2)
    );
    assert!(
        matches!(&r[10], SearchReturn::Other { name, value: None } if name.as_str() == "X-BAR")
    );

    let c = same(b"a LIST (SUBSCRIBED REMOTE RECURSIVEMATCH SPECIAL-USE X-OPT (v)) \"\" * RETURN (SUBSCRIBED CHILDREN SPECIAL-USE MYRIGHTS STATUS (MESSAGES) X-RET)\r\n");
    let CommandBody::List {
        selection, returns, ..
    } = c.body
    else {
        panic!("not LIST: {c:?}");
    };
    assert_eq!(
        &selection[..4],
        &[
            ListSelection::Subscribed,
            ListSelection::Remote,
            ListSelection::RecursiveMatch,
            ListSelection::SpecialUse
        ]
    );
    assert!(matches!(&selection[4], ListSelection::Other { value: Some(v), .. } if v.len() == 1));
    assert_eq!(
        &returns[..5],
        &[
            ListReturn::Subscribed,
            ListReturn::Children,
            ListReturn::SpecialUse,
            ListReturn::MyRights,
            ListReturn::Status(vec![StatusItem::Messages])
        ]
    );
    assert!(
        matches!(&returns[5], ListReturn::Other { name, value: None } if name.as_str() == "X-RET")
    );

    // Known names are matched without regard to case and sent back uppercase.
    let c = kat(
        b"a SORT RETURN (min count) (DATE) UTF-8 ALL\r\n",
        b"a SORT RETURN (MIN COUNT) (DATE) UTF-8 ALL\r\n",
    );
    assert!(
        matches!(c.body, CommandBody::Sort { returns: Some(ref r), .. } if r == &[SearchReturn::Min, SearchReturn::Count])
    );
    // A PARTIAL without a range is an unknown option, not an error.
    let c = same(b"a SEARCH RETURN (PARTIAL) ALL\r\n");
    assert!(
        matches!(c.body, CommandBody::Search { returns: Some(ref r), .. } if matches!(&r[0], SearchReturn::Other { name, .. } if name.as_str() == "PARTIAL"))
    );
}

#[test]
fn experimental_commands_are_kept_as_sent() {
    let cmd = parse_command(b"A442 XPIG-LATIN\r\n").expect("parses");
    assert!(
        matches!(&cmd.body, CommandBody::Experimental { name, args: None } if name.as_str() == "XPIG-LATIN")
    );
    let frame = b"a1 xfoo (bar) {3}\r\nbaz\r\n";
    let cmd = parse_command(frame).expect("parses");
    assert!(
        matches!(&cmd.body, CommandBody::Experimental { name, args: Some(a) } if name.as_str() == "xfoo" && a.as_ref() == b"(bar) {3}\r\nbaz")
    );
    assert_eq!(cmd.to_bytes(), frame);
    // Arguments that would not frame again as they are (a short literal, a bare line end, a
    // trailing announcement) are refused rather than kept.
    for bad in [
        &b"a1 xfoo {5}\r\nab\r\n"[..],
        b"a1 xfoo a\nb\r\n",
        b"a1 xfoo a {3}\r\n",
    ] {
        assert!(
            parse_command(bad).is_err(),
            "{}",
            String::from_utf8_lossy(bad)
        );
    }
}
