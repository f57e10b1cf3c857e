// The run model, case by case: each slip a facilitator made in the room, as the model sees it.
"use strict";

const test = require("node:test");
const assert = require("node:assert/strict");
const { Run, MINUTE, SECOND, at, seminar } = require("./helpers.js");

const DAY = [2023, 4, 27];
const clock = (h, m, s = 0) => at(...DAY, h, m, s);

/** Runs actions in turn, each at its own time: [[action, time], ...]. */
function run(prog, list, state = Run.fresh(prog)) {
  for (const [action, when] of list) {
    state = Run.act(prog, state, action, when);
  }
  return state;
}

test("two truths about delay: one delay, one expected end, times of the blocks that follow", () => {
  const prog = seminar();
  // Block 1 over-runs by 10 minutes, run by hand, without +5.
  const state = run(prog, [[{ type: "runByHand" }, clock(9, 0)]]);
  const figures = Run.derive(prog, state, clock(9, 35));
  assert.equal(figures.stage, "overtime");
  assert.equal(figures.delay, 10);
  assert.equal(Run.formatClock(figures.expectedEnd), "12:10");
  assert.equal(Run.formatClock(figures.plannedEnd), "12:00");
  // The programme's times move with it: block 2 is now expected at 09:35.
  assert.equal(Run.formatClock(figures.startMs + figures.from[1] * MINUTE), "09:35");
  // +5 and an early skip: the one delay is what is left of both.
  const later = run(prog, [
    [{ type: "adjust", minutes: 5 }, clock(9, 36)],
    [{ type: "next" }, clock(9, 36)],
  ], state);
  const after = Run.derive(prog, later, clock(9, 36));
  assert.equal(after.delay, 11);
  assert.equal(Run.formatClock(after.expectedEnd), "12:11");
});

test("no undo or reset without a way back: reset and ten more actions are undone in turn", () => {
  const prog = seminar();
  const list = [
    [{ type: "toggle" }, clock(9, 0)],
    [{ type: "adjust", minutes: 5 }, clock(9, 1)],
    [{ type: "next" }, clock(9, 2)],
    [{ type: "adjust", minutes: -5 }, clock(9, 3)],
    [{ type: "toggle" }, clock(9, 4)],
    [{ type: "toggle" }, clock(9, 5)],
    [{ type: "next" }, clock(9, 6)],
    [{ type: "message", text: "Kaffe er klar" }, clock(9, 7)],
    [{ type: "blackout" }, clock(9, 8)],
    [{ type: "previous" }, clock(9, 9)],
    [{ type: "reset" }, clock(9, 10)],
  ];
  const states = [Run.fresh(prog)];
  for (const [action, when] of list) {
    states.push(Run.act(prog, states[states.length - 1], action, when));
  }
  assert.equal(Run.derive(prog, states[states.length - 1], clock(9, 10)).current, 0, "reset: back to the plan");
  let state = states[states.length - 1];
  for (let i = states.length - 2; i >= 0; i--) {
    state = Run.act(prog, state, { type: "undo" }, clock(9, 11));
    assert.deepEqual(Run.snapshot(state), Run.snapshot(states[i]), `undo ${states.length - 1 - i}`);
  }
});

test("previous in the first block keeps its time instead of restarting it", () => {
  const prog = seminar();
  const state = run(prog, [
    [{ type: "runByHand" }, clock(9, 0)],
    [{ type: "previous" }, clock(9, 10)],
  ]);
  const figures = Run.derive(prog, state, clock(9, 10));
  assert.equal(figures.current, 0);
  assert.equal(Run.formatCountdown(figures.remaining), "15:00");
  assert.equal(figures.delay, 0);
});

test("previous after next resumes the block where it was left", () => {
  const prog = seminar();
  const state = run(prog, [
    [{ type: "runByHand" }, clock(9, 0)],
    [{ type: "next" }, clock(9, 10)],
    [{ type: "previous" }, clock(9, 11)],
  ]);
  const figures = Run.derive(prog, state, clock(9, 11));
  assert.equal(figures.current, 0);
  assert.equal(Run.formatCountdown(figures.remaining), "15:00");
});

test("start and start now as one labelled choice: following the clock, every view agrees at a block's end", () => {
  const prog = seminar();
  const state = run(prog, [[{ type: "followClock", now: true }, clock(10, 0)]]);
  assert.equal(state.start, 600);
  assert.equal(state.mode, "clock");
  // At the end of the first block the second runs; the first's projector says it is done.
  const figures = Run.derive(prog, state, clock(10, 25, 5));
  assert.equal(figures.current, 1);
  assert.equal(Run.focus(figures, 0).stage, "done");
  assert.equal(Run.focus(figures, 1).stage, figures.stage);
  // Run by hand from here: the same block, the same time left.
  const byHand = Run.act(prog, state, { type: "runByHand" }, clock(10, 25, 5));
  const same = Run.derive(prog, byHand, clock(10, 25, 5));
  assert.equal(same.current, 1);
  assert.equal(same.remaining, figures.remaining);
  // And by hand the time runs out and over.
  assert.equal(Run.derive(prog, byHand, clock(10, 45, 6)).stage, "time-up");
  assert.equal(Run.derive(prog, byHand, clock(10, 46)).stage, "overtime");
});

test("before the day: next starts the first block, and a group task's projector shows its own time", () => {
  const prog = seminar();
  const early = at(2023, 4, 20, 8, 0);
  const figures = Run.derive(prog, Run.fresh(prog), early);
  assert.equal(figures.stage, "before");
  assert.equal(figures.next, 0);
  const task = Run.focus(figures, 2);
  assert.equal(Run.formatClock(figures.startMs + task.from * MINUTE), "09:45");
  assert.equal(Run.formatClock(figures.startMs + task.to * MINUTE), "10:15");
  const started = Run.act(prog, Run.fresh(prog), { type: "next" }, early);
  assert.equal(Run.derive(prog, started, early).current, 0, "the first block, not the second");
});

test("rehearsal on any day: starting on another day than the gathering's rehearses, on time", () => {
  const prog = seminar();
  const other = at(2027, 3, 11, 18, 29);
  const state = Run.act(prog, Run.fresh(prog), { type: "toggle" }, other);
  assert.equal(state.rehearsal, true);
  const figures = Run.derive(prog, state, other + 60 * SECOND);
  assert.equal(figures.rehearsal, true);
  assert.equal(figures.current, 0);
  assert.equal(Math.round(figures.delay), 0, "not 566 minutes behind");
  assert.equal(Run.formatClock(figures.expectedEnd), "21:29");
  // The real day's state waits aside, and comes back when the rehearsal ends.
  const back = Run.act(prog, state, { type: "rehearse", on: false }, other + MINUTE);
  assert.equal(back.rehearsal, false);
  assert.deepEqual(Run.snapshot(back), Run.snapshot(Run.fresh(prog)));
  // Start now (following the clock) on another day rehearses too, and starts.
  const now = Run.act(prog, Run.fresh(prog), { type: "followClock", now: true }, other);
  assert.equal(now.rehearsal, true);
  assert.equal(Run.derive(prog, now, other).current, 0);
});

test("after the last block the programme is done, with no next", () => {
  const prog = seminar();
  const figures = Run.derive(prog, Run.fresh(prog), clock(12, 1));
  assert.equal(figures.stage, "done");
  assert.equal(figures.next, null);
  let state = run(prog, [[{ type: "runByHand" }, clock(9, 0)]]);
  for (let i = 0; i < prog.count; i++) {
    state = Run.act(prog, state, { type: "next" }, clock(9, 1 + i));
  }
  const byHand = Run.derive(prog, state, clock(9, 30));
  assert.equal(byHand.stage, "done");
  assert.equal(byHand.next, null);
  assert.equal(Run.formatClock(byHand.expectedEnd), "09:07");
});

test("hostile state from storage or broadcast is refused", () => {
  const prog = seminar();
  const now = clock(9, 0);
  const good = run(prog, [[{ type: "runByHand" }, now], [{ type: "toggle" }, now]]);
  assert.ok(Run.validate(prog, good, now));
  const spoiled = [
    (s) => (s.run.block = -1),
    (s) => (s.run.block = 1.5),
    (s) => (s.run.block = "2"),
    (s) => (s.run.block = prog.count + 1),
    (s) => (s.at = 1e308),
    (s) => (s.at = Infinity),
    (s) => (s.at = NaN),
    (s) => (s.run.since = 1e23),
    (s) => (s.extra = { 0: "5" }),
    (s) => (s.extra = { 0: Infinity }),
    (s) => (s.extra = { 0: 1e23 }),
    (s) => (s.extra = { "-1": 5 }),
    (s) => (s.extra = [5]),
    (s) => (s.start = "540"),
    (s) => (s.start = 1440),
    (s) => (s.room = { toString: "x" }),
    (s) => (s.history = [{}]),
    (s) => (s.run.paused = s.run.since - 1),
    (s) => (s.mode = "clock"),
    (s) => delete s.v,
  ];
  for (const spoil of spoiled) {
    const hostile = JSON.parse(JSON.stringify(good));
    spoil(hostile);
    assert.equal(Run.validate(prog, hostile, now), false, String(spoil));
  }
  for (const value of [null, undefined, 0, "state", [], NaN, { v: 1 }]) {
    assert.equal(Run.validate(prog, value, now), false);
  }
  const throwing = JSON.parse(JSON.stringify(good));
  Object.defineProperty(throwing, "start", { enumerable: true, get: () => { throw new Error("no"); } });
  assert.equal(Run.validate(prog, throwing, now), false);
});

test("a message to the room, a message to the speaker and blackout", () => {
  const prog = seminar();
  let state = run(prog, [
    [{ type: "message", text: "Kaffe er klar" }, clock(9, 0)],
    [{ type: "speakerMessage", text: "2 min igjen" }, clock(9, 0)],
    [{ type: "blackout" }, clock(9, 0)],
  ]);
  const figures = Run.derive(prog, state, clock(9, 1));
  assert.equal(figures.room, "Kaffe er klar");
  assert.equal(figures.speaker, "2 min igjen");
  assert.equal(figures.blackout, true);
  state = Run.act(prog, state, { type: "message", text: "x".repeat(1000) }, clock(9, 2));
  assert.equal(state.room.length, Run.MAX_TEXT);
  assert.equal(Run.act(prog, state, { type: "blackout" }, clock(9, 3)).blackout, false);
});

test("prepared links: start and minutes added in the address are read, and anything else is ignored", () => {
  assert.equal(Run.parseClock("9.30"), 570);
  assert.equal(Run.parseClock("0930"), 570);
  for (const bad of ["25:99", "1e308", "", "9:3", null, undefined, "Infinity"]) {
    assert.equal(Run.parseClock(bad), null, String(bad));
  }
  assert.deepEqual(Run.parseExtra("1:5,2:-5,9:5,x:1,1:1e23,3:Infinity,4:99999", 7), { 1: 5, 2: -5 });
  assert.equal(Run.formatExtra({ 2: -5, 1: 5 }), "1:5,2:-5");
});

test("plus and minus minutes keep a block at least one minute long and move the end", () => {
  const prog = seminar();
  let state = Run.fresh(prog);
  for (let i = 0; i < 10; i++) {
    state = Run.act(prog, state, { type: "adjust", minutes: -5, block: 0 }, clock(8, 0));
  }
  const figures = Run.derive(prog, state, clock(8, 0));
  assert.equal(figures.lengths[0], 1);
  assert.equal(figures.delay, -24);
  assert.equal(Run.formatClock(figures.expectedEnd), "11:36");
});

test("space repeating the last clicked button: toggle only starts, pauses and resumes", () => {
  const prog = seminar();
  // Following the clock, Space pauses the block that runs; again, it goes on by hand.
  let state = Run.act(prog, Run.fresh(prog), { type: "toggle" }, clock(9, 10));
  let figures = Run.derive(prog, state, clock(9, 12));
  assert.equal(figures.stage, "paused");
  assert.equal(Run.formatCountdown(figures.remaining), "15:00");
  state = Run.act(prog, state, { type: "toggle" }, clock(9, 12));
  figures = Run.derive(prog, state, clock(9, 13));
  assert.equal(figures.stage, "running");
  assert.equal(figures.current, 0, "never a skip to the next block");
  assert.equal(Run.formatCountdown(figures.remaining), "14:00");
  assert.equal(figures.delay, 2, "the pause is the delay");
});

test("a prepared link's start and minutes are accepted as one step", () => {
  const prog = seminar();
  const state = Run.act(prog, Run.fresh(prog), { type: "plan", start: 570, extra: Run.parseExtra("1:5", prog.count) }, clock(8, 0));
  const figures = Run.derive(prog, state, clock(8, 0));
  assert.equal(Run.formatClock(figures.expectedEnd), "12:35");
  assert.equal(figures.delay, 5, "a new start moves the plan; only the minutes added are delay");
  assert.deepEqual(Run.snapshot(Run.act(prog, state, { type: "undo" }, clock(8, 1))), Run.snapshot(Run.fresh(prog)));
  assert.equal(Run.act(prog, state, { type: "plan", start: 570, extra: { 99: 5 } }, clock(8, 2)), state, "out of range: ignored");
});

test("ready to start: the first block is at hand and the second comes after it", () => {
  const prog = seminar({ start: null });
  const figures = Run.derive(prog, Run.fresh(prog), clock(8, 0));
  assert.equal(figures.stage, "ready");
  assert.equal(figures.shown, 0);
  assert.equal(figures.after, 1);
});

test("yesterday's run of a package's run-sheet ends, its start and minutes kept", () => {
  const prog = Run.programme({ blocks: [{ minutes: 10 }, { minutes: 20 }], start: null, date: null });
  const yesterday = at(2026, 11, 22, 14, 0);
  let state = Run.act(prog, Run.fresh(prog), { type: "toggle" }, yesterday);
  state = Run.act(prog, state, { type: "adjust", minutes: 5 }, yesterday);
  const today = at(2026, 11, 23, 9, 0);
  assert.equal(Run.derive(prog, state, today).stage, "overtime", "left as it was, it runs over for a day");
  const ended = Run.act(prog, state, { type: "endRun" }, today);
  const figures = Run.derive(prog, ended, today);
  assert.equal(figures.stage, "ready");
  assert.equal(figures.lengths[0], 15);
  assert.equal(ended.start, 14 * 60);
  assert.equal(Run.formatClock(figures.startMs), "14:00");
  assert.equal(figures.day, "2026-11-23");
});
