import {
  addressIn,
  formatIpv4,
  inCidr,
  isPublicIpv4,
  parseCidr,
  parseIpv4,
} from '../../../src/generate/ipv4';
import { createFaker } from '../../../src/generate/seed';

describe('IPv4 addresses', () => {
  it('parses dotted addresses and nothing else', () => {
    expect(parseIpv4('0.0.0.0')).toBe(0);
    expect(parseIpv4('1.2.3.4')).toBe(0x01020304);
    expect(parseIpv4('255.255.255.255')).toBe(2 ** 32 - 1);
    for (const text of ['256.1.1.1', '1.2.3', '1.2.3.4.5', 'a.b.c.d', '1.2.3.4:80', '', ' 1.2.3.4'])
      expect(parseIpv4(text)).toBeUndefined();
    expect(formatIpv4(parseIpv4('203.0.113.7') as number)).toBe('203.0.113.7');
  });

  it('reads CIDR blocks and refuses one that does not start on its boundary', () => {
    expect(parseCidr('10.0.0.0/8')).toEqual({ start: 10 * 2 ** 24, size: 2 ** 24 });
    expect(inCidr(parseIpv4('10.255.255.255') as number, parseCidr('10.0.0.0/8'))).toBe(true);
    expect(inCidr(parseIpv4('11.0.0.0') as number, parseCidr('10.0.0.0/8'))).toBe(false);
    expect(() => parseCidr('10.0.0.1/8')).toThrow('boundary');
    expect(() => parseCidr('10.0.0.0/33')).toThrow('not a CIDR block');
  });

  it.each([
    ['0.1.2.3', false],
    ['10.1.2.3', false],
    ['100.64.0.1', false],
    ['100.127.255.254', false],
    ['127.0.0.1', false],
    ['169.254.10.10', false],
    ['172.16.0.1', false],
    ['172.31.255.254', false],
    ['192.0.2.10', false],
    ['192.168.1.1', false],
    ['198.18.0.1', false],
    ['198.51.100.7', false],
    ['203.0.113.10', false],
    ['224.0.0.251', false],
    ['239.255.255.250', false],
    ['255.255.255.255', false],
    ['8.8.8.8', true],
    ['100.63.255.255', true],
    ['100.128.0.1', true],
    ['172.15.255.255', true],
    ['172.32.0.1', true],
    ['192.169.0.1', true],
    ['223.255.255.254', true],
    ['not an address', false],
  ])('%s is public: %s', (ip, expected) => {
    expect(isPublicIpv4(ip)).toBe(expected);
  });

  it('draws addresses inside the block, never its .0 or .255', () => {
    const faker = createFaker(7);
    const random = (max: number) => faker.number.int({ min: 0, max });
    for (const block of ['91.0.0.0/10', '51.159.0.0/16', '196.25.0.0/24']) {
      const cidr = parseCidr(block);
      for (let i = 0; i < 200; i++) {
        const ip = addressIn(cidr, random);
        expect(inCidr(parseIpv4(ip) as number, cidr)).toBe(true);
        expect(ip).not.toMatch(/\.(0|255)$/);
      }
    }
  });
});
