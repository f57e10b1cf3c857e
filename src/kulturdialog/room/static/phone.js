/* A group's phone answers a group task. Each answer gets an id of its own and is kept in
 * localStorage until the room's server says it has stored it, so an answer made while the
 * network was away is sent when it is back, and one sent twice is stored once. What the server
 * says is shown as text only.
 */
(function () {
  "use strict";

  var form = document.querySelector("[data-kd-answer]");
  var status = document.querySelector("[data-kd-status]");
  if (!form || !status) {
    return;
  }
  var QUEUE = "kulturdialog-room:answers";
  var socket = null;
  var wait = 500;

  function queue() {
    try {
      var kept = JSON.parse(localStorage.getItem(QUEUE) || "[]");
      return Array.isArray(kept) ? kept : [];
    } catch (ignored) {
      return [];
    }
  }

  function keep(list) {
    try {
      localStorage.setItem(QUEUE, JSON.stringify(list));
    } catch (ignored) {
      // Storage refused (a private window): the answer is sent, but not kept across a reload.
    }
  }

  var unsaved = queue();

  function say(kind, why) {
    status.textContent = status.getAttribute("data-kd-" + kind).replace("{why}", why || "");
    status.setAttribute("data-kd-state", kind);
  }

  function newId() {
    var bytes = new Uint8Array(16);
    (window.crypto || window.msCrypto).getRandomValues(bytes);
    return Array.prototype.map
      .call(bytes, function (byte) {
        return (byte < 16 ? "0" : "") + byte.toString(16);
      })
      .join("");
  }

  function flush() {
    if (!socket || socket.readyState !== 1) {
      return;
    }
    unsaved.forEach(function (answer) {
      socket.send(JSON.stringify(answer));
    });
  }

  function forget(id) {
    unsaved = unsaved.filter(function (answer) {
      return answer.id !== id;
    });
    keep(unsaved);
  }

  function connect() {
    var scheme = window.location.protocol === "https:" ? "wss://" : "ws://";
    socket = new WebSocket(scheme + window.location.host + "/_room/live");
    socket.addEventListener("open", function () {
      wait = 500;
      flush();
    });
    socket.addEventListener("message", function (event) {
      var message;
      try {
        message = JSON.parse(event.data);
      } catch (ignored) {
        return;
      }
      if (message.type === "stored") {
        forget(message.id);
        say("stored");
      } else if (message.type === "busy") {
        window.setTimeout(flush, 3000);
      } else if (message.type === "refused" && message.id) {
        forget(message.id);
        say("refused", String(message.why || ""));
      }
    });
    socket.addEventListener("close", function () {
      if (unsaved.length) {
        say("kept");
      }
      window.setTimeout(connect, wait);
      wait = Math.min(wait * 2, 5000);
    });
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var points = Array.prototype.map.call(form.querySelectorAll("[name=point]"), function (input) {
      return input.value.trim();
    }).filter(function (point) {
      return point !== "";
    });
    var answer = {
      type: "answer",
      id: newId(),
      task: form.getAttribute("data-kd-answer"),
      group: Number(form.querySelector("[name=group]").value),
      points: points,
      comment: form.querySelector("[name=comment]").value.trim(),
    };
    unsaved.push(answer);
    keep(unsaved);
    say(socket && socket.readyState === 1 ? "sending" : "kept");
    flush();
  });

  if (unsaved.length) {
    say("kept");
  }
  connect();
})();
