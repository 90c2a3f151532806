import { beforeAll, describe, expect, it } from 'vitest';
import { withReadMeter } from '@/lib/firebase/metered';
import { presetRange, resolveRange } from '@/lib/admin/admin-range';
import { getAdminOverview } from '@/lib/admin/get-admin-overview';
import { getAdoptionReport, getCostReport, getReliabilityReport } from '@/lib/admin/get-admin-reports';
import { listAuditLog } from '@/lib/audit/list-audit-log';
import { seedFleet } from '@/lib/seed/seed-fleet';
import { useIsolatedProject } from '../helpers/isolated-project';

beforeAll(async () => {
  await useIsolatedProject();
});

/**
 * "At most 100 Firestore document reads per page view, whatever the fleet size": each admin page's data functions
 * are metered over the same date ranges for a small and a five-times larger fleet. A page view also verifies the
 * session (one read), so the data functions must stay within 99.
 */
const TODAY = '2026-11-25';
const NOW = Date.parse(`${TODAY}T12:00:00Z`);
const admin = { uid: 'budget-admin', isAdmin: true as const };
const ranges = {
  '7 days': presetRange('7d', TODAY),
  '30 days': presetRange('30d', TODAY),
  '1 year': presetRange('365d', TODAY),
  '400 days': resolveRange({ from: '2025-10-22', to: TODAY }, TODAY),
};
const PAGE_BUDGET = 100 - 1;

async function pageReads(): Promise<Record<string, number>> {
  const reads: Record<string, number> = {};
  reads.overview = (await withReadMeter(() => getAdminOverview(admin, NOW))).reads;
  reads.audit = (await withReadMeter(() => listAuditLog(admin))).reads;
  for (const [label, range] of Object.entries(ranges)) {
    reads[`adoption, ${label}`] = (await withReadMeter(() => getAdoptionReport(admin, range, NOW))).reads;
    reads[`cost, ${label}`] = (await withReadMeter(() => getCostReport(admin, range, NOW))).reads;
    reads[`reliability, ${label}`] = (await withReadMeter(() => getReliabilityReport(admin, range, NOW))).reads;
  }
  return reads;
}

describe('admin page read budget', () => {
  it('stays under 100 reads per page view, the same for 8 users as for 40', async () => {
    const small = await seedFleet({ nowMs: NOW, seed: 11, users: 8, replayDays: 2 });
    const smallReads = await pageReads();
    const large = await seedFleet({ nowMs: NOW, seed: 11, users: 40, replayDays: 2 });
    const largeReads = await pageReads();

    expect(large.syncEvents).toBeGreaterThan(4 * small.syncEvents);
    for (const [page, reads] of Object.entries(largeReads)) expect(reads, page).toBeLessThanOrEqual(PAGE_BUDGET);
    expect(largeReads).toEqual(smallReads);
    // The pages did read rollups (a budget that nothing was read against proves nothing).
    expect(largeReads['reliability, 30 days']).toBeGreaterThan(3);
  }, 180_000);
});
