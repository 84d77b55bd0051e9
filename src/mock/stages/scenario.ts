import { type Operation, type SpecModel, successStatus } from '../../openapi';
import type { DocumentedResponses } from '../services/documented-responses';
import type { Scenarios } from '../services/scenarios';
import type { Answer } from './answer';
import { toResponse } from './respond';

/** An admin scenario set for this operation answers instead of the mock (one use of it is consumed). */
export function forceScenario(
  scenarios: Scenarios,
  documented: DocumentedResponses,
  spec: SpecModel,
  operation: Operation,
): Answer | undefined {
  const scenario = scenarios.take(operation);
  if (!scenario) return undefined;
  const status = scenario.status ?? successStatus(operation) ?? 200;
  const body =
    scenario.body !== undefined
      ? structuredClone(scenario.body)
      : documented.bodyOrUndefined(spec, operation, status, { example: scenario.example });
  const response = toResponse(spec, operation, { kind: 'ok', status, body });
  return { spec, operation, scenario, response, requestViolations: [] };
}
