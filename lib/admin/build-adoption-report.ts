import { PLATFORMS } from '@/lib/contract/schemas';
import type { AdminRange } from './admin-range';
import type { AdminTable } from './admin-table';
import { MIN_GROUP_USERS } from '@/lib/metrics/k-anonymity';
import type { Freshness, Rollups } from '@/lib/metrics/read-rollups';
import type { FleetSnapshot } from '@/lib/metrics/rollup-types';
import { eachDay } from '@/lib/metrics/utc-days';

export type SeriesRow = { day: string; [series: string]: string | number | null };

export type AdoptionReport = {
  range: AdminRange;
  freshness: Freshness;
  latest: (FleetSnapshot & { day: string }) | null;
  /** Share of users with cloud sync on, per snapshot day: overall and per platform (null where a platform had < 5 users). */
  shareSeries: SeriesRow[];
  typeSeries: { day: string; journal: number | null; mood: number | null; profile: number | null }[];
  activity: SeriesRow[];
  newDevices: SeriesRow[];
  platformRows: {
    platform: string;
    users: number;
    enabled: number;
    share: number;
    journal: number;
    mood: number;
    profile: number;
  }[];
  hiddenPlatforms: number;
  totals: { newDevices: number; peakDailyUsers: number };
  tables: AdminTable[];
};

const ratio = (part: number, whole: number) => (whole > 0 ? part / whole : null);

export function buildAdoptionReport(rollups: Rollups, range: AdminRange, freshness: Freshness): AdoptionReport {
  const snapshots = [...rollups.fleetMonths.values()]
    .flatMap((doc) => Object.entries(doc.days))
    .filter(([day]) => day >= range.from && day <= range.to)
    .sort(([a], [b]) => a.localeCompare(b));
  const latestEntry = snapshots.at(-1);
  const latest = latestEntry ? { ...latestEntry[1], day: latestEntry[0] } : null;

  const shareSeries = snapshots.map(([day, s]) => {
    const row: SeriesRow = { day, all: ratio(s.enabled, s.users) };
    for (const platform of PLATFORMS) {
      const p = s.byPlatform[platform];
      row[platform] = p && p.users >= MIN_GROUP_USERS ? ratio(p.enabled, p.users) : null;
    }
    return row;
  });
  const typeSeries = snapshots.map(([day, s]) => ({
    day,
    journal: ratio(s.types.journal, s.enabled),
    mood: ratio(s.types.mood, s.enabled),
    profile: ratio(s.types.profile, s.enabled),
  }));

  const activity = eachDay(range.from, range.to).flatMap((day) => {
    const rollup = rollups.syncDays.get(day);
    if (!rollup) return [];
    const row: SeriesRow = { day, users: rollup.users, devices: rollup.devices };
    for (const platform of PLATFORMS) {
      const p = rollup.byPlatform[platform];
      row[platform] = p && p.users >= MIN_GROUP_USERS ? p.devices : p ? null : 0;
    }
    return [row];
  });

  const created = new Map<string, Record<string, number>>();
  for (const doc of rollups.fleetMonths.values())
    for (const [day, counts] of Object.entries(doc.newDevices)) created.set(day, counts);
  const newDevices = eachDay(range.from, range.to).map((day) => {
    const counts = created.get(day) ?? {};
    return {
      day,
      total: Object.values(counts).reduce((a, b) => a + b, 0),
      ...Object.fromEntries(PLATFORMS.map((p) => [p, counts[p] ?? 0])),
    };
  });

  const platformEntries = Object.entries(latest?.byPlatform ?? {});
  const platformRows = platformEntries
    .filter(([, p]) => p.users >= MIN_GROUP_USERS)
    .map(([platform, p]) => ({
      platform,
      users: p.users,
      enabled: p.enabled,
      share: ratio(p.enabled, p.users) ?? 0,
      journal: ratio(p.journal, p.enabled) ?? 0,
      mood: ratio(p.mood, p.enabled) ?? 0,
      profile: ratio(p.profile, p.enabled) ?? 0,
    }))
    .sort((a, b) => b.users - a.users);

  const report: Omit<AdoptionReport, 'tables'> = {
    range,
    freshness,
    latest,
    shareSeries,
    typeSeries,
    activity,
    newDevices,
    platformRows,
    hiddenPlatforms: platformEntries.length - platformRows.length,
    totals: {
      newDevices: newDevices.reduce((sum, d) => sum + Number(d.total), 0),
      peakDailyUsers: Math.max(0, ...activity.map((a) => Number(a.users))),
    },
  };
  return { ...report, tables: adoptionTables(report) };
}

function adoptionTables(r: Omit<AdoptionReport, 'tables'>): AdminTable[] {
  const platformColumns = PLATFORMS.map((p) => ({ key: p, label: p, kind: 'count' as const }));
  return [
    {
      id: 'platforms',
      title: `Cloud sync by platform${r.latest ? ` on ${r.latest.day}` : ''}`,
      columns: [
        { key: 'platform', label: 'Platform', kind: 'text' },
        { key: 'users', label: 'Users', kind: 'count' },
        { key: 'enabled', label: 'Sync on', kind: 'count' },
        { key: 'share', label: 'Share with sync on', kind: 'percent' },
        { key: 'journal', label: 'Journal synced', kind: 'percent' },
        { key: 'mood', label: 'Mood synced', kind: 'percent' },
        { key: 'profile', label: 'Profile synced', kind: 'percent' },
      ],
      rows: r.platformRows,
      note:
        r.hiddenPlatforms > 0
          ? `${r.hiddenPlatforms} platform group(s) with fewer than 5 users are hidden. Users with devices on several platforms count in each.`
          : 'Users with devices on several platforms count in each.',
    },
    {
      id: 'adoption-daily',
      title: 'Share of users with cloud sync on, by day',
      columns: [
        { key: 'day', label: 'Day (UTC)', kind: 'text' },
        { key: 'all', label: 'All users', kind: 'percent' },
        ...PLATFORMS.map((p) => ({ key: p, label: p, kind: 'percent' as const })),
      ],
      rows: r.shareSeries,
    },
    {
      id: 'selective-sync',
      title: 'Selective sync: share of sync-on users syncing each type, by day',
      columns: [
        { key: 'day', label: 'Day (UTC)', kind: 'text' },
        { key: 'journal', label: 'Journal', kind: 'percent' },
        { key: 'mood', label: 'Mood', kind: 'percent' },
        { key: 'profile', label: 'Profile', kind: 'percent' },
      ],
      rows: r.typeSeries,
    },
    {
      id: 'devices-daily',
      title: 'Active and new devices, by day',
      columns: [
        { key: 'day', label: 'Day (UTC)', kind: 'text' },
        { key: 'users', label: 'Users who synced', kind: 'count' },
        { key: 'devices', label: 'Devices that synced', kind: 'count' },
        ...platformColumns,
        { key: 'newDevices', label: 'New devices', kind: 'count' },
      ],
      rows: r.activity.map((a) => ({ ...a, newDevices: r.newDevices.find((n) => n.day === a.day)?.total ?? 0 })),
    },
  ];
}
