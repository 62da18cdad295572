// What differs between JupyterLab 4 and Notebook 7 for the test: where the kernel is offered (the launcher
// with kernel logos / the file browser's New menu), where a new notebook opens (a tab in the same page /
// a new browser tab whose header shows the kernel logo) and the URL that opens a notebook file.

import { check } from './report.mjs';
import { KERNEL_DISPLAY_NAME, KERNEL_START_TIMEOUT_MS, Notebook } from './notebook.mjs';

/** Checks that img shows the jconcur kernelspec's logo, loaded (not a broken image). */
async function checkKernelLogo(img, where) {
  await img.waitFor({ state: 'visible' });
  try {
    await img.evaluate((el) => new Promise((resolve, reject) => {
      if (el.complete) resolve();
      el.addEventListener('load', resolve, { once: true });
      el.addEventListener('error', reject, { once: true });
    }));
  } catch { /* reported below with what was seen */ }
  const logo = await img.evaluate((el) => ({ src: el.getAttribute('src'), width: el.naturalWidth, height: el.naturalHeight }));
  check(logo.src?.includes('/kernelspecs/jconcur/logo') && logo.width > 0,
    `${where} should show the jconcur kernelspec's logo, loaded; it shows ${JSON.stringify(logo)}`);
  return logo;
}

/** The notebook the application shows now (its path), once it has one. */
async function currentNotebookPath(page) {
  const handle = await page.waitForFunction(() => {
    const widget = window.jupyterapp?.shell.currentWidget;
    return widget?.content?.widgets && widget.context?.path;
  }, null, { timeout: 30_000 });
  return handle.jsonValue();
}

export const lab = {
  name: 'lab',
  command: 'lab',
  title: 'JupyterLab',
  notebookUrl: (path) => `/lab/tree/${encodeURIComponent(path)}`,

  /** Shows the launcher and checks its Notebook section offers Java (jconcur) with the kernel's logo. */
  async showLauncher(page, server) {
    await page.goto(server.url('/lab'));
    const card = page.locator(`.jp-LauncherCard[data-category="Notebook"][title="${KERNEL_DISPLAY_NAME}"]`);
    await card.waitFor({ state: 'visible', timeout: 60_000 });
    const logo = await checkKernelLogo(card.locator('img'), `the launcher card "${KERNEL_DISPLAY_NAME}"`);
    return `launcher card "${KERNEL_DISPLAY_NAME}" with logo ${logo.src} (${logo.width}x${logo.height})`;
  },

  async newNotebook(page) {
    await page.locator(`.jp-LauncherCard[data-category="Notebook"][title="${KERNEL_DISPLAY_NAME}"]`).click();
    const notebook = await Notebook.attach(page, await currentNotebookPath(page));
    await notebook.waitForKernelIdle(KERNEL_START_TIMEOUT_MS);
    return { notebook, summary: `${notebook.path} opened` };
  },
};

export const notebook7 = {
  name: 'notebook7',
  command: 'notebook',
  title: 'Notebook 7',
  notebookUrl: (path) => `/notebooks/${encodeURIComponent(path)}`,

  /** Opens the file browser's New menu and checks it offers Java (jconcur). */
  async showLauncher(page, server) {
    await page.goto(server.url('/tree'));
    await page.locator('[data-jp-item-name="new-dropdown"] .lm-MenuBar-item').click({ timeout: 60_000 });
    const items = await page.locator('.lm-Menu-item[data-command="notebook:create-new"] .lm-Menu-itemLabel').allTextContents();
    check(items.includes(KERNEL_DISPLAY_NAME), `the New menu should offer "${KERNEL_DISPLAY_NAME}"; it offers ${JSON.stringify(items)}`);
    return `New menu offers ${items.map((i) => `"${i}"`).join(', ')}`;
  },

  /** Notebook 7 opens the new notebook in a new browser tab, whose header shows the kernel's logo. */
  async newNotebook(page) {
    const opened = page.context().waitForEvent('page');
    await page.locator('.lm-Menu-item[data-command="notebook:create-new"]', { hasText: KERNEL_DISPLAY_NAME }).click();
    const tab = await opened;
    const notebook = await Notebook.attach(tab, await currentNotebookPath(tab));
    await notebook.waitForKernelIdle(KERNEL_START_TIMEOUT_MS);
    const logo = await checkKernelLogo(tab.locator('.jp-NotebookKernelLogo img'), 'the notebook header');
    return { notebook, summary: `${notebook.path} opened in a new tab, header logo ${logo.src} (${logo.width}x${logo.height})` };
  },
};

export const APPS = { lab, notebook7 };
