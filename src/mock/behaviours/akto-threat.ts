import type { BehaviourModule } from './types';

/** Behaviours of the akto.threat operations (x-secmock.behaviour: akto.threat.<name>). */
export const aktoThreatModule: BehaviourModule = {
  name: 'akto.threat',
  behaviours: {},
};
