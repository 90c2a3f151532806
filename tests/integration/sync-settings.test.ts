import { describe, expect, it } from 'vitest';
import { POST as removeCopy } from '@/app/api/sync-settings/remove-cloud-copy/route';
import { GET as readSettings, PUT as writeSettings } from '@/app/api/sync-settings/route';
import { CONFLICTS, JOURNAL_ENTRIES, MOOD_ENTRIES } from '@/lib/contract/paths';
import { syncSettingsRef, userCollection, userRef } from '@/lib/firebase/refs';
import { searchJournal } from '@/lib/journal/search-journal';
import {
  createTestUser,
  putJournalEntry,
  putMoodEntry,
  request,
  routeContext,
  sessionCookieFor,
} from '../helpers/users';

const settings = (journal: boolean, enabled = true) => ({
  enabled,
  collections: { journal, mood: true, profile: true },
});

describe('sync settings', () => {
  it('defaults to everything on, and stores changes as the contract has them', async () => {
    const user = await createTestUser();
    const { cookie, deviceId } = await sessionCookieFor(user);
    expect(await (await readSettings(request('/api/sync-settings', { cookie }), routeContext())).json()).toMatchObject(
      settings(true),
    );
    const response = await writeSettings(
      request('/api/sync-settings', { method: 'PUT', cookie, body: settings(false) }),
      routeContext(),
    );
    expect(response.status).toBe(200);
    expect((await syncSettingsRef(user).get()).data()).toMatchObject({ ...settings(false), updatedBy: deviceId });
  });

  it.each([
    ['a missing type', { enabled: true, collections: { journal: true, mood: true } }],
    ['a string for a boolean', { enabled: 'yes', collections: { journal: true, mood: true, profile: true } }],
    ['an unknown type', { enabled: true, collections: { journal: true, mood: true, profile: true, photos: true } }],
  ])('refuses %s with 422 and changes nothing', async (_name, body) => {
    const user = await createTestUser();
    const { cookie } = await sessionCookieFor(user);
    expect(
      (await writeSettings(request('/api/sync-settings', { method: 'PUT', cookie, body }), routeContext())).status,
    ).toBe(422);
    expect((await syncSettingsRef(user).get()).exists).toBe(false);
  });
});

describe('removing a type\u2019s cloud copy', () => {
  const removeJournalCopy = (cookie: string) =>
    removeCopy(
      request('/api/sync-settings/remove-cloud-copy', { method: 'POST', cookie, body: { type: 'journal' } }),
      routeContext(),
    );
  /** A user with 650 journal entries that search finds, and journal sync turned off. */
  async function userWithJournalSyncOff() {
    const user = await createTestUser();
    const { cookie } = await sessionCookieFor(user);
    for (let i = 0; i < 650; i += 1) await putJournalEntry(user, { title: `entry ${i}`, body: 'lighthouse' });
    expect((await searchJournal(user, 'lighthouse')).total).toBe(650);
    await writeSettings(
      request('/api/sync-settings', { method: 'PUT', cookie, body: settings(false) }),
      routeContext(),
    );
    return { user, cookie };
  }

  it('refuses while the type still syncs', async () => {
    const user = await createTestUser();
    const { cookie } = await sessionCookieFor(user);
    await putJournalEntry(user, { title: 'kept' });
    const response = await removeJournalCopy(cookie);
    expect(response.status).toBe(409);
    expect((await response.json()).error.message).toMatch(/Turn journal sync off/);
    expect((await userCollection(user, JOURNAL_ENTRIES).get()).size).toBe(1);
  });

  it('deletes every entry and its conflicts with progress, leaving other types alone', async () => {
    const { user, cookie } = await userWithJournalSyncOff();
    await userCollection(user, CONFLICTS).doc('c1').set({ collection: JOURNAL_ENTRIES, docId: 'x' });
    await userCollection(user, CONFLICTS).doc('c2').set({ collection: MOOD_ENTRIES, docId: 'y' });
    await putMoodEntry(user, { recordedAtMs: Date.now(), score: 3 });

    const response = await removeJournalCopy(cookie);
    expect(response.headers.get('content-type')).toBe('application/x-ndjson; charset=utf-8');
    const lines = (await response.text())
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines[0]).toEqual({ type: 'progress', deleted: 0, total: 651 });
    expect(lines.at(-2)).toEqual({ type: 'progress', deleted: 651, total: 651 });
    expect(lines.at(-1)).toEqual({ type: 'done', deleted: 651 });
    expect(lines.length).toBeGreaterThan(4);
    expect((await userCollection(user, JOURNAL_ENTRIES).get()).size).toBe(0);
    expect((await userCollection(user, CONFLICTS).get()).docs.map((d) => d.id)).toEqual(['c2']);
    expect((await userCollection(user, MOOD_ENTRIES).get()).size).toBe(1);
    expect((await searchJournal(user, 'lighthouse')).total).toBe(0);
  });

  it('a reader that goes away mid-removal still leaves no deleted entry in search', async () => {
    const { user, cookie } = await userWithJournalSyncOff();

    const response = await removeJournalCopy(cookie);
    const reader = response.body!.getReader();
    let text = '';
    while (!text.includes('"deleted":300')) text += new TextDecoder().decode((await reader.read()).value);
    await reader.cancel();

    // The removal stops between pages; what is left in the cloud is exactly what search still finds.
    await expect
      .poll(
        async () => [
          (await userCollection(user, JOURNAL_ENTRIES).get()).size,
          (await searchJournal(user, 'lighthouse')).total,
        ],
        { timeout: 20_000 },
      )
      .toSatisfy(([left, found]) => left! < 650 && found === left);
  });

  it('removes the profile when profile sync is off', async () => {
    const user = await createTestUser();
    const { cookie } = await sessionCookieFor(user);
    await writeSettings(
      request('/api/sync-settings', {
        method: 'PUT',
        cookie,
        body: { enabled: true, collections: { journal: true, mood: true, profile: false } },
      }),
      routeContext(),
    );
    const response = await removeCopy(
      request('/api/sync-settings/remove-cloud-copy', { method: 'POST', cookie, body: { type: 'profile' } }),
      routeContext(),
    );
    expect(
      (await response.text())
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l))
        .at(-1),
    ).toEqual({ type: 'done', deleted: 1 });
    expect((await userRef(user).get()).exists).toBe(false);
  });
});
