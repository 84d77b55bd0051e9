import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import express from 'express';
import request from 'supertest';
import type { Behaviour, VendorModule } from '../../src/mock';
import { createMockApp, type MockApp } from '../../src/server/app';
import { tinyMock, TINY_KEY } from '../helpers/mock';
import { TINY_SPEC } from '../helpers/paths';

/**
 * Vendor requests no longer walk Express: the edge answers them on node:http's own request and response.
 * These are the answers Express's `res.send` and getters gave that the rest of the suite does not pin down.
 */
describe('the edge answers vendor requests as Express did', () => {
  it('answers HEAD with the headers of its answer and no body on the wire', async () => {
    const { app } = await tinyMock();
    await withServer(app, async (port) => {
      const raw = await rawRequest(
        port,
        `HEAD /notes HTTP/1.1\r\nHost: 127.0.0.1\r\nx-api-key: ${TINY_KEY['x-api-key']}\r\nConnection: close\r\n\r\n`,
      );
      const [head, body] = [raw.slice(0, raw.indexOf('\r\n\r\n')), raw.slice(raw.indexOf('\r\n\r\n') + 4)];
      // The tiny spec documents no HEAD: the engine's 405 envelope, whose length is announced but not sent.
      expect(head.split('\r\n')[0]).toBe('HTTP/1.1 405 Method Not Allowed');
      expect(head).toMatch(/^content-type: application\/json; charset=utf-8$/im);
      expect(Number(/^content-length: (\d+)$/im.exec(head)?.[1])).toBeGreaterThan(0);
      expect(body).toBe('');
    });
  });

  it('answers a GET whose If-None-Match matches the ETag with 304 and no body', async () => {
    const { http } = await mockWithBehaviour(({ generic }) => {
      const outcome = generic();
      return outcome.kind === 'ok' ? { ...outcome, headers: { ...outcome.headers, etag: '"v1"' } } : outcome;
    });
    const created = await http.post('/notes').set(TINY_KEY).send({ title: 'Groceries' });
    const path = `/notes/${created.body.id as string}`;
    const fresh = await http.get(path).set(TINY_KEY);
    expect([fresh.status, fresh.headers.etag, fresh.body.title]).toEqual([200, '"v1"', 'Groceries']);
    const same = await http.get(path).set(TINY_KEY).set('if-none-match', '"v1"');
    expect(same.status).toBe(304);
    expect(same.headers['content-length']).toBeUndefined();
    expect(same.text).toBe('');
    expect((await http.get(path).set(TINY_KEY).set('if-none-match', '"v0"')).status).toBe(200);
  });

  it('reads repeated query parameters and a request target in absolute form', async () => {
    const { app, http } = await tinyMock();
    await withServer(app, async (port) => {
      for (const [title, tag] of [
        ['a', 'x'],
        ['b', 'y'],
        ['c', 'x'],
      ])
        await http
          .post('/notes')
          .set(TINY_KEY)
          .send({ title, tags: [tag] });
      // Two values of a parameter the spec types as one string: a violation, as Express's query parser saw it.
      const twice = await http.get('/notes?tag=x&tag=y').set(TINY_KEY);
      expect(twice.status).toBe(400);
      const raw = await rawRequest(
        port,
        `GET http://127.0.0.1:${port}/notes?tag=x HTTP/1.1\r\nHost: 127.0.0.1\r\nx-api-key: ${TINY_KEY['x-api-key']}\r\nConnection: close\r\n\r\n`,
      );
      expect(raw.split('\r\n')[0]).toBe('HTTP/1.1 200 OK');
      expect(JSON.parse(raw.slice(raw.indexOf('\r\n\r\n') + 4)).total).toBe(2);
    });
  });

  it('answers vendor paths and serves the console under a parent app that mounts it', async () => {
    const { app } = await tinyMock();
    const parent = express();
    parent.use('/vendor', app);
    parent.get('/own', (_req, res) => res.send('parent'));
    const http = request(parent);
    await http.post('/vendor/notes').set(TINY_KEY).send({ title: 'Groceries' });
    const listed = await http.get('/vendor/notes').set(TINY_KEY);
    expect([listed.status, listed.body.total]).toEqual([200, 1]);
    const page = await http.get('/vendor/__secmock/');
    expect([page.status, page.headers['x-frame-options']]).toEqual([200, 'DENY']);
    expect((await http.get('/own')).text).toBe('parent');
  });

  it('answers a failing behaviour with a 500 in the spec envelope and keeps serving', async () => {
    const { http, app } = await mockWithBehaviour(({ request: req, generic }) => {
      if (req.path.id === 'boom') throw new Error('a bug in a vendor module');
      return generic();
    });
    const warnings: string[] = [];
    jest.spyOn(app.mock, 'warnOnce').mockImplementation((message: string) => void warnings.push(message));
    const failed = await http.get('/notes/boom').set(TINY_KEY);
    expect(failed.status).toBe(500);
    expect(failed.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(failed.text).not.toContain('a bug in a vendor module');
    expect(warnings.join('\n')).toContain('a bug in a vendor module');
    const created = await http.post('/notes').set(TINY_KEY).send({ title: 'Groceries' });
    expect((await http.get(`/notes/${created.body.id as string}`).set(TINY_KEY)).status).toBe(200);
  });

  it('answers a 500 in the spec envelope when an answer cannot be sent, and keeps serving', async () => {
    // A media type the loader takes but that does not parse: the edge fails after the engine has answered.
    const text = readFileSync(TINY_SPEC, 'utf8');
    const listed = text.indexOf('application/json:', text.indexOf('operationId: listNotes'));
    const { app, http } = await mockOfSpecText(
      `${text.slice(0, listed)}'application/json; v=':${text.slice(listed + 'application/json:'.length)}`,
    );
    const warnings: string[] = [];
    jest.spyOn(app.mock, 'warnOnce').mockImplementation((message: string) => void warnings.push(message));
    const failed = await http.get('/notes').set(TINY_KEY);
    expect(failed.status).toBe(500);
    expect(failed.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(failed.text).not.toContain('invalid parameter format');
    expect(warnings.join('\n')).toContain('invalid parameter format');
    expect((await http.post('/notes').set(TINY_KEY).send({ title: 'Groceries' })).status).toBe(201);
  });
});

/** The tiny spec with its getNote answered by `behaviour` (a vendor module of the spec's id). */
async function mockWithBehaviour(behaviour: Behaviour) {
  const text = readFileSync(TINY_SPEC, 'utf8');
  const annotation = 'x-secmock: { resource: notes, action: read, id: path.id }';
  expect(text).toContain(annotation);
  const module: VendorModule = { id: 'tiny-notes', behaviours: { probe: behaviour } };
  return mockOfSpecText(
    text.replace(annotation, 'x-secmock: { resource: notes, action: read, id: path.id, behaviour: probe }'),
    [module],
  );
}

/** A mock of a variant of the tiny spec (same id, so its modules bind to it). */
async function mockOfSpecText(text: string, modules: VendorModule[] = []) {
  const dir = mkdtempSync(join(tmpdir(), 'secmock-edge-'));
  try {
    const file = join(dir, 'tiny-notes.yaml');
    writeFileSync(file, text);
    const app = await createMockApp({ specs: [file], seedDir: false, modules });
    return { app, http: request(app) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function withServer(app: MockApp, use: (port: number) => Promise<void>): Promise<void> {
  const server = app.listen(0, '127.0.0.1');
  try {
    await new Promise((resolve) => server.once('listening', resolve));
    await use((server.address() as AddressInfo).port);
  } finally {
    server.close();
  }
}

function rawRequest(port: number, text: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => socket.end(text));
    let answer = '';
    socket.on('data', (chunk: Buffer) => (answer += chunk.toString('utf8')));
    socket.on('end', () => resolve(answer));
    socket.on('error', reject);
  });
}
