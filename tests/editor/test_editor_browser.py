"""The editor in Chromium, on a copy of the bundled project served by ``kulturdialog serve``."""

from __future__ import annotations

import re
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest
from bs4 import BeautifulSoup
from playwright.sync_api import Browser, Page, expect

from tests.browser.viewport import SIZES as VIEWPORTS
from tests.browser.viewport import text_overlaps
from tests.conftest import ROOT
from tests.editor.conftest import QUESTIONS, SEMINAR, Served

pytestmark = pytest.mark.browser

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
SIZES = [(1280, 720), (390, 844)]
PAGE = "gatherings/nasjonalt-dialogseminar-2023/"


@pytest.fixture
def editor_page(browser: Browser, served: Served, request: pytest.FixtureRequest) -> Iterator[Page]:
    served.reset()
    width, height = getattr(request, "param", SIZES[0])
    context = browser.new_context(viewport={"width": width, "height": height})
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    yield page
    context.close()
    served.reset()
    assert not errors, errors


def open_form(page: Page, served: Served, name: str) -> None:
    page.goto(served.url + "_edit/edit?file=" + name)
    expect(page.locator("#kd-fields .kd-field").first).to_be_visible()


BOTH_SIZES = pytest.mark.parametrize(
    "editor_page", SIZES, indirect=True, ids=[f"{w}x{h}" for w, h in SIZES]
)
"""A test run at each window size."""


def save(page: Page, outcome: str) -> None:
    """Press save, and see the form say ``outcome`` (saved, refused, conflict)."""
    page.locator("#kd-save").click()
    expect(page.locator("#kd-status")).to_have_class(re.compile(f"kd-status-{outcome}"))


@contextmanager
def nothing_written(served: Served) -> Iterator[None]:
    """The block leaves every content file as it was."""
    before = content_files(served)
    yield
    assert content_files(served) == before


def content_files(served: Served) -> dict[Path, bytes]:
    return {path: path.read_bytes() for path in sorted(served.content.rglob("*.y*ml"))}


def blocks(text: str) -> tuple[str, list[str], str]:
    """A gathering file cut into what comes before the programme, its blocks, and the rest."""
    head, rest = text.split("programme:\n", 1)
    lines = rest.splitlines(keepends=True)
    end = next(i for i, line in enumerate(lines) if not line.startswith(" "))
    chunks: list[str] = []
    for line in lines[:end]:
        if line.startswith("  - "):
            chunks.append(line)
        else:
            chunks[-1] += line
    return head + "programme:\n", chunks, "".join(lines[end:])


def page_times(html: str) -> list[str]:
    cells = BeautifulSoup(html, "html.parser").select("table .kd-time")
    return [" ".join(cell.get_text().split()) for cell in cells]


def relative(minutes: int) -> str:
    return f"+{minutes // 60}:{minutes % 60:02d}"


@BOTH_SIZES
def test_adapting_the_bundled_seminar_changes_exactly_those_lines(
    editor_page: Page, served: Served
) -> None:
    page = editor_page
    seminar = served.content / SEMINAR
    questions = served.content / QUESTIONS
    before, before_questions = seminar.read_text("utf-8"), questions.read_text("utf-8")

    # The page, open in a tab of its own, reloads by itself after the save.
    watcher = page.context.new_page()
    watcher.goto(served.url + PAGE)
    page.goto(served.url + PAGE)
    page.locator(".kd-edit-link", has_text=SEMINAR).click()
    expect(page.locator("#kd-fields")).to_contain_text("Program")

    # Shorten the first block by 5 minutes: the clock times follow at once.
    page.locator('[id="f-programme.1.minutes"]').fill("20")
    expect(page.locator('[id="c-programme.2"]')).to_have_text("+0:20–+0:40")
    expect(page.locator('[id="t-programme"]')).to_contain_text("175")
    # Move two blocks: the second dialogue theme after the second group work.
    page.locator('[id="b-down-programme.4"]').click()
    expect(page.locator('[id="b-down-programme.5"]')).to_be_focused()
    # A new date, with its ISO week.
    page.locator('[id="f-date"]').fill("2026-09-17")
    expect(page.locator('[id="wk-date"]')).to_have_text(re.compile(r"\b38\b"))
    started = time.monotonic()
    save(page, "saved")
    expect(watcher.locator("body")).to_contain_text("17. september 2026", timeout=15_000)
    reloaded = time.monotonic() - started
    print(f"save to reloaded page ({page.viewport_size}): {reloaded:.2f} s")

    # A local question in the group task's question set.
    open_form(page, served, QUESTIONS)
    page.locator('[id="b-add-questions"]').click()
    new_question = page.locator(
        '[data-path^="questions."] input, [data-path^="questions."] textarea'
    )
    new_question.last.fill("Hva kan vi gjøre sammen i Ås neste år?")
    save(page, "saved")

    head, chunks, tail = blocks(before)
    chunks[0] = chunks[0].replace("minutes: 25", "minutes: 20")
    chunks[3], chunks[4] = chunks[4], chunks[3]
    expected = head.replace("date: 2023-04-27", "date: 2026-09-17") + "".join(chunks) + tail
    assert seminar.read_text("utf-8") == expected
    question_lines = before_questions.splitlines(keepends=True)
    last = max(i for i, line in enumerate(question_lines) if line.startswith("  - "))
    assert questions.read_text("utf-8").count("\n") == before_questions.count("\n") + 1
    assert "  - Hva kan vi gjøre sammen i Ås neste år?\n" in questions.read_text("utf-8")
    assert question_lines[last] in questions.read_text("utf-8")
    diff = served.diff()
    changed = [
        line
        for line in diff.splitlines()
        if line[:1] in "+-" and not line.startswith(("+++", "---"))
    ]
    # Date and minutes one line each (out and in), the shorter of the two swapped blocks out
    # and in again, the question.
    moved = 2 * min(chunks[3].count("\n"), chunks[4].count("\n"))
    assert len(changed) == 2 + 2 + moved + 1, diff

    # The page shows the new times.
    minutes = [20, 20, 55, 50, 20, 10]
    ends = [sum(minutes[: i + 1]) for i in range(len(minutes))]
    expected_times = [
        f"{relative(end - m)}–{relative(end)}" for m, end in zip(minutes, ends, strict=True)
    ]
    # The question set's save rebuilt the site again, and live reload may reload a tab at any
    # moment: the page is asked for as the browser would, without a tab.
    watcher.close()
    deadline = time.monotonic() + 15
    while True:
        shown = page_times(page.request.get(served.url + PAGE).text())
        if shown == expected_times or time.monotonic() > deadline:
            break
        time.sleep(0.5)
    assert shown == expected_times


@BOTH_SIZES
def test_a_broken_value_shows_its_problem_at_the_field_and_writes_nothing(
    editor_page: Page, served: Served
) -> None:
    page = editor_page
    with nothing_written(served):
        open_form(page, served, SEMINAR)
        page.locator('[id="f-programme.2.minutes"]').fill("0")
        page.locator('[id="f-title"]').fill("")
        save(page, "refused")
        minutes = page.locator('.kd-field[data-path="programme.2.minutes"] .kd-problem')
        expect(minutes).to_contain_text("0")
        invalid = page.locator('[id="f-programme.2.minutes"]')
        expect(invalid).to_have_attribute("aria-invalid", "true")
        expect(page.locator('.kd-field[data-path="title"] .kd-problem')).to_be_visible()


def test_a_file_changed_on_disk_is_not_overwritten(editor_page: Page, served: Served) -> None:
    page = editor_page
    seminar = served.content / SEMINAR
    open_form(page, served, SEMINAR)
    changed = seminar.read_text("utf-8").replace("language: nb", "language: nb # by hand")
    seminar.write_text(changed, "utf-8")
    page.locator('[id="f-programme.1.minutes"]').fill("30")
    save(page, "conflict")
    assert seminar.read_text("utf-8") == changed
    page.locator("#kd-status button").click()
    expect(page.locator('[id="f-programme.1.minutes"]')).to_have_value("25")


@BOTH_SIZES
def test_every_control_is_reachable_by_keyboard(editor_page: Page, served: Served) -> None:
    page = editor_page
    open_form(page, served, QUESTIONS)
    controls = page.evaluate(
        """() => Array.from(document.querySelectorAll('#main a, #main button, #main input,'
             + ' #main select, #main textarea')).map(e => e.id || e.textContent)"""
    )
    reached: list[str] = []
    page.locator("body").focus()
    for _ in range(len(controls) + 10):
        page.keyboard.press("Tab")
        reached.append(
            page.evaluate("() => document.activeElement.id || document.activeElement.textContent")
        )
    assert set(controls) <= set(reached), set(controls) - set(reached)
    # Alt+Down moves a row from the keyboard.
    first = page.locator('[id="f-questions.1"]')
    if first.count() == 0:
        first = page.locator('[id="f-questions.1.text"]')
    text = first.input_value()
    first.focus()
    page.keyboard.press("Alt+ArrowDown")
    expect(
        page.locator('[data-path="questions.2"]').locator("input, textarea").first
    ).to_have_value(text)


def axe(page: Page) -> list[dict[str, Any]]:
    page.add_script_tag(path=str(AXE))
    found: list[dict[str, Any]] = page.evaluate(
        """async () => (await axe.run(document, {resultTypes: ['violations']})).violations
            .map(v => ({id: v.id, nodes: v.nodes.map(n => n.target.join(' '))}))"""
    )
    return found


@BOTH_SIZES
def test_axe_finds_no_violations_in_the_editor(editor_page: Page, served: Served) -> None:
    page = editor_page
    assert AXE.exists(), "axe-core is missing: run npm ci"
    found = {}
    for name in (SEMINAR, QUESTIONS):
        open_form(page, served, name)
        found[name] = axe(page)
        page.locator('[id="f-title"]').fill("")
        save(page, "refused")
        found[name + " (refused)"] = axe(page)
    page.goto(served.url + "_edit/")
    found["index"] = axe(page)
    page.goto(served.url + PAGE)
    found["page with its edit link"] = axe(page)
    assert not any(found.values()), found


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


ATTACK = """<!doctype html><html lang="en"><title>elsewhere</title><body><script>
window.results = [];
const target = "{target}";
const body = JSON.stringify({{file: "{file}", hash: "x", values: {{}}}});
fetch(target + "_edit/api/save", {{method: "POST", mode: "no-cors",
  headers: {{"Content-Type": "text/plain"}}, body}})
  .then(r => results.push("no-cors:" + r.type), e => results.push("no-cors:error"));
fetch(target + "_edit/api/save", {{method: "POST",
  headers: {{"Content-Type": "application/json", "X-Kulturdialog-Token": "guess"}}, body}})
  .then(r => results.push("cors:" + r.status), e => results.push("cors:error"));
</script>
<form id="f" method="post" action="{target}_edit/new" target="out">
<input name="kind" value="gathering"><input name="title" value="Injected"></form>
<iframe name="out" title="out"></iframe>
</body></html>"""


def test_a_page_of_another_origin_cannot_write(
    editor_page: Page, served: Served, tmp_path: Path
) -> None:
    page = editor_page
    (tmp_path / "index.html").write_text(ATTACK.format(target=served.url, file=SEMINAR), "utf-8")
    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(_Quiet, directory=str(tmp_path)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        with nothing_written(served):
            page.goto(f"http://localhost:{server.server_address[1]}/index.html")
            page.wait_for_function("() => window.results.length === 2")
            page.evaluate("() => document.getElementById('f').submit()")
            page.wait_for_timeout(1000)
    finally:
        server.shutdown()
    assert "cors:200" not in page.evaluate("() => window.results")


def test_clock_times_and_an_over_run_show_before_saving(editor_page: Page, served: Served) -> None:
    page = editor_page
    with nothing_written(served):
        open_form(page, served, SEMINAR)
        page.locator('[id="f-start"]').fill("09:00")
        expect(page.locator('[id="c-programme.1"]')).to_have_text("09:00–09:25")
        expect(page.locator('[id="c-programme.6"]')).to_have_text("11:50–12:00")
        page.locator('[id="f-end"]').fill("11:00")
        expect(page.locator('[id="o-programme"]')).to_contain_text("60")
        page.locator('[id="f-programme.3.minutes"]').fill("5")
        expect(page.locator('[id="o-programme"]')).to_contain_text("10")
        expect(page.locator('[id="t-programme"]')).to_contain_text("130")
        # A block removed, one added: the times follow.
        page.locator('[id="b-remove-programme.6"]').click()
        expect(page.locator('[id="t-programme"]')).to_contain_text("120")
        expect(page.locator('[id="o-programme"]')).to_be_empty()
        page.locator('[id="b-add-programme"]').click()
        expect(page.locator('[id="f-programme.6.minutes"]')).to_be_visible()
        page.locator('[id="f-programme.6.minutes"]').fill("15")
        expect(page.locator('[id="c-programme.6"]')).to_have_text("11:00–11:15")
        expect(page.locator('[id="o-programme"]')).to_contain_text("15")
        # The question set is chosen by its title.
        chosen = page.locator('[id="f-programme.3.question_set"] option:checked')
        expect(chosen).to_have_text("Dialogtema 1 – Gruppeoppgaver (dialogtema-1)")


PACKAGE = "packages/samarbejdsprojekter-kortlaegning.yml"


def test_run_sheet_steps_choose_slides_from_their_presentation(
    editor_page: Page, served: Served
) -> None:
    page = editor_page
    with nothing_written(served):
        open_form(page, served, PACKAGE)
        titles = page.locator('[id="sl-runsheet.steps.1.slides.1"]')
        expect(titles).to_contain_text("1: Erfaringer fra støttede samarbejdsprojekter")
        expect(titles).to_contain_text("3: ")
        step = page.locator('[id="f-runsheet.steps.2.slides.1"]')
        assert step.get_attribute("list")
        step.fill("2")
        expect(page.locator('[id="sl-runsheet.steps.2.slides.1"]')).to_contain_text("2: ")
        expect(page.locator('[id="t-runsheet.steps"]')).to_be_visible()
        assert axe(page) == []


def test_a_new_gathering_from_the_bundled_seminar_opens_in_the_form(
    editor_page: Page, served: Served
) -> None:
    page = editor_page
    page.goto(served.url + PAGE)
    page.locator(".kd-edit-link", has_text="/").last.click()
    page.locator("#kd-new-kind").select_option("gathering")
    page.locator("#kd-new-title").fill("Dialogmøte i Ås")
    page.locator("#kd-new-from").select_option("nasjonalt-dialogseminar-2023")
    page.locator(".kd-ed-new button[type=submit]").click()
    expect(page.locator('[id="f-title"]')).to_have_value("Dialogmøte i Ås")
    made = served.content / "dialogues" / "dialogmote-i-as.yml"
    assert "question_set: dialogtema-1" in made.read_text("utf-8")
    # Saved from its form like any file.
    page.locator('[id="f-place"]').fill("Ås kulturskole")
    save(page, "saved")
    assert "place: Ås kulturskole\n" in made.read_text("utf-8")


def test_a_page_printed_from_the_preview_has_no_edit_links(
    editor_page: Page, served: Served
) -> None:
    page = editor_page
    page.goto(served.url + PAGE + "runsheet/")
    expect(page.locator(".kd-edit-bar")).to_be_visible()
    page.emulate_media(media="print")
    expect(page.locator(".kd-edit-bar")).to_be_hidden()
    expect(page.locator(".kd-runsheet").first).to_be_visible()


FOCUSED_UNDER_BAR = """() => {
  const actions = document.querySelector('.kd-ed-actions');
  const field = document.activeElement.getBoundingClientRect();
  const bar = actions.getBoundingClientRect();
  return field.bottom > bar.top + 1 && !actions.contains(document.activeElement);
}"""
"""Whether the focused control lies under the save bar that stays at the window's bottom."""


@pytest.mark.parametrize("size", VIEWPORTS, ids=[f"{w}x{h}" for w, h in VIEWPORTS])
@pytest.mark.parametrize("name", [SEMINAR, QUESTIONS])
def test_the_form_fits_the_width_and_no_text_lies_over_text(
    browser: Browser, served: Served, size: tuple[int, int], name: str
) -> None:
    # Projectors, a laptop window, a phone upright and turned: the form scrolls down, never
    # sideways; no label, hint or value is drawn over another; and a field reached by Tab is
    # never hidden under the save bar that stays at the bottom of the window.
    width, height = size
    context = browser.new_context(viewport={"width": width, "height": height})
    try:
        page = context.new_page()
        open_form(page, served, name)
        sideways = page.evaluate("() => document.documentElement.scrollWidth - innerWidth")
        assert sideways <= 1, f"{name} at {width}x{height} scrolls {sideways} px sideways"
        hidden = []
        for _ in range(25):
            page.keyboard.press("Tab")
            if page.evaluate(FOCUSED_UNDER_BAR):
                hidden.append(page.evaluate("() => document.activeElement.id"))
        assert hidden == [], f"{name} at {width}x{height}: under the save bar"
        # The bar drawn in its place in the form, the page's own layout is checked.
        page.add_style_tag(content=".kd-ed .kd-ed-actions { position: static; }")
        assert text_overlaps(page) == [], f"{name} at {width}x{height}"
    finally:
        context.close()
