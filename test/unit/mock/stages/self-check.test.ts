import { selfCheck, violationsHeader } from '../../../../src/mock/stages/self-check';
import { ResponseValidator } from '../../../../src/validate/response';
import type { PlainResponse } from '../../../../src/http/types';
import { makeOperation, makeResponse } from '../../helpers/model';

const operation = makeOperation({
  specId: 'tiny',
  operationId: 'getThing',
  responses: [
    makeResponse('200', {
      schema: {
        type: 'object',
        required: ['id'],
        properties: { id: { type: 'string' }, n: { type: 'integer' } },
      },
      headers: [{ name: 'x-request-id', required: true }],
    }),
  ],
});

function check(response: PlainResponse) {
  const warnings: string[] = [];
  const problems = selfCheck(new ResponseValidator(), operation, response, (m) => warnings.push(m));
  return { problems, warnings, header: violationsHeader([], problems) };
}

const json = (extra: Record<string, string> = {}) => ({ 'content-type': 'application/json', ...extra });

describe('selfCheck', () => {
  it('finds nothing wrong with an answer that follows the spec, and says nothing', () => {
    const result = check({ status: 200, headers: json({ 'x-request-id': 'r' }), body: { id: 'a' } });
    expect(result).toEqual({ problems: [], warnings: [], header: undefined });
  });

  it('exposes every violation in a header and warns once with all of them', () => {
    const result = check({ status: 200, headers: json(), body: { n: 'x' } });
    expect(result.problems).toEqual([
      'body.id: is required',
      'body.n: must be integer',
      'header.x-request-id: is required',
    ]);
    expect(result.header).toBe(`3; ${result.problems.join(' | ')}`);
    expect(result.warnings).toEqual([
      `tiny getThing answered 200 against its spec: ${result.problems.join('; ')}`,
    ]);
  });

  it('reports an undocumented status', () => {
    expect(check({ status: 418, headers: {}, body: undefined }).problems).toEqual([
      'status 418 is not documented',
    ]);
  });

  it('reports an undocumented content type', () => {
    const result = check({
      status: 200,
      headers: { 'content-type': 'text/html', 'x-request-id': 'r' },
      body: 'x',
    });
    expect(result.problems).toEqual([expect.stringContaining("content-type 'text/html' is not documented")]);
  });

  it('keeps the header to the first three problems, printable and at most 1000 characters', () => {
    const long = 'x'.repeat(1200);
    const wide = makeOperation({
      operationId: 'wide',
      responses: [makeResponse('200', { schema: { type: 'object', required: ['é', 'b', long, 'd'] } })],
    });
    const response: PlainResponse = { status: 200, headers: json(), body: {} };
    const problems = selfCheck(new ResponseValidator(), wide, response, () => undefined);
    const header = violationsHeader([], problems) as string;
    expect(problems).toEqual([
      'body.é: is required',
      'body.b: is required',
      `body.${long}: is required`,
      'body.d: is required',
    ]);
    expect(header.startsWith('4; body.?: is required | body.b: is required | body.xxx')).toBe(true);
    expect(header).not.toContain('body.d');
    expect(header).toMatch(/^[\x20-\x7e]*$/);
    expect(header).toHaveLength(1000);
  });
});

describe('violationsHeader', () => {
  it('marks what only the document forbids, before what is wrong with the answer', () => {
    expect(violationsHeader(['body.since: is required'], ['body.id: is required'])).toBe(
      '2; document-only: body.since: is required | body.id: is required',
    );
  });

  it('is absent when there is nothing to report', () => {
    expect(violationsHeader([], [])).toBeUndefined();
  });
});
