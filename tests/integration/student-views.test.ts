// A student's view is never older than its version: the teacher moves a student between sides
// while the student and classmates ask for snapshots, and the phone, keeping the newest version
// as the client does, always ends on the side the teacher chose. A view stamped newer than its
// seat would stick there on the wrong side's brief.
// Runs on PGlite, and on PostgreSQL when configured.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ParticipantView } from "../../server/live/views/types";
import { seatClass } from "../support/classroom";
import { send, signUpTeacher, socketsToClose, startSession } from "../support/clients";
import { must, SIDES } from "../support/debate";
import { backends, startServer, type TestServer } from "../support/server";

describe.each(backends)("a student's own view on %s", (backend) => {
  let server: TestServer;
  let teacher: { cookie: string };
  const { open, closeAll } = socketsToClose();

  beforeAll(async () => {
    server = await startServer(backend);
    teacher = await signUpTeacher(server.url, "Ms Sides");
  });
  afterAll(async () => {
    closeAll();
    await server?.close();
  });

  it("ends each move on the side the teacher chose, while the student and classmates ask for snapshots", { timeout: 60_000 }, async () => {
    const session = await startSession(server.url, teacher.cookie, "conditioned-engagement", 60);
    const host = await open(server.url, { role: "host", sessionId: session.id }, teacher.cookie);
    const students = await seatClass(server, host, session.code, 30, open);
    const [moved, ...others] = students;
    // What the phone shows: as the client does, it keeps a view of the same or a newer version, in the order they arrive.
    let shown: ParticipantView | undefined;
    const offer = (view: ParticipantView) => {
      if (!shown || view.version >= shown.version) shown = view;
    };
    moved.socket.on("participant:view", offer);
    const sides = [SIDES.rgc, SIDES.cnrp];
    for (let i = 0; i < 20; i++) {
      const sideId = sides[i % 2];
      const snapshots = [others[0], moved, ...others.slice(1, 6)].map((s) =>
        send(s.socket, "session:snapshot", {}).then((answer) => {
          if (s === moved && answer.ok) offer(answer.data as ParticipantView);
        }),
      );
      await must(host, "lobby:moveParticipant", { participantId: moved.id, sideId });
      await Promise.all(snapshots);
      await expect.poll(() => shown?.side?.id, { timeout: 3000 }).toBe(sideId);
    }
  });
});
