/** `container-argv explain`: the argv a container of this image executes, and why. */
import { resolveDockerRun, type DockerRunOverrides, type ResolveDockerRunResult } from '../../run/docker-run.js';
import { formatArgv } from '../../core/format-argv.js';
import { windowsCommandLine } from '../../run/windows-command-line.js';
import type { ImageConfig } from '../../core/types.js';
import type { BaseDependency } from '../../dockerfile/base-dependency.js';
import { baseJson, baseText } from '../base-images/report.js';
import { engineOptionsOf, loadImage, type ImageSourceOptions, type LoadedImage } from '../image.js';
import { UsageError, palette, useColor, type CliIO, type Palette } from '../io.js';
import { findingsOf, formatFinding, sortFindings, toJson, type Finding } from '../report.js';
import { imageFieldsUsed } from '../../run/image-needs.js';
import { EXIT_INCOMPLETE, dockerfileUnknown, unknownDetail, unknownHeadline, type Unknown } from '../completeness.js';

export interface ExplainOptions extends ImageSourceOptions {
  readonly entrypoint?: string;
  readonly init?: boolean;
  readonly run?: string;
  readonly json?: boolean;
}

/** The `docker run` part: from `--run '…'`, or from `--entrypoint`/`--init`/`-- ARGS`. */
export interface RunRequest {
  readonly run: DockerRunOverrides;
  /** How to show it: `docker run IMAGE serve` or the `--run` line. */
  readonly display: string;
  readonly image?: string;
  readonly engine?: 'docker' | 'podman';
  readonly findings: readonly Finding[];
}

const RUN_LABEL = 'docker run';

/** Builds the run request; a bad `--run` line is a usage error naming the column. */
export async function runRequestOf(
  o: { readonly entrypoint?: string; readonly init?: boolean; readonly run?: string; readonly engine?: 'docker' | 'podman'; readonly engineVersion?: string },
  passthrough: readonly string[] | undefined,
): Promise<RunRequest> {
  if (o.run !== undefined) {
    if (o.entrypoint !== undefined || o.init === true || passthrough !== undefined) {
      throw new UsageError('--run gives the whole docker run line; do not combine it with --entrypoint, --init or "-- ARGS"');
    }
    const { parseRunCommandLine } = await import('../../run/command-line.js');
    const parsed = parseRunCommandLine(o.run, {
      ...(o.engine !== undefined && { engine: o.engine }),
      ...(o.engineVersion !== undefined && { engineVersion: o.engineVersion }),
    });
    if (!parsed.ok) {
      const issue = parsed.issues[0];
      const at = issue.column !== undefined ? ` (column ${issue.column})` : '';
      throw new UsageError(`--run: ${issue.message}${at}`);
    }
    return {
      run: parsed.run,
      display: o.run,
      image: parsed.image,
      engine: parsed.engine,
      findings: findingsOf('--run', parsed.diagnostics),
    };
  }
  const run: DockerRunOverrides = {
    ...(o.entrypoint !== undefined && { entrypoint: o.entrypoint }),
    ...(o.init === true && { init: true }),
    ...(passthrough !== undefined && passthrough.length > 0 && { args: passthrough }),
  };
  const { quoteShellWord } = await import('../../core/format-argv.js');
  const words = [
    'docker run',
    ...(o.init === true ? ['--init'] : []),
    ...(o.entrypoint !== undefined ? [`--entrypoint ${quoteShellWord(o.entrypoint)}`] : []),
    'IMAGE',
    ...(passthrough ?? []).map(quoteShellWord),
  ];
  return { run, display: words.join(' '), findings: [] };
}

function describeList(v: readonly string[] | null | undefined, dependency: BaseDependency | undefined): string {
  if (dependency?.via === 'shell' && dependency.assumed !== null)
    return `(unknown; ${formatArgv(dependency.assumed, 'json')} if ${dependency.from} is a ${dependency.assumed[0] === 'cmd' ? 'Windows' : 'Linux'} image with no SHELL)`;
  if (dependency !== undefined) return '(unknown)';
  return v == null ? '(not set)' : formatArgv(v, 'json');
}

function text(image: LoadedImage, request: RunRequest, result: ResolveDockerRunResult | null, unknown: Unknown | null, findings: readonly Finding[], p: Palette): string {
  const lines: string[] = [];
  const label = (s: string) => p.bold(s.padEnd(11));
  if (image.kind === 'dockerfile' && image.stage !== undefined) {
    const s = image.stage;
    const name = s.name !== null ? ` "${s.name}"` : '';
    lines.push(`${p.bold(image.file)}: target stage ${s.index}${name} (FROM ${s.baseText} at line ${s.line})`);
    const fe = image.frontend;
    if (fe != null)
      lines.push(`  ${label('frontend')}${fe.ref}  ${p.dim(fe.version === null ? '(not modelled: built-in rules)' : `(rules of Dockerfile frontend ${fe.version})`)}`);
    for (const b of image.bases ?? []) lines.push(`  ${label('base')}${baseText(b, p)}`);
  } else {
    lines.push(`${p.bold(image.file)}: image config`);
  }
  const config = image.config as ImageConfig;
  const deps = image.dependsOn ?? {};
  const from = (v: readonly string[] | null | undefined, known: boolean, origin: string) => (v == null && known ? '' : `  ${p.dim(`← ${origin}`)}`);
  lines.push(`  ${label('ENTRYPOINT')}${describeList(config.entrypoint, deps.entrypoint)}${from(config.entrypoint, deps.entrypoint === undefined, image.origins.entrypoint.text)}`);
  lines.push(`  ${label('CMD')}${describeList(config.cmd, deps.cmd)}${from(config.cmd, deps.cmd === undefined, image.origins.cmd.text)}`);
  lines.push('', p.bold(request.display));
  if (unknown !== null) {
    lines.push(`  ${p.yellow(unknownHeadline(unknown))}: ${unknownDetail(unknown)}`);
    lines.push(`  ${p.dim(`give its config: --image-config ${unknown.from}=FILE (docker image inspect ${unknown.from} > FILE)`)}`);
  } else if (result !== null && result.ok) {
    // A Windows container starts with one command line, not an argv: print that, in Windows quoting.
    const windows = image.config?.os === 'windows';
    lines.push(windows ? `  ${label('cmdline')}${p.green(windowsLine(result.argv, image.config))}` : `  ${label('argv')}${p.green(formatArgv(result.argv, 'shell'))}`);
    lines.push(`  ${label('json')}${formatArgv(result.argv, 'json')}`);
    const source = (s: string) => (s === 'none' ? '' : `  ${p.dim(`← ${s === 'run' ? 'run options' : s}`)}`);
    lines.push(`  ${label('entrypoint')}${formatArgv(result.entrypoint, 'json')}${source(result.sources.entrypoint)}`);
    lines.push(`  ${label('cmd')}${formatArgv(result.cmd, 'json')}${source(result.sources.cmd)}`);
  } else if (result !== null) {
    lines.push(`  ${p.red('does not start:')} ${result.issues[0].message}`);
  }
  if (findings.length > 0) {
    lines.push('');
    for (const f of findings) lines.push(formatFinding(f, p));
  }
  return `${lines.join('\n')}\n`;
}

/**
 * Runs `explain`; returns the exit code: 1 when nothing runs or on an error diagnostic,
 * {@link EXIT_INCOMPLETE} when the argv depends on a base image config that was not given.
 */
export async function explainCommand(dockerfile: string | undefined, o: ExplainOptions, passthrough: readonly string[] | undefined, io: CliIO): Promise<number> {
  const request = await runRequestOf(o, passthrough);
  // `--run 'podman run …'` selects Podman's rules unless --engine says otherwise.
  const engine = o.engine ?? request.engine;
  const opts: ImageSourceOptions = { ...o, ...(engine !== undefined && { engine }) };
  const image = await loadImage(io, dockerfile, opts);
  const unknown = image.ok ? dockerfileUnknown(image.dependsOn, imageFieldsUsed(request.run, engineOptionsOf(opts))) : null;
  // The library warns that what runs depends on an unknown base; for this run it may not.
  const findings: Finding[] = [...image.findings.filter((f) => unknown !== null || f.code !== 'depends-on-unknown-base'), ...request.findings];
  let result: ResolveDockerRunResult | null = null;
  if (image.ok && image.config !== null && unknown === null) {
    result = resolveDockerRun(image.config, request.run, engineOptionsOf(opts));
    findings.push(...findingsOf(RUN_LABEL, result.diagnostics, result.ok ? [] : result.issues));
  }
  sortFindings(findings);
  const failed = !image.ok || (result !== null && !result.ok) || findings.some((f) => f.severity === 'error');
  if (o.json === true) {
    io.stdout.write(
      toJson({
        ok: result !== null && result.ok,
        complete: unknown === null,
        ...(unknown !== null && { dependsOn: { from: unknown.from, fields: unknown.fields, via: unknown.via } }),
        file: image.file,
        ...(image.stage !== undefined && { stage: { index: image.stage.index, name: image.stage.name, line: image.stage.line } }),
        ...(image.kind === 'dockerfile' && { frontend: image.frontend ?? null, bases: (image.bases ?? []).map(baseJson) }),
        image: image.config === null ? null : { entrypoint: known(image.config.entrypoint, image.dependsOn?.entrypoint), cmd: known(image.config.cmd, image.dependsOn?.cmd) },
        ...(image.unknownBases !== undefined && { unknownBases: image.unknownBases.map(({ from, stage, line, column }) => ({ from, stage, line, column })) }),
        origins: image.origins,
        run: { line: request.display, ...request.run },
        ...(result !== null && result.ok
          ? {
              argv: result.argv,
              ...(image.config?.os === 'windows' ? { commandLine: windowsLine(result.argv, image.config) } : { shell: formatArgv(result.argv, 'shell') }),
              entrypoint: result.entrypoint,
              cmd: result.cmd,
              sources: result.sources,
            }
          : {}),
        diagnostics: findings,
      }),
    );
  } else if (!image.ok) {
    const p = palette(useColor(io.stdout, io.env));
    io.stdout.write(`${p.bold(image.file)}: ${p.red('the build fails')}\n${findings.map((f) => formatFinding(f, p)).join('\n')}\n`);
  } else {
    io.stdout.write(text(image, request, result, unknown, findings, palette(useColor(io.stdout, io.env))));
  }
  return failed ? 1 : unknown !== null ? EXIT_INCOMPLETE : 0;
}

/** The command line a Windows container of `config` starts with (its ArgsEscaped leaves the first word as it is). */
function windowsLine(argv: readonly string[], config: ImageConfig | null): string {
  return windowsCommandLine(argv, config?.argsEscaped === true);
}

/** A config list for JSON output: the value, null when unset, `"unknown"` when it depends on an unknown base. */
function known(value: readonly string[] | null | undefined, dependency: unknown): readonly string[] | null | 'unknown' {
  return dependency !== undefined ? 'unknown' : (value ?? null);
}
