"""Series, programme, meeting and worksheet pages of the bundled site, read back as HTML."""

from __future__ import annotations

import posixpath

from tests.conftest import Build

PROGRAMME = "series/fremtidens-kulturskole-regionale-program-2024-2025/index.html"
WEBINARS = "series/inkluderende-kulturskoler-webinarer-2022/index.html"
KULTURSPOR = "series/kulturspor/index.html"
WORKSHEET = "worksheets/kulturspor-skabelon/index.html"


def text_of(build: Build, path: str) -> str:
    return build.article(path).get_text(" ", strip=True)


def test_series_index_and_home_page_list_every_series_and_programme(bundled: Build) -> None:
    for path in ("series/index.html", "index.html"):
        article = bundled.article(path)
        links = {a["href"].rstrip("/").split("/")[-1] for a in article.select(".kd-card a")}
        assert {
            "kulturspor",
            "inkluderende-kulturskoler-webinarer-2022",
            "fremtidens-kulturskole-regionale-program-2024-2025",
        } <= links, path
    nav = [a.get_text(strip=True) for a in bundled.html("index.html").select(".md-nav__link")]
    assert "Serier og program" in nav


def test_programme_timeline_runs_by_year_and_month(bundled: Build) -> None:
    article = bundled.article(PROGRAMME)
    years = [h.get_text(strip=True) for h in article.select("h3")]
    assert years == ["2024", "2025", "2026"]
    months = [h.get_text(strip=True) for h in article.select(".kd-month__name")]
    assert months[:4] == ["mars 2024", "august 2024", "september 2024", "oktober 2024"]
    assert months[-1] == "januar 2026"
    assert len(article.select("li.kd-event")) == 19


def test_physical_and_digital_events_carry_a_text_label_and_a_shape(bundled: Build) -> None:
    article = bundled.article(PROGRAMME)
    physical = article.select("li.kd-event--physical")
    digital = article.select("li.kd-event--digital")
    # Three physical and three digital joint gatherings, plus the digital inspiration day and
    # four digital coordinator meetings.
    assert len(physical) == 3
    assert len(digital) == 8
    for event, word in [(e, "Fysisk") for e in physical] + [(e, "Digitalt") for e in digital]:
        badge = event.select_one(".kd-format")
        assert badge is not None and badge.get_text(strip=True) == word
        icon = badge.select_one(".kd-format__icon")
        assert icon is not None and icon.get("aria-hidden") == "true"
    first = physical[0].get_text(" ", strip=True)
    assert "Fellessamling 1: oppstart av regionale program" in first
    assert "24.–25. september 2024" in first and "uke 39" in first


def test_events_without_a_day_show_their_month_and_weeks(bundled: Build) -> None:
    events = {
        e.select_one(".kd-event__title").get_text(strip=True): e.get_text(" ", strip=True)
        for e in bundled.article(PROGRAMME).select("li.kd-event")
    }
    assert "oktober 2024 · uke 40–44" in events["Veiledningsbesøk/veiledning kommunegruppe 1"]
    assert "juni/august 2025" in events["Veiledningsbesøk/veiledning kommunegruppe 4"]
    assert "august 2025 · Varighet: 150 min · uke 34/35" in events["Koordinatorsamling 5"]
    assert "januar 2026 · uke 2–3/4" in events["Delingsarena!"]
    assert "15. mars 2024 · 09:00–14:00 · uke 11" in events["Inspirasjonssamling før oppstart"]


def test_programme_has_goals_phases_organisation_and_preparation(bundled: Build) -> None:
    article = bundled.article(PROGRAMME)
    headings = [h.get_text(strip=True) for h in article.select("h2")]
    for heading in (
        "Mål",
        "Kompetansemål",
        "Tidsplan",
        "Faser i utviklingsprosessen",
        "Organisering",
        "Forberedelser",
        "Kontakt",
    ):
        assert heading in headings
    assert len(article.select("ol.kd-phases > li")) == 5
    assert "aste.domaas@kulturskoleradet.no" in article.get_text()


def test_webinar_topics_are_one_item_each_with_their_sessions(bundled: Build) -> None:
    article = bundled.article(WEBINARS)
    webinars = [e for e in article.select("li.kd-event") if e.select_one(".kd-sessions")]
    assert len(webinars) == 6
    assert all(len(e.select(".kd-sessions > li")) == 3 for e in webinars)
    text = article.get_text(" ", strip=True)
    assert "20. januar 2022 · 12:00" in text
    assert "uke 9–14 2022 · mandag/onsdag/fredag · 09:00–10:00" in text
    steps = [
        [cell.get_text(strip=True) for cell in row.select("td")]
        for row in article.select(".kd-milestones tbody tr")
    ]
    assert steps[0] == ["1–9", "2022", "Informasjon til kommunene"]
    assert steps[-1] == ["19", "2022", "Offentliggjøring av tildelinger"]


def test_kulturspor_has_four_meeting_pages_in_danish(bundled: Build) -> None:
    overview = bundled.article(KULTURSPOR)
    links = [a["href"] for a in overview.select(".kd-meetings a")]
    assert len(links) == 4
    assert "Hvem deltager: Hvis muligt deltager en fra skolens ledelse" in overview.get_text(
        " ", strip=True
    )
    assert bundled.html(KULTURSPOR).select_one(".kd-page")["lang"] == "da"
    base = posixpath.dirname(KULTURSPOR)
    pages = [posixpath.normpath(posixpath.join(base, href)) + "/index.html" for href in links]
    for page in pages:
        assert (bundled.site / page).is_file(), page
    first = text_of(bundled, pages[0])
    assert "Formål" in first and "Forslag til drøftelse" in first
    assert "At skabe kontakt og tillid" in first
    assert "Hvilket tema og fag skal der undervises i?" in first
    assert "Teams" in first and "Møde 1 af 4" in first
    last = bundled.article(pages[3])
    facts = {
        div.dt.get_text(strip=True): div.dd.get_text(strip=True)
        for div in last.select(".kd-facts > div")
    }
    assert facts["Hvem deltager"] == "Hvis muligt deltager en fra skolens ledelse"


def test_worksheet_is_linked_from_its_meeting_and_has_space_to_write(bundled: Build) -> None:
    meeting = bundled.article("series/kulturspor/planlaegningsmoede/index.html")
    link = meeting.select_one("#worksheet ~ p a")
    assert link is not None and link.get_text(strip=True).startswith("Hjælpeskabelon")
    article = bundled.article(WORKSHEET)
    sections = article.select(".kd-worksheet__section")
    assert [s.h2.get_text(strip=True) for s in sections] == [
        "Hvem gør hvad?",
        "Mål",
        "Indhold",
        "Materiale",
        "Organisering",
        "Arbejdsmetoder",
        "Evaluering af undervisningen",
    ]
    assert all(len(s.select(".kd-worksheet__line")) == 6 for s in sections)
    space = sections[0].select_one(".kd-worksheet__space")
    assert space is not None and space["aria-label"] == "Plads til at skrive"
    assert "Hvilke tegn vil vi holde øje med" in sections[-1].get_text()


def test_every_calendar_link_points_at_a_calendar_file(bundled: Build) -> None:
    pages = [
        PROGRAMME,
        WEBINARS,
        "gatherings/nasjonalt-dialogseminar-2023/index.html",
    ]
    for page in pages:
        link = bundled.article(page).select_one(".kd-calendar a")
        assert link is not None, page
        assert link.get_text(strip=True) == "Legg til i kalenderen (.ics)"
        target = posixpath.normpath(posixpath.join(posixpath.dirname(page), link["href"]))
        assert target.endswith(".ics") and (bundled.site / target).is_file(), target
    # Kulturspor has no dates: nothing to put in a calendar, and no link.
    assert bundled.article(KULTURSPOR).select_one(".kd-calendar") is None
