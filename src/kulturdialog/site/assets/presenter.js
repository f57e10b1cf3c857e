// Presenter view: one slide at a time, full screen. Without this script every slide stays on
// the page in order, so the slides can still be read (and printed) top to bottom.
(function () {
  "use strict";

  var deck = document.querySelector("[data-kd-deck]");
  if (!deck) {
    return;
  }
  var slides = Array.prototype.slice.call(deck.querySelectorAll("[data-kd-slide]"));
  var status = document.querySelector("[data-kd-status]");
  var current = 0;

  function fromHash() {
    var number = parseInt(window.location.hash.slice(1), 10);
    return isNaN(number) ? 0 : Math.min(Math.max(number, 1), slides.length) - 1;
  }

  function show(index) {
    current = Math.min(Math.max(index, 0), slides.length - 1);
    slides.forEach(function (slide, i) {
      slide.hidden = i !== current;
    });
    if (status) {
      status.textContent = status.getAttribute("data-kd-template")
        .replace("{number}", String(current + 1))
        .replace("{total}", String(slides.length));
    }
    // The address keeps the slide, so a reload or a shared link opens the same one.
    if (window.location.hash !== "#" + (current + 1)) {
      window.history.replaceState(null, "", "#" + (current + 1));
    }
  }

  function toggleFullScreen() {
    if (document.fullscreenElement) {
      document.exitFullscreen();
    } else if (document.documentElement.requestFullscreen) {
      document.documentElement.requestFullscreen().catch(function () {});
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
      } else {
        show(current + (go === "next" ? 1 : -1));
      }
    });
  });

  window.addEventListener("hashchange", function () {
    show(fromHash());
  });

  document.documentElement.classList.add("kd-deck-live");
  show(fromHash());
})();
