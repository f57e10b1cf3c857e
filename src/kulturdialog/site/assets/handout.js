/* Group sheets: ?groups=6 prints six sheets headed "Gruppe 1" to "Gruppe 6" in the page's
 * language. Without JavaScript the page shows one sheet. */
(function () {
  "use strict";

  var MOST = 40;
  var sheets = document.querySelector(".kd-sheets");
  var tools = document.querySelector("[data-kd-handout=tools]");
  if (!sheets || !tools) {
    return;
  }
  var first = sheets.querySelector(".kd-sheet");
  var label = sheets.getAttribute("data-kd-group-label");
  var count = parseInt(new URLSearchParams(window.location.search).get("groups") || "1", 10);
  count = Math.min(Math.max(isNaN(count) ? 1 : count, 1), MOST);

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
