/**
 * The `container-argv` command line. `runCli` parses arguments with commander and runs one
 * command; each command's module is loaded with `import()` only when it runs, so the modules
 * that need yaml or zod never slow down `explain` or `table`.
 */
import { Command, CommanderError, Option } from 'commander';
import pkg from '../../package.json' with { type: 'json' };
import { engineOptionsProblem, newestModelledFor, parseEngineVersion } from '../core/engine-profile.js';
import { InputError, UsageError, palette, useColor, type CliIO } from './io.js';
import { safeStream } from './terminal.js';
import type { K8sOptions } from './commands/k8s.js';

const ENGINES = ['docker', 'podman'] as const;
const BUILDERS = ['buildkit', 'classic'] as const;
const OSES = ['linux', 'windows'] as const;

function collect(value: string, previous: string[] | undefined): string[] {
  return [...(previous ?? []), value];
}

function engineOptions(cmd: Command): Command {
  return cmd
    .addOption(new Option('--engine <engine>', 'engine whose rules to apply').choices(ENGINES))
    .option('--engine-version <version>', 'engine release, e.g. 20.10, 27.3.1 or 4.3 (default: current)')
    .addOption(new Option('--builder <builder>', 'Docker builder').choices(BUILDERS));
}

/** The exit statuses of every command, in the program's own help. */
const PROGRAM_EXIT_STATUS =
  '\nExit status: 0 ok; 1 nothing runs, or a finding at lint --fail-on; 2 usage or input error; 3 the answer depends on an image\n' +
  'config that was not given ("depends on node:20 (base image config unknown)"; --strict makes it 1).\n';

/** The exit statuses, in the help of each command that can return 3 (explain, k8s, compose, convert: they have no --fail-on). */
const EXIT_STATUS =
  '\nExit status: 0 ok; 1 nothing runs (convert: an item cannot be converted); 2 usage or input error; 3 the answer depends on an\n' +
  'image config that was not given ("depends on node:20 (base image config unknown)"; --strict makes it 1).\n';

/** The exit statuses of lint. */
const LINT_EXIT_STATUS = '\nExit status: 0 no finding at --fail-on; 1 a finding at --fail-on or above (default: error); 2 usage or input error.\n';

/** `--base REF=FILE`: the old name of `--image-config REF=FILE` in explain and k8s; hidden, still accepted (with a note). */
function deprecatedBase(): Option {
  return new Option('--base <REF=FILE>', 'deprecated: use --image-config REF=FILE').hideHelp().argParser(collect);
}

/** The commands that look images up (the Dockerfile's bases, the containers' and services' images). */
const BASE_IMAGE_COMMANDS = new Set(['explain', 'k8s', 'compose', 'convert', 'lint']);

/** Where configs of base images (and Compose/Kubernetes images) come from besides REF=FILE files. */
function baseImageOptions(cmd: Command): Command {
  return cmd
    .addOption(new Option('--from-engine <engine>', 'read images present in a local engine (docker|podman image inspect)').choices(ENGINES))
    .option('--pull', 'ask registries for image configs (answers cached under $XDG_CACHE_HOME/container-argv)')
    .option('--offline', 'no network: registry answers from the cache only, then the catalog')
    .option('--platform <os/arch[/variant]>', 'target platform: of the images to look up, and TARGETPLATFORM, TARGETOS… in a Dockerfile (default linux/amd64)')
    .option('--insecure-registry <host[:port]>', 'a registry reached over plain http (repeatable; with --pull)', collect)
    .option('--no-catalog', 'do not answer images from the bundled catalog');
}

/** `--build-platform`, for the commands that evaluate a Dockerfile (`--platform` comes with the image lookups). */
function buildPlatformOption(): Option {
  return new Option('--build-platform <os/arch[/variant]>', "the engine's own platform: BUILDPLATFORM, BUILDOS… in the Dockerfile (default linux/amd64)");
}

/** `--config-map`, `--secret`, `--namespace`: what Kubernetes manifests read besides themselves (`scope`: when they apply). */
function manifestDataOptions(cmd: Command, scope: string): Command {
  return cmd
    .option('--config-map <FILE>', `${scope}ConfigMaps (YAML, several documents or a List, e.g. 'kubectl get configmap -o yaml') that envFrom/valueFrom read, repeatable`, collect)
    .option('--secret <FILE>', `${scope}Secrets (data base64, stringData) that envFrom/valueFrom read, repeatable`, collect)
    .option('--namespace <ns>', `${scope}the namespace objects without metadata.namespace are applied to (kubectl apply -n)`);
}

function examples(lines: readonly string[]): string {
  return `\nExamples:\n${lines.map((l) => `  $ ${l}`).join('\n')}\n`;
}

/** One CLI invocation as the command actions see it. */
interface CliRun {
  readonly io: CliIO;
  /** Words after a lone `--`: the container's arguments (`docker run IMG ARGS…`), never options. */
  readonly passthrough: readonly string[] | undefined;
  /** Set by the action that ran. */
  exitCode: number;
}

/** Throws a usage error when a command that takes no container arguments got `-- ARGS`. */
function rejectPassthrough(run: CliRun, name: string): void {
  if (run.passthrough !== undefined) throw new UsageError(`${name} takes no container arguments after "--"`);
}

/**
 * Runs the CLI with user arguments (no `node` or script path) and returns the exit code:
 * 0 success, 1 findings at or above the failure threshold (or nothing to run), 2 usage or input error,
 * 3 the answer depends on an image config that was not given (`--strict` makes that 1).
 */
export async function runCli(argv: readonly string[], given: CliIO): Promise<number> {
  // Every byte written is escaped (src/cli/terminal.ts): input cannot drive the terminal.
  const io: CliIO = { ...given, stdout: safeStream(given.stdout), stderr: safeStream(given.stderr) };
  const err = palette(useColor(io.stderr, io.env));
  const dd = argv.indexOf('--');
  const run: CliRun = { io, passthrough: dd >= 0 ? argv.slice(dd + 1) : undefined, exitCode: 0 };
  const program = rootCommand(io, err.red);
  for (const register of COMMANDS) register(program, run);
  for (const cmd of program.commands) if (BASE_IMAGE_COMMANDS.has(cmd.name())) baseImageOptions(cmd);
  try {
    await program.parseAsync(dd >= 0 ? argv.slice(0, dd) : [...argv], { from: 'user' });
    return run.exitCode;
  } catch (error) {
    return exitCodeOf(error, io, err.red);
  }
}

/** The exit code of an error thrown while parsing or running, reported on stderr. */
function exitCodeOf(error: unknown, io: CliIO, red: (s: string) => string): number {
  if (error instanceof CommanderError) {
    // --help and --version end with exit code 0; every parse error is a usage error.
    return error.code === 'commander.helpDisplayed' || error.code === 'commander.version' ? 0 : 2;
  }
  if (error instanceof UsageError || error instanceof InputError) {
    io.stderr.write(`${red('container-argv:')} ${error.message}\n`);
    return 2;
  }
  io.stderr.write(`${red('container-argv: internal error:')} ${error instanceof Error ? error.message : String(error)}\n`);
  return 70;
}

/** The `container-argv` program: version, help, output routed to `io`, errors on one line. */
function rootCommand(io: CliIO, red: (s: string) => string): Command {
  const program = new Command('container-argv')
    .description('What argv will this container execute? ENTRYPOINT/CMD resolution for Dockerfiles, images, docker run, Kubernetes and Compose.')
    .version(pkg.version, '-V, --version', 'print the version')
    .helpOption('-h, --help', 'show help')
    .showSuggestionAfterError(true)
    .exitOverride()
    .configureOutput({
      writeOut: (s) => void io.stdout.write(s),
      writeErr: (s) => void io.stderr.write(s),
      outputError: (s, write) =>
        write(
          `${red('container-argv:')} ${s
            .replace(/^error: /, '')
            .trimEnd()
            .replaceAll('\n', ' ')}\n`,
        ),
    })
    .addHelpText('after', PROGRAM_EXIT_STATUS)
    .addHelpText(
      'after',
      examples([
        'container-argv explain Dockerfile',
        'container-argv explain Dockerfile --run "docker run --entrypoint sh app -c id"',
        'container-argv table --preset docker-docs',
        'container-argv k8s Dockerfile -- --port 8080',
        'container-argv lint . --format sarif > results.sarif',
      ]),
    );
  program.hook('preAction', (_program, action) => {
    const opts = action.opts<{ engine?: 'docker' | 'podman'; engineVersion?: string; builder?: 'buildkit' | 'classic' }>();
    const version = opts.engineVersion;
    if (version !== undefined && parseEngineVersion(version) === null) {
      throw new UsageError(`--engine-version expects a release like 20.10 or 27.3.1, got ${JSON.stringify(version)}`);
    }
    const engine = {
      ...(opts.engine !== undefined && { engine: opts.engine }),
      ...(version !== undefined && { engineVersion: version }),
      ...(opts.builder !== undefined && { builder: opts.builder }),
    };
    const problem = engineOptionsProblem(engine);
    if (problem !== null) throw new UsageError(`--builder: ${problem} (leave --builder out with --engine podman)`);
    const newest = newestModelledFor(engine);
    if (newest !== null) io.stderr.write(`container-argv: note: Docker ${version ?? ''} is later than the newest release modelled (${newest}); the rules of ${newest} apply\n`);
  });
  return program;
}

function registerTable(program: Command, run: CliRun): void {
  engineOptions(
    program
      .command('table')
      .description('print the ENTRYPOINT x CMD table, every cell computed by the resolver')
      .addOption(new Option('--format <format>', 'output format').choices(['md', 'markdown', 'html', 'json']).default('md'))
      .addOption(new Option('--preset <preset>', 'labels and values: the seed document or the Docker reference').choices(['seed', 'docker-docs']).default('seed'))
      .addOption(new Option('--cells <style>', 'plain (as the docs write it) or argv (exact JSON argv)').choices(['plain', 'argv']).default('plain'))
      .addOption(new Option('--os <os>', 'target OS of the image').choices(OSES))
      .option('--json', 'same as --format json'),
  )
    .addHelpText('after', '\nExit status: 0 ok; 2 usage error.\n')
    .addHelpText('after', examples(['container-argv table', 'container-argv table --cells argv', 'container-argv table --preset docker-docs --format html']))
    .action(async (options) => {
      rejectPassthrough(run, 'table');
      const { tableCommand } = await import('./commands/table.js');
      run.exitCode = tableCommand(options, run.io);
    });
}

function registerExplain(program: Command, run: CliRun): void {
  engineOptions(
    program
      .command('explain')
      .description('print the argv a container of this image executes, where ENTRYPOINT/CMD came from, and every diagnostic')
      .argument('[dockerfile]', 'Dockerfile to evaluate ("-" reads stdin; default ./Dockerfile)')
      .option('--target <stage>', 'build stage to evaluate (default: the last)')
      .addOption(buildPlatformOption())
      .option(
        '--image-config <FILE|REF=FILE>',
        'an image config (docker image inspect output or an OCI config): FILE explains that image instead of a Dockerfile; REF=FILE is a base image (repeatable)',
        collect,
      )
      .addOption(deprecatedBase())
      .option('--build-arg <KEY=VALUE>', 'docker build --build-arg for ARGs before the first FROM (repeatable)', collect)
      .addOption(new Option('--os <os>', 'target OS of the image').choices(OSES))
      .option('--entrypoint <cmd>', 'docker run --entrypoint (one word, never split; "" clears it)')
      .option('--init', 'docker run --init')
      .option('--run <line>', "a whole 'docker run … IMAGE args' (or podman run) line instead of --entrypoint/--init/-- ARGS")
      .option('--strict', 'an answer that depends on an image config not given is an error (exit 1) instead of exit 3')
      .option('--json', 'print the result as JSON'),
  )
    .usage('[options] [dockerfile] [-- ARGS...]')
    .addHelpText('after', EXIT_STATUS)
    .addHelpText(
      'after',
      examples([
        'container-argv explain Dockerfile',
        'container-argv explain Dockerfile --image-config node:20=node.inspect.json -- --port 8080',
        'container-argv explain Dockerfile --pull --platform linux/arm64',
        "container-argv explain Dockerfile --run 'docker run --rm --entrypoint sh app -c id'",
        'container-argv explain --image-config <(docker image inspect nginx) --json',
        'cat Dockerfile | container-argv explain - --target runtime',
      ]),
    )
    .action(async (dockerfile: string | undefined, options) => {
      const { explainCommand } = await import('./commands/explain.js');
      const { withDeprecatedBase } = await import('./image.js');
      run.exitCode = await explainCommand(dockerfile, withDeprecatedBase(options, run.io), run.passthrough, run.io);
    });
}

/** `k8s --manifest` options besides the image ones. */
interface K8sManifestOptions {
  readonly manifest?: string;
  readonly base?: readonly string[];
  readonly configMap?: readonly string[];
  readonly secret?: readonly string[];
  readonly namespace?: string;
}

function registerK8s(program: Command, run: CliRun): void {
  manifestDataOptions(
    engineOptions(
      program
        .command('k8s')
        .description('print the Kubernetes command/args that run exactly what docker run runs')
        .argument('[dockerfile]', 'Dockerfile to evaluate ("-" reads stdin; default ./Dockerfile)')
        .option('--target <stage>', 'build stage to evaluate (default: the last)')
        .addOption(buildPlatformOption())
        .option(
          '--image-config <FILE|REF=FILE>',
          'an image config (docker image inspect output or an OCI config): FILE instead of a Dockerfile; REF=FILE a base image, or with --manifest a container image (repeatable)',
          collect,
        )
        .addOption(deprecatedBase())
        .option('--build-arg <KEY=VALUE>', 'docker build --build-arg (repeatable)', collect)
        .addOption(new Option('--os <os>', 'target OS of the image').choices(OSES))
        .option('--manifest <file>', 'a Kubernetes manifest (Pod, Deployment, … several documents): what each container runs')
        .option('--entrypoint <cmd>', 'docker run --entrypoint to translate')
        .option('--init', 'docker run --init (Kubernetes has no equivalent: reported)')
        .option('--run <line>', "a whole 'docker run … IMAGE args' line to translate")
        .option('--strict', 'an answer that depends on an image config not given is an error (exit 1) instead of exit 3')
        .option('--json', 'print the result as JSON'),
    ),
    'with --manifest: ',
  )
    .usage('[options] [dockerfile] [-- ARGS...]')
    .addHelpText('after', EXIT_STATUS)
    .addHelpText(
      'after',
      examples([
        'container-argv k8s Dockerfile -- --port 8080',
        'container-argv k8s --image-config nginx.json --run \'docker run --entrypoint /bin/sh nginx -c "echo $HOME"\'',
        'helm template ./chart > out.yaml && container-argv k8s --manifest out.yaml --config-map <(kubectl get configmap shared -o yaml)',
      ]),
    )
    .action(async (dockerfile: string | undefined, given: K8sOptions & K8sManifestOptions) => {
      const { withDeprecatedBase } = await import('./image.js');
      const options = withDeprecatedBase(given, run.io);
      if (options.manifest === undefined && (options.configMap !== undefined || options.secret !== undefined || options.namespace !== undefined)) {
        throw new UsageError('--config-map, --secret and --namespace go with --manifest FILE');
      }
      if (options.manifest !== undefined) {
        if (dockerfile !== undefined) throw new UsageError('give either a Dockerfile or --manifest FILE, not both');
        if (options.entrypoint !== undefined || options.init === true || options.run !== undefined || run.passthrough !== undefined) {
          throw new UsageError('--manifest reads command/args from the manifest; do not combine it with --entrypoint, --init, --run or "-- ARGS"');
        }
        const { manifestCommand } = await import('./commands/workloads.js');
        run.exitCode = await manifestCommand(options.manifest, options, run.io);
        return;
      }
      const { k8sCommand } = await import('./commands/k8s.js');
      run.exitCode = await k8sCommand(dockerfile, options, run.passthrough, run.io);
    });
}

function registerCompose(program: Command, run: CliRun): void {
  program
    .command('compose')
    .description('print what each service of a Compose project runs (docker compose up), loaded as docker compose loads it')
    .argument('[file]', 'a compose file ("-" reads stdin); default: -f, COMPOSE_FILE, else compose.yaml… and its override file')
    .option('-f, --file <FILE>', 'a compose file, repeatable: later files merge onto earlier ones (docker compose -f)', collect)
    .option('--profile <NAME>', 'a profile to enable, repeatable (default: COMPOSE_PROFILES)', collect)
    .option('--project-directory <DIR>', 'the project directory (default: the directory of the first file)')
    .option('--run <SERVICE>', 'docker compose run SERVICE [-- COMMAND…]: that service starts whatever its profiles, after its depends_on services, COMMAND replacing its command')
    .option('--entrypoint <cmd>', 'docker compose run --entrypoint (with --run; split like a shell, "" clears it)')
    .option('--no-deps', 'with --run: docker compose run --no-deps (no depends_on service is started)')
    .option('--daemon-init', 'the daemon runs an init process by default (dockerd --init): services without init: use it')
    .option('--image-config <REF=FILE>', 'config of an image by reference (or by service name for build-only services), repeatable', collect)
    .option('--env <KEY=VALUE>', 'a variable for ${VAR} interpolation (KEY alone takes it from the environment), repeatable; wins over .env files', collect)
    .option('--env-file <PATH>', "a .env file for ${VAR} interpolation instead of the project's .env (later files win), repeatable", collect)
    .option('--strict', 'an answer that depends on an image config not given is an error (exit 1) instead of exit 3')
    .option('--json', 'print the result as JSON')
    .addHelpText('after', EXIT_STATUS)
    .addHelpText(
      'after',
      examples([
        'container-argv compose --image-config nginx:1.27=nginx.json',
        'container-argv compose -f compose.yaml -f compose.prod.yaml --profile debug',
        'container-argv compose deploy/compose.yaml --env-file deploy/prod.env --env TAG=1.2',
        'container-argv compose --run web -- npm test',
        'docker image inspect app > app.json && container-argv compose compose.yaml --image-config app=app.json --json',
      ]),
    )
    .action(async (file: string | undefined, options) => {
      const { composeProjectCommand } = await import('./commands/compose-project.js');
      run.exitCode = await composeProjectCommand(file, { ...options, ...(run.passthrough !== undefined && { command: run.passthrough }) }, run.io);
    });
}

function registerLint(program: Command, run: CliRun): void {
  manifestDataOptions(
    engineOptions(program.command('lint').description('check Dockerfiles, Compose files and Kubernetes manifests (files or directories, walked)')),
    'for Kubernetes manifests: ',
  )
    .argument('[paths...]', 'files or directories (default: .); "-" reads stdin')
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json', 'sarif']).default('text'))
    .addOption(
      new Option('--fail-on <severity>', 'exit 1 when a finding is at least this severe (default: error, or "failOn" of the config file)').choices(['error', 'warning', 'info']),
    )
    .option('--ignore <ID>', 'turn a code off: a container-argv code, or a BuildKit check / hadolint rule it maps (repeatable, or comma-separated)', collect)
    .option('--gitignore', "leave out files the repository's .gitignore files ignore")
    .option('--verbose', 'say on stderr what was passed over: Kubernetes kinds without a pod template, other YAML, links visited once')
    .option('--image-config <REF=FILE>', 'config of a base/service/container image, repeatable (otherwise only what does not depend on the image is checked)', collect)
    .option('--build-arg <KEY=VALUE>', 'docker build --build-arg for Dockerfiles (repeatable)', collect)
    .addOption(buildPlatformOption())
    .option('--json', 'same as --format json')
    .addHelpText('after', LINT_EXIT_STATUS)
    .addHelpText(
      'after',
      '\nDirectories are walked with their dot-directories (not .git or node_modules), following symbolic links once.\n' +
        'Configuration: .container-argv.json (or a "container-argv" key in package.json) in the working directory or\n' +
        'a parent: {"ignore": ["json-args-recommended", "DL4003"], "failOn": "warning", "gitignore": true}.\n' +
        'In a file, "# container-argv ignore=CODE" (or "# hadolint ignore=DL3025") on the line above a finding turns it off;\n' +
        '"# container-argv global ignore=CODE" anywhere turns it off for the whole file.\n',
    )
    .addHelpText(
      'after',
      examples([
        'container-argv lint .',
        'container-argv lint Dockerfile deploy/ --fail-on warning',
        'container-argv lint . --gitignore --ignore DL3025 --format sarif > container-argv.sarif',
      ]),
    )
    .action(async (paths: string[], options) => {
      rejectPassthrough(run, 'lint');
      const { lintCommand } = await import('./commands/lint.js');
      run.exitCode = await lintCommand(paths, options, run.io, pkg.version);
    });
}

function registerConvert(program: Command, run: CliRun): void {
  manifestDataOptions(
    program
      .command('convert')
      .description('write a docker run line, a Compose file or a Kubernetes manifest as another of the three, argv-exact')
      .argument('[file]', 'a compose.yaml or a Kubernetes manifest ("-" reads stdin); or give a run line with --run or after "--"'),
    'for a Kubernetes manifest: ',
  )
    .addOption(new Option('--to <form>', 'the form to write').choices(['run', 'compose', 'kubernetes']).makeOptionMandatory())
    .addOption(
      new Option('--from <form>', 'the form of the input (default: a run line when given, else compose for a file with services:, else kubernetes)').choices([
        'run',
        'compose',
        'kubernetes',
      ]),
    )
    .option('--run <line>', "a whole 'docker run … IMAGE args' (or podman run) line")
    .option('--service <name>', 'only this service of the Compose file')
    .option(
      '--image-config <FILE|REF=FILE>',
      "an image config (docker image inspect output or an OCI config): FILE for the input's image, REF=FILE by reference (repeatable)",
      collect,
    )
    .addOption(new Option('--engine <engine>', 'engine of the run line read or written (podman writes a multi-word entrypoint as JSON)').choices(ENGINES))
    .option('--engine-version <version>', 'engine release whose run-line grammar applies (default: current)')
    .addOption(new Option('--shell <shell>', 'shell a written run line is quoted for').choices(['posix', 'powershell', 'cmd']).default('posix'))
    .addOption(new Option('--kind <kind>', 'what surrounds a written Kubernetes container').choices(['Pod', 'Deployment', 'Container']).default('Pod'))
    .option('--env <KEY=VALUE>', 'a variable for Compose ${VAR} interpolation (KEY alone takes it from the environment), repeatable', collect)
    .option('--env-file <PATH>', "a .env file for Compose interpolation instead of the project's .env, repeatable", collect)
    .option('--strict', 'an answer that depends on an image config not given is an error (exit 1) instead of exit 3')
    .option('--json', 'print the result as JSON')
    .usage('[options] [file] [-- docker run ...]')
    .addHelpText('after', EXIT_STATUS)
    .addHelpText(
      'after',
      examples([
        "container-argv convert --to compose -- docker run --rm -e A=1 --entrypoint '' nginx echo '$HOME'",
        'container-argv convert compose.yaml --to kubernetes --kind Deployment --service web',
        'container-argv convert deploy.yaml --to run --shell powershell',
        'container-argv convert compose.yaml --to run --image-config app:1=app.json --pull',
      ]),
    )
    .action(async (file: string | undefined, options) => {
      const { convertCommand } = await import('./commands/convert.js');
      run.exitCode = await convertCommand(file, options, run.passthrough, run.io);
    });
}

/** The commands in help order; each registers its options and an action that imports its module on use. */
const COMMANDS: readonly ((program: Command, run: CliRun) => void)[] = [registerTable, registerExplain, registerK8s, registerCompose, registerConvert, registerLint];
