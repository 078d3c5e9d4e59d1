/**
 * `container-argv convert`: a `docker run`/`podman run` line, a Compose file or Kubernetes manifests
 * written as one of the other forms (or the same one, normalised), argv-exact. The target goes to
 * stdout (a shell line, or YAML); findings go to stderr, or into the `--json` document.
 */
import type { ContainerForm, RunLineShell } from '../../convert/spec.js';
import type { ConvertedItem, ConvertFileResult } from '../../convert/convert-file.js';
import type { ImageLookup } from '../../core/image-lookup.js';
import type { Diagnostic, Engine, ImageConfig } from '../../core/types.js';
import { displayName, envOptionsOf, imageMapOf, loadImageConfig, loadImageFiles, loadManifestData, type ImageFile, type ManifestDataOptions } from '../inputs.js';
import type { BaseImageOptions } from '../base-images/chain.js';
import { UsageError, palette, readInput, useColor, type CliIO } from '../io.js';
import { findingsOf, formatFinding, sortFindings, toJson, type Finding } from '../report.js';
import { EXIT_INCOMPLETE, unknownDetail, unknownHeadline } from '../completeness.js';
import { composeEnvFiles, unknownEnvText } from './workloads.js';

/** Options of the `convert` command. */
export interface ConvertCliOptions extends BaseImageOptions, ManifestDataOptions {
  readonly to: ContainerForm;
  readonly from?: ContainerForm;
  readonly run?: string;
  readonly service?: string;
  readonly imageConfig?: readonly string[];
  readonly engine?: Engine;
  readonly engineVersion?: string;
  readonly shell?: RunLineShell;
  readonly kind?: 'Pod' | 'Deployment' | 'Container';
  readonly env?: readonly string[];
  readonly envFile?: readonly string[];
  readonly json?: boolean;
  readonly strict?: boolean;
}

/** `--image-config FILE`: one config for every container; `REF=FILE` files go to the base-image chain. */
async function imageFilesOf(io: CliIO, o: ConvertCliOptions): Promise<{ one: ImageConfig | undefined; files: ImageFile[] }> {
  const values = o.imageConfig ?? [];
  const plain = values.filter((v) => !v.includes('='));
  if (plain.length > 1) throw new UsageError('give at most one --image-config FILE (use REF=FILE for several images)');
  const one = plain[0] === undefined ? undefined : await loadImageConfig(io, plain[0]);
  return {
    one,
    files: await loadImageFiles(
      io,
      values.filter((v) => v.includes('=')),
      '--image-config',
    ),
  };
}

/**
 * The image configs for the references that need one (only Compose `entrypoint: []` without a
 * command, or Podman's `--entrypoint '[]'`, read the image CMD): the `REF=FILE` files, then the
 * base-image chain of the options (local engine, registry cache or `--pull`, the catalog), as an
 * `ImageLookup` record with each answer's source.
 */
async function lookupFor(
  io: CliIO,
  o: ConvertCliOptions,
  files: readonly ImageFile[],
  references: readonly string[],
): Promise<{ lookup: ImageLookup; diagnostics: readonly Diagnostic[] }> {
  const given = imageMapOf(files);
  if (references.length === 0) return { lookup: given, diagnostics: [] };
  const { resolverOf, withResolved } = await import('../base-images/with-bases.js');
  const resolver = await resolverOf(io, files, o);
  const resolved = await resolver.resolve(references.map((reference) => ({ reference })));
  return { lookup: withResolved(given, resolved), diagnostics: resolved.diagnostics };
}

/** What the input is: `--from`, else a run line when one is given, else the YAML's shape (`services:` is Compose). */
function formOf(o: ConvertCliOptions, runGiven: boolean, text: string | undefined): ContainerForm {
  if (o.from !== undefined) return o.from;
  if (runGiven) return 'run';
  return /^services\s*:/m.test(text ?? '') ? 'compose' : 'kubernetes';
}

/** Converts a run line: read it, look its image up when the argv needs its CMD, write it. */
async function convertRunLine(
  io: CliIO,
  line: string | readonly string[],
  o: ConvertCliOptions,
  one: ImageConfig | undefined,
  files: readonly ImageFile[],
): Promise<ConvertFileResult> {
  const { specFromRun } = await import('../../convert/from-run.js');
  const { writeSpec, prependDiagnostics } = await import('../../convert/convert.js');
  const read = specFromRun(line, { ...(o.engine !== undefined && { engine: o.engine }), ...(o.engineVersion !== undefined && { engineVersion: o.engineVersion }) });
  if (!read.ok) return { ok: true, items: [{ name: 'run', path: '', document: 0, result: read }], text: '', complete: true, diagnostics: [] };
  const { image, entrypoint, cmd } = read.spec;
  const needsCmd = image !== undefined && entrypoint !== null && entrypoint.length === 0 && (cmd ?? []).length === 0;
  const found = one === undefined && needsCmd ? await lookupFor(io, o, files, [image]) : undefined;
  const config = one ?? (found === undefined ? undefined : await configIn(found.lookup, image as string));
  const written = prependDiagnostics(writeSpec(read.spec, { ...writeOptions(o), imageConfig: config ?? null }), read.diagnostics);
  const text = written.ok && written.complete ? `${written.value.text}${o.to === 'run' ? '\n' : ''}` : '';
  return {
    ok: true,
    items: [{ name: image ?? 'run', path: '', document: 0, result: written }],
    text,
    complete: !written.ok || written.complete,
    diagnostics: found?.diagnostics ?? [],
  };
}

/** The config a lookup record has for a reference (matched as the engine matches images). */
async function configIn(lookup: ImageLookup, ref: string): Promise<ImageConfig | undefined> {
  const { parseImageReference } = await import('../../core/image-reference.js');
  const { answerConfig } = await import('../../core/image-lookup.js');
  const parsed = parseImageReference(ref);
  if (!parsed.ok) return undefined;
  if (typeof lookup === 'function') return answerConfig(lookup(ref, parsed.reference));
  const { imageTable, findImage } = await import('../../core/image-table.js');
  const table = imageTable(lookup);
  return table.ok ? findImage(table.table, parsed.reference) : undefined;
}

function writeOptions(o: ConvertCliOptions) {
  return {
    to: o.to,
    ...(o.engine !== undefined && { engine: o.engine }),
    ...(o.shell !== undefined && { shell: o.shell }),
    ...(o.kind !== undefined && { kubernetesKind: o.kind }),
  };
}

/** Runs `convert`; returns the exit status (0, 1 when an item cannot be converted, 3 when one depends on an unknown image config). */
export async function convertCommand(file: string | undefined, o: ConvertCliOptions, passthrough: readonly string[] | undefined, io: CliIO): Promise<number> {
  const runLine = o.run ?? passthrough;
  if (runLine !== undefined && file !== undefined) throw new UsageError('give either a file or a run line (--run or -- docker run …), not both');
  if (runLine === undefined && file === undefined) throw new UsageError('give a Compose file or manifest, or a run line (--run "docker run …" or -- docker run …)');
  const { one, files } = await imageFilesOf(io, o);
  const text = file === undefined ? undefined : await readInput(io, file);
  const from = formOf(o, runLine !== undefined, text);
  if (from === 'run' && runLine === undefined) throw new UsageError('--from run reads the line from --run or after "--"');
  if (o.service !== undefined && from !== 'compose') throw new UsageError('--service selects a service of a Compose file');
  if (from !== 'kubernetes' && (o.configMap !== undefined || o.secret !== undefined || o.namespace !== undefined)) {
    throw new UsageError('--config-map, --secret and --namespace go with a Kubernetes manifest');
  }
  const name = file === undefined ? 'run line' : displayName(file);
  let result: ConvertFileResult;
  if (from === 'run') result = await convertRunLine(io, runLine as string | readonly string[], o, one, files);
  else if (from === 'compose') {
    const { convertComposeFile } = await import('../../convert/convert-file.js');
    const { listComposeImages } = await import('../../compose/file.js');
    const envFiles = await composeEnvFiles(io, file as string, o.envFile);
    const read = { source: name, environment: envOptionsOf(o.env ?? [], io.env), envFiles };
    // Only `entrypoint: []` without a command reads the image (its CMD): ask the chain for those.
    const listed = listComposeImages(text as string, read);
    const wanted = listed.ok ? listed.images.flatMap((i) => (i.text !== undefined && i.needs.length === 1 && i.needs[0] === 'cmd' ? [i.text] : [])) : [];
    const found = one === undefined ? await lookupFor(io, o, files, wanted) : { lookup: imageMapOf(files), diagnostics: [] };
    const converted = convertComposeFile(text as string, {
      ...writeOptions(o),
      ...read,
      ...(o.service !== undefined && { service: o.service }),
      images: found.lookup,
      ...(one !== undefined && { imageConfig: one }),
    });
    result = converted.ok ? { ...converted, diagnostics: [...found.diagnostics, ...converted.diagnostics] } : converted;
  } else {
    const { convertManifests } = await import('../../convert/convert-file.js');
    // A Kubernetes container never needs its image config to be written in another form.
    const data = await loadManifestData(io, o);
    result = convertManifests(text as string, { ...writeOptions(o), ...data, source: name, images: imageMapOf(files), ...(one !== undefined && { imageConfig: one }) });
  }
  const locate = text === undefined ? undefined : (await import('../yaml-lines.js')).yamlLocator(text);
  return report(result, name, from, o, io, locate);
}

type Locate = (document: number, path: string) => { line: number; column: number } | undefined;

/** Adds line/column from a finding's YAML path (else `fallback`, its item's) in the input file, as `k8s --manifest` and `compose` print them. */
function located(findings: Finding[], locate: Locate | undefined, document: number, fallback?: string): Finding[] {
  if (locate === undefined) return findings;
  return findings.map((f) => {
    const path = f.path ?? fallback;
    const at = f.line === undefined && path !== undefined && path !== '' ? locate(document, path) : undefined;
    return at === undefined ? f : { ...f, line: at.line, column: at.column };
  });
}

/** Prints the target text (stdout) and the findings (stderr), or the `--json` document; returns the exit status. */
function report(result: ConvertFileResult, file: string, from: ContainerForm, o: ConvertCliOptions, io: CliIO, locate?: Locate): number {
  if (!result.ok) {
    const findings = sortFindings(located(findingsOf(file, result.diagnostics, result.issues), locate, 0));
    if (o.json === true) io.stdout.write(toJson({ ok: false, from, to: o.to, diagnostics: findings }));
    else io.stderr.write(`${findings.map((f) => formatFinding(f, palette(useColor(io.stderr, io.env)))).join('\n')}\n`);
    return 1;
  }
  const items = result.items.map((i) => itemReport(i, file, locate));
  // A Compose file is one document; a manifest's file-level findings name no document (those that need one carry their line).
  const fileFindings = located(findingsOf(file, result.diagnostics), from === 'compose' ? locate : undefined, result.items[0]?.document ?? 0);
  const failed = result.items.some((i) => !i.result.ok);
  const status = failed ? 1 : !result.complete ? (o.strict === true ? 1 : EXIT_INCOMPLETE) : 0;
  if (o.json === true) {
    io.stdout.write(toJson({ ok: !failed, complete: result.complete, from, to: o.to, text: result.text, items, diagnostics: fileFindings }));
    return status;
  }
  io.stdout.write(result.text);
  const p = palette(useColor(io.stderr, io.env));
  const lines: string[] = fileFindings.map((f) => formatFinding(f, p));
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
  locate: Locate | undefined,
): { name: string; path: string; ok: boolean; complete: boolean; unknown?: string; error?: string; text?: string; findings: Finding[] } {
  const r = i.result;
  const findings = sortFindings(located(findingsOf(file, r.diagnostics, r.ok ? [] : r.issues), locate, i.document, i.path));
  if (!r.ok) return { name: i.name, path: i.path, ok: false, complete: true, error: r.issues[0].message, findings };
  if (!r.complete) {
    const u = { from: 'the image', kind: 'image' as const, fields: r.dependsOn };
    const unknown = [...(r.dependsOn.length > 0 ? [`${unknownHeadline(u)}: ${unknownDetail(u)}`] : []), ...(r.dependsOnEnv?.length ? [unknownEnvText(r.dependsOnEnv)] : [])];
    return { name: i.name, path: i.path, ok: true, complete: false, unknown: unknown.join('; '), findings };
  }
  return { name: i.name, path: i.path, ok: true, complete: true, text: r.value.text, findings };
}
