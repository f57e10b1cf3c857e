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
  var link = null;

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
  var PHONE = "kulturdialog-room:phone";
  var phone = phoneId();

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

  function phoneId() {
    // This phone's own id, kept: the room limits how fast each phone sends by it, so a phone
    // that reconnects goes on where it was.
    var kept = null;
    try {
      kept = localStorage.getItem(PHONE);
      if (!/^[A-Za-z0-9_-]{8,64}$/.test(kept || "")) {
        kept = newId();
        localStorage.setItem(PHONE, kept);
      }
    } catch (ignored) {
      kept = kept || newId();
    }
    return kept;
  }

  function flush() {
    unsaved.forEach(function (answer) {
      answer.phone = phone;
      link.send(answer);
    });
  }

  function forget(id) {
    unsaved = unsaved.filter(function (answer) {
      return answer.id !== id;
    });
    keep(unsaved);
  }

  function receive(message) {
    if (message.type === "stored") {
      forget(message.id);
      say("stored");
    } else if (message.type === "busy") {
      window.setTimeout(flush, 3000);
    } else if (message.type === "refused" && message.id) {
      forget(message.id);
      say("refused", String(message.why || ""));
    }
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
    say(link.connected() ? "sending" : "kept");
    flush();
  });

  if (unsaved.length) {
    say("kept");
  }
  link = window.KulturdialogRoomSocket({
    open: flush,
    message: receive,
    closed: function () {
      if (unsaved.length) {
        say("kept");
      }
    },
  });
})();
