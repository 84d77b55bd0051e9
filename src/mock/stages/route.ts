import type { PlainRequest } from '../../http';
import type { Operation, SpecModel } from '../../openapi';
import type { Router } from '../services/router';
import { refusal, type Answer } from './answer';
import { errorResponse } from './envelope';

export type Routed =
  | { kind: 'operation'; spec: SpecModel; operation: Operation; params: Record<string, string> }
  | { kind: 'answered'; answer: Answer };

/** Which operation the request is for: 404 for an unknown path, 405 with `Allow` for a wrong method. */
export function routeRequest(
  router: Router<Operation>,
  specs: readonly SpecModel[],
  request: PlainRequest,
): Routed {
  const route = router.match(request.method, request.path);
  if (route.kind === 'match') {
    const spec = specs.find((s) => s.id === route.value.specId) as SpecModel;
    return { kind: 'operation', spec, operation: route.value, params: route.params };
  }
  if (route.kind === 'method-not-allowed') {
    const spec = specs.find((s) => s.id === route.sample.specId) as SpecModel;
    const allow = route.allow.join(', ');
    const answer = refusal(spec, undefined, 'validation', [
      `${request.method.toUpperCase()} is not allowed on ${request.path}; allowed: ${allow}`,
    ]);
    answer.response = { ...answer.response, status: 405, headers: { ...answer.response.headers, allow } };
    return { kind: 'answered', answer };
  }
  return { kind: 'answered', answer: notFound(specs, request) };
}

/** An unknown path belongs to no spec; answer in the envelope of the spec whose paths share its prefix. */
function notFound(specs: readonly SpecModel[], request: PlainRequest): Answer {
  const message = `no operation at ${request.method.toUpperCase()} ${request.path}`;
  const owner = specOwningPath(specs, request.path);
  const response = owner
    ? { ...errorResponse(owner, undefined, 'notFound', [message]), status: 404 }
    : { status: 404, headers: { 'content-type': 'application/json' }, body: { message } };
  return { spec: owner, response, requestViolations: [message] };
}

/** The spec whose operations share the path's first two segments (`/api/v1`), else the first one served. */
export function specOwningPath(specs: readonly SpecModel[], path: string): SpecModel | undefined {
  return (
    specs.find((s) => s.operations.some((op) => path.startsWith(op.path.split('/').slice(0, 3).join('/')))) ??
    specs[0]
  );
}
