import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { parseEngineVersion } from '../../src/core/engine-profile.js';
import { DOCKER_GLOBAL_FLAGS, DOCKER_RUN_FLAGS, PODMAN_FLAG_ALIASES, PODMAN_GLOBAL_FLAGS, PODMAN_RUN_FLAGS, type RunFlagSpec } from '../../src/run/flag-table.js';

// Truth: the `--help` output of the real clients on this machine, recorded 2026-12-02 into
// test/fixtures/run-flag-help/ (`docker create --help`, `docker run --help`, `docker --help` of Docker CLI
// 28.2.2, build e6534b4; the same with podman 4.3.1). pflag prints each visible flag as
// `  -s, --name type   usage`, with no type word for a boolean.
const HELP = new URL('../fixtures/run-flag-help/', import.meta.url);

/** `shorthand|name|bool` or `shorthand|name|value` for every flag line of a help text. */
function helpFlags(file: string): Set<string> {
  const out = new Set<string>();
  for (const line of readFileSync(new URL(file, HELP), 'utf8').split('\n')) {
    const m = /^\s+(?:-(\S), )?--([\w-]+)(?: (\S+))?(?:\s{2,}|$)/.exec(line);
    if (m) out.add(`${m[1] ?? ''}|${m[2]}|${m[3] === undefined ? 'bool' : 'value'}`);
  }
  return out;
}

function atLeast(version: string, than: string): boolean {
  const v = parseEngineVersion(version) as readonly number[];
  const w = parseEngineVersion(than) as readonly number[];
  for (let k = 0; k < 3; k++) if (v[k] !== w[k]) return (v[k] as number) > (w[k] as number);
  return true;
}

/** The table's flags for one release and command, as `helpFlags` writes them. */
function tableFlags(list: readonly RunFlagSpec[], version: string, command: 'create' | 'run' | 'global', { hidden }: { hidden: boolean }): Set<string> {
  const out = new Set<string>();
  for (const f of list) {
    if (f.hidden && !hidden) continue;
    if (f.since !== undefined && !atLeast(version, f.since)) continue;
    if (f.until !== undefined && atLeast(version, f.until)) continue;
    if (command !== 'global' && f.commands !== 'both' && f.commands !== command) continue;
    out.add(`${f.shorthand}|${f.name}|${f.bool ? 'bool' : 'value'}`);
  }
  return out;
}

const minus = (a: Set<string>, b: Set<string>) => [...a].filter((x) => !b.has(x)).sort();

describe('the tables agree with the clients’ --help', () => {
  test.for(['create', 'run'] as const)('docker 28.2.2 %s: the same visible flags, shorthands and booleans', (command) => {
    const help = helpFlags(`docker-28.2.2-${command}.txt`);
    const table = tableFlags(DOCKER_RUN_FLAGS, '28.2.2', command, { hidden: false });
    expect({ onlyInHelp: minus(help, table), onlyInTable: minus(table, help) }).toEqual({ onlyInHelp: [], onlyInTable: [] });
    expect(help.size).toBeGreaterThan(100);
  });

  test('docker 28.2.2 global flags (the root command hides cobra’s own --help)', () => {
    const help = helpFlags('docker-28.2.2-global.txt');
    const table = tableFlags(DOCKER_GLOBAL_FLAGS, '28.2.2', 'global', { hidden: false });
    table.delete('|help|bool');
    expect({ onlyInHelp: minus(help, table), onlyInTable: minus(table, help) }).toEqual({ onlyInHelp: [], onlyInTable: [] });
  });

  // The table marks as hidden the flags podman hides on podman-remote (env-host, http-proxy, preserve-fds);
  // the local 4.3.1 client shows them. So: every flag in the help is in the table, every visible one in the help.
  test.for(['create', 'run'] as const)('podman 4.3.1 %s', (command) => {
    const help = helpFlags(`podman-4.3.1-${command}.txt`);
    expect(minus(help, tableFlags(PODMAN_RUN_FLAGS, '4.3.1', command, { hidden: true }))).toEqual([]);
    expect(minus(tableFlags(PODMAN_RUN_FLAGS, '4.3.1', command, { hidden: false }), help)).toEqual([]);
    expect(help.size).toBeGreaterThan(120);
  });

  // Known divergence: PODMAN_GLOBAL_FLAGS is podman HEAD's root.go without since/until, so for 4.3.1 it
  // accepts flags added later (--trace, --transient-store, --imagestore, --module, --out, --config,
  // --cdi-spec-dir, --tls-*) and lacks --network-cmd-path (removed later). Fails today; passes once the
  // rows carry their releases.
  test.fails('podman 4.3.1 global flags', () => {
    const help = helpFlags('podman-4.3.1-global.txt');
    expect(minus(help, tableFlags(PODMAN_GLOBAL_FLAGS, '4.3.1', 'global', { hidden: true }))).toEqual([]);
    expect(minus(tableFlags(PODMAN_GLOBAL_FLAGS, '4.3.1', 'global', { hidden: false }), help)).toEqual([]);
  });
});

describe('table invariants', () => {
  const TABLES = { DOCKER_RUN_FLAGS, PODMAN_RUN_FLAGS, DOCKER_GLOBAL_FLAGS, PODMAN_GLOBAL_FLAGS };

  test.for(Object.entries(TABLES))('%s: names are unique, shorthands one character, bool ⇔ type bool, repeatable ⇔ type list', ([, list]) => {
    expect(new Set(list.map((f) => f.name)).size).toBe(list.length);
    for (const f of list) {
      expect(f.shorthand.length <= 1, f.name).toBe(true);
      expect(f.bool, f.name).toBe(f.type === 'bool');
      expect(f.repeatable, f.name).toBe(f.type === 'list');
      expect(Object.isFrozen(f), f.name).toBe(true);
    }
  });

  test.for([
    ['DOCKER_RUN_FLAGS', DOCKER_RUN_FLAGS, ['20.10.24', '23.0', '28.2.2', '29.7']],
    ['PODMAN_RUN_FLAGS', PODMAN_RUN_FLAGS, ['4.3.1', '5.0']],
  ] as const)('%s: no two flags of one release share a shorthand', ([, list, versions]) => {
    for (const version of versions) {
      for (const command of ['create', 'run'] as const) {
        const shorts = [...tableFlags(list, version, command, { hidden: true })].map((k) => k.split('|')[0]).filter((s) => s !== '');
        expect(new Set(shorts).size, `${version} ${command}`).toBe(shorts.length);
      }
    }
  });

  // Source: podman cmd/podman/utils/alias.go (AliasFlags), see the table's doc comment.
  test.for(Object.entries(PODMAN_FLAG_ALIASES))('podman alias --%s names the run flag --%s', ([alias, name]) => {
    expect(PODMAN_RUN_FLAGS.map((f) => f.name)).toContain(name);
    expect(alias).not.toBe(name);
  });
});
