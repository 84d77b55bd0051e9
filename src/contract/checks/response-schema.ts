import type { Check } from '../types';

/** The body matches the schema the spec gives for that status and content type. */
export const responseSchema: Check = {
  id: 'response_schema',
  title: 'Response schema',
  severity: 'major',
  run({ testCase, response }, tools) {
    if (response.transportError) return undefined;
    const verdict = tools.validateResponse(testCase.operation, response);
    if (!verdict.documented || verdict.contentType) return undefined;
    return verdict.schema.map((v) => ({
      path: v.path,
      expected: v.message.replace(/^must/, 'value that must'),
      actual: describeValue(response.body, v.path),
    }));
  },
};

/** The offending value, short: `"three"`, `missing`, `{...}`. */
function describeValue(body: unknown, path: string): string {
  const segments = path
    .replace(/^body\.?/, '')
    .split(/\.|\[(\d+)\]/)
    .filter((s) => s !== undefined && s !== '');
  let node: unknown = body;
  for (const segment of segments) {
    if (node === null || typeof node !== 'object') return 'missing';
    node = (node as Record<string, unknown>)[segment];
  }
  if (node === undefined) return 'missing';
  // Whole: the summary masks credentials before it shortens (see show in answer.ts).
  return JSON.stringify(node);
}
