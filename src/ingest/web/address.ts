/**
 * Which URLs and addresses Quotebook may fetch: http(s) only, and only public unicast addresses.
 * Every address a request would connect to — an IP literal in any spelling the URL parser accepts,
 * or each address a host name resolves to — goes through `checkAddress` before a connection opens.
 */
import { isIP } from 'node:net';
import ipaddr from 'ipaddr.js';
import { ImportError } from '../importTypes';

/** Longest URL a member may hand in; real article links are far shorter. */
export const MAX_URL_LENGTH = 2048;

/**
 * Parses a member's URL with the WHATWG parser (the same one that turns `0x7f000001`, `2130706433`
 * and `127.1` into `127.0.0.1`), keeping http(s) only and dropping any user name and password.
 */
export function parsePageUrl(raw: string, base?: URL): URL {
  const text = raw.trim();
  if (text.length === 0 || text.length > MAX_URL_LENGTH) throw new ImportError('bad-url', 'That is not a web address Quotebook can read.');
  let url: URL;
  try {
    url = base ? new URL(text, base) : new URL(text);
  } catch {
    throw new ImportError('bad-url', 'That is not a valid web address (it should start with https://).');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new ImportError('bad-url', 'Only http:// and https:// pages can be added.');
  }
  if (url.hostname === '') throw new ImportError('bad-url', 'That web address has no host name.');
  // Credentials in a shared link are never sent on a member's behalf.
  url.username = '';
  url.password = '';
  url.hash = '';
  return url;
}

/** `URL.hostname` without the brackets of an IPv6 literal. */
export function bareHost(url: URL): string {
  const h = url.hostname;
  return h.startsWith('[') && h.endsWith(']') ? h.slice(1, -1) : h;
}

/** The IP address a host name stands for literally, or null for a DNS name. */
export function ipLiteral(host: string): string | null {
  return isIP(host) !== 0 ? host : null;
}

/**
 * Addresses that are let through although not public: set only by tests and benches that serve
 * pages on 127.0.0.1 (exact addresses or CIDR ranges). Empty by default.
 */
export type AllowList = readonly string[];

/** Cloud metadata services named explicitly (most also fall in a refused range). */
const METADATA = ['169.254.169.254', 'fd00:ec2::254', '100.100.100.200', '169.254.170.2'];

/**
 * Throws `blocked-address` unless `address` is public unicast (or allow-listed). IPv4-mapped IPv6
 * addresses are judged as the IPv4 address they carry; translation ranges (6to4, Teredo, NAT64)
 * that can reach an internal IPv4 address are refused.
 */
export function checkAddress(address: string, allow: AllowList = []): void {
  let ip: ipaddr.IPv4 | ipaddr.IPv6;
  try {
    ip = ipaddr.parse(address.replace(/%.*$/, ''));
  } catch {
    throw blocked();
  }
  if (ip.kind() === 'ipv6' && (ip as ipaddr.IPv6).isIPv4MappedAddress()) ip = (ip as ipaddr.IPv6).toIPv4Address();
  if (allow.some((entry) => matches(ip, entry))) return;
  const normal = ip.toNormalizedString();
  if (METADATA.some((m) => ipaddr.parse(m).toNormalizedString() === normal)) throw blocked();
  if (ip.range() !== 'unicast') throw blocked();
}

function matches(ip: ipaddr.IPv4 | ipaddr.IPv6, entry: string): boolean {
  try {
    if (entry.includes('/')) {
      const [net, bits] = ipaddr.parseCIDR(entry);
      return net.kind() === ip.kind() && ip.match(net, bits);
    }
    const other = ipaddr.parse(entry);
    return other.kind() === ip.kind() && other.toNormalizedString() === ip.toNormalizedString();
  } catch {
    return false;
  }
}

function blocked(): ImportError {
  return new ImportError('blocked-address', 'That address points to a private or internal network, which Quotebook does not fetch.');
}
