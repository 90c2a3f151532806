import { connect, createServer, type Socket } from 'node:net';
import { findFreePort } from '@/lib/dev/free-port';

export type OutageProxy = {
  /** `127.0.0.1:port`, to give the app in place of the emulator's own address. */
  host: string;
  /** The network goes away: open connections are reset and new ones refused. Nothing in the database changes. */
  cut: () => Promise<void>;
  restore: () => Promise<void>;
  close: () => Promise<void>;
};

/**
 * A TCP relay to an emulator that a test can cut and restore. Unlike stopping the emulator (which must save and
 * reload its data, and keeps serving the app while it saves), a cut is instant and loses no acknowledged write,
 * as an outage between a server and a real database does.
 */
export async function startOutageProxy(target: string): Promise<OutageProxy> {
  const [targetHost, targetPort] = target.split(':') as [string, string];
  const port = await findFreePort();
  const sockets = new Set<Socket>();
  const server = createServer((client) => {
    const upstream = connect(Number(targetPort), targetHost);
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket.on('close', () => sockets.delete(socket));
      socket.on('error', () => undefined);
    }
    client.pipe(upstream).pipe(client);
    client.on('close', () => upstream.destroy());
    upstream.on('close', () => client.destroy());
  });
  const listen = () => new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const stopListening = () => new Promise<void>((resolve) => server.close(() => resolve()));
  const cut = async () => {
    const closed = stopListening();
    for (const socket of sockets) socket.resetAndDestroy();
    await closed;
  };
  await listen();
  return { host: `127.0.0.1:${port}`, cut, restore: listen, close: cut };
}
