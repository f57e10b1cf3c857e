"""The search quality set: queries in Bokmål, Nynorsk, Danish and English, each with the page it
must find among its first three results, typed into the search box of a page in its language
(results in the page's language come first).

The pages are the bundled content's and the fixture ``tests/fixtures/search-quality``'s. The
browser test runs the set on the bundled site; the build benchmark runs it on the synthetic site
of N gatherings, whose text is made of the bundled content's words, with both added to it.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from playwright.sync_api import Page

FIXTURE = Path(__file__).resolve().parent / "fixtures" / "search-quality"
"""The pages in Nynorsk, Danish, English and Bokmål that the set asks for."""
TOP = 3
"""How far down the results a query's page may stand."""


@dataclass(frozen=True)
class Query:
    words: str
    target: str
    """The page that must be among the first results: its address below the site's root."""
    typed_on: str
    """The page whose search box the query is typed into, below the site's root."""
    what: str
    """What the query tries: an inflected form, a word of a run-sheet cell, a figure label…"""


NN_PAGE = "gatherings/fjellsongdag/"
EN_PAGE = "gatherings/lantern-workshop/"
DA_PAGE = "gatherings/traeskulptur/"
NB_PAGE = ""
"""The home page, in the site's language."""

QUERIES = (
    # Nynorsk
    Query("fjellsongane", NN_PAGE, NN_PAGE, "nn: inflected form (page: fjellsong, fjellsongar)"),
    Query("kvedingar", NN_PAGE, NN_PAGE, "nn: inflected form (page: kveding, kvedinga)"),
    Query("langeleik", NN_PAGE, NN_PAGE, "nn: word of a run-sheet cell, on the participant page"),
    Query("stemmeskruane", NN_PAGE + "runsheet/", NN_PAGE, "nn: a block's note, on the run-sheet"),
    Query("hardingfelene", "questions/hardingfela/", NN_PAGE, "nn: inflected, a question set"),
    Query("Vinjeheia grendahus", NN_PAGE, NN_PAGE, "nn: two words of the place"),
    # English
    Query("lanterns", EN_PAGE, EN_PAGE, "en: plural (page: lantern, lanterns)"),
    Query("papercraft", EN_PAGE, EN_PAGE, "en: word of a run-sheet cell, on the participant page"),
    Query("candleholders", EN_PAGE + "runsheet/", EN_PAGE, "en: plural of a block's note word"),
    Query(
        "streets procession", "questions/procession-questions/", EN_PAGE, "en: a question's words"
    ),
    Query("neighbourhood families", EN_PAGE, EN_PAGE, "en: two words of the summary"),
    # Danish
    Query("træskulpturerne", DA_PAGE, DA_PAGE, "da: inflected form (page: træskulptur)"),
    Query("høvlebænk", DA_PAGE + "runsheet/", DA_PAGE, "da: singular of a block's note word"),
    Query("billedhuggeriet", DA_PAGE, DA_PAGE, "da: inflected form (page: billedhuggeri)"),
    Query(
        "optagethed",
        "series/kulturspor/opstartsmoede/",
        "series/kulturspor/opstartsmoede/",
        "da: singular (page: optagetheder), bundled content",
    ),
    Query(
        "kulturspor samarbejdsmodel",
        "series/kulturspor/",
        "series/kulturspor/opstartsmoede/",
        "da: title words, bundled content",
    ),
    # Bokmål
    Query(
        "Blokkfløyteglede",
        "packages/floytepakke/presentations/floytefigurer/",
        NB_PAGE,
        "nb: a figure label",
    ),
    Query("fløytepakken", "packages/floytepakke/", NB_PAGE, "nb: inflected form of the title"),
    Query(
        "dialogseminaret",
        "gatherings/nasjonalt-dialogseminar-2023/",
        NB_PAGE,
        "nb: inflected form of the title, bundled content",
    ),
    Query(
        "fellessamlingen oppstart",
        "gatherings/fremtidens-kulturskole-fellessamling-1/",
        NB_PAGE,
        "nb: inflected title word and a second word, bundled content",
    ),
    Query(
        "Kulturkarusell",
        "gatherings/nasjonalt-dialogseminar-2023/",
        NB_PAGE,
        "nb: word of a run-sheet cell, on the participant page, bundled content",
    ),
)


@dataclass(frozen=True)
class Outcome:
    query: Query
    found: list[str]
    """The results' addresses below the site's root, in order."""

    @property
    def met(self) -> bool:
        return self.query.target in self.found[:TOP]


def results(page: Page, site_url: str, query: Query) -> list[str]:
    """The addresses (below ``site_url``) of the results shown for ``query``, in order."""
    page.goto(site_url + query.typed_on)
    page.locator("#kd-search-input").fill(query.words)
    page.locator(".kd-search__status:not(:empty)").wait_for(timeout=30000)
    found = []
    for link in page.locator(".kd-search__list .kd-search__link").all():
        href = str(link.get_attribute("href"))
        found.append(href.removeprefix(site_url))
    return found


def run(page: Page, site_url: str) -> list[Outcome]:
    """Every query of the set typed in, with what it found."""
    return [Outcome(query, results(page, site_url, query)) for query in QUERIES]
