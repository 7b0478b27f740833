// The kabupaten's Sembako distribution calendar (docs/sembako.md §3, decision 0021): a kabupaten
// supervisor records each period's planned distribution start; the kabupaten's Temporal Schedule
// (infra/sembakoCalendarSchedule.ts, created here with the first entry) opens every kecamatan's
// period leadWorkingDays working days before it. Entries are listed within one's region (a TKSK
// sees their kabupaten's); an entry not opened yet may be deleted.
import { randomUUID } from 'node:crypto';
import { Router } from 'express';
import type { Client } from '@temporalio/client';
import type { Sql } from '../../db';
import { inRegion } from '../../db/regionScope';
import { authorize } from '../../domain/access';
import { subtractWorkingDays, wibDate } from '../../domain/calendar';
import { regionChain, regionLevel } from '../../domain/regions';
import type { Actor } from '../../domain/roles';
import { sembakoCalendarScheduleIdOf } from '../../domain/sembako';
import { ensureSembakoCalendarSchedule } from '../../infra/sembakoCalendarSchedule';
import { actorOf, authorizedActor, parseInput } from '../http';
import { listRoute, tableList } from '../list';
import { bodyIssues, HttpProblem, validationProblem } from '../problem';
import { appendRequestEvent } from '../requestAudit';
import {
  sembakoCalendarBodySchema,
  sembakoCalendarIdParamsSchema,
  sembakoCalendarListQuerySchema,
  type SembakoCalendarListFilter,
  type SembakoCalendarSortField,
} from './calendarSchema';

interface CalendarRow {
  id: string;
  kabupatenCode: string;
  kabupatenName: string | null;
  period: string;
  plannedStart: string;
  channel: 'kks' | 'pos' | null;
  leadWorkingDays: number;
  opensOn: string;
  note: string | null;
  createdBy: string;
  createdAt: Date;
  openedAt: Date | null;
  openResult: { opened: string[]; existing: string[]; skipped: { kecamatanCode: string; reason: string }[] } | null;
}

const present = (r: CalendarRow) => ({
  id: r.id,
  kabupatenCode: r.kabupatenCode,
  kabupatenName: r.kabupatenName,
  period: r.period,
  plannedStart: r.plannedStart,
  channel: r.channel,
  leadWorkingDays: r.leadWorkingDays,
  opensOn: r.opensOn,
  note: r.note,
  createdBy: r.createdBy,
  createdAt: r.createdAt.toISOString(),
  openedAt: r.openedAt?.toISOString() ?? null,
  openResult: r.openResult,
  scheduleId: sembakoCalendarScheduleIdOf(r.kabupatenCode),
});

const REGION_COLUMNS = { provinsi: 'c.provinsi_code', kabupaten: 'c.kabupaten_code' } as const;
/** A TKSK's (kecamatan) scope reads their kabupaten's calendar: the calendar is the kabupaten's. */
const calendarScope = (actor: Actor): string | null => {
  const level = actor.regionCode ? regionLevel(actor.regionCode) : null;
  return level === 'kecamatan' || level === 'desa' ? (regionChain(actor.regionCode!).kabupaten ?? actor.regionCode) : actor.regionCode;
};
const select = (sql: Sql) => sql`
  c.id, c.kabupaten_code, rk.name AS kabupaten_name, c.period, to_char(c.planned_start, 'YYYY-MM-DD') AS planned_start, c.channel,
  c.lead_working_days, to_char(c.opens_on, 'YYYY-MM-DD') AS opens_on, c.note, c.created_by, c.created_at, c.opened_at, c.open_result`;
const from = (sql: Sql) => sql`sembako_calendar c LEFT JOIN regions rk ON rk.code = c.kabupaten_code`;
const fieldProblem = (path: (string | number)[], message: string) => validationProblem(bodyIssues([{ path, message, code: 'custom' }]));
/** Noon WIB of a day: far from both midnights, so working-day steps land on the intended date. */
const noonWib = (day: string) => new Date(`${day}T05:00:00.000Z`);

export function sembakoCalendarRoutes(sql: Sql, temporal: Client, taskQueue: string, opts: { schedulesPaused: boolean }): Router {
  const router = Router();

  router.post('/sembako/calendar', async (req, res) => {
    const actor = authorizedActor(res, 'sembako.calendar_manage');
    const body = parseInput('body', sembakoCalendarBodySchema, req.body);
    const kabupatenCode = body.kabupatenCode ?? (actor.regionCode && regionLevel(actor.regionCode) === 'kabupaten' ? actor.regionCode : undefined);
    if (!kabupatenCode) throw fieldProblem(['kabupatenCode'], 'name the kabupaten of the calendar');
    const [kabupaten] = await sql<{ parentCode: string }[]>`SELECT parent_code FROM regions WHERE code = ${kabupatenCode} AND level = 'kabupaten'`;
    if (!kabupaten) throw fieldProblem(['kabupatenCode'], `unknown kabupaten ${kabupatenCode}`);
    authorize(actor, 'sembako.calendar_manage', kabupatenCode);
    const today = wibDate(new Date());
    if (body.plannedStart < today) throw fieldProblem(['plannedStart'], `the distribution must start today (${today}) or later`);
    const holidays = await sql<{ day: string }[]>`SELECT to_char(day, 'YYYY-MM-DD') AS day FROM holidays WHERE day <= ${body.plannedStart}::date`;
    const opensOn = wibDate(subtractWorkingDays(noonWib(body.plannedStart), body.leadWorkingDays, new Set(holidays.map((h) => h.day))));
    const id = randomUUID();
    const inserted = await sql.begin(async (tx) => {
      const rows = await tx`
        INSERT INTO sembako_calendar (id, kabupaten_code, provinsi_code, period, planned_start, channel, lead_working_days, opens_on, note, created_by)
        VALUES (${id}, ${kabupatenCode}, ${kabupaten.parentCode}, ${body.period}, ${body.plannedStart}, ${body.channel ?? null}, ${body.leadWorkingDays},
                ${opensOn}, ${body.note ?? null}, ${actor.id})
        ON CONFLICT (kabupaten_code, period) DO NOTHING RETURNING id`;
      if (!rows.length) return false;
      await appendRequestEvent(tx, res, {
        key: `sembako_calendar:${id}:created`,
        action: 'sembako_calendar.created',
        entityType: 'sembako_calendar',
        entityId: id,
        details: {
          kabupatenCode,
          period: body.period,
          plannedStart: body.plannedStart,
          leadWorkingDays: body.leadWorkingDays,
          opensOn,
          channel: body.channel ?? null,
        },
      });
      return true;
    });
    if (!inserted)
      throw new HttpProblem(409, `kabupaten ${kabupatenCode} already has period ${body.period} on its calendar`, {
        code: 'sembako-calendar-duplicate',
        errors: bodyIssues([{ path: ['period'], message: 'already on the calendar', code: 'custom' }]),
      });
    await ensureSembakoCalendarSchedule(temporal, kabupatenCode, taskQueue, { paused: opts.schedulesPaused });
    const [row] = await sql<CalendarRow[]>`SELECT ${select(sql)} FROM ${from(sql)} WHERE c.id = ${id}`;
    res.status(201).location(`/api/sembako/calendar/${id}`).json(present(row));
  });

  router.get(
    '/sembako/calendar',
    listRoute(sql, {
      action: 'sembako.calendar_list',
      query: sembakoCalendarListQuerySchema,
      spec: tableList<SembakoCalendarSortField, SembakoCalendarListFilter>(sql, 'c', {
        resource: 'sembako-calendar',
        sort: ['plannedStart', 'period', 'createdAt', 'kabupatenCode'],
        defaultSort: ['plannedStart', 'DESC'],
        equal: ['kabupatenCode', 'period'],
      }),
      source: (actor) => ({ select: select(sql), from: from(sql), scope: [inRegion(sql, calendarScope(actor), REGION_COLUMNS)], present }),
    }),
  );

  router.get('/sembako/calendar/:id', async (req, res) => {
    const actor = authorizedActor(res, 'sembako.calendar_list');
    const { id } = parseInput('params', sembakoCalendarIdParamsSchema, req.params);
    const [row] = await sql<
      CalendarRow[]
    >`SELECT ${select(sql)} FROM ${from(sql)} WHERE c.id = ${id} AND ${inRegion(sql, calendarScope(actor), REGION_COLUMNS)}`;
    if (!row) throw new HttpProblem(404, `no calendar entry ${id} in your region`);
    res.json(present(row));
  });

  router.delete('/sembako/calendar/:id', async (req, res) => {
    const actor = actorOf(res);
    authorize(actor, 'sembako.calendar_manage');
    const { id } = parseInput('params', sembakoCalendarIdParamsSchema, req.params);
    const [row] = await sql<
      CalendarRow[]
    >`SELECT ${select(sql)} FROM ${from(sql)} WHERE c.id = ${id} AND ${inRegion(sql, calendarScope(actor), REGION_COLUMNS)}`;
    if (!row) throw new HttpProblem(404, `no calendar entry ${id} in your region`);
    authorize(actor, 'sembako.calendar_manage', row.kabupatenCode);
    const deleted = await sql.begin(async (tx) => {
      const gone = await tx`DELETE FROM sembako_calendar WHERE id = ${id} AND opened_at IS NULL RETURNING id`;
      if (!gone.length) return false;
      await appendRequestEvent(tx, res, {
        key: `sembako_calendar:${id}:deleted`,
        action: 'sembako_calendar.deleted',
        entityType: 'sembako_calendar',
        entityId: id,
        details: { kabupatenCode: row.kabupatenCode, period: row.period, plannedStart: row.plannedStart },
      });
      return true;
    });
    if (!deleted)
      throw new HttpProblem(409, `the periods of ${row.period} were opened on ${row.openedAt?.toISOString()}: the entry stays as their record`, {
        code: 'sembako-calendar-opened',
      });
    res.json(present(row));
  });

  return router;
}
