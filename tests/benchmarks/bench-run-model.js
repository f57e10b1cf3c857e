// How long one tick of the run model takes for a programme of 1,000 blocks: derive every figure,
// and format each block's expected start and end as the run-sheet shows them. Prints the figures;
// run with `node tests/benchmarks/bench-run-model.js [blocks]`.
"use strict";

const Run = require("../../src/kulturdialog/site/assets/run-model.js");

const count = Number(process.argv[2] || 1000);
const prog = Run.programme({
  blocks: Array.from({ length: count }, (_, i) => ({ minutes: 1 + (i % 30), warn: 2 })),
  start: "09:00",
  date: null,
});
const begin = new Date(2026, 10, 23, 9, 0).getTime();
let state = Run.act(prog, Run.fresh(prog), { type: "runByHand" }, begin);
for (let i = 0; i < 20; i++) {
  state = Run.act(prog, state, { type: i % 2 ? "next" : "adjust", minutes: 5 }, begin + i * 60000);
}

function tick(now) {
  const figures = Run.derive(prog, state, now);
  let text = "";
  for (let i = 0; i < prog.count; i++) {
    text = Run.formatClock(figures.startMs + figures.from[i] * Run.MINUTE);
  }
  return text + Run.formatCountdown(figures.remaining);
}

const rounds = 200;
tick(begin); // warm up
const started = process.hrtime.bigint();
for (let i = 0; i < rounds; i++) {
  tick(begin + 30 * 60000 + i * 250);
}
const perTick = Number(process.hrtime.bigint() - started) / 1e6 / rounds;
const actStart = process.hrtime.bigint();
for (let i = 0; i < rounds; i++) {
  Run.act(prog, state, { type: "adjust", minutes: 5 }, begin + 40 * 60000);
}
const perAction = Number(process.hrtime.bigint() - actStart) / 1e6 / rounds;
const stored = JSON.stringify(state).length;
console.log(`run model, ${count} blocks: ${perTick.toFixed(2)} ms a tick, ${perAction.toFixed(2)} ms an action, ${stored} characters stored (20 steps of undo)`);
