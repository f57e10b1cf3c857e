/* The run model of a programme in the room: one state, pure actions on it and one function that
 * derives every figure a view shows (the guide, the run-sheet, the timer, the projector views and
 * the presenter). No DOM and no clock of its own: every function is given the time, so the same
 * state at the same moment gives the same figures on every screen, and Node's test runner can
 * check it. A classic script (the offline copy runs from file://): a global `KulturdialogRun`,
 * and `module.exports` where there is a `module`.
 *
 * Times are milliseconds since the epoch; minutes of a programme are whole minutes. The state is
 * plain JSON, so it can be stored and sent between windows; whatever comes from outside the page
 * goes through `validate` first.
 */
(function (root) {
  "use strict";

  var MINUTE = 60000;
  var DAY_MINUTES = 24 * 60;
  var TIME_UP_SECONDS = 15; // how long "time is up" stands at 0:00 before overtime counts up
  var HISTORY = 20; // how many steps undo can go back
  var MAX_TEXT = 280; // a message to the room or the speaker
  var MAX_EXTRA = DAY_MINUTES; // minutes added to or taken from one block
  var LATEST = 1e13; // no time after the year 2286 is real
  var MAX_SPENT = 7 * 24 * 60 * MINUTE;
  var VERSION = 1;

  // ---- the programme: what the build says ----

  function programme(data) {
    // {blocks: [{minutes, warn}], start: "09:30" or null, date: "2023-04-27" or null}
    var durations = [];
    var warnings = [];
    var offsets = [];
    var total = 0;
    (data.blocks || []).forEach(function (block) {
      offsets.push(total);
      durations.push(block.minutes);
      warnings.push(typeof block.warn === "number" ? block.warn : 2);
      total += block.minutes;
    });
    return {
      durations: durations,
      warnings: warnings,
      offsets: offsets,
      total: total,
      count: durations.length,
      start: parseClock(data.start),
      date: typeof data.date === "string" && ISO_DAY.test(data.date) ? data.date : null,
    };
  }

  function fresh(prog) {
    return {
      v: VERSION,
      start: prog.start,
      extra: {},
      mode: "clock",
      run: null,
      day: null,
      rehearsal: false,
      saved: null,
      room: "",
      speaker: "",
      blackout: false,
      history: [],
      at: 0,
    };
  }

  // ---- time ----

  var ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

  function pad(number) {
    return (number < 10 ? "0" : "") + number;
  }

  function parseClock(text) {
    // 09:30, 9:30, 9.30, 0930 and 930 all mean half past nine; anything else is no time.
    if (typeof text !== "string") {
      return null;
    }
    var match = /^\s*([01]?\d|2[0-3])[:.]?([0-5]\d)\s*$/.exec(text);
    return match ? Number(match[1]) * 60 + Number(match[2]) : null;
  }

  function parseExtra(text, count) {
    // "2:5,3:-5": minutes added to blocks 2 and 3 (counted from 0), as in a prepared link.
    var extra = {};
    (typeof text === "string" ? text : "").split(",").forEach(function (pair) {
      var match = /^(\d{1,6}):(-?\d{1,4})$/.exec(pair.trim());
      if (match && Number(match[1]) < count && Math.abs(Number(match[2])) <= MAX_EXTRA) {
        if (Number(match[2]) !== 0) {
          extra[match[1]] = Number(match[2]);
        }
      }
    });
    return extra;
  }

  function formatExtra(extra) {
    return Object.keys(extra)
      .sort(function (a, b) {
        return a - b;
      })
      .map(function (key) {
        return key + ":" + extra[key];
      })
      .join(",");
  }

  function midnight(ms) {
    var day = new Date(ms);
    day.setHours(0, 0, 0, 0);
    return day.getTime();
  }

  function dayMs(iso) {
    var match = ISO_DAY.exec(iso);
    return new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3])).getTime();
  }

  function isoDay(ms) {
    var day = new Date(ms);
    return day.getFullYear() + "-" + pad(day.getMonth() + 1) + "-" + pad(day.getDate());
  }

  function minuteOfDay(ms) {
    return Math.floor((ms - midnight(ms)) / MINUTE);
  }

  function formatClock(ms) {
    // A moment as the time of day, to the minute.
    var minutes = Math.round((ms - midnight(ms)) / MINUTE);
    minutes = ((minutes % DAY_MINUTES) + DAY_MINUTES) % DAY_MINUTES;
    return pad(Math.floor(minutes / 60)) + ":" + pad(minutes % 60);
  }

  function formatMinuteOfDay(minutes) {
    minutes = ((Math.round(minutes) % DAY_MINUTES) + DAY_MINUTES) % DAY_MINUTES;
    return pad(Math.floor(minutes / 60)) + ":" + pad(minutes % 60);
  }

  function formatOffset(minutes) {
    // Time from the start, marked so that it never reads as a time of day.
    minutes = Math.round(minutes);
    return (minutes < 0 ? "−" : "+") + Math.floor(Math.abs(minutes) / 60) + ":" + pad(Math.abs(minutes) % 60);
  }

  function formatCountdown(seconds) {
    // 25:00, 1:02:03; whole seconds, rounded up so that 0:00 means the time is up.
    seconds = Math.max(0, Math.ceil(seconds - 1e-9));
    var hours = Math.floor(seconds / 3600);
    var minutes = Math.floor((seconds % 3600) / 60);
    var rest = pad(seconds % 60);
    return hours ? hours + ":" + pad(minutes) + ":" + rest : minutes + ":" + rest;
  }

  // ---- validation: nothing from storage, the address or another window is trusted ----

  function isInt(value, low, high) {
    return typeof value === "number" && Math.floor(value) === value && value >= low && value <= high;
  }

  function isTime(value, now) {
    return typeof value === "number" && isFinite(value) && value >= 0 && value <= Math.min(LATEST, now + DAY_MINUTES * MINUTE);
  }

  function isPlainObject(value) {
    return value !== null && typeof value === "object" && !Array.isArray(value);
  }

  function validIndexMap(map, count, check) {
    if (!isPlainObject(map)) {
      return false;
    }
    var keys = Object.keys(map);
    if (keys.length > count) {
      return false;
    }
    for (var i = 0; i < keys.length; i++) {
      if (!/^(0|[1-9]\d{0,6})$/.test(keys[i]) || Number(keys[i]) >= count || !check(map[keys[i]])) {
        return false;
      }
    }
    return true;
  }

  function validRun(prog, run, now) {
    if (run === null) {
      return true;
    }
    return (
      isPlainObject(run) &&
      isInt(run.block, 0, prog.count) &&
      isTime(run.since, now) &&
      (run.paused === null || (isTime(run.paused, now) && run.paused >= run.since)) &&
      validIndexMap(run.spent, prog.count, function (ms) {
        return isInt(ms, 0, MAX_SPENT);
      })
    );
  }

  function validCore(prog, state, now) {
    return (
      isPlainObject(state) &&
      state.v === VERSION &&
      (state.start === null || isInt(state.start, 0, DAY_MINUTES - 1)) &&
      (state.mode === "clock" || state.mode === "hand") &&
      validIndexMap(state.extra, prog.count, function (minutes) {
        return isInt(minutes, -MAX_EXTRA, MAX_EXTRA);
      }) &&
      validRun(prog, state.run, now) &&
      // A run needs a start to count from; the clock follows only a start.
      (state.run === null || (state.start !== null && state.mode === "hand")) &&
      (state.day === null || (typeof state.day === "string" && ISO_DAY.test(state.day) && !isNaN(dayMs(state.day)))) &&
      typeof state.rehearsal === "boolean" &&
      typeof state.room === "string" &&
      state.room.length <= MAX_TEXT &&
      typeof state.speaker === "string" &&
      state.speaker.length <= MAX_TEXT &&
      typeof state.blackout === "boolean"
    );
  }

  function validSnapshot(prog, snapshot, now, nested) {
    return (
      validCore(prog, snapshot, now) &&
      (snapshot.saved === null || (!nested && validSnapshot(prog, snapshot.saved, now, true)))
    );
  }

  function validate(prog, candidate, now) {
    // True only for a state this programme can run: any other value is to be ignored.
    try {
      return (
        validSnapshot(prog, candidate, now, false) &&
        isTime(candidate.at, now) &&
        Array.isArray(candidate.history) &&
        candidate.history.length <= HISTORY &&
        candidate.history.every(function (snapshot) {
          return validSnapshot(prog, snapshot, now, false);
        })
      );
    } catch (ignored) {
      // A getter that throws, a cycle: not a state.
      return false;
    }
  }

  // ---- arithmetic of a state ----

  function length(prog, state, index) {
    // Minutes of a block with what was added or taken; never less than one.
    return Math.max(1, prog.durations[index] + (state.extra[index] || 0));
  }

  function runDay(prog, state, now) {
    // The day the programme runs: a rehearsal's own day, the gathering's date, or today.
    return state.day || prog.date || isoDay(now);
  }

  function startMs(prog, state, now) {
    return state.start === null ? null : dayMs(runDay(prog, state, now)) + state.start * MINUTE;
  }

  function elapsedOf(run, now) {
    return (run.paused !== null ? run.paused : now) - run.since;
  }

  function clockPosition(prog, state, now) {
    // Following the clock: the block whose planned time it is (-1 before, count after).
    var begin = startMs(prog, state, now);
    var at = begin;
    for (var i = 0; i < prog.count; i++) {
      var end = at + length(prog, state, i) * MINUTE;
      if (now < at) {
        return { index: i - 1, begin: at };
      }
      if (now < end) {
        return { index: i, begin: at };
      }
      at = end;
    }
    return { index: prog.count, begin: at };
  }

  // ---- deriving what the views show ----

  function derive(prog, state, now) {
    var n = prog.count;
    var lengths = [];
    var planned = 0;
    for (var i = 0; i < n; i++) {
      lengths.push(length(prog, state, i));
      planned += lengths[i];
    }
    var base = startMs(prog, state, now);
    var figures = {
      stage: "ready",
      mode: state.mode,
      rehearsal: state.rehearsal,
      blackout: state.blackout,
      room: state.room,
      speaker: state.speaker,
      day: runDay(prog, state, now),
      current: null,
      next: n ? 0 : null,
      remaining: null,
      elapsed: null,
      untilStart: null,
      delay: 0,
      startMs: base,
      plannedEnd: null,
      expectedEnd: null,
      lengths: lengths,
      from: new Array(n),
      to: new Array(n),
    };
    var t;
    var run = state.mode === "hand" ? state.run : null;
    if (run) {
      // By hand: the block that runs began `elapsed` ago; the blocks after it follow it, and the
      // blocks before it ran the time they were given (or their length, when not known).
      var index = run.block;
      var elapsed = elapsedOf(run, now);
      var anchor = (run.block < n ? now - elapsed : run.since) - base;
      t = anchor;
      for (var before = index - 1; before >= 0; before--) {
        var spent = run.spent[before];
        figures.to[before] = t / MINUTE;
        t -= typeof spent === "number" ? spent : lengths[before] * MINUTE;
        figures.from[before] = t / MINUTE;
      }
      t = anchor;
      if (index < n) {
        var remaining = lengths[index] * MINUTE - elapsed;
        figures.current = index;
        figures.next = index + 1 < n ? index + 1 : null;
        figures.elapsed = elapsed / 1000;
        figures.remaining = remaining / 1000;
        figures.from[index] = t / MINUTE;
        t = now - base + Math.max(0, remaining);
        figures.to[index] = t / MINUTE;
        figures.stage =
          run.paused !== null ? "paused" : stageOf(figures.remaining, prog.warnings[index]);
        for (var after = index + 1; after < n; after++) {
          figures.from[after] = t / MINUTE;
          t += lengths[after] * MINUTE;
          figures.to[after] = t / MINUTE;
        }
      } else {
        figures.stage = "done";
        figures.next = null;
      }
    } else {
      // Following the clock (or not started): every block at its planned time.
      t = 0;
      for (var j = 0; j < n; j++) {
        figures.from[j] = t / MINUTE;
        t += lengths[j] * MINUTE;
        figures.to[j] = t / MINUTE;
      }
      if (state.mode === "clock" && base !== null && n) {
        var position = clockPosition(prog, state, now);
        if (position.index < 0) {
          figures.stage = "before";
          figures.untilStart = (base - now) / 1000;
        } else if (position.index >= n) {
          figures.stage = "done";
          figures.next = null;
        } else {
          var left = (position.begin + lengths[position.index] * MINUTE - now) / 1000;
          figures.current = position.index;
          figures.next = position.index + 1 < n ? position.index + 1 : null;
          figures.elapsed = (now - position.begin) / 1000;
          figures.remaining = left;
          figures.stage = stageOf(left, prog.warnings[position.index]);
        }
      }
    }
    // The block a clock shows (the first, while it is ready to start) and the one after it.
    figures.shown = figures.current !== null ? figures.current : figures.stage === "ready" && n ? 0 : null;
    figures.after = figures.shown !== null ? (figures.shown + 1 < n ? figures.shown + 1 : null) : figures.next;
    if (base !== null) {
      figures.plannedEnd = base + prog.total * MINUTE;
      figures.expectedEnd = base + (n ? figures.to[n - 1] : 0) * MINUTE;
      if (run && run.block >= n) {
        figures.expectedEnd = run.since;
      }
      figures.delay = (figures.expectedEnd - figures.plannedEnd) / MINUTE;
    } else {
      figures.delay = planned - prog.total;
    }
    return figures;
  }

  function stageOf(remaining, warnMinutes) {
    if (remaining > warnMinutes * 60) {
      return "running";
    }
    if (remaining > 0) {
      return "warning";
    }
    return remaining > -TIME_UP_SECONDS ? "time-up" : "overtime";
  }

  function focus(figures, index) {
    // What a view of one block shows (a group task's projector): the running block's figures
    // when it runs; its own expected time before; done after.
    if (figures.current === index) {
      return {
        stage: figures.stage,
        remaining: figures.remaining,
        from: figures.from[index],
        to: figures.to[index],
        waiting: false,
      };
    }
    var past =
      figures.stage === "done" || (figures.current !== null && figures.current > index);
    return {
      stage: past ? "done" : figures.stage === "before" || figures.current !== null ? "before" : "ready",
      remaining: past ? 0 : figures.lengths[index] * 60,
      from: figures.from[index],
      to: figures.to[index],
      waiting: !past,
    };
  }

  // ---- actions ----

  function snapshot(state) {
    // A copy without the undo history and the time of change.
    return {
      v: state.v,
      start: state.start,
      extra: copyMap(state.extra),
      mode: state.mode,
      run: state.run
        ? { block: state.run.block, since: state.run.since, paused: state.run.paused, spent: copyMap(state.run.spent) }
        : null,
      day: state.day,
      rehearsal: state.rehearsal,
      saved: state.saved ? snapshot(state.saved) : null,
      room: state.room,
      speaker: state.speaker,
      blackout: state.blackout,
    };
  }

  function copyMap(map) {
    var copy = {};
    Object.keys(map).forEach(function (key) {
      copy[key] = map[key];
    });
    return copy;
  }

  function same(a, b) {
    return JSON.stringify(snapshot(a)) === JSON.stringify(snapshot(b));
  }

  function newer(other, state) {
    // Whether a state from another window replaces this one: the later change wins, and of two
    // made at the same moment the same one in every window (compared as text), so that windows
    // that acted at once, each before hearing of the other, end alike.
    if (other.at !== state.at) {
      return other.at > state.at;
    }
    return JSON.stringify(snapshot(other)) > JSON.stringify(snapshot(state));
  }

  function offDay(prog, state, now) {
    // The real state of a gathering, on another day than its date: starting means rehearsing.
    return !state.rehearsal && prog.date !== null && prog.date !== isoDay(now);
  }

  function enterRehearsal(prog, state, now, start) {
    var rehearsal = snapshot(fresh(prog));
    rehearsal.rehearsal = true;
    rehearsal.day = isoDay(now);
    rehearsal.start = start === undefined ? state.start : start;
    rehearsal.saved = snapshot(state);
    rehearsal.saved.saved = null;
    rehearsal.room = state.room;
    rehearsal.speaker = state.speaker;
    return rehearsal;
  }

  function startHand(prog, s, now, block) {
    // By hand from `block`, now. Without a start, the start is set so that the block is on time.
    var first = typeof block === "number" && block >= 0 && block < prog.count ? block : 0;
    if (offDay(prog, s, now)) {
      s = enterRehearsal(prog, s, now, null);
    }
    if (s.start === null) {
      var offset = 0;
      for (var i = 0; i < first; i++) {
        offset += length(prog, s, i);
      }
      s.start = (((minuteOfDay(now) - offset) % DAY_MINUTES) + DAY_MINUTES) % DAY_MINUTES;
    }
    if (s.day === null && prog.date === null) {
      s.day = isoDay(now);
    }
    s.mode = "hand";
    s.run = { block: first, since: now, paused: null, spent: {} };
    return s;
  }

  function toHand(prog, s, now) {
    // Following the clock, the block that runs is taken over by hand as it stands.
    if (s.mode !== "clock" || s.start === null || !prog.count) {
      return s;
    }
    var position = clockPosition(prog, s, now);
    if (position.index < 0) {
      return s;
    }
    s.mode = "hand";
    s.day = s.day || (prog.date === null ? isoDay(now) : null);
    s.run = { block: position.index, since: position.begin, paused: null, spent: {} };
    if (position.index >= prog.count) {
      s.run.since = Math.min(position.begin, now);
    }
    return s;
  }

  function move(prog, s, now, step) {
    var run = s.run;
    var target = run.block + step;
    if (target < 0 || target > prog.count) {
      return s;
    }
    if (run.block < prog.count) {
      run.spent[run.block] = Math.max(0, Math.min(MAX_SPENT, elapsedOf(run, now)));
    }
    // Back to a block that ran: it goes on from where it was left.
    var spent = target < prog.count ? run.spent[target] : undefined;
    if (step < 0 && typeof spent !== "number") {
      spent = length(prog, s, target) * MINUTE;
    }
    var resume = typeof spent === "number" ? spent : 0;
    delete run.spent[target];
    run.block = target;
    run.since = now - (target < prog.count ? resume : 0);
    run.paused = run.paused !== null && target < prog.count ? now : null;
    return s;
  }

  var ACTIONS = {
    setStart: function (prog, s, now, action) {
      // A start typed in, or a proposed one accepted: every time follows.
      if (action.start === null) {
        // A run counts from its start: only a programme that does not run can lose it.
        s.start = s.run ? s.start : null;
      } else if (isInt(action.start, 0, DAY_MINUTES - 1)) {
        s.start = action.start;
      }
      return s;
    },
    plan: function (prog, s, now, action) {
      // A prepared link's start and minutes, accepted: both at once, one step to undo.
      var extra = action.extra;
      if (!validIndexMap(extra, prog.count, function (minutes) {
        return isInt(minutes, -MAX_EXTRA, MAX_EXTRA);
      })) {
        return s;
      }
      s = ACTIONS.setStart(prog, s, now, action);
      s.extra = copyMap(extra);
      return s;
    },
    followClock: function (prog, s, now, action) {
      if (action.now || (s.start === null && action.start === undefined)) {
        if (offDay(prog, s, now)) {
          s = enterRehearsal(prog, s, now, null);
        }
        s.start = minuteOfDay(now);
        s.day = s.rehearsal ? isoDay(now) : s.day;
      } else if (typeof action.start === "number") {
        s.start = action.start;
      }
      s.mode = "clock";
      s.run = null;
      return s;
    },
    runByHand: function (prog, s, now) {
      if (s.mode === "hand") {
        return s;
      }
      s = toHand(prog, s, now);
      s.mode = "hand";
      if (s.run && s.run.block >= prog.count) {
        s.run = null;
      }
      return s;
    },
    toggle: function (prog, s, now, action) {
      // Start, pause and resume: what Space does everywhere.
      var figures = derive(prog, s, now);
      if (figures.current === null && offDay(prog, s, now)) {
        s = enterRehearsal(prog, s, now, null);
        figures = derive(prog, s, now);
      }
      if (figures.current === null) {
        return figures.stage === "done" ? s : startHand(prog, s, now, action.block);
      }
      s = toHand(prog, s, now);
      if (s.run.paused === null) {
        s.run.paused = now;
      } else {
        s.run.since += now - s.run.paused;
        s.run.paused = null;
      }
      return s;
    },
    next: function (prog, s, now) {
      var figures = derive(prog, s, now);
      if (figures.current === null && offDay(prog, s, now)) {
        s = enterRehearsal(prog, s, now, null);
        figures = derive(prog, s, now);
      }
      if (figures.current === null && figures.stage !== "done") {
        // Nothing runs yet: the first block is next, and next starts it.
        return startHand(prog, s, now, 0);
      }
      s = toHand(prog, s, now);
      return s.run ? move(prog, s, now, 1) : s;
    },
    previous: function (prog, s, now) {
      s = toHand(prog, s, now);
      return s.mode === "hand" && s.run ? move(prog, s, now, -1) : s;
    },
    adjust: function (prog, s, now, action) {
      // ±N minutes to a block: the given one, the one that runs, or the next to come.
      var figures = derive(prog, s, now);
      var target = action.block;
      if (typeof target !== "number" || target < 0 || target >= prog.count) {
        target = figures.current !== null ? figures.current : figures.stage === "done" ? prog.count - 1 : 0;
      }
      if (target < 0 || !isInt(action.minutes, -MAX_EXTRA, MAX_EXTRA)) {
        return s;
      }
      var extra = (s.extra[target] || 0) + action.minutes;
      extra = Math.max(1 - prog.durations[target], Math.min(MAX_EXTRA, Math.max(-MAX_EXTRA, extra)));
      if (extra) {
        s.extra[target] = extra;
      } else {
        delete s.extra[target];
      }
      return s;
    },
    endRun: function (prog, s) {
      // Yesterday's run of a programme without a date: over, its start and minutes kept.
      s.run = null;
      s.day = prog.date === null ? null : s.day;
      return s;
    },
    reset: function (prog, s) {
      var clean = snapshot(fresh(prog));
      if (s.rehearsal) {
        clean.rehearsal = true;
        clean.day = s.day;
        clean.saved = s.saved;
      }
      return clean;
    },
    message: function (prog, s, now, action) {
      s.room = String(action.text || "").slice(0, MAX_TEXT);
      return s;
    },
    speakerMessage: function (prog, s, now, action) {
      s.speaker = String(action.text || "").slice(0, MAX_TEXT);
      return s;
    },
    blackout: function (prog, s, now, action) {
      s.blackout = typeof action.on === "boolean" ? action.on : !s.blackout;
      return s;
    },
    rehearse: function (prog, s, now, action) {
      // On: a rehearsal today from a chosen start, with the real state kept aside. Off: back.
      var on = typeof action.on === "boolean" ? action.on : !s.rehearsal;
      if (on === s.rehearsal) {
        return s;
      }
      if (on) {
        return enterRehearsal(prog, s, now, typeof action.start === "number" ? action.start : s.start);
      }
      var real = s.saved ? snapshot(s.saved) : snapshot(fresh(prog));
      real.rehearsal = false;
      real.saved = null;
      real.room = s.room;
      real.speaker = s.speaker;
      real.blackout = s.blackout;
      return real;
    },
  };

  var NAMES = Object.keys(ACTIONS).concat(["undo"]);

  function act(prog, state, action, now) {
    // A new state after `action` at `now`; the old one is left as it was. An action that
    // changes nothing returns the state itself, so it leaves no step to undo.
    if (action.type === "undo") {
      if (!state.history.length) {
        return state;
      }
      var back = snapshot(state.history[state.history.length - 1]);
      back.history = state.history.slice(0, -1);
      back.at = Math.max(now, state.at);
      return back;
    }
    var apply = ACTIONS[action.type];
    if (!apply) {
      return state;
    }
    var next = apply(prog, snapshot(state), now, action);
    if (same(next, state)) {
      return state;
    }
    next.history = state.history.concat([snapshot(state)]).slice(-HISTORY);
    next.at = Math.max(now, state.at);
    return next;
  }

  var api = {
    MINUTE: MINUTE,
    HISTORY: HISTORY,
    TIME_UP_SECONDS: TIME_UP_SECONDS,
    MAX_TEXT: MAX_TEXT,
    ACTIONS: NAMES,
    programme: programme,
    fresh: fresh,
    validate: validate,
    act: act,
    derive: derive,
    focus: focus,
    snapshot: snapshot,
    same: same,
    newer: newer,
    parseClock: parseClock,
    parseExtra: parseExtra,
    formatExtra: formatExtra,
    formatClock: formatClock,
    formatMinuteOfDay: formatMinuteOfDay,
    formatOffset: formatOffset,
    formatCountdown: formatCountdown,
    isoDay: isoDay,
    dayMs: dayMs,
    midnight: midnight,
    minuteOfDay: minuteOfDay,
  };
  root.KulturdialogRun = api;
  if (typeof module === "object" && module && module.exports) {
    module.exports = api;
  }
})(typeof self !== "undefined" ? self : this);
