"""The whole page in its language: Material's words, our labels, the nav, 404 and search."""

from __future__ import annotations

import shutil
from pathlib import Path
from types import SimpleNamespace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from mkdocs.theme import Theme

from kulturdialog.library import Library
from kulturdialog.site import site_language
from kulturdialog.views.labels import LANGUAGES, label
from tests.conftest import FIXTURES, ROOT, Build, BuildSite
from tests.language_scan import foreign_words, material_words, scan, words, wrong_words
from tests.pagefind_index import fragments

THEME = ROOT / "src" / "kulturdialog" / "site" / "theme"
KEYS = sorted(material_words("en"))


def _translate(key: str, page_language: str | None, site: str) -> str:
    theme = Theme(name="material", language=site)
    theme.dirs.insert(0, str(THEME))
    env = theme.get_env()
    # As the plugin gives it to the theme (on_env).
    env.globals["kd_label"] = lambda key, language=None: label(key, language or site)
    template = env.from_string(
        '{% import "partials/language.html" as lang with context %}{{ lang.t(key) }}'
    )
    meta = {"language": page_language} if page_language else {}
    page = SimpleNamespace(meta=meta)
    return template.render(page=page, config={"theme": {"language": site}}, key=key)


@settings(max_examples=60, deadline=None)
@given(
    page=st.sampled_from(LANGUAGES),
    site=st.sampled_from(LANGUAGES),
    key=st.sampled_from(KEYS),
)
def test_every_theme_word_is_in_the_page_language_whatever_the_site_language(
    page: str, site: str, key: str
) -> None:
    assert _translate(key, page, site) == material_words(page).get(key, material_words("en")[key])


@settings(max_examples=20, deadline=None)
@given(site=st.sampled_from(LANGUAGES), key=st.sampled_from(KEYS))
def test_a_page_without_a_language_speaks_the_site_language(site: str, key: str) -> None:
    assert _translate(key, None, site) == material_words(site).get(key, material_words("en")[key])


@settings(deadline=None)
@given(
    language=st.sampled_from(LANGUAGES),
    other=st.sampled_from(LANGUAGES),
    pick=st.integers(min_value=0),
)
def test_the_scan_finds_any_word_of_another_language_and_passes_it_when_marked(
    language: str, other: str, pick: int
) -> None:
    # A word of the other language's interface that is not also this language's own, in its
    # interface or in the guide it shows (a Nynorsk site shows the bokmål guide).
    only_other = sorted(words(other) & foreign_words(language))
    if other == language or not only_other:
        return
    word = only_other[pick % len(only_other)]
    assert wrong_words(f'<html lang="{language}"><body><p>{word}</p></body></html>')
    marked = f'<html lang="{language}"><body><p lang="{other}">{word}</p></body></html>'
    assert wrong_words(marked) == []


def test_search_stems_the_site_language_first_then_the_content_languages() -> None:
    assert site_language.search_languages("da", Library()) == ["da"]
    assert site_language.search_languages("nn", Library()) == ["no"]


@pytest.fixture(scope="module")
def danish(build_site: BuildSite, tmp_path_factory: pytest.TempPathFactory) -> Build:
    """The bundled content plus a Danish workshop, built with the site language set to da."""
    content = tmp_path_factory.mktemp("content") / "content"
    shutil.copytree(ROOT / "content", content)
    shutil.copytree(FIXTURES / "danish", content / "danish")
    built = build_site(content=content, language="da")
    assert built.returncode == 0, built.output
    return built


def test_no_page_of_the_norwegian_site_has_a_word_of_another_language(bundled: Build) -> None:
    assert scan(bundled.site) == {}


def test_no_page_of_the_danish_site_has_a_word_of_another_language(danish: Build) -> None:
    assert scan(danish.site) == {}


@pytest.mark.parametrize("language", ["nn", "en"])
def test_no_page_of_a_site_in_any_other_language_has_a_word_of_another(
    build_site: BuildSite, language: str
) -> None:
    built = build_site(language=language)
    assert built.returncode == 0, built.output
    home = built.html("index.html")
    assert home.html is not None and home.html["lang"] == language
    assert scan(built.site) == {}


def test_the_serve_problems_page_speaks_the_site_language_around_english_messages() -> None:
    from kulturdialog.errors import Problem
    from kulturdialog.views.problems import problems_page

    page = problems_page([Problem("a.yml", 3, 5, "title", "the field is missing")], "da")
    assert "\nlanguage: da\n" in page.split("---")[1]
    assert '<td lang="en">the field is missing</td>' in page
    body = page.split("---", 2)[2]
    assert wrong_words(f'<html lang="da"><body>{body}</body></html>') == []


def test_the_danish_site_is_danish_around_its_pages(danish: Build) -> None:
    home = danish.html("index.html")
    assert home.html is not None and home.html["lang"] == "da"
    nav = [a.get_text(" ", strip=True) for a in home.select("nav.md-nav--primary a")]
    assert "Arrangementer" in nav and "Samlinger" not in nav
    search = home.select_one(".kd-search__input")
    assert search is not None and search["placeholder"] == "Søg på sitet"
    assert "Made with" not in home.get_text()
    missing = danish.html("404.html")
    assert missing.h1 is not None and missing.h1.get_text() == "Siden blev ikke fundet"


def test_a_page_keeps_its_content_language_on_a_site_of_another(bundled: Build) -> None:
    danish_page = next(Path(bundled.site, "packages").glob("samarbejdsprojekter-*/index.html"))
    html = bundled.html(str(danish_page.relative_to(bundled.site)))
    assert html.html is not None and html.html["lang"] == "da"
    nav = [a.get_text(" ", strip=True) for a in html.select("nav.md-nav--primary a")]
    assert "Arrangementer" in nav
    home = bundled.html("index.html")
    assert home.html is not None and home.html["lang"] == "nb"


def test_a_danish_gathering_on_the_danish_site(danish: Build) -> None:
    page = danish.html("gatherings/vaerksted-om-samarbejde/runsheet/index.html")
    assert page.html is not None and page.html["lang"] == "da"
    skip = page.select_one("a.md-skip")
    assert skip is not None and skip.get_text(strip=True) == "Gå til indholdet"


def test_the_search_index_names_the_index_pages_in_the_site_language(bundled: Build) -> None:
    # Danish pages are rendered with a Danish nav; the index must still hold the site's titles.
    titles = {doc["url"]: doc["meta"]["title"] for doc in fragments(bundled.site)}
    assert titles["/gatherings/"] == "Samlinger"
    assert titles["/questions/"] == "Spørsmålssett"


@pytest.fixture(scope="module")
def english(build_site: BuildSite) -> Build:
    built = build_site(language="en")
    assert built.returncode == 0, built.output
    return built


GUIDE_HEADINGS = {"nb": "Forfatterveiledning", "da": "Forfattervejledning", "en": "Author guide"}


@pytest.mark.parametrize("language", ["da", "en"])
def test_a_danish_or_english_site_shows_the_guide_in_its_language(
    request: pytest.FixtureRequest, language: str
) -> None:
    built: Build = request.getfixturevalue({"da": "danish", "en": "english"}[language])
    home = built.html("index.html")
    entry = next(
        a for a in home.select("nav.md-nav--primary a") if "guide" in str(a.get("href", ""))
    )
    assert entry.get_text(" ", strip=True) == label("author_guide", language)
    pages = sorted((built.site / "guide").rglob("index.html"))
    assert len(pages) == len(list((ROOT / "docs" / "guide").glob("*.md")))
    for path in pages:
        page = built.html(str(path.relative_to(built.site)))
        assert page.html is not None and page.html["lang"] == language, path
        nav = [a.get_text(" ", strip=True) for a in page.select("nav.md-nav--primary a")]
        assert label("author_guide", language) in nav, path
    guide = built.html("guide/index.html")
    assert guide.h1 is not None and guide.h1.get_text(strip=True) == GUIDE_HEADINGS[language]
    # No other language's guide is published beside it.
    assert not (built.site / "guide" / "da").exists() and not (built.site / "guide" / "en").exists()
    assert scan(built.site) == {}


def test_the_scan_finds_a_guide_page_in_another_language_than_the_site_s(bundled: Build) -> None:
    # The Norwegian guide on a Danish or English site: what the scan must catch.
    norwegian = (bundled.site / "guide" / "gathering" / "index.html").read_text("utf-8")
    assert wrong_words(norwegian) == []
    for language in ("da", "en"):
        relabelled = norwegian.replace('lang="nb"', f'lang="{language}"')
        found = wrong_words(relabelled)
        assert any("Alle felt" in problem for problem in found), language
        assert any("Navnet på samlingen." in problem for problem in found), language


def test_labelling_attributes_speak_the_page_language(bundled: Build) -> None:
    header = bundled.html("index.html").select_one("nav.md-header__inner")
    assert header is not None and header["aria-label"] == label("theme_header", "nb")
    assert wrong_words('<html lang="nb"><nav aria-label="Header"></nav></html>')


def test_the_home_heading_and_description_come_from_the_settings(
    tmp_path: Path,
) -> None:
    import os
    import subprocess
    import sys

    config = (ROOT / "mkdocs.yml").read_text("utf-8")
    config = config.replace("site_name: Kulturdialog\n", "site_name: Kulturskolen Aarhus\n")
    (tmp_path / "mkdocs.yml").write_text(config, "utf-8")
    (tmp_path / "macros").symlink_to(ROOT / "macros")
    (tmp_path / "content").mkdir()  # watched by the configuration; the content is elsewhere
    env = {
        **os.environ,
        "NO_MKDOCS_2_WARNING": "1",
        "KULTURDIALOG_LANGUAGE": "da",
        "KULTURDIALOG_DOCS": str(ROOT / "docs"),
        "KULTURDIALOG_CONTENT": str(FIXTURES / "danish"),
    }
    site = tmp_path / "site"
    run = [sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(site)]
    result = subprocess.run(run, cwd=tmp_path, env=env, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    built = Build(0, "", site)
    home = built.html("index.html")
    assert home.h1 is not None and home.h1.get_text(strip=True) == "Kulturskolen Aarhus"
    meta = home.select_one('meta[name="description"]')
    assert meta is not None and meta["content"] == label("site_description", "da")
    # An author's own description wins.
    (tmp_path / "mkdocs.yml").write_text(config + "site_description: Vores egne ord\n", "utf-8")
    result = subprocess.run(run, cwd=tmp_path, env=env, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    meta = built.html("index.html").select_one('meta[name="description"]')
    assert meta is not None and meta["content"] == "Vores egne ord"
