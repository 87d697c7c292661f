"""Reference side of the differential test: Python's `email` package (policy.default,
BytesParser) describes each message file given on the command line as one JSON line with the
fields the Rust side compares: subject, from, to, date, and the leaf parts' content types,
sizes and SHA-256 of the decoded bytes."""

import hashlib
import json
import sys
from email import policy
from email.parser import BytesParser


def addresses(msg, name):
    try:
        header = msg[name]
        if header is None:
            return []
        return [
            {"name": a.display_name or None, "address": a.addr_spec or None}
            for a in header.addresses
        ]
    except Exception as e:  # the reference itself failed on this header
        return {"error": repr(e)}


def date(msg):
    try:
        header = msg["date"]
        if header is None or header.datetime is None:
            return None
        d = header.datetime
        s = d.isoformat()
        return s if d.tzinfo is not None else s + "-00:00"
    except Exception:
        return None


def subject(msg):
    try:
        s = msg["subject"]
        return None if s is None else str(s)
    except Exception as e:
        return {"error": repr(e)}


def parts(msg):
    out = []
    for part in msg.walk():
        if part.is_multipart():
            continue
        body = part.get_payload(decode=True)
        if body is None:
            body = b""
        out.append(
            {
                "content_type": part.get_content_type(),
                "size": len(body),
                "sha256": hashlib.sha256(body).hexdigest(),
            }
        )
    return out


def main():
    for path in sys.argv[1:]:
        # parsebytes, not parse: parse() reads through a TextIOWrapper whose universal
        # newlines turn CRLF into LF, which would change every decoded body.
        with open(path, "rb") as f:
            msg = BytesParser(policy=policy.default).parsebytes(f.read())
        print(
            json.dumps(
                {
                    "file": path,
                    "subject": subject(msg),
                    "from": addresses(msg, "from"),
                    "to": addresses(msg, "to"),
                    "date": date(msg),
                    "parts": parts(msg),
                }
            )
        )


if __name__ == "__main__":
    main()
