export type SyncSwitch = { kind: 'cloud' } | { kind: 'type'; on: boolean };

/** From the draft, not what is saved; "Off" belongs to the cloud switch alone. */
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
