import type { Check } from '../types';

/** The body comes with a content type the status documents (JSON served as text/plain breaks clients). */
export const contentType: Check = {
  id: 'content_type',
  title: 'Content type',
  severity: 'major',
  run({ testCase, response }, tools) {
    if (response.transportError) return undefined;
    const verdict = tools.validateResponse(testCase.operation, response);
    if (!verdict.documented) return undefined;
    if (!verdict.contentType) return [];
    return [
      {
        path: 'header.content-type',
        expected: verdict.contentType,
        actual: response.headers['content-type'] ?? 'none',
      },
    ];
  },
};
