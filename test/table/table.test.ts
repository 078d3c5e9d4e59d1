import { describe, expect, test } from 'vitest';
import { entrypointCmdTable, imageConfigFrom, renderTable, resolveDockerRun } from '../../src/index.js';
import { DOCKER_DOCS_TABLE, SEED_TABLE_COPY, seedTable } from '../fixtures/docs-tables.js';
import { vectorsOf } from '../fixtures/vectors.js';

describe('entrypointCmdTable', () => {
  test('default Markdown reproduces the seed document table character for character', () => {
    const fromSeed = seedTable();
    const expected = fromSeed ?? SEED_TABLE_COPY;
    expect(SEED_TABLE_COPY).toBe(expected);
    expect(renderTable(entrypointCmdTable())).toBe(expected);
  });

  test('docker-docs preset reproduces the Docker reference table', () => {
    expect(renderTable(entrypointCmdTable({ preset: 'docker-docs' }))).toBe(DOCKER_DOCS_TABLE);
  });

  test.for(vectorsOf('docs-table'))('$id: $description', (v) => {
    const table = entrypointCmdTable({ preset: 'docker-docs' });
    const col = ['none', 'shell', 'exec'].indexOf(v.input['entrypointForm'] as string);
    const row = table.rows.find((r) => r.form === v.input['cmdForm'])!;
    const cell = row.cells[col]!;
    expect(cell.text).toBe(v.expected['docsCell']);
    if ('argv' in v.expected) expect(cell.argv).toEqual(v.expected['argv']);
    else expect(cell.error).toBe(v.expected['error']);
  });

  test('cells are computed, not written: other values and a SHELL base change them', () => {
    const t = entrypointCmdTable({ entrypoint: { shell: 'run it', exec: ['run', 'it'] }, base: { shell: ['/bin/bash', '-c'] }, cells: 'argv' });
    expect(t.rows[2]!.cells[2]!.argv).toEqual(['run', 'it', '/bin/bash', '-c', 'x y']);
    expect(t.columns[1]!.label).toBe('ENTRYPOINT run it');
    const win = entrypointCmdTable({ os: 'windows' });
    expect(win.rows[2]!.cells[0]!.text).toBe('cmd /S /C x y');
  });

  test('every cell equals imageConfigFrom + resolveDockerRun (oracle)', () => {
    const t = entrypointCmdTable({ cells: 'argv' });
    const forms = { none: undefined, shell: 'SH', exec: 'EX' } as const;
    for (const row of t.rows) {
      row.cells.forEach((cell, i) => {
        const col = t.columns[i]!;
        const cmd = forms[row.form] && (row.form === 'exec' ? { form: 'exec' as const, args: ['x', 'y'] } : { form: 'shell' as const, script: 'x y' });
        const ep = forms[col.form] && (col.form === 'exec' ? { form: 'exec' as const, args: ['a', 'b'] } : { form: 'shell' as const, script: 'a b' });
        const built = imageConfigFrom({ ...(cmd && { cmd }), ...(ep && { entrypoint: ep }) });
        if (!built.ok) throw new Error('build failed');
        const run = resolveDockerRun(built.config);
        expect(cell.argv).toEqual(run.ok ? run.argv : null);
      });
    }
  });

  test('HTML and JSON renderings', () => {
    const t = entrypointCmdTable();
    const html = renderTable(t, { format: 'html' });
    expect(html).toContain('<th scope="col">ENTRYPOINT [&quot;a&quot;, &quot;b&quot;]</th>');
    expect(html).toContain('<td>a b /bin/sh -c x y</td>');
    expect(JSON.parse(renderTable(t, { format: 'json' }))).toEqual(JSON.parse(JSON.stringify(t)));
  });

  test('Markdown escapes pipes in cells', () => {
    const t = entrypointCmdTable({ cmd: { shell: 'a | b', exec: ['x'] } });
    expect(renderTable(t)).toContain('/bin/sh -c a \\| b');
  });
});
