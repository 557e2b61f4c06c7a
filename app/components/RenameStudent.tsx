import { useEffect, useRef, useState } from "react";
import { NAME_MAX_LENGTH } from "../../server/limits";

type Props = {
  id: string;
  name: string;
  disabled: boolean;
  /** Resolves with the server's message when the new name is refused. */
  onRename: (name: string) => Promise<string | undefined>;
};

/** A student's Rename button, which opens a labelled field; Escape or Cancel closes it and focus returns. */
export function RenameStudent({ id, name, disabled, onRename }: Props) {
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<string>();
  const toggle = useRef<HTMLButtonElement>(null);
  const input = useRef<HTMLInputElement>(null);
  const opened = useRef(false);
  useEffect(() => {
    if (open) input.current?.focus();
    else if (opened.current) toggle.current?.focus();
    opened.current = open;
  }, [open]);
  const close = () => {
    setOpen(false);
    setError(undefined);
  };

  if (!open)
    return (
      <button ref={toggle} type="button" className="secondary small rename-toggle" disabled={disabled} aria-expanded={false} onClick={() => setOpen(true)}>
        Rename<span className="visually-hidden"> {name}</span>
      </button>
    );
  const errorId = `rename-${id}-error`;
  return (
    <form
      className="rename"
      onKeyDown={(e) => {
        if (e.key === "Escape") close();
      }}
      onSubmit={async (e) => {
        e.preventDefault();
        const problem = await onRename(String(new FormData(e.currentTarget).get("name") ?? ""));
        if (problem) {
          setError(problem);
          input.current?.focus();
        } else close();
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
        <button type="button" className="secondary small" onClick={close}>
          Cancel
        </button>
      </div>
    </form>
  );
}
