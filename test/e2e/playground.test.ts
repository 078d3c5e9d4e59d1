import { existsSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';

const ROOT = fileURLToPath(new URL('../../docs/playground/', import.meta.url));
const CHROMIUM = '/usr/bin/chromium';
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.map': 'application/json',
};

let server: Server;
let browser: Browser;
let page: Page;
let base = '';
const pageErrors: string[] = [];

beforeAll(async () => {
  if (!existsSync(join(ROOT, 'lib/container-argv.js'))) throw new Error('run `npm run playground` first (npm run test:e2e does)');
  // A static file server on a random port: the playground needs nothing more.
  server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const path = normalize(join(ROOT, url.pathname === '/' ? 'index.html' : decodeURIComponent(url.pathname)));
    if (!path.startsWith(ROOT) || !existsSync(path)) {
      res.writeHead(404).end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[extname(path)] ?? 'application/octet-stream' }).end(readFileSync(path));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  page = await browser.newPage({ viewport: { width: 1280, height: 1000 } });
  page.on('pageerror', (e) => pageErrors.push(String(e)));
  page.on('console', (m) => {
    if (m.type() === 'error') pageErrors.push(m.text());
  });
  await page.goto(`${base}/index.html`);
  await page.waitForSelector('body[data-ready="true"]');
});

afterAll(async () => {
  await browser?.close();
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
});

const text = (id: string) => page.locator(`#${id}`).innerText();

describe('playground (headless Chromium)', () => {
  test('loads the example and shows its argv, origins and Kubernetes mapping', async () => {
    // node:20-slim is not in the catalog snapshot (node 20 reached end of life): the shell-form CMD
    // depends on its SHELL, so the page says the argv is computed on the stated assumption.
    expect(await text('status')).toContain('Depends on node:20-slim, whose config is unknown');
    expect(await text('image-cmd')).toBe('(depends on node:20-slim)');
    expect(await text('origin-cmd')).toBe('CMD at line 10 (run by the SHELL of node:20-slim, unknown)');
    expect(await text('argv-shell')).toBe("/app/docker-entrypoint.sh /bin/sh -c 'node server.js --port $PORT'");
    expect(await text('argv-json')).toBe('["/app/docker-entrypoint.sh", "/bin/sh", "-c", "node server.js --port $PORT"]');
    expect(await text('origin-entrypoint')).toBe('ENTRYPOINT at line 9');
    expect(await text('k8s')).toContain('leave command and args unset');
    expect(await text('diagnostics')).toContain('json-args-recommended');
  });

  test('IMAGE args replace CMD and show up as Kubernetes args', async () => {
    await page.fill('#args', '--port 8080');
    expect(await text('argv-json')).toBe('["/app/docker-entrypoint.sh", "--port", "8080"]');
    expect(await text('k8s')).toBe('args: ["--port", "8080"]');
    await page.fill('#args', '');
  });

  test('a pasted docker run line wins; --entrypoint becomes command', async () => {
    await page.fill('#runline', `docker run --rm -it --entrypoint /bin/sh app -c 'echo $HOME'`);
    expect(await text('argv-json')).toBe('["/bin/sh", "-c", "echo $HOME"]');
    expect(await text('k8s')).toBe('command: ["/bin/sh"]\nargs: ["-c", "echo $$HOME"]');
    await page.fill('#runline', '');
  });

  test('a base image config is inherited', async () => {
    await page.fill('#dockerfile', 'FROM node:20-slim\nCOPY . /app\n');
    await page.fill('#base-entrypoint', '["docker-entrypoint.sh"]');
    await page.fill('#base-cmd', '["node"]');
    expect(await text('argv-shell')).toBe('docker-entrypoint.sh node');
    expect(await text('origin-cmd')).toBe('inherited from base image node:20-slim');
    expect(await text('base-source')).toBe('Base image config: node:20-slim: the config typed in.');
    expect(await text('status')).not.toContain('Depends on');
  });

  test('a base in the catalog answers when no config is typed', async () => {
    await page.fill('#base-entrypoint', '');
    await page.fill('#base-cmd', '');
    await page.fill('#dockerfile', 'FROM node:22-slim\nCOPY . /app\n');
    expect(await text('argv-shell')).toBe('docker-entrypoint.sh node');
    expect(await text('base-source')).toMatch(/^Base image config: node:22-slim: from the catalog \(Docker Official Images, \d{4}-\d{2}-\d{2}\)\.$/);
    expect(await text('status')).not.toContain('Depends on');
  });

  test('a build error is shown with its line, and nothing runs', async () => {
    await page.fill('#dockerfile', 'FROM scratch\nCMD ["/app", 1]\n');
    expect(await text('status')).toContain('The build fails');
    expect(await text('argv-json')).toBe('');
    expect(await text('diagnostics')).toMatch(/Dockerfile:2:1 json-not-strings/);
  });

  test('the catalog picker writes an image and tag into the last FROM line', async () => {
    await page.fill('#dockerfile', 'FROM golang:1.24 AS build\nRUN go build\nFROM --platform=linux/amd64 scratch AS final\nCMD ["--help"]\n');
    await page.selectOption('#catalog-image', 'python');
    const tags = await page.locator('#catalog-tag optgroup[label="linux"] option').allInnerTexts();
    expect(tags).toContain('3.13-slim');
    await page.selectOption('#catalog-tag', '3.13-slim');
    expect(await page.inputValue('#dockerfile')).toBe('FROM golang:1.24 AS build\nRUN go build\nFROM --platform=linux/amd64 python:3.13-slim AS final\nCMD ["--help"]\n');
    expect(await text('argv-json')).toBe('["--help"]');
    expect(await text('base-source')).toContain('python:3.13-slim: from the catalog');
  });

  test('looks decent (screenshot to /tmp/container-argv-playground.png) and logs no errors', async () => {
    await page.fill('#dockerfile', 'FROM alpine:3.22\nENTRYPOINT echo "hello from $HOSTNAME"\nCMD ["--verbose"]\n');
    await page.fill('#base-entrypoint', '');
    await page.fill('#base-cmd', '');
    await page.check('#init');
    await page.click('details.table summary');
    await page.screenshot({ path: '/tmp/container-argv-playground.png', fullPage: true });
    expect(await text('argv-shell')).toBe(`/sbin/docker-init -- /bin/sh -c 'echo "hello from $HOSTNAME"' --verbose`);
    expect(await text('diagnostics')).toContain('argv-shell-entrypoint-args');
    expect(await page.locator('details.table table td').count()).toBe(9);
    expect(pageErrors).toEqual([]);
  });
});
