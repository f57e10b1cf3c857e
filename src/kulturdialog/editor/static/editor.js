/* The editor's form, drawn from a content kind's JSON Schema and saved (a classic script, no
 * modules); its arithmetic is in form.js. */
(function () {
  "use strict";

  var f = window.kdForm;
  var parseClock = f.parseClock, formatClock = f.formatClock, schedule = f.schedule;
  var overRun = f.overRun, isoWeek = f.isoWeek, moveItem = f.moveItem, shapeOf = f.shapeOf;
  var setKey = f.setKey, blank = f.blank, fieldPath = f.fieldPath, slideNumbers = f.slideNumbers;
  var resolve = f.resolve;

  var source = document.getElementById("kd-editor-data");
  if (!source) return;
  var data = JSON.parse(source.textContent);
  var token = document.querySelector('meta[name="kd-editor-token"]').content;
  var root = data.schema;
  var w = data.words;
  var values = data.values;
  var origins = new WeakMap();
  var schedules = [];
  var slideLists = new WeakMap();
  var unsaved = false;
  var fields = document.getElementById("kd-fields");
  var statusBox = document.getElementById("kd-status");
  var others = document.getElementById("kd-others");

  function say(key, vars) {
    var text = w[key] || key;
    Object.keys(vars || {}).forEach(function (k) { text = text.split("{" + k + "}").join(vars[k]); });
    return text;
  }

  function remember(value) {
    if (Array.isArray(value)) {
      origins.set(value, value.map(function (_, i) { return i; }));
      value.forEach(remember);
    } else if (value && typeof value === "object") {
      Object.keys(value).forEach(function (k) { remember(value[k]); });
    }
  }

  function moves() {
    var found = {};
    (function walk(value, parts) {
      if (Array.isArray(value)) {
        if (origins.has(value)) found[fieldPath(parts)] = origins.get(value);
        value.forEach(function (item, i) { walk(item, parts.concat([i])); });
      } else if (value && typeof value === "object") {
        Object.keys(value).forEach(function (k) { walk(value[k], parts.concat([k])); });
      }
    })(values, []);
    return found;
  }

  function el(tag, attrs, text) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) {
      if (attrs[k] !== null && attrs[k] !== undefined) node.setAttribute(k, attrs[k]);
    });
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function button(act, path, label, extra) {
    var b = el("button", { type: "button", "data-act": act, "data-path": path, id: "b-" + act + "-" + path }, label);
    if (extra) b.setAttribute("aria-label", label + ": " + extra);
    return b;
  }

  function labelOf(spec, name) {
    return (spec && spec["x-label"]) || String(name);
  }

  function help(container, id, text) {
    if (!text) return null;
    container.appendChild(el("p", { class: "kd-help", id: id }, text));
    return id;
  }

  // Set or clear parent[key] from a control; an empty optional field leaves the file.
  function store(parent, key, value, required, order) {
    unsaved = true;
    if (Array.isArray(parent)) {
      parent[key] = value === undefined ? "" : value;
    } else if (value === undefined && !required) {
      delete parent[key];
    } else {
      setKey(parent, key, value === undefined ? "" : value, order);
    }
    refresh();
  }

  function drawScalar(box, parent, key, info, parts, required, order, labelText) {
    var path = fieldPath(parts);
    var id = "f-" + path;
    var value = parent[key];
    var spec = info.spec;
    box.appendChild(el("label", { for: id }, labelText));
    var control;
    var choices = data.choices && !Array.isArray(parent) ? data.choices[key] : null;
    if (info.shape === "enum" || (choices && choices.length && info.shape === "text")) {
      control = el("select", { id: id });
      var list = info.shape === "enum"
        ? spec.enum.map(function (v) { return [v, (spec["x-options"] || {})[v] || String(v)]; })
        : choices.map(function (c) { return [c[0], c[1] + " (" + c[0] + ")"]; });
      if (!required || value === undefined) control.appendChild(el("option", { value: "" }, w.choose));
      if (value !== undefined && !list.some(function (c) { return c[0] === value; })) list.push([value, String(value)]);
      list.forEach(function (c) {
        var option = el("option", { value: c[0] }, c[1]);
        if (c[0] === value) option.selected = true;
        control.appendChild(option);
      });
      control.addEventListener("change", function () {
        store(parent, key, control.value === "" ? undefined : control.value, required, order);
      });
    } else if (info.shape === "boolean") {
      control = el("input", { id: id, type: "checkbox" });
      control.checked = value === true;
      control.addEventListener("change", function () { store(parent, key, control.checked, required, order); });
    } else if (info.shape === "number") {
      control = el("input", { id: id, type: "number", inputmode: "numeric", step: spec.type === "integer" ? "1" : "any" });
      control.value = value === undefined || value === null ? "" : String(value);
      control.addEventListener("input", function () {
        var text = control.value.trim();
        store(parent, key, text === "" ? undefined : (isNaN(Number(text)) ? text : Number(text)), required, order);
      });
    } else {
      var text = value === undefined || value === null ? "" : String(value);
      var long = text.indexOf("\n") >= 0 || text.length > 70;
      control = long ? el("textarea", { id: id, rows: Math.min(12, text.split("\n").length + 1) }) : el("input", { id: id, type: info.shape === "date" ? "date" : "text" });
      control.value = text;
      if (spec.pattern && /\[:\.\]/.test(spec.pattern)) control.setAttribute("inputmode", "numeric");
      control.addEventListener("input", function () {
        var keepNumber = typeof value === "number" && String(value) === control.value;
        store(parent, key, control.value === "" && !Array.isArray(parent) ? undefined : (keepNumber ? value : control.value), required, order);
      });
    }
    box.appendChild(control);
    var described = [];
    if (Array.isArray(parent) && slideLists.has(parent)) {
      var listId = "dl-" + path;
      var options = el("datalist", { id: listId });
      slideLists.get(parent).forEach(function (slide, i) {
        options.appendChild(el("option", { value: String(i + 1), label: (i + 1) + ": " + ((slide && slide.title) || "") }));
      });
      box.appendChild(options);
      control.setAttribute("list", listId);
      var titles = el("span", { class: "kd-week", id: "sl-" + path, "data-slides-for": id });
      titles._slides = slideLists.get(parent);
      box.appendChild(titles);
      described.push(titles.id);
    }
    if (info.shape === "date") {
      var week = el("span", { class: "kd-week", id: "wk-" + path, "data-week-for": id });
      box.appendChild(week);
      described.push(week.id);
    }
    var helpId = help(box, "h-" + path, info.description || spec.description || "");
    if (helpId) described.push(helpId);
    if (described.length) control.setAttribute("aria-describedby", described.join(" "));
    if (required && !Array.isArray(parent)) control.setAttribute("aria-required", "true");
  }

  function drawField(container, parent, key, spec, parts, required, order) {
    var value = parent[key];
    var info = shapeOf(root, spec, value);
    var path = fieldPath(parts);
    var name = Array.isArray(parent) ? say("row", { n: key + 1 }) : labelOf(spec, key);
    if (info.shape === "const") return;
    var box = el("div", { class: "kd-field kd-" + info.shape, "data-path": path });
    container.appendChild(box);
    if (info.shape === "object") {
      if (value === undefined || value === null) {
        box.appendChild(button("add-object", path, say("add") + ": " + name));
        return;
      }
      var set = el("fieldset", { class: "kd-group" });
      set.appendChild(el("legend", {}, name));
      help(set, "h-" + path, info.spec.description);
      drawObject(set, value, info.spec, parts);
      if (!required && !Array.isArray(parent)) set.appendChild(button("remove-object", path, say("remove"), name));
      box.appendChild(set);
    } else if (info.shape === "array") {
      if (value === undefined) {
        value = [];
        origins.set(value, []);
      }
      drawArray(box, parent, key, value, info.spec, parts, name, required, order);
    } else if (info.shape === "union") {
      drawUnion(box, parent, key, info.spec, parts);
    } else if (info.shape === "unsupported") {
      box.appendChild(el("p", { class: "kd-label" }, name));
      box.appendChild(el("p", { class: "kd-help" }, w.not_in_form));
    } else {
      drawScalar(box, parent, key, info, parts, required, order, name);
    }
  }

  function drawObject(container, obj, spec, parts) {
    var properties = spec.properties || {};
    var order = Object.keys(properties);
    var required = spec.required || [];
    order.forEach(function (name) {
      drawField(container, obj, name, properties[name], parts.concat([name]), required.indexOf(name) >= 0, order);
    });
  }

  function drawUnion(box, list, index, spec, parts) {
    var item = list[index];
    var mapping = spec.discriminator.mapping;
    var field = spec.discriminator.propertyName;
    var path = fieldPath(parts);
    var id = "f-" + path + "." + field;
    var variant = resolve(root, { $ref: mapping[item[field]] || (spec.oneOf || spec.anyOf)[0].$ref });
    var choose = el("select", { id: id, "data-act": "variant", "data-path": path });
    Object.keys(mapping).forEach(function (k) {
      var option = el("option", { value: k }, (spec["x-options"] || {})[k] || k);
      if (k === item[field]) option.selected = true;
      choose.appendChild(option);
    });
    var head = el("div", { class: "kd-field", "data-path": path + "." + field });
    head.appendChild(el("label", { for: id }, labelOf(variant.properties[field], field)));
    head.appendChild(choose);
    help(head, "h-" + path + "." + field, variant.description);
    choose.setAttribute("aria-describedby", "h-" + path + "." + field);
    box.appendChild(head);
    drawObject(box, item, variant, parts);
  }

  function drawArray(box, parent, key, list, spec, parts, name, required, order) {
    var path = fieldPath(parts);
    var set = el("fieldset", { class: "kd-list" });
    set.appendChild(el("legend", {}, name));
    help(set, "h-" + path, spec.description);
    var rows = el("ol", { class: "kd-rows" });
    var itemSpec = resolve(root, spec.items || {});
    if (key === "slides" && !Array.isArray(parent) && Array.isArray(values.presentations)) {
      // A run-sheet step: its slides are chosen from its presentation (the only one, or named).
      var shown = values.presentations.filter(function (p) { return p && p.id === parent.presentation; })[0] || values.presentations[0];
      slideLists.set(list, (shown && shown.slides) || []);
    }
    var timed = hasMinutes(itemSpec);
    list.forEach(function (item, i) {
      var rowPath = fieldPath(parts.concat([i]));
      var compound = typeof item === "object" && item !== null;
      var row = el("li", { class: "kd-row" + (compound ? "" : " kd-row-scalar"), "data-path": rowPath, "data-list": path });
      var head = el("div", { class: "kd-row-head" });
      var rowName = name + " " + say("row", { n: i + 1 });
      if (timed) head.appendChild(el("span", { class: "kd-clock", id: "c-" + rowPath }));
      head.appendChild(button("up", rowPath, w.move_up, rowName));
      head.appendChild(button("down", rowPath, w.move_down, rowName));
      head.appendChild(button("remove", rowPath, w.remove, rowName));
      if (compound) row.appendChild(head);
      drawField(row, list, i, spec.items || {}, parts.concat([i]), true, []);
      if (!compound) row.appendChild(head);
      rows.appendChild(row);
    });
    set.appendChild(rows);
    if (timed) {
      var total = el("p", { class: "kd-total", id: "t-" + path });
      var over = el("p", { class: "kd-overrun", id: "o-" + path, role: "alert" });
      set.appendChild(total);
      set.appendChild(over);
      schedules.push({ list: list, parent: parent, path: path });
    }
    set.appendChild(button("add", path, say("add") + ": " + name));
    box.appendChild(set);
    box._list = { parent: parent, key: key, list: list, spec: spec, required: required, order: order };
  }

  function hasMinutes(spec) {
    var variants = (spec.oneOf || spec.anyOf || [spec]).map(function (s) { return resolve(root, s); });
    return variants.some(function (s) { return s.properties && s.properties.minutes; });
  }

  // Clock times, totals, over-runs and ISO weeks follow every keystroke, without redrawing.
  function refresh() {
    schedules.forEach(function (s) {
      var start = parseClock(s.parent.start);
      var end = parseClock(s.parent.end);
      var plan = schedule(start, s.list.map(function (b) { return b && b.minutes; }));
      plan.rows.forEach(function (r, i) {
        var clock = document.getElementById("c-" + s.path + "." + (i + 1));
        if (clock) clock.textContent = start == null
          ? "+" + formatClock(r.start).replace(/^0/, "") + "–+" + formatClock(r.end).replace(/^0/, "")
          : formatClock(r.start) + "–" + formatClock(r.end);
      });
      document.getElementById("t-" + s.path).textContent = say("total", { minutes: plan.total });
      var over = overRun(start, end, plan.total);
      document.getElementById("o-" + s.path).textContent = over ? say("over_run", { minutes: over }) : "";
    });
    Array.prototype.forEach.call(document.querySelectorAll("[data-slides-for]"), function (span) {
      var numbers = slideNumbers(document.getElementById(span.getAttribute("data-slides-for")).value) || [];
      span.textContent = numbers.map(function (n) {
        var slide = span._slides[n - 1];
        return slide ? n + ": " + (slide.title || "") : "";
      }).filter(Boolean).join(" · ");
    });
    Array.prototype.forEach.call(document.querySelectorAll("[data-week-for]"), function (span) {
      var week = isoWeek(document.getElementById(span.getAttribute("data-week-for")).value);
      span.textContent = week ? say("week", { weeks: week }) : "";
    });
  }

  function render(focusId) {
    schedules = [];
    fields.textContent = "";
    drawObject(fields, values, root, []);
    refresh();
    if (focusId) {
      var target = document.getElementById(focusId);
      if (target) target.focus();
    }
  }

  function listBox(path) {
    var boxes = fields.querySelectorAll(".kd-field");
    for (var i = 0; i < boxes.length; i++) {
      if (boxes[i]._list && boxes[i].getAttribute("data-path") === path) return boxes[i]._list;
    }
    return null;
  }

  function rowOf(path) {
    var cut = path.lastIndexOf(".");
    return { list: listBox(path.slice(0, cut)), index: Number(path.slice(cut + 1)) - 1, listPath: path.slice(0, cut) };
  }

  function objectAt(path) {
    var parts = path.split(".");
    var parent = values;
    for (var i = 0; i < parts.length - 1; i++) {
      parent = Array.isArray(parent) ? parent[Number(parts[i]) - 1] : parent[parts[i]];
    }
    var last = parts[parts.length - 1];
    return { parent: parent, key: Array.isArray(parent) ? Number(last) - 1 : last };
  }

  function act(action, path) {
    unsaved = true;
    if (action === "up" || action === "down") {
      var row = rowOf(path);
      var to = row.index + (action === "up" ? -1 : 1);
      if (moveItem(row.list.list, origins.get(row.list.list), row.index, to)) {
        render("b-" + action + "-" + row.listPath + "." + (to + 1));
      }
    } else if (action === "remove") {
      var gone = rowOf(path);
      gone.list.list.splice(gone.index, 1);
      origins.get(gone.list.list).splice(gone.index, 1);
      if (!gone.list.list.length && !gone.list.required && !Array.isArray(gone.list.parent)) delete gone.list.parent[gone.list.key];
      render("b-add-" + gone.listPath);
    } else if (action === "add") {
      var box = listBox(path);
      var list = box.list;
      if (!origins.has(list)) origins.set(list, []);
      list.push(blank(root, box.spec.items || {}));
      origins.get(list).push(null);
      if (!Array.isArray(box.parent) && box.parent[box.key] !== list) setKey(box.parent, box.key, list, box.order);
      var rowPath = path + "." + list.length;
      render(null);
      var first = document.querySelector('[data-path="' + rowPath + '"] input, [data-path="' + rowPath + '"] select, [data-path="' + rowPath + '"] textarea');
      if (first) first.focus();
    } else if (action === "add-object" || action === "remove-object") {
      var at = objectAt(path);
      if (action === "add-object") {
        setKey(at.parent, at.key, blank(root, findSpec(path)), orderFor(path));
      } else {
        delete at.parent[at.key];
      }
      render("b-" + (action === "add-object" ? "remove-object-" : "add-object-") + path);
    }
  }

  function findSpec(path) {
    var spec = root;
    var value = values;
    path.split(".").forEach(function (p) {
      var info = shapeOf(root, spec, value);
      if (info.shape === "array") {
        spec = info.spec.items;
        value = value ? value[Number(p) - 1] : undefined;
      } else {
        var s = info.shape === "union" ? resolve(root, { $ref: info.spec.discriminator.mapping[value.kind] }) : info.spec;
        spec = s.properties[p];
        value = value ? value[p] : undefined;
      }
    });
    return spec;
  }

  function orderFor(path) {
    var cut = path.lastIndexOf(".");
    var parentSpec = cut < 0 ? root : resolve(root, findSpec(path.slice(0, cut)));
    var info = shapeOf(root, parentSpec, cut < 0 ? values : objectAt(path.slice(0, cut)).parent);
    return Object.keys((info.spec && info.spec.properties) || {});
  }

  fields.addEventListener("click", function (event) {
    var b = event.target.closest("button[data-act]");
    if (b) act(b.getAttribute("data-act"), b.getAttribute("data-path"));
  });

  fields.addEventListener("change", function (event) {
    var select = event.target.closest("select[data-act=variant]");
    if (!select) return;
    unsaved = true;
    var at = rowOf(select.getAttribute("data-path"));
    var list = at.list.list;
    var old = list[at.index];
    var variant = resolve(root, { $ref: at.list.spec.items.discriminator.mapping[select.value] });
    var made = blank(root, variant);
    Object.keys(variant.properties).forEach(function (k) {
      if (k !== "kind" && old[k] !== undefined) made[k] = old[k];
    });
    made.kind = select.value;
    var ordered = {};
    Object.keys(variant.properties).forEach(function (k) { if (made[k] !== undefined) ordered[k] = made[k]; });
    Object.keys(old).forEach(function (k) { delete old[k]; });
    Object.keys(ordered).forEach(function (k) { old[k] = ordered[k]; });
    render(select.id);
  });

  fields.addEventListener("keydown", function (event) {
    if (!event.altKey || (event.key !== "ArrowUp" && event.key !== "ArrowDown")) return;
    var row = event.target.closest(".kd-row");
    if (!row) return;
    event.preventDefault();
    act(event.key === "ArrowUp" ? "up" : "down", row.getAttribute("data-path"));
  });

  function clearProblems() {
    Array.prototype.forEach.call(document.querySelectorAll(".kd-problem"), function (p) { p.remove(); });
    Array.prototype.forEach.call(document.querySelectorAll("[aria-invalid]"), function (c) {
      c.removeAttribute("aria-invalid");
      var d = (c.getAttribute("aria-describedby") || "").split(" ").filter(function (x) { return x.indexOf("p-") !== 0; });
      if (d.length && d[0]) c.setAttribute("aria-describedby", d.join(" ")); else c.removeAttribute("aria-describedby");
    });
    others.textContent = "";
  }

  function showProblems(problems) {
    clearProblems();
    var list = null;
    var firstControl = null;
    problems.forEach(function (p, n) {
      var mine = p.file === data.file || p.file.slice(-(data.file.length + 1)) === "/" + data.file;
      var box = null;
      var path = p.field;
      while (mine && path && !box) {
        box = fields.querySelector('.kd-field[data-path="' + path + '"]');
        path = path.indexOf(".") >= 0 ? path.slice(0, path.lastIndexOf(".")) : "";
      }
      var text = (mine ? "" : p.file + ":" + p.line + ": ") + (p.field ? p.field + ": " : "") + p.message;
      var note = el("p", { class: "kd-problem", id: "p-" + n }, text);
      if (box) {
        var control = box.querySelector("input, select, textarea");
        box.appendChild(note);
        if (control) {
          control.setAttribute("aria-invalid", "true");
          control.setAttribute("aria-describedby", ((control.getAttribute("aria-describedby") || "") + " p-" + n).trim());
          firstControl = firstControl || control;
        }
      } else {
        if (!list) {
          others.appendChild(el("h2", {}, w.other_files));
          list = el("ul", {});
          others.appendChild(list);
        }
        var item = el("li", {});
        item.appendChild(note);
        list.appendChild(item);
      }
    });
    if (firstControl) firstControl.focus();
  }

  function status(key, extra) {
    statusBox.textContent = say(key);
    statusBox.className = "kd-status kd-status-" + key;
    if (extra) statusBox.appendChild(extra);
  }

  function reload() {
    fetch("/_edit/api/file?file=" + encodeURIComponent(data.file)).then(function (r) { return r.json(); }).then(function (opened) {
      data.hash = opened.hash;
      values = opened.values;
      unsaved = false;
      remember(values);
      clearProblems();
      render(null);
      status("unchanged");
    });
  }

  document.getElementById("kd-form").addEventListener("submit", function (event) {
    event.preventDefault();
    status("saving");
    var started = performance.now();
    fetch("/_edit/api/save", {
      method: "POST",
      headers: { "Content-Type": "application/json", "X-Kulturdialog-Token": token },
      body: JSON.stringify({ file: data.file, hash: data.hash, values: values, moves: moves() })
    }).then(function (response) {
      return response.json().then(function (answer) { return { ok: response.ok, answer: answer }; });
    }).then(function (result) {
      var answer = result.answer;
      if (answer.written) {
        unsaved = false;
        data.hash = answer.hash;
        remember(values);
        clearProblems();
        render(null);
        document.body.setAttribute("data-saved-at", String(Date.now()));
        document.body.setAttribute("data-save-ms", String(Math.round(performance.now() - started)));
        status("saved");
      } else if (answer.conflict) {
        var again = el("button", { type: "button" }, w.reload);
        again.addEventListener("click", reload);
        status("conflict", again);
      } else if (answer.problems) {
        status("refused");
        showProblems(answer.problems);
      } else {
        statusBox.textContent = answer.error || w.failed;
      }
    }).catch(function () { status("failed"); });
  });

  // Leaving the form with changes not saved asks first.
  window.addEventListener("beforeunload", function (event) {
    if (unsaved) event.preventDefault();
  });

  remember(values);
  render(null);
})();
