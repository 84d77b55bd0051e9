import type { CaseKind, RunEvent } from '../../src/contract/types';
import { verify } from '../../src/contract/verify';
import { startMock, type RunningMock } from '../../src/server/serve';
import { freePort } from '../../scripts/processes';
import { startPrism, type PrismProcess } from '../../scripts/prism';
import { shippedSpecs } from '../helpers/specs';
import { findLimitation, PRISM_LIMITATIONS, type PrismLimitation } from './prism-limitations';
import { prismViolations } from './prism-violations';

/**
 * A second opinion from outside the project: the verifier's valid cases and stateful chains are sent through
 * `prism proxy --errors <spec> <mock>`, and Prism must find no request or response violation in any of them.
 * Negative and auth cases are meant to be refused, so Prism's verdict on them is only used to prove that it
 * is really validating.
 */
const ORACLE_KINDS: ReadonlySet<CaseKind> = new Set(['example', 'generated', 'chain', 'setup']);
/** Every spec in specs/, as [spec id, file]: the proxies are keyed by spec id, like the allow-list. */
const SPECS = shippedSpecs();

type CaseEvent = Extract<RunEvent, { type: 'case' }>;

describe('Prism as an independent oracle of the mock', () => {
  let mock: RunningMock | undefined;
  const proxies = new Map<string, PrismProcess>();
  const usedLimitations = new Set<PrismLimitation>();
  let specsRun = 0;

  beforeAll(async () => {
    // Prism does not call its upstream before the first request: boot the mock and the proxies together.
    const port = await freePort();
    const upstream = `http://127.0.0.1:${port}`;
    const booted = await Promise.allSettled([
      startMock({ port }).then((running) => (mock = running)),
      ...SPECS.map(async ([specId, spec]) => {
        proxies.set(specId, await startPrism(['proxy', '--errors', spec, upstream]));
      }),
    ]);
    const failed = booted.find((b): b is PromiseRejectedResult => b.status === 'rejected');
    if (failed) throw failed.reason;
  }, 60_000);

  afterAll(async () => {
    await Promise.all([...proxies.values()].map((prism) => prism.stop()));
    await mock?.close();
  });

  it.each(SPECS)(
    '%s: valid cases and chains pass `prism proxy --errors` without a violation',
    async (specId, spec) => {
      const prism = proxies.get(specId) as PrismProcess;
      const { events } = await verify({ baseUrl: prism.url, specs: [spec] });
      const cases = events.filter((e): e is CaseEvent => e.type === 'case');
      const valid = cases.filter((e) => ORACLE_KINDS.has(e.testCase.kind));

      expect(valid.length).toBeGreaterThan(0);
      // Prism refusing some invalid request itself shows that it loaded this spec and validates against it.
      expect(
        cases.some((e) => !ORACLE_KINDS.has(e.testCase.kind) && prismViolations(e.response).length),
      ).toBe(true);
      expect(unexplained(valid, usedLimitations)).toEqual([]);
      specsRun += 1;
    },
    60_000,
  );

  it('has no stale allow-list entry', () => {
    // Only meaningful after every spec ran cleanly (not under -t, not after a failure above).
    if (specsRun < SPECS.length) return;
    const stale = PRISM_LIMITATIONS.filter((l) => !usedLimitations.has(l));
    expect(stale.map((l) => `${l.spec}/${l.operationId}: ${String(l.violation)}`)).toEqual([]);
  });
});

/** Every violation Prism reported on a valid case that the allow-list does not explain, one line each. */
function unexplained(valid: CaseEvent[], used: Set<PrismLimitation>): string[] {
  const lines: string[] = [];
  for (const { testCase, response } of valid) {
    for (const violation of prismViolations(response)) {
      const limitation = findLimitation(testCase.spec.id, testCase.operation.operationId, violation);
      if (limitation) {
        used.add(limitation);
        continue;
      }
      const { method, path } = testCase.request;
      lines.push(
        `${testCase.operation.operationId} [${testCase.kind}: ${testCase.label}] ${method.toUpperCase()} ${path}` +
          ` -> ${response.status}: ${violation.location}: ${violation.message}`,
      );
    }
  }
  return lines;
}
