// Side assignment rules, pure so they can be tested alone.

export type Seat = { id: string; sideId: string | null };

/** A scenario's side ids, in the scenario's order. */
export const sideIdsOf = (scenario: { sides: readonly { id: string }[] }) => scenario.sides.map((s) => s.id);

/** A seat without a side of this scenario (none yet, or one the scenario does not have). */
export const isUnassigned = (seat: { sideId: string | null }, sideIds: readonly string[]) => seat.sideId === null || !sideIds.includes(seat.sideId);

/** The seat's side, or null when it is unassigned: what views and student writes go by. */
export const sideOfSeat = (seat: { sideId: string | null }, sideIds: readonly string[]) => (isUnassigned(seat, sideIds) ? null : seat.sideId);

/**
 * Balances seats over sides: sizes differ by at most one, and running it again on a balanced
 * room changes nothing. Seats keep their side where they can; the most recent joiners move
 * first (seats are given in join order), and unassigned seats fill the emptiest sides.
 * Returns the new side of every seat whose side changes.
 */
export function autoBalance(seats: readonly Seat[], sideIds: readonly string[]): Map<string, string> {
  if (sideIds.length === 0) return new Map();
  const members = new Map(sideIds.map((s) => [s, [] as Seat[]]));
  const waiting: Seat[] = [];
  for (const seat of seats) {
    const list = isUnassigned(seat, sideIds) ? undefined : members.get(seat.sideId!);
    (list ?? waiting).push(seat);
  }
  // The sides that get one extra member are those that already have the most, so a
  // balanced room is left as it is; ties go to the side listed first.
  const base = Math.floor(seats.length / sideIds.length);
  const extra = seats.length % sideIds.length;
  const bySize = [...sideIds].sort((a, b) => members.get(b)!.length - members.get(a)!.length || sideIds.indexOf(a) - sideIds.indexOf(b));
  const target = new Map(sideIds.map((s) => [s, base + (bySize.indexOf(s) < extra ? 1 : 0)]));

  const pool: Seat[] = [];
  for (const side of sideIds) {
    const list = members.get(side)!;
    while (list.length > target.get(side)!) pool.push(list.pop()!);
  }
  const order = new Map(seats.map((s, i) => [s.id, i]));
  const toPlace = [...waiting, ...pool].sort((a, b) => order.get(a.id)! - order.get(b.id)!);
  const moves = new Map<string, string>();
  for (const seat of toPlace) {
    const side = sideIds.find((s) => members.get(s)!.length < target.get(s)!)!;
    members.get(side)!.push(seat);
    if (seat.sideId !== side) moves.set(seat.id, side);
  }
  return moves;
}

/** How many seats each side has (`null`: no side yet); what a join needs to know of the room, without its seats. */
export type SideCounts = ReadonlyMap<string | null, number>;

export function countBySide(seats: readonly { sideId: string | null }[]): Map<string | null, number> {
  const counts = new Map<string | null, number>();
  for (const { sideId } of seats) counts.set(sideId, (counts.get(sideId) ?? 0) + 1);
  return counts;
}

/** Every seat counted, whatever its side: how full the session is. */
export const seatTotal = (counts: SideCounts) => [...counts.values()].reduce((sum, n) => sum + n, 0);

/** Where a student who joins after sides are locked sits: the smallest side, first listed on a tie. */
export function smallestSide(counts: SideCounts, sideIds: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestSize = Infinity;
  for (const side of sideIds) {
    const size = counts.get(side) ?? 0;
    if (size < bestSize) [best, bestSize] = [side, size];
  }
  return best;
}
