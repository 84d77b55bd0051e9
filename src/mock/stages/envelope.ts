import type { PlainResponse } from '../../http';
import type { ErrorKind, Operation, SpecModel } from '../../openapi';
import { renderTemplate } from '../../openapi';

/**
 * A refusal in the vendor's own envelope: the spec's template for that kind of error (the operation's own,
 * else the spec's), filled with the messages. Every refusal the mock makes goes through here.
 */
export function errorResponse(
  spec: SpecModel,
  operation: Operation | undefined,
  kind: ErrorKind,
  messages: string[],
): PlainResponse {
  const template = { ...spec.errors, ...(operation?.mock.errors ?? {}) }[kind];
  const body = renderTemplate(template.body, { message: messages.join('; '), messages });
  return { status: template.status, headers: { 'content-type': 'application/json' }, body };
}
