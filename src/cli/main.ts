/** Entry point of the `container-argv` bin (dist/cli.js). */
import { exitOnBrokenPipe, processIO } from './io.js';
import { runCli } from './program.js';

exitOnBrokenPipe(process.stdout, (code) => process.exit(code));
exitOnBrokenPipe(process.stderr, (code) => process.exit(code));

const code = await runCli(process.argv.slice(2), processIO());
process.exitCode = code;
