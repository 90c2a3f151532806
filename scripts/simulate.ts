// The device simulator: plays phones with the real sync protocol against Firestore (the emulators, or the
// project your credentials point at). Usage:
//   npm run simulate -- --users 20 --devices 2 --days 30 --failure-rate 0.01 --offline-rate 0.05
// Options: --seed N, --transport client|server (client: the phone's SDK through the security rules), --concurrency N.
import { parseArgs } from 'node:util';
import { progressBar } from '@/lib/dev/progress-bar';
import { simulateFleet } from '@/lib/simulator/simulate-fleet';
import { summarizeAttempts } from '@/lib/simulator/summarize-attempts';

const { values } = parseArgs({
  options: {
    users: { type: 'string', default: '10' },
    devices: { type: 'string', default: '2' },
    days: { type: 'string', default: '30' },
    'failure-rate': { type: 'string', default: '0.001' },
    'offline-rate': { type: 'string', default: '0.05' },
    seed: { type: 'string', default: '1' },
    transport: { type: 'string', default: 'client' },
    concurrency: { type: 'string', default: '4' },
  },
});

const number = (name: keyof typeof values, min: number, max: number) => {
  const value = Number(values[name]);
  if (!Number.isFinite(value) || value < min || value > max) {
    console.error(`--${name} must be a number from ${min} to ${max} (got ${values[name]}).`);
    process.exit(2);
  }
  return value;
};
const transport = values.transport === 'server' ? 'server' : values.transport === 'client' ? 'client' : null;
if (!transport) {
  console.error('--transport must be client or server.');
  process.exit(2);
}

const bar = progressBar('Simulating user-days');
const started = performance.now();
const summary = await simulateFleet({
  users: number('users', 1, 100_000),
  devicesPerUser: number('devices', 1, 10),
  days: number('days', 1, 3650),
  failureRate: number('failure-rate', 0, 1),
  offlineRate: number('offline-rate', 0, 1),
  seed: number('seed', 0, 2 ** 31),
  concurrency: number('concurrency', 1, 64),
  transport,
  onProgress: bar.update,
  onRevoked: (uid, device) => console.log(`\n${device} (user ${uid}) was revoked: it stops, with device-revoked.`),
});
bar.stop();
const stats = summarizeAttempts(summary.attempts);
console.log(
  `\n${summary.users} users, ${summary.devices} devices, ${summary.edits} edits, ${stats.attempts} sync attempts in ${((performance.now() - started) / 1000).toFixed(1)}s`,
);
console.log(
  `success ${(stats.successRate * 100).toFixed(2)}%, latency p50 ${stats.latency.p50} ms, p95 ${stats.latency.p95} ms, p99 ${stats.latency.p99} ms, conflicts ${summary.conflicts}`,
);
const share = stats.mergedShare === null ? 'no conflicts' : `${(stats.mergedShare * 100).toFixed(1)}% of conflicts`;
console.log(`merged automatically: ${stats.merged} (${share}); left to users: ${stats.conflicts - stats.merged}`);
console.log('by release (worst first):');
for (const r of stats.byRelease) {
  const merges = r.conflicts > 0 ? `, ${r.merged}/${r.conflicts} conflicts merged` : '';
  console.log(
    `  ${r.release.padEnd(16)} ${String(r.attempts).padStart(7)} attempts, ${(r.failureRate * 100).toFixed(2)}% failed, p95 ${r.p95} ms${merges}`,
  );
}
console.log(`errors: ${stats.errors.map((e) => `${e.code} ${e.count}`).join(', ') || 'none'}`);
process.exit(0);
