import 'server-only';
import type { UserScope } from '@/lib/auth/scope';
import { authAccountLocator } from './auth-account-locator';
import type { LocatedData } from './user-data-locator';
import { USER_DATA_LOCATORS } from './user-data-locators';

export type ErasureInventory = { items: (LocatedData & { locator: string })[]; total: number };

export async function takeErasureInventory(scope: UserScope): Promise<ErasureInventory> {
  const items: ErasureInventory['items'] = [];
  for (const locator of [...USER_DATA_LOCATORS, authAccountLocator]) {
    for (const item of await locator.find(scope)) items.push({ ...item, locator: locator.name });
  }
  return { items, total: items.reduce((n, item) => n + item.count, 0) };
}
