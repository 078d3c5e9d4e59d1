// Hand-written engine cases for BuildKit's automatic platform ARGs (issue 14 §1): which builder
// defines TARGETOS, BUILDPLATFORM, … and in which scope. Same format as cases.mjs. A value is made
// visible by `ENV V=…` and a shell-form `CMD echo "$V"` (the run's start.stdout; `runPerBuilder`
// runs each builder's image, since their Entrypoint/Cmd are the same), or by the stage a FROM picks
// (the config's Cmd).

const df = (...lines) => lines.join('\n') + '\n';
const RUN0 = [{ args: [], start: true }];

/** The names BuildKit's frontend defines (dockerfile2llb platform.go, frontend 1.13+). */
const NAMES = [
  'TARGETPLATFORM',
  'TARGETOS',
  'TARGETARCH',
  'TARGETVARIANT',
  'TARGETOSVERSION',
  'TARGETSTAGE',
  'BUILDPLATFORM',
  'BUILDOS',
  'BUILDARCH',
  'BUILDVARIANT',
  'BUILDOSVERSION',
];
/** `TARGETPLATFORM=[$TARGETPLATFORM];TARGETOS=[$TARGETOS];…` (plain `$NAME`: Docker 20.10's lexer has no `${NAME-word}`). */
const SHOW = NAMES.map((n) => `${n}=[$${n}]`).join(';');
const F = 'platform-args';

const cases = [];
const add = (id, dockerfile) => cases.push({ id, family: F, dockerfile, runs: RUN0, runPerBuilder: true });

// Global scope: a meta ARG default sees what FROM sees.
add('platform-global-values', df(`ARG G="${SHOW}"`, 'FROM argvbase:1', 'ARG G', 'ENV V=$G', 'CMD echo "$V"'));
// Inside a stage: only after `ARG NAME`.
add('platform-stage-declared', df('FROM argvbase:1', ...NAMES.map((n) => `ARG ${n}`), `ENV V="${SHOW}"`, 'CMD echo "$V"'));
add('platform-stage-undeclared', df('FROM argvbase:1', `ENV V="${SHOW}"`, 'CMD echo "$V"'));
// FROM picks a stage by the expanded name.
const bases = [
  'FROM argvbase:1 AS base-linux',
  'CMD ["/argv","base-linux"]',
  'FROM argvbase:1 AS base-',
  'CMD ["/argv","base-blank"]',
  'FROM argvbase:1 AS base-plan9',
  'CMD ["/argv","base-plan9"]',
];
add('platform-from-targetos', df(...bases, 'FROM base-$TARGETOS'));
add('platform-from-buildos', df(...bases, 'FROM base-${BUILDOS}'));
// A meta `ARG TARGETOS` without a value: kept (frontend 1.11+) or blanked (before)?
add('platform-from-redeclared', df('ARG TARGETOS', ...bases, 'FROM base-$TARGETOS'));
add('platform-stage-redeclared', df('ARG TARGETOS', 'FROM argvbase:1', 'ARG TARGETOS', 'ENV V="TARGETOS=[$TARGETOS]"', 'CMD echo "$V"'));
// A meta ARG default replaces the automatic value, in FROM and in a stage that declares it.
add('platform-from-default', df('ARG TARGETOS=plan9', ...bases, 'FROM base-$TARGETOS'));
add('platform-stage-default', df('ARG TARGETOS=plan9', 'FROM argvbase:1', 'ARG TARGETOS', 'ENV V="TARGETOS=[$TARGETOS]"', 'CMD echo "$V"'));
add('platform-stage-own-default', df('FROM argvbase:1', 'ARG TARGETOS=plan9', 'ENV V="TARGETOS=[$TARGETOS]"', 'CMD echo "$V"'));
// FROM --platform with the automatic ARGs, and with a meta ARG.
add('platform-flag-buildplatform', df('FROM --platform=$BUILDPLATFORM argvbase:1', 'CMD ["/argv","built"]'));
add('platform-flag-targetplatform', df('FROM --platform=${TARGETPLATFORM} argvbase:1', 'CMD ["/argv","built"]'));
add('platform-flag-meta-arg', df('ARG P=linux/amd64', 'FROM --platform=$P argvbase:1', 'CMD ["/argv","built"]'));
add('platform-flag-literal', df('FROM --platform=linux/amd64 argvbase:1', 'CMD ["/argv","built"]'));
add('platform-flag-empty', df('FROM --platform=$NOPE argvbase:1', 'CMD ["/argv","built"]'));
// The ${NAME:+word} idiom (fedora-minimal images): set and non-empty.
add('platform-from-plus', df(...bases, 'FROM base-${TARGETARCH:+plan9}'));

export const PLATFORM_CASES = cases;
