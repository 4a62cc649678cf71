// A national-size ECT election report derived from the real Chiang Rai samples in
// test/fixtures/ect-report-2569/CRI: the province is copied under 57 province codes (CRI among
// them, in the middle) and a Bangkok-like pseudo constituency without candidates (BKK_0) is
// added, 400 constituencies in all, as the ECT's national stats_cons.json has (about 2.9 MB).
// The candidate, constituency and province reference files are copied the same way. Derived,
// not real: used by the bench (scripts/bench/65-ect-report.js) only.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const PROVINCES = 57;
/** Where CRI sits in the national order (array order is not stable in real files either). */
const CRI_AT = 40;

/** Province codes: BKK first, CRI at CRI_AT, made-up three-letter codes between. */
function codes() {
  const list = ['BKK'];
  for (let i = 0; list.length < PROVINCES; i++) {
    const code = `Q${String.fromCharCode(65 + Math.floor(i / 26))}${String.fromCharCode(65 + (i % 26))}`;
    list.push(list.length === CRI_AT ? 'CRI' : code);
  }
  return list;
}

/** The CRI entry's JSON with every `CRI` id turned into `code`. */
const recode = (value, code) =>
  code === 'CRI' ? value : JSON.parse(JSON.stringify(value).replace(/"CRI(?=[_"])/g, `"${code}`));

/**
 * The national files as text. `variant` changes every candidate's votes by that many (and the
 * update time), so a refresh brings different data.
 * @param {string} root the repository
 */
export function nationalReport(root, variant = 0) {
  const dir = join(root, 'test', 'fixtures', 'ect-report-2569', 'CRI');
  const read = (name) => JSON.parse(readFileSync(join(dir, name), 'utf8'));
  const stats = read('stats_cons.json');
  const cri = stats.result_province.find((p) => p.prov_id === 'CRI');
  for (const cons of cri.constituencies) {
    for (const c of cons.candidates) c.mp_app_vote += variant;
  }
  const list = codes();
  stats.result_province = list.map((code) => recode(cri, code));
  stats.result_province[0].constituencies.push({
    ...cri.constituencies[0],
    cons_id: 'BKK_0',
    candidates: [],
  });
  stats.last_update = new Date(Date.parse(stats.last_update) + variant * 60_000).toISOString();
  const mps = read('info_mp_candidate.json');
  const constituencies = read('info_constituency.json');
  const province = read('info_province.json');
  const refs = {
    'info_mp_candidate.json': list.flatMap((code) => recode(mps, code)),
    'info_constituency.json': [
      ...list.flatMap((code) => recode(constituencies, code)),
      { cons_id: 'BKK_0', cons_no: 0, prov_id: 'BKK', zone: [], registered_vote: null },
    ],
    'info_province.json': {
      ...province,
      province: list.map((code) => recode(province.province[0], code)),
    },
    'info_party_overview.json': read('info_party_overview.json'),
  };
  const constituencyCount = stats.result_province.reduce((n, p) => n + p.constituencies.length, 0);
  return {
    stats: JSON.stringify(stats),
    refs: Object.fromEntries(
      Object.entries(refs).map(([name, value]) => [name, JSON.stringify(value)]),
    ),
    constituencies: constituencyCount,
    candidates: refs['info_mp_candidate.json'].length,
  };
}
