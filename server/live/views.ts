// Views per audience, built from database rows. The host sees everyone, the projector sees
// names by side, a student sees only their own side's brief and cards.
import type { EvidenceCard, PackedScenario, Side, Source } from "../../content/schema";
import type { ParticipantRow, RejoinRequestRow, SessionRow } from "../../db/schema";

export type SideSummary = { id: string; name: string; stance: Side["stance"] };

export type HostView = {
  audience: "host";
  version: number;
  session: { id: string; code: string; status: SessionRow["status"]; sidesLocked: boolean; capacity: number };
  scenario: { id: string; title: string; motion: string; sides: SideSummary[] };
  participants: { id: string; name: string; sideId: string | null; online: boolean }[];
  /** Students asking to be let back into their seat from another device, oldest first. */
  rejoinRequests: { id: string; participantId: string; name: string }[];
};

export type ProjectorView = {
  audience: "projector";
  version: number;
  session: { code: string; status: SessionRow["status"]; sidesLocked: boolean };
  scenario: { title: string; motion: string };
  sides: (SideSummary & { members: string[] })[];
  unassigned: string[];
  total: number;
};

export type CardView = Omit<EvidenceCard, "source"> & { source: Source };

export type ParticipantView = {
  audience: "participant";
  version: number;
  session: { code: string; status: SessionRow["status"]; title: string; motion: string; sidesLocked: boolean };
  me: { id: string; name: string; removed: boolean };
  side: (Omit<Side, "cards"> & { cards: CardView[] }) | null;
};

export type View = HostView | ProjectorView | ParticipantView;

const sideSummaries = (scenario: PackedScenario): SideSummary[] =>
  scenario.sides.map(({ id, name, stance }) => ({ id, name, stance }));

const active = (participants: readonly ParticipantRow[]) => participants.filter((p) => !p.removedAt);

export function hostView(
  session: SessionRow,
  scenario: PackedScenario,
  participants: readonly ParticipantRow[],
  isOnline: (participantId: string) => boolean,
  requests: readonly RejoinRequestRow[],
): HostView {
  const seated = new Map(active(participants).map((p) => [p.id, p]));
  return {
    audience: "host",
    version: session.version,
    session: { id: session.id, code: session.code, status: session.status, sidesLocked: session.sidesLocked, capacity: session.capacity },
    scenario: { id: scenario.id, title: scenario.title, motion: scenario.motion, sides: sideSummaries(scenario) },
    participants: [...seated.values()].map((p) => ({ id: p.id, name: p.displayName, sideId: p.sideId, online: isOnline(p.id) })),
    rejoinRequests: requests.flatMap((r) => {
      const seat = seated.get(r.participantId);
      return seat ? [{ id: r.id, participantId: seat.id, name: seat.displayName }] : [];
    }),
  };
}

export function projectorView(session: SessionRow, scenario: PackedScenario, participants: readonly ParticipantRow[]): ProjectorView {
  const seated = active(participants);
  const sideIds = new Set(scenario.sides.map((s) => s.id));
  return {
    audience: "projector",
    version: session.version,
    session: { code: session.code, status: session.status, sidesLocked: session.sidesLocked },
    scenario: { title: scenario.title, motion: scenario.motion },
    sides: sideSummaries(scenario).map((side) => ({
      ...side,
      members: seated.filter((p) => p.sideId === side.id).map((p) => p.displayName),
    })),
    unassigned: seated.filter((p) => !p.sideId || !sideIds.has(p.sideId)).map((p) => p.displayName),
    total: seated.length,
  };
}

/** The cards a side gets, each with its source. The pack's schema guarantees both exist. */
export function sideCards(scenario: PackedScenario, side: Side): CardView[] {
  const cards = new Map(scenario.cards.map((c) => [c.id, c]));
  const sources = new Map(scenario.sources.map((s) => [s.id, s]));
  return side.cards.map((id) => {
    const card = cards.get(id)!;
    return { ...card, source: sources.get(card.source)! };
  });
}

export function participantView(session: SessionRow, scenario: PackedScenario, participant: ParticipantRow): ParticipantView {
  const removed = participant.removedAt !== null;
  const side = removed ? undefined : scenario.sides.find((s) => s.id === participant.sideId);
  return {
    audience: "participant",
    version: session.version,
    session: {
      code: session.code,
      status: session.status,
      title: scenario.title,
      motion: scenario.motion,
      sidesLocked: session.sidesLocked,
    },
    me: { id: participant.id, name: participant.displayName, removed },
    side: side ? { ...side, cards: sideCards(scenario, side) } : null,
  };
}
