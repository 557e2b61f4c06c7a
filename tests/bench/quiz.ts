// The quiz burst: the teacher asks a question, every student answers it within a few seconds,
// the teacher closes it, and the projector shows the closed question with its leaderboard.
import type { ServerToClientEvents } from "../../server/realtime/events";
import type { QuizQuestionView } from "../../server/live/views/types";
import type { ClientSocket } from "../support/clients";
import { must } from "../support/debate";
import type { Class } from "./driver";
import { AckCount, paced, sleep, timedEmit } from "./pace";

type QuizChange = Parameters<ServerToClientEvents["quiz:changed"]>[0];
const WAIT_MS = 30_000;

/** An answer to the question: the right one for even students, a wrong one for odd ones, so the leaderboard is not one big tie. */
function answerFor(question: QuizQuestionView, right: boolean) {
  const correct = question.key?.correct;
  if (!correct) throw new Error("the teacher's view of the question has no key");
  if ("number" in correct) return { number: right ? correct.number : correct.number + correct.tolerance + 1 };
  if (right) return { choices: correct.choices };
  return { choices: [question.options.findIndex((_, i) => !correct.choices.includes(i))] };
}

/** When (performance.now()) a socket first gets a `quiz:changed` that matches, failing after WAIT_MS. */
function changeAt(socket: ClientSocket, matches: (change: QuizChange) => boolean) {
  return new Promise<{ at: number; change: QuizChange }>((resolve, reject) => {
    const timer = setTimeout(() => {
      socket.off("quiz:changed", listener);
      reject(new Error(`no matching quiz:changed within ${WAIT_MS / 1000} s`));
    }, WAIT_MS);
    const listener = (change: QuizChange) => {
      if (!matches(change)) return;
      clearTimeout(timer);
      socket.off("quiz:changed", listener);
      resolve({ at: performance.now(), change });
    };
    socket.on("quiz:changed", listener);
  });
}

/** Counts the students who got `event` (once each) and when the last one did; `stop()` ends the count. */
function arrivals<K extends keyof ServerToClientEvents>(
  sockets: ClientSocket[],
  event: K,
  matches: (payload: Parameters<ServerToClientEvents[K]>[0]) => boolean
) {
  const seen = new Set<ClientSocket>();
  let last = 0;
  const stops = sockets.map((socket) => {
    const listener = ((payload: Parameters<ServerToClientEvents[K]>[0]) => {
      if (seen.has(socket) || !matches(payload)) return;
      seen.add(socket);
      last = performance.now();
    }) as never;
    socket.on(event, listener);
    return () => socket.off(event, listener);
  });
  return {
    /** Waits until every socket got it or WAIT_MS passed; answers how many did and the last arrival, `since` a start. */
    async all(since: number) {
      const deadline = performance.now() + WAIT_MS;
      while (seen.size < sockets.length && performance.now() < deadline) await sleep(5);
      stops.forEach((stop) => stop());
      return { received: seen.size, lastMs: seen.size ? last - since : NaN };
    },
  };
}

export async function quizBurst({ host, projector, students }: Class, { seconds }: { seconds: number }) {
  const sockets = students.map((s) => s.socket);
  const asked = changeAt(host, (c) => c.quiz.question?.status === "open");
  const questionSeen = arrivals(sockets, "quiz:changed", (c) => c.quiz.question?.status === "open");
  const askedAt = performance.now();
  const { questionId } = await must(host, "quiz:ask", {});
  const question = (await asked).change.quiz.question!;
  if (question.id !== questionId) throw new Error("the teacher saw another question open");
  const broadcast = await questionSeen.all(askedAt);

  const ack = new AckCount();
  const acked: string[] = [];
  const answers: Promise<void>[] = [];
  await paced(sockets.length, sockets.length / seconds, (i) =>
    answers.push(
      timedEmit(sockets[i], "quiz:answer", { questionId, ...answerFor(question, i % 2 === 0) }).then((answer) => {
        ack.add(answer);
        if (answer.answer?.ok) acked.push(students[i].participantId);
      })
    )
  );
  await Promise.all(answers);

  const isClosed = (c: QuizChange) => c.quiz.question?.id === questionId && c.quiz.question.status === "closed";
  const onProjector = changeAt(projector, isClosed);
  const onConsole = changeAt(host, isClosed);
  const results = arrivals(sockets, "quiz:result", (r) => r.questionId === questionId);
  const closing = performance.now();
  const closed = must(host, "quiz:close", { questionId }).then(() => performance.now() - closing);
  const [projectorSaw, consoleSaw, closeMs] = await Promise.all([onProjector, onConsole, closed]);
  return {
    questionId,
    kind: question.kind,
    limitSeconds: (question.endsAt - question.startedAt) / 1000,
    /** From the ask to the last student receiving the open question. */
    broadcast,
    ack: ack.figures("quiz answers"),
    ...ack.summary(),
    /** The students whose answer was acknowledged, for the check against the stored rows. */
    ackedStudents: acked,
    closeMs,
    leaderboardMs: projectorSaw.at - closing,
    consoleLeaderboardMs: consoleSaw.at - closing,
    leaders: projectorSaw.change.quiz.leaderboard.length,
    /** From the close to the last student receiving their result. */
    results: await results.all(closing),
  };
}
