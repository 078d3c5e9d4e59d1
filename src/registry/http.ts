import type { Diagnostic, Issue } from '../core/types.js';
import { basicAuthorization, parseChallenges, type Challenge, type Credentials } from './auth.js';
import type { RegistryTarget } from './reference.js';

/**
 * The HTTP side of the client: one GET with a timeout, a byte limit and manual redirects that
 * never carry the `Authorization` header to another origin; retries on 429/5xx and broken
 * connections; the 401 challenge round (Basic, or distribution's bearer token flow).
 */

/** The `fetch` this client calls (the global one by default). */
export type FetchFunction = (input: string, init: RequestInit) => Promise<Response>;

/** Everything one lookup shares between its requests. */
export interface Session {
  readonly fetch: FetchFunction;
  readonly timeoutMs: number;
  readonly maxRetries: number;
  readonly maxRetryDelayMs: number;
  readonly signal: AbortSignal | undefined;
  readonly sleep: (ms: number) => Promise<void>;
  readonly target: RegistryTarget;
  readonly credentials: Credentials | undefined;
  readonly insecureRegistries: readonly string[];
  readonly diagnostics: Diagnostic[];
  /** The `Authorization` value for the registry's origin, once a challenge was answered. */
  authorization: string | undefined;
  challenged: boolean;
}

/** One GET: where, what it accepts, how many body bytes at most, and how to name it in messages. */
export interface Exchange {
  readonly url: string;
  readonly accept: string;
  readonly maxBytes: number;
  readonly what: string;
}

/** A complete answer (any status) with its body read. */
export interface Reply {
  readonly status: number;
  readonly statusText: string;
  readonly headers: Headers;
  readonly body: Uint8Array;
  readonly url: string;
}

interface Attempt extends Exchange {
  readonly authorization: string | undefined;
  /** The only origin `authorization` is ever sent to. */
  readonly authOrigin: string;
}

type Failed = Issue & { readonly retry?: boolean };

/** Statuses worth another try (RFC 9110: 429 Too Many Requests; 5xx but 501 Not Implemented). */
const RETRY_STATUS = new Set([429, 500, 502, 503, 504]);
/** Go's http.Client stops after 10 redirects; so does this client. */
export const MAX_REDIRECTS = 10;
/** Bytes of an error body read for its message. */
const ERROR_BODY_BYTES = 64 * 1024;

const isFailed = (r: Reply | Failed): r is Failed => 'code' in r;

/** Drops a body that will not be read, so the connection can be reused. */
function discard(res: Response): void {
  res.body?.cancel().catch(() => undefined);
}

/** Reads at most `max` bytes of a body; `undefined` when it is longer (it is then cancelled). */
async function readBody(res: Response, max: number): Promise<Uint8Array | undefined> {
  const declared = Number(res.headers.get('content-length') ?? Number.NaN);
  if (declared > max) {
    discard(res);
    return undefined;
  }
  if (res.body === null) return new Uint8Array(0);
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.length;
    if (total > max) {
      reader.cancel().catch(() => undefined);
      return undefined;
    }
    chunks.push(value);
  }
  const out = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

/** A thrown fetch error in a few words: undici puts the socket error in `cause`. */
function describeError(e: unknown): string {
  if (!(e instanceof Error)) return String(e);
  const cause = (e as { cause?: unknown }).cause;
  if (cause instanceof Error && cause.message !== '') return `${e.message}: ${cause.message}`;
  return e.message;
}

/** One request and its redirects, under one timeout that also covers reading the body. */
async function attempt(s: Session, a: Attempt): Promise<Reply | Failed> {
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, s.timeoutMs);
  const onAbort = () => controller.abort();
  s.signal?.addEventListener('abort', onAbort, { once: true });
  try {
    let url = a.url;
    for (let hop = 0; ; hop++) {
      const headers: Record<string, string> = { Accept: a.accept };
      // Credentials stay with the origin they are for: a redirect to blob storage (or anywhere
      // else) gets no Authorization header.
      if (a.authorization !== undefined && new URL(url).origin === a.authOrigin) headers['Authorization'] = a.authorization;
      const init: RequestInit = { method: 'GET', headers, redirect: 'manual', signal: controller.signal };
      let res = await s.fetch(url, init);
      // Browsers hide manual redirects (an opaque response without Location); there, let fetch
      // follow them: the Fetch standard removes Authorization on a cross-origin redirect.
      if (res.type === 'opaqueredirect') res = await s.fetch(url, { ...init, redirect: 'follow' });
      const location = res.status >= 300 && res.status < 400 ? res.headers.get('location') : null;
      if (location === null) {
        const limit = res.ok ? a.maxBytes : Math.min(a.maxBytes, ERROR_BODY_BYTES);
        const body = await readBody(res, limit);
        if (body === undefined && res.ok) {
          return { code: 'registry-too-large', message: `${a.what}: larger than the limit of ${a.maxBytes} bytes` };
        }
        return { status: res.status, statusText: res.statusText, headers: res.headers, body: body ?? new Uint8Array(0), url };
      }
      discard(res);
      const next = new URL(location, url);
      if (next.protocol !== 'https:' && next.protocol !== 'http:') {
        return { code: 'registry-redirect', message: `${a.what}: redirect to unsupported URL ${JSON.stringify(next.href)}` };
      }
      if (hop + 1 > MAX_REDIRECTS) return { code: 'registry-redirect', message: `${a.what}: stopped after ${MAX_REDIRECTS} redirects` };
      url = next.href;
    }
  } catch (e) {
    if (s.signal?.aborted) return { code: 'registry-aborted', message: `${a.what}: aborted` };
    if (timedOut) return { code: 'registry-timeout', message: `${a.what}: no complete answer within ${s.timeoutMs} ms` };
    return { code: 'registry-network-error', message: `${a.what}: ${describeError(e)}`, retry: true };
  } finally {
    clearTimeout(timer);
    s.signal?.removeEventListener('abort', onAbort);
  }
}

/** `Retry-After` in milliseconds: delay-seconds or an HTTP-date (RFC 9110 §10.2.3). */
export function retryAfterMs(value: string | null, now: number): number | undefined {
  if (value === null) return undefined;
  const v = value.trim();
  if (/^[0-9]+$/.test(v)) return Number(v) * 1000;
  if (!/^[A-Za-z]{3}, /.test(v)) return undefined; // IMF-fixdate starts with the day name
  const date = Date.parse(v);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/** Exponential backoff when the server names no delay: 500 ms, 1 s, 2 s… capped. */
function backoffMs(n: number, cap: number): number {
  return Math.min(500 * 2 ** n, cap);
}

/**
 * Sends `a`, again after 429/5xx (honouring Retry-After) or a broken connection, at most
 * `maxRetries` more times. A Retry-After longer than `maxRetryDelayMs` is not waited for: the
 * answer is returned as it is. Timeouts are not retried.
 */
async function request(s: Session, a: Attempt): Promise<Reply | Failed> {
  for (let n = 0; ; n++) {
    if (s.signal?.aborted) return { code: 'registry-aborted', message: `${a.what}: aborted` };
    const r = await attempt(s, a);
    let delay: number;
    let reason: string;
    if (isFailed(r)) {
      if (r.retry !== true || n >= s.maxRetries) return r.retry === true ? { code: r.code, message: r.message } : r;
      delay = backoffMs(n, s.maxRetryDelayMs);
      reason = r.message;
    } else {
      if (!RETRY_STATUS.has(r.status) || n >= s.maxRetries) return r;
      const retryAfter = r.headers.get('retry-after');
      const asked = retryAfterMs(retryAfter, Date.now());
      if (asked !== undefined && asked > s.maxRetryDelayMs) return r;
      delay = asked ?? backoffMs(n, s.maxRetryDelayMs);
      reason = `${a.what}: HTTP ${r.status}${asked === undefined ? '' : ` (Retry-After ${String(retryAfter)})`}`;
    }
    s.diagnostics.push({ code: 'registry-retried', severity: 'info', message: `${reason}; retry ${n + 1} of ${s.maxRetries} in ${delay} ms` });
    await s.sleep(delay);
  }
}

/** The registry's own error text (`{"errors":[{"code":"MANIFEST_UNKNOWN","message":…}]}`), as docker prints it. */
function errorText(r: Reply): string {
  try {
    const json = JSON.parse(new TextDecoder().decode(r.body)) as { errors?: { code?: unknown; message?: unknown }[] };
    const parts = (json.errors ?? [])
      .filter((e) => typeof e?.code === 'string')
      .map((e) => `${(e.code as string).toLowerCase().replaceAll('_', ' ')}${typeof e.message === 'string' && e.message !== '' ? `: ${e.message}` : ''}`);
    if (parts.length > 0) return parts.join('; ');
  } catch {
    // not JSON: fall through to the status line
  }
  return `HTTP ${r.status}${r.statusText === '' ? '' : ` ${r.statusText}`}`;
}

/** The issue for a final non-2xx answer. */
export function statusIssue(r: Reply, what: string): Issue {
  const code = r.status === 401 ? 'registry-unauthorized' : r.status === 403 ? 'registry-denied' : r.status === 404 ? 'registry-not-found' : 'registry-http-error';
  const after = r.headers.get('retry-after');
  const hint = RETRY_STATUS.has(r.status) && after !== null ? ` (Retry-After ${after})` : '';
  return { code, message: `${what}: ${errorText(r)}${hint}` };
}

/** Plain http is allowed for a host in `insecureRegistries` and for the registry itself when it is reached over http. */
function isInsecure(s: Session, host: string): boolean {
  return s.insecureRegistries.some((h) => h.toLowerCase() === host.toLowerCase()) || s.target.origin === `http://${host}`;
}

/** Distribution's token flow: GET realm?service=…&scope=repository:NAME:pull, Basic auth when there are credentials. */
async function fetchToken(s: Session, challenge: Challenge, what: string): Promise<string | Issue> {
  const realm = challenge.params['realm'];
  let url: URL;
  try {
    url = new URL(realm ?? '');
  } catch {
    return { code: 'registry-unauthorized', message: `${what}: bearer challenge without a valid realm (${JSON.stringify(realm ?? '')})` };
  }
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && isInsecure(s, url.host))) {
    return { code: 'registry-unauthorized', message: `${what}: token realm ${JSON.stringify(url.href)} is not https` };
  }
  const service = challenge.params['service'];
  if (service !== undefined) url.searchParams.set('service', service);
  url.searchParams.append('scope', `repository:${s.target.repository}:pull`);
  if (s.credentials !== undefined) url.searchParams.set('account', s.credentials.username);
  const tokenWhat = `fetching token from ${url.origin}${url.pathname}`;
  const r = await request(s, {
    url: url.href,
    accept: 'application/json',
    maxBytes: ERROR_BODY_BYTES * 16,
    what: tokenWhat,
    authorization: s.credentials === undefined ? undefined : basicAuthorization(s.credentials),
    authOrigin: url.origin,
  });
  if (isFailed(r)) return r;
  if (r.status < 200 || r.status > 299) return statusIssue(r, tokenWhat);
  let token: unknown;
  try {
    const json = JSON.parse(new TextDecoder().decode(r.body)) as { token?: unknown; access_token?: unknown };
    token = json.token ?? json.access_token;
  } catch {
    token = undefined;
  }
  if (typeof token !== 'string' || token === '') return { code: 'registry-unauthorized', message: `${tokenWhat}: the answer has no token` };
  return `Bearer ${token}`;
}

/** The `Authorization` value answering a 401's challenges, or the issue why there is none. */
async function answerChallenge(s: Session, r: Reply, what: string): Promise<string | Issue> {
  const challenges = parseChallenges(r.headers.get('www-authenticate') ?? '');
  const bearer = challenges.find((c) => c.scheme === 'bearer');
  if (bearer !== undefined) return fetchToken(s, bearer, what);
  if (challenges.some((c) => c.scheme === 'basic')) {
    if (s.credentials !== undefined) return basicAuthorization(s.credentials);
    return { code: 'registry-unauthorized', message: `${what}: ${errorText(r)} (no credentials for ${s.target.host})` };
  }
  return statusIssue(r, what);
}

/** GETs a registry URL: answers one 401 challenge per lookup, then maps non-2xx to an issue. */
export async function registryGet(s: Session, e: Exchange): Promise<Reply | Issue> {
  const send = () => request(s, { ...e, authorization: s.authorization, authOrigin: s.target.origin });
  let r = await send();
  if (isFailed(r)) return r;
  if (r.status === 401 && !s.challenged) {
    s.challenged = true;
    const authorization = await answerChallenge(s, r, e.what);
    if (typeof authorization !== 'string') return authorization;
    s.authorization = authorization;
    r = await send();
    if (isFailed(r)) return r;
  }
  if (r.status < 200 || r.status > 299) return statusIssue(r, e.what);
  return r;
}
