/* The room's live channel on a page of the site served by `kulturdialog room` (the server adds
 * this script; the static site and the offline copy never load it).
 *
 * Every page follows the room's state: what the server sends is validated with the run model
 * and taken. A page opened from the operator's address (#operator=SECRET, kept for this tab)
 * sends each of its actions as the new state after the sequence number it was made on; when
 * another operator came first, it takes the newer state and does its action again on it. Other
 * pages cannot act: their own changes give way to the room's state. A lost connection is tried
 * again by itself.
 */
(function () {
  "use strict";

  // What this page follows: the run model's state (live.js) or a presentation's slide and
  // blackout (presenter.js); each offers its state, takes one from the room (after checking
  // it) and does a change again.
  var live = window.KulturdialogLive || window.KulturdialogDeck || null;
  var SECRET_KEY = "kulturdialog-room:operator";
  var secret = null;

  function readSecret() {
    // The operator's address of this run; kept for the tab, so its other pages act too.
    var hash = /(?:^#|&)operator=([A-Za-z0-9_-]+)/.exec(window.location.hash);
    try {
      if (hash) {
        sessionStorage.setItem(SECRET_KEY, hash[1]);
      }
      secret = sessionStorage.getItem(SECRET_KEY);
    } catch (ignored) {
      secret = hash ? hash[1] : secret;
    }
  }
  readSecret();
  window.addEventListener("hashchange", function () {
    // The address of a new run opened in this tab: say hello again with its secret.
    readSecret();
    if (secret) {
      greet();
    }
  });
  var main = document.querySelector("[data-kd-task]");
  var task = main ? main.getAttribute("data-kd-task") : null;
  var lang = document.documentElement.lang || "en";

  var link = null;
  var seq = 0;
  var operator = false;
  var welcomed = false;
  var shown = null;
  var answers = [];
  var tasks = [];
  var words = {};
  var panel = null;
  var written = null;
  var said = null;

  function send(message) {
    return link !== null && link.send(message);
  }

  function greet() {
    var hello = { type: "hello", key: live ? live.key : null };
    if (live && live.also) {
      // A second programme this page reads from: the speaker view, its package's message.
      hello.also = live.also;
    }
    if (secret) {
      hello.secret = secret;
    }
    send(hello);
  }

  function lost() {
    // Until the room welcomes this page again, it acts for itself only.
    welcomed = false;
    operator = false;
    document.documentElement.classList.remove("kd-room-operator");
    document.documentElement.classList.add("kd-room-offline");
  }

  function connect() {
    link = window.KulturdialogRoomSocket({ open: greet, message: receive, closed: lost });
  }

  function receive(message) {
    if (message.type === "welcome") {
      welcomed = true;
      document.documentElement.classList.remove("kd-room-offline");
      operator = message.operator === true;
      document.documentElement.classList.toggle("kd-room-operator", operator);
      shown = message.shown;
      answers = Array.isArray(message.answers) ? message.answers : [];
      tasks = Array.isArray(message.tasks) ? message.tasks : [];
      if (live && message.key === live.key) {
        if (message.seq > 0 && message.state) {
          seq = message.seq;
          live.take(message.state);
        } else if (operator) {
          // The room has no state for this programme yet: this operator's is the first.
          seq = 0;
          send({ type: "state", secret: secret, key: live.key, base: 0, state: live.state() });
        }
      }
      if (live && live.also && message.also && message.also.key === live.also) {
        live.hear(message.also.state);
      }
      draw();
    } else if (message.type === "state" && live && live.also && message.key === live.also) {
      live.hear(message.state);
    } else if (message.type === "state" && live && message.key === live.key) {
      if (typeof message.seq === "number" && message.seq > seq) {
        seq = message.seq;
        live.take(message.state);
      }
    } else if (message.type === "conflict" && live && message.key === live.key && pending.length) {
      // Another operator came first: take theirs, and do this action again on it.
      var again = pending.shift();
      seq = message.seq;
      live.take(message.state);
      live.act(again);
    } else if (message.type === "answer" && message.answer) {
      answers.push(message.answer);
      draw();
    } else if (message.type === "shown") {
      shown = message.shown;
      if (!operator) {
        answers = Array.isArray(message.answers) ? message.answers : [];
      }
      draw();
    } else if (message.type === "written") {
      written = message;
      draw();
    } else if (message.type === "refused" && secret && /operator/.test(message.why || "")) {
      operator = false;
      document.documentElement.classList.remove("kd-room-operator");
    }
  }

  // ---- the run: an operator's actions go to the room; others give way ----

  var pending = [];
  if (live) {
    live.acted = function (action, state) {
      if (!welcomed) {
        return;
      }
      if (operator) {
        pending = [action];
        send({ type: "state", secret: secret, key: live.key, base: seq, state: state });
      } else {
        // Not this page's to change: back to the room's state at once.
        send({ type: "hello", key: live.key });
      }
    };
  }

  // ---- the groups' answers: as text only ----

  function text(tag, content, className) {
    var element = document.createElement(tag);
    element.textContent = content;
    if (className) {
      element.className = className;
    }
    return element;
  }

  function answerList(list) {
    var ol = document.createElement("ul");
    ol.className = "kd-room-answers__list";
    list.forEach(function (answer) {
      var item = document.createElement("li");
      item.setAttribute("data-kd-answer-id", String(answer.id));
      item.appendChild(text("strong", (words.room_group || "") + " " + String(answer.group)));
      var points = document.createElement("ol");
      (answer.points || []).forEach(function (point) {
        points.appendChild(text("li", String(point)));
      });
      item.appendChild(points);
      if (answer.comment) {
        item.appendChild(text("p", String(answer.comment)));
      }
      ol.appendChild(item);
    });
    return ol;
  }

  function draw() {
    drawSheetCodes();
    if (operator) {
      drawPanel();
    }
    if (task) {
      drawProjector();
    }
  }

  function drawPanel() {
    // On the operator's page: every group task's answers as they arrive, and the choice of
    // which the projector shows.
    if (!panel) {
      panel = document.createElement("section");
      panel.className = "kd-room-answers kd-room-answers--operator";
      panel.setAttribute("aria-live", "polite");
      document.body.appendChild(panel);
    }
    panel.textContent = "";
    panel.appendChild(text("h2", words.room_answers || ""));
    tasks.forEach(function (one) {
      var mine = answers.filter(function (answer) {
        return answer.task === one.id;
      });
      var part = document.createElement("div");
      part.setAttribute("data-kd-task-answers", one.id);
      part.appendChild(text("h3", one.title + " (" + mine.length + ")"));
      var button = text("button", shown === one.id ? words.room_hide : words.room_show);
      button.type = "button";
      button.setAttribute("aria-pressed", shown === one.id ? "true" : "false");
      button.addEventListener("click", function () {
        send({ type: "show", secret: secret, task: shown === one.id ? null : one.id });
      });
      part.appendChild(button);
      part.appendChild(mine.length ? answerList(mine) : text("p", words.room_answers_none || ""));
      panel.appendChild(part);
    });
    // At the end, the answers written as the gathering's feedback: new files only, nothing
    // already there written over; what the writer did is shown as it said it.
    var write = text("button", words.room_write || "");
    write.type = "button";
    write.setAttribute("data-kd-room-write", "");
    write.addEventListener("click", function () {
      send({ type: "write", secret: secret });
    });
    panel.appendChild(write);
    if (written) {
      panel.appendChild(writtenStatus(written));
    }
  }

  // What the writer did, in the page's language: the files written, or why nothing was (the
  // writer's own words, which name files and fields, under a heading the operator can read).
  function writtenStatus(written) {
    var said = document.createElement("div");
    said.setAttribute("role", "status");
    said.setAttribute("data-kd-room-written", "");
    var files = written.files || [];
    var problems = written.problems || [];
    if (files.length) {
      said.appendChild(text("p", words.room_wrote || ""));
      said.appendChild(lines(files));
      said.appendChild(text("p", words.room_written || ""));
    }
    if (problems.length) {
      said.appendChild(text("p", words.room_not_written || ""));
      said.appendChild(lines(problems));
    } else if (!files.length) {
      said.appendChild(text("p", words.room_nothing_to_write || ""));
    }
    return said;
  }

  function lines(items) {
    var list = document.createElement("ul");
    items.forEach(function (line) {
      list.appendChild(text("li", String(line)));
    });
    return list;
  }

  function drawSheetCodes() {
    // A group sheet printed while the room runs: the code of its task's answer form where the
    // sheet says there is none.
    var known = tasks.map(function (one) {
      return one.id;
    });
    document.querySelectorAll("[data-kd-room-code]").forEach(function (box) {
      var id = box.getAttribute("data-kd-room-code");
      if (known.indexOf(id) >= 0) {
        showCode(box, id, "kd-sheet__code", "span");
      }
    });
  }

  function showCode(box, id, className, captionTag) {
    // The code of the answer form of task ``id`` with its caption, in place of what ``box``
    // said without the room; once.
    if (box.hasAttribute("data-kd-room")) {
      return;
    }
    box.setAttribute("data-kd-room", "");
    box.textContent = "";
    var image = document.createElement("img");
    image.className = className;
    image.src = "/_room/code/" + encodeURIComponent(id) + ".svg";
    image.alt = words.room_scan || "";
    box.appendChild(image);
    box.appendChild(text(captionTag, words.room_scan || ""));
  }

  function drawProjector() {
    // The projector of a group task: the code leads the groups' phones to the answer form; when
    // the operator chooses, "what the groups said" stands over the questions.
    var figure = document.querySelector(".kd-projector__qr");
    if (!figure) {
      figure = document.createElement("figure");
      figure.className = "kd-projector__qr";
      var clock = document.querySelector(".kd-projector__clock");
      (clock || document.body).appendChild(figure);
    }
    showCode(figure, task, "kd-projector__code", "figcaption");
    var showing = shown === task;
    if (showing && !said) {
      said = document.createElement("section");
      said.className = "kd-room-answers kd-room-answers--projector";
      document.body.appendChild(said);
    }
    if (said) {
      said.hidden = !showing;
      said.textContent = "";
      if (showing) {
        said.appendChild(text("h2", words.room_answers || ""));
        var mine = answers.filter(function (answer) {
          return answer.task === task;
        });
        said.appendChild(mine.length ? answerList(mine) : text("p", words.room_answers_none || ""));
      }
    }
  }

  var request = new XMLHttpRequest();
  request.open("GET", "/_room/words?lang=" + encodeURIComponent(lang));
  request.responseType = "json";
  request.onload = function () {
    if (request.response && typeof request.response === "object") {
      words = request.response;
    }
    connect();
  };
  request.onerror = connect;
  request.send();
})();
