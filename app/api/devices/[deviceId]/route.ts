// Renames one of the caller's devices.
import { z } from 'zod';
import { withUser } from '@/lib/api/guard';
import { ZDocId } from '@/lib/api/route-params';
import { renameDevice, ZRenameDeviceRequest } from '@/lib/devices/update-device';

export const PATCH = withUser(
  async ({ caller, params, body }) => {
    await renameDevice(caller, params.deviceId, body.name);
    return { ok: true };
  },
  { params: z.object({ deviceId: ZDocId }), body: ZRenameDeviceRequest },
);
