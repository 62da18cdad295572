// Logging, checks and the timed steps of the browser test: every step is timed, leaves one screenshot and a
// one-line summary, and a failed check says what was expected and what was seen.

import path from 'node:path';

const started = Date.now();

export function log(message) {
  console.log(`[e2e ${((Date.now() - started) / 1000).toFixed(1).padStart(6)}s] ${message}`);
}

/** A check of the product failed (as opposed to a crash of the test itself). */
export class CheckFailed extends Error {}

export function check(condition, message) {
  if (!condition) throw new CheckFailed(message);
}

/**
 * Runs the steps of one app in order, each timed, and names their screenshots
 * OUT/APP-N-NAME.png, so that a run's pictures sort in the order the steps ran.
 */
export class StepRunner {
  constructor(app, outDir) {
    this.app = app;
    this.outDir = outDir;
    this.results = [];
  }

  screenshotPath(step, suffix = '') {
    return path.join(this.outDir, `${this.app}-${step.number}-${step.name}${suffix}.png`);
  }

  /** Runs step.run(shot), where shot(target, suffix) screenshots a page or locator for this step. */
  async run(step) {
    const t0 = Date.now();
    const shots = [];
    const shot = async (target, suffix = '') => {
      const file = this.screenshotPath(step, suffix);
      await target.screenshot({ path: file });
      shots.push(file);
    };
    log(`${this.app} step ${step.number} (${step.name}): ${step.title}`);
    try {
      const summary = await step.run(shot);
      check(shots.length > 0, `step ${step.number} (${step.name}) should leave a screenshot; it took none`);
      const seconds = (Date.now() - t0) / 1000;
      this.results.push({ ...step, seconds, summary, shots, ok: true });
      log(`${this.app} step ${step.number} passed in ${seconds.toFixed(1)} s: ${summary}`);
    } catch (e) {
      this.results.push({ ...step, seconds: (Date.now() - t0) / 1000, summary: e.message, shots, ok: false });
      throw e;
    }
  }

  table() {
    return this.results.map((r) => `${this.app.padEnd(9)} ${String(r.number).padStart(2)} ${r.name.padEnd(18)} `
      + `${r.seconds.toFixed(1).padStart(6)} s  ${r.ok ? 'ok    ' : 'FAILED'} ${r.shots.map((s) => path.basename(s)).join(', ')}`)
      .join('\n');
  }
}
