// One open notebook in JupyterLab 4 or Notebook 7 (both are built from JupyterLab's notebook widgets, so the
// same selectors and the same application model serve both). The test acts as a user does (keyboard, toolbar,
// menus) and waits on what the application itself knows: the kernel's status and each cell's execution state,
// read from window.jupyterapp (the servers run with --expose-app-in-browser).

import { check } from './report.mjs';

export const KERNEL_DISPLAY_NAME = 'Java (jconcur)';
/** A kernel JVM and its user VM start in a few seconds; a loaded 2-core CI machine may take far longer. */
export const KERNEL_START_TIMEOUT_MS = 90_000;

/** In-page helpers, installed in every page before JupyterLab's own scripts run. */
export function installPageHelpers(context) {
  return context.addInitScript(() => {
    const panelOf = (path) => {
      const app = window.jupyterapp;
      if (!app) return null;
      return [...app.shell.widgets('main')].find((w) => w.context?.path === path && w.content?.widgets) ?? null;
    };
    window.jconcurE2e = {
      panelId(path) {
        return panelOf(path)?.id ?? null;
      },
      /** Scrolls the notebook's own windowed list, which renders the cells it brings into view. */
      async scrollTo(path, index, align) {
        await panelOf(path).content.scrollToItem(index, align);
        await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
      },
      kernel(path) {
        const session = panelOf(path)?.sessionContext;
        return session ? { name: session.kernelDisplayName, status: session.kernelDisplayStatus } : null;
      },
      cells(path) {
        const panel = panelOf(path);
        if (!panel) return [];
        return panel.content.widgets.map((cell, index) => {
          const model = cell.model;
          const outputs = model.type === 'code' ? model.outputs.toJSON() : [];
          return {
            index,
            type: model.type,
            source: model.sharedModel.getSource(),
            executionCount: model.type === 'code' ? model.executionCount : null,
            running: model.type === 'code' && model.executionState === 'running',
            errors: outputs.filter((o) => o.output_type === 'error')
              .map((o) => `${o.ename}: ${o.evalue}\n${(o.traceback ?? []).join('\n')}`),
            text: outputs.map((o) => o.text ?? o.data?.['text/plain'] ?? '').map((t) => (Array.isArray(t) ? t.join('') : t)).join(''),
            outputs: outputs.map((o) => `${o.output_type}${o.data ? ` ${Object.keys(o.data).join('+')}` : ''}`),
          };
        });
      },
    };
  });
}

export class Notebook {
  /**
   * The notebook at path (relative to the server's root) once the application shows it. Its panel is found by
   * widget id: JupyterLab keeps other notebooks' panels in the page too.
   */
  static async attach(page, path) {
    const handle = await page.waitForFunction((p) => window.jconcurE2e.panelId(p), path, { timeout: 60_000 });
    return new Notebook(page, path, page.locator(`[id="${await handle.jsonValue()}"]`));
  }

  constructor(page, path, root) {
    this.page = page;
    this.path = path;
    this.root = root;
  }

  kernel() {
    return this.page.evaluate((p) => window.jconcurE2e.kernel(p), this.path);
  }

  cells() {
    return this.page.evaluate((p) => window.jconcurE2e.cells(p), this.path);
  }

  /** Brings cell index into view ('start', 'center', 'end' or 'auto'), rendered, for a screenshot. */
  scrollTo(index, align = 'center') {
    return this.page.evaluate(([p, i, a]) => window.jconcurE2e.scrollTo(p, i, a), [this.path, index, align]);
  }

  cellNode(index) {
    return this.root.locator('.jp-Notebook .jp-Cell').nth(index);
  }

  async waitForKernelIdle(timeoutMs) {
    try {
      await this.page.waitForFunction(([p, name]) => {
        const k = window.jconcurE2e.kernel(p);
        return k && k.name === name && k.status === 'idle';
      }, [this.path, KERNEL_DISPLAY_NAME], { timeout: timeoutMs, polling: 100 });
    } catch (e) {
      check(false, `${this.path}: the kernel should be "${KERNEL_DISPLAY_NAME}" and idle within ${timeoutMs / 1000} s; `
        + `it is ${JSON.stringify(await this.kernel())}`);
    }
  }

  async waitForKernelStatus(statuses, timeoutMs) {
    try {
      await this.page.waitForFunction(([p, wanted]) => wanted.includes(window.jconcurE2e.kernel(p)?.status),
        [this.path, statuses], { timeout: timeoutMs, polling: 'raf' });
    } catch (e) {
      check(false, `${this.path}: the kernel status should become ${statuses.join(' or ')} within ${timeoutMs / 1000} s; `
        + `it is ${JSON.stringify(await this.kernel())}`);
    }
  }

  /** Waits until a cell runs or has run: the application has taken a Run command. */
  async waitForRunStarted(timeoutMs) {
    try {
      await this.page.waitForFunction((p) => window.jconcurE2e.cells(p).some((c) => c.running || c.executionCount !== null),
        this.path, { timeout: timeoutMs, polling: 100 });
    } catch (e) {
      check(false, `${this.path}: a cell should start running within ${timeoutMs / 1000} s; none did `
        + `(kernel ${JSON.stringify(await this.kernel())})`);
    }
  }

  /** Waits until no cell is running or queued and the kernel is idle; returns the cells. */
  async waitForCellsDone(timeoutMs) {
    try {
      await this.page.waitForFunction((p) => window.jconcurE2e.kernel(p)?.status === 'idle'
        && window.jconcurE2e.cells(p).every((c) => !c.running), this.path, { timeout: timeoutMs, polling: 250 });
    } catch (e) {
      const cells = await this.cells();
      const running = cells.filter((c) => c.running).map((c) => c.index);
      check(false, `${this.path}: all cells should be done within ${timeoutMs / 1000} s; still running or queued: `
        + `cells ${running.join(', ')}; kernel ${JSON.stringify(await this.kernel())}`);
    }
    return this.cells();
  }

  /** Clicks the notebook toolbar's button for a JupyterLab command (notebook:interrupt-kernel, ...). */
  async clickToolbar(command) {
    await this.root.locator(`.jp-NotebookPanel-toolbar jp-button[data-command="${command}"]`).click();
  }

  /** Runs a command from the menu bar, e.g. ('Run', 'runmenu:run-all'). */
  async clickMenu(menu, command) {
    await this.page.locator('.lm-MenuBar-item', { hasText: new RegExp(`^${menu}$`) }).click();
    await this.page.locator(`.lm-Menu-item[data-command="${command}"]`).click();
  }

  /**
   * A cell to type in at the bottom, as a user finds it: the empty code cell that Shift+Enter on the last cell
   * leaves there, else a new one from the toolbar's insert button. Returns its index.
   */
  async bottomCell() {
    const cells = await this.cells();
    const last = cells.at(-1);
    if (last.type === 'code' && last.source === '') return last.index;
    // The prompt area selects a cell of any type (a rendered Markdown cell's editor is hidden).
    await this.cellNode(last.index).locator('.jp-InputPrompt').click();
    await this.clickToolbar('notebook:insert-cell-below');
    await this.page.waitForFunction(([p, n]) => window.jconcurE2e.cells(p).length === n + 1, [this.path, cells.length]);
    return cells.length;
  }

  /** Types source into the (empty) cell at index, as a user does, and checks the editor holds exactly that. */
  async typeInto(index, source) {
    await this.cellNode(index).locator('.cm-content').click();
    await this.page.keyboard.type(source);
    const typed = (await this.cells())[index].source;
    check(typed === source, `cell ${index} should hold what was typed, ${JSON.stringify(source)}; it holds ${JSON.stringify(typed)}`);
  }

  /** Waits until the cell at index has run (an execution count, not running) and the kernel is idle. */
  async waitForCellRun(index, timeoutMs) {
    try {
      await this.page.waitForFunction(([p, i]) => {
        const cell = window.jconcurE2e.cells(p)[i];
        return cell && cell.executionCount !== null && !cell.running && window.jconcurE2e.kernel(p)?.status === 'idle';
      }, [this.path, index], { timeout: timeoutMs, polling: 100 });
    } catch (e) {
      check(false, `${this.path}: cell ${index} should have run within ${timeoutMs / 1000} s; it is `
        + `${JSON.stringify((await this.cells())[index])}, kernel ${JSON.stringify(await this.kernel())}`);
    }
    return (await this.cells())[index];
  }
}
