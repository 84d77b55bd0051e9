import type { CredentialControl } from '../../../mock';
import { publicIpv4 } from '../../../generate';
import type { Entity } from '../../../state';
import { HOME_ACCOUNT, ROLE, STATUS } from '../common';
import { adminOf, creationTimes, existingAt, laterThan, listOf, store, type Seeding } from './common';
import { AUDIT_OPS, TOKEN_NAMES } from './names';
import { API_TOKEN_SCHEME } from '../behaviours/session';
import { tokenSecret } from '../behaviours/tokens';

/**
 * Seeded API tokens of the administrators (their secrets are valid API-token credentials, so a seeded
 * ACTIVE token can log in and a suspended one is refused by tokenLogin) and the audit trail of API calls.
 */
const TOKEN_STATUSES = [
  STATUS.ACTIVE,
  STATUS.ACTIVE,
  STATUS.SUSPENDED,
  STATUS.ACTIVE,
  STATUS.DELETED,
  STATUS.ACTIVE,
];
const STATUS_TEXT: Record<number, string> = {
  200: 'OK',
  400: 'Bad Request',
  403: 'Forbidden',
  404: 'Not Found',
};

export function seedTokens(seeding: Seeding, credentials: CredentialControl): void {
  const admins = listOf(seeding, 'users').filter((u) => u.role === ROLE.ADMIN && u.status === STATUS.ACTIVE);
  const times = creationTimes(seeding, TOKEN_NAMES.length, 200);
  TOKEN_NAMES.forEach((name, i) => {
    const owners = existingAt(admins, times[i]);
    const owner = owners[i % Math.max(1, owners.length)] ?? adminOf(seeding);
    const secret = tokenSecret(seeding.faker);
    const fields: Entity = {
      name,
      description: `${name} integration`,
      status: TOKEN_STATUSES[i % TOKEN_STATUSES.length],
      role: owner?.role,
      user_uuid: owner?.uuid,
      creator_uuid: owner?.uuid,
      creator_display_name: owner?.display_name,
      creator_role: owner?.role,
      algo: 'HS256',
      view_pii_log_only: false,
      secret,
    };
    store(seeding.resource('tokens'), fields, times[i], laterThan(seeding, times[i]));
    credentials.issue(API_TOKEN_SCHEME, secret);
  });
}

function auditEvent(seeding: Seeding, user: Entity, ids: string[]): Entity {
  const { faker } = seeding;
  const [op, method, matched] = faker.helpers.arrayElement(AUDIT_OPS);
  const status = faker.helpers.weightedArrayElement(
    [200, 400, 403, 404].map((value) => ({ value, weight: value === 200 ? 20 : 1 })),
  );
  return {
    op,
    method,
    matched_path: matched,
    path: matched.replace('{uuid}', faker.helpers.arrayElement(ids)),
    response_status: status,
    response_status_text: STATUS_TEXT[status],
    auth_type: op === 'TokenLogin' ? 'api_token' : 'jwt',
    auth_uuid: user.uuid,
    auth_role: user.role,
    auth_account_name: HOME_ACCOUNT,
    user_display_name: user.display_name,
    user_login: `${String(user.display_name)
      .toLowerCase()
      .replace(/[^a-z]+/g, '.')}@example.com`,
    client_ip: publicIpv4(faker),
    protocol: 'HTTP/1.1',
    proto_version: 'v1',
    request_body: method === 'GET' ? '' : '{}',
    trace: faker.string.hexadecimal({ length: 32, prefix: '', casing: 'lower' }),
    expire_time_sec: 0,
  };
}

export function seedAuditEvents(seeding: Seeding, count: number): void {
  const users = listOf(seeding, 'users').filter((u) => u.status === STATUS.ACTIVE);
  const ids = ['users', 'policies', 'alerts', 'workflowRuns'].flatMap((n) =>
    listOf(seeding, n).map((e) => String(e.uuid)),
  );
  creationTimes(seeding, count, 30).forEach((created) => {
    const user = seeding.faker.helpers.arrayElement(existingAt(users, created));
    store(seeding.resource('auditEvents'), auditEvent(seeding, user, ids), created);
  });
}
