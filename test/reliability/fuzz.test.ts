import fc from 'fast-check';
import { hashSeed } from '../../src/generate/seed';
import { startMock } from '../../src/server/serve';
import type { Operation } from '../../src/openapi/model';
import { shippedSpecs } from '../helpers/specs';
import { FuzzHarness, type FuzzStats } from './helpers/fuzz-harness';
import { fuzzCases } from './helpers/mutations';
import { closeRawAgent } from './helpers/raw-http';
import { smallFixturesDir } from './helpers/small-fixtures';
import { removeTempDirs } from './helpers/temp-dirs';

/**
 * Malformed input never hurts the mock: for every operation of every spec in specs/, seeded fast-check cases
 * (wrong types, missing and extra fields, huge strings and arrays, deep nesting, invalid JSON, wrong and
 * missing content types, odd unicode, traversal and encoded slashes in paths, duplicated and polluting
 * query parameters, other methods) go over HTTP to a running mock with valid credentials. Each answer is a
 * documented status in the vendor's envelope, never a 5xx or a hang, and a request the spec makes invalid
 * changes nothing stored. Fixed seeds: CI runs the same cases every time (FUZZ_SEED explores others).
 */
const SEED = Number(process.env.FUZZ_SEED ?? 20_250_909);
/** FUZZ_SCALE=10 runs ten times as many cases (a longer local hunt). */
const SCALE = Number(process.env.FUZZ_SCALE ?? 1);
/** Cases per operation, then a random sample across the spec's operations (per operation of the spec). */
const PER_OPERATION = 15 * SCALE;
const SAMPLE_PER_OPERATION = 10 * SCALE;

/** By spec id, for the summary printed at the end. */
const stats: Record<string, FuzzStats> = {};
let seedDir: string;

beforeAll(() => {
  seedDir = smallFixturesDir();
});

afterAll(() => {
  closeRawAgent();
  removeTempDirs();
  const rows = Object.entries(stats).map(
    ([specId, s]) =>
      `  ${specId.padEnd(24)} ${String(s.operations).padStart(4)} operations ${String(s.cases).padStart(5)} cases ` +
      `${String(s.confirmedInvalid).padStart(5)} confirmed invalid  statuses ${JSON.stringify(s.statuses)}`,
  );
  console.log(`fuzz (seed ${SEED}):\n${rows.join('\n')}`);
});

describe('fuzzing every operation of every shipped spec over HTTP', () => {
  it.each(shippedSpecs())(
    '%s: no 5xx, no hang, documented answers in the vendor envelope, invalid input changes nothing',
    async (specId, file) => {
      const warnings: string[] = [];
      const mock = await startMock({ specs: [file], port: 0, seedDir, warn: (m) => warnings.push(m) });
      try {
        const spec = mock.app.mock.specs[0];
        const harness = new FuzzHarness(spec, mock);
        await harness.session.login();
        const options = (salt: string, numRuns: number) => ({
          seed: hashSeed(SEED, spec.id, salt) | 0,
          numRuns,
          // The mock is stateful: shrinking would replay against a store the failing case already changed.
          endOnFailure: true,
        });
        for (const operation of spec.operations) {
          // Each operation starts from the fixtures: its cases do not depend on what earlier ones stored.
          mock.app.mock.reset();
          await harness.session.login();
          const property = fc.asyncProperty(fuzzCases(operation, harness.base(operation)), (fuzz) =>
            harness.run(operation, fuzz),
          );
          await fc.assert(property, options(operation.operationId, PER_OPERATION));
        }
        const anyOperation = fc.constantFrom(...spec.operations).chain((operation: Operation) =>
          fuzzCases(operation, harness.base(operation)).map((fuzz) => ({
            operation,
            fuzz,
            [fc.toStringMethod]: () => `${operation.operationId}: ${fuzz.labels.join(' + ')}`,
          })),
        );
        await fc.assert(
          fc.asyncProperty(anyOperation, ({ operation, fuzz }) => harness.run(operation, fuzz)),
          options('sample', spec.operations.length * SAMPLE_PER_OPERATION),
        );
        stats[specId] = harness.stats;
        expect(harness.stats.cases).toBe(spec.operations.length * (PER_OPERATION + SAMPLE_PER_OPERATION));
        // The mock's self-check found nothing wrong with its own answers, and it still answers.
        expect(warnings).toEqual([]);
        expect((await fetch(`${mock.url}/__secmock/health`)).status).toBe(200);
      } finally {
        await mock.close();
      }
    },
    120_000,
  );
});
