// Socket.IO room names, in one place so the engine and the handlers agree.
export const rooms = {
  /** Everyone in a session: the teacher's consoles, projectors and students. */
  session: (sessionId: string) => `session:${sessionId}`,
  host: (sessionId: string) => `session:${sessionId}:host`,
  projector: (sessionId: string) => `session:${sessionId}:projector`,
  side: (sessionId: string, sideId: string) => `session:${sessionId}:side:${sideId}`,
  participant: (participantId: string) => `participant:${participantId}`,
  /** The host and projector sockets a teacher's login opened, closed together when it ends. */
  login: (loginId: string) => `login:${loginId}`,
};
