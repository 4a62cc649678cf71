/**
 * The ECT's election report (`format="ect-report"`): its statistics files (`stats_cons.json`,
 * `stats_party.json`, `stats_referendum.json`) joined with its reference files (report-refs.ts)
 * into results for one province: a race per constituency, party-list races and referendum
 * races of the province and of each constituency.
 *
 * The national `stats_cons.json` is about 2.9 MB. It is never parsed whole: the text is walked
 * a slice per task to find each province's entry, and only the province shown is parsed.
 * Everything is looked up by id (array order is not stable between versions), ids are compared
 * as text whether the file has numbers or strings, and a reference file that failed or lacks an
 * id leaves the ECT's id on the row (with a notice) instead of a blank.
 */
import { SLICE, endOfString } from '../limits.js';
import { isObject, withOptional } from './normalize.js';
import { cleanText } from './text.js';
import { loadRef, refUrl, type ReportRefName } from '../report-refs.js';
import { nextTask } from '../tasks.js';
import { safeColor } from '../url.js';
import {
  FeedError,
  type Candidate,
  type FeedErrorInfo,
  type Race,
  type ReportNotice,
  type ReportOptions,
  type ResultsData,
} from '../types.js';

type Json = Record<string, unknown>;

const QUOTE = 0x22;
const COMMA = 0x2c;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;

/** The answers' colours (the ECT's files give none). */
const ANSWER_COLORS: Record<string, string> = {
  yes: '#067647',
  no: '#b42318',
  abstained: '#667085',
};

function fail(message: string, details: FeedErrorInfo): FeedError {
  return new FeedError(`ECT report: ${message}`, { ...details, format: 'ect-report' });
}

const listOf = (value: unknown): Json[] => (Array.isArray(value) ? value.filter(isObject) : []);

/** A number, from a number or numeric text; else undefined (nulls included). */
function numberOf(value: unknown): number | undefined {
  const n = typeof value === 'string' && value.trim() ? Number(value) : value;
  return typeof n === 'number' && Number.isFinite(n) ? n : undefined;
}

/** An id as text: `34` and `"34"` are the same party. */
function idOf(value: unknown): string | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return typeof value === 'string' && value.trim() ? value.trim() : undefined;
}

function byId(list: Json[], key: string): Map<string, Json> {
  const map = new Map<string, Json>();
  for (const entry of list) {
    const id = idOf(entry[key]);
    if (id !== undefined) map.set(id, entry);
  }
  return map;
}

interface Split {
  /** The text with the array emptied: the file's other fields. */
  head: string;
  /** Each entry of the array, as text. */
  entries: string[];
}

/**
 * The entries of the array that the top-level field `key` holds, as text, and the rest of the
 * file: one walk over the text, a task per `SLICE` characters.
 */
export async function splitTopArray(text: string, key: string): Promise<Split | undefined> {
  let depth = 0;
  let lastKey = '';
  let open = -1;
  let close = -1;
  let entryStart = -1;
  const entries: string[] = [];
  const push = (end: number) => {
    const entry = text.slice(entryStart, end).trim();
    if (entry) entries.push(entry);
  };
  let pause = SLICE;
  for (let i = 0; i < text.length && close < 0; i++) {
    if (i > pause) {
      pause = i + SLICE;
      await nextTask();
    }
    const code = text.charCodeAt(i);
    if (code === QUOTE) {
      const end = endOfString(text, i);
      if (end < 0) break;
      if (depth === 1) lastKey = text.slice(i + 1, Math.min(end, i + 40));
      i = end;
    } else if (code === OPEN_BRACKET || code === OPEN_BRACE) {
      depth++;
      if (depth === 2 && code === OPEN_BRACKET && lastKey === key && open < 0) {
        open = i;
        entryStart = i + 1;
      }
    } else if (code === CLOSE_BRACKET || code === CLOSE_BRACE) {
      if (depth === 2 && open >= 0) {
        push(i);
        close = i;
      }
      depth--;
    } else if (code === COMMA && depth === 2 && open >= 0) {
      push(i);
      entryStart = i + 1;
    }
  }
  if (open < 0 || close < 0) return undefined;
  return { head: text.slice(0, open + 1) + text.slice(close), entries };
}

function parseJson(text: string, what: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw fail(`${what} is not valid JSON (${error instanceof Error ? error.message : error})`, {
      code: 'syntax',
    });
  }
}

const PROV_ID = /"prov_id"\s*:\s*"([^"]*)"/;

/** The province entry to show, parsed: the one `province` names, or the only one. */
function chooseProvince(entries: string[], province: string | undefined): Json {
  const ids = entries.map((entry) => PROV_ID.exec(entry)?.[1] ?? '');
  const wanted = province?.trim().toUpperCase();
  const index = wanted ? ids.findIndex((id) => id.toUpperCase() === wanted) : 0;
  if (!wanted && entries.length > 1) {
    const some = ids.slice(0, 5).join(', ');
    throw fail(`the file has ${entries.length} provinces: say which with province="…" (${some}…)`, {
      code: 'province',
    });
  }
  if (index < 0 || !entries.length) {
    throw fail(`no province "${province}" in the file (it has ${ids.join(', ') || 'none'})`, {
      code: 'province',
      value: province,
    });
  }
  const value = parseJson(entries[index], `province ${ids[index]}`);
  if (!isObject(value)) {
    throw fail(`province ${ids[index]} is not an object`, {
      code: 'bad-data',
      field: 'result_province',
    });
  }
  return value;
}

/** The reference files asked for, each parsed, or the reason it is missing. */
type Refs = Partial<Record<ReportRefName, unknown>>;

async function loadRefs(
  names: ReportRefName[],
  base: string,
  proxy: string | null | undefined,
  notices: ReportNotice[],
): Promise<Refs> {
  const refs: Refs = {};
  await Promise.all(
    names.map((name) =>
      loadRef(refUrl(base, name), proxy).then(
        (value) => (refs[name] = value),
        (error: unknown) => {
          const details = error instanceof FeedError ? error.details : {};
          const { code = 'unknown', format, status, seconds, megabytes, line } = details;
          const reason = withOptional<FeedErrorInfo>(
            { code },
            { format, status, seconds, megabytes, line },
          );
          notices.push({ file: `${name}.json`, error: reason });
        },
      ),
    ),
  );
  return refs;
}

/** Ids a reference file lacked, said once per file. */
class Missing {
  private ids = new Map<string, string[]>();
  add(file: string, id: string): void {
    const ids = this.ids.get(file) ?? [];
    if (!ids.includes(id)) ids.push(id);
    this.ids.set(file, ids);
  }
  report(notices: ReportNotice[]): void {
    for (const [file, ids] of this.ids) {
      const notice: ReportNotice = { file: `${file}.json`, ids: ids.slice(0, 5) };
      if (ids.length > 5) notice.more = ids.length - 5;
      notices.push(notice);
    }
  }
}

interface Context {
  provinceId: string;
  provinceName: string;
  updated?: string;
  constituencies: Map<string, Json>;
  parties: Map<string, Json>;
  partiesLoaded: boolean;
  constituenciesLoaded: boolean;
  missing: Missing;
}

/** `CRI_1` → 1: the constituency number, from the reference file, else from the id. */
function consNumber(ctx: Context, consId: string): number | undefined {
  const info = ctx.constituencies.get(consId);
  return numberOf(info?.cons_no) ?? numberOf(/_(\d+)$/.exec(consId)?.[1]);
}

/** The fields every race of an area shares: name, number, districts. */
function areaOf(ctx: Context, consId?: string): Pick<Race, 'name' | 'constituency' | 'areas'> {
  if (!consId) return { name: ctx.provinceName };
  const info = ctx.constituencies.get(consId);
  if (!info && ctx.constituenciesLoaded) ctx.missing.add('info_constituency', consId);
  const number = consNumber(ctx, consId);
  const zone = Array.isArray(info?.zone) ? info.zone.filter((z) => typeof z === 'string') : [];
  return {
    name: number === undefined ? consId : `${ctx.provinceName} เขตเลือกตั้งที่ ${number}`,
    constituency: number,
    areas: zone.length ? (zone as string[]) : undefined,
  };
}

/** Counted stations of a total: the total that `percent_count` was computed from. */
function stationsOf(counted: unknown, percent: unknown, fallback: unknown): number | undefined {
  const c = numberOf(counted);
  const p = numberOf(percent);
  if (c !== undefined && p) return Math.round((100 * c) / p);
  return numberOf(fallback);
}

function partyOf(
  ctx: Context,
  partyId: unknown,
): Pick<Candidate, 'party' | 'color'> & {
  info?: Json;
} {
  const id = idOf(partyId);
  if (id === undefined) return {};
  const info = ctx.parties.get(String(Number(id))) ?? ctx.parties.get(id);
  if (!info) {
    if (ctx.partiesLoaded) ctx.missing.add('info_party_overview', id);
    return { party: id };
  }
  return { party: cleanText(info.name) ?? id, color: safeColor(info.color), info };
}

/** Constituency 1, 2 … 10 (by number, not by the file's order). */
function byConsNumber(a: Race, b: Race): number {
  return (a.constituency ?? Infinity) - (b.constituency ?? Infinity) || a.id.localeCompare(b.id);
}

function constituencyRaces(
  ctx: Context,
  province: Json,
  candidates: Map<string, Json>,
  candidatesLoaded: boolean,
): Race[] {
  const races: Race[] = [];
  for (const cons of listOf(province.constituencies)) {
    const consId = idOf(cons.cons_id);
    const list = listOf(cons.candidates);
    // BKK_0 and the like: a pseudo constituency without candidates.
    if (!consId || !list.length) continue;
    const info = ctx.constituencies.get(consId);
    races.push({
      id: consId,
      ballot: 'constituency',
      ...areaOf(ctx, consId),
      updated: ctx.updated,
      counted: numberOf(cons.percent_count),
      official: cons.official === true,
      paused: cons.pause_report === true,
      eligible: numberOf(info?.registered_vote),
      turnout: numberOf(cons.turn_out),
      valid: numberOf(cons.valid_votes),
      invalid: numberOf(cons.invalid_votes),
      noVote: numberOf(cons.blank_votes),
      stationsCounted: numberOf(cons.counted_vote_stations),
      stations: stationsOf(
        cons.counted_vote_stations,
        cons.percent_count,
        info?.total_vote_stations,
      ),
      candidates: list.map((c) => {
        const id = idOf(c.mp_app_id) ?? '?';
        const mp = candidates.get(id);
        if (!mp && candidatesLoaded) ctx.missing.add('info_mp_candidate', id);
        const { party, color } = partyOf(ctx, c.party_id ?? mp?.mp_app_party_id);
        return {
          number: numberOf(mp?.mp_app_no) ?? numberOf(/_(\d+)$/.exec(id)?.[1]) ?? id,
          name: cleanText(mp?.mp_app_name) ?? id,
          party,
          color,
          votes: numberOf(c.mp_app_vote) ?? 0,
          share: numberOf(c.mp_app_vote_percent),
          rank: numberOf(c.mp_app_rank),
        };
      }),
    });
  }
  return races.sort(byConsNumber);
}

function partyRows(ctx: Context, list: Json[], votes: string, share: string): Candidate[] {
  return list.map((p) => {
    const { party: name, color, info } = partyOf(ctx, p.party_id);
    const id = idOf(p.party_id) ?? '?';
    return {
      number: numberOf(info?.party_no) ?? id,
      name: name ?? id,
      party: cleanText(info?.abbr),
      color,
      votes: numberOf(p[votes]) ?? 0,
      share: numberOf(p[share]),
    };
  });
}

function partyListRaces(ctx: Context, province: Json): Race[] {
  const figures = (area: Json) => ({
    updated: ctx.updated,
    counted: numberOf(area.percent_count),
    official: area.official === true,
    paused: area.pause_report === true,
    turnout: numberOf(area.party_list_turn_out),
    valid: numberOf(area.party_list_valid_votes),
    invalid: numberOf(area.party_list_invalid_votes),
    noVote: numberOf(area.party_list_blank_votes),
    stationsCounted: numberOf(area.counted_vote_stations),
  });
  const races: Race[] = [
    {
      id: `party-list:${ctx.provinceId}`,
      ballot: 'party-list',
      ...areaOf(ctx),
      ...figures(province),
      eligible: numberOf(province.total_registered_vote),
      stations: numberOf(province.total_vote_stations),
      candidates: partyRows(
        ctx,
        listOf(province.result_party),
        'party_list_vote',
        'party_list_vote_percent',
      ),
    },
  ];
  const areas: Race[] = [];
  for (const cons of listOf(province.constituencies)) {
    const consId = idOf(cons.cons_id);
    const parties = listOf(cons.result_party);
    if (!consId || !parties.length) continue;
    const info = ctx.constituencies.get(consId);
    areas.push({
      id: `party-list:${consId}`,
      ballot: 'party-list',
      ...areaOf(ctx, consId),
      ...figures(cons),
      eligible: numberOf(info?.registered_vote),
      stations: stationsOf(
        cons.counted_vote_stations,
        cons.percent_count,
        info?.total_vote_stations,
      ),
      candidates: partyRows(ctx, parties, 'party_list_vote', 'party_list_vote_percent'),
    });
  }
  return races.concat(areas.sort(byConsNumber));
}

/** The question and answer labels of `info_referendum.json`. */
function referendumInfo(ref: unknown) {
  const info = isObject(ref) ? ref : {};
  const questions = listOf(info.questions_info).flatMap((q) => listOf(q.questions));
  const answers = new Map(
    listOf(info.answers_info).map((a) => [String(a.answer_key), cleanText(a.answer_value)]),
  );
  const general = isObject(info.general_info) ? info.general_info : {};
  return { questions, answers, provinces: byId(listOf(general.province), 'prov_id') };
}

function referendumRaces(ctx: Context, province: Json, ref: unknown, refLoaded: boolean): Race[] {
  const { questions, answers, provinces } = referendumInfo(ref);
  const areaInfo = provinces.get(ctx.provinceId);
  const consInfo = byId(listOf(areaInfo?.constituencies), 'cons_id');
  const races: Race[] = [];
  const add = (area: Json, consId?: string) => {
    const results = isObject(area.referendum_results) ? area.referendum_results : {};
    const info = consId ? consInfo.get(consId) : areaInfo;
    const ids = Object.keys(results);
    for (const questionId of ids) {
      const result = results[questionId];
      if (!isObject(result)) continue;
      const question = questions.find((q) => idOf(q.referendum_id) === questionId);
      if (!question && refLoaded) ctx.missing.add('info_referendum', questionId);
      races.push({
        id: `referendum:${consId ?? ctx.provinceId}${ids.length > 1 ? `:${questionId}` : ''}`,
        ballot: 'referendum',
        ...areaOf(ctx, consId),
        title: cleanText(question?.question) ?? questionId,
        updated: ctx.updated,
        counted: numberOf(area.referendum_percent_count),
        official: area.official === true,
        paused: area.pause_report === true,
        eligible: numberOf(info?.total_registered_vote),
        turnout: numberOf(area.referendum_turn_out),
        valid: numberOf(area.referendum_valid_votes),
        invalid: numberOf(area.referendum_invalid_votes),
        stationsCounted: numberOf(area.referendum_counted_vote_stations),
        stations: stationsOf(
          area.referendum_counted_vote_stations,
          area.referendum_percent_count,
          info?.total_vote_stations,
        ),
        candidates: ['yes', 'no', 'abstained'].map((key, i) => ({
          number: i + 1,
          name: answers.get(key) ?? key,
          color: ANSWER_COLORS[key],
          votes: numberOf(result[key]) ?? 0,
          share: numberOf(result[`percent_${key}`]),
        })),
      });
    }
  };
  add(province);
  for (const cons of listOf(province.constituencies)) {
    const consId = idOf(cons.cons_id);
    if (consId) add(cons, consId);
  }
  const [first, ...rest] = races;
  return first ? [first, ...rest.sort(byConsNumber)] : [];
}

/** The national party results of `stats_party.json`: one party-list race. */
function nationalPartyRace(ctx: Context, head: Json, parties: Json[]): Race {
  return {
    id: 'party-list:national',
    ballot: 'party-list',
    name: 'ทั่วประเทศ',
    updated: ctx.updated,
    counted: numberOf(head.percent_count),
    official: head.official === true,
    paused: head.pause_report === true,
    stationsCounted: numberOf(head.counted_vote_stations),
    stations: stationsOf(head.counted_vote_stations, head.percent_count, undefined),
    candidates: partyRows(ctx, parties, 'party_vote', 'party_vote_percent'),
  };
}

/**
 * An ECT statistics file to results for one province (`options.province`, or the file's only
 * one), with the names, parties, colours and districts of the reference files found at
 * `options.refs` (default: beside the file, `baseUrl`).
 */
export async function parseEctReport(
  text: string,
  baseUrl: string | undefined,
  options: ReportOptions & { proxy?: string | null } = {},
): Promise<ResultsData> {
  const split = await splitTopArray(text, 'result_province');
  const head = split ? parseJson(split.head, 'the file') : parseJson(text, 'the file');
  if (!isObject(head)) {
    throw fail('expected an object with result_province', { code: 'wrong-format' });
  }
  const kind =
    'referendum_results' in head
      ? 'referendum'
      : split && 'turn_out' in head
        ? 'constituencies'
        : !split && Array.isArray(head.result_party) && 'percent_count' in head
          ? 'parties'
          : undefined;
  if (!kind) {
    throw fail(
      'this is not one of the ECT statistics files (stats_cons.json, stats_party.json, stats_referendum.json): no result_province, referendum_results or result_party',
      { code: 'wrong-format' },
    );
  }
  const province = kind === 'parties' ? {} : chooseProvince(split!.entries, options.province);
  // `refs` is relative to the page; by default the reference files are beside the file.
  const base = options.refs?.trim()
    ? new URL(options.refs.trim(), document.baseURI).href
    : new URL('.', baseUrl ?? document.baseURI).href;
  const notices: ReportNotice[] = [];
  const names: ReportRefName[] =
    kind === 'constituencies'
      ? ['info_province', 'info_constituency', 'info_party_overview', 'info_mp_candidate']
      : kind === 'referendum'
        ? ['info_province', 'info_constituency', 'info_referendum']
        : ['info_party_overview'];
  const refs = await loadRefs(names, base, options.proxy, notices);
  await nextTask();

  const provinceId = idOf(province.prov_id) ?? '';
  const provinces = isObject(refs.info_province) ? listOf(refs.info_province.province) : [];
  const provinceInfo = byId(provinces, 'prov_id').get(provinceId);
  const prov_id = provinceId.toUpperCase();
  const mpList = listOf(refs.info_mp_candidate).filter((mp) =>
    String(mp.mp_app_id).toUpperCase().startsWith(`${prov_id}_`),
  );
  const ctx: Context = {
    provinceId,
    provinceName: cleanText(provinceInfo?.province) ?? provinceId,
    updated: cleanText(head.last_update),
    constituencies: byId(listOf(refs.info_constituency), 'cons_id'),
    constituenciesLoaded: 'info_constituency' in refs,
    parties: byId(listOf(refs.info_party_overview), 'id'),
    partiesLoaded: 'info_party_overview' in refs,
    missing: new Missing(),
  };
  let races: Race[];
  if (kind === 'constituencies') {
    races = [
      ...constituencyRaces(ctx, province, byId(mpList, 'mp_app_id'), 'info_mp_candidate' in refs),
      ...partyListRaces(ctx, province),
    ];
  } else if (kind === 'referendum') {
    races = referendumRaces(ctx, province, refs.info_referendum, 'info_referendum' in refs);
  } else {
    races = [nationalPartyRace(ctx, head, listOf(head.result_party))];
  }
  ctx.missing.report(notices);
  return {
    kind: 'results',
    title: kind === 'parties' ? undefined : ctx.provinceName,
    updated: ctx.updated,
    races,
    ...(notices.length ? { notices } : {}),
  };
}
