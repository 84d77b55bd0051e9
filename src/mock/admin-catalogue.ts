import type { Operation, SecuritySchemeSpec, SpecModel } from '../openapi';
import type { MockEngine } from './engine';

/**
 * What the console shows of the specs: each operation with the credential that opens it and a curl line a
 * developer can paste, built from the same default credentials the start-up banner prints.
 */
export interface CatalogueOperation {
  operationId: string;
  method: string;
  path: string;
  summary: string;
  tags: string[];
  /** The scheme and credential the curl line uses; absent when the operation needs none. */
  auth?: { scheme: string; placement: string; value: string };
  curl: string;
}

export interface CatalogueSpec {
  id: string;
  title: string;
  operations: CatalogueOperation[];
}

export function catalogue(engine: MockEngine, baseUrl: string): CatalogueSpec[] {
  const defaults = engine.credentials.defaults();
  const credentialOf = (scheme: string) => defaults.find((c) => c.scheme === scheme)?.value;
  return engine.specs.map((spec: SpecModel) => ({
    id: spec.id,
    title: spec.title,
    operations: spec.operations.map((operation) =>
      describe(operation, baseUrl, engine.schemes, credentialOf),
    ),
  }));
}

function describe(
  operation: Operation,
  baseUrl: string,
  schemes: ReadonlyMap<string, SecuritySchemeSpec>,
  credentialOf: (scheme: string) => string | undefined,
): CatalogueOperation {
  const auth = authFor(operation, schemes, credentialOf);
  const example = operation.requestBody?.content.find((c) => /json/.test(c.contentType));
  const body = example?.examples[0]?.value;
  const parts = [`curl -X ${operation.method.toUpperCase()}`];
  let url = `${baseUrl}${operation.path}`;
  if (auth?.curlArgs) parts.push(...auth.curlArgs.map(shellQuote));
  if (auth?.query) url += `?${auth.query}=${encodeURIComponent(auth.value)}`;
  if (example) {
    parts.push('-H', shellQuote(`Content-Type: ${example.contentType}`));
    parts.push('--data', shellQuote(JSON.stringify(body ?? {})));
  }
  parts.push(shellQuote(url));
  return {
    operationId: operation.operationId,
    method: operation.method.toUpperCase(),
    path: operation.path,
    summary: operation.summary,
    tags: operation.tags,
    ...(auth ? { auth: { scheme: auth.scheme, placement: auth.placement, value: auth.value } } : {}),
    curl: parts.join(' '),
  };
}

interface AuthUse {
  scheme: string;
  placement: string;
  value: string;
  /** What curl needs to send it (`-H 'x-api-key: ...'`, `-u user:pass`); a query credential goes in the URL. */
  curlArgs?: string[];
  query?: string;
}

/** The first alternative whose every scheme has a default credential (or a login-issued placeholder). */
function authFor(
  operation: Operation,
  schemes: ReadonlyMap<string, SecuritySchemeSpec>,
  credentialOf: (scheme: string) => string | undefined,
): AuthUse | undefined {
  for (const alternative of operation.security) {
    const requirement = alternative[0];
    const scheme = requirement && schemes.get(requirement.scheme);
    if (!scheme) continue;
    const value =
      credentialOf(scheme.name) ??
      (scheme.issuedBy ? `<${scheme.issuedBy.field} from ${scheme.issuedBy.operationId}>` : undefined);
    if (value === undefined) continue;
    return { scheme: scheme.name, value, ...placementOf(scheme, value) };
  }
  return undefined;
}

function placementOf(
  scheme: SecuritySchemeSpec,
  value: string,
): Pick<AuthUse, 'placement' | 'curlArgs' | 'query'> {
  const name = scheme.paramName ?? '';
  if (scheme.type === 'apiKey' && scheme.in === 'query') return { placement: `query ${name}`, query: name };
  if (scheme.type === 'apiKey' && scheme.in === 'cookie')
    return { placement: `cookie ${name}`, curlArgs: ['-b', `${name}=${value}`] };
  if (scheme.type === 'apiKey') return { placement: `header ${name}`, curlArgs: ['-H', `${name}: ${value}`] };
  if (scheme.type === 'http' && scheme.httpScheme === 'basic')
    return { placement: 'HTTP Basic', curlArgs: ['-u', value] };
  return { placement: 'Authorization: Bearer', curlArgs: ['-H', `Authorization: Bearer ${value}`] };
}

function shellQuote(text: string): string {
  return /^[\w@%+=:,./-]+$/.test(text) ? text : `'${text.replace(/'/g, `'\\''`)}'`;
}
