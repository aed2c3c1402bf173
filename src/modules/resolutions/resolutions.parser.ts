// Rule-based extraction of numeric targets from Vietnamese resolution text (or a news article about a congress). Pure.
import type { Direction } from './resolutions.rules.js';

export type DraftRole = 'target' | 'baseline';

export interface DraftTarget {
  /** target: what the resolution sets out to reach; baseline: a result already achieved (the starting figure) */
  role: DraftRole;
  /** the clause, shortened, as a proposed name */
  name: string;
  value: number;
  /** "từ 1 đến 2 chợ": value 1, upper 2 */
  upper?: number;
  unit: string;
  direction: Direction;
  /** the words that set the direction: "trên", "ít nhất", "từ … trở lên", "không còn", "đạt", "duy trì" … */
  qualifier: string | null;
  /** the year the figure is for ("đến năm 2030", "năm 2025"); absent for yearly targets ("hằng năm") */
  year?: number;
  yearly: boolean;
  /** the whole sentence it was found in */
  sentence: string;
  /** where the figure starts in the sentence */
  offset: number;
  /** the index in `sections` of the congress whose part of the text holds it */
  section: number;
  /** a baseline found in the same section for the same indicator */
  baseline?: { value: number; unit: string; year?: number };
}

export interface DraftCounts {
  targets?: number;
  breakthroughs?: number;
  keyTasks?: number;
  solutionGroups?: number;
}

/** the part of the text about one congress: an article may report several ("Đảng bộ A …; Đảng bộ phường B …") */
export interface ParsedSection {
  /** the organisation named where the section opens ("phường Từ Sơn"); absent when the text names none */
  organisation?: string;
  /** "20 chỉ tiêu", "4 khâu đột phá", "3 nhiệm vụ trọng tâm", "7 nhóm giải pháp" */
  counts: DraftCounts;
  /** the motto in quotation marks after "phương châm" (else "tinh thần") */
  motto?: string;
  targets: DraftTarget[];
  baselines: DraftTarget[];
}

export interface ParsedResolution {
  /** the targets and baselines of every section, in the order of the text */
  targets: DraftTarget[];
  baselines: DraftTarget[];
  /** the counts and motto of the first section (the first congress the text reports) */
  counts: DraftCounts;
  motto?: string;
  sections: ParsedSection[];
}

/** "1.800" → 1800, "410,6" → 410.6, "0.27" → 0.27 (a dot followed by exactly three digits groups thousands) */
export function parseVietnameseNumber(text: string): number | null {
  const s = text.trim();
  if (!/^\d[\d.,]*$/.test(s)) return null;
  let normal: string;
  if (/^\d{1,3}(\.\d{3})+(,\d+)?$/.test(s)) normal = s.replace(/\./g, '').replace(',', '.');
  else if (/^\d+,\d+$/.test(s)) normal = s.replace(',', '.');
  else if (/^\d+\.\d{1,2}$|^\d+\.\d{4,}$/.test(s)) normal = s;
  else if (/^\d+$/.test(s)) normal = s;
  else return null;
  const n = Number(normal);
  return Number.isFinite(n) ? n : null;
}

// money first (longest first), then measures, then things counted
const UNITS: [RegExp, string][] = [
  [/^nghìn tỷ đồng/i, 'nghìn tỷ đồng'],
  [/^tỷ đồng/i, 'tỷ đồng'],
  [/^triệu đồng/i, 'triệu đồng'],
  [/^triệu USD/i, 'triệu USD'],
  [/^USD/, 'USD'],
  [/^%/, '%'],
  [/^ha(?![\p{L}\d])/iu, 'ha'],
  [/^km2(?![\p{L}\d])|^km²/iu, 'km²'],
  [/^km(?![\p{L}\d])/iu, 'km'],
  [/^m2(?![\p{L}\d])|^m²/iu, 'm²'],
  [/^người(?![\p{L}\d])/iu, 'người'],
  [/^hộ(?![\p{L}\d])/iu, 'hộ'],
  [/^lượt(?![\p{L}\d])/iu, 'lượt'],
  [/^doanh nghiệp(?![\p{L}\d])/iu, 'doanh nghiệp'],
  [/^công trình(?![\p{L}\d])/iu, 'công trình'],
  [/^bãi, điểm đỗ xe|^bãi đỗ xe|^điểm đỗ xe/i, 'bãi, điểm đỗ xe'],
  [/^chợ(?![\p{L}\d])/iu, 'chợ'],
  [/^trường(?![\p{L}\d])/iu, 'trường'],
  [/^sản phẩm(?![\p{L}\d])/iu, 'sản phẩm'],
  [/^đảng viên mới(?![\p{L}\d])/iu, 'đảng viên'],
];

const TARGET_MARKERS = /phấn đấu|đến năm \d{4}|hằng năm|hàng năm|nâng tỷ lệ|nâng tỉ lệ|mục tiêu|quyết tâm|đảm bảo|bảo đảm|đạt từ|trở lên|giảm (?:xuống|còn)|không còn|duy trì|giữ vững/i;
const PAST_MARKERS = /nhiệm kỳ qua|sau 5 năm|đã thực hiện|(?<!đến )năm 20\d\d (?:ước )?đạt|ước đạt|giai đoạn 20\d\d ?[-–] ?20\d\d|những năm qua|đã đạt được nhiều/i;
// a word boundary that knows Vietnamese letters ("trong đó," has no \b after "đó")
const END = '(?=$|[^\\p{L}\\d])';
const CONTINUES = new RegExp(`^(?:trong đó|đồng thời|ngoài ra|bên cạnh đó)${END}`, 'iu');
// a paragraph opening on a congress ("Đại hội đại biểu Đảng bộ phường Từ Sơn, tỉnh Bắc Ninh lần thứ I …") names its organisation
const CONGRESS_HEAD = /^(?:đại hội(?: đại biểu| đảng viên)?\s+)?đảng bộ\s+([^.,;:()!?]{2,60}?)(?:\s*,[^.,;:()!?]{1,40}?)?\s+lần thứ\s/iu;

/** splits text into sentences: at line breaks, and at ". " / "! " / "? " followed by a capital */
export function splitSentences(text: string): string[] {
  return text
    .replace(/\r/g, '')
    .split(/\n+/)
    .flatMap((line) => line.split(/(?<=[.!?…])\s+(?=[A-ZĐÀ-Ỹ“"])/u))
    .map((s) => s.replace(/\s+/g, ' ').trim())
    .filter(Boolean);
}

/** the text split where a paragraph opens on the congress of another organisation than the one the current part reports */
function splitSections(text: string): { organisation?: string; text: string }[] {
  const out: { organisation?: string; lines: string[] }[] = [{ lines: [] }];
  for (const line of text.replace(/\r/g, '').split('\n')) {
    const org = CONGRESS_HEAD.exec(line.trim())?.[1].trim();
    const current = out[out.length - 1];
    if (org && current.organisation === undefined) current.organisation = org;
    else if (org && org.toLocaleLowerCase('vi') !== current.organisation!.toLocaleLowerCase('vi')) out.push({ organisation: org, lines: [] });
    out[out.length - 1].lines.push(line);
  }
  return out.map((s) => ({ ...(s.organisation ? { organisation: s.organisation } : {}), text: s.lines.join('\n') }));
}

// ---------- direction ----------

const AT_LEAST = ['không thấp hơn', 'không dưới', 'ít nhất', 'tối thiểu', 'trên', 'hơn', 'vượt'];
const AT_MOST = ['không vượt quá', 'không quá', 'tối đa', 'dưới', 'còn', 'xuống'];
const EXACTLY = ['đúng bằng', 'ổn định ở mức', 'ở mức', 'bằng'];
const REACH = ['đạt', 'lên'];
const lastWord = (words: string[]) => new RegExp(`(?:^|[^\\p{L}\\d])(${words.join('|')})\\s*$`, 'iu');
const QUALIFIER = lastWord([...AT_LEAST, ...AT_MOST, ...EXACTLY, ...REACH]);
// holding a level ("duy trì 100% …", "giữ vững …"): the figure is to stay at it; for a share of 100% the same judgement as at least
const HOLD = /(?:^|[^\p{L}\d])(duy trì|giữ vững|giữ ổn định|giữ nguyên)(?=$|[^\p{L}\d])/iu;

interface Heading {
  direction: Direction;
  qualifier: string | null;
  /** "đạt 80%" with a deadline: reach_by once a starting figure is paired (end of parseSection) */
  reach: boolean;
}

/** the direction a figure's words set; `before`/`after` are its segment of the clause, without the figure */
function headingOf(before: string, after: string, dated: boolean): Heading {
  if (/^\s*trở lên/iu.test(after)) return { direction: 'at_least', qualifier: /(?:^|\s)từ\s*$/iu.test(before) ? 'từ … trở lên' : 'trở lên', reach: false };
  const q = QUALIFIER.exec(before)?.[1].toLocaleLowerCase('vi');
  if (q && AT_LEAST.includes(q)) return { direction: 'at_least', qualifier: q, reach: false };
  if (q && AT_MOST.includes(q)) return { direction: 'at_most', qualifier: q, reach: false };
  if (q && EXACTLY.includes(q)) return { direction: 'exactly', qualifier: q, reach: false };
  const hold = HOLD.exec(before);
  if (hold) return { direction: 'exactly', qualifier: hold[1].toLocaleLowerCase('vi'), reach: false };
  if (q && dated) return { direction: 'at_least', qualifier: q, reach: true };
  return { direction: 'at_least', qualifier: null, reach: false };
}

// ---------- the year a figure is for ----------

interface When {
  year?: number;
  yearly: boolean;
}
const NO_WHEN: When = { yearly: false };
// "năm 2030" but not the span of a plan ("5 năm 2016 – 2020"); "hằng năm", "mỗi năm", "/năm"
const WHEN_MARK = /năm (\d{4})(?!\s*[-–]\s*\d{4})|hằng năm|hàng năm|mỗi năm/giu;
const WHEN_RIGHT_AFTER = /^\s*(?:(?:(?:vào|trong|đến|trước|cuối|hết)\s+)?năm (\d{4})(?!\s*[-–]\s*\d{4})|hằng năm|hàng năm|mỗi năm|\/\s*năm)/iu;
const whenOf = (m: RegExpExecArray): When => (m[1] ? { year: Number(m[1]), yearly: false } : { yearly: true });

/** a marker right after the figure is its own ("5,7% mỗi năm", "80% vào năm 2030"); else the last one before it in the sentence; else the carried one */
function whenAt(sentence: string, start: number, end: number, carried: When): When {
  const own = WHEN_RIGHT_AFTER.exec(sentence.slice(end));
  if (own) return whenOf(own);
  let last: When | null = null;
  for (const m of sentence.slice(0, start).matchAll(WHEN_MARK)) last = whenOf(m);
  return last ?? carried;
}

function whenAtEnd(sentence: string, carried: When): When {
  let last = carried;
  for (const m of sentence.matchAll(WHEN_MARK)) last = whenOf(m);
  return last;
}

// ---------- names ----------

const LEADING = /^(?:phấn đấu|hằng năm|hàng năm|mỗi năm|đồng thời|trong đó có|trong đó|nâng|có|đảm bảo|bảo đảm|duy trì|giữ vững|và|đến năm \d{4})(?=$|[\s,:])/iu;
const TRAILING = new RegExp(
  `(?:^|[\\s,:])(?:${[...AT_LEAST, ...AT_MOST, ...EXACTLY, 'đạt', '(?<!trở )lên', 'là', 'có', 'được', 'chỉ còn', 'từ', 'khoảng', 'ước', 'và', 'trong đó', 'đến năm \\d{4}', 'năm \\d{4}'].join('|')})$`,
  'iu',
);
const clean = (s: string) => {
  let prev = '';
  let out = s.trim();
  while (prev !== out) {
    prev = out;
    out = out.replace(/^[\s,:;.\/…]+|[\s,:;.\/…]+$/g, '').replace(LEADING, '').replace(TRAILING, '').replace(/^trở lên(?=$|[\s,])/iu, '').trim();
  }
  return out;
};
const capitalize = (s: string) => s.charAt(0).toLocaleUpperCase('vi') + s.slice(1);

/** the indicator a number measures: for a share, the words after it ("100% đảng viên …"); otherwise the words before it */
function nameOf(head: string, unit: string, tail: string, first: boolean): string {
  // after an earlier figure of the clause, the indicator starts after the last "," or "và"
  const h = clean(head.split(first ? /:/ : /:|,\s|\svà\s/).pop() ?? '');
  const t = clean(tail);
  let name: string;
  if (unit === '%') name = /tỷ lệ|tỉ lệ/i.test(h) || !t ? h : `Tỷ lệ ${t}`;
  else if (['tỷ đồng', 'triệu đồng', 'nghìn tỷ đồng', 'USD', 'triệu USD', 'ha', 'km', 'km²', 'm²'].includes(unit) || !t) name = h || t;
  else name = `${h} ${unit} ${t}`.trim();
  name = capitalize(name.replace(/\s+/g, ' '));
  return name.length > 160 ? `${name.slice(0, 157)}…` : name;
}

// ---------- parsing ----------

const NUMBER = /(?<![\d/.,\-–])(\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:[.,]\d+)?)(?![\d/])/g;
const COUNTS: [RegExp, keyof DraftCounts][] = [
  [/(\d{1,3})\s+chỉ tiêu(?! kết nạp| Nghị quyết| nghị quyết)/i, 'targets'],
  [/(\d{1,2})\s+(?:khâu\s+)?đột phá/i, 'breakthroughs'],
  [/(\d{1,2})\s+(?:nhiệm vụ trọng tâm|quyết tâm chính trị)/i, 'keyTasks'],
  [/(\d{1,2})\s+nhóm giải pháp/i, 'solutionGroups'],
];

interface Figure {
  at: number;
  end: number;
  unit: string;
  value: number;
}

/** the figures with a unit in a clause: "632 tỷ đồng", "80%", "6,36ha" */
function figuresIn(clause: string): Figure[] {
  const found: Figure[] = [];
  for (const m of clause.matchAll(NUMBER)) {
    const at = m.index!;
    const after = clause.slice(at + m[1].length);
    const afterTrim = after.replace(/^\s+/, '');
    const unit = UNITS.find(([re]) => re.test(afterTrim));
    const value = parseVietnameseNumber(m[1]);
    if (!unit || value === null) continue;
    found.push({ at, end: at + m[1].length + (after.length - afterTrim.length) + unit[0].exec(afterTrim)![0].length, unit: unit[1], value });
  }
  return found;
}

function parseSection(text: string, index: number, organisation: string | undefined): ParsedSection {
  const out: ParsedSection = { ...(organisation ? { organisation } : {}), counts: {}, targets: [], baselines: [] };
  const motto = /phương châm(?: hành động)?\s*[“"]([^”"]{5,120})[”"]/i.exec(text) ?? /tinh thần\s*[“"]([^”"]{5,120})[”"]/i.exec(text);
  if (motto) out.motto = motto[1].replace(/[,.]\s*$/, '').trim();
  for (const [re, key] of COUNTS) {
    const m = re.exec(text);
    if (m) out.counts[key] = Number(m[1]);
  }
  const reaching = new Set<DraftTarget>();
  let previous: { role: DraftRole | null; when: When } = { role: null, when: NO_WHEN };
  const sentences = text.split(/\n+/).flatMap((line) => {
    // a paragraph opening on the past term ("Nhiệm kỳ qua, …") reports results throughout
    const paragraphPast = /^\s*(nhiệm kỳ qua|trong những năm qua)/i.test(line);
    return splitSentences(line).map((sentence) => ({ sentence, paragraphPast }));
  });
  for (const { sentence, paragraphPast } of sentences) {
    // a sentence opening on "Đồng thời", "Trong đó", "Ngoài ra", "Bên cạnh đó" continues the previous one: its role and its year hold unless it names its own
    const continues = CONTINUES.test(sentence);
    const carried = continues ? previous.when : NO_WHEN;
    const past = paragraphPast || PAST_MARKERS.test(sentence);
    const role: DraftRole | null = past ? 'baseline' : TARGET_MARKERS.test(sentence) ? 'target' : continues ? previous.role : null;
    previous = { role, when: whenAtEnd(sentence, carried) };
    if (!role) continue;
    let clauseStart = 0;
    for (const clause of sentence.split(/;/)) {
      const at = (i: number) => clauseStart + i;
      const none = /(?:cơ bản\s+)?không còn (hộ nghèo|hộ cận nghèo)/i.exec(clause);
      if (none) {
        const when = whenAt(sentence, at(none.index), at(none.index + none[0].length), carried);
        const draft: DraftTarget = {
          role,
          name: clause.replace(/^(đến năm \d{4}\s*,?\s*)/i, '').replace(/[.;]+$/, '').trim(),
          value: 0,
          unit: 'hộ',
          direction: 'at_most',
          qualifier: 'không còn',
          ...when,
          sentence,
          offset: at(none.index),
          section: index,
        };
        (role === 'target' ? out.targets : out.baselines).push(draft);
      }
      const found = figuresIn(clause);
      found.forEach((f, i) => {
        const segStart = i > 0 ? found[i - 1].end : 0;
        const segEnd = i + 1 < found.length ? found[i + 1].at : clause.length;
        // "từ 1 đến 2 chợ": the lower bound carries the unit of the upper one
        const lower = /từ\s+(\d+(?:,\d+)?)\s+đến\s*$/i.exec(clause.slice(segStart, f.at));
        const numberStart = lower ? segStart + lower.index : f.at;
        const when = whenAt(sentence, at(numberStart), at(f.end), carried);
        const heading: Heading = lower ? { direction: 'at_least', qualifier: 'từ … đến', reach: false } : headingOf(clause.slice(segStart, numberStart), clause.slice(f.end, segEnd), when.year !== undefined && !when.yearly);
        const draft: DraftTarget = {
          role,
          name: nameOf(clause.slice(segStart, numberStart), f.unit, clause.slice(f.end, segEnd), i === 0),
          value: lower ? parseVietnameseNumber(lower[1])! : f.value,
          ...(lower ? { upper: f.value } : {}),
          unit: f.unit,
          direction: heading.direction,
          qualifier: heading.qualifier,
          ...when,
          sentence,
          offset: at(numberStart),
          section: index,
        };
        if (role === 'target' && heading.reach) reaching.add(draft);
        (role === 'target' ? out.targets : out.baselines).push(draft);
      });
      clauseStart += clause.length + 1;
    }
  }
  for (const t of out.targets) {
    const b = bestBaseline(t, out.baselines);
    if (b) t.baseline = { value: b.value, unit: b.unit, ...(b.year ? { year: b.year } : {}) };
    // "đạt 80%" by a year moves from a starting figure to it (reach_by); with no starting figure in the text it stays at least,
    // which judges a rising target alike, since a reach_by target needs a baseline (validateTarget)
    if (reaching.has(t) && t.baseline) t.direction = 'reach_by';
  }
  return out;
}

const isEmpty = (s: ParsedSection) => !s.targets.length && !s.baselines.length && !s.motto && !Object.keys(s.counts).length;

export function parseResolutionText(input: unknown): ParsedResolution {
  const text = typeof input === 'string' ? input.slice(0, 200_000) : '';
  const sections: ParsedSection[] = [];
  for (const part of splitSections(text)) {
    const s = parseSection(part.text, sections.length, part.organisation);
    // a congress merely mentioned (the higher one, a caption) holds nothing of its own: it does not make a section
    if (!sections.length || !isEmpty(s)) sections.push(s);
  }
  const first = sections[0];
  return {
    targets: sections.flatMap((s) => s.targets),
    baselines: sections.flatMap((s) => s.baselines),
    counts: first.counts,
    ...(first.motto ? { motto: first.motto } : {}),
    sections,
  };
}

const STOP = new Set(['tỷ', 'tỉ', 'lệ', 'và', 'các', 'được', 'đạt', 'năm', 'trên', 'địa', 'bàn', 'của', 'có', 'là', 'tổng']);
const words = (s: string) => new Set(s.toLowerCase().split(/[^\p{L}\d]+/u).filter((w) => w.length > 1 && !STOP.has(w)));

/** the baseline of the same unit whose name shares the most words (at least three) with the target's */
function bestBaseline(t: DraftTarget, baselines: DraftTarget[]): DraftTarget | undefined {
  const tw = words(t.name);
  let best: DraftTarget | undefined;
  let score = 2;
  for (const b of baselines) {
    if (b.unit !== t.unit) continue;
    const s = [...words(b.name)].filter((w) => tw.has(w)).length;
    if (s > score) {
      score = s;
      best = b;
    }
  }
  return best;
}
