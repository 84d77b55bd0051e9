import { aktoIntegrationsModule } from './akto-integrations/index';
import { aktoThreatModule } from './akto-threat-detection/behaviours/dashboard';
import { laceworkModule } from './lacework-edge/index';
import { manageEngineModule } from './manageengine-incidents/behaviours/incidents';
import type { BehaviourModule } from '../mock/plugin';

/**
 * The vendor behaviour modules secmock ships. A behaviour is named in a spec as `<module>.<function>`
 * (x-secmock.behaviour); an operation whose behaviour is not here runs its generic action instead.
 */
export const BUILTIN_MODULES: BehaviourModule[] = [
  aktoIntegrationsModule,
  aktoThreatModule,
  laceworkModule,
  manageEngineModule,
];

export type { Behaviour, BehaviourContext, BehaviourModule } from '../mock/plugin';
