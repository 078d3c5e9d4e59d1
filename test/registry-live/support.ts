// Helpers of the live registry suite: the suite info written by scripts/registry.sh, skopeo as
// the independent client, the token server behind the token-auth registry, and a fault proxy.
import { execFile } from 'node:child_process';
import { createHash, createSign, randomUUID, X509Certificate } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { createServer, request, type IncomingHttpHeaders, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface CatalogueImage {
  readonly name: string;
  readonly repository: string;
  readonly tag: string;
  readonly kind: 'manifest' | 'index';
  readonly mediaType: string;
  readonly note: string;
  readonly platforms?: readonly { os: string; architecture: string; variant?: string; 'os.version'?: string }[];
}

export interface SuiteInfo {
  readonly anonymous: string;
  readonly basic: string;
  readonly token: string;
  readonly realm: { host: string; port: number; service: string; issuer: string; key: string; cert: string };
  readonly credentials: { username: string; password: string };
  readonly images: readonly CatalogueImage[];
}

const INFO = '/tmp/container-argv-registry/registry.json';

/** The suite info, or a clear error telling how to start the registries. */
export function suiteInfo(): SuiteInfo {
  if (!existsSync(INFO)) throw new Error(`${INFO} is missing: run \`bash scripts/registry.sh up\` first`);
  return JSON.parse(readFileSync(INFO, 'utf8')) as SuiteInfo;
}

export const sha256 = (b: Uint8Array) => `sha256:${createHash('sha256').update(b).digest('hex')}`;

/** Runs skopeo (asynchronously: the token server answering it lives in this process) and returns stdout bytes. */
export function skopeo(args: readonly string[]): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    execFile('skopeo', [...args], { encoding: 'buffer', timeout: 30_000, maxBuffer: 16 << 20 }, (err, stdout, stderr) => {
      if (err) reject(new Error(`skopeo ${args.join(' ')}: ${String(stderr)}`));
      else resolve(stdout);
    });
  });
}

export async function listen(server: Server, port = 0): Promise<number> {
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  return (server.address() as AddressInfo).port;
}

export async function close(server: Server): Promise<void> {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
}

const b64url = (b: Buffer | string) => Buffer.from(b).toString('base64url');

/**
 * distribution's token server protocol (docs/spec/auth/token.md) for the token-auth registry:
 * GET /token?service=…&scope=repository:NAME:pull answers `{"token": JWT}`, RS256-signed with the
 * key scripts/registry.sh generated; the certificate rides in the `x5c` header, as distribution
 * 2.8 verifies it against its rootcertbundle. Anonymous requests get pull access; requests with
 * Basic credentials must carry the right ones.
 */
export function tokenServer(info: SuiteInfo) {
  const key = readFileSync(info.realm.key, 'utf8');
  const der = new X509Certificate(readFileSync(info.realm.cert)).raw;
  const seen: { authorization: string | undefined; query: string }[] = [];
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    seen.push({ authorization: req.headers.authorization, query: url.search });
    const auth = req.headers.authorization;
    if (auth !== undefined) {
      const expected = `Basic ${Buffer.from(`${info.credentials.username}:${info.credentials.password}`).toString('base64')}`;
      if (auth !== expected) {
        res.writeHead(401, { 'Content-Type': 'application/json' }).end('{"details":"incorrect username or password"}');
        return;
      }
    }
    const scope = url.searchParams.get('scope') ?? '';
    const [, name = '', actions = ''] = scope.split(':');
    const now = Math.floor(Date.now() / 1000);
    const header = { typ: 'JWT', alg: 'RS256', x5c: [der.toString('base64')] };
    const claims = {
      iss: info.realm.issuer,
      sub: auth === undefined ? '' : info.credentials.username,
      aud: url.searchParams.get('service'),
      exp: now + 300,
      nbf: now - 10,
      iat: now,
      jti: randomUUID(),
      access: actions.split(',').includes('pull') ? [{ type: 'repository', name, actions: ['pull'] }] : [],
    };
    const input = `${b64url(JSON.stringify(header))}.${b64url(JSON.stringify(claims))}`;
    const signature = createSign('RSA-SHA256').update(input).sign(key);
    res.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify({ token: `${input}.${b64url(signature)}` }));
  });
  return { server, seen };
}

/** What the fault proxy does with one request: pass it on, or answer it itself. */
export type Fault = (req: IncomingMessage, res: ServerResponse, forward: Forward) => void | Promise<void>;
export type Forward = (req: IncomingMessage) => Promise<{ status: number; headers: IncomingHttpHeaders; body: Buffer }>;

/** Forwards one request to `upstream` (host:port) and buffers the answer. */
export function forwarder(upstream: string): Forward {
  const [host, port] = upstream.split(':');
  return (req) =>
    new Promise((resolve, reject) => {
      const headers = { ...req.headers, host: upstream };
      const out = request({ host, port: Number(port), path: req.url, method: req.method, headers }, (up) => {
        const chunks: Buffer[] = [];
        up.on('data', (c: Buffer) => chunks.push(c));
        up.on('end', () => resolve({ status: up.statusCode ?? 502, headers: up.headers, body: Buffer.concat(chunks) }));
        up.on('error', reject);
      });
      out.on('error', reject);
      out.end();
    });
}

/** Sends a forwarded answer on, with the body (and Content-Length) replaced when given. */
export function relay(res: ServerResponse, up: { status: number; headers: IncomingHttpHeaders; body: Buffer }, body = up.body): void {
  const headers = { ...up.headers, 'content-length': String(body.length) };
  delete headers['transfer-encoding'];
  res.writeHead(up.status, headers).end(body);
}

/**
 * A proxy in front of a real registry. `fault` decides per request; `requests` records every
 * request line with its Authorization header.
 */
export function faultProxy(upstream: string) {
  const forward = forwarder(upstream);
  const requests: { url: string; authorization: string | undefined }[] = [];
  let fault: Fault = async (req, res) => relay(res, await forward(req));
  const server = createServer((req, res) => {
    requests.push({ url: req.url ?? '', authorization: req.headers.authorization });
    Promise.resolve(fault(req, res, forward)).catch(() => res.destroy());
  });
  return {
    server,
    requests,
    forward,
    set(f: Fault) {
      fault = f;
      requests.length = 0;
    },
  };
}
