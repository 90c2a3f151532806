import autocannon from 'autocannon';
import { timedGet } from './http-session';
import { processGroupCpuMs } from './process-cpu';
import type { CpuProbe } from './measure-pages';
import { summarize, type Summary } from './summarize-samples';

export type LoadResult = {
  label: string;
  sessions: number;
  seconds: number;
  /** Failed views in the warm-up pass (every session's first view of every page, all at once), with the first reason. */
  warmUpFailures: number;
  firstWarmUpFailure: string | null;
  requests: number;
  requestsPerSecond: number;
  errors: number;
  non2xx: number;
  latencyMs: Summary;
  perView?: { serverCpuMs: number | null; emulatorCpuMs: number | null };
};

function cpuNow(probe: CpuProbe) {
  const emulators = probe.emulatorGroups.map(processGroupCpuMs);
  return {
    server: processGroupCpuMs(probe.serverPid),
    emulators: emulators.some((ms) => ms === null) ? null : emulators.reduce<number>((a, b) => a + b!, 0),
  };
}

/** Every response time is kept, so the p95 is computed from all of them. */
export async function runLoad(
  label: string,
  baseUrl: string,
  cookies: string[],
  paths: string[],
  seconds: number,
  probe?: CpuProbe,
): Promise<LoadResult> {
  // Each session views every page once first, as a returning user has: derived views are built, routes compiled.
  // These views are all cold at once, the hardest moment for the server: a failure among them is an error too.
  const warmUpFailures: string[] = [];
  await Promise.all(
    cookies.map(async (cookie) => {
      for (const path of paths)
        await timedGet(baseUrl + path, cookie).catch((error: Error) => warmUpFailures.push(error.message));
    }),
  );
  let session = 0;
  const times: number[] = [];
  const before = probe && cpuNow(probe);
  const result = await autocannon({
    url: baseUrl,
    connections: cookies.length,
    duration: seconds,
    timeout: 30,
    setupClient: (client) => {
      const cookie = cookies[session++ % cookies.length]!;
      client.setRequests(paths.map((path) => ({ method: 'GET', path, headers: { cookie } })));
      client.on('response', (_status: number, _bytes: number, responseTime: number) => times.push(responseTime));
    },
  });
  const after = probe && cpuNow(probe);
  const views = Math.max(1, result.requests.total);
  const perView = (a: number | null | undefined, b: number | null | undefined) =>
    a == null || b == null ? null : (b - a) / views;
  return {
    label,
    sessions: cookies.length,
    seconds,
    warmUpFailures: warmUpFailures.length,
    firstWarmUpFailure: warmUpFailures[0] ?? null,
    requests: result.requests.total,
    requestsPerSecond: result.requests.average,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
    latencyMs: summarize(times),
    perView:
      before && after
        ? {
            serverCpuMs: perView(before.server, after.server),
            emulatorCpuMs: perView(before.emulators, after.emulators),
          }
        : undefined,
  };
}
