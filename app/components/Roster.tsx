import { useState } from "react";
import { stanceLabel } from "~/lib/content";
import type { HostView } from "../../server/live/views/types";
import { RenameStudent } from "./RenameStudent";

type Props = {
  view: HostView;
  disabled: boolean;
  onMove: (participantId: string, sideId: string | null) => void;
  onRemove: (participantId: string, name: string) => void;
  /** Resolves with the server's message when the new name is refused. */
  onRename: (participantId: string, name: string) => Promise<string | undefined>;
};

/**
 * The teacher's list of students by side. A student moves only when the teacher presses Move,
 * so browsing the side list with the arrow keys moves nobody.
 */
export function Roster({ view, disabled, onMove, onRemove, onRename }: Props) {
  // The student whose name field is open; closing it returns focus to their Rename button.
  const [renaming, setRenaming] = useState<string>();
  const closeRename = (participantId: string) => {
    setRenaming(undefined);
    requestAnimationFrame(() => document.getElementById(`rename-toggle-${participantId}`)?.focus());
  };
  const groups = [
    ...view.scenario.sides.map((s) => ({ id: s.id as string | null, name: s.name, stance: stanceLabel(s) as string | undefined })),
    { id: null, name: "Not yet on a side", stance: undefined },
  ];
  return (
    <div className="roster">
      {groups.map((group) => {
        const members = view.participants.filter((p) => (group.id === null ? !p.sideId : p.sideId === group.id));
        if (group.id === null && members.length === 0) return null;
        return (
          <section key={group.id ?? "none"} className="panel" aria-labelledby={`group-${group.id ?? "none"}`}>
            <h3 id={`group-${group.id ?? "none"}`}>
              {group.name} <span className="muted">({members.length})</span>
            </h3>
            {group.stance ? <p className="stance">{group.stance}</p> : null}
            {members.length === 0 ? <p className="muted">No one yet.</p> : null}
            <ul>
              {members.map((p) => (
                <li key={p.id}>
                  <strong className="person-name">{p.name}</strong>
                  <span className={`status ${p.online ? "online" : "offline"}`}>{p.online ? "online" : "offline"}</span>
                  <form
                    className="controls"
                    onSubmit={(e) => {
                      e.preventDefault();
                      const side = new FormData(e.currentTarget).get("side");
                      onMove(p.id, side ? String(side) : null);
                    }}
                  >
                    <label className="visually-hidden" htmlFor={`side-${p.id}`}>
                      Side for {p.name}
                    </label>
                    {/* Keyed by the side so the picker shows the truth again after any update. */}
                    <select key={p.sideId ?? ""} id={`side-${p.id}`} name="side" defaultValue={p.sideId ?? ""} disabled={disabled}>
                      {view.session.sidesLocked ? null : <option value="">No side</option>}
                      {view.scenario.sides.map((s) => (
                        <option key={s.id} value={s.id}>
                          {s.name}
                        </option>
                      ))}
                    </select>
                    <button type="submit" className="secondary small" disabled={disabled}>
                      Move<span className="visually-hidden"> {p.name}</span>
                    </button>
                    <button
                      type="button"
                      id={`rename-toggle-${p.id}`}
                      className="secondary small"
                      disabled={disabled}
                      aria-expanded={renaming === p.id}
                      aria-controls={renaming === p.id ? `rename-form-${p.id}` : undefined}
                      onClick={() => (renaming === p.id ? closeRename(p.id) : setRenaming(p.id))}
                    >
                      Rename<span className="visually-hidden"> {p.name}</span>
                    </button>
                    <button type="button" className="danger small" disabled={disabled} onClick={() => onRemove(p.id, p.name)}>
                      Remove<span className="visually-hidden"> {p.name}</span>
                    </button>
                  </form>
                  {renaming === p.id ? (
                    <RenameStudent id={p.id} name={p.name} disabled={disabled} onRename={(name) => onRename(p.id, name)} onClose={() => closeRename(p.id)} />
                  ) : null}
                </li>
              ))}
            </ul>
          </section>
        );
      })}
    </div>
  );
}
