//! Inputs and decoding loops shared by the `imap` (criterion, wall time) and `imap_cpu` (CPU
//! time) benchmarks, so both measure exactly the same work.

use std::hint::black_box;

use imap_codec::decode::Decoder;
use imap_codec::{CommandCodec, ResponseCodec};
use mailwire_imap::command::parse_command;
use mailwire_imap::framing::{FrameEvent, Framer, FramerOptions, Role};
use mailwire_imap::response::parse_response;

const SUBJECTS: [&str; 4] = [
    "Quarterly report",
    "Re: lunch on Friday?",
    "=?UTF-8?Q?Gr=C3=BC=C3=9Fe_aus_Berlin?=",
    "Your order #{} has shipped",
];

pub fn fetch_stream(count: u32) -> Vec<u8> {
    let mut out = Vec::new();
    for n in 1..=count {
        let subject = SUBJECTS[(n % 4) as usize].replace("{}", &n.to_string());
        let flags = match n % 3 {
            0 => "\\Seen",
            1 => "\\Seen \\Answered $Forwarded",
            _ => "",
        };
        let body = if n % 2 == 0 {
            format!(
                "(\"TEXT\" \"PLAIN\" (\"CHARSET\" \"utf-8\") NIL NIL \"QUOTED-PRINTABLE\" {} {} NIL NIL NIL NIL)",
                800 + n,
                20 + n % 40
            )
        } else {
            format!(
                "((\"TEXT\" \"PLAIN\" (\"CHARSET\" \"utf-8\") NIL NIL \"7BIT\" {} 12 NIL NIL NIL NIL)(\"TEXT\" \"HTML\" (\"CHARSET\" \"utf-8\") NIL NIL \"QUOTED-PRINTABLE\" {} 40 NIL NIL NIL NIL) \"ALTERNATIVE\" (\"BOUNDARY\" \"b{n}\") NIL NIL NIL)",
                300 + n,
                2000 + n
            )
        };
        out.extend_from_slice(
            format!(
                "* {n} FETCH (UID {uid} FLAGS ({flags}) ENVELOPE (\"Mon, 7 Feb 1994 21:52:25 -0800\" \"{subject}\" ((\"Fred Foobar\" NIL \"foobar\" \"blurdybloop.example\")) ((\"Fred Foobar\" NIL \"foobar\" \"blurdybloop.example\")) ((\"Fred Foobar\" NIL \"foobar\" \"blurdybloop.example\")) ((NIL NIL \"mooch\" \"owatagu.siam.edu.example\")(\"Joe\" NIL \"joe\" \"example.com\")) NIL NIL NIL \"<B27397-{n}@blurdybloop.example>\") BODYSTRUCTURE {body})\r\n",
                uid = 1000 + n
            )
            .as_bytes(),
        );
    }
    out
}

const COMMANDS: &str = "a1 CAPABILITY\r\n\
a2 LOGIN alice \"secret pass\"\r\n\
a3 SELECT INBOX\r\n\
a4 UID FETCH 1:* (FLAGS UID RFC822.SIZE INTERNALDATE BODY.PEEK[HEADER.FIELDS (FROM TO SUBJECT DATE MESSAGE-ID)])\r\n\
a5 UID STORE 4,7:9 +FLAGS.SILENT (\\Seen \\Flagged)\r\n\
a6 UID SEARCH SINCE 1-Feb-2024 NOT DELETED FROM \"alice\" UNSEEN\r\n\
a7 LIST \"\" \"*\"\r\n\
a8 STATUS Archive (MESSAGES UNSEEN UIDNEXT UIDVALIDITY)\r\n\
a9 NOOP\r\n\
a10 UID COPY 1:3 Archive\r\n\
a11 EXAMINE Sent\r\n\
a12 UID FETCH 4821 (BODY.PEEK[] FLAGS)\r\n\
a13 FETCH 1:20 (ENVELOPE BODYSTRUCTURE)\r\n\
a14 LOGOUT\r\n";

pub fn command_stream(repeat: usize) -> Vec<u8> {
    COMMANDS.repeat(repeat).into_bytes()
}

fn mailwire_frames(role: Role, input: &[u8], mut each: impl FnMut(&[u8])) -> usize {
    let mut framer = Framer::new(FramerOptions::new(role));
    framer.push(input);
    let mut n = 0;
    while let Some(ev) = framer.next_event() {
        if let FrameEvent::Message(m) = ev {
            each(&m);
            n += 1;
        }
    }
    n
}

pub fn mailwire_responses(input: &[u8]) -> usize {
    mailwire_frames(Role::Client, input, |m| {
        black_box(parse_response(m).expect("valid response"));
    })
}

pub fn mailwire_commands(input: &[u8]) -> usize {
    mailwire_frames(Role::Server, input, |m| {
        black_box(parse_command(m).expect("valid command"));
    })
}

pub fn codec_responses(input: &[u8]) -> usize {
    let codec = ResponseCodec::default();
    let mut rest = input;
    let mut n = 0;
    while !rest.is_empty() {
        let (r, msg) = codec.decode(rest).expect("valid response");
        black_box(msg);
        rest = r;
        n += 1;
    }
    n
}

pub fn codec_commands(input: &[u8]) -> usize {
    let codec = CommandCodec::default();
    let mut rest = input;
    let mut n = 0;
    while !rest.is_empty() {
        let (r, msg) = codec.decode(rest).expect("valid command");
        black_box(msg);
        rest = r;
        n += 1;
    }
    n
}

pub fn proto_responses(input: &[u8]) -> usize {
    let mut rest = input;
    let mut n = 0;
    while !rest.is_empty() {
        let (r, msg) = imap_proto::Response::parse(rest).expect("valid response");
        black_box(msg);
        rest = r;
        n += 1;
    }
    n
}
