// Presenter and speaker views: one slide at a time on a stage of fixed shape (16:9 or 4:3),
// scaled to fit the window and letterboxed, so a slide looks the same on every screen. The
// audience's window and the speaker's window (opened with S) keep to the same slide over a
// BroadcastChannel. Without this script every slide stays on the page in order, so the slides
// can still be read (and printed) top to bottom.
(function () {
  "use strict";

  var deck = document.querySelector("[data-kd-deck]");
  if (!deck) {
    return;
  }
  var speakerView = document.body.classList.contains("kd-speaker");
  var data = JSON.parse((document.getElementById("kd-deck-data") || {}).textContent || "{}");
  var slides = Array.prototype.slice.call(deck.querySelectorAll("[data-kd-slide]"));
  var nextDeck = document.querySelector("[data-kd-deck-next]");
  var nextSlides = nextDeck ? Array.prototype.slice.call(nextDeck.querySelectorAll("[data-kd-slide]")) : [];
  var notes = Array.prototype.slice.call(document.querySelectorAll("[data-kd-notes]"));
  var status = document.querySelector("[data-kd-status]");
  // This copy of the site (the folder presenter.js came from): an offline copy opened from
  // file:// keeps its state apart from other local pages.
  var script = document.currentScript;
  var siteRoot = script && script.src ? script.src.replace(/assets\/presenter\.js([?#].*)?$/, "") : "";
  var channel = "BroadcastChannel" in window ? new BroadcastChannel("kulturdialog-deck:" + siteRoot + data.key) : null;
  var storageKey = "kulturdialog-deck:" + siteRoot + data.key;
  var packageKey = "package:" + String(data.key).split("/")[0];
  var liveKey = "kulturdialog-live:" + siteRoot + ":" + packageKey;
  var liveChannel = speakerView && "BroadcastChannel" in window ? new BroadcastChannel("kulturdialog-live:" + siteRoot) : null;
  var wide = document.body.getAttribute("data-kd-aspect") !== "4:3";
  var STAGE = { width: wide ? 1600 : 1200, height: 900 };
  var current = 0;
  var clock = loadClock();

  function isSlide(value) {
    return typeof value === "number" && Math.floor(value) === value && value >= 0 && value < slides.length;
  }

  function isTime(value) {
    return typeof value === "number" && isFinite(value) && value >= 0 && value <= Date.now() + 86400000;
  }

  function isoDay(ms) {
    var day = new Date(ms);
    return day.getFullYear() + "-" + (day.getMonth() + 1) + "-" + day.getDate();
  }

  function loadClock() {
    // The speaker's clock and the slide the room sees, as both windows keep them. A clock from
    // another day belongs to another session: this one starts afresh.
    var clean = { began: null, step: null, stepBegan: null, slide: null, blackout: false };
    try {
      var stored = JSON.parse(localStorage.getItem(storageKey) || "null");
      if (stored && typeof stored === "object") {
        if (isTime(stored.began) && isoDay(stored.began) === isoDay(Date.now())) {
          clean.began = stored.began;
          if (isTime(stored.stepBegan) && typeof stored.step === "number" && (data.steps || [])[stored.step]) {
            clean.step = stored.step;
            clean.stepBegan = stored.stepBegan;
          }
        }
        clean.slide = isSlide(stored.slide) ? stored.slide : null;
        clean.blackout = stored.blackout === true;
      }
    } catch (ignored) {
      // Storage refused or spoiled: the clock starts with this window.
    }
    return clean;
  }

  function saveClock() {
    try {
      localStorage.setItem(storageKey, JSON.stringify(clock));
    } catch (ignored) {
      // Kept for this window only.
    }
  }

  function fromHash() {
    // The slide in the address; without one, the slide the room sees now.
    var number = parseInt(window.location.hash.slice(1), 10);
    if (isNaN(number)) {
      return clock.slide !== null ? clock.slide : 0;
    }
    return Math.min(Math.max(number, 1), slides.length) - 1;
  }

  function stepOf(index) {
    var steps = data.steps || [];
    for (var i = 0; i < steps.length; i++) {
      if (steps[i].slides.indexOf(index + 1) >= 0) {
        return i;
      }
    }
    return null;
  }

  function show(index, quiet) {
    current = Math.min(Math.max(index, 0), slides.length - 1);
    slides.forEach(function (slide, i) {
      slide.hidden = i !== current;
    });
    nextSlides.forEach(function (slide, i) {
      slide.hidden = i !== Math.min(current + 1, nextSlides.length - 1);
    });
    notes.forEach(function (note, i) {
      note.hidden = i !== current;
    });
    if (status) {
      status.textContent = status
        .getAttribute("data-kd-template")
        .replace("{number}", String(current + 1))
        .replace("{total}", String(slides.length));
    }
    // The address keeps the slide, so a reload or a shared link opens the same one.
    if (window.location.hash !== "#" + (current + 1)) {
      window.history.replaceState(null, "", window.location.pathname + window.location.search + "#" + (current + 1));
    }
    var step = stepOf(current);
    if (step !== null && step !== clock.step) {
      clock.step = step;
      clock.stepBegan = Date.now();
      clock.began = clock.began || Date.now();
    }
    if (clock.slide !== current) {
      clock.slide = current;
    }
    saveClock();
    fit(slides[current]);
    if (!quiet && channel) {
      channel.postMessage({ slide: current });
    }
    if (!quiet && room.acted) {
      room.acted({ slide: current }, room.state());
    }
    tick();
  }

  // For the room's server only (its script, added to the pages it serves, sets `acted`): the
  // slide and blackout as they stand, a state from the room taken as it comes, a change made.
  var room = {
    key: "deck:" + data.key,
    // The speaker view reads the operator's message to the speaker from its package's run
    // state too (only that: the room's state of the package is not this page's to take).
    also: speakerView ? packageKey : null,
    hear: speakerMessage,
    state: function () {
      return { slide: current, blackout: clock.blackout };
    },
    take: function (other) {
      if (!other || typeof other !== "object" || !isSlide(other.slide) || typeof other.blackout !== "boolean") {
        return false;
      }
      if (other.blackout !== clock.blackout) {
        clock.blackout = other.blackout;
        saveClock();
        markBlackout();
      }
      if (other.slide !== current) {
        show(other.slide, true);
      }
      return true;
    },
    act: function (change) {
      if (typeof change.blackout === "boolean" && change.blackout !== clock.blackout) {
        blackout();
      }
      if (isSlide(change.slide) && change.slide !== current) {
        show(change.slide);
      }
    },
    acted: null,
  };
  window.KulturdialogDeck = room;

  if (channel) {
    channel.addEventListener("message", function (event) {
      // Only a slide this deck has; anything else sent on the channel is ignored.
      if (!event.data || typeof event.data !== "object") {
        return;
      }
      if (typeof event.data.blackout === "boolean") {
        clock.blackout = event.data.blackout;
        markBlackout();
      }
      if (isSlide(event.data.slide) && event.data.slide !== current) {
        clock = loadClock();
        show(event.data.slide, true);
      }
    });
  }

  // ---- the stage: fixed shape, scaled to the window, letterboxed ----

  function scale() {
    document.querySelectorAll(".kd-deck, [data-kd-deck-next]").forEach(function (stage) {
      var box = stage.parentElement === document.body ? null : stage.parentElement;
      var width = box ? box.clientWidth : window.innerWidth;
      var height = box ? box.clientHeight : window.innerHeight;
      var factor = Math.min(width / STAGE.width, height / STAGE.height);
      stage.style.setProperty("--kd-stage-scale", String(factor));
    });
  }

  var MIN_TEXT_FIT = 0.8; // points of 30 px on the stage stay at least 28 px at 1920×1080
  var MIN_CHART_FIT = 0.45;
  var MIN_CAPTION_FIT = 0.75;

  function overflows(face) {
    return face.scrollHeight > face.clientHeight + 1 || face.scrollWidth > face.clientWidth + 1;
  }

  function fit(slide) {
    // A slide with more than its stage holds shrinks its figures first (the words around a
    // chart, then the chart), then its text, until it fits; the stage is the same size everywhere, so this is the same on every screen.
    if (!slide) {
      return;
    }
    var face = slide.querySelector(".kd-deck__face");
    if (!face || slide.hasAttribute("data-kd-fitted")) {
      return;
    }
    var chart = 1;
    var size = 1;
    face.style.setProperty("--kd-fit", "1");
    face.style.setProperty("--kd-chart-fit", "1");
    var hasChart = !!face.querySelector(".kd-chart");
    var caption = 1;
    face.style.setProperty("--kd-caption-fit", "1");
    while (hasChart && overflows(face) && caption > MIN_CAPTION_FIT) {
      caption = Math.max(MIN_CAPTION_FIT, caption * 0.95);
      face.style.setProperty("--kd-caption-fit", caption.toFixed(3));
    }
    while (hasChart && overflows(face) && chart > MIN_CHART_FIT) {
      chart = Math.max(MIN_CHART_FIT, chart * 0.97);
      face.style.setProperty("--kd-chart-fit", chart.toFixed(3));
    }
    var floor = hasChart ? MIN_TEXT_FIT : 0.5;
    for (var i = 0; i < 15 && overflows(face) && size > floor; i++) {
      size = Math.max(floor, size * 0.93);
      face.style.setProperty("--kd-fit", size.toFixed(3));
    }
    slide.setAttribute("data-kd-fitted", "");
  }

  // ---- the speaker's clock ----

  function pad(number) {
    return (number < 10 ? "0" : "") + number;
  }

  function duration(seconds) {
    var sign = seconds < 0 ? "+" : "";
    seconds = Math.abs(Math.round(seconds));
    var hours = Math.floor(seconds / 3600);
    var minutes = Math.floor((seconds % 3600) / 60);
    var rest = pad(seconds % 60);
    return sign + (hours ? hours + ":" + pad(minutes) + ":" + rest : minutes + ":" + rest);
  }

  function speakerMessage(state) {
    // The operator's message to the speaker, from the package's live state: only its text is
    // read, and only when it is text of a sensible length.
    var text = state && typeof state === "object" && typeof state.speaker === "string" ? state.speaker : "";
    var box = document.querySelector("[data-kd-speaker-message]");
    if (box && text.length <= 280) {
      box.textContent = text;
      box.hidden = text === "";
    }
  }

  function loadMessage() {
    try {
      speakerMessage(JSON.parse(localStorage.getItem(liveKey) || "null"));
    } catch (ignored) {
      speakerMessage(null);
    }
  }

  if (liveChannel) {
    liveChannel.addEventListener("message", function (event) {
      if (event.data && typeof event.data === "object" && event.data.key === packageKey) {
        speakerMessage(event.data.state);
      }
    });
  }

  function markBlackout() {
    document.documentElement.classList.toggle("kd-blackout", !speakerView && clock.blackout);
    document.querySelectorAll("[data-kd-go=blackout]").forEach(function (button) {
      button.setAttribute("aria-pressed", clock.blackout ? "true" : "false");
    });
  }

  function blackout() {
    clock.blackout = !clock.blackout;
    saveClock();
    markBlackout();
    if (channel) {
      channel.postMessage({ blackout: clock.blackout });
    }
    if (room.acted) {
      room.acted({ blackout: clock.blackout }, room.state());
    }
  }

  function tick() {
    if (!speakerView) {
      return;
    }
    var now = Date.now();
    var timeOfDay = document.querySelector("[data-kd-time-of-day]");
    if (timeOfDay) {
      var date = new Date(now);
      timeOfDay.textContent = pad(date.getHours()) + ":" + pad(date.getMinutes());
    }
    var elapsed = document.querySelector("[data-kd-elapsed]");
    var left = document.querySelector("[data-kd-step-left]");
    var stepText = document.querySelector("[data-kd-step]");
    if (elapsed) {
      elapsed.textContent = duration(clock.began ? (now - clock.began) / 1000 : 0);
    }
    var step = clock.step !== null ? (data.steps || [])[clock.step] : null;
    if (left) {
      left.textContent = step ? duration(step.minutes * 60 - (now - clock.stepBegan) / 1000) : "–";
      left.classList.toggle("kd-speaker__over", !!step && step.minutes * 60 < (now - clock.stepBegan) / 1000);
    }
    if (stepText) {
      stepText.textContent = step ? step.activity : "";
    }
  }

  // ---- moving ----

  function toggleFullScreen() {
    if (document.fullscreenElement) {
      document.exitFullscreen();
    } else if (document.documentElement.requestFullscreen) {
      document.documentElement.requestFullscreen().catch(function () {});
    }
  }

  function openSpeaker() {
    var href = deck.getAttribute("data-kd-speaker-href");
    if (href) {
      window.open(href + "#" + (current + 1), "kd-speaker-" + data.key, "width=1100,height=700");
    }
  }

  var KEYS = {
    ArrowRight: 1,
    ArrowDown: 1,
    PageDown: 1,
    " ": 1,
    Spacebar: 1,
    ArrowLeft: -1,
    ArrowUp: -1,
    PageUp: -1,
  };

  document.addEventListener("keydown", function (event) {
    if (event.altKey || event.ctrlKey || event.metaKey) {
      return;
    }
    if (event.target.closest && event.target.closest("a, button")) {
      if (event.key === " " || event.key === "Enter") {
        return;
      }
    }
    if (event.key in KEYS) {
      show(current + (event.shiftKey && event.key === " " ? -1 : KEYS[event.key]));
    } else if (event.key === "Home") {
      show(0);
    } else if (event.key === "End") {
      show(slides.length - 1);
    } else if (event.key === "f" || event.key === "F") {
      toggleFullScreen();
    } else if ((event.key === "s" || event.key === "S") && !speakerView) {
      openSpeaker();
    } else if (event.key === "b" || event.key === "B") {
      blackout();
    } else {
      return;
    }
    event.preventDefault();
  });

  // A click on the slide moves on; a click on its left edge goes back.
  deck.addEventListener("click", function (event) {
    if (event.target.closest("a, button")) {
      return;
    }
    var back = event.clientX < window.innerWidth / 5;
    show(current + (back ? -1 : 1));
  });

  document.querySelectorAll("[data-kd-go]").forEach(function (button) {
    button.hidden = false;
    button.addEventListener("click", function () {
      var go = button.getAttribute("data-kd-go");
      if (go === "fullscreen") {
        toggleFullScreen();
      } else if (go === "speaker") {
        openSpeaker();
      } else if (go === "blackout") {
        blackout();
      } else {
        show(current + (go === "next" ? 1 : -1));
      }
    });
  });

  window.addEventListener("hashchange", function () {
    show(fromHash());
  });
  window.addEventListener("resize", scale);

  // The controls stay out of the picture until the pointer moves or a key reaches them.
  var idleTimer = null;
  function wake() {
    document.documentElement.classList.remove("kd-idle");
    window.clearTimeout(idleTimer);
    idleTimer = window.setTimeout(function () {
      var controls = document.querySelector(".kd-deck__controls");
      if (!controls || !controls.contains(document.activeElement)) {
        document.documentElement.classList.add("kd-idle");
      }
    }, 2500);
  }
  if (!speakerView) {
    ["pointermove", "pointerdown", "focusin"].forEach(function (name) {
      document.addEventListener(name, wake);
    });
    document.documentElement.classList.add("kd-idle");
  }

  document.documentElement.classList.add("kd-deck-live");
  scale();
  show(fromHash(), true);
  slides.concat(nextSlides).forEach(function (slide) {
    var hidden = slide.hidden;
    slide.hidden = false;
    fit(slide);
    slide.hidden = hidden;
  });
  markBlackout();
  if (speakerView) {
    loadMessage();
    window.addEventListener("storage", function (event) {
      if (event.key === liveKey) {
        loadMessage();
      }
    });
    window.setInterval(tick, 500);
  }
})();
