"""The pages of theme packages in the real bundled build, read back as HTML."""

from __future__ import annotations

import re

from tests.conftest import Build

PACKAGE = "samarbejdsprojekter-kortlaegning"
BASE = f"packages/{PACKAGE}"
PRESENTATION = f"{BASE}/presentations/kortlaegning"
PRESENTER = f"{PRESENTATION}/presenter/index.html"
ANNOUNCED = ("hovedfunn-og-bakgrunn", "kulturskolen-i-samfunnet", "kulturskole-hele-livet")
FORM_002 = [
    "Tre presentasjoner, som bygger på rapportens innhold, spørsmål og kunnskapsgrunnlag",
    "Disse leveres med kommentarer i stikkordsform og en kjøreplan som henviser til lysbildene "
    "i presentasjonene",
    "Forberedelsesmateriale, som refererer til rapporten, med tilhørende refleksjonsspørsmål",
]


def texts(build: Build, path: str, selector: str) -> list[str]:
    return [node.get_text(" ", strip=True) for node in build.article(path).select(selector)]


def test_overview_shows_audience_contents_and_total_time(bundled: Build) -> None:
    article = bundled.article(f"{BASE}/index.html")
    text = article.get_text(" ", strip=True)
    assert article.select_one("h1").get_text(strip=True).startswith("Erfaringer fra støttede")
    assert "Samlet tid 80 min" in text and "Planlagt varighed 60–90 min" in text
    assert texts(bundled, f"{BASE}/index.html", ".kd-package-audience li") == [
        "Skoler",
        "Kommuner",
        "Kulturinstitutioner/eksterne læringsmiljøer",
    ]
    contents = {a.get_text(" ", strip=True): a["href"] for a in article.select(".kd-contents a")}
    assert contents["Præsentation: Erfaringer fra støttede samarbejdsprojekter"] == (
        "presentations/kortlaegning/"
    )
    assert contents["Vis diasene"] == "presentations/kortlaegning/presenter/"
    assert contents["Drejebog"] == "runsheet/"
    assert contents["Forberedelse"] == "preparation/"
    assert "10 dias" in text
    # The page is Danish, whatever the site's language.
    assert bundled.html(f"{BASE}/index.html").select_one('div.kd-page[lang="da"]') is not None


def test_presentation_page_has_every_slide_with_its_speaker_notes(bundled: Build) -> None:
    path = f"{PRESENTATION}/index.html"
    slides = bundled.article(path).select("li.kd-slide-card")
    assert len(slides) == 10
    titles = texts(bundled, path, "li.kd-slide-card .kd-slide__title")
    assert titles[3] == "Del 1: Motivation til deltagelse i samarbejdsprojekter"
    assert titles[8] == "Del 5: Forankring af udviklede undervisningstilbud"
    notes = slides[0].select_one(".kd-speaker-notes")
    assert notes is not None and "Noter til præsentationen" in notes.get_text()
    assert "pixi-udgave af den sjette kortlægning" in notes.get_text()


def test_survey_figures_are_svg_bar_charts_with_values_n_and_source(bundled: Build) -> None:
    slide = bundled.article(f"{PRESENTATION}/index.html").select("li.kd-slide-card")[3]
    # 95 ('i høj grad eller nogen grad') and 32 ('i høj grad') are different measures: each is
    # drawn on a scale of its own, never as two bars of one scale.
    svgs = slide.select("figure.kd-chart svg")
    assert [svg["role"] for svg in svgs] == ["img", "img"]
    title_id, desc_id = svgs[0]["aria-labelledby"].split()
    assert svgs[0].select_one(f"title#{title_id}").get_text() == (
        "Projektdeltagernes motivation til at deltage i et samarbejdsprojekt"
        " (i høj grad eller nogen grad)"
    )
    assert "95 pct." in svgs[0].select_one(f"desc#{desc_id}").get_text()
    values = [[t.get_text() for t in svg.select("text.kd-chart__value")] for svg in svgs]
    assert values == [["95 pct."], ["32 pct."]]
    measures = [p.get_text(strip=True) for p in slide.select("p.kd-chart__measure")]
    assert measures == ["i høj grad eller nogen grad", "i høj grad"]
    caption = slide.select_one("figcaption").get_text(" ", strip=True)
    assert "N = 57–58" in caption
    assert "Kilde: Nationalt netværk af skoletjenesters spørgeskema til projektdeltagere" in caption
    assert slide.select("img") == []


def test_runsheet_lists_slide_numbers_and_titles_beside_each_step(bundled: Build) -> None:
    path = f"{BASE}/runsheet/index.html"
    article = bundled.article(path)
    assert bundled.html(path).select_one("div.kd-page--runsheet") is not None
    rows = article.select("table.kd-runsheet tbody tr")
    # The source gives no minutes: every one is marked as the editors' suggestion.
    assert [r.select_one("td.kd-minutes").get_text(" ", strip=True) for r in rows] == [
        "5 (forslag)",
        "10 (forslag)",
        "10 (forslag)",
        "10 (forslag)",
        "10 (forslag)",
        "5 (forslag)",
        "30 (forslag)",
    ]
    first = rows[0].select_one("td.kd-slide-refs")
    assert first.select_one(".kd-slide-refs__numbers").get_text(strip=True) == "1–3"
    assert [li.get_text(" ", strip=True) for li in first.select("li")] == [
        "1 Erfaringer fra støttede samarbejdsprojekter",
        "2 Baggrund og formål",
        "3 Det belyser kortlægningen",
    ]
    third_part = rows[3].select_one("td.kd-slide-refs").get_text(" ", strip=True)
    assert third_part.startswith("6–7") and "7 Del 3: Få udfordringer" in third_part
    assert "Anbefalinger til skoler, kommuner og kulturinstitutioner" in rows[-1].get_text()
    foot = article.select_one("table.kd-runsheet tfoot").get_text(" ", strip=True)
    assert foot.startswith("+1:20 80") and "planlagt varighed 60–90 min (forslag)" in foot
    assert "minutterne her er et forslag" in article.select_one(".kd-note--suggested").get_text()


def test_preparation_page_has_readings_and_reflection_questions(bundled: Build) -> None:
    article = bundled.article(f"{BASE}/preparation/index.html")
    text = article.get_text(" ", strip=True)
    assert "Del 4: Videndeling i samarbejdsprojekter" in text
    questions = article.select(".kd-question-set .kd-question")
    # Seven recommendations to the three actors and three on transport.
    assert len(questions) == 10
    assert "For kommuner: Kommunen kan spille en vigtig rolle" in text
    # Speaker notes are for the facilitator, not the participants.
    assert "Noter til præsentationen" not in text


def test_activity_areas_package_has_the_five_areas_with_their_measures(bundled: Build) -> None:
    path = "packages/inkluderende-kulturskoler-aktivitetsomrader/presentations/aktivitetsomrader/"
    titles = texts(bundled, path + "index.html", "li.kd-slide-card .kd-slide__title")
    for area in (
        "Interkommunale tiltak",
        "Regionale tiltak",
        "Tverrkunstneriske prosesser og produksjoner",
        "Digital utvikling",
        "Erfaringsdeling",
    ):
        assert area in titles
    regional = bundled.article(path + "index.html").select("li.kd-slide-card")[
        titles.index("Regionale tiltak")
    ]
    assert [li.get_text(strip=True) for li in regional.select(".kd-slide__points li")] == [
        "Samarbeid med aktører innen utøvende kunstfelt.",
        "Pilotprosjekt samarbeid kulturskoler og videregående skoler.",
        "Piloter rettet mot små og nye kunstfag.",
    ]


def test_packages_the_source_gives_no_contents_of_say_so_and_show_only_its_words(
    bundled: Build,
) -> None:
    for id in ANNOUNCED:
        assert not (bundled.site / "packages" / id / "presentations").exists()
        assert not (bundled.site / "packages" / id / "runsheet").exists()
        path = f"packages/{id}/index.html"
        article = bundled.article(path)
        assert "gjengir ikke innholdet" in article.select_one(".kd-announced").get_text()
        # Form, method and audience are the collection's, under the collection's own heading
        # that says there are three packages; not lists of this package alone.
        collection = article.select_one("section.kd-section--top")
        assert collection.find_previous_sibling("h2").get_text(strip=True) == (
            "Temapakker for arbeid på vei mot Fremtidens kulturskole"
        )
        assert "«På vei mot Fremtidens kulturskole»" in collection.get_text()
        points = [li.get_text(strip=True) for li in collection.select(".kd-section__points li")]
        assert points[3:6] == FORM_002
        assert article.select(".kd-package-package-form, .kd-package-audience") == []
        assert article.select(".kd-contents, .kd-switch, .kd-slide-card") == []
    titles = [bundled.article(f"packages/{id}/index.html").h1.get_text() for id in ANNOUNCED]
    assert titles == ["Hovedfunn og bakgrunn", "Kulturskolen i samfunnet", "Kulturskole hele livet"]


def test_question_set_page_lists_the_packages_that_use_it(bundled: Build) -> None:
    used = bundled.article("questions/samarbejdsprojekter-anbefalinger/index.html").select(
        ".kd-used-in a"
    )
    assert [a["href"] for a in used] == [f"../../{BASE}/"]
    library = bundled.article("questions/index.html").get_text(" ", strip=True)
    assert "Erfaringer fra støttede samarbejdsprojekter mellem skoler" in library


def test_home_and_navigation_list_the_packages(bundled: Build) -> None:
    home = bundled.article("index.html")
    hrefs = [a["href"] for a in home.select(".kd-packages a")]
    assert hrefs[:2] == [f"{BASE}/", "packages/inkluderende-kulturskoler-aktivitetsomrader/"]
    assert hrefs[2:] == [f"packages/{id}/" for id in ANNOUNCED]
    nav = bundled.html("index.html").select(".md-nav--primary a.md-nav__link")
    assert any(a.get("href") == "packages/" and "Temapakker" in a.get_text() for a in nav)
    index = [a["href"] for a in bundled.article("packages/index.html").select(".kd-packages a")]
    assert index == [h.removeprefix("packages/") for h in hrefs]


def test_presenter_view_is_standalone_without_notes_or_external_requests(bundled: Build) -> None:
    html = (bundled.site / PRESENTER).read_text("utf-8")
    page = bundled.html(PRESENTER)
    assert page.html["lang"] == "da"
    assert len(page.select("section.kd-deck__slide")) == 10
    assert [n.get_text() for n in page.select(".kd-deck__number")][:3] == [
        "1 / 10",
        "2 / 10",
        "3 / 10",
    ]
    assert "pixi-udgave af den sjette" not in html and "kd-speaker-notes" not in html
    assert re.findall(r'(?:src|href)="(https?:)?//', html) == []
    stylesheet = page.select_one('link[rel="stylesheet"]')
    assert stylesheet["href"] == "../../../../../assets/kulturdialog.css"
    assert (bundled.site / "assets/kulturdialog.css").is_file()
    assert (bundled.site / "assets/presenter.js").is_file()
    # One scale per kind of measure: eight in all over the five figures that give values.
    assert len(page.select("figure.kd-chart svg[role=img]")) == 8
