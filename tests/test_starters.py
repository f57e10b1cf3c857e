"""Starters in the author's language, with a date ahead and the organiser left to the author."""

from __future__ import annotations

import shutil
import tempfile
from datetime import date, timedelta
from pathlib import Path

import pytest
import yaml
from hypothesis import event, given, settings
from hypothesis import strategies as st

from kulturdialog.authoring import starters
from kulturdialog.authoring.check import check
from kulturdialog.views.labels import LANGUAGES
from tests.conftest import FIXTURES, BuildSite
from tests.language_scan import scan

TRANSLATED = tuple(starters.starter_kinds())
"""Kinds whose starter is written in every language: all of them."""

# A word of each language that the gathering starter's example text uses, and no other does.
GATHERING_WORDS = {"nb": "Gruppeoppgave", "nn": "Velkomen", "da": "Gruppearbejde", "en": "Welcome"}


@given(st.dates(min_value=date(2000, 1, 1), max_value=date(2200, 1, 1)))
def test_the_example_date_is_a_weekday_weeks_ahead(today: date) -> None:
    day = starters.future_date(today)
    assert today + timedelta(weeks=8) <= day <= today + timedelta(weeks=8, days=2)
    assert day.isoweekday() <= 5


@given(
    st.sampled_from(starters.starter_kinds()),
    st.sampled_from(LANGUAGES),
    st.dates(min_value=date(2020, 1, 1), max_value=date(2100, 1, 1)),
)
# Its first example reads the starters from disk: time is no part of what it checks.
@settings(deadline=None)
def test_every_date_in_every_starter_lies_ahead(kind: str, language: str, today: date) -> None:
    text = starters.fill(kind, "Tittel", "tittel", language, today=today)
    loaded = yaml.safe_load(text)

    def dates(value: object, key: str = "") -> list[tuple[str, date]]:
        if isinstance(value, date):
            return [(key, value)]
        if isinstance(value, dict):
            return [d for name, item in value.items() for d in dates(item, name)]
        if isinstance(value, list):
            return [d for item in value for d in dates(item, key)]
        return []

    # A planned day lies ahead; feedback is received the day it is written down.
    assert all(
        found == today if key == "received" else found > today for key, found in dates(loaded)
    )
    years = [v for k, v in _pairs(loaded) if k == "year"]
    assert all(year > today.year for year in years)


def _pairs(value: object) -> list[tuple[str, object]]:
    if isinstance(value, dict):
        return [(k, v) for k, v in value.items()] + [p for v in value.values() for p in _pairs(v)]
    if isinstance(value, list):
        return [p for item in value for p in _pairs(item)]
    return []


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_gathering_starter_is_written_in_the_language_asked_for(language: str) -> None:
    text = starters.fill("gathering", "Tittel", "tittel", language)
    assert GATHERING_WORDS[language] in text
    for other, word in GATHERING_WORDS.items():
        if other != language:
            assert word not in text, (language, word)


@pytest.mark.parametrize("kind", TRANSLATED)
@pytest.mark.parametrize("language", LANGUAGES)
def test_translated_starters_exist_and_leave_the_organiser_to_the_author(
    kind: str, language: str
) -> None:
    assert starters.translated(kind, language)
    loaded = yaml.safe_load(starters.fill(kind, "Tittel", "tittel", language))
    assert "organisers" not in loaded and "contacts" not in loaded
    assert "kulturskoleråd" not in starters.template(kind, language).lower()


@pytest.mark.parametrize("kind", TRANSLATED)
def test_each_language_has_its_own_text(kind: str) -> None:
    texts = {language: starters.fill(kind, "T", "t", language) for language in LANGUAGES}
    assert len(set(texts.values())) == len(LANGUAGES)
    # Comments too: the first line after the schema line says what the file is.
    assert len({text.splitlines()[1] for text in texts.values()}) == len(LANGUAGES)


@pytest.fixture
def content(tmp_path: Path) -> Path:
    folder = tmp_path / "content"
    shutil.copytree(FIXTURES / "feedback", folder)
    return folder


def files(folder: Path) -> dict[str, bytes]:
    return {str(p): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_new_refuses_the_reserved_id_index(content: Path) -> None:
    before = files(content)
    made = starters.new_file("gathering", "Index", content)
    assert not made.written
    assert "the gathering id 'index' is reserved: its page would replace" in made.message
    assert files(content) == before


def test_new_refuses_an_id_that_exists_in_another_file(content: Path) -> None:
    (content / "dialogtema-2.yaml").write_text(
        "kind: question_set\nid: dialogtema-2\ntitle: Dialogtema 2\nlanguage: nb\n"
        "questions: [Hva?]\n",
        "utf-8",
    )
    assert check(content).ok
    before = files(content)
    made = starters.new_file("questions", "Dialogtema 2", content)
    assert not made.written
    assert "the question set id 'dialogtema-2' is already used in" in made.message
    assert "dialogtema-2.yaml" in made.message
    assert files(content) == before


@settings(max_examples=60, deadline=None)
@given(
    kind=st.sampled_from([*starters.command_names()]),
    title=st.one_of(
        st.text("abcæøå ABCÅ0123-:'\"#", max_size=120),
        st.sampled_from(["Index", "index", "Dialogmøte i Fjordby", "Samarbeid Fjordby"]),
        st.text(st.characters(blacklist_categories=("Cs",)), max_size=90),
    ),
    language=st.sampled_from(LANGUAGES),
)
def test_what_new_writes_check_accepts(kind: str, title: str, language: str) -> None:
    with tempfile.TemporaryDirectory() as temporary:
        content = Path(temporary) / "content"
        shutil.copytree(FIXTURES / "feedback", content)
        before = files(content)
        made = starters.new_file(kind, title, content, language=language)
        event(f"written: {made.written}")
        if made.written:
            checked = check(content)
            assert checked.ok, (made.path.read_text("utf-8"), [str(p) for p in checked.problems])
        else:
            # Refused with the reason, and nothing changed.
            assert made.message.strip() and files(content) == before


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_site_of_every_starter_speaks_the_starters_language(
    build_site: BuildSite, tmp_path: Path, language: str
) -> None:
    # A new author's first site is made of starters: every word they put on a page, examples
    # included, is in the language asked for (a Danish series once had a Norwegian meeting).
    content = tmp_path / "content"
    for kind in starters.command_names():
        assert starters.new_file(kind, f"Første {kind}", content, language=language).written
    built = build_site(content=content, language=language)
    assert built.returncode == 0, built.output
    assert scan(built.site) == {}
