import type { CaseResponse } from '../../src/contract/types';
import { prismViolations } from './prism-violations';

const response = (headers: Record<string, string>, body?: unknown): CaseResponse => ({
  status: 200,
  headers,
  body,
  text: JSON.stringify(body ?? ''),
  durationMs: 1,
});

describe('reading what Prism said about an exchange', () => {
  it('reads the sl-violations header', () => {
    const header = JSON.stringify([
      { location: ['response', 'body', 'data'], severity: 'Error', message: 'must be array' },
    ]);
    expect(prismViolations(response({ 'sl-violations': header }))).toEqual([
      { location: 'response.body.data', message: 'must be array' },
    ]);
  });

  it('reads a --errors problem once, even when the header repeats it', () => {
    const validation = [{ location: ['response', 'body'], severity: 'Error', message: "must have 'meta'" }];
    const body = { type: 'https://stoplight.io/prism/errors#VIOLATIONS', title: 'not valid', validation };
    const found = prismViolations(response({ 'sl-violations': JSON.stringify(validation) }, body));
    expect(found).toEqual([{ location: 'response.body', message: "must have 'meta'" }]);
  });

  it('places a refused request under request, and keeps refusals without a list', () => {
    const refused = {
      type: 'https://stoplight.io/prism/errors#UNPROCESSABLE_ENTITY',
      validation: [{ location: ['query', 'limit'], message: 'must be integer' }],
    };
    expect(prismViolations(response({}, refused))).toEqual([
      { location: 'request.query.limit', message: 'must be integer' },
    ]);
    const unauthorized = {
      type: 'https://stoplight.io/prism/errors#UNAUTHORIZED',
      title: 'Invalid security',
    };
    expect(prismViolations(response({}, unauthorized))).toEqual([
      { location: 'UNAUTHORIZED', message: 'Invalid security' },
    ]);
  });

  it('ignores the mock’s own answers, even ones with a type field', () => {
    expect(prismViolations(response({}, { type: 'about:blank', title: 'Not Found' }))).toEqual([]);
    expect(prismViolations(response({}, 'text'))).toEqual([]);
  });
});
