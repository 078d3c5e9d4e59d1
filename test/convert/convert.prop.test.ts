import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { convertComposeFile, convertManifests } from '../../src/convert/convert-file.js';
import { convertContainer, type ConvertContainerResult } from '../../src/convert/convert.js';
import { specFromRun } from '../../src/convert/from-run.js';
import { resolveComposeFile } from '../../src/compose/file.js';
import { resolveManifests } from '../../src/kubernetes/manifest.js';
import { resolveRunCommandLine } from '../../src/run/command-line.js';
import { composeFileArb } from '../../src/testing/compose.js';
import { imageConfigArb } from '../../src/testing/image.js';
import { kubernetesManifestArb } from '../../src/testing/kubernetes.js';
import { runCommandLineArb } from '../../src/testing/run.js';
import type { ContainerForm } from '../../src/convert/spec.js';
import type { ImageConfig } from '../../src/core/types.js';

/**
 * Every conversion chain between a run line, a Compose service and a Kubernetes container keeps the
 * argv our resolvers compute (resolveRunCommandLine, resolveComposeFile, resolveManifests), for
 * every image config (the testing kit's arbitraries): each step reads the text the previous wrote.
 */

/** What runs, without the init process (Kubernetes has none; that loss is diagnosed), or that nothing can. */
type Outcome = { readonly argv: readonly string[] } | { readonly fails: true };
const FAILS: Outcome = { fails: true };

const IMAGE = 'app:1';
const images = (image: ImageConfig) => ({ [IMAGE]: image });

function runOutcome(line: string, image: ImageConfig): Outcome {
  const r = resolveRunCommandLine(line, image);
  return r.ok ? { argv: [...r.entrypoint, ...r.cmd] } : FAILS;
}

function composeOutcomes(text: string, image: ImageConfig): Outcome[] {
  const r = resolveComposeFile(text, { images: images(image) });
  if (!r.ok) return [FAILS];
  return r.services.map((s) => (s.result.ok && s.result.complete ? { argv: [...s.result.entrypoint, ...s.result.cmd] } : FAILS));
}

function kubernetesOutcomes(text: string, image: ImageConfig): Outcome[] {
  const r = resolveManifests(text, { images: images(image) });
  if (!r.ok) return [FAILS];
  return r.workloads.flatMap((w) => w.containers.filter((c) => c.list === 'containers').map((c) => (c.result.ok && c.result.complete ? { argv: c.result.argv } : FAILS)));
}

function outcomes(form: ContainerForm, text: string, image: ImageConfig): Outcome[] {
  return form === 'run' ? [runOutcome(text, image)] : form === 'compose' ? composeOutcomes(text, image) : kubernetesOutcomes(text, image);
}

/** Converts every item of a text (a run line is one item); each result's text holds one item. */
function convertAll(form: ContainerForm, text: string, to: ContainerForm, image: ImageConfig | null): ConvertContainerResult[] {
  const options = { to, imageConfig: image };
  if (form === 'run') return [convertContainer({ from: 'run', line: text }, options)];
  const file = form === 'compose' ? convertComposeFile(text, options) : convertManifests(text, options);
  expect(file.ok).toBe(true);
  return file.ok ? file.items.map((i) => i.result) : [];
}

/** The argv survives the chain `path`, starting from each item of `text`; a step that cannot convert is allowed only when nothing runs. */
function checkChain(form: ContainerForm, text: string, path: readonly ContainerForm[], image: ImageConfig): void {
  const start = outcomes(form, text, image);
  const first = convertAll(form, text, path[0] as ContainerForm, image);
  expect(first.length).toBe(start.length);
  first.forEach((r0, i) => {
    const expected = start[i] as Outcome;
    let r = r0;
    let at: ContainerForm = path[0] as ContainerForm;
    for (let k = 0; ; k++) {
      if (!r.ok) {
        // Only containers that cannot start (nothing to run, or "" to execute) may fail to convert.
        if ('argv' in expected) expect(expected.argv[0]).toBe('');
        return;
      }
      expect(r.complete).toBe(true);
      if (!r.complete) return;
      const got = outcomes(at, r.value.text, image);
      expect(got, `${at}:\n${r.value.text}`).toEqual([expected]);
      const next = path[k + 1];
      if (next === undefined) return;
      const converted = convertAll(at, r.value.text, next, image);
      expect(converted.length).toBe(1);
      r = converted[0] as ConvertContainerResult;
      at = next;
    }
  });
}

const CHAINS: Readonly<Record<ContainerForm, readonly (readonly ContainerForm[])[]>> = {
  run: [['compose'], ['kubernetes'], ['compose', 'kubernetes', 'run'], ['kubernetes', 'compose', 'run']],
  compose: [['run'], ['kubernetes'], ['run', 'kubernetes', 'compose'], ['kubernetes', 'run', 'compose']],
  kubernetes: [['run'], ['compose'], ['run', 'compose', 'kubernetes'], ['compose', 'run', 'kubernetes']],
};

const noNul = (text: string) => !text.includes('\0');

describe('conversion chains keep the argv', () => {
  test.prop([runCommandLineArb(), imageConfigArb])('run line → every chain', (generated, image) => {
    for (const path of CHAINS.run) checkChain('run', generated.line, path, image);
  });

  test.prop([composeFileArb({ images: [IMAGE] }), imageConfigArb])('Compose file → every chain', (text, image) => {
    for (const path of CHAINS.compose) checkChain('compose', text, path, image);
  });

  test.prop([kubernetesManifestArb({ images: [IMAGE] }).filter(noNul), imageConfigArb])('Kubernetes manifest → every chain', (text, image) => {
    for (const path of CHAINS.kubernetes) checkChain('kubernetes', text, path, image);
  });
});

describe('without the image config', () => {
  const forms: readonly ContainerForm[] = ['run', 'compose', 'kubernetes'];
  test.prop([composeFileArb({ images: [IMAGE] }), imageConfigArb, fc.constantFrom(...forms)])(
    'a conversion is complete and right for every image, or says it depends on the image CMD',
    (text, image, to) => {
      const start = composeOutcomes(text, image);
      convertAll('compose', text, to, null).forEach((r, i) => {
        if (!r.ok) return;
        if (!r.complete) {
          expect(r.dependsOn).toEqual(['cmd']);
          return;
        }
        const expected = start[i] as Outcome;
        if ('argv' in expected && expected.argv[0] !== '') expect(outcomes(to, r.value.text, image)).toEqual([expected]);
      });
    },
  );
});

/** The flags both forms have, as a sorted set of `name=value` (a repeated flag means what it says once: the generated values are constants). */
function carried(line: string, names: ReadonlySet<string>): string[] {
  const spec = specFromRun(line);
  return spec.ok ? [...new Set(spec.spec.flags.filter((f) => names.has(f.name)).map((f) => `${f.name}=${f.value}`))].sort() : [];
}

describe('settings survive a round trip', () => {
  const COMPOSE = new Set(['env', 'publish', 'volume', 'workdir', 'user', 'name', 'interactive', 'tty']);
  const KUBERNETES = new Set(['env', 'publish', 'workdir', 'user', 'name', 'interactive', 'tty']);
  test.prop([runCommandLineArb()])('run → Compose → run and run → Kubernetes → run keep env, ports, workdir, user, name, -i/-t (and volumes through Compose)', (generated) => {
    for (const [via, names] of [
      ['compose', COMPOSE],
      ['kubernetes', KUBERNETES],
    ] as const) {
      const there = convertContainer({ from: 'run', line: generated.line }, { to: via, imageConfig: {} });
      if (!there.ok || !there.complete) continue;
      const back = convertAll(via, there.value.text, 'run', {})[0];
      if (back === undefined || !back.ok || !back.complete) continue;
      // A Kubernetes container always has a name (from the image when the line gave none): it comes back as --name.
      const named = generated.argv.includes('--name');
      const keep = new Set([...names].filter((n) => n !== 'name' || named || via === 'compose'));
      expect(carried(back.value.text, keep)).toEqual(carried(generated.line, keep));
    }
  });
});
