import { describe, expect, it } from "vitest";
import { applyDelta } from "../../app/lib/liveState";
import type { ArgumentView, HostView, ProjectorView, RoundView } from "../../server/live/views/types";

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
});
