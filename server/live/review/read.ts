// Everything a session stored, read in one go for its review: from the database alone, so the
// review after a restart is the review before it.
import { asc, eq, inArray } from "drizzle-orm";
import type { PackedScenario } from "../../../content/schema";
import type { Database } from "../../../db/client";
import {
  ballots,
  challenges,
  debateArguments,
  peerVotes,
  pollVotes,
  polls,
  quizAnswers,
  quizQuestions,
  rounds,
  scenarioVersions,
  teachers,
  type ArgumentRow,
  type BallotRow,
  type ChallengeRow,
  type PeerVoteRow,
  type PollRow,
  type PollVoteRow,
  type QuizAnswerRow,
  type QuizQuestionRow,
  type RoundRow,
  type SessionRow,
} from "../../../db/schema";
import { allSeats, type Seat } from "../lobby/seats";
import type { ScenarioLibrary } from "../scenarios";

export type SessionRecord = {
  session: SessionRow;
  scenario: PackedScenario;
  /** The version's number, as the scenario library stored it. */
  scenarioVersion: number;
  /** Every seat ever taken, removed ones too, in join order. */
  seats: Seat[];
  rounds: RoundRow[];
  arguments: ArgumentRow[];
  ballots: BallotRow[];
  /** Judges' names by id. */
  judges: Map<string, string>;
  votes: PeerVoteRow[];
  challenges: ChallengeRow[];
  polls: PollRow[];
  pollVotes: PollVoteRow[];
  questions: QuizQuestionRow[];
  answers: QuizAnswerRow[];
};

export async function readSessionRecord(db: Database, scenarios: ScenarioLibrary, session: SessionRow): Promise<SessionRecord> {
  const id = session.id;
  const [version, seats, roundRows, argumentRows, ballotRows, voteRows, challengeRows, pollRows, pollVoteRows, questionRows, answerRows] = await Promise.all([
    Promise.all([scenarios.content(session.scenarioVersionId), db.select({ version: scenarioVersions.version }).from(scenarioVersions).where(eq(scenarioVersions.id, session.scenarioVersionId))]),
    allSeats(db, id),
    db.select().from(rounds).where(eq(rounds.sessionId, id)).orderBy(asc(rounds.planIndex)),
    db.select().from(debateArguments).where(eq(debateArguments.sessionId, id)).orderBy(asc(debateArguments.createdAt), asc(debateArguments.id)),
    db
      .select({ ballot: ballots })
      .from(ballots)
      .innerJoin(debateArguments, eq(debateArguments.id, ballots.argumentId))
      .where(eq(debateArguments.sessionId, id))
      .orderBy(asc(ballots.updatedAt), asc(ballots.id)),
    db.select({ vote: peerVotes }).from(peerVotes).innerJoin(rounds, eq(rounds.id, peerVotes.roundId)).where(eq(rounds.sessionId, id)).orderBy(asc(peerVotes.createdAt), asc(peerVotes.id)),
    db.select().from(challenges).where(eq(challenges.sessionId, id)).orderBy(asc(challenges.createdAt), asc(challenges.id)),
    db.select().from(polls).where(eq(polls.sessionId, id)).orderBy(asc(polls.openedAt), asc(polls.id)),
    db
      .select({ vote: pollVotes })
      .from(pollVotes)
      .innerJoin(polls, eq(polls.id, pollVotes.pollId))
      .where(eq(polls.sessionId, id))
      .orderBy(asc(pollVotes.updatedAt), asc(pollVotes.participantId)),
    db.select().from(quizQuestions).where(eq(quizQuestions.sessionId, id)).orderBy(asc(quizQuestions.position)),
    db
      .select({ answer: quizAnswers })
      .from(quizAnswers)
      .innerJoin(quizQuestions, eq(quizQuestions.id, quizAnswers.questionId))
      .where(eq(quizQuestions.sessionId, id))
      .orderBy(asc(quizQuestions.position), asc(quizAnswers.createdAt), asc(quizAnswers.participantId)),
  ]);
  const judgeIds = [...new Set(ballotRows.map((r) => r.ballot.judgeId))];
  const judgeRows = judgeIds.length ? await db.select({ id: teachers.id, name: teachers.name }).from(teachers).where(inArray(teachers.id, judgeIds)) : [];
  return {
    session,
    scenario: version[0],
    scenarioVersion: version[1][0]?.version ?? 0,
    seats,
    rounds: roundRows,
    arguments: argumentRows,
    ballots: ballotRows.map((r) => r.ballot),
    judges: new Map(judgeRows.map((j) => [j.id, j.name])),
    votes: voteRows.map((r) => r.vote),
    challenges: challengeRows,
    polls: pollRows,
    pollVotes: pollVoteRows.map((r) => r.vote),
    questions: questionRows,
    answers: answerRows.map((r) => r.answer),
  };
}
