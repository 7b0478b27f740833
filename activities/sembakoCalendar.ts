// The kabupaten's distribution calendar (docs/sembako.md §3): which entries are due, and opening
// an entry's periods for every kecamatan of the kabupaten that has a TKSK or a KPM register, as the
// system. Each kecamatan's period is a sembakoPeriodWorkflow started once (its id is the period's:
// a second start, or one opened by hand before, is "existing", never an error); the entry records
// that it ran, with one audit row.
import { ApplicationFailure, type Client } from '@temporalio/client';
import type { Sql } from '../db';
import { appendActorEvent } from '../db/audit';
import { wibDate } from '../domain/calendar';
import { KPM_CHECK_PROBLEMS, sembakoPeriodIdOf, type DistributionPoint, type KpmRegisterCounts, type SembakoPeriodInput } from '../domain/sembako';
import { SA } from '../workflows/definitions';

export interface DueCalendarEntry {
  entryId: string;
  period: string;
  plannedStart: string;
  /** The WIB day the periods open. */
  opensOn: string;
}

export interface CalendarOpenResult {
  opened: string[];
  existing: string[];
  skipped: { kecamatanCode: string; reason: 'no_distribution_points' }[];
}

export function sembakoCalendarActivities(sql: Sql, temporal: Client) {
  return {
    /** The register of a kecamatan, counted for its period's KPM list check. */
    async sembakoKpmRegisterCounts(a: { kecamatanCode: string }): Promise<KpmRegisterCounts> {
      const rows = await sql<{ status: string; statusReason: string | null; n: number }[]>`
        SELECT status, status_reason, count(*)::int AS n FROM sembako_kpm WHERE kecamatan_code = ${a.kecamatanCode} GROUP BY status, status_reason`;
      const inactive = Object.fromEntries(KPM_CHECK_PROBLEMS.map((r) => [r, 0])) as KpmRegisterCounts['inactive'];
      let active = 0;
      for (const r of rows) {
        // The driver camel-cases the reason's column name, not its value: tidak_layak → tidakLayak here.
        const reason = (r.statusReason ?? '').replace(/_(\w)/g, (_m, c: string) => c.toUpperCase()) as keyof typeof inactive;
        if (r.status === 'aktif') active += r.n;
        else if (reason in inactive) inactive[reason] += r.n;
      }
      return { active, inactive };
    },

    /** Entries of the kabupaten not opened yet whose opening day (leadWorkingDays before the planned start, WIB) has come. */
    async dueSembakoCalendarEntries(a: { kabupatenCode: string }): Promise<DueCalendarEntry[]> {
      const rows = await sql<DueCalendarEntry[]>`
        SELECT id AS entry_id, period, to_char(planned_start, 'YYYY-MM-DD') AS planned_start, to_char(opens_on, 'YYYY-MM-DD') AS opens_on
        FROM sembako_calendar
        WHERE kabupaten_code = ${a.kabupatenCode} AND opened_at IS NULL AND opens_on <= ${wibDate(new Date())}::date
        ORDER BY opens_on, period`;
      return [...rows];
    },

    /**
     * Opens the entry's period in every kecamatan of the kabupaten with an active TKSK or KPM in the
     * register. The distribution points are those of the kecamatan's latest period (there is no
     * e-warong register yet): a kecamatan never opened by hand is skipped and named in the result.
     */
    async openSembakoCalendarEntry(a: { entryId: string }): Promise<CalendarOpenResult> {
      const [entry] = await sql<
        { id: string; kabupatenCode: string; provinsiCode: string; period: string; openedAt: Date | null; openResult: CalendarOpenResult | null }[]
      >`
        SELECT id, kabupaten_code, provinsi_code, period, opened_at, open_result FROM sembako_calendar WHERE id = ${a.entryId}`;
      if (!entry) throw ApplicationFailure.nonRetryable(`no calendar entry ${a.entryId}`, 'NoCalendarEntry');
      if (entry.openedAt && entry.openResult) return entry.openResult;
      const kecamatan = await sql<{ code: string; points: DistributionPoint[] | null }[]>`
        SELECT r.code,
               (SELECT p.points FROM sembako_periods p WHERE p.kecamatan_code = r.code ORDER BY p.created_at DESC, p.id DESC LIMIT 1) AS points
        FROM regions r
        WHERE r.level = 'kecamatan' AND r.parent_code = ${entry.kabupatenCode}
          AND (EXISTS (SELECT 1 FROM users u WHERE u.role = 'tksk' AND NOT u.disabled AND u.region_code = r.code)
               OR EXISTS (SELECT 1 FROM sembako_kpm k WHERE k.kecamatan_code = r.code AND k.status = 'aktif'))
        ORDER BY r.code`;
      const result: CalendarOpenResult = { opened: [], existing: [], skipped: [] };
      for (const k of kecamatan) {
        if (!k.points?.length) {
          result.skipped.push({ kecamatanCode: k.code, reason: 'no_distribution_points' });
          continue;
        }
        const periodId = sembakoPeriodIdOf(k.code, entry.period);
        // Opened by hand already (its workflow may be long gone from Temporal's retention).
        const [row] = await sql`SELECT 1 FROM sembako_periods WHERE id = ${periodId}`;
        if (row) {
          result.existing.push(k.code);
          continue;
        }
        const input: SembakoPeriodInput = {
          periodId,
          period: entry.period,
          regions: { provinsi: entry.provinsiCode, kabupaten: entry.kabupatenCode, kecamatan: k.code },
          distributionPoints: k.points,
          openedBy: null,
          openedAt: new Date().toISOString(),
          calendarEntryId: entry.id,
        };
        try {
          // Sealed as the system by the worker client's interceptor (infra/sealKeys.ts).
          await temporal.workflow.start('sembakoPeriodWorkflow', {
            workflowId: periodId,
            taskQueue: process.env.TEMPORAL_TASK_QUEUE ?? 'kesos-flow',
            args: [input],
            workflowIdReusePolicy: 'REJECT_DUPLICATE',
            typedSearchAttributes: [
              { key: SA.kecamatanCode, value: k.code },
              { key: SA.kabupatenCode, value: entry.kabupatenCode },
            ],
          });
          result.opened.push(k.code);
        } catch (err) {
          if ((err as Error).name === 'WorkflowExecutionAlreadyStartedError') result.existing.push(k.code);
          else throw err;
        }
      }
      await sql.begin(async (tx) => {
        const [marked] = await tx`
          UPDATE sembako_calendar SET opened_at = now(), open_result = ${tx.json(result as never)} WHERE id = ${entry.id} AND opened_at IS NULL RETURNING id`;
        if (!marked) return;
        await appendActorEvent(tx, {
          eventKey: `sembako_calendar:${entry.id}:opened`,
          at: new Date().toISOString(),
          actor: null,
          action: 'sembako_calendar.opened',
          entityType: 'sembako_calendar',
          entityId: entry.id,
          caseId: null,
          details: { kabupatenCode: entry.kabupatenCode, period: entry.period, ...result },
        });
      });
      return result;
    },
  };
}
