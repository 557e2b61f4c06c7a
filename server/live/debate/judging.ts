// Judging arguments: the teacher's rubric ballots, students' peer votes for the most persuasive
// argument of a closed round, and source challenges the teacher rules on.
import { and, eq } from "drizzle-orm";
import type { Transaction } from "../../../db/client";
import { uniqueViolation } from "../../../db/client";
import { ballots, challenges, debateArguments, peerVotes } from "../../../db/schema";
import type { CommandRunner } from "../command";
import { LiveError } from "../errors";
import { requireHost } from "../guards";
import { rooms } from "../publish/rooms";
import type { ScenarioLibrary } from "../scenarios";
import { ballotPoints, checkBallot } from "../scoring/debate";
import { cardsById } from "../views/cards";
import { allSeats } from "../lobby/seats";
import { argumentView, challengeView, namesOf } from "../views/debate";
import type { BallotView, ChallengeView } from "../views/types";
import { roundOf, seatOf, type Student } from "./students";
import { argumentRooms, canRead, isPublic } from "./visibility";

async function argumentIn(tx: Transaction, sessionId: string, argumentId: string) {
  const [row] = await tx.select().from(debateArguments).where(and(eq(debateArguments.id, argumentId), eq(debateArguments.sessionId, sessionId)));
  if (!row) throw new LiveError("not_found", "That argument is not part of this session.");
  return row;
}

export function createJudging({ runCommand, runWrite }: CommandRunner, scenarios: ScenarioLibrary) {
  return {
    /** The teacher's ballot on an argument; scoring again replaces it. */
    submitBallot(teacherId: string, sessionId: string, argumentId: string, scores: Record<string, number>, comment: string): Promise<BallotView> {
      return runCommand(sessionId, async ({ tx, session, scenario, out }) => {
        requireHost(session, teacherId);
        await argumentIn(tx, sessionId, argumentId);
        const check = checkBallot(scenario.rubric, scores);
        if (!check.ok) throw new LiveError("invalid", check.message);
        await tx
          .insert(ballots)
          .values({ argumentId, judgeId: teacherId, scores, comment })
          .onConflictDoUpdate({ target: [ballots.argumentId, ballots.judgeId], set: { scores, comment, updatedAt: new Date() } });
        const ballot = { argumentId, scores, comment, points: ballotPoints(scenario.rubric, scores) };
        out.emit(rooms.host(sessionId), "ballot:changed", ballot);
        out.scores(sessionId);
        return ballot;
      });
    },

    /** One vote per student per closed round, for a readable argument of another side. */
    castVote(student: Student, roundId: string, argumentId: string) {
      return runWrite(async ({ tx, out }) => {
        const seat = await seatOf(tx, scenarios, student);
        const round = await roundOf(tx, student.sessionId, roundId);
        if (round.status !== "closed") throw new LiveError("closed", "Voting opens when the round closes.");
        const argument = await argumentIn(tx, student.sessionId, argumentId);
        if (argument.roundId !== roundId) throw new LiveError("invalid", "That argument is not from this round.");
        const kind = seat.session.roundPlan[round.planIndex].kind;
        if (!isPublic(kind, round)) throw new LiveError("closed", "Your teacher has not shown this round's arguments yet.");
        if (!seat.sideId || argument.sideId === seat.sideId) throw new LiveError("forbidden", "Vote for an argument from another side, not your own.");
        const [vote] = await tx.insert(peerVotes).values({ roundId, voterId: student.participantId, argumentId }).onConflictDoNothing().returning();
        if (!vote) throw new LiveError("closed", "You already voted in this round.");
        out.scores(student.sessionId);
        return null;
      });
    },

    /** "The quote does not say that": one open challenge per student, on an opposing argument's cited card. */
    async openChallenge(student: Student, argumentId: string, cardId: string, reason: string): Promise<ChallengeView> {
      try {
        return await runWrite(async ({ tx, out }) => {
          const seat = await seatOf(tx, scenarios, student);
          const argument = await argumentIn(tx, student.sessionId, argumentId);
          const round = await roundOf(tx, student.sessionId, argument.roundId);
          const readable = canRead({ role: "participant", participantId: student.participantId, sideId: seat.sideId }, argument, isPublic(seat.session.roundPlan[round.planIndex].kind, round));
          if (!readable) throw new LiveError("not_found", "That argument is not part of this session.");
          if (!seat.sideId || argument.sideId === seat.sideId) throw new LiveError("forbidden", "You can only challenge another side's argument.");
          if (!argument.cardIds.includes(cardId)) throw new LiveError("invalid", "That argument does not cite this card.");
          const [row] = await tx
            .insert(challenges)
            .values({ sessionId: student.sessionId, argumentId, cardId, challengerId: student.participantId, challengerSideId: seat.sideId, reason })
            .returning();
          const view = challengeView(row, new Map([[student.participantId, seat.participant.displayName]]));
          out.emit([rooms.host(student.sessionId), rooms.participant(student.participantId)], "challenge:changed", view);
          return view;
        });
      } catch (error) {
        const constraint = uniqueViolation(error);
        if (constraint === "challenges_one_open") throw new LiveError("closed", "You already have a challenge waiting for your teacher's ruling.");
        if (constraint === "challenges_once") throw new LiveError("closed", "You already challenged this quote in this argument.");
        throw error;
      }
    },

    /** Upheld costs the argument and credits the challenger; rejected costs the challenger a little. */
    ruleChallenge(teacherId: string, sessionId: string, challengeId: string, upheld: boolean, reason: string): Promise<ChallengeView> {
      return runCommand(sessionId, async ({ tx, session, scenario, out }) => {
        requireHost(session, teacherId);
        const [row] = await tx
          .update(challenges)
          .set({ status: upheld ? "upheld" : "rejected", ruling: reason, ruledAt: new Date() })
          .where(and(eq(challenges.id, challengeId), eq(challenges.sessionId, sessionId), eq(challenges.status, "open")))
          .returning();
        if (!row) {
          const [exists] = await tx.select({ id: challenges.id }).from(challenges).where(and(eq(challenges.id, challengeId), eq(challenges.sessionId, sessionId)));
          throw exists ? new LiveError("closed", "That challenge has already been ruled on.") : new LiveError("not_found", "That challenge is not part of this session.");
        }
        const argument = await argumentIn(tx, sessionId, row.argumentId);
        const round = await roundOf(tx, sessionId, argument.roundId);
        const names = namesOf(await allSeats(tx, sessionId));
        const ruled = await tx.select().from(challenges).where(eq(challenges.argumentId, argument.id));
        const view = challengeView(row, names);
        out.emit([rooms.host(sessionId), rooms.participant(row.challengerId)], "challenge:changed", view);
        // The ruling is public: it shows on the argument wherever the argument can be read.
        out.emit(argumentRooms(argument, isPublic(session.roundPlan[round.planIndex].kind, round)), "argument:changed", argumentView(argument, names, cardsById(scenario), ruled));
        out.scores(sessionId);
        return view;
      });
    },
  };
}
