import type { CredentialBook } from '../../src/contract/plan/credentials';
import type { Operation } from '../../src/openapi';
import { specMock } from '../helpers/mock';
import {
  creatorOf,
  describeExchange,
  documentedSuccess,
  exampleRequest,
  isEmpty,
  loggedIn,
  neededResources,
  requestExamples,
  send,
  type RequestExample,
} from '../helpers/request-examples';
import { shippedSpecs } from '../helpers/specs';

/**
 * Every request example of every spec in specs/ runs: each named example of an operation's JSON request body
 * and of its parameters, sent to a mock of its spec, gets the operation's documented success status (its
 * lowest 2xx).
 *
 * Each operation starts from a fresh mock (reset to the default fixtures, logged in where a login issues the
 * credential) and sends its examples in document order, so an example may build on an earlier one of the same
 * operation (an update that keeps the key the first one stored) but never on what another operation left
 * behind. An id an example names must therefore exist in the default fixtures, unless the operation declares
 * what it needs: a resource it `requires` (a Jira integration before Jira tickets) or the resource whose
 * entity it addresses by key. When the fixtures hold none of that resource, the examples of the operation that
 * creates it run first (with what they need in turn), and must succeed too.
 */
describe('every request example of every spec', () => {
  it.each(shippedSpecs())('%s: each example gets its documented success status', async (_specId, file) => {
    const { app, http } = await specMock(file);
    const spec = app.mock.specs[0];
    const examples = requestExamples(spec);
    const examplesOf = (operation: Operation) => examples.filter((e) => e.operation === operation);
    const failures: string[] = [];

    const run = async (example: RequestExample, book: CredentialBook, note = ''): Promise<boolean> => {
      const expected = documentedSuccess(example.operation);
      const sent = exampleRequest(app.mock, book, example);
      const answer = await send(http, sent);
      if (expected !== undefined && answer.status === expected) return true;
      failures.push(
        `${spec.id} ${example.operation.operationId} ${example.label}${note}: expected ${
          expected ?? 'a documented 2xx'
        }, got ${answer.status}\n${describeExchange(sent, answer)}`,
      );
      return false;
    };

    /** Runs the creating examples of every resource the operation needs that the mock holds none of. */
    const prepare = async (
      operation: Operation,
      book: CredentialBook,
      seen: Set<Operation>,
    ): Promise<boolean> => {
      let ready = true;
      for (const resource of neededResources(operation)) {
        if (!isEmpty(app.mock, resource)) continue;
        const creator = creatorOf(spec, resource);
        if (!creator || seen.has(creator) || examplesOf(creator).length === 0) {
          failures.push(
            `${spec.id} ${operation.operationId}: needs a ${resource}, which the fixtures lack and no example creates`,
          );
          return false;
        }
        ready = (await prepare(creator, book, new Set([...seen, creator]))) && ready;
        for (const setup of examplesOf(creator))
          ready = (await run(setup, book, ` (run first, for ${operation.operationId})`)) && ready;
      }
      return ready;
    };

    for (const operation of spec.operations) {
      if (examplesOf(operation).length === 0) continue;
      app.mock.reset();
      const book = await loggedIn(spec, app.mock, http);
      if (!(await prepare(operation, book, new Set([operation])))) continue;
      for (const example of examplesOf(operation)) await run(example, book);
    }

    expect(failures).toEqual([]);
  });
});
