// Demo koordinasi data, through the public API like infra/demo.ts: two meetings with action items
// (a Tikor kecamatan of last month, one item done and one open; a rakor kabupaten today) and
// tksk1's approved monthly report of last month, so a supervisor can read one as PDF on a fresh
// `npm start`. Idempotent: what exists (found through the API) is not made again.
import { monthlyReportIdOf } from '../domain/koordinasi';
import { previousPeriod, currentPeriod } from '../domain/taliAsih';
import type { DemoApi } from './demoApi';

export interface DemoKoordinasiResult {
  meetings: number;
  actionItemsDone: number;
  reportApproved: boolean;
  refused: string[];
}

const q = (v: unknown) => encodeURIComponent(JSON.stringify(v));

export async function seedDemoKoordinasi(api: DemoApi, now: Date, log: (line: string) => void): Promise<DemoKoordinasiResult> {
  const call = (user: string, method: string, url: string, body?: unknown) => api.call(user, method, url, body);
  const result: DemoKoordinasiResult = { meetings: 0, actionItemsDone: 0, reportApproved: false, refused: [] };
  const refuse = (what: string, r: { status: number; body: any }) => {
    const line = `${what} refused: ${r.status} ${r.body?.detail ?? ''}`;
    result.refused.push(line);
    log(`demo: ${line}`);
  };
  const period = previousPeriod(currentPeriod(now));
  const today = new Date(now.getTime() + 7 * 3600_000).toISOString().slice(0, 10);
  const plans = [
    {
      by: 'tksk1',
      body: {
        level: 'tikor_kecamatan',
        title: 'Rapat Tikor Bansos Pangan Kecamatan Sidorejo',
        heldOn: `${period}-15`,
        place: 'Aula Kantor Kecamatan Sidorejo',
        chair: 'Sekcam Sidorejo',
        attendeeIds: ['usr_supervisor1'],
        outsideAttendees: [
          { name: 'Slamet Riyadi', role: 'Petugas bank', organisation: 'BRI Unit Sidorejo' },
          { name: 'Sri Wahyuni', role: 'Pengelola e-warong', organisation: 'E-Warong Blotongan Makmur' },
          { name: 'Bambang Sutrisno', role: 'Kepala desa', organisation: 'Pemdes Blotongan' },
        ],
        psksReferences: ['Karang Taruna Desa Blotongan'],
        agenda: ['Evaluasi penyaluran tahap lalu', 'Data KPM meninggal dan pindah', 'Harga beras di e-warong'],
        decisions: ['Penyaluran tahap berikut mulai tanggal 5', 'Desa mengirim data KPM meninggal sebelum tanggal 3'],
        actionItems: [
          { description: 'Menyampaikan daftar KPM meninggal ke pemerintah desa Blotongan', ownerId: 'usr_tksk1', dueWorkingDays: 5 },
          { description: 'Mengirim surat ke BRI Unit Sidorejo tentang KKS bermasalah', ownerId: 'usr_supervisor1' },
        ],
      },
    },
    {
      by: 'supervisor1',
      body: {
        level: 'rakor_kabupaten',
        title: 'Rakor TKSK Kota Salatiga',
        heldOn: today,
        place: 'Kantor Dinas Sosial Kota Salatiga',
        chair: 'Kepala Dinas Sosial',
        regionCode: '33.73',
        attendeeIds: ['usr_tksk1', 'usr_tksk2'],
        agenda: ['Laporan bulanan TKSK', 'Persiapan pemeriksaan lapangan DTSEN'],
        decisions: ['Laporan bulanan diserahkan paling lambat tanggal 5'],
        actionItems: [{ description: 'Mendata ulang lansia terlantar di Kecamatan Tingkir', ownerId: 'usr_tksk2', dueWorkingDays: 10 }],
      },
    },
  ];

  for (const plan of plans) {
    const found = await call(
      plan.by,
      'GET',
      `/api/meetings?filter=${q({ level: plan.body.level, heldAfter: plan.body.heldOn, heldBefore: plan.body.heldOn })}`,
    );
    if (found.status === 200 && (found.body as { title: string }[]).some((m) => m.title === plan.body.title)) continue;
    const r = await call(plan.by, 'POST', '/api/meetings', plan.body);
    if (r.status !== 201) refuse(`meeting ${plan.body.title}`, r);
    else result.meetings++;
  }

  // tksk1's own action item of the Tikor is done; the supervisor's stays open (the show page has both).
  const tikor = await call('tksk1', 'GET', `/api/meetings?filter=${q({ level: 'tikor_kecamatan', heldAfter: `${period}-15`, heldBefore: `${period}-15` })}`);
  for (const m of tikor.status === 200 ? (tikor.body as { workflowId: string }[]) : []) {
    const tasks = await call('tksk1', 'GET', `/api/tasks?filter=${q({ workflowId: m.workflowId, type: 'koordinasi_tindak_lanjut', status: 'open' })}`);
    for (const t of tasks.status === 200 ? (tasks.body as { id: string }[]) : []) {
      const r = await call('tksk1', 'POST', `/api/tasks/${t.id}/complete`, {
        data: { doneOn: today, result: 'Daftar 3 KPM meninggal diserahkan ke Sekdes Blotongan.' },
      });
      if (r.status === 200) result.actionItemsDone++;
      else refuse('action item', r);
    }
  }

  // tksk1's report of last month (the Schedule may have opened it already): narrative, then a second supervisor approves.
  const reportId = monthlyReportIdOf('usr_tksk1', period);
  const opened = await call('tksk1', 'POST', '/api/monthly-reports', { period });
  if (opened.status !== 201 && opened.status !== 409) refuse('monthly report', opened);
  for (let i = 0; i < 40; i++) {
    const report = await call('supervisor1', 'GET', `/api/monthly-reports/${reportId}`);
    if (report.status !== 200) {
      await new Promise((res) => setTimeout(res, 250));
      continue;
    }
    if (report.body.status === 'approved') {
      result.reportApproved = true;
      break;
    }
    const open = (report.body.tasks as { id: string; type: string; status: string }[]).find((t) => t.status === 'open' && t.type !== 'sla_escalation');
    if (!open) {
      await new Promise((res) => setTimeout(res, 250));
      continue;
    }
    const r =
      open.type === 'laporan_bulanan_narasi'
        ? await call('tksk1', 'POST', `/api/tasks/${open.id}/complete`, {
            data: {
              narrative: 'Bulan ini mendampingi kasus lansia, memonitor penyaluran Sembako di dua e-warong dan menghadiri rapat Tikor kecamatan.',
              kendala: 'Dua KPM belum bisa dihubungi karena pindah alamat.',
            },
          })
        : await call('supervisor2', 'POST', `/api/tasks/${open.id}/complete`, { outcome: 'approve', data: { note: 'Data contoh: laporan lengkap.' } });
    if (r.status !== 200) {
      refuse(`monthly report ${open.type}`, r);
      break;
    }
  }
  log(
    `demo: koordinasi: ${result.meetings} meetings created, ${result.actionItemsDone} action items done, monthly report ${reportId} ${result.reportApproved ? 'approved' : 'not approved'}`,
  );
  return result;
}
