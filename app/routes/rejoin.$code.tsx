// A student whose device lost its seat's cookie asks the teacher to be let back in, then waits
// here. The page looks again every few seconds by itself; once the teacher lets them in, the
// seat's token is this device's (already in its cookie) and it goes to its seat.
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useRevalidator } from "@remix-run/react";
import { useEffect, useRef } from "react";
import { z } from "zod";
import { TopBar } from "~/components/TopBar";
import { guessCode } from "~/lib/codeGuesses.server";
import { orNotFound } from "~/lib/live.server";
import { requestOfBrowser, returnToSeat, seatOfBrowser } from "~/lib/seat.server";
import { isLiveError } from "../../server/live/errors";
import { SEAT_MOVED } from "../../server/live/lobby/rejoin";

export const meta: MetaFunction = () => [{ title: "Back into your seat · Rostrum" }];

const POLL_MS = 3000;

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const code = params.code ?? "";
  // This device's own seat or request is found from its cookie first: the page looks every few
  // seconds, and another person's code guessing at the school must not turn that into a 429.
  const seat = await seatOfBrowser(request, context, code);
  if (seat) throw redirect(`/play/${seat.session.code}`);
  const asked = await requestOfBrowser(request, context, code);
  const session = asked?.session ?? (await orNotFound(guessCode(context.clientAddress, () => context.live.sessionByCode(code))));
  const state: keyof typeof says = session.status === "ended" ? "ended" : asked?.status === "approved" ? "moved" : (asked?.status ?? "none");
  return { code: session.code, state, name: asked?.name, moved: SEAT_MOVED };
}

const rejoinForm = z.object({ name: z.string().max(200).default(""), joinId: z.uuid().optional().catch(undefined) });

export async function action({ request, params, context }: ActionFunctionArgs) {
  const session = await orNotFound(guessCode(context.clientAddress, () => context.live.sessionByCode(params.code ?? "")));
  const form = rejoinForm.safeParse(Object.fromEntries(await request.formData()));
  if (!form.success) return { error: "Please go back and type your name." };
  await returnToSeat(request, context, session.code);
  try {
    const { token } = await context.live.requestRejoin(session, form.data.name, form.data.joinId);
    const cookie = await context.cookies.addSeat(request.headers.get("Cookie"), session.id, token);
    throw redirect(`/rejoin/${session.code}`, { headers: { "Set-Cookie": cookie } });
  } catch (error) {
    if (!isLiveError(error)) throw error;
    return { error: error.message };
  }
}

const says = {
  pending: { title: "Waiting for your teacher", text: (name?: string) => `You asked to rejoin as “${name}”. This page updates by itself when your teacher answers.` },
  refused: { title: "Your teacher did not let you back in", text: () => "Ask your teacher, or join with another name." },
  moved: { title: "Your seat moved", text: (_name?: string, moved?: string) => moved },
  ended: { title: "This session has ended", text: () => "There is nothing left to join. Thank you for taking part!" },
  none: { title: "No request from this device", text: () => "Join with your name; if it is taken, you can ask your teacher to let you back in." },
};

/** Looks at the loader again every few seconds while the page is visible. */
function usePoll(active: boolean) {
  const revalidator = useRevalidator();
  const latest = useRef(revalidator);
  latest.current = revalidator;
  useEffect(() => {
    if (!active) return;
    const timer = setInterval(() => {
      if (document.visibilityState === "visible" && latest.current.state === "idle") latest.current.revalidate();
    }, POLL_MS);
    return () => clearInterval(timer);
  }, [active]);
}

export default function Rejoin() {
  const { code, state, name, moved } = useLoaderData<typeof loader>();
  const failed = useActionData<typeof action>()?.error;
  usePoll(state === "pending" && !failed);
  const shown = failed ? { title: "We could not ask your teacher", text: () => failed } : says[state];
  return (
    <>
      <TopBar />
      <main id="main" className="page narrow">
        <h1>{shown.title}</h1>
        <p role={failed ? "alert" : "status"} className={`banner ${failed || state === "refused" ? "warn" : "note"}`}>
          {shown.text(name, moved)}
        </p>
        {state === "pending" && !failed ? (
          <p>
            <a href={`/rejoin/${code}`}>Check now</a>
          </p>
        ) : (
          <p>
            <Link to={`/join?code=${code}`}>Back to the join form</Link>
          </p>
        )}
      </main>
    </>
  );
}
