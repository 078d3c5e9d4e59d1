import { describe, expect, test } from 'vitest';
import { DEFAULT_LIMITS, resolveManifests } from '../../src/index.js';

const images = { 'app:1': { entrypoint: ['/app'], cmd: ['serve'] }, busybox: { cmd: ['sh'] } };

describe('resolveManifests', () => {
  test('every workload kind, init containers, multi-document, List', () => {
    const yaml = `
apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  initContainers: [{name: init, image: busybox, command: [echo, init]}]
  containers:
  - {name: a, image: "app:1"}
  - {name: b, image: "app:1", args: ["$(X)"], env: [{name: X, value: "1"}]}
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: d}
spec: {template: {spec: {containers: [{name: c, image: busybox}]}}}
---
apiVersion: batch/v1
kind: CronJob
metadata: {name: cj}
spec: {jobTemplate: {spec: {template: {spec: {containers: [{name: c, image: "app:1", command: []}]}}}}}
---
kind: List
items:
- {kind: Job, metadata: {name: j}, spec: {template: {spec: {containers: [{name: c, image: busybox, args: [x]}]}}}}
- {kind: Service, metadata: {name: s}}
---
`;
    const got = resolveManifests(yaml, { images });
    expect(got.ok).toBe(true);
    if (!got.ok) return;
    const flat = got.workloads.flatMap((w) => w.containers.map((c) => [w.kind, c.path, c.result.ok && c.result.complete && c.result.argv]));
    expect(flat).toEqual([
      ['Pod', 'spec.initContainers[0]', ['echo', 'init']],
      ['Pod', 'spec.containers[0]', ['/app', 'serve']],
      ['Pod', 'spec.containers[1]', ['/app', '1']],
      ['Deployment', 'spec.template.spec.containers[0]', ['sh']],
      ['CronJob', 'spec.jobTemplate.spec.template.spec.containers[0]', ['/app', 'serve']],
      ['Job', 'items[0].spec.template.spec.containers[0]', ['x']],
    ]);
    expect(got.diagnostics).toMatchObject([{ code: 'k8s-unknown-kind', path: 'items[1]' }]);
    const cj = got.workloads[2]?.containers[0]?.result;
    expect(cj?.diagnostics.find((d) => d.code === 'k8s-empty-command')?.path).toBe('spec.jobTemplate.spec.template.spec.containers[0].command');
  });

  test('wrong types name the document and path', () => {
    const yaml = `kind: Pod\nspec: {containers: [{name: a, image: x}]}\n---\nkind: Deployment\nspec:\n  template:\n    spec:\n      containers:\n      - {name: a, image: x}\n      - {name: b, image: x, args: [1]}\n`;
    const got = resolveManifests(yaml, { images: {} });
    expect(got).toMatchObject({
      ok: false,
      issues: [{ code: 'k8s-manifest-invalid', path: 'spec.template.spec.containers[1].args[0]', message: 'document 1 spec.template.spec.containers[1].args[0]: expected string' }],
    });
  });

  test('malformed YAML is an issue with a position, never a throw', () => {
    const got = resolveManifests('kind: Pod\nspec: {containers: [\n', { images: {} });
    expect(got.ok).toBe(false);
    expect(!got.ok && got.issues[0]).toMatchObject({ code: 'yaml-invalid' });
    expect(!got.ok && got.issues[0].line).toBeGreaterThan(0);
    expect(resolveManifests('a: 1\na: 2\n', { images: {} }).ok).toBe(false);
    expect(resolveManifests('- just\n- a list\n', { images: {} })).toMatchObject({ ok: false, issues: [{ code: 'k8s-manifest-invalid' }] });
    expect(resolveManifests('kind: Pod\nspec: 3\n', { images: {} })).toMatchObject({ ok: false, issues: [{ path: 'spec' }] });
  });

  test('huge inputs and alias bombs are refused', () => {
    expect(resolveManifests('x'.repeat(DEFAULT_LIMITS.maxInputLength + 1), { images: {} })).toMatchObject({
      ok: false,
      issues: [{ code: 'input-too-large', limit: 'maxInputLength' }],
    });
    expect(resolveManifests('kind: Pod\n', { images: {}, limits: { maxInputLength: 5 } })).toMatchObject({ ok: false, issues: [{ code: 'input-too-large' }] });
    const bomb =
      'a: &a [x,x,x,x,x,x,x,x,x,x]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c,*c]\ne: [*d,*d,*d,*d,*d,*d,*d,*d,*d,*d]\n';
    expect(resolveManifests(bomb, { images: {} }).ok).toBe(false);
  });

  test('__proto__ and constructor keys never reach Object.prototype', () => {
    const yaml = `__proto__: {polluted: yes}\nconstructor: {prototype: {polluted: yes}}\nkind: Pod\nspec:\n  __proto__: {containers: []}\n  containers:\n  - name: a\n    image: x\n    __proto__: {command: [evil]}\n    env: [{name: __proto__, value: v}, {name: A, valueFrom: {__proto__: {x: 1}, fieldRef: {fieldPath: metadata.name}}}]\n    args: ["$(__proto__)", "$(constructor)", "$(A)"]\n`;
    const got = resolveManifests(yaml, { images: { x: { entrypoint: ['/x'] } }, fieldValues: { 'metadata.name': 'pod-1' } });
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
    expect(got.ok && got.workloads[0]?.containers[0]?.result).toMatchObject({ ok: true, argv: ['/x', 'v', '$(constructor)', 'pod-1'] });
  });

  test('an unknown image is unknown, not an error (issue 18 §2); image lookup function', () => {
    const yaml = 'kind: Pod\nspec: {containers: [{name: a, image: nope}]}\n';
    const got = resolveManifests(yaml, { images: {} });
    expect(got.ok && got.workloads[0]?.containers[0]?.result).toMatchObject({ ok: true, complete: false, dependsOn: ['entrypoint', 'cmd'] });
    const fn = resolveManifests(yaml, { images: (ref) => (ref === 'nope' ? { cmd: ['ok'] } : undefined) });
    expect(fn.ok && fn.workloads[0]?.containers[0]?.result).toMatchObject({ ok: true, argv: ['ok'] });
  });
});

// Source: the row's own YAML text; `at` is the 1-based line:column of the offending node (the value
// zod rejected), or, for a missing node, of the key its nearest existing ancestor hangs from.
describe('issue positions point at the offending YAML node', () => {
  const MANIFEST = [
    'apiVersion: v1', //                     1
    'kind: Pod', //                          2
    'spec:', //                              3
    '  containers:', //                      4
    '  - name: a', //                        5
    '    image: x', //                       6
    '    args: ["ok", 5]', //                7
    '  - name: b', //                        8
    '    command: notalist', //              9
    '---', //                               10
    'kind: Deployment', //                  11
    'spec:', //                             12
    '  template:', //                       13
    '    metadata: {}', //                  14
    '    spec:', //                         15
    '      initContainers: []', //          16
    '---', //                               17
    'kind: Job', //                         18
    'spec:', //                             19
    '  template: 3', //                     20
    '---', //                               21
    'kind: [Pod]', //                       22
    '---', //                               23
    'base: &c {name: c, image: x, env: [{name: E, value: 1}]}', // 24
    'kind: Pod', //                         25
    'spec: {containers: [*c]}', //          26
  ].join('\n');
  const rows = [
    { path: 'spec.containers[0].args[1]', at: '7:18' },
    { path: 'spec.containers[1].command', at: '9:14' },
    { path: 'spec.template.spec.containers', at: '15:5' },
    { path: 'spec.template', at: '20:13' },
    { path: 'kind', at: '22:7' },
    { path: 'spec.containers[0].env[0].value', at: '24:53' },
  ];
  const got = resolveManifests(MANIFEST, { images: {} });
  test('one issue per row, in order', () => {
    expect(got.ok ? [] : got.issues.map((i) => i.path)).toEqual(rows.map((r) => r.path));
  });
  test.for(rows)('$path at $at', ({ path, at }) => {
    const issue = got.ok ? undefined : got.issues.find((i) => i.path === path);
    expect(issue && `${String(issue.line)}:${String(issue.column)}`).toBe(at);
  });
});
