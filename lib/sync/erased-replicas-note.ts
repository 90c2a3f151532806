import { addErased, NOTHING_ERASED, type ErasedReplicas } from './erase-local-replicas';

// Numbers only, never entry text: a forged note can only change a number on the sign-in page.
const NOTE_KEY = 'wellsync-erased-replicas';

type NoteStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

export function leaveErasedNote(storage: NoteStorage, erased: ErasedReplicas): void {
  storage.setItem(NOTE_KEY, JSON.stringify(addErased(readNote(storage), erased)));
}

/** Reads the note once: a reload of the sign-in page does not repeat the message. */
export function takeErasedNote(storage: NoteStorage): ErasedReplicas {
  const note = readNote(storage);
  storage.removeItem(NOTE_KEY);
  return note;
}

function readNote(storage: NoteStorage): ErasedReplicas {
  try {
    const raw = JSON.parse(storage.getItem(NOTE_KEY) ?? 'null') as Partial<
      Record<keyof ErasedReplicas, unknown>
    > | null;
    if (!raw || typeof raw !== 'object') return { ...NOTHING_ERASED };
    const count = (value: unknown) =>
      typeof value === 'number' && Number.isSafeInteger(value) && value >= 0 ? value : 0;
    return {
      erased: count(raw.erased),
      unsyncedChanges: count(raw.unsyncedChanges),
      unreadable: count(raw.unreadable),
      failed: count(raw.failed),
    };
  } catch {
    return { ...NOTHING_ERASED };
  }
}
