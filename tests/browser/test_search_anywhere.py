"""Search wherever the site lives and in the page's language: at the host's root, under a
project site's sub-path and from the file system, a result clicked opens its page; the page's
language comes first, the author guide apart, chart labels are found, excerpts are the page's
text, and the console stays quiet."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

import pytest
from bs4 import BeautifulSoup
from playwright.sync_api import Page

from tests.conftest import Published

pytestmark = pytest.mark.browser

OWN = ".kd-search__list:not(.kd-search__apart-list) .kd-search__link"
APART = ".kd-search__apart:not([hidden]) .kd-search__apart-list .kd-search__link"


def search(page: Page, url: str, words: str) -> tuple[list[str], list[str]]:
    """The addresses of the results for ``words`` typed on the page at ``url``: those listed
    first, and those shown apart (the other part of the site)."""
    page.goto(url)
    page.locator("#kd-search-input").fill(words)
    page.locator(".kd-search__status:not(:empty)").wait_for(timeout=15000)

    def hrefs(selector: str) -> list[str]:
        return [str(link.get_attribute("href")) for link in page.locator(selector).all()]

    return hrefs(OWN), hrefs(APART)


def click_first_result(page: Page) -> str:
    """Click the first result; it opens with status 200 and shows the page of that title.
    Returns the address it opened."""
    link = page.locator(OWN).first
    title = link.locator(".kd-search__title").inner_text()
    with page.expect_navigation() as navigation:
        link.click()
    response = navigation.value
    assert response is not None and response.status == 200, page.url
    assert page.locator("article h1").first.inner_text() == title
    return page.url


def language_of(page: Page, url: str) -> str:
    html = page.context.request.get(url).text()
    found = BeautifulSoup(html, "html.parser").html
    assert found is not None
    return str(found["lang"])


def test_search_at_the_root_opens_the_page_clicked(quiet: Page, site_url: str) -> None:
    found, _ = search(quiet, site_url, "kulturskolens")
    assert found
    opened = click_first_result(quiet)
    assert opened == found[0]
    assert urlsplit(opened).path.startswith("/gatherings/")


def test_search_under_a_sub_path_opens_the_page_clicked(quiet: Page, published_url: str) -> None:
    # The site is published at https://x.github.io/dialogdage/ and served under /dialogdage/.
    found, _ = search(quiet, published_url, "kystkantate")
    assert found and all(href.startswith(published_url) for href in found), found
    assert not [href for href in found if "/dialogdage/dialogdage/" in href]
    opened = click_first_result(quiet)
    assert opened == found[0]
    assert opened in (
        published_url + "questions/kystkantate/",
        published_url + "questions/orgelbrus/",
    )


MATERIAL_RESULTS = ".md-search-result__item a.md-search-result__link"


def search_copy(page: Page, url: str, words: str) -> list[str]:
    """The addresses of Material's results for ``words`` typed on the offline copy's page at
    ``url``."""
    page.goto(url)
    box = page.locator("input.md-search__input")
    box.click()
    results = page.locator(MATERIAL_RESULTS)
    # The index loads in a worker (an iframe from file://); type again until it answers.
    for _ in range(20):
        box.fill("")
        box.type(words, delay=20)
        try:
            results.first.wait_for(timeout=1000)
            break
        except Exception:
            continue
    return [str(link.get_attribute("href")) for link in results.all()]


def copy_results(page: Page, start: Path, words: str) -> list[Path]:
    """The files of Material's results for ``words`` typed on the offline copy's page
    ``start``."""
    return [
        Path(unquote(urlsplit(urljoin(start.as_uri(), href)).path))
        for href in search_copy(page, start.as_uri(), words)
    ]


def test_search_from_the_file_system_opens_the_page_clicked(
    page: Page, published: Published
) -> None:
    # The offline copy, opened from a USB stick: Material's search, made to work from files.
    assert search_copy(page, (published.offline / "index.html").as_uri(), "kystkantate")
    results = page.locator(MATERIAL_RESULTS)
    title = results.first.locator("h1").inner_text()
    results.first.click()
    page.wait_for_load_state("load")
    opened = Path(unquote(urlsplit(page.url).path))
    assert page.url.startswith("file://") and opened.is_file(), page.url
    assert opened.is_relative_to(published.offline)
    assert page.locator("article h1").first.inner_text() == title


def test_results_in_the_page_language_first(quiet: Page, published_url: str) -> None:
    nynorsk = published_url + "questions/kystkantate/"
    danish = published_url + "questions/orgelbrus/"
    # Each word stands more often on the other language's page than on this one: Pagefind alone
    # would rank that page first.
    for page_url, word, own in ((nynorsk, "orgelbrus", "nn"), (danish, "kystkantate", "da")):
        assert language_of(quiet, page_url) == own
        found, _ = search(quiet, page_url, word)
        assert found[0] == page_url, (word, found)
        languages = [language_of(quiet, href) for href in found]
        assert {own} < set(languages), languages
        # Every result in the page's language before any in another.
        assert languages == sorted(languages, key=lambda language: language != own), languages


def test_the_author_guide_is_shown_apart(quiet: Page, published_url: str) -> None:
    guide = published_url + "guide/orgelbrus/"
    found, apart = search(quiet, published_url + "questions/orgelbrus/", "orgelbrus")
    assert found and not [href for href in found if "/guide/" in href], found
    assert apart == [guide]
    assert quiet.locator(".kd-search__apart-title").inner_text() == "Forfattervejledning"
    # On the guide's own pages, the guide comes first and the rest of the site apart.
    found, apart = search(quiet, guide, "orgelbrus")
    assert found == [guide]
    assert published_url + "questions/orgelbrus/" in apart


def test_the_offline_copy_leaves_the_author_guide_out_of_search(
    page: Page, published: Published
) -> None:
    # The word stands on a page of the guide and on a participant's page of the copy.
    guide = published.offline / "guide" / "orgelbrus.html"
    participants = published.offline / "questions" / "orgelbrus.html"
    for shown in (guide, participants):
        assert "orgelbrus" in shown.read_text("utf-8").lower(), shown
    # From a participant's page and from the guide's own: Material's one index has no parts.
    for start in (published.offline / "index.html", guide):
        found = copy_results(page, start, "orgelbrus")
        assert participants in found, found
        assert not [path for path in found if path.is_relative_to(published.offline / "guide")]


def test_chart_labels_and_values_are_found(quiet: Page, published_url: str) -> None:
    found, _ = search(quiet, published_url, "Trekkspelglede")
    assert found == [published_url + "packages/trekkspel/presentations/lysbilder/"]
    excerpt = quiet.locator(".kd-search__excerpt").first.inner_text()
    assert "Trekkspelglede: 73" in excerpt, excerpt


def test_excerpts_are_decoded_once(quiet: Page, published_url: str) -> None:
    # The page's text says "&lt;b&gt;" (an entity written as text) and "<i>": both as written.
    page_url = published_url + "questions/kystkantate/"
    page_text = quiet.context.request.get(page_url).text()
    assert "&amp;lt;b&amp;gt; eller &lt;i&gt;" in page_text
    found, _ = search(quiet, page_url, "kystkantate")
    assert found[0] == page_url
    excerpt = quiet.locator(".kd-search__excerpt").first
    assert "&lt;b&gt; eller <i> om" in excerpt.inner_text()
    marked = excerpt.locator("mark").all_inner_texts()
    assert marked and all(word.lower().startswith("kystkantate") for word in marked), marked
    assert excerpt.evaluate("e => [...e.querySelectorAll('*')].every(c => c.tagName === 'MARK')")


def test_searching_logs_no_console_warnings(quiet: Page, published_url: str) -> None:
    # Every page language of the site, each merging the others' indexes.
    for path in ("", "questions/kystkantate/", "questions/orgelbrus/", "guide/orgelbrus/"):
        found, apart = search(quiet, published_url + path, "kulturskole")
        assert found or apart
