import type { Command } from 'commander';
import { registerDocs } from './docs.js';
import { registerContradictions } from './contradictions.js';
import { registerEntities } from './entities.js';
import { registerEntity } from './entity.js';
import { registerEval } from './eval.js';
import { registerEvents } from './events.js';
import { registerExtract } from './extract.js';
import { registerFeedCommands } from './feeds-wiring.js';
import { registerIngest } from './ingest.js';
import { registerKb } from './kb.js';
import { registerSearch } from './search.js';
import { registerServe } from './serve.js';
import { registerShow } from './show.js';

/** A CLI command module: adds itself to the program. */
export type RegisterCommand = (program: Command) => void;

/** Every command, in the order `--help` lists them. Add a module here to add a command. */
export const commands: readonly RegisterCommand[] = [
  registerExtract,
  registerIngest,
  registerDocs,
  registerShow,
  registerSearch,
  registerEntities,
  registerEntity,
  registerEvents,
  registerContradictions,
  registerFeedCommands,
  registerKb,
  registerEval,
  registerServe,
];
