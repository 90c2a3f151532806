/** A friendly default name for a web session's device, such as "Firefox on macOS". */
export function describeUserAgent(userAgent: string | null | undefined): { name: string; model: string | null } {
  const ua = userAgent ?? '';
  const browser =
    (/Edg\//.test(ua) && 'Edge') ||
    (/Firefox\//.test(ua) && 'Firefox') ||
    (/(Chrome|Chromium|CriOS)\//.test(ua) && 'Chrome') ||
    (/Safari\//.test(ua) && 'Safari') ||
    null;
  const os =
    (/iPhone|iPad|iPod/.test(ua) && 'iOS') ||
    (/Android/.test(ua) && 'Android') ||
    (/Mac OS X|Macintosh/.test(ua) && 'macOS') ||
    (/Windows/.test(ua) && 'Windows') ||
    (/CrOS/.test(ua) && 'ChromeOS') ||
    (/Linux/.test(ua) && 'Linux') ||
    null;
  if (!browser && !os) return { name: 'Web browser', model: null };
  return { name: `${browser ?? 'Browser'} on ${os ?? 'the web'}`, model: browser };
}
