/**
 * The one place the rule engine gets zod from. `jitless` must be set before any schema is built:
 * zod 4's JIT probes `Function('')`, which an extension's CSP forbids.
 */
import { z } from 'zod';

z.config({ jitless: true });

export { z };
