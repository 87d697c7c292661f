//! Message data in the server session: DATA (dot-unstuffed, ending only at CRLF.CRLF) and BDAT
//! chunks, streamed to the application, with the size limit enforced while reading.

use bytes::{Bytes, BytesMut};
use mailwire_core::DotUnstuffer;

use super::{BareLineEndings, Event, Pending, Phase, Server};
use crate::reply::{Reply, ReplyCode, enh};

impl Server {
    /// Why the transaction cannot take message data now, if it cannot.
    pub(super) fn data_refusal(&self) -> Option<Reply<'static>> {
        let Some(t) = &self.transaction else {
            return Some(Reply::new(
                ReplyCode::BAD_SEQUENCE,
                enh(5, 5, 1),
                "Need MAIL command",
            ));
        };
        if t.accepted > 0 {
            return None;
        }
        Some(if t.rejected > 0 {
            Reply::new(
                ReplyCode::TRANSACTION_FAILED,
                enh(5, 5, 1),
                "No valid recipients",
            )
        } else {
            Reply::new(ReplyCode::BAD_SEQUENCE, enh(5, 5, 1), "Need RCPT command")
        })
    }

    pub(super) fn data(&mut self) {
        if let Some(reply) = self.data_refusal() {
            return self.error(reply);
        }
        if self.transaction.as_ref().is_some_and(|t| t.bdat) {
            return self.bad_sequence("DATA after BDAT");
        }
        if self.transaction.as_ref().is_some_and(|t| t.binary) {
            return self.bad_sequence("BINARYMIME needs BDAT");
        }
        self.send(Reply::new(
            ReplyCode::START_MAIL_INPUT,
            None,
            "Start mail input; end with <CRLF>.<CRLF>",
        ));
        self.events.push_back(Event::MessageStart);
        self.phase = Phase::Data(DotUnstuffer::new());
    }

    pub(super) fn bdat(&mut self, size: u64, last: bool) {
        if !self.options.chunking {
            return self.error(Reply::new(
                ReplyCode::NOT_IMPLEMENTED,
                enh(5, 5, 1),
                "CHUNKING not offered",
            ));
        }
        // The chunk is read whatever happens, so that its bytes are never taken for commands.
        let refusal = self
            .data_refusal()
            .or_else(|| self.transaction.as_ref().and_then(|t| t.failed.clone()));
        if let Some(t) = &mut self.transaction
            && refusal.is_none()
            && !t.bdat
        {
            t.bdat = true;
            self.events.push_back(Event::MessageStart);
        }
        self.phase = Phase::Bdat {
            size,
            remaining: size,
            last,
            refusal,
        };
        if size == 0 {
            self.end_bdat_chunk();
        }
    }

    /// Takes message data from `raw`; returns how many bytes belonged to the message.
    pub(super) fn consume_body(&mut self, raw: &[u8]) -> usize {
        match &mut self.phase {
            Phase::Data(unstuffer) => {
                let mut content = BytesMut::new();
                let decoded = unstuffer.decode(raw, &mut content);
                let bare = unstuffer.saw_bare_line_ending();
                self.take_content(content.freeze());
                if decoded.done {
                    self.end_data(bare);
                }
                decoded.consumed
            }
            Phase::Bdat {
                remaining, refusal, ..
            } => {
                let n = usize::try_from(*remaining).map_or(raw.len(), |r| r.min(raw.len()));
                *remaining -= n as u64;
                let (done, good) = (*remaining == 0, refusal.is_none());
                if good {
                    self.take_content(Bytes::copy_from_slice(&raw[..n]));
                }
                if done {
                    self.end_bdat_chunk();
                }
                n
            }
            _ => 0,
        }
    }

    pub(super) fn take_content(&mut self, content: Bytes) {
        let max = self.options.max_message_size;
        let Some(t) = &mut self.transaction else {
            return;
        };
        if t.too_big {
            return;
        }
        let mut content = content;
        let len = content.len() as u64;
        if let Some(max) = max
            && t.size + len > max
        {
            // Cut at the limit so that what the application sees does not depend on how
            // the input was chunked.
            let allowed = usize::try_from(max.saturating_sub(t.size)).unwrap_or(usize::MAX);
            content.truncate(allowed);
            t.too_big = true;
        }
        t.size += len;
        if !content.is_empty() {
            self.events.push_back(Event::MessageData(content));
        }
    }

    pub(super) fn too_big(&mut self) -> Reply<'static> {
        let reply = Reply::new(
            ReplyCode::EXCEEDED_STORAGE,
            enh(5, 3, 4),
            "Message too big for system",
        );
        self.events.push_back(Event::MessageAborted {
            reply: reply.clone(),
        });
        self.send(reply.clone());
        reply
    }

    pub(super) fn end_data(&mut self, bare_line_endings: bool) {
        self.phase = Phase::Command;
        let Some(t) = &self.transaction else {
            return;
        };
        if t.too_big {
            self.too_big();
            self.transaction = None;
            return;
        }
        if bare_line_endings && self.options.bare_line_endings == BareLineEndings::Reject {
            let reply = Reply::new(
                ReplyCode::TRANSACTION_FAILED,
                enh(5, 6, 0),
                "Message refused: bare <CR> or <LF> received",
            );
            self.events.push_back(Event::MessageAborted {
                reply: reply.clone(),
            });
            self.send(reply);
            self.transaction = None;
            return;
        }
        self.events.push_back(Event::MessageEnd {
            size: t.size,
            bare_line_endings,
        });
        self.pending = Some(Pending::MessageEnd);
    }

    pub(super) fn end_bdat_chunk(&mut self) {
        let Phase::Bdat {
            size,
            last,
            refusal,
            ..
        } = std::mem::replace(&mut self.phase, Phase::Command)
        else {
            return;
        };
        if let Some(reply) = refusal {
            self.error(reply);
            if last {
                self.transaction = None;
            }
            return;
        }
        let Some(t) = &self.transaction else {
            return;
        };
        if t.too_big {
            let reply = self.too_big();
            if last {
                self.transaction = None;
            } else if let Some(t) = &mut self.transaction {
                t.failed = Some(reply);
            }
            return;
        }
        if last {
            self.events.push_back(Event::MessageEnd {
                size: t.size,
                bare_line_endings: false,
            });
            self.pending = Some(Pending::MessageEnd);
        } else {
            self.send(Reply::new(
                ReplyCode::OK,
                enh(2, 0, 0),
                format!("{size} octets received"),
            ));
        }
    }

    /// Sends the reply (LMTP: one per accepted recipient) and ends the transaction.
    pub(super) fn finish_message(&mut self, reply_for: impl Fn(usize) -> Reply<'static>) {
        let accepted = self.transaction.take().map_or(0, |t| t.accepted);
        let count = if self.options.lmtp { accepted } else { 1 };
        for i in 0..count {
            self.send(reply_for(i));
        }
    }
}
