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
  /** the words that set the direction: "trên", "ít nhất", "từ … trở lên", "không còn" … */
  qualifier: string | null;
  /** the year the figure is for ("đến năm 2030", "năm 2025"); absent for yearly targets ("hằng năm") */
  year?: number;
  yearly: boolean;
  /** the whole sentence it was found in */
  sentence: string;
  /** where the figure starts in the sentence */
  offset: number;
  /** a baseline found in the same text for the same indicator */
  baseline?: { value: number; unit: string; year?: number };
}

export interface ParsedResolution {
  targets: DraftTarget[];
  baselines: DraftTarget[];
  /** "20 chỉ tiêu", "4 khâu đột phá", "3 nhiệm vụ trọng tâm", "7 nhóm giải pháp" */
  counts: { targets?: number; breakthroughs?: number; keyTasks?: number; solutionGroups?: number };
  /** the motto in quotation marks after "phương châm" or "tinh thần" */
  motto?: string;
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

const TARGET_MARKERS = /phấn đấu|đến năm \d{4}|hằng năm|hàng năm|nâng tỷ lệ|nâng tỉ lệ|mục tiêu|quyết tâm|đảm bảo|bảo đảm|đạt từ|trở lên|giảm (?:xuống|còn)|không còn/i;
const PAST_MARKERS = /nhiệm kỳ qua|sau 5 năm|đã thực hiện|(?<!đến )năm 20\d\d (?:ước )?đạt|ước đạt|giai đoạn 20\d\d ?[-–] ?20\d\d|những năm qua|đã đạt được nhiều/i;
const INHERIT = /^(trong đó|đồng thời|ngoài ra|bên cạnh đó)\b/i;

/** splits text into sentences: at line breaks, and at ". " / "! " / "? " followed by a capital */
export function splitSentences(text: string): string[] {
  return text
    .replace(/\r/g, '')
    .split(/\n+/)
    .flatMap((line) => line.split(/(?<=[.!?…])\s+(?=[A-ZĐÀ-Ỹ“"])/u))
    .map((s) => s.replace(/\s+/g, ' ').trim())
    .filter(Boolean);
}

function qualifierBefore(before: string, after: string): { direction: Direction; qualifier: string | null } {
  const b = before.toLowerCase();
  const a = after.toLowerCase();
  if (/^\s*trở lên/.test(a) || /(?:^|\s)từ\s*$/.test(b) && /^\s*trở lên/.test(a)) return { direction: 'at_least', qualifier: 'từ … trở lên' };
  const m = /(trên|hơn|ít nhất|tối thiểu|không dưới|không thấp hơn|dưới|không quá|tối đa|không vượt quá|còn|xuống)\s*$/.exec(b);
  if (!m) return { direction: 'at_least', qualifier: null };
  const q = m[1];
  return { direction: ['dưới', 'không quá', 'tối đa', 'không vượt quá', 'còn', 'xuống'].includes(q) ? 'at_most' : 'at_least', qualifier: q };
}

const LEADING = /^(?:phấn đấu|hằng năm|hàng năm|mỗi năm|đồng thời|trong đó có|trong đó|nâng|có|đảm bảo|bảo đảm|và|đến năm \d{4})(?=$|[\s,:])/iu;
const TRAILING = /(?:^|[\s,:])(?:đạt|là|có|được|chỉ còn|còn|từ|trên|hơn|ít nhất|tối thiểu|khoảng|ước|và|trong đó|đến năm \d{4}|năm \d{4})$/iu;
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

const NUMBER = /(?<![\d/.,\-–])(\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:[.,]\d+)?)(?![\d/])/g;

export function parseResolutionText(input: unknown): ParsedResolution {
  const text = typeof input === 'string' ? input.slice(0, 200_000) : '';
  const out: ParsedResolution = { targets: [], baselines: [], counts: {} };
  const motto = /(?:phương châm(?: hành động)?|tinh thần)\s*[“"]([^”"]{5,120})[”"]/i.exec(text);
  if (motto) out.motto = motto[1].replace(/[,.]\s*$/, '').trim();
  const counts: [RegExp, keyof ParsedResolution['counts']][] = [
    [/(\d{1,3})\s+chỉ tiêu(?! kết nạp| Nghị quyết| nghị quyết)/i, 'targets'],
    [/(\d{1,2})\s+(?:khâu\s+)?đột phá/i, 'breakthroughs'],
    [/(\d{1,2})\s+(?:nhiệm vụ trọng tâm|quyết tâm chính trị)/i, 'keyTasks'],
    [/(\d{1,2})\s+nhóm giải pháp/i, 'solutionGroups'],
  ];
  for (const [re, key] of counts) {
    const m = re.exec(text);
    if (m) out.counts[key] = Number(m[1]);
  }

  let previousRole: DraftRole | null = null;
  const sentences = text.split(/\n+/).flatMap((line) => {
    // a paragraph opening on the past term ("Nhiệm kỳ qua, …") reports results throughout
    const paragraphPast = /^\s*(nhiệm kỳ qua|trong những năm qua)/i.test(line);
    return splitSentences(line).map((sentence) => ({ sentence, paragraphPast }));
  });
  for (const { sentence, paragraphPast } of sentences) {
    const past = paragraphPast || PAST_MARKERS.test(sentence);
    const future = TARGET_MARKERS.test(sentence);
    const role: DraftRole | null = past ? 'baseline' : future ? 'target' : INHERIT.test(sentence) ? previousRole : null;
    previousRole = role;
    if (!role) continue;
    let year: number | undefined;
    let yearly = false;
    let clauseAt = 0;
    for (const clause of sentence.split(/;/)) {
      const clauseStart = clauseAt;
      clauseAt += clause.length + 1;
      // a year named in a clause holds for the following clauses of the sentence, until "hằng năm" resets it
      const y = /(?:đến|trước|vào|trong) năm (\d{4})|năm (\d{4})/i.exec(clause);
      if (y) year = Number(y[1] ?? y[2]);
      if (/hằng năm|hàng năm|mỗi năm/i.test(clause)) {
        yearly = true;
        if (!y) year = undefined;
      } else if (y) yearly = false;
      const none = /(?:cơ bản\s+)?không còn (hộ nghèo|hộ cận nghèo)/i.exec(clause);
      if (none) {
        out.targets.push({ role, name: clause.replace(/^(đến năm \d{4}\s*,?\s*)/i, '').replace(/[.;]+$/, '').trim(), value: 0, unit: 'hộ', direction: 'at_most', qualifier: 'không còn', yearly, sentence, offset: clauseStart + none.index, ...(year ? { year } : {}) });
      }
      const found: { at: number; end: number; raw: string; unit: string; value: number }[] = [];
      for (const m of clause.matchAll(NUMBER)) {
        const raw = m[1];
        const at = m.index!;
        const after = clause.slice(at + raw.length);
        const afterTrim = after.replace(/^\s+/, '');
        const unit = UNITS.find(([re]) => re.test(afterTrim))?.[1];
        const value = parseVietnameseNumber(raw);
        if (!unit || value === null) continue;
        const unitText = UNITS.find(([re]) => re.test(afterTrim))![0].exec(afterTrim)![0];
        found.push({ at, end: at + raw.length + (after.length - afterTrim.length) + unitText.length, raw, unit, value });
      }
      found.forEach((f, i) => {
        const { at, unit, value } = f;
        const segStart = i > 0 ? found[i - 1].end : 0;
        const segEnd = i + 1 < found.length ? found[i + 1].at : clause.length;
        // "từ 1 đến 2 chợ": the lower bound carries the unit of the upper one
        const lower = /từ\s+(\d+(?:,\d+)?)\s+đến\s*$/i.exec(clause.slice(segStart, at));
        const numberStart = lower ? segStart + lower.index : at;
        const q = qualifierBefore(clause.slice(segStart, numberStart), clause.slice(f.end, segEnd));
        const draft: DraftTarget = {
          role,
          name: nameOf(clause.slice(segStart, numberStart), unit, clause.slice(f.end, segEnd), i === 0),
          value: lower ? parseVietnameseNumber(lower[1])! : value,
          ...(lower ? { upper: value } : {}),
          unit,
          direction: lower ? 'at_least' : q.direction,
          qualifier: lower ? 'từ … đến' : q.qualifier,
          yearly,
          sentence,
          offset: clauseStart + numberStart,
          ...(year ? { year } : {}),
        };
        (role === 'target' ? out.targets : out.baselines).push(draft);
      });
    }
  }
  for (const t of out.targets) {
    const b = bestBaseline(t, out.baselines);
    if (b) t.baseline = { value: b.value, unit: b.unit, ...(b.year ? { year: b.year } : {}) };
  }
  return out;
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
