import type { Faker } from '@faker-js/faker';
import { publicIpv4 } from '../../../generate';
import type { TemplateSeed } from './catalogue';
import { DAY_S } from '../model';
import { TEMPLATE_SEEDS } from './templates';

/**
 * The attackers of the seeded dataset. Each actor is one source (an IP, sometimes IP:port as Akto shows
 * behind some proxies) with ONE country, a few favourite attacks, a favourite target host, a period of
 * activity and a weight: a few noisy scanners make most of the traffic, as in real threat feeds.
 */
export interface SeedActor {
  id: string;
  ip: string;
  country: string;
  weight: number;
  templates: TemplateSeed[];
  host: ProtectedHost;
  fromS: number;
  toS: number;
}

export interface ProtectedHost {
  host: string;
  apiCollectionId: number;
}

/** The protected application: its hosts and their Akto API collections (the bare edge IP is collection 0). */
export const HOSTS: ProtectedHost[] = [
  { host: '34.54.187.118', apiCollectionId: 0 },
  { host: 'juice-shop.acme-corp.com', apiCollectionId: 1722917612 },
  { host: 'api.acme-corp.com', apiCollectionId: 1722918004 },
  { host: 'payments.acme-corp.com', apiCollectionId: 1731002217 },
];

/**
 * Source countries weighted like a typical internet-facing API's attack traffic; '' is "unknown". An actor's
 * address is drawn from its country's networks, so that the country the events carry is the address's.
 */
const SOURCE_COUNTRIES: Array<{ value: string; weight: number }> = [
  'US:20 CN:12 RU:8 DE:6 NL:6 FR:5 GB:4 IN:5 BR:4 SG:3 JP:2 KR:2 VN:3 ID:2 UA:2 CA:2 HK:2 TW:1',
  'IR:1 TR:1 PL:1 RO:1 BG:1 SE:1 FI:1 IT:1 ES:1 AU:1 ZA:1 NG:1 AR:1 MX:1 TH:1 PK:1 BD:1 :3',
]
  .join(' ')
  .split(' ')
  .map((pair) => {
    const [value, weight] = pair.split(':');
    return { value, weight: Number(weight) };
  });

/** Actors the document's samples name, so that its example requests find them. */
const DOCUMENTED_ACTORS: Array<{ id: string; country: string; favourite: string }> = [
  { id: '20.65.193.78', country: 'US', favourite: 'OSCommandInjection' },
  { id: '51.159.103.236', country: 'FR', favourite: 'LocalFileInclusionLFIRFI' },
  { id: '20.0.143.224:57796', country: '', favourite: 'LocalFileInclusionLFIRFI' },
  { id: '35.191.238.163:646', country: 'US', favourite: 'LocalFileInclusionLFIRFI' },
  { id: '42.232.235.138', country: 'CN', favourite: 'SecurityMisconfig' },
];

const ACTIVITY_WEIGHTS = [
  { value: 1, weight: 70 },
  { value: 4, weight: 20 },
  { value: 15, weight: 8 },
  { value: 60, weight: 2 },
];

const templateWeights = TEMPLATE_SEEDS.map((t) => ({ value: t, weight: t.weight }));

function newActorId(faker: Faker, taken: Set<string>, country: string): string {
  for (;;) {
    const ip = publicIpv4(faker, country || undefined);
    const id = faker.datatype.boolean(0.08) ? `${ip}:${faker.number.int({ min: 1024, max: 65535 })}` : ip;
    if (!taken.has(ip) && !taken.has(id)) return id;
  }
}

function favouriteTemplates(faker: Faker, documented?: string): TemplateSeed[] {
  const chosen = new Set<TemplateSeed>();
  const first = TEMPLATE_SEEDS.find((t) => t.id === documented);
  if (first) chosen.add(first);
  const wanted = faker.number.int({ min: 1, max: 3 });
  while (chosen.size < wanted) chosen.add(faker.helpers.weightedArrayElement(templateWeights));
  return [...chosen];
}

function activityPeriod(faker: Faker, nowS: number, days: number): { fromS: number; toS: number } {
  const span = days * DAY_S;
  const fromS = nowS - span + faker.number.int({ min: 0, max: Math.floor(span * 0.9) });
  const length = faker.number.int({ min: Math.min(DAY_S, span), max: span });
  return { fromS, toS: Math.min(nowS - 1, fromS + length) };
}

export function buildActors(faker: Faker, count: number, nowS: number, days: number): SeedActor[] {
  const taken = new Set(DOCUMENTED_ACTORS.map((a) => a.id));
  return Array.from({ length: Math.max(count, DOCUMENTED_ACTORS.length) }, (_, i) => {
    const documented = DOCUMENTED_ACTORS[i];
    const country = documented?.country ?? faker.helpers.weightedArrayElement(SOURCE_COUNTRIES);
    const id = documented?.id ?? newActorId(faker, taken, country);
    taken.add(id);
    return {
      id,
      ip: id.split(':')[0],
      country,
      weight: faker.helpers.weightedArrayElement(ACTIVITY_WEIGHTS),
      templates: favouriteTemplates(faker, documented?.favourite),
      host: faker.helpers.arrayElement(HOSTS),
      ...activityPeriod(faker, nowS, days),
    };
  });
}
