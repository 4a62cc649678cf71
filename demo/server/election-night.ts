/**
 * Election night, replayed: the real Chiang Rai files of the ECT's 2569 report
 * (test/fixtures/ect-report-2569/, see its README) served as the ECT serves them, the
 * statistics file changing every `STAGE_MS` as on the night:
 *
 *   /ect69/stats_cons.json        the current stage (below), looping
 *   /ect69/stats_referendum.json  the real file
 *   /ect69/refs/info_*.json       the real reference files
 *
 * Stages: first four SIMULATED ones derived from the first real snapshot (counted 0 %, 20 %,
 * 45 % with constituency 3 paused, 70 %: every count scaled, ranks worked out again, times
 * before the first snapshot), then every real snapshot of snapshots/ in order, with its own
 * `last_update`. `stageOf` says which stage is served and whether it is simulated.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { SIMULATED, simulate } from './election-night-stages.js';
import type { DemoRoute } from './feeds-plugin.js';

const DIR = path.join(
  path.dirname(fileURLToPath(import.meta.url)),
  '..',
  '..',
  'test',
  'fixtures',
  'ect-report-2569',
  'CRI',
);
/** How long each stage is served. */
export const STAGE_MS = 15_000;

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const read = (file: string): Json => JSON.parse(readFileSync(path.join(DIR, file), 'utf8'));

export interface Stage {
  simulated: boolean;
  body: string;
  lastUpdate: string;
}

let stages: Stage[] | undefined;

/** Every stage, simulated ones first, then the real snapshots in `last_update` order. */
export function electionNightStages(): Stage[] {
  if (stages) return stages;
  const real = readdirSync(path.join(DIR, 'snapshots'))
    .filter((f) => f.startsWith('stats_cons.'))
    .sort()
    .map((f) => read(path.join('snapshots', f)));
  real.sort((a, b) => Date.parse(a.last_update) - Date.parse(b.last_update));
  const all = [
    ...SIMULATED.map((f, i) => ({ simulated: true, data: simulate(real[0], f, i) })),
    ...real.map((data) => ({ simulated: false, data })),
  ];
  stages = all.map(({ simulated, data }) => ({
    simulated,
    body: JSON.stringify(data),
    lastUpdate: data.last_update,
  }));
  return stages;
}

let started: number | undefined;

/** The stage served now: one every STAGE_MS from the first request, then again from the start. */
export function stageOf(now = Date.now()): Stage {
  const all = electionNightStages();
  started ??= now;
  return all[Math.floor((now - started) / STAGE_MS) % all.length];
}

function send(res: import('node:http').ServerResponse, body: string | Buffer): void {
  res.statusCode = 200;
  res.setHeader('Content-Type', 'application/json; charset=utf-8');
  res.setHeader('Cache-Control', 'no-cache');
  res.end(body);
}

/** The demo server's routes for demo/election-night.html. */
export const electionNightRoutes: DemoRoute[] = [
  {
    path: '/ect69/stats_cons.json',
    handle(_req, res) {
      const stage = stageOf();
      res.setHeader('X-Stage', stage.simulated ? 'simulated' : 'real');
      send(res, stage.body);
    },
  },
  {
    path: /^\/ect69\/(?:refs\/)?(info_(?:province|constituency|party_overview|mp_candidate|referendum)|stats_referendum)\.json$/,
    handle(_req, res, { url }) {
      const name = /([a-z_]+)\.json$/.exec(url.pathname)![1];
      send(res, readFileSync(path.join(DIR, `${name}.json`)));
    },
  },
];
