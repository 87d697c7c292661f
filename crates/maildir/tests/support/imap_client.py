"""Drives Dovecot through Python's imaplib for the mailwire-maildir interop tests.

Usage: imap_client.py PORT COMMANDS_JSON; prints a JSON list with one result per command.
Mailbox names are passed in modified UTF-7, as IMAP sends them.
"""
import base64
import imaplib
import json
import re
import sys
import time

port = int(sys.argv[1])
commands = json.loads(sys.argv[2])
imap = imaplib.IMAP4("127.0.0.1", port)
imap.login("alice", "secret")


def q(box):
    return '"' + box + '"'


def check(typ, data):
    if typ != "OK":
        raise SystemExit(f"IMAP error: {typ} {data}")
    return data


def status(box):
    data = check(*imap.status(q(box), "(MESSAGES UIDNEXT UIDVALIDITY UNSEEN)"))
    text = data[0].decode()
    return {k.lower(): int(v) for k, v in re.findall(r"(MESSAGES|UIDNEXT|UIDVALIDITY|UNSEEN) (\d+)", text)}


def fetch(box):
    # EXAMINE: a read-write SELECT would expunge \Deleted messages at CLOSE.
    check(*imap.select(q(box), readonly=True))
    data = check(*imap.uid("FETCH", "1:*", "(UID FLAGS RFC822.SIZE INTERNALDATE BODY.PEEK[])"))
    out = []
    for item in data:
        if not isinstance(item, tuple):
            continue
        head, body = item
        text = head.decode()
        flags = re.search(r"FLAGS \(([^)]*)\)", text).group(1).split()
        out.append({
            "uid": int(re.search(r"UID (\d+)", text).group(1)),
            "flags": sorted(f for f in flags if f != "\\Recent"),
            "size": int(re.search(r"RFC822\.SIZE (\d+)", text).group(1)),
            "date": int(time.mktime(imaplib.Internaldate2tuple(head))),
            "body": base64.b64encode(body).decode(),
        })
    imap.close()
    return sorted(out, key=lambda m: m["uid"])


def msgids(box):
    check(*imap.select(q(box), readonly=True))
    data = check(*imap.uid("FETCH", "1:*", "(UID FLAGS BODY.PEEK[HEADER.FIELDS (MESSAGE-ID)])"))
    out = []
    for item in data:
        if not isinstance(item, tuple):
            continue
        head, body = item
        text = head.decode()
        flags = re.search(r"FLAGS \(([^)]*)\)", text).group(1).split()
        out.append({
            "uid": int(re.search(r"UID (\d+)", text).group(1)),
            "flags": sorted(f for f in flags if f != "\\Recent"),
            "msgid": body.decode().split(":", 1)[1].strip(),
        })
    imap.close()
    return sorted(out, key=lambda m: m["uid"])


def append(box, flags, date, body_b64):
    when = imaplib.Time2Internaldate(date) if date is not None else None
    typ, data = imap.append(q(box), flags or None, when, base64.b64decode(body_b64))
    check(typ, data)
    match = re.search(rb"APPENDUID (\d+) (\d+)", data[0])
    return [int(match.group(1)), int(match.group(2))]


def append_many(box, prefix, count):
    uids = []
    for i in range(count):
        body = f"Message-ID: <{prefix}-{i}@test>\r\nSubject: {prefix} {i}\r\n\r\nbody {i}\r\n".encode()
        typ, data = imap.append(q(box), "(\\Seen)" if i % 2 else None, None, body)
        check(typ, data)
        uids.append(int(re.search(rb"APPENDUID \d+ (\d+)", data[0]).group(1)))
        check(*imap.noop())
    return uids


def store(box, uids, op, flags):
    check(*imap.select(q(box)))
    check(*imap.uid("STORE", uids, op, flags))
    imap.close()
    return None


def expunge(box):
    check(*imap.select(q(box)))
    data = check(*imap.expunge())
    imap.close()
    return len([d for d in data if d])


def names(kind):
    data = check(*(imap.list() if kind == "list" else imap.lsub()))
    out = []
    for line in data:
        match = re.match(rb'\(([^)]*)\) (?:"[^"]*"|NIL) (.*)$', line)
        name = match.group(2).decode()
        out.append(name.strip('"'))
    return sorted(out)


results = []
for cmd in commands:
    op, args = cmd[0], cmd[1:]
    if op == "status":
        results.append(status(*args))
    elif op == "fetch":
        results.append(fetch(*args))
    elif op == "msgids":
        results.append(msgids(*args))
    elif op == "append":
        results.append(append(*args))
    elif op == "append_many":
        results.append(append_many(*args))
    elif op == "store":
        results.append(store(*args))
    elif op == "expunge":
        results.append(expunge(*args))
    elif op == "create":
        results.append(check(*imap.create(q(args[0]))) and None)
    elif op == "subscribe":
        results.append(check(*imap.subscribe(q(args[0]))) and None)
    elif op in ("list", "lsub"):
        results.append(names(op))
    else:
        raise SystemExit(f"unknown command {op}")
imap.logout()
print(json.dumps(results))
