import type { Entity } from '../../../state';
import { ROLE, SELECTOR, STATUS } from '../common';
import {
  adminOf,
  creationTimes,
  existingAt,
  creatorFields,
  laterThan,
  listOf,
  store,
  type Seeding,
} from './common';
import { WORKFLOWS } from './names';
import type { Filter } from '../references';

/**
 * Seeded approval workflows and policies. Policy filters use selectors (`app:<uuid>`, `group:<uuid>`,
 * `user:<uuid>`, `role:<n>`, `tag:<t>`) that name stored objects. The document does not name the PolicyAction
 * values; the seeded workflow policies use 300 (the first value of the 3xx group that carries workflows).
 */
const WORKFLOW_ACTION = 300;
const PLAIN_ACTIONS = [1, 2, 3, 101, 102, 201];
const DEFAULT_ANSWERS = [
  { answer: 'Approve', actions: [] },
  { answer: 'Deny', actions: [] },
  { answer: 'Unsure', actions: [] },
];

const select = (...selectors: string[]): Filter => ({ include_any: [{ all: selectors }] });

function makeWorkflows(seeding: Seeding): Entity[] {
  const admin = adminOf(seeding);
  const security = listOf(seeding, 'groups').find((g) => g.name === 'Security');
  const times = creationTimes(seeding, WORKFLOWS.length, 20, 240);
  return WORKFLOWS.map((w, i) =>
    store(
      seeding.resource('workflows'),
      {
        name: w.name,
        title: w.title,
        description: `${w.title}: approved by ${security ? 'the Security team' : 'an administrator'}`,
        recipients: [
          security ? `${SELECTOR.group}${String(security.uuid)}` : '',
          `${SELECTOR.role}${ROLE.ADMIN}`,
        ].filter(Boolean),
        answers: DEFAULT_ANSWERS,
        actions: [],
        default_answer_index: w.token ? '0' : '',
        approval_ttl_sec: w.ttl,
        execution_ttl_sec: w.ttl,
        justification_required: w.justify,
        requestor_justification_required: w.justify,
        token_required: w.token,
        text_template: '{{user}} requests access to {{app}}',
        requestor_text_template: 'Your request for {{app}} was sent for approval.',
        approver_text_template: '{{user}} requests access to {{app}}. Approve?',
        status: STATUS.ACTIVE,
        ...creatorFields(admin),
      },
      times[i],
      laterThan(seeding, times[i]),
    ),
  );
}

interface PolicyShape {
  name: string;
  app_filter: Filter;
  session_filter: Filter;
  action: number;
  workflow_uuid?: string;
}

/** What one seeded policy is about, picked among the stored objects. */
interface Picks {
  group: Entity;
  contractors: Entity;
  app: Entity;
  user: Entity;
  workflow: Entity;
  action: number;
}

const ref = (prefix: string, entity: Entity) => `${prefix}${String(entity.uuid)}`;

/** The kinds of policy a tenant has; the n-th policy is of kind n modulo their number, so all appear. */
const POLICY_KINDS: Array<(p: Picks) => PolicyShape> = [
  (p) => ({
    name: `${String(p.group.name)} on ${String(p.app.name)}`,
    app_filter: select(ref(SELECTOR.app, p.app)),
    session_filter: select(ref(SELECTOR.group, p.group)),
    action: p.action,
  }),
  (p) => ({
    name: 'Block contractors on sensitive apps',
    app_filter: select(`${SELECTOR.tag}sensitive`),
    session_filter: select(ref(SELECTOR.group, p.contractors)),
    action: 2,
  }),
  (p) => ({
    name: `${String(p.workflow.name)} for privileged apps`,
    app_filter: select(`${SELECTOR.tag}privileged`),
    session_filter: {},
    action: WORKFLOW_ACTION,
    workflow_uuid: String(p.workflow.uuid),
  }),
  (p) => ({
    name: `Exception for ${String(p.user.display_name)}`,
    app_filter: select(ref(SELECTOR.app, p.app)),
    session_filter: select(ref(SELECTOR.user, p.user)),
    action: p.action,
  }),
  (p) => ({
    name: `${String(p.group.name)} except contractors`,
    app_filter: {},
    session_filter: {
      ...select(ref(SELECTOR.group, p.group)),
      exclude_any: [{ all: [ref(SELECTOR.group, p.contractors)] }],
    },
    action: p.action,
  }),
];

function policyShape(seeding: Seeding, n: number, workflows: Entity[], created: number): PolicyShape {
  const { faker } = seeding;
  const groups = listOf(seeding, 'groups');
  const group = faker.helpers.arrayElement(groups);
  const picks: Picks = {
    group,
    contractors: groups.find((g) => g.name === 'Contractors') ?? group,
    app: faker.helpers.arrayElement(listOf(seeding, 'apps')),
    user: faker.helpers.arrayElement(existingAt(listOf(seeding, 'users'), created)),
    workflow: faker.helpers.arrayElement(workflows),
    action: faker.helpers.arrayElement(PLAIN_ACTIONS),
  };
  return POLICY_KINDS[n % POLICY_KINDS.length](picks);
}

export function generatePolicies(seeding: Seeding, count: number): void {
  const workflows = makeWorkflows(seeding);
  const admin = adminOf(seeding);
  const { faker } = seeding;
  creationTimes(seeding, count, 180).forEach((created, n) => {
    const shape = policyShape(seeding, n, workflows, created);
    store(
      seeding.resource('policies'),
      {
        ...shape,
        description: `Seeded policy: ${shape.name}`,
        type: faker.helpers.arrayElement([0, 1, 2, 3, 4]),
        priority: faker.number.int({ min: 1, max: 100 }),
        status: faker.number.int(8) === 0 ? STATUS.SUSPENDED : STATUS.ACTIVE,
        allow_guest_access: false,
        data_source: 0,
        integration_id: '',
        metadata: '',
        constraints: {},
        mitm_settings: { fail_close: false },
        ...creatorFields(admin),
        updater_uuid: admin?.uuid ?? '',
        updater_display_name: admin?.display_name ?? '',
      },
      created,
      laterThan(seeding, created),
    );
  });
}
