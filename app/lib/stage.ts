// Which of the debate round, the poll and the quiz is newest: it takes the projector's wall, and
// comes first on a phone. A plan round of kind poll or quiz stands for its poll or quiz. The rules
// are pure and unit-tested; `useStage` keeps the keys it last saw and asks which stage follows.
import { useEffect, useRef, useState } from "react";
import type { PollsView, QuizView, RoundView } from "../../server/live/views/types";

export type Stage = "round" | "poll" | "quiz";
type Shown = { debate: { round: RoundView | null }; polls: PollsView; quiz: QuizView };
export type StageKeys = Record<Stage, string>;

const running = (round: RoundView | null) => round !== null && round.status !== "closed";
const roundStage = (round: RoundView): Stage => (round.kind === "poll" ? "poll" : round.kind === "quiz" ? "quiz" : "round");

/** What changes when each part has news worth the screen: opened, closed, revealed, a podium. */
export function stageKeys({ debate: { round }, polls, quiz }: Shown): StageKeys {
  return {
    round: round ? `${round.id}:${round.status}` : "",
    poll: polls.current ? `${polls.current.id}:${polls.current.status}:${polls.current.revealed}:${polls.persuasion !== null}` : "",
    quiz: quiz.question ? `${quiz.question.id}:${quiz.question.status}:${quiz.podium !== null}` : quiz.podium ? "podium" : "",
  };
}

/** Whether a stage has anything to show. */
export function canShow(stage: Stage, view: Shown): boolean {
  if (stage === "poll") return view.polls.current !== null;
  if (stage === "quiz") return view.quiz.question !== null || view.quiz.podium !== null;
  return view.debate.round !== null;
}

/** On first sight: what is open now (a question, a poll, a running round), else the last poll, quiz or round. */
export function firstStage(view: Shown): Stage {
  const { round } = view.debate;
  if (view.quiz.question?.status === "open") return "quiz";
  if (view.polls.current?.status === "open") return "poll";
  if (round && running(round)) return roundStage(round);
  const order: Stage[] = ["poll", "quiz", "round"];
  return order.find((s) => canShow(s, view)) ?? "round";
}

/** After a change: the part whose news is newest (a question before a poll before a round, if at once); else as it was. */
export function nextStage(before: StageKeys, view: Shown, stage: Stage): Stage {
  const after = stageKeys(view);
  const changed = (["quiz", "poll", "round"] as const).filter((s) => after[s] !== before[s] && after[s] !== "");
  const pick = changed.map((s) => (s === "round" && view.debate.round ? roundStage(view.debate.round) : s)).find((s) => canShow(s, view));
  if (pick) return pick;
  return canShow(stage, view) ? stage : firstStage(view);
}

/** The newest part of a live view, followed as events arrive. */
export function useStage(view: Shown): Stage {
  const [stage, setStage] = useState<Stage>(() => firstStage(view));
  const seen = useRef(stageKeys(view));
  const next = nextStage(seen.current, view, stage);
  useEffect(() => {
    seen.current = stageKeys(view);
    if (next !== stage) setStage(next);
  }, [view, next, stage]);
  return next;
}
