// The kernel's socket tables (/proc/net/tcp, tcp6, udp, udp6) and which processes hold which
// sockets, for tests that check what the stack listens on. Linux only.
import fs from 'node:fs';

export interface Socket {
  proto: 'tcp' | 'tcp6' | 'udp' | 'udp6';
  /** Local address as text: 127.0.0.1, ::1, 0.0.0.0, ::, ::ffff:127.0.0.1 … */
  address: string;
  port: number;
  /** TCP LISTEN (0A), or a UDP socket bound to a local address (07). */
  listening: boolean;
  inode: number;
}

/** /proc/net/* addresses are 32-bit words in host byte order (little-endian here). */
function bytesOf(hex: string): number[] {
  const bytes: number[] = [];
  for (let i = 0; i < hex.length; i += 8) {
    const word = hex.slice(i, i + 8);
    for (let j = 6; j >= 0; j -= 2) bytes.push(parseInt(word.slice(j, j + 2), 16));
  }
  return bytes;
}

function format(bytes: number[]): string {
  if (bytes.length === 4) return bytes.join('.');
  if (bytes.slice(0, 10).every((b) => b === 0) && bytes[10] === 0xff && bytes[11] === 0xff) return `::ffff:${bytes.slice(12).join('.')}`;
  const groups: string[] = [];
  for (let i = 0; i < 16; i += 2) groups.push(((bytes[i] << 8) | bytes[i + 1]).toString(16));
  // The longest run of zero groups becomes `::`.
  let best = { at: -1, length: 0 };
  for (let i = 0; i < 8;) {
    let j = i;
    while (j < 8 && groups[j] === '0') j++;
    if (j - i > best.length) best = { at: i, length: j - i };
    i = j === i ? i + 1 : j;
  }
  if (best.length < 2) return groups.join(':');
  return `${groups.slice(0, best.at).join(':')}::${groups.slice(best.at + best.length).join(':')}`;
}

export function isLoopback(address: string): boolean {
  return /^127\./.test(address) || address === '::1' || /^::ffff:127\./.test(address);
}

export function socketTable(): Socket[] {
  const out: Socket[] = [];
  for (const proto of ['tcp', 'tcp6', 'udp', 'udp6'] as const) {
    const file = `/proc/net/${proto}`;
    if (!fs.existsSync(file)) continue;
    for (const line of fs.readFileSync(file, 'utf8').split('\n').slice(1)) {
      const f = line.trim().split(/\s+/);
      if (f.length < 10) continue;
      const [hexAddress, hexPort] = f[1].split(':');
      const state = f[3];
      out.push({
        proto,
        address: format(bytesOf(hexAddress)),
        port: parseInt(hexPort, 16),
        listening: proto.startsWith('tcp') ? state === '0A' : state === '07',
        inode: Number(f[9]),
      });
    }
  }
  return out;
}

/** Pids whose process group is `pgid` (the stack's start script runs in a group of its own). */
export function processGroup(pgid: number): number[] {
  const pids: number[] = [];
  for (const p of fs.readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    try {
      const stat = fs.readFileSync(`/proc/${p}/stat`, 'utf8');
      // pid (comm) state ppid pgrp …; comm may hold spaces and parentheses.
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (Number(fields[2]) === pgid) pids.push(Number(p));
    } catch {
      // gone
    }
  }
  return pids;
}

/** Socket inodes held open by a process, mapped to the process's command name. */
export function socketInodes(pid: number): Map<number, string> {
  const out = new Map<number, string>();
  let comm = String(pid);
  try {
    comm = fs.readFileSync(`/proc/${pid}/comm`, 'utf8').trim();
    for (const fd of fs.readdirSync(`/proc/${pid}/fd`)) {
      const m = /^socket:\[(\d+)\]$/.exec(safeReadlink(`/proc/${pid}/fd/${fd}`));
      if (m) out.set(Number(m[1]), `${comm}[${pid}]`);
    }
  } catch {
    // gone, or not ours to read
  }
  return out;
}

function safeReadlink(p: string): string {
  try {
    return fs.readlinkSync(p);
  } catch {
    return '';
  }
}
