// Who is connected right now: a count of open sockets per participant. A cache only; it is
// rebuilt as clients reconnect, and nothing is scored from it.
export function createPresence() {
  const sockets = new Map<string, number>();
  return {
    /** Returns true when the participant just came online. */
    connect(participantId: string): boolean {
      const n = (sockets.get(participantId) ?? 0) + 1;
      sockets.set(participantId, n);
      return n === 1;
    },
    /** Returns true when the participant's last socket closed. */
    disconnect(participantId: string): boolean {
      const n = (sockets.get(participantId) ?? 0) - 1;
      if (n > 0) sockets.set(participantId, n);
      else sockets.delete(participantId);
      return n <= 0;
    },
    isOnline: (participantId: string) => sockets.has(participantId),
  };
}
export type Presence = ReturnType<typeof createPresence>;
