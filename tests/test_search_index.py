"""The search index of the bundled site: pages that only repeat a question set stay out of it."""

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


def test_run_sheets_and_question_sets_stay_indexed(bundled: Build) -> None:
    found = locations(bundled)
    assert any(loc.startswith(f"gatherings/{BUNDLED_GATHERING}/runsheet/") for loc in found)
    assert any(loc.startswith("questions/dialogtema-1/") for loc in found)
