import { z } from 'zod';

// Zod compiles object parsers with `new Function` unless told not to, and decides so when each
// schema is built, at module load. Our CSP (script-src 'self') forbids it and every browser
// console would show the violation, so this module is imported first, before any schema exists.
z.config({ jitless: true });
