import type { MockAppOptions } from '../../../src/server/app';
import { authHeaders } from '../../helpers/credentials';
import { specMock } from '../../helpers/mock';
import { VENDOR_SPECS } from '../../helpers/paths';

/** Shared set-up of the ManageEngine incidents tests: the spec's broadest declared token, and its mock. */
export const ME_KEY = authHeaders(VENDOR_SPECS.manageEngine);

/** The spec with its bundled fixtures, in-process over HTTP. */
export function manageEngineMock(options: MockAppOptions = {}) {
  return specMock(VENDOR_SPECS.manageEngine, options);
}
