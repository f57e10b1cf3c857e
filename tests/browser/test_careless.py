"""The room's pages tried from outside as a careless user would, in Chromium with a fake clock:
Space after a click on any button, keys that mean nothing there, and two windows acting at the
same moment."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime

import pytest
from playwright.sync_api import Browser, BrowserContext, Page

from tests.browser.conftest import clocked
from tests.conftest import BUNDLED_GATHERING

pytestmark = pytest.mark.browser

BASE = f"gatherings/{BUNDLED_GATHERING}"
NINE = datetime(2023, 4, 27, 9, 0, 0)
"""The bundled gathering's day and start."""
VIEWS = {
    "timer": "timer/",
    "projector": "projector-3/",
    "guide": "facilitator/",
    "run-sheet": "runsheet/",
}
ROOM_SCREENS = {"timer", "projector"}

STATE = "() => JSON.stringify(KulturdialogRun.snapshot(KulturdialogLive.state()))"
"""The run model's state as the page holds it, without its undo history and time of change."""
TOGGLED = """() => {
  const live = KulturdialogLive, run = KulturdialogRun;
  const data = JSON.parse(document.getElementById('kd-live-data').textContent);
  const block = typeof data.focus === 'number' ? data.focus : undefined;
  const next = run.act(live.prog, live.state(), {type: 'toggle', block}, live.now());
  return JSON.stringify(run.snapshot(next));
}"""
"""What Space means on a room screen: start and pause, from the state as it is."""


@pytest.fixture
def context(browser: Browser) -> Iterator[BrowserContext]:
    with clocked(browser, NINE) as opened:
        yield opened


def open_view(context: BrowserContext, url: str, errors: list[str]) -> Page:
    page = context.new_page()
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(url)
    page.clock.run_for(300)
    return page


def open_running(context: BrowserContext, url: str, errors: list[str]) -> Page:
    """The view at ``url``, its run started by hand a minute ago: a run for a key or a click
    to spoil."""
    page = open_view(context, url, errors)
    page.evaluate("() => KulturdialogLive.act({type: 'toggle'})")
    page.clock.run_for(60_000)
    return page


def wake(page: Page) -> None:
    """A pointer moved over the screen: a room screen shows its controls."""
    page.mouse.move(600, 300)
    page.mouse.move(610, 310)


LIVE_BUTTONS = ".kd-live button, [data-kd-autohide] button"
"""The live mode's buttons on the guide and run-sheet, and the room screens' controls."""


@pytest.mark.parametrize("view", VIEWS)
def test_space_after_clicking_any_button_never_repeats_it(
    context: BrowserContext, site_url: str, view: str
) -> None:
    # Every live button of the page in turn, clicked with the pointer and then Space: on a room
    # screen Space is start and pause and nothing else; on the guide and the run-sheet it
    # scrolls and acts on nothing. The button clicked never keeps the keyboard's focus.
    errors: list[str] = []
    page = open_view(context, f"{site_url}{BASE}/{VIEWS[view]}", errors)
    buttons = page.locator(LIVE_BUTTONS)
    count = buttons.count()
    clicked = []
    for index in range(count):
        wake(page)
        button = buttons.nth(index)
        if not button.is_visible() or not button.is_enabled():
            continue
        name = (button.text_content() or "").strip()
        button.click()
        clicked.append(name)
        assert not page.evaluate("(b) => document.activeElement === b", button.element_handle()), (
            f"{name} kept the focus on {view}"
        )
        expected = page.evaluate(TOGGLED if view in ROOM_SCREENS else STATE)
        page.keyboard.press("Space")
        assert page.evaluate(STATE) == expected, f"Space after {name} on {view}"
        page.keyboard.press("Escape")  # a list of keys opened by '?' closes again
        page.clock.run_for(300)
    assert len(clicked) >= 8, clicked
    assert errors == []


WRONG_KEYS = [
    *"acdeghijklmoqstuvwxyz0123456789",
    *["Enter", "Tab", "Backspace", "Delete", "Escape", "Home", "End", "PageUp", "PageDown"],
    *["ArrowUp", "ArrowDown", "Shift+Tab", "Alt+n", "Alt+ArrowRight", "Control+y", "F1", "*"],
]
"""Keys no room screen gives a meaning: each must leave the run as it was."""
ROOM_KEYS = ["Space", "n", "p", "r", "b", "+", "-", "ArrowRight", "ArrowLeft", "?"]
"""The room screens' keys, which mean nothing on the guide and the run-sheet."""


@pytest.mark.parametrize("view", VIEWS)
def test_a_wrong_key_does_nothing_harmful(
    context: BrowserContext, site_url: str, view: str
) -> None:
    errors: list[str] = []
    page = open_running(context, f"{site_url}{BASE}/{VIEWS[view]}", errors)
    keys = WRONG_KEYS if view in ROOM_SCREENS else [*WRONG_KEYS, *ROOM_KEYS]
    for key in keys:
        before = page.evaluate(STATE)
        page.keyboard.press(key)
        page.clock.run_for(300)
        assert page.evaluate(STATE) == before, f"{key} changed the run on {view}"
        assert page.url.split("?")[0].endswith(VIEWS[view]), f"{key} left the page"
    assert errors == []


HOLD = """
(() => {
  // What one window hears from another (its channel's messages, storage events) waits while
  // window.__kdHold is set, as if both acted before either heard of the other.
  const held = [];
  window.__kdHold = false;
  const add = EventTarget.prototype.addEventListener;
  EventTarget.prototype.addEventListener = function (type, listener, options) {
    const heard = (type === "message" && this instanceof BroadcastChannel)
      || (type === "storage" && this === window);
    const wrapped = !heard ? listener : function (event) {
      if (window.__kdHold) {
        held.push(() => listener.call(this, event));
      } else {
        listener.call(this, event);
      }
    };
    return add.call(this, type, wrapped, options);
  };
  window.__kdRelease = () => {
    window.__kdHold = false;
    held.splice(0).forEach((heard) => heard());
  };
})();
"""


@pytest.mark.parametrize("first", ["guide", "timer"])
def test_two_windows_acting_at_once_stay_consistent(
    context: BrowserContext, site_url: str, first: str
) -> None:
    # The guide adds five minutes and the timer skips a block at the same moment (either one
    # first), each before it has heard of the other's action: every window ends with one and
    # the same state, and it is the one kept for the next page opened.
    context.add_init_script(HOLD)
    errors: list[str] = []
    guide = open_view(context, f"{site_url}{BASE}/facilitator/", errors)
    timer = open_view(context, f"{site_url}{BASE}/timer/", errors)
    projector = open_view(context, f"{site_url}{BASE}/projector-3/", errors)
    timer.keyboard.press("Space")
    guide.clock.run_for(60_000)
    windows = {"guide": guide, "timer": timer, "projector": projector}
    for page in windows.values():
        page.evaluate("() => { window.__kdHold = true; }")
    actions = {"guide": "{type: 'adjust', minutes: 5}", "timer": "{type: 'next'}"}
    for name in sorted(actions, key=lambda name: name != first):
        windows[name].evaluate(f"() => KulturdialogLive.act({actions[name]})")
    acted = {name: windows[name].evaluate(STATE) for name in ("guide", "timer")}
    assert acted["guide"] != acted["timer"]
    for page in windows.values():
        page.evaluate("() => window.__kdRelease()")
    guide.clock.run_for(500)
    states = {name: page.evaluate(STATE) for name, page in windows.items()}
    assert len(set(states.values())) == 1, states
    assert states["guide"] in acted.values()
    kept = guide.evaluate(
        """(id) => {
          const key = Object.keys(localStorage).find((k) => k.endsWith(':gathering:' + id));
          return JSON.stringify(KulturdialogRun.snapshot(JSON.parse(localStorage.getItem(key))));
        }""",
        BUNDLED_GATHERING,
    )
    assert kept == states["guide"]
    opened = open_view(context, f"{site_url}{BASE}/runsheet/", errors)
    assert opened.evaluate(STATE) == states["guide"]
    assert errors == []


NEXT_ONCE = """() => {
  const live = KulturdialogLive, run = KulturdialogRun;
  return JSON.stringify(run.snapshot(run.act(live.prog, live.state(), {type: 'next'}, live.now())));
}"""
"""The run's state after one step to the next block, from the state as it is."""


@pytest.mark.parametrize("view", VIEWS)
def test_a_double_click_skips_one_block_and_adds_minutes_twice(
    context: BrowserContext, site_url: str, view: str
) -> None:
    # A double click on "next" is one step (its second click would skip a block); on the
    # guide's and the run-sheet's "+5 min" each click counts, as fast as they come: two undos
    # take the two back.
    errors: list[str] = []
    page = open_running(context, f"{site_url}{BASE}/{VIEWS[view]}", errors)
    wake(page)
    expected = page.evaluate(NEXT_ONCE)
    page.locator("[data-kd-action=next]:visible").first.dblclick()
    page.clock.run_for(300)
    assert page.evaluate(STATE) == expected, f"a double click on next on {view}"
    if view in ROOM_SCREENS:
        # A room screen's controls step aside at the first click: the second finds none.
        assert errors == []
        return
    before = page.evaluate(STATE)
    page.locator("[data-kd-action=delay]:visible").first.dblclick()
    page.clock.run_for(300)
    undone = []
    for _ in range(2):
        undone.append(page.evaluate(STATE))
        page.evaluate("() => KulturdialogLive.act({type: 'undo'})")
    assert before not in undone, f"+5 double-clicked on {view} acted once"
    assert page.evaluate(STATE) == before
    assert errors == []
