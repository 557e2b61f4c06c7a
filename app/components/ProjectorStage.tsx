import type { ProjectorView } from "../../server/live/views/types";
import { sideNames } from "~/lib/debate";
import { pollNews } from "~/lib/polls";
import { quizNews } from "~/lib/quiz";
import { canShow, type Stage } from "~/lib/stage";
import { ProjectorDebate } from "./ProjectorDebate";
import { ProjectorPoll } from "./ProjectorPoll";
import { ProjectorQuiz } from "./ProjectorQuiz";

/**
 * The wall during the lesson: the debate, the poll or the quiz, whichever is newest. News of a
 * poll or question opening and closing is said to screen readers whichever is on the wall.
 */
export function ProjectorStage({ view, stage, offsetMs }: { view: ProjectorView; stage: Stage; offsetMs: number }) {
  const { current } = view.polls;
  const { question } = view.quiz;
  const show = canShow(stage, view) ? stage : "round";
  return (
    <>
      <p className="visually-hidden" aria-live="polite">
        {current ? pollNews(current) : ""}
      </p>
      <p className="visually-hidden" aria-live="polite">
        {question ? quizNews(question) : ""}
      </p>
      {show === "poll" && current ? (
        <ProjectorPoll polls={{ ...view.polls, current }} round={view.debate.round} sideName={sideNames(view.sides)} offsetMs={offsetMs} />
      ) : show === "quiz" ? (
        <ProjectorQuiz quiz={view.quiz} sides={view.sides} offsetMs={offsetMs} />
      ) : view.debate.round || view.debate.scoreboard ? (
        <ProjectorDebate view={view} offsetMs={offsetMs} />
      ) : null}
    </>
  );
}
