import type { Entity } from '../../../state';
import { type BehaviourContext, fail, ok, type Outcome } from '../../../mock';
import { STATUS, body, resourceOf, save } from '../common';
import { callerOf, displayNameOf } from './session';

/**
 * Devices registered by Lacework Edge clients, and the sharing of documents on connected drives. A device
 * belongs to a user (`user_uuid`), which is how `GET /api/v1/users/{uuid}/devices` finds it: that user
 * must be stored (a behavioural precondition, 400), and a device to delete must be stored (404).
 */
interface RegisterRequest {
  device?: Entity;
  device_uuid?: string;
}

function registerDevice(ctx: BehaviourContext): Outcome {
  const request = body<RegisterRequest>(ctx);
  const input: Entity = { ...(request.device ?? {}) };
  const caller = callerOf(ctx);
  const userUuid = (input.user_uuid as string | undefined) || caller.user?.uuid;
  const user = userUuid ? resourceOf(ctx, 'users').find(userUuid) : undefined;
  if (!user) return fail('precondition', `device.user_uuid '${userUuid ?? ''}' is not a user of the account`);
  const devices = resourceOf(ctx, 'devices');
  const requested = request.device_uuid || (input.uuid as string | undefined);
  const existing = requested ? devices.find(requested) : undefined;
  ctx.tick();
  const owned = { user_uuid: user.uuid, user_display_name: displayNameOf(user) };
  if (existing) {
    const updated = { ...existing, ...input, ...owned, uuid: existing.uuid, account_name: caller.account };
    devices.stampUpdated(updated);
    return ok(save(devices, updated), 201);
  }
  const uuid = requested ?? devices.nextKey();
  const created = devices.complete(
    { status: STATUS.ACTIVE, ...input, ...owned, uuid, account_name: caller.account },
    uuid,
  );
  devices.stampCreated(created);
  return ok(save(devices, created), 201);
}

/**
 * All listed devices or none: an unknown device (or one not owned by the named user) is 404. The spec
 * requires a non-empty `devices` whose entries each name their device.
 */
function deleteDevices(ctx: BehaviourContext): Outcome {
  const listed = body<{ devices?: Array<{ uuid?: string; user_uuid?: string }> }>(ctx).devices ?? [];
  const devices = resourceOf(ctx, 'devices');
  const found = listed.map((d) => {
    const device = devices.find(d.uuid);
    return device && (!d.user_uuid || device.user_uuid === d.user_uuid) ? device : undefined;
  });
  const missing = listed.filter((_, i) => !found[i]);
  if (missing.length > 0)
    return fail(
      'notFound',
      ...missing.map((d) => `device '${d.uuid ?? ''}' of user '${d.user_uuid ?? ''}' not found`),
    );
  ctx.tick();
  for (const device of found as Entity[]) devices.collection.remove(device.uuid);
  return ok(found.at(-1));
}

interface ExternalAccess {
  access_id?: string;
  target_identity?: { external?: boolean };
}

const isExternal = (access: ExternalAccess) => access.target_identity?.external === true;

/** Stores the document with the remaining sharing entries and the flags that follow from them. */
function reshare(ctx: BehaviourContext, keep: (access: ExternalAccess) => boolean): Outcome {
  const documents = resourceOf(ctx, 'documents');
  const id = String(ctx.request.path.uuid ?? '');
  const document = documents.find(id);
  if (!document) return fail('notFound', `documents '${id}' not found`);
  const remaining = ((document.external_access ?? []) as ExternalAccess[]).filter(keep);
  ctx.tick();
  const updated: Entity = {
    ...document,
    external_access: remaining,
    is_shared: remaining.length > 0,
    is_shared_externally: remaining.some(isExternal),
  };
  documents.stampUpdated(updated);
  save(documents, updated);
  return ok({});
}

function revokeDocumentAccess(ctx: BehaviourContext): Outcome {
  const accessId = body<{ access_id?: string }>(ctx).access_id;
  return reshare(ctx, (access) => access.access_id !== accessId);
}

function revokeDocumentSharing(ctx: BehaviourContext): Outcome {
  const externalOnly = body<{ external_only?: boolean }>(ctx).external_only === true;
  return reshare(ctx, (access) => externalOnly && !isExternal(access));
}

/** The mock cannot reach the vendor's SaaS: a stored integration's credentials are taken as valid. */
function validateIntegration(ctx: BehaviourContext): Outcome {
  const id = String(ctx.request.path.uuid ?? '');
  if (!resourceOf(ctx, 'integrations').find(id)) return fail('notFound', `integrations '${id}' not found`);
  return ok({ status: 'SUCCESS', error_message: '' }, 201);
}

export const deviceBehaviours = {
  registerDevice,
  deleteDevices,
  revokeDocumentAccess,
  revokeDocumentSharing,
  validateIntegration,
};
