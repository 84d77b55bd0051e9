import { accountBehaviours } from './lacework-accounts';
import { alertBehaviours } from './lacework-alerts';
import { authBehaviours } from './lacework-auth';
import { deviceBehaviours } from './lacework-devices';
import { directoryBehaviours } from './lacework-directory';
import { generateActivity } from './lacework-fixtures-activity';
import { generateDirectory } from './lacework-fixtures-directory';
import { integrityBehaviours } from './lacework-integrity';
import { listBehaviours } from './lacework-lists';
import { tokenBehaviours } from './lacework-tokens';
import { workflowBehaviours } from './lacework-workflows';
import type { BehaviourModule } from './types';

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
