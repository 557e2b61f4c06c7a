// The engine's two ways to change a session, each one transaction whose publishing waits for the
// commit (a rolled-back command publishes nothing):
// - `runCommand`: the teacher's commands (and the round clock). Holds the session's row lock, so
//   they apply in order; refused once the session has ended; bumps the session's version, which
//   the deltas they publish carry.
// - `runWrite`: a student's write. No session lock: it is guarded by its own rows, constraints and
//   `status` conditions, so a class writing at once never queues behind the teacher or each other.
import { eq, sql } from "drizzle-orm";
import type { PackedScenario } from "../../content/schema";
import type { Database, Transaction } from "../../db/client";
import { sessions, type SessionRow } from "../../db/schema";
import { requireOpen, sessionNotFound } from "./guards";
import { sideIdsOf } from "./lobby/sides";
import type { HotPath } from "./hotpath";
import type { Outbox, Publisher } from "./publish/publisher";
import type { ScenarioLibrary } from "./scenarios";

export type CommandContext = {
  tx: Transaction;
  /** The session as locked, with its new version. */
  session: SessionRow;
  scenario: PackedScenario;
  sideIds: string[];
  /** What to publish once the transaction commits. */
  out: Outbox;
};

export type WriteContext = { tx: Transaction; out: Outbox };

export type CommandOptions = {
  /**
   * The command closes or pauses something students write to: their writes already waiting
   * are stored first and new ones wait for it (see hotpath/gates.ts).
   */
  quiesce?: boolean;
};

export function createCommandRunner(db: Database, scenarios: ScenarioLibrary, publisher: Publisher, hot: HotPath) {
  async function inTransaction<T>(work: (tx: Transaction, out: Outbox) => Promise<T>): Promise<T> {
    const out = publisher.outbox();
    const result = await db.transaction((tx) => work(tx, out));
    // The answer does not wait for the broadcast: a slow view build never holds up the teacher.
    void out.flush();
    return result;
  }

  return {
    /**
     * Every read inside goes through `ctx.tx`: on PGlite (one connection) a query through `db`
     * would wait for this very transaction, and on PostgreSQL for a pool slot it holds.
     */
    runCommand<T>(sessionId: string, change: (ctx: CommandContext) => Promise<T>, options: CommandOptions = {}): Promise<T> {
      const command = () => inTransaction(async (tx, out) => {
        // Bumping the version takes the row lock in the same statement that reads the session.
        const [session] = await tx
          .update(sessions)
          .set({ version: sql`${sessions.version} + 1` })
          .where(eq(sessions.id, sessionId))
          .returning();
        if (!session) throw sessionNotFound();
        requireOpen(session);
        const scenario = await scenarios.content(session.scenarioVersionId, tx);
        return change({ tx, session, scenario, sideIds: sideIdsOf(scenario), out });
      }).finally(() => hot.commandSettled(sessionId)); // what is open may have changed
      return options.quiesce ? hot.quiesce(sessionId, command) : command();
    },

    runWrite<T>(change: (ctx: WriteContext) => Promise<T>): Promise<T> {
      return inTransaction((tx, out) => change({ tx, out }));
    },
  };
}

export type CommandRunner = ReturnType<typeof createCommandRunner>;
