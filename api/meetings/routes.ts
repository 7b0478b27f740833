// Koordinasi meetings: record (starts meetingWorkflow rapat-<id> and answers once every action
// item's task is in its owner's inbox), list, show, and the attachments (daftar hadir, notulen,
// photos: small files kept in PostgreSQL, their type sniffed from the bytes). The action items
// are tasks, completed through POST /api/tasks/:id/complete.
import { createHash, randomUUID } from 'node:crypto';
import { Router } from 'express';
import { WithStartWorkflowOperation, type Client } from '@temporalio/client';
import type { Sql } from '../../db';
import { authorize } from '../../domain/access';
import { ATTACHMENT_MAX_BYTES, ATTACHMENTS_PER_MEETING, meetingWorkflowIdOf, sniffAttachmentType, type MeetingWorkflowInput } from '../../domain/koordinasi';
import { regionChain, regionCovers, regionLevel } from '../../domain/regions';
import { meetingRecordedUpdate } from '../../workflows/definitions';
import type { meetingWorkflow } from '../../workflows/meeting';
import { actorOf, authorizedActor, parseInput } from '../http';
import { idempotent } from '../idempotency';
import { listRoute } from '../list';
import { bodyIssues, HttpProblem, validationProblem } from '../problem';
import { appendRequestEvent, recordAuditorRead, recordRequestEvent } from '../requestAudit';
import { meetingColumns, meetingDetail, meetingInScope, meetingList, presentMeeting, visibleMeeting, type MeetingRow } from './queries';
import { attachmentBodySchema, attachmentParamsSchema, createMeetingBodySchema, meetingIdParamsSchema, meetingListQuerySchema } from './schema';

const fieldProblem = (path: (string | number)[], message: string) => validationProblem(bodyIssues([{ path, message, code: 'custom' }]));

export function meetingRoutes(sql: Sql, temporal: Client, taskQueue: string): Router {
  const router = Router();

  router.post('/meetings', idempotent(sql, 'meetings.create'), async (req, res) => {
    const actor = authorizedActor(res, 'meeting.create');
    const body = parseInput('body', createMeetingBodySchema, req.body);
    const regionCode = body.regionCode ?? (actor.role === 'tksk' ? (actor.regionCode ?? undefined) : undefined);
    if (!regionCode) throw fieldProblem(['regionCode'], 'name the kecamatan or kabupaten the meeting was held for');
    const level = regionLevel(regionCode);
    const [region] = await sql`SELECT code FROM regions WHERE code = ${regionCode}`;
    if (!region || (level !== 'kecamatan' && level !== 'kabupaten')) throw fieldProblem(['regionCode'], `${regionCode} is not a known kecamatan or kabupaten`);
    if (body.level === 'tikor_kecamatan' && level !== 'kecamatan') throw fieldProblem(['regionCode'], 'a Tikor kecamatan meeting is held for a kecamatan');
    if (body.level === 'rakor_kabupaten' && level !== 'kabupaten') throw fieldProblem(['regionCode'], 'a rakor kabupaten is held for a kabupaten');
    authorize(actor, 'meeting.create', regionCode);
    const chain = regionChain(regionCode);
    const kabupaten = chain.kabupaten!;

    // Colleagues named must exist; an action item's owner must be an active TKSK or kabupaten supervisor of the meeting's kabupaten.
    const ids = [...new Set([...body.attendeeIds, ...body.actionItems.map((a) => a.ownerId)])];
    const users = ids.length
      ? await sql<
          { id: string; role: string; regionCode: string | null; disabled: boolean }[]
        >`SELECT id, role, region_code, disabled FROM users WHERE id IN ${sql(ids)}`
      : [];
    const userOf = (id: string) => users.find((u) => u.id === id);
    const errors: { path: (string | number)[]; message: string; code: string }[] = [];
    body.attendeeIds.forEach((id, i) => {
      if (!userOf(id)) errors.push({ path: ['attendeeIds', i], message: `no account ${id}`, code: 'custom' });
    });
    body.actionItems.forEach((a, i) => {
      const u = userOf(a.ownerId);
      const ok = u && !u.disabled && u.regionCode && (u.role === 'tksk' || u.role === 'supervisor_kabupaten') && regionCovers(kabupaten, u.regionCode);
      if (!ok) errors.push({ path: ['actionItems', i, 'ownerId'], message: `must be an active TKSK or kabupaten supervisor of ${kabupaten}`, code: 'custom' });
    });
    // What it discussed must be a thing of the meeting's kabupaten.
    for (const [i, l] of body.links.entries()) {
      const [found] =
        l.kind === 'case'
          ? await sql`SELECT 1 FROM cases WHERE id = ${l.ref} AND kabupaten_code = ${kabupaten}`
          : l.kind === 'sembako_period'
            ? await sql`SELECT 1 FROM sembako_periods WHERE id = ${l.ref} AND kabupaten_code = ${kabupaten}`
            : /^[0-9a-f-]{36}$/.test(l.ref)
              ? await sql`SELECT 1 FROM complaints WHERE id = ${l.ref} AND kabupaten_code = ${kabupaten}`
              : [];
      if (!found) errors.push({ path: ['links', i, 'ref'], message: `no ${l.kind} ${l.ref} in kabupaten ${kabupaten}`, code: 'custom' });
    }
    if (errors.length) throw validationProblem(bodyIssues(errors));

    // With an Idempotency-Key the meeting id (hence the workflow id) is its record's: a retry finds the same workflow.
    const meetingId = (res.locals.idempotentResourceId as string | undefined) ?? randomUUID();
    const input: MeetingWorkflowInput = {
      meetingId,
      record: body,
      regions: { provinsi: chain.provinsi!, kabupaten, kecamatan: chain.kecamatan ?? null, region: regionCode },
      actionItems: body.actionItems.map((a) => {
        const u = userOf(a.ownerId)!;
        return {
          actionItemId: randomUUID(),
          description: a.description,
          ownerId: a.ownerId,
          ownerRole: u.role as 'tksk' | 'supervisor_kabupaten',
          ownerRegion: u.role === 'tksk' ? u.regionCode! : kabupaten,
          dueWorkingDays: a.dueWorkingDays ?? null,
        };
      }),
      recordedBy: actor,
      recordedAt: new Date().toISOString(),
    };
    const start = new WithStartWorkflowOperation<typeof meetingWorkflow>('meetingWorkflow', {
      workflowId: meetingWorkflowIdOf(meetingId),
      taskQueue,
      args: [input],
      workflowIdConflictPolicy: 'USE_EXISTING',
      workflowIdReusePolicy: 'REJECT_DUPLICATE',
    });
    await temporal.workflow.executeUpdateWithStart(meetingRecordedUpdate, { startWorkflowOperation: start });
    const row = await visibleMeeting(sql, actor, meetingId);
    res
      .status(201)
      .location(`/api/meetings/${meetingId}`)
      .json(await meetingDetail(sql, row));
  });

  router.get(
    '/meetings',
    listRoute(sql, {
      action: 'meeting.list',
      query: meetingListQuerySchema,
      spec: meetingList(sql),
      source: (actor) => ({
        select: meetingColumns(sql),
        from: sql`meetings m`,
        scope: [meetingInScope(sql, actor)],
        present: (r: MeetingRow) => presentMeeting(r),
      }),
    }),
  );

  router.get('/meetings/:id', async (req, res) => {
    const actor = authorizedActor(res, 'meeting.list');
    const { id } = parseInput('params', meetingIdParamsSchema, req.params);
    const row = await visibleMeeting(sql, actor, id);
    await recordAuditorRead(sql, res, actor, { key: 'read', action: 'meeting.read', entityType: 'meeting', entityId: id });
    res.json(await meetingDetail(sql, row));
  });

  router.post('/meetings/:id/attachments', async (req, res) => {
    const actor = authorizedActor(res, 'meeting.attach');
    const { id } = parseInput('params', meetingIdParamsSchema, req.params);
    const body = parseInput('body', attachmentBodySchema, req.body);
    const row = await visibleMeeting(sql, actor, id);
    // Those who took part may attach; a supervisor covering the meeting's region too.
    const [involved] = await sql`
      SELECT 1 FROM meetings m WHERE m.id = ${id} AND (m.recorded_by = ${actor.id}
        OR EXISTS (SELECT 1 FROM meeting_attendees x WHERE x.meeting_id = m.id AND x.user_id = ${actor.id})
        OR EXISTS (SELECT 1 FROM meeting_action_items x WHERE x.meeting_id = m.id AND x.owner_id = ${actor.id}))`;
    if (!involved) authorize(actor, 'meeting.attach', row.regionCode);
    const bytes = Buffer.from(body.contentBase64, 'base64');
    if (bytes.length === 0 || bytes.length > ATTACHMENT_MAX_BYTES)
      throw fieldProblem(['contentBase64'], `a file of 1 byte to ${ATTACHMENT_MAX_BYTES / 1024 / 1024} MiB (this one is ${bytes.length} bytes)`);
    const contentType = sniffAttachmentType(bytes);
    if (!contentType) throw new HttpProblem(415, 'the file is not a PDF, JPEG or PNG (its content was checked, not its name)');
    if (body.kind === 'foto' && contentType === 'application/pdf') throw fieldProblem(['kind'], 'a photo is a JPEG or PNG');
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const attachmentId = randomUUID();
    const at = new Date().toISOString();
    await sql.begin(async (tx) => {
      // One writer at a time per meeting, so the count below holds.
      await tx`SELECT 1 FROM meetings WHERE id = ${id} FOR UPDATE`;
      const [{ n }] = await tx<{ n: number }[]>`SELECT count(*)::int AS n FROM meeting_attachments WHERE meeting_id = ${id}`;
      if (n >= ATTACHMENTS_PER_MEETING) throw new HttpProblem(409, `a meeting holds at most ${ATTACHMENTS_PER_MEETING} files`);
      await tx`
        INSERT INTO meeting_attachments (id, meeting_id, kind, file_name, content_type, size_bytes, sha256, content, uploaded_by, created_at)
        VALUES (${attachmentId}, ${id}, ${body.kind}, ${body.fileName}, ${contentType}, ${bytes.length}, ${sha256}, ${bytes}, ${actor.id}, ${at})`;
      await appendRequestEvent(tx, res, {
        key: `attachment:${attachmentId}`,
        action: 'meeting.attachment_added',
        entityType: 'meeting',
        entityId: id,
        details: { attachmentId, kind: body.kind, contentType, sizeBytes: bytes.length, sha256 },
      });
    });
    res
      .status(201)
      .json({ id: attachmentId, kind: body.kind, fileName: body.fileName, contentType, sizeBytes: bytes.length, sha256, uploadedBy: actor.id, createdAt: at });
  });

  router.get('/meetings/:id/attachments/:attachmentId', async (req, res) => {
    const actor = actorOf(res);
    authorize(actor, 'meeting.list');
    const { id, attachmentId } = parseInput('params', attachmentParamsSchema, req.params);
    await visibleMeeting(sql, actor, id);
    const [file] = await sql<{ fileName: string; contentType: string; content: Buffer }[]>`
      SELECT file_name, content_type, content FROM meeting_attachments WHERE id = ${attachmentId} AND meeting_id = ${id}`;
    if (!file) throw new HttpProblem(404, `no attachment ${attachmentId} on meeting ${id}`);
    await recordRequestEvent(sql, res, { key: 'download', action: 'meeting.attachment_read', entityType: 'meeting', entityId: id, details: { attachmentId } });
    res
      .status(200)
      .type(file.contentType)
      .setHeader('Content-Disposition', `attachment; filename="${file.fileName.replace(/[^\w.-]/g, '_')}"`)
      .send(file.content);
  });

  return router;
}
