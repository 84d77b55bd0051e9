import { errorResponse } from '../../../../src/mock/stages/envelope';
import { makeOperation, makeSpec } from '../../helpers/model';

describe('errorResponse', () => {
  const spec = makeSpec({
    errors: {
      validation: {
        status: 422,
        body: { actionErrors: '$messages', summary: 'Failed: ${message}', fixed: 1 },
      },
      notFound: { status: 404, body: { error: { message: '$message', missing: '$nothing' } } },
    },
  });

  it("renders the spec's template with the messages, joined and as a list", () => {
    expect(errorResponse(spec, undefined, 'validation', ['a is required', 'b is too long'])).toEqual({
      status: 422,
      headers: { 'content-type': 'application/json' },
      body: {
        actionErrors: ['a is required', 'b is too long'],
        summary: 'Failed: a is required; b is too long',
        fixed: 1,
      },
    });
  });

  it('drops a key whose expression names nothing', () => {
    expect(errorResponse(spec, undefined, 'notFound', ['gone']).body).toEqual({ error: { message: 'gone' } });
  });

  it("prefers the operation's own template of that kind, and falls back to the spec's for the others", () => {
    const operation = makeOperation({
      mock: { errors: { notFound: { status: 422, body: { actionErrors: '$messages' } } } },
    });
    expect(errorResponse(spec, operation, 'notFound', ['no such id'])).toMatchObject({
      status: 422,
      body: { actionErrors: ['no such id'] },
    });
    expect(errorResponse(spec, operation, 'validation', ['bad'])).toMatchObject({
      status: 422,
      body: { summary: 'Failed: bad' },
    });
  });

  it('does not change the template', () => {
    const before = structuredClone(spec.errors);
    errorResponse(spec, undefined, 'validation', ['x']);
    expect(spec.errors).toEqual(before);
  });
});
