// The demo accounts of docs/product.md §1 (local mode only, never in production; the reference
// regions are infra/regionsLoad.ts). Idempotent: a second start changes nothing.
import type { Role } from '../domain/roles';
import type { Sql } from './index';
import { hashPassword } from './password';

export const DEMO_PASSWORD = 'demo';

/** Kota Salatiga, Jawa Tengah: kecamatan A = Sidorejo, B = Tingkir. */
export const DEMO_USERS: { username: string; displayName: string; role: Role; regionCode: string | null }[] = [
  { username: 'tksk1', displayName: 'Budi Santoso (TKSK Sidorejo)', role: 'tksk', regionCode: '33.73.01' },
  { username: 'tksk2', displayName: 'Rina Wulandari (TKSK Tingkir)', role: 'tksk', regionCode: '33.73.02' },
  // A second TKSK for Sidorejo, to take over cases (reassignment, a TKSK who leaves).
  { username: 'tksk3', displayName: 'Joko Susilo (TKSK pengganti Sidorejo)', role: 'tksk', regionCode: '33.73.01' },
  { username: 'supervisor1', displayName: 'Dewi Lestari (Dinsos Kota Salatiga)', role: 'supervisor_kabupaten', regionCode: '33.73' },
  { username: 'supervisor2', displayName: 'Agus Prasetyo (Dinsos Kota Salatiga)', role: 'supervisor_kabupaten', regionCode: '33.73' },
  { username: 'provinsi1', displayName: 'Sri Handayani (Dinsos Provinsi Jawa Tengah)', role: 'supervisor_provinsi', regionCode: '33' },
  { username: 'auditor1', displayName: 'Hendra Wijaya (Inspektorat Jawa Tengah)', role: 'auditor', regionCode: '33' },
  { username: 'admin', displayName: 'Administrator Sistem', role: 'admin', regionCode: null },
  // A second admin: exports and privileged accounts wait for another admin's confirmation.
  { username: 'admin2', displayName: 'Administrator Kedua', role: 'admin', regionCode: null },
  // Kota Salatiga's other kecamatan (Argomulyo, Sidomukti) and a second TKSK for Tingkir: the demo's
  // TKSK assignments (infra/demoCasework.ts); tksk1–3 keep no assignment record (legacy accounts).
  { username: 'tksk4', displayName: 'Siti Rahayu (TKSK Argomulyo)', role: 'tksk', regionCode: '33.73.03' },
  { username: 'tksk5', displayName: 'Bambang Riyadi (TKSK Sidomukti)', role: 'tksk', regionCode: '33.73.04' },
  { username: 'tksk6', displayName: 'Eko Purnomo (TKSK Tingkir, mengundurkan diri)', role: 'tksk', regionCode: '33.73.02' },
];

/** Demo bank accounts (bank code:number); tksk2's is invalid on purpose, to show a payment failure. */
const DEMO_ACCOUNTS: Record<string, string> = {
  tksk1: 'BRI:0021-01-000123-50-1',
  tksk2: 'BRI:INVALID',
  tksk3: 'BNI:0456789123',
  // The demo's assigned TKSK (infra/demoCasework.ts).
  tksk4: 'BRI:0021-01-000456-50-2',
  tksk5: 'MANDIRI:1360001234567',
};

export async function seedDemoUsers(sql: Sql): Promise<void> {
  const existing = new Set((await sql<{ username: string }[]>`SELECT username FROM users`).map((u) => u.username));
  for (const u of DEMO_USERS) {
    if (existing.has(u.username)) continue;
    const passwordHash = await hashPassword(DEMO_PASSWORD);
    await sql`
      INSERT INTO users (id, username, display_name, role, region_code, password_hash, bank_account)
      VALUES (${`usr_${u.username}`}, ${u.username}, ${u.displayName}, ${u.role}, ${u.regionCode}, ${passwordHash}, ${DEMO_ACCOUNTS[u.username] ?? null})
      ON CONFLICT (username) DO NOTHING`;
  }
  for (const [username, account] of Object.entries(DEMO_ACCOUNTS)) {
    await sql`UPDATE users SET bank_account = ${account} WHERE username = ${username} AND bank_account IS NULL`;
  }
  // A special assignment for tksk1: BSP/Sembako accompaniment (amount illustrative).
  await sql`
    INSERT INTO tali_asih_assignments (tksk_id, component, label, amount, valid_from)
    SELECT 'usr_tksk1', 'bsp_sembako', 'Pendampingan BSP/Program Sembako', 500000, '2026-01-01'
    WHERE NOT EXISTS (SELECT 1 FROM tali_asih_assignments WHERE tksk_id = 'usr_tksk1' AND component = 'bsp_sembako')`;
}
