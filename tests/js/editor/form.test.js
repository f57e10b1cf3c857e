// The editor form's pure parts (form.js): clock times, ISO weeks, slides, moving rows, unions.
// Run with: node --test tests/js/editor/
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const path = require("node:path");
const editor = require(path.join(__dirname, "..", "..", "..", "src", "kulturdialog", "editor", "static", "form.js"));
const schema = require(path.join(__dirname, "..", "..", "..", "docs", "schemas", "gathering.json"));

function random(seed) {
  let s = seed >>> 0;
  return () => ((s = (s * 1664525 + 1013904223) >>> 0) / 4294967296);
}

test("clock times add up and the total is the sum of the minutes", () => {
  const next = random(1);
  for (let run = 0; run < 500; run++) {
    const minutes = Array.from({ length: Math.floor(next() * 12) }, () => 1 + Math.floor(next() * 120));
    const start = Math.floor(next() * 1440);
    const plan = editor.schedule(start, minutes);
    assert.equal(plan.total, minutes.reduce((a, b) => a + b, 0));
    plan.rows.forEach((row, i) => {
      assert.equal(row.end - row.start, minutes[i]);
      if (i) assert.equal(row.start, plan.rows[i - 1].end);
    });
    assert.equal(editor.parseClock(editor.formatClock(start)), start);
  }
});

test("a block without valid minutes counts as none", () => {
  assert.deepEqual(editor.schedule(0, [10, "x", 0, -5, 2.5, 5]).total, 15);
});

test("clock times are read as authors write them", () => {
  assert.equal(editor.parseClock("09:30"), 570);
  assert.equal(editor.parseClock("9.30"), 570);
  assert.equal(editor.parseClock("24:00"), null);
  assert.equal(editor.parseClock("9:7"), null);
  assert.equal(editor.formatClock(1440 + 5), "00:05");
});

test("an over-run is the minutes past the end, none when it fits", () => {
  assert.equal(editor.overRun(540, 600, 75), 15);
  assert.equal(editor.overRun(540, 600, 60), 0);
  assert.equal(editor.overRun(null, 600, 90), null);
});

test("every day of a week has that week's ISO number, and week 1 holds 4 January", () => {
  const day = new Date(Date.UTC(1999, 11, 27));
  let monday = null;
  for (let i = 0; i < 366 * 30; i++) {
    const iso = day.toISOString().slice(0, 10);
    const week = editor.isoWeek(iso);
    if (day.getUTCDay() === 1) monday = week;
    if (monday !== null) assert.equal(week, monday, iso);
    if (iso.slice(5) === "01-04") assert.equal(week, 1, iso);
    assert.ok(week >= 1 && week <= 53);
    day.setUTCDate(day.getUTCDate() + 1);
  }
  assert.equal(editor.isoWeek("2026-09-17"), 38);
  assert.equal(editor.isoWeek("2026-02-30"), null);
});

test("moving rows moves their origins alike and keeps every row once", () => {
  const next = random(7);
  for (let run = 0; run < 300; run++) {
    const n = 1 + Math.floor(next() * 8);
    const list = Array.from({ length: n }, (_, i) => "row" + i);
    const origins = list.map((_, i) => i);
    for (let step = 0; step < 10; step++) {
      const from = Math.floor(next() * (n + 1)) - 1 + (next() < 0.1 ? n : 0);
      const to = from + (next() < 0.5 ? -1 : 1);
      editor.moveItem(list, origins, from, to);
      list.forEach((row, i) => assert.equal(row, "row" + origins[i]));
    }
    assert.deepEqual([...origins].sort((a, b) => a - b), list.map((_, i) => i));
  }
});

test("a new key goes where the schema's order puts it", () => {
  const obj = { kind: "gathering", id: "a", date: "2026-01-05", place: "Ås" };
  editor.setKey(obj, "start", "09:00", Object.keys(schema.properties));
  assert.deepEqual(Object.keys(obj), ["kind", "id", "date", "start", "place"]);
});

test("fields take the shape of the schema, unions resolved by their value", () => {
  const props = schema.properties;
  assert.equal(editor.shapeOf(schema, props.date, "2026-01-05").shape, "date");
  assert.equal(editor.shapeOf(schema, props.start, undefined).shape, "text");
  assert.equal(editor.shapeOf(schema, props.start, undefined).nullable, true);
  assert.equal(editor.shapeOf(schema, props.programme, []).shape, "array");
  assert.equal(editor.shapeOf(schema, props.programme.items, { kind: "talk" }).shape, "union");
  const block = editor.blank(schema, props.programme.items);
  assert.equal(typeof block.minutes, "number");
  assert.ok(block.minutes > 0);
  assert.equal(typeof block.kind, "string");
});

test("field paths count list items from 1, as check reports them", () => {
  assert.equal(editor.fieldPath(["programme", 0, "minutes"]), "programme.1.minutes");
});

test("a step's slides are read as numbers and ranges, as check reads them", () => {
  assert.deepEqual(editor.slideNumbers(3), [3]);
  assert.deepEqual(editor.slideNumbers("3–5"), [3, 4, 5]);
  assert.deepEqual(editor.slideNumbers(" 2 - 3 "), [2, 3]);
  assert.equal(editor.slideNumbers("5–3"), null);
  assert.equal(editor.slideNumbers("0"), null);
  assert.equal(editor.slideNumbers("tre"), null);
});
