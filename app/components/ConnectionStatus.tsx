import type { Connection } from "~/lib/live";

const labels: Record<Connection, string> = {
  connecting: "Connecting…",
  online: "Live",
  offline: "Offline, reconnecting…",
  refused: "Disconnected",
};

/** Connection state as text and a dot, announced when it changes. */
export function ConnectionStatus({ connection }: { connection: Connection }) {
  return (
    <span className={`status ${connection === "online" ? "online" : connection === "connecting" ? "" : "offline"}`} role="status" aria-live="polite">
      {labels[connection]}
    </span>
  );
}
