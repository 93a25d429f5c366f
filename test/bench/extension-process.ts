// The CPU time of an extension's own renderer process, read from Linux's /proc: where its service
// worker runs. A cold start starts that process afresh (the bench stops the worker and waits for the
// process to exit), so the process's CPU time at the end of the load's window is what starting the
// worker cost the machine: evaluating its script, reading the glossary, loading jieba for the
// page's segmentation request. The page's trace does not see that process; on a two-core machine it
// competes with the page for a core.
import { execSync } from 'node:child_process';
import fs from 'node:fs';

const CLOCK_TICKS = Number(execSync('getconf CLK_TCK').toString().trim()) || 100;

interface Proc {
  pid: number;
  ppid: number;
  /** utime + stime, ms. */
  cpuMs: number;
  cmdline: string;
}

function processes(): Proc[] {
  const list: Proc[] = [];
  for (const name of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${name}/stat`, 'utf8');
      // The command's name, in parentheses, may hold spaces: the fields are counted after it.
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const cmdline = fs.readFileSync(`/proc/${name}/cmdline`, 'utf8').replaceAll('\0', ' ');
      list.push({ pid: Number(name), ppid: Number(fields[1]), cpuMs: ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS, cmdline });
    } catch {
      // The process exited while it was read.
    }
  }
  return list;
}

/** The extension processes (`--extension-process`) of the browser whose profile is `userDataDir`. */
export function extensionProcesses(userDataDir: string): Array<{ pid: number; cpuMs: number }> {
  const all = processes();
  const browser = all.find((p) => p.cmdline.includes(`--user-data-dir=${userDataDir}`) && !p.cmdline.includes('--type='));
  if (!browser) return [];
  const children = new Map<number, Proc[]>();
  for (const p of all) {
    const siblings = children.get(p.ppid);
    if (siblings) siblings.push(p);
    else children.set(p.ppid, [p]);
  }
  const found: Array<{ pid: number; cpuMs: number }> = [];
  const walk = (pid: number): void => {
    for (const child of children.get(pid) ?? []) {
      if (child.cmdline.includes('--extension-process')) found.push({ pid: child.pid, cpuMs: child.cpuMs });
      walk(child.pid);
    }
  };
  walk(browser.pid);
  return found;
}
