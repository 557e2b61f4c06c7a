import { describe, expect, it } from "vitest";
import { applyDelta } from "../../app/lib/liveState";
import type {
  ArgumentView,
  HostView,
  ParticipantView,
  PollTally,
  PollView,
  ProjectorView,
  QuizQuestionView,
  QuizView,
  RoundView,
} from "../../server/live/views/types";

const round = (over: Partial<RoundView> = {}): RoundView => ({
  id: "r1", index: 2, kind: "opening", title: "Openings", sides: ["a", "b"], seconds: 60, status: "open", endsAt: 1000, remainingMs: 60000, revealed: false, ...over,
});
const argument = (over: Partial<ArgumentView> = {}): ArgumentView => ({
  id: "x1", roundId: "r1", participantId: "p1", author: "Dara", sideId: "a", kind: "argument", body: "first", cards: [], targetSideId: null, replyTo: null, revision: 1, createdAt: 1, challenges: [], ...over,
});
const view = (version: number): ProjectorView => ({
  audience: "projector",
  version,
  serverTime: 0,
  session: { code: "ABC123", status: "live", sidesLocked: true },
  scenario: { title: "t", motion: "m" },
  sides: [],
  unassigned: [],
  total: 0,
  polls: { current: null, persuasion: null },
  quiz: { question: null, progress: null, asked: 0, bank: 0, round: null, leaderboard: [], podium: null },
  debate: { plan: [], round: null, arguments: [], settings: { argumentsLive: false, scoreboard: "hidden", quizSpeed: true, quizStreak: true, pollFilter: true }, scoreboard: null },
});
const tally = (over: Partial<PollTally> = {}): PollTally => ({ pollId: "poll1", seq: 1, voted: 0, of: 3, counts: [0, 0, 0], cloud: null, ...over });
const poll = (over: Partial<PollView> = {}): PollView => ({
  id: "poll1", kind: "motion", prompt: "Should it?", options: ["For", "Against", "Undecided"], phase: "before", results: "live", anonymous: false,
  status: "open", revealed: false, roundId: null, tally: tally({ pollId: over.id ?? "poll1" }), ...over,
});
const question = (over: Partial<QuizQuestionView> = {}): QuizQuestionView => ({
  id: "q1", itemId: "i1", position: 1, kind: "single", prompt: "Which?", options: ["A", "B"], unit: null, multiplier: 1, status: "open",
  startedAt: 0, endsAt: 20000, roundId: null, key: null, distribution: null, ...over,
});
const quiz = (q: QuizQuestionView | null, over: Partial<QuizView> = {}): QuizView => ({ ...view(0).quiz, question: q, ...over });
const student = (version: number): ParticipantView =>
  ({
    ...view(version),
    audience: "participant",
    me: { id: "p1", name: "Dara", removed: false },
    myVote: null,
    myQuiz: { answer: null, result: null, total: 0, rank: null, streak: 0 },
  }) as unknown as ParticipantView;

describe("applying deltas to a view", () => {
  it("takes a round change at least as new as the view, and drops an older one", () => {
    const next = applyDelta(view(5), { type: "round", change: { version: 6, serverTime: 0, plan: [], round: round() } });
    expect(next.version).toBe(6);
    expect(next.debate.round?.id).toBe("r1");
    const stale = applyDelta(next, { type: "round", change: { version: 5, serverTime: 0, plan: [], round: null } });
    expect(stale.debate.round?.id).toBe("r1");
  });

  it("keeps the newest revision of an argument whichever event arrives last", () => {
    let v = applyDelta(view(1), { type: "argument", argument: argument({ revision: 2, body: "edited" }) });
    v = applyDelta(v, { type: "argument", argument: argument({ revision: 1, body: "first" }) });
    expect(v.debate.arguments).toHaveLength(1);
    expect(v.debate.arguments[0].body).toBe("edited");
    v = applyDelta(v, { type: "argument", argument: argument({ id: "x2", participantId: "p2" }) });
    expect(v.debate.arguments.map((a) => a.id)).toEqual(["x1", "x2"]);
  });

  it("marks the round revealed and adds its arguments", () => {
    const item = { index: 2, kind: "opening" as const, title: "Openings", sides: ["a"], seconds: 60, status: "closed" as const, roundId: "r1", revealed: false };
    const live = applyDelta(view(3), { type: "round", change: { version: 3, serverTime: 0, plan: [item], round: round() } });
    const next = applyDelta(live, { type: "revealed", version: 4, roundId: "r1", arguments: [argument()] });
    expect(next.debate.round?.revealed).toBe(true);
    expect(next.debate.plan[0].revealed).toBe(true);
    expect(next.debate.arguments).toHaveLength(1);
  });

  it("shows the scoreboard it is sent, and hides it when sent null", () => {
    const board = { sides: [{ id: "a", name: "A", total: 10, breakdown: { rubric: 0, peerVotes: 10, challenges: 0, quiz: 0, audience: 0 } }], individuals: null };
    const shown = applyDelta(view(1), { type: "scores", scoreboard: board });
    expect(shown.debate.scoreboard).toEqual(board);
    expect(applyDelta(shown, { type: "scores", scoreboard: null }).debate.scoreboard).toBeNull();
  });

  it("folds a student's presence into the teacher's roster", () => {
    const host = {
      audience: "host",
      version: 1,
      participants: [{ id: "p1", name: "Dara", sideId: null, online: false }],
      debate: view(1).debate,
    } as unknown as HostView;
    const next = applyDelta(host, { type: "presence", participantId: "p1", online: true });
    expect(next.participants[0].online).toBe(true);
    expect(applyDelta(view(1), { type: "presence", participantId: "p1", online: true })).toEqual(view(1));
  });

  it("takes a poll change at least as new as the view, and drops an older one", () => {
    const opened = applyDelta(view(4), { type: "polls", version: 5, current: poll(), persuasion: null });
    expect(opened.version).toBe(5);
    expect(opened.polls.current?.id).toBe("poll1");
    const stale = applyDelta(opened, { type: "polls", version: 4, current: null, persuasion: null });
    expect(stale.polls.current?.id).toBe("poll1");
  });

  it("keeps the highest tally of the poll shown and ignores another poll's", () => {
    let v = applyDelta(view(1), { type: "polls", version: 1, current: poll(), persuasion: null });
    v = applyDelta(v, { type: "tally", tally: tally({ seq: 3, voted: 2, counts: [1, 1, 0] }) });
    v = applyDelta(v, { type: "tally", tally: tally({ seq: 2, voted: 1, counts: [1, 0, 0] }) });
    expect(v.polls.current?.tally).toMatchObject({ seq: 3, voted: 2, counts: [1, 1, 0] });
    v = applyDelta(v, { type: "tally", tally: tally({ pollId: "poll0", seq: 9, voted: 3 }) });
    expect(v.polls.current?.tally.voted).toBe(2);
    expect(applyDelta(view(1), { type: "tally", tally: tally({ seq: 5 }) }).polls.current).toBeNull();
  });

  it("takes the tally a poll change carries, so a reveal shows the counts", () => {
    let v = applyDelta(view(1), { type: "polls", version: 1, current: poll({ results: "hidden", tally: tally({ seq: 4, voted: 2, counts: null }) }), persuasion: null });
    v = applyDelta(v, { type: "polls", version: 2, current: poll({ results: "hidden", revealed: true, status: "closed", tally: tally({ seq: 4, voted: 2, counts: [2, 0, 0] }) }), persuasion: null });
    expect(v.polls.current?.tally.counts).toEqual([2, 0, 0]);
  });

  it("keeps a student's vote while the same poll is shown, and forgets it for a new poll", () => {
    const mine = { pollId: "poll1", choices: [0], text: null };
    let v: ParticipantView = { ...applyDelta(student(1), { type: "polls", version: 1, current: poll(), persuasion: null }), myVote: mine };
    v = applyDelta(v, { type: "polls", version: 2, current: poll({ status: "closed" }), persuasion: null });
    expect(v.myVote).toEqual(mine);
    v = applyDelta(v, { type: "polls", version: 3, current: poll({ id: "poll2" }), persuasion: null });
    expect(v.myVote).toBeNull();
  });

  it("takes a quiz change at least as new as the view, and drops an older one", () => {
    const asked = applyDelta(view(2), { type: "quiz", version: 3, quiz: quiz(question()) });
    expect(asked.version).toBe(3);
    expect(asked.quiz.question?.id).toBe("q1");
    expect(applyDelta(asked, { type: "quiz", version: 2, quiz: quiz(null) }).quiz.question?.id).toBe("q1");
  });

  it("keeps the highest progress of the question shown and ignores another question's", () => {
    let v = applyDelta(view(1), { type: "quiz", version: 1, quiz: quiz(question()) });
    v = applyDelta(v, { type: "progress", progress: { questionId: "q1", seq: 2, answered: 5, of: 9 } });
    v = applyDelta(v, { type: "progress", progress: { questionId: "q1", seq: 1, answered: 3, of: 9 } });
    expect(v.quiz.progress).toEqual({ questionId: "q1", seq: 2, answered: 5, of: 9 });
    v = applyDelta(v, { type: "progress", progress: { questionId: "q0", seq: 7, answered: 9, of: 9 } });
    expect(v.quiz.progress?.answered).toBe(5);
  });

  it("keeps a student's answer for the same question and clears it for the next", () => {
    const answer = { questionId: "q1", value: { choices: [1] } };
    let v: ParticipantView = applyDelta(student(1), { type: "quiz", version: 1, quiz: quiz(question()) });
    v = { ...v, myQuiz: { ...v.myQuiz, answer } };
    v = applyDelta(v, { type: "quiz", version: 2, quiz: quiz(question({ status: "closed" })) });
    expect(v.myQuiz.answer).toEqual(answer);
    v = applyDelta(v, { type: "quiz", version: 3, quiz: quiz(question({ id: "q2", position: 2 })) });
    expect(v.myQuiz.answer).toBeNull();
  });

  it("sets a student's result with their total, rank and streak, and only a student's", () => {
    const result = { questionId: "q1", answered: true, correct: true, credit: 1, points: 950, streak: 2, total: 1900, rank: 1 };
    const v = applyDelta(student(1), { type: "result", result });
    expect(v.myQuiz).toEqual({ answer: null, result, total: 1900, rank: 1, streak: 2 });
    expect(applyDelta(view(1), { type: "result", result })).toEqual(view(1));
  });

  it("marks the question just asked as asked in the teacher's bank", () => {
    const bank = [
      { id: "i1", prompt: "One", kind: "single" as const, seconds: 20, points: 1, asked: false },
      { id: "i2", prompt: "Two", kind: "single" as const, seconds: 20, points: 1, asked: false },
    ];
    const host = { ...view(1), audience: "host", library: { polls: [], quiz: bank } } as unknown as HostView;
    const next = applyDelta(host, { type: "quiz", version: 2, quiz: quiz(question({ itemId: "i2" })) });
    expect(next.library.quiz.map((i) => i.asked)).toEqual([false, true]);
    expect(next.quiz.question?.itemId).toBe("i2");
  });
});
