import { aktoIntegrationsModule } from './akto-integrations';
import { aktoThreatModule } from './akto-threat';
import { laceworkModule } from './lacework';
import { manageEngineModule } from './manageengine';
import type { BehaviourModule } from './types';

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

export type { Behaviour, BehaviourContext, BehaviourModule } from './types';
