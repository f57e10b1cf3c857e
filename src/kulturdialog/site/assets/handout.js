/* Group sheets: ?groups=6 prints six sheets headed "Gruppe 1" to "Gruppe 6" in the page's
 * language. Without JavaScript the page shows one sheet.
 * ?group=3 on a group sheet or projector view makes the page group 3's: its prefilled e-mail
 * says "Gruppe: 3", and the sheet is headed "Gruppe 3". */
(function () {
  "use strict";

  var MOST = 40;
  var params = new URLSearchParams(window.location.search);
  var group = parseInt(params.get("group") || "", 10);
  group = !isNaN(group) && group >= 1 && group <= 999 ? group : 0;

  // The build writes each e-mail link a second time with the placeholder {n} as the group,
  // percent-encoded by the same function as the link itself.
  if (group) {
    var links = document.querySelectorAll("a[data-kd-mailto-group]");
    for (var i = 0; i < links.length; i++) {
      links[i].href = links[i]
        .getAttribute("data-kd-mailto-group")
        .split("%7Bn%7D")
        .join(encodeURIComponent(String(group)));
    }
  }

  var sheets = document.querySelector(".kd-sheets");
  var tools = document.querySelector("[data-kd-handout=tools]");
  if (!sheets || !tools) {
    return;
  }
  var first = sheets.querySelector(".kd-sheet");
  var label = sheets.getAttribute("data-kd-group-label");
  var count = parseInt(params.get("groups") || "1", 10);
  count = Math.min(Math.max(isNaN(count) ? 1 : count, 1), MOST);

  if (group && !params.get("groups")) {
    first.querySelector(".kd-sheet__group").textContent = label.replace("{n}", String(group));
  }

  for (var number = 2; number <= count; number++) {
    var sheet = first.cloneNode(true);
    var heading = sheet.querySelector(".kd-sheet__group");
    heading.id = "kd-group-" + number;
    heading.textContent = label.replace("{n}", String(number));
    sheet.setAttribute("aria-labelledby", heading.id);
    sheets.appendChild(sheet);
  }

  tools.querySelector("input[name=groups]").value = String(count);
  tools.querySelector("[data-kd-action=print]").addEventListener("click", function () {
    window.print();
  });
  tools.hidden = false;
})();
