// Known base images for engine recordings.  argvbase:1 and argvbase-rawsh:1 are
// built FROM scratch by scripts/engine.sh (argv printer + busybox; in the
// "rawsh" variant /bin/sh is the argv printer itself, so a shell-form command
// prints exactly ["/bin/sh","-c","..."]).  All others are derived here.
//
// `builder` is the builder used to create the base on Docker ("classic" gives
// the "Cmd: []" base its empty-but-present Cmd).  Podman bases are always
// built with `--format docker` so that SHELL and ONBUILD are kept.
export const ROOT_BASES = ['argvbase:1', 'argvbase-rawsh:1'];

const b = (from, ...lines) => ({ from, dockerfile: [`FROM ${from}`, ...lines].join('\n') + '\n', builder: 'classic' });

export const DERIVED_BASES = {
  'argvbase-ep:1': b('argvbase:1', 'ENTRYPOINT ["/argv","base-ep"]'),
  'argvbase-cmd:1': b('argvbase:1', 'CMD ["/argv","base-cmd"]'),
  'argvbase-ep-cmd:1': b('argvbase:1', 'ENTRYPOINT ["/argv","base-ep"]', 'CMD ["base-cmd"]'),
  'argvbase-shellcmd:1': b('argvbase-rawsh:1', 'CMD /argv base shell cmd'),
  'argvbase-shellep-cmd:1': b('argvbase-rawsh:1', 'ENTRYPOINT /argv base shell ep', 'CMD ["base-cmd"]'),
  'argvbase-shell:1': b('argvbase:1', 'SHELL ["/argv","base-shell"]'),
  'argvbase-shell-cmd:1': b('argvbase:1', 'SHELL ["/argv","base-shell"]', 'CMD base shell cmd'),
  'argvbase-onbuild-cmd:1': b('argvbase:1', 'ONBUILD CMD ["/argv","onbuild-cmd"]'),
  'argvbase-onbuild-ep:1': b('argvbase:1', 'CMD ["/argv","base-cmd"]', 'ONBUILD ENTRYPOINT ["/argv","onbuild-ep"]'),
  'argvbase-onbuild-cmd-ep:1': b('argvbase:1', 'ONBUILD CMD ["onbuild-cmd"]', 'ONBUILD ENTRYPOINT ["/argv","onbuild-ep"]'),
  'argvbase-onbuild-ep-cmd:1': b('argvbase:1', 'ONBUILD ENTRYPOINT ["/argv","onbuild-ep"]', 'ONBUILD CMD ["onbuild-cmd"]'),
  'argvbase-onbuild-shellcmd:1': b('argvbase-rawsh:1', 'ONBUILD CMD /argv onbuild shell cmd'),
  'argvbase-emptycmd:1': b('argvbase:1', 'ENTRYPOINT ["/argv","base-ep"]', 'CMD []'),
  'argvbase-emptystrep:1': b('argvbase:1', 'ENTRYPOINT [""]', 'CMD ["/argv","base-cmd"]'),
  'argvbase-rawsh-ep-cmd:1': b('argvbase-rawsh:1', 'ENTRYPOINT ["/argv","base-ep"]', 'CMD ["base-cmd"]'),
};

export const ALL_BASES = [...ROOT_BASES, ...Object.keys(DERIVED_BASES)];

/** Base refs mentioned in a Dockerfile text (longest names first). */
export function referencedBases(text) {
  const names = [...ALL_BASES].sort((x, y) => y.length - x.length);
  const found = new Set();
  let rest = text;
  for (const n of names) {
    if (rest.includes(n)) {
      found.add(n);
      rest = rest.split(n).join(' ');
    }
  }
  // ARG-templated tags such as argvbase-cmd:${TAG}
  for (const m of text.matchAll(/(argvbase[a-z-]*):\$\{?[A-Za-z_]+\}?/g)) {
    if (ALL_BASES.includes(`${m[1]}:1`)) found.add(`${m[1]}:1`);
  }
  return [...found].sort();
}
