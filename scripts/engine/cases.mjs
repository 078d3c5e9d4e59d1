// Hand-written engine cases.  Each case:
//   { id, family, dockerfile (exact bytes as a JS string), runs: [run...] }
// run: { entrypoint?: string, args: string[], init?: true, start?: true }
//   entrypoint undefined = no --entrypoint flag; "" = `--entrypoint ""`.
//   start = also `start -a` the container and record what the printer printed.
// Dockerfiles are written line by line and joined with "\n" plus a final "\n"
// unless built with raw() (exact bytes, e.g. CRLF, BOM, no final newline).

import { PLATFORM_CASES } from './cases-platform.mjs';

const df = (...lines) => lines.join('\n') + '\n';
const raw = (s) => s;
const R = (args = [], extra = {}) => ({ args, start: true, ...extra });
const RUN0 = [R()];

const cases = [];
const add = (id, family, dockerfile, runs = RUN0) => cases.push({ id, family, dockerfile, runs });

// ---------------------------------------------------------------- json-detection
{
  const F = 'json-detection';
  const E = 'FROM argvbase-ep:1';
  const S = 'FROM argvbase-rawsh:1'; // shell form prints ["/bin/sh","-c",...]
  add('json-empty-array', F, df(E, 'CMD []'));
  add('json-empty-string', F, df(E, 'CMD [""]'));
  add('json-one', F, df(S, 'CMD ["/argv"]'));
  add('json-two-no-spaces', F, df(S, 'CMD ["/argv","b"]'));
  add('json-spaces', F, df(S, 'CMD [ "/argv" , "b" ]'));
  add('json-tabs', F, df(S, 'CMD [\t"/argv",\t"b"\t]\t'));
  add('json-tab-after-keyword', F, df(S, 'CMD\t["/argv","b"]'));
  add('json-leading-spaces', F, df(S, 'CMD      ["/argv","b"]'));
  add('json-escapes', F, df(S, String.raw`CMD ["/argv","abc 123","\" \\ \/ \b \f \n \r \t"]`));
  add('json-unicode-raw', F, df(S, 'CMD ["/argv","♥","☃","héllo wörld"]'));
  add('json-unicode-escape', F, df(S, String.raw`CMD ["/argv","\u00e9\u2603","\ud83d\ude00"]`));
  add('json-lone-surrogate', F, df(S, String.raw`CMD ["/argv","\ud800x"]`));
  add('json-nul-escape', F, df(S, String.raw`CMD ["/argv","a\u0000b"]`));
  add('json-single-quotes', F, df(S, "CMD ['/argv','single quotes are invalid JSON']"));
  add('json-unclosed-bracket', F, df(S, `CMD ["/argv", "Please, close the brackets when you're done"`));
  add('json-unclosed-string', F, df(S, 'CMD ["/argv", "look ma, no quote!]'));
  add('json-in-string', F, df(S, `CMD '["/argv", "Well, JSON in a string is JSON too?"]'`));
  add('json-trailing-text', F, df(S, 'CMD ["/argv","a"] trailing'));
  add('json-trailing-comment', F, df(S, 'CMD ["/argv","a"] # comment'));
  add('json-two-arrays', F, df(S, 'CMD ["/argv","a"] ["b"]'));
  add('json-extra-bracket', F, df(S, 'CMD ["/argv","a"]]'));
  add('json-empty-then-text', F, df(S, 'CMD []random string'));
  add('json-ep-empty-then-text', F, df(S, 'ENTRYPOINT []random string'));
  add('json-trailing-comma', F, df(S, 'CMD ["/argv","a",]'));
  add('json-invalid-escape', F, df(S, String.raw`CMD ["c:\windows\system32\tasklist.exe"]`));
  add('json-unquoted-var', F, df(S, 'ENV PORT=8080', 'CMD ["/argv", "--port", $PORT]'));
  add('json-object', F, df(S, 'CMD {"a":"b"}'));
  add('json-lone-bracket', F, df(S, 'CMD ['));
  add('json-number', F, df(S, 'CMD ["/argv",42]'));
  add('json-bool', F, df(S, 'CMD ["/argv",true]'));
  add('json-null', F, df(S, 'CMD ["/argv",null]'));
  add('json-obj-element', F, df(S, 'CMD ["/argv",{}]'));
  add('json-nested', F, df(S, 'CMD [ "echo", [ "nested json" ] ]'));
  add('json-number-trailing-text', F, df(S, 'CMD ["/argv",1] trailing'));
  add('json-ep-number', F, df(S, 'ENTRYPOINT ["/argv",1]'));
  add('json-ep-single-quotes', F, df(S, "ENTRYPOINT ['/argv']"));
  add('json-ep-valid', F, df(S, 'ENTRYPOINT ["/argv","ep"]'), [R(), R(['x', 'y'])]);
  add('json-space-before-bracket-close', F, df(S, 'CMD ["/argv" ]'));
  add('json-newline-escape-run', F, df(S, String.raw`CMD ["/argv","line1\nline2"]`));
}

// ---------------------------------------------------------------- flags
{
  const F = 'flags';
  const S = 'FROM argvbase-rawsh:1';
  add('flags-cmd-unknown', F, df(S, 'CMD --x ["/argv","a"]'));
  add('flags-cmd-unknown-value', F, df(S, 'CMD --x=1 /argv a'));
  add('flags-cmd-doit-json', F, df(S, 'CMD --doit [ "a", "b" ]'));
  add('flags-cmd-version', F, df(S, 'CMD --version'));
  add('flags-cmd-dashdash-flag', F, df(S, 'CMD -- --version'));
  add('flags-cmd-dashdash-json', F, df(S, 'CMD -- ["/argv","a"]'));
  add('flags-cmd-dashdash-empty-json', F, df('FROM argvbase-ep:1', 'CMD -- [ ]'));
  add('flags-cmd-dashdash-alone', F, df('FROM argvbase-ep:1', 'CMD --'));
  add('flags-cmd-flag-dashdash', F, df(S, 'CMD --doit=true -- [ "a", "b" ]'));
  add('flags-cmd-single-dash', F, df(S, 'CMD -x /argv'));
  add('flags-cmd-quoted-flag', F, df(S, 'CMD "--x" a'));
  add('flags-cmd-platform', F, df(S, 'CMD --platform=linux/amd64 /argv a'));
  add('flags-cmd-empty-name', F, df(S, 'CMD --=x /argv'));
  add('flags-cmd-triple-dash', F, df(S, 'CMD ---x /argv'));
  add('flags-ep-unknown', F, df(S, 'ENTRYPOINT --x /argv'));
  add('flags-ep-dashdash', F, df(S, 'ENTRYPOINT -- --x'));
  add('flags-ep-dashdash-json', F, df(S, 'ENTRYPOINT -- ["/argv","a"]'));
  add('flags-shell-unknown', F, df(S, 'SHELL --x ["/argv","s"]', 'CMD hi'));
  add('flags-shell-dashdash', F, df(S, 'SHELL -- ["/argv","s"]', 'CMD hi'));
  add('flags-docs-example', F, df('FROM argvbase-rawsh:1', 'ENTRYPOINT /argv top -b', 'CMD -- --ignored-param1'), [R(), R(['-H'])]);
  add('flags-docs-fail', F, df('FROM argvbase-rawsh:1', 'ENTRYPOINT /argv top -b', 'CMD --ignored-param1'));
}

// ---------------------------------------------------------------- continuation
{
  const F = 'continuation';
  const S = 'FROM argvbase-rawsh:1';
  add('cont-indent', F, df(S, 'CMD /argv hello\\', '  world'));
  add('cont-space-before', F, df(S, 'CMD /argv hello \\', 'world'));
  add('cont-no-space', F, df(S, 'CMD /argv good\\', 'bye\\', 'frog'));
  add('cont-trailing-spaces', F, df(S, 'CMD /argv a \\   ', 'b'));
  add('cont-trailing-tab', F, df(S, 'CMD /argv a \\\t', 'b'));
  add('cont-comment-inside', F, df(S, 'CMD /argv a \\', '# comment', 'b'));
  add('cont-indented-comment-inside', F, df(S, 'CMD /argv a \\', '   # comment', 'b'));
  add('cont-blank-inside', F, df(S, 'CMD /argv a \\', '', 'b'));
  add('cont-ws-only-inside', F, df(S, 'CMD /argv a \\', '   \t', 'b'));
  add('cont-backslash-only-line', F, df(S, 'CMD /argv a \\', '\\', 'b'));
  add('cont-eof-newline', F, df(S, 'CMD /argv a \\'));
  add('cont-eof-no-newline', F, raw(`${S}\nCMD /argv a \\`));
  add('cont-blank-then-eof', F, df(S, 'CMD /argv a \\', ''));
  add('cont-double-backslash', F, df(S, 'CMD /argv a\\\\', 'ENV X=1'));
  add('cont-comment-ends-backslash', F, df(S, '# CMD \\', 'CMD ["/argv","test"]'));
  add('cont-json', F, df(S, 'CMD ["/argv", \\', '  "b"]'));
  add('cont-json-comment-inside', F, df(S, 'CMD ["/argv", \\', '# c', '  "b"]'));
  add('cont-keyword-split', F, df(S, 'CM\\', 'D /argv x'));
  add('cont-keyword-alone', F, df(S, 'CMD \\', '/argv x'));
  add('cont-keyword-alone-json', F, df(S, 'CMD\\', '["/argv","x"]'));
  add('cont-many', F, df(S, 'CMD /argv hello\\', '  world\\', '  goodnight  \\', '  moon\\', '  light\\', 'ning'));
  add('cont-ep-json-multiline', F, df('FROM argvbase:1', 'ENTRYPOINT [ \\', '  "/argv", \\', '  "ep" \\', ']'), [R(), R(['x'])]);
  add('cont-hash-in-middle', F, df(S, 'CMD /argv a # not a comment'));
}

// ---------------------------------------------------------------- directives (escape)
{
  const F = 'directives';
  const S = 'FROM argvbase-rawsh:1';
  add('esc-backtick-cont', F, df('# escape=`', S, 'CMD /argv a `', '  b'));
  add('esc-backtick-backslash-literal', F, df('# escape=`', S, 'CMD /argv dir c:\\', 'ENV X=1'));
  add('esc-backtick-json', F, df('# escape=`', S, String.raw`CMD ["/argv","a\\b","c\"d"]`));
  add('esc-backtick-json-invalid', F, df('# escape=`', S, String.raw`CMD ["c:\windows"]`));
  add('esc-backslash-explicit', F, df('# escape=\\', S, 'CMD /argv a \\', '  b'));
  add('esc-after-comment', F, df('# a comment', '# escape=`', S, 'CMD /argv a `', 'ENV X=1'));
  add('esc-after-blank', F, df('', '# escape=`', S, 'CMD /argv a `', 'ENV X=1'));
  add('esc-after-instruction', F, df(S, '# escape=`', 'CMD /argv a `', 'ENV X=1'));
  add('esc-uppercase-key', F, df('# ESCAPE=`', S, 'CMD /argv a `', '  b'));
  add('esc-spaces', F, df('#   escape   =   `   ', S, 'CMD /argv a `', '  b'));
  add('esc-no-space-hash', F, df('#escape=`', S, 'CMD /argv a `', '  b'));
  add('esc-invalid-token', F, df('# escape=x', S, 'CMD /argv a'));
  add('esc-duplicate', F, df('# escape=`', '# escape=`', S, 'CMD /argv a'));
  add('esc-after-unknown-directive', F, df('# foo=bar', '# escape=`', S, 'CMD /argv a `', 'ENV X=1'));
  add('esc-after-check-directive', F, df('# check=skip=all', '# escape=`', S, 'CMD /argv a `', 'ENV X=1'));
  add('esc-leading-ws-directive', F, df('   # escape=`', S, 'CMD /argv a `', 'ENV X=1'));
  add('esc-backtick-double', F, df('# escape=`', S, 'CMD /argv a``', 'ENV X=1'));
  add('esc-backtick-shell-text', F, df('# escape=`', S, 'CMD /argv `a` \\b'));
}

// ---------------------------------------------------------------- crlf-bom
{
  const F = 'crlf-bom';
  const S = 'FROM argvbase-rawsh:1';
  add('crlf-shell', F, raw(`${S}\r\nCMD /argv a b\r\n`));
  add('crlf-json', F, raw(`${S}\r\nCMD ["/argv","a"]\r\n`));
  add('crlf-cont', F, raw(`${S}\r\nCMD /argv a \\\r\n  b\r\n`));
  add('crlf-cont-blank', F, raw(`${S}\r\nCMD /argv a \\\r\n\r\n  b\r\n`));
  add('crlf-no-final-newline', F, raw(`${S}\r\nCMD /argv a b`));
  add('crlf-escape-directive', F, raw(`# escape=\`\r\n${S}\r\nCMD /argv a \`\r\n  b\r\n`));
  add('bom', F, raw(`\ufeff${S}\nCMD ["/argv","bom"]\n`));
  add('bom-directive', F, raw(`\ufeff# escape=\`\n${S}\nCMD /argv a \`\n  b\n`));
  add('bom-second-line', F, raw(`${S}\n\ufeffCMD ["/argv","x"]\n`));
  add('cr-inside-line', F, raw(`${S}\nCMD /argv a\rb\n`));
  add('cr-only-line-endings', F, raw(`${S}\rCMD /argv a\r`));
  add('lf-no-final-newline', F, raw(`${S}\nCMD /argv a b`));
}

// ---------------------------------------------------------------- keywords / whitespace
{
  const F = 'keywords';
  const S = 'FROM argvbase-rawsh:1';
  add('kw-lower-cmd', F, df(S, 'cmd ["/argv","lower"]'));
  add('kw-mixed-cmd', F, df(S, 'Cmd ["/argv","mixed"]'));
  add('kw-mixed-ep', F, df(S, 'eNtRyPoInT ["/argv","mixed"]'));
  add('kw-lower-from', F, df('from argvbase-rawsh:1', 'cmd /argv x'));
  add('kw-leading-spaces', F, df(S, '    CMD ["/argv","indented"]'));
  add('kw-leading-tab', F, df(S, '\tCMD /argv tab'));
  add('kw-internal-whitespace', F, df(S, 'CMD     /argv   a    b   '));
  add('kw-internal-tabs', F, df(S, 'CMD\t/argv\ta\t\tb\t'));
  add('kw-quotes-verbatim', F, df(S, `CMD /argv "dq" 'sq' $HOME \\n end`));
  add('kw-pipe-verbatim', F, df(S, "CMD echo 'test' | wc -"));
  add('kw-trailing-ws-bare', F, df('FROM argvbase-ep:1', 'CMD    '));
}

// ---------------------------------------------------------------- unknown instructions
{
  const F = 'unknown-instruction';
  const S = 'FROM argvbase:1';
  add('unknown-foo', F, df(S, 'FOO bar'));
  add('unknown-foo-lower', F, df(S, 'foo bar'));
  add('unknown-typo-entrypoint', F, df(S, 'FNTRYPOINT ["/argv"]'));
  add('unknown-typo-cmd', F, df(S, 'CMDD ["/argv"]'));
  add('unknown-before-from', F, df('CMD ["/argv"]', S));
  add('unknown-empty-file', F, raw(''));
  add('unknown-only-comments', F, df('# just a comment'));
  add('unknown-from-missing-image', F, df('FROM', 'CMD ["/argv"]'));
  // (no case with an absent base image: the engines would then try to pull it)
}

// ---------------------------------------------------------------- shell
{
  const F = 'shell';
  const B = 'FROM argvbase:1';
  add('shell-valid-cmd', F, df(B, 'SHELL ["/argv","shell-flag"]', 'CMD echo hi'));
  add('shell-valid-ep', F, df(B, 'SHELL ["/argv"]', 'ENTRYPOINT -l'), [R(), R(['x'])]);
  add('shell-ep-words', F, df(B, 'SHELL ["/argv"]', 'ENTRYPOINT my entrypoint'));
  add('shell-exec-form-unaffected', F, df(B, 'SHELL ["/bin/false"]', 'CMD ["/argv","exec"]'));
  add('shell-empty-array', F, df(B, 'SHELL []', 'CMD hi'));
  add('shell-bare', F, df(B, 'SHELL', 'CMD hi'));
  add('shell-non-json', F, df(B, 'SHELL /bin/sh -c', 'CMD hi'));
  add('shell-mixed-case-non-json', F, df(B, 'sHeLl exec -form'));
  add('shell-single-quotes', F, df(B, "SHELL ['/argv']", 'CMD hi'));
  add('shell-number', F, df(B, 'SHELL ["/argv",1]', 'CMD hi'));
  add('shell-trailing-text', F, df(B, 'SHELL ["/argv","s"] extra', 'CMD hi'));
  add('shell-empty-string', F, df(B, 'SHELL [""]', 'CMD hi'));
  add('shell-inherited-base', F, df('FROM argvbase-shell:1', 'CMD hi there'));
  add('shell-inherited-base-cmd', F, df('FROM argvbase-shell-cmd:1'));
  add('shell-inherited-stage', F, df('FROM argvbase:1 AS a', 'SHELL ["/argv","stage-shell"]', 'FROM a', 'CMD hi'));
  add('shell-replaced', F, df(B, 'SHELL ["/argv","one"]', 'SHELL ["/argv","two"]', 'CMD hi'));
  add('shell-after-cmd', F, df(B, 'CMD /argv hi', 'SHELL ["/argv","late"]'));
  add('shell-reset-default', F, df('FROM argvbase-shell:1', 'SHELL ["/bin/sh","-c"]', 'CMD /argv hi'));
}

// ---------------------------------------------------------------- empty-forms / multiple
{
  const F = 'empty-forms';
  add('empty-bare-cmd', F, df('FROM argvbase-ep:1', 'CMD'));
  add('empty-bare-cmd-rawsh', F, df('FROM argvbase-rawsh:1', 'CMD'));
  add('empty-bare-ep', F, df('FROM argvbase-cmd:1', 'ENTRYPOINT'));
  add('empty-bare-ep-rawsh', F, df('FROM argvbase-rawsh:1', 'ENTRYPOINT'));
  add('empty-cmd-array', F, df('FROM argvbase-ep-cmd:1', 'CMD []'));
  add('empty-ep-array', F, df('FROM argvbase-ep-cmd:1', 'ENTRYPOINT []'));
  add('empty-ep-array-base-ep', F, df('FROM argvbase-ep:1', 'ENTRYPOINT []'));
  add('empty-ep-empty-string', F, df('FROM argvbase-cmd:1', 'ENTRYPOINT [""]'));
  add('empty-cmd-empty-string', F, df('FROM argvbase:1', 'CMD [""]'));
  add('empty-ep-array-then-cmd', F, df('FROM argvbase-ep:1', 'ENTRYPOINT []', 'CMD ["/argv","x"]'));
  add('empty-cmd-array-then-ep', F, df('FROM argvbase-cmd:1', 'CMD []', 'ENTRYPOINT ["/argv","ep"]'));
  add('empty-bare-cmd-then-ep', F, df('FROM argvbase-rawsh:1', 'CMD', 'ENTRYPOINT ["/argv","ep"]'));
  add('empty-nothing', F, df('FROM argvbase:1'));
  add('empty-base-emptycmd', F, df('FROM argvbase-emptycmd:1'));
  add('empty-base-emptycmd-ep', F, df('FROM argvbase-emptycmd:1', 'ENTRYPOINT ["/argv","child-ep"]'));
  add('empty-base-emptystrep', F, df('FROM argvbase-emptystrep:1'), [R(), R(['/argv', 'x'])]);
  const M = 'multiple';
  add('multi-cmd', M, df('FROM argvbase:1', 'CMD ["/argv","first"]', 'CMD ["/argv","second"]'));
  add('multi-ep', M, df('FROM argvbase:1', 'ENTRYPOINT ["/argv","first"]', 'ENTRYPOINT ["/argv","second"]'));
  add('multi-cmd-ep-cmd', M, df('FROM argvbase:1', 'CMD ["c1"]', 'ENTRYPOINT ["/argv","ep"]', 'CMD ["c2"]'));
  add('multi-ep-cmd-ep', M, df('FROM argvbase-cmd:1', 'ENTRYPOINT ["/argv","e1"]', 'CMD ["c"]', 'ENTRYPOINT ["/argv","e2"]'));
}

// ---------------------------------------------------------------- entrypoint-reset
{
  const F = 'entrypoint-reset';
  add('reset-base-cmd', F, df('FROM argvbase-cmd:1', 'ENTRYPOINT ["/argv","child-ep"]'));
  add('reset-base-ep-cmd', F, df('FROM argvbase-ep-cmd:1', 'ENTRYPOINT ["/argv","child-ep"]'));
  add('reset-base-cmd-shell-ep', F, df('FROM argvbase-shellcmd:1', 'ENTRYPOINT /argv child shell ep'));
  add('reset-cmd-before-ep', F, df('FROM argvbase:1', 'CMD ["kept"]', 'ENTRYPOINT ["/argv","ep"]'));
  add('reset-cmd-after-ep', F, df('FROM argvbase-cmd:1', 'ENTRYPOINT ["/argv","ep"]', 'CMD ["after"]'));
  add('reset-cmd-other-instr-between', F, df('FROM argvbase:1', 'CMD ["kept"]', 'ENV A=1', 'LABEL x=y', 'ENTRYPOINT ["/argv","ep"]'));
  add('reset-stage-cmd', F, df('FROM argvbase:1 AS a', 'CMD ["/argv","stage-cmd"]', 'FROM a', 'ENTRYPOINT ["/argv","child-ep"]'));
  add('reset-stage-cmd-ep', F, df('FROM argvbase:1 AS a', 'CMD ["stage-cmd"]', 'ENTRYPOINT ["/argv","stage-ep"]', 'FROM a'));
  add('reset-stage-cmd-ep-child-ep', F, df('FROM argvbase:1 AS a', 'CMD ["stage-cmd"]', 'ENTRYPOINT ["/argv","stage-ep"]', 'FROM a', 'ENTRYPOINT ["/argv","child-ep"]'));
  add('reset-stage-child-cmd-then-ep', F, df('FROM argvbase-cmd:1 AS a', 'FROM a', 'CMD ["child-cmd"]', 'ENTRYPOINT ["/argv","child-ep"]'));
  add('reset-ep-empty-array-base-cmd', F, df('FROM argvbase-cmd:1', 'ENTRYPOINT []'));
  add('reset-bare-ep-base-cmd', F, df('FROM argvbase-cmd:1', 'ENTRYPOINT'));
  add('reset-base-shellep', F, df('FROM argvbase-shellep-cmd:1'), [R(), R(['a', 'b'])]);
  add('reset-base-shellep-child-cmd', F, df('FROM argvbase-shellep-cmd:1', 'CMD ["/argv","child"]'));
  add('reset-three-stages', F, df('FROM argvbase-ep-cmd:1 AS a', 'FROM a AS b', 'CMD ["b-cmd"]', 'FROM b', 'ENTRYPOINT ["/argv","c-ep"]'));
}

// ---------------------------------------------------------------- onbuild
{
  const F = 'onbuild';
  add('onbuild-cmd', F, df('FROM argvbase-onbuild-cmd:1'));
  add('onbuild-ep-resets-base-cmd', F, df('FROM argvbase-onbuild-ep:1'));
  add('onbuild-cmd-then-ep', F, df('FROM argvbase-onbuild-cmd-ep:1'));
  add('onbuild-ep-then-cmd', F, df('FROM argvbase-onbuild-ep-cmd:1'));
  add('onbuild-cmd-child-ep', F, df('FROM argvbase-onbuild-cmd:1', 'ENTRYPOINT ["/argv","child-ep"]'));
  add('onbuild-cmd-child-cmd', F, df('FROM argvbase-onbuild-cmd:1', 'CMD ["/argv","child-cmd"]'));
  add('onbuild-shellcmd', F, df('FROM argvbase-onbuild-shellcmd:1'));
  add('onbuild-grandchild', F, df('FROM argvbase-onbuild-cmd:1 AS a', 'FROM a'));
  add('onbuild-declared', F, df('FROM argvbase:1', 'ONBUILD CMD ["/argv","later"]', 'ONBUILD ENTRYPOINT /argv later', 'CMD ["/argv","now"]'));
  add('onbuild-lowercase', F, df('FROM argvbase:1', 'onbuild cmd ["/argv"]', 'CMD ["/argv","now"]'));
  add('onbuild-onbuild', F, df('FROM argvbase:1', 'ONBUILD ONBUILD CMD ["x"]'));
  add('onbuild-from', F, df('FROM argvbase:1', 'ONBUILD FROM argvbase:1'));
  add('onbuild-maintainer', F, df('FROM argvbase:1', 'ONBUILD MAINTAINER me'));
  add('onbuild-bad-json', F, df('FROM argvbase:1', 'ONBUILD CMD ["/argv",1]', 'CMD ["/argv","now"]'));
  add('onbuild-unknown', F, df('FROM argvbase:1', 'ONBUILD FOO bar', 'CMD ["/argv","now"]'));
}

// ---------------------------------------------------------------- arg-from / no substitution
{
  const F = 'arg-from';
  add('arg-from-default', F, df('ARG BASE=argvbase-ep-cmd:1', 'FROM ${BASE}'));
  add('arg-from-dollar', F, df('ARG BASE=argvbase-cmd:1', 'FROM $BASE'));
  add('arg-from-tag', F, df('ARG TAG=1', 'FROM argvbase-cmd:${TAG}'));
  add('arg-from-no-default', F, df('ARG BASE', 'FROM ${BASE}', 'CMD ["/argv"]'));
  add('arg-from-default-modifier', F, df('ARG BASE', 'FROM ${BASE:-argvbase-cmd:1}'));
  const N = 'no-substitution';
  add('nosub-env-exec', N, df('FROM argvbase:1', 'ENV X=1', 'CMD ["/argv","$X","${X}"]'));
  add('nosub-env-shell', N, df('FROM argvbase:1', 'ENV X=1', 'CMD /argv $X ${X} "$X" \'$X\''));
  add('nosub-env-shell-rawsh', N, df('FROM argvbase-rawsh:1', 'ENV X=1', 'CMD /argv $X'));
  add('nosub-arg-exec', N, df('FROM argvbase:1', 'ARG A=1', 'CMD ["/argv","$A"]'));
  add('nosub-arg-shell', N, df('FROM argvbase:1', 'ARG A=1', 'CMD /argv "[$A]"'));
  add('nosub-ep-exec', N, df('FROM argvbase:1', 'ENV X=1', 'ENTRYPOINT ["/argv","$X"]'));
  add('nosub-shell-instr', N, df('FROM argvbase:1', 'ENV X=/argv', 'SHELL ["$X","-c"]', 'CMD hi'));
}

// ---------------------------------------------------------------- multi-stage
{
  const F = 'multi-stage';
  add('ms-last-stage', F, df('FROM argvbase-ep-cmd:1 AS a', 'FROM argvbase:1', 'CMD ["/argv","last"]'));
  add('ms-last-stage-empty', F, df('FROM argvbase-ep-cmd:1 AS a', 'CMD ["/argv","a"]', 'FROM argvbase:1'));
  add('ms-from-stage-inherits', F, df('FROM argvbase:1 AS a', 'ENTRYPOINT ["/argv","a-ep"]', 'CMD ["a-cmd"]', 'FROM a', 'ENV X=1'));
  add('ms-stage-name-case', F, df('FROM argvbase:1 AS Base', 'CMD ["/argv","from-base"]', 'FROM base'));
  add('ms-stage-lower-as', F, df('FROM argvbase:1 as a', 'CMD ["/argv","a"]', 'FROM a'));
  add('ms-stage-index', F, df('FROM argvbase-cmd:1', 'FROM argvbase:1', 'COPY --from=0 /argv /argv2', 'CMD ["/argv2","copied"]'));
}

// ---------------------------------------------------------------- heredoc
{
  const F = 'heredoc';
  const S = 'FROM argvbase-rawsh:1';
  add('heredoc-cmd-body', F, df(S, 'CMD <<EOF', '/argv x', 'EOF'));
  add('heredoc-cmd-eof-only', F, df(S, 'CMD <<EOF', 'EOF'));
  add('heredoc-cmd-alone', F, df(S, 'CMD <<EOF'));
  add('heredoc-ep-alone', F, df(S, 'ENTRYPOINT <<EOF'));
  add('heredoc-cmd-dash', F, df(S, 'CMD <<-EOF'));
  add('heredoc-cmd-json', F, df(S, 'CMD ["/argv","<<EOF"]'));
  add('heredoc-copy', F, df('FROM argvbase:1', 'COPY <<EOF /script', 'hello', 'EOF', 'CMD ["/argv","after-copy"]'));
  add('heredoc-run', F, df('FROM argvbase:1', 'RUN <<EOF', 'echo hi', 'EOF', 'CMD ["/argv","after-run"]'));
}

// ---------------------------------------------------------------- shell-form at run time (R3.8)
{
  const F = 'shell-args';
  add('shellform-ep-args-dollar', F, df('FROM argvbase:1', 'ENTRYPOINT /argv "$0" "$@"'), [R(), R(['a', 'b', 'c'])]);
  add('shellform-ep-cmd-exec', F, df('FROM argvbase-rawsh:1', 'ENTRYPOINT exec_entry p1_entry', 'CMD ["exec_cmd","p1_cmd"]'));
  add('shellform-ep-cmd-shell', F, df('FROM argvbase-rawsh:1', 'ENTRYPOINT exec_entry p1_entry', 'CMD exec_cmd p1_cmd'));
  add('shellform-exec-ep-cmd-shell', F, df('FROM argvbase:1', 'ENTRYPOINT ["/argv","p1_entry"]', 'CMD exec_cmd p1_cmd'));
  add('shellform-exec-sh-c-cmd', F, df('FROM argvbase:1', 'ENTRYPOINT ["/bin/sh","-c"]', 'CMD ["echo","hello"]'));
  add('shellform-cmd-only', F, df('FROM argvbase-rawsh:1', 'CMD exec_cmd p1_cmd'));
  add('shellform-busybox-cmd', F, df('FROM argvbase:1', 'CMD /argv a "b c" \'d e\''));
}

// ---------------------------------------------------------------- FROM scratch (no base config at all)
{
  const F = 'scratch';
  add('scratch-shell-ep', F, df('FROM scratch', 'ENTRYPOINT foo bar'), [R([])]);
  add('scratch-shell-cmd', F, df('FROM scratch', 'CMD echo cmd'), [R([])]);
  add('scratch-nothing', F, df('FROM scratch', 'LABEL a=b'), [R([]), R(['/x'])]);
}

// ---------------------------------------------------------------- run variants
{
  const image = (F, id, from, runs) => add(id, F, df(from), runs);
  const RE = 'run-entrypoint';
  const RA = 'run-args';
  const RI = 'run-init';
  image(RA, 'run-args-ep-cmd', 'FROM argvbase-ep-cmd:1', [R(), R(['x', 'y']), R(['']), R(['', '']), R(['a b', ' c ']), R(['--flag', '-x'])]);
  image(RE, 'run-entrypoint-ep-cmd', 'FROM argvbase-ep-cmd:1', [
    R([], { entrypoint: '/argv' }),
    R(['a', 'b'], { entrypoint: '/argv' }),
    R([''], { entrypoint: '/argv' }),
    R([], { entrypoint: '/argv x' }),
    R(['q'], { entrypoint: '/argv x' }),
    R([], { entrypoint: '' }),
    R(['/argv', 'a'], { entrypoint: '' }),
    R([''], { entrypoint: '' }),
    R([], { entrypoint: ' ' }),
    R([], { entrypoint: '["/argv","json"]' }),
    R(['x'], { entrypoint: '["/argv","json"]' }),
    R([], { entrypoint: '[]' }),
    R(['/argv', 'x'], { entrypoint: '[]' }),
    R([], { entrypoint: '[""]' }),
    R(['/argv', 'x'], { entrypoint: '[""]' }),
    R([], { entrypoint: 'argv' }),
    R([], { entrypoint: '/argv -v' }),
  ]);
  image(RE, 'run-entrypoint-cmd-only', 'FROM argvbase-cmd:1', [
    R(),
    R(['/argv', 'x']),
    R([], { entrypoint: '/argv' }),
    R([], { entrypoint: '' }),
    R(['/argv', 'y'], { entrypoint: '' }),
    R([], { entrypoint: '[]' }),
  ]);
  image(RE, 'run-entrypoint-none', 'FROM argvbase:1', [
    R(),
    R(['/argv', 'x']),
    R([''], {}),
    R([], { entrypoint: '' }),
    R(['/argv'], { entrypoint: '' }),
    R([], { entrypoint: '/argv' }),
    R([], { entrypoint: '[]' }),
    R([], { entrypoint: '[""]' }),
  ]);
  image(RE, 'run-entrypoint-shellep', 'FROM argvbase-shellep-cmd:1', [
    R(),
    R(['a', 'b']),
    R([], { entrypoint: '/argv' }),
    R(['z'], { entrypoint: '' }),
    R(['/argv', 'z'], { entrypoint: '' }),
  ]);
  image(RE, 'run-entrypoint-emptystrep', 'FROM argvbase-emptystrep:1', [R(), R(['/argv', 'a']), R([], { entrypoint: '/argv' }), R([], { entrypoint: '' })]);
  image(RE, 'run-entrypoint-emptycmd', 'FROM argvbase-emptycmd:1', [R(), R(['a']), R([], { entrypoint: '' })]);
  image(RI, 'run-init-ep-cmd', 'FROM argvbase-ep-cmd:1', [
    R([], { init: true }),
    R(['x'], { init: true }),
    R([], { init: true, entrypoint: '/argv' }),
    R(['/bin/cat', '/proc/1/cmdline'], { init: true, entrypoint: '' }),
    R(['/proc/1/cmdline'], { init: true, entrypoint: '/bin/cat' }),
    R([], { init: true, entrypoint: '' }),
  ]);
  image(RI, 'run-init-none', 'FROM argvbase:1', [R([], { init: true }), R(['/bin/cat', '/proc/1/cmdline'], { init: true })]);
}

cases.push(...PLATFORM_CASES);

export const HANDWRITTEN = cases;
