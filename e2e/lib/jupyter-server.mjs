// A Jupyter server (JupyterLab 4 or Notebook 7) for the browser test: on 127.0.0.1 with a port the OS picks,
// a random token, its config, data, runtime and settings in a throw-away directory (no user configuration is
// read or written) and the jconcur kernelspec from a throw-away prefix on JUPYTER_PATH.

import { spawn, execFileSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { check, log } from './report.mjs';

const START_TIMEOUT_MS = 90_000;
const STOP_TIMEOUT_MS = 15_000;

/** Installs the kernelspec with the kernel jar's own installer; returns the share/jupyter directory holding it. */
export function installKernelspec({ java, jar, prefix }) {
  try {
    execFileSync(java, ['-jar', jar, 'install', '--prefix', prefix], { stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (e) {
    check(false, `${java} -jar ${jar} install --prefix ${prefix} should exit 0, it exited ${e.status}:\n${e.stderr}`);
  }
  const jupyterPath = path.join(prefix, 'share/jupyter');
  check(fs.existsSync(path.join(jupyterPath, 'kernels/jconcur/kernel.json')),
    `install --prefix ${prefix} should write share/jupyter/kernels/jconcur/kernel.json; it did not`);
  return jupyterPath;
}

/** JupyterLab settings that keep the page quiet: no news or update check popping up over the screenshots. */
function writeQuietSettings(configDir) {
  const dir = path.join(configDir, 'lab/user-settings/@jupyterlab/apputils-extension');
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'notification.jupyterlab-settings'),
    JSON.stringify({ fetchNews: 'false', checkForUpdates: false }));
}

export class JupyterServer {
  /**
   * @param app 'lab' (JupyterLab 4) or 'notebook' (Notebook 7): the jupyter subcommand
   * @param dir an empty directory for this server's state; the notebooks it serves go to dir/notebooks
   */
  constructor({ app, jupyter, jupyterPath, dir, logFile }) {
    this.app = app;
    this.jupyter = jupyter;
    this.logFile = logFile;
    this.token = crypto.randomBytes(24).toString('hex');
    this.notebookDir = path.join(dir, 'notebooks');
    this.runtimeDir = path.join(dir, 'runtime');
    const configDir = path.join(dir, 'config');
    for (const d of [this.notebookDir, this.runtimeDir, configDir]) fs.mkdirSync(d, { recursive: true });
    writeQuietSettings(configDir);
    this.env = { ...process.env, JUPYTER_PATH: jupyterPath, JUPYTER_CONFIG_DIR: configDir,
      JUPYTER_DATA_DIR: path.join(dir, 'data'), JUPYTER_RUNTIME_DIR: this.runtimeDir, IPYTHONDIR: path.join(dir, 'ipython') };
  }

  async start() {
    const logFd = fs.openSync(this.logFile, 'w');
    // --expose-app-in-browser: window.jupyterapp, so that the test waits on the kernel's status and the
    // cells' execution state instead of sleeping.
    this.process = spawn(this.jupyter, [this.app, '--ip=127.0.0.1', '--port=0', `--IdentityProvider.token=${this.token}`,
      '--ServerApp.open_browser=False', `--ServerApp.root_dir=${this.notebookDir}`, '--expose-app-in-browser',
      ...(process.getuid?.() === 0 ? ['--allow-root'] : [])],
    { env: this.env, stdio: ['ignore', logFd, logFd] });
    fs.closeSync(logFd);
    let exit = null;
    this.exited = new Promise((resolve) => this.process.on('exit', (code, signal) => {
      exit = { code, signal };
      resolve(exit);
    }));
    const deadline = Date.now() + START_TIMEOUT_MS;
    for (let delay = 100; ; delay = Math.min(delay * 2, 1000)) {
      check(exit === null, `jupyter ${this.app} should keep running; it exited (${JSON.stringify(exit)}):\n${this.logTail()}`);
      if (await this.answers()) return;
      check(Date.now() < deadline, `jupyter ${this.app} should answer within ${START_TIMEOUT_MS / 1000} s; it did not:\n${this.logTail()}`);
      await new Promise((r) => setTimeout(r, delay));
    }
  }

  /** True once the server has written its runtime file (with the port it got) and answers /api/status. */
  async answers() {
    const info = fs.readdirSync(this.runtimeDir).find((f) => /^jpserver-\d+\.json$/.test(f));
    if (!info) return false;
    const { port } = JSON.parse(fs.readFileSync(path.join(this.runtimeDir, info), 'utf8'));
    this.base = `http://127.0.0.1:${port}`;
    try {
      return (await fetch(this.url('/api/status'))).ok;
    } catch {
      return false;
    }
  }

  url(pathname) {
    return `${this.base}${pathname}${pathname.includes('?') ? '&' : '?'}token=${this.token}`;
  }

  async api(pathname, init = {}) {
    const response = await fetch(this.url(pathname), init);
    check(response.ok, `${init.method ?? 'GET'} ${pathname} should succeed; it gave HTTP ${response.status}`);
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
    if (!this.process || this.process.exitCode !== null || this.process.signalCode !== null) return;
    if (this.base) {
      try {
        const kernels = await (await this.api('/api/kernels')).json();
        await Promise.all(kernels.map((k) => this.api(`/api/kernels/${k.id}`, { method: 'DELETE' })));
        log(`jupyter ${this.app}: ${kernels.length} kernel(s) shut down`);
      } catch (e) {
        log(`jupyter ${this.app}: shutting the kernels down failed (${e.message}); stopping the server anyway`);
      }
    }
    this.process.kill('SIGTERM');
    const killer = setTimeout(() => this.process.kill('SIGKILL'), STOP_TIMEOUT_MS);
    await this.exited;
    clearTimeout(killer);
  }
}
