// Shared behaviour of the pages' forms.
import { useNavigation } from "@remix-run/react";
import { useEffect } from "react";

/**
 * After the server answers a form with errors, focus the first field marked invalid, so a
 * keyboard or screen-reader user lands on what to fix and hears its message.
 */
export function useFocusFirstError(answer: unknown) {
  useEffect(() => {
    if (answer) document.querySelector<HTMLElement>('main [aria-invalid="true"]')?.focus();
  }, [answer]);
}

/** A form page's answer: its field errors (focused when they arrive) and whether it is sending. */
export function useFormAnswer<E extends object>(answer: { errors: E } | undefined) {
  useFocusFirstError(answer);
  return { errors: (answer?.errors ?? {}) as Partial<E> & { form?: string }, busy: useNavigation().state !== "idle" };
}
