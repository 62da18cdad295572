// Finds processes that outlived the test: anything whose command line names the test's throw-away directory
// (the Jupyter server, kernel JVMs started from the kernelspec installed there, their user VMs).

import fs from 'node:fs';

export function processesMentioning(dir) {
  const found = [];
  for (const pid of fs.readdirSync('/proc').filter((p) => /^\d+$/.test(p))) {
    try {
      const cmdline = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' ').trim();
      if (cmdline.includes(dir) && Number(pid) !== process.pid) found.push(`${pid} ${cmdline.slice(0, 160)}`);
    } catch { /* exited meanwhile */ }
  }
  return found;
}
