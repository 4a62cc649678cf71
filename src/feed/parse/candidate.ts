/** Election candidates, as JSON and CSV results give them (json-results.ts, csv.ts). */
import { FeedError, type Candidate } from '../types.js';
import { safeColor } from '../url.js';
import { asText, toBoolean, toFigure, toNumber, toPercent } from './normalize.js';
import { cleanText } from './text.js';

/** Raw candidate fields, from a JSON object or a CSV row. */
export interface CandidateInput {
  number?: unknown;
  name?: unknown;
  party?: unknown;
  color?: unknown;
  votes?: unknown;
  elected?: unknown;
  share?: unknown;
}

/**
 * A candidate; `where` locates it for the error message ("JSON: race "เขต 1", candidate 3" or
 * "CSV: line 4"). Votes are required: without a number the results would be wrong.
 */
export function normalizeCandidate(input: CandidateInput, where: string): Candidate {
  const votes = toFigure(input.votes, 'votes', where);
  if (votes === undefined) {
    const shown = asText(input.votes);
    throw new FeedError(
      shown === undefined || shown.trim() === ''
        ? `${where}: votes is missing`
        : `${where}: votes "${shown}" is not a number`,
      { code: 'bad-data', field: 'votes' },
    );
  }
  // Results pages list thousands of candidates: plain field checks, no intermediate objects.
  let number: number | string;
  if (Number.isInteger(input.number)) number = input.number as number;
  else {
    const numberText = cleanText(input.number);
    const parsed = toNumber(numberText);
    number = parsed !== undefined && Number.isInteger(parsed) ? parsed : (numberText ?? '');
  }
  const candidate: Candidate = { number, name: cleanText(input.name) ?? '', votes };
  const party = cleanText(input.party);
  if (party) candidate.party = party;
  const color = input.color === undefined ? undefined : safeColor(input.color);
  if (color) candidate.color = color;
  const elected = toBoolean(input.elected);
  if (elected !== undefined) candidate.elected = elected;
  if (input.share !== undefined) {
    const share = toPercent(input.share, 'share', where);
    if (share !== undefined) candidate.share = share;
  }
  return candidate;
}
