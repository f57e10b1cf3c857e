"""Page addresses and relative links, computed the way mkdocs computes page URLs."""

from __future__ import annotations

import posixpath

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kulturdialog.views import urls
from kulturdialog.views.urls import Linker


@pytest.mark.parametrize(
    ("src", "directory_urls", "url"),
    [
        ("index.md", True, ""),
        ("gatherings/index.md", True, "gatherings/"),
        ("gatherings/x/runsheet.md", True, "gatherings/x/runsheet/"),
        ("questions/q.md", True, "questions/q/"),
        ("index.md", False, "index.html"),
        ("gatherings/x/runsheet.md", False, "gatherings/x/runsheet.html"),
    ],
)
def test_page_url(src: str, directory_urls: bool, url: str) -> None:
    assert urls.page_url(src, directory_urls) == url


def test_links_between_generated_pages_with_directory_urls() -> None:
    link = Linker(urls.runsheet("x"))
    assert link.gathering("x") == "../"
    assert link.facilitator("x") == "../facilitator/"
    assert link.runsheet("x") == "./"
    assert link.question_set("q") == "../../../questions/q/"
    assert link("index.md") == "../../../"
    assert link.asset("assets/live.js") == "../../../assets/live.js"


def test_links_from_the_home_page() -> None:
    link = Linker("index.md")
    assert link.gathering("x") == "gatherings/x/"
    assert link("index.md") == "./"
    assert link.asset("assets/kulturdialog.css") == "assets/kulturdialog.css"


def test_links_without_directory_urls_name_the_html_files() -> None:
    link = Linker(urls.runsheet("x"), directory_urls=False)
    assert link.gathering("x") == "index.html"
    assert link.question_set("q") == "../../questions/q.html"
    assert link("index.md") == "../../index.html"


def test_anchor() -> None:
    assert Linker("index.md")(urls.gathering("x"), "programme") == "gatherings/x/#programme"


_PARTS = st.lists(st.sampled_from(["a", "b", "gatherings", "x-1", "index.html"]), max_size=4)


@given(_PARTS, _PARTS)
def test_relative_path_agrees_with_relpath(target: list[str], start: list[str]) -> None:
    there, here = "/".join(target), "/".join(start)
    assert urls.relative_path(there, here) == posixpath.relpath(there or ".", here or ".")
