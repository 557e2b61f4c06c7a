// Starting a session from a form: the library's quick start (class size only) and the
// preview's full form (class size and an adapted round plan) share these rules.
import { redirect, type AppLoadContext } from "@remix-run/node";
import { z } from "zod";
import { isLiveError } from "../../server/live/errors";

const startForm = z.object({
  scenarioId: z.string().min(1, "Choose a scenario."),
  /** The exact version the teacher previewed; the quick start leaves it out and gets the newest. */
  // Bounded like the column (a PostgreSQL integer), so a tampered id is a form error, not a failed query.
  versionId: z.coerce.number().int().positive().max(2 ** 31 - 1, "That version of the scenario does not exist.").optional(),
  // The engine checks the range (one rule for every caller); the form only reads a number.
  capacity: z.coerce.number({ error: "Class size must be a number." }),
  /**
   * The plan as written ("full", the default), the pack's "short" plan, or "custom": the form
   * carries `keep` (round indexes) and `minutes-<index>`.
   */
  plan: z.enum(["full", "short", "custom"], { error: "Choose the full plan, the short plan or your own." }).default("full"),
  keep: z.array(z.coerce.number().int()).default([]),
});

/** Starts the session and redirects to its console; answers what was wrong otherwise. */
export async function startSessionFromForm(form: FormData, context: AppLoadContext, teacherId: string) {
  const parsed = startForm.safeParse({
    scenarioId: form.get("scenarioId"),
    versionId: form.get("versionId") ?? undefined,
    capacity: form.get("capacity"),
    plan: form.get("plan") ?? undefined,
    keep: form.getAll("keep"),
  });
  if (!parsed.success) return { error: parsed.error.issues[0].message, scenarioId: String(form.get("scenarioId") ?? "") };
  const { scenarioId, versionId, capacity, plan, keep } = parsed.data;
  const rounds =
    plan === "custom"
      ? keep.map((index) => ({ index, seconds: Math.round(Number(form.get(`minutes-${index}`)) * 60) }))
      : plan === "short"
        ? ("short" as const)
        : undefined;
  try {
    const session = await context.live.createSession(teacherId, scenarioId, { capacity, rounds, versionId });
    throw redirect(`/teacher/sessions/${session.id}`);
  } catch (error) {
    if (isLiveError(error)) return { error: error.message, scenarioId };
    throw error;
  }
}
