// Lint a Dockerfile in CI: print every diagnostic as file:line:col and fail on errors.
// (The CLI does the same for whole trees: `container-argv lint . --format sarif`.)
import { evaluateDockerfile, resolveDockerRun, type Diagnostic } from 'container-argv';

const file = 'Dockerfile';
const text = `FROM scratch
COPY app /app
ENTRYPOINT /app --serve
CMD ["--port", "8080"]
`;

const built = evaluateDockerfile(text);
const diagnostics: Diagnostic[] = [...built.diagnostics];
if (built.ok) diagnostics.push(...resolveDockerRun(built.config).diagnostics);
else diagnostics.push(...built.issues.map((i) => ({ ...i, severity: 'error' as const })));

for (const d of diagnostics) {
  const at = d.line !== undefined ? `:${d.line}:${d.column ?? 1}` : '';
  console.log(`${file}${at}: ${d.severity} ${d.code}`);
}
const failed = !built.ok || diagnostics.some((d) => d.severity === 'error');
console.log(failed ? 'FAIL' : 'PASS');
process.exitCode = failed ? 1 : 0;

// Output:
// Dockerfile:3:1: info json-args-recommended
// Dockerfile:3:1: warning entrypoint-shell-form-cmd
// Dockerfile: warning argv-shell-entrypoint-args
// Dockerfile: info argv-shell-pid1
// PASS
