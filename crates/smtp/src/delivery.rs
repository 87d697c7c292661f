//! Delivery planning as pure functions: recipients grouped by domain, MX hosts ordered as
//! RFC 5321 §5.1 says (with null MX, RFC 7505), failures classified as retry or bounce, and
//! delivery status notifications built (RFC 3464, multipart/report of RFC 6522).
//!
//! Nothing here looks up DNS, reads a clock or draws random numbers: the caller passes the MX
//! records it resolved, the dates, and a source of randomness.

use std::fmt::Write as _;

use crate::address::{Host, Mailbox, ReversePath};
use crate::client::{ClientError, RecipientResult};
use crate::params::{OriginalRecipient, Ret};
use crate::reply::{EnhancedCode, Reply, ReplyCode, enh};

/// The recipients of one message that go to the same host.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DomainGroup<'a> {
    /// The domain (or address literal) after the `@`.
    pub host: Host<'a>,
    /// The recipients, in the order given.
    pub recipients: Vec<Mailbox<'a>>,
}

/// Groups recipients by domain, ignoring ASCII case; groups come in order of first appearance.
pub fn group_by_domain<'a>(
    recipients: impl IntoIterator<Item = Mailbox<'a>>,
) -> Vec<DomainGroup<'a>> {
    let mut groups: Vec<DomainGroup<'a>> = Vec::new();
    for mailbox in recipients {
        let same = |g: &&mut DomainGroup<'a>| match (&g.host, &mailbox.host) {
            (Host::Domain(a), Host::Domain(b)) => a.eq_ignore_case(b),
            (a, b) => a == b,
        };
        match groups.iter_mut().find(same) {
            Some(group) => group.recipients.push(mailbox),
            None => groups.push(DomainGroup {
                host: mailbox.host.clone(),
                recipients: vec![mailbox],
            }),
        }
    }
    groups
}

/// One MX record as the resolver returned it.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct MxRecord {
    /// Lower is tried first.
    pub preference: u16,
    /// The mail exchanger's name; `.` is the null MX.
    pub exchange: String,
}

/// Why a domain cannot receive mail.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum MxError {
    /// The domain publishes a null MX (RFC 7505): it accepts no mail.
    #[error("domain publishes a null MX and accepts no mail")]
    NullMx,
    /// This host is the best mail exchanger for the domain (or the domain itself, without MX
    /// records), so relaying would send the mail back here: "mail loops back to myself".
    #[error("mail for the domain loops back to myself")]
    LoopsBackToMyself,
}

impl MxError {
    /// The reply to record for the recipients: for a null MX 556 5.1.10 (RFC 7505 §4.2); for
    /// a loop 554 5.4.6, "routing loop detected" (RFC 3463), a permanent failure because
    /// only a change of configuration ends it. Both are [`Disposition::Bounce`].
    pub fn reply(self) -> Reply<'static> {
        match self {
            MxError::NullMx => Reply::new(
                ReplyCode::DOMAIN_DOES_NOT_ACCEPT_MAIL,
                enh(5, 1, 10),
                "Recipient address has null MX",
            ),
            MxError::LoopsBackToMyself => Reply::new(
                ReplyCode::TRANSACTION_FAILED,
                enh(5, 4, 6),
                "Mail for this domain loops back to myself",
            ),
        }
    }
}

/// The hosts to try for `domain`, in order (RFC 5321 §5.1), for a sender that is not itself
/// one of the domain's mail exchangers; a relay that may be one uses
/// [`order_mx_excluding_local`].
///
/// Records are sorted by preference; records of equal preference are shuffled with `random`,
/// which must return a number in `0..n` for each `n` it is given.
///
/// Without MX records the domain itself is the only host: the *implicit MX* of RFC 5321 §5.1.
/// This function does not resolve anything; the caller looks up the domain's A/AAAA records
/// (and treats "no such addresses" as a permanent failure, 5.1.2) exactly as it does for the
/// names of MX hosts. A null MX (an exchange of `.`) is [`MxError::NullMx`]. Names lose their
/// trailing dot, are lowercased, and duplicates are dropped.
///
/// ```
/// use mailwire_smtp::delivery::{MxRecord, order_mx};
/// let mx = |preference, exchange: &str| MxRecord { preference, exchange: exchange.into() };
/// let records = [mx(20, "backup.example.org."), mx(10, "mx.example.org.")];
/// let hosts = order_mx("example.org", &records, &mut |_| 0).unwrap();
/// assert_eq!(hosts, ["mx.example.org", "backup.example.org"]);
/// // No MX records: the implicit MX, the domain itself.
/// assert_eq!(order_mx("example.org", &[], &mut |_| 0).unwrap(), ["example.org"]);
/// ```
pub fn order_mx(
    domain: &str,
    records: &[MxRecord],
    random: &mut impl FnMut(usize) -> usize,
) -> Result<Vec<String>, MxError> {
    order_mx_excluding_local(domain, records, &[], random)
}

/// [`order_mx`] for a host that may be one of the domain's own mail exchangers: `local_names`
/// are the names this host answers to (its host name and any other names it is an MX under;
/// compared ignoring ASCII case and a trailing dot).
///
/// RFC 5321 §5.1: when a local name appears among the MX hosts, every host whose preference
/// is equal to or greater than the lowest preference of a local name is dropped, so mail only
/// ever moves to a more preferred exchanger. If that leaves no host (this host is the best
/// exchanger, so the mail should have been delivered here), or there are no MX records and the
/// domain itself is a local name, the result is [`MxError::LoopsBackToMyself`].
///
/// ```
/// use mailwire_smtp::delivery::{MxError, MxRecord, order_mx_excluding_local};
/// let mx = |preference, exchange: &str| MxRecord { preference, exchange: exchange.into() };
/// let records = [mx(10, "mx1.example.org"), mx(20, "backup.example.net"), mx(30, "mx3.example.org")];
/// // The backup MX relays only toward the more preferred mx1.
/// let hosts = order_mx_excluding_local("example.org", &records, &["Backup.example.net."], &mut |_| 0);
/// assert_eq!(hosts.unwrap(), ["mx1.example.org"]);
/// // The best MX has nowhere to relay to.
/// let hosts = order_mx_excluding_local("example.org", &records, &["mx1.example.org"], &mut |_| 0);
/// assert_eq!(hosts, Err(MxError::LoopsBackToMyself));
/// ```
pub fn order_mx_excluding_local(
    domain: &str,
    records: &[MxRecord],
    local_names: &[&str],
    random: &mut impl FnMut(usize) -> usize,
) -> Result<Vec<String>, MxError> {
    if records
        .iter()
        .any(|r| r.exchange.is_empty() || r.exchange == ".")
    {
        return Err(MxError::NullMx);
    }
    let is_local = |name: &str| {
        let name = name.trim_end_matches('.');
        local_names
            .iter()
            .any(|l| l.trim_end_matches('.').eq_ignore_ascii_case(name))
    };
    if records.is_empty() {
        if is_local(domain) {
            return Err(MxError::LoopsBackToMyself);
        }
        return Ok(vec![domain.trim_end_matches('.').to_ascii_lowercase()]);
    }
    let own_preference = records
        .iter()
        .filter(|r| is_local(&r.exchange))
        .map(|r| r.preference)
        .min();
    let mut sorted: Vec<MxRecord> = records
        .iter()
        .filter(|r| own_preference.is_none_or(|own| r.preference < own))
        .cloned()
        .collect();
    if sorted.is_empty() {
        return Err(MxError::LoopsBackToMyself);
    }
    sorted.sort_by_key(|r| r.preference);
    let mut start = 0;
    while start < sorted.len() {
        let end = sorted[start..]
            .iter()
            .position(|r| r.preference != sorted[start].preference)
            .map_or(sorted.len(), |n| start + n);
        // Fisher–Yates within the group of equal preference.
        for i in (start + 1..end).rev() {
            let j = start + random(i - start + 1).min(i - start);
            sorted.swap(i, j);
        }
        start = end;
    }
    let mut hosts: Vec<String> = Vec::with_capacity(sorted.len());
    for record in sorted {
        let host = record.exchange.trim_end_matches('.').to_ascii_lowercase();
        if !hosts.contains(&host) {
            hosts.push(host);
        }
    }
    Ok(hosts)
}

/// What to do about a recipient after an attempt.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Disposition {
    /// Accepted: done.
    Delivered,
    /// A transient failure (4xx, or the connection failed): try again later or at the next MX.
    Retry,
    /// A permanent failure (5xx): send a bounce.
    Bounce,
}

impl Disposition {
    /// Classifies a reply: 2xx delivered, 5xx bounce, anything else retry.
    pub fn of_reply(reply: &Reply<'_>) -> Self {
        match reply.code().class() {
            2 => Disposition::Delivered,
            5 => Disposition::Bounce,
            _ => Disposition::Retry,
        }
    }

    /// Classifies one recipient's result.
    pub fn of_recipient(result: &RecipientResult) -> Self {
        Disposition::of_reply(&result.reply)
    }

    /// A session that ended with an error (connection, timeout, 421, refused greeting) is
    /// retried, at the next MX host first.
    pub fn of_session_error(_error: &ClientError) -> Self {
        Disposition::Retry
    }
}

/// The `Action` of one recipient in a delivery status notification (RFC 3464 §2.3.3).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum DsnAction {
    /// Permanent failure.
    Failed,
    /// Still being retried.
    Delayed,
    /// Delivered (for NOTIFY=SUCCESS).
    Delivered,
    /// Relayed to a system that does not send DSNs.
    Relayed,
    /// Delivered and forwarded to several addresses.
    Expanded,
}

impl DsnAction {
    fn as_str(self) -> &'static str {
        match self {
            DsnAction::Failed => "failed",
            DsnAction::Delayed => "delayed",
            DsnAction::Delivered => "delivered",
            DsnAction::Relayed => "relayed",
            DsnAction::Expanded => "expanded",
        }
    }
}

/// One recipient's part of a notification.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DsnRecipient {
    /// The recipient the attempt was for.
    pub final_recipient: Mailbox<'static>,
    /// ORCPT, when the client gave it.
    pub original_recipient: Option<OriginalRecipient<'static>>,
    /// What happened.
    pub action: DsnAction,
    /// The status: the reply's enhanced code, or one derived from its class.
    pub status: EnhancedCode,
    /// The host that gave the reply.
    pub remote_mta: Option<String>,
    /// The reply that decided.
    pub diagnostic: Option<Reply<'static>>,
    /// When the last attempt was made (an RFC 5322 date).
    pub last_attempt: Option<String>,
    /// Until when delivery will be tried (for `delayed`).
    pub will_retry_until: Option<String>,
}

impl DsnRecipient {
    /// A recipient entry from the reply it got, with action and status derived from it.
    pub fn from_reply(
        final_recipient: Mailbox<'static>,
        reply: Reply<'static>,
        remote_mta: Option<String>,
    ) -> Self {
        let action = match Disposition::of_reply(&reply) {
            Disposition::Delivered => DsnAction::Delivered,
            Disposition::Retry => DsnAction::Delayed,
            Disposition::Bounce => DsnAction::Failed,
        };
        let class = match reply.code().class() {
            c @ (2 | 4 | 5) => c,
            _ => 4,
        };
        let status = reply
            .enhanced()
            .filter(|e| e.class() == class)
            .or_else(|| EnhancedCode::new(class, 0, 0))
            .unwrap_or(EnhancedCode::new(4, 0, 0).expect("4.0.0 is a valid enhanced code"));
        DsnRecipient {
            final_recipient,
            original_recipient: None,
            action,
            status,
            remote_mta,
            diagnostic: Some(reply),
            last_attempt: None,
            will_retry_until: None,
        }
    }
}

/// Everything a delivery status notification says. Dates, the Message-ID and the MIME
/// boundary come from the caller (no clock, no randomness here).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DsnReport<'m> {
    /// The host name of the reporting MTA.
    pub reporting_mta: String,
    /// Where the notification goes: the original reverse path. A null path gets no DSN.
    pub to: ReversePath<'static>,
    /// ENVID of the original transaction.
    pub envid: Option<String>,
    /// When the message arrived (an RFC 5322 date).
    pub arrival_date: Option<String>,
    /// The notification's Date header.
    pub date: String,
    /// The notification's Message-ID, with angle brackets.
    pub message_id: String,
    /// The MIME boundary; must not occur in the returned message.
    pub boundary: String,
    /// One entry per recipient reported on.
    pub recipients: Vec<DsnRecipient>,
    /// RET of the original transaction: the whole message or only its headers.
    pub ret: Ret,
    /// The original message.
    pub original: &'m [u8],
}

/// Why no notification was built.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum DsnError {
    /// The original reverse path is null: a bounce of a bounce is never sent.
    #[error("the original sender is the null path")]
    NullSender,
    /// No recipients to report on.
    #[error("no recipients to report on")]
    NoRecipients,
    /// The boundary occurs in the returned message, or is not a valid MIME boundary.
    #[error("unusable MIME boundary")]
    Boundary,
}

fn address_field(mailbox: &str) -> String {
    let kind = if mailbox.is_ascii() {
        "rfc822"
    } else {
        "utf-8"
    };
    format!("{kind};{mailbox}")
}

/// Builds a delivery status notification (RFC 3464) as a multipart/report message with CRLF
/// line endings: a human-readable part, the delivery-status part, and the returned message
/// (or its headers for `RET=HDRS`). With UTF-8 addresses the report is
/// `message/global-delivery-status` (RFC 6533).
pub fn build_dsn(report: &DsnReport<'_>) -> Result<Vec<u8>, DsnError> {
    let ReversePath::Mailbox(to) = &report.to else {
        return Err(DsnError::NullSender);
    };
    if report.recipients.is_empty() {
        return Err(DsnError::NoRecipients);
    }
    let boundary = &report.boundary;
    let boundary_ok = !boundary.is_empty()
        && boundary.len() <= 70
        && boundary
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"'()+_,-./:=?".contains(&b));
    let delimiter = format!("--{boundary}");
    if !boundary_ok
        || report
            .original
            .windows(delimiter.len())
            .any(|w| w == delimiter.as_bytes())
    {
        return Err(DsnError::Boundary);
    }
    let failed = report
        .recipients
        .iter()
        .any(|r| r.action == DsnAction::Failed);
    let delayed = report
        .recipients
        .iter()
        .any(|r| r.action == DsnAction::Delayed);
    let subject = if failed {
        "Undelivered Mail Returned to Sender"
    } else if delayed {
        "Delayed Mail (still being retried)"
    } else {
        "Successful Mail Delivery Report"
    };
    let global = !to.is_ascii()
        || report
            .recipients
            .iter()
            .any(|r| !r.final_recipient.is_ascii());
    let mta = &report.reporting_mta;
    let mut m = String::new();
    let _ = write!(
        m,
        "From: Mail Delivery System <MAILER-DAEMON@{mta}>\r\n\
         To: <{to}>\r\n\
         Subject: {subject}\r\n\
         Date: {}\r\n\
         Message-ID: {}\r\n\
         Auto-Submitted: auto-replied\r\n\
         MIME-Version: 1.0\r\n\
         Content-Type: multipart/report; report-type=delivery-status;\r\n \
         boundary=\"{boundary}\"\r\n\r\n\
         This is a MIME-formatted delivery status notification.\r\n\r\n\
         {delimiter}\r\n\
         Content-Type: text/plain; charset=utf-8\r\n\r\n",
        report.date, report.message_id
    );
    let _ = write!(m, "This is the mail system at host {mta}.\r\n\r\n");
    for r in &report.recipients {
        let what = match r.action {
            DsnAction::Failed => "could not be delivered",
            DsnAction::Delayed => "has not been delivered yet; delivery will be retried",
            DsnAction::Delivered | DsnAction::Expanded => "was delivered",
            DsnAction::Relayed => "was relayed",
        };
        let _ = write!(m, "Your message to <{}> {what}.\r\n", r.final_recipient);
        if let Some(d) = &r.diagnostic {
            let host = r.remote_mta.as_deref().unwrap_or("the remote host");
            let _ = write!(m, "  {host} said: {}\r\n", diagnostic_text(d));
        }
    }
    let report_type = if global {
        "message/global-delivery-status"
    } else {
        "message/delivery-status"
    };
    let _ = write!(m, "\r\n{delimiter}\r\nContent-Type: {report_type}\r\n\r\n");
    let _ = write!(m, "Reporting-MTA: dns; {mta}\r\n");
    if let Some(envid) = &report.envid {
        let _ = write!(m, "Original-Envelope-Id: {envid}\r\n");
    }
    if let Some(date) = &report.arrival_date {
        let _ = write!(m, "Arrival-Date: {date}\r\n");
    }
    for r in &report.recipients {
        let _ = write!(m, "\r\n");
        if let Some(o) = &r.original_recipient {
            let _ = write!(m, "Original-Recipient: {};{}\r\n", o.addr_type, o.address);
        }
        let _ = write!(
            m,
            "Final-Recipient: {}\r\nAction: {}\r\nStatus: {}\r\n",
            address_field(&r.final_recipient.to_string()),
            r.action.as_str(),
            r.status
        );
        if let Some(host) = &r.remote_mta {
            let _ = write!(m, "Remote-MTA: dns; {host}\r\n");
        }
        if let Some(d) = &r.diagnostic {
            let _ = write!(m, "Diagnostic-Code: smtp; {}\r\n", diagnostic_text(d));
        }
        if let Some(date) = &r.last_attempt {
            let _ = write!(m, "Last-Attempt-Date: {date}\r\n");
        }
        if let Some(date) = &r.will_retry_until {
            let _ = write!(m, "Will-Retry-Until: {date}\r\n");
        }
    }
    let (returned, kind) = match report.ret {
        Ret::Full => (
            report.original,
            if global {
                "message/global"
            } else {
                "message/rfc822"
            },
        ),
        Ret::Headers => {
            let end = report
                .original
                .windows(4)
                .position(|w| w == b"\r\n\r\n")
                .map_or(report.original.len(), |p| p + 2);
            let kind = if global {
                "message/global-headers"
            } else {
                "text/rfc822-headers"
            };
            (&report.original[..end], kind)
        }
    };
    let _ = write!(m, "\r\n{delimiter}\r\nContent-Type: {kind}\r\n\r\n");
    let mut out = m.into_bytes();
    out.extend_from_slice(returned);
    if !returned.ends_with(b"\r\n") {
        out.extend_from_slice(b"\r\n");
    }
    out.extend_from_slice(format!("{delimiter}--\r\n").as_bytes());
    Ok(out)
}

/// A reply on one line: `550 5.1.1 No such user`.
fn diagnostic_text(reply: &Reply<'_>) -> String {
    let mut text = reply.code().to_string();
    if let Some(e) = reply.enhanced() {
        let _ = write!(text, " {e}");
    }
    for line in reply.lines() {
        let clean: String = line.chars().filter(|c| !c.is_control()).collect();
        if !clean.is_empty() {
            text.push(' ');
            text.push_str(&clean);
        }
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mailbox(s: &str) -> Mailbox<'static> {
        Mailbox::parse(s).unwrap().into_owned()
    }

    #[test]
    fn grouping_ignores_case_and_keeps_order() {
        let groups = group_by_domain([
            mailbox("a@Example.org"),
            mailbox("b@other.net"),
            mailbox("c@example.ORG"),
            mailbox("d@[192.0.2.1]"),
        ]);
        assert_eq!(groups.len(), 3);
        assert_eq!(groups[0].host.to_string(), "Example.org");
        assert_eq!(groups[0].recipients.len(), 2);
        assert_eq!(groups[2].host.to_string(), "[192.0.2.1]");
    }

    fn mx(preference: u16, exchange: &str) -> MxRecord {
        MxRecord {
            preference,
            exchange: exchange.to_owned(),
        }
    }

    #[test]
    fn mx_order_by_preference_with_random_ties() {
        let records = [
            mx(20, "c.example."),
            mx(10, "b.example."),
            mx(10, "a.example"),
            mx(30, "B.example"),
        ];
        // "Random" that always picks the first slot: a fixed, checkable permutation.
        let hosts = order_mx("example", &records, &mut |_| 0).unwrap();
        assert_eq!(hosts, ["a.example", "b.example", "c.example"]);
        let hosts = order_mx("example", &records, &mut |n| n - 1).unwrap();
        assert_eq!(hosts, ["b.example", "a.example", "c.example"]);
        // Out-of-range randomness is clamped, not a panic.
        assert_eq!(order_mx("example", &records, &mut |_| 99).unwrap().len(), 3);
    }

    #[test]
    fn implicit_and_null_mx() {
        assert_eq!(
            order_mx("example.org.", &[], &mut |_| 0).unwrap(),
            ["example.org"]
        );
        assert_eq!(
            order_mx("example.org", &[mx(0, ".")], &mut |_| 0),
            Err(MxError::NullMx)
        );
        let reply = MxError::NullMx.reply();
        assert_eq!(
            reply.to_string(),
            "556 5.1.10 Recipient address has null MX\r\n"
        );
    }

    #[test]
    fn local_host_drops_equal_and_less_preferred_exchangers() {
        let records = [
            mx(30, "c.example"),
            mx(10, "a.example"),
            mx(20, "me.example."),
            mx(20, "b.example"),
            mx(40, "ME.example"),
        ];
        let hosts = order_mx_excluding_local("example", &records, &["me.example"], &mut |_| 0);
        assert_eq!(hosts.unwrap(), ["a.example"]);
        // A local name under several preferences counts at its lowest one.
        let hosts =
            order_mx_excluding_local("example", &records, &["x", "me.example."], &mut |_| 0);
        assert_eq!(hosts.unwrap(), ["a.example"]);
        // Not listed: nothing dropped, same as order_mx.
        let hosts = order_mx_excluding_local("example", &records, &["other.example"], &mut |_| 0);
        assert_eq!(
            hosts.unwrap(),
            order_mx("example", &records, &mut |_| 0).unwrap()
        );
        assert_eq!(
            order_mx_excluding_local("example", &records, &[], &mut |_| 0).unwrap(),
            ["a.example", "b.example", "me.example", "c.example"]
        );
    }

    #[test]
    fn best_exchanger_or_implicit_self_is_a_loop() {
        let records = [
            mx(10, "me.example"),
            mx(10, "twin.example"),
            mx(20, "b.example"),
        ];
        assert_eq!(
            order_mx_excluding_local("example", &records, &["me.example"], &mut |_| 0),
            Err(MxError::LoopsBackToMyself)
        );
        assert_eq!(
            order_mx_excluding_local("Example.", &[], &["example"], &mut |_| 0),
            Err(MxError::LoopsBackToMyself)
        );
        assert_eq!(
            order_mx_excluding_local("example.", &[], &["other"], &mut |_| 0).unwrap(),
            ["example"]
        );
        // A null MX wins over the loop: the domain takes no mail at all.
        assert_eq!(
            order_mx_excluding_local("example", &[mx(0, ".")], &["example"], &mut |_| 0),
            Err(MxError::NullMx)
        );
        let reply = MxError::LoopsBackToMyself.reply();
        assert_eq!(
            reply.to_string(),
            "554 5.4.6 Mail for this domain loops back to myself\r\n"
        );
        assert_eq!(Disposition::of_reply(&reply), Disposition::Bounce);
    }

    #[test]
    fn classification() {
        let r = |code: u16| Reply::new(ReplyCode::new(code).unwrap(), None, "x");
        assert_eq!(Disposition::of_reply(&r(250)), Disposition::Delivered);
        assert_eq!(Disposition::of_reply(&r(451)), Disposition::Retry);
        assert_eq!(Disposition::of_reply(&r(550)), Disposition::Bounce);
        assert_eq!(Disposition::of_reply(&r(354)), Disposition::Retry);
        assert_eq!(
            Disposition::of_session_error(&ClientError::Timeout),
            Disposition::Retry
        );
    }

    fn report(recipients: Vec<DsnRecipient>, ret: Ret, original: &[u8]) -> DsnReport<'_> {
        DsnReport {
            reporting_mta: "mx.example.org".into(),
            to: ReversePath::parse("<sender@example.org>")
                .unwrap()
                .into_owned(),
            envid: Some("QQ314159".into()),
            arrival_date: Some("Thu, 21 May 1998 05:33:29 -0700".into()),
            date: "Thu, 21 May 1998 05:43:29 -0700".into(),
            message_id: "<dsn.1@mx.example.org>".into(),
            boundary: "b0undary".into(),
            recipients,
            ret,
            original,
        }
    }

    #[test]
    fn bounce_notification() {
        let reply = Reply::new(
            ReplyCode::MAILBOX_UNAVAILABLE,
            EnhancedCode::new(5, 1, 1),
            "No such user",
        );
        let mut r = DsnRecipient::from_reply(
            mailbox("bob@example.net"),
            reply,
            Some("mx.example.net".into()),
        );
        r.original_recipient = Some(OriginalRecipient {
            addr_type: "rfc822".into(),
            address: "Bob@Example.NET".into(),
        });
        let original = b"Subject: hi\r\nFrom: sender@example.org\r\n\r\nbody\r\n";
        let dsn = String::from_utf8(build_dsn(&report(vec![r], Ret::Headers, original)).unwrap())
            .unwrap();
        assert!(dsn.contains("Subject: Undelivered Mail Returned to Sender\r\n"));
        assert!(dsn.contains("Content-Type: multipart/report; report-type=delivery-status;\r\n boundary=\"b0undary\"\r\n"));
        assert!(
            dsn.contains(
                "Reporting-MTA: dns; mx.example.org\r\nOriginal-Envelope-Id: QQ314159\r\n"
            )
        );
        assert!(dsn.contains("\r\nOriginal-Recipient: rfc822;Bob@Example.NET\r\nFinal-Recipient: rfc822;bob@example.net\r\nAction: failed\r\nStatus: 5.1.1\r\nRemote-MTA: dns; mx.example.net\r\nDiagnostic-Code: smtp; 550 5.1.1 No such user\r\n"));
        assert!(dsn.contains("Content-Type: text/rfc822-headers\r\n\r\nSubject: hi\r\nFrom: sender@example.org\r\n--b0undary--\r\n"));
        assert!(!dsn.contains("body"));
        let bytes = dsn.as_bytes();
        assert!((0..bytes.len()).all(|i| bytes[i] != b'\n' || (i > 0 && bytes[i - 1] == b'\r')));
    }

    #[test]
    fn delay_notification_and_utf8() {
        let reply = Reply::new(ReplyCode::LOCAL_ERROR, None, "try later");
        let mut r = DsnRecipient::from_reply(mailbox("用户@例子.广告"), reply, None);
        r.will_retry_until = Some("Fri, 22 May 1998 05:33:29 -0700".into());
        assert_eq!(r.status, EnhancedCode::new(4, 0, 0).unwrap());
        let dsn = String::from_utf8(build_dsn(&report(vec![r], Ret::Full, b"x")).unwrap()).unwrap();
        assert!(dsn.contains("Subject: Delayed Mail (still being retried)"));
        assert!(dsn.contains("Content-Type: message/global-delivery-status"));
        assert!(dsn.contains(
            "Final-Recipient: utf-8;用户@例子.广告\r\nAction: delayed\r\nStatus: 4.0.0\r\n"
        ));
        assert!(dsn.contains("Will-Retry-Until: Fri, 22 May 1998"));
        assert!(dsn.ends_with("Content-Type: message/global\r\n\r\nx\r\n--b0undary--\r\n"));
    }

    #[test]
    fn refusals() {
        let reply = Reply::new(ReplyCode::MAILBOX_UNAVAILABLE, None, "no");
        let r = DsnRecipient::from_reply(mailbox("b@x.org"), reply, None);
        let mut rep = report(vec![r.clone()], Ret::Full, b"--b0undary\r\n");
        assert_eq!(build_dsn(&rep), Err(DsnError::Boundary));
        rep.original = b"x";
        rep.to = ReversePath::Null;
        assert_eq!(build_dsn(&rep), Err(DsnError::NullSender));
        let rep = report(vec![], Ret::Full, b"x");
        assert_eq!(build_dsn(&rep), Err(DsnError::NoRecipients));
    }
}
