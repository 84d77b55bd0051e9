import type { Entity } from '../../../state';
import { type BehaviourContext, fail, ok, type Outcome } from '../../../mock';
import { body, nowSeconds, resourceOf, save } from '../common';
import { callerOf, displayNameOf, type Caller } from './session';
import { startRun } from './workflows';

/**
 * Alert investigation (document 004): an action updates the stored alert and is appended to the alert's
 * history (`alertHistory`, whose `account_and_alert_uuid` is `<account>:<alert uuid>`). The document does
 * not name the `action_type` values; when a request leaves it out the mock numbers it by the sub-object
 * it carries (ACTION_TYPE below), and the seeded history uses the same numbers.
 */
export const ACTION_TYPE = { STATUS_CHANGE: 1, CLOSE: 2, UPDATE_OWNER: 3, NOTE: 4, RUN_WORKFLOW: 5 } as const;
const TYPE_BY_FIELD: Array<[string, number]> = [
  ['alert_status_change', ACTION_TYPE.STATUS_CHANGE],
  ['close_with_reason', ACTION_TYPE.CLOSE],
  ['update_owner', ACTION_TYPE.UPDATE_OWNER],
  ['note', ACTION_TYPE.NOTE],
  ['run_workflow', ACTION_TYPE.RUN_WORKFLOW],
];

interface ActionRequest {
  action?: InvestigationAction;
  alert_uuid?: string;
}
interface InvestigationAction {
  action_type?: number;
  alert_status_change?: { new_status?: number };
  close_with_reason?: { incident_status?: number; note_text?: string };
  update_owner?: { owner_uuid?: string; owner_display_name?: string };
  note?: { note_text?: string };
  run_workflow?: { workflow_uuid?: string; workflow_run?: Entity; workflow_run_uuid?: string };
}

/**
 * Why an action cannot be applied, checked before anything is: the kind of refusal and its message. The
 * spec declares the shape (an `action` carrying one of the sub-objects, PerformInvestigationActionRequest),
 * so that check only stays as a defence; what the action refers to (an owner, a workflow, the user a run is
 * for) must be stored, a behavioural precondition the operations document (400).
 */
function actionRefusal(ctx: BehaviourContext, request: ActionRequest): Refusal | undefined {
  const action = request.action;
  if (!action || !TYPE_BY_FIELD.some(([field]) => field in action))
    return {
      kind: 'validation',
      message:
        'action must carry one of alert_status_change, close_with_reason, update_owner, note, run_workflow',
    };
  const owner = action.update_owner?.owner_uuid;
  if (owner && !resourceOf(ctx, 'users').find(owner))
    return {
      kind: 'precondition',
      message: `update_owner.owner_uuid '${owner}' is not a user of the account`,
    };
  const run = action.run_workflow;
  const workflow = run?.workflow_uuid ?? run?.workflow_run?.workflow_uuid;
  if (workflow && !resourceOf(ctx, 'workflows').find(workflow))
    return { kind: 'precondition', message: `run_workflow: workflow '${String(workflow)}' not found` };
  const user = run?.workflow_run?.user_uuid;
  if (user && !resourceOf(ctx, 'users').find(user))
    return {
      kind: 'precondition',
      message: `run_workflow.workflow_run.user_uuid '${String(user)}' not found`,
    };
  return undefined;
}

interface Refusal {
  kind: 'validation' | 'precondition';
  message: string;
}

/** The alert after the action, and the action as recorded (with its type and any workflow run started). */
function applyAction(ctx: BehaviourContext, alert: Entity, action: InvestigationAction, caller: Caller) {
  const now = nowSeconds(ctx.clock.now());
  const updated: Entity = { ...alert, update_time: now };
  const recorded: InvestigationAction = { ...action };
  recorded.action_type ??= TYPE_BY_FIELD.find(([field]) => field in action)?.[1];
  if (action.alert_status_change?.new_status !== undefined)
    updated.status = action.alert_status_change.new_status;
  if (action.close_with_reason) {
    updated.incident_status = action.close_with_reason.incident_status ?? 0;
    updated.closed_time = now;
  }
  if (action.update_owner) {
    const owner = resourceOf(ctx, 'users').find(action.update_owner.owner_uuid);
    updated.owner_uuid = action.update_owner.owner_uuid ?? '';
    updated.owner_display_name = action.update_owner.owner_display_name || displayNameOf(owner) || '';
    updated.assignment_time = now;
  }
  if (action.run_workflow) {
    const { workflow_run: fields = {}, workflow_uuid: workflowUuid } = action.run_workflow;
    const run = startRun(
      ctx,
      { ...fields, workflow_uuid: workflowUuid ?? fields.workflow_uuid },
      caller,
    ) as Entity;
    recorded.run_workflow = { ...action.run_workflow, workflow_run_uuid: String(run.uuid) };
  }
  return { updated, recorded };
}

/** Applies one checked action to a stored alert and appends it to the alert's history. */
function perform(ctx: BehaviourContext, alert: Entity, action: InvestigationAction, caller: Caller): Entity {
  ctx.tick();
  const { updated, recorded } = applyAction(ctx, alert, action, caller);
  const alerts = resourceOf(ctx, 'alerts');
  const history = resourceOf(ctx, 'alertHistory');
  save(alerts, updated);
  const item: Entity = {
    uuid: history.nextKey(),
    account_and_alert_uuid: `${String(alert.account_name ?? caller.account)}:${String(alert.uuid)}`,
    action: recorded,
    actor_uuid: caller.user?.uuid,
    actor_display_name: displayNameOf(caller.user),
  };
  history.stampCreated(item);
  return {
    alert_uuid: alert.uuid,
    alert_update_time: updated.update_time,
    history_item: save(history, item),
  };
}

function performInvestigationAction(ctx: BehaviourContext): Outcome {
  const id = String(ctx.request.path.uuid ?? '');
  const alert = resourceOf(ctx, 'alerts').find(id);
  if (!alert) return fail('notFound', `alerts '${id}' not found`);
  const request = body<ActionRequest>(ctx);
  const refusal = actionRefusal(ctx, request);
  if (refusal) return fail(refusal.kind, refusal.message);
  return ok(perform(ctx, alert, request.action as InvestigationAction, callerOf(ctx)));
}

/**
 * Every entry is checked first: an unknown alert (404) or an action that cannot be applied (400) applies
 * nothing. The spec requires a non-empty `investigation_actions` whose entries each name their alert.
 */
function performInvestigationActions(ctx: BehaviourContext): Outcome {
  const requests = body<{ investigation_actions?: ActionRequest[] }>(ctx).investigation_actions ?? [];
  const alerts = resourceOf(ctx, 'alerts');
  const missing = requests.filter((r) => !alerts.find(r.alert_uuid));
  if (missing.length > 0)
    return fail('notFound', ...missing.map((r) => `alerts '${String(r.alert_uuid ?? '')}' not found`));
  const refusals = requests.flatMap((r, i) => {
    const refusal = actionRefusal(ctx, r);
    return refusal ? [{ ...refusal, message: `investigation_actions[${i}].${refusal.message}` }] : [];
  });
  if (refusals.length > 0)
    return fail(
      refusals.some((r) => r.kind === 'validation') ? 'validation' : 'precondition',
      ...refusals.map((r) => r.message),
    );
  const caller = callerOf(ctx);
  const responses = requests.map((r) =>
    perform(ctx, alerts.find(r.alert_uuid) as Entity, r.action as InvestigationAction, caller),
  );
  return ok({ responses });
}

export const alertBehaviours = { performInvestigationAction, performInvestigationActions };
