import type { EngineProfile } from '../core/engine-profile.js';
import type { Command, Diagnostic, ImageConfig, OperatingSystem } from '../core/types.js';

/** Default shell for shell-form commands on Linux. */
export const DEFAULT_LINUX_SHELL: readonly string[] = Object.freeze(['/bin/sh', '-c']);
/** Default shell for shell-form commands on Windows. */
export const DEFAULT_WINDOWS_SHELL: readonly string[] = Object.freeze(['cmd', '/S', '/C']);

/** The default shell of an operating system. */
export function defaultShell(os: OperatingSystem): readonly string[] {
  return os === 'windows' ? DEFAULT_WINDOWS_SHELL : DEFAULT_LINUX_SHELL;
}

/**
 * Build state of one stage while its instructions are dispatched: the image
 * config so far and whether a CMD was dispatched in this stage (the
 * ENTRYPOINT reset rule looks at it; it is never inherited).
 */
export interface StageState {
  entrypoint: readonly string[] | null;
  cmd: readonly string[] | null;
  shell: readonly string[] | null;
  onBuild: readonly string[] | null;
  argsEscaped: boolean | undefined;
  readonly os: OperatingSystem;
  cmdSet: boolean;
}

/** Starts a stage from a base config (a copy; the base is never changed). */
export function startStage(base: ImageConfig | undefined, os: OperatingSystem): StageState {
  return {
    entrypoint: base?.entrypoint ?? null,
    cmd: base?.cmd ?? null,
    shell: base?.shell ?? null,
    onBuild: base?.onBuild ?? null,
    argsEscaped: base?.argsEscaped,
    os,
    cmdSet: false,
  };
}

/** The shell that wraps shell-form commands in this stage. */
export function commandShell(state: StageState, profile: EngineProfile): readonly string[] {
  if (profile.shellAppliesToCommands && state.shell !== null && state.shell.length > 0) return state.shell;
  return defaultShell(state.os);
}

/**
 * Turns a command into the list stored in the image config (null = cleared).
 * Shell form is wrapped in the stage's shell; the builders differ for text-less
 * commands and for the classic builder on Windows.
 */
function storedForm(state: StageState, command: Command, which: 'cmd' | 'entrypoint', profile: EngineProfile): { list: readonly string[] | null; escaped: boolean } {
  if (command.form === 'exec') {
    if (which === 'entrypoint' && command.args.length === 0) return { list: null, escaped: false };
    return { list: command.args, escaped: false };
  }
  const shell = commandShell(state, profile);
  if (command.script === '') {
    const withScript = which === 'cmd' ? profile.bareCmdHasEmptyScript : profile.bareEntrypointHasEmptyScript;
    if (withScript) return { list: [...shell, ''], escaped: false };
    return { list: which === 'cmd' ? [...shell] : null, escaped: false };
  }
  if (profile.argsEscaped === 'joined' && state.os === 'windows') {
    return { list: [`${shell.join(' ')} ${command.script}`], escaped: true };
  }
  return { list: [...shell, command.script], escaped: false };
}

/** Dispatches CMD: the last one wins. */
export function dispatchCmd(state: StageState, command: Command, profile: EngineProfile): void {
  const { list, escaped } = storedForm(state, command, 'cmd', profile);
  state.cmd = list;
  if (profile.argsEscaped === 'cmd') state.argsEscaped = true;
  else if (profile.argsEscaped === 'joined') state.argsEscaped = escaped;
  const hasArgs = command.form === 'exec' ? command.args.length > 0 : command.script !== '';
  if (profile.emptyCmdCountsAsSet || hasArgs) state.cmdSet = true;
}

/**
 * Dispatches ENTRYPOINT: the last one wins, and a CMD not dispatched in this
 * stage is reset. Returns the CMD it reset (non-empty), or null.
 */
export function dispatchEntrypoint(state: StageState, command: Command, profile: EngineProfile): readonly string[] | null {
  const { list, escaped } = storedForm(state, command, 'entrypoint', profile);
  state.entrypoint = list;
  if (profile.argsEscaped === 'joined') state.argsEscaped = escaped;
  if (state.cmdSet) return null;
  const lost = state.cmd;
  state.cmd = null;
  return lost !== null && lost.length > 0 ? lost : null;
}

/** Dispatches SHELL (already validated as a non-empty exec-form list). */
export function dispatchShell(state: StageState, shell: readonly string[]): void {
  state.shell = shell;
}

const EMPTY_LIST: readonly string[] = Object.freeze([]);

/** The image config a stage produces, with the builder's serialisation of empty lists. */
export function stageConfig(state: StageState, profile: EngineProfile): ImageConfig {
  const norm = (list: readonly string[] | null): readonly string[] | null => (list !== null && list.length === 0 && profile.emptyListsStoredAsNull ? null : list);
  const always = (list: readonly string[] | null): readonly string[] | null => (list === null && profile.unsetListsStoredEmpty ? EMPTY_LIST : norm(list));
  const config: {
    entrypoint: readonly string[] | null;
    cmd: readonly string[] | null;
    shell: readonly string[] | null;
    onBuild: readonly string[] | null;
    os: OperatingSystem;
    argsEscaped?: boolean;
  } = {
    entrypoint: always(state.entrypoint),
    cmd: always(state.cmd),
    shell: profile.storesShellAndOnBuild ? norm(state.shell) : null,
    onBuild: profile.storesShellAndOnBuild ? always(state.onBuild) : null,
    os: state.os,
  };
  if (state.argsEscaped !== undefined) config.argsEscaped = state.argsEscaped;
  return config;
}

/** Diagnostic for an ENTRYPOINT that reset an inherited CMD. */
export function cmdResetDiagnostic(lost: readonly string[], from: string): Diagnostic {
  return {
    code: 'entrypoint-resets-cmd',
    severity: 'warning',
    message: `ENTRYPOINT resets the CMD inherited from ${from} (${JSON.stringify(lost)}); declare CMD again in this stage to keep it.`,
  };
}
