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
} from './core/types.js';

export { CURRENT_DOCKER_VERSION, engineProfile, parseEngineVersion } from './core/engine-profile.js';
export type { EngineProfile } from './core/engine-profile.js';

export { NOT_STRING_ARRAY_MESSAGE, formatCommand, isExecForm, isShellForm, parseCommand, splitBuilderFlags } from './dockerfile/command-form.js';
export type { CommandInstruction, ParseCommandOptions, ParseCommandResult, ParsedCommand } from './dockerfile/command-form.js';

export { DEFAULT_LINUX_SHELL, DEFAULT_WINDOWS_SHELL, defaultShell } from './dockerfile/stage.js';

export { imageConfigFrom } from './image/image-config.js';
export type { ImageConfigInput, ImageConfigResult } from './image/image-config.js';

export { parseImageReference, sameImage } from './core/image-reference.js';
export type { ImageReference, ParseImageReferenceResult } from './core/image-reference.js';

export { resolveContainerConfig, resolveDockerRun } from './run/docker-run.js';
export type { ArgvSource, ContainerConfigRequest, DockerResolution, DockerRunOptions, DockerRunResult } from './run/docker-run.js';

export { imageFieldsUsed } from './run/image-needs.js';
export type { ImageField } from './run/image-needs.js';

export { analyzeArgv, shellScriptIndex } from './core/argv-analysis.js';
export type { ArgvOrigin } from './core/argv-analysis.js';

export { formatArgv, quoteShellWord } from './core/format-argv.js';
export type { ArgvStyle } from './core/format-argv.js';

export { entrypointCmdTable, renderTable } from './table/table.js';
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
} from './table/table.js';

export { CmdResolutionError, isCmdResolutionError, unwrap } from './core/errors.js';

export { DIAGNOSTICS } from './core/diagnostics.js';
export type { DiagnosticInfo } from './core/diagnostics.js';

export { DEFAULT_LIMITS } from './core/limits.js';
export type { Limits, LimitsOption } from './core/limits.js';

// ---- Kubernetes and Compose (issue #4) ----
export { CURRENT_KUBERNETES_VERSION, escapeKubernetes, expandKubernetes, kubernetesProfile } from './kubernetes/expansion.js';
export type { ExpandKubernetesOptions, KubernetesEnv, KubernetesProfile } from './kubernetes/expansion.js';

export { SHELLWORDS_ERROR, splitGoShellwords } from './compose/go-shellwords.js';
export type { ShellwordsResult, ShellwordsVersion } from './compose/go-shellwords.js';

export { DOCKER_GLOBAL_FLAGS, DOCKER_RUN_FLAGS, PODMAN_FLAG_ALIASES, PODMAN_GLOBAL_FLAGS, PODMAN_RUN_FLAGS } from './run/flag-table.js';
export type { RunFlagSpec, RunFlagType } from './run/flag-table.js';
export { quoteForShell, quoteShellArg, splitShellWords } from './run/posix-words.js';
export type { ShellWord, ShellWordsResult } from './run/posix-words.js';
export { DOCKER_FLAG_MIN_API, parseDockerBytes, parseDockerCpus, parseGoBool, parseRunCommandLine, resolveRunCommandLine } from './run/command-line.js';
export type { ParsedRunCommandLine, ParsedRunFlag, ResolvedRunCommandLine, RunCommandLineOptions, RunCommandLineResult } from './run/command-line.js';
export { bytesToQuantity, cpusToQuantity, runFlagsToKubernetes } from './kubernetes/from-run.js';
export type { RunContainerFields, RunContainerPort, RunEnvVar, RunFlagsKubernetes } from './kubernetes/from-run.js';

export { CRI_NO_COMMAND_MESSAGE, resolveKubernetes, toKubernetes } from './kubernetes/container.js';
export type {
  KubernetesCommand,
  KubernetesContainer,
  KubernetesEnvEntry,
  KubernetesEnvFromSource,
  KubernetesEnvVar,
  KubernetesEnvVarSource,
  KubernetesOptions,
  KubernetesPartialResolution,
  KubernetesResolution,
  KubernetesResult,
  ToKubernetesResult,
} from './kubernetes/container.js';

// ---- Dockerfile evaluation (issue #3)
export { evaluateDockerfile, unknownInstructionMessage } from './dockerfile/evaluate.js';
export type { BaseImages, DockerfileEvaluation, DockerfileStage, EvaluateDockerfileOptions, EvaluateDockerfileResult, StageBase, ValueSource } from './dockerfile/evaluate.js';
export { listDockerfileBases } from './dockerfile/list-bases.js';
export type { DockerfileBaseReference, ListDockerfileBasesOptions, ListDockerfileBasesResult } from './dockerfile/list-bases.js';
export type { BaseDependency, ConfigDependencies, UnknownBase } from './dockerfile/base-dependency.js';
export { MAX_DOCKERFILE_LINE_BYTES, parseDockerfile } from './dockerfile/parser.js';
export type {
  DockerfileDirective,
  DockerfileHeredoc,
  DockerfileInstruction,
  DockerfileTrigger,
  ParseDockerfileOptions,
  ParseDockerfileResult,
  ParsedDockerfile,
} from './dockerfile/parser.js';
export type { DockerfileFrontend } from './dockerfile/frontend.js';
export { imageConfigFromInspect } from './image/inspect.js';
export type { ImageConfigFromInspectResult } from './image/inspect.js';

export { komposeRewriteArg, parseComposeCommand, resolveCompose, composeToKubernetes } from './compose/service.js';
export type {
  ComposeCommandOptions,
  ComposeCommandResult,
  ComposeKubernetes,
  ComposePartialResult,
  ComposeRequest,
  ComposeResult,
  ComposeRunOptions,
  ComposeService,
  ComposeToKubernetesOptions,
  ParsedComposeCommand,
  ResolveComposeOptions,
} from './compose/service.js';
export { interpolateCompose, listComposeImages, resolveComposeFile } from './compose/file.js';
export { parseDotEnv, readDotEnvFiles } from './compose/dotenv.js';
export type { DotEnvFile, DotEnvResult, ParseDotEnvOptions } from './compose/dotenv.js';
export type { ComposeFileService, ComposeImage, ComposeImageLookup, ListComposeImagesResult, ResolveComposeFileOptions, ResolveComposeFileResult } from './compose/file.js';
export { listManifestImages, resolveManifests } from './kubernetes/manifest.js';
export type {
  ImageLookup,
  ListManifestImagesResult,
  ManifestContainerResult,
  ManifestImage,
  ManifestWorkload,
  ResolveManifestsOptions,
  ResolveManifestsResult,
} from './kubernetes/manifest.js';
