import type { EngineOptions } from '../../src/index.js';

/**
 * Every Podman/buildah behaviour the library models (an engineProfile field or a wording), with the
 * recorded cases that show it. test/project/engine-fixtures.test.ts checks that the Podman profile reproduces
 * each case and that the contrasting profile (Docker 20.10 BuildKit unless stated) does not, so every
 * row is a real, observed difference. docs/conformance.md lists them.
 */
export interface ModelledDifference {
  /** The engineProfile field (or wording) that models it. */
  readonly field: string;
  readonly rule: string;
  readonly file: string;
  readonly cases: readonly (readonly [id: string, builder: string])[];
  readonly contrast?: EngineOptions;
  readonly contrastLabel?: string;
}

const P = 'podman-4.3.1.json';
const CURRENT_DOCKER: EngineOptions = { engine: 'docker' };
const PODMAN_OCI: EngineOptions = { engine: 'podman', engineVersion: '4.3.1', imageFormat: 'oci' };
const PODMAN_DOCKER: EngineOptions = { engine: 'podman', engineVersion: '4.3.1', imageFormat: 'docker' };

export const DIFFERENCES: readonly ModelledDifference[] = [
  {
    field: 'doubledEscapeContinues',
    rule: 'A line ending in a doubled escape token still continues; one token is kept',
    file: P,
    cases: [
      ['cont-double-backslash', 'oci'],
      ['esc-backtick-double', 'docker'],
      ['gen-20261128-022', 'oci'],
    ],
  },
  { field: 'stageNamesCaseSensitive', rule: '`FROM base` does not match `AS Base` (it is pulled as an image)', file: P, cases: [['ms-stage-name-case', 'oci']] },
  { field: 'ignoresInstructionsBeforeFrom', rule: 'Instructions before the first FROM are ignored, not an error', file: P, cases: [['unknown-before-from', 'oci']] },
  {
    field: 'dispatchesUnusedStages, instructionErrorsAtDispatch',
    rule: 'Stages the target does not need are not dispatched; instruction errors there do not count',
    file: P,
    cases: [
      ['gen-20261128-151', 'oci'],
      ['gen-20261128-160', 'docker'],
    ],
  },
  {
    field: "unknownFlag: 'drop'",
    rule: 'Builder flags before CMD/ENTRYPOINT/SHELL arguments are dropped silently',
    file: P,
    cases: [
      ['flags-cmd-unknown', 'oci'],
      ['flags-cmd-version', 'oci'],
      ['flags-cmd-empty-name', 'docker'],
      ['flags-cmd-triple-dash', 'oci'],
      ['flags-shell-unknown', 'docker'],
    ],
  },
  {
    field: 'shellAppliesToCommands: false',
    rule: 'SHELL (own or inherited) never wraps shell-form CMD/ENTRYPOINT',
    file: P,
    cases: [
      ['shell-valid-cmd', 'docker'],
      ['shell-valid-ep', 'oci'],
      ['shell-inherited-stage', 'docker'],
    ],
  },
  {
    field: 'storesShellAndOnBuild (OCI: false)',
    rule: 'OCI images have no Shell/OnBuild: SHELL and ONBUILD are not stored',
    file: P,
    cases: [
      ['onbuild-declared', 'oci'],
      ['shell-replaced', 'oci'],
    ],
    contrast: PODMAN_DOCKER,
    contrastLabel: 'Podman --format docker',
  },
  {
    field: 'unsetListsStoredEmpty (docker format)',
    rule: 'Docker-format images written by buildah store unset Entrypoint/Cmd/OnBuild as []',
    file: P,
    cases: [
      ['json-empty-array', 'docker'],
      ['empty-bare-ep', 'docker'],
    ],
    contrast: PODMAN_OCI,
    contrastLabel: 'Podman --format oci',
  },
  {
    field: "trailingJsonText: 'ignore'",
    rule: 'Text after a valid JSON array is ignored (as Docker < 27.1)',
    file: P,
    cases: [
      ['json-trailing-text', 'oci'],
      ['json-two-arrays', 'docker'],
    ],
    contrast: CURRENT_DOCKER,
    contrastLabel: 'current Docker',
  },
  {
    field: 'heredocs: false',
    rule: 'No heredocs in buildah 1.28 (podman < 4.9), not even for RUN',
    file: P,
    cases: [['heredoc-run', 'oci']],
    contrast: CURRENT_DOCKER,
    contrastLabel: 'current Docker',
  },
  { field: 'bareCmdHasEmptyScript: false', rule: 'Bare CMD stores ["/bin/sh","-c"]', file: P, cases: [['empty-bare-cmd', 'oci']] },
  {
    field: 'bareEntrypointHasEmptyScript: false',
    rule: 'Bare ENTRYPOINT and ENTRYPOINT [] clear the entrypoint',
    file: P,
    cases: [
      ['empty-bare-ep', 'oci'],
      ['empty-bare-ep-rawsh', 'oci'],
    ],
  },
  {
    field: 'emptyCmdCountsAsSet: false',
    rule: 'A CMD without arguments (bare or []) does not protect CMD from a later ENTRYPOINT',
    file: P,
    cases: [['empty-bare-cmd-then-ep', 'oci']],
  },
  {
    field: 'emptyStageIsBase',
    rule: 'A Dockerfile that is only FROM yields the base image itself (its config verbatim, even in OCI format)',
    file: P,
    cases: [
      ['empty-nothing', 'oci'],
      ['shell-inherited-base-cmd', 'oci'],
    ],
  },
  {
    field: "unknownInstruction: 'quoted'",
    rule: 'Unknown instruction wording `Unknown instruction: "FOO"` (Go %q)',
    file: P,
    cases: [
      ['unknown-foo-lower', 'oci'],
      ['bom-second-line', 'docker'],
      ['cont-keyword-alone-json', 'oci'],
    ],
  },
  {
    field: 'wording (buildah)',
    rule: 'Parse error wordings: escape directive, FROM arguments, empty file, no stages, blank FROM',
    file: P,
    cases: [
      ['esc-invalid-token', 'oci'],
      ['unknown-from-missing-image', 'oci'],
      ['unknown-empty-file', 'docker'],
      ['unknown-only-comments', 'oci'],
      ['arg-from-no-default', 'oci'],
    ],
  },
  {
    field: 'podman create (docker-run.ts)',
    rule: "`--entrypoint` is JSON or one word; `--entrypoint '[]'` keeps the image CMD; CMD dropped only for a non-empty user entrypoint",
    file: P,
    cases: [
      ['run-entrypoint-cmd-only', 'oci'],
      ['run-entrypoint-ep-cmd', 'docker'],
    ],
  },
  {
    field: 'initArgv, noCommandMessage',
    rule: '`--init` runs /run/podman-init (catatonit); "no command or entrypoint provided" error',
    file: P,
    cases: [
      ['run-init-ep-cmd', 'oci'],
      ['run-entrypoint-none', 'oci'],
    ],
  },
];

/** Docker 20.10 BuildKit: the default contrast. */
export const DEFAULT_CONTRAST: EngineOptions = { engine: 'docker', engineVersion: '20.10.24', builder: 'buildkit' };
