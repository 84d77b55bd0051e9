/**
 * IPv4 addresses as numbers: parsing, CIDR blocks, and the special-use blocks (RFC 6890) that are never a
 * client on the internet, so that no generated "source address" is private, loopback or documentation.
 */
export interface Cidr {
  /** First address, as an unsigned 32-bit number. */
  start: number;
  size: number;
}

const IPV4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/;

/** The address as an unsigned number, or undefined when the text is not a dotted IPv4 address. */
export function parseIpv4(text: string): number | undefined {
  const parts = IPV4.exec(text);
  if (!parts) return undefined;
  const octets = parts.slice(1).map(Number);
  if (octets.some((o) => o > 255)) return undefined;
  return octets.reduce((n, o) => n * 256 + o, 0);
}

export function formatIpv4(n: number): string {
  return [24, 16, 8, 0].map((shift) => Math.floor(n / 2 ** shift) % 256).join('.');
}

export function parseCidr(text: string): Cidr {
  const [address, bits] = text.split('/');
  const start = parseIpv4(address);
  const prefix = Number(bits);
  if (start === undefined || !Number.isInteger(prefix) || prefix < 0 || prefix > 32)
    throw new Error(`not a CIDR block: '${text}'`);
  const size = 2 ** (32 - prefix);
  if (start % size !== 0) throw new Error(`CIDR block '${text}' does not start on its boundary`);
  return { start, size };
}

export function inCidr(n: number, cidr: Cidr): boolean {
  return n >= cidr.start && n < cidr.start + cidr.size;
}

/** Blocks that are not unicast addresses of the public internet (RFC 6890 and its updates). */
export const SPECIAL_USE: readonly Cidr[] = [
  '0.0.0.0/8', // "this network"
  '10.0.0.0/8', // private
  '100.64.0.0/10', // carrier-grade NAT
  '127.0.0.0/8', // loopback
  '169.254.0.0/16', // link-local
  '172.16.0.0/12', // private
  '192.0.0.0/24', // IETF protocol assignments
  '192.0.2.0/24', // TEST-NET-1
  '192.88.99.0/24', // 6to4 relay anycast
  '192.168.0.0/16', // private
  '198.18.0.0/15', // benchmarking
  '198.51.100.0/24', // TEST-NET-2
  '203.0.113.0/24', // TEST-NET-3
  '224.0.0.0/3', // multicast, reserved and broadcast
].map(parseCidr);

/** Whether the text is an IPv4 address a client on the public internet could have. */
export function isPublicIpv4(text: string): boolean {
  const n = parseIpv4(text);
  return n !== undefined && !SPECIAL_USE.some((block) => inCidr(n, block));
}

/** An address inside the block that is neither its network nor a .0/.255 address (which read as odd). */
export function addressIn(cidr: Cidr, random: (max: number) => number): string {
  if (cidr.size <= 256) return formatIpv4(cidr.start + 1 + random(Math.max(0, cidr.size - 3)));
  const subnet = random(cidr.size / 256 - 1);
  return formatIpv4(cidr.start + subnet * 256 + 1 + random(253));
}
