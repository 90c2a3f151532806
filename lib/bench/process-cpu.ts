import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';

/** Linux's clock tick (`getconf CLK_TCK`), 100 on every kernel these machines run. */
const MS_PER_TICK = 10;

/** Exited children are not counted: read it around a batch of views, not across restarts. */
export function processGroupCpuMs(pgid: number): number | null {
  if (!existsSync('/proc/self/stat')) return null;
  let ticks = 0;
  for (const pid of readdirSync('/proc')) {
    if (!/^\d+$/.test(pid)) continue;
    let stat: string;
    try {
      stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    } catch {
      continue; // exited meanwhile
    }
    // Fields after the command name, which may itself hold spaces and parentheses: state ppid pgrp … utime stime.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    if (Number(fields[2]) === pgid) ticks += Number(fields[11]) + Number(fields[12]);
  }
  return ticks * MS_PER_TICK;
}

/** Without the probe's file the server is an older build, which SIGUSR2 would kill: not signalled. */
export async function readServerUsage(pid: number, file: string): Promise<{ firestoreCalls: number } | null> {
  if (!existsSync(file)) return null;
  const before = statSync(file).mtimeMs;
  const asked = Date.now();
  process.kill(pid, 'SIGUSR2');
  while (Date.now() - asked < 2_000) {
    await new Promise((resolve) => setTimeout(resolve, 10));
    if (statSync(file).mtimeMs === before) continue;
    try {
      return JSON.parse(readFileSync(file, 'utf8')) as { firestoreCalls: number };
    } catch {
      // Caught mid-write: try again.
    }
  }
  return null;
}
