// Generate the ENTRYPOINT x CMD table for documentation: as Markdown directly, and through the
// remark plugin, which replaces an `entrypoint-cmd-table` fenced block in a Markdown file.
import { entrypointCmdTable, renderTable } from 'container-argv';
import { remarkEntrypointCmdTable } from 'container-argv/remark';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkStringify from 'remark-stringify';
import { unified } from 'unified';

process.stdout.write(renderTable(entrypointCmdTable()));

const page = '## CMD vs ENTRYPOINT\n\n```entrypoint-cmd-table preset=docker-docs cells=argv\n```\n';
const file = await unified().use(remarkParse).use(remarkGfm).use(remarkEntrypointCmdTable).use(remarkStringify).process(page);
const rows = String(file)
  .split('\n')
  .filter((line) => line.startsWith('| **'));
console.log(rows.length, 'rows; first:', rows[0]?.slice(0, 60));

// Output:
// |                    | No ENTRYPOINT  | ENTRYPOINT a b | ENTRYPOINT ["a", "b"] |
// | ------------------ | -------------- | -------------- | --------------------- |
// | **NO CMD**         | Error!         | /bin/sh -c a b | a b                   |
// | **CMD ["x", "y"]** | x y            | /bin/sh -c a b | a b x y               |
// | **CMD x y**        | /bin/sh -c x y | /bin/sh -c a b | a b /bin/sh -c x y    |
// 3 rows; first: | **No CMD**                      | error: no command specif
