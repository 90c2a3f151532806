/** Which switch a status line is for: the cloud-sync switch itself, or one data type's switch below it. */
export type SyncSwitch = { kind: 'cloud' } | { kind: 'type'; on: boolean };

/**
 * The status line under a sync switch, from the switches as they stand (the draft, not what is saved). The
 * "Off" wording belongs to the cloud switch alone, and only when it is off; a type's line also says when its
 * tick has no effect because cloud sync is off.
 */
export function describeSyncSwitch(cloudEnabled: boolean, which: SyncSwitch): string {
  if (which.kind === 'cloud') {
    return cloudEnabled
      ? 'On: your phones send and receive the types ticked below.'
      : 'Off: your phones keep everything on the device and nothing is sent or received.';
  }
  if (!cloudEnabled)
    return which.on
      ? 'Paused: cloud sync is off, so this is not sent or received.'
      : 'Not synced: it stays on your phones.';
  return which.on ? 'Syncs: your phones send and receive it.' : 'Not synced: it stays on your phones.';
}
