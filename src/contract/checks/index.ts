import type { Check } from '../types';
import { authAccepted } from './auth-accepted';
import { contentType } from './content-type';
import { createdNotRetrievable } from './created-retrievable';
import { deletedStillRetrievable } from './deleted-retrievable';
import { listStale } from './list-stale';
import { negativeDataAccepted } from './negative-accepted';
import { responseHeaders } from './response-headers';
import { responseSchema } from './response-schema';
import { responseTime } from './response-time';
import { serverError } from './server-error';
import { undocumentedStatus } from './undocumented-status';
import { validDataRejected } from './valid-rejected';

/** The check catalogue (DESIGN.md), in report order. */
export const CHECKS: readonly Check[] = [
  serverError,
  undocumentedStatus,
  contentType,
  responseHeaders,
  responseSchema,
  negativeDataAccepted,
  validDataRejected,
  authAccepted,
  createdNotRetrievable,
  deletedStillRetrievable,
  listStale,
  responseTime,
];
