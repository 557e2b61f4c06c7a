// A server restarted in the middle of a poll loses no acknowledged vote: what was acknowledged
// `ok` (before the stop, or just as it stopped) is in the rows the next server reads, its count
// is rebuilt from them, votes after the restart add to the same count, and the close counts them
// all. A quiz question open at the same time keeps its deadline and its answers. Runs on PGlite (a data directory) and on PostgreSQL when configured.
import { describe, expect, it } from "vitest";
import type { HostView, ParticipantView } from "../../server/live/views/types";
import { answerRows, countsOf, seatClass, voteRows, type Student } from "../support/classroom";
import { connect, send, signUpTeacher, socketsToClose, startSession } from "../support/clients";
import { must, received, snapshotOf } from "../support/debate";
import { backends, durableDatabase, startServer, type TestServer } from "../support/server";

const CLASS = 40;

describe.each(backends)("a poll and a question across a restart on %s", (backend) => {
  it("keeps every acknowledged vote and answer and the count, and counts the votes and answers after the restart with them", { timeout: 60_000 }, async () => {
    const storage = await durableDatabase(backend);
    const secret = "p".repeat(40);
    const { open, closeAll } = socketsToClose();
    let first: TestServer | undefined;
    let restarted: TestServer | undefined;
    try {
      first = await startServer(backend, { database: storage.options, secret });
      const teacher = await signUpTeacher(first.url, "Ms Restart");
      const session = await startSession(first.url, teacher.cookie, "conditioned-engagement", 60);
      const host = await connect(first.url, { role: "host", sessionId: session.id }, teacher.cookie);
      const students = await seatClass(first, host, session.code, CLASS);
      const { pollId } = await must(host, "poll:start", { scenarioPollId: "best-approach" });
      const options = (await snapshotOf<HostView>(host)).polls.current!.options.length;
      const choiceOf = (i: number, round = 0) => (i + round) % options;
      // A quiz question runs alongside: half the class answers before the stop.
      const { questionId } = await must(host, "quiz:ask", { itemId: "rainsy-abroad" });
      const question = (await snapshotOf<HostView>(host)).quiz.question!;
      const answered = await Promise.all(students.slice(0, 20).map((s, i) => send(s.socket, "quiz:answer", { questionId, choices: [i % 4] })));
      expect(answered.filter((a) => !a.ok)).toEqual([]);

      // 30 votes acknowledged before the stop…
      const settled = await Promise.all(students.slice(0, 30).map((s, i) => send(s.socket, "poll:vote", { pollId, choices: [choiceOf(i)] })));
      expect(settled.filter((a) => !a.ok)).toEqual([]);
      // …and 10 sent 2 ms apart as the server stops: each is acknowledged `ok`, refused, or never answered.
      const outcome = (s: Student, choice: number) =>
        new Promise<string>((resolve) => {
          if (!s.socket.connected) return resolve("dropped");
          s.socket.once("disconnect", () => resolve("dropped"));
          send(s.socket, "poll:vote", { pollId, choices: [choice] }).then(
            (a) => resolve(a.ok ? "ok" : a.error.code),
            () => resolve("dropped"),
          );
        });
      const sent = students.slice(30).map((s, i) => new Promise((r) => setTimeout(r, 2 * i)).then(() => outcome(s, choiceOf(30 + i))));
      const inFlight = Promise.all(sent);
      // The stop begins as the first of them is acknowledged, the rest still on their way.
      await Promise.race(sent);
      await first.close();
      first = undefined;
      host.close();
      const lastMoment = await inFlight;

      restarted = await startServer(backend, { database: storage.options, secret });
      const rows = await voteRows(restarted.database.db, pollId);
      const stored = new Map(rows.map((r) => [r.participantId, r.choices]));
      // Every acknowledged vote is there, as sent; nothing else but votes that were sent.
      for (const [i, s] of students.entries()) {
        const acknowledged = i < 30 || lastMoment[i - 30] === "ok";
        if (acknowledged) expect(stored.get(s.id), s.name).toEqual([choiceOf(i)]);
        else if (stored.has(s.id)) expect(stored.get(s.id), s.name).toEqual([choiceOf(i)]);
      }
      expect(rows.length).toBeGreaterThanOrEqual(30 + lastMoment.filter((o) => o === "ok").length);

      // The new server's count is rebuilt from the rows.
      const again = await open(restarted.url, { role: "host", sessionId: session.id }, teacher.cookie);
      const view = await snapshotOf<HostView>(again);
      expect(view.polls.current).toMatchObject({ id: pollId, status: "open", tally: { voted: rows.length, of: CLASS, counts: countsOf(rows, options) } });

      // Votes after the restart: those not stored vote, five change theirs; all in the same count.
      const tallies = received(again, "poll:tally");
      const back = await Promise.all(students.map((s) => open(restarted!.url, { role: "participant", token: s.token })));
      const after = await Promise.all(
        students.flatMap((s, i) =>
          !stored.has(s.id) ? [send(back[i], "poll:vote", { pollId, choices: [choiceOf(i)] })] : i < 5 ? [send(back[i], "poll:vote", { pollId, choices: [choiceOf(i, 1)] })] : [],
        ),
      );
      expect(after.filter((a) => !a.ok)).toEqual([]);
      const final = await voteRows(restarted.database.db, pollId);
      expect(final).toHaveLength(CLASS);
      for (const [i, s] of students.entries()) expect(final.find((r) => r.participantId === s.id)?.choices).toEqual([choiceOf(i, i < 5 ? 1 : 0)]);
      const counts = countsOf(final, options);
      await expect.poll(() => tallies.at(-1)?.counts, { timeout: 3000 }).toEqual(counts);
      expect(tallies.at(-1)).toMatchObject({ voted: CLASS, of: CLASS });

      // The question kept its deadline and its answers: a second one is refused, the rest are taken.
      expect(view.quiz.question).toMatchObject({ id: questionId, status: "open", endsAt: question.endsAt });
      expect(view.quiz.progress).toMatchObject({ answered: 20, of: CLASS });
      const mine = await snapshotOf<ParticipantView>(back[3]);
      expect(mine.myQuiz.answer).toEqual({ questionId, value: { choices: [3] } });
      const twice = await send(back[3], "quiz:answer", { questionId, choices: [0] });
      expect(twice.ok ? null : twice.error.code).toBe("invalid");
      const rest = await Promise.all(students.slice(20).map((_, i) => send(back[20 + i], "quiz:answer", { questionId, choices: [i % 4] })));
      expect(rest.filter((a) => !a.ok)).toEqual([]);
      await must(again, "quiz:close", { questionId });
      const scored = await answerRows(restarted.database.db, questionId);
      expect(scored).toHaveLength(CLASS);
      expect(scored.find((r) => r.participantId === students[3].id)?.answer).toEqual({ choices: [3] });
      expect(scored.every((r) => r.points !== null)).toBe(true);

      await must(again, "poll:close", { pollId });
      expect((await snapshotOf<HostView>(again)).polls.current).toMatchObject({ status: "closed", tally: { voted: CLASS, counts } });
      expect((await must(again, "poll:voters", { pollId })).voters).toHaveLength(CLASS);
    } finally {
      closeAll();
      await restarted?.close();
      await first?.close();
      await storage.drop();
    }
  });
});
