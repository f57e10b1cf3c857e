/* The one connection to the room's server, for the site's pages (room.js) and the groups'
 * phones (phone.js): each message is JSON both ways, and a lost connection is tried again by
 * itself, a little later each time, up to every five seconds. Loaded before either script.
 */
(function () {
  "use strict";

  // handlers: open() when connected, message(object) for each message, closed() when lost.
  window.KulturdialogRoomSocket = function (handlers) {
    var socket = null;
    var wait = 500;

    function connect() {
      var scheme = window.location.protocol === "https:" ? "wss://" : "ws://";
      socket = new WebSocket(scheme + window.location.host + "/_room/live");
      socket.addEventListener("open", function () {
        wait = 500;
        handlers.open();
      });
      socket.addEventListener("message", function (event) {
        var message;
        try {
          message = JSON.parse(event.data);
        } catch (ignored) {
          return;
        }
        if (message && typeof message === "object") {
          handlers.message(message);
        }
      });
      socket.addEventListener("close", function () {
        handlers.closed();
        window.setTimeout(connect, wait);
        wait = Math.min(wait * 2, 5000);
      });
    }

    var link = {
      connected: function () {
        return socket !== null && socket.readyState === 1;
      },
      send: function (message) {
        if (!link.connected()) {
          return false;
        }
        socket.send(JSON.stringify(message));
        return true;
      },
    };
    connect();
    return link;
  };
})();
