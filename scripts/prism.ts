import { binOf, freePort, spawnNode, stopChild, waitUntilAnswering, type NodeChild } from './processes';

/** The Prism CLI pinned in devDependencies (5.14.2: later releases need Node 24). */
export const PRISM_BIN = binOf('@stoplight/prism-cli', 'prism');

export interface PrismProcess {
  url: string;
  child: NodeChild;
  stop(): Promise<void>;
}

/**
 * Starts `prism <command> <spec> [upstream] [flags]` on a free loopback port and resolves once it answers.
 * Single-process mode, so that stopping the pid stops the server (multiprocess would fork a worker).
 */
export async function startPrism(args: string[], timeoutMs = 30_000): Promise<PrismProcess> {
  const port = await freePort();
  const child = spawnNode(PRISM_BIN, [
    ...args,
    '--port',
    String(port),
    '--host',
    '127.0.0.1',
    '--multiprocess=false',
  ]);
  const url = `http://127.0.0.1:${port}`;
  try {
    // Any HTTP answer (Prism's own 404 for `/`) means the operations are loaded and the port is bound.
    await waitUntilAnswering(`${url}/`, child, timeoutMs);
  } catch (error) {
    await stopChild(child);
    throw error;
  }
  return { url, child, stop: () => stopChild(child) };
}
