/**
 * Where generated traffic comes from: countries with a few of their public IPv4 allocations and one
 * representative city (its coordinates, region, time zone and postal code). Generated IP addresses are drawn
 * from these ranges only, so an address and the country, city and coordinates beside it always agree.
 *
 * The ranges are RIR delegations to national networks (most are the per-country blocks youtube-dl's
 * GeoUtils uses to fake a country; the rest are the well-known blocks of carriers and clouds named beside
 * them). None overlaps another or a special-use block (test/unit/generate/places.test.ts checks both).
 */
export interface CountryRecord {
  /** ISO 3166-1 alpha-2. */
  code: string;
  name: string;
  city: string;
  /** The city's IATA code. */
  cityCode: string;
  region: string;
  regionCode: string;
  latitude: number;
  longitude: number;
  /** IANA time zone name. */
  timeZone: string;
  zip: string;
  /** CIDR blocks. */
  ranges: string[];
}

type Row = [
  code: string,
  name: string,
  city: string,
  cityCode: string,
  region: string,
  regionCode: string,
  latitude: number,
  longitude: number,
  timeZone: string,
  zip: string,
  ranges: string[],
];

// prettier-ignore
const ROWS: Row[] = [
  ['US', 'United States', 'Ashburn', 'IAD', 'Virginia', 'VA', 39.0438, -77.4874, 'America/New_York', '20147',
    ['12.0.0.0/8', '17.0.0.0/8', '20.65.0.0/16', '35.191.0.0/16']], // AT&T, Apple, Microsoft, Google
  ['CN', 'China', 'Beijing', 'PEK', 'Beijing', 'BJ', 39.9042, 116.4074, 'Asia/Shanghai', '100000',
    ['36.128.0.0/10', '42.224.0.0/12']], // China Mobile, China Unicom
  ['RU', 'Russia', 'Moscow', 'SVO', 'Moscow', 'MOW', 55.7558, 37.6173, 'Europe/Moscow', '101000',
    ['5.136.0.0/13', '95.24.0.0/13']], // Rostelecom, Beeline
  ['DE', 'Germany', 'Frankfurt am Main', 'FRA', 'Hesse', 'HE', 50.1109, 8.6821, 'Europe/Berlin', '60311',
    ['91.0.0.0/10', '53.0.0.0/8']], // Deutsche Telekom, Mercedes-Benz
  ['NL', 'Netherlands', 'Amsterdam', 'AMS', 'North Holland', 'NH', 52.3676, 4.9041, 'Europe/Amsterdam', '1012',
    ['145.96.0.0/11', '94.208.0.0/12']], // SURF, Ziggo
  ['FR', 'France', 'Paris', 'CDG', 'Île-de-France', 'IDF', 48.8566, 2.3522, 'Europe/Paris', '75001',
    ['90.0.0.0/9', '51.159.0.0/16']], // Orange, Scaleway
  ['GB', 'United Kingdom', 'London', 'LHR', 'England', 'ENG', 51.5074, -0.1278, 'Europe/London', 'EC1A 1BB',
    ['86.128.0.0/10', '25.0.0.0/8']], // BT, UK Ministry of Defence
  ['IN', 'India', 'Mumbai', 'BOM', 'Maharashtra', 'MH', 19.076, 72.8777, 'Asia/Kolkata', '400001',
    ['117.192.0.0/10']], // BSNL
  ['BR', 'Brazil', 'São Paulo', 'GRU', 'São Paulo', 'SP', -23.5505, -46.6333, 'America/Sao_Paulo', '01000-000',
    ['152.240.0.0/12', '189.0.0.0/11']], // Claro, Vivo
  ['SG', 'Singapore', 'Singapore', 'SIN', 'Central Region', '01', 1.3521, 103.8198, 'Asia/Singapore', '018989',
    ['152.56.0.0/14']], // Singtel
  ['JP', 'Japan', 'Tokyo', 'NRT', 'Tokyo', '13', 35.6762, 139.6503, 'Asia/Tokyo', '100-0001',
    ['126.0.0.0/8', '133.0.0.0/8']], // SoftBank, JPNIC
  ['KR', 'South Korea', 'Seoul', 'ICN', 'Seoul', '11', 37.5665, 126.978, 'Asia/Seoul', '04524',
    ['175.192.0.0/10', '121.128.0.0/10']], // KT
  ['VN', 'Vietnam', 'Hanoi', 'HAN', 'Hanoi', 'HN', 21.0278, 105.8342, 'Asia/Ho_Chi_Minh', '100000',
    ['14.160.0.0/11', '113.160.0.0/11']], // VNPT
  ['ID', 'Indonesia', 'Jakarta', 'CGK', 'Jakarta', 'JK', -6.2088, 106.8456, 'Asia/Jakarta', '10110',
    ['39.192.0.0/10']], // Telkomsel
  ['UA', 'Ukraine', 'Kyiv', 'KBP', 'Kyiv', '30', 50.4501, 30.5234, 'Europe/Kyiv', '01001',
    ['93.72.0.0/13']], // Kyivstar
  ['CA', 'Canada', 'Toronto', 'YYZ', 'Ontario', 'ON', 43.6532, -79.3832, 'America/Toronto', 'M5H 2N2',
    ['99.224.0.0/11', '70.24.0.0/13']], // Rogers, Bell
  ['HK', 'Hong Kong', 'Hong Kong', 'HKG', 'Hong Kong', 'HK', 22.3193, 114.1694, 'Asia/Hong_Kong', '999077',
    ['113.252.0.0/14', '58.152.0.0/14']], // HKBN, Netvigator
  ['TW', 'Taiwan', 'Taipei', 'TPE', 'Taipei', 'TPE', 25.033, 121.5654, 'Asia/Taipei', '100',
    ['120.96.0.0/11', '114.32.0.0/12']], // TANet, HiNet
  ['IR', 'Iran', 'Tehran', 'IKA', 'Tehran', '23', 35.6892, 51.389, 'Asia/Tehran', '11369',
    ['2.176.0.0/12']], // TCI
  ['TR', 'Turkey', 'Istanbul', 'IST', 'Istanbul', '34', 41.0082, 28.9784, 'Europe/Istanbul', '34110',
    ['78.160.0.0/11', '88.224.0.0/11']], // Türk Telekom
  ['PL', 'Poland', 'Warsaw', 'WAW', 'Masovia', '14', 52.2297, 21.0122, 'Europe/Warsaw', '00-001',
    ['83.0.0.0/11']], // Orange Polska
  ['RO', 'Romania', 'Bucharest', 'OTP', 'Bucharest', 'B', 44.4268, 26.1025, 'Europe/Bucharest', '010011',
    ['79.112.0.0/13']], // Digi (RCS & RDS)
  ['BG', 'Bulgaria', 'Sofia', 'SOF', 'Sofia City', '22', 42.6977, 23.3219, 'Europe/Sofia', '1000',
    ['95.42.0.0/15']], // Vivacom
  ['SE', 'Sweden', 'Stockholm', 'ARN', 'Stockholm', 'AB', 59.3293, 18.0686, 'Europe/Stockholm', '111 20',
    ['78.64.0.0/12']], // Telia
  ['FI', 'Finland', 'Helsinki', 'HEL', 'Uusimaa', '18', 60.1699, 24.9384, 'Europe/Helsinki', '00100',
    ['91.152.0.0/13', '193.166.0.0/15']], // Elisa, FUNET
  ['IT', 'Italy', 'Milan', 'MXP', 'Lombardy', '25', 45.4642, 9.19, 'Europe/Rome', '20121',
    ['79.0.0.0/10']], // TIM
  ['ES', 'Spain', 'Madrid', 'MAD', 'Madrid', 'MD', 40.4168, -3.7038, 'Europe/Madrid', '28001',
    ['88.0.0.0/11', '80.24.0.0/13']], // Telefónica
  ['AU', 'Australia', 'Sydney', 'SYD', 'New South Wales', 'NSW', -33.8688, 151.2093, 'Australia/Sydney', '2000',
    ['1.128.0.0/11', '101.160.0.0/11']], // Telstra
  ['ZA', 'South Africa', 'Johannesburg', 'JNB', 'Gauteng', 'GT', -26.2041, 28.0473, 'Africa/Johannesburg', '2001',
    ['41.0.0.0/11', '196.25.0.0/16']], // Telkom SA
  ['NG', 'Nigeria', 'Lagos', 'LOS', 'Lagos', 'LA', 6.5244, 3.3792, 'Africa/Lagos', '100001',
    ['105.112.0.0/12', '197.210.0.0/16']], // Airtel, MTN
  ['AR', 'Argentina', 'Buenos Aires', 'EZE', 'Buenos Aires', 'C', -34.6037, -58.3816, 'America/Argentina/Buenos_Aires', 'C1002',
    ['181.0.0.0/12']], // Telecom Argentina
  ['MX', 'Mexico', 'Mexico City', 'MEX', 'Mexico City', 'CMX', 19.4326, -99.1332, 'America/Mexico_City', '06000',
    ['187.192.0.0/11', '189.128.0.0/11']], // Telmex
  ['TH', 'Thailand', 'Bangkok', 'BKK', 'Bangkok', '10', 13.7563, 100.5018, 'Asia/Bangkok', '10200',
    ['171.96.0.0/13']], // True Internet
  ['PK', 'Pakistan', 'Karachi', 'KHI', 'Sindh', 'SD', 24.8607, 67.0011, 'Asia/Karachi', '74000',
    ['39.32.0.0/11']], // PTCL
  ['BD', 'Bangladesh', 'Dhaka', 'DAC', 'Dhaka', '13', 23.8103, 90.4125, 'Asia/Dhaka', '1000',
    ['114.130.0.0/16']], // BTCL
];

export const COUNTRIES: readonly CountryRecord[] = ROWS.map(
  ([code, name, city, cityCode, region, regionCode, latitude, longitude, timeZone, zip, ranges]) => ({
    code,
    name,
    city,
    cityCode,
    region,
    regionCode,
    latitude,
    longitude,
    timeZone,
    zip,
    ranges,
  }),
);
