/** How far ahead of the server a device's clock may run before the devices page calls it wrong. */
export const CLOCK_SKEW_TOLERANCE_MS = 10 * 60_000;

/** Such a time can only come from the device's own clock. */
export function clockAheadMs(values: readonly (number | null)[], nowMs: number): number | null {
  const ahead = Math.max(0, ...values.filter((v): v is number => v !== null).map((v) => v - nowMs));
  return ahead > CLOCK_SKEW_TOLERANCE_MS ? ahead : null;
}

const plural = (n: number, unit: string) => `${n} ${unit}${n === 1 ? '' : 's'}`;

/** "This phone's clock looks wrong: it is about 15 minutes ahead." Hours or days once minutes stop reading well. */
export function describeClockSkew(aheadMs: number, platform: 'ios' | 'android' | 'web'): string {
  const minutes = Math.round(aheadMs / 60_000);
  const amount =
    minutes < 120
      ? plural(minutes, 'minute')
      : minutes < 48 * 60
        ? plural(Math.round(minutes / 60), 'hour')
        : plural(Math.round(minutes / 1440), 'day');
  return `This ${platform === 'web' ? 'device' : 'phone'}'s clock looks wrong: it is about ${amount} ahead.`;
}
