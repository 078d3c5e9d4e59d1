/** Files the CLI command tests run against, written to a fresh temporary directory per test file. */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const INSPECT = JSON.stringify([{ Os: 'linux', Config: { Entrypoint: ['docker-entrypoint.sh'], Cmd: ['node'] } }]);
export const DEPLOY = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  template:
    spec:
      containers:
        - name: app
          image: node:20-slim
          args: ["node", "server.js", "--port", "$(PORT)"]
        - name: sidecar
          image: busybox
          command: ["/bin/sh", "-c", "sleep 3600"]
`;
export const COMPOSE = `services:
  web:
    image: node:20-slim
    command: node server.js
  worker:
    image: node:20-slim
    entrypoint: ["/bin/sh", "-c"]
    command: ["node", "worker.js"]
`;

const DOCKERFILE = 'FROM node:20-slim\nWORKDIR /app\nENTRYPOINT ["/app/entrypoint.sh"]\nCMD node server.js\n';
const BASE_ONLY = 'FROM node:20-slim\nCOPY . /app\n';
const RESETS = 'FROM node:20-slim\nENTRYPOINT ["tini", "--"]\n';

/** A directory with a Dockerfile, base-image configs and broken inputs (explain, k8s). */
export function writeCommandFixtures(): string {
  const dir = mkdtempSync(join(tmpdir(), 'container-argv-cli-'));
  writeFileSync(join(dir, 'Dockerfile'), DOCKERFILE);
  writeFileSync(join(dir, 'base-only.Dockerfile'), BASE_ONLY);
  writeFileSync(join(dir, 'resets.Dockerfile'), RESETS);
  writeFileSync(join(dir, 'bad.Dockerfile'), 'FROM alpine\nCMD ["a", 1]\n');
  writeFileSync(join(dir, 'node.json'), INSPECT);
  writeFileSync(join(dir, 'broken.json'), '{"Config": ');
  writeFileSync(join(dir, 'wrong.json'), '{"Config": {"Cmd": [1]}}');
  return dir;
}

/** A directory with a repo of Dockerfiles, a compose file, a manifest and .env projects (k8s --manifest, compose, lint). */
export function writeWorkloadFixtures(): string {
  const dir = mkdtempSync(join(tmpdir(), 'container-argv-workloads-'));
  writeFileSync(join(dir, 'node.json'), INSPECT);
  // docker-library/official-images alpine: CMD ["/bin/sh"], no ENTRYPOINT.
  writeFileSync(join(dir, 'alpine.json'), JSON.stringify([{ Os: 'linux', Config: { Entrypoint: null, Cmd: ['/bin/sh'] } }]));
  mkdirSync(join(dir, 'repo/deploy'), { recursive: true });
  mkdirSync(join(dir, 'repo/node_modules/x'), { recursive: true });
  writeFileSync(join(dir, 'repo/deploy/web.yaml'), DEPLOY);
  writeFileSync(join(dir, 'repo/compose.yaml'), COMPOSE);
  writeFileSync(join(dir, 'repo/Dockerfile'), 'FROM alpine\nENTRYPOINT echo hi\nCMD ["x"]\n');
  writeFileSync(join(dir, 'repo/api.Dockerfile'), 'FROM scratch\nCMD ["/api"]\n');
  writeFileSync(join(dir, 'repo/bad.Dockerfile'), 'FROM scratch\nCMD ["/api", 1]\n');
  writeFileSync(join(dir, 'repo/settings.yaml'), 'a: 1\n');
  writeFileSync(join(dir, 'repo/node_modules/x/Dockerfile'), 'FROM scratch\nCMD ["x", 1]\n');
  writeFileSync(join(dir, 'clean.Dockerfile'), 'FROM scratch\nCMD ["/api"]\n');
  writeFileSync(join(dir, 'export.Dockerfile'), 'FROM alpine AS build\nRUN make\nFROM scratch\nCOPY --from=build /out /\n');
  writeFileSync(join(dir, 'arg.Dockerfile'), 'ARG BASE\nFROM $BASE\nCMD ["/app"]\n');
  mkdirSync(join(dir, 'envproj'), { recursive: true });
  writeFileSync(join(dir, 'envproj/compose.yaml'), 'services:\n  web:\n    image: node:20-slim\n    command: ${MODE:-fallback} --port ${PORT}\n');
  writeFileSync(join(dir, 'envproj/.env'), '# project defaults\nMODE=serve\nexport PORT="8080"\n');
  writeFileSync(join(dir, 'envproj/prod.env'), 'MODE=prod\nPORT=80\n');
  writeFileSync(join(dir, 'envproj/late.env'), "PORT='443'\n");
  writeFileSync(join(dir, 'envproj/bad.env'), 'MODE=ok\nPORT="unterminated\n');
  return dir;
}
