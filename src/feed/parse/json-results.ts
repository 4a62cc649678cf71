/**
 * Election results of a JSON feed (`races`, or one race's `candidates`) to ResultsData. Loaded
 * by parseJson (json.ts) for such a feed, and ahead of the feed by the results table
 * (preloadParsersFor in parsers.ts).
 */
import { FeedError, type Race, type ResultsData } from '../types.js';
import { toIsoDate } from './dates.js';
import { normalizeCandidate } from './candidate.js';
import {
  counts,
  isObject,
  ownField,
  toBoolean,
  toPercent,
  withOptional,
  type JsonObject,
} from './normalize.js';
import { cleanText } from './text.js';

/**
 * Race fields other than candidates (the figures stay undefined when absent or not numbers; an
 * implausible one is a FeedError starting with `where`).
 */
function raceFigures(object: JsonObject, where = 'JSON'): Omit<Race, 'id' | 'candidates'> {
  return withOptional(
    {},
    {
      name: cleanText(ownField(object, 'name')),
      title: cleanText(ownField(object, 'title')),
      updated: toIsoDate(ownField(object, 'updated')),
      counted: toPercent(ownField(object, 'counted'), 'counted', where),
      official: toBoolean(ownField(object, 'official')),
      ...counts(object, ['eligible', 'turnout', 'invalid', 'noVote'], where),
    },
  );
}

function normalizeRace(object: JsonObject, index: number, label: string): Race {
  const name = cleanText(ownField(object, 'name'));
  const where = `${label}: race ${name ? `"${name}"` : index + 1}`;
  const figures = raceFigures(object, where);
  const id = cleanText(ownField(object, 'id')) ?? figures.name ?? `race-${index + 1}`;
  const candidates = ownField(object, 'candidates');
  if (!Array.isArray(candidates)) {
    throw new FeedError(`${where}: "candidates" is not a list`, {
      code: 'bad-data',
      field: 'candidates',
    });
  }
  return {
    id,
    ...figures,
    candidates: candidates.map((candidate, row) =>
      normalizeCandidate(isObject(candidate) ? candidate : {}, `${where}, candidate ${row + 1}`),
    ),
  };
}

export function resultsData(object: JsonObject, races: JsonObject[], label: string): ResultsData {
  return withOptional<ResultsData>(
    { kind: 'results', races: races.map((race, index) => normalizeRace(race, index, label)) },
    {
      title: cleanText(ownField(object, 'title')),
      updated: toIsoDate(ownField(object, 'updated')),
    },
  );
}
