import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';
import path from 'node:path';

export type ManagedProcess = {
  name: string;
  child: ChildProcess;
  /** Ends the whole process group (wrappers such as the gcloud script fork the JVM). */
  stop: (signal?: NodeJS.Signals) => Promise<void>;
  exited: Promise<number | null>;
};

const running = new Set<ManagedProcess>();

export const bin = (name: string) => path.resolve('node_modules/.bin', name);

/** This environment without tsx's loader (NODE_OPTIONS), for the tools a script runs: Next and Playwright load their own. */
export function envWithoutTsx(): NodeJS.ProcessEnv {
  const { NODE_OPTIONS: _tsx, ...rest } = process.env;
  return rest;
}

export class CommandFailed extends Error {
  constructor(
    command: string,
    args: string[],
    readonly how: string,
  ) {
    super(`${command} ${args.join(' ')} failed (${how})`);
  }
}

export function runCommand(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: 'inherit', env });
    child.once('error', reject);
    child.once('exit', (code, signal) =>
      code === 0 ? resolve() : reject(new CommandFailed(command, args, signal ?? `exit ${code}`)),
    );
  });
}

/** Output is kept (last 200 lines) so a failure can say what the child printed. */
export async function startProcess(
  name: string,
  command: string,
  args: string[],
  options: SpawnOptions & { readyWhen: RegExp; timeoutMs: number; echo?: boolean },
): Promise<ManagedProcess> {
  const { readyWhen, timeoutMs, echo = false, ...spawnOptions } = options;
  const child = spawn(command, args, { ...spawnOptions, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  const tail: string[] = [];
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));

  const managed: ManagedProcess = {
    name,
    child,
    exited,
    stop: async (signal = 'SIGTERM') => {
      running.delete(managed);
      if (child.exitCode !== null || child.signalCode !== null) return;
      killGroup(child, signal);
      const timer = setTimeout(() => killGroup(child, 'SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    },
  };
  running.add(managed);

  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => {
      void managed.stop('SIGKILL');
      reject(new Error(`${name} was not ready after ${timeoutMs / 1000}s. Its last output:\n${tail.join('\n')}`));
    }, timeoutMs);
    const onData = (chunk: Buffer) => {
      for (const line of chunk.toString('utf8').split('\n')) {
        if (!line.trim()) continue;
        if (echo) process.stdout.write(`[${name}] ${line}\n`);
        tail.push(line);
        if (tail.length > 200) tail.shift();
        if (readyWhen.test(line)) {
          clearTimeout(timer);
          resolve();
        }
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('error', (error) => {
      clearTimeout(timer);
      reject(new Error(`${name} could not start: ${error.message}`));
    });
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`${name} exited (code ${code}) before it was ready. Its last output:\n${tail.join('\n')}`));
    });
  });
  return managed;
}

function killGroup(child: ChildProcess, signal: NodeJS.Signals) {
  if (child.pid === undefined) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    // Already gone.
  }
}

/** Last-resort cleanup so that a crash or Ctrl-C never leaves an emulator running. */
export function stopAllOnExit() {
  const stopAll = (code: number) => {
    for (const managed of running) killGroup(managed.child, 'SIGTERM');
    process.exit(code);
  };
  process.once('SIGINT', () => stopAll(130));
  process.once('SIGTERM', () => stopAll(143));
  process.once('exit', () => {
    for (const managed of running) killGroup(managed.child, 'SIGKILL');
  });
}
