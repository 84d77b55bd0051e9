import type { BehaviourModule } from './types';

/** Behaviours of the lacework operations (x-secmock.behaviour: lacework.<name>). */
export const laceworkModule: BehaviourModule = {
  name: 'lacework',
  behaviours: {},
};
