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
