/**
 * The shapes the Akto threat-detection behaviours share: a stored malicious event (spec schema
 * `MaliciousEvent`), the enums, and the small orderings every aggregate must agree on.
 */
export const SEVERITIES = ['CRITICAL', 'HIGH', 'MEDIUM', 'LOW', 'INFO'] as const;
export type Severity = (typeof SEVERITIES)[number];
export type EventStatus = 'ACTIVE' | 'UNDER_REVIEW' | 'IGNORED' | 'TRAINING';
export type EventType = 'SINGLE' | 'AGGREGATED';

export interface MaliciousEvent {
  id: string;
  refId: string;
  actor: string;
  ip: string;
  country: string;
  filterId: string;
  category: string;
  subCategory: string;
  severity: Severity;
  type: string;
  eventType: EventType;
  url: string;
  method: string;
  host: string;
  apiCollectionId: number;
  timestamp: number;
  /**
   * The protobuf-text sample: not stored (it is rebuilt from the event and the seed, see
   * akto-threat-payload.ts), added when an event is answered — thousands of them cost start-up time and memory.
   */
  payload?: string;
  metadata: string;
  status: EventStatus;
  label: 'THREAT' | 'GUARDRAIL';
  successfulExploit: boolean;
  /** Set by the Akto integrations behaviours when a Jira ticket is linked to the event. */
  jiraTicketUrl?: string;
}

export const EVENTS_RESOURCE = 'maliciousEvents';
export const TEMPLATES_RESOURCE = 'filterTemplates';
/** The vendor's fixed page size for actor and API tables. */
export const PAGE_SIZE = 50;
export const DAY_S = 86_400;

/** 00:00:00 UTC of the day holding `ts` (epoch seconds). */
export const dayStart = (ts: number): number => Math.floor(ts / DAY_S) * DAY_S;

/** Code-point order: the same on every machine (localeCompare depends on ICU data). */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The one event order every listing derives from: by timestamp, ties by id. */
export function compareEvents(a: MaliciousEvent, b: MaliciousEvent): number {
  return a.timestamp - b.timestamp || compareText(a.id, b.id);
}

export const sortedDistinct = (values: Iterable<string>): string[] => [...new Set(values)].sort(compareText);

/** Keys of the vendor's action bean that an action leaves unset: the vendor serialises them as null. */
export const nulls = (...keys: string[]): Record<string, null> =>
  Object.fromEntries(keys.map((key) => [key, null]));
