import type { Faker } from '@faker-js/faker';
import { hashSeed, seededRandom } from '../../../generate';
import type { SeedContext } from '../../../mock';
import { buildActors, HOSTS, type SeedActor } from './actors';
import type { TemplateSeed } from './catalogue';
import {
  compareEvents,
  DAY_S,
  EVENTS_RESOURCE,
  TEMPLATES_RESOURCE,
  type EventStatus,
  type MaliciousEvent,
} from '../model';
import { hex32 } from '../sample-payload';
import { metadataText } from '../sample-render';
import { buildTemplates, subCategoryOf, TEMPLATE_SEEDS } from './templates';

/**
 * Generator `dataset`: the filter templates and the malicious events every threat endpoint
 * is computed from. Options: `days` (events spread over the days before the mock clock), `events`,
 * `actors`. Each event takes category, sub-category and severity from the template its filterId names.
 */
const STATUS_WEIGHTS: Array<{ value: EventStatus; weight: number }> = [
  { value: 'ACTIVE', weight: 80 },
  { value: 'UNDER_REVIEW', weight: 8 },
  { value: 'IGNORED', weight: 8 },
  { value: 'TRAINING', weight: 4 },
];

/** The events of the document's samples (the second also carries the id the Jira examples link to). */
const DOCUMENTED_EVENTS = [
  {
    id: 'e6cb0490-d627-49cc-a592-7c53bebab799',
    refId: '93069238-c27d-4ef1-b908-7db2b3157524',
    actor: '20.65.193.78',
    filterId: 'OSCommandInjection',
    url: '/portal/redlion',
    method: 'GET',
  },
  {
    id: '4a3502a0-ab5f-4255-9628-aae3b0ef33bd',
    refId: 'b302ed4c-a376-4cfe-9bcf-e566577afcf1',
    actor: '51.159.103.236',
    filterId: 'LocalFileInclusionLFIRFI',
    url: '/admin/config.php',
    method: 'GET',
  },
];

interface Draw {
  faker: Faker;
  seed: number;
  nowS: number;
  days: number;
  /** Ids in generation order: one seeded stream, cheaper than hashing parts for every event. */
  uuid: () => string;
  /** Timestamps already used: every event gets its own second, so "most recent" is never a tie. */
  taken: Set<number>;
}

function uuidStream(seed: number): () => string {
  const random = seededRandom(seed);
  return () => {
    const hex = hex32(random);
    const variant = '89ab'[Math.floor(random() * 4)];
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20)}`;
  };
}

function claimTimestamp(draw: Draw, wanted: number): number {
  const first = draw.nowS - draw.days * DAY_S;
  let ts = Math.min(Math.max(wanted, first), draw.nowS - 1);
  while (draw.taken.has(ts)) ts = ts > first ? ts - 1 : draw.nowS - 1;
  draw.taken.add(ts);
  return ts;
}

function makeEvent(
  draw: Draw,
  actor: SeedActor,
  template: TemplateSeed,
  fixed: Pick<MaliciousEvent, 'id' | 'refId'> & Partial<MaliciousEvent>,
  timestamp: number,
): MaliciousEvent {
  const { faker } = draw;
  const host = faker.datatype.boolean(0.8) ? actor.host : faker.helpers.arrayElement(HOSTS);
  const drawn: Omit<MaliciousEvent, 'id' | 'refId' | 'payload' | 'metadata'> = {
    actor: actor.id,
    ip: actor.ip,
    country: actor.country,
    filterId: template.id,
    category: template.category,
    subCategory: subCategoryOf(template),
    severity: template.severity,
    type: template.type ?? 'Rule-Based',
    eventType: template.aggregated ? 'AGGREGATED' : 'SINGLE',
    url: faker.helpers.arrayElement(template.urls),
    method: faker.helpers.arrayElement(template.methods),
    host: host.host,
    apiCollectionId: host.apiCollectionId,
    timestamp: claimTimestamp(draw, timestamp),
    status: faker.helpers.weightedArrayElement(STATUS_WEIGHTS),
    label: faker.datatype.boolean(0.08) ? 'GUARDRAIL' : 'THREAT',
    successfulExploit: template.severity !== 'INFO' && faker.datatype.boolean(0.04),
  };
  const { id, refId, ...overrides } = fixed;
  const event = { id, refId, ...drawn, ...overrides };
  return { ...event, metadata: metadataText(actor.country) };
}

/** One detection: a single event, or for an aggregation rule a burst of events sharing a refId. */
function detection(draw: Draw, actor: SeedActor, template: TemplateSeed): MaliciousEvent[] {
  const { faker } = draw;
  const refId = draw.uuid();
  const start = faker.number.int({ min: actor.fromS, max: actor.toS });
  const size = template.aggregated ? faker.number.int({ min: 3, max: 8 }) : 1;
  return Array.from({ length: size }, (_, j) => {
    return makeEvent(
      draw,
      actor,
      template,
      { id: draw.uuid(), refId },
      start + j * faker.number.int({ min: 2, max: 90 }),
    );
  });
}

function documentedEvents(draw: Draw, actors: SeedActor[]): MaliciousEvent[] {
  return DOCUMENTED_EVENTS.map((doc) => {
    const actor = actors.find((a) => a.id === doc.actor) as SeedActor;
    const template = TEMPLATE_SEEDS.find((t) => t.id === doc.filterId) as TemplateSeed;
    const when = draw.faker.number.int({ min: draw.nowS - 7 * DAY_S, max: draw.nowS - 3600 });
    return makeEvent(draw, actor, template, { ...doc, status: 'ACTIVE', successfulExploit: false }, when);
  });
}

export function buildEvents(draw: Draw, actors: SeedActor[], count: number): MaliciousEvent[] {
  const events = documentedEvents(draw, actors);
  const weighted = actors.map((a) => ({ value: a, weight: a.weight }));
  // The first rounds give every actor and every template at least one detection.
  for (let n = 0; events.length < count; n++) {
    const actor = actors[n] ?? draw.faker.helpers.weightedArrayElement(weighted);
    const template = TEMPLATE_SEEDS[n] ?? draw.faker.helpers.arrayElement(actor.templates);
    events.push(...detection(draw, actor, template).slice(0, count - events.length));
  }
  return events.sort(compareEvents);
}

export function generateThreatDataset(ctx: SeedContext): void {
  const days = Number(ctx.options.days ?? 30);
  const nowS = Math.floor(ctx.now / 1000);
  const draw: Draw = {
    faker: ctx.faker,
    seed: ctx.seed,
    nowS,
    days,
    uuid: uuidStream(hashSeed(ctx.seed, 'akto.threat.ids')),
    taken: new Set(),
  };
  const templates = ctx.resource(TEMPLATES_RESOURCE);
  for (const template of buildTemplates(ctx.faker, nowS)) templates.collection.put(template.id, template);
  const actors = buildActors(ctx.faker, Number(ctx.options.actors ?? 400), nowS, days);
  const events = ctx.resource(EVENTS_RESOURCE);
  for (const event of buildEvents(draw, actors, Number(ctx.options.events ?? 5000)))
    events.collection.put(event.id, { ...event });
}
