// The vote scenarios: votes at a steady rate (the same pace and payloads on Rostrum and on the
// baseline), and a run as fast as the server answers. Each keeps what every seat sent, in order,
// so the runner can check the stored rows against the acknowledged votes afterwards.
import type { ClientSocket } from "../support/clients";
import { nextEvent } from "../support/clients";
import { must } from "../support/debate";
import { EVENTS_PER_SECOND } from "../../server/realtime/limits";
import type { Class } from "./driver";
import { AckCount, paced, sleep, timedEmit, type Timed } from "./pace";

/** The poll the vote scenarios open: one choice of four, results live (every student gets the counts, as from the baseline). */
const OPTIONS = ["A", "B", "C", "D"];
/** A seat's k-th vote: never the option it chose just before, so a stored row tells which vote it was. */
const choiceOf = (seat: number, k: number) => [(seat + k) % OPTIONS.length];
/** Votes a second per seat in the throughput run: under the server's per-seat limit, which would refuse the rest. */
const THROUGHPUT_PER_SEAT = EVENTS_PER_SECOND - 1;

type Sent = { choices: number[]; state: "pending" | "ok" | "refused" | "timeout" };
const stateOf = ({ answer }: Timed<unknown>): Sent["state"] => (!answer ? "timeout" : answer.ok ? "ok" : "refused");

/**
 * What the runner checks against the database for one seat: its last acknowledged vote, and the
 * votes it sent after that which were not acknowledged (refused, or no answer in time: one of
 * those may be stored instead without any acknowledged vote being lost).
 */
export type SeatVotes = { participantId: string; lastAcked: number[] | null; after: number[][] };

function seatVotes(participantId: string, sent: Sent[]): SeatVotes {
  const last = sent.findLastIndex((s) => s.state === "ok");
  return {
    participantId,
    lastAcked: last < 0 ? null : sent[last].choices,
    after: sent.slice(last + 1).map((s) => s.choices),
  };
}

/** One vote, logged in its seat's order and counted when answered. */
function vote(socket: ClientSocket, pollId: string, choices: number[], log: Sent[], ack: AckCount) {
  const entry: Sent = { choices, state: "pending" };
  log.push(entry);
  return timedEmit(socket, "poll:vote", { pollId, choices }).then((answer) => {
    ack.add(answer);
    entry.state = stateOf(answer);
  });
}

/**
 * `rate` votes a second for `seconds`, spread evenly, in turn over the sockets (so with 1,000
 * sockets at 2,000 a second each votes every 0.5 s), and waits for every answer.
 */
export async function steadyVotes(sockets: ClientSocket[], pollId: string, rate: number, seconds: number) {
  const total = Math.round(rate * seconds);
  const logs = sockets.map((): Sent[] => []);
  const ack = new AckCount();
  const answers: Promise<void>[] = [];
  const started = performance.now();
  await paced(total, rate, (j) => {
    const seat = j % sockets.length;
    answers.push(vote(sockets[seat], pollId, choiceOf(seat, Math.floor(j / sockets.length)), logs[seat], ack));
  });
  const sendingSeconds = (performance.now() - started) / 1000;
  await Promise.all(answers);
  return { ack, logs, sent: total, seconds: sendingSeconds };
}

/** Opens a poll as the teacher and gives the students a moment to receive it, as phones show it before anyone taps. */
async function openPoll(room: Class, prompt: string) {
  const { pollId } = await must(room.host, "poll:start", { custom: { kind: "choice", prompt, options: OPTIONS }, results: "live" });
  await sleep(500);
  return pollId;
}

/** Closes the poll as the teacher: how long the close took (it drains the batch), and the count the server computed from its rows. */
async function closePoll(room: Class, pollId: string) {
  const closed = nextEvent(room.host, "poll:changed", (c) => c.current?.id === pollId && c.current.status === "closed");
  const started = performance.now();
  await must(room.host, "poll:close", { pollId });
  const closeMs = performance.now() - started;
  return { closeMs, tallyVoted: (await closed).current!.tally.voted };
}

export async function votesScenario(room: Class, { voters, rate, seconds }: { voters: number; rate: number; seconds: number }) {
  const seated = room.students.slice(0, voters);
  if (seated.length < voters) throw new Error(`the votes scenario needs ${voters} students, ${seated.length} joined`);
  const pollId = await openPoll(room, "Benchmark: votes at a steady rate");
  const run = await steadyVotes(
    seated.map((s) => s.socket),
    pollId,
    rate,
    seconds
  );
  return {
    pollId,
    ack: run.ack.figures("votes"),
    ...run.ack.summary(),
    sent: run.sent,
    rate: run.sent / run.seconds,
    ...(await closePoll(room, pollId)),
    seats: run.logs.map((log, i) => seatVotes(seated[i].participantId, log)),
  };
}

/**
 * Every student votes again as soon as the last vote is answered (at most THROUGHPUT_PER_SEAT a
 * second each), for `seconds`; stored votes a second = acknowledged votes (each acknowledged
 * after its batch committed) over the time from the first send to the last answer.
 */
export async function throughput(room: Class, { seconds }: { seconds: number }) {
  const pollId = await openPoll(room, "Benchmark: as fast as it goes");
  const gap = 1000 / THROUGHPUT_PER_SEAT;
  const logs = room.students.map((): Sent[] => []);
  const ack = new AckCount();
  const started = performance.now();
  const stopAt = started + seconds * 1000;
  let lastAnswer = started;
  await Promise.all(
    room.students.map(async ({ socket }, seat) => {
      // Staggered over the first gap, so the run does not open with every student at once.
      await sleep((seat / room.students.length) * gap);
      for (let k = 0; performance.now() < stopAt; k++) {
        const sentAt = performance.now();
        await vote(socket, pollId, choiceOf(seat, k), logs[seat], ack);
        lastAnswer = performance.now();
        const wait = sentAt + gap - performance.now();
        if (wait > 0) await sleep(wait);
      }
    })
  );
  const elapsed = (lastAnswer - started) / 1000;
  return {
    pollId,
    storedPerSecond: ack.acked / elapsed,
    offeredAtMost: room.students.length * THROUGHPUT_PER_SEAT,
    ack: ack.figures("throughput"),
    ...ack.summary(),
    seconds: elapsed,
    ...(await closePoll(room, pollId)),
    seats: logs.map((log, i) => seatVotes(room.students[i].participantId, log)),
  };
}
