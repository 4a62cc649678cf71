/**
 * The simulated stages of the election-night replay, derived from the first real snapshot of the
 * ECT's `stats_cons.json`: plain data in, plain data out, so that the demo server
 * (election-night.ts) and the story (stories/results-table.stories.ts) build the same stages.
 */

/** Counted shares of the simulated stages, before the real snapshots. */
export const SIMULATED = [0, 0.2, 0.45, 0.7];
/** The constituency shown as paused in the 45 % stage. */
const PAUSED = 'CRI_3';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** Counts scaled to `f` of the final ones; ranks again in competition order (1, 1, 3). */
function scaled(area: Json, f: number): void {
  for (const key of Object.keys(area)) {
    if (
      /^(turn_out|valid_votes|invalid_votes|blank_votes|party_list_(turn_out|valid_votes|invalid_votes|blank_votes)|counted_vote_stations)$/.test(
        key,
      )
    ) {
      area[key] = Math.round(area[key] * f);
    }
  }
  area.percent_count = Math.round(area.percent_count * f * 1e5) / 1e5;
  for (const party of area.result_party ?? []) {
    party.party_list_vote = Math.round(party.party_list_vote * f);
  }
  const candidates: Json[] = area.candidates ?? [];
  const total = candidates.reduce((sum, c) => sum + Math.round(c.mp_app_vote * f), 0);
  for (const c of candidates) {
    c.mp_app_vote = Math.round(c.mp_app_vote * f);
    c.mp_app_vote_percent = total ? Math.round((1e7 * c.mp_app_vote) / total) / 1e5 : 0;
  }
  const sorted = [...candidates].sort((a, b) => b.mp_app_vote - a.mp_app_vote);
  sorted.forEach((c, i) => {
    const above = sorted[i - 1];
    c.mp_app_rank = above && above.mp_app_vote === c.mp_app_vote ? above.mp_app_rank : i + 1;
  });
}

/** A simulated stage: the first snapshot at `f` of its counts. */
export function simulate(first: Json, f: number, index: number): Json {
  const stage = structuredClone(first);
  const start = Date.parse(first.last_update) - (SIMULATED.length - index) * 3600_000;
  stage.last_update = new Date(start).toISOString();
  for (const province of stage.result_province) {
    scaled(province, f);
    for (const cons of province.constituencies) {
      scaled(cons, f);
      cons.pause_report = f === 0.45 && cons.cons_id === PAUSED;
    }
  }
  return stage;
}
