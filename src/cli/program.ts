/**
 * The `container-argv` command line. `runCli` parses arguments with commander and runs one
 * command; each command's module is loaded with `import()` only when it runs, so the modules
 * that need yaml or zod never slow down `explain` or `table`.
 */
import { Command, CommanderError, Option } from 'commander';
import pkg from '../../package.json' with { type: 'json' };
import { InputError, UsageError, palette, useColor, type CliIO } from './io.js';

const ENGINES = ['docker', 'podman'] as const;
const BUILDERS = ['buildkit', 'classic'] as const;
const OSES = ['linux', 'windows'] as const;

export function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

function engineOptions(cmd: Command): Command {
  return cmd
    .addOption(new Option('--engine <engine>', 'engine whose rules to apply').choices(ENGINES))
    .option('--engine-version <version>', 'engine release, e.g. 20.10, 27.3.1 or 4.3 (default: current)')
    .addOption(new Option('--builder <builder>', 'Docker builder').choices(BUILDERS));
}

function examples(lines: readonly string[]): string {
  return `\nExamples:\n${lines.map((l) => `  $ ${l}`).join('\n')}\n`;
}

/**
 * Runs the CLI with user arguments (no `node` or script path) and returns the exit code:
 * 0 success, 1 findings at or above the failure threshold (or nothing to run), 2 usage or input error.
 */
export async function runCli(argv: readonly string[], io: CliIO): Promise<number> {
  const err = palette(useColor(io.stderr, io.env));
  // Words after a lone `--` are the container's arguments (`docker run IMG ARGS…`), never options.
  const dd = argv.indexOf('--');
  const passthrough = dd >= 0 ? argv.slice(dd + 1) : undefined;
  const words = dd >= 0 ? argv.slice(0, dd) : [...argv];
  let exitCode = 0;

  const program = new Command('container-argv')
    .description('What argv will this container execute? ENTRYPOINT/CMD resolution for Dockerfiles, images, docker run, Kubernetes and Compose.')
    .version(pkg.version, '-V, --version', 'print the version')
    .helpOption('-h, --help', 'show help')
    .showSuggestionAfterError(true)
    .exitOverride()
    .configureOutput({
      writeOut: (s) => void io.stdout.write(s),
      writeErr: (s) => void io.stderr.write(s),
      outputError: (s, write) => write(`${err.red('container-argv:')} ${s.replace(/^error: /, '').trimEnd().replaceAll('\n', ' ')}\n`),
    })
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

  const rejectPassthrough = (name: string) => {
    if (passthrough !== undefined) throw new UsageError(`${name} takes no container arguments after "--"`);
  };

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
    .addHelpText(
      'after',
      examples(['container-argv table', 'container-argv table --cells argv', 'container-argv table --preset docker-docs --format html']),
    )
    .action(async (options) => {
      rejectPassthrough('table');
      const { tableCommand } = await import('./table.js');
      exitCode = tableCommand(options, io);
    });

  try {
    await program.parseAsync(words, { from: 'user' });
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      // --help and --version end with exit code 0; every parse error is a usage error.
      return error.code === 'commander.helpDisplayed' || error.code === 'commander.version' ? 0 : 2;
    }
    if (error instanceof UsageError || error instanceof InputError) {
      io.stderr.write(`${err.red('container-argv:')} ${error.message}\n`);
      return 2;
    }
    io.stderr.write(`${err.red('container-argv: internal error:')} ${error instanceof Error ? error.message : String(error)}\n`);
    return 70;
  }
}
