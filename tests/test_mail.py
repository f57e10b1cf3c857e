"""Reading a group's e-mail back: the fixed form, typed by hand, as HTML, and in replies."""

from __future__ import annotations

import email
import email.policy
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kulturdialog.authoring.mail import (
    Unreadable,
    html_text,
    read_form,
    read_message,
    split_reply,
)
from kulturdialog.model import QuestionSet
from kulturdialog.views.feedback import mail_body
from tests.conftest import FIXTURES

EMAILS = FIXTURES / "feedback-emails"


def question_set(language: str = "nb", most: int = 3) -> QuestionSet:
    return QuestionSet.model_validate(
        {
            "id": "t",
            "title": "Oppgave",
            "language": language,
            "questions": ["Hva?", "Hvem?"],
            "report_back": {"question": 2, "priorities": {"min": 1, "max": most}},
        }
    )


def filled(body: str, points: list[str]) -> list[str]:
    """The prefilled body with the group's points written into the numbered slots."""
    lines = body.split("\r\n")
    for number, point in enumerate(points, start=1):
        lines[lines.index(f"{number}. ")] = f"{number}. {point}"
    return lines


POINT = st.text(
    st.characters(blacklist_categories=("Cc", "Cs", "Zl", "Zp")), min_size=1, max_size=60
).filter(lambda s: s.strip() != "" and s == " ".join(s.split()))


@given(
    st.sampled_from(["nb", "nn", "da", "en"]),
    st.integers(min_value=1, max_value=40),
    st.lists(POINT, min_size=1, max_size=3),
)
def test_the_prefilled_form_reads_back_in_every_language(
    language: str, group: int, points: list[str]
) -> None:
    form = read_form(filled(mail_body(question_set(language), group), points))
    assert form.group == group
    assert form.points == points
    assert form.text is None


def test_a_form_typed_by_hand_with_a_point_over_two_lines() -> None:
    form = read_form(["Hei,", "", "Gruppe 4", "1) Mer tid", "   til planlegging", "", "Hilsen Per"])
    assert (form.group, form.points) == (4, ["Mer tid til planlegging"])


def test_points_follow_their_numbers_and_empty_slots_are_skipped() -> None:
    lines = ["Gruppe: Vest", "Prioriterte punkter:", "2. B", "1. A", "3.", "", "Kommentar:",
             "Første avsnitt", "fortsetter.", "", "Andre avsnitt."]  # fmt: skip
    form = read_form(lines)
    assert (form.group, form.points) == ("Vest", ["A", "B"])
    assert form.text == "Første avsnitt fortsetter.\n\nAndre avsnitt."


def test_bullets_count_in_the_order_written() -> None:
    assert read_form(["Group: 2", "- First", "* Second"]).points == ["First", "Second"]


def test_a_reply_keeps_its_own_text_apart_from_what_it_quotes() -> None:
    own, quoted = split_reply(
        [
            "Gruppe: 1",
            "1. Egen",
            "",
            "-----Opprinnelig melding-----",
            "Fra: A",
            "1. Sitert",
            "> 2. Også sitert",
        ]
    )
    assert own == ["Gruppe: 1", "1. Egen", ""]
    assert "1. Sitert" in quoted and "2. Også sitert" in quoted


def test_the_html_copy_reads_as_the_plain_text_does() -> None:
    message = email.message_from_bytes(
        (EMAILS / "2-outlook-multipart-html.eml").read_bytes(), policy=email.policy.default
    )
    assert isinstance(message, email.message.EmailMessage)
    plain = message.get_body(preferencelist=("plain",))
    html = message.get_body(preferencelist=("html",))
    assert plain is not None and html is not None
    from_html = read_form(html_text(html.get_content()).splitlines())
    from_plain = read_form(plain.get_content().splitlines())
    assert from_html == from_plain
    assert from_html.points == ["felles MØTEPLASSER", "Tid til planlegging <b>sammen</b>"]


@pytest.mark.parametrize(
    ("name", "group", "points", "day"),
    [
        ("1-thunderbird-plain.eml", 1, 3, 14),
        ("2-outlook-multipart-html.eml", 2, 2, 14),
        ("3-gmail-typed-by-hand.eml", "Gruppe ved vinduet", 1, 15),
        ("4-thunderbird-quoted-reply.eml", 1, 1, 15),
    ],
)
def test_each_saved_email_reads(name: str, group: object, points: int, day: int) -> None:
    message = read_message(EMAILS / name)
    form = read_form(message.lines)
    assert (form.group, len(form.points), message.received.day) == (group, points, day)


def test_a_file_that_is_no_email_says_so(tmp_path: Path) -> None:
    path = tmp_path / "notes.eml"
    path.write_text("just some notes\n", "utf-8")
    with pytest.raises(Unreadable, match="Date"):
        read_message(path)
    with pytest.raises(Unreadable, match="cannot open"):
        read_message(tmp_path / "missing.eml")


def test_an_email_with_only_html_reads_with_its_quote_apart(tmp_path: Path) -> None:
    message = email.message.EmailMessage()
    message["From"] = "gruppe@example.no"
    message["Date"] = "Thu, 14 Mar 2024 11:00:00 +0100"
    message["Subject"] = "SV: Innspill fra gruppene"
    message.set_content(
        "<div>Gruppe: 5</div><ol><li>Første &amp; beste</li><li>Andre</li></ol>"
        "<blockquote><div>Gruppe:</div><ol><li></li></ol></blockquote>",
        subtype="html",
    )
    path = tmp_path / "html.eml"
    path.write_bytes(message.as_bytes())
    read = read_message(path)
    assert read.subject == "Innspill fra gruppene", "reply prefixes are dropped"
    form = read_form(read.lines)
    assert (form.group, form.points) == (5, ["Første & beste", "Andre"])
    assert read.quoted and all("Første" not in line for line in read.quoted)
