// The seed's hardest day for the Conflicts page, replayed in memory (docs/testing.md). Usage: --from, --to.
import { parseArgs } from 'node:util';
import { DEMO_SEED, DEMO_SIMULATION } from '@/lib/seed/seed-demo';
import { planUserSimulation } from '@/lib/simulator/simulate-fleet';
import { simulateUser } from '@/lib/simulator/simulate-user';
import { memoryStore } from '@/lib/sync/stores/memory-store';
import { addDays } from '@/lib/time/zoned';
import { MemoryFirestore, memoryCloud } from '@/tests/helpers/memory-cloud';

const { values } = parseArgs({
  options: { from: { type: 'string', default: '2026-01-01' }, to: { type: 'string', default: '2028-12-31' } },
});
const account = DEMO_SIMULATION.users[0]!;

let best = { day: '', length: 0 };
for (let day = values.from; day <= values.to; day = addDays(day, 1)) {
  const db = new MemoryFirestore();
  db.docs.set(`users/${account.uid}/settings/sync`, {
    enabled: true,
    collections: { journal: true, mood: true, profile: true },
  });
  const plan = planUserSimulation(account, 0, {
    ...DEMO_SIMULATION,
    seed: DEMO_SEED,
    nowMs: Date.parse(`${day}T08:40:00Z`),
  });
  await simulateUser({
    ...plan,
    connect: () => ({ cloud: memoryCloud(db, account.uid, { offline: false, nextFault: null }), store: memoryStore() }),
  });
  const conflicts = db
    .entries(`users/${account.uid}/conflicts/`)
    .map(([, c]) => c as { docId: string; data: { body?: unknown } });
  const bodyOf = (docId: string) => String(db.docs.get(`users/${account.uid}/journal_entries/${docId}`)?.body ?? '');
  const length = Math.max(
    0,
    ...conflicts.map((c) => Math.max(String(c.data.body ?? '').length, bodyOf(c.docId).length)),
  );
  if (length > best.length) best = { day, length };
  console.log(
    `${day}\t${conflicts.length} conflicts\tlongest text ${length}\tlongest so far ${best.day} (${best.length})`,
  );
}
