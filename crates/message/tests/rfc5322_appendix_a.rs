//! The example messages of RFC 5322 Appendix A, typed in, as known-answer tests.

use mailwire_message::{Address, Message, Part, mailboxes};

fn crlf(s: &str) -> Vec<u8> {
    s.replace('\n', "\r\n").into_bytes()
}

fn flat(list: &[Address<'_>]) -> Vec<(Option<String>, String)> {
    mailboxes(list)
        .map(|m| {
            (
                m.name.as_ref().map(|n| n.to_string()),
                m.address.as_deref().unwrap_or("").to_string(),
            )
        })
        .collect()
}

fn named(n: &str, a: &str) -> (Option<String>, String) {
    (Some(n.to_string()), a.to_string())
}

fn check_round_trip(raw: &[u8]) {
    let msg = Message::parse(raw);
    let mut out = Vec::new();
    msg.write_to(&mut out);
    assert_eq!(out, raw);
    assert!(msg.defects().is_empty(), "{:?}", msg.defects());
}

/// The fields of A.1.1, which A.6.3 writes again in obsolete syntax.
fn assert_saying_hello(r: &Part<'_>) {
    assert_eq!(flat(&r.from()), [named("John Doe", "jdoe@machine.example")]);
    assert_eq!(flat(&r.to()), [named("Mary Smith", "mary@example.net")]);
    assert_eq!(r.subject().as_deref(), Some("Saying Hello"));
    assert_eq!(
        r.date().map(|d| d.to_rfc3339()).as_deref(),
        Some("1997-11-21T09:55:06-06:00")
    );
    assert_eq!(
        r.message_id().as_deref(),
        Some("1234@local.machine.example")
    );
}

#[test]
fn a_1_1_simple_addressing() {
    let raw = crlf(
        "From: John Doe <jdoe@machine.example>
To: Mary Smith <mary@example.net>
Subject: Saying Hello
Date: Fri, 21 Nov 1997 09:55:06 -0600
Message-ID: <1234@local.machine.example>

This is a message just to say hello.
So, \"Hello\".
",
    );
    let msg = Message::parse(&raw);
    let r = msg.root();
    assert_saying_hello(&r);
    assert_eq!(
        r.text().as_deref(),
        Some("This is a message just to say hello.\r\nSo, \"Hello\".\r\n")
    );
    check_round_trip(&raw);
}

#[test]
fn a_1_2_different_types_of_mailboxes() {
    let raw = crlf(
        "From: \"Joe Q. Public\" <john.q.public@example.com>
To: Mary Smith <mary@x.test>, jdoe@example.org, Who? <one@y.test>
Cc: <boss@nil.test>, \"Giant; \\\"Big\\\" Box\" <sysservices@example.net>
Date: Tue, 1 Jul 2003 10:52:37 +0200
Message-ID: <5678.21-Nov-1997@example.com>

Hi everyone.
",
    );
    let msg = Message::parse(&raw);
    let r = msg.root();
    assert_eq!(
        flat(&r.from()),
        [named("Joe Q. Public", "john.q.public@example.com")]
    );
    assert_eq!(
        flat(&r.to()),
        [
            named("Mary Smith", "mary@x.test"),
            (None, "jdoe@example.org".into()),
            named("Who?", "one@y.test")
        ]
    );
    assert_eq!(
        flat(&r.cc()),
        [
            (None, "boss@nil.test".into()),
            named("Giant; \"Big\" Box", "sysservices@example.net")
        ]
    );
    assert_eq!(
        r.message_id().as_deref(),
        Some("5678.21-Nov-1997@example.com")
    );
    check_round_trip(&raw);
}

#[test]
fn a_1_3_group_addresses() {
    let raw = crlf(
        "From: Pete <pete@silly.example>
To: A Group:Ed Jones <c@a.test>,joe@where.test,John <jdoe@one.test>;
Cc: Undisclosed recipients:;
Date: Thu, 13 Feb 1969 23:32:54 -0330
Message-ID: <testabcd.1234@silly.example>

Testing.
",
    );
    let msg = Message::parse(&raw);
    let r = msg.root();
    let to = r.to();
    let Address::Group(g) = &to[0] else {
        panic!("{to:?}")
    };
    assert_eq!(g.name, "A Group");
    assert_eq!(
        flat(&to),
        [
            named("Ed Jones", "c@a.test"),
            (None, "joe@where.test".into()),
            named("John", "jdoe@one.test")
        ]
    );
    let cc = r.cc();
    assert!(
        matches!(&cc[..], [Address::Group(g)] if g.name == "Undisclosed recipients" && g.members.is_empty())
    );
    assert_eq!(
        r.date().map(|d| d.to_rfc3339()).as_deref(),
        Some("1969-02-13T23:32:54-03:30")
    );
    check_round_trip(&raw);
}

#[test]
fn a_2_reply_messages() {
    let raw = crlf(
        "From: Mary Smith <mary@example.net>
To: John Doe <jdoe@machine.example>
Reply-To: \"Mary Smith: Personal Account\" <smith@home.example>
Subject: Re: Saying Hello
Date: Fri, 21 Nov 1997 10:01:10 -0600
Message-ID: <3456@example.net>
In-Reply-To: <1234@local.machine.example>
References: <1234@local.machine.example>

This is a reply to your hello.
",
    );
    let msg = Message::parse(&raw);
    let r = msg.root();
    assert_eq!(
        flat(&r.reply_to()),
        [named("Mary Smith: Personal Account", "smith@home.example")]
    );
    assert_eq!(r.in_reply_to(), ["1234@local.machine.example"]);
    assert_eq!(r.references(), ["1234@local.machine.example"]);
    check_round_trip(&raw);

    let raw = crlf(
        "To: \"Mary Smith: Personal Account\" <smith@home.example>
From: John Doe <jdoe@machine.example>
Subject: Re: Saying Hello
Date: Fri, 21 Nov 1997 11:00:00 -0600
Message-ID: <abcd.1234@local.machine.test>
In-Reply-To: <3456@example.net>
References: <1234@local.machine.example> <3456@example.net>

This is a reply to your reply.
",
    );
    let msg = Message::parse(&raw);
    assert_eq!(
        msg.root().references(),
        ["1234@local.machine.example", "3456@example.net"]
    );
    check_round_trip(&raw);
}

#[test]
fn a_3_resent_messages() {
    let raw = crlf(
        "Resent-From: Mary Smith <mary@example.net>
Resent-To: Jane Brown <j-brown@other.example>
Resent-Date: Mon, 24 Nov 1997 14:22:01 -0800
Resent-Message-ID: <78910@example.net>
From: John Doe <jdoe@machine.example>
To: Mary Smith <mary@example.net>
Subject: Saying Hello
Date: Fri, 21 Nov 1997 09:55:06 -0600
Message-ID: <1234@local.machine.example>

This is a message just to say hello.
So, \"Hello\".
",
    );
    let msg = Message::parse(&raw);
    let r = msg.root();
    let resent = r.header("resent-from").unwrap().addresses();
    assert_eq!(flat(&resent), [named("Mary Smith", "mary@example.net")]);
    assert_eq!(
        r.header("resent-date")
            .unwrap()
            .date()
            .unwrap()
            .to_rfc3339(),
        "1997-11-24T14:22:01-08:00"
    );
    assert_eq!(
        r.header("resent-message-id").unwrap().message_ids(),
        ["78910@example.net"]
    );
    check_round_trip(&raw);
}

#[test]
fn a_4_message_with_trace_fields() {
    let raw = crlf(
        "Received: from x.y.test
   by example.net
   via TCP
   with ESMTP
   id ABC12345
   for <mary@example.net>;  21 Nov 1997 10:05:43 -0600
Received: from node.example by x.y.test; 21 Nov 1997 10:01:22 -0600
From: John Doe <jdoe@node.example>
To: Mary Smith <mary@example.net>
Subject: Saying Hello
Date: Fri, 21 Nov 1997 09:55:06 -0600
Message-ID: <1234@local.node.example>

This is a message just to say hello.
So, \"Hello\".
",
    );
    let msg = Message::parse(&raw);
    let rec = msg.root().received();
    assert_eq!(rec.len(), 2);
    assert_eq!(rec[0].from.as_deref(), Some("x.y.test"));
    assert_eq!(rec[0].by.as_deref(), Some("example.net"));
    assert_eq!(rec[0].via.as_deref(), Some("TCP"));
    assert_eq!(rec[0].with.as_deref(), Some("ESMTP"));
    assert_eq!(rec[0].id.as_deref(), Some("ABC12345"));
    assert_eq!(rec[0].for_.as_deref(), Some("mary@example.net"));
    assert_eq!(
        rec[0].date.unwrap().to_rfc3339(),
        "1997-11-21T10:05:43-06:00"
    );
    assert_eq!(rec[1].from.as_deref(), Some("node.example"));
    assert_eq!(rec[1].by.as_deref(), Some("x.y.test"));
    assert_eq!(
        rec[1].date.unwrap().to_rfc3339(),
        "1997-11-21T10:01:22-06:00"
    );
    check_round_trip(&raw);
}

#[test]
fn a_5_white_space_comments_and_other_oddities() {
    let raw = crlf(
        "From: Pete(A nice \\) chap) <pete(his account)@silly.test(his host)>
To:A Group(Some people)
     :Chris Jones <c@(Chris's host.)public.example>,
         joe@example.org,
  John <jdoe@one.test> (my dear friend); (the end of the group)
Cc:(Empty list)(start)Hidden recipients  :(nobody(that I know))  ;
Date: Thu,
      13
        Feb
          1969
      23:32
               -0330 (Newfoundland Time)
Message-ID:              <testabcd.1234@silly.test>

Testing.
",
    );
    let msg = Message::parse(&raw);
    let r = msg.root();
    assert_eq!(flat(&r.from()), [named("Pete", "pete@silly.test")]);
    let to = r.to();
    assert!(matches!(&to[0], Address::Group(g) if g.name == "A Group"));
    assert_eq!(
        flat(&to),
        [
            named("Chris Jones", "c@public.example"),
            (None, "joe@example.org".into()),
            named("John", "jdoe@one.test")
        ]
    );
    let cc = r.cc();
    assert!(
        matches!(&cc[..], [Address::Group(g)] if g.name == "Hidden recipients" && g.members.is_empty())
    );
    assert_eq!(
        r.date().map(|d| d.to_rfc3339()).as_deref(),
        Some("1969-02-13T23:32:00-03:30")
    );
    assert_eq!(r.message_id().as_deref(), Some("testabcd.1234@silly.test"));
    check_round_trip(&raw);
}

#[test]
fn a_6_obsolete_forms() {
    // A.6.1: obsolete address list with empty members.
    let raw = crlf(
        "From: Joe Q. Public <john.q.public@example.com>
To: Mary Smith <@node.test:mary@example.net>, , jdoe@test  . example
Date: Tue, 1 Jul 2003 10:52:37 +0200
Message-ID: <5678.21-Nov-1997@example.com>

Hi everyone.
",
    );
    let msg = Message::parse(&raw);
    let r = msg.root();
    assert_eq!(
        flat(&r.from()),
        [named("Joe Q. Public", "john.q.public@example.com")]
    );
    assert_eq!(
        flat(&r.to()),
        [
            named("Mary Smith", "mary@example.net"),
            (None, "jdoe@test.example".into())
        ]
    );
    check_round_trip(&raw);

    // A.6.2: obsolete dates.
    let raw = crlf(
        "From: John Doe <jdoe@machine.example>
To: Mary Smith <mary@example.net>
Subject: Saying Hello
Date: 21 Nov 97 09:55:06 GMT
Message-ID: <1234@local.machine.example>

This is a message just to say hello.
So, \"Hello\".
",
    );
    let msg = Message::parse(&raw);
    assert_eq!(
        msg.root().date().map(|d| d.to_rfc3339()).as_deref(),
        Some("1997-11-21T09:55:06+00:00")
    );
    check_round_trip(&raw);

    // A.6.3: obsolete white space and comments.
    let raw = crlf(
        "From  : John Doe <jdoe@machine(comment).  example>
To    : Mary Smith
  
          <mary@example.net>
Subject     : Saying Hello
Date  : Fri, 21 Nov 1997 09(comment):   55  :  06 -0600
Message-ID  : <1234   @   local(blah)  .machine .example>

This is a message just to say hello.
So, \"Hello\".
",
    );
    assert_saying_hello(&Message::parse(&raw).root());
    check_round_trip(&raw);
}
