// Reads the official-images snapshot folder (../shared/official-images): MANIFEST.tsv (one row per
// entry: tags, architectures, where its Dockerfile came from) joined with the `library/<image>`
// files for the fields MANIFEST.tsv does not carry (Builder, Constraints).
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

/** How exactly an entry's Dockerfile matches the pinned GitCommit. */
export type DockerfileStatus =
  { readonly kind: 'exact' } | { readonly kind: 'nearest'; readonly commit: string; readonly date: string } | { readonly kind: 'missing'; readonly reason: string };

/** One entry (tag group) of a `library/<image>` file. */
export interface LibraryEntry {
  readonly image: string;
  readonly tags: readonly string[];
  readonly sharedTags: readonly string[];
  readonly architectures: readonly string[];
  /** The architecture whose Dockerfile was read (amd64 when listed). */
  readonly sourceArch: string;
  readonly os: 'linux' | 'windows';
  readonly gitRepo: string;
  readonly gitCommit: string;
  readonly directory: string;
  readonly file: string;
  /** Architectures with their own GitCommit/Directory/File. */
  readonly archOverrides: readonly string[];
  /** bashbrew builder: buildkit, classic or oci-import (empty = buildkit on Linux, classic on Windows). */
  readonly builder: 'buildkit' | 'classic' | 'oci-import';
  /** bashbrew Constraints (Windows: `windowsservercore-ltsc2022`…). */
  readonly constraints: readonly string[];
  readonly status: DockerfileStatus;
  /** Dockerfile text, when one is at hand. */
  readonly dockerfile: string | null;
}

/** The snapshot: its official-images commit and date, and every entry. */
export interface OfficialImagesSnapshot {
  readonly commit: string;
  readonly date: string;
  readonly entries: readonly LibraryEntry[];
}

const list = (text: string | undefined): string[] =>
  (text ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');

/** Paragraphs of an RFC 2822-style library file: field → value (continuation lines joined). */
function paragraphs(text: string): Map<string, string>[] {
  const out: Map<string, string>[] = [];
  let current = new Map<string, string>();
  let last = '';
  for (const line of text.split('\n')) {
    if (line.trim() === '') {
      if (current.size > 0) out.push(current);
      current = new Map();
      continue;
    }
    if (line.startsWith('#')) continue;
    if (/^\s/.test(line)) {
      current.set(last, `${current.get(last) ?? ''} ${line.trim()}`);
      continue;
    }
    const colon = line.indexOf(':');
    last = line.slice(0, colon).trim();
    current.set(last, line.slice(colon + 1).trim());
  }
  if (current.size > 0) out.push(current);
  return out;
}

/** Builder and Constraints per entry (by its Tags line), with the file's global defaults. */
function entryFields(text: string): Map<string, { builder: string; constraints: string }> {
  const ps = paragraphs(text);
  const global = ps.find((p) => !p.has('Tags'));
  const out = new Map<string, { builder: string; constraints: string }>();
  for (const p of ps) {
    if (!p.has('Tags')) continue;
    const builder = p.get('Builder') ?? global?.get('Builder') ?? '';
    const constraints = p.get('Constraints') ?? global?.get('Constraints') ?? '';
    out.set(list(p.get('Tags')).join(','), { builder, constraints });
  }
  return out;
}

function normalizeBuilder(value: string, os: 'linux' | 'windows'): LibraryEntry['builder'] {
  if (value === '') return os === 'windows' ? 'classic' : 'buildkit';
  if (value === 'buildkit' || value === 'classic' || value === 'oci-import') return value;
  throw new Error(`unknown Builder ${JSON.stringify(value)}`);
}

function status(text: string): DockerfileStatus {
  const [kind, commit, date] = text.split(' ');
  if (kind === 'ok') return { kind: 'exact' };
  if (kind === 'head-fallback' && commit !== undefined && date !== undefined) return { kind: 'nearest', commit, date };
  return { kind: 'missing', reason: kind ?? 'unknown' };
}

/** Reads MANIFEST.tsv, SNAPSHOT.json, library/ and dockerfiles/ of the snapshot folder. */
export function readOfficialImages(dir: string): OfficialImagesSnapshot {
  const snapshot = JSON.parse(readFileSync(join(dir, 'SNAPSHOT.json'), 'utf8')) as { official_images_commit: string; official_images_date: string };
  const rows = readFileSync(join(dir, 'MANIFEST.tsv'), 'utf8')
    .split('\n')
    .filter((l) => l !== '');
  const header = (rows.shift() ?? '').split('\t');
  const fieldsByImage = new Map<string, Map<string, { builder: string; constraints: string }>>();
  for (const image of readdirSync(join(dir, 'library'))) fieldsByImage.set(image, entryFields(readFileSync(join(dir, 'library', image), 'utf8')));
  const entries = rows.map((line): LibraryEntry => {
    const cells = line.split('\t');
    const row = Object.fromEntries(header.map((h, i) => [h, cells[i] ?? ''])) as Record<string, string>;
    const image = row['image'] as string;
    const tags = list(row['tags']);
    const architectures = list(row['architectures']);
    const os = architectures.every((a) => a.startsWith('windows-')) ? 'windows' : 'linux';
    const fields = fieldsByImage.get(image)?.get(tags.join(','));
    if (fields === undefined) throw new Error(`library/${image}: no entry with Tags ${tags.join(', ')}`);
    const path = row['path'] ?? '';
    const dockerfilePath = path === '' ? '' : join(dir, path);
    return {
      image,
      tags,
      sharedTags: list(row['shared_tags']),
      architectures,
      sourceArch: row['source_arch'] as string,
      os,
      gitRepo: row['git_repo'] as string,
      gitCommit: row['git_commit'] as string,
      directory: row['directory'] as string,
      file: row['file'] as string,
      archOverrides: list(row['arch_overrides']),
      builder: normalizeBuilder(fields.builder, os),
      constraints: list(fields.constraints),
      status: status(row['status'] as string),
      dockerfile: dockerfilePath !== '' && existsSync(dockerfilePath) ? readFileSync(dockerfilePath, 'utf8') : null,
    };
  });
  return { commit: snapshot.official_images_commit, date: snapshot.official_images_date, entries };
}
