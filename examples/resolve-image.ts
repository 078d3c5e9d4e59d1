// Resolve what an image built from a Dockerfile runs, with its base image's config taken from
// `docker image inspect` output, then what `docker run IMAGE --port 8080` runs.
import { evaluateDockerfile, formatArgv, imageConfigFromInspect, resolveDockerRun } from 'container-argv';

const inspect = '[{"Os":"linux","Config":{"Entrypoint":["docker-entrypoint.sh"],"Cmd":["node"]}}]';
const base = imageConfigFromInspect(inspect);
if (!base.ok) throw new Error(base.issues[0].message);

const dockerfile = `FROM node:20-slim
COPY . /app
CMD node /app/server.js
`;
const built = evaluateDockerfile(dockerfile, { baseImages: { 'node:20-slim': base.config } });
if (!built.ok) throw new Error(built.issues[0].message);
console.log('ENTRYPOINT', formatArgv(built.config.entrypoint ?? []), 'from', built.target.sources.entrypoint.kind);
console.log('CMD       ', formatArgv(built.config.cmd ?? []), 'from line', built.target.sources.cmd.kind === 'instruction' ? built.target.sources.cmd.line : '-');

for (const args of [[], ['--port', '8080']]) {
  const run = resolveDockerRun(built.config, { args });
  console.log(run.ok ? formatArgv(run.argv, 'shell') : run.issues[0].message);
}

// Output:
// ENTRYPOINT ["docker-entrypoint.sh"] from inherited
// CMD        ["/bin/sh", "-c", "node /app/server.js"] from line 3
// docker-entrypoint.sh /bin/sh -c 'node /app/server.js'
// docker-entrypoint.sh --port 8080
