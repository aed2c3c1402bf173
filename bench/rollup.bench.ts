// Issue #5: a province with 100 wards, each with 20 targets (shared indicator codes), 200 action-programme tasks and
// 5 years of quarterly figures (20 periods). Timed through the real routes on a fresh database of each engine:
// the province roll-up dashboard (limit 300 ms) and the figure entry of one ward's 20 targets for a period (limit 100 ms).
import { startTestApp, type TestApp } from '../src/server/test-app.js';
import type { Engine } from '../src/db/database.js';
import { insertResolution, type TargetInput } from '../src/modules/resolutions/resolutions.store.js';
import { periodEnd } from '../src/modules/resolutions/resolutions.rules.js';
import type { Benchmark } from './lib/registry.js';
import type { BenchRun } from './lib/results.js';
import { describeMachine } from './lib/machine.js';
import { engineVersion } from './lib/engines.js';
import { createRandom } from './lib/prng.js';
import { fmtMs, log, percentile, round, timeOnce } from './lib/stats.js';

export const TODAY_FOR_BENCH = '2030-02-15';
export const LIMITS = { rollup_ms: 300, figure_entry_ms: 100 } as const;
const SEED = 20_250_726;
const TODAY = '2030-02-15';
const PERIODS = [2025, 2026, 2027, 2028, 2029].flatMap((y) => [1, 2, 3, 4].map((q) => `${y}-Q${q}`));

interface Scale {
  wards: number;
  targets: number;
  tasks: number;
  reps: number;
}
export const FULL: Scale = { wards: 100, targets: 20, tasks: 200, reps: 60 };
const QUICK: Scale = { wards: 10, targets: 20, tasks: 200, reps: 15 };

export async function load(t: TestApp, scale: Scale) {
  const admin = await t.login('bench');
  const found = async (name: string, kind: string, parentId: number | null) => {
    const r = await t.call(admin, 'POST', '/api/orgs', { name, kind, parentId, effectiveOn: '2025-07-01' });
    if (r.statusCode !== 201) throw new Error(r.body);
    return r.json().id as number;
  };
  const province = await found('Đảng bộ tỉnh Thử nghiệm', 'province', null);
  const random = createRandom(SEED);
  const db = t.database.db;
  const now = '2025-08-01T00:00:00.000Z';
  const wards: { id: number; targetIds: number[] }[] = [];
  for (let w = 0; w < scale.wards; w++) {
    const wardId = await found(`Đảng bộ phường Số ${w + 1}`, 'commune', province);
    const targets: TargetInput[] = Array.from({ length: scale.targets }, (_, i) => {
      const percent = i % 2 === 0;
      const baseline = percent ? 30 + random.int(0, 40) : 100 + random.int(0, 900);
      return {
        name: `Chỉ tiêu ${i + 1}`,
        unit: percent ? '%' : 'tỷ đồng',
        direction: 'reach_by',
        area: 'economy',
        indicatorCode: `CT${String(i + 1).padStart(2, '0')}`,
        aggregation: percent ? 'share_meeting' : 'sum',
        baselineValue: baseline,
        baselineDate: '2024-12-31',
        targetValue: percent ? Math.min(100, baseline + 30) : baseline * 1.5,
        deadline: '2030-12-31',
      };
    });
    await db.transaction().execute(async (trx) => {
      const resolutionId = await insertResolution(trx, wardId, { kind: 'congress', title: `Nghị quyết Đại hội phường Số ${w + 1}`, adoptedOn: '2025-07-20', termStart: 2025, termEnd: 2030 }, targets, [], now);
      const rows = await trx.selectFrom('resolution_targets').select(['id', 'baseline_value', 'target_value']).where('resolution_id', '=', resolutionId).orderBy('position').execute();
      wards.push({ id: wardId, targetIds: rows.map((r) => r.id) });
      const tasks = Array.from({ length: scale.tasks }, (_, k) => {
        const due = `${2025 + random.int(0, 5)}-${String(1 + random.int(0, 11)).padStart(2, '0')}-28`;
        return {
          resolution_id: resolutionId,
          target_id: rows[k % rows.length].id,
          element_id: null,
          title: `Nhiệm vụ ${k + 1}`,
          owner_org_id: wardId,
          responsible_person: 'Đồng chí phụ trách',
          expected_result: 'Hoàn thành',
          start_on: '2025-08-01',
          due_on: due,
          status: due < TODAY ? (random.int(0, 3) === 0 ? 'in_progress' : 'done') : 'not_started',
          evidence: null,
          created_at: now,
          updated_at: now,
        };
      });
      for (let i = 0; i < tasks.length; i += 100) await trx.insertInto('resolution_tasks').values(tasks.slice(i, i + 100)).execute();
      const figures = rows.flatMap((r, ti) =>
        PERIODS.map((period, pi) => ({
          target_id: r.id,
          period,
          as_of: periodEnd(period),
          value: round(Number(r.baseline_value) + ((Number(r.target_value) - Number(r.baseline_value)) * (pi + 1) * (0.7 + random.int(0, 60) / 100)) / PERIODS.length, 2),
          source: 'Báo cáo định kỳ',
          current: 1,
          replaces_id: null,
          reason: null,
          entered_by: null,
          entered_by_name: 'bench',
          entered_at: now,
          _ti: ti,
        })),
      );
      for (let i = 0; i < figures.length; i += 100) await trx.insertInto('target_figures').values(figures.slice(i, i + 100).map(({ _ti, ...f }) => f)).execute();
      for (const r of rows) {
        const last = figures.filter((f) => f.target_id === r.id).at(-1)!;
        await trx.updateTable('resolution_targets').set({ latest_period: last.period, latest_as_of: last.as_of, latest_value: last.value }).where('id', '=', r.id).execute();
      }
    });
  }
  return { admin, province, wards };
}

async function runEngine(engine: Engine, scale: Scale, quick: boolean): Promise<BenchRun[]> {
  const t = await startTestApp(engine, { today: TODAY });
  try {
    await t.addUser('bench', [{ role: 'admin', orgId: null }]);
    const { ms: loadMs, value: data } = await timeOnce(() => load(t, scale));
    log(`${engine}: loaded ${scale.wards} wards × ${scale.targets} targets × ${scale.tasks} tasks × ${PERIODS.length} periods in ${(loadMs / 1000).toFixed(1)} s`);

    const rollup = async () => {
      const r = await t.call(data.admin, 'GET', `/api/orgs/${data.province}/resolution-rollup`);
      if (r.statusCode !== 200) throw new Error(r.body);
      return r.body.length;
    };
    for (let i = 0; i < 3; i++) await rollup();
    const rollupMs: number[] = [];
    let bytes = 0;
    for (let i = 0; i < scale.reps; i++) {
      const { ms, value } = await timeOnce(rollup);
      rollupMs.push(ms);
      bytes = value;
    }

    // one ward saves its 20 figures for a new period (first entry), then corrects them (with a reason)
    const entry = async (ward: { id: number; targetIds: number[] }, period: string, correction: boolean) => {
      const r = await t.call(data.admin, 'POST', `/api/orgs/${ward.id}/figures`, {
        period,
        figures: ward.targetIds.map((id, i) => ({ targetId: id, value: 50 + i, source: 'Báo cáo quý', ...(correction ? { reason: 'Số liệu chính thức' } : {}) })),
      });
      if (r.statusCode !== 200) throw new Error(r.body);
    };
    await entry(data.wards[0], '2030-Q1', false);
    const entryMs: number[] = [];
    for (let i = 0; i < scale.reps; i++) {
      const ward = data.wards[(i + 1) % data.wards.length];
      const correction = i + 1 >= data.wards.length;
      entryMs.push((await timeOnce(() => entry(ward, '2030-Q1', correction))).ms);
    }

    const machine = { ...describeMachine(), engine_version: await engineVersion(t.database) };
    const date = new Date().toISOString();
    const sorted = (xs: number[]) => [...xs].sort((a, b) => a - b);
    const metrics = (xs: number[], limit: number, extra: Record<string, unknown>) => ({
      p50_ms: round(percentile(sorted(xs), 50)),
      p99_ms: round(percentile(sorted(xs), 99)),
      max_ms: round(Math.max(...xs)),
      reps: xs.length,
      limit_ms: limit,
      within_limit: percentile(sorted(xs), 99) < limit,
      scale: { ...scale, periods: PERIODS.length, quick },
      ...extra,
    });
    const runs: BenchRun[] = [
      { name: 'rollup', engine, machine, date, metrics: metrics(rollupMs, LIMITS.rollup_ms, { what: 'GET /api/orgs/:province/resolution-rollup', response_bytes: bytes, load_s: round(loadMs / 1000, 1) }) },
      { name: 'figure_entry', engine, machine, date, metrics: metrics(entryMs, LIMITS.figure_entry_ms, { what: 'POST /api/orgs/:ward/figures (20 targets, one period)' }) },
    ];
    for (const r of runs) log(`${engine} ${r.name}: p50 ${fmtMs(r.metrics.p50_ms as number)} ms, p99 ${fmtMs(r.metrics.p99_ms as number)} ms (limit ${r.metrics.limit_ms} ms)`);
    return runs;
  } finally {
    await t.close();
  }
}

export const benchmark: Benchmark = {
  name: 'rollup',
  description: 'resolution follow-up: province roll-up over 100 wards × 20 targets × 200 tasks × 20 quarterly periods, and one ward’s figure entry',
  async run(ctx) {
    const runs: BenchRun[] = [];
    for (const engine of ctx.engines) {
      for (const run of await runEngine(engine, ctx.quick ? QUICK : FULL, ctx.quick)) {
        ctx.record(run);
        runs.push(run);
      }
    }
    return runs;
  },
  report(runs) {
    const out = ['## Resolution follow-up (issue #5)', '', '| Engine | Measure | p50 | p99 | Limit |', '|---|---|---|---|---|'];
    for (const engine of ['sqlite', 'postgres'] as const) {
      for (const name of ['rollup', 'figure_entry']) {
        const r = [...runs].reverse().find((x) => x.engine === engine && x.name === name);
        if (!r) continue;
        const label = name === 'rollup' ? 'Province roll-up (100 wards × 20 targets)' : 'Figure entry, one ward, 20 targets';
        out.push(`| ${engine} | ${label} | ${fmtMs(r.metrics.p50_ms as number)} ms | ${fmtMs(r.metrics.p99_ms as number)} ms | < ${r.metrics.limit_ms} ms |`);
      }
    }
    const any = runs.at(-1);
    if (any) out.push('', `Measured ${any.date.slice(0, 10)} on ${any.machine.cpus} × ${any.machine.cpu_model}, ${any.machine.ram_gb} GB, ${any.machine.os}, Node ${any.machine.node}; 1-minute load average at the start: ${any.machine.loadavg_start[0]} (anything above 0 is other work on the same two cores).`);
    return out.join('\n');
  },
};
