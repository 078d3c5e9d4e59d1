/** `container-argv k8s`: Kubernetes `command`/`args` that run what `docker run` runs, or what a manifest's containers run. */
import { toKubernetes } from '../../kubernetes/container.js';
import { formatArgv } from '../../core/format-argv.js';
import { resolveDockerRun } from '../../run/docker-run.js';
import { baseJson } from '../base-images/report.js';
import { engineOptionsOf, loadImage, type ImageSourceOptions } from '../image.js';
import { palette, useColor, type CliIO } from '../io.js';
import { runRequestOf } from './explain.js';
import { findingsOf, formatFinding, sortFindings, toJson, type Finding } from '../report.js';
import { imageFieldsUsed, type ImageField } from '../../run/image-needs.js';
import { EXIT_INCOMPLETE, dockerfileUnknown, unknownDetail, unknownHeadline } from '../completeness.js';

export interface K8sOptions extends ImageSourceOptions {
  readonly entrypoint?: string;
  readonly init?: boolean;
  readonly run?: string;
  readonly json?: boolean;
}

/** YAML for a list of strings in flow style with JSON quoting (valid YAML, exact for every string). */
function yamlList(values: readonly string[]): string {
  return `[${values.map((v) => JSON.stringify(v)).join(', ')}]`;
}

export async function k8sCommand(dockerfile: string | undefined, o: K8sOptions, passthrough: readonly string[] | undefined, io: CliIO): Promise<number> {
  const request = await runRequestOf(o, passthrough);
  const engine = o.engine ?? request.engine;
  const opts: ImageSourceOptions = { ...o, ...(engine !== undefined && { engine }) };
  const image = await loadImage(io, dockerfile, opts);
  const findings: Finding[] = [...image.findings, ...request.findings];
  const p = palette(useColor(io.stdout, io.env));
  if (!image.ok || image.config === null) {
    sortFindings(findings);
    if (o.json === true) io.stdout.write(toJson({ ok: false, file: image.file, diagnostics: findings }));
    else io.stdout.write(`${p.bold(image.file)}: ${p.red('the build fails')}\n${findings.map((f) => formatFinding(f, p)).join('\n')}\n`);
    return 1;
  }
  const bases = image.bases !== undefined ? { bases: image.bases.map(baseJson) } : {};
  const baseLines = (image.bases ?? []).map((b) => `# base ${b.description}`);
  // What docker run takes from the image; `--entrypoint ""` also needs the ENTRYPOINT, which Kubernetes cannot clear.
  const used: ImageField[] = imageFieldsUsed(request.run, engineOptionsOf(opts));
  if (request.run.entrypoint === '' && !used.includes('entrypoint')) used.unshift('entrypoint');
  const unknown = dockerfileUnknown(image.dependsOn, used);
  if (unknown !== null) {
    sortFindings(findings);
    if (o.json === true) {
      io.stdout.write(
        toJson({
          ok: false,
          complete: false,
          file: image.file,
          run: request.display,
          ...bases,
          dependsOn: { from: unknown.from, fields: unknown.fields, via: unknown.via },
          diagnostics: findings,
        }),
      );
    } else {
      const lines = [`# ${image.file}: ${request.display}`, ...baseLines, `# ${p.yellow(unknownHeadline(unknown))}: ${unknownDetail(unknown)}`];
      for (const f of findings) lines.push(`# ${formatFinding(f, p)}`);
      io.stdout.write(`${lines.join('\n')}\n`);
    }
    return EXIT_INCOMPLETE;
  }
  const withoutDependence = findings.filter((f) => f.code !== 'depends-on-unknown-base');
  findings.length = 0;
  findings.push(...withoutDependence);
  const result = toKubernetes(image.config, request.run);
  const docker = resolveDockerRun(image.config, request.run, engineOptionsOf(opts));
  findings.push(...findingsOf('kubernetes', result.diagnostics, result.ok ? [] : result.issues));
  sortFindings(findings);
  if (o.json === true) {
    io.stdout.write(
      toJson({
        ok: result.ok,
        file: image.file,
        run: request.display,
        ...bases,
        ...(docker.ok && { argv: docker.argv }),
        ...(result.ok && result.command !== null && { command: result.command }),
        ...(result.ok && result.args !== null && { args: result.args }),
        diagnostics: findings,
      }),
    );
    return result.ok ? 0 : 1;
  }
  const lines: string[] = [`# ${image.file}: ${request.display}`, ...baseLines];
  if (docker.ok) lines.push(`# runs ${formatArgv(docker.argv, 'json')}`);
  if (result.ok) {
    if (result.command === null && result.args === null) lines.push('# the image defaults already run this: leave command and args unset', '{}');
    if (result.command !== null) lines.push(`command: ${yamlList(result.command)}`);
    if (result.args !== null) lines.push(`args: ${yamlList(result.args)}`);
  } else {
    lines.push(`# ${p.red('cannot be expressed:')} ${result.issues[0].message}`);
  }
  for (const f of findings) lines.push(`# ${formatFinding(f, p)}`);
  io.stdout.write(`${lines.join('\n')}\n`);
  return result.ok ? 0 : 1;
}
