/**
 * `container-argv convert`: a `docker run`/`podman run` line, a Compose file or Kubernetes manifests
 * written as one of the other forms (or the same one, normalised), argv-exact. The target goes to
 * stdout (a shell line, or YAML); findings go to stderr, or into the `--json` document.
 */
import type { ContainerForm, RunLineShell } from '../../convert/spec.js';
import type { ConvertedItem, ConvertFileResult } from '../../convert/convert-file.js';
import type { ImageLookup } from '../../core/image-lookup.js';
import type { Engine, ImageConfig } from '../../core/types.js';
import { displayName, loadImageConfig, loadImageMap } from '../inputs.js';
import { UsageError, palette, readInput, useColor, type CliIO } from '../io.js';
import { findingsOf, formatFinding, sortFindings, toJson, type Finding } from '../report.js';
import { EXIT_INCOMPLETE, unknownDetail, unknownHeadline } from '../completeness.js';
import { composeEnvFiles } from './workloads.js';

/** Options of the `convert` command. */
export interface ConvertCliOptions {
  readonly to: ContainerForm;
  readonly from?: ContainerForm;
  readonly run?: string;
  readonly service?: string;
  readonly imageConfig?: readonly string[];
  readonly catalog?: boolean;
  readonly engine?: Engine;
  readonly engineVersion?: string;
  readonly shell?: RunLineShell;
  readonly kind?: 'Pod' | 'Deployment' | 'Container';
  readonly env?: readonly string[];
  readonly envFile?: readonly string[];
  readonly json?: boolean;
  readonly strict?: boolean;
}

/** `--image-config FILE` (one config for every container) and `--image-config REF=FILE` (by reference), then `--catalog`. */
async function imagesOf(io: CliIO, o: ConvertCliOptions): Promise<{ one: ImageConfig | undefined; lookup: ImageLookup | undefined }> {
  const values = o.imageConfig ?? [];
  const plain = values.filter((v) => !v.includes('='));
  if (plain.length > 1) throw new UsageError('give at most one --image-config FILE (use REF=FILE for several images)');
  const one = plain[0] === undefined ? undefined : await loadImageConfig(io, plain[0]);
  const record = await loadImageMap(
    io,
    values.filter((v) => v.includes('=')),
    '--image-config',
  );
  const hasRecord = Object.keys(record).length > 0;
  if (o.catalog !== true) return { one, lookup: hasRecord ? record : undefined };
  const { catalogImageLookup } = await import('../../catalog/index.js');
  const catalog = catalogImageLookup();
  if (!hasRecord) return { one, lookup: (ref) => catalog(ref) };
  const { imageTable, findImage } = await import('../../core/image-table.js');
  const table = imageTable(record);
  if (!table.ok) throw new UsageError(`--image-config: ${table.issues[0].message}`);
  return { one, lookup: (ref, reference) => (reference === undefined ? undefined : findImage(table.table, reference)) ?? catalog(ref) };
}

/** What the input is: `--from`, else a run line when one is given, else the YAML's shape (`services:` is Compose). */
function formOf(o: ConvertCliOptions, runGiven: boolean, text: string | undefined): ContainerForm {
  if (o.from !== undefined) return o.from;
  if (runGiven) return 'run';
  return /^services\s*:/m.test(text ?? '') ? 'compose' : 'kubernetes';
}

/** Converts a run line: read it, look its image up, write it. */
async function convertRunLine(line: string | readonly string[], o: ConvertCliOptions, images: Awaited<ReturnType<typeof imagesOf>>): Promise<ConvertFileResult> {
  const { specFromRun } = await import('../../convert/from-run.js');
  const { writeSpec, prependDiagnostics } = await import('../../convert/convert.js');
  const { answerConfig } = await import('../../core/image-lookup.js');
  const { parseImageReference } = await import('../../core/image-reference.js');
  const read = specFromRun(line, { ...(o.engine !== undefined && { engine: o.engine }), ...(o.engineVersion !== undefined && { engineVersion: o.engineVersion }) });
  if (!read.ok) return { ok: true, items: [{ name: 'run', path: '', result: read }], text: '', complete: true, diagnostics: [] };
  let config = images.one;
  if (config === undefined && images.lookup !== undefined && read.spec.image !== undefined) {
    const ref = parseImageReference(read.spec.image);
    if (typeof images.lookup === 'function') config = answerConfig(images.lookup(read.spec.image, ref.ok ? ref.reference : undefined));
    else if (ref.ok) {
      const { imageTable, findImage } = await import('../../core/image-table.js');
      const table = imageTable(images.lookup);
      if (table.ok) config = findImage(table.table, ref.reference);
    }
  }
  const written = prependDiagnostics(writeSpec(read.spec, { ...writeOptions(o), imageConfig: config ?? null }), read.diagnostics);
  const text = written.ok && written.complete ? `${written.value.text}${o.to === 'run' ? '\n' : ''}` : '';
  return { ok: true, items: [{ name: read.spec.image ?? 'run', path: '', result: written }], text, complete: !written.ok || written.complete, diagnostics: [] };
}

function writeOptions(o: ConvertCliOptions) {
  return {
    to: o.to,
    ...(o.engine !== undefined && { engine: o.engine }),
    ...(o.shell !== undefined && { shell: o.shell }),
    ...(o.kind !== undefined && { kubernetesKind: o.kind }),
  };
}

function envOf(io: CliIO, pairs: readonly string[] = []): Record<string, string> {
  const env: Record<string, string> = {};
  for (const pair of pairs) {
    const eq = pair.indexOf('=');
    if (eq <= 0) env[pair] = io.env[pair] ?? '';
    else env[pair.slice(0, eq)] = pair.slice(eq + 1);
  }
  return env;
}

/** Runs `convert`; returns the exit status (0, 1 when an item cannot be converted, 3 when one depends on an unknown image config). */
export async function convertCommand(file: string | undefined, o: ConvertCliOptions, passthrough: readonly string[] | undefined, io: CliIO): Promise<number> {
  const runLine = o.run ?? passthrough;
  if (runLine !== undefined && file !== undefined) throw new UsageError('give either a file or a run line (--run or -- docker run …), not both');
  if (runLine === undefined && file === undefined) throw new UsageError('give a Compose file or manifest, or a run line (--run "docker run …" or -- docker run …)');
  const images = await imagesOf(io, o);
  const text = file === undefined ? undefined : await readInput(io, file);
  const from = formOf(o, runLine !== undefined, text);
  if (from === 'run' && runLine === undefined) throw new UsageError('--from run reads the line from --run or after "--"');
  if (o.service !== undefined && from !== 'compose') throw new UsageError('--service selects a service of a Compose file');
  const name = file === undefined ? 'run line' : displayName(file);
  let result: ConvertFileResult;
  if (from === 'run') result = await convertRunLine(runLine as string | readonly string[], o, images);
  else if (from === 'compose') {
    const { convertComposeFile } = await import('../../convert/convert-file.js');
    const envFiles = await composeEnvFiles(io, file as string, o.envFile);
    result = convertComposeFile(text as string, {
      ...writeOptions(o),
      source: name,
      environment: envOf(io, o.env),
      envFiles,
      ...(o.service !== undefined && { service: o.service }),
      ...(images.lookup !== undefined && { images: images.lookup }),
      ...(images.one !== undefined && { imageConfig: images.one }),
    });
  } else {
    const { convertManifests } = await import('../../convert/convert-file.js');
    result = convertManifests(text as string, {
      ...writeOptions(o),
      source: name,
      ...(images.lookup !== undefined && { images: images.lookup }),
      ...(images.one !== undefined && { imageConfig: images.one }),
    });
  }
  return report(result, name, from, o, io);
}

/** Prints the target text (stdout) and the findings (stderr), or the `--json` document; returns the exit status. */
function report(result: ConvertFileResult, file: string, from: ContainerForm, o: ConvertCliOptions, io: CliIO): number {
  if (!result.ok) {
    const findings = sortFindings(findingsOf(file, result.diagnostics, result.issues));
    if (o.json === true) io.stdout.write(toJson({ ok: false, from, to: o.to, diagnostics: findings }));
    else io.stderr.write(`${findings.map((f) => formatFinding(f, palette(useColor(io.stderr, io.env)))).join('\n')}\n`);
    return 1;
  }
  const items = result.items.map((i) => itemReport(i, file));
  const failed = result.items.some((i) => !i.result.ok);
  const status = failed ? 1 : !result.complete ? (o.strict === true ? 1 : EXIT_INCOMPLETE) : 0;
  if (o.json === true) {
    io.stdout.write(toJson({ ok: !failed, complete: result.complete, from, to: o.to, text: result.text, items, diagnostics: findingsOf(file, result.diagnostics) }));
    return status;
  }
  io.stdout.write(result.text);
  const p = palette(useColor(io.stderr, io.env));
  const lines: string[] = findingsOf(file, result.diagnostics).map((f) => formatFinding(f, p));
  for (const i of items) {
    if (i.unknown !== undefined) lines.push(`${p.bold(`${i.name}:`)} ${p.yellow(i.unknown)}`);
    if (i.error !== undefined) lines.push(`${p.bold(`${i.name}:`)} ${p.red('not converted:')} ${i.error}`);
    for (const f of i.findings) lines.push(formatFinding(f, p));
  }
  if (lines.length > 0) io.stderr.write(`${lines.join('\n')}\n`);
  return status;
}

function itemReport(
  i: ConvertedItem,
  file: string,
): { name: string; path: string; ok: boolean; complete: boolean; unknown?: string; error?: string; text?: string; findings: Finding[] } {
  const r = i.result;
  const findings = sortFindings(findingsOf(file, r.diagnostics, r.ok ? [] : r.issues));
  if (!r.ok) return { name: i.name, path: i.path, ok: false, complete: true, error: r.issues[0].message, findings };
  if (!r.complete) {
    const u = { from: 'the image', kind: 'image' as const, fields: r.dependsOn };
    return { name: i.name, path: i.path, ok: true, complete: false, unknown: `${unknownHeadline(u)}: ${unknownDetail(u)}`, findings };
  }
  return { name: i.name, path: i.path, ok: true, complete: true, text: r.value.text, findings };
}
