import type { Entity } from '../../../state';
import { type BehaviourContext, fail, ok, type Outcome } from '../../../mock';
import { body, nowSeconds, resourceOf, save } from '../common';
import { callerOf, displayNameOf, type Caller } from './session';

/**
 * Workflow runs: a request for approval that an approver answers once. The document names the run states
 * (CREATED, PENDING, SUCCESS, FAILURE, UNSURE, the listWorkflowRuns `status` filter) but prints runs with an
 * integer status; the mock numbers them in that order (0-4), as proto enums are numbered.
 */
export const RUN_STATUS = { CREATED: 0, PENDING: 1, SUCCESS: 2, FAILURE: 3, UNSURE: 4 } as const;
const DEFAULT_ANSWERS = [
  { answer: 'Approve', actions: [] },
  { answer: 'Deny', actions: [] },
  { answer: 'Unsure', actions: [] },
];
/** "If 0 is passed in, we use a default of 10 min"; -1 means no limit. */
const DEFAULT_EXECUTION_TTL_SEC = 600;
const ANSWERED: number[] = [RUN_STATUS.SUCCESS, RUN_STATUS.FAILURE, RUN_STATUS.UNSURE];

/** The state an answer text leads to ("Approve: SUCCESS, Deny: FAILURE, Unsure: UNSURE"). */
export function outcomeOfAnswer(answer: string): number {
  const text = answer.toLowerCase();
  if (/approve|allow|accept|grant|yes/.test(text)) return RUN_STATUS.SUCCESS;
  if (/deny|reject|block|refuse|^no\b/.test(text)) return RUN_STATUS.FAILURE;
  return RUN_STATUS.UNSURE;
}

export function expiryOf(createdSec: number, executionTtl: unknown): number {
  const ttl = Number(executionTtl ?? 0);
  if (ttl < 0) return 0;
  return createdSec + (ttl === 0 ? DEFAULT_EXECUTION_TTL_SEC : ttl);
}

/** The approval rules of a run: its workflow's when it has one (the client does not choose them). */
function rulesOf(workflow: Entity | undefined, fields: Entity) {
  const source = workflow ?? fields;
  return {
    answers: Array.isArray(source.answers) && source.answers.length > 0 ? source.answers : DEFAULT_ANSWERS,
    recipients: Array.isArray(source.recipients) ? source.recipients : [],
    justification_required: source.justification_required === true,
    token_required: source.token_required === true,
    approval_ttl_sec: Number(source.approval_ttl_sec ?? 0),
    execution_ttl_sec: Number(source.execution_ttl_sec ?? 0),
  };
}

/** A new run is not answered yet, whatever the request carries. */
function withoutAnswer(fields: Entity): Entity {
  const copy = { ...fields };
  for (const field of [
    'answer_index',
    'approver_uuid',
    'approver_display_name',
    'approver_justification',
    'token',
  ])
    delete copy[field];
  return copy;
}

/** A PENDING run of a workflow for the caller (or the user it names), with the workflow's answers and rules. */
export function startRun(ctx: BehaviourContext, fields: Entity, caller: Caller): Entity | string {
  const workflowUuid = fields.workflow_uuid as string | undefined;
  const workflow = workflowUuid ? resourceOf(ctx, 'workflows').find(workflowUuid) : undefined;
  if (workflowUuid && !workflow) return `workflow_run.workflow_uuid: workflow '${workflowUuid}' not found`;
  const users = resourceOf(ctx, 'users');
  const user = fields.user_uuid ? users.find(fields.user_uuid) : caller.user;
  if (fields.user_uuid && !user)
    return `workflow_run.user_uuid: user '${String(fields.user_uuid)}' not found`;
  const runs = resourceOf(ctx, 'workflowRuns');
  ctx.tick();
  const now = nowSeconds(ctx.clock.now());
  const rules = rulesOf(workflow, fields);
  const run: Entity = {
    ...withoutAnswer(fields),
    ...rules,
    uuid: runs.nextKey(),
    account_name: caller.account,
    workflow_name: workflow?.name ?? fields.workflow_name,
    user_uuid: user?.uuid,
    user_display_name: displayNameOf(user),
    status: RUN_STATUS.PENDING,
    expire_time_sec: expiryOf(now, rules.execution_ttl_sec),
  };
  if (rules.token_required)
    run.token = ctx.faker('run-token', String(run.uuid)).number.int({ min: 100000, max: 999999 });
  runs.stampCreated(run);
  return save(runs, run);
}

function createWorkflowRun(ctx: BehaviourContext): Outcome {
  const fields = (body<{ workflow_run?: Entity }>(ctx).workflow_run ?? {}) as Entity;
  const run = startRun(ctx, { ...fields }, callerOf(ctx));
  // Answered as reads answer it: its declared secrets (the MFA token) masked.
  return typeof run === 'string' ? fail('precondition', run) : ok(resourceOf(ctx, 'workflowRuns').mask(run));
}

interface AnswerRequest {
  answer_index?: string;
  justification?: string;
  token?: number;
}

/**
 * Why this answer cannot be recorded, or undefined: behavioural preconditions the operation documents
 * (400). The spec declares the shape of `answer_index` (digits, or empty for the workflow's default).
 */
function answerRefusal(ctx: BehaviourContext, run: Entity, request: AnswerRequest): string | undefined {
  if (ANSWERED.includes(Number(run.status))) return 'The workflow run was already answered.';
  const expires = Number(run.expire_time_sec ?? 0);
  if (expires > 0 && expires <= nowSeconds(ctx.clock.now())) return 'The workflow run has expired.';
  if (run.token_required === true && Number(request.token) !== Number(run.token))
    return 'A valid token is required to answer this workflow run.';
  if (run.justification_required === true && !request.justification)
    return 'A justification is required to answer this workflow run.';
  return undefined;
}

function answersOf(run: Entity): Entity[] {
  return (Array.isArray(run.answers) && run.answers.length > 0 ? run.answers : DEFAULT_ANSWERS) as Entity[];
}

function chosenAnswer(ctx: BehaviourContext, run: Entity, request: AnswerRequest): number | string {
  const workflow = run.workflow_uuid ? resourceOf(ctx, 'workflows').find(run.workflow_uuid) : undefined;
  const raw = request.answer_index || (workflow?.default_answer_index as string | undefined) || '';
  const answers = answersOf(run);
  const index = /^\d+$/.test(raw) ? Number(raw) : NaN;
  if (Number.isNaN(index)) return 'answer_index is required: the workflow has no default answer.';
  if (index >= answers.length) return `answer_index ${index} is out of range (0-${answers.length - 1}).`;
  return index;
}

function answerWorkflowRun(ctx: BehaviourContext): Outcome {
  const runs = resourceOf(ctx, 'workflowRuns');
  const id = String(ctx.request.path.uuid ?? '');
  const run = runs.find(id);
  if (!run) return fail('notFound', `workflowRuns '${id}' not found`);
  const request = body<AnswerRequest>(ctx);
  const refusal = answerRefusal(ctx, run, request);
  if (refusal) return fail('precondition', refusal);
  const index = chosenAnswer(ctx, run, request);
  if (typeof index === 'string') return fail('precondition', index);
  const answers = answersOf(run);
  const approver = callerOf(ctx).user;
  ctx.tick();
  const answered: Entity = {
    ...run,
    answer_index: String(index),
    approver_justification: request.justification ?? '',
    approver_uuid: approver?.uuid,
    approver_display_name: displayNameOf(approver),
    status: outcomeOfAnswer(String(answers[index]?.answer ?? '')),
  };
  runs.stampUpdated(answered);
  return ok(save(runs, answered));
}

/** The generic list (every other filter), then `status` by name. */
function listWorkflowRuns(ctx: BehaviourContext): Outcome {
  const outcome = ctx.generic();
  const name = ctx.request.query.status as keyof typeof RUN_STATUS | undefined;
  if (outcome.kind !== 'ok' || name === undefined) return outcome;
  const page = outcome.body as { workflow_runs: Entity[] };
  return ok({ ...page, workflow_runs: page.workflow_runs.filter((r) => r.status === RUN_STATUS[name]) });
}

export const workflowBehaviours = { createWorkflowRun, answerWorkflowRun, listWorkflowRuns };
