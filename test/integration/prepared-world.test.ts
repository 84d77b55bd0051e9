import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { load } from 'js-yaml';
import request from 'supertest';
import { parse as parseYaml } from 'yaml';
import { BUNDLED_SEED_DIR } from '../../src/mock';
import { contentHashOf, inspectSpec, listSpecFiles, type SpecModel } from '../../src/openapi';
import { createMockApp } from '../../src/server';
import { authHeaders } from '../helpers/credentials';
import { ROOT, VENDOR_SPECS } from '../helpers/paths';
import { firstDifference } from '../helpers/same-graph';

/**
 * `npm run build` prepares the default world (and JSON copies of the bundled specs) in dist/prepared so that
 * `secmock serve` reads instead of generating. Prepared must mean identical: the world the generator builds
 * for the same inputs, the data the YAML says. npm test builds dist first.
 */
const PREPARED = join(ROOT, 'dist', 'prepared');
const files = readdirSync(PREPARED);
const ME = authHeaders(VENDOR_SPECS.manageEngine);

describe('the prepared world', () => {
  it('is the very world the generator builds for the default options', async () => {
    const worlds = files.filter((f) => !/^(spec|seed|model)-/.test(f));
    expect(worlds).toHaveLength(1);
    const generated = (await createMockApp({ preparedWorlds: false })).mock.seededWorldToPrepare();
    expect(worlds[0]).toBe(`${generated?.key}.json`);
    const prepared = JSON.parse(readFileSync(join(PREPARED, worlds[0]), 'utf8'));
    // Through JSON, as the file went: the generator's world holds nothing JSON would change.
    expect(prepared).toEqual(JSON.parse(JSON.stringify(generated?.world)));
    expect(Object.keys(prepared.collections).length).toBeGreaterThan(10);
  });

  it('has the model of every bundled spec, as loading it builds it', async () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- the built module, as a start loads it
    const built = require(join(ROOT, 'dist', 'openapi', 'prepared-model.js')) as {
      readPreparedModel(file: string): SpecModel | undefined;
    };
    for (const file of listSpecFiles()) {
      const inspected = await inspectSpec(file, { examples: false });
      const prepared = built.readPreparedModel(file);
      expect(prepared?.operations.length).toBe(inspected.model?.operations.length);
      expect(firstDifference(prepared, inspected.model)).toBeUndefined();
    }
    expect(files.filter((f) => f.startsWith('model-'))).toHaveLength(listSpecFiles().length);
  });

  it('has a JSON copy of every bundled spec that holds what its YAML says', () => {
    for (const file of listSpecFiles()) {
      const text = readFileSync(file, 'utf8');
      const copy = join(PREPARED, `spec-${contentHashOf(text)}.json`);
      expect([file, JSON.parse(readFileSync(copy, 'utf8'))]).toEqual([file, load(text)]);
    }
    expect(files.filter((f) => f.startsWith('spec-'))).toHaveLength(listSpecFiles().length);
  });

  it('has a JSON copy of every bundled seed file that holds what its YAML says', () => {
    const seedFiles = readdirSync(BUNDLED_SEED_DIR).filter((name) => name.endsWith('.yaml'));
    for (const name of seedFiles) {
      const text = readFileSync(join(BUNDLED_SEED_DIR, name), 'utf8');
      const copy = join(PREPARED, `seed-${contentHashOf(text)}.json`);
      expect([name, JSON.parse(readFileSync(copy, 'utf8'))]).toEqual([name, parseYaml(text)]);
    }
    expect(files.filter((f) => f.startsWith('seed-'))).toHaveLength(seedFiles.length);
  });
});

describe('apps that share a world', () => {
  it('see the same seeded data, and none of what the other writes', async () => {
    const first = request(await createMockApp({ specs: [VENDOR_SPECS.manageEngine] }));
    const second = request(await createMockApp({ specs: [VENDOR_SPECS.manageEngine] }));
    const listed = (await first.get('/api/v2/incident?limit=5').set(ME)).body;
    expect((await second.get('/api/v2/incident?limit=5').set(ME)).body).toEqual(listed);

    const created = await first.post('/api/v2/incident').set(ME).send({ name: 'Only in the first app' });
    expect(created.status).toBe(200);
    const firstTotal = (await first.get('/api/v2/incident?limit=1').set(ME)).body;
    const secondTotal = (await second.get('/api/v2/incident?limit=1').set(ME)).body;
    expect(firstTotal).not.toEqual(secondTotal);
    expect((await second.get('/api/v2/incident?limit=5').set(ME)).body).toEqual(listed);
  });

  it('go back to the shared world on reset, whatever was written', async () => {
    const app = await createMockApp({ specs: [VENDOR_SPECS.manageEngine] });
    const http = request(app);
    const before = (await http.get('/api/v2/incident?limit=50').set(ME)).body;
    await http.post('/api/v2/incident').set(ME).send({ name: 'Written, then reset away' });
    const deleted = await http
      .delete('/api/v2/incident')
      .set(ME)
      .send({ incident_ids: [before.data[0].incident_id] });
    expect(deleted.status).toBe(200);
    expect((await http.get('/api/v2/incident?limit=50').set(ME)).body).not.toEqual(before);
    app.mock.reset();
    expect((await http.get('/api/v2/incident?limit=50').set(ME)).body).toEqual(before);
  });
});

describe('createMockApp', () => {
  it('takes a bundled spec id for its file', async () => {
    const byId = await createMockApp({ specs: ['manageengine-incidents'] });
    expect(byId.mock.specs.map((s) => s.file)).toEqual([VENDOR_SPECS.manageEngine]);
  });
});
