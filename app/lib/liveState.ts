// How a client folds the server's deltas into the view it holds. Pure, so every rule is tested
// alone: a snapshot replaces the view when it is at least as new; a delta older than the view
// (by session version, by an argument's revision, or by a poll tally's or quiz progress's seq) is
// dropped, so events that cross a snapshot in flight never take the screen back in time.
import type { RoundChange } from "../../server/live/publish/events";
import type {
  ArgumentView,
  BallotView,
  ChallengeView,
  PollsView,
  PollTally,
  QuizResult,
  QuizView,
  Scoreboard,
  Settings,
  View,
} from "../../server/live/views/types";

export type Delta =
  | { type: "round"; change: RoundChange }
  | { type: "argument"; argument: ArgumentView }
  | { type: "revealed"; version: number; roundId: string; arguments: ArgumentView[] }
  | { type: "settings"; version: number; settings: Settings }
  | { type: "presence"; participantId: string; online: boolean }
  | { type: "ballot"; ballot: BallotView }
  | { type: "challenge"; challenge: ChallengeView }
  | { type: "scores"; scoreboard: Scoreboard | null; votes?: Record<string, number> }
  | ({ type: "polls"; version: number } & PollsView)
  | { type: "tally"; tally: PollTally }
  | { type: "quiz"; version: number; quiz: QuizView }
  | { type: "progress"; progress: NonNullable<QuizView["progress"]> }
  | { type: "result"; result: QuizResult };

const byId = <T extends { id: string }>(list: readonly T[], item: T, keep: (old: T) => boolean = () => false): T[] => {
  const i = list.findIndex((x) => x.id === item.id);
  if (i === -1) return [...list, item];
  if (keep(list[i])) return [...list];
  return list.map((x, j) => (j === i ? item : x));
};

/** Merges arguments in, keeping the newer revision of each. */
function withArguments(list: readonly ArgumentView[], incoming: readonly ArgumentView[]): ArgumentView[] {
  let out = [...list];
  for (const a of incoming) out = byId(out, a, (old) => old.revision > a.revision);
  return out;
}

export function applyDelta<V extends View>(view: V, delta: Delta): V {
  const debate = view.debate;
  switch (delta.type) {
    case "round":
      if (delta.change.version < view.version) return view;
      return { ...view, version: delta.change.version, debate: { ...debate, plan: delta.change.plan, round: delta.change.round } };
    case "argument":
      return { ...view, debate: { ...debate, arguments: withArguments(debate.arguments, [delta.argument]) } };
    case "revealed":
      if (delta.version < view.version) return view;
      return {
        ...view,
        version: delta.version,
        debate: {
          ...debate,
          round: debate.round?.id === delta.roundId ? { ...debate.round, revealed: true } : debate.round,
          plan: debate.plan.map((item) => (item.roundId === delta.roundId ? { ...item, revealed: true } : item)),
          arguments: withArguments(debate.arguments, delta.arguments),
        },
      };
    case "settings":
      if (delta.version < view.version) return view;
      return { ...view, version: delta.version, debate: { ...debate, settings: delta.settings } };
    case "presence":
      if (view.audience !== "host") return view;
      return { ...view, participants: view.participants.map((p) => (p.id === delta.participantId ? { ...p, online: delta.online } : p)) };
    case "ballot":
      if (view.audience !== "host") return view;
      return { ...view, debate: { ...view.debate, ballots: byIdOf(view.debate.ballots, delta.ballot) } };
    case "challenge": {
      if (view.audience === "host") return { ...view, debate: { ...view.debate, challenges: byId(view.debate.challenges, delta.challenge) } };
      if (view.audience === "participant" && delta.challenge.challengerId === view.me.id)
        return { ...view, debate: { ...view.debate, myChallenges: byId(view.debate.myChallenges, delta.challenge) } };
      return view;
    }
    case "scores":
      if (view.audience === "host") return { ...view, debate: { ...view.debate, scoreboard: delta.scoreboard, votes: delta.votes ?? view.debate.votes } };
      return { ...view, debate: { ...debate, scoreboard: delta.scoreboard } };
    case "polls": {
      if (delta.version < view.version) return view;
      const polls: PollsView = { current: delta.current, persuasion: delta.persuasion };
      if (view.audience !== "participant") return { ...view, version: delta.version, polls };
      // A student's own vote belongs to one poll: a new poll starts them without one.
      const myVote = view.myVote && view.myVote.pollId === delta.current?.id ? view.myVote : null;
      return { ...view, version: delta.version, polls, myVote };
    }
    case "tally": {
      // Tallies are coalesced and may overtake each other: keep the highest seq of the poll shown.
      const current = view.polls.current;
      if (!current || current.id !== delta.tally.pollId || delta.tally.seq <= current.tally.seq) return view;
      return { ...view, polls: { ...view.polls, current: { ...current, tally: delta.tally } } };
    }
    case "quiz": {
      if (delta.version < view.version) return view;
      if (view.audience === "host") {
        // Only a snapshot carries the bank; the question just asked is marked asked in it meanwhile.
        const itemId = delta.quiz.question?.itemId;
        const quiz = view.library.quiz.map((item) => (item.id === itemId && !item.asked ? { ...item, asked: true } : item));
        return { ...view, version: delta.version, quiz: delta.quiz, library: { ...view.library, quiz } };
      }
      if (view.audience !== "participant") return { ...view, version: delta.version, quiz: delta.quiz };
      const answer = view.myQuiz.answer && view.myQuiz.answer.questionId === delta.quiz.question?.id ? view.myQuiz.answer : null;
      return { ...view, version: delta.version, quiz: delta.quiz, myQuiz: { ...view.myQuiz, answer } };
    }
    case "progress": {
      const { question, progress } = view.quiz;
      if (!question || question.id !== delta.progress.questionId) return view;
      if (progress && progress.questionId === delta.progress.questionId && delta.progress.seq <= progress.seq) return view;
      return { ...view, quiz: { ...view.quiz, progress: delta.progress } };
    }
    case "result": {
      if (view.audience !== "participant") return view;
      const { result } = delta;
      return { ...view, myQuiz: { ...view.myQuiz, result, total: result.total, rank: result.rank, streak: result.streak } };
    }
  }
}

const byIdOf = (list: readonly BallotView[], ballot: BallotView) => [...list.filter((b) => b.argumentId !== ballot.argumentId), ballot];
