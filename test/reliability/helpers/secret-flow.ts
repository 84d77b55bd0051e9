import { isMutating } from '../../../src/contract/plan/expectations';
import { ISSUED_CREDENTIALS } from '../../../src/mock/services/credentials';
import type { JsonSchema, Operation, SpecModel } from '../../../src/openapi/model';
import { SchemaCompiler } from '../../../src/schema/compile';
import { FuzzSession, type SessionOptions } from './fuzz-target';
import { sendRaw } from './raw-http';

/**
 * Sends known secret values through every operation that accepts one, then reads everything back, so that a
 * test can look for them on every surface the mock shows.
 *
 * A secret field is a string property whose name says it holds a credential. Fields that hold a hash or an
 * already encrypted value are not credentials in clear, and Lacework answers a client configuration's
 * `guest_user_api_token` by design (the installers it configures need it), so those are left out.
 */
const SECRET_NAME = /token|secret|password|api_?key|app_?key|applicationKey|headerString|private_?key/i;
const NOT_A_CLEAR_CREDENTIAL = /hash|encrypted|^guest_user_api_token$/i;

type Schema = JsonSchema & Record<string, unknown>;

export function secretFields(schema: JsonSchema | undefined, path: string[] = [], depth = 0): string[][] {
  const s = schema as Schema | undefined;
  if (!s || depth > 4) return [];
  const found: string[][] = [];
  for (const [name, property] of Object.entries((s.properties ?? {}) as Record<string, Schema>)) {
    if (property.type === 'string' && SECRET_NAME.test(name) && !NOT_A_CLEAR_CREDENTIAL.test(name))
      found.push([...path, name]);
    else if (property.type === 'object' || property.properties || property.allOf)
      found.push(...secretFields(property, [...path, name], depth + 1));
  }
  for (const part of (s.allOf ?? []) as Schema[]) found.push(...secretFields(part, path, depth + 1));
  return found;
}

function setAt(target: Record<string, unknown>, path: string[], value: string): void {
  let node = target;
  for (const key of path.slice(0, -1)) {
    if (node[key] === null || typeof node[key] !== 'object') node[key] = {};
    node = node[key] as Record<string, unknown>;
  }
  node[path[path.length - 1]] = value;
}

export interface SecretFlow {
  /** Secret values the mock was given, with the operation and field that carried each. */
  given: Map<string, string>;
  /** Secrets the mock minted and answered once, at creation (Lacework API token secrets). */
  minted: string[];
  /** Session credentials minted by logins (Lacework JWTs). */
  sessions: string[];
  /** Every answer after the secrets went in (reads and lists of every operation, the creates themselves). */
  answers: Array<{ label: string; text: string }>;
  /** Operations that carried a secret and accepted it. */
  accepted: string[];
}

/** Which operations the flow sends secrets through: every Akto integrations one, and Lacework's creates. */
function carriesSecrets(spec: SpecModel, operation: Operation): string[][] {
  if (spec.id === 'lacework-edge' && operation.mock.action !== 'create') return [];
  return secretFields(operation.requestBody?.content[0]?.schema);
}

export async function runSecretFlow(
  baseUrl: string,
  specs: SpecModel[],
  options: SessionOptions = {},
): Promise<SecretFlow> {
  const flow: SecretFlow = { given: new Map(), minted: [], sessions: [], answers: [], accepted: [] };
  const keys = new Map<string, unknown>();
  for (const spec of specs) {
    const session = new FuzzSession(spec, baseUrl, new SchemaCompiler(), {
      ...options,
      knownKey: (op) => keys.get(op.mock.resource ?? '') ?? options.knownKey?.(op),
    });
    await session.login();
    for (const scheme of session.book.schemes.values())
      if (scheme.issuedBy) flow.sessions.push(session.book.get(scheme.name) ?? '');
    for (const operation of spec.operations) await sendSecrets(session, operation, flow, keys);
    // Then read everything back: every operation that changes nothing, by the keys just created.
    for (const operation of spec.operations.filter((op) => !isMutating(op))) {
      const response = await sendRaw(baseUrl, session.authorized(operation, session.baseRequest(operation)));
      flow.answers.push({ label: `${operation.operationId} ${response.status}`, text: response.text });
    }
  }
  return flow;
}

/** The operation's valid request with a known secret in each secret field (none: not sent). */
async function sendSecrets(
  session: FuzzSession,
  operation: Operation,
  flow: SecretFlow,
  keys: Map<string, unknown>,
): Promise<void> {
  const { spec } = session;
  const fields = carriesSecrets(spec, operation);
  const minting = operation.operationId === 'createToken';
  if (fields.length === 0 && !minting) return;
  const base = session.baseRequest(operation);
  // A token of the session's own user (the document's sample names user and account 'string').
  const body = JSON.parse((minting ? '{"name": "leak-check"}' : base.body) ?? '{}') as Record<
    string,
    unknown
  >;
  // The samples name the account 'string'; without one, Lacework uses the session's.
  if (spec.id === 'lacework-edge') delete body.account_name;
  for (const field of fields) {
    const value = `s3cr3t-${operation.operationId}-${field.join('.')}-7Qx9`;
    setAt(body, field, value);
    flow.given.set(value, `${spec.id}/${operation.operationId} body.${field.join('.')}`);
  }
  const response = await sendRaw(
    session.baseUrl,
    session.authorized(operation, { ...base, body: JSON.stringify(body) }),
  );
  // A refusal for a business rule (an unknown workflow) must not echo the secret either.
  if (response.status < 300) flow.accepted.push(operation.operationId);
  const answer = response.json as Record<string, unknown>;
  const resource = spec.resources.find((r) => r.name === operation.mock.resource);
  if (resource?.key && answer?.[resource.key] !== undefined) keys.set(resource.name, answer[resource.key]);
  if (minting) flow.minted.push(String(answer.secret));
  else flow.answers.push({ label: `${operation.operationId} (the create)`, text: response.text });
}

/** Every admin surface: the request log, the state summary and each collection's entities. */
export async function adminSurfaces(baseUrl: string): Promise<Array<{ label: string; text: string }>> {
  const get = async (path: string) => ({
    label: path,
    text: await (await fetch(`${baseUrl}${path}`)).text(),
  });
  const surfaces = [await get('/__secmock/requests?limit=100000'), await get('/__secmock/state')];
  const state = JSON.parse(surfaces[1].text) as { collections: Record<string, unknown> };
  for (const name of Object.keys(state.collections))
    surfaces.push(await get(`/__secmock/state?collection=${encodeURIComponent(name)}&limit=1000000`));
  // The mock's own bookkeeping (issued credentials: minted API-token secrets and session JWTs) is not listed.
  surfaces.push(await get(`/__secmock/state?collection=${encodeURIComponent(ISSUED_CREDENTIALS)}`));
  return surfaces;
}

/** Where any of the values shows: `surface: value (origin)` lines, empty when none does. */
export function findLeaks(
  surfaces: Array<{ label: string; text: string }>,
  values: Map<string, string>,
): string[] {
  return surfaces.flatMap((surface) =>
    [...values.entries()]
      .filter(([value]) => surface.text.includes(value))
      .map(([value, origin]) => `${surface.label}: ${value} (${origin})`),
  );
}
