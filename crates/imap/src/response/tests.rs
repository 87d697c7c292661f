use std::num::NonZeroU32;

use proptest::collection::vec;
use proptest::prelude::*;

use super::*;
use crate::command::SectionText;
use crate::encode::Encode;
use crate::strategies as s;
use crate::types::{IntoStatic, Literal, LiteralMode, Quoted};

fn kat(input: &[u8], canonical: &[u8]) -> Response<'static> {
    let r = parse_response(input).unwrap_or_else(|e| panic!("{e}"));
    let encoded = r.to_bytes();
    assert_eq!(
        String::from_utf8_lossy(&encoded),
        String::from_utf8_lossy(canonical)
    );
    assert_eq!(parse_response(&encoded).unwrap(), r);
    r.into_static()
}

fn same(input: &[u8]) -> Response<'static> {
    kat(input, input)
}

fn nz(n: u32) -> NonZeroU32 {
    NonZeroU32::new(n).unwrap()
}

fn q(s: &str) -> Option<IString<'static>> {
    Some(IString::Quoted(
        Quoted::try_from(s.as_bytes()).unwrap().into_static(),
    ))
}

const FETCH_FULL: &[u8] = b"* 12 FETCH (FLAGS (\\Seen) INTERNALDATE \"17-Jul-1996 02:44:25 -0700\" RFC822.SIZE 4286 ENVELOPE (\"Wed, 17 Jul 1996 02:23:25 -0700 (PDT)\" \"IMAP4rev1 WG mtg summary and minutes\" ((\"Terry Gray\" NIL \"gray\" \"cac.washington.edu\")) ((\"Terry Gray\" NIL \"gray\" \"cac.washington.edu\")) ((\"Terry Gray\" NIL \"gray\" \"cac.washington.edu\")) ((NIL NIL \"imap\" \"cac.washington.edu\")) ((NIL NIL \"minutes\" \"CNRI.Reston.VA.US\")(\"John Klensin\" NIL \"KLENSIN\" \"MIT.EDU\")) NIL NIL \"<B27397-0100000@cac.washington.edu>\") BODY (\"TEXT\" \"PLAIN\" (\"CHARSET\" \"US-ASCII\") NIL NIL \"7BIT\" 3028 92))\r\n";

#[test]
fn rfc3501_section8_server_lines() {
    for line in [
        &b"* OK IMAP4rev1 Service Ready\r\n"[..],
        b"a001 OK LOGIN completed\r\n",
        b"* 18 EXISTS\r\n",
        b"* FLAGS (\\Answered \\Flagged \\Deleted \\Seen \\Draft)\r\n",
        b"* 2 RECENT\r\n",
        b"* OK [UNSEEN 17] Message 17 is the first unseen message\r\n",
        b"* OK [UIDVALIDITY 3857529045] UIDs valid\r\n",
        b"a002 OK [READ-WRITE] SELECT completed\r\n",
        b"a003 OK FETCH completed\r\n",
        b"* 12 FETCH (FLAGS (\\Seen \\Deleted))\r\n",
        b"a005 OK +FLAGS completed\r\n",
        b"* BYE IMAP4rev1 server terminating connection\r\n",
        b"a006 OK LOGOUT completed\r\n",
        // RFC 9051 §8 differs in these lines.
        b"* OK IMAP4rev2 Service Ready\r\n",
        b"* LIST () \"/\" INBOX\r\n",
        b"* BYE IMAP4rev2 server terminating connection\r\n",
    ] {
        same(line);
    }
    let r = same(FETCH_FULL);
    let Response::Data(Data::Fetch { seq, items }) = r else {
        panic!()
    };
    assert_eq!(seq.get(), 12);
    assert_eq!(items[0], FetchItem::Flags(vec![Flag::Seen]));
    assert_eq!(items[2], FetchItem::Rfc822Size(4286));
    let FetchItem::Envelope(env) = &items[3] else {
        panic!()
    };
    assert_eq!(env.subject, q("IMAP4rev1 WG mtg summary and minutes"));
    assert_eq!(env.cc.len(), 2);
    assert_eq!(env.cc[1].mailbox, q("KLENSIN"));
    assert_eq!(env.bcc, vec![]);
    let FetchItem::Body(body) = &items[4] else {
        panic!()
    };
    assert!(
        matches!(&**body, Body::Single { kind: SinglePartKind::Text { lines: 92, .. }, fields, extension: None } if fields.octets == 3028)
    );

    let header = b"Date: Wed, 17 Jul 1996 02:23:25 -0700 (PDT)\r\nFrom: Terry Gray <gray@cac.washington.edu>\r\nSubject: IMAP4rev1 WG mtg summary and minutes\r\nTo: imap@cac.washington.edu\r\ncc: minutes@CNRI.Reston.VA.US, John Klensin <KLENSIN@MIT.EDU>\r\nMessage-Id: <B27397-0100000@cac.washington.edu>\r\nMIME-Version: 1.0\r\nContent-Type: TEXT/PLAIN; CHARSET=US-ASCII\r\n\r\n";
    assert_eq!(header.len(), 342, "the RFC's literal length");
    let mut line = b"* 12 FETCH (BODY[HEADER] {342}\r\n".to_vec();
    line.extend_from_slice(header);
    line.extend_from_slice(b")\r\n");
    let r = same(&line);
    assert!(matches!(r, Response::Data(Data::Fetch { ref items, .. })
        if matches!(&items[0], FetchItem::BodySection { section, origin: None, data: Some(IString::Literal(l)) }
            if section.text == Some(SectionText::Header) && l.data() == header)));
}

#[test]
fn rfc3501_section7_examples() {
    for line in [
        &b"* OK [ALERT] System shutdown in 10 minutes\r\n"[..],
        b"* NO Disk is 98% full, please delete unnecessary data\r\n",
        b"A223 NO COPY failed: disk is full\r\n",
        b"* BAD Command line too long\r\n",
        b"A443 BAD Missing command\r\n",
        b"* PREAUTH IMAP4rev1 server logged in as Smith\r\n",
        b"* BYE Autologout; idle for too long\r\n",
        b"* CAPABILITY IMAP4rev1 STARTTLS AUTH=GSSAPI XPIG-LATIN\r\n",
        b"* LIST (\\Noselect) \"/\" ~/Mail/foo\r\n",
        b"* LIST (\\Noselect) \".\" #news.\r\n",
        b"* LIST (\\Noselect) \"/\" \"\"\r\n",
        b"* LSUB () \".\" #news.comp.mail.misc\r\n",
        b"* STATUS blurdybloop (MESSAGES 231 UIDNEXT 44292)\r\n",
        b"* SEARCH 2 3 6\r\n",
        b"* SEARCH\r\n",
        b"* 23 EXISTS\r\n",
        b"* 44 EXPUNGE\r\n",
        b"* 23 FETCH (FLAGS (\\Seen) RFC822.SIZE 44827)\r\n",
        b"+ Ready for additional command text\r\n",
        b"+ YGgGCSqGSIb3EgECAgIBAAD/////6jcyG4GE3KkTzBeBiVHeceP2CWY0SR0fAQAgAAQEBAQ=\r\n",
        b"* OK [PERMANENTFLAGS (\\Deleted \\Seen \\*)] Limited\r\n",
        b"* OK [UIDNEXT 4392] Predicted next UID\r\n",
        b"A932 OK [READ-ONLY] EXAMINE completed\r\n",
        b"* NO [TRYCREATE] no such mailbox\r\n",
        b"* BAD [PARSE] bad header\r\n",
        b"* NO [BADCHARSET (UTF-8 \"KOI8-R\")] charset\r\n",
        b"* OK [CAPABILITY IMAP4rev1 LITERAL+ SASL-IR LOGIN-REFERRALS ID ENABLE IDLE AUTH=PLAIN] Dovecot ready.\r\n",
        b"* 2 FETCH (BODY[1.2.HEADER.FIELDS (DATE FROM)]<0> NIL UID 7 INTERNALDATE \" 2-Jul-1996 02:44:25 +0000\")\r\n",
    ] {
        kat(line, &two_digit_day(line));
    }
}

/// The encoder writes a two-digit day where the input had a space-padded one.
fn two_digit_day(line: &[u8]) -> Vec<u8> {
    String::from_utf8_lossy(line)
        .replace("\" 2-Jul", "\"02-Jul")
        .into_bytes()
}

#[test]
fn rfc9051_and_extension_examples() {
    for line in [
        &b"* ESEARCH (TAG \"A282\") MIN 2 COUNT 3\r\n"[..],
        b"* ESEARCH (TAG \"A283\") ALL 2,10:11\r\n",
        b"* ESEARCH (TAG \"A284\") UID MIN 4 MAX 11 ALL 4:11 COUNT 8 MODSEQ 917162500\r\n",
        b"* ESEARCH (TAG \"A285\") UID\r\n",
        b"* OK [CLOSED] Previous mailbox is now closed\r\n",
        b"* ENABLED CONDSTORE QRESYNC\r\n",
        b"* NAMESPACE ((\"\" \"/\")) ((\"~\" \"/\")) ((\"#shared/\" \"/\")(\"#public/\" \"/\")(\"#ftp/\" \"/\")(\"#news.\" \".\"))\r\n",
        b"* NAMESPACE ((\"\" \"/\" \"X-PARAM\" (\"FLAG1\" \"FLAG2\"))) NIL NIL\r\n",
        b"* LIST () \"/\" foo (\"OLDNAME\" (\"bar\"))\r\n",
        b"* LIST (\\HasChildren) \"/\" Fruit (\"CHILDINFO\" (\"SUBSCRIBED\"))\r\n",
        b"* LIST (\\Subscribed \\NonExistent) \"/\" Fruit/Peach\r\n",
        b"* LIST (\\Drafts \\HasNoChildren) \"/\" Drafts\r\n",
        b"* LIST () NIL foo\r\n",
        b"* STATUS INBOX (MESSAGES 17 UNSEEN 16 SIZE 1234 DELETED 2 HIGHESTMODSEQ 7011231777 APPENDLIMIT 10000)\r\n",
        b"* STATUS foo (MAILBOXID (F2212ea87-6097-4256-9d51-71338625))\r\n",
        b"* NO [UNAVAILABLE] User's backend down for maintenance\r\n",
        b"A01 NO [AUTHENTICATIONFAILED] Authentication failed\r\n",
        b"a NO [AUTHORIZATIONFAILED] No such authorization-ID\r\n",
        b"a NO [EXPIRED] That password isn't valid any more\r\n",
        b"a NO [PRIVACYREQUIRED] Connection security required\r\n",
        b"a NO [CONTACTADMIN] You need to contact the administrator\r\n",
        b"a NO [NOPERM] Access denied\r\n",
        b"a NO [INUSE] Mailbox in use\r\n",
        b"a NO [EXPUNGEISSUED] Some messages were expunged\r\n",
        b"a NO [CORRUPTION] Mailbox damaged\r\n",
        b"a NO [SERVERBUG] Bug\r\n",
        b"a BAD [CLIENTBUG] Bug\r\n",
        b"a NO [CANNOT] Cannot\r\n",
        b"a NO [LIMIT] Too many\r\n",
        b"a NO [OVERQUOTA] Sorry\r\n",
        b"a NO [ALREADYEXISTS] Mailbox exists\r\n",
        b"a NO [NONEXISTENT] No such mailbox\r\n",
        b"a NO [NOTSAVED] Not saved\r\n",
        b"a NO [HASCHILDREN] Has children\r\n",
        b"a NO [UNKNOWN-CTE] Cannot decode\r\n",
        b"A003 OK [APPENDUID 38505 3955] APPEND completed\r\n",
        b"A004 OK [COPYUID 38505 304,319:320 3956:3958] Done\r\n",
        b"A006 OK [UIDNOTSTICKY] Created\r\n",
        b"* OK [HIGHESTMODSEQ 715194045007] Highest\r\n",
        b"* OK [NOMODSEQ] Sorry, this mailbox format doesn't support modsequences\r\n",
        b"d105 OK [MODIFIED 7,9] Conditional STORE failed\r\n",
        b"* 1 FETCH (UID 4 MODSEQ (65402) FLAGS (\\Seen))\r\n",
        b"* VANISHED (EARLIER) 41,43:116,118,120:211,214:540\r\n",
        b"* VANISHED 405,407,410,425\r\n",
        b"* SEARCH 2 5 6 7 11 12 18 19 20 23 (MODSEQ 917162500)\r\n",
        b"* ID (\"name\" \"Cyrus\" \"version\" \"1.5\" \"os\" \"sunos\" \"os-version\" \"5.5\" \"support-url\" \"mailto:cyrus-bugs+@andrew.cmu.edu\")\r\n",
        b"* ID NIL\r\n",
        b"* SORT 2 84 882\r\n",
        b"* 1 FETCH (EMAILID (M6d99ac3275bb4e) THREADID (T64b478a75b7ea9))\r\n",
        b"* 2 FETCH (THREADID NIL SAVEDATE NIL)\r\n",
        b"* 1 FETCH (PREVIEW \"Hello world\")\r\n",
        b"* 1 FETCH (PREVIEW NIL)\r\n",
        b"* 1 FETCH (SNIPPET (FUZZY \"Hello\"))\r\n",
        b"* 1 FETCH (X-GM-LABELS (\\Inbox \"Work\") X-GM-MSGID 1278455344230334865)\r\n",
        b"* 3 FETCH (BINARY.SIZE[1] 1234 BINARY[1] ~{3}\r\na\0b)\r\n",
        b"* OK [MAILBOXID (F2212ea87)] Ok\r\n",
        b"A001 NO [REFERRAL IMAP://user;AUTH=*@SERVER2/] Specified user is invalid on this server.\r\n",
        b"a OK [COMPRESSIONACTIVE] DEFLATE active\r\n",
        b"* QUOTA \"\" (STORAGE 10 512)\r\n",
        b"* QUOTAROOT INBOX \"\"\r\n",
        b"* QUOTA \"!partition/sda4\" (STORAGE 104 10923847)\r\n",
        b"* QUOTAROOT INBOX \"#user/alice\" \"!partition/sda4\"\r\n",
        b"* QUOTA \"#user/alice\" (MESSAGE 42 1000 STORAGE 58 512)\r\n",
        b"* QUOTAROOT comp.mail.mime\r\n",
        b"* ACL INBOX Fred rwipsldexta\r\n",
        b"* ACL INBOX\r\n",
        b"* LISTRIGHTS ~/Mail/saved smith la r swicdkxte\r\n",
        b"* MYRIGHTS INBOX rwiptsldaex\r\n",
        b"* METADATA \"\" (/shared/comment \"Shared comment\")\r\n",
        b"* METADATA INBOX (/private/comment \"My own comment\" /shared/comment NIL)\r\n",
        b"* METADATA \"\" (/shared/comment {33}\r\nMy new comment across\r\ntwo lines.)\r\n",
        b"* METADATA INBOX /shared/comment /private/comment\r\n",
        b"a NO [METADATA TOOMANY] Too many annotations\r\n",
        b"* GENURLAUTH \"imap://joe@example.com/INBOX/;uid=20/;section=1.2;urlauth=submit+fred:internal:91354a473744909de610943775f92038\"\r\n",
        b"* URLFETCH \"imap://joe@example.com/INBOX/;uid=20/;section=1.2;urlauth=submit+fred:internal:91354a473744909de610943775f92038\" {9}\r\nChocolate\r\n",
        b"* URLFETCH \"imap://x/;uid=1\" NIL\r\n",
        b"* COMPARATOR i;basic\r\n",
        b"* COMPARATOR i;basic (i;basic i;octet)\r\n",
        b"a OK [METADATA LONGENTRIES 2048] GETMETADATA complete\r\n",
        b"a NO [METADATA MAXSIZE 1024] Annotation too large\r\n",
        b"* THREAD (2)(3 6 (4 23)(44 7 96))\r\n",
        b"* THREAD ((3)(5))\r\n",
        b"* THREAD\r\n",
        b"* OK [X-UNKNOWN-CODE some args] text\r\n",
        b"* 3 XFOO (BAR {3}\r\nbaz)\r\n",
        b"+ \r\n",
    ] {
        same(line);
    }
}

#[test]
fn more_extension_examples() {
    for line in [
        // MOVE (RFC 6851).
        &b"* OK [COPYUID 432432 42:69 1202:1229]\r\n"[..],
        b"* 22 EXPUNGE\r\n",
        // ENABLE (RFC 5161), UTF8=ACCEPT (RFC 6855).
        b"* ENABLED X-GOOD-IDEA\r\n",
        b"* ENABLED UTF8=ACCEPT\r\n",
        b"* ENABLED\r\n",
        b"* LIST () \"/\" \"Entw\xc3\xbcrfe\"\r\n",
        // LIST-EXTENDED (RFC 5258) and LIST-STATUS (RFC 5819).
        b"* LIST (\\Subscribed) \"/\" Fruit/Banana\r\n",
        b"* LIST () \".\" INBOX.Sent (\"CHILDINFO\" (\"SUBSCRIBED\"))\r\n",
        b"* LIST (\\Remote) \"/\" Bread\r\n",
        b"* STATUS INBOX (MESSAGES 17 UNSEEN 16)\r\n",
        // CONDSTORE (RFC 7162).
        b"* 7 FETCH (MODSEQ (12121231777) FLAGS (\\Deleted))\r\n",
        b"* STATUS blurdybloop (MESSAGES 231 UIDNEXT 7 HIGHESTMODSEQ 7011231777)\r\n",
        b"* SEARCH 2 5 6 7 11 12 18 19 20 23 (MODSEQ 917162500)\r\n",
        b"a OK [HIGHESTMODSEQ 20010715194045319] Done\r\n",
        // APPENDLIMIT (RFC 7889), CATENATE (RFC 4469), BINARY (RFC 3516).
        b"* STATUS INBOX (APPENDLIMIT 257890)\r\n",
        b"* CAPABILITY IMAP4rev1 APPENDLIMIT=257890 CATENATE URLAUTH BINARY\r\n",
        b"A003 NO [TOOBIG] Message too big\r\n",
        b"A003 NO [BADURL \"/INBOX;UIDVALIDITY=785799047/;UID=113330\"] CATENATE failed\r\n",
        b"A003 NO [UNKNOWN-CTE] Can't decode message\r\n",
        b"* 123 FETCH (BINARY.SIZE[3] 23459)\r\n",
        b"* 123 FETCH (BINARY[1.2] NIL)\r\n",
        b"* 123 FETCH (BINARY[1]<0> \"ab\")\r\n",
        // NOTIFY (RFC 5465), referrals (RFC 2221, RFC 2193).
        b"* OK [NOTIFICATIONOVERFLOW] ...A dog ate my notes\r\n",
        b"A01 NO [BADEVENT (MessageNew MessageExpunge)] Bad event\r\n",
        b"* BYE [REFERRAL imap://MIKE@SERVER2/] Server not accepting connections.\r\n",
        b"A001 NO [REFERRAL IMAP://user;AUTH=GSSAPI@SERVER2/SHARED/FOO] Remote mailbox.\r\n",
        // SEARCH=FUZZY (RFC 6203), CONTEXT=SEARCH (RFC 5267).
        b"* ESEARCH (TAG \"tag\") UID ALL 1:3 RELEVANCY (4 99 42)\r\n",
        b"* ESEARCH (TAG \"B01\") UID ADDTO (0 32768:32769)\r\n",
        b"* ESEARCH (TAG \"C01\") UID PARTIAL (1:100 200:250,23,110:112)\r\n",
        // OBJECTID (RFC 8474), STATUS=SIZE (RFC 8438), SAVEDATE (RFC 8514).
        b"* OK [MAILBOXID (F2212ea87-6097-4256-9d51-71338625)] Ok\r\n",
        b"* STATUS foo (MESSAGES 3 SIZE 23456)\r\n",
        b"* 1 FETCH (UID 5 SAVEDATE \"19-Dec-2018 07:43:17 +0000\")\r\n",
        // UNSELECT / UNAUTHENTICATE answers, COMPRESS (RFC 4978).
        b"a NO [COMPRESSIONACTIVE] DEFLATE active via TLS\r\n",
        b"a OK [CAPABILITY IMAP4rev2 AUTH=PLAIN] Unauthenticated\r\n",
        // NAMESPACE (RFC 2342) with several personal namespaces and none shared.
        b"* NAMESPACE ((\"\" \"/\")(\"#mh/\" \"/\" \"X-PARAM\" (\"FLAG1\" \"FLAG2\"))) NIL NIL\r\n",
        b"* NAMESPACE NIL NIL ((\"\" \".\"))\r\n",
    ] {
        same(line);
    }
}

#[test]
fn bodystructures() {
    // RFC 3501 §7.4.2's multipart example, and a message/rfc822 part with extension data.
    let multi = b"* 1 FETCH (BODYSTRUCTURE ((\"TEXT\" \"PLAIN\" (\"CHARSET\" \"US-ASCII\") NIL NIL \"7BIT\" 1152 23)(\"TEXT\" \"PLAIN\" (\"CHARSET\" \"US-ASCII\" \"NAME\" \"cc.diff\") \"<960723163407.20117h@cac.washington.edu>\" \"Compiler diff\" \"BASE64\" 4554 73) \"MIXED\"))\r\n";
    let r = same(multi);
    assert!(matches!(r, Response::Data(Data::Fetch { ref items, .. })
        if matches!(&items[0], FetchItem::BodyStructure(b) if matches!(&**b, Body::Multi { parts, extension: None, .. } if parts.len() == 2))));
    for line in [
        &b"* 2 FETCH (BODYSTRUCTURE (\"MESSAGE\" \"RFC822\" NIL NIL NIL \"7BIT\" 500 (NIL \"Sub\" NIL NIL NIL NIL NIL NIL NIL NIL) (\"TEXT\" \"PLAIN\" NIL NIL NIL \"8BIT\" 10 1 NIL NIL NIL NIL) 12 NIL (\"inline\" NIL) NIL NIL))\r\n"[..],
        b"* 3 FETCH (BODYSTRUCTURE ((\"TEXT\" \"HTML\" (\"CHARSET\" \"utf-8\") NIL NIL \"QUOTED-PRINTABLE\" 200 5 NIL NIL (\"en\" \"de\") \"http://x/\" 1 (2 \"x\"))(\"IMAGE\" \"PNG\" (\"NAME\" \"a.png\") \"<id>\" NIL \"BASE64\" 3000 \"md5sum\" (\"attachment\" (\"FILENAME\" \"a.png\")) NIL) \"RELATED\" (\"BOUNDARY\" \"xyz\") NIL \"en\"))\r\n",
        b"* 4 FETCH (BODYSTRUCTURE (\"APPLICATION\" \"OCTET-STREAM\" NIL NIL NIL \"BASE64\" 12 NIL))\r\n",
        b"* 5 FETCH (BODYSTRUCTURE (\"MESSAGE\" \"DELIVERY-STATUS\" NIL NIL NIL \"7BIT\" 30))\r\n",
    ] {
        same(line);
    }
    // Addresses of a group (RFC 5322 group syntax): NIL host marks start and end.
    same(b"* 6 FETCH (ENVELOPE (NIL NIL ((NIL NIL \"undisclosed-recipients\" NIL)(NIL NIL NIL NIL)) NIL NIL NIL NIL NIL NIL NIL))\r\n");
    // A literal inside an envelope.
    same(b"* 7 FETCH (ENVELOPE (NIL {5}\r\nhi\"\\x NIL NIL NIL NIL NIL NIL NIL NIL))\r\n");
}

#[test]
fn tolerated_server_quirks() {
    // "a1 OK" with no text, "* OK [READ-WRITE]" with no space, and "+" alone.
    kat(b"a1 OK\r\n", b"a1 OK\r\n");
    kat(b"* OK [READ-WRITE]\r\n", b"* OK [READ-WRITE]\r\n");
    kat(b"* OK [READ-WRITE]done\r\n", b"* OK [READ-WRITE] done\r\n");
    kat(b"+\r\n", b"+ \r\n");
    // Lowercase keywords everywhere.
    kat(
        b"* 1 fetch (uid 5 flags (\\seen))\r\n",
        b"* 1 FETCH (UID 5 FLAGS (\\Seen))\r\n",
    );
    kat(
        b"a1 ok [read-write] done\r\n",
        b"a1 OK [READ-WRITE] done\r\n",
    );
    // A space between envelope addresses and between body parts.
    kat(
        b"* 1 FETCH (BODY ((\"TEXT\" \"PLAIN\" NIL NIL NIL \"7BIT\" 1 1) (\"TEXT\" \"HTML\" NIL NIL NIL \"7BIT\" 1 1) \"ALTERNATIVE\"))\r\n",
        b"* 1 FETCH (BODY ((\"TEXT\" \"PLAIN\" NIL NIL NIL \"7BIT\" 1 1)(\"TEXT\" \"HTML\" NIL NIL NIL \"7BIT\" 1 1) \"ALTERNATIVE\"))\r\n",
    );
}

#[test]
fn rejects_malformed_responses() {
    // Untagged data that does not follow its grammar is kept raw, not lost.
    assert!(matches!(
        parse_response(b"* 1 FETCH (FLAGS (\\Seen)\r\n"),
        Ok(Response::Data(Data::Other {
            number: Some(1),
            ..
        }))
    ));
    assert!(matches!(
        parse_response(b"* 0 FETCH (UID 1)\r\n"),
        Ok(Response::Data(Data::Other {
            number: Some(0),
            ..
        }))
    ));
    for bad in [
        // Raw data whose literal is shorter than announced would not frame again (fuzzing).
        &b"* ACL ACnLnn \" \xb3O*O\xff1\\\\\" {4}\r\n\xffC\n"[..],
        b"* XYZ {5}\r\nab\r\n",
        b"* XYZ a {3}\r\n",
        b"a1 PREAUTH hi\r\n",
        b"a1 BYE x\r\n",
        b"* OK hi",
        b"a1 XYZ hi\r\n",
        b"",
    ] {
        assert!(
            parse_response(bad).is_err(),
            "{}",
            String::from_utf8_lossy(bad)
        );
    }
    // Unbalanced nesting deeper than the limit is refused, not a stack overflow.
    let mut deep = b"* 1 FETCH (BODYSTRUCTURE ".to_vec();
    deep.extend(std::iter::repeat_n(b'(', 5000));
    deep.extend_from_slice(b"\r\n");
    assert!(parse_response(&deep).is_ok_and(|r| matches!(r, Response::Data(Data::Other { .. }))));
    let mut deep = b"* 1 FETCH (X ".to_vec();
    deep.extend(std::iter::repeat_n(b'(', 5000));
    deep.extend(std::iter::repeat_n(b')', 5000));
    deep.extend_from_slice(b")\r\n");
    assert!(matches!(
        parse_response(&deep),
        Ok(Response::Data(Data::Other { .. }))
    ));
}

fn code() -> impl Strategy<Value = Code<'static>> {
    prop_oneof![
        Just(Code::Alert),
        Just(Code::Parse),
        Just(Code::ReadOnly),
        Just(Code::ReadWrite),
        Just(Code::TryCreate),
        vec(
            s::atom().prop_map(|a| AString::Atom(
                crate::types::AtomExt::try_from(a.as_str().to_owned()).unwrap()
            )),
            0..3
        )
        .prop_map(Code::BadCharset),
        vec(s::atom(), 1..4).prop_map(Code::Capability),
        vec(s::flag(), 0..4).prop_map(Code::PermanentFlags),
        s::nz().prop_map(Code::UidNext),
        s::nz().prop_map(Code::UidValidity),
        s::nz().prop_map(Code::Unseen),
        (s::nz(), s::sequence_set())
            .prop_map(|(uid_validity, uids)| Code::AppendUid { uid_validity, uids }),
        (s::nz(), s::sequence_set(), s::sequence_set()).prop_map(
            |(uid_validity, source, destination)| Code::CopyUid {
                uid_validity,
                source,
                destination
            }
        ),
        (0u64..=i64::MAX as u64).prop_map(Code::HighestModSeq),
        s::sequence_set().prop_map(Code::Modified),
        s::atom().prop_map(Code::MailboxId),
        proptest::sample::select(vec![
            SimpleCode::Closed,
            SimpleCode::OverQuota,
            SimpleCode::UnknownCte,
            SimpleCode::NoModSeq
        ])
        .prop_map(Code::Simple),
        ("X-[A-Z]{1,6}", proptest::option::of("[a-z0-9 ]{0,6}[a-z]")).prop_map(|(n, t)| {
            Code::Other(
                Atom::try_from(n).unwrap(),
                t.map(|t| Cow::Owned(t.into_bytes())),
            )
        }),
    ]
}

fn text() -> impl Strategy<Value = Text<'static>> {
    "([a-zA-Z0-9][ -~]{0,15})?".prop_map(|t| Text(Cow::Owned(t.into_bytes())))
}

fn address() -> impl Strategy<Value = Address<'static>> {
    (s::nstring(), s::nstring(), s::nstring(), s::nstring()).prop_map(
        |(name, adl, mailbox, host)| Address {
            name,
            adl,
            mailbox,
            host,
        },
    )
}

fn envelope() -> impl Strategy<Value = Envelope<'static>> {
    (
        (s::nstring(), s::nstring()),
        (
            vec(address(), 0..2),
            vec(address(), 0..2),
            vec(address(), 0..2),
            vec(address(), 0..3),
            vec(address(), 0..2),
            vec(address(), 0..2),
        ),
        (s::nstring(), s::nstring()),
    )
        .prop_map(
            |(
                (date, subject),
                (from, sender, reply_to, to, cc, bcc),
                (in_reply_to, message_id),
            )| Envelope {
                date,
                subject,
                from,
                sender,
                reply_to,
                to,
                cc,
                bcc,
                in_reply_to,
                message_id,
            },
        )
}

fn params() -> impl Strategy<Value = Vec<(IString<'static>, IString<'static>)>> {
    vec((s::istring(), s::istring()), 0..3)
}

fn tail() -> impl Strategy<Value = Option<ExtensionTail<'static>>> {
    let value = prop_oneof![
        Just(Value::Nil),
        "[0-9]{1,5}".prop_map(|t| Value::Token(Cow::Owned(t))),
        s::istring().prop_map(Value::String)
    ];
    proptest::option::of((
        proptest::option::of((s::istring(), params())),
        proptest::option::of((
            prop_oneof![
                s::nstring().prop_map(Language::Single),
                vec(s::istring(), 1..3).prop_map(Language::List)
            ],
            proptest::option::of((s::nstring(), vec(value, 0..2))),
        )),
    ))
    .prop_map(|t| {
        t.map(|(disposition, language)| ExtensionTail {
            disposition,
            language,
        })
    })
}

fn fields() -> impl Strategy<Value = BodyFields<'static>> {
    (
        params(),
        s::nstring(),
        s::nstring(),
        s::istring(),
        any::<u32>(),
    )
        .prop_map(|(params, id, description, encoding, octets)| BodyFields {
            params,
            id,
            description,
            encoding,
            octets,
        })
}

fn not_special(t: &IString<'_>) -> bool {
    !t.as_bytes().eq_ignore_ascii_case(b"TEXT") && !t.as_bytes().eq_ignore_ascii_case(b"MESSAGE")
}

fn body() -> impl Strategy<Value = Body<'static>> {
    let leaf = (
        prop_oneof![
            (
                s::istring().prop_filter("basic type", not_special),
                s::istring()
            )
                .prop_map(|(media_type, subtype)| SinglePartKind::Basic {
                    media_type,
                    subtype
                }),
            (s::istring(), any::<u32>())
                .prop_map(|(subtype, lines)| SinglePartKind::Text { subtype, lines }),
        ],
        fields(),
        proptest::option::of((s::nstring(), tail())),
    )
        .prop_map(|(kind, fields, extension)| Body::Single {
            kind,
            fields,
            extension: extension.map(Box::new),
        });
    leaf.prop_recursive(2, 6, 3, |inner| {
        prop_oneof![
            (
                vec(inner.clone(), 1..3),
                s::istring(),
                proptest::option::of((params(), tail()))
            )
                .prop_map(|(parts, subtype, extension)| Body::Multi {
                    parts,
                    subtype,
                    extension: extension.map(Box::new)
                }),
            (envelope(), inner, any::<u32>(), fields()).prop_map(|(e, b, lines, fields)| {
                Body::Single {
                    kind: SinglePartKind::Message {
                        subtype: IString::Quoted(Quoted::try_from(&b"RFC822"[..]).unwrap()),
                        envelope: Box::new(e),
                        body: Box::new(b),
                        lines,
                    },
                    fields,
                    extension: None,
                }
            }),
        ]
    })
}

fn fetch_item() -> impl Strategy<Value = FetchItem<'static>> {
    prop_oneof![
        vec(s::flag(), 0..3).prop_map(FetchItem::Flags),
        envelope().prop_map(|e| FetchItem::Envelope(Box::new(e))),
        s::date_time().prop_map(FetchItem::InternalDate),
        any::<u32>().prop_map(FetchItem::Rfc822Size),
        s::nstring().prop_map(FetchItem::Rfc822Header),
        body().prop_map(|b| FetchItem::BodyStructure(Box::new(b))),
        (
            vec(s::small_nz(), 0..3),
            proptest::option::of(any::<u32>()),
            s::nstring()
        )
            .prop_map(|(part, origin, data)| FetchItem::BodySection {
                section: crate::command::Section { part, text: None },
                origin,
                data
            }),
        (
            vec(s::small_nz(), 0..3),
            proptest::option::of(any::<u32>()),
            proptest::collection::vec(any::<u8>(), 0..10)
        )
            .prop_map(|(part, origin, d)| FetchItem::Binary {
                part,
                origin,
                data: Some(IString::Literal(Literal::binary(d, LiteralMode::Sync)))
            }),
        (vec(s::small_nz(), 0..3), any::<u32>())
            .prop_map(|(part, size)| FetchItem::BinarySize { part, size }),
        s::nz().prop_map(FetchItem::Uid),
        (0u64..=i64::MAX as u64).prop_map(FetchItem::ModSeq),
        s::atom().prop_map(FetchItem::EmailId),
        proptest::option::of(s::atom()).prop_map(FetchItem::ThreadId),
        proptest::option::of(s::date_time()).prop_map(FetchItem::SaveDate),
        s::nstring().prop_map(FetchItem::Preview),
        s::istring().prop_map(|v| FetchItem::Other(
            Cow::Borrowed("X-GM-THRID"),
            Value::List(vec![Value::String(v), Value::Nil])
        )),
    ]
}

fn list_data() -> impl Strategy<Value = ListData<'static>> {
    (
        vec(
            "[A-Z][a-z]{1,8}".prop_map(|a| MailboxAttribute(Atom::try_from(a).unwrap())),
            0..3,
        ),
        proptest::option::of(prop_oneof![Just('/'), Just('.'), Just('\\'), Just('"')]),
        s::mailbox(),
        vec(
            prop_oneof![
                vec(s::istring(), 1..3).prop_map(ListExtendedItem::ChildInfo),
                s::mailbox().prop_map(ListExtendedItem::OldName),
                (
                    s::astring().prop_filter("a typed tag", |k| {
                        !k.as_bytes().eq_ignore_ascii_case(b"CHILDINFO")
                            && !k.as_bytes().eq_ignore_ascii_case(b"OLDNAME")
                    }),
                    s::istring().prop_map(|v| Value::List(vec![Value::String(v)])),
                )
                    .prop_map(|(k, v)| ListExtendedItem::Other(k, v)),
            ],
            0..2,
        ),
    )
        .prop_map(|(attributes, delimiter, mailbox, extended)| ListData {
            attributes,
            delimiter,
            mailbox,
            extended,
        })
}

fn data() -> impl Strategy<Value = Data<'static>> {
    prop_oneof![
        vec(s::atom(), 0..4).prop_map(Data::Capability),
        vec(s::atom(), 0..4).prop_map(Data::Enabled),
        list_data().prop_map(Data::List),
        list_data().prop_map(Data::Lsub),
        (
            s::mailbox(),
            vec(
                prop_oneof![
                    (
                        proptest::sample::select(
                            crate::command::StatusItem::NAMES
                                .iter()
                                .map(|(_, v)| v.clone())
                                .filter(|v| *v != crate::command::StatusItem::MailboxId)
                                .collect::<Vec<_>>()
                        ),
                        0u64..=i64::MAX as u64
                    )
                        .prop_map(|(i, n)| StatusValue::Number(i, n)),
                    s::atom().prop_map(StatusValue::MailboxId),
                ],
                0..4
            )
        )
            .prop_map(|(mailbox, items)| Data::Status { mailbox, items }),
        (
            vec(s::nz(), 0..5),
            proptest::option::of(0u64..=i64::MAX as u64)
        )
            .prop_map(|(numbers, mod_seq)| Data::Search { numbers, mod_seq }),
        (
            vec(s::nz(), 0..5),
            proptest::option::of(0u64..=i64::MAX as u64)
        )
            .prop_map(|(numbers, mod_seq)| Data::Sort { numbers, mod_seq }),
        (
            proptest::option::of(s::istring()),
            any::<bool>(),
            vec(
                prop_oneof![
                    s::nz().prop_map(ESearchItem::Min),
                    s::nz().prop_map(ESearchItem::Max),
                    s::sequence_set().prop_map(ESearchItem::All),
                    any::<u32>().prop_map(ESearchItem::Count),
                    (0u64..=i64::MAX as u64).prop_map(ESearchItem::ModSeq),
                    vec((any::<u32>(), s::sequence_set()), 1..3).prop_map(ESearchItem::AddTo),
                    vec((any::<u32>(), s::sequence_set()), 1..3).prop_map(ESearchItem::RemoveFrom),
                    vec(1u8..=100, 1..4).prop_map(ESearchItem::Relevancy),
                    (
                        s::nz(),
                        s::nz(),
                        any::<bool>(),
                        proptest::option::of(s::sequence_set())
                    )
                        .prop_map(|(first, last, from_end, results)| {
                            ESearchItem::Partial {
                                range: PartialRange {
                                    first,
                                    last,
                                    from_end,
                                },
                                results,
                            }
                        }),
                    s::istring().prop_map(|v| ESearchItem::Other(
                        Atom::try_from("X-ITEM").unwrap(),
                        Value::List(vec![Value::String(v)])
                    )),
                ],
                0..4
            )
        )
            .prop_map(|(tag, uid, items)| Data::ESearch { tag, uid, items }),
        vec(s::flag(), 0..4).prop_map(Data::Flags),
        any::<u32>().prop_map(Data::Exists),
        any::<u32>().prop_map(Data::Recent),
        s::nz().prop_map(Data::Expunge),
        (s::nz(), vec(fetch_item(), 0..4)).prop_map(|(seq, items)| Data::Fetch { seq, items }),
        (
            vec(namespace(), 0..2),
            vec(namespace(), 0..2),
            vec(namespace(), 0..3)
        )
            .prop_map(|(personal, other, shared)| Data::Namespace {
                personal,
                other,
                shared
            }),
        proptest::option::of(vec((s::istring(), s::nstring()), 0..3)).prop_map(Data::Id),
        (any::<bool>(), s::sequence_set())
            .prop_map(|(earlier, uids)| Data::Vanished { earlier, uids }),
        vec(thread(), 0..3).prop_map(Data::Thread),
        extension_data(),
        (
            proptest::option::of(any::<u32>()),
            "X[A-Z]{1,5}",
            "( [ -~]{0,10})?"
        )
            .prop_map(|(number, name, rest)| Data::Other {
                number,
                name: Atom::try_from(name).unwrap(),
                rest: Cow::Owned(rest.into_bytes())
            }),
    ]
}

fn extension_data() -> impl Strategy<Value = Data<'static>> {
    use crate::extensions::{AclData, MetadataData, QuotaData, QuotaResource, UrlAuthData};
    let resource = (s::atom(), any::<u64>(), any::<u64>()).prop_map(|(name, u, l)| QuotaResource {
        name,
        usage: Some(u >> 1),
        limit: l >> 1,
    });
    prop_oneof![
        (s::astring(), vec(resource, 0..3)).prop_map(|(r, l)| Data::Quota(QuotaData::Quota(r, l))),
        (s::mailbox(), vec(s::astring(), 0..3))
            .prop_map(|(m, r)| Data::Quota(QuotaData::QuotaRoot(m, r))),
        (s::mailbox(), vec((s::astring(), s::astring()), 0..3))
            .prop_map(|(m, l)| Data::Acl(AclData::Acl(m, l))),
        (
            s::mailbox(),
            s::astring(),
            s::astring(),
            vec(s::astring(), 0..3)
        )
            .prop_map(|(m, i, r, o)| Data::Acl(AclData::ListRights(m, i, r, o))),
        (s::mailbox(), s::astring()).prop_map(|(m, r)| Data::Acl(AclData::MyRights(m, r))),
        (s::mailbox(), vec((s::astring(), s::nstring()), 1..3))
            .prop_map(|(m, v)| Data::Metadata(MetadataData::Values(m, v))),
        (s::mailbox(), vec(s::astring(), 1..3))
            .prop_map(|(m, e)| Data::Metadata(MetadataData::Changed(m, e))),
        vec(s::astring(), 1..3).prop_map(|l| Data::UrlAuth(UrlAuthData::GenUrlAuth(l))),
        vec((s::astring(), s::nstring()), 1..3)
            .prop_map(|l| Data::UrlAuth(UrlAuthData::UrlFetch(l))),
        (s::astring(), vec(s::astring(), 0..3))
            .prop_map(|(a, m)| Data::UrlAuth(UrlAuthData::Comparator(a, m))),
        vec(s::astring(), 1..3).prop_map(|l| Data::UrlAuth(UrlAuthData::Language(l))),
    ]
}

fn thread() -> impl Strategy<Value = Thread> {
    let leaf = vec(s::small_nz(), 1..3).prop_map(|members| Thread {
        members,
        children: vec![],
    });
    leaf.prop_recursive(3, 10, 3, |inner| {
        (vec(s::small_nz(), 0..3), vec(inner, 1..3))
            .prop_map(|(members, children)| Thread { members, children })
    })
}

fn namespace() -> impl Strategy<Value = NamespaceDesc<'static>> {
    (
        s::istring(),
        proptest::option::of(prop_oneof![Just('/'), Just('.')]),
        vec((s::istring(), vec(s::istring(), 1..3)), 0..2),
    )
        .prop_map(|(prefix, delimiter, extensions)| NamespaceDesc {
            prefix,
            delimiter,
            extensions,
        })
}

fn response() -> impl Strategy<Value = Response<'static>> {
    let kind = prop_oneof![
        Just(StatusKind::Ok),
        Just(StatusKind::No),
        Just(StatusKind::Bad)
    ];
    prop_oneof![
        1 => (proptest::option::of(s::tag()), kind, proptest::option::of(code()), text())
            .prop_map(|(tag, kind, code, text)| Response::Status(StatusResponse { tag, kind, code, text })),
        1 => (prop_oneof![Just(StatusKind::PreAuth), Just(StatusKind::Bye)], proptest::option::of(code()), text())
            .prop_map(|(kind, code, text)| Response::Status(StatusResponse { tag: None, kind, code, text })),
        4 => data().prop_map(Response::Data),
        1 => (proptest::option::of(code()), text()).prop_map(|(code, text)| Response::Continuation(Continuation { code, text })),
    ]
}

proptest! {
    #[test]
    fn responses_round_trip(r in response()) {
        let bytes = r.to_bytes();
        let back = parse_response(&bytes);
        prop_assert!(back.is_ok(), "{} -> {:?}", String::from_utf8_lossy(&bytes), back);
        prop_assert_eq!(back.unwrap(), r);
    }

    #[test]
    fn responses_survive_arbitrary_bytes(bytes in vec(any::<u8>(), 0..200)) {
        let _ = parse_response(&bytes);
    }
}

#[test]
fn quoted_helper_is_used() {
    assert_eq!(
        q("x"),
        Some(IString::Quoted(Quoted::try_from("x").unwrap()))
    );
    assert_eq!(nz(3).get(), 3);
}

fn set(s: &str) -> SequenceSet {
    match parse_response(format!("* VANISHED {s}\r\n").as_bytes()).unwrap() {
        Response::Data(Data::Vanished { uids, .. }) => uids,
        other => panic!("{other:?}"),
    }
}

/// Parses `line` to `items` of ESEARCH data, and encodes `items` back to `line`.
fn esearch_both_ways(line: &[u8], items: Vec<ESearchItem<'static>>) {
    let value = Response::Data(Data::ESearch {
        tag: q("B01"),
        uid: true,
        items,
    });
    assert_eq!(parse_response(line).unwrap(), value);
    assert_eq!(
        String::from_utf8_lossy(&value.to_bytes()),
        String::from_utf8_lossy(line)
    );
}

#[test]
fn esearch_context_relevancy_and_partial_items_are_typed() {
    // CONTEXT=SEARCH (RFC 5267) updates, SEARCH=FUZZY (RFC 6203), PARTIAL (RFC 9394).
    esearch_both_ways(
        b"* ESEARCH (TAG \"B01\") UID ADDTO (0 32768:32769)\r\n",
        vec![ESearchItem::AddTo(vec![(0, set("32768:32769"))])],
    );
    esearch_both_ways(
        b"* ESEARCH (TAG \"B01\") UID ADDTO (1 2733 1 2732 1 2731)\r\n",
        vec![ESearchItem::AddTo(vec![
            (1, set("2733")),
            (1, set("2732")),
            (1, set("2731")),
        ])],
    );
    esearch_both_ways(
        b"* ESEARCH (TAG \"B01\") UID REMOVEFROM (0 32768) ADDTO (0 2731)\r\n",
        vec![
            ESearchItem::RemoveFrom(vec![(0, set("32768"))]),
            ESearchItem::AddTo(vec![(0, set("2731"))]),
        ],
    );
    esearch_both_ways(
        b"* ESEARCH (TAG \"B01\") UID ALL 1:3 RELEVANCY (4 99 42)\r\n",
        vec![
            ESearchItem::All(set("1:3")),
            ESearchItem::Relevancy(vec![4, 99, 42]),
        ],
    );
    esearch_both_ways(
        b"* ESEARCH (TAG \"B01\") UID PARTIAL (1:100 200:250,23,110:112) COUNT 500\r\n",
        vec![
            ESearchItem::Partial {
                range: PartialRange {
                    first: nz(1),
                    last: nz(100),
                    from_end: false,
                },
                results: Some(set("200:250,23,110:112")),
            },
            ESearchItem::Count(500),
        ],
    );
    esearch_both_ways(
        b"* ESEARCH (TAG \"B01\") UID PARTIAL (-1:-100 NIL)\r\n",
        vec![ESearchItem::Partial {
            range: PartialRange {
                first: nz(1),
                last: nz(100),
                from_end: true,
            },
            results: None,
        }],
    );
}

#[test]
fn malformed_typed_esearch_items_stay_generic() {
    // A score over 100, a position that is not a number, a half-negative range: kept as sent.
    for (line, name) in [
        (&b"* ESEARCH RELEVANCY (4 101)\r\n"[..], "RELEVANCY"),
        (b"* ESEARCH ADDTO (x 1)\r\n", "ADDTO"),
        (b"* ESEARCH PARTIAL (-1:100 NIL)\r\n", "PARTIAL"),
    ] {
        let r = same(line);
        let Response::Data(Data::ESearch { items, .. }) = r else {
            panic!("{r:?}")
        };
        assert!(
            matches!(&items[..], [ESearchItem::Other(n, Value::List(_))] if n.as_str() == name),
            "{items:?}"
        );
    }
}

#[test]
fn list_extended_childinfo_and_oldname_are_typed() {
    // RFC 5258 §5 and RFC 9051 §6.3.9 examples.
    let line = b"* LIST (\\HasChildren) \"/\" Fruit (\"CHILDINFO\" (\"SUBSCRIBED\"))\r\n";
    let value = Response::Data(Data::List(ListData {
        attributes: vec![MailboxAttribute(Atom::try_from("HasChildren").unwrap())],
        delimiter: Some('/'),
        mailbox: Mailbox::from_wire(AString::try_from("Fruit").unwrap()),
        extended: vec![ListExtendedItem::ChildInfo(vec![q("SUBSCRIBED").unwrap()])],
    }));
    assert_eq!(parse_response(line).unwrap(), value);
    assert_eq!(value.to_bytes(), line);

    let line = b"* LIST () \"/\" \"Fruit/Bananas\" (\"OLDNAME\" (\"Fruit/Banana\"))\r\n";
    let value = Response::Data(Data::List(ListData {
        attributes: Vec::new(),
        delimiter: Some('/'),
        mailbox: Mailbox::from_wire(AString::String(q("Fruit/Bananas").unwrap())),
        extended: vec![ListExtendedItem::OldName(Mailbox::from_wire(
            AString::String(q("Fruit/Banana").unwrap()),
        ))],
    }));
    assert_eq!(parse_response(line).unwrap(), value);
    assert_eq!(value.to_bytes(), line);

    // Several items, an unknown one kept generic, and a CHILDINFO with two options.
    let r = same(
        b"* LIST () \".\" INBOX.Sent (\"CHILDINFO\" (\"SUBSCRIBED\" \"RECURSIVEMATCH\") \"X-FOO\" (1 2))\r\n",
    );
    let Response::Data(Data::List(l)) = r else {
        panic!("{r:?}")
    };
    assert!(matches!(&l.extended[0], ListExtendedItem::ChildInfo(o) if o.len() == 2));
    assert!(matches!(&l.extended[1], ListExtendedItem::Other(k, _) if k.as_bytes() == b"X-FOO"));
}

#[test]
fn more_extension_rfc_server_lines() {
    for line in [
        // UIDPLUS (RFC 4315) with MULTIAPPEND (RFC 3502).
        &b"A003 OK [APPENDUID 38505 3955:3957] APPEND completed\r\n"[..],
        b"A004 OK [UIDNOTSTICKY] Non-persistent UIDs\r\n",
        // SPECIAL-USE (RFC 6154).
        b"* LIST (\\Marked \\HasNoChildren \\Archive) \"/\" Archive\r\n",
        b"* LIST (\\HasNoChildren \\Sent) \"/\" \"Sent Mail\"\r\n",
        b"* LIST (\\HasNoChildren \\All) \"/\" \"All Mail\"\r\n",
        b"t1 NO [USEATTR] \\All not supported\r\n",
        // CONDSTORE / QRESYNC (RFC 7162).
        b"* 4 FETCH (UID 8 MODSEQ (12111230047))\r\n",
        b"* VANISHED (EARLIER) 300:310,405,411\r\n",
        b"* OK [HIGHESTMODSEQ 20010715194045319] Highest\r\n",
        // LIST-STATUS (RFC 5819), NOTIFY (RFC 5465).
        b"* STATUS \"Fruit/Peach\" (MESSAGES 30 UNSEEN 0)\r\n",
        b"* STATUS Lists/Lemonade (UIDVALIDITY 4 UIDNEXT 9999 MESSAGES 500)\r\n",
        // QUOTA (RFC 9208), ACL (RFC 4314).
        b"* QUOTA \"#user/alice\" (STORAGE 54 111 MESSAGE 42 1000)\r\n",
        b"* STATUS INBOX (MESSAGES 12 DELETED 4 DELETED-STORAGE 8)\r\n",
        b"* ACL INBOX Fred rwipslxetad -Fred wetd $team w\r\n",
        // SORT / THREAD (RFC 5256).
        b"* THREAD (166)(167)(168)(169)(172)(170)(171)(173)(174 (175)(176)(178)(181)(180))(179)(177 (183)(182)(188)(184)(185)(186)(187)(189))(190)(191)(192)(193)(194 195)(196 (197)(198))(199)(200 202)(201)(203)(204)(205)(206 207)(208)\r\n",
        // PREVIEW (RFC 8970), an empty preview as a literal.
        b"* 1 FETCH (UID 1 PREVIEW {0}\r\n)\r\n",
        // ESORT (RFC 5267).
        b"* ESEARCH (TAG \"C01\") UID MIN 23765 MAX 26891\r\n",
    ] {
        same(line);
    }
}
