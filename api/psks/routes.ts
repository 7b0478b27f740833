// The PSKS directory: the types (versioned reference data) and the entries of one's region —
// list, show (with the referrals the entry received), create and change, each change audited.
import { randomUUID } from 'node:crypto';
import { Router } from 'express';
import type { Sql } from '../../db';
import { authorize } from '../../domain/access';
import { psksEntryBodySchema } from '../../domain/psks';
import { regionChain, regionCovers } from '../../domain/regions';
import type { Actor } from '../../domain/roles';
import { actorOf, authorizedActor, parseInput } from '../http';
import { listRoute } from '../list';
import { bodyFieldProblem } from '../problem';
import { appendRequestEvent, recordAuditorRead } from '../requestAudit';
import { currentPsksTypes, presentPsks, psksInRegion, psksList, referralsOf, visiblePsks, type PsksRow } from './queries';
import { createPsksBodySchema, psksIdParamsSchema, psksListQuerySchema, psksTypeListQuerySchema, updatePsksBodySchema } from './schema';

/** Who may write an entry of this desa: a TKSK only in their kecamatan, a supervisor within their region. */
function authorizeWrite(actor: Actor, desaCode: string): void {
  authorize(actor, 'psks.manage', desaCode);
}

export function psksRoutes(sql: Sql): Router {
  const router = Router();

  router.get('/psks-types', async (req, res) => {
    authorizedActor(res, 'psks.read');
    const { version } = parseInput('query', psksTypeListQuerySchema, req.query);
    const rows = await currentPsksTypes(sql, version);
    res.json(rows.map((t) => ({ id: t.code, version: t.version, no: t.no, nameId: t.nameId, nameEn: t.nameEn, kind: t.kind })));
  });

  router.get(
    '/psks',
    listRoute(sql, {
      action: 'psks.read',
      query: psksListQuerySchema,
      spec: psksList(sql),
      source: (actor) => ({ select: sql`p.*`, from: sql`psks_entries p`, scope: [psksInRegion(sql, actor.regionCode)], present: presentPsks }),
    }),
  );

  router.get('/psks/:id', async (req, res) => {
    const actor = authorizedActor(res, 'psks.read');
    const { id } = parseInput('params', psksIdParamsSchema, req.params);
    const row = await visiblePsks(sql, actor, id);
    const referrals = await referralsOf(sql, actor, id);
    await recordAuditorRead(sql, res, actor, { key: 'read', action: 'psks.read', entityType: 'psks_entry', entityId: id });
    res.json({ ...presentPsks(row), referrals });
  });

  router.post('/psks', async (req, res) => {
    const actor = authorizedActor(res, 'psks.manage');
    const body = parseInput('body', createPsksBodySchema, req.body);
    const types = await currentPsksTypes(sql);
    const type = types.find((t) => t.code === body.typeCode);
    if (!type) throw bodyFieldProblem('typeCode', `unknown PSKS type ${body.typeCode} (list version ${types[0]?.version ?? 'none'})`);
    const [desa] = await sql`SELECT code FROM regions WHERE code = ${body.desaCode} AND level = 'desa' AND retired_in IS NULL`;
    if (!desa) throw bodyFieldProblem('desaCode', `unknown desa/kelurahan ${body.desaCode}`);
    authorizeWrite(actor, body.desaCode);
    const chain = regionChain(body.desaCode) as Required<ReturnType<typeof regionChain>>;
    const id = randomUUID();
    const row = await sql.begin(async (tx) => {
      const [r] = await tx<PsksRow[]>`
        INSERT INTO psks_entries (id, type_version, type_code, name, desa_code, kecamatan_code, kabupaten_code, provinsi_code, service_area, address,
          contact_name, contact_phone, capacity, services, registration_number, accreditation, active, created_by)
        VALUES (${id}, ${type.version}, ${type.code}, ${body.name}, ${body.desaCode}, ${chain.kecamatan}, ${chain.kabupaten}, ${chain.provinsi},
          ${body.serviceArea}, ${body.address ?? null}, ${body.contactName ?? null}, ${body.contactPhone ?? null}, ${body.capacity ?? null},
          ${body.services ?? null}, ${body.registrationNumber ?? null}, ${body.accreditation ?? null}, ${body.active}, ${actor.id})
        RETURNING *`;
      await appendRequestEvent(tx, res, {
        key: 'psks_create',
        action: 'psks.created',
        entityType: 'psks_entry',
        entityId: id,
        details: { typeCode: type.code, typeVersion: type.version, desaCode: body.desaCode, name: body.name },
      });
      return r;
    });
    res
      .status(201)
      .location(`/api/psks/${id}`)
      .json({ ...presentPsks(row), referrals: [] });
  });

  router.patch('/psks/:id', async (req, res) => {
    const actor = authorizedActor(res, 'psks.manage');
    const { id } = parseInput('params', psksIdParamsSchema, req.params);
    const patch = parseInput('body', updatePsksBodySchema, req.body);
    const before = await visiblePsks(sql, actor, id);
    authorizeWrite(actor, before.desaCode);
    const desaCode = patch.desaCode ?? before.desaCode;
    if (patch.desaCode && patch.desaCode !== before.desaCode) {
      const [desa] = await sql`SELECT code FROM regions WHERE code = ${patch.desaCode} AND level = 'desa' AND retired_in IS NULL`;
      if (!desa) throw bodyFieldProblem('desaCode', `unknown desa/kelurahan ${patch.desaCode}`);
      // Moving an entry out of one's region is refused like creating it there.
      if (!regionCovers(actor.regionCode, patch.desaCode)) throw bodyFieldProblem('desaCode', `desa ${patch.desaCode} is outside your region`);
    }
    // The whole entry after the change must still be a valid entry (an LKS field on another type, …).
    const merged = {
      typeCode: before.typeCode,
      name: patch.name ?? before.name,
      desaCode,
      serviceArea: patch.serviceArea ?? before.serviceArea,
      address: pick(patch.address, before.address),
      contactName: pick(patch.contactName, before.contactName),
      contactPhone: pick(patch.contactPhone, before.contactPhone),
      capacity: pick(patch.capacity, before.capacity),
      services: pick(patch.services, before.services),
      registrationNumber: pick(patch.registrationNumber, before.registrationNumber),
      accreditation: pick(patch.accreditation, before.accreditation),
      active: patch.active ?? before.active,
    };
    const checked = parseInput('body', psksEntryBodySchema, merged);
    const chain = regionChain(desaCode) as Required<ReturnType<typeof regionChain>>;
    const changed = Object.keys(patch);
    const row = await sql.begin(async (tx) => {
      const [r] = await tx<PsksRow[]>`
        UPDATE psks_entries SET name = ${checked.name}, desa_code = ${desaCode}, kecamatan_code = ${chain.kecamatan}, kabupaten_code = ${chain.kabupaten},
          provinsi_code = ${chain.provinsi}, service_area = ${checked.serviceArea}, address = ${checked.address ?? null}, contact_name = ${checked.contactName ?? null},
          contact_phone = ${checked.contactPhone ?? null}, capacity = ${checked.capacity ?? null}, services = ${checked.services ?? null},
          registration_number = ${checked.registrationNumber ?? null}, accreditation = ${checked.accreditation ?? null}, active = ${checked.active}, updated_at = now()
        WHERE id = ${id} RETURNING *`;
      await appendRequestEvent(tx, res, { key: 'psks_update', action: 'psks.updated', entityType: 'psks_entry', entityId: id, details: { changed } });
      return r;
    });
    res.json({ ...presentPsks(row), referrals: await referralsOf(sql, actorOf(res), id) });
  });

  return router;
}

/** A patch's value: absent keeps the old one, null clears it. */
function pick<T>(next: T | null | undefined, old: T | null): T | undefined {
  if (next === undefined) return old ?? undefined;
  return next ?? undefined;
}
