// container-argv: what argv will this container actually execute?
// Named re-exports only; every module is pure and browser-safe.

export type {
  Builder,
  Command,
  Diagnostic,
  Engine,
  EngineOptions,
  ExecCommand,
  Failure,
  ImageConfig,
  Issue,
  Issues,
  Location,
  OperatingSystem,
  Severity,
  ShellCommand,
} from './types.js';

export { CURRENT_DOCKER_VERSION, engineProfile, parseEngineVersion } from './engine.js';
export type { EngineProfile } from './engine.js';

export {
  NOT_STRING_ARRAY_MESSAGE,
  formatCommand,
  isExecForm,
  isShellForm,
  parseCommand,
  splitBuilderFlags,
} from './command.js';
export type { CommandInstruction, ParseCommandOptions, ParseCommandResult, ParsedCommand } from './command.js';

export { DEFAULT_LINUX_SHELL, DEFAULT_WINDOWS_SHELL, defaultShell } from './stage.js';

export { imageConfigFrom } from './image-config.js';
export type { ImageConfigInput, ImageConfigResult } from './image-config.js';

export { parseImageReference, sameImage } from './core/image-reference.js';
export type { ImageReference, ParseImageReferenceResult } from './core/image-reference.js';

export { resolveContainerConfig, resolveDockerRun } from './docker-run.js';
export type {
  ArgvSource,
  ContainerConfigRequest,
  DockerResolution,
  DockerRunOptions,
  DockerRunResult,
} from './docker-run.js';

export { analyzeArgv, shellScriptIndex } from './argv-analysis.js';
export type { ArgvOrigin } from './argv-analysis.js';

export { formatArgv, quoteShellWord } from './format.js';
export type { ArgvStyle } from './format.js';

export { entrypointCmdTable, renderTable } from './table.js';
export type {
  EntrypointCmdTable,
  EntrypointCmdTableOptions,
  RenderTableOptions,
  TableAxisValues,
  TableCell,
  TableCellStyle,
  TableFormat,
  TableForm,
  TableHeader,
  TablePreset,
} from './table.js';

export { CmdResolutionError, isCmdResolutionError, unwrap } from './errors.js';

export { DIAGNOSTICS } from './diagnostics.js';
export type { DiagnosticInfo } from './diagnostics.js';

export { DEFAULT_LIMITS } from './limits.js';
export type { Limits, LimitsOption } from './limits.js';

// ---- Kubernetes and Compose (issue #4) ----
export {
  CURRENT_KUBERNETES_VERSION,
  escapeKubernetes,
  expandKubernetes,
  kubernetesProfile,
} from './kubernetes-expansion.js';
export type { ExpandKubernetesOptions, KubernetesEnv, KubernetesProfile } from './kubernetes-expansion.js';

export { SHELLWORDS_ERROR, splitGoShellwords } from './shellwords.js';
export type { ShellwordsResult, ShellwordsVersion } from './shellwords.js';

export { DOCKER_GLOBAL_FLAGS, DOCKER_RUN_FLAGS, PODMAN_FLAG_ALIASES, PODMAN_GLOBAL_FLAGS, PODMAN_RUN_FLAGS } from './run-flags.js';
export type { RunFlagSpec, RunFlagType } from './run-flags.js';
export { quoteForShell, quoteShellArg, splitShellWords } from './shell-words.js';
export type { ShellWord, ShellWordsResult } from './shell-words.js';
export { DOCKER_FLAG_MIN_API, parseDockerBytes, parseDockerCpus, parseGoBool, parseRunCommandLine, resolveRunCommandLine } from './run-command-line.js';
export type {
  ParsedRunCommandLine,
  ParsedRunFlag,
  ResolvedRunCommandLine,
  RunCommandLineOptions,
  RunCommandLineResult,
} from './run-command-line.js';
export { bytesToQuantity, cpusToQuantity, runFlagsToKubernetes } from './run-to-kubernetes.js';
export type { RunContainerFields, RunContainerPort, RunEnvVar, RunFlagsKubernetes } from './run-to-kubernetes.js';

export { CRI_NO_COMMAND_MESSAGE, resolveKubernetes, toKubernetes } from './kubernetes.js';
export type {
  KubernetesCommand,
  KubernetesContainer,
  KubernetesEnvEntry,
  KubernetesEnvFromSource,
  KubernetesEnvVar,
  KubernetesEnvVarSource,
  KubernetesOptions,
  KubernetesResolution,
  KubernetesResult,
  ToKubernetesResult,
} from './kubernetes.js';

// ---- Dockerfile evaluation (issue #3)
export { evaluateDockerfile, unknownInstructionMessage } from './dockerfile.js';
export type {
  BaseImages,
  DockerfileEvaluation,
  DockerfileStage,
  EvaluateDockerfileOptions,
  EvaluateDockerfileResult,
  StageBase,
  ValueSource,
} from './dockerfile.js';
export { MAX_DOCKERFILE_LINE_BYTES, parseDockerfile } from './dockerfile-parser.js';
export type {
  DockerfileDirective,
  DockerfileHeredoc,
  DockerfileInstruction,
  DockerfileTrigger,
  ParseDockerfileOptions,
  ParseDockerfileResult,
  ParsedDockerfile,
} from './dockerfile-parser.js';
export type { DockerfileFrontend } from './frontend.js';
export { imageConfigFromInspect } from './schema/image.js';
export type { ImageConfigFromInspectResult } from './schema/image.js';

export { komposeRewriteArg, parseComposeCommand, resolveCompose, composeToKubernetes } from './compose.js';
export type {
  ComposeCommandOptions,
  ComposeCommandResult,
  ComposeKubernetes,
  ComposeResult,
  ComposeRunOptions,
  ComposeService,
  ComposeToKubernetesOptions,
  ParsedComposeCommand,
  ResolveComposeOptions,
} from './compose.js';
export { interpolateCompose, resolveComposeFile } from './compose-file.js';
export { parseDotEnv, readDotEnvFiles } from './dotenv.js';
export type { DotEnvFile, DotEnvResult, ParseDotEnvOptions } from './dotenv.js';
export type { ComposeFileService, ComposeImageLookup, ResolveComposeFileOptions, ResolveComposeFileResult } from './compose-file.js';
export { resolveManifests } from './kubernetes-manifest.js';
export type { ImageLookup, ManifestContainerResult, ManifestWorkload, ResolveManifestsOptions, ResolveManifestsResult } from './kubernetes-manifest.js';
