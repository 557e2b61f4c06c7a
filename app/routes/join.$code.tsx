import { redirect, type LoaderFunctionArgs } from "@remix-run/node";

/** The address in the QR code: fills the code into the join form. */
export function loader({ params }: LoaderFunctionArgs) {
  throw redirect(`/join?code=${encodeURIComponent(params.code ?? "")}`);
}
