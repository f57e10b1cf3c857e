"""axe-core finds no violations on any page type of the built bundled site."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Page

from tests.browser.site_pages import pages_by_kind, url_of
from tests.conftest import ROOT, Build

pytestmark = pytest.mark.browser

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"

# Pages checked in the state they are used in: the live clock running, several group sheets.
STATE = {
    "facilitator": "?start=09:30&now=10:20",
    "runsheet": "?start=09:30&now=10:20",
    "projector": "?start=09:30&now=10:20",
    "timer": "?start=09:30&now=10:20",
    "handout": "?groups=3",
}

EXPECTED_KINDS = {
    "home",
    "participant",
    "facilitator",
    "runsheet",
    "handout",
    "projector",
    "timer",
    "question_set",
    "index",
}


def violations(page: Page, url: str) -> list[dict[str, Any]]:
    page.goto(url)
    page.wait_for_load_state("load")
    page.add_script_tag(path=str(AXE))
    found: list[dict[str, Any]] = page.evaluate(
        """async () => (await axe.run(document, {resultTypes: ['violations']})).violations
            .map(v => ({id: v.id, impact: v.impact,
                        nodes: v.nodes.map(n => n.target.join(' ') + ': ' + n.failureSummary)}))"""
    )
    return found


def test_axe_reports_no_violations_on_any_page_type(
    page: Page, site_url: str, bundled: Build
) -> None:
    assert Path(AXE).exists(), "axe-core is missing: run the tests with 'bash scripts/dev test'"
    kinds = pages_by_kind(bundled.site)
    assert set(kinds) >= EXPECTED_KINDS, set(kinds)
    results = {}
    for kind, paths in sorted(kinds.items()):
        # The first page of each type, and every page of the types built for the room.
        for path in paths if kind in STATE else paths[:1]:
            results[path] = violations(page, site_url + url_of(path) + STATE.get(kind, ""))
    print("axe violations per page:", {path: len(found) for path, found in results.items()})
    report = [
        f"{path}: {v['id']} ({v['impact']}): {node}"
        for path, found in results.items()
        for v in found
        for node in v["nodes"]
    ]
    assert not report, "\n".join(report)
