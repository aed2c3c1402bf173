// What the resolution pages share beyond the API shapes: a target's default aggregation, element lines, a task's link.
import type { TFunction } from 'i18next';
import { ELEMENT_KINDS, type ResolutionDetail, type Task } from './types';

/** the server's rule for a target that names no aggregation (src/modules/resolutions/resolutions.rules.ts) */
export { defaultAggregation } from '../../../../src/modules/resolutions/resolutions.rules';

// "1. ", "(2) ", "3) ", "a) ", "- ", "• " at the start of a pasted line
const LEADING_MARK = /^(?:[-–—•+*]|\(?\d{1,2}[.)]|\(\d{1,2}\)|[a-zđ]\))\s+/iu;

/** one element per non-empty line, its leading number or bullet dropped: the server numbers elements by position */
export function elementTitles(text: string): string[] {
  return text
    .split('\n')
    .map((line) => line.trim().replace(LEADING_MARK, '').trim())
    .filter(Boolean);
}

/** a task is linked to a target or to an element (breakthrough, key task, solution group); one select holds both as "target:ID" / "element:ID" */
export interface TaskLink {
  targetId: number | null;
  elementId: number | null;
}
export const linkValue = (l: TaskLink): string | null => (l.targetId ? `target:${l.targetId}` : l.elementId ? `element:${l.elementId}` : null);
export function linkFromValue(v: string | null): TaskLink {
  const [kind, id] = (v ?? '').split(':');
  return { targetId: kind === 'target' ? Number(id) : null, elementId: kind === 'element' ? Number(id) : null };
}

type Linkable = Pick<ResolutionDetail, 'targets' | 'elements'>;

/** "Chỉ tiêu 3: …", "Nhiệm vụ trọng tâm 1: …": the same words in the link select and in the task list (`t` of the RES_NS namespace) */
export function linkLabels(r: Linkable, t: TFunction<'resolutions'>) {
  const targetLabel = (x: Linkable['targets'][number]) => t('elements.label.target', { n: x.position, name: x.name });
  const elementLabel = (e: Linkable['elements'][number]) => t('elements.label.element', { kind: t(`elements.kind.${e.kind}`), n: e.position, name: e.title });
  return {
    /** the select's options, grouped: targets, then each kind of element */
    options: [
      { group: t('link.targets'), items: r.targets.map((x) => ({ value: `target:${x.id}`, label: targetLabel(x) })) },
      ...ELEMENT_KINDS.map((k) => ({ group: t(`elements.kind.${k}`), items: r.elements.filter((e) => e.kind === k).map((e) => ({ value: `element:${e.id}`, label: elementLabel(e) })) })),
    ].filter((g) => g.items.length > 0),
    /** what a task in the list is linked to ("Gắn với …"), or null */
    ofTask: (task: Pick<Task, 'targetId' | 'elementId'>): string | null => {
      const linkedTarget = r.targets.find((x) => x.id === task.targetId);
      const linkedElement = r.elements.find((e) => e.id === task.elementId);
      const labels = [linkedTarget && targetLabel(linkedTarget), linkedElement && elementLabel(linkedElement)].filter((s): s is string => !!s);
      return labels.length ? t('link.inList', { label: labels.join('; ') }) : null;
    },
  };
}

/** a reporting period as the pages write it: "2026" → "Năm 2026", "2026-Q3" → "Quý 3 năm 2026" */
export const periodName = (t: TFunction, period: string): string =>
  period.includes('Q') ? t('resolutions.figures.quarter', { q: period.slice(6), y: period.slice(0, 4) }) : t('resolutions.figures.year', { y: period });
