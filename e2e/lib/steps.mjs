// The checks of the browser test, in the order they run in each app. Steps 1-4 work in a new notebook,
// 5-8 in chapter 1 of the book, 9 (JupyterLab only: the debugger) there after the restart; each step leaves a screenshot and
// returns a one-line summary.

import fs from 'node:fs';
import path from 'node:path';
import { check } from './report.mjs';
import { KERNEL_START_TIMEOUT_MS, Notebook } from './notebook.mjs';

const CELL_TIMEOUT_MS = 60_000;
const CHAPTER_TIMEOUT_MS = 180_000;
const INTERRUPT_TIMEOUT_MS = 20_000;

const TYPED_CELL = 'var latch = new java.util.concurrent.CountDownLatch(2);\nlatch.getCount() + 40';
const COMPLETION_PREFIX = 'java.util.concurrent.CountDownLa';
const BUSY_LOOP = 'while (true) {}';
// Debugged in step 9: stopped on line 3 in the first round, i is 1.
const DEBUGGED_CELL = 'int total = 0;\nfor (int i = 1; i <= 3; i++) {\n    total += i * 10;\n}\n"total=" + total';
const DEBUGGED_LINE = 3;
// Keywords of Java that are none of Python's (nor plain text's): drawn as keywords, they prove the Java grammar.
// (JupyterLab's theme gives type names no style of their own, so types cannot be checked by their look.)
const JAVA_ONLY_KEYWORDS = ['new', 'final', 'var', 'throws', 'instanceof', 'extends', 'implements', 'synchronized',
  'public', 'private', 'static', 'throw', 'this', 'record', 'switch', 'case'];
// A sweep runs in the cell that calls sweep(...), sweepWorkers(...) or Sweep.onExecutor(...)...run().
const SWEEP_CALL = /\bsweep\w*\s*\(|\bSweep\s*\.\s*on\w+\s*\(/;

function outputShown(cellNode, mime) {
  return cellNode.locator(`.jp-OutputArea-output[data-mime-type="${mime}"]`);
}

/**
 * What CodeMirror 6 rendered in the given editors (.cm-content): the language each one was given and, per
 * span, its text and whether its computed color and weight are the theme's keyword, string or definition style.
 */
function highlighting(editors) {
  const colorOf = (cssVariable) => {
    const probe = document.createElement('span');
    probe.style.color = `var(${cssVariable})`;
    document.body.appendChild(probe);
    const color = getComputedStyle(probe).color;
    probe.remove();
    return color;
  };
  const theme = { keyword: colorOf('--jp-mirror-editor-keyword-color'), string: colorOf('--jp-mirror-editor-string-color'),
    definition: colorOf('--jp-mirror-editor-def-color') };
  return editors.map((editor) => {
    const spans = [...editor.querySelectorAll('.cm-line span')].map((s) => {
      const style = getComputedStyle(s);
      return { text: s.textContent, color: style.color, bold: Number(style.fontWeight) >= 600 };
    });
    return {
      language: editor.dataset.language ?? null,
      keywords: spans.filter((s) => s.color === theme.keyword && s.bold).map((s) => s.text),
      strings: spans.filter((s) => s.color === theme.string).length,
      definitions: spans.filter((s) => s.color === theme.definition).length,
    };
  });
}

export function steps({ app, server, page, chapter }) {
  let fresh;    // the notebook made in step 1
  let book;     // chapter 1
  let busyCell; // the cell added in step 6 and interrupted in step 7

  return [
    {
      number: 1, name: 'launcher', title: 'the launcher offers "Java (jconcur)" with its logo; a new notebook starts on it',
      async run(shot) {
        const offered = await app.showLauncher(page, server);
        await shot(page);
        const opened = await app.newNotebook(page);
        fresh = opened.notebook;
        if (fresh.page !== page) await shot(fresh.page, '-new-tab');
        return `${offered}; ${opened.summary}, kernel idle`;
      },
    },
    {
      number: 2, name: 'typed-cell', title: 'a typed cell runs and shows its result',
      async run(shot) {
        await fresh.typeInto(0, TYPED_CELL);
        await fresh.page.keyboard.press('Shift+Enter');
        const cell = await fresh.waitForCellRun(0, CELL_TIMEOUT_MS);
        check(cell.errors.length === 0 && cell.text.trim() === '42',
          `the typed cell should show 42; it shows ${JSON.stringify(cell.text)} with errors ${JSON.stringify(cell.errors)}`);
        const shown = await outputShown(fresh.cellNode(0), 'text/plain').textContent();
        check(shown?.trim() === '42', `the page should show 42 under the typed cell; it shows ${JSON.stringify(shown)}`);
        await shot(fresh.page);
        return `[${cell.executionCount}] ${TYPED_CELL.replace('\n', ' ')} -> ${shown.trim()}`;
      },
    },
    {
      number: 3, name: 'completer', title: `Tab after ${COMPLETION_PREFIX} offers CountDownLatch`,
      async run(shot) {
        const completionCell = await fresh.bottomCell();
        await fresh.typeInto(completionCell, COMPLETION_PREFIX);
        await fresh.page.keyboard.press('Tab');
        const completer = fresh.page.locator('.jp-Completer');
        const offeredItems = () => completer.locator('.jp-Completer-item').evaluateAll((items) => items.map((i) => i.dataset.value));
        try {
          await completer.locator('.jp-Completer-item[data-value="CountDownLatch"]').waitFor({ state: 'visible', timeout: 20_000 });
        } catch {
          check(false, `Tab should open the completer with CountDownLatch; it offers ${JSON.stringify(await offeredItems())}`);
        }
        const offered = await offeredItems();
        await shot(fresh.page);
        await fresh.page.keyboard.press('Enter');
        const source = (await fresh.cells())[completionCell].source;
        check(source === 'java.util.concurrent.CountDownLatch',
          `Enter in the completer should complete to java.util.concurrent.CountDownLatch; the cell holds ${JSON.stringify(source)}`);
        return `completer offered ${JSON.stringify(offered)}; Enter completed to ${source}`;
      },
    },
    {
      number: 4, name: 'tooltip', title: 'Shift+Tab shows CountDownLatch\'s documentation',
      async run(shot) {
        await fresh.page.keyboard.press('Shift+Tab');
        const tooltip = fresh.page.locator('.jp-Tooltip');
        await tooltip.waitFor({ state: 'visible', timeout: 20_000 }).catch(() => {});
        const text = (await tooltip.count()) ? await tooltip.innerText() : '';
        check(text.includes('java.util.concurrent.CountDownLatch') && text.includes('A synchronization aid'),
          `Shift+Tab should show CountDownLatch's documentation ("A synchronization aid ..."); the tooltip shows ${JSON.stringify(text.slice(0, 300))}`);
        await shot(fresh.page);
        await fresh.page.keyboard.press('Escape');
        return `tooltip: ${JSON.stringify(text.split('\n').filter((l) => l.trim()).slice(0, 2).join(' / '))}`;
      },
    },
    {
      number: 5, name: 'chapter1', title: `${path.basename(chapter)} runs all cells without error and shows its sweep chart`,
      async run(shot) {
        const name = path.basename(chapter);
        fs.copyFileSync(chapter, path.join(server.notebookDir, name));
        await page.goto(server.url(app.notebookUrl(name)));
        book = await Notebook.attach(page, name);
        await book.waitForKernelIdle(KERNEL_START_TIMEOUT_MS);
        const started = Date.now();
        await book.clickMenu('Run', 'runmenu:run-all');
        await book.waitForRunStarted(30_000);
        const cells = await book.waitForCellsDone(CHAPTER_TIMEOUT_MS);
        const seconds = (Date.now() - started) / 1000;
        const code = cells.filter((c) => c.type === 'code' && c.source.trim() !== '');
        const failed = code.filter((c) => c.errors.length > 0);
        check(failed.length === 0, `every cell should run without error; these failed:\n${failed.map((c) =>
          `--- cell ${c.index}: ${c.source.split('\n')[0]}\n${c.errors.join('\n')}`).join('\n')}`);
        const notRun = code.filter((c) => c.executionCount === null);
        check(notRun.length === 0, `every code cell should have run; these have no execution count: ${notRun.map((c) => c.index).join(', ')}`);
        const sweeps = code.filter((c) => SWEEP_CALL.test(c.source));
        check(sweeps.length > 0, `${name} should have a sweep cell (sweep(...) or Sweep.on...(...)); it has none`);
        for (const sweep of sweeps) {
          await book.scrollTo(sweep.index);
          const shownSource = await book.cellNode(sweep.index).locator('.cm-content').evaluate((e) =>
            [...e.querySelectorAll('.cm-line')].map((l) => l.textContent).join('\n'));
          check(shownSource.startsWith(sweep.source.split('\n')[0]),
            `the page's cell ${sweep.index} should be the sweep cell; it shows ${JSON.stringify(shownSource.slice(0, 80))}`);
          const images = await book.cellNode(sweep.index).locator('.jp-OutputArea-output img').evaluateAll((imgs) =>
            imgs.map((img) => ({ png: img.src.startsWith('data:image/png'), width: img.naturalWidth, height: img.naturalHeight })));
          check(images.some((i) => i.png && i.width > 0 && i.height > 0),
            `sweep cell ${sweep.index} should show its chart as a PNG image; the page shows images ${JSON.stringify(images)} `
            + `for its outputs ${JSON.stringify(sweep.outputs)}`);
        }
        await shot(book.cellNode(sweeps[0].index).locator('.jp-OutputArea-output img').first());
        return `${code.length} code cells ran in ${seconds.toFixed(1)} s without error; sweep chart shown in cell(s) `
          + sweeps.map((s) => s.index).join(', ');
      },
    },
    {
      number: 6, name: 'highlighting', title: 'code cells, loaded and newly typed, are highlighted as Java',
      async run(shot) {
        busyCell = await book.bottomCell();
        await book.typeInto(busyCell, BUSY_LOOP);
        const editors = await book.root.locator('.jp-CodeCell .cm-content')
          .evaluateAll(highlighting);
        const languages = [...new Set(editors.map((e) => e.language))];
        check(languages.length === 1 && languages[0] === 'java',
          `every code cell's editor should be in CodeMirror's Java language; they are in ${JSON.stringify(languages)}`);
        const keywords = new Set(editors.flatMap((e) => e.keywords));
        const javaKeywords = JAVA_ONLY_KEYWORDS.filter((k) => keywords.has(k));
        check(javaKeywords.length >= 3, `Java keywords should be drawn in the theme's keyword style; of ${JAVA_ONLY_KEYWORDS.join(' ')} `
          + `only ${JSON.stringify(javaKeywords)} are`);
        const typed = editors.at(-1);
        check(typed.keywords.includes('while'),
          `the newly typed cell ${JSON.stringify(BUSY_LOOP)} should show "while" as a keyword; its keyword spans are ${JSON.stringify(typed.keywords)}`);
        const strings = editors.reduce((n, e) => n + e.strings, 0);
        const definitions = editors.reduce((n, e) => n + e.definitions, 0);
        check(strings > 0 && definitions > 0,
          `strings and definitions should be highlighted too; saw ${strings} string and ${definitions} definition spans`);
        // The page from the cell with the most keywords on shows the highlighting best.
        const richest = editors.slice(0, -1).reduce((best, e, i) => (e.keywords.length > editors[best].keywords.length ? i : best), 0);
        const codeCells = (await book.cells()).filter((c) => c.type === 'code');
        await book.scrollTo(codeCells[richest].index, 'start');
        await shot(book.page);
        return `${editors.length} editors in language java; keyword style on ${javaKeywords.join(' ')}; `
          + `${strings} string and ${definitions} definition spans; new cell: ${typed.keywords.join(' ')}`;
      },
    },
    {
      number: 7, name: 'interrupt', title: `the toolbar's interrupt stops ${BUSY_LOOP}`,
      async run(shot) {
        await book.cellNode(busyCell).locator('.cm-content').click();
        await book.page.keyboard.press('Shift+Enter');
        await book.waitForKernelStatus(['busy'], 10_000);
        // The loop must really spin in the user VM before the interrupt, or the test proves nothing.
        await book.page.waitForTimeout(1000);
        const during = await book.kernel();
        check(during.status === 'busy', `the kernel should still be busy running ${BUSY_LOOP}; it is ${JSON.stringify(during)}`);
        const clicked = Date.now();
        await book.clickToolbar('notebook:interrupt-kernel');
        const cell = await book.waitForCellRun(busyCell, INTERRUPT_TIMEOUT_MS);
        const interruptMs = Date.now() - clicked;
        check(cell.errors.length === 1, `the interrupted cell should show one error; it has ${JSON.stringify(cell.errors)}`);
        const shown = await outputShown(book.cellNode(busyCell), 'application/vnd.jupyter.stderr').count();
        check(shown > 0, 'the interrupted cell\'s error should be shown in the page; no error output is');
        await book.scrollTo(busyCell);
        await shot(book.page);
        return `kernel idle ${interruptMs} ms after the click; error: ${cell.errors[0].split('\n')[0]}`;
      },
    },
    {
      number: 8, name: 'restart', title: '"Restart kernel" restarts it and the next cell runs',
      async run(shot) {
        await book.clickToolbar('notebook:restart-kernel');
        await book.page.locator('.jp-Dialog .jp-Dialog-button.jp-mod-accept').click();
        const clicked = Date.now();
        await book.waitForKernelStatus(['restarting', 'starting', 'autorestarting', 'unknown'], 10_000);
        await book.waitForKernelIdle(KERNEL_START_TIMEOUT_MS);
        const restartMs = Date.now() - clicked;
        const next = await book.bottomCell();
        await book.typeInto(next, '6 * 7');
        await book.page.keyboard.press('Shift+Enter');
        const cell = await book.waitForCellRun(next, CELL_TIMEOUT_MS);
        // A restarted kernel counts executions from 1 again: proof that this cell ran in the new kernel.
        check(cell.executionCount === 1 && cell.text.trim() === '42' && cell.errors.length === 0,
          `after the restart 6 * 7 should run as [1] and show 42; it ran as [${cell.executionCount}] showing `
          + `${JSON.stringify(cell.text)} with errors ${JSON.stringify(cell.errors)}`);
        await book.scrollTo(next);
        await shot(book.page);
        return `kernel idle again ${restartMs} ms after "Restart"; [1] 6 * 7 -> 42`;
      },
    },
    ...(app.name === 'lab' ? [{
      number: 9, name: 'debugger', title: 'the debugger stops a cell at a breakpoint, shows a variable, continues',
      async run(shot) {
        const cellIndex = await book.bottomCell();
        // insertText, not typing: the editor would indent and close brackets on its own.
        await book.cellNode(cellIndex).locator('.cm-content').click();
        await book.page.keyboard.insertText(DEBUGGED_CELL);
        check((await book.cells())[cellIndex].source === DEBUGGED_CELL, 'the debugged cell should hold its code');
        await book.root.locator('.jp-NotebookPanel-toolbar .jp-DebuggerBugButton').click();
        const cell = book.cellNode(cellIndex);
        const gutter = cell.locator('.cm-gutter.cm-breakpoint-gutter');
        await gutter.waitFor({ state: 'visible', timeout: 20_000 }).catch(() => {});
        check(await gutter.count() > 0, 'the bug button should turn the debugger on: the cell shows no breakpoint gutter');
        // A click in the breakpoint gutter beside the line sets the breakpoint.
        const line = await cell.locator('.cm-line').nth(DEBUGGED_LINE - 1).boundingBox();
        const column = await gutter.boundingBox();
        await book.page.mouse.click(column.x + column.width / 2, line.y + line.height / 2);
        await cell.locator('.cm-breakpoint-icon >> visible=true').first().waitFor({ state: 'visible', timeout: 10_000 }).catch(() => {});
        check(await cell.locator('.cm-breakpoint-icon >> visible=true').count() > 0, 'a click in the gutter should show a breakpoint');
        // The toolbar's run button: the click in the gutter left the keyboard focus outside the notebook.
        await book.clickToolbar('notebook:run-cell-and-select-next');
        const paused = cell.locator('.jp-DebuggerEditor-highlight');
        await paused.first().waitFor({ state: 'attached', timeout: CELL_TIMEOUT_MS }).catch(() => {});
        const pausedText = (await paused.count()) ? (await paused.first().textContent()).trim() : null;
        check(pausedText === 'total += i * 10;', `the paused line ${DEBUGGED_LINE} should be highlighted; `
          + `the highlighted line is ${JSON.stringify(pausedText)}`);
        const variable = book.page.locator('.jp-DebuggerVariables .jp-TreeItem', {
          has: book.page.locator('.jp-DebuggerVariables-name', { hasText: /^i$/ }) });
        await variable.first().waitFor({ state: 'visible', timeout: 20_000 }).catch(() => {});
        const shown = (await variable.count()) ? (await variable.first().innerText()).replace(/\s+/g, ' ').trim() : null;
        check(shown !== null && /\b1\b/.test(shown), `the variables panel should show i with value 1; it shows ${JSON.stringify(shown)}`);
        await book.scrollTo(cellIndex, 'start');
        await shot(book.page);
        // The breakpoint off again (else the loop's next rounds stop there too), then continue.
        const lineNow = await cell.locator('.cm-line').nth(DEBUGGED_LINE - 1).boundingBox();
        const columnNow = await gutter.boundingBox();
        await book.page.mouse.click(columnNow.x + columnNow.width / 2, lineNow.y + lineNow.height / 2);
        await cell.locator('.cm-breakpoint-icon >> visible=true').waitFor({ state: 'detached', timeout: 10_000 }).catch(() => {});
        await book.page.locator('jp-button[data-command="debugger:continue"]').first().click();
        const done = await book.waitForCellRun(cellIndex, CELL_TIMEOUT_MS);
        check(done.errors.length === 0 && done.text.trim() === '"total=60"',
          `after continue the cell should show "total=60"; it shows ${JSON.stringify(done.text)} with errors ${JSON.stringify(done.errors)}`);
        await book.root.locator('.jp-NotebookPanel-toolbar .jp-DebuggerBugButton').click();
        return `paused at line ${DEBUGGED_LINE} (${pausedText}); variables panel: ${shown}; continued to ${done.text.trim()}`;
      },
    }] : []),
  ];
}
