import { rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import v8 from 'node:v8';
import { buildSync } from 'esbuild';
import { BUNDLE_FILE, CODE_CACHE_FILE, loadBundle } from '../../src/launch';
import { freePort, waitUntilAnswering } from '../processes';

/**
 * Run by `npm run build` last: bundles dist/cli.js into dist/bundle/cli.js, runs that bundle's `serve` in
 * this process through a warm-up of requests, and saves V8's code for every function the warm-up compiled,
 * which is what a start and its first answers need.
 */
const ROOT = resolve(__dirname, '..', '..', '..', '..', '..');
const DIST = join(ROOT, 'dist');
const BUNDLE_DIR = join(DIST, 'bundle');

function bundle(): void {
  rmSync(BUNDLE_DIR, { recursive: true, force: true });
  buildSync({
    entryPoints: [join(DIST, 'cli.js')],
    outfile: join(BUNDLE_DIR, BUNDLE_FILE),
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    // Left to Node's require: a native addon, and packages a start does not load (faker, the YAML and $ref
    // readers, the OpenAPI meta-schema) or loads in small parts (iconv-lite's encodings, mime-db's JSON).
    // In the bundle their source would be read, kept and compiled by every start: 18 MB of idle RSS.
    external: [
      'better-sqlite3',
      '@faker-js/faker',
      'yaml',
      'js-yaml',
      '@apidevtools/json-schema-ref-parser',
      '@seriousme/openapi-schema-validator',
      'iconv-lite',
      'mime-db',
    ],
    logLevel: 'warning',
  });
}

interface CatalogueOperation {
  method: string;
  path: string;
  auth?: { placement: string; value: string };
  curl: string;
}

/** A request the catalogue's curl line describes, for operations without path parameters. */
function warmUpRequest(base: string, op: CatalogueOperation): [string, RequestInit] | undefined {
  if (op.path.includes('{')) return undefined;
  const headers: Record<string, string> = {};
  const auth = op.auth;
  if (auth && !auth.value.startsWith('<')) {
    if (auth.placement.startsWith('header ')) headers[auth.placement.slice('header '.length)] = auth.value;
    else if (auth.placement === 'Authorization: Bearer') headers.authorization = `Bearer ${auth.value}`;
  }
  const data = /--data '((?:[^']|'\\'')*)'/.exec(op.curl)?.[1]?.replaceAll(`'\\''`, `'`);
  if (data !== undefined) headers['content-type'] = 'application/json';
  return [`${base}${op.path}`, { method: op.method, headers, body: data }];
}

async function saveWarmCodeCache(): Promise<void> {
  // V8 accepts saved code only under the flags it was made with; `serve` changes two garbage-collection
  // flags once started (src/cli.ts), so they keep their defaults here, as when a start reads the cache.
  v8.setFlagsFromString = () => undefined;
  const loaded = loadBundle(BUNDLE_DIR, { useCodeCache: false });
  if (!loaded) throw new Error(`esbuild wrote no ${BUNDLE_FILE}`);
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  process.argv = [process.argv[0], 'secmock', 'serve', '--port', String(port), '--log-level', 'silent'];
  const quiet = process.stdout.write.bind(process.stdout);
  process.stdout.write = () => true;
  loaded.cli.main();
  await waitUntilAnswering(`${base}/__secmock/health`, undefined, 30_000);
  const catalogue = (await (await fetch(`${base}/__secmock/specs`)).json()) as {
    specs: Array<{ operations: CatalogueOperation[] }>;
  };
  const requests = catalogue.specs
    .flatMap((spec) => spec.operations)
    .map((op) => warmUpRequest(base, op))
    .filter((request) => request !== undefined);
  if (requests.length === 0) throw new Error('the warm-up found no operation to call');
  for (const [url, init] of requests) await (await fetch(url, init)).arrayBuffer();
  process.stdout.write = quiet;
  writeFileSync(join(BUNDLE_DIR, CODE_CACHE_FILE), loaded.script.createCachedData());
}

bundle();
saveWarmCodeCache().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
