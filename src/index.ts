// container-argv: what argv will this container actually execute?
// Named re-exports only; every module is pure and browser-safe. The runtime exports are the
// functions a tooling author calls (plus the error class, the DIAGNOSTICS table and the
// default limits); types are exported where a public signature uses them.

// ---- core types, errors, diagnostics, limits
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
export type { ImageConfigSource, ImageLookup, SourcedImageConfig } from './core/image-lookup.js';
export { parseImageReference, sameImage } from './core/image-reference.js';
export type { ImageReference, ParseImageReferenceResult } from './core/image-reference.js';

export { CmdResolutionError, isCmdResolutionError, unwrap } from './core/errors.js';

export { DIAGNOSTICS } from './core/diagnostics.js';
export type { DiagnosticCode, DiagnosticInfo } from './core/diagnostics.js';

export { DEFAULT_LIMITS } from './core/limits.js';
export type { Limits, LimitsOption } from './core/limits.js';

// ---- Dockerfiles and images
export { evaluateDockerfile } from './dockerfile/evaluate.js';
export type { DockerfileEvaluation, DockerfileStage, EvaluateDockerfileOptions, EvaluateDockerfileResult, StageBase, ValueSource } from './dockerfile/evaluate.js';
export { listDockerfileBases } from './dockerfile/list-bases.js';
export type { DockerfileBaseReference, ListDockerfileBasesOptions, ListDockerfileBasesResult } from './dockerfile/list-bases.js';
export type { BaseDependency, ConfigDependencies, UnknownBase } from './dockerfile/base-dependency.js';
export { parseDockerfile } from './dockerfile/parser.js';
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

export { formatCommand, isExecForm, isShellForm, parseCommand } from './dockerfile/command-form.js';
export type { CommandInstruction, ParseCommandOptions, ParseCommandResult, ParsedCommand } from './dockerfile/command-form.js';
export { defaultShell } from './dockerfile/stage.js';

export { imageConfigFrom } from './image/image-config.js';
export type { ImageConfigFromResult, ImageConfigInput } from './image/image-config.js';
export { imageConfigFromInspect } from './image/inspect.js';
export type { ImageConfigFromInspectResult } from './image/inspect.js';

// ---- docker run
export { resolveContainerConfig, resolveDockerRun } from './run/docker-run.js';
export type { ArgvSource, ContainerConfigRequest, DockerResolution, DockerRunOverrides, ResolveContainerConfigResult, ResolveDockerRunResult } from './run/docker-run.js';
export { parseRunCommandLine, resolveRunCommandLine } from './run/command-line.js';
export type {
  ParseRunCommandLineResult,
  ParsedRunCommandLine,
  ParsedRunFlag,
  ResolveRunCommandLineResult,
  RunCommandLineOptions,
  RunCommandLineResolution,
} from './run/command-line.js';

export { imageFieldsUsed } from './run/image-needs.js';
export { windowsCommandLine } from './run/windows-command-line.js';
export type { ImageField } from './run/image-needs.js';

// ---- Kubernetes
export { resolveKubernetes, toKubernetes } from './kubernetes/container.js';
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
  ResolveKubernetesResult,
  ToKubernetesResult,
} from './kubernetes/container.js';
export { listManifestImages, resolveManifests } from './kubernetes/manifest.js';
export type { ListManifestImagesResult, ManifestContainerResult, ManifestImage, ManifestWorkload, ResolveManifestsOptions, ResolveManifestsResult } from './kubernetes/manifest.js';
export { runFlagsToKubernetes } from './kubernetes/from-run.js';
export type { RunContainerFields, RunContainerPort, RunEnvVar, RunFlagsToKubernetesResult } from './kubernetes/from-run.js';
export { escapeKubernetes, expandKubernetes } from './kubernetes/expansion.js';
export type { ExpandKubernetesOptions, KubernetesEnv } from './kubernetes/expansion.js';

// ---- Compose
export { listComposeImages, resolveComposeFile } from './compose/file.js';
export type { ComposeFileService, ComposeImage, ListComposeImagesResult, ResolveComposeFileOptions, ResolveComposeFileResult } from './compose/file.js';
export { composeToKubernetes, parseComposeCommand, resolveCompose } from './compose/service.js';
export type {
  ComposeCommandOptions,
  ComposePartialResult,
  ComposeRequest,
  ComposeResolution,
  ComposeRunOverrides,
  ComposeService,
  ComposeToKubernetesOptions,
  ComposeToKubernetesResult,
  ParseComposeCommandResult,
  ParsedComposeCommand,
  ResolveComposeOptions,
  ResolveComposeResult,
} from './compose/service.js';
export type { ShellwordsVersion } from './compose/go-shellwords.js';
export { loadComposeProject } from './compose/project.js';
export type { ComposeProject, ComposeProjectService, LoadComposeProjectOptions, LoadComposeProjectResult } from './compose/project.js';
export type { BuildModel, ComposeOrigin, EnvFileEntry, ExtendsRef, KeyEntry, KeyedList, ServiceModel, Sourced } from './compose/model.js';
export type { ComposeReadFile } from './compose/project-files.js';
export { resolveComposeProject } from './compose/resolve-project.js';
export type {
  ComposeBuildEvaluation,
  ComposeContextBase,
  ComposeProjectServiceResult,
  ComposeRunDependency,
  ComposeRunPlan,
  ResolveComposeProjectOptions,
  ResolveComposeProjectResult,
} from './compose/resolve-project.js';
export { parseDotEnv } from './compose/dotenv.js';
export type { DotEnvFile, ParseDotEnvOptions, ParseDotEnvResult } from './compose/dotenv.js';

// ---- converting between docker run, Compose and Kubernetes
export { convertContainer } from './convert/convert.js';
export type { ContainerInput, ConvertContainerOptions, ConvertContainerResult, ConvertedContainer } from './convert/convert.js';
export { convertComposeFile, convertManifests } from './convert/convert-file.js';
export type { ConvertComposeFileOptions, ConvertFileResult, ConvertManifestsOptions, ConvertedItem } from './convert/convert-file.js';
export type { ContainerForm, ContainerSpec, ConvertOptions, RunLineShell, SpecFlag, WriteResult } from './convert/spec.js';
export type { RunLineOutput } from './convert/to-run.js';
export type { ComposeServiceOutput } from './convert/to-compose.js';
export type { KubernetesOutput } from './convert/to-kubernetes.js';

// ---- printing, analysing, tables
export { formatArgv } from './core/format-argv.js';
export type { ArgvStyle } from './core/format-argv.js';
export { analyzeArgv } from './core/argv-analysis.js';
export type { ArgvOrigin } from './core/argv-analysis.js';
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
