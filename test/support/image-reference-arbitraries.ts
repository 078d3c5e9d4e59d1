import fc from 'fast-check';

// Arbitraries for image reference text: near-misses of the grammar, built from its own pieces
// (hosts, ports, IPv6, path components and separators, tags, digests) plus characters that break
// it (upper case, `_` in hosts, `%`, `~`, Kelvin sign, dotless/dotted i). Used by the property
// tests and by scripts/record-image-references.ts to pick inputs for the docker CLI probe.

const HEX: string = '0123456789abcdef';
const hexArb = (length: number, upper = false) => fc.string({ unit: fc.constantFrom(...(upper ? `${HEX}ABCDEF` : HEX)), minLength: length, maxLength: length });

export const hostArb = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.constantFrom(
      'docker.io',
      'index.docker.io',
      'localhost',
      'gcr.io',
      'b.gcr.io',
      'Foo',
      'LOCALDOMAIN',
      'my_reg.local',
      'a-b.com',
      '-ab.com',
      'ab-.com',
      'xn--n3h.com',
      '127.0.0.1',
      'foo',
      'library',
    ),
  },
  { weight: 1, arbitrary: fc.constantFrom('[::1]', '[2001:db8::1]', '[fe80::1%eth0]', '[]', '[g::1]') },
);
export const portArb = fc.oneof({ weight: 3, arbitrary: fc.constant('') }, { weight: 1, arbitrary: fc.constantFrom(':5000', ':80', ':http', ':', ':0') });
export const componentArb = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.constantFrom(
      'node',
      'library',
      'a',
      'ab',
      'a.b',
      'a_b',
      'a__b',
      'a___b',
      'a-b',
      'a---b',
      'a..b',
      '-a',
      'a-',
      '_a',
      'Node',
      'nODE',
      'sha256',
      'x\u212Ay',
      'x\u0130y',
      'é',
    ),
  },
  { weight: 3, arbitrary: fc.stringMatching(/^[a-z0-9]{1,4}(?:[._-][a-z0-9]{1,3}){0,2}$/) },
  { weight: 1, arbitrary: hexArb(64) },
);
export const tagArb = fc.oneof(
  fc.constantFrom('20', 'latest', 'Latest', '_x', '.x', '-x', 'a.b-c_d', 'a~b', 'x'.repeat(128), 'x'.repeat(129)),
  fc.stringMatching(/^[A-Za-z0-9_][A-Za-z0-9_.-]{0,6}$/),
);
export const digestArb = fc.oneof(
  hexArb(64).map((h) => `sha256:${h}`),
  hexArb(64, true).map((h) => `sha256:${h}`),
  hexArb(96).map((h) => `sha384:${h}`),
  hexArb(128).map((h) => `sha512:${h}`),
  hexArb(32).map((h) => `sha256:${h}`),
  hexArb(64).map((h) => `SHA256:${h}`),
  hexArb(64).map((h) => `md5:${h}`),
  hexArb(64).map((h) => `sha256+b64:${h}`),
  hexArb(31).map((h) => `sha256:${h}`),
);

/** Structured near-references: `[host[:port]/]path[:tag][@digest]` with each part sometimes broken. */
export const referenceLikeArb = fc
  .tuple(
    fc.option(fc.tuple(hostArb, portArb), { freq: 2 }),
    fc.array(componentArb, { minLength: 1, maxLength: 3 }),
    fc.option(tagArb, { freq: 2 }),
    fc.option(digestArb, { freq: 3 }),
  )
  .map(([host, path, tag, digest]) => {
    const prefix = host === null ? '' : `${host[0]}${host[1]}/`;
    return `${prefix}${path.join('/')}${tag === null ? '' : `:${tag}`}${digest === null ? '' : `@${digest}`}`;
  });

/** Short strings over the grammar's alphabet and its neighbours. */
export const referenceAlphabetArb = fc.string({
  unit: fc.constantFrom('a', 'b', 'f', '0', '1', '.', '_', '-', '/', ':', '@', '[', ']', 'A', 'Z', '~', '%', ' ', 'l', 'o', 's', 'h', '2', '5', '6'),
  maxLength: 24,
});

/** Any image-reference-like text: mostly structured, some raw. */
export const referenceTextArb = fc.oneof({ weight: 3, arbitrary: referenceLikeArb }, { weight: 1, arbitrary: referenceAlphabetArb });
