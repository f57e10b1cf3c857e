"""Group feedback by e-mail: a prefilled ``mailto:`` address for each group task."""

from __future__ import annotations

from urllib.parse import quote

from kulturdialog.model import QuestionSet
from kulturdialog.views.labels import label

# RFC 6068: line breaks in a mailto body are written as CRLF.
_NEWLINE = "\r\n"


def priority_slots(qs: QuestionSet) -> int:
    """How many numbered lines a group gets for its priorities (0 when the set asks for none)."""
    report_back = qs.report_back
    if report_back is None or report_back.priorities is None:
        return 0
    return report_back.priorities.max


def mail_body(qs: QuestionSet) -> str:
    """The e-mail a group fills in: its number, the questions, and the priority slots."""
    lang = qs.language
    lines = [qs.title, "", f"{label('group', lang)}: ", ""]
    for number, question in enumerate(qs.questions, start=1):
        lines += [f"{number}. {question.text}", "", ""]
    priorities = qs.report_back.priorities if qs.report_back is not None else None
    if priorities is not None:
        lines.append(label("priorities", lang, min=priorities.min, max=priorities.max))
        lines += [f"{number}. " for number in range(1, priorities.max + 1)]
    return _NEWLINE.join(lines) + _NEWLINE


def mailto_url(address: str | None, subject: str | None = None, body: str | None = None) -> str:
    """A ``mailto:`` URL; every ``mailto:`` of the site is made here.

    Address, subject and body are percent-encoded, every reserved character and spaces as %20
    (mail clients do not read '+'), so no value can add a header field such as Bcc.
    """
    query = [
        f"{name}={quote(value, safe='')}"
        for name, value in (("subject", subject), ("body", body))
        if value
    ]
    url = "mailto:" + quote(address or "", safe="@")
    return url + ("?" + "&".join(query) if query else "")


def mailto(qs: QuestionSet) -> str:
    """A ``mailto:`` URL with the set's address, subject and a body listing the questions."""
    report_back = qs.report_back
    address = report_back.email if report_back is not None and report_back.email else ""
    subject = report_back.subject if report_back is not None and report_back.subject else qs.title
    return mailto_url(address, subject, mail_body(qs))
