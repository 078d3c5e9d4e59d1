// Translate a `docker run` command line into the Kubernetes command/args that run the same argv.
import { formatArgv, parseRunCommandLine, toKubernetes, type ImageConfig } from 'container-argv';

const image: ImageConfig = { entrypoint: ['/usr/local/bin/app'], cmd: ['serve'] };
const lines = [
  'docker run --rm -p 8080:8080 registry.example/app:1.4 migrate --to latest',
  `docker run -it --entrypoint /bin/sh registry.example/app:1.4 -c 'echo $HOME'`,
  'docker run registry.example/app:1.4',
];

for (const line of lines) {
  const parsed = parseRunCommandLine(line);
  if (!parsed.ok) throw new Error(parsed.issues[0].message);
  const k8s = toKubernetes(image, parsed.run);
  if (!k8s.ok) throw new Error(k8s.issues[0].message);
  const fields = [k8s.command !== null ? `command: ${formatArgv(k8s.command)}` : null, k8s.args !== null ? `args: ${formatArgv(k8s.args)}` : null].filter((f) => f !== null);
  console.log(`${parsed.image}: ${fields.length > 0 ? fields.join('  ') : '(image defaults)'}`);
}

// Output:
// registry.example/app:1.4: args: ["migrate", "--to", "latest"]
// registry.example/app:1.4: command: ["/bin/sh"]  args: ["-c", "echo $$HOME"]
// registry.example/app:1.4: (image defaults)
