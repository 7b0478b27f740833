// zod compiles object parsers with `new Function` where it may. The portal's Content-Security-Policy
// (api/app.ts: script-src 'self', no 'unsafe-eval') forbids that, and even zod's probe for it is
// reported as a violation: parse without it. main.tsx imports this first, before any schema exists.
import { z } from 'zod';

z.config({ jitless: true });
