import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readStateFile, StatePersister } from '../state';
import { createMockApp, type MockApp, type MockAppOptions } from './app';
import { answerClientError } from './client-error';

export interface ServeOptions extends MockAppOptions {
  port?: number;
  host?: string;
  /** Keep the store in this file across restarts. */
  stateFile?: string;
  /** Ignore (and overwrite) an existing state file instead of loading it. */
  resetState?: boolean;
}

export interface RunningMock {
  app: MockApp;
  server: Server;
  url: string;
  /** Stops accepting connections, waits for in-flight requests, saves the state. */
  close(): Promise<void>;
}

/** Starts the mock on host:port (port 0 picks a free one) and returns once it listens. */
export async function startMock(options: ServeOptions = {}): Promise<RunningMock> {
  const app = await createMockApp(options);
  const engine = app.mock;
  let persister: StatePersister | undefined;
  if (options.stateFile) {
    const saved = options.resetState ? undefined : readStateFile(options.stateFile);
    if (saved) engine.restore(saved);
    persister = new StatePersister(options.stateFile, engine.store, engine.seed);
    if (!saved) persister.flush();
  }
  const server = createServer(app);
  server.keepAliveTimeout = 5000;
  server.on('clientError', (error: NodeJS.ErrnoException, socket) =>
    answerClientError(engine, error, socket),
  );
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 4010, options.host ?? '127.0.0.1', () => resolve());
  });
  const address = server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  let closing: Promise<void> | undefined;
  return {
    app,
    server,
    url: `http://${host}:${address.port}`,
    close: () => {
      closing ??= new Promise<void>((resolve) => {
        server.close(() => resolve());
        app.releaseHeld();
        server.closeIdleConnections();
      }).then(() => persister?.close());
      return closing;
    },
  };
}
