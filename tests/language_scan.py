"""A scan of built pages for words of the wrong language: our labels, Material's strings and
the author guide's own words.

Every text node, every labelling attribute and the search messages Material keeps in the page's
configuration are compared with the words that exist only in the other languages. The language a
text is expected in is that of its nearest ``lang`` attribute, so author text marked with its own
language is judged by that language. The guide's words are its headings and its field
descriptions in each of its languages, so that a guide page of the wrong language is found.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from functools import cache
from pathlib import Path

import material
from bs4 import BeautifulSoup, NavigableString, Tag

from kulturdialog.views.fields import GUIDE_LANGUAGES, GUIDE_SUBFOLDERS, translations
from kulturdialog.views.labels import LANGUAGES, label, table

ROOT = Path(__file__).parent.parent
MATERIAL_LANGUAGES = Path(material.__file__).parent / "templates" / "partials" / "languages"
_ENTRY = re.compile(r'^\s*"([a-z.]+)": "(.*)",?$', re.MULTILINE)
ATTRIBUTES = ("aria-label", "placeholder", "title", "alt")
# Keys that are codes, not words.
_NOT_WORDS = {
    "language",
    "direction",
    "search.config.lang",
    "search.config.pipeline",
    "search.config.separator",
}


def _norm(text: str) -> str:
    return " ".join(text.split()).casefold()


THEME_LABELS = {"header": "theme_header", "footer": "theme_footer"}
"""Material's keys whose words the theme takes from our labels (Material leaves them in English
for nb and nn): the scan expects ours."""


@cache
def material_words(language: str) -> dict[str, str]:
    """The theme's word for every one of Material's keys in ``language``."""
    text = (MATERIAL_LANGUAGES / f"{language}.html").read_text("utf-8")
    found = {key: value for key, value in _ENTRY.findall(text) if key not in _NOT_WORDS}
    return found | {key: label(ours, language) for key, ours in THEME_LABELS.items()}


_HEADING = re.compile(r"^#+\s+(.+?)(?:\s*\{[^}]*\})?\s*$", re.MULTILINE)


@cache
def guide_words(language: str) -> frozenset[str]:
    """The author guide's words in one of its languages: its headings and field descriptions."""
    folder = ROOT / "docs" / "guide"
    if language in GUIDE_SUBFOLDERS:
        folder = folder / GUIDE_SUBFOLDERS[language]
    found: set[str] = set()
    for path in folder.glob("*.md"):
        text = re.sub(r"```.*?```", "", path.read_text("utf-8"), flags=re.DOTALL)
        found.update(h for h in _HEADING.findall(text) if "{{" not in h)
    if language == "en":
        found.update(key for other in translations().values() for key in other)
    else:
        found.update(translations()[language].values())
    return frozenset(_norm(w) for w in found)


def _family(language: str) -> set[str]:
    return {"nb", "nn"} if language in ("nb", "nn") else {language}


@cache
def words(language: str) -> frozenset[str]:
    """Every word of the interface in ``language``: labels and Material's strings."""
    ours = {text[language] for text in table().values() if "{" not in text[language]}
    return frozenset(_norm(w) for w in ours | set(material_words(language).values()))


@cache
def foreign_words(language: str) -> frozenset[str]:
    """Interface and guide words of the other languages that ``language`` does not share."""
    others: set[str] = set()
    for other in LANGUAGES:
        if other != language:
            others |= words(other)
    own = set(words(language))
    for guide in GUIDE_LANGUAGES:
        if guide in _family(language):
            own |= guide_words(guide)
        else:
            others |= guide_words(guide)
    # Words of one character or a number are not telling.
    return frozenset(w for w in others - own if len(w) > 2)


def _language_of(node: Tag | NavigableString, default: str) -> str:
    for parent in [node, *node.parents] if isinstance(node, Tag) else node.parents:
        if isinstance(parent, Tag) and parent.get("lang"):
            return str(parent["lang"])
    return default


def _texts(soup: BeautifulSoup, default: str) -> Iterator[tuple[str, str, str]]:
    """(language expected, where, text) for every text and labelling attribute of a page."""
    for node in soup.find_all(string=True):
        # Code is field names and commands, not words of a language.
        if any(parent.name in ("script", "style", "code", "pre") for parent in node.parents):
            continue
        if node.strip():
            yield _language_of(node, default), node.parent.name if node.parent else "", str(node)
    for tag in soup.find_all(True):
        for attribute in ATTRIBUTES:
            if tag.get(attribute):
                yield _language_of(tag, default), f"{tag.name}[{attribute}]", str(tag[attribute])
    config = soup.select_one("script#__config")
    if config is not None and config.string:
        for key, value in json.loads(config.string).get("translations", {}).items():
            yield default, f"search message {key}", value


def wrong_words(html: str) -> list[str]:
    """Each interface word on the page that belongs to another language than its text's."""
    soup = BeautifulSoup(html, "html.parser")
    root = soup.find("html")
    page_language = str(root.get("lang")) if isinstance(root, Tag) else "nb"
    found = []
    for language, where, text in _texts(soup, page_language):
        if language not in LANGUAGES:
            continue
        normal = _norm(text)
        # A label may open a longer text, as in "Kjøreplan: <title>".
        head = normal.split(":")[0]
        for candidate in {normal, head}:
            if candidate in foreign_words(language):
                found.append(f"{where}: {text.strip()!r} is not {language}")
    return found


def scan(site: Path) -> dict[str, list[str]]:
    """Every page of ``site`` with words of another language, by path."""
    problems = {}
    for path in sorted(site.rglob("*.html")):
        wrong = wrong_words(path.read_text("utf-8"))
        if wrong:
            problems[str(path.relative_to(site))] = wrong
    return problems
