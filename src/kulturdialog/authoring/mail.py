"""Reading one saved e-mail (``.eml``) back into a group's points.

The e-mail is expected in the plain form of the prefilled feedback e-mail, which a person can
also type by hand::

    Gruppe: 3

    Prioriterte punkter:
    1. Det viktigste
    2. Det nest viktigste

    Kommentar:
    Annet gruppen vil si.

Labels are recognised in every language of the site. Mail clients add their own things: an
HTML copy (the plain-text part is preferred), quoted text from the message replied to (read
only when the reply itself holds no points), and signatures.

An e-mail is at most ``MAX_EMAIL_BYTES`` (10 MB, attachments included) and only a regular file
is read: a pipe or a device named ``x.eml`` would wait forever.
"""

from __future__ import annotations

import email
import email.policy
import os
import re
import stat
from dataclasses import dataclass
from datetime import UTC, datetime
from email.message import EmailMessage
from html.parser import HTMLParser
from pathlib import Path

from kulturdialog.views.labels import LANGUAGES, label


@dataclass(frozen=True)
class Message:
    """What one e-mail says, before it is matched with a group task."""

    subject: str
    received: datetime
    """When it was sent, from its Date line, with the sender's time zone (UTC where the line
    gives none)."""
    lines: list[str]
    """The reply's own lines, quoted text and signature left out."""
    quoted: list[str]
    """Text quoted from the message replied to, without the quote marks."""


@dataclass(frozen=True)
class Form:
    """A group's answer as read from the form."""

    group: int | str | None
    points: list[str]
    text: str | None


class Unreadable(Exception):
    """An e-mail that cannot be read; the message says why, for the author."""


MAX_EMAIL_BYTES = 10_000_000
"""The largest e-mail read (10 MB): a group's points are a few lines; a larger file is a
forwarded recording or a mistake, refused at once rather than read for minutes."""


def _any_label(key: str) -> str:
    words = sorted({label(key, language).casefold() for language in LANGUAGES}, key=len)
    return "|".join(re.escape(word) for word in reversed(words))


_GROUP = re.compile(
    rf"^\s*(?:{_any_label('group')})(?:\s+(?:nr|no|number)\.?)?\s*[:.]?(?:\s+|$)(?P<value>.*)$",
    re.IGNORECASE,
)
_POINTS = re.compile(rf"^\s*(?:{_any_label('mail_points')})\s*:?\s*$", re.IGNORECASE)
_COMMENT = re.compile(rf"^\s*(?:{_any_label('mail_comment')})\s*:\s*(?P<rest>.*)$", re.IGNORECASE)
_NUMBERED = re.compile(r"^\s*(?P<number>\d{1,2})\s*[.):]\s*(?P<text>.*)$")
_BULLET = re.compile(r"^\s*[-*•]\s+(?P<text>.+)$")
# Where a reply's own text ends: a signature, or the start of the message replied to as
# Outlook and others write it, without quote marks.
_END = re.compile(
    r"^(?:-- ?$|-{2,}\s*(?:original message|opprinnelig melding|oprindelig meddelelse|"
    r"forwarded message|videresendt melding|videresendt meddelelse)|_{10,}\s*$|"
    r"(?:from|fra):\s.+)",
    re.IGNORECASE,
)
_REPLY_PREFIX = re.compile(r"^\s*(?:(?:re|sv|vs|fw|fwd|aw|vb|ang)\s*:\s*)+", re.IGNORECASE)


def read_message(path: Path) -> Message:
    """The subject, date and text of the e-mail saved at ``path``."""
    data = _read_file(path)
    try:
        message = email.message_from_bytes(data, policy=email.policy.default)
        body = message.get_body(preferencelist=("plain", "html"))
    except RecursionError:
        raise Unreadable(
            "its parts are nested too deeply to read (no mail client writes that); "
            "save the e-mail again from the mail client"
        ) from None
    if not isinstance(message, EmailMessage) or not message.keys():
        raise Unreadable("not an e-mail: no header lines such as From, Date and Subject")
    try:
        sent = message["date"].datetime if message["date"] is not None else None
    except (TypeError, ValueError, AttributeError):
        sent = None
    if sent is None:
        raise Unreadable("it has no readable Date line, so the day it arrived is unknown")
    if body is None:
        raise Unreadable("it has no text: neither a plain-text nor an HTML part")
    try:
        content = body.get_content()
    except (LookupError, UnicodeError, ValueError) as error:
        raise Unreadable(f"its text cannot be decoded ({error})") from None
    if not isinstance(content, str):
        raise Unreadable("its text part is not text")
    if body.get_content_type() == "text/html":
        content = html_text(content)
    own, quoted = split_reply(content.splitlines())
    subject = _REPLY_PREFIX.sub("", str(message["subject"] or "")).strip()
    # A Date line without a zone ('-0000') is taken as UTC, so that every time compares.
    received = sent if sent.tzinfo is not None else sent.replace(tzinfo=UTC)
    return Message(subject, received, own, quoted)


def _read_file(path: Path) -> bytes:
    try:
        # Without waiting: opening a pipe for reading would wait for a writer.
        handle = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
    except OSError as error:
        raise Unreadable(f"cannot open the file ({error.strerror})") from None
    try:
        found = os.fstat(handle)
        if not stat.S_ISREG(found.st_mode):
            raise Unreadable("it is not a file but a folder, pipe or device; give the saved .eml")
        if found.st_size > MAX_EMAIL_BYTES:
            raise Unreadable(_too_big(found.st_size))
        with os.fdopen(handle, "rb", closefd=False) as opened:
            data = opened.read(MAX_EMAIL_BYTES + 1)
    except OSError as error:
        raise Unreadable(f"cannot read the file ({error.strerror})") from None
    finally:
        os.close(handle)
    if len(data) > MAX_EMAIL_BYTES:
        raise Unreadable(_too_big(len(data)))
    return data


def _too_big(size: int) -> str:
    return (
        f"it is {size / 1_000_000:.1f} MB, more than the {MAX_EMAIL_BYTES // 1_000_000} MB an "
        "e-mail may have; save it again without attachments"
    )


def split_reply(lines: list[str]) -> tuple[list[str], list[str]]:
    """A reply's own lines, and the lines it quotes (quote marks removed)."""
    own: list[str] = []
    quoted: list[str] = []
    ended = False
    for line in lines:
        if line.lstrip().startswith(">"):
            quoted.append(re.sub(r"^(\s*>)+ ?", "", line))
        elif ended:
            quoted.append(line)
        elif _END.match(line):
            ended = True
            if not line.startswith("--"):
                quoted.append(line)
        else:
            own.append(line)
    return own, quoted


def read_form(lines: list[str]) -> Form:
    """The group, points and comment written in ``lines``."""
    group: int | str | None = None
    found_group = False
    after_heading = not any(_POINTS.match(line) for line in lines)
    # Each point as its number and its lines, joined once at the end: joining at every
    # continuation line would take time with the square of the point's length.
    points: list[tuple[int, list[str]]] = []
    comment: list[str] | None = None
    current: int | None = None
    for line in lines:
        if comment is not None:
            comment.append(line.strip())
            continue
        if not found_group and (match := _GROUP.match(line)):
            found_group = True
            group = _group(match.group("value").strip())
            current = None
            continue
        if _POINTS.match(line):
            after_heading = True
            current = None
            continue
        if match := _COMMENT.match(line):
            comment = [match.group("rest").strip()]
            continue
        if not after_heading:
            continue
        numbered = _NUMBERED.match(line)
        bullet = _BULLET.match(line)
        if numbered or bullet:
            text = (numbered or bullet).group("text").strip()  # type: ignore[union-attr]
            order = int(numbered.group("number")) if numbered else len(points) + 1
            # An empty slot of the form is no point; a line after it is not its continuation.
            points.append((order, [text] if text else []))
            current = len(points) - 1
        elif line.strip() and current is not None and points[current][1]:
            points[current][1].append(line.strip())
        else:
            current = None
    # Points in the order of their numbers, as the group ranked them.
    ranked = [" ".join(parts) for _, parts in sorted(points, key=lambda p: p[0]) if parts]
    return Form(group, ranked, _paragraphs(comment or []))


_GROUP_LINE_LENGTH = 100
"""The longest group a Gruppe line may give: a number, or a short name."""


def _group(value: str) -> int | str | None:
    """The group a Gruppe line gives: its number in the digits 0–9, else its name."""
    if len(value) > _GROUP_LINE_LENGTH:
        raise Unreadable(
            f"its Gruppe line is over {_GROUP_LINE_LENGTH} characters; write the group's number "
            "or a short name"
        )
    if value.isascii() and value.isdigit():
        return int(value)
    if value.isnumeric():
        # '①', '²' or 'Ⅲ': a number, but not one a person types as the group sheet shows it.
        raise Unreadable(
            f"'{value}' is no group number; write it with the digits 0–9, as in 'Gruppe: 3'"
        )
    return value or None


def _paragraphs(lines: list[str]) -> str | None:
    text = "\n".join(lines).strip()
    if not text:
        return None
    parts = [" ".join(part.split()) for part in re.split(r"\n\s*\n", text) if part.strip()]
    return "\n\n".join(parts)


class _Text(HTMLParser):
    """The text of an HTML e-mail, line by line, with quoted blocks marked by '> '."""

    LINE = frozenset({"br", "li", "tr"})
    """Tags that end a line."""
    BLOCK = frozenset({"p", "div", "blockquote", "ul", "ol", "table", "h1", "h2", "h3", "h4"})
    """Tags that end a paragraph: a blank line follows, as in a plain-text e-mail."""
    HIDDEN = frozenset({"style", "script", "head", "title"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.lines: list[str] = []
        self.line = ""
        self.depth = 0
        self.hidden = 0
        self.lists: list[int | None] = []
        """Open lists, innermost last: the last number given in an ordered one, None if not."""

    def _end_line(self, blank: bool) -> None:
        if self.line.strip(" >"):
            self.lines.append(self.line.rstrip())
        self.line = ""
        if blank and self.lines and self.lines[-1] != "":
            self.lines.append("")

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self.HIDDEN:
            self.hidden += 1
        elif tag in self.LINE or tag in self.BLOCK:
            self._end_line(tag in self.BLOCK)
        if tag == "blockquote":
            self.depth += 1
        elif tag in {"ol", "ul"}:
            self.lists.append(0 if tag == "ol" else None)
        elif tag == "li":
            # A list item reads as the form's numbered line, or as a bullet.
            number = self.lists[-1] if self.lists else None
            if number is not None:
                self.lists[-1] = number + 1
            self.handle_data(f"{number + 1}." if number is not None else "-")

    def handle_endtag(self, tag: str) -> None:
        if tag in self.HIDDEN:
            self.hidden = max(self.hidden - 1, 0)
        elif tag in self.LINE or tag in self.BLOCK:
            self._end_line(tag in self.BLOCK)
        if tag == "blockquote":
            self.depth = max(self.depth - 1, 0)
        elif tag in {"ol", "ul"} and self.lists:
            self.lists.pop()

    def handle_data(self, data: str) -> None:
        text = " ".join(data.split())
        if self.hidden or not text:
            return
        if not self.line:
            self.line = "> " * self.depth
        elif not self.line.endswith(" "):
            self.line += " "
        self.line += text


def html_text(html: str) -> str:
    """The text of an HTML body: lines at line breaks and list items, blank lines between
    paragraphs."""
    parser = _Text()
    parser.feed(html)
    parser.close()
    parser._end_line(blank=False)
    return "\n".join(parser.lines)
