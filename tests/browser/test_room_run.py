"""The slips a facilitator makes in the room, in Chromium with a fake clock: each case of the
run model's issue list that is about keys, focus, windows or what a screen says."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import datetime

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, expect

from tests.browser.conftest import clocked
from tests.conftest import BUNDLED_GATHERING

pytestmark = pytest.mark.browser

BASE = f"gatherings/{BUNDLED_GATHERING}"
NINE = datetime(2023, 4, 27, 9, 0, 0)
"""The bundled gathering's day."""
FIRST = "På kulturskolefeltet: KS’, Udirs og Kulturskolerådets visjoner, oppgaver og mulighetsrom"
SECOND = "Tema for dialog 1: Samhandling kulturskole, SFO og skole"
MINUTES = 60 * 1000


@pytest.fixture
def context(browser: Browser) -> Iterator[BrowserContext]:
    with clocked(browser, NINE) as opened:
        yield opened


def open_page(context: BrowserContext, url: str, errors: list[str] | None = None) -> Page:
    page = context.new_page()
    if errors is not None:
        page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(url)
    return page


def timer_text(page: Page, what: str) -> str:
    return page.locator(f".kd-timer [data-kd-live={what}]").inner_text()


def pointer_click(page: Page, name: str) -> None:
    page.mouse.move(300, 300)
    page.mouse.move(310, 310)
    page.get_by_role("button", name=name, exact=True).click()


def test_space_repeating_the_last_clicked_button(context: BrowserContext, site_url: str) -> None:
    timer = open_page(context, f"{site_url}{BASE}/timer/")
    pointer_click(timer, "Start")
    pointer_click(timer, "Neste blokk nå")
    assert timer_text(timer, "title") == SECOND
    # The clicked button let go of the focus and the controls left the screen.
    assert timer.evaluate("document.activeElement === document.body")
    expect(timer.locator("html")).to_have_class(re.compile(r"\bkd-idle\b"))
    timer.keyboard.press("Space")
    expect(timer.locator(".kd-timer")).to_have_attribute("data-kd-stage", "paused")
    assert timer_text(timer, "title") == SECOND, "Space paused; it did not skip a block"
    # Even on a button the keyboard is on, Space is start and pause.
    timer.locator("[data-kd-action=shorten]").focus()
    timer.keyboard.press("Space")
    expect(timer.locator(".kd-timer")).to_have_attribute("data-kd-stage", "running")
    assert timer_text(timer, "countdown") == "20:00", "no five minutes taken"


def test_no_undo_or_reset_without_confirm(context: BrowserContext, site_url: str) -> None:
    guide = open_page(context, f"{site_url}{BASE}/facilitator/")
    guide.get_by_label("Starttid (tt:mm)").fill("09:00")
    guide.get_by_role("button", name="Sett starttid").click()
    guide.get_by_role("button", name="+5 min").click()
    end = guide.locator(".kd-live__end [data-kd-live=predicted]")
    expect(end).to_have_text("12:05")
    reset = guide.locator(".kd-live [data-kd-action=reset]")
    reset.click()
    expect(end).to_have_text("12:05")
    expect(reset).to_have_text("Nullstille alt? Trykk igjen")
    reset.click()
    expect(end).to_have_text("–")
    # Every step can be taken back: the button, then Ctrl+Z.
    guide.get_by_role("button", name="Angre").click()
    expect(end).to_have_text("12:05")
    guide.locator("body").press("Control+z")
    expect(end).to_have_text("12:00")
    guide.locator("body").press("Control+z")
    expect(end).to_have_text("–")
    expect(guide.get_by_role("button", name="Angre")).to_be_disabled()


def test_two_truths_about_delay(context: BrowserContext, site_url: str) -> None:
    timer = open_page(context, f"{site_url}{BASE}/timer/")
    sheet = open_page(context, f"{site_url}{BASE}/runsheet/")
    guide = open_page(context, f"{site_url}{BASE}/facilitator/")
    timer.keyboard.press("Space")  # the first block, by hand, from 09:00
    timer.clock.run_for(35 * MINUTES)  # ten minutes over, and no +5
    for page in (timer, sheet, guide):
        page.clock.run_for(300)
    assert timer_text(timer, "status") == "10 min bak skjema"
    assert timer_text(timer, "predicted") == "12:10"
    expect(guide.locator(".kd-live__end [data-kd-live=predicted]")).to_have_text("12:10")
    expect(guide.locator(".kd-live__end [data-kd-live=delay]")).to_have_text("+10")
    expect(guide.locator(".kd-nownext [data-kd-live=status]")).to_have_text("10 min bak skjema")
    # The programme's times follow: the second block is expected at 09:35, the end at 12:10.
    rows = sheet.locator(".kd-runsheet tbody tr")
    expect(rows.nth(1).locator("[data-kd-clock]").first).to_have_text("09:35")
    expect(sheet.locator(".kd-runsheet tfoot [data-kd-clock]")).to_have_text("12:10")


def test_start_vs_start_now_as_one_labelled_choice(context: BrowserContext, site_url: str) -> None:
    guide = open_page(context, f"{site_url}{BASE}/facilitator/?start=09:00")
    timer = open_page(context, f"{site_url}{BASE}/timer/")
    choice = guide.get_by_role("group", name="Slik går programmet")
    expect(choice.get_by_role("radio", name="Følg klokka fra starttiden")).to_be_checked()
    expect(timer.locator(".kd-timer")).to_have_attribute("data-kd-mode", "clock")
    choice.get_by_role("radio", name=re.compile("Styr for hånd")).check()
    expect(timer.locator(".kd-timer")).to_have_attribute("data-kd-mode", "hand")
    # By hand, the block that the clock ran goes on, and counts into overtime at its end.
    timer.clock.run_for(25 * MINUTES + 20 * 1000)
    expect(timer.locator(".kd-timer")).to_have_attribute("data-kd-stage", "overtime")
    assert timer_text(timer, "title") == FIRST
    choice.get_by_role("radio", name="Følg klokka fra starttiden").check()
    expect(timer.locator(".kd-timer")).to_have_attribute("data-kd-stage", "running")
    assert timer_text(timer, "title") == SECOND


def test_start_in_the_address_proposes_and_every_window_follows(
    context: BrowserContext, site_url: str
) -> None:
    guide = open_page(context, f"{site_url}{BASE}/facilitator/?start=09:00")
    group = ".kd-block--group_work >> nth=0"
    expect(guide.locator(group).locator("[data-kd-clock]").first).to_have_text("09:45")
    linked = open_page(context, f"{site_url}{BASE}/runsheet/?start=09:30")
    proposal = linked.locator(".kd-live [data-kd-live=proposal]")
    expect(proposal).to_contain_text("Lenken foreslår start kl. 09:30.")
    # Proposed, not taken: this window shows what every other window shows.
    expect(linked.locator(group).locator("[data-kd-clock]").first).to_have_text("09:45")
    proposal.get_by_role("button", name="Bruk forslaget").click()
    expect(proposal).to_be_hidden()
    for page in (linked, guide):
        expect(page.locator(group).locator("[data-kd-clock]").first).to_have_text("10:15")


def test_before_and_after_the_day_states(browser: Browser, site_url: str) -> None:
    context = browser.new_context()
    context.clock.install(time=datetime(2023, 4, 26, 15, 0))
    projector = open_page(context, f"{site_url}{BASE}/projector-3/?start=09:00")
    # The day before: a group task's projector gives its own time, not the day's start.
    expect(projector.locator(".kd-projector__back")).to_have_text("Tilbake kl. 10:40")
    expect(projector.locator(".kd-projector")).to_have_attribute("data-kd-stage", "before")
    timer = open_page(context, f"{site_url}{BASE}/timer/")
    expect(timer.locator(".kd-timer")).to_have_attribute("data-kd-stage", "before")
    assert timer_text(timer, "next") == FIRST, "the first block is next"
    context.close()
    after = browser.new_context()
    after.clock.install(time=datetime(2023, 4, 27, 13, 0))
    timer = open_page(after, f"{site_url}{BASE}/timer/?start=09:00")
    expect(timer.locator(".kd-timer")).to_have_attribute("data-kd-stage", "done")
    assert timer_text(timer, "title") == "Ferdig"
    expect(timer.locator(".kd-timer [data-kd-live=next-row]")).to_be_hidden()
    assert timer_text(timer, "countdown") == ""
    after.close()


def test_rehearsal_on_any_day_marked_on_every_screen(browser: Browser, site_url: str) -> None:
    context = browser.new_context(viewport={"width": 1280, "height": 720})
    context.clock.install(time=datetime(2027, 3, 11, 18, 29))
    context.clock.pause_at(datetime(2027, 3, 11, 18, 29))
    timer = open_page(context, f"{site_url}{BASE}/timer/")
    projector = open_page(context, f"{site_url}{BASE}/projector-3/")
    guide = open_page(context, f"{site_url}{BASE}/facilitator/")
    guide.get_by_role("button", name="Starttid nå").click()
    for page in (timer, projector, guide):
        expect(page.locator("[data-kd-live=rehearsal]:visible").first).to_have_text(
            re.compile("Øving", re.IGNORECASE)
        )
    expect(timer.locator(".kd-timer")).to_have_attribute("data-kd-stage", "running")
    assert timer_text(timer, "status") == "I rute", "not hundreds of minutes behind"
    assert timer_text(timer, "predicted") == "21:29"
    # Ending the rehearsal brings back the real day's state, untouched.
    guide.get_by_role("button", name="Avslutt øvingen").click()
    expect(timer.locator("[data-kd-live=rehearsal]")).to_be_hidden()
    expect(timer.locator(".kd-timer")).to_have_attribute("data-kd-stage", "ready")
    context.close()


def _stage_title_and_more(page: Page) -> str:
    return page.evaluate(
        """() => JSON.stringify([
          document.querySelector('[data-kd-stage]').dataset.kdStage,
          [...document.querySelectorAll('[data-kd-live=title], [data-kd-live=countdown]')]
            .map((e) => e.textContent).join('|'),
          document.documentElement.className,
          document.querySelector('[data-kd-action=reset]').textContent,
          document.querySelector('[data-kd-action=sound]').getAttribute('aria-pressed'),
          String(!document.getElementById('kd-keys').hidden),
          String(!!document.fullscreenElement),
        ])"""
    )


@pytest.mark.parametrize("view", ["timer", "projector-3"])
def test_advertised_keys_working(context: BrowserContext, site_url: str, view: str) -> None:
    page = open_page(context, f"{site_url}{BASE}/{view}/")
    # Running (the timer in its second block), so that every key has something to change.
    page.keyboard.press("Space")
    if view == "timer":
        page.keyboard.press("ArrowRight")
    page.clock.run_for(2 * MINUTES)
    keys = page.locator("[aria-keyshortcuts]").evaluate_all(
        "els => els.map((e) => e.getAttribute('aria-keyshortcuts'))"
    )
    assert {"Space", "-", "+", "ArrowLeft", "ArrowRight", "Control+Z", "R", "B"} <= set(keys)
    for key in keys:
        before = _stage_title_and_more(page)
        page.keyboard.press(key)
        page.clock.run_for(300)
        assert _stage_title_and_more(page) != before, f"{key} does nothing on {view}"
        if key == "?":
            page.keyboard.press("Escape")
    context.close()


def test_guide_advertises_only_keys_that_work_there(context: BrowserContext, site_url: str) -> None:
    guide = open_page(context, f"{site_url}{BASE}/facilitator/")
    keys = guide.locator(".kd-live [aria-keyshortcuts]").evaluate_all(
        "els => els.map((e) => e.getAttribute('aria-keyshortcuts'))"
    )
    assert keys == ["Control+Z"]
    guide.get_by_role("button", name="+5 min").click()
    expect(guide.locator(".kd-live [data-kd-live=delay]")).to_have_text("+5")
    guide.locator("body").press("Control+z")
    expect(guide.locator(".kd-live [data-kd-live=delay]")).to_have_text("0")


HOSTILE = [
    {"v": 1, "run": {"block": -1}},
    {
        "v": 1,
        "start": 540,
        "extra": {},
        "mode": "hand",
        "run": {"block": 1.5, "since": 0, "paused": None, "spent": {}},
        "day": None,
        "rehearsal": False,
        "saved": None,
        "room": "",
        "speaker": "",
        "blackout": False,
        "history": [],
        "at": 1e300,
    },
    {"start": "1650", "extra": ["1e23"], "at": "NaN"},
    "not a state",
    None,
]


def test_hostile_state_from_storage_or_broadcast(context: BrowserContext, site_url: str) -> None:
    errors: list[str] = []
    timer = open_page(context, f"{site_url}{BASE}/timer/", errors)
    timer.keyboard.press("Space")
    second = open_page(context, f"{site_url}{BASE}/timer/", errors)
    other = open_page(context, f"{site_url}index.html", errors)
    key = timer.evaluate("Object.keys(localStorage).find((k) => k.includes('gathering:'))")
    assert key and key.endswith(f"gathering:{BUNDLED_GATHERING}")
    channel = key.rsplit(":gathering:", 1)[0]
    for state in HOSTILE:
        other.evaluate(
            """([key, channel, state, data]) => {
              localStorage.setItem(key, JSON.stringify(state));
              new BroadcastChannel(channel).postMessage({key: data, state: state});
              new BroadcastChannel('kulturdialog-live').postMessage({key: data, state: state});
            }""",
            [key, channel, state, f"gathering:{BUNDLED_GATHERING}"],
        )
    timer.clock.run_for(MINUTES)
    assert timer_text(timer, "countdown") == "24:00", "the countdown goes on"
    assert timer_text(timer, "title") == FIRST
    # A real change from another window is still taken: no "at" of 1e300 froze this one.
    second.keyboard.press("+")
    expect(timer.locator(".kd-timer [data-kd-live=countdown]")).to_have_text("29:00")
    other.evaluate(
        "([key, state]) => localStorage.setItem(key, JSON.stringify(state))", [key, HOSTILE[1]]
    )
    # Reloaded a moment after the second window's change (at the same moment, one order decides
    # which of the two every window keeps).
    timer.clock.run_for(1000)
    timer.reload()
    # What is left is the plan the address carries (09:00, following the clock).
    expect(timer.locator(".kd-timer")).to_have_attribute("data-kd-mode", "clock")
    expect(timer.locator(".kd-timer")).to_have_attribute("data-kd-stage", "running")
    assert errors == []


def _screens(timer: Page, projector: Page, guide: Page) -> dict[str, str]:
    for page in (timer, projector, guide):
        page.clock.run_for(300)

    def text(page: Page, selector: str) -> str:
        found = page.locator(selector).first
        return found.inner_text().strip() if found.is_visible() else ""

    timer_stage = timer.locator(".kd-timer").get_attribute("data-kd-stage") or ""
    if "kd-blackout" in (timer.locator("html").get_attribute("class") or ""):
        timer_stage += " (blackout)"
    return {
        "timer": " · ".join(
            part
            for part in (
                timer_stage,
                text(timer, ".kd-timer [data-kd-live=title]")[:28],
                text(timer, ".kd-timer [data-kd-live=countdown]"),
                text(timer, ".kd-timer [data-kd-live=status]"),
                "slutt " + text(timer, ".kd-timer [data-kd-live=predicted]"),
                text(timer, ".kd-timer [data-kd-live=room]"),
                text(timer, ".kd-timer [data-kd-live=rehearsal]"),
            )
            if part.strip()
        ),
        "projector": " · ".join(
            part
            for part in (
                projector.locator(".kd-projector").get_attribute("data-kd-stage") or "",
                text(projector, ".kd-projector [data-kd-live=countdown]"),
                text(projector, ".kd-projector__back"),
            )
            if part
        ),
        "guide": " · ".join(
            part
            for part in (
                text(guide, ".kd-nownext [data-kd-live=title]")[:28],
                text(guide, ".kd-nownext [data-kd-live=status]"),
                "slutt " + text(guide, ".kd-live [data-kd-live=predicted]"),
                "forsinkelse " + text(guide, ".kd-live [data-kd-live=delay]"),
            )
            if part.strip()
        ),
    }


def test_every_action_every_screen_agrees(context: BrowserContext, site_url: str) -> None:
    """Each action of the run model in turn, from the operator's guide or the timer's keys, and
    what the timer, a group task's projector and the guide show after it: the same delay and the
    same expected end on every screen. Run with -s for the table."""
    guide = open_page(context, f"{site_url}{BASE}/facilitator/")
    timer = open_page(context, f"{site_url}{BASE}/timer/")
    projector = open_page(context, f"{site_url}{BASE}/projector-3/")
    live = guide.locator(".kd-live")

    def set_start() -> None:
        guide.get_by_label("Starttid (tt:mm)").fill("09:00")
        guide.get_by_role("button", name="Sett starttid").click()

    def message(label: str, words: str) -> None:
        guide.get_by_label(label).fill(words)
        guide.get_by_label(label).press("Enter")

    steps: list[tuple[str, object]] = [
        ("setStart 09:00, 10 min pass", lambda: (set_start(), timer.clock.run_for(10 * MINUTES))),
        ("runByHand", lambda: live.get_by_role("radio", name=re.compile("Styr for hånd")).check()),
        (
            "toggle (pause), 2 min pass",
            lambda: (timer.keyboard.press("Space"), timer.clock.run_for(2 * MINUTES)),
        ),
        ("toggle (resume)", lambda: timer.keyboard.press("Space")),
        ("adjust +5", lambda: timer.keyboard.press("+")),
        ("adjust −5", lambda: timer.keyboard.press("-")),
        ("next", lambda: timer.keyboard.press("ArrowRight")),
        ("previous", lambda: timer.keyboard.press("ArrowLeft")),
        ("next, next (group task)", lambda: (timer.keyboard.press("n"), timer.keyboard.press("n"))),
        ("60 min pass (overtime)", lambda: timer.clock.run_for(60 * MINUTES)),
        ("message to the room", lambda: message("Melding til salen", "Kaffe i foajeen")),
        ("message to the speaker", lambda: message("Melding til taleren", "2 min")),
        ("blackout", lambda: timer.keyboard.press("b")),
        ("blackout off", lambda: timer.keyboard.press("b")),
        ("undo", lambda: timer.keyboard.press("Control+z")),
        (
            "reset (asked, then done)",
            lambda: (timer.keyboard.press("r"), timer.keyboard.press("r")),
        ),
        ("undo", lambda: guide.get_by_role("button", name="Angre").click()),
        ("rehearse", lambda: guide.get_by_role("button", name="Øv nå").click()),
        ("rehearse off", lambda: guide.get_by_role("button", name="Avslutt øvingen").click()),
        ("followClock", lambda: live.get_by_role("radio", name=re.compile("Følg klokka")).check()),
    ]
    rows = []
    for name, action in steps:
        assert callable(action)
        action()
        seen = _screens(timer, projector, guide)
        rows.append(f"| {name} | {seen['timer']} | {seen['projector']} | {seen['guide']} |")

        # One expected end and one delay, whichever screen says it (in blackout too, unseen).
        def said(page: Page, selector: str) -> str:
            return page.locator(selector).first.text_content() or ""

        assert said(timer, ".kd-timer [data-kd-live=predicted]") == said(
            guide, ".kd-live [data-kd-live=predicted]"
        ), name
        assert said(timer, ".kd-timer [data-kd-live=status]") == said(
            guide, ".kd-nownext [data-kd-live=status]"
        ), name
    print("\n| action | timer | projector (group task 1) | guide |\n|---|---|---|---|")
    print("\n".join(rows))


def test_ready_to_start_has_a_mark_of_its_own_not_the_pause_mark(
    context: BrowserContext, site_url: str
) -> None:
    timer = open_page(context, f"{site_url}{BASE}/timer/")
    mark = """() => { const s = getComputedStyle(document.querySelector('.kd-timer__mark'));
        return s.clipPath + '|' + s.backgroundImage; }"""
    expect(timer.locator(".kd-timer")).to_have_attribute("data-kd-stage", "ready")
    ready = timer.evaluate(mark)
    timer.keyboard.press("Space")
    timer.keyboard.press("Space")
    expect(timer.locator(".kd-timer")).to_have_attribute("data-kd-stage", "paused")
    assert timer.evaluate(mark) != ready


def test_a_run_or_rehearsal_from_another_day_is_over_the_next_day(
    browser: Browser, site_url: str
) -> None:
    context = browser.new_context()
    context.clock.install(time=datetime(2026, 11, 23, 14, 0))
    context.clock.pause_at(datetime(2026, 11, 23, 14, 0))
    timer = open_page(context, f"{site_url}packages/samarbejdsprojekter-kortlaegning/timer/")
    timer.keyboard.press("Space")
    gathering = open_page(context, f"{site_url}{BASE}/timer/")
    gathering.keyboard.press("Space")  # another day than the gathering's: a rehearsal
    expect(gathering.locator("[data-kd-live=rehearsal]").first).to_be_visible()
    context.clock.fast_forward("20:00:00")
    for page in (timer, gathering):
        page.reload()
        expect(page.locator(".kd-timer")).to_have_attribute("data-kd-stage", "ready")
    expect(gathering.locator("[data-kd-live=rehearsal]").first).to_be_hidden()
    context.close()
