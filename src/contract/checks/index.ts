import type { Check } from '../types';
import { aggregatesAgree } from './aggregates-agree';
import { authAccepted } from './auth-accepted';
import { contentType } from './content-type';
import { createdNotRetrievable } from './created-retrievable';
import { deletedStillRetrievable } from './deleted-retrievable';
import { filterHonoured } from './filter-honoured';
import { idsUnique } from './ids-unique';
import { limitHonoured } from './limit-honoured';
import { listStale } from './list-stale';
import { negativeDataAccepted } from './negative-accepted';
import { pagingConsistent } from './paging-consistent';
import { partialUpdateKeepsFields } from './partial-update-keeps';
import { readReflectsWrite } from './read-reflects-write';
import { responseHeaders } from './response-headers';
import { responseSchema } from './response-schema';
import { responseTime } from './response-time';
import { secretEchoed } from './secret-echoed';
import { serverError } from './server-error';
import { sortHonoured } from './sort-honoured';
import { timestampPlausible } from './timestamp-plausible';
import { timeWindowHonoured } from './time-window-honoured';
import { undocumentedStatus } from './undocumented-status';
import { unknownIdAnswered } from './unknown-id';
import { validDataRejected } from './valid-rejected';

/** The check catalogue (DESIGN.md), in report order: shape first, then state, then behaviour. */
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
  readReflectsWrite,
  partialUpdateKeepsFields,
  idsUnique,
  unknownIdAnswered,
  pagingConsistent,
  limitHonoured,
  filterHonoured,
  sortHonoured,
  timeWindowHonoured,
  secretEchoed,
  aggregatesAgree,
  timestampPlausible,
  responseTime,
];
