import 'server-only';
import { withDeadline } from '@/lib/firebase/with-deadline';
import { FieldPath } from 'firebase-admin/firestore';
import { readDoc } from '@/lib/firebase/metered';
import {
  billableShares,
  COST_TARGET_USD,
  estimateCost,
  NO_USAGE,
  addUsage,
  projectToMonth,
  quantile,
  type FirestorePrices,
  type Usage,
} from './estimate-cost';
import { MIN_GROUP_USERS } from './k-anonymity';
import { costMonthRef, userMonthsCollection } from './metrics-refs';
import { ROLLUP_VERSION, ZUserMonthDoc, type CostMonthDoc, type CostUser } from './rollup-types';
import { scanQuery } from './scan-query';
import { DAY_MS, daysInMonth, monthStartMs, type MonthKey } from './utc-days';
import { sameContent } from './write-if-changed';

/** Upper bounds (USD per month) of the distribution chart's bins; the last one catches everything above $5. */
export const COST_BINS = [0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1, 2, 5, 1_000_000];
const TOP_USERS = 10;

/** A user not yet measured this month gets the median measured storage, and is counted as estimated. */
export async function priceMonth(month: MonthKey, nowMs: number, prices: FirestorePrices): Promise<boolean> {
  const users: { pid: string; usage: Usage; syncing: boolean; storageBytes: number | null }[] = [];
  await scanQuery(userMonthsCollection().where('month', '==', month).orderBy(FieldPath.documentId()), (docs) => {
    for (const doc of docs) {
      const parsed = ZUserMonthDoc.safeParse(doc.data());
      if (!parsed.success) continue;
      const days = Object.values(parsed.data.days);
      const sum = (key: 'reads' | 'writes' | 'deletes' | 'ok') => days.reduce((total, day) => total + day[key], 0);
      users.push({
        pid: parsed.data.pid,
        usage: { reads: sum('reads'), writes: sum('writes'), deletes: sum('deletes'), storageBytes: 0 },
        syncing: sum('ok') > 0,
        storageBytes: parsed.data.storage?.bytes ?? null,
      });
    }
  });

  const monthDays = daysInMonth(month);
  const elapsedDays = Math.min(monthDays, Math.max(1 / 24, (nowMs - monthStartMs(month)) / DAY_MS));
  const measured = users
    .filter((u) => u.syncing && u.storageBytes !== null)
    .map((u) => u.storageBytes!)
    .sort((a, b) => a - b);
  const fallbackStorage = quantile(measured, 0.5) ?? 0;
  const syncing = users
    .filter((u) => u.syncing)
    .map((u) => ({
      ...u,
      usage: projectToMonth({ ...u.usage, storageBytes: u.storageBytes ?? fallbackStorage }, elapsedDays, monthDays),
    }));
  const fleet = syncing.reduce((total, u) => addUsage(total, u.usage), NO_USAGE);
  const shares = billableShares(fleet, monthDays, prices);
  const costed: CostUser[] = syncing
    .map((u) => ({
      pid: u.pid,
      reads: u.usage.reads,
      writes: u.usage.writes,
      deletes: u.usage.deletes,
      storageBytes: u.usage.storageBytes,
      cost: estimateCost(u.usage, prices, shares).total,
    }))
    .sort((a, b) => b.cost - a.cost || a.pid.localeCompare(b.pid));
  const costs = costed.map((u) => u.cost).sort((a, b) => a - b);
  const total = costs.reduce((sum, cost) => sum + cost, 0);

  const data: CostMonthDoc = {
    version: ROLLUP_VERSION,
    month,
    computedAtMs: nowMs,
    complete: elapsedDays >= monthDays,
    elapsedDays,
    daysInMonth: monthDays,
    prices,
    syncingUsers: costed.length,
    storageEstimatedUsers: syncing.filter((u) => u.storageBytes === null).length,
    quantiles:
      costed.length >= MIN_GROUP_USERS
        ? {
            p50: quantile(costs, 0.5)!,
            p95: quantile(costs, 0.95)!,
            p99: quantile(costs, 0.99)!,
            max: costs.at(-1)!,
            mean: total / costs.length,
          }
        : null,
    overTarget: costs.filter((cost) => cost > COST_TARGET_USD).length,
    bins: COST_BINS.map((upTo, i) => ({
      upTo,
      users: costs.filter((cost) => cost <= upTo && (i === 0 || cost > COST_BINS[i - 1]!)).length,
    })),
    top: costed.slice(0, TOP_USERS),
    // Lets erasure find the months whose top list names a pseudonymous id.
    topPids: costed.slice(0, TOP_USERS).map((u) => u.pid),
    totals: { ...fleet, cost: total },
  };
  const ref = costMonthRef(month);
  const existing = await readDoc(ref);
  if (costed.length === 0 && users.length === 0) {
    if (existing.exists) await withDeadline(ref.delete(), 'saving the cost rollup', 60_000);
    return existing.exists;
  }
  if (sameContent(existing.data(), data, ['computedAtMs'])) return false;
  await withDeadline(ref.set(data), 'saving the cost rollup', 60_000);
  return true;
}
