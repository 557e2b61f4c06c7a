import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { Field } from "~/components/Field";
import { FormPage } from "~/components/FormPage";
import { useFormAnswer } from "~/lib/forms";
import { guessCode } from "~/lib/codeGuesses.server";
import { returnToSeat } from "~/lib/seat.server";
import { REMOVED } from "../../server/live/guards";
import { isLiveError } from "../../server/live/errors";
import { NAME_MAX_LENGTH } from "../../server/limits";

export const meta: MetaFunction = () => [{ title: "Join a session · Rostrum" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const code = new URL(request.url).searchParams.get("code") ?? "";
  if (code) await returnToSeat(request, context, code);
  return { code, joinId: crypto.randomUUID() };
}

type JoinErrors = { code?: string; name?: string; form?: string };

const joinForm = z.object({
  code: z.string().max(40).default(""),
  name: z.string().max(200).default(""),
  joinId: z.uuid().optional().catch(undefined),
});

export async function action({ request, context }: ActionFunctionArgs) {
  const form = joinForm.safeParse(Object.fromEntries(await request.formData()));
  if (!form.success) return { errors: { form: "Please fill in the code and your name." } as JoinErrors, name: "" };
  const { code, name, joinId } = form.data;
  if ((await returnToSeat(request, context, code)) === "removed") return data({ errors: { form: REMOVED } as JoinErrors, name, rejoin: undefined }, { status: 403 });
  try {
    const { session, token } = await guessCode(context.clientAddress, () => context.live.joinSession(code, name, joinId));
    const cookie = await context.cookies.addSeat(request.headers.get("Cookie"), session.id, token);
    throw redirect(`/play/${session.code}`, { headers: { "Set-Cookie": cookie } });
  } catch (error) {
    if (!isLiveError(error)) throw error;
    const field = error.field === "name" || error.field === "code" ? error.field : "form";
    // The name may be this student's own seat, on a device that lost its cookie; the error, which
    // takes focus, points to the offer below the form.
    const rejoin = error.code === "name_taken" ? { code, name, joinId } : undefined;
    const message = rejoin ? `${error.message} If that is you on another phone or browser, use “This is me” below.` : error.message;
    return data({ errors: { [field]: message } as JoinErrors, name, rejoin }, { status: error.code === "rate_limited" ? 429 : 200 });
  }
}

export default function Join() {
  const { code, joinId } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const { errors, busy } = useFormAnswer(data);
  const rejoin = data && "rejoin" in data ? data.rejoin : undefined;
  return (
    <FormPage
      title="Join a session"
      formError={errors.form}
      after={
        rejoin ? (
          <Form method="post" action={`/rejoin/${encodeURIComponent(rejoin.code)}`} className="panel">
            <h2>Is “{rejoin.name}” you?</h2>
            <p>If you joined earlier on another phone or browser, your teacher can let you back into your seat on this one.</p>
            <input type="hidden" name="name" value={rejoin.name} />
            {rejoin.joinId ? <input type="hidden" name="joinId" value={rejoin.joinId} /> : null}
            <button type="submit" className="secondary" disabled={busy}>
              This is me: ask the teacher to let me back in
            </button>
          </Form>
        ) : null
      }
    >
      <input type="hidden" name="joinId" value={joinId} />
      <Field
        label="Join code"
        name="code"
        type="text"
        className="code-input"
        autoComplete="off"
        autoCapitalize="characters"
        spellCheck={false}
        inputMode="text"
        required
        maxLength={12}
        defaultValue={code}
        hint="6 letters and digits, shown by your teacher."
        error={errors.code}
      />
      <Field
        label="Your name"
        name="name"
        type="text"
        autoComplete="nickname"
        required
        maxLength={NAME_MAX_LENGTH}
        defaultValue={data?.name}
        hint="The name your class will see. No account needed."
        error={errors.name}
        autoFocus={Boolean(code)}
      />
      <button type="submit" disabled={busy}>
        {busy ? "Joining…" : "Join"}
      </button>
    </FormPage>
  );
}
