/** An actor as read from a watch or sanctions list, before linking to the built-in knowledge base. */
import type { ActorType } from '../actors/index.js';

/** One record of an imported list. `country` is as the list writes it (a name or an ISO code). */
export interface ImportedActor {
  /** The list's own identifier (UN reference number, CSV row), unique within the list. */
  readonly ref: string;
  readonly name: string;
  readonly type: ActorType;
  readonly aliases: readonly string[];
  readonly acronyms: readonly string[];
  readonly country: string | null;
  readonly note: string;
}
