import 'server-only';

/** Through the real endpoints, as the browser does. Returns the `Cookie` header value. */
export async function signInOverHttp(
  baseUrl: string,
  authHost: string,
  account: { email: string; password: string },
): Promise<string> {
  const signIn = await fetch(
    `http://${authHost}/identitytoolkit.googleapis.com/v1/accounts:signInWithPassword?key=bench`,
    {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: account.email, password: account.password, returnSecureToken: true }),
    },
  );
  if (!signIn.ok) throw new Error(`sign-in of ${account.email} failed: ${signIn.status} ${await signIn.text()}`);
  const { idToken } = (await signIn.json()) as { idToken: string };
  const session = await fetch(`${baseUrl}/api/auth/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: baseUrl, 'user-agent': 'wellsync-bench' },
    body: JSON.stringify({ idToken }),
  });
  if (!session.ok) throw new Error(`session for ${account.email} refused: ${session.status} ${await session.text()}`);
  const cookie = session.headers.getSetCookie().find((c) => c.includes('wellsync_session='));
  if (!cookie) throw new Error(`no session cookie for ${account.email}`);
  return cookie.split(';')[0]!;
}

export async function timedGet(url: string, cookie: string): Promise<number> {
  const started = performance.now();
  const response = await fetch(url, { headers: { cookie }, redirect: 'manual' });
  await response.arrayBuffer();
  const ms = performance.now() - started;
  if (response.status !== 200) throw new Error(`GET ${url} answered ${response.status}`);
  return ms;
}
