import { beforeAll, describe, expect, it } from 'vitest';
import { loadActorKb, type ActorKb } from '../../src/kb/actors/index.js';
import type { NerLabel } from '../../src/nlp/index.js';
import { resolveEntities } from '../../src/resolve/entities/index.js';
import { inputOf } from './helpers.js';

let kb: ActorKb;
beforeAll(() => {
  kb = loadActorKb({ userDir: null });
});

const names = (text: string, ner: [string, NerLabel][] = []) =>
  resolveEntities(inputOf(text, ner, []), kb).entities.map((e) => e.name);

describe('numbered units are one name with their number', () => {
  it.each([
    ['The 28 Rashtriya Rifles took part.', [['Rashtriya Rifles', 'ORG']], '28 Rashtriya Rifles'],
    ["He commands the army's 5th Military Region.", [], '5th Military Region'],
    ["The EMC's 10th Front operates in Arauca.", [], '10th Front'],
    ['Troops of the 18th Brigade arrived.', [], '18th Brigade'],
  ] as [string, [string, NerLabel][], string][])('%s', (text, ner, unit) => {
    expect(names(text, ner)).toContain(unit);
  });

  it.each(['Gunmen killed 12 Army soldiers in 2 Army trucks.', 'Police said 3 Police officers were hurt.'])(
    'leaves counts alone: %s',
    (text) => {
      expect(names(text).some((n) => /^\d/.test(n))).toBe(false);
    },
  );
});
