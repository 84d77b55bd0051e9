import type { Operation } from '../../../../src/openapi/model';
import { Router } from '../../../../src/mock/services/router';
import { routeRequest, specOwningPath } from '../../../../src/mock/stages/route';
import { makeOperation, makeSpec } from '../../helpers/model';
import { plainRequest } from '../../helpers/requests';

const listAlerts = makeOperation({ specId: 'alpha', operationId: 'listAlerts', path: '/api/v1/alerts' });
const createAlert = makeOperation({
  specId: 'alpha',
  operationId: 'createAlert',
  method: 'post',
  path: '/api/v1/alerts',
});
const getAlert = makeOperation({ specId: 'alpha', operationId: 'getAlert', path: '/api/v1/alerts/{uuid}' });
const listRules = makeOperation({ specId: 'beta', operationId: 'listRules', path: '/beta/v2/rules' });
const alpha = makeSpec({ id: 'alpha', operations: [listAlerts, createAlert, getAlert] });
const beta = makeSpec({
  id: 'beta',
  operations: [listRules],
  errors: { notFound: { status: 400, body: { beta: '$message' } } },
});
const specs = [alpha, beta];
const router = new Router<Operation>();
for (const op of [...alpha.operations, ...beta.operations]) router.add(op.method, op.path, op);

describe('routeRequest', () => {
  it('finds the operation, its spec and the path parameters', () => {
    expect(routeRequest(router, specs, plainRequest({ path: '/api/v1/alerts/a1' }))).toEqual({
      kind: 'operation',
      spec: alpha,
      operation: getAlert,
      params: { uuid: 'a1' },
    });
    expect(routeRequest(router, specs, plainRequest({ path: '/beta/v2/rules' }))).toMatchObject({
      spec: beta,
      operation: listRules,
    });
  });

  it("answers an unknown path 404 in the envelope of the spec that owns the path's prefix", () => {
    const routed = routeRequest(router, specs, plainRequest({ method: 'delete', path: '/beta/v2/nothing' }));
    expect(routed.kind).toBe('answered');
    if (routed.kind !== 'answered') return;
    // The spec's notFound template says 400; an unknown path is a 404 whatever it says.
    expect(routed.answer.response).toEqual({
      status: 404,
      headers: { 'content-type': 'application/json' },
      body: { beta: 'no operation at DELETE /beta/v2/nothing' },
    });
    expect(routed.answer.spec).toBe(beta);
    expect(routed.answer.requestViolations).toEqual(['no operation at DELETE /beta/v2/nothing']);
  });

  it('answers a path no spec owns in the first spec’s envelope', () => {
    const routed = routeRequest(router, specs, plainRequest({ path: '/elsewhere' }));
    expect(routed).toMatchObject({
      kind: 'answered',
      answer: { spec: alpha, response: { status: 404, body: { spec: 'alpha', kind: 'notFound' } } },
    });
  });

  it('answers a plain 404 when no spec is served', () => {
    const routed = routeRequest(new Router<Operation>(), [], plainRequest({ path: '/x' }));
    expect(routed).toEqual({
      kind: 'answered',
      answer: {
        spec: undefined,
        response: {
          status: 404,
          headers: { 'content-type': 'application/json' },
          body: { message: 'no operation at GET /x' },
        },
        requestViolations: ['no operation at GET /x'],
      },
    });
  });

  it('answers a wrong method 405 with the Allow header, in the envelope of the path’s spec', () => {
    const routed = routeRequest(router, specs, plainRequest({ method: 'put', path: '/api/v1/alerts' }));
    expect(routed.kind).toBe('answered');
    if (routed.kind !== 'answered') return;
    const { response, requestViolations, spec } = routed.answer;
    expect(response.status).toBe(405);
    expect(response.headers).toEqual({ 'content-type': 'application/json', allow: 'GET, POST' });
    expect(response.body).toMatchObject({ spec: 'alpha', kind: 'validation' });
    expect(spec).toBe(alpha);
    expect(requestViolations).toEqual(['PUT is not allowed on /api/v1/alerts; allowed: GET, POST']);
  });
});

describe('specOwningPath', () => {
  it.each([
    ['/api/v1/anything/else', 'alpha'],
    ['/beta/v2/x', 'beta'],
    ['/unknown', 'alpha'],
  ])('%s belongs to %s', (path, id) => {
    expect(specOwningPath(specs, path)?.id).toBe(id);
  });

  it('is undefined without specs', () => {
    expect(specOwningPath([], '/x')).toBeUndefined();
  });
});
