/* The live views of a gathering's day or a package's run-sheet: the facilitator guide, the
 * run-sheet, the room timer and the projector views. Every figure on them comes from the run
 * model (run-model.js, loaded before this script): this script keeps the model's state, turns
 * buttons and keys into its actions, and writes what `derive` says into the page.
 *
 * Plain JavaScript, no requests: works from a laptop without a network. The state is kept in
 * localStorage, so a reload keeps it, and sent to the other windows over a BroadcastChannel, so
 * every screen shows the same; whatever comes back from either is validated first. Both are keyed
 * to this copy of the site, so an offline copy opened from file:// shares nothing with other
 * local pages. The address can carry ?start=09:30&extra=2:5 (a prepared plan, proposed to the
 * operator unless nothing has been set yet) and ?now=10:00 (this window's clock set to that time
 * on the programme's day, for trying things out).
 */
(function () {
  "use strict";

  var Run = window.KulturdialogRun;
  var source = document.getElementById("kd-live-data");
  if (!source || !Run) {
    return;
  }
  var data = JSON.parse(source.textContent);
  var labels = data.labels;
  var blocks = data.blocks;
  var prog = Run.programme(data);
  var MINUTE = Run.MINUTE;
  var focus =
    typeof data.focus === "number" && data.focus >= 0 && data.focus < prog.count ? data.focus : null;
  var roomScreen = document.body.hasAttribute("data-kd-keys");

  // This copy of the site: the folder live.js was loaded from, less its assets/ folder.
  var script = document.currentScript;
  var siteRoot = script && script.src ? script.src.replace(/assets\/live\.js([?#].*)?$/, "") : "";
  var storageKey = "kulturdialog-live:" + siteRoot + ":" + data.key;

  var params = new URLSearchParams(window.location.search);
  var clockShift = 0;
  var tryAt = parseClockSeconds(params.get("now"));
  if (tryAt !== null) {
    // The programme as it stands at that time on its own day (today, for a package).
    clockShift = (prog.date ? Run.dayMs(prog.date) : Run.midnight(Date.now())) + tryAt * 1000 - Date.now();
  }

  function now() {
    return Date.now() + clockShift;
  }

  function trustUntil() {
    return Math.max(Date.now(), now());
  }

  var state = load();
  var proposal = null;
  var armedReset = null;
  var sound = read(storageKey + ":sound") === "on";
  var channel = "BroadcastChannel" in window ? new BroadcastChannel("kulturdialog-live:" + siteRoot) : null;
  var lastAnnounced = null;
  var lastStage = null;
  var audio = null;

  var input = document.getElementById("kd-start");
  var error = document.querySelector("[data-kd-live=error]");

  // ---- state: kept, shared and checked ----

  function read(key) {
    try {
      return localStorage.getItem(key);
    } catch (ignored) {
      return null;
    }
  }

  function load() {
    var stored = null;
    try {
      stored = JSON.parse(read(storageKey) || "null");
    } catch (ignored) {
      stored = null;
    }
    return Run.validate(prog, stored, trustUntil()) ? stored : Run.fresh(prog);
  }

  function store() {
    try {
      var text = JSON.stringify(state);
      if (localStorage.getItem(storageKey) !== text) {
        localStorage.setItem(storageKey, text);
      }
    } catch (ignored) {
      // Private windows may refuse storage: the page still works, without keeping state.
    }
  }

  function save() {
    store();
    if (channel) {
      channel.postMessage({ key: data.key, state: state });
    }
  }

  function adopt(other) {
    // Another window's state, when it is one this programme can run and newer than ours.
    if (!Run.validate(prog, other, trustUntil()) || Run.same(other, state)) {
      return;
    }
    if (!Run.newer(other, state)) {
      // Ours wins (the other window acted at the same moment, or before): kept as the stored
      // state too, so that a page opened next shows the winner.
      store();
      return;
    }
    state = other;
    lastAnnounced = null;
    fill();
    remember();
    render();
  }

  if (channel) {
    channel.addEventListener("message", function (event) {
      if (event.data && typeof event.data === "object" && event.data.key === data.key) {
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

  function act(action) {
    var next = Run.act(prog, state, action, now());
    if (next === state) {
      return false;
    }
    // Windows tell newer from older by the real time of the change.
    next.at = Math.max(Date.now(), state.at + 1);
    state = next;
    lastAnnounced = null;
    fill();
    save();
    remember();
    render();
    if (room.acted) {
      room.acted(action, state);
    }
    return true;
  }

  // For the room's server only (its script, added to the pages it serves, sets `acted`): the
  // state as it stands, a state from the room taken as it comes, and this page's actions.
  var room = {
    key: data.key,
    prog: prog,
    now: now,
    state: function () {
      return state;
    },
    take: function (other) {
      if (!Run.validate(prog, other, trustUntil())) {
        return false;
      }
      if (JSON.stringify(other) !== JSON.stringify(state)) {
        // The room's state is the state, whatever this browser's windows did before: newer
        // than any of theirs, so that none of them says its own again.
        var previous = state.at;
        state = Run.snapshot(other);
        state.history = other.history;
        state.at = Math.max(other.at, previous + 1, Date.now());
        lastAnnounced = null;
        fill();
        save();
        remember();
        render();
      }
      return true;
    },
    act: act,
    acted: null,
  };
  window.KulturdialogLive = room;

  function parseClockSeconds(text) {
    var match = /^\s*([01]?\d|2[0-3]):([0-5]\d)(?::([0-5]\d))?\s*$/.exec(text || "");
    if (!match) {
      return null;
    }
    return Number(match[1]) * 3600 + Number(match[2]) * 60 + Number(match[3] || 0);
  }

  // ---- a prepared link: taken when nothing is set, else proposed to the operator ----

  function linkPlan() {
    if (!params.has("start") && !params.has("extra")) {
      return null;
    }
    var start = params.has("start") ? Run.parseClock(params.get("start")) : state.start;
    var extra = params.has("extra") ? Run.parseExtra(params.get("extra"), prog.count) : state.extra;
    if (start === null && params.has("start")) {
      return null;
    }
    return { type: "plan", start: start, extra: extra };
  }

  function samePlan(plan) {
    return plan.start === state.start && Run.formatExtra(plan.extra) === Run.formatExtra(state.extra);
  }

  // ---- the page ----

  // The page's live parts do not change after it loads: each selector is looked up once, not
  // four times a second in a page of thousands of blocks.
  var found = {};
  function all(selector) {
    if (!Object.prototype.hasOwnProperty.call(found, selector)) {
      found[selector] = Array.prototype.slice.call(document.querySelectorAll(selector));
    }
    return found[selector];
  }

  function setAll(selector, text) {
    all(selector).forEach(function (element) {
      // A table cell keeps its text on a line of its own (search needs it): compared without
      // that space, so it is not written again, and its table laid out again, on every tick.
      if (element.textContent.trim() !== text) {
        element.textContent = text;
      }
    });
  }

  function showAll(selector, shown) {
    all(selector).forEach(function (element) {
      if (element.hidden === shown) {
        element.hidden = !shown;
      }
    });
  }

  // Where each marked time of the printed programme sits: a block's start, or the end of the
  // last; found once.
  var starts = {};
  prog.offsets.forEach(function (offset, index) {
    starts[offset] = index;
  });
  function edgeAt(offset) {
    if (Object.prototype.hasOwnProperty.call(starts, offset)) {
      return { index: starts[offset], end: false };
    }
    return prog.count && offset === prog.total ? { index: prog.count - 1, end: true } : null;
  }
  // Each mark remembers the minute it shows (of the day, or from the start), so that a tick
  // formats and writes only the times that moved: a long programme's page is not rewritten, and
  // laid out again, four times a second.
  function blockAt(offset) {
    // Not a block's edge (a built note in the middle of one): the block it is in.
    var index = 0;
    while (index + 1 < prog.count && prog.offsets[index + 1] <= offset) {
      index++;
    }
    return index;
  }
  // A long programme: the guide's blocks in lists of PART blocks each, and the run-sheet's rows
  // in tables of PART rows, one under the other (the columns as wide as the first table's). A
  // time written in one part is laid out in that part alone, not among thousands of blocks (a
  // tenth to a quarter of a second for each minute of an over-run).
  var LONG = 200;
  var PART = 100;
  function splitLong(whole, items, makePart) {
    var last = whole;
    for (var i = PART; i < items.length; i += PART) {
      var part = makePart();
      items.slice(i, i + PART).forEach(function (item) {
        part.body.appendChild(item);
      });
      last.classList.add("kd-part--joined");
      last.parentNode.insertBefore(part.element, last.nextSibling);
      last = part.element;
    }
    return last;
  }
  all("ol.kd-guide").forEach(function (list) {
    var items = Array.prototype.slice.call(list.children);
    var named = list.className;
    if (items.length > LONG) {
      splitLong(list, items, function () {
        var part = document.createElement("ol");
        part.className = named;
        return { element: part, body: part };
      });
    }
  });
  all("table.kd-runsheet").forEach(function (table) {
    var body = table.tBodies[0];
    var head = table.tHead && table.tHead.rows[0];
    if (!body || !head || body.rows.length <= LONG) {
      return;
    }
    var widths = Array.prototype.map.call(head.cells, function (cell) {
      return cell.getBoundingClientRect().width;
    });
    var sum = widths.reduce(function (total, width) {
      return total + width;
    }, 0);
    function fixColumns(part) {
      var columns = document.createElement("colgroup");
      widths.forEach(function (width) {
        var column = document.createElement("col");
        column.style.width = ((100 * width) / sum).toFixed(3) + "%";
        columns.appendChild(column);
      });
      part.insertBefore(columns, part.firstChild);
      part.classList.add("kd-runsheet--part");
    }
    var named = table.className;
    fixColumns(table);
    var last = splitLong(table, Array.prototype.slice.call(body.rows), function () {
      var part = document.createElement("table");
      part.className = named;
      fixColumns(part);
      var partBody = document.createElement("tbody");
      part.appendChild(partBody);
      return { element: part, body: partBody };
    });
    if (table.tFoot) {
      last.appendChild(table.tFoot);
    }
  });

  var rows = all("[data-kd-offset]").map(function (element) {
    var edge = edgeAt(Number(element.getAttribute("data-kd-offset")));
    return { element: element, index: edge && !edge.end ? edge.index : -1, shown: null, clocks: [], minutes: [], near: true };
  });
  // The marks of each row, and those outside any row (a total, the end, a projector's time).
  var loose = { clocks: [], minutes: [] };
  var rowOf = new Map();
  rows.forEach(function (row) {
    rowOf.set(row.element, row);
  });
  function holder(element) {
    var row = element.closest("[data-kd-offset]");
    return (row && rowOf.get(row)) || loose;
  }
  all("[data-kd-clock]").forEach(function (element) {
    var offset = Number(element.getAttribute("data-kd-clock"));
    var edge = edgeAt(offset);
    holder(element).clocks.push({ element: element, edge: edge, offset: offset, inside: edge ? -1 : blockAt(offset), shown: null });
  });
  all("[data-kd-minutes-of]").forEach(function (element) {
    holder(element).minutes.push({ element: element, index: Number(element.getAttribute("data-kd-minutes-of")), shown: null });
  });

  // A long programme: a tick writes only the rows near the screen, and a row as it comes near;
  // every row before printing. Writing thousands of times at once (after an over-run, every
  // later block moves each minute) would lay the whole page out again, for half a second or more.
  var lastFigures = null;
  if (rows.length > LONG && "IntersectionObserver" in window) {
    var watcher = new IntersectionObserver(
      function (entries) {
        entries.forEach(function (entry) {
          var row = rowOf.get(entry.target);
          row.near = entry.isIntersecting;
          if (row.near && lastFigures) {
            renderRow(row, lastFigures);
          }
        });
      },
      { rootMargin: "100% 0px" }
    );
    rows.forEach(function (row) {
      row.near = false;
      watcher.observe(row.element);
    });
    window.addEventListener("beforeprint", function () {
      if (lastFigures) {
        rows.forEach(function (row) {
          renderRow(row, lastFigures);
        });
      }
    });
  }

  function moment(figures, minutes) {
    // A time of the programme as the page shows it: of the day, or from the start.
    return figures.startMs === null ? Run.formatOffset(minutes) : Run.formatClock(figures.startMs + minutes * MINUTE);
  }

  function markMinutes(figures, mark) {
    if (mark.edge) {
      return mark.edge.end ? figures.to[mark.edge.index] : figures.from[mark.edge.index];
    }
    var index = mark.inside;
    return figures.from[index] + Math.min(mark.offset - prog.offsets[index], figures.lengths[index]);
  }

  function shownMinute(figures, minutes) {
    // What decides a mark's text: the whole minute it shows, counted from the start or, with a
    // start, from the epoch (the time of day follows from it).
    return figures.startMs === null ? "+" + Math.round(minutes) : String(Math.round((figures.startMs + minutes * MINUTE) / MINUTE));
  }

  function renderMarks(part, figures) {
    part.clocks.forEach(function (mark) {
      var minutes = markMinutes(figures, mark);
      var key = shownMinute(figures, minutes);
      if (mark.shown !== key) {
        mark.shown = key;
        mark.element.textContent = moment(figures, minutes);
      }
    });
    part.minutes.forEach(function (mark) {
      var minutes = figures.lengths[mark.index];
      if (mark.shown !== minutes) {
        mark.shown = minutes;
        mark.element.textContent = String(minutes);
      }
    });
  }

  function renderRow(row, figures) {
    renderMarks(row, figures);
    var current = row.index >= 0 && row.index === figures.current;
    var past = row.index >= 0 && (figures.stage === "done" || (figures.current !== null && row.index < figures.current));
    var shown = current ? "current" : past ? "past" : "";
    if (row.shown === shown) {
      return;
    }
    row.shown = shown;
    row.element.classList.toggle("kd-block--current", current);
    row.element.classList.toggle("kd-block--past", past);
    if (current) {
      row.element.setAttribute("aria-current", "time");
    } else {
      row.element.removeAttribute("aria-current");
    }
  }

  function renderProgramme(figures) {
    lastFigures = figures;
    renderMarks(loose, figures);
    rows.forEach(function (row) {
      if (row.near) {
        renderRow(row, figures);
      }
    });
  }

  function delayWords(figures) {
    var minutes = Math.round(figures.delay);
    if (figures.startMs === null || figures.stage === "before" || figures.stage === "ready") {
      return "";
    }
    if (minutes === 0) {
      return labels.on_time;
    }
    return (minutes > 0 ? labels.behind : labels.ahead).replace("{minutes}", String(Math.abs(minutes)));
  }

  function startsText(figures, at) {
    if (figures.startMs === null) {
      return labels.live_before;
    }
    var time = labels.starts_at.replace("{time}", Run.formatClock(figures.startMs));
    // On another day than today the day is named too.
    return figures.day !== Run.isoDay(at) && data.starts_on ? data.starts_on + " " + time : labels.live_before + ", " + time;
  }

  function clockView(figures, at) {
    // What a clock shows: for its block on a projector view, else for the block at hand.
    var index = focus !== null ? focus : figures.shown;
    var stage = figures.stage;
    var remaining = figures.remaining;
    if (focus !== null) {
      var own = Run.focus(figures, focus);
      stage = own.stage;
      remaining = own.remaining;
    }
    var view = { stage: stage, index: index, title: "", words: "", countdown: "", remaining: null };
    if (index !== null && index !== undefined) {
      view.title = blocks[index].title;
    }
    if (stage === "before") {
      view.title = focus !== null ? blocks[focus].title : startsText(figures, at);
      view.words = labels.starts_in;
      var until = focus !== null ? (figures.startMs === null ? null : (figures.startMs + figures.from[focus] * MINUTE - at) / 1000) : figures.untilStart;
      view.countdown = until === null ? "" : until > 12 * 3600 ? Run.formatClock(at + until * 1000) : Run.formatCountdown(until);
      if (focus === null && figures.day !== Run.isoDay(at)) {
        view.words = labels.live_before;
        view.countdown = Run.formatClock(figures.startMs);
      }
    } else if (stage === "ready") {
      view.words = labels.stage_ready;
      view.countdown = Run.formatCountdown(figures.lengths[index] * 60);
    } else if (stage === "done") {
      view.title = focus !== null ? blocks[focus].title : labels.live_over;
      view.words = labels.live_over;
      view.countdown = focus !== null ? Run.formatCountdown(0) : "";
    } else {
      view.remaining = remaining;
      // Past its end (paused there too), a block counts up with a plus sign.
      var over = stage === "overtime" || (stage === "paused" && remaining < 0);
      view.countdown = over ? "+" + Run.formatCountdown(-remaining) : Run.formatCountdown(remaining);
      view.words = {
        running: labels.stage_normal,
        warning: labels.stage_warning,
        "time-up": labels.stage_up,
        overtime: labels.stage_over,
        paused: labels.stage_paused,
      }[stage].replace("{minutes}", String(Math.max(1, Math.ceil(remaining / 60))));
    }
    return view;
  }

  function render() {
    var at = now();
    var figures = Run.derive(prog, state, at);
    var view = clockView(figures, at);

    renderProgramme(figures);
    setAll(
      "[data-kd-live=total]",
      String(
        figures.lengths.reduce(function (sum, minutes) {
          return sum + minutes;
        }, 0)
      )
    );
    showAll(".kd-note--relative", figures.startMs === null);
    showAll(".kd-needs-start", figures.startMs !== null);
    var delay = Math.round(figures.delay);
    setAll("[data-kd-live=delay]", (delay > 0 ? "+" : "") + delay);
    setAll("[data-kd-live=predicted]", figures.expectedEnd === null ? "–" : Run.formatClock(figures.expectedEnd));
    showAll("[data-kd-live=end-row]", figures.expectedEnd !== null);

    var after = focus !== null ? null : figures.after;
    setAll("[data-kd-live=title]", view.title);
    setAll("[data-kd-live=stage]", view.words);
    setAll("[data-kd-live=countdown]", view.countdown);
    all("[data-kd-live=countdown]").forEach(function (element) {
      element.setAttribute("data-kd-chars", view.countdown.length > 5 ? "long" : "short");
    });
    setAll("[data-kd-live=next]", after !== null ? blocks[after].title : "");
    setAll("[data-kd-live=next-who]", after !== null && blocks[after].who ? labels.led_by.replace("{who}", blocks[after].who) : "");
    showAll("[data-kd-live=next-row]", after !== null);
    setAll("[data-kd-live=status]", delayWords(figures));
    setAll("[data-kd-live=time-of-day]", Run.formatClock(at));
    setAll("[data-kd-live=room]", figures.room);
    showAll("[data-kd-live=room]", figures.room !== "");
    showAll("[data-kd-live=rehearsal]", figures.rehearsal);
    document.documentElement.classList.toggle("kd-rehearsal", figures.rehearsal);
    document.documentElement.classList.toggle("kd-blackout", roomScreen && figures.blackout);
    all("[data-kd-stage]").forEach(function (element) {
      element.setAttribute("data-kd-stage", view.stage);
      element.setAttribute("data-kd-mode", figures.mode);
    });
    // A group task's projector: back when its block is expected to end.
    if (focus !== null && figures.startMs !== null) {
      setAll(".kd-projector__back [data-kd-clock]", Run.formatClock(figures.startMs + figures.to[focus] * MINUTE));
    }

    var running = figures.current !== null && figures.stage !== "paused";
    all("[data-kd-action=toggle]").forEach(function (button) {
      button.textContent =
        figures.stage === "paused" ? labels.timer_resume : running ? labels.timer_pause : labels.timer_start;
      button.setAttribute("aria-pressed", running ? "true" : "false");
    });
    all("[data-kd-action=undo]").forEach(function (button) {
      button.disabled = !state.history.length;
    });
    all("[data-kd-action=reset]").forEach(function (button) {
      button.textContent = armedReset ? labels.reset_confirm : labels.reset;
    });
    all("[data-kd-action=blackout]").forEach(function (button) {
      button.setAttribute("aria-pressed", figures.blackout ? "true" : "false");
    });
    all("[data-kd-action=rehearse]").forEach(function (button) {
      button.textContent = figures.rehearsal ? labels.rehearse_end : labels.rehearse_start;
      button.setAttribute("aria-pressed", figures.rehearsal ? "true" : "false");
    });
    all("[data-kd-mode-choice]").forEach(function (radio) {
      radio.checked = radio.value === figures.mode;
    });
    if (proposal && samePlan(proposal)) {
      proposal = null;
    }
    showAll("[data-kd-live=proposal]", proposal !== null);
    if (proposal) {
      setAll("[data-kd-live=proposal-text]", labels.link_proposes.replace("{time}", proposal.start === null ? "–" : Run.formatMinuteOfDay(proposal.start)));
    }
    if (view.stage !== lastStage) {
      window.requestAnimationFrame(fitText);
    }
    chime(view.stage);
    announce(view.remaining === null ? null : Math.ceil(view.remaining / 60), view.title, view.stage);
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

  function chime(stage) {
    if (lastStage !== null && stage !== lastStage && sound && (stage === "warning" || stage === "time-up")) {
      tone(stage === "time-up" ? [660, 880, 660] : [660]);
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

  // ---- what buttons and keys ask for ----

  function command(name) {
    if (name !== "reset") {
      disarm();
    }
    switch (name) {
      case "toggle":
        return act({ type: "toggle", block: focus === null ? undefined : focus });
      case "next":
      case "previous":
      case "undo":
      case "blackout":
        return act({ type: name });
      case "delay":
      case "shorten":
        return act({ type: "adjust", minutes: name === "delay" ? 5 : -5, block: focus === null ? undefined : focus });
      case "now":
        return act({ type: "followClock", now: true });
      case "rehearse":
        return act({ type: "rehearse" });
      case "clear-room":
        return act({ type: "message", text: "" });
      case "clear-speaker":
        return act({ type: "speakerMessage", text: "" });
      case "accept":
        var plan = proposal;
        proposal = null;
        return plan ? act(plan) || render() : render();
      case "dismiss":
        proposal = null;
        return render();
      case "reset":
        // Reset asks first: the first press arms it for a few seconds, the second resets.
        if (armedReset) {
          disarm();
          if (error) {
            error.hidden = true;
          }
          if (input) {
            input.removeAttribute("aria-invalid");
          }
          return act({ type: "reset" });
        }
        armedReset = window.setTimeout(function () {
          disarm();
          render();
        }, 4000);
        return render();
      case "sound":
        sound = !sound;
        try {
          localStorage.setItem(storageKey + ":sound", sound ? "on" : "off");
        } catch (ignored) {
          // Not kept; still on for this page.
        }
        if (sound) {
          tone([660]);
        }
        return markSound();
      case "fullscreen":
        if (document.fullscreenElement) {
          document.exitFullscreen();
        } else if (document.documentElement.requestFullscreen) {
          document.documentElement.requestFullscreen().catch(function () {});
        }
        return null;
      case "keys":
        return toggleKeys();
    }
    return null;
  }

  function disarm() {
    if (armedReset) {
      window.clearTimeout(armedReset);
      armedReset = null;
    }
  }

  function fill() {
    // The inputs show the state, unless the operator is typing in them.
    if (input && document.activeElement !== input) {
      input.value = state.start === null ? "" : Run.formatMinuteOfDay(state.start);
    }
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

  function remember() {
    // The address and the links between the live pages carry the start and the minutes added,
    // so a page opened from them (or where storage is refused) shows the same plan.
    var next = new URLSearchParams(window.location.search);
    if (state.start === null) {
      next.delete("start");
    } else {
      next.set("start", Run.formatMinuteOfDay(state.start));
    }
    var extra = Run.formatExtra(state.extra);
    if (extra) {
      next.set("extra", extra);
    } else {
      next.delete("extra");
    }
    var search = next.toString();
    window.history.replaceState(null, "", window.location.pathname + (search ? "?" + search : "") + window.location.hash);
    var carried = new URLSearchParams(search);
    carried.delete("now");
    document.querySelectorAll(".kd-switch a, a[data-kd-carry]").forEach(function (link) {
      var url = new URL(link.getAttribute("href").split("?")[0], window.location.href);
      url.search = carried.toString();
      link.setAttribute("href", url.pathname + url.search);
    });
  }

  var form = document.querySelector("[data-kd-live=form]");
  if (form) {
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var start = Run.parseClock(input.value);
      var ok = start !== null;
      error.hidden = ok;
      input.setAttribute("aria-invalid", ok ? "false" : "true");
      if (ok) {
        act({ type: "setStart", start: start });
        input.value = Run.formatMinuteOfDay(start);
      }
    });
  }
  document.querySelectorAll("[data-kd-message]").forEach(function (messageForm) {
    messageForm.addEventListener("submit", function (event) {
      event.preventDefault();
      var field = messageForm.querySelector("input");
      var type = messageForm.getAttribute("data-kd-message") === "room" ? "message" : "speakerMessage";
      act({ type: type, text: field.value.trim() });
    });
  });
  document.querySelectorAll("[data-kd-mode-choice]").forEach(function (radio) {
    radio.addEventListener("change", function () {
      if (radio.checked) {
        act({ type: radio.value === "hand" ? "runByHand" : "followClock" });
      }
    });
  });

  // The actions whose every click counts, a double click's second one too.
  var REPEATABLE = { delay: true, shorten: true };

  document.addEventListener("click", function (event) {
    var button = event.target.closest && event.target.closest("[data-kd-action]");
    var name = button && button.getAttribute("data-kd-action");
    // The second click of a double click (a habit of many hands) does not act again: it would
    // skip a second block, or pause what the first click started. Minutes may be added or taken
    // as fast as the buttons are clicked.
    if (button && (event.detail < 2 || REPEATABLE[name])) {
      command(name);
    }
    // A button of the live parts clicked with the pointer (an action, or a form's own, such as
    // setting the start) lets go of the focus, so that Space never repeats it; on the room's
    // screens the controls step aside at once.
    var clicked = button || (event.target.closest && event.target.closest(".kd-live button, [data-kd-autohide] button"));
    if (clicked && event.detail > 0) {
      clicked.blur();
      if (roomScreen) {
        rest();
      }
    }
  });

  // ---- keys ----

  var KEYS = {
    " ": "toggle",
    Spacebar: "toggle",
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
    b: "blackout",
    B: "blackout",
    m: "sound",
    M: "sound",
    f: "fullscreen",
    F: "fullscreen",
    "?": "keys",
  };

  document.addEventListener("keydown", function (event) {
    var typing = event.target.closest && event.target.closest("input, textarea, select, [contenteditable]");
    if ((event.ctrlKey || event.metaKey) && !event.altKey && (event.key === "z" || event.key === "Z") && !typing) {
      // Undo, on every live page.
      event.preventDefault();
      command("undo");
      return;
    }
    if (!roomScreen || event.altKey || event.ctrlKey || event.metaKey || typing) {
      return;
    }
    if (event.key === "Escape") {
      toggleKeys(false);
      return;
    }
    var name = KEYS[event.key];
    // On a focused link or button Enter is the control's own; Space is always start and pause.
    if (!name || (event.key === "Enter" && event.target.closest && event.target.closest("a, button"))) {
      return;
    }
    event.preventDefault();
    command(name);
  });

  // ---- the room's screens show controls only when asked ----

  var autohide = document.querySelectorAll("[data-kd-autohide]");
  var idleTimer = null;
  function rest() {
    window.clearTimeout(idleTimer);
    document.documentElement.classList.add("kd-idle");
  }
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
        rest();
      }
    }, 2500);
  }
  if (autohide.length) {
    ["pointermove", "focusin"].forEach(function (name) {
      document.addEventListener(name, function (event) {
        if (event.type === "focusin" && !(event.target.closest && event.target.closest("[data-kd-autohide], #kd-keys"))) {
          return;
        }
        wake();
      });
    });
    document.addEventListener("keydown", function (event) {
      if (event.key === "Tab" || event.key === "?") {
        wake();
      }
    });
    rest();
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

  // ---- begin ----

  // A run or a rehearsal from another day is over: a package's run-sheet starts the day ready
  // (its start and minutes kept), a rehearsal gives way to the real day. Either can be undone.
  var today = Run.isoDay(now());
  if (state.rehearsal && state.day !== today) {
    act({ type: "rehearse", on: false });
  } else if (!prog.date && state.run && state.day !== null && state.day !== today) {
    act({ type: "endRun" });
  }
  var plan = linkPlan();
  if (plan && !samePlan(plan)) {
    if (!state.history.length && Run.same(state, Run.fresh(prog))) {
      // Nothing set yet: the link's plan is the plan, in every window.
      act(plan);
    } else {
      proposal = plan;
    }
  }
  fill();
  document.querySelectorAll(".kd-live, .kd-nownext").forEach(function (element) {
    element.hidden = false;
  });
  markSound();
  remember();
  render();
  fitText();
  window.setInterval(render, 250);
})();
