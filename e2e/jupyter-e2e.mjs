#!/usr/bin/env node
// Browser end-to-end test of the jconcur kernel in JupyterLab 4 and Notebook 7, in Debian's Chromium driven
// by playwright-core. For each app: installs nothing globally (kernelspec in a throw-away prefix, Jupyter's
// config, data and runtime in a throw-away directory), starts the server on 127.0.0.1 with a token, runs the
// eight steps of lib/steps.mjs, screenshots each step to OUT/APP-N-STEP.png, stops the server and checks no
// process it started is left. Exit status 0 when every step of every app passed.
//
//   node e2e/jupyter-e2e.mjs --jupyter .venv/bin/jupyter [--app lab] [--app notebook7] [--jar kernel/target/jconcur-kernel.jar]
//        [--out kernel/target/e2e] [--java PATH] [--chromium /usr/bin/chromium] [--keep]

import { chromium } from 'playwright-core';
import { parseArgs } from 'node:util';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { APPS } from './lib/apps.mjs';
import { JupyterServer, installKernelspec } from './lib/jupyter-server.mjs';
import { installPageHelpers } from './lib/notebook.mjs';
import { processesMentioning } from './lib/processes.mjs';
import { CheckFailed, StepRunner, check, log } from './lib/report.mjs';
import { steps } from './lib/steps.mjs';

const REPO = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');

const { values: opts } = parseArgs({
  options: {
    jupyter: { type: 'string', default: path.join(REPO, '.venv/bin/jupyter') },
    app: { type: 'string', multiple: true, default: Object.keys(APPS) },
    jar: { type: 'string', default: path.join(REPO, 'kernel/target/jconcur-kernel.jar') },
    out: { type: 'string', default: path.join(REPO, 'kernel/target/e2e') },
    java: { type: 'string', default: process.env.JAVA_HOME ? path.join(process.env.JAVA_HOME, 'bin/java') : 'java' },
    chromium: { type: 'string', default: '/usr/bin/chromium' },
    keep: { type: 'boolean', default: false },
  },
});

/** notebooks/01-*.ipynb: chapter 1 of the book. */
function chapterOne() {
  const dir = path.join(REPO, 'notebooks');
  const found = fs.readdirSync(dir).filter((f) => /^01-.*\.ipynb$/.test(f)).sort();
  check(found.length > 0, `chapter 1 (notebooks/01-*.ipynb) should exist; ${dir} has no such file`);
  return path.join(dir, found[0]);
}

function launchChromium() {
  // Debian's Chromium, never a browser playwright downloads; no sandbox (containers, root) and no GPU.
  return chromium.launch({
    executablePath: opts.chromium,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
}

/** Runs the steps in one app on a server of its own; the server is stopped whatever happens. */
async function testApp(app, { jupyterPath, chapter, tmp }) {
  const dir = fs.mkdtempSync(path.join(tmp, `${app.name}-`));
  const server = new JupyterServer({ app: app.command, jupyter: opts.jupyter, jupyterPath, dir,
    logFile: path.join(opts.out, `${app.name}-server.log`) });
  const runner = new StepRunner(app.name, opts.out);
  let browser;
  let page;
  try {
    const t0 = Date.now();
    await server.start();
    log(`${app.title} at ${server.base} (started in ${((Date.now() - t0) / 1000).toFixed(1)} s)`);
    browser = await launchChromium();
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    await installPageHelpers(context);
    context.on('page', (p) => p.on('pageerror', (e) => log(`${app.name} page error: ${e.stack?.split('\n').slice(0, 3).join(' ')}`)));
    page = await context.newPage();
    for (const step of steps({ app, server, page, chapter })) await runner.run(step);
    return { app, version: await page.evaluate(() => window.jupyterapp.version), runner, ok: true };
  } catch (e) {
    console.error(`[e2e] ${app.title} FAILED: ${e instanceof CheckFailed ? e.message : e.stack}`);
    for (const p of browser?.contexts().flatMap((c) => c.pages()) ?? []) {
      const file = path.join(opts.out, `${app.name}-failure-${p === page ? 'main' : 'tab'}.png`);
      await p.screenshot({ path: file }).catch(() => {});
      console.error(`[e2e] failure screenshot: ${file}`);
    }
    console.error(`[e2e] ${app.title} server log (last lines):\n${server.logTail()}`);
    return { app, runner, ok: false };
  } finally {
    await browser?.close().catch(() => {});
    await server.stop().catch((e) => console.error(`[e2e] stopping jupyter ${app.command}: ${e.message}`));
  }
}

async function main() {
  const apps = opts.app.map((name) => {
    check(APPS[name], `--app should be one of ${Object.keys(APPS).join(', ')}; it is ${name}`);
    return APPS[name];
  });
  for (const [what, file] of [['kernel jar', opts.jar], ['jupyter', opts.jupyter], ['Chromium', opts.chromium]]) {
    check(fs.existsSync(file), `the ${what} should exist at ${file}; it does not`);
  }
  const chapter = chapterOne();
  fs.rmSync(opts.out, { recursive: true, force: true });
  fs.mkdirSync(opts.out, { recursive: true });
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'jconcur-e2e-'));
  const results = [];
  let leftovers;
  try {
    const jupyterPath = installKernelspec({ java: opts.java, jar: opts.jar, prefix: path.join(tmp, 'prefix') });
    log(`kernelspec installed into ${jupyterPath}`);
    for (const app of apps) results.push(await testApp(app, { jupyterPath, chapter, tmp }));
    leftovers = processesMentioning(tmp);
  } finally {
    if (opts.keep) log(`kept ${tmp}`);
    else fs.rmSync(tmp, { recursive: true, force: true });
  }
  console.log(`\nsteps (app, step, time, screenshots in ${path.relative(process.cwd(), opts.out) || '.'}):`);
  for (const r of results) console.log(`${r.runner.table()}\n${r.app.title} ${r.version ?? ''}: ${r.ok ? 'passed' : 'FAILED'}`);
  check(leftovers.length === 0, `no process started by the test should outlive it; still running:\n${leftovers.join('\n')}`);
  return results.every((r) => r.ok);
}

const t0 = Date.now();
await main().then((ok) => {
  log(`${ok ? 'OK' : 'FAILED'} in ${((Date.now() - t0) / 1000).toFixed(0)} s`);
  process.exitCode = ok ? 0 : 1;
}, (e) => {
  console.error(`[e2e] FAILED: ${e instanceof CheckFailed ? e.message : e.stack}`);
  process.exitCode = 1;
});
