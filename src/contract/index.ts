/** The contract verifier: plan, schedule, run, checks, one summary of the run. */
export { describeSchedule } from './dry-run';
export { KnownDeviationsError, readKnownDeviations, type KnownDeviation } from './known-deviations';
export { unmatchedDeviations, type UnmatchedDeviation } from './unmatched-deviations';
export { planRun, verify, type VerifyOptions, type VerifyResult } from './verify';
export type { CaseResponse, CheckTally, Finding, OperationTally, RunEvent, Summary, TestCase } from './types';
export { TOOL_VERSION } from './version';
export type { PlannedOperation } from './types';
export type { Coverage, CoverageCount, CoverageTally, OperationCoverage, RunInfo } from './types';
export { SelectionError } from './selection';
export { TargetUnreachableError } from './run/session';
