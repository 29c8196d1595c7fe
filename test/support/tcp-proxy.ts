/**
 * A TCP proxy between the code under test and PostgreSQL, so a test can do to
 * the connections what a server restart does: drop every open one, and refuse
 * new ones (nothing listens on the port) until the server is back.
 */
import net from 'node:net';

export interface TcpProxy {
  /** The port the proxy listens on (127.0.0.1), the same after an outage. */
  readonly port: number;
  /** Connections accepted so far. */
  readonly accepted: number;
  /** `url` (a postgres:// URL) pointed at the proxy instead of the server. */
  via(url: string): string;
  /**
   * Destroys every proxied connection and stops listening for `ms`: a client
   * connecting meanwhile gets ECONNREFUSED, as while PostgreSQL restarts.
   * Resolves when the proxy listens again.
   */
  outage(ms: number): Promise<void>;
  close(): Promise<void>;
}

export async function startTcpProxy(target: { host: string; port: number }): Promise<TcpProxy> {
  const open = new Set<net.Socket>();
  let accepted = 0;
  const server = net.createServer((client) => {
    accepted += 1;
    const upstream = net.connect(target.port, target.host);
    for (const socket of [client, upstream]) {
      open.add(socket);
      // Either side failing ends the pair: the other side sees the connection drop, nothing more.
      socket.on('error', () => {
        client.destroy();
        upstream.destroy();
      });
      socket.on('close', () => {
        open.delete(socket);
        (socket === client ? upstream : client).destroy();
      });
    }
    client.pipe(upstream);
    upstream.pipe(client);
  });
  const listen = (port: number) =>
    new Promise<number>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => {
        server.off('error', reject);
        resolve((server.address() as net.AddressInfo).port);
      });
    });
  const stop = () =>
    new Promise<void>((resolve) => {
      server.close(() => resolve());
      for (const socket of open) socket.destroy();
    });
  const port = await listen(0);
  return {
    port,
    get accepted() {
      return accepted;
    },
    via(url) {
      const u = new URL(url);
      u.hostname = '127.0.0.1';
      u.port = String(port);
      return u.toString();
    },
    async outage(ms) {
      await stop();
      await new Promise((resolve) => setTimeout(resolve, ms));
      await listen(port);
    },
    close: stop,
  };
}
