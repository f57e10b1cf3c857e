/* The editor form's pure parts: clock times, ISO weeks, slides, moving rows, schema unions.
 * A classic script (no modules): the page reads them from window.kdForm, node's test runner
 * from module.exports. */
(function () {
  "use strict";

  var CLOCK = /^([01]?[0-9]|2[0-3])[:.]([0-5][0-9])$/;

  function parseClock(text) {
    var m = CLOCK.exec(String(text == null ? "" : text).trim());
    return m ? Number(m[1]) * 60 + Number(m[2]) : null;
  }

  function pad(n) {
    return (n < 10 ? "0" : "") + n;
  }

  function formatClock(minutes) {
    var m = ((minutes % 1440) + 1440) % 1440;
    return pad(Math.floor(m / 60)) + ":" + pad(m % 60);
  }

  // Each block's start and end (minutes from midnight, or from 0 without a start), and the total.
  function schedule(start, minutesList) {
    var at = start == null ? 0 : start;
    var rows = [];
    var total = 0;
    for (var i = 0; i < minutesList.length; i++) {
      var m = Number(minutesList[i]);
      var length = Number.isInteger(m) && m > 0 ? m : 0;
      rows.push({ start: at, end: at + length });
      at += length;
      total += length;
    }
    return { rows: rows, total: total };
  }

  // Minutes past the end, 0 when it fits, null when there is no start or no end to compare.
  function overRun(start, end, total) {
    if (start == null || end == null) return null;
    return Math.max(0, start + total - end);
  }

  function isoWeek(iso) {
    var m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(String(iso || ""));
    if (!m) return null;
    var day = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
    if (day.getUTCMonth() !== Number(m[2]) - 1) return null;
    var weekday = day.getUTCDay() || 7;
    day.setUTCDate(day.getUTCDate() + 4 - weekday);
    var yearStart = new Date(Date.UTC(day.getUTCFullYear(), 0, 1));
    return Math.ceil(((day - yearStart) / 86400000 + 1) / 7);
  }

  // Move item `from` to `to` in a list and in its origins alike; false when out of range.
  function moveItem(list, origins, from, to) {
    if (from < 0 || to < 0 || from >= list.length || to >= list.length || from === to) return false;
    list.splice(to, 0, list.splice(from, 1)[0]);
    origins.splice(to, 0, origins.splice(from, 1)[0]);
    return true;
  }

  function resolve(root, spec) {
    var seen = 0;
    while (spec && spec.$ref && seen++ < 20) {
      spec = root.$defs[spec.$ref.split("/").pop()];
    }
    return spec || {};
  }

  function typeOf(value) {
    if (value === null || value === undefined) return "null";
    if (Array.isArray(value)) return "array";
    return typeof value;
  }

  function accepts(spec, value) {
    var t = typeOf(value);
    var types = [].concat(spec.type || (spec.properties ? "object" : []));
    if (t === "number") return types.indexOf("integer") >= 0 || types.indexOf("number") >= 0;
    return types.indexOf(t) >= 0;
  }

  // What a field is: {shape, spec, nullable}, its union resolved for the value it holds.
  function shapeOf(root, spec, value) {
    spec = resolve(root, spec);
    var union = spec.anyOf || spec.oneOf;
    if (union) {
      if (spec.discriminator) return { shape: "union", spec: spec, nullable: false };
      var options = union.map(function (s) { return resolve(root, s); });
      var real = options.filter(function (s) { return s.type !== "null"; });
      var nullable = real.length < options.length;
      var chosen = null;
      if (value === undefined || value === null) {
        chosen = real.length === 1 ? real[0] : null;
        if (!chosen) {
          var shorthand = real.filter(function (s) { return [].concat(s.type).indexOf("string") >= 0; });
          chosen = shorthand.length ? shorthand[0] : null;
        }
      } else {
        chosen = real.filter(function (s) { return accepts(s, value); })[0] || null;
      }
      if (!chosen) return { shape: "unsupported", spec: spec, nullable: nullable };
      var inner = shapeOf(root, chosen, value);
      inner.nullable = inner.nullable || nullable;
      if (spec.description && !inner.spec.description) inner.description = spec.description;
      return inner;
    }
    var type = spec.type;
    if (Array.isArray(type)) return { shape: "text", spec: spec, nullable: type.indexOf("null") >= 0 };
    if (spec.const !== undefined) return { shape: "const", spec: spec, nullable: false };
    if (spec.enum) return { shape: "enum", spec: spec, nullable: false };
    if (type === "object" || spec.properties) return { shape: "object", spec: spec, nullable: false };
    if (type === "array") return { shape: "array", spec: spec, nullable: false };
    if (type === "integer" || type === "number") return { shape: "number", spec: spec, nullable: false };
    if (type === "boolean") return { shape: "boolean", spec: spec, nullable: false };
    if (type === "string" && spec.format === "date") return { shape: "date", spec: spec, nullable: false };
    if (type === "string") return { shape: "text", spec: spec, nullable: false };
    return { shape: "unsupported", spec: spec, nullable: false };
  }

  // Set obj[key], a key it did not have going where the schema's order puts it.
  function setKey(obj, key, value, order) {
    if (Object.prototype.hasOwnProperty.call(obj, key) || order.indexOf(key) < 0) {
      obj[key] = value;
      return;
    }
    var entries = Object.keys(obj).map(function (k) { return [k, obj[k]]; });
    var rank = order.indexOf(key);
    var at = 0;
    for (var i = 0; i < entries.length; i++) {
      var r = order.indexOf(entries[i][0]);
      if (r >= 0 && r < rank) at = i + 1;
    }
    entries.splice(at, 0, [key, value]);
    Object.keys(obj).forEach(function (k) { delete obj[k]; });
    entries.forEach(function (e) { obj[e[0]] = e[1]; });
  }

  // A new value for a schema: required fields filled with what check then asks to complete.
  function blank(root, spec) {
    var s = shapeOf(root, spec, undefined);
    if (s.shape === "object") {
      var made = {};
      (s.spec.required || []).forEach(function (name) {
        made[name] = blank(root, s.spec.properties[name]);
      });
      return made;
    }
    if (s.shape === "union") {
      var first = resolve(root, (s.spec.oneOf || s.spec.anyOf)[0]);
      return blank(root, first);
    }
    if (s.shape === "const") return s.spec.const;
    if (s.shape === "array") return [];
    if (s.shape === "number") {
      if (s.spec.exclusiveMinimum !== undefined) return s.spec.exclusiveMinimum + 1;
      return s.spec.minimum !== undefined ? s.spec.minimum : 0;
    }
    if (s.shape === "boolean") return false;
    if (s.shape === "enum") return s.spec.enum[0];
    return "";
  }

  // The slides a run-sheet step names ("3", "3–5", 4) as their numbers, or null if unreadable.
  function slideNumbers(value) {
    var m = /^\s*(\d+)\s*(?:[-–—]\s*(\d+)\s*)?$/.exec(String(value == null ? "" : value));
    if (!m) return null;
    var from = Number(m[1]);
    var to = m[2] ? Number(m[2]) : from;
    if (from < 1 || to < from) return null;
    var found = [];
    for (var n = from; n <= to && found.length < 200; n++) found.push(n);
    return found;
  }

  function fieldPath(parts) {
    return parts.map(function (p) { return typeof p === "number" ? String(p + 1) : p; }).join(".");
  }

  var pure = {
    parseClock: parseClock, formatClock: formatClock, schedule: schedule, overRun: overRun,
    isoWeek: isoWeek, moveItem: moveItem, shapeOf: shapeOf, setKey: setKey, blank: blank,
    fieldPath: fieldPath, slideNumbers: slideNumbers, resolve: resolve
  };
  if (typeof module === "object" && module.exports) module.exports = pure;
  if (typeof window === "object") window.kdForm = pure;
})();

