import { createFaker, generateFromSchema } from '../../src/generate';
import type { JsonSchema, Operation, SpecModel } from '../../src/openapi';
import { SchemaCompiler } from '../../src/schema';
import { specMock } from '../helpers/mock';
import { newAudit, type Audit, type Defect } from '../helpers/realism';
import { auditValue } from '../helpers/realism-walk';
import { exampleRequest, loggedIn, send } from '../helpers/request-examples';
import { shippedSpecs } from '../helpers/specs';

/**
 * The generated-data sweep: every value secmock generates, for every spec in specs/, is valid for its
 * format and realistic (see helpers/realism.ts for what is checked). Three sources: values generated from
 * every schema of every operation (parameters, request bodies, every response) with several seeds; the
 * seeded fixture stores; and the answers of `Prefer: dynamic=true` through the mock app, with two seeds.
 */
const NOW = Date.parse('2025-09-09T18:00:00Z');
const SEEDS = [1, 2, 3, 4, 5];
const MOCK_SEEDS = [1, 2];
const compiler = new SchemaCompiler();
const totals = newAudit();

/** Every schema an operation generates values from: [label, schema, field name]. */
function schemasOf(operation: Operation): Array<[string, JsonSchema, string]> {
  const id = operation.operationId;
  return [
    ...operation.parameters.map((p): [string, JsonSchema, string] => [
      `${id} ${p.in} ${p.name}`,
      p.schema,
      p.name,
    ]),
    ...(operation.requestBody?.content ?? []).flatMap((m) =>
      m.schema ? [[`${id} request`, m.schema, '']] : [],
    ),
    ...operation.responses.flatMap((r) =>
      r.content.flatMap((m) => (m.schema ? [[`${id} ${r.status}`, m.schema, '']] : [])),
    ),
  ] as Array<[string, JsonSchema, string]>;
}

/** The whole value against its schema too: what a leaf-by-leaf walk could miss (required, enums...). */
function validate(audit: Audit, value: unknown, schema: JsonSchema, at: string): void {
  for (const violation of compiler.compile(schema, at)(value))
    audit.defects.push({ rule: `schema: ${violation.message}`, at: violation.path, value: undefined });
}

/** One line per defect kind and place (indices folded), with the first value seen: short enough to read. */
function report(defects: Defect[]): string[] {
  const seen = new Map<string, Defect & { count: number }>();
  for (const d of defects) {
    const key = `${d.rule} at ${d.at.replace(/\[\d+\]/g, '[]')}`;
    const entry = seen.get(key);
    if (entry) entry.count++;
    else seen.set(key, { ...d, count: 1 });
  }
  return [...seen.entries()]
    .slice(0, 40)
    .map(([key, d]) => `${key} (${d.count}x): ${JSON.stringify(d.value)}`);
}

function addToTotals(audit: Audit): void {
  for (const key of Object.keys(totals) as Array<keyof Audit>) {
    if (key !== 'defects') (totals[key] as number) += audit[key] as number;
  }
  totals.defects.push(...audit.defects);
}

function summary(specId: string, source: string, audit: Audit): string {
  const { values, leaves, formatted, patterned, times, coordinates, addresses, agreements, texts } = audit;
  return `${specId} ${source}: ${values} values, ${leaves} leaves (${formatted} formatted, ${patterned} patterned, ${times} times, ${coordinates} coordinates, ${addresses} addresses, ${agreements} agreements, ${texts} texts), ${audit.defects.length} defects`;
}

async function dynamicAnswers(audit: Audit, file: string, seed: number): Promise<string[]> {
  const { app, http } = await specMock(file, { seed });
  const spec: SpecModel = app.mock.specs[0];
  const book = await loggedIn(spec, app.mock, http);
  const unanswered: string[] = [];
  for (const operation of spec.operations) {
    const sent = exampleRequest(app.mock, book, { operation, label: 'dynamic' });
    const answer = await send(http, { ...sent, headers: { ...sent.headers, prefer: 'dynamic=true' } });
    const media = operation.responses.find((r) => r.status === String(answer.status))?.content[0];
    if (answer.status >= 300 || !media?.schema) {
      if (answer.status >= 300) unanswered.push(`${operation.operationId}: ${answer.status}`);
      continue;
    }
    const at = `${operation.operationId} ${answer.status}`;
    if (answer.violations) audit.defects.push({ rule: 'self-check', at, value: answer.violations });
    auditValue(audit, answer.body, media.schema, at);
    validate(audit, answer.body, media.schema, at);
  }
  return unanswered;
}

describe.each(shippedSpecs())('generated data of %s', (specId, file) => {
  it('every value generated from the schemas of its operations is valid and realistic', async () => {
    const { app } = await specMock(file);
    const audit = newAudit();
    for (const operation of app.mock.specs[0].operations) {
      for (const [label, schema, name] of schemasOf(operation)) {
        for (const seed of SEEDS) {
          const value = generateFromSchema(schema, { faker: createFaker(seed), now: NOW }, name);
          auditValue(audit, value, schema, `${label} #${seed}`, name);
          validate(audit, value, schema, `${label} #${seed}`);
        }
      }
    }
    console.log(summary(specId, 'schemas', audit));
    addToTotals(audit);
    expect(report(audit.defects)).toEqual([]);
    expect(audit.texts).toBeGreaterThan(0);
  });

  it('every value of the seeded fixtures is valid and realistic', async () => {
    const audit = newAudit();
    for (const seed of MOCK_SEEDS) {
      const { app } = await specMock(file, { seed });
      for (const resource of app.mock.resources.values()) {
        for (const entity of resource.collection.list())
          auditValue(audit, entity, resource.spec.schema, `${resource.name} (seed ${seed})`);
      }
    }
    console.log(summary(specId, 'fixtures', audit));
    addToTotals(audit);
    expect(report(audit.defects)).toEqual([]);
  });

  it('every Prefer: dynamic=true answer is valid and realistic', async () => {
    const audit = newAudit();
    const unanswered = [];
    for (const seed of MOCK_SEEDS) unanswered.push(...(await dynamicAnswers(audit, file, seed)));
    console.log(
      `${summary(specId, 'dynamic answers', audit)}; not answered: ${unanswered.join(', ') || 'none'}`,
    );
    addToTotals(audit);
    expect(report(audit.defects)).toEqual([]);
    expect(audit.values).toBeGreaterThan(0);
  });
});

describe('the generated-data sweep', () => {
  it('reaches every kind of field it checks', () => {
    const { formatted, patterned, bounded, times, coordinates, addresses, agreements, texts } = totals;
    const counts = { formatted, patterned, bounded, times, coordinates, addresses, agreements, texts };
    console.log(summary('all specs', 'total', totals));
    expect(Object.keys(counts).filter((kind) => counts[kind as keyof typeof counts] === 0)).toEqual([]);
  });
});
