import { accountBehaviours } from './behaviours/accounts';
import { alertBehaviours } from './behaviours/alerts';
import { authBehaviours } from './behaviours/auth';
import { deviceBehaviours } from './behaviours/devices';
import { directoryBehaviours } from './behaviours/directory';
import { generateActivity } from './seed/activity';
import { generateDirectory } from './seed/directory';
import { integrityBehaviours } from './behaviours/integrity';
import { listBehaviours } from './behaviours/lists';
import { tokenBehaviours } from './behaviours/tokens';
import { workflowBehaviours } from './behaviours/workflows';
import type { BehaviourModule } from '../../mock/plugin';

/**
 * Lacework Edge (document 004): logins and API tokens, alert investigation, workflow approvals, devices,
 * and a directory of users, groups, apps, access rules and policies that refer to each other. The generic
 * engine stores everything; these behaviours add what the vendor does on top. Seeded by the
 * `lacework.directory` and `lacework.activity` generators (fixtures/lacework-edge.yaml).
 */
export const laceworkModule: BehaviourModule = {
  name: 'lacework',
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
  },
  generators: { directory: generateDirectory, activity: generateActivity },
};
