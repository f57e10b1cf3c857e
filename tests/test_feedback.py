"""The prefilled feedback e-mail of a group task."""

from __future__ import annotations

from urllib.parse import parse_qs, unquote, urlsplit

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pydantic import ValidationError

from kulturdialog.model import QuestionSet
from kulturdialog.model.common import Contact
from kulturdialog.views.feedback import mail_body, mailto, mailto_url, priority_slots
from tests.conftest import ROOT


def question_set(**fields: object) -> QuestionSet:
    data: dict[str, object] = {
        "id": "task",
        "title": "Oppgave & spørsmål",
        "language": "nb",
        "questions": ["Hva skal til?", "Hvem bidrar – og hvordan?"],
    }
    return QuestionSet.model_validate({**data, **fields})


def parts(url: str) -> tuple[str, str, dict[str, list[str]]]:
    split = urlsplit(url)
    return split.scheme, unquote(split.path), parse_qs(split.query)


def test_mailto_has_address_subject_and_a_body_with_the_form_and_priority_slots() -> None:
    qs = question_set(
        report_back={
            "email": "post@example.no",
            "subject": "Svar fra gruppe: «A & B»?",
            "priorities": {"min": 1, "max": 3},
        }
    )
    scheme, address, query = parts(mailto(qs))
    assert (scheme, address) == ("mailto", "post@example.no")
    assert query["subject"] == ["Svar fra gruppe: «A & B»?"]
    body = query["body"][0]
    assert "Hva skal til?" not in body, "numbered questions would read as points"
    assert "Hver gruppe prioriterer 1–3 punkt." in body
    lines = body.split("\r\n")
    assert lines[:4] == ["Oppgave & spørsmål", "", "Gruppe: ", ""]
    assert lines[-9:] == ["Hver gruppe prioriterer 1–3 punkt.", "Prioriterte punkter:",
                          "1. ", "2. ", "3. ", "", "Kommentar:", "", ""]  # fmt: skip
    assert priority_slots(qs) == 3


def test_the_group_number_fills_the_group_line_in_the_sets_language() -> None:
    qs = question_set(language="da", report_back={"question": 2})
    _, _, query = parts(mailto(qs, 3))
    lines = query["body"][0].split("\r\n")
    assert lines[1] == "Gælder spørgsmål 2. Hvem bidrar – og hvordan?"
    assert "Gruppe: 3" in lines and "Prioriterede punkter:" in lines
    assert mailto(qs, "{n}").count("%7Bn%7D") == 1, "the placeholder the group sheet replaces"


def test_mailto_encodes_every_reserved_character() -> None:
    url = mailto(question_set(report_back={"email": "a@example.no", "subject": "x&body=y #z"}))
    query = url.split("?", 1)[1]
    assert " " not in url and "+" not in query and "#" not in url
    assert query.count("&") == 1, "only the separator between subject and body is a bare '&'"


def test_without_report_back_the_subject_is_the_title_and_there_are_no_slots() -> None:
    qs = question_set()
    _, address, query = parts(mailto(qs))
    assert address == ""
    assert query["subject"] == ["Oppgave & spørsmål"]
    assert priority_slots(qs) == 0
    assert "prioriterer" not in mail_body(qs)


@pytest.mark.parametrize(
    "address",
    [
        "x@y.no?bcc=spy%40evil.example&body=hi",
        "x@y.no&cc=a@b.no",
        "x=y@example.no",
        "x%40y@example.no",
        "x y@example.no",
        "x@example.no\nBcc: spy@evil.example",
        "x@example",
        "@example.no",
    ],
)
def test_email_with_header_parts_is_refused(address: str) -> None:
    with pytest.raises(ValidationError):
        question_set(report_back={"email": address})
    with pytest.raises(ValidationError):
        Contact.model_validate({"name": "N", "email": address})


@pytest.mark.parametrize("address", ["post@example.no", "ola.nordmann+seminar@kulturskole-ås.no"])
def test_plain_addresses_are_accepted(address: str) -> None:
    assert Contact.model_validate({"name": "N", "email": address}).email == address


@given(st.text(), st.text(), st.text())
def test_mailto_url_keeps_every_value_in_its_own_part(
    address: str, subject: str, body: str
) -> None:
    url = mailto_url(address, subject, body)
    split = urlsplit(url)
    assert split.scheme == "mailto" and "#" not in url and " " not in url
    assert unquote(split.path) == address
    query = parse_qs(split.query, keep_blank_values=True)
    assert set(query) <= {"subject", "body"}
    assert query.get("subject", [""]) == [subject] if subject else "subject" not in query
    assert query.get("body", [""]) == [body] if body else "body" not in query


def test_every_mailto_in_the_templates_is_made_by_the_one_function() -> None:
    templates = ROOT / "src" / "kulturdialog" / "views" / "templates"
    written = [p.name for p in templates.rglob("*") if p.is_file() and "mailto:" in p.read_text()]
    assert written == []
