#!/usr/bin/env node
// End-to-end browser test of the jconcur kernel in Debian's classic Jupyter Notebook (6.x).
//
// Installs the kernelspec into a throw-away prefix, starts the Notebook server on 127.0.0.1 with a token,
// opens a notebook in headless Chromium (playwright-core, Debian's /usr/bin/chromium), checks the kernel
// logo and Java syntax highlighting, runs all cells from the Cell menu, waits for the kernel to go idle,
// asserts that no cell shows an error and that the sweep chart appears as an image, saves screenshots,
// then runs `while (true) {}`, interrupts it from the toolbar and sees the kernel go idle with an error.
//
//   node e2e/notebook-e2e.mjs --jar kernel/target/jconcur-kernel.jar [--notebook FILE.ipynb] [--out DIR]
//        [--java PATH] [--python /usr/bin/python3] [--chromium /usr/bin/chromium] [--timeout 600] [--keep]
// Exit status 0 when every check passed.

import { chromium } from 'playwright-core';
import { spawn, execFileSync } from 'node:child_process';
import { parseArgs } from 'node:util';
import crypto from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

const REPO = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');

const { values: opts } = parseArgs({
  options: {
    jar: { type: 'string', default: path.join(REPO, 'kernel/target/jconcur-kernel.jar') },
    notebook: { type: 'string', default: defaultNotebook() },
    out: { type: 'string', default: path.join(REPO, 'kernel/target/e2e') },
    java: { type: 'string', default: process.env.JAVA_HOME ? path.join(process.env.JAVA_HOME, 'bin/java') : 'java' },
    python: { type: 'string', default: '/usr/bin/python3' },
    chromium: { type: 'string', default: '/usr/bin/chromium' },
    timeout: { type: 'string', default: '600' },
    keep: { type: 'boolean', default: false },
  },
});
const RUN_ALL_TIMEOUT_MS = Number(opts.timeout) * 1000;
const INTERRUPT_TIMEOUT_MS = 20_000;

/** Chapter 1 of the book when it exists, else the small sweep notebook of this test. */
function defaultNotebook() {
  const dir = path.join(REPO, 'notebooks');
  const chapter1 = fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => /^01-.*\.ipynb$/.test(f)).sort() : [];
  return chapter1.length ? path.join(dir, chapter1[0]) : path.join(REPO, 'e2e/fixtures/sweep.ipynb');
}

const t0 = Date.now();
function log(message) {
  console.log(`[e2e ${((Date.now() - t0) / 1000).toFixed(1).padStart(6)}s] ${message}`);
}

class CheckFailed extends Error {}
function check(condition, message) {
  if (!condition) throw new CheckFailed(message);
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** Screenshot names: notebooks/01-intro.ipynb -> chapter01, anything else -> its file name. */
function screenshotStem(notebook) {
  const base = path.basename(notebook, '.ipynb');
  const chapter = /^(\d\d)-/.exec(base);
  return chapter ? `chapter${chapter[1]}` : base;
}

/** The Notebook server, its log, and a way to call its REST API. */
class NotebookServer {
  constructor(python, env, notebookDir, logFile) {
    this.python = python;
    this.env = env;
    this.notebookDir = notebookDir;
    this.logFile = logFile;
    this.token = crypto.randomBytes(24).toString('hex');
  }

  async start() {
    this.port = await freePort();
    this.base = `http://127.0.0.1:${this.port}`;
    const logFd = fs.openSync(this.logFile, 'w');
    this.process = spawn(this.python, ['-m', 'notebook', '--no-browser', '--ip=127.0.0.1', `--port=${this.port}`,
      '--port-retries=0', `--NotebookApp.token=${this.token}`, `--notebook-dir=${this.notebookDir}`,
      ...(process.getuid?.() === 0 ? ['--allow-root'] : [])],
    { env: this.env, stdio: ['ignore', logFd, logFd] });
    fs.closeSync(logFd);
    this.exited = new Promise((resolve) => this.process.on('exit', (code, signal) => resolve({ code, signal })));
    const deadline = Date.now() + 60_000;
    let exit = null;
    this.exited.then((e) => { exit = e; });
    for (let delay = 100; ; delay = Math.min(delay * 2, 1000)) {
      check(exit === null, `the Notebook server exited (${JSON.stringify(exit)}):\n${this.logTail()}`);
      try {
        const response = await fetch(this.url('/api/status'));
        if (response.ok) return;
      } catch { /* not listening yet */ }
      check(Date.now() < deadline, `the Notebook server did not answer within 60 s:\n${this.logTail()}`);
      await new Promise((r) => setTimeout(r, delay));
    }
  }

  url(pathname) {
    return `${this.base}${pathname}${pathname.includes('?') ? '&' : '?'}token=${this.token}`;
  }

  async api(pathname, init = {}) {
    const response = await fetch(this.url(pathname), init);
    check(response.ok, `${init.method ?? 'GET'} ${pathname}: HTTP ${response.status}`);
    return response;
  }

  logTail(lines = 40) {
    try {
      return fs.readFileSync(this.logFile, 'utf8').split('\n').slice(-lines).join('\n');
    } catch {
      return '(no server log)';
    }
  }

  /** Shuts the kernels down through the API (so no kernel JVM outlives the test), then the server. */
  async stop() {
    if (!this.process || this.process.exitCode !== null) return;
    try {
      const kernels = await (await this.api('/api/kernels')).json();
      await Promise.all(kernels.map((k) => this.api(`/api/kernels/${k.id}`, { method: 'DELETE' }).catch(() => {})));
    } catch { /* the server may already be gone */ }
    this.process.kill('SIGTERM');
    const killer = setTimeout(() => this.process.kill('SIGKILL'), 10_000);
    await this.exited;
    clearTimeout(killer);
  }
}

/** Kernelspec and logo as the Notebook server serves them. */
async function checkKernelspec(server) {
  const specs = await (await server.api('/api/kernelspecs')).json();
  const spec = specs.kernelspecs.jconcur;
  check(spec, `kernelspec jconcur not served; found: ${Object.keys(specs.kernelspecs).join(', ')}`);
  check(spec.spec.display_name === 'Java (jconcur)', `display name: ${spec.spec.display_name}`);
  check(spec.spec.language === 'java', `language: ${spec.spec.language}`);
  check(spec.spec.interrupt_mode === 'message', `interrupt_mode: ${spec.spec.interrupt_mode}`);
  check(spec.resources['logo-64x64'], `no logo-64x64 among the kernelspec resources: ${JSON.stringify(spec.resources)}`);
  const logo = await server.api('/kernelspecs/jconcur/logo-64x64.png');
  check((logo.headers.get('content-type') ?? '').startsWith('image/png'), `logo content type: ${logo.headers.get('content-type')}`);
  const png = Buffer.from(await logo.arrayBuffer());
  check(png.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])), 'logo-64x64.png is not a PNG');
  const [width, height] = [png.readUInt32BE(16), png.readUInt32BE(20)];
  check(width === 64 && height === 64, `logo-64x64.png is ${width}x${height}`);
  log(`kernelspec served: "${spec.spec.display_name}", logo 64x64 PNG (${png.length} bytes)`);
}

/** What the page knows about the notebook's cells, from the Notebook's own model and DOM. */
function cellStates(page) {
  return page.evaluate(() => Jupyter.notebook.get_cells().map((cell, index) => {
    const outputs = cell.cell_type === 'code' ? cell.output_area.outputs : [];
    return {
      index,
      type: cell.cell_type,
      source: cell.get_text(),
      prompt: cell.cell_type === 'code' ? cell.input_prompt_number : undefined,
      errors: outputs.filter((o) => o.output_type === 'error')
        .map((o) => `${o.ename}: ${o.evalue}\n${(o.traceback ?? []).join('\n')}`),
      shownErrors: cell.element[0].querySelectorAll('.output_error').length,
      images: [...cell.element[0].querySelectorAll('.output_area img')].map((img) => ({
        png: img.src.startsWith('data:image/png'), width: img.naturalWidth, height: img.naturalHeight })),
    };
  }));
}

function kernelIdle(page) {
  return page.evaluate(() => document.querySelector('#kernel_indicator_icon')?.classList.contains('kernel_idle_icon'));
}

async function waitForKernelIdle(page, timeoutMs) {
  await page.waitForFunction(() => document.querySelector('#kernel_indicator_icon')?.classList.contains('kernel_idle_icon')
    && Jupyter.notebook.kernel && Jupyter.notebook.kernel.is_connected(), null, { timeout: timeoutMs, polling: 200 });
}

/** Makes sure the notebook runs on the jconcur kernel, choosing it from the Kernel menu if needed. */
async function selectJconcurKernel(page) {
  await page.waitForFunction(() => window.Jupyter && Jupyter.notebook && Jupyter.notebook._fully_loaded, null, { timeout: 60_000 });
  // The session starts the notebook's kernel, or asks for one in a dialog when its kernelspec is unknown.
  await page.waitForFunction(() => Jupyter.notebook.kernel || document.querySelector('.modal-dialog'), null, { timeout: 30_000 });
  const current = await page.evaluate(() => Jupyter.notebook.kernel?.name ?? null);
  if (current !== 'jconcur') {
    log(`notebook opened with kernel ${current}: choosing Java (jconcur) from Kernel > Change kernel`);
    const dialog = page.locator('.modal-dialog button:has-text("Set Kernel")');
    if (await dialog.count()) await dialog.first().click();
    // Switching while the first kernel still starts makes the server wait a minute for its kernel_info.
    await waitForKernelIdle(page, 60_000);
    await page.click('#kernellink');
    await page.hover('#menu-change-kernel');
    await page.click('#kernel-submenu-jconcur a');
  }
  await page.waitForFunction(() => Jupyter.notebook.kernel?.name === 'jconcur', null, { timeout: 30_000 });
  await waitForKernelIdle(page, 60_000);
  const indicator = (await page.textContent('#kernel_indicator .kernel_indicator_name'))?.trim();
  check(indicator === 'Java (jconcur)', `kernel indicator shows "${indicator}"`);
  log('kernel Java (jconcur) selected, connected and idle');
}

async function checkLogoAndHighlighting(page) {
  await page.waitForFunction(() => {
    const img = document.querySelector('#kernel_logo_widget img.current_kernel_logo');
    return img && img.src.includes('/kernelspecs/jconcur/logo-64x64.png') && img.complete && img.naturalWidth > 0;
  }, null, { timeout: 15_000 });
  check(await page.isVisible('#kernel_logo_widget img.current_kernel_logo'), 'the kernel logo is not visible');
  // The mode comes from language_info.codemirror_mode of kernel_info_reply; Java is CodeMirror's clike mode.
  await page.waitForFunction(() => Jupyter.notebook.get_cells().filter((c) => c.cell_type === 'code')
    .every((c) => c.code_mirror.getMode().name === 'clike'), null, { timeout: 15_000 }).catch(() => {});
  const highlighting = await page.evaluate(() => {
    const javaOnly = new Set(['new', 'public', 'private', 'protected', 'static', 'final', 'throws', 'instanceof',
      'synchronized', 'this', 'extends', 'implements', 'interface', 'switch', 'case', 'throw', 'catch', 'do']);
    const code = Jupyter.notebook.get_cells().filter((c) => c.cell_type === 'code');
    const modes = [...new Set(code.map((c) => c.code_mirror.getMode().name))];
    const keywords = [...document.querySelectorAll('.code_cell .CodeMirror-code span.cm-keyword')].map((s) => s.textContent);
    const types = document.querySelectorAll('.code_cell .CodeMirror-code span.cm-type').length;
    return { modes, keywords: keywords.length, javaKeywords: [...new Set(keywords.filter((k) => javaOnly.has(k)))], types };
  });
  check(highlighting.modes.length === 1 && highlighting.modes[0] === 'clike',
    `code cells are not in CodeMirror's Java (clike) mode: ${highlighting.modes}`);
  check(highlighting.keywords > 0, 'no highlighted keywords in the code cells');
  check(highlighting.javaKeywords.length > 0, 'no Java-only keyword (new, public, static, ...) is highlighted');
  log(`logo shown; syntax highlighting: clike mode, ${highlighting.keywords} keyword spans `
    + `(Java-only: ${highlighting.javaKeywords.join(' ')}), ${highlighting.types} type spans`);
}

/** Runs all cells from the Cell menu and waits until every non-empty code cell has run and the kernel is idle. */
async function runAllCells(page) {
  await page.click('#celllink');
  await page.click('#run_all_cells a');
  log('Cell > Run All clicked');
  const started = Date.now();
  let lastReport = started;
  let erroredIdleSince = null;
  for (;;) {
    const cells = await cellStates(page);
    const code = cells.filter((c) => c.type === 'code' && c.source.trim() !== '');
    const done = code.filter((c) => typeof c.prompt === 'number').length;
    const idle = await kernelIdle(page);
    if (idle && done === code.length) return cells;
    // After an error the remaining cells are aborted (stop_on_error): stop waiting once that has settled.
    const errors = code.filter((c) => c.errors.length > 0);
    erroredIdleSince = idle && errors.length ? (erroredIdleSince ?? Date.now()) : null;
    if (erroredIdleSince && Date.now() - erroredIdleSince > 5000) return cells;
    check(Date.now() - started < RUN_ALL_TIMEOUT_MS,
      `run all did not finish within ${RUN_ALL_TIMEOUT_MS / 1000} s: ${done}/${code.length} code cells done`);
    if (Date.now() - lastReport > 15_000) {
      log(`running: ${done}/${code.length} code cells done`);
      lastReport = Date.now();
    }
    await page.waitForTimeout(250);
  }
}

/**
 * Runs fn with the page as tall as the notebook, so that screenshots show whole cells (the notebook scrolls
 * inside its #site div, not the page), then restores the viewport.
 */
async function withWholeNotebookVisible(page, fn) {
  const viewport = page.viewportSize();
  const height = await page.evaluate(() => {
    const header = document.querySelector('#header')?.offsetHeight ?? 0;
    return header + (document.querySelector('#notebook')?.scrollHeight ?? 0) + 40;
  });
  await page.setViewportSize({ width: viewport.width, height: Math.min(Math.max(height, viewport.height), 16_000) });
  await page.waitForTimeout(500);
  try {
    return await fn();
  } finally {
    await page.setViewportSize(viewport);
  }
}

async function screenshot(target, file) {
  await target.screenshot({ path: file });
  log(`screenshot ${path.relative(process.cwd(), file)}`);
}

/** Adds a code cell at the bottom with the given source and runs it with the toolbar's Run button. */
async function runNewCellFromToolbar(page, source) {
  const index = await page.evaluate((text) => {
    const cell = Jupyter.notebook.insert_cell_at_bottom('code');
    cell.set_text(text);
    const i = Jupyter.notebook.find_cell_index(cell);
    Jupyter.notebook.select(i);
    Jupyter.notebook.command_mode();
    return i;
  }, source);
  await page.click('button[data-jupyter-action="jupyter-notebook:run-cell-and-select-next"]');
  return index;
}

async function interruptBusyLoop(page, outDir, stem) {
  const index = await runNewCellFromToolbar(page, 'while (true) {}');
  // A cell added after the notebook loaded, as a user's new cells are, is highlighted as Java too.
  const newCellMode = await page.evaluate((i) => Jupyter.notebook.get_cell(i).code_mirror.getMode().name, index);
  check(newCellMode === 'clike', `a new code cell gets CodeMirror mode "${newCellMode}", not Java's (clike)`);
  await page.waitForFunction((i) => Jupyter.notebook.get_cell(i).input_prompt_number === '*'
    && document.querySelector('#kernel_indicator_icon').classList.contains('kernel_busy_icon'), index, { timeout: 10_000 });
  await page.waitForTimeout(1500); // let the loop really spin in the user VM
  check(!(await kernelIdle(page)), 'the kernel went idle while `while (true) {}` should still be running');
  const clicked = Date.now();
  await page.click('button[data-jupyter-action="jupyter-notebook:interrupt-kernel"]');
  log('interrupt clicked on the toolbar');
  await page.waitForFunction((i) => typeof Jupyter.notebook.get_cell(i).input_prompt_number === 'number'
    && document.querySelector('#kernel_indicator_icon').classList.contains('kernel_idle_icon'),
  index, { timeout: INTERRUPT_TIMEOUT_MS, polling: 50 });
  const interruptMs = Date.now() - clicked;
  const cell = (await cellStates(page))[index];
  check(cell.errors.length === 1, `the interrupted cell should show one error, it has ${cell.errors.length}`);
  check(cell.shownErrors === 1, 'the interrupted cell\'s error is not shown in the page');
  log(`interrupted: idle ${interruptMs} ms after the click; error shown: ${cell.errors[0].split('\n')[0]}`);
  await page.locator('.cell').nth(index).scrollIntoViewIfNeeded();
  await page.screenshot({ path: path.join(outDir, `${stem}-interrupt.png`) });

  // The kernel is still usable after the interrupt.
  const next = await runNewCellFromToolbar(page, '6 * 7');
  await page.waitForFunction((i) => typeof Jupyter.notebook.get_cell(i).input_prompt_number === 'number', next, { timeout: 30_000 });
  const result = await page.evaluate((i) => Jupyter.notebook.get_cell(i).output_area.outputs
    .map((o) => o.data?.['text/plain'] ?? o.text ?? o.ename).join(''), next);
  check(result.trim() === '42', `after the interrupt, 6 * 7 gave "${result}"`);
  log('after the interrupt the kernel still answers: 6 * 7 = 42');
  return interruptMs;
}

function assertCleanRun(cells) {
  const code = cells.filter((c) => c.type === 'code' && c.source.trim() !== '');
  const failed = code.filter((c) => c.errors.length > 0 || c.shownErrors > 0);
  check(failed.length === 0, `cells with errors:\n${failed.map((c) =>
    `--- cell ${c.index}: ${c.source.split('\n')[0]}\n${c.errors.join('\n') || '(error shown in page)'}`).join('\n')}`);
  const notRun = code.filter((c) => typeof c.prompt !== 'number');
  check(notRun.length === 0, `cells that did not run: ${notRun.map((c) => c.index).join(', ')}`);
  // sweep(...), sweepWorkers(...), Sweep.onExecutor(...)...run(): every cell that runs a sweep shows its chart.
  const sweepCells = code.filter((c) => /\bsweep\w*\s*\(|\bSweep\s*\.\s*on\w+\s*\(/.test(c.source));
  check(sweepCells.length > 0, 'the notebook has no sweep cell (sweep(...) or Sweep.on...(...))');
  for (const c of sweepCells) {
    const charts = c.images.filter((img) => img.png && img.width > 0 && img.height > 0);
    check(charts.length > 0, `sweep cell ${c.index} shows no chart image: ${JSON.stringify(c.images)}`);
  }
  const images = code.reduce((n, c) => n + c.images.length, 0);
  log(`all ${code.length} code cells ran without error; ${sweepCells.length} sweep cell(s) with charts; ${images} images in all`);
  return sweepCells;
}

async function main() {
  check(fs.existsSync(opts.jar), `kernel jar not found: ${opts.jar} (build it: ./mvnw -DskipTests package)`);
  check(fs.existsSync(opts.notebook), `notebook not found: ${opts.notebook}`);
  check(fs.existsSync(opts.chromium), `Chromium not found: ${opts.chromium} (Debian: apt-get install chromium)`);
  fs.mkdirSync(opts.out, { recursive: true });
  const stem = screenshotStem(opts.notebook);
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'jconcur-e2e-'));
  const dirs = Object.fromEntries(['prefix', 'data', 'config', 'runtime', 'notebooks', 'chromium-profile']
    .map((d) => [d, path.join(tmp, d)]));
  Object.values(dirs).forEach((d) => fs.mkdirSync(d));

  // Jupyter looks for kernelspecs in the throw-away prefix first and nowhere in $HOME.
  const env = { ...process.env, JUPYTER_PATH: path.join(dirs.prefix, 'share/jupyter'), JUPYTER_DATA_DIR: dirs.data,
    JUPYTER_CONFIG_DIR: dirs.config, JUPYTER_RUNTIME_DIR: dirs.runtime, IPYTHONDIR: path.join(tmp, 'ipython') };
  const notebookName = path.basename(opts.notebook);
  fs.copyFileSync(opts.notebook, path.join(dirs.notebooks, notebookName));
  const server = new NotebookServer(opts.python, env, dirs.notebooks, path.join(opts.out, 'notebook-server.log'));
  let browser;
  let page;
  let ok = false;
  try {
    try {
      execFileSync(opts.java, ['-jar', opts.jar, 'install', '--prefix', dirs.prefix], { stdio: 'inherit' });
    } catch (e) {
      throw new CheckFailed(`${opts.java} -jar ${opts.jar} install --prefix ${dirs.prefix} failed (exit ${e.status})`);
    }
    const kernelJson = path.join(dirs.prefix, 'share/jupyter/kernels/jconcur/kernel.json');
    check(fs.existsSync(kernelJson), `install --prefix did not write ${kernelJson}`);
    log(`kernel installed into ${dirs.prefix}`);
    const version = execFileSync(opts.python, ['-m', 'notebook', '--version'], { env }).toString().trim();
    await server.start();
    log(`Notebook ${version} serving ${dirs.notebooks} at ${server.base}`);
    await checkKernelspec(server);

    browser = await chromium.launchPersistentContext(dirs['chromium-profile'], {
      executablePath: opts.chromium,
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking',
        '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
      viewport: { width: 1280, height: 900 },
    });
    page = browser.pages()[0] ?? await browser.newPage();
    page.on('pageerror', (e) => log(`page error: ${e.message}`));

    await page.goto(server.url('/tree'));
    await page.click('#new-dropdown-button');
    const entry = (await page.textContent('#kernel-jconcur'))?.trim();
    check(entry === 'Java (jconcur)', `the New menu lists "${entry}" for jconcur`);
    log('the tree page\'s New menu offers "Java (jconcur)"');

    await page.goto(server.url(`/notebooks/${encodeURIComponent(notebookName)}`));
    await selectJconcurKernel(page);
    await checkLogoAndHighlighting(page);
    const cells = await runAllCells(page);
    await withWholeNotebookVisible(page, async () => {
      await screenshot(page, path.join(opts.out, `${stem}.png`));
      const sweepCells = assertCleanRun(cells);
      await screenshot(page.locator('#notebook-container > .cell').nth(sweepCells[0].index),
        path.join(opts.out, `${stem}-sweep.png`));
    });
    const interruptMs = await interruptBusyLoop(page, opts.out, stem);
    log(`OK: ${notebookName}, run all ${((Date.now() - t0) / 1000).toFixed(0)} s in all, interrupt ${interruptMs} ms`);
    ok = true;
  } catch (e) {
    console.error(`[e2e] FAILED: ${e instanceof CheckFailed ? e.message : e.stack}`);
    if (page) {
      await page.screenshot({ path: path.join(opts.out, `${stem}-failure.png`) }).catch(() => {});
      console.error(`[e2e] failure screenshot: ${path.join(opts.out, `${stem}-failure.png`)}`);
    }
    console.error(`[e2e] Notebook server log (last lines):\n${server.logTail()}`);
  } finally {
    await browser?.close().catch(() => {});
    await server.stop().catch((e) => console.error(`[e2e] stopping the server: ${e.message}`));
    if (opts.keep) log(`kept ${tmp}`);
    else fs.rmSync(tmp, { recursive: true, force: true });
  }
  process.exitCode = ok ? 0 : 1;
}

await main().catch((e) => {
  console.error(`[e2e] FAILED: ${e instanceof CheckFailed ? e.message : e.stack}`);
  process.exitCode = 1;
});
