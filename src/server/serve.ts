import { createServer, type IncomingMessage, type Server } from 'node:http';
import { join } from 'node:path';
import type { AddressInfo, Socket } from 'node:net';
import { BUNDLED_SEED_DIR, type MockEngine } from '../mock';
import { listSpecFiles } from '../openapi';
import { openStateFile, type StatePersister } from '../state';
import { createMockApp, type MockApp, type MockAppOptions } from './app';
import { answerClientError } from './client-error';
import { reloadSpecs, watchFiles } from './reload';

export interface ServeOptions extends MockAppOptions {
  port?: number;
  host?: string;
  /**
   * Keep the store in this SQLite file across restarts: each request's writes are durable before it is
   * answered (an older JSON state file is converted). Its directory is created.
   */
  stateFile?: string;
  /** Ignore (and overwrite) an existing state file instead of loading it. */
  resetState?: boolean;
  /**
   * Reload the specs and seed files when they change (`serve --watch`): routes, validation and answers
   * follow, the store keeps what still fits; a change that does not load leaves the old version serving.
   */
  watch?: boolean;
  /** Where reload reports go (default: the console). */
  info?: (message: string) => void;
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
  // The admin API answers requests addressed to the host it listens on (besides loopback names and IPs).
  const adminHosts = options.host ? [...(options.adminHosts ?? []), options.host] : options.adminHosts;
  const app = await createMockApp({ ...options, adminHosts });
  const engine = app.mock;
  const persister = options.stateFile ? persistState(engine, options.stateFile, options) : undefined;
  const server = createServer(app);
  server.keepAliveTimeout = 5000;
  const unused = trackUnusedSockets(server);
  server.on('clientError', (error: NodeJS.ErrnoException, socket) =>
    answerClientError(engine, error, socket),
  );
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 4010, options.host ?? '127.0.0.1', () => resolve());
  });
  const address = server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  const watcher = options.watch
    ? watchFiles(watchedPaths(options), () => {
        void reloadSpecs(app.mock, specFilesOf(options)).then((report) => {
          (options.info ?? ((m: string) => console.log(`secmock: ${m}`)))(report.message);
          if (!report.engine) return;
          app.mock = report.engine;
          // The new engine's store holds what the old one did (minus what no longer fits): saved whole.
          persister?.attach(report.engine.store, true, { groupCommits: true });
        });
      })
    : undefined;
  let closing: Promise<void> | undefined;
  return {
    app,
    server,
    url: `http://${host}:${address.port}`,
    close: () => {
      closing ??= new Promise<void>((resolve) => {
        watcher?.close();
        server.close(() => resolve());
        app.releaseHeld();
        server.closeIdleConnections();
        for (const socket of unused) socket.destroy();
      }).then(() => persister?.close());
      return closing;
    },
  };
}

/** Loads the state file into the engine (or writes the fixtures to a new one) and saves each request's writes. */
function persistState(engine: MockEngine, path: string, options: ServeOptions): StatePersister {
  const { saved, persister } = openStateFile(path, {
    reset: options.resetState,
    seed: engine.seed,
    info: options.info ?? ((m: string) => console.log(`secmock: ${m}`)),
  });
  if (saved) engine.restore(saved);
  try {
    // The engine waits for `store.committing` before it answers: one transaction per event-loop turn.
    persister.attach(engine.store, !saved, { groupCommits: true });
  } catch (error) {
    persister.close();
    throw error;
  }
  return persister;
}

/**
 * Connections that never carried a request: browsers open spare ones ahead of need (Chromium does for the
 * console page), and closeIdleConnections does not count them, so a close would wait out their timeout.
 */
function trackUnusedSockets(server: Server): Set<Socket> {
  const unused = new Set<Socket>();
  server.on('connection', (socket: Socket) => {
    unused.add(socket);
    socket.once('close', () => unused.delete(socket));
  });
  server.on('request', (request: IncomingMessage) => unused.delete(request.socket));
  return unused;
}

function specFilesOf(options: ServeOptions): string[] {
  const given = (options.specs ?? []).filter((s): s is string => typeof s === 'string');
  return given.length > 0 ? given : listSpecFiles();
}

/** The spec files, and every file of the seed folders the mock reads. */
function watchedPaths(options: ServeOptions): string[] {
  const seedDirs =
    options.seedDir === false
      ? []
      : [options.seedDir ?? BUNDLED_SEED_DIR].flat().map((dir) => join(dir, '*'));
  return [...specFilesOf(options), ...seedDirs];
}
