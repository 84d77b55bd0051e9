import fc from 'fast-check';
import type { Operation } from '../../../src/openapi/model';
import { bodyMutations, contentTypeMutation } from './body-mutations';
import type { FuzzRequest } from './fuzz-target';
import { headerMutations, methodMutation, pathMutations, queryMutations } from './request-mutations';

/**
 * Malformed variants of a valid request, as fast-check arbitraries. Each mutation says in its label what it
 * did (short, so that a failing case reads well); a case applies one to three of them to the valid request.
 */
export interface Mutation {
  label: string;
  apply(request: FuzzRequest): FuzzRequest;
}

export interface FuzzCase {
  labels: string[];
  request: FuzzRequest;
}

/** One to three mutations of the operation's valid request, weighted towards the body when there is one. */
export function fuzzCases(operation: Operation, base: FuzzRequest): fc.Arbitrary<FuzzCase> {
  const body = bodyMutations(base);
  const weighted: Array<fc.WeightedArbitrary<Mutation>> = [
    ...body.map((arbitrary) => ({ arbitrary, weight: 3 })),
    ...(body.length > 0 ? [{ arbitrary: contentTypeMutation, weight: 3 }] : []),
    ...pathMutations(operation).map((arbitrary) => ({ arbitrary, weight: 2 })),
    ...queryMutations(operation).map((arbitrary) => ({ arbitrary, weight: 2 })),
    ...headerMutations(operation).map((arbitrary) => ({ arbitrary, weight: 1 })),
    { arbitrary: methodMutation(operation), weight: 1 },
  ];
  return fc.array(fc.oneof(...weighted), { minLength: 1, maxLength: 3 }).map((mutations) => {
    const request = mutations.reduce((r, m) => m.apply(r), base);
    const labels = mutations.map((m) => m.label);
    return { labels, request, [fc.toStringMethod]: () => labels.join(' + ') };
  });
}
