import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { SPEC_FILES } from './config';

export type SpecName = keyof typeof SPEC_FILES;

/** One request the load generator repeats against secmock and against Prism, byte for byte. */
export interface BenchRequest {
  id: 'get-by-id' | 'list' | 'create' | 'aggregate';
  spec: SpecName;
  method: 'GET' | 'POST';
  path: string;
  headers: Record<string, string>;
  body?: string;
  /** autocannon -I replaces `[<id>]` in the body with a fresh id per request (unique incident names). */
  uniqueBody?: boolean;
}

const ME_AUTH = { authorization: 'Bearer secmock-me-token' };
const AKTO_AUTH = { 'x-api-key': 'secmock-akto-key' };
const JSON_BODY = { 'content-type': 'application/json' };

/** The four secmock paths worth timing: a keyed read, a page, a validated create, a computed aggregate. */
export function benchRequests(incidentId: string): BenchRequest[] {
  const create = documentedBody('manageEngine', '/api/v2/incident', 'post') as Record<string, unknown>;
  return [
    {
      id: 'get-by-id',
      spec: 'manageEngine',
      method: 'GET',
      path: `/api/v2/incident/${incidentId}`,
      headers: ME_AUTH,
    },
    { id: 'list', spec: 'manageEngine', method: 'GET', path: '/api/v2/incident?limit=50', headers: ME_AUTH },
    {
      id: 'create',
      spec: 'manageEngine',
      method: 'POST',
      path: '/api/v2/incident',
      headers: { ...ME_AUTH, ...JSON_BODY },
      // The mock refuses a second incident with the same name, as the vendor does.
      body: JSON.stringify({ ...create, name: 'bench [<id>]' }),
      uniqueBody: true,
    },
    {
      id: 'aggregate',
      spec: 'aktoThreat',
      method: 'POST',
      path: '/api/fetchCountBySeverity',
      headers: { ...AKTO_AUTH, ...JSON_BODY },
      body: JSON.stringify(documentedBody('aktoThreat', '/api/fetchCountBySeverity', 'post')),
    },
  ];
}

/** The document's own request sample, as the spec records it (examples.documented). */
function documentedBody(spec: SpecName, path: string, method: string): unknown {
  const document = parse(readFileSync(SPEC_FILES[spec], 'utf8')) as {
    paths: Record<string, Record<string, { requestBody?: { content: Record<string, MediaType> } }>>;
  };
  const example =
    document.paths[path]?.[method]?.requestBody?.content['application/json']?.examples?.documented;
  if (!example) throw new Error(`${spec}: no documented request example for ${method} ${path}`);
  return example.value;
}

interface MediaType {
  examples?: Record<string, { value: unknown }>;
}
