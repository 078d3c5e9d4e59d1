// What does each container of a Kubernetes manifest run? Image configs come from `docker image
// inspect` (here inline); `$(VAR)` references are expanded the way the kubelet does.
import { formatArgv, resolveManifests } from 'container-argv';

const manifest = `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
    - name: app
      image: node:20-slim
      env:
        - name: PORT
          value: "8080"
      args: ["node", "server.js", "--port", "$(PORT)"]
`;
const result = resolveManifests(manifest, { images: { 'node:20-slim': { entrypoint: ['docker-entrypoint.sh'], cmd: ['node'] } } });
if (!result.ok) throw new Error(result.issues[0].message);
for (const workload of result.workloads) {
  for (const c of workload.containers) {
    const r = c.result;
    const text = !r.ok ? r.issues[0].message : r.complete ? formatArgv(r.argv, 'shell') : `depends on the ${r.dependsOn.join(' and ')} of ${c.image}`;
    console.log(`${workload.kind}/${workload.name} ${c.name}:`, text);
  }
}

// Output:
// Pod/web app: docker-entrypoint.sh node server.js --port 8080
