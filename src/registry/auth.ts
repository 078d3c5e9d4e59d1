/**
 * `WWW-Authenticate` challenges (RFC 9110 §11.6.1) and the header values this client sends:
 * HTTP Basic (RFC 7617) and the bearer token of distribution's token flow
 * (distribution docs/spec/auth/token.md).
 */

/** User name and password (or access token) for one registry. */
export interface Credentials {
  readonly username: string;
  readonly password: string;
}

/** One challenge: the scheme in lower case and its parameters (names in lower case). */
export interface Challenge {
  readonly scheme: string;
  readonly params: Readonly<Record<string, string>>;
}

/** RFC 9110 `tchar`. */
const isTokenChar = (c: string | undefined) => c !== undefined && c > ' ' && c < '\x7f' && !'"(),/:;<=>?@[\\]{}'.includes(c);

/**
 * Splits a `WWW-Authenticate` value into challenges, e.g.
 * `Bearer realm="https://auth.docker.io/token",service="registry.docker.io"` →
 * `[{ scheme: 'bearer', params: { realm: 'https://auth.docker.io/token', service: 'registry.docker.io' } }]`.
 * One linear pass; malformed parts are skipped.
 */
export function parseChallenges(header: string): Challenge[] {
  const out: Challenge[] = [];
  let i = 0;
  const token = () => {
    const start = i;
    while (isTokenChar(header[i])) i++;
    return header.slice(start, i);
  };
  const skip = (chars: string) => {
    while (i < header.length && chars.includes(header[i]!)) i++;
  };
  while (i < header.length) {
    skip(' \t,');
    const scheme = token();
    if (scheme === '') {
      i++;
      continue;
    }
    const params: Record<string, string> = {};
    for (;;) {
      skip(' \t');
      const save = i;
      const name = token();
      skip(' \t');
      if (name === '' || header[i] !== '=') {
        i = save; // not an auth-param: the next challenge (or junk the outer loop steps over)
        break;
      }
      i++;
      skip(' \t');
      params[name.toLowerCase()] = header[i] === '"' ? quoted() : token();
      skip(' \t');
      if (header[i] !== ',') break;
      i++;
    }
    out.push({ scheme: scheme.toLowerCase(), params });
  }
  return out;

  function quoted(): string {
    let value = '';
    for (i++; i < header.length && header[i] !== '"'; i++) {
      if (header[i] === '\\' && i + 1 < header.length) i++;
      value += header[i];
    }
    i++;
    return value;
  }
}

/** `Basic base64(user:password)`, the user and password taken as UTF-8. */
export function basicAuthorization(c: Credentials): string {
  const bytes = new TextEncoder().encode(`${c.username}:${c.password}`);
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return `Basic ${btoa(binary)}`;
}
