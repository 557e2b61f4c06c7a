// Students' arguments: a speech in an opening, rebuttal or closing round (one per student per
// round, edited until the round closes), and crossfire's questions to a named side and answers.
// Each is a student write: no session lock; the round's share lock and status decide.
import { and, eq, sql } from "drizzle-orm";
import type { PackedScenario } from "../../../content/schema";
import { uniqueViolation, type Transaction } from "../../../db/client";
import { challenges, debateArguments, participants, type ArgumentRow, type RoundRow } from "../../../db/schema";
import type { CommandRunner, WriteContext } from "../command";
import { LiveError } from "../errors";
import type { ScenarioLibrary } from "../scenarios";
import { cardsById } from "../views/cards";
import { argumentView } from "../views/debate";
import type { ArgumentView, RoundKind } from "../views/types";
import { SPEAKING_KINDS } from "../rounds/kinds";
import { isRunning } from "../rounds/running";
import { roundOf, seatOf, type Student } from "./students";
import { argumentRooms, isPublic } from "./visibility";


const LATE = "This round has closed: your argument was not changed.";
/** A client id names one write: reused for another, it must not find (and send out) that other row. */
const reusedClientId = () => new LiveError("invalid", "That message id was already used for another message: send it as a new one.");

function checkCitations(scenario: PackedScenario, sideId: string, cardIds: readonly string[]) {
  const own = new Set(scenario.sides.find((s) => s.id === sideId)?.cards ?? []);
  if (new Set(cardIds).size !== cardIds.length) throw new LiveError("invalid", "Each card can be cited once.");
  if (cardIds.some((id) => !own.has(id))) throw new LiveError("invalid", "You can only cite your own side's evidence cards.");
}

/** The side a student writes for, on the floor in this round. */
function floorSide(round: RoundRow, plan: { kind: RoundKind; sides: string[] }, sideId: string | null) {
  if (!isRunning(round)) throw new LiveError("closed", LATE);
  if (!sideId) throw new LiveError("forbidden", "You have no side yet: wait for your teacher to seat you.");
  if (!plan.sides.includes(sideId)) throw new LiveError("forbidden", "Your side is not on the floor in this round.");
  return sideId;
}

/** Sends an argument to those who may read it now: the teacher, the author's side, and everyone once public. */
async function publishArgument({ tx, out }: WriteContext, row: ArgumentRow, round: RoundRow, kind: RoundKind, scenario: PackedScenario) {
  const [author] = await tx.select({ name: participants.displayName }).from(participants).where(eq(participants.id, row.participantId));
  const ruled = await tx.select().from(challenges).where(eq(challenges.argumentId, row.id));
  const view = argumentView(row, new Map([[row.participantId, author?.name ?? ""]]), cardsById(scenario), ruled);
  out.emit(argumentRooms(row, isPublic(kind, round)), "argument:changed", view);
  return view;
}

type Draft = { clientId: string; body: string; cardIds: string[] };

export function createArguments({ runWrite }: CommandRunner, scenarios: ScenarioLibrary) {
  /** Loads the seat and the round, checks the round is of `kinds`, and hands over to `write`. */
  function inRound(student: Student, roundId: string, kinds: readonly RoundKind[], write: (ctx: WriteContext, seat: Awaited<ReturnType<typeof seatOf>>, round: RoundRow, kind: RoundKind) => Promise<ArgumentRow>) {
    return runWrite(async (ctx) => {
      const seat = await seatOf(ctx.tx, scenarios, student);
      const round = await roundOf(ctx.tx, student.sessionId, roundId);
      const planned = seat.session.roundPlan[round.planIndex];
      if (!kinds.includes(planned.kind)) throw new LiveError("invalid", `You cannot do that in a ${planned.kind} round.`);
      const row = await write(ctx, seat, round, planned.kind);
      return publishArgument(ctx, row, round, planned.kind, seat.scenario);
    });
  }

  /** Stores the speech (or its edit), checked and published. */
  function speak(student: Student, roundId: string, draft: Draft) {
    return inRound(student, roundId, SPEAKING_KINDS, async ({ tx }, seat, round) => {
      const sideId = floorSide(round, seat.session.roundPlan[round.planIndex], seat.sideId);
      checkCitations(seat.scenario, sideId, draft.cardIds);
      const [row] = await tx
        .insert(debateArguments)
        .values({ sessionId: student.sessionId, roundId, participantId: student.participantId, sideId, kind: "argument", body: draft.body, cardIds: draft.cardIds, clientId: draft.clientId })
        .onConflictDoUpdate({
          target: [debateArguments.roundId, debateArguments.participantId],
          targetWhere: sql`${debateArguments.kind} = 'argument'`,
          set: { body: draft.body, cardIds: draft.cardIds, revision: sql`${debateArguments.revision} + 1`, updatedAt: new Date() },
          // A speech stays with the side it was written for: its author, moved since, may not fill it
          // with the new side's cards (which would go to the old side's room) or its points.
          setWhere: eq(debateArguments.sideId, sideId),
        })
        .returning();
      if (!row) throw new LiveError("forbidden", "You moved to another side after writing this speech: it stays with your old side.");
      return row;
    });
  }

  return {
    /** Submits or edits the student's speech in a speaking round. */
    async submitArgument(student: Student, roundId: string, draft: Draft): Promise<ArgumentView> {
      try {
        return await speak(student, roundId, draft);
      } catch (error) {
        // An edit finds its speech by round and student: only a client id another row holds lands here.
        if (uniqueViolation(error) === "arguments_client") throw reusedClientId();
        throw error;
      }
    },

    askQuestion(student: Student, roundId: string, targetSideId: string, draft: Draft): Promise<ArgumentView> {
      return inRound(student, roundId, ["crossfire"], async ({ tx }, seat, round) => {
        const planned = seat.session.roundPlan[round.planIndex];
        const sideId = floorSide(round, planned, seat.sideId);
        if (targetSideId === sideId) throw new LiveError("invalid", "Ask a question to another side, not your own.");
        if (!planned.sides.includes(targetSideId)) throw new LiveError("invalid", "That side is not on the floor in this round.");
        checkCitations(seat.scenario, sideId, draft.cardIds);
        return insertOnce(tx, { sessionId: student.sessionId, roundId, participantId: student.participantId, sideId, kind: "question", targetSideId, replyTo: null, ...draft });
      });
    },

    async answerQuestion(student: Student, questionId: string, draft: Draft): Promise<ArgumentView> {
      const [question] = await runWrite(({ tx }) =>
        tx.select().from(debateArguments).where(and(eq(debateArguments.id, questionId), eq(debateArguments.sessionId, student.sessionId), eq(debateArguments.kind, "question"))),
      );
      if (!question) throw new LiveError("not_found", "That question is not part of this session.");
      return inRound(student, question.roundId, ["crossfire"], async ({ tx }, seat, round) => {
        const sideId = floorSide(round, seat.session.roundPlan[round.planIndex], seat.sideId);
        if (question.targetSideId !== sideId) throw new LiveError("forbidden", "Only the side the question was asked to can answer it.");
        checkCitations(seat.scenario, sideId, draft.cardIds);
        return insertOnce(tx, { sessionId: student.sessionId, roundId: round.id, participantId: student.participantId, sideId, kind: "answer", targetSideId: null, replyTo: question.id, ...draft });
      });
    },
  };
}

/** Stores a question or answer once per client id: a retry after a lost acknowledgement finds the first. */
async function insertOnce(tx: Transaction, values: typeof debateArguments.$inferInsert): Promise<ArgumentRow> {
  const [row] = await tx.insert(debateArguments).values(values).onConflictDoNothing({ target: [debateArguments.participantId, debateArguments.clientId] }).returning();
  if (row) return row;
  const [first] = await tx
    .select()
    .from(debateArguments)
    .where(and(eq(debateArguments.participantId, values.participantId), eq(debateArguments.clientId, values.clientId)));
  // A retry is the same write: same round, kind and addressee. Anything else must not be answered
  // with that row (it may be an unrevealed speech, and this round's audience is everyone).
  const retry = first.roundId === values.roundId && first.kind === values.kind && first.targetSideId === values.targetSideId && first.replyTo === values.replyTo;
  if (!retry) throw reusedClientId();
  return first;
}
