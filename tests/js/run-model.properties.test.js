// Properties of the run model over random programmes, sequences of actions and clock ticks.
"use strict";

const test = require("node:test");
const assert = require("node:assert/strict");
const { fc, Run, MINUTE, EXAMPLES, programmeData, buildProgramme, action, tick, steps, play } = require("./helpers.js");

const options = { numRuns: EXAMPLES };

function close(a, b, what) {
  assert.ok(Math.abs(a - b) < 1e-6, `${what}: ${a} != ${b}`);
}

test("every state the actions make is valid, and derive never throws", () => {
  fc.assert(
    fc.property(programmeData, steps, tick, (data, list, wait) => {
      const prog = buildProgramme(data);
      play(prog, list, (before, step, after, now) => {
        assert.ok(Run.validate(prog, after, now + wait), JSON.stringify({ step, after }));
        Run.derive(prog, after, now + wait);
      });
    }),
    options
  );
});

test("planned total plus delay is the expected end, and each block ends where the next begins", () => {
  fc.assert(
    fc.property(programmeData, steps, tick, (data, list, wait) => {
      const prog = buildProgramme(data);
      const { state, now } = play(prog, list);
      const later = now + wait;
      const figures = Run.derive(prog, state, later);
      const n = prog.count;
      for (let i = 0; i + 1 < n; i++) {
        close(figures.to[i], figures.from[i + 1], `block ${i} to ${i + 1}`);
      }
      if (figures.startMs === null) {
        assert.equal(figures.delay, figures.lengths.reduce((a, b) => a + b, 0) - prog.total);
        return;
      }
      close(figures.expectedEnd, figures.startMs + (prog.total + figures.delay) * MINUTE, "end");
      close(figures.expectedEnd, figures.startMs + figures.to[n - 1] * MINUTE, "last block's end");
      // The delay, worked out another way: what was added to the blocks, and, by hand, how far
      // the running block is from its planned place.
      const added = figures.lengths.reduce((a, b) => a + b, 0) - prog.total;
      if (state.mode === "clock" || state.run === null) {
        close(figures.delay, added, "delay following the clock");
      } else if (figures.current !== null) {
        const i = figures.current;
        const endOfCurrent = later + Math.max(0, figures.remaining * 1000);
        const rest = figures.lengths.slice(i + 1).reduce((a, b) => a + b, 0);
        close(figures.delay, (endOfCurrent - figures.plannedEnd) / MINUTE + rest, "delay by hand");
      }
    }),
    options
  );
});

test("previous after next restores the block and the time it had run", () => {
  fc.assert(
    fc.property(programmeData, steps, tick, tick, (data, list, wait, between) => {
      const prog = buildProgramme(data);
      const { state, now } = play(prog, list);
      const t = now + wait;
      const before = Run.derive(prog, state, t);
      fc.pre(before.current !== null);
      const moved = Run.act(prog, state, { type: "next" }, t);
      // Past the last block the programme is done, and a pause with it.
      const toDone = before.current === prog.count - 1;
      const back = Run.act(prog, moved, { type: "previous" }, t + between);
      const after = Run.derive(prog, back, t + between);
      assert.equal(after.current, before.current);
      const paused = before.stage === "paused" || (state.mode === "hand" && state.run && state.run.paused !== null);
      // The block went on from where it was left; a paused one stands where it stood.
      close(after.elapsed, before.elapsed, "elapsed");
      assert.equal(after.stage === "paused", paused && !toDone);
    }),
    options
  );
});

test("undo after any action restores the state before it", () => {
  fc.assert(
    fc.property(programmeData, steps, action, tick, (data, list, step, wait) => {
      const prog = buildProgramme(data);
      const { state, now } = play(prog, list);
      fc.pre(step.type !== "undo");
      const done = Run.act(prog, state, step, now + wait);
      // An action that changes nothing leaves no step behind to undo.
      fc.pre(done !== state);
      const undone = Run.act(prog, done, { type: "undo" }, now + wait);
      assert.deepEqual(Run.snapshot(undone), Run.snapshot(state));
      if (state.history.length < Run.HISTORY) {
        assert.deepEqual(undone.history, state.history);
      }
    }),
    options
  );
});

test("at least ten actions can be undone in turn", () => {
  fc.assert(
    fc.property(programmeData, fc.array(fc.tuple(action, tick), { minLength: 10, maxLength: 15 }), (data, list) => {
      const prog = buildProgramme(data);
      const seen = [];
      const { state, now } = play(prog, list, (before, step, after) => {
        if (after !== before && step.type !== "undo") {
          seen.push(before);
        } else if (step.type === "undo" && after !== before) {
          seen.pop();
        }
      });
      let current = state;
      for (let i = seen.length - 1; i >= 0; i--) {
        current = Run.act(prog, current, { type: "undo" }, now);
        assert.deepEqual(Run.snapshot(current), Run.snapshot(seen[i]));
      }
    }),
    options
  );
});

test("every view's figures agree: timer, guide, run-sheet and each projector", () => {
  fc.assert(
    fc.property(programmeData, steps, tick, (data, list, wait) => {
      const prog = buildProgramme(data);
      const { state, now } = play(prog, list);
      const t = now + wait;
      // Each window derives on its own: the same state at the same moment gives the same figures.
      const timer = Run.derive(prog, JSON.parse(JSON.stringify(state)), t);
      const guide = Run.derive(prog, JSON.parse(JSON.stringify(state)), t);
      assert.deepEqual(timer, guide);
      for (let k = 0; k < prog.count; k++) {
        const projector = Run.focus(timer, k);
        assert.equal(projector.to, timer.to[k], "back at the block's expected end");
        assert.equal(projector.from, timer.from[k]);
        if (timer.current === k) {
          assert.equal(projector.stage, timer.stage);
          assert.equal(projector.remaining, timer.remaining);
        } else if (timer.stage === "done" || (timer.current !== null && k < timer.current)) {
          assert.equal(projector.stage, "done");
        } else {
          assert.ok(projector.waiting);
          assert.equal(projector.remaining, timer.lengths[k] * 60);
          if (timer.current !== null && timer.startMs !== null) {
            assert.ok(timer.startMs + projector.from * MINUTE >= t - 1e-6, "a block to come begins later");
          }
        }
      }
    }),
    options
  );
});

const hostileValue = fc.oneof(
  fc.constantFrom(-1, 1.5, NaN, Infinity, -Infinity, 1e308, "2", "", null, undefined, true, [], {}, 1e23, -0.5),
  fc.anything()
);

const statePaths = [
  ["start"],
  ["mode"],
  ["extra"],
  ["extra", "0"],
  ["extra", "99"],
  ["run"],
  ["run", "block"],
  ["run", "since"],
  ["run", "paused"],
  ["run", "spent"],
  ["run", "spent", "0"],
  ["day"],
  ["rehearsal"],
  ["room"],
  ["speaker"],
  ["blackout"],
  ["history"],
  ["at"],
  ["v"],
  ["saved"],
];

test("a state from outside the page that fails validation is refused, and nothing throws", () => {
  fc.assert(
    fc.property(programmeData, steps, fc.constantFrom(...statePaths), hostileValue, (data, list, path, value) => {
      const prog = buildProgramme(data);
      const { state, now } = play(prog, list.concat([[{ type: "toggle" }, 0]]));
      const hostile = JSON.parse(JSON.stringify(state));
      let target = hostile;
      for (const key of path.slice(0, -1)) {
        if (target[key] === null || typeof target[key] !== "object") {
          target[key] = {};
        }
        target = target[key];
      }
      target[path[path.length - 1]] = value;
      const ok = Run.validate(prog, hostile, now);
      if (ok) {
        // What passes runs: its figures are numbers, never NaN or Infinity.
        const figures = Run.derive(prog, hostile, now);
        for (const key of ["delay", "remaining", "expectedEnd", "elapsed"]) {
          const figure = figures[key];
          assert.ok(figure === null || Number.isFinite(figure), `${key}: ${figure}`);
        }
        Run.act(prog, hostile, { type: "next" }, now);
      }
    }),
    options
  );
  fc.assert(
    fc.property(programmeData, fc.anything(), (data, value) => {
      assert.equal(Run.validate(buildProgramme(data), value, Date.now()), false);
    }),
    options
  );
});

test("of two different states, exactly one replaces the other, whichever window hears first", () => {
  fc.assert(
    fc.property(programmeData, steps, steps, fc.boolean(), (data, one, two, atOnce) => {
      const prog = buildProgramme(data);
      const a = play(prog, one).state;
      let b = play(prog, two).state;
      if (atOnce) {
        b = { ...b, at: a.at };
      }
      // The same state from another window is left alone (the page asks `same` first).
      fc.pre(!Run.same(a, b));
      assert.notEqual(Run.newer(a, b), Run.newer(b, a), JSON.stringify({ a, b }));
    }),
    options
  );
});
