import type { BehaviourModule } from './types';

/** Behaviours of the akto operations (x-secmock.behaviour: akto.<name>). */
export const aktoIntegrationsModule: BehaviourModule = {
  name: 'akto',
  behaviours: {},
};
