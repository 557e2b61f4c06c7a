// Socket.IO room names, in one place so the engine and the handlers agree.
export const rooms = {
  host: (sessionId: string) => `session:${sessionId}:host`,
  projector: (sessionId: string) => `session:${sessionId}:projector`,
  participant: (participantId: string) => `participant:${participantId}`,
  /** The host and projector sockets a teacher's login opened, closed together when it ends. */
  login: (loginId: string) => `login:${loginId}`,
};
