import type { Severity } from './types.js';

/** What a diagnostic or issue code means, for docs, SARIF and editors. */
export interface DiagnosticInfo {
  /** Default severity; `'error'` for codes that are issues (no result). */
  readonly severity: Severity;
  /** Short title. */
  readonly title: string;
  /** Why it matters and how to fix it (one or two sentences). */
  readonly help: string;
  /** Equivalent BuildKit build check (BuildKit runs checks from Dockerfile frontend 1.8 / Docker 27.0). */
  readonly rule?: string;
  /** Equivalent hadolint rule. */
  readonly hadolint?: string;
  /** Where the rule comes from (spec section or upstream source). */
  readonly source: string;
}

/**
 * The catalogue, as written: its keys are the {@link DiagnosticCode} union. Codes are stable: they are
 * never reused, and a rename before 1.0 is listed in CHANGELOG.md. docs/diagnostics.md is generated from it.
 */
const CATALOGUE = {
  // ---- parseCommand / instruction arguments -------------------------------------------------
  'unknown-flag': {
    severity: 'error',
    title: 'Unknown builder flag',
    help: 'Words starting with -- right after CMD/ENTRYPOINT/SHELL are builder flags, and these instructions have none. Write `CMD -- --flag` or use exec form.',
    source: 'semantics.md R1.9 (buildkit instructions/bflag.go)',
  },
  'command-flag-hint': {
    severity: 'info',
    title: 'Builder flag where a command argument was meant',
    help: 'A lone `--` ends builder flags: `CMD -- --version` runs `--version` through the shell.',
    source: 'semantics.md R1.9, §9 row 15',
  },
  'builder-flag-dropped': {
    severity: 'warning',
    title: 'Builder flag silently dropped (Podman)',
    help: 'buildah ignores `--flag` words before CMD/ENTRYPOINT arguments; Docker fails the build. Remove the flag.',
    source: 'semantics.md §12 (podman 4.3 measured)',
  },
  'json-not-strings': {
    severity: 'error',
    title: 'JSON array with a non-string element',
    help: 'Exec form must be a JSON array of strings only: quote numbers, booleans and nested values.',
    source: 'semantics.md R1.10 step 4 (buildkit parser/line_parsers.go)',
  },
  'exec-form-fallback': {
    severity: 'warning',
    title: 'Looks like exec form but is shell form',
    help: 'The text starts with `[` but is not valid JSON (single quotes, unquoted $VAR, trailing comma or text, `\\w` escapes), so /bin/sh runs it verbatim. Use double quotes and valid JSON.',
    rule: 'JSONArgsRecommended',
    hadolint: 'DL3025',
    source: 'semantics.md R1.10 step 3, §9 row 3',
  },
  'json-trailing-text': {
    severity: 'warning',
    title: 'Text after the JSON array',
    help: 'Older engines (Docker < 27.1) ignore text after a valid JSON array; current BuildKit makes the whole text shell form. Remove the trailing text.',
    source: 'buildkit 80518e2 (dockerfile frontend 1.9)',
  },
  'shell-instruction-empty': {
    severity: 'error',
    title: 'SHELL without arguments',
    help: 'SHELL needs a non-empty JSON array such as `["/bin/bash", "-c"]`.',
    source: 'semantics.md R1.13',
  },
  'shell-instruction-not-json': {
    severity: 'error',
    title: 'SHELL not in JSON form',
    help: 'SHELL accepts exec form only: `SHELL ["/bin/bash", "-c"]`.',
    source: 'semantics.md R1.13',
  },
  // ---- build dispatch ----------------------------------------------------------------------
  'entrypoint-resets-cmd': {
    severity: 'warning',
    title: 'ENTRYPOINT reset the inherited CMD',
    help: 'Setting ENTRYPOINT clears a CMD inherited from the base image or parent stage unless CMD is also set in this stage. Declare CMD again in the same stage.',
    source: 'semantics.md R2.5, §9 row 8',
  },
  // ---- docker run --------------------------------------------------------------------------
  'no-command': {
    severity: 'error',
    title: 'Nothing to run',
    help: 'Neither the image nor the run options give an entrypoint or command; the engine refuses to create the container.',
    source: 'semantics.md R3.4 (moby daemon/create.go)',
  },
  'entrypoint-whitespace': {
    severity: 'warning',
    title: '--entrypoint with spaces',
    help: '--entrypoint is one executable path and is never split; put its arguments after the image name.',
    source: 'semantics.md R3.2, §9 row 5',
  },
  'entrypoint-drops-cmd': {
    severity: 'info',
    title: '--entrypoint drops the image CMD',
    help: 'Overriding the entrypoint also discards the image CMD; pass arguments after the image name.',
    source: 'semantics.md R3.3, §9 row 6',
  },
  'empty-entrypoint-drops-cmd': {
    severity: 'error',
    title: '--entrypoint "" without arguments',
    help: 'An empty --entrypoint clears the entrypoint and drops the image CMD, so nothing is left to run. Give the command after the image name.',
    source: 'semantics.md R3.4, §9 row 7',
  },
  'empty-argv': {
    severity: 'error',
    title: 'Empty command (Podman 5)',
    help: 'Podman 5 creates the container with an empty argv; it fails at start. Give an entrypoint or command.',
    source: 'semantics.md R7.2',
  },
  // ---- argv analysis -----------------------------------------------------------------------
  'argv-shell-entrypoint-args': {
    severity: 'warning',
    title: 'Shell-form ENTRYPOINT receives CMD/args as $0, $1…',
    help: 'With a shell-form ENTRYPOINT the argv is `/bin/sh -c "<script>" <args…>`: the first extra word is $0 and the script ignores them unless it reads "$@". Use exec form and `exec "$@"`.',
    source: 'semantics.md R3.8, §9 row 1',
  },
  'argv-sh-c-extra-args': {
    severity: 'warning',
    title: '`sh -c` followed by several words',
    help: '`sh -c` runs one script string; further words become $0, $1…. Put the whole command into one string.',
    source: 'semantics.md R3.8, §9 row 2 (moby/moby#21014)',
  },
  'argv-shell-pid1': {
    severity: 'info',
    title: 'Shell is PID 1',
    help: 'In shell form /bin/sh is PID 1 and may not forward SIGTERM, so `docker stop` waits for the timeout. Use exec form, `exec` in the script, or --init.',
    rule: 'JSONArgsRecommended',
    source: 'semantics.md §9 row 4',
  },
  // ---- Kubernetes (resolveKubernetes, toKubernetes, resolveManifests) ------------------------
  'k8s-shell-variable': {
    severity: 'warning',
    title: '$VAR or ${VAR} in a Kubernetes command/args',
    help: 'Kubernetes expands only $(NAME) from the container env; $VAR and ${VAR} reach the program as written and only a shell (sh -c) expands them.',
    source: 'semantics.md R5.3, §9 row 11 (kubernetes third_party/forked/golang/expansion/expand.go)',
  },
  'k8s-undefined-reference': {
    severity: 'warning',
    title: '$(NAME) with no such variable',
    help: 'References to variables not defined in env/envFrom (image ENV does not count) are left as written; inside sh -c they become command substitutions. Define the variable or write $$(NAME).',
    source: 'semantics.md R5.3, R5.4 (expand.go MappingFuncFor, kubelet_pods.go makeEnvironmentVariables)',
  },
  'k8s-dollar-multibyte': {
    severity: 'warning',
    title: '$ followed by a multi-byte character',
    help: 'Kubelets before 1.34.4 / 1.35.1 cut the character after a $ to its first byte (invalid UTF-8); 1.34.0-1.34.3 and 1.35.0 then fail to create the container. Write $$ before it.',
    source: 'kubernetes/kubernetes#136323, PR #136325 (1.36), #136490 (1.34.4), #136491 (1.35.1)',
  },
  'k8s-invalid-utf8': {
    severity: 'error',
    title: 'Container creation fails: invalid UTF-8',
    help: 'This kubelet corrupts a $ + multi-byte character into invalid UTF-8 and its CRI client (gRPC >= 1.72) refuses to send it: CreateContainerError. Upgrade the node or write $$.',
    source: 'kubernetes/kubernetes#136323 (grpc: error while marshaling: string field contains invalid UTF-8)',
  },
  'k8s-empty-command': {
    severity: 'info',
    title: 'Empty command/args list',
    help: 'An empty command (or args) list is the same as leaving it out: the kubelet only sends non-empty lists, so the image ENTRYPOINT (or CMD) is used. Kubernetes cannot clear an image ENTRYPOINT.',
    source: 'semantics.md R4.2, R5.2 (kubelet helpers.go ExpandContainerCommandAndArgs)',
  },
  'k8s-env-value-unknown': {
    severity: 'warning',
    title: 'Value of $(NAME) not known here',
    help: 'A $(NAME) in command/args may be defined by data that was not given: a ConfigMap or Secret not in the input (envFrom makes every name with its prefix possible), a pod field or resource known only once the Pod runs, or a service link. The reference is left as written and the answer is not complete (complete: false, dependsOnEnv). Add the ConfigMap/Secret to the input or give it (options.configMaps/secrets; CLI `k8s --manifest` with --config-map/--secret).',
    source: 'kubelet_pods.go makeEnvironmentVariables; envvars.go FromServices',
  },
  'k8s-env-source-missing': {
    severity: 'error',
    title: 'ConfigMap/Secret or key not found',
    help: 'A non-optional configMapRef/secretRef (or key) that does not exist stops the kubelet from creating the container (CreateContainerConfigError). Create it or mark it optional. Only reported when the ConfigMaps/Secrets given are all that exist (an options record).',
    source: 'kubelet_pods.go makeEnvironmentVariables',
  },
  'k8s-env-invalid-name': {
    severity: 'warning',
    title: 'envFrom key skipped',
    help: 'Kubelets 1.6 to 1.29 skip envFrom keys (after the prefix) that are not valid environment variable names, with an InvalidEnvironmentVariableNames event (C identifiers before 1.8, [-._a-zA-Z][-._a-zA-Z0-9]* after); from 1.30 every key becomes a variable.',
    source: 'kubelet_pods.go makeEnvironmentVariables (kubernetes#42642, #48986; check removed by #123385)',
  },
  'k8s-secret-data-invalid': {
    severity: 'error',
    title: 'Secret data is not base64',
    help: 'A Secret `data` value must be base64 (Go StdEncoding, padded; line breaks are ignored); the API server refuses the Secret. Encode the value, or put the plain text under `stringData`.',
    source: 'golang/go encoding/base64 Decode (CorruptInputError); API server JSON decoding of []byte',
  },
  'k8s-secret-not-utf8': {
    severity: 'warning',
    title: 'Secret value is not UTF-8 text',
    help: 'The kubelet passes env values to the runtime as protobuf strings: bytes that are not UTF-8 fail container creation on Kubernetes 1.34+ and reach older nodes as raw bytes. Mount binary Secrets as files instead.',
    source: 'kubernetes/kubernetes#136323 (gRPC string marshaling); kubelet_pods.go string(secret.Data[k])',
  },
  'k8s-no-init': {
    severity: 'error',
    title: 'Kubernetes has no --init',
    help: "docker run --init prefixes the engine's init binary, which Kubernetes does not inject; build tini/dumb-init into the image and put it in command, or use shareProcessNamespace.",
    source: 'semantics.md R3.5; Kubernetes Container API has no init field',
  },
  'k8s-unknown-kind': {
    severity: 'warning',
    title: 'Document kind without containers skipped',
    help: 'Only Pod, Deployment, StatefulSet, DaemonSet, ReplicaSet, ReplicationController, Job, CronJob, PodTemplate and List are read; other documents are skipped.',
    source: 'container-argv decision (docs/semantics.md §3)',
  },
  'k8s-manifest-invalid': {
    severity: 'error',
    title: 'Manifest does not have the expected shape',
    help: 'A field has the wrong type (e.g. a number in args); the message names the document and path. Kubernetes would reject it too.',
    source: 'Kubernetes API types (core/v1 Container)',
  },
  'yaml-invalid': {
    severity: 'error',
    title: 'Malformed YAML',
    help: 'The document could not be parsed as YAML; fix the syntax at the reported line and column.',
    source: 'yaml package parser',
  },
  'input-too-large': {
    severity: 'error',
    title: 'Input too large',
    help: 'The text or the number of documents/containers exceeds the safety limits; split the file.',
    source: 'container-argv decision',
  },
  'image-config-missing': {
    severity: 'error',
    title: 'Image config not provided',
    help: 'The answer needs an image config that was not given: composeToKubernetes with `entrypoint: []` must put the image CMD into the Kubernetes command, since Kubernetes cannot clear the image ENTRYPOINT. Pass options.image.',
    source: 'container-argv API',
  },
  'depends-on-unknown-image': {
    severity: 'warning',
    title: 'What runs depends on an image config not given',
    help: 'A Kubernetes container without `command`, or a Compose service without a non-empty `entrypoint`, runs the image ENTRYPOINT (and its CMD when no args/command are set); the image config was not given, so the argv is not known (complete: false). Give the image config, or set command/entrypoint.',
    source: 'containerd pkg/cri WithProcessArgs; moby daemon/create.go merge (issue 18 §2)',
  },
  'k8s-image-invalid': {
    severity: 'error',
    title: 'Container image is not an image reference',
    help: 'The kubelet cannot parse the container `image:` (upper case in the repository path, a bad tag or digest…), so the pod never starts (InvalidImageName). Fix the reference.',
    source: 'kubernetes pkg/kubelet/images/image_manager.go EnsureImageExists (InvalidImageName); distribution/reference normalize.go',
  },
  'compose-image-invalid': {
    severity: 'error',
    title: 'Service image is not an image reference',
    help: 'The service `image:` (after interpolation) does not parse as an image reference, so Docker Engine refuses it. Fix the reference.',
    source: 'distribution/reference v0.6.0 normalize.go ParseNormalizedNamed',
  },
  // ---- image references (parseImageReference) ------------------------------------------------
  'image-reference-invalid': {
    severity: 'error',
    title: 'invalid reference format',
    help: 'The text is not an image reference: `[registry[:port]/]path[:tag][@digest]`, path components in lower-case letters and digits joined by `.`, `_`, `__` or dashes, a tag of at most 128 word characters, `.` and `-`.',
    source: 'distribution/reference v0.6.0 reference.go, regexp.go (ErrReferenceInvalidFormat)',
  },
  'image-reference-uppercase': {
    severity: 'error',
    title: 'Repository name must be lowercase',
    help: 'Repository paths are lower case; only the registry host and the tag may have capitals. Docker takes an upper-case first component for a registry host.',
    source: 'distribution/reference v0.6.0 normalize.go ParseNormalizedNamed, reference.go ErrNameContainsUppercase',
  },
  'image-reference-too-long': {
    severity: 'error',
    title: 'Repository name too long',
    help: 'The repository path (without the registry host, with the `library/` Docker adds to official images) may be at most 255 characters.',
    source: 'distribution/reference v0.6.0 reference.go RepositoryNameTotalLengthMax (domain excluded since aaca75e)',
  },
  'image-reference-hex-name': {
    severity: 'error',
    title: '64-hex string as a repository name',
    help: 'A bare 64-digit lower-case hex string looks like an image ID, so it is refused as a name. Name a registry (`docker.io/<hex>`) or use the image ID where IDs are accepted (`docker run`).',
    source: 'distribution/reference v0.6.0 normalize.go ParseNormalizedNamed (anchoredIdentifierRegexp)',
  },
  'image-reference-digest-invalid': {
    severity: 'error',
    title: 'Invalid image digest',
    help: 'A digest is `sha256:` plus 64, `sha384:` plus 96 or `sha512:` plus 128 lower-case hex digits; other algorithms are unsupported.',
    source: 'opencontainers/go-digest v1.0.0 digest.go Validate, algorithm.go',
  },
  'image-reference-no-domain': {
    severity: 'warning',
    title: 'Registry host is not a valid host name',
    help: 'The first component has a `.` or `:` (or capitals), so Docker takes it for a registry host, but it is not a valid one (often an `_`): the reference parses with no registry at all and the whole name is the repository path, which no registry serves. Fix the host name.',
    source: 'distribution/reference v0.6.0 normalize.go splitDockerDomain + reference.go Parse (test_com / foo_bar.com vectors)',
  },
  'image-reference-tag-ignored': {
    severity: 'info',
    title: 'Tag beside a digest is ignored',
    help: 'With both `:tag` and `@digest`, engines pull by the digest and ignore the tag (it is documentation only); the tag is not checked against the digest.',
    source: 'distribution/reference v0.6.0 normalize.go ParseDockerRef; moby/moby#33214; docker/cli#4545',
  },
  // ---- Compose (parseComposeCommand, resolveCompose, composeToKubernetes, resolveComposeFile) -----
  'compose-command-truncated': {
    severity: 'warning',
    title: 'String command cut at ; & | < >',
    help: 'Compose splits a string command like a shell line but never runs a shell: everything from the first unquoted ; & | < > is silently dropped. Use ["sh", "-c", "..."] for shell syntax.',
    source: 'semantics.md R6.2, §9 row 10 (go-shellwords Parse; docker/docs PR #13265)',
  },
  'compose-command-invalid': {
    severity: 'error',
    title: 'invalid command line string',
    help: 'An unterminated quote, a trailing backslash or an unquoted ( (or, in go-shellwords >= 1.0.13, a bare )) makes Compose reject the string. Quote it or use the list form.',
    source: 'semantics.md R6.2 (docker/compose#8512, #9965)',
  },
  'compose-file-invalid': {
    severity: 'error',
    title: 'Compose file does not have the expected shape',
    help: 'A top-level or service key has a type the compose-spec schema does not allow (services not a mapping, image not a string, ports a number…), or is not a Compose key at all; the message names the path. docker compose refuses the whole project too.',
    source: 'compose-spec schema (compose-spec.json); compose-go v2.13.0 schema/schema.go Validate',
  },
  'compose-command-type': {
    severity: 'error',
    title: 'command/entrypoint is not a string or list of strings',
    help: 'Compose accepts null, a string or a list of strings for command and entrypoint.',
    source: 'compose-spec schema $defs/command',
  },
  'compose-empty-entrypoint-keeps-cmd': {
    severity: 'warning',
    title: 'Empty entrypoint keeps the image CMD',
    help: 'entrypoint: "" or [] clears the image ENTRYPOINT but Docker Engine still runs the image CMD, although the compose spec says the default command is ignored. Set command explicitly.',
    source: 'semantics.md R6.3 (docker/compose#5272)',
  },
  'compose-empty-command-keeps-cmd': {
    severity: 'warning',
    title: 'Empty command keeps the image CMD',
    help: 'command: "" or [] is sent as an empty Cmd, which Docker Engine treats as unset: the image CMD still runs, contrary to the compose spec text.',
    source: 'semantics.md R6.3 (moby daemon/commit.go merge)',
  },
  'compose-run-drops-command': {
    severity: 'info',
    title: 'compose run --entrypoint drops the service command',
    help: 'Since docker compose 2.11.2, --entrypoint without a command also discards the service command (and the image CMD). Pass the command after the service name.',
    source: 'semantics.md R6.4 (docker/compose#9836)',
  },
  'compose-unresolved-variable': {
    severity: 'warning',
    title: 'Unresolved ${VAR} in compose file',
    help: 'Compose substitutes ${VAR}/$VAR from the shell environment and .env (in the compose file and in .env values) before splitting; an unset variable becomes an empty string (with a warning). Pass the variable in options.environment or options.envFiles, or write $$ for a literal $.',
    source: 'compose-spec 12-interpolation.md',
  },
  'compose-interpolation-invalid': {
    severity: 'error',
    title: 'Invalid interpolation',
    help: 'A ${ without its closing } (or a required ${VAR:?err} that is unset) makes Compose reject the file.',
    source: 'compose-spec 12-interpolation.md; compose-go template',
  },
  'dotenv-invalid-key': {
    severity: 'error',
    title: 'Invalid name in a .env file',
    help: 'A .env name may hold letters, digits and _ . - [ ] only, and no space; `export ` alone at the end of the file is also rejected. Fix the line named in the message.',
    source: 'compose-go dotenv/parser.go locateKeyName, parse',
  },
  'dotenv-unterminated-quote': {
    severity: 'error',
    title: 'Unterminated quoted value in a .env file',
    help: 'A value that starts with \' or " runs, across lines, to the next unescaped quote of the same kind; add the closing quote or escape it with a backslash.',
    source: 'compose-go dotenv/parser.go extractVarValue',
  },
  'dotenv-interpolation-invalid': {
    severity: 'error',
    title: 'Invalid ${VAR} in a .env value',
    help: 'Unquoted and double-quoted .env values are interpolated like the compose file: a ${ without its } or an unset ${VAR:?err} makes Compose reject the .env file. Single-quote the value to keep it literal.',
    source: 'compose-go dotenv/godotenv.go expandVariables; template/template.go',
  },
  'dotenv-no-key': {
    severity: 'warning',
    title: 'Last .env line without = or line break',
    help: 'compose-go reads a last line such as `FOO` (no `=`, no newline) as the value of an empty name, so FOO is not taken from the environment. End the file with a newline.',
    source: 'compose-go dotenv/parser.go locateKeyName',
  },
  'compose-file-not-found': {
    severity: 'error',
    title: 'Compose file not found',
    help: 'A file given with -f or COMPOSE_FILE, an `extends`/`include` file or an `env_file` does not exist; without -f no compose.yaml, compose.yml, docker-compose.yml or docker-compose.yaml was found in the project directory or above it.',
    source: 'compose-go v2.13.0 cli/options.go WithDefaultConfigPath, loader/loader.go LoadConfigFiles ("no configuration file provided: not found")',
  },
  'compose-multiple-files': {
    severity: 'warning',
    title: 'Several default compose files',
    help: 'More than one of compose.yaml, compose.yml, docker-compose.yml, docker-compose.yaml (or of their override files) is in the directory; Compose uses the first in that order and ignores the others. Remove or rename the others.',
    source: 'compose-go v2.13.0 cli/options.go WithDefaultConfigPath ("Found multiple config files with supported names")',
  },
  'compose-extends-invalid': {
    severity: 'error',
    title: 'extends names no service',
    help: 'The service named by `extends` is not in the file (or in `extends.file`). Fix the name or the file.',
    source: 'compose-go v2.13.0 loader/extends.go applyServiceExtends, getExtendsBaseFromFile',
  },
  'compose-extends-cycle': {
    severity: 'error',
    title: 'extends cycle',
    help: 'Services extend each other in a circle (`a` extends `b` extends `a`); Compose refuses the project. Break the cycle.',
    source: 'compose-go v2.13.0 loader/loader.go cycleTracker.Add ("Circular reference")',
  },
  'compose-include-invalid': {
    severity: 'error',
    title: 'include entry is invalid',
    help: '`include` is a list of paths or of `{path, project_directory, env_file}` mappings.',
    source: 'compose-go v2.13.0 loader/include.go loadIncludeConfig',
  },
  'compose-include-cycle': {
    severity: 'error',
    title: 'include cycle',
    help: 'A compose file includes itself through other files; Compose refuses the project.',
    source: 'compose-go v2.13.0 loader/include.go ApplyInclude ("include cycle detected")',
  },
  'compose-tag-unsupported': {
    severity: 'warning',
    title: '!reset/!override inside a list not modelled',
    help: 'container-argv applies `!reset` and `!override` to whole fields, to keys of `environment`/`build.args` written as mappings, and to `build` keys; a tag deeper than that is not applied to the merged value.',
    source: 'compose-go v2.13.0 loader/reset.go ResetProcessor.Apply',
  },
  'compose-service-not-found': {
    severity: 'error',
    title: 'No such service',
    help: 'The service named on the command line (`run SERVICE`) is not in the project.',
    source: 'compose-go v2.13.0 types/project.go GetService ("no such service")',
  },
  'compose-service-inactive': {
    severity: 'info',
    title: 'Service not in the active profiles',
    help: '`docker compose up` does not start a service whose `profiles` are all inactive; `--profile NAME`, COMPOSE_PROFILES or naming the service (`docker compose run SERVICE`) starts it.',
    source: 'compose-go v2.13.0 types/project.go HasProfile, WithProfiles',
  },
  'compose-env-file-not-found': {
    severity: 'error',
    title: 'env_file not found',
    help: 'A required `env_file` of the service does not exist, so Compose refuses to create the container. Create it or mark it `required: false`.',
    source: 'compose-go v2.13.0 types/project.go loadEnvFile ("env file %s not found")',
  },
  'compose-build-not-evaluated': {
    severity: 'warning',
    title: 'Build not evaluated',
    help: 'The service builds from a remote context (Git or HTTP URL) or a Dockerfile that was not readable; what the built image runs is not known. Give the image config by service name.',
    source: 'container-argv decision; docker/compose pkg/compose/build_bake.go dockerFilePath',
  },
  'compose-path-home-unknown': {
    severity: 'warning',
    title: 'Path depends on the home directory',
    help: 'A path in the Compose file starts with `~`, which docker compose replaces with the home directory of the user running it. Pass `homeDirectory` (the CLI passes its own) to resolve it; until then the path is read as written, relative to the project directory.',
    source: 'compose-go v2.13.0 paths/home.go ExpandUser, paths/resolve.go absPath',
  },
  'compose-platform-invalid': {
    severity: 'error',
    title: 'Platform not among build.platforms',
    help: 'The service asks for a platform (`platform:` or DOCKER_DEFAULT_PLATFORM) that its `build.platforms` does not list, so docker compose refuses to build it. Add the platform to `build.platforms` or change `platform:`.',
    source: 'docker/compose cmd/compose/options.go applyPlatforms; compose-go v2.13.0 loader/validate.go checkConsistency',
  },
  'compose-build-platforms-several': {
    severity: 'info',
    title: 'Several build platforms',
    help: '`docker compose up` and `run` build one image to run: with several `build.platforms` and no `platform:`, the builder builds for its own platform. The Dockerfile is evaluated for linux/amd64; set `platform:` to choose.',
    source: 'docker/compose cmd/compose/options.go applyPlatforms (buildForSinglePlatform)',
  },
  'compose-build-context-base': {
    severity: 'info',
    title: 'Base is an additional build context',
    help: "A FROM names one of the service's `build.additional_contexts`: BuildKit builds on that context, not on an image of that name. A directory or URL context has no config here, nor a `service:` context whose service image is neither given nor built from known bases. A `docker-image://` context is looked up as that image.",
    source: 'moby/buildkit v0.32.2 frontend/dockerfile/dockerfile2llb/convert.go (namedContext before ResolveImageConfig), frontend/dockerui/config.go NamedContext',
  },
  'compose-build-context-stage': {
    severity: 'warning',
    title: 'Stage named like an additional context',
    help: "A build stage has the name of one of the service's `build.additional_contexts`; BuildKit replaces that stage by the context. container-argv still evaluates the stage from its FROM. Rename the stage or the context.",
    source: 'moby/buildkit v0.32.2 frontend/dockerfile/dockerfile2llb/convert.go toDispatchState (a stage name with a named context)',
  },
  'compose-run-dependencies': {
    severity: 'info',
    title: 'docker compose run starts dependencies',
    help: '`docker compose run SERVICE` first starts the services SERVICE depends on (`depends_on`, followed transitively, among the services its profiles enable); each runs its own command. `--no-deps` starts none.',
    source: 'docker/compose cmd/compose/run.go apply, pkg/compose/run.go startDependencies; compose-go v2.13.0 types/project.go WithSelectedServices',
  },
  'compose-unsupported': {
    severity: 'warning',
    title: 'Compose feature not modelled',
    help: 'resolveComposeFile reads one document on its own: extends and other features that can change command/entrypoint are not evaluated there, and the result ignores them. loadComposeProject (and the CLI commands compose and lint, which use it) evaluates them.',
    source: 'container-argv decision',
  },
  'kompose-dollar-rewrite': {
    severity: 'warning',
    title: 'kompose rewrites $NAME in args',
    help: 'kompose turns $NAME into $(NAME) in args (letters and digits only: $MY_VAR becomes $(MY)_VAR, a lone $ becomes $()), so Kubernetes expands what a shell would have, or something else. Use the correct mapping.',
    source: 'semantics.md R6.5 (kompose k8sutils.go; kubernetes/kompose#1497)',
  },
  'kompose-empty-entrypoint': {
    severity: 'warning',
    title: 'Empty entrypoint is unset on Kubernetes',
    help: 'entrypoint: [] clears the image ENTRYPOINT on Docker, but kompose emits command: [] which Kubernetes treats as unset, so the image ENTRYPOINT runs.',
    source: 'semantics.md R6.5',
  },
  // ---- docker run command lines (parseRunCommandLine, splitShellWords, runFlagsToKubernetes) ----
  'run-line-unterminated': {
    severity: 'error',
    title: 'Unterminated quote or substitution',
    help: 'A quote, `$(`, `${` or backquote is not closed, so a shell would wait for more input. Close it.',
    source: 'POSIX XCU 2.2-2.3 (docs/semantics.md §4)',
  },
  'run-line-expansion': {
    severity: 'warning',
    title: 'Shell expansion kept as written',
    help: '`$VAR`, `${…}`, `$(…)`, backquotes, globs and `~` are replaced by the shell that runs the line; the parse keeps the text as written. Quote it with single quotes to pass it literally.',
    source: 'POSIX XCU 2.6 (docs/semantics.md §4)',
  },
  'run-line-operator': {
    severity: 'warning',
    title: 'Shell operator ends the command',
    help: '`;`, `&`, `&&`, `|`, `||`, parentheses and newlines end the docker command; what follows is another command. Quote them to pass them to the container.',
    source: 'POSIX XCU 2.9-2.10',
  },
  'run-line-redirection': {
    severity: 'warning',
    title: 'Redirection in the command line',
    help: 'A redirection (`>`, `2>`, `<`) and the word after it are handled by the shell and are not passed to docker or the container; the other words still are.',
    source: 'POSIX XCU 2.7, 2.10.1 (IO_NUMBER)',
  },
  'run-line-redirection-target': {
    severity: 'error',
    title: 'Redirection without a target',
    help: 'A `>`/`<` needs a file name (or `&fd`) after it; a shell reports a syntax error.',
    source: 'POSIX XCU 2.7, 2.10.2 (io_redirect grammar); dash 0.5.12 recorded',
  },
  'run-line-comment': {
    severity: 'info',
    title: 'Shell comment',
    help: 'An unquoted `#` at the start of a word starts a comment; the rest of the line is ignored.',
    source: 'POSIX XCU 2.3 rule 9',
  },
  'run-not-run-command': {
    severity: 'error',
    title: 'Not a docker/podman run or create command',
    help: 'The line must be `docker run …`, `docker container create …`, `podman run …` and the like (optionally after sudo/env/VAR=value).',
    source: 'docker/cli cli/command/container/run.go, create.go',
  },
  'run-command-prefix': {
    severity: 'info',
    title: 'sudo / env / VAR=value before the command',
    help: 'Prefixes change how the client runs, not the container; variables reach the container only through -e/--env.',
    source: 'docs/semantics.md §4',
  },
  'run-engine-mismatch': {
    severity: 'warning',
    title: 'Engine option differs from the command line',
    help: 'The program word (docker/podman) decides the engine; options.engine is only used for argv that starts at the subcommand.',
    source: 'docs/semantics.md §4',
  },
  'run-global-flags': {
    severity: 'info',
    title: 'Client flags before the subcommand',
    help: 'Flags such as -H, --context or --log-level configure the client; they do not change what the container runs.',
    source: 'docker/cli cli/flags/options.go; podman cmd/podman/root.go',
  },
  'run-unknown-flag': {
    severity: 'error',
    title: 'Unknown flag',
    help: "The CLI rejects the flag before contacting the engine (`unknown flag: --x`, `unknown shorthand flag: 'z' in -z`). Check the spelling or the engine version; flags meant for the container go after the image.",
    source: 'spf13/pflag flag.go, errors.go; docker/cli run.go',
  },
  'run-flag-needs-argument': {
    severity: 'error',
    title: 'Flag without its value',
    help: 'The flag takes a value and none follows (`flag needs an argument: --name`).',
    source: 'spf13/pflag errors.go ValueRequiredError',
  },
  'run-invalid-flag-value': {
    severity: 'error',
    title: 'Invalid flag value',
    help: 'The CLI could not parse the value (booleans take true/false/1/0/t/f, sizes take <number>[b|k|m|g], -e needs a name).',
    source: 'spf13/pflag InvalidValueError; docker/cli opts (MemBytes, ValidateEnv); go-units RAMInBytes',
  },
  'run-bad-flag-syntax': {
    severity: 'error',
    title: 'Bad flag syntax',
    help: 'Words like `---x` or `--=x` are neither flags nor arguments for pflag.',
    source: 'spf13/pflag parseLongArg',
  },
  'run-help': {
    severity: 'error',
    title: 'Help or version requested',
    help: '`--help` (or `-h` where it is not a flag) among the run/create flags prints usage and creates no container. The same flags before the subcommand (`docker --help run …`, `docker -v run …`) are ignored.',
    source: 'spf13/pflag parseLongArg (ErrHelp); docker/cli run.go (explicit --help flag)',
  },
  'run-missing-image': {
    severity: 'error',
    title: 'No image',
    help: 'Run/create needs an image after the flags (`"docker run" requires at least 1 argument.`).',
    source: 'docker/cli cli/required.go RequiresMinArgs',
  },
  'run-conflicting-options': {
    severity: 'error',
    title: 'Conflicting run options',
    help: '--rm and a --restart policy other than "no" exclude each other; the client refuses the command.',
    source: 'docker/cli cli/command/container/opts.go parse()',
  },
  'run-invalid-reference': {
    severity: 'error',
    title: 'Invalid image reference',
    help: 'The CLI parses the image name before contacting the daemon: lowercase path components, optional registry host[:port], `:tag` and `@digest`.',
    source: 'distribution/reference grammar (regexp.go), docker/cli create.go',
  },
  'run-flag-needs-newer-api': {
    severity: 'error',
    title: 'Flag needs a newer daemon',
    help: "The CLI refuses flags whose minimum API version is above the daemon's (e.g. --annotation needs API 1.43, Engine 24).",
    source: 'docker/cli opts.go SetAnnotation(…, "version", …); cli/cobra.go isSupported',
  },
  'run-flag-deprecated': {
    severity: 'warning',
    title: 'Deprecated flag',
    help: 'The CLI still accepts the flag but prints a deprecation warning; it has no effect on current engines.',
    source: 'docker/cli opts.go MarkDeprecated',
  },
  'run-flag-repeated': {
    severity: 'info',
    title: 'Single-value flag given twice',
    help: 'For flags like --name or --entrypoint only the last value counts.',
    source: 'spf13/pflag (StringVar Set overwrites)',
  },
  'run-flag-after-image': {
    severity: 'info',
    title: 'Flag after the image',
    help: 'Flag parsing stops at the image name; everything after it (even --help) is the container command.',
    source: 'semantics.md R3.1 (SetInterspersed(false))',
  },
  'run-image-looks-like-flag': {
    severity: 'warning',
    title: 'Image name starts with a dash',
    help: 'After `--` the next word is the image even if it starts with `-`; the engine will reject such a reference.',
    source: 'spf13/pflag parseArgs ("--" terminates flags)',
  },
  'run-flag-no-kubernetes': {
    severity: 'info',
    title: 'No Kubernetes counterpart',
    help: 'The docker run flag has no equivalent container field; the message says what to use instead.',
    source: 'docs/semantics.md §4 (Kubernetes mapping)',
  },
  'run-cpus-wrapped': {
    severity: 'warning',
    title: '--cpus beyond int64 nano-CPUs wraps',
    help: "docker's CLI sends `--cpus` × 1e9 as an int64 NanoCpus; a larger count wraps to its low 64 bits, and the container gets the limit of that number, not of the value written. limits.cpu is the limit enforced; write the value you mean.",
    source: 'docker/cli opts.ParseCPUs (big.Rat → int64); probed on Docker 20.10.24 (docs/semantics.md §4)',
  },
  'run-cpus-rounded': {
    severity: 'info',
    title: 'CPU quota rounded up to a millicore',
    help: 'The engine enforces `--cpus` as a CFS quota in µs per 100 ms; the kubelet sets milliCPU × 100 µs, so a quota that is not a multiple of 100 µs becomes the next millicore up.',
    source: 'moby daemon/daemon_unix.go getCPUResources; podman pkg/util CoresToPeriodAndQuota; kubelet MilliCPUToQuota (pkg/kubelet/cm/helpers_linux.go)',
  },
  'run-restart-count': {
    severity: 'warning',
    title: 'on-failure retry count not expressible',
    help: 'restartPolicy OnFailure has no maximum; use a Job with backoffLimit for a bounded retry count.',
    source: 'Kubernetes PodSpec.restartPolicy; docker run --restart',
  },
  'run-restart-unless-stopped': {
    severity: 'info',
    title: 'unless-stopped became Always',
    help: 'Kubernetes has no "stopped by the user" state; Always is the nearest policy.',
    source: 'Kubernetes PodSpec.restartPolicy',
  },
  'run-restart-default': {
    severity: 'info',
    title: 'Restart defaults differ',
    help: 'Docker defaults to no restart, a Pod to restartPolicy Always. Set --restart or restartPolicy explicitly.',
    source: 'docker/cli opts.go (restart default "no"); Kubernetes PodSpec',
  },
  'run-env-from-client': {
    severity: 'warning',
    title: '-e NAME copies the client environment',
    help: 'Without `=value` docker copies the variable from the shell running the CLI (or drops it if unset); give the value explicitly.',
    source: 'docker/cli opts/env.go ValidateEnv',
  },
  'run-user-name': {
    severity: 'warning',
    title: 'User name instead of uid',
    help: 'runAsUser/runAsGroup are numeric; resolve the name from the image or use a numeric uid in the image.',
    source: 'Kubernetes SecurityContext.runAsUser',
  },
  'run-name-not-dns-label': {
    severity: 'warning',
    title: 'Container name not valid in Kubernetes',
    help: 'Docker names allow `_`, `.` and capitals; Kubernetes container names are lowercase RFC 1123 labels.',
    source: 'Kubernetes validation (IsDNS1123Label)',
  },
  'run-publish-needs-service': {
    severity: 'info',
    title: 'Published port needs a Service',
    help: '-p maps a host port; in Kubernetes declare containerPort and reach it through a Service.',
    source: 'docs/semantics.md §4',
  },
  // ---- Dockerfile (evaluateDockerfile / parseDockerfile) ----------------------------------------
  'line-too-long': {
    severity: 'error',
    title: 'Dockerfile line longer than 65535 bytes',
    help: 'BuildKit reads the Dockerfile with a line scanner whose limit is 64 KiB; split the line with continuations.',
    source: 'buildkit parser/parser.go handleScannerError (bufio.MaxScanTokenSize)',
  },
  'duplicate-directive': {
    severity: 'error',
    title: 'Parser directive given twice',
    help: 'Each of escape, syntax and check may appear once, before the first instruction or comment.',
    source: 'semantics.md R1.16 (buildkit parser/directives.go)',
  },
  'invalid-escape-token': {
    severity: 'error',
    title: 'Invalid escape directive',
    help: 'The escape directive accepts only a backslash or a backtick.',
    source: 'semantics.md R1.17 (buildkit parser/parser.go setEscapeToken)',
  },
  'syntax-frontend-not-modelled': {
    severity: 'info',
    title: 'Frontend image not modelled',
    help: "A `# syntax=` line (or the BUILDKIT_SYNTAX build-arg) makes BuildKit run another Dockerfile frontend. Only docker/dockerfile releases 1.2 and later, without a digest, are modelled; otherwise the engine's built-in frontend rules are used. Pass BUILDKIT_SYNTAX=docker/dockerfile:<version> to pick the rules.",
    source: 'docs/semantics.md "Dockerfile frontend (# syntax=)" (buildkit frontend/dockerfile/builder/build.go, parser/directives.go DetectSyntax)',
  },
  'syntax-frontend-unavailable': {
    severity: 'error',
    title: 'Frontend image cannot exist',
    help: "`dockerfile.v0` names BuildKit's built-in frontend only as the BUILDKIT_SYNTAX build-arg on Docker 29.5 and later (BuildKit 0.30); a `# syntax=dockerfile.v0` line, or the build-arg on older engines, makes BuildKit pull an image of that name, and the build fails. Remove the line, or name a docker/dockerfile release.",
    source: 'buildkit 3f3c95735 (v0.30.0); probes on Docker 20.10.24 (docs/semantics.md "Dockerfile frontend (# syntax=)")',
  },
  'unterminated-heredoc': {
    severity: 'error',
    title: 'Heredoc without terminator',
    help: 'A RUN/COPY/ADD heredoc needs a line holding exactly its terminator word.',
    source: 'buildkit parser/parser.go Parse',
  },
  'empty-dockerfile': {
    severity: 'error',
    title: 'Empty Dockerfile file',
    help: 'The Dockerfile has zero bytes; the builder refuses it before parsing.',
    source: 'engine fixture docker-20.10.24 unknown-empty-file (buildkit dockerfile builder, moby classic builder)',
  },
  'no-instructions': {
    severity: 'error',
    title: 'Empty Dockerfile',
    help: 'The file has no instructions (only comments, directives or blank lines).',
    source: 'buildkit parser/parser.go Parse',
  },
  'empty-continuation': {
    severity: 'warning',
    title: 'Empty line inside a continuation',
    help: 'Blank lines inside a continued instruction are skipped with a warning that says they will become errors; remove them.',
    rule: 'NoEmptyContinuation',
    source: 'semantics.md R1.5 (buildkit parser/parser.go)',
  },
  'unknown-instruction': {
    severity: 'error',
    title: 'Unknown instruction',
    help: 'The keyword is not a Dockerfile instruction (often a typo, or a heredoc body after CMD/ENTRYPOINT, which take no heredocs).',
    source: 'semantics.md R1.8, R1.14 (buildkit instructions/parse.go)',
  },
  'invalid-stage-name': {
    severity: 'error',
    title: 'Invalid stage name',
    help: 'Stage names start with a letter and contain only letters, digits, `-`, `_` and `.`.',
    source: 'buildkit instructions/parse.go parseBuildStageName',
  },
  'from-arguments': {
    severity: 'error',
    title: 'Malformed FROM',
    help: 'FROM takes an image (or stage) and optionally `AS name`.',
    source: 'buildkit instructions/parse.go parseBuildStageName',
  },
  'onbuild-empty': {
    severity: 'error',
    title: 'ONBUILD without an instruction',
    help: 'ONBUILD wraps one instruction, e.g. `ONBUILD CMD ["x"]`.',
    source: 'buildkit instructions/parse.go parseOnBuild',
  },
  'onbuild-chained': {
    severity: 'error',
    title: 'ONBUILD ONBUILD',
    help: 'ONBUILD triggers cannot be chained.',
    source: 'buildkit instructions/parse.go parseOnBuild',
  },
  'onbuild-trigger-not-allowed': {
    severity: 'error',
    title: 'FROM or MAINTAINER as ONBUILD trigger',
    help: 'FROM and MAINTAINER cannot be ONBUILD triggers.',
    source: 'buildkit instructions/parse.go parseOnBuild',
  },
  'onbuild-trigger': {
    severity: 'error',
    title: 'Bad ONBUILD trigger in the base',
    help: 'A trigger stored in the base image must be exactly one instruction.',
    source: 'buildkit dockerfile2llb/convert.go initOnBuildTriggers',
  },
  'no-build-stage': {
    severity: 'error',
    title: 'Instruction before FROM',
    help: 'Only ARG may come before the first FROM.',
    source: 'buildkit instructions/commands.go CurrentStage',
  },
  'instruction-arguments': {
    severity: 'error',
    title: 'Instruction arguments refused',
    help: "The engine's Dockerfile parser refuses this instruction's arguments or builder flags (count, `name=value` syntax, flag names and values, EXPOSE ports, STOPSIGNAL names).",
    source: 'buildkit frontend/dockerfile/instructions/parse.go, parser/line_parsers.go; moby pkg/signal; go-connections nat',
  },
  'duplicate-stage-name': {
    severity: 'error',
    title: 'Stage name used twice',
    help: 'Two stages have the same name; the classic builder refuses the second when it builds it (BuildKit lets the later stage take the name). Rename one.',
    source: 'moby builder/dockerfile/evaluator.go (stagesBuildResults.checkStageNameAvailable)',
  },
  'arg-expansion-error': {
    severity: 'error',
    title: 'ARG expansion fails',
    help: 'A `${NAME…}` form in FROM or in a meta ARG value is malformed, not supported by this release, or refuses an unset/empty ARG (`:?`).',
    source: 'buildkit frontend/dockerfile/shell/lex.go',
  },
  'blank-base-name': {
    severity: 'error',
    title: 'FROM expands to nothing',
    help: 'The ARG used in FROM has no value; give it a default or pass --build-arg.',
    source: 'buildkit dockerfile2llb/convert.go',
  },
  'platform-invalid': {
    severity: 'error',
    title: 'Platform is not a platform specifier',
    help: 'FROM --platform (after ARG expansion) or options.platform/buildPlatform must be os/arch[/variant], e.g. linux/arm64. The classic builder defines no automatic platform ARGs, so `--platform=$BUILDPLATFORM` is empty there.',
    source: 'containerd platforms.Parse; buildkit dockerfile2llb/convert.go; recorded with docker 20.10.24 (platform-args family)',
  },
  'windows-base-image': {
    severity: 'warning',
    title: 'Windows base image without its config',
    help: 'The base image is a Windows image by its name (mcr.microsoft.com/windows/…, a servercore or nanoserver tag) and its config was not given: shell form is taken to run in cmd /S /C, and the engine runs a command line, not an argv. Pass the config (or --os windows).',
    source: 'container-argv (issue 14 §2); docs/semantics.md "Windows images"',
  },
  'unknown-target': {
    severity: 'error',
    title: 'Target stage not found',
    help: 'The target must be the name of a stage (`FROM … AS name`).',
    source: 'buildkit dockerfile2llb/convert.go',
  },
  'base-image-not-found': {
    severity: 'error',
    title: 'Base image not available',
    help: 'The base image config was not given (unknownBaseImage: "error"); the engine would fail to pull it.',
    source: 'engine fixtures (unknown-from-absent-image-local)',
  },
  'base-image-config-missing': {
    severity: 'info',
    title: 'Base image config unknown',
    help: 'The config of this base image was not given, so what the stage inherits from it (ENTRYPOINT, CMD, SHELL, ONBUILD triggers, OS) is unknown; the result says which values depend on it (dependsOn). Pass its config (baseImages, e.g. from imageConfigFromInspect) for an exact answer.',
    source: 'container-argv (issue 18 §2)',
  },
  'depends-on-unknown-base': {
    severity: 'warning',
    title: 'What runs depends on an unknown base image',
    help: "The target's ENTRYPOINT or CMD is inherited from a base image whose config was not given, wrapped in that image's shell (shell form; its SHELL, or cmd /S /C for a Windows image), or may be set by its ONBUILD trigger; the result is incomplete (complete: false). Pass the base image config, or set ENTRYPOINT and CMD in exec form.",
    source: 'container-argv (issue 18 §2); docs/semantics.md "Unknown base images"',
  },
  'base-config-required': {
    severity: 'error',
    title: 'Base image config required (strict)',
    help: 'With strict: true, a result whose ENTRYPOINT or CMD depends on a base image whose config was not given is an error instead of complete: false. Pass the base image config.',
    source: 'container-argv (issue 18 §2)',
  },
  'from-reference-invalid': {
    severity: 'error',
    title: 'FROM is not an image reference',
    help: 'After ARG expansion, the FROM base is neither a stage name, scratch nor a valid image reference (lower-case repository path, optional registry, tag and digest). BuildKit checks the base of every stage, built or not; the classic builder those up to the target; buildah only those it builds.',
    source: 'buildkit dockerfile2llb/convert.go resolveBaseImage; distribution/reference normalize.go; recorded with docker 20.10.24 and podman 4.3.1',
  },
  'image-config-key-invalid': {
    severity: 'error',
    title: 'Image config key is not an image reference',
    help: 'Image configs are given by image reference (`node:20`, `ghcr.io/org/app@sha256:…`) and matched as the engine matches images; a key that does not parse cannot name any image. Fix the key.',
    source: 'container-argv (issue 18 §1); distribution/reference normalize.go',
  },
  'image-config-duplicate': {
    severity: 'error',
    title: 'Two image configs for the same image',
    help: 'Two keys name the same image (`node`, `node:latest` and `docker.io/library/node:latest` are one image), so it is ambiguous which config applies. Give one.',
    source: 'container-argv (issue 18 §1)',
  },
  'image-config-unused': {
    severity: 'warning',
    title: 'Image config not used',
    help: 'An image config was given for an image that nothing in the input names (after ARG expansion), often a tag or registry that differs from the one written. Matching is by image: `node` = `node:latest`, but `node:20` ≠ `node:20-slim` and a tag never matches a digest.',
    source: 'container-argv (issue 18 §1)',
  },
  'multiple-instructions': {
    severity: 'warning',
    title: 'Several CMD/ENTRYPOINT/HEALTHCHECK in one stage',
    help: 'Only the last one takes effect; remove the earlier ones. BuildKit reports it itself from Dockerfile frontend 1.8 (Docker 27.0); hadolint as DL4003 (CMD), DL4004 (ENTRYPOINT), DL3012 (HEALTHCHECK).',
    rule: 'MultipleInstructionsDisallowed',
    source: 'semantics.md R2.4 (buildkit linter RuleMultipleInstructionsDisallowed)',
  },
  'json-args-recommended': {
    severity: 'info',
    title: 'Shell-form CMD/ENTRYPOINT',
    help: 'Shell form runs /bin/sh as PID 1, which may not forward signals; prefer exec form (JSON array). BuildKit reports it itself from Dockerfile frontend 1.8 (Docker 27.0); the classic builder and buildah never.',
    rule: 'JSONArgsRecommended',
    hadolint: 'DL3025',
    source: 'semantics.md R2.7 (buildkit linter RuleJSONArgsRecommended)',
  },
  'entrypoint-shell-form-cmd': {
    severity: 'warning',
    title: 'Shell-form ENTRYPOINT with a CMD',
    help: 'The CMD words are passed to `/bin/sh -c` as $0, $1… and ignored unless the script uses "$@". Use exec form and `exec "$@"`.',
    source: 'semantics.md R3.8, §9 row 1',
  },
  'invalid-image-config': {
    severity: 'error',
    title: 'Invalid image inspect / OCI config JSON',
    help: 'The JSON does not have the shape of `docker image inspect` output or an OCI image config; the path names the bad field.',
    source: 'OCI image-spec config.md; docker image inspect',
  },
  // ---- registry client (container-argv/registry) ------------------------------------------
  'registry-invalid-reference': {
    severity: 'error',
    title: 'Reference cannot address a registry',
    help: 'The domain, path, tag or digest has characters a registry URL cannot carry; parse the reference with parseImageReference first.',
    source: 'distribution/reference regexp.go',
  },
  'registry-unauthorized': {
    severity: 'error',
    title: 'Registry asked for credentials',
    help: 'The registry (or its token service) answered 401. Pass `credentials`, or in the CLI log in with `docker login` so that ~/.docker/config.json has an `auths` entry for the host.',
    source: 'OCI distribution-spec; distribution docs/spec/auth/token.md',
  },
  'registry-denied': {
    severity: 'error',
    title: 'Registry denied access',
    help: 'The registry answered 403: the credentials are valid but may not pull this repository.',
    source: 'OCI distribution-spec error codes (DENIED)',
  },
  'registry-not-found': {
    severity: 'error',
    title: 'Image or blob not found',
    help: 'The registry answered 404 (`manifest unknown`, `name unknown` or `blob unknown`): check the repository, tag and digest.',
    source: 'OCI distribution-spec error codes',
  },
  'registry-http-error': {
    severity: 'error',
    title: 'Registry request failed',
    help: "The registry answered an HTTP status this client does not retry (or kept answering 429/5xx after the retries); the message carries the registry's own error text.",
    source: 'OCI distribution-spec',
  },
  'registry-network-error': {
    severity: 'error',
    title: 'Registry unreachable',
    help: 'The connection failed or broke (refused, reset, truncated body), also on the last retry.',
    source: 'container-argv',
  },
  'registry-timeout': {
    severity: 'error',
    title: 'Registry request timed out',
    help: 'No complete answer within `timeoutMs` (default 30 s); a stalled response is cut off, never waited on.',
    source: 'container-argv',
  },
  'registry-aborted': {
    severity: 'error',
    title: 'Registry lookup aborted',
    help: "The caller's AbortSignal fired.",
    source: 'container-argv',
  },
  'registry-too-large': {
    severity: 'error',
    title: 'Manifest or config too large',
    help: 'The manifest, index, config blob or token answer is larger than `maxManifestBytes` / `maxConfigBytes`; raise the limit if the image is legitimate.',
    source: 'distribution registry/handlers/manifests.go (maxManifestBodySize 4 MiB)',
  },
  'registry-digest-mismatch': {
    severity: 'error',
    title: 'Content does not match its digest',
    help: 'The bytes received hash to another digest (or have another size) than the descriptor, the digest asked for or `Docker-Content-Digest` says: the registry, a proxy or the network changed them.',
    source: 'OCI image-spec descriptor.md (Digests)',
  },
  'registry-unsupported-digest': {
    severity: 'error',
    title: 'Digest algorithm not supported',
    help: 'Only sha256 and sha512 digests are verified, with WebCrypto (`crypto.subtle`, which browsers offer on https pages only).',
    source: 'OCI image-spec descriptor.md (Registered algorithms)',
  },
  'registry-schema1': {
    severity: 'error',
    title: 'Docker schema 1 manifest refused',
    help: 'Image manifest v2 schema 1 is deprecated (no config blob, no verified ENTRYPOINT/CMD); push the image again with a current client to get schema 2 or OCI.',
    source: 'distribution docs/spec/deprecated-schema-v1.md',
  },
  'registry-unsupported-media-type': {
    severity: 'error',
    title: 'Not an image manifest',
    help: 'The manifest has a media type this client does not read (an artifact, a nested index, or an unknown type), or its config is not an image config.',
    source: 'OCI image-spec manifest.md, image-index.md',
  },
  'registry-invalid-manifest': {
    severity: 'error',
    title: 'Malformed manifest',
    help: 'The manifest or index is not valid JSON of the shape its media type defines.',
    source: 'OCI image-spec manifest.md, image-index.md',
  },
  'registry-no-platform': {
    severity: 'error',
    title: 'No manifest for the platform',
    help: 'The index has no entry for the requested os/architecture/variant (Windows: os.version). The message lists the platforms it has.',
    source: 'containerd platforms (Only, windowsMatchComparer); moby distribution/pull_v2.go wording',
  },
  'registry-platform-mismatch': {
    severity: 'warning',
    title: 'Image is for another platform',
    help: 'A single-platform image was asked for with a `platform` it is not built for; its config is returned anyway, as the registry has no other.',
    source: 'moby distribution/pull_v2.go (platform check of single manifests)',
  },
  'registry-redirect': {
    severity: 'error',
    title: 'Bad or endless redirect',
    help: 'The registry redirected more than 10 times, or to a URL that is not http(s).',
    source: 'Go net/http client (10 redirects)',
  },
  'registry-retried': {
    severity: 'info',
    title: 'Request retried',
    help: 'The registry answered 429 or 5xx, or the connection broke, and the request was sent again after the delay it asked for (Retry-After) or a short backoff.',
    source: 'RFC 9110 §10.2.3 Retry-After',
  },
  'registry-credential-helper-unsupported': {
    severity: 'error',
    title: 'Credential helpers are not supported',
    help: '~/.docker/config.json sends this host to a credential helper (`credsStore` or `credHelpers`), which this client does not run; pass credentials explicitly instead.',
    source: 'docker/cli cli/config/configfile/file.go getConfiguredCredentialStore',
  },
  'registry-identity-token-unsupported': {
    severity: 'error',
    title: 'Identity tokens are not supported',
    help: 'The `auths` entry holds an `identitytoken` (OAuth refresh token), which needs the OAuth flow this client does not implement; pass a username and password or token instead.',
    source: 'docker/cli cli/config/types/authconfig.go',
  },
  'docker-config-invalid': {
    severity: 'error',
    title: 'Invalid Docker config.json',
    help: 'The Docker client config is not valid JSON of the expected shape, or an `auth` field is not base64 of `user:password`.',
    source: 'docker/cli cli/config/configfile/file.go decodeAuth',
  },
  // ---- base-image catalog (container-argv/catalog: lookupCatalog) ---------------------------------
  'catalog-invalid-platform': {
    severity: 'error',
    title: 'Platform not understood',
    help: 'Write the platform as `os/arch[/variant]` with os `linux` or `windows`, and keep it consistent with `options.os`.',
    source: 'docs/catalog.md',
  },
  'catalog-unknown-image': {
    severity: 'error',
    title: 'Image not in the catalog',
    help: "The catalog holds the Docker Official Images and a few recorded bases (distroless, Windows). Pass this image's config yourself (docker image inspect, imageConfigFromInspect).",
    source: 'docs/catalog.md',
  },
  'catalog-unknown-tag': {
    severity: 'error',
    title: 'Tag not in the catalog',
    help: 'The repository is catalogued but not this tag as of the catalog date: tags come and go. Pass the config yourself, or refresh the catalog (docs/catalog.md).',
    source: 'docs/catalog.md',
  },
  'catalog-unknown-digest': {
    severity: 'error',
    title: 'Digest not recorded',
    help: 'A digest-pinned reference names one exact image; the catalog answers for it only when it recorded that digest. Pass the config yourself.',
    source: 'docs/catalog.md',
  },
  'catalog-os-unavailable': {
    severity: 'error',
    title: 'No image for this OS',
    help: 'The tag exists in the catalog, but not for the OS asked (e.g. a Linux-only tag asked for Windows).',
    source: 'docker-library/official-images library files (Architectures); docs/catalog.md',
  },
  'catalog-config-unknown': {
    severity: 'error',
    title: 'Catalogued tag without a known config',
    help: 'The tag is an official image, but its config could not be determined when the catalog was built (no Dockerfile at hand, or a base that could not be resolved); the reason is in the message. Pass the config yourself.',
    source: 'docs/catalog.md (omitted entries)',
  },
  'catalog-default-os': {
    severity: 'info',
    title: 'Shared tag answered for Linux',
    help: 'The tag names Linux and Windows images (a shared tag); without options.os or options.platform the Linux image is answered, as a Linux engine would pull it.',
    source: 'docker-library/official-images SharedTags; docs/catalog.md',
  },
  'catalog-os-version': {
    severity: 'info',
    title: 'OS versions differ',
    help: 'The tag names images for several OS versions (Windows Server releases) whose configs differ; the first is answered.',
    source: 'docker-library/official-images Constraints; docs/catalog.md',
  },
  'catalog-per-arch-source': {
    severity: 'info',
    title: 'Other architectures have their own source',
    help: 'The catalog recorded the config of one architecture; this entry builds other architectures from their own source, whose config may differ.',
    source: 'docker-library/official-images per-architecture GitCommit/Directory; docs/catalog.md',
  },
  'catalog-inexact': {
    severity: 'info',
    title: 'Config from a nearby source',
    help: 'The config was computed from a Dockerfile read at the nearest stored commit instead of the pinned one, or from a registry record of a moving tag; ENTRYPOINT/CMD rarely change, but inspect the image to be sure.',
    source: 'docs/catalog.md (exactness)',
  },
  // ---- CLI base image lookup (src/cli/base-images) ------------------------------------------
  'engine-inspect-failed': {
    severity: 'error',
    title: 'Local engine lookup failed',
    help: "`docker image inspect` / `podman image inspect` failed for another reason than a missing image (no daemon, no permission, a timeout); the message has the engine's own words. The next source is asked.",
    source: 'container-argv (docker CLI 28.2.2 and podman 4.3.1 probed)',
  },
  'engine-platform-mismatch': {
    severity: 'warning',
    title: 'Local image is for another platform',
    help: 'The image in the local engine is built for another platform than `--platform` asks for; its config is used, as the engine has no other under that name. Pull the platform wanted, or use `--pull`.',
    source: 'container-argv',
  },
  'base-image-cache-unwritable': {
    severity: 'warning',
    title: 'Registry answers not cached',
    help: 'The cache directory ($XDG_CACHE_HOME/container-argv, default ~/.cache/container-argv) could not be written; the answer is used, but the next run asks the registry again and `--offline` cannot use it.',
    source: 'container-argv; XDG Base Directory Specification',
  },
  'base-image-cache-stale': {
    severity: 'info',
    title: 'Offline answer from an old tag lookup',
    help: 'With `--offline`, a tag is answered from the last time the registry was asked, however long ago; the tag may name another image now. Run with `--pull` to refresh.',
    source: 'container-argv',
  },
  // ---- convert (src/convert/) -----------------------------------------------------------------
  'convert-no-counterpart': {
    severity: 'warning',
    title: 'No counterpart in the target form',
    help: 'The flag or field has no equivalent in the form converted to, so it is not in the output; the message says what to do instead.',
    source: 'docs/convert.md (issue 17)',
  },
  'convert-not-expressible': {
    severity: 'error',
    title: 'The argv cannot be written in the target form',
    help: 'An entrypoint or command starting with an empty word means "execute the empty path" in one form and "no entrypoint" in the other; the container cannot start either way. Remove the empty word.',
    source: 'docs/convert.md; moby daemon merge (Entrypoint [""] is none), containerd WithProcessArgs',
  },
  'convert-no-image': {
    severity: 'error',
    title: 'No image to run',
    help: 'A Compose service with only build: has no image reference for docker run or Kubernetes; build and tag the image, then set image:.',
    source: 'docs/convert.md',
  },
  'convert-service-unknown': {
    severity: 'error',
    title: 'No such service',
    help: 'The service named for conversion is not in the Compose file.',
    source: 'docs/convert.md',
  },
  'convert-entrypoint-split': {
    severity: 'info',
    title: 'Entrypoint split over --entrypoint and the arguments',
    help: 'docker run takes one --entrypoint word: the first word stays there, the others come first after the image. The argv is the same, and the image CMD is dropped as with the whole entrypoint.',
    source: 'docker/cli opts.go (--entrypoint is one string); moby daemon merge',
  },
  'convert-image-cmd-copied': {
    severity: 'info',
    title: 'Image CMD written out',
    help: "An empty entrypoint keeps the image CMD, but docker run --entrypoint '' drops it: the image CMD from the given image config is written after the image instead.",
    source: 'moby daemon merge (Entrypoint [] keeps the image Cmd, [""] drops it)',
  },
  'convert-relative-path': {
    severity: 'warning',
    title: 'Relative path moves with the working directory',
    help: 'Compose resolves relative volume and env_file paths against the project directory; docker run resolves them against the current directory. Write an absolute path.',
    source: 'compose-spec 05-services.md (volumes short syntax: relative to the Compose file); docker/cli volume parsing',
  },
  'convert-restart-default': {
    severity: 'info',
    title: 'Pod restart policy defaults to Always',
    help: 'A Pod without restartPolicy restarts its containers Always, while docker run restarts nothing unless --restart is given.',
    source: 'Kubernetes PodSpec restartPolicy (default Always)',
  },
  'convert-shell-quoting': {
    severity: 'warning',
    title: 'The shell cannot pass this argument exactly',
    help: 'cmd.exe ends a command at a line break and expands %NAME% even inside quotes; use PowerShell or a POSIX shell for such arguments.',
    source: 'cmd.exe parsing; Microsoft C runtime argument rules (Go syscall.EscapeArg)',
  },
} satisfies Readonly<Record<string, DiagnosticInfo>>;

/** Every issue and diagnostic code the library emits: the keys of {@link DIAGNOSTICS} (switch over it exhaustively). */
export type DiagnosticCode = keyof typeof CATALOGUE;

/** Every issue and diagnostic code with its severity, title, help, BuildKit rule, hadolint id and source. */
export const DIAGNOSTICS: Readonly<Record<DiagnosticCode, DiagnosticInfo>> = CATALOGUE;

/** True for a catalogued code (e.g. a code read back from JSON or SARIF). */
export function isDiagnosticCode(code: string): code is DiagnosticCode {
  return Object.hasOwn(CATALOGUE, code);
}
