/**
 * zod, configured once for code that also runs in the browser. zod's JIT compiles object parsers with
 * `new Function`; our Content-Security-Policy has no 'unsafe-eval', so in a browser that probe is refused and
 * Chrome reports a CSP issue. jitless parsing gives the same results without eval. Servers keep the JIT.
 */
import { z } from 'zod';

if (typeof window !== 'undefined') z.config({ jitless: true });

export { z };
