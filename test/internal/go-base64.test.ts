import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { decodeGoBase64, goBase64Error, goString, utf8Bytes } from '../../src/internal/go-base64.js';

// golang/go src/encoding/base64/base64_test.go at 185e6094fd96 (TestDecodeCorrupt): input → the
// CorruptInputError offset, -1 for none. The decoder is read from base64.go at 10a01cd69af6.
const CORRUPT: readonly { input: string; offset: number }[] = [
  { input: '', offset: -1 },
  { input: '\n', offset: -1 },
  { input: 'AAA=\n', offset: -1 },
  { input: 'AAAA\n', offset: -1 },
  { input: '!!!!', offset: 0 },
  { input: '====', offset: 0 },
  { input: 'x===', offset: 1 },
  { input: '=AAA', offset: 0 },
  { input: 'A=AA', offset: 1 },
  { input: 'AA=A', offset: 2 },
  { input: 'AA==A', offset: 4 },
  { input: 'AAA=AAAA', offset: 4 },
  { input: 'AAAAA', offset: 4 },
  { input: 'AAAAAA', offset: 4 },
  { input: 'A=', offset: 1 },
  { input: 'A==', offset: 1 },
  { input: 'AA=', offset: 3 },
  { input: 'AA==', offset: -1 },
  { input: 'AAA=', offset: -1 },
  { input: 'AAAA', offset: -1 },
  { input: 'AAAAAA=', offset: 7 },
  { input: 'YWJjZA=====', offset: 8 },
  { input: 'A!\n', offset: 1 },
  { input: 'A=\n', offset: 1 },
];

// Same file, TestNewLineCharacters: each decodes to "sure".
const NEWLINES = [
  'c3VyZQ==',
  'c3VyZQ==\r',
  'c3VyZQ==\n',
  'c3VyZQ==\r\n',
  'c3VyZ\r\nQ==',
  'c3V\ryZ\nQ==',
  'c3V\nyZ\rQ==',
  'c3VyZ\nQ==',
  'c3VyZQ\n==',
  'c3VyZQ=\n=',
  'c3VyZQ=\r\n\r\n=',
];

describe('decodeGoBase64', () => {
  it.for(CORRUPT)('$input → offset $offset (Go TestDecodeCorrupt)', ({ input, offset }) => {
    const got = decodeGoBase64(input);
    expect(got.ok ? -1 : got.offset).toBe(offset);
  });

  it.for(NEWLINES)('%j decodes to "sure" (Go TestNewLineCharacters)', (input) => {
    const got = decodeGoBase64(input);
    expect(got.ok && goString(got.bytes).text).toBe('sure');
  });

  // Go TestDecoderIssue15656: not strict, so non-zero trailing bits are accepted.
  it('non-strict: trailing bits are ignored', () => {
    expect(decodeGoBase64('WvLTlMrX9NpYDQlEIFlnDB==').ok).toBe(true);
  });

  it('offsets count UTF-8 bytes, as Go reads the JSON string', () => {
    expect(decodeGoBase64('é===')).toEqual({ ok: false, offset: 0 });
    expect(decodeGoBase64('AAAAé')).toEqual({ ok: false, offset: 4 });
    expect(goBase64Error(6)).toBe('illegal base64 data at input byte 6');
  });

  test.prop([fc.uint8Array({ maxLength: 64 })])('decodes what Node encodes (RFC 4648 standard alphabet, padded)', (bytes) => {
    const got = decodeGoBase64(Buffer.from(bytes).toString('base64'));
    expect(got.ok && [...got.bytes]).toEqual([...bytes]);
  });
});

describe('goString', () => {
  test.prop([fc.string({ unit: 'grapheme' })])('UTF-8 text round-trips and is valid', (text) => {
    expect(goString(utf8Bytes(text))).toEqual({ text, valid: true });
  });

  const INVALID: readonly { bytes: number[]; why: string }[] = [
    { bytes: [0xff], why: 'never a UTF-8 byte' },
    { bytes: [0xc0, 0x80], why: 'overlong NUL' },
    { bytes: [0xed, 0xa0, 0x80], why: 'a UTF-16 surrogate' },
    { bytes: [0xf4, 0x90, 0x80, 0x80], why: 'past U+10FFFF' },
    { bytes: [0xe2, 0x82], why: 'truncated sequence' },
  ];
  it.for(INVALID)('$why is not UTF-8 (RFC 3629 §3)', ({ bytes }) => {
    expect(goString(Uint8Array.from(bytes)).valid).toBe(false);
  });
});
