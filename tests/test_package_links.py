"""A gathering (or one of its blocks) names the theme package it uses; each links the other."""

from __future__ import annotations

import pytest

from kulturdialog.content import load_content
from kulturdialog.errors import ContentError
from tests.conftest import FIXTURES, Build, BuildSite

LINKS = FIXTURES / "package-links"


@pytest.fixture(scope="module")
def linked(build_site: BuildSite) -> Build:
    result = build_site(content=LINKS / "valid")
    assert result.returncode == 0, result.output
    return result


def hrefs(build: Build, path: str, selector: str) -> list[str]:
    return [str(a["href"]) for a in build.article(path).select(selector)]


def resolves(build: Build, page: str, href: str) -> bool:
    target = (build.site / page).parent / href
    return (target / "index.html").is_file() or target.is_file()


@pytest.mark.parametrize("page", ["index.html", "facilitator/index.html"])
def test_a_gathering_links_the_package_it_names_and_its_preparation(
    linked: Build, page: str
) -> None:
    path = f"gatherings/temadag/{page}"
    links = hrefs(linked, path, ".kd-package-links a")
    assert len(links) == 2
    assert links[0].endswith("/packages/pakke/")
    assert links[1].endswith("/packages/pakke/preparation/")
    assert all(resolves(linked, path, href) for href in links)


def test_the_participant_page_links_the_package_s_preparation(linked: Build) -> None:
    preparation = linked.article("gatherings/temadag/index.html").select_one(
        ".kd-package-links__preparation"
    )
    assert preparation is not None and preparation.get_text() == "Forberedelser"


def test_a_block_can_name_a_package_and_its_title_says_which(linked: Build) -> None:
    items = [
        " ".join(li.get_text(" ", strip=True).split())
        for li in linked.article("gatherings/verksted/index.html").select(".kd-package-links li")
    ]
    assert items == [
        "Lysbildene fra pakken: Prøvepakke · Forberedelser",
        "Samtale om den andre pakken: Bare nevnt",
    ]


def test_the_package_links_back_to_every_gathering_that_names_it(linked: Build) -> None:
    back = hrefs(linked, "packages/pakke/index.html", ".kd-contents a[href*='gatherings']")
    assert sorted(back) == ["../../gatherings/temadag/", "../../gatherings/verksted/"]
    assert all(resolves(linked, "packages/pakke/index.html", href) for href in back)
    # A package whose material is not here links back too.
    assert hrefs(linked, "packages/bare-nevnt/index.html", ".kd-contents a") == [
        "../../gatherings/verksted/"
    ]


def test_package_references_name_every_field_that_names_a_package() -> None:
    library = load_content(LINKS / "valid")
    assert library.gathering("verksted").package_references == [
        (("programme", 1, "package"), "pakke"),
        (("programme", 2, "package"), "bare-nevnt"),
    ]
    assert library.gatherings_naming("pakke") == ["temadag", "verksted"]


def test_an_unknown_package_id_is_refused_with_a_located_message() -> None:
    with pytest.raises(ContentError) as raised:
        load_content(LINKS / "invalid")
    found = [str(p) for p in raised.value.problems]
    assert [p.split(": ", 1)[0].rsplit("/", 1)[1] for p in found] == [
        "ukjent.yml:5:10",
        "ukjent.yml:12:18",
    ]
    assert "package: there is no package with the id 'pakk';" in found[0]
    assert "days.1.programme.1.package: there is no package with the id 'pakken';" in (found[1])


def test_the_package_preparation_page_puts_group_tasks_under_their_own_heading(
    bundled: Build,
) -> None:
    article = bundled.article("packages/samarbejdsprojekter-kortlaegning/preparation/index.html")
    tasks = article.select_one(".kd-group-tasks")
    assert tasks.find_previous("h2").get_text(strip=True) == "Gruppeopgaver"
    assert "Refleksionsspørgsmål" not in [h.get_text(strip=True) for h in article.select("h2")]
