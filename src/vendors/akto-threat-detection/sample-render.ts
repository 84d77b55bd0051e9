import { ACCOUNT_ID, type RequestSample } from './sample-payload';

/**
 * The two renderings of a request sample: protobuf text format (the event's `payload`, as the document
 * shows it) and the vendor's JSON `orig` (fetchAggregateMaliciousRequests), plus the event metadata.
 */
const NEEDS_ESCAPE = /[\\"'\n\r]/;
const escapedLiterals = new Map<string, string>();

/** Protobuf text-format string literal (the escaping Akto's `payload` shows). */
function pbString(value: string): string {
  // Most values (header names, IPs) need no escaping; the ones that do (bodies, probes) come from a small
  // catalogue, so their escaped form is remembered: generating thousands of events stays fast.
  if (!NEEDS_ESCAPE.test(value)) return `"${value}"`;
  let literal = escapedLiterals.get(value);
  if (literal === undefined) escapedLiterals.set(value, (literal = escapeLiteral(value)));
  return literal;
}

function escapeLiteral(value: string): string {
  const escaped = value
    .replace(/\\/g, '\\\\')
    .replace(/"/g, '\\"')
    .replace(/'/g, "\\'")
    .replace(/\n/g, '\\n')
    .replace(/\r/g, '\\r');
  return `"${escaped}"`;
}

const pbHeader = (field: string, [key, value]: [string, string]) =>
  `${field} {\n  key: ${pbString(key)}\n  value {\n    values: ${pbString(value)}\n  }\n}`;

/** The event's `payload`: the sample in protobuf text format, as in the document. */
export function protobufPayload(sample: RequestSample): string {
  const lines = [
    `method: ${pbString(sample.method)}`,
    `path: ${pbString(sample.path)}`,
    'type: "HTTP/1.1"',
    ...sample.requestHeaders.map((h) => pbHeader('request_headers', h)),
    ...(sample.requestPayload ? [`request_payload: ${pbString(sample.requestPayload)}`] : []),
    `status_code: ${sample.statusCode}`,
    `status: ${pbString(sample.status)}`,
    ...sample.responseHeaders.map((h) => pbHeader('response_headers', h)),
    `response_payload: ${pbString(sample.responsePayload)}`,
    `time: ${sample.time}`,
    `akto_account_id: ${pbString(ACCOUNT_ID)}`,
    `ip: ${pbString(sample.ip)}`,
    'akto_vxlan_id: "0"',
  ];
  return `${lines.join('\n')}\n`;
}

/** fetchAggregateMaliciousRequests' `orig`: the same sample as a JSON string, in the vendor's key order. */
export function origJson(sample: RequestSample): string {
  return JSON.stringify({
    method: sample.method,
    requestPayload: sample.requestPayload,
    responsePayload: sample.responsePayload,
    ip: sample.ip,
    destIp: '',
    source: 'OTHER',
    type: 'HTTP/1.1',
    akto_vxlan_id: '0',
    path: sample.path,
    requestHeaders: JSON.stringify(Object.fromEntries(sample.requestHeaders)),
    responseHeaders: JSON.stringify(Object.fromEntries(sample.responseHeaders)),
    time: sample.time,
    akto_account_id: ACCOUNT_ID,
    statusCode: sample.statusCode,
    status: sample.status,
  });
}

export const metadataText = (country: string): string => `country_code: ${pbString(country)}\n`;
export const metadataJson = (country: string): string => JSON.stringify({ countryCode: country }, null, 2);
