import { accountBehaviours } from './behaviours/accounts';
import { alertBehaviours } from './behaviours/alerts';
import { authBehaviours } from './behaviours/auth';
import { deviceBehaviours } from './behaviours/devices';
import { directoryBehaviours } from './behaviours/directory';
import { generateActivity } from './seed/activity';
import { generateDirectory } from './seed/directory';
import { integrityBehaviours } from './behaviours/integrity';
import { listBehaviours } from './behaviours/lists';
import { tenantBehaviours } from './behaviours/tenant';
import { tokenBehaviours } from './behaviours/tokens';
import { workflowBehaviours } from './behaviours/workflows';
import type { VendorModule } from '../../mock';
import { onSeedStream } from '../seed-stream';

/**
 * Lacework Edge (specs/lacework-edge.yaml): logins and API tokens, alert investigation, workflow approvals, devices,
 * and a directory of users, groups, apps, access rules and policies that refer to each other. The generic
 * engine stores everything; these behaviours add what the vendor does on top. Seeded by the
 * `directory` and `activity` generators (fixtures/seed/lacework-edge.yaml).
 */
export const laceworkEdge: VendorModule = {
  id: 'lacework-edge',
  behaviours: {
    ...accountBehaviours,
    ...authBehaviours,
    ...tokenBehaviours,
    ...alertBehaviours,
    ...workflowBehaviours,
    ...listBehaviours,
    ...directoryBehaviours,
    ...integrityBehaviours,
    ...deviceBehaviours,
    ...tenantBehaviours,
  },
  generators: {
    directory: onSeedStream('lacework.directory', generateDirectory),
    activity: onSeedStream('lacework.activity', generateActivity),
  },
};
