/* Live mode for the facilitator guide, the run-sheet and the projector views.
 *
 * Plain JavaScript, no requests: works from a laptop without a network. The arithmetic is the
 * build's: a block starts `start + offset` minutes after midnight (wrapping at 24 h), where the
 * offset is the sum of the blocks before it, plus any minutes added with "+5 min" to blocks that
 * end at or before it. The address keeps the state (?start=09:30&extra=2:5) so that a reload or a
 * link to the run-sheet or a projector view shows the same times. ?now=10:00 sets the clock, for
 * rehearsing a day in advance.
 */
(function () {
  "use strict";

  var DAY = 24 * 60;
  var root = document.querySelector(".kd-live");
  if (!root) {
    return;
  }

  var durations = root.getAttribute("data-kd-durations").trim().split(/\s+/).map(Number);
  var titles = JSON.parse(root.getAttribute("data-kd-titles") || "[]");
  var focusText = root.getAttribute("data-kd-focus");
  var focus = focusText === null ? null : Number(focusText);
  var builtStart = parseClock(root.getAttribute("data-kd-start"));
  var labels = {
    before: root.getAttribute("data-kd-label-before"),
    over: root.getAttribute("data-kd-label-over"),
    noStart: root.getAttribute("data-kd-label-no-start"),
    announce: root.getAttribute("data-kd-label-announce"),
  };

  var offsets = [];
  var total = 0;
  durations.forEach(function (minutes) {
    offsets.push(total);
    total += minutes;
  });

  var params = new URLSearchParams(window.location.search);
  var state = {
    start: params.has("start") ? parseClock(params.get("start")) : builtStart,
    extra: parseExtra(params.get("extra")),
  };
  var clockShift = 0;
  var rehearsal = parseClockSeconds(params.get("now"));
  if (rehearsal !== null) {
    clockShift = (rehearsal - secondsOfDay(new Date())) * 1000;
  }
  var lastAnnounced = null;

  var input = root.querySelector("#kd-start");
  var error = root.querySelector("[data-kd-live=error]");

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
      var match = /^(\d+):(\d+)$/.exec(pair.trim());
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

  function nowSeconds() {
    return secondsOfDay(new Date(Date.now() + clockShift));
  }

  function formatClock(minutes) {
    minutes = ((minutes % DAY) + DAY) % DAY;
    return pad(Math.floor(minutes / 60)) + ":" + pad(minutes % 60);
  }

  function formatOffset(minutes) {
    return Math.floor(minutes / 60) + ":" + pad(minutes % 60);
  }

  function formatCountdown(seconds) {
    seconds = Math.max(0, Math.ceil(seconds));
    var hours = Math.floor(seconds / 3600);
    var minutes = Math.floor((seconds % 3600) / 60);
    var rest = pad(seconds % 60);
    return hours ? hours + ":" + pad(minutes) + ":" + rest : minutes + ":" + rest;
  }

  function delayBefore(offset) {
    // Minutes added to the blocks that are over by `offset`.
    var sum = 0;
    for (var i = 0; i < durations.length; i++) {
      if (offsets[i] + durations[i] <= offset) {
        sum += state.extra[i];
      }
    }
    return sum;
  }

  function totalDelay() {
    return state.extra.reduce(function (a, b) {
      return a + b;
    }, 0);
  }

  function shown(offset) {
    var minutes = offset + delayBefore(offset);
    return state.start === null ? formatOffset(minutes) : formatClock(state.start + minutes);
  }

  function blockSeconds(index) {
    // Start and end of a block in seconds since midnight, when a start time is set.
    var begin = (state.start + offsets[index] + delayBefore(offsets[index])) * 60;
    return { begin: begin, end: begin + (durations[index] + state.extra[index]) * 60 };
  }

  function currentIndex(now) {
    if (state.start === null) {
      return null;
    }
    for (var i = 0; i < durations.length; i++) {
      var slot = blockSeconds(i);
      if (slot.begin <= now && now < slot.end) {
        return i;
      }
    }
    return null;
  }

  function setAll(selector, text) {
    document.querySelectorAll(selector).forEach(function (element) {
      element.textContent = text;
    });
  }

  function render() {
    var now = nowSeconds();
    var current = currentIndex(now);

    document.querySelectorAll("[data-kd-clock]").forEach(function (element) {
      element.textContent = shown(Number(element.getAttribute("data-kd-clock")));
    });
    document.querySelectorAll("[data-kd-offset]").forEach(function (element) {
      var index = offsets.indexOf(Number(element.getAttribute("data-kd-offset")));
      var past = state.start !== null && index >= 0 && blockSeconds(index).end <= now;
      element.classList.toggle("kd-block--current", index === current && index >= 0);
      element.classList.toggle("kd-block--past", past);
      if (index === current && index >= 0) {
        element.setAttribute("aria-current", "time");
      } else {
        element.removeAttribute("aria-current");
      }
    });
    document.querySelectorAll(".kd-note--relative").forEach(function (element) {
      element.hidden = state.start !== null;
    });
    setAll("[data-kd-live=delay]", String(totalDelay()));

    var target = focus !== null ? focus : current;
    var title;
    var countdown;
    var remaining = null;
    if (state.start === null) {
      title = labels.noStart;
      countdown = focus !== null ? formatCountdown(durations[focus] * 60) : "–";
    } else if (target !== null && blockSeconds(target).begin <= now && now < blockSeconds(target).end) {
      title = titles[target];
      remaining = blockSeconds(target).end - now;
      countdown = formatCountdown(remaining);
    } else if (now < blockSeconds(focus !== null ? focus : 0).begin) {
      title = labels.before;
      // Before the day: the time until it starts. Before a group task: its full length.
      countdown =
        focus !== null
          ? formatCountdown((durations[focus] + state.extra[focus]) * 60)
          : formatCountdown(blockSeconds(0).begin - now);
    } else {
      title = labels.over;
      countdown = formatCountdown(0);
    }
    setAll("[data-kd-live=title]", title);
    setAll("[data-kd-live=countdown]", countdown);
    announce(remaining === null ? null : Math.ceil(remaining / 60), title);
  }

  function announce(minutes, title) {
    // Screen readers hear the time left once a minute, not every second.
    var key = minutes === null ? null : minutes + "|" + title;
    if (key === lastAnnounced) {
      return;
    }
    lastAnnounced = key;
    var text =
      minutes === null
        ? ""
        : labels.announce.replace("{minutes}", String(minutes)).replace("{title}", title);
    setAll("[data-kd-live=announce]", text);
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
    window.history.replaceState(null, "", window.location.pathname + (search ? "?" + search : ""));
    // The guide, the run-sheet and the projector views keep the same start and delays.
    document.querySelectorAll(".kd-switch a, a[data-kd-carry]").forEach(function (link) {
      var url = new URL(link.getAttribute("href").split("?")[0], window.location.href);
      url.search = search;
      link.setAttribute("href", url.pathname + url.search);
    });
  }

  function update() {
    lastAnnounced = null;
    remember();
    render();
  }

  root.querySelector("[data-kd-live=form]").addEventListener("submit", function (event) {
    event.preventDefault();
    var start = parseClock(input.value);
    var valid = start !== null;
    error.hidden = valid;
    input.setAttribute("aria-invalid", valid ? "false" : "true");
    if (valid) {
      state.start = start;
      input.value = formatClock(start);
      update();
    }
  });

  root.addEventListener("click", function (event) {
    var button = event.target.closest("[data-kd-action]");
    if (!button) {
      return;
    }
    var action = button.getAttribute("data-kd-action");
    if (action === "now") {
      var minute = Math.floor(nowSeconds() / 60);
      // On a projector view "now" is when this group task starts.
      state.start =
        focus !== null ? minute - offsets[focus] - delayBefore(offsets[focus]) : minute;
      state.start = ((state.start % DAY) + DAY) % DAY;
      input.value = formatClock(state.start);
    } else if (action === "delay") {
      var now = nowSeconds();
      var target = focus;
      if (target === null) {
        target = currentIndex(now);
      }
      if (target === null && state.start !== null && now < blockSeconds(0).begin) {
        target = 0;
      }
      if (target === null) {
        // No block is running: the delay goes to the next one to come, or else the last.
        target = durations.length - 1;
        for (var i = 0; i < durations.length; i++) {
          if (state.start === null || now < blockSeconds(i).begin) {
            target = i;
            break;
          }
        }
      }
      state.extra[target] += 5;
    } else if (action === "reset") {
      state.extra = parseExtra("");
      state.start = builtStart;
      input.value = state.start === null ? "" : formatClock(state.start);
      error.hidden = true;
      input.removeAttribute("aria-invalid");
    }
    update();
  });

  input.value = state.start === null ? "" : formatClock(state.start);
  root.hidden = false;
  remember();
  render();
  window.setInterval(render, 1000);
})();
