import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDemoService } from '../src/modules/demo/demo.service.js';
import { createGazetteerService } from '../src/modules/gazetteer/gazetteer.service.js';
import { systemActor } from '../src/platform/actor.js';
import { createTestApp, type TestApp } from './test-app.js';

/** The acceptance list, against the whole shipped gazetteer and the demo data. */
const expected: [string, number, string][] = [
  ['Beč', 2761369, 'AT'],
  ['Беч', 2761369, 'AT'],
  ['Dunaj', 2761369, 'AT'],
  ['Wien', 2761369, 'AT'],
  ['vienna', 2761369, 'AT'],
  ['Виена', 2761369, 'AT'],
  ['u Beču', 2761369, 'AT'],
  ['Ниш', 787657, 'RS'],
  ['Nis', 787657, 'RS'],
  ['Nišu', 787657, 'RS'],
  ['Sofiji', 727011, 'BG'],
  ['Софија', 727011, 'BG'],
  ['София', 727011, 'BG'],
  ['Krakov', 3094802, 'PL'],
  ['Краков', 3094802, 'PL'],
  ['Lisabon', 2267057, 'PT'],
  ['Pečuh', 3046526, 'HU'],
  ['Стара Загора', 726848, 'BG'],
  ['Zagerb', 3186886, 'HR'],
  ['Ljubjana', 3196359, 'SI'],
  ['Solun', 734077, 'GR'],
];

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  const actor = systemActor('test');
  await createGazetteerService(t.database).importGazetteer(actor);
  await createDemoService(t.database).load(actor);
}, 180_000);
afterAll(async () => {
  await t.close();
});

describe('search over the whole gazetteer', () => {
  it.each(expected)('finds the right place first for %s', async (q, geonamesId, country) => {
    const response = await t.app.inject({
      url: `/api/search?q=${encodeURIComponent(q)}&types=place,organisation`,
    });
    const [first] = response.json().hits;
    expect(first.ids.geonamesId).toBe(geonamesId);
    expect(first.country).toBe(country);
  });

  it.each(expected)('resolves %s to the right place with the most confidence', async (q, geonamesId) => {
    const response = await t.app.inject({ url: `/api/resolve?name=${encodeURIComponent(q)}` });
    const [first, second] = response.json().candidates;
    expect(first.ids.geonamesId).toBe(geonamesId);
    if (second) expect(first.confidence).toBeGreaterThanOrEqual(second.confidence);
  });
});
