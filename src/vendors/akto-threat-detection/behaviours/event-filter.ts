import type { MaliciousEvent } from '../model';
import { buildRequestSample } from '../sample-payload';
import { protobufPayload } from '../sample-render';

/**
 * The filters of fetchSuspectSampleData, as the vendor's threat backend applies them to its events
 * (`MaliciousEventService.listMaliciousRequests`): every list is "one of these" (an empty or missing list does
 * not filter), the host conditions are alternatives, and the other conditions all hold together.
 */
export interface SuspectSampleFilters {
  ips?: string[] | null;
  urls?: string[] | null;
  types?: string[] | null;
  apiCollectionIds?: number[] | null;
  method?: string[] | null;
  subCategory?: string[] | null;
  latestAttack?: string[] | null;
  severity?: string[] | null;
  hosts?: string[] | null;
  looseHostKeys?: string[] | null;
  claudeDeviceIds?: string[] | null;
  matchClaudeConfig?: boolean | null;
  searchText?: string | null;
  latestApiOrigRegex?: string | null;
  statusFilter?: string | null;
  successfulExploit?: boolean | null;
  skillEvaluationMode?: string | null;
  configEvaluationMode?: string | null;
}

export type EventTest = (event: MaliciousEvent) => boolean;

/** The status a `statusFilter` selects: the export's `EVENTS` means ACTIVE; any other value does not filter. */
const STATUS_OF: Record<string, string> = {
  ACTIVE: 'ACTIVE',
  EVENTS: 'ACTIVE',
  UNDER_REVIEW: 'UNDER_REVIEW',
  IGNORED: 'IGNORED',
  TRAINING: 'TRAINING',
};

const CLAUDE_CONFIG_HOST = /^[^.]+\.(claude-settings|claude)$/i;
const SKILLS_ENDPOINT = /^\/skills\//;

const listed = <T>(values: T[] | null | undefined): values is T[] =>
  Array.isArray(values) && values.length > 0;

function oneOf<T>(values: T[] | null | undefined, valueOf: (e: MaliciousEvent) => T): EventTest | undefined {
  if (!listed(values)) return undefined;
  const wanted = new Set(values);
  return (e) => wanted.has(valueOf(e));
}

/**
 * `ips` holds values of the Actor filter (fetchFiltersThreatTable's `ips`: actors, some `IP:port`); the vendor
 * matches them on the event's source ip, which for its events is the actor. Here either one matches.
 */
function actorTest(ips: string[] | null | undefined): EventTest | undefined {
  if (!listed(ips)) return undefined;
  const wanted = new Set(ips);
  return (e) => wanted.has(e.actor) || wanted.has(e.ip);
}

const segments = (host: string) => host.split('.');
const looseKey = (host: string) => `${segments(host)[0]} ${segments(host).at(-1)}`;

/** hosts, looseHostKeys and the Claude-config match: an event qualifies by any of them. */
function hostTest(f: SuspectSampleFilters): EventTest | undefined {
  const tests: EventTest[] = [];
  const exact = oneOf(f.hosts, (e) => e.host);
  if (exact) tests.push(exact);
  const loose = oneOf(f.looseHostKeys, (e) => looseKey(e.host));
  if (loose) tests.push(loose);
  if (f.matchClaudeConfig === true) tests.push((e) => CLAUDE_CONFIG_HOST.test(e.host));
  else if (listed(f.claudeDeviceIds)) {
    const devices = new Set(f.claudeDeviceIds);
    tests.push((e) => CLAUDE_CONFIG_HOST.test(e.host) && devices.has(segments(e.host)[0]));
  }
  return tests.length === 0 ? undefined : (e) => tests.some((test) => test(e));
}

function searchTest(text: string | null | undefined): EventTest | undefined {
  if (!text) return undefined;
  const needle = text.toLowerCase();
  return (e) => [e.filterId, e.host, e.actor].some((value) => value.toLowerCase().includes(needle));
}

/** Skills Evaluations and Misconfigured Settings partitions: the vendor applies them in Endpoint Security only. */
function partitionTests(f: SuspectSampleFilters, contextSource: string): EventTest[] {
  if (contextSource.toUpperCase() !== 'ENDPOINT') return [];
  const mode = (value: string | null | undefined) => (value ?? '').toLowerCase();
  const skills = (e: MaliciousEvent) => SKILLS_ENDPOINT.test(e.url);
  const config = (e: MaliciousEvent) => e.url.includes('/config/');
  const tests: EventTest[] = [];
  if (mode(f.skillEvaluationMode) === 'only') tests.push(skills);
  if (mode(f.skillEvaluationMode) === 'exclude') tests.push((e) => !skills(e));
  if (mode(f.configEvaluationMode) === 'only') tests.push(config);
  if (mode(f.configEvaluationMode) === 'exclude') tests.push((e) => !config(e));
  return tests;
}

/**
 * The test every listed event passes, cheap conditions first; the regular expression runs last, over the
 * event's request sample (the vendor's `latestApiOrig`), rebuilt only for the events still in the running.
 */
export function suspectSampleTest(f: SuspectSampleFilters, contextSource: string, seed: number): EventTest {
  const status = f.statusFilter == null ? undefined : STATUS_OF[f.statusFilter];
  const methods = listed(f.method) ? f.method.map((m) => m.toUpperCase()) : undefined;
  const tests = [
    actorTest(f.ips),
    oneOf(f.urls, (e) => e.url),
    oneOf(f.types, (e) => e.type),
    oneOf(f.apiCollectionIds, (e) => e.apiCollectionId),
    oneOf(methods, (e) => e.method),
    oneOf(f.subCategory, (e) => e.subCategory),
    oneOf(f.latestAttack, (e) => e.filterId),
    oneOf(f.severity, (e) => e.severity),
    status === undefined ? undefined : (e: MaliciousEvent) => e.status === status,
    f.successfulExploit == null
      ? undefined
      : (e: MaliciousEvent) => e.successfulExploit === f.successfulExploit,
    hostTest(f),
    searchTest(f.searchText),
    ...partitionTests(f, contextSource),
  ].filter((test): test is EventTest => test !== undefined);
  if (f.latestApiOrigRegex) {
    const pattern = new RegExp(f.latestApiOrigRegex);
    tests.push((e) => pattern.test(protobufPayload(buildRequestSample(seed, e))));
  }
  return (e) => tests.every((test) => test(e));
}

/** Misconfigured Settings lists one row per host, actor and setting: the latest occurrence of each. */
export function latestPerSetting(events: MaliciousEvent[]): MaliciousEvent[] {
  const seen = new Set<string>();
  const kept: MaliciousEvent[] = [];
  for (let i = events.length - 1; i >= 0; i--) {
    const key = `${events[i].host}\u0000${events[i].actor}\u0000${events[i].url}`;
    if (!seen.has(key)) kept.push(events[i]);
    seen.add(key);
  }
  return kept.reverse();
}

export const dedupesSettings = (f: SuspectSampleFilters, contextSource: string): boolean =>
  contextSource.toUpperCase() === 'ENDPOINT' && (f.configEvaluationMode ?? '').toLowerCase() === 'only';
