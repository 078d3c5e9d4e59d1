// Check a Dockerfile formatter with the testing kit: VS Code's formatter (dockerfile-utils `format`)
// must keep what every stage runs. fast-check finds a file it changes and shrinks it; the oracle
// says what changed. docs/testing-kit.md explains the findings.
import { format, type FormatterSettings } from 'dockerfile-utils';
import fc from 'fast-check';
import { evaluateDockerfile } from 'container-argv';
import { KIT_BASE_IMAGES, assertEquivalent, compareDockerfiles, dockerfileArb } from 'container-argv/testing';
import { TextDocument } from 'vscode-languageserver-textdocument';

function formatted(text: string, settings: FormatterSettings): string {
  return TextDocument.applyEdits(TextDocument.create('file:///Dockerfile', 'dockerfile', 1, text), format(text, settings));
}

for (const settings of [
  { insertSpaces: true, tabSize: 4 },
  { insertSpaces: true, tabSize: 4, ignoreMultilineInstructions: true },
]) {
  const keepsArgv = fc.property(dockerfileArb(), (text) => {
    fc.pre(evaluateDockerfile(text, { baseImages: KIT_BASE_IMAGES }).ok);
    assertEquivalent(compareDockerfiles(text, formatted(text, settings)));
  });
  const run = fc.check(keepsArgv, { seed: 42, numRuns: 500 });
  console.log(JSON.stringify(settings));
  if (!run.failed) console.log(`  kept every argv in ${run.numRuns} files`);
  else console.log(`  ${JSON.stringify(run.counterexample?.[0])}\n  ${(run.errorInstance as Error).message}`);
}

// Output:
// {"insertSpaces":true,"tabSize":4}
//   "FROM scratch\nCMD e\\\ncho\n"
//   stage 0 (line 1): with `docker run IMAGE` the left runs ["/bin/sh","-c","echo"] but the right runs ["/bin/sh","-c","e    cho"]
// {"insertSpaces":true,"tabSize":4,"ignoreMultilineInstructions":true}
//   "FROM scratch\nCMD echo a a\\ \\\n b\n"
//   stage 0 (line 1): with `docker run IMAGE` the left runs ["/bin/sh","-c","echo a a\\  b"] but the right runs ["/bin/sh","-c","echo a a\\ b"]
