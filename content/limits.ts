// Limits that both the scenario schema (bundled into the browser) and the engine enforce.
// Constants only, so any side may import this without pulling in zod or the server.

/** How long one round may run, in seconds: the schema, the teacher's round plan and extensions all obey it. */
export const ROUND_SECONDS = { min: 10, max: 3600 } as const;
