//! The sample sessions of RFC 3501 §8 and RFC 9051 §8 replayed: the client's bytes through a
//! server-side framer and the command parser, the server's bytes through a client-side framer
//! and the response parser, every message re-encoded and parsed back, at every chunking.

mod common;

use common::frames;
use mailwire_imap::command::parse_command;
use mailwire_imap::encode::Encode;
use mailwire_imap::framing::Role;
use mailwire_imap::response::{Data, FetchItem, Response, StatusKind, parse_response};

const HEADER: &str = "Date: Wed, 17 Jul 1996 02:23:25 -0700 (PDT)\r\nFrom: Terry Gray <gray@cac.washington.edu>\r\nSubject: IMAP4rev1 WG mtg summary and minutes\r\nTo: imap@cac.washington.edu\r\ncc: minutes@CNRI.Reston.VA.US, John Klensin <KLENSIN@MIT.EDU>\r\nMessage-Id: <B27397-0100000@cac.washington.edu>\r\nMIME-Version: 1.0\r\nContent-Type: TEXT/PLAIN; CHARSET=US-ASCII\r\n\r\n";

const CLIENT: &str = "a001 login mrc secret\r\na002 select inbox\r\na003 fetch 12 full\r\na004 fetch 12 body[header]\r\na005 store 12 +flags \\deleted\r\na006 logout\r\n";

fn server_3501() -> String {
    format!(
        "* OK IMAP4rev1 Service Ready\r\n\
         a001 OK LOGIN completed\r\n\
         * 18 EXISTS\r\n\
         * FLAGS (\\Answered \\Flagged \\Deleted \\Seen \\Draft)\r\n\
         * 2 RECENT\r\n\
         * OK [UNSEEN 17] Message 17 is the first unseen message\r\n\
         * OK [UIDVALIDITY 3857529045] UIDs valid\r\n\
         a002 OK [READ-WRITE] SELECT completed\r\n\
         {fetch}\
         a003 OK FETCH completed\r\n\
         * 12 FETCH (BODY[HEADER] {{342}}\r\n{HEADER})\r\n\
         a004 OK FETCH completed\r\n\
         * 12 FETCH (FLAGS (\\Seen \\Deleted))\r\n\
         a005 OK +FLAGS completed\r\n\
         * BYE IMAP4rev1 server terminating connection\r\n\
         a006 OK LOGOUT completed\r\n",
        fetch = FETCH
    )
}

fn server_9051() -> String {
    format!(
        "* OK IMAP4rev2 Service Ready\r\n\
         a001 OK LOGIN completed\r\n\
         * 18 EXISTS\r\n\
         * FLAGS (\\Answered \\Flagged \\Deleted \\Seen \\Draft)\r\n\
         * OK [UIDVALIDITY 3857529045] UIDs valid\r\n\
         * LIST () \"/\" INBOX\r\n\
         a002 OK [READ-WRITE] SELECT completed\r\n\
         {fetch}\
         a003 OK FETCH completed\r\n\
         * 12 FETCH (BODY[HEADER] {{342}}\r\n{HEADER})\r\n\
         a004 OK FETCH completed\r\n\
         * 12 FETCH (FLAGS (\\Seen \\Deleted))\r\n\
         a005 OK +FLAGS completed\r\n\
         * BYE IMAP4rev2 server terminating connection\r\n\
         a006 OK LOGOUT completed\r\n",
        fetch = FETCH
    )
}

const FETCH: &str = "* 12 FETCH (FLAGS (\\Seen) INTERNALDATE \"17-Jul-1996 02:44:25 -0700\" RFC822.SIZE 4286 ENVELOPE (\"Wed, 17 Jul 1996 02:23:25 -0700 (PDT)\" \"IMAP4rev1 WG mtg summary and minutes\" ((\"Terry Gray\" NIL \"gray\" \"cac.washington.edu\")) ((\"Terry Gray\" NIL \"gray\" \"cac.washington.edu\")) ((\"Terry Gray\" NIL \"gray\" \"cac.washington.edu\")) ((NIL NIL \"imap\" \"cac.washington.edu\")) ((NIL NIL \"minutes\" \"CNRI.Reston.VA.US\")(\"John Klensin\" NIL \"KLENSIN\" \"MIT.EDU\")) NIL NIL \"<B27397-0100000@cac.washington.edu>\") BODY (\"TEXT\" \"PLAIN\" (\"CHARSET\" \"US-ASCII\") NIL NIL \"7BIT\" 3028 92))\r\n";

fn replay(server: &str) -> Vec<Response<'static>> {
    let whole_commands = frames(Role::Server, CLIENT.as_bytes(), CLIENT.len());
    let whole_responses = frames(Role::Client, server.as_bytes(), server.len());
    for chunk in [1, 2, 3, 7, 64] {
        assert_eq!(
            frames(Role::Server, CLIENT.as_bytes(), chunk),
            whole_commands
        );
        assert_eq!(
            frames(Role::Client, server.as_bytes(), chunk),
            whole_responses
        );
    }
    assert_eq!(whole_commands.len(), 6);
    for frame in &whole_commands {
        let cmd = parse_command(frame).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(
            parse_command(&cmd.to_bytes()).expect("re-encoded command parses"),
            cmd
        );
    }
    whole_responses
        .iter()
        .map(|frame| {
            let r = parse_response(frame).unwrap_or_else(|e| panic!("{e}"));
            assert_eq!(
                parse_response(&r.to_bytes()).expect("re-encoded response parses"),
                r
            );
            assert!(!matches!(r, Response::Data(Data::Other { .. })), "{r:?}");
            mailwire_imap::types::IntoStatic::into_static(r)
        })
        .collect()
}

fn check(responses: &[Response<'_>], count: usize) {
    assert_eq!(responses.len(), count);
    let header = responses.iter().find_map(|r| match r {
        Response::Data(Data::Fetch { items, .. }) => items.iter().find_map(|i| match i {
            FetchItem::BodySection { data: Some(d), .. } => Some(d.as_bytes().to_vec()),
            _ => None,
        }),
        _ => None,
    });
    assert_eq!(header.as_deref(), Some(HEADER.as_bytes()));
    let last = responses.last().expect("responses");
    assert!(
        matches!(last, Response::Status(s) if s.kind == StatusKind::Ok && s.tag.as_ref().is_some_and(|t| t.as_str() == "a006"))
    );
}

#[test]
fn rfc3501_section8_session() {
    check(&replay(&server_3501()), 16);
}

#[test]
fn rfc9051_section8_session() {
    check(&replay(&server_9051()), 15);
}
