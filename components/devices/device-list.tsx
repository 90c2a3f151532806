'use client';

import { useRouter } from 'next/navigation';
import { useState, type FormEvent } from 'react';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { ConfirmButton } from '@/components/ui/confirm-button';
import { Input } from '@/components/ui/field';
import { Notice } from '@/components/ui/notice';
import { apiFetch } from '@/lib/api/client-fetch';
import { clockAheadMs, describeClockSkew } from '@/lib/devices/describe-clock-skew';
import type { DeviceSummary } from '@/lib/devices/list-devices';
import { formatRelative } from '@/lib/time/relative';

const PLATFORM: Record<DeviceSummary['platform'], string> = { ios: 'iOS', android: 'Android', web: 'Web' };

export function DeviceList({
  devices,
  currentDeviceId,
  now,
}: {
  devices: DeviceSummary[];
  currentDeviceId: string;
  now: number;
}) {
  return (
    <ul className="flex flex-col gap-4" aria-label="Devices">
      {devices.map((device) => (
        <li key={device.id}>
          <DeviceCard device={device} isCurrent={device.id === currentDeviceId} now={now} />
        </li>
      ))}
    </ul>
  );
}

function DeviceCard({ device, isCurrent, now }: { device: DeviceSummary; isCurrent: boolean; now: number }) {
  const router = useRouter();
  const [renaming, setRenaming] = useState(false);
  const [name, setName] = useState(device.name);
  const [error, setError] = useState<string | null>(null);
  const revoked = device.revokedAtMs !== null;
  // `now` is the server's clock: only the device's own times can be ahead of it.
  const clockAhead = clockAheadMs([device.lastSeenAtMs, device.lastSyncAtMs], now);

  async function rename(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setError(null);
    try {
      await apiFetch(`/api/devices/${encodeURIComponent(device.id)}`, { method: 'PATCH', body: { name } });
      setRenaming(false);
      router.refresh();
    } catch (caught) {
      setError((caught as Error).message);
    }
  }

  return (
    <article
      aria-label={device.name}
      className={`rounded-xl border border-border bg-card p-5 shadow-sm ${revoked ? 'opacity-70' : ''}`}
    >
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div>
          {renaming ? (
            <form onSubmit={rename} className="flex flex-wrap items-center gap-2">
              <label htmlFor={`name-${device.id}`} className="sr-only">
                Device name
              </label>
              <Input
                id={`name-${device.id}`}
                value={name}
                onChange={(e) => setName(e.target.value)}
                maxLength={100}
                className="w-64"
                autoFocus
              />
              <Button type="submit">Save</Button>
              <Button
                variant="ghost"
                onClick={() => {
                  setRenaming(false);
                  setName(device.name);
                }}
              >
                Cancel
              </Button>
            </form>
          ) : (
            <h2 className="text-lg font-semibold">{device.name}</h2>
          )}
          <p className="mt-1 text-sm text-muted">
            {PLATFORM[device.platform]}
            {device.model ? ` · ${device.model}` : ''} · app {device.appVersion}
          </p>
        </div>
        <div className="flex flex-wrap gap-2">
          {isCurrent && <Badge tone="accent">This browser</Badge>}
          {revoked ? (
            <Badge tone="danger">Revoked {formatRelative(device.revokedAtMs!, now)}</Badge>
          ) : (
            <SyncBadge device={device} />
          )}
        </div>
      </div>
      <dl className="mt-4 grid gap-3 text-sm sm:grid-cols-3">
        <div>
          <dt className="text-muted">Last sync</dt>
          <dd>
            {device.lastSyncAtMs ? (
              <time dateTime={new Date(device.lastSyncAtMs).toISOString()}>
                {formatRelative(device.lastSyncAtMs, now)}
              </time>
            ) : (
              'Not yet'
            )}
          </dd>
        </div>
        <div>
          <dt className="text-muted">Changes waiting on the device</dt>
          <dd>{device.pendingChanges}</dd>
        </div>
        <div>
          <dt className="text-muted">Last seen</dt>
          <dd>
            <time dateTime={new Date(device.lastSeenAtMs).toISOString()}>
              {formatRelative(device.lastSeenAtMs, now)}
            </time>
          </dd>
        </div>
      </dl>
      {clockAhead !== null && (
        <Notice tone="warning" className="mt-3">
          {describeClockSkew(clockAhead, device.platform)}
        </Notice>
      )}
      {error && (
        <Notice tone="error" className="mt-3">
          {error}
        </Notice>
      )}
      {!revoked && !renaming && (
        <div className="mt-4 flex gap-2">
          <Button variant="secondary" onClick={() => setRenaming(true)} aria-label={`Rename ${device.name}`}>
            Rename
          </Button>
          <ConfirmButton
            label="Revoke"
            ariaLabel={`Revoke ${device.name}`}
            title={`Revoke ${device.name}?`}
            confirmLabel="Revoke device"
            onConfirm={async () => {
              const result = await apiFetch<{ signedOut: boolean }>(
                `/api/devices/${encodeURIComponent(device.id)}/revoke`,
                { method: 'POST' },
              );
              if (result.signedOut) router.replace('/signin?reason=revoked');
              router.refresh();
            }}
          >
            {isCurrent
              ? 'This is the browser you are using: you will be signed out here.'
              : `It will be signed out and can no longer sync. ${device.pendingChanges ? `It still has ${device.pendingChanges} change${device.pendingChanges === 1 ? '' : 's'} that never reached the cloud; they stay on that device.` : 'Everything it wrote stays in your journal.'}`}
          </ConfirmButton>
        </div>
      )}
    </article>
  );
}

function SyncBadge({ device }: { device: DeviceSummary }) {
  if (!device.lastSyncStatus) return <Badge>Not synced yet</Badge>;
  return device.lastSyncStatus === 'ok' ? (
    <Badge tone="accent">Last sync OK</Badge>
  ) : (
    <Badge tone="warning">Last sync failed</Badge>
  );
}
