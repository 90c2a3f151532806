import { v7 as uuidv7 } from 'uuid';
import type { z } from 'zod';
import { COLLECTION_OF_TYPE, ENTRY_COLLECTIONS } from '@/lib/contract/paths';
import { SYNC_ERROR_CODES, ZJournalEntry, ZMoodEntry } from '@/lib/contract/schemas';
import { isWithinTelemetryBounds } from '@/lib/contract/telemetry-bounds';
import { compareRevs, formatRev, initialClock, parseRev, receive, tick, type Hlc } from './hlc';
import { firestoreCode } from '@/lib/errors/firestore-code';
import {
  SyncError,
  type CloudVersion,
  type DeviceIdentity,
  type EntryVersion,
  type MergeContext,
  type PullCursor,
  type SyncAttempt,
  type SyncCloud,
  type SyncCollection,
} from './types';

// Why: docs/sync.md.

/** `bases`: by rev, the cloud version each pending edit was based on, for a merge. */
export type LocalDoc = { cloud: EntryVersion | null; pending: EntryVersion[]; bases?: Record<string, EntryVersion> };

export type LocalState = {
  clock: string | null;
  docs: Record<SyncCollection, Record<string, LocalDoc>>;
  cursors: Record<SyncCollection, PullCursor | null>;
  /** Telemetry of attempts that could not be written yet (offline): sent with the next attempt that can. */
  unsentAttempts: SyncAttempt[];
};

export type LocalStore = { load(): Promise<LocalState | null>; save(state: LocalState): Promise<void> };

export type SyncReport = {
  status: 'ok' | 'error' | 'disabled';
  errorCode: string | null;
  durationMs: number;
  pushed: number;
  pulled: number;
  conflicts: number;
  merged: number;
  pending: number;
  revoked: boolean;
};

export type SyncClientOptions = {
  device: DeviceIdentity;
  cloud: SyncCloud;
  store: LocalStore;
  /** The device's wall clock (the simulator skews it; tests control it). */
  now?: () => number;
  pageSize?: number;
  /** `listener` (the browser): changes arrive through `receive()`, and a sync only pushes. */
  pull?: 'cursor' | 'listener';
  /** False models a release from before contract 2026-12: no base, greater rev wins, no `merged` count. */
  canMerge?: boolean;
};

/** A local version must be one the security rules accept: an invalid one would block the outbox for good. */
const LOCAL_VERSION: Record<SyncCollection, z.ZodType> = {
  journal_entries: ZJournalEntry.omit({ syncedAt: true }).strict(),
  mood_entries: ZMoodEntry.omit({ syncedAt: true }).strict(),
};
const TRANSIENT = new Set(['unavailable', 'deadline-exceeded', 'resource-exhausted']);
const PUSH_LANES = 6;

export class InvalidEditError extends Error {
  override name = 'InvalidEditError';
  constructor(readonly issues: string[]) {
    super(`This edit is not valid: ${issues.join('; ')}`);
  }
}
const MAX_UNSENT_ATTEMPTS = 500;

export function emptyLocalState(): LocalState {
  return {
    clock: null,
    docs: { journal_entries: {}, mood_entries: {} },
    cursors: { journal_entries: null, mood_entries: null },
    unsentAttempts: [],
  };
}

/** What the user sees: their own unpushed edit, unless the cloud holds a newer version it was not based on. */
export function visibleVersion(doc: LocalDoc): EntryVersion | null {
  const last = doc.pending.at(-1);
  if (!last) return doc.cloud;
  if (!doc.cloud || last.baseRev === doc.cloud.rev || compareRevs(last.rev, doc.cloud.rev) > 0) return last;
  return doc.cloud;
}

export class SyncClient {
  private clock: Hlc;
  private syncing: Promise<SyncReport> | null = null;
  private followUp: Promise<SyncReport> | null = null;
  private revoked = false;
  private received = { docs: 0, bytes: 0 };
  private registered = false;

  private constructor(
    private readonly options: Required<SyncClientOptions>,
    private state: LocalState,
  ) {
    this.clock = state.clock ? { ...parseRev(state.clock), node: options.device.id } : initialClock(options.device.id);
  }

  static async open(options: SyncClientOptions): Promise<SyncClient> {
    const state = (await options.store.load()) ?? emptyLocalState();
    return new SyncClient({ now: () => Date.now(), pageSize: 300, pull: 'cursor', canMerge: true, ...options }, state);
  }

  get deviceId(): string {
    return this.options.device.id;
  }

  get isRevoked(): boolean {
    return this.revoked;
  }

  now(): number {
    return this.options.now();
  }

  timestamp(millis: number): unknown {
    return this.options.cloud.timestamp(millis);
  }

  get(collection: SyncCollection, id: string): EntryVersion | null {
    const doc = this.state.docs[collection][id];
    return doc ? visibleVersion(doc) : null;
  }

  list(collection: SyncCollection): { id: string; version: EntryVersion }[] {
    return Object.entries(this.state.docs[collection]).flatMap(([id, doc]) => {
      const version = visibleVersion(doc);
      return version ? [{ id, version }] : [];
    });
  }

  hasPending(collection: SyncCollection, id: string): boolean {
    return (this.state.docs[collection][id]?.pending.length ?? 0) > 0;
  }

  pendingCount(): number {
    return ENTRY_COLLECTIONS.reduce(
      (n, c) => n + Object.values(this.state.docs[c]).reduce((m, doc) => m + doc.pending.length, 0),
      0,
    );
  }

  /** An older unpushed edit hidden behind a cloud version is queued, not replaced, so it still reaches the cloud. */
  async edit(collection: SyncCollection, id: string, fields: Record<string, unknown>): Promise<EntryVersion> {
    const doc = this.state.docs[collection][id] ?? { cloud: null, pending: [] };
    const shown = visibleVersion(doc);
    const ownUnpushed = shown !== null && shown === doc.pending.at(-1);
    const nowMs = this.options.now();
    this.clock = tick(this.clock, nowMs);
    const version: EntryVersion = {
      ...(shown ?? {}),
      ...fields,
      updatedAt: this.options.cloud.timestamp(nowMs),
      deletedAt: fields.deletedAt ?? shown?.deletedAt ?? null,
      rev: formatRev(this.clock),
      baseRev: ownUnpushed ? shown.baseRev : (shown?.rev ?? null),
      deviceId: this.options.device.id,
    };
    const checked = LOCAL_VERSION[collection].safeParse(version);
    if (!checked.success)
      throw new InvalidEditError(checked.error.issues.map((i) => `${i.path.join('.') || '(entry)'}: ${i.message}`));
    if (ownUnpushed) doc.pending[doc.pending.length - 1] = version;
    else {
      doc.pending.push(version);
      // What the user saw was the cloud's version: it is the base a merge will need.
      if (shown) this.keepBase(doc, shown);
    }
    this.state.docs[collection][id] = doc;
    await this.save();
    return version;
  }

  remove(collection: SyncCollection, id: string): Promise<EntryVersion> {
    if (!this.get(collection, id)) return Promise.reject(new InvalidEditError([`no entry ${id} on this device`]));
    return this.edit(collection, id, { deletedAt: this.options.cloud.timestamp(this.options.now()) });
  }

  /** Calls during an attempt share the one queued after it: the one in flight may be past its push already. */
  sync(): Promise<SyncReport> {
    if (!this.syncing) {
      this.syncing = this.attempt().finally(() => {
        this.syncing = null;
      });
      return this.syncing;
    }
    this.followUp ??= this.syncing.then(() => {
      this.followUp = null;
      return this.sync();
    });
    return this.followUp;
  }

  private async attempt(): Promise<SyncReport> {
    const { cloud, device } = this.options;
    // Durations use the device clock too, so a simulated network's latency shows in the telemetry.
    const startedAtMs = this.options.now();
    // Documents a listener delivered since the last attempt count as this attempt's pulls.
    const { docs, bytes } = this.received;
    const counts: Counts = {
      pushed: 0,
      pulled: docs,
      conflicts: 0,
      merged: 0,
      reads: docs,
      writes: 0,
      bytesUp: 0,
      bytesDown: bytes,
    };
    this.received = { docs: 0, bytes: 0 };
    let errorCode: string | null = null;
    try {
      // Both at once, but a revoked device is told so first: an ended browser session may read only its own
      // device doc (firestore.rules), so its settings read fails, and that must not hide the revocation.
      const [ownRead, settingsRead] = await Promise.allSettled([cloud.readDevice(device.id), cloud.readSettings()]);
      counts.reads += 2;
      if (ownRead.status === 'rejected') throw ownRead.reason;
      const own = ownRead.value;
      this.registered = own !== null;
      if (own?.revoked) throw new SyncError('device-revoked', 'This device was signed out from another device.');
      if (settingsRead.status === 'rejected') throw settingsRead.reason;
      const settings = settingsRead.value;
      if (settings && !settings.enabled) {
        // Cloud sync is off: nothing is pushed or pulled, and there is no attempt to report.
        return this.report('disabled', null, counts, this.options.now() - startedAtMs);
      }
      const enabled = ENTRY_COLLECTIONS.filter((collection) => {
        const type = (Object.keys(COLLECTION_OF_TYPE) as (keyof typeof COLLECTION_OF_TYPE)[]).find(
          (t) => COLLECTION_OF_TYPE[t] === collection,
        )!;
        return !settings || settings.collections[type];
      });
      for (const collection of enabled) await this.push(collection, counts);
      if (this.options.pull === 'cursor') await Promise.all(enabled.map((collection) => this.pull(collection, counts)));
    } catch (error) {
      errorCode = errorCodeOf(error);
      if (errorCode === 'device-revoked') this.revoked = true;
    }
    const { merged, ...sent } = counts;
    const attempt: SyncAttempt = {
      id: uuidv7({ msecs: startedAtMs }),
      startedAtMs,
      durationMs: Math.max(0, Math.round(this.options.now() - startedAtMs)),
      status: errorCode ? 'error' : 'ok',
      errorCode,
      ...sent,
      // An older release does not know the field (the contract: absent means 0).
      ...(this.options.canMerge ? { merged } : {}),
      deletes: 0,
    };
    await this.sendTelemetry(attempt);
    return this.report(attempt.status, errorCode, counts, attempt.durationMs);
  }

  /** A network failure stops the attempt; an entry the server refuses does not hold up the others. */
  private async push(collection: SyncCollection, counts: Counts) {
    const queue = Object.entries(this.state.docs[collection])
      .filter(([, doc]) => doc.pending.length > 0)
      .sort(([, a], [, b]) => compareRevs(a.pending[0]!.rev, b.pending[0]!.rev));
    // Different entries never contend, so a backlog goes up a few at a time; one entry's versions stay in order.
    let refused: unknown = null;
    let failed: unknown = null;
    const next = () => (failed ? undefined : queue.shift());
    const lane = async () => {
      for (let item = next(); item; item = next()) {
        try {
          await this.pushDoc(collection, item[0], item[1], counts);
        } catch (error) {
          if (TRANSIENT.has(errorCodeOf(error))) failed ??= error;
          else refused ??= error;
        }
      }
    };
    await Promise.all(Array.from({ length: PUSH_LANES }, lane));
    if (failed) throw failed;
    if (refused) throw refused;
  }

  private async pushDoc(collection: SyncCollection, id: string, doc: LocalDoc, counts: Counts) {
    while (doc.pending.length > 0) {
      const version = doc.pending[0]!;
      const result = await this.options.cloud.pushEntry(collection, id, version, this.mergeContext(doc, version));
      counts.reads += result.reads;
      counts.writes += result.writes;
      counts.bytesUp += approximateBytes(version);
      if (result.decision !== 'already-applied') counts.pushed += 1;
      if (result.conflictId) counts.conflicts += 1;
      if (result.decision === 'merged') counts.merged += 1;
      doc.cloud = result.winner;
      const index = doc.pending.findIndex((p) => p.rev === version.rev);
      if (index >= 0) doc.pending.splice(index, 1);
      else if (doc.pending[0] && result.decision !== 'cloud-wins' && result.mergedRev === null) {
        // The user edited the version while it was being pushed: the newer edit now builds on it. (After a merge
        // or a loss the newer edit keeps its base, so the next push merges or records it against the cloud's.)
        doc.pending[0] = { ...doc.pending[0], baseRev: version.rev };
        this.keepBase(doc, version);
      }
      pruneBases(doc);
      await this.save();
    }
  }

  private mergeContext(doc: LocalDoc, version: EntryVersion): MergeContext | undefined {
    const base = version.baseRev ? doc.bases?.[version.baseRev] : undefined;
    if (!this.options.canMerge || !base) return undefined;
    return {
      base,
      // A merged version is stamped after both sides: the device's own edit is already behind its clock.
      stamp: (cloudRev) => {
        this.clock = receive(this.clock, cloudRev, this.options.now());
        return formatRev(this.clock);
      },
    };
  }

  private keepBase(doc: LocalDoc, base: EntryVersion) {
    if (this.options.canMerge) doc.bases = { ...doc.bases, [base.rev]: base };
  }

  /** Unpushed edits stay queued: the next push decides between them and the cloud, and records the loser. */
  async receive(collection: SyncCollection, id: string, version: CloudVersion): Promise<void> {
    this.applyRemote(collection, id, version);
    this.received.docs += 1;
    this.received.bytes += approximateBytes(version);
    await this.save();
  }

  private applyRemote(collection: SyncCollection, id: string, version: CloudVersion) {
    this.clock = receive(this.clock, version.rev, this.options.now());
    const { syncedAt: _syncedAt, ...cloudVersion } = version;
    const doc = (this.state.docs[collection][id] ??= { cloud: null, pending: [] });
    doc.cloud = cloudVersion as EntryVersion;
  }

  private async pull(collection: SyncCollection, counts: Counts) {
    for (;;) {
      const page = await this.options.cloud.pullPage(collection, this.state.cursors[collection], this.options.pageSize);
      counts.reads += page.reads;
      for (const { id, version } of page.docs) {
        this.applyRemote(collection, id, version);
        counts.pulled += 1;
        counts.bytesDown += approximateBytes(version);
      }
      this.state.cursors[collection] = page.cursor;
      await this.save();
      if (page.docs.length < this.options.pageSize) return;
    }
  }

  /** Queued attempts the rules would now refuse (too old) are dropped: kept, they would block every later report. */
  private async sendTelemetry(attempt: SyncAttempt) {
    const now = this.options.now();
    const queue = [...this.state.unsentAttempts, attempt].filter((queued) => isWithinTelemetryBounds(queued, now));
    this.state.unsentAttempts = [];
    for (let i = 0; i < queue.length; i++) {
      try {
        await this.options.cloud.recordAttempt(this.options.device, queue[i]!, this.pendingCount(), this.registered);
        this.registered = true;
      } catch {
        this.state.unsentAttempts = queue.slice(i).slice(-MAX_UNSENT_ATTEMPTS);
        break;
      }
    }
    await this.save();
  }

  private report(
    status: SyncReport['status'],
    errorCode: string | null,
    counts: Counts,
    durationMs: number,
  ): SyncReport {
    const { pushed, pulled, conflicts, merged } = counts;
    const pending = this.pendingCount();
    return { status, errorCode, durationMs, pushed, pulled, conflicts, merged, pending, revoked: this.revoked };
  }

  private async save() {
    this.state.clock = formatRev(this.clock);
    await this.options.store.save(this.state);
  }
}

type Counts = Record<
  'pushed' | 'pulled' | 'conflicts' | 'merged' | 'reads' | 'writes' | 'bytesUp' | 'bytesDown',
  number
>;

/** Bases no pending edit refers to any more are dropped: a body can be 100,000 characters. */
function pruneBases(doc: LocalDoc) {
  if (!doc.bases) return;
  const wanted = new Set(doc.pending.map((p) => p.baseRev));
  const kept = Object.entries(doc.bases).filter(([rev]) => wanted.has(rev));
  if (kept.length) doc.bases = Object.fromEntries(kept);
  else delete doc.bases;
}

// 'internal' is in the vocabulary too, and is also what anything unknown becomes.
const KNOWN = new Set<string>(SYNC_ERROR_CODES);

export function errorCodeOf(error: unknown): string {
  const code = firestoreCode(error);
  return code && KNOWN.has(code) ? code : 'internal';
}

function approximateBytes(version: Record<string, unknown>): number {
  return new TextEncoder().encode(JSON.stringify(version)).byteLength;
}
