import type { Command } from 'commander';
import { renderTable } from '../format.js';
import { loadActorKb } from '../../kb/actors/index.js';
import { importActorList, type ListFormat } from '../../kb/import/index.js';

function importAction(file: string, opts: { list?: string; format?: ListFormat; dir?: string }): void {
  const s = importActorList(file, { list: opts.list, format: opts.format, userDir: opts.dir });
  process.stdout.write(
    `imported ${s.total} actors from ${file} as list "${s.list}" (${s.format}) → ${s.path}\n` +
      `  linked to built-in actors: ${s.linked.length}\n` +
      s.linked.map((l) => `    ${l.ref}  ${l.name}  → ${l.to}\n`).join('') +
      `  new entries: ${s.added}\n`,
  );
}

function listAction(opts: { format: string; dir?: string }): void {
  const kb = loadActorKb({ userDir: opts.dir });
  if (opts.format === 'json') {
    process.stdout.write(`${JSON.stringify(kb.entries, null, 1)}\n`);
    return;
  }
  const rows = kb.entries.map((e) => [
    e.id,
    e.type,
    e.name,
    e.country ?? '',
    e.lists.join(','),
    e.aliases.length + e.acronyms.length,
  ]);
  const table = renderTable(['id', 'type', 'name', 'country', 'lists', 'aliases'], rows);
  process.stdout.write(`${table}\n${kb.entries.length} actors\n`);
}

/** `sitrep kb …`: the actor knowledge base — import watch/sanctions lists, list the actors. */
export function registerKb(program: Command): void {
  const kb = program.command('kb').description('the actor knowledge base: import watch lists, list actors');
  kb.command('import')
    .argument('<file>', 'UN Security Council consolidated list XML, or CSV (name,type,aliases,country,note)')
    .option('--list <name>', 'name of the list (default: from the file name)')
    .option('--format <format>', 'un-xml or csv (default: from the content)')
    .option('--dir <dir>', 'knowledge-base folder (default: $SITREP_KB_DIR or ./sitrep-kb)')
    .description('import a watch or sanctions list; entries matching built-in actors are linked to them')
    .action(importAction);
  kb.command('list')
    .option('--format <format>', 'table or json', 'table')
    .option('--dir <dir>', 'knowledge-base folder (default: $SITREP_KB_DIR or ./sitrep-kb)')
    .description('list the actors: built-in and imported')
    .action(listAction);
}
