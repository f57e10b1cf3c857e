// Shared by the run model's tests: the model, fast-check and generators of programmes, actions
// and clock ticks.
"use strict";

const fc = require("fast-check");
const Run = require("../../src/kulturdialog/site/assets/run-model.js");

const MINUTE = 60000;
const SECOND = 1000;
const EXAMPLES = Number(process.env.KULTURDIALOG_PROPERTY_EXAMPLES || 300);

/** A day and an hour in local time, as milliseconds. */
function at(year, month, day, hours = 0, minutes = 0, seconds = 0) {
  return new Date(year, month - 1, day, hours, minutes, seconds).getTime();
}

/** The bundled seminar's shape: 25, 20, 30 ... minutes from 09:00 on 27 April 2023. */
function seminar(overrides = {}) {
  return Run.programme({
    blocks: [25, 20, 30, 20, 30, 25, 30].map((minutes) => ({ minutes, warn: 2 })),
    start: "09:00",
    date: "2023-04-27",
    ...overrides,
  });
}

const programmeData = fc.record({
  blocks: fc.array(fc.record({ minutes: fc.integer({ min: 1, max: 90 }), warn: fc.integer({ min: 1, max: 5 }) }), {
    minLength: 1,
    maxLength: 12,
  }),
  start: fc.option(
    fc.tuple(fc.integer({ min: 0, max: 20 }), fc.integer({ min: 0, max: 59 })).map(
      ([h, m]) => String(h).padStart(2, "0") + ":" + String(m).padStart(2, "0")
    ),
    { nil: null }
  ),
  // The programme's day is the day the run begins, another day, or none (a package).
  date: fc.constantFrom("today", "2023-04-27", null),
});

const DAY0 = at(2026, 11, 23, 7, 30);

function buildProgramme(data) {
  return Run.programme({ ...data, date: data.date === "today" ? Run.isoDay(DAY0) : data.date });
}

const action = fc.oneof(
  fc.constantFrom(
    { type: "toggle" },
    { type: "next" },
    { type: "previous" },
    { type: "reset" },
    { type: "endRun" },
    { type: "undo" },
    { type: "runByHand" },
    { type: "followClock" },
    { type: "followClock", now: true },
    { type: "blackout" },
    { type: "rehearse" },
    { type: "setStart", start: null }
  ),
  fc.record({ type: fc.constant("adjust"), minutes: fc.constantFrom(-5, 5, -1, 1, 10, -30) }),
  fc.record({ type: fc.constant("adjust"), minutes: fc.constantFrom(-5, 5), block: fc.integer({ min: -1, max: 12 }) }),
  fc.record({ type: fc.constant("setStart"), start: fc.integer({ min: 0, max: 1439 }) }),
  fc.record({ type: fc.constant("message"), text: fc.string({ maxLength: 300 }) }),
  fc.record({ type: fc.constant("speakerMessage"), text: fc.string({ maxLength: 40 }) }),
  fc.record({ type: fc.constant("rehearse"), on: fc.boolean(), start: fc.integer({ min: 0, max: 1439 }) })
);

/** Time passing between two actions: a moment, some seconds, minutes or hours. */
const tick = fc.oneof(
  fc.constant(0),
  fc.integer({ min: 1, max: 30 * SECOND }),
  fc.integer({ min: 1, max: 40 * MINUTE }),
  fc.integer({ min: 1, max: 6 * 60 * MINUTE })
);

const steps = fc.array(fc.tuple(action, tick), { maxLength: 25 });

/** Runs `steps` from a fresh state; calls `check(before, action, after, now)` on each. */
function play(prog, list, check) {
  let state = Run.fresh(prog);
  let now = DAY0;
  for (const [step, wait] of list) {
    now += wait;
    const before = state;
    state = Run.act(prog, state, step, now);
    if (check) {
      check(before, step, state, now);
    }
  }
  return { state, now };
}

module.exports = { fc, Run, MINUTE, SECOND, EXAMPLES, at, seminar, programmeData, buildProgramme, action, tick, steps, play, DAY0 };
