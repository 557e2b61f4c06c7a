import { useEffect, useRef, useState } from "react";
import { NAME_MAX_LENGTH } from "../../server/limits";

type Props = {
  id: string;
  name: string;
  disabled: boolean;
  /** Resolves with the server's message when the new name is refused. */
  onRename: (name: string) => Promise<string | undefined>;
  /** Saved, cancelled or Escape: the roster closes the field and puts focus back on its button. */
  onClose: () => void;
};

/** The labelled field a teacher renames a student with; it takes focus when it opens. */
export function RenameStudent({ id, name, disabled, onRename, onClose }: Props) {
  const [error, setError] = useState<string>();
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => input.current?.focus(), []);
  const errorId = `rename-${id}-error`;
  return (
    <form
      id={`rename-form-${id}`}
      className="rename"
      onKeyDown={(e) => {
        if (e.key === "Escape") onClose();
      }}
      onSubmit={async (e) => {
        e.preventDefault();
        const problem = await onRename(String(new FormData(e.currentTarget).get("name") ?? ""));
        if (!problem) return onClose();
        setError(problem);
        input.current?.focus();
      }}
    >
      <label htmlFor={`rename-${id}`}>New name for {name}</label>
      <input
        ref={input}
        id={`rename-${id}`}
        name="name"
        type="text"
        autoComplete="off"
        defaultValue={name}
        maxLength={NAME_MAX_LENGTH}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? errorId : undefined}
      />
      {error ? (
        <p className="field-error" id={errorId} role="alert">
          {error}
        </p>
      ) : null}
      <div className="actions">
        <button type="submit" className="small" disabled={disabled}>
          Save name
        </button>
        <button type="button" className="secondary small" onClick={onClose}>
          Cancel
        </button>
      </div>
    </form>
  );
}
