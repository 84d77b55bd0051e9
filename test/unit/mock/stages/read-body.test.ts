import { refuseUnreadableBody } from '../../../../src/mock/stages/read-body';
import { makeOperation, makeSpec } from '../../helpers/model';
import { plainRequest } from '../../helpers/requests';

const operation = makeOperation({
  method: 'post',
  mock: { errors: { tooLarge: { status: 413, body: { own: '$message' } } } },
});
const spec = makeSpec({ operations: [operation] });

describe('refuseUnreadableBody', () => {
  it('lets a readable body go on', () => {
    expect(refuseUnreadableBody(spec, operation, plainRequest({ rawBody: '{}' }))).toBeUndefined();
  });

  it("refuses a body over the limit in the operation's tooLarge envelope, as secmock's own refusal", () => {
    const answer = refuseUnreadableBody(
      spec,
      operation,
      plainRequest({ bodyProblem: { kind: 'tooLarge', message: 'body over 1mb' } }),
    );
    expect(answer).toEqual({
      spec,
      operation,
      response: {
        status: 413,
        headers: { 'content-type': 'application/json' },
        body: { own: 'body over 1mb' },
      },
      requestViolations: ['body over 1mb'],
      bySecmock: true,
    });
  });

  it('refuses an unreadable body in the validation envelope', () => {
    const answer = refuseUnreadableBody(
      makeSpec(),
      makeOperation(),
      plainRequest({ bodyProblem: { kind: 'unreadable', message: 'unsupported charset' } }),
    );
    expect(answer?.bySecmock).toBe(true);
    expect(answer?.response).toMatchObject({
      status: 400,
      body: {
        kind: 'validation',
        error: { message: 'unsupported charset', details: ['unsupported charset'] },
      },
    });
  });
});
