import 'server-only';
import type { AdminScope, UserScope } from '@/lib/auth/scope';
import { withReadMeter } from '@/lib/firebase/metered';
import { presetRange } from '@/lib/admin/admin-range';
import { getAdoptionReport, getCostReport, getReliabilityReport } from '@/lib/admin/get-admin-reports';
import { utcDay } from '@/lib/metrics/utc-days';
import { listJournalEntries } from '@/lib/journal/list-journal-entries';
import { listJournalTags } from '@/lib/journal/list-journal-tags';
import { searchJournal } from '@/lib/journal/search-journal';
import { getMoodHistory } from '@/lib/mood/get-mood-history';
import { listRecentCheckIns } from '@/lib/mood/list-recent-check-ins';
import { listDevices } from '@/lib/devices/list-devices';
import { getProfile } from '@/lib/profile/get-profile';
import { timedGet } from './http-session';
import { processGroupCpuMs, readServerUsage } from './process-cpu';
import { summarize, type Summary } from './summarize-samples';

export type PageSpec = {
  label: string;
  path: string;
  /** The data functions the page calls, metered in-process. */ load: () => Promise<unknown>;
  /** Viewed without the session cookie (the sign-in page, the floor the others are compared with). */
  anonymous?: boolean;
};
export type PageResult = {
  label: string;
  path: string;
  coldReads: number;
  reads: number;
  serverMs: Summary;
  perView?: { serverCpuMs: number | null; emulatorCpuMs: number | null; firestoreCalls: number | null };
};

export type CpuProbe = {
  serverPid: number;
  emulatorGroups: number[];
  usageFile: string;
};

async function sampleUsage(probe: CpuProbe) {
  const emulators = probe.emulatorGroups.map(processGroupCpuMs);
  return {
    server: processGroupCpuMs(probe.serverPid),
    emulators: emulators.some((ms) => ms === null) ? null : emulators.reduce<number>((a, b) => a + b!, 0),
    calls: (await readServerUsage(probe.serverPid, probe.usageFile))?.firestoreCalls ?? null,
  };
}
const perViewOf = (before: number | null, after: number | null, views: number) =>
  before === null || after === null ? null : (after - before) / views;

/** Verifying the session reads the web device's document: one read on every page view (lib/auth/session.ts). */
export const SESSION_READS = 1;

/** Reads are counted by metering the same data functions the page calls, once cold and once warm. */
export async function measurePages(
  baseUrl: string,
  cookie: string,
  pages: PageSpec[],
  samples: number,
  probe?: CpuProbe,
): Promise<PageResult[]> {
  const results: PageResult[] = [];
  for (const page of pages) {
    const cold = await withReadMeter(page.load);
    for (let i = 0; i < 2; i++) await timedGet(baseUrl + page.path, page.anonymous ? '' : cookie); // warm-up: compiled routes, connections
    const warm = await withReadMeter(page.load);
    const times: number[] = [];
    // Views one at a time, so the CPU read from /proc around them is theirs (the machine's other work aside).
    const before = probe && (await sampleUsage(probe));
    for (let i = 0; i < samples; i++) times.push(await timedGet(baseUrl + page.path, page.anonymous ? '' : cookie));
    const after = probe && (await sampleUsage(probe));
    results.push({
      label: page.label,
      path: page.path,
      coldReads: cold.reads + (page.anonymous ? 0 : SESSION_READS),
      reads: warm.reads + (page.anonymous ? 0 : SESSION_READS),
      serverMs: summarize(times),
      perView:
        before && after
          ? {
              serverCpuMs: perViewOf(before.server, after.server, samples),
              emulatorCpuMs: perViewOf(before.emulators, after.emulators, samples),
              firestoreCalls: perViewOf(before.calls, after.calls, samples),
            }
          : undefined,
    });
  }
  return results;
}

export function adminPages(admin: AdminScope, nowMs: number): PageSpec[] {
  const range = presetRange('30d', utcDay(nowMs));
  return [
    { label: 'Adoption', path: '/admin/adoption', load: () => getAdoptionReport(admin, range, nowMs) },
    { label: 'Cost', path: '/admin/cost', load: () => getCostReport(admin, range, nowMs) },
    { label: 'Reliability', path: '/admin/reliability', load: () => getReliabilityReport(admin, range, nowMs) },
  ];
}

export function portalPages(user: UserScope, searchTerm: string): PageSpec[] {
  const journal = (more: () => Promise<unknown>) => () =>
    Promise.all([getProfile(user), listJournalTags(user), more()]);
  return [
    // The floor: a page with no session and no data, rendered by the same server in the same run.
    { label: 'Sign-in (floor)', path: '/signin', load: async () => undefined, anonymous: true },
    { label: 'Journal, first page', path: '/journal', load: journal(() => listJournalEntries(user, {})) },
    {
      label: `Journal search “${searchTerm}”`,
      path: `/journal?q=${encodeURIComponent(searchTerm)}`,
      load: journal(() => searchJournal(user, searchTerm, {})),
    },
    {
      label: 'Mood, 1 year',
      path: '/mood?range=1y',
      load: () => Promise.all([getMoodHistory(user, { range: '1y' }), listRecentCheckIns(user)]),
    },
    { label: 'Devices', path: '/devices', load: () => listDevices(user) },
  ];
}
