import { describe, expect, test } from 'vitest';
import { COMPOSE_FIELD_BY_FLAG, COMPOSE_FIELD_BY_KEY } from '../../src/convert/compose-fields.js';
import { DOCKER_RUN_FLAGS } from '../../src/run/flag-table.js';

describe('the Compose field table', () => {
  test('every row names a docker run flag (src/run/flag-table.ts)', () => {
    const names = new Set(DOCKER_RUN_FLAGS.map((f) => f.name));
    for (const flag of COMPOSE_FIELD_BY_FLAG.keys()) expect(names, flag).toContain(flag);
  });
  test('both directions agree', () => {
    for (const [key, field] of COMPOSE_FIELD_BY_KEY) expect(COMPOSE_FIELD_BY_FLAG.get(field.flag)?.key).toBe(key);
  });
  test('the value kinds follow the flag types: list flags are lists, bool flags booleans', () => {
    for (const f of DOCKER_RUN_FLAGS) {
      const field = COMPOSE_FIELD_BY_FLAG.get(f.name);
      if (field === undefined) continue;
      // --network is repeatable (several networks) but network_mode holds one mode: the last one is written.
      if (f.type === 'list' && field.key !== 'network_mode') expect(field.kind, f.name).toBe('list');
      if (f.bool) expect(field.kind, f.name).toBe('bool');
    }
  });
});
