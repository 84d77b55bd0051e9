import type { SpecModel } from '../../openapi';
import type { Schedule, Step } from '../schedule';
import { runAggregate } from './aggregates';
import { runChain } from './chain';
import { cleanUp } from './cleanup';
import { runProbes } from './probes';
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
      return runProbes(session, spec, step.operation, {
        readOnly: step.readOnly,
        answers: await runOperation(session, spec, step.operation),
      });
    case 'aggregate':
      return runAggregate(session, spec, step.aggregate, step.planned);
    case 'cleanup':
      return cleanUp(session, spec, step.keep);
    case 'skip':
      return session.emit({
        type: 'skipped',
        spec: spec.id,
        operationId: step.operation.operationId,
        reason: step.reason,
      });
  }
}
