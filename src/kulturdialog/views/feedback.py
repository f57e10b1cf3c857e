"""Group feedback by e-mail: a prefilled ``mailto:`` address for each group task, whose body is
the plain form that ``kulturdialog feedback import`` reads back."""

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


DEFAULT_POINTS = 3
"""How many numbered lines the e-mail offers when the set does not say how many points."""


def mail_body(qs: QuestionSet, group: int | str | None = None) -> str:
    """The e-mail a group fills in, in the fixed plain form ``feedback import`` reads back.

    The same form can be typed by hand: a line ``Gruppe: 3``, a heading line, the points as
    ``1. …``, ``2. …``, and optionally a ``Kommentar:`` line with free text after it. The
    questions are not repeated: numbered questions would read as points.
    """
    lang = qs.language
    lines = [qs.title]
    report_back = qs.report_back
    if report_back is not None and report_back.question is not None:
        asked = (
            qs.questions[report_back.question - 1].text
            if report_back.question <= len(qs.questions)
            else ""
        )
        lines.append(f"{label('answers_to_question', lang, number=report_back.question)} {asked}")
    number = "" if group is None else str(group)
    lines += ["", f"{label('group', lang)}: {number}", ""]
    priorities = report_back.priorities if report_back is not None else None
    if priorities is not None:
        lines.append(label("priorities", lang, min=priorities.min, max=priorities.max))
    lines.append(f"{label('mail_points', lang)}:")
    slots = priorities.max if priorities is not None else DEFAULT_POINTS
    lines += [f"{n}. " for n in range(1, slots + 1)]
    lines += ["", f"{label('mail_comment', lang)}:", ""]
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


def mailto(qs: QuestionSet, group: int | str | None = None) -> str:
    """A ``mailto:`` URL with the set's address, subject and the form for the group's points.

    ``group`` fills the group line; the group sheet passes ``{n}`` for its script to replace.
    """
    report_back = qs.report_back
    address = report_back.email if report_back is not None and report_back.email else ""
    subject = report_back.subject if report_back is not None and report_back.subject else qs.title
    return mailto_url(address, subject, mail_body(qs, group))
