import type { SpecModel } from '../../openapi';
import type { Schedule, Step } from '../schedule';
import { runChain } from './chain';
import type { RunSession } from './session';
import { runDiscover, runLogin, runOperation, runSetup } from './steps';

/** Executes the schedule step by step, in its order; every case becomes an event through the session. */
export async function runSchedule(schedule: Schedule, session: RunSession): Promise<void> {
  for (const { spec, steps } of schedule.specs) {
    for (const step of steps) await runStep(session, spec, step);
  }
}

async function runStep(session: RunSession, spec: SpecModel, step: Step): Promise<void> {
  switch (step.kind) {
    case 'login':
      return runLogin(session, spec, step.scheme, step.operation);
    case 'discover':
      return runDiscover(session, spec, step.resource, step.operation);
    case 'chain':
      await runSetup(session, spec, step.setup);
      return runChain(session, spec, step.chain);
    case 'operation':
      await runSetup(session, spec, step.setup);
      return runOperation(session, spec, step.operation);
    case 'skip':
      return session.emit({
        type: 'skipped',
        spec: spec.id,
        operationId: step.operation.operationId,
        reason: step.reason,
      });
  }
}
