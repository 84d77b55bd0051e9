/** Plain HTTP for every other layer: request/response types, media types, a Result type. No framework. */
export {
  HTTP_METHODS,
  NETWORK_FAULTS,
  type NetworkFault,
  isHttpMethod,
  type BodyProblem,
  type HttpMethod,
  type PlainRequest,
  type PlainResponse,
} from './types';
export { isJsonMediaType, mediaTypeOf } from './media-types';
export { failure, success, type Result } from './result';
