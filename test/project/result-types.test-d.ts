// Type tests for the public result types (`vitest --typecheck`, part of `npm test`): every result is a
// union on `ok`, its failure side is `Failure` (a non-empty `issues` tuple plus `diagnostics`), argv
// lists are readonly, commands narrow on `form`, and wrong argument types do not compile.
import { describe, expectTypeOf, test } from 'vitest';
import {
  type KubernetesResolution,
  composeToKubernetes,
  evaluateDockerfile,
  listComposeImages,
  listDockerfileBases,
  listManifestImages,
  imageConfigFrom,
  imageConfigFromInspect,
  isExecForm,
  parseCommand,
  parseImageReference,
  parseComposeCommand,
  parseDockerfile,
  parseDotEnv,
  parseRunCommandLine,
  resolveCompose,
  resolveComposeFile,
  resolveContainerConfig,
  resolveDockerRun,
  resolveKubernetes,
  resolveManifests,
  resolveRunCommandLine,
  runFlagsToKubernetes,
  toKubernetes,
  unwrap,
  type Command,
  type ComposeToKubernetesResult,
  type ParseComposeCommandResult,
  type ResolveComposeResult,
  type Diagnostic,
  type DockerResolution,
  type ResolveDockerRunResult,
  type ParseDotEnvResult,
  type EvaluateDockerfileResult,
  type ExecCommand,
  type Failure,
  type ImageConfigFromInspectResult,
  type ImageConfigFromResult,
  type Issue,
  type Issues,
  type ResolveKubernetesResult,
  type ParseCommandResult,
  type ParseImageReferenceResult,
  type ParseDockerfileResult,
  type ParsedCommand,
  type ResolveComposeFileResult,
  type ResolveContainerConfigResult,
  type ResolveRunCommandLineResult,
  type RunFlagsToKubernetesResult,
  type ResolveManifestsResult,
  type ParseRunCommandLineResult,
  type ShellCommand,
  type ToKubernetesResult,
  type ListComposeImagesResult,
  type ListDockerfileBasesResult,
  type ListManifestImagesResult,
} from '../../src/index.js';
import { lookupCatalog, type CatalogLookupResult } from '../../src/catalog/index.js';
import { dockerConfigCredentials, fetchImageConfig, type DockerConfigCredentialsResult, type FetchImageConfigResult } from '../../src/registry/index.js';

/** The failure side of a result. */
type FailureOf<R> = Extract<R, { readonly ok: false }>;
/** The success side of a result. */
type SuccessOf<R> = Extract<R, { readonly ok: true }>;

describe('every public function returns its documented result type', () => {
  test('Dockerfiles and images', () => {
    expectTypeOf(parseCommand).returns.toEqualTypeOf<ParseCommandResult>();
    expectTypeOf(evaluateDockerfile).returns.toEqualTypeOf<EvaluateDockerfileResult>();
    expectTypeOf(parseDockerfile).returns.toEqualTypeOf<ParseDockerfileResult>();
    expectTypeOf(imageConfigFromInspect).returns.toEqualTypeOf<ImageConfigFromInspectResult>();
    expectTypeOf(imageConfigFrom).returns.toEqualTypeOf<ImageConfigFromResult>();
    expectTypeOf(listDockerfileBases).returns.toEqualTypeOf<ListDockerfileBasesResult>();
  });

  test('docker run, Kubernetes, Compose', () => {
    expectTypeOf(resolveDockerRun).returns.toEqualTypeOf<ResolveDockerRunResult>();
    expectTypeOf(resolveContainerConfig).returns.toEqualTypeOf<ResolveContainerConfigResult>();
    expectTypeOf(resolveRunCommandLine).returns.toEqualTypeOf<ResolveRunCommandLineResult>();
    expectTypeOf(runFlagsToKubernetes).returns.toEqualTypeOf<RunFlagsToKubernetesResult>();
    expectTypeOf(composeToKubernetes).returns.toEqualTypeOf<ComposeToKubernetesResult>();
    expectTypeOf(parseRunCommandLine).returns.toEqualTypeOf<ParseRunCommandLineResult>();
    expectTypeOf(resolveKubernetes).returns.toEqualTypeOf<ResolveKubernetesResult>();
    expectTypeOf(toKubernetes).returns.toEqualTypeOf<ToKubernetesResult>();
    expectTypeOf(resolveManifests).returns.toEqualTypeOf<ResolveManifestsResult>();
    expectTypeOf(resolveCompose).returns.toEqualTypeOf<ResolveComposeResult>();
    expectTypeOf(parseComposeCommand).returns.toEqualTypeOf<ParseComposeCommandResult>();
    expectTypeOf(resolveComposeFile).returns.toEqualTypeOf<ResolveComposeFileResult>();
    expectTypeOf(parseDotEnv).returns.toEqualTypeOf<ParseDotEnvResult>();
    expectTypeOf(listManifestImages).returns.toEqualTypeOf<ListManifestImagesResult>();
    expectTypeOf(listComposeImages).returns.toEqualTypeOf<ListComposeImagesResult>();
  });

  test('image references and the catalog and registry subpaths', () => {
    expectTypeOf(parseImageReference).returns.toEqualTypeOf<ParseImageReferenceResult>();
    expectTypeOf(lookupCatalog).returns.toEqualTypeOf<CatalogLookupResult>();
    expectTypeOf(dockerConfigCredentials).returns.toEqualTypeOf<DockerConfigCredentialsResult>();
    expectTypeOf(fetchImageConfig).returns.resolves.toEqualTypeOf<FetchImageConfigResult>();
  });
});

describe('results are unions on ok, with Failure as the failure side', () => {
  test('the failure side of each result is Failure', () => {
    expectTypeOf<FailureOf<ParseCommandResult>>().toEqualTypeOf<Failure>();
    expectTypeOf<FailureOf<EvaluateDockerfileResult>>().toEqualTypeOf<Failure>();
    expectTypeOf<FailureOf<ParseDockerfileResult>>().toEqualTypeOf<Failure>();
    expectTypeOf<FailureOf<ImageConfigFromInspectResult>>().toEqualTypeOf<Failure>();
    expectTypeOf<FailureOf<ImageConfigFromResult>>().toEqualTypeOf<Failure>();
    expectTypeOf<FailureOf<ResolveDockerRunResult>>().toEqualTypeOf<Failure>();
    expectTypeOf<FailureOf<ParseRunCommandLineResult>>().toEqualTypeOf<Failure>();
    expectTypeOf<FailureOf<ResolveRunCommandLineResult>>().toEqualTypeOf<Failure>();
    expectTypeOf<FailureOf<ResolveContainerConfigResult>>().toEqualTypeOf<Failure>();
    expectTypeOf<FailureOf<ComposeToKubernetesResult>>().toEqualTypeOf<Failure>();
    expectTypeOf<FailureOf<ResolveKubernetesResult>>().toEqualTypeOf<Failure>();
    expectTypeOf<FailureOf<ToKubernetesResult>>().toEqualTypeOf<Failure>();
    expectTypeOf<FailureOf<ResolveManifestsResult>>().toEqualTypeOf<Failure>();
    expectTypeOf<FailureOf<ResolveComposeResult>>().toEqualTypeOf<Failure>();
    expectTypeOf<FailureOf<ParseComposeCommandResult>>().toEqualTypeOf<Failure>();
    expectTypeOf<FailureOf<ResolveComposeFileResult>>().toEqualTypeOf<Failure>();
    expectTypeOf<FailureOf<ParseDotEnvResult>>().toEqualTypeOf<Failure>();
    expectTypeOf<FailureOf<ListDockerfileBasesResult>>().toEqualTypeOf<Failure>();
    expectTypeOf<FailureOf<ListManifestImagesResult>>().toEqualTypeOf<Failure>();
    expectTypeOf<FailureOf<ListComposeImagesResult>>().toEqualTypeOf<Failure>();
    expectTypeOf<FailureOf<ParseImageReferenceResult>>().toEqualTypeOf<Failure>();
    expectTypeOf<FailureOf<CatalogLookupResult>>().toEqualTypeOf<Failure>();
    expectTypeOf<FailureOf<DockerConfigCredentialsResult>>().toEqualTypeOf<Failure>();
    expectTypeOf<FailureOf<FetchImageConfigResult>>().toEqualTypeOf<Failure>();
  });

  test('the success side of each result carries readonly diagnostics', () => {
    expectTypeOf<SuccessOf<ParseCommandResult>['diagnostics']>().toEqualTypeOf<readonly Diagnostic[]>();
    expectTypeOf<SuccessOf<EvaluateDockerfileResult>['diagnostics']>().toEqualTypeOf<readonly Diagnostic[]>();
    expectTypeOf<SuccessOf<ResolveDockerRunResult>['diagnostics']>().toEqualTypeOf<readonly Diagnostic[]>();
    expectTypeOf<SuccessOf<ResolveKubernetesResult>['diagnostics']>().toEqualTypeOf<readonly Diagnostic[]>();
    expectTypeOf<SuccessOf<ResolveManifestsResult>['diagnostics']>().toEqualTypeOf<readonly Diagnostic[]>();
    expectTypeOf<SuccessOf<ResolveComposeFileResult>['diagnostics']>().toEqualTypeOf<readonly Diagnostic[]>();
    expectTypeOf<SuccessOf<ImageConfigFromInspectResult>['diagnostics']>().toEqualTypeOf<readonly []>();
    expectTypeOf<SuccessOf<ParseImageReferenceResult>['diagnostics']>().toEqualTypeOf<readonly Diagnostic[]>();
    expectTypeOf<SuccessOf<CatalogLookupResult>['diagnostics']>().toEqualTypeOf<readonly Diagnostic[]>();
    expectTypeOf<SuccessOf<FetchImageConfigResult>['diagnostics']>().toEqualTypeOf<readonly Diagnostic[]>();
  });

  test('Failure.issues is a non-empty readonly tuple: issues[0] is an Issue, not undefined', () => {
    expectTypeOf<Failure['issues']>().toEqualTypeOf<Issues>();
    expectTypeOf<Issues[0]>().toEqualTypeOf<Issue>();
    expectTypeOf<Failure['diagnostics']>().toEqualTypeOf<readonly Diagnostic[]>();
    const r = resolveDockerRun({ cmd: ['x'] });
    if (!r.ok) {
      expectTypeOf(r.issues[0]).toEqualTypeOf<Issue>();
      expectTypeOf(r.issues[1]).toEqualTypeOf<Issue | undefined>();
      // @ts-expect-error -- the issues tuple is readonly
      r.issues.push({ code: 'x', message: 'x' });
    }
  });

  test('checking ok narrows to the value fields', () => {
    const r = resolveDockerRun({ cmd: ['x'] });
    // @ts-expect-error -- argv exists only on success
    expectTypeOf(r.argv).toBeUnknown();
    if (r.ok) expectTypeOf(r).toEqualTypeOf<DockerResolution>();
    else expectTypeOf(r).toEqualTypeOf<Failure>();
    const p = parseCommand('x');
    if (p.ok) expectTypeOf(p).toEqualTypeOf<ParsedCommand>();
  });

  test('unwrap returns the success side', () => {
    expectTypeOf(unwrap(resolveDockerRun({}))).toEqualTypeOf<DockerResolution>();
    expectTypeOf(unwrap(parseCommand('x'))).toEqualTypeOf<ParsedCommand>();
  });
});

describe('argv and commands', () => {
  test('argv lists are readonly', () => {
    expectTypeOf<DockerResolution['argv']>().toEqualTypeOf<readonly string[]>();
    expectTypeOf<KubernetesResolution['argv']>().toEqualTypeOf<readonly string[]>();
    const r = resolveDockerRun({ cmd: ['x'] });
    if (r.ok) {
      // @ts-expect-error -- a resolved argv cannot be changed in place
      r.argv.push('y');
    }
  });

  test('Command narrows on form and with isExecForm', () => {
    expectTypeOf<Command>().toEqualTypeOf<ExecCommand | ShellCommand>();
    const c = {} as Command;
    if (c.form === 'exec') expectTypeOf(c.args).toEqualTypeOf<readonly string[]>();
    else expectTypeOf(c.script).toEqualTypeOf<string>();
    if (isExecForm(c)) expectTypeOf(c).toEqualTypeOf<ExecCommand>();
  });

  test('unset and empty are different types: null, undefined or a list', () => {
    expectTypeOf<SuccessOf<EvaluateDockerfileResult>['config']['cmd']>().toEqualTypeOf<readonly string[] | null | undefined>();
  });
});

describe('misuse does not compile', () => {
  test('wrong argument types', () => {
    // @ts-expect-error -- text must be a string
    parseCommand(42);
    // @ts-expect-error -- an image config's cmd is a list, not a string
    resolveDockerRun({ cmd: 'x' });
    // @ts-expect-error -- run.args is a list
    resolveDockerRun({}, { args: 'x' });
    // @ts-expect-error -- the engine is 'docker' or 'podman'
    resolveDockerRun({}, {}, { engine: 'containerd' });
    // @ts-expect-error -- the run line is a string or an argv
    resolveRunCommandLine(42, {});
  });
});
