// The playground: every keystroke re-runs the library (bundled from dist/index.js into
// lib/container-argv.js by `npm run playground`, with the catalog of dist/catalog.js) on the
// Dockerfile and docker run options.
import {
  CATALOG_INFO,
  DIAGNOSTICS,
  catalogImageLookup,
  entrypointCmdTable,
  listCatalogImages,
  evaluateDockerfile,
  formatArgv,
  parseRunCommandLine,
  renderTable,
  resolveDockerRun,
  toKubernetes,
} from './lib/container-argv.js';

const EXAMPLE = `# syntax=docker/dockerfile:1
FROM node:20-slim AS build
WORKDIR /app
COPY . .
RUN npm ci --omit=dev

FROM node:20-slim
COPY --from=build /app /app
ENTRYPOINT ["/app/docker-entrypoint.sh"]
CMD node server.js --port $PORT
`;

const $ = (id) => document.getElementById(id);
const fields = ['dockerfile', 'base-entrypoint', 'base-cmd', 'entrypoint-set', 'entrypoint', 'args', 'init', 'engine', 'runline'];

function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs ?? {})) node.setAttribute(k, v);
  for (const c of children) node.append(c);
  return node;
}

/** A JSON array of strings typed into a base-config field: undefined when blank. */
function parseList(text, name, problems) {
  if (text.trim() === '') return undefined;
  try {
    const v = JSON.parse(text);
    if (Array.isArray(v) && v.every((x) => typeof x === 'string')) return v;
  } catch {
    // fall through
  }
  problems.push({ severity: 'error', code: 'playground-input', where: name, message: `${name} must be a JSON array of strings, like ["node"].` });
  return undefined;
}

function origin(source, dependency) {
  if (source.kind === 'instruction') {
    const what = source.onBuild ? `ONBUILD ${source.instruction} of the base` : source.reset ? 'reset by ENTRYPOINT' : source.instruction;
    const via = dependency ? ` (run by the SHELL of ${dependency.from}, unknown)` : '';
    return `${what} at line ${source.line}${via}`;
  }
  if (source.kind === 'inherited') return `inherited from ${source.from}`;
  if (source.kind === 'unknown') return `inherited from ${source.from} (config unknown)`;
  return 'not set';
}

const catalog = catalogImageLookup();
const catalogName = `the catalog (Docker Official Images, ${CATALOG_INFO.date})`;

/**
 * The base image configs the Dockerfile is evaluated with: the fields typed in, else the catalog.
 * Records in `used` which base came from where, for the note under the Dockerfile.
 */
function baseLookup(typed, used) {
  return (ref) => {
    if (typed !== undefined) {
      used.push(`${ref}: the config typed in`);
      return typed;
    }
    const hit = catalog(ref);
    if (hit !== undefined) used.push(`${ref}: from ${catalogName}`);
    return hit;
  };
}

/** The config under the assumption that every unknown base image sets nothing (the library's `assumed` values). */
function assumedConfig(built) {
  const config = { ...built.config };
  for (const [field, dependency] of Object.entries(built.dependsOn)) {
    if (dependency !== null && (field === 'entrypoint' || field === 'cmd')) config[field] = dependency.assumed;
  }
  return config;
}

function showField(id, value, dependency) {
  if (value) $(id).textContent = formatArgv(value);
  else $(id).textContent = dependency ? `(depends on ${dependency.from})` : '(not set)';
}

function yamlList(values) {
  return `[${values.map((v) => JSON.stringify(v)).join(', ')}]`;
}

function update() {
  const problems = [];
  const engine = $('engine').value;
  const baseEntrypoint = parseList($('base-entrypoint').value, 'Base ENTRYPOINT', problems);
  const baseCmd = parseList($('base-cmd').value, 'Base CMD', problems);
  const base = baseEntrypoint !== undefined || baseCmd !== undefined ? { entrypoint: baseEntrypoint ?? null, cmd: baseCmd ?? null } : undefined;

  // The docker run part: a pasted line wins over the separate fields.
  let run = {};
  let runEngine = engine;
  const line = $('runline').value.trim();
  if (line !== '') {
    const parsed = parseRunCommandLine(line, { engine });
    if (parsed.ok) {
      run = parsed.run;
      runEngine = parsed.engine;
      for (const d of parsed.diagnostics) problems.push({ ...d, where: 'docker run' });
    } else for (const i of parsed.issues) problems.push({ ...i, severity: 'error', where: 'docker run' });
  } else {
    // The field is split as the words after the image of a docker run line (POSIX shell quoting).
    const prefix = 'docker run image ';
    const words = parseRunCommandLine(prefix + $('args').value, { engine });
    const args = words.ok ? words.run.args : [];
    const inField = (i) => (i.line === 1 && i.column !== undefined ? { ...i, column: Math.max(1, i.column - prefix.length) } : i);
    if (!words.ok) for (const i of words.issues) problems.push({ ...inField(i), severity: 'error', where: 'IMAGE args' });
    run = {
      ...($('entrypoint-set').checked && { entrypoint: $('entrypoint').value }),
      ...(args.length > 0 && { args }),
      ...($('init').checked && { init: true }),
    };
  }
  $('entrypoint').disabled = !$('entrypoint-set').checked;

  const used = [];
  const built = evaluateDockerfile($('dockerfile').value, { engine: runEngine, baseImages: baseLookup(base, used) });
  for (const d of built.diagnostics) problems.push({ ...d, where: 'Dockerfile' });
  $('base-source').textContent = used.length > 0 ? `Base image config: ${[...new Set(used)].join('; ')}.` : '';
  let result = null;
  let k8s = null;
  if (built.ok) {
    const deps = built.dependsOn;
    showField('image-entrypoint', built.config.entrypoint, deps.entrypoint);
    showField('image-cmd', built.config.cmd, deps.cmd);
    $('origin-entrypoint').textContent = origin(built.target.sources.entrypoint, deps.entrypoint?.via === 'shell' ? deps.entrypoint : null);
    $('origin-cmd').textContent = origin(built.target.sources.cmd, deps.cmd?.via === 'shell' ? deps.cmd : null);
    // What depends on an unknown base is not in built.config: the argv shown is then computed on
    // the library's stated assumption (the base sets nothing), and the status says so.
    const config = built.complete ? built.config : assumedConfig(built);
    result = resolveDockerRun(config, run, { engine: runEngine });
    for (const d of result.diagnostics) problems.push({ ...d, where: 'docker run' });
    if (!result.ok) for (const i of result.issues) problems.push({ ...i, severity: 'error', where: 'docker run' });
    k8s = toKubernetes(config, run);
  } else {
    for (const i of built.issues) problems.push({ ...i, severity: 'error', where: 'Dockerfile' });
    for (const id of ['image-entrypoint', 'image-cmd', 'origin-entrypoint', 'origin-cmd']) $(id).textContent = '';
  }

  const status = $('status');
  if (result?.ok) {
    const words = `${result.argv.length} word${result.argv.length === 1 ? '' : 's'}; PID 1 is ${result.argv[0]}`;
    const unknown = [...new Set(built.unknownBases.map((b) => b.from))].join(', ');
    status.textContent = built.complete
      ? words
      : `Depends on ${unknown}, whose config is unknown: shown as if it set no ENTRYPOINT, CMD or SHELL (type its config under "Base image" to be exact). ${words}`;
    status.className = built.complete ? 'status' : 'status assumed';
    $('argv-shell').textContent = formatArgv(result.argv, 'shell');
    $('argv-json').textContent = formatArgv(result.argv, 'json');
  } else {
    status.textContent = built.ok ? `The container does not start: ${result.issues[0].message}` : `The build fails: ${built.issues[0].message}`;
    status.className = 'status fail';
    $('argv-shell').textContent = '';
    $('argv-json').textContent = '';
  }

  if (k8s === null) $('k8s').textContent = '';
  else if (!k8s.ok) $('k8s').textContent = `# cannot be expressed: ${k8s.issues[0].message}`;
  else {
    const out = [];
    if (k8s.command !== null) out.push(`command: ${yamlList(k8s.command)}`);
    if (k8s.args !== null) out.push(`args: ${yamlList(k8s.args)}`);
    $('k8s').textContent = out.length > 0 ? out.join('\n') : '# the image defaults already run this: leave command and args unset';
    for (const d of k8s.diagnostics) problems.push({ ...d, where: 'Kubernetes' });
  }

  const list = $('diagnostics');
  list.replaceChildren(
    ...problems.map((d) => {
      const at = d.line !== undefined ? `${d.where}:${d.line}:${d.column ?? 1}` : d.where;
      const info = DIAGNOSTICS[d.code];
      return el(
        'li',
        { class: d.severity, title: info ? `${info.title}: ${info.help}` : '' },
        el('span', { class: 'sev' }, d.severity),
        el('span', { class: 'code' }, `${at} ${d.code}`),
        ' ',
        d.message,
      );
    }),
  );
  $('diag-count').textContent = `(${problems.length})`;
}

// The catalog picker: choosing an image and a tag writes them into the last FROM line (the target).
const catalogImages = listCatalogImages();

function fillCatalogPicker() {
  const select = $('catalog-image');
  for (const image of catalogImages) select.append(el('option', { value: image.name }, image.name));
  select.addEventListener('change', () => {
    const image = catalogImages.find((i) => i.name === select.value);
    const tags = $('catalog-tag');
    tags.replaceChildren(el('option', { value: '' }, 'tag…'));
    tags.disabled = image === undefined;
    if (image === undefined) return;
    for (const os of ['linux', 'windows']) {
      if (image.tags[os].length === 0) continue;
      const group = el('optgroup', { label: os });
      for (const tag of image.tags[os]) group.append(el('option', { value: tag }, tag));
      tags.append(group);
    }
  });
  $('catalog-tag').addEventListener('change', () => {
    if ($('catalog-tag').value === '') return;
    $('dockerfile').value = withLastFrom($('dockerfile').value, `${select.value}:${$('catalog-tag').value}`);
    update();
  });
}

/** The Dockerfile with the image of its last FROM line replaced (flags and `AS name` kept), or a FROM line prepended. */
function withLastFrom(text, image) {
  const lines = text.split('\n');
  for (let i = lines.length - 1; i >= 0; i--) {
    const m = /^(\s*FROM\s+(?:--\S+\s+)*)\S+(\s.*)?$/i.exec(lines[i]);
    if (m) {
      lines[i] = `${m[1]}${image}${m[2] ?? ''}`;
      return lines.join('\n');
    }
  }
  return `FROM ${image}\n${text}`;
}

fillCatalogPicker();
$('dockerfile').value = EXAMPLE;
for (const id of fields) {
  $(id).addEventListener('input', update);
  $(id).addEventListener('change', update);
}
$('table').innerHTML = renderTable(entrypointCmdTable({ cells: 'argv' }), { format: 'html' });
update();
document.body.dataset.ready = 'true';
