// Shared behaviour of the pages' forms.
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
