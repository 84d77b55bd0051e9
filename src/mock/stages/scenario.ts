import { type Operation, type SpecModel, successStatus } from '../../openapi';
import type { DocumentedResponses } from '../services/documented-responses';
import type { Scenario, Scenarios } from '../services/scenarios';
import type { Answer } from './answer';
import { toResponse } from './respond';

/** One use of an admin scenario: the answer it forces, if any, and the delay it adds. */
export interface ScenarioUse {
  scenario: Scenario;
  /** Undefined for a scenario that only delays: the mock answers as it would. */
  answer?: Answer;
  delayMs: number;
}

/** An admin scenario set for this operation answers instead of the mock, or delays it (one use consumed). */
export function useScenario(
  scenarios: Scenarios,
  documented: DocumentedResponses,
  spec: SpecModel,
  operation: Operation,
): ScenarioUse | undefined {
  const scenario = scenarios.take(operation, false);
  if (!scenario) return undefined;
  const delayMs = scenarios.delayOf(scenario);
  const answers =
    scenario.status !== undefined || scenario.example !== undefined || scenario.body !== undefined;
  if (!answers && scenario.delayMs !== undefined) return { scenario, delayMs };
  const status = scenario.status ?? successStatus(operation) ?? 200;
  const body =
    scenario.body !== undefined
      ? structuredClone(scenario.body)
      : documented.bodyOrUndefined(spec, operation, status, { example: scenario.example });
  const response = toResponse(spec, operation, { kind: 'ok', status, body });
  return { scenario, delayMs, answer: { spec, operation, scenario, response, requestViolations: [] } };
}
