/**
 * Name resolution and connection, pinned: a host name is resolved once, every address it gave is
 * checked, and the connection goes to the checked address itself (the Host header and TLS server
 * name keep the original name), so a DNS answer that changes between check and connect cannot
 * slip an internal address in. Both steps can be replaced — tests inject a DNS stub and a
 * connector that records instead of connecting, so no packet ever leaves the machine.
 */
import { lookup } from 'node:dns/promises';
import net from 'node:net';
import tls from 'node:tls';
import type { Duplex } from 'node:stream';
import { bareHost, checkAddress, ipLiteral, type AllowList } from './address';
import { ImportError } from '../importTypes';

/** Resolves a host name to every address it has. */
export type Resolver = (host: string) => Promise<string[]>;

/** Where one request connects: the checked IP, the port, and the name for TLS. */
export interface ConnectTarget {
  address: string;
  port: number;
  tls: boolean;
  /** Host name for SNI and certificate checks (absent for IP-literal hosts). */
  servername?: string;
}

/** Opens the socket for one request. */
export type Connector = (target: ConnectTarget) => Duplex;

export const systemResolver: Resolver = async (host) => {
  const found = await lookup(host, { all: true, verbatim: true });
  return found.map((a) => a.address);
};

export const systemConnector: Connector = (t) =>
  t.tls
    ? tls.connect({ host: t.address, port: t.port, ALPNProtocols: ['http/1.1'], ...(t.servername ? { servername: t.servername } : {}) })
    : net.connect({ host: t.address, port: t.port });

/**
 * The address to connect to for `url`, after checking it (IP literal) or every address its name
 * resolves to (any refused address refuses the host: a name that mixes public and internal
 * answers is not trusted).
 */
export async function pinTarget(url: URL, resolve: Resolver, allow: AllowList): Promise<ConnectTarget> {
  const host = bareHost(url);
  const isTls = url.protocol === 'https:';
  const port = url.port ? Number(url.port) : isTls ? 443 : 80;
  const literal = ipLiteral(host);
  if (literal) {
    checkAddress(literal, allow);
    return { address: literal, port, tls: isTls };
  }
  let addresses: string[];
  try {
    addresses = await resolve(host);
  } catch {
    throw new ImportError('network', `Could not find the site ${host} (the name does not resolve).`);
  }
  if (addresses.length === 0) throw new ImportError('network', `Could not find the site ${host} (the name does not resolve).`);
  for (const a of addresses) checkAddress(a, allow);
  return { address: addresses[0]!, port, tls: isTls, servername: host };
}
