/* The live clock of a gathering or a package run-sheet, shared by the facilitator guide, the
 * run-sheet, the room timer and the projector views.
 *
 * Plain JavaScript, no requests: works from a laptop without a network. One state per programme
 * (planned start, minutes added to or taken from each block, and the run: which block runs,
 * since when, paused or not) is kept in localStorage, so a reload keeps it, and sent to the other
 * tabs and windows of the browser over a BroadcastChannel, so every view shows the same.
 *
 * Two ways of running: following the clock (a start time is set; the block that runs is the one
 * whose planned time it is), or by hand (Start, Pause, Next block now: the block runs from the
 * moment it was started, and counts into overtime until the next one is started). The address
 * can carry ?start=09:30&extra=2:5 (minutes added per block) and ?now=10:00 (rehearse with the
 * clock set to another time).
 */
(function () {
  "use strict";

  var DAY = 24 * 60;
  var MINUTE = 60000;
  var TIME_UP_SECONDS = 15; // how long "time is up" stands at 0:00 before overtime counts up
  var source = document.getElementById("kd-live-data");
  if (!source) {
    return;
  }
  var data = JSON.parse(source.textContent);
  var labels = data.labels;
  var blocks = data.blocks;
  var durations = blocks.map(function (block) {
    return block.minutes;
  });
  var focus = typeof data.focus === "number" ? data.focus : null;
  var builtStart = parseClock(data.start);
  var storageKey = "kulturdialog-live:" + data.key;

  var offsets = [];
  var total = 0;
  durations.forEach(function (minutes) {
    offsets.push(total);
    total += minutes;
  });

  var params = new URLSearchParams(window.location.search);
  var clockShift = 0;
  var rehearsal = parseClockSeconds(params.get("now"));
  if (rehearsal !== null) {
    clockShift = (rehearsal - secondsOfDay(new Date())) * 1000;
  }

  var state = load();
  if (params.has("start")) {
    state.start = parseClock(params.get("start"));
  }
  if (params.has("extra")) {
    state.extra = parseExtra(params.get("extra"));
  }
  var sound = window.localStorage && localStorage.getItem(storageKey + ":sound") === "on";
  var channel = "BroadcastChannel" in window ? new BroadcastChannel("kulturdialog-live") : null;
  var lastAnnounced = null;
  var lastStage = null;
  var audio = null;

  var input = document.getElementById("kd-start");
  var error = document.querySelector("[data-kd-live=error]");

  // ---- state ----

  function fresh() {
    return { start: builtStart, extra: parseExtra(""), run: null, at: 0 };
  }

  function load() {
    var stored = null;
    try {
      stored = JSON.parse(localStorage.getItem(storageKey) || "null");
    } catch (ignored) {
      stored = null;
    }
    if (!valid(stored)) {
      return fresh();
    }
    // A run from another day (a rehearsal yesterday) is over; its start and minutes stay.
    if (stored.run && isoDay(stored.run.began) !== isoDay(Date.now())) {
      stored.run = null;
    }
    return stored;
  }

  function valid(candidate) {
    return (
      candidate !== null &&
      typeof candidate === "object" &&
      Array.isArray(candidate.extra) &&
      candidate.extra.length === durations.length &&
      (candidate.start === null || typeof candidate.start === "number")
    );
  }

  function save() {
    state.at = Date.now();
    try {
      localStorage.setItem(storageKey, JSON.stringify(state));
    } catch (ignored) {
      // Private windows may refuse storage: the page still works, without keeping state.
    }
    if (channel) {
      channel.postMessage({ key: data.key, state: state });
    }
  }

  function adopt(other) {
    if (valid(other) && other.at >= state.at) {
      state = other;
      if (input) {
        input.value = state.start === null ? "" : formatClock(state.start);
      }
      lastAnnounced = null;
      remember();
      render();
    }
  }

  if (channel) {
    channel.addEventListener("message", function (event) {
      if (event.data && event.data.key === data.key) {
        adopt(event.data.state);
      }
    });
  }
  window.addEventListener("storage", function (event) {
    if (event.key === storageKey && event.newValue) {
      try {
        adopt(JSON.parse(event.newValue));
      } catch (ignored) {
        // A value written by something else: keep ours.
      }
    }
  });

  // ---- time ----

  function pad(number) {
    return (number < 10 ? "0" : "") + number;
  }

  function parseClock(text) {
    // 09:30, 9:30, 9.30, 0930 and 930 all mean half past nine.
    var match = /^\s*([01]?\d|2[0-3])[:.]?([0-5]\d)\s*$/.exec(text || "");
    return match ? Number(match[1]) * 60 + Number(match[2]) : null;
  }

  function parseClockSeconds(text) {
    var match = /^\s*([01]?\d|2[0-3]):([0-5]\d)(?::([0-5]\d))?\s*$/.exec(text || "");
    if (!match) {
      return null;
    }
    return Number(match[1]) * 3600 + Number(match[2]) * 60 + Number(match[3] || 0);
  }

  function parseExtra(text) {
    var extra = durations.map(function () {
      return 0;
    });
    (text || "").split(",").forEach(function (pair) {
      var match = /^(\d+):(-?\d+)$/.exec(pair.trim());
      if (match && Number(match[1]) < extra.length) {
        extra[Number(match[1])] = Number(match[2]);
      }
    });
    return extra;
  }

  function secondsOfDay(date) {
    return (
      date.getHours() * 3600 + date.getMinutes() * 60 + date.getSeconds() + date.getMilliseconds() / 1000
    );
  }

  function now() {
    return Date.now() + clockShift;
  }

  function midnight(ms) {
    var day = new Date(ms);
    day.setHours(0, 0, 0, 0);
    return day.getTime();
  }

  function isoDay(ms) {
    var day = new Date(ms);
    return day.getFullYear() + "-" + pad(day.getMonth() + 1) + "-" + pad(day.getDate());
  }

  function formatClock(minutes) {
    minutes = ((Math.round(minutes) % DAY) + DAY) % DAY;
    return pad(Math.floor(minutes / 60)) + ":" + pad(minutes % 60);
  }

  function formatOffset(minutes) {
    // Time from the start, marked so that it never reads as a time of day.
    return "+" + Math.floor(minutes / 60) + ":" + pad(minutes % 60);
  }

  function formatCountdown(seconds) {
    seconds = Math.max(0, Math.ceil(seconds));
    var hours = Math.floor(seconds / 3600);
    var minutes = Math.floor((seconds % 3600) / 60);
    var rest = pad(seconds % 60);
    return hours ? hours + ":" + pad(minutes) + ":" + rest : minutes + ":" + rest;
  }

  function length(index) {
    // Minutes of a block with what was added or taken; never less than one.
    return Math.max(1, durations[index] + state.extra[index]);
  }

  function plannedOffset(index) {
    var minutes = 0;
    for (var i = 0; i < index; i++) {
      minutes += length(i);
    }
    return minutes;
  }

  function plannedTotal() {
    return plannedOffset(durations.length);
  }

  function shiftAt(offset) {
    // An offset of the built programme, moved by the minutes added to or taken from the blocks
    // before it.
    for (var i = durations.length - 1; i >= 0; i--) {
      if (offset >= offsets[i]) {
        var into = offset - offsets[i];
        if (into >= durations[i]) {
          return plannedOffset(i + 1) + (into - durations[i]);
        }
        return plannedOffset(i) + Math.min(into, length(i));
      }
    }
    return offset;
  }

  function dayStart(at) {
    // Midnight of the day the programme runs: today, or the day the run started.
    return midnight(state.run ? state.run.began : at);
  }

  function blockBegin(index, at) {
    return dayStart(at) + (state.start + plannedOffset(index)) * MINUTE;
  }

  function upcoming(at) {
    // Before the gathering's day, the pages say when it starts instead of counting down.
    return !state.run && data.date && isoDay(at) < data.date;
  }

  // ---- what runs now ----

  function situation(at) {
    // {mode, index, remaining (seconds), predictedEnd (ms) or null}
    if (upcoming(at)) {
      return { mode: "upcoming", index: null, remaining: null, predictedEnd: null };
    }
    if (state.run) {
      var run = state.run;
      if (run.block >= durations.length) {
        return { mode: "done", index: null, remaining: null, predictedEnd: run.since };
      }
      var elapsed = ((run.paused || at) - run.since) / 1000;
      var remaining = length(run.block) * 60 - elapsed;
      var rest = plannedTotal() - plannedOffset(run.block + 1);
      return {
        mode: run.paused ? "paused" : "run",
        index: run.block,
        remaining: remaining,
        predictedEnd: at + Math.max(0, remaining) * 1000 + rest * MINUTE,
      };
    }
    if (state.start === null) {
      return { mode: "ready", index: null, remaining: null, predictedEnd: null };
    }
    for (var i = 0; i < durations.length; i++) {
      var begin = blockBegin(i, at);
      var end = begin + length(i) * MINUTE;
      if (begin <= at && at < end) {
        return {
          mode: "clock",
          index: i,
          remaining: (end - at) / 1000,
          predictedEnd: blockBegin(durations.length, at),
        };
      }
    }
    if (at < blockBegin(0, at)) {
      return {
        mode: "before",
        index: null,
        remaining: (blockBegin(0, at) - at) / 1000,
        predictedEnd: blockBegin(durations.length, at),
      };
    }
    return { mode: "done", index: null, remaining: null, predictedEnd: null };
  }

  function stageOf(remaining, warnMinutes) {
    if (remaining > warnMinutes * 60) {
      return "normal";
    }
    if (remaining > 0) {
      return "warning";
    }
    return remaining > -TIME_UP_SECONDS ? "up" : "over";
  }

  function view(at) {
    // What a clock shows: for the focus block of a projector view, else for the running block.
    var s = situation(at);
    var index = focus !== null ? focus : s.index;
    var v = { s: s, index: index, stage: s.mode, countdown: "–", stageText: "", title: "" };
    if (s.mode === "upcoming") {
      v.title = upcomingText();
      v.stageText = labels.live_before;
      v.countdown = state.start === null ? "" : formatClock(state.start);
      return v;
    }
    if (index === null) {
      v.title = s.mode === "done" ? labels.live_over : s.mode === "before" ? labels.live_before : labels.live_no_start;
      if (s.mode === "before") {
        v.stageText = labels.starts_in;
        v.countdown = formatCountdown(s.remaining);
      } else if (s.mode === "ready") {
        v.title = blocks[0].title;
        v.stageText = labels.stage_ready;
        v.countdown = formatCountdown(length(0) * 60);
      } else {
        v.stageText = labels.live_over;
        v.countdown = formatCountdown(0);
      }
      return v;
    }
    v.title = blocks[index].title;
    var remaining;
    if (s.index === index) {
      remaining = s.remaining;
    } else if (s.index === null ? s.mode !== "done" : s.index < index) {
      // The focus block has not begun: its full length, waiting.
      v.stage = "ready";
      v.stageText = labels.stage_ready;
      v.countdown = formatCountdown(length(index) * 60);
      return v;
    } else {
      remaining = 0;
    }
    var stage = stageOf(remaining, blocks[index].warn);
    v.stage = s.mode === "paused" ? "paused" : stage;
    v.remaining = remaining;
    if (stage === "over") {
      v.countdown = "+" + formatCountdown(-remaining);
    } else {
      v.countdown = formatCountdown(remaining);
    }
    v.stageText =
      s.mode === "paused"
        ? labels.stage_paused
        : stage === "normal"
          ? labels.stage_normal
          : stage === "warning"
            ? labels.stage_warning
            : stage === "up"
              ? labels.stage_up
              : labels.stage_over;
    v.stageText = v.stageText.replace("{minutes}", String(Math.max(1, Math.ceil(remaining / 60))));
    v.alert = stage;
    return v;
  }

  function upcomingText() {
    return data.starts_on + (state.start === null ? "" : " " + labels.starts_at.replace("{time}", formatClock(state.start)));
  }

  function statusText(s, at) {
    if (s.predictedEnd === null || state.start === null || s.mode === "before") {
      return "";
    }
    var planned = dayStart(at) + (state.start + total) * MINUTE;
    var minutes = Math.round((s.predictedEnd - planned) / MINUTE);
    if (minutes === 0) {
      return labels.on_time;
    }
    return (minutes > 0 ? labels.behind : labels.ahead).replace("{minutes}", String(Math.abs(minutes)));
  }

  // ---- the page ----

  function setAll(selector, text) {
    document.querySelectorAll(selector).forEach(function (element) {
      if (element.textContent !== text) {
        element.textContent = text;
      }
    });
  }

  function render() {
    var at = now();
    var v = view(at);
    var s = v.s;
    var current = s.index;

    document.querySelectorAll("[data-kd-clock]").forEach(function (element) {
      var offset = shiftAt(Number(element.getAttribute("data-kd-clock")));
      element.textContent = state.start === null ? formatOffset(offset) : formatClock(state.start + offset);
    });
    document.querySelectorAll("[data-kd-minutes-of]").forEach(function (element) {
      element.textContent = String(length(Number(element.getAttribute("data-kd-minutes-of"))));
    });
    setAll("[data-kd-live=total]", String(plannedTotal()));
    document.querySelectorAll("[data-kd-offset]").forEach(function (element) {
      var index = offsets.indexOf(Number(element.getAttribute("data-kd-offset")));
      var past = index >= 0 && current !== null ? index < current : s.mode === "done";
      element.classList.toggle("kd-block--current", index === current && index >= 0);
      element.classList.toggle("kd-block--past", past && index >= 0);
      if (index === current && index >= 0) {
        element.setAttribute("aria-current", "time");
      } else {
        element.removeAttribute("aria-current");
      }
    });
    document.querySelectorAll(".kd-note--relative").forEach(function (element) {
      element.hidden = state.start !== null;
    });
    // Run by hand, a group task ends when its time runs out, whatever the plan said.
    if (focus !== null && s.index === focus && (s.mode === "run" || s.mode === "paused")) {
      var back = at + Math.max(0, s.remaining) * 1000;
      setAll(".kd-projector__back [data-kd-clock]", formatClock(Math.ceil((back - midnight(back)) / MINUTE)));
    }
    // "Back at" needs a time of day; without a start there is none to give.
    document.querySelectorAll(".kd-needs-start").forEach(function (element) {
      element.hidden = state.start === null;
    });
    var delay = plannedTotal() - total;
    setAll("[data-kd-live=delay]", (delay > 0 ? "+" : "") + delay);

    var nextIndex = v.index === null ? (s.mode === "before" || s.mode === "ready" || s.mode === "upcoming" ? 0 : null) : v.index + 1;
    if (v.index === null && (s.mode === "ready" || s.mode === "upcoming")) {
      nextIndex = blocks.length > 1 ? 1 : null;
    }
    var next = nextIndex !== null && nextIndex < blocks.length ? blocks[nextIndex] : null;
    setAll("[data-kd-live=title]", v.title);
    setAll("[data-kd-live=stage]", v.stageText);
    setAll("[data-kd-live=countdown]", v.countdown);
    document.querySelectorAll("[data-kd-live=countdown]").forEach(function (element) {
      element.setAttribute("data-kd-chars", v.countdown.length > 5 ? "long" : "short");
    });
    setAll("[data-kd-live=next]", next ? next.title : labels.last_block);
    setAll("[data-kd-live=next-who]", next && next.who ? labels.led_by.replace("{who}", next.who) : "");
    setAll("[data-kd-live=status]", statusText(s, at));
    setAll(
      "[data-kd-live=predicted]",
      s.predictedEnd === null ? "–" : formatClock(Math.round((s.predictedEnd - midnight(s.predictedEnd)) / MINUTE))
    );
    document.querySelectorAll("[data-kd-stage]").forEach(function (element) {
      element.setAttribute("data-kd-stage", v.stage);
      element.setAttribute("data-kd-mode", s.mode);
    });
    document.querySelectorAll("[data-kd-action=toggle]").forEach(function (button) {
      button.textContent = !state.run ? labels.timer_start : state.run.paused ? labels.timer_resume : labels.timer_pause;
      button.setAttribute("aria-pressed", state.run && !state.run.paused ? "true" : "false");
    });
    if (v.stage !== lastStage) {
      window.requestAnimationFrame(fitText);
    }
    chime(v);
    announce(v.remaining === undefined ? null : Math.ceil(v.remaining / 60), v.title, v.stage);
  }

  function announce(minutes, title, stage) {
    // Screen readers hear the time left once a minute, not every second.
    var key = minutes === null ? null : minutes + "|" + title + "|" + stage;
    if (key === lastAnnounced) {
      return;
    }
    lastAnnounced = key;
    var text = minutes === null || minutes < 0 ? "" : labels.announce.replace("{minutes}", String(minutes)).replace("{title}", title);
    setAll("[data-kd-live=announce]", text);
  }

  // ---- sound: a short tone made in the browser, only when switched on ----

  function chime(v) {
    var stage = v.stage;
    if (lastStage !== null && stage !== lastStage && sound && (stage === "warning" || stage === "up")) {
      tone(stage === "up" ? [660, 880, 660] : [660]);
    }
    lastStage = stage;
  }

  function tone(pitches) {
    var Context = window.AudioContext || window.webkitAudioContext;
    if (!Context) {
      return;
    }
    audio = audio || new Context();
    pitches.forEach(function (pitch, i) {
      var oscillator = audio.createOscillator();
      var gain = audio.createGain();
      var begin = audio.currentTime + i * 0.35;
      oscillator.frequency.value = pitch;
      gain.gain.setValueAtTime(0.0001, begin);
      gain.gain.exponentialRampToValueAtTime(0.3, begin + 0.02);
      gain.gain.exponentialRampToValueAtTime(0.0001, begin + 0.3);
      oscillator.connect(gain).connect(audio.destination);
      oscillator.start(begin);
      oscillator.stop(begin + 0.32);
    });
  }

  // ---- actions ----

  function runningIndex(at) {
    var s = situation(at);
    return s.index;
  }

  function act(action) {
    var at = now();
    var s = situation(at);
    if (action === "now") {
      var minute = Math.floor((at - midnight(at)) / MINUTE);
      // On a projector view "now" is when this group task starts.
      state.start = focus !== null ? minute - plannedOffset(focus) : minute;
      state.start = ((state.start % DAY) + DAY) % DAY;
      state.run = null;
    } else if (action === "toggle") {
      if (!state.run) {
        start(s, at);
      } else if (state.run.paused) {
        state.run.since += at - state.run.paused;
        state.run.paused = null;
      } else {
        state.run.paused = at;
      }
    } else if (action === "next" || action === "previous") {
      var index = s.index !== null ? s.index : s.mode === "done" ? durations.length : focus !== null ? focus : -1;
      if (!state.run) {
        start(s, at);
      }
      var target = Math.min(Math.max(index + (action === "next" ? 1 : -1), 0), durations.length);
      state.run.block = target;
      state.run.since = at;
      state.run.paused = state.run.paused ? at : null;
    } else if (action === "delay" || action === "shorten") {
      var which = focus !== null ? focus : runningIndex(at);
      if (which === null) {
        // No block is running: the change goes to the next one to come, or else the last.
        which = s.mode === "done" ? durations.length - 1 : 0;
      }
      var step = action === "delay" ? 5 : -5;
      // A block keeps at least one minute.
      state.extra[which] = Math.max(1 - durations[which], state.extra[which] + step);
    } else if (action === "reset") {
      state = fresh();
      if (error) {
        error.hidden = true;
      }
      if (input) {
        input.removeAttribute("aria-invalid");
      }
    } else if (action === "sound") {
      sound = !sound;
      try {
        localStorage.setItem(storageKey + ":sound", sound ? "on" : "off");
      } catch (ignored) {
        // Not kept; still on for this page.
      }
      if (sound) {
        tone([660]);
      }
      markSound();
      return;
    } else if (action === "fullscreen") {
      if (document.fullscreenElement) {
        document.exitFullscreen();
      } else if (document.documentElement.requestFullscreen) {
        document.documentElement.requestFullscreen().catch(function () {});
      }
      return;
    } else if (action === "keys") {
      toggleKeys();
      return;
    } else {
      return;
    }
    if (input) {
      input.value = state.start === null ? "" : formatClock(state.start);
    }
    update();
  }

  function start(s, at) {
    // By hand from here: from the block the clock says is running, or from the first.
    if (s.mode === "clock") {
      state.run = { block: s.index, since: blockBegin(s.index, at), began: at, paused: null };
      return;
    }
    var first = focus !== null ? focus : 0;
    if (state.start === null || upcoming(at) || s.mode === "before" || s.mode === "done") {
      var minute = Math.floor((at - midnight(at)) / MINUTE);
      if (state.start === null) {
        state.start = ((minute - plannedOffset(first)) % DAY + DAY) % DAY;
      }
    }
    state.run = { block: first, since: at, began: at, paused: null };
  }

  function markSound() {
    document.querySelectorAll("[data-kd-action=sound]").forEach(function (button) {
      button.setAttribute("aria-pressed", sound ? "true" : "false");
    });
  }

  function toggleKeys(open) {
    var list = document.getElementById("kd-keys");
    if (!list) {
      return;
    }
    list.hidden = open === undefined ? !list.hidden : !open;
    document.querySelectorAll("[data-kd-action=keys]").forEach(function (button) {
      button.setAttribute("aria-expanded", list.hidden ? "false" : "true");
    });
  }

  function query() {
    var next = new URLSearchParams(window.location.search);
    if (state.start === null) {
      next.delete("start");
    } else {
      next.set("start", formatClock(state.start));
    }
    var extra = [];
    state.extra.forEach(function (minutes, index) {
      if (minutes) {
        extra.push(index + ":" + minutes);
      }
    });
    if (extra.length) {
      next.set("extra", extra.join(","));
    } else {
      next.delete("extra");
    }
    return next.toString();
  }

  function remember() {
    var search = query();
    window.history.replaceState(null, "", window.location.pathname + (search ? "?" + search : "") + window.location.hash);
    // The guide, the run-sheet, the timer and the projector views keep the same start and
    // delays even where storage is refused.
    document.querySelectorAll(".kd-switch a, a[data-kd-carry]").forEach(function (link) {
      var url = new URL(link.getAttribute("href").split("?")[0], window.location.href);
      url.search = search;
      link.setAttribute("href", url.pathname + url.search);
    });
  }

  function update() {
    lastAnnounced = null;
    save();
    remember();
    render();
  }

  var form = document.querySelector("[data-kd-live=form]");
  if (form) {
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var start = parseClock(input.value);
      var ok = start !== null;
      error.hidden = ok;
      input.setAttribute("aria-invalid", ok ? "false" : "true");
      if (ok) {
        state.start = start;
        input.value = formatClock(start);
        update();
      }
    });
  }

  document.addEventListener("click", function (event) {
    var button = event.target.closest && event.target.closest("[data-kd-action]");
    if (button) {
      act(button.getAttribute("data-kd-action"));
    }
  });

  // ---- keys, on the timer and projector views ----

  var KEYS = {
    " ": "toggle",
    "+": "delay",
    "=": "delay",
    "-": "shorten",
    "−": "shorten",
    ArrowRight: "next",
    n: "next",
    N: "next",
    ArrowLeft: "previous",
    p: "previous",
    P: "previous",
    r: "reset",
    R: "reset",
    m: "sound",
    M: "sound",
    f: "fullscreen",
    F: "fullscreen",
    "?": "keys",
  };

  if (document.body.hasAttribute("data-kd-keys")) {
    document.addEventListener("keydown", function (event) {
      if (event.altKey || event.ctrlKey || event.metaKey) {
        return;
      }
      var onControl = event.target.closest && event.target.closest("a, button, input");
      if (onControl && (event.key === " " || event.key === "Enter")) {
        return;
      }
      if (event.key === "Escape") {
        toggleKeys(false);
        return;
      }
      var action = KEYS[event.key];
      if (!action) {
        return;
      }
      event.preventDefault();
      act(action);
    });
  }

  // ---- controls that step aside while presenting ----

  var autohide = document.querySelectorAll("[data-kd-autohide]");
  var idleTimer = null;
  function wake() {
    document.documentElement.classList.remove("kd-idle");
    window.clearTimeout(idleTimer);
    idleTimer = window.setTimeout(function () {
      var focused = document.activeElement;
      var inside = Array.prototype.some.call(autohide, function (element) {
        return element.contains(focused);
      });
      var keysOpen = document.getElementById("kd-keys") && !document.getElementById("kd-keys").hidden;
      if (!inside && !keysOpen) {
        document.documentElement.classList.add("kd-idle");
      }
    }, 2500);
  }
  if (autohide.length) {
    ["pointermove", "pointerdown", "keydown", "focusin"].forEach(function (name) {
      document.addEventListener(name, wake);
    });
    wake();
  }

  // ---- a long question set shrinks until the view fits one screen ----

  var fit = document.querySelector("[data-kd-fit]");
  function fitText() {
    if (!fit) {
      return;
    }
    var scale = 1;
    fit.style.setProperty("--kd-fit", "1");
    for (var i = 0; i < 12 && fit.scrollHeight > fit.clientHeight + 1; i++) {
      scale *= 0.9;
      fit.style.setProperty("--kd-fit", scale.toFixed(3));
    }
  }
  window.addEventListener("resize", fitText);

  if (input) {
    input.value = state.start === null ? "" : formatClock(state.start);
  }
  document.querySelectorAll(".kd-live, .kd-nownext").forEach(function (element) {
    element.hidden = false;
  });
  markSound();
  remember();
  render();
  fitText();
  window.setInterval(render, 250);
})();
