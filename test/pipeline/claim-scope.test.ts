/** Whose act a group's statement claims: its own deed, not an incident it only refers to. */
import { describe, expect, it } from 'vitest';
import type { Extraction } from '../../src/core/index.js';
import { documentFromText } from '../../src/ingest/index.js';
import { extractDocument, loadResources } from '../../src/pipeline/index.js';

const res = loadResources();

function run(text: string): Extraction {
  return extractDocument(documentFromText(text, '-', 'text', { published: '2025-05-10' }), res);
}

function idOf(x: Extraction, name: string): string | undefined {
  return x.entities.find((e) => e.name === name || e.aliases.includes(name))?.id;
}

describe('a statement claims its own act', () => {
  it.each([
    'A suicide bomber killed 12 people at a market in Kunduz on Thursday. The Taliban said on Friday they had detained three suspects in the bombing.',
    'A suicide bomber killed 12 people at a market in Kunduz on Thursday. The Taliban said they had arrested three men over the bombing.',
  ])('%s', (text) => {
    const x = run(text);
    const taliban = idOf(x, 'Taliban');
    expect(taliban).toBeDefined();
    const bombing = x.events.find((e) => e.type === 'suicide_bomb');
    expect(bombing?.claimedBy).not.toContain(taliban);
    expect(bombing?.perpetrators).not.toContain(taliban);
    expect(x.events.some((e) => e.type === 'arrests' && e.perpetrators.includes(taliban ?? ''))).toBe(true);
  });

  it('keeps a claim told as responsibility for the incident', () => {
    const x = run(
      'A suicide bomber killed 12 people at a market in Kunduz on Thursday. Islamic State said it had carried out the bombing.',
    );
    const is = idOf(x, 'Islamic State');
    const bombing = x.events.find((e) => e.type === 'suicide_bomb');
    expect(bombing?.claimedBy).toContain(is);
  });
});

describe('"the bombing" refers back to the bombing', () => {
  it('not to a drone strike told after it', () => {
    const text =
      'A suicide bomber killed 12 people at a market in Kunduz on Thursday. On Friday, a drone strike hit a car near Jalalabad, officials said. Police said they had detained three suspects in the bombing.';
    const x = run(text);
    const last = text.lastIndexOf('Police');
    const strike = x.events.find((e) => e.type === 'air_drone_strike');
    expect(strike).toBeDefined();
    expect(strike?.evidence.some((s) => s.start >= last)).toBe(false);
  });
});

describe('a title line above the dateline', () => {
  it('leaves each sentence its own statements: a denial does not reach the next sentence', () => {
    const body =
      'RIYADH — A drone struck an oil facility in Jizan on Friday, the Saudi-led coalition said.\n\n' +
      'A Houthi military spokesman, Yahya Saree, denied that the group was behind it.\n\n' +
      'Three people were injured when air defences intercepted a second drone over Khamis Mushait, the coalition added.\n';
    for (const text of [body, `Drone hits Saudi oil facility\n\n${body}`]) {
      const x = run(text);
      const intercepted = x.events.find((e) =>
        /Khamis Mushait/.test(JSON.stringify(x.entities.find((n) => n.id === e.location))),
      );
      expect(intercepted?.modality).toBe('asserted');
    }
  });
});

describe('denials', () => {
  it('a group denying its part in an incident neither claims it nor denies that it happened', () => {
    const x = run(
      'Houthis deny role as drone hits Saudi oil facility\n\nRIYADH — A drone struck an oil facility in Jizan on Friday, the coalition said. A Houthi spokesman denied that the group was behind it.',
    );
    const strike = x.events.find((e) => e.type === 'air_drone_strike');
    expect(strike?.modality).toBe('asserted');
    expect(strike?.claimedBy).toEqual([]);
  });

  it('an event named after "since" dates the statement and is no incident', () => {
    const x = run(
      'A Houthi spokesman said its forces had carried out no operations against Saudi territory since the truce took effect.',
    );
    expect(x.events).toEqual([]);
  });
});
