"""The translation table, and pages that speak only their own language."""

from __future__ import annotations

import copy
import re
import string
from functools import cache

import pytest
from bs4 import Tag

from kulturdialog.views.labels import LANGUAGES, counted, label, table
from tests.conftest import ROOT, Build


def placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def test_every_label_has_all_four_languages() -> None:
    for key, texts in table().items():
        assert set(texts) == set(LANGUAGES), key
        for language in LANGUAGES:
            assert isinstance(texts[language], str) and texts[language].strip(), (key, language)
        assert len({frozenset(placeholders(text)) for text in texts.values()}) == 1, key


def test_the_note_feedback_import_writes_is_in_every_language_for_one_and_for_many() -> None:
    # Every text a command writes into content comes from this table, in the site language.
    for language in LANGUAGES:
        one = counted("feedback_import_note", language, 1)
        many = counted("feedback_import_note", language, 7)
        assert one == label("feedback_import_note_one", language)
        assert " 7 " in many and "{" not in many
        assert one.endswith("kulturdialog feedback import") and one != many
    assert counted("feedback_import_note", "da", 2) == (
        "Indlæst fra 2 e-mails med: kulturdialog feedback import"
    )


@cache
def authors_text(languages: frozenset[str]) -> str:
    """All text of the bundled content files written in ``languages``."""
    texts = []
    for path in sorted((ROOT / "content").rglob("*.yml")):
        text = path.read_text("utf-8")
        declared = re.search(r"^language:\s*(\w+)", text, re.M)
        if declared is not None and declared.group(1) in languages:
            texts.append(text)
    return "\n".join(texts)


def _occurs(word: str, text: str) -> bool:
    return re.search(rf"(?<!\w){re.escape(word)}(?!\w)", text) is not None


@cache
def foreign_words(language: str) -> dict[str, str]:
    """For a page in ``language``: label words of other languages that it must not carry.

    A label whose text differs between languages contributes the other languages' texts,
    split at placeholders into runs of at least three letters; each maps to the label key.
    Words that the bundled content of the page's language uses itself (the Danish label
    'Dialogtema' is also a Norwegian word) are the authors' words, not labels, and are left out.
    """
    found: dict[str, str] = {}
    own_words = set()
    for texts in table().values():
        own_words.update(_runs(texts[language]))
    family = frozenset({"nb", "nn"} if language in ("nb", "nn") else {language})
    own_words.update(w for w in _all_runs() if _occurs(w, authors_text(family)))
    for key, texts in table().items():
        own = texts[language]
        for other, text in texts.items():
            if other == language or text == own:
                continue
            for run in _runs(text):
                if run not in own_words:
                    found[run] = f"{key}.{other}"
    return found


def _all_runs() -> set[str]:
    return {run for texts in table().values() for text in texts.values() for run in _runs(text)}


def _runs(text: object) -> list[str]:
    # A label that is not text is reported by the test above; here it has no words.
    if not isinstance(text, str):
        return []
    parts = re.split(r"\{[^}]*\}", text)
    return [part.strip(" .:·–") for part in parts if len(re.sub(r"\W", "", part)) >= 3]


def leaks(content: Tag, language: str) -> list[str]:
    """Foreign label words in ``content``; parts marked with another ``lang`` are checked in
    their own language (a Danish card on a Norwegian index page speaks Danish)."""
    content = copy.copy(content)
    # A command such as `kulturdialog new gathering --from x` is in no language.
    for code in content.find_all("code"):
        code.decompose()
    found = []
    for part in content.find_all(lang=True):
        if part.parent is not None and part["lang"] != language and part["lang"] in LANGUAGES:
            found += leaks(part.extract(), str(part["lang"]))
    text = " ".join(content.get_text(" ", strip=True).split())
    found += [
        f"{word!r} ({key})" for word, key in foreign_words(language).items() if _occurs(word, text)
    ]
    return sorted(found)


def generated_pages(build: Build) -> list[tuple[str, Tag, str]]:
    """(path, content area, language) of every page Kulturdialog generated with a language."""
    pages = []
    for path in sorted(build.site.rglob("*.html")):
        relative = str(path.relative_to(build.site))
        content = build.html(relative).select_one("article .kd-page, .kd-page")
        if content is not None and content.get("lang") in LANGUAGES:
            pages.append((relative, content, str(content["lang"])))
    return pages


def test_danish_pages_carry_no_norwegian_or_english_labels(bundled: Build) -> None:
    danish = [(path, content) for path, content, lang in generated_pages(bundled) if lang == "da"]
    assert any("kulturspor" in path for path, _ in danish)
    assert any("worksheets/" in path for path, _ in danish)
    for path, content in danish:
        assert leaks(content, "da") == [], path


def test_norwegian_pages_carry_no_danish_or_english_labels(bundled: Build) -> None:
    norwegian = [(p, c, lang) for p, c, lang in generated_pages(bundled) if lang in ("nb", "nn")]
    assert any("fremtidens-kulturskole" in path for path, _, _ in norwegian)
    assert any("gatherings/" in path for path, _, _ in norwegian)
    for path, content, lang in norwegian:
        assert leaks(content, lang) == [], path


def test_the_check_finds_a_label_of_another_language() -> None:
    from bs4 import BeautifulSoup

    page = BeautifulSoup("<div><p>Varighed: 150 min</p><p>uge 39</p></div>", "html.parser")
    assert leaks(page, "nb") == ["'Varighed' (duration.da)", "'uge' (week.da)"]
    assert leaks(page, "da") == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_local_kit_s_comments_speak_the_gathering_s_language(language: str) -> None:
    from kulturdialog.authoring.local_kit import kit_text
    from kulturdialog.content import load_content
    from tests.conftest import FIXTURES

    source = load_content(FIXTURES / "valid").gathering("kveldsmote")
    text = kit_text(source.model_copy(update={"language": language}), "Lokalt", "lokalt")
    comments = " ".join(line for line in text.splitlines() if line.lstrip().startswith("#"))
    for key in ("kit_based_on", "kit_keeps", "kit_then", "kit_date", "kit_start"):
        assert label(key, language) in comments, key
    others = {label("kit_keeps", other) for other in LANGUAGES} - {label("kit_keeps", language)}
    assert not any(other in comments for other in others)
