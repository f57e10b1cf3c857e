"""The search index of the bundled site: text that only repeats another page stays out of it."""

from __future__ import annotations

import json

from tests.conftest import BUNDLED_GATHERING, Build


def locations(build: Build) -> list[str]:
    index = json.loads((build.site / "search" / "search_index.json").read_text("utf-8"))
    return [str(doc["location"]) for doc in index["docs"]]


def test_handouts_and_projector_views_are_not_indexed(bundled: Build) -> None:
    found = locations(bundled)
    assert (bundled.site / "gatherings" / BUNDLED_GATHERING / "handout-dialogtema-1").is_dir()
    assert not [loc for loc in found if "/handout-" in loc or "/projector-" in loc]


def test_facilitator_guides_and_repeated_group_tasks_are_not_indexed(bundled: Build) -> None:
    index = json.loads((bundled.site / "search" / "search_index.json").read_text("utf-8"))
    assert not [d for d in index["docs"] if "/facilitator/" in str(d["location"])]
    participant = " ".join(
        str(d["text"])
        for d in index["docs"]
        if str(d["location"]).startswith(f"gatherings/{BUNDLED_GATHERING}/")
        and "/runsheet/" not in str(d["location"])
    )
    # Question 2 of the second group task is on the participant page, but indexed only once:
    # on the question set's own page.
    question = "Hva kan de tre nasjonale aktørene bidra med?"
    assert "Hvordan kan suksesskriteriene omsettes" in participant
    assert question not in participant
    assert any(
        question in str(d["text"])
        for d in index["docs"]
        if str(d["location"]).startswith("questions/dialogtema-2/")
    )


def test_run_sheets_and_question_sets_stay_indexed(bundled: Build) -> None:
    found = locations(bundled)
    assert any(loc.startswith(f"gatherings/{BUNDLED_GATHERING}/runsheet/") for loc in found)
    assert any(loc.startswith("questions/dialogtema-1/") for loc in found)


def indexed_text(build: Build, prefix: str) -> str:
    index = json.loads((build.site / "search" / "search_index.json").read_text("utf-8"))
    return " ".join(
        f"{doc['title']} {doc['text']}"
        for doc in index["docs"]
        if str(doc["location"]).startswith(prefix)
    )


def test_speaker_notes_stay_out_of_the_index_and_slides_stay_in(bundled: Build) -> None:
    slides = indexed_text(bundled, "packages/samarbejdsprojekter-kortlaegning/presentations/")
    assert "Dias 1 af 10" in slides
    assert "pixi-udgave" not in slides
    page = bundled.site / "packages/samarbejdsprojekter-kortlaegning/presentations/kortlaegning"
    assert "pixi-udgave" in (page / "index.html").read_text("utf-8")


def test_the_guide_is_indexed_without_its_generated_field_tables(bundled: Build) -> None:
    guide = indexed_text(bundled, "guide/gathering/")
    page = (bundled.site / "guide/gathering/index.html").read_text("utf-8")
    # The prose is searchable; the field table and the starter file repeat the model.
    assert len(guide) > 200
    assert "kd-fields" in page and "yaml-language-server" in page
    assert "yaml-language-server" not in guide
