import { parseCommandWith } from '../dockerfile/command-form.js';
import { engineProfile } from '../core/engine-profile.js';
import { cmdResetDiagnostic, dispatchCmd, dispatchEntrypoint, dispatchShell, stageConfig, startStage } from '../dockerfile/stage.js';
import { expectType } from '../internal/text.js';
import type { Command, Diagnostic, EngineOptions, Failure, ImageConfig, OperatingSystem } from '../core/types.js';

/** Instructions to apply on top of a base config, as Dockerfile text (after the keyword) or parsed commands. */
export interface ImageConfigInput extends EngineOptions {
  /** The config inherited from `FROM` (default: `scratch`, i.e. empty). */
  readonly base?: ImageConfig;
  readonly entrypoint?: Command | string;
  readonly cmd?: Command | string;
  /** SHELL: a list, or instruction text that must be a JSON array. */
  readonly shell?: readonly string[] | Command | string;
  /** Target OS (default: the base's `os`, else `'linux'`). */
  readonly os?: OperatingSystem;
}

/** Result of {@link imageConfigFrom}. */
export type ImageConfigFromResult = { readonly ok: true; readonly config: ImageConfig; readonly diagnostics: readonly Diagnostic[] } | Failure;

/**
 * Applies SHELL, CMD and ENTRYPOINT (in that order, all in one stage) to a
 * base config the way the builder dispatches them: shell form is wrapped in
 * the current SHELL or the OS default; ENTRYPOINT resets an inherited CMD
 * unless CMD is set here too; `ENTRYPOINT []` clears the entrypoint.
 *
 * @example
 * imageConfigFrom({ entrypoint: 'a b', cmd: '["x", "y"]' })
 * // config: { entrypoint: ['/bin/sh', '-c', 'a b'], cmd: ['x', 'y'], … }
 */
export function imageConfigFrom(input: ImageConfigInput): ImageConfigFromResult {
  expectType(input, 'object', 'input');
  const profile = engineProfile(input);
  const os = input.os ?? input.base?.os ?? 'linux';
  const state = startStage(input.base, os);
  const diagnostics: Diagnostic[] = [];

  const parse = (value: Command | string, instruction: 'CMD' | 'ENTRYPOINT' | 'SHELL') => {
    if (typeof value !== 'string') {
      expectType(value, 'object', instruction.toLowerCase());
      return { ok: true as const, command: value, diagnostics: [] };
    }
    return parseCommandWith(value, instruction, '\\', profile);
  };

  if (input.shell !== undefined) {
    let shell: readonly string[];
    if (Array.isArray(input.shell)) shell = input.shell as readonly string[];
    else {
      const parsed = parse(input.shell as Command | string, 'SHELL');
      if (!parsed.ok) return { ok: false, issues: parsed.issues, diagnostics: [...diagnostics, ...parsed.diagnostics] };
      if (parsed.command.form !== 'exec') {
        return { ok: false, issues: [{ code: 'shell-instruction-not-json', message: 'SHELL requires the arguments to be in JSON form' }], diagnostics };
      }
      shell = parsed.command.args;
    }
    if (shell.length === 0) {
      return { ok: false, issues: [{ code: 'shell-instruction-empty', message: 'SHELL requires at least one argument' }], diagnostics };
    }
    dispatchShell(state, shell);
  }
  if (input.cmd !== undefined) {
    const parsed = parse(input.cmd, 'CMD');
    diagnostics.push(...parsed.diagnostics);
    if (!parsed.ok) return { ok: false, issues: parsed.issues, diagnostics };
    dispatchCmd(state, parsed.command, profile);
  }
  if (input.entrypoint !== undefined) {
    const parsed = parse(input.entrypoint, 'ENTRYPOINT');
    diagnostics.push(...parsed.diagnostics);
    if (!parsed.ok) return { ok: false, issues: parsed.issues, diagnostics };
    const lost = dispatchEntrypoint(state, parsed.command, profile);
    if (lost) diagnostics.push(cmdResetDiagnostic(lost, 'the base image'));
  }
  return { ok: true, config: stageConfig(state, profile), diagnostics };
}
