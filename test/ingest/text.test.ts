import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  detectLanguage,
  exactDuplicateKey,
  findDateline,
  nearDuplicateSignature,
  readHtml,
  similarity,
  toIsoDate,
} from '../../src/ingest/index.js';

describe('findDateline', () => {
  const cases: [string, string | null, string | null][] = [
    ['NEW DELHI: The Islamic State Khorasan Province', 'NEW DELHI', 'NEW DELHI:'],
    ['PESHAWAR, Pakistan (AP) — Gunmen opened fire', 'PESHAWAR', 'PESHAWAR, Pakistan (AP) —'],
    ['Kabul, Feb. 25 -- Taliban officials said', 'Kabul', 'Kabul, Feb. 25 --'],
    ['QUETTA: At least five people were killed', 'QUETTA', 'QUETTA:'],
    ['MOGADISHU, Somalia (Reuters) - Al-Shabaab fighters', 'MOGADISHU', 'MOGADISHU, Somalia (Reuters) -'],
    ['WASHINGTON (Reuters) - The State Department', 'WASHINGTON', 'WASHINGTON (Reuters) -'],
    ['KABUL, Afghanistan, Feb. 25, 2024 (AP) — A blast', 'KABUL', 'KABUL, Afghanistan, Feb. 25, 2024 (AP) —'],
    ['ISLAMABAD, 3 March: The interior ministry', 'ISLAMABAD', 'ISLAMABAD, 3 March:'],
    ['D.I. KHAN: Two soldiers', 'D.I. KHAN', 'D.I. KHAN:'],
    // Country names with small words.
    ['BENI, Democratic Republic of Congo — A bomb exploded', 'BENI', 'BENI, Democratic Republic of Congo —'],
    [
      'SARAJEVO, Bosnia and Herzegovina (AP) — Police said',
      'SARAJEVO',
      'SARAJEVO, Bosnia and Herzegovina (AP) —',
    ],
    ['Blast kills five in Quetta\nQUETTA, Feb 25: Five people', 'QUETTA', 'QUETTA, Feb 25:'],
    ['Blast kills five\nBy Staff Reporter\nQUETTA: Five people', 'QUETTA', 'QUETTA:'],
    // Not datelines:
    ['ISLAMABAD police said on Monday that', null, null],
    ['BREAKING: A blast hit the city', null, null],
    ['Police said: The attackers fled', null, null],
    ['The attack - which killed five - was', null, null],
    ['Officials said the attack, in Kabul, was', null, null],
    ['ISKP claimed the attack.\nKABUL: later', null, null],
  ];
  it.each(cases)('%j → %s', (text, place, prefix) => {
    const d = findDateline(text);
    expect(d?.place ?? null).toBe(place);
    expect(d ? text.slice(d.span.start, d.span.end) : null).toBe(prefix);
  });
  it.each([
    ['KHAR, Pakistan: Gunmen shot a worker', 'Pakistan'],
    ['GOMA, Democratic Republic of Congo (Reuters) - Rebels', 'Democratic Republic of Congo'],
    ['Kabul, Feb. 25 -- Officials said', null],
    ['QUETTA: Five people', null],
  ])('keeps the country written after the place: %j → %s', (text, region) => {
    expect(findDateline(text)?.region).toBe(region);
  });
});

describe('detectLanguage', () => {
  it.each([
    [
      'en',
      'Militants attacked a police post in the district on Tuesday, killing two officers, officials said.',
    ],
    [
      'fr',
      'Des hommes armés ont attaqué un poste de police dans le district mardi, tuant deux agents, selon les autorités.',
    ],
    ['ar', 'هاجم مسلحون مركزا للشرطة في المنطقة يوم الثلاثاء، مما أسفر عن مقتل شرطيين، حسبما قال مسؤولون.'],
    [
      'ur',
      'عسکریت پسندوں نے منگل کے روز ضلع میں پولیس چوکی پر حملہ کیا جس میں دو اہلکار ہلاک ہو گئے، حکام نے بتایا۔',
    ],
    ['und', 'Kabul.'],
    ['und', '12 34 56'],
  ])('%s', (lang, text) => {
    expect(detectLanguage(text)).toBe(lang);
  });
});

describe('readHtml', () => {
  const html = readFileSync('test/fixtures/ingest/hostile-article.html', 'utf8');
  const article = readHtml(html, 'https://ledger.example/some/path');

  it('keeps the article body, one paragraph per line, and drops nav, ads, comments, footer', () => {
    expect(article.text.split('\n')).toContain(
      'BANNU: Gunmen attacked a police checkpoint on the outskirts of the town late on Thursday, killing three policemen and wounding two others, district police officials said.',
    );
    for (const junk of ['Subscribe now', 'ADVERTISEMENT', 'reader123', 'All rights reserved', 'Privacy']) {
      expect(article.text).not.toContain(junk);
    }
    expect(article.text).toContain('were “not involved”, a claim');
  });

  it('never runs or keeps <script>, <iframe> or onerror=', () => {
    for (const s of [
      'INJECTED',
      'document.write',
      'fetch(',
      'alert',
      'onerror',
      'iframe',
      'pwned',
      'PWNED',
    ]) {
      expect(article.text).not.toContain(s);
    }
    expect((globalThis as { __pwned?: boolean }).__pwned).toBeUndefined();
  });

  it('reads title, canonical URL, author, outlet and published date', () => {
    expect(article.title).toBe('Checkpoint attack kills three policemen');
    expect(article.url).toBe('https://ledger.example/news/checkpoint-attack');
    expect(article.author).toBe('Sana Qureshi');
    expect(article.outlet).toBe('The Frontier Ledger');
    expect(article.published).toBe('2025-03-14');
  });

  it('falls back to JSON-LD and <time datetime> for the date', () => {
    const ld = readHtml(
      '<html><head><script type="application/ld+json">{"@graph":[{"@type":"WebPage"},{"@type":["NewsArticle"],"datePublished":"2024-07-01T22:00:00-04:00"}]}</script></head><body><p>Text of a short page about a protest in the capital that turned violent.</p></body></html>',
    );
    expect(ld.published).toBe('2024-07-01');
    const time = readHtml(
      '<html><body><article><time datetime="2023-11-05">5 Nov</time><p>Text of a short page about a protest in the capital that turned violent.</p></article></body></html>',
    );
    expect(time.published).toBe('2023-11-05');
  });
});

describe('toIsoDate', () => {
  it.each([
    ['2025-03-14T23:30:00+05:00', '2025-03-14'],
    ['Fri, 14 Mar 2025 03:30:00 GMT', '2025-03-14'],
    ['2025-13-40', null],
    ['yesterday', null],
  ])('%s → %s', (input, expected) => expect(toIsoDate(input)).toBe(expected));
});

describe('duplicates', () => {
  const wire =
    'MOGADISHU, Somalia (Reuters) - A car bomb exploded near a busy checkpoint in the Somali capital on Saturday, killing at least seven people and wounding a dozen others, police said. Al-Shabaab claimed responsibility in a statement on its radio station. The blast destroyed several vehicles and shops nearby, witnesses said, and ambulances took the wounded to hospital.';
  const syndicated = `Car bomb kills seven in Somali capital\nShare this article\n${wire.replace('killing at least seven', 'killing at least 7')}\nRead more: Somalia news | Subscribe to our newsletter`;
  const other =
    'KABUL: The Taliban administration announced on Sunday that it had arrested several suspects over a rocket attack on the airport last week, a spokesman said, adding that investigations were continuing.';

  it('exact key ignores case, quotes, dashes and whitespace only', () => {
    expect(exactDuplicateKey('He said “no” — twice.')).toBe(exactDuplicateKey('he  said "NO" - twice'));
    expect(exactDuplicateKey('five killed')).not.toBe(exactDuplicateKey('six killed'));
  });

  it('near-duplicate signature links syndicated copies and separates different stories', () => {
    const a = nearDuplicateSignature(wire);
    expect(similarity(a, nearDuplicateSignature(syndicated))).toBeGreaterThan(0.6);
    expect(similarity(a, nearDuplicateSignature(other))).toBeLessThan(0.1);
    expect(similarity(a, a)).toBe(1);
    expect(similarity(a, 'garbage')).toBe(0);
  });
});
